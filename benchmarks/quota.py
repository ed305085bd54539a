#!/usr/bin/env python3
"""What do the quota engine and the savings report cost next to a hand-written pass?

Two measurements, each against a plain-Python pass over the same lists that
computes the same figures, timed in the same run:

1. ``run_quotas`` on the travel and vehicle quotas of SE 800.1/1230/BKD.I/2026
   (butir 8 at home and abroad, butir 9; ``examples/sumsel-2026/``), for the 89
   units of the sample roster, over 20,000 trips and 200,000 vehicle days
   (seeded, generated in memory) from 2025-04-01 to 2027-03-31: the quotas of
   the six evaluation periods from 2026-04-01, each against the same period a
   year earlier.  No meetings and no checklist data, so no target and no
   schedule: the quotas alone.  :func:`hand_quotas` counts per unit and
   period, takes the baseline a year earlier, the allowance (50%, 30%, 50%,
   rounded down), the use, and walks the planned records in date order.
2. ``savings_report`` on monthly cost lines of 90 perangkat daerah in the six
   categories of butir 13 over five years (2022-04 .. 2027-03: 32,400 lines,
   less one in fifty left out), under a rule file without limits or
   estimates and a roster of units without staff, so that the schedule
   behind estimates costs nothing: the report proper, 24 evaluation periods
   of two months from 2023-04-01.
   :func:`hand_report` sums baseline minus actual month by month.

Before any figure is printed, each hand-written pass must agree with the
engine on every line (quota lines with their planned records over; saving
lines with baseline, actual, saving and months); the script exits with 1 at
the first difference.  Read the ratios, not the seconds (see
``benchmarks/README.md``).

    python benchmarks/quota.py             # the sizes above (about a minute)
    python benchmarks/quota.py --quick     # 1,000 trips, 10,000 vehicle days, 2 years (< 5 s)
    python benchmarks/quota.py --repeat 5  # best of five timed runs per path (default 3; 2 quick)
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import platform
import random
import sys
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, TypeVar

from edaran.engine.circular import Circular
from edaran.io.roster import Roster, load_roster
from edaran.model.records import (
    CostCategory,
    CostLine,
    PlanStatus,
    Trip,
    TripKind,
    VehicleKind,
    VehicleUse,
)
from edaran.model.workforce import Unit, UnitKind
from edaran.quota.engine import run_quotas
from edaran.quota.model import QuotaResult
from edaran.report.engine import savings_report
from edaran.report.model import ReportResult

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "examples" / "sumsel-2026"
RULES = EXAMPLE / "se-800.1-1230-BKD.I-2026.edaran"
ROSTER = EXAMPLE / "roster"
SEED = 20260401

# The quotas: from the first evaluation period to a year later, against the year before.
FIRST = dt.date(2026, 4, 1)
LAST = dt.date(2027, 3, 31)
DATA_FROM = dt.date(2025, 4, 1)
TODAY = dt.date(2026, 10, 1)  # records from this day on are planned, not done

# The reference reading of butir 8 and 9: which records count, and the share allowed.
DOMESTIC, ABROAD, VEHICLES = "butir 8[dalam_negeri]", "butir 8[luar_negeri]", "butir 9"
KEEP_PERCENT = {DOMESTIC: 50, ABROAD: 30, VEHICLES: 50}  # dikurangi 50%, dikurangi 70%, 50%

# The report: five years of monthly costs, the first year only a baseline.
REPORT_RULES = """
surat_edaran "BENCH/2023":
    berlaku 2023-04-01
    evaluasi setiap 2 bulan

butir 1, bawaan:
    moda_kerja adalah WFO
