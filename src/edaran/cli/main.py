"""The ``edaran`` command: check, test, decide, explain and run circulars.

This module holds the parser, ``main`` and the rule-file subcommands;
``schedule`` and ``discipline`` live in :mod:`edaran.cli.schedule` and
:mod:`edaran.cli.discipline`, and what they share in :mod:`edaran.cli.common`.
Subcommands have English names and Indonesian aliases (``periksa``, ``uji``,
``putuskan``, ``jelaskan``, ``jalankan``, ``jadwalkan``, ``disiplin``).  Messages
are Indonesian unless ``--lang en`` (or ``EDARAN_LANG=en``).

Exit codes: 0 clean, 1 problems in the input or failed examples, 2 bad usage,
3 an internal error (a bug in ``edaran``).  No Python traceback reaches the
terminal: every problem in the input is a diagnostic, and anything else is one
short message naming a report file (:mod:`edaran.cli.crash`).
"""

from __future__ import annotations

import argparse
import contextvars
import importlib
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from edaran.cli.common import (
    RECALLS_HELP,
    SIZE_HELP,
    clean_parts,
    date_argument,
    load_circular,
    read_recall_file,
    roster_or_report,
    size_argument,
)
from edaran.cli.crash import internal_error
from edaran.cli.diff import add_parser as add_diff_parser
from edaran.cli.fmt import add_parser as add_fmt_parser
from edaran.cli.init import add_parser as add_init_parser
from edaran.cli.lsp import add_parser as add_lsp_parser
from edaran.cli.population import FORMATS, add_engine_args, decide_and_write
from edaran.cli.quota import add_parsers as add_quota_parsers
from edaran.cli.review import add_parsers as add_review_parsers
from edaran.cli.serve import add_parser as add_serve_parser
from edaran.cli.sql import add_parser as add_sql_parser
from edaran.cli.usage import add_format, argv_lang, in_language, settle_format
from edaran.core.files import DEFAULT_RULE_LIMIT, set_parent_root, set_rule_limit
from edaran.core.version import VERSION
from edaran.messages import Lang, default_lang, message, os_reason

