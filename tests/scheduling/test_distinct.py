"""At most N different people over a window (``orang berbeda``, issue 12).

"WFA is granted to at most three different employees of a unit per week": those who
had it earlier in the week keep their turn, newcomers get what is left, and the turns go
round from week to week (the fewest days first, then the rotation).
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

MONDAY = dt.date(2027, 1, 11)
UMUM = Unit("UMUM", "Bagian Umum")
TEXT = """\
surat_edaran "BEDA/2027":
    berlaku 2027-01-01

butir 1 "Kantor", bawaan:
    moda_kerja adalah WFO

butir 2 "WFA Senin sampai Rabu", pengecualian atas butir 1:
    moda_kerja adalah WFA
    jika hari termasuk {Senin, Selasa, Rabu}

batas butir 3 "Paling banyak tiga orang berbeda WFA per minggu":
    WFA paling banyak 3 orang berbeda per unit per minggu
"""


def staff(count: int) -> list[Employee]:
    return [Employee(f"19800101202701{1000 + i}", f"Pegawai {i}", UMUM) for i in range(count)]


def test_at_most_three_different_people_a_week_and_the_turns_go_round() -> None:
    c = Circular.from_text(TEXT, "beda.edaran")
    people = staff(9)
    made = schedule(c, people, MONDAY, MONDAY + dt.timedelta(days=16))
    weeks: dict[int, set[str]] = defaultdict(set)
    for a in made:
        if a.mode == "WFA":
            weeks[a.date.isocalendar()[1]].add(a.nip)
    assert [len(w) for w in weeks.values()] == [3, 3, 3]
    # Each week's three keep all three days; over three weeks everyone has had a turn.
    assert set().union(*weeks.values()) == {p.nip for p in people}
    per_day = Counter((a.date, a.mode) for a in made if a.date.weekday() < 3)
    assert all(per_day[(d, "WFA")] == 3 for d, _ in per_day)
    assert made.warnings == ()


@pytest.mark.parametrize(
    ("lang", "reason"),
    [
        (
            "id",
            "dibatasi butir 3: WFA paling banyak 3 orang berbeda di unit UMUM per minggu, "
            "dan 3 orang sudah mendapatkannya",
        ),
        (
            "en",
            "capped by butir 3: WFA for at most 3 different people in unit UMUM per week, "
            "and 3 have already had it",
        ),
    ],
)
def test_the_reason_says_the_week_is_full(lang: str, reason: str) -> None:
    c = Circular.from_text(TEXT, "beda.edaran")
    made = schedule(c, staff(5), MONDAY, MONDAY + dt.timedelta(days=1))
    moved = [a for a in made if a.why == Why.CAP and a.date == MONDAY + dt.timedelta(days=1)]
    assert len(moved) == 2
    assert assignment_reason(moved[0], lang) == reason  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("WFA paling banyak 3 orang berbeda per pegawai per minggu", "E222"),
        ("WFO paling banyak 3 orang berbeda per unit per minggu", "E130"),
        ("WFA paling banyak 30% orang berbeda per unit per minggu", "E119"),
    ],
)
def test_distinct_limits_that_make_no_sense_are_refused(line: str, code: str) -> None:
    text = TEXT.replace("    WFA paling banyak 3 orang berbeda per unit per minggu", f"    {line}")
    with pytest.raises(EdaranError) as refused:
        Circular.from_text(text, "beda.edaran")
    assert [d.code for d in refused.value.diagnostics] == [code]
