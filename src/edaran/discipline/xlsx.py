"""The discipline workbook (butir 10.b-d): a summary sheet, then a sheet per unit.

Imported only by :func:`edaran.discipline.writers.write_xlsx`, after it has checked
that openpyxl is installed.  The bytes are the same between runs: the
document dates come from the data and the zip entries are normalised as in
``xlsx.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from edaran.discipline.engine import Breach, DisciplineResult, Sanction
from edaran.discipline.presentation import (
    Explainer,
    UnitCounts,
    breach_kinds,
    date_span,
    sanction_steps,
    skipped_items,
    skipped_reason,
    unit_counts,
)
from edaran.io.workbook import (
    Cells,
    StyleSpec,
    column_widths,
    new_workbook,
    number_cell,
    provenance_section,
    save_workbook,
    sheet_title,
    warnings_section,
)
from edaran.messages import Lang, message

__all__ = ["build_workbook"]


_HEAD_FILL = "305496"
_SANCTION_FILL = "FCE4D6"
_GREY = "808080"
_WRAP = Alignment(vertical="top", wrap_text=True)
_STYLES: dict[str, StyleSpec] = {
    "title": (Font(bold=True, size=13), None, None, None),
    "bold": (Font(bold=True), None, None, None),
    "note": (Font(italic=True, color=_GREY), None, None, None),
    "head": (
        Font(bold=True, color="FFFFFF"),
        _HEAD_FILL,
        Alignment(horizontal="center", vertical="center", wrap_text=True),
        None,
    ),
    "nip": (None, None, None, "@"),
    "date": (None, None, None, "yyyy-mm-dd"),
    "figure": (None, None, Alignment(horizontal="center"), None),
    "figure-bold": (Font(bold=True), None, Alignment(horizontal="center"), None),
    "rupiah": (None, None, None, "#,##0"),
    "rupiah-bold": (Font(bold=True), None, None, "#,##0"),
    "s-rupiah": (Font(bold=True), _SANCTION_FILL, None, "#,##0"),
    "s": (Font(bold=True), _SANCTION_FILL, None, None),
    "s-nip": (Font(bold=True), _SANCTION_FILL, None, "@"),
    "s-date": (Font(bold=True), _SANCTION_FILL, None, "yyyy-mm-dd"),
    "s-wrap": (Font(bold=True), _SANCTION_FILL, _WRAP, None),
    "sub": (Font(color=_GREY), None, None, None),
    "sub-nip": (Font(color=_GREY), None, None, "@"),
    "wrap": (None, None, _WRAP, None),
}


def build_workbook(
    result: DisciplineResult,
    explain: Explainer,
    names: Mapping[str, str],
    units: Mapping[str, str],
    lang: Lang,
) -> bytes:
    """The workbook's bytes: a summary sheet, then a sheet per unit with a breach or sanction."""
    span = date_span(result)
    stamp = dt.datetime.combine(span[0] if span else dt.date(2000, 1, 1), dt.time())
    dates = message("discipline-xlsx.dates", lang, first=span[0], last=span[1]) if span else ""
    wb = new_workbook(message("discipline-xlsx.summary-title", lang, dates=dates), stamp)
    cells = Cells(_STYLES)
    taken: set[str] = set()
    rows = unit_counts(result)
    summary = wb.create_sheet(sheet_title(message("discipline-xlsx.summary-sheet", lang), taken))
    _write_summary(summary, cells, result, rows, units, dates, lang)
    for r in rows:
        ws = wb.create_sheet(sheet_title(r.code, taken))
        _write_unit(ws, cells, result, explain, r.code, names, units, dates, lang)
    return save_workbook(wb, stamp)


