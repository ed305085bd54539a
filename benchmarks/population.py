#!/usr/bin/env python3
"""Whole populations: the engines side by side, a scale curve, and a national year.

Three measurements (``benchmarks/README.md`` states their figures):

``peer``
    The peer workload, 20,000 employees x 183 days (2026-04-01 .. 2026-09-30,
    3.66 million employee-days) under the reference circular, counted per unit
    and mode by: (1) a hand-written Python loop (``decide.hand_written``), (2) the
    compiled function in the same loop, (3) ``Circular.decide_many``, (4) DuckDB
    (the SQL engine), (5) Spark local (with ``--spark``).  Every path must give
    the same counts.  Then writing the same CSV: (W1) a hand-written loop with
    ``csv.writer``, (W2) ``edaran decide --engine python``'s writer, (W3) DuckDB
    writing the engine's rows, (W4) DuckDB writing the same rows from a plain
    table holding them (the hand-written query).  W2 and W3 must equal W1 byte
    for byte.
``scale``
    DuckDB deciding and counting 1k, 10k, 100k, 1M employees over the same 183
    days, each size in a fresh process: wall time and peak resident memory
    (``ru_maxrss``), and the Python engine's up to 100k for comparison.
``national``
    4.7 million synthetic employees (the sample roster's rows repeated with new
    NIPs, generated inside DuckDB) x one year (2026-04-01 .. 2027-03-31, about
    260 working days): decided and counted (materialised, not written), then
    written as Parquet partitioned by unit and month.  DuckDB's memory is
    capped (``--memory-limit``), so what does not fit spills to disk.

Times are the best of ``--repeat`` runs (garbage collector off), paths
interleaved; read the ratios, not the seconds (the machine is shared).

    python benchmarks/population.py peer [--quick] [--spark] [--repeat 3]
    python benchmarks/population.py scale [--sizes 1000,10000,100000,1000000]
    python benchmarks/population.py national [--employees 4700000] [--out DIR]
"""

from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import gc
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from decide import RULES, hand_written, working_days  # noqa: E402
from schedule import scaled_staff  # noqa: E402

from edaran.engine.circular import Circular  # noqa: E402
from edaran.io.roster import Roster, load_roster  # noqa: E402

FIRST, LAST = dt.date(2026, 4, 1), dt.date(2026, 9, 30)
QUICK_LAST = dt.date(2026, 4, 30)
YEAR_LAST = dt.date(2027, 3, 31)
Counts = collections.Counter[tuple[str, str]]


