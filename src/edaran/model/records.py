"""Records the quota and report engines read (butir 3.d, 7, 8, 9, 10.a and 13).

Official trips, official vehicle use, meetings, energy checklists for WFH
days, and cost lines.  Like the workforce model, these are attrs classes a
rule file reads (``perjalanan.jenis``, ``kendaraan.listrik``,
``rapat.bentuk``), and a regency that needs more fields subclasses them.

Money is :class:`~decimal.Decimal` (exact, never float): a field that holds
rupiah says so with ``metadata={"jenis": "uang"}``.  A measured quantity keeps
its unit: ``metadata={"satuan": "km"}``; the checker refuses to add kilometres
to rupiah.  Each record names its unit as a :class:`~edaran.model.Unit` of
the roster, so conditions may read ``unit.layanan_publik`` too.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

import attrs

from edaran.core.types import QUANTITY_UNITS as _RULE_UNITS
from edaran.model.workforce import Unit

__all__ = [
    "COST_UNITS",
    "QUANTITY_UNITS",
    "CostCategory",
    "CostLine",
    "EnergyChecklist",
    "EnergyItem",
    "Meeting",
    "MeetingForm",
    "MeetingKind",
    "PeriodFacts",
    "PlanStatus",
    "Trip",
    "TripKind",
    "VehicleKind",
    "VehicleUse",
]


class TripKind(enum.Enum):
    """Jenis perjalanan dinas."""

    DALAM_NEGERI = "dalam negeri"
    LUAR_NEGERI = "luar negeri"


class PlanStatus(enum.Enum):
    """Whether a trip or vehicle day is planned or done (status)."""

    RENCANA = "rencana"
    TERLAKSANA = "terlaksana"


class VehicleKind(enum.Enum):
    """What drives an official vehicle (jenis kendaraan)."""

    BENSIN = "bensin"
    SOLAR = "solar"
    LISTRIK = "listrik"


class MeetingForm(enum.Enum):
    """How a meeting was held (bentuk): on site, hybrid, or online."""

    LURING = "luring"
    HIBRIDA = "hibrida"
    DARING = "daring"


class MeetingKind(enum.Enum):
    """Rapat, bimbingan teknis, seminar, konferensi (butir 7)."""

    RAPAT = "rapat"
    BIMTEK = "bimtek"
    SEMINAR = "seminar"
    KONFERENSI = "konferensi"


class EnergyItem(enum.Enum):
    """What butir 10.a asks to switch off or unplug on a WFH day."""

    ELEKTRONIK = "elektronik"
    AC = "ac"
    LAMPU = "lampu"
    KABEL = "kabel"


class CostCategory(enum.Enum):
    """The cost categories of butir 13."""

    BELANJA_PEGAWAI = "belanja operasional pegawai"
    LISTRIK = "listrik"
    BBM = "bbm"
    AIR = "air"
    TELEPON = "telepon"
    LAINNYA = "lainnya"


#: The physical units a quantity may carry in a data file, with their spellings
#: (a rule file writes the same, without the bare "l").
QUANTITY_UNITS: dict[str, str] = {**_RULE_UNITS, "l": "liter"}

#: The unit a cost category's quantity is measured in (None: no quantity).
COST_UNITS: dict[CostCategory, str | None] = {
    CostCategory.BELANJA_PEGAWAI: None,
    CostCategory.LISTRIK: "kWh",
    CostCategory.BBM: "liter",
    CostCategory.AIR: "m3",
    CostCategory.TELEPON: None,
    CostCategory.LAINNYA: None,
}


@attrs.frozen
class Trip:
    """One official trip (perjalanan dinas), planned or done.

    A trip counts in the evaluation period in which it starts (the day its
    travel order takes effect), even when it ends in the next one.
    """

    id: str = attrs.field(metadata={"en": "id"})
    unit: Unit = attrs.field(metadata={"en": "unit"})
    jenis: TripKind = attrs.field(metadata={"en": "kind"})
    mulai: dt.date = attrs.field(metadata={"en": "start"})
    selesai: dt.date = attrs.field(metadata={"en": "end"})
    jumlah_peserta: int = attrs.field(default=1, metadata={"en": "party_size"})
    biaya: Decimal = attrs.field(default=Decimal(0), metadata={"en": "cost", "jenis": "uang"})
    status: PlanStatus = attrs.field(default=PlanStatus.TERLAKSANA, metadata={"en": "status"})
    tujuan: str = attrs.field(default="", metadata={"en": "destination"})

    @property
    def tanggal(self) -> dt.date:
        """The day the trip counts on (its first day)."""
        return self.mulai


@attrs.frozen
class VehicleUse:
    """One official vehicle used by a unit on one day (a vehicle day)."""

    id: str = attrs.field(metadata={"en": "id"})
    kendaraan: str = attrs.field(metadata={"en": "vehicle"})
    unit: Unit = attrs.field(metadata={"en": "unit"})
    tanggal: dt.date = attrs.field(metadata={"en": "date"})
    jenis: VehicleKind = attrs.field(default=VehicleKind.BENSIN, metadata={"en": "kind"})
    #: operational vehicles (ambulance, fire engine, patrol) a circular may exclude
    operasional: bool = attrs.field(default=False, metadata={"en": "operational"})
    jarak: Decimal | None = attrs.field(default=None, metadata={"en": "distance", "satuan": "km"})
    bbm: Decimal | None = attrs.field(default=None, metadata={"en": "fuel", "satuan": "liter"})
    status: PlanStatus = attrs.field(default=PlanStatus.TERLAKSANA, metadata={"en": "status"})
    listrik: bool = attrs.field(init=False, eq=False, repr=False, metadata={"en": "electric"})

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "listrik", self.jenis is VehicleKind.LISTRIK)


@attrs.frozen
class Meeting:
    """One meeting, technical guidance, seminar or conference a unit held."""

    id: str = attrs.field(metadata={"en": "id"})
    unit: Unit = attrs.field(metadata={"en": "unit"})
    tanggal: dt.date = attrs.field(metadata={"en": "date"})
    bentuk: MeetingForm = attrs.field(metadata={"en": "form"})
    jenis: MeetingKind = attrs.field(default=MeetingKind.RAPAT, metadata={"en": "kind"})
    judul: str = attrs.field(default="", metadata={"en": "title"})
    peserta: int = attrs.field(default=0, metadata={"en": "participants"})


@attrs.frozen
class EnergyChecklist:
    """A unit's checklist for one WFH day: what was switched off (butir 10.a)."""

    unit: Unit = attrs.field(metadata={"en": "unit"})
    tanggal: dt.date = attrs.field(metadata={"en": "date"})
    dimatikan: frozenset[EnergyItem] = attrs.field(
        factory=frozenset, metadata={"en": "switched_off"}
    )
    petugas: str = attrs.field(default="", metadata={"en": "officer"})


