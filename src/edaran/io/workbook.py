"""The workbook base every Excel writer shares; needs ``openpyxl`` (the ``excel`` extra).

Written in openpyxl's write-only mode, so a big workbook streams instead of
building a cell object per cell.  The zip is rewritten with fixed timestamps
and document dates, so the same data gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from copy import copy
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.xml.functions import tostring

from edaran.core.diagnostics import Diagnostic
from edaran.io.publish import provenance_rows
from edaran.messages import Lang, message

__all__ = [
    "FIGURE_STYLES",
    "MONEY_FORMAT",
    "Cells",
    "StyleSpec",
    "column_widths",
    "exact",
    "figure_cell",
    "new_workbook",
    "number_cell",
    "provenance_section",
    "save_workbook",
    "sheet_title",
    "sum_cell",
    "warnings_section",
]


_INVALID_TITLE = re.compile(r"[\[\]:*?/\\]")


StyleSpec = tuple[Font | None, str | None, Alignment | None, str | None]


def sheet_title(code: str, taken: set[str]) -> str:
    """An Excel-safe, unique sheet title for a unit code (``taken`` is updated, lower case).

    Excel refuses ``[]:*?/\\``, titles over 31 characters, a leading or
    trailing apostrophe, ``History`` and duplicates that differ only in case.
    """
    base = _INVALID_TITLE.sub("_", code).strip("'")[:31] or "_"
    title, n = base, 1
    while title.casefold() in taken or title.casefold() == "history":
        n += 1
        suffix = f"~{n}"
        title = base[: 31 - len(suffix)] + suffix
    taken.add(title.casefold())
    return title


class Cells:
    """Makes the cells of one workbook, resolving each named style once.

    Setting ``cell.font`` or ``cell.fill`` makes openpyxl hash the style
    object into the workbook's tables, which dominates the time of a large
    sheet; here a style is set once on a prototype and its index array
    (``StyleArray``) is given to every later cell of that style.
    """

    def __init__(self, styles: Mapping[str, StyleSpec]) -> None:
        self._arrays: dict[str, StyleArray] = {}
        #: style name -> (font, fill colour, alignment, number format), any of them None
        self.styles = styles

    def _array(self, ws: WriteOnlyWorksheet, style: str) -> StyleArray:
        array = self._arrays.get(style)
        if array is None:
            font, fill, align, number_format = self.styles[style]
            proto = WriteOnlyCell(ws)
            if font is not None:
                proto.font = font
            if fill is not None:
                proto.fill = PatternFill(fill_type="solid", start_color=fill, end_color=fill)
            if align is not None:
                proto.alignment = align
            if number_format is not None:
                proto.number_format = number_format
            # The indexes the setters computed (a private attribute the stubs leave out).
            array = self._arrays[style] = proto._style  # type: ignore[attr-defined]
        return array

    def text(self, ws: WriteOnlyWorksheet, value: str, style: str = "") -> Cell:
        """A string cell that stays a string: no formula from a leading '=', no control bytes."""
        cell = self.value(ws, ILLEGAL_CHARACTERS_RE.sub("", value), style)
        cell.data_type = "s"
        return cell

    def value(
        self, ws: WriteOnlyWorksheet, value: str | float | dt.date | None, style: str = ""
    ) -> Cell:
        """A cell with a value and a named style (``""`` for none)."""
        array = copy(self._array(ws, style)) if style else None
        return Cell(ws, row=1, column=1, value=value, style_array=array)


def _normalise_zip(data: bytes, core_xml: bytes, stamp: dt.datetime) -> bytes:
    """The same archive with fixed entry times and document dates (for identical bytes)."""
    when = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as zin,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for info in zin.infolist():
            body = core_xml if info.filename == "docProps/core.xml" else zin.read(info)
            entry = zipfile.ZipInfo(info.filename, date_time=when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            zout.writestr(entry, body)
    return out.getvalue()


def column_widths(ws: WriteOnlyWorksheet, widths: Sequence[float]) -> None:
    """Set the widths of a sheet's first columns, in characters."""
    # column_dimensions and page_setup are set on write-only sheets by Worksheet._setup;
    # the openpyxl stubs leave them out, hence the ignores.
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width  # type: ignore[attr-defined]


