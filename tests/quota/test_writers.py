"""Publishing quota results (butir 7, 8, 9, 10.a): CSV, JSON, Excel and the terminal summary.

The result is built by hand (the writers read only ``edaran.quota.model``):
three units, a quota with planned records over it, one already over, one
without a baseline, a fractional vehicle quota, a money quota, a target met
and one missed, a checklist that is incomplete and one that is missing.
Text outputs are golden files in both languages (``tests/golden/quota/``,
refreshed with ``pytest --update-golden``); the workbook is read back.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from edaran.core import Diagnostic, EdaranError, Severity
from edaran.messages import Lang
from edaran.model import Period
from edaran.quota import (
    ChecklistFinding,
    Over,
    QuotaLine,
    QuotaResult,
    TargetLine,
    quota_csv,
    quota_json,
    quota_summary,
    write_quota_csv,
    write_quota_xlsx,
)
from edaran.quota.presentation import worst_units
from edaran.quota.writers import CSV_FIELDS, quota_rows
from golden import check_golden, check_golden_json

LANGS: list[Lang] = ["id", "en"]
P1 = Period(1, dt.date(2026, 4, 1), dt.date(2026, 5, 31))
P2 = Period(2, dt.date(2026, 6, 1), dt.date(2026, 7, 31))
D = Decimal
DN, LN, VEH, MONEY = "butir 8[dalam_negeri]", "butir 8[luar_negeri]", "butir 9", "butir 8[biaya]"


def _quota(
    quota: str,
    unit: str,
    period: Period,
    measure: str,
    baseline: str | None,
    allowed: str | None,
    used: str,
    planned: str,
    left: str | None,
    status: str,
    over: tuple[Over, ...] = (),
    title: str | None = None,
) -> QuotaLine:
    def dec(value: str | None) -> Decimal | None:
        return None if value is None else D(value)

    clause = quota.split("[")[0]
    return QuotaLine(
        quota,
        clause,
        title,
        unit,
        period,
        measure,
        dec(baseline),
        dec(allowed),
        D(used),
        D(planned),
        dec(left),
        over,
        status,
    )


def _over(record: str, day: int, running: str, allowed: str = "6") -> Over:
    return Over(
        DN, "butir 8", record, "BAPPEDA", dt.date(2026, 5, day), D(1), D(running), D(allowed)
    )


QUOTAS = (
    _quota(
        DN,
        "BAPPEDA",
        P1,
        "perjalanan",
        "12",
        "6",
        "4",
        "4",
        "2",
        "rencana_lebih",
        (_over("PD-0107", 12, "7"), _over("PD-0110", 20, "8")),
        "Perjalanan dinas dalam negeri dikurangi 50%",
    ),
    _quota(LN, "BAPPEDA", P1, "perjalanan", None, None, "1", "0", None, "tanpa_dasar"),
    _quota(DN, "BPKAD", P1, "perjalanan", "10", "5", "7", "0", "-2", "terlampaui"),
    _quota(VEH, "BPKAD", P1, "hari_kendaraan", "41", "20.5", "12", "3", "5.5", "dalam_kuota"),
    _quota(
        MONEY,
        "DINKES",
        P1,
        "biaya",
        "150000000.00",
        "75000000",
        "30000000",
        "0",
        "45000000",
        "dalam_kuota",
    ),
    _quota(DN, "BPKAD", P2, "perjalanan", "9", "4.5", "5", "0", "-0.5", "terlampaui"),
)
TARGETS = (
    TargetLine(
        "butir 7",
        "butir 7",
        "Rapat secara hibrida atau daring",
        "BAPPEDA",
        P1,
        6,
        10,
        D("0.6"),
        D("0.5"),
        "at_least",
        True,
    ),
    TargetLine(
        "butir 7",
        "butir 7",
        "Rapat secara hibrida atau daring",
        "BPKAD",
        P1,
        1,
        4,
        D("0.25"),
        D("0.5"),
        "at_least",
        False,
    ),
)
CHECKLISTS = (
    ChecklistFinding(
        "butir 10.a", "butir 10.a", "BPKAD", dt.date(2026, 4, 10), 12, ("ac", "lampu"), True
    ),
    ChecklistFinding(
        "butir 10.a",
        "butir 10.a",
        "DINKES",
        dt.date(2026, 4, 17),
        5,
        ("elektronik", "ac", "lampu", "kabel"),
        False,
    ),
)
WARNING = Diagnostic("D060", None, {"key": "BPKAD 2026-04", "first": 3}, Severity.WARNING)
RESULT = QuotaResult(QUOTAS, TARGETS, CHECKLISTS, (WARNING,))
EMPTY = QuotaResult((), (), ())


@pytest.mark.parametrize("lang", LANGS)
def test_csv_golden(lang: Lang) -> None:
    check_golden(f"quota/quota.{lang}.csv", quota_csv(RESULT, lang))


@pytest.mark.parametrize("lang", LANGS)
def test_summary_golden(lang: Lang) -> None:
    check_golden(f"quota/summary.{lang}.txt", quota_summary(RESULT, lang))
    check_golden(f"quota/summary-empty.{lang}.txt", quota_summary(EMPTY, lang))


def test_json_golden() -> None:
    check_golden_json("quota/quota.json", quota_json(RESULT), "quota")
    check_golden_json("quota/quota-empty.json", quota_json(EMPTY), "quota")


def test_csv_to_a_path_and_a_stream_is_the_same(tmp_path: Path) -> None:
    path = tmp_path / "kuota.csv"
    assert write_quota_csv(RESULT, path) == len(QUOTAS) + 2 + len(TARGETS) + len(CHECKLISTS)
    stream = io.StringIO()
    write_quota_csv(RESULT, stream)
    assert path.read_bytes() == stream.getvalue().encode("utf-8") == quota_csv(RESULT).encode()


def test_csv_rows_line_up_with_their_kind() -> None:
    rows = list(csv.reader(io.StringIO(quota_csv(RESULT, "en"))))
    assert rows == quota_rows(RESULT, "en")
    assert all(len(r) == len(CSV_FIELDS) for r in rows)
    col = {name: i for i, name in enumerate(rows[0])}
    kinds = [r[col["kind"]] for r in rows[1:]]
    # the records over a quota come right after it
    assert kinds[:4] == ["quota", "over", "over", "quota"]
    first_over = rows[2]
    assert first_over[col["record"]] == "PD-0107"
    assert (first_over[col["running"]], first_over[col["allowed"]]) == ("7", "6")
    no_baseline = rows[4]
    assert no_baseline[col["baseline"]] == no_baseline[col["allowed"]] == ""
    assert no_baseline[col["status"]] == "no baseline"
    money = next(r for r in rows if r[col["measure"]] == "biaya")
    assert money[col["baseline"]] == "150000000"  # exact digits, no exponent, no float


def test_json_keeps_figures_exact_and_in_a_fixed_order() -> None:
    data = json.loads(quota_json(RESULT, "en"))
    assert list(data) == [
        "provenance",
        "counts",
        "warnings",
        "quotas",
        "targets",
        "checklists",
        "records",
    ]
    vehicles = data["quotas"][3]
    assert vehicles["allowed"] == "20.5" and vehicles["left"] == "5.5"
    assert data["quotas"][1]["baseline"] is None
    assert data["quotas"][0]["over"][1] == {
        "record": "PD-0110",
        "clause": "butir 8",
        "unit": "BAPPEDA",
        "date": "2026-05-20",
        "amount": "1",
        "running": "8",
        "allowed": "6",
    }
    assert data["targets"][1]["share"] == "0.25" and data["targets"][1]["met"] is False
    assert data["counts"]["over_records"] == 2
    assert data["warnings"][0]["code"] == "D060"


def test_worst_units_rank_problems_then_codes() -> None:
    worst = worst_units(RESULT)
    assert [u.code for u in worst] == ["BPKAD", "BAPPEDA", "DINKES"]
    assert (worst[0].over, worst[0].missed, worst[0].findings) == (2, 1, 1)
    assert worst_units(EMPTY) == []


# ---------------------------------------------------------------- Excel
openpyxl = pytest.importorskip("openpyxl")


@pytest.mark.parametrize("lang", LANGS)
def test_workbook_sheets_and_figures(tmp_path: Path, lang: Lang) -> None:
    path = write_quota_xlsx(RESULT, tmp_path / "kuota.xlsx", lang)
    wb = openpyxl.load_workbook(path)
    summary = "Ringkasan" if lang == "id" else "Summary"
    assert wb.sheetnames == [summary, "BAPPEDA", "BPKAD", "DINKES"]
    ws = wb[summary]
    assert ws.freeze_panes == "B3"
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=3, max_row=6)]
    assert rows[1] == ["BPKAD", 3, 2, 0, 0, 1, 1, 1]
    assert rows[3][1:] == [6, 2, 1, 1, 2, 1, 2]  # the total row
    unit = wb["BPKAD"]
    assert unit.freeze_panes == "C3"
    vehicle = next(r for r in unit.iter_rows(min_row=3) if r[1].value == VEH)
    assert [c.value for c in vehicle[7:12]] == [41, 20.5, 12, 3, 5.5]  # numbers, not text
    assert vehicle[4].value == dt.datetime(2026, 4, 1)  # a date cell
    texts = [c.value for r in unit.iter_rows() for c in r if isinstance(c.value, str)]
    assert "butir 10.a" in texts
    share = next(c for r in unit.iter_rows() for c in r if c.value == 0.25)
    assert share.number_format == "0.0%"


def test_workbook_is_byte_identical(tmp_path: Path) -> None:
    a = write_quota_xlsx(RESULT, tmp_path / "a.xlsx").read_bytes()
    b = write_quota_xlsx(RESULT, tmp_path / "b.xlsx").read_bytes()
    assert a == b
    write_quota_xlsx(EMPTY, tmp_path / "empty.xlsx")


def test_workbook_without_openpyxl_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # makes "import openpyxl" fail
    with pytest.raises(EdaranError) as caught:
        write_quota_xlsx(RESULT, tmp_path / "x.xlsx")
    [diagnostic] = caught.value.diagnostics
    assert diagnostic.code == "D040" and diagnostic.args["extra"] == "excel"
