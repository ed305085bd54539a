"""The second bundled example: a city circular with a 50% WFH cap over a trial window.

``examples/kota-tanjung-seruni-2026`` is a synthetic circular of a fictional
city (SE Wali Kota Tanjung Seruni 800.1/412/BKPSDM/2026): WFH on Thursdays
from 1 May to 30 June 2026, at most 50% of a support unit's present staff per
day (rounded down), direct public services always on site, structural
officials (JPT Pratama, Administrator, Pengawas) on site.  These tests run it
the way the city's IT team would: ``edaran check``, ``edaran test``,
``edaran schedule`` and ``edaran run`` through :func:`edaran.cli.main`, and the
workforce generator beside it.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from edaran.cli import main
from edaran.io import read_roster
from paths import EXAMPLES, SAMPLE_ROSTER

EXAMPLE = EXAMPLES / "kota-tanjung-seruni-2026"
RULES = EXAMPLE / "se-800.1-412-BKPSDM-2026.edaran"
ROSTER = EXAMPLE / "roster"

FIRST = dt.date(2026, 5, 1)  # berlaku ... (butir 8)
LAST = dt.date(2026, 6, 30)  # ... sampai
#: the schedule run: a week before the window to a week after it
RUN_FROM = dt.date(2026, 4, 24)
RUN_TO = dt.date(2026, 7, 7)
WFH_DAY = 3  # Thursday (date.weekday())
HOLIDAYS = {
    dt.date(2026, 5, 1),  # Hari Buruh
    dt.date(2026, 5, 14),  # Kenaikan Yesus Kristus (a Thursday)
    dt.date(2026, 5, 28),  # cuti bersama Iduladha (a Thursday)
    dt.date(2026, 6, 1),  # Hari Lahir Pancasila
    dt.date(2026, 6, 16),  # Tahun Baru Islam
}
NOT_WORKING = {"LIBUR", "TIDAK_BERLAKU", "CUTI"}
OFFICIALS = {"JPT Pratama", "Administrator", "Pengawas"}
#: butir 4 of the circular, unit by unit: the units that must carry layanan_publik = ya
PUBLIC_SERVICE = {
    "BPBD",
    "SATPOL_PP",
    "DAMKAR",
    "DISDUKCAPIL",
    "DPMPTSP",
    "RSUD_KOTA",
    *(f"PKM_{p}" for p in ("SERUNI", "TANJUNG", "PASAR_BARU", "BUKIT_INDAH", "SUNGAI_LEBAR")),
    *(f"KEC_{k}" for k in ("SERUNI", "TANJUNG", "BUKIT_INDAH", "SUNGAI_LEBAR")),
    *(
        f"KEL_{k}"
        for k in (
            "SERUNI_ILIR",
            "PASAR_BARU",
            "TALANG_JAWA",
            "TANJUNG_RAYA",
            "KAMPUNG_BARU",
            "BUKIT_INDAH",
            "SUKAMAJU",
            "SUNGAI_LEBAR",
            "LEBAK_MULYO",
        )
    ),
    "SMPN1_TJS",
    "SMPN4_TJS",
}


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    assert "Traceback" not in out.getvalue() + err.getvalue()
    return code, out.getvalue(), err.getvalue()


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


# ------------------------------------------------------- check and test
def test_check_is_clean() -> None:
    code, out, err = cli("check", str(RULES))
    assert code == 0, out + err
    assert "bersih (4 aturan, " in out


def test_every_example_passes() -> None:
    code, out, _ = cli("test", str(RULES))
    written = RULES.read_text(encoding="utf-8").count('\ncontoh "')
    assert code == 0, out
    assert out.splitlines()[-1] == f"{written} passed, 0 failed"
    assert "GAGAL" not in out


def test_every_rule_and_the_cap_have_an_example() -> None:
    from edaran.engine import Circular
    from edaran.testing import run_examples

    circular = Circular.load(RULES)
    covered = {clause for result in run_examples(circular) for clause in result.clauses}
    clauses = {rule.clause for rule in circular.program.rules}
    clauses |= {limit.clause for limit in circular.program.limits}
    assert clauses == {"butir 1", "butir 2", "butir 3", "butir 4", "butir 5"}
    assert clauses <= covered


# ------------------------------------------------------------ the roster
def make_workforce(out: Path) -> None:
    script = EXAMPLE / "make_workforce.py"
    subprocess.run([sys.executable, str(script), str(out)], check=True, capture_output=True)


def test_make_workforce_is_byte_identical_and_matches_the_committed_files(tmp_path: Path) -> None:
    make_workforce(tmp_path / "a")
    make_workforce(tmp_path / "b")
    for name in ("unit.csv", "pegawai.csv"):
        first = (tmp_path / "a" / name).read_bytes()
        assert first == (tmp_path / "b" / name).read_bytes(), name
        assert first == (ROSTER / name).read_bytes(), f"rerun make_workforce.py: {name}"


def test_the_roster_loads_cleanly_and_flags_butir_4_units() -> None:
    roster, diagnostics = read_roster(ROSTER)
    assert diagnostics == []
    assert 300 <= len(roster) <= 1000
    assert all(len(e.nip) == 18 and e.nip.isdigit() for e in roster.employees)
    public = {code for code, unit in roster.units.items() if unit.layanan_publik}
    assert public == PUBLIC_SERVICE
    # A city has no JPT Madya: its Sekretaris Daerah is a JPT Pratama.
    assert {e.jenjang.value for e in roster.employees} == {
        "JPT Pratama",
        "Administrator",
        "Pengawas",
        "Pelaksana",
        "Fungsional",
    }
    # The columns of the reference example (which may grow optional ones).
    for name in ("unit.csv", "pegawai.csv"):
        reference = SAMPLE_ROSTER / name
        ours = (ROSTER / name).read_text(encoding="utf-8").splitlines()[0].split(",")
        assert set(ours) <= set(reference.read_text(encoding="utf-8").splitlines()[0].split(","))


# ---------------------------------------------------------- the schedule
@pytest.fixture(scope="module")
def schedule_rows(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, str]]:
    target = tmp_path_factory.mktemp("jadwal") / "jadwal.csv"
    code, out, err = cli(
        "schedule",
        str(RULES),
        "--roster",
        str(ROSTER),
        "--from",
        RUN_FROM.isoformat(),
        "--to",
        RUN_TO.isoformat(),
        "--output",
        str(target),
    )
    assert code == 0, err
    assert out == ""
    assert "0 peringatan" in err
    return read_csv(target)


@pytest.fixture(scope="module")
def roster_units() -> dict[str, dict[str, str]]:
    return {row["kode"]: row for row in read_csv(ROSTER / "unit.csv")}


@pytest.fixture(scope="module")
def staff() -> dict[str, dict[str, str]]:
    return {row["nip"]: row for row in read_csv(ROSTER / "pegawai.csv")}


def test_the_schedule_has_everyone_on_every_day(
    schedule_rows: list[dict[str, str]], staff: dict[str, dict[str, str]]
) -> None:
    assert len(schedule_rows) == len(staff) * len(days(RUN_FROM, RUN_TO))
    seen = Counter((row["nip"], row["tanggal"]) for row in schedule_rows)
    assert set(seen.values()) == {1}


def test_outside_the_window_nobody_works_from_home(schedule_rows: list[dict[str, str]]) -> None:
    outside = [
        r for r in schedule_rows if not FIRST.isoformat() <= r["tanggal"] <= LAST.isoformat()
    ]
    assert outside
    assert {r["moda"] for r in outside} == {"TIDAK_BERLAKU"}
    assert {r["layak"] for r in outside} == {"TIDAK_BERLAKU"}


def test_holidays_in_the_window_are_days_off(schedule_rows: list[dict[str, str]]) -> None:
    for row in schedule_rows:
        if dt.date.fromisoformat(row["tanggal"]) in HOLIDAYS:
            assert row["moda"] == "LIBUR", row


def per_unit_day(
    rows: list[dict[str, str]],
) -> dict[tuple[str, str], Counter[str]]:
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for row in rows:
        tally = counts[(row["unit"], row["tanggal"])]
        tally["moda:" + row["moda"]] += 1
        tally["layak:" + row["layak"]] += 1
        if row["moda"] not in NOT_WORKING:
            tally["present"] += 1
    return counts


def test_support_units_are_capped_at_half_their_present_staff_rounded_down(
    schedule_rows: list[dict[str, str]], roster_units: dict[str, dict[str, str]]
) -> None:
    capped_days = 0
    for (unit, date), tally in per_unit_day(schedule_rows).items():
        if roster_units[unit]["layanan_publik"] == "ya":
            continue
        cap = tally["present"] // 2
        assert tally["moda:WFH"] <= cap, (unit, date, tally)
        # Nobody is kept back without need: the quota is filled as far as eligibility goes.
        assert tally["moda:WFH"] == min(cap, tally["layak:WFH"]), (unit, date, tally)
        capped_days += tally["layak:WFH"] > cap
    assert capped_days > 0, "the cap never binds: the example shows nothing"


def test_public_service_units_never_work_from_home(
    schedule_rows: list[dict[str, str]], roster_units: dict[str, dict[str, str]]
) -> None:
    public = [r for r in schedule_rows if roster_units[r["unit"]]["layanan_publik"] == "ya"]
    assert public
    assert not [r for r in public if r["moda"] == "WFH" or r["layak"] == "WFH"]


def test_wfh_only_on_working_thursdays_and_never_for_officials(
    schedule_rows: list[dict[str, str]], staff: dict[str, dict[str, str]]
) -> None:
    wfh = [r for r in schedule_rows if r["moda"] == "WFH"]
    dates = {dt.date.fromisoformat(r["tanggal"]) for r in wfh}
    thursdays = {d for d in days(FIRST, LAST) if d.weekday() == WFH_DAY and d not in HOLIDAYS}
    assert dates == thursdays
    assert not [r for r in wfh if staff[r["nip"]]["jenjang"] in OFFICIALS]
    assert {r["moda"] for r in schedule_rows} <= {"WFO", "WFH", "LIBUR", "TIDAK_BERLAKU"}


def test_kept_back_people_cite_butir_3(schedule_rows: list[dict[str, str]]) -> None:
    kept = [r for r in schedule_rows if r["layak"] == "WFH" and r["moda"] == "WFO"]
    assert kept
    assert {r["klausul"] for r in kept} == {"butir 3"}
    assert all(r["alasan"].startswith("dibatasi butir 3") for r in kept)


def test_the_rotation_is_fair_within_each_month(schedule_rows: list[dict[str, str]]) -> None:
    """Within an evaluation period (a month), eligible staff of a unit differ by at most one day."""
    eligible: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for row in schedule_rows:
        if row["layak"] == "WFH":
            key = (row["unit"], row["tanggal"][:7])
            eligible[key][row["nip"]] += row["moda"] == "WFH"
    assert eligible
    for key, days_home in eligible.items():
        spread = max(days_home.values()) - min(days_home.values())
        assert spread <= 1, (key, days_home)


def test_the_cap_counts_present_staff_only(tmp_path: Path) -> None:
    """Butir 3 counts the staff present that day: people on leave (cuti) are not counted."""
    bpkad = [r for r in read_csv(ROSTER / "pegawai.csv") if r["unit"] == "BPKAD"]
    away = [r["nip"] for r in bpkad if r["jenjang"] not in OFFICIALS][:4]
    leave = tmp_path / "cuti.csv"
    leave.write_text(
        "nip,mulai,sampai\n" + "".join(f"{nip},2026-05-07,2026-05-07\n" for nip in away),
        encoding="utf-8",
    )
    target = tmp_path / "jadwal.csv"
    code, _, err = cli(
        "schedule",
        str(RULES),
        "--roster",
        str(ROSTER),
        "--from",
        "2026-05-07",
        "--to",
        "2026-05-07",
        "--absences",
        str(leave),
        "--output",
        str(target),
    )
    assert code == 0, err
    modes = Counter(r["moda"] for r in read_csv(target) if r["unit"] == "BPKAD")
    present = len(bpkad) - len(away)
    assert modes["CUTI"] == len(away)
    assert modes["WFH"] == present // 2  # 50% of 22 present, not of 26 on the roster
    assert modes["WFO"] == present - present // 2


# ------------------------------------------------------------ edaran run
def test_run_decides_the_first_evaluation_period(tmp_path: Path) -> None:
    target = tmp_path / "keputusan.csv"
    code, out, err = cli("run", str(EXAMPLE), "--output", str(target))
    assert code == 0, out + err
    written = RULES.read_text(encoding="utf-8").count('\ncontoh "')
    assert f"{written} passed, 0 failed" in out
    rows = read_csv(target)
    staff = len(read_csv(ROSTER / "pegawai.csv"))
    # evaluasi setiap 1 bulan: the first period is May 2026.
    assert len(rows) == staff * 31
    # The circular has a cap (batas): the main job writes the schedule.
    assert {r["tanggal"][:7] for r in rows} == {"2026-05"}
    assert {r["moda"] for r in rows} == {"WFO", "WFH", "LIBUR"}
