"""The discipline engine: a contact log into breaches and sanctions (butir 10.b-d).

1. A contact counts when a duty (``kewajiban``) holds for the person at the
   moment it was sent: their work mode that day (the rules' decision, or the
   schedule's when the circular has caps; WFO on a day a recall calls them
   in) is one of the duty's modes, the
   time (in the circular's zone) is within its hours, and they are not on
   leave.  Other contacts are set aside, with the reason counted.
2. Each counted contact is tested against every breach (``pelanggaran``): a
   condition over the contact, the employee, the unit and the day.
3. Each sanction (``sanksi``), in file order, counts breaches (or earlier
   sanctions) of the kinds it names, per person and per window (day, ISO
   week, month, evaluation period), in time order: every N-th gives one
   sanction, which lists the N events behind it.

Everything is sorted, so the same log gives the same result, and a log fed
in two parts (merged by contact id) gives what the whole log gives.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from edaran.core.diagnostics import Diagnostic, Severity
from edaran.discipline.attendance import AttendanceRun
from edaran.engine.circular import Circular
from edaran.engine.decision import DecisionError
from edaran.io.publish import Published, provenance
from edaran.lang import ir
from edaran.model.attendance import Attendance
from edaran.model.calendar import zone as time_zone
from edaran.model.protocols import EmployeeFacts
from edaran.model.workforce import Absence, Contact, Recall
from edaran.scheduling.recalls import OFFICE, recall_for
from edaran.scheduling.scheduler import schedule

__all__ = ["Breach", "DisciplineResult", "Sanction", "Skipped", "run_discipline"]


class Skipped:
    """Why a contact did not count (keys of ``DisciplineResult.skipped``)."""

    UNKNOWN_NIP = "unknown-nip"
    OUTSIDE_RANGE = "outside-range"
    NOT_ON_DUTY = "not-on-duty"  #: not a duty's mode that day (WFO, a holiday, ...)
    OUTSIDE_HOURS = "outside-hours"
    ON_LEAVE = "on-leave"
    UNDECIDED = "undecided"  #: the person's mode could not be decided (an error)


@attrs.frozen
class Breach:
    """One contact that breaks a rule (``rule`` is the breach's id)."""

    id: str
    rule: str
    clause: str
    title: str | None
    nip: str
    unit: str
    date: dt.date
    at: dt.datetime
    contact: str
    #: for an attendance duty: missing, late, outside-window, outside-radius or unverified
    kind: str = ""


@attrs.frozen
class Sanction:
    """One step of the ladder for one person, with the events behind it."""

    id: str
    rule: str
    clause: str
    title: str | None
    nip: str
    unit: str
    window: str
    date: dt.date
    at: dt.datetime
    behind: tuple[str, ...]
    #: the allowance cut of this sanction's day (Rupiah, exact), when its step has one
    cut: Decimal | None = None
    #: the evaluation period the cut is totalled in (``periode 1 (...)``), when there is a cut
    cut_period: str = ""


@attrs.frozen
class DisciplineResult(Published):
    """Breaches and sanctions, the counts of contacts set aside by reason, and warnings.

    :meth:`to_dict` takes ``names`` (NIP -> name) and ``contacts`` (the log)
    as :func:`edaran.discipline.write_json` does.
    """

    breaches: tuple[Breach, ...]
    sanctions: tuple[Sanction, ...]
    counted: int
    skipped: dict[str, int]
    warnings: tuple[Diagnostic, ...] = ()
    #: attendance events read (``attendance=``)
    attendance_events: int = attrs.field(default=0, kw_only=True)
    #: where the result comes from (:func:`edaran.io.publish.provenance`)
    provenance: Mapping[str, str | None] = attrs.field(factory=provenance, eq=False)
    _parts = ("sanctions", "breaches")


def _window(circular: Circular, window: str, day: dt.date) -> str:
    """The sanction window holding ``day``, as results show it (``2026-W15``, ``periode 1``)."""
    span = circular.windows.window(window, day)
    if window == "hari":
        return day.isoformat()
    if window == "minggu":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if window == "bulan":
        return f"{day.year}-{day.month:02d}"
    return f"periode {span.number} ({span.label})"


class _Modes:
    """The work mode of a person on a day: the schedule's if there are caps, else the rules'."""

    def __init__(
        self,
        circular: Circular,
        employees: Sequence[EmployeeFacts],
        days: set[dt.date],
        absences: Sequence[Absence],
        use_schedule: bool,
        recalls: Sequence[Recall] = (),
    ) -> None:
        self.circular = circular
        self.recalls: dict[dt.date, list[Recall]] = defaultdict(list)
        for recall in recalls:
            self.recalls[recall.date].append(recall)
        self.known: dict[tuple[str, dt.date], str | None] = {}
        self.errors: dict[str, Diagnostic] = {}
        if use_schedule and circular.program.limits and days:
            # From the start of the evaluation period: the rotation counts from
            # there, so a day's modes do not depend on which earlier days the
            # log happens to hold.
            start = min(circular.windows.period(min(days)).first, min(days))
            made = schedule(
                circular, employees, start, max(days), absences=absences, recalls=recalls
            )
            for a in made:
                if a.date in days:
                    self.known[(a.nip, a.date)] = a.mode
            self.errors.update({f"{d.code}{d.args}": d for d in made.warnings})
            self.scheduled = True
        else:
            self.scheduled = False

    def mode(self, employee: Any, day: dt.date) -> str | None:
        key = (employee.nip, day)
        if key not in self.known:
            if self.scheduled:
                return None
            try:
                mode = str(self.circular.decide(employee, day).value)
                self.known[key] = self._recalled(employee, day, mode)
            except DecisionError as err:
                first = err.diagnostics[0]
                self.errors.setdefault(
                    f"{first.code}{first.args.get('first')}{first.args.get('second')}", first
                )
                self.known[key] = None
        return self.known[key]

    def prefetch(self, employees: Sequence[Any], day: dt.date) -> None:
        """Decide every employee's mode on ``day`` at once (one pass of the compiled rules).

        Those that cannot be decided are left to :meth:`mode`, which records why.
        """
        if self.scheduled:
            return
        people = {e.nip: e for e in employees if (e.nip, day) not in self.known}
        errors: list[DecisionError] = []
        for decision in self.circular.decide_many(people.values(), day, errors=errors):
            employee = people[decision.nip]
            self.known[(decision.nip, day)] = self._recalled(employee, day, str(decision.value))

    def _recalled(self, employee: Any, day: dt.date, mode: str) -> str:
        """WFO on a working day a recall calls the employee in (as the scheduler does)."""
        recall = recall_for(self.recalls.get(day, ()), employee.nip, employee.unit, day, mode)
        return mode if recall is None else OFFICE


def _one_per_id(contacts: Iterable[Contact]) -> list[Contact]:
    """One contact per id, chosen by content, not by order.

    Two different contacts under one id are an error of the log (the loader
    reports D045); whichever order they come in, the same one is kept here.
    """
    chosen: dict[str, tuple[tuple[object, ...], Contact]] = {}
    for contact in contacts:
        key = (
            contact.dikirim.timestamp(),
            contact.dijawab.timestamp() if contact.dijawab else -1.0,
            contact.alasan or "",
            contact.pengirim,
            contact.saluran.value,
            contact.nip,
        )
        if contact.id not in chosen or key < chosen[contact.id][0]:
            chosen[contact.id] = (key, contact)
    return [contact for _, contact in chosen.values()]


def _counted(duties: Sequence[ir.DutyIR], mode: str, at: dt.datetime) -> str | None:
    """None if a duty covers the contact, else why not."""
    on_duty = [d for d in duties if d.attendance is None and mode in d.modes]
    if not on_duty:
        return Skipped.NOT_ON_DUTY
    time = at.time()
    if any(d.hours is None or d.hours[0] <= time < d.hours[1] for d in on_duty):
        return None
    return Skipped.OUTSIDE_HOURS


def run_discipline(
    circular: Circular,
    employees: Sequence[EmployeeFacts],
    contacts: Iterable[Contact],
    *,
    first: dt.date | None = None,
    last: dt.date | None = None,
    absences: Sequence[Absence] = (),
    use_schedule: bool = True,
    recalls: Sequence[Recall] = (),
    progress: Callable[[int, int], None] | None = None,
    attendance: Iterable[Attendance] = (),
) -> DisciplineResult:
    """Breaches and sanctions from a contact log (see the module docstring).

    ``use_schedule=False`` takes each person's mode from the rules alone, even
    when the circular has caps: a ``contoh`` describes one employee, and a
    schedule needs their whole unit.  ``recalls`` make a remote day an
    office day, so a duty of remote days no longer holds on it.
    ``progress(done, total)`` is called
    every few thousand contacts (a progress bar on long logs).
    ``attendance`` is an attendance log (it may be a stream, read once) for
    the attendance duties (:mod:`edaran.discipline.attendance`).
    """
    program = circular.program
    zone = time_zone(program.header.timezone)
    people = {e.nip: e for e in employees}
    log = sorted(_one_per_id(contacts), key=lambda c: (c.dikirim.timestamp(), c.id))
    local = [(c, c.dikirim.astimezone(zone)) for c in log]
    days = {
        at.date()
        for _, at in local
        if (first is None or at.date() >= first) and (last is None or at.date() <= last)
    }
    present = AttendanceRun(circular, employees, attendance)
    days.update(present.days(first, last))
    modes = _Modes(circular, employees, days, absences, use_schedule, recalls)
    leave = defaultdict(list)
    for absence in absences:
        leave[absence.nip].append(absence)
    skipped: Counter[str] = Counter()
    breaches: list[Breach] = []
    counted = 0
    for index, (contact, at) in enumerate(local):
        if progress is not None and index % 5000 == 0:
            progress(index, len(local))
        day = at.date()
        employee = people.get(contact.nip)
        reason = _why_not(circular, employee, day, at, first, last, leave, modes)
        if reason is not None:
            skipped[reason] += 1
            continue
        counted += 1
        version = circular.in_force(day)  # an amendment may change the breaches
        facts = {"pegawai": employee, "kalender": version.calendar.day(day), "kontak": contact}
        for rule in version.program.breaches:
            holds = (
                rule.condition is None
                or version.interpreter.evaluate(rule.condition, facts, day) is True
            )
            if holds:
                unit = employee.unit.kode  # type: ignore[union-attr]  # known by _why_not
                breaches.append(
                    Breach(
                        f"{rule.id}:{contact.id}",
                        rule.id,
                        rule.clause,
                        rule.title,
                        contact.nip,
                        unit,
                        day,
                        at,
                        contact.id,
                    )
                )
    absent = present.breaches(
        modes.mode, first=first, last=last, absences=absences, prefetch=modes.prefetch
    )
    for duty, kind, nip, day, at, event in absent:
        unit = people[nip].unit.kode
        bid = f"{duty.id}:{kind}:{nip}:{day.isoformat()}"
        breaches.append(
            Breach(bid, duty.id, duty.clause, duty.title, nip, unit, day, at, event, kind)
        )
    if absent:
        breaches.sort(key=lambda b: (b.at.timestamp(), b.id))
    sanctions = _ladder(circular, breaches, people, present.met)
    warnings = list(modes.errors.values())
    if present.homeless:
        args = {"count": len(present.homeless)}
        warnings.append(Diagnostic("W615", None, args, Severity.WARNING))
    return DisciplineResult(
        tuple(breaches),
        tuple(sanctions),
        counted,
        dict(sorted(skipped.items())),
        tuple(warnings),
        attendance_events=present.count,
        provenance=provenance(circular),
    )


def _why_not(
    circular: Circular,
    employee: Any,
    day: dt.date,
    at: dt.datetime,
    first: dt.date | None,
    last: dt.date | None,
    leave: dict[str, list[Absence]],
    modes: _Modes,
) -> str | None:
    if employee is None:
        return Skipped.UNKNOWN_NIP
    if (first is not None and day < first) or (last is not None and day > last):
        return Skipped.OUTSIDE_RANGE
    start, end = getattr(employee, "mulai_tugas", None), getattr(employee, "selesai_tugas", None)
    if (start is not None and day < start) or (end is not None and day > end):
        return Skipped.NOT_ON_DUTY  # not in post that day: no duty to be reachable
    if any(a.first <= day <= a.last for a in leave.get(employee.nip, ())):
        return Skipped.ON_LEAVE
    mode = modes.mode(employee, day)
    if mode is None:
        return Skipped.UNDECIDED
    return _counted(circular.in_force(day).program.duties, mode, at)


_Event = tuple[dt.datetime, str, str, dt.date]


#: duty id -> NIP -> the days an attendance duty held and was met
_Met = Mapping[str, Mapping[str, set[dt.date]]]


def _ladder(
    circular: Circular, breaches: list[Breach], people: dict[str, Any], met: _Met | None = None
) -> list[Sanction]:
    events: dict[str, list[_Event]] = defaultdict(list)
    for b in breaches:
        events[b.rule].append((b.at, b.id, b.nip, b.date))
    sanctions: list[Sanction] = []
    for step in circular.program.sanctions:
        pool = sorted(e for kind in step.of for e in events[kind])
        made: list[Sanction] = []
        for nip, window, number, chunk in _chunks(circular, step, pool, met or {}):
            at, _, _, day = chunk[-1]
            sid = f"{step.id}:{nip}:{window}:{number}"
            unit = people[nip].unit.kode
            behind = tuple(e[1] for e in chunk)
            made.append(
                Sanction(sid, step.id, step.clause, step.title, nip, unit, window, day, at, behind)
            )
            events[step.id].append((at, sid, nip, day))
        sanctions += _with_cuts(circular, step, made)
    return sorted(sanctions, key=lambda s: (s.at, s.id))


def _chunks(
    circular: Circular, step: ir.SanctionIR, pool: list[_Event], met: _Met
) -> Iterator[tuple[str, str, int, list[_Event]]]:
    """(nip, window, number, the events behind) of each sanction of a step."""
    if step.within is not None:
        yield from _sliding(step.every, step.within, pool)
        return
    if step.consecutive:
        duties = {d.id for d in circular.program.duties if d.attendance is not None}
        if set(step.of) <= duties:  # attendance duties: broken by a day one of them was met
            yield from _consecutive(
                step.every, pool, lambda nip, a, b: _met_between(met, step.of, nip, a, b)
            )
        else:  # breaches of contacts: broken by a working day without one
            yield from _consecutive(
                step.every, pool, lambda nip, a, b: _next_working_day(circular, a) != b
            )
        return
    groups: dict[tuple[str, str], list[_Event]] = defaultdict(list)
    for event in pool:
        _, _, nip, day = event
        groups[(nip, _window(circular, step.window, day))].append(event)
    for (nip, window), items in sorted(groups.items()):
        for k in range(step.every, len(items) + 1, step.every):
            yield nip, window, k // step.every, items[k - step.every : k]


def _by_person(pool: list[_Event]) -> list[tuple[str, list[_Event]]]:
    people: dict[str, list[_Event]] = defaultdict(list)
    for event in pool:
        people[event[2]].append(event)
    return sorted(people.items())


def _sliding(
    every: int, length: dt.timedelta, pool: list[_Event]
) -> Iterator[tuple[str, str, int, list[_Event]]]:
    """Every N events of a person within ``length`` (first to last): one sanction.

    Greedy from the earliest: the N events from the i-th make a sanction when
    the N-th is at most ``length`` after the i-th, and counting goes on after
    them; otherwise it goes on from the next event.  An event is behind one
    sanction at most.
    """
    for nip, items in _by_person(pool):
        i, number = 0, 0
        while i + every <= len(items):
            chunk = items[i : i + every]
            if chunk[-1][0] - chunk[0][0] <= length:
                number += 1
                window = _span_label(chunk[0][0], chunk[-1][0])
                yield nip, window, number, chunk
                i += every
            else:
                i += 1


def _span_label(start: dt.datetime, end: dt.datetime) -> str:
    """``2027-03-01 07:31..07:52``, or ``2027-03-01 23:50..2027-03-02 00:10``."""
    first, last = start.isoformat(" ", "minutes")[:16], end.isoformat(" ", "minutes")[:16]
    return f"{first}..{last[11:] if first[:10] == last[:10] else last}"


def _met_between(met: _Met, duties: Sequence[str], nip: str, a: dt.date, b: dt.date) -> bool:
    """Whether one of ``duties`` held for the person and was met on a day between a and b."""
    return any(a < day < b for duty in duties for day in met.get(duty, {}).get(nip, ()))


def _consecutive(
    every: int, pool: list[_Event], broken: Callable[[str, dt.date, dt.date], bool]
) -> Iterator[tuple[str, str, int, list[_Event]]]:
    """Every N consecutive days on which a person has such events: one sanction.

    ``broken(nip, a, b)`` says whether the days a and b (the next with an
    event) are not consecutive; each N days of a run make a sanction,
    listing every event of those days, and the count starts again after them.
    """
    for nip, items in _by_person(pool):
        days: dict[dt.date, list[_Event]] = defaultdict(list)
        for event in items:
            days[event[3]].append(event)
        run: list[dt.date] = []
        number = 0
        for day in sorted(days):
            if run and broken(nip, run[-1], day):
                run = []
            run.append(day)
            if len(run) == every:
                number += 1
                chunk = [e for d in run for e in days[d]]
                yield nip, f"{run[0].isoformat()}..{run[-1].isoformat()}", number, chunk
                run = []


def _next_working_day(circular: Circular, day: dt.date) -> dt.date:
    following = day + dt.timedelta(days=1)
    for _ in range(366):  # a year of closures at most
        if circular.in_force(following).calendar.day(following).hari_kerja:
            return following
        following += dt.timedelta(days=1)
    return following


def _with_cuts(circular: Circular, step: ir.SanctionIR, made: list[Sanction]) -> list[Sanction]:
    """The step's sanctions, the first of each person's day carrying the day's cut."""
    if step.cut_per_day is None:
        return made
    seen: set[tuple[str, dt.date]] = set()
    result = []
    for sanction in sorted(made, key=lambda s: (s.at, s.id)):
        key = (sanction.nip, sanction.date)
        cut = step.cut_per_day if key not in seen else Decimal(0)
        seen.add(key)
        period = _window(circular, "periode", sanction.date)
        result.append(attrs.evolve(sanction, cut=cut, cut_period=period))
    return result
