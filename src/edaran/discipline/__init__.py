"""Discipline (butir 10.b-d): a contact log into breaches and sanctions, and their publishing."""

from __future__ import annotations

from edaran.discipline.engine import Breach, DisciplineResult, Sanction, Skipped, run_discipline
from edaran.discipline.presentation import Explainer
from edaran.discipline.writers import (
    person_history,
    summary_text,
    write_breaches_csv,
    write_json,
    write_sanctions_csv,
    write_xlsx,
)

__all__ = [
    "Breach",
    "DisciplineResult",
    "Explainer",
    "Sanction",
    "Skipped",
    "person_history",
    "run_discipline",
    "summary_text",
    "write_breaches_csv",
    "write_json",
    "write_sanctions_csv",
    "write_xlsx",
]
