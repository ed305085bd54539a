"""Per-unit tables that read their rows from a CSV or Excel file (``dari_berkas``).

The rows join the table as if written in the rule file: the same checks (with
the data file's line and column), the same decisions in both backends and in
the SQL engine, and a data update changes the decisions without a rule change.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import openpyxl
import pytest

from edaran.core import Diagnostic, EdaranError, render_all
from edaran.core.files import set_parent_root
from edaran.engine import Circular, check
from edaran.engine.table_files import literal
from edaran.io import Roster
from edaran.lang import check as check_only
from edaran.lang import nodes as n
from edaran.lang import parse
from edaran.model import Employee, PositionLevel, Unit, UnitKind
from edaran.population.duckdb_run import DuckRun
from edaran.variants import diff_clauses
from golden import check_golden
from population.helpers import expected, first_disagreements

RULES = """\
surat_edaran "7/2027":
    berlaku 2027-05-01

# Tingkat siaga per unit, ditetapkan tiap pekan oleh BPBD.
tabel SIAGA: unit -> bilangan = 1
    dari_berkas "{file}"
    mulai 2027-05-24: 2
    DISDIK: 1

butir 1, bawaan:
    moda_kerja adalah WFO

butir 2 "Siaga 3 ke atas: WFH":
    moda_kerja adalah WFH
    jika SIAGA[unit] >= 3
"""

SIAGA = """\
unit,mulai,nilai
BPBD,,3
BPBD,2027-05-10,4
DINSOS,,2
DINSOS,2027-05-12,3
DINSOS,19-05-2027,1
UPT_PANTI,2027-05-13,3
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


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with the rule file and its table file; diagnostics name them relatively."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "se.edaran").write_text(RULES.format(file="siaga.csv"), encoding="utf-8")
    (tmp_path / "siaga.csv").write_text(SIAGA, encoding="utf-8")
    return tmp_path


def _modes(circular: Circular) -> dict[str, str]:
    return {
        e.nama: "".join(circular.decide(e, day).value[2] for day in WORKING_DAYS) for e in PEOPLE
    }


#: BPBD 3 then 4; DINSOS 2, 3 from the 12th, 1 from the 19th; the UPT follows
#: DINSOS until its own row from the 13th (3); DISDIK's row in the rule file is 1.
EXPECTED = {
    "Herman": "HHHHHHHHH",
    "Sari": "OOOHHHOOO",
    "Dewi": "OOOHHHHHH",
    "Andi": "OOOOOOOOO",
}


@pytest.mark.parametrize("backend", ["interpreter", "compiled"])
def test_rows_from_the_file_decide(folder: Path, backend: str) -> None:
    circular = Circular.load("se.edaran", backend=backend)  # type: ignore[arg-type]  # a Backend
    assert _modes(circular) == EXPECTED


def test_the_same_rows_written_in_the_rule_file_give_the_same_program(folder: Path) -> None:
    written = RULES.format(file="x").replace(
        '    dari_berkas "x"\n',
        "    BPBD: 3\n        mulai 2027-05-10: 4\n    DINSOS: 2\n"
        "        mulai 2027-05-12: 3\n        mulai 2027-05-19: 1\n",
    )
    from_file = Circular.load("se.edaran")
    inline = Circular.from_text(written)
    assert _modes(inline) == {**EXPECTED, "Dewi": "OOOHHHOOO"}  # no UPT row written here
    assert from_file.program.params["SIAGA"][0][1] == inline.program.params["SIAGA"][0][1]


