"""edaran: Indonesian circulars on civil-servant work arrangements, as rules.

Load a rule file, decide one employee on one day, or a whole roster over a
date range::

    import datetime as dt
    import edaran

    circular = edaran.Circular.load("examples/sumsel-2026/se-800.1-1230-BKD.I-2026.edaran")
    roster = edaran.load_roster("examples/sumsel-2026/roster")
    decision = circular.decide(roster.employees[0], dt.date(2026, 4, 10))
    print(decision.value, decision.clause)
    print(circular.explain(roster.employees[0], dt.date(2026, 4, 10)).render("en"))
"""

from edaran.core.diagnostics import Diagnostic, EdaranError, Severity, Span, render, render_all
from edaran.engine.circular import Backend, Circular, check
from edaran.engine.decision import Decision, DecisionError, Explanation, Status
from edaran.io.records import load_records, read_records
from edaran.io.roster import Roster, load_roster, read_roster
from edaran.lang.parser import parse, parse_file
from edaran.lang.schema import Schema
from edaran.model.records import (
    CostCategory,
    CostLine,
    EnergyChecklist,
    EnergyItem,
    Meeting,
    MeetingForm,
    MeetingKind,
    PlanStatus,
    Trip,
    TripKind,
    VehicleKind,
    VehicleUse,
)
from edaran.model.workforce import CalendarDay, Employee, PositionLevel, Unit, UnitKind, Weekday
from edaran.quota.engine import run_quotas
from edaran.quota.model import QuotaResult
from edaran.report.engine import savings_report
from edaran.report.model import Basis, ReportResult, SavingLine
from edaran.testing.runner import ExampleResult, run_examples

__version__ = "0.1.0.dev0"

__all__ = [
    "Backend",
    "Basis",
    "CalendarDay",
    "Circular",
    "CostCategory",
    "CostLine",
    "Decision",
    "DecisionError",
    "Diagnostic",
    "EdaranError",
    "Employee",
    "EnergyChecklist",
    "EnergyItem",
    "ExampleResult",
    "Explanation",
    "Meeting",
    "MeetingForm",
    "MeetingKind",
    "PlanStatus",
    "PositionLevel",
    "QuotaResult",
    "ReportResult",
    "Roster",
    "SavingLine",
    "Schema",
    "Severity",
    "Span",
    "Status",
    "Trip",
    "TripKind",
    "Unit",
    "UnitKind",
    "VehicleKind",
    "VehicleUse",
    "Weekday",
    "check",
    "load_records",
    "load_roster",
    "parse",
    "parse_file",
    "read_records",
    "read_roster",
    "render",
    "render_all",
    "run_examples",
    "run_quotas",
    "savings_report",
]
