"""The decision engine: a loaded circular deciding employees on days.

:class:`Circular` ties a checked program to its calendar and a backend.  The
calendar and the dates in force are decided here, before any rule runs, so
every backend sees only working days inside the circular's force.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

import attrs

from edaran.core import types as t
from edaran.core.collector import collector_paused
from edaran.core.diagnostics import Diagnostic, EdaranError, Severity
from edaran.core.modes import STATUS_NOT_COVERED, STATUS_NOT_IN_FORCE, STATUS_OFF, WORK_MODE
from edaran.core.suggest import suggest
from edaran.engine.compiler import CompiledProgram
from edaran.engine.decision import Decision, DecisionError, Explanation, Status, one_line_reason
from edaran.engine.interpreter import Interpreter
from edaran.engine.table_files import read_table_files
from edaran.io.publish import provenance, source_sha256
from edaran.lang import ir
from edaran.lang import nodes as n
from edaran.lang.checker import check as check_module
from edaran.lang.parser import parse, parse_file
from edaran.lang.schema import Schema
from edaran.lang.variants import amended, resolve
from edaran.messages import Localized
from edaran.model.calendar import Windows, WorkCalendar
from edaran.model.protocols import DayFacts, EmployeeFacts
from edaran.model.workforce import Employee, Unit

__all__ = ["Backend", "Circular", "check"]

Backend = Literal["compiled", "interpreter"]


class Circular:
    """A checked circular, ready to decide.

    Build one with :meth:`load` (a path) or :meth:`from_text`; ``warnings``
    holds what the checker found that does not stop it.

    A circular that amends another (``mengubah``) keeps that one as
    ``previous``: a day before the amendment takes effect is decided by the
    version in force then (:meth:`in_force`).
    """

    def __init__(
        self,
        program: ir.Program,
        warnings: list[Diagnostic],
        schema: Schema,
        backend: Backend = "compiled",
    ) -> None:
        self.program = program
        self.warnings = warnings
        self.schema = schema
        self.backend = backend
        self.calendar = WorkCalendar(program.holidays, program.workweek, schema.day_cls)
        self.interpreter = Interpreter(program)
        self.compiled = CompiledProgram(program, self._interpret_error)
        self._titles = {r.id: r.title for r in program.rules}
        self._rules = {name: program.rules_for(name) for name in program.outputs}
        self._params: dict[dt.date, dict[str, object]] = {}
        #: the version this one amends, in force before this one's start
        self.previous: Circular | None = None
        #: the rule file this circular was loaded from (None from text)
        self.path: Path | None = None
        #: its syntax tree, as parsed (None when built from a checked program)
        self.module: n.Module | None = None
        #: the SHA-256 of the rule file's text (io.publish.source_sha256); set by load/from_text
        self.source_sha256 = ""

    # ----------------------------------------------------------- loading
    # The pipeline, step by step: parse, resolve what the file extends or
    # amends (the only step that reads other files), check, then build the
    # backends (in __init__).  Tools can run the steps on their own through
    # edaran.parse, edaran.resolve and edaran.check.
    @staticmethod
    def _parse(source: str | Path, name: str | None = None) -> n.Module:
        """Step 1: text (or a path, when ``name`` is None) into a syntax tree."""
        return parse_file(source) if name is None else parse(str(source), name)

    @staticmethod
    def _resolve(module: n.Module, path: str | Path | None) -> tuple[n.Module, list[Diagnostic]]:
        """Step 2: the module with the circulars it extends or amends merged in, and
        the rows of its table files read in (their warnings are returned)."""
        merged, problems = resolve(module, path)
        if any(d.is_error for d in problems):
            raise EdaranError(problems)
        # Bad rows of a table file are left out and reported with what the
        # checker finds, so that every problem is shown at once.
        return read_table_files(merged)

    @staticmethod
    def _check(
        module: n.Module, schema: Schema, static_conflicts: bool, read: list[Diagnostic]
    ) -> tuple[ir.Program, list[Diagnostic]]:
        """Step 3: the checked program and its warnings (with ``read``, those of its table
        files), or every error raised."""
        program, found = check_module(module, schema, static_conflicts=static_conflicts)
        diagnostics = [*read, *found]
        if program is None or any(d.severity is Severity.ERROR for d in diagnostics):
            raise EdaranError(diagnostics)
        return program, diagnostics

    @classmethod
    def load(
        cls,
        path: str | Path,
        *,
        schema: Schema | None = None,
        backend: Backend = "compiled",
        static_conflicts: bool = True,
    ) -> Circular:
        """Parse and check a rule file; raises :class:`EdaranError` with every problem."""
        with collector_paused():  # linear in the file's length (edaran.core.collector)
            return cls._build(cls._parse(path), schema, backend, static_conflicts, path)

    @classmethod
    def from_text(
        cls,
        text: str,
        name: str = "<teks>",
        *,
        schema: Schema | None = None,
        backend: Backend = "compiled",
        static_conflicts: bool = True,
        path: str | Path | None = None,
    ) -> Circular:
        """Like :meth:`load`, from text.

        ``path`` is where the text stands (a parent it extends or amends is
        relative to it); by default the working folder.
        """
        with collector_paused():
            return cls._build(cls._parse(text, name), schema, backend, static_conflicts, path)

    @classmethod
    def _build(
        cls,
        module: n.Module,
        schema: Schema | None,
        backend: Backend,
        static_conflicts: bool,
        path: str | Path | None,
    ) -> Circular:
        schema = schema or Schema()
        parent_path = amended(module, path)
        merged, read = cls._resolve(module, path)
        program, diagnostics = cls._check(merged, schema, static_conflicts, read)
        previous = None
        if parent_path is not None:
            previous = cls.load(
                parent_path, schema=schema, backend=backend, static_conflicts=static_conflicts
            )
            # Evaluation periods go on counting from the first version's start.
            header = attrs.evolve(program.header, periods_from=previous.program.header.period_start)
            program = attrs.evolve(program, header=header)
        # The program's schema has the attributes the file declares.
        circular = cls(program, diagnostics, _schema_of(program, schema), backend)
        circular.previous = previous
        circular.path = Path(path) if path is not None else None
        circular.module = module
        source = module.span.source if module.span is not None else None
        circular.source_sha256 = source_sha256(source.text if source is not None else "")
        return circular

    # ------------------------------------------------ declared attributes
    def unknown_identifiers(self, known: Collection[str]) -> list[Diagnostic]:
        """W165 for each NIP the rules name that is not among ``known`` (a roster's NIPs),
        with the NIPs it may have meant."""
        found = []
        for value, span in self.program.identifiers:
            if value not in known:
                hints = suggest(value, known)
                found.append(
                    Diagnostic("W165", span, {"nip": value}, Severity.WARNING, suggestions=hints)
                )
        return found

    def roster_classes(self) -> dict[str, Any]:
        """What :func:`edaran.read_roster` needs to read this circular's declared attributes.

        ``employee_cls``, ``unit_cls`` and ``readers`` (the rule that reads each
        declared attribute, named when its required column is missing).
        """
        return {
            "employee_cls": self.schema.employee_cls,
            "unit_cls": self.schema.unit_cls,
            "readers": self.attribute_readers(),
        }

    def attribute_readers(self) -> dict[str, str]:
        """``pegawai.agama`` -> the first rule (or ``mencakup``) that reads it, for each
        attribute the file declares."""
        declared = {
            (): self._declared(self.schema.employee_cls),
            ("unit",): self._declared(self.schema.unit_cls),
        }
        found: dict[str, str] = {}
        sources: list[tuple[str, object]] = [(r.id, r) for r in self.program.rules]
        scope = self.program.header.scope
        if scope is not None:
            sources.insert(0, ("mencakup", scope))
        for label, node in sources:
            for fact in _facts(node):
                owner, attr = fact.attrs_path[:-1], fact.attrs_path[-1]
                if fact.root == "pegawai" and attr in declared.get(owner, ()):
                    name = ("unit." if owner else "pegawai.") + attr
                    found.setdefault(name, label)
        return found

    @staticmethod
    def _declared(cls: type) -> frozenset[str]:
        return frozenset(f.name for f in attrs.fields(cls) if f.metadata.get("declared"))

    # ---------------------------------------------------------- versions
    def in_force(self, date: dt.date) -> Circular:
        """The version in force on ``date``: this one, or one it amends when ``date`` is
        earlier, or later than this one's window (``berlaku A sampai B``, which by
        default gives the amended circular back after B: ``sesudahnya induk``).

        On a day before every version, the first one (which says the circular
        is not in force yet).
        """
        version = self
        while version.previous is not None:
            header = version.program.header
            start, end = header.effective_from, header.effective_until
            before = start is not None and date < start
            after = end is not None and date > end and header.afterwards == ir.PARENT
            if not (before or after):
                break
            version = version.previous
        return version

    def as_of(self, date: dt.date) -> Circular:
        """The circular as it stood on ``date``: the latest version that had taken effect by
        then, as if no later amendment existed (``--per-tanggal``).

        Unlike :meth:`in_force`, a temporary amendment whose window has passed by
        ``date`` is kept: it had been issued, and it still decides its own window
        (the amended circular decides the days after it).
        """
        version = self
        while version.previous is not None:
            start = version.program.header.effective_from
            if start is None or date >= start:
                break
            version = version.previous
        return version

    def versions(self) -> list[Circular]:
        """Every version, the first one first and this one last."""
        chain = [self]
        while chain[-1].previous is not None:
            chain.append(chain[-1].previous)
        return chain[::-1]

    @functools.cached_property
    def windows(self) -> Windows:
        """Days, weeks, months and evaluation periods (of one month without ``evaluasi``)."""
        header = self.program.header
        assert header.period_start is not None  # the checker requires a date in force
        return Windows(header.period_start, header.evaluation_months or 1)

    # ---------------------------------------------------------- deciding
    @property
    def number(self) -> str:
        """The circular's number, as its header gives it."""
        return self.program.header.number

    def decided_outputs(self) -> tuple[str, ...]:
        """The outputs the file decides: ``moda_kerja``, then each other output that has rules."""
        program = self.program
        return tuple(o for o in program.outputs if o == WORK_MODE or program.rules_for(o))

    def _outside(
        self,
        employee: EmployeeFacts,
        day: DayFacts,
        output: str,
        backend: Backend | None = None,
    ) -> Decision | None:
        header = self.program.header
        date = day.tanggal
        start, end = header.effective_from, header.effective_until
        after = header.afterwards
        if end and date > end and after not in (None, ir.PARENT) and output == WORK_MODE:
            # 'sesudahnya WFO': the circular has ended and plain work in that mode follows.
            if not day.hari_kerja:
                note = day.nama_libur or day.hari.name
                return Decision(employee.nip, date, output, STATUS_OFF, Status.OFF, note=note)
            return Decision(
                employee.nip, date, output, after, Status.AFTER_END, note=end.isoformat()
            )
        if (start and date < start) or (end and date > end):
            # Dates only: the words around them come from the reader's language.
            note = (start.isoformat() if start else "") + ".." + (end.isoformat() if end else "")
            return Decision(
                employee.nip, date, output, STATUS_NOT_IN_FORCE, Status.NOT_IN_FORCE, note=note
            )
        if header.scope is not None and not self.covers(employee, day, backend):
            return Decision(
                employee.nip,
                date,
                output,
                STATUS_NOT_COVERED,
                Status.NOT_COVERED,
                clause="mencakup",
                note=header.scope_text,
            )
        if not day.hari_kerja:
            note = day.nama_libur or day.hari.name
            return Decision(employee.nip, date, output, STATUS_OFF, Status.OFF, note=note)
        return None

    def covers(
        self, employee: EmployeeFacts, day: DayFacts, backend: Backend | None = None
    ) -> bool:
        """Whether the circular covers ``employee`` (its ``mencakup`` line; True without one)."""
        scope = self.program.header.scope
        if scope is None:
            return True
        covered = self.compiled.covered
        if (backend or self.backend) == "interpreter" or covered is None:
            subject = {"pegawai": employee, "kalender": day}
            return self.interpreter.evaluate(scope, subject, day.tanggal) is True
        return covered(employee, day, self.params_for(day.tanggal))

    def params_for(self, date: dt.date) -> dict[str, object]:
        """Parameter values in force on ``date`` (cached)."""
        values = self._params.get(date)
        if values is None:
            values = self._params[date] = self.compiled.params_for(date)
        return values

    def decide(
        self,
        employee: EmployeeFacts,
        date: dt.date,
        output: str = WORK_MODE,
        *,
        backend: Backend | None = None,
    ) -> Decision:
        """Decide ``output`` for one employee on one date.

        Raises :class:`DecisionError` on a conflict between rules or when no
        rule applies, naming the clauses.  A day before an amendment takes
        effect is decided by the version it amends.  An ``employee`` that is
        not a workforce object (a dict, a record without a field the rules
        read) is :class:`EdaranError` D144.
        """
        try:
            return self._decide_one(employee, date, output, backend)
        except AttributeError as err:
            raise not_facts(err) from None

    def _decide_one(
        self, employee: EmployeeFacts, date: dt.date, output: str, backend: Backend | None
    ) -> Decision:
        if self.previous is not None:
            version = self.in_force(date)
            if version is not self:
                return version._decide_one(employee, date, output, backend)
        day = self.calendar.day(date)
        outside = self._outside(employee, day, output, backend)
        if outside is not None:
            return outside
        try:
            if (backend or self.backend) == "interpreter":
                return self.interpreter.decision(employee, day, output)
            function = self.compiled.functions.get(output)
            if function is None:  # an output with no rules: the interpreter says E502
                return self.interpreter.decision(employee, day, output)
            value, index, overridden = function(employee, day, self.params_for(date))
        except t.EvalError as err:
            raise _evaluation_error(
                self._named(err, employee, day, output), employee.nip, date
            ) from None
        rule = self._rules[output][index]
        status = Status.DEFAULT if rule.is_default else Status.RULE
        return Decision(
            employee.nip,
            date,
            output,
            value,
            status,
            rule.id,
            rule.clause,
            overridden,
            title=rule.title,
        )

    def _named(self, err: t.EvalError, employee: Any, day: Any, output: str) -> t.EvalError:
        """The error as the interpreter raises it, naming the rule (the compiled code does not)."""
        if err.rule is not None:
            return err
        try:
            self.interpreter.decide(employee, day, output)
        except t.EvalError as named:
            return named
        except DecisionError:  # pragma: no cover - the backends disagree: keep the first error
            return err
        return err  # pragma: no cover - the backends disagree: keep the first error

    def _interpret_error(self, employee: Any, day: Any, output: str) -> None:
        self.interpreter.decide(employee, day, output)

    def explain(
        self, employee: EmployeeFacts, date: dt.date, output: str = WORK_MODE
    ) -> Explanation:
        """Decide through the reference interpreter, recording the facts read."""
        try:
            return self._explain_one(employee, date, output)
        except AttributeError as err:
            raise not_facts(err) from None

    def _explain_one(self, employee: EmployeeFacts, date: dt.date, output: str) -> Explanation:
        if self.previous is not None:
            version = self.in_force(date)
            if version is not self:
                return version._explain_one(employee, date, output)
        day = self.calendar.day(date)
        decision = self._outside(employee, day, output, "interpreter")
        facts: dict[str, object] = {}
        scope = self.program.header.scope
        if decision is not None and decision.status == Status.NOT_COVERED and scope is not None:
            # The facts that put the person outside the circular.
            subject = {"pegawai": employee, "kalender": day}
            self.interpreter.evaluate(scope, subject, date, trace=facts)
        origin: str | None = None
        applied: tuple[str, ...] = ()
        title = None
        if decision is None:
            try:
                outcome = self.interpreter.decide(employee, day, output, trace=facts)
            except t.EvalError as err:
                raise _evaluation_error(err, employee.nip, date) from None
            rule = outcome.rule
            status = Status.DEFAULT if rule.is_default else Status.RULE
            decision = Decision(
                employee.nip,
                date,
                output,
                outcome.value,
                status,
                rule.id,
                rule.clause,
                outcome.overridden,
                title=rule.title,
            )
            applied, title = outcome.applied, rule.title
            origin = rule.origin
        # An inherited rule cites the circular it comes from, not this one.
        circular = f"SE {origin or self.number}"
        # A day out of force still says whether it is a holiday (or a weekend).
        off = decision.status == Status.NOT_IN_FORCE and not day.hari_kerja
        return Explanation(
            decision,
            circular,
            title,
            tuple(facts.items()),
            applied,
            self._titles,
            provenance=provenance(self),
            day_off=(day.nama_libur or day.hari.name) if off else None,
        )

    def reason(self, decision: Decision, lang: str = "id") -> str:
        """A one-line reason for a decision (for tables)."""
        titles = self.in_force(decision.date)._titles
        title = titles.get(decision.rule) if decision.rule else None
        return one_line_reason(decision, title, "en" if lang == "en" else "id")

    def decide_many(
        self,
        employees: Iterable[EmployeeFacts],
        first: dt.date,
        last: dt.date | None = None,
        output: str = WORK_MODE,
        *,
        backend: Backend | None = None,
        errors: list[DecisionError] | None = None,
    ) -> Iterator[Decision]:
        """Decisions for every employee on every day from ``first`` to ``last``, day by day.

        A generator: nothing is kept, so a province over a year costs no more
        memory than one day.  With ``errors`` given, an employee-day that
        cannot be decided is appended there and skipped; without it, the
        :class:`DecisionError` propagates.
        """
        staff = list(employees)
        try:
            for day in self.calendar.days(first, last or first):
                version = self.in_force(day.tanggal)
                yield from version._decide_day(staff, day, output, backend, errors)
        except AttributeError as err:
            raise not_facts(err) from None

    def _decide_day(
        self,
        staff: list[EmployeeFacts],
        day: DayFacts,
        output: str,
        backend: Backend | None,
        errors: list[DecisionError] | None,
    ) -> Iterator[Decision]:
        """Every employee on one day: the day's own work (in force, day off, parameters,
        the rule table) is done once, then one call of the compiled function each."""
        date = day.tanggal
        function = self.compiled.functions.get(output)
        if (backend or self.backend) == "interpreter" or function is None:
            for employee in staff:
                try:
                    yield self.decide(employee, date, output, backend=backend)
                except DecisionError as err:
                    if errors is None:
                        raise
                    errors.append(err)
            return
        header = self.program.header
        start, end = header.effective_from, header.effective_until
        if (start and date < start) or (end and date > end) or not day.hari_kerja:
            # Out of force, after the end, or a day off: nothing for the rules to decide.
            for employee in staff:
                outside = self._outside(employee, day, output, backend)
                assert outside is not None
                yield outside
            return
        covers = self.compiled.covered
        params = self.params_for(date)
        rules = self._rules[output]
        # What a Decision cites of each rule (id, clause, status, title): none of it depends
        # on the employee.
        cited = [
            (r.id, r.clause, Status.DEFAULT if r.is_default else Status.RULE, r.title)
            for r in rules
        ]
        for employee in staff:
            if covers is not None and not covers(employee, day, params):
                outside = self._outside(employee, day, output, backend)
                assert outside is not None
                yield outside
                continue
            try:
                value, index, overridden = function(employee, day, params)
            except t.EvalError as err:
                failure = _evaluation_error(
                    self._named(err, employee, day, output), employee.nip, date
                )
                if errors is None:
                    raise failure from None
                errors.append(failure)
                continue
            except DecisionError as err:
                if errors is None:
                    raise
                errors.append(err)
                continue
            rule_id, clause, status, title = cited[index]
            yield Decision(
                employee.nip, date, output, value, status, rule_id, clause, overridden, title=title
            )


