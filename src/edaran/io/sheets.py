"""Rows of a CSV file or of an Excel sheet, with where each cell stands.

A CSV cell is shown with its line and a caret under it; an Excel cell by its
sheet and address (``Sheet1!C7``).  Readers take rows from either through
:class:`Sheet` and report every bad cell the same way.  The Excel reader
needs ``openpyxl`` (the ``excel`` extra), imported only when a workbook is read.
"""

from __future__ import annotations

import abc
import datetime as dt
import io
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from edaran.core.diagnostics import (
    Diagnostic,
    Severity,
    Source,
    Span,
)
from edaran.core.suggest import suggest
from edaran.io.table import (
    Row,
    Table,
    column_key,
    file_diagnostic,
)

__all__ = [
    "CsvSheet",
    "ExcelSheet",
    "Line",
    "RowsSheet",
    "Sheet",
    "SheetTable",
    "blank",
    "cell_text",
    "column_letter",
    "read_excel",
    "rows_sheet",
]


def cell_text(raw: object) -> str:
    """A cell as text: CSV cells trimmed, Excel values written the way a person reads them."""
    if raw is None:
        return ""
    if isinstance(raw, str):
        return raw.strip()
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat(" ")
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return repr(raw) if isinstance(raw, float) else str(raw)


@attrs.frozen
class Line:
    """One row with data: its number in the file, its cells by column, its CSV row."""

    number: int
    values: Mapping[str, object]
    row: Row | None = None


class Sheet(abc.ABC):
    """Rows of a CSV file or an Excel sheet, and where each cell stands."""

    path: str
    indonesian: bool  # ";" delimiter: 1.500 is one thousand five hundred
    lines: list[Line]

    @abc.abstractmethod
    def where(
        self, line: Line, name: str
    ) -> tuple[Span, dict[str, Any], tuple[tuple[str, Mapping[str, Any]], ...]]:
        """The span of a cell, the message arguments naming its column, and notes."""

    @abc.abstractmethod
    def row_span(self, line: Line) -> Span:
        """The span of a whole row."""


class CsvSheet(Sheet):
    def __init__(self, table: Table) -> None:
        self.table = table
        self.path = table.source.name
        self.indonesian = table.delimiter == ";"
        columns = list(table.columns.items())
        self.lines = [
            Line(row.line, {name: row.cells[i] for name, i in columns}, row) for row in table.rows
        ]

    def where(
        self, line: Line, name: str
    ) -> tuple[Span, dict[str, Any], tuple[tuple[str, Mapping[str, Any]], ...]]:
        assert line.row is not None
        span, args = self.table.where(line.row, name)
        return span, args, ()

    def row_span(self, line: Line) -> Span:
        assert line.row is not None
        return self.table.row_span(line.row)


