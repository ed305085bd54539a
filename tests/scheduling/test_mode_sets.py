"""Mode sets in limits, caps on WFO, and limits that cannot both hold (issue 12).

The regression first: a WFH floor on a unit an exception keeps at the office
sent 7 of 10 home (reproducer in ``tests/data/schedule/wfh-floor.edaran``).
Then limits on sets of modes (``{WFH, WFA} paling banyak 20% ...``), a cap on
WFO, and two limits that clash: found by the checker where the numbers are
known (E184), otherwise per unit and day (W180), never settled by the order
of the lines.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from edaran.core import EdaranError, render_all
from edaran.engine import Circular
from edaran.messages import Lang
from edaran.model import Employee, PositionLevel, Unit
from edaran.scheduling import Schedule, Why, schedule
from golden import check_golden
from paths import REPO

FRIDAY = dt.date(2026, 4, 10)
THURSDAY = dt.date(2026, 4, 9)
HEAD = """\
surat_edaran "UJI/12/2026":
    berlaku 2026-04-01

butir 1 "Bekerja di kantor", bawaan:
    moda_kerja adalah WFO

butir 2 "WFH setiap hari Jumat":
    moda_kerja adalah WFH
    jika hari adalah Jumat

butir 3 "Pimpinan WFA", pengecualian atas butir 2:
    moda_kerja adalah WFA
    jika hari adalah Jumat
    dan pegawai.jenjang termasuk {JPT_PRATAMA}

butir 4 "Layanan publik tetap di kantor", pengecualian atas butir 2, butir 3:
    moda_kerja adalah WFO
    jika unit.layanan_publik

"""
BPKAD = Unit("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah")
RSUD = Unit("RSUD", "Rumah Sakit Umum Daerah", layanan_publik=True)


def staff(count: int, unit: Unit = BPKAD, heads: int = 0, start: int = 0) -> list[Employee]:
    people = []
    for i in range(count):
        level = PositionLevel.JPT_PRATAMA if i < heads else PositionLevel.PELAKSANA
        nip = f"19800101202601{2000 + start + i:04d}"
        people.append(Employee(nip, f"Pegawai {start + i}", unit, jenjang=level))
    return people


def with_limits(*lines: str) -> Circular:
    body = "".join(f"    {line}\n" for line in lines)
    return Circular.from_text(HEAD + f'batas butir 5 "Kuota":\n{body}', "uji.edaran")


def modes_on(made: Schedule, day: dt.date = FRIDAY) -> Counter[str]:
    return Counter(a.mode for a in made if a.date == day)


# ---------------------------------------------------------------- the floor bug
def test_a_wfh_floor_sends_nobody_home_the_rules_keep_at_the_office() -> None:
    """Regression (issue 12): 'WFH paling sedikit 70% per unit per hari' on a unit that an
    exception keeps at WFO assigned 7 of 10 to WFH, "kept on site by butir 2".  Now nobody
    moves, and the floor that cannot be met is a warning naming the unit, day and clause."""
    circular = Circular.load(REPO / "tests/data/schedule/wfh-floor.edaran")
    people = staff(10, RSUD)
    made = schedule(circular, people, dt.date(2024, 9, 3), dt.date(2024, 9, 3))
    assert modes_on(made, dt.date(2024, 9, 3)) == {"WFO": 10}
    assert {a.why for a in made} == {Why.ELIGIBLE}
    (warning,) = made.warnings
    assert warning.code == "W181"
    assert warning.message("en") == (
        "butir 2: WFH at least 7 does not hold in RSUD on 2024-09-03: 0 of 10 staff present "
        "are in WFH, and the rules let nobody else be moved"
    )


def test_a_floor_moves_only_people_allowed_its_mode() -> None:
    """Mixed unit: 4 on public service (WFO by butir 4), 6 eligible for WFH; a WFH floor of
    50% of all 10 is met by the 6 already at home and nobody else moves."""
    circular = with_limits("WFH paling sedikit 50% per unit per hari")
    made = schedule(circular, staff(6), FRIDAY, FRIDAY)
    assert modes_on(made) == {"WFH": 6}
    assert not made.warnings


def test_a_wfo_floor_still_calls_people_back() -> None:
    circular = with_limits("WFO paling sedikit 3 per unit per hari")
    made = schedule(circular, staff(7), FRIDAY, FRIDAY)
    assert modes_on(made) == {"WFH": 4, "WFO": 3}
    assert Counter(a.why for a in made) == {Why.ELIGIBLE: 4, Why.FLOOR: 3}


# ---------------------------------------------------------------- mode sets
def test_a_cap_shared_by_wfh_and_wfa() -> None:
    """10 people, 2 heads on WFA and 8 on WFH; {WFH, WFA} at most 30% keeps 3 away from the
    office in all, and the rest are on site with the cap's clause."""
    circular = with_limits("{WFH, WFA} paling banyak 30% per unit per hari")
    made = schedule(circular, staff(10, heads=2), FRIDAY, FRIDAY)
    on = modes_on(made)
    assert on["WFH"] + on["WFA"] == 3
    assert on["WFO"] == 7
    kept = [a for a in made if a.why == Why.CAP]
    assert len(kept) == 7
    assert {a.clause for a in kept} == {"butir 5"}
    assert all(a.mode == "WFO" and a.eligible in {"WFH", "WFA"} for a in kept)


