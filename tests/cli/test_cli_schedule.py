"""``edaran schedule`` with leave and transfers, to every format.

The commands run on the small roster of ``tests/data/schedule/roster`` (four
units, one of them a sub-unit, twelve people) with the small circular
``tests/data/schedule/jadwal.edaran``, from the checkout (paths in the
diagnostics are the relative paths written here).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from edaran.cli import main
from paths import REPO

DATA = "tests/data/schedule"
ROSTER = f"{DATA}/roster"
RULES = f"{DATA}/jadwal.edaran"

ANDI = "197501012000031001"  # BAPPEDA
AHMAD = "198001012005011001"  # BPKAD
BUDI_S = "199003202015031003"  # BPKAD, moves to UPTB_ASET on 13 April
RIZKY = "199211302019031002"  # UPTB_ASET


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    # Relative paths keep rendered locations stable; the language comes from --lang only.
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("EDARAN_LANG", raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out and "Traceback" not in err
    return code, out, err


def _schedule_args(*more: str, rules: str = RULES, roster: str = ROSTER) -> list[str]:
    return [
        "schedule",
        rules,
        "--roster",
        roster,
        "--from",
        "2026-04-06",
        "--to",
        "2026-04-17",
        *more,
    ]


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_schedule_with_absences_and_transfers(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys,
        *_schedule_args(
            "--lang", "en", "--absences", f"{DATA}/cuti.csv", "--transfers", f"{DATA}/mutasi.csv"
        ),
    )
    assert code == 0, err
    rows = _rows(out)
    assert len(rows) == 12 * 12  # twelve people, twelve days
    by = {(r["nip"], r["date"]): r for r in rows}
    # Andi is on leave on Thursday 9 and Friday 10 April: CUTI on both working days.
    assert by[(ANDI, "2026-04-09")]["mode"] == "CUTI"
    assert by[(ANDI, "2026-04-10")]["mode"] == "CUTI"
    assert by[(ANDI, "2026-04-10")]["eligible"] == "WFH"
    assert by[(ANDI, "2026-04-08")]["mode"] == "WFO"
    # Rizky's leave (6-8 April) was written with spaces in the NIP.
    assert [by[(RIZKY, f"2026-04-0{d}")]["mode"] for d in (6, 7, 8, 9)] == [
        "CUTI",
        "CUTI",
        "CUTI",
        "WFO",
    ]
    # Budi S. works in BPKAD until Friday 10 April and in UPTB_ASET from Monday 13 April.
    assert by[(BUDI_S, "2026-04-10")]["unit"] == "BPKAD"
    assert by[(BUDI_S, "2026-04-13")]["unit"] == "UPTB_ASET"
    # A leave on a weekend is no leave: the day is off anyway.
    assert all(by[(ANDI, f"2026-04-{d}")]["mode"] == "LIBUR" for d in (11, 12))
    # The summary goes to stderr, the schedule to stdout.
    assert "BPKAD" in err and "UPTB_ASET" in err


def test_schedule_caps_hold_on_the_small_roster(capsys: pytest.CaptureFixture[str]) -> None:
    """BPKAD's own proportion (25% of 4 = 1 on a Friday) and the default 50% for Bappeda."""
    code, out, _ = run(capsys, *_schedule_args("--lang", "en"))
    assert code == 0
    rows = _rows(out)
    friday = "2026-04-10"
    home = {
        unit: sum(
            1 for r in rows if r["unit"] == unit and r["date"] == friday and r["mode"] == "WFH"
        )
        for unit in ("BAPPEDA", "BPKAD", "UPTB_ASET", "RSUD_SF")
    }
    # Bappeda: 4 present, its head on WFA, 3 eligible for WFH, 50% of 4 = 2.
    # BPKAD: 25% of 4 = 1.  UPTB_ASET: 100% of 2, but one stays on site (the floor).
    # RSUD: a public service, on site.
    assert home == {"BAPPEDA": 2, "BPKAD": 1, "UPTB_ASET": 1, "RSUD_SF": 0}


def test_schedule_bad_absence_rows_stop_the_run(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, *_schedule_args("--lang", "en", "--absences", f"{DATA}/cuti-bad.csv")
    )
    assert code == 1
    assert out == ""
    assert "error[D041]" in err and "error[D042]" in err
    assert f"{DATA}/cuti-bad.csv:3:" in err


def test_schedule_bad_transfer_rows_stop_the_run(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, *_schedule_args("--lang", "en", "--transfers", f"{DATA}/mutasi-bad.csv")
    )
    assert code == 1
    assert out == ""
    assert "error[D023]" in err and "unknown unit 'UPTB_ASTE'" in err


def test_schedule_bad_date_in_absences_is_an_error_not_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """No traceback: the bad date stops the run with D018 and exit code 1."""
    code, out, err = run(
        capsys, *_schedule_args("--lang", "en", "--absences", f"{DATA}/cuti-bad-date.csv")
    )
    assert code == 1
    assert out == ""
    assert "error[D018]" in err


