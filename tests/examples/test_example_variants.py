"""The two regency variants of the national template in ``examples/``.

``kab-lembah-hijau-2026`` moves WFH to Thursday, keeps sub-district offices on
site and caps WFH at 50% of a unit; ``kab-tanjung-mas-2026`` grants WFA over
the year-end holiday window to some units.  Both are synthetic.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path

import pytest

from edaran.cli import main
from edaran.engine import Circular
from edaran.variants import diff_clauses
from paths import EXAMPLES, TEMPLATES

TEMPLATE = TEMPLATES / "nasional-2026-kabupaten-kota.edaran"

#: folder, rule file, expected (kind, what, key) from the template to the variant
VARIANTS = [
    (
        "kab-lembah-hijau-2026",
        "se-800.1-215-BKPSDM-2026.edaran",
        {
            ("changed", "parameter", "HARI_WFH"),
            ("added", "rule", "butir 8"),
            ("added", "limit", "butir 9"),
        },
    ),
    (
        "kab-tanjung-mas-2026",
        "se-800.1-377-BKD-2026.edaran",
        # the variant ends on 2027-03-31 where the template has no end (issue 12: windows)
        {("added", "rule", "butir 8"), ("added", "force", "sampai")},
    ),
]
IDS = [v[0] for v in VARIANTS]


def run_cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(list(args))
    return code, out.getvalue()


@pytest.mark.parametrize(("folder", "rules", "expected"), VARIANTS, ids=IDS)
def test_check_passes(folder: str, rules: str, expected: set[tuple[str, str, str]]) -> None:
    code, text = run_cli("check", str(EXAMPLES / folder / rules))
    assert code == 0, text


@pytest.mark.parametrize(("folder", "rules", "expected"), VARIANTS, ids=IDS)
def test_examples_pass(folder: str, rules: str, expected: set[tuple[str, str, str]]) -> None:
    code, text = run_cli("test", str(EXAMPLES / folder / rules))
    assert code == 0, text
    assert ", 0 failed" in text


@pytest.mark.parametrize(("folder", "rules", "expected"), VARIANTS, ids=IDS)
def test_generator_reproduces_roster(
    folder: str, rules: str, expected: set[tuple[str, str, str]], tmp_path: Path
) -> None:
    example = EXAMPLES / folder
    subprocess.run(
        [sys.executable, str(example / "make_workforce.py"), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for name in ("unit.csv", "pegawai.csv"):
        assert (tmp_path / name).read_bytes() == (example / "roster" / name).read_bytes(), name


@pytest.mark.parametrize(("folder", "rules", "expected"), VARIANTS, ids=IDS)
def test_diff_against_template(
    folder: str, rules: str, expected: set[tuple[str, str, str]]
) -> None:
    changes = diff_clauses(Circular.load(TEMPLATE), Circular.load(EXAMPLES / folder / rules))
    assert {(str(c.kind), c.what, c.key) for c in changes} == expected
    for change in changes:
        assert change.right_text, change


@pytest.mark.parametrize(("folder", "rules", "expected"), VARIANTS, ids=IDS)
def test_run_folder(
    folder: str, rules: str, expected: set[tuple[str, str, str]], tmp_path: Path
) -> None:
    code, text = run_cli("run", str(EXAMPLES / folder), "--output", str(tmp_path / "out.csv"))
    assert code == 0, text
