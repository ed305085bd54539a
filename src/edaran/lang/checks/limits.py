"""Checking ``batas`` declarations: caps, floors and per-person limits (butir 4).

The pass :func:`limits` checks every block with :func:`check_limit`, then the
parameters a limit is set through (:func:`check_limit_params`).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Mapping
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

import attrs

from edaran.core import types as t
from edaran.core.diagnostics import Diagnostic, Label, Span
from edaran.core.modes import DAY_STATUSES, STATUS_NOT_COVERED
from edaran.core.runtime import UnitTable
from edaran.core.suggest import suggest
from edaran.lang import ir
from edaran.lang import nodes as n
from edaran.lang.checks.shared import misplaced_record, reads_contacts
from edaran.lang.checks.state import State
from edaran.lang.expressions import ExprChecker
from edaran.messages import Localized
from edaran.model.calendar import WorkCalendar

#: The longest window of a block, in days: blocks are taken around an event (a
#: holiday, a summit), and a longer window would only make the work of dealing
#: them out (and of checking that a block fits) grow without bound.
MAX_BLOCK_WINDOW = 366

__all__ = [
    "MAX_BLOCK_WINDOW",
    "SCOPES",
    "WINDOWS",
    "check_limit",
    "check_limit_params",
    "clashing_limits",
    "limits",
]

#: scope word (Indonesian and English) -> canonical scope
SCOPES = {
    "unit": "unit",
    "perangkat_daerah": "perangkat_daerah",
    "agency": "perangkat_daerah",
    "pegawai": "pegawai",
    "employee": "pegawai",
}
#: window word -> canonical window
WINDOWS = {
    "hari": "hari",
    "day": "hari",
    "minggu": "minggu",
    "pekan": "minggu",
    "week": "minggu",
    "bulan": "bulan",
    "month": "bulan",
    "periode": "periode",
    "period": "periode",
}
_DEFAULT_ROUNDING = {"at_most": "down", "at_least": "up"}
#: where whoever a limit keeps back goes (the scheduler's fallback)
FALLBACK = "WFO"

#: what a decision can be that is no work mode: a limit counts none of them
_STATUSES = frozenset({*DAY_STATUSES, STATUS_NOT_COVERED})


def check_limit(
    decl: n.LimitDecl,
    exprs: ExprChecker,
    modes: t.EnumType,
    report: Callable[[Diagnostic], None],
    calendar: WorkCalendar | None = None,
) -> list[ir.LimitIR]:
    """The checked limits of one ``batas`` block (problems go to ``report``).

    ``calendar`` counts the working days of a block's windows (``satu blok N hari
    kerja``); without it a block's length is not compared with its windows.
    """
    conditions = [exprs.condition(c) for c in decl.conditions]
    if any(c is None for c in conditions):
        return []
    condition = ir.conjunction(c for c in conditions if c is not None)
    checked = _priority(decl, exprs, report)
    if checked is None:
        return []
    priority, order = checked
    found = []
    for number, line in enumerate(decl.lines, start=1):
        limit = _line(decl, line, number, condition, exprs, modes, report)
        if limit is None:
            continue
        fits = calendar is None or _block_fits(limit, line, calendar, report)
        if not fits:
            continue
        if priority:
            if limit.scope == "pegawai":
                report(Diagnostic("E221", decl.priority[0].span, {"clause": limit.clause}))
                continue
            limit = attrs.evolve(limit, priority=priority, priority_order=order)
        found.append(limit)
    return found


def _priority(
    decl: n.LimitDecl, exprs: ExprChecker, report: Callable[[Diagnostic], None]
) -> tuple[tuple[ir.Expr, ...], tuple[str, ...]] | None:
    """``diutamakan A, B terkecil``: each a yes/no or a number about the person (E220),
    with its order (``larger`` first unless ``terkecil``); a yes/no has no order to
    turn round (E223)."""
    found = []
    order = []
    for item in decl.priority:
        typed = exprs.check(item.expr)
        if typed is None:
            return None
        if typed.type != t.BOOL and typed.type not in t.NUMERIC:
            report(Diagnostic("E220", item.expr.span, {"type": t.TypeName(typed.type)}))
            return None
        if typed.type == t.BOOL and item.order is not None:
            word = Localized(f"priority.{item.order}")
            report(Diagnostic("E223", item.span, {"order": word}))
            return None
        found.append(typed)
        order.append(item.order or "larger")
    return tuple(found), tuple(order)


def _block_fits(
    limit: ir.LimitIR,
    line: n.LimitLine,
    calendar: WorkCalendar,
    report: Callable[[Diagnostic], None],
) -> bool:
    """A block of N working days fits in each of its windows (E224)."""
    if limit.kind != "block" or limit.block_days is None:
        return True
    for (first, last), written in zip(limit.blocks, line.windows, strict=True):
        working = sum(1 for d in calendar.days(first, last) if d.hari_kerja)
        if limit.block_days > working:
            args = {
                "days": limit.block_days,
                "window": f"{first.isoformat()}..{last.isoformat()}",
                "working": working,
            }
            start, end = written[0].span, written[1].span
            labels: tuple[Label, ...] = ()
            if start is not None and end is not None and start.source is not None:
                window = start.source.span(start.start, end.end)
                labels = (Label(window, "label-block-window"),)
            where = line.length.span if line.length else line.span
            report(Diagnostic("E224", where, args, labels=labels))
            return False
    return True


def _word(
    ident: n.Ident, table: dict[str, str], what: str, report: Callable[[Diagnostic], None]
) -> str | None:
    if ident.name in table:
        return table[ident.name]
    args = {"word": ident.name, "what": Localized(f"what.{what}")}
    report(Diagnostic("E117", ident.span, args, suggestions=suggest(ident.name, table)))
    return None


def _line(
    decl: n.LimitDecl,
    line: n.LimitLine,
    number: int,
    condition: ir.Expr | None,
    exprs: ExprChecker,
    modes: t.EnumType,
    report: Callable[[Diagnostic], None],
) -> ir.LimitIR | None:
    if line.kind == "block-stray":
        report(Diagnostic("E218", line.span, {}))
        return None
    if line.kind == "block":
        return _block(decl, line, number, condition, exprs, modes, report)
    counted = _modes(line, modes, report)
    scope = _word(line.scope, SCOPES, "scope", report)
    window = _word(line.window, WINDOWS, "window", report)
    amount = exprs.check(line.amount)
    if counted is None or scope is None or window is None or amount is None:
        return None
    if line.kind == "distinct":
        return _distinct(decl, line, number, condition, counted, scope, window, amount, report)
    if not _meaningful(line, counted, scope, modes, report):
        return None
    if scope != "pegawai" and window != "hari":
        # A unit's cap or floor is a count of people on one day; over a week it
        # would be person-days, which the circulars do not use.
        report(Diagnostic("E129", line.window.span, {"window": line.window.name}))
        return None
    amount = _amount(amount, scope, line.amount.span, report)
    if amount is None:
        return None
    if condition is not None and scope != "pegawai" and not _reads_only_units(condition, report):
        return None
    return ir.LimitIR(
        id=_limit_id(decl, number),
        clause=decl.citation.clause,
        title=decl.title,
        modes=counted,
        kind=line.kind,
        amount=amount,
        scope=scope,
        window=window,
        rounding=line.rounding or _DEFAULT_ROUNDING[line.kind],
        condition=condition,
        span=line.span,
    )


def _limit_id(decl: n.LimitDecl, number: int) -> str:
    """``butir 4``, or ``butir 4#2`` for the second line of a block of several."""
    return f"{decl.citation.label}#{number}" if len(decl.lines) > 1 else decl.citation.label


