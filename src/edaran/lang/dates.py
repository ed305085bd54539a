"""Reading a date literal: ISO, Hijri (``1 Syawal 1447 H``) or relative to a holiday.

Every date a rule file writes (header, parameters, closures, expressions,
examples) is read here, so the three forms are allowed wherever a date is.
Hijri months may be pinned to the government's isbat (``isbat`` lines, read
by :func:`edaran.lang.checks.dates.dates`); a relative date counts working
days on the circular's own calendar (its working week and its closures).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import hijridate

from edaran.core.diagnostics import Diagnostic, Severity, Span
from edaran.core.suggest import suggest
from edaran.messages import Localized
from edaran.model import dates as hd
from edaran.model.calendar import WorkCalendar

__all__ = ["HIJRI_TEXT", "RELATIVE_TEXT", "DateReader", "hijri_parts"]

HIJRI_TEXT = re.compile(r"^(\d{1,2})[ \t]+(.+?)[ \t]+(\d{1,4})[ \t]*A?H$")
RELATIVE_TEXT = re.compile(
    r"^(?P<kind>hari[ \t]+kerja|working[ \t]+day|hari|day)[ \t]+(?:ke-?)?(?P<count>\d+)[ \t]+"
    r"(?P<dir>setelah|sebelum|after|before)[ \t]+(?P<name>.+?)[ \t]+(?P<year>\d{1,4})"
    r"(?:[ \t]*(?P<hijri>A?H))?$"
)
#: The years of holiday data a relative date may ask for (the data holds no others).
HOLIDAY_YEARS = range(1950, 2101)


def hijri_parts(text: str) -> tuple[int, str, int] | None:
    """``(day, month as written, year)`` of a Hijri date's text, or None."""
    match = HIJRI_TEXT.match(text)
    if match is None:
        return None
    return int(match.group(1)), match.group(2), int(match.group(3))


def _sub(span: Span | None, text: str, start: int, end: int) -> Span | None:
    """The span of ``text[start:end]`` inside the span of ``text``."""
    if span is None or span.source is None or span.end - span.start != len(text):
        return span
    return span.source.span(span.start + start, span.start + end)


