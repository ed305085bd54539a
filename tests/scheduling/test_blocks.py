"""One block per person among alternative windows (``satu blok per pegawai``, issue 12).

"Each employee may work from anywhere for three days, before the holiday or after it, not
both": on a 10-person roster the scheduler used to give six people days on both sides.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

import pytest

from edaran.core import EdaranError
from edaran.engine import Circular
from edaran.model import Employee, Unit
from edaran.scheduling import Why, schedule
from edaran.scheduling.presentation import assignment_reason

BEFORE = [dt.date(2027, 3, 3), dt.date(2027, 3, 4), dt.date(2027, 3, 5)]
AFTER = [dt.date(2027, 3, 16), dt.date(2027, 3, 17), dt.date(2027, 3, 18)]
UMUM = Unit("UMUM", "Bagian Umum")
DUKCAPIL = Unit("DUKCAPIL", "Dinas Kependudukan", layanan_publik=True)


def text(value: str = "adalah WFA", *extra: str) -> str:
    lines = "".join(f"    {line}\n" for line in extra)
    return f"""\
surat_edaran "BLOK/2027":
    berlaku 2027-03-01 sampai 2027-03-19
    sesudahnya WFO

butir 1 "Kantor", bawaan:
    moda_kerja adalah WFO

butir 2 "WFA sebelum atau sesudah libur":
    moda_kerja {value}
    jika tanggal antara 2027-03-03 dan 2027-03-05 atau tanggal antara 2027-03-16 dan 2027-03-18

batas butir 3 "Satu blok per pegawai, sebelum atau sesudah libur":
    WFA satu blok per pegawai, 2027-03-03 sampai 2027-03-05
    atau 2027-03-16 sampai 2027-03-18
{lines}"""


def circular(value: str = "adalah WFA", *extra: str) -> Circular:
    return Circular.from_text(text(value, *extra), "blok.edaran")


def staff(count: int, unit: Unit = UMUM, start: int = 0) -> list[Employee]:
    return [
        Employee(f"19800101202701{1000 + start + i}", f"Pegawai {i}", unit) for i in range(count)
    ]


def remote_days(made: object) -> dict[str, list[dt.date]]:
    days: dict[str, list[dt.date]] = defaultdict(list)
    for a in made:  # type: ignore[attr-defined]
        if a.mode == "WFA":
            days[a.nip].append(a.date)
    return days


def test_each_person_takes_one_block_and_the_windows_share_the_unit() -> None:
    people = staff(10)
    made = schedule(circular(), people, BEFORE[0], dt.date(2027, 3, 19))
    days = remote_days(made)
    assert sorted(days) == sorted(p.nip for p in people)
    sides = Counter("before" if d == BEFORE else "after" for d in days.values())
    assert sides == {"before": 5, "after": 5}
    assert all(d in (BEFORE, AFTER) for d in days.values())
    assert made.warnings == ()
    # After the circular: the office, as it says.
    after_end = [a for a in made if a.date == dt.date(2027, 3, 19)]
    assert {a.mode for a in after_end} == {"WFO"}


@pytest.mark.parametrize(
    ("lang", "reason"),
    [
        (
            "id",
            "dibatasi butir 3: satu blok WFA per pegawai; blok pegawai ini "
            "2027-03-03 s.d. 2027-03-05 (giliran ke-1)",
        ),
        (
            "en",
            "limited by butir 3: one WFA block per employee; this employee's block is "
            "2027-03-03 to 2027-03-05 (turn 1)",
        ),
    ],
)
def test_a_day_outside_ones_block_says_which_block_is_ones_own(lang: str, reason: str) -> None:
    made = schedule(circular(), staff(10), AFTER[0], AFTER[0])
    moved = [a for a in made if a.why == Why.PERSON_LIMIT]
    assert len(moved) == 5
    first = next(a for a in moved if a.detail["turn"] == 1)
    assert (first.mode, first.eligible, first.rule) == ("WFO", "WFA", "butir 3")
    assert assignment_reason(first, lang) == reason  # type: ignore[arg-type]


def test_units_take_turns_separately_and_the_condition_of_the_limit_holds() -> None:
    # Public services are left out of the block: they keep WFA on both sides.
    c = circular("adalah WFA", "jika tidak unit.layanan_publik")
    people = staff(4) + staff(3, DUKCAPIL, start=10)
    days = remote_days(schedule(c, people, BEFORE[0], AFTER[-1]))
    umum = [days[p.nip] for p in people[:4]]
    assert sorted(len(d) for d in umum) == [3, 3, 3, 3]
    assert Counter(d == BEFORE for d in umum) == {True: 2, False: 2}
    assert all(days[p.nip] == BEFORE + AFTER for p in people[4:])


def test_a_block_on_a_choice_moves_to_the_next_mode_of_the_choice() -> None:
    c = circular("dipilih dari {WFA, WFH}")
    made = schedule(c, staff(4), AFTER[0], AFTER[0])
    assert Counter(a.mode for a in made) == {"WFA": 2, "WFH": 2}


def test_a_block_and_a_cap_together() -> None:
    c = circular("adalah WFA", "WFA paling banyak 2 per unit per hari")
    made = schedule(c, staff(10), BEFORE[0], BEFORE[0])
    assert Counter(a.mode for a in made) == {"WFA": 2, "WFO": 8}


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("WFA satu blok per unit, 2027-03-03 sampai 2027-03-05", "E215"),
        ("WFO satu blok per pegawai, 2027-03-03 sampai 2027-03-05", "E130"),
        ("WFA satu blok per pegawai, 2027-03-03 sampai 7", "E216"),
        ("WFA satu blok per pegawai, 2027-03-05 sampai 2027-03-03", "E217"),
    ],
)
def test_blocks_that_make_no_sense_are_refused(line: str, code: str) -> None:
    head = text().split("batas butir 3")[0]
    with pytest.raises(EdaranError) as refused:
        Circular.from_text(head + f'batas butir 3 "Blok":\n    {line}\n', "blok.edaran")
    assert [d.code for d in refused.value.diagnostics] == [code]
