"""Rows of per-unit tables read from CSV or Excel files (``dari_berkas "siaga.csv"``).

A weekly level per district is a data update, not a rule change: the rule
file names the file, and its rows join the table's own when the circular is
loaded, as if they were written in it.  This is a step of loading, next to
resolving what a file extends (:func:`read_table_files`), so the checker
sees ordinary rows (each with the span of its cell in the data file) and
every backend reads them as it reads written rows.

The file has a column ``unit`` (also ``kode``, ``kode_unit``), a column
``nilai`` (``value``) written as in a rule file (``3``, ``50%``, ``Rp
150.000``, ``WFH``), and optionally ``mulai`` (``from``): the date from which
the row holds.  Paths are relative to the rule file that names them; only
``.csv``, ``.xlsx`` and ``.xlsm`` files are read (E171), inside ``--root``
when it is given (E172), through the guarded reader (E173); a cell that is
no value is E174, a cell that is no date D018, and the file's structure gets
the roster's D-codes.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs

from edaran.core.diagnostics import Diagnostic, Span
from edaran.core.files import FileRefused, parent_root, read_bytes
from edaran.io.cells import BadValue, parse_date
from edaran.io.sheets import SheetTable, read_excel
from edaran.io.table import DEFAULT_MAX_BYTES, Row, Table, column_key, read_table
from edaran.lang import nodes as n

__all__ = ["TABLE_FILE_SUFFIXES", "read_table_files"]

#: The files a table may read its rows from.
TABLE_FILE_SUFFIXES = (".csv", ".xlsx", ".xlsm")
_EXCEL = (".xlsx", ".xlsm")
_KEY, _VALUE, _FROM = "unit", "nilai", "mulai"
_ALIASES = {
    "kode": _KEY,
    "kode_unit": _KEY,
    "unit_code": _KEY,
    "code": _KEY,
    "value": _VALUE,
    "from": _FROM,
    "berlaku_mulai": _FROM,
}

# The literals of the rule language (grammar/edaran.lark), whole cells only.
_LITERALS: tuple[tuple[re.Pattern[str], type], ...] = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), n.DateLit),
    (re.compile(r"Rp ?\d+(\.\d{3})*(,\d{1,2})?"), n.MoneyLit),
    (re.compile(r"\d+(\.\d+)?%"), n.PercentLit),
    (re.compile(r"\d+\.\d+"), n.DecLit),
    (re.compile(r"\d+"), n.IntLit),
)
_COMMA_DECIMAL = re.compile(r"(\d+),(\d+)(%?)")
_QUANTITY = re.compile(r"(\d+(?:\.\d+)?) +([^\W\d]\w*)")
_NAME = re.compile(r"[^\W\d]\w*")
_TRUE, _FALSE = frozenset({"benar", "true", "ya"}), frozenset({"salah", "false", "tidak"})


def read_table_files(
    module: n.Module, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[n.Module, list[Diagnostic]]:
    """``module`` with the rows of every table file added to its table, and the problems."""
    problems: list[Diagnostic] = []
    items: list[n.Item] = []
    changed = False
    for item in module.items:
        if isinstance(item, n.TableDecl) and item.files:
            key = item.key_type.name
            rows = [row for f in item.files for row in _rows(f, key, max_bytes, problems)]
            item = attrs.evolve(item, rows=(*item.rows, *rows), files=())
            changed = True
        items.append(item)
    return (attrs.evolve(module, items=tuple(items)) if changed else module), problems


def _path(file: n.TableFile) -> Path:
    """The file's path, relative to the rule file that names it."""
    source = file.span.source if file.span is not None else None
    name = source.name if source is not None else ""
    base = Path(name).parent if name and not name.startswith("<") else Path.cwd()
    return base / file.path


def _rows(
    file: n.TableFile, key: str, max_bytes: int, problems: list[Diagnostic]
) -> list[n.TableRow]:
    path = _path(file)
    if not file.path.casefold().endswith(TABLE_FILE_SUFFIXES):
        problems.append(Diagnostic("E171", file.span, {"path": file.path}))
        return []
    root = parent_root()
    if root is not None and not path.resolve().is_relative_to(root):
        problems.append(Diagnostic("E172", file.span, {"path": file.path, "root": str(root)}))
        return []
    try:
        data = read_bytes(path, max_bytes)
    except FileRefused as refused:
        problems.append(
            Diagnostic("E173", file.span, {"path": file.path, "reason": refused.reason})
        )
        return []
    # The key column may also be named after the key type (``kabupaten``), or ``kunci``.
    aliases = _ALIASES | {column_key(key): _KEY, "kunci": _KEY, "key": _KEY}
    table = _table(path, data, max_bytes, aliases, problems)
    if table is None:
        return []
    found: list[Diagnostic] = []
    rows = _table_rows(table, found)
    if isinstance(table, SheetTable):  # name each cell as the workbook does (C7 on 'Siaga')
        found = [attrs.evolve(d, notes=table.notes(d.span)) if d.span else d for d in found]
    problems += found
    return rows


