"""Rosters from Excel workbooks and from rows held in memory (``edaran.io.roster``).

Both are read through the same schema and cell readers as a CSV roster, so
the same data gives an equal :class:`Roster` and the same bad cell gives the
same D-code; only the note naming the cell differs.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edaran import Roster, read_rows
from edaran.core import Diagnostic, EdaranError, render_all
from edaran.io import RosterWarning, load_roster, read_roster
from edaran.model import PositionLevel
from golden import check_golden
from paths import DATA as TEST_DATA

DATA = TEST_DATA / "roster"


def _csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _mappings(path: Path) -> list[dict[str, str]]:
    header, *rows = _csv_rows(path)
    return [dict(zip(header, row, strict=True)) for row in rows]


def _workbook(path: Path, sheets: Mapping[str, Sequence[Sequence[object]]]) -> Path:
    workbook = openpyxl.Workbook()
    first = True
    for title, rows in sheets.items():
        sheet = workbook.active if first else workbook.create_sheet()
        assert sheet is not None
        sheet.title = title
        first = False
        for row in rows:
            sheet.append(list(row))
    workbook.save(path)
    return path


def _rendered(name: str, diagnostics: Sequence[Diagnostic]) -> None:
    for lang in ("id", "en"):
        check_golden(f"roster/{name}.{lang}.txt", render_all(diagnostics, lang))


# -- Excel --------------------------------------------------------------------------


def test_workbook_gives_the_roster_of_the_same_csv(tmp_path: Path) -> None:
    rows = _csv_rows(DATA / "good_flat.csv")
    path = _workbook(tmp_path / "pegawai.xlsx", {"Data": rows, "Catatan": [["not read"]]})
    flat, problems = read_roster(DATA / "good_flat.csv")
    from_excel, excel_problems = read_roster(path)
    assert problems == [] and excel_problems == []
    assert from_excel == flat


def test_named_sheet_by_hash_or_keyword(tmp_path: Path) -> None:
    rows = _csv_rows(DATA / "good_flat.csv")
    path = _workbook(tmp_path / "simpeg.xlsx", {"Petunjuk": [["Isi lembar Data"]], "Data": rows})
    expected = load_roster(DATA / "good_flat.csv")
    assert load_roster(f"{path}#Data") == expected
    assert load_roster(path, sheet="Data") == expected
    # The first sheet is the instructions: no known column.
    assert [d.code for d in read_roster(path)[1]] == ["D010"]


def test_a_file_whose_name_holds_a_hash_is_read_whole(tmp_path: Path) -> None:
    rows = _csv_rows(DATA / "good_flat.csv")
    path = _workbook(tmp_path / "pegawai#2026.xlsx", {"Data": rows})
    assert len(load_roster(path)) == 9


def test_unknown_sheet_is_d070_with_the_sheets_it_may_mean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _workbook(Path("pegawai.xlsx"), {"Data": [["nip"]], "Unit": [["kode"]]})
    roster, diagnostics = read_roster("pegawai.xlsx#Dat")
    assert len(roster) == 0
    assert [(d.code, d.args["sheets"], d.suggestions) for d in diagnostics] == [
        ("D070", "Data, Unit", ("Data",))
    ]
    _rendered("excel_unknown_sheet", diagnostics)


def test_bad_cells_of_a_workbook_name_their_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    header, good, *_ = _csv_rows(DATA / "good_flat.csv")
    nip = header.index("NIP")
    level = header.index("Level")
    rows: list[list[object]] = [[*header, "Catatan"], [*good, ""]]
    as_number = list(good)
    as_number[nip] = 1.98001012005011e17  # what Excel keeps of an 18-digit number
    rows.append([*as_number, ""])
    bad_level = list(good)
    bad_level[nip] = "198203102008012002"
    bad_level[level] = "Pelaksanaa"
    rows.append([*bad_level, ""])
    dated = list(good)
    dated[nip] = good[nip]  # the same NIP again: D021
    rows.append([*dated, ""])
    _workbook(Path("pegawai.xlsx"), {"Pegawai": rows})
    roster, diagnostics = read_roster("pegawai.xlsx")
    assert len(roster) == 1
    assert [(d.code, d.span.line if d.span else 0) for d in diagnostics] == [
        ("D012", 1),
        ("D030", 3),
        ("D014", 4),
        ("D021", 5),
    ]
    number = diagnostics[1]
    assert number.notes == (
        ("data-note-excel-number", {}),
        ("data-note-excel-cell", {"cell": "A3", "sheet": "Pegawai"}),
    )
    assert diagnostics[2].notes == (("data-note-excel-cell", {"cell": "C4", "sheet": "Pegawai"}),)
    _rendered("excel_bad_cells", diagnostics)


def test_excel_dates_and_numbers_are_read_as_their_values(tmp_path: Path) -> None:
    units = [
        ["kode", "nama", "jenis", "layanan_publik", "induk"],
        ["BPBD", "BPBD", "Badan", 1, None],
    ]
    people = [
        ["nip", "nama", "unit", "jenjang", "capaian_kinerja", "mulai_tugas"],
        ["197512202001121001", "Herman", "BPBD", "JPT Pratama", 92.5, dt.datetime(2020, 1, 6)],
    ]
    unit_book = _workbook(tmp_path / "unit.xlsx", {"Unit": units})
    people_book = _workbook(tmp_path / "pegawai.xlsx", {"Pegawai": people})
    # The directory layout stays CSV; a workbook is the flat layout, so the
    # two are joined here through rows in memory read from the sheets.
    sheets = [openpyxl.load_workbook(p).active for p in (unit_book, people_book)]
    unit_rows, people_rows = ([list(r) for r in s.iter_rows(values_only=True)] for s in sheets)
    roster = Roster.from_rows(
        [dict(zip(unit_rows[0], r, strict=True)) for r in unit_rows[1:]],
        [dict(zip(people_rows[0], r, strict=True)) for r in people_rows[1:]],
    )
    head = roster.employees[0]
    assert head.mulai_tugas == dt.date(2020, 1, 6)
    assert head.capaian_kinerja == Decimal("92.5")
    assert head.unit.layanan_publik is True


# -- rows in memory -----------------------------------------------------------------


def test_rows_give_the_roster_of_the_same_files() -> None:
    expected = load_roster(DATA / "good")
    units = _mappings(DATA / "good" / "unit.csv")
    people = _mappings(DATA / "good" / "pegawai.csv")
    assert Roster.from_rows(units, people) == expected
    flat = _mappings(DATA / "good_flat.csv")
    assert Roster.from_rows(None, flat) == load_roster(DATA / "good_flat.csv")


class _Frame:
    """A stand-in for a polars DataFrame: only ``to_dicts()`` is used."""

    def __init__(self, rows: list[dict[str, object]]) -> None:
        self.rows = rows

    def to_dicts(self) -> list[dict[str, object]]:
        return self.rows


def test_rows_from_to_dicts_and_python_values() -> None:
    units = _Frame(
        [{"kode": "BPBD", "nama": "BPBD", "jenis": "Badan", "layanan_publik": True, "induk": None}]
    )
    people = _Frame(
        [
            {
                "NIP": 197512202001121001,  # an exact integer, as a database gives it
                "Name": "Herman",
                "unit": "BPBD",
                "jenjang": PositionLevel.JPT_PRATAMA,
                "capaian_kinerja": Decimal("90.5"),
                "mulai_tugas": dt.date(2020, 1, 6),
                "selesai_tugas": float("nan"),  # pandas' empty cell
            }
        ]
    )
    roster = Roster.from_rows(units, people)
    head = roster.by_nip("197512202001121001")
    assert head is not None and head.jenjang is PositionLevel.JPT_PRATAMA
    assert head.capaian_kinerja == Decimal("90.5") and head.selesai_tugas is None


def test_bad_rows_name_row_and_key() -> None:
    units = [
        {"kode": "BPBD", "nama": "BPBD", "jenis": "Badan", "layanan_publik": "ya"},
        {"kode": "DINAS", "nama": "Dinas", "jenis": "Dinass", "layanan_publik": "tidak"},
    ]
    people = [
        {"nip": "197512202001121001", "nama": "Herman", "unit": "BPBD", "jenjang": "JPT Pratama"},
        {"nip": "1975 1220", "nama": "Sri", "unit": "BPBB", "jenjang": "Pelaksana", "agama": "x"},
        {"nip": "199004042019032003", "nama": "", "unit": "BPBD", "jenjang": "Pelaksana"},
    ]
    roster, diagnostics = read_rows(units, people)
    assert [e.nama for e in roster.employees] == ["Herman"]
    assert [(d.code, d.span.path if d.span else "") for d in diagnostics] == [
        ("D014", "unit"),
        ("D012", "pegawai"),
        ("D030", "pegawai"),
        ("D020", "pegawai"),
    ]
    assert diagnostics[2].notes == (
        ("data-note-row-key", {"row": 2, "key": "nip", "rows": "pegawai"}),
    )
    _rendered("rows_bad", diagnostics)
    with pytest.raises(EdaranError) as raised:
        Roster.from_rows(units, people)
    assert [d.code for d in raised.value.diagnostics] == [d.code for d in diagnostics]
    with pytest.warns(RosterWarning):
        assert len(Roster.from_rows(units, people, strict=False)) == 1


def test_rows_missing_a_required_key() -> None:
    roster, diagnostics = read_rows(None, [{"nip": "197512202001121001", "nama": "Herman"}])
    assert len(roster) == 0
    assert sorted(d.args["column"] for d in diagnostics if d.code == "D011") == [
        "jenis_unit",
        "jenjang",
        "kode_unit",
        "layanan_publik",
        "nama_unit",
    ]


def test_rows_must_be_mappings() -> None:
    with pytest.raises(TypeError, match="mapping"):
        read_rows(None, [["197512202001121001", "Herman"]])
    with pytest.raises(TypeError, match="mappings"):
        read_rows(None, {"nip": "197512202001121001"})


_UNIT_COLUMNS = ("kode", "nama", "jenis", "layanan_publik", "induk")
_PEOPLE_COLUMNS = ("nip", "nama", "unit", "jenjang", "jabatan", "capaian_kinerja")


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.integers(0, 5), min_size=1, max_size=6, unique=True),
    st.lists(st.integers(0, 8), max_size=9, unique=True),
)
def test_rows_and_files_agree_on_any_selection(
    unit_picks: list[int], people_picks: list[int]
) -> None:
    """Any selection of the good rows (some then refer to missing units) gives the
    same roster and the same codes whether read from files or from mappings."""
    units = _mappings(DATA / "good" / "unit.csv")
    people = _mappings(DATA / "good" / "pegawai.csv")
    chosen_units = [units[i] for i in unit_picks]
    chosen_people = [people[i] for i in people_picks]
    files = {
        "unit.csv": _csv_text(_UNIT_COLUMNS, chosen_units),
        "pegawai.csv": _csv_text(_PEOPLE_COLUMNS, chosen_people),
    }
    from_files, file_problems = read_roster("", files=files)
    from_rows, row_problems = read_rows(chosen_units, chosen_people)
    assert from_rows == from_files
    assert [_what(d) for d in row_problems] == [_what(d) for d in file_problems]


def _what(diagnostic: Diagnostic) -> tuple[str, dict[str, object]]:
    """A diagnostic without where it stands (a row of mappings is one line less)."""
    where = {"lines", "file", "first"}
    return diagnostic.code, {k: v for k, v in diagnostic.args.items() if k not in where}


def _csv_text(columns: Sequence[str], rows: Sequence[Mapping[str, str]]) -> bytes:
    lines = [",".join(columns)]
    for row in rows:
        lines.append(",".join(f'"{row[c]}"' for c in columns))
    return ("\n".join(lines) + "\n").encode("utf-8")
