"""Rules that read another output (``jika moda_kerja adalah WFH``): decided in strata, the same
by both backends and ``explain``; a circle of outputs is E211; SQL refuses it (E800)."""

from __future__ import annotations

import datetime as dt

import pytest

from edaran.core import EdaranError, render_all
from edaran.engine import Circular, DecisionError
from edaran.engine.sql import SqlPlan, SqlRefused
from edaran.model import Employee, PositionLevel, Unit, UnitKind

UNIT = Unit("DISKOMINFO", "Dinas Komunikasi dan Informatika", UnitKind.DINAS)
STAFF = Employee("198001012006041001", "Pegawai Uji", UNIT, PositionLevel.PELAKSANA)
HEAD = Employee("197001012000031002", "Kepala Dinas", UNIT, PositionLevel.JPT_PRATAMA)
WED, THU = dt.date(2027, 1, 6), dt.date(2027, 1, 7)
BACKENDS = ["interpreter", "compiled"]

READS = """\
surat_edaran "S/1/2027":
    berlaku 2027-01-01

keluaran wajib_lapor: benar_salah
keluaran konflik: benar_salah

butir 1, bawaan: moda_kerja adalah WFO
butir 2 "WFH hari Rabu":
    moda_kerja adalah WFH jika hari adalah Rabu dan pegawai.jenjang adalah PELAKSANA
butir 2.b "WFA hari Rabu":
    moda_kerja adalah WFA jika hari adalah Rabu dan tanggal > 2027-01-10

butir 3, bawaan: jam_kerja adalah pukul 07:30 sampai 16:00 istirahat 12:00 sampai 13:00
butir 3.a "Jam WFH", pengecualian atas butir 3:
    jam_kerja adalah pukul 08:00 sampai 15:00
    jika moda_kerja adalah WFH

butir 4, bawaan:
    wajib_lapor adalah moda_kerja adalah WFH dan jam_kerja adalah pukul 08:00 sampai 15:00
"""


@pytest.fixture(scope="module")
def reads() -> Circular:
    return Circular.from_text(READS, static_conflicts=False)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("person", "date", "hours_rule", "reports"),
    [
        (STAFF, WED, "butir 3.a", True),
        (STAFF, THU, "butir 3", False),
        (HEAD, WED, "butir 3", False),
    ],
)
def test_an_output_reads_the_work_mode(
    reads: Circular, backend: str, person: Employee, date: dt.date, hours_rule: str, reports: bool
) -> None:
    hours = reads.decide(person, date, "jam_kerja", backend=backend)  # type: ignore[arg-type]
    assert hours.rule == hours_rule
    assert reads.decide(person, date, "wajib_lapor", backend=backend).value is reports  # type: ignore[arg-type]
    assert reads.explain(person, date, "jam_kerja").decision == hours


def test_explain_names_the_output_read(reads: Circular) -> None:
    explanation = reads.explain(STAFF, WED, "wajib_lapor")
    assert ("moda_kerja", "WFH") in explanation.facts
    assert "  - moda_kerja = WFH" in explanation.render("en")


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_conflict_of_the_output_read_is_its_own(reads: Circular, backend: str) -> None:
    """On 13 January butir 2 and 2.b conflict: reading the mode raises that E501."""
    with pytest.raises(DecisionError) as caught:
        reads.decide(STAFF, dt.date(2027, 1, 13), "jam_kerja", backend=backend)  # type: ignore[arg-type]
    text = render_all(caught.value.diagnostics, "en")
    assert "[E501]" in text and "butir 2" in text and "butir 2.b" in text


def test_an_output_that_reads_itself_is_e211() -> None:
    text = READS.replace(
        "wajib_lapor adalah moda_kerja adalah WFH dan jam_kerja",
        "wajib_lapor adalah wajib_lapor dan jam_kerja",
    )
    with pytest.raises(EdaranError) as caught:
        Circular.from_text(text)
    (problem,) = caught.value.diagnostics
    assert problem.code == "E211"
    assert problem.args["cycle"] == "wajib_lapor -> wajib_lapor"


def test_the_sql_engine_refuses_reading_an_output(reads: Circular) -> None:
    with pytest.raises(SqlRefused) as refused:
        SqlPlan(reads.program, reads.schema, "jam_kerja")
    assert refused.value.code == "E800"
