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
import functools
import hashlib
import math
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs

from edaran.core.collector import collector_paused
from edaran.core.diagnostics import Diagnostic, Label, Severity
from edaran.core.modes import (
    STATUS_NOT_COVERED,
    STATUS_NOT_IN_FORCE,
    STATUS_OFF,
    WORKING_HOURS,
    ModeChoice,
)
from edaran.core.suggest import suggest
from edaran.core.types import EvalError, WorkingHours
from edaran.engine.circular import Circular, not_facts
from edaran.engine.decision import DecisionError, Status
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
#: a unit whose members all have one of these has no working day for a floor to count
_NOT_PRESENT = frozenset({STATUS_OFF, STATUS_NOT_IN_FORCE, STATUS_NOT_COVERED})


class _Subject:
    """A stand-in employee for a unit's own limits: only its unit is readable."""

    def __init__(self, unit: Any) -> None:
        self.unit = unit
        self.nip = ""


@attrs.define(eq=False)
class _Person:
    employee: Any
    assignment: Assignment
    #: the modes the rules let this person be assigned today (what they are
    #: eligible for, and the office a limit may keep them in)
    allowed: frozenset[str]
    #: the shared limits that count this person today
    bounds: list[_Bound] = attrs.field(factory=list)


@attrs.define(eq=False)
class _Bound:
    """One shared limit on one group (unit or perangkat daerah) on one day.

    ``need`` is its figure in people (the cap, or the floor), ``count`` how
    many present members are in its modes now (kept up to date as people
    move), ``blockers`` the limits that stood in the way of a move it asked for.
    """

    limit: ir.LimitIR
    unit: Any
    present: list[_Person]
    count: int
    #: the limit's amount, evaluated only when the figure is needed (a cap with
    #: nobody in its modes usually never is)
    amount: Callable[[], object]
    blockers: list[_Bound] = attrs.field(factory=list)
    _need: int | None = None

    @property
    def need(self) -> int:
        if self._need is None:
            self._need = _count(self.amount(), len(self.present), self.limit.rounding)
        return self._need


def _allowed(mode: str, choice: Collection[str] | None = None) -> frozenset[str]:
    """What a limit may assign someone the rules decided ``mode`` for: it, or the office.

    A rule that leaves the choice to the head of unit (``dipilih dari {WFH, WFA}``)
    allows each mode of its ``choice``, and the office.
    """
    if mode in _NOT_WORKING:
        return frozenset({mode})
    return frozenset({mode, *(choice or ()), FALLBACK})


def _targets(person: _Person) -> tuple[str, ...]:
    """Where a limit tries to move a person, first to last.

    The office first (a cap keeps people back), then what the rules decided;
    for a choice, its modes in the order the rule wrote them, then the office.
    """
    a = person.assignment
    choice = a.detail.get("choice")
    if isinstance(choice, ModeChoice):
        return (*choice.order, FALLBACK)
    return (FALLBACK, a.eligible, *sorted(person.allowed))


def _blocking(person: _Person, current: str, target: str, asking: _Bound) -> _Bound | None:
    """A limit counting ``person`` that a move from ``current`` to ``target`` would break."""
    for other in person.bounds:
        if other is asking:
            continue
        inside_now, inside_then = current in other.limit.modes, target in other.limit.modes
        if other.limit.kind == "at_most":
            if inside_then and not inside_now and other.count >= other.need:
                return other
        elif inside_now and not inside_then and other.count <= other.need:
            return other
    return None


def _moved(
    person: _Person, target: str, why: str, limit: ir.LimitIR, detail: dict[str, object]
) -> None:
    """The person's assignment becomes ``target`` for ``limit``, with ``why`` and ``detail``.

    For a choice, the detail keeps it and the mode first chosen (``from``): the
    reason names the mode the limit moved them from.
    """
    a = person.assignment
    if "choice" in a.detail:
        detail = {**detail, "choice": a.detail["choice"], "from": a.mode}
    person.assignment = attrs.evolve(
        a, mode=target, why=why, clause=limit.clause, rule=limit.id, detail=detail
    )


def _keep_out(person: _Person, limit: ir.LimitIR, why: str, detail: dict[str, object]) -> None:
    """Out of the limit's modes for the rest of the day: to the first other mode they are
    allowed (the next of a choice, or the office)."""
    target = next(
        (m for m in _targets(person) if m not in limit.modes and m in person.allowed),
        FALLBACK,
    )
    person.allowed = (person.allowed - limit.modes) | {FALLBACK}
    _moved(person, target, why, limit, detail)


