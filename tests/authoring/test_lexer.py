"""The Pygments lexer: found through the entry point, every keyword a keyword, no Error tokens."""

from __future__ import annotations

from pathlib import Path

import pytest
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import find_lexer_class_for_filename, get_lexer_by_name
from pygments.token import Comment, Error, Keyword, Literal, Name, Number, String

from corpus import REFERENCE, parsing_corpus
from edaran.authoring.lexer import EdaranLexer
from edaran.lang.grammar import keyword_pairs


def tokens(text: str) -> list[tuple[object, str]]:
    return [(kind, value) for kind, value in EdaranLexer().get_tokens(text)]


def test_pygments_finds_the_lexer_by_name_and_by_file_name() -> None:
    assert type(get_lexer_by_name("edaran")) is EdaranLexer
    assert find_lexer_class_for_filename("se-2026.edaran") is EdaranLexer


def test_the_reference_circular_has_no_error_token() -> None:
    found = tokens(REFERENCE.read_text(encoding="utf-8"))
    assert [value for kind, value in found if kind is Error] == []
    assert (Keyword.Declaration, "surat_edaran") in found
    assert (Keyword.Namespace, "butir") in found
    assert (Literal.Date, "2026-03-31") in found
    assert (Comment.Single, "# Butir 11: Pejabat Pimpinan Tinggi Madya dan Pratama.") in found


@pytest.mark.parametrize("path", parsing_corpus(), ids=lambda p: p.name)
def test_every_rule_file_that_parses_has_no_error_token(path: Path) -> None:
    found = tokens(path.read_text(encoding="utf-8"))
    assert [value for kind, value in found if kind is Error] == []


@pytest.mark.parametrize("word", sorted({w for pair in keyword_pairs().values() for w in pair}))
def test_every_spelling_of_every_keyword_is_a_keyword(word: str) -> None:
    kinds = {kind for kind, value in tokens(word + "\n") if value.strip()}
    assert len(kinds) == 1
    assert next(iter(kinds)) in Keyword


def test_a_keyword_inside_a_name_stays_a_name() -> None:
    assert tokens("jikalau dan_lain\n")[0] == (Name, "jikalau")
    assert (Name, "dan_lain") in tokens("jikalau dan_lain\n")


def test_literals_and_names() -> None:
    found = tokens('x adalah Rp 1.500.000 jika y >= 50% dan z adalah "teks" pukul 07:30\n')
    assert (Number, "Rp 1.500.000") in found
    assert (Number, "50%") in found
    assert (String.Double, '"teks"') in found
    assert (Literal.Date, "07:30") in found
    assert (Name.Constant, "WFH") in tokens("moda_kerja adalah WFH\n")


def test_an_html_page_of_the_reference_carries_the_keyword_classes() -> None:
    html = highlight(REFERENCE.read_text(encoding="utf-8"), EdaranLexer(), HtmlFormatter())
    assert '<span class="kd">surat_edaran</span>' in html
    assert '<span class="err">' not in html
