"""Reading data files and publishing results.

Readers: rosters (SIMPEG-like CSV), records (CSV or Excel), contact logs (CSV
or JSON lines), attendance logs (streamed), leave and transfers; every bad
row or cell is a diagnostic naming the file, line and column.
:mod:`edaran.io.publish` holds what every writer shares; :mod:`edaran.io.workbook`
the Excel base (needs ``openpyxl``,
so it is not imported here).  Each name is imported on first use.
"""

from __future__ import annotations

import typing

from edaran.core import lazy

if typing.TYPE_CHECKING:
    from edaran.io.attendance import AttendanceProblems, iter_attendance, read_attendance
    from edaran.io.contacts import merge_contacts, read_contact_logs, read_contacts
    from edaran.io.presence import read_absences, read_transfers
    from edaran.io.publish import require_format, text_table
    from edaran.io.records import RecordsWarning, load_records, read_records
    from edaran.io.roster import Roster, RosterWarning, load_roster, read_roster, read_rows

__all__ = [
    "AttendanceProblems",
    "RecordsWarning",
    "Roster",
    "RosterWarning",
    "iter_attendance",
    "load_records",
    "load_roster",
    "merge_contacts",
    "read_absences",
    "read_attendance",
    "read_contact_logs",
    "read_contacts",
    "read_recalls",
    "read_records",
    "read_roster",
    "read_rows",
    "read_transfers",
    "require_format",
    "text_table",
]

__getattr__ = lazy.lazy_names(
    __name__,
    {
        "AttendanceProblems": "edaran.io.attendance",
        "RecordsWarning": "edaran.io.records",
        "Roster": "edaran.io.roster",
        "RosterWarning": "edaran.io.roster",
        "iter_attendance": "edaran.io.attendance",
        "load_records": "edaran.io.records",
        "load_roster": "edaran.io.roster",
        "merge_contacts": "edaran.io.contacts",
        "read_absences": "edaran.io.presence",
        "read_attendance": "edaran.io.attendance",
        "read_contact_logs": "edaran.io.contacts",
        "read_contacts": "edaran.io.contacts",
        "read_recalls": "edaran.io.presence",
        "read_records": "edaran.io.records",
        "read_roster": "edaran.io.roster",
        "read_rows": "edaran.io.roster",
        "read_transfers": "edaran.io.presence",
        "require_format": "edaran.io.publish",
        "text_table": "edaran.io.publish",
    },
)
