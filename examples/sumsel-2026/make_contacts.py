#!/usr/bin/env python3
"""Generate a synthetic contact log (butir 10.b-d) for the sample workforce.

Writes ``kontak.csv`` (the contact-log layout of ``docs/data-formats.md``)
beside this script, or to the path given on the command line:

    python make_contacts.py [OUTPUT_FILE]

It reads ``roster/unit.csv`` and ``roster/pegawai.csv`` (written by
``make_workforce.py``) and covers the first evaluation period, 2026-04-01 to
2026-05-31: on the Fridays that are WFH days, supervisors of the support units
(not public service, butir 6) call and message their staff during working
hours, 07:30-16:00 WIB.  Most answers come within 2 minutes; some come late
(6-30 minutes), some with a reason ("rapat daring"), some never.  Edge cases
are mixed in: answers at exactly 5:00, contacts outside working hours, late
evening messages answered after midnight, and a few contacts on the Fridays
that are holidays (Good Friday 04-03, Labour Day 05-01, cuti bersama 05-15).

Staff whose performance score is below the circular's target (80) stay in
the office on Fridays, so they are contacted far less.  Senior executives
(JPT) are not on WFH and are never contacted; they and the other heads are the
senders.  The output is byte-identical on every run: one seeded generator,
drawn only through ``Random.random()``.  Standard library only.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple, TypeVar

SEED = 20260410
HERE = Path(__file__).resolve().parent
WIB = dt.timezone(dt.timedelta(hours=7))
T = TypeVar("T")

#: The Fridays of the first evaluation period that are WFH days ...
WFH_DAYS = [dt.date(2026, 4, d) for d in (10, 17, 24)] + [dt.date(2026, 5, d) for d in (8, 22, 29)]
#: ... and those that are days off: contacts on them are edge cases.
HOLIDAYS = [dt.date(2026, 4, 3), dt.date(2026, 5, 1), dt.date(2026, 5, 15)]
TARGET = 80.0  # butir 6 as the rule file reads it: below target, WFO on Fridays
SUPERVISORS = ("JPT Madya", "JPT Pratama", "Administrator", "Pengawas")
RANK = {"JPT Madya": 0, "JPT Pratama": 1, "Administrator": 2, "Pengawas": 3}
REASONS = (
    "rapat daring",
    "sedang di jalan",
    "mengikuti zoom rapat koordinasi",
    "sinyal lemah",
    "sedang salat Jumat",
    "mengantar anak berobat",
    "baterai habis",
    "listrik padam",
    "sedang bimtek daring",
    "menjemput anak sekolah",
)
HEADER = ["id", "nip", "pengirim", "saluran", "dikirim", "dijawab", "alasan"]


class Dice:
    """Deterministic choices drawn only from ``Random.random()``."""

    def __init__(self, seed: int) -> None:
        self._random = random.Random(seed)

    def below(self, n: int) -> int:
        return min(n - 1, int(self._random.random() * n))

    def between(self, low: int, high: int) -> int:
        return low + self.below(high - low + 1)

    def pick(self, items: Sequence[T]) -> T:
        return items[self.below(len(items))]

    def chance(self, p: float) -> bool:
        return self._random.random() < p

    def weighted(self, pairs: Sequence[tuple[T, float]]) -> T:
        x = self._random.random() * sum(w for _, w in pairs)
        for item, weight in pairs:
            x -= weight
            if x < 0:
                return item
        return pairs[-1][0]


class Person(NamedTuple):
    nip: str
    unit: str
    level: str
    score: float | None


class Contact(NamedTuple):
    nip: str
    sender: str
    channel: str
    sent: dt.datetime
    answered: dt.datetime | None
    reason: str


def score(text: str) -> float | None:
    return float(text) if text else None


def read_roster(directory: Path) -> tuple[list[Person], dict[str, list[Person]]]:
    """Staff of the support units, and the possible senders for each unit code."""
    with (directory / "unit.csv").open(encoding="utf-8", newline="") as f:
        units = {row["kode"]: row for row in csv.DictReader(f)}
    with (directory / "pegawai.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))

    def support(code: str) -> bool:
        while code:
            if units[code]["layanan_publik"] == "ya":
                return False
            code = units[code]["induk"]
        return True

    people = [
        Person(r["nip"], r["unit"], r["jenjang"], score(r["capaian_kinerja"]))
        for r in rows
        if support(r["unit"])
    ]
    heads: dict[str, list[Person]] = {}
    for person in people:
        if person.level in SUPERVISORS:
            heads.setdefault(person.unit, []).append(person)
    senders = {}
    for code in units:
        if support(code):  # a unit without its own heads is supervised by its parent's
            chain = code
            while chain and chain not in heads:
                chain = units[chain]["induk"]
            senders[code] = heads.get(chain, [])
    staff = [p for p in people if not p.level.startswith("JPT")]
    return staff, senders


def sender_for(dice: Dice, person: Person, senders: dict[str, list[Person]]) -> str | None:
    """Someone above ``person`` in their unit (or its parent), or None."""
    rank = RANK.get(person.level, 4)
    above = [s for s in senders.get(person.unit, []) if RANK[s.level] < rank]
    if not above:
        return None
    closest = max(RANK[s.level] for s in above)  # the direct superior, most of the time
    near = [s for s in above if RANK[s.level] == closest]
    return dice.pick(near if dice.chance(0.8) else above).nip


def sent_at(dice: Dice, day: dt.date, edge: float) -> dt.datetime:
    """A moment of ``day``: working hours mostly, outside them with chance ``edge``."""
    start = dt.datetime.combine(day, dt.time(7, 30), WIB)
    if dice.chance(edge):
        kind = dice.weighted([("early", 2.0), ("evening", 5.0), ("night", 2.0)])
        if kind == "early":
            return start - dt.timedelta(seconds=dice.between(60, 45 * 60))
        if kind == "evening":  # 16:01-20:59, e.g. 18:30
            return start + dt.timedelta(seconds=dice.between(30660, 48599))
        return start + dt.timedelta(seconds=dice.between(57600, 59399))  # 23:30-23:59
    # working hours, fewer contacts over lunch and Friday prayers (11:30-13:30)
    while True:
        seconds = dice.between(0, 30599)
        if not 4 * 3600 <= seconds < 6 * 3600 or dice.chance(0.35):
            return start + dt.timedelta(seconds=seconds)


def outcome(dice: Dice, channel: str, sent: dt.datetime) -> tuple[int | None, str]:
    """Seconds until the answer (None: never answered) and the reason given, if any."""
    if sent.hour == 23:  # a late message: read the next morning or after midnight
        return dice.between(31 * 60, 4 * 3600), ""
    kind = dice.weighted(
        [("quick", 78.0), ("slow", 7.0), ("five", 1.0), ("late", 7.0), ("missed", 7.0)]
    )
    if kind == "quick":
        return dice.between(3 if channel == "panggilan" else 10, 119), ""
    if kind == "slow":  # 2-5 minutes, within the window
        return dice.between(120, 299), ""
    if kind == "five":  # exactly 5:00, the boundary of butir 10.c
        return 300, ""
    reason = dice.pick(REASONS) if dice.chance(0.4) else ""
    if kind == "late":
        return dice.between(6 * 60, 30 * 60), reason
    return None, reason if dice.chance(0.5) else ""


def day_contacts(
    dice: Dice, day: dt.date, staff: list[Person], senders: dict[str, list[Person]], rate: float
) -> list[Contact]:
    """The contacts of one day; ``rate`` scales how many each person gets."""
    found = []
    for person in staff:
        in_office = person.score is not None and person.score < TARGET
        weight = rate * (0.1 if in_office else 1.0)
        count = dice.weighted([(0, 30.0), (1, 28.0), (2, 22.0), (3, 12.0), (4, 5.0), (5, 3.0)])
        for _ in range(count):
            if not dice.chance(weight):
                continue
            sender = sender_for(dice, person, senders)
            if sender is None:
                continue
            channel = "panggilan" if dice.chance(0.55) else "pesan"
            sent = sent_at(dice, day, 0.03)
            delay, reason = outcome(dice, channel, sent)
            answered = sent + dt.timedelta(seconds=delay) if delay is not None else None
            found.append(Contact(person.nip, sender, channel, sent, answered, reason))
    return found


def stamp(moment: dt.datetime | None) -> str:
    return moment.isoformat() if moment is not None else ""


def main(argv: Sequence[str]) -> int:
    out = Path(argv[0]) if argv else HERE / "kontak.csv"
    dice = Dice(SEED)
    staff, senders = read_roster(HERE / "roster")
    contacts: list[Contact] = []
    for day in sorted([*WFH_DAYS, *HOLIDAYS]):
        rate = 1.0 if day in WFH_DAYS else 0.004
        contacts += day_contacts(dice, day, staff, senders, rate)
    contacts.sort(key=lambda c: (c.sent, c.nip, c.sender, c.channel))
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(HEADER)
        for number, c in enumerate(contacts, start=1):
            row = [f"K{number:06d}", c.nip, c.sender, c.channel, stamp(c.sent), stamp(c.answered)]
            writer.writerow([*row, c.reason])
    print(f"{len(contacts)} contacts -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
