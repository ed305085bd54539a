"""What a rule may read, derived from the attrs classes of the workforce model.

The checker asks this module for the type of ``pegawai.jenjang``; the answer
comes from ``attrs.fields(Employee)`` and the resolved annotations, so a
subclass with extra fields is readable at once.  Each field may carry an
English alias (``metadata={"en": ...}``).
"""

from __future__ import annotations

import datetime as dt
import enum
import types as pytypes
import typing
from decimal import Decimal

import attrs

from edaran.core import types as t
from edaran.model import records
from edaran.model import workforce as model

__all__ = ["RECORD_ROOTS", "WEEKDAY", "Field", "Schema", "enum_type"]

#: the record roots, with their English spellings
RECORD_ROOTS = {
    "perjalanan": "trip",
    "kendaraan": "vehicle",
    "rapat": "meeting",
    "periode": "period",
}


@attrs.frozen
class Field:
    """A readable field: its Python attribute name, its type, and whether it may be empty."""

    attr: str
    type: t.Type
    nullable: bool
    aliases: tuple[str, ...]


_ENUM_NAMES: dict[type, tuple[str, str]] = {
    model.PositionLevel: ("position_level", "jenjang"),
    model.UnitKind: ("unit_kind", "jenis_unit"),
    model.EmploymentStatus: ("employment_status", "status_kepegawaian"),
    model.Weekday: ("weekday", "hari"),
    model.Channel: ("channel", "saluran"),
    records.TripKind: ("trip_kind", "jenis_perjalanan"),
    records.PlanStatus: ("plan_status", "status_rencana"),
    records.VehicleKind: ("vehicle_kind", "jenis_kendaraan"),
    records.MeetingForm: ("meeting_form", "bentuk_rapat"),
    records.MeetingKind: ("meeting_kind", "jenis_rapat"),
    records.EnergyItem: ("energy_item", "peralatan"),
    records.CostCategory: ("cost_category", "kategori_biaya"),
}


def enum_type(py_enum: type[enum.Enum]) -> t.EnumType:
    """The rule-language type of a Python enum."""
    english, indonesian = _ENUM_NAMES.get(py_enum, (py_enum.__name__, py_enum.__name__))
    members = tuple((m.name, m) for m in py_enum)
    return t.EnumType(english, indonesian, members, py_enum)


WEEKDAY = enum_type(model.Weekday)

_PRIMS: dict[object, t.Type] = {
    bool: t.BOOL,
    int: t.INT,
    Decimal: t.DECIMAL,
    str: t.TEXT,
    dt.date: t.DATE,
    dt.time: t.TIME,
    t.Duration: t.DURATION,
}


