"""Who is there: leave (``cuti.csv``) and transfers (``mutasi.csv``).

The readers (:mod:`edaran.io.presence`) keep every valid row and report every
bad one with its file, line and column; the rendered diagnostics are golden
files in both languages (``tests/golden/schedule/presence-*``).  ``edaran
schedule`` reading them is tested in ``tests/cli/test_cli_schedule.py``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from edaran.core import Diagnostic, render_all
from edaran.io import Roster, load_roster, read_absences, read_transfers
from edaran.messages import Lang
from edaran.model import Absence, Transfer
from golden import check_golden
from paths import REPO

DATA = "tests/data/schedule"
ROSTER = f"{DATA}/roster"
LANGS: list[Lang] = ["id", "en"]

ANDI = "197501012000031001"  # BAPPEDA
AHMAD = "198001012005011001"  # BPKAD
SITI = "198502152010012002"  # BPKAD
BUDI_S = "199003202015031003"  # BPKAD, moves to UPTB_ASET on 13 April
NUR = "198709092012122001"  # BPKAD
RIZKY = "199211302019031002"  # UPTB_ASET
UNKNOWN = "199901012020011099"  # in no roster


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    # Relative paths keep rendered locations stable; the language comes from --lang only.
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("EDARAN_LANG", raising=False)


@pytest.fixture(scope="module")
def roster() -> Roster:
    return load_roster(REPO / ROSTER)


def _codes(found: list[Diagnostic]) -> list[tuple[str, int | None]]:
    return [(d.code, d.span.line if d.span else None) for d in found]


# ------------------------------------------------------------------ cuti.csv
def test_absences_good_rows(roster: Roster) -> None:
    absences, found = read_absences(f"{DATA}/cuti.csv", roster)
    assert found == []
    assert absences == [
        Absence(ANDI, dt.date(2026, 4, 9), dt.date(2026, 4, 10)),
        # day first (17-04-2026) is read as a date too
        Absence(AHMAD, dt.date(2026, 4, 17), dt.date(2026, 4, 17)),
        # spaces inside a NIP are ignored, as in the roster
        Absence(RIZKY, dt.date(2026, 4, 6), dt.date(2026, 4, 8)),
    ]


def test_absences_with_english_headers(roster: Roster) -> None:
    absences, found = read_absences(f"{DATA}/cuti-en.csv", roster)
    assert found == []
    assert absences == [Absence(ANDI, dt.date(2026, 4, 9), dt.date(2026, 4, 10))]


def test_absences_unknown_nip_and_end_before_start(roster: Roster) -> None:
    absences, found = read_absences(f"{DATA}/cuti-bad.csv", roster)
    # line 3: a NIP in no roster; line 4: the leave ends before it starts
    assert _codes(found) == [("D041", 3), ("D042", 4)]
    assert found[0].args["nip"] == UNKNOWN
    assert found[1].args["first"] == dt.date(2026, 4, 17)
    assert found[1].args["last"] == dt.date(2026, 4, 14)
    # the good rows are kept
    assert absences == [
        Absence(ANDI, dt.date(2026, 4, 9), dt.date(2026, 4, 10)),
        Absence(SITI, dt.date(2026, 4, 20), dt.date(2026, 4, 21)),
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_absence_diagnostics_golden(roster: Roster, lang: Lang) -> None:
    _, found = read_absences(f"{DATA}/cuti-bad.csv", roster)
    check_golden(f"schedule/presence-cuti-bad.{lang}.txt", render_all(found, lang))


def test_absences_bad_date_is_d018_not_a_crash(roster: Roster) -> None:
    """A date that does not exist, or is no date: D018 with line and column, not a raw
    ``BadValue`` (which ``parse_date`` raises and ``presence._date`` once let through)."""
    absences, found = read_absences(f"{DATA}/cuti-bad-date.csv", roster)
    # line 3: 31 April does not exist; line 4: 'besok' is no date
    assert _codes(found) == [("D018", 3), ("D018", 4)]
    assert found[0].args["value"] == "2026-04-31"
    assert found[1].args["value"] == "besok"
    assert absences == [Absence(ANDI, dt.date(2026, 4, 9), dt.date(2026, 4, 10))]
    for lang in LANGS:
        check_golden(f"schedule/presence-cuti-bad-date.{lang}.txt", render_all(found, lang))


# ---------------------------------------------------------------- mutasi.csv
def test_transfers_good_rows(roster: Roster) -> None:
    transfers, found = read_transfers(f"{DATA}/mutasi.csv", roster)
    assert found == []
    assert transfers == [Transfer(BUDI_S, dt.date(2026, 4, 13), roster.units["UPTB_ASET"])]
    # the target is the roster's own unit object (with its parent), not a bare code
    assert transfers[0].unit is roster.units["UPTB_ASET"]
    assert transfers[0].unit.induk is roster.units["BPKAD"]


def test_transfers_unknown_unit_and_unknown_nip(roster: Roster) -> None:
    transfers, found = read_transfers(f"{DATA}/mutasi-bad.csv", roster)
    # line 3: unit UPTB_ASTE is misspelt; line 4: a NIP in no roster
    assert _codes(found) == [("D023", 3), ("D041", 4)]
    assert found[0].args["code"] == "UPTB_ASTE"
    assert "UPTB_ASET" in found[0].suggestions
    assert transfers == [Transfer(BUDI_S, dt.date(2026, 4, 13), roster.units["UPTB_ASET"])]


@pytest.mark.parametrize("lang", LANGS)
def test_transfer_diagnostics_golden(roster: Roster, lang: Lang) -> None:
    _, found = read_transfers(f"{DATA}/mutasi-bad.csv", roster)
    check_golden(f"schedule/presence-mutasi-bad.{lang}.txt", render_all(found, lang))


def test_transfers_bad_date_is_d018_not_a_crash(roster: Roster) -> None:
    """As for cuti.csv: a bad date is D018, the good rows are kept."""
    transfers, found = read_transfers(f"{DATA}/mutasi-bad-date.csv", roster)
    assert _codes(found) == [("D018", 3)]
    assert found[0].args["value"] == "2026-13-01"
    # 13/04/2026 is a day-first date
    assert transfers == [Transfer(BUDI_S, dt.date(2026, 4, 13), roster.units["UPTB_ASET"])]


def test_missing_file_is_a_diagnostic(roster: Roster, tmp_path: Path) -> None:
    absences, found = read_absences(tmp_path / "tidak-ada.csv", roster)
    assert absences == []
    assert len(found) == 1 and found[0].is_error
