"""Declared attributes: ``atribut pegawai agama: enumerasi {...}, wajib, kolom "agama"``.

A rule file may declare facts about a person or a unit that the built-in
classes do not hold.  They become fields of attrs subclasses of
:class:`~edaran.model.Employee` and :class:`~edaran.model.Unit` made here, so
that the rest of the pipeline sees exactly what a developer's own subclass
would give: the schema (:class:`~edaran.lang.schema.Schema`) reads their
types from the annotations, the roster reader reads their columns, both
backends read them with ``getattr``.  The two routes give the same schema.

Every declared field is optional on the object (default None): a worked
example that does not mention it still builds a person.  ``wajib``
(required) is about the roster: the column must be there and no cell of it
empty.  The field's metadata says so (``kolom``, ``wajib``, ``declared``).
"""

from __future__ import annotations

import datetime as dt
import enum
import keyword
import typing
from collections.abc import Sequence
from decimal import Decimal

import attrs

from edaran.core import types as t
from edaran.core.diagnostics import Diagnostic, Label
from edaran.core.suggest import suggest
from edaran.lang import nodes as n
from edaran.lang.schema import Schema

__all__ = [
    "ATTRIBUTE_TYPES",
    "OWNERS",
    "PERSON_TYPES",
    "RECORD_OWNERS",
    "declare_attributes",
    "traveller_field",
]

#: owner word (Indonesian and English) -> the root it extends
OWNERS = {"pegawai": "pegawai", "employee": "pegawai", "unit": "unit"}
OWNERS |= {"perjalanan": "perjalanan", "trip": "perjalanan", "kendaraan": "kendaraan"}
OWNERS |= {"vehicle": "kendaraan", "rapat": "rapat", "meeting": "rapat"}

#: the owners that are record kinds (their fields are columns of record files)
RECORD_OWNERS = ("perjalanan", "kendaraan", "rapat")

#: the type of a record field naming a person of the roster by NIP (the traveller)
PERSON_TYPES = frozenset({"pegawai", "employee"})

#: type words an attribute may have -> (Python type, metadata "jenis")
ATTRIBUTE_TYPES: dict[str, tuple[type, str | None]] = {
    "teks": (str, None),
    "text": (str, None),
    "benar_salah": (bool, None),
    "boolean": (bool, None),
    "bilangan": (int, None),
    "integer": (int, None),
    "desimal": (Decimal, None),
    "decimal": (Decimal, None),
    "persen": (Decimal, "persen"),
    "percent": (Decimal, "persen"),
    "uang": (Decimal, "uang"),
    "money": (Decimal, "uang"),
    "tanggal": (dt.date, None),
    "date": (dt.date, None),
    "waktu": (dt.time, None),
    "time": (dt.time, None),
    "durasi": (t.Duration, None),
    "duration": (t.Duration, None),
}

#: columns the roster reader gives a meaning already (a declared column may not take them)
_BUILT_IN_COLUMNS = {
    "pegawai": frozenset(
        {
            "nip",
            "nama",
            "name",
            "unit",
            "kode_unit",
            "unit_code",
            "jenjang",
            "level",
            "jabatan",
            "position",
            "capaian_kinerja",
            "performance",
            "mulai_tugas",
            "start_date",
            "selesai_tugas",
            "end_date",
        }
    ),
    "unit": frozenset(
        {"kode", "code", "nama", "name", "jenis", "kind", "layanan_publik", "public_service"}
        | {"induk", "parent", "nama_unit", "jenis_unit", "induk_unit"}
    ),
}


@attrs.frozen
class _Field:
    owner: str
    name: str
    hint: object
    metadata: tuple[tuple[str, object], ...]


#: stands for the employee class in a record field's type until that class is made
_PERSON = object()

_CLASSES: dict[tuple[object, ...], tuple[type, type, dict[str, type]]] = {}


