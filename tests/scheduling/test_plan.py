"""A unit's plan (``rencana.csv``), checked against the rules and the limits.

The plan of ``examples/kementerian-pesisir-2027`` keeps four of Biro Umum's
nine staff at home on the first working day after Idul Fitri, within the 50%
cap; a bad plan breaks the rules and the cap, and every violation is
reported with its clause (golden files in both languages).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections import Counter

import pytest

from edaran.core import render_all
from edaran.engine import Circular
from edaran.io import Roster, load_roster
from edaran.io.presence import read_plan
from edaran.messages import Lang
from edaran.model import Absence, PlanRow, Recall
from edaran.scheduling import Why, schedule
from edaran.scheduling.plan import check_plan
from edaran.scheduling.presentation import assignment_reason
from golden import check_golden
from paths import EXAMPLES, REPO

FOLDER = EXAMPLES / "kementerian-pesisir-2027"
RULES = FOLDER / "se-b-12-sj-kp-2027.edaran"
DATA = "tests/data/schedule"
DAY1, DAY3 = dt.date(2027, 3, 16), dt.date(2027, 3, 18)
HEAD = "198308032010031005"  # Kepala Biro Umum (JPT Pratama): WFO by butir 2.a
WULAN = "197101271997012013"  # Biro Umum, WFH by the plan


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("EDARAN_LANG", raising=False)


@pytest.fixture(scope="module")
def roster() -> Roster:
    return load_roster(FOLDER / "roster")


@pytest.fixture(scope="module")
def circular() -> Circular:
    return Circular.load(RULES)


def test_the_example_plan_is_within_the_rules(circular: Circular, roster: Roster) -> None:
    rows, problems = read_plan("examples/kementerian-pesisir-2027/rencana.csv", roster)
    assert problems == []
    assert rows[0] == PlanRow(DAY1, "WFO", unit="BIRO_UMUM")
    made = check_plan(circular, roster.employees, rows, DAY1, DAY1)
    assert made.warnings == ()
    biro = [a for a in made if a.unit == "BIRO_UMUM"]
    assert all(a.why == Why.PLAN for a in biro)
    assert Counter(a.mode for a in biro) == {"WFO": 5, "WFH": 4}
    (wulan,) = [a for a in biro if a.nip == WULAN]
    assert wulan.detail["chosen_by"] == "person"
    assert assignment_reason(wulan, "en") == (
        "chosen by the head of unit for this employee "
        "(examples/kementerian-pesisir-2027/rencana.csv:3); "
        "the rules: butir 2: WFH pada hari kerja pertama dan kedua setelah libur Idul Fitri"
    )
    (head,) = [a for a in biro if a.nip == HEAD]
    assert (head.mode, head.clause, head.detail["chosen_by"]) == ("WFO", "butir 2.a", "unit")
    # Units the plan does not cover are scheduled as always (the cap keeps people back).
    plain = {(a.nip, a.date): a for a in schedule(circular, roster.employees, DAY1, DAY1)}
    others = [a for a in made if a.unit != "BIRO_UMUM"]
    assert others == [plain[(a.nip, a.date)] for a in others]


def test_a_recall_comes_after_the_plan(circular: Circular, roster: Roster) -> None:
    """The plan is checked as handed in; then a recalled person's planned WFH is WFO."""
    from edaran.model import Recall

    rows, _ = read_plan("examples/kementerian-pesisir-2027/rencana.csv", roster)
    recall = Recall(DAY1, "Rapat pimpinan", nip=WULAN, source="panggilan.csv:2")
    made = check_plan(circular, roster.employees, rows, DAY1, DAY1, recalls=[recall])
    assert made.warnings == ()
    (wulan,) = [a for a in made if a.nip == WULAN]
    assert (wulan.eligible, wulan.mode, wulan.why, wulan.clause) == ("WFH", "WFO", Why.RECALL, None)
    assert dict(wulan.detail) == {
        "reason": "Rapat pimpinan",
        "recall": "panggilan.csv:2",
        "was": "WFH",
        "was_why": "plan",
    }
    plain = {a.nip: a for a in check_plan(circular, roster.employees, rows, DAY1, DAY1)}
    assert [a for a in made if a.nip != WULAN] == [a for a in plain.values() if a.nip != WULAN]


