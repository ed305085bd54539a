"""What the quota and report engines produce (butir 7, 8, 9, 10.a and 13).

Plain attrs records, so writers (CSV, JSON, Excel, the terminal) and callers
read them without knowing how they were computed.  Money is
:class:`~decimal.Decimal` in whole rupiah; a quantity keeps its unit
(``satuan``).  Every line cites its clause.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

import attrs

from edaran.core.diagnostics import Diagnostic
from edaran.io.publish import Published, provenance
from edaran.model.calendar import Period

__all__ = [
    "ChecklistFinding",
    "Over",
    "QuotaLine",
    "QuotaResult",
    "RecordFailure",
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
class RecordFailure:
    """A record that meets a provision's conditions and fails one of its ``harus`` lines."""

    provision: str
    clause: str
    title: str | None
    kind: str
    record: str
    unit: str
    date: dt.date
    #: the row of the record's file (None when the record was not read from a file)
    row: int | None
    #: the ``harus`` lines that failed, as written
    failed: tuple[str, ...]
    #: the facts those lines read, as written (``perjalanan.kelas``), and their values
    values: tuple[tuple[str, object], ...]


@attrs.frozen
class QuotaResult(Published):
    """Quotas, targets, checklist findings and records failing a provision, with the warnings."""

    quotas: tuple[QuotaLine, ...]
    targets: tuple[TargetLine, ...]
    checklists: tuple[ChecklistFinding, ...]
    warnings: tuple[Diagnostic, ...] = ()
    #: where the result comes from (:func:`edaran.io.publish.provenance`)
    provenance: Mapping[str, str | None] = attrs.field(factory=provenance, eq=False)
    #: records that fail a per-record rule (``ketentuan``)
    records: tuple[RecordFailure, ...] = ()
    _parts = ("quotas", "targets", "checklists", "records")
