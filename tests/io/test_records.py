"""Records for quotas and reports (:mod:`edaran.io.records`); numbers in ``test_numbers.py``.

The files under ``tests/data/records/`` are read against the roster of
``tests/data/roster/good``: ``good/`` holds one valid file per kind (the cost
lines ``;``-separated, in an Indonesian locale), ``bad/`` one file per kind
with every kind of problem, rendered in both languages in
``tests/golden/records/``.  Excel workbooks are written by the tests.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from edaran.core import EdaranError, Severity, render_all
from edaran.io import RecordsWarning, Roster, load_records, load_roster, read_records
from edaran.io.records import KINDS
from edaran.messages import Lang
from edaran.model import (
    CostCategory,
    CostLine,
    EnergyChecklist,
    EnergyItem,
    Meeting,
    MeetingForm,
    MeetingKind,
    PlanStatus,
    Trip,
    TripKind,
    VehicleKind,
    VehicleUse,
)
from golden import check_golden
from paths import REPO

DATA = "tests/data/records"
LANGS: list[Lang] = ["id", "en"]


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    # Relative paths keep rendered locations stable; the language comes from render_all.
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("EDARAN_LANG", raising=False)


@pytest.fixture(scope="module")
def roster() -> Roster:
    return load_roster(REPO / "tests/data/roster/good")


def _ids(records: list[Any]) -> list[str]:
    return [getattr(r, "id", None) or f"{r.unit.kode} {r.tanggal}" for r in records]


# ------------------------------------------------------------ good files
def test_trips(roster: Roster) -> None:
    trips, diagnostics = read_records(f"{DATA}/good/perjalanan.csv", "perjalanan", roster=roster)
    assert diagnostics == []
    assert _ids(trips) == ["PD-001", "PD-002", "PD-003", "PD-004"]  # by start, then id
    first, second, third, fourth = trips
    assert first == Trip(
        "PD-001",
        roster.units["SETDA"],
        TripKind.LUAR_NEGERI,
        dt.date(2026, 4, 6),
        dt.date(2026, 4, 10),
        1,
        Decimal("12500000"),
        PlanStatus.RENCANA,
        "Kuala Lumpur",
    )
    assert first.unit is roster.units["SETDA"]
    assert second.jenis is TripKind.DALAM_NEGERI  # DALAM_NEGERI, by name
    assert second.mulai == second.selesai == dt.date(2026, 4, 6)  # 06/04/2026
    assert second.biaya == Decimal("1234.5")
    assert second.status is PlanStatus.TERLAKSANA  # empty: the default
    assert str(third.biaya) == "4250000.50"  # "4.250.000,50", sen kept
    assert (fourth.jumlah_peserta, fourth.biaya, fourth.tujuan) == (1, Decimal(0), "")


def test_vehicle_days_with_english_headers(roster: Roster, tmp_path: Path) -> None:
    days, diagnostics = read_records(f"{DATA}/good/kendaraan.csv", "kendaraan", roster=roster)
    assert diagnostics == []
    assert _ids(days) == ["KD-003", "KD-001", "KD-002"]
    electric, petrol, diesel = days
    assert electric.jenis is VehicleKind.LISTRIK and electric.listrik
    assert electric.jarak == Decimal("18.5") and electric.bbm is None
    assert (petrol.jarak, petrol.bbm, petrol.operasional) == (Decimal(35), Decimal("4.25"), False)
    assert diesel == VehicleUse(
        "KD-002",
        "BG 1234 AB",
        roster.units["BPBD"],
        dt.date(2026, 4, 7),
        VehicleKind.SOLAR,
        True,
        Decimal("120.5"),
        Decimal(14),
    )
    english = tmp_path / "vehicles.csv"
    english.write_text(
        "ID,Vehicle,Unit_Code,Date,KIND,operational,distance,fuel\n"
        "KD-9,BG 9 A,BPBD,2026-04-07,Solar,yes,10,2\n",
        encoding="utf-8",
    )
    (same,), found = read_records(english, "kendaraan", roster=roster)
    assert found == []
    assert (same.id, same.unit.kode, same.jenis, same.operasional) == (
        "KD-9",
        "BPBD",
        VehicleKind.SOLAR,
        True,
    )


def test_meetings(roster: Roster) -> None:
    meetings, diagnostics = read_records(f"{DATA}/good/rapat.csv", "rapat", roster=roster)
    assert diagnostics == []
    assert _ids(meetings) == ["R-01", "R-02", "R-03"]
    assert [(m.bentuk, m.jenis, m.peserta) for m in meetings] == [
        (MeetingForm.LURING, MeetingKind.RAPAT, 25),
        (MeetingForm.DARING, MeetingKind.BIMTEK, 120),
        (MeetingForm.HIBRIDA, MeetingKind.SEMINAR, 0),
    ]
    assert meetings[2] == Meeting(
        "R-03", roster.units["BPBD"], dt.date(2026, 4, 9), MeetingForm.HIBRIDA, MeetingKind.SEMINAR
    )


def test_checklists(roster: Roster) -> None:
    lists, diagnostics = read_records(
        f"{DATA}/good/daftar_periksa.csv", "daftar_periksa", roster=roster
    )
    assert diagnostics == []
    assert _ids(lists) == ["BPBD 2026-04-09", "DISDIK 2026-04-10", "SETDA 2026-04-10"]
    assert lists[0].dimatikan == frozenset(EnergyItem)
    assert lists[1] == EnergyChecklist(
        roster.units["DISDIK"], dt.date(2026, 4, 10), frozenset({EnergyItem.ELEKTRONIK})
    )
    assert lists[2].dimatikan == {EnergyItem.ELEKTRONIK, EnergyItem.AC, EnergyItem.LAMPU}
    assert lists[2].petugas == "Rina"


def test_a_checklist_without_item_columns_switched_nothing_off(
    roster: Roster, tmp_path: Path
) -> None:
    path = tmp_path / "daftar_periksa.csv"
    path.write_text("unit,tanggal,lampu\nBPBD,2026-04-10,ya\nSETDA,2026-04-10,\n", "utf-8")
    lists, diagnostics = read_records(path, "daftar_periksa", roster=roster)
    assert diagnostics == []
    assert [c.dimatikan for c in lists] == [frozenset({EnergyItem.LAMPU}), frozenset()]


def test_cost_lines_in_an_indonesian_locale(roster: Roster) -> None:
    lines, diagnostics = read_records(f"{DATA}/good/biaya.csv", "biaya", roster=roster)
    assert diagnostics == []
    shown = [
        (c.unit.kode, c.bulan, c.kategori, str(c.jumlah), c.kuantitas, c.satuan) for c in lines
    ]
    assert shown == [
        ("DISDIK", dt.date(2026, 3, 1), CostCategory.AIR, "1500000", Decimal("98.25"), "m3"),
        ("SETDA", dt.date(2026, 3, 1), CostCategory.BELANJA_PEGAWAI, "1500", None, None),
        ("DISDIK", dt.date(2026, 4, 1), CostCategory.TELEPON, "875000.10", None, None),
        (
            "SETDA",
            dt.date(2026, 4, 1),
            CostCategory.LISTRIK,
            "12500000.00",
            Decimal("1234.5"),
            "kWh",
        ),
        ("SETDA", dt.date(2026, 4, 1), CostCategory.BBM, "3400000", Decimal(340), "liter"),
    ]
    assert sum(c.jumlah for c in lines) == Decimal("18276500.10")
    assert lines[3] == CostLine(
        roster.units["SETDA"],
        dt.date(2026, 4, 1),
        CostCategory.LISTRIK,
        Decimal("12500000.00"),
        Decimal("1234.5"),
        "kWh",
        "PLN April",
    )


def test_order_does_not_depend_on_the_rows(roster: Roster, tmp_path: Path) -> None:
    for kind in KINDS:
        source = REPO / DATA / "good" / f"{kind}.csv"
        header, *rows = source.read_text("utf-8").splitlines()
        shuffled = tmp_path / f"{kind}.csv"
        shuffled.write_text("\n".join([header, *reversed(rows)]) + "\n", "utf-8")
        assert (
            read_records(shuffled, kind, roster=roster)[0]
            == read_records(source, kind, roster=roster)[0]
        )


def test_cp1252(roster: Roster) -> None:
    meetings, diagnostics = read_records(f"{DATA}/rapat-cp1252.csv", "rapat", roster=roster)
    assert [d.code for d in diagnostics] == ["D006"]
    assert diagnostics[0].severity is Severity.WARNING
    assert meetings[0].judul == "Rapat Koordinasi – Ruang Café"
    assert meetings[0].peserta == 1250  # a ";" file: dots group thousands


# ------------------------------------------------------------- bad files
@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("lang", LANGS)
def test_bad_files(roster: Roster, kind: str, lang: Lang) -> None:
    _, diagnostics = read_records(f"{DATA}/bad/{kind}.csv", kind, roster=roster)
    assert all(d.span is not None for d in diagnostics)
    check_golden(f"records/bad-{kind}.{lang}.txt", render_all(diagnostics, lang))


def test_bad_files_keep_their_valid_rows(roster: Roster) -> None:
    kept = {
        kind: _ids(read_records(f"{DATA}/bad/{kind}.csv", kind, roster=roster)[0]) for kind in KINDS
    }
    assert kept == {
        "perjalanan": ["PD-001"],
        "kendaraan": [],
        "rapat": [],
        "daftar_periksa": ["SETDA 2026-04-10"],
        "biaya": ["DISDIK 2026-06-01"],
    }


def test_bad_files_report_each_problem(roster: Roster) -> None:
    codes = {
        kind: [d.code for d in read_records(f"{DATA}/bad/{kind}.csv", kind, roster=roster)[1]]
        for kind in KINDS
    }
    assert codes == {
        "perjalanan": [
            "D023",
            "D014",
            "D014",
            "D053",
            "D042",
            "D054",
            "D054",
            "D020",
            "D020",
            "D059",
        ],
        "kendaraan": ["D015", "D053", "D054", "D018", "D014"],
        "rapat": ["D011"],
        "daftar_periksa": ["D015", "D060"],
        "biaya": [
            "D058",
            "D053",
            "D055",
            "D057",
            "D014",
            "D056",
            "D014",
            "D058",
            "D054",
            "D054",
            "D060",
        ],
    }


def test_load_records_raises_or_warns(roster: Roster) -> None:
    with pytest.raises(EdaranError) as caught:
        load_records(f"{DATA}/bad/rapat.csv", "rapat", roster=roster)
    assert [d.code for d in caught.value.diagnostics] == ["D011"]
    with pytest.warns(RecordsWarning, match="D015"):
        kept = load_records(
            f"{DATA}/bad/daftar_periksa.csv", "daftar_periksa", roster=roster, strict=False
        )
    assert len(kept) == 1
    assert len(load_records(f"{DATA}/good/rapat.csv", "rapat", roster=roster)) == 3


def test_mistakes_in_the_calling_code_raise(roster: Roster) -> None:
    with pytest.raises(ValueError, match="unknown kind of records 'trips'"):
        read_records(f"{DATA}/good/rapat.csv", "trips", roster=roster)
    with pytest.raises(TypeError, match="cls must be Meeting"):
        read_records(f"{DATA}/good/rapat.csv", "rapat", roster=roster, cls=Trip)


def test_missing_file(roster: Roster) -> None:
    records, diagnostics = read_records(f"{DATA}/nowhere.csv", "rapat", roster=roster)
    assert records == []
    assert [d.code for d in diagnostics] == ["D001"]


# --------------------------------------------------------------- subclasses
@attrs.frozen
class LembahTrip(Trip):
    """A regency's trip with the number of its travel order (required) and a flag."""

    sppd: str = attrs.field(kw_only=True, metadata={"en": "travel_order"})
    dibiayai_apbn: bool = attrs.field(default=False, kw_only=True, metadata={"en": "state_funded"})

    @sppd.validator
    def _sppd_shape(self, _: attrs.Attribute[str], value: str) -> None:
        if not value.startswith("SPPD/"):
            raise ValueError(f"travel order {value!r} does not start with SPPD/")


