"""The workbooks of the quota engine and the savings report; need ``openpyxl``.

Imported only by :func:`edaran.quota_io.write_quota_xlsx` and
:func:`edaran.report_io.write_report_xlsx`, after they have checked that
openpyxl is installed.  Written in write-only mode with the styled-cell
maker of ``_xlsx.py``; the zip is rewritten with fixed timestamps and
document dates taken from the data, so the same result gives the same bytes.

Amounts go into cells as ``int`` or :class:`~decimal.Decimal` (never a float
made here); totals are ``=SUM`` formulas over the cells above, so the
workbook adds up on its own when someone edits a figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from edaran.core.diagnostics import Diagnostic
from edaran.io.workbook import (
    Cells,
    StyleSpec,
    column_widths,
    new_workbook,
    number_cell,
    save_workbook,
    sheet_title,
)
from edaran.messages import Lang, message
from edaran.model.calendar import Period
from edaran.quota.model import Basis, QuotaResult, ReportResult, SavingLine
from edaran.quota.writers import (
    date_span,
    direction_text,
    item_text,
    status_text,
    unit_findings,
    yes_no,
)
from edaran.report.writers import (
    basis_text,
    categories,
    category_key,
    category_text,
    rupiah,
    units,
)

__all__ = ["build_quota_workbook", "build_report_workbook"]


_HEAD_FILL = "305496"
_OVER_FILL = "FCE4D6"
_GREY = "808080"
_MONEY = "#,##0"
_CENTER = Alignment(horizontal="center")
_STYLES: dict[str, StyleSpec] = {
    "title": (Font(bold=True, size=13), None, None, None),
    "bold": (Font(bold=True), None, None, None),
    "note": (Font(italic=True, color=_GREY), None, None, None),
    "grey": (Font(color=_GREY), None, None, None),
    "head": (
        Font(bold=True, color="FFFFFF"),
        _HEAD_FILL,
        Alignment(horizontal="center", vertical="center", wrap_text=True),
        None,
    ),
    "date": (None, None, None, "yyyy-mm-dd"),
    "count": (None, None, _CENTER, None),
    "count-bold": (Font(bold=True), None, _CENTER, None),
    "money": (None, None, None, _MONEY),
    "money-est": (Font(italic=True), None, None, _MONEY),
    "money-bold": (Font(bold=True), None, None, _MONEY),
    "figure": (None, None, None, "#,##0"),
    "figure-dec": (None, None, None, "#,##0.0#"),
    "percent": (None, None, None, "0.0%"),
    "over": (Font(bold=True), _OVER_FILL, None, None),
    "over-date": (Font(bold=True), _OVER_FILL, None, "yyyy-mm-dd"),
    "over-count": (Font(bold=True), _OVER_FILL, _CENTER, None),
    "over-figure": (Font(bold=True), _OVER_FILL, None, "#,##0"),
    "over-figure-dec": (Font(bold=True), _OVER_FILL, None, "#,##0.0#"),
}


def _figure(ws: WriteOnlyWorksheet, c: Cells, value: Decimal | None, prefix: str = "") -> Cell:
    """A quota figure: ``#,##0`` when whole, two decimals at most otherwise."""
    whole = value is None or value == value.to_integral_value()
    return number_cell(ws, c, value, prefix + ("figure" if whole else "figure-dec"))


def _formula(ws: WriteOnlyWorksheet, c: Cells, column: int, first: int, last: int) -> Cell:
    letter = get_column_letter(column)
    return c.value(ws, f"=SUM({letter}{first}:{letter}{last})", "money-bold")


def _warnings(ws: WriteOnlyWorksheet, c: Cells, warnings: Sequence[Diagnostic], lang: Lang) -> None:
    ws.append([])
    ws.append([c.text(ws, message("report-xlsx.warnings", lang), "bold")])
    if not warnings:
        ws.append([c.text(ws, message("report-xlsx.no-warnings", lang), "note")])
    for d in warnings:
        ws.append([c.text(ws, d.code), c.text(ws, d.message(lang))])


