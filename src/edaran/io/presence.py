"""Who is there on a day: leave (cuti), transfers (mutasi), recalls (panggilan) and plans.

Each file is CSV or an Excel workbook (``rencana.xlsx``, ``panggilan.xlsx#Maret``:
the first sheet, or the one named after ``#``) with the same columns.

``cuti.csv``: ``nip, mulai, sampai`` (English ``nip, from, to``) — one absence
per row, both days included.  ``mutasi.csv``: ``nip, tanggal, unit``
(``nip, date, unit``) — the employee works in ``unit`` from ``tanggal`` on.
``panggilan.csv``: ``nip`` or ``unit``, ``tanggal``, ``alasan`` (``nip`` or
``unit``, ``date``, ``reason``) — the person, or everyone in the unit and the
units under it, is called to the office that day for the reason given.
New hires and leavers are the roster's own optional ``mulai_tugas`` and
``selesai_tugas`` columns.  Every bad row is reported with its line and
column; the valid rows are kept.  Each reader also takes the file's bytes
(``data=``, a CSV text the HTTP service builds from JSON rows): the disk is
then not read, and ``path`` is only the name diagnostics and sources give.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from edaran.core.diagnostics import Diagnostic, Span
from edaran.core.suggest import suggest
from edaran.io.cells import BadValue, parse_date
from edaran.io.roster import EXCEL_SUFFIXES, Roster, _cell_text, split_sheet
from edaran.io.sheets import SheetTable, read_excel
from edaran.io.table import DEFAULT_MAX_BYTES, Row, Table, column_key, read_table
from edaran.model.workforce import Absence, PlanRow, Recall, Transfer

__all__ = ["read_absences", "read_plan", "read_recalls", "read_transfers"]

_ALIASES = {
    "from": "mulai",
    "to": "sampai",
    "date": "tanggal",
    "reason": "alasan",
    "mode": "moda",
}


def _read(
    path: str | Path,
    required: tuple[str, ...],
    optional: tuple[str, ...] = (),
    data: bytes | None = None,
) -> tuple[Table | None, list[Diagnostic]]:
    """The file as a table: a CSV file, or a sheet of a workbook (``rencana.xlsx``, or
    ``rencana.xlsx#Sheet``) with the same columns and the same diagnostics by row.
    With ``data``, those bytes are the CSV file's (the disk is not read)."""
    if data is not None:
        return read_table(path, required, optional, aliases=_ALIASES, data=data)
    target, sheet = split_sheet(path)
    if not str(target).casefold().endswith(EXCEL_SUFFIXES):
        return read_table(path, required, optional, aliases=_ALIASES)
    known = {column_key(c): c for c in (*required, *optional)} | _ALIASES
    found, problems = read_excel(target, known, required, DEFAULT_MAX_BYTES, sheet)
    if found is None:
        return None, problems
    return SheetTable.of(found, _cell_text), problems


def _date(table: Table, row: Row, column: str, found: list[Diagnostic]) -> dt.date | None:
    text = table.cell(row, column)
    try:
        return parse_date(text)
    except (BadValue, ValueError):
        span, args = table.where(row, column)
        found.append(Diagnostic("D018", span, {**args, "value": text}))
        return None


def _nip(table: Table, row: Row, roster: Roster, found: list[Diagnostic]) -> str | None:
    nip = table.cell(row, "nip").replace(" ", "")
    if roster.by_nip(nip) is None:
        span, args = table.where(row, "nip")
        found.append(Diagnostic("D041", span, {**args, "nip": nip}))
        return None
    return nip


def read_absences(
    path: str | Path, roster: Roster, *, data: bytes | None = None
) -> tuple[list[Absence], list[Diagnostic]]:
    """Leave records from ``cuti.csv``; every valid row, and every problem."""
    table, found = _read(path, ("nip", "mulai", "sampai"), data=data)
    if table is None:
        return [], found
    absences = []
    for row in table.rows:
        nip = _nip(table, row, roster, found)
        first, last = _date(table, row, "mulai", found), _date(table, row, "sampai", found)
        if nip is None or first is None or last is None:
            continue
        if last < first:
            span, args = table.where(row, "sampai")
            found.append(Diagnostic("D042", span, {**args, "first": first, "last": last}))
            continue
        absences.append(Absence(nip, first, last))
    return absences, found


def read_transfers(
    path: str | Path, roster: Roster, *, data: bytes | None = None
) -> tuple[list[Transfer], list[Diagnostic]]:
    """Transfers from ``mutasi.csv``; the target unit must be in the roster."""
    table, found = _read(path, ("nip", "tanggal", "unit"), data=data)
    if table is None:
        return [], found
    transfers = []
    for row in table.rows:
        nip = _nip(table, row, roster, found)
        date = _date(table, row, "tanggal", found)
        code = table.cell(row, "unit")
        unit = roster.units.get(code)
        if unit is None:
            span, args = table.where(row, "unit")
            hints = tuple(suggest(code, roster.units))
            found.append(Diagnostic("D023", span, {**args, "code": code}, suggestions=hints))
        if nip is None or date is None or unit is None:
            continue
        transfers.append(Transfer(nip, date, unit))
    return transfers, found


def read_recalls(
    path: str | Path, roster: Roster, *, data: bytes | None = None
) -> tuple[list[Recall], list[Diagnostic]]:
    """Recalls from ``panggilan.csv``: one person or one unit per row, a day and a reason.

    A row naming both a person and a unit, or neither, is D080; a row without
    a reason is D081 (the reason is what the schedule shows for that day).
    """
    table, found = _read(path, ("tanggal", "alasan"), ("nip", "unit"), data=data)
    if table is None:
        return [], found
    if not table.has("nip") and not table.has("unit"):
        found.append(Diagnostic("D080", Span.at_line(table.source, 1), {}))
        return [], found
    recalls = []
    for row in table.rows:
        date = _date(table, row, "tanggal", found)
        reason = table.cell(row, "alasan")
        whom = _whom(table, row, roster, found, "D080")
        if whom is None:
            continue
        nip_text, nip, code = whom
        if not reason:
            span, args = table.where(row, "alasan")
            found.append(Diagnostic("D081", span, args))
            continue
        if date is None or (nip_text and nip is None):
            continue
        span, _args = table.where(row, "tanggal")
        source = f"{span.path}:{span.line}"
        recalls.append(Recall(date, reason, nip, code or None, source))
    return recalls, found


def read_plan(
    path: str | Path, roster: Roster, *, data: bytes | None = None
) -> tuple[list[PlanRow], list[Diagnostic]]:
    """A unit's plan from ``rencana.csv``: one person or one unit per row, a day and a mode.

    A row naming both a person and a unit, or neither, is D086.  Whether the
    mode is one the circular knows, and one the rules allow, is checked with
    the circular (:func:`edaran.scheduling.plan.check_plan`).
    """
    table, found = _read(path, ("tanggal", "moda"), ("nip", "unit"), data=data)
    if table is None:
        return [], found
    if not table.has("nip") and not table.has("unit"):
        found.append(Diagnostic("D086", Span.at_line(table.source, 1), {}))
        return [], found
    rows = []
    for row in table.rows:
        date = _date(table, row, "tanggal", found)
        whom = _whom(table, row, roster, found, "D086")
        if whom is None:
            continue
        nip_text, nip, code = whom
        if date is None or (nip_text and nip is None):
            continue
        span, _args = table.where(row, "moda")
        source = f"{span.path}:{span.line}"
        mode = table.cell(row, "moda").upper()
        rows.append(PlanRow(date, mode, nip, code or None, source, span))
    return rows, found


def _whom(
    table: Table, row: Row, roster: Roster, found: list[Diagnostic], neither_or_both: str
) -> tuple[str, str | None, str] | None:
    """The person or unit a recall or plan row names: ``(NIP as written, NIP, unit code)``,
    or None after a diagnostic: ``neither_or_both`` (D080, D086) for a row naming both or
    neither, D023 for an unknown unit (a bad NIP is reported by ``_nip`` and gives None)."""
    nip_text = table.cell(row, "nip").replace(" ", "") if table.has("nip") else ""
    code = table.cell(row, "unit") if table.has("unit") else ""
    if bool(nip_text) == bool(code):
        span, args = table.where(row, "nip" if table.has("nip") else "unit")
        found.append(Diagnostic(neither_or_both, span, args))
        return None
    nip = _nip(table, row, roster, found) if nip_text else None
    if code and code not in roster.units:
        span, args = table.where(row, "unit")
        hints = tuple(suggest(code, roster.units))
        found.append(Diagnostic("D023", span, {**args, "code": code}, suggestions=hints))
        return None
    return nip_text, nip, code