def test_a_subclass_adds_columns(roster: Roster, tmp_path: Path) -> None:
    path = tmp_path / "perjalanan.csv"
    header = "id,unit,jenis,mulai,selesai"
    path.write_text(f"{header}\nPD-1,BPBD,dalam negeri,2026-04-06,2026-04-06\n", "utf-8")
    records, diagnostics = read_records(path, "perjalanan", roster=roster, cls=LembahTrip)
    assert records == []
    assert [(d.code, d.args["column"]) for d in diagnostics] == [("D011", "sppd")]
    path.write_text(
        f"{header},travel_order,state_funded\n"
        "PD-1,BPBD,dalam negeri,2026-04-06,2026-04-06,SPPD/001,ya\n"
        "PD-2,BPBD,dalam negeri,2026-04-06,2026-04-06,001,tidak\n",
        "utf-8",
    )
    records, diagnostics = read_records(path, "perjalanan", roster=roster, cls=LembahTrip)
    assert [(r.id, r.sppd, r.dibiayai_apbn) for r in records] == [("PD-1", "SPPD/001", True)]
    assert isinstance(records[0], LembahTrip)
    assert [d.code for d in diagnostics] == ["D029"]
    assert diagnostics[0].message("en") == (
        "row refused by LembahTrip: travel order '001' does not start with SPPD/"
    )


