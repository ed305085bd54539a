"""Deciding with the reference circular, under both backends, and explaining decisions."""

from __future__ import annotations

import datetime as dt
import types

import pytest

from edaran.core import EdaranError, render_all
from edaran.engine import Circular, Decision, DecisionError, Status
from edaran.model import Employee, PositionLevel, Unit, UnitKind
from edaran.testing import run_examples
from golden import check_golden
from paths import REFERENCE

SETTLEMENT = (
    'butir 12.a "Badan Penanggulangan Bencana Daerah tetap WFO", '
    "pengecualian atas butir 2, butir 11:"
)
UNSETTLED = 'butir 12.a "Badan Penanggulangan Bencana Daerah tetap WFO", pengecualian atas butir 2:'
BACKENDS = ["interpreter", "compiled"]

P = PositionLevel
K = UnitKind
NIP = "197203152000121001"

# Dates of 2026 used below.
MON, THU, FRI = dt.date(2026, 4, 6), dt.date(2026, 4, 9), dt.date(2026, 4, 10)
SAT, SUN = dt.date(2026, 4, 11), dt.date(2026, 4, 12)
GOOD_FRIDAY = dt.date(2026, 4, 3)  # Wafat Yesus Kristus, a public holiday
LABOUR_DAY = dt.date(2026, 5, 1)  # a Friday
ASCENSION_LEAVE = dt.date(2026, 5, 15)  # cuti bersama, a Friday
BEFORE_IN_FORCE = dt.date(2026, 3, 27)  # a Friday before 1 April
FIRST_DAY = dt.date(2026, 4, 1)

PARENTS = {
    "RS_EB": Unit("RS_EB", "RS Ernaldi Bahar", K.RUMAH_SAKIT, True),
    "DISDIK": Unit("DISDIK", "Dinas Pendidikan", K.DINAS),
    "BAPENDA": Unit("BAPENDA", "Badan Pendapatan Daerah", K.BADAN),
    "DINSOS": Unit("DINSOS", "Dinas Sosial", K.DINAS),
}


def employee(
    level: PositionLevel,
    code: str,
    kind: UnitKind = K.DINAS,
    parent: str | None = None,
    public: bool = False,
) -> Employee:
    unit = Unit(code, f"Unit {code}", kind, public, PARENTS[parent] if parent else None)
    return Employee(NIP, "Pegawai Uji", unit, level)


@pytest.fixture(scope="module")
def circular(reference: Circular) -> Circular:
    """The reference circular, loaded once for the whole run (``conftest.py``)."""
    return reference


def unsettled_circular() -> Circular:
    text = REFERENCE.read_text(encoding="utf-8")
    assert text.count(SETTLEMENT) == 1
    return Circular.from_text(
        text.replace(SETTLEMENT, UNSETTLED), "se-tanpa-penyelesaian.edaran", static_conflicts=False
    )


