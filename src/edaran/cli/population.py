"""Deciding whole rosters from the command line: the engine (Python, DuckDB, Spark) and the outputs.

``edaran decide`` and ``edaran run`` pick the engine with
:func:`edaran.population.choose_engine` (``--engine auto``: DuckDB above a
size where it wins, else Python, with a note when the fast one is missing or
cannot express a rule).  The Python engine writes CSV, JSON, JSON lines or
Parquet row by row; DuckDB and Spark write with their own writers, no row
passing through Python.  Every engine writes the same columns, and for CSV
the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from edaran.core.modes import WORK_MODE
from edaran.messages import Lang, message
from edaran.population.engines import ENGINES, OUTPUT_COLUMNS, choose_engine

if TYPE_CHECKING:
    from edaran.engine.circular import Circular
    from edaran.engine.decision import Decision, DecisionError
    from edaran.io.roster import Roster
    from edaran.model.workforce import Recall

__all__ = ["FORMATS", "add_engine_args", "decide_and_write", "report_undecided"]

#: The formats of ``edaran decide --format``.
FORMATS = ("csv", "json", "jsonl", "parquet")


def add_engine_args(p: argparse.ArgumentParser) -> None:
    """``--engine``, ``--spark-master`` and ``--partition`` of a command that decides rosters."""
    p.add_argument(
        "--engine",
        choices=ENGINES,
        default="auto",
        help="mesin / engine (auto: DuckDB untuk roster besar / for large rosters)",
    )
    p.add_argument(
        "--spark-master",
        default="local[*]",
        help="Spark: local[*] atau URL klaster / or a cluster URL (spark://host:7077, yarn)",
    )
    p.add_argument(
        "--partition",
        action="store_true",
        help="parquet: folder per unit dan bulan / a folder partitioned by unit and month",
    )


def report_undecided(errors: Sequence[DecisionError], count: int, lang: Lang) -> None:
    """Each kind of undecided employee-day once (its first), then how many there were."""
    from edaran.core.diagnostics import render

    if not count:
        return
    shown: set[str] = set()
    for err in errors:
        first = err.diagnostics[0]
        key = f"{first.code}{first.args.get('first')}{first.args.get('second')}"
        if key not in shown:
            shown.add(key)
            sys.stderr.write(render(first, lang) + "\n\n")
    sys.stderr.write(message("cli.undecided", lang, count=count) + "\n")


def decide_and_write(
    circular: Circular,
    roster: Roster,
    staff: Sequence[Any],
    period: tuple[dt.date, dt.date],
    args: argparse.Namespace,
    target: Path | None,
    lang: Lang,
    *,
    tally: Callable[[str, str, int], None] | None = None,
    recalls: Sequence[Recall] = (),
) -> tuple[int, int]:
    """Decide ``staff`` over ``period`` with the engine ``args`` asks for, and write the rows.

    Returns (rows written, employee-days not decided).  ``tally(unit code,
    shown mode, count)`` receives the counts of the decided rows.  ``recalls``
    turn a recalled remote day into WFO with the recall's reason
    (:func:`edaran.scheduling.recalls.apply_recalls`): the Python engine's work,
    so ``--engine auto`` chooses it when there are any.
    """
    from edaran.core.diagnostics import render_all
    from edaran.io.publish import provenance, require_format, write_companion

    fmt: str = getattr(args, "format", "csv")
    require_format(fmt)
    first, last = period
    days = (last - first).days + 1
    # JSON is one document (provenance, every Decision.to_dict, errors): the Python engine's.
    wants_python = fmt == "json" or bool(recalls)
    requested = "python" if wants_python and args.engine == "auto" else args.engine
    choice = choose_engine(requested, circular, len(staff) * days)
    if choice.notes:
        sys.stderr.write(render_all(choice.notes, lang) + "\n")
    if choice.engine == "python":
        result = _python(circular, roster, staff, period, fmt, target, lang, tally, recalls)
    else:
        result = _sql(choice.engine, circular, roster, staff, period, args, target, lang, tally)
    if fmt == "csv" and target is not None:
        write_companion(target, provenance(circular))
    return result


# ------------------------------------------------------------------ Python
def _python(
    circular: Circular,
    roster: Roster,
    staff: Sequence[Any],
    period: tuple[dt.date, dt.date],
    fmt: str,
    target: Path | None,
    lang: Lang,
    tally: Callable[[str, str, int], None] | None,
    recalls: Sequence[Recall] = (),
) -> tuple[int, int]:
    errors: list[DecisionError] = []
    counts: Counter[tuple[str, str]] = Counter()
    decisions: Iterable[Decision] = circular.decide_many(staff, *period, errors=errors)
    if recalls:
        from edaran.scheduling.recalls import apply_recalls

        decisions = apply_recalls(decisions, recalls, {e.nip: e for e in roster.employees})
    # The file's other outputs (jam_kerja, each keluaran): one more column each.
    extra = tuple(o for o in circular.decided_outputs() if o != WORK_MODE)
    if fmt == "json":
        if extra:
            decisions = _with_others(circular, roster, decisions, extra, errors)
        return _json_document(circular, roster, decisions, errors, target, lang, tally)
    rows = _rows(circular, roster, decisions, lang, extra, errors)
    if tally is not None:
        rows = _counted(rows, counts)
    if fmt == "parquet":
        from edaran.population.parquet import write_parquet

        assert target is not None  # the command line requires --output for Parquet
        written = write_parquet(rows, target, extra)
    elif target is not None:
        with target.open("w", encoding="utf-8", newline="") as out:
            written = write_rows(rows, fmt, out, extra)
    else:
        written = write_rows(rows, fmt, sys.stdout, extra)
    for (unit, mode), count in counts.items():
        assert tally is not None
        tally(unit, mode, count)
    report_undecided(errors, len(errors), lang)
    return written, len(errors)


def _json_document(
    circular: Circular,
    roster: Roster,
    decisions: Iterable[Decision],
    errors: list[DecisionError],
    target: Path | None,
    lang: Lang,
    tally: Callable[[str, str, int], None] | None,
) -> tuple[int, int]:
    """``--format json``: :func:`edaran.engine.decision.decisions_json`, streamed."""
    from edaran.core.values import show_value
    from edaran.engine.decision import decisions_json
    from edaran.io.publish import provenance

    units = {e.nip: e.unit.kode for e in roster.employees}
    counts: Counter[tuple[str, str]] = Counter()

    def counted() -> Iterator[Decision]:
        for d in decisions:
            if d.output == WORK_MODE:
                counts[(units.get(d.nip, ""), show_value(d.value, lang))] += 1
            yield d

    pieces = decisions_json(provenance(circular), counted(), errors, lang)
    if target is not None:
        with target.open("w", encoding="utf-8", newline="") as out:
            out.writelines(pieces)
    else:
        sys.stdout.writelines(pieces)
    if tally is not None:
        for (unit, mode), count in counts.items():
            tally(unit, mode, count)
    report_undecided(errors, len(errors), lang)
    return counts.total(), len(errors)


def _counted(rows: Iterable[list[str]], counts: Counter[tuple[str, str]]) -> Iterator[list[str]]:
    for row in rows:
        counts[(row[1], row[3])] += 1
        yield row


def _other(
    circular: Circular,
    person: Any,
    decision: Decision,
    output: str,
    errors: list[DecisionError],
) -> Decision | None:
    """``output`` for the person and day of a work-mode ``decision`` (None when it fails)."""
    from edaran.engine.decision import DecisionError, Status

    if decision.status in (Status.OFF, Status.NOT_IN_FORCE):
        # A day off or out of force is the same day for every output.
        return attrs.evolve(decision, output=output)
    try:
        return circular.decide(person, decision.date, output)
    except DecisionError as err:
        errors.append(err)
        return None


def _with_others(
    circular: Circular,
    roster: Roster,
    decisions: Iterable[Decision],
    extra: Sequence[str],
    errors: list[DecisionError],
) -> Iterator[Decision]:
    """Each work-mode decision, followed by the decisions of ``extra`` for its person and day."""
    people = {e.nip: e for e in roster.employees}
    for d in decisions:
        yield d
        for output in extra:
            other = _other(circular, people[d.nip], d, output, errors)
            if other is not None:
                yield other


def _rows(
    circular: Circular,
    roster: Roster,
    decisions: Iterable[Decision],
    lang: Lang,
    extra: Sequence[str] = (),
    errors: list[DecisionError] | None = None,
) -> Iterator[list[str]]:
    """One list per decision, in :data:`OUTPUT_COLUMNS` order, then one value per ``extra``
    output (empty where it cannot be decided: the error goes to ``errors``).

    The reason depends only on the version, the rule, what it overrode and the
    day's note, so it is worded once per such combination, not per row.
    """
    from edaran.core.values import show_value
    from edaran.engine.decision import Status

    units = {e.nip: e.unit.kode for e in roster.employees}
    people = {e.nip: e for e in roster.employees} if extra else {}
    failed: list[DecisionError] = [] if errors is None else errors
    shown: dict[object, str] = {}
    reasons: dict[tuple[object, ...], str] = {}
    for d in decisions:
        key = (
            d.date if d.status == Status.NOT_IN_FORCE else None,
            d.rule,
            d.overridden,
            d.note,
            d.recall and (d.recall, d.recall.source, d.was),
        )
        reason = reasons.get(key)
        if reason is None:
            reason = reasons[key] = circular.reason(d, lang)
        mode = shown.get(d.value)
        if mode is None:
            mode = shown[d.value] = show_value(d.value, lang)
        row = [d.nip, units.get(d.nip, ""), d.date.isoformat(), mode, d.clause or "", reason]
        for output in extra:
            other = _other(circular, people[d.nip], d, output, failed)
            row.append("" if other is None else show_value(other.value, lang))
        yield row


def write_rows(rows: Iterable[list[str]], fmt: str, out: TextIO, extra: Sequence[str] = ()) -> int:
    """Write decision rows as CSV or JSON lines (``json`` is :func:`_json_document`'s);
    ``extra`` names the columns of the file's other outputs after the usual ones."""
    count = 0
    if fmt == "csv":
        from edaran.io.publish import csv_writer

        writer = csv_writer(out)
        writer.writerow((*OUTPUT_COLUMNS, *extra))
        for row in rows:
            writer.writerow(row)
            count += 1
        return count
    for nip, unit, date, mode, clause, reason, *others in rows:
        item: dict[str, str | None] = {"nip": nip, "unit": unit, "date": date, "mode": mode}
        item |= {"clause": clause or None, "reason": reason or None}
        item |= {name: value or None for name, value in zip(extra, others, strict=True)}
        out.write(_JSONL.encode(item) + "\n")
        count += 1
    return count


#: JSON lines as DuckDB writes them: no spaces, non-ASCII as it is, empty text as null.
_JSONL = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


# --------------------------------------------------------------------- SQL
def _sql(
    engine: str,
    circular: Circular,
    roster: Roster,
    staff: Sequence[Any],
    period: tuple[dt.date, dt.date],
    args: argparse.Namespace,
    target: Path | None,
    lang: Lang,
    tally: Callable[[str, str, int], None] | None,
) -> tuple[int, int]:
    from edaran.io.roster import Roster

    fmt: str = getattr(args, "format", "csv")
    people = roster if len(staff) == len(roster) else Roster(roster.units, staff)
    run: Any
    if engine == "duckdb":
        from edaran.population.duckdb_run import DuckRun

        run = DuckRun(circular, lang=lang)
        run.create_tables()
    else:
        from edaran.population.spark_run import SparkRun

        run = SparkRun(circular, lang=lang, master=args.spark_master)
    run.load_roster(people)
    run.load_calendar(*period)
    run.decide(*period)
    errors, undecided = run.problems()
    if tally is not None:
        for (unit, mode), count in run.counts().items():
            tally(unit, mode, count)
    partition = bool(getattr(args, "partition", False))
    if target is None:
        sys.stdout.flush()
        target = Path("/dev/stdout")
    written = int(run.write(target, fmt, partition=partition))
    report_undecided(errors, undecided, lang)
    return written, undecided
