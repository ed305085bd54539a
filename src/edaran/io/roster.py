"""Loading a workforce (units and employees) from files shaped like a SIMPEG export.

Two layouts are read (``docs/data-formats.md`` describes every column):

* a directory holding ``unit.csv`` (one row per unit) and ``pegawai.csv`` (one
  row per employee, naming the unit by its code);
* a single flat CSV, or a sheet of an Excel workbook (``.xlsx``, the first
  sheet or a named one), one row per employee with the unit's columns repeated.

Rows held in memory (mappings, or a DataFrame's ``to_dicts()``) are read the
same way by :func:`read_rows` and :meth:`Roster.from_rows`.

Columns come from the attrs classes: a regency that subclasses
:class:`~edaran.model.Employee` or :class:`~edaran.model.Unit` with more fields
gets those fields read from columns of the same name.  Every problem in the
files is reported at once, with its file, line and column; valid rows are kept
and invalid rows are dropped, each with a diagnostic.
"""

from __future__ import annotations

import enum
import types
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from edaran.core.diagnostics import Diagnostic, EdaranError, Label, render_all
from edaran.core.suggest import suggest
from edaran.io.roster_rows import (
    ID_COLUMN,
    Column,
    Record,
    Schema,
    UnitBuilder,
    construct,
    employee_schema,
    flat_schemas,
    parse_cells,
    unit_schema,
)
from edaran.io.sheets import ExcelSheet, SheetTable, cell_text, read_excel, rows_sheet
from edaran.io.table import (
    DEFAULT_MAX_BYTES,
    Row,
    Table,
    column_key,
    file_diagnostic,
    read_table,
    sort_and_cap,
)
from edaran.messages import default_lang
from edaran.model.workforce import Employee, EmploymentStatus, Unit

__all__ = [
    "EMPLOYEE_FILE",
    "UNIT_FILE",
    "Roster",
    "RosterWarning",
    "load_roster",
    "read_roster",
    "read_rows",
]

UNIT_FILE = "unit.csv"
EMPLOYEE_FILE = "pegawai.csv"
#: File name endings read as Excel workbooks.
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
#: Notes that say where a cell of a sheet stands.
_WHERE_NOTES = frozenset(
    {
        "data-note-excel-cell",
        "data-note-excel-sheet",
        "data-note-key",
        "data-note-row-key",
        "data-note-rows",
    }
)
#: How rows held in memory are named in diagnostics.
UNIT_ROWS = "unit"
EMPLOYEE_ROWS = "pegawai"
_LINES_SHOWN = 10


def _frozen_units(units: Mapping[str, Unit]) -> Mapping[str, Unit]:
    return types.MappingProxyType(dict(units))


def _as_tuple(employees: Iterable[Employee]) -> tuple[Employee, ...]:
    return tuple(employees)


@attrs.frozen
class Roster:
    """A workforce: units by code (in file order) and employees (in file order)."""

    units: Mapping[str, Unit] = attrs.field(converter=_frozen_units)
    employees: tuple[Employee, ...] = attrs.field(converter=_as_tuple)
    _by_nip: Mapping[str, Employee] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_nip", {e.nip: e for e in self.employees})

    def by_nip(self, nip: str) -> Employee | None:
        """The employee with this NIP (spaces ignored), or None."""
        return self._by_nip.get("".join(nip.split()))

    def __len__(self) -> int:
        """The number of employees."""
        return len(self.employees)

    @classmethod
    def from_rows(
        cls,
        units: Rows | None,
        employees: Rows,
        *,
        employee_cls: type[Employee] = Employee,
        unit_cls: type[Unit] = Unit,
        strict: bool = True,
    ) -> Roster:
        """A roster from rows held in memory; raise :class:`EdaranError` on a bad row.

        ``units`` and ``employees`` are mappings (column name -> value) or any
        object with ``to_dicts()`` (a polars DataFrame; for pandas pass
        ``df.to_dict("records")``).  With ``units=None`` each employee row
        carries its unit's columns, as the flat CSV does.  Values may be text
        (read as a CSV cell is) or Python values (dates, numbers, booleans,
        enum members).  ``strict=False`` keeps the valid rows and issues the
        diagnostics as one :class:`RosterWarning`, as :func:`load_roster` does.
        """
        roster, diagnostics = read_rows(
            units, employees, employee_cls=employee_cls, unit_cls=unit_cls
        )
        _raise_or_warn(diagnostics, strict)
        return roster

    def units_in_order(self) -> tuple[Unit, ...]:
        """Units as a tree, depth first: each unit followed by its sub-units.

        Top-level units and siblings keep their file order, which is the order
        reports and schedules list them in.
        """
        children: dict[str | None, list[Unit]] = {}
        for unit in self.units.values():
            parent = unit.induk.kode if unit.induk and unit.induk.kode in self.units else None
            children.setdefault(parent, []).append(unit)
        ordered: list[Unit] = []
        stack = list(reversed(children.get(None, [])))
        while stack:
            unit = stack.pop()
            ordered.append(unit)
            stack.extend(reversed(children.get(unit.kode, [])))
        return tuple(ordered)


