"""The rule files the authoring tools are held to: every example, template and test rule file."""

from __future__ import annotations

import functools
from pathlib import Path

from paths import DATA, EXAMPLES, REFERENCE, TEMPLATES

__all__ = ["REFERENCE", "corpus", "parsing_corpus"]


def corpus() -> list[Path]:
    """Every ``.edaran`` file of the examples, the templates and the test data."""
    found = {*EXAMPLES.rglob("*.edaran"), *TEMPLATES.glob("*.edaran"), *DATA.rglob("*.edaran")}
    return sorted(found)


@functools.cache
def parsing_corpus() -> list[Path]:
    """The files of :func:`corpus` that parse (the others are syntax errors on purpose)."""
    from edaran.core.diagnostics import EdaranError
    from edaran.lang.parser import parse

    good = []
    for path in corpus():
        try:
            parse(path.read_text(encoding="utf-8"), str(path))
        except (EdaranError, UnicodeDecodeError):
            continue
        good.append(path)
    return good
