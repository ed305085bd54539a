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

from edaran.checker import check
from edaran.decision import Decision, DecisionError, Explanation, Status
from edaran.diagnostics import Diagnostic, EdaranError, Severity, Span, render, render_all
from edaran.engine import Backend, Circular
from edaran.examples import ExampleResult, run_examples
from edaran.model import CalendarDay, Employee, PositionLevel, Unit, UnitKind, Weekday
from edaran.parser import parse, parse_file
from edaran.roster import Roster, load_roster, read_roster
from edaran.schema import Schema

__version__ = "0.1.0.dev0"

__all__ = [
    "Backend",
    "CalendarDay",
    "Circular",
    "Decision",
    "DecisionError",
    "Diagnostic",
    "EdaranError",
    "Employee",
    "ExampleResult",
    "Explanation",
    "PositionLevel",
    "Roster",
    "Schema",
    "Severity",
    "Span",
    "Status",
    "Unit",
    "UnitKind",
    "Weekday",
    "check",
    "load_roster",
    "parse",
    "parse_file",
    "read_roster",
    "render",
    "render_all",
    "run_examples",
]
