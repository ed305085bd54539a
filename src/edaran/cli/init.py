"""``edaran init`` (``mulai``): a new variant folder from a template, ready to fill."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from edaran.messages import Lang, message

__all__ = ["add_parser", "cmd_init"]


def add_parser(sub: Any, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add ``init`` (alias ``mulai``) to the subcommands ``sub``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "init",
        aliases=["mulai"],
        parents=[common],
        help="buat folder varian dari templat / scaffold a variant folder from a template",
    )
    p.add_argument("name", metavar="NAME", help="nama folder varian / variant folder name")
    p.add_argument(
        "--from",
        dest="template",
        default=None,
        metavar="TEMPLATE",
        help="templat atau berkas .edaran / template or .edaran file (bawaan/default: nasional)",
    )
    p.add_argument(
        "--dir",
        type=Path,
        default=None,
        metavar="PATH",
        help="folder tempat varian dibuat / where to create it (default: .)",
    )
    return p


def cmd_init(args: argparse.Namespace, lang: Lang) -> int:
    """Write the variant folder; 0 when written, 1 when refused."""
    from edaran.core.diagnostics import EdaranError, render_all
    from edaran.variants.scaffold import DEFAULT_TEMPLATE, scaffold

    target = args.dir if args.dir is not None else Path.cwd()
    try:
        written = scaffold(args.name, target, args.template or DEFAULT_TEMPLATE)
    except EdaranError as err:
        sys.stderr.write(render_all(err.diagnostics, lang) + "\n")
        return 1
    print(message("init.created", lang))
    for path in written:
        print(f"  {path}")
    print(message("init.next", lang, rules=written[0]))
    return 0