class Schema:
    """The roots a rule can name and the fields under them.

    ``employee_cls`` is the employee class (``unit`` is the type of its
    ``unit`` field); ``day_cls`` the calendar-day class.
    """

    def __init__(
        self,
        employee_cls: type = model.Employee,
        day_cls: type = model.CalendarDay,
        contact_cls: type = model.Contact,
        *,
        trip_cls: type = records.Trip,
        vehicle_cls: type = records.VehicleUse,
        meeting_cls: type = records.Meeting,
        period_cls: type = records.PeriodFacts,
        unit_cls: type | None = None,
    ) -> None:
        self.employee_cls = employee_cls
        self.contact_cls = contact_cls
        #: record root -> class, for the roots quotas, targets and the report read
        self.record_classes: dict[str, type] = {
            "perjalanan": trip_cls,
            "kendaraan": vehicle_cls,
            "rapat": meeting_cls,
            "periode": period_cls,
        }
        self.day_cls = day_cls
        self._fields: dict[type, dict[str, Field]] = {}
        unit_field = self.fields(employee_cls).get("unit")
        if unit_field is None or not isinstance(unit_field.type, t.UnitType):
            raise TypeError(f"{employee_cls.__name__} needs a 'unit' field of a Unit type")
        base_unit: type = unit_field.type.cls
        if unit_cls is not None and unit_cls is not base_unit:
            # Declared unit attributes: the employee's unit is of the declared class.
            if not issubclass(unit_cls, base_unit):
                raise TypeError(f"{unit_cls.__name__} is not a {base_unit.__name__}")
            unit_field = attrs.evolve(unit_field, type=t.UnitType(unit_cls))
            table = self._fields[employee_cls] = dict(self._fields[employee_cls])
            for alias in unit_field.aliases:
                table[alias] = unit_field
        self.unit_cls: type = unit_cls or base_unit
        employee = t.RecordType(employee_cls)
        day = t.RecordType(day_cls)
        #: root word -> (root key, attribute path below the root, type)
        self.roots: dict[str, tuple[str, tuple[str, ...], t.Type]] = {
            "pegawai": ("pegawai", (), employee),
            "employee": ("pegawai", (), employee),
            "unit": ("pegawai", ("unit",), unit_field.type),
            "kalender": ("kalender", (), day),
            "calendar": ("kalender", (), day),
            "hari": ("kalender", ("hari",), WEEKDAY),
            "weekday": ("kalender", ("hari",), WEEKDAY),
            "tanggal": ("kalender", ("tanggal",), t.DATE),
            "date": ("kalender", ("tanggal",), t.DATE),
            # A contact (call or message): readable in breaches only.
            "kontak": ("kontak", (), t.RecordType(contact_cls)),
            "contact": ("kontak", (), t.RecordType(contact_cls)),
        }
        # Records: readable in quotas and targets (a trip, a vehicle day, a
        # meeting) and in the savings report (a unit's month).
        for root, english in RECORD_ROOTS.items():
            kind = t.RecordType(self.record_classes[root])
            self.roots[root] = self.roots[english] = (root, (), kind)

    def fields(self, cls: type) -> dict[str, Field]:
        """Readable fields of an attrs class, by every name they answer to."""
        if cls not in self._fields:
            self._fields[cls] = self._read(cls)
        return self._fields[cls]

    def _read(self, cls: type) -> dict[str, Field]:
        hints = typing.get_type_hints(cls, localns=vars(model))
        table: dict[str, Field] = {}
        for field in attrs.fields(cls):
            if field.metadata.get("hidden"):
                continue
            converted = self._convert(hints.get(field.name, object))
            if converted is None:
                continue
            kind, nullable = converted
            if kind == t.DECIMAL and field.metadata.get("jenis") == "uang":
                kind = t.MONEY  # rupiah, kept exact
            elif kind == t.DECIMAL and field.metadata.get("jenis") == "persen":
                kind = t.PERCENT  # a fraction: 50% is 0.5
            elif kind == t.DECIMAL and "satuan" in field.metadata:
                kind = t.QuantityType(field.metadata["satuan"])
            aliases = (field.name, *([field.metadata["en"]] if "en" in field.metadata else []))
            info = Field(field.name, kind, nullable, aliases)
            for alias in aliases:
                table.setdefault(alias, info)
        return table

    def _convert(self, hint: object) -> tuple[t.Type, bool] | None:
        nullable = False
        origin = typing.get_origin(hint)
        if origin in (typing.Union, pytypes.UnionType):
            args = [a for a in typing.get_args(hint) if a is not type(None)]
            if len(args) != 1:
                return None
            hint, nullable = args[0], True
            origin = typing.get_origin(hint)
        if origin in (frozenset, set):
            inner = self._convert(typing.get_args(hint)[0])
            return (t.SetType(inner[0]), nullable) if inner else None
        if hint in _PRIMS:
            return _PRIMS[hint], nullable
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return enum_type(hint), nullable
        if isinstance(hint, type) and issubclass(hint, model.Unit):
            return t.UnitType(hint), nullable
        if isinstance(hint, type) and attrs.has(hint):
            return t.RecordType(hint), nullable
        return None

    def field_names(self, cls: type) -> list[str]:
        """The Indonesian names of a class's readable fields, for "did you mean"."""
        return sorted({f.attr for f in self.fields(cls).values()})

    def enums(self) -> list[t.EnumType]:
        """Every enumeration reachable from the roots (for resolving bare names)."""
        found: dict[str, t.EnumType] = {WEEKDAY.name: WEEKDAY}
        seen: set[type] = set()
        stack = [
            self.employee_cls,
            self.day_cls,
            self.unit_cls,
            self.contact_cls,
            *self.record_classes.values(),
        ]
        while stack:
            cls = stack.pop()
            if cls in seen:
                continue
            seen.add(cls)
            for field in self.fields(cls).values():
                kind = field.type.element if isinstance(field.type, t.SetType) else field.type
                if isinstance(kind, t.EnumType):
                    found.setdefault(kind.name, kind)
                elif isinstance(kind, (t.RecordType, t.UnitType)):
                    stack.append(kind.cls)
        return list(found.values())
