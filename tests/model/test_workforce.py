"""Workforce objects built by a developer: enumeration fields and objects that are not one."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from edaran import Circular, EdaranError, Employee, PositionLevel, Unit, UnitKind
from edaran.core.diagnostics import render_all
from golden import check_golden
from paths import REFERENCE

FRIDAY = dt.date(2026, 4, 10)


@pytest.fixture(scope="module")
def circular() -> Circular:
    return Circular.load(REFERENCE)


def test_a_level_written_as_text_is_the_member(circular: Circular) -> None:
    # Employee(..., "JPT_PRATAMA") was kept as a plain string: the head of an office
    # was then decided WFH (butir 2) instead of WFA (butir 11).
    unit = Unit("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", UnitKind.BADAN)
    for text in ("JPT_PRATAMA", "JPT Pratama", "jpt  pratama", PositionLevel.JPT_PRATAMA):
        head = Employee("196805121994031002", "Budi", unit, text)  # type: ignore[arg-type]
        assert head.jenjang is PositionLevel.JPT_PRATAMA
        decision = circular.decide(head, FRIDAY)
        assert (decision.value, decision.clause) == ("WFA", "butir 11")


@given(st.sampled_from(PositionLevel), st.sampled_from(["name", "value", "lower"]))
def test_every_member_is_read_from_its_name_or_label(level: PositionLevel, form: str) -> None:
    text = {"name": level.name, "value": level.value, "lower": level.value.lower()}[form]
    assert Employee("1", "x", Unit("A", "a"), text).jenjang is level  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_anything_else_is_d143(lang: str) -> None:
    with pytest.raises(EdaranError) as caught:
        Employee("1", "x", Unit("A", "a"), "Direktur")  # type: ignore[arg-type]
    with pytest.raises(EdaranError) as unit:
        Unit("A", "a", 3)  # type: ignore[arg-type]
    text = render_all([*caught.value.diagnostics, *unit.value.diagnostics], lang)  # type: ignore[arg-type]
    check_golden(f"model/bad-enumeration.{lang}.txt", text)


@dataclasses.dataclass
class Person:
    """A developer's own record, without the fields the reference circular reads."""

    nip: str
    nama: str
    unit: Unit


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_object_that_is_not_a_workforce_object_is_d144(circular: Circular, lang: str) -> None:
    # A dict raised a bare AttributeError from inside the engine.
    caught = []
    for call in (
        lambda: circular.decide({"nip": "1"}, FRIDAY),  # type: ignore[arg-type]
        lambda: list(circular.decide_many([{"nip": "1"}], FRIDAY)),  # type: ignore[list-item]
        lambda: circular.explain({"nip": "1"}, FRIDAY),  # type: ignore[arg-type]
        lambda: circular.decide(Person("1", "x", Unit("BAPPEDA", "b")), FRIDAY),
    ):
        with pytest.raises(EdaranError) as error:
            call()
        caught.extend(error.value.diagnostics)
    check_golden(f"model/not-a-workforce-object.{lang}.txt", render_all(caught, lang))


def test_an_employee_without_an_attribute_the_file_declares_is_d144() -> None:
    # edaran's own Employee, not the circular's roster class: a bare AttributeError before.
    declared = Circular.from_text(
        'surat_edaran "U/2027":\n    berlaku 2027-01-01\n\n'
        'atribut pegawai punya_balita: benar_salah, kolom "punya_balita"\n\n'
        'butir 1 "Kantor", bawaan:\n    moda_kerja adalah WFO\n\n'
        'butir 2 "WFH", pengecualian atas butir 1:\n    moda_kerja adalah WFH\n'
        "    jika pegawai.punya_balita\n",
        "u.edaran",
    )
    plain = Employee("198001012027011000", "A", Unit("BAPPEDA", "b"))
    with pytest.raises(EdaranError) as error:
        declared.decide(plain, dt.date(2027, 1, 6))
    assert [d.message("en") for d in error.value.diagnostics] == [
        "an employee must be an Employee (or an object with nip, nama, unit and the "
        "attributes the rules read); Employee has no 'punya_balita'"
    ]
    made = declared.roster_classes()["employee_cls"]
    person = made("198001012027011000", "A", Unit("BAPPEDA", "b"), punya_balita=True)
    assert declared.decide(person, dt.date(2027, 1, 6)).value == "WFH"
