"""What the engines read of a person and a unit, as protocols.

The engines take the attrs classes of :mod:`edaran.model.workforce` or a
developer's subclasses of them; these protocols say which attributes the
engines themselves read, so a type checker can tell a caller what an
``employee`` argument must have.  The rules read more (``pegawai.jenjang``,
``unit.layanan_publik``, any field a subclass adds), and the checker knows
those from the schema (:class:`edaran.lang.Schema`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from edaran.model.workforce import Weekday

__all__ = ["DayFacts", "EmployeeFacts", "UnitFacts"]


class UnitFacts(Protocol):
    """A unit (perangkat daerah) as the engines read it."""

    @property
    def kode(self) -> str:
        """The unit's code."""

    @property
    def nama(self) -> str:
        """The unit's name."""

    @property
    def induk(self) -> UnitFacts | None:
        """The parent unit, or None at the top."""

    @property
    def silsilah(self) -> frozenset[str]:
        """The codes of the unit and every parent."""

    @property
    def top(self) -> UnitFacts:
        """The top-level unit it belongs to."""


class EmployeeFacts(Protocol):
    """An employee as the engines read them: an NIP, a name, a unit."""

    @property
    def nip(self) -> str:
        """The civil-servant number (or another identifier)."""

    @property
    def nama(self) -> str:
        """The name, for outputs that show it."""

    @property
    def unit(self) -> UnitFacts:
        """The unit the employee works in."""


class DayFacts(Protocol):
    """A calendar day as the engine reads it, before any rule runs."""

    @property
    def tanggal(self) -> dt.date:
        """The date."""

    @property
    def hari_kerja(self) -> bool:
        """True on a working day."""

    @property
    def nama_libur(self) -> str:
        """The holiday's name, or empty."""

    @property
    def hari(self) -> Weekday:
        """The day of the week."""
