"""edaran fmt: one canonical layout, comments kept, idempotent, meaning preserved."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pygments.token import Comment

from corpus import parsing_corpus
from edaran.authoring.fmt import _layout, _tokens, canonical_module, format_text
from edaran.authoring.lexer import EdaranLexer
from edaran.cli import main
from edaran.core.diagnostics import EdaranError
from edaran.lang.parser import parse
from golden import check_golden
from paths import DATA, REPO
from strategies import RuleFile, rule_files

CORPUS = parsing_corpus()


def same_meaning(a: str, b: str) -> bool:
    return canonical_module(parse(a)) == canonical_module(parse(b))


# ----------------------------------------------------------------- corpus
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: str(p.relative_to(REPO)))
def test_every_corpus_file_formats_to_the_same_tree_and_stays_formatted(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    formatted = format_text(text, str(path))
    assert same_meaning(text, formatted)
    assert format_text(formatted, str(path)) == formatted
    # every comment survives, in its order
    assert comments_of(formatted) == comments_of(text)


def comments_of(text: str) -> list[str]:
    """The comments of a rule file, as the highlighter finds them."""
    return [v.rstrip() for k, v in EdaranLexer().get_tokens(text) if k in Comment]


def test_the_corpus_is_large() -> None:
    assert len(CORPUS) >= 100


# ----------------------------------------------------------------- layout
def test_indentation_spacing_and_keywords() -> None:
    messy = (
        'surat_edaran   "1/2026" :\n'
        "\tberlaku 2026-04-01\n"
        'butir 2[x]   "WFH",pengecualian  atas butir 1 :\n'
        "  moda_kerja adalah WFH\n"
        "  jika hari adalah Jumat dan pegawai . capaian_kinerja>=80\n"
        "  dan unit termasuk { BPBD ,DINKES, }\n"
        "batas butir 4 :\n"
        "      WFH paling   banyak 50% per unit per hari ,dibulatkan ke   bawah\n"
        "      WFO paling sedikit 1 per unit per hari\n"
        "parameter A : desimal = - 1 + ( 2 * -3 )\n"
    )
    assert format_text(messy) == (
        'surat_edaran "1/2026":\n'
        "    berlaku 2026-04-01\n"
        'butir 2[x] "WFH", pengecualian atas butir 1:\n'
        "    moda_kerja adalah WFH\n"
        "    jika hari adalah Jumat dan pegawai.capaian_kinerja >= 80\n"
        "    dan unit termasuk {BPBD, DINKES}\n"
        "batas butir 4:\n"
        "    WFH paling banyak 50% per unit per hari, dibulatkan ke bawah\n"
        "    WFO paling sedikit 1 per unit per hari\n"
        "parameter A: desimal = -1 + (2 * -3)\n"
    )


def test_english_keywords_stay_english() -> None:
    text = (
        'circular "1/2026":\n    effective 2026-04-01\n'
        'clause 1 "x", default:\n    moda_kerja is WFO\n'
    )
    assert format_text(text) == text


def test_header_lines_take_the_canonical_order_with_their_comments() -> None:
    messy = (
        'surat_edaran "1/2026":\n'
        "    zona_waktu WIB\n"
        "    # butir 14\n"
        "    berlaku 2026-04-01\n"
        '    tentang "Pola kerja"\n'
        '    memperluas "induk.edaran"\n'
        "    # akhir kepala\n"
        "\n"
        'butir 1 "x", bawaan:\n'
        "    moda_kerja adalah WFO\n"
    )
    assert format_text(messy) == (
        'surat_edaran "1/2026":\n'
        '    memperluas "induk.edaran"\n'
        '    tentang "Pola kerja"\n'
        "    # butir 14\n"
        "    berlaku 2026-04-01\n"
        "    zona_waktu WIB\n"
        "    # akhir kepala\n"
        "\n"
        'butir 1 "x", bawaan:\n'
        "    moda_kerja adalah WFO\n"
    )


def test_comments_keep_their_place_and_block() -> None:
    messy = (
        "\n\n# awal\n"
        'surat_edaran "1/2026":\n'
        "  berlaku 2026-04-01   # mulai\n"
        "  zona_waktu WIB # zona\n"
        "\n\n\n"
        'butir 1 "x", bawaan:\n'
        "        # di dalam butir\n"
        "  moda_kerja adalah WFO\n"
        "      # masih di dalam butir\n"
        "# di luar\n"
        'butir 2 "y", pengecualian atas butir 1:\n'
        "  moda_kerja adalah WFH\n\n\n"
    )
    assert format_text(messy) == (
        "# awal\n"
        'surat_edaran "1/2026":\n'
        "    berlaku 2026-04-01  # mulai\n"
        "    zona_waktu WIB      # zona\n"
        "\n"
        'butir 1 "x", bawaan:\n'
        "    # di dalam butir\n"
        "    moda_kerja adalah WFO\n"
        "    # masih di dalam butir\n"
        "# di luar\n"
        'butir 2 "y", pengecualian atas butir 1:\n'
        "    moda_kerja adalah WFH\n"
    )


def test_a_long_set_is_wrapped_and_its_comments_kept() -> None:
    members = ", ".join(f"UNIT_NOMOR_{i:02d}" for i in range(12))
    text = f"himpunan S: unit = {{{members}}}\n"
    formatted = format_text(text)
    assert formatted == (
        "himpunan S: unit = {\n"
        "    UNIT_NOMOR_00, UNIT_NOMOR_01, UNIT_NOMOR_02, UNIT_NOMOR_03, UNIT_NOMOR_04,"
        " UNIT_NOMOR_05,\n"
        "    UNIT_NOMOR_06, UNIT_NOMOR_07, UNIT_NOMOR_08, UNIT_NOMOR_09, UNIT_NOMOR_10,"
        " UNIT_NOMOR_11,\n"
        "}\n"
    )
    assert all(len(line) <= 100 for line in formatted.splitlines())
    commented = "himpunan S: unit = {  # rumah sakit\n  A, B, # dua\n C   # tiga\n}  # akhir\n"
    assert format_text(commented) == (
        "himpunan S: unit = {  # rumah sakit\n    A, B,  # dua\n    C,  # tiga\n}  # akhir\n"
    )
    short = "himpunan S: unit = {\n    A,\n    B,\n}\n"
    assert format_text(short) == "himpunan S: unit = {A, B}\n"


def test_two_comments_in_one_place_of_a_set_stay_two_comments() -> None:
    # Regression (issue 15): the comment after "{" and the comment line below it were joined
    # on one line, "# satu # dua", which reads back as one comment.  The property found it in
    # a set of a generated file with working hours ("pukul ... istirahat ..." just before).
    text = (
        'surat_edaran "1/2026":\n    berlaku 2026-04-01\n'
        "parameter MASUK: waktu = 07:30\n"
        "butir 94[jam], bawaan: jam_kerja adalah pukul MASUK sampai 16:00"
        " istirahat 12:00 sampai 13:00  # jam\n"
        "butir 1: moda_kerja adalah WFH jika hari termasuk {  # satu\n"
        "  # dua\n   Senin, # tiga\n # empat\n Selasa\n}\n"
    )
    formatted = format_text(text)
    assert formatted == (
        'surat_edaran "1/2026":\n    berlaku 2026-04-01\n'
        "parameter MASUK: waktu = 07:30\n"
        "butir 94[jam], bawaan: jam_kerja adalah pukul MASUK sampai 16:00"
        " istirahat 12:00 sampai 13:00  # jam\n"
        "butir 1: moda_kerja adalah WFH jika hari termasuk {  # satu\n"
        "    # dua\n    Senin,  # tiga\n    # empat\n    Selasa,\n}\n"
    )
    assert comments_of(formatted) == ["# jam", "# satu", "# dua", "# tiga", "# empat"]
    assert format_text(formatted) == formatted


def test_a_comment_inside_parentheses_leaves_the_line_as_written() -> None:
    text = (
        'surat_edaran "1/2026":\n    berlaku 2026-04-01\n'
        'butir 1 "x", bawaan:\n    moda_kerja adalah WFO\n'
        "    jika (hari adalah Jumat  # jumat\n       atau hari adalah Kamis)\n"
    )
    assert format_text(text) == text


def test_a_file_that_does_not_parse_is_refused() -> None:
    with pytest.raises(EdaranError) as err:
        format_text("butir 1 x:\n")
    assert err.value.diagnostics[0].code == "E001"


# -------------------------------------------------------------- properties
def mangle(text: str, rng: random.Random, comments: bool) -> str:
    """``text`` (formatted) laid out badly: other indentation and spacing; with ``comments``,
    comment lines, comments after code and blank lines too."""
    unit = rng.choice(["  ", "   ", "    ", "        ", "\t", " \t"])
    out: list[str] = []
    for number, line in enumerate(text.split("\n")):
        stripped = line.lstrip(" ")
        depth = (len(line) - len(stripped)) // 4
        if comments and rng.randrange(5) == 0:
            out.append(" " * rng.randrange(13) + f"# komentar {number}")
        if comments and rng.randrange(6) == 0:
            out.append(" " * rng.randrange(4))
        code, comment = stripped, ""
        if stripped.startswith("#"):
            code, comment = "", stripped
        elif "  #" in stripped:
            code, _, rest = stripped.partition("  #")
            comment = "#" + rest
        pieces = [t.text for t in _tokens(code)]
        joined = ""
        for index, piece in enumerate(pieces):
            if index:
                least = 1 if _words(pieces[index - 1], piece) else 0
                joined += " " * rng.randint(least, 3)
            joined += piece
        if comment:
            joined += (" " * rng.randint(1, 3) if joined else "") + comment
        elif comments and joined and rng.randrange(5) == 0:
            joined += " " * rng.randint(1, 3) + f"# di belakang {number}"
        out.append(unit * depth + joined if joined else "")
    return "\n".join(out)


def _words(a: str, b: str) -> bool:
    """Two pieces that a space must keep apart (two words, a number and its unit, ...)."""
    return bool(re.search(r"[\w%\"]$", a) and re.match(r"[\w\"]", b))


def holds(generated: str, rng: random.Random, comments: bool, clean: str | None = None) -> None:
    """The formatter's property on one generated file laid out badly.

    ``format_text`` itself refuses a result that parses to another tree than its
    input or that formats to something else again; here the result is compared
    with the generated file too (its layout, and its tree when comments were added).
    """
    clean = clean if clean is not None else _layout(generated)
    text = mangle(clean, rng, comments)
    formatted = format_text(text)
    assert _layout(formatted) == formatted
    assert sorted(comments_of(formatted)) == sorted(comments_of(text))
    if comments:
        assert canonical_module(parse(formatted)) == canonical_module(parse(generated))
    else:
        assert formatted == clean


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rule_files(), st.randoms(use_true_random=False))
def test_layout_does_not_matter(generated: RuleFile, rng: random.Random) -> None:
    holds(generated.text, rng, comments=False)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rule_files(), st.randoms(use_true_random=False))
def test_comments_survive_and_formatting_is_stable(generated: RuleFile, rng: random.Random) -> None:
    holds(generated.text, rng, comments=True)


@pytest.mark.parametrize("path", CORPUS[::7], ids=lambda p: p.name)
def test_the_corpus_laid_out_badly_formats_back(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for seed in range(2):
        holds(text, random.Random(seed), comments=bool(seed))


#: The slow run: generated rule files, each laid out in this many ways.
LAYOUTS_PER_FILE = 25
#: files checked so far by the slow run (printed as it goes)
CHECKED: list[int] = []


@pytest.mark.slow
@settings(max_examples=400, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(rule_files(), st.integers(0, 2**32))
def test_ten_thousand_files(generated: RuleFile, seed: int) -> None:
    """The property on 400 generated rule files x 25 layouts each = 10,000 files
    (run with: pytest -m slow); a layout: random indentation and spacing, odd
    layouts also with comments and blank lines everywhere."""
    clean = format_text(generated.text)
    for layout in range(LAYOUTS_PER_FILE):
        holds(generated.text, random.Random(seed + layout), bool(layout % 2), clean)
    CHECKED.append(LAYOUTS_PER_FILE)
    print(f"formatted {sum(CHECKED)} files", flush=True)  # progress, with pytest -s


# ---------------------------------------------------------------- command
def test_fmt_check_passes_on_the_examples_and_templates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fmt", "--check", str(REPO / "examples"), str(REPO / "src/edaran/templates")]) == 0
    assert "0 berkas perlu diformat" in capsys.readouterr().out


@pytest.mark.parametrize("lang", ["id", "en"])
def test_fmt_check_reports_e700(
    lang: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    path = "tests/data/fmt/E700-not-formatted.edaran"
    assert main(["fmt", "--check", "--lang", lang, path]) == 1
    out = capsys.readouterr().out
    assert "E700" in out
    check_golden(f"fmt/E700-not-formatted.{lang}.txt", out)


def test_fmt_rewrites_files_and_then_has_nothing_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "se.edaran"
    target.write_text((DATA / "fmt" / "E700-not-formatted.edaran").read_text(), encoding="utf-8")
    assert main(["fmt", "--lang", "en", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{target}: reformatted",
        "1 files reformatted, 0 already formatted",
    ]
    assert target.read_text(encoding="utf-8") == (
        'surat_edaran "7/2026":\n'
        '    tentang "Pola kerja"\n'
        "    berlaku 2026-04-01\n"
        "\n"
        'butir 1 "WFO", bawaan:\n'
        "    moda_kerja adalah WFO\n"
    )
    assert main(["fmt", "--check", str(target)]) == 0


def test_fmt_on_a_broken_file_reports_its_error_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "rusak.edaran"
    target.write_text("butir 1 x:\n", encoding="utf-8")
    assert main(["fmt", str(target)]) == 1
    assert "E001" in capsys.readouterr().out
    assert target.read_text(encoding="utf-8") == "butir 1 x:\n"


def test_fmt_on_a_folder_without_rule_files_is_bad_usage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fmt", "--lang", "en", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"no .edaran file in {tmp_path}\n"
