"""What the check passes share: the module, the names found so far, and the problems.

Each pass (:data:`edaran.lang.checks.PASSES`) reads what earlier passes put in
the :class:`State` and adds its own part of the program.  Problems are
collected with :meth:`State.report`, never raised.
"""

from __future__ import annotations

import datetime as dt

from edaran.core import types as t
from edaran.core.diagnostics import Diagnostic, Label, Span
from edaran.core.modes import (
    BUILTIN_MODES,
    STATUS_NOT_COVERED,
    STATUS_NOT_IN_FORCE,
    STATUS_OFF,
    WORK_MODE,
    WORKING_HOURS,
)
from edaran.core.suggest import suggest
from edaran.lang import ir
from edaran.lang import nodes as n
from edaran.lang.dates import RELATIVE_TEXT, DateReader
from edaran.lang.expressions import Env, ExprChecker
from edaran.lang.schema import WEEKDAY, Schema
from edaran.model.calendar import WorkCalendar

__all__ = ["OUTPUT_ALIASES", "State", "assignable"]

#: English names of the built-in outputs
OUTPUT_ALIASES = {"work_mode": WORK_MODE, "working_hours": WORKING_HOURS}


class State:
    """One check of one module: its declarations, the program's parts, the diagnostics."""

    def __init__(self, module: n.Module, schema: Schema) -> None:
        self.module = module
        self.schema = schema
        self.diagnostics: list[Diagnostic] = []
        modes = [(m, m) for m in BUILTIN_MODES]
        modes += [(d.name.name, d.name.name) for d in module.items if isinstance(d, n.ModeDecl)]
        modes += [(STATUS_OFF, STATUS_OFF), (STATUS_NOT_IN_FORCE, STATUS_NOT_IN_FORCE)]
        modes += [(STATUS_NOT_COVERED, STATUS_NOT_COVERED)]
        self.modes = t.EnumType("mode", "moda", tuple(dict(modes).items()))
        self.env = Env(schema, self.modes)
        self.exprs = ExprChecker(self.env, self.report, DateReader(self.report, self._calendar))
        self.outputs: dict[str, t.Type] = {WORK_MODE: self.modes}
        # The working hours are an output of the files that give them (``jam_kerja adalah ...``).
        for item in module.items:
            if isinstance(item, n.Rule):
                target = item.assignment.target.name
                if OUTPUT_ALIASES.get(target, target) == WORKING_HOURS:
                    self.outputs[WORKING_HOURS] = t.HOURS
        #: every name the file declares, and where
        self.declared: dict[str, Span | None] = {}
        self.params: dict[str, tuple[tuple[dt.date | None, object], ...]] = {}
        self.table_spans: dict[str, dict[str, Span | None]] = {}
        #: rules by their citation (``butir 12.a``)
        self.labels: dict[str, n.Rule] = {}
        # -- the parts of the program, each set by its pass
        self.header: ir.Header | None = None
        self.holidays: tuple[tuple[dt.date, dt.date, str], ...] = ()
        self.workweek: frozenset[int] = frozenset(range(5))
        self.rules: list[ir.RuleIR] = []
        self.overrides: ir.Overrides | None = None
        self.duties: list[ir.DutyIR] = []
        self.breaches: list[ir.BreachIR] = []
        self.sanctions: list[ir.SanctionIR] = []
        self.quotas: list[ir.QuotaIR] = []
        self.targets: list[ir.TargetIR] = []
        self.checklists: list[ir.ChecklistIR] = []
        self.report_block: ir.ReportIR | None = None
        self.provisions: list[ir.ProvisionIR] = []
        self.limits: list[ir.LimitIR] = []
        self.examples: list[ir.CheckedExample] = []

    @property
    def items(self) -> tuple[n.Item, ...]:
        """The module's items, in the order written."""
        return self.module.items

    def report(self, diagnostic: Diagnostic) -> None:
        """Collect a problem."""
        self.diagnostics.append(diagnostic)

    def error(self, code: str, span: Span | None, **args: object) -> None:
        """Collect an error with its message's arguments."""
        self.report(Diagnostic(code, span, args))

    def claim(self, ident: n.Ident) -> bool:
        """Declare a name; E105 (and False) when it is taken already."""
        if ident.name in self.declared or ident.name in self.schema.roots:
            first = self.declared.get(ident.name)
            labels = (Label(first, "label-declared-here"),) if first is not None else ()
            self.report(Diagnostic("E105", ident.span, {"name": ident.name}, labels=labels))
            return False
        self.declared[ident.name] = ident.span
        return True

    def type_ref(self, ref: n.TypeRef) -> t.Type | None:
        """The type a declaration names (``persen``, ``himpunan unit``); E206 when unknown."""
        table: dict[str, t.Type] = {
            "unit": t.UnitType(self.schema.unit_cls),
            "moda": self.modes,
            "mode": self.modes,
            "hari": WEEKDAY,
            "weekday": WEEKDAY,
        }
        for prim in t.PRIMITIVES:
            table[prim.name] = table[prim.id_name] = prim
        for known in self.env.known_enums:
            table[known.name] = table[known.id_name] = known
        table.update(self.env.enums)
        measured = t.quantity_unit(ref.name)
        if measured is not None:
            table[ref.name] = t.QuantityType(measured)
        kind = table.get(ref.name)
        if kind is None:
            self.report(
                Diagnostic(
                    "E206", ref.span, {"name": ref.name}, suggestions=suggest(ref.name, table)
                )
            )
            return None
        return t.SetType(kind) if ref.is_set else kind

    def constant(self, expr: n.Expr, kind: t.Type, name: str = "parameter") -> object | None:
        """The value of an expression computable now (E113 otherwise), of type ``kind`` (E203)."""
        typed = self.exprs.check(expr, kind)
        if typed is None:
            return None
        if not isinstance(typed, ir.Const):
            self.error("E113", expr.span)
            return None
        if not assignable(typed.type, kind):
            self.error(
                "E203",
                expr.span,
                found=t.TypeName(typed.type),
                name=name,
                expected=t.TypeName(kind),
            )
            return None
        return typed.value

    def date_text(self, text: str, span: Span | None) -> dt.date | None:
        """A date written in the header, with its diagnostic under the date itself."""
        source = span.source if span is not None else None
        if span is not None and source is not None:
            at = source.text.find(text, span.start, span.end)
            if at >= 0:
                span = source.span(at, at + len(text))
        return self.exprs.date(n.DateLit(text, span=span))

    def work_calendar(self) -> WorkCalendar:
        """The file's working calendar (its working week and closures), for counting
        working days while checking."""
        return self._calendar()[0]

    def _calendar(self) -> tuple[WorkCalendar, tuple[tuple[dt.date, dt.date, str], ...]]:
        """The file's working week and closures, for dates relative to a holiday.

        Read quietly from the module (the declarations pass reports their
        problems); closures that are themselves relative dates are left out.
        """
        days: set[int] = set()
        workweeks = [i for i in self.items if isinstance(i, n.WorkweekDecl)]
        for week in workweeks:
            for ident in week.days:
                member = WEEKDAY.lookup(ident.name)
                if member is not None:
                    days.add(member.value)  # type: ignore[attr-defined]  # a Weekday member
        closures = []
        reader = self.exprs.dates
        for item in self.items:
            if not isinstance(item, n.HolidayDecl):
                continue
            ends = (item.start, item.end or item.start)
            if any(RELATIVE_TEXT.match(e.text) for e in ends):
                continue
            start, end = (reader.read(e.text, e.span, quiet=True) for e in ends)
            if start is not None and end is not None:
                closures.append((start, end, item.label))
        workweek = days if workweeks else set(range(5))
        return WorkCalendar(closures, workweek), tuple(closures)


def assignable(found: t.Type, expected: t.Type) -> bool:
    """True when a value of type ``found`` may be given to a name of type ``expected``."""
    if isinstance(found, t.UnitType) and isinstance(expected, t.UnitType):
        return True
    if isinstance(found, t.SetType) and isinstance(expected, t.SetType):
        return assignable(found.element, expected.element)
    return found == expected or (found == t.INT and expected == t.DECIMAL)