def test_a_set_of_one_mode_is_that_mode() -> None:
    one = schedule(with_limits("WFH paling banyak 2 per unit per hari"), staff(5), FRIDAY, FRIDAY)
    braced = schedule(
        with_limits("{WFH} paling banyak 2 per unit per hari"), staff(5), FRIDAY, FRIDAY
    )
    assert [(a.nip, a.mode, a.why) for a in one] == [(a.nip, a.mode, a.why) for a in braced]


def test_a_personal_cap_on_a_set_counts_days_in_any_of_its_modes() -> None:
    """{WFH, WFA} at most 1 per employee per month: a head on WFA on the first Friday of
    April is on site on the second; staff on WFH likewise."""
    head = """surat_edaran "UJI/12/2026":
    berlaku 2026-04-01

butir 1 "Bekerja di kantor", bawaan:
    moda_kerja adalah WFO

butir 2 "WFH pada Kamis":
    moda_kerja adalah WFH
    jika hari adalah Kamis

butir 3 "WFA pada Jumat":
    moda_kerja adalah WFA
    jika hari adalah Jumat

batas butir 5 "Jatah":
    {WFH, WFA} paling banyak 1 per pegawai per bulan
"""
    circular = Circular.from_text(head, "uji.edaran")
    made = schedule(circular, staff(2), THURSDAY, FRIDAY)
    assert modes_on(made, THURSDAY) == {"WFH": 2}
    assert modes_on(made, FRIDAY) == {"WFO": 2}
    assert {a.why for a in made if a.date == FRIDAY} == {Why.PERSON_LIMIT}


def test_a_cap_on_wfo_is_accepted_and_checked() -> None:
    """'WFO paling banyak 50%' (E130 before issue 12): on a Friday everyone eligible is at
    home and the cap holds; on a Thursday the rules keep everyone in the office, nobody may be
    moved, and the cap is reported as not held, not met by sending people home."""
    circular = with_limits("WFO paling banyak 50% per unit per hari")
    made = schedule(circular, staff(4), THURSDAY, FRIDAY)
    assert modes_on(made, FRIDAY) == {"WFH": 4}
    assert modes_on(made, THURSDAY) == {"WFO": 4}
    assert {a.why for a in made} == {Why.ELIGIBLE}
    (warning,) = made.warnings
    assert warning.code == "W181"
    assert warning.args["date"] == THURSDAY.isoformat()
    assert warning.message("id") == (
        "butir 5: WFO paling banyak 2 tidak terpenuhi di BPKAD pada 2026-04-09: 4 dari 4 "
        "pegawai hadir di WFO, dan aturan tidak mengizinkan pegawai lain dipindahkan"
    )


