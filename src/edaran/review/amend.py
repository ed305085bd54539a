"""``edaran import``: reviewed parameter and table values back into rule files.

:func:`read_reviewed` reads the ``Parameter`` and ``Tabel`` sheets of a
workbook :func:`~edaran.review.export.export_review` wrote (their Indonesian
or English titles and headings), and :func:`changes_from` compares them with
the circular: a value edited, a dated value (``mulai``) or a table row added
or removed, a parameter or a table added (a name the circular does not
declare, with its type in the ``Tipe`` column).  :func:`amendment_text`
writes the changes as an amendment file (``mengubah``): each changed
parameter or table in full, as an amendment replaces a declaration.
:func:`in_place_text` writes them into the rule file itself: a value edited
in its place (the rest of the line, comments included, kept), a declaration
whose rows changed written anew, a new one after the last declaration.

Every bad cell is a diagnostic naming the sheet, row and column (D090-D096,
E716-E717 for a new parameter or table without its type or its first value);
a value is checked with the rule file's own grammar and checker, by checking
the amendment it makes, so "``40 persen``" on a ``persen`` table gets the
checker's own words, placed on its cell.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePath
from typing import Any

import attrs

from edaran.core.diagnostics import Diagnostic, EdaranError, Source, Span
from edaran.core.suggest import suggest
from edaran.engine.circular import Circular
from edaran.io.sheets import column_letter
from edaran.lang import nodes as n
from edaran.messages import LANGS, Lang, Localized, message
from edaran.review.model import ParamRow, Review, TableRow, editable, span_text
from edaran.review.xlsx import PARAM_HEADINGS, TABLE_HEADINGS

__all__ = [
    "Change",
    "Reviewed",
    "amendment_text",
    "changes_from",
    "check_result",
    "in_place_text",
    "read_reviewed",
]

_UNIT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_SPACE = re.compile(r"\s+")


@attrs.frozen
class Cell:
    """Where a value stands: sheet title, 1-based row, 0-based column."""

    sheet: str
    row: int
    column: int


@attrs.frozen
class Reviewed:
    """What the sheets hold: per parameter its values by date, per table its rows by unit.

    ``None`` is a parameter's first value and a table's default.
    """

    params: Mapping[str, Mapping[dt.date | None, tuple[str, Cell]]]
    tables: Mapping[str, Mapping[str | None, tuple[str, Cell]]]
    #: a table's rows with a ``Mulai`` date: (table, unit or None, date) -> (value, its cell)
    dated: Mapping[tuple[str, str | None, dt.date], tuple[str, Cell]] = attrs.field(
        factory=dict, kw_only=True
    )
    #: ("param" or "table", name) -> the cell of its name on its first row
    names: Mapping[tuple[str, str], Cell] = attrs.field(factory=dict)
    #: ("param" or "table", name) -> its ``Tipe`` cell on its first row (read for new names)
    types: Mapping[tuple[str, str], tuple[str, Cell]] = attrs.field(factory=dict)


@attrs.frozen
class Change:
    """One value that differs: ``old`` None when added, ``new`` None when removed."""

    kind: str  # "param" or "table"
    name: str
    key: dt.date | str | None
    old: str | None
    new: str | None
    #: the type of a parameter or table the workbook adds (None: the circular declares it)
    type: str | None = None

    @property
    def label(self) -> str:
        """``HARI_WFH``, ``HARI_WFH (mulai 2026-06-01)``, ``PROPORSI_WFH[BKD]``."""
        if self.kind == "table":
            return f"{self.name}[{self.key}]" if self.key is not None else self.name
        return f"{self.name} (mulai {self.key})" if self.key is not None else self.name


def _cell_diagnostic(
    path: str, cell: Cell, code: str, args: Mapping[str, Any], suggestions: tuple[str, ...] = ()
) -> Diagnostic:
    note = (
        "data-note-excel-cell",
        {"cell": f"{column_letter(cell.column)}{cell.row}", "sheet": cell.sheet},
    )
    span = Span.at_line(Source(path, ""), cell.row, cell.column + 1)
    return Diagnostic(code, span, dict(args), suggestions=suggestions, notes=(note,))


def _text(value: object, number_format: str | None) -> str:
    """A cell as the text of a rule-file value (a number the way a person wrote it)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "benar" if value else "salah"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        if number_format and "%" in number_format:  # Excel turned "40%" into 0.4
            value = round(value * 100, 10)
        text = f"{value:f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
        return text + ("%" if number_format and "%" in number_format else "")
    return _SPACE.sub(" ", str(value)).strip()


