"""A unit's plan (rencana), checked against the rules and the limits instead of scheduled.

Circulars often leave the arrangement to the head of unit ("pimpinan unit
mengatur gilirannya").  The head hands in a plan (``rencana.csv``: a person
or a unit, a day, a mode); :func:`check_plan` takes it as the schedule of
the unit-days it covers and reports every violation with its clause:

1. a planned mode the rules do not allow that person that day (D083): the
   rules' own mode is allowed (any mode of a choice the rule leaves to the
   head of unit, ``dipilih dari {WFO, WFH, WFA}``), and the office (WFO) always is;
2. a shared limit (a cap or a floor per unit, or per perangkat daerah) that
   the plan breaks on a day it covers (D084);
3. a personal limit (``... per pegawai per minggu``) a planned person goes
   over (D085);
4. a block limit (``WFA satu blok per pegawai, A sampai B atau C sampai D``)
   a planned person breaks: days in the limit's modes in two of its windows
   (D107), more days in one window than the block's length (D108), or days
   with a working day in another mode between them (D110);
5. a limit on different people (``WFA paling banyak 3 orang berbeda per unit
   per minggu``) a plan breaks: more people of a unit in its modes in the
   window (D109).

The last two are counted over the whole run, planned and scheduled days
together, and reported once per person (or unit and window) when a planned
day is among them.

Nothing is moved: a plan is the head of unit's choice, and a violation is
reported, not settled.  People of a covered unit without a row of their own
are counted at what the rules decide; the unit-days the plan does not cover
are scheduled as :func:`~edaran.scheduling.scheduler.schedule` does.  Recalls
come last, as in a schedule: the plan is checked as it was handed in, then a
recalled person's remote day (planned or not) becomes WFO with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from edaran.core.collector import collector_paused
from edaran.core.diagnostics import Diagnostic
from edaran.core.suggest import suggest
from edaran.engine.circular import Circular
from edaran.io.publish import provenance
from edaran.lang import ir
from edaran.messages import Localized
from edaran.model.calendar import Period
from edaran.model.protocols import EmployeeFacts
from edaran.model.workforce import Absence, PlanRow, Recall, Transfer
from edaran.scheduling.model import Assignment, Schedule, Why
from edaran.scheduling.scheduler import (
    _COUNTED_WINDOWS,
    _NOT_WORKING,
    ON_LEAVE,
    _Bound,
    _count,
    _Person,
    _Scheduler,
    _Subject,
)

__all__ = ["check_plan"]


def _row_for(rows: Sequence[PlanRow], nip: str, unit: Any) -> PlanRow | None:
    """The row that sets this person's mode: their own row first, then their unit's."""
    own = next((r for r in rows if r.nip == nip), None)
    if own is not None:
        return own
    return next((r for r in rows if r.nip is None and r.covers(nip, unit)), None)


class _PlanCheck(_Scheduler):
    def __init__(
        self,
        circular: Circular,
        employees: Sequence[Any],
        plan: Iterable[PlanRow],
        absences: Iterable[Absence],
        transfers: Iterable[Transfer],
        recalls: Iterable[Recall] = (),
    ) -> None:
        super().__init__(circular, employees, absences, transfers, recalls)
        self.plan: dict[dt.date, list[PlanRow]] = {}
        for row in plan:
            self.plan.setdefault(row.date, []).append(row)
        self.violations: list[Diagnostic] = []
        #: (block limit, nip) -> window index -> the person's days in the limit's modes
        self.block_days: dict[tuple[str, str], dict[int, list[dt.date]]] = defaultdict(
            lambda: defaultdict(list)
        )
        #: (block limit, nip, window index) -> the person's working days outside its modes
        self.block_gaps: dict[tuple[str, str, int], list[dt.date]] = defaultdict(list)
        #: (block limit, nip) or (distinct limit, unit, window): the plan rows among them
        self.planned_in: dict[tuple[object, ...], list[str]] = defaultdict(list)
        #: (distinct limit, unit, window kind, window) -> the limit's figure there
        self.distinct_limit: dict[tuple[str, str, str, Period], int] = {}
        self.limits_by_id: dict[str, ir.LimitIR] = {}

    def day(self, day: dt.date) -> list[Assignment]:
        version = self.circular.in_force(day)
        if version is not self.version:
            self._use(version)
        rows = self.plan.get(day, [])
        known = set(version.program.modes.names()) | {ON_LEAVE}
        people: list[_Person] = []
        planned: set[str] = set()
        for employee in self.employees:
            person = self._person(employee, day)
            if person is None:
                continue
            people.append(person)
            present, base, allowed = person.employee, person.assignment, person.allowed
            row = _row_for(rows, present.nip, present.unit)
            if row is None or base.mode in _NOT_WORKING:
                continue
            planned.add(present.unit.kode)
            if row.mode not in known:
                args = {"source": row.source, "mode": row.mode}
                hints = tuple(suggest(row.mode, known - {ON_LEAVE}))
                self._report("D087", row, args, hints)
                continue
            if row.mode not in allowed:
                args = {
                    "source": row.source,
                    "mode": row.mode,
                    "date": day.isoformat(),
                    "eligible": base.eligible,
                    "clause": base.clause or base.rule or "",
                }
                self._report("D083", row, args)
                continue
            chooser = "person" if row.nip else "unit"
            detail = {**base.detail, "plan": row.source, "chosen_by": chooser}
            person.assignment = attrs.evolve(base, mode=row.mode, why=Why.PLAN, detail=detail)
        counted = [(kind, self.windows.window(kind, day)) for kind in _COUNTED_WINDOWS]
        period = self.windows.period(day)
        for person in people:
            if person.assignment.why == Why.PLAN:
                self._personal(person, day)
            elif person.employee.unit.kode not in planned:
                self._personal_limits(person, day)
        free = [p for p in people if p.employee.unit.kode not in planned]
        for limit in self.shared:
            if limit.kind == "distinct":
                self._distinct(limit, free, day, period)
        bounds = self._bounds(people, day)
        scheduled = [
            b for b in bounds if not any(p.employee.unit.kode in planned for p in b.present)
        ]
        for bound in bounds:
            if bound not in scheduled:
                self._shared(bound, day)
        # The unit-days the plan does not cover are scheduled as always.
        for bound in scheduled:
            if bound.limit.kind == "at_most":
                self._cap(bound, day, period)
        for bound in scheduled:
            if bound.limit.kind == "at_least":
                self._floor(bound, period)
        for bound in scheduled:
            self._verify(bound, day)
            bound.blockers.clear()
        # Blocks and different people are judged on the plan as it was handed in;
        # a recall then calls a person in, as in a schedule.
        for person in people:
            self._record_blocks(person, day)
        self._record_distinct(people, day)
        self._recall(people, day)
        for person in people:
            person.bounds.clear()
            self._record(person, counted)
        return [
            p.assignment
            for p in sorted(people, key=lambda p: (p.assignment.unit, p.assignment.nip))
        ]

    def _report(
        self, code: str, row: PlanRow, args: Mapping[str, object], hints: tuple[str, ...] = ()
    ) -> None:
        self.violations.append(Diagnostic(code, row.span, args, suggestions=hints))

    def _shared(self, bound: _Bound, day: dt.date) -> None:
        limit = bound.limit
        present = [p for p in bound.present if p.assignment.mode not in _NOT_WORKING]
        if not present:
            return
        have = sum(1 for p in present if p.assignment.mode in limit.modes)
        need = _count(bound.amount(), len(present), limit.rounding)
        broken = have > need if limit.kind == "at_most" else have < need
        if broken:
            args = {
                "unit": bound.unit.kode,
                "date": day.isoformat(),
                "count": have,
                "headcount": len(present),
                "mode": limit.label,
                "clause": limit.clause,
                "bound": need,
                "kind": Localized("plan.at-most" if limit.kind == "at_most" else "plan.at-least"),
            }
            self.violations.append(Diagnostic("D084", limit.span, args))

    def _personal(self, person: _Person, day: dt.date) -> None:
        a = person.assignment
        for limit in self.personal:
            if a.mode not in limit.modes or limit.kind != "at_most":
                continue
            if not self._applies(limit, person.employee, day):
                continue
            allowed = int(self._amount(limit, person.employee, day))  # type: ignore[call-overload]  # INT by the checker
            window = (limit.window, self.windows.window(limit.window, day))
            used = sum(n for mode, n in self._days_in(a.nip, window).items() if mode in limit.modes)
            if used >= allowed:
                args = {
                    "source": a.detail.get("plan", ""),
                    "date": day.isoformat(),
                    "mode": limit.label,
                    "clause": limit.clause,
                    "limit": allowed,
                    "window": limit.window,
                }
                self.violations.append(Diagnostic("D085", limit.span, args))

    # ------------------------------------------------ blocks and different people
    def _record_blocks(self, person: _Person, day: dt.date) -> None:
        """The person's day in a block limit's modes, in the window it falls in."""
        a = person.assignment
        for limit in self.personal:
            if limit.kind != "block":
                continue
            here = next((i for i, (w0, w1) in enumerate(limit.blocks) if w0 <= day <= w1), None)
            if here is None or not self._applies(limit, person.employee, day):
                continue
            if a.mode not in limit.modes:
                # A day at work outside the modes: a block around it is not consecutive
                # (a day of leave or a day off is not a gap).
                if a.why != Why.ABSENT and self.version.calendar.day(day).hari_kerja:
                    self.block_gaps[(limit.id, a.nip, here)].append(day)
                continue
            self.limits_by_id[limit.id] = limit
            self.block_days[(limit.id, a.nip)][here].append(day)
            if a.why == Why.PLAN:
                self.planned_in[(limit.id, a.nip)].append(str(a.detail.get("plan", "")))

    def _record_distinct(self, people: list[_Person], day: dt.date) -> None:
        """The people of each unit in a distinct limit's modes, for the window of the day."""
        for limit in self.shared:
            if limit.kind != "distinct":
                continue
            window = (limit.window, self.windows.window(limit.window, day))
            for unit, members in self._groups(limit, people, day):
                inside = [p.assignment for p in members if p.assignment.mode in limit.modes]
                if not inside:
                    continue
                key = (limit.id, unit.kode, *window)
                self.limits_by_id[limit.id] = limit
                self.distinct.setdefault(key, set()).update(a.nip for a in inside)
                allowed = int(self._amount(limit, _Subject(unit), day))  # type: ignore[call-overload]  # INT by the checker
                self.distinct_limit[key] = allowed
                rows = [str(a.detail.get("plan", "")) for a in inside if a.why == Why.PLAN]
                self.planned_in[key].extend(rows)

    def block_violations(self) -> list[Diagnostic]:
        """D107 for a planned person in two windows of a block, D108 for more days than its
        length, D110 for days that are not consecutive working days; D109 for a unit with
        more different people than a limit allows."""
        found = []
        for (limit_id, nip), windows in sorted(self.block_days.items()):
            rows = self.planned_in.get((limit_id, nip))
            if not rows:
                continue
            limit = self.limits_by_id[limit_id]
            days = sorted(d for ds in windows.values() for d in ds)
            args: dict[str, object] = {
                "source": rows[0],
                "nip": nip,
                "mode": limit.label,
                "clause": limit.clause,
            }
            if len(windows) > 1:
                args |= {
                    "days": _dates(days),
                    "windows": " / ".join(
                        f"{limit.blocks[i][0].isoformat()}..{limit.blocks[i][1].isoformat()}"
                        for i in sorted(windows)
                    ),
                }
                found.append(Diagnostic("D107", limit.span, args))
            elif limit.block_days is not None and len(days) > limit.block_days:
                (index,) = windows
                w0, w1 = limit.blocks[index]
                args |= {
                    "days": _dates(days),
                    "count": len(days),
                    "limit": limit.block_days,
                    "window": f"{w0.isoformat()}..{w1.isoformat()}",
                }
                found.append(Diagnostic("D108", limit.span, args))
            elif limit.block_days is not None:
                (index,) = windows
                gaps = [
                    d
                    for d in self.block_gaps.get((limit_id, nip, index), [])
                    if days[0] < d < days[-1]
                ]
                if gaps:
                    args |= {
                        "days": _dates(days),
                        "gaps": _dates(gaps),
                        "limit": limit.block_days,
                    }
                    found.append(Diagnostic("D110", limit.span, args))
        for key, nips in sorted(self.distinct.items(), key=lambda kv: _distinct_order(kv[0])):
            rows = self.planned_in.get(key)
            allowed = self.distinct_limit.get(key)
            if not rows or allowed is None or len(nips) <= allowed:
                continue
            limit_id, unit, kind, span = key
            limit = self.limits_by_id[limit_id]
            args = {
                "source": rows[0],
                "unit": unit,
                "mode": limit.label,
                "window": Localized(f"schedule.window-{kind}"),
                "first": span.first.isoformat(),
                "last": span.last.isoformat(),
                "count": len(nips),
                "nips": ", ".join(sorted(nips)),
                "clause": limit.clause,
                "limit": allowed,
            }
            found.append(Diagnostic("D109", limit.span, args))
        return found