# ------------------------------------------------------------------- Excel
def _workbook(path: Path, title: str, rows: list[list[object]]) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    workbook.create_sheet("Lain").append(["not read"])
    workbook.save(path)
    return path


TRIP_HEADER = ["id", "unit", "jenis", "mulai", "selesai", "jumlah_peserta", "biaya", "status"]


def test_excel(roster: Roster, tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "perjalanan.xlsx",
        "Perjalanan",
        [
            [*TRIP_HEADER, "tujuan"],
            [
                "PD-2",
                "BPBD",
                "Dalam Negeri",
                dt.datetime(2026, 4, 7),
                dt.datetime(2026, 4, 8),
                2,
                0.1,
                None,
                "Jakarta",
            ],
            [None] * 9,
            [
                101,
                "SETDA",
                "luar negeri",
                "06/04/2026",
                dt.date(2026, 4, 9),
                1.0,
                "Rp 1.500",
                "rencana",
                None,
            ],
            [
                "PD-3",
                "DISDIK",
                "dalam negeri",
                dt.datetime(2026, 4, 7),
                dt.datetime(2026, 4, 7),
                3,
                1234567,
                None,
                None,
            ],
        ],
    )
    trips, diagnostics = read_records(path, "perjalanan", roster=roster)
    assert diagnostics == []
    assert _ids(trips) == ["101", "PD-2", "PD-3"]
    assert [(t.mulai, t.jumlah_peserta, t.biaya) for t in trips] == [
        (dt.date(2026, 4, 6), 1, Decimal("1500")),  # text with Rp: Indonesian
        (dt.date(2026, 4, 7), 2, Decimal("0.1")),  # a float, exactly as shown
        (dt.date(2026, 4, 7), 3, Decimal("1234567")),
    ]
    assert trips[1].biaya.as_tuple().exponent == -1


