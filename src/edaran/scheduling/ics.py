"""iCalendar files of a schedule (``edaran.scheduling.writers.write_ics``); needs ``icalendar``.

One all-day event per day away from the office (WFH, WFA, or another
off-site mode a rule file declares; never WFO, a day off or a day on
leave).  UIDs are stable (``<NIP>-<date>@edaran`` in a person's file,
``<UNIT>-<NIP>-<date>@edaran`` in a unit's), so a calendar that imports a
newer schedule updates the events it already has; ``DTSTAMP`` is the first
day of the schedule, so the bytes do not depend on the clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator

from icalendar import Calendar, Event

from edaran.messages import Lang, message
from edaran.scheduling.model import Assignment, Schedule, Why
from edaran.scheduling.presentation import assignment_reason

__all__ = ["PRODID", "calendars", "file_names", "is_event"]

PRODID = "-//edaran//schedule//ID"

_ON_SITE = frozenset({"WFO", "LIBUR", "TIDAK_BERLAKU"})
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")


def is_event(a: Assignment) -> bool:
    """True for a day that becomes a calendar event: away from the office, not on leave."""
    return a.mode not in _ON_SITE and a.why != Why.ABSENT


def calendars(schedule: Schedule, per: str, lang: Lang) -> Iterator[tuple[str, bytes]]:
    """``(file name, bytes)`` per person (``per="person"``) or per unit, sorted by name."""
    groups: dict[str, list[Assignment]] = {}
    for a in schedule.assignments:
        groups.setdefault(a.nip if per == "person" else a.unit, []).append(a)
    stamp = dt.datetime.combine(schedule.first, dt.time(), tzinfo=dt.UTC)
    names = file_names(sorted(groups))
    for key in sorted(groups):
        items = sorted(groups[key], key=lambda a: (a.date, a.nip))
        cal = Calendar()
        cal.add("prodid", PRODID)
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("method", "PUBLISH")
        if per == "person":
            name = message("schedule-ics.person-cal", lang, name=items[0].name, nip=key)
        else:
            name = message(
                "schedule-ics.unit-cal", lang, code=key, name=schedule.units.get(key, key)
            )
        cal.add("x-wr-calname", name)
        for a in items:
            if not is_event(a):
                continue
            event = Event()
            prefix = a.nip if per == "person" else f"{a.unit}-{a.nip}"
            event.add("uid", f"{prefix}-{a.date:%Y%m%d}@edaran")
            event.add("dtstamp", stamp)
            event.add("dtstart", a.date)
            event.add("dtend", a.date + dt.timedelta(days=1))
            event.add("summary", a.mode if per == "person" else f"{a.mode} — {a.name}")
            event.add("description", _description(a, schedule, per, lang))
            event.add("categories", [a.mode])
            event.add("transp", "TRANSPARENT")
            cal.add_component(event)
        yield names[key], cal.to_ical(sorted=False)


def file_names(keys: list[str]) -> dict[str, str]:
    """One ``.ics`` file name per unit code or NIP, never two alike.

    A key of letters, digits, ``_``, ``.`` and ``-`` is its own name; any
    other character becomes ``_`` and the name takes eight hex digits of the
    key's SHA-256, so ``A B`` and ``A_B`` (or ``DINKES`` and ``dinkes`` on a
    file system that ignores case) get two files, not one overwriting the
    other.
    """
    names: dict[str, str] = {}
    used: set[str] = set()
    for key in keys:
        safe = _UNSAFE.sub("_", key) or "_"
        name = safe
        if safe != key or safe.casefold() in used:
            digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
            size = 8
            name = f"{safe}-{digest[:size]}"
            while name.casefold() in used:
                size += 4
                name = f"{safe}-{digest[:size]}"
        used.add(name.casefold())
        names[key] = f"{name}.ics"
    return names


def _description(
    a: Assignment,
    schedule: Schedule,
    per: str,
    lang: Lang,
) -> str:
    unit = schedule.units.get(a.unit, "")
    lines = [f"{message('schedule-ics.unit', lang)}: {a.unit}" + (f" — {unit}" if unit else "")]
    if per == "unit":
        lines.append(f"{message('schedule-ics.person', lang)}: {a.name} ({a.nip})")
    if a.clause:
        lines.append(f"{message('schedule-ics.clause', lang)}: {a.clause}")
    text = assignment_reason(a, lang)
    if text:
        lines.append(f"{message('schedule-ics.reason', lang)}: {text}")
    return "\n".join(lines)
