"""Recalls (panggilan) on the rules' decisions, where no schedule is made.

The scheduler applies recalls after its limits
(:func:`~edaran.scheduling.scheduler.schedule`).  Without a schedule,
``edaran decide``, ``edaran explain``, the discipline engine and the
service's ``/decide`` apply them to what the rules decide, with the same
test: a recall calls a person in on a working day the rules keep them away
from the office; a day off, a day out of force, a person the circular does
not cover and a day already at the office stay as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from edaran.core.modes import STATUS_NOT_COVERED, STATUS_NOT_IN_FORCE, STATUS_OFF, WORK_MODE
from edaran.engine.decision import Decision, Status
from edaran.model.protocols import EmployeeFacts
from edaran.model.workforce import Recall

__all__ = ["OFFICE", "apply_recalls", "recall_for"]

#: The mode a recall calls a person to.
OFFICE = "WFO"
#: What a recall leaves as it is.
_KEPT = frozenset({STATUS_OFF, STATUS_NOT_IN_FORCE, STATUS_NOT_COVERED, OFFICE})


def recall_for(
    recalls: Iterable[Recall], nip: str, unit: Any, day: dt.date, mode: str
) -> Recall | None:
    """The first recall of ``day`` that calls this person in, when ``mode`` keeps them away.

    ``unit`` is the person's unit (a :class:`~edaran.model.Unit`, or a
    developer's class with its ``silsilah``); ``mode`` is what the rules gave; None when it is a day
    off, out of force, not covered or WFO already, or when no recall names
    the person, their unit or a unit above it.
    """
    if mode in _KEPT:
        return None
    return next((r for r in recalls if r.date == day and r.calls(nip, unit)), None)


def apply_recalls(
    decisions: Iterable[Decision],
    recalls: Iterable[Recall],
    people: Mapping[str, EmployeeFacts],
) -> Iterator[Decision]:
    """The decisions, each work-mode one a recall calls in turned into WFO with the recall.

    ``people`` maps a NIP to its employee (for the unit a unit recall names).
    A recalled decision has ``status`` ``recall``, ``recall`` and ``was``
    (the value the rules gave); its rule, clause, title and overridden rules
    are cleared, since no rule decided the office.  Other outputs
    (``jam_kerja``, ``keluaran``) pass unchanged.  A generator, like
    :meth:`~edaran.Circular.decide_many`.
    """
    by_day: dict[dt.date, list[Recall]] = {}
    for recall in recalls:
        by_day.setdefault(recall.date, []).append(recall)
    for decision in decisions:
        today = by_day.get(decision.date)
        person = people.get(decision.nip) if today else None
        if person is None or today is None or decision.output != WORK_MODE:
            yield decision
            continue
        called = recall_for(today, person.nip, person.unit, decision.date, str(decision.value))
        if called is None:
            yield decision
            continue
        yield attrs.evolve(
            decision,
            value=OFFICE,
            status=Status.RECALL,
            rule=None,
            clause=None,
            overridden=(),
            note="",
            title=None,
            recall=called,
            was=decision.value,
        )