def column_letter(index: int) -> str:
    """The Excel letter of a 0-based column: 0 is A, 26 is AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class ExcelSheet(Sheet):
    """A sheet of a workbook: cells are named by their address (``Sheet1!C7``)."""

    def __init__(self, path: str, title: str, headings: Sequence[str]) -> None:
        self.path = path
        self.title = title
        self.headings = headings
        self.source = Source(path, "")  # no text to show: the notes name the cell
        self.indonesian = False  # numbers are numbers; text cells follow the Rp rule
        self.columns: dict[str, int] = {}
        self.lines = []

    def cell(
        self, number: int, index: int
    ) -> tuple[Span, tuple[tuple[str, Mapping[str, Any]], ...]]:
        note = (
            "data-note-excel-cell",
            {"cell": f"{column_letter(index)}{number}", "sheet": self.title},
        )
        return Span.at_line(self.source, number, index + 1), (note,)

    def where(
        self, line: Line, name: str
    ) -> tuple[Span, dict[str, Any], tuple[tuple[str, Mapping[str, Any]], ...]]:
        index = self.columns[name]
        span, notes = self.cell(line.number, index)
        return span, {"column": self.headings[index], "index": index + 1}, notes

    def row_span(self, line: Line) -> Span:
        return Span.at_line(self.source, line.number, 1)

    def sheet_note(self) -> tuple[str, Mapping[str, Any]]:
        """The note naming the whole sheet (for a problem with its header)."""
        return ("data-note-excel-sheet", {"sheet": self.title})


class RowsSheet(ExcelSheet):
    """Rows held in memory (mappings): a cell is named by its row number and key.

    Row 1 is the first mapping; the keys, taken together, are the header
    (row 0).
    """

    def cell(
        self, number: int, index: int
    ) -> tuple[Span, tuple[tuple[str, Mapping[str, Any]], ...]]:
        heading = self.headings[index] if index < len(self.headings) else ""
        args = {"row": number, "key": heading, "rows": self.title}
        note = ("data-note-row-key" if number else "data-note-key", args)
        return Span.at_line(self.source, number, index + 1), (note,)

    def sheet_note(self) -> tuple[str, Mapping[str, Any]]:
        return ("data-note-rows", {"rows": self.title})


def rows_sheet(
    name: str,
    rows: Iterable[Mapping[str, object]],
    known: Mapping[str, str],
    required: Sequence[str],
) -> tuple[RowsSheet | None, list[Diagnostic]]:
    """Rows held in memory read like a sheet: their keys are its header."""
    lines = [dict(row) for row in rows]
    headings = list(dict.fromkeys(str(key) for row in lines for key in row))
    sheet = RowsSheet(name, name, headings)
    if not lines:  # no rows: nothing to read, and no keys to check
        return sheet, []
    problems = _excel_header(sheet, 0, known, required)
    if any(d.is_error for d in problems):
        return None, problems
    by_heading = {headings[i]: name for name, i in sheet.columns.items()}
    for number, row in enumerate(lines, start=1):
        values = {by_heading[str(k)]: v for k, v in row.items() if str(k) in by_heading}
        sheet.lines.append(Line(number, {c: values.get(c) for c in sheet.columns}))
    return sheet, problems


@attrs.frozen
class SheetTable(Table):
    """A sheet (of a workbook, or rows in memory) as a :class:`Table` of cell texts.

    Readers written for CSV tables read it unchanged; a cell's span is its row
    and column, and :meth:`notes` names it the way the sheet does.
    """

    sheet: ExcelSheet = attrs.field(eq=False, repr=False, kw_only=True)

    def cell_span(self, row: Row, index: int) -> Span:
        return Span.at_line(self.source, row.line, index + 1)

    def row_span(self, row: Row) -> Span:
        return Span.at_line(self.source, row.line, 1)

    def notes(self, span: Span) -> tuple[tuple[str, Mapping[str, Any]], ...]:
        """The note naming the cell at ``span`` (a span of this table)."""
        return self.sheet.cell(span.line, span.column - 1)[1]

    @classmethod
    def of(cls, sheet: ExcelSheet, text: Callable[[str, object], str] | None = None) -> SheetTable:
        """The table of ``sheet``; ``text(column, value)`` writes each cell."""
        width = len(sheet.headings)
        write = text or (lambda _column, value: cell_text(value))
        rows = []
        for line in sheet.lines:
            cells = [""] * width
            for column, index in sheet.columns.items():
                cells[index] = write(column, line.values.get(column))
            rows.append(Row(line.number, tuple(cells)))
        header = Row(0 if isinstance(sheet, RowsSheet) else 1, tuple(sheet.headings))
        return cls(sheet.source, ",", header, dict(sheet.columns), tuple(rows), sheet=sheet)


def blank(value: object) -> bool:
    """True for an empty cell: nothing, or only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


#: The most rows a sheet may have: Excel's own limit (2^20).
MAX_ROWS = 1_048_576


