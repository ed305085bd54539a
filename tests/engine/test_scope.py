"""Scope (``mencakup``): people the circular does not cover get a status of their own.

They are decided ``TIDAK_TERCAKUP`` before any rule runs, citing the scope
line; explanations show the facts that put them outside; limits count only
the people in scope; both backends agree, and the SQL engine refuses the
construct (E800) rather than decide differently.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edaran import Circular, Employee, EmploymentStatus, Unit
from edaran.core.modes import STATUS_NOT_COVERED
from edaran.engine.decision import Status
from edaran.engine.sql import SqlRefused
from edaran.engine.sql.plan import SqlPlan
from edaran.lang import check, parse
from edaran.scheduling import schedule
from properties import fast_and_full

TEXT = """surat_edaran "800/9/2027":
    berlaku 2027-02-01
    mencakup pegawai.status_kepegawaian termasuk {PNS, PPPK} dan tidak unit.layanan_publik

butir 1 "WFH", bawaan:
    moda_kerja adalah WFH

batas butir 4 "Separuh di rumah":
    WFH paling banyak 50% per unit per hari, dibulatkan ke bawah

contoh "Tenaga kontrak tidak tercakup":
    pegawai.status_kepegawaian adalah NON_ASN
    tanggal adalah 2027-02-03
    maka moda_kerja adalah TIDAK_TERCAKUP

contoh "PPPK tercakup":
    pegawai.status_kepegawaian adalah PPPK
    tanggal adalah 2027-02-03
    maka moda_kerja adalah WFH
"""

OFFICE = Unit("BKD", "Badan Kepegawaian", layanan_publik=False)
DAY = dt.date(2027, 2, 3)  # a Wednesday


def person(ident: str, status: EmploymentStatus, unit: Unit = OFFICE) -> Employee:
    return Employee(ident, ident, unit, status_kepegawaian=status)


def test_people_outside_the_scope_get_a_status_of_their_own() -> None:
    c = Circular.from_text(TEXT, "lingkup.edaran")
    inside = c.decide(person("PPPK-1", EmploymentStatus.PPPK), DAY)
    outside = c.decide(person("THL-1", EmploymentStatus.NON_ASN), DAY)
    assert (inside.value, inside.status) == ("WFH", Status.DEFAULT)
    assert (outside.value, outside.status, outside.clause) == (
        STATUS_NOT_COVERED,
        Status.NOT_COVERED,
        "mencakup",
    )
    assert outside.note == (
        "pegawai.status_kepegawaian termasuk {PNS, PPPK} dan tidak unit.layanan_publik"
    )
    assert c.reason(outside, "en") == (
        "not covered (covers pegawai.status_kepegawaian termasuk {PNS, PPPK} "
        "dan tidak unit.layanan_publik)"
    )


def test_a_day_out_of_force_comes_before_the_scope() -> None:
    c = Circular.from_text(TEXT, "lingkup.edaran")
    early = c.decide(person("THL-1", EmploymentStatus.NON_ASN), dt.date(2027, 1, 20))
    assert early.status == Status.NOT_IN_FORCE


def test_the_explanation_names_the_scope_and_the_facts() -> None:
    c = Circular.from_text(TEXT, "lingkup.edaran")
    explanation = c.explain(person("THL-1", EmploymentStatus.NON_ASN), DAY)
    text = explanation.render("id")
    assert "tidak mencakup pegawai ini" in text
    assert dict(explanation.facts) == {"pegawai.status_kepegawaian": EmploymentStatus.NON_ASN}
    assert "does not cover this person" in explanation.render("en")


def test_limits_count_only_the_people_in_scope() -> None:
    c = Circular.from_text(TEXT, "lingkup.edaran")
    staff = [
        person("198501012010011001", EmploymentStatus.PNS),
        person("PPPK-1", EmploymentStatus.PPPK),
        *(person(f"THL-{i}", EmploymentStatus.NON_ASN) for i in range(4)),
    ]
    made = schedule(c, staff, DAY, DAY)
    modes = sorted(a.mode for a in made.assignments)
    # Half of the two in scope may work from home: one WFH, one WFO; the four others
    # are not counted (half of six would have let three stay home).
    assert modes == ["TIDAK_TERCAKUP"] * 4 + ["WFH", "WFO"]


def test_the_sql_engine_refuses_a_scope() -> None:
    c = Circular.from_text(TEXT, "lingkup.edaran")
    with pytest.raises(SqlRefused) as refused:
        SqlPlan(c.program, c.schema)
    assert refused.value.code == "E800"
    assert refused.value.construct == "mencakup"


def test_the_scope_may_read_only_the_person_and_their_unit() -> None:
    text = TEXT.replace("dan tidak unit.layanan_publik", "dan tanggal > 2027-03-01")
    _, problems = check(parse(text, "lingkup.edaran"))
    assert [(d.code, d.args["name"]) for d in problems] == [("E166", "tanggal")]


def test_a_scope_must_be_a_condition() -> None:
    text = TEXT.replace(
        "pegawai.status_kepegawaian termasuk {PNS, PPPK} dan tidak unit.layanan_publik",
        "pegawai.nama",
    )
    _, problems = check(parse(text, "lingkup.edaran"))
    assert [d.code for d in problems] == ["E202"]


@fast_and_full(fast=60, full=400)
def test_both_backends_agree_on_the_scope(max_examples: int) -> None:
    compiled = Circular.from_text(TEXT, "lingkup.edaran")
    interpreted = Circular.from_text(TEXT, "lingkup.edaran", backend="interpreter")

    @settings(max_examples=max_examples, deadline=None)
    @given(
        status=st.sampled_from(list(EmploymentStatus)),
        public=st.booleans(),
        day=st.dates(dt.date(2027, 1, 25), dt.date(2027, 3, 31)),
    )
    def agree(status: EmploymentStatus, public: bool, day: dt.date) -> None:
        unit = Unit("U", "U", layanan_publik=public)
        staff = [person("X-1", status, unit)]
        assert compiled.decide(staff[0], day) == interpreted.decide(staff[0], day)
        assert list(compiled.decide_many(staff, day)) == list(
            interpreted.decide_many(staff, day, backend="interpreter")
        )

    agree()
