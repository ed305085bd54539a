"""What a schedule is: per-person, per-day assignments that meet a circular's caps.

The scheduler (:mod:`edaran.scheduling.scheduler`) turns eligibility (the per-person
decisions of the rules) into assignments; the writers
(:mod:`edaran.scheduling.writers`) publish them as CSV, JSON, Excel and iCalendar.
Both read only these classes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping

import attrs

from edaran.core.diagnostics import Diagnostic
from edaran.core.types import WorkingHours
from edaran.io.publish import Published, provenance

__all__ = ["Assignment", "Schedule", "Why"]


class Why:
    """Why an assignment differs from what the person was eligible for (``Assignment.why``)."""

    ELIGIBLE = "eligible"  #: assigned what the rules decided
    CAP = "cap"  #: eligible for a mode, kept back by a cap on the unit that day
    PERSON_LIMIT = "person-limit"  #: kept back by a per-person limit over a week or period
    FLOOR = "floor"  #: kept on site to meet a minimum staffing floor
    ABSENT = "absent"  #: on leave that day (days before hire or after leaving have no row)
    RECALL = "recall"  #: called to the office that day (a recall), ``detail["reason"]`` says why
    PLAN = "plan"  #: the mode a unit's plan chose (``detail["plan"]``: the row that chose)


@attrs.frozen
class Assignment:
    """One person on one day.

    ``eligible`` is what the rules decided (WFH, WFO, WFA, LIBUR, ...);
    ``mode`` is what the schedule assigns.  When they differ, ``why`` says
    which mechanism kept the person back, ``clause`` which clause it comes
    from, and ``detail`` holds the figures behind it (the cap, the count
    already at home, the person's rotation turn) for the explanation.
    """

    nip: str
    name: str
    unit: str
    date: dt.date
    eligible: str
    mode: str
    why: str = Why.ELIGIBLE
    clause: str | None = None
    rule: str | None = None
    detail: Mapping[str, object] = attrs.field(factory=dict, eq=False)
    #: the working hours of the day (``jam_kerja``) when the rule file gives them, else None
    hours: WorkingHours | None = attrs.field(default=None, kw_only=True)


@attrs.frozen
class Schedule(Published):
    """Assignments over a date range, with the problems met while making them.

    ``assignments`` are ordered by date, then unit, then NIP; ``warnings``
    hold what could not be met (a floor above the headcount, say), each
    naming unit, day and clauses.  ``units`` maps unit codes to names.
    """

    first: dt.date
    last: dt.date
    assignments: tuple[Assignment, ...]
    units: Mapping[str, str]
    warnings: tuple[Diagnostic, ...] = ()
    #: where the schedule comes from (:func:`edaran.io.publish.provenance`)
    provenance: Mapping[str, str | None] = attrs.field(factory=provenance, eq=False)
    #: the rule file's time zone (``WIB``, ``WITA``, ``WIT``): the zone of the working hours
    zone: str = attrs.field(default="WIB", kw_only=True)
    _parts = ("assignments",)

    @property
    def has_hours(self) -> bool:
        """True when some assignment carries working hours (``jam_kerja``)."""
        return any(a.hours is not None for a in self.assignments)

    def __iter__(self) -> Iterator[Assignment]:
        return iter(self.assignments)

    def __len__(self) -> int:
        return len(self.assignments)

    def days(self) -> list[dt.date]:
        """Every date from ``first`` to ``last``."""
        count = (self.last - self.first).days + 1
        return [self.first + dt.timedelta(days=i) for i in range(count)]

    def for_unit(self, unit: str) -> list[Assignment]:
        """The assignments of one unit, in order."""
        return [a for a in self.assignments if a.unit == unit]

    def for_person(self, nip: str) -> list[Assignment]:
        """The assignments of one person, in date order."""
        return [a for a in self.assignments if a.nip == nip]