def _titles(key: str) -> list[str]:
    return [message(key, lang) for lang in LANGS]


def read_reviewed(path: Path) -> tuple[Reviewed | None, list[Diagnostic]]:
    """The parameter and table sheets of the workbook at ``path`` and every bad cell.

    The good rows are read even when others are bad (so that every problem is
    found at once); None when the workbook cannot be read at all.  Rows end at
    the first blank row or at the note the export writes under them.
    """
    name = str(path)
    whole = Span.at_line(Source(name, ""), 1, 1)
    try:
        import openpyxl
    except ImportError:
        return None, [Diagnostic("D061", whole, {})]
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as err:
        reason = getattr(err, "strerror", None) or str(err) or type(err).__name__
        return None, [Diagnostic("E710", whole, {"reason": reason})]
    problems: list[Diagnostic] = []
    sheets: dict[str, list[tuple[int, list[tuple[str, Cell]]]]] = {}
    try:
        for key, headings in (
            ("export.sheet-params", PARAM_HEADINGS),
            ("export.sheet-tables", TABLE_HEADINGS),
        ):
            titles = _titles(key)
            title = next((t for t in titles if t in workbook.sheetnames), None)
            sheets[key] = []
            if title is None:
                args: dict[str, Any] = {"sheet": titles[0], "other": titles[1]}
                problems.append(Diagnostic("E711", whole, args))
                continue
            # 'Mulai' of the table sheet is optional: a workbook exported before it had none
            optional = ("h-since",) if key == "export.sheet-tables" else ()
            found = _read_sheet(workbook[title], title, headings, name, problems, optional)
            if found is not None:
                sheets[key] = found
    finally:
        workbook.close()
    params: dict[str, dict[dt.date | None, tuple[str, Cell]]] = {}
    tables: dict[str, dict[str | None, tuple[str, Cell]]] = {}
    seen: dict[tuple[str, object], int] = {}
    names: dict[tuple[str, str], Cell] = {}
    types: dict[tuple[str, str], tuple[str, Cell]] = {}
    for number, cells in sheets["export.sheet-params"]:
        (pname, name_cell), ptype, (since_text, since_cell), (value, value_cell) = cells[:4]
        since: dt.date | None = None
        if since_text:
            try:
                since = dt.date.fromisoformat(since_text)
            except ValueError:
                problems.append(_cell_diagnostic(name, since_cell, "D093", {"value": since_text}))
                continue
        label = pname + (f" (mulai {since})" if since else "")
        if (pname, since) in seen:
            args = {"name": label, "first": seen[(pname, since)]}
            problems.append(_cell_diagnostic(name, name_cell, "D095", args))
            continue
        seen[(pname, since)] = number
        names.setdefault(("param", pname), name_cell)
        types.setdefault(("param", pname), ptype)
        params.setdefault(pname, {})[since] = (value, value_cell)
    defaults = set(_titles("export.default-row"))
    dated: dict[tuple[str, str | None, dt.date], tuple[str, Cell]] = {}
    for number, cells in sheets["export.sheet-tables"]:
        (tname, name_cell), ttype, (unit_text, unit_cell), (value, value_cell) = cells[:4]
        since_text, since_cell = cells[6]
        unit = None if unit_text in defaults else unit_text
        if unit is not None and not _UNIT.match(unit):
            problems.append(_cell_diagnostic(name, unit_cell, "D094", {"value": unit_text}))
            continue
        label = f"{tname}[{unit}]" if unit else tname
        if since_text:
            try:
                day = dt.date.fromisoformat(since_text)
            except ValueError:
                problems.append(_cell_diagnostic(name, since_cell, "D093", {"value": since_text}))
                continue
            if (tname, unit, day) in dated:
                where = dated[(tname, unit, day)][1].row
                args = {"name": f"{label} (mulai {day})", "first": where}
                problems.append(_cell_diagnostic(name, name_cell, "D095", args))
                continue
            dated[(tname, unit, day)] = (value, value_cell)
            names.setdefault(("table", tname), name_cell)
            continue
        if (tname, unit) in seen:
            args = {"name": label, "first": seen[(tname, unit)]}
            problems.append(_cell_diagnostic(name, name_cell, "D095", args))
            continue
        seen[(tname, unit)] = number
        names.setdefault(("table", tname), name_cell)
        types.setdefault(("table", tname), ttype)
        tables.setdefault(tname, {})[unit] = (value, value_cell)
    return Reviewed(params, tables, names, types, dated=dated), problems


