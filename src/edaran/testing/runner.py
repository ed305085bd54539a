"""Running the worked examples (``contoh``) written inside a rule file.

An example states a few facts about one employee and a date; everything it
does not state takes a neutral placeholder (a Pelaksana of a unit called
``CONTOH``).  Each expected outcome is decided through the reference
interpreter *and* the compiled backend, and both must give it.
"""

from __future__ import annotations

import datetime as dt
import enum
import typing
from decimal import Decimal
from typing import Any

import attrs

from edaran.core import types as t
from edaran.core.diagnostics import Diagnostic, Span
from edaran.core.modes import WORK_MODE
from edaran.core.runtime import whole_rupiah
from edaran.core.values import show_value
from edaran.discipline.engine import run_discipline
from edaran.engine.circular import Circular
from edaran.engine.decision import DecisionError
from edaran.io.publish import diagnostic_object, location_object
from edaran.lang import ir
from edaran.messages import Lang
from edaran.model import workforce as model
from edaran.model.attendance import Attendance, AttendanceKind
from edaran.model.workforce import Contact
from edaran.quota.engine import allowance, counts, meets
from edaran.quota.provisions import judge
from edaran.report.engine import estimate_value
from edaran.scheduling.model import Why
from edaran.scheduling.scheduler import schedule

__all__ = ["ExampleResult", "block_label", "build_subject", "run_examples"]


@attrs.frozen
class Shown:
    """A value in an example's failure, written in the reader's language when shown."""

    value: object
    prefix: str = ""

    def text(self, lang: Lang = "id") -> str:
        return self.prefix + show_value(self.value, lang)


#: an output (or block) with what an example expected and what came: text or a value
Failure = tuple[str, "str | Shown", "str | Shown"]


@attrs.frozen
class ExampleResult:
    """The outcome of one example: passed, or what was expected and what came."""

    title: str
    passed: bool
    span: Span | None
    failures: tuple[Failure, ...] = ()
    error: Diagnostic | None = None
    #: clauses of the rules that decided or were overridden (for coverage)
    clauses: tuple[str, ...] = ()
    #: (block label, role) of every block the example exercised: ``butir 6[pendukung]``
    #: as ``decides``, ``overridden``, ``limit``, ``duty``, ``breach``, ``sanction``,
    #: ``quota``, ``target`` or ``report`` (see :mod:`edaran.testing.coverage`)
    exercised: tuple[tuple[str, str], ...] = ()

    def failure_texts(self, lang: Lang = "id") -> list[tuple[str, str, str]]:
        """Each failure as (output, expected, got), the values written in ``lang``."""
        return [(o, _text(e, lang), _text(g, lang)) for o, e, g in self.failures]

    def to_dict(self, lang: Lang = "id") -> dict[str, object]:
        """The outcome as JSON data, as ``edaran test --format json`` gives each example."""
        return {
            "title": self.title,
            "passed": self.passed,
            "location": location_object(self.span) if self.span is not None else None,
            "failures": [
                {"output": output, "expected": expected, "got": got}
                for output, expected, got in self.failure_texts(lang)
            ],
            "error": diagnostic_object(self.error, lang) if self.error is not None else None,
            "clauses": list(self.clauses),
        }


_PLACEHOLDER_TEXT = {"nip": "0" * 18, "kode": "CONTOH", "nama": "Contoh"}


