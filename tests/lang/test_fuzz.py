"""Fuzzing the parser (and the checker behind it) with text drawn from the grammar itself.

The property: ``parse()`` returns a :class:`~edaran.lang.nodes.Module` or raises
:class:`~edaran.core.diagnostics.EdaranError` whose every diagnostic has a span
inside the text; nothing else ever escapes.  Each property runs 25 examples
by default and 150 under ``pytest -m slow``; for a long run (5,000) use the
``long`` profile registered below::

    EDARAN_FUZZ=long pytest -m slow tests/lang/test_fuzz.py

(``--hypothesis-profile=long`` needs the profile registered before pytest
configures Hypothesis, i.e. in ``conftest.py``, which other tests own; the
environment variable selects the same profile from here.)
"""

from __future__ import annotations

import os
import string
import tempfile
from pathlib import Path
from typing import Any

import attrs
import lark
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark

from edaran.core import Diagnostic, EdaranError, Span
from edaran.lang import Module, check, grammar_text, keyword_pairs, parse, parse_file
from properties import fast_and_full

settings.register_profile(
    "long",
    max_examples=5_000,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
LONG = os.environ.get("EDARAN_FUZZ") == "long" or settings.get_current_profile_name() == "long"
FUZZ = settings(
    settings.get_profile("long") if LONG else settings.default,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
#: examples per property: a short run by default, the full one under ``-m slow``
FUZZ_RUNS = fast_and_full(fast=25, full=5_000 if LONG else 150)

# -------------------------------------------------------------- strategies
INDENT, DEDENT = "\x01", "\x02"


def _layout(raw: str) -> str:
    """Turn the grammar's INDENT/DEDENT markers into real indentation.

    In the grammar both always follow a line break, so markers only ever
    open a line: each line is indented four spaces per open block.
    """
    depth = 0
    lines = []
    for line in raw.split("\n"):
        rest = line.lstrip(INDENT + DEDENT)
        for marker in line[: len(line) - len(rest)]:
            depth += 1 if marker == INDENT else -1
        depth = max(depth, 0)
        lines.append("    " * depth + rest.replace(INDENT, "").replace(DEDENT, ""))
    return "\n".join(lines)


def _keyword(words: tuple[str, str]) -> st.SearchStrategy[str]:
    # Spaces around keywords keep them apart from neighbouring names.
    return st.sampled_from(sorted(set(words))).map(lambda word: f" {word} ")


GRAMMAR = lark.Lark(grammar_text(), parser="lalr", lexer="basic")
EXPLICIT: dict[str, st.SearchStrategy[str]] = {
    "_INDENT": st.just(INDENT),
    "_DEDENT": st.just(DEDENT),
    "_NL": st.sampled_from(["\n", "\n\n", "  # catatan\n", "\r\n", "\n# komentar\n"]),
    **{name: _keyword(words) for name, words in keyword_pairs().items()},
}
#: Mostly readable text: most of it is still rejected, which is the point.
FROM_GRAMMAR = from_lark(
    GRAMMAR,
    explicit=EXPLICIT,
    alphabet=st.characters(codec="utf-8", exclude_characters="\x00" + INDENT + DEDENT),
).map(_layout)

WORDS = [
    *sorted({w for pair in keyword_pairs().values() for w in pair}),
    "moda_kerja", "WFO", "WFH", "hari", "Jumat", "pegawai.jenjang", "unit", "BPBD",
    "1", "2026-04-01", "5 menit", "50%", "Rp 1.000", '"teks"', "{", "}", "(", ")",
    ":", ",", ".", "[x]", "12.a", "<=", "+", "-", "\n", "\n    ", "\n        ", "\t", "#",
]  # fmt: skip
#: A soup of the file's own words, closer to real mistakes than random characters.
TOKEN_SOUP = st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)


# ---------------------------------------------------------------- checks
def _assert_span_inside(span: Span | None, text: str) -> None:
    assert span is not None
    # The parser reads a CR alone or CR LF as one line end, as an editor shows them.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    assert 0 <= span.start <= span.end <= len(text)
    assert 1 <= span.line <= span.end_line <= text.count("\n") + 1
    assert span.column >= 1 and span.end_column >= 1


def _assert_diagnostics_inside(diagnostics: list[Diagnostic], text: str) -> None:
    assert diagnostics
    for diagnostic in diagnostics:
        _assert_span_inside(diagnostic.span, text)
        for label in diagnostic.labels:
            _assert_span_inside(label.span, text)
        # Rendering never fails either, in both languages.
        diagnostic.message("id")
        diagnostic.message("en")


def _spans(node: Any) -> list[Span]:
    """Every span recorded in an AST."""
    found: list[Span] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, tuple):
            stack.extend(item)
        elif attrs.has(type(item)):
            for field in attrs.fields(type(item)):
                value = getattr(item, field.name)
                if isinstance(value, Span):
                    found.append(value)
                else:
                    stack.append(value)
    return found