def test_schedule_table_naming_an_unknown_unit(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, *_schedule_args("--lang", "en", rules=f"{DATA}/table-unknown-unit.edaran")
    )
    assert code == 1
    assert out == ""
    assert err.startswith(
        "error[E121]: unit 'DINSOS' in table PROPORSI_WFH is not in the roster\n"
        f"  --> {DATA}/table-unknown-unit.edaran:11:5\n"
    )


def test_schedule_cap_above_100_percent(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, *_schedule_args("--lang", "en", rules=f"{DATA}/cap-above-100.edaran")
    )
    assert code == 1
    assert out == ""
    assert err.startswith("error[E120]: limit 120% is outside 0%-100%\n")


def test_cap_above_100_percent_points_at_the_table_row(capsys: pytest.CaptureFixture[str]) -> None:
    """The 120% is written on line 5 (``BPKAD: 120%``): E120 points there, not at the
    limit that reads the table (line 15), where no 120% is to be seen."""
    _, _, err = run(capsys, *_schedule_args("--lang", "en", rules=f"{DATA}/cap-above-100.edaran"))
    assert f"{DATA}/cap-above-100.edaran:5:" in err


def test_schedule_roster_with_duplicate_nips(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *_schedule_args("--lang", "en", roster=f"{DATA}/roster-duplicate"))
    assert code == 1
    assert out == ""
    assert err.startswith(
        "error[D021]: NIP 197501012000031001 is already used on line 2\n"
        f" --> {DATA}/roster-duplicate/pegawai.csv:4:1\n"
    )


def test_schedule_to_before_from(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["schedule", RULES, "--roster", ROSTER, "--from", "2026-04-17", "--to", "2026-04-06"]
    code, out, err = run(capsys, *argv, "--lang", "en")
    assert code == 2
    assert out == ""
    assert err == "--to (2026-04-06) is earlier than --from (2026-04-17)\n"


def test_schedule_csv_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "jadwal.csv"
    code, out, _ = run(capsys, *_schedule_args("--format", "csv", "--output", str(target)))
    assert code == 0
    assert out == ""
    rows = _rows(target.read_text(encoding="utf-8"))
    assert len(rows) == 12 * 12
    # Indonesian column names by default
    assert list(rows[0])[:6] == ["nip", "nama", "unit", "tanggal", "layak", "moda"]


def test_schedule_json_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "jadwal.json"
    code, _, _ = run(capsys, *_schedule_args("--format", "json", "--output", str(target)))
    assert code == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert (data["first"], data["last"]) == ("2026-04-06", "2026-04-17")
    assert sorted(data["units"]) == ["BAPPEDA", "BPKAD", "RSUD_SF", "UPTB_ASET"]
    assert data["warnings"] == []
    # one object per person-day, as in the CSV
    assert len(data["assignments"]) == 12 * 12
    friday = [a for a in data["assignments"] if a["date"] == "2026-04-10" and a["unit"] == "BPKAD"]
    assert sorted(a["mode"] for a in friday) == ["WFH", "WFO", "WFO", "WFO"]


def test_schedule_xlsx_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "jadwal.xlsx"
    code, _, _ = run(
        capsys, *_schedule_args("--lang", "en", "--format", "xlsx", "--output", str(target))
    )
    assert code == 0
    book = openpyxl.load_workbook(target)
    # a summary, then one sheet per unit
    assert book.sheetnames == ["Summary", "BAPPEDA", "BPKAD", "RSUD_SF", "UPTB_ASET"]
    cells = [str(c.value) for row in book["BPKAD"].iter_rows() for c in row if c.value is not None]
    assert AHMAD in cells and "WFH" in cells


@pytest.mark.parametrize("per", ["person", "unit"])
def test_schedule_ics_files(capsys: pytest.CaptureFixture[str], tmp_path: Path, per: str) -> None:
    target = tmp_path / "ics"
    code, _, _ = run(
        capsys, *_schedule_args("--format", "ics", "--per", per, "--output", str(target))
    )
    assert code == 0
    names = sorted(p.name for p in target.iterdir())
    if per == "unit":
        assert names == ["BAPPEDA.ics", "BPKAD.ics", "RSUD_SF.ics", "UPTB_ASET.ics"]
    else:
        assert len(names) == 12 and f"{AHMAD}.ics" in names
    for path in target.iterdir():
        text = path.read_text(encoding="utf-8")
        assert text.startswith("BEGIN:VCALENDAR") and text.rstrip().endswith("END:VCALENDAR")


def test_schedule_new_hire_and_leaver_from_the_roster(capsys: pytest.CaptureFixture[str]) -> None:
    """``mulai_tugas`` / ``selesai_tugas`` columns: nobody is scheduled outside them."""
    code, out, err = run(capsys, *_schedule_args("--lang", "en", roster=f"{DATA}/roster-tugas"))
    assert code == 0, err
    days: dict[str, list[str]] = {}
    for r in _rows(out):
        days.setdefault(r["nip"], []).append(r["date"])
    assert days[ANDI] == [f"2026-04-{d:02d}" for d in range(6, 18)]
    # Nyimas leaves after Wednesday 15 April; Sri starts on Monday 13 April.
    assert days["198203102008012002"] == [f"2026-04-{d:02d}" for d in range(6, 16)]
    assert days["199004042019032003"] == [f"2026-04-{d:02d}" for d in range(13, 18)]
