"""Publishing a schedule: CSV, JSON, an Excel workbook, iCalendar files, a terminal summary.

Every writer reads only the data model (:mod:`edaran.scheduling.model`) and gives the same bytes
for the same schedule (no clock, no locale, no hash order): a schedule
published twice can be compared with ``diff``.  Words come in Indonesian
(default) and English; codes (NIP, unit codes, modes, clauses) are never
translated.

The Excel and iCalendar writers need optional packages (``openpyxl`` from
the ``excel`` extra, ``icalendar`` from the ``calendar`` extra); without
them they raise :class:`~edaran.core.diagnostics.EdaranError` ``D040`` saying
what to install.  :func:`require_format` makes the same check up front, so
a command line can refuse before a long scheduling run.

The workbook and calendar writers live in ``xlsx.py`` and ``ics.py``;
they import the helpers here, and this module imports them only inside
:func:`write_xlsx` and :func:`write_ics`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Literal, TextIO

from edaran.core.modes import ModeChoice
from edaran.core.values import json_value, show_hours
from edaran.io.publish import (
    csv_writer,
    json_document,
    json_form,
    require_format,
    text_table,
    warning_object,
)
from edaran.messages import Lang, message
from edaran.scheduling.model import Assignment, Schedule
from edaran.scheduling.presentation import (
    KEPT_BACK,
    UnitTally,
    assignment_reason,
    mode_columns,
    tally,
)

__all__ = ["summary_text", "write_csv", "write_ics", "write_json", "write_xlsx"]


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
    writer = csv_writer(out)
    hours = schedule.has_hours
    fields = (*_FIELDS, "hours") if hours else _FIELDS
    writer.writerow([message(f"schedule.col-{field}", lang) for field in fields])
    count = 0
    for a in schedule.assignments:
        row = [
            a.nip,
            a.name,
            a.unit,
            a.date.isoformat(),
            a.eligible,
            a.mode,
            assignment_reason(a, lang),
            a.clause or "",
        ]
        if hours:
            row.append("" if a.hours is None else show_hours(a.hours, lang))
        writer.writerow(row)
        count += 1
    return count


def write_json(schedule: Schedule, out: TextIO, lang: Lang = "id") -> int:
    """Write the schedule as one JSON object to ``out``; return the number of assignments.

    The object is :meth:`Schedule.to_dict <edaran.scheduling.Schedule.to_dict>`
    (schema ``schedule.schema.json``): ``provenance``, ``first``, ``last``
    (ISO dates), ``units`` (code -> name), ``warnings`` (``code``,
    ``severity``, ``unit`` from the diagnostic's arguments or null,
    ``message`` on one line and ``text`` as rendered, both in ``lang``) and
    ``assignments``: objects with ``nip``, ``name``, ``unit``, ``date``,
    ``eligible``, ``mode``, ``why`` (a :class:`~edaran.scheduling.model.Why`
    value), ``clause``, ``rule``, ``reason`` (in ``lang``) and ``detail``.
    Keys are English in both languages, for programs; one assignment per
    line, so a large schedule stays readable with ``grep``.
    """
    out.write(json_document(schedule.to_dict(lang), ["assignments"]))
    return len(schedule.assignments)


@json_form.register
def schedule_dict(schedule: Schedule, lang: Lang = "id", **options: object) -> dict[str, object]:
    """The JSON form of a schedule (:meth:`Schedule.to_dict`).

    ``without_names=True`` leaves every ``name`` null (for a response that needs none).
    """
    names = not options.get("without_names")
    return {
        "provenance": dict(schedule.provenance),
        "first": schedule.first.isoformat(),
        "last": schedule.last.isoformat(),
        "units": dict(schedule.units),
        "warnings": [warning_object(d, lang, with_unit=True) for d in schedule.warnings],
        "assignments": [assignment_object(a, lang, names=names) for a in schedule.assignments],
    }


def assignment_object(a: Assignment, lang: Lang, *, names: bool = True) -> dict[str, object]:
    """An assignment as a JSON-ready dict (the objects of :func:`write_json`)."""
    return {
        "nip": a.nip,
        "name": a.name if names else None,
        "unit": a.unit,
        "date": a.date.isoformat(),
        "eligible": a.eligible,
        "mode": a.mode,
        "why": a.why,
        "clause": a.clause,
        "rule": a.rule,
        "reason": assignment_reason(a, lang),
        "detail": {str(k): _plain(v) for k, v in sorted(a.detail.items(), key=lambda kv: kv[0])},
    } | ({} if a.hours is None else {"hours": json_value(a.hours)})


def _plain(value: object) -> object:
    """A detail value as JSON: numbers and strings as they are, dates ISO, the rest as text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, ModeChoice):
        return list(value.order)
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    return str(value)


# One encoder for every line: json.dumps with arguments builds a new one per call.
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
        *text_table([heads, *body, total], total=True),
        message("schedule.sum-legend", lang),
        message("publish.sum-warnings", lang, count=len(schedule.warnings)),
    ]
    return "\n".join(out)


def _kept_cells(r: UnitTally) -> list[object]:
    return [*(r.kept[w] for w in KEPT_BACK), r.warnings]


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