"""
REPORT_START = dt.date(2023, 4, 1)
COSTS_FROM = dt.date(2022, 4, 1)
REPORT_UNITS = 90

T = TypeVar("T")
QuotaKey = tuple[str, str, dt.date]  # quota, unit, first day of the period
QuotaFigures = tuple[Any, ...]
ReportKey = tuple[str, int, str]  # unit, period number, category
ReportFigures = tuple[Any, ...]


# ------------------------------------------------------------------ the records
def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    """The weekdays from ``first`` to ``last``: trips and vehicles run on working days."""
    days = (first + dt.timedelta(days=i) for i in range((last - first).days + 1))
    return [d for d in days if d.weekday() < 5]


def _status(day: dt.date, rng: random.Random) -> PlanStatus:
    if day >= TODAY or (day >= FIRST and rng.random() < 0.05):
        return PlanStatus.RENCANA
    return PlanStatus.TERLAKSANA


def _day(rng: random.Random, before: list[dt.date], after: list[dt.date]) -> dt.date:
    # The policy works: six records in ten fall in the year before it, four in its year.
    return rng.choice(before) if rng.random() < 0.6 else rng.choice(after)


def make_trips(units: Sequence[Unit], size: int, seed: int = SEED) -> list[Trip]:
    """``size`` trips, one in ten abroad; some units travel much more than others.

    The year before ``FIRST`` holds six trips in ten.  From ``TODAY`` every
    trip is planned, before it one in twenty of the policy's year; ids are
    given in the order drawn, not by date, so that equal dates are ordered by id.
    """
    rng = random.Random(seed)
    before, after = _days(DATA_FROM, FIRST - dt.timedelta(days=1)), _days(FIRST, LAST)
    weights = [rng.choice((1, 1, 2, 3, 5)) for _ in units]
    chosen = rng.choices(units, weights, k=size)
    trips = []
    for number, unit in enumerate(chosen, start=1):
        start = _day(rng, before, after)
        kind = TripKind.LUAR_NEGERI if rng.random() < 0.1 else TripKind.DALAM_NEGERI
        trips.append(
            Trip(
                f"PD{number:06d}",
                unit,
                kind,
                start,
                start + dt.timedelta(days=rng.randint(0, 4)),
                jumlah_peserta=rng.randint(1, 6),
                biaya=Decimal(rng.randint(2_000, 40_000) * 1_000),
                status=_status(start, rng),
            )
        )
    return trips


def make_vehicle_days(units: Sequence[Unit], size: int, seed: int = SEED + 1) -> list[VehicleUse]:
    """``size`` vehicle days of 8-20 vehicles per unit, each vehicle at most once a day.

    One vehicle in ten is operational (an ambulance, a fire engine), one in
    twenty electric: neither counts in butir 9.
    """
    rng = random.Random(seed)
    before, after = _days(DATA_FROM, FIRST - dt.timedelta(days=1)), _days(FIRST, LAST)
    fleet: list[tuple[str, Unit, VehicleKind, bool]] = []
    for unit in units:
        for n in range(rng.randint(8, 20)):
            r = rng.random()
            kind = (
                VehicleKind.LISTRIK
                if r < 0.05
                else VehicleKind.SOLAR
                if r < 0.2
                else VehicleKind.BENSIN
            )
            fleet.append((f"{unit.kode}-{n + 1:02d}", unit, kind, rng.random() < 0.1))
    if size > len(fleet) * len(before):  # the year before gets 6 in 10: at most 60% full
        raise SystemExit(f"{size:,} vehicle days is too many for {len(fleet)} vehicles")
    taken: set[tuple[str, dt.date]] = set()
    out: list[VehicleUse] = []
    while len(out) < size:
        plate, unit, kind, operational = rng.choice(fleet)
        day = _day(rng, before, after)
        if (plate, day) in taken:
            continue
        taken.add((plate, day))
        out.append(
            VehicleUse(
                f"KD{len(out) + 1:07d}",
                plate,
                unit,
                day,
                jenis=kind,
                operasional=operational,
                status=_status(day, rng),
            )
        )
    return out


def report_units(count: int = REPORT_UNITS) -> list[Unit]:
    """``count`` perangkat daerah (top-level units), PD01, PD02, ..."""
    return [
        Unit(f"PD{i:02d}", f"Perangkat Daerah {i}", UnitKind.DINAS) for i in range(1, count + 1)
    ]


def make_costs(units: Sequence[Unit], years: int, seed: int = SEED + 2) -> list[CostLine]:
    """A line per unit, month and category over ``years`` years from ``COSTS_FROM``.

    Amounts in rupiah and sen, each unit and category around its own level,
    costs falling a few percent a year; one line in fifty is missing (a month
    not reported), so that some months have no saving.
    """
    rng = random.Random(seed)
    months = [_add_months(COSTS_FROM, i) for i in range(12 * years)]
    lines = []
    for unit in units:
        for category in CostCategory:
            level = rng.randint(2_000_000, 400_000_000) * 100  # sen: Rp 2 million to 400 million
            for index, month in enumerate(months):
                if rng.random() < 0.02:
                    continue
                trend = 1 - 0.04 * index / 12
                sen = int(level * trend * rng.uniform(0.85, 1.15))
                lines.append(CostLine(unit, month, category, Decimal(sen) / 100))
    return lines


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return day.replace(year=index // 12, month=index % 12 + 1)


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


# ------------------------------------------------------------ the hand-written passes
def hand_quotas(
    units: Sequence[Unit],
    trips: Sequence[Trip],
    vehicles: Sequence[VehicleUse],
    start: dt.date,
    months: int,
    periods: int,
) -> dict[QuotaKey, QuotaFigures]:
    """The quota lines of butir 8 and 9 in plain Python: per quota, unit and period.

    Evaluation periods are ``months`` long from ``start`` (the first day of a
    month); a record counts in the period of its day, and in the baseline of
    the period a year later.  Counted: domestic trips, trips abroad, vehicle
    days of vehicles neither operational nor electric; planned records take
    what is left in the order of their day, then id.
    """
    base = _month_index(start)
    kinds: dict[str, Sequence[Trip | VehicleUse]] = {
        DOMESTIC: [t for t in trips if t.jenis is TripKind.DALAM_NEGERI],
        ABROAD: [t for t in trips if t.jenis is TripKind.LUAR_NEGERI],
        VEHICLES: [v for v in vehicles if not v.operasional and v.jenis is not VehicleKind.LISTRIK],
    }
    every_trip = [t.mulai for t in trips]
    every_vehicle = [v.tanggal for v in vehicles]
    period_first = [_add_months(start, p * months) for p in range(periods)]
    lines: dict[QuotaKey, QuotaFigures] = {}
    for quota, records in kinds.items():
        # A period has a baseline when the file holds any record of the kind a year earlier.
        covered = [False] * periods
        for day in every_trip if quota != VEHICLES else every_vehicle:
            p = (_month_index(day) + 12 - base) // months
            if 0 <= p < periods:
                covered[p] = True
        used: dict[tuple[str, int], int] = defaultdict(int)
        baseline: dict[tuple[str, int], int] = defaultdict(int)
        planned: dict[tuple[str, int], list[tuple[dt.date, str]]] = defaultdict(list)
        for r in records:
            day = r.tanggal
            month = _month_index(day)
            code = r.unit.kode
            done = r.status is PlanStatus.TERLAKSANA
            now = (month - base) // months
            if 0 <= now < periods:
                if done:
                    used[(code, now)] += 1
                else:
                    planned[(code, now)].append((day, r.id))
            then = (month + 12 - base) // months  # the period a year later
            if done and 0 <= then < periods:
                baseline[(code, then)] += 1
        for p in range(periods):
            for unit in units:
                key = (unit.kode, p)
                n_used = used.get(key, 0)
                queue = sorted(planned.get(key, ()))
                b = baseline.get(key, 0) if covered[p] else None
                allowed = None if b is None else b * KEEP_PERCENT[quota] // 100
                over = []
                running = n_used
                for _, record in queue:
                    if allowed is not None and running + 1 > allowed:
                        over.append((record, running + 1))
                    else:
                        running += 1
                if allowed is None:
                    status = "tanpa_dasar"
                elif n_used > allowed:
                    status = "terlampaui"
                elif over:
                    status = "rencana_lebih"
                else:
                    status = "dalam_kuota"
                left = None if allowed is None else allowed - n_used
                lines[(quota, unit.kode, period_first[p])] = (
                    b,
                    allowed,
                    n_used,
                    len(queue),
                    left,
                    tuple(over),
                    status,
                )
    return lines


def engine_quotas(result: QuotaResult) -> dict[QuotaKey, QuotaFigures]:
    """The engine's quota lines as :func:`hand_quotas` gives them."""

    def whole(value: Decimal | None) -> int | None:
        return None if value is None else int(value)

    return {
        (q.quota, q.unit, q.period.first): (
            whole(q.baseline),
            whole(q.allowed),
            int(q.used),
            int(q.planned),
            whole(q.left),
            tuple((o.record, int(o.running)) for o in q.over),
            q.status,
        )
        for q in result.quotas
    }


