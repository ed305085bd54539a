"""Circulars over time and across regions: comparing two, starting a new one, versions in force."""

from __future__ import annotations

from edaran.variants.diff import ClauseChange, Impact, ImpactSample, diff_clauses, diff_impact
from edaran.variants.lifecycle import newer_versions, overdue, today
from edaran.variants.scaffold import DEFAULT_TEMPLATE, ScaffoldError, scaffold

__all__ = [
    "DEFAULT_TEMPLATE",
    "ClauseChange",
    "Impact",
    "ImpactSample",
    "ScaffoldError",
    "diff_clauses",
    "diff_impact",
    "newer_versions",
    "overdue",
    "scaffold",
    "today",
]
