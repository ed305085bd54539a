"""What every writer shares: the choice of format, text tables, CSV and JSON envelopes.

Writers give the same bytes for the same result (no clock, no locale, no
hash order), so an output published twice can be compared with ``diff``.
Formats that need an optional package say which extra installs it
(:func:`require_format`) before a long run starts.
"""

from __future__ import annotations

import contextlib
import csv
import importlib
import io
import json
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TextIO

from edaran.core.diagnostics import Diagnostic, EdaranError, Severity, render
from edaran.messages import Lang
from edaran.model.calendar import Period

__all__ = [
    "EXTRAS",
    "MISSING_EXTRA",
    "csv_text",
    "json_document",
    "json_line",
    "period_object",
    "plain",
    "require_format",
    "text_output",
    "text_table",
    "warning_object",
]


#: Output format -> (the package it needs, the extra that installs it).
EXTRAS: Mapping[str, tuple[str, str]] = {
    "xlsx": ("openpyxl", "excel"),
    "ics": ("icalendar", "calendar"),
}


#: The message code of a missing optional package.
MISSING_EXTRA = "D040"


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


def csv_text(rows: Sequence[Sequence[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
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


def json_document(head: dict[str, object], lists: Sequence[tuple[str, list[object]]]) -> str:
    """One JSON object: ``head`` indented, then each list with one element per line (for grep)."""
    text = json.dumps(head, ensure_ascii=False, indent=1)
    parts = [text[: text.rindex("}")].rstrip()]
    for key, items in lists:
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
