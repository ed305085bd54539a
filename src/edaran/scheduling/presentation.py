"""How a schedule reads to people: the reason for each assignment, tallies per unit, mode columns.

The CSV, JSON, Excel and iCalendar writers all import this module, and none
of them imports another writer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

import attrs

from edaran.core.modes import BUILTIN_MODES, DAY_STATUSES, STATUS_NOT_COVERED
from edaran.core.values import show_value
from edaran.messages import Lang, has_message, message
from edaran.model.workforce import Weekday
from edaran.scheduling.model import Assignment, Schedule, Why

__all__ = ["KEPT_BACK", "OFF", "UnitTally", "assignment_reason", "mode_columns", "tally"]


#: Day statuses that are no work arrangement: left out of totals, greyed in Excel.
OFF = (*DAY_STATUSES, STATUS_NOT_COVERED)


#: The reasons an eligible person is kept back, in the order the summaries show them.
KEPT_BACK = (Why.CAP, Why.PERSON_LIMIT, Why.FLOOR)


# ---------------------------------------------------------------- reasons
def assignment_reason(assignment: Assignment, lang: Lang = "id") -> str:
    """A one-line reason for an assignment, in ``lang``.

    A recall (``Why.RECALL``) gives the recall's ``detail["reason"]``.
    For an assignment kept back (``Why.CAP``, ``Why.PERSON_LIMIT``,
    ``Why.FLOOR``) the sentence is built from ``assignment.detail``: ``limit``,
    ``headcount``, ``count``, ``turn``, ``period_days`` and ``window``; a
    missing key leaves its part out.  For example
    ``dibatasi butir 4: kuota WFH unit BPKAD 3 dari 7 pada 2026-04-10, giliran ke-5``.
    For a personal limit, the person's days so far are ``count`` (or
    ``period_days``).  Otherwise it is the clause that decided, with the
    rule's title from ``detail["title"]`` when given, or ``hari libur`` /
    ``tidak bertugas`` with ``detail["note"]``.
    """
    a = assignment
    if a.why == Why.CAP:
        return _cap_reason(a, lang)
    if a.why == Why.PERSON_LIMIT:
        return _limit_reason(a, lang)
    if a.why == Why.FLOOR:
        return _floor_reason(a, lang)
    if a.why == Why.RECALL:
        was = a.detail.get("was", a.eligible)
        return message("schedule.recall", lang, was=was, reason=a.detail.get("reason", ""))
    if a.why == Why.PLAN:
        title = a.detail.get("title")
        cited = a.clause or a.rule or ""
        rules = f"{cited}: {title}" if cited and title else cited
        key = "schedule.plan-person" if a.detail.get("chosen_by") == "person" else "schedule.plan"
        return message(key, lang, source=a.detail.get("plan", ""), rules=rules)
    if a.detail.get("after_end") and a.why == Why.ELIGIBLE:
        return message("schedule.after-end", lang, date=a.detail["after_end"], mode=a.mode)
    note = _note(a.detail.get("note"), lang)
    if a.why == Why.ABSENT:
        return message("schedule.absent", lang) + (f": {note}" if note else "")
    if a.mode == STATUS_NOT_COVERED:
        return message("decision.not-covered-short", lang, note=note)
    if a.mode in OFF and not a.clause:
        return message("schedule.off", lang) + (f": {note}" if note else "")
    title = a.detail.get("title")
    cited = a.clause or a.rule or ""
    text = f"{cited}: {title}" if cited and title else cited or str(title or "")
    choice = a.detail.get("choice")
    if choice is not None and a.why == Why.ELIGIBLE:
        text += message("schedule.chosen", lang, mode=a.mode, choice=str(choice))
    return text


def _note(note: object, lang: Lang) -> str:
    """A day's note in the reader's language: a weekday recorded as ``SABTU`` is worded."""
    if not note:
        return ""
    text = str(note)
    if text.upper() in Weekday.__members__:
        day = Weekday[text.upper()]
        return day.word(lang)
    return text


def _was(a: Assignment) -> object:
    """The mode a limit moved the person from: what they were eligible for, or the mode
    first chosen for them within a choice (``detail["from"]``)."""
    return a.detail.get("from", a.eligible)


def _num(detail: Mapping[str, object], key: str) -> object | None:
    value = detail.get(key)
    return None if value is None or isinstance(value, bool) else value


def _opening(a: Assignment, key: str, lang: Lang) -> str:
    if a.clause:
        return message(f"schedule.{key}", lang, clause=a.clause)
    return message(f"schedule.{key}-bare", lang)


def _cap_reason(a: Assignment, lang: Lang) -> str:
    d = a.detail
    if "distinct" in d:
        window = str(d.get("window", "periode"))
        if has_message(f"schedule.window-{window}"):
            window = message(f"schedule.window-{window}", lang)
        return _opening(a, "cap", lang) + message(
            "schedule.distinct",
            lang,
            mode=_was(a),
            limit=d["distinct"],
            unit=a.unit,
            window=window,
            count=d.get("count", ""),
        )
    limit, headcount = _num(d, "limit"), _num(d, "headcount")
    text = _opening(a, "cap", lang) + message("schedule.cap-quota", lang, mode=_was(a), unit=a.unit)
    if limit is not None:
        text += message("schedule.cap-limit", lang, limit=limit)
        if headcount is not None:
            text += message("schedule.of-headcount", lang, headcount=headcount)
    text += message("schedule.on-date", lang, date=a.date.isoformat())
    return text + _tail(a, lang, count_key="count-mode") + _priority(a, lang)


def _limit_reason(a: Assignment, lang: Lang) -> str:
    d = a.detail
    if "block" in d:
        first, _, last = str(d["block"]).partition("..")
        days = d.get("block_days")
        key, extra = ("schedule.block-days", {"days": days}) if days else ("schedule.block", {})
        return _opening(a, "limit", lang) + message(
            key, lang, mode=_was(a), first=first, last=last, turn=d.get("turn", ""), **extra
        )
    limit = _num(d, "limit")
    used = _num(d, "count") if _num(d, "count") is not None else _num(d, "period_days")
    window = str(d.get("window", "periode"))
    window = (
        message(f"schedule.window-{window}", lang)
        if has_message(f"schedule.window-{window}")
        else window
    )
    text = _opening(a, "limit", lang)
    if limit is not None:
        text += message(
            "schedule.limit-most",
            lang,
            limit=limit,
            mode=_was(a),
            window=window,
        )
    else:
        text += message("schedule.limit-most-bare", lang, mode=_was(a))
    if used is not None:
        text += message("schedule.limit-used", lang, days=used)
    return text


def _floor_reason(a: Assignment, lang: Lang) -> str:
    d = a.detail
    limit, headcount = _num(d, "limit"), _num(d, "headcount")
    text = _opening(a, "floor", lang)
    if limit is not None:
        of = (
            message("schedule.of-headcount", lang, headcount=headcount)
            if headcount is not None
            else ""
        )
        text += message("schedule.floor-least", lang, limit=limit, of=of, unit=a.unit)
    else:
        text += message("schedule.floor-least-bare", lang, unit=a.unit)
    text += message("schedule.on-date", lang, date=a.date.isoformat())
    return text + _tail(a, lang, count_key="floor-count") + _priority(a, lang)


def _priority(a: Assignment, lang: Lang) -> str:
    """The person's values of the limit's order (``diutamakan``), when it has one."""
    priority = a.detail.get("priority")
    if not isinstance(priority, tuple) or not priority:
        return ""
    parts = []
    for written, value, *order in priority:
        part = f"{written} = {show_value(value, lang)}"
        if order and order[0] and not isinstance(value, bool) and value is not None:
            word = message(f"priority.{order[0]}", lang)
            part += message("schedule.priority-order", lang, order=word)
        parts.append(part)
    return message("schedule.priority", lang, priority=", ".join(parts))


def _tail(a: Assignment, lang: Lang, count_key: str) -> str:
    d = a.detail
    text = ""
    count, turn, days = _num(d, "count"), _num(d, "turn"), _num(d, "period_days")
    if count is not None:
        text += message(f"schedule.{count_key}", lang, count=count, mode=_was(a))
    if turn is not None:
        text += message("schedule.turn", lang, turn=turn)
    if days is not None:
        text += message("schedule.period-days", lang, days=days, mode=_was(a))
    return text


# ---------------------------------------------------------------- tallies
@attrs.define
class UnitTally:
    """What one unit's assignments add up to (for the summaries)."""

    code: str
    name: str
    people: set[str] = attrs.field(factory=set)
    modes: Counter[str] = attrs.field(factory=Counter)
    kept: Counter[str] = attrs.field(factory=Counter)
    warnings: int = 0


