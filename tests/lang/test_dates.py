"""Dates as circulars write them: Hijri dates, isbat pins, dates relative to a holiday."""

from __future__ import annotations

import datetime as dt

import hijridate
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edaran.core import Diagnostic
from edaran.engine import Circular
from edaran.lang import check, check_or_raise, ir, parse
from edaran.model import dates as hd

HEADER = 'surat_edaran "1/2027":\n    berlaku 2027-01-01\n'


def day_of(date_text: str, before: str = "") -> dt.date:
    """The day a date literal names, read in a condition of a checked file."""
    text = (
        HEADER
        + before
        + f'\nbutir 1 "x":\n    moda_kerja adalah WFH\n    jika tanggal adalah {date_text}\n'
        + 'butir 2 "y", bawaan:\n    moda_kerja adalah WFO\n'
    )
    program = check_or_raise(parse(text))
    condition = program.rules[0].condition
    assert isinstance(condition, ir.Op)
    const = condition.args[1]
    assert isinstance(const, ir.Const)
    assert isinstance(const.value, dt.date)
    return const.value


def problems(text: str) -> list[Diagnostic]:
    return check(parse(text))[1]


# ------------------------------------------------------------------ Hijri
@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("1 Syawal 1447 H", dt.date(2026, 3, 20)),
        ("1 Syawwal 1447 H", dt.date(2026, 3, 20)),
        ("1 Shawwal 1447 AH", dt.date(2026, 3, 20)),
        ("1 Ramadhan 1447 H", dt.date(2026, 2, 18)),
        ("10 Dzulhijjah 1447 H", dt.date(2026, 5, 27)),
        ("10 Zulhijah 1447H", dt.date(2026, 5, 27)),
        ("12 Rabiul Awal 1448 H", dt.date(2026, 8, 25)),
        ("12 Rabi'ul Awal 1448 H", dt.date(2026, 8, 25)),
        ("1 Muharram 1448 H", dt.date(2026, 6, 16)),
    ],
)
def test_hijri_dates_are_umm_al_qura(written: str, expected: dt.date) -> None:
    assert day_of(written) == expected


@settings(max_examples=200, deadline=None)
@given(
    year=st.integers(hd.FIRST_YEAR, hd.LAST_YEAR),
    month=st.integers(1, 12),
    day=st.integers(1, 29),
)
def test_every_hijri_month_spelling_converts_like_hijridate(
    year: int, month: int, day: int
) -> None:
    for spelling in hd.HIJRI_MONTHS[month - 1]:
        assert hd.hijri_month(spelling) == month
    calendar = hd.HijriCalendar()
    try:
        expected = hijridate.Hijri(year, month, day).to_gregorian()
    except ValueError:
        # A month shorter than 29 days in the early Umm al-Qura table (Ramadan 1343 H
        # has 28): no such date, and the calendar says so too.
        with pytest.raises(hd.HijriProblem):
            calendar.to_gregorian(year, month, day)
        return
    assert calendar.to_gregorian(year, month, day) == expected
    back = hijridate.Gregorian(expected.year, expected.month, expected.day).to_hijri()
    assert (back.year, back.month, back.day) == (year, month, day)


def test_hijri_dates_are_allowed_wherever_a_date_is() -> None:
    text = """\
surat_edaran "1/2026":
    ditetapkan 29 Ramadan 1447 H
    berlaku 1 Syawal 1447 H sampai 29 Syawal 1447 H

isbat 1 Syawal 1447 H adalah 2026-03-21

parameter HARI_WFH: hari = Jumat
    mulai 8 Syawal 1447 H: Kamis

hari_libur 9 Syawal 1447 H "Halalbihalal"

butir 1 "WFH":
    moda_kerja adalah WFH
    jika hari adalah HARI_WFH

butir 2 "bawaan", bawaan:
    moda_kerja adalah WFO

contoh "Kamis 2 Syawal menurut isbat":
    tanggal adalah 2 Syawal 1447 H
    maka moda_kerja adalah LIBUR
"""
    program = check_or_raise(parse(text))
    assert program.header.signed == dt.date(2026, 3, 18)
    # 1 Syawal pinned to the government's 2026-03-21: the whole month moves by a day.
    assert program.header.effective_from == dt.date(2026, 3, 21)
    assert program.header.effective_until == dt.date(2026, 4, 18)
    assert program.holidays == ((dt.date(2026, 3, 29), dt.date(2026, 3, 29), "Halalbihalal"),)
    assert [d for d, _ in program.params["HARI_WFH"]] == [None, dt.date(2026, 3, 28)]