#: Rows held in memory: mappings, or an object whose ``to_dicts()`` gives them.
Rows = Iterable[Mapping[str, object]] | Any


class RosterWarning(UserWarning):
    """Diagnostics that :func:`load_roster` reports without raising."""


def split_sheet(path: str | Path) -> tuple[Path, str | None]:
    """``pegawai.xlsx#Data`` -> (``pegawai.xlsx``, ``Data``); a path without a sheet -> None.

    A ``#`` is a sheet only after an Excel file name that is not itself an
    existing file, so a file whose name holds ``#`` is still read.
    """
    text = str(path)
    target = Path(text)
    if "#" in text and not target.exists():
        file, _, sheet = text.rpartition("#")
        if file.casefold().endswith(EXCEL_SUFFIXES) and sheet:
            return Path(file), sheet
    return target, None


def read_roster(
    path: str | Path,
    *,
    employee_cls: type[Employee] = Employee,
    unit_cls: type[Unit] = Unit,
    max_bytes: int = DEFAULT_MAX_BYTES,
    files: Mapping[str, bytes] | None = None,
    sheet: str | None = None,
    readers: Mapping[str, str] | None = None,
) -> tuple[Roster, list[Diagnostic]]:
    """Read a roster without raising: every valid row and every diagnostic.

    ``path`` is a directory with ``unit.csv`` and ``pegawai.csv``, one flat
    CSV file, or an Excel workbook (``.xlsx``) whose first sheet (or the sheet
    ``sheet``, also written ``pegawai.xlsx#Sheet``) is the flat layout.
    Diagnostics are sorted by file and line, at most 200 of them.
    With ``files`` (file name -> bytes, as uploaded), the files are read from
    there instead of the disk: ``path`` is then a name (``roster.csv``), or
    ``""`` for the two files of a directory.

    ``readers`` names, for a declared attribute (``pegawai.agama``), the rule
    that reads it, so that a missing required column (D062) says why it is
    needed (:meth:`edaran.Circular.attribute_readers` gives them).
    """
    target, named = split_sheet(path) if files is None else (Path(path), None)
    loader = _Loader(employee_cls, unit_cls, max_bytes, files, readers, sheet=sheet or named)
    directory = UNIT_FILE in files if files is not None else target.is_dir()
    roster = loader.read_directory(target) if directory else loader.read_flat(target)
    return roster, loader.finish()


def read_rows(
    units: Rows | None,
    employees: Rows,
    *,
    employee_cls: type[Employee] = Employee,
    unit_cls: type[Unit] = Unit,
) -> tuple[Roster, list[Diagnostic]]:
    """A roster from rows held in memory, without raising: valid rows and diagnostics.

    The rows are read as ``unit.csv`` and ``pegawai.csv`` are (or as the flat
    file when ``units`` is None); a bad cell is the same D-code, its row
    numbered from 1 and its key named in a note.
    """
    rows = {EMPLOYEE_ROWS: _dicts(employees)}
    if units is not None:
        rows[UNIT_ROWS] = _dicts(units)
    loader = _Loader(employee_cls, unit_cls, DEFAULT_MAX_BYTES, rows=rows)
    if units is None:
        roster = loader.read_flat(Path(EMPLOYEE_ROWS))
    else:
        roster = loader.read_layout(Path(UNIT_ROWS), Path(EMPLOYEE_ROWS))
    return roster, loader.finish()


def _dicts(rows: Rows) -> list[Mapping[str, object]]:
    """The mappings of ``rows`` (a DataFrame's ``to_dicts()``, or the rows themselves)."""
    to_dicts = getattr(rows, "to_dicts", None)
    found = to_dicts() if callable(to_dicts) else rows
    if isinstance(found, Mapping) or not isinstance(found, Iterable):
        raise TypeError("rows must be mappings (one per row) or have to_dicts()")
    out = list(found)
    for row in out:
        if not isinstance(row, Mapping):
            raise TypeError(f"a row must be a mapping, not {type(row).__name__}")
    return out


