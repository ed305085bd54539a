#!/usr/bin/env python3
"""How fast is a work-mode decision?  The backends against a hand-written function.

For the sample workforce of South Sumatra (``examples/sumsel-2026/roster``,
about 3000 employees) under SE 800.1/1230/BKD.I/2026, over six months
(2026-04-01 .. 2026-09-30), this script times:

0. an empty function called the same way (the cost of the loop and the call);
1. the reference interpreter, ``circular.interpreter.decide(employee, day)``;
2. the compiled function, ``circular.compiled.functions["moda_kerja"](employee, day, params)``;
3. :func:`hand_written`, plain Python with exactly the logic of the rule file,
   written by reading it (the yardstick);
4. the whole engine, ``circular.decide_many(...)``, which also builds the
   calendar day and a :class:`~edaran.engine.decision.Decision` for every
   employee-day, weekends and holidays included.

(1)-(3) run on the working days inside the period only, with calendar days
and parameter values computed once per day beforehand, as the engine does.
Before timing anything, (2) and (3) are checked against (1) on every
employee-day: a benchmark of wrong code cannot print figures.

Each path runs once to warm up, then in interleaved rounds (every path once
a round, so that load on a shared machine hits all alike), at least
``--repeat`` rounds and more for the fast paths; the best time is kept
(garbage collection off while timing, as :mod:`timeit` does).  Read the
ratios, not the absolute times: see ``benchmarks/README.md``.

    python benchmarks/decide.py            # six months, under a minute
    python benchmarks/decide.py --quick    # April 2026 only
    python benchmarks/decide.py --profile  # also cProfile paths (2) and (4)
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import datetime as dt
import gc
import io
import os
import platform
import pstats
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from edaran.engine.circular import Circular
from edaran.io.roster import load_roster
from edaran.model.workforce import CalendarDay, Employee, PositionLevel, UnitKind

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "examples" / "sumsel-2026"
RULES = EXAMPLE / "se-800.1-1230-BKD.I-2026.edaran"
ROSTER = EXAMPLE / "roster"

FIRST = dt.date(2026, 4, 1)
LAST = dt.date(2026, 9, 30)
QUICK_LAST = dt.date(2026, 4, 30)

Triple = tuple[object, int, tuple[tuple[str, str], ...]]


# ------------------------------------------------------------ hand-written
# SE 800.1/1230/BKD.I/2026 as a programmer would write it without edaran.
# The rule indices are those of the rule file, in file order:
#   0 butir 1.a (default, WFO)        1 butir 2 (WFH on HARI_WFH)
#   2 butir 6 (public service, WFO)   3 butir 6[pendukung] (below target: WFO on HARI_WFH)
#   4 butir 11 (JPT: WFA on HARI_WFH) 5-10 butir 12.a-12.f (units that stay at the office)
# Exceptions: 6[pendukung] over 2; 11 over 2 and 6[pendukung]; 6 and 12.a-f over 2
# and 11 (so, through 11, over 6[pendukung] too).
_IDS = (
    "butir 1.a",
    "butir 2",
    "butir 6",
    "butir 6[pendukung]",
    "butir 11",
    "butir 12.a",
    "butir 12.b",
    "butir 12.c",
    "butir 12.d",
    "butir 12.e",
    "butir 12.f",
)
_JPT = frozenset({PositionLevel.JPT_MADYA, PositionLevel.JPT_PRATAMA})
_PROVINCIAL_HOSPITALS = frozenset({"RSUD_SF", "RS_EB", "RSKGM", "RSKM"})
_SCHOOL = UnitKind.UPT_SEKOLAH
_UPTB = UnitKind.UPTB


def hand_written(employee: Employee, day: CalendarDay, params: dict[str, Any]) -> Triple:
    """(value, rule index, overridden pairs), exactly as the compiled function returns."""
    unit = employee.unit
    lineage = unit.silsilah  # the unit's code and its parents' codes
    # The first rule, in file order, that keeps the unit at the office (butir 6, 12.a-f).
    if unit.layanan_publik:
        office = 2
    elif "BPBD" in lineage:
        office = 5
    elif "SATPOL_PP" in lineage:
        office = 6
    elif "DPMPTSP" in lineage:
        office = 7
    elif not lineage.isdisjoint(_PROVINCIAL_HOSPITALS):
        office = 8
    elif unit.jenis is _SCHOOL and "DISDIK" in lineage:
        office = 9
    elif unit.jenis is _UPTB and "BAPENDA" in lineage:
        office = 10
    else:
        office = 0
    if day.hari is not params["HARI_WFH"]:
        return ("WFO", office, ())
    score = employee.capaian_kinerja  # not yet assessed (None): not below target
    low = score is not None and score < params["TARGET_KINERJA"]
    leader = employee.jenjang in _JPT
    if office:
        # Each rule set aside names the first rule, in file order, that sets it aside.
        public = office == 2
        winner = _IDS[office]
        first = (
            "butir 6"
            if public
            else "butir 6[pendukung]"
            if low
            else "butir 11"
            if leader
            else winner
        )
        overridden: tuple[tuple[str, str], ...] = (("butir 2", first),)
        if low:
            overridden += (("butir 6[pendukung]", winner if public or not leader else "butir 11"),)
        if leader:
            overridden += (("butir 11", winner),)
        return ("WFO", office, overridden)
    if leader:
        if low:
            return (
                "WFA",
                4,
                (("butir 2", "butir 6[pendukung]"), ("butir 6[pendukung]", "butir 11")),
            )
        return ("WFA", 4, (("butir 2", "butir 11"),))
    if low:
        return ("WFO", 3, (("butir 2", "butir 6[pendukung]"),))
    return ("WFH", 1, ())


# ---------------------------------------------------------------- helpers
def working_days(circular: Circular, first: dt.date, last: dt.date) -> list[CalendarDay]:
    """The days of the period on which the rules run (in force, a working day)."""
    header = circular.program.header
    days = []
    for day in circular.calendar.days(first, last):
        if header.effective_from and day.tanggal < header.effective_from:
            continue
        if header.effective_until and day.tanggal > header.effective_until:
            continue
        if day.hari_kerja:
            days.append(day)
    return days


def verify(
    circular: Circular,
    staff: Sequence[Employee],
    days: Sequence[tuple[CalendarDay, dict[str, object]]],
) -> collections.Counter[object]:
    """Assert that the compiled and hand-written functions agree with the interpreter."""
    interpret = circular.interpreter.decide
    compiled = circular.compiled.functions["moda_kerja"]
    index = {rule.id: i for i, rule in enumerate(circular.program.rules_for("moda_kerja"))}
    assert tuple(index) == _IDS, f"the rule file changed, update hand_written(): {tuple(index)}"
    values: collections.Counter[object] = collections.Counter()
    for day, params in days:
        for employee in staff:
            outcome = interpret(employee, day)
            expected = (outcome.value, index[outcome.rule.id], outcome.overridden)
            got = compiled(employee, day, params)
            where = f"{employee.nip} on {day.tanggal}"
            assert got == expected, f"compiled {got} != interpreter {expected}: {where}"
            mine = hand_written(employee, day, params)
            assert mine == expected, f"hand {mine} != interpreter {expected}: {where}"
            values[outcome.value] += 1
    return values


def _timed(run: Callable[[], object]) -> float:
    enabled = gc.isenabled()
    gc.disable()
    try:
        start = time.perf_counter()
        run()
        return time.perf_counter() - start
    finally:
        if enabled:
            gc.enable()


def best_times(runs: Sequence[Callable[[], object]], repeat: int, at_least: float) -> list[float]:
    """The best time of each run: warmed up once, then timed in interleaved rounds.

    Each round runs every path once, so a burst of load on a shared machine
    hits them all alike instead of spoiling one path's figures.  There are at
    least ``repeat`` rounds, more (at most 100) until the slowest of them has
    had about ``at_least`` seconds of timing.  Garbage collection is off while
    timing, as in :mod:`timeit`.
    """
    once = [max(_timed(run), 1e-6) for run in runs]
    rounds = max(repeat, min(100, int(at_least / max(once)) + 1))
    best = [float("inf")] * len(runs)
    for _ in range(rounds):
        for i, run in enumerate(runs):
            best[i] = min(best[i], _timed(run))
    return best


def over_days(
    decide: Callable[..., Any],
    staff: Sequence[Employee],
    days: Sequence[tuple[CalendarDay, dict[str, object]]],
    with_params: bool,
) -> Callable[[], None]:
    """A loop deciding every employee on every day (the same loop for (1)-(3))."""
    if with_params:

        def run() -> None:
            for day, params in days:
                for employee in staff:
                    decide(employee, day, params)

    else:

        def run() -> None:
            for day, _params in days:
                for employee in staff:
                    decide(employee, day)

    return run


def profile(run: Callable[[], None], lines: int = 12) -> str:
    """The top of a cProfile of ``run``, by internal time."""
    profiler = cProfile.Profile()
    profiler.enable()
    run()
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(lines)
    return out.getvalue()


# ------------------------------------------------------------------- main
def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one month (April 2026) only")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="timed rounds at least (best kept); more for fast paths",
    )
    parser.add_argument("--profile", action="store_true", help="cProfile paths (2) and (4)")
    args = parser.parse_args(argv)

    first, last = FIRST, QUICK_LAST if args.quick else LAST
    circular = Circular.load(RULES)
    staff = load_roster(ROSTER).employees
    days = [(day, circular.params_for(day.tanggal)) for day in working_days(circular, first, last)]
    calendar_days = (last - first).days + 1
    work = len(staff) * len(days)

    print(f"SE {circular.number}: {len(staff)} employees, {first} .. {last}")
    print(f"{len(days)} working days of {calendar_days}: {work:,} employee-days to decide")
    python = f"{platform.python_implementation()} {platform.python_version()}"
    print(f"{python} on {sys.platform}, {os.cpu_count()} CPUs")

    start = time.perf_counter()
    values = verify(circular, staff, days)
    shown = ", ".join(f"{v} {n:,}" for v, n in sorted(values.items(), key=str))
    print(f"verified: (2) and (3) agree with (1) on all {work:,} employee-days ({shown})")
    print(f"          in {time.perf_counter() - start:.1f} s")

    interpret = circular.interpreter.decide
    compiled = circular.compiled.functions["moda_kerja"]
    engine_count = len(staff) * calendar_days

    def engine() -> None:
        collections.deque(circular.decide_many(staff, first, last), maxlen=0)

    def nothing(employee: Employee, day: CalendarDay, params: dict[str, object]) -> None:
        return None

    paths: list[tuple[str, Callable[[], None], int]] = [
        ("(0) empty function", over_days(nothing, staff, days, with_params=True), work),
        ("(1) interpreter", over_days(interpret, staff, days, with_params=False), work),
        ("(2) compiled function", over_days(compiled, staff, days, with_params=True), work),
        ("(3) hand-written", over_days(hand_written, staff, days, with_params=True), work),
        ("(4) engine decide_many", engine, engine_count),
    ]
    # The fast paths (0), (2), (3) are interleaved with one another, and so are
    # the slow ones (1), (4): the ratio that matters, (2) to (3), is measured
    # from runs taken side by side.
    fast = best_times([paths[i][1] for i in (0, 2, 3)], args.repeat, at_least=2.0)
    slow = best_times([paths[i][1] for i in (1, 4)], args.repeat, at_least=0.0)
    seconds = [fast[0], slow[0], fast[1], fast[2], slow[1]]
    timed = [(name, count, best) for (name, _run, count), best in zip(paths, seconds, strict=True)]
    empty, hand = timed[0][2], timed[3][2]

    print()
    print(
        f"best of at least {args.repeat} interleaved runs (after one warm-up),"
        " garbage collector off"
    )
    header = (
        f"{'path':<24} {'decisions':>10} {'best s':>8} {'decisions/s':>12} {'µs each':>8}"
        f" {'time/(3)':>9} {'net/(3)':>8}"
    )
    print(header)
    print("-" * len(header))
    for name, count, seconds in timed:
        # (0) is the overhead itself; (4) does other work than (0) times its count.
        same_work = name.startswith(("(1)", "(2)", "(3)"))
        net = f"{(seconds - empty) / (hand - empty):>7.2f}x" if same_work else f"{'-':>8}"
        print(
            f"{name:<24} {count:>10,} {seconds:>8.3f} {count / seconds:>12,.0f} "
            f"{seconds / count * 1e6:>8.2f} {seconds / hand:>8.2f}x {net}"
        )
    print()
    print("time/(3): time for the whole period divided by the hand-written function's.")
    print("net/(3):  the same, after taking away the loop and call of (0) from both.")
    print("(4) also decides weekends and holidays (cheaply) and builds a Decision for each,")
    print(f"    so it makes {engine_count:,} decisions where (1)-(3) make {work:,}.")
    ratio = timed[2][2] / hand
    verdict = "within" if ratio <= 2 else "NOT within"
    print(f"target: compiled within 2x of hand-written -> {ratio:.2f}x, {verdict} target")

    if args.profile:
        print()
        print("cProfile of the compiled path (2):")
        print(profile(paths[2][1]))
        print("cProfile of the engine path (4):")
        print(profile(paths[4][1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
