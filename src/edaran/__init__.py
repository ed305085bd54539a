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

The names here are the front door: the pipeline (``parse``, ``resolve``,
``check``, ``Circular``), results and diagnostics, the workforce model, the
readers, and the domain engines (``schedule``, ``run_discipline``,
``run_quotas``, ``savings_report``).  Each package has a face of its own one
level down (``edaran.scheduling.write_csv``, ``edaran.io.publish``).
Each name is imported on first use, so importing ``edaran`` costs little.
"""

from __future__ import annotations

import importlib
import typing

from edaran.core import version as _version

if typing.TYPE_CHECKING:
    from edaran.core import Diagnostic, EdaranError, Severity, Span, render, render_all
    from edaran.discipline import Breach, DisciplineResult, Sanction, run_discipline
    from edaran.engine import Backend, Circular, Decision, DecisionError, Explanation, Status, check
    from edaran.io import (
        Roster,
        load_records,
        load_roster,
        read_absences,
        read_attendance,
        read_contact_logs,
        read_contacts,
        read_records,
        read_roster,
        read_rows,
        read_transfers,
    )
    from edaran.lang import Program, Schema, keyword_pairs, parse, parse_file, resolve
    from edaran.model import (
        Absence,
        Attendance,
        AttendanceKind,
        CalendarDay,
        Channel,
        Contact,
        CostCategory,
        CostLine,
        Employee,
        EmploymentStatus,
        EnergyChecklist,
        EnergyItem,
        Meeting,
        MeetingForm,
        MeetingKind,
        Period,
        PlanStatus,
        PositionLevel,
        Transfer,
        Trip,
        TripKind,
        Unit,
        UnitKind,
        VehicleKind,
        VehicleUse,
        Weekday,
        WorkCalendar,
    )
    from edaran.quota import QuotaResult, run_quotas
    from edaran.report import Basis, ReportResult, SavingLine, savings_report
    from edaran.scheduling import Assignment, Schedule, Why, schedule
    from edaran.testing import ExampleResult, run_examples
    from edaran.variants import diff_clauses, diff_impact

__version__ = _version.VERSION

__all__ = [
    "Absence",
    "Assignment",
    "Attendance",
    "AttendanceKind",
    "Backend",
    "Basis",
    "Breach",
    "CalendarDay",
    "Channel",
    "Circular",
    "Contact",
    "CostCategory",
    "CostLine",
    "Decision",
    "DecisionError",
    "Diagnostic",
    "DisciplineResult",
    "EdaranError",
    "Employee",
    "EmploymentStatus",
    "EnergyChecklist",
    "EnergyItem",
    "ExampleResult",
    "Explanation",
    "Meeting",
    "MeetingForm",
    "MeetingKind",
    "Period",
    "PlanStatus",
    "PositionLevel",
    "Program",
    "QuotaResult",
    "ReportResult",
    "Roster",
    "Sanction",
    "SavingLine",
    "Schedule",
    "Schema",
    "Severity",
    "Span",
    "Status",
    "Transfer",
    "Trip",
    "TripKind",
    "Unit",
    "UnitKind",
    "VehicleKind",
    "VehicleUse",
    "Weekday",
    "Why",
    "WorkCalendar",
    "check",
    "diff_clauses",
    "diff_impact",
    "keyword_pairs",
    "load_records",
    "load_roster",
    "parse",
    "parse_file",
    "read_absences",
    "read_attendance",
    "read_contact_logs",
    "read_contacts",
    "read_records",
    "read_roster",
    "read_rows",
    "read_transfers",
    "render",
    "render_all",
    "resolve",
    "run_discipline",
    "run_examples",
    "run_quotas",
    "savings_report",
    "schedule",
]

#: public name -> the package face it comes from; imported on first use (PEP 562), so that
#: ``edaran --help`` or a single ``edaran check`` loads only what it needs
_FACES = {
    "Absence": "edaran.model",
    "Assignment": "edaran.scheduling",
    "Backend": "edaran.engine",
    "Basis": "edaran.report",
    "Breach": "edaran.discipline",
    "CalendarDay": "edaran.model",
    "Channel": "edaran.model",
    "Circular": "edaran.engine",
    "Contact": "edaran.model",
    "CostCategory": "edaran.model",
    "CostLine": "edaran.model",
    "Decision": "edaran.engine",
    "DecisionError": "edaran.engine",
    "Diagnostic": "edaran.core",
    "DisciplineResult": "edaran.discipline",
    "EdaranError": "edaran.core",
    "Employee": "edaran.model",
    "EmploymentStatus": "edaran.model",
    "EnergyChecklist": "edaran.model",
    "EnergyItem": "edaran.model",
    "ExampleResult": "edaran.testing",
    "Explanation": "edaran.engine",
    "Meeting": "edaran.model",
    "MeetingForm": "edaran.model",
    "MeetingKind": "edaran.model",
    "Period": "edaran.model",
    "PlanStatus": "edaran.model",
    "PositionLevel": "edaran.model",
    "Program": "edaran.lang",
    "QuotaResult": "edaran.quota",
    "ReportResult": "edaran.report",
    "Roster": "edaran.io",
    "Sanction": "edaran.discipline",
    "SavingLine": "edaran.report",
    "Schedule": "edaran.scheduling",
    "Schema": "edaran.lang",
    "Severity": "edaran.core",
    "Span": "edaran.core",
    "Status": "edaran.engine",
    "Transfer": "edaran.model",
    "Attendance": "edaran.model",
    "AttendanceKind": "edaran.model",
    "Trip": "edaran.model",
    "TripKind": "edaran.model",
    "Unit": "edaran.model",
    "UnitKind": "edaran.model",
    "VehicleKind": "edaran.model",
    "VehicleUse": "edaran.model",
    "Weekday": "edaran.model",
    "Why": "edaran.scheduling",
    "WorkCalendar": "edaran.model",
    "check": "edaran.engine",
    "diff_clauses": "edaran.variants",
    "diff_impact": "edaran.variants",
    "keyword_pairs": "edaran.lang",
    "load_records": "edaran.io",
    "load_roster": "edaran.io",
    "parse": "edaran.lang",
    "parse_file": "edaran.lang",
    "read_absences": "edaran.io",
    "read_attendance": "edaran.io",
    "read_contact_logs": "edaran.io",
    "read_contacts": "edaran.io",
    "read_records": "edaran.io",
    "read_roster": "edaran.io",
    "read_rows": "edaran.io",
    "read_transfers": "edaran.io",
    "render": "edaran.core",
    "render_all": "edaran.core",
    "resolve": "edaran.lang",
    "run_discipline": "edaran.discipline",
    "run_examples": "edaran.testing",
    "run_quotas": "edaran.quota",
    "savings_report": "edaran.report",
    "schedule": "edaran.scheduling",
}


def __getattr__(name: str) -> object:
    face = _FACES.get(name)
    if face is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(face), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