def _read_sheet(
    sheet: Any,
    title: str,
    headings: Sequence[str],
    path: str,
    problems: list[Diagnostic],
    optional: Sequence[str] = (),
) -> list[tuple[int, list[tuple[str, Cell]]]] | None:
    """Rows of ``sheet`` as (row number, [(text, cell) per heading]); None on a bad heading row.

    A heading in ``optional`` may be missing: its cells are then empty."""
    rows = sheet.iter_rows()
    head = next(rows, ())
    found = {_text(c.value, None): i for i, c in enumerate(head)}
    notes = set(_titles("export.review-note"))
    columns = []
    for key in headings:
        names = _titles("export." + key)
        index = next((found[x] for x in names if x in found), None)
        if index is None and key in optional:
            index = -1
        elif index is None:
            args = {"sheet": title, "column": names[0]}
            problems.append(Diagnostic("E712", Span.at_line(Source(path, ""), 1, 1), args))
            return None
        columns.append(index)
    out = []
    for number, row in enumerate(rows, start=2):
        cells = list(row)
        texts = []
        for index in columns:
            cell = cells[index] if 0 <= index < len(cells) else None
            value = getattr(cell, "value", None)
            fmt = getattr(cell, "number_format", None)
            texts.append((_text(value, fmt), Cell(title, number, index)))
        if all(not text for text, _ in texts) or texts[0][0] in notes:
            break
        out.append((number, texts))
    return out


def changes_from(
    review: Review, reviewed: Reviewed, path: str
) -> tuple[list[Change], list[Diagnostic]]:
    """The values the sheets change against ``review``, and the cells that are wrong."""
    problems: list[Diagnostic] = []
    params: dict[str, dict[dt.date | None, str]] = {}
    for p in review.params:
        params.setdefault(p.name, {})[p.since] = p.value
    tables: dict[str, dict[str | None, str]] = {}
    for t in review.tables:
        if editable(t):
            tables.setdefault(t.table, {})[t.unit] = t.value
        else:
            tables.setdefault(t.table, {})
    sheet_tables = _kept_rows(review, reviewed, path, problems)
    changes: list[Change] = []
    pairs: list[tuple[str, Mapping[str, Mapping[Any, str]], Mapping[str, Mapping[Any, Any]], str]]
    pairs = [
        ("param", params, reviewed.params, "D090"),
        ("table", tables, sheet_tables, "D091"),
    ]
    for kind, known, sheet, code in pairs:
        for name, values in sheet.items():
            if name not in known:
                hints = tuple(suggest(name, known))
                if hints:  # a near miss of a declared name is a typo, not a new name
                    where = reviewed.names[(kind, name)]
                    problems.append(_cell_diagnostic(path, where, code, {"name": name}, hints))
                else:
                    changes += _added(kind, name, values, reviewed, path, problems)
                continue
            before = known[name]
            for key, (value, cell) in values.items():
                if not value:
                    label = Change(kind, name, key, None, None).label
                    problems.append(_cell_diagnostic(path, cell, "D096", {"name": label}))
                elif key not in before:
                    changes.append(Change(kind, name, key, None, value))
                elif _SPACE.sub(" ", before[key]) != value:
                    changes.append(Change(kind, name, key, before[key], value))
            for key, value in before.items():
                # The first value and the default cannot be removed, only changed.
                if key is not None and key not in values:
                    changes.append(Change(kind, name, key, value, None))
    return changes, problems


