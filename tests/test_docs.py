"""Every example in ``docs/`` runs, and the tables that mirror the code match it.

Fenced blocks in ``docs/*.md`` follow these conventions (the fence reader and
the block runner are those of ``tools/gen_diagnostics_doc.py``):

``edaran``
    A whole rule file: it must parse and check without error, and its
    ``contoh`` must pass.
``edaran lanjutan``
    A piece added at the end of the last good rule file of the page (the
    tutorial builds one file step by step); the whole must check.
``edaran-error [CODE ...] [lanjutan]``
    Deliberately wrong: it must give at least one error, and every CODE named.
    When the file checks, the errors of its ``contoh`` count (E501-E503).
``csv FILE`` / ``csv-error FILE CODE ...``
    Data files: a ``csv-error`` block read as a roster must give every CODE.
``console``
    ``$ edaran ...`` lines are commands; the lines after one are its output
    (a line ``...`` stands for any number of lines).  A command on a rule file
    under ``examples/`` runs there; on another file, it runs on the rule file
    the page has built so far, written under that name.  ``edaran check`` and
    ``edaran test`` on ``examples/`` must succeed.
``sh``
    Commands without output; ``edaran check``/``edaran test`` on
    ``examples/`` must succeed.
``pycon`` / ``python`` (in ``docs/api.md``)
    Doctest sessions and code, run in order in one namespace.
``text``
    Shown, never run.
"""

from __future__ import annotations

import doctest
import importlib.util
import os
import re
import shlex
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import edaran
from edaran.lang import keyword_pairs

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
ROSTER = "examples/sumsel-2026/roster"


