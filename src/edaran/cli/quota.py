"""``edaran quota`` and ``edaran report``: quotas, targets, checklists and savings."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from edaran.cli.common import (
    SIZE_HELP,
    date_argument,
    load_circular,
    read_presence,
    roster_or_report,
    size_argument,
)
from edaran.cli.usage import add_format
from edaran.messages import Lang, message

__all__ = ["add_parsers", "cmd_quota", "cmd_report", "read_record_files", "run_quota_files"]

#: option -> (record kind, Indonesian spelling of the option)
_FILES = {
    "trips": ("perjalanan", "--perjalanan"),
    "vehicles": ("kendaraan", "--kendaraan"),
    "meetings": ("rapat", "--rapat"),
    "checklists": ("daftar_periksa", "--daftar-periksa"),
}


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path)
    p.add_argument("--roster", required=True, type=Path)
    p.add_argument("--max-bytes", type=size_argument, help=SIZE_HELP)
    p.add_argument("--from", dest="first", type=date_argument)
    p.add_argument("--to", dest="last", type=date_argument)
    add_format(p, ["text", "csv", "json", "xlsx"], "text")
    p.add_argument("--output", type=Path)
    p.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="lewati baris rusak (dilaporkan) / skip bad rows (reported)",
    )
    p.add_argument("--absences", type=Path, help="cuti.csv: nip, mulai, sampai")
    p.add_argument(
        "--per-tanggal",
        "--as-of",
        dest="as_of",
        type=date_argument,
        help="pakai versi yang berlaku pada tanggal ini / use the version in force on this date",
    )


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    """The ``quota`` (``kuota``) and ``report`` (``laporan``) subcommands."""
    p = sub.add_parser(
        "quota",
        aliases=["kuota"],
        parents=[common],
        help="kuota perjalanan dan kendaraan, sasaran rapat, daftar periksa / quotas and targets",
    )
    _common(p)
    for option, (kind, indonesian) in _FILES.items():
        p.add_argument(f"--{option}", indonesian, dest=option, type=Path, help=f"{kind}.csv")
    p = sub.add_parser(
        "report",
        aliases=["laporan"],
        parents=[common],
        help="laporan penghematan anggaran (butir 13) / the savings report",
    )
    _common(p)
    p.add_argument("--costs", "--biaya", dest="costs", required=True, type=Path, help="biaya.csv")
    p.add_argument(
        "--period",
        "--periode",
        dest="periods",
        type=int,
        nargs="+",
        help="nomor periode evaluasi / evaluation period numbers (1 = the first)",
    )


def read_record_files(
    files: Sequence[tuple[str, Path]], roster: Any, skip_bad_rows: bool, lang: Lang
) -> dict[str, list[Any]] | None:
    """Each file's records; None (after writing every problem) when one has errors."""
    from edaran.core.diagnostics import render_all
    from edaran.io.records import read_records

    found: dict[str, list[Any]] = {}
    failed = False
    for kind, path in files:
        records, problems = read_records(path, kind, roster=roster)
        if problems:
            sys.stderr.write(render_all(problems, lang) + "\n")
        if any(d.is_error for d in problems) and not skip_bad_rows:
            failed = True
        found[kind] = records
    return None if failed else found


def _prepare(args: argparse.Namespace, lang: Lang) -> tuple[Any, Any, Any] | None:
    if args.first and args.last and args.last < args.first:
        sys.stderr.write(message("cli.bad-range", lang, first=args.first, last=args.last) + "\n")
        return None
    if args.format == "xlsx":
        from edaran.io.publish import require_format

        require_format("xlsx")
    circular = load_circular(args.file, sys.stderr, lang, as_of=args.as_of)
    roster = roster_or_report(args.roster, lang, args.max_bytes) if circular else None
    if circular is None or roster is None:
        return None
    args.transfers = None
    presence = read_presence(args, roster, lang)
    if presence is None:
        return None
    return circular, roster, presence[0]


def cmd_quota(args: argparse.Namespace, lang: Lang) -> int:
    from edaran.quota import writers as quota_io
    from edaran.quota.engine import quota_records, run_quotas

    prepared = _prepare(args, lang)
    if prepared is None:
        return 1
    circular, roster, absences = prepared
    files = [(kind, getattr(args, option)) for option, (kind, _) in _FILES.items()]
    records = read_record_files(
        [(k, p) for k, p in files if p is not None], roster, args.skip_bad_rows, lang
    )
    if records is None:
        return 1
    result = run_quotas(
        circular,
        roster,
        **quota_records(records),
        first=args.first,
        last=args.last,
        absences=absences,
    )
    writers = (quota_io.quota_summary, quota_io.quota_csv, quota_io.quota_json)
    return _publish(result, args, lang, writers, quota_io.write_quota_xlsx, "kuota.xlsx")


def cmd_report(args: argparse.Namespace, lang: Lang) -> int:
    from edaran.report import writers as report_io
    from edaran.report.engine import savings_report

    prepared = _prepare(args, lang)
    if prepared is None:
        return 1
    circular, roster, absences = prepared
    records = read_record_files([("biaya", args.costs)], roster, args.skip_bad_rows, lang)
    if records is None:
        return 1
    result = savings_report(
        circular,
        roster,
        records["biaya"],
        first=args.first,
        last=args.last,
        periods=args.periods,
        absences=absences,
    )
    writers = (report_io.report_summary, report_io.report_csv, report_io.report_json)
    return _publish(result, args, lang, writers, report_io.write_report_xlsx, "laporan.xlsx")