def _raise_or_warn(diagnostics: list[Diagnostic], strict: bool) -> None:
    if strict and any(d.is_error for d in diagnostics):
        raise EdaranError(diagnostics)
    if diagnostics:
        warnings.warn(render_all(diagnostics, default_lang()), RosterWarning, stacklevel=3)


def _cell_text(column: str, value: object) -> str:
    """A cell of a sheet or of rows in memory as the text a CSV cell would hold.

    A NIP that Excel stored as a floating-point number has lost its last
    digits; it is written as Excel shows it (``1.98001E+17``), which the NIP
    reader refuses with a note saying why.  Enum members are their value.
    """
    if column == "nip" and isinstance(value, float):
        return f"{value:E}"
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, float) and value != value:  # NaN: pandas' empty cell
        return ""
    return cell_text(value)


def load_roster(
    path: str | Path,
    *,
    employee_cls: type[Employee] = Employee,
    unit_cls: type[Unit] = Unit,
    strict: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    sheet: str | None = None,
    readers: Mapping[str, str] | None = None,
) -> Roster:
    """Read a roster; raise :class:`EdaranError` if any row or file is in error.

    With ``strict=False`` the valid rows are returned even when others are in
    error.  Diagnostics that are not raised are issued as one
    :class:`RosterWarning`, so none is lost.
    """
    roster, diagnostics = read_roster(
        path,
        employee_cls=employee_cls,
        unit_cls=unit_cls,
        max_bytes=max_bytes,
        sheet=sheet,
        readers=readers,
    )
    _raise_or_warn(diagnostics, strict)
    return roster


