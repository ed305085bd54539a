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
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from edaran.engine.circular import Circular
from edaran.lang import ir
from edaran.model.attendance import Attendance, AttendanceKind, distance_m
from edaran.model.calendar import zone as time_zone
from edaran.model.workforce import Absence

__all__ = ["KINDS", "AttendanceBreach", "AttendanceRun"]

#: The kinds of attendance breaches, from the best placement to the worst.
KINDS = ("ok", "outside-radius", "late", "outside-window", "missing")
_OK, _RADIUS, _LATE, _EARLY, _MISSING = range(5)

#: One breach before it is a :class:`~edaran.discipline.Breach`:
#: (duty, kind, nip, day, time, event id)
AttendanceBreach = tuple[ir.DutyIR, str, str, dt.date, dt.datetime, str]


class _Log:
    """What one pass over the log keeps: best placements and verification times."""

    def __init__(self, duties: Sequence[ir.DutyIR], people: Mapping[str, Any], zone: Any) -> None:
        self.zone = zone
        self.by_kind: dict[str, list[tuple[int, ir.DutyIR]]] = defaultdict(list)
        for index, duty in enumerate(duties):
            assert duty.attendance is not None
            self.by_kind[duty.attendance].append((index, duty))
        self.people = people
        #: (person, day, duty) -> (placement code, time, event id) of the best event so far
        self.best: dict[tuple[str, dt.date, int], tuple[int, dt.datetime, str]] = {}
        self.verified: dict[tuple[str, dt.date], dt.datetime] = {}  # the latest that day
        self.homes: dict[tuple[str, str], tuple[float, float] | None] = {}
        self.days: set[dt.date] = set()

    def home(self, nip: str, prefix: str) -> tuple[float, float] | None:
        key = (nip, prefix)
        if key not in self.homes:
            person = self.people.get(nip)
            lat = getattr(person, f"{prefix}_lat", None)
            lon = getattr(person, f"{prefix}_lon", None)
            self.homes[key] = None if lat is None or lon is None else (float(lat), float(lon))
        return self.homes[key]

    def read(self, events: Iterable[Attendance]) -> int:
        """One pass over the events; returns how many were read."""
        zone, by_kind, best, verified = self.zone, self.by_kind, self.best, self.verified
        days = self.days
        # Per kind: (index, window start, window end, radius, address) of its duties.
        plans = {
            AttendanceKind(kind): [
                (
                    index,
                    duty.window[0] if duty.window else None,
                    duty.window[1] if duty.window else None,
                    float(duty.radius_m) if duty.radius_m is not None else None,
                    duty.address,
                )
                for index, duty in found
            ]
            for kind, found in by_kind.items()
        }
        verification = AttendanceKind.VERIFIKASI
        # Looked up by identity: hashing an enum member runs Python code, per event.
        kinds = [(kind, plans.get(kind, [])) for kind in AttendanceKind]
        count = 0
        last_zone: Any = None
        same = False
        for event in events:
            count += 1
            at = event.waktu
            if at.tzinfo is not last_zone:  # a log's times share their zone object
                last_zone = at.tzinfo
                same = last_zone is zone or at.utcoffset() == zone.utcoffset(at)
            if not same:
                at = at.astimezone(zone)
            day = at.date()
            days.add(day)
            kind = event.jenis
            if kind is verification:
                key = (event.nip, day)
                seen = verified.get(key)
                if seen is None or at > seen:
                    verified[key] = at
            for member, plan in kinds:  # noqa: B007  # the plan found is used below
                if member is kind:
                    break
            for index, start, end, radius, address in plan:
                code = _OK
                if start is not None:
                    time = at.time()
                    if time < start:
                        code = _EARLY
                    elif end is not None and time > end:
                        code = _LATE
                if code == _OK and radius is not None:
                    code = self._far(event, radius, address)
                slot = (event.nip, day, index)
                found = best.get(slot)
                if found is None or code < found[0] or (code == found[0] and at < found[1]):
                    best[slot] = (code, at, event.id)
        return count

    def _far(self, event: Attendance, radius: float, address: str | None) -> int:
        """_RADIUS when the event is farther than ``radius`` from home, or has no location."""
        home = self.home(event.nip, address) if address is not None else None
        if home is None:
            return _OK  # no registered address: the radius cannot be checked (W615)
        if event.lat is None or event.lon is None:
            return _RADIUS
        return _RADIUS if distance_m(event.lat, event.lon, *home) > radius else _OK


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
        self.count = self.log.read(events)
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
        prefetch: Callable[[Sequence[Any], dt.date], None] | None = None,
    ) -> list[AttendanceBreach]:
        """Every breach, day by day, person by person, duty by duty (file order).

        ``mode(employee, day)`` is the person's work mode that day (the
        discipline engine's: the schedule's when the circular has caps);
        ``prefetch(employees, day)``, when given, is called first for each day.
        """
        leave: dict[str, list[Absence]] = defaultdict(list)
        for absence in absences:
            leave[absence.nip].append(absence)
        found: list[AttendanceBreach] = []
        homeless: set[str] = set()
        # Per mode: (index, duty, whether to remember the days it is met) of its duties; the
        # days met matter only to a sanction over consecutive days.
        runs = {i for s in self.circular.program.sanctions if s.consecutive for i in s.of}
        by_mode: dict[str, list[tuple[int, ir.DutyIR, bool]]] = defaultdict(list)
        for index, duty in enumerate(self.duties):
            for name in sorted(duty.modes):
                by_mode[name].append((index, duty, duty.id in runs))
        log, zone = self.log, self.zone
        for day in self.days(first, last):
            version = self.circular.in_force(day)
            calendar = version.calendar.day(day)
            if prefetch is not None:  # every mode of the day in one pass
                prefetch(self.employees, day)
            for employee in self.employees:
                decided = mode(employee, day)
                owed = by_mode.get(decided) if decided is not None else None
                if not owed or not _in_post(employee, day):
                    continue
                nip = employee.nip
                if leave and any(a.first <= day <= a.last for a in leave.get(nip, ())):
                    continue
                for index, duty, remember in owed:
                    if duty.condition is not None and not _holds(version, duty, employee, calendar):
                        continue
                    if duty.address is not None and log.home(nip, duty.address) is None:
                        homeless.add(nip)
                    judged = _judge(log, duty, index, nip, day, zone)
                    if judged is not None:
                        found.append(judged)
                    elif remember:
                        self.met[duty.id][nip].add(day)
        self.homeless = sorted(homeless)
        return found


