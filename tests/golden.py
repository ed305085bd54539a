"""Golden files: what people read, pinned in files under ``tests/golden/``.

``check_golden("diagnostics/E101.id.txt", text)`` compares ``text`` with the
file; run ``pytest --update-golden`` to (re)write the files after reviewing
the change.
"""

from __future__ import annotations

from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"
UPDATE = {"enabled": False}


def check_golden(relative_path: str, text: str) -> None:
    """Assert ``text`` equals the golden file, or rewrite it with --update-golden."""
    path = GOLDEN / relative_path
    if UPDATE["enabled"]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"no golden file {path}; run pytest --update-golden and review it"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{relative_path} differs from its golden file"
