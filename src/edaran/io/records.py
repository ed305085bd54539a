"""Reading the records of quotas and reports from CSV or Excel files.

One file per kind of record (:mod:`edaran.model.records`): ``perjalanan`` (trips),
``kendaraan`` (vehicle days), ``rapat`` (meetings), ``daftar_periksa`` (energy
checklists of WFH days) and ``biaya`` (cost lines).  The columns are the attrs
fields of the record class, by their Indonesian name or their English alias
(``metadata["en"]``), in any case; a regency's subclass with extra fields
gets extra columns, required exactly when the field has no default.  The
``unit`` column names a unit code of the roster, and the record holds that
:class:`~edaran.model.Unit`.

A checklist has one ``ya``/``tidak`` column per :class:`~edaran.model.records.EnergyItem`
(``elektronik``, ``ac``, ``lampu``, ``kabel``) instead of ``dimatikan``; an
item without a column, or with an empty cell, was not switched off.

A file ending in ``.jsonl`` (or ``.ndjson``) holds one JSON object per line
with the same columns as keys (:mod:`edaran.io.record_lines`).  CSV files are
read by :func:`edaran.io.table.read_table` (``,`` or ``;``,
UTF-8 or Windows-1252); a ``;`` file is in an Indonesian locale, which
decides how ``1.500`` is read (:mod:`edaran.io.numbers`).  An ``.xlsx`` file
(the ``excel`` extra) is read from its first sheet, headings in its first
row; a diagnostic about a cell names the file, the row, the column number
and heading, and in a note the cell (``C3``) and the sheet.

Every problem is a diagnostic; the valid rows are kept, sorted by date and
then by id (or unit code).  :func:`read_records` never raises for bad data;
:func:`load_records` raises :class:`~edaran.core.diagnostics.EdaranError`.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeAlias, TypeVar, overload

import attrs

from edaran.core.diagnostics import (
    Diagnostic,
    EdaranError,
    Label,
    render_all,
)
from edaran.core.suggest import suggest
from edaran.core.types import Duration
from edaran.io.cells import BadValue, parse_bool, parse_date, parse_int
from edaran.io.numbers import from_excel, parse_money, parse_number
from edaran.io.record_lines import JSONL_SUFFIXES, read_json_lines
from edaran.io.roster import Roster
from edaran.io.roster_rows import Column, Schema, _columns, _plain
from edaran.io.sheets import CsvSheet, Line, Sheet, blank, cell_text, read_excel
from edaran.io.table import (
    DEFAULT_MAX_BYTES,
    column_key,
    read_table,
    sort_and_cap,
)
from edaran.messages import default_lang
from edaran.model.records import (
    COST_UNITS,
    QUANTITY_UNITS,
    CostCategory,
    CostLine,
    EnergyChecklist,
    EnergyItem,
    Meeting,
    Trip,
    VehicleUse,
)

__all__ = ["EXCEL_SUFFIXES", "KINDS", "Record", "RecordsWarning", "load_records", "read_records"]

#: A record of any kind.
Record: TypeAlias = Trip | VehicleUse | Meeting | EnergyChecklist | CostLine
_R = TypeVar("_R", bound=Record)

#: The kinds of record files and the classes they fill.
KINDS: Mapping[str, type[Record]] = {
    "perjalanan": Trip,
    "kendaraan": VehicleUse,
    "rapat": Meeting,
    "daftar_periksa": EnergyChecklist,
    "biaya": CostLine,
}
#: File name endings read as Excel workbooks; every other file is read as CSV.
EXCEL_SUFFIXES = (".xlsx", ".xlsm")

_DEFAULT: Any = object()
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")


class RecordsWarning(UserWarning):
    """Diagnostics that :func:`load_records` reports without raising."""


# -- cells ---------------------------------------------------------------------------------


def _as_date(raw: object, column: Column) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    assert column.vtype is not None
    value = column.vtype.parse(cell_text(raw))
    assert isinstance(value, dt.date)
    return value


def _as_int(raw: object) -> int:
    if isinstance(raw, bool):
        raise BadValue("D017", {"value": str(raw)})
    if isinstance(raw, int | float | Decimal) and not isinstance(raw, str):
        try:
            value = from_excel(raw)
        except BadValue:
            raise BadValue("D017", {"value": cell_text(raw)}) from None
        if value != int(value):
            raise BadValue("D017", {"value": cell_text(raw)})
        return int(value)
    return parse_int(cell_text(raw))


def _as_month(raw: object) -> dt.date:
    """The first day of the month of a cost line: ``2026-04`` or ``2026-04-01``."""
    text = cell_text(raw)
    if isinstance(raw, dt.date):
        day = raw.date() if isinstance(raw, dt.datetime) else raw
    elif match := _MONTH.fullmatch(text):
        try:
            return dt.date(int(match[1]), int(match[2]), 1)
        except ValueError:
            raise BadValue("D058", {"value": text}) from None
    else:
        try:
            day = parse_date(text)
        except BadValue:
            raise BadValue("D058", {"value": text}) from None
    if day.day != 1:
        raise BadValue("D058", {"value": text})
    return day


# -- the two kinds of file ------------------------------------------------------------------


# -- rows to records ----------------------------------------------------------------------


class _Reader:
    """The columns of one record class, and the checks that turn rows into records."""

    def __init__(self, cls: type[Record], roster: Roster) -> None:
        self.cls = cls
        self.roster = roster
        self.checklist = issubclass(cls, EnergyChecklist)
        skip = frozenset({"dimatikan"}) if self.checklist else frozenset()
        base = {"unit": (True, False)}  # the unit column is a reference: never empty
        people = frozenset(f.name for f in attrs.fields(cls) if f.metadata.get("pegawai"))
        refs = frozenset({"unit"}) | people
        columns = _columns(cls, base, _plain, refs, skip)
        # A field a rule file declares ``wajib``: the file must have its column (D011).
        self.schema = Schema(
            tuple(attrs.evolve(c, required=True) if c.declared and not c.empty_ok else c
                  for c in columns)
        )  # fmt: skip
        self.fields = {f.alias: f for f in attrs.fields(cls)}
        self.items = [item.value for item in EnergyItem] if self.checklist else []
        self.diagnostics: list[Diagnostic] = []
        #: the fields naming a person of the roster by NIP (``pelaksana: pegawai``)
        self.people = frozenset(f.name for f in attrs.fields(cls) if f.metadata.get("pegawai"))
        #: record id -> the row it was read from
        self.rows: dict[str, int] = {}

    @property
    def known(self) -> dict[str, str]:
        """Every accepted heading (in :func:`column_key` form) and its column."""
        names = [*self.schema.required, *self.schema.optional, *self.items]
        known = {column_key(n): n for n in names}
        known.update({column_key(a): c for a, c in self.schema.aliases.items()})
        return known

    def _report(
        self,
        sheet: Sheet,
        line: Line,
        name: str,
        code: str,
        args: Mapping[str, Any],
        suggestions: Iterable[str] = (),
        labels: Iterable[Label] = (),
    ) -> None:
        span, where, notes = sheet.where(line, name)
        diagnostic = Diagnostic(
            code, span, {**where, **args}, labels=tuple(labels), suggestions=tuple(suggestions)
        )
        self.diagnostics.append(attrs.evolve(diagnostic, notes=notes))

    def records(self, sheet: Sheet) -> list[Any]:
        """The valid records of a sheet, in file order, duplicates left out."""
        found: list[tuple[Line, Any]] = []
        for line in sheet.lines:
            kwargs = self._cells(sheet, line)
            if kwargs is None:
                continue
            record = self._construct(sheet, line, kwargs)
            if record is not None:
                found.append((line, record))
        kept = self._unique(sheet, found)
        chosen = {id(r) for r in kept}
        self.rows = {str(getattr(r, "id", "")): line.number for line, r in found if id(r) in chosen}
        return kept

    def _cells(self, sheet: Sheet, line: Line) -> dict[str, Any] | None:
        """The keyword arguments of a row, or None after reporting each bad cell.

        Every cell is checked, and every check between cells whose cells were
        read, so one row with three mistakes gives three diagnostics.
        """
        kwargs: dict[str, Any] = {}
        failed: set[str] = set()
        for column in self.schema.columns:
            if column.name not in line.values:
                continue
            try:
                value = self._value(sheet, column, line.values[column.name])
            except BadValue as bad:
                args = bad.args_
                self._report(sheet, line, column.name, bad.code, args, suggestions=bad.suggestions)
                failed.add(column.attr)
                continue
            if value is not _DEFAULT:
                kwargs[column.attr] = value
        ok = not failed
        if "unit" in kwargs:
            ok = self._unit(sheet, line, kwargs) and ok
        for name in self.people:
            if kwargs.get(name) is not None:
                ok = self._person(sheet, line, name, kwargs) and ok
        if self.checklist:
            ok = self._switched_off(sheet, line, kwargs) and ok
        cost = issubclass(self.cls, CostLine)
        if cost and "kategori" in kwargs and not failed & {"kuantitas", "satuan"}:
            ok = self._cost_units(sheet, line, kwargs) and ok
        trip = issubclass(self.cls, Trip) and {"mulai", "selesai"} <= kwargs.keys()
        if trip and kwargs["selesai"] < kwargs["mulai"]:
            args = {"last": kwargs["selesai"].isoformat(), "first": kwargs["mulai"].isoformat()}
            self._report(sheet, line, "selesai", "D042", args)
            ok = False
        return kwargs if ok else None

    def _value(self, sheet: Sheet, column: Column, raw: object) -> Any:
        """The value of one cell; ``_DEFAULT`` when the field's default applies."""
        if blank(raw):
            if not column.empty_ok:
                raise BadValue("D020", {})
            return None if column.vtype is None or column.vtype.optional else _DEFAULT
        if column.vtype is None:  # the unit code, resolved against the roster
            return cell_text(raw)
        field = self.fields[column.attr]
        kind = column.vtype.name
        if issubclass(self.cls, CostLine) and column.attr == "bulan":
            return _as_month(raw)
        if kind == "Decimal":
            value: Any = self._decimal(sheet, field, raw)
        elif kind == "int":
            value = _as_int(raw)
        elif kind == "date":
            return _as_date(raw, column)
        elif kind == "bool" and isinstance(raw, bool):
            return raw
        elif kind == "time" and isinstance(raw, dt.time):
            return raw  # an Excel time cell
        elif kind == "duration" and isinstance(raw, dt.time | dt.timedelta):
            # Excel keeps a length of time as a time of day ([h]:mm) or a timedelta.
            if isinstance(raw, dt.time):
                raw = dt.timedelta(hours=raw.hour, minutes=raw.minute, seconds=raw.second)
            return Duration(exact=raw)
        else:
            return column.vtype.parse(cell_text(raw))
        if value < 0 and not field.metadata.get("boleh_negatif", False):
            raise BadValue("D054", {"value": cell_text(raw)})
        return value

    @staticmethod
    def _decimal(sheet: Sheet, field: attrs.Attribute[Any], raw: object) -> Decimal:
        if isinstance(raw, int | float | Decimal) and not isinstance(raw, bool):
            return Decimal(from_excel(raw))
        text = cell_text(raw)
        if field.metadata.get("jenis") == "uang":
            return parse_money(text, indonesian=sheet.indonesian)
        return parse_number(text, indonesian=sheet.indonesian)

    def _unit(self, sheet: Sheet, line: Line, kwargs: dict[str, Any]) -> bool:
        """Replace the unit code by the roster's unit (D023 when it has none)."""
        code = kwargs["unit"]
        unit = self.roster.units.get(code)
        if unit is None:
            hints = tuple(suggest(code, self.roster.units))
            self._report(sheet, line, "unit", "D023", {"code": code}, suggestions=hints)
            return False
        kwargs["unit"] = unit
        return True

    def _person(self, sheet: Sheet, line: Line, name: str, kwargs: dict[str, Any]) -> bool:
        """Replace a NIP by the roster's employee (D120 when the roster has none)."""
        nip = kwargs[name]
        person = self.roster.by_nip(nip)
        if person is None:
            column = next(c.name for c in self.schema.columns if c.attr == name)
            known = [e.nip for e in self.roster.employees]
            hints = tuple(suggest("".join(nip.split()), known))
            self._report(sheet, line, column, "D120", {"nip": nip}, suggestions=hints)
            return False
        kwargs[name] = person
        return True

    def _switched_off(self, sheet: Sheet, line: Line, kwargs: dict[str, Any]) -> bool:
        """``dimatikan`` from the item columns: ``ya`` is off, empty or absent is not."""
        off: set[EnergyItem] = set()
        ok = True
        for item in EnergyItem:
            raw = line.values.get(item.value)
            if blank(raw):
                continue
            try:
                value = raw if isinstance(raw, bool) else parse_bool(cell_text(raw))
            except BadValue as bad:
                self._report(sheet, line, item.value, bad.code, bad.args_)
                ok = False
                continue
            if value:
                off.add(item)
        kwargs["dimatikan"] = frozenset(off)
        return ok

    def _cost_units(self, sheet: Sheet, line: Line, kwargs: dict[str, Any]) -> bool:
        """The quantity's unit: a known spelling that matches the category (D055-D057)."""
        written = kwargs.get("satuan")
        unit = None
        if written:
            unit = QUANTITY_UNITS.get(written.casefold())
            if unit is None:
                accepted = sorted(set(QUANTITY_UNITS.values()), key=str.casefold)
                hints = {QUANTITY_UNITS[k] for k in suggest(written, QUANTITY_UNITS)}
                args = {"value": written, "accepted": ", ".join(accepted)}
                self._report(sheet, line, "satuan", "D014", args, suggestions=tuple(sorted(hints)))
                return False
            kwargs["satuan"] = unit
        category: CostCategory = kwargs["kategori"]
        expected = COST_UNITS[category]
        quantity = kwargs.get("kuantitas")
        if expected is None:
            stray = [n for n, v in (("kuantitas", quantity), ("satuan", unit)) if v is not None]
            for name in stray:
                self._report(sheet, line, name, "D056", {"category": category.value})
            return not stray
        if unit is not None and unit != expected:
            args = {"value": written, "category": category.value, "expected": expected}
            self._report(sheet, line, "satuan", "D055", args)
            return False
        if quantity is not None and unit is None:
            args = {"value": cell_text(line.values["kuantitas"]), "expected": expected}
            self._report(sheet, line, "kuantitas", "D057", {**args, "unit_column": "satuan"})
            return False
        return True

    def _construct(self, sheet: Sheet, line: Line, kwargs: dict[str, Any]) -> Any:
        """``cls(**kwargs)``; a validator of a subclass refusing the row is D029."""
        try:
            return self.cls(**kwargs)
        except (TypeError, ValueError) as err:
            args = {"cls": self.cls.__name__, "reason": str(err)}
            self.diagnostics.append(Diagnostic("D029", sheet.row_span(line), args))
            return None

    def _unique(self, sheet: Sheet, found: Iterable[tuple[Line, Any]]) -> list[Any]:
        """Records with an id (or unit, date and category) not seen before (D059, D060)."""
        seen: dict[tuple[str, ...], Line] = {}
        kept = []
        for line, record in found:
            key, column = _identity(record)
            first = seen.setdefault(key, line)
            if first is line:
                kept.append(record)
                continue
            # Without a snippet (Excel) a label shows no words; the message names the row.
            label = Label(sheet.where(first, column)[0], "data-label-first-here")
            labels = (label,) if isinstance(sheet, CsvSheet) else ()
            if column == "id":
                code, args = "D059", {"id": record.id}
            else:
                code, args = "D060", {"key": ", ".join(key)}
            args["first"] = first.number
            self._report(sheet, line, column, code, args, labels=labels)
        return kept