def _kept_rows(
    review: Review, reviewed: Reviewed, path: str, problems: list[Diagnostic]
) -> dict[str, dict[str | None, tuple[str, Cell]]]:
    """The table sheet without the rows the import keeps as they are written: rows of a data
    file (``dari_berkas``, E718 when changed there) and dated rows (``mulai``, E719)."""
    kept = {(t.table, t.unit, t.since): t for t in review.tables if not editable(t)}
    sheet = {name: dict(rows) for name, rows in reviewed.tables.items()}
    seen = set()
    for key, row in kept.items():
        table, unit, since = key
        if since is None:
            found = sheet.get(table, {}).pop(unit, None)
        else:
            found = reviewed.dated.get((table, unit, since))
        seen.add(key)
        if found is None and ("table", table) not in reviewed.names:
            continue  # the whole table left out of the sheet: nothing of it is read
        label = Change("table", table, unit, None, None).label
        label += f" (mulai {since.isoformat()})" if since else ""
        if found is not None and _SPACE.sub(" ", row.value) == found[0]:
            continue
        cell = found[1] if found is not None else reviewed.names[("table", table)]
        code = "E718" if row.data_file else "E719"
        problems.append(_cell_diagnostic(path, cell, code, {"name": label, "file": row.file}))
    for (table, unit, since), (_value, cell) in reviewed.dated.items():
        if (table, unit, since) not in seen:
            label = Change("table", table, unit, None, None).label + f" (mulai {since})"
            file = next((t.file for t in review.tables if t.table == table), review.file)
            problems.append(_cell_diagnostic(path, cell, "E719", {"name": label, "file": file}))
    return sheet


def _added(
    kind: str,
    name: str,
    values: Mapping[Any, tuple[str, Cell]],
    reviewed: Reviewed,
    path: str,
    problems: list[Diagnostic],
) -> list[Change]:
    """The rows of a parameter or table the workbook adds: its type, first value or default
    row, and its other rows; each missing part is a diagnostic on its cell."""
    name_cell = reviewed.names[(kind, name)]
    type_text, type_cell = reviewed.types.get((kind, name), ("", name_cell))
    found = len(problems)
    if not type_text:
        problems.append(_cell_diagnostic(path, type_cell, "E716", {"name": name}))
    if None not in values:
        first = "import.first-value" if kind == "param" else "import.default-row"
        args = {"name": name, "row": Localized(first)}
        problems.append(_cell_diagnostic(path, name_cell, "E717", args))
    added = []
    for key, (value, cell) in values.items():
        if not value:
            label = Change(kind, name, key, None, None).label
            problems.append(_cell_diagnostic(path, cell, "D096", {"name": label}))
        else:
            added.append(Change(kind, name, key, None, value, type_text))
    return added if len(problems) == found else []


#: the key of a line a declaration keeps as written (a dated table row, a data file)
_KEPT = object()


def _declaration(
    kind: str,
    name: str,
    type_text: str,
    values: Mapping[Any, str],
    decl: n.TableDecl | None = None,
    base: str = "",
) -> list[tuple[object, str]]:
    """A parameter or table declaration, its dated values or rows in order: (key, line).

    A table keeps what the workbook does not change as it is written in ``decl``: its key
    type, its dated values (``mulai``) and its data files (``dari_berkas``, their paths
    joined to ``base``, the folder of the file written relative to the rule file's).
    """
    first = values[None]
    if kind == "param":
        lines: list[tuple[object, str]] = [(None, f"parameter {name}: {type_text} = {first}")]
        dated = sorted((k, v) for k, v in values.items() if k is not None)
        lines += [(since, f"    mulai {since.isoformat()}: {value}") for since, value in dated]
        return lines
    key_type = decl.key_type.name if decl is not None else "unit"
    lines = [(None, f"tabel {name}: {key_type} -> {type_text} = {first}")]
    rows = {r.key.name: r for r in decl.rows} if decl is not None else {}
    lines += _kept_changes(decl.changes if decl is not None else (), "    ")
    for unit, value in values.items():
        if unit is None:
            continue
        lines.append((unit, f"    {unit}: {value}"))
        row = rows.get(unit)
        lines += _kept_changes(row.changes if row is not None else (), "        ")
    for file in decl.files if decl is not None else ():
        path = posixpath.normpath(posixpath.join(base, file.path)) if base else file.path
        lines.append((_KEPT, f'    dari_berkas "{path}"'))
    return lines


