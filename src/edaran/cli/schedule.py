"""``edaran schedule``: a schedule that meets the circular's limits, published."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from edaran.cli.common import (
    load_circular,
    progress_bar,
    read_presence,
    read_recall_file,
    roster_or_report,
)
from edaran.core.diagnostics import render_all
from edaran.io.publish import write_companion
from edaran.messages import Lang, message
from edaran.scheduling.scheduler import unknown_table_units

if TYPE_CHECKING:
    from edaran.engine.circular import Circular
    from edaran.io.roster import Roster

__all__ = ["cmd_schedule", "run_schedule"]


def run_schedule(
    circular: Circular,
    roster: Roster,
    period: tuple[dt.date, dt.date],
    target: Path,
    counts: Counter[tuple[str, object]],
    lang: Lang,
) -> int:
    """Schedule the period, write it to ``target`` and count modes per top-level unit."""
    from edaran.scheduling import writers as schedule_io
    from edaran.scheduling.scheduler import schedule

    # The clauses of the file's own limits, in file order (not a fixed "butir 4").
    clauses = dict.fromkeys(limit.clause for limit in circular.program.limits)
    print(message("cli.step-schedule", lang, clauses=", ".join(clauses)))
    with progress_bar(lang) as progress:
        made = schedule(circular, roster.employees, *period, progress=progress)
    if made.warnings:
        sys.stderr.write(render_all(made.warnings, lang) + "\n")
    top = {e.nip: e.unit.top.kode for e in roster.employees}
    for assignment in made:
        counts[(top[assignment.nip], assignment.mode)] += 1
    with target.open("w", encoding="utf-8", newline="") as out:
        written = schedule_io.write_csv(made, out, lang)
    write_companion(target, made.provenance)
    return written


def cmd_schedule(args: argparse.Namespace, lang: Lang) -> int:
    from edaran.io.publish import require_format
    from edaran.scheduling import writers as schedule_io
    from edaran.scheduling.scheduler import schedule

    if args.last < args.first:
        sys.stderr.write(message("cli.bad-range", lang, first=args.first, last=args.last) + "\n")
        return 2
    require_format(args.format)
    circular = load_circular(args.file, sys.stderr, lang, as_of=args.as_of)
    roster = roster_or_report(args.roster, lang, args.max_bytes, circular) if circular else None
    if circular is None or roster is None:
        return 1
    unknown = unknown_table_units(circular, roster.units)
    if unknown:
        sys.stderr.write(render_all(unknown, lang) + "\n")
        return 1
    presence = read_presence(args, roster, lang)
    if presence is None:
        return 1
    absences, transfers = presence
    recalls = read_recall_file(args, roster, lang)
    if recalls is None:
        return 1
    if getattr(args, "plan", None):
        planned = _checked_plan(args, circular, roster, (absences, transfers, recalls), lang)
        if planned is None:
            return 1
        made = planned
    else:
        with progress_bar(lang) as progress:
            made = schedule(
                circular,
                roster.employees,
                args.first,
                args.last,
                absences=absences,
                transfers=transfers,
                recalls=recalls,
                progress=progress,
            )
    if made.warnings:
        sys.stderr.write(render_all(made.warnings, lang) + "\n")
    if args.format == "xlsx":
        schedule_io.write_xlsx(made, args.output or Path("jadwal.xlsx"), lang)
    elif args.format == "ics":
        schedule_io.write_ics(made, args.output or Path("jadwal-ics"), args.per, lang)
    elif args.output:
        with args.output.open("w", encoding="utf-8", newline="") as out:
            _write_schedule(made, args.format, out, lang)
        if args.format == "csv":
            write_companion(args.output, made.provenance)
    else:
        _write_schedule(made, args.format, sys.stdout, lang)
    sys.stdout.flush()  # the schedule first, then the summary, even in one pipe
    sys.stderr.write(schedule_io.summary_text(made, lang) + "\n")
    return 1 if any(d.is_error for d in made.warnings) else 0


def _write_schedule(made: Any, fmt: str, out: TextIO, lang: Lang) -> None:
    from edaran.scheduling import writers as schedule_io

    if fmt == "json":
        schedule_io.write_json(made, out, lang)
    else:
        schedule_io.write_csv(made, out, lang)


def _checked_plan(
    args: argparse.Namespace,
    circular: Circular,
    roster: Roster,
    presence: tuple[list[Any], list[Any], list[Any]],
    lang: Lang,
) -> Any | None:
    """The plan of ``--plan`` checked against the rules and limits (None after bad rows);
    ``presence`` is the absences, transfers and recalls."""
    from edaran.io.presence import read_plan
    from edaran.scheduling.plan import check_plan

    rows, problems = read_plan(args.plan, roster)
    if problems:
        sys.stderr.write(render_all(problems, lang) + "\n")
    if any(d.is_error for d in problems):
        return None
    return check_plan(
        circular,
        roster.employees,
        rows,
        args.first,
        args.last,
        absences=presence[0],
        transfers=presence[1],
        recalls=presence[2],
    )
