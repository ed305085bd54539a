"""The workbook of the quota engine (butir 7, 8, 9, 10.a); needs ``openpyxl``.

Imported only by :func:`edaran.quota.writers.write_quota_xlsx`, after it has
checked that openpyxl is installed.  Figures go into cells as ``int`` or
:class:`~decimal.Decimal` (never a float made here).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from edaran.io.workbook import (
    FIGURE_STYLES,
    Cells,
    column_widths,
    figure_cell,
    new_workbook,
    number_cell,
    provenance_section,
    save_workbook,
    sheet_title,
    warnings_section,
)
from edaran.messages import Lang, message
from edaran.quota.model import QuotaResult
from edaran.quota.presentation import (
    date_span,
    direction_text,
    item_text,
    status_text,
    unit_findings,
    values_text,
    yes_no,
)

__all__ = ["build_quota_workbook"]


# ======================================================================= quotas
def build_quota_workbook(result: QuotaResult, lang: Lang) -> bytes:
    """The quota workbook's bytes: a summary sheet, then a sheet per unit."""
    span = date_span(result)
    days = [f.date for f in result.checklists]
    days += [span[0].first, span[1].last] if span else []
    stamp = dt.datetime.combine(min(days, default=dt.date(2000, 1, 1)), dt.time())
    dates = message("quota.x-dates", lang, first=min(days), last=max(days)) if days else ""
    wb = new_workbook(message("quota.summary-title", lang, dates=dates), stamp)
    cells = Cells(FIGURE_STYLES)
    taken: set[str] = set()
    ws = wb.create_sheet(sheet_title(message("quota.summary-sheet", lang), taken))
    _quota_summary(ws, cells, result, dates, lang)
    for u in unit_findings(result):
        ws = wb.create_sheet(sheet_title(u.code, taken))
        _quota_unit(ws, cells, result, u.code, dates, lang)
    if result.records:
        ws = wb.create_sheet(sheet_title(message("quota.provisions-sheet", lang), taken))
        _provisions(ws, cells, result, dates, lang)
    return save_workbook(wb, stamp)


def _provisions(
    ws: WriteOnlyWorksheet, c: Cells, result: QuotaResult, dates: str, lang: Lang
) -> None:
    """Every record that fails a provision: clause, record, row, the lines failed, the values."""
    column_widths(ws, [14, 12, 14, 12, 12, 8, 40, 40])
    ws.append([c.text(ws, message("quota.provisions-title", lang, dates=dates), "title")])
    keys = ["report-xlsx.clause", "quota.x-kind", "quota.x-record", "quota.unit"]
    keys += ["report-xlsx.date", "quota.x-row", "quota.x-failed", "quota.x-values"]
    _section(ws, c, message("quota.section-provisions", lang), [message(k, lang) for k in keys])
    for f in result.records:
        ws.append(
            [
                c.text(ws, f.provision),
                c.text(ws, f.kind),
                c.text(ws, f.record),
                c.text(ws, f.unit),
                c.value(ws, f.date, "date"),
                c.value(ws, f.row, "count") if f.row is not None else c.text(ws, ""),
                c.text(ws, "; ".join(f.failed)),
                c.text(ws, values_text(f, lang)),
            ]
        )


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
    warnings_section(ws, c, result.warnings, lang)
    provenance_section(ws, c, result.provenance, lang)


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
                *(figure_cell(ws, c, v, over) for v in (q.baseline, q.allowed, q.used, q.planned)),
                figure_cell(ws, c, q.left, over),
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
                    *(figure_cell(ws, c, v) for v in (o.amount, o.running, o.allowed)),
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
