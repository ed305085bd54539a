"""The dates pass: the government's isbat of Hijri months (``isbat`` lines).

It runs first, so that every Hijri date of the file, header included, is read
with the months the file pins.  A pin moves its whole month: ``isbat 1 Syawal
1447 H adalah 2026-03-21`` makes 2 Syawal 2026-03-22, and so on.
"""

from __future__ import annotations

import datetime as dt

from edaran.core.diagnostics import Diagnostic, Label, Span
from edaran.lang import nodes as n
from edaran.lang.checks.state import State
from edaran.model import dates as hd

__all__ = ["ISBAT_REACH", "dates"]

#: How far (in days) an isbat may move a month from Umm al-Qura: sightings differ by
#: a day, rarely two; more is a typing mistake.
ISBAT_REACH = 2


def dates(state: State) -> None:
    """Read every ``isbat`` line into the file's Hijri calendar."""
    reader = state.exprs.dates
    pins: dict[tuple[int, int], tuple[dt.date, Span | None]] = {}
    for item in state.items:
        if not isinstance(item, n.IsbatDecl):
            continue
        parts = reader.hijri_date(item.hijri.text, item.hijri.span)
        day = reader.read(item.date.text, item.date.span)
        if parts is None or day is None:
            continue
        year, month, mday = parts
        try:
            umm = hd.HijriCalendar.umm_al_qura(year, month, mday)
        except hd.HijriProblem:
            reader.read(item.hijri.text, item.hijri.span)  # reports E191 or E192
            continue
        first = day - dt.timedelta(days=mday - 1)
        args = {"hijri": item.hijri.text, "date": day.isoformat(), "umm": umm.isoformat()}
        gap = abs((day - umm).days)
        if gap > ISBAT_REACH:
            state.report(Diagnostic("E195", item.date.span, {**args, "reach": ISBAT_REACH}))
            continue
        known = pins.get((year, month))
        if known is not None and known[0] != first:
            labels = (Label(known[1], "label-declared-here"),) if known[1] is not None else ()
            month_args = {"month": f"{hd.HIJRI_MONTHS[month - 1][0]} {year} H"}
            state.report(Diagnostic("E196", item.span, month_args, labels=labels))
            continue
        pins[(year, month)] = (first, item.span)
    reader.hijri.pins = {key: first for key, (first, _span) in pins.items()}