def _best(run: Callable[[], object], repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            result = run()
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best, result


def _maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ------------------------------------------------------------------- peer
def _days(circular: Circular, first: dt.date, last: dt.date) -> list[Any]:
    return circular.calendar.days(first, last)


def _count_loop(
    circular: Circular,
    staff: list[Any],
    first: dt.date,
    last: dt.date,
    decide: Callable[..., Any],
) -> Counts:
    """``decide(employee, day, params)`` on every working day in a plain loop, counted per
    unit and mode; days off and days out of force counted too."""
    work = {d.tanggal for d in working_days(circular, first, last)}
    header = circular.program.header
    counts: Counts = collections.Counter()
    units = [e.unit.kode for e in staff]
    for day in _days(circular, first, last):
        if day.tanggal in work:
            params = circular.params_for(day.tanggal)
            for employee, unit in zip(staff, units, strict=True):
                counts[(unit, decide(employee, day, params)[0])] += 1
        else:
            outside = header.effective_from and day.tanggal < header.effective_from
            mode = "TIDAK_BERLAKU" if outside else "LIBUR"
            for unit in units:
                counts[(unit, mode)] += 1
    return counts


def count_by_hand(circular: Circular, staff: list[Any], first: dt.date, last: dt.date) -> Counts:
    """(1): the hand-written rules in the plain loop."""
    return _count_loop(circular, staff, first, last, hand_written)


def count_compiled(circular: Circular, staff: list[Any], first: dt.date, last: dt.date) -> Counts:
    """(2): the compiled function in the same loop."""
    return _count_loop(circular, staff, first, last, circular.compiled.functions["moda_kerja"])


def count_decide_many(
    circular: Circular, staff: list[Any], first: dt.date, last: dt.date
) -> Counts:
    """(3): the public API, a Decision per employee-day."""
    counts: Counts = collections.Counter()
    units = [e.unit.kode for e in staff]
    decisions = iter(circular.decide_many(staff, first, last))
    for _ in _days(circular, first, last):
        for unit, decision in zip(units, decisions, strict=False):
            counts[(unit, str(decision.value))] += 1
    return counts


def duck_run(circular: Circular, staff: list[Any]) -> Any:
    from edaran.population.duckdb_run import DuckRun

    run = DuckRun(circular)
    run.create_tables()
    run.load_roster(Roster({}, staff))
    return run


def count_duckdb(run: Any, first: dt.date, last: dt.date) -> Counts:
    """(4): the SQL engine on DuckDB, counted per unit and mode inside DuckDB."""
    run.decide(first, last)
    return collections.Counter(run.counts())


def count_spark(circular: Circular, staff: list[Any], first: dt.date, last: dt.date) -> Counts:
    from edaran.population.spark_run import SparkRun

    run = SparkRun(circular, master="local[2]")
    run.load_roster(Roster({}, staff))
    run.load_calendar(first, last)
    run.decide(first, last)
    return collections.Counter(run.counts())


def write_by_hand(circular: Circular, staff: list[Any], first: dt.date, last: dt.date) -> str:
    """(W1): the hand-written rules writing the six columns with csv.writer."""
    from edaran.engine.decision import Decision, Status

    rules = circular.program.rules_for("moda_kerja")
    work = {d.tanggal for d in working_days(circular, first, last)}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("nip", "unit", "date", "mode", "clause", "reason"))
    reasons: dict[Any, str] = {}
    people = [(e.nip, e.unit.kode, e) for e in staff]
    for day in _days(circular, first, last):
        date = day.tanggal.isoformat()
        if day.tanggal not in work:
            d = circular.decide(staff[0], day.tanggal)
            reason = circular.reason(d, "id")
            writer.writerows([nip, unit, date, d.value, "", reason] for nip, unit, _ in people)
            continue
        params = circular.params_for(day.tanggal)
        for nip, unit, employee in people:
            value, index, overridden = hand_written(employee, day, params)
            key = (index, overridden)
            reason = reasons.get(key)  # type: ignore[assignment]
            if reason is None:
                r = rules[index]
                status = Status.DEFAULT if r.is_default else Status.RULE
                d = Decision("", day.tanggal, "", value, status, r.id, r.clause, overridden)
                reason = reasons[key] = circular.reason(d, "id")
            writer.writerow([nip, unit, date, value, rules[index].clause, reason])
    return out.getvalue()


def write_python_engine(circular: Circular, staff: list[Any], first: dt.date, last: dt.date) -> str:
    """(W2): what ``edaran decide --engine python`` writes."""
    from edaran.cli.population import _rows, write_rows

    out = io.StringIO()
    roster = Roster({}, staff)
    write_rows(_rows(circular, roster, circular.decide_many(staff, first, last), "id"), "csv", out)
    return out.getvalue()


