"""The workforce and the calendar the rules read: employees, units, records, days and windows.

A developer who needs more facts subclasses these attrs classes and adds
fields; the checker derives what a rule may read from them.
"""

from __future__ import annotations

from edaran.model.attendance import Attendance, AttendanceKind, distance_m
from edaran.model.calendar import (
    WINDOW_KINDS,
    ZONES,
    Period,
    Windows,
    WorkCalendar,
    evaluation_period,
    months_of,
    zone,
)
from edaran.model.records import (
    COST_UNITS,
    QUANTITY_UNITS,
    CostCategory,
    CostLine,
    EnergyChecklist,
    EnergyItem,
    Meeting,
    MeetingForm,
    MeetingKind,
    PeriodFacts,
    PlanStatus,
    Trip,
    TripKind,
    VehicleKind,
    VehicleUse,
)
from edaran.model.workforce import (
    Absence,
    CalendarDay,
    Channel,
    Contact,
    Employee,
    EmploymentStatus,
    PlanRow,
    PositionLevel,
    Recall,
    Transfer,
    Unit,
    UnitKind,
    Weekday,
)

__all__ = [
    "COST_UNITS",
    "QUANTITY_UNITS",
    "WINDOW_KINDS",
    "ZONES",
    "Absence",
    "Attendance",
    "AttendanceKind",
    "CalendarDay",
    "Channel",
    "Contact",
    "CostCategory",
    "CostLine",
    "Employee",
    "EmploymentStatus",
    "EnergyChecklist",
    "EnergyItem",
    "Meeting",
    "MeetingForm",
    "MeetingKind",
    "Period",
    "PeriodFacts",
    "PlanRow",
    "PlanStatus",
    "PositionLevel",
    "Recall",
    "Transfer",
    "Trip",
    "TripKind",
    "Unit",
    "UnitKind",
    "VehicleKind",
    "VehicleUse",
    "Weekday",
    "Windows",
    "WorkCalendar",
    "distance_m",
    "evaluation_period",
    "months_of",
    "zone",
]
