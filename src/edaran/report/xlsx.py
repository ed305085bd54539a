"""The workbook of the savings report (butir 13), with its chart; needs ``openpyxl``.

Imported only by :func:`edaran.report.writers.write_report_xlsx`, after it
has checked that openpyxl is installed.  Written with the workbook base of
:mod:`edaran.io.workbook`, so the same result gives the same bytes.

Amounts go into cells as ``int`` or :class:`~decimal.Decimal` (never a float
made here); totals are ``=SUM`` formulas over the cells above, so the
workbook adds up on its own when someone edits a figure.
"""

from __future__ import annotations

import datetime as dt

from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from edaran.io.workbook import (
    FIGURE_STYLES,
    MONEY_FORMAT,
    Cells,
    column_widths,
    figure_cell,
    new_workbook,
    number_cell,
    provenance_section,
    save_workbook,
    sheet_title,
    sum_cell,
    warnings_section,
)
from edaran.messages import Lang, message
from edaran.model.calendar import Period
from edaran.report.model import Basis, ReportResult, SavingLine
from edaran.report.presentation import (
    basis_text,
    categories,
    category_key,
    category_text,
    rupiah,
    units,
)

__all__ = ["build_report_workbook"]


# ======================================================================= savings report
def build_report_workbook(result: ReportResult, lang: Lang) -> bytes:
    """The report workbook's bytes: summary, chart, then a sheet per unit."""
    first = min((p.first for p in result.periods), default=dt.date(2000, 1, 1))
    stamp = dt.datetime.combine(first, dt.time())
    wb = new_workbook(message("report-xlsx.r-title", lang, title=result.title), stamp)
    cells = Cells(FIGURE_STYLES)
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
            sum_cell(ws, c, column, top, bottom)
            for column in range(3, 3 + width * len(result.periods))
        ]
        ws.append(total)
    else:
        ws.append([c.text(ws, message("report-xlsx.no-data", lang), "note")])
    ws.append([])
    ws.append([c.text(ws, message("report-xlsx.r-legend", lang), "note")])
    warnings_section(ws, c, result.warnings, lang)
    provenance_section(ws, c, result.provenance, lang)


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
    chart.y_axis.numFmt = MONEY_FORMAT
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
        sums = [sum_cell(ws, c, column, first, last) for column in (6, 7, 8, 9)]
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
        figure_cell(ws, c, line.baseline_quantity),
        figure_cell(ws, c, line.actual_quantity),
        figure_cell(ws, c, line.saving_quantity),
    ]
