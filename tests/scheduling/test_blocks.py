"""One block per person among alternative windows (``satu blok per pegawai``, issue 12).

"Each employee may work from anywhere for three days, before the holiday or after it, not
both": on a 10-person roster the scheduler used to give six people days on both sides.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# -- a block of N working days inside larger windows ('satu blok 3 hari kerja') --------
# Window A, Monday 1 to Friday 5 February 2027, has four working days: Friday 5 is cuti
# bersama for the Chinese New Year.  Window B, 15 to 19 February, has five.
LENGTH_TEXT = """\
surat_edaran "BLOK/2/2027":
    berlaku 2027-02-01 sampai 2027-02-26
    sesudahnya WFO

butir 1 "Kantor", bawaan:
    moda_kerja adalah WFO

butir 2 "WFA dua pekan":
    moda_kerja adalah WFA
    jika tanggal antara 2027-02-01 dan 2027-02-05 atau tanggal antara 2027-02-15 dan 2027-02-19

batas butir 3 "Satu blok tiga hari kerja per pegawai, pekan pertama atau ketiga":
    WFA satu blok 3 hari kerja per pegawai, 2027-02-01 sampai 2027-02-05
    atau 2027-02-15 sampai 2027-02-19
"""


def feb(*days: int) -> list[dt.date]:
    return [dt.date(2027, 2, d) for d in days]


def test_each_person_takes_n_consecutive_working_days_inside_one_window() -> None:
    c = Circular.from_text(LENGTH_TEXT, "blok.edaran")
    people = staff(6)
    made = schedule(c, people, dt.date(2027, 2, 1), dt.date(2027, 2, 19))
    assert made.warnings == ()
    days = remote_days(made)
    # The rotation deals the windows in turn; within a window each takes the three
    # working days the fewest have taken so far (the earliest on a tie).
    assert {p.nip[-4:]: days[p.nip] for p in people} == {
        "1000": feb(1, 2, 3),
        "1001": feb(1, 2, 3),
        "1002": feb(17, 18, 19),
        "1003": feb(15, 16, 17),
        "1004": feb(2, 3, 4),
        "1005": feb(15, 16, 17),
    }
    # Nobody takes the cuti bersama, nor a day outside the windows.
    assert {a.mode for a in made if a.date == dt.date(2027, 2, 5)} == {"LIBUR"}
    assert {a.mode for a in made if dt.date(2027, 2, 8) <= a.date <= dt.date(2027, 2, 12)} == {
        "WFO"
    }


@pytest.mark.parametrize(
    ("lang", "reason"),
    [
        (
            "id",
            "dibatasi butir 3: satu blok 3 hari kerja WFA per pegawai; blok pegawai ini "
            "2027-02-01 s.d. 2027-02-03 (giliran ke-1)",
        ),
        (
            "en",
            "limited by butir 3: one WFA block of 3 working days per employee; this "
            "employee's block is 2027-02-01 to 2027-02-03 (turn 1)",
        ),
    ],
)
def test_a_day_outside_ones_n_days_names_them(lang: str, reason: str) -> None:
    c = Circular.from_text(LENGTH_TEXT, "blok.edaran")
    made = schedule(c, staff(6), dt.date(2027, 2, 4), dt.date(2027, 2, 4))
    first = next(a for a in made if a.detail.get("turn") == 1)
    assert (first.mode, first.why, first.detail["block_days"]) == ("WFO", Why.PERSON_LIMIT, 3)
    assert assignment_reason(first, lang) == reason  # type: ignore[arg-type]


def test_a_cap_still_holds_on_the_days_the_blocks_overlap() -> None:
    c = Circular.from_text(
        LENGTH_TEXT + '\nbatas butir 4 "Kuota":\n    WFA paling banyak 2 per unit per hari\n',
        "blok.edaran",
    )
    made = schedule(c, staff(6), dt.date(2027, 2, 1), dt.date(2027, 2, 4))
    per_day = Counter(a.date for a in made if a.mode == "WFA")
    assert per_day == {feb(1)[0]: 2, feb(2)[0]: 2, feb(3)[0]: 2, feb(4)[0]: 1}


def test_the_whole_window_form_is_unchanged_by_a_length_as_long_as_the_window() -> None:
    # Three working days in a three-day window: the same blocks as without a length.
    short = circular()
    long = Circular.from_text(
        text().replace("satu blok per pegawai", "satu blok 3 hari kerja per pegawai"),
        "blok.edaran",
    )
    people = staff(10)
    plain = remote_days(schedule(short, people, BEFORE[0], AFTER[-1]))
    assert remote_days(schedule(long, people, BEFORE[0], AFTER[-1])) == plain


@pytest.mark.parametrize(
    ("length", "code"),
    [("5 hari kerja", "E224"), ("0 hari kerja", "E225"), ("of 6 working days", "E224")],
)
def test_a_block_longer_than_a_window_is_refused(length: str, code: str) -> None:
    bad = LENGTH_TEXT.replace("3 hari kerja", length)
    with pytest.raises(EdaranError) as refused:
        Circular.from_text(bad, "blok.edaran")
    assert [d.code for d in refused.value.diagnostics] == [code]


@given(count=st.integers(1, 12), length=st.integers(1, 4), cap=st.integers(1, 6))
@settings(max_examples=25, deadline=None)
def test_every_block_is_n_consecutive_working_days_of_one_window(
    count: int, length: int, cap: int
) -> None:
    c = Circular.from_text(
        LENGTH_TEXT.replace("3 hari kerja", f"{length} hari kerja")
        + f'\nbatas butir 4 "Kuota":\n    WFA paling banyak {cap} per unit per hari\n',
        "blok.edaran",
    )
    made = schedule(c, staff(count), dt.date(2027, 2, 1), dt.date(2027, 2, 19))
    working = [feb(1, 2, 3, 4), feb(15, 16, 17, 18, 19)]
    for days in remote_days(made).values():
        (window,) = [w for w in working if days[0] in w]
        start = window.index(days[0])
        # Inside one window, consecutive working days, never more than the block
        # (the cap may keep a person back on some of them).
        assert set(days) <= set(window[start : start + length])
        if cap >= count:  # nothing kept back: the whole block
            assert days == window[start : start + length]
    assert len(remote_days(made)) == count or cap < count
    per_day = Counter(a.date for a in made if a.mode == "WFA")
    assert max(per_day.values(), default=0) <= cap