# (level, unit code, unit kind, parent code, public service, date) -> (mode, deciding rule)
TABLE = [
    # butir 1.a and 2: office on weekdays, home on Friday
    ((P.PELAKSANA, "BAPPEDA", K.BADAN, None, False, MON), ("WFO", "butir 1.a")),
    ((P.PELAKSANA, "BAPPEDA", K.BADAN, None, False, THU), ("WFO", "butir 1.a")),
    ((P.PELAKSANA, "BAPPEDA", K.BADAN, None, False, FRI), ("WFH", "butir 2")),
    ((P.ADMINISTRATOR, "BKD", K.BADAN, None, False, FRI), ("WFH", "butir 2")),
    ((P.PELAKSANA, "BAPPEDA", K.BADAN, None, False, FIRST_DAY), ("WFO", "butir 1.a")),
    # butir 11: JPT work from anywhere on the WFH day, in the office otherwise
    ((P.JPT_PRATAMA, "BAPPEDA", K.BADAN, None, False, FRI), ("WFA", "butir 11")),
    ((P.JPT_MADYA, "SETDA", K.SEKRETARIAT, None, False, dt.date(2026, 4, 17)), ("WFA", "butir 11")),
    ((P.JPT_PRATAMA, "BAPPEDA", K.BADAN, None, False, dt.date(2026, 4, 13)), ("WFO", "butir 1.a")),
    # butir 6: direct public service stays in the office, its head too
    ((P.PELAKSANA, "UPT_PSTW", K.UPT, "DINSOS", True, dt.date(2026, 4, 17)), ("WFO", "butir 6")),
    ((P.JPT_PRATAMA, "UPT_PSTW", K.UPT, "DINSOS", True, FRI), ("WFO", "butir 6")),
    # butir 12.a to 12.f
    ((P.PELAKSANA, "BPBD", K.BADAN, None, False, FRI), ("WFO", "butir 12.a")),
    ((P.JPT_PRATAMA, "BPBD", K.BADAN, None, False, FRI), ("WFO", "butir 12.a")),
    (
        (P.PELAKSANA, "SATPOL_PP", K.SATUAN, None, False, dt.date(2026, 4, 24)),
        ("WFO", "butir 12.b"),
    ),
    ((P.PENGAWAS, "DPMPTSP", K.DINAS, None, False, dt.date(2026, 4, 24)), ("WFO", "butir 12.c")),
    (
        (P.FUNGSIONAL, "RS_EB", K.RUMAH_SAKIT, None, False, dt.date(2026, 5, 8)),
        ("WFO", "butir 12.d"),
    ),
    (
        (P.FUNGSIONAL, "RS_EB_IGD", K.UPT, "RS_EB", False, dt.date(2026, 5, 8)),
        ("WFO", "butir 12.d"),
    ),
    (
        (P.FUNGSIONAL, "SMAN1_PLG", K.UPT_SEKOLAH, "DISDIK", False, dt.date(2026, 5, 22)),
        ("WFO", "butir 12.e"),
    ),
    ((P.PELAKSANA, "UPT_BTKP", K.UPT, "DISDIK", False, dt.date(2026, 5, 22)), ("WFH", "butir 2")),
    (
        (P.PELAKSANA, "UPTB_SAMSAT", K.UPTB, "BAPENDA", False, dt.date(2026, 5, 22)),
        ("WFO", "butir 12.f"),
    ),
    ((P.PELAKSANA, "BAPENDA", K.BADAN, None, False, dt.date(2026, 5, 22)), ("WFH", "butir 2")),
    # a school outside the Education Office is not 12.e
    (
        (P.FUNGSIONAL, "SMAN_X", K.UPT_SEKOLAH, None, False, dt.date(2026, 5, 22)),
        ("WFH", "butir 2"),
    ),
    # days off and days outside the circular: no rule decides
    ((P.PELAKSANA, "BAPPEDA", K.BADAN, None, False, GOOD_FRIDAY), ("LIBUR", None)),
    ((P.PELAKSANA, "BPBD", K.BADAN, None, False, ASCENSION_LEAVE), ("LIBUR", None)),
    ((P.JPT_PRATAMA, "BAPPEDA", K.BADAN, None, False, LABOUR_DAY), ("LIBUR", None)),
    ((P.PELAKSANA, "BAPPEDA", K.BADAN, None, False, SAT), ("LIBUR", None)),
    ((P.PELAKSANA, "BPBD", K.BADAN, None, False, SUN), ("LIBUR", None)),
    ((P.PELAKSANA, "BAPPEDA", K.BADAN, None, False, BEFORE_IN_FORCE), ("TIDAK_BERLAKU", None)),
]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("given", "expected"), TABLE, ids=[f"{g[1]}-{g[5]}-{g[0].name}" for g, _ in TABLE]
)
def test_decision_table(circular: Circular, backend: str, given: tuple, expected: tuple) -> None:
    level, code, kind, parent, public, date = given
    decision = circular.decide(employee(level, code, kind, parent, public), date, backend=backend)
    assert (decision.value, decision.rule) == expected
    assert decision.date == date and decision.nip == NIP and decision.output == "moda_kerja"


