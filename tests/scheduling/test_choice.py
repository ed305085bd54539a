"""Choices left to the head of unit: ``moda_kerja dipilih dari {WFH, WFA, WFO}`` (issue 12).

A rule may decide a set of allowed modes instead of one.  The decision is the
choice (both backends), the explanation says who chooses, the scheduler starts
from the first mode written and moves people only within the choice (and to
the office) to meet the limits, and a unit's plan may pick any mode of it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from edaran.core import EdaranError
from edaran.core.modes import ModeChoice
from edaran.engine import Circular
from edaran.engine.sql import SqlPlan, SqlRefused
from edaran.model import Employee, PlanRow, Unit
from edaran.scheduling import Why, schedule
from edaran.scheduling.plan import check_plan
from edaran.scheduling.presentation import assignment_reason

WEDNESDAY, THURSDAY = dt.date(2027, 1, 6), dt.date(2027, 1, 7)
UMUM = Unit("UMUM", "Bagian Umum")


def circular(choice: str, *limits: str) -> Circular:
    lines = "".join(f"    {line}\n" for line in limits)
    block = f'batas butir 3 "Batas":\n{lines}' if limits else ""
    return Circular.from_text(
        f"""\
surat_edaran "PILIH/2027":
    berlaku 2027-01-01

butir 1 "Bekerja di kantor", bawaan:
    moda_kerja adalah WFO

butir 2 "Rabu: pimpinan unit memilih", pengecualian atas butir 1:
    moda_kerja dipilih dari {choice}
    jika hari adalah Rabu

