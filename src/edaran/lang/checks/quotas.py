"""Checking quotas, targets, checklist duties and the savings report (butir 7-10.a, 13).

Kept apart from :mod:`edaran.lang.checker` like the limits and discipline checks:
the checker calls :func:`check_quotas` with its expression checker and
reporter.  What each block may read:

* a ``kuota`` or ``sasaran`` block reads one kind of record (``perjalanan``,
  ``kendaraan`` or ``rapat``), the record's unit (``unit.*``) and day
  (``hari``, ``tanggal``, ``kalender.*``), parameters, sets and tables;
* a ``laporan`` estimate reads ``periode.*`` (a unit's month: person-days by
  mode, working days, staff) and ``unit.*``;
* nothing else reads records (E150).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from edaran.core import types as t
from edaran.core.diagnostics import Diagnostic, Label
from edaran.core.suggest import suggest
from edaran.lang import ir
from edaran.lang import nodes as n
from edaran.lang.checks.limits import SCOPES, WINDOWS
from edaran.lang.checks.shared import RECORD_FACTS, Report, facts_of, unique_citations
from edaran.lang.checks.state import State
from edaran.lang.expressions import ExprChecker
from edaran.lang.schema import enum_type
from edaran.messages import Lang, Localized, message
from edaran.model.records import COST_UNITS, CostCategory, EnergyItem

__all__ = ["COUNTED", "check_quotas"]


#: the record kinds a quota or target counts, with their English spellings
COUNTED = {"perjalanan": "perjalanan", "trip": "perjalanan", "kendaraan": "kendaraan"}
COUNTED |= {"vehicle": "kendaraan", "rapat": "rapat", "meeting": "rapat"}
_SUMMABLE = (t.INT, t.DECIMAL, t.MONEY)
_QUOTA_SCOPES = {k: v for k, v in SCOPES.items() if v != "pegawai"}
_COST = enum_type(CostCategory)
_ITEMS = enum_type(EnergyItem)


def _reads_only(expr: ir.Expr | None, root: str, report: Report) -> bool:
    """E151 for a fact a block on ``root`` records cannot read."""
    for fact in facts_of(expr):
        ok = fact.root in (root, "kalender") if root != "periode" else fact.root == "periode"
        if fact.root == "pegawai" and fact.attrs_path[:1] == ("unit",):
            ok = True
        if not ok:
            args = {
                "name": fact.written,
                "allowed": Localized(
                    "reads.periode" if root == "periode" else "reads.records", root=root
                ),
            }
            report(Diagnostic("E151", fact.span, args))
            return False
    return True


class _Checker:
    def __init__(self, exprs: ExprChecker, report: Report) -> None:
        self.exprs = exprs
        self.report = report

    def _word(self, ident: n.Ident, table: dict[str, str], what: str) -> str | None:
        if ident.name in table:
            return table[ident.name]
        if what == "scope" and SCOPES.get(ident.name) == "pegawai":
            self.report(Diagnostic("E158", ident.span, {"scope": ident.name}))
            return None
        args = {"word": ident.name, "what": Localized(f"what.{what}")}
        suggestions = suggest(ident.name, table)
        self.report(Diagnostic("E117", ident.span, args, suggestions=suggestions))
        return None

    def _conditions(self, exprs: Sequence[n.Expr], root: str) -> tuple[bool, ir.Expr | None]:
        typed = [self.exprs.condition(c) for c in exprs]
        if any(c is None for c in typed):
            return False, None
        parts = [c for c in typed if c is not None]
        if not all(_reads_only(c, root, self.report) for c in parts):
            return False, None
        return True, ir.conjunction(parts)

    # ------------------------------------------------------------ quotas
    def _measure(self, measure: n.Name) -> tuple[str, tuple[str, ...] | None, t.Type] | None:
        root = COUNTED.get(measure.parts[0])
        if root is None:
            args = {"name": measure.dotted}
            hint = suggest(measure.parts[0], COUNTED)
            self.report(Diagnostic("E152", measure.span, args, suggestions=hint))
            return None
        if len(measure.parts) == 1:
            return root, None, t.INT
        typed = self.exprs.check(measure)
        if typed is None:
            return None
        if not isinstance(typed, ir.Fact) or not (
            typed.type in _SUMMABLE or isinstance(typed.type, t.QuantityType)
        ):
            shown = {"name": measure.dotted, "type": t.TypeName(typed.type)}
            self.report(Diagnostic("E153", measure.span, shown))
            return None
        return root, typed.attrs_path, typed.type

    def quota(self, decl: n.QuotaDecl) -> list[ir.QuotaIR]:
        found: list[ir.QuotaIR] = []
        for number, line in enumerate(decl.lines, start=1):
            measured = self._measure(line.measure)
            scope = self._word(line.scope, _QUOTA_SCOPES, "scope")
            window = self._word(line.window, WINDOWS, "window")
            if measured is None or scope is None or window is None:
                continue
            root, field, kind = measured
            ok, condition = self._conditions(decl.conditions, root)
            order = [self.exprs.check(p) for p in decl.order]
            share = line.kind == "reduced" or line.last_year or line.baseline is not None
            amount = self.exprs.check(line.amount, t.PERCENT if share else kind)
            baseline = self.exprs.check(line.baseline, kind) if line.baseline else None
            if not ok or amount is None or (line.baseline is not None and baseline is None):
                continue
            if any(o is None for o in order) or not all(
                _reads_only(o, root, self.report) for o in order
            ):
                continue
            if not self._amount(line, amount, share, kind, root):
                continue
            if baseline is not None and not (
                _reads_only(baseline, root, self.report) and self._fits(line, baseline, kind)
            ):
                continue
            label = decl.citation.label
            found.append(
                ir.QuotaIR(
                    id=f"{label}#{number}" if len(decl.lines) > 1 else label,
                    clause=decl.citation.clause,
                    title=decl.title,
                    kind=root,
                    field=field,
                    measure=line.measure.dotted,
                    measure_type=kind,
                    mode=line.kind,
                    amount=amount,
                    share=share,
                    last_year=line.last_year,
                    baseline=baseline,
                    scope=scope,
                    window=window,
                    rounding=line.rounding or ("down" if kind == t.INT else "none"),
                    condition=condition,
                    order=tuple(o.attrs_path for o in order if isinstance(o, ir.Fact)),
                    span=line.span,
                )
            )
        return found

    def _amount(
        self, line: n.QuotaLine, amount: ir.Expr, share: bool, kind: t.Type, root: str
    ) -> bool:
        if not _reads_only(amount, root, self.report):
            return False
        if share:
            if amount.type != t.PERCENT:
                self.report(Diagnostic("E154", line.amount.span, {"type": t.TypeName(amount.type)}))
                return False
            return _share_in_range(amount, line.amount.span, self.report)
        return self._fits(line, amount, kind)

    def _fits(self, line: n.QuotaLine, value: ir.Expr, kind: t.Type) -> bool:
        fits = value.type == kind or (kind == t.DECIMAL and value.type == t.INT)
        if not fits:
            args = {
                "measure": line.measure.dotted,
                "want": t.TypeName(kind),
                "got": t.TypeName(value.type),
            }
            self.report(Diagnostic("E155", value.span, args))
        return fits

    # ----------------------------------------------------------- targets
    def target(self, decl: n.TargetDecl) -> list[ir.TargetIR]:
        found: list[ir.TargetIR] = []
        for number, line in enumerate(decl.lines, start=1):
            share_of = self.exprs.condition(line.share_of)
            amount = self.exprs.check(line.amount, t.PERCENT)
            scope = self._word(line.scope, _QUOTA_SCOPES, "scope")
            window = self._word(line.window, WINDOWS, "window")
            if share_of is None or amount is None or scope is None or window is None:
                continue
            root = next((f.root for f in facts_of(share_of) if f.root in RECORD_FACTS), None)
            if root is None or root == "periode":
                args = {"name": _text(line.share_of)}
                self.report(Diagnostic("E152", line.share_of.span, args))
                continue
            ok, condition = self._conditions(decl.conditions, root)
            if not ok or not _reads_only(share_of, root, self.report):
                continue
            if amount.type != t.PERCENT:
                self.report(Diagnostic("E154", line.amount.span, {"type": t.TypeName(amount.type)}))
                continue
            if not _share_in_range(amount, line.amount.span, self.report):
                continue
            label = decl.citation.label
            found.append(
                ir.TargetIR(
                    id=f"{label}#{number}" if len(decl.lines) > 1 else label,
                    clause=decl.citation.clause,
                    title=decl.title,
                    kind=root,
                    share_of=share_of,
                    bound=line.kind,
                    amount=amount,
                    scope=scope,
                    window=window,
                    condition=condition,
                    span=line.span,
                )
            )
        return found

    # -------------------------------------------------- checklist duties
    def checklist(self, decl: n.DutyDecl, modes: t.EnumType) -> ir.ChecklistIR | None:
        assert decl.checklist is not None
        chosen: frozenset[str] = frozenset({"WFH"})
        if decl.modes is not None:
            typed_modes = self.exprs.check(decl.modes, t.SetType(modes))
            if not isinstance(typed_modes, ir.Const):
                return None
            chosen = frozenset(str(v) for v in typed_modes.value)  # type: ignore[attr-defined]  # a frozenset by typing
        names: set[str] = set()
        for item in decl.checklist.items:
            word = item.dotted if isinstance(item, n.Name) else _text(item)
            member = _ITEMS.lookup(word) if isinstance(item, n.Name) else None
            if not isinstance(member, EnergyItem):
                args = {"name": word, "type": t.TypeName(_ITEMS)}
                hint = suggest(word, _ITEMS.names())
                self.report(Diagnostic("E205", item.span, args, suggestions=hint))
                return None
            names.add(member.name)
        return ir.ChecklistIR(
            decl.citation.label,
            decl.citation.clause,
            decl.title,
            chosen,
            frozenset(names),
            span=decl.span,
        )

    # ------------------------------------------------------------ report
    def report_decl(self, decl: n.ReportDecl) -> ir.ReportIR | None:
        estimates: list[ir.EstimateIR] = []
        seen: dict[tuple[str, t.Type], n.Estimate] = {}
        ok = True
        for estimate in decl.estimates:
            member = _COST.lookup(estimate.category.name)
            value = self.exprs.check(estimate.value)
            if member is None:
                args = {"name": estimate.category.name, "type": t.TypeName(_COST)}
                hint = suggest(estimate.category.name, _COST.names())
                self.report(Diagnostic("E205", estimate.category.span, args, suggestions=hint))
                ok = False
                continue
            if value is None or not _reads_only(value, "periode", self.report):
                ok = False
                continue
            category = member
            assert isinstance(category, CostCategory)  # the members of _COST
            unit = COST_UNITS[category]
            allowed: list[t.Type] = [t.MONEY, *([t.QuantityType(unit)] if unit else [])]
            if value.type not in allowed:
                wanted = {
                    "category": category.name,
                    "want": _Either(allowed),
                    "got": t.TypeName(value.type),
                }
                self.report(Diagnostic("E156", estimate.value.span, wanted))
                ok = False
                continue
            key = (category.name, value.type)
            if key in seen:
                first = seen[key].span
                labels = (Label(first, "label-declared-here"),) if first is not None else ()
                args = {"category": category.name, "type": t.TypeName(value.type)}
                self.report(Diagnostic("E157", estimate.span, args, labels=labels))
                ok = False
                continue
            seen[key] = estimate
            estimates.append(ir.EstimateIR(category.name, value, value.type, span=estimate.span))
        if not ok:
            return None
        return ir.ReportIR(
            decl.citation.label,
            decl.citation.clause,
            decl.title,
            tuple(estimates),
            span=decl.span,
        )


def _share_in_range(amount: ir.Expr, span: Any, report: Report) -> bool:
    """E120 for a constant share outside 0%..100%."""
    if isinstance(amount, ir.Const):
        value = Decimal(str(amount.value))
        if not Decimal(0) <= value <= Decimal(1):
            report(Diagnostic("E120", span, {"value": f"{(value * 100).normalize():f}%"}))
            return False
    return True


def _text(expr: n.Expr) -> str:
    span = expr.span
    if span is not None and span.source is not None:
        return span.source.text[span.start : span.end]
    return "?"


class _Either:
    """``uang / kWh``: the types an estimate may have, in the reader's language."""

    def __init__(self, kinds: Sequence[t.Type]) -> None:
        self.kinds = kinds

    def localize(self, lang: Lang) -> str:
        return message("separator.or", lang).join(t.show(k, lang) for k in self.kinds)