if TYPE_CHECKING:  # the engines load in the command that needs them, not for --help
    from edaran.testing.runner import ExampleResult

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
    common.add_argument(
        "--root",
        type=Path,
        default=argparse.SUPPRESS,
        help="berkas induk (memperluas, mengubah) hanya dari folder ini / "
        "parents only from this folder",
    )
    common.add_argument(
        "--max-rule-bytes",
        type=_positive_int,
        default=argparse.SUPPRESS,
        help=f"batas ukuran berkas aturan / rule-file size limit (bytes, {DEFAULT_RULE_LIMIT})",
    )
    parser = argparse.ArgumentParser(
        prog="edaran",
        description="Surat edaran sebagai aturan / circulars as rules",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"edaran {VERSION}",
        help="tampilkan versi / show the version",
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
    add_format(p, ["text", "json", "sarif"], "text")
    p.add_argument("--output", type=Path)
    p = sub.add_parser(
        "test", aliases=["uji"], parents=[common], help="jalankan contoh / run the examples"
    )
    p.add_argument("files", nargs="+", type=Path)
    add_format(p, ["text", "json", "junit"], "text")
    p.add_argument("--output", type=Path)
    p.add_argument(
        "--coverage",
        "--cakupan",
        action="store_true",
        help="butir mana yang diuji contoh / which butir the examples exercise",
    )
    p.add_argument(
        "--min-coverage",
        "--cakupan-minimal",
        type=_percent_argument,
        help="gagal bila cakupan butir di bawah N persen / fail below N percent",
    )
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
    add_format(p, FORMATS, "csv")
    p.add_argument("--output", type=Path)
    add_engine_args(p)
    p.add_argument("--recalls", type=Path, help=RECALLS_HELP)
    p = sub.add_parser(
        "explain",
        aliases=["jelaskan"],
        parents=[common],
        help="jelaskan satu keputusan / explain one decision",
    )
    _roster_args(p)
    p.add_argument("--nip", required=True)
    p.add_argument("--date", required=True, type=date_argument)
    add_format(p, ["text", "json"], "text")
    p.add_argument("--recalls", type=Path, help=RECALLS_HELP)
    p = sub.add_parser(
        "schedule",
        aliases=["jadwalkan"],
        parents=[common],
        help="jadwal yang memenuhi batas (kuota, minimal hadir) / a schedule meeting the limits",
    )
    _roster_args(p)
    p.add_argument("--from", dest="first", required=True, type=date_argument)
    p.add_argument("--to", dest="last", required=True, type=date_argument)
    add_format(p, ["csv", "json", "xlsx", "ics"], "csv")
    p.add_argument("--output", type=Path, help="file (csv, json, xlsx) or folder (ics)")
    p.add_argument(
        "--per",
        choices=["person", "unit"],
        default="person",
        help="ics: a file per person or per unit",
    )
    p.add_argument("--absences", type=Path, help="cuti.csv: nip, mulai, sampai")
    p.add_argument("--transfers", type=Path, help="mutasi.csv: nip, tanggal, unit")
    p.add_argument("--recalls", type=Path, help=RECALLS_HELP)
    p.add_argument(
        "--plan",
        type=Path,
        help="rencana.csv: nip atau unit, tanggal, moda; diperiksa, bukan dijadwalkan / "
        "nip or unit, date, mode; checked, not scheduled",
    )
    p = sub.add_parser(
        "discipline",
        aliases=["disiplin"],
        parents=[common],
        help="pelanggaran dan sanksi dari log kontak / breaches and sanctions from a contact log",
    )
    _roster_args(p)
    p.add_argument(
        "--contacts",
        type=Path,
        nargs="+",
        default=[],
        help="log kontak (CSV/JSONL); several parts are merged",
    )
    p.add_argument(
        "--attendance",
        "--presensi",
        type=Path,
        nargs="+",
        default=[],
        help="log presensi (CSV/JSONL/XLSX), dibaca mengalir / attendance log, streamed",
    )
    p.add_argument("--from", dest="first", type=date_argument)
    p.add_argument("--to", dest="last", type=date_argument)
    add_format(p, ["csv", "json", "xlsx"], "csv")
    p.add_argument(
        "--output", type=Path, help="file (json, xlsx) or folder (csv: pelanggaran.csv, sanksi.csv)"
    )
    p.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="lewati baris rusak (dilaporkan) / skip bad rows (reported)",
    )
    p.add_argument("--absences", type=Path, help="cuti.csv: nip, mulai, sampai")
    p.add_argument("--recalls", type=Path, help=RECALLS_HELP)
    p.add_argument("--nip", help="riwayat satu pegawai / one employee's history")
    p = sub.add_parser(
        "run",
        aliases=["jalankan"],
        parents=[common],
        help="pekerjaan utama pada contoh terpaket / the main job on a bundled example",
    )
    p.add_argument("directory", type=Path)
    p.add_argument("--output", type=Path)
    add_engine_args(p)
    p.add_argument("--max-bytes", type=size_argument, help=SIZE_HELP)
    add_init_parser(sub, common)
    add_diff_parser(sub, common)
    add_quota_parsers(sub, common)
    add_sql_parser(sub, common)
    add_serve_parser(sub, common)
    add_fmt_parser(sub, common)
    add_review_parsers(sub, common)
    add_lsp_parser(sub, common)
    return parser


#: What the exit codes mean (the end of ``edaran --help``).
EXIT_CODES = (
    "kode keluar / exit codes: 0 bersih / clean; 1 masalah pada masukan / problems in the "
    "input; 2 pemakaian salah / bad usage; 3 galat internal / internal error"
)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(
            f"bukan bilangan positif / not a positive number: {text!r}"
        ) from None
    return value


