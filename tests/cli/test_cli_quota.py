"""``edaran quota`` (``kuota``) and ``edaran report`` (``laporan``) end to end.

The data are small hand-written files under ``tests/data/quota/``: a roster
of three units and a sub-unit (``DISDIK_UPT`` under ``DISDIK``; ``BPBD`` a
public service that stays at the office on Fridays), a year of baseline and
the first evaluation period of trips, vehicle days, meetings, checklists and
costs.  What people read (the terminal, CSV, JSON, every diagnostic) is
compared with golden files under ``tests/golden/quota_cli/`` in both
languages (``pytest --update-golden`` rewrites them); workbooks are read
back with openpyxl.  Commands run from the repository root, so the paths in
the diagnostics are the relative paths written here.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from edaran.cli import main
from golden import check_golden, check_golden_json
from paths import REPO

DATA = "tests/data/quota"
RULES = f"{DATA}/se.edaran"
ROSTER = f"{DATA}/roster"
RECORDS = [
    "--perjalanan",
    f"{DATA}/perjalanan.csv",
    "--kendaraan",
    f"{DATA}/kendaraan.csv",
    "--rapat",
    f"{DATA}/rapat.csv",
    "--daftar-periksa",
    f"{DATA}/daftar_periksa.csv",
]
LANGS = ["id", "en"]
D = Decimal


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("EDARAN_LANG", raising=False)


def run(capsys: pytest.CaptureFixture[str], lang: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", lang, *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out and "Traceback" not in err
    return code, out, err


def quota(capsys: pytest.CaptureFixture[str], lang: str, *extra: str) -> tuple[int, str, str]:
    command = "kuota" if lang == "id" else "quota"
    return run(capsys, lang, command, RULES, "--roster", ROSTER, *RECORDS, *extra)


def report(
    capsys: pytest.CaptureFixture[str], lang: str, *extra: str, costs: str = f"{DATA}/biaya.csv"
) -> tuple[int, str, str]:
    command = "laporan" if lang == "id" else "report"
    return run(capsys, lang, command, RULES, "--roster", ROSTER, "--biaya", costs, *extra)


def by_key(items: list[dict[str, Any]], *keys: str) -> dict[tuple[Any, ...], dict[str, Any]]:
    return {tuple(_period(item.get(k)) for k in keys): item for item in items}


def _period(value: Any) -> Any:
    return value["number"] if isinstance(value, dict) else value


# ------------------------------------------------------------------ quota
@pytest.mark.parametrize("lang", LANGS)
def test_quota_summary(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    code, out, err = quota(capsys, lang)
    assert (code, err) == (0, "")
    check_golden(f"quota_cli/quota.{lang}.txt", out)


@pytest.mark.parametrize("lang", LANGS)
def test_quota_csv(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    code, out, err = quota(capsys, lang, "--format", "csv")
    assert code == 0
    check_golden(f"quota_cli/quota.{lang}.csv", out)
    # The summary goes to stderr when the table goes to stdout.
    check_golden(f"quota_cli/quota.{lang}.txt", err)
    rows = list(csv.reader(io.StringIO(out)))
    assert len({len(row) for row in rows}) == 1


def test_quota_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = quota(capsys, "id", "--format", "json")
    assert code == 0
    check_golden_json("quota_cli/quota.json", out, "quota")
    data = json.loads(out)
    lines = by_key(data["quotas"], "quota", "unit", "period")
    figures = ("baseline", "allowed", "used", "planned", "left", "status")

    def row(key: tuple[str, str, int]) -> tuple[Any, ...]:
        return tuple(lines[key][f] for f in figures)

    # 4 domestic trips a year earlier, 2 done: exactly 50%; the planned PD-03 goes over.
    assert row(("butir 8[dn]", "BAPPEDA", 1)) == ("4", "2", "2", "1", "0", "rencana_lebih")
    assert [o["record"] for o in lines[("butir 8[dn]", "BAPPEDA", 1)]["over"]] == ["PD-03"]
    # PD-04 (2026-05-30..06-02) counts in period 1 only.
    assert row(("butir 8[dn]", "DISDIK_UPT", 1)) == ("2", "1", "1", "0", "0", "dalam_kuota")
    assert row(("butir 8[dn]", "DISDIK_UPT", 2))[2] == "0"
    # Nothing a year before period 2: the planned PD-05 is not judged.
    assert row(("butir 8[dn]", "BAPPEDA", 2)) == (None, None, "0", "1", None, "tanpa_dasar")
    # The electric car and BPBD's operational vehicle are not counted.
    assert row(("butir 9", "BAPPEDA", 1)) == ("4", "2", "2", "1", "0", "rencana_lebih")
    assert row(("butir 9", "BPBD", 1)) == ("0", "0", "0", "0", "0", "dalam_kuota")
    # Fuel: 120 + 150 litres used, the planned 40 would make 310 > 300.
    assert row(("butir 9[x]", "BAPPEDA", 4)) == (None, "300", "270", "40", "30", "rencana_lebih")
    assert row(("butir 9[x]", "BPBD", 4))[2] == "47"
    targets = {t["unit"]: (t["matching"], t["total"], t["met"]) for t in data["targets"]}
    assert targets == {"BAPPEDA": (3, 5, True), "DISDIK": (1, 1, True), "DISDIK_UPT": (0, 1, False)}
    findings = {(f["unit"], f["date"]): f["missing"] for f in data["checklists"]}
    assert ("BAPPEDA", "2026-04-10") not in findings  # every item switched off
    assert findings[("BAPPEDA", "2026-04-17")] == ["KABEL"]
    assert findings[("DISDIK_UPT", "2026-04-10")] == ["AC", "KABEL"]
    assert findings[("DISDIK_UPT", "2026-04-17")] == ["AC", "ELEKTRONIK", "KABEL", "LAMPU"]
    assert not any(unit == "BPBD" for unit, _ in findings)  # stays at the office


def test_quota_workbook(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "kuota.xlsx"
    code, out, err = quota(capsys, "id", "--format", "xlsx", "--output", str(target))
    assert (code, out) == (0, "")
    check_golden("quota_cli/quota.id.txt", err)
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == ["Ringkasan", "BAPPEDA", "BPBD", "DISDIK", "DISDIK_UPT"]
    summary = [row for row in wb["Ringkasan"].iter_rows(min_row=3, max_row=7, values_only=True)]
    assert summary == [
        ("BAPPEDA", 7, 0, 3, 2, 1, 0, 7),
        ("BPBD", 7, 0, 0, 2, 0, 0, 0),
        ("DISDIK", 7, 0, 0, 2, 1, 0, 0),
        ("DISDIK_UPT", 7, 0, 0, 2, 1, 1, 8),
        ("Jumlah", 28, 0, 3, 8, 3, 1, 15),
    ]
    first = next(wb["BAPPEDA"].iter_rows(min_row=3, max_row=3, values_only=True))
    assert first[:4] + first[6:] == (
        "butir 8",
        "butir 8[dn]",
        "Perjalanan dinas dalam negeri dikurangi 50%",
        1,
        "perjalanan",
        4,
        2,
        2,
        1,
        0,
        "rencana melebihi kuota",
    )


# ----------------------------------------------------------------- report
@pytest.mark.parametrize("lang", LANGS)
def test_report_summary(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    code, out, err = report(capsys, lang)
    assert (code, err) == (0, "")
    check_golden(f"quota_cli/report.{lang}.txt", out)


@pytest.mark.parametrize("lang", LANGS)
def test_report_csv(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    code, out, err = report(capsys, lang, "--format", "csv")
    assert code == 0
    check_golden(f"quota_cli/report.{lang}.csv", out)
    check_golden(f"quota_cli/report.{lang}.txt", err)


def test_report_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = report(capsys, "id", "--format", "json")
    assert code == 0
    check_golden_json("quota_cli/report.json", out, "report")
    data = json.loads(out)
    lines = by_key(data["lines"], "unit", "category")
    figures = ("baseline", "actual", "saving", "estimated", "basis")

    def row(unit: str, category: str) -> tuple[Any, ...]:
        line = lines[(unit, category)]
        return (*(line[f] for f in figures), line["months_actual"], line["months_estimated"])

    # Fuel, both months with figures: (900.000 + 850.000) - (600.000 + 640.000).
    assert row("BAPPEDA", "BBM") == ("1750000", "1240000", "510000", "0", "aktual", 2, 0)
    # Electricity: April 1.500.000,00 - 1.200.000,50 = 299.999,50; May estimated from
    # 6 WFH person-days x 2 kWh x Rp 1.445 = 17.340; half up to 317.340.
    assert row("BAPPEDA", "LISTRIK") == (
        "2950000",
        "1200001",
        "317340",
        "17340",
        "campuran",
        1,
        1,
    )
    assert lines[("BAPPEDA", "LISTRIK")]["quantity"] == {
        "unit": "kWh",
        "baseline": "1980",
        "actual": "800",
        "saving": "212",
    }
    # Water of the sub-unit a year earlier against the parent's this year.
    assert row("DISDIK", "AIR") == ("300000", "250000", "50000", "0", "aktual", 1, 0)
    # A telephone bill without a baseline, and no estimate for telephones.
    assert row("BPBD", "TELEPON") == (None, "500000", None, "0", "tanpa_data", 0, 0)
    assert [line["unit"] for line in data["lines"]].count("DISDIK_UPT") == 0
    total = sum(D(line["saving"]) for line in data["lines"] if line["saving"] is not None)
    assert D(data["total"]) == total == D(1524680)
    assert data["periods"][0]["wfh_days"] == 18  # 3 people x 6 Fridays; BPBD stays WFO


def test_report_workbook_adds_up_to_the_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = report(capsys, "en", "--format", "json")
    total = D(json.loads(out)["total"])
    target = tmp_path / "report.xlsx"
    code, out, err = report(capsys, "en", "--format", "xlsx", "--output", str(target))
    assert (code, out) == (0, "")
    check_golden("quota_cli/report.en.txt", err)
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == ["Summary", "Chart", "BAPPEDA", "BPBD", "DISDIK"]
    ws = wb["Summary"]
    assert [ws.cell(row, 1).value for row in range(4, 8)] == [
        "BAPPEDA",
        "BPBD",
        "DISDIK",
        "Province total",
    ]
    assert ws["I7"].value == "=SUM(I4:I6)"
    units = []
    for row in range(4, 7):
        assert ws.cell(row, 9).value == f"=SUM(C{row}:H{row})"
        units.append(sum(D(ws.cell(row, c).value or 0) for c in range(3, 9)))
    assert units == [D(1247340), D(0), D(277340)]
    assert sum(units) == total


def test_rupiah_in_an_indonesian_file_are_read_exactly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    costs = tmp_path / "biaya.csv"
    costs.write_text(
        "unit;bulan;kategori;jumlah\n"
        "BPBD;2025-04;telepon;Rp 1.500.000,00\n"
        "BPBD;2026-04;telepon;Rp 1.499.999,50\n"
        "BPBD;2025-05;telepon;Rp 1.500.000\n"
        "BPBD;2026-05;telepon;1.250.000,25\n",
        encoding="utf-8",
    )
    code, out, _ = report(capsys, "id", "--format", "json", costs=str(costs))
    assert code == 0
    (line,) = [
        x for x in json.loads(out)["lines"] if x["unit"] == "BPBD" and x["category"] == "TELEPON"
    ]
    # 3.000.000 - 2.749.999,75 = 250.000,25: rounded once, at the end.
    assert (line["baseline"], line["actual"], line["saving"], line["basis"]) == (
        "3000000",
        "2750000",
        "250000",
        "aktual",
    )


# -------------------------------------------------------------- bad input
@pytest.mark.parametrize("lang", LANGS)
def test_bad_cost_lines_are_refused_with_their_place(
    capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    code, out, err = report(capsys, lang, costs=f"{DATA}/bad/biaya.csv")
    assert (code, out) == (1, "")
    check_golden(f"quota_cli/bad-biaya.{lang}.txt", err)


def test_bad_cost_lines_can_be_skipped(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = report(
        capsys, "id", "--format", "json", "--skip-bad-rows", costs=f"{DATA}/bad/biaya.csv"
    )
    assert code == 0
    assert err.startswith("galat[D054]: '-Rp 1.200.000,00'")  # still reported
    lines = by_key(json.loads(out)["lines"], "unit", "category")
    listrik, air = lines[("BAPPEDA", "LISTRIK")], lines[("BAPPEDA", "AIR")]
    # The baseline row is kept; without the refused actual row, both months are estimated.
    assert (listrik["baseline"], listrik["actual"], listrik["saving"], listrik["basis"]) == (
        "1500000",
        None,
        "34680",
        "perkiraan",
    )
    assert (air["baseline"], air["actual"], air["saving"]) == ("260000", "200000", "60000")
    assert lines[("BAPPEDA", "BBM")]["basis"] == "tanpa_data"


@pytest.mark.parametrize("lang", LANGS)
def test_a_trip_of_an_unknown_unit_is_refused(
    capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    command = "kuota" if lang == "id" else "quota"
    code, out, err = run(
        capsys, lang, command, RULES, "--roster", ROSTER, "--trips", f"{DATA}/bad/perjalanan.csv"
    )
    assert (code, out) == (1, "")
    check_golden(f"quota_cli/bad-perjalanan.{lang}.txt", err)


def test_a_trip_of_an_unknown_unit_can_be_skipped(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys,
        "en",
        "quota",
        RULES,
        "--roster",
        ROSTER,
        "--trips",
        f"{DATA}/bad/perjalanan.csv",
        "--skip-bad-rows",
        "--to",
        "2026-05-31",
        "--format",
        "json",
    )
    assert code == 0
    assert "error[D023]: unknown unit 'BAPEDA'" in err
    (line,) = [
        q
        for q in json.loads(out)["quotas"]
        if q["quota"] == "butir 8[dn]" and q["unit"] == "BAPPEDA"
    ]
    # PD-01 is left out: only PD-02 is used, so the planned PD-03 goes over.
    assert (line["baseline"], line["allowed"], line["used"], line["status"]) == (
        "2",
        "1",
        "1",
        "rencana_lebih",
    )
    assert [o["record"] for o in line["over"]] == ["PD-03"]


MISSING = {
    "costs": ["report", RULES, "--roster", ROSTER, "--biaya", f"{DATA}/tidak-ada.csv"],
    "roster": ["report", RULES, "--roster", f"{DATA}/tidak-ada", "--biaya", f"{DATA}/biaya.csv"],
    "rules": ["quota", f"{DATA}/tidak-ada.edaran", "--roster", ROSTER],
    "trips": ["quota", RULES, "--roster", ROSTER, "--trips", f"{DATA}/tidak-ada.csv"],
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("missing", sorted(MISSING))
def test_a_missing_file_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], lang: str, missing: str
) -> None:
    code, out, err = run(capsys, lang, *MISSING[missing])
    assert (code, out) == (1, "")
    check_golden(f"quota_cli/missing-{missing}.{lang}.txt", err)