def exact(value: Decimal | int) -> Decimal | int:
    """A figure for a cell: an int when whole, else the Decimal itself (never a float here)."""
    if isinstance(value, int) or value != value.to_integral_value():
        return value
    return int(value)


def number_cell(ws: WriteOnlyWorksheet, c: Cells, value: Decimal | int | None, style: str) -> Cell:
    """A number cell (empty for None), its value set after: Cells.value is typed for floats."""
    cell = c.value(ws, None, style)
    if value is not None:
        cell.value = exact(value)
    return cell


def new_workbook(title: str, stamp: dt.datetime) -> Workbook:
    """A write-only workbook with its creator, title and dates set (``stamp``, not the clock)."""
    wb = Workbook(write_only=True)
    wb.properties.creator = "edaran"
    wb.properties.title = title
    wb.properties.created = stamp
    wb.properties.modified = stamp
    return wb


def save_workbook(wb: Workbook, stamp: dt.datetime) -> bytes:
    """The workbook's bytes, the same for the same content: entry times and dates are ``stamp``."""
    buffer = io.BytesIO()
    wb.save(buffer)
    wb.properties.modified = stamp  # save() stamps the clock; the zip is rewritten below
    return _normalise_zip(buffer.getvalue(), tostring(wb.properties.to_tree()), stamp)


def warnings_section(
    ws: WriteOnlyWorksheet, c: Cells, warnings: Sequence[Diagnostic], lang: Lang
) -> None:
    """A blank row, the heading ``Peringatan``/``Warnings``, then one row per warning.

    ``c`` needs the styles ``bold`` and ``note``.
    """
    ws.append([])
    ws.append([c.text(ws, message("publish.warnings", lang), "bold")])
    if not warnings:
        ws.append([c.text(ws, message("publish.no-warnings", lang), "note")])
    for d in warnings:
        ws.append([c.text(ws, d.code), c.text(ws, d.message(lang))])


def provenance_section(
    ws: WriteOnlyWorksheet, c: Cells, found: Mapping[str, str | None], lang: Lang
) -> None:
    """A blank row, the heading ``Asal hasil``/``Provenance``, then a row per key.

    The keys are :data:`~edaran.io.publish.PROVENANCE_KEYS`, as in every JSON
    output, so a program reads the same names from the first sheet.  ``c``
    needs the style ``bold``.
    """
    ws.append([])
    ws.append([c.text(ws, message("publish.provenance", lang), "bold")])
    for key, value in provenance_rows(found):
        ws.append([c.text(ws, key), c.text(ws, value)])


_HEAD_FILL = "305496"
_OVER_FILL = "FCE4D6"
_GREY = "808080"
#: Whole rupiah with thousands grouped, as Excel writes it.
MONEY_FORMAT = "#,##0"
_CENTER = Alignment(horizontal="center")
#: The styles of the workbooks of figures (quotas, the savings report).
FIGURE_STYLES: dict[str, StyleSpec] = {
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
    "money": (None, None, None, MONEY_FORMAT),
    "money-est": (Font(italic=True), None, None, MONEY_FORMAT),
    "money-bold": (Font(bold=True), None, None, MONEY_FORMAT),
    "figure": (None, None, None, "#,##0"),
    "figure-dec": (None, None, None, "#,##0.0#"),
    "percent": (None, None, None, "0.0%"),
    "over": (Font(bold=True), _OVER_FILL, None, None),
    "over-date": (Font(bold=True), _OVER_FILL, None, "yyyy-mm-dd"),
    "over-count": (Font(bold=True), _OVER_FILL, _CENTER, None),
    "over-figure": (Font(bold=True), _OVER_FILL, None, "#,##0"),
    "over-figure-dec": (Font(bold=True), _OVER_FILL, None, "#,##0.0#"),
}


def figure_cell(ws: WriteOnlyWorksheet, c: Cells, value: Decimal | None, prefix: str = "") -> Cell:
    """A quota figure: ``#,##0`` when whole, two decimals at most otherwise."""
    whole = value is None or value == value.to_integral_value()
    return number_cell(ws, c, value, prefix + ("figure" if whole else "figure-dec"))


def sum_cell(ws: WriteOnlyWorksheet, c: Cells, column: int, first: int, last: int) -> Cell:
    letter = get_column_letter(column)
    return c.value(ws, f"=SUM({letter}{first}:{letter}{last})", "money-bold")
