"""The scheduler: eligibility (the rules' decisions) into assignments that meet every limit.

Butir 4 leaves each unit to set how many of its staff work from home on a
day; the rule file says it with ``batas`` blocks (caps, floors, per-person
limits).  Day by day, in date order:

1. every present employee is decided by the rules (what they are *eligible*
   for); people on leave, not yet hired, or gone are not counted;
2. per-person limits (``... per pegawai per minggu``) keep back whoever has
   used up their allowance in the window;
3. caps per unit (``WFH paling banyak 50% per unit per hari``) keep the
   share; floors (``WFO paling sedikit 2 per unit per hari``) bring people
   back on site.

Who is kept back follows a rotation: the fewest days in that mode so far in
the evaluation period first, then a stable hash of the NIP and the period.
So the same input gives the same schedule, eligible people in a unit end a
period within one day of each other, and adding one person moves only the
few places around them in the order.  Whoever is kept back goes to the
office (WFO).  A floor that cannot be met (above the headcount) is a warning
naming the unit, the day and the clause; the run goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs

from edaran.core.diagnostics import Diagnostic, Severity
from edaran.core.modes import (
    STATUS_NOT_COVERED,
    STATUS_NOT_IN_FORCE,
    STATUS_OFF,
    WORKING_HOURS,
)
from edaran.core.suggest import suggest
from edaran.core.types import WorkingHours
from edaran.engine.circular import Circular
from edaran.engine.decision import DecisionError
from edaran.io.publish import provenance
from edaran.lang import ir
from edaran.messages import Localized
from edaran.model.calendar import Period, Windows
from edaran.model.protocols import EmployeeFacts
from edaran.model.workforce import Absence, Recall, Transfer
from edaran.scheduling.model import Assignment, Schedule, Why

__all__ = ["ON_LEAVE", "schedule", "unknown_table_units"]

#: The mode of a person on leave that day.
ON_LEAVE = "CUTI"
#: Where whoever a limit keeps back works.
FALLBACK = "WFO"
#: the windows a person's days are counted in, for personal limits and fairness
_COUNTED_WINDOWS = ("periode", "minggu", "bulan")
#: Assignments no limit counts: days off, days out of force, leave, and people the
#: circular does not cover (``mencakup``), who are outside its shares.
_NOT_WORKING = frozenset({STATUS_OFF, STATUS_NOT_IN_FORCE, ON_LEAVE, STATUS_NOT_COVERED})


class _Subject:
    """A stand-in employee for a unit's own limits: only its unit is readable."""

    def __init__(self, unit: Any) -> None:
        self.unit = unit
        self.nip = ""


@attrs.define
class _Person:
    employee: Any
    assignment: Assignment


