"""``examples/kab-bukit-selasih-2027``: fasting-month working hours, a different Friday end, a
flexible start, and the duties of staff working from home (synthetic)."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

from edaran.cli import main
from edaran.engine import Circular
from edaran.io import load_roster
from paths import EXAMPLES

FOLDER = EXAMPLES / "kab-bukit-selasih-2027"
RULES = FOLDER / "se-800.1-88-BKPSDM-2027.edaran"


def run_cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(list(args))
    return code, out.getvalue()


def test_check_and_examples_pass() -> None:
    code, text = run_cli("check", str(RULES))
    assert code == 0, text
    code, text = run_cli("test", str(RULES))
    assert code == 0, text
    assert "13 passed, 0 failed" in text


def test_generator_reproduces_roster(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(FOLDER / "make_workforce.py"), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for name in ("unit.csv", "pegawai.csv"):
        assert (tmp_path / name).read_bytes() == (FOLDER / "roster" / name).read_bytes(), name


def test_run_writes_the_hours_of_every_day(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    code, text = run_cli("run", str(FOLDER), "--output", str(target))
    assert code == 0, text
    with target.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0])[6:] == [
        "jam_kerja",
        "jam_efektif",
        "masuk_paling_awal",
        "batas_terlambat",
        "lapor_harian",
    ]
    by_date = {(r["nip"], r["date"]): r for r in rows}
    nip = rows[0]["nip"]
    before, fasting_friday = by_date[(nip, "2027-02-01")], by_date[(nip, "2027-02-12")]
    assert before["jam_kerja"] == "07:30-16:00 (istirahat 12:00-13:00)"
    assert (before["masuk_paling_awal"], before["batas_terlambat"]) == ("06:30", "08:30")
    assert fasting_friday["jam_kerja"] == "08:00-15:30 (istirahat 11:30-12:30)"
    assert fasting_friday["jam_efektif"] == "390 menit"
    assert by_date[(nip, "2027-02-05")]["jam_kerja"] == "LIBUR"  # cuti bersama Imlek
    # The daily report follows the mode decided, WFH or not.
    assert all(
        (r["lapor_harian"] == "benar") == (r["mode"] == "WFH") for r in rows if r["mode"] != "LIBUR"
    )


def test_effective_hours_stay_the_same_all_week() -> None:
    """The Friday end moves with its longer break: every working day has the same hours."""
    circular = Circular.load(RULES)
    person = load_roster(FOLDER / "roster").employees[5]
    for first, hours in ((dt.date(2027, 4, 5), 450), (dt.date(2027, 2, 22), 390)):
        for day in (first + dt.timedelta(days=i) for i in range(5)):
            decision = circular.decide(person, day, "jam_kerja")
            assert decision.value.effective.exact == dt.timedelta(minutes=hours), day