def peer(args: argparse.Namespace) -> None:
    circular = Circular.load(RULES)
    last = QUICK_LAST if args.quick else LAST
    count = 3000 if args.quick else args.employees
    staff = scaled_staff(count)
    days = (last - FIRST).days + 1
    print(f"peer workload: {count} employees x {days} days = {count * days:,} employee-days")
    load_time, run = _best(lambda: duck_run(circular, staff), 1)
    calendar_time, _ = _best(lambda: run.load_calendar(FIRST, last), 1)
    paths: dict[str, Callable[[], Counts]] = {
        "(1) hand-written loop": lambda: count_by_hand(circular, staff, FIRST, last),
        "(2) compiled function": lambda: count_compiled(circular, staff, FIRST, last),
        "(3) decide_many": lambda: count_decide_many(circular, staff, FIRST, last),
        "(4) DuckDB": lambda: count_duckdb(run, FIRST, last),
    }
    if args.spark:
        paths["(5) Spark local"] = lambda: count_spark(circular, staff, FIRST, last)
    times: dict[str, float] = {}
    results: dict[str, Counts] = {}
    for _ in range(args.repeat):  # interleaved rounds
        for name, path in paths.items():
            spent, result = _best(path, 1)
            times[name] = min(times.get(name, float("inf")), spent)
            results[name] = result  # type: ignore[assignment]
    reference = results["(1) hand-written loop"]
    for name, result in results.items():
        assert result == reference, f"{name} counts differ from the hand-written loop"
    base = times["(1) hand-written loop"]
    print(f"{'path':28} {'seconds':>9} {'x hand':>8} {'M emp-days/s':>13}")
    for name, spent in times.items():
        rate = count * days / spent / 1e6
        print(f"{name:28} {spent:9.3f} {spent / base:8.2f} {rate:13.2f}")
    print(f"(DuckDB: loading the facts {load_time:.2f} s, the calendar {calendar_time:.3f} s)")
    # Writing the same CSV.
    target = Path(tempfile.mkdtemp()) / "keputusan.csv"
    plain = Path(tempfile.mkdtemp()) / "plain.csv"
    run.decide(FIRST, last)

    def duck_write() -> bytes:
        run.write(target, "csv")
        return target.read_bytes()

    run.con.execute("CREATE OR REPLACE TABLE tulis AS " + _written_rows())

    def plain_write() -> bytes:
        run.con.execute(f"COPY (SELECT * FROM tulis ORDER BY date, urutan) TO '{plain}' (HEADER)")
        return plain.read_bytes()

    writers: dict[str, Callable[[], object]] = {
        "(W1) hand-written loop + csv": lambda: write_by_hand(circular, staff, FIRST, last),
        "(W2) edaran decide --engine python": lambda: write_python_engine(
            circular, staff, FIRST, last
        ),
        "(W3) DuckDB engine, COPY": duck_write,
        "(W4) DuckDB, rows from a plain table": plain_write,
    }
    wtimes: dict[str, float] = {}
    outputs: dict[str, object] = {}
    for _ in range(args.repeat):
        for name, path in writers.items():
            spent, result = _best(path, 1)
            wtimes[name] = min(wtimes.get(name, float("inf")), spent)
            outputs[name] = result
    hand = outputs["(W1) hand-written loop + csv"]
    assert outputs["(W2) edaran decide --engine python"] == hand, "W2 differs from W1"
    assert outputs["(W3) DuckDB engine, COPY"] == hand.encode(), "W3 differs from W1"  # type: ignore[union-attr]
    print(f"\n{'writing the CSV':38} {'seconds':>9} {'x W1':>7} {'x W4':>7}")
    for name, spent in wtimes.items():
        ratio_1 = spent / wtimes["(W1) hand-written loop + csv"]
        ratio_4 = spent / wtimes["(W4) DuckDB, rows from a plain table"]
        print(f"{name:38} {spent:9.3f} {ratio_1:7.2f} {ratio_4:7.2f}")


def _written_rows() -> str:
    from edaran.population.outcome import Outcomes

    select = Outcomes.written_sql("csv", False, order=None)
    return select.replace("SELECT nip,", "SELECT urutan, nip,", 1)


# ------------------------------------------------------------------ scale
def scale_child(size: int, engine: str, last: dt.date) -> dict[str, Any]:
    circular = Circular.load(RULES)
    staff = scaled_staff(size)
    setup = _maxrss_mib()
    start = time.perf_counter()
    if engine == "python":
        counts = count_decide_many(circular, staff, FIRST, last)
    else:
        run = duck_run(circular, staff)
        run.load_calendar(FIRST, last)
        counts = count_duckdb(run, FIRST, last)
    wall = time.perf_counter() - start
    return {
        "size": size,
        "engine": engine,
        "wall": wall,
        "setup_mib": setup,
        "peak_mib": _maxrss_mib(),
        "rows": sum(counts.values()),
    }


def scale(args: argparse.Namespace) -> None:
    sizes = [int(s) for s in args.sizes.split(",")]
    print(
        f"{'employees':>10} {'engine':>7} {'emp-days':>13} {'seconds':>9} {'s per M':>8}"
        f" {'setup MiB':>10} {'peak MiB':>9}"
    )
    for size in sizes:
        for engine in ("duckdb", "python"):
            if engine == "python" and size > args.python_up_to:
                continue
            child = subprocess.run(
                [sys.executable, __file__, "scale-child", str(size), engine],
                capture_output=True,
                text=True,
                check=True,
            )
            r = json.loads(child.stdout.strip().splitlines()[-1])
            per = r["wall"] / r["rows"] * 1e6
            print(
                f"{size:>10,} {engine:>7} {r['rows']:>13,} {r['wall']:9.2f} {per:8.3f}"
                f" {r['setup_mib']:10.0f} {r['peak_mib']:9.0f}"
            )


