"""Amendments from a date, circulars that end, runs "as of" a date, and evaluations due.

``tests/data/lifecycle`` holds a regency circular (in force 2026-04-01,
evaluated every 2 months) and two amendments: the first moves WFH from Friday
to Thursday, adds a local holiday and changes butir 3 from 2026-06-01; the
second ends the policy on 2026-09-30.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from edaran import Circular, EdaranError
from edaran.core import render_all
from edaran.model import Employee, PositionLevel, Unit
from edaran.variants import newer_versions, overdue
from golden import check_golden
from paths import REPO

DATA = Path("tests/data/lifecycle")
UNIT = Unit("BAPPEDA", "Badan Perencanaan Pembangunan Daerah")
STAFF = Employee("199001012015011001", "Staf", UNIT)
HEAD = Employee("197001012000011001", "Kepala", UNIT, jenjang=PositionLevel.JPT_PRATAMA)


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


@pytest.fixture(scope="module")
def chain() -> Circular:
    return Circular.load(REPO / DATA / "se-perubahan-2.edaran")


def mode(circular: Circular, employee: Employee, day: str) -> str:
    return str(circular.decide(employee, dt.date.fromisoformat(day)).value)


@pytest.mark.parametrize(
    ("day", "staff", "head"),
    [
        ("2026-03-27", "TIDAK_BERLAKU", "TIDAK_BERLAKU"),  # a Friday before the first version
        ("2026-05-08", "WFH", "WFO"),  # Friday under the first version
        ("2026-04-09", "WFO", "WFO"),  # Thursday under the first version
        ("2026-06-04", "WFH", "WFA"),  # Thursday under the first amendment, butir 3 changed
        ("2026-06-05", "WFO", "WFO"),  # Friday is no longer a WFH day
        ("2026-06-18", "LIBUR", "LIBUR"),  # the holiday the first amendment adds
        ("2026-08-06", "WFH", "WFA"),  # Thursday under the second amendment
        ("2026-10-01", "TIDAK_BERLAKU", "TIDAK_BERLAKU"),  # after the second one ends it
    ],
)
def test_each_day_is_decided_by_the_version_in_force(
    chain: Circular, day: str, staff: str, head: str
) -> None:
    assert (mode(chain, STAFF, day), mode(chain, HEAD, day)) == (staff, head)


def test_the_versions_in_order_and_the_one_in_force(chain: Circular) -> None:
    numbers = [v.number for v in chain.versions()]
    assert numbers == ["800/10/BKPSDM/2026", "800/55/BKPSDM/2026", "800/91/BKPSDM/2026"]
    picks = {
        d: chain.in_force(dt.date.fromisoformat(d)).number
        for d in ("2026-05-31", "2026-06-01", "2026-07-31", "2026-08-01")
    }
    assert picks == {
        "2026-05-31": "800/10/BKPSDM/2026",
        "2026-06-01": "800/55/BKPSDM/2026",
        "2026-07-31": "800/55/BKPSDM/2026",
        "2026-08-01": "800/91/BKPSDM/2026",
    }


def test_an_amendment_ends_when_the_amended_one_ends_unless_it_says_otherwise(
    chain: Circular,
) -> None:
    first, second, third = chain.versions()
    assert (first.program.header.effective_from, first.program.header.effective_until) == (
        dt.date(2026, 4, 1),
        None,
    )
    assert second.program.header.effective_until is None
    assert third.program.header.effective_until == dt.date(2026, 9, 30)
    # Evaluation periods go on counting from the first version's start.
    assert {v.program.header.period_start for v in chain.versions()} == {dt.date(2026, 4, 1)}


def test_explanations_cite_the_circular_each_rule_comes_from(chain: Circular) -> None:
    changed = chain.explain(HEAD, dt.date(2026, 8, 6))
    kept = chain.explain(STAFF, dt.date(2026, 8, 6))
    before = chain.explain(HEAD, dt.date(2026, 5, 8))
    assert (changed.decision.clause, changed.circular) == ("butir 3", "SE 800/55/BKPSDM/2026")
    assert (kept.decision.clause, kept.circular) == ("butir 2", "SE 800/10/BKPSDM/2026")
    assert (before.decision.clause, before.circular) == ("butir 3", "SE 800/10/BKPSDM/2026")


def test_an_amendment_must_start_inside_the_force_of_the_circular_it_amends() -> None:
    with pytest.raises(EdaranError) as caught:
        Circular.load(DATA / "se-terlalu-awal.edaran")
    assert [d.code for d in caught.value.diagnostics] == ["E147"]
    for lang in ("id", "en"):
        check_golden(
            f"lifecycle/E147-amendment-too-early.{lang}.txt",
            render_all(caught.value.diagnostics, lang),
        )


def test_newer_versions_are_the_files_beside_that_amend_or_extend() -> None:
    found = newer_versions(DATA / "se-induk.edaran")
    assert [p.name for p in found] == ["se-perubahan-1.edaran", "se-terlalu-awal.edaran"]
    assert newer_versions(DATA / "se-perubahan-2.edaran") == []


def test_an_evaluation_due_without_a_newer_version_is_w148(tmp_path: Path) -> None:
    base = (REPO / DATA / "se-induk.edaran").read_text(encoding="utf-8")
    (tmp_path / "se.edaran").write_text(base, encoding="utf-8")
    alone = Circular.load(tmp_path / "se.edaran")
    # Periods from 2026-04-01: the first evaluation is due on 2026-06-01.
    assert overdue(alone, dt.date(2026, 5, 31)) is None
    due = overdue(alone, dt.date(2026, 6, 1))
    assert due is not None and due.code == "W148"
    assert due.args["due"] == "2026-06-01"
    # With an amendment beside it, a newer version exists.
    assert overdue(Circular.load(REPO / DATA / "se-induk.edaran"), dt.date(2026, 11, 28)) is None


def test_the_latest_version_is_due_one_period_after_it_took_effect(
    chain: Circular, tmp_path: Path
) -> None:
    for name in ("se-induk.edaran", "se-perubahan-1.edaran"):
        (tmp_path / name).write_text((REPO / DATA / name).read_text(encoding="utf-8"))
    alone = Circular.load(tmp_path / "se-perubahan-1.edaran")
    # In force from 2026-06-01, periods counted from 2026-04-01: due on 2026-08-01.
    assert overdue(alone, dt.date(2026, 7, 31)) is None
    due = overdue(alone, dt.date(2026, 8, 1))
    assert due is not None and due.args["due"] == "2026-08-01"
    # Beside se-perubahan-2, which amends it, it is never overdue ...
    assert (
        overdue(Circular.load(REPO / DATA / "se-perubahan-1.edaran"), dt.date(2026, 8, 1)) is None
    )
    # ... and the second amendment (from 2026-08-01, due 2026-10-01) ends on 2026-09-30.
    assert overdue(chain, dt.date(2026, 9, 30)) is None
    assert overdue(chain, dt.date(2026, 11, 28)) is None