def test_every_violation_is_reported_with_its_clause(roster: Roster) -> None:
    # Loaded by a relative path, so the golden files name the rule file the same everywhere.
    circular = Circular.load("examples/kementerian-pesisir-2027/se-b-12-sj-kp-2027.edaran")
    rows, problems = read_plan(f"{DATA}/rencana-bad.csv", roster)
    assert problems == []
    made = check_plan(circular, roster.employees, rows, DAY1, DAY3)
    found = [(d.code, d.args.get("clause")) for d in made.warnings]
    assert found == [
        ("D083", "butir 2.a"),  # the head of unit planned at home: the rules keep him in
        ("D083", "butir 2"),  # WFA where the rules decide WFH
        ("D087", None),  # no such mode
        ("D084", "butir 3.a"),  # Biro Umum: 8 of 9 at home, at most 4
        ("D084", "butir 3.a"),  # Direktorat Pulau-Pulau Kecil: 7 of 8
        ("D083", "butir 3"),  # a port officer at home on day 3: public services stay in
    ]
    assert all(d.is_error for d in made.warnings)
    assert made.warnings[3].args["count"] == 8
    assert made.warnings[3].args["bound"] == 4
    # Nothing is settled: the rows that break nothing stand, the others keep the rules' mode.
    modes = {(a.nip, a.date): a.mode for a in made}
    assert modes[(HEAD, DAY1)] == "WFO"
    assert modes[(WULAN, DAY1)] == "WFH"
    for lang in ["id", "en"]:
        text = render_all(made.warnings, lang)  # type: ignore[arg-type]
        check_golden(f"schedule/plan-bad.{lang}.txt", text)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_bad_plan_rows(roster: Roster, lang: Lang) -> None:
    rows, problems = read_plan(f"{DATA}/rencana-rows-bad.csv", roster)
    assert [(d.code, d.span.line if d.span else None) for d in problems] == [
        ("D086", 2),
        ("D086", 3),
        ("D023", 4),
        ("D018", 5),
    ]
    assert rows == [PlanRow(dt.date(2027, 3, 17), "WFO", unit="BIRO_UMUM")]
    check_golden(f"schedule/plan-rows-bad.{lang}.txt", render_all(problems, lang))


def test_schedule_command_checks_a_plan() -> None:
    def run(plan: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "edaran", "schedule", str(RULES), "--roster",
             str(FOLDER / "roster"), "--from", "2027-03-16", "--to", "2027-03-16",
             "--plan", plan],
            capture_output=True, text=True, cwd=REPO, check=False,
        )  # fmt: skip

    good = run(str(FOLDER / "rencana.csv"))
    assert good.returncode == 0, good.stderr
    assert "dipilih pimpinan unit" in good.stdout
    bad = run(f"{DATA}/rencana-bad.csv")
    assert bad.returncode == 1
    assert "D084" in bad.stderr


def test_a_planned_person_over_a_personal_limit(roster: Roster, tmp_path: object) -> None:
    text = RULES.read_text(encoding="utf-8") + (
        '\nbatas butir 5 "WFH sehari per minggu":\n    WFH paling banyak 1 per pegawai per minggu\n'
    )
    circular = Circular.from_text(text, "uji.edaran")
    rows = [
        PlanRow(DAY1, "WFH", nip=WULAN, source="rencana.csv:2"),
        PlanRow(DAY1 + dt.timedelta(days=1), "WFH", nip=WULAN, source="rencana.csv:3"),
    ]
    made = check_plan(circular, roster.employees, rows, DAY1, DAY1 + dt.timedelta(days=1))
    over = [d for d in made.warnings if d.code == "D085"]
    assert [(d.args["source"], d.args["date"], d.args["limit"]) for d in over] == [
        ("rencana.csv:3", "2027-03-17", 1)
    ]
    assert over[0].message("en") == (
        "plan rencana.csv:3: WFH on 2027-03-17 goes over butir 5, "
        "at most 1 days per minggu per employee"
    )


