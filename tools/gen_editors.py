#!/usr/bin/env python3
"""Write the VS Code extension (``editors/vscode/``) from the grammar's keywords.

Usage (from the top of the checkout)::

    python tools/gen_editors.py          # rewrite editors/vscode/
    python tools/gen_editors.py --check  # exit 1 if a file there is out of date

The files come from :func:`edaran.authoring.editors.generate`; a keyword added
to ``grammar/edaran.lark`` reaches the TextMate grammar and the snippets by
running this script.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from edaran.authoring.editors import generate

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "editors" / "vscode"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if out of date")
    args = parser.parse_args(argv)
    stale = []
    for relative, text in generate().items():
        path = FOLDER / relative
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(relative)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if args.check and stale:
        print("out of date: " + ", ".join(stale) + "\nrun: python tools/gen_editors.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
