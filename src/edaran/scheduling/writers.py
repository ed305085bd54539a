"""Publishing a schedule: CSV, JSON, an Excel workbook, iCalendar files, a terminal summary.

Every writer reads only the data model (:mod:`edaran.schedule_model`) and gives the same bytes
for the same schedule (no clock, no locale, no hash order): a schedule
published twice can be compared with ``diff``.  Words come in Indonesian
(default) and English; codes (NIP, unit codes, modes, clauses) are never
translated.

The Excel and iCalendar writers need optional packages (``openpyxl`` from
the ``excel`` extra, ``icalendar`` from the ``calendar`` extra); without
them they raise :class:`~edaran.diagnostics.EdaranError` ``D040`` saying
what to install.  :func:`require_format` makes the same check up front, so
a command line can refuse before a long scheduling run.

The workbook and calendar writers live in ``_xlsx.py`` and ``_ics.py``;
they import the helpers here, and this module imports them only inside
:func:`write_xlsx` and :func:`write_ics`.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Literal, TextIO

import attrs

from edaran.core.diagnostics import Diagnostic, EdaranError, Severity, render
from edaran.core.modes import BUILTIN_MODES, DAY_STATUSES
from edaran.messages import Lang, has_message, message
from edaran.model.workforce import Weekday
from edaran.scheduling.model import Assignment, Schedule, Why

__all__ = [
    "EXTRAS",
    "assignment_reason",
    "require_format",
    "summary_text",
    "write_csv",
    "write_ics",
    "write_json",
    "write_xlsx",
]

#: Output format -> (the package it needs, the extra that installs it).
EXTRAS: Mapping[str, tuple[str, str]] = {
    "xlsx": ("openpyxl", "excel"),
    "ics": ("icalendar", "calendar"),
}

#: The message code of a missing optional package (in ``messages_data.py``).
MISSING_EXTRA = "D040"

#: Day statuses that are no work arrangement: left out of totals, greyed in Excel.
OFF = DAY_STATUSES
#: The reasons an eligible person is kept back, in the order the summaries show them.
KEPT_BACK = (Why.CAP, Why.PERSON_LIMIT, Why.FLOOR)


# ---------------------------------------------------------------- reasons
def assignment_reason(assignment: Assignment, lang: Lang = "id") -> str:
    """A one-line reason for an assignment, in ``lang``.

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
    note = _note(a.detail.get("note"), lang)
    if a.why == Why.ABSENT:
        return message("schedule.absent", lang) + (f": {note}" if note else "")
    if a.mode in OFF and not a.clause:
        return message("schedule.off", lang) + (f": {note}" if note else "")
    title = a.detail.get("title")
    cited = a.clause or a.rule or ""
    return f"{cited}: {title}" if cited and title else cited or str(title or "")


def _note(note: object, lang: Lang) -> str:
    """A day's note in the reader's language: a weekday recorded as ``SABTU`` is worded."""
    if not note:
        return ""
    text = str(note)
    if text.upper() in Weekday.__members__:
        day = Weekday[text.upper()]
        return day.word(lang)
    return text


def _num(detail: Mapping[str, object], key: str) -> object | None:
    value = detail.get(key)
    return None if value is None or isinstance(value, bool) else value


def _opening(a: Assignment, key: str, lang: Lang) -> str:
    if a.clause:
        return message(f"schedule.{key}", lang, clause=a.clause)
    return message(f"schedule.{key}-bare", lang)


def _cap_reason(a: Assignment, lang: Lang) -> str:
    d = a.detail
    limit, headcount = _num(d, "limit"), _num(d, "headcount")
    text = _opening(a, "cap", lang) + message(
        "schedule.cap-quota", lang, mode=a.eligible, unit=a.unit
    )
    if limit is not None:
        text += message("schedule.cap-limit", lang, limit=limit)
        if headcount is not None:
            text += message("schedule.of-headcount", lang, headcount=headcount)
    text += message("schedule.on-date", lang, date=a.date.isoformat())
    return text + _tail(a, lang, count_key="count-mode")


def _limit_reason(a: Assignment, lang: Lang) -> str:
    d = a.detail
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
            mode=a.eligible,
            window=window,
        )
    else:
        text += message("schedule.limit-most-bare", lang, mode=a.eligible)
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
    return text + _tail(a, lang, count_key="floor-count")


