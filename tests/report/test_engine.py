"""The savings report of butir 13: cost lines and WFH days into savings per unit and period.

Cost lines are built here as objects on a roster of three top-level units
(one with a sub-unit).  WFH person-days come from the rules of the brief's
rule file (WFH on Fridays): in April 2026 the Fridays are the 3rd (Good
Friday, a holiday), 10th, 17th and 24th; in May the 1st (Labour Day) and
15th (a collective leave day) are off, the 8th, 22nd and 29th are worked.
So each person has 3 WFH days in April and 3 in May.

A Hypothesis property checks that the JSON and the Excel workbook give the
same province totals as the sum over the units.  The writers themselves
are tested in ``tests/report/test_writers.py``; the command line in
``tests/cli/test_cli_quota.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edaran.engine import Circular
from edaran.io import Roster
from edaran.model import CostCategory, CostLine, Employee, Period, PeriodFacts, Unit, UnitKind
from edaran.report import (
    Basis,
    ReportResult,
    SavingLine,
    report_json,
    savings_report,
    write_report_xlsx,
)
from edaran.report.engine import estimate_value
from paths import DATA
from properties import fast_and_full

D = Decimal
FULL = Circular.load(DATA / "quota" / "lengkap.edaran")
LISTRIK, BBM, AIR = CostCategory.LISTRIK, CostCategory.BBM, CostCategory.AIR
P1 = Period(1, dt.date(2026, 4, 1), dt.date(2026, 5, 31))
P2 = Period(2, dt.date(2026, 6, 1), dt.date(2026, 7, 31))
APR, MAY = dt.date(2026, 4, 1), dt.date(2026, 5, 1)
APR_25, MAY_25 = dt.date(2025, 4, 1), dt.date(2025, 5, 1)

A = Unit("A", "Badan A", UnitKind.BADAN)
B = Unit("B", "Dinas B", UnitKind.DINAS)
B1 = Unit("B1", "UPT Dinas B", UnitKind.UPT, induk=B)
C = Unit("C", "Badan C", UnitKind.BADAN)
ROSTER = Roster(
    {"A": A, "B": B, "B1": B1, "C": C},
    (
        Employee("197501012000031001", "Andi", A),
        Employee("198003042005012002", "Budi", A),
        Employee("198811202012022001", "Dewi", B1),
    ),
)
# 3 WFH days per person and month: A has 6 person-days a month, B (through B1) 3, C none.
WFH_A, WFH_B = 6, 3
ELECTRICITY_PER_DAY = 2 * 1445  # perkiraan LISTRIK: 2 kWh at Rp 1.445
STAFF_PER_DAY = 35_000  # perkiraan BELANJA_PEGAWAI


def cost(
    unit: Unit,
    month: dt.date,
    category: CostCategory,
    amount: str,
    quantity: str | None = None,
) -> CostLine:
    unit_of = {LISTRIK: "kWh", BBM: "liter", AIR: "m3"}
    satuan = None if quantity is None else unit_of[category]
    return CostLine(
        unit, month, category, D(amount), None if quantity is None else D(quantity), satuan
    )


def report(costs: Sequence[CostLine], **options: Any) -> ReportResult:
    options.setdefault("first", P1.first)
    options.setdefault("last", P1.last)
    return savings_report(FULL, ROSTER, costs, **options)


def saving(result: ReportResult, unit: str, category: str, period: int = 1) -> SavingLine:
    (found,) = [
        line
        for line in result.lines
        if line.unit == unit and line.category == category and line.period.number == period
    ]
    return found


def money(line: SavingLine) -> tuple[object, ...]:
    """Baseline, actual, saving, estimated, basis, months actual and estimated."""
    return (
        line.baseline,
        line.actual,
        line.saving,
        line.estimated,
        line.basis,
        line.months_actual,
        line.months_estimated,
    )


def quantity(line: SavingLine) -> tuple[object, ...]:
    return (
        line.unit_of_quantity,
        line.baseline_quantity,
        line.actual_quantity,
        line.saving_quantity,
    )


def test_one_line_per_top_level_unit_period_and_category() -> None:
    result = report([], last=P2.last)
    assert result.periods == (P1, P2)
    assert (result.title, result.circular) == ("Hemat", "x")
    assert len(result.lines) == 2 * 3 * len(CostCategory)
    assert [line.unit for line in result.lines[:: len(CostCategory)]] == ["A", "B", "C"] * 2
    assert {line.clause for line in result.lines} == {"butir 13"}
    assert {(line.unit, line.unit_name) for line in result.lines} == {
        ("A", "Badan A"),
        ("B", "Dinas B"),
        ("C", "Badan C"),
    }


def test_only_the_periods_asked_for() -> None:
    result = report([], last=P2.last, periods=[2])
    assert result.periods == (P2,)
    assert {line.period for line in result.lines} == {P2}


# ----------------------------------------------------------------- savings
def test_a_month_with_figures_and_a_baseline_saves_the_difference() -> None:
    costs = [
        cost(A, APR_25, BBM, "900000", "90"),
        cost(A, APR, BBM, "600000", "60"),
        cost(A, MAY_25, BBM, "850000", "85"),
        cost(A, MAY, BBM, "640000", "64"),
    ]
    line = saving(report(costs), "A", "BBM")
    assert money(line) == (D(1750000), D(1240000), D(510000), D(0), Basis.AKTUAL, 2, 0)
    assert quantity(line) == ("liter", D(175), D(124), D(51))
    assert line.wfh_days == 2 * WFH_A


def test_a_month_without_figures_uses_the_estimate() -> None:
    result = report([])
    staff = saving(result, "A", "BELANJA_PEGAWAI")
    expected = 2 * WFH_A * STAFF_PER_DAY
    assert money(staff) == (None, None, D(expected), D(expected), Basis.PERKIRAAN, 0, 2)
    assert D(expected) == D(420000)
    electricity = saving(result, "B", "LISTRIK")
    assert money(electricity) == (
        None,
        None,
        D(2 * WFH_B * ELECTRICITY_PER_DAY),
        D(17340),
        Basis.PERKIRAAN,
        0,
        2,
    )
    assert quantity(electricity) == ("kWh", None, None, D(2 * WFH_B * 2))
    # A unit nobody works from home in saves nothing by estimate, but it is an estimate.
    assert money(saving(result, "C", "BELANJA_PEGAWAI")) == (
        None,
        None,
        D(0),
        D(0),
        Basis.PERKIRAAN,
        0,
        2,
    )


def test_the_estimate_on_one_month_of_facts() -> None:
    report_ir = FULL.program.report
    assert report_ir is not None
    money_, kwh, staff = report_ir.estimates
    facts = PeriodFacts(A, APR, dt.date(2026, 4, 30), hari_kerja=21, hari_wfh=7)
    assert estimate_value(FULL, money_, facts) == D(7 * 2 * 1445) == D(20230)
    assert estimate_value(FULL, kwh, facts) == D(14)
    assert estimate_value(FULL, staff, facts) == D(245000)


def test_a_period_with_some_months_of_each_is_mixed() -> None:
    costs = [
        cost(A, APR_25, LISTRIK, "1500000", "1000"),
        cost(A, MAY_25, LISTRIK, "1450000", "980"),
        cost(A, APR, LISTRIK, "1200000", "800"),
    ]
    line = saving(report(costs), "A", "LISTRIK")
    may_estimate = WFH_A * ELECTRICITY_PER_DAY  # 17.340
    assert money(line) == (
        D(2950000),  # both months a year earlier
        D(1200000),  # the one month with figures
        D(300000 + may_estimate),
        D(may_estimate),
        Basis.CAMPURAN,
        1,
        1,
    )
    # kWh: 200 saved in April, and May's estimate of 2 kWh a WFH day.
    assert quantity(line) == ("kWh", D(1980), D(800), D(200 + WFH_A * 2))


def test_the_kwh_estimate_stands_in_for_a_missing_actual_quantity() -> None:
    costs = [
        cost(A, APR_25, LISTRIK, "1500000", "1000"),
        cost(A, APR, LISTRIK, "1200000"),  # rupiah without kWh
        cost(A, MAY_25, LISTRIK, "1450000", "980"),
        cost(A, MAY, LISTRIK, "1400000", "950"),
    ]
    line = saving(report(costs), "A", "LISTRIK")
    assert money(line) == (D(2950000), D(2600000), D(350000), D(0), Basis.AKTUAL, 2, 0)
    assert quantity(line) == ("kWh", D(1980), D(950), D(WFH_A * 2 + 30))


def test_a_category_without_baseline_or_estimate_has_no_data() -> None:
    result = report([cost(A, APR, AIR, "250000", "18"), cost(C, APR, CostCategory.TELEPON, "1")])
    # Figures without a year-earlier baseline, and no estimate for water or telephone.
    assert money(saving(result, "A", "AIR")) == (
        None,
        D(250000),
        None,
        D(0),
        Basis.TANPA_DATA,
        0,
        0,
    )
    assert money(saving(result, "B", "AIR")) == (None, None, None, D(0), Basis.TANPA_DATA, 0, 0)
    assert saving(result, "C", "TELEPON").actual == D(1)
    assert quantity(saving(result, "A", "AIR")) == ("m3", None, D(18), None)
    assert quantity(saving(result, "A", "TELEPON")) == (None, None, None, None)


def test_a_sub_units_costs_count_for_its_parent() -> None:
    costs = [cost(B1, APR_25, AIR, "300000", "20"), cost(B, APR, AIR, "250000", "18")]
    line = saving(report(costs), "B", "AIR")
    assert money(line) == (D(300000), D(250000), D(50000), D(0), Basis.AKTUAL, 1, 0)
    assert quantity(line) == ("m3", D(20), D(18), D(2))
    assert "B1" not in {line.unit for line in report(costs).lines}


# ------------------------------------------------------------ rounding, money
def test_each_line_is_rounded_half_up_and_the_total_adds_the_lines() -> None:
    costs = [
        cost(A, APR_25, BBM, "1000000"),
        cost(A, APR, BBM, "800001.50"),  # saves 199.998,50: half up to 199.999
        cost(B, APR_25, BBM, "100000"),
        cost(B, APR, BBM, "0.50"),  # saves 99.999,50: half up to 100.000
    ]
    result = report(costs)
    assert (saving(result, "A", "BBM").saving, saving(result, "A", "BBM").actual) == (
        D(199999),
        D(800002),
    )
    assert saving(result, "B", "BBM").saving == D(100000)
    assert saving(result, "B", "BBM").actual == D(1)
    assert result.total(1, "BBM") == D(299999)  # the exact sum would round to 299.998
    assert D("199998.50") + D("99999.50") == D("299998.00")
    assert result.total(1) == sum(
        (line.saving for line in result.lines if line.saving is not None), D(0)
    )
    assert (
        result.total(1, "BBM") + result.total(1, "BELANJA_PEGAWAI") + result.total(1, "LISTRIK")
        == result.total()
    )


def test_rupiah_add_up_exactly_where_float_does_not() -> None:
    tenth = D("0.10")
    costs = [cost(A, APR_25, BBM, "0.10", "0.10") for _ in range(55)]
    costs.append(cost(A, APR, BBM, "0"))
    line = saving(report(costs), "A", "BBM")
    # 55 x Rp 0,10 is Rp 5,50, which rounds half up to Rp 6.
    assert (line.baseline, line.saving) == (D(6), D(6))
    assert line.baseline_quantity == D("5.50") == 55 * tenth
    float_sum = sum(0.1 for _ in range(55))
    assert float_sum != 5.5
    assert D(float_sum).quantize(D(1), rounding=ROUND_HALF_UP) == D(5)


def test_negative_savings_are_kept() -> None:
    costs = [cost(C, APR_25, BBM, "100"), cost(C, APR, BBM, "250.40")]
    assert money(saving(report(costs), "C", "BBM")) == (
        D(100),
        D(250),
        D(-150),
        D(0),
        Basis.AKTUAL,
        1,
        0,
    )


# ------------------------------------------------------------ a property
_MONTHS = [APR_25, MAY_25, dt.date(2025, 6, 1), APR, MAY, dt.date(2026, 6, 1)]
_COSTS = st.lists(
    st.tuples(
        st.sampled_from([A, B, B1, C]),
        st.sampled_from(_MONTHS),
        st.sampled_from(list(CostCategory)),
        st.decimals(min_value=0, max_value=10_000_000, places=2, allow_nan=False),
    ),
    max_size=25,
)
_SUM = re.compile(r"=SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)")


def evaluate(ws: Any, coordinate: str) -> Decimal:
    """A cell's value, ``=SUM(A1:B2)`` computed over the written values (recursively)."""
    value = ws[coordinate].value
    if value is None:
        return D(0)
    if isinstance(value, str):
        match = _SUM.fullmatch(value)
        assert match, value
        cells = ws[f"{match[1]}{match[2]}:{match[3]}{match[4]}"]
        return sum((evaluate(ws, c.coordinate) for row in cells for c in row), D(0))
    assert not isinstance(value, float) or value.is_integer()
    return D(str(value))


