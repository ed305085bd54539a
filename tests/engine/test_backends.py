"""The compiled backend agrees with the reference interpreter.

Random rule files (``strategies.rule_files``), loaded without the static
conflict search so that conflicts and undecided days happen at run time, are
decided for random workforces on random days of 2026 by both backends and by
``Circular.explain``.  They must give equal decisions, or raise
:class:`DecisionError` with the same rendered text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from edaran.core import EdaranError, render_all
from edaran.engine import Circular, Decision, DecisionError
from edaran.io import Roster
from edaran.model import Employee, Unit
from properties import fast_and_full
from strategies import RuleFile, Workforce, rule_files, scenarios

#: an outcome: a decision, the English text of the error, or what crashed
Outcome = tuple[str, Decision | str]
Scenario = tuple[RuleFile, Workforce, tuple[dt.date, ...]]


def _outcome(call: Callable[[], Decision]) -> Outcome:
    try:
        return ("decision", call())
    except DecisionError as err:
        return ("error", render_all(err.diagnostics, "en"))
    except Exception as err:  # a crash is an outcome to compare, and one failure to shrink
        return ("crash", f"{type(err).__name__}: {err}")


def _load(rule_file: RuleFile) -> Circular | None:
    try:
        return Circular.from_text(rule_file.text, static_conflicts=False)
    except EdaranError:
        return None


def _compare(circular: Circular, people: Workforce, days: tuple[dt.date, ...]) -> list[str]:
    """Every employee-day-output on which the backends or ``explain`` disagree, described.

    Every output of the file is compared: ``moda_kerja``, and the times and
    durations of working hours when the file has them.
    """
    problems = []
    for output in circular.program.outputs:
        for employee in people.employees:
            for day in days:
                interpreted = _outcome(
                    lambda e=employee, d=day, o=output: circular.decide(
                        e, d, o, backend="interpreter"
                    )
                )
                compiled = _outcome(
                    lambda e=employee, d=day, o=output: circular.decide(e, d, o, backend="compiled")
                )
                explained = _outcome(
                    lambda e=employee, d=day, o=output: circular.explain(e, d, o).decision
                )
                if not interpreted == compiled == explained:
                    problems.append(
                        f"{employee!r} {output} on {day}:\n  interpreter: {interpreted}\n"
                        f"  compiled:    {compiled}\n  explain:     {explained}"
                    )
    return problems


def _check_scenario(scenario: Scenario) -> None:
    rule_file, people, days = scenario
    circular = _load(rule_file)
    # Generated files are valid by construction; test_generated_files_mostly_check
    # makes sure this is not a way to skip every example.
    assume(circular is not None)
    assert circular is not None
    problems = _compare(circular, people, days)
    assert not problems, (
        f"backends disagree on {len(problems)} employee-days of\n{rule_file.text}\n"
        + "\n".join(problems[:5])
    )


# ------------------------------------------------------------------ property
PROPERTY = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    report_multiple_bugs=False,
)


@fast_and_full(fast=25, full=150)
def test_compiled_backend_agrees_with_interpreter(max_examples: int) -> None:
    @settings(PROPERTY, max_examples=max_examples)
    @given(scenarios())
    def holds(scenario: Scenario) -> None:
        _check_scenario(scenario)

    holds()


@fast_and_full(fast=25, full=150)
def test_backends_agree_when_conditions_cannot_be_evaluated(max_examples: int) -> None:
    """Month steps from the 31st and divisions by zero: both raise the same E503."""

    @settings(PROPERTY, max_examples=max_examples)
    @given(scenarios(evaluation_errors=True))
    def holds(scenario: Scenario) -> None:
        _check_scenario(scenario)

    holds()


#: the same examples on every run: no database, no shrinking, a fixed seed
FIXED_SAMPLE = settings(derandomize=True, database=None, deadline=None, phases=[Phase.generate])


@pytest.mark.slow
def test_backends_agree_long_run() -> None:
    """3000 scenarios (about a minute): ``pytest -m slow``."""

    @settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
    @given(scenarios(evaluation_errors=True))
    def run(scenario: Scenario) -> None:
        _check_scenario(scenario)

    run()


def test_generated_files_mostly_check() -> None:
    """At least half the generated files load (a fixed sample: derandomized)."""
    loaded: list[bool] = []
    failures: list[str] = []

    @settings(FIXED_SAMPLE, max_examples=120)
    @given(rule_files())
    def collect(rule_file: RuleFile) -> None:
        try:
            Circular.from_text(rule_file.text, static_conflicts=False)
        except EdaranError as err:
            loaded.append(False)
            failures.append(f"{rule_file.text}\n{err}")
        else:
            loaded.append(True)

    collect()
    assert len(loaded) >= 100
    share = sum(loaded) / len(loaded)
    assert share >= 0.5, f"only {share:.0%} of generated files check; first failure:\n{failures[0]}"


def test_generated_scenarios_reach_every_kind_of_outcome() -> None:
    """The property is not vacuous: rules, defaults, overrides and every error occur."""
    seen: set[str] = set()

    @settings(FIXED_SAMPLE, max_examples=200)
    @given(scenarios(evaluation_errors=True))
    def collect(scenario: Scenario) -> None:
        rule_file, people, days = scenario
        circular = _load(rule_file)
        if circular is None:
            return
        for employee in people.employees:
            for day in days:
                kind, result = _outcome(
                    lambda e=employee, d=day: circular.decide(e, d, backend="interpreter")
                )
                if kind == "error":
                    seen.add(str(result).split("]", 1)[0])  # "error[E501" .. "error[E503"
                else:
                    assert isinstance(result, Decision)
                    seen.add(result.status)
                    if result.overridden:
                        seen.add("overridden")

    collect()
    wanted = {"rule", "default", "off", "not-in-force", "overridden"}
    wanted |= {"error[E501", "error[E502", "error[E503"}
    assert wanted <= seen, f"never reached: {sorted(wanted - seen)}"


def test_generated_scenarios_reach_working_hours() -> None:
    """Times and durations are decided, and time arithmetic fails on some days (past midnight)."""
    seen: set[str] = set()

    @settings(FIXED_SAMPLE, max_examples=150)
    @given(scenarios(evaluation_errors=True))
    def collect(scenario: Scenario) -> None:
        rule_file, people, days = scenario
        circular = _load(rule_file)
        if circular is None or "jam_pulang" not in circular.program.outputs:
            return
        for output in circular.program.outputs:
            for day in days:
                kind, result = _outcome(
                    lambda d=day, o=output: circular.decide(
                        people.employees[0], d, o, backend="compiled"
                    )
                )
                if kind == "error":
                    assert isinstance(result, str)
                    if "passes midnight" in result:
                        seen.add("past-midnight")
                    if "time of day can only be moved" in result:
                        seen.add("plus-months")
                elif isinstance(result, Decision) and result.status in ("rule", "default"):
                    seen.add(f"{output}:{type(result.value).__name__}")

    collect()
    wanted = {"jam_pulang:time", "jam_efektif:Duration", "past-midnight", "plus-months"}
    wanted.add("jam_kerja:WorkingHours")
    assert wanted <= seen, f"never reached: {sorted(wanted - seen)}"


# --------------------------------------------------------------------- table
def test_reference_circular_on_sample_workforce(reference: Circular, sample_roster: Roster) -> None:
    """The reference circular, every employee of the sample roster, April-May 2026."""
    roster, circular = sample_roster, reference
    first, last = dt.date(2026, 4, 1), dt.date(2026, 5, 31)
    interpreted = list(circular.decide_many(roster.employees, first, last, backend="interpreter"))
    compiled = list(circular.decide_many(roster.employees, first, last, backend="compiled"))
    assert len(interpreted) == len(roster.employees) * 61
    mismatches = [(a, b) for a, b in zip(interpreted, compiled, strict=True) if a != b]
    assert not mismatches, f"{len(mismatches)} mismatches, first: {mismatches[0]}"
    # The table is not trivial: every mode and both days off occur.
    values = {d.value for d in interpreted}
    assert {"WFO", "WFH", "WFA", "LIBUR"} <= values


# ------------------------------------------------------- known bugs (src/)
_NO_RULES_FOR_WORK_MODE = """\
surat_edaran "GEN/1/2026":
    berlaku 2026-01-01