# ======================================================================= savings report
def build_report_workbook(result: ReportResult, lang: Lang) -> bytes:
    """The report workbook's bytes: summary, chart, then a sheet per unit."""
    first = min((p.first for p in result.periods), default=dt.date(2000, 1, 1))
    stamp = dt.datetime.combine(first, dt.time())
    wb = new_workbook(message("report-xlsx.r-title", lang, title=result.title), stamp)
    cells = Cells(_STYLES)
    taken: set[str] = set()
    names = units(result.lines)
    _report_summary(
        wb.create_sheet(sheet_title(message("report-xlsx.r-summary-sheet", lang), taken)),
        cells,
        result,
        names,
        lang,
    )
    _report_chart(
        wb.create_sheet(sheet_title(message("report-xlsx.r-chart-sheet", lang), taken)),
        cells,
        result,
        lang,
    )
    for code, name in names.items():
        ws = wb.create_sheet(sheet_title(code, taken))
        _report_unit(ws, cells, result, code, name, lang)
    return save_workbook(wb, stamp)


def _saving_cell(ws: WriteOnlyWorksheet, c: Cells, line: SavingLine, lang: Lang) -> Cell:
    """A saving, italic with a comment when (part of) it is estimated from WFH days."""
    if line.basis is Basis.PERKIRAAN:
        note = message("report-xlsx.note-estimated", lang)
    elif line.basis is Basis.CAMPURAN:
        months = line.months_estimated
        note = message(
            "report-xlsx.note-mixed",
            lang,
            amount=rupiah(line.estimated, lang),
            months=months,
        )
    else:
        return number_cell(ws, c, line.saving, "money")
    cell = number_cell(ws, c, line.saving, "money-est")
    cell.comment = Comment(note, "edaran", width=260, height=60)
    return cell


def _report_summary(
    ws: WriteOnlyWorksheet,
    c: Cells,
    result: ReportResult,
    names: dict[str, str],
    lang: Lang,
) -> None:
    cats = categories(result.lines)
    width = len(cats) + 1  # the categories of a period, then its total
    name_width = (
        max([len(message("report-xlsx.unit-name", lang)), *(len(n) for n in names.values())]) + 2
    )
    column_widths(ws, [14, min(name_width, 50), *([16] * (width * len(result.periods)))])
    ws.freeze_panes = "C4"
    ws.append([c.text(ws, message("report-xlsx.r-title", lang, title=result.title), "title")])
    periods: list[Cell | None] = [None, None]
    heads = [
        c.text(ws, message("report-xlsx.code", lang), "head"),
        c.text(ws, message("report-xlsx.unit-name", lang), "head"),
    ]
    for p in result.periods:
        label = message(
            "report-xlsx.period-head", lang, number=p.number, first=p.first, last=p.last
        )
        periods += [c.text(ws, label, "head"), *([None] * (width - 1))]
        heads += [c.text(ws, category_text(cat, lang), "head") for cat in cats]
        heads.append(c.text(ws, message("report-xlsx.total", lang), "head"))
    ws.append(periods)
    ws.append(heads)
    index = {(line.unit, line.period.number, line.category): line for line in result.lines}
    top = 4
    for row, (code, name) in enumerate(names.items(), start=top):
        cells: list[Cell | None] = [c.text(ws, code, "bold"), c.text(ws, name)]
        for k, p in enumerate(result.periods):
            for cat in cats:
                line = index.get((code, p.number, cat))
                cells.append(None if line is None else _saving_cell(ws, c, line, lang))
            start = 3 + k * width
            span = (
                f"{get_column_letter(start)}{row}:{get_column_letter(start + len(cats) - 1)}{row}"
            )
            cells.append(c.value(ws, f"=SUM({span})", "money-bold"))
        ws.append(cells)
    if names:
        bottom = top + len(names) - 1
        total: list[Cell | None] = [c.text(ws, message("report-xlsx.province", lang), "bold"), None]
        total += [
            _formula(ws, c, column, top, bottom)
            for column in range(3, 3 + width * len(result.periods))
        ]
        ws.append(total)
    else:
        ws.append([c.text(ws, message("report-xlsx.no-data", lang), "note")])
    ws.append([])
    ws.append([c.text(ws, message("report-xlsx.r-legend", lang), "note")])
    _warnings(ws, c, result.warnings, lang)


