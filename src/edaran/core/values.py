"""Values as a rule file writes them, for messages, explanations and tables."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

from edaran.core.modes import ModeChoice
from edaran.core.types import Duration, WorkingHours
from edaran.messages import Lang, message

__all__ = ["clock", "json_value", "show_hours", "show_value"]


def show_hours(value: WorkingHours, lang: Lang = "id") -> str:
    """``07:30-16:00 (istirahat 12:00-13:00)``: the hours and their breaks."""
    start, end = clock(value.start), clock(value.end)
    if not value.breaks:
        return message("value.hours", lang, start=start, end=end)
    breaks = ", ".join(f"{clock(a)}-{clock(b)}" for a, b in value.breaks)
    return message("value.hours-breaks", lang, start=start, end=end, breaks=breaks)


def clock(value: dt.time) -> str:
    """A time of day as a rule file writes it: ``07:30``, or ``07:30:15`` with seconds."""
    return value.isoformat(timespec="seconds" if value.second or value.microsecond else "minutes")


def show_value(value: object, lang: Lang = "id") -> str:
    """A value as a rule file would write it (``benar``, ``Jumat``, ``{A, B}``, ``5 menit``)."""
    if isinstance(value, bool):
        return message("value.true" if value else "value.false", lang)
    if isinstance(value, enum.Enum):
        label = getattr(value, "label", None)
        return str(label) if label else value.name
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return clock(value)
    if isinstance(value, ModeChoice):
        return str(value)  # in the order the rule wrote it
    if isinstance(value, frozenset):
        return "{" + ", ".join(sorted(show_value(v, lang) for v in value)) + "}"
    if isinstance(value, Duration):
        return value.describe()
    if isinstance(value, WorkingHours):
        return show_hours(value, lang)
    if value is None:
        return message("value.empty", lang)
    if hasattr(value, "kode") and hasattr(value, "nama"):
        return f"{value.kode} ({value.nama})"
    return str(value)


def json_value(value: object) -> object:
    """A run-time value as JSON data: what a program reads where :func:`show_value` is for people.

    Booleans and whole numbers stay themselves, a decimal is a string of plain
    digits (never a float), a date is ISO, an enumeration member (a mode, a
    weekday) its name, a set a sorted list, a duration its words, working hours an
    object (start, end, breaks, effective), a unit its
    code, and an empty value ``None``.
    """
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return (
            format(value.normalize(), "f")
            if value != value.to_integral_value()
            else str(int(value))
        )
    if isinstance(value, enum.Enum):
        return value.name
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return clock(value)
    if isinstance(value, ModeChoice):
        return list(value.order)
    if isinstance(value, frozenset | set):
        return sorted((json_value(v) for v in value), key=str)
    if isinstance(value, Duration):
        return value.describe()
    if isinstance(value, WorkingHours):
        return {
            "start": clock(value.start),
            "end": clock(value.end),
            "breaks": [[clock(a), clock(b)] for a, b in value.breaks],
            "effective": value.effective.describe(),
        }
    if hasattr(value, "kode"):
        return str(value.kode)
    return str(value)
