"""No CSV output carries a cell a spreadsheet would run as a formula.

``tests/data/hostile/make_inj.py`` (the reproducer of issue 17) copies the
provincial example with formula payloads in every name, unit name, record id,
destination and reason that exports outside the operator's control may
carry: ``=HYPERLINK(...)``, ``+cmd|...``, ``@SUM(...)``, ``-2+3+cmd|...``, a
leading tab.  Every CSV writer runs on it, and every cell it writes must
either not start like a formula or be a plain number; the payloads are still
there, as text, behind a leading quote (``'=HYPERLINK(...)``).
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest

from edaran.cli import main
from edaran.io.publish import safe_cell
from paths import DATA, SUMSEL

NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inj") / "sumsel"
    script = DATA / "hostile" / "make_inj.py"
    subprocess.run([sys.executable, str(script), str(SUMSEL), str(folder)], check=True)
    return folder


def _cells(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as source:
        return [cell for row in csv.reader(source) for cell in row]


def _assert_safe(*paths: Path) -> None:
    cells = [cell for path in paths for cell in _cells(path)]
    dangerous = [c for c in cells if c.startswith(FORMULA_START) and not NUMBER.fullmatch(c)]
    assert dangerous == []
    # The payloads reached the output as text: the test is not vacuous.
    assert any(c.startswith(("'=", "'+", "'@", "'-")) for c in cells)


def _run(*argv: str) -> int:
    return main(["--lang", "en", *argv])


def test_safe_cell_follows_the_leading_quote_convention() -> None:
    assert safe_cell('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert safe_cell("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0"
    assert safe_cell("@SUM(1+1)") == "'@SUM(1+1)"
    assert safe_cell("\t=1+1") == "'\t=1+1"
    assert safe_cell("-2+3") == "'-2+3"
    assert safe_cell("-1500") == "-1500"  # a number stays a number
    assert safe_cell("+2.5") == "+2.5"
    assert safe_cell("BAPENDA") == "BAPENDA"
    assert safe_cell(7) == 7


def test_schedule_csv(hostile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "jadwal.csv"
    rule, roster = hostile / "se.edaran", hostile / "roster"
    args = ["--from", "2026-04-10", "--to", "2026-04-10", "--output", str(out)]
    assert _run("schedule", str(rule), "--roster", str(roster), *args) == 0
    _assert_safe(out)


def test_discipline_csv(hostile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "disiplin"
    rule, roster = hostile / "se.edaran", hostile / "roster"
    contacts = ["--contacts", str(hostile / "kontak.csv"), "--output", str(out)]
    contacts += ["--from", "2026-04-10", "--to", "2026-04-17"]
    assert _run("discipline", str(rule), "--roster", str(roster), *contacts) == 0
    _assert_safe(out / "pelanggaran.csv", out / "sanksi.csv")


def test_quota_csv(hostile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kuota.csv"
    rule, roster = hostile / "se.edaran", hostile / "roster"
    records = ["--trips", str(hostile / "perjalanan.csv"), "--vehicles"]
    records += [str(hostile / "kendaraan.csv"), "--meetings", str(hostile / "rapat.csv")]
    records += ["--checklists", str(hostile / "daftar_periksa.csv")]
    args = [*records, "--format", "csv", "--output", str(out)]
    args += ["--from", "2026-08-01", "--to", "2026-09-30"]
    assert _run("quota", str(rule), "--roster", str(roster), *args) == 0
    _assert_safe(out)


def test_report_csv(hostile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "laporan.csv"
    rule, roster = hostile / "se.edaran", hostile / "roster"
    args = ["--costs", str(hostile / "biaya.csv"), "--format", "csv", "--output", str(out)]
    args += ["--period", "1"]
    assert _run("report", str(rule), "--roster", str(roster), *args) == 0
    _assert_safe(out)


def test_decide_and_diff_csv(
    hostile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Their cells are codes, dates and clause titles; the rule file's own title
    # starts with a payload only inside a sentence, so a unit code carries it here.
    roster = tmp_path / "roster"
    roster.mkdir()
    units = (hostile / "roster" / "unit.csv").read_text(encoding="utf-8")
    people = (hostile / "roster" / "pegawai.csv").read_text(encoding="utf-8")
    for name, text in (("unit.csv", units), ("pegawai.csv", people)):
        (roster / name).write_text(re.sub(r"\bBAPENDA\b", "@BAPENDA", text), encoding="utf-8")
    decided = tmp_path / "keputusan.csv"
    rule = hostile / "se.edaran"
    args = ["--roster", str(roster), "--from", "2026-04-10", "--output", str(decided)]
    assert _run("decide", str(rule), *args) == 0
    _assert_safe(decided)
    differ = tmp_path / "beda.csv"
    args = ["--roster", str(roster), "--from", "2026-04-10", "--to", "2026-04-10"]
    _run("diff", str(SUMSEL / "se-800.1-1230-BKD.I-2026.edaran"), str(rule), *args)
    capsys.readouterr()
    _run("diff", str(SUMSEL / "se-800.1-1230-BKD.I-2026.edaran"), str(rule), "--format", "csv")
    text = capsys.readouterr().out
    differ.write_text(text, encoding="utf-8")
    assert all(not c.startswith(FORMULA_START) or NUMBER.fullmatch(c) for c in _cells(differ))