keluaran tunjangan: uang

butir 1: tunjangan adalah Rp 100
"""

_MONTH_STEP = """\
surat_edaran "GEN/2/2026":
    berlaku 2026-01-01

butir 1, bawaan:
    moda_kerja adalah WFO

butir 2: moda_kerja adalah WFH jika tanggal + 1 bulan > 2026-05-01
"""

_SOMEONE = Employee("198001012026011001", "Pegawai", Unit("BAPPEDA", "Bappeda"))

_TABLE_OF_PARENT = """\
surat_edaran "GEN/3/2026":
    berlaku 2026-01-01

tabel PROPORSI_WFH: unit -> persen = 100%
    DISDIK: 50%

butir 1, bawaan:
    moda_kerja adalah WFO

butir 2: moda_kerja adalah WFH jika PROPORSI_WFH[unit.induk] < 60%
"""


def test_table_lookup_of_a_missing_parent_is_empty_in_both_backends() -> None:
    """``TABLE[unit.induk]`` of a unit without a parent is empty: the comparison is false.

    Found by the property: the compiled backend compared ``None < Decimal`` and
    raised TypeError, as its ``_nullable()`` did not count an ``index`` whose
    key may be empty.
    """
    circular = Circular.from_text(_TABLE_OF_PARENT, static_conflicts=False)
    day = dt.date(2026, 4, 1)
    school = Employee("198001012026011002", "Guru", Unit("SMAN1", "SMA", induk=Unit("DISDIK", "")))
    for employee, expected in ((_SOMEONE, "WFO"), (school, "WFH")):
        outcomes = [
            _outcome(lambda e=employee, b=b: circular.decide(e, day, backend=b))
            for b in ("interpreter", "compiled")
        ]
        assert outcomes[0] == outcomes[1], employee.unit.kode
        decision = outcomes[0][1]
        assert isinstance(decision, Decision) and decision.value == expected


def test_explain_reports_evaluation_errors_as_decide_does() -> None:
    circular = Circular.from_text(_MONTH_STEP)
    day = dt.date(2026, 3, 31)  # a Tuesday; 31 March + 1 month is no date
    with pytest.raises(DecisionError) as decided:
        circular.decide(_SOMEONE, day)
    assert "E503" in str(decided.value)
    with pytest.raises(DecisionError) as explained:
        circular.explain(_SOMEONE, day)
    expected = render_all(decided.value.diagnostics, "en")
    assert render_all(explained.value.diagnostics, "en") == expected


def test_output_without_rules_is_e502_in_both_backends() -> None:
    circular = Circular.from_text(_NO_RULES_FOR_WORK_MODE, static_conflicts=False)
    day = dt.date(2026, 4, 1)
    outcomes = [
        _outcome(lambda b=b: circular.decide(_SOMEONE, day, backend=b))
        for b in ("interpreter", "compiled")
    ]
    assert outcomes[0][0] == "error" and "E502" in str(outcomes[0][1])
    assert outcomes[0] == outcomes[1]


# ------------------------------------------------------- per-record rules (ketentuan)
_PROVISION_HEAD = """surat_edaran "P":
    berlaku 2027-01-01