def _rotation(nip: str, period: int) -> int:
    digest = hashlib.sha256(f"{period}:{nip}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def _count(amount: object, headcount: int, rounding: str) -> int:
    if isinstance(amount, int):
        return amount
    share = Decimal(str(amount)) * headcount
    if rounding == "down":
        return math.floor(share)
    if rounding == "up":
        return math.ceil(share)
    return int(share.quantize(Decimal(1), rounding=ROUND_HALF_UP))


class _Scheduler:
    def __init__(
        self,
        circular: Circular,
        employees: Sequence[Any],
        absences: Iterable[Absence],
        transfers: Iterable[Transfer],
        recalls: Iterable[Recall] = (),
    ) -> None:
        self.circular = circular
        #: day -> the recalls of that day, in the order given
        self.recalls: dict[dt.date, list[Recall]] = defaultdict(list)
        for recall in recalls:
            self.recalls[recall.date].append(recall)
        self.employees = sorted(employees, key=lambda e: e.nip)
        self.absent: dict[str, list[Absence]] = defaultdict(list)
        for absence in absences:
            self.absent[absence.nip].append(absence)
        self.moves: dict[str, list[Transfer]] = defaultdict(list)
        # Two moves on one day are ordered by unit code, not by input order.
        for move in sorted(transfers, key=lambda m: (m.nip, m.date, m.unit.kode)):
            self.moves[move.nip].append(move)
        self._use(circular)
        header = circular.program.header
        assert header.period_start is not None  # the checker requires a date in force
        #: without 'evaluasi' the rotation and 'per periode' run over one undivided period
        self.windows = Windows(header.period_start, header.evaluation_months)
        #: nip -> (window key, mode) -> days assigned
        self.used: dict[str, dict[tuple[str, Period, str], int]] = defaultdict(
            lambda: defaultdict(int)
        )
        self.warnings: list[Diagnostic] = []
        self.errors: dict[str, Diagnostic] = {}
        self.with_hours = WORKING_HOURS in circular.decided_outputs()

    def _use(self, version: Circular) -> None:
        """Take the limits of the version in force (an amendment may change them)."""
        self.version = version
        limits = version.program.limits
        self.personal = [lim for lim in limits if lim.scope == "pegawai"]
        self.shared = [lim for lim in limits if lim.scope != "pegawai"]
        #: modes some cap rations: a floor calls people back from these first
        self.rationed = {lim.mode for lim in limits if lim.kind == "at_most"}
        self.titles = {rule.id: rule.title for rule in version.program.rules}

    # ------------------------------------------------------------ people
    def _on(self, employee: Any, day: dt.date) -> Any | None:
        """The employee as they are on ``day`` (their unit after transfers), or None if absent."""
        start = getattr(employee, "mulai_tugas", None)
        end = getattr(employee, "selesai_tugas", None)
        if (start and day < start) or (end and day > end):
            return None
        unit = employee.unit
        for move in self.moves.get(employee.nip, ()):
            if move.date <= day:
                unit = move.unit
        return employee if unit is employee.unit else attrs.evolve(employee, unit=unit)

    def _on_leave(self, nip: str, day: dt.date) -> bool:
        return any(a.first <= day <= a.last for a in self.absent.get(nip, ()))

    def _eligible(self, employee: Any, day: dt.date) -> Assignment | None:
        """What the rules decide for the employee, as an assignment (None on an error)."""
        try:
            decision = self.circular.decide(employee, day)
        except DecisionError as err:
            first = err.diagnostics[0]
            key = f"{first.code}:{first.args.get('first')}:{first.args.get('second')}"
            self.errors.setdefault(key, first)
            return None
        mode = str(decision.value)
        if decision.rule is not None:
            detail: dict[str, object] = {"title": self.titles.get(decision.rule)}
        else:
            detail = {"note": decision.note}
        unit = employee.unit.kode
        return Assignment(
            employee.nip,
            employee.nama,
            unit,
            day,
            mode,
            mode,
            Why.ELIGIBLE,
            decision.clause,
            decision.rule,
            detail,
            hours=self._hours(employee, day) if decision.rule is not None else None,
        )

    def _hours(self, employee: Any, day: dt.date) -> WorkingHours | None:
        """The working hours of the day (``jam_kerja``), when the file decides them."""
        if not self.with_hours:
            return None
        try:
            value = self.circular.decide(employee, day, WORKING_HOURS).value
        except DecisionError as err:
            first = err.diagnostics[0]
            key = f"{first.code}:{first.args.get('first')}:{first.args.get('second')}"
            self.errors.setdefault(key, first)
            return None
        return value if isinstance(value, WorkingHours) else None

    # -------------------------------------------------------------- days
    def day(self, day: dt.date) -> list[Assignment]:
        version = self.circular.in_force(day)
        if version is not self.version:
            self._use(version)
        people: list[_Person] = []
        for employee in self.employees:
            present = self._on(employee, day)
            if present is None:
                continue
            base = self._eligible(present, day)
            if base is None:
                continue
            if self._on_leave(present.nip, day) and base.mode not in _NOT_WORKING:
                base = attrs.evolve(base, mode=ON_LEAVE, why=Why.ABSENT)
            people.append(_Person(present, base))
        period = self.windows.period(day)
        counted = [(kind, self.windows.window(kind, day)) for kind in _COUNTED_WINDOWS]
        for person in people:
            self._personal_limits(person, day)
        for limit in self.shared:
            for unit, members in self._groups(limit, people, day):
                if limit.kind == "at_most":
                    self._cap(limit, unit, members, day, period)
                else:
                    self._floor(limit, unit, members, day, period)
        self._recall(people, day)
        for person in people:
            self._record(person, counted)
        return [
            p.assignment
            for p in sorted(people, key=lambda p: (p.assignment.unit, p.assignment.nip))
        ]

    def _applies(self, limit: ir.LimitIR, subject: Any, day: dt.date) -> bool:
        if limit.condition is None:
            return True
        facts = {"pegawai": subject, "kalender": self.version.calendar.day(day)}
        return self.version.interpreter.evaluate(limit.condition, facts, day) is True

    def _amount(self, limit: ir.LimitIR, subject: Any, day: dt.date) -> object:
        facts = {"pegawai": subject, "kalender": self.version.calendar.day(day)}
        return self.version.interpreter.evaluate(limit.amount, facts, day)

    def _personal_limits(self, person: _Person, day: dt.date) -> None:
        for limit in self.personal:
            a = person.assignment
            if a.mode in _NOT_WORKING or not self._applies(limit, person.employee, day):
                continue
            allowed = int(self._amount(limit, person.employee, day))  # type: ignore[call-overload]  # INT by the checker
            window = (limit.window, self.windows.window(limit.window, day))
            if limit.kind == "at_least":
                # 'WFO at least N days a week' = other modes on at most (working days - N).
                if a.mode == limit.mode:
                    continue
                allowed = self._working_days(window, day) - allowed
                used = sum(n for (w, m), n in self._used_in(a.nip, window) if m != limit.mode)
            else:
                if a.mode != limit.mode:
                    continue
                used = self.used[a.nip][(*window, limit.mode)]
            if used >= allowed:
                detail = {"limit": max(allowed, 0), "count": used, "window": limit.window}
                person.assignment = attrs.evolve(
                    a,
                    mode=FALLBACK,
                    why=Why.PERSON_LIMIT,
                    clause=limit.clause,
                    rule=limit.id,
                    detail=detail,
                )

    def _used_in(
        self, nip: str, window: tuple[str, Period]
    ) -> list[tuple[tuple[object, str], int]]:
        return [
            ((key[:2], str(key[2])), n) for key, n in self.used[nip].items() if key[:2] == window
        ]

    def _working_days(self, window: tuple[str, Period], day: dt.date) -> int:
        _, span = window
        # A period without an end (no 'evaluasi') is counted as the day itself.
        first, last = (day, day) if span.last == dt.date.max else (span.first, span.last)
        return sum(1 for d in self.version.calendar.days(first, last) if d.hari_kerja)

    def _groups(
        self, limit: ir.LimitIR, people: list[_Person], day: dt.date
    ) -> list[tuple[Any, list[_Person]]]:
        """The groups a shared limit counts (a unit, or a whole perangkat daerah) and their unit."""
        groups: dict[str, list[_Person]] = defaultdict(list)
        tops: dict[str, Any] = {}
        for person in people:
            unit = person.employee.unit
            if limit.scope == "perangkat_daerah":
                unit = unit.top
            groups[unit.kode].append(person)
            tops[unit.kode] = unit
        return [
            (tops[code], members)
            for code, members in sorted(groups.items())
            if self._applies(limit, _Subject(tops[code]), day)
        ]

    def _rank(self, members: list[_Person], mode: str, period: Period) -> list[_Person]:
        def key(person: _Person) -> tuple[int, int, str]:
            nip = person.assignment.nip
            return (
                self.used[nip][("periode", period, mode)],
                _rotation(nip, period.number - 1),
                nip,
            )

        return sorted(members, key=key)

    def _callback_order(self, others: list[_Person], period: Period) -> list[_Person]:
        """Who a floor calls back first.

        People in a mode some cap rations (WFH, say) before people in other
        modes (the WFA a clause grants by position); within each, whoever has
        had the most days in their mode this period, then the rotation.  So the
        calls back go round instead of falling on one person.
        """

        def key(person: _Person) -> tuple[bool, int, int, str]:
            a = person.assignment
            days = self.used[a.nip][("periode", period, a.mode)]
            return (a.mode not in self.rationed, -days, _rotation(a.nip, period.number - 1), a.nip)

        return sorted(others, key=key)

    def _cap(
        self, limit: ir.LimitIR, unit: Any, members: list[_Person], day: dt.date, period: Period
    ) -> None:
        present = [p for p in members if p.assignment.mode not in (ON_LEAVE, STATUS_NOT_COVERED)]
        in_mode = [p for p in present if p.assignment.mode == limit.mode]
        if not in_mode:
            return
        amount = self._amount(limit, _Subject(unit), day)
        allowed = _count(amount, len(present), limit.rounding)
        if len(in_mode) <= allowed:
            return
        for turn, person in enumerate(self._rank(in_mode, limit.mode, period), start=1):
            if turn <= allowed:
                continue
            detail = {
                "limit": allowed,
                "count": allowed,
                "headcount": len(present),
                "turn": turn,
                "period_days": self.used[person.assignment.nip][("periode", period, limit.mode)],
                "window": limit.window,
            }
            person.assignment = attrs.evolve(
                person.assignment,
                mode=FALLBACK,
                why=Why.CAP,
                clause=limit.clause,
                rule=limit.id,
                detail=detail,
            )

    def _floor(
        self, limit: ir.LimitIR, unit: Any, members: list[_Person], day: dt.date, period: Period
    ) -> None:
        if all(
            p.assignment.mode in (STATUS_OFF, STATUS_NOT_IN_FORCE, STATUS_NOT_COVERED)
            for p in members
        ):
            return  # not a working day for this unit: no floor to meet
        present = [p for p in members if p.assignment.mode not in _NOT_WORKING]
        amount = self._amount(limit, _Subject(unit), day)
        headcount = len(present)
        required = _count(amount, headcount, limit.rounding)
        have = [p for p in present if p.assignment.mode == limit.mode]
        missing = required - len(have)
        if missing <= 0:
            return
        others = [p for p in present if p.assignment.mode != limit.mode]
        ranked = self._callback_order(others, period)
        for person in ranked[:missing]:
            detail = {
                "limit": required,
                "count": len(have),
                "headcount": headcount,
                "window": limit.window,
            }
            person.assignment = attrs.evolve(
                person.assignment,
                mode=limit.mode,
                why=Why.FLOOR,
                clause=limit.clause,
                rule=limit.id,
                detail=detail,
            )
        if missing > len(others):
            args = {
                "unit": unit.kode,
                "date": day.isoformat(),
                "clause": limit.clause,
                "required": required,
                "headcount": headcount,
                "mode": limit.mode,
            }
            self.warnings.append(Diagnostic("W401", limit.span, args, severity=Severity.WARNING))

    def _recall(self, people: list[_Person], day: dt.date) -> None:
        """Call the recalled to the office: a remote day becomes WFO, with the recall's reason.

        A recall overrides every limit (it comes after them) but not a day off or
        leave: those are reported (D082) and left as they are.
        """
        for recall in self.recalls.get(day, ()):
            called = [p for p in people if recall.calls(p.employee.nip, p.employee.unit)]
            why = None
            if not called:
                why = "recall.nobody"
            elif all(p.assignment.mode in (STATUS_OFF, STATUS_NOT_IN_FORCE) for p in called):
                why = "recall.off"
            elif recall.nip is not None and called[0].assignment.mode == ON_LEAVE:
                why = "recall.leave"
            if why is not None:
                args = {"source": recall.source, "date": day.isoformat(), "why": Localized(why)}
                self.warnings.append(Diagnostic("D082", None, args, severity=Severity.WARNING))
                continue
            for person in called:
                a = person.assignment
                if a.mode in _NOT_WORKING or a.mode == FALLBACK:
                    continue
                detail = {"reason": recall.reason, "recall": recall.source, "was": a.mode}
                if a.why != Why.ELIGIBLE:
                    detail["was_why"] = a.why
                person.assignment = attrs.evolve(
                    a, mode=FALLBACK, why=Why.RECALL, clause=None, rule=None, detail=detail
                )

    def _record(self, person: _Person, windows: Sequence[tuple[str, Period]]) -> None:
        a = person.assignment
        if a.mode in _NOT_WORKING:
            return
        used = self.used[a.nip]
        for kind, span in windows:
            used[(kind, span, a.mode)] += 1


def unknown_table_units(circular: Circular, units: Collection[str]) -> list[Diagnostic]:
    """E121 for each row of a per-unit table naming a unit that ``units`` does not hold."""
    found = []
    for name, (_, spans) in circular.program.tables.items():
        for code, span in spans.items():
            if code not in units:
                hints = suggest(code, units)
                found.append(
                    Diagnostic("E121", span, {"code": code, "table": name}, suggestions=hints)
                )
    return found


def schedule(
    circular: Circular,
    employees: Sequence[EmployeeFacts],
    first: dt.date,
    last: dt.date,
    *,
    absences: Iterable[Absence] = (),
    transfers: Iterable[Transfer] = (),
    recalls: Iterable[Recall] = (),
    progress: Callable[[int, int], None] | None = None,
) -> Schedule:
    """Assign every employee a mode on every day from ``first`` to ``last``.

    ``recalls`` call people or units to the office on given days, after every
    limit (:class:`~edaran.model.workforce.Recall`).  ``progress(done, total)``
    is called after each day (for a progress bar).
    Warnings (limits that cannot be met, decisions that failed) are in the
    schedule's ``warnings``; the run never stops for them.
    """
    worker = _Scheduler(circular, employees, absences, transfers, recalls)
    days = (last - first).days + 1
    assignments: list[Assignment] = []
    for index in range(days):
        assignments.extend(worker.day(first + dt.timedelta(days=index)))
        if progress is not None:
            progress(index + 1, days)
    units = {e.unit.kode: e.unit.nama for e in employees}
    for moves in worker.moves.values():
        units.update({m.unit.kode: m.unit.nama for m in moves})
    warnings = (*worker.warnings, *worker.errors.values())
    return Schedule(
        first,
        last,
        tuple(assignments),
        dict(sorted(units.items())),
        warnings,
        provenance=provenance(circular),
        zone=circular.program.header.timezone,
    )
