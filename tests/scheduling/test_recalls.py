"""Recalls (``panggilan.csv``): a person or a unit called to the office on a remote day.

The reader keeps every valid row and reports every bad one with its line and
column; the scheduler turns a recalled remote day into WFO with the recall's
reason, after every limit; the writers, ``edaran explain`` and the discipline
engine all see the day as an office day.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from edaran.core import Diagnostic, render_all
from edaran.discipline import Skipped, run_discipline
from edaran.engine import Circular
from edaran.io import Roster, load_roster, read_absences
from edaran.io.presence import read_recalls
from edaran.messages import Lang
from edaran.model import Channel, Contact, Recall
from edaran.scheduling import Why, schedule
from edaran.scheduling.ics import calendars
from edaran.scheduling.presentation import assignment_reason
from edaran.scheduling.writers import write_csv
from golden import check_golden
from paths import REPO

DATA = "tests/data/schedule"
ROSTER = f"{DATA}/roster"
RULES = f"{DATA}/jadwal.edaran"
LANGS: list[Lang] = ["id", "en"]

ANDI = "197501012000031001"  # BAPPEDA, on leave 9-10 April
SRI = "199004042019032003"  # BAPPEDA, WFH on Friday 10 April
AHMAD = "198001012005011001"  # BPKAD
RIZKY = "199211302019031002"  # UPTB_ASET, under BPKAD
HENDRA = "199612252020121002"  # RSUD_SF: public service, always WFO
FRI = dt.date(2026, 4, 10)
NEXT_FRI = dt.date(2026, 4, 17)


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("EDARAN_LANG", raising=False)


@pytest.fixture(scope="module")
def roster() -> Roster:
    return load_roster(REPO / ROSTER)


@pytest.fixture(scope="module")
def circular() -> Circular:
    return Circular.load(REPO / RULES)


def _codes(found: list[Diagnostic]) -> list[tuple[str, int | None]]:
    return [(d.code, d.span.line if d.span else None) for d in found]


# ------------------------------------------------------------------ reading
def test_recalls_good_rows(roster: Roster) -> None:
    recalls, found = read_recalls(f"{DATA}/panggilan.csv", roster)
    assert found == []
    assert recalls == [
        Recall(FRI, "Rapat koordinasi darurat", nip=SRI),
        Recall(NEXT_FRI, "Pemeriksaan BPK", unit="BPKAD"),
    ]
    # where each was written, never whom it names
    assert [r.source for r in recalls] == [f"{DATA}/panggilan.csv:2", f"{DATA}/panggilan.csv:3"]


def test_recalls_with_english_headers_and_day_first_dates(roster: Roster) -> None:
    recalls, found = read_recalls(f"{DATA}/panggilan-en.csv", roster)
    assert found == []
    assert recalls == [Recall(FRI, "Urgent coordination meeting", nip=SRI)]


def test_recalls_bad_rows_are_each_reported_and_the_good_kept(roster: Roster) -> None:
    recalls, found = read_recalls(f"{DATA}/panggilan-bad.csv", roster)
    assert _codes(found) == [
        ("D080", 2),  # a person and a unit
        ("D080", 3),  # neither
        ("D081", 4),  # no reason
        ("D023", 5),  # an unknown unit
        ("D041", 6),  # a NIP in no roster
        ("D018", 7),  # 31 April
    ]
    assert found[3].suggestions == ("BPKAD",)
    assert recalls == [Recall(NEXT_FRI, "Baris baik", nip=AHMAD)]
    for lang in LANGS:
        check_golden(f"schedule/recalls-bad.{lang}.txt", render_all(found, lang))


def test_recall_file_without_nip_or_unit_column(tmp_path: Path, roster: Roster) -> None:
    path = tmp_path / "panggilan.csv"
    path.write_text("tanggal,alasan\n2026-04-10,Rapat\n", encoding="utf-8")
    recalls, found = read_recalls(path, roster)
    assert recalls == []
    assert _codes(found) == [("D080", 1)]


def test_recalls_and_plans_from_a_workbook_read_as_the_csv_does(
    tmp_path: Path, roster: Roster
) -> None:
    """The same rows in a sheet: the good kept, the bad reported by row and column."""
    import openpyxl

    from edaran.io.presence import read_plan

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Panggilan"
    sheet.append(["NIP", "Unit", "Tanggal", "Alasan"])
    sheet.append([AHMAD, None, NEXT_FRI, "Baris baik"])
    sheet.append([None, "BPKADD", NEXT_FRI, "Unit salah"])
    sheet.append([float(AHMAD), None, NEXT_FRI, "NIP sebagai angka"])
    plan = book.create_sheet("Rencana")
    plan.append(["nip", "unit", "tanggal", "moda"])
    plan.append([None, "BAPPEDA", NEXT_FRI, "WFO"])
    path = tmp_path / "hadir.xlsx"
    book.save(path)
    recalls, found = read_recalls(f"{path}#Panggilan", roster)
    assert recalls == [Recall(NEXT_FRI, "Baris baik", nip=AHMAD)]
    assert [
        (d.code, d.span.line if d.span else 0, d.span.column if d.span else 0) for d in found
    ] == [
        ("D023", 3, 2),  # an unknown unit, in column B
        ("D041", 4, 1),  # a NIP Excel stored as a number: its last digits are lost
    ]
    assert found[0].suggestions == ("BPKAD",)
    rows, problems = read_plan(f"{path}#Rencana", roster)
    assert problems == []
    assert [(r.unit, r.date, r.mode) for r in rows] == [("BAPPEDA", NEXT_FRI, "WFO")]
    missing, problems = read_recalls(f"{path}#Maret", roster)
    assert (missing, [d.code for d in problems]) == ([], ["D070"])


# --------------------------------------------------------------- scheduling
def test_a_recalled_person_works_at_the_office_with_the_reason(
    circular: Circular, roster: Roster
) -> None:
    recalls, _ = read_recalls(f"{DATA}/panggilan.csv", roster)
    plain = schedule(circular, roster.employees, FRI, FRI)
    made = schedule(circular, roster.employees, FRI, FRI, recalls=recalls)
    before = {a.nip: a for a in plain}
    (sri,) = [a for a in made if a.nip == SRI]
    assert before[SRI].mode == "WFH"
    assert (sri.eligible, sri.mode, sri.why) == ("WFH", "WFO", Why.RECALL)
    assert sri.clause is None
    assert sri.detail["reason"] == "Rapat koordinasi darurat"
    assert sri.detail["was"] == "WFH"
    assert assignment_reason(sri, "id") == (
        "dipanggil ke kantor (semula WFH): Rapat koordinasi darurat"
    )
    assert assignment_reason(sri, "en") == (
        "called to the office (instead of WFH): Rapat koordinasi darurat"
    )
    # Nobody else changes.
    others = [a for a in made if a.nip != SRI]
    assert others == [before[a.nip] for a in others]


def test_a_unit_recall_calls_the_unit_and_the_units_under_it(
    circular: Circular, roster: Roster
) -> None:
    recalls = [Recall(NEXT_FRI, "Pemeriksaan BPK", unit="BPKAD")]
    made = schedule(circular, roster.employees, NEXT_FRI, NEXT_FRI, recalls=recalls)
    by_unit = {(a.unit, a.mode) for a in made if a.unit in ("BPKAD", "UPTB_ASET")}
    assert {mode for _, mode in by_unit} == {"WFO"}
    recalled = {a.nip for a in made if a.why == Why.RECALL}
    assert RIZKY in recalled  # UPTB_ASET is under BPKAD
    # BAPPEDA is not called: its Friday WFH stays.
    assert any(a.unit == "BAPPEDA" and a.mode == "WFH" for a in made)


def test_recalls_are_not_applied_on_days_off_or_leave(circular: Circular, roster: Roster) -> None:
    recalls, found = read_recalls(f"{DATA}/panggilan-skip.csv", roster)
    assert found == []
    absences, _ = read_absences(f"{DATA}/cuti.csv", roster)
    first, last = dt.date(2026, 4, 3), dt.date(2026, 4, 11)
    made = schedule(circular, roster.employees, first, last, absences=absences, recalls=recalls)
    assert not [a for a in made if a.why == Why.RECALL]
    warnings = [d for d in made.warnings if d.code == "D082"]
    assert [d.args["date"] for d in warnings] == ["2026-04-03", "2026-04-09", "2026-04-11"]
    for lang in LANGS:
        check_golden(f"schedule/recalls-skipped.{lang}.txt", render_all(warnings, lang))


def test_the_reason_appears_in_csv_and_calendar(circular: Circular, roster: Roster) -> None:
    recalls, _ = read_recalls(f"{DATA}/panggilan.csv", roster)
    made = schedule(circular, roster.employees, FRI, FRI, recalls=recalls)
    out = io.StringIO()
    write_csv(made, out, "id")
    (row,) = [line for line in out.getvalue().splitlines() if line.startswith(SRI)]
    assert row.endswith(",WFH,WFO,dipanggil ke kantor (semula WFH): Rapat koordinasi darurat,")
    files = dict(calendars(made, "person", "en"))
    text = files[f"{SRI}.ics"].decode()
    assert "SUMMARY:WFO" in text
    assert "Rapat koordinasi darurat" in text.replace("\r\n ", "")
    # The UID is the day's: an imported WFH event of that day is replaced.
    assert f"UID:{SRI}-20260410@edaran" in text


def test_the_discipline_engine_sees_a_recalled_day_as_an_office_day(
    circular: Circular, roster: Roster
) -> None:
    text = (REPO / RULES).read_text(encoding="utf-8") + (
        '\nkewajiban butir 10.b "Dapat dihubungi":\n    pada moda {WFH}\n'
        '\npelanggaran butir 10.d "Tidak menjawab":\n    jika tidak kontak.terjawab\n'
    )
    with_duty = Circular.from_text(text, "uji.edaran")
    sent = dt.datetime(2026, 4, 10, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    contacts = [Contact("k1", SRI, "atasan", Channel.PANGGILAN, sent, None, None)]
    recalls = [Recall(FRI, "Rapat koordinasi darurat", nip=SRI)]
    for use_schedule in (True, False):
        plain = run_discipline(with_duty, roster.employees, contacts, use_schedule=use_schedule)
        assert [b.rule for b in plain.breaches] == ["butir 10.d"]
        recalled = run_discipline(
            with_duty, roster.employees, contacts, use_schedule=use_schedule, recalls=recalls
        )
        assert recalled.breaches == ()
        assert recalled.skipped == {Skipped.NOT_ON_DUTY: 1}


def _edaran(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "edaran", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )


def test_schedule_and_explain_commands_read_recalls() -> None:
    done = _edaran(
        "schedule", RULES, "--roster", ROSTER, "--from", "2026-04-10", "--to", "2026-04-10",
        "--recalls", f"{DATA}/panggilan.csv",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "dipanggil ke kantor (semula WFH): Rapat koordinasi darurat" in done.stdout
    done = _edaran(
        "explain", RULES, "--roster", ROSTER, "--nip", SRI, "--date", "2026-04-10",
        "--recalls", f"{DATA}/panggilan.csv", "--format", "json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    recall = json.loads(done.stdout)["recall"]
    assert recall == {
        "reason": "Rapat koordinasi darurat",
        "source": f"{DATA}/panggilan.csv:2",
        "was": "WFH",
        "mode": "WFO",
    }
    done = _edaran(
        "explain", RULES, "--roster", ROSTER, "--nip", SRI, "--date", "2026-04-10",
        "--recalls", f"{DATA}/panggilan.csv", "--lang", "en",
    )  # fmt: skip
    assert done.stdout.splitlines()[-1] == (
        f"Called to the office ({DATA}/panggilan.csv:2): Rapat koordinasi darurat; "
        "today's mode is WFO, not WFH"
    )
    bad = _edaran(
        "schedule", RULES, "--roster", ROSTER, "--from", "2026-04-10", "--to", "2026-04-10",
        "--recalls", f"{DATA}/panggilan-bad.csv",
    )  # fmt: skip
    assert bad.returncode == 1
    assert "D080" in bad.stderr


# ------------------------------------------------------------------ decide
def test_apply_recalls_turns_a_remote_day_into_the_office_with_the_recall(
    circular: Circular, roster: Roster
) -> None:
    from edaran.engine.decision import Status
    from edaran.scheduling import apply_recalls

    recalls = [
        Recall(NEXT_FRI, "Pemeriksaan BPK", unit="BPKAD", source="panggilan.csv:3"),
        Recall(dt.date(2026, 4, 11), "Sabtu", nip=SRI, source="panggilan.csv:4"),
    ]
    people = {e.nip: e for e in roster.employees}
    plain = list(circular.decide_many(roster.employees, NEXT_FRI, dt.date(2026, 4, 18)))
    made = list(apply_recalls(plain, recalls, people))
    changed = [(d.nip, d.date) for d, p in zip(made, plain, strict=True) if d != p]
    # BPKAD and UPTB_ASET under it, on the Friday only: the Saturday is a day off.
    assert sorted(changed) == sorted(
        (e.nip, NEXT_FRI) for e in roster.employees if e.unit.kode in ("BPKAD", "UPTB_ASET")
    )
    (rizky,) = [d for d in made if d.nip == RIZKY and d.date == NEXT_FRI]
    assert (rizky.value, rizky.status, rizky.was, rizky.rule, rizky.clause) == (
        "WFO", Status.RECALL, "WFH", None, None,
    )  # fmt: skip
    assert rizky.recall == recalls[0]
    assert rizky.reason("en") == (
        "Called to the office (panggilan.csv:3): Pemeriksaan BPK; today's mode is WFO, not WFH"
    )
    assert rizky.to_dict("id")["recall"] == {
        "reason": "Pemeriksaan BPK",
        "source": "panggilan.csv:3",
        "was": "WFH",
        "mode": "WFO",
    }
    assert "recall" not in plain[0].to_dict("id")


def test_decide_command_reads_recalls(capsys: pytest.CaptureFixture[str]) -> None:
    from edaran.cli import main
    from schemas import validate

    common = ["decide", RULES, "--roster", ROSTER, "--from", "2026-04-10"]
    recalls = ["--recalls", f"{DATA}/panggilan.csv"]
    assert main([*common, *recalls]) == 0
    out, _ = capsys.readouterr()
    (row,) = [line for line in out.splitlines() if line.startswith(SRI)]
    assert row == (
        f'{SRI},BAPPEDA,2026-04-10,WFO,,"Dipanggil ke kantor ({DATA}/panggilan.csv:2): '
        'Rapat koordinasi darurat; moda hari ini WFO, bukan WFH"'
    )
    # Nobody else changes.
    assert main(common) == 0
    plain, _ = capsys.readouterr()
    assert [line for line in plain.splitlines() if not line.startswith(SRI)] == [
        line for line in out.splitlines() if not line.startswith(SRI)
    ]
    assert main([*common, *recalls, "--format", "json", "--lang", "en", "--nip", SRI]) == 0
    data = json.loads(capsys.readouterr()[0])
    validate(data, "decide")
    (decision,) = data["decisions"]
    assert (decision["value"], decision["status"], decision["clause"]) == ("WFO", "recall", None)
    assert decision["recall"] == {
        "reason": "Rapat koordinasi darurat",
        "source": f"{DATA}/panggilan.csv:2",
        "was": "WFH",
        "mode": "WFO",
    }
    assert main([*common, *recalls, "--format", "jsonl", "--nip", SRI]) == 0
    line = json.loads(capsys.readouterr()[0])
    assert (line["mode"], line["clause"]) == ("WFO", None)
    assert line["reason"].startswith("Dipanggil ke kantor")
    # DuckDB and Spark do not read recalls: a usage error, not a silent WFH.
    assert main([*common, *recalls, "--engine", "duckdb", "--lang", "en"]) == 2
    assert capsys.readouterr()[1] == (
        "--recalls are applied by the python engine; the duckdb engine does not read recalls"
        " (drop --engine or use --engine python)\n"
    )
    # A bad recall file is reported by row, and nothing is decided.
    assert main([*common, "--recalls", f"{DATA}/panggilan-bad.csv"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("D080") == 2 and "panggilan-bad.csv:4" in err