def _distinct(
    decl: n.LimitDecl,
    line: n.LimitLine,
    number: int,
    condition: ir.Expr | None,
    counted: frozenset[str],
    scope: str,
    window: str,
    amount: ir.Expr,
    report: Callable[[Diagnostic], None],
) -> ir.LimitIR | None:
    """``WFA paling banyak 5 orang berbeda per unit per minggu``: how many different
    people of a unit may have the modes in a window (E222 for one person, E119 for an
    amount that is no whole number, E130 for the office)."""
    if scope == "pegawai":
        report(Diagnostic("E222", line.scope.span, {}))
        return None
    if FALLBACK in counted:
        report(Diagnostic("E130", line.modes_span or line.span, {"mode": _label(counted)}))
        return None
    if amount.type != t.INT:
        report(Diagnostic("E119", line.amount.span, {"type": t.TypeName(amount.type)}))
        return None
    if condition is not None and not _reads_only_units(condition, report):
        return None
    return ir.LimitIR(
        id=_limit_id(decl, number),
        clause=decl.citation.clause,
        title=decl.title,
        modes=counted,
        kind="distinct",
        amount=amount,
        scope=scope,
        window=window,
        rounding="down",
        condition=condition,
        span=line.span,
    )


def _block(
    decl: n.LimitDecl,
    line: n.LimitLine,
    number: int,
    condition: ir.Expr | None,
    exprs: ExprChecker,
    modes: t.EnumType,
    report: Callable[[Diagnostic], None],
) -> ir.LimitIR | None:
    """``WFA satu blok per pegawai, A sampai B atau C sampai D``: one block per person.

    The modes are counted as a limit's (E180, E181, E185, E205); the block is a
    person's (E215), never the office's, where everyone outside their block goes
    (E130), nor every mode (E182); each window is two dates written in the file
    (E216), in order (E217), at most a year long (E226), and no two windows share a
    day (E219).
    """
    counted = _modes(line, modes, report)
    scope = _word(line.scope, SCOPES, "scope", report)
    if counted is None or scope is None:
        return None
    if scope != "pegawai":
        report(Diagnostic("E215", line.scope.span, {"scope": line.scope.name}))
        return None
    where = line.modes_span or line.span
    if FALLBACK in counted:
        report(Diagnostic("E130", where, {"mode": _label(counted)}))
        return None
    if counted >= working_modes(modes):
        report(Diagnostic("E182", where, {"modes": _label(counted)}))
        return None
    days = None
    if line.length is not None:
        days = int(line.length.text)
        if days < 1:
            report(Diagnostic("E225", line.length.span, {"days": days}))
            return None
    windows: list[tuple[dt.date, dt.date, Span | None]] = []
    for first, last in line.windows:
        ends = []
        for written in (first, last):
            typed = exprs.check(written, t.DATE)
            if typed is None:
                return None
            if not (isinstance(typed, ir.Const) and isinstance(typed.value, dt.date)):
                report(Diagnostic("E216", written.span, {"type": t.TypeName(typed.type)}))
                return None
            ends.append(typed.value)
        if ends[1] < ends[0]:
            args = {"first": ends[0].isoformat(), "last": ends[1].isoformat()}
            report(Diagnostic("E217", last.span, args))
            return None
        length = (ends[1] - ends[0]).days + 1
        if length > MAX_BLOCK_WINDOW:
            spans: dict[str, object] = {
                "window": f"{ends[0].isoformat()}..{ends[1].isoformat()}",
                "days": length,
                "limit": MAX_BLOCK_WINDOW,
            }
            report(Diagnostic("E226", first.span, spans))
            return None
        windows.append((ends[0], ends[1], first.span))
    ordered = sorted(windows, key=lambda w: w[0])
    for before, after in itertools.pairwise(ordered):
        if after[0] <= before[1]:
            args = {
                "first": f"{before[0].isoformat()}..{before[1].isoformat()}",
                "second": f"{after[0].isoformat()}..{after[1].isoformat()}",
            }
            report(Diagnostic("E219", after[2], args))
            return None
    return ir.LimitIR(
        id=_limit_id(decl, number),
        clause=decl.citation.clause,
        title=decl.title,
        modes=counted,
        kind="block",
        amount=ir.Const(1, t.INT, span=line.span),
        scope="pegawai",
        window="periode",
        rounding="down",
        condition=condition,
        span=line.span,
        blocks=tuple((a, b) for a, b, _ in windows),
        block_days=days,
    )


