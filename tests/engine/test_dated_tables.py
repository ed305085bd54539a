"""Per-unit tables whose default and rows change from dates (``mulai`` lines).

Both backends and the SQL engine read the version in force on the day; the
static checks look at every version; an explanation names the value read.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from edaran.core import EdaranError
from edaran.engine import Circular
from edaran.io import Roster
from edaran.model import Employee, PositionLevel, Unit, UnitKind
from edaran.population.duckdb_run import DuckRun
from edaran.variants import diff_clauses
from population.helpers import expected, first_disagreements

RULES = """\
surat_edaran "7/2027":
    berlaku 2027-05-01

tabel SIAGA: unit -> bilangan = 1
    mulai 2027-05-24: 2
    BPBD: 3
        mulai 2027-05-10: 4
    DINSOS: 2
        mulai 2027-05-12: 3
        mulai 2027-05-19: 1

butir 1, bawaan:
    moda_kerja adalah WFO

butir 2 "Siaga 3 ke atas":
    moda_kerja adalah WFH
    jika SIAGA[unit] >= 3
"""

BPBD = Unit("BPBD", "Badan Penanggulangan Bencana Daerah", UnitKind.BADAN, True)
DINSOS = Unit("DINSOS", "Dinas Sosial", UnitKind.DINAS, False)
UPT = Unit("UPT_PANTI", "UPT Panti Sosial", UnitKind.UPT, True, induk=DINSOS)
DISDIK = Unit("DISDIK", "Dinas Pendidikan", UnitKind.DINAS, False)
PEOPLE = [
    Employee("197512202001121001", "Herman", BPBD, PositionLevel.PELAKSANA),
    Employee("197512202001121002", "Sari", DINSOS, PositionLevel.PELAKSANA),
    Employee("197512202001122003", "Dewi", UPT, PositionLevel.PELAKSANA),
    Employee("197512202001121004", "Andi", DISDIK, PositionLevel.PELAKSANA),
]
WORKING_DAYS = [dt.date(2027, 5, d) for d in (3, 4, 11, 12, 13, 14, 21, 24, 25)]


@pytest.mark.parametrize("backend", ["interpreter", "compiled"])
def test_each_day_reads_the_version_in_force(backend: str) -> None:
    circular = Circular.from_text(RULES, backend=backend)  # type: ignore[arg-type]  # a Backend
    modes = {
        e.nama: "".join(circular.decide(e, day).value[2] for day in WORKING_DAYS) for e in PEOPLE
    }
    # BPBD 3 then 4: always WFH. DINSOS 2, 3 from the 12th, 1 from the 19th.
    # The UPT follows DINSOS. DISDIK has the default: 1, then 2 from the 24th.
    assert modes == {
        "Herman": "HHHHHHHHH",
        "Sari": "OOOHHHOOO",
        "Dewi": "OOOHHHOOO",
        "Andi": "OOOOOOOOO",
    }


def test_explanation_names_the_value_read_that_day() -> None:
    circular = Circular.from_text(RULES)
    text = circular.explain(PEOPLE[1], dt.date(2027, 5, 12)).render("en")
    assert "\n  - SIAGA[unit] = 3" in text
    text = circular.explain(PEOPLE[1], dt.date(2027, 5, 21)).render("en")
    assert "\n  - SIAGA[unit] = 1" in text


def test_duckdb_agrees_day_for_day() -> None:
    circular = Circular.from_text(RULES)
    first, last = dt.date(2027, 5, 1), dt.date(2027, 5, 31)
    run = DuckRun(circular, connection=duckdb.connect())
    run.create_tables()
    run.load_roster(Roster({u.kode: u for u in (BPBD, DINSOS, UPT, DISDIK)}, PEOPLE))
    run.load_calendar(first, last)
    run.decide(first, last)
    decisions, undecided, _ = expected(circular, PEOPLE, first, last)
    mine = list(run.decisions())
    assert not first_disagreements(mine, decisions)
    assert undecided == 0 and len(mine) == len(PEOPLE) * 31


def test_a_share_out_of_range_in_any_version_is_e120() -> None:
    text = """\
