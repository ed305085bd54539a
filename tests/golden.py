"""Golden files: text people read, compared with a reviewed copy under ``tests/golden/``.

``check_golden("roster/bad_nip.id.txt", text)`` fails with a diff when the text
differs from the file.  Run ``pytest --update-golden`` to write the files from
the current output instead, then review the change with ``git diff``.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"

#: Set from ``--update-golden`` by ``conftest.py``.
UPDATE = False


_RELEASES = re.compile(r'"(edaran_version|holidays_version)": "[^"]*"')


def check_golden(relative_path: str, text: str) -> None:
    """Compare ``text`` with ``tests/golden/<relative_path>``, or rewrite it when updating."""
    path = GOLDEN / relative_path
    # The releases that made an output (its provenance) change with the installation.
    text = _RELEASES.sub(r'"\1": "*"', text)
    if not text.endswith("\n"):
        text += "\n"  # files end with a newline; editors add one anyway
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="\n")
        return
    if not path.exists():
        pytest.fail(f"no golden file {relative_path}; run pytest --update-golden and review it")
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            text.splitlines(keepends=True),
            f"golden/{relative_path}",
            "actual",
        )
        pytest.fail(
            f"output differs from golden/{relative_path} "
            f"(pytest --update-golden rewrites it):\n{''.join(diff)}",
            pytrace=False,
        )


#: Versions of installed packages inside a provenance: they change with every release.
_VERSIONS = re.compile(r'("(?:edaran|holidays)_version": )"[^"]*"')


def steady(text: str) -> str:
    """``text`` with the installed versions of a provenance replaced by ``"*"``."""
    return _VERSIONS.sub(r'\1"*"', text)


def check_golden_json(relative_path: str, text: str, schema: str) -> None:
    """Validate the JSON ``text`` against the shipped schema ``schema``, then compare it.

    The versions in its provenance are compared as ``"*"`` (see :func:`steady`).
    """
    from schemas import validate

    validate(json.loads(text), schema)
    check_golden(relative_path, steady(text))