def declare_attributes(module: n.Module, base: Schema) -> tuple[Schema, list[Diagnostic]]:
    """The schema with the module's declared attributes, and what is wrong with them.

    A module that declares nothing gets ``base`` back unchanged.
    """
    decls = [i for i in module.items if isinstance(i, n.AttributeDecl)]
    if not decls:
        return base, []
    problems: list[Diagnostic] = []
    fields: list[_Field] = []
    seen: dict[tuple[str, str], n.AttributeDecl] = {}
    columns: dict[tuple[str, str], n.AttributeDecl] = {}
    for decl in decls:
        owner = OWNERS.get(decl.owner.name)
        if owner is None:
            hints = suggest(decl.owner.name, OWNERS)
            problems.append(
                Diagnostic("E160", decl.owner.span, {"owner": decl.owner.name}, suggestions=hints)
            )
            continue
        field = _field(decl, owner, base, seen, columns, problems)
        if field is not None:
            fields.append(field)
    if any(d.is_error for d in problems):
        return base, problems
    employee_cls, unit_cls, kinds = _classes(base, tuple(fields))
    schema = Schema(
        employee_cls,
        base.day_cls,
        base.contact_cls,
        trip_cls=kinds["perjalanan"],
        vehicle_cls=kinds["kendaraan"],
        meeting_cls=kinds["rapat"],
        period_cls=base.record_classes["periode"],
        unit_cls=unit_cls,
    )
    return schema, problems


def traveller_field(cls: type) -> str | None:
    """The field of a record class that names a person of the roster (``pegawai``), if any."""
    if not attrs.has(cls):
        return None
    return next((f.name for f in attrs.fields(cls) if f.metadata.get("pegawai")), None)


def _owner_class(base: Schema, owner: str) -> type:
    if owner == "pegawai":
        return base.employee_cls
    if owner == "unit":
        return base.unit_cls
    return base.record_classes[owner]


def _built_in_columns(base: Schema, owner: str) -> frozenset[str]:
    if owner in _BUILT_IN_COLUMNS:
        return _BUILT_IN_COLUMNS[owner]
    cls = base.record_classes[owner]
    names = {a.name for a in attrs.fields(cls)} | {"kode_unit", "unit_code"}
    names |= {str(a.metadata["en"]) for a in attrs.fields(cls) if "en" in a.metadata}
    return frozenset(names)


def _field(
    decl: n.AttributeDecl,
    owner: str,
    base: Schema,
    seen: dict[tuple[str, str], n.AttributeDecl],
    columns: dict[tuple[str, str], n.AttributeDecl],
    problems: list[Diagnostic],
) -> _Field | None:
    name = decl.name.name
    if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_"):
        # It becomes a field of the roster's class: letters, digits and "_" only.
        problems.append(Diagnostic("E167", decl.name.span, {"owner": owner, "name": name}))
        return None
    cls = _owner_class(base, owner)
    first = seen.get((owner, name))
    if first is not None or name in base.fields(cls):
        labels = _declared_here(first)
        args = {"owner": owner, "name": name}
        problems.append(Diagnostic("E161", decl.name.span, args, labels=labels))
        return None
    seen[(owner, name)] = decl
    column = decl.column if decl.column is not None else name
    other = columns.get((owner, column))
    if other is not None or column in _built_in_columns(base, owner) or not column.strip():
        labels = _declared_here(other)
        args = {"owner": owner, "name": name, "column": column}
        span = decl.column_span or decl.name.span
        problems.append(Diagnostic("E164", span, args, labels=labels))
        return None
    columns[(owner, column)] = decl
    metadata: dict[str, object] = {"declared": True, "kolom": column, "wajib": decl.required}
    if decl.type is None:
        names = [m.name for m in decl.members]
        twice = next((m for i, m in enumerate(decl.members) if m.name in names[:i]), None)
        if twice is not None:
            args = {"name": name, "member": twice.name}
            problems.append(Diagnostic("E163", twice.span, args))
            return None
        metadata["anggota"] = tuple(names)
        hint: object = _enumeration(name, names)
    elif decl.type.name in PERSON_TYPES and not decl.type.is_set:
        # The traveller (or another person of the roster), by NIP: only a record names one.
        other = next(
            (
                k
                for (o, _), k in seen.items()
                if o == owner
                and k is not decl
                and k.type is not None
                and k.type.name in PERSON_TYPES
            ),
            None,
        )
        if owner not in RECORD_OWNERS or other is not None:
            labels = _declared_here(other)
            args = {"owner": owner, "name": name}
            problems.append(Diagnostic("E232", decl.type.span, args, labels=labels))
            return None
        metadata["pegawai"] = True
        hint = _PERSON
    else:
        known = ATTRIBUTE_TYPES.get(decl.type.name)
        if known is None or decl.type.is_set:
            allowed = ", ".join(list(ATTRIBUTE_TYPES)[::2])  # the Indonesian words
            args = {"name": name, "type": decl.type.name, "allowed": allowed}
            hints = () if decl.type.is_set else suggest(decl.type.name, ATTRIBUTE_TYPES)
            problems.append(Diagnostic("E162", decl.type.span, args, suggestions=hints))
            return None
        hint, jenis = known
        if jenis is not None:
            metadata["jenis"] = jenis
    return _Field(owner, name, hint, tuple(metadata.items()))


