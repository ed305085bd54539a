"""Reading data files and publishing results.

Readers: rosters (SIMPEG-like CSV), records (CSV or Excel), contact logs (CSV
or JSON lines), leave and transfers; every bad row or cell is a diagnostic
naming the file, line and column.  :mod:`edaran.io.publish` holds what every
writer shares; :mod:`edaran.io.workbook` the Excel base (needs ``openpyxl``,
so it is not imported here).
"""

from __future__ import annotations

from edaran.io.contacts import merge_contacts, read_contact_logs, read_contacts
from edaran.io.presence import read_absences, read_transfers
from edaran.io.publish import require_format, text_table
from edaran.io.records import RecordsWarning, load_records, read_records
from edaran.io.roster import Roster, RosterWarning, load_roster, read_roster

__all__ = [
    "RecordsWarning",
    "Roster",
    "RosterWarning",
    "load_records",
    "load_roster",
    "merge_contacts",
    "read_absences",
    "read_contact_logs",
    "read_contacts",
    "read_records",
    "read_roster",
    "read_transfers",
    "require_format",
    "text_table",
]