def _percent_argument(text: str) -> Decimal:
    try:
        value = Decimal(text.strip().rstrip("%"))
    except ArithmeticError:
        value = Decimal(-1)
    if not value.is_finite() or not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(
            f"bukan persen 0-100 / not a percent from 0 to 100: {text!r}"
        ) from None
    return value


def _roster_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path)
    p.add_argument("--roster", required=True, type=Path)
    p.add_argument("--max-bytes", type=size_argument, help=SIZE_HELP)
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
        from edaran.cli.reports import check_machine

        return check_machine(args, lang)
    from edaran.variants.lifecycle import overdue, today

    failed = False
    on = args.today or today()
    for path in args.files:
        circular = load_circular(path, sys.stdout, lang)
        if circular is None:
            failed = True
            continue
        due = overdue(circular, on)
        if due is not None:
            print(_diagnostics().render_all([due], lang))
        program = circular.program
        print(message("cli.clean", lang, path=path, parts=clean_parts(program, lang)))
    return 1 if failed else 0


def _print_results(results: Sequence[ExampleResult], lang: Lang) -> tuple[int, int]:
    passed = failed = 0
    for result in results:
        where = f"{result.span.path}:{result.span.line}" if result.span else ""
        status = message("cli.pass" if result.passed else "cli.fail", lang)
        print(f"{status:6} {where} {result.title}")
        for output, expected, got in result.failure_texts(lang):
            print(message("cli.expected", lang, output=output, expected=expected, got=got))
        if result.error is not None:
            print("    " + _diagnostics().render(result.error, lang).replace("\n", "\n    "))
        passed += result.passed
        failed += not result.passed
    return passed, failed


def cmd_test(args: argparse.Namespace, lang: Lang) -> int:
    if args.format != "text":
        from edaran.cli.reports import test_machine

        return test_machine(args, lang)
    from edaran.cli.reports import below_message, meets_minimum, wants_coverage
    from edaran.testing.coverage import clause_coverage
    from edaran.testing.runner import run_examples

    passed = failed = 0
    below = []
    for path in args.files:
        circular = load_circular(path, sys.stdout, lang)
        if circular is None:
            failed += 1
            continue
        results = run_examples(circular)
        p, f = _print_results(results, lang)
        passed, failed = passed + p, failed + f
        if wants_coverage(args):
            coverage = clause_coverage(circular, results, str(path))
            print(coverage.render(lang))
            if not meets_minimum(coverage.to_dict(), args):
                below.append(below_message(str(path), coverage.to_dict(), args, lang))
    print(message("cli.tally", lang, passed=passed, failed=failed))
    for line in below:
        print(line)
    return 1 if failed or below else 0


def cmd_decide(args: argparse.Namespace, lang: Lang) -> int:
    if args.last is not None and args.last < args.first:
        sys.stderr.write(message("cli.bad-range", lang, first=args.first, last=args.last) + "\n")
        return 2
    if args.format == "parquet" and args.output is None:
        sys.stderr.write(message("cli.parquet-output", lang) + "\n")
        return 2
    if args.format == "json" and args.engine in ("duckdb", "spark"):
        sys.stderr.write(message("cli.json-engine", lang, engine=args.engine) + "\n")
        return 2
    if args.recalls and args.engine in ("duckdb", "spark"):
        sys.stderr.write(message("cli.recalls-engine", lang, engine=args.engine) + "\n")
        return 2
    circular = load_circular(args.file, sys.stderr, lang, as_of=args.as_of)
    roster = roster_or_report(args.roster, lang, args.max_bytes, circular) if circular else None
    if circular is None or roster is None:
        return 1
    recalls = read_recall_file(args, roster, lang)
    if recalls is None:
        return 1
    staff: Sequence[Any] = roster.employees
    if args.nip:
        person = roster.by_nip(args.nip)
        if person is None:
            sys.stderr.write(message("cli.no-nip", lang, nip=args.nip) + "\n")
            return 1
        staff = [person]
    period = (args.first, args.last or args.first)
    _, undecided = decide_and_write(
        circular, roster, staff, period, args, args.output, lang, recalls=recalls
    )
    return 1 if undecided else 0