def _report_chart(ws: WriteOnlyWorksheet, c: Cells, result: ReportResult, lang: Lang) -> None:
    cats = categories(result.lines)
    column_widths(ws, [30, *([16] * len(cats))])
    ws.append([c.text(ws, message("report-xlsx.r-chart-title", lang), "title")])
    ws.append(
        [c.text(ws, message("report-xlsx.period", lang), "head")]
        + [c.text(ws, category_text(cat, lang), "head") for cat in cats]
    )
    for p in result.periods:
        label = message(
            "report-xlsx.period-axis",
            lang,
            number=p.number,
            first=f"{p.first:%Y-%m}",
            last=f"{p.last:%Y-%m}",
        )
        ws.append(
            [c.text(ws, label)]
            + [number_cell(ws, c, result.total(p.number, cat), "money") for cat in cats]
        )
    if not cats or not result.periods:
        return
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = message("report-xlsx.r-chart-title", lang)
    chart.y_axis.title = message("report-xlsx.rupiah", lang)
    chart.x_axis.title = message("report-xlsx.period", lang)
    chart.y_axis.numFmt = _MONEY
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    last = 2 + len(result.periods)
    data = Reference(ws, min_col=2, max_col=1 + len(cats), min_row=2, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=3, max_row=last))
    chart.width, chart.height = 24, 12
    # add_chart is Worksheet.add_chart on write-only sheets too; the stubs bind it to Worksheet.
    ws.add_chart(chart, f"A{last + 3}")  # type: ignore[misc]


def _report_unit(
    ws: WriteOnlyWorksheet,
    c: Cells,
    result: ReportResult,
    code: str,
    name: str,
    lang: Lang,
) -> None:
    keys = ["period", "first", "last", "category", "clause", "baseline", "actual", "saving"]
    keys += ["estimated", "basis", "months-actual", "months-estimated", "wfh-days"]
    keys += ["qty-unit", "qty-baseline", "qty-actual", "qty-saving"]
    column_widths(ws, [9, 12, 12, 28, 12, 18, 18, 18, 18, 12, 10, 10, 12, 10, 14, 14, 14])
    ws.freeze_panes = "E3"
    ws.print_title_rows = "1:2"
    ws.page_setup.orientation = "landscape"  # type: ignore[attr-defined]  # see _widths
    unit = f"{code} — {name}" if name else code
    ws.append(
        [
            c.text(
                ws,
                message("report-xlsx.r-unit-title", lang, unit=unit, title=result.title),
                "title",
            )
        ]
    )
    ws.append([c.text(ws, message(f"report-xlsx.{k}", lang), "head") for k in keys])
    row = 3
    for p in result.periods:
        mine = [line for line in result.lines if line.unit == code and line.period == p]
        if not mine:
            continue
        mine.sort(key=lambda line: category_key(line.category))
        for line in mine:
            ws.append(_unit_row(ws, c, p, line, lang))
        first, last = row, row + len(mine) - 1
        label = c.text(ws, message("report-xlsx.period-total", lang, number=p.number), "bold")
        sums = [_formula(ws, c, column, first, last) for column in (6, 7, 8, 9)]
        ws.append([c.value(ws, p.number, "count-bold"), None, None, label, None, *sums])
        row = last + 2
    ws.append([])
    ws.append([c.text(ws, message("report-xlsx.r-legend", lang), "note")])


