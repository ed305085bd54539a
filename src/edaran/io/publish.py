"""What every writer shares: the choice of format, text tables, CSV and JSON envelopes.

Writers give the same bytes for the same result (no clock, no locale, no
hash order), so an output published twice can be compared with ``diff``.
Formats that need an optional package say which extra installs it
(:func:`require_format`) before a long run starts.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import hashlib
import html
import importlib
import importlib.metadata
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol, TextIO

from edaran.core.diagnostics import Diagnostic, EdaranError, Severity, Span, render
from edaran.messages import Lang, default_lang, message
from edaran.model.calendar import Period

__all__ = [
    "EXTRAS",
    "MISSING_EXTRA",
    "PROVENANCE_KEYS",
    "Provenanced",
    "Published",
    "SafeWriter",
    "companion_path",
    "csv_text",
    "csv_writer",
    "diagnostic_object",
    "html_rows",
    "html_table",
    "json_document",
    "json_form",
    "json_line",
    "location_object",
    "period_object",
    "plain",
    "provenance",
    "provenance_rows",
    "require_format",
    "safe_cell",
    "source_sha256",
    "text_output",
    "text_table",
    "to_frame",
    "warning_object",
    "write_companion",
]


#: Output format -> (the package it needs, the extra that installs it).
EXTRAS: Mapping[str, tuple[str, str]] = {
    "xlsx": ("openpyxl", "excel"),
    "ics": ("icalendar", "calendar"),
    "service": ("starlette", "service"),
    "lsp": ("pygls", "lsp"),
}


#: The message code of a missing optional package.
MISSING_EXTRA = "D040"


# ---------------------------------------------------------------- provenance
#: The keys of :func:`provenance`, in the order every output gives them.
PROVENANCE_KEYS = (
    "circular",
    "version_in_force",
    "rule_file_sha256",
    "edaran_version",
    "holidays_version",
)


class Provenanced(Protocol):
    """What :func:`provenance` reads from a circular (:class:`edaran.Circular` has it)."""

    @property
    def number(self) -> str: ...

    @property
    def source_sha256(self) -> str: ...

    @property
    def program(self) -> Any: ...


def source_sha256(text: str) -> str:
    """The SHA-256 of a rule file's text encoded as UTF-8, in hex.

    For a file saved as UTF-8 without a byte-order mark (as ``edaran init``
    writes them) this is what ``sha256sum`` prints for the file.
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@functools.cache
def _version(package: str) -> str:
    """An installed package's version, read once (the metadata parse costs milliseconds)."""
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:  # edaran run from a plain checkout
        return "0+unknown"


def provenance(circular: Provenanced | None = None) -> dict[str, str | None]:
    """Where a result comes from: every JSON output, workbook and CSV companion carries this.

    ``circular`` is the circular's number, ``version_in_force`` the date
    (ISO) from which the version that produced the result is in force (the
    header's ``berlaku``; for an amendment, its own date), ``rule_file_sha256``
    the hash of the rule file's text (:func:`source_sha256`),
    ``edaran_version`` and ``holidays_version`` the installed versions of
    ``edaran`` and of the ``holidays`` package whose tables gave the
    national holidays and collective leave.  Without a circular (a result
    built by hand) the first three are ``None``.
    """
    start = circular.program.header.effective_from if circular is not None else None
    return {
        "circular": circular.number if circular is not None else None,
        "version_in_force": start.isoformat() if start is not None else None,
        "rule_file_sha256": circular.source_sha256 if circular is not None else None,
        "edaran_version": _version("edaran"),
        "holidays_version": _version("holidays"),
    }


def provenance_rows(found: Mapping[str, str | None]) -> list[tuple[str, str]]:
    """The provenance as (key, value) rows, for a workbook's first sheet."""
    return [(key, found.get(key) or "") for key in PROVENANCE_KEYS]


def companion_path(path: Path | str) -> Path:
    """Where a CSV file's provenance goes: ``jadwal.csv`` -> ``jadwal.csv.provenance.json``."""
    path = Path(path)
    return path.with_name(path.name + ".provenance.json")


