#!/usr/bin/env python3
"""Start-up: how long a command takes before and while it works, against bare Python.

Each command runs ``--runs`` times in fresh processes, interleaved with
``python -c pass`` (the floor every command pays); the best wall time and the
best CPU time (user + system, from ``os.wait4``) of each are kept and shown as
ratios to that floor.  The CPU time is what to read on a busy machine: other
processes stretch the wall time, not the CPU time.  Then, in this process,
parsing and checking the reference circular (the parser already loaded), best
of 20, wall and CPU.

    python benchmarks/startup.py            # 15 runs each
    python benchmarks/startup.py --runs 40

Targets (issue 16, on an idle 2-core machine): ``edaran --help`` under 150 ms,
``edaran check`` of the reference circular under 300 ms, parse and check in
process under 50 ms.  ``hyperfine -N 'python -c pass' 'edaran --help'`` gives
the same figures with more statistics.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RULES = HERE.parent / "examples" / "sumsel-2026" / "se-800.1-1230-BKD.I-2026.edaran"


def _times(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one run of ``command``."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = 0  # reaped by wait4
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    edaran = shutil.which("edaran") or "edaran"
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import edaran'": [sys.executable, "-c", "import edaran"],
        "edaran --help": [edaran, "--help"],
        "edaran check (reference)": [edaran, "check", str(RULES)],
    }
    for command in commands.values():  # warm the caches (the parser's included)
        _times(command)
    wall = {name: float("inf") for name in commands}
    cpu = dict(wall)
    for _ in range(args.runs):
        for name, command in commands.items():
            spent, used = _times(command)
            wall[name], cpu[name] = min(wall[name], spent), min(cpu[name], used)
    floor, cpu_floor = wall["python -c pass"], cpu["python -c pass"]
    print(f"{'command':30} {'wall ms':>8} {'x python':>9} {'CPU ms':>8} {'x python':>9}")
    for name in commands:
        print(
            f"{name:30} {wall[name] * 1000:8.1f} {wall[name] / floor:9.1f}"
            f" {cpu[name] * 1000:8.1f} {cpu[name] / cpu_floor:9.1f}"
        )
    import edaran as api
    from edaran.lang.grammar import lark_parser
    from edaran.lang.parser import parse_file

    lark_parser()
    walls, cpus = [], []
    for _ in range(20):
        start, start_cpu = time.perf_counter(), time.process_time()
        api.check(parse_file(RULES))
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - start_cpu)
    best_wall, best_cpu = min(walls) * 1000, min(cpus) * 1000
    print(f"{'parse and check, in process':30} {best_wall:8.1f} {'':9} {best_cpu:8.1f}")


if __name__ == "__main__":
    main()