def _kept_changes(changes: Sequence[n.ParamChange], indent: str) -> list[tuple[object, str]]:
    ordered = sorted(changes, key=lambda c: c.date.text)
    return [(_KEPT, f"{indent}mulai {c.date.text}: {span_text(c.value.span)}") for c in ordered]


def _after(review: Review, changes: Sequence[Change]) -> dict[tuple[str, str], dict[Any, str]]:
    """The values of every changed declaration once the changes are made, in sheet order."""
    result: dict[tuple[str, str], dict[Any, str]] = {}
    rows: Sequence[ParamRow | TableRow]
    for kind, rows in (("param", review.params), ("table", review.tables)):
        for row in rows:
            if isinstance(row, TableRow) and not editable(row):
                continue  # kept as written by _declaration
            name = row.name if isinstance(row, ParamRow) else row.table
            key = row.since if isinstance(row, ParamRow) else row.unit
            if any(c.kind == kind and c.name == name for c in changes):
                result.setdefault((kind, name), {})[key] = row.value
    for c in changes:
        values = result.setdefault((c.kind, c.name), {})  # a new declaration: its rows only
        if c.new is None:
            values.pop(c.key, None)
        else:
            values[c.key] = c.new
    return result


def _types(review: Review, changes: Sequence[Change] = ()) -> dict[tuple[str, str], str]:
    found = {("param", p.name): p.type for p in review.params}
    found.update({("table", t.table): t.type for t in review.tables})
    found.update({(c.kind, c.name): c.type for c in changes if c.type is not None})
    return found


def amendment_text(
    review: Review,
    changes: Sequence[Change],
    *,
    amends: str,
    number: str,
    effective: dt.date,
    workbook: str,
    lang: str = "id",
) -> tuple[str, dict[int, Change]]:
    """An amendment file making ``changes``, and which change each of its lines writes."""
    lines = [
        message(
            "import.amends-header",
            "en" if lang == "en" else "id",
            file=PurePath(amends).name,
            workbook=PurePath(workbook).name,
        ),
        f'surat_edaran "{number}":',
        f'    mengubah "{amends}"',
        f"    berlaku {effective.isoformat()}",
        "",
    ]
    owner: dict[int, Change] = {}
    types = _types(review, changes)
    base = posixpath.dirname(amends)
    for (kind, name), values in _after(review, changes).items():
        decl = review.table_decls.get(name) if kind == "table" else None
        for key, text in _declaration(kind, name, types[(kind, name)], values, decl, base):
            lines.append(text)
            change = next(
                (c for c in changes if (c.kind, c.name, c.key) == (kind, name, key)), None
            )
            if change is not None:
                owner[len(lines)] = change
        lines.append("")
    return "\n".join(lines), owner