def _enumeration(name: str, members: list[str]) -> type[enum.Enum]:
    """A Python enum of ``members``, each its own value, named after the attribute."""
    made: type[enum.Enum] = enum.Enum(name, [(m, m) for m in members])  # type: ignore[misc]  # the functional API
    return made


def _declared_here(decl: n.AttributeDecl | None) -> tuple[Label, ...]:
    if decl is None or decl.name.span is None:
        return ()
    return (Label(decl.name.span, "label-declared-here"),)


def _classes(base: Schema, fields: Sequence[_Field]) -> tuple[type, type, dict[str, type]]:
    """The employee, unit and record classes with the declared fields (cached per set)."""
    kinds = {k: base.record_classes[k] for k in RECORD_OWNERS}
    key = (
        base.employee_cls,
        base.unit_cls,
        *kinds.values(),
        # The type is part of the key: two files may declare one name with two types.
        *((f.owner, f.name, _hint_key(f.hint), f.metadata) for f in fields),
    )
    found = _CLASSES.get(key)
    if found is not None:
        return found
    unit_fields = [f for f in fields if f.owner == "unit"]
    person_fields = [f for f in fields if f.owner == "pegawai"]
    unit_cls = _subclass(base.unit_cls, "UnitDideklarasikan", unit_fields)
    employee_cls = _subclass(base.employee_cls, "PegawaiDideklarasikan", person_fields)
    made: dict[str, type] = {}
    for kind, cls in kinds.items():
        own = [
            attrs.evolve(f, hint=employee_cls) if f.hint is _PERSON else f
            for f in fields
            if f.owner == kind
        ]
        made[kind] = _subclass(cls, f"{cls.__name__}Dideklarasikan", own)
    _CLASSES[key] = (employee_cls, unit_cls, made)
    while len(_CLASSES) > 64:  # files come and go in a long-lived service
        del _CLASSES[next(iter(_CLASSES))]
    return employee_cls, unit_cls, made


def _hint_key(hint: object) -> object:
    """A type as a key: an enumeration (made anew for each file) by its name and members."""
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return (hint.__name__, tuple((m.name, m.value) for m in hint))
    return hint


def _subclass(base: type, name: str, fields: Sequence[_Field]) -> type:
    if not fields:
        return base
    namespace: dict[str, object] = {
        "__annotations__": {f.name: typing.Optional[f.hint] for f in fields},  # noqa: UP045  # a runtime type object
        "__module__": __name__,
        "__qualname__": name,
        "__doc__": f"{base.__name__} with the attributes a rule file declares.",
    }
    for f in fields:
        namespace[f.name] = attrs.field(default=None, metadata=dict(f.metadata))
    return attrs.frozen(type(name, (base,), namespace))
