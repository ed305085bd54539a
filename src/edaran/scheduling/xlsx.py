"""The Excel workbook of a schedule (``edaran.scheduling.writers.write_xlsx``); needs ``openpyxl``.

Written in openpyxl's write-only mode, so a province over six months (some
millions of cells) streams instead of building a cell object per cell.  The
zip is rewritten with fixed timestamps and document dates taken from the
schedule, so the same schedule gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from edaran.core.values import clock
from edaran.io.workbook import (
    Cells,
    StyleSpec,
    column_widths,
    new_workbook,
    provenance_section,
    save_workbook,
    sheet_title,
    warnings_section,
)
from edaran.messages import Lang, message
from edaran.model.workforce import Weekday
from edaran.scheduling.model import Assignment, Schedule, Why
from edaran.scheduling.presentation import (
    KEPT_BACK,
    OFF,
    UnitTally,
    assignment_reason,
    mode_columns,
    tally,
)

__all__ = ["build_workbook"]


_FILLS = {
    "WFO": "DDEBF7",  # light blue: in the office
    "WFH": "C6EFCE",  # light green: at home
    "WFA": "FFEB9C",  # light yellow: anywhere
    "LIBUR": "D9D9D9",  # grey: day off
    "TIDAK_BERLAKU": "D9D9D9",
}
_OTHER_FILL = "E4DFEC"  # lavender: a mode the rule file declares, or leave
_KEPT_FILL = "F4B183"  # orange: eligible but kept back
_HEAD_FILL = "305496"
_GREY = "808080"


# Named cell styles: (font, fill colour, alignment, number format).
_CENTER = Alignment(horizontal="center", vertical="center")
_HEAD_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
_HEAD_FONT = Font(bold=True, color="FFFFFF")
_KEPT_FONT = Font(bold=True, color="843C0C")
_STYLES: dict[str, StyleSpec] = {
    "title": (Font(bold=True, size=13), None, None, None),
    "bold": (Font(bold=True), None, None, None),
    "note": (Font(italic=True, color=_GREY), None, None, None),
    "head": (_HEAD_FONT, _HEAD_FILL, _HEAD_ALIGN, None),
    "head-off": (_HEAD_FONT, _GREY, _HEAD_ALIGN, None),
    "nip": (None, None, None, "@"),
    "figure": (None, None, _CENTER, None),
    "figure-bold": (Font(bold=True), None, _CENTER, None),
    "figure-kept": (_KEPT_FONT, None, _CENTER, None),
    "kept": (_KEPT_FONT, _KEPT_FILL, _CENTER, None),
    "off": (Font(color=_GREY), _FILLS["LIBUR"], _CENTER, None),
    "other": (None, _OTHER_FILL, _CENTER, None),
    **{mode: (None, colour, _CENTER, None) for mode, colour in _FILLS.items() if mode not in OFF},
}


def build_workbook(schedule: Schedule, lang: Lang) -> bytes:
    """The workbook's bytes: a summary sheet, then one sheet per unit."""
    stamp = dt.datetime.combine(schedule.first, dt.time())
    title = message("schedule-xlsx.summary-title", lang, first=schedule.first, last=schedule.last)
    wb = new_workbook(title, stamp)
    cells = Cells(_STYLES)
    taken: set[str] = set()
    rows = tally(schedule)
    grid = _grid(schedule.assignments)
    summary = wb.create_sheet(sheet_title(message("schedule-xlsx.summary-sheet", lang), taken))
    _write_summary(summary, cells, schedule, rows, lang)
    for r in rows:
        ws = wb.create_sheet(sheet_title(r.code, taken))
        _write_unit(ws, cells, schedule, r, grid.get(r.code, {}), lang)
    return save_workbook(wb, stamp)


def _grid(assignments: Iterable[Assignment]) -> dict[str, dict[str, dict[dt.date, Assignment]]]:
    """unit -> NIP -> date -> assignment."""
    grid: dict[str, dict[str, dict[dt.date, Assignment]]] = {}
    for a in assignments:
        grid.setdefault(a.unit, {}).setdefault(a.nip, {})[a.date] = a
    return grid


def _write_summary(
    ws: WriteOnlyWorksheet, c: Cells, schedule: Schedule, rows: list[UnitTally], lang: Lang
) -> None:
    modes = mode_columns(m for r in rows for m in r.modes)
    kept = [message(f"schedule-xlsx.{k}", lang) for k in ("kept-cap", "kept-limit", "kept-floor")]
    heads = [
        message("schedule-xlsx.code", lang),
        message("schedule-xlsx.unit-name", lang),
        message("schedule-xlsx.people", lang),
        *modes,
        *kept,
    ]
    heads.append(message("publish.warnings", lang))
    name_width = max([len(heads[1]), *(len(r.name) for r in rows)]) + 2
    column_widths(ws, [14, min(name_width, 60), 10, *([9] * len(modes)), 14, 14, 14, 12])
    ws.freeze_panes = "C3"
    title = message("schedule-xlsx.summary-title", lang, first=schedule.first, last=schedule.last)
    ws.append([c.text(ws, title, "title")])
    ws.append([c.text(ws, h, "head") for h in heads])
    for r in rows:
        figures = [len(r.people), *(r.modes[m] for m in modes), *(r.kept[w] for w in KEPT_BACK)]
        ws.append([c.text(ws, r.code, "bold"), c.text(ws, r.name), *figures, r.warnings])
    totals: list[int] = [sum(len(r.people) for r in rows)]
    totals += [sum(r.modes[m] for r in rows) for m in modes]
    totals += [sum(r.kept[w] for r in rows) for w in KEPT_BACK]
    totals.append(len(schedule.warnings))
    ws.append(
        [
            c.text(ws, message("schedule-xlsx.total", lang), "bold"),
            None,
            *(c.value(ws, v, "bold") for v in totals),
        ]
    )
    ws.append([])
    ws.append([c.text(ws, message("schedule-xlsx.legend", lang), "bold")])
    for mode in mode_columns(_FILLS, with_off=True):
        sample = c.text(ws, mode, "off" if mode in OFF else mode)
        ws.append([sample, c.text(ws, message(f"schedule-xlsx.legend-{mode}", lang))])
    others = [m for m in modes if m not in _FILLS]
    if others:
        ws.append(
            [
                c.text(ws, ", ".join(others), "other"),
                c.text(ws, message("schedule-xlsx.legend-other", lang)),
            ]
        )
    ws.append([c.text(ws, "WFO", "kept"), c.text(ws, message("schedule-xlsx.legend-kept", lang))])
    ws.append([c.text(ws, message("schedule-xlsx.legend-figures", lang), "note")])
    warnings_section(ws, c, schedule.warnings, lang)
    provenance_section(ws, c, schedule.provenance, lang)


