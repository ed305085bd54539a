"""``examples/prov-tanah-rawa-2027``: unit attributes and a weekly table read from a CSV file.

The decisions follow the level of each unit's district in the week of the
day; a new week in the data file changes them without a change of the rule
file.  (The SQL engine's agreement over the example is in
``tests/population/test_duckdb.py``, with every example.)
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from pathlib import Path

import pytest

from edaran.engine import Circular
from edaran.io import load_roster
from edaran.testing import run_examples
from paths import EXAMPLES

FOLDER = EXAMPLES / "prov-tanah-rawa-2027"
RULES = "se-800.1-77-BKD-2027.edaran"


def _load(folder: Path = FOLDER) -> tuple[Circular, list[object]]:
    circular = Circular.load(folder / RULES)
    roster = load_roster(folder / "roster", **circular.roster_classes())
    return circular, list(roster.employees)


def test_examples_pass_and_cover_every_clause() -> None:
    circular = Circular.load(FOLDER / RULES)
    results = run_examples(circular)
    assert len(results) >= 8 and all(r.passed for r in results)
    assert {c for r in results for c in r.clauses} >= {"butir 3", "butir 4", "butir 5"}


def _modes(circular: Circular, people: list[object], day: dt.date) -> dict[str, str]:
    return {p.unit.kode: str(circular.decide(p, day).value) for p in people}  # type: ignore[attr-defined]


@pytest.mark.parametrize("backend", ["interpreter", "compiled"])
def test_units_follow_their_district_week_by_week(backend: str) -> None:
    circular = Circular.load(FOLDER / RULES, backend=backend)  # type: ignore[arg-type]  # a Backend
    people = list(load_roster(FOLDER / "roster", **circular.roster_classes()).employees)
    first = _modes(circular, people, dt.date(2027, 5, 4))  # every district at 1 or 2
    assert set(first.values()) == {"WFO"}
    awas = _modes(circular, people, dt.date(2027, 5, 21))  # Rawa Hilir 4, Teluk Sagu 3
    assert awas["UPT_DIK_HILIR"] == "WFH"  # Rawa Hilir, general sector
    assert awas["BPBD_POS_HILIR"] == "WFO"  # disaster sector stays
    assert awas["RSUD_HILIR"] == "WFO"  # health sector stays
    assert awas["UPT_PELABUHAN_TELUK"] == "WFH"  # Teluk Sagu at 3, not a public service
    assert awas["UPTB_SAMSAT_TELUK"] == "WFO"  # public service below 4
    assert awas["UPT_DIK_HULU"] == "WFO" and awas["SETDA"] == "WFO"  # Rawa Hulu 2, Kota Rawa 1


def test_a_new_week_is_a_data_update(tmp_path: Path) -> None:
    folder = tmp_path / "prov-tanah-rawa-2027"
    shutil.copytree(FOLDER, folder)
    circular, people = _load(folder)
    day = dt.date(2027, 6, 2)
    before = Counter(_modes(circular, people, day).values())
    with (folder / "siaga-mingguan.csv").open("a", encoding="utf-8") as out:
        out.write("KOTA_RAWA,2027-05-31,3\n")
    updated, _ = _load(folder)
    after = Counter(_modes(updated, people, day).values())
    assert before["WFH"] < after["WFH"]
    assert (folder / RULES).read_bytes() == (FOLDER / RULES).read_bytes()