# --------------------------------------------------------------- national
_SYNTHETIC = """
INSERT INTO pegawai
SELECT '9' || lpad(CAST(i * {n} + p.urutan AS VARCHAR), 17, '0') AS nip,
       p.nama, p.unit, p.jenjang, p.jabatan, p.capaian_kinerja, p.mulai_tugas,
       p.selesai_tugas, i * {n} + p.urutan AS urutan
FROM contoh AS p, range(0, {copies}) AS r(i)
WHERE i * {n} + p.urutan < {total}
"""


def national(args: argparse.Namespace) -> None:
    from edaran.population.duckdb_run import DuckRun

    circular = Circular.load(RULES)
    sample = load_roster(HERE.parent / "examples" / "sumsel-2026" / "roster")
    run = DuckRun(circular, memory_limit=args.memory_limit, database=args.database)
    run.create_tables()
    run.load_roster(sample)
    n = len(sample)
    copies = -(-args.employees // n)
    run.con.execute("CREATE TEMP TABLE contoh AS SELECT * FROM pegawai")
    run.con.execute("DELETE FROM pegawai")
    start = time.perf_counter()
    run.con.execute(_SYNTHETIC.format(n=n, copies=copies, total=args.employees))
    made = time.perf_counter() - start
    run.load_calendar(FIRST, YEAR_LAST)
    work = len(working_days(circular, FIRST, YEAR_LAST))
    total = args.employees * ((YEAR_LAST - FIRST).days + 1)
    print(
        f"national run: {args.employees:,} employees x {work} working days "
        f"({total:,} employee-days with days off), memory limit {args.memory_limit}"
    )
    print(f"synthetic roster made in DuckDB: {made:.1f} s")
    run.decide(FIRST, YEAR_LAST)
    start = time.perf_counter()
    counts = run.counts()
    decided = time.perf_counter() - start
    print(
        f"decided and counted per unit and mode: {decided:.1f} s "
        f"({sum(counts.values()) / decided / 1e6:.1f} M emp-days/s), peak {_maxrss_mib():.0f} MiB"
    )
    target = Path(args.out)
    start = time.perf_counter()
    written = run.write(target, "parquet", partition=True)
    spent = time.perf_counter() - start
    size = sum(f.stat().st_size for f in target.rglob("*.parquet"))
    print(
        f"written as Parquet by unit and month: {spent:.1f} s "
        f"({written / spent / 1e6:.1f} M rows/s),"
        f" {written:,} rows, {size / 2**30:.1f} GiB in {sum(1 for _ in target.rglob('*.parquet'))}"
        f" files, peak {_maxrss_mib():.0f} MiB"
    )
    start = time.perf_counter()
    _, undecided = run.problems()
    print(f"undecided employee-days: {undecided} ({time.perf_counter() - start:.1f} s to check)")


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("peer")
    p.add_argument("--employees", type=int, default=20_000)
    p.add_argument("--quick", action="store_true")
    p.add_argument("--spark", action="store_true")
    p.add_argument("--repeat", type=int, default=2)
    p = sub.add_parser("scale")
    p.add_argument("--sizes", default="1000,10000,100000,1000000")
    p.add_argument("--python-up-to", type=int, default=100_000)
    p = sub.add_parser("scale-child")
    p.add_argument("size", type=int)
    p.add_argument("engine")
    p = sub.add_parser("national")
    p.add_argument("--employees", type=int, default=4_700_000)
    p.add_argument("--memory-limit", default="8GB")
    p.add_argument("--database", default=":memory:")
    p.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "edaran-nasional"))
    args = parser.parse_args(argv)
    if args.what == "peer":
        peer(args)
    elif args.what == "scale":
        scale(args)
    elif args.what == "scale-child":
        print(json.dumps(scale_child(args.size, args.engine, LAST)))
    else:
        national(args)


if __name__ == "__main__":
    main()
