"""A Pygments lexer for rule files, built from the grammar's keywords.

Registered through Pygments' ``pygments.lexers`` entry point (``pyproject.toml``),
so ``pygmentize -l edaran``, Markdown's ``edaran`` code fences and the docs site
highlight rule files once ``edaran`` is installed with the ``highlight`` extra::

    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import get_lexer_by_name

    html = highlight(text, get_lexer_by_name("edaran"), HtmlFormatter())
"""

from __future__ import annotations

from typing import ClassVar

from pygments.lexer import RegexLexer
from pygments.token import (
    Comment,
    Error,
    Keyword,
    Literal,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Whitespace,
    _TokenType,
)

from edaran.authoring.words import (
    BLOCK_KEYWORDS,
    CLAUSE_KEYWORDS,
    CONSTANT_KEYWORDS,
    LITERALS,
    keyword_regex,
    keyword_words,
)
from edaran.lang.grammar import keyword_pairs

__all__ = ["EdaranLexer"]

_LITERAL_TOKENS: dict[str, _TokenType] = {
    "string": String.Double,
    "date": Literal.Date,
    "time": Literal.Date,
    "money": Number,
    "percent": Number,
    "number": Number,
}


def _tokens() -> dict[str, list[tuple[str, _TokenType]]]:
    others = frozenset(keyword_pairs()) - BLOCK_KEYWORDS - CLAUSE_KEYWORDS - CONSTANT_KEYWORDS
    root: list[tuple[str, _TokenType]] = [
        (r"#[^\n]*", Comment.Single),
        (r"\n", Whitespace),
        (r"[ \t\f\r]+", Whitespace),
        *((regex, _LITERAL_TOKENS[kind]) for kind, regex in LITERALS),
        (keyword_regex(keyword_words(BLOCK_KEYWORDS)), Keyword.Declaration),
        (keyword_regex(keyword_words(CLAUSE_KEYWORDS)), Keyword.Namespace),
        (keyword_regex(keyword_words(CONSTANT_KEYWORDS)), Keyword.Constant),
        (keyword_regex(keyword_words(others)), Keyword),
        # Names in capitals are the file's own constants (parameters, sets, tables, units).
        (r"[^\W\da-z]+(?:[_\d][^\W\da-z]*)*\b", Name.Constant),
        (r"[^\W\d]\w*", Name),
        (r"<=|>=|!=|->|[<>=+\-*/]", Operator),
        (r"[:,.\[\]{}()]", Punctuation),
        # Anything else is no part of the language (a test holds the corpus to none).
        (r".", Error),
    ]
    return {"root": root}


class EdaranLexer(RegexLexer):
    """Rule files of ``edaran`` (``.edaran``): keywords in Indonesian and English."""

    name = "edaran"
    aliases: ClassVar[list[str]] = ["edaran"]
    filenames: ClassVar[list[str]] = ["*.edaran"]
    mimetypes: ClassVar[list[str]] = ["text/x-edaran"]
    url = "https://pypi.org/project/edaran/"
    tokens = _tokens()
