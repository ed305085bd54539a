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
from decimal import Decimal

import attrs

from edaran.core.types import Duration
from edaran.messages import Lang, message

__all__ = [
    "Absence",
    "CalendarDay",
    "Channel",
    "Contact",
    "Employee",
    "EmploymentStatus",
    "PositionLevel",
    "Transfer",
    "Unit",
    "UnitKind",
    "Weekday",
]


class PositionLevel(enum.Enum):
    """Jenjang jabatan (position level) of a civil servant."""

    JPT_UTAMA = "JPT Utama"
    JPT_MADYA = "JPT Madya"
    JPT_PRATAMA = "JPT Pratama"
    ADMINISTRATOR = "Administrator"
    PENGAWAS = "Pengawas"
    PELAKSANA = "Pelaksana"
    FUNGSIONAL = "Fungsional"


class EmploymentStatus(enum.Enum):
    """Status kepegawaian: a civil servant (PNS), a government employee on contract
    (PPPK), or staff outside the civil service (non-ASN: honorer, contract staff)."""

    PNS = "PNS"
    PPPK = "PPPK"
    NON_ASN = "Non ASN"


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


@attrs.frozen
class Unit:
    """A unit (perangkat daerah) or one of its sub-units (UPT, UPTB, school).

    ``induk`` is the parent unit: a UPT of the Education Office has the office as
    its parent, and belongs to every set its parent belongs to.
    """

    kode: str = attrs.field(metadata={"en": "code"})
    nama: str = attrs.field(metadata={"en": "name"})
    jenis: UnitKind = attrs.field(default=UnitKind.DINAS, metadata={"en": "kind"})
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
    """A person on the roster, as a SIMPEG export describes them.

    ``nip`` is the person's identifier, the key of every decision, schedule
    and output: the 18-digit NIP of those who have one, otherwise the
    identifier the roster gives (a PPPK number, a contract staff number).
    ``status_kepegawaian`` says which.
    """

    nip: str = attrs.field(metadata={"en": "nip"})
    nama: str = attrs.field(metadata={"en": "name"})
    unit: Unit = attrs.field(metadata={"en": "unit"})
    jenjang: PositionLevel = attrs.field(default=PositionLevel.PELAKSANA, metadata={"en": "level"})
    jabatan: str = attrs.field(default="", metadata={"en": "position"})
    capaian_kinerja: Decimal | None = attrs.field(default=None, metadata={"en": "performance"})
    #: first day of duty in this post (a new hire); None if it began before
    mulai_tugas: dt.date | None = attrs.field(default=None, metadata={"en": "start_date"})
    #: last day of duty (retirement, a move out of the province); None if open
    selesai_tugas: dt.date | None = attrs.field(default=None, metadata={"en": "end_date"})
    #: PNS, PPPK or non-ASN; a roster row without a NIP is non-ASN unless it says PPPK
    status_kepegawaian: EmploymentStatus = attrs.field(
        default=EmploymentStatus.PNS, metadata={"en": "employment_status"}
    )


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
