"""What a request brings: fields of a JSON body, dates, and data files as the readers read them.

Rosters, contact logs, attendance logs, records, leave, transfers, recalls
and plans arrive as JSON rows (objects whose keys
are the columns of ``docs/data-formats.md``; figures as JSON numbers or
plain digits with a decimal point) or, for a roster, as an uploaded CSV or
Excel file.  They go through the same readers as files on disk (every
check, every diagnostic), under the name the caller sees (``roster.csv``,
``kontak.jsonl``, ``panggilan.csv``): a roster, leave, transfers, recalls
and a plan are read from memory; a contact log, an attendance log and
records are written first into a private temporary folder whose path is
taken out of every diagnostic, so nothing about the server's disk reaches
a response.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import tempfile
import zipfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs

from edaran.core.diagnostics import Diagnostic, Source, Span
from edaran.io.attendance import read_attendance
from edaran.io.contacts import read_contacts
from edaran.io.presence import read_absences, read_plan, read_recalls, read_transfers
from edaran.io.records import read_records
from edaran.io.roster import Roster, read_roster
from edaran.messages import Localized
from edaran.model.attendance import Attendance
from edaran.model.workforce import Contact
from edaran.service.errors import ServiceError

__all__ = [
    "PRESENCE_FILES",
    "ROSTER_FILE",
    "Body",
    "file_names_only",
    "parse_json",
    "read_attendance_rows",
    "read_contact_rows",
    "read_presence_rows",
    "read_record_rows",
    "roster_from_rows",
    "roster_from_upload",
]

T = TypeVar("T")

#: The name a roster sent as JSON rows is known by in diagnostics.
ROSTER_FILE = "roster.csv"
#: What a JSON value may be inside a row: it becomes one CSV cell.
_CELL = str | int | float | bool | None
#: The request fields of leave, transfers, recalls and a plan: the file each is read as,
#: and its reader (:mod:`edaran.io.presence`).
PRESENCE_FILES: Mapping[str, tuple[str, Callable[..., tuple[list[Any], list[Diagnostic]]]]] = {
    "absences": ("cuti.csv", read_absences),
    "transfers": ("mutasi.csv", read_transfers),
    "recalls": ("panggilan.csv", read_recalls),
    "plan": ("rencana.csv", read_plan),
}


def parse_json(data: bytes) -> dict[str, Any]:
    """A request body as a JSON object, or E600/E601."""
    try:
        value = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise ServiceError(400, "E600", reason="not UTF-8", line=1, column=err.start + 1) from None
    except json.JSONDecodeError as err:
        raise ServiceError(400, "E600", reason=err.msg, line=err.lineno, column=err.colno) from None
    if not isinstance(value, dict):
        raise ServiceError(400, "E601", field="(body)", expected=Localized("service.an-object"))
    return value


@attrs.define
class Body:
    """A JSON body with typed getters: each wrong or missing field is one clear error."""

    data: Mapping[str, Any]

    def text(self, field: str, default: str | None = None) -> str:
        value = self.data.get(field, default)
        if value is None:
            raise ServiceError(400, "E602", field=field)
        if not isinstance(value, str):
            raise ServiceError(400, "E601", field=field, expected=Localized("service.a-string"))
        return value

    def flag(self, field: str) -> bool:
        """A yes/no field, false when absent."""
        value = self.data.get(field, False)
        if not isinstance(value, bool):
            raise ServiceError(400, "E601", field=field, expected=Localized("service.a-boolean"))
        return value

    def optional_text(self, field: str) -> str | None:
        return self.text(field) if self.data.get(field) is not None else None

    def date(self, field: str, default: dt.date | None = None) -> dt.date:
        value = self.data.get(field)
        if value is None:
            if default is None:
                raise ServiceError(400, "E602", field=field)
            return default
        try:
            return dt.date.fromisoformat(self.text(field))
        except ValueError:
            raise ServiceError(400, "E607", field=field, value=str(value)[:40]) from None

    def optional_date(self, field: str) -> dt.date | None:
        return self.date(field) if self.data.get(field) is not None else None

    def rows(self, field: str, *, required: bool = True) -> list[dict[str, _CELL]] | None:
        """A list of rows: objects whose values are strings, numbers, booleans or nulls."""
        value = self.data.get(field)
        if value is None:
            if required:
                raise ServiceError(400, "E602", field=field)
            return None
        if not isinstance(value, list):
            raise ServiceError(400, "E601", field=field, expected=Localized("service.a-list"))
        for index, row in enumerate(value):
            if not isinstance(row, dict) or not all(isinstance(v, _CELL) for v in row.values()):
                where = f"{field}[{index}]"
                raise ServiceError(400, "E601", field=where, expected=Localized("service.a-row"))
        return value

    def obj(self, field: str) -> Body:
        value = self.data.get(field)
        if value is None:
            raise ServiceError(400, "E602", field=field)
        if not isinstance(value, dict):
            raise ServiceError(400, "E601", field=field, expected=Localized("service.an-object"))
        return Body(value)

    def numbers(self, field: str) -> list[int] | None:
        value = self.data.get(field)
        if value is None:
            return None
        if not isinstance(value, list) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in value
        ):
            raise ServiceError(400, "E601", field=field, expected=Localized("service.a-number"))
        return value


# ---------------------------------------------------------------- rows into files
def _cell(value: _CELL) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    return str(value)


def _csv(rows: Sequence[Mapping[str, _CELL]]) -> str:
    columns = list(dict.fromkeys(key for row in rows for key in row))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return buffer.getvalue()


class _Renamed(Source):
    """A source under another name, its lines read from the original (a streamed log's
    source knows the text of its one row only)."""

    def __init__(self, name: str, original: Source) -> None:
        super().__init__(name, original.text)
        object.__setattr__(self, "_original", original)

    def line_text(self, line: int) -> str:
        original: Source = self._original  # type: ignore[attr-defined]  # set above
        return original.line_text(line)


def _renamed(diagnostics: Sequence[Diagnostic], folder: Path) -> list[Diagnostic]:
    """The diagnostics with the temporary folder taken out of every file name and argument."""
    prefix = str(folder) + "/"
    return _respan(diagnostics, lambda name: name.removeprefix(prefix), prefix)


def file_names_only(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics with every file reduced to its name: a served rule file's folder
    (a limit's violation points at the rule file) would describe the server's disk."""
    return _respan(diagnostics, lambda name: name.replace("\\", "/").rsplit("/", 1)[-1])


