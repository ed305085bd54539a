"""Schedules carry the working hours of each day when the rule file gives ``jam_kerja``:
a CSV column, a JSON field, timed iCalendar events in the file's zone, Excel cells."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pytest

from edaran.engine import Circular
from edaran.io import load_roster
from edaran.scheduling import schedule, write_csv, write_ics, write_json, write_xlsx
from paths import EXAMPLES
from schemas import validate

FOLDER = EXAMPLES / "kab-bukit-selasih-2027"
RULES = FOLDER / "se-800.1-88-BKPSDM-2027.edaran"
WED, FRI = dt.date(2027, 2, 10), dt.date(2027, 2, 12)  # Ramadan: WFH days for support units


@pytest.fixture(scope="module")
def made() -> object:
    roster = load_roster(FOLDER / "roster")
    staff = [e for e in roster.employees if e.unit.kode == "BKPSDM"]
    return schedule(Circular.load(RULES), staff, WED, FRI)


def test_assignments_carry_the_hours_of_their_day(made: object) -> None:
    by_day = {a.date: a for a in made.assignments if a.mode == "WFH"}  # type: ignore[attr-defined]
    assert str(by_day[WED].hours.end) == "15:00:00"
    assert str(by_day[FRI].hours.end) == "15:30:00"
    assert made.zone == "WITA"  # type: ignore[attr-defined]


def test_csv_has_a_working_hours_column(made: object) -> None:
    out = io.StringIO()
    write_csv(made, out, "en")  # type: ignore[arg-type]
    lines = out.getvalue().splitlines()
    assert lines[0].endswith(",clause,working_hours")
    friday = [line for line in lines if ",2027-02-12,WFH,WFH," in line]
    assert friday and friday[0].endswith(",butir 2,08:00-15:30 (break 11:30-12:30)")


def test_json_has_the_hours_as_data(made: object) -> None:
    out = io.StringIO()
    write_json(made, out, "id")  # type: ignore[arg-type]
    data = json.loads(out.getvalue())
    validate(data, "schedule")
    hours = {a["date"]: a["hours"] for a in data["assignments"] if a["mode"] == "WFH"}
    assert hours["2027-02-10"] == {
        "start": "08:00",
        "end": "15:00",
        "breaks": [["12:00", "12:30"]],
        "effective": "390 menit",
    }


def test_calendar_events_start_and_end_at_the_working_hours(made: object, tmp_path: Path) -> None:
    paths = write_ics(made, tmp_path, "person", "id")  # type: ignore[arg-type]
    text = next(p for p in paths if "TZID" in p.read_text()).read_text()
    assert "BEGIN:VTIMEZONE\nTZID:Asia/Makassar" in text
    assert "DTSTART;TZID=Asia/Makassar:20270212T080000" in text
    assert "DTEND;TZID=Asia/Makassar:20270212T153000" in text
    assert "DTSTART;VALUE=DATE" not in text


def test_excel_cells_show_mode_and_hours(made: object, tmp_path: Path) -> None:
    path = write_xlsx(made, tmp_path / "jadwal.xlsx", "id")  # type: ignore[arg-type]
    book = openpyxl.load_workbook(path)
    values = {c.value for ws in book.worksheets for row in ws.iter_rows() for c in row}
    assert "WFH 08:00-15:30" in values and "WFO 08:00-15:00" in values