def _unit_row(
    ws: WriteOnlyWorksheet, c: Cells, p: Period, line: SavingLine, lang: Lang
) -> list[Cell | None]:
    grey = "grey" if line.basis is Basis.TANPA_DATA else ""
    return [
        c.value(ws, p.number, "count"),
        c.value(ws, p.first, "date"),
        c.value(ws, p.last, "date"),
        c.text(ws, category_text(line.category, lang)),
        c.text(ws, line.clause),
        number_cell(ws, c, line.baseline, "money"),
        number_cell(ws, c, line.actual, "money"),
        _saving_cell(ws, c, line, lang),
        number_cell(ws, c, line.estimated, "money-est" if line.estimated else "money"),
        c.text(ws, basis_text(line.basis, lang), grey),
        c.value(ws, line.months_actual, "count"),
        c.value(ws, line.months_estimated, "count"),
        c.value(ws, line.wfh_days, "count"),
        c.text(ws, line.unit_of_quantity or ""),
        _figure(ws, c, line.baseline_quantity),
        _figure(ws, c, line.actual_quantity),
        _figure(ws, c, line.saving_quantity),
    ]


# ======================================================================= quotas
def build_quota_workbook(result: QuotaResult, lang: Lang) -> bytes:
    """The quota workbook's bytes: a summary sheet, then a sheet per unit."""
    span = date_span(result)
    days = [f.date for f in result.checklists]
    days += [span[0].first, span[1].last] if span else []
    stamp = dt.datetime.combine(min(days, default=dt.date(2000, 1, 1)), dt.time())
    dates = message("quota.x-dates", lang, first=min(days), last=max(days)) if days else ""
    wb = new_workbook(message("quota.summary-title", lang, dates=dates), stamp)
    cells = Cells(_STYLES)
    taken: set[str] = set()
    ws = wb.create_sheet(sheet_title(message("quota.summary-sheet", lang), taken))
    _quota_summary(ws, cells, result, dates, lang)
    for u in unit_findings(result):
        ws = wb.create_sheet(sheet_title(u.code, taken))
        _quota_unit(ws, cells, result, u.code, dates, lang)
    return save_workbook(wb, stamp)


def _quota_summary(
    ws: WriteOnlyWorksheet, c: Cells, result: QuotaResult, dates: str, lang: Lang
) -> None:
    keys = ["x-unit", "x-quotas", "over-col", "planned-col", "no-baseline-col", "x-targets"]
    keys += ["missed-col", "findings-col"]
    column_widths(ws, [16, *([14] * (len(keys) - 1))])
    ws.freeze_panes = "B3"
    ws.append([c.text(ws, message("quota.summary-title", lang, dates=dates), "title")])
    ws.append([c.text(ws, message(f"quota.{k}", lang), "head") for k in keys])
    rows = unit_findings(result)
    totals = [0] * (len(keys) - 1)
    for u in rows:
        figures = [u.quotas, u.over, u.planned, u.no_baseline, u.targets, u.missed, u.findings]
        totals = [a + b for a, b in zip(totals, figures, strict=True)]
        ws.append([c.text(ws, u.code, "bold"), *(c.value(ws, v, "count") for v in figures)])
    ws.append(
        [
            c.text(ws, message("quota.total", lang), "bold"),
            *(c.value(ws, v, "count-bold") for v in totals),
        ]
    )
    _warnings(ws, c, result.warnings, lang)


def _section(ws: WriteOnlyWorksheet, c: Cells, title: str, heads: Sequence[str]) -> None:
    ws.append([])
    ws.append([c.text(ws, title, "bold")])
    ws.append([c.text(ws, h, "head") for h in heads])


