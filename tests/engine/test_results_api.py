"""The Python API of results: to_dict() is the command's JSON; notebooks, DataFrames, provenance.

``to_dict()`` of a decision, an explanation, a schedule and each domain's
result is compared with what the command prints as JSON for the same input.
pandas and Polars are never dependencies: each conversion is tested when the
library is installed, and its clear ``ImportError`` when it is not.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

import edaran
from edaran.cli import main
from edaran.io.publish import PROVENANCE_KEYS, companion_path, provenance
from paths import DATA, REFERENCE, REPO
from schemas import validate

ROSTER = DATA / "roster-small"
QUOTA = DATA / "quota"
CITRA = "197203152000121001"


@pytest.fixture(scope="module")
def circular() -> edaran.Circular:
    return edaran.Circular.load(REFERENCE)


@pytest.fixture(scope="module")
def roster() -> edaran.Roster:
    return edaran.load_roster(ROSTER)


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    main(list(argv))
    return capsys.readouterr().out


# ---------------------------------------------------------------- to_dict is the command's JSON
def test_decision_and_explanation(
    circular: edaran.Circular, roster: edaran.Roster, capsys: pytest.CaptureFixture[str]
) -> None:
    person = roster.by_nip(CITRA)
    assert person is not None
    day = dt.date(2026, 4, 10)
    out = cli(
        capsys, "explain", "--lang", "en", str(REFERENCE), "--roster", str(ROSTER),
        "--nip", CITRA, "--date", day.isoformat(), "--format", "json",
    )  # fmt: skip
    explanation = circular.explain(person, day)
    assert explanation.to_dict("en") == json.loads(out)
    assert explanation.to_dict("en")["decision"] == circular.decide(person, day).to_dict("en")
    validate(explanation.to_dict(), "explain")
    assert list(explanation.to_dict()["provenance"]) == list(PROVENANCE_KEYS)


def test_schedule_quota_report(capsys: pytest.CaptureFixture[str]) -> None:
    rules = edaran.Circular.load(QUOTA / "se.edaran")
    staff = edaran.load_roster(QUOTA / "roster")
    made = edaran.schedule(rules, staff.employees, dt.date(2026, 4, 6), dt.date(2026, 4, 10))
    out = cli(
        capsys, "schedule", str(QUOTA / "se.edaran"), "--roster", str(QUOTA / "roster"),
        "--from", "2026-04-06", "--to", "2026-04-10", "--format", "json",
    )  # fmt: skip
    assert made.to_dict() == json.loads(out)
    assert {a["name"] for a in made.to_dict(without_names=True)["assignments"]} == {None}
    costs, _ = edaran.read_records(QUOTA / "biaya.csv", "biaya", roster=staff)
    report = edaran.savings_report(rules, staff, costs)
    out = cli(
        capsys, "report", str(QUOTA / "se.edaran"), "--roster", str(QUOTA / "roster"),
        "--biaya", str(QUOTA / "biaya.csv"), "--format", "json",
    )  # fmt: skip
    assert report.to_dict() == json.loads(out)
    quotas = edaran.run_quotas(rules, staff)
    validate(quotas.to_dict("en"), "quota")


def test_discipline(capsys: pytest.CaptureFixture[str], circular: edaran.Circular) -> None:
    folder = DATA / "contacts"
    staff = edaran.load_roster(folder / "roster")
    log, _ = edaran.read_contacts(folder / "kontak.csv", roster=staff, tz=_wib())
    result = edaran.run_discipline(circular, staff.employees, log)
    out = cli(
        capsys, "discipline", str(REFERENCE), "--roster", str(folder / "roster"),
        "--contacts", str(folder / "kontak.csv"), "--format", "json",
    )  # fmt: skip
    names = {e.nip: e.nama for e in staff.employees}
    assert result.to_dict(names=names, contacts=log) == json.loads(out)


def _wib() -> dt.tzinfo:
    from zoneinfo import ZoneInfo

    return ZoneInfo("Asia/Jakarta")


# ---------------------------------------------------------------- notebooks
def test_repr_html_escapes_and_shows_the_result(
    circular: edaran.Circular, roster: edaran.Roster
) -> None:
    person = roster.by_nip(CITRA)
    assert person is not None
    decision = circular.decide(person, dt.date(2026, 4, 10))
    html = decision._repr_html_()
    assert html.startswith("<table>") and "butir 12.a" in html
    explanation = circular.explain(person, dt.date(2026, 4, 10))
    assert "butir 11" in explanation._repr_html_()
    made = edaran.schedule(circular, roster.employees, dt.date(2026, 4, 6), dt.date(2026, 4, 6))
    shown = made._repr_html_()
    assert "<caption>Schedule</caption>" in shown and "800.1/1230/BKD.I/2026" in shown
    assert "<th>nip</th>" in shown
    hostile = edaran.Decision("1", dt.date(2026, 4, 6), "moda_kerja", "WFO", "rule", note="<b>")
    assert "<b>" not in hostile._repr_html_() and "&lt;b&gt;" in hostile._repr_html_()


# ---------------------------------------------------------------- DataFrames, never dependencies
@pytest.mark.parametrize("library", ["pandas", "polars"])
def test_frames_when_installed_and_a_clear_error_when_not(
    library: str, circular: edaran.Circular, roster: edaran.Roster
) -> None:
    made = edaran.schedule(circular, roster.employees, dt.date(2026, 4, 6), dt.date(2026, 4, 10))
    convert = made.to_pandas if library == "pandas" else made.to_polars
    if importlib.util.find_spec(library) is None:
        with pytest.raises(ImportError, match=f"pip install {library}"):
            convert()
        return
    frame = convert()
    assert frame.shape == (len(made.assignments), 11)
    assert list(frame.columns)[:4] == ["nip", "name", "unit", "date"]
    assert sorted(frame["nip"].to_list() if library == "polars" else list(frame["nip"])) == sorted(
        a.nip for a in made.assignments
    )
    with pytest.raises(ValueError, match="part must be one of assignments"):
        convert("lines")


def test_the_error_names_the_missing_library(monkeypatch: pytest.MonkeyPatch) -> None:
    # A library that cannot be installed here stands for an absent pandas.
    from edaran.io.publish import to_frame

    with pytest.raises(ImportError) as caught:
        to_frame([{"a": 1}], "tidak_ada_pustaka_ini")
    assert "pip install tidak_ada_pustaka_ini" in str(caught.value)
    monkeypatch.setenv("EDARAN_LANG", "en")
    with pytest.raises(ImportError, match="which is not installed"):
        to_frame([{"a": 1}], "tidak_ada_pustaka_ini")


# ---------------------------------------------------------------- provenance outside JSON
def test_workbooks_carry_the_provenance_on_their_first_sheet(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "jadwal.xlsx"
    main([
        "schedule", str(QUOTA / "se.edaran"), "--roster", str(QUOTA / "roster"),
        "--from", "2026-04-06", "--to", "2026-04-10", "--format", "xlsx", "--output", str(target),
    ])  # fmt: skip
    capsys.readouterr()
    sheet = load_workbook(target, read_only=True).worksheets[0]
    cells = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    rows = {r[0]: r[1] for r in cells if r and r[0] in PROVENANCE_KEYS}
    expected = provenance(edaran.Circular.load(QUOTA / "se.edaran"))
    assert rows == {k: v or "" for k, v in expected.items()}


def test_csv_files_get_a_provenance_companion(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    target = tmp_path / "kuota.csv"
    main([
        "quota", str(QUOTA / "se.edaran"), "--roster", str(QUOTA / "roster"),
        "--perjalanan", str(QUOTA / "perjalanan.csv"), "--format", "csv", "--output", str(target),
    ])  # fmt: skip
    capsys.readouterr()
    companion = json.loads(companion_path(target).read_text(encoding="utf-8"))
    assert companion == {"provenance": provenance(edaran.Circular.load(QUOTA / "se.edaran"))}
    assert not io.StringIO(target.read_text(encoding="utf-8")).readline().startswith("#")
