"""The declarations pass: enumerations, outputs, modes, sets, parameters, tables, calendar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from edaran.core import types as t
from edaran.core.diagnostics import Diagnostic, Label, Span
from edaran.core.runtime import UnitTable
from edaran.core.suggest import suggest
from edaran.lang import ir
from edaran.lang import nodes as n
from edaran.lang.checks.state import State
from edaran.lang.schema import WEEKDAY

__all__ = ["declarations"]


def declarations(state: State) -> None:
    """Check every declaration; fill the environment, the holidays and the working week."""
    _declare(state, state.items)
    state.holidays = tuple(_holidays(state, state.items))
    state.workweek = _workweek(state, state.items)


def _declare(state: State, items: Iterable[n.Item]) -> None:
    for item in items:
        if isinstance(item, n.EnumDecl) and state.claim(item.name):
            members = tuple((m.name, m.name) for m in item.members)
            state.env.enums[item.name.name] = t.EnumType(item.name.name, item.name.name, members)
        elif isinstance(item, n.OutputDecl) and state.claim(item.name):
            kind = state.type_ref(item.type)
            if kind is not None:
                state.outputs[item.name.name] = kind
        elif isinstance(item, n.ModeDecl):
            state.claim(item.name)
    state.table_spans = {}
    for item in items:
        if isinstance(item, n.SetDecl):
            _set_decl(state, item)
        elif isinstance(item, n.ParamDecl):
            _param_decl(state, item)
        elif isinstance(item, n.TableDecl):
            _table_decl(state, item)


def _set_decl(state: State, item: n.SetDecl) -> None:
    if not state.claim(item.name):
        return
    element = state.type_ref(item.type)
    if element is None:
        return
    typed = state.exprs.check(item.items, t.SetType(element))
    if isinstance(typed, ir.Const):
        state.env.sets[item.name.name] = ir.Const(
            typed.value, t.SetType(element), item.name.name, span=item.span
        )


def _param_decl(state: State, item: n.ParamDecl) -> None:
    if not state.claim(item.name):
        return
    kind = state.type_ref(item.type)
    if kind is None:
        return
    values: list[tuple[dt.date | None, object]] = []
    for since, expr in [(None, item.value), *((c.date, c.value) for c in item.changes)]:
        day = state.exprs.date(since) if since is not None else None
        value = state.constant(expr, kind)
        if value is not None and (since is None or day is not None):
            values.append((day, value))
    values.sort(key=lambda pair: pair[0] or dt.date.min)
    state.params[item.name.name] = tuple(values)
    state.env.params[item.name.name] = kind


def _table_decl(state: State, item: n.TableDecl) -> None:
    if not state.claim(item.name):
        return
    key = _key_type(state, item.key_type)
    if key is None:
        return
    kind = state.type_ref(item.value_type)
    if kind is None:
        return
    name = item.name.name
    for file in item.files:  # read by Circular.load and edaran.check, never by the checker
        state.report(Diagnostic("E175", file.span, {"path": file.path}))
    default = _dated(state, name, item.default, item.changes, kind, name)
    rows: dict[str, list[tuple[dt.date | None, object]]] = {}
    spans: dict[str, Span | None] = {}
    for row in item.rows:
        if row.key.name in rows:
            first = spans[row.key.name]
            labels = (Label(first, "label-declared-here"),) if first is not None else ()
            state.report(
                Diagnostic("E105", row.key.span, {"name": f"{name}[{row.key.name}]"}, labels=labels)
            )
            continue
        if isinstance(key, t.EnumType) and key.lookup(row.key.name) is None:
            args = {"name": row.key.name, "type": t.TypeName(key)}
            hints = suggest(row.key.name, key.names())
            state.report(Diagnostic("E205", row.key.span, args, suggestions=hints))
            continue
        label = f"{name}[{row.key.name}]"
        values = _dated(state, label, row.value, row.changes, kind, label)
        if values:
            rows[row.key.name] = values
            spans[row.key.name] = row.span
    where: dict[str | None, object] = {None: item.default.span}
    where.update(spans)
    by_unit = not isinstance(key, t.EnumType)
    days = sorted({day for values in [default, *rows.values()] for day, _ in values if day})
    versions = []
    for day in [None, *days]:
        table = UnitTable(
            name, _default_at(default, day), _rows_at(rows, day), where, by_unit=by_unit
        )
        versions.append((day, table))
    state.env.tables[name] = (versions[0][1], kind)
    state.env.table_keys[name] = key
    state.table_spans[name] = spans
    if days:
        # A table that changes from dates is read like a parameter: the
        # version in force on the day of the decision.
        state.env.dated_tables.add(name)
        state.params[name] = tuple(versions)


def _key_type(state: State, ident: n.Ident) -> t.Type | None:
    """``unit``, or an enumeration whose members name the rows (E206 for anything else)."""
    if ident.name == "unit":
        return t.UnitType(state.schema.unit_cls)
    kind = state.type_ref(n.TypeRef(ident.name, span=ident.span))
    if kind is None:
        return None  # E206 reported
    if not isinstance(kind, t.EnumType) or kind is state.modes:
        state.report(Diagnostic("E206", ident.span, {"name": ident.name}, suggestions=("unit",)))
        return None
    return kind


def _dated(
    state: State,
    label: str,
    value: n.Expr | None,
    changes: Iterable[n.ParamChange],
    kind: t.Type,
    name: str,
) -> list[tuple[dt.date | None, object]]:
    """A value and its dated changes, first the undated one; a date given twice is E170."""
    found: list[tuple[dt.date | None, object]] = []
    first = state.constant(value, kind, name) if value is not None else None
    if first is not None:
        found.append((None, first))
    seen: dict[dt.date, Span | None] = {}
    for change in changes:
        day = state.exprs.date(change.date)
        if day is None:
            continue
        if day in seen:
            other = seen[day]
            labels = (Label(other, "label-declared-here"),) if other is not None else ()
            args = {"name": label, "date": day.isoformat()}
            state.report(Diagnostic("E170", change.date.span, args, labels=labels))
            continue
        seen[day] = change.date.span
        changed = state.constant(change.value, kind, name)
        if changed is not None:
            found.append((day, changed))
    found.sort(key=lambda pair: pair[0] or dt.date.min)
    return found


#: A row that has no value yet on a day (its first value is dated): the unit
#: then follows its parent or the default.
_ABSENT = object()


def _at(values: list[tuple[dt.date | None, object]], day: dt.date | None) -> object:
    """The value in force on ``day`` (None: before every change)."""
    value: object = _ABSENT
    for since, candidate in values:
        if since is None or (day is not None and since <= day):
            value = candidate
    return value


def _default_at(values: list[tuple[dt.date | None, object]], day: dt.date | None) -> object:
    """The default in force on ``day`` (None when it did not check: its error is reported)."""
    value = _at(values, day)
    return None if value is _ABSENT else value


def _rows_at(
    rows: dict[str, list[tuple[dt.date | None, object]]], day: dt.date | None
) -> dict[str, object]:
    """The rows of the version in force from ``day``: those that have a value by then."""
    found = {code: _at(values, day) for code, values in rows.items()}
    return {code: value for code, value in found.items() if value is not _ABSENT}


def _holidays(state: State, items: Iterable[n.Item]) -> list[tuple[dt.date, dt.date, str]]:
    found = []
    for item in items:
        if isinstance(item, n.HolidayDecl):
            start = state.exprs.date(item.start)
            end = state.exprs.date(item.end) if item.end else start
            if start and end:
                found.append((start, end, item.label))
    return found


def _workweek(state: State, items: Iterable[n.Item]) -> frozenset[int]:
    days: set[int] = set()
    declared = [i for i in items if isinstance(i, n.WorkweekDecl)]
    for item in declared:
        for ident in item.days:
            member = WEEKDAY.lookup(ident.name)
            if member is None:
                state.report(
                    Diagnostic(
                        "E205",
                        ident.span,
                        {"name": ident.name, "type": t.TypeName(WEEKDAY)},
                        suggestions=suggest(ident.name, WEEKDAY.names()),
                    )
                )
            else:
                days.add(member.value)  # type: ignore[attr-defined]  # a Weekday member
    return frozenset(days) if declared else frozenset(range(5))
