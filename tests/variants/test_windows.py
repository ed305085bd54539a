"""Circulars that end (issue 12): temporary amendments, what follows an end, holidays out of
force, ``--per-tanggal`` and ``edaran diff`` over windows.

``tests/data/windows/se-sementara.edaran`` amends the regency circular (a copy of
``tests/data/lifecycle/se-induk.edaran`` beside it) for one week
(WFH on Wednesday, 15-19 June 2026); ``se-tiga-hari.edaran`` is a three-day circular after
Idul Adha followed by plain office work (``sesudahnya WFO``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from edaran import Circular, EdaranError
from edaran.engine.decision import Status
from edaran.model import Employee, Unit
from edaran.variants import diff_clauses, diff_impact
from paths import REPO

DATA = REPO / "tests/data/windows"
STAFF = Employee("199001012015011001", "Staf", Unit("BAPPEDA", "Bappeda"))


def mode(circular: Circular, day: str) -> str:
    return str(circular.decide(STAFF, dt.date.fromisoformat(day)).value)


@pytest.fixture(scope="module")
def week() -> Circular:
    return Circular.load(DATA / "se-sementara.edaran")


@pytest.fixture(scope="module")
def three_days() -> Circular:
    return Circular.load(DATA / "se-tiga-hari.edaran")


@pytest.mark.parametrize(
    ("day", "expected", "version"),
    [
        ("2026-06-12", "WFH", "800/10/BKPSDM/2026"),  # Friday before the window: the parent
        ("2026-06-17", "WFH", "800/60/BKPSDM/2026"),  # Wednesday in the window
        ("2026-06-19", "WFO", "800/60/BKPSDM/2026"),  # Friday in the window: no longer WFH
        ("2026-06-24", "WFO", "800/10/BKPSDM/2026"),  # Wednesday after it: the parent again
        ("2026-06-26", "WFH", "800/10/BKPSDM/2026"),  # Friday after it: WFH again
    ],
)
def test_a_temporary_amendment_changes_the_parent_only_over_its_window(
    week: Circular, day: str, expected: str, version: str
) -> None:
    """(Before issue 12 the amendment's end date ended the whole policy: TIDAK_BERLAKU
    from 2026-06-20 on.)"""
    assert mode(week, day) == expected
    assert week.in_force(dt.date.fromisoformat(day)).number == version


def test_both_backends_and_the_day_runs_agree_over_the_window(week: Circular) -> None:
    first, last = dt.date(2026, 6, 8), dt.date(2026, 6, 30)
    many = [(d.date, d.value, d.rule) for d in week.decide_many([STAFF], first, last)]
    one = [
        (day, d.value, d.rule)
        for day in (first + dt.timedelta(days=i) for i in range((last - first).days + 1))
        for d in [week.decide(STAFF, day, backend="interpreter")]
    ]
    assert many == one


def test_an_amendment_can_still_end_the_whole_policy() -> None:
    """'sesudahnya TIDAK_BERLAKU' keeps the old meaning of an end date."""
    chain = Circular.load(REPO / "tests/data/lifecycle/se-perubahan-2.edaran")
    assert mode(chain, "2026-09-30") == "WFO"
    assert mode(chain, "2026-10-01") == "TIDAK_BERLAKU"


@pytest.mark.parametrize(
    ("day", "expected", "status"),
    [
        ("2026-05-26", "TIDAK_BERLAKU", Status.NOT_IN_FORCE),
        ("2026-05-29", "WFH", Status.DEFAULT),
        ("2026-05-31", "LIBUR", Status.OFF),
        ("2026-06-03", "WFH", Status.DEFAULT),
        ("2026-06-04", "WFO", Status.AFTER_END),
        ("2026-06-06", "LIBUR", Status.OFF),  # a Saturday after the end is a day off
        ("2026-08-17", "LIBUR", Status.OFF),  # a holiday after the end too
    ],
)
def test_what_follows_a_circular_that_ends(
    three_days: Circular, day: str, expected: str, status: str
) -> None:
    decision = three_days.decide(STAFF, dt.date.fromisoformat(day))
    assert (decision.value, decision.status) == (expected, status)


def test_after_the_end_reads_as_plain_office_work(three_days: Circular) -> None:
    decision = three_days.decide(STAFF, dt.date(2026, 6, 4))
    assert decision.reason("id") == "SE berakhir 2026-06-03, sesudahnya bekerja seperti biasa"
    assert decision.reason("en") == "circular ended 2026-06-03, work as usual afterwards"
    assert three_days.explain(STAFF, dt.date(2026, 6, 4)).render("en").splitlines()[1] == (
        "SE 800/70/BKPSDM/2026 ended on 2026-06-03; afterwards staff work as usual (WFO)."
    )


def test_a_holiday_out_of_force_still_says_so(three_days: Circular) -> None:
    """Idul Adha, before the circular takes effect: not in force, and a holiday, both named."""
    text = three_days.explain(STAFF, dt.date(2026, 5, 27)).render("id").splitlines()
    assert text[1:] == [
        "SE 800/70/BKPSDM/2026 tidak berlaku pada tanggal ini (berlaku 2026-05-29 s.d. "
        "2026-06-03).",
        "Tanggal ini juga hari libur: Hari Raya Idul Adha.",
    ]
    # a working day out of force names no holiday
    assert len(three_days.explain(STAFF, dt.date(2026, 5, 26)).render("id").splitlines()) == 2


def test_as_of_a_date_keeps_a_temporary_amendment_that_had_been_issued(week: Circular) -> None:
    """--per-tanggal 2026-06-30: the chain as it stood then still holds the week of
    Wednesdays (for its own window), where in_force gives the parent for that day."""
    as_of = week.as_of(dt.date(2026, 6, 30))
    assert as_of is week
    assert week.in_force(dt.date(2026, 6, 30)).number == "800/10/BKPSDM/2026"
    assert mode(as_of, "2026-06-17") == "WFH"
    assert week.as_of(dt.date(2026, 6, 1)).number == "800/10/BKPSDM/2026"


def test_diff_shows_the_window_and_only_its_days(week: Circular) -> None:
    parent = week.previous
    assert parent is not None
    changes = [(c.kind, c.what, c.key, c.right_text) for c in diff_clauses(parent, week)]
    assert ("added", "force", "sampai", "2026-06-19, sesudahnya induk") in changes
    impact = diff_impact(parent, week, [STAFF], dt.date(2026, 6, 1), dt.date(2026, 6, 30))
    changed = sorted(s.date for s in impact.samples)
    assert changed == [dt.date(2026, 6, 17), dt.date(2026, 6, 19)]
    assert impact.changed == 2


@pytest.mark.parametrize(
    ("header", "code"),
    [
        ("    berlaku 2026-04-01 sampai 2026-04-03\n    sesudahnya induk\n", "E186"),
        ("    berlaku 2026-04-01\n    sesudahnya WFO\n", "E187"),
        ("    berlaku 2026-04-01 sampai 2026-04-03\n    sesudahnya kantor\n", "E188"),
        ("    berlaku 2026-04-01 sampai 2026-04-03\n    sesudahnya LIBUR\n", "E188"),
    ],
)
def test_what_follows_is_checked(header: str, code: str) -> None:
    text = f'surat_edaran "1/2026":\n{header}\nbutir 1, bawaan:\n    moda_kerja adalah WFO\n'
    with pytest.raises(EdaranError) as refused:
        Circular.from_text(text, "uji.edaran")
    assert [d.code for d in refused.value.diagnostics] == [code]


def test_no_amendment_after_a_temporary_window(tmp_path: Path) -> None:
    """A temporary amendment of a temporary amendment's window is outside its force (E147)."""
    child = tmp_path / "anak.edaran"
    (tmp_path / "induk.edaran").write_text((DATA / "se-induk.edaran").read_text(encoding="utf-8"))
    (tmp_path / "sementara.edaran").write_text(
        (DATA / "se-sementara.edaran").read_text(encoding="utf-8").replace("se-induk", "induk")
    )
    child.write_text(
        'surat_edaran "X/2026":\n    mengubah "sementara.edaran"\n    berlaku 2026-07-01\n'
    )
    with pytest.raises(EdaranError) as refused:
        Circular.load(child)
    assert [d.code for d in refused.value.diagnostics] == ["E147"]
