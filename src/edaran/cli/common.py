"""What every ``edaran`` subcommand shares: its words, loading inputs, progress bars.

The subcommands live in :mod:`edaran.cli` (check, test, decide, explain, run),
:mod:`edaran.cli_schedule` and :mod:`edaran.cli_discipline`.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

from edaran.core.diagnostics import Diagnostic, EdaranError, render_all
from edaran.engine.circular import Circular
from edaran.io.roster import Roster, load_roster
from edaran.messages.catalogue import Lang

__all__ = [
    "WORDS",
    "date_argument",
    "load_circular",
    "progress_bar",
    "read_presence",
    "roster_or_report",
    "say",
    "top_unit",
]

WORDS: dict[str, tuple[str, str]] = {
    "clean": ("{path}: bersih ({parts})", "{path}: clean ({parts})"),
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
    "step-quota": (
        "== Kuota perjalanan dan kendaraan, sasaran rapat, daftar periksa ({files})",
        "== Travel and vehicle quotas, meeting targets, checklists ({files})",
    ),
    "step-report": (
        "== Laporan penghematan anggaran, butir 13 ({files})",
        "== The savings report, butir 13 ({files})",
    ),
    "written-file": ("Ditulis: {path}", "Written: {path}"),
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


def date_argument(text: str) -> dt.date:
    """An argparse type for ``--from``/``--to``/``--date``: an ISO date, or a usage error."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        # Usage errors come before --lang is known: both languages, briefly.
        raise argparse.ArgumentTypeError(
            f"tanggal tidak sah / invalid date: {text!r} (TTTT-BB-HH / YYYY-MM-DD)"
        ) from None


def say(key: str, lang: Lang, **args: object) -> str:
    """The words ``key`` in ``lang``, filled with ``args``."""
    return WORDS[key][0 if lang == "id" else 1].format(**args)


def load_circular(
    path: Path, out: TextIO, lang: Lang, *, as_of: dt.date | None = None
) -> Circular | None:
    """The checked circular (its warnings written to ``out``), or None after writing its errors.

    With ``as_of``, the version in force on that date (``--per-tanggal``).
    """
    try:
        circular = Circular.load(path)
    except EdaranError as err:
        out.write(render_all(err.diagnostics, lang) + "\n")
        return None
    if circular.warnings:
        out.write(render_all(circular.warnings, lang) + "\n")
    return circular if as_of is None else circular.in_force(as_of)


def roster_or_report(path: Path, lang: Lang) -> Roster | None:
    try:
        return load_roster(path)
    except EdaranError as err:
        sys.stderr.write(render_all(err.diagnostics, lang) + "\n")
        return None


@contextlib.contextmanager
def progress_bar(lang: Lang) -> Iterator[Callable[[int, int], None] | None]:
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


def read_presence(
    args: argparse.Namespace, roster: Roster, lang: Lang
) -> tuple[list[Any], list[Any]] | None:
    from edaran.io.presence import read_absences, read_transfers

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


def top_unit(unit: Any) -> str:
    while unit.induk is not None:
        unit = unit.induk
    return str(unit.kode)


#: What ``edaran check`` counts: (program field, Indonesian word, English singular, plural)
_COUNTED = (
    ("rules", "aturan", "rule", "rules"),
    ("limits", "batas", "limit", "limits"),
    ("duties", "kewajiban", "duty", "duties"),
    ("breaches", "pelanggaran", "breach", "breaches"),
    ("sanctions", "sanksi", "sanction", "sanctions"),
    ("quotas", "kuota", "quota", "quotas"),
    ("targets", "sasaran", "target", "targets"),
    ("checklists", "daftar periksa", "checklist", "checklists"),
)


def clean_parts(program: Any, lang: Lang) -> str:
    """``11 aturan, 2 batas, 3 kuota, 1 laporan, 46 contoh``: what a checked file holds.

    Rules and examples are always counted; the other blocks when there are any.
    """
    parts = []
    for field, indonesian, one, many in _COUNTED:
        count = len(getattr(program, field))
        if count or field == "rules":
            word = indonesian if lang == "id" else (one if count == 1 else many)
            parts.append(f"{count} {word}")
    if program.report is not None:
        parts.append("1 laporan" if lang == "id" else "1 report")
    count = len(program.examples)
    word = "contoh" if lang == "id" else ("example" if count == 1 else "examples")
    parts.append(f"{count} {word}")
    return ", ".join(parts)
