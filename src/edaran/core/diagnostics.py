"""Diagnostics: errors are data first, prose second.

A :class:`Diagnostic` has a stable code, a span, the values that fill its
message, secondary labels and suggestions.  The words come from one catalogue
(:mod:`edaran.messages`) in Indonesian and English, and :func:`render` draws
them the way rustc and Catala do: the line, a caret under the span, and
``= saran:`` / ``= help:`` lines.
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from edaran.messages import Lang, message

_NEWLINE = re.compile("\n")

__all__ = [
    "Diagnostic",
    "EdaranError",
    "Label",
    "Severity",
    "Source",
    "Span",
    "render",
    "render_all",
]


@attrs.frozen
class Source:
    """A text and the name it is known by (a path, or ``<contoh>``).

    Where the lines start is found the first time a position is asked for (a
    diagnostic), with one pass of the regular-expression engine: a data file
    read without a problem never pays for it.
    """

    name: str
    text: str = attrs.field(repr=False)
    _starts: list[tuple[int, ...]] = attrs.field(init=False, repr=False, eq=False, factory=list)

    @property
    def _line_starts(self) -> tuple[int, ...]:
        if not self._starts:
            self._starts.append((0, *(m.end() for m in _NEWLINE.finditer(self.text))))
        return self._starts[0]

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_start(self, line: int) -> int:
        """The offset of the first character of a 1-based line."""
        starts = self._line_starts
        return starts[max(0, min(line, len(starts)) - 1)]

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        if not 1 <= line <= len(self._line_starts):
            return ""
        start = self._line_starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start : end if end >= 0 else len(self.text)].rstrip("\r")

    def span(self, start: int, end: int) -> Span:
        """The span of ``text[start:end]``."""
        # Clamped: the parser parses the text with a line break added at its end.
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(self, start, end, line, column, end_line, end_column)


@attrs.frozen
class Span:
    """Where something stands in a source: offsets and 1-based line/column."""

    source: Source | None = attrs.field(eq=False, repr=False)
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def at_line(cls, source: Source | None, line: int, column: int = 1) -> Span:
        """A span for a line and column when no offsets are known (data files)."""
        return cls(source, 0, 0, line, column, line, column)

    @property
    def path(self) -> str:
        """The name of the source file."""
        return self.source.name if self.source is not None else "<?>"


class Severity(enum.Enum):
    """How bad a diagnostic is."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@attrs.frozen
class Label:
    """A secondary span with a short message (``key`` in the catalogue)."""

    span: Span
    key: str
    args: Mapping[str, Any] = attrs.field(factory=dict)


@attrs.frozen
class Diagnostic:
    """One problem found in a rule file or a data file."""

    code: str
    span: Span | None
    args: Mapping[str, Any] = attrs.field(factory=dict)
    severity: Severity = Severity.ERROR
    labels: tuple[Label, ...] = ()
    suggestions: tuple[str, ...] = ()
    notes: tuple[tuple[str, Mapping[str, Any]], ...] = ()

    def message(self, lang: Lang = "id") -> str:
        """The one-line message in ``lang``."""
        return message(self.code, lang, self.args)

    @property
    def is_error(self) -> bool:
        """True for errors (not warnings or notes)."""
        return self.severity is Severity.ERROR


class EdaranError(Exception):
    """Raised with one or more diagnostics when input cannot be used."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = list(diagnostics)
        super().__init__(render_all(self.diagnostics, "en", color=False))


def _gutter_width(diagnostic: Diagnostic) -> int:
    lines = [diagnostic.span.end_line] if diagnostic.span else [1]
    lines += [label.span.end_line for label in diagnostic.labels]
    return len(str(max(lines)))


def _snippet(span: Span, width: int, marker: str, text: str) -> list[str]:
    if span.source is None or not span.source.text:
        return []
    line = span.source.line_text(span.line)
    if not line and span.end == span.start == 0 and span.line > 1:
        return []
    expanded = line.replace("\t", " ")
    start = span.column - 1
    if span.end_line == span.line and span.end > span.start:
        length = max(1, span.end_column - span.column)
    elif span.end > span.start:
        length = max(1, len(expanded) - start)
    else:
        length = 1
    pad = " " * width
    underline = " " * start + marker * length
    if text:
        underline += " " + text
    return [f"{pad} |", f"{span.line:>{width}} | {expanded}", f"{pad} | {underline}"]


def render(diagnostic: Diagnostic, lang: Lang = "id", *, color: bool = False) -> str:
    """Draw one diagnostic: header, location, snippet with caret, notes."""
    del color  # plain text everywhere: terminals, logs and golden files alike
    kind = message(f"ui-{diagnostic.severity.value}", lang)
    out = [f"{kind}[{diagnostic.code}]: {diagnostic.message(lang)}"]
    width = _gutter_width(diagnostic)
    pad = " " * width
    span = diagnostic.span
    if span is not None:
        out.append(f"{pad}--> {span.path}:{span.line}:{span.column}")
        out.extend(_snippet(span, width, "^", ""))
    for label in diagnostic.labels:
        out.append(f"{pad}--> {label.span.path}:{label.span.line}:{label.span.column}")
        out.extend(_snippet(label.span, width, "-", message(label.key, lang, label.args)))
    if diagnostic.suggestions:
        quoted = ", ".join(f"'{s}'" for s in diagnostic.suggestions)
        out.append(
            f"{pad} = {message('ui-help', lang)}: {message('did-you-mean', lang, names=quoted)}"
        )
    for key, args in diagnostic.notes:
        out.append(f"{pad} = {message('ui-note', lang)}: {message(key, lang, args)}")
    return "\n".join(out)


def render_all(diagnostics: Iterable[Diagnostic], lang: Lang = "id", *, color: bool = False) -> str:
    """Draw several diagnostics, a blank line apart, with a closing count."""
    items = list(diagnostics)
    parts = [render(d, lang, color=color) for d in items]
    errors = sum(1 for d in items if d.is_error)
    warnings = sum(1 for d in items if d.severity is Severity.WARNING)
    if items:
        counts = {
            "errors": errors,
            "warnings": warnings,
        }
        parts.append(message("summary-counts", lang, counts))
    return "\n\n".join(parts)