def _modes(
    line: n.LimitLine, modes: t.EnumType, report: Callable[[Diagnostic], None]
) -> frozenset[str] | None:
    """The modes a line counts: each a known mode (E205) and not a day status (E185), none
    twice (E180), at least one (E181)."""
    if not line.modes:
        report(Diagnostic("E181", line.modes_span or line.span, {}))
        return None
    found: list[str] = []
    ok = True
    for ident in line.modes:
        mode = modes.lookup(ident.name)
        if mode is None:
            args = {"name": ident.name, "type": "moda"}
            hints = suggest(ident.name, modes.names())
            report(Diagnostic("E205", ident.span, args, suggestions=hints))
            ok = False
        elif str(mode) in _STATUSES:
            report(Diagnostic("E185", ident.span, {"mode": str(mode)}))
            ok = False
        elif str(mode) in found:
            report(Diagnostic("E180", ident.span, {"mode": str(mode)}))
            ok = False
        else:
            found.append(str(mode))
    return frozenset(found) if ok else None


def working_modes(modes: t.EnumType) -> frozenset[str]:
    """The modes a person can be assigned on a working day (not LIBUR, not TIDAK_BERLAKU)."""
    return frozenset(str(value) for _, value in modes.members) - _STATUSES


def _meaningful(
    line: n.LimitLine,
    counted: frozenset[str],
    scope: str,
    modes: t.EnumType,
    report: Callable[[Diagnostic], None],
) -> bool:
    """Refuse the limits no assignment can meet or change (E182, E130, E183).

    Whoever a limit moves is moved between the modes the rules allow them,
    and the office (WFO) is where anyone kept back goes.  So a limit on every
    mode counts everyone present whatever the schedule does (E182); a cap on
    one person's days that counts WFO has nowhere to send them (E130); and a
    floor on one person's days is met by keeping them on site, so it must
    count WFO (E183).
    """
    where = line.modes_span or line.span
    label = _label(counted)
    if counted >= working_modes(modes):
        report(Diagnostic("E182", where, {"modes": label}))
        return False
    if scope == "pegawai" and line.kind == "at_most" and FALLBACK in counted:
        report(Diagnostic("E130", where, {"mode": label}))
        return False
    if scope == "pegawai" and line.kind == "at_least" and FALLBACK not in counted:
        report(Diagnostic("E183", where, {"modes": label}))
        return False
    return True


