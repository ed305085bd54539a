"""The one message catalogue (:mod:`edaran.messages`): complete, consistent, and every key used.

Every entry has both languages, with the same placeholders (a plural spec,
``{count:?warning|warnings}``, is the field ``count``); every key written as
a literal ``message("...")`` or ``Localized("...")`` anywhere under
``src/edaran`` is in the catalogue; and the plural spec picks its noun by
the count.
"""

from __future__ import annotations

import ast
import functools
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

import edaran
from edaran.messages import CATALOGUE, Localized, message

SRC = Path(edaran.__file__).parent
#: the callables whose first argument is a catalogue key
LOOKUPS = {"message", "Localized"}


def fields(template: str) -> set[str]:
    """The names a ``str.format`` template reads: ``{unit.kode}`` and ``{n:?a|b}`` read one each."""
    names = set()
    for _, field, _, _ in string.Formatter().parse(template):
        if field is not None:
            names.add(field.split(".", 1)[0].split("[", 1)[0])
    return names


@functools.cache
def literal_keys() -> tuple[tuple[str, str], ...]:
    """``(where, key)`` for every ``message("key", ...)`` or ``Localized("key")`` under src/."""
    return tuple(_literal_keys())


def _literal_keys() -> Iterator[tuple[str, str]]:
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            first = node.args[0]
            if name in LOOKUPS and isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield f"{path.relative_to(SRC.parent)}:{node.lineno}", first.value


def test_every_entry_has_both_languages() -> None:
    problems = [
        key
        for key, entry in CATALOGUE.items()
        if not (
            isinstance(entry, tuple)
            and len(entry) == 2
            and all(isinstance(text, str) and text.strip() for text in entry)
        )
    ]
    assert not problems, f"entries without two non-empty texts: {problems}"


def test_both_languages_use_the_same_placeholders() -> None:
    problems = [
        f"{key}: id {sorted(fields(indonesian))}, en {sorted(fields(english))}"
        for key, (indonesian, english) in CATALOGUE.items()
        if fields(indonesian) != fields(english)
    ]
    assert not problems, "\n".join(problems)


def test_the_placeholder_reader_counts_a_plural_spec_as_its_field() -> None:
    assert fields("{count} {count:?warning|warnings} in {unit.kode}") == {"count", "unit"}
    assert fields("{{not a field}} {x!r}") == {"x"}


def test_the_source_is_scanned() -> None:
    """The scan below is not vacuous: it finds the calls in every layer."""
    found = literal_keys()
    assert len(found) > 100
    packages = {where.split("/")[1] for where, _ in found}
    assert {"lang", "io", "scheduling", "discipline", "quota", "report", "cli"} <= packages


def test_every_literal_key_in_the_source_is_in_the_catalogue() -> None:
    missing = [f"{where}: {key!r}" for where, key in literal_keys() if key not in CATALOGUE]
    assert not missing, "keys missing from the catalogue:\n" + "\n".join(missing)


PLURALS = sorted(key for key, (_, english) in CATALOGUE.items() if ":?" in english)


def test_the_catalogue_uses_plural_specs() -> None:
    assert "publish.sum-warnings" in PLURALS


@pytest.mark.parametrize(
    ("count", "english", "indonesian"),
    [
        (0, "0 warnings", "0 peringatan"),
        (1, "1 warning", "1 peringatan"),
        (2, "2 warnings", "2 peringatan"),
        (11, "11 warnings", "11 peringatan"),
    ],
)
def test_a_plural_spec_picks_one_for_1_and_many_otherwise(
    count: int, english: str, indonesian: str
) -> None:
    assert message("publish.sum-warnings", "en", count=count) == english
    assert message("publish.sum-warnings", "id", count=count) == indonesian


@pytest.mark.parametrize("key", PLURALS)
def test_every_plural_spec_picks_its_noun_by_the_count(key: str) -> None:
    """Filled with 1 and with 2, each ``{n:?one|many}`` writes ``one`` and ``many`` in turn."""
    english = CATALOGUE[key][1]
    specs = [
        (field, spec[1:].partition("|"))
        for _, field, spec, _ in string.Formatter().parse(english)
        if field is not None and spec.startswith("?")
    ]
    assert specs, key
    counted = {field for field, _ in specs}
    for count in (1, 2):
        args = {name: count if name in counted else "X" for name in fields(english)}
        text = message(key, "en", args)
        for _, (one, _, many) in specs:
            assert (one if count == 1 else many) in text, (key, count, text)
            assert f"?{one}|{many}" not in text, (key, count, text)


def test_a_localized_argument_is_worded_in_the_messages_language() -> None:
    count = Localized("publish.sum-warnings", count=1)
    assert (count.localize("id"), count.localize("en")) == ("1 peringatan", "1 warning")
