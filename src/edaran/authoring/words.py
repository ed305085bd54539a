"""The words of the language as editors need them: keywords, literals, operators.

One source of truth for the Pygments lexer, the TextMate grammar and the
language server's completion: the keyword terminals of ``grammar/edaran.lark``
(:func:`edaran.lang.grammar.keyword_pairs`) and the literal terminals copied
here as regular expressions that need no lookbehind (TextMate's Oniguruma and
Python's ``re`` read both).
"""

from __future__ import annotations

import functools
import re

from edaran.lang.grammar import keyword_pairs

__all__ = [
    "BLOCK_KEYWORDS",
    "CLAUSE_KEYWORDS",
    "CONSTANT_KEYWORDS",
    "LITERALS",
    "keyword_regex",
    "keyword_words",
]

#: Keywords that open a declaration or a block (highlighted as declarations).
BLOCK_KEYWORDS = frozenset(
    {
        "_CIRCULAR", "_SET", "_ENUM", "_PARAM", "_OUTPUT", "_MODE", "_HOLIDAY", "_WORKWEEK",
        "_TABLE", "_EXAMPLE", "_LIMIT", "_DUTY", "_BREACH", "_SANCTION", "_QUOTA", "_TARGET",
        "_REPORT", "_REMOVE",
    }
)  # fmt: skip
#: Keywords that cite a clause (``butir 12.d``, ``angka 3 huruf b``, ``pasal 5 ayat (2)``).
CLAUSE_KEYWORDS = frozenset({"_BUTIR", "_ANGKA", "_HURUF", "_PASAL", "_AYAT"})
#: Keywords that are values.
CONSTANT_KEYWORDS = frozenset({"_TRUE", "_FALSE"})

#: Literal terminals of the grammar, most specific first (kind, regular expression).
LITERALS: tuple[tuple[str, str], ...] = (
    ("string", r'"(?:[^"\\\n]|\\["\\n])*"'),
    ("date", r"\d{4}-\d{2}-\d{2}\b"),
    ("time", r"\d{1,2}:\d{2}\b"),
    ("money", r"Rp ?\d+(?:\.\d{3})*(?:,\d{1,2})?\b"),
    ("percent", r"\d+(?:\.\d+)?%"),
    # a clause number (12.d, 10.b) or a number; then digits run into a unit (3bulan)
    ("number", r"\d+[a-z]?(?:\.[0-9a-z]+)*\b"),
    ("number", r"\d+(?:\.\d+)?"),
)


@functools.cache
def keyword_words(terminals: frozenset[str] | None = None) -> tuple[str, ...]:
    """Every spelling (both languages) of the keyword terminals, longest first."""
    words = {
        word
        for name, pair in keyword_pairs().items()
        if terminals is None or name in terminals
        for word in pair
    }
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def keyword_regex(words: tuple[str, ...]) -> str:
    """One alternation of ``words`` as whole words; a space stands for any run of blanks."""
    parts = [r"[ \t]+".join(re.escape(part) for part in word.split(" ")) for word in words]
    return r"\b(?:" + "|".join(parts) + r")\b"
