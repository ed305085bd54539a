"""``edaran export`` (``ekspor``) and ``edaran import`` (``impor``): the rules as a table."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from edaran.cli.common import (
    SIZE_HELP,
    date_argument,
    load_circular,
    roster_or_report,
    size_argument,
)
from edaran.messages import Lang, message

__all__ = ["add_parsers", "cmd_export"]


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``export`` (alias ``ekspor``) and ``import`` (alias ``impor``) to ``sub``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "export",
        aliases=["ekspor"],
        parents=[common],
        help="aturan sebagai tabel untuk ditinjau / the rules as a table for review",
    )
    p.add_argument("file", type=Path)
    p.add_argument("--format", choices=["xlsx", "md", "html"], default="xlsx")
    p.add_argument("--output", type=Path, help="berkas / file (xlsx: required)")
    p.add_argument(
        "--roster",
        type=Path,
        help="html: keputusan tiap butir pada daftar pegawai ini / each butir's decisions on it",
    )
    p.add_argument("--from", dest="first", type=date_argument)
    p.add_argument("--to", dest="last", type=date_argument)
    p.add_argument("--max-bytes", type=size_argument, help=SIZE_HELP)


def cmd_export(args: argparse.Namespace, lang: Lang) -> int:
    """Write the export; 0 when written, 1 on a problem in the input, 2 on bad usage."""
    if args.format == "xlsx" and args.output is None:
        sys.stderr.write(message("export.needs-output", lang, format=args.format) + "\n")
        return 2
    if args.first and args.last and args.last < args.first:
        sys.stderr.write(message("cli.bad-range", lang, first=args.first, last=args.last) + "\n")
        return 2
    from edaran.review import export_review
    from edaran.scheduling.summary import first_period

    circular = load_circular(args.file, sys.stderr, lang)
    if circular is None:
        return 1
    employees = None
    period = None
    if args.roster is not None and args.format == "html":
        roster = roster_or_report(args.roster, lang, args.max_bytes)
        if roster is None:
            return 1
        employees = roster.employees
        first, last = first_period(circular)
        period = (args.first or first, args.last or (args.first or last))
        if args.first and not args.last:
            period = (args.first, last if last >= args.first else args.first)
    result = export_review(circular, args.format, lang, employees=employees, period=period)
    if isinstance(result, bytes):
        assert args.output is not None
        args.output.write_bytes(result)
    elif args.output is not None:
        args.output.write_text(result, encoding="utf-8", newline="\n")
    else:
        sys.stdout.write(result)
        return 0
    sys.stderr.write(message("export.written", lang, path=args.output) + "\n")
    return 0