def hand_report(
    units: Sequence[Unit], costs: Sequence[CostLine], start: dt.date, months: int, last: dt.date
) -> dict[ReportKey, ReportFigures]:
    """Per unit, period and category: baseline, actual, saving, months with both; rupiah half up.

    The baseline of a month is the same month a year earlier; a month with
    both figures saves baseline minus actual; a month missing either saves
    nothing (the rule file has no estimates).
    """
    figures: dict[tuple[str, int, CostCategory], Decimal] = {}
    for line in costs:
        key = (line.unit.kode, _month_index(line.bulan), line.kategori)
        figures[key] = figures.get(key, Decimal(0)) + line.jumlah

    def whole(value: Decimal | None) -> Decimal | None:
        return None if value is None else value.quantize(Decimal(1), rounding=ROUND_HALF_UP)

    lines: dict[ReportKey, ReportFigures] = {}
    first, end = _month_index(start), _month_index(last)
    for number, period in enumerate(range(first, end + 1, months), start=1):
        for unit in units:
            for category in CostCategory:
                baseline = actual = saving = None
                both = 0
                for month in range(period, period + months):
                    now = figures.get((unit.kode, month, category))
                    then = figures.get((unit.kode, month - 12, category))
                    if then is not None:
                        baseline = then if baseline is None else baseline + then
                    if now is not None:
                        actual = now if actual is None else actual + now
                    if now is not None and then is not None:
                        saving = (then - now) if saving is None else saving + (then - now)
                        both += 1
                lines[(unit.kode, number, category.name)] = (
                    whole(baseline),
                    whole(actual),
                    whole(saving),
                    both,
                )
    return lines


