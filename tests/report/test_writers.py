"""Publishing the savings report (butir 13): CSV, JSON, Excel with a chart, the terminal summary.

The report is built by hand (the writers read only ``edaran.report.model``):
three units over two periods, savings from actual figures, estimated from
WFH days and mixed, a category without data, a negative saving (a cost that
went up) and a unit with no line in the second period.  Text outputs are
golden files in both languages (``tests/golden/report/``, refreshed with
``pytest --update-golden``).  The workbook is read back: its ``=SUM``
formulas are evaluated here over the cells written and must give the JSON
totals.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from edaran.core import Diagnostic, EdaranError, Severity
from edaran.messages import Lang
from edaran.model import Period
from edaran.report import (
    Basis,
    ReportResult,
    SavingLine,
    report_csv,
    report_json,
    report_summary,
    write_report_csv,
    write_report_xlsx,
)
from edaran.report.presentation import categories, rupiah, wfh_days
from edaran.report.writers import REPORT_FIELDS
from golden import check_golden, check_golden_json

LANGS: list[Lang] = ["id", "en"]
P1 = Period(1, dt.date(2026, 4, 1), dt.date(2026, 5, 31))
P2 = Period(2, dt.date(2026, 6, 1), dt.date(2026, 7, 31))
D = Decimal
NAMES = {
    "BAPPEDA": "Badan Perencanaan Pembangunan Daerah",
    "BPKAD": "Badan Pengelolaan Keuangan dan Aset Daerah",
    "BPBD": "Badan Penanggulangan Bencana Daerah",
}
QTY = {"LISTRIK": "kWh", "BBM": "liter", "AIR": "m3"}


def _line(
    unit: str,
    period: Period,
    category: str,
    baseline: str | None,
    actual: str | None,
    saving: str | None,
    basis: Basis,
    estimated: str = "0",
    months: tuple[int, int] = (2, 0),
    wfh: int = 0,
    quantities: tuple[str, str, str] | None = None,
) -> SavingLine:
    def dec(value: str | None) -> Decimal | None:
        return None if value is None else D(value)

    qty = quantities or (None, None, None)
    return SavingLine(
        unit,
        NAMES[unit],
        period,
        category,
        dec(baseline),
        dec(actual),
        dec(saving),
        D(estimated),
        basis,
        months[0],
        months[1],
        wfh,
        unit_of_quantity=QTY.get(category) if quantities else None,
        baseline_quantity=dec(qty[0]),
        actual_quantity=dec(qty[1]),
        saving_quantity=dec(qty[2]),
        clause="butir 13",
    )


A, E, M, N = Basis.AKTUAL, Basis.PERKIRAAN, Basis.CAMPURAN, Basis.TANPA_DATA
LINES = (
    _line(
        "BAPPEDA",
        P1,
        "BELANJA_PEGAWAI",
        "30000000",
        "28000000",
        "2250000",
        M,
        "250000",
        (1, 1),
        184,
    ),
    _line(
        "BAPPEDA",
        P1,
        "LISTRIK",
        "24000000",
        "19500000",
        "4500000",
        A,
        wfh=184,
        quantities=("16000", "13000", "3000"),
    ),
    _line("BAPPEDA", P1, "BBM", "8000000", None, "1200000", E, "1200000", (0, 2), 184),
    _line(
        "BPKAD",
        P1,
        "LISTRIK",
        "18500000",
        "16250000",
        "2250000",
        A,
        wfh=96,
        quantities=("12333.5", "10833.5", "1500"),
    ),
    _line("BPKAD", P1, "AIR", None, None, None, N, months=(0, 0), wfh=96),
    _line(
        "BPBD",
        P1,
        "LISTRIK",
        "9000000",
        "9350000",
        "-350000",
        A,
        wfh=0,
        quantities=("6000", "6233", "-233"),
    ),
    _line("BAPPEDA", P2, "LISTRIK", "25000000", None, "3100000", E, "3100000", (0, 2), 201),
    _line(
        "BPKAD",
        P2,
        "LISTRIK",
        "19000000",
        "17100000",
        "1900000",
        A,
        wfh=104,
        quantities=("12666", "11400", "1266"),
    ),
)
WARNING = Diagnostic("D060", None, {"key": "BPKAD listrik 2026-05", "first": 7}, Severity.WARNING)
RESULT = ReportResult(
    "Transformasi Budaya Kerja ASN",
    "SE Gubernur Sumsel 800.1/1230/BKD.I/2026",
    (P1, P2),
    LINES,
    (WARNING,),
)
EMPTY = ReportResult("Kosong", "", (P1,), ())


@pytest.mark.parametrize("lang", LANGS)
def test_csv_golden(lang: Lang) -> None:
    check_golden(f"report/report.{lang}.csv", report_csv(RESULT, lang))


@pytest.mark.parametrize("lang", LANGS)
def test_summary_golden(lang: Lang) -> None:
    check_golden(f"report/summary.{lang}.txt", report_summary(RESULT, lang))
    check_golden(f"report/summary-empty.{lang}.txt", report_summary(EMPTY, lang))


def test_json_golden() -> None:
    check_golden_json("report/report.json", report_json(RESULT), "report")


def test_csv_to_a_path_and_a_stream_is_the_same(tmp_path: Path) -> None:
    path = tmp_path / "hemat.csv"
    assert write_report_csv(RESULT, path, "en") == len(LINES)
    stream = io.StringIO()
    write_report_csv(RESULT, stream, "en")
    assert path.read_text(encoding="utf-8") == stream.getvalue() == report_csv(RESULT, "en")
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    expected = [f for f in REPORT_FIELDS if f != "wfh_days"]
    expected.insert(REPORT_FIELDS.index("wfh_days"), "wfh_person_days")
    assert list(rows[0]) == expected
    assert [r["basis"] for r in rows[:5]] == ["mixed", "actual", "estimated", "actual", "no data"]
    assert rows[0]["baseline"] == "30000000"  # plain digits, whole rupiah
    assert rows[4]["saving"] == "" and rows[5]["saving"] == "-350000"
    assert rows[3]["baseline_quantity"] == "12333.5" and rows[3]["quantity_unit"] == "kWh"


def test_json_totals_are_the_results_totals() -> None:
    data = json.loads(report_json(RESULT))
    assert data["total"] == str(RESULT.total()) == "14850000"
    assert data["categories"] == {
        "BELANJA_PEGAWAI": "2250000",
        "LISTRIK": "11400000",
        "BBM": "1200000",
        "AIR": "0",
    }
    p1, p2 = data["periods"]
    assert p1["total"] == str(RESULT.total(1)) and p2["total"] == str(RESULT.total(2))
    assert p1["estimated"] == "1450000" and p2["estimated"] == "3100000"
    assert p1["wfh_days"] == 184 + 96 + 0  # once per unit, not per category
    assert p1["units_without_data"] == [{"unit": "BPKAD", "categories": ["AIR"]}]
    assert data["lines"][1]["quantity"] == {
        "unit": "kWh",
        "baseline": "16000",
        "actual": "13000",
        "saving": "3000",
    }
    assert data["lines"][0]["quantity"] is None


def test_money_never_passes_through_float() -> None:
    tenth = D("0.1")
    lines = tuple(
        _line("BAPPEDA", P1, cat, None, None, str(tenth), A) for cat in ("LISTRIK", "AIR", "BBM")
    )
    result = ReportResult("t", "", (P1,), lines)
    assert sum((tenth,) * 3, D(0)) == D("0.3") and 0.1 + 0.1 + 0.1 != 0.3
    data = json.loads(report_json(result))
    assert data["total"] == "0.3" and data["periods"][0]["total"] == "0.3"
    assert "0.30000000000000004" not in report_json(result)
    assert rupiah(D("0.1") * 3) == "Rp 0,3" and rupiah(D("0.1") * 3, "en") == "IDR 0.3"


def test_rupiah_in_both_styles() -> None:
    assert rupiah(D("1234567")) == "Rp 1.234.567"
    assert rupiah(D("1234567.00"), "en") == "IDR 1,234,567"
    assert rupiah(D("-350000")) == "-Rp 350.000"
    assert rupiah(D("-350000"), "en") == "-IDR 350,000"
    assert rupiah(D(0)) == "Rp 0" and rupiah(D("999"), "en") == "IDR 999"


def test_wfh_days_and_category_order() -> None:
    assert wfh_days(RESULT, 1) == 280 and wfh_days(RESULT, 1, "BAPPEDA") == 184
    assert categories(LINES) == ["BELANJA_PEGAWAI", "LISTRIK", "BBM", "AIR"]


# ---------------------------------------------------------------- Excel
openpyxl = pytest.importorskip("openpyxl")
_SUM = re.compile(r"=SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)")


def _sum(ws: Any, formula: str) -> tuple[Decimal, tuple[int, int, int, int]]:
    """Evaluate ``=SUM(A1:B2)`` over the values written; also return the range (columns, rows)."""
    from openpyxl.utils import column_index_from_string

    match = _SUM.fullmatch(formula)
    assert match, formula
    c1, r1 = column_index_from_string(match[1]), int(match[2])
    c2, r2 = column_index_from_string(match[3]), int(match[4])
    total = D(0)
    for row in ws.iter_rows(min_row=r1, max_row=r2, min_col=c1, max_col=c2):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                value, _ = _sum(ws, cell.value)
                total += value
            elif cell.value is not None:
                assert isinstance(cell.value, int), cell.value  # whole rupiah, never a float
                total += cell.value
    return total, (c1, c2, r1, r2)


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("report")
    return {
        lang: openpyxl.load_workbook(write_report_xlsx(RESULT, folder / f"{lang}.xlsx", lang))
        for lang in LANGS
    }


@pytest.mark.parametrize("lang", LANGS)
def test_workbook_sheets(workbooks: dict[str, Any], lang: Lang) -> None:
    wb = workbooks[lang]
    first = ["Ringkasan", "Grafik"] if lang == "id" else ["Summary", "Chart"]
    assert wb.sheetnames == [*first, "BAPPEDA", "BPKAD", "BPBD"]
    assert wb[first[0]].freeze_panes == "C4"
    assert wb["BAPPEDA"].freeze_panes == "E3"


def test_summary_sums_refer_to_the_unit_rows_and_give_the_json_totals(
    workbooks: dict[str, Any],
) -> None:
    ws = workbooks["en"]["Summary"]
    data = json.loads(report_json(RESULT))
    cats = list(data["categories"])
    units = [ws.cell(row, 1).value for row in range(4, 7)]
    assert units == ["BAPPEDA", "BPKAD", "BPBD"]
    total_row = 7
    assert ws.cell(total_row, 1).value == "Province total"
    for k, period in enumerate(data["periods"]):
        start = 3 + k * (len(cats) + 1)
        for j, cat in enumerate([*cats, None]):
            formula = ws.cell(total_row, start + j).value
            value, (c1, c2, r1, r2) = _sum(ws, formula)
            assert (c1, c2, r1, r2) == (start + j, start + j, 4, 6)  # exactly the unit rows
            expected = period["total"] if cat is None else period["categories"][cat]
            assert value == D(expected), (period["number"], cat)
        for row in range(4, 7):  # each unit's period total: its own category cells
            _, (c1, c2, r1, r2) = _sum(ws, ws.cell(row, start + len(cats)).value)
            assert (c1, c2, r1, r2) == (start, start + len(cats) - 1, row, row)


def test_unit_sheets_add_up_per_period(workbooks: dict[str, Any]) -> None:
    ws = workbooks["id"]["BAPPEDA"]
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    totals = [r for r in rows if isinstance(r[3], str) and r[3].startswith("Jumlah periode")]
    assert len(totals) == 2
    for number, row in enumerate(totals, start=1):
        saving, (c1, _, r1, r2) = _sum(ws, row[7])
        assert c1 == 8
        assert all(ws.cell(r, 1).value == number for r in range(r1, r2 + 1))
        assert saving == RESULT.total(number) - sum(
            (x.saving or 0 for x in LINES if x.period.number == number and x.unit != "BAPPEDA"),
            D(0),
        )


def test_estimated_cells_are_italic_with_a_comment(workbooks: dict[str, Any]) -> None:
    ws = workbooks["id"]["BAPPEDA"]
    by_category = {ws.cell(r, 4).value: ws.cell(r, 8) for r in range(3, 6)}
    fuel, power, staff = (
        by_category["BBM"],
        by_category["listrik"],
        by_category["belanja operasional pegawai"],
    )
    assert fuel.font.i and fuel.comment.text == "perkiraan dari hari WFH"
    assert staff.font.i and "Rp 250.000" in staff.comment.text
    assert not power.font.i and power.comment is None
    assert fuel.number_format == "#,##0"
    summary = workbooks["en"]["Summary"]
    assert summary.cell(4, 5).comment.text == "estimated from WFH days"  # BAPPEDA, P1, fuel


def test_chart_has_a_series_per_category(workbooks: dict[str, Any]) -> None:
    for lang, name in (("id", "Grafik"), ("en", "Chart")):
        ws = workbooks[lang][name]
        [chart] = ws._charts
        assert type(chart).__name__ == "BarChart"
        assert len(chart.series) == len(categories(LINES))
        heads = [ws.cell(2, col).value for col in range(2, 2 + len(chart.series))]
        titles = [s.tx.strRef.f for s in chart.series]
        assert titles == [f"'{name}'!{chr(64 + col)}2" for col in range(2, 2 + len(heads))]
        assert heads[0] == (
            "belanja operasional pegawai" if lang == "id" else "staff operating costs"
        )
        values = [ws.cell(r, 2 + 1).value for r in (3, 4)]  # electricity per period
        assert values == [int(RESULT.total(1, "LISTRIK")), int(RESULT.total(2, "LISTRIK"))]


def test_workbook_is_byte_identical(tmp_path: Path) -> None:
    a = write_report_xlsx(RESULT, tmp_path / "a.xlsx").read_bytes()
    b = write_report_xlsx(RESULT, tmp_path / "b.xlsx").read_bytes()
    assert a == b
    openpyxl.load_workbook(write_report_xlsx(EMPTY, tmp_path / "empty.xlsx"))


def test_workbook_without_openpyxl_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # makes "import openpyxl" fail
    with pytest.raises(EdaranError) as caught:
        write_report_xlsx(RESULT, tmp_path / "x.xlsx")
    [diagnostic] = caught.value.diagnostics
    assert diagnostic.code == "D040" and diagnostic.args["extra"] == "excel"
