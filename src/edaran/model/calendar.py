"""The working calendar: weekdays, Indonesian public holidays and cuti bersama.

Public holidays and collective leave days (cuti bersama) come from the
``holidays`` package (categories ``public`` and ``government`` for Indonesia),
which follows each year's joint ministerial decree.  A rule file adds its own
closures (``hari_libur``) and may change the working week (``pekan_kerja``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from importlib import metadata

import attrs
import holidays
from dateutil.relativedelta import relativedelta

from edaran.model.workforce import CalendarDay, Weekday

__all__ = [
    "WINDOW_KINDS",
    "ZONES",
    "Period",
    "Windows",
    "WorkCalendar",
    "collective_leave",
    "evaluation_period",
    "holidays_version",
    "months_of",
    "public_holidays",
    "zone",
]


@functools.cache
def _indonesia(year: int, category: str) -> dict[dt.date, str]:
    table = holidays.country_holidays("ID", years=year, categories=(category,), language="id")
    return dict(table)


class WorkCalendar:
    """Answers "what kind of day is this?" for one circular.

    ``closures`` are ``(first, last, name)`` ranges the circular declares;
    ``workweek`` holds the working weekdays as ``date.weekday()`` numbers.
    """

    def __init__(
        self,
        closures: Iterable[tuple[dt.date, dt.date, str]] = (),
        workweek: Iterable[int] = range(5),
        day_cls: type[CalendarDay] = CalendarDay,
    ) -> None:
        self.workweek = frozenset(workweek)
        self.day_cls = day_cls
        # Kept as ranges, never expanded day by day: a range may span the whole calendar.
        self.closures: tuple[tuple[dt.date, dt.date, str], ...] = tuple(closures)
        self._cache: dict[dt.date, CalendarDay] = {}

    def day(self, date: dt.date) -> CalendarDay:
        """The calendar facts of ``date``."""
        cached = self._cache.get(date)
        if cached is not None:
            return cached
        public = _indonesia(date.year, "public").get(date, "")
        collective = _indonesia(date.year, "government").get(date, "")
        local = next((name for first, last, name in self.closures if first <= date <= last), "")
        weekday = Weekday(date.weekday())
        off = bool(public or collective or local)
        day = self.day_cls(
            tanggal=date,
            hari=weekday,
            libur_nasional=bool(public),
            cuti_bersama=bool(collective),
            libur_daerah=bool(local),
            nama_libur=public or collective or local,
            hari_kerja=weekday.value in self.workweek and not off,
        )
        self._cache[date] = day
        return day

    def days(self, first: dt.date, last: dt.date) -> list[CalendarDay]:
        """Every day from ``first`` to ``last`` inclusive."""
        count = (last - first).days + 1
        return [self.day(first + dt.timedelta(days=i)) for i in range(max(0, count))]


def evaluation_period(start: dt.date, months: int, day: dt.date) -> tuple[int, dt.date, dt.date]:
    """The evaluation period holding ``day``: its 0-based index, first and last day.

    Periods of ``months`` months follow each other from ``start`` (the date in
    force); a day before ``start`` falls in the first.
    """
    delta = relativedelta(day, start)
    index = max(0, (delta.years * 12 + delta.months) // months)
    first = start + relativedelta(months=index * months)
    last = start + relativedelta(months=(index + 1) * months) - dt.timedelta(days=1)
    return index, first, last


#: Indonesia's three time zones, as a rule file names them (``zona_waktu WITA``).
ZONES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}


#: Indonesia keeps no daylight saving time: each zone is a fixed offset from UTC,
#: so no time-zone database is needed (Windows has none).
_OFFSETS = {"WIB": 7, "WITA": 8, "WIT": 9}


def zone(name: str) -> dt.tzinfo:
    """The time zone a rule file names (``WIB`` when it names none the checker knows)."""
    key = name if name in _OFFSETS else "WIB"
    return dt.timezone(dt.timedelta(hours=_OFFSETS[key]), key)


def holidays_version() -> str:
    """The installed version of the ``holidays`` package (it decides LIBUR on holidays)."""
    try:
        return metadata.version("holidays")
    except metadata.PackageNotFoundError:  # pragma: no cover - a dependency of edaran
        return "?"


def public_holidays(year: int) -> dict[dt.date, str]:
    """The public holidays of ``year`` in the installed ``holidays`` data, by date."""
    return dict(_indonesia(year, "public"))


def collective_leave(year: int) -> dict[dt.date, str]:
    """The cuti bersama of ``year`` in the installed ``holidays`` data (empty if it has none)."""
    return dict(_indonesia(year, "government"))


@attrs.frozen(cache_hash=True)
class Period:
    """A window of days: its number and its first and last day.

    For an evaluation period the number counts from 1 (the first period); for
    a month it is the month (4 = April), for a week the ISO week, for a day
    the day of the month.
    """

    number: int
    first: dt.date
    last: dt.date

    @property
    def label(self) -> str:
        """``2026-04-01..2026-05-31``."""
        return f"{self.first.isoformat()}..{self.last.isoformat()}"


#: The kinds of window a limit, quota, target or sanction counts in.
WINDOW_KINDS = ("hari", "minggu", "bulan", "periode")


class Windows:
    """The windows of one circular: days, ISO weeks, months and evaluation periods.

    Evaluation periods are ``months`` long, counted from ``start`` (the first
    version's date in force); a day before ``start`` falls in the first.  With
    ``months`` None there is one period, from ``start`` with no end (the
    scheduler's reading of a circular without ``evaluasi``; quotas and
    sanctions count months instead, and pass 1).  Each window is computed once
    per day and kind: many records and people share a day.
    """

    def __init__(self, start: dt.date, months: int | None) -> None:
        self.start = start
        self.months = months
        self._known: dict[tuple[str, dt.date], Period] = {}
        # One object per window, so that days of one window share it (cheap dict keys).
        self._same: dict[tuple[str, Period], Period] = {}

    def period(self, day: dt.date) -> Period:
        """The evaluation period holding ``day``."""
        return self.window("periode", day)

    def window(self, kind: str, day: dt.date) -> Period:
        """The window of ``kind`` (``hari``, ``minggu``, ``bulan``, ``periode``) holding ``day``."""
        key = (kind, day)
        found = self._known.get(key)
        if found is None:
            computed = self._compute(kind, day)
            found = self._known[key] = self._same.setdefault((kind, computed), computed)
        return found

    def _compute(self, kind: str, day: dt.date) -> Period:
        if kind == "periode":
            if self.months is None:
                return Period(1, min(self.start, day), dt.date.max)
            index, first, last = evaluation_period(self.start, self.months, day)
            return Period(index + 1, first, last)
        if kind == "bulan":
            first = day.replace(day=1)
            return Period(day.month, first, first + relativedelta(months=1) - dt.timedelta(days=1))
        if kind == "minggu":
            first = day - dt.timedelta(days=day.weekday())
            return Period(day.isocalendar()[1], first, first + dt.timedelta(days=6))
        if kind == "hari":
            return Period(day.day, day, day)
        raise ValueError(f"unknown kind of window: {kind!r}")

    def between(self, kind: str, first: dt.date, last: dt.date) -> list[Period]:
        """The windows of ``kind`` that overlap ``first``..``last``, in order."""
        found: list[Period] = []
        day = first
        while day <= last:
            span = self.window(kind, day)
            found.append(span)
            day = span.last + dt.timedelta(days=1)
        return found


def months_of(period: Period) -> list[dt.date]:
    """The first days of the months that start inside ``period``."""
    months = []
    month = period.first.replace(day=1)
    if month < period.first:
        month += relativedelta(months=1)
    while month <= period.last:
        months.append(month)
        month += relativedelta(months=1)
    return months
