"""``edaran fmt`` (``rapikan``): rule files in the one canonical layout."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from edaran.messages import Lang, message

__all__ = ["add_parser", "cmd_fmt"]


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``fmt`` (alias ``rapikan``) to the subcommands ``sub``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "fmt",
        aliases=["rapikan"],
        parents=[common],
        help="rapikan berkas aturan / format rule files",
    )
    p.add_argument(
        "files", nargs="+", type=Path, help="berkas atau folder / files or folders (*.edaran)"
    )
    p.add_argument(
        "--check",
        action="store_true",
        help="hanya periksa, jangan ubah (E700) / only check, change nothing (E700)",
    )


def _rule_files(paths: list[Path], lang: Lang) -> list[Path] | None:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*.edaran") if p.is_file())
            if not inside:
                sys.stderr.write(message("fmt.no-files", lang, path=path) + "\n")
                return None
            found.extend(inside)
        else:
            found.append(path)
    return found


def cmd_fmt(args: argparse.Namespace, lang: Lang) -> int:
    """Format every file (or, with ``--check``, report E700 for each that is not formatted)."""
    from edaran.authoring.fmt import format_text, layout_diagnostic
    from edaran.core.diagnostics import EdaranError, render_all
    from edaran.core.files import read_bytes, rule_limit
    from edaran.lang.parser import parse_file

    files = _rule_files(list(args.files), lang)
    if files is None:
        return 2
    failed = False
    changed = unchanged = 0
    for path in files:
        try:
            parse_file(path)  # every guard of the reader: size, encoding, syntax
        except EdaranError as err:
            print(render_all(err.diagnostics, lang))
            failed = True
            continue
        text = read_bytes(path, rule_limit()).decode("utf-8-sig")
        formatted = format_text(text, str(path))
        problem = layout_diagnostic(text, formatted, str(path))
        if problem is None:
            unchanged += 1
            continue
        changed += 1
        if args.check:
            print(render_all([problem], lang))
            continue
        with path.open("w", encoding="utf-8", newline="\n") as out:
            out.write(formatted)
        print(message("fmt.reformatted", lang, path=path))
    key = "fmt.tally-check" if args.check else "fmt.tally"
    print(message(key, lang, changed=changed, unchanged=unchanged))
    return 1 if failed or (args.check and changed) else 0
