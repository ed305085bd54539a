"""Attendance duties: an attendance log into breaches (``kewajiban ... presensi ...``).

One pass over the log, event by event (it may be a stream of millions): each
event of a duty's kind is placed against the duty's window on its day, in the
circular's zone, and the best placement of each (person, day, duty) is kept:

1. ``ok``: within the window (and within the radius, when the duty has one);
2. ``outside-radius``: within the window, but farther than the radius from
   the person's registered address, or without a location;
3. ``late``: after the window closed, that day;
4. ``outside-window``: before the window opened, that day;
5. ``missing``: no event of that kind that day.

Memory grows with the (person, day) pairs of the log, never with its events.
Then every person, on every day of the run, for every attendance duty that
holds for them (their mode that day is one of its modes, its conditions hold,
they are in post and not on leave) gives one breach unless the best placement
is ``ok``; a duty with ``diverifikasi atasan`` also gives ``unverified`` when
no verification of the person was recorded after the event, that day or the
next.  The result does not depend on the order of the log, and an event
written twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from edaran.engine.circular import Circular
from edaran.lang import ir
from edaran.model.attendance import Attendance, distance_m
from edaran.model.calendar import zone as time_zone
from edaran.model.workforce import Absence

__all__ = ["KINDS", "AttendanceBreach", "AttendanceRun"]

#: The kinds of attendance breaches, from the best placement to the worst.
KINDS = ("ok", "outside-radius", "late", "outside-window", "missing")
_OK, _RADIUS, _LATE, _EARLY, _MISSING = range(5)

#: One breach before it is a :class:`~edaran.discipline.Breach`:
#: (duty, kind, nip, day, time, event id)
AttendanceBreach = tuple[ir.DutyIR, str, str, dt.date, dt.datetime, str]


class _Best:
    """The best placement of one (person, day, duty) so far."""

    __slots__ = ("at", "code", "event")

    def __init__(self, code: int, at: dt.datetime, event: str) -> None:
        self.code = code
        self.at = at
        self.event = event


class _Log:
    """What one pass over the log keeps: best placements and verification times."""

    def __init__(self, duties: Sequence[ir.DutyIR], people: Mapping[str, Any], zone: Any) -> None:
        self.zone = zone
        self.by_kind: dict[str, list[tuple[int, ir.DutyIR]]] = defaultdict(list)
        for index, duty in enumerate(duties):
            assert duty.attendance is not None
            self.by_kind[duty.attendance].append((index, duty))
        self.people = people
        self.best: dict[tuple[str, dt.date, int], _Best] = {}
        self.verified: dict[tuple[str, dt.date], dt.datetime] = {}  # the latest that day
        self.homes: dict[str, tuple[float, float] | None] = {}
        self.days: set[dt.date] = set()

    def home(self, nip: str, prefix: str) -> tuple[float, float] | None:
        key = f"{nip}\x00{prefix}"
        if key not in self.homes:
            person = self.people.get(nip)
            lat = getattr(person, f"{prefix}_lat", None)
            lon = getattr(person, f"{prefix}_lon", None)
            self.homes[key] = None if lat is None or lon is None else (float(lat), float(lon))
        return self.homes[key]

    def read(self, events: Iterable[Attendance]) -> None:
        zone, by_kind, best = self.zone, self.by_kind, self.best
        for event in events:
            at = event.waktu.astimezone(zone)
            day = at.date()
            self.days.add(day)
            kind = event.jenis.value
            if kind == "verifikasi":
                key = (event.nip, day)
                seen = self.verified.get(key)
                if seen is None or at > seen:
                    self.verified[key] = at
            for index, duty in by_kind.get(kind, ()):
                code = self._place(duty, event, at)
                slot = (event.nip, day, index)
                found = best.get(slot)
                if found is None or (code, at) < (found.code, found.at):
                    best[slot] = _Best(code, at, event.id)

    def _place(self, duty: ir.DutyIR, event: Attendance, at: dt.datetime) -> int:
        if duty.window is not None:
            time = at.time()
            if time < duty.window[0]:
                return _EARLY
            if time > duty.window[1]:
                return _LATE
        if duty.radius_m is None or duty.address is None:
            return _OK
        home = self.home(event.nip, duty.address)
        if home is None:
            return _OK  # no registered address: the radius cannot be checked (W615)
        if event.lat is None or event.lon is None:
            return _RADIUS
        far = distance_m(event.lat, event.lon, *home) > float(duty.radius_m)
        return _RADIUS if far else _OK


def _range(days: Iterable[dt.date], first: dt.date | None, last: dt.date | None) -> list[dt.date]:
    seen = sorted(days)
    start = first or (seen[0] if seen else None)
    end = last or (seen[-1] if seen else None)
    if start is None or end is None:
        return []
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


class AttendanceRun:
    """One attendance log read against a circular's attendance duties (one pass).

    ``count`` is the number of events read; after :meth:`breaches`,
    ``homeless`` lists the NIPs whose radius could not be checked (no address).
    """

    def __init__(
        self, circular: Circular, employees: Sequence[Any], events: Iterable[Attendance]
    ) -> None:
        self.circular = circular
        self.employees = employees
        self.duties = [d for d in circular.program.duties if d.attendance is not None]
        self.zone = time_zone(circular.program.header.timezone)
        self.log = _Log(self.duties, {e.nip: e for e in employees}, self.zone)
        counter = _Counting(events)
        self.log.read(counter)
        self.count = counter.count
        self.homeless: list[str] = []
        #: duty id -> NIP -> the days the duty held for the person and was met
        self.met: dict[str, dict[str, set[dt.date]]] = defaultdict(lambda: defaultdict(set))

    def days(self, first: dt.date | None, last: dt.date | None) -> list[dt.date]:
        """The days judged: ``first`` (else the log's first day) to ``last`` (else its last)."""
        return _range(self.log.days, first, last) if self.duties else []

    def breaches(
        self,
        mode: Callable[[Any, dt.date], str | None],
        *,
        first: dt.date | None = None,
        last: dt.date | None = None,
        absences: Sequence[Absence] = (),
    ) -> list[AttendanceBreach]:
        """Every breach, day by day, person by person, duty by duty (file order).

        ``mode(employee, day)`` is the person's work mode that day (the
        discipline engine's: the schedule's when the circular has caps).
        """
        leave: dict[str, list[Absence]] = defaultdict(list)
        for absence in absences:
            leave[absence.nip].append(absence)
        found: list[AttendanceBreach] = []
        homeless: set[str] = set()
        for day in self.days(first, last):
            version = self.circular.in_force(day)
            calendar = version.calendar.day(day)
            for employee in self.employees:
                if not _in_post(employee, day) or any(
                    a.first <= day <= a.last for a in leave.get(employee.nip, ())
                ):
                    continue
                for index, duty in enumerate(self.duties):
                    if not _holds(version, duty, employee, day, calendar, mode):
                        continue
                    if (
                        duty.address is not None
                        and self.log.home(employee.nip, duty.address) is None
                    ):
                        homeless.add(employee.nip)
                    judged = list(_judge(self.log, duty, index, employee.nip, day, self.zone))
                    if judged:
                        found.extend(judged)
                    else:
                        self.met[duty.id][employee.nip].add(day)
        self.homeless = sorted(homeless)
        return found


class _Counting:
    """An iterable that counts what passes through it."""

    def __init__(self, events: Iterable[Attendance]) -> None:
        self.events = events
        self.count = 0

    def __iter__(self) -> Iterator[Attendance]:
        for event in self.events:
            self.count += 1
            yield event


def _in_post(employee: Any, day: dt.date) -> bool:
    start, end = getattr(employee, "mulai_tugas", None), getattr(employee, "selesai_tugas", None)
    return not ((start is not None and day < start) or (end is not None and day > end))


def _holds(
    version: Circular, duty: ir.DutyIR, employee: Any, day: dt.date, calendar: Any, mode: Any
) -> bool:
    decided = mode(employee, day)
    if decided is None or decided not in duty.modes:
        return False
    if duty.condition is None:
        return True
    facts = {"pegawai": employee, "kalender": calendar}
    return version.interpreter.evaluate(duty.condition, facts, day) is True


def _judge(
    log: _Log, duty: ir.DutyIR, index: int, nip: str, day: dt.date, zone: Any
) -> Iterator[AttendanceBreach]:
    best = log.best.get((nip, day, index))
    if best is None:
        end = duty.window[1] if duty.window is not None else dt.time(23, 59, 59)
        yield (duty, "missing", nip, day, dt.datetime.combine(day, end, tzinfo=zone), "")
        return
    if best.code != _OK:
        yield (duty, KINDS[best.code], nip, day, best.at, best.event)
        return
    if duty.verified:
        today = log.verified.get((nip, day))
        tomorrow = log.verified.get((nip, day + dt.timedelta(days=1)))
        if not ((today is not None and today >= best.at) or tomorrow is not None):
            yield (duty, "unverified", nip, day, best.at, best.event)