def parse_or_diagnose(text: str) -> Module | None:
    try:
        module = parse(text, "fuzz.edaran")
    except EdaranError as err:
        _assert_diagnostics_inside(err.diagnostics, text)
        return None
    assert isinstance(module, Module)
    for span in _spans(module):
        _assert_span_inside(span, text)
    return module


# ------------------------------------------------------------- properties
@FUZZ_RUNS
def test_text_from_the_grammar(max_examples: int) -> None:
    @settings(FUZZ, max_examples=max_examples)
    @given(FROM_GRAMMAR)
    def holds(text: str) -> None:
        parse_or_diagnose(text)

    holds()


@FUZZ_RUNS
def test_a_soup_of_rule_words(max_examples: int) -> None:
    @settings(FUZZ, max_examples=max_examples)
    @given(TOKEN_SOUP)
    def holds(text: str) -> None:
        parse_or_diagnose(text)

    holds()


@FUZZ_RUNS
def test_random_printable_text(max_examples: int) -> None:
    @settings(FUZZ, max_examples=max_examples)
    @given(st.text(alphabet=string.printable, max_size=400))
    def holds(text: str) -> None:
        parse_or_diagnose(text)

    holds()


@FUZZ_RUNS
def test_random_unicode_text(max_examples: int) -> None:
    @settings(FUZZ, max_examples=max_examples)
    @given(st.text(max_size=200))
    def holds(text: str) -> None:
        parse_or_diagnose(text)

    holds()


@FUZZ_RUNS
def test_random_bytes(max_examples: int) -> None:
    @settings(FUZZ, max_examples=max_examples)
    @given(st.binary(max_size=400))
    def holds(data: bytes) -> None:
        # A str holding undecodable bytes (as surrogates), and the bytes as a file.
        parse_or_diagnose(data.decode("utf-8", errors="surrogateescape"))
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / "acak.edaran"
            path.write_bytes(data)
            try:
                module = parse_file(path)
            except EdaranError as err:
                for diagnostic in err.diagnostics:
                    assert diagnostic.span is not None and diagnostic.span.path == str(path)
            else:
                assert isinstance(module, Module)

    holds()


HEADER = 'surat_edaran "1/2026":\n    berlaku 2026-04-01\n'


@FUZZ_RUNS
def test_the_checker_behind_the_parser(max_examples: int) -> None:
    @settings(FUZZ, max_examples=max_examples)
    @given(FROM_GRAMMAR)
    def holds(text: str) -> None:
        # Whatever parses must check into a program or diagnostics, never crash.
        text = HEADER + text
        module = parse_or_diagnose(text)
        if module is None:
            return
        program, diagnostics = check(module)
        for diagnostic in diagnostics:
            if diagnostic.span is not None:
                _assert_span_inside(diagnostic.span, text)
            diagnostic.message("id")
            diagnostic.message("en")
        assert program is not None or any(d.is_error for d in diagnostics)

    holds()


@fast_and_full(fast=60, full=200)
def test_the_grammar_strategy_reaches_valid_files(max_examples: int) -> None:
    # The generator is worth its time only if some of its output parses.
    @settings(max_examples=max_examples, deadline=None, database=None, derandomize=True)
    @given(FROM_GRAMMAR)
    def collect(text: str) -> None:
        if parse_or_diagnose(text) is not None:
            parsed.append(text)

    parsed: list[str] = []
    collect()
    assert len(parsed) >= 10