#: edaran's workforce classes: built by callers, perhaps without a declared attribute
_WORKFORCE = (Employee, Unit)


def not_facts(err: AttributeError) -> Exception:
    """D144 for an employee (or unit) the caller built without a field the engines or
    the rules read; an AttributeError on edaran's other objects stays what it is (a bug)."""
    obj = getattr(err, "obj", None)
    if obj is None:
        return err
    if type(obj).__module__.split(".")[0] == "edaran" and not isinstance(obj, _WORKFORCE):
        return err  # one of edaran's own objects: a bug, not the caller's input
    # A caller's object, or an Employee or Unit built without the attributes the
    # file declares (the roster classes of Circular.roster_classes() have them).
    args = {"kind": type(obj).__name__, "name": err.name or "?"}
    return EdaranError([Diagnostic("D144", None, args)])


def _facts(node: object) -> Iterator[ir.Fact]:
    """Every fact an IR node reads, depth first."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, ir.Fact):
            yield item
        elif isinstance(item, tuple):
            stack.extend(item)
        elif attrs.has(type(item)) and not isinstance(item, ir.Const):
            kind: Any = type(item)
            stack.extend(getattr(item, f.name) for f in attrs.fields(kind))


def _schema_of(program: ir.Program, schema: Schema) -> Schema:
    return program.schema if isinstance(program.schema, Schema) else schema


def _evaluation_error(err: t.EvalError, nip: str, date: dt.date) -> DecisionError:
    """E503 (E504 for a value out of range, naming the rule), worded from the error's own
    catalogue entry, naming the employee and day."""
    reason = Localized("eval-" + err.key, **err.args_)
    note = ("note-subject", {"nip": nip, "date": date.isoformat()})
    if err.out_of_range:
        args = {"reason": reason, "rule": err.rule or "?"}
        return DecisionError([Diagnostic("E504", None, args, notes=(note,))])
    return DecisionError([Diagnostic("E503", None, {"reason": reason}, notes=(note,))])


def check(
    module: n.Module,
    schema: Schema | None = None,
    *,
    path: str | Path | None = None,
    static_conflicts: bool = True,
) -> tuple[ir.Program | None, list[Diagnostic]]:
    """Resolve what ``module`` extends or amends, then check it: the program and every diagnostic.

    The program is None when there is an error.  ``path`` is where the module
    was read from (the parent's path is relative to it); by default the
    module's own source name.  ``static_conflicts=False`` skips the static
    search for conflicts, leaving them to the run-time check.
    """
    if path is None and module.span is not None and module.span.source is not None:
        name = module.span.source.name
        path = None if name.startswith("<") else name
    merged, problems = resolve(module, path)
    if any(d.is_error for d in problems):
        return None, problems
    merged, read = read_table_files(merged)
    program, found = check_module(merged, schema or Schema(), static_conflicts=static_conflicts)
    diagnostics = [*read, *found]
    return (None if any(d.is_error for d in diagnostics) else program), diagnostics