def _quota_unit(
    ws: WriteOnlyWorksheet, c: Cells, result: QuotaResult, code: str, dates: str, lang: Lang
) -> None:
    column_widths(ws, [14, 20, 36, 9, 12, 12, 14, 12, 12, 12, 12, 12, 24])
    ws.freeze_panes = "C3"
    ws.print_title_rows = "1:2"
    ws.page_setup.orientation = "landscape"  # type: ignore[attr-defined]  # see _widths
    ws.append([c.text(ws, message("quota.unit-title", lang, unit=code, dates=dates), "title")])
    keys = ["clause", "quota", "title", "period", "first", "last", "measure", "q-baseline"]
    keys += ["allowed", "used", "planned", "left", "status"]
    ws.append([c.text(ws, message(f"report-xlsx.{k}", lang), "head") for k in keys])
    quotas = [q for q in result.quotas if q.unit == code]
    if not quotas:
        ws.append([c.text(ws, message("quota.none", lang), "note")])
    for q in quotas:
        over = "over-" if q.status in ("terlampaui", "rencana_lebih") else ""
        text = "over" if over else ""
        ws.append(
            [
                c.text(ws, q.clause, text),
                c.text(ws, q.quota, text),
                c.text(ws, q.title or "", text),
                c.value(ws, q.period.number, over + "count"),
                c.value(ws, q.period.first, over + "date"),
                c.value(ws, q.period.last, over + "date"),
                c.text(ws, q.measure, text),
                *(_figure(ws, c, v, over) for v in (q.baseline, q.allowed, q.used, q.planned)),
                _figure(ws, c, q.left, over),
                c.text(ws, status_text(q.status, lang), text),
            ]
        )
    over_rows = [(q, o) for q in quotas for o in q.over]
    if over_rows:
        keys = ["clause", "quota", "record", "date", "measure", "amount", "running", "allowed"]
        _section(
            ws,
            c,
            message("report-xlsx.over-section", lang),
            [message(f"report-xlsx.{k}", lang) for k in keys],
        )
        for q, o in over_rows:
            ws.append(
                [
                    c.text(ws, o.clause),
                    c.text(ws, o.quota),
                    c.text(ws, o.record),
                    c.value(ws, o.date, "date"),
                    c.text(ws, q.measure),
                    *(_figure(ws, c, v) for v in (o.amount, o.running, o.allowed)),
                ]
            )
    _quota_targets(ws, c, result, code, lang)
    _quota_checklists(ws, c, result, code, lang)
    ws.append([])
    ws.append([c.text(ws, message("quota.legend", lang), "note")])


def _quota_targets(
    ws: WriteOnlyWorksheet, c: Cells, result: QuotaResult, code: str, lang: Lang
) -> None:
    targets = [t for t in result.targets if t.unit == code]
    if not targets:
        return
    keys = ["clause", "target", "title", "period", "first", "last", "matching", "of-total"]
    keys += ["share", "direction", "wanted", "status"]
    _section(
        ws,
        c,
        message("quota.section-targets", lang),
        [message(f"report-xlsx.{k}", lang) for k in keys],
    )
    for t in targets:
        style = "" if t.met else "over"
        ws.append(
            [
                c.text(ws, t.clause, style),
                c.text(ws, t.target, style),
                c.text(ws, t.title or "", style),
                c.value(ws, t.period.number, "count"),
                c.value(ws, t.period.first, "date"),
                c.value(ws, t.period.last, "date"),
                c.value(ws, t.matching, "count"),
                c.value(ws, t.total, "count"),
                number_cell(ws, c, t.share, "percent"),
                c.text(ws, direction_text(t.kind, lang)),
                number_cell(ws, c, t.wanted, "percent"),
                c.text(
                    ws, message("quota.status-met" if t.met else "quota.status-missed", lang), style
                ),
            ]
        )


def _quota_checklists(
    ws: WriteOnlyWorksheet, c: Cells, result: QuotaResult, code: str, lang: Lang
) -> None:
    findings = [f for f in result.checklists if f.unit == code]
    if not findings:
        return
    keys = ["clause", "duty", "date", "staff", "has-checklist", "missing"]
    _section(
        ws,
        c,
        message("quota.section-checklists", lang),
        [message(f"report-xlsx.{k}", lang) for k in keys],
    )
    for f in findings:
        ws.append(
            [
                c.text(ws, f.clause),
                c.text(ws, f.duty),
                c.value(ws, f.date, "date"),
                c.value(ws, f.staff, "count"),
                c.text(ws, yes_no(f.checklist, lang)),
                c.text(ws, ", ".join(item_text(i, lang) for i in f.missing)),
            ]
        )