def check_quotas(
    items: Sequence[n.Item], exprs: ExprChecker, modes: t.EnumType, report: Report
) -> tuple[list[ir.QuotaIR], list[ir.TargetIR], list[ir.ChecklistIR], ir.ReportIR | None]:
    """The checked quotas, targets, checklist duties and report of a file."""
    checker = _Checker(exprs, report)
    unique_citations([d for d in items if isinstance(d, n.QuotaDecl)], report)
    unique_citations([d for d in items if isinstance(d, n.TargetDecl)], report)
    duties = [d for d in items if isinstance(d, n.DutyDecl)]
    contact_duties = {d.citation.label: d.citation for d in duties if d.checklist is None}
    unique_citations([d for d in duties if d.checklist is not None], report, contact_duties)
    quotas = [q for d in items if isinstance(d, n.QuotaDecl) for q in checker.quota(d)]
    targets = [x for d in items if isinstance(d, n.TargetDecl) for x in checker.target(d)]
    checklists = [
        c
        for d in items
        if isinstance(d, n.DutyDecl) and d.checklist is not None
        for c in [checker.checklist(d, modes)]
        if c is not None
    ]
    reports = [d for d in items if isinstance(d, n.ReportDecl)]
    for extra in reports[1:]:
        first = reports[0].span
        labels = (Label(first, "label-declared-here"),) if first is not None else ()
        report(Diagnostic("E159", extra.citation.span, {}, labels=labels))
    checked = checker.report_decl(reports[0]) if reports else None
    return quotas, targets, checklists, checked


def quotas(state: State) -> None:
    """Check the quota, target, checklist and report blocks (E150-E159)."""
    state.quotas, state.targets, state.checklists, state.report_block = check_quotas(
        state.items, state.exprs, state.modes, state.report
    )