def tally(schedule: Schedule) -> list[UnitTally]:
    """Per-unit totals, in the order of ``schedule.units`` (then any other unit, sorted).

    Units with neither assignments nor warnings are left out.
    """
    rows: dict[str, UnitTally] = {}

    def row(code: str) -> UnitTally:
        if code not in rows:
            rows[code] = UnitTally(code, schedule.units.get(code, ""))
        return rows[code]

    for a in schedule.assignments:
        r = row(a.unit)
        r.people.add(a.nip)
        r.modes[a.mode] += 1
        if a.why in KEPT_BACK:
            r.kept[a.why] += 1
    for d in schedule.warnings:
        unit = d.args.get("unit")
        if isinstance(unit, str):
            row(unit).warnings += 1
    order = {code: i for i, code in enumerate(schedule.units)}
    return sorted(rows.values(), key=lambda r: (order.get(r.code, len(order)), r.code))


def mode_columns(modes: Iterable[str], *, with_off: bool = False) -> list[str]:
    """Modes in reading order: WFO, WFH, WFA, others sorted, then (optionally) days off."""
    seen = set(modes)
    columns = [m for m in BUILTIN_MODES if m in seen]
    columns += sorted(m for m in seen if m not in BUILTIN_MODES and m not in OFF)
    if with_off:
        columns += [m for m in OFF if m in seen]
    return columns