def _table(
    path: Path, data: bytes, max_bytes: int, aliases: dict[str, str], problems: list[Diagnostic]
) -> Table | None:
    shown = str(path)
    required, optional = (_KEY, _VALUE), (_FROM,)
    if path.name.casefold().endswith(_EXCEL):
        known = {c: c for c in (*required, *optional)} | {
            column_key(a): c for a, c in aliases.items()
        }
        sheet, found = read_excel(Path(shown), known, required, max_bytes, data=data)
        problems += found
        return None if sheet is None else SheetTable.of(sheet)
    table, found = read_table(shown, required, optional, aliases, max_bytes=max_bytes, data=data)
    problems += found
    return table


def _table_rows(table: Table, problems: list[Diagnostic]) -> list[n.TableRow]:
    """One row node per unit: its undated value (if any) and its dated changes."""
    found: dict[str, tuple[n.Ident, n.Expr | None, list[n.ParamChange], Span]] = {}
    twice: list[n.TableRow] = []
    for row in table.rows:
        code = table.cell(row, _KEY)
        key_span = _span(table, row, _KEY, problems)
        value = _value(table, row, problems)
        since = _since(table, row, problems)
        if not code or value is None or since is False:
            continue
        ident = n.Ident(code, span=key_span)
        entry = found.setdefault(code, (ident, None, [], table.row_span(row)))
        if since is None and entry[1] is not None:
            # A second undated row: the checker reports the row given twice (E105).
            twice.append(n.TableRow(ident, value, span=table.row_span(row)))
        elif since is None:
            found[code] = (entry[0], value, entry[2], entry[3])
        elif isinstance(since, n.DateLit):
            entry[2].append(n.ParamChange(since, value, span=table.row_span(row)))
    rows = [
        n.TableRow(ident, first, changes=tuple(changes), span=span)
        for ident, first, changes, span in found.values()
    ]
    return [*rows, *twice]


def _span(table: Table, row: Row, column: str, problems: list[Diagnostic]) -> Span:
    span, args = table.where(row, column)
    if not table.cell(row, column):
        problems.append(Diagnostic("D020", span, args))
    return span


def _since(table: Table, row: Row, problems: list[Diagnostic]) -> n.DateLit | bool | None:
    """The row's date (None when it has none; False after reporting a bad one)."""
    text = table.cell(row, _FROM) if table.has(_FROM) else ""
    if not text:
        return None
    span, args = table.where(row, _FROM)
    try:
        day = parse_date(text)
    except BadValue as bad:
        problems.append(Diagnostic(bad.code, span, {**bad.args_, **args}))
        return False
    return n.DateLit(day.isoformat(), span=span)


def _value(table: Table, row: Row, problems: list[Diagnostic]) -> n.Expr | None:
    """The value cell as the literal a rule file would write (E174 when it is none)."""
    text = table.cell(row, _VALUE)
    span, args = table.where(row, _VALUE)
    if not text:
        problems.append(Diagnostic("D020", span, args))
        return None
    node = literal(text, span)
    if node is None:
        problems.append(Diagnostic("E174", span, {**args, "value": text}))
    return node


def literal(text: str, span: Span | None = None) -> n.Expr | None:
    """The rule-language literal ``text`` is (``3``, ``12,5``, ``50%``, ``WFH``), or None."""
    text = text.strip()
    if match := _COMMA_DECIMAL.fullmatch(text):  # Indonesian Excel writes 12,5
        text = f"{match[1]}.{match[2]}{match[3]}"
    for pattern, node in _LITERALS:
        if pattern.fullmatch(text):
            return node(text, span=span)  # type: ignore[no-any-return]  # a literal node class
    if match := _QUANTITY.fullmatch(text):
        return n.Quantity(match[1], n.Ident(match[2], span=span), span=span)
    if text.casefold() in _TRUE | _FALSE:
        return n.BoolLit(text.casefold() in _TRUE, span=span)
    if _NAME.fullmatch(text):
        return n.Name((text,), span=span)
    return None