def _identity(record: Any) -> tuple[tuple[str, ...], str]:
    """What must be unique in a file, and the column that shows it."""
    if isinstance(record, EnergyChecklist):
        return (record.unit.kode, record.tanggal.isoformat()), "unit"
    if isinstance(record, CostLine):
        return (record.unit.kode, record.bulan.strftime("%Y-%m"), record.kategori.value), "unit"
    return (record.id,), "id"


_CATEGORY_ORDER: dict[object, int] = {c: i for i, c in enumerate(CostCategory)}


def _order(record: Any) -> tuple[dt.date, str, str, int]:
    """Date, then id (or unit code), then unit code and category: one order for any input."""
    first = record.unit.kode if isinstance(record, EnergyChecklist | CostLine) else record.id
    category = _CATEGORY_ORDER.get(getattr(record, "kategori", None), -1)
    return record.tanggal, first, record.unit.kode, category


# -- the API ---------------------------------------------------------------------------------


@overload
def read_records(
    path: str | Path,
    kind: str,
    *,
    roster: Roster,
    cls: type[_R],
    max_bytes: int = DEFAULT_MAX_BYTES,
    rows: dict[str, int] | None = None,
) -> tuple[list[_R], list[Diagnostic]]: ...


@overload
def read_records(
    path: str | Path,
    kind: str,
    *,
    roster: Roster,
    cls: None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    rows: dict[str, int] | None = None,
) -> tuple[list[Record], list[Diagnostic]]: ...


