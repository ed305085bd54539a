"""The workforce model: employees, units (perangkat daerah) and calendar days.

These attrs classes are what rule files read.  The checker derives the names a
rule may use (``pegawai.jenjang``, ``unit.layanan_publik``, ``hari.libur``) from
the fields of these classes, so a regency that needs more facts subclasses
them and adds fields; nothing else has to change.

A field may carry an English alias in its metadata (``metadata={"en": ...}``);
rule files may use either spelling.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

import attrs

from edaran.core.diagnostics import Diagnostic, EdaranError
from edaran.core.types import Duration
from edaran.messages import Lang, message

__all__ = [
    "Absence",
    "CalendarDay",
    "Channel",
    "Contact",
    "Employee",
    "PositionLevel",
    "Transfer",
    "Unit",
    "UnitKind",
    "Weekday",
    "member_of",
]

_E = TypeVar("_E", bound=enum.Enum)


def _folded(text: str) -> str:
    return " ".join(text.replace("_", " ").split()).casefold()


def member_of(cls: type[_E], field: str) -> Callable[[object], _E]:
    """An attrs converter for an enumeration field: a member, its name
    (``"JPT_PRATAMA"``) or its label (``"JPT Pratama"``, any case and spacing);
    anything else is :class:`EdaranError` D143 naming the field and the members.
    A plain string used to be kept as it was, and a rule comparing the field
    with a member then quietly decided the other way.
    """
    by_text: dict[str, _E] = {}
    for member in cls:
        by_text.setdefault(_folded(member.name), member)
        if isinstance(member.value, str):
            by_text.setdefault(_folded(member.value), member)

    def convert(value: object) -> _E:
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            found = by_text.get(_folded(value))
            if found is not None:
                return found
        members = ", ".join(m.name for m in cls)
        args = {"field": field, "value": repr(value)[:60], "members": members}
        raise EdaranError([Diagnostic("D143", None, args)])

    return convert


class PositionLevel(enum.Enum):
    """Jenjang jabatan (position level) of a civil servant."""

    JPT_UTAMA = "JPT Utama"
    JPT_MADYA = "JPT Madya"
    JPT_PRATAMA = "JPT Pratama"
    ADMINISTRATOR = "Administrator"
    PENGAWAS = "Pengawas"
    PELAKSANA = "Pelaksana"
    FUNGSIONAL = "Fungsional"


class UnitKind(enum.Enum):
    """Jenis perangkat daerah (kind of unit)."""

    SEKRETARIAT = "Sekretariat"
    BIRO = "Biro"
    DINAS = "Dinas"
    BADAN = "Badan"
    INSPEKTORAT = "Inspektorat"
    SATUAN = "Satuan"
    RUMAH_SAKIT = "Rumah Sakit"
    UPT = "UPT"
    UPTB = "UPTB"
    UPT_SEKOLAH = "UPT Sekolah"
    #: kinds a regency or city has (a Bagian of its Setda, a Kecamatan and its Kelurahan)
    BAGIAN = "Bagian"
    KECAMATAN = "Kecamatan"
    KELURAHAN = "Kelurahan"


class Weekday(enum.Enum):
    """Nama hari; the value is Python's ``date.weekday()`` number."""

    SENIN = 0
    SELASA = 1
    RABU = 2
    KAMIS = 3
    JUMAT = 4
    SABTU = 5
    MINGGU = 6

    @property
    def label(self) -> str:
        """The name as written in Indonesian prose ("Jumat")."""
        return self.word("id")

    @property
    def english(self) -> str:
        """The English name ("Friday"), which rule files may write too."""
        return self.word("en")

    def word(self, lang: Lang) -> str:
        """The day's name in ``lang``."""
        return message(f"weekday.{self.name}", lang)


def _lineage(unit: Unit) -> frozenset[str]:
    codes: list[str] = []
    seen: Unit | None = unit
    while seen is not None:
        if seen.kode in codes:  # a cycle in parent links is refused by the loader
            break
        codes.append(seen.kode)
        seen = seen.induk
    return frozenset(codes)


_UNIT_KIND = member_of(UnitKind, "unit.jenis")
_POSITION_LEVEL = member_of(PositionLevel, "pegawai.jenjang")


def _unit_kind(value: object) -> UnitKind:
    return _UNIT_KIND(value)


def _position_level(value: object) -> PositionLevel:
    return _POSITION_LEVEL(value)


