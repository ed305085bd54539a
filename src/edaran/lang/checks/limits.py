"""Checking ``batas`` declarations: caps, floors and per-person limits (butir 4).

The pass :func:`limits` checks every block with :func:`check_limit`, then the
parameters a limit is set through (:func:`check_limit_params`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal

from edaran.core import types as t
from edaran.core.diagnostics import Diagnostic, Span
from edaran.core.runtime import UnitTable
from edaran.core.suggest import suggest
from edaran.lang import ir
from edaran.lang import nodes as n
from edaran.lang.checks.shared import misplaced_record, reads_contacts
from edaran.lang.checks.state import State
from edaran.lang.expressions import ExprChecker
from edaran.messages import Localized

__all__ = ["SCOPES", "WINDOWS", "check_limit", "check_limit_params", "limits"]

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


def check_limit(
    decl: n.LimitDecl,
    exprs: ExprChecker,
    modes: t.EnumType,
    report: Callable[[Diagnostic], None],
) -> list[ir.LimitIR]:
    """The checked limits of one ``batas`` block (problems go to ``report``)."""
    conditions = [exprs.condition(c) for c in decl.conditions]
    if any(c is None for c in conditions):
        return []
    condition: ir.Expr | None = None
    for part in conditions:
        assert part is not None
        condition = part if condition is None else ir.Op("and", (condition, part), t.BOOL)
    found = []
    for number, line in enumerate(decl.lines, start=1):
        limit = _line(decl, line, number, condition, exprs, modes, report)
        if limit is not None:
            found.append(limit)
    return found


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
    mode = modes.lookup(line.mode.name)
    if mode is None:
        args = {"name": line.mode.name, "type": "moda"}
        report(
            Diagnostic(
                "E205", line.mode.span, args, suggestions=suggest(line.mode.name, modes.names())
            )
        )
    scope = _word(line.scope, SCOPES, "scope", report)
    window = _word(line.window, WINDOWS, "window", report)
    amount = exprs.check(line.amount)
    if mode is None or scope is None or window is None or amount is None:
        return None
    if line.kind == "at_most" and str(mode) == "WFO":
        # Whoever a limit keeps back goes to the office: a cap on WFO could
        # never be met by keeping people back.
        report(Diagnostic("E130", line.mode.span, {"mode": str(mode)}))
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
        id=f"{decl.citation.label}#{number}" if len(decl.lines) > 1 else decl.citation.label,
        clause=decl.citation.clause,
        title=decl.title,
        mode=str(mode),
        kind=line.kind,
        amount=amount,
        scope=scope,
        window=window,
        rounding=line.rounding or _DEFAULT_ROUNDING[line.kind],
        condition=condition,
        span=line.span,
    )


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
        for limit in check_limit(decl, state.exprs, state.modes, state.report)
    ]
    state.limits = check_limit_params(found, state.params, state.report)
    for limit in state.limits:
        contact = reads_contacts(limit.condition)
        if contact is not None:
            state.error("E122", contact.span, name=contact.written)
        misplaced_record(limit.condition, state.report)
