"""``edaran discipline``: breaches and sanctions from a contact log, published."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from edaran.cli.common import (
    load_circular,
    progress_bar,
    read_presence,
    read_recall_file,
    roster_or_report,
)
from edaran.core.diagnostics import Severity, render_all
from edaran.io.publish import write_companion
from edaran.messages import Lang, message

__all__ = ["cmd_discipline"]


def cmd_discipline(args: argparse.Namespace, lang: Lang) -> int:

    from edaran.discipline import writers as discipline_io
    from edaran.discipline.engine import run_discipline
    from edaran.io.attendance import AttendanceProblems, iter_attendance
    from edaran.io.contacts import read_contact_logs
    from edaran.model.calendar import zone as time_zone

    if not args.contacts and not args.attendance:
        sys.stderr.write(message("cli.discipline-no-log", lang) + "\n")
        return 2
    if args.first and args.last and args.last < args.first:
        sys.stderr.write(message("cli.bad-range", lang, first=args.first, last=args.last) + "\n")
        return 2
    if args.format == "xlsx":
        from edaran.io.publish import require_format

        require_format("xlsx")
    circular = load_circular(args.file, sys.stderr, lang, as_of=args.as_of)
    roster = roster_or_report(args.roster, lang, args.max_bytes, circular) if circular else None
    if circular is None or roster is None:
        return 1
    zone = time_zone(circular.program.header.timezone)
    merged, problems = read_contact_logs(
        args.contacts, roster=roster, tz=zone, skip_bad_rows=args.skip_bad_rows
    )
    if problems:
        sys.stderr.write(render_all(problems, lang) + "\n")
    if any(d.is_error for d in problems):
        return 1
    args.transfers = None
    presence = read_presence(args, roster, lang)
    recalls = read_recall_file(args, roster, lang) if presence is not None else None
    if presence is None or recalls is None:
        return 1
    attendance = AttendanceProblems(Severity.WARNING if args.skip_bad_rows else Severity.ERROR)
    events = iter_attendance(args.attendance, tz=zone, problems=attendance, roster=roster)
    with progress_bar(lang) as progress:
        result = run_discipline(
            circular,
            roster.employees,
            merged,
            first=args.first,
            last=args.last,
            absences=presence[0],
            recalls=recalls,
            progress=progress,
            attendance=events,
        )
    if attendance.all():
        sys.stderr.write(render_all(attendance.all(), lang) + "\n")
    if attendance.failed:  # read as a stream: the result is refused whole
        return 1
    if result.warnings:
        sys.stderr.write(render_all(result.warnings, lang) + "\n")
    names = {e.nip: e.nama for e in roster.employees}
    if args.nip:
        if roster.by_nip(args.nip) is None:
            sys.stderr.write(message("cli.no-nip", lang, nip=args.nip) + "\n")
            return 1
        contacts = {c.id: c for c in merged}
        print(discipline_io.person_history(result, args.nip, lang, names, contacts=contacts))
        return 0
    _write_discipline(result, args, names, merged, lang)
    sys.stderr.write(discipline_io.summary_text(result, lang) + "\n")
    return 0


def _write_discipline(
    result: Any, args: argparse.Namespace, names: dict[str, str], contacts: Any, lang: Lang
) -> None:
    from edaran.discipline import writers as discipline_io

    extra = {"contacts": {c.id: c for c in contacts}}
    if args.format == "xlsx":
        target = args.output or Path("disiplin.xlsx")
        discipline_io.write_xlsx(result, target, lang, names, **extra)
    elif args.format == "json":
        if args.output:
            with args.output.open("w", encoding="utf-8", newline="") as out:
                discipline_io.write_json(result, out, lang, names, **extra)
        else:
            discipline_io.write_json(result, sys.stdout, lang, names, **extra)
    elif args.output:
        args.output.mkdir(parents=True, exist_ok=True)
        with (args.output / "pelanggaran.csv").open("w", encoding="utf-8", newline="") as out:
            discipline_io.write_breaches_csv(result, out, lang, names, **extra)
        with (args.output / "sanksi.csv").open("w", encoding="utf-8", newline="") as out:
            discipline_io.write_sanctions_csv(result, out, lang, names, **extra)
        for name in ("pelanggaran.csv", "sanksi.csv"):
            write_companion(args.output / name, result.provenance)
    else:
        discipline_io.write_sanctions_csv(result, sys.stdout, lang, names, **extra)
    sys.stdout.flush()
