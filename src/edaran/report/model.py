"""What the savings report produces (butir 13): lines per unit, period and category."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from decimal import Decimal

import attrs

from edaran.core.diagnostics import Diagnostic
from edaran.io.publish import Published, provenance
from edaran.model.calendar import Period

__all__ = ["Basis", "ReportResult", "SavingLine"]


class Basis(enum.Enum):
    """Where a saving comes from."""

    AKTUAL = "aktual"  # actual figures against the baseline, every month
    PERKIRAAN = "perkiraan"  # estimated from the schedule, every month
    CAMPURAN = "campuran"  # some months actual, some estimated
    TANPA_DATA = "tanpa_data"  # neither figures nor an estimate


@attrs.frozen
class SavingLine:
    """The saving of one category for one unit (perangkat daerah) in one period.

    ``baseline`` is the same months a year earlier; ``actual`` the months of
    the period that have figures.  ``saving`` is baseline minus actual for
    months with both, plus the rule file's estimate for the others; all in
    whole rupiah.  Quantities likewise, in ``unit_of_quantity``.
    """

    unit: str
    unit_name: str
    period: Period
    #: the category as rule files write it (``LISTRIK``, ``BELANJA_PEGAWAI``)
    category: str
    baseline: Decimal | None
    actual: Decimal | None
    saving: Decimal | None
    estimated: Decimal
    basis: Basis
    months_actual: int
    months_estimated: int
    wfh_days: int
    unit_of_quantity: str | None = None
    baseline_quantity: Decimal | None = None
    actual_quantity: Decimal | None = None
    saving_quantity: Decimal | None = None
    clause: str = ""


@attrs.frozen
class ReportResult(Published):
    """The savings report: a line per unit, period and category, and the warnings."""

    title: str
    circular: str
    periods: tuple[Period, ...]
    lines: tuple[SavingLine, ...]
    warnings: tuple[Diagnostic, ...] = ()
    #: where the report comes from (:func:`edaran.io.publish.provenance`)
    provenance: Mapping[str, str | None] = attrs.field(factory=provenance, eq=False)
    _parts = ("lines",)

    def total(self, period: int | None = None, category: str | None = None) -> Decimal:
        """The province's saving: the sum of the (rounded) unit lines, in whole rupiah."""
        return self._sum("saving", period, category)

    def estimated_total(self, period: int | None = None, category: str | None = None) -> Decimal:
        """How much of :meth:`total` is estimated from WFH days (same filters)."""
        return self._sum("estimated", period, category)

    def _sum(self, field: str, period: int | None, category: str | None) -> Decimal:
        return sum(
            (
                getattr(line, field)
                for line in self.lines
                if line.saving is not None
                and (period is None or line.period.number == period)
                and (category is None or line.category == category)
            ),
            Decimal(0),
        )