def _label(counted: frozenset[str]) -> str:
    ordered = sorted(counted, key=ir.mode_order)
    return ordered[0] if len(ordered) == 1 else "{" + ", ".join(ordered) + "}"


def _amount(
    amount: ir.Expr, scope: str, span: Span | None, report: Callable[[Diagnostic], None]
) -> ir.Expr | None:
    """A share or a count; for one person, a number of days ('1 hari' is 1)."""
    if amount.type == t.DURATION and isinstance(amount, ir.Const) and scope == "pegawai":
        duration = amount.value
        assert isinstance(duration, t.Duration)
        days = duration.exact.total_seconds() / 86400
        if duration.months or days != int(days):
            report(Diagnostic("E119", span, {"type": t.show(t.DURATION)}))
            return None
        return ir.Const(int(days), t.INT, span=amount.span)
    allowed = (t.INT,) if scope == "pegawai" else (t.INT, t.PERCENT)
    if amount.type not in allowed:
        report(Diagnostic("E119", span, {"type": t.TypeName(amount.type)}))
        return None
    for value, where in _percent_values(amount):
        if value is None:
            continue  # a value that did not check (its error is reported where it is written)
        share = Decimal(str(value))
        if not Decimal(0) <= share <= Decimal(1):
            report(Diagnostic("E120", where or span, {"value": f"{(share * 100).normalize():f}%"}))
            return None
    if isinstance(amount, ir.Const) and amount.type == t.INT and int(amount.value) < 0:  # type: ignore[call-overload]  # INT by typing
        report(Diagnostic("E120", span, {"value": str(amount.value)}))
        return None
    return amount


