"""The grammar: loading ``edaran.lark``, building the LALR parser once, and its words.

Keywords have an Indonesian and an English spelling, both read from the
grammar's terminals (:func:`keyword_pairs`), so the reference tables and the
words in syntax errors cannot drift from the grammar.  To add a keyword, add
its terminal to ``grammar/edaran.lark`` as ``/(?:indonesian|english)\\b/``.
"""

from __future__ import annotations

import functools
import os
import re
from importlib import resources
from pathlib import Path

import lark
from lark.indenter import Indenter

from edaran.messages import LANGS, Lang, has_message, message

__all__ = [
    "EdaranIndenter",
    "describe_expected",
    "describe_terminal",
    "grammar_text",
    "keyword_pairs",
    "lark_parser",
    "parser_cache",
]


def grammar_text() -> str:
    """The text of ``edaran.lark``: from the installed package, else the checkout."""
    packaged = resources.files("edaran").joinpath("grammar", "edaran.lark")
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    # An editable install runs from src/; the grammar lives at the top of the checkout.
    return (Path(__file__).resolve().parents[3] / "grammar" / "edaran.lark").read_text(
        encoding="utf-8"
    )


class EdaranIndenter(Indenter):
    """Python-style blocks: indentation and dedents become tokens, brackets suspend them."""

    NL_type = "_NL"
    OPEN_PAREN_types = ["LPAR", "LBRACE", "LSQB"]
    CLOSE_PAREN_types = ["RPAR", "RBRACE", "RSQB"]
    INDENT_type = "_INDENT"
    DEDENT_type = "_DEDENT"
    tab_len = 8


def parser_cache() -> str | bool:
    """Where the built parser is kept between processes: a file in the user's cache folder.

    ``EDARAN_CACHE`` (or ``XDG_CACHE_HOME``, else ``~/.cache``) names the folder.
    Lark writes the file with the digest of the grammar, its options and its
    own version in its first line and rebuilds it whenever they change, so a
    grammar edited in a checkout never meets a stale parser.  When the folder
    cannot be made, Lark's own cache in the temporary folder is used.
    """
    base = os.environ.get("EDARAN_CACHE") or os.environ.get("XDG_CACHE_HOME")
    folder = Path(base) if base else Path.home() / ".cache"
    try:
        (folder / "edaran").mkdir(parents=True, exist_ok=True)
    except OSError:
        return True
    return str(folder / "edaran" / f"parser-lark-{lark.__version__}.cache")


@functools.cache
def lark_parser() -> lark.Lark:
    """The LALR parser of ``edaran.lark``: built once, then loaded from :func:`parser_cache`.

    Building the LALR tables takes most of a second; loading them a few
    milliseconds.
    """
    return lark.Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        postlex=EdaranIndenter(),
        propagate_positions=True,
        maybe_placeholders=False,
        cache=parser_cache(),
    )


_KEYWORD_PATTERN = re.compile(r"^\(\?:([\w|\[\] \t+-]+)\)\\b$")


@functools.cache
def keyword_pairs() -> dict[str, tuple[str, str]]:
    """Terminal name -> (Indonesian, English) spelling of every keyword.

    Read from the grammar's keyword terminals (``_IF.2: /(?:jika|if)\\b/``), so
    the table in the docs and the words in error messages cannot drift from
    the grammar.  A keyword with one spelling has it in both languages.
    """
    pairs: dict[str, tuple[str, str]] = {}
    for terminal in lark_parser().terminals:
        match = _KEYWORD_PATTERN.match(terminal.pattern.value)
        if terminal.pattern.type == "re" and match:
            # Two-word keywords are written 'paling[ \t]+banyak': shown with one space.
            words = [w.replace("[ \t]+", " ") for w in match.group(1).split("|")]
            pairs[terminal.name] = (words[0], words[-1])
    return pairs


def describe_terminal(name: str, lang: Lang) -> str:
    """A terminal as the words a person typed: a keyword in quotes, or what it stands for."""
    pairs = keyword_pairs()
    if name in pairs:
        return f"'{pairs[name][LANGS.index(lang)]}'"
    if has_message(f"terminal.{name}"):
        return message(f"terminal.{name}", lang)
    for terminal in lark_parser().terminals:
        if terminal.name == name and terminal.pattern.type == "str":
            return f"'{terminal.pattern.value}'"
    return name


def describe_expected(names: set[str], lang: Lang) -> str:
    """The expected terminals as words a person typed, keywords first, at most 10."""
    keywords = keyword_pairs()
    ordered = sorted(names, key=lambda t: (t not in keywords, describe_terminal(t, lang)))
    words: list[str] = []
    for name in ordered:
        word = describe_terminal(name, lang)
        if word not in words:
            words.append(word)
    if len(words) > 10:
        words = [*words[:10], "…"]
    return ", ".join(words)