@attrs.frozen
class CostLine:
    """One month of one cost category for one unit, in rupiah and, where it has one, a quantity.

    ``bulan`` is the first day of the month.  The quantity's unit follows the
    category (kWh for electricity, litres for fuel, m3 for water); the loader
    refuses a line whose unit does not match.
    """

    unit: Unit = attrs.field(metadata={"en": "unit"})
    bulan: dt.date = attrs.field(metadata={"en": "month"})
    kategori: CostCategory = attrs.field(metadata={"en": "category"})
    jumlah: Decimal = attrs.field(metadata={"en": "amount", "jenis": "uang"})
    kuantitas: Decimal | None = attrs.field(default=None, metadata={"en": "quantity"})
    satuan: str | None = attrs.field(default=None, metadata={"en": "quantity_unit"})
    keterangan: str = attrs.field(default="", metadata={"en": "note"})

    @property
    def tanggal(self) -> dt.date:
        """The day the line counts on (the first of its month)."""
        return self.bulan


@attrs.frozen
class PeriodFacts:
    """What a savings estimate (``laporan``) reads about one unit in one month.

    ``hari_wfh`` and the like are person-days of the unit (and its sub-units)
    in each mode, from the schedule (or the rules, when the circular has no
    caps); ``hari_kerja`` the working days of the month, ``jumlah_pegawai``
    the most staff decided on one day of the month.
    """

    unit: Unit = attrs.field(metadata={"en": "unit"})
    mulai: dt.date = attrs.field(metadata={"en": "start"})
    selesai: dt.date = attrs.field(metadata={"en": "end"})
    hari_kerja: int = attrs.field(default=0, metadata={"en": "working_days"})
    hari_wfo: int = attrs.field(default=0, metadata={"en": "wfo_days"})
    hari_wfh: int = attrs.field(default=0, metadata={"en": "wfh_days"})
    hari_wfa: int = attrs.field(default=0, metadata={"en": "wfa_days"})
    jumlah_pegawai: int = attrs.field(default=0, metadata={"en": "staff"})
