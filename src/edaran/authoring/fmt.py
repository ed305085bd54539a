"""``edaran fmt``: one canonical layout of a rule file, comments kept where they are.

The layout:

* blocks indented by four spaces per level (tabs and odd widths re-indented);
* one space between words, none before ``:`` ``,`` ``)`` ``]`` ``}`` or inside
  brackets and paths, spaces around operators (a unary minus keeps to its
  number), two-word keywords with one space (``paling banyak``);
* the header's lines in one order: the parent first (``memperluas``,
  ``mengubah``), then ``tentang``, ``penerbit``, ``dasar``, ``ditetapkan``,
  ``berlaku``, ``evaluasi``, ``zona_waktu``, each with the comments above it;
* a set longer than :data:`WIDTH` wrapped, one line of members after another
  under its ``{``, with a trailing comma and the ``}`` on a line of its own;
* at most one blank line in a row, none at the start or end of the file nor
  right after a line that opens a block;
* a comment on a line of its own stays above the line it stood above, at the
  depth of the block it was written in; a comment after code stays after it,
  two spaces away, aligned with the comments of the lines next to it (inside a
  wrapped set, a second comment in the same place goes on a line of its own).

Keywords keep the language they were written in; strings, numbers and names
are never touched.  :func:`format_text` refuses a file that does not parse
(its diagnostics), and checks its own work: the formatted text must parse
to the same syntax tree (header lines compared in the canonical order) and
format to itself, or it raises :class:`FormatterBug` rather than write it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from edaran.authoring.words import keyword_regex, keyword_words
from edaran.core.diagnostics import Diagnostic, Source
from edaran.lang import nodes as n
from edaran.lang.grammar import keyword_pairs
from edaran.lang.parser import parse
from edaran.messages import Localized

__all__ = [
    "INDENT",
    "WIDTH",
    "FormatterBug",
    "canonical_module",
    "format_text",
    "layout_diagnostic",
]

#: The width at which a set is wrapped (the project's line length).
WIDTH = 100
#: One level of indentation.
INDENT = "    "

#: Header lines in the grammar's order.
HEADER_ORDER = (
    "_EXTENDS", "_AMENDS", "_SUBJECT", "_ISSUER", "_BASIS", "_SIGNED", "_EFFECTIVE",
    "_EVALUATION", "_TIMEZONE",
)  # fmt: skip
#: The kinds of :class:`~edaran.lang.nodes.HeaderItem` in the same order.
HEADER_KINDS = (
    "extends", "amends", "subject", "issuer", "basis", "signed", "effective", "evaluation",
    "timezone",
)  # fmt: skip


class FormatterBug(AssertionError):
    """The formatter produced a text that means something else, or is not stable."""


# ------------------------------------------------------------------ tokens
@attrs.frozen
class Tok:
    kind: str  # comment, string, literal, money, keyword, name, op, punct
    text: str


TOKEN = re.compile(
    "|".join(
        [
            r"(?P<comment>#[^\n]*)",
            r'(?P<string>"(?:[^"\\\n]|\\["\\n])*")',
            r"(?P<money>Rp ?\d+(?:\.\d{3})*(?:,\d{1,2})?)",
            # ``ke-2`` of a relative date (``hari kerja ke-2 setelah Idul Fitri``) is one word
            r"(?P<literal>\bke-\d+\b|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}|\d+(?:\.\d+)?%"
            r"|\d+[a-z]?(?:\.[0-9a-z]+)*\b|\d+(?:\.\d+)?)",
            r"(?P<keyword>" + keyword_regex(keyword_words()) + ")",
            r"(?P<name>[^\W\d]\w*)",
            r"(?P<op><=|>=|!=|->|[<>=+\-*/])",
            r"(?P<punct>[:,.\[\]{}()])",
            r"(?P<space>[ \t\f\r]+)",
        ]
    )
)
_OPEN = {"(", "[", "{"}
_CLOSE = {")", "]", "}"}


def _tokens(line: str) -> list[Tok]:
    found: list[Tok] = []
    at = 0
    while at < len(line):
        match = TOKEN.match(line, at)
        if match is None or match.end() == at:
            raise FormatterBug(f"no token at {line[at : at + 20]!r}")
        kind = match.lastgroup or ""
        if kind != "space":
            text = match.group()
            if kind == "keyword":
                text = " ".join(text.split())
            found.append(Tok(kind, text))
        at = match.end()
    return found


# ----------------------------------------------------------------- entries
@attrs.define
class Code:
    """A logical line: its tokens, comments inside its brackets, its own comment."""

    width: int
    tokens: list[Tok]
    #: (number of tokens before the comment, the comment)
    inner: list[tuple[int, str]]
    trailing: str | None
    #: the physical lines, for a line laid out as written (see _verbatim)
    physical: list[str]
    depth: int = 0


@attrs.define
class Comment:
    width: int
    text: str
    depth: int = 0


@attrs.define
class Blank:
    pass


Entry = Code | Comment | Blank


def _width(line: str) -> tuple[int, str]:
    stripped = line.lstrip(" \t")
    return len(line[: len(line) - len(stripped)].expandtabs(8)), stripped


def _entries(text: str) -> list[Entry]:
    entries: list[Entry] = []
    pending: Code | None = None
    level = 0
    for line in text.split("\n"):
        width, rest = _width(line)
        if pending is None and not rest.strip(" \t\f\r"):
            entries.append(Blank())
            continue
        if pending is None and rest.startswith("#"):
            entries.append(Comment(width, rest.rstrip()))
            continue
        tokens = _tokens(rest)
        comment = tokens.pop().text.rstrip() if tokens and tokens[-1].kind == "comment" else None
        if pending is None:
            pending = Code(width, [], [], None, [])
        pending.tokens.extend(tokens)
        pending.physical.append(line)
        for tok in tokens:
            if tok.kind == "punct" and tok.text in _OPEN:
                level += 1
            elif tok.kind == "punct" and tok.text in _CLOSE:
                level -= 1
        if level > 0:
            if comment is not None:
                pending.inner.append((len(pending.tokens), comment))
            continue
        pending.trailing = comment
        entries.append(pending)
        pending = None
    if pending is not None:
        raise FormatterBug("a bracket left open at the end of the file")
    return entries


def _depths(entries: list[Entry]) -> None:
    """The block depth of every code line (the parser's rule) and of every comment."""
    stack = [0]
    next_code = {}
    following: int | None = None
    for index in range(len(entries) - 1, -1, -1):
        next_code[index] = following
        if isinstance(entries[index], Code):
            following = index
    for index, entry in enumerate(entries):
        if isinstance(entry, Code):
            if entry.width > stack[-1]:
                stack.append(entry.width)
            while entry.width < stack[-1]:
                stack.pop()
            entry.depth = len(stack) - 1
        elif isinstance(entry, Comment):
            levels = list(stack)
            after = next_code[index]
            if after is not None:
                ahead = entries[after]
                assert isinstance(ahead, Code)
                if ahead.width > levels[-1]:
                    levels.append(ahead.width)
            entry.depth = max(d for d, w in enumerate(levels) if w <= entry.width or d == 0)


# ------------------------------------------------------------------ header
def _pairs_by_word() -> dict[str, str]:
    return {word: name for name, pair in keyword_pairs().items() for word in pair}


def _reorder_header(entries: list[Entry]) -> list[Entry]:
    words = _pairs_by_word()
    out: list[Entry] = []
    index = 0
    while index < len(entries):
        entry = entries[index]
        out.append(entry)
        index += 1
        if not (
            isinstance(entry, Code)
            and entry.depth == 0
            and entry.tokens
            and words.get(entry.tokens[0].text) == "_CIRCULAR"
        ):
            continue
        end = index
        while end < len(entries):
            e = entries[end]
            if isinstance(e, Blank) or e.depth >= 1:
                end += 1
                continue
            break
        region = entries[index:end]
        # Blank lines at the end of the header stay after it.
        while region and isinstance(region[-1], Blank):
            region.pop()
        tail_start = index + len(region)
        items: list[list[Entry]] = []
        current: list[Entry] = []
        for e in region:
            current.append(e)
            if isinstance(e, Code):
                items.append(current)
                current = []

        def order(item: list[Entry]) -> int:
            code = item[-1]
            assert isinstance(code, Code)
            name = words.get(code.tokens[0].text, "") if code.tokens else ""
            return HEADER_ORDER.index(name) if name in HEADER_ORDER else len(HEADER_ORDER)

        for item in sorted(items, key=order):
            out.extend(item)
        out.extend(current)
        out.extend(entries[tail_start:end])
        index = end
    return out


# --------------------------------------------------------------- rendering
def _unary(previous: Tok | None) -> bool:
    if previous is None:
        return True
    if previous.kind in ("op", "keyword") and previous.text not in _CONSTANT_WORDS:
        return True
    return previous.kind == "punct" and previous.text in {"(", "[", "{", ",", ":"}


_CONSTANT_WORDS = frozenset(w for t in ("_TRUE", "_FALSE") for w in keyword_pairs()[t])


def _space_before(tok: Tok, previous: Tok | None, before: Tok | None) -> bool:
    if previous is None:
        return False
    if tok.kind == "punct" and tok.text in {":", ",", ")", "]", "}", "[", "."}:
        # (a space follows every comma: 'Rp 100, 50' never becomes the money 'Rp 100,50')
        return False
    if previous.kind == "punct" and previous.text in {"(", "[", "{", "."}:
        return False
    return not (previous.kind == "op" and previous.text == "-" and _unary(before))


def _join(tokens: list[Tok]) -> str:
    out: list[str] = []
    for index, tok in enumerate(tokens):
        previous = tokens[index - 1] if index else None
        before = tokens[index - 2] if index > 1 else None
        if _space_before(tok, previous, before):
            out.append(" ")
        out.append(tok.text)
    return "".join(out)


def _without_trailing_commas(code: Code) -> tuple[list[Tok], list[tuple[int, str]]]:
    """Drop a comma right before a closing '}' (the grammar allows it, the layout decides)."""
    tokens: list[Tok] = []
    inner = list(code.inner)
    for index, tok in enumerate(code.tokens):
        following = code.tokens[index + 1] if index + 1 < len(code.tokens) else None
        if tok.text == "," and following is not None and following.text == "}":
            inner = [(at - 1 if at > len(tokens) else at, c) for at, c in inner]
            continue
        tokens.append(tok)
    return tokens, inner


def _brace_group(tokens: list[Tok]) -> tuple[int, int] | None:
    """The first '{' at bracket depth 0 and its '}'."""
    depth = 0
    start: int | None = None
    for index, tok in enumerate(tokens):
        if tok.kind != "punct":
            continue
        if tok.text in _OPEN:
            if depth == 0 and tok.text == "{" and start is None:
                start = index
            depth += 1
        elif tok.text in _CLOSE:
            depth -= 1
            if depth == 0 and start is not None:
                return start, index
    return None


def _items(tokens: list[Tok], start: int, end: int) -> list[tuple[int, int]]:
    """The members of the set between ``start`` ('{') and ``end`` ('}'): token ranges."""
    items: list[tuple[int, int]] = []
    depth = 0
    begin = start + 1
    for index in range(start + 1, end):
        tok = tokens[index]
        if tok.kind == "punct" and tok.text in _OPEN:
            depth += 1
        elif tok.kind == "punct" and tok.text in _CLOSE:
            depth -= 1
        elif tok.kind == "punct" and tok.text == "," and depth == 0:
            items.append((begin, index))
            begin = index + 1
    if begin < end:
        items.append((begin, end))
    return items


def _render_code(code: Code) -> list[str] | None:
    """The lines of one logical line without its trailing comment (None: as written)."""
    indent = INDENT * code.depth
    tokens, inner = _without_trailing_commas(code)
    flat = indent + _join(tokens)
    if not inner and len(flat) <= WIDTH:
        return [flat]
    group = _brace_group(tokens)
    if group is None:
        return None if inner else [flat]
    start, end = group
    if any(not start < at <= end for at, _ in inner):
        return None
    items = _items(tokens, start, end)
    if not items:
        return None if inner else [flat]
    comment_after: dict[int, list[str]] = {}
    opener_comments: list[str] = []
    for at, comment in inner:
        owner = max((k for k, (s, _) in enumerate(items) if s < at), default=None)
        if owner is None:
            opener_comments.append(comment)
        else:
            comment_after.setdefault(owner, []).append(comment)
    inside = indent + INDENT
    # Several comments in one place: the first stays after the code, the others follow on
    # lines of their own (joined on one line they would read back as a single comment).
    lines = [indent + _join(tokens[: start + 1])]
    if opener_comments:
        lines[-1] += "  " + opener_comments[0]
        lines.extend(inside + comment for comment in opener_comments[1:])
    line = ""
    for k, (s, e) in enumerate(items):
        piece = _join(tokens[s:e]) + ","
        if line and len(inside + line + " " + piece) > WIDTH:
            lines.append(inside + line)
            line = ""
        line = f"{line} {piece}" if line else piece
        if k in comment_after:
            first, *others = comment_after[k]
            lines.append(inside + line + "  " + first)
            lines.extend(inside + comment for comment in others)
            line = ""
    if line:
        lines.append(inside + line)
    lines.append(indent + _join(tokens[end:]))
    return lines


def _verbatim(code: Code) -> list[str]:
    first = INDENT * code.depth + _width(code.physical[0])[1].rstrip()
    last = [p.rstrip() for p in code.physical[1:]]
    if code.trailing is not None:
        # The trailing comment is put back by the caller.
        target = last if last else None
        if target is not None:
            target[-1] = target[-1][: target[-1].rindex(code.trailing)].rstrip()
        else:
            first = first[: first.rindex(code.trailing)].rstrip()
    return [first, *last]


def _render(entries: list[Entry]) -> str:
    lines: list[tuple[str, str | None]] = []  # (code, trailing comment)
    opener = False  # the last line opened a block: no blank line at the start of one
    for index, entry in enumerate(entries):
        if isinstance(entry, Blank):
            if lines and lines[-1] != ("", None) and not opener:
                lines.append(("", None))
            continue
        opener = isinstance(entry, Code) and _opens_block(entries, index)
        if isinstance(entry, Comment):
            lines.append((INDENT * entry.depth + entry.text, None))
            continue
        rendered = _render_code(entry) or _verbatim(entry)
        lines.extend((line, None) for line in rendered[:-1])
        lines.append((rendered[-1], entry.trailing))
    while lines and lines[-1] == ("", None):
        lines.pop()
    return "\n".join(_aligned(lines)) + "\n"


def _opens_block(entries: list[Entry], index: int) -> bool:
    entry = entries[index]
    following = next((e for e in entries[index + 1 :] if isinstance(e, Code)), None)
    return isinstance(entry, Code) and following is not None and following.depth > entry.depth


def _aligned(lines: list[tuple[str, str | None]]) -> Iterator[str]:
    """Trailing comments of neighbouring lines start in one column."""
    index = 0
    while index < len(lines):
        if lines[index][1] is None:
            yield lines[index][0]
            index += 1
            continue
        end = index
        while end < len(lines) and lines[end][1] is not None:
            end += 1
        column = max(len(code) for code, _ in lines[index:end]) + 2
        for code, comment in lines[index:end]:
            yield code.ljust(column) + (comment or "") if code else comment or ""
        index = end


# -------------------------------------------------------------------- entry
def canonical_module(module: n.Module) -> n.Module:
    """``module`` with its header's lines in the canonical order (what formatting may change)."""
    items = []
    for item in module.items:
        if isinstance(item, n.Header):
            rank = {kind: i for i, kind in enumerate(HEADER_KINDS)}
            ordered = sorted(item.items, key=lambda h: rank.get(h.kind, len(rank)))
            item = attrs.evolve(item, items=tuple(ordered))
        items.append(item)
    return attrs.evolve(module, items=tuple(items))


def _layout(text: str) -> str:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    entries = _entries(text)
    _depths(entries)
    entries = _reorder_header(entries)
    return _render(entries)


def format_text(text: str, name: str = "<teks>") -> str:
    """The canonical layout of ``text``; raises :class:`EdaranError` if it does not parse."""
    before = canonical_module(parse(text, name))
    formatted = _layout(text)
    try:
        after = canonical_module(parse(formatted, name))
    except Exception as err:  # a formatter that breaks a file is a bug, not the user's error
        raise FormatterBug(f"the formatted text of {name} does not parse: {err}") from err
    if after != before:
        raise FormatterBug(f"formatting changed the meaning of {name}")
    if _layout(formatted) != formatted:
        raise FormatterBug(f"formatting {name} twice changes it again")
    return formatted


def layout_diagnostic(text: str, formatted: str, name: str) -> Diagnostic | None:
    """E700 at the first line that formatting changes, or None when ``text`` is formatted."""
    if text == formatted:
        return None
    old, new = text.split("\n"), formatted.split("\n")
    changed = [i for i in range(max(len(old), len(new))) if _line(old, i) != _line(new, i)]
    first = changed[0] if changed else 0
    start = sum(len(line) + 1 for line in old[:first])
    width = len(_line(old, first) or "")
    more = Localized("fmt.more", count=len(changed) - 1) if len(changed) > 1 else ""
    source = Source(name, text)
    return Diagnostic("E700", source.span(start, start + width), {"more": more})


def _line(lines: list[str], index: int) -> str | None:
    return lines[index] if index < len(lines) else None