@attrs.frozen
class Unit:
    """A unit (perangkat daerah) or one of its sub-units (UPT, UPTB, school).

    ``induk`` is the parent unit: a UPT of the Education Office has the office as
    its parent, and belongs to every set its parent belongs to.
    """

    kode: str = attrs.field(metadata={"en": "code"})
    nama: str = attrs.field(metadata={"en": "name"})
    jenis: UnitKind = attrs.field(
        default=UnitKind.DINAS,
        converter=_unit_kind,
        metadata={"en": "kind"},
    )
    layanan_publik: bool = attrs.field(default=False, metadata={"en": "public_service"})
    induk: Unit | None = attrs.field(default=None, metadata={"en": "parent"})
    silsilah: frozenset[str] = attrs.field(
        init=False, eq=False, repr=False, metadata={"en": "lineage", "hidden": True}
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "silsilah", _lineage(self))

    def belongs_to(self, codes: frozenset[str]) -> bool:
        """True when this unit or one of its parents has a code in ``codes``."""
        return not self.silsilah.isdisjoint(codes)

    @property
    def top(self) -> Unit:
        """The top-level unit (perangkat daerah) of this one: itself, or its last parent."""
        unit = self
        while unit.induk is not None:
            unit = unit.induk
        return unit


@attrs.frozen
class Employee:
    """A civil servant (ASN), as a SIMPEG export describes them."""

    nip: str = attrs.field(metadata={"en": "nip"})
    nama: str = attrs.field(metadata={"en": "name"})
    unit: Unit = attrs.field(metadata={"en": "unit"})
    jenjang: PositionLevel = attrs.field(
        default=PositionLevel.PELAKSANA,
        converter=_position_level,
        metadata={"en": "level"},
    )
    jabatan: str = attrs.field(default="", metadata={"en": "position"})
    capaian_kinerja: Decimal | None = attrs.field(default=None, metadata={"en": "performance"})
    #: first day of duty in this post (a new hire); None if it began before
    mulai_tugas: dt.date | None = attrs.field(default=None, metadata={"en": "start_date"})
    #: last day of duty (retirement, a move out of the province); None if open
    selesai_tugas: dt.date | None = attrs.field(default=None, metadata={"en": "end_date"})


@attrs.frozen
class CalendarDay:
    """One calendar day as the rules see it."""

    tanggal: dt.date = attrs.field(metadata={"en": "date"})
    hari: Weekday = attrs.field(metadata={"en": "weekday"})
    libur_nasional: bool = attrs.field(default=False, metadata={"en": "public_holiday"})
    cuti_bersama: bool = attrs.field(default=False, metadata={"en": "collective_leave"})
    libur_daerah: bool = attrs.field(default=False, metadata={"en": "local_closure"})
    nama_libur: str = attrs.field(default="", metadata={"en": "holiday_name"})
    hari_kerja: bool = attrs.field(default=True, metadata={"en": "working_day"})

    @property
    def libur(self) -> bool:
        """True on a public holiday, collective leave day or declared closure."""
        return self.libur_nasional or self.cuti_bersama or self.libur_daerah


class Channel(enum.Enum):
    """How a person was contacted (saluran)."""

    PANGGILAN = "panggilan"
    PESAN = "pesan"

    @property
    def english(self) -> str:
        """``call`` or ``message``."""
        return "call" if self is Channel.PANGGILAN else "message"


@attrs.frozen
class Contact:
    """One call or message to an employee, from a phone or chat system's log.

    ``dikirim`` and ``dijawab`` are aware datetimes (the loader gives naive
    ones the rule file's zone).  ``waktu_respon`` (how long the answer took),
    ``terjawab`` (answered at all) and ``beralasan`` (a reason was given) are
    computed, so rules can read them.
    """

    id: str = attrs.field(metadata={"en": "id"})
    nip: str = attrs.field(metadata={"en": "nip"})
    pengirim: str = attrs.field(metadata={"en": "sender"})
    saluran: Channel = attrs.field(metadata={"en": "channel"})
    dikirim: dt.datetime = attrs.field(metadata={"en": "sent_at"})
    dijawab: dt.datetime | None = attrs.field(default=None, metadata={"en": "answered_at"})
    alasan: str | None = attrs.field(default=None, metadata={"en": "reason"})
    waktu_respon: Duration | None = attrs.field(
        init=False, eq=False, repr=False, metadata={"en": "response_time"}
    )
    terjawab: bool = attrs.field(init=False, eq=False, repr=False, metadata={"en": "answered"})
    beralasan: bool = attrs.field(init=False, eq=False, repr=False, metadata={"en": "with_reason"})

    def __attrs_post_init__(self) -> None:
        answered = self.dijawab is not None
        # Through UTC: two times sharing a zone object would subtract as clock faces.
        delay = None
        if self.dijawab is not None:
            delay = Duration(
                exact=self.dijawab.astimezone(dt.UTC) - self.dikirim.astimezone(dt.UTC)
            )
        object.__setattr__(self, "waktu_respon", delay)
        object.__setattr__(self, "terjawab", answered)
        object.__setattr__(self, "beralasan", bool(self.alasan and self.alasan.strip()))


@attrs.frozen
class Absence:
    """Leave (cuti) or another absence, ``first`` to ``last`` inclusive."""

    nip: str
    first: dt.date
    last: dt.date


@attrs.frozen
class Transfer:
    """A move to another unit from ``date`` on (mutasi)."""

    nip: str
    date: dt.date
    unit: Unit