def test_an_isbat_moves_its_month_only() -> None:
    pin = "isbat 1 Syawal 1447 H adalah 2026-03-21\n"
    assert day_of("2 Syawal 1447 H", pin) == dt.date(2026, 3, 22)
    # Ramadan keeps Umm al-Qura's 30 days (18 February to 19 March): a pin moves its month only.
    assert day_of("29 Ramadan 1447 H", pin) == dt.date(2026, 3, 18)
    assert type(day_of("29 Ramadan 1447 H", pin)) is dt.date
    assert day_of("1 Syawal 1448 H", pin) == dt.date(2027, 3, 9)
    # Any day of the month pins it.
    assert day_of("1 Syawal 1447 H", "isbat 3 Syawal 1447 H adalah 2026-03-23\n") == dt.date(
        2026, 3, 21
    )


def test_a_hijri_holiday_off_the_holiday_data_is_warned_about_once_unpinned() -> None:
    text = HEADER.replace("2027-01-01", "1 Syawal 1447 H")
    (warning,) = problems(text)
    assert warning.code == "W190"
    assert warning.args["date"] == "2026-03-20"
    assert warning.args["data_date"] == "2026-03-21"
    assert warning.notes == (
        ("note-isbat-line", {"month": "Syawal", "year": 1447, "date": "2026-03-21"}),
    )
    assert problems(text + "isbat 1 Syawal 1447 H adalah 2026-03-21\n") == []
    # An ordinary day of the month is not a holiday: nothing to warn about.
    assert problems(HEADER.replace("2027-01-01", "5 Syawal 1447 H")) == []


@pytest.mark.parametrize(
    ("written", "code", "marked"),
    [
        ("29 Ramadhaan 1448 H", "E190", "Ramadhaan"),
        ("30 Syawal 1447 H", "E191", "30"),
        ("1 Syawal 1600 H", "E192", "1600"),
        ("hari kerja ke-2 setelah Idul Fitrah 2027", "E193", "Idul Fitrah"),
        ("hari ke-0 sebelum Idul Adha 2027", "E194", "0"),
        ("hari ke-1 setelah Idul Fitri 1700 H", "E192", "1700"),
        ("hari ke-1 setelah Idul Fitri 1800", "E193", "Idul Fitri"),
    ],
)
def test_bad_dates_are_marked_where_they_are_wrong(written: str, code: str, marked: str) -> None:
    text = (
        HEADER + f'\nbutir 1 "x":\n    moda_kerja adalah WFH\n    jika tanggal adalah {written}\n'
    )
    found = [d for d in problems(text) if d.code != "W306"]
    assert [d.code for d in found] == [code]
    span = found[0].span
    assert span is not None and span.source is not None
    assert span.source.text[span.start : span.end] == marked


def test_an_unknown_month_suggests_the_closest() -> None:
    (problem,) = problems(HEADER.replace("2027-01-01", "5 Safarr 1448 H"))
    assert problem.code == "E190"
    assert problem.suggestions == ("Safar",)


