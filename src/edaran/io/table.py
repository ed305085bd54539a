"""Low-level reading of CSV data files, shared by every loader.

:func:`read_table` guards the file (exists, size, not binary), decodes it
(UTF-8 with or without BOM, else Windows-1252 with a warning), detects the
delimiter from the header line (``,`` or the ``;`` Excel writes in an
Indonesian locale), maps header names onto canonical column names, and returns
the rows with the line each starts on.  It reports every structural problem at
once as diagnostics; what a cell *means* is left to the caller, which gets a
:class:`Table` able to point a diagnostic at any cell.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from edaran.core.diagnostics import Diagnostic, Label, Severity, Source, Span
from edaran.core.suggest import suggest

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_DIAGNOSTICS",
    "Row",
    "Table",
    "column_key",
    "file_diagnostic",
    "read_table",
    "sort_and_cap",
]

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
MAX_DIAGNOSTICS = 200
_DELIMITERS = (",", ";")
_QUOTE = '"'


def column_key(name: str) -> str:
    """The canonical form of a header name: trimmed, lower case, ``_`` for spaces."""
    return re.sub(r"[\s\-]+", "_", name.strip().lstrip("\ufeff").strip()).casefold()


def file_diagnostic(
    code: str,
    path: str,
    args: Mapping[str, Any],
    line: int = 1,
    text: str = "",
    severity: Severity = Severity.ERROR,
) -> Diagnostic:
    """A diagnostic about a whole file (or a line of it without a known column)."""
    return Diagnostic(code, Span.at_line(Source(path, text), line, 1), args, severity)


class _CsvError(Exception):
    """:class:`csv.Error` with the line the reader had reached."""

    def __init__(self, reason: str, line: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


@attrs.frozen
class Row:
    """One record of the file: the line it starts on and its cells, untrimmed.

    Where the line starts in the text is found only for a diagnostic
    (:meth:`Table.cell_span`), so reading a good file never counts characters.
    """

    line: int
    cells: tuple[str, ...]


@attrs.frozen
class Table:
    """A read CSV file: its source, header, column positions and rows."""

    source: Source
    delimiter: str
    header: Row
    columns: Mapping[str, int]
    rows: tuple[Row, ...]

    def has(self, name: str) -> bool:
        """True when the file has the canonical column ``name``."""
        return name in self.columns

    def cell(self, row: Row, name: str) -> str:
        """The trimmed text of column ``name`` in ``row`` ("" if the column is absent)."""
        index = self.columns.get(name)
        return row.cells[index].strip() if index is not None else ""

    def heading(self, name: str) -> str:
        """The header of column ``name`` as the file spells it."""
        return self.header.cells[self.columns[name]].strip()

    def where(self, row: Row, name: str) -> tuple[Span, dict[str, Any]]:
        """The span of a cell and the message arguments naming its column."""
        index = self.columns[name]
        return self.cell_span(row, index), {"column": self.heading(name), "index": index + 1}

    def cell_span(self, row: Row, index: int) -> Span:
        """The span of cell ``index`` (0-based) of ``row``, so the caret sits under it."""
        bounds, _ = _cell_bounds(self.source.text, self.offset(row), self.delimiter)
        if index < len(bounds):
            start, end = bounds[index]
        else:  # a missing cell: point at the end of the row
            start = end = bounds[-1][1]
        return self.source.span(start, end)

    def row_span(self, row: Row) -> Span:
        """The span of a row's first physical line."""
        start = self.offset(row)
        end = self.source.text.find("\n", start)
        return self.source.span(start, end if end >= 0 else len(self.source.text))

    def offset(self, row: Row) -> int:
        """Where ``row`` starts in the text."""
        return self.source.line_start(row.line)


def _cell_bounds(text: str, start: int, delimiter: str) -> tuple[list[tuple[int, int]], bool]:
    """Character ranges of the cells of the record starting at ``start``.

    Follows the quoting rules of :mod:`csv` so that spans match its cells; the
    flag is False when a quote opened in the record is never closed.
    """
    bounds: list[tuple[int, int]] = []
    i, n = start, len(text)
    while True:
        j = i
        if j < n and text[j] == _QUOTE:
            j = _closing_quote(text, j + 1)
            if j < 0:
                bounds.append((i, n))
                return bounds, False
        while j < n and text[j] not in (delimiter, "\n"):
            j += 1
        bounds.append((i, j))
        if j >= n or text[j] == "\n":
            return bounds, True
        i = j + 1


def _closing_quote(text: str, j: int) -> int:
    """The offset after the quote that closes a quoted cell, or -1."""
    while True:
        j = text.find(_QUOTE, j)
        if j < 0:
            return -1
        if text.startswith(_QUOTE * 2, j):
            j += 2
            continue
        return j + 1


