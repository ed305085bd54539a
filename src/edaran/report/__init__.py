"""The savings report (butir 13): what the policy saved per unit, period and category."""

from __future__ import annotations

from edaran.report.engine import savings_report
from edaran.report.model import Basis, ReportResult, SavingLine
from edaran.report.writers import (
    report_csv,
    report_json,
    report_summary,
    write_report_csv,
    write_report_xlsx,
)

__all__ = [
    "Basis",
    "ReportResult",
    "SavingLine",
    "report_csv",
    "report_json",
    "report_summary",
    "savings_report",
    "write_report_csv",
    "write_report_xlsx",
]
