"""Dates as circulars write them: Hijri dates and dates relative to a named holiday.

Hijri dates are converted with ``hijridate`` (the Umm al-Qura calendar, years
1343-1500 H).  The government's own sidang isbat may start a month a day
apart from Umm al-Qura; a rule file pins such a month (``isbat``), and every
date of that month moves with the pin (:class:`HijriCalendar`).

Named holidays (``Idul Fitri``) are looked up in the national holiday data
(:mod:`edaran.model.calendar`) and in the closures a rule file declares; the
file's own closures come first, so that a file overrides the data by
declaring the holiday itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import attrs
import hijridate

from edaran.model import calendar

__all__ = [
    "HIJRI_HOLIDAYS",
    "HIJRI_MONTHS",
    "HijriCalendar",
    "HijriProblem",
    "HolidayRun",
    "find_holiday",
    "hijri_month",
    "hijri_year_of",
    "holiday_names",
    "near_holiday",
    "normalise",
    "shift_days",
]

#: The months of the Hijri year as Indonesian circulars spell them (the first
#: spelling is the one messages show), with the other spellings in use.
HIJRI_MONTHS: tuple[tuple[str, ...], ...] = (
    ("Muharam", "Muharram", "Suro", "Sura"),
    ("Safar", "Sapar", "Shafar"),
    ("Rabiulawal", "Rabiul Awal", "Rabi'ul Awal", "Rabiul Awwal", "Rabi al-Awwal", "Mulud"),
    ("Rabiulakhir", "Rabiul Akhir", "Rabi'ul Akhir", "Rabiul Tsani", "Rabi al-Thani"),
    ("Jumadilawal", "Jumadil Awal", "Jumadil Ula", "Jumada al-Ula", "Jumada al-Awwal"),
    (
        "Jumadilakhir",
        "Jumadil Akhir",
        "Jumadil Tsani",
        "Jumada al-Akhirah",
        "Jumada al-Thani",
    ),
    ("Rajab",),
    ("Syakban", "Syaban", "Sya'ban", "Shaban", "Sha'ban", "Ruwah"),
    ("Ramadan", "Ramadhan", "Ramazan", "Pasa"),
    ("Syawal", "Syawwal", "Shawwal", "Shawal"),
    ("Zulkaidah", "Dzulqaidah", "Dzulqa'dah", "Zulqaidah", "Dhu al-Qadah", "Dhul Qadah"),
    ("Zulhijah", "Dzulhijjah", "Zulhijjah", "Dhu al-Hijjah", "Dhul Hijjah", "Besar"),
)


def normalise(word: str) -> str:
    """A name without case, spaces, apostrophes or hyphens: ``Rabi'ul Awal`` -> ``rabiulawal``."""
    return re.sub(r"[\s'’`\-]+", "", word).casefold()


_MONTH_NUMBERS = {normalise(s): i for i, names in enumerate(HIJRI_MONTHS, 1) for s in names}


def hijri_month(name: str) -> int | None:
    """The number (1-12) of a Hijri month in any spelling :data:`HIJRI_MONTHS` knows."""
    return _MONTH_NUMBERS.get(normalise(name))


#: The years ``hijridate`` converts (its Umm al-Qura table).
FIRST_YEAR, LAST_YEAR = 1343, 1500


@attrs.frozen
class HijriProblem(Exception):
    """Why a Hijri date has no Gregorian day: ``year`` out of the table, or ``day`` past the month.

    ``limit`` is the length of the month (``day``) or the range of years (``year``).
    """

    what: str
    limit: str


class HijriCalendar:
    """Umm al-Qura, with the months a rule file pins to the government's isbat.

    ``pins`` maps ``(year, month)`` to the Gregorian date of the month's first day.
    """

    def __init__(self, pins: dict[tuple[int, int], dt.date] | None = None) -> None:
        self.pins = dict(pins or {})

    @staticmethod
    def umm_al_qura(year: int, month: int, day: int) -> dt.date:
        """The Gregorian day of a Hijri date by Umm al-Qura; :class:`HijriProblem` if none."""
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise HijriProblem("year", f"{FIRST_YEAR}-{LAST_YEAR}")
        length = hijridate.Hijri(year, month, 1).month_length()
        if not 1 <= day <= length:
            raise HijriProblem("day", str(length))
        found = hijridate.Hijri(year, month, day).to_gregorian()
        # hijridate's Gregorian is a subclass of date: keep plain dates everywhere.
        return dt.date(found.year, found.month, found.day)

    def to_gregorian(self, year: int, month: int, day: int) -> dt.date:
        """The Gregorian day of ``day`` ``month`` ``year`` H, after any pin of its month.

        A pinned month keeps Umm al-Qura's length: a day past it is still refused,
        so that a date does not slide into the next month unnoticed.
        """
        umm = self.umm_al_qura(year, month, day)
        first = self.pins.get((year, month))
        if first is None:
            return umm
        return first + dt.timedelta(days=day - 1)


