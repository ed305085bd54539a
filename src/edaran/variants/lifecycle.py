"""The life of a circular: its versions, and evaluations that fall due.

A circular is evaluated every N months (butir 14 of the reference: "dievaluasi
setiap 2 (dua) bulan"); the evaluation is meant to produce a newer version, an
amendment (``mengubah``) or a variant (``memperluas``).  :func:`overdue` says
when an evaluation date has passed and no rule file beside this one amends or
extends it: ``edaran check`` gives it as warning W148.

"Today" is an argument, never read from the clock here: the command line
takes it from ``--hari-ini``, else from the environment variable
``EDARAN_HARI_INI``, else from the system date, so a test or a report can be
run as of any day.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from dateutil.relativedelta import relativedelta

from edaran.core.diagnostics import Diagnostic, EdaranError, Severity, Span
from edaran.engine.circular import Circular
from edaran.lang import nodes as n
from edaran.lang.parser import parse_file
from edaran.lang.variants import extended_path

__all__ = ["TODAY_VARIABLE", "newer_versions", "overdue", "today"]

#: the environment variable that fixes "today" for the command line
TODAY_VARIABLE = "EDARAN_HARI_INI"


def today() -> dt.date:
    """``EDARAN_HARI_INI`` when it holds an ISO date, else the system date."""
    fixed = os.environ.get(TODAY_VARIABLE, "").strip()
    if fixed:
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            pass
    return dt.date.today()


#: sibling file -> ((modification time, size), the file it extends or amends, if any)
_PARENTS: dict[Path, tuple[tuple[int, int], Path | None]] = {}


def newer_versions(path: Path) -> list[Path]:
    """Rule files in ``path``'s folder that amend or extend it (sorted).

    Only regular ``.edaran`` files are looked at (a link, a FIFO or a device
    named ``*.edaran`` is passed over, never opened), each read through the
    guarded reader, and each parsed once for as long as it is unchanged: a
    check of every file of a folder costs one parse per file, not one per pair.
    A file that cannot be read or parsed is passed over: ``edaran check`` on
    that file says what is wrong with it.
    """
    target = path.resolve()
    found = []
    try:
        entries = sorted(os.scandir(target.parent), key=lambda e: e.name)
    except OSError:
        return []
    for entry in entries:
        if not entry.name.endswith(".edaran") or not entry.is_file(follow_symlinks=False):
            continue
        other = Path(entry.path)
        if other == target:
            continue
        if _parent_of(other, entry) == target:
            found.append(other)
    return found


def _parent_of(path: Path, entry: os.DirEntry[str]) -> Path | None:
    try:
        info = entry.stat(follow_symlinks=False)
    except OSError:
        return None
    stamp = (info.st_mtime_ns, info.st_size)
    known = _PARENTS.get(path)
    if known is not None and known[0] == stamp:
        return known[1]
    try:
        parent = extended_path(parse_file(path), path)
    except EdaranError:
        parent = None
    _PARENTS[path] = (stamp, parent)
    return parent


def overdue(circular: Circular, on: dt.date) -> Diagnostic | None:
    """W148 when an evaluation of the version in force fell due by ``on`` with no newer version.

    The evaluation dates are the ends of the evaluation periods, counted from
    the first version's start.  The one that matters is the first after the
    latest version took effect; a circular that has ended by ``on`` needs no
    evaluation.
    """
    header = circular.program.header
    start, months = header.period_start, header.evaluation_months
    latest = header.effective_from
    if start is None or latest is None or not months:
        return None
    if header.effective_until is not None and header.effective_until < on:
        return None
    step = 1
    while start + relativedelta(months=step * months) <= latest:
        step += 1
    due = start + relativedelta(months=step * months)
    if due > on:
        return None
    if circular.path is not None and newer_versions(circular.path):
        return None
    args = {
        "number": header.number,
        "due": due.isoformat(),
        "months": months,
        "start": start.isoformat(),
        "today": on.isoformat(),
    }
    notes = (("note-amend", {"file": circular.path.name}),) if circular.path else ()
    return Diagnostic(
        "W148", _evaluation_line(circular), args, severity=Severity.WARNING, notes=notes
    )


def _evaluation_line(circular: Circular) -> Span | None:
    """Where the file says ``evaluasi setiap N bulan`` (its header, if it does not say it)."""
    module = circular.module
    if module is None and circular.path is not None:
        try:
            module = parse_file(circular.path)
        except EdaranError:
            return None
    if module is None:
        return None
    for item in module.items:
        if isinstance(item, n.Header):
            line = next((i for i in item.items if i.kind == "evaluation"), None)
            return line.span if line is not None else item.span
    return None