def _assign(
    person: _Person, target: str, why: str, limit: ir.LimitIR, detail: dict[str, object]
) -> None:
    """Move a person to ``target`` for ``limit``, keeping every count that holds them current."""
    current = person.assignment.mode
    for bound in person.bounds:
        bound.count += (target in bound.limit.modes) - (current in bound.limit.modes)
    _moved(person, target, why, limit, detail)


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
        #: (limit, unit, window kind, window) -> the people who had its modes in the window
        self.distinct: dict[tuple[str, str, str, Period], set[str]] = {}
        #: (block limit, unit) -> nip -> the person's turn and block (first and last day)
        self.block_turns: dict[tuple[str, str], dict[str, tuple[int, dt.date, dt.date]]] = {}
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
        self.rationed = {mode for lim in limits if lim.kind == "at_most" for mode in lim.modes}
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
        mode = eligible = str(decision.value)
        if decision.rule is not None:
            detail: dict[str, object] = {"title": self.titles.get(decision.rule)}
            if isinstance(decision.value, ModeChoice):
                # The head of unit's choice: start from the first mode written; the
                # limits move people within the choice (and to the office).
                mode = decision.value.order[0]
                detail["choice"] = decision.value
        elif decision.status == Status.AFTER_END:
            detail = {"after_end": decision.note}
        else:
            detail = {"note": decision.note}
        unit = employee.unit.kode
        return Assignment(
            employee.nip,
            employee.nama,
            unit,
            day,
            eligible,
            mode,
            Why.ELIGIBLE,
            decision.clause,
            decision.rule,
            detail,
            hours=self._hours(employee, day) if decision.rule is not None else None,
        )

    def _person(self, employee: Any, day: dt.date) -> _Person | None:
        """The employee on duty that day, as the rules decide them (None: not on duty, or
        undecidable), on leave when they are, with the modes a limit may assign them."""
        present = self._on(employee, day)
        if present is None:
            return None
        base = self._eligible(present, day)
        if base is None:
            return None
        if self._on_leave(present.nip, day) and base.mode not in _NOT_WORKING:
            base = attrs.evolve(base, mode=ON_LEAVE, why=Why.ABSENT)
        choice = base.detail.get("choice")
        return _Person(present, base, _allowed(base.mode, choice))  # type: ignore[arg-type]

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
        people = [p for e in self.employees if (p := self._person(e, day)) is not None]
        period = self.windows.period(day)
        counted = [(kind, self.windows.window(kind, day)) for kind in _COUNTED_WINDOWS]
        for person in people:
            self._personal_limits(person, day)
        for limit in self.shared:
            if limit.kind == "distinct":
                self._distinct(limit, people, day, period)
        bounds = self._bounds(people, day)
        for bound in bounds:
            if bound.limit.kind == "at_most":
                self._cap(bound, day, period)
        for bound in bounds:
            if bound.limit.kind == "at_least":
                self._floor(bound, period)
        for bound in bounds:
            self._verify(bound, day)
            bound.blockers.clear()
        self._recall(people, day)
        for person in people:
            # People and limits point at each other: unlink them so that reference
            # counting frees a day at once (a cycle would wait for the collector).
            person.bounds.clear()
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
            if limit.kind == "block":
                self._block(person, limit, day)
                continue
            a = person.assignment
            if a.mode in _NOT_WORKING or not self._applies(limit, person.employee, day):
                continue
            allowed = int(self._amount(limit, person.employee, day))  # type: ignore[call-overload]  # INT by the checker
            window = (limit.window, self.windows.window(limit.window, day))
            days = self._days_in(a.nip, window)
            if limit.kind == "at_least":
                # 'WFO at least N days a week' = other modes on at most (working days - N);
                # the modes a floor counts hold WFO (E183), where the person is kept.
                allowed = self._working_days(window, day) - allowed
                used = sum(n for mode, n in days.items() if mode not in limit.modes)
                left = person.allowed & limit.modes
                if a.mode in limit.modes:
                    if used >= allowed:  # a limit may not move them out of it today
                        person.allowed = left | {FALLBACK}
                    continue
            else:
                # A cap counts the person's days in any of its modes; it never counts WFO (E130).
                used = sum(n for mode, n in days.items() if mode in limit.modes)
                left = person.allowed - limit.modes
                if a.mode not in limit.modes:
                    if used >= allowed:  # a limit may not move them into it today (a choice)
                        person.allowed = left | {FALLBACK}
                    continue
            if used >= allowed:
                detail = {"limit": max(allowed, 0), "count": used, "window": limit.window}
                person.allowed = left | {FALLBACK}
                _moved(person, FALLBACK, Why.PERSON_LIMIT, limit, detail)

    def _distinct(
        self, limit: ir.LimitIR, people: list[_Person], day: dt.date, period: Period
    ) -> None:
        """``paling banyak N orang berbeda per unit per minggu``: the people who had the
        modes earlier in the window keep their turn; newcomers get what is left, in the
        order of the caps (priority, then the fewest days, then the rotation)."""
        window = (limit.window, self.windows.window(limit.window, day))
        for unit, members in self._groups(limit, people, day):
            inside = [p for p in members if p.assignment.mode in limit.modes]
            if not inside:
                continue
            seen = self.distinct.setdefault((limit.id, unit.kode, *window), set())
            allowed = int(self._amount(limit, _Subject(unit), day))  # type: ignore[call-overload]  # INT by the checker
            bound = _Bound(limit, unit, members, len(inside), functools.partial(int, allowed))
            newcomers = self._rank(
                [p for p in inside if p.assignment.nip not in seen], period, bound
            )
            room = max(allowed - len(seen), 0)
            for turn, person in enumerate(newcomers, start=1):
                if turn <= room:
                    seen.add(person.assignment.nip)
                    continue
                detail = {"distinct": allowed, "count": len(seen), "window": limit.window}
                _keep_out(person, limit, Why.CAP, detail)

    def _block(self, person: _Person, limit: ir.LimitIR, day: dt.date) -> None:
        """``satu blok per pegawai``: outside the person's own block, out of the limit's modes.

        Each person's block is fixed once per unit (:meth:`_own_block`); on the days
        of the windows outside it they go to the next mode they are allowed.
        """
        a = person.assignment
        here = next((i for i, (a0, a1) in enumerate(limit.blocks) if a0 <= day <= a1), None)
        if here is None or a.mode not in limit.modes:
            return
        if not self._applies(limit, person.employee, day):
            return
        turn, first, last = self._own_block(limit, person.employee)
        if first <= day <= last:
            return
        detail: dict[str, object] = {
            "block": f"{first.isoformat()}..{last.isoformat()}",
            "turn": turn + 1,
        }
        if limit.block_days is not None:
            detail["block_days"] = limit.block_days
        _keep_out(person, limit, Why.PERSON_LIMIT, detail)

    def _own_block(self, limit: ir.LimitIR, employee: Any) -> tuple[int, dt.date, dt.date]:
        """The person's turn (0 first) and block (first and last day) for a block limit.

        The unit's staff in the order of the rotation take the windows in turn (the
        first the first window, the second the second, ...), so every window gets
        its share of the unit.  With a length (``satu blok 3 hari kerja``) each
        takes the N consecutive working days of their window that the fewest of
        the unit have taken so far (the earliest on a tie), so the blocks spread
        over the window's days.
        """
        key = (limit.id, employee.unit.kode)
        blocks = self.block_turns.get(key)
        if blocks is None or employee.nip not in blocks:
            members = [e.nip for e in self.employees if e.unit.kode == key[1]]
            ordered = sorted(members, key=lambda nip: (_rotation(nip, 0), nip))
            # Someone moved in from another unit takes the turn after the unit's own.
            ordered += [nip for nip in (blocks or {}) if nip not in members]
            if employee.nip not in ordered:
                ordered.append(employee.nip)
            blocks = self.block_turns[key] = self._deal_blocks(limit, ordered)
        return blocks[employee.nip]

    def _deal_blocks(
        self, limit: ir.LimitIR, ordered: Sequence[str]
    ) -> dict[str, tuple[int, dt.date, dt.date]]:
        """Each person's (turn, first day, last day) of their block, in turn order."""
        windows: list[list[dt.date]] = []
        for first, last in limit.blocks:
            working = [d.tanggal for d in self.version.calendar.days(first, last) if d.hari_kerja]
            windows.append(working)
        taken: list[dict[dt.date, int]] = [defaultdict(int) for _ in windows]
        dealt = {}
        for turn, nip in enumerate(ordered):
            own = turn % len(limit.blocks)
            days, length = windows[own], limit.block_days
            if length is None or not days or length >= len(days):
                first, last = limit.blocks[own]
                dealt[nip] = (turn, first, last)
                continue
            load = taken[own]
            # The sum of the load over each run of `length` days, by a running total.
            sums = [sum(load[d] for d in days[:length])]
            for i in range(1, len(days) - length + 1):
                sums.append(sums[-1] - load[days[i - 1]] + load[days[i + length - 1]])
            start = min(range(len(sums)), key=lambda i: (sums[i], i))
            chosen = days[start : start + length]
            for d in chosen:
                load[d] += 1
            dealt[nip] = (turn, chosen[0], chosen[-1])
        return dealt

    def _days_in(self, nip: str, window: tuple[str, Period]) -> dict[str, int]:
        """The person's days per mode in a window so far."""
        kind, span = window
        return {key[2]: n for key, n in self.used[nip].items() if key[0] == kind and key[1] == span}

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

    def _bounds(self, people: list[_Person], day: dt.date) -> list[_Bound]:
        """Every shared limit on every group it applies to that day, with its figure in people."""
        bounds = []
        for limit in self.shared:
            if limit.kind == "distinct":
                continue  # counted over a window, before the day's caps (see _distinct)
            for unit, members in self._groups(limit, people, day):
                if limit.kind == "at_most":
                    present = [
                        p
                        for p in members
                        if p.assignment.mode not in (ON_LEAVE, STATUS_NOT_COVERED)
                    ]
                else:
                    if all(p.assignment.mode in _NOT_PRESENT for p in members):
                        continue  # not a working day for this unit: no floor to meet
                    present = [p for p in members if p.assignment.mode not in _NOT_WORKING]
                count = sum(1 for p in present if p.assignment.mode in limit.modes)
                amount = functools.partial(self._amount, limit, _Subject(unit), day)
                bound = _Bound(limit, unit, present, count, amount)
                for person in present:
                    person.bounds.append(bound)
                bounds.append(bound)
        return bounds

    def _priority_values(self, limit: ir.LimitIR, person: _Person, day: dt.date) -> list[object]:
        """The person's value of each expression of the limit's ``diutamakan`` (None: empty)."""
        facts = {"pegawai": person.employee, "kalender": self.version.calendar.day(day)}
        values = []
        for expr in limit.priority:
            try:
                values.append(self.version.interpreter.evaluate(expr, facts, day))
            except EvalError:
                values.append(None)
            except AttributeError as err:  # an employee without a field the line reads: D144
                raise not_facts(err) from None
        return values

    def _priority(self, limit: ir.LimitIR, person: _Person, day: dt.date) -> tuple[Any, ...]:
        """``diutamakan A, B``: a sort key, first for who is first (true, or the larger;
        the smaller with ``terkecil``)."""
        if not limit.priority:
            return ()
        key: list[tuple[int, Any]] = []
        orders = limit.priority_order or ("larger",) * len(limit.priority)
        for value, order in zip(self._priority_values(limit, person, day), orders, strict=True):
            if isinstance(value, bool):
                key.append((0, not value))
            elif value is None:
                key.append((1, 0))  # an empty fact comes last, in either order
            else:
                number = Decimal(str(value))
                key.append((0, number if order == "smaller" else -number))
        return tuple(key)

    def _priority_text(
        self, limit: ir.LimitIR, person: _Person, day: dt.date
    ) -> tuple[tuple[str, object, str], ...]:
        """The person's values of the limit's priority (as written, value, order: ``larger``
        or ``smaller`` first), for the reason."""
        parts = []
        orders = limit.priority_order or ("larger",) * len(limit.priority)
        values = self._priority_values(limit, person, day)
        for expr, value, order in zip(limit.priority, values, orders, strict=True):
            span = expr.span
            source = span.source if span is not None else None
            written = source.text[span.start : span.end] if span and source else "?"
            parts.append((written, value, order))
        return tuple(parts)

    def _rank(self, members: list[_Person], period: Period, bound: _Bound) -> list[_Person]:
        """Who keeps a capped place first: by the limit's priority (``diutamakan``), then the
        fewest days in their mode this period."""
        day = members[0].assignment.date if members else period.first

        def key(person: _Person) -> tuple[Any, ...]:
            a = person.assignment
            return (
                *self._priority(bound.limit, person, day),
                self.used[a.nip][("periode", period, a.mode)],
                _rotation(a.nip, period.number - 1),
                a.nip,
            )

        return sorted(members, key=key)

    def _callback_order(
        self, others: list[_Person], period: Period, bound: _Bound
    ) -> list[_Person]:
        """Who a floor calls back first.

        People in a mode some cap rations (WFH, say) before people in other
        modes (the WFA a clause grants by position); within each, whoever has
        had the most days in their mode this period, then the rotation.  So the
        calls back go round instead of falling on one person.
        """

        day = others[0].assignment.date if others else period.first

        def key(person: _Person) -> tuple[Any, ...]:
            a = person.assignment
            days = self.used[a.nip][("periode", period, a.mode)]
            return (
                *self._priority(bound.limit, person, day),
                a.mode not in self.rationed,
                -days,
                _rotation(a.nip, period.number - 1),
                a.nip,
            )

        return sorted(others, key=key)

    def _move(
        self, person: _Person, bound: _Bound, targets: Iterable[str]
    ) -> tuple[str | None, _Bound | None]:
        """The first of ``targets`` the person may move to without breaking another limit.

        A move may not push a cap over its figure nor a floor under it (nor
        further from it): limits never settle a clash by their order in the
        file.  Returns the mode (or None) and, when none fits, a limit that
        stood in the way.
        """
        current = person.assignment.mode
        blocker: _Bound | None = None
        for target in targets:
            if target not in person.allowed:
                continue
            against = _blocking(person, current, target, bound)
            if against is None:
                return target, None
            blocker = blocker or against
        return None, blocker

    def _cap(self, bound: _Bound, day: dt.date, period: Period) -> None:
        limit = bound.limit
        if bound.count == 0 or bound.count <= bound.need:
            return
        in_mode = [p for p in bound.present if p.assignment.mode in limit.modes]
        ranked = self._rank(in_mode, period, bound)
        # Beyond the cap's figure in rank order; should one of them have nowhere to
        # go, the places of the last kept are tried instead.
        order = list(enumerate(ranked, start=1))
        order = order[bound.need :] + order[: bound.need][::-1]
        for turn, person in order:
            if bound.count <= bound.need:
                break
            a = person.assignment
            target, blocker = self._move(
                person, bound, (m for m in _targets(person) if m not in limit.modes)
            )
            if target is None:
                if blocker is not None:
                    bound.blockers.append(blocker)
                continue
            detail: dict[str, object] = {
                "limit": bound.need,
                "count": bound.need,
                "headcount": len(bound.present),
                "turn": turn,
                "period_days": self.used[a.nip][("periode", period, a.mode)],
                "window": limit.window,
            }
            if limit.priority:
                detail["priority"] = self._priority_text(limit, person, day)
            _assign(person, target, Why.CAP, limit, detail)

    def _floor(self, bound: _Bound, period: Period) -> None:
        limit = bound.limit
        if bound.count >= bound.need:
            return
        have = bound.count
        others = [p for p in bound.present if p.assignment.mode not in limit.modes]
        for person in self._callback_order(others, period, bound):
            if bound.count >= bound.need:
                break
            target, blocker = self._move(
                person, bound, (m for m in _targets(person) if m in limit.modes)
            )
            if target is None:
                if blocker is not None:
                    bound.blockers.append(blocker)
                continue
            detail: dict[str, object] = {
                "limit": bound.need,
                "count": have,
                "headcount": len(bound.present),
                "window": limit.window,
            }
            if limit.priority:
                detail["priority"] = self._priority_text(limit, person, person.assignment.date)
            _assign(person, target, Why.FLOOR, limit, detail)

    def _verify(self, bound: _Bound, day: dt.date) -> None:
        """Warn of a limit that does not hold: above the headcount, against another, or barred."""
        limit = bound.limit
        headcount = len(bound.present)
        if limit.kind == "at_most" and (bound.count == 0 or bound.count <= bound.need):
            return
        if limit.kind == "at_least" and bound.count >= bound.need:
            return
        args: dict[str, object] = {
            "unit": bound.unit.kode,
            "date": day.isoformat(),
            "clause": limit.clause,
        }
        if limit.kind == "at_least" and bound.need > headcount == bound.count:
            args |= {"required": bound.need, "headcount": headcount, "mode": limit.label}
            self.warnings.append(Diagnostic("W401", limit.span, args, severity=Severity.WARNING))
            return
        args |= {
            "modes": limit.label,
            "kind": Localized(f"limit.{limit.kind}"),
            "limit": bound.need,
            "count": bound.count,
            "headcount": headcount,
        }
        others = sorted({id(b): b for b in bound.blockers}.values(), key=lambda b: b.limit.id)
        if others:
            other = others[0]
            args |= {
                "other": other.limit.clause,
                "other_modes": other.limit.label,
                "other_kind": Localized(f"limit.{other.limit.kind}"),
                "other_limit": other.need,
            }
            span = other.limit.span
            labels = (Label(span, "label-other-limit"),) if span is not None else ()
            self.warnings.append(
                Diagnostic("W180", limit.span, args, labels=labels, severity=Severity.WARNING)
            )
            return
        self.warnings.append(Diagnostic("W181", limit.span, args, severity=Severity.WARNING))

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
    # The assignments are kept to the end and a day's people and limits are unlinked
    # after it (no cycle to collect): the cycle collector would only rescan them,
    # half the time of a six-month schedule (edaran.core.collector).
    with collector_paused():
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