@pytest.mark.parametrize("backend", BACKENDS)
def test_head_of_bpbd_on_friday_is_decided_by_12a_over_11_and_2(
    circular: Circular, backend: str
) -> None:
    decision = circular.decide(employee(P.JPT_PRATAMA, "BPBD", K.BADAN), FRI, backend=backend)
    assert decision == Decision(
        nip=NIP,
        date=FRI,
        output="moda_kerja",
        value="WFO",
        status=Status.RULE,
        rule="butir 12.a",
        clause="butir 12.a",
        overridden=(("butir 2", "butir 11"), ("butir 11", "butir 12.a")),
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_sub_unit_inherits_12d_from_its_parent(circular: Circular, backend: str) -> None:
    nurse = employee(P.FUNGSIONAL, "RS_EB_IGD", K.UPT, "RS_EB")
    decision = circular.decide(nurse, FRI, backend=backend)
    assert (decision.value, decision.rule, decision.overridden) == (
        "WFO",
        "butir 12.d",
        (("butir 2", "butir 12.d"),),
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_statuses_and_notes(circular: Circular, backend: str) -> None:
    staff = employee(P.PELAKSANA, "BAPPEDA", K.BADAN)

    def decide(date: dt.date) -> Decision:
        return circular.decide(staff, date, backend=backend)

    assert (decide(MON).status, decide(MON).clause) == (Status.DEFAULT, "butir 1.a")
    assert decide(FRI).status == Status.RULE
    assert (decide(GOOD_FRIDAY).status, decide(GOOD_FRIDAY).note) == (
        Status.OFF,
        "Wafat Yesus Kristus",
    )
    assert decide(ASCENSION_LEAVE).note == "Cuti Bersama Kenaikan Yesus Kristus"
    # Notes are data (a weekday's name, the dates in force); words come when rendered.
    assert decide(SAT).note == "SABTU"
    assert circular.reason(decide(SAT), "id") == "libur: Sabtu"
    assert circular.reason(decide(SAT), "en") == "day off: Saturday"
    assert (decide(BEFORE_IN_FORCE).status, decide(BEFORE_IN_FORCE).note) == (
        Status.NOT_IN_FORCE,
        "2026-04-01..",
    )
    assert (
        circular.reason(decide(BEFORE_IN_FORCE), "id")
        == "SE tidak berlaku (berlaku mulai 2026-04-01)"
    )
    assert (
        circular.reason(decide(BEFORE_IN_FORCE), "en")
        == "circular not in force (in force from 2026-04-01)"
    )


def test_backends_agree_on_every_example_and_examples_pass(circular: Circular) -> None:
    results = run_examples(circular)
    assert len(results) == 46
    assert [r.title for r in results if not r.passed] == []


# ------------------------------------------------------------ run-time errors
@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_runtime_conflict_names_both_clauses(backend: str, lang: str) -> None:
    circular = unsettled_circular()
    head = employee(P.JPT_PRATAMA, "BPBD", K.BADAN)
    with pytest.raises(DecisionError) as caught:
        circular.decide(head, FRI, backend=backend)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "E501"
    assert (diagnostic.args["first"], diagnostic.args["second"]) == ("butir 11", "butir 12.a")
    text = render_all(caught.value.diagnostics, lang)
    assert "butir 11" in text and "butir 12.a" in text
    check_golden(f"diagnostics/E501-runtime-conflict.{lang}.txt", text)


def test_runtime_conflict_only_where_both_rules_apply() -> None:
    circular = unsettled_circular()
    for backend in BACKENDS:
        staff = employee(P.PELAKSANA, "BPBD", K.BADAN)
        assert circular.decide(staff, FRI, backend=backend).rule == "butir 12.a"
        head = employee(P.JPT_PRATAMA, "BPBD", K.BADAN)
        assert circular.decide(head, THU, backend=backend).rule == "butir 12.a"
        jpt = employee(P.JPT_PRATAMA, "BAPPEDA", K.BADAN)
        assert circular.decide(jpt, FRI, backend=backend).rule == "butir 11"
    with pytest.raises(DecisionError):
        circular.explain(employee(P.JPT_PRATAMA, "BPBD", K.BADAN), FRI)


def test_the_unsettled_file_is_refused_when_conflicts_are_checked() -> None:
    text = REFERENCE.read_text(encoding="utf-8").replace(SETTLEMENT, UNSETTLED)
    with pytest.raises(EdaranError) as caught:
        Circular.from_text(text)
    assert [d.code for d in caught.value.diagnostics] == ["E302"]


NO_DEFAULT = (
    'surat_edaran "2/2026":\n'
    "    berlaku 2026-04-01\n"
    "\n"
    'butir 2 "WFH setiap hari Jumat":\n'
    "    moda_kerja adalah WFH\n"
    "    jika hari adalah Jumat\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_applicable_rule_and_no_default(backend: str, lang: str) -> None:
    circular = Circular.from_text(NO_DEFAULT, "tanpa-bawaan.edaran")
    assert [w.code for w in circular.warnings] == ["W306"]
    staff = employee(P.PELAKSANA, "BAPPEDA", K.BADAN)
    assert circular.decide(staff, FRI, backend=backend).value == "WFH"
    with pytest.raises(DecisionError) as caught:
        circular.decide(staff, MON, backend=backend)
    assert [d.code for d in caught.value.diagnostics] == ["E502"]
    text = render_all(caught.value.diagnostics, lang)
    check_golden(f"diagnostics/E502-no-rule.{lang}.txt", text)


@pytest.mark.parametrize("backend", BACKENDS)
def test_evaluation_errors_are_decision_errors(backend: str) -> None:
    text = (
        'surat_edaran "3/2026":\n'
        "    berlaku 2026-01-01\n"
        "parameter NOL: bilangan = 0\n"
        "butir 1, bawaan: moda_kerja adalah WFO\n"
        "butir 2, pengecualian atas butir 1: "
        "moda_kerja adalah WFH jika tanggal + 1 bulan > 2026-12-01\n"
        "butir 3, pengecualian atas butir 1: "
        "moda_kerja adalah WFA jika hari adalah Senin dan 10 / NOL > 1\n"
    )
    circular = Circular.from_text(text, static_conflicts=False)
    staff = employee(P.PELAKSANA, "BAPPEDA", K.BADAN)
    # 31 March + 1 month is no date: refused, not clamped to 30 April.
    with pytest.raises(DecisionError) as clamp:
        circular.decide(staff, dt.date(2026, 3, 31), backend=backend)
    with pytest.raises(DecisionError) as zero:
        circular.decide(staff, MON, backend=backend)
    assert [d.code for d in clamp.value.diagnostics] == ["E503"]
    assert [d.code for d in zero.value.diagnostics] == ["E503"]
    assert circular.decide(staff, dt.date(2026, 3, 26), backend=backend).value == "WFO"


# ---------------------------------------------------------------- explain
EXPLAINED = [
    ("head-of-bpbd-friday", P.JPT_PRATAMA, "BPBD", K.BADAN, None, False, FRI),
    ("director-rsud-friday", P.JPT_PRATAMA, "RSUD_SF", K.RUMAH_SAKIT, None, True, FRI),
    ("staff-monday", P.PELAKSANA, "BAPPEDA", K.BADAN, None, False, MON),
    ("good-friday", P.PELAKSANA, "BAPPEDA", K.BADAN, None, False, GOOD_FRIDAY),
    ("before-in-force", P.PELAKSANA, "BAPPEDA", K.BADAN, None, False, BEFORE_IN_FORCE),
]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("case", EXPLAINED, ids=[c[0] for c in EXPLAINED])
def test_explain_golden(circular: Circular, case: tuple, lang: str) -> None:
    name, level, code, kind, parent, public, date = case
    explanation = circular.explain(employee(level, code, kind, parent, public), date)
    assert explanation.decision == circular.decide(
        employee(level, code, kind, parent, public), date
    )
    check_golden(f"cli/explain-{name}.{lang}.txt", explanation.render(lang) + "\n")


def test_explanation_of_the_head_of_bpbd(circular: Circular) -> None:
    explanation = circular.explain(employee(P.JPT_PRATAMA, "BPBD", K.BADAN), FRI)
    assert explanation.circular == "SE 800.1/1230/BKD.I/2026"
    assert explanation.title == "Badan Penanggulangan Bencana Daerah tetap WFO"
    assert explanation.applied == ("butir 2", "butir 11", "butir 12.a")
    assert [name for name, _ in explanation.facts] == [
        "hari",
        "HARI_WFH",
        "unit.layanan_publik",
        "pegawai.capaian_kinerja",
        "TARGET_KINERJA",
        "pegawai.jenjang",
        "unit",
        "unit.jenis",
    ]
    assert explanation.reason("id") == (
        "butir 12.a: Badan Penanggulangan Bencana Daerah tetap WFO "
        "(mengesampingkan butir 2, butir 11)"
    )
    assert explanation.reason("en") == (
        "butir 12.a: Badan Penanggulangan Bencana Daerah tetap WFO (overrides butir 2, butir 11)"
    )


# ------------------------------------------------------------ decide_many
def test_decide_many_is_a_date_major_generator(circular: Circular) -> None:
    staff = [
        employee(P.PELAKSANA, "BAPPEDA", K.BADAN),
        Employee("196805121994031002", "Kepala", Unit("BPBD", "BPBD", K.BADAN), P.JPT_PRATAMA),
        Employee("198811202012022001", "Perawat", Unit("RS_EB", "RS", K.RUMAH_SAKIT), P.FUNGSIONAL),
    ]
    decisions = circular.decide_many(staff, MON, SUN)
    assert isinstance(decisions, types.GeneratorType)
    first = next(decisions)
    assert (first.nip, first.date, first.value) == (NIP, MON, "WFO")
    rest = list(decisions)
    assert len(rest) == 7 * 3 - 1
    everything = [first, *rest]
    assert [(d.date, d.nip) for d in everything] == [
        (MON + dt.timedelta(days=i), person.nip) for i in range(7) for person in staff
    ]
    friday = [d.value for d in everything if d.date == FRI]
    assert friday == ["WFH", "WFO", "WFO"]
    assert {d.value for d in everything if d.date in (SAT, SUN)} == {"LIBUR"}


def test_decide_many_single_day_and_errors_list() -> None:
    circular = Circular.from_text(NO_DEFAULT)
    staff = [employee(P.PELAKSANA, "BAPPEDA", K.BADAN)]
    assert [d.value for d in circular.decide_many(staff, FRI)] == ["WFH"]
    with pytest.raises(DecisionError):
        list(circular.decide_many(staff, THU, FRI))
    errors: list[DecisionError] = []
    decided = list(circular.decide_many(staff, THU, SAT, errors=errors))
    assert [(d.date, d.value) for d in decided] == [(FRI, "WFH"), (SAT, "LIBUR")]
    assert [e.diagnostics[0].code for e in errors] == ["E502"]


def test_decide_many_with_the_interpreter_matches_compiled(circular: Circular) -> None:
    staff = [employee(level, "BPBD", K.BADAN) for level in P] + [
        employee(level, "BAPPEDA", K.BADAN) for level in P
    ]
    first, last = dt.date(2026, 3, 30), dt.date(2026, 5, 31)
    compiled = list(circular.decide_many(staff, first, last, backend="compiled"))
    interpreted = list(circular.decide_many(staff, first, last, backend="interpreter"))
    assert compiled == interpreted
    assert len(compiled) == 63 * len(staff)