def _placeholder(name: str, hint: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin is not None and type(None) in typing.get_args(hint):
        return None
    if hint is str:
        return _PLACEHOLDER_TEXT.get(name, "")
    if hint is bool:
        return False
    if hint is int:
        return 0
    if hint is Decimal:
        return Decimal(0)
    if hint is dt.date:
        return dt.date(2000, 1, 1)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return next(iter(hint))
    if isinstance(hint, type) and attrs.has(hint):
        return _build(hint, {})
    return None


def _build(cls: type, given: dict[tuple[str, ...], object], unit_cls: type | None = None) -> Any:
    """``cls`` from the given facts; ``unit_cls`` is the class of its unit (declared
    attributes of units make a subclass of the field's own class)."""
    hints = typing.get_type_hints(cls, localns=vars(model))
    if unit_cls is not None and "unit" in hints:
        hints["unit"] = unit_cls
    kwargs: dict[str, object] = {}
    for field in attrs.fields(cls):
        if not field.init:
            continue
        hint = hints.get(field.name)
        nested = {
            path[1:]: v for path, v in given.items() if path[0] == field.name and len(path) > 1
        }
        target = _attrs_class(hint)
        if (field.name,) in given:
            value = given[(field.name,)]
            if isinstance(value, str) and target is not None and issubclass(target, model.Unit):
                value = _build(target, {("kode",): value, ("nama",): value, **nested})
            kwargs[field.name] = value
        elif nested and target is not None:
            kwargs[field.name] = _build(target, nested)
        elif field.default is attrs.NOTHING:
            kwargs[field.name] = _placeholder(field.name, hint)
    return cls(**kwargs)


def _attrs_class(hint: Any) -> type | None:
    for candidate in (hint, *typing.get_args(hint)):
        if isinstance(candidate, type) and attrs.has(candidate):
            return candidate
    return None


def build_subject(circular: Circular, example: ir.CheckedExample) -> Any:
    """The employee an example describes (its unit built from ``unit.*`` facts)."""
    given = {path[1:]: value for path, value in example.givens if path[0] == "pegawai"}
    return _build(circular.schema.employee_cls, given, circular.schema.unit_cls)


def block_label(block_id: str) -> str:
    """The label a coverage report lists a block under: ``butir 4#2`` is ``butir 4``."""
    return block_id.split("#", 1)[0]


def _duties_in(circular: Circular, mode: object) -> list[tuple[str, str]]:
    """The duties (contact duties and checklists) owed in ``mode``, as exercised blocks."""
    program = circular.program
    blocks: list[ir.DutyIR | ir.ChecklistIR] = [*program.duties, *program.checklists]
    return [(block_label(b.id), "duty") for b in blocks if str(mode) in b.modes]


def _show(value: object) -> Shown:
    return Shown(value)


def _text(item: str | Shown, lang: Lang) -> str:
    return item if isinstance(item, str) else item.text(lang)


def _schedule_example(
    circular: Circular, example: ir.CheckedExample, employee: Any
) -> tuple[list[Failure], list[str], list[tuple[str, str]]]:
    """A unit of ``staff`` alike employees scheduled on the example's day; counts compared."""
    staff = example.staff or 0
    people = [
        attrs.evolve(employee, nip=f"{i + 1:018d}", nama=f"Pegawai {i + 1}") for i in range(staff)
    ]
    made = schedule(circular, people, example.date, example.date)
    counts: dict[str, int] = {}
    for assignment in made:
        counts[assignment.mode] = counts.get(assignment.mode, 0) + 1
    failures: list[Failure] = []
    for output, expected, _ in example.expects:
        mode = output.split(".", 1)[1]
        if counts.get(mode, 0) != expected:
            failures.append((output, _show(expected), _show(counts.get(mode, 0))))
    clauses = [a.clause for a in made if a.clause]
    exercised = [
        (block_label(a.rule), "decides" if a.why == Why.ELIGIBLE else "limit")
        for a in made
        if a.rule
    ]
    return failures, list(dict.fromkeys(clauses)), exercised


def _discipline_example(
    circular: Circular, example: ir.CheckedExample, employee: Any
) -> tuple[list[Failure], list[str], list[tuple[str, str]]]:
    """The example's contacts run through the discipline engine; counts compared."""
    contacts = [
        Contact(f"c{i + 1}", employee.nip, "atasan", channel, sent, answered, reason)  # type: ignore[arg-type]  # a Channel by checking
        for i, (channel, sent, answered, reason) in enumerate(example.contacts)
    ]
    events = [
        Attendance(
            employee.nip,
            AttendanceKind(kind),
            at,
            where[0] if where else None,
            where[1] if where else None,
            f"p{i + 1}",
        )
        for i, (kind, at, where) in enumerate(example.attendance)
    ]
    result = run_discipline(
        circular,
        [employee],
        contacts,
        use_schedule=False,
        attendance=events,
        # From the example's day to the last day it names: days without an event count too.
        first=example.date if events or not contacts else None,
        last=max([example.date, *(e.waktu.date() for e in events)])
        if events or not contacts
        else None,
    )
    counts: dict[str, int] = {}
    for breach in result.breaches:
        counts[f"pelanggaran:{breach.rule}"] = counts.get(f"pelanggaran:{breach.rule}", 0) + 1
    for sanction in result.sanctions:
        counts[f"sanksi:{sanction.rule}"] = counts.get(f"sanksi:{sanction.rule}", 0) + 1
    failures: list[Failure] = []
    for output, expected, _ in example.expects:
        got = counts.get(output, 0)
        if got != expected:
            failures.append((output.replace(":", " "), _show(expected), _show(got)))
    clauses = [b.clause for b in result.breaches] + [s.clause for s in result.sanctions]
    exercised = [(block_label(b.rule), "breach") for b in result.breaches]
    exercised += [(block_label(s.rule), "sanction") for s in result.sanctions]
    # The duties the contacts were weighed against: those owed in the person's mode that day.
    try:
        mode = circular.decide(employee, example.date).value
    except DecisionError:
        mode = None
    exercised += _duties_in(circular.in_force(example.date), mode)
    return failures, list(dict.fromkeys(clauses)), exercised


_EXPECT_WORDS = {
    "quota": "kuota",
    "counted": "dihitung",
    "target": "sasaran",
    "provision": "ketentuan",
}


def _record(circular: Circular, example: ir.CheckedExample, kind: str) -> Any:
    """The record (a trip, a vehicle day, a meeting, a unit's month) an example describes.

    Its unit is built from ``unit.*`` facts; its dates default to the
    example's date (a unit's month: the month holding it).
    """
    given = {path[1:]: value for path, value in example.givens if path[0] == kind}
    unit_facts: dict[tuple[str, ...], object] = {}
    for path, value in example.givens:
        if path[0] != "pegawai" or path[1:2] != ("unit",):
            continue
        if len(path) > 2:
            unit_facts[path[2:]] = value
        else:  # ``unit adalah KODE``: the unit's code (and, unless given, its name)
            unit_facts[("kode",)] = value
            unit_facts.setdefault(("nama",), value)
    cls = circular.schema.record_classes[kind]
    base: dict[tuple[str, ...], object] = {("unit",): _build(circular.schema.unit_cls, unit_facts)}
    hints = typing.get_type_hints(cls)
    month = example.date.replace(day=1)
    for field in attrs.fields(cls):
        if field.init and hints.get(field.name) is dt.date:
            base[(field.name,)] = example.date
    if kind == "periode":
        end = (month + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        base[("mulai",)], base[("selesai",)] = month, end
    if "id" in {f.name for f in attrs.fields(cls)}:
        base[("id",)] = "contoh"
    return _build(cls, {**base, **given})


def _record_example(
    circular: Circular, example: ir.CheckedExample
) -> tuple[list[Failure], list[str], list[tuple[str, str]]]:
    """A quota, target or report example: allowance, counted, target met, estimate."""
    program = circular.program
    blocks: dict[str, Any] = {b.id: b for b in program.quotas}
    blocks.update({b.id: b for b in program.targets})
    blocks.update({b.id: b for b in program.provisions})
    provision_ids = {b.id for b in program.provisions}
    failures: list[Failure] = []
    clauses: list[str] = []
    exercised: list[tuple[str, str]] = []
    quota_ids = {b.id for b in program.quotas}
    for kind, ref, expected, typ in example.records:
        got: object
        if kind == "estimate":
            estimates = program.report.estimates if program.report else ()
            estimate = next(
                e for e in estimates if e.category == ref and (e.type == typ or typ == t.INT)
            )
            value = estimate_value(circular, estimate, _record(circular, example, "periode"))
            got = whole_rupiah(value) if estimate.type == t.MONEY else value
            label = f"perkiraan {ref}"
            clauses.append(program.report.clause if program.report else "")
            if program.report:
                exercised.append((block_label(program.report.id), "report"))
        else:
            block = blocks[ref]
            label = f"{_EXPECT_WORDS[kind]} {ref.split('#')[0]}"
            clauses.append(block.clause)
            role = "quota" if ref in quota_ids else "target"
            exercised.append((block_label(ref), "provision" if ref in provision_ids else role))
            if kind == "quota":
                baseline = None if example.baseline is None else Decimal(str(example.baseline))
                record_unit = _record(circular, example, block.kind).unit
                got = allowance(circular, block, record_unit, example.date, baseline)
            elif kind == "provision":
                got = _satisfies(circular, block, example, failures)
            elif kind == "counted":
                got = counts(circular, block, _record(circular, example, block.kind))
            else:
                got = meets(circular, block, _record(circular, example, block.kind))
        if got != expected or (isinstance(expected, bool) != isinstance(got, bool)):
            failures.append((label, _show(expected), "-" if got is None else _show(got)))
    return failures, list(dict.fromkeys(c for c in clauses if c)), exercised


def _satisfies(
    circular: Circular,
    provision: ir.ProvisionIR,
    example: ir.CheckedExample,
    failures: list[Failure],
) -> bool:
    """Whether the example's record meets a per-record rule, by both backends (which must agree)."""
    record = _record(circular, example, provision.kind)
    if provision.traveller is not None:
        record = attrs.evolve(record, **{provision.traveller: build_subject(circular, example)})
    reference = judge(circular, provision, record, "interpreter")
    compiled = judge(circular, provision, record, "compiled")
    if compiled != reference:  # pragma: no cover - a backend bug, caught loudly
        failures.append(
            (f"ketentuan {provision.id}", _show(reference), Shown(compiled, "compiled: "))
        )
    applies, held = reference
    return not applies or all(held)


def run_examples(circular: Circular) -> list[ExampleResult]:
    """Run every ``contoh`` of the circular, in file order."""
    results = []
    for example in circular.program.examples:
        employee = build_subject(circular, example)
        failures: list[Failure] = []
        clauses: list[str] = []
        exercised: list[tuple[str, str]] = []
        error = None
        special = None
        if example.records:
            special = _record_example(circular, example)
        elif (
            example.contacts
            or example.attendance
            or any(":" in out for out, _, _ in example.expects)
        ):
            special = _discipline_example(circular, example, employee)
        elif example.staff is not None:
            special = _schedule_example(circular, example, employee)
        if special is not None:
            failures, clauses, exercised = special
            results.append(
                ExampleResult(
                    example.title,
                    not failures,
                    example.span,
                    tuple(failures),
                    None,
                    tuple(clauses),
                    tuple(dict.fromkeys(exercised)),
                )
            )
            continue
        try:
            for output, expected, _ in example.expects:
                reference = circular.decide(employee, example.date, output, backend="interpreter")
                compiled = circular.decide(employee, example.date, output, backend="compiled")
                if compiled != reference:  # pragma: no cover - a backend bug, caught loudly
                    failures.append(
                        (output, _show(reference.value), Shown(compiled.value, "compiled: "))
                    )
                if reference.value != expected:
                    failures.append((output, _show(expected), _show(reference.value)))
                # A day before an amendment takes effect is decided by the version it
                # amends: the clauses are that version's (a rule it removed is there).
                in_force = circular.in_force(example.date)
                version = in_force.program
                if reference.rule:
                    clauses.append(version.rule(reference.rule).clause)
                    exercised.append((block_label(reference.rule), "decides"))
                    if output == WORK_MODE:
                        exercised.extend(_duties_in(in_force, reference.value))
                clauses.extend(version.rule(loser).clause for loser, _ in reference.overridden)
                exercised.extend(
                    (block_label(loser), "overridden") for loser, _ in reference.overridden
                )
        except DecisionError as err:
            error = err.diagnostics[0]
        passed = not failures and error is None
        results.append(
            ExampleResult(
                example.title,
                passed,
                example.span,
                tuple(failures),
                error,
                tuple(dict.fromkeys(clauses)),
                tuple(dict.fromkeys(exercised)),
            )
        )
    return results
