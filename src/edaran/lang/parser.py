"""Text to AST: the Lark grammar, Indonesian/English syntax errors, input guards.

Parsing never consults the workforce schema and never raises anything
semantic: a rule file either becomes a :class:`~edaran.lang.nodes.Module` or a
list of diagnostics with spans inside the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lark
from lark.indenter import DedentError
from lark.lexer import Token

from edaran.core.collector import collector_paused
from edaran.core.diagnostics import Diagnostic, EdaranError, Source, Span
from edaran.core.files import DEFAULT_RULE_LIMIT, FileRefused, read_bytes, rule_limit
from edaran.core.suggest import suggest
from edaran.lang import nodes as n
from edaran.lang.build import TreeBuilder
from edaran.lang.grammar import describe_expected, describe_terminal, keyword_pairs, lark_parser
from edaran.messages import Lang, Localized

__all__ = ["MAX_BYTES", "MAX_DEPTH", "parse", "parse_file"]

#: Rule files larger than this are refused before reading (a circular is a few KB);
#: ``edaran --max-rule-bytes`` raises it for a run (:func:`edaran.core.files.set_rule_limit`).
MAX_BYTES = DEFAULT_RULE_LIMIT
#: Expressions nested deeper than this are refused (no rule reads like that).
MAX_DEPTH = 200


# -------------------------------------------------------------- errors
def _token_span(source: Source, token: Token) -> Span:
    start = token.start_pos if token.start_pos is not None else len(source.text)
    if token.type in ("_INDENT", "_DEDENT"):
        # The Indenter lends these the position of the line break before them:
        # point at the first character of the line that is (not) indented.
        start = min(token.end_pos or start, len(source.text))
        return source.span(start, start + 1)
    if token.type == "_NL":
        return source.span(start, start)
    return source.span(start, token.end_pos if token.end_pos is not None else start)


class _Found:
    """The token a syntax error found, worded in the reader's language."""

    def __init__(self, token: Token) -> None:
        self.token = token

    def localize(self, lang: Lang) -> str:
        if self.token.type in ("_NL", "_INDENT", "_DEDENT"):
            return describe_terminal(self.token.type, lang)
        return f"'{self.token}'"


class _Expected:
    """The terminals a syntax error expected, worded in the reader's language."""

    def __init__(self, names: set[str]) -> None:
        self.names = names

    def localize(self, lang: Lang) -> str:
        return describe_expected(self.names, lang)


def _syntax_diagnostic(source: Source, error: lark.exceptions.UnexpectedInput) -> Diagnostic:
    end = len(source.text)
    if isinstance(error, lark.exceptions.UnexpectedCharacters):
        at = error.pos_in_stream or 0
        span = source.span(at, at + 1)
        char = source.text[at : at + 1]
        return Diagnostic("E002", span, {"char": repr(char)})
    if isinstance(error, lark.exceptions.UnexpectedToken) and error.token.type != "$END":
        token = error.token
        expected = set(error.expected)
        return Diagnostic(
            "E001",
            _token_span(source, token),
            {"found": _Found(token), "expected": _Expected(expected)},
            suggestions=_keyword_suggestions(token, expected),
        )
    expected = set(getattr(error, "expected", ()) or ())
    # Point at the end of what was written, not at a line after the last one.
    end = len(source.text.rstrip())
    return Diagnostic("E003", source.span(end, end), {"expected": _Expected(expected)})


def _keyword_suggestions(token: Token, expected: set[str]) -> tuple[str, ...]:
    if token.type != "NAME":
        return ()
    pairs = keyword_pairs()
    words = {word for name in expected if name in pairs for word in pairs[name]}
    return suggest(str(token), words, n=2, cutoff=0.75)


# --------------------------------------------------------------- guards
def _tree_depth(tree: lark.Tree[Token]) -> int:
    deepest = 0
    stack: list[tuple[Any, int]] = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if isinstance(node, lark.Tree):
            stack.extend((child, depth + 1) for child in node.children)
    return deepest


def _decode(data: bytes, name: str) -> tuple[str | None, Diagnostic | None]:
    source = Source(name, "")
    limit = rule_limit()
    if len(data) > limit:
        return None, Diagnostic(
            "E005",
            source.span(0, 0),
            {"reason": Localized("file.too-large", size=len(data), limit=limit)},
        )
    if b"\x00" in data:
        return None, Diagnostic("E005", source.span(0, 0), {"reason": Localized("file.binary")})
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return None, Diagnostic(
            "E005", source.span(0, 0), {"reason": Localized("file.not-utf8", offset=err.start)}
        )
    # Old Mac line ends (CR alone) would read as one long line, a comment at worst.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, Diagnostic(
            "E005", Source(name, text).span(0, 0), {"reason": Localized("file.empty")}
        )
    return text, None