def check_limit_params(
    limits: list[ir.LimitIR],
    params: Mapping[str, tuple[tuple[object, object], ...]],
    report: Callable[[Diagnostic], None],
) -> list[ir.LimitIR]:
    """E120 for a limit set through a parameter any of whose dated values is out of range."""
    kept = []
    for limit in limits:
        amount = limit.amount
        bad = None
        if isinstance(amount, ir.Param) and amount.type == t.PERCENT:
            for _, value in params.get(amount.name, ()):
                share = Decimal(str(value))
                if not Decimal(0) <= share <= Decimal(1):
                    bad = f"{(share * 100).normalize():f}%"
                    break
        where = amount.span
        if bad is None and isinstance(amount, ir.Op) and amount.op == "index":
            bad, where = _dated_share(amount, params, where)
        if bad is None:
            kept.append(limit)
        else:
            report(Diagnostic("E120", where, {"value": bad}))
    return kept


def _dated_share(
    amount: ir.Op, params: Mapping[str, tuple[tuple[object, object], ...]], span: Span | None
) -> tuple[str | None, Span | None]:
    """A share out of range in any version of a table that changes from dates, and its row."""
    source = amount.args[0]
    if amount.type != t.PERCENT or not isinstance(source, ir.Param):
        return None, span
    for _, version in params.get(source.name, ()):
        if not isinstance(version, UnitTable):
            continue
        values = [(None, version.default), *version.rows.items()]
        for code, value in values:
            share = Decimal(str(value))
            if not Decimal(0) <= share <= Decimal(1):
                return f"{(share * 100).normalize():f}%", _span_or_none(version.spans.get(code))
    return None, span


#: the unit sizes the static search for limits that cannot both hold tries
_HEADCOUNTS = range(1, 201)


def _figure(limit: ir.LimitIR) -> Callable[[int], int] | None:
    """The limit's figure in people for a headcount, when its amount is a constant."""
    amount = limit.amount
    if not isinstance(amount, ir.Const) or limit.scope == "pegawai":
        return None
    if amount.type == t.INT:
        count = int(amount.value)  # type: ignore[call-overload]  # INT by the checker
        return lambda headcount: count
    if amount.type == t.PERCENT:
        share = Decimal(str(amount.value))
        return lambda headcount: _rounded(share * headcount, limit.rounding)
    return None


def _rounded(value: Decimal, rounding: str) -> int:
    if rounding == "down":
        return int(value.to_integral_value(rounding=ROUND_FLOOR))
    if rounding == "up":
        return int(value.to_integral_value(rounding=ROUND_CEILING))
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _as_cap(
    limit: ir.LimitIR, every: frozenset[str], figure: Callable[[int], int]
) -> tuple[frozenset[str], Callable[[int], int]]:
    """Every limit as a cap: a floor of N on some modes caps the other modes at (present - N)."""
    if limit.kind == "at_most":
        return limit.modes, figure
    return every - limit.modes, lambda headcount: headcount - figure(headcount)


def clashing_limits(
    limits: list[ir.LimitIR], every: frozenset[str], report: Callable[[Diagnostic], None]
) -> list[ir.LimitIR]:
    """E184 for two limits on a unit (or agency) that cannot both hold, found before any run.

    Each limit is read as a cap on some modes (a floor on WFO caps the other
    modes); two caps whose modes cover every mode cannot both hold where their
    figures add up to fewer than the people present.  Only limits with constant
    amounts of the same kind (two shares, or two numbers), the same scope and
    the same condition are compared, for units of 1 to 200 present; two floors
    given in people clash only in units too small for both, which the run
    reports per unit and day (W180).  The rest is found per unit and day.
    """
    clashing: set[int] = set()
    shared = [
        (i, lim, _figure(lim))
        for i, lim in enumerate(limits)
        if lim.scope != "pegawai" and lim.kind in ("at_most", "at_least")
    ]
    for a, (i, first, first_figure) in enumerate(shared):
        for j, second, second_figure in shared[a + 1 :]:
            if first_figure is None or second_figure is None:
                continue
            if (first.scope, first.condition) != (second.scope, second.condition):
                continue
            if first.amount.type != second.amount.type:
                continue
            floors = first.kind == second.kind == "at_least"
            if floors and first.amount.type == t.INT:
                continue
            headcount = _clash(first, first_figure, second, second_figure, every)
            if headcount is None:
                continue
            clashing.update((i, j))
            report(_clash_diagnostic(first, first_figure, second, second_figure, headcount))
    return [lim for i, lim in enumerate(limits) if i not in clashing]