def engine_report(result: ReportResult) -> dict[ReportKey, ReportFigures]:
    """The engine's saving lines as :func:`hand_report` gives them."""
    return {
        (s.unit, s.period.number, s.category): (s.baseline, s.actual, s.saving, s.months_actual)
        for s in result.lines
    }


# ------------------------------------------------------------------ measuring
def timed(work: Callable[[], T], repeat: int) -> tuple[float, T]:
    """The best wall time of ``repeat`` runs, and the last result."""
    best = float("inf")
    result: Any = None
    for _ in range(repeat):
        result = None  # the previous result is garbage before the next run
        gc.collect()
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def traced_peak(work: Callable[[], object]) -> int:
    """The peak of Python allocations during one run (tracemalloc), the result included."""
    gc.collect()
    tracemalloc.start()
    try:
        result = work()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del result
    return peak


def compare(name: str, engine: dict[Any, Any], hand: dict[Any, Any]) -> bool:
    """True when both give the same lines; else print the first differences."""
    if engine == hand:
        print(f"{name}: the engine and the hand-written pass agree on all {len(engine):,} lines")
        return True
    print(f"{name}: the engine and the hand-written pass DISAGREE", file=sys.stderr)
    only = sorted(set(engine) ^ set(hand), key=str)[:5]
    for key in only:
        print(f"  {key}: engine {engine.get(key)}, hand {hand.get(key)}", file=sys.stderr)
    differ = [k for k in engine.keys() & hand.keys() if engine[k] != hand[k]]
    for key in sorted(differ, key=str)[:5]:
        print(f"  {key}: engine {engine[key]}, hand {hand[key]}", file=sys.stderr)
    return False


def _mib(n: int) -> str:
    return f"{n / 2**20:,.1f}"


def table(title: str, rows: list[tuple[str, float, int]]) -> None:
    """Rows of (path, seconds, peak bytes); ratios against the last row, the hand-written pass."""
    hand_time, hand_peak = rows[-1][1], rows[-1][2]
    header = f"{'path':<28} {'wall s':>8} {'peak MiB':>9} {'time/hand':>10} {'peak/hand':>10}"
    print()
    print(title)
    print(header)
    print("-" * len(header))
    for name, seconds, peak in rows:
        print(
            f"{name:<28} {seconds:>8.3f} {_mib(peak):>9} "
            f"{seconds / hand_time:>9.1f}x {peak / hand_peak:>9.1f}x"
        )


