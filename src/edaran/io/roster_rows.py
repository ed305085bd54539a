"""From roster rows to units and employees: columns, cells, records, objects.

The columns of roster files are derived from the attrs classes they fill.

Each init field of :class:`~edaran.model.Employee` or :class:`~edaran.model.Unit`
(or of a user subclass) is a column of the same name, with the field's English
alias (``metadata["en"]``) accepted as another spelling.  The field's resolved
type says how a cell is read.  The base fields have fixed rules (which columns
must be present, which cells may be empty); a subclass's extra fields are
required columns exactly when they have no default.

Rows become :class:`Record` objects (keyword arguments and where they came
from); :class:`UnitBuilder` turns unit records into :class:`Unit` objects
parents first, refusing unknown parents and cycles.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

import attrs

from edaran.core.diagnostics import Diagnostic, Label
from edaran.core.suggest import suggest
from edaran.io.cells import BadValue, ValueType, parse_nip, parse_percent, value_type
from edaran.io.table import Row, Table
from edaran.model import workforce as model
from edaran.model.workforce import Employee, Unit

__all__ = [
    "ID_COLUMN",
    "MAX_UNIT_DEPTH",
    "Column",
    "Record",
    "Schema",
    "UnitBuilder",
    "construct",
    "employee_schema",
    "flat_schemas",
    "parse_cells",
    "unit_schema",
]

_T = TypeVar("_T")

#: Levels of parent units a unit may have (province > office > UPT is two).
MAX_UNIT_DEPTH = 16

# attr -> (column must be present, cell may be empty).  A missing or empty
# kind, level or public-service flag would silently fall back to a default
# that changes who works from home, so those are required although the
# fields have defaults.
_UNIT_BASE = {
    "kode": (True, False),
    "nama": (True, False),
    "jenis": (True, False),
    "layanan_publik": (True, False),
    "induk": (True, True),
}
_EMPLOYEE_BASE = {
    # The column is always there; a row without a NIP (empty cell) names the person in
    # ``id_pegawai`` (the loader checks one is there).
    "nip": (True, True),
    "nama": (True, False),
    "unit": (True, False),
    "jenjang": (True, False),
    "jabatan": (False, True),
    "capaian_kinerja": (False, True),
    "mulai_tugas": (False, True),
    "selesai_tugas": (False, True),
    "status_kepegawaian": (False, True),
}

# Unit columns of the flat layout that keep their bare name (the others get "_unit").
_FLAT_BARE = frozenset({"layanan_publik"})
_NIP = ValueType("NIP", parse_nip)

Naming = Callable[[str, str | None], tuple[str, tuple[str, ...]]]


@attrs.frozen
class Column:
    """A column of a roster file and the field it fills.

    ``vtype`` is None for a reference to a unit code (an employee's unit, a
    unit's parent), which is resolved after every unit is read.
    """

    name: str
    attr: str
    vtype: ValueType | None
    required: bool
    empty_ok: bool
    aliases: tuple[str, ...] = ()
    #: an attribute a rule file declares (``atribut``); required when not ``empty_ok``
    declared: bool = False


#: the column naming a person who has no NIP (a PPPK or contract staff number)
ID_COLUMN = Column(
    "id_pegawai", "id_pegawai", ValueType("str", str.strip), False, True, ("employee_id",)
)


@attrs.frozen
class Schema:
    """The columns one file (or one part of a flat file's row) is read with."""

    columns: tuple[Column, ...]

    @property
    def required(self) -> tuple[str, ...]:
        """Columns the header must name."""
        return tuple(c.name for c in self.columns if c.required)

    @property
    def optional(self) -> tuple[str, ...]:
        """Columns the header may name."""
        return tuple(c.name for c in self.columns if not c.required)

    @property
    def aliases(self) -> dict[str, str]:
        """Other spellings of column names, to canonical names."""
        return {alias: c.name for c in self.columns for alias in c.aliases}

    @staticmethod
    def merge(*schemas: Schema) -> Schema:
        """The columns of several schemas in one."""
        return Schema(tuple(c for s in schemas for c in s.columns))


def _hints(cls: type) -> dict[str, Any]:
    try:
        # The model namespace lets a subclass in another module name Unit, Decimal...
        return typing.get_type_hints(cls, localns=vars(model))
    except NameError as err:
        raise TypeError(f"cannot resolve the field types of {cls.__qualname__}: {err}") from err


def _columns(
    cls: type,
    base: Mapping[str, tuple[bool, bool]],
    naming: Naming,
    refs: frozenset[str],
    skip: frozenset[str] = frozenset(),
) -> Iterator[Column]:
    hints = _hints(cls)
    for field in attrs.fields(cls):
        if not field.init or field.name in skip:
            continue
        if field.name in refs:
            vtype = None
        elif field.name == "nip" and issubclass(cls, Employee):
            vtype = _NIP
        elif field.metadata.get("jenis") == "persen":
            vtype = ValueType("percent", parse_percent, optional=True)
        else:
            vtype = value_type(hints[field.name])
        if field.metadata.get("declared"):
            # An attribute a rule file declares: its own column name; ``wajib`` means the
            # column is there and no cell of it is empty (its absence is D062, not D011).
            column = str(field.metadata["kolom"])
            required = bool(field.metadata.get("wajib"))
            spellings: tuple[str, ...] = (field.name,) if field.name != column else ()
            yield Column(column, field.alias, vtype, False, not required, spellings, declared=True)
            continue
        has_default = field.default is not attrs.NOTHING
        optional = vtype is None or vtype.optional
        required, empty_ok = base.get(field.name, (not has_default, has_default or optional))
        name, aliases = naming(field.name, field.metadata.get("en"))
        yield Column(name, field.alias, vtype, required, empty_ok, aliases)


def _plain(name: str, en: str | None) -> tuple[str, tuple[str, ...]]:
    aliases = [en] if en and en != name else []
    if name == "unit":  # the unit code, as the flat layout names it
        aliases += ["kode_unit", "unit_code"]
    return name, tuple(aliases)


def _flat_unit(name: str, en: str | None) -> tuple[str, tuple[str, ...]]:
    words = [name, en] if en else [name]
    spellings = [f"{w}_unit" for w in words] + [f"unit_{w}" for w in words]
    canonical = name if name in _FLAT_BARE else f"{name}_unit"
    if name in _FLAT_BARE:
        spellings += words
    return canonical, tuple(dict.fromkeys(s for s in spellings if s != canonical))


def unit_schema(unit_cls: type[Unit]) -> Schema:
    """The columns of ``unit.csv``."""
    return Schema(tuple(_columns(unit_cls, _UNIT_BASE, _plain, frozenset({"induk"}))))


def employee_schema(employee_cls: type[Employee]) -> Schema:
    """The columns of ``pegawai.csv``."""
    columns = _columns(employee_cls, _EMPLOYEE_BASE, _plain, frozenset({"unit"}))
    return Schema((*columns, ID_COLUMN))


def flat_schemas(employee_cls: type[Employee], unit_cls: type[Unit]) -> tuple[Schema, Schema]:
    """The employee part and the unit part of a flat file's columns.

    The unit's code (``kode_unit``) is also the employee's unit, so the
    employee part has no unit column of its own.
    """
    people = _columns(employee_cls, _EMPLOYEE_BASE, _plain, frozenset(), frozenset({"unit"}))
    units = _columns(unit_cls, _UNIT_BASE, _flat_unit, frozenset({"induk"}))
    return Schema((*people, ID_COLUMN)), Schema(tuple(units))


_DEFAULT: Any = object()


def _read(column: Column, text: str) -> Any:
    """The value of one cell; ``_DEFAULT`` when the field's default applies."""
    if not text:
        if not column.empty_ok:
            raise BadValue("D020", {})
        return None if column.vtype is None or column.vtype.optional else _DEFAULT
    return text if column.vtype is None else column.vtype.parse(text)


def _present(table: Table, columns: Iterable[Column]) -> tuple[_Cell, ...]:
    """The columns the file has, each with its cell's index and the values its
    texts gave so far (found once per file)."""
    key = tuple(columns)
    found = _PRESENT.get(id(table))
    if found is None or found[0] is not table or found[1] != key:
        cells: tuple[_Cell, ...] = tuple(
            (c, table.columns[c.name], {}) for c in key if table.has(c.name)
        )
        found = _PRESENT[id(table)] = (table, key, cells)
        while len(_PRESENT) > 8:  # a few files are read at once; forget the oldest
            del _PRESENT[next(iter(_PRESENT))]
    return found[2]


#: A present column, its cell's index and the memo of its values by cell text.
_Cell = tuple[Column, int, dict[str, Any]]
#: id(table) -> (the table, its columns, the present ones)
_PRESENT: dict[int, tuple[Table, tuple[Column, ...], tuple[_Cell, ...]]] = {}
#: Values remembered per column: units, grades, scores and dates repeat from
#: row to row, a NIP never does (its memo stops growing at this size).
_MEMO = 4096
_UNSEEN: Any = object()


def parse_cells(
    table: Table, row: Row, columns: Iterable[Column], diagnostics: list[Diagnostic]
) -> dict[str, Any] | None:
    """The keyword arguments a row gives, or None after reporting its bad cells.

    Every cell is checked, so one row with three mistakes gives three
    diagnostics; a column the file does not have leaves the field's default.
    """
    kwargs: dict[str, Any] = {}
    ok = True
    cells = row.cells
    for column, index, memo in _present(table, columns):
        text = cells[index].strip()
        value = memo.get(text, _UNSEEN)
        if value is not _UNSEEN:
            if value is not _DEFAULT:
                kwargs[column.attr] = value
            continue
        try:
            value = _read(column, text)
        except BadValue as bad:
            span, args = table.where(row, column.name)
            diagnostics.append(
                Diagnostic(
                    bad.code,
                    span,
                    {**bad.args_, **args},
                    suggestions=bad.suggestions,
                    notes=bad.notes,
                )
            )
            ok = False
            continue
        if len(memo) < _MEMO:  # every reader is a pure function of the text
            memo[text] = value
        if value is not _DEFAULT:
            kwargs[column.attr] = value
    return kwargs if ok else None


@attrs.frozen
class Record:
    """A parsed row: its keyword arguments and where it came from."""

    table: Table
    row: Row
    kwargs: Mapping[str, Any]
    ref: str | None  # the unit code an employee names, or a unit's parent code
    ref_column: str
    #: the column an employee's identifier comes from: ``nip``, or ``id_pegawai`` without one
    key_column: str = "nip"


def construct(
    cls: Callable[..., _T], record: Record, diagnostics: list[Diagnostic], **links: Unit | None
) -> _T | None:
    """``cls(**kwargs)`` with the linked unit (``unit=`` or ``induk=``) added.

    A validator of a user subclass may refuse the row: that is a D029, not a
    traceback.
    """
    try:
        return cls(**record.kwargs, **links)
    except (TypeError, ValueError) as err:
        args = {"cls": getattr(cls, "__name__", str(cls)), "reason": str(err)}
        diagnostics.append(Diagnostic("D029", record.table.row_span(record.row), args))
        return None


class UnitBuilder:
    """Builds units parents first, so that ``Unit.induk`` holds the parent object."""

    def __init__(
        self,
        unit_cls: type[Unit],
        diagnostics: list[Diagnostic],
        not_loaded: dict[str, tuple[Table, Row]],
    ):
        self.unit_cls = unit_cls
        self.diagnostics = diagnostics
        self.not_loaded = not_loaded

    def build(self, units: Mapping[str, Record]) -> dict[str, Unit]:
        """Every unit whose chain of parents is known, loaded and free of cycles."""
        order, cycles = _parents_first(units)
        for cycle in cycles:
            self._cycle([units[code] for code in cycle])
        built: dict[str, Unit] = {}
        depth: dict[str, int] = {}
        for code in order:
            record = units[code]
            parent = built.get(record.ref) if record.ref is not None else None
            if record.ref is not None and parent is None:
                self._orphan(record, units)
                continue
            depth[code] = depth[record.ref] + 1 if record.ref is not None else 0
            if depth[code] > MAX_UNIT_DEPTH:
                self._too_deep(record)
                continue
            unit = construct(self.unit_cls, record, self.diagnostics, induk=parent)
            if unit is None:
                self.not_loaded[code] = (record.table, record.row)
            else:
                built[code] = unit
        return built

    def _too_deep(self, record: Record) -> None:
        """D035: real hierarchies are a few levels deep; a long chain is a broken file.

        The cap also bounds the work each unit's lineage costs.
        """
        span = record.table.where(record.row, record.ref_column)[0]
        args = {"code": record.kwargs["kode"], "limit": MAX_UNIT_DEPTH}
        self.diagnostics.append(Diagnostic("D035", span, args))
        self.not_loaded[record.kwargs["kode"]] = (record.table, record.row)

    def _orphan(self, record: Record, units: Mapping[str, Record]) -> None:
        """D024 (unknown parent) or D026 (parent known but not loaded)."""
        parent = record.ref or ""
        span, args = record.table.where(record.row, record.ref_column)
        args |= {"code": record.kwargs["kode"], "parent": parent}
        if parent in units or parent in self.not_loaded:
            self.diagnostics.append(Diagnostic("D026", span, args))
        else:
            hints = tuple(suggest(parent, [*units, *self.not_loaded]))
            self.diagnostics.append(Diagnostic("D024", span, args, suggestions=hints))
        self.not_loaded[record.kwargs["kode"]] = (record.table, record.row)

    def _cycle(self, members: list[Record]) -> None:
        """One D025 per cycle, at its first row in the file, labelling the others.

        ``members`` follow the parent links; they are rotated, not sorted, so
        that "A → B" still reads "A's parent is B".
        """
        first = min(range(len(members)), key=lambda i: members[i].row.line)
        members = members[first:] + members[:first]
        codes = [r.kwargs["kode"] for r in members]
        args = {"cycle": " → ".join([*codes, codes[0]])}
        labels = tuple(
            Label(r.table.where(r.row, r.ref_column)[0], "label-in-cycle") for r in members[1:]
        )
        span = members[0].table.where(members[0].row, members[0].ref_column)[0]
        self.diagnostics.append(Diagnostic("D025", span, args, labels=labels))
        for record in members:
            self.not_loaded[record.kwargs["kode"]] = (record.table, record.row)


def _parents_first(units: Mapping[str, Record]) -> tuple[list[str], list[list[str]]]:
    """Unit codes ordered parents before children, and the cycles among parent links.

    Each unit has at most one parent, so walking up from each unit until a
    visited one is met visits every unit once: linear even for deep chains.
    Codes in a cycle are left out of the order.
    """
    order: list[str] = []
    cycles: list[list[str]] = []
    visited: set[str] = set()
    for start in units:
        path: list[str] = []
        on_path: set[str] = set()
        code: str | None = start
        while code is not None and code in units and code not in visited:
            visited.add(code)
            path.append(code)
            on_path.add(code)
            code = units[code].ref
        if code is not None and code in on_path:
            cut = path.index(code)
            cycles.append(path[cut:])
            path = path[:cut]
        order.extend(reversed(path))
    return order, cycles