atribut pegawai golongan: enumerasi {I, II, III, IV}
atribut perjalanan kelas: enumerasi {EKONOMI, BISNIS}
atribut perjalanan lama_terbang: durasi
atribut perjalanan surat_tugas: tanggal
atribut perjalanan pelaksana: pegawai
butir 1, bawaan:
    moda_kerja adalah WFO
"""
_PROVISION_ATOMS = (
    "perjalanan.kelas adalah EKONOMI",
    "perjalanan.kelas bukan BISNIS",
    "perjalanan.lama_terbang < 2 jam",
    "perjalanan.lama_terbang >= 90 menit",
    "perjalanan.surat_tugas < perjalanan.mulai",
    "perjalanan.surat_tugas = perjalanan.mulai",
    "perjalanan.jumlah_peserta > 2",
    "perjalanan.biaya <= Rp 2.000.000",
    "pegawai.golongan adalah IV",
    "pegawai.golongan termasuk {III, IV}",
    "perjalanan.pelaksana.jenjang adalah Pelaksana",
    "hari adalah Jumat",
    'unit.kode adalah "B"',
)


def _provision_conditions() -> st.SearchStrategy[str]:
    atom = st.sampled_from(_PROVISION_ATOMS)
    return st.recursive(
        atom,
        lambda inner: st.one_of(
            st.builds(lambda a, b: f"({a} dan {b})", inner, inner),
            st.builds(lambda a, b: f"({a} atau {b})", inner, inner),
            st.builds(lambda a: f"tidak ({a})", inner),
        ),
        max_leaves=4,
    )


@fast_and_full(fast=40, full=300)
def test_backends_agree_on_per_record_rules(max_examples: int) -> None:
    """A random ``ketentuan`` on random trips: the compiled function and the interpreter agree."""
    from edaran.core.types import Duration
    from edaran.quota.provisions import judge

    @settings(PROPERTY, max_examples=max_examples)
    @given(
        must=_provision_conditions(),
        condition=st.one_of(st.none(), _provision_conditions()),
        kelas=st.sampled_from([None, "EKONOMI", "BISNIS"]),
        minutes=st.one_of(st.none(), st.integers(0, 300)),
        letter=st.one_of(st.none(), st.integers(-3, 3)),
        grade=st.one_of(st.none(), st.sampled_from(["I", "II", "III", "IV"])),
        day=st.integers(0, 13),
        party=st.integers(1, 4),
        cost=st.integers(0, 4_000_000),
    )
    def holds(
        must: str,
        condition: str | None,
        kelas: str | None,
        minutes: int | None,
        letter: int | None,
        grade: str | None,
        day: int,
        party: int,
        cost: int,
    ) -> None:
        text = f"{_PROVISION_HEAD}ketentuan perjalanan butir 5:\n    harus {must}\n"
        text += f"    jika {condition}\n" if condition else ""
        circular = Circular.from_text(text)
        schema = circular.schema
        trip_cls = schema.record_classes["perjalanan"]
        hints = {a.name: a.type for a in trip_cls.__attrs_attrs__}
        klass = hints["kelas"].__args__[0]
        unit = schema.unit_cls("B", "Biro")
        person = None
        if grade is not None:
            golongan = {a.name: a.type for a in schema.employee_cls.__attrs_attrs__}["golongan"]
            person = schema.employee_cls("1" * 18, "X", unit, golongan=golongan.__args__[0][grade])
        start = dt.date(2027, 3, 1) + dt.timedelta(days=day)
        trip = trip_cls(
            id="T",
            unit=unit,
            jenis=next(iter(hints["jenis"])),
            mulai=start,
            selesai=start,
            jumlah_peserta=party,
            biaya=Decimal(cost),
            kelas=None if kelas is None else klass[kelas],
            lama_terbang=None if minutes is None else Duration(exact=dt.timedelta(minutes=minutes)),
            surat_tugas=None if letter is None else start + dt.timedelta(days=letter),
            pelaksana=person,
        )
        provision = circular.program.provisions[0]
        assert judge(circular, provision, trip, "compiled") == judge(
            circular, provision, trip, "interpreter"
        )

    holds()
