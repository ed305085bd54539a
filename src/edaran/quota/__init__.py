"""Quotas, targets and checklists (butir 7-10.a) against a baseline, and their publishing."""

from __future__ import annotations

from edaran.quota.engine import run_quotas
from edaran.quota.model import ChecklistFinding, Over, QuotaLine, QuotaResult, TargetLine
from edaran.quota.writers import (
    quota_csv,
    quota_json,
    quota_summary,
    write_quota_csv,
    write_quota_xlsx,
)

__all__ = [
    "ChecklistFinding",
    "Over",
    "QuotaLine",
    "QuotaResult",
    "TargetLine",
    "quota_csv",
    "quota_json",
    "quota_summary",
    "run_quotas",
    "write_quota_csv",
    "write_quota_xlsx",
]
