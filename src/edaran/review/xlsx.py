"""The rules as a workbook for review (``edaran export --format xlsx``); needs ``openpyxl``.

Sheets: the butir (one row each), the parameters (a row per value, dated
ones from their date), the per-unit tables (the default row, then a row per
unit), the named sets and the worked examples with their expected results.
Values are text cells holding what the rule file writes (``50%``,
``Rp 45.000``): :mod:`edaran.review.amend` reads them back.
"""

from __future__ import annotations

import datetime as dt

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from edaran.io.workbook import (
    FIGURE_STYLES,
    Cells,
    StyleSpec,
    column_widths,
    new_workbook,
    number_cell,
    provenance_section,
    save_workbook,
    sheet_title,
)
from edaran.messages import Lang, message
from edaran.review.model import Review, editable, table_file

__all__ = ["PARAM_HEADINGS", "TABLE_HEADINGS", "build_review_workbook"]

#: the headings of the sheets ``edaran import`` reads, as message keys
PARAM_HEADINGS = ("h-name", "h-type", "h-since", "h-value", "h-file", "h-line")
TABLE_HEADINGS = ("h-table", "h-type", "h-unit", "h-value", "h-file", "h-line", "h-since")

_WRAP = Alignment(wrap_text=True, vertical="top")
_STYLES: dict[str, StyleSpec] = {
    **FIGURE_STYLES,
    "wrap": (None, None, _WRAP, None),
    "code": (Font(name="Consolas"), None, _WRAP, None),
    "editable": (Font(name="Consolas", bold=True), "FFF2CC", None, None),
    "fail": (Font(bold=True, color="C00000"), None, None, None),
}


def build_review_workbook(
    review: Review, lang: Lang, provenance: dict[str, str | None], signed: dt.date | None
) -> bytes:
    """The workbook's bytes (the same for the same rule file)."""
    stamp = dt.datetime.combine(signed or dt.date(2000, 1, 1), dt.time())
    wb = new_workbook(message("export.title", lang, number=review.number), stamp)
    c = Cells(_STYLES)
    taken: set[str] = set()

    def sheet(key: str) -> WriteOnlyWorksheet:
        ws: WriteOnlyWorksheet = wb.create_sheet(sheet_title(message(key, lang), taken))
        return ws

    def head(ws: WriteOnlyWorksheet, keys: tuple[str, ...]) -> None:
        ws.append([c.text(ws, message("export." + k, lang), "head") for k in keys])

    ws = sheet("export.sheet-butir")
    column_widths(ws, (14, 8, 40, 12, 50, 40, 22, 30, 7, 50))
    ws.append([c.text(ws, message("export.title", lang, number=review.number), "title")])
    ws.append([c.text(ws, review.subject or "", "note")])
    ws.append([])
    keys = (
        "h-label", "h-number", "h-title", "h-kind", "h-conditions", "h-value",
        "h-exceptions", "h-file", "h-line", "h-examples",
    )  # fmt: skip
    head(ws, keys)
    for b in review.butir:
        kind = message(f"coverage.kind-{b.kind}", lang)
        if b.binding:
            kind += f" ({message('export.binding', lang)})"
        examples = "\n".join(f"{line}: {title}" for line, title in b.example_lines())
        ws.append(
            [
                c.text(ws, b.label, "bold"),
                c.text(ws, b.number),
                c.text(ws, b.title or "", "wrap"),
                c.text(ws, kind),
                c.text(ws, b.conditions, "wrap"),
                c.text(ws, b.value, "wrap"),
                c.text(ws, ", ".join(b.exceptions), "wrap"),
                c.text(ws, b.file),
                number_cell(ws, c, b.line, "count"),
                c.text(ws, examples or message("export.no-example", lang), "wrap"),
            ]
        )
    provenance_section(ws, c, provenance, lang)

    ws = sheet("export.sheet-params")
    column_widths(ws, (26, 12, 12, 22, 34, 7))
    head(ws, PARAM_HEADINGS)
    for p in review.params:
        ws.append(
            [
                c.text(ws, p.name, "bold"),
                c.text(ws, p.type),
                c.text(ws, p.since.isoformat() if p.since else ""),
                c.text(ws, p.value, "editable"),
                c.text(ws, p.file),
                number_cell(ws, c, p.line, "count"),
            ]
        )
    ws.append([])
    ws.append([c.text(ws, message("export.review-note", lang), "note")])

    ws = sheet("export.sheet-tables")
    column_widths(ws, (22, 12, 22, 22, 34, 7, 12))
    head(ws, TABLE_HEADINGS)
    for t in review.tables:
        unit = t.unit if t.unit is not None else message("export.default-row", lang)
        ws.append(
            [
                c.text(ws, t.table, "bold"),
                c.text(ws, t.type),
                c.text(ws, unit),
                # rows from a data file and dated rows are changed where they are written
                c.text(ws, t.value, "editable" if editable(t) else ""),
                c.text(ws, table_file(t, lang)),
                number_cell(ws, c, t.line, "count"),
                c.text(ws, t.since.isoformat() if t.since else ""),
            ]
        )
    ws.append([])
    ws.append([c.text(ws, message("export.review-note", lang), "note")])

    ws = sheet("export.sheet-sets")
    column_widths(ws, (26, 12, 60, 34, 7))
    head(ws, ("h-name", "h-type", "h-members", "h-file", "h-line"))
    for s in review.sets:
        ws.append(
            [
                c.text(ws, s.name, "bold"),
                c.text(ws, s.type),
                c.text(ws, s.members, "wrap"),
                c.text(ws, s.file),
                number_cell(ws, c, s.line, "count"),
            ]
        )

    ws = sheet("export.sheet-examples")
    column_widths(ws, (50, 7, 12, 40, 40, 8, 30))
    head(ws, ("h-title", "h-line", "h-date", "h-givens", "h-expected", "h-result", "h-butir"))
    for e in review.examples:
        ws.append(
            [
                c.text(ws, e.title, "wrap"),
                number_cell(ws, c, e.line, "count"),
                c.value(ws, e.date, "date"),
                c.text(ws, "\n".join(e.givens), "code"),
                c.text(ws, "\n".join(e.expected), "code"),
                c.text(
                    ws,
                    message("cli.pass" if e.passed else "cli.fail", lang),
                    "" if e.passed else "fail",
                ),
                c.text(ws, ", ".join(e.butir), "wrap"),
            ]
        )
    return save_workbook(wb, stamp)