def _tail(a: Assignment, lang: Lang, count_key: str) -> str:
    d = a.detail
    text = ""
    count, turn, days = _num(d, "count"), _num(d, "turn"), _num(d, "period_days")
    if count is not None:
        text += message(f"schedule.{count_key}", lang, count=count, mode=a.eligible)
    if turn is not None:
        text += message("schedule.turn", lang, turn=turn)
    if days is not None:
        text += message("schedule.period-days", lang, days=days, mode=a.eligible)
    return text


# ---------------------------------------------------------------- CSV and JSON
_FIELDS = ("nip", "name", "unit", "date", "eligible", "mode", "reason", "clause")


def write_csv(schedule: Schedule, out: TextIO, lang: Lang = "id") -> int:
    """Write one CSV row per assignment to ``out``; return the number of rows.

    Columns (Indonesian / English): ``nip``, ``nama``/``name``, ``unit``,
    ``tanggal``/``date`` (ISO), ``layak``/``eligible``, ``moda``/``mode``,
    ``alasan``/``reason`` (see :func:`assignment_reason`) and
    ``klausul``/``clause``.  Lines end with ``\\n``; open ``out`` with
    ``newline=""`` so no platform adds ``\\r``.
    """
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([message(f"schedule.col-{field}", lang) for field in _FIELDS])
    count = 0
    for a in schedule.assignments:
        writer.writerow(
            [
                a.nip,
                a.name,
                a.unit,
                a.date.isoformat(),
                a.eligible,
                a.mode,
                assignment_reason(a, lang),
                a.clause or "",
            ]
        )
        count += 1
    return count


def write_json(schedule: Schedule, out: TextIO, lang: Lang = "id") -> int:
    """Write the schedule as one JSON object to ``out``; return the number of assignments.

    Keys: ``first``, ``last`` (ISO dates), ``units`` (code -> name),
    ``warnings`` (``code``, ``severity``, ``unit`` from the diagnostic's
    arguments or null, ``message`` on one line and ``text`` as rendered, both
    in ``lang``) and ``assignments``: objects with
    ``nip``, ``name``, ``unit``, ``date``, ``eligible``, ``mode``, ``why``
    (a :class:`~edaran.schedule_model.Why` value), ``clause``, ``rule``,
    ``reason`` (in ``lang``) and ``detail``.  Keys are English in both
    languages, for programs; one assignment per line, so a large schedule
    stays readable with ``grep``.
    """
    head = {
        "first": schedule.first.isoformat(),
        "last": schedule.last.isoformat(),
        "units": dict(schedule.units),
        "warnings": [_warning_object(d, lang) for d in schedule.warnings],
    }
    text = json.dumps(head, ensure_ascii=False, indent=1)
    out.write(text[: text.rindex("}")].rstrip() + ',\n "assignments": [')
    count = 0
    for a in schedule.assignments:
        out.write(("," if count else "") + "\n  " + _dumps(assignment_object(a, lang)))
        count += 1
    out.write("\n ]\n}\n")
    return count


def assignment_object(a: Assignment, lang: Lang) -> dict[str, object]:
    """An assignment as a JSON-ready dict (the objects of :func:`write_json`)."""
    return {
        "nip": a.nip,
        "name": a.name,
        "unit": a.unit,
        "date": a.date.isoformat(),
        "eligible": a.eligible,
        "mode": a.mode,
        "why": a.why,
        "clause": a.clause,
        "rule": a.rule,
        "reason": assignment_reason(a, lang),
        "detail": {str(k): _plain(v) for k, v in sorted(a.detail.items(), key=lambda kv: kv[0])},
    }


