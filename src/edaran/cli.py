"""The ``edaran`` command: check, test, decide, explain and run circulars.

Subcommands have English names and Indonesian aliases (``periksa``, ``uji``,
``putuskan``, ``jelaskan``, ``jalankan``).  Messages are Indonesian unless
``--lang en`` (or ``EDARAN_LANG=en``).  Exit codes: 0 clean, 1 problems in the
input or failed examples, 2 bad usage.  No Python traceback reaches the
terminal: every error is a diagnostic.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import difflib
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from edaran.conflicts import show_value
from edaran.decision import Decision, DecisionError
from edaran.diagnostics import Diagnostic, EdaranError, Severity, render, render_all
from edaran.engine import Circular
from edaran.examples import ExampleResult, run_examples
from edaran.messages import Lang, default_lang, os_reason
from edaran.roster import Roster, load_roster

__all__ = ["main"]

_WORDS: dict[str, tuple[str, str]] = {
    "clean": (
        "{path}: bersih ({rules} aturan, {examples} contoh)",
        "{path}: clean ({rules} rules, {examples} examples)",
    ),
    "pass": ("lulus", "pass"),
    "fail": ("GAGAL", "FAIL"),
    "expected": (
        "    {output}: diharapkan {expected}, didapat {got}",
        "    {output}: expected {expected}, got {got}",
    ),
    "tally": ("{passed} passed, {failed} failed", "{passed} passed, {failed} failed"),
    "bad-range": (
        "--to ({last}) lebih awal daripada --from ({first})",
        "--to ({last}) is earlier than --from ({first})",
    ),
    "no-nip": ("NIP {nip} tidak ada dalam daftar pegawai", "NIP {nip} is not in the roster"),
    "no-rules": (
        "tidak ada berkas aturan (*.edaran) di {path}",
        "no rule file (*.edaran) in {path}",
    ),
    "no-roster": (
        "tidak ada daftar pegawai (folder roster/) di {path}",
        "no roster (folder roster/) in {path}",
    ),
    "undecided": (
        "{count} pegawai-hari tidak dapat diputuskan",
        "{count} employee-days could not be decided",
    ),
    "written": ("{count} keputusan ditulis ke {path}", "{count} decisions written to {path}"),
    "summary-head": (
        "Ringkasan per perangkat daerah, {first} s.d. {last}",
        "Summary per unit, {first} to {last}",
    ),
    "step-check": ("== Memeriksa {path}", "== Checking {path}"),
    "step-test": ("== Menjalankan contoh", "== Running the examples"),
    "step-decide": (
        "== Memutuskan {people} pegawai, {first} s.d. {last}",
        "== Deciding {people} employees, {first} to {last}",
    ),
    "step-schedule": (
        "== Menjadwalkan menurut batas (butir 4): kuota, minimal hadir, batas per orang",
        "== Scheduling within the limits (butir 4): caps, floors, per-person limits",
    ),
    "unit": ("Perangkat daerah", "Unit"),
    "people": ("Pegawai", "Staff"),
    "total": ("Jumlah", "Total"),
    "interrupted": ("dihentikan", "interrupted"),
}


def _w(key: str, lang: Lang, **args: object) -> str:
    return _WORDS[key][0 if lang == "id" else 1].format(**args)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        # Usage errors come before --lang is known: both languages, briefly.
        raise argparse.ArgumentTypeError(
            f"tanggal tidak sah / invalid date: {text!r} (TTTT-BB-HH / YYYY-MM-DD)"
        ) from None


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
    p = sub.add_parser(
        "test", aliases=["uji"], parents=[common], help="jalankan contoh / run the examples"
    )
    p.add_argument("files", nargs="+", type=Path)
    p = sub.add_parser(
        "decide",
        aliases=["putuskan"],
        parents=[common],
        help="putuskan moda kerja / decide work modes",
    )
    _roster_args(p)
    p.add_argument("--from", dest="first", required=True, type=_date)
    p.add_argument("--to", dest="last", type=_date)
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
    p.add_argument("--date", required=True, type=_date)
    p = sub.add_parser(
        "schedule",
        aliases=["jadwalkan"],
        parents=[common],
        help="jadwal yang memenuhi kuota butir 4 / a schedule meeting the caps",
    )
    _roster_args(p)
    p.add_argument("--from", dest="first", required=True, type=_date)
    p.add_argument("--to", dest="last", required=True, type=_date)
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
    p.add_argument("--from", dest="first", type=_date)
    p.add_argument("--to", dest="last", type=_date)
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
    return parser


def _roster_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path)
    p.add_argument("--roster", required=True, type=Path)


# --------------------------------------------------------------- commands
def _load(path: Path, out: TextIO, lang: Lang) -> Circular | None:
    try:
        circular = Circular.load(path)
    except EdaranError as err:
        out.write(render_all(err.diagnostics, lang) + "\n")
        return None
    if circular.warnings:
        out.write(render_all(circular.warnings, lang) + "\n")
    return circular


def cmd_check(args: argparse.Namespace, lang: Lang) -> int:
    failed = False
    for path in args.files:
        circular = _load(path, sys.stdout, lang)
        if circular is None:
            failed = True
            continue
        program = circular.program
        print(
            _w("clean", lang, path=path, rules=len(program.rules), examples=len(program.examples))
        )
    return 1 if failed else 0


def _print_results(results: Sequence[ExampleResult], lang: Lang) -> tuple[int, int]:
    passed = failed = 0
    for result in results:
        where = f"{result.span.path}:{result.span.line}" if result.span else ""
        status = _w("pass" if result.passed else "fail", lang)
        print(f"{status:6} {where} {result.title}")
        for output, expected, got in result.failures:
            print(_w("expected", lang, output=output, expected=expected, got=got))
        if result.error is not None:
            print("    " + render(result.error, lang).replace("\n", "\n    "))
        passed += result.passed
        failed += not result.passed
    return passed, failed


def cmd_test(args: argparse.Namespace, lang: Lang) -> int:
    passed = failed = 0
    for path in args.files:
        circular = _load(path, sys.stdout, lang)
        if circular is None:
            failed += 1
            continue
        p, f = _print_results(run_examples(circular), lang)
        passed, failed = passed + p, failed + f
    print(_w("tally", lang, passed=passed, failed=failed))
    return 1 if failed else 0


def _roster(path: Path, lang: Lang) -> Roster | None:
    try:
        return load_roster(path)
    except EdaranError as err:
        sys.stderr.write(render_all(err.diagnostics, lang) + "\n")
        return None


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
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
        return count
    out.write("[")
    for row in rows:
        out.write(("," if count else "") + "\n" + json.dumps(row, ensure_ascii=False))
        count += 1
    out.write("\n]\n")
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
    sys.stderr.write(_w("undecided", lang, count=len(errors)) + "\n")


def cmd_decide(args: argparse.Namespace, lang: Lang) -> int:
    if args.last is not None and args.last < args.first:
        sys.stderr.write(_w("bad-range", lang, first=args.first, last=args.last) + "\n")
        return 2
    circular = _load(args.file, sys.stderr, lang)
    roster = _roster(args.roster, lang) if circular else None
    if circular is None or roster is None:
        return 1
    staff: Sequence[Any] = roster.employees
    if args.nip:
        person = roster.by_nip(args.nip)
        if person is None:
            sys.stderr.write(_w("no-nip", lang, nip=args.nip) + "\n")
            return 1
        staff = [person]
    errors: list[DecisionError] = []
    decisions = circular.decide_many(staff, args.first, args.last or args.first, errors=errors)
    rows = _rows(circular, roster, decisions, lang)
    if args.output:
        with args.output.open("w", encoding="utf-8", newline="") as out:
            _write(rows, args.format, out)
    else:
        _write(rows, args.format, sys.stdout)
    _report_undecided(errors, lang)
    return 1 if errors else 0


def cmd_explain(args: argparse.Namespace, lang: Lang) -> int:
    circular = _load(args.file, sys.stderr, lang)
    roster = _roster(args.roster, lang) if circular else None
    if circular is None or roster is None:
        return 1
    person = roster.by_nip(args.nip)
    if person is None:
        sys.stderr.write(_w("no-nip", lang, nip=args.nip) + "\n")
        return 1
    try:
        print(circular.explain(person, args.date).render(lang))
    except DecisionError as err:
        sys.stderr.write(render_all(err.diagnostics, lang) + "\n")
        return 1
    return 0


def cmd_run(args: argparse.Namespace, lang: Lang) -> int:
    directory: Path = args.directory
    files = sorted(directory.glob("*.edaran"))
    if not files:
        sys.stderr.write(_w("no-rules", lang, path=directory) + "\n")
        return 1
    roster_path = directory / "roster"
    if not roster_path.exists():
        sys.stderr.write(_w("no-roster", lang, path=directory) + "\n")
        return 1
    status = 0
    for path in files:
        status = max(status, _run_one(path, roster_path, args.output, lang))
    return status


def _run_one(path: Path, roster_path: Path, output: Path | None, lang: Lang) -> int:
    """The main job for one rule file: check, test, decide the first period, summarise."""
    from edaran.summary import first_period, summarize, summary_table

    print(_w("step-check", lang, path=path))
    circular = _load(path, sys.stdout, lang)
    if circular is None:
        return 1
    print(_w("step-test", lang))
    passed, failed = _print_results(run_examples(circular), lang)
    print(_w("tally", lang, passed=passed, failed=failed))
    roster = _roster(roster_path, lang)
    if roster is None:
        return 1
    first, last = first_period(circular)
    print(_w("step-decide", lang, people=len(roster), first=first, last=last))
    errors: list[DecisionError] = []
    # With caps (batas), the main job is the schedule; without, the decisions.
    kind = "jadwal" if circular.program.limits else "keputusan"
    target = output or path.parent / "keluaran" / f"{kind}-{path.stem}-{first}-{last}.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    counts: Counter[tuple[str, object]] = Counter()
    top = {e.nip: _top_unit(e.unit) for e in roster.employees}
    if circular.program.limits:
        written = _run_schedule(circular, roster, (first, last), target, counts, lang)
        print()
        print(_w("summary-head", lang, first=first, last=last))
        words = (_w("unit", lang), _w("people", lang), _w("total", lang))
        print(summary_table(summarize(roster, counts), lang, *words))
        print()
        print(_w("written", lang, count=written, path=target))
        return 1 if failed else 0

    def tally(decisions: Iterable[Decision]) -> Iterator[Decision]:
        for d in decisions:
            counts[(top[d.nip], d.value)] += 1
            yield d

    decisions = tally(circular.decide_many(roster.employees, first, last, errors=errors))
    with target.open("w", encoding="utf-8", newline="") as out:
        written = _write(_rows(circular, roster, decisions, lang), "csv", out)
    print()
    print(_w("summary-head", lang, first=first, last=last))
    words = (_w("unit", lang), _w("people", lang), _w("total", lang))
    print(summary_table(summarize(roster, counts), lang, *words))
    print()
    print(_w("written", lang, count=written, path=target))
    _report_undecided(errors, lang)
    return 1 if failed or errors else 0


def _run_schedule(
    circular: Circular,
    roster: Roster,
    period: tuple[dt.date, dt.date],
    target: Path,
    counts: Counter[tuple[str, object]],
    lang: Lang,
) -> int:
    """Schedule the period, write it to ``target`` and count modes per top-level unit."""
    from edaran import schedule_io
    from edaran.scheduler import schedule

    print(_w("step-schedule", lang))
    with _progress(lang) as progress:
        made = schedule(circular, roster.employees, *period, progress=progress)
    if made.warnings:
        sys.stderr.write(render_all(made.warnings, lang) + "\n")
    top = {e.nip: _top_unit(e.unit) for e in roster.employees}
    for assignment in made:
        counts[(top[assignment.nip], assignment.mode)] += 1
    with target.open("w", encoding="utf-8", newline="") as out:
        return schedule_io.write_csv(made, out, lang)


def _unknown_table_units(circular: Circular, roster: Roster) -> list[Diagnostic]:
    """E121 for a per-unit table row naming a unit the roster does not have."""
    found = []
    for name, (_, spans) in circular.program.tables.items():
        for code, span in spans.items():
            if code not in roster.units:
                hints = tuple(difflib.get_close_matches(code, list(roster.units), n=3))
                found.append(
                    Diagnostic("E121", span, {"code": code, "table": name}, suggestions=hints)
                )
    return found


def _presence(
    args: argparse.Namespace, roster: Roster, lang: Lang
) -> tuple[list[Any], list[Any]] | None:
    from edaran.presence import read_absences, read_transfers

    absences: list[Any] = []
    transfers: list[Any] = []
    problems: list[Diagnostic] = []
    if args.absences:
        absences, found = read_absences(args.absences, roster)
        problems += found
    if args.transfers:
        transfers, found = read_transfers(args.transfers, roster)
        problems += found
    if problems:
        sys.stderr.write(render_all(problems, lang) + "\n")
    if any(d.is_error for d in problems):
        return None
    return absences, transfers


def cmd_schedule(args: argparse.Namespace, lang: Lang) -> int:
    from edaran import schedule_io
    from edaran.scheduler import schedule

    if args.last < args.first:
        sys.stderr.write(_w("bad-range", lang, first=args.first, last=args.last) + "\n")
        return 2
    schedule_io.require_format(args.format)
    circular = _load(args.file, sys.stderr, lang)
    roster = _roster(args.roster, lang) if circular else None
    if circular is None or roster is None:
        return 1
    unknown = _unknown_table_units(circular, roster)
    if unknown:
        sys.stderr.write(render_all(unknown, lang) + "\n")
        return 1
    presence = _presence(args, roster, lang)
    if presence is None:
        return 1
    absences, transfers = presence
    with _progress(lang) as progress:
        made = schedule(
            circular,
            roster.employees,
            args.first,
            args.last,
            absences=absences,
            transfers=transfers,
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
    else:
        _write_schedule(made, args.format, sys.stdout, lang)
    sys.stdout.flush()  # the schedule first, then the summary, even in one pipe
    sys.stderr.write(schedule_io.summary_text(made, lang) + "\n")
    return 1 if any(d.is_error for d in made.warnings) else 0


def cmd_discipline(args: argparse.Namespace, lang: Lang) -> int:
    import zoneinfo

    from edaran import discipline_io
    from edaran.contacts import read_contact_logs
    from edaran.discipline import run_discipline
    from edaran.discipline_check import TIMEZONES

    if args.first and args.last and args.last < args.first:
        sys.stderr.write(_w("bad-range", lang, first=args.first, last=args.last) + "\n")
        return 2
    if args.format == "xlsx":
        from edaran.schedule_io import require_format

        require_format("xlsx")
    circular = _load(args.file, sys.stderr, lang)
    roster = _roster(args.roster, lang) if circular else None
    if circular is None or roster is None:
        return 1
    zone = zoneinfo.ZoneInfo(TIMEZONES.get(circular.program.header.timezone, "Asia/Jakarta"))
    merged, problems = read_contact_logs(
        args.contacts, roster=roster, tz=zone, skip_bad_rows=args.skip_bad_rows
    )
    if problems:
        sys.stderr.write(render_all(problems, lang) + "\n")
    if any(d.is_error for d in problems):
        return 1
    args.transfers = None
    presence = _presence(args, roster, lang)
    if presence is None:
        return 1
    with _progress(lang) as progress:
        result = run_discipline(
            circular,
            roster.employees,
            merged,
            first=args.first,
            last=args.last,
            absences=presence[0],
            progress=progress,
        )
    if result.warnings:
        sys.stderr.write(render_all(result.warnings, lang) + "\n")
    names = {e.nip: e.nama for e in roster.employees}
    if args.nip:
        if roster.by_nip(args.nip) is None:
            sys.stderr.write(_w("no-nip", lang, nip=args.nip) + "\n")
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
    from edaran import discipline_io

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
    else:
        discipline_io.write_sanctions_csv(result, sys.stdout, lang, names, **extra)
    sys.stdout.flush()


def _write_schedule(made: Any, fmt: str, out: TextIO, lang: Lang) -> None:
    from edaran import schedule_io

    if fmt == "json":
        schedule_io.write_json(made, out, lang)
    else:
        schedule_io.write_csv(made, out, lang)


@contextlib.contextmanager
def _progress(lang: Lang) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr for long runs, when tqdm is installed and stderr is a terminal."""
    try:
        from tqdm import tqdm  # type: ignore[import-not-found, import-untyped, unused-ignore]  # optional extra
    except ImportError:
        yield None
        return
    if not sys.stderr.isatty():
        yield None
        return
    bar = tqdm(total=0, unit="hari" if lang == "id" else "day", file=sys.stderr, leave=False)

    def update(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    try:
        yield update
    finally:
        bar.close()


def _top_unit(unit: Any) -> str:
    while unit.induk is not None:
        unit = unit.induk
    return str(unit.kode)


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
    "disiplin": cmd_discipline,
    "jadwalkan": cmd_schedule,
    "jalankan": cmd_run,
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
        sys.stderr.write(_w("interrupted", lang) + "\n")
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