def _write_summary(
    ws: WriteOnlyWorksheet,
    c: Cells,
    result: DisciplineResult,
    rows: list[UnitCounts],
    units: Mapping[str, str],
    dates: str,
    lang: Lang,
) -> None:
    kinds, steps = breach_kinds(result), sanction_steps(result)
    heads = [
        message("discipline-xlsx.code", lang),
        message("discipline-xlsx.unit-name", lang),
        message("discipline-xlsx.in-breach", lang),
        message("discipline-xlsx.sanctioned", lang),
    ]
    heads += [message("discipline-xlsx.breach-col", lang, rule=k) for k in kinds] + [
        message("discipline-xlsx.breaches-total", lang)
    ]
    heads += [message("discipline-xlsx.sanction-col", lang, rule=s) for s in steps] + [
        message("discipline-xlsx.sanctions-total", lang)
    ]
    # An allowance cut (potongan tunjangan) adds its total per unit, in Rupiah.
    cuts = _unit_cuts(result)
    if cuts is not None:
        heads.append(message("discipline-xlsx.cut-total", lang))
    name_width = max([len(heads[1]), *(len(units.get(r.code, "")) for r in rows)]) + 2
    figures = len(heads) - 2
    column_widths(ws, [18, min(name_width, 50), *([14] * figures)])
    ws.freeze_panes = "C3"
    ws.append([c.text(ws, message("discipline-xlsx.summary-title", lang, dates=dates), "title")])
    ws.append([c.text(ws, h, "head") for h in heads])
    for r in rows:
        values: list[int] = [len(r.people), len(r.sanctioned)]
        values += [r.breaches[k] for k in kinds] + [sum(r.breaches.values())]
        values += [r.sanctions[s] for s in steps] + [sum(r.sanctions.values())]
        money = (
            [number_cell(ws, c, cuts.get(r.code, Decimal(0)), "rupiah")] if cuts is not None else []
        )
        ws.append(
            [
                c.text(ws, r.code, "bold"),
                c.text(ws, units.get(r.code, "")),
                *(c.value(ws, v, "figure") for v in values),
                *money,
            ]
        )
    totals: list[int] = [sum(len(r.people) for r in rows), sum(len(r.sanctioned) for r in rows)]
    totals += [sum(r.breaches[k] for r in rows) for k in kinds] + [len(result.breaches)]
    totals += [sum(r.sanctions[s] for r in rows) for s in steps] + [len(result.sanctions)]
    ws.append(
        [
            c.text(ws, message("discipline-xlsx.total", lang), "bold"),
            None,
            *(c.value(ws, v, "figure-bold") for v in totals),
            *([number_cell(ws, c, sum(cuts.values(), Decimal(0)), "rupiah-bold")] if cuts else []),
        ]
    )
    ws.append([])
    ws.append([c.text(ws, message("discipline-xlsx.contacts", lang), "bold")])
    ws.append(
        [
            c.text(ws, message("discipline-xlsx.counted", lang)),
            None,
            c.value(ws, result.counted, "figure"),
        ]
    )
    for reason, count in skipped_items(result):
        ws.append(
            [
                c.text(ws, reason),
                c.text(ws, skipped_reason(reason, lang)),
                c.value(ws, count, "figure"),
            ]
        )
    ws.append([])
    ws.append([c.text(ws, message("discipline-xlsx.legend", lang), "bold")])
    titles: dict[str, tuple[str, str | None]] = {}
    for b in result.breaches:
        titles.setdefault(b.rule, (message("discipline-xlsx.breach", lang), b.title))
    for s in result.sanctions:
        titles.setdefault(s.rule, (message("discipline-xlsx.sanction", lang), s.title))
    for rule in [*kinds, *steps]:
        kind, title = titles[rule]
        ws.append([c.text(ws, rule), c.text(ws, kind), c.text(ws, title or "")])
    warnings_section(ws, c, result.warnings, lang)
    provenance_section(ws, c, result.provenance, lang)