def write_companion(path: Path | str, found: Mapping[str, str | None]) -> Path:
    """Write the provenance of the CSV file at ``path`` beside it; return the companion's path."""
    target = companion_path(path)
    target.write_text(
        json.dumps({"provenance": dict(found)}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
        newline="",
    )
    return target


# ---------------------------------------------------------------- notebooks and frames
def html_table(rows: Sequence[tuple[object, object]], title: str | None = None) -> str:
    """Key-value rows as a small HTML table (a notebook's ``_repr_html_``), every value escaped."""
    head = f"<caption>{html.escape(title)}</caption>" if title else ""
    body = "".join(
        f"<tr><th style='text-align:left'>{html.escape(str(k))}</th>"
        f"<td style='text-align:left'>{html.escape('' if v is None else str(v))}</td></tr>"
        for k, v in rows
    )
    return f"<table>{head}{body}</table>"


def html_rows(
    records: Sequence[Mapping[str, object]], columns: Sequence[str], limit: int = 20
) -> str:
    """Records as an HTML table with a header row; the first ``limit`` rows, then a count."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell(r.get(c)))}</td>" for c in columns) + "</tr>"
        for r in records[:limit]
    )
    more = ""
    if len(records) > limit:
        more = f"<p>… {len(records) - limit} / {len(records)}</p>"
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json_line(value)
    return str(value)


def to_frame(records: Sequence[Mapping[str, object]], library: str) -> Any:
    """Records (JSON-ready dicts) as a pandas or Polars DataFrame, one column per key.

    Neither is a dependency of ``edaran``: without the library this raises
    :class:`ImportError` saying so (in the language of ``EDARAN_LANG``).
    Nested values (lists, objects) stay Python objects in their column.
    """
    try:
        module = importlib.import_module(library)
    except ImportError:
        raise ImportError(message("publish.needs-frame", default_lang(), package=library)) from None
    rows = [dict(r) for r in records]
    if library == "polars":
        return module.DataFrame(rows, strict=False, infer_schema_length=None)
    return module.DataFrame.from_records(rows)


# ---------------------------------------------------------------- results as data
@functools.singledispatch
def json_form(result: object, lang: Lang = "id", **options: Any) -> dict[str, object]:
    """The JSON form of a result, as its command and the service publish it.

    Each domain package registers its result class here from its writers
    module (which the package's face imports, so the form is registered as
    soon as the class can exist); :meth:`Published.to_dict` reads it.  The
    model stays below its writers and the JSON form is written once.
    """
    raise TypeError(f"no JSON form for {type(result).__name__}")


class Published:
    """What every result shares: ``to_dict``, DataFrames and a notebook view.

    ``_parts`` names the lists of the JSON form, the first one the main one
    (a schedule's ``assignments``): :meth:`to_pandas` and :meth:`to_polars`
    give one row per element of a part.
    """

    __slots__ = ()
    _parts: tuple[str, ...] = ()

    def to_dict(self, lang: Lang = "id", **options: Any) -> dict[str, object]:
        """The result as JSON-ready data, identical to the command's and the service's JSON."""
        return json_form(self, lang, **options)

    def to_pandas(self, part: str | None = None, lang: Lang = "id") -> Any:
        """One part of :meth:`to_dict` (the main one by default) as a pandas DataFrame."""
        return to_frame(self._part(part, lang), "pandas")

    def to_polars(self, part: str | None = None, lang: Lang = "id") -> Any:
        """One part of :meth:`to_dict` (the main one by default) as a Polars DataFrame."""
        return to_frame(self._part(part, lang), "polars")

    def _part(self, part: str | None, lang: Lang) -> list[Mapping[str, object]]:
        name = part or self._parts[0]
        if name not in self._parts:
            raise ValueError(f"part must be one of {', '.join(self._parts)}, not {name!r}")
        found = self.to_dict(lang)[name]
        assert isinstance(found, list)
        return found

    def _repr_html_(self) -> str:
        """A notebook's view: the provenance, the size of each part, the main part's first rows."""
        data = self.to_dict()
        found = data.get("provenance")
        rows: list[tuple[object, object]] = list(found.items()) if isinstance(found, dict) else []
        parts = {part: data[part] for part in self._parts}
        rows += [(part, len(items)) for part, items in parts.items() if isinstance(items, list)]
        main = self._part(None, "id")
        columns = list(main[0]) if main else []
        return html_table(rows, type(self).__name__) + html_rows(main, columns)


# ---------------------------------------------------------------- optional formats
def require_format(fmt: str) -> None:
    """Check that the package an output format needs is installed.

    ``csv`` and ``json`` need nothing; ``xlsx`` needs ``openpyxl`` (extra
    ``excel``) and ``ics`` needs ``icalendar`` (extra ``calendar``).  Raises
    :class:`~edaran.core.EdaranError` ``D040`` naming the extra.
    """
    if fmt not in EXTRAS:
        return
    package, extra = EXTRAS[fmt]
    try:
        importlib.import_module(package)
    except ImportError:
        args = {"format": fmt, "package": package, "extra": extra}
        raise EdaranError([Diagnostic(MISSING_EXTRA, None, args, Severity.ERROR)]) from None


def plain(value: Decimal | int | None) -> str:
    """A figure as plain digits: ``Decimal("1500000.00")`` -> ``1500000``, ``0.30`` -> ``0.3``.

    No grouping, no exponent, never through float; ``None`` is ``""``.
    """
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


@contextlib.contextmanager
def text_output(target: Path | str | TextIO) -> Iterator[TextIO]:
    """A path opened for writing UTF-8 with ``newline=""``, or the stream itself (left open)."""
    if isinstance(target, Path | str):
        with open(target, "w", encoding="utf-8", newline="") as out:
            yield out
    else:
        yield target


#: What a spreadsheet reads as the start of a formula (CSV injection, CWE-1236).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def safe_cell(value: object) -> object:
    """A cell a spreadsheet will not run: text that starts like a formula gets a leading ``'``.

    Names, unit codes and ids come from exports the operator does not control;
    ``=HYPERLINK(...)`` in a name must reach the reader as text.  A plain
    number (``-3``, ``+1.5``) is left as it is; anything else is not text.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


class SafeWriter:
    """:func:`csv.writer` with every cell through :func:`safe_cell`: the one CSV writer."""

    def __init__(self, out: TextIO) -> None:
        self._writer = csv.writer(out, lineterminator="\n")

    def writerow(self, row: Iterable[object]) -> None:
        """Write one row."""
        self._writer.writerow([safe_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        """Write every row."""
        for row in rows:
            self.writerow(row)


def csv_writer(out: TextIO) -> SafeWriter:
    """The CSV writer of every output: ``\\n`` line ends, formula-like cells neutralised."""
    return SafeWriter(out)


def csv_text(rows: Sequence[Sequence[str]]) -> str:
    """Rows as CSV text, through :func:`csv_writer`."""
    buffer = io.StringIO()
    csv_writer(buffer).writerows(rows)
    return buffer.getvalue()


# ---------------------------------------------------------------- JSON
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def json_line(value: object) -> str:
    """``value`` as JSON on one line, ``", "`` between items, non-ASCII kept as it is."""
    return _ENCODER.encode(value)


def warning_object(d: Diagnostic, lang: Lang, *, with_unit: bool = False) -> dict[str, object]:
    """A warning as a JSON-ready dict: ``code``, ``severity``, ``message``, ``text``.

    ``with_unit`` adds the unit code the warning is about (``None`` if none).
    """
    found: dict[str, object] = {"code": d.code, "severity": d.severity.value}
    if with_unit:
        unit = d.args.get("unit")
        found["unit"] = unit if isinstance(unit, str) else None
    found["message"] = d.message(lang)
    found["text"] = render(d, lang)
    return found


def location_object(span: Span) -> dict[str, object]:
    """``{"file", "line", "column", "end_line", "end_column"}`` (1-based) of a span."""
    return {
        "file": span.path,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
    }


def diagnostic_object(d: Diagnostic, lang: Lang) -> dict[str, object]:
    """A diagnostic as JSON data: code, severity, message, location, labels, suggestions, notes.

    ``text`` is the diagnostic as the command line renders it (with the line
    and caret); every sentence is in ``lang``.
    """
    return {
        "code": d.code,
        "severity": d.severity.value,
        "message": d.message(lang),
        "location": location_object(d.span) if d.span is not None else None,
        "labels": [
            {
                "location": location_object(label.span),
                "message": message(label.key, lang, label.args),
            }
            for label in d.labels
        ],
        "suggestions": list(d.suggestions),
        "notes": [message(key, lang, args) for key, args in d.notes],
        "text": render(d, lang),
    }


def json_document(document: Mapping[str, object], lines: Sequence[str] = ()) -> str:
    """One JSON object: its keys indented, the lists named in ``lines`` one element per line.

    The lists in ``lines`` come last, in that order, so a large result stays
    readable with ``grep``; ``json.loads`` gives back ``document``.
    """
    head = {k: v for k, v in document.items() if k not in lines}
    text = json.dumps(head, ensure_ascii=False, indent=1)
    parts = [text[: text.rindex("}")].rstrip()]
    for key in lines:
        items = document[key]
        assert isinstance(items, list)
        body = ",".join("\n  " + json_line(item) for item in items)
        parts.append(f" {json.dumps(key)}: [" + (body + "\n ]" if items else "]"))
    if not head:
        return "{\n" + ",\n".join(parts[1:]) + "\n}\n"
    return ",\n".join(parts) + "\n}\n"


def period_object(p: Period) -> dict[str, object]:
    """``{"number": 1, "first": "2026-04-01", "last": "2026-05-31"}``."""
    return {"number": p.number, "first": p.first.isoformat(), "last": p.last.isoformat()}


def text_table(
    rows: Sequence[Sequence[object]],
    *,
    total: bool = False,
    rules_after: Sequence[int] = (0,),
    min_widths: Sequence[int] = (),
) -> list[str]:
    """Rows as aligned lines: the first column left, the others right.

    A rule (``----``) follows each row whose index is in ``rules_after`` (the
    heading, by default); with ``total``, the last row is a total and gets a
    rule above it too.  ``min_widths`` holds the narrowest width of the first
    columns.
    """
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    widths = [max(w, m) for w, m in zip(widths, [*min_widths, *[0] * len(widths)], strict=False)]

    def line(cells: Sequence[object]) -> str:
        first = f"{cells[0]!s:<{widths[0]}}"
        rest = (f"{c!s:>{w}}" for c, w in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([first, *rest]).rstrip()

    rule = "-" * len(line(rows[0]))
    after = {*rules_after, *([len(rows) - 2] if total and len(rows) > 1 else [])}
    out: list[str] = []
    for i, cells in enumerate(rows):
        out.append(line(cells))
        if i in after:
            out.append(rule)
    return out