def _unpacked_size(path: Path | io.BytesIO) -> int | None:
    """The size of a workbook's parts once unpacked (None when it is no zip: openpyxl says so)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def read_excel(
    path: Path,
    known: Mapping[str, str],
    required: Sequence[str],
    max_bytes: int,
    sheet: str | None = None,
    data: bytes | None = None,
) -> tuple[ExcelSheet | None, list[Diagnostic]]:
    """A sheet of a workbook (the first, or the one named ``sheet``), its header
    mapped like a CSV header.

    A name that no sheet has is D070, with the sheet names it may have meant.
    With ``data``, those bytes (already read through the guarded reader) are
    the workbook: the disk is not read.
    """
    name = str(path)
    if data is None:
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            return None, [file_diagnostic("D001", name, {"path": name})]
        except OSError as err:
            return None, [file_diagnostic("D002", name, {"reason": err.strerror or str(err)})]
        if not path.is_file():
            return None, [file_diagnostic("D002", name, {"reason": "not a regular file"})]
    else:
        size = len(data)
    if size > max_bytes:
        return None, [file_diagnostic("D004", name, {"size": size, "limit": max_bytes})]
    try:
        import openpyxl
    except ImportError:
        return None, [file_diagnostic("D061", name, {})]
    source: Path | io.BytesIO = path if data is None else io.BytesIO(data)
    unpacked = _unpacked_size(source)
    if unpacked is not None and unpacked > max_bytes:
        # A few megabytes of zip can unpack to gigabytes of rows: refused unread.
        return None, [file_diagnostic("D140", name, {"size": unpacked, "limit": max_bytes})]
    try:
        workbook = openpyxl.load_workbook(source, read_only=True, data_only=True)
        try:
            titles = [w.title for w in workbook.worksheets]
            if sheet is not None and sheet not in titles:
                hints = tuple(suggest(sheet, titles))
                names = {"sheet": sheet, "sheets": ", ".join(titles)}
                found = file_diagnostic("D070", name, names)
                return None, [attrs.evolve(found, suggestions=hints)]
            chosen = workbook[sheet] if sheet is not None else workbook.worksheets[0]
            title = chosen.title
            rows = []
            # Streamed, and stopped at the limit: never a list of every row first.
            for number, values in enumerate(chosen.iter_rows(values_only=True), start=1):
                if number > MAX_ROWS:
                    args = {"limit": MAX_ROWS}
                    return None, [file_diagnostic("D141", name, args, line=number)]
                if not all(blank(v) for v in values):
                    rows.append((number, values))
        finally:
            workbook.close()
    # openpyxl raises whatever its zip and XML readers raise for a damaged file.
    except Exception as err:
        return None, [file_diagnostic("D002", name, {"reason": str(err) or type(err).__name__})]
    if not rows:
        return None, [file_diagnostic("D007", name, {})]
    (header_number, header), body = rows[0], rows[1:]
    headings = [cell_text(v) for v in header]
    while headings and not headings[-1]:
        headings.pop()
    sheet_ = ExcelSheet(name, title, headings)
    problems = _excel_header(sheet_, header_number, known, required)
    if any(d.is_error for d in problems):
        return None, problems
    for number, values in body:
        cells = {c: values[i] if i < len(values) else None for c, i in sheet_.columns.items()}
        sheet_.lines.append(Line(number, cells))
    return sheet_, problems


def _excel_header(
    sheet: ExcelSheet, number: int, known: Mapping[str, str], required: Sequence[str]
) -> list[Diagnostic]:
    """Map the headings onto columns: the codes and arguments of a CSV header (D010-D013)."""
    unknown: dict[int, str] = {}
    problems: list[Diagnostic] = []
    for index, heading in enumerate(sheet.headings):
        canonical = known.get(column_key(heading)) if heading else None
        if canonical is None:
            if heading:
                unknown[index] = heading
        elif canonical in sheet.columns:
            first = sheet.columns[canonical]
            span, notes = sheet.cell(number, index)
            args = {"column": heading, "index": index + 1, "first": first + 1}
            problems.append(Diagnostic("D013", span, args, notes=notes))
        else:
            sheet.columns[canonical] = index
    sheet_note = (sheet.sheet_note(),)
    header = Span.at_line(sheet.source, number, 1)
    if not sheet.columns:
        args = {"expected": ", ".join(required)}
        return [Diagnostic("D010", header, args, notes=sheet_note)]
    for column in required:
        if column in sheet.columns:
            continue
        near = [i for i, h in unknown.items() if suggest(column, [column_key(h)])]
        if near:
            span, notes = sheet.cell(number, near[0])
            del unknown[near[0]]
            diagnostic = Diagnostic("D011", span, {"column": column}, suggestions=(column,))
            problems.append(attrs.evolve(diagnostic, notes=notes))
        else:
            problems.append(Diagnostic("D011", header, {"column": column}, notes=sheet_note))
    for index, heading in unknown.items():
        hints = tuple(suggest(heading, sorted(set(known.values()) - set(sheet.columns))))
        span, notes = sheet.cell(number, index)
        args = {"column": heading, "index": index + 1}
        problems.append(
            Diagnostic("D012", span, args, Severity.WARNING, suggestions=hints, notes=notes)
        )
    return problems