def _write_unit(
    ws: WriteOnlyWorksheet,
    c: Cells,
    result: DisciplineResult,
    explain: Explainer,
    code: str,
    names: Mapping[str, str],
    units: Mapping[str, str],
    dates: str,
    lang: Lang,
) -> None:
    heads = [
        message(f"discipline-xlsx.{k}", lang)
        for k in ("nip", "name", "date", "time", "what", "clause", "title")
    ]
    heads += [message(f"discipline-xlsx.{k}", lang) for k in ("window", "contact-ids", "reason")]
    cuts = any(s.cut is not None for s in result.sanctions)
    if cuts:  # an allowance cut: its amount on each sanction that carries one
        heads.append(message("discipline-xlsx.cut", lang))
    column_widths(ws, [21, 28, 12, 10, 26, 12, 40, 30, 24, 90, *([16] if cuts else [])])
    ws.freeze_panes = "C3"
    ws.print_title_rows = "1:2"
    ws.page_setup.orientation = "landscape"  # type: ignore[attr-defined]  # see _xlsx._widths
    unit = f"{code} — {units[code]}" if units.get(code) else code
    ws.append(
        [c.text(ws, message("discipline-xlsx.unit-title", lang, unit=unit, dates=dates), "title")]
    )
    ws.append([c.text(ws, h, "head") for h in heads])
    mine = sorted(
        (s for s in result.sanctions if s.unit == code), key=lambda s: (s.nip, *explain.order(s))
    )
    for s in mine:
        ws.append(
            [
                c.text(ws, s.nip, "s-nip"),
                c.text(ws, names.get(s.nip, ""), "s"),
                c.value(ws, s.date, "s-date"),
                c.text(ws, s.at.strftime("%H:%M:%S"), "s"),
                c.text(ws, s.rule, "s"),
                c.text(ws, s.clause, "s"),
                c.text(ws, s.title or "", "s-wrap"),
                c.text(ws, s.window, "s"),
                c.text(ws, ", ".join(explain.contacts_of(s.id)), "s"),
                c.text(ws, explain.sanction_reason(s), "s"),
                *([number_cell(ws, c, s.cut, "s-rupiah")] if cuts else []),
            ]
        )
        for event in s.behind:
            below = explain.breaches.get(event) or explain.sanctions.get(event)
            if below is not None:
                ws.append(_event_row(ws, c, explain, below, names, "sub"))
    open_breaches = [
        b for b in result.breaches if b.unit == code and not explain.counted_by.get(b.id)
    ]
    ws.append([])
    ws.append([c.text(ws, message("discipline-xlsx.open-breaches", lang), "bold")])
    if not open_breaches:
        ws.append([c.text(ws, message("discipline-xlsx.no-open", lang), "note")])
    for b in sorted(open_breaches, key=lambda b: (b.nip, *explain.order(b))):
        ws.append(_event_row(ws, c, explain, b, names, ""))
    ws.append([])
    ws.append([c.text(ws, message("discipline-xlsx.unit-legend", lang), "note")])


def _unit_cuts(result: DisciplineResult) -> dict[str, Decimal] | None:
    """The allowance cuts of each unit's sanctions, in Rupiah; None when no sanction cuts."""
    if not any(s.cut is not None for s in result.sanctions):
        return None
    totals: dict[str, Decimal] = {}
    for s in result.sanctions:
        if s.cut is not None:
            totals[s.unit] = totals.get(s.unit, Decimal(0)) + s.cut
    return totals


def _event_row(
    ws: WriteOnlyWorksheet,
    c: Cells,
    explain: Explainer,
    e: Breach | Sanction,
    names: Mapping[str, str],
    style: str,
) -> list[Cell]:
    """A breach (or a sanction counted by an escalation) on the rows of a unit sheet."""
    sub = style == "sub"
    window = e.window if isinstance(e, Sanction) else ""
    return [
        c.text(ws, e.nip, "sub-nip" if sub else "nip"),
        c.text(ws, names.get(e.nip, ""), style),
        c.value(ws, e.date, "date"),
        c.text(ws, e.at.strftime("%H:%M:%S"), style),
        c.text(ws, ("↳ " if sub else "") + e.rule, style),
        c.text(ws, e.clause, style),
        c.text(ws, e.title or "", style),
        c.text(ws, window, style),
        c.text(ws, ", ".join(explain.contacts_of(e.id)), style),
        c.text(ws, explain.reason(e), style),
    ]