# --------------------------------------------------------------- relative
@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # Idul Fitri 2027 in the data: 10 and 11 March; cuti bersama 12 and 15 March.
        ("hari kerja ke-1 setelah Idul Fitri 2027", dt.date(2027, 3, 16)),
        ("hari kerja ke-2 setelah Idul Fitri 2027", dt.date(2027, 3, 17)),
        ("working day 2 after Idul Fitri 2027", dt.date(2027, 3, 17)),
        ("hari ke-1 setelah Idul Fitri 2027", dt.date(2027, 3, 12)),
        ("day 3 after Hari Raya Idul Fitri 2027", dt.date(2027, 3, 14)),
        # 9 March is cuti bersama, 8 March Nyepi: the working day before is Friday 5 March.
        ("hari kerja ke-1 sebelum Idul Fitri 2027", dt.date(2027, 3, 5)),
        ("hari ke-1 sebelum Idul Fitri 2027", dt.date(2027, 3, 9)),
        ("hari ke-1 sebelum idul adha 1448 H", dt.date(2027, 5, 16)),
        ("hari kerja ke-1 setelah Natal 2026", dt.date(2026, 12, 28)),
    ],
)
def test_relative_dates_count_from_the_holiday_data(written: str, expected: dt.date) -> None:
    assert day_of(written) == expected


def test_relative_dates_follow_the_files_working_week_and_closures() -> None:
    saturday = "pekan_kerja Senin, Selasa, Rabu, Kamis, Jumat, Sabtu\n"
    assert day_of("hari kerja ke-1 sebelum Idul Fitri 2027", saturday) == dt.date(2027, 3, 6)
    closed = 'hari_libur 2027-03-16 "Halalbihalal"\n'
    assert day_of("hari kerja ke-1 setelah Idul Fitri 2027", closed) == dt.date(2027, 3, 17)


def test_a_file_overrides_the_holiday_data_by_declaring_the_holiday() -> None:
    moved = 'hari_libur 2027-03-11 sampai 2027-03-12 "Idul Fitri"\n'
    # The file's own 'Idul Fitri' ends on 12 March: calendar day 1 after is 13 March.
    assert day_of("hari ke-1 setelah Idul Fitri 2027", moved) == dt.date(2027, 3, 13)
    # Another closure whose name only contains the words does not count.
    other = 'hari_libur 2027-03-22 "Cuti Idul Fitri tambahan"\n'
    assert day_of("hari ke-1 setelah Idul Fitri 2027", other) == dt.date(2027, 3, 12)


def test_relative_dates_decide_like_iso_dates() -> None:
    relative = HEADER + (
        '\nbutir 1 "x":\n    moda_kerja adalah WFH\n'
        "    jika tanggal adalah hari kerja ke-2 setelah Idul Fitri 2027\n"
        'butir 2 "y", bawaan:\n    moda_kerja adalah WFO\n'
    )
    iso = relative.replace("hari kerja ke-2 setelah Idul Fitri 2027", "2027-03-17")
    from edaran.model import Employee, PositionLevel, Unit, UnitKind

    unit = Unit("BKD", "Badan Kepegawaian Daerah", UnitKind.BADAN)
    person = Employee("199001012020011001", "Staf", unit, PositionLevel.PELAKSANA)
    for day in (dt.date(2027, 3, 16), dt.date(2027, 3, 17), dt.date(2027, 3, 18)):
        a = Circular.from_text(relative).decide(person, day).value
        b = Circular.from_text(iso).decide(person, day).value
        assert a == b


def test_a_child_isbat_replaces_its_parents(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    (folder / "induk.edaran").write_text(
        HEADER + "isbat 1 Syawal 1448 H adalah 2027-03-10\n"
        'butir 1 "y", bawaan:\n    moda_kerja adalah WFO\n',
        encoding="utf-8",
    )
    child = (
        'surat_edaran "2/2027":\n    memperluas "induk.edaran"\n    berlaku 2027-01-01\n'
        "isbat 2 Syawal 1448 H adalah 2027-03-10\n"
        'butir 3 "x":\n    moda_kerja adalah WFH\n    jika tanggal adalah 1 Syawal 1448 H\n'
    )
    (folder / "anak.edaran").write_text(child, encoding="utf-8")
    circular = Circular.load(folder / "anak.edaran")
    rule = next(r for r in circular.program.rules if r.id == "butir 3")
    assert isinstance(rule.condition, ir.Op)
    const = rule.condition.args[1]
    assert isinstance(const, ir.Const)
    assert const.value == dt.date(2027, 3, 9)