@fast_and_full(fast=6, full=25)
def test_the_province_total_is_the_sum_of_units_in_json_and_excel(
    tmp_path: Path, max_examples: int
) -> None:
    @settings(
        max_examples=max_examples, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(_COSTS)
    def holds(raw: list[tuple[Unit, dt.date, CostCategory, Decimal]]) -> None:
        seen: set[tuple[str, dt.date, CostCategory]] = set()
        costs = []
        for unit, month, category, amount in raw:
            if (unit.kode, month, category) not in seen:  # a file holds one line of each
                seen.add((unit.kode, month, category))
                costs.append(CostLine(unit, month, category, amount))
        result = report(costs, last=P2.last)
        document = json.loads(report_json(result))
        by_unit: dict[str, Decimal] = {}
        for item in document["lines"]:
            if item["saving"] is not None:
                by_unit[item["unit"]] = by_unit.get(item["unit"], D(0)) + D(item["saving"])
        total = D(document["total"])
        assert total == sum(by_unit.values(), D(0)) == result.total()
        assert [D(p["total"]) for p in document["periods"]] == [result.total(1), result.total(2)]

        path = write_report_xlsx(result, tmp_path / "laporan.xlsx")
        ws = openpyxl.load_workbook(path)["Ringkasan"]
        province = next(
            row[0].row
            for row in ws.iter_rows(min_col=1, max_col=1)
            if row[0].value == "Jumlah provinsi"
        )
        n_categories = len(CostCategory)
        for k, period in enumerate(result.periods):
            column = 3 + k * (n_categories + 1) + n_categories  # the period's total column
            letter = openpyxl.utils.get_column_letter(column)
            assert evaluate(ws, f"{letter}{province}") == result.total(period.number)
            units = [evaluate(ws, f"{letter}{row}") for row in range(4, province)]
            assert sum(units, D(0)) == result.total(period.number)

    holds()
