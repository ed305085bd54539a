"""Golden files: text people read, compared with a reviewed copy under ``tests/golden/``.

``check_golden("roster/bad_nip.id.txt", text)`` fails with a diff when the text
differs from the file.  Run ``pytest --update-golden`` to write the files from
the current output instead, then review the change with ``git diff``.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"

#: Set from ``--update-golden`` by ``conftest.py``.
UPDATE = False


def check_golden(relative_path: str, text: str) -> None:
    """Compare ``text`` with ``tests/golden/<relative_path>``, or rewrite it when updating."""
    path = GOLDEN / relative_path
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