def _plain(value: object) -> object:
    """A detail value as JSON: numbers and strings as they are, dates ISO, the rest as text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    return str(value)


# One encoder for every line: json.dumps with arguments builds a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def _dumps(value: object) -> str:
    return _ENCODER.encode(value)


def _warning_object(d: Diagnostic, lang: Lang) -> dict[str, object]:
    return {
        "code": d.code,
        "severity": d.severity.value,
        "unit": _warning_unit(d),
        "message": d.message(lang),
        "text": render(d, lang),
    }


def _warning_unit(d: Diagnostic) -> str | None:
    unit = d.args.get("unit")
    return unit if isinstance(unit, str) else None


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
        unit = _warning_unit(d)
        if unit is not None:
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


def summary_text(schedule: Schedule, lang: Lang = "id") -> str:
    """A plain-text table per unit for the terminal.

    One line per unit: headcount, person-days per work mode (days off left
    out), person-days kept back by a cap, a personal limit or a floor, and
    the number of warnings about the unit; then a total line, a legend and
    the count of all warnings.
    """
    rows = tally(schedule)
    modes = mode_columns(m for r in rows for m in r.modes)
    heads: list[object] = [message("schedule.unit", lang), message("schedule.people", lang), *modes]
    heads += [
        message(f"schedule.{k}", lang)
        for k in ("cap-col", "limit-col", "floor-col", "warnings-col")
    ]
    body: list[list[object]] = []
    for r in rows:
        body.append([r.code, len(r.people), *(r.modes[m] for m in modes), *_kept_cells(r)])
    # A person transferred during the range counts once in the total.
    staff = len(set().union(*(r.people for r in rows)))
    total: list[object] = [message("schedule.total", lang), staff]
    total += [sum(r.modes[m] for r in rows) for m in modes]
    total += [sum(r.kept[w] for r in rows) for w in KEPT_BACK]
    total += [len(schedule.warnings)]
    table = [heads, *body, total]
    widths = [max(len(str(cells[i])) for cells in table) for i in range(len(heads))]

    def line(cells: list[object]) -> str:
        first = f"{cells[0]!s:<{widths[0]}}"
        rest = (f"{c!s:>{w}}" for c, w in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([first, *rest])

    rule = "-" * len(line(heads))
    people = len({a.nip for a in schedule.assignments})
    out = [
        message(
            "schedule.sum-head",
            lang,
            first=schedule.first,
            last=schedule.last,
            units=len(rows),
            people=people,
        ),
        line(heads),
        rule,
        *(line(cells) for cells in body),
        rule,
        line(total),
        message("schedule.sum-legend", lang),
        message("schedule.sum-warnings", lang, count=len(schedule.warnings)),
    ]
    return "\n".join(out)


def _kept_cells(r: UnitTally) -> list[object]:
    return [*(r.kept[w] for w in KEPT_BACK), r.warnings]


# ---------------------------------------------------------------- optional formats
def require_format(fmt: str) -> None:
    """Check that the package an output format needs is installed.

    ``csv`` and ``json`` need nothing; ``xlsx`` needs ``openpyxl`` (extra
    ``excel``) and ``ics`` needs ``icalendar`` (extra ``calendar``).  Raises
    :class:`~edaran.diagnostics.EdaranError` ``D040`` naming the extra.
    """
    if fmt not in EXTRAS:
        return
    package, extra = EXTRAS[fmt]
    try:
        importlib.import_module(package)
    except ImportError:
        args = {"format": fmt, "package": package, "extra": extra}
        raise EdaranError([Diagnostic(MISSING_EXTRA, None, args, Severity.ERROR)]) from None


def write_xlsx(schedule: Schedule, path: Path | str, lang: Lang = "id") -> Path:
    """Write an Excel workbook a head of unit can read; return its path.

    A first sheet ``Ringkasan``/``Summary`` with per-unit totals, a legend
    and the warnings; then one sheet per unit (named by its code): a row per
    employee (NIP as text, name), a column per day headed like ``Jum 10/04``,
    each cell the mode with a colour per mode, a cell kept back by a cap,
    limit or floor in orange with the reason as a comment, per-person
    totals on the right and per-day totals below.  Panes are frozen on the
    header and name columns.  The file is byte-identical between runs (its
    dates are derived from ``schedule.first``).  Needs the ``excel`` extra.
    """
    require_format("xlsx")
    from edaran.scheduling.xlsx import build_workbook

    target = Path(path)
    target.write_bytes(build_workbook(schedule, lang))
    return target


def write_ics(
    schedule: Schedule,
    out_dir: Path | str,
    per: Literal["person", "unit"] = "person",
    lang: Lang = "id",
) -> list[Path]:
    """Write iCalendar files into ``out_dir``; return their paths, sorted.

    ``per="person"`` writes ``<NIP>.ics`` for everyone in the schedule,
    ``per="unit"`` writes ``<UNIT>.ics`` per unit.  Each WFH, WFA or other
    off-site day is an all-day event (WFO and days off are not), with the
    clause and the reason in its description and a stable UID, so importing
    a newer schedule updates events instead of doubling them.  The bytes
    are the same between runs (``DTSTAMP`` is derived from
    ``schedule.first``).  Needs the ``calendar`` extra.
    """
    if per not in ("person", "unit"):
        raise ValueError(f"per must be 'person' or 'unit', not {per!r}")
    require_format("ics")
    from edaran.scheduling.ics import calendars

    directory = Path(out_dir)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in calendars(schedule, per, lang):
        target = directory / name
        target.write_bytes(data)
        written.append(target)
    return sorted(written)
