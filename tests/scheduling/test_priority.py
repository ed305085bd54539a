"""Who gets a limit's places first: ``diutamakan`` (issue 12).

"The home-working places go first to staff with small children"; "the office places go
first to staff who live close". Before the rotation, a limit may order people by facts
about them; the reason of each assignment a limit moved names the values it was ordered by.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest

from edaran.core import EdaranError
from edaran.engine import Circular
from edaran.model import Unit
from edaran.scheduling import Why, schedule
from edaran.scheduling.presentation import assignment_reason

WEDNESDAY = dt.date(2027, 1, 6)
UMUM = Unit("UMUM", "Bagian Umum")
HEAD = """\
surat_edaran "URUT/2027":
    berlaku 2027-01-01

atribut pegawai punya_balita: benar_salah, kolom "punya_balita"
atribut pegawai jarak_rumah: bilangan, kolom "jarak_rumah_km"

butir 1 "Kantor", bawaan:
    moda_kerja adalah WFO

butir 2 "WFH hari Rabu", pengecualian atas butir 1:
    moda_kerja adalah WFH
    jika hari adalah Rabu

"""


def circular(*lines: str) -> Circular:
    body = "".join(f"    {line}\n" for line in lines)
    return Circular.from_text(HEAD + f'batas butir 3 "Urutan":\n{body}', "urut.edaran")


def staff(c: Circular, facts: list[tuple[bool, int]]) -> list[Any]:
    cls = c.schema.employee_cls
    return [
        cls(f"19800101202701{1000 + i}", f"Pegawai {i}", UMUM, punya_balita=kid, jarak_rumah=km)
        for i, (kid, km) in enumerate(facts)
    ]


def test_a_cap_keeps_its_places_for_the_people_it_puts_first() -> None:
    c = circular("WFH paling banyak 2 per unit per hari", "diutamakan pegawai.punya_balita")
    people = staff(c, [(False, 5), (True, 5), (False, 5), (True, 5), (False, 5), (False, 5)])
    made = schedule(c, people, WEDNESDAY, WEDNESDAY)
    home = {a.nip for a in made if a.mode == "WFH"}
    assert home == {people[1].nip, people[3].nip}
    moved = next(a for a in made if a.why == Why.CAP)
    assert assignment_reason(moved).endswith("; diutamakan menurut pegawai.punya_balita = salah")
    assert assignment_reason(moved, "en").endswith("; priority by pegawai.punya_balita = false")


def test_the_second_order_breaks_ties_of_the_first_and_larger_numbers_go_first() -> None:
    c = circular(
        "WFH paling banyak 2 per unit per hari",
        "diutamakan pegawai.punya_balita, pegawai.jarak_rumah",
    )
    people = staff(c, [(True, 3), (True, 40), (True, 12), (False, 90), (False, 1)])
    made = schedule(c, people, WEDNESDAY, WEDNESDAY)
    assert {a.nip for a in made if a.mode == "WFH"} == {people[1].nip, people[2].nip}


def test_a_floor_calls_back_the_people_it_puts_first() -> None:
    # "The office places go first to those who live close": live close = jarak_rumah <= 5.
    c = circular("WFO paling sedikit 2 per unit per hari", "diutamakan pegawai.jarak_rumah <= 5")
    people = staff(c, [(False, 30), (False, 2), (False, 25), (False, 4), (False, 60)])
    made = schedule(c, people, WEDNESDAY, WEDNESDAY)
    assert {a.nip for a in made if a.mode == "WFO"} == {people[1].nip, people[3].nip}
    assert Counter(a.why for a in made) == {Why.ELIGIBLE: 3, Why.FLOOR: 2}
    called = next(a for a in made if a.why == Why.FLOOR)
    assert "diutamakan menurut pegawai.jarak_rumah <= 5 = benar" in assignment_reason(called)


def test_the_nearest_home_first_calls_back_the_smaller_distances() -> None:
    # "Diutamakan pegawai dengan jarak rumah terdekat": the office places, nearest first.
    c = circular(
        "WFO paling sedikit 2 per unit per hari", "diutamakan pegawai.jarak_rumah terkecil"
    )
    people = staff(c, [(False, 30), (False, 2), (False, 25), (False, 4), (False, 60)])
    made = schedule(c, people, WEDNESDAY, WEDNESDAY)
    assert {a.nip: a.mode for a in made} == {
        people[0].nip: "WFH",
        people[1].nip: "WFO",
        people[2].nip: "WFH",
        people[3].nip: "WFO",
        people[4].nip: "WFH",
    }
    called = next(a for a in made if a.nip == people[1].nip)
    assert called.why == Why.FLOOR
    assert assignment_reason(called).endswith(
        "; diutamakan menurut pegawai.jarak_rumah = 2 (terkecil dulu)"
    )
    assert assignment_reason(called, "en").endswith(
        "; priority by pegawai.jarak_rumah = 2 (smallest first)"
    )


def test_larger_first_is_the_default_and_can_be_written() -> None:
    facts = [(False, 30), (False, 2), (False, 25), (False, 4), (False, 60)]
    found = []
    for order in ("", " terbesar"):
        c = circular(
            "WFO paling sedikit 2 per unit per hari", f"diutamakan pegawai.jarak_rumah{order}"
        )
        people = staff(c, facts)
        made = schedule(c, people, WEDNESDAY, WEDNESDAY)
        found.append({a.nip for a in made if a.mode == "WFO"})
        called = next(a for a in made if a.why == Why.FLOOR and a.nip == people[4].nip)
        assert assignment_reason(called, "en").endswith(
            "; priority by pegawai.jarak_rumah = 60 (largest first)"
        )
    assert found[0] == found[1] == {people[0].nip, people[4].nip}


def test_smaller_first_then_a_yes_no_breaks_its_ties() -> None:
    c = circular(
        "WFH paling banyak 2 per unit per hari",
        "diutamakan pegawai.jarak_rumah terkecil, pegawai.punya_balita",
    )
    people = staff(c, [(False, 3), (True, 3), (False, 1), (True, 9), (False, 3)])
    made = schedule(c, people, WEDNESDAY, WEDNESDAY)
    # 1 km first; then, of the three at 3 km, the one with small children.
    assert {a.nip for a in made if a.mode == "WFH"} == {people[2].nip, people[1].nip}


@pytest.mark.parametrize(
    ("lines", "code"),
    [
        (("WFH paling banyak 2 per unit per hari", "diutamakan pegawai.nama"), "E220"),
        (("WFH paling banyak 2 per pegawai per minggu", "diutamakan pegawai.punya_balita"), "E221"),
        (
            ("WFH paling banyak 2 per unit per hari", "diutamakan pegawai.punya_balita terkecil"),
            "E223",
        ),
        (
            ("WFH paling banyak 2 per unit per hari", "priority pegawai.punya_balita largest"),
            "E223",
        ),
    ],
)
def test_orders_that_make_no_sense_are_refused(lines: tuple[str, ...], code: str) -> None:
    with pytest.raises(EdaranError) as refused:
        circular(*lines)
    assert [d.code for d in refused.value.diagnostics] == [code]


def test_employees_without_the_field_the_line_reads_are_a_diagnostic_not_a_crash() -> None:
    # A library caller who built plain Employees (not the circular's roster classes):
    # the rules decide without the declared fields, the priority line cannot.
    from edaran.model import Employee

    c = circular("WFH paling banyak 1 per unit per hari", "diutamakan pegawai.punya_balita")
    people = [Employee(f"19800101202701{1000 + i}", f"Pegawai {i}", UMUM) for i in range(3)]
    with pytest.raises(EdaranError) as caught:
        schedule(c, people, WEDNESDAY, WEDNESDAY)
    assert [d.code for d in caught.value.diagnostics] == ["D144"]
    assert caught.value.diagnostics[0].message("en") == (
        "an employee must be an Employee (or an object with nip, nama, unit and the "
        "attributes the rules read); Employee has no 'punya_balita'"
    )
