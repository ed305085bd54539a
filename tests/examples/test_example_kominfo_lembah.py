"""``examples/dinas-kominfo-lembah-2027``: attendance duties of staff working from home, a
daily report verified by the superior, sanctions over windows and an allowance cut (synthetic)."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from edaran.cli import main
from paths import EXAMPLES

FOLDER = EXAMPLES / "dinas-kominfo-lembah-2027"
RULES = FOLDER / "se-800.1-42-DISKOMINFO-2027.edaran"


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_check_test_fmt_and_full_coverage() -> None:
    code, text, err = run_cli("check", str(RULES))
    assert code == 0, text + err
    code, text, err = run_cli("test", str(RULES), "--coverage", "--min-coverage", "100")
    assert code == 0, text + err
    assert "13 passed, 0 failed" in text + err
    assert "11 dari 11 butir diuji contoh (100%)" in text + err
    code, text, err = run_cli("fmt", "--check", str(RULES))
    assert code == 0, text + err


def test_generator_reproduces_the_data(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(FOLDER / "make_data.py"), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for name in ("roster/unit.csv", "roster/pegawai.csv", "presensi.csv"):
        assert (tmp_path / name).read_bytes() == (FOLDER / name).read_bytes(), name


def test_discipline_on_the_log() -> None:
    code, text, err = run_cli(
        "discipline",
        str(RULES),
        "--roster",
        str(FOLDER / "roster"),
        "--attendance",
        str(FOLDER / "presensi.csv"),
        "--format",
        "json",
    )
    assert code == 0, err
    assert "W615" in err  # one person has no registered address
    assert "564 catatan presensi dibaca; potongan tunjangan Rp150.000 (3 hari)" in err
    data = json.loads(text)
    assert data["attendance_events"] == 564
    kinds = Counter(b["kind"] for b in data["breaches"])
    assert kinds == {"late": 5, "unverified": 5, "missing": 4, "outside-radius": 1}
    assert [(c["days"], c["amount"]) for c in data["cuts"]] == [(1, "50000")] * 3
    # The cap keeps some staff in the office on WFH days: they owe the office duty only.
    office = [b for b in data["breaches"] if b["rule"] == "butir 5"]
    assert all(b["kind"] == "missing" for b in office)


def test_a_bad_attendance_log_is_refused_whole(tmp_path: Path) -> None:
    log = tmp_path / "presensi.csv"
    rows = (FOLDER / "presensi.csv").read_text(encoding="utf-8").splitlines()
    rows[5] = rows[5].replace(",masuk,", ",masok,").replace(",pulang,", ",masok,")
    log.write_text("\n".join(rows) + "\n", encoding="utf-8")
    args = ["discipline", str(RULES), "--roster", str(FOLDER / "roster"), "--attendance", str(log)]
    code, text, err = run_cli(*args, "--lang", "en")
    assert code == 1 and text == ""
    assert "error[D101]: unknown attendance kind 'masok'" in err
    assert f"{log}:6:" in err
    code, text, err = run_cli(*args, "--skip-bad-rows")
    assert code == 0 and "peringatan[D106]: 1 baris bermasalah dilewati" in err


def test_discipline_needs_a_log() -> None:
    code, _, err = run_cli("discipline", str(RULES), "--roster", str(FOLDER / "roster"))
    assert code == 2 and "--contacts, --attendance" in err
