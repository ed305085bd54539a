"""How quota results read to people: statuses, items, directions, tallies per unit.

The CSV, JSON and Excel writers all import this module, and none of them
imports another writer.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from edaran.core.values import show_value
from edaran.io.publish import (
    plain,
)
from edaran.messages import Lang, has_message, message
from edaran.model.calendar import Period
from edaran.quota.model import QuotaResult, RecordFailure

__all__ = [
    "STATUSES",
    "UnitFindings",
    "counts",
    "date_span",
    "dates_text",
    "direction_text",
    "failure_line",
    "item_text",
    "percent_text",
    "status_text",
    "unit_findings",
    "value_text",
    "values_text",
    "worst_units",
    "yes_no",
]


#: The quota statuses of :class:`~edaran.quota.model.QuotaLine`, in the order summaries show them.
STATUSES = ("dalam_kuota", "terlampaui", "rencana_lebih", "tanpa_dasar")


def status_text(status: str, lang: Lang) -> str:
    """A quota status in words: ``rencana_lebih`` -> ``rencana melebihi kuota``."""
    key = f"status-{status}"
    return message(f"quota.{key}", lang) if has_message(f"quota.{key}") else status


def item_text(item: str, lang: Lang) -> str:
    """A checklist item in words (``lampu`` -> ``lights``); an unknown item as it is."""
    key = f"item-{item}"
    return message(f"quota.{key}", lang) if has_message(f"quota.{key}") else item


def direction_text(kind: str, lang: Lang) -> str:
    """``at_least`` -> ``paling sedikit``; another kind as is."""
    return message(f"quota.{kind}", lang) if kind in ("at_least", "at_most") else kind


def percent_text(share: Decimal) -> str:
    """A fraction as a percentage for people: ``Decimal("0.625")`` -> ``62.5%``."""
    return plain(share * 100) + "%"


def yes_no(value: bool, lang: Lang) -> str:
    """``ya``/``tidak`` (``yes``/``no``)."""
    return message("quota.yes" if value else "quota.no", lang)


# ---------------------------------------------------------------- tallies
def counts(result: QuotaResult) -> dict[str, int]:
    """What the summary counts: quota lines by status, planned records over, targets, findings."""
    status = Counter(q.status for q in result.quotas)
    found: dict[str, int] = {"quotas": len(result.quotas)}
    found.update({s: status[s] for s in STATUSES})
    found["over_records"] = sum(len(q.over) for q in result.quotas)
    found["targets"] = len(result.targets)
    found["targets_missed"] = sum(not t.met for t in result.targets)
    found["checklist_findings"] = len(result.checklists)
    return found


class UnitFindings:
    """What went wrong in one unit (for the summaries)."""

    __slots__ = (
        "code",
        "findings",
        "missed",
        "no_baseline",
        "over",
        "planned",
        "quotas",
        "targets",
    )

    def __init__(self, code: str) -> None:
        self.code = code
        self.quotas = self.over = self.planned = self.no_baseline = 0
        self.targets = self.missed = self.findings = 0

    @property
    def score(self) -> int:
        """Problems in all: quotas over or planned over, targets missed, checklist findings."""
        return self.over + self.planned + self.missed + self.findings


def unit_findings(result: QuotaResult) -> list[UnitFindings]:
    """Per-unit counts, units sorted by code."""
    units: dict[str, UnitFindings] = {}

    def unit(code: str) -> UnitFindings:
        return units.setdefault(code, UnitFindings(code))

    for q in result.quotas:
        u = unit(q.unit)
        u.quotas += 1
        u.over += q.status == "terlampaui"
        u.planned += q.status == "rencana_lebih"
        u.no_baseline += q.status == "tanpa_dasar"
    for t in result.targets:
        u = unit(t.unit)
        u.targets += 1
        u.missed += not t.met
    for f in result.checklists:
        unit(f.unit).findings += 1
    return [units[code] for code in sorted(units)]


def worst_units(result: QuotaResult, count: int = 5) -> list[UnitFindings]:
    """The ``count`` units with the most problems (ties: more quotas over first, then by code)."""
    found = [u for u in unit_findings(result) if u.score]
    found.sort(key=lambda u: (-u.score, -u.over, -u.planned, u.code))
    return found[:count]


def date_span(result: QuotaResult) -> tuple[Period, Period] | None:
    """The first and last period of the result, or None when it is empty."""
    periods = [q.period for q in result.quotas] + [t.period for t in result.targets]
    if not periods:
        return None
    return min(periods, key=lambda p: p.first), max(periods, key=lambda p: p.last)


def dates_text(result: QuotaResult, lang: Lang) -> str:
    span = date_span(result)
    days = [f.date for f in result.checklists]
    if span is not None:
        days += [span[0].first, span[1].last]
    if not days:
        return ""
    return message("quota.sum-dates", lang, first=min(days).isoformat(), last=max(days).isoformat())


# ---------------------------------------------------------------- provisions
def value_text(value: object, lang: Lang) -> str:
    """A value a provision read, as a rule file writes it; a person by NIP."""
    nip = getattr(value, "nip", None)
    if isinstance(nip, str):
        return nip
    return show_value(value, lang)


def values_text(failure: RecordFailure, lang: Lang) -> str:
    """``perjalanan.kelas = BISNIS; perjalanan.lama_terbang = 1 jam 30 menit``."""
    return "; ".join(f"{name} = {value_text(v, lang)}" for name, v in failure.values)


def failure_line(failure: RecordFailure, lang: Lang) -> str:
    """One record failing a provision, for the terminal."""
    return message(
        "quota.sum-record",
        lang,
        kind=failure.kind,
        record=failure.record,
        unit=failure.unit,
        date=failure.date.isoformat(),
        row="-" if failure.row is None else failure.row,
        clause=failure.provision,
        failed="; ".join(failure.failed),
        values=values_text(failure, lang),
    )
