"""``edaran export`` (``ekspor``) and ``edaran import`` (``impor``): the rules as a table."""

from __future__ import annotations

import argparse
import os
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

__all__ = ["add_parsers", "cmd_export", "cmd_import"]


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
    add_import_parser(sub, common)


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


def add_import_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``import`` (alias ``impor``) to ``sub``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "import",
        aliases=["impor"],
        parents=[common],
        help="nilai hasil tinjauan kembali ke berkas aturan / reviewed values back into rules",
    )
    p.add_argument("file", type=Path, help="berkas aturan yang diekspor / the exported rule file")
    p.add_argument("workbook", type=Path, help="buku kerja hasil tinjauan / the reviewed workbook")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument(
        "--amend",
        type=Path,
        metavar="OUTPUT",
        help="tulis berkas perubahan (mengubah) / write an amendment file",
    )
    how.add_argument(
        "--in-place",
        action="store_true",
        help="ubah nilai di berkas aturan itu sendiri / change the values in the rule file",
    )
    p.add_argument(
        "--from",
        dest="first",
        type=date_argument,
        help="--amend: tanggal berlaku perubahan / the amendment's date in force",
    )
    p.add_argument("--number", help="--amend: nomor surat edaran perubahan / its number")


def cmd_import(args: argparse.Namespace, lang: Lang) -> int:
    """Write the amendment or the changed rule file; 0 when written or nothing changed."""
    import datetime as dt

    from edaran.core.diagnostics import render_all
    from edaran.review.amend import (
        amendment_text,
        changes_from,
        check_result,
        in_place_text,
        read_reviewed,
    )
    from edaran.review.model import review_of

    if args.amend is not None and args.first is None:
        sys.stderr.write(message("import.needs-from", lang) + "\n")
        return 2
    circular = load_circular(args.file, sys.stderr, lang)
    if circular is None:
        return 1
    workbook = str(args.workbook)
    reviewed, problems = read_reviewed(args.workbook)
    if reviewed is None:
        sys.stderr.write(render_all(problems, lang) + "\n")
        return 1
    review = review_of(circular, lang)
    changes, more = changes_from(review, reviewed, workbook)
    problems += more
    if not changes:
        if problems:
            sys.stderr.write(render_all(problems, lang) + "\n")
            return 1
        print(message("import.none", lang))
        return 0
    header = circular.program.header
    start = header.effective_from or dt.date(2000, 1, 1)
    effective = args.first or start + dt.timedelta(days=1)
    target: Path = args.amend if args.amend is not None else args.file
    amends = os.path.relpath(args.file.resolve(), target.resolve().parent)
    number = args.number or f"{header.number}-P"
    text, owner = amendment_text(
        review,
        changes,
        amends=Path(amends).as_posix(),
        number=number,
        effective=effective,
        workbook=workbook,
        lang=lang,
    )
    # The amendment checks every changed value against the circular's declarations,
    # and places each error on the cell that wrote it (in place too).
    checked_at = target if args.amend is not None else args.file.with_suffix(".import.edaran")
    checked, found = check_result(
        text, str(checked_at), checked_at.resolve(), owner, reviewed, review, workbook
    )
    problems += found
    if args.in_place and not problems:
        new_text, problems = in_place_text(review, changes, circular, reviewed, workbook)
        if new_text is not None:
            text = new_text
            checked, problems = check_result(
                text, str(args.file), args.file.resolve(), {}, reviewed, review, workbook
            )
    if problems or checked is None:
        sys.stderr.write(render_all(problems, lang) + "\n")
        return 1
    print(message("import.changed", lang, count=len(changes)))
    for change in changes:
        key = "import.change" if change.old and change.new else (
            "import.added" if change.new else "import.removed"
        )  # fmt: skip
        print(message(key, lang, name=change.label, old=change.old, new=change.new))
    target.write_text(text, encoding="utf-8", newline="\n")
    print(message("import.written", lang, path=target))
    return 0
