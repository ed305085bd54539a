#!/usr/bin/env python3
"""How fast is the discipline engine?  ``run_discipline`` against a hand-written pass.

One million contacts (seeded, generated in memory) for 20,000 employees over
2026-04-01 .. 2026-09-30 WIB, under butir 10.b-d of SE 800.1/1230/BKD.I/2026
(``examples/sumsel-2026/``).  The sample workforce (about 3,000 people) is
replicated with fresh NIPs to 20,000, in the same units, so that a unit's
caps (butir 4) scale with it.  Timed, each in a fresh child process forked
after the log is built (so that one path's garbage does not flatter the next
one's memory):

1. ``run_discipline(..., use_schedule=False)``: the whole engine, each
   person's mode from the rules alone;
2. :func:`hand_pass` with the rules' decisions: a plain loop applying the
   reference reading of 10.b-d directly (WFH by ``circular.decide``,
   07:30-16:00 WIB, every 2 unanswered calls a day, every late answer
   without a reason, every 2 reprimands a period);
3. ``run_discipline(...)`` with the schedule (the caps of butir 4), and
4. :func:`hand_pass` over the same schedule, computed with
   :func:`edaran.scheduling.scheduler.schedule`, both when ``--schedule`` is on (the
   default without ``--quick``: the scheduler alone takes a minute or two
   for 20,000 people over six months).

Before any figure is printed, each hand-written pass must agree with the
engine on the counts: contacts counted and set aside (by reason), breaches
and sanctions per rule and per person.

Peak memory is the highest resident set size of the child above what it
inherited (the roster and the log), sampled every 10 ms.

    python benchmarks/discipline.py              # 1,000,000 contacts, with the schedule
    python benchmarks/discipline.py --quick      # 100,000 contacts, rules only
    python benchmarks/discipline.py --quick --schedule
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import pickle
import platform
import random
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from edaran.discipline.engine import DisciplineResult, Skipped, run_discipline
from edaran.engine.circular import Circular
from edaran.io.roster import load_roster
from edaran.model.workforce import Channel, Contact, Employee
from edaran.scheduling.scheduler import schedule

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "examples" / "sumsel-2026"
RULES = EXAMPLE / "se-800.1-1230-BKD.I-2026.edaran"
ROSTER = EXAMPLE / "roster"

FIRST = dt.date(2026, 4, 1)
LAST = dt.date(2026, 9, 30)
WIB = dt.timezone(dt.timedelta(hours=7), "WIB")  # no daylight saving: the same as Asia/Jakarta
SEED = 20260401

# The reference reading of butir 10.b-d (see the comments in the rule file).
UNANSWERED = "butir 10.d[tak_terjawab]"
LATE = "butir 10.c"
LISAN = "butir 10.d[lisan]"
TERTULIS = "butir 10.d[tertulis]"
BERULANG = "butir 10.d[berulang]"
DUTY_START, DUTY_END = dt.time(7, 30), dt.time(16, 0)
WINDOW = dt.timedelta(minutes=5)
MISSES_PER_REPRIMAND = 2  # a day
REPRIMANDS_PER_ESCALATION = 2  # a period

Counts = dict[str, Any]


# ------------------------------------------------------------ the workforce and the log
def scaled_staff(staff: Sequence[Employee], size: int) -> list[Employee]:
    """``size`` employees: the roster, then copies of it with fresh NIPs (same units)."""
    taken = {e.nip for e in staff}
    out = list(staff[:size])
    copy = 1
    while len(out) < size:
        for e in staff:
            if len(out) == size:
                break
            head, serial = e.nip[:15], int(e.nip[15:])
            step = 0
            while True:  # the same birth date, appointment and gender; another serial
                nip = f"{head}{(serial + 97 * copy + step) % 1000:03d}"
                if nip not in taken:
                    break
                step += 1
                if step == 1000:  # every serial taken: change the appointment month
                    head = f"{head[:12]}{(int(head[12:14]) % 12) + 1:02d}{head[14]}"
                    step = 0
            taken.add(nip)
            out.append(attrs.evolve(e, nip=nip, nama=f"{e.nama} ({copy + 1})"))
        copy += 1
    return out


def contact_log(staff: Sequence[Employee], size: int, seed: int = SEED) -> list[Contact]:
    """A realistic log: most contacts on Fridays in working hours, most answered quickly.

    Contacts come in bursts: a person is contacted 1-4 times on a day (half
    of the bursts once).  Three in four bursts fall on a Friday, the rest on
    any day; nine in ten contacts within 07:00-16:30, the others from 06:00
    to 21:00.  Six in ten are calls.  One person in ten is hard to reach
    (three in ten contacts unanswered, against one in twenty); of the
    answers, one in eight comes after 5 minutes or more (a third of those
    with a reason, some blank), the rest within 4 minutes.  One contact in a
    thousand names a NIP not in the roster.
    """
    rng = random.Random(seed)
    days = [FIRST + dt.timedelta(days=i) for i in range((LAST - FIRST).days + 1)]
    fridays = [d for d in days if d.weekday() == 4]
    midnights = {d: dt.datetime(d.year, d.month, d.day, tzinfo=WIB) for d in days}
    nips = [e.nip for e in staff]
    hard = {nip for nip in nips if rng.random() < 0.1}
    bosses = nips[: max(1, len(nips) // 20)]
    reasons = ["rapat daring", "sedang di jalan", "menjadi narasumber", " "]
    rand, randint, choice = rng.random, rng.randint, rng.choice
    log: list[Contact] = []
    while len(log) < size:
        day = choice(fridays) if rand() < 0.75 else choice(days)
        nip = choice(nips) if rand() >= 0.001 else f"19990101202001{randint(0, 9999):04d}"
        missed = 0.3 if nip in hard else 0.05
        boss = choice(bosses)
        burst = choice((1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4))
        for _ in range(min(burst, size - len(log))):
            if rand() < 0.9:
                seconds = randint(7 * 3600, 16 * 3600 + 1800)
            else:
                seconds = randint(6 * 3600, 21 * 3600)
            sent = midnights[day] + dt.timedelta(seconds=seconds)
            answered: dt.datetime | None
            reason = None
            if rand() < missed:
                answered = None
            elif rand() < 0.125:
                answered = sent + dt.timedelta(seconds=randint(300, 3 * 3600))
                if rand() < 0.33:
                    reason = choice(reasons)
            else:
                answered = sent + dt.timedelta(seconds=randint(3, 240))
            channel = Channel.PANGGILAN if rand() < 0.6 else Channel.PESAN
            cid = f"K{len(log) + 1:07d}"
            log.append(Contact(cid, nip, boss, channel, sent, answered, reason))
    return log


# ------------------------------------------------------------ the hand-written pass
def hand_pass(
    staff: Sequence[Employee],
    log: Sequence[Contact],
    mode_of: Callable[[Employee, dt.date], str | None],
    circular: Circular,
) -> Counts:
    """Butir 10.b-d of the reference circular, written directly as a plain loop.

    ``mode_of`` gives a person's mode on a day (the rules' decision, or the
    schedule's).  Evaluation periods are of ``evaluasi setiap N bulan`` from
    ``berlaku``.  Returns the counts :func:`engine_counts` returns.
    """
    header = circular.program.header
    start = header.effective_from or FIRST
    months = header.evaluation_months or 1
    people = {e.nip: e for e in staff}
    modes: dict[tuple[str, dt.date], str | None] = {}
    skipped: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    per_person: Counter[tuple[str, str]] = Counter()
    misses: Counter[tuple[str, dt.date]] = Counter()
    reprimands: Counter[tuple[str, int]] = Counter()
    counted = 0
    call = Channel.PANGGILAN
    base = start.year * 12 + start.month - 1
    for c in log:
        local = c.dikirim.astimezone(WIB)
        day = local.date()
        person = people.get(c.nip)
        if person is None:
            skipped[Skipped.UNKNOWN_NIP] += 1
            continue
        key = (c.nip, day)
        if key in modes:
            mode = modes[key]
        else:
            mode = modes[key] = mode_of(person, day)
        if mode != "WFH":
            skipped[Skipped.NOT_ON_DUTY if mode is not None else Skipped.UNDECIDED] += 1
            continue
        clock = local.time()
        if clock < DUTY_START or clock >= DUTY_END:
            skipped[Skipped.OUTSIDE_HOURS] += 1
            continue
        counted += 1
        if c.dijawab is None:
            if c.saluran is call:
                rules[UNANSWERED] += 1
                per_person[(c.nip, UNANSWERED)] += 1
                misses[key] += 1
        elif c.dijawab - c.dikirim >= WINDOW and not (c.alasan and c.alasan.strip()):
            rules[LATE] += 1
            rules[TERTULIS] += 1
            per_person[(c.nip, LATE)] += 1
            per_person[(c.nip, TERTULIS)] += 1
            shift = day.day < start.day  # a period starts on berlaku's day of the month
            reprimands[(c.nip, (day.year * 12 + day.month - 1 - shift - base) // months)] += 1
    for (nip, day), n in misses.items():
        k = n // MISSES_PER_REPRIMAND
        if k:
            rules[LISAN] += k
            per_person[(nip, LISAN)] += k
            shift = day.day < start.day
            reprimands[(nip, (day.year * 12 + day.month - 1 - shift - base) // months)] += k
    for (nip, _), n in reprimands.items():
        k = n // REPRIMANDS_PER_ESCALATION
        if k:
            rules[BERULANG] += k
            per_person[(nip, BERULANG)] += k
    return {
        "counted": counted,
        "skipped": dict(sorted(skipped.items())),
        "rules": dict(sorted(rules.items())),
        "per_person": per_person,
    }


def engine_counts(result: DisciplineResult) -> Counts:
    """The engine's result as the counts :func:`hand_pass` gives."""
    events = [(b.nip, b.rule) for b in result.breaches] + [
        (s.nip, s.rule) for s in result.sanctions
    ]
    rules = Counter(rule for _, rule in events)
    return {
        "counted": result.counted,
        "skipped": dict(sorted(result.skipped.items())),
        "rules": dict(sorted(rules.items())),
        "per_person": Counter(events),
    }


