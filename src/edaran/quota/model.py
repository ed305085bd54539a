"""What the quota and report engines produce (butir 7, 8, 9, 10.a and 13).

Plain attrs records, so writers (CSV, JSON, Excel, the terminal) and callers
read them without knowing how they were computed.  Money is
:class:`~decimal.Decimal` in whole rupiah; a quantity keeps its unit
(``satuan``).  Every line cites its clause.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

import attrs

from edaran.core.diagnostics import Diagnostic
from edaran.model.calendar import Period

__all__ = [
    "Basis",
    "ChecklistFinding",
    "Over",
    "Period",
    "QuotaLine",
    "QuotaResult",
    "ReportResult",
    "SavingLine",
    "TargetLine",
]


@attrs.frozen
class Over:
    """A planned record that goes over its quota, in the quota's order."""

    quota: str
    clause: str
    record: str
    unit: str
    date: dt.date
    amount: Decimal
    #: use up to and including this record (done plus planned before it)
    running: Decimal
    allowed: Decimal


@attrs.frozen
class QuotaLine:
    """One quota for one unit in one period: baseline, allowed, used, planned, left.

    ``baseline`` and ``allowed`` are None when the quota is a share of a
    baseline that has no data for the period (``status`` says ``tanpa_dasar``);
    then no planned record is judged.
    """

    quota: str
    clause: str
    title: str | None
    unit: str
    period: Period
    measure: str
    baseline: Decimal | None
    allowed: Decimal | None
    used: Decimal
    planned: Decimal
    left: Decimal | None
    over: tuple[Over, ...]
    #: ``dalam_kuota``, ``terlampaui`` (done use already over), ``rencana_lebih``
    #: (planned records would go over), ``tanpa_dasar``
    status: str


@attrs.frozen
class TargetLine:
    """A target on a share of records (meetings held hybrid or online) for a unit and period."""

    target: str
    clause: str
    title: str | None
    unit: str
    period: Period
    matching: int
    total: int
    share: Decimal
    wanted: Decimal
    kind: str  # at_least | at_most
    met: bool


@attrs.frozen
class ChecklistFinding:
    """A unit-day with staff in a duty mode and a missing or incomplete checklist (10.a)."""

    duty: str
    clause: str
    unit: str
    date: dt.date
    staff: int
    #: items not recorded as switched off; every item when there is no checklist
    missing: tuple[str, ...]
    checklist: bool


@attrs.frozen
class QuotaResult:
    """Quotas, targets and checklist findings, with what went wrong on the way."""

    quotas: tuple[QuotaLine, ...]
    targets: tuple[TargetLine, ...]
    checklists: tuple[ChecklistFinding, ...]
    warnings: tuple[Diagnostic, ...] = ()


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
class ReportResult:
    """The savings report: a line per unit, period and category, and the warnings."""

    title: str
    circular: str
    periods: tuple[Period, ...]
    lines: tuple[SavingLine, ...]
    warnings: tuple[Diagnostic, ...] = ()

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