def _header_days(days: list[dt.date], lang: Lang) -> list[str]:
    return [
        f"{message(f'weekday-short.{Weekday(day.weekday()).name}', lang)} {day:%d/%m}"
        for day in days
    ]


def _write_unit(
    ws: WriteOnlyWorksheet,
    c: Cells,
    schedule: Schedule,
    r: UnitTally,
    people: dict[str, dict[dt.date, Assignment]],
    lang: Lang,
) -> None:
    days = schedule.days()
    modes = mode_columns(r.modes)
    nips = sorted(people)
    names = {nip: next(iter(people[nip].values())).name for nip in nips}
    name_width = (
        max([len(message("schedule-xlsx.name", lang)), *(len(n) for n in names.values())]) + 2
    )
    column_widths(ws, [21, min(name_width, 40), *([9] * len(days)), *([8] * (len(modes) + 1))])
    ws.freeze_panes = "C3"
    ws.print_title_rows = "1:2"
    ws.print_title_cols = "A:B"
    ws.page_setup.orientation = "landscape"  # type: ignore[attr-defined]  # see _widths
    title = message(
        "schedule-xlsx.unit-title",
        lang,
        code=r.code,
        name=r.name,
        first=schedule.first,
        last=schedule.last,
    )
    ws.append([c.text(ws, title, "title")])
    off_days = {day for day in days if all(_is_off(p.get(day)) for p in people.values())}
    heads = [
        c.text(ws, message("schedule-xlsx.nip", lang), "head"),
        c.text(ws, message("schedule-xlsx.name", lang), "head"),
    ]
    for day, text in zip(days, _header_days(days, lang), strict=True):
        heads.append(c.text(ws, text, "head-off" if day in off_days else "head"))
    heads += [c.text(ws, f"Σ {m}", "head") for m in modes]
    heads.append(c.text(ws, "Σ " + message("schedule-xlsx.kept", lang), "head"))
    ws.append(heads)
    per_day: dict[str, Counter[dt.date]] = {m: Counter() for m in modes}
    kept_per_day: Counter[dt.date] = Counter()
    for nip in nips:
        row: list[Cell | None] = [c.text(ws, nip, "nip"), c.text(ws, names[nip])]
        mine: Counter[str] = Counter()
        kept = 0
        for day in days:
            a = people[nip].get(day)
            row.append(None if a is None else _day_cell(ws, c, a, lang))
            if a is None:
                continue
            mine[a.mode] += 1
            if a.mode in per_day:
                per_day[a.mode][day] += 1
            if a.why in KEPT_BACK:
                kept += 1
                kept_per_day[day] += 1
        row += [c.value(ws, mine[m], "figure") for m in modes]
        row.append(c.value(ws, kept, "figure"))
        ws.append(row)
    for m in modes:
        label = c.text(ws, message("schedule-xlsx.total-mode", lang, mode=m), "bold")
        ws.append([None, label, *(c.value(ws, per_day[m][d], "figure-bold") for d in days)])
    label = c.text(ws, message("schedule-xlsx.kept", lang), "bold")
    ws.append([None, label, *(c.value(ws, kept_per_day[d], "figure-kept") for d in days)])
    ws.append([])
    ws.append([c.text(ws, message("schedule-xlsx.unit-legend", lang), "note")])


def _is_off(a: Assignment | None) -> bool:
    return a is None or a.mode in OFF


def _day_cell(ws: WriteOnlyWorksheet, c: Cells, a: Assignment, lang: Lang) -> Cell:
    # With working hours (jam_kerja), a working day reads "WFH 08:00-15:00".
    label = a.mode
    if a.hours is not None and a.mode not in OFF:
        label = f"{a.mode} {clock(a.hours.start)}-{clock(a.hours.end)}"
    if a.why in KEPT_BACK:
        cell = c.text(ws, label, "kept")
        cell.comment = Comment(assignment_reason(a, lang), "edaran", width=320, height=90)
        return cell
    if a.why in (Why.RECALL, Why.PLAN):
        cell = c.text(ws, a.mode, a.mode if a.mode in _FILLS else "other")
        cell.comment = Comment(assignment_reason(a, lang), "edaran", width=320, height=90)
        return cell
    if a.mode in OFF:
        return c.text(ws, a.mode, "off")
    return c.text(ws, label, a.mode if a.mode in _FILLS else "other")