def _respan(
    diagnostics: Sequence[Diagnostic], rename: Callable[[str], str], prefix: str | None = None
) -> list[Diagnostic]:
    """The diagnostics with ``rename`` applied to the file of every span; ``prefix`` is
    also taken out of every text argument."""

    def span(s: Span) -> Span:
        source = s.source
        if source is None or rename(source.name) == source.name:
            return s
        return attrs.evolve(s, source=_Renamed(rename(source.name), source))

    def value(v: object) -> object:
        return v.replace(prefix, "") if isinstance(v, str) and prefix else v

    return [
        attrs.evolve(
            d,
            span=span(d.span) if d.span is not None else None,
            labels=tuple(attrs.evolve(label, span=span(label.span)) for label in d.labels),
            args={k: value(v) for k, v in d.args.items()},
        )
        for d in diagnostics
    ]


def _in_folder(
    files: Mapping[str, bytes], read: Callable[[Path], tuple[T, list[Diagnostic]]]
) -> tuple[T, list[Diagnostic]]:
    """Write ``files`` into a private temporary folder, read them there, and clean up."""
    with tempfile.TemporaryDirectory(prefix="edaran-") as name:
        folder = Path(name)
        for file, data in files.items():
            (folder / file).write_bytes(data)
        found, diagnostics = read(folder)
        return found, _renamed(diagnostics, folder)


def roster_from_rows(
    employees: Sequence[Mapping[str, _CELL]],
    units: Sequence[Mapping[str, _CELL]] | None,
    classes: Mapping[str, Any] | None = None,
) -> tuple[Roster, list[Diagnostic]]:
    """A roster from JSON rows: the flat layout, or ``units`` and ``employees`` apart.

    Without ``units`` every employee row carries its unit's columns
    (``kode_unit``, ``nama_unit``, ...), as the flat CSV does; with them, the
    rows are ``unit.csv`` and ``pegawai.csv``.  ``classes`` are a circular's
    :meth:`~edaran.Circular.roster_classes` (the attributes its file declares).
    """
    extra = dict(classes or {})
    if units is None:
        files = {ROSTER_FILE: _csv(employees).encode("utf-8")}
        return read_roster(ROSTER_FILE, files=files, **extra)
    files = {"unit.csv": _csv(units).encode("utf-8"), "pegawai.csv": _csv(employees).encode()}
    return read_roster("", files=files, **extra)