def read_records(
    path: str | Path,
    kind: str,
    *,
    roster: Roster,
    cls: type[Any] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    rows: dict[str, int] | None = None,
) -> tuple[list[Any], list[Diagnostic]]:
    """The valid records of a file and every problem found; never raises on bad data.

    ``kind`` is one of :data:`KINDS` (``perjalanan``, ``kendaraan``, ``rapat``,
    ``daftar_periksa``, ``biaya``); ``cls`` a subclass of its class with extra
    fields.  Unit codes must be units of ``roster``.  Records are sorted by
    date, then id (or unit code); diagnostics by line, at most 200.  Raises
    ``ValueError`` for an unknown ``kind`` and ``TypeError`` for a ``cls`` that
    does not fit it: mistakes in the calling code, not in the file.  A dict
    given as ``rows`` receives the row each valid record was read from, by id.
    Fields of ``cls`` declared of type ``pegawai`` hold a NIP of ``roster``
    and become its employee (D120 for a NIP it does not hold).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind of records {kind!r}; expected one of {', '.join(KINDS)}")
    base = KINDS[kind]
    cls = base if cls is None else cls
    if not (isinstance(cls, type) and issubclass(cls, base)):
        raise TypeError(f"cls must be {base.__name__} or a subclass of it, not {cls!r}")
    reader = _Reader(cls, roster)
    target = Path(path)
    name = str(path)
    sheet: Sheet | None
    if name.casefold().endswith(EXCEL_SUFFIXES):
        sheet, found = read_excel(target, reader.known, reader.schema.required, max_bytes)
    elif name.casefold().endswith(JSONL_SUFFIXES):
        sheet, found = read_json_lines(name, reader.known, reader.schema.required, max_bytes)
    else:
        schema = reader.schema
        optional = [*schema.optional, *reader.items]
        table, found = read_table(
            target, schema.required, optional, schema.aliases, max_bytes=max_bytes
        )
        sheet = CsvSheet(table) if table is not None else None
    records = reader.records(sheet) if sheet is not None else []
    records.sort(key=_order)
    if rows is not None:
        rows.update(reader.rows)
    return records, sort_and_cap([*found, *reader.diagnostics], [name])


@overload
def load_records(
    path: str | Path,
    kind: str,
    *,
    roster: Roster,
    cls: type[_R],
    strict: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[_R]: ...


@overload
def load_records(
    path: str | Path,
    kind: str,
    *,
    roster: Roster,
    cls: None = None,
    strict: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Record]: ...


def load_records(
    path: str | Path,
    kind: str,
    *,
    roster: Roster,
    cls: type[Any] | None = None,
    strict: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Any]:
    """Read records like :func:`read_records`; raise :class:`EdaranError` on any error.

    With ``strict=False`` the valid records are returned even when other rows
    are in error.  Diagnostics that are not raised are issued as one
    :class:`RecordsWarning`, so none is lost.
    """
    records, diagnostics = read_records(path, kind, roster=roster, cls=cls, max_bytes=max_bytes)
    if strict and any(d.is_error for d in diagnostics):
        raise EdaranError(diagnostics)
    if diagnostics:
        warnings.warn(render_all(diagnostics, default_lang()), RecordsWarning, stacklevel=2)
    return records
