"""The VS Code extension folder: up to date with the grammar, valid, and its snippets check."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from corpus import REFERENCE, parsing_corpus
from edaran.authoring.editors import generate, snippets, textmate_grammar
from edaran.engine import check
from edaran.lang.grammar import keyword_pairs
from edaran.lang.parser import parse
from paths import REPO

FOLDER = REPO / "editors" / "vscode"
HEADER = 'surat_edaran "1/2026":\n    tentang "Pola kerja"\n    berlaku 2026-04-01\n\n'


def test_the_generated_files_are_up_to_date() -> None:
    done = subprocess.run(
        [sys.executable, "tools/gen_editors.py", "--check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for relative, text in generate().items():
        assert (FOLDER / relative).read_text(encoding="utf-8") == text


def test_the_check_fails_on_a_stale_file(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen_editors", REPO / "tools/gen_editors.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    tool.FOLDER = tmp_path
    assert tool.main(["--check"]) == 1
    assert tool.main([]) == 0
    assert tool.main(["--check"]) == 0
    (tmp_path / "package.json").write_text("{}", encoding="utf-8")
    assert tool.main(["--check"]) == 1


def test_the_manifest_wires_the_language_grammar_snippets_and_client() -> None:
    package = json.loads((FOLDER / "package.json").read_text(encoding="utf-8"))
    contributes = package["contributes"]
    assert contributes["languages"][0]["extensions"] == [".edaran"]
    for entry in (
        contributes["languages"][0]["configuration"],
        contributes["grammars"][0]["path"],
        contributes["snippets"][0]["path"],
        package["main"],
    ):
        assert (FOLDER / entry).is_file(), entry
    assert "vscode-languageclient" in package["dependencies"]
    assert package["contributes"]["configuration"]["properties"]["edaran.server.args"][
        "default"
    ] == ["lsp"]
    client = (FOLDER / "extension.js").read_text(encoding="utf-8")
    assert "new LanguageClient(" in client and "TransportKind.stdio" in client


def _tokenize(text: str) -> list[tuple[str, str]]:
    """What a TextMate engine does with a grammar of ``match`` patterns only, line by line."""
    patterns = [(p["name"], re.compile(p["match"])) for p in textmate_grammar()["patterns"]]
    found: list[tuple[str, str]] = []
    for line in text.split("\n"):
        at = 0
        while at < len(line):
            if line[at].isspace():
                at += 1
                continue
            best: tuple[int, int, str] | None = None
            for order, (scope, pattern) in enumerate(patterns):
                match = pattern.search(line, at)
                # the earliest match wins; among matches at one place, the first pattern
                if match and match.end() > match.start():
                    key = (match.start(), order)
                    if best is None or key < (best[0], best[1]):
                        best = (match.start(), order, scope)
            assert best is not None, line[at:]
            start, order, scope = best
            match = patterns[order][1].search(line, at)
            assert match is not None
            found.extend(("", line[at:start]) for _ in [0] if line[at:start].strip())
            found.append((scope, match.group()))
            at = match.end()
    return found


def test_the_textmate_grammar_reads_the_reference_circular() -> None:
    found = _tokenize(REFERENCE.read_text(encoding="utf-8"))
    assert ("keyword.other.declaration.edaran", "surat_edaran") in found
    assert ("keyword.other.clause.edaran", "butir") in found
    assert ("keyword.control.edaran", "paling banyak") in found
    assert ("constant.other.date.edaran", "2026-03-31") in found
    assert ("variable.other.constant.edaran", "HARI_WFH") in found


@pytest.mark.parametrize("path", parsing_corpus(), ids=lambda p: p.name)
def test_the_textmate_grammar_marks_nothing_invalid_in_a_file_that_parses(path: Path) -> None:
    found = _tokenize(path.read_text(encoding="utf-8"))
    assert [text for scope, text in found if scope in ("", "invalid.illegal.edaran")] == []


@pytest.mark.parametrize("word", sorted({w for pair in keyword_pairs().values() for w in pair}))
def test_every_spelling_of_every_keyword_is_a_keyword_to_textmate(word: str) -> None:
    found = _tokenize(word)
    assert len(found) == 1 and found[0][1] == word
    assert found[0][0].startswith(("keyword.", "constant.language."))


def _expand(body: list[str]) -> str:
    text = "\n".join(body).replace("\t", "    ")
    return re.sub(r"\$\{\d+:([^}]*)\}", r"\1", text) + "\n"


@pytest.mark.parametrize("name", sorted(snippets()))
def test_every_snippet_as_written_checks_clean(name: str) -> None:
    text = HEADER + _expand(snippets()[name]["body"])
    if name.startswith(("contoh", "example")):
        text = (
            HEADER + 'butir 1 "WFH", bawaan:\n    moda_kerja adalah WFH\n\n' + text[len(HEADER) :]
        )
    _program, diagnostics = check(parse(text, "snippet.edaran"))
    assert [d.code for d in diagnostics if d.is_error] == []
