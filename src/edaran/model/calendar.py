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

import holidays
from dateutil.relativedelta import relativedelta

from edaran.model.workforce import CalendarDay, Weekday

__all__ = ["WorkCalendar", "evaluation_period"]


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
        self.closures: dict[dt.date, str] = {}
        for first, last, name in closures:
            day = first
            while day <= last:
                self.closures.setdefault(day, name)
                day += dt.timedelta(days=1)
        self._cache: dict[dt.date, CalendarDay] = {}

    def day(self, date: dt.date) -> CalendarDay:
        """The calendar facts of ``date``."""
        cached = self._cache.get(date)
        if cached is not None:
            return cached
        public = _indonesia(date.year, "public").get(date, "")
        collective = _indonesia(date.year, "government").get(date, "")
        local = self.closures.get(date, "")
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