# -- block limits and different people (Kota Teluk Damar) -------------------------------
TELUK = EXAMPLES / "kota-teluk-damar-2027"
#: butir 9 (for these tests): at most three different people of a unit WFH in a week
DISTINCT = (
    '\nbatas butir 9 "Paling banyak tiga orang berbeda bekerja dari rumah per unit per minggu":\n'
    "    WFH paling banyak 3 orang berbeda per unit per minggu\n"
)
YANTI, DEDI, MAYA, DEWI = (
    "197008031994122018",
    "197611232001121017",
    "198205172004122019",
    "199203012016122020",
)


@pytest.fixture(scope="module")
def teluk() -> tuple[Circular, Roster]:
    text = (TELUK / "se-800.1-45-BKPSDM-2027.edaran").read_text(encoding="utf-8") + DISTINCT
    circular = Circular.from_text(text, "uji.edaran")
    return circular, load_roster(TELUK / "roster", **circular.roster_classes())


def test_a_plan_breaking_a_block_or_different_people_is_reported(
    teluk: tuple[Circular, Roster],
) -> None:
    # Bagian Protokol (6 staff) plans its own days: one person before and after the
    # holiday (two blocks), one three days in a block of two, and four different people
    # at home in the week of 1-7 March where butir 9 allows three.
    circular, roster = teluk
    rows, problems = read_plan(f"{DATA}/rencana-blok-bad.csv", roster)
    assert problems == []
    made = check_plan(circular, roster.employees, rows, dt.date(2027, 3, 3), dt.date(2027, 3, 18))
    found = [(d.code, d.args.get("nip"), d.args.get("clause")) for d in made.warnings]
    assert found == [
        ("D107", YANTI, "butir 8"),
        ("D108", DEDI, "butir 8"),
        ("D109", None, "butir 9"),
    ]
    assert all(d.is_error for d in made.warnings)
    two, three, four = made.warnings
    assert (two.args["days"], two.args["source"]) == (
        "2027-03-03, 2027-03-16",
        f"{DATA}/rencana-blok-bad.csv:6",
    )
    assert (three.args["count"], three.args["limit"]) == (3, 2)
    assert four.args["nips"] == ", ".join([YANTI, DEDI, MAYA, DEWI])
    # Nothing is settled: the plan stands as the head of unit wrote it.
    modes = {(a.nip, a.date): a.mode for a in made}
    assert modes[(YANTI, dt.date(2027, 3, 16))] == "WFH"
    assert [modes[(DEDI, dt.date(2027, 3, d))] for d in (3, 4, 5)] == ["WFH"] * 3
    for lang in ["id", "en"]:
        text = render_all(made.warnings, lang)  # type: ignore[arg-type]
        check_golden(f"schedule/plan-blocks-bad.{lang}.txt", text)


def test_a_plan_within_the_block_and_different_people_passes(
    teluk: tuple[Circular, Roster],
) -> None:
    circular, roster = teluk
    unit = [PlanRow(dt.date(2027, 3, d), "WFO", unit="BAG_PROKOPIM") for d in (3, 4, 5, 16, 17)]
    rows = [
        *unit,
        PlanRow(dt.date(2027, 3, 3), "WFH", nip=YANTI, source="rencana.csv:7"),
        PlanRow(dt.date(2027, 3, 4), "WFH", nip=YANTI, source="rencana.csv:8"),
        PlanRow(dt.date(2027, 3, 4), "WFH", nip=DEDI, source="rencana.csv:9"),
        PlanRow(dt.date(2027, 3, 5), "WFH", nip=DEDI, source="rencana.csv:10"),
        PlanRow(dt.date(2027, 3, 16), "WFH", nip=MAYA, source="rencana.csv:11"),
        PlanRow(dt.date(2027, 3, 17), "WFH", nip=DEWI, source="rencana.csv:12"),
    ]
    made = check_plan(circular, roster.employees, rows, dt.date(2027, 3, 3), dt.date(2027, 3, 18))
    assert made.warnings == ()
    planned = Counter(a.mode for a in made if a.unit == "BAG_PROKOPIM" and a.why == Why.PLAN)
    assert planned == {"WFO": 24, "WFH": 6}


