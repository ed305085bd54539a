"""Attendance logs (presensi): :mod:`edaran.io.attendance`.

The small logs under ``tests/data/attendance/`` are read against the roster of
the contact logs; every kind of problem has a golden rendering in both
languages (``tests/golden/attendance/``).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from edaran.core import Severity, render_all
from edaran.io import Roster, load_roster
from edaran.io.attendance import AttendanceProblems, iter_attendance, read_attendance
from edaran.model import Attendance, AttendanceKind, distance_m
from golden import check_golden
from paths import REPO

DATA = "tests/data/attendance"
WIB = ZoneInfo("Asia/Jakarta")
ANDI = "197501012000031001"


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


@pytest.fixture(scope="module")
def roster() -> Roster:
    return load_roster(REPO / "tests/data/contacts/roster")


def _at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=WIB)


def test_a_good_csv_log(roster: Roster) -> None:
    events, found = read_attendance(f"{DATA}/presensi.csv", tz=WIB, roster=roster)
    assert found == []
    assert [(e.id, e.nip, e.jenis) for e in events] == [
        ("P1", ANDI, AttendanceKind.MASUK),
        ("P2", ANDI, AttendanceKind.PULANG),
        ("P3", ANDI, AttendanceKind.LAPORAN),
        ("P4", "198203102008012002", AttendanceKind.MASUK),
        ("P5", "196805121994031002", AttendanceKind.VERIFIKASI),
    ]
    assert events[0] == Attendance(
        ANDI, AttendanceKind.MASUK, _at("2026-04-10 07:45"), -2.9761, 104.7754, "P1"
    )
    assert events[2].lat is None and events[2].lon is None
    assert events[4].waktu == _at("2026-04-10 17:00")


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(
    "name", ["presensi-bad.csv", "presensi.jsonl", "presensi-no-time.csv", "tidak-ada.csv"]
)
def test_bad_logs_golden(roster: Roster, name: str, lang: str) -> None:
    _, found = read_attendance(f"{DATA}/{name}", tz=WIB, roster=roster)
    assert all(d.severity is Severity.ERROR for d in found)
    check_golden(f"attendance/{name.replace('.', '-')}.{lang}.txt", render_all(found, lang))


def test_bad_rows_are_left_out_and_the_rest_read(roster: Roster) -> None:
    events, found = read_attendance(f"{DATA}/presensi-bad.csv", tz=WIB, roster=roster)
    assert [e.id for e in events] == ["B7"]  # "-2,9761": a decimal comma is read
    assert events[0].lat == -2.9761
    codes = [(d.code, d.span.line if d.span else None) for d in found]
    assert codes == [
        ("D041", 2), ("D101", 3), ("D043", 4), ("D102", 5), ("D103", 6), ("D020", 7)
    ]  # fmt: skip


def test_skipping_bad_rows_makes_warnings_and_counts_them(roster: Roster) -> None:
    _, found = read_attendance(
        f"{DATA}/presensi-bad.csv", tz=WIB, roster=roster, skip_bad_rows=True
    )
    assert {d.severity for d in found} == {Severity.WARNING}
    assert found[-1].code == "D106" and found[-1].args == {"count": 6}


def test_jsonl_with_english_keys(roster: Roster) -> None:
    events, found = read_attendance(f"{DATA}/presensi.jsonl", tz=WIB, roster=roster)
    assert [(e.id, e.jenis) for e in events] == [
        ("J1", AttendanceKind.MASUK), ("J2", AttendanceKind.LAPORAN)
    ]  # fmt: skip
    assert [d.code for d in found] == ["D104", "D104"]


def test_excel_log(tmp_path: Path, roster: Roster) -> None:
    openpyxl = pytest.importorskip("openpyxl")  # the excel extra is part of [test]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["NIP", "Jenis", "Waktu", "Lat", "Lon"])
    sheet.append([ANDI, "Masuk", dt.datetime(2026, 4, 10, 7, 40), -2.9761, 104.7754])
    sheet.append([ANDI, "laporan", "2026-04-10 15:00", None, None])
    path = tmp_path / "presensi.xlsx"
    book.save(path)
    events, found = read_attendance(path, tz=WIB, roster=roster)
    assert found == []
    assert [(e.jenis, e.waktu) for e in events] == [
        (AttendanceKind.MASUK, _at("2026-04-10 07:40")),
        (AttendanceKind.LAPORAN, _at("2026-04-10 15:00")),
    ]


def test_the_reader_streams(tmp_path: Path) -> None:
    path = tmp_path / "presensi.csv"
    path.write_text(
        "nip,jenis,waktu\n" + "".join(f"{i},masuk,2026-04-10 07:{i % 60:02d}\n" for i in range(50)),
        encoding="utf-8",
    )
    problems = AttendanceProblems()
    events = iter_attendance(path, tz=WIB, problems=problems)
    first = next(events)  # a generator: one event read, the rest not yet
    assert first.nip == "0" and first.waktu == _at("2026-04-10 07:00")
    assert sum(1 for _ in events) == 49


def test_haversine_distance() -> None:
    assert distance_m(0.0, 0.0, 0.0, 0.0) == 0.0
    # one degree of latitude is about 111.2 km on the mean sphere
    assert math.isclose(distance_m(0.0, 0.0, 1.0, 0.0), 111_195.08, rel_tol=1e-6)
    # Palembang to Jakarta: about 425 km
    assert 420_000 < distance_m(-2.9761, 104.7754, -6.2088, 106.8456) < 430_000


@given(st.text(max_size=200))
def test_no_line_makes_the_reader_raise(text: str) -> None:
    for header in ("nip,jenis,waktu,lat,lon\n", ""):
        problems = AttendanceProblems()
        rows = [json.dumps({"nip": "1", "jenis": "masuk", "waktu": text})]
        path = _write(header + text + "\n" + "\n".join(rows))
        try:
            list(iter_attendance(path, tz=WIB, problems=problems))
        finally:
            path.unlink()
        assert all(d.span is None or d.span.line >= 1 for d in problems.all())


def _write(text: str) -> Path:
    import tempfile

    descriptor, name = tempfile.mkstemp(suffix=".csv")
    with open(descriptor, "w", encoding="utf-8", errors="surrogatepass") as handle:
        handle.write(text)
    return Path(name)