def test_excel_file_gives_the_same_decisions(folder: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Siaga"
    sheet.append(["Kode Unit", "Mulai", "Nilai"])
    for line in SIAGA.splitlines()[1:]:
        code, since, value = line.split(",")
        day = dt.datetime.strptime(since, "%d-%m-%Y") if "-" in since[:3] else since or None
        sheet.append([code, day, int(value)])
    workbook.save(folder / "siaga.xlsx")
    (folder / "se-xlsx.edaran").write_text(RULES.format(file="siaga.xlsx"), encoding="utf-8")
    assert _modes(Circular.load("se-xlsx.edaran")) == EXPECTED


def test_a_data_update_changes_decisions_without_a_rule_change(folder: Path) -> None:
    before = Circular.load("se.edaran")
    with (folder / "siaga.csv").open("a", encoding="utf-8") as out:
        out.write("DISDIK,2027-05-24,3\n")
    (folder / "se.edaran").write_text(
        RULES.format(file="siaga.csv").replace("    DISDIK: 1\n", ""), encoding="utf-8"
    )
    after = Circular.load("se.edaran")
    assert _modes(after)["Andi"] == "OOOOOOOHH"
    changes = [(c.key, c.left_text, c.right_text) for c in diff_clauses(before, after)]
    assert changes == [("SIAGA[DISDIK]", "1", "2027-05-24: 3")]


def test_duckdb_agrees(folder: Path) -> None:
    circular = Circular.load("se.edaran")
    first, last = dt.date(2027, 5, 1), dt.date(2027, 5, 31)
    run = DuckRun(circular, connection=duckdb.connect())
    run.create_tables()
    run.load_roster(Roster({u.kode: u for u in (BPBD, DINSOS, UPT, DISDIK)}, PEOPLE))
    run.load_calendar(first, last)
    run.decide(first, last)
    decisions, undecided, _ = expected(circular, PEOPLE, first, last)
    assert not first_disagreements(list(run.decisions()), decisions) and undecided == 0


def _rendered(name: str, diagnostics: list[Diagnostic]) -> None:
    for lang in ("id", "en"):
        check_golden(f"diagnostics/{name}.{lang}.txt", render_all(diagnostics, lang))


def _problems(path: str = "se.edaran") -> list[Diagnostic]:
    """The errors of loading ``path`` (a file without its rows may warn of a rule never used)."""
    with pytest.raises(EdaranError) as raised:
        Circular.load(path)
    return [d for d in raised.value.diagnostics if d.is_error]


def test_bad_rows_are_reported_with_the_checker_findings(folder: Path) -> None:
    (folder / "siaga.csv").write_text(
        "kode,mulai,nilai,catatan\n"
        "BPBD,,3,\n"
        "BPBD,,4,dua kali\n"
        "DINSOS,2027-05-12,50%,\n"
        "DINSOS,2027-05-12,2,\n"
        "DINSOS,32-05-2027,1,\n"
        ",,1,\n"
        "SATPOL_PP,,tiga ya,\n",
        encoding="utf-8",
    )
    with pytest.raises(EdaranError) as raised:
        Circular.load("se.edaran")
    problems = raised.value.diagnostics
    assert [(d.code, d.span.line if d.span else 0) for d in problems] == [
        ("D012", 1),
        ("D018", 6),
        ("D020", 7),
        ("E174", 8),
        ("E105", 3),
        ("E203", 4),
        ("E170", 5),
    ]
    _rendered("E174-table-file-bad-rows", problems)
    # The same problems through edaran.check, which never raises.
    program, found = check(parse((folder / "se.edaran").read_text(), "se.edaran"))
    assert program is None
    assert [d.code for d in found] == [d.code for d in problems]


def test_not_a_table_file_is_not_read(folder: Path) -> None:
    (folder / "se.edaran").write_text(RULES.format(file="../../etc/passwd"), encoding="utf-8")
    problems = _problems()
    assert [d.code for d in problems] == ["E171"]
    _rendered("E171-not-a-table-file", problems)


def test_a_table_file_outside_the_root_is_not_read(folder: Path) -> None:
    (folder / "rules").mkdir()
    (folder / "rules" / "se.edaran").write_text(RULES.format(file="../siaga.csv"), encoding="utf-8")
    set_parent_root(folder / "rules")
    try:
        problems = _problems("rules/se.edaran")
    finally:
        set_parent_root(None)
    assert [(d.code, d.args["path"]) for d in problems] == [("E172", "../siaga.csv")]
    assert _modes(Circular.load("rules/se.edaran")) == EXPECTED  # without --root it is read


def test_a_missing_table_file(folder: Path) -> None:
    (folder / "siaga.csv").unlink()
    problems = _problems()
    assert [d.code for d in problems] == ["E173"]
    _rendered("E173-table-file-missing", problems)


def test_the_lang_checker_alone_does_not_read_files(folder: Path) -> None:
    _, found = check_only(parse(RULES.format(file="siaga.csv"), "se.edaran"))
    assert [d.code for d in found] == ["E175"]  # its golden case: tests/data/rules/E175-*


@pytest.mark.parametrize(
    ("text", "node"),
    [
        ("3", n.IntLit("3")),
        ("12.5", n.DecLit("12.5")),
        ("12,5", n.DecLit("12.5")),
        ("50%", n.PercentLit("50%")),
        ("12,5%", n.PercentLit("12.5%")),
        ("Rp 150.000", n.MoneyLit("Rp 150.000")),
        ("2027-05-01", n.DateLit("2027-05-01")),
        ("5 hari", n.Quantity("5", n.Ident("hari"))),
        ("ya", n.BoolLit(True)),
        ("salah", n.BoolLit(False)),
        ("WFH", n.Name(("WFH",))),
        ("tiga ya", None),
        ("-3", None),
        ("", None),
    ],
)
def test_cells_are_read_as_rule_literals(text: str, node: n.Expr | None) -> None:
    assert literal(text) == node
