"""Record files as JSON lines: one object per line, the keys being the columns.

``perjalanan.jsonl`` holds the same fields as ``perjalanan.csv``, one JSON
object per line (``{"id": "PD-01", "unit": "BAPPEDA", "kelas": "EKONOMI",
...}``), as an application exports them.  Keys are matched like CSV headings
(any case, the English alias too); values are text, numbers, ``true`` or
``false``, or ``null`` for an empty cell.  A diagnostic about a value points
at it inside its line.  A line that is no object is D048; an unknown key is
D051 (a warning, once per key); a required key missing from a line is D011
on that line; a nested value is D049.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from edaran.core.diagnostics import Diagnostic, Severity, Source, Span
from edaran.core.suggest import suggest
from edaran.io.sheets import Line, Sheet
from edaran.io.table import _load_text, column_key

__all__ = ["JSONL_SUFFIXES", "JsonLinesSheet", "read_json_lines"]

#: File name endings read as JSON lines.
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")


class _Pairs(list[tuple[str, Any]]):
    """The members of a JSON object in the order written (repeated keys kept)."""


def _shown(value: object) -> object:
    """A nested value as it was written, for a message (objects as objects)."""
    if isinstance(value, _Pairs):
        return {k: _shown(v) for k, v in value}
    if isinstance(value, list):
        return [_shown(v) for v in value]
    return value


class JsonLinesSheet(Sheet):
    """The lines of a JSON lines file, each a :class:`Line` of canonical column names."""

    def __init__(self, source: Source, known: Mapping[str, str]) -> None:
        self.source = source
        self.path = source.name
        self.indonesian = False  # numbers are JSON numbers; text follows the Rp rule
        self.lines: list[Line] = []
        self.diagnostics: list[Diagnostic] = []
        self._known = known
        self._offsets: dict[int, tuple[int, str, dict[str, tuple[str, int]]]] = {}
        unknown: set[str] = set()
        offset = 0
        for number, text in enumerate(source.text.split("\n"), start=1):
            if text.strip():
                self._line(number, offset, text, unknown)
            offset += len(text) + 1

    def _line(self, number: int, offset: int, text: str, unknown: set[str]) -> None:
        try:
            pairs = json.loads(text, object_pairs_hook=_Pairs, parse_float=Decimal)
        except (json.JSONDecodeError, ValueError, RecursionError) as err:
            reason = err.msg if isinstance(err, json.JSONDecodeError) else type(err).__name__
            self._problem(offset, text, "D048", {"reason": reason})
            return
        if not isinstance(pairs, _Pairs):
            self._problem(offset, text, "D048", {"reason": "not an object {...}"})
            return
        values: dict[str, object] = {}
        spelt: dict[str, tuple[str, int]] = {}
        for position, (key, value) in enumerate(pairs, start=1):
            name = self._known.get(column_key(key))
            if name is None:
                if key not in unknown:
                    unknown.add(key)
                    span = self._key_span(offset, text, key)
                    hints = tuple(suggest(key, self._known.values()))
                    args = {"key": key}
                    self.diagnostics.append(
                        Diagnostic("D051", span, args, Severity.WARNING, suggestions=hints)
                    )
                continue
            spelt[name] = (key, position)
            if isinstance(value, list):
                self._offsets[number] = (offset, text, spelt)
                span, args = self._value_span(offset, text, name, spelt)
                shown = json.dumps(_shown(value), ensure_ascii=False, default=str)[:40]
                self.diagnostics.append(Diagnostic("D049", span, {**args, "value": shown}))
                return
            values[name] = value
        self._offsets[number] = (offset, text, spelt)
        self.lines.append(Line(number, values))

    def _problem(self, offset: int, text: str, code: str, args: Mapping[str, Any]) -> None:
        span = self.source.span(offset, offset + len(text))
        self.diagnostics.append(Diagnostic(code, span, dict(args)))

    def _key_span(self, offset: int, text: str, key: str) -> Span:
        quoted = json.dumps(key, ensure_ascii=False)
        start = offset + max(text.find(quoted), 0)
        return self.source.span(start, start + len(quoted))

    def _value_span(
        self, offset: int, text: str, name: str, spelt: Mapping[str, tuple[str, int]]
    ) -> tuple[Span, dict[str, Any]]:
        key, position = spelt.get(name, (name, 0))
        found = re.search(re.escape(json.dumps(key, ensure_ascii=False)) + r"\s*:\s*", text)
        if found is None:
            return self.source.span(offset, offset + len(text)), {"column": key, "index": 0}
        try:
            end = json.JSONDecoder().raw_decode(text, found.end())[1]
        except json.JSONDecodeError:
            end = len(text)
        span = self.source.span(offset + found.end(), offset + end)
        return span, {"column": key, "index": position}

    def where(
        self, line: Line, name: str
    ) -> tuple[Span, dict[str, Any], tuple[tuple[str, Mapping[str, Any]], ...]]:
        offset, text, spelt = self._offsets[line.number]
        span, args = self._value_span(offset, text, name, spelt)
        return span, args, ()

    def row_span(self, line: Line) -> Span:
        offset, text, _ = self._offsets[line.number]
        return self.source.span(offset, offset + len(text))

    def missing(self, required: Sequence[str]) -> None:
        """D011 on each line without a required key."""
        for line in list(self.lines):
            absent = [name for name in required if name not in line.values]
            for name in absent:
                self.diagnostics.append(Diagnostic("D011", self.row_span(line), {"column": name}))
            if absent:
                self.lines.remove(line)


def read_json_lines(
    path: str, known: Mapping[str, str], required: Sequence[str], max_bytes: int
) -> tuple[JsonLinesSheet | None, list[Diagnostic]]:
    """The sheet of a JSON lines file and its problems (None when it cannot be read)."""
    from pathlib import Path

    text, found = _load_text(Path(path), path, max_bytes)
    if text is None:
        return None, found
    sheet = JsonLinesSheet(Source(path, text), known)
    sheet.missing(required)
    return sheet, [*found, *sheet.diagnostics]