class DateReader:
    """Turns a date's text into a day, reporting what is wrong with it.

    ``calendar`` builds the circular's working calendar (working week and
    closures) the first time a relative date needs it.
    """

    def __init__(
        self,
        report: Callable[[Diagnostic], None],
        calendar: Callable[[], tuple[WorkCalendar, tuple[tuple[dt.date, dt.date, str], ...]]]
        | None = None,
    ) -> None:
        self.report = report
        self.hijri = hd.HijriCalendar()
        self._calendar_of = calendar
        self._calendar: tuple[WorkCalendar, tuple[tuple[dt.date, dt.date, str], ...]] | None = None

    def read(self, text: str, span: Span | None, *, quiet: bool = False) -> dt.date | None:
        """The day ``text`` names, or None after a diagnostic (none when ``quiet``)."""
        report = self.report
        if quiet:
            self.report = lambda d: None
        try:
            if HIJRI_TEXT.match(text):
                return self._hijri(text, span)
            if RELATIVE_TEXT.match(text):
                return self._relative(text, span)
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                self._error("E006", span, text=text, reason=Localized("literal.no-such-date"))
                return None
        finally:
            self.report = report

    def _error(
        self, code: str, span: Span | None, suggestions: tuple[str, ...] = (), **args: object
    ) -> None:
        self.report(Diagnostic(code, span, args, suggestions=suggestions))

    # ------------------------------------------------------------------ Hijri
    def hijri_date(self, text: str, span: Span | None) -> tuple[int, int, int] | None:
        """``(year, month, day)`` of a Hijri date with a known month, or None after E190."""
        match = HIJRI_TEXT.match(text)
        assert match is not None  # the grammar's HIJRI_DATE has this shape
        month = hd.hijri_month(match.group(2))
        if month is None:
            names = [names[0] for names in hd.HIJRI_MONTHS]
            spellings = [s for names in hd.HIJRI_MONTHS for s in names]
            guesses = suggest(match.group(2), spellings)
            canonical = tuple(dict.fromkeys(names[hd.hijri_month(g) - 1] for g in guesses))  # type: ignore[operator]  # a guess is a known spelling
            self._error(
                "E190",
                _sub(span, text, match.start(2), match.end(2)),
                canonical,
                name=match.group(2),
                months=", ".join(names),
            )
            return None
        return int(match.group(3)), month, int(match.group(1))

    def _hijri(self, text: str, span: Span | None) -> dt.date | None:
        match = HIJRI_TEXT.match(text)
        assert match is not None
        parts = self.hijri_date(text, span)
        if parts is None:
            return None
        year, month, day = parts
        try:
            found = self.hijri.to_gregorian(year, month, day)
        except hd.HijriProblem as problem:
            self._hijri_problem(problem, text, span, match, year, month, day)
            return None
        if (year, month) not in self.hijri.pins:
            self._against_holidays(text, span, month, day, found)
        return found

    def _against_holidays(
        self, text: str, span: Span | None, month: int, day: int, found: dt.date
    ) -> None:
        """W190 when the holiday data puts this date's holiday on another day (the isbat)."""
        name = hd.HIJRI_HOLIDAYS.get((month, day))
        if name is None:
            return
        near = hd.near_holiday(name, found, reach=3)
        if near is None or near.first == found:
            return
        first_of_month = near.first - dt.timedelta(days=day - 1)
        pin = {
            "month": hd.HIJRI_MONTHS[month - 1][0],
            "year": hd.hijri_year_of(found),
            "date": first_of_month.isoformat(),
        }
        args = {
            "text": text,
            "date": found.isoformat(),
            "holiday": near.name,
            "data_date": near.first.isoformat(),
        }
        self.report(
            Diagnostic(
                "W190", span, args, severity=Severity.WARNING, notes=(("note-isbat-line", pin),)
            )
        )

    def _hijri_problem(
        self,
        problem: hd.HijriProblem,
        text: str,
        span: Span | None,
        match: re.Match[str],
        year: int,
        month: int,
        day: int,
    ) -> None:
        if problem.what == "year":
            where = _sub(span, text, match.start(3), match.end(3))
            self._error("E192", where, year=year, first=hd.FIRST_YEAR, last=hd.LAST_YEAR)
        else:
            where = _sub(span, text, match.start(1), match.end(1))
            name = hd.HIJRI_MONTHS[month - 1][0]
            self._error("E191", where, text=text, month=name, year=year, length=problem.limit)

    # --------------------------------------------------------------- relative
    def _relative(self, text: str, span: Span | None) -> dt.date | None:
        match = RELATIVE_TEXT.match(text)
        assert match is not None
        count = int(match.group("count"))
        if count == 0:
            where = _sub(span, text, match.start("count"), match.end("count"))
            self._error("E194", where, text=text)
            return None
        year = int(match.group("year"))
        name = match.group("name")
        if match.group("hijri"):
            if not hd.FIRST_YEAR <= year <= hd.LAST_YEAR:
                where = _sub(span, text, match.start("year"), match.end("year"))
                self._error("E192", where, year=year, first=hd.FIRST_YEAR, last=hd.LAST_YEAR)
                return None
            first = hijridate.Hijri(year, 1, 1).to_gregorian().year
            last = hijridate.Hijri(year, 12, 1).to_gregorian().year
            years = tuple(range(first, last + 2))
            hijri_year: int | None = year
            shown = f"{year} H"
        else:
            years = (year,) if year in HOLIDAY_YEARS else ()
            hijri_year = None
            shown = str(year)
        work, closures = self._calendar_now()
        run = hd.find_holiday(name, years, closures, hijri_year=hijri_year) if years else None
        if run is None:
            where = _sub(span, text, match.start("name"), match.end("name"))
            known = hd.holiday_names(years, closures)
            self._error("E193", where, suggest(name, known), name=name, year=shown)
            return None
        working = match.group("kind").split()[0] in ("working",) or "kerja" in match.group("kind")
        after = match.group("dir") in ("setelah", "after")
        found = hd.shift_days(run, count, after, working, work)
        if found is None:
            self._error("E197", span, text=text)
        return found

    def _calendar_now(self) -> tuple[WorkCalendar, tuple[tuple[dt.date, dt.date, str], ...]]:
        if self._calendar is None:
            if self._calendar_of is None:
                self._calendar = (WorkCalendar(), ())
            else:
                self._calendar = self._calendar_of()
        return self._calendar