def _iter_parse(source: Source) -> Iterator[Diagnostic | n.Module]:
    with collector_paused():  # linear in the file's length (edaran.core.collector)
        results = list(_parse_steps(source))
    yield from results


def _parse_steps(source: Source) -> Iterator[Diagnostic | n.Module]:
    text = source.text if source.text.endswith("\n") else source.text + "\n"
    try:
        tree = lark_parser().parse(text)
    except DedentError:
        yield Diagnostic("E004", _dedent_span(source))
        return
    except lark.exceptions.UnexpectedInput as err:
        yield _syntax_diagnostic(source, err)
        return
    if _tree_depth(tree) > MAX_DEPTH:
        yield Diagnostic(
            "E005", source.span(0, 0), {"reason": Localized("file.too-deep", limit=MAX_DEPTH)}
        )
        return
    problems = list(_number_problems(source, tree))
    if problems:
        yield from problems
        return
    yield TreeBuilder(source).transform(tree)


#: Terminals written with digits, and the ones among them that are numbers.
_DIGIT_TERMINALS = frozenset({"CLAUSE_NUM", "DATE", "TIME", "MONEY", "PERCENT", "DECIMAL", "INT"})
_NUMBER_TERMINALS = frozenset({"MONEY", "PERCENT", "DECIMAL", "INT"})
#: No figure of a circular needs more digits (a province's budget has 15).
MAX_DIGITS = 20


def _number_problems(source: Source, tree: lark.Tree[Token]) -> Iterator[Diagnostic]:
    """E009 for a digit that is not ASCII, E008 for a number with too many digits.

    The grammar's ``\\d`` matches every script's digits: ``butir ٢`` would be a
    clause apart from ``butir 2``.  A number of thousands of digits would cost
    more to convert than a whole circular to check.
    """
    for token in tree.scan_values(lambda v: isinstance(v, Token)):
        if token.type not in _DIGIT_TERMINALS:
            continue
        span = _token_span(source, token)
        foreign = next((c for c in token if c.isdigit() and not c.isascii()), None)
        if foreign is not None:
            yield Diagnostic("E009", span, {"char": foreign, "text": str(token)})
            continue
        digits = sum(c.isdigit() for c in token)
        if token.type in _NUMBER_TERMINALS and digits > MAX_DIGITS:
            yield Diagnostic("E008", span, {"digits": digits, "limit": MAX_DIGITS})


def _dedent_span(source: Source) -> Span:
    # Lark's DedentError carries no position: point at the first line whose
    # indentation matches no enclosing block.
    levels = [0]
    # Lines are counted by '\n' only, as everywhere else (not by form feeds).
    for number, line in enumerate(source.text.split("\n"), start=1):
        stripped = line.lstrip(" \t")
        if not stripped or stripped.startswith("#"):
            continue
        width = len(line[: len(line) - len(stripped)].expandtabs(8))
        if width > levels[-1]:
            levels.append(width)
            continue
        while width < levels[-1]:
            levels.pop()
        if width != levels[-1]:
            return Span.at_line(source, number, width + 1)
    return source.span(0, 0)


def parse(text: str, name: str = "<teks>") -> n.Module:
    """Parse rule-file text into a module, or raise :class:`EdaranError`."""
    data = text.encode("utf-8", errors="surrogatepass")
    decoded, problem = _decode(data, name)
    if problem is not None or decoded is None:
        raise EdaranError([problem] if problem else [])
    return _parse_source(Source(name, decoded))


def _parse_source(source: Source) -> n.Module:
    for result in _iter_parse(source):
        if isinstance(result, Diagnostic):
            raise EdaranError([result])
        return result
    raise AssertionError("unreachable")


def parse_file(path: str | Path) -> n.Module:
    """Read and parse a rule file; every problem is an :class:`EdaranError`.

    The file is read through the guarded reader (:func:`edaran.core.files.read_bytes`):
    a regular file no larger than :func:`edaran.core.files.rule_limit`.
    """
    name = str(path)
    try:
        data = read_bytes(path, rule_limit())
    except FileRefused as err:
        raise EdaranError(
            [Diagnostic("E005", Source(name, "").span(0, 0), {"reason": err.reason})]
        ) from None
    decoded, problem = _decode(data, name)
    if problem is not None or decoded is None:
        raise EdaranError([problem] if problem else [])
    return _parse_source(Source(name, decoded))