def in_place_text(
    review: Review,
    changes: Sequence[Change],
    circular: Circular,
    reviewed: Reviewed,
    workbook: str,
) -> tuple[str | None, list[Diagnostic]]:
    """The rule file's text with ``changes`` made, or None and why they cannot be.

    A value whose declaration is written in another file (a variant's parent)
    cannot change here (E713): an amendment or the parent file can.
    """
    from edaran.lang import nodes as n

    module = circular.module
    if module is None or module.span is None or module.span.source is None:
        return None, []  # pragma: no cover - a loaded circular has its syntax tree
    source = module.span.source
    own = {
        (("param" if isinstance(i, n.ParamDecl) else "table"), i.name.name): i
        for i in module.items
        if isinstance(i, n.ParamDecl | n.TableDecl)
    }
    problems = []
    files = {("param", p.name): p.file for p in review.params}
    files.update({("table", t.table): t.file for t in review.tables})
    for c in changes:
        if (c.kind, c.name) not in own and c.type is None:
            args = {"name": c.label, "file": files.get((c.kind, c.name), "?")}
            problems.append(_cell_diagnostic(workbook, _cell_of(reviewed, c), "E713", args))
    if problems:
        return None, problems
    edits: list[tuple[int, int, str]] = []
    types = _types(review, changes)
    after = _after(review, changes)
    added: list[str] = []
    for (kind, name), values in after.items():
        if (kind, name) not in own:  # added by the workbook: written after the declarations
            found = _declaration(kind, name, types[(kind, name)], values)
            added.append("\n".join(line for _, line in found))
            continue
        decl = own[(kind, name)]
        mine = [c for c in changes if (c.kind, c.name) == (kind, name)]
        if all(c.old is not None and c.new is not None for c in mine):
            for c in mine:
                span = _value_span(decl, c.key)
                assert span is not None and c.new is not None
                edits.append((span.start, span.end, c.new))
        else:
            assert decl.span is not None
            table = decl if isinstance(decl, n.TableDecl) else None
            found = _declaration(kind, name, types[(kind, name)], values, table)
            text = "\n".join(line for _, line in found)
            end = decl.span.start + len(source.text[decl.span.start : decl.span.end].rstrip())
            edits.append((decl.span.start, end, text))
    if added:
        edits.append(_insertion(module, source.text, added))
    text = source.text
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text, []


def _insertion(module: Any, text: str, added: Sequence[str]) -> tuple[int, int, str]:
    """Where new declarations go in place: after the file's last parameter, table or set,
    else before its first butir, else at its end."""
    from edaran.lang import nodes as n

    spans = [
        i.span
        for i in module.items
        if isinstance(i, n.ParamDecl | n.TableDecl | n.SetDecl) and i.span is not None
    ]
    block = "\n\n".join(added)
    if spans:
        last = max(spans, key=lambda s: s.end)
        end = last.start + len(text[last.start : last.end].rstrip())
        return end, end, "\n\n" + block
    starts = [
        i.span.start
        for i in module.items
        if not isinstance(i, n.Header) and getattr(i, "span", None) is not None
    ]
    if starts:
        return min(starts), min(starts), block + "\n\n"
    end = len(text.rstrip())
    return end, end, "\n\n" + block + "\n"


def _value_span(decl: Any, key: object) -> Span | None:
    from edaran.lang import nodes as n

    found: Span | None = None
    if isinstance(decl, n.ParamDecl):
        if key is None:
            found = decl.value.span
        for change in decl.changes:
            if dt.date.fromisoformat(change.date.text) == key:
                found = change.value.span
        return found
    if key is None:
        found = decl.default.span
    for row in decl.rows:
        if row.key.name == key:
            found = row.value.span
    return found


def _cell_of(reviewed: Reviewed, change: Change) -> Cell:
    """The value cell of a change, or the name cell of a removed row."""
    sheet: Any = reviewed.params if change.kind == "param" else reviewed.tables
    found = sheet.get(change.name, {}).get(change.key)
    return found[1] if found is not None else reviewed.names[(change.kind, change.name)]


@attrs.frozen
class _Said:
    """A diagnostic's message as the argument of another, in that one's language."""

    diagnostic: Diagnostic

    def localize(self, lang: Lang) -> str:
        return self.diagnostic.message(lang)


def check_result(
    text: str,
    name: str,
    path: Path,
    owner: Mapping[int, Change],
    reviewed: Reviewed,
    review: Review,
    workbook: str,
) -> tuple[Circular | None, list[Diagnostic]]:
    """Check the text an import writes; an error on a line a cell wrote is put on that cell."""
    try:
        return Circular.from_text(text, name, path=path), []
    except EdaranError as err:
        problems = []
        types = _types(review, list(owner.values()))
        for d in err.diagnostics:
            change = owner.get(d.span.line) if d.span is not None and d.span.path == name else None
            if change is None or not d.is_error:
                if d.is_error:
                    problems.append(Diagnostic("E714", None, {"reason": _Said(d)}))
                continue
            cell = _cell_of(reviewed, change)
            args = {
                "value": change.new,
                "name": change.label,
                "type": types[(change.kind, change.name)],
                "reason": _Said(d),
            }
            problems.append(_cell_diagnostic(workbook, cell, "D092", args, d.suggestions))
        return None, problems