def _publish(
    result: Any,
    args: argparse.Namespace,
    lang: Lang,
    writers: tuple[Callable[[Any, Lang], str], ...],
    workbook: Callable[[Any, Path, Lang], Path],
    default_workbook: str,
) -> int:
    """Warnings to stderr, then the result in the chosen format; the summary on stderr too."""
    from edaran.core.diagnostics import render_all
    from edaran.io.publish import write_companion

    if result.warnings:
        sys.stderr.write(render_all(result.warnings, lang) + "\n")
    summary_of, csv_of, json_of = writers
    summary = summary_of(result, lang)
    if args.format == "text":
        _write_text(summary, args.output)
        return 0
    if args.format == "xlsx":
        workbook(result, args.output or Path(default_workbook), lang)
    else:
        _write_text((json_of if args.format == "json" else csv_of)(result, lang), args.output)
        if args.format == "csv" and args.output is not None:
            write_companion(args.output, result.provenance)
    sys.stderr.write(summary + "\n")
    return 0


def _write_text(text: str, output: Path | None) -> None:
    if not text.endswith("\n"):
        text += "\n"
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        output.write_text(text, encoding="utf-8", newline="")


#: the record files ``edaran run`` looks for beside a rule file
RUN_FILES = {
    "perjalanan": "perjalanan.csv",
    "kendaraan": "kendaraan.csv",
    "rapat": "rapat.csv",
    "daftar_periksa": "daftar_periksa.csv",
}


def run_quota_files(circular: Any, roster: Any, path: Path, folder: Path, lang: Lang) -> int:
    """``edaran run``'s last steps: quotas and the savings report on the files beside the rule file.

    Only when the circular has those blocks and the files are there; the
    range runs from the date in force to the last record.  Returns 1 when a
    file has errors.
    """
    import attrs

    from edaran.io.publish import write_companion
    from edaran.quota import writers as quota_io
    from edaran.quota.engine import mode_days, quota_records, run_quotas
    from edaran.report import writers as report_io
    from edaran.report.engine import default_last, savings_report

    program = circular.program
    start = program.header.effective_from
    # One schedule for the checklists and the report, to the end of the
    # evaluation period holding the last record.
    shared: tuple[Any, Any, list[Any]] | None = None
    result = None

    def modes_until(last: Any) -> tuple[Any, list[Any]]:
        # Computed once, again only when a later end is asked for.
        nonlocal shared
        if shared is None or shared[0] < last:
            warnings: list[Any] = []
            counts = mode_days(circular, roster.employees, start, last, errors=warnings)
            shared = (last, counts, warnings)
        return shared[1], shared[2]

    if program.quotas or program.targets or program.checklists:
        files = [(k, path.parent / name) for k, name in RUN_FILES.items()]
        present = [(k, p) for k, p in files if p.exists()]
        if present:
            print()
            print(message("cli.step-quota", lang, files=", ".join(p.name for _, p in present)))
            records = read_record_files(present, roster, False, lang)
            if records is None:
                return 1
            days = [r.tanggal for kind in records.values() for r in kind if r.tanggal >= start]
            last = program.header.effective_until or max(days, default=start)
            end = circular.windows.period(last).last
            modes, warnings = (
                modes_until(end)
                if program.checklists and "daftar_periksa" in records
                else (None, [])
            )
            result = run_quotas(circular, roster, **quota_records(records), last=last, modes=modes)
            if warnings:
                result = attrs.evolve(result, warnings=(*warnings, *result.warnings))
            target = folder / f"kuota-{path.stem}.csv"
            target.write_text(quota_io.quota_csv(result, lang), encoding="utf-8", newline="")
            write_companion(target, result.provenance)
            print(quota_io.quota_summary(result, lang))
            print(message("cli.written-file", lang, path=target))
    costs = path.parent / "biaya.csv"
    if program.report is not None and costs.exists():
        print()
        print(message("cli.step-report", lang, clause=program.report.clause, files=costs.name))
        records = read_record_files([("biaya", costs)], roster, False, lang)
        if records is None:
            return 1
        # The same end as `edaran report` on the same files: from the cost lines, not
        # from the other record files.
        costs_read = records["biaya"]
        begin = start or min((c.bulan for c in costs_read), default=None)
        end = default_last(circular, costs_read, begin) if begin is not None else None
        modes, warnings = modes_until(end) if start and end else (None, [])
        report = savings_report(circular, roster, costs_read, last=end, modes=modes)
        if warnings:
            report = attrs.evolve(report, warnings=(*warnings, *report.warnings))
        target = folder / f"laporan-{path.stem}.csv"
        target.write_text(report_io.report_csv(report, lang), encoding="utf-8", newline="")
        write_companion(target, report.provenance)
        print(report_io.report_summary(report, lang))
        print(message("cli.written-file", lang, path=target))
    return 0
