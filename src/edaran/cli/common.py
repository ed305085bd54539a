"""What every ``edaran`` subcommand shares: its words, loading inputs, progress bars.

The subcommands live in :mod:`edaran.cli.main` (check, test, decide, explain, run),
:mod:`edaran.cli.schedule` and :mod:`edaran.cli.discipline`.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from edaran.messages import Lang, message

if TYPE_CHECKING:  # the engines load when a command needs them, not for --help
    from edaran.engine.circular import Circular
    from edaran.io.roster import Roster

__all__ = [
    "SIZE_HELP",
    "date_argument",
    "load_circular",
    "progress_bar",
    "read_presence",
    "roster_or_report",
    "size_argument",
]

#: The help of ``--max-bytes`` (before ``--lang`` is known: both languages).
SIZE_HELP = "batas ukuran berkas data / the size limit of data files (K, M, G; 200M)"
_SIZE_UNITS = {"": 1, "K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}


def date_argument(text: str) -> dt.date:
    """An argparse type for ``--from``/``--to``/``--date``: an ISO date, or a usage error."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        # Usage errors come before --lang is known: both languages, briefly.
        raise argparse.ArgumentTypeError(
            f"tanggal tidak sah / invalid date: {text!r} (TTTT-BB-HH / YYYY-MM-DD)"
        ) from None


def size_argument(text: str) -> int:
    """An argparse type for ``--max-bytes``: ``500M``, ``2G``, ``1048576`` (binary units)."""
    word = text.strip().upper().removesuffix("B").removesuffix("I")
    number, unit = (word[:-1], word[-1]) if word[-1:] in _SIZE_UNITS else (word, "")
    try:
        size = int(float(number) * _SIZE_UNITS[unit])
    except (ValueError, KeyError):
        size = 0
    if size <= 0:
        raise argparse.ArgumentTypeError(
            f"ukuran tidak sah / invalid size: {text!r} (mis. / e.g. 500M, 2G)"
        )
    return size


def load_circular(
    path: Path, out: TextIO, lang: Lang, *, as_of: dt.date | None = None
) -> Circular | None:
    """The checked circular (its warnings written to ``out``), or None after writing its errors.

    With ``as_of``, the version in force on that date (``--per-tanggal``).
    """
    from edaran.core.diagnostics import EdaranError, render_all
    from edaran.engine.circular import Circular

    try:
        circular = Circular.load(path)
    except EdaranError as err:
        out.write(render_all(err.diagnostics, lang) + "\n")
        return None
    if circular.warnings:
        out.write(render_all(circular.warnings, lang) + "\n")
    return circular if as_of is None else circular.in_force(as_of)


def roster_or_report(path: Path, lang: Lang, max_bytes: int | None = None) -> Roster | None:
    """The roster at ``path`` (files up to ``max_bytes``), or None after writing its errors.

    Warnings and errors go through the diagnostics renderer in ``lang`` (not
    Python's ``warnings``); a roster with no employee is an error (D142), not
    an empty output.
    """
    from edaran.core.diagnostics import render_all
    from edaran.io.roster import EMPLOYEE_FILE, read_roster
    from edaran.io.table import DEFAULT_MAX_BYTES, file_diagnostic

    roster, diagnostics = read_roster(path, max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    failed = any(d.is_error for d in diagnostics)
    if not failed and not roster.employees:
        where = path / EMPLOYEE_FILE if path.is_dir() else path
        diagnostics.append(file_diagnostic("D142", str(where), {"path": str(where)}))
        failed = True
    if diagnostics:
        sys.stderr.write(render_all(diagnostics, lang) + "\n")
    return None if failed else roster


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
    bar = tqdm(total=0, unit=message("cli.progress-unit", lang), file=sys.stderr, leave=False)

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
    from edaran.core.diagnostics import Diagnostic, render_all
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


def clean_parts(program: Any, lang: Lang) -> str:
    """``11 aturan, 2 batas, 3 kuota, 1 laporan, 46 contoh``: what a checked file holds.

    Rules and examples are always counted; the other blocks when there are
    any (:func:`edaran.testing.reports.program_counts`, which the JSON of
    ``edaran check`` gives as ``counts``).
    """
    from edaran.testing.reports import program_counts  # not for --help: it loads the engine

    counts = program_counts(program)
    return ", ".join(message(f"cli.n-{kind}", lang, count=n) for kind, n in counts.items())
