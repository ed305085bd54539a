"""Schedules: eligibility into assignments that meet a circular's caps, floors and limits.

The writers (CSV, JSON, Excel, iCalendar, a terminal summary) live one level
down: ``edaran.scheduling.write_csv`` and the rest.
"""

from __future__ import annotations

from edaran.scheduling.model import Assignment, Schedule, Why
from edaran.scheduling.presentation import assignment_reason
from edaran.scheduling.recalls import apply_recalls, recall_for
from edaran.scheduling.scheduler import FALLBACK, ON_LEAVE, schedule
from edaran.scheduling.summary import first_period, summarize, summary_table
from edaran.scheduling.writers import summary_text, write_csv, write_ics, write_json, write_xlsx

__all__ = [
    "FALLBACK",
    "ON_LEAVE",
    "Assignment",
    "Schedule",
    "Why",
    "apply_recalls",
    "assignment_reason",
    "first_period",
    "recall_for",
    "schedule",
    "summarize",
    "summary_table",
    "summary_text",
    "write_csv",
    "write_ics",
    "write_json",
    "write_xlsx",
]