@pytest.mark.parametrize("lang", LANGS)
def test_bad_excel(
    roster: Roster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: Lang
) -> None:
    monkeypatch.chdir(tmp_path)  # a relative path in the golden file
    _workbook(
        tmp_path / "perjalanan.xlsx",
        "Perjalanan",
        [
            [*TRIP_HEADER, "Tujuan", "catatan"],
            [
                "PD-1",
                "BPBB",
                "dalam negeri",
                dt.datetime(2026, 4, 7),
                dt.datetime(2026, 4, 6),
                2.5,
                -10,
                "batal",
            ],
            ["PD-2", "BPBD", "dalam negeri", "2026-04-07", None, 1, "1,234.5", None],
            ["PD-3", "BPBD", "dalam negeri", "2026-04-07", "2026-04-07", 1, 1500.5, None],
            ["PD-3", "SETDA", "dalam negeri", "2026-04-08", "2026-04-08", 1, 0, None],
        ],
    )
    _, diagnostics = read_records("perjalanan.xlsx", "perjalanan", roster=roster)
    check_golden(f"records/bad-excel.{lang}.txt", render_all(diagnostics, lang))
    codes = [d.code for d in diagnostics]
    assert codes == ["D012", "D017", "D054", "D014", "D023", "D042", "D020", "D053", "D059"]
    assert all(d.notes and d.notes[0][0] == "data-note-excel-cell" for d in diagnostics)