def roster_from_upload(
    name: str,
    data: bytes,
    max_bytes: int | None = None,
    classes: Mapping[str, Any] | None = None,
) -> tuple[Roster, list[Diagnostic]]:
    """A roster uploaded as one flat CSV file, or an Excel workbook (its first sheet).

    A workbook's cells are read as the flat CSV layout, row for row, so a
    problem names the row of the sheet as its line.  ``classes``: as for
    :func:`roster_from_rows`.
    """
    shown = Path(name).name or ROSTER_FILE
    suffix = Path(shown).suffix.lower()
    extra = dict(classes or {})
    if suffix == ".csv":
        return read_roster(shown, files={shown: data}, **extra)
    if suffix in (".xlsx", ".xlsm"):
        rows, refused = _excel_rows(shown, data, max_bytes)
        if refused:
            return Roster({}, ()), refused
        text = io.StringIO()
        csv.writer(text, lineterminator="\n").writerows(rows)
        return read_roster(shown, files={shown: text.getvalue().encode("utf-8")}, **extra)
    raise ServiceError(400, "E611", name=shown)


def _excel_rows(
    name: str, data: bytes, max_bytes: int | None
) -> tuple[list[list[str]], list[Diagnostic]]:
    """The cells of the first sheet, streamed, with the limits of files on disk: a
    workbook that unpacks past the roster limit is D140, one with more rows than
    Excel's own limit D141 (read up to there, no further)."""
    from edaran.io.publish import require_format
    from edaran.io.sheets import MAX_ROWS, cell_text
    from edaran.io.table import DEFAULT_MAX_BYTES, file_diagnostic

    require_format("xlsx")
    import openpyxl

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        raise ServiceError(400, "E611", name=name) from None
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    if unpacked > limit:
        args = {"size": unpacked, "limit": limit}
        return [], [file_diagnostic("D140", name, args)]
    rows: list[list[str]] = []
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                if number > MAX_ROWS:
                    args = {"limit": MAX_ROWS}
                    return [], [file_diagnostic("D141", name, args, line=number)]
                rows.append([cell_text(v) for v in values])
        finally:
            workbook.close()
    # openpyxl raises whatever its zip and XML readers raise for a damaged file.
    except Exception:
        raise ServiceError(400, "E611", name=name) from None
    return rows, []


def _jsonl(rows: Sequence[Mapping[str, _CELL]]) -> bytes:
    """JSON rows as the lines of a ``.jsonl`` log."""
    return "".join(json.dumps(dict(row), ensure_ascii=False) + "\n" for row in rows).encode()


def read_contact_rows(
    rows: Sequence[Mapping[str, _CELL]], roster: Roster, tz: dt.tzinfo
) -> tuple[list[Contact], list[Diagnostic]]:
    """A contact log from JSON rows, read as ``kontak.jsonl`` (see docs/data-formats.md)."""
    return _in_folder(
        {"kontak.jsonl": _jsonl(rows)},
        lambda folder: read_contacts(folder / "kontak.jsonl", roster=roster, tz=tz),
    )


def read_record_rows(
    kind: str, rows: Sequence[Mapping[str, _CELL]], roster: Roster, cls: type | None = None
) -> tuple[list[Any], list[Diagnostic]]:
    """Records of ``kind`` (``perjalanan``, ``biaya``, ...) from JSON rows, as ``<kind>.csv``.

    ``cls`` is the record class with the fields a rule file declares.
    """
    file = f"{kind}.csv"
    return _in_folder(
        {file: _csv(rows).encode("utf-8")},
        lambda folder: read_records(folder / file, kind, roster=roster, cls=cls),
    )


def read_presence_rows(
    field: str, rows: Sequence[Mapping[str, _CELL]], roster: Roster
) -> tuple[list[Any], list[Diagnostic]]:
    """Leave, transfers, recalls or a plan (``field``: a key of :data:`PRESENCE_FILES`)
    from JSON rows, read from memory as ``cuti.csv``, ``mutasi.csv``, ``panggilan.csv``
    or ``rencana.csv``: a recall's or a plan row's ``source`` is ``panggilan.csv:2``."""
    if not rows:
        return [], []
    file, read = PRESENCE_FILES[field]
    return read(file, roster, data=_csv(rows).encode("utf-8"))


def read_attendance_rows(
    rows: Sequence[Mapping[str, _CELL]], roster: Roster, tz: dt.tzinfo
) -> tuple[list[Attendance], list[Diagnostic]]:
    """An attendance log from JSON rows, read as ``presensi.jsonl`` (docs/data-formats.md)."""
    return _in_folder(
        {"presensi.jsonl": _jsonl(rows)},
        lambda folder: read_attendance(folder / "presensi.jsonl", roster=roster, tz=tz),
    )
