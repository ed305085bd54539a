"""``edaran lsp``: the language server that editors start (stdio; the ``lsp`` extra)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from edaran.messages import Lang

__all__ = ["add_parser", "cmd_lsp"]


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``lsp`` to the subcommands ``sub``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "lsp",
        parents=[common],
        help="server bahasa untuk editor (stdio) / the language server for editors (extra: lsp)",
    )
    p.add_argument(
        "--roster",
        type=Path,
        help="daftar pegawai untuk nama unit / the roster that names the units "
        "(default: a roster/ folder beside the rule file)",
    )


def cmd_lsp(args: argparse.Namespace, lang: Lang) -> int:
    """Serve one editor over stdio; messages in ``--lang``, else the editor's language."""
    from edaran.io.publish import require_format

    require_format("lsp")
    from edaran.authoring.lsp import run

    run(getattr(args, "lang", None), args.roster)
    return 0