def test_a_planned_block_with_a_working_day_between_its_days_is_reported(
    teluk: tuple[Circular, Roster],
) -> None:
    # Two days of a block of two working days, but at the office on the day between.
    circular, roster = teluk
    unit = [PlanRow(dt.date(2027, 3, d), "WFO", unit="BAG_PROKOPIM") for d in (3, 4, 5, 16, 17)]
    rows = [
        *unit,
        PlanRow(dt.date(2027, 3, 3), "WFH", nip=MAYA, source="rencana.csv:7"),
        PlanRow(dt.date(2027, 3, 5), "WFH", nip=MAYA, source="rencana.csv:8"),
    ]
    made = check_plan(circular, roster.employees, rows, dt.date(2027, 3, 3), dt.date(2027, 3, 18))
    assert [(d.code, d.args.get("nip")) for d in made.warnings] == [("D110", MAYA)]
    (gap,) = made.warnings
    assert gap.message("en") == (
        f"plan rencana.csv:7: employee {MAYA} on {{WFH, WFA}} on 2027-03-03, 2027-03-05, "
        "but at work in another mode on 2027-03-04 between them; butir 8 gives one block of 2 "
        "consecutive working days per employee"
    )
    assert gap.is_error
    # On leave on the day between: not a gap.
    leave = [Absence(MAYA, dt.date(2027, 3, 4), dt.date(2027, 3, 4))]
    made = check_plan(
        circular, roster.employees, rows, dt.date(2027, 3, 3), dt.date(2027, 3, 18), absences=leave
    )
    assert made.warnings == ()
    # The plan is judged as handed in: a recall on the middle day of three is no gap,
    # and the three days are one more than the block holds.
    called = [Recall(dt.date(2027, 3, 4), "Rapat", nip=MAYA, source="panggilan.csv:2")]
    with_day = [*rows, PlanRow(dt.date(2027, 3, 4), "WFH", nip=MAYA, source="rencana.csv:9")]
    made = check_plan(
        circular, roster.employees, with_day, dt.date(2027, 3, 3), dt.date(2027, 3, 18),
        recalls=called,
    )  # fmt: skip
    assert [d.code for d in made.warnings] == ["D108"]  # three days planned in a block of two
    assert {(a.date.day, a.mode, a.why) for a in made if a.nip == MAYA and a.date.day < 6} == {
        (3, "WFH", Why.PLAN),
        (4, "WFO", Why.RECALL),
        (5, "WFH", Why.PLAN),
    }


def test_units_a_plan_does_not_cover_keep_their_blocks_and_different_people(
    teluk: tuple[Circular, Roster],
) -> None:
    # The units without a row are scheduled as always: their blocks and butir 9 hold.
    circular, roster = teluk
    first, last = dt.date(2027, 3, 3), dt.date(2027, 3, 18)
    rows = [PlanRow(first, "WFO", unit="BAG_PROKOPIM")]
    made = check_plan(circular, roster.employees, rows, first, last)
    plain = {(a.nip, a.date): a for a in schedule(circular, roster.employees, first, last)}
    others = [a for a in made if a.unit != "BAG_PROKOPIM"]
    assert others == [plain[(a.nip, a.date)] for a in others]
    assert Counter(a.why for a in others)[Why.PERSON_LIMIT] > 0