class _Loader:
    """One reading of a roster: the schemas, and the diagnostics found so far."""

    def __init__(
        self,
        employee_cls: type[Employee],
        unit_cls: type[Unit],
        max_bytes: int,
        files: Mapping[str, bytes] | None = None,
        readers: Mapping[str, str] | None = None,
        *,
        sheet: str | None = None,
        rows: Mapping[str, list[Mapping[str, object]]] | None = None,
    ):
        self.readers = readers or {}
        self.employee_cls = employee_cls
        self.unit_cls = unit_cls
        self.max_bytes = max_bytes
        self.files = files
        self.sheet = sheet
        self.rows = rows
        self.diagnostics: list[Diagnostic] = []
        self.paths: list[str] = []
        self.sheets: dict[str, SheetTable] = {}
        # Codes of units that were named but not loaded, with the row that names them.
        self.not_loaded: dict[str, tuple[Table, Row]] = {}
        self.unit_columns: set[Column] = set()

    def finish(self) -> list[Diagnostic]:
        """The diagnostics, sorted and capped; a sheet's cells named by a note."""
        named = [self._named(d) for d in self.diagnostics]
        return sort_and_cap(named, self.paths)

    def _named(self, diagnostic: Diagnostic) -> Diagnostic:
        span = diagnostic.span
        table = self.sheets.get(span.path) if span is not None else None
        if span is None or table is None or span.source is not table.source:
            return diagnostic
        if any(key in _WHERE_NOTES for key, _ in diagnostic.notes):
            return diagnostic  # a header problem, named when it was found
        return attrs.evolve(diagnostic, notes=(*diagnostic.notes, *table.notes(span)))

    def _sheet_table(self, path: Path, schema: Schema) -> Table | None:
        """A sheet of a workbook, or rows held in memory, as a table of cell texts."""
        known = {column_key(c): column_key(c) for c in (*schema.required, *schema.optional)}
        known.update({column_key(a): column_key(c) for a, c in schema.aliases.items()})
        found: ExcelSheet | None
        if self.rows is not None:
            # A key left out of every row is an empty cell: only keys whose
            # cells must be filled are required.
            needed = [c.name for c in schema.columns if c.required and not c.empty_ok]
            found, problems = rows_sheet(str(path), self.rows[str(path)], known, needed)
        else:
            found, problems = read_excel(path, known, schema.required, self.max_bytes, self.sheet)
        self.diagnostics += problems
        if found is None:
            return None
        table = SheetTable.of(found, _cell_text)
        self.sheets[str(path)] = table
        return table

    def _table(self, path: Path, schema: Schema) -> Table | None:
        self.paths.append(str(path))
        excel = self.files is None and path.name.casefold().endswith(EXCEL_SUFFIXES)
        if self.rows is not None or excel:
            sheet = self._sheet_table(path, schema)
            if sheet is not None:
                self._declared_columns(sheet, schema)
            return sheet
        data = self.files.get(path.name, b"") if self.files is not None else None
        table, found = read_table(
            path,
            schema.required,
            schema.optional,
            schema.aliases,
            max_bytes=self.max_bytes,
            data=data,
        )
        self.diagnostics += found
        if table is not None:
            self._declared_columns(table, schema)
        return table

    def _declared_columns(self, table: Table, schema: Schema) -> None:
        """D062 for each required column of a declared attribute that the file lacks."""
        for column in schema.columns:
            if not column.declared or column.empty_ok or table.has(column.name):
                continue
            owner = "unit" if column in self.unit_columns else "pegawai"
            attribute = f"{owner}.{column.attr}"
            args = {"column": column.name, "attribute": attribute}
            args["rule"] = self.readers.get(attribute, "-")
            self.diagnostics.append(Diagnostic("D062", table.row_span(table.header), args))

    def read_directory(self, directory: Path) -> Roster:
        """Read ``unit.csv`` and ``pegawai.csv`` from ``directory``."""
        there = self.files.__contains__ if self.files is not None else None
        missing = [
            n
            for n in (UNIT_FILE, EMPLOYEE_FILE)
            if not (there(n) if there is not None else (directory / n).is_file())
        ]
        if missing:
            args = {"path": str(directory), "missing": ", ".join(missing)}
            self.diagnostics.append(file_diagnostic("D003", str(directory), args))
            return Roster({}, ())
        return self.read_layout(directory / UNIT_FILE, directory / EMPLOYEE_FILE)

    def read_layout(self, unit_path: Path, employee_path: Path) -> Roster:
        """Read the units and the employees from two tables."""
        units_schema = unit_schema(self.unit_cls)
        people_schema = employee_schema(self.employee_cls)
        self.unit_columns = set(units_schema.columns)
        unit_table = self._table(unit_path, units_schema)
        people_table = self._table(employee_path, people_schema)
        if unit_table is None or people_table is None:
            return Roster({}, ())
        units = self._unit_records(unit_table, units_schema)
        records = (
            self._person(people_table, row, people_schema, "unit") for row in people_table.rows
        )
        people = self._dedupe_nips([r for r in records if r is not None])
        return self._assemble(units, people)

    def read_flat(self, path: Path) -> Roster:
        """Read one CSV with a row per employee and the unit columns repeated."""
        people_schema, units_schema = flat_schemas(self.employee_cls, self.unit_cls)
        self.unit_columns = set(units_schema.columns)
        both = Schema.merge(people_schema, units_schema)
        table = self._table(path, both)
        if table is None:
            return Roster({}, ())
        units: dict[str, Record] = {}
        people: list[Record] = []
        for row in table.rows:
            person = self._person(table, row, people_schema, "kode_unit")
            unit = self._parse(table, row, units_schema, "induk_unit")
            if unit is None:
                self._refused(table, row, "kode_unit")
            elif self._agrees(units, unit, units_schema) and person is not None:
                ref = unit.kwargs["kode"]
                people.append(attrs.evolve(person, ref=ref))
        for code in units:
            self.not_loaded.pop(code, None)
        return self._assemble(units, self._dedupe_nips(people))

    def _parse(self, table: Table, row: Row, schema: Schema, ref_column: str) -> Record | None:
        """A row's record, with the unit code in ``ref_column`` kept apart.

        The code (an employee's unit, a unit's parent) becomes an object only
        once every unit is built.  A flat row's employee part has no such
        column: its unit is the row's unit, set by the caller.
        """
        kwargs = parse_cells(table, row, schema.columns, self.diagnostics)
        if kwargs is None:
            return None
        attr = next((c.attr for c in schema.columns if c.name == ref_column), None)
        ref = kwargs.pop(attr, None) if attr else None
        return Record(table, row, kwargs, ref, ref_column)

    def _person(self, table: Table, row: Row, schema: Schema, ref_column: str) -> Record | None:
        """An employee row: its identifier is the NIP, or ``id_pegawai`` for a person without one.

        A row with neither is D063; one without a NIP whose status says PNS is D064.  The
        status of a row without one and without a status is non-ASN.
        """
        record = self._parse(table, row, schema, ref_column)
        if record is None:
            return None
        kwargs = dict(record.kwargs)
        ident = kwargs.pop(ID_COLUMN.attr, None) or None
        if kwargs.get("nip") is not None:
            return attrs.evolve(record, kwargs=kwargs)
        if ident is None:
            span, args = table.where(row, "nip")
            self.diagnostics.append(Diagnostic("D063", span, args))
            return None
        status = kwargs.setdefault("status_kepegawaian", EmploymentStatus.NON_ASN)
        if status is EmploymentStatus.PNS:
            span, args = table.where(row, "status_kepegawaian")
            self.diagnostics.append(Diagnostic("D064", span, {**args, "id": ident}))
            return None
        kwargs["nip"] = ident
        return attrs.evolve(record, kwargs=kwargs, key_column=ID_COLUMN.name)

    def _refused(self, table: Table, row: Row, column: str) -> None:
        """Remember the code of a unit row that was refused, for its employees."""
        if code := table.cell(row, column):
            self.not_loaded.setdefault(code, (table, row))

    def _unit_records(self, table: Table, schema: Schema) -> dict[str, Record]:
        """Unit rows by code; a second row with a known code is refused (D022)."""
        units: dict[str, Record] = {}
        for row in table.rows:
            record = self._parse(table, row, schema, "induk")
            if record is None:
                self._refused(table, row, "kode")
            elif (first := units.get(record.kwargs["kode"])) is not None:
                self._twice("D022", record, first, "kode", {"code": record.kwargs["kode"]})
            else:
                units[record.kwargs["kode"]] = record
        for code in units:
            self.not_loaded.pop(code, None)
        return units

    def _agrees(self, units: dict[str, Record], unit: Record, schema: Schema) -> bool:
        """Register a flat row's unit, or check it matches the first row of that unit."""
        code = unit.kwargs["kode"]
        first = units.setdefault(code, unit)
        agree = True
        for column in schema.columns:
            mine, theirs = _value(unit, column), _value(first, column)
            if column.name == "kode_unit" or mine == theirs:
                continue
            span, args = unit.table.where(unit.row, column.name)
            label = Label(first.table.where(first.row, column.name)[0], "data-label-first-here")
            args |= {"code": code, "value": unit.table.cell(unit.row, column.name)}
            args |= {"other": first.table.cell(first.row, column.name), "first": first.row.line}
            self.diagnostics.append(Diagnostic("D028", span, args, labels=(label,)))
            agree = False
        return agree

    def _dedupe_nips(self, people: list[Record]) -> list[Record]:
        """Employees with a NIP not seen before; a repeat is refused (D021)."""
        seen: dict[str, Record] = {}
        for person in people:
            nip = person.kwargs["nip"]
            if nip in seen:
                code = "D021" if person.key_column == "nip" else "D065"
                self._twice(code, person, seen[nip], person.key_column, {"nip": nip})
            else:
                seen[nip] = person
        return list(seen.values())

    def _twice(
        self, code: str, record: Record, first: Record, column: str, args: dict[str, Any]
    ) -> None:
        span, where = record.table.where(record.row, column)
        label = Label(first.table.where(first.row, column)[0], "data-label-first-here")
        args = {**where, **args, "first": first.row.line}
        self.diagnostics.append(Diagnostic(code, span, args, labels=(label,)))

    def _assemble(self, units: dict[str, Record], people: list[Record]) -> Roster:
        built = UnitBuilder(self.unit_cls, self.diagnostics, self.not_loaded).build(units)
        employees = self._employees(people, built)
        return Roster({code: built[code] for code in units if code in built}, employees)

    def _employees(self, people: list[Record], units: Mapping[str, Unit]) -> list[Employee]:
        employees: list[Employee] = []
        orphans: dict[str, list[Record]] = {}
        for person in people:
            code = person.ref or ""
            unit = units.get(code)
            if unit is None and code in self.not_loaded:
                orphans.setdefault(code, []).append(person)
            elif unit is None:
                hints = suggest(code, [*units, *self.not_loaded])
                span, args = person.table.where(person.row, person.ref_column)
                args |= {"code": code}
                self.diagnostics.append(Diagnostic("D023", span, args, suggestions=tuple(hints)))
            elif employee := construct(self.employee_cls, person, self.diagnostics, unit=unit):
                employees.append(employee)
        for code, rows in orphans.items():
            self._orphans(code, rows)
        return employees

    def _orphans(self, code: str, people: list[Record]) -> None:
        """One D027 per unit not loaded, listing the employee rows dropped with it."""
        table, row = self.not_loaded[code]
        lines = [str(p.row.line) for p in people]
        shown = ", ".join(lines[:_LINES_SHOWN]) + (", …" if len(lines) > _LINES_SHOWN else "")
        args = {
            "code": code,
            "count": len(lines),
            "lines": shown,
            "file": people[0].table.source.name,
        }
        self.diagnostics.append(Diagnostic("D027", table.row_span(row), args))


def _value(record: Record, column: Column) -> Any:
    return record.ref if column.attr == "induk" else record.kwargs.get(column.attr)