def _dates(days: Iterable[dt.date]) -> str:
    return ", ".join(d.isoformat() for d in days)


def _distinct_order(key: tuple[str, str, str, Period]) -> tuple[str, str, dt.date]:
    limit_id, unit, _, span = key
    return (limit_id, unit, span.first)


def check_plan(
    circular: Circular,
    employees: Sequence[EmployeeFacts],
    plan: Iterable[PlanRow],
    first: dt.date,
    last: dt.date,
    *,
    absences: Iterable[Absence] = (),
    transfers: Iterable[Transfer] = (),
    recalls: Iterable[Recall] = (),
) -> Schedule:
    """The plan as a schedule from ``first`` to ``last``, with every violation in its warnings.

    Planned days have ``why`` = ``plan`` and ``detail["plan"]`` (the row) and
    ``detail["chosen_by"]`` (``unit`` or ``person``: which row chose).  The
    violations (D083-D085, D087, D107-D110) are errors: a plan that breaks the
    rules is not a schedule to publish.  ``recalls`` apply after the check, as
    in :func:`~edaran.scheduling.scheduler.schedule`.
    """
    worker = _PlanCheck(circular, employees, plan, absences, transfers, recalls)
    assignments: list[Assignment] = []
    with collector_paused():  # as schedule(): nothing to collect until the end
        for index in range((last - first).days + 1):
            assignments.extend(worker.day(first + dt.timedelta(days=index)))
    units = {e.unit.kode: e.unit.nama for e in employees}
    return Schedule(
        first,
        last,
        tuple(assignments),
        dict(sorted(units.items())),
        (
            *worker.violations,
            *worker.block_violations(),
            *worker.warnings,
            *worker.errors.values(),
        ),
        provenance=provenance(circular),
    )
