"""``examples/kementerian-pesisir-2027``: dates written as the circular writes them, and recalls.

The circular gives its dates in the Hijri calendar and relative to Idul
Fitri; an ``isbat`` line pins Syawal 1448 H to the government's date; a
recall file calls one person and one unit to the office.  All synthetic.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from edaran.cli import main
from edaran.engine import Circular
from edaran.io import load_roster
from edaran.io.presence import read_recalls
from edaran.messages import Lang
from edaran.scheduling import Why, schedule
from edaran.scheduling.writers import write_csv
from golden import check_golden
from paths import EXAMPLES

FOLDER = EXAMPLES / "kementerian-pesisir-2027"
RULES = FOLDER / "se-b-12-sj-kp-2027.edaran"


def run_cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(list(args))
    return code, out.getvalue()


def test_check_is_clean_without_warnings() -> None:
    code, text = run_cli("check", str(RULES))
    assert code == 0, text
    assert "W190" not in text  # Syawal is pinned by its isbat line


def test_examples_pass() -> None:
    code, text = run_cli("test", str(RULES))
    assert code == 0, text
    assert "11 passed, 0 failed" in text


def test_the_dates_the_circular_writes() -> None:
    header = Circular.load(RULES).program.header
    assert header.signed == dt.date(2027, 3, 4)  # 25 Ramadan 1448 H
    assert header.effective_from == dt.date(2027, 3, 10)  # 1 Syawal 1448 H, by isbat
    assert header.effective_until == dt.date(2027, 3, 22)  # working day 5 after Idul Fitri


def test_generator_reproduces_roster(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(FOLDER / "make_workforce.py"), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for name in ("unit.csv", "pegawai.csv"):
        assert (tmp_path / name).read_bytes() == (FOLDER / "roster" / name).read_bytes(), name


def test_the_recalls_call_one_person_and_one_unit_in() -> None:
    roster = load_roster(FOLDER / "roster")
    recalls, problems = read_recalls(FOLDER / "panggilan.csv", roster)
    assert problems == []
    circular = Circular.load(RULES)
    first, last = dt.date(2027, 3, 16), dt.date(2027, 3, 17)
    plain = schedule(circular, roster.employees, first, last)
    made = schedule(circular, roster.employees, first, last, recalls=recalls)
    recalled = [a for a in made if a.why == Why.RECALL]
    assert {a.date for a in recalled} == {last}
    assert Counter(a.unit for a in recalled) == {"DIT_MITIGASI": 5, "BIRO_SDM": 1}
    assert all(a.mode == "WFO" and a.detail["was"] == "WFH" for a in recalled)
    assert {a.detail["reason"] for a in recalled if a.unit == "DIT_MITIGASI"} == {
        "Tanggap darurat abrasi pantai Teluk Biru"
    }
    # Nothing else moves: the first day, and everyone not recalled on the second.
    others = {(a.nip, a.date): a for a in made if a.why != Why.RECALL}
    assert others == {(a.nip, a.date): a for a in plain if (a.nip, a.date) in others}
    assert not [a for a in made if a.unit == "DIT_MITIGASI" and a.date == last and a.mode == "WFH"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_recalled_day_reads_the_same_in_both_languages(lang: Lang) -> None:
    roster = load_roster(FOLDER / "roster")
    recalls, _ = read_recalls(FOLDER / "panggilan.csv", roster)
    made = schedule(
        Circular.load(RULES),
        roster.employees,
        dt.date(2027, 3, 17),
        dt.date(2027, 3, 17),
        recalls=recalls,
    )
    out = io.StringIO()
    write_csv(made, out, lang)
    check_golden(f"schedule/pesisir-recalls.{lang}.csv", out.getvalue())