def test_a_cap_on_wfo_stops_a_cap_on_wfh_from_filling_the_office() -> None:
    """WFH at most 1 and WFO at most 2 on a Friday with 5 eligible: the WFH cap would put 4
    in the office, the WFO cap lets only 2 in; the clash is a warning naming both clauses,
    and no one is put where the WFO cap forbids."""
    circular = with_limits(
        "WFH paling banyak 1 per unit per hari", "WFO paling banyak 40% per unit per hari"
    )
    made = schedule(circular, staff(5), FRIDAY, FRIDAY)
    assert modes_on(made) == {"WFH": 3, "WFO": 2}
    (warning,) = made.warnings
    assert warning.code == "W180"
    assert warning.args["clause"] == "butir 5" and warning.args["other"] == "butir 5"
    assert warning.message("en") == (
        "butir 5: WFH at most 1 does not hold in BPKAD on 2026-04-10 (3 of 5 staff present) "
        "because it conflicts with butir 5: WFO at most 2; they cannot both hold"
    )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_two_limits_that_clash_on_a_day_are_reported_with_both(
    lang: Lang, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A WFH cap of 2 people and a WFH floor of half the unit: in a unit of 7 the floor asks
    for 4 at home and the cap allows 2.  No limit moves anyone where that breaks the other,
    so the cap keeps back 3 (down to the floor's 4), and the cap that does not hold is W180
    naming both, in either order of the lines."""
    monkeypatch.chdir(REPO)
    lines = ("WFH paling banyak 2 per unit per hari", "WFH paling sedikit 50% per unit per hari")
    made = schedule(with_limits(*lines), staff(7), FRIDAY, FRIDAY)
    swapped = schedule(with_limits(*lines[::-1]), staff(7), FRIDAY, FRIDAY)
    assert modes_on(made) == modes_on(swapped) == {"WFH": 4, "WFO": 3}
    assert [(a.nip, a.mode) for a in made] == [(a.nip, a.mode) for a in swapped]
    assert [d.code for d in made.warnings] == [d.code for d in swapped.warnings] == ["W180"]
    check_golden(f"schedule/scheduler-w180.{lang}.txt", render_all(made.warnings, lang))


# ---------------------------------------------------------------- the checker
@pytest.mark.parametrize(
    ("lines", "code"),
    [
        (("{WFH, WFH} paling banyak 2 per unit per hari",), "E180"),
        (("{} paling banyak 2 per unit per hari",), "E181"),
        (("{WFO, WFH, WFA} paling sedikit 2 per unit per hari",), "E182"),
        (("{WFA, WFH, WFO} paling banyak 90% per unit per hari",), "E182"),
        (("WFH paling sedikit 1 per pegawai per minggu",), "E183"),
        (("{WFO, WFH} paling banyak 3 per pegawai per minggu",), "E130"),
        (("LIBUR paling banyak 3 per unit per hari",), "E185"),
        (
            (
                "{WFH, WFA} paling banyak 20% per unit per hari",
                "WFO paling banyak 50% per unit per hari",
            ),
            "E184",
        ),
        (
            ("WFH paling banyak 2 per unit per hari", "WFH paling sedikit 3 per unit per hari"),
            "E184",
        ),
        (
            (
                "WFO paling sedikit 60% per unit per hari",
                "{WFH, WFA} paling sedikit 50% per unit per hari",
            ),
            "E184",
        ),
    ],
)
def test_limits_that_make_no_sense_are_refused(lines: tuple[str, ...], code: str) -> None:
    with pytest.raises(EdaranError) as refused:
        with_limits(*lines)
    assert [d.code for d in refused.value.diagnostics] == [code]


def test_the_static_clash_names_the_smallest_unit() -> None:
    """A WFH cap of 50% rounded down and a WFH floor of 50% rounded up clash in every unit of
    an odd size; the checker names the smallest (1 person: 0 allowed, 1 asked for)."""
    with pytest.raises(EdaranError) as refused:
        with_limits(
            "WFH paling banyak 50% per unit per hari", "WFH paling sedikit 50% per unit per hari"
        )
    (problem,) = refused.value.diagnostics
    assert problem.message("en") == (
        "butir 5#1 and butir 5#2 cannot both hold: in a unit with 1 staff present, butir 5#1 "
        "asks for WFH at most 0 and butir 5#2 for WFH at least 1"
    )


@pytest.mark.parametrize(
    "lines",
    [
        ("WFH paling banyak 50% per unit per hari", "WFO paling sedikit 50% per unit per hari"),
        (
            "{WFH, WFA} paling banyak 50% per unit per hari",
            "WFO paling banyak 50% per unit per hari, dibulatkan ke atas",
        ),
        ("WFO paling sedikit 2 per unit per hari", "WFH paling sedikit 2 per unit per hari"),
        ("WFH paling banyak 2 per unit per hari", "WFH paling sedikit 50% per unit per hari"),
    ],
)
def test_limits_that_can_hold_together_are_accepted(lines: tuple[str, ...]) -> None:
    """Caps and floors that fit in every unit; two floors in people, and a number against a
    share, are left to the run (W180 per unit and day)."""
    with_limits(*lines)