def cmd_explain(args: argparse.Namespace, lang: Lang) -> int:
    from edaran.engine.decision import DecisionError, recall_line, recall_object
    from edaran.scheduling.recalls import OFFICE, recall_for

    circular = load_circular(args.file, sys.stderr, lang, as_of=args.as_of)
    roster = roster_or_report(args.roster, lang, args.max_bytes, circular) if circular else None
    if circular is None or roster is None:
        return 1
    person = roster.by_nip(args.nip)
    if person is None:
        sys.stderr.write(message("cli.no-nip", lang, nip=args.nip) + "\n")
        return 1
    recalls = read_recall_file(args, roster, lang)
    if recalls is None:
        return 1
    # Every output the file decides: the work mode first, then jam_kerja and each keluaran.
    explanations = []
    failed = False
    for output in circular.decided_outputs():
        try:
            explanations.append(circular.explain(person, args.date, output))
        except DecisionError as err:
            sys.stderr.write(_diagnostics().render_all(err.diagnostics, lang) + "\n")
            failed = True
            if not explanations:  # the work mode itself: nothing to explain
                return 1
    decision = explanations[0].decision
    was = str(decision.value)
    recall = recall_for(recalls, person.nip, person.unit, args.date, was)
    if args.format == "json":
        data = explanations[0].to_dict(lang)
        if recall is not None:
            data["recall"] = recall_object(recall, was, OFFICE)
        if len(explanations) > 1:
            data["outputs"] = [e.to_dict(lang) for e in explanations[1:]]
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        print("\n\n".join(e.render(lang) for e in explanations))
        if recall is not None:
            print(recall_line(recall, was, lang))
    return 1 if failed else 0


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
        status = max(status, _run_one(path, roster_path, args, lang))
    return status


def _run_one(path: Path, roster_path: Path, args: argparse.Namespace, lang: Lang) -> int:
    """The main job for one rule file: check, test, decide the first period, summarise."""
    from edaran.cli.quota import run_quota_files
    from edaran.cli.schedule import run_schedule
    from edaran.scheduling.summary import first_period, summarize, summary_table
    from edaran.testing.runner import run_examples

    print(message("cli.step-check", lang, path=path))
    circular = load_circular(path, sys.stdout, lang)
    if circular is None:
        return 1
    print(message("cli.step-test", lang))
    passed, failed = _print_results(run_examples(circular), lang)
    print(message("cli.tally", lang, passed=passed, failed=failed))
    roster = roster_or_report(roster_path, lang, args.max_bytes, circular)
    if roster is None:
        return 1
    output: Path | None = args.output
    first, last = first_period(circular)
    print(message("cli.step-decide", lang, people=len(roster), first=first, last=last))
    # With caps (batas), the main job is the schedule; without, the decisions.
    kind = "jadwal" if circular.program.limits else "keputusan"
    target = output or path.parent / "keluaran" / f"{kind}-{path.stem}-{first}-{last}.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    counts: Counter[tuple[str, object]] = Counter()
    if circular.program.limits:
        written = run_schedule(circular, roster, (first, last), target, counts, lang)
        print()
        print(message("cli.summary-head", lang, first=first, last=last))
        print(summary_table(summarize(roster, counts), lang))
        print()
        print(message("cli.written", lang, count=written, path=target))
        extra = run_quota_files(circular, roster, path, target.parent, lang)
        return 1 if failed or extra else 0

    tops = {code: unit.top.kode for code, unit in roster.units.items()}

    def tally(unit: str, mode: str, count: int) -> None:
        counts[(tops.get(unit, unit), mode)] += count

    written, undecided = decide_and_write(
        circular, roster, roster.employees, (first, last), args, target, lang, tally=tally
    )
    print()
    print(message("cli.summary-head", lang, first=first, last=last))
    print(summary_table(summarize(roster, counts), lang))
    print()
    print(message("cli.written", lang, count=written, path=target))
    extra = run_quota_files(circular, roster, path, target.parent, lang)
    return 1 if failed or undecided or extra else 0