# ------------------------------------------------------------ measuring
def _rss() -> int:
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class PeakMemory:
    """The highest resident set size while the block runs, sampled every 10 ms (Linux)."""

    def __init__(self) -> None:
        self.available = Path("/proc/self/statm").exists()
        self.base = self.peak = _rss() if self.available else 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.01):
            self.peak = max(self.peak, _rss())

    def __enter__(self) -> PeakMemory:
        if self.available:
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.available:
            self._stop.set()
            self._thread.join()
            self.peak = max(self.peak, _rss())

    @property
    def above_base(self) -> int:
        return self.peak - self.base


def in_child(work: Callable[[], Counts]) -> tuple[float, int, Counts]:
    """Run ``work`` once in a forked child: (seconds, peak memory above the parent's, counts)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read)
        status = 0
        try:
            with PeakMemory() as memory:
                start = time.perf_counter()
                counts = work()
                seconds = time.perf_counter() - start
            payload = pickle.dumps(("ok", (seconds, memory.above_base, counts)))
        except BaseException as err:  # reported by the parent
            payload = pickle.dumps(("error", repr(err)))
            status = 1
        with os.fdopen(write, "wb") as out:
            out.write(payload)
        os._exit(status)
    os.close(write)
    with os.fdopen(read, "rb") as inp:
        data = inp.read()
    os.waitpid(pid, 0)
    kind, value = pickle.loads(data)
    if kind != "ok":
        raise RuntimeError(f"the child failed: {value}")
    return value  # type: ignore[no-any-return]


def agree(name: str, engine: Counts, hand: Counts) -> None:
    """Stop with the first difference between the engine's counts and the hand pass's."""
    for key in ("counted", "skipped", "rules"):
        assert engine[key] == hand[key], (
            f"{name}: {key} differ: engine {engine[key]}, hand {hand[key]}"
        )
    if engine["per_person"] != hand["per_person"]:
        diff = (engine["per_person"] - hand["per_person"]) + (
            hand["per_person"] - engine["per_person"]
        )
        raise AssertionError(f"{name}: per-person counts differ, e.g. {list(diff.items())[:5]}")


def _mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


# ------------------------------------------------------------------- main
def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="100,000 contacts")
    parser.add_argument("--contacts", type=int, help="how many contacts (default 1,000,000)")
    parser.add_argument("--employees", type=int, default=20_000)
    parser.add_argument(
        "--schedule",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="also time the engine with the schedule (default: on, off with --quick)",
    )
    args = parser.parse_args(argv)
    size = args.contacts or (100_000 if args.quick else 1_000_000)
    with_schedule = (not args.quick) if args.schedule is None else args.schedule
    if not hasattr(os, "fork"):
        print("this benchmark forks a child per path (Linux, macOS)", file=sys.stderr)
        return 2

    circular = Circular.load(RULES)
    roster = load_roster(ROSTER).employees
    print(f"SE {circular.number}, butir 10.b-d; {FIRST} .. {LAST} WIB")
    python = f"{platform.python_implementation()} {platform.python_version()}"
    print(f"{python} on {sys.platform}, {os.cpu_count()} CPUs")
    before = _rss()
    start = time.perf_counter()
    staff = scaled_staff(roster, args.employees)
    log = contact_log(staff, size)
    built = time.perf_counter() - start
    print(
        f"{len(staff):,} employees ({len(roster):,} in the sample roster, copied with fresh NIPs), "
        f"{len(log):,} contacts (seed {SEED}): built in {built:.1f} s, {_mb(_rss() - before)}"
    )

    def decided(person: Employee, day: dt.date) -> str | None:
        return str(circular.decide(person, day).value)

    paths: list[tuple[str, Callable[[], Counts], Callable[[], Counts]]] = [
        (
            "rules only",
            lambda: engine_counts(run_discipline(circular, staff, log, use_schedule=False)),
            lambda: hand_pass(staff, log, decided, circular),
        )
    ]
    if with_schedule:

        def scheduled() -> Counts:
            days = {c.dikirim.astimezone(WIB).date() for c in log}
            made = schedule(circular, staff, min(days), max(days))
            modes = {(a.nip, a.date): a.mode for a in made if a.date in days}
            return hand_pass(staff, log, lambda p, d: modes.get((p.nip, d)), circular)

        paths.append(
            (
                "with the schedule",
                lambda: engine_counts(run_discipline(circular, staff, log, use_schedule=True)),
                scheduled,
            )
        )

    print()
    header = f"{'path':<38} {'seconds':>8} {'contacts/s':>11} {'peak memory':>12} {'time/hand':>10}"
    rows = []
    for name, engine, hand in paths:
        e_time, e_mem, e_counts = in_child(engine)
        h_time, h_mem, h_counts = in_child(hand)
        agree(name, e_counts, h_counts)
        rules = ", ".join(f"{rule} {n:,}" for rule, n in e_counts["rules"].items())
        skipped = ", ".join(f"{why} {n:,}" for why, n in e_counts["skipped"].items())
        print(f"{name}: the engine and the hand pass agree")
        print(f"  counted {e_counts['counted']:,}; set aside: {skipped}")
        print(f"  {rules}")
        rows.append((f"run_discipline, {name}", e_time, e_mem, e_time / h_time))
        rows.append((f"hand-written pass, {name}", h_time, h_mem, 1.0))
    print()
    print("one run each, in a child forked after the log was built; memory above the parent's")
    print(header)
    print("-" * len(header))
    for name, seconds, memory, ratio in rows:
        rate = size / seconds
        print(f"{name:<38} {seconds:>8.2f} {rate:>11,.0f} {_mb(memory):>12} {ratio:>9.2f}x")
    if not with_schedule:
        print("(the schedule was left out: --schedule to time it too)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