def _clash(
    first: ir.LimitIR,
    first_figure: Callable[[int], int],
    second: ir.LimitIR,
    second_figure: Callable[[int], int],
    every: frozenset[str],
) -> int | None:
    """The smallest headcount at which the two cannot both hold, or None."""
    first_modes, first_cap = _as_cap(first, every, first_figure)
    second_modes, second_cap = _as_cap(second, every, second_figure)
    if first_modes | second_modes != every:
        return None
    for headcount in _HEADCOUNTS:
        # A floor above the headcount is its own warning (W401), not a clash.
        if any(
            lim.kind == "at_least" and figure(headcount) > headcount
            for lim, figure in ((first, first_figure), (second, second_figure))
        ):
            continue
        if first_cap(headcount) + second_cap(headcount) < headcount:
            return headcount
    return None


def _clash_diagnostic(
    first: ir.LimitIR,
    first_figure: Callable[[int], int],
    second: ir.LimitIR,
    second_figure: Callable[[int], int],
    headcount: int,
) -> Diagnostic:
    args = {
        "first": first.id,
        "second": second.id,
        "headcount": headcount,
        "first_modes": first.label,
        "first_kind": Localized(f"limit.{first.kind}"),
        "first_count": first_figure(headcount),
        "second_modes": second.label,
        "second_kind": Localized(f"limit.{second.kind}"),
        "second_count": second_figure(headcount),
    }
    labels = (Label(second.span, "label-other-limit"),) if second.span is not None else ()
    return Diagnostic("E184", first.span, args, labels=labels)


def _percent_values(amount: ir.Expr) -> list[tuple[object, Span | None]]:
    if amount.type != t.PERCENT:
        return []
    if isinstance(amount, ir.Const):
        return [(amount.value, amount.span)]
    found: list[tuple[object, Span | None]] = []
    if isinstance(amount, ir.Op) and amount.op == "index":
        table = amount.args[0]
        if isinstance(table, ir.Const) and isinstance(table.value, UnitTable):
            spans = table.value.spans
            found.append((table.value.default, _span_or_none(spans.get(None))))
            found.extend((v, _span_or_none(spans.get(k))) for k, v in table.value.rows.items())
    return found


def _span_or_none(value: object) -> Span | None:
    return value if isinstance(value, Span) else None


def _reads_only_units(expr: ir.Expr, report: Callable[[Diagnostic], None]) -> bool:
    """A limit on a unit may read the unit and the day, not one employee's facts."""
    if isinstance(expr, ir.Fact):
        if expr.root == "pegawai" and expr.attrs_path[:1] != ("unit",):
            report(Diagnostic("E118", expr.span, {"name": expr.written}))
            return False
        return True
    if isinstance(expr, ir.Op):
        return all(_reads_only_units(a, report) for a in expr.args)
    return True


def limits(state: State) -> None:
    """Check the ``batas`` blocks; a limit reads neither contacts (E122) nor records (E150)."""
    found = [
        limit
        for decl in state.items
        if isinstance(decl, n.LimitDecl)
        for limit in check_limit(
            decl, state.exprs, state.modes, state.report, state.work_calendar()
        )
    ]
    state.limits = check_limit_params(found, state.params, state.report)
    every = working_modes(state.modes)
    state.limits = clashing_limits(state.limits, every, state.report)
    for limit in state.limits:
        contact = reads_contacts(limit.condition)
        if contact is not None:
            state.error("E122", contact.span, name=contact.written)
        misplaced_record(limit.condition, state.report)