def read_table(
    path: str | Path,
    required: Sequence[str],
    optional: Sequence[str] = (),
    aliases: Mapping[str, str] | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    data: bytes | None = None,
) -> tuple[Table | None, list[Diagnostic]]:
    """Read a CSV file whose header must hold the ``required`` columns.

    ``optional`` columns may be present; ``aliases`` maps other spellings
    (already in :func:`column_key` form) to canonical names.  Returns the
    table, or None when the file cannot be used at all, and every diagnostic.
    Rows with the wrong number of cells are dropped with a diagnostic.
    With ``data``, those bytes are the file's (an upload): the disk is not read.
    """
    name = str(path)
    if data is None:
        text, diagnostics = _load_text(Path(path), name, max_bytes)
    else:
        text, diagnostics = _decode_bytes(data, name, max_bytes)
    if text is None:
        return None, diagnostics
    source = Source(name, text)
    start, first = _first_line(text)
    end = text.find("\n", start)
    delimiter = _sniff(text[start : end if end >= 0 else len(text)])
    records = _records(text, start, first, delimiter)
    try:
        header = next(records)
    except StopIteration:  # only delimiters: nothing to read
        return None, [*diagnostics, file_diagnostic("D007", name, {})]
    except _CsvError as err:
        args = {"reason": err.reason}
        return None, [*diagnostics, file_diagnostic("D008", name, args, err.line, text)]
    cells = header.cells
    while not cells[-1].strip():  # Excel pads headers with empty cells; they name nothing
        cells = cells[:-1]
    header = attrs.evolve(header, cells=cells)
    known = {column_key(c): column_key(c) for c in (*required, *optional)}
    known.update({column_key(a): column_key(c) for a, c in (aliases or {}).items()})
    columns, problems = _map_header(source, delimiter, header, known, required)
    diagnostics += problems
    if any(d.is_error for d in problems):
        return None, diagnostics
    table = Table(source, delimiter, header, columns, ())
    rows = list(_checked_rows(table, records, diagnostics))
    return attrs.evolve(table, rows=tuple(rows)), diagnostics


def _load_text(path: Path, name: str, max_bytes: int) -> tuple[str | None, list[Diagnostic]]:
    """The decoded, newline-normalised text of a file, or the reason there is none."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            return None, [file_diagnostic("D002", name, {"reason": "not a regular file"})]
        if size > max_bytes:
            return None, [file_diagnostic("D004", name, {"size": size, "limit": max_bytes})]
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [file_diagnostic("D001", name, {"path": name})]
    except OSError as err:
        return None, [file_diagnostic("D002", name, {"reason": err.strerror or str(err)})]
    return _decode_bytes(data, name, max_bytes)


def _decode_bytes(data: bytes, name: str, max_bytes: int) -> tuple[str | None, list[Diagnostic]]:
    """The decoded, newline-normalised text of a file's bytes, or the reason there is none."""
    if len(data) > max_bytes:
        return None, [file_diagnostic("D004", name, {"size": len(data), "limit": max_bytes})]
    if (nul := data.find(b"\x00")) >= 0:
        return None, [file_diagnostic("D005", name, {}, data.count(b"\n", 0, nul) + 1)]
    bad_byte = None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        # Excel on Windows saves "CSV" in the ANSI code page; cp1252 reads it
        # right for Indonesian text, and the warning tells the user to re-save.
        text = data.decode("cp1252", errors="replace")
        bad_byte = err.start
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    diagnostics = [] if bad_byte is None else [_not_utf8(name, text, data, bad_byte)]
    if not text.strip():
        return None, [*diagnostics, file_diagnostic("D007", name, {})]
    return text, diagnostics


def _not_utf8(name: str, text: str, data: bytes, offset: int) -> Diagnostic:
    """D006 pointing at the first byte that is not UTF-8.

    cp1252 maps one byte to one character, so the byte's place in its line is
    also the character's column.
    """
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    span = Span.at_line(Source(name, text), line, column)
    return Diagnostic("D006", span, {"line": line}, Severity.WARNING)


def _sniff(header_line: str) -> str:
    """``;`` when the header has more semicolons than commas, else ``,``."""
    return max(_DELIMITERS, key=header_line.count)


def _first_line(text: str) -> tuple[int, int]:
    """The offset and 0-based index of the first line that is not blank (the text has one)."""
    start = index = 0
    while True:
        end = text.find("\n", start)
        if text[start : end if end >= 0 else len(text)].strip() or end < 0:
            return start, index
        start, index = end + 1, index + 1


def _lines(text: str, start: int) -> Iterator[str]:
    """The lines of ``text`` from offset ``start``, each with its line break, one at a time."""
    size = len(text)
    while start < size:
        end = text.find("\n", start)
        if end < 0:
            yield text[start:] + "\n"
            return
        yield text[start : end + 1]
        start = end + 1


