#!/usr/bin/env python3
"""How fast are attendance duties?  The engine against a hand-written single pass.

A log of ``--events`` attendance events (1,000,000 by default; 100,000 with
``--quick``), seeded, is written as CSV for ``--people`` employees (the
events divided by 48: five events a person a day, a few lost) over the two working weeks
2027-04-05 .. 2027-04-16, under the rule file of
``examples/dinas-kominfo-lembah-2027/`` (WFH on Tuesday and Thursday outside
public-service units; check-in 07:30-08:00 and check-out 16:00-16:30 within
100 m of home; a daily report verified by the superior; a check-in on office
days).  Timed, each in a child process forked after the roster is built:

1. the engine: :func:`edaran.io.iter_attendance` streaming the CSV file into
   ``run_discipline(..., attendance=..., use_schedule=False)`` (each person's
   mode from the rules, as ``decide`` gives it), which also runs the ladders;
2. :func:`hand_pass`: one loop over the same file with :mod:`csv` and
   ``datetime.fromisoformat``, the rules written by hand (WFH on Tuesday and
   Thursday unless the unit serves the public), the windows, the haversine
   distance and the verification, then every person on every day.

Before any figure is printed, the hand pass must agree with the engine on the
breaches: their number per (duty, kind) and per person.  Peak memory is the
child's highest resident set size (``ru_maxrss``) above the parent's at the
fork: it stays flat as the log grows, since the log is streamed.

    python benchmarks/attendance.py                 # 1,000,000 events
    python benchmarks/attendance.py --quick         # 100,000 events
    python benchmarks/attendance.py --events 300000
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import math
import os
import pickle
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from edaran.core.diagnostics import Severity
from edaran.discipline import run_discipline
from edaran.engine import Circular
from edaran.io.attendance import AttendanceProblems, iter_attendance
from edaran.model import Unit, UnitKind

HERE = Path(__file__).resolve().parent
RULES = (
    HERE.parent / "examples" / "dinas-kominfo-lembah-2027" / "se-800.1-42-DISKOMINFO-2027.edaran"
)
FIRST, LAST = dt.date(2027, 4, 5), dt.date(2027, 4, 16)
WIB = dt.timezone(dt.timedelta(hours=7), "WIB")
SEED = 20270405
OFFICE = (0.5071, 101.4478)
KINDS = ("masuk", "pulang", "laporan", "verifikasi")
EARTH = 6_371_008.8

# The duties written by hand: (id, kind, window or None, radius, verified), on WFH days ...
REMOTE = (
    ("butir 4.a", "masuk", (dt.time(7, 30), dt.time(8, 0)), 100.0, False),
    ("butir 4.b", "pulang", (dt.time(16, 0), dt.time(16, 30)), 100.0, False),
    ("butir 4.c", "laporan", None, None, True),
)
# ... and on office days.
OFFICE_DUTIES = (("butir 5", "masuk", None, None, False),)
CODES = ("ok", "outside-radius", "late", "outside-window", "missing")


def units() -> list[Unit]:
    public = {3, 7}  # two of ten units serve the public: always at the office
    return [
        Unit(f"BID_{i}", f"Bidang {i}", UnitKind.BAGIAN, layanan_publik=i in public)
        for i in range(10)
    ]


def roster(circular: Circular, people: int) -> list[Any]:
    dice = random.Random(SEED)
    cls = circular.schema.employee_cls
    staff = []
    for i, unit in zip(range(people), _cycle(units()), strict=False):
        lat = Decimal(f"{OFFICE[0] + dice.uniform(-0.04, 0.04):.6f}")
        lon = Decimal(f"{OFFICE[1] + dice.uniform(-0.04, 0.04):.6f}")
        staff.append(cls(nip=f"{i:018d}", nama=f"P{i}", unit=unit, rumah_lat=lat, rumah_lon=lon))
    return staff


def _cycle(items: list[Unit]) -> Any:
    while True:
        yield from items


def working_days() -> list[dt.date]:
    days = [FIRST + dt.timedelta(days=i) for i in range((LAST - FIRST).days + 1)]
    return [d for d in days if d.weekday() < 5]


def write_log(path: Path, staff: list[Any], events: int) -> int:
    """Five events a person a day, as an application logs them: mostly on time and near home.

    On a remote day (Tuesday, Thursday, outside public-service units): a
    check-in, a report, the superior's verification, a check-out and one
    repeated check-in; on an office day: a check-in, a check-out and three
    repeated ones.  About one event in twenty is late, early, far or lost.
    """
    dice = random.Random(SEED + 1)
    written = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("nip,jenis,waktu,lat,lon\n")
        for day in working_days():
            stamp = day.isoformat()
            remote_day = day.weekday() in (1, 3)
            for person in staff:
                remote = remote_day and not person.unit.layanan_publik
                plan = _REMOTE_PLAN if remote else _OFFICE_PLAN
                lat, lon = float(person.rumah_lat), float(person.rumah_lon)
                for kind, start, length in plan:
                    if written >= events:
                        return written
                    if dice.random() < 0.05:  # lost, or at a random time and place
                        if dice.random() < 0.5:
                            continue
                        start, length = 7 * 60, 11 * 60
                    minute = start + dice.randrange(length)
                    step = 0.003 if dice.random() < 0.02 else 0.0002
                    where = f"{lat + step:.6f},{lon:.6f}" if remote else ","
                    out.write(f"{person.nip},{kind},{stamp} {minute // 60:02d}:{minute % 60:02d},"
                              f"{where}\n")  # fmt: skip
                    written += 1
    return written


#: (kind, first minute of the day, minutes it may fall in) of each event of a day
_REMOTE_PLAN = (
    ("masuk", 7 * 60 + 30, 31),
    ("laporan", 14 * 60, 120),
    ("verifikasi", 16 * 60 + 30, 90),
    ("pulang", 16 * 60, 31),
    ("masuk", 7 * 60 + 30, 31),
)
_OFFICE_PLAN = (
    ("masuk", 6 * 60 + 30, 60),
    ("pulang", 16 * 60, 60),
    ("masuk", 6 * 60 + 30, 60),
    ("masuk", 7 * 60, 60),
    ("pulang", 16 * 60, 90),
)


# ------------------------------------------------------------------ the two paths
def engine_pass(circular: Circular, staff: list[Any], path: Path) -> dict[str, Any]:
    problems = AttendanceProblems(Severity.ERROR)
    events = iter_attendance(path, tz=WIB, problems=problems)
    result = run_discipline(
        circular, staff, [], attendance=events, first=FIRST, last=LAST, use_schedule=False
    )
    assert not problems.failed, problems.all()[:3]
    return {
        "events": result.attendance_events,
        "kinds": Counter((b.rule, b.kind) for b in result.breaches),
        "people": Counter(b.nip for b in result.breaches),
        "sanctions": len(result.sanctions),
    }


def hand_pass(circular: Circular, staff: list[Any], path: Path) -> dict[str, Any]:
    """The same breaches by hand: one pass over the file, then every person on every day."""
    homes = {p.nip: (float(p.rumah_lat), float(p.rumah_lon)) for p in staff}
    best: dict[tuple[str, dt.date, str], tuple[int, dt.datetime]] = {}
    verified: dict[tuple[str, dt.date], dt.datetime] = {}
    by_kind: dict[str, list[tuple[str, Any, Any, bool]]] = {}
    for duty, kind, window, radius, _ in (*REMOTE, *OFFICE_DUTIES):
        by_kind.setdefault(kind, []).append((duty, window, radius, False))
    count = 0
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        next(rows)
        for nip, kind, text, lat, lon in rows:
            count += 1
            at = dt.datetime.fromisoformat(text).replace(tzinfo=WIB)
            day, time = at.date(), at.time()
            if kind == "verifikasi":
                seen = verified.get((nip, day))
                if seen is None or at > seen:
                    verified[(nip, day)] = at
            for duty, window, radius, _ in by_kind.get(kind, ()):
                code = 0
                if window is not None and time < window[0]:
                    code = 3
                elif window is not None and time > window[1]:
                    code = 2
                elif radius is not None and (
                    not lat or _distance(float(lat), float(lon), *homes[nip]) > radius
                ):
                    code = 1
                key = (nip, day, duty)
                found = best.get(key)
                if found is None or (code, at) < found:
                    best[key] = (code, at)
    kinds: Counter[tuple[str, str]] = Counter()
    people: Counter[str] = Counter()
    for day in working_days():
        remote_day = day.weekday() in (1, 3)
        for person in staff:
            remote = remote_day and not person.unit.layanan_publik
            for duty, _, _, _, verify in REMOTE if remote else OFFICE_DUTIES:
                found = best.get((person.nip, day, duty))
                if found is None:
                    kind = "missing"
                elif found[0]:
                    kind = CODES[found[0]]
                elif verify and not _verified(verified, person.nip, day, found[1]):
                    kind = "unverified"
                else:
                    continue
                kinds[(duty, kind)] += 1
                people[person.nip] += 1
    return {"events": count, "kinds": kinds, "people": people}


def _verified(
    seen: dict[tuple[str, dt.date], dt.datetime], nip: str, day: dt.date, at: Any
) -> bool:
    today, tomorrow = seen.get((nip, day)), seen.get((nip, day + dt.timedelta(days=1)))
    return (today is not None and today >= at) or tomorrow is not None


def _distance(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH * math.asin(min(1.0, math.sqrt(h)))


# ------------------------------------------------------------------ timing
def in_child(work: Callable[[], dict[str, Any]]) -> tuple[dict[str, Any], float, int]:
    """Run ``work`` in a forked child: its result, CPU seconds, peak RSS above the fork (KiB)."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read)
        start = time.process_time()  # CPU time: the machine may be shared
        result = work()
        seconds = time.process_time() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        with os.fdopen(write, "wb") as out:
            pickle.dump((result, seconds, peak - before), out)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as incoming:
        result, seconds, grown = pickle.load(incoming)
    os.waitpid(pid, 0)
    return result, seconds, grown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=None)
    parser.add_argument("--quick", action="store_true", help="100,000 events")
    parser.add_argument("--people", type=int, default=None, help="default: events / 48")
    args = parser.parse_args(argv)
    events = args.events or (100_000 if args.quick else 1_000_000)
    people = args.people or max(1, math.ceil(events / 48))  # 5 a day, some lost: enough
    circular = Circular.load(RULES)
    staff = roster(circular, people)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "presensi.csv"
        written = write_log(path, staff, events)
        size = path.stat().st_size
        engine, engine_s, engine_kib = in_child(lambda: engine_pass(circular, staff, path))
        hand, hand_s, hand_kib = in_child(lambda: hand_pass(circular, staff, path))
    assert engine["events"] == hand["events"] == written, (engine["events"], hand["events"])
    assert engine["kinds"] == hand["kinds"], (engine["kinds"], hand["kinds"])
    assert engine["people"] == hand["people"]
    breaches = sum(engine["kinds"].values())
    print(f"attendance log: {written:,} events, {people:,} people, "
          f"{len(working_days())} working days, {size / 2**20:.1f} MiB CSV")  # fmt: skip
    print(f"breaches (both agree): {breaches:,}; sanctions (engine): {engine['sanctions']:,}")
    print(f"engine (stream + run_discipline): {engine_s:7.2f} s, peak +{engine_kib / 1024:.0f} MiB")
    print(f"hand-written single pass:         {hand_s:7.2f} s, peak +{hand_kib / 1024:.0f} MiB")
    print(f"ratio engine / hand: {engine_s / hand_s:.2f} (target <= 2)")
    print(f"python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