def _diagnostics() -> Any:
    """:mod:`edaran.core.diagnostics`, imported when a command prints one (not for --help)."""
    from edaran.core import diagnostics

    return diagnostics


#: subcommand -> (module, function): a command's module is imported only when it runs
_COMMANDS = {
    "check": ("edaran.cli.main", "cmd_check"),
    "periksa": ("edaran.cli.main", "cmd_check"),
    "test": ("edaran.cli.main", "cmd_test"),
    "uji": ("edaran.cli.main", "cmd_test"),
    "decide": ("edaran.cli.main", "cmd_decide"),
    "putuskan": ("edaran.cli.main", "cmd_decide"),
    "explain": ("edaran.cli.main", "cmd_explain"),
    "jelaskan": ("edaran.cli.main", "cmd_explain"),
    "run": ("edaran.cli.main", "cmd_run"),
    "jalankan": ("edaran.cli.main", "cmd_run"),
    "schedule": ("edaran.cli.schedule", "cmd_schedule"),
    "jadwalkan": ("edaran.cli.schedule", "cmd_schedule"),
    "discipline": ("edaran.cli.discipline", "cmd_discipline"),
    "disiplin": ("edaran.cli.discipline", "cmd_discipline"),
    "diff": ("edaran.cli.diff", "cmd_diff"),
    "beda": ("edaran.cli.diff", "cmd_diff"),
    "init": ("edaran.cli.init", "cmd_init"),
    "mulai": ("edaran.cli.init", "cmd_init"),
    "quota": ("edaran.cli.quota", "cmd_quota"),
    "kuota": ("edaran.cli.quota", "cmd_quota"),
    "report": ("edaran.cli.quota", "cmd_report"),
    "laporan": ("edaran.cli.quota", "cmd_report"),
    "sql": ("edaran.cli.sql", "cmd_sql"),
    "kueri": ("edaran.cli.sql", "cmd_sql"),
    "serve": ("edaran.cli.serve", "cmd_serve"),
    "layani": ("edaran.cli.serve", "cmd_serve"),
    "fmt": ("edaran.cli.fmt", "cmd_fmt"),
    "rapikan": ("edaran.cli.fmt", "cmd_fmt"),
    "export": ("edaran.cli.review", "cmd_export"),
    "ekspor": ("edaran.cli.review", "cmd_export"),
    "import": ("edaran.cli.review", "cmd_import"),
    "impor": ("edaran.cli.review", "cmd_import"),
    "lsp": ("edaran.cli.lsp", "cmd_lsp"),
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``edaran`` command; returns the exit code."""
    words = list(sys.argv[1:] if argv is None else argv)
    with in_language(argv_lang(words)):
        parser = _parser()
        args = parser.parse_args(words)
        lang: Lang = getattr(args, "lang", None) or default_lang()
        problem = settle_format(args, lang)
        if problem is not None:
            parser.error(problem)
    # --root and --max-rule-bytes hold for this command only: a second call in the
    # same process (a test, a program embedding the command) starts from the defaults.
    return contextvars.copy_context().run(_run, args, lang)


def _run(args: argparse.Namespace, lang: Lang) -> int:
    if getattr(args, "root", None) is not None:
        set_parent_root(args.root)
    if getattr(args, "max_rule_bytes", None) is not None:
        set_rule_limit(args.max_rule_bytes)
    from edaran.core.diagnostics import Diagnostic, EdaranError, Severity, render, render_all

    module, name = _COMMANDS[args.command]
    command: Callable[[argparse.Namespace, Lang], int] = getattr(
        importlib.import_module(module), name
    )
    try:
        return command(args, lang)
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
    except Exception as err:  # a bug, never a problem in the input: exit 3, with a report
        return internal_error(err, args.command, lang)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