def _load_tool() -> Any:
    spec = importlib.util.spec_from_file_location(
        "gen_diagnostics_doc", ROOT / "tools" / "gen_diagnostics_doc.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # attrs resolves the module of Fence by name
    spec.loader.exec_module(module)
    return module


#: tools/gen_diagnostics_doc.py: its fence reader and block runner serve the tests too.
tool: Any = _load_tool()


def _pages() -> list[Path]:
    return sorted(DOCS.glob("*.md"))


def _id(path: Path, fence: Any) -> str:
    return f"{path.name}:{fence.line}"


# ------------------------------------------------------------- rule files
def _rule_blocks() -> Iterator[object]:
    for path in _pages():
        files = tool.RuleFiles()
        for fence in tool.fences(path.read_text(encoding="utf-8")):
            if fence.lang in ("edaran", "edaran-error"):
                text = files.advance(fence)
                yield pytest.param(fence, text, id=_id(path, fence))


RULE_BLOCKS = list(_rule_blocks())


def test_docs_have_rule_blocks() -> None:
    assert len(RULE_BLOCKS) > 20


@pytest.mark.parametrize(("fence", "text"), RULE_BLOCKS)
def test_rule_block(fence: Any, text: str) -> None:
    if fence.lang == "edaran":
        try:
            circular = edaran.Circular.from_text(text, "contoh.edaran")
        except edaran.EdaranError as err:
            pytest.fail("a rule file in the docs does not check:\n" + str(err))
        failed = [r for r in edaran.run_examples(circular) if not r.passed]
        assert not failed, f"examples of a rule file in the docs fail: {failed}"
        return
    found = tool.rule_diagnostics(text)
    assert any(d.is_error for d in found), "an edaran-error block gives no error"
    codes = {d.code for d in found}
    missing = [code for code in fence.codes if code not in codes]
    assert not missing, f"expected {missing}, got {sorted(codes)}"


# ------------------------------------------------------------- data files
def _data_blocks() -> Iterator[object]:
    for path in _pages():
        for fence, found in tool.block_outputs(path.read_text(encoding="utf-8")):
            if fence.lang == "csv-error":
                yield pytest.param(fence, found, id=_id(path, fence))


@pytest.mark.parametrize(("fence", "found"), list(_data_blocks()))
def test_data_block(fence: Any, found: list[edaran.Diagnostic]) -> None:
    codes = {d.code for d in found}
    assert fence.codes, "a csv-error block names the code it shows"
    missing = [code for code in fence.codes if code not in codes]
    assert not missing, f"expected {missing}, got {sorted(codes)}"


# --------------------------------------------------------------- commands
@attrs.frozen
class Command:
    """A command of a ``console`` or ``sh`` block, with its expected output."""

    words: tuple[str, ...]
    expected: tuple[str, ...] | None
    rule_file: str  # the file the page had built when the command appears


_RUN = (("run",), ("jalankan",))


def _commands() -> Iterator[object]:
    for path in _pages():
        files = tool.RuleFiles()
        for fence in tool.fences(path.read_text(encoding="utf-8")):
            if fence.lang in ("edaran", "edaran-error"):
                files.advance(fence)
            elif fence.lang in ("console", "sh"):
                for number, command in enumerate(_split(fence, files.current), start=1):
                    # `edaran run` writes decisions into examples/; the README covers it.
                    if command.words[:1] == ("edaran",) and command.words[1:2] not in _RUN:
                        yield pytest.param(command, id=f"{_id(path, fence)}-{number}")


def _split(fence: Any, rule_file: str) -> Iterator[Command]:
    lines = fence.body.splitlines()
    if fence.lang == "sh":
        for line in lines:
            line = line.removeprefix("$ ").strip()
            if line and not line.startswith("#"):
                yield Command(tuple(shlex.split(line)), None, rule_file)
        return
    words: list[str] | None = None
    output: list[str] = []
    for line in [*lines, "$ "]:
        if line.startswith("$ "):
            if words:
                yield Command(tuple(words), tuple(output), rule_file)
            words, output = shlex.split(line[2:]), []
        else:
            output.append(line)


def _matches(expected: list[str], actual: list[str]) -> bool:
    """Line-by-line equality, where an expected line ``...`` matches any lines."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(_matches(expected[1:], actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and expected[0] == actual[0] and _matches(expected[1:], actual[1:])


def _trimmed(lines: list[str]) -> list[str]:
    lines = [line.rstrip() for line in lines]
    while lines and not lines[-1]:
        lines.pop()
    return lines


COMMANDS = list(_commands())


@pytest.mark.parametrize("command", COMMANDS)
def test_command(command: Command, tmp_path: Path) -> None:
    args = list(command.words[1:])
    if "--roster" in args:
        roster = ROOT / args[args.index("--roster") + 1]
        assert roster.exists(), f"the docs run a command on {roster}, which is missing"
    rule_files = [a for a in args if a.endswith(".edaran")]
    cwd = ROOT
    if rule_files and not all((ROOT / f).exists() for f in rule_files):
        assert command.rule_file, "a command on a rule file the page never shows"
        (tmp_path / rule_files[0]).write_text(command.rule_file, encoding="utf-8")
        (tmp_path / "examples").symlink_to(ROOT / "examples")
        cwd = tmp_path
    env = {k: v for k, v in os.environ.items() if k != "EDARAN_LANG"}
    env["PYTHONUNBUFFERED"] = "1"  # keep stdout and stderr in the order they were written
    done = subprocess.run(
        [sys.executable, "-m", "edaran", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=120,
        check=False,
    )
    on_examples = bool(rule_files) and rule_files[0].startswith("examples/")
    if args[:1] in (["check"], ["periksa"], ["test"], ["uji"]) and on_examples:
        assert done.returncode == 0, done.stdout
    if command.expected is not None:
        expected, actual = _trimmed(list(command.expected)), _trimmed(done.stdout.splitlines())
        assert _matches(expected, actual), (
            "the output in the docs differs from a real run; paste the new one:\n" + done.stdout
        )


# ----------------------------------------------------------------- tables
def _section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    return text[start : end if end >= 0 else len(text)]


def test_keyword_table_lists_exactly_the_grammar_keywords() -> None:
    text = (DOCS / "reference.md").read_text(encoding="utf-8")
    table = _section(text, "## Keywords")
    rows = re.findall(r"^\| `([^`]+)` \| `([^`]+)` \|", table, re.MULTILINE)
    assert len(rows) == len(set(rows)), "a keyword pair is listed twice"
    assert set(rows) == set(keyword_pairs().values())


def test_diagnostics_page_lists_every_code() -> None:
    text = (DOCS / "diagnostics.md").read_text(encoding="utf-8")
    for code in tool.catalogue_codes():
        assert f"\n## {code}\n" in text, f"docs/diagnostics.md has no entry for {code}"
        assert f"<!-- generated: messages {code} -->" in text


def test_diagnostics_page_is_up_to_date() -> None:
    text = (DOCS / "diagnostics.md").read_text(encoding="utf-8")
    assert tool.update(text) == text, "run: python tools/gen_diagnostics_doc.py"


#: The first line of a rendered diagnostic, in either language: its code.
_SHOWN_CODE = re.compile(r"^(?:galat|error|peringatan|warning|catatan|note)\[([EWD]\d{3})\]", re.M)


def test_diagnostics_page_shows_every_rule_file_code_by_example() -> None:
    text = (DOCS / "diagnostics.md").read_text(encoding="utf-8")
    shown: set[str] = set()
    for _, found in tool.block_outputs(text):
        shown.update(d.code for d in found)
    # E121 and W401 need a roster and a schedule run: a console block shows them,
    # and test_command checks that its output is what a real run prints.
    for fence in tool.fences(text):
        if fence.lang == "console":
            shown.update(_SHOWN_CODE.findall(fence.body))
    # E005 needs a missing or empty file; E007 a file the system refuses.
    # E140-E142 and E145 need two files (a variant and its parent): tests/lang/test_variants.py;
    # E147 an amendment and its circular, W148 a clock: tests/variants/test_lifecycle.py.
    # E800-E802 and E805-E807 guard shapes the checker does not produce, E810 needs two
    # files, E811 an engine not installed: tests/population/test_refusals.py.
    # E013 needs --root and a folder; W149 names the installed holidays release:
    # tests/cli/test_hostile.py and the goldens of tests/lang/test_diagnostics_golden.py.
    untriggerable = {"E005", "E007", "E013", "E140", "E141", "E142", "E145", "E147"}
    untriggerable |= {"E165"}  # a variant and its parent: tests/lang/test_attributes.py
    untriggerable |= {"W148", "W149"}
    # E172 needs --root, E174 a table file, E175 the checker run alone (Circular.from_text
    # reads table files): tests/engine/test_table_files.py and tests/data/rules/E175-*.
    untriggerable |= {"E172", "E174", "E175"}
    # W165 needs a roster: tests/engine/test_identifiers.py.
    untriggerable |= {"W165"}
    # W615 needs a roster and an attendance log: tests/discipline/test_attendance.py.
    untriggerable |= {"W615"}
    untriggerable |= {"E800", "E801", "E802", "E805", "E806", "E807", "E810", "E811"}
    # E600-E614 are the HTTP service's: tests/service/ meets each against a real server.
    # (E615-E629, attendance duties, are shown by their examples like any rule file code.)
    service = {c for c in tool.catalogue_codes() if c.startswith("E6") and c < "E615"}
    # E710-E729 are about a reviewed workbook (edaran import): tests/review/test_import.py.
    service |= {c for c in tool.catalogue_codes() if c.startswith(("E71", "E72"))}
    wanted = {c for c in tool.catalogue_codes() if c[0] in "EW"} - untriggerable - service
    assert wanted <= shown, f"no example shows {sorted(wanted - shown)}"


# -------------------------------------------------------------------- API
def test_api_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    path = DOCS / "api.md"
    text = path.read_text(encoding="utf-8")
    assert ROSTER not in text or (ROOT / ROSTER).exists(), f"docs/api.md uses {ROSTER}"
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("EDARAN_LANG", raising=False)
    # A real module, so that typing can resolve the annotations of classes it defines.
    module = types.ModuleType("docs_api")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    namespace = module.__dict__
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    blocks = 0
    for fence in tool.fences(text):
        if fence.lang == "python":
            code = compile(fence.body, f"{path.name}:{fence.line}", "exec", dont_inherit=True)
            exec(code, namespace)
        elif fence.lang == "pycon":
            test = parser.get_doctest(fence.body, namespace, path.name, str(path), fence.line)
            runner.run(test, clear_globs=False)
            namespace.update(test.globs)  # a DocTest works on a copy of the namespace
        else:
            continue
        blocks += 1
    assert blocks > 5
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} doctest examples in docs/api.md failed"
