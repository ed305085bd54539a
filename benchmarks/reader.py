#!/usr/bin/env python3
"""The roster reader against a baseline: another checkout's reader, on the same file.

It writes a roster of ``--rows`` employees (the sample roster's rows repeated
with fresh, valid NIPs, in its 89 units) and reads it with this checkout's
``read_roster`` and with the one in ``--baseline`` (a ``src`` folder of another
checkout, for instance of the commit before a change:
``git archive COMMIT src grammar | tar -x -C /tmp/base``), each in fresh
processes, interleaved, best of ``--repeat`` (wall and CPU time kept apart:
on a busy machine the CPU time is the figure to compare).  Both must read the
same employees with the same diagnostics.

    python benchmarks/reader.py --baseline /tmp/base/src --rows 50000
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "examples" / "sumsel-2026" / "roster"
SRC = HERE.parent / "src"

_CHILD = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from edaran.io.roster import read_roster
start, start_cpu = time.perf_counter(), time.process_time()
roster, found = read_roster(sys.argv[2])
spent, cpu = time.perf_counter() - start, time.process_time() - start_cpu
print(json.dumps({"seconds": spent, "cpu": cpu, "employees": len(roster), "diagnostics": len(found),
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def make_roster(rows: int, folder: Path) -> Path:
    """The sample roster repeated to ``rows`` employees, NIPs kept valid and unique."""
    with (SAMPLE / "pegawai.csv").open(encoding="utf-8", newline="") as f:
        head, *body = list(csv.reader(f))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "unit.csv").write_bytes((SAMPLE / "unit.csv").read_bytes())
    with (folder / "pegawai.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(head)
        for serial in range(rows):
            row = list(body[serial % len(body)])
            born = row[0][:8]
            # appointed at 20 + (serial // 2000) months after the birth year, a valid month
            year, month = int(born[:4]) + 20 + serial // 24000, 1 + (serial // 2000) % 12
            row[0] = f"{born}{year:04d}{month:02d}{1 + serial // 1000 % 2}{serial % 1000:03d}"
            writer.writerow(row)
    return folder


def _read(src: Path, roster: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(src), str(roster)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", type=Path, required=True, help="another checkout's src/")
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    roster = make_roster(args.rows, Path(tempfile.mkdtemp()) / "roster")
    size = (roster / "pegawai.csv").stat().st_size
    best: dict[str, dict[str, float]] = {}
    for _ in range(args.repeat):
        for name, src in (("this checkout", SRC), ("baseline", args.baseline)):
            result = _read(src, roster)
            if name not in best:
                best[name] = result
            for key in ("seconds", "cpu", "peak_mib"):
                best[name][key] = min(best[name][key], result[key])
    mine, base = best["this checkout"], best["baseline"]
    assert (mine["employees"], mine["diagnostics"]) == (base["employees"], base["diagnostics"])
    print(f"{args.rows:,} rows, {size / 2**20:.1f} MiB, {mine['employees']:,} employees read")
    print(f"{'reader':15} {'wall s':>7} {'CPU s':>7} {'rows/s CPU':>11} {'peak MiB':>9}")
    for name, r in best.items():
        rate = args.rows / r["cpu"]
        print(f"{name:15} {r['seconds']:7.2f} {r['cpu']:7.2f} {rate:11,.0f} {r['peak_mib']:9.0f}")
    print(
        f"baseline / this checkout: {base['seconds'] / mine['seconds']:.2f}x wall,"
        f" {base['cpu'] / mine['cpu']:.2f}x CPU"
    )


if __name__ == "__main__":
    main()
