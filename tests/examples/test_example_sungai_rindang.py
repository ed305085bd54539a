"""The example of declared attributes, staff without a NIP and a scope (issue 11).

``examples/kab-sungai-rindang-2027`` is a synthetic Ramadan circular of a
fictional regency: those who fast work from home on Fridays, contract staff
and PPPK under the same rule, face-to-face jobs and vital units on site, staff
seconded to a vertical agency not covered.  These tests run it as a regency
IT team would (``check``, ``test``, ``run``, ``explain``) and compare the two
backends over its roster.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import subprocess
import sys
from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from edaran import Circular, EmploymentStatus, read_roster
from edaran.cli import main
from edaran.core.modes import STATUS_NOT_COVERED
from paths import EXAMPLES
from properties import fast_and_full

EXAMPLE = EXAMPLES / "kab-sungai-rindang-2027"
RULES = EXAMPLE / "se-800.1-117-BKPSDM-2027.edaran"
ROSTER = EXAMPLE / "roster"
FIRST, LAST = dt.date(2027, 2, 8), dt.date(2027, 3, 9)


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    assert "Traceback" not in out.getvalue() + err.getvalue()
    return code, out.getvalue(), err.getvalue()


def test_check_is_clean() -> None:
    code, out, err = cli("check", str(RULES))
    assert code == 0, out + err
    assert "bersih (6 aturan, 1 batas, 10 contoh)" in out


def test_every_example_passes() -> None:
    code, out, _ = cli("test", str(RULES))
    assert code == 0, out
    assert out.splitlines()[-1] == "10 passed, 0 failed"


def test_make_workforce_matches_the_committed_files(tmp_path: Path) -> None:
    script = EXAMPLE / "make_workforce.py"
    subprocess.run([sys.executable, str(script), str(tmp_path)], check=True, capture_output=True)
    for name in ("unit.csv", "pegawai.csv"):
        assert (tmp_path / name).read_bytes() == (ROSTER / name).read_bytes(), name


def test_the_roster_reads_its_declared_columns_and_staff_without_a_nip() -> None:
    circular = Circular.load(RULES)
    roster, problems = read_roster(ROSTER, **circular.roster_classes())
    assert problems == []
    assert len(roster) == 64
    statuses = Counter(e.status_kepegawaian for e in roster.employees)
    assert statuses == {
        EmploymentStatus.PNS: 40,
        EmploymentStatus.PPPK: 16,
        EmploymentStatus.NON_ASN: 8,
    }
    contract = roster.by_nip("THL-DISDIK-07")
    assert contract is not None and contract.agama.name == "ISLAM"  # type: ignore[attr-defined]
    assert roster.units["UPT_AIR"].objek_vital is True  # type: ignore[attr-defined]


def test_explain_a_contract_worker_on_a_friday() -> None:
    code, out, err = cli(
        "explain", str(RULES), "--roster", str(ROSTER), "--nip", "THL-DISDIK-07",
        "--date", "2027-02-12",
    )  # fmt: skip
    assert code == 0, err
    assert out.splitlines()[0] == "moda_kerja pegawai THL-DISDIK-07 pada 2027-02-12: WFH"
    assert "pegawai.agama = ISLAM" in out


def test_the_seconded_teacher_is_not_covered_and_not_counted() -> None:
    circular = Circular.load(RULES)
    roster, _ = read_roster(ROSTER, **circular.roster_classes())
    seconded = [e for e in roster.employees if e.penempatan.name == "INSTANSI_VERTIKAL"]  # type: ignore[attr-defined]
    assert len(seconded) == 1
    decisions = list(circular.decide_many(seconded, FIRST, LAST))
    assert {d.value for d in decisions} == {STATUS_NOT_COVERED}


def test_run_writes_decisions_and_a_summary(tmp_path: Path) -> None:
    target = tmp_path / "jadwal.csv"
    code, out, err = cli("run", str(EXAMPLE), "--output", str(target))
    assert code == 0, out + err
    assert "TIDAK_TERCAKUP" in out
    assert target.exists()


@fast_and_full(fast=40, full=300)
def test_both_backends_agree_over_the_example(max_examples: int) -> None:
    compiled = Circular.load(RULES)
    interpreted = Circular.load(RULES, backend="interpreter")
    roster, _ = read_roster(ROSTER, **compiled.roster_classes())
    staff = list(roster.employees)

    @settings(max_examples=max_examples, deadline=None)
    @given(
        who=st.lists(st.sampled_from(staff), min_size=1, max_size=8),
        first=st.dates(dt.date(2027, 2, 1), dt.date(2027, 3, 15)),
        span=st.integers(0, 6),
        output=st.sampled_from(["moda_kerja", "pulang_lebih_awal"]),
    )
    def agree(who: list[object], first: dt.date, span: int, output: str) -> None:
        last = first + dt.timedelta(days=span)
        fast = list(compiled.decide_many(who, first, last, output))
        slow = list(interpreted.decide_many(who, first, last, output, backend="interpreter"))
        assert fast == slow

    agree()