# ------------------------------------------------------------------------- main
def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="1,000 trips, 10,000 vehicle days, 2 years of costs"
    )
    parser.add_argument("--trips", type=int, help="how many trips (default 20,000)")
    parser.add_argument("--vehicles", type=int, help="how many vehicle days (default 200,000)")
    parser.add_argument("--years", type=int, help="years of monthly costs (default 5)")
    parser.add_argument(
        "--repeat", type=int, help="timed runs per path, the best kept (default 3, 2 with --quick)"
    )
    args = parser.parse_args(argv)
    began = time.perf_counter()
    repeat = args.repeat or (2 if args.quick else 3)
    n_trips = args.trips or (1_000 if args.quick else 20_000)
    n_vehicles = args.vehicles or (10_000 if args.quick else 200_000)
    years = args.years or (2 if args.quick else 5)
    if years < 2:
        parser.error("--years: at least 2 (the first year is only a baseline)")

    python = f"{platform.python_implementation()} {platform.python_version()}"
    print(f"{python} on {sys.platform}; seed {SEED}; best of {repeat} timed runs per path")

    # 1. Quotas.
    circular = Circular.load(RULES)
    header = circular.program.header
    ids = [q.id for q in circular.program.quotas]
    if ids != [DOMESTIC, ABROAD, VEHICLES] or header.period_start != FIRST:
        print(f"the quotas of {RULES.name} changed ({ids}): update hand_quotas", file=sys.stderr)
        return 1
    roster = load_roster(ROSTER)
    units = sorted(roster.units.values(), key=lambda u: u.kode)
    start = time.perf_counter()
    trips = make_trips(units, n_trips)
    vehicles = make_vehicle_days(units, n_vehicles)
    print(
        f"\nquotas: SE {circular.number}, {', '.join(ids)}; {len(units)} units; "
        f"{len(trips):,} trips and {len(vehicles):,} vehicle days, {DATA_FROM} .. {LAST} "
        f"(built in {time.perf_counter() - start:.1f} s); quotas from {FIRST} to {LAST}"
    )
    months = header.evaluation_months or 1
    periods = (_month_index(LAST) - _month_index(FIRST)) // months + 1

    def engine_q() -> QuotaResult:
        return run_quotas(circular, roster, trips=trips, vehicles=vehicles, first=FIRST, last=LAST)

    def hand_q() -> dict[QuotaKey, QuotaFigures]:
        return hand_quotas(units, trips, vehicles, FIRST, months, periods)

    ok = True
    e_time, e_result = timed(engine_q, repeat)
    h_time, h_result = timed(hand_q, repeat)
    ok &= compare("quotas", engine_quotas(e_result), h_result)
    statuses: dict[str, int] = defaultdict(int)
    for line in e_result.quotas:
        statuses[line.status] += 1
    overs = sum(len(line.over) for line in e_result.quotas)
    print(f"  {dict(sorted(statuses.items()))}; {overs:,} planned records over")
    del e_result, h_result
    quota_rows = [
        ("run_quotas", e_time, traced_peak(engine_q)),
        ("hand-written pass", h_time, traced_peak(hand_q)),
    ]

    # 2. The savings report.
    report_circular = Circular.from_text(REPORT_RULES, "bench.edaran")
    if report_circular.program.limits:
        print("the report's rule file has limits: the schedule would be timed", file=sys.stderr)
        return 1
    tops = report_units()
    staffless = Roster({u.kode: u for u in tops}, ())
    start = time.perf_counter()
    costs = make_costs(tops, years)
    last = _add_months(COSTS_FROM, 12 * years) - dt.timedelta(days=1)
    print(
        f"\nreport: {len(tops)} units without staff, {len(CostCategory)} categories, "
        f"{years} years of months from {COSTS_FROM}: {len(costs):,} cost lines "
        f"(built in {time.perf_counter() - start:.1f} s); periods from {REPORT_START} to {last}"
    )
    report_months = report_circular.program.header.evaluation_months or 1

    def engine_r() -> ReportResult:
        return savings_report(report_circular, staffless, costs, first=REPORT_START, last=last)

    def hand_r() -> dict[ReportKey, ReportFigures]:
        return hand_report(tops, costs, REPORT_START, report_months, last)

    r_time, r_result = timed(engine_r, repeat)
    hr_time, hr_result = timed(hand_r, repeat)
    ok &= compare("report", engine_report(r_result), hr_result)
    print(f"  {len(r_result.periods)} periods; total saving {r_result.total():,} rupiah")
    del r_result, hr_result
    report_rows = [
        ("savings_report", r_time, traced_peak(engine_r)),
        ("hand-written pass", hr_time, traced_peak(hand_r)),
    ]
    if not ok:
        return 1

    table("quotas (wall: best untraced run; peak: one run under tracemalloc)", quota_rows)
    table("savings report", report_rows)
    print(f"\n(the whole run took {time.perf_counter() - began:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