def _records(text: str, start: int, first: int, delimiter: str) -> Iterator[Row]:
    """Records with a non-blank cell, from offset ``start`` (line index ``first``) on,
    with the 1-based line each starts on.

    Raises :class:`_CsvError` when :mod:`csv` gives up (a cell over its size limit).
    """
    reader = csv.reader(_lines(text, start), delimiter=delimiter)
    done = first
    try:
        for cells in reader:
            line = done + 1
            done = first + reader.line_num
            if any(cell.strip() for cell in cells):
                yield Row(line, tuple(cells))
    except csv.Error as err:
        raise _CsvError(str(err), done + 1) from None


def _map_header(
    source: Source,
    delimiter: str,
    header: Row,
    known: Mapping[str, str],
    required: Sequence[str],
) -> tuple[dict[str, int], list[Diagnostic]]:
    """Canonical column -> cell index, with diagnostics for bad or missing names."""
    table = Table(source, delimiter, header, {}, ())
    columns: dict[str, int] = {}
    unknown: dict[int, str] = {}
    problems: list[Diagnostic] = []
    for index, raw in enumerate(header.cells):
        canonical = known.get(column_key(raw))
        if canonical is None:
            if raw.strip():
                unknown[index] = raw.strip()
        elif canonical in columns:
            first = columns[canonical]
            label = Label(table.cell_span(header, first), "data-label-first-here")
            args = {"column": raw.strip(), "index": index + 1, "first": first + 1}
            problems.append(
                Diagnostic("D013", table.cell_span(header, index), args, labels=(label,))
            )
        else:
            columns[canonical] = index
    if not columns and required:
        args = {"expected": ", ".join(required)}
        return columns, [Diagnostic("D010", table.row_span(header), args)]
    problems += _missing(table, columns, unknown, required)
    for index, raw in unknown.items():
        hints = suggest(raw, sorted(set(known.values()) - set(columns)))
        args = {"column": raw, "index": index + 1}
        span = table.cell_span(header, index)
        problems.append(Diagnostic("D012", span, args, Severity.WARNING, suggestions=tuple(hints)))
    return columns, problems


def _missing(
    table: Table, columns: Mapping[str, int], unknown: dict[int, str], required: Sequence[str]
) -> list[Diagnostic]:
    """D011 for each missing required column, pointing at a misspelt header if any.

    A header cell taken as the misspelling of a missing column is removed from
    ``unknown`` so it is not reported a second time as an unknown column.
    """
    problems = []
    for name in required:
        if column_key(name) in columns:
            continue
        near = [i for i, raw in unknown.items() if suggest(name, [column_key(raw)])]
        if near:
            span = table.cell_span(table.header, near[0])
            del unknown[near[0]]
            problems.append(Diagnostic("D011", span, {"column": name}, suggestions=(name,)))
        else:
            problems.append(Diagnostic("D011", table.row_span(table.header), {"column": name}))
    return problems


def _checked_rows(
    table: Table, records: Iterator[Row], diagnostics: list[Diagnostic]
) -> Iterator[Row]:
    """Rows whose cell count matches the header; the others become diagnostics."""
    width = len(table.header.cells)
    try:
        for row in records:
            cells = row.cells
            # Trailing empty cells beyond the header carry nothing: accept them.
            while len(cells) > width and not cells[-1].strip():
                cells = cells[:-1]
            if len(cells) == width:
                yield attrs.evolve(row, cells=cells) if cells is not row.cells else row
            else:
                diagnostics.append(_bad_width(table, row, width))
    except _CsvError as err:
        source = table.source
        diagnostics.append(
            file_diagnostic("D008", source.name, {"reason": err.reason}, err.line, source.text)
        )


def _bad_width(table: Table, row: Row, width: int) -> Diagnostic:
    """D019 for a row with too few or too many cells, or D009 for an open quote."""
    _, closed = _cell_bounds(table.source.text, table.offset(row), table.delimiter)
    if not closed:
        return Diagnostic("D009", table.row_span(row), {})
    found = len(row.cells)
    span = table.cell_span(row, width if found > width else found)
    return Diagnostic("D019", span, {"found": found, "expected": width})


def sort_and_cap(
    diagnostics: Iterable[Diagnostic], order: Sequence[str] = (), limit: int = MAX_DIAGNOSTICS
) -> list[Diagnostic]:
    """Diagnostics by file (in ``order``) and line, at most ``limit`` of them.

    Within a line the order of discovery stays: a cause is found before its
    consequences (a cycle before the rows it drops).  When some are cut, a
    closing note (D036) says how many.
    """

    def key(d: Diagnostic) -> tuple[int, str, int]:
        path = d.span.path if d.span else ""
        rank = order.index(path) if path in order else len(order)
        return (rank, path, d.span.line if d.span else 0)

    ordered = sorted(diagnostics, key=key)
    if len(ordered) <= limit:
        return ordered
    cut = len(ordered) - limit
    note = Diagnostic("D036", None, {"count": cut, "limit": limit}, Severity.NOTE)
    return [*ordered[:limit], note]
