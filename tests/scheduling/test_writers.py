"""Publishing schedules: CSV, JSON, Excel, iCalendar and the terminal summary.

The schedule is built by hand (three units, six people, two weeks with a
weekend and a holiday, assignments kept back by a cap, a personal limit and
a floor, a day on leave, one warning), so these tests do not depend on the
scheduler.  Text outputs are golden files in both languages
(``tests/golden/schedule/``, refreshed with ``pytest --update-golden``);
the workbook is read back with openpyxl, not compared by bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from edaran.core import Diagnostic, EdaranError, Severity
from edaran.io import require_format
from edaran.messages import Lang
from edaran.scheduling import (
    Assignment,
    Schedule,
    Why,
    assignment_reason,
    summary_text,
    write_csv,
    write_ics,
    write_json,
    write_xlsx,
)
from golden import check_golden, check_golden_json

FIRST = dt.date(2026, 3, 30)  # a Monday
LAST = dt.date(2026, 4, 12)  # a Sunday: two weeks
HOLIDAY = dt.date(2026, 4, 3)  # Good Friday
UNITS = {
    "BPKAD": "Badan Pengelolaan Keuangan dan Aset Daerah",
    "BAPPEDA": "Badan Perencanaan Pembangunan Daerah",
    "DINKES": "Dinas Kesehatan",
}
PEOPLE = [
    ("198001012005011001", "Ahmad Fauzi", "BPKAD"),
    ("198502152010012002", "Siti Rahmawati", "BPKAD"),
    ("199003202015031003", "Budi Santoso", "BPKAD"),
    ("197807142003122001", "Dewi Lestari", "BAPPEDA"),
    ("199211302019031002", "Rizky Pratama", "BAPPEDA"),
    ("198709092012122001", "Nur Aisyah", "DINKES"),
]
AHMAD, SITI, BUDI, DEWI, RIZKY, NUR = (nip for nip, _, _ in PEOPLE)
NAMES = {nip: name for nip, name, _ in PEOPLE}

SELECTIVE = ("butir 6", "WFH selektif unit pendukung")
FRIDAY = ("butir 2", "WFH setiap hari Jumat")
ON_SITE = ("butir 1", "Hari kerja di kantor")
SERVICE = ("butir 12", "Perangkat daerah yang tetap WFO")
CAP = "butir 4"

# (nip, date) -> the assignment that is not the ordinary one.
_D = dt.date
_SPECIAL: dict[tuple[str, dt.date], dict[str, Any]] = {
    # BPKAD: selective WFH on Wednesdays and Fridays, at most 1 of 3 a day (butir 4).
    (AHMAD, _D(2026, 4, 1)): {"eligible": "WFH", "mode": "WFH", "rule": SELECTIVE},
    (SITI, _D(2026, 4, 1)): {
        "eligible": "WFH",
        "why": Why.CAP,
        "detail": {"limit": 1, "count": 1, "headcount": 3, "turn": 2, "period_days": 0},
    },
    (BUDI, _D(2026, 4, 1)): {
        "eligible": "WFH",
        "why": Why.CAP,
        "detail": {"limit": 1, "count": 1, "headcount": 3, "turn": 3, "period_days": 0},
    },
    (SITI, _D(2026, 4, 8)): {"eligible": "WFH", "mode": "WFH", "rule": SELECTIVE},
    (BUDI, _D(2026, 4, 8)): {
        "eligible": "WFH",
        "why": Why.CAP,
        "detail": {"limit": 1, "count": 1, "headcount": 3, "turn": 2, "period_days": 0},
    },
    (AHMAD, _D(2026, 4, 8)): {
        "eligible": "WFH",
        "why": Why.CAP,
        "detail": {"limit": 1, "count": 1, "headcount": 3, "turn": 3, "period_days": 1},
    },
    (BUDI, _D(2026, 4, 10)): {"eligible": "WFH", "mode": "WFH", "rule": SELECTIVE},
    (SITI, _D(2026, 4, 10)): {
        "eligible": "WFH",
        "why": Why.PERSON_LIMIT,
        "rule": ("butir 6", "Paling banyak satu hari WFH per minggu"),
        "detail": {"limit": 1, "count": 1, "window": "minggu"},
    },
    (AHMAD, _D(2026, 4, 10)): {
        "eligible": "WFH",
        "why": Why.CAP,
        "detail": {"limit": 1, "count": 1, "headcount": 3, "turn": 2, "period_days": 1},
    },
    # BAPPEDA: WFH on Fridays, at least 1 of 2 on site; field work on WFA; a leave.
    (DEWI, _D(2026, 4, 10)): {"eligible": "WFH", "mode": "WFH", "rule": FRIDAY},
    (RIZKY, _D(2026, 4, 10)): {
        "eligible": "WFH",
        "why": Why.FLOOR,
        "detail": {"limit": 1, "count": 0, "headcount": 2, "turn": 2, "period_days": 0},
    },
    (RIZKY, _D(2026, 4, 9)): {
        "eligible": "WFA",
        "mode": "WFA",
        "rule": ("butir 7", "WFA bagi pegawai tugas lapangan"),
    },
    (DEWI, _D(2026, 4, 6)): {"mode": "CUTI", "why": Why.ABSENT, "detail": {"note": "cuti tahunan"}},
    (DEWI, _D(2026, 4, 7)): {"mode": "CUTI", "why": Why.ABSENT, "detail": {"note": "cuti tahunan"}},
}


def _assignment(nip: str, name: str, unit: str, day: dt.date) -> Assignment:
    if day.weekday() >= 5 or day == HOLIDAY:
        note = {5: "SABTU", 6: "MINGGU"}.get(day.weekday(), "Wafat Yesus Kristus")
        return Assignment(nip, name, unit, day, "LIBUR", "LIBUR", detail={"note": note})
    # As the scheduler records them: ``rule`` is the rule's id, its title is in the detail.
    clause, title = SERVICE if unit == "DINKES" else ON_SITE
    special = _SPECIAL.get((nip, day))
    if special is None:
        detail = {"title": title}
        return Assignment(
            nip, name, unit, day, "WFO", "WFO", clause=clause, rule=clause, detail=detail
        )
    why = special.get("why", Why.ELIGIBLE)
    if why in (Why.CAP, Why.FLOOR):
        clause, title = CAP, ""
    if "rule" in special:
        clause, title = special["rule"]
    detail = special.get("detail", {"title": title})
    return Assignment(
        nip,
        name,
        unit,
        day,
        special.get("eligible", "WFO"),
        special.get("mode", "WFO"),
        why=why,
        clause=clause,
        rule=clause,
        detail=detail,
    )


def _warning() -> Diagnostic:
    # The scheduler's warning for a floor above the headcount; its args name the unit.
    args = {
        "unit": "DINKES",
        "date": "2026-04-10",
        "clause": "butir 4",
        "required": 2,
        "headcount": 1,
        "mode": "WFO",
    }
    return Diagnostic("W401", None, args, severity=Severity.WARNING)


def make_schedule() -> Schedule:
    """Three units, six people, two weeks: the schedule every test here publishes."""
    days = [FIRST + dt.timedelta(days=i) for i in range((LAST - FIRST).days + 1)]
    order = {code: i for i, code in enumerate(UNITS)}
    people = sorted(PEOPLE, key=lambda p: (order[p[2]], p[0]))
    assignments = tuple(
        _assignment(nip, name, unit, day) for day in days for nip, name, unit in people
    )
    return Schedule(FIRST, LAST, assignments, UNITS, (_warning(),))


@pytest.fixture(scope="module")
def schedule() -> Schedule:
    return make_schedule()


LANGS: list[Lang] = ["id", "en"]


def _csv(schedule: Schedule, lang: Lang) -> str:
    out = io.StringIO(newline="")
    write_csv(schedule, out, lang)
    return out.getvalue()


def _json(schedule: Schedule, lang: Lang) -> str:
    out = io.StringIO(newline="")
    write_json(schedule, out, lang)
    return out.getvalue()


# ------------------------------------------------------------------ reasons
def _one(schedule: Schedule, nip: str, day: dt.date) -> Assignment:
    (found,) = [a for a in schedule.for_person(nip) if a.date == day]
    return found


def test_cap_reason_names_the_clause_quota_day_and_turn(schedule: Schedule) -> None:
    a = _one(schedule, AHMAD, _D(2026, 4, 10))
    assert assignment_reason(a, "id") == (
        "dibatasi butir 4: kuota WFH unit BPKAD 1 dari 3 pada 2026-04-10, sudah 1 WFH, "
        "giliran ke-2, sudah 1 hari WFH dalam periode"
    )
    assert assignment_reason(a, "en") == (
        "capped by butir 4: WFH quota of unit BPKAD is 1 of 3 on 2026-04-10, "
        "1 already on WFH, turn 2, 1 WFH day in the period so far"
    )


def test_reason_leaves_out_missing_detail() -> None:
    a = Assignment(AHMAD, "A", "BPKAD", _D(2026, 4, 10), "WFH", "WFO", why=Why.CAP)
    assert assignment_reason(a) == "dibatasi: kuota WFH unit BPKAD pada 2026-04-10"
    b = Assignment(AHMAD, "A", "BPKAD", _D(2026, 4, 10), "WFH", "WFO", why=Why.PERSON_LIMIT)
    assert assignment_reason(b, "en") == "limited: personal limit on WFH days"
    c = Assignment(AHMAD, "A", "BPKAD", _D(2026, 4, 10), "WFH", "WFO", why=Why.FLOOR)
    assert (
        assignment_reason(c, "en") == "kept on site: minimum staffing of unit BPKAD on 2026-04-10"
    )


def test_limit_floor_absent_and_day_off_reasons(schedule: Schedule) -> None:
    assert assignment_reason(_one(schedule, SITI, _D(2026, 4, 10)), "en") == (
        "limited by butir 6: at most 1 WFH day per week, 1 already"
    )
    assert assignment_reason(_one(schedule, RIZKY, _D(2026, 4, 10))) == (
        "tetap di kantor karena butir 4: paling sedikit 1 dari 2 pegawai unit BAPPEDA hadir "
        "pada 2026-04-10, baru 0 di kantor, giliran ke-2, sudah 0 hari WFH dalam periode"
    )
    assert assignment_reason(_one(schedule, DEWI, _D(2026, 4, 6))) == "tidak bertugas: cuti tahunan"
    assert assignment_reason(_one(schedule, NUR, HOLIDAY), "en") == "day off: Wafat Yesus Kristus"
    assert assignment_reason(_one(schedule, NUR, _D(2026, 4, 4)), "en") == "day off: Saturday"
    sunday = Assignment(NUR, "N", "DINKES", LAST, "LIBUR", "LIBUR", detail={"note": "MINGGU"})
    assert assignment_reason(sunday) == "hari libur: Minggu"
    assert assignment_reason(_one(schedule, NUR, FIRST)) == (
        "butir 12: Perangkat daerah yang tetap WFO"
    )


# ------------------------------------------------------------------ CSV and JSON
@pytest.mark.parametrize("lang", LANGS)
def test_csv_golden(schedule: Schedule, lang: Lang) -> None:
    text = _csv(schedule, lang)
    assert "\r" not in text
    assert len(text.splitlines()) == 1 + len(PEOPLE) * 14
    check_golden(f"schedule/schedule.{lang}.csv", text)


@pytest.mark.parametrize("lang", LANGS)
def test_json_golden_and_round_trip(schedule: Schedule, lang: Lang) -> None:
    text = _json(schedule, lang)
    check_golden_json(f"schedule/schedule.{lang}.json", text, "schedule")
    data = json.loads(text)
    assert data["first"] == "2026-03-30" and data["last"] == "2026-04-12"
    assert data["units"] == UNITS
    (warning,) = data["warnings"]
    assert warning["code"] == "W401" and warning["unit"] == "DINKES"
    assert warning["severity"] == "warning"
    assert ("peringatan" if lang == "id" else "warning") in warning["text"]
    back = [
        Assignment(
            o["nip"],
            o["name"],
            o["unit"],
            dt.date.fromisoformat(o["date"]),
            o["eligible"],
            o["mode"],
            why=o["why"],
            clause=o["clause"],
            rule=o["rule"],
            detail=o["detail"],
        )
        for o in data["assignments"]
    ]
    assert back == list(schedule.assignments)
    assert [o["detail"] for o in data["assignments"]] == [
        dict(a.detail) for a in schedule.assignments
    ]
    assert [o["reason"] for o in data["assignments"]] == [
        assignment_reason(a, lang) for a in schedule.assignments
    ]


def test_text_outputs_are_deterministic() -> None:
    one, two = make_schedule(), make_schedule()
    for lang in LANGS:
        assert _csv(one, lang) == _csv(two, lang)
        assert _json(one, lang) == _json(two, lang)
        assert summary_text(one, lang) == summary_text(two, lang)


def test_json_detail_with_dates_and_decimals() -> None:
    from decimal import Decimal

    detail = {"share": Decimal("0.5"), "since": _D(2026, 4, 1), "units": {"B", "A"}}
    a = Assignment(AHMAD, "A", "BPKAD", _D(2026, 4, 10), "WFH", "WFO", why=Why.CAP, detail=detail)
    s = Schedule(a.date, a.date, (a,), {"BPKAD": "x"})
    out = io.StringIO()
    write_json(s, out)
    (obj,) = json.loads(out.getvalue())["assignments"]
    assert obj["detail"] == {"share": "0.5", "since": "2026-04-01", "units": ["A", "B"]}


# ------------------------------------------------------------------ summary
@pytest.mark.parametrize("lang", LANGS)
def test_summary_golden(schedule: Schedule, lang: Lang) -> None:
    text = summary_text(schedule, lang)
    check_golden(f"schedule/summary.{lang}.txt", text)


def test_summary_figures(schedule: Schedule) -> None:
    lines = summary_text(schedule, "en").splitlines()
    heads = lines[1].split()
    assert heads == [
        "Unit",
        "Staff",
        "WFO",
        "WFH",
        "WFA",
        "CUTI",
        "Cap",
        "Limit",
        "Floor",
        "Warnings",
    ]
    rows = {line.split()[0]: line.split()[1:] for line in lines[3:6]}
    # BPKAD: 3 people x 9 working days = 27, of which 3 WFH; 5 capped, 1 limited.
    assert rows["BPKAD"] == ["3", "24", "3", "0", "0", "5", "1", "0", "0"]
    # BAPPEDA: 18 working person-days: 1 WFH, 1 WFA, 2 on leave; 1 kept on site by the floor.
    assert rows["BAPPEDA"] == ["2", "14", "1", "1", "2", "0", "0", "1", "0"]
    assert rows["DINKES"] == ["1", "9", "0", "0", "0", "0", "0", "0", "1"]


# ------------------------------------------------------------------ Excel
@pytest.fixture(scope="module")
def openpyxl() -> Any:
    import openpyxl  # the test extra installs it (edaran[excel])

    return openpyxl


@pytest.fixture(scope="module")
def icalendar() -> Any:
    import icalendar  # the test extra installs it (edaran[calendar])

    return icalendar


def _workbook(schedule: Schedule, tmp_path: Path, lang: Lang, name: str = "j.xlsx") -> Any:
    import openpyxl

    path = write_xlsx(schedule, tmp_path / name, lang)
    return openpyxl.load_workbook(path)


def _values(wb: Any) -> dict[str, list[tuple[object, ...]]]:
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb.worksheets}


@pytest.mark.parametrize("lang", LANGS)
def test_xlsx_sheets_and_unit_grid(
    openpyxl: Any, schedule: Schedule, tmp_path: Path, lang: Lang
) -> None:
    wb = _workbook(schedule, tmp_path, lang)
    summary = "Ringkasan" if lang == "id" else "Summary"
    assert wb.sheetnames == [summary, "BPKAD", "BAPPEDA", "DINKES"]
    ws = wb["BPKAD"]
    assert ws.freeze_panes == "C3"
    header = [c.value for c in ws[2]]
    assert header[:3] == (
        ["NIP", "Nama", "Sen 30/03"] if lang == "id" else ["NIP", "Name", "Mon 30/03"]
    )
    friday = header.index("Jum 10/04" if lang == "id" else "Fri 10/04") + 1
    assert header[-1] == ("Σ Ditahan" if lang == "id" else "Σ Kept back")
    rows = {row[0].value: row for row in ws.iter_rows(min_row=3, max_row=5)}
    assert list(rows) == [AHMAD, SITI, BUDI]
    for nip, row in rows.items():
        assert row[0].data_type == "s" and row[0].number_format == "@"
        assert row[1].value == NAMES[nip]
    assert rows[BUDI][friday - 1].value == "WFH"
    kept = rows[AHMAD][friday - 1]
    assert kept.value == "WFO"
    assert kept.comment is not None
    assert kept.comment.text == assignment_reason(_one(schedule, AHMAD, _D(2026, 4, 10)), lang)
    plain = rows[BUDI][3]  # Tuesday 31/03: an ordinary WFO day
    assert plain.value == "WFO" and plain.comment is None and not plain.font.b
    assert kept.font.b and kept.fill.fgColor.rgb.endswith("F4B183")
    assert plain.fill.fgColor.rgb.endswith("DDEBF7")
    assert rows[BUDI][friday - 1].fill.fgColor.rgb.endswith("C6EFCE")
    saturday = header.index("Sab 04/04" if lang == "id" else "Sat 04/04")
    assert rows[BUDI][saturday].value == "LIBUR"
    # Totals below the people: one row per mode, then the kept-back row.
    labels = {row[1].value: row for row in ws.iter_rows(min_row=6, max_row=9)}
    total = "Jumlah" if lang == "id" else "Total"
    assert labels[f"{total} WFH"][friday - 1].value == 1
    assert labels[f"{total} WFO"][friday - 1].value == 2
    assert labels["Ditahan" if lang == "id" else "Kept back"][friday - 1].value == 2
    # Per-person totals on the right.
    assert [c.value for c in rows[AHMAD][-3:]] == [8, 1, 2]


def test_xlsx_summary_sheet(openpyxl: Any, schedule: Schedule, tmp_path: Path) -> None:
    wb = _workbook(schedule, tmp_path, "id")
    rows = list(wb["Ringkasan"].iter_rows(values_only=True))
    assert rows[1][:7] == ("Kode unit", "Nama unit", "Pegawai", "WFO", "WFH", "WFA", "CUTI")
    by_code = {row[0]: row for row in rows[2:6]}
    assert by_code["BPKAD"][:10] == ("BPKAD", UNITS["BPKAD"], 3, 24, 3, 0, 0, 5, 1, 0)
    assert by_code["DINKES"][-1] == 1
    assert by_code["Jumlah"][2] == 6 and by_code["Jumlah"][-1] == 1
    flat = [cell for row in rows for cell in row if isinstance(cell, str)]
    assert any("butir 4: WFO paling sedikit 2 di DINKES" in cell for cell in flat)


def test_xlsx_is_deterministic_and_text_stays_text(openpyxl: Any, tmp_path: Path) -> None:
    s = make_schedule()
    hostile = Assignment("=1+1", '=HYPERLINK("x")\x07', "B/K:*", FIRST, "WFO", "WFO")
    s2 = Schedule(FIRST, FIRST, (hostile,), {"B/K:*": "=cmd"})
    for schedule in (s, s2):
        a = write_xlsx(schedule, tmp_path / "a.xlsx")
        b = write_xlsx(schedule, tmp_path / "b.xlsx")
        assert a.read_bytes() == b.read_bytes()
    wb = openpyxl.load_workbook(tmp_path / "a.xlsx")
    assert wb.sheetnames == ["Ringkasan", "B_K__"]
    cells = [c for row in wb["B_K__"].iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    assert wb.properties.created == dt.datetime(2026, 3, 30)
    assert wb.properties.modified == dt.datetime(2026, 3, 30)
    assert _values(_workbook(s, tmp_path, "en", "c.xlsx")) == _values(
        _workbook(s, tmp_path, "en", "d.xlsx")
    )


# ------------------------------------------------------------------ iCalendar


def _ics_text(path: Path) -> str:
    data = path.read_bytes()
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    return data.decode("utf-8").replace("\r\n", "\n")


@pytest.mark.parametrize("lang", LANGS)
def test_ics_golden(icalendar: Any, schedule: Schedule, tmp_path: Path, lang: Lang) -> None:
    people = write_ics(schedule, tmp_path / "p", "person", lang)
    assert [p.name for p in people] == sorted(f"{nip}.ics" for nip in NAMES)
    units = write_ics(schedule, tmp_path / "u", "unit", lang)
    assert [p.name for p in units] == ["BAPPEDA.ics", "BPKAD.ics", "DINKES.ics"]
    check_golden(f"schedule/{RIZKY}.{lang}.ics", _ics_text(tmp_path / "p" / f"{RIZKY}.ics"))
    check_golden(f"schedule/BPKAD.{lang}.ics", _ics_text(tmp_path / "u" / "BPKAD.ics"))


def test_ics_parses_back_with_the_expected_events(
    icalendar: Any, schedule: Schedule, tmp_path: Path
) -> None:
    write_ics(schedule, tmp_path, "person", "en")
    cal = icalendar.Calendar.from_ical((tmp_path / f"{RIZKY}.ics").read_bytes())
    assert str(cal["prodid"]) == "-//edaran//schedule//ID"
    assert str(cal["calscale"]) == "GREGORIAN" and str(cal["version"]) == "2.0"
    events = cal.walk("VEVENT")
    assert [(e.decoded("dtstart"), str(e["summary"])) for e in events] == [(_D(2026, 4, 9), "WFA")]
    (event,) = events
    assert event.decoded("dtend") == _D(2026, 4, 10)
    assert str(event["uid"]) == f"{RIZKY}-20260409@edaran"
    assert "butir 7" in str(event["description"])
    assert event.decoded("dtstamp") == dt.datetime(2026, 3, 30, tzinfo=dt.UTC)
    # WFO, a day off, a day kept back and a day on leave make no event.
    for nip, expected in [(AHMAD, 1), (SITI, 1), (BUDI, 1), (DEWI, 1), (NUR, 0)]:
        cal = icalendar.Calendar.from_ical((tmp_path / f"{nip}.ics").read_bytes())
        assert len(cal.walk("VEVENT")) == expected, nip
    unit = icalendar.Calendar.from_ical(write_ics(schedule, tmp_path / "u", "unit")[1].read_bytes())
    summaries = [str(e["summary"]) for e in unit.walk("VEVENT")]
    assert summaries == ["WFH — Ahmad Fauzi", "WFH — Siti Rahmawati", "WFH — Budi Santoso"]
    assert len({str(e["uid"]) for e in unit.walk("VEVENT")}) == 3


def test_ics_is_deterministic(icalendar: Any, tmp_path: Path) -> None:
    for per in ("person", "unit"):
        a = write_ics(make_schedule(), tmp_path / f"{per}-a", per)  # type: ignore[arg-type]
        b = write_ics(make_schedule(), tmp_path / f"{per}-b", per)  # type: ignore[arg-type]
        assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]


def test_ics_file_names_never_collide() -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    from edaran.scheduling.ics import file_names

    # "A B" and "A_B" used to be one file, the second calendar overwriting the first.
    names = file_names(["A B", "A_B", "DINKES", "dinkes", "198001012006041001"])
    assert names["A_B"] == "A_B.ics" and names["DINKES"] == "DINKES.ics"
    assert names["198001012006041001"] == "198001012006041001.ics"
    assert names["A B"].startswith("A_B-") and names["dinkes"].startswith("dinkes-")

    @given(st.lists(st.text(min_size=1, max_size=6), unique=True, max_size=30))
    def unique(keys: list[str]) -> None:
        chosen = file_names(sorted(keys))
        assert len({name.casefold() for name in chosen.values()}) == len(keys)
        assert all(name.endswith(".ics") and "/" not in name for name in chosen.values())

    unique()


def test_ics_refuses_an_unknown_grouping(
    icalendar: Any, schedule: Schedule, tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match="per must be"):
        write_ics(schedule, tmp_path, "team")  # type: ignore[arg-type]


# ------------------------------------------------------------------ missing extras
@pytest.mark.parametrize(
    ("fmt", "package", "extra"), [("xlsx", "openpyxl", "excel"), ("ics", "icalendar", "calendar")]
)
def test_a_missing_extra_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fmt: str, package: str, extra: str
) -> None:
    monkeypatch.setitem(sys.modules, package, None)  # makes "import package" fail
    writer = write_xlsx if fmt == "xlsx" else write_ics
    with pytest.raises(EdaranError) as info:
        writer(make_schedule(), tmp_path / "x")
    (diagnostic,) = info.value.diagnostics
    assert diagnostic.code == "D040"
    assert f'pip install "edaran[{extra}]"' in diagnostic.message("id")
    assert package in diagnostic.message("en")
    require_format("csv")  # needs nothing
