"""The ``edaran`` command: check, test, decide, explain and run circulars.

This module holds the parser, ``main`` and the rule-file subcommands;
``schedule`` and ``discipline`` live in :mod:`edaran.cli.schedule` and
:mod:`edaran.cli.discipline`, and what they share in :mod:`edaran.cli.common`.
Subcommands have English names and Indonesian aliases (``periksa``, ``uji``,
``putuskan``, ``jelaskan``, ``jalankan``, ``jadwalkan``, ``disiplin``).  Messages
are Indonesian unless ``--lang en`` (or ``EDARAN_LANG=en``).  Exit codes: 0 clean, 1 problems in the
input or failed examples, 2 bad usage.  No Python traceback reaches the
terminal: every error is a diagnostic.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from edaran.cli.common import (
    clean_parts,
    date_argument,
    load_circular,
    roster_or_report,
)
from edaran.cli.diff import add_parser as add_diff_parser
from edaran.cli.diff import cmd_diff
from edaran.cli.discipline import cmd_discipline
from edaran.cli.init import add_parser as add_init_parser
from edaran.cli.init import cmd_init
from edaran.cli.quota import add_parsers as add_quota_parsers
from edaran.cli.quota import cmd_quota, cmd_report, run_quota_files
from edaran.cli.reports import check_machine, test_machine
from edaran.cli.schedule import cmd_schedule, run_schedule
from edaran.cli.serve import add_parser as add_serve_parser
from edaran.cli.serve import cmd_serve
from edaran.core.diagnostics import Diagnostic, EdaranError, Severity, render, render_all
from edaran.core.values import show_value
from edaran.engine.circular import Circular
from edaran.engine.decision import Decision, DecisionError, decisions_json
from edaran.io.publish import provenance, write_companion
from edaran.io.roster import Roster
from edaran.messages import Lang, default_lang, message, os_reason
from edaran.testing.runner import ExampleResult, run_examples
from edaran.variants.lifecycle import overdue, today

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a --lang after the subcommand must not reset one given before it.
    common.add_argument(
        "--lang",
        choices=["id", "en"],
        default=argparse.SUPPRESS,
        help="bahasa pesan / message language (id, en)",
    )
    parser = argparse.ArgumentParser(
        prog="edaran",
        description="Surat edaran sebagai aturan / circulars as rules",
        parents=[common],
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser(
        "check",
        aliases=["periksa"],
        parents=[common],
        help="periksa berkas aturan / check rule files",
    )
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument(
        "--hari-ini",
        "--today",
        dest="today",
        type=date_argument,
        help="tanggal acuan evaluasi (W148) / the date evaluations are due against",
    )
    p.add_argument("--format", choices=["text", "json", "sarif"], default="text")
    p.add_argument("--output", type=Path)
    p = sub.add_parser(
        "test", aliases=["uji"], parents=[common], help="jalankan contoh / run the examples"
    )
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--format", choices=["text", "json", "junit"], default="text")
    p.add_argument("--output", type=Path)
    p = sub.add_parser(
        "decide",
        aliases=["putuskan"],
        parents=[common],
        help="putuskan moda kerja / decide work modes",
    )
    _roster_args(p)
    p.add_argument("--from", dest="first", required=True, type=date_argument)
    p.add_argument("--to", dest="last", type=date_argument)
    p.add_argument("--nip")
    p.add_argument("--format", choices=["csv", "json"], default="csv")
    p.add_argument("--output", type=Path)
    p = sub.add_parser(
        "explain",
        aliases=["jelaskan"],
        parents=[common],
        help="jelaskan satu keputusan / explain one decision",
    )
    _roster_args(p)
    p.add_argument("--nip", required=True)
    p.add_argument("--date", required=True, type=date_argument)
    p.add_argument("--format", choices=["text", "json"], default="text")
    p = sub.add_parser(
        "schedule",
        aliases=["jadwalkan"],
        parents=[common],
        help="jadwal yang memenuhi kuota butir 4 / a schedule meeting the caps",
    )
    _roster_args(p)
    p.add_argument("--from", dest="first", required=True, type=date_argument)
    p.add_argument("--to", dest="last", required=True, type=date_argument)
    p.add_argument("--format", choices=["csv", "json", "xlsx", "ics"], default="csv")
    p.add_argument("--output", type=Path, help="file (csv, json, xlsx) or folder (ics)")
    p.add_argument(
        "--per",
        choices=["person", "unit"],
        default="person",
        help="ics: a file per person or per unit",
    )
    p.add_argument("--absences", type=Path, help="cuti.csv: nip, mulai, sampai")
    p.add_argument("--transfers", type=Path, help="mutasi.csv: nip, tanggal, unit")
    p = sub.add_parser(
        "discipline",
        aliases=["disiplin"],
        parents=[common],
        help="pelanggaran dan sanksi dari log kontak / breaches and sanctions from a contact log",
    )
    _roster_args(p)
    p.add_argument(
        "--contacts",
        required=True,
        type=Path,
        nargs="+",
        help="log kontak (CSV/JSONL); several parts are merged",
    )
    p.add_argument("--from", dest="first", type=date_argument)
    p.add_argument("--to", dest="last", type=date_argument)
    p.add_argument("--format", choices=["csv", "json", "xlsx"], default="csv")
    p.add_argument(
        "--output", type=Path, help="file (json, xlsx) or folder (csv: pelanggaran.csv, sanksi.csv)"
    )
    p.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="lewati baris rusak (dilaporkan) / skip bad rows (reported)",
    )
    p.add_argument("--absences", type=Path, help="cuti.csv: nip, mulai, sampai")
    p.add_argument("--nip", help="riwayat satu pegawai / one employee's history")
    p = sub.add_parser(
        "run",
        aliases=["jalankan"],
        parents=[common],
        help="pekerjaan utama pada contoh terpaket / the main job on a bundled example",
    )
    p.add_argument("directory", type=Path)
    p.add_argument("--output", type=Path)
    add_init_parser(sub, common)
    add_diff_parser(sub, common)
    add_quota_parsers(sub, common)
    add_serve_parser(sub, common)
    return parser


def _roster_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path)
    p.add_argument("--roster", required=True, type=Path)
    p.add_argument(
        "--per-tanggal",
        "--as-of",
        dest="as_of",
        type=date_argument,
        help="pakai versi yang berlaku pada tanggal ini / use the version in force on this date",
    )


# --------------------------------------------------------------- commands
def cmd_check(args: argparse.Namespace, lang: Lang) -> int:
    if args.format != "text":
        return check_machine(args, lang)
    failed = False
    on = args.today or today()
    for path in args.files:
        circular = load_circular(path, sys.stdout, lang)
        if circular is None:
            failed = True
            continue
        due = overdue(circular, on)
        if due is not None:
            print(render_all([due], lang))
        program = circular.program
        print(message("cli.clean", lang, path=path, parts=clean_parts(program, lang)))
    return 1 if failed else 0


def _print_results(results: Sequence[ExampleResult], lang: Lang) -> tuple[int, int]:
    passed = failed = 0
    for result in results:
        where = f"{result.span.path}:{result.span.line}" if result.span else ""
        status = message("cli.pass" if result.passed else "cli.fail", lang)
        print(f"{status:6} {where} {result.title}")
        for output, expected, got in result.failures:
            print(message("cli.expected", lang, output=output, expected=expected, got=got))
        if result.error is not None:
            print("    " + render(result.error, lang).replace("\n", "\n    "))
        passed += result.passed
        failed += not result.passed
    return passed, failed


def cmd_test(args: argparse.Namespace, lang: Lang) -> int:
    if args.format != "text":
        return test_machine(args, lang)
    passed = failed = 0
    for path in args.files:
        circular = load_circular(path, sys.stdout, lang)
        if circular is None:
            failed += 1
            continue
        p, f = _print_results(run_examples(circular), lang)
        passed, failed = passed + p, failed + f
    print(message("cli.tally", lang, passed=passed, failed=failed))
    return 1 if failed else 0


_COLUMNS = ["nip", "unit", "date", "mode", "clause", "reason"]


def _rows(
    circular: Circular, roster: Roster, decisions: Iterable[Decision], lang: Lang
) -> Iterator[dict[str, str]]:
    units = {e.nip: e.unit.kode for e in roster.employees}
    for d in decisions:
        yield {
            "nip": d.nip,
            "unit": units.get(d.nip, ""),
            "date": d.date.isoformat(),
            "mode": show_value(d.value, lang),
            "clause": d.clause or "",
            "reason": circular.reason(d, lang),
        }


def _write(rows: Iterable[dict[str, str]], fmt: str, out: TextIO) -> int:
    """The decisions' CSV rows (JSON goes through ``decisions_json``)."""
    count = 0
    writer = csv.DictWriter(out, fieldnames=_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def _report_undecided(errors: list[DecisionError], lang: Lang) -> None:
    if not errors:
        return
    shown: set[str] = set()
    for err in errors:
        text = render(err.diagnostics[0], lang)
        key = (
            err.diagnostics[0].code
            + str(err.diagnostics[0].args.get("first"))
            + str(err.diagnostics[0].args.get("second"))
        )
        if key not in shown:
            shown.add(key)
            sys.stderr.write(text + "\n\n")
    sys.stderr.write(message("cli.undecided", lang, count=len(errors)) + "\n")


def cmd_decide(args: argparse.Namespace, lang: Lang) -> int:
    if args.last is not None and args.last < args.first:
        sys.stderr.write(message("cli.bad-range", lang, first=args.first, last=args.last) + "\n")
        return 2
    circular = load_circular(args.file, sys.stderr, lang, as_of=args.as_of)
    roster = roster_or_report(args.roster, lang) if circular else None
    if circular is None or roster is None:
        return 1
    staff: Sequence[Any] = roster.employees
    if args.nip:
        person = roster.by_nip(args.nip)
        if person is None:
            sys.stderr.write(message("cli.no-nip", lang, nip=args.nip) + "\n")
            return 1
        staff = [person]
    errors: list[DecisionError] = []
    decisions = circular.decide_many(staff, args.first, args.last or args.first, errors=errors)
    with contextlib.ExitStack() as stack:
        out = sys.stdout
        if args.output:
            out = stack.enter_context(args.output.open("w", encoding="utf-8", newline=""))
            if args.format == "csv":
                write_companion(args.output, provenance(circular))
        if args.format == "json":
            out.writelines(decisions_json(provenance(circular), decisions, errors, lang))
        else:
            _write(_rows(circular, roster, decisions, lang), args.format, out)
    _report_undecided(errors, lang)
    return 1 if errors else 0


def cmd_explain(args: argparse.Namespace, lang: Lang) -> int:
    circular = load_circular(args.file, sys.stderr, lang, as_of=args.as_of)
    roster = roster_or_report(args.roster, lang) if circular else None
    if circular is None or roster is None:
        return 1
    person = roster.by_nip(args.nip)
    if person is None:
        sys.stderr.write(message("cli.no-nip", lang, nip=args.nip) + "\n")
        return 1
    try:
        explanation = circular.explain(person, args.date)
    except DecisionError as err:
        sys.stderr.write(render_all(err.diagnostics, lang) + "\n")
        return 1
    if args.format == "json":
        print(json.dumps(explanation.to_dict(lang), ensure_ascii=False, indent=1))
    else:
        print(explanation.render(lang))
    return 0


def cmd_run(args: argparse.Namespace, lang: Lang) -> int:
    directory: Path = args.directory
    files = sorted(directory.glob("*.edaran"))
    if not files:
        sys.stderr.write(message("cli.no-rules", lang, path=directory) + "\n")
        return 1
    roster_path = directory / "roster"
    if not roster_path.exists():
        sys.stderr.write(message("cli.no-roster", lang, path=directory) + "\n")
        return 1
    status = 0
    for path in files:
        status = max(status, _run_one(path, roster_path, args.output, lang))
    return status


def _run_one(path: Path, roster_path: Path, output: Path | None, lang: Lang) -> int:
    """The main job for one rule file: check, test, decide the first period, summarise."""
    from edaran.scheduling.summary import first_period, summarize, summary_table

    print(message("cli.step-check", lang, path=path))
    circular = load_circular(path, sys.stdout, lang)
    if circular is None:
        return 1
    print(message("cli.step-test", lang))
    passed, failed = _print_results(run_examples(circular), lang)
    print(message("cli.tally", lang, passed=passed, failed=failed))
    roster = roster_or_report(roster_path, lang)
    if roster is None:
        return 1
    first, last = first_period(circular)
    print(message("cli.step-decide", lang, people=len(roster), first=first, last=last))
    errors: list[DecisionError] = []
    # With caps (batas), the main job is the schedule; without, the decisions.
    kind = "jadwal" if circular.program.limits else "keputusan"
    target = output or path.parent / "keluaran" / f"{kind}-{path.stem}-{first}-{last}.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    counts: Counter[tuple[str, object]] = Counter()
    top = {e.nip: e.unit.top.kode for e in roster.employees}
    if circular.program.limits:
        written = run_schedule(circular, roster, (first, last), target, counts, lang)
        print()
        print(message("cli.summary-head", lang, first=first, last=last))
        print(summary_table(summarize(roster, counts), lang))
        print()
        print(message("cli.written", lang, count=written, path=target))
        extra = run_quota_files(circular, roster, path, target.parent, lang)
        return 1 if failed or extra else 0

    def tally(decisions: Iterable[Decision]) -> Iterator[Decision]:
        for d in decisions:
            counts[(top[d.nip], d.value)] += 1
            yield d

    decisions = tally(circular.decide_many(roster.employees, first, last, errors=errors))
    with target.open("w", encoding="utf-8", newline="") as out:
        written = _write(_rows(circular, roster, decisions, lang), "csv", out)
    write_companion(target, provenance(circular))
    print()
    print(message("cli.summary-head", lang, first=first, last=last))
    print(summary_table(summarize(roster, counts), lang))
    print()
    print(message("cli.written", lang, count=written, path=target))
    _report_undecided(errors, lang)
    extra = run_quota_files(circular, roster, path, target.parent, lang)
    return 1 if failed or errors or extra else 0


_COMMANDS = {
    "check": cmd_check,
    "periksa": cmd_check,
    "test": cmd_test,
    "uji": cmd_test,
    "decide": cmd_decide,
    "putuskan": cmd_decide,
    "explain": cmd_explain,
    "jelaskan": cmd_explain,
    "run": cmd_run,
    "schedule": cmd_schedule,
    "discipline": cmd_discipline,
    "diff": cmd_diff,
    "beda": cmd_diff,
    "init": cmd_init,
    "mulai": cmd_init,
    "disiplin": cmd_discipline,
    "quota": cmd_quota,
    "kuota": cmd_quota,
    "report": cmd_report,
    "laporan": cmd_report,
    "jadwalkan": cmd_schedule,
    "jalankan": cmd_run,
    "serve": cmd_serve,
    "layani": cmd_serve,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``edaran`` command; returns the exit code."""
    args = _parser().parse_args(argv)
    lang: Lang = getattr(args, "lang", None) or default_lang()
    try:
        return _COMMANDS[args.command](args, lang)
    except BrokenPipeError:
        # The reader went away (``edaran decide ... | head``): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        sys.stderr.write(message("cli.interrupted", lang) + "\n")
        return 130
    except EdaranError as err:
        sys.stderr.write(render_all(err.diagnostics, lang) + "\n")
        return 1
    except OSError as err:
        args_ = {"path": err.filename or "", "reason": os_reason(err)}
        diagnostic = Diagnostic("E007", None, args_, severity=Severity.ERROR)
        sys.stderr.write(render(diagnostic, lang) + "\n")
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