def _in_post(employee: Any, day: dt.date) -> bool:
    start, end = getattr(employee, "mulai_tugas", None), getattr(employee, "selesai_tugas", None)
    return not ((start is not None and day < start) or (end is not None and day > end))


def _holds(version: Circular, duty: ir.DutyIR, employee: Any, calendar: Any) -> bool:
    """Whether the duty's conditions hold for the person that day."""
    assert duty.condition is not None
    facts = {"pegawai": employee, "kalender": calendar}
    return version.interpreter.evaluate(duty.condition, facts, calendar.tanggal) is True


def _judge(
    log: _Log, duty: ir.DutyIR, index: int, nip: str, day: dt.date, zone: Any
) -> AttendanceBreach | None:
    """The breach of one duty by one person on one day, or None when it is met."""
    best = log.best.get((nip, day, index))
    if best is None:
        end = duty.window[1] if duty.window is not None else dt.time(23, 59, 59)
        return (duty, "missing", nip, day, dt.datetime.combine(day, end, tzinfo=zone), "")
    code, at, event = best
    if code != _OK:
        return (duty, KINDS[code], nip, day, at, event)
    if duty.verified:
        today = log.verified.get((nip, day))
        tomorrow = log.verified.get((nip, day + dt.timedelta(days=1)))
        if not ((today is not None and today >= at) or tomorrow is not None):
            return (duty, "unverified", nip, day, at, event)
    return None
