#!/usr/bin/env python3
"""What does a schedule cost next to the plain decisions?  Time and peak memory.

The sample workforce of South Sumatra (``examples/sumsel-2026/roster``, about
3000 employees in 89 units) is scaled to ``--employees`` (20,000 by default)
by repeating its employees with fresh, unique NIPs in the same units, and the
reference circular SE 800.1/1230/BKD.I/2026 (butir 4: per-unit WFH shares and
one person on site) is run over six months, 2026-04-01 .. 2026-09-30:

a. ``circular.decide_many(staff, first, last)``: every decision of every
   employee-day, consumed one by one and dropped (what ``edaran decide`` does);
b. ``edaran.scheduling.scheduler.schedule(circular, staff, first, last)``: the same
   decisions turned into assignments that meet the caps and floors, day by
   day, with the rotation, all kept in the returned ``Schedule``.

Each measurement runs in a fresh Python process (``--measure``), so that one
does not inherit the other's memory: the child reports its wall time and its
peak resident set size (``resource.getrusage(...).ru_maxrss``), both after
the setup (loading the circular and the roster, scaling it) and after the
run.  The "run" figure is the peak minus the setup, the memory the run itself
added.  With ``--tracemalloc`` a further child per path reports the peak of
Python allocations (``tracemalloc``), untimed (it slows Python down a lot).

    python benchmarks/schedule.py                 # 20,000 employees, six months
    python benchmarks/schedule.py --quick         # 3,000 employees, April 2026
    python benchmarks/schedule.py --repeat 3      # best time of three children per path
    python benchmarks/schedule.py --tracemalloc   # also the tracemalloc peaks

Read the ratio b/a, measured in the same run on the same machine, rather than
the absolute figures: see ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "examples" / "sumsel-2026"
RULES = EXAMPLE / "se-800.1-1230-BKD.I-2026.edaran"
ROSTER = EXAMPLE / "roster"

FIRST = dt.date(2026, 4, 1)
LAST = dt.date(2026, 9, 30)
EMPLOYEES = 20_000
QUICK_EMPLOYEES = 3_000
QUICK_LAST = dt.date(2026, 4, 30)
PATHS = {"decide": "(a) decide_many, consumed", "schedule": "(b) scheduler"}


# --------------------------------------------------------------- the child
def scaled_staff(count: int) -> list[Any]:
    """The sample roster's employees repeated to ``count``, each with a fresh NIP.

    The first copy keeps the roster's own NIPs; later copies get 18-digit NIPs
    that no roster has (``9`` then a serial number).  Units, levels and
    performance scores are those of the employee copied, so every unit grows
    in proportion and the circular decides the copies as it decides the
    originals.
    """
    from edaran.io.roster import load_roster

    roster = load_roster(ROSTER)
    people = list(roster.employees)
    staff = []
    for serial in range(count):
        original = people[serial % len(people)]
        if serial < len(people):
            staff.append(original)
        else:
            copy = serial // len(people)
            staff.append(
                attrs.evolve(original, nip=f"9{serial:017d}", nama=f"{original.nama} ({copy})")
            )
    return staff


def _maxrss_mib() -> float:
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def measure(path: str, count: int, first: dt.date, last: dt.date, trace: bool) -> dict[str, Any]:
    """One path in this process: its wall time and memory (run in a child)."""
    from edaran.engine.circular import Circular
    from edaran.scheduling.scheduler import schedule

    circular = Circular.load(RULES)
    staff = scaled_staff(count)
    setup = _maxrss_mib()
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    if path == "decide":
        errors: list[Any] = []
        modes: dict[str, int] = {}
        for decision in circular.decide_many(staff, first, last, errors=errors):
            modes[str(decision.value)] = modes.get(str(decision.value), 0) + 1
        made = sum(modes.values())
        warnings = len(errors)
    else:
        result = schedule(circular, staff, first, last)
        made = len(result)
        modes = {}
        for a in result:
            modes[a.mode] = modes.get(a.mode, 0) + 1
        warnings = len(result.warnings)
    wall = time.perf_counter() - start
    traced = tracemalloc.get_traced_memory()[1] / (1024 * 1024) if trace else None
    return {
        "path": path,
        "employees": len(staff),
        "units": len({e.unit.kode for e in staff}),
        "count": made,
        "modes": dict(sorted(modes.items())),
        "warnings": warnings,
        "wall": wall,
        "setup_mib": setup,
        "peak_mib": _maxrss_mib(),
        "traced_mib": traced,
    }


# -------------------------------------------------------------- the parent
def child(path: str, count: int, first: dt.date, last: dt.date, trace: bool) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter and read its JSON line."""
    command = [
        sys.executable,
        __file__,
        "--measure",
        path,
        "--employees",
        str(count),
        "--from",
        first.isoformat(),
        "--to",
        last.isoformat(),
    ]
    if trace:
        command.append("--tracemalloc")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"the {path} measurement failed (exit {done.returncode})")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="3,000 employees, April 2026")
    parser.add_argument(
        "--employees", type=int, help=f"default {EMPLOYEES:,} ({QUICK_EMPLOYEES:,} quick)"
    )
    parser.add_argument("--from", dest="first", type=dt.date.fromisoformat)
    parser.add_argument("--to", dest="last", type=dt.date.fromisoformat)
    parser.add_argument("--repeat", type=int, default=1, help="children per path; best time kept")
    parser.add_argument("--tracemalloc", action="store_true", help="also tracemalloc peaks")
    parser.add_argument("--measure", choices=sorted(PATHS), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    count = args.employees or (QUICK_EMPLOYEES if args.quick else EMPLOYEES)
    first = args.first or FIRST
    last = args.last or (QUICK_LAST if args.quick else LAST)

    if args.measure:  # the child
        print(json.dumps(measure(args.measure, count, first, last, args.tracemalloc)))
        return 0

    days = (last - first).days + 1
    print(f"SE 800.1/1230/BKD.I/2026 on the sample roster scaled to {count:,} employees")
    print(f"{first} .. {last}: {days} days, {count * days:,} employee-days")
    python = f"{platform.python_implementation()} {platform.python_version()}"
    print(f"{python} on {sys.platform}, {os.cpu_count()} CPUs; each figure from a fresh process")
    print()
    results: dict[str, dict[str, Any]] = {}
    for path in PATHS:
        runs = [child(path, count, first, last, False) for _ in range(max(1, args.repeat))]
        best = min(runs, key=lambda r: r["wall"])
        best["peak_mib"] = max(r["peak_mib"] for r in runs)
        if args.tracemalloc:
            best["traced_mib"] = child(path, count, first, last, True)["traced_mib"]
        results[path] = best

    a, b = results["decide"], results["schedule"]
    if a["count"] != b["count"]:
        raise SystemExit(f"the paths disagree: {a['count']} decisions, {b['count']} assignments")
    head = (
        f"{'path':28} {'wall s':>8} {'per emp-day':>12} "
        f"{'setup MiB':>10} {'peak MiB':>9} {'run MiB':>8}"
    )
    if args.tracemalloc:
        head += f" {'traced MiB':>11}"
    print(head)
    print("-" * len(head))
    for path, r in results.items():
        line = (
            f"{PATHS[path]:28} {r['wall']:8.2f} {r['wall'] / r['count'] * 1e6:10.2f}µs "
            f"{r['setup_mib']:10.0f} {r['peak_mib']:9.0f} {r['peak_mib'] - r['setup_mib']:8.0f}"
        )
        if args.tracemalloc:
            line += f" {r['traced_mib']:11.0f}"
        print(line)
    print()
    run_a = max(a["peak_mib"] - a["setup_mib"], 1.0)
    run_b = b["peak_mib"] - b["setup_mib"]
    time_ratio = b["wall"] / a["wall"]
    peak_ratio = b["peak_mib"] / a["peak_mib"]
    print(f"ratio b/a: time {time_ratio:.2f}x, peak memory (whole process) {peak_ratio:.2f}x")
    print(f"           memory the run added: {run_b:.0f} MiB against {run_a:.0f} MiB")
    if args.tracemalloc:
        traced = b["traced_mib"] / max(a["traced_mib"], 0.01)
        print(f"           tracemalloc peak: {traced:.0f}x")
    print()
    print(f"modes decided (a):  {a['modes']}")
    print(f"modes assigned (b): {b['modes']}")
    print(f"warnings: (a) {a['warnings']} undecided, (b) {b['warnings']} in the schedule")
    kept = sum(a["modes"].get(m, 0) for m in ("WFH",)) - b["modes"].get("WFH", 0)
    print(f"WFH person-days kept back by butir 4: {kept:,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