def test_excel_header_problems(roster: Roster, tmp_path: Path) -> None:
    path = _workbook(tmp_path / "rapat.xlsx", "Rapat", [["id", "unit", "tanggal", "judul"]])
    records, diagnostics = read_records(path, "rapat", roster=roster)
    assert records == []
    assert [(d.code, d.args) for d in diagnostics] == [("D011", {"column": "bentuk"})]
    assert diagnostics[0].notes == (("data-note-excel-sheet", {"sheet": "Rapat"}),)
    header = ["id", "unit", "tanggal", "bentuk", "Title", "judul", "bentk"]
    path = _workbook(tmp_path / "rapat.xlsx", "Rapat", [header])
    _, diagnostics = read_records(path, "rapat", roster=roster)
    assert [(d.code, d.args, d.notes[0][1]["cell"]) for d in diagnostics] == [
        ("D013", {"column": "judul", "index": 6, "first": 5}, "F1"),
        ("D012", {"column": "bentk", "index": 7}, "G1"),
    ]
    path = _workbook(tmp_path / "rapat.xlsx", "Rapat", [["nama", "alamat"], ["a", "b"]])
    assert [d.code for d in read_records(path, "rapat", roster=roster)[1]] == ["D010"]


def test_excel_empty_or_damaged(roster: Roster, tmp_path: Path) -> None:
    empty = _workbook(tmp_path / "rapat.xlsx", "Rapat", [])
    assert [d.code for d in read_records(empty, "rapat", roster=roster)[1]] == ["D007"]
    damaged = tmp_path / "biaya.xlsx"
    damaged.write_bytes(b"PK\x03\x04 not a workbook")
    assert [d.code for d in read_records(damaged, "biaya", roster=roster)[1]] == ["D002"]


@pytest.mark.parametrize("lang", LANGS)
def test_excel_without_openpyxl(
    roster: Roster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: Lang
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("biaya.xlsx").write_bytes(b"PK")
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl raises ImportError
    records, diagnostics = read_records("biaya.xlsx", "biaya", roster=roster)
    assert records == []
    check_golden(f"records/no-openpyxl.{lang}.txt", render_all(diagnostics, lang))
    assert 'pip install "edaran[excel]"' in render_all(diagnostics, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_a_workbook_that_unpacks_past_the_limit_is_refused_unread(
    roster: Roster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: Lang
) -> None:
    """The row bomb of issue 17: a few MB of zip, gigabytes of rows (D140)."""
    monkeypatch.chdir(tmp_path)
    rows = [TRIP_HEADER] + [["PD-1", "BPBD", "dalam negeri", "2026-04-07"] * 2] * 2000
    _workbook(tmp_path / "perjalanan.xlsx", "Perjalanan", rows)
    size = (tmp_path / "perjalanan.xlsx").stat().st_size
    _, diagnostics = read_records("perjalanan.xlsx", "perjalanan", roster=roster, max_bytes=size)
    assert [d.code for d in diagnostics] == ["D140"]
    text = render_all(diagnostics, lang)
    check_golden(f"records/excel-unpacks-too-large.{lang}.txt", re.sub(r"\d{5,}", "N", text))


@pytest.mark.parametrize("lang", LANGS)
def test_a_sheet_with_more_rows_than_excel_allows_is_refused(
    roster: Roster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: Lang
) -> None:
    """Rows are streamed and counted: the reader stops at the limit (D141)."""
    from edaran.io import sheets

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sheets, "MAX_ROWS", 3)
    rows = [TRIP_HEADER] + [["PD-1", "BPBD", "dalam negeri", "2026-04-07"]] * 5
    _workbook(tmp_path / "perjalanan.xlsx", "Perjalanan", rows)
    _, diagnostics = read_records("perjalanan.xlsx", "perjalanan", roster=roster)
    assert [d.code for d in diagnostics] == ["D141"]
    assert diagnostics[0].span is not None and diagnostics[0].span.line == 4
    check_golden(f"records/excel-too-many-rows.{lang}.txt", render_all(diagnostics, lang))
