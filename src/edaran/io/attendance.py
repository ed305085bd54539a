"""Attendance logs (presensi): check-in, check-out, daily report and verification events.

An e-attendance application exports one event per row: ``nip, jenis, waktu``
and optionally ``lat, lon, id`` (English ``nip, kind, time, lat, lon, id``).
``jenis`` is ``masuk``, ``pulang``, ``laporan`` or ``verifikasi`` (English
``check_in``, ``check_out``, ``report``, ``verification``, any case).  A file
ending in ``.jsonl``, ``.ndjson`` or ``.jsonlines`` holds one JSON object per
line with the same keys; ``.xlsx``/``.xlsm`` is read from its first sheet;
anything else is read as CSV (``,`` or ``;``, UTF-8).  A time without a zone
takes the rule file's zone (:func:`edaran.io.contacts.parse_timestamp`).

Logs are **streamed**: :func:`iter_attendance` reads a CSV or JSON lines file
line by line and yields each valid event, so a log of millions of events is
never held in memory (an Excel sheet is read whole, within the size guard).
Every problem goes to an :class:`AttendanceProblems` collector with its file,
line and column (a caret under the cell), at most
:data:`~edaran.io.table.MAX_DIAGNOSTICS` of them; a bad row is left out.
A CSV cell may be quoted, but not across lines.  Bad input never raises.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO

import attrs

from edaran.core.diagnostics import Diagnostic, Severity, Source, Span
from edaran.core.suggest import suggest
from edaran.io.cells import BadValue, enum_key
from edaran.io.contacts import JSONL_SUFFIXES, parse_timestamp
from edaran.io.records import EXCEL_SUFFIXES
from edaran.io.roster import Roster
from edaran.io.sheets import cell_text, read_excel
from edaran.io.table import DEFAULT_MAX_BYTES, MAX_DIAGNOSTICS, column_key, file_diagnostic
from edaran.model.attendance import Attendance, AttendanceKind

__all__ = [
    "ATTENDANCE_COLUMNS",
    "KIND_WORDS",
    "AttendanceProblems",
    "iter_attendance",
    "read_attendance",
]

#: The columns (CSV, Excel) or keys (JSON lines) of an attendance log, in Indonesian.
ATTENDANCE_COLUMNS = ("nip", "jenis", "waktu", "lat", "lon", "id")
_REQUIRED = ("nip", "jenis", "waktu")
_datetime = dt.datetime  # read per event: one name lookup less
_ALIASES = {
    "kind": "jenis",
    "time": "waktu",
    "timestamp": "waktu",
    "latitude": "lat",
    "longitude": "lon",
    "lintang": "lat",
    "bujur": "lon",
}
_KNOWN = {**{name: name for name in ATTENDANCE_COLUMNS}, **_ALIASES}

#: Accepted spellings of ``jenis`` (by :func:`enum_key`: any case, spaces = ``_``).
KIND_WORDS: Mapping[str, AttendanceKind] = {
    **{word: AttendanceKind.MASUK for word in ("masuk", "check_in", "checkin", "datang")},
    **{word: AttendanceKind.PULANG for word in ("pulang", "check_out", "checkout", "keluar")},
    **{word: AttendanceKind.LAPORAN for word in ("laporan", "report", "laporan_harian")},
    **{word: AttendanceKind.VERIFIKASI for word in ("verifikasi", "verification", "verified")},
}


class _RowSource(Source):
    """The text of one row of a streamed file: enough to draw a caret under a cell."""

    def __init__(self, name: str, number: int, text: str) -> None:
        super().__init__(name, text)
        object.__setattr__(self, "_number", number)

    def line_text(self, line: int) -> str:
        return self.text if line == self._number else ""  # type: ignore[attr-defined]  # set above


@attrs.define
class AttendanceProblems:
    """The diagnostics of an attendance read: file problems, then bad rows (capped).

    ``severity`` is that of a bad row: an error (refuse the log) unless rows
    may be skipped.  ``bad`` counts the rows left out, per file.
    """

    severity: Severity = Severity.ERROR
    found: list[Diagnostic] = attrs.field(factory=list)
    hidden: int = 0
    bad: dict[str, int] = attrs.field(factory=dict)

    def add(self, diagnostic: Diagnostic) -> None:
        """Keep a diagnostic, or count it once :data:`MAX_DIAGNOSTICS` are kept."""
        if len(self.found) < MAX_DIAGNOSTICS:
            self.found.append(diagnostic)
        else:
            self.hidden += 1

    def all(self) -> list[Diagnostic]:
        """Every diagnostic kept, with the closing notes (rows not shown, rows skipped)."""
        found = list(self.found)
        if self.hidden:
            args = {"count": self.hidden, "limit": MAX_DIAGNOSTICS}
            found.append(Diagnostic("D036", None, args, Severity.NOTE))
        if self.severity is Severity.WARNING:
            for path, count in self.bad.items():
                if count:
                    found.append(
                        file_diagnostic("D106", path, {"count": count}, severity=Severity.WARNING)
                    )
        return found

    @property
    def failed(self) -> bool:
        """True when a diagnostic is an error: the log must be refused."""
        return any(d.is_error for d in self.found)


class _Row:
    """One row with its cells by column, and where each cell stands."""

    __slots__ = ("cells", "columns", "delimiter", "number", "path", "spans", "text")

    def __init__(self, path: str, number: int, text: str, cells: dict[str, str]) -> None:
        self.path = path
        self.number = number
        self.text = text
        self.cells = cells
        self.spans: dict[str, tuple[int, int, int]] = {}  # column -> (start, end, index)
        self.columns: Mapping[str, int] = {}  # a CSV row's: its spans are found when needed
        self.delimiter = ","

    def where(self, name: str) -> tuple[Span, dict[str, Any]]:
        if self.columns and not self.spans:
            bounds = _bounds(self.text, self.delimiter)
            for column, index in self.columns.items():
                if index < len(bounds):
                    self.spans[column] = (*bounds[index], index + 1)
        start, end, index = self.spans.get(name, (0, len(self.text), 0))
        source = _RowSource(self.path, self.number, self.text)
        end = max(end, start + 1)
        span = Span(source, start + 1, end + 1, self.number, start + 1, self.number, end + 1)
        return span, {"column": name, "index": index}


class _Checker:
    """Turns rows into events, reporting each problem of a row."""

    def __init__(self, roster: Roster | None, tz: Any, problems: AttendanceProblems) -> None:
        self.roster = roster
        self.tz = tz
        self.problems = problems
        self._nips: dict[str, str | None] = {}
        self._kinds: dict[str, AttendanceKind] = {}

    def _report(
        self, row: _Row, name: str, code: str, args: Mapping[str, Any], **more: Any
    ) -> None:
        span, where = row.where(name)
        self.problems.add(Diagnostic(code, span, {**where, **args}, self.problems.severity, **more))

    def fast(self, cells: list[str], places: tuple[int, ...]) -> Attendance | None:
        """The event of a clean row, or None to read it the careful way (:meth:`event`).

        ``places`` are the indexes of :data:`ATTENDANCE_COLUMNS` (-1: absent).
        """
        at_nip, at_kind, at_time, at_lat, at_lon, at_id = places
        try:
            nip, text, when = cells[at_nip], cells[at_kind], cells[at_time]
            lat_text = cells[at_lat] if at_lat >= 0 else ""
            lon_text = cells[at_lon] if at_lon >= 0 else ""
            ident = cells[at_id] if at_id >= 0 else ""
        except IndexError:
            return None
        kind = self._kinds.get(text)
        if kind is None:
            kind = KIND_WORDS.get(enum_key(text)) if text else None
            if kind is None:
                return None
            self._kinds[text] = kind
        if self._nips.get(nip) is None and self._nip_known(nip) is None:
            return None
        at: dt.datetime | None
        try:
            if len(when) == 16 and when[10] == " " and when[4] == "-":  # 2027-04-05 07:45
                at = _datetime.fromisoformat(when).replace(tzinfo=self.tz)
            else:
                at = parse_timestamp(when, self.tz) if when else None
        except (BadValue, ValueError):
            return None
        if at is None or bool(lat_text) != bool(lon_text):
            return None
        lat = lon = None
        if lat_text:
            try:
                lat, lon = float(lat_text), float(lon_text)
            except ValueError:
                return None
            if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
                return None
        return Attendance(nip, kind, at, lat, lon, ident)

    def _nip_known(self, text: str) -> str | None:
        if text not in self._nips and text and text == text.strip():
            known = self.roster is None or self.roster.by_nip(text) is not None
            self._nips[text] = text if known else None
        return self._nips.get(text)

    def event(self, row: _Row) -> Attendance | None:
        cells = row.cells
        ok = True
        for name in _REQUIRED:
            if not cells.get(name):
                self._report(row, name, "D020", {})
                ok = False
        nip = self._nip(row, cells.get("nip", ""))
        text = cells.get("jenis", "")
        kind = KIND_WORDS.get(enum_key(text)) if text else None
        if text and kind is None:
            hints = tuple(suggest(enum_key(text), KIND_WORDS, n=1))
            self._report(row, "jenis", "D101", {"value": text}, suggestions=hints)
            ok = False
        at = None
        if cells.get("waktu"):
            try:
                at = parse_timestamp(cells["waktu"], self.tz)
            except BadValue as err:
                self._report(row, "waktu", err.code, err.args_)
                ok = False
        lat, lon = self._coordinate(row, "lat", 90.0), self._coordinate(row, "lon", 180.0)
        if isinstance(lat, BadValue) or isinstance(lon, BadValue):
            return None
        if (lat is None) != (lon is None):
            self._report(row, "lon" if lon is None else "lat", "D103", {})
            return None
        if not ok or nip is None or kind is None or at is None:
            return None
        return Attendance(nip, kind, at, lat, lon, cells.get("id", ""))

    def _nip(self, row: _Row, text: str) -> str | None:
        if not text:
            return None
        if text not in self._nips:
            known = self.roster is None or self.roster.by_nip(text) is not None
            self._nips[text] = text if known else None
        found = self._nips[text]
        if found is None:
            self._report(row, "nip", "D041", {"nip": text})
        return found

    def _coordinate(self, row: _Row, name: str, limit: float) -> float | BadValue | None:
        text = row.cells.get(name, "")
        if not text:
            return None
        try:
            value = float(text.replace(",", ".")) if text.count(",") <= 1 else math.nan
        except ValueError:
            value = math.nan
        if not (math.isfinite(value) and -limit <= value <= limit):
            err = BadValue("D102", {"value": text, "limit": int(limit)})
            self._report(row, name, err.code, err.args_)
            return err
        return value


# -- formats ---------------------------------------------------------------------------------


def _header(
    path: str, number: int, text: str, names: list[str], problems: AttendanceProblems
) -> dict[str, int] | None:
    """Column name -> index, or None after reporting a missing required column."""
    columns: dict[str, int] = {}
    for index, heading in enumerate(names):
        canonical = _KNOWN.get(column_key(heading))
        if canonical is not None and canonical not in columns:
            columns[canonical] = index
    missing = [name for name in _REQUIRED if name not in columns]
    for name in missing:
        expected = ", ".join(ATTENDANCE_COLUMNS)
        found = file_diagnostic("D100", path, {"column": name, "expected": expected}, number, text)
        problems.add(found)
    return None if missing else columns


def _open(
    path: Path, name: str, problems: AttendanceProblems, newline: str | None = None
) -> TextIO | None:
    """The log opened for reading (a BOM dropped), or None with D001/D002 in ``problems``."""
    try:
        return path.open("r", encoding="utf-8-sig", newline=newline)
    except FileNotFoundError:
        problems.add(file_diagnostic("D001", name, {"path": name}))
    except OSError as err:
        problems.add(file_diagnostic("D002", name, {"reason": err.strerror or str(err)}))
    return None


def _csv_events(
    path: Path, name: str, problems: AttendanceProblems, checker: _Checker
) -> Iterator[Attendance]:
    handle = _open(path, name, problems, newline="")
    if handle is None:
        return
    number = 0
    with handle:
        try:
            columns: dict[str, int] | None = None
            delimiter = ","
            places: tuple[int, ...] = ()
            for number, raw in enumerate(handle, start=1):
                text = raw.rstrip("\r\n")
                if "\x00" in text:
                    problems.add(file_diagnostic("D005", name, {}, number))
                    return
                if not text.strip():
                    continue
                if columns is None:
                    delimiter = ";" if text.count(";") > text.count(",") else ","
                    columns = _header(name, number, text, _split(text, delimiter), problems)
                    if columns is None:
                        return
                    places = tuple(columns.get(c, -1) for c in ATTENDANCE_COLUMNS)
                    continue
                cells = _split(text, delimiter)
                event = checker.fast(cells, places)
                if event is None:  # not the common case of a clean row: read it with care
                    row = _Row(name, number, text, {})
                    row.columns, row.delimiter = columns, delimiter
                    for column, index in columns.items():
                        if index < len(cells):
                            row.cells[column] = cells[index].strip()
                    event = _checked(row, checker, problems)
                if event is not None:
                    yield event
        except UnicodeDecodeError:
            problems.add(file_diagnostic("D105", name, {"line": number + 1}, number + 1))
            return
    if number == 0:
        problems.add(file_diagnostic("D007", name, {}, severity=Severity.WARNING))


def _split(text: str, delimiter: str) -> list[str]:
    if '"' not in text:
        return text.split(delimiter)
    return next(csv.reader([text], delimiter=delimiter), [])


def _bounds(text: str, delimiter: str) -> list[tuple[int, int]]:
    """Where each cell of a line starts and ends (quotes inside a cell honoured)."""
    bounds, start, quoted = [], 0, False
    for i, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            bounds.append((start, i))
            start = i + 1
    bounds.append((start, len(text)))
    return bounds


def _jsonl_rows(path: Path, name: str, problems: AttendanceProblems) -> Iterator[_Row]:
    handle = _open(path, name, problems)
    if handle is None:
        return
    number = 0
    with handle:
        try:
            for number, raw in enumerate(handle, start=1):
                text = raw.rstrip("\r\n")
                if text.strip():
                    yield _json_row(name, number, text, problems)
        except UnicodeDecodeError:
            problems.add(file_diagnostic("D105", name, {"line": number + 1}, number + 1))


def _json_row(name: str, number: int, text: str, problems: AttendanceProblems) -> _Row:
    row = _Row(name, number, text, {})
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        value = None
    if not isinstance(value, dict):
        row.cells["_bad"] = "1"
        return row
    for key, cell in value.items():
        canonical = _KNOWN.get(column_key(str(key)))
        if canonical is None:
            continue
        if isinstance(cell, bool) or not isinstance(cell, str | int | float | type(None)):
            row.cells["_bad"] = "1"
            continue
        row.cells[canonical] = "" if cell is None else str(cell).strip()
        quoted = json.dumps(key, ensure_ascii=False)
        start = text.find(quoted)
        if start >= 0:
            row.spans[canonical] = (start, start + len(quoted), 0)
    return row


def _excel_rows(
    path: Path, name: str, problems: AttendanceProblems, max_bytes: int
) -> Iterator[_Row]:
    sheet, found = read_excel(path, _KNOWN, _REQUIRED, max_bytes)
    for diagnostic in found:
        if diagnostic.code == "D011":  # a required column: the same words as a CSV file's
            args = {"column": diagnostic.args["column"], "expected": ", ".join(ATTENDANCE_COLUMNS)}
            diagnostic = attrs.evolve(diagnostic, code="D100", args=args)
        problems.add(diagnostic)
    if sheet is None:
        return
    for line in sheet.lines:
        text = " | ".join(cell_text(line.values.get(c)) for c in sheet.columns)
        row = _Row(name, line.number, text, {})
        for column in sheet.columns:
            row.cells[column] = cell_text(line.values.get(column))
        yield row


def iter_attendance(
    paths: str | Path | Iterable[str | Path],
    *,
    tz: Any,
    problems: AttendanceProblems,
    roster: Roster | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Attendance]:
    """The valid events of one or more attendance logs, in file order, streamed.

    Every problem goes to ``problems``; a bad row is left out and counted in
    ``problems.bad``.  With ``roster``, every NIP must be in it (D041).
    """
    names = [paths] if isinstance(paths, str | Path) else list(paths)
    for item in names:
        path, name = Path(item), str(item)
        problems.bad.setdefault(name, 0)
        lowered = name.casefold()
        checker = _Checker(roster, tz, problems)
        if lowered.endswith(JSONL_SUFFIXES):
            rows: Iterator[_Row] = _jsonl_rows(path, name, problems)
        elif lowered.endswith(EXCEL_SUFFIXES):
            rows = _excel_rows(path, name, problems, max_bytes)
        else:
            yield from _csv_events(path, name, problems, checker)
            continue
        for row in rows:
            event = _checked(row, checker, problems)
            if event is not None:
                yield event


def _checked(row: _Row, checker: _Checker, problems: AttendanceProblems) -> Attendance | None:
    """The event of a row, or None after reporting its problems and counting it bad."""
    if "_bad" in row.cells:
        span, _ = row.where("")
        problems.add(Diagnostic("D104", span, {}, problems.severity))
        event = None
    else:
        event = checker.event(row)
    if event is None:
        problems.bad[row.path] = problems.bad.get(row.path, 0) + 1
    return event


def read_attendance(
    paths: str | Path | Iterable[str | Path],
    *,
    tz: Any,
    roster: Roster | None = None,
    skip_bad_rows: bool = False,
) -> tuple[list[Attendance], list[Diagnostic]]:
    """Every valid event of the logs as a list, and every problem (small logs, tests).

    Without ``skip_bad_rows`` a bad row is an error: refuse the log if any
    diagnostic is one.  With it, bad rows are warnings and D106 counts them.
    """
    problems = AttendanceProblems(Severity.WARNING if skip_bad_rows else Severity.ERROR)
    events = list(iter_attendance(paths, tz=tz, problems=problems, roster=roster))
    return events, problems.all()