def hijri_year_of(day: dt.date) -> int:
    """The Hijri year (Umm al-Qura) holding a Gregorian day."""
    return int(hijridate.Gregorian(day.year, day.month, day.day).to_hijri().year)


@attrs.frozen
class HolidayRun:
    """The consecutive days of one named holiday: its first and last day and its name."""

    first: dt.date
    last: dt.date
    name: str


def _national(year: int) -> dict[dt.date, str]:
    return dict(calendar.public_holidays(year))


def _matches(wanted: str, name: str, exact: bool) -> bool:
    # 'Idul Fitri' matches 'Hari Raya Idul Fitri (perkiraan)'; case and spaces do not count.
    if exact:
        return normalise(wanted) == normalise(name)
    return normalise(wanted) in normalise(name)


def _runs(days: dict[dt.date, str], wanted: str, exact: bool = False) -> list[HolidayRun]:
    runs: list[HolidayRun] = []
    for day in sorted(d for d, name in days.items() if _matches(wanted, name, exact)):
        if runs and day - runs[-1].last == dt.timedelta(days=1):
            runs[-1] = attrs.evolve(runs[-1], last=day)
        else:
            runs.append(HolidayRun(day, day, days[day]))
    return runs


def find_holiday(
    wanted: str,
    years: Iterable[int],
    closures: Iterable[tuple[dt.date, dt.date, str]] = (),
    *,
    hijri_year: int | None = None,
) -> HolidayRun | None:
    """The first run of days named ``wanted`` in the Gregorian ``years``.

    The rule file's ``closures`` come first: a file that declares the holiday
    under the name it is referred by overrides the national data.  In the
    national data a part of the name is enough (``Idul Fitri`` finds ``Hari
    Raya Idul Fitri``).  With ``hijri_year``, only a run that starts
    in that Hijri year counts (``Idul Fitri 1448 H``).
    """
    years = tuple(years)
    for source in ("closures", "national"):
        days: dict[dt.date, str] = {}
        if source == "closures":
            for first, last, name in closures:
                if first.year in years or last.year in years:
                    for i in range((last - first).days + 1):
                        days[first + dt.timedelta(days=i)] = name
        else:
            for year in years:
                days.update(_national(year))
        # A closure of the file counts under its own name only: 'Cuti Idul Fitri tambahan'
        # is not Idul Fitri.
        for run in _runs(days, wanted, exact=source == "closures"):
            if run.first.year not in years and hijri_year is None:
                continue
            if hijri_year is not None and hijri_year_of(run.first) != hijri_year:
                continue
            return run
    return None


def holiday_names(
    years: Iterable[int], closures: Iterable[tuple[dt.date, dt.date, str]]
) -> list[str]:
    """Every holiday name of ``years`` (for "did you mean"), without the data's '(perkiraan)'."""
    years = tuple(years)
    names: dict[str, None] = {}
    for first, _last, name in closures:
        if first.year in years:
            names[name] = None
    for year in years:
        for name in _national(year).values():
            plain = re.sub(r"\s*\([^)]*\)$", "", name)
            # 'Idul Fitri' is how circulars name 'Hari Raya Idul Fitri'.
            names[plain.removeprefix("Hari Raya ")] = None
    return list(names)


#: Holidays of the national data that fall on a fixed Hijri date: (month, day) -> name.
HIJRI_HOLIDAYS = {
    (1, 1): "Tahun Baru Islam",
    (3, 12): "Maulid Nabi Muhammad",
    (7, 27): "Isra Mikraj",
    (10, 1): "Idul Fitri",
    (12, 10): "Idul Adha",
}


def near_holiday(wanted: str, day: dt.date, reach: int) -> HolidayRun | None:
    """The national holiday named ``wanted`` within ``reach`` days of ``day``, if any."""
    span = dt.timedelta(days=reach)
    years = sorted({(day - span).year, (day + span).year})
    days: dict[dt.date, str] = {}
    for year in years:
        days.update(_national(year))
    for run in _runs(days, wanted):
        if abs((run.first - day).days) <= reach:
            return run
    return None


def shift_days(
    start: HolidayRun,
    count: int,
    after: bool,
    working: bool,
    work_calendar: calendar.WorkCalendar,
) -> dt.date | None:
    """The ``count``-th day (working day when ``working``) after or before a holiday.

    After counts from the holiday's last day, before from its first.  Working
    days skip weekends of the circular's working week, holidays, cuti bersama
    and the file's closures.  None when a year passes without the working
    days asked for (a working week with no day in it).
    """
    step = dt.timedelta(days=1 if after else -1)
    day = start.last if after else start.first
    if not working:
        return day + step * count
    found = 0
    idle = 0
    while found < count:
        day += step
        if work_calendar.day(day).hari_kerja:
            found, idle = found + 1, 0
        else:
            idle += 1
            if idle > 366:
                return None
    return day