{block}""",
        "pilih.edaran",
    )


def staff(count: int) -> list[Employee]:
    return [Employee(f"19800101202701{1000 + i}", f"Pegawai {i}", UMUM) for i in range(count)]


def test_the_decision_is_the_choice_in_the_order_written() -> None:
    c = circular("{WFH, WFA, WFO}")
    person = staff(1)[0]
    for backend in ("interpreter", "compiled"):
        decision = c.decide(person, WEDNESDAY, backend=backend)
        assert decision.value == frozenset({"WFO", "WFH", "WFA"})
        assert isinstance(decision.value, ModeChoice)
        assert decision.value.order == ("WFH", "WFA", "WFO")
        assert (decision.rule, c.decide(person, THURSDAY, backend=backend).value) == (
            "butir 2",
            "WFO",
        )
    data = c.decide(person, WEDNESDAY).to_dict()
    assert (data["value"], data["shown"]) == (["WFH", "WFA", "WFO"], "{WFH, WFA, WFO}")


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "id",
            "Aturan ini menyerahkan pilihan kepada pimpinan unit: satu dari {WFH, WFA, WFO} "
            "per hari. edaran schedule memilih dalam batas-batas SE (mulai dari moda pertama), "
            "atau mengambil rencana unit (--plan).",
        ),
        (
            "en",
            "The rule leaves the choice to the head of unit: one of {WFH, WFA, WFO} each day. "
            "edaran schedule chooses within the circular's limits (starting from the first "
            "mode), or takes the unit's plan (--plan).",
        ),
    ],
)
def test_the_explanation_says_who_chooses(lang: str, sentence: str) -> None:
    c = circular("{WFH, WFA, WFO}")
    text = c.explain(staff(1)[0], WEDNESDAY).render(lang)  # type: ignore[arg-type]
    assert text.splitlines()[2] == sentence


def test_the_scheduler_starts_from_the_first_mode_and_a_cap_moves_to_the_next() -> None:
    # WFH capped at 2 of 5: the three others go to the next mode of the choice, WFA,
    # not to the office.
    c = circular("{WFH, WFA}", "WFH paling banyak 2 per unit per hari")
    made = schedule(c, staff(5), WEDNESDAY, WEDNESDAY)
    assert Counter(a.mode for a in made) == {"WFH": 2, "WFA": 3}
    assert made.warnings == ()
    kept = [a for a in made if a.why == Why.ELIGIBLE]
    assert {a.eligible for a in made} == {"{WFH, WFA}"}
    assert assignment_reason(kept[0]) == (
        "butir 2: Rabu: pimpinan unit memilih (dipilih WFH dari {WFH, WFA} dalam batas-batas SE)"
    )
    moved = next(a for a in made if a.why == Why.CAP)
    assert assignment_reason(moved, "en").startswith(
        "capped by butir 3: WFH quota of unit UMUM is 2 of 5 on 2027-01-06, 2 already on WFH,"
    )


def test_a_shared_cap_sends_the_rest_to_the_office_when_the_choice_allows_nothing_else() -> None:
    c = circular("{WFH, WFA, WFO}", "{WFH, WFA} paling banyak 40% per unit per hari")
    made = schedule(c, staff(10), WEDNESDAY, THURSDAY)
    wednesday = Counter(a.mode for a in made if a.date == WEDNESDAY)
    assert wednesday == {"WFH": 4, "WFO": 6}
    assert Counter(a.mode for a in made if a.date == THURSDAY) == {"WFO": 10}


def test_a_floor_brings_people_into_a_mode_of_their_choice() -> None:
    # Starting at the office (written first), a WFH floor of half moves five home.
    c = circular("{WFO, WFH}", "WFH paling sedikit 50% per unit per hari")
    made = schedule(c, staff(10), WEDNESDAY, WEDNESDAY)
    assert Counter(a.mode for a in made) == {"WFO": 5, "WFH": 5}
    assert Counter(a.why for a in made) == {Why.ELIGIBLE: 5, Why.FLOOR: 5}


def test_a_plan_may_pick_any_mode_of_the_choice_and_nothing_else() -> None:
    c = circular("{WFH, WFA}", "{WFH, WFA} paling banyak 50% per unit per hari")
    people = staff(4)
    rows = [
        PlanRow(WEDNESDAY, "WFA", nip=people[0].nip, source="rencana.csv:2"),
        PlanRow(WEDNESDAY, "WFH", nip=people[1].nip, source="rencana.csv:3"),
        PlanRow(WEDNESDAY, "WFO", nip=people[2].nip, source="rencana.csv:4"),
        PlanRow(WEDNESDAY, "WFO", nip=people[3].nip, source="rencana.csv:5"),
    ]
    made = check_plan(c, people, rows, WEDNESDAY, WEDNESDAY)
    assert made.warnings == ()
    assert [a.mode for a in made] == ["WFA", "WFH", "WFO", "WFO"]
    assert {a.why for a in made} == {Why.PLAN}
    # A mode outside the choice, on a day the rules decide the office, is refused.
    bad = [PlanRow(THURSDAY, "WFA", nip=people[0].nip, source="rencana.csv:6")]
    refused = check_plan(c, people, bad, THURSDAY, THURSDAY)
    assert [d.code for d in refused.warnings] == ["D083"]


def test_the_sql_engine_refuses_a_choice() -> None:
    c = circular("{WFH, WFO}")
    with pytest.raises(SqlRefused) as refused:
        SqlPlan(c.program, c.schema)
    assert (refused.value.code, refused.value.construct) == ("E800", "dipilih dari")


@pytest.mark.parametrize(
    ("choice", "code"),
    [("{WFH}", "E214"), ("WFH", "E213"), ("{WFH, LIBUR}", "E207"), ("{}", "E214")],
)
def test_choices_that_make_no_sense_are_refused(choice: str, code: str) -> None:
    with pytest.raises(EdaranError) as refused:
        circular(choice)
    assert [d.code for d in refused.value.diagnostics] == [code]


def test_two_rules_with_different_choices_conflict() -> None:
    text = """\
surat_edaran "PILIH/2027":
    berlaku 2027-01-01

butir 1 "Kantor", bawaan:
    moda_kerja adalah WFO

butir 2 "Rabu":
    moda_kerja dipilih dari {WFH, WFO}
    jika hari adalah Rabu

butir 3 "Pimpinan":
    moda_kerja dipilih dari {WFA, WFO}
    jika pegawai.jenjang adalah JPT_PRATAMA
"""
    with pytest.raises(EdaranError) as refused:
        Circular.from_text(text, "pilih.edaran")
    assert [d.code for d in refused.value.diagnostics] == ["E302"]
