"""Scaffolding a variant of a template (issue 6, item 7).

The command, ``edaran init``, is tested in ``tests/cli/test_cli_init.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from edaran import EdaranError, render_all
from edaran.cli import main
from edaran.lang import template_names
from edaran.variants import ScaffoldError, scaffold


def test_a_template_given_as_a_path_is_referenced_relatively(tmp_path: Path) -> None:
    first = scaffold("kab-induk", tmp_path)
    child = scaffold("kab-anak", tmp_path / "anak", template=str(first[0]))
    text = child[0].read_text(encoding="utf-8")
    assert 'memperluas "../../kab-induk/kab-induk.edaran"' in text
    # The grandparent's clauses are listed too, and the grandchild checks and tests.
    assert "# sanksi butir 7[berulang]" in text
    assert main(["check", str(child[0])]) == 0
    assert main(["test", str(child[0])]) == 0


def test_refusals_are_worded_in_both_languages(tmp_path: Path) -> None:
    with pytest.raises(ScaffoldError) as unknown:
        scaffold("kab", tmp_path, template="tidak-ada")
    assert isinstance(unknown.value, EdaranError) and isinstance(unknown.value, ValueError)
    english = render_all(unknown.value.diagnostics, "en", color=False)
    assert "unknown template" in english
    assert all(name in english for name in template_names())
    assert "templat tidak dikenal" in render_all(unknown.value.diagnostics, "id", color=False)
    (tmp_path / "ada").mkdir()
    with pytest.raises(ScaffoldError, match="already exists"):
        scaffold("ada", tmp_path)
    with pytest.raises(ScaffoldError, match="plain folder name"):
        scaffold("../luar", tmp_path)
    with pytest.raises(ScaffoldError, match=r"not an existing \.edaran file"):
        scaffold("kab", tmp_path, template=str(tmp_path / "hilang.edaran"))