surat_edaran "8/2027":
    berlaku 2027-05-01

tabel PROPORSI: unit -> persen = 50%
    BPBD: 40%
        mulai 2027-06-01: 140%

butir 1, bawaan:
    moda_kerja adalah WFO

batas butir 4:
    WFH paling banyak PROPORSI[unit] per unit per hari
"""
    with pytest.raises(EdaranError) as raised:
        Circular.from_text(text)
    found = raised.value.diagnostics
    assert [(d.code, d.args, d.span.line if d.span else 0) for d in found] == [
        ("E120", {"value": "140%"}, 5)  # the row whose value changes
    ]


def test_the_static_check_sees_every_version() -> None:
    """Two rules that agree before a date and conflict after it: a conflict found statically."""
    text = """\
surat_edaran "9/2027":
    berlaku 2027-05-01

tabel MODA_UNIT: unit -> moda = WFO
    BPBD: WFO
        mulai 2027-06-01: WFH

butir 1, bawaan:
    moda_kerja adalah WFO

butir 2:
    moda_kerja adalah MODA_UNIT[unit]
    jika hari adalah Senin

butir 3:
    moda_kerja adalah WFO
    jika hari adalah Senin
"""
    with pytest.raises(EdaranError) as raised:
        Circular.from_text(text)
    assert "E302" in {d.code for d in raised.value.diagnostics}
    undated = text.replace("        mulai 2027-06-01: WFH\n", "")
    Circular.from_text(undated)  # the same file without the change checks clean


def test_diff_shows_a_changed_row_as_such() -> None:
    before = Circular.from_text(RULES)
    after = Circular.from_text(RULES.replace("        mulai 2027-05-19: 1\n", ""))
    changes = [
        (c.kind, c.what, c.key, c.left_text, c.right_text) for c in diff_clauses(before, after)
    ]
    assert changes == [
        ("changed", "table", "SIAGA[DINSOS]", "2; 2027-05-12: 3; 2027-05-19: 1", "2; 2027-05-12: 3")
    ]


DISTRICTS = """\
surat_edaran "10/2027":
    berlaku 2027-05-01

enumerasi KABUPATEN = {HILIR, HULU, TELUK}

tabel SIAGA: KABUPATEN -> bilangan = 1
    HILIR: 3
        mulai 2027-05-17: 2
    TELUK: 4

butir 1, bawaan:
    moda_kerja adalah WFO

butir 2:
    moda_kerja adalah WFH
    jika SIAGA[HILIR] >= 3
"""


def test_a_table_keyed_by_an_enumeration() -> None:
    circular = Circular.from_text(DISTRICTS)
    table = circular.program.params["SIAGA"][0][1]
    assert [table.lookup(k) for k in ("HILIR", "HULU", "TELUK")] == [3, 1, 4]  # type: ignore[attr-defined]
    days = (dt.date(2027, 5, 11), dt.date(2027, 5, 21))
    assert [circular.decide(PEOPLE[3], d).value for d in days] == ["WFH", "WFO"]


def test_enumeration_key_errors() -> None:
    bad_member = DISTRICTS.replace("    TELUK: 4", "    TELUK_SAGU: 4")
    with pytest.raises(EdaranError) as raised:
        Circular.from_text(bad_member)
    found = raised.value.diagnostics
    assert [(d.code, d.suggestions) for d in found] == [("E205", ("TELUK",))]
    bad_key = DISTRICTS.replace("SIAGA[HILIR]", "SIAGA[unit]")
    with pytest.raises(EdaranError) as raised:
        Circular.from_text(bad_key)
    assert [d.code for d in raised.value.diagnostics] == ["E201"]
    bad_type = DISTRICTS.replace("tabel SIAGA: KABUPATEN", "tabel SIAGA: bilangan")
    with pytest.raises(EdaranError) as raised:
        Circular.from_text(bad_type)
    assert "E206" in [d.code for d in raised.value.diagnostics]
