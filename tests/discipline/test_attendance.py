"""Attendance duties and sanctions over windows: an attendance log into breaches.

A small rule text (WFH on Monday to Thursday, WFO on Friday) with a morning
check-in duty within 100 m of home, a daily report verified by the superior,
an absence duty for office days, and three ladders: over a sliding window,
over consecutive working days with an allowance cut, and per day.  Then
properties: the order of the log and repeated events change nothing.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from edaran.discipline import DisciplineResult, run_discipline
from edaran.discipline.writers import cut_totals
from edaran.engine import Circular
from edaran.model import Absence, Attendance, AttendanceKind, Channel, Contact, Unit, UnitKind

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
MASUK, LAPORAN, VERIFIKASI = AttendanceKind.MASUK, AttendanceKind.LAPORAN, AttendanceKind.VERIFIKASI

RULES = """\
surat_edaran "9/2027":
    berlaku 2027-04-01
    evaluasi setiap 1 bulan
    zona_waktu WIB

atribut pegawai rumah_lat: desimal
atribut pegawai rumah_lon: desimal
atribut pegawai lapangan: benar_salah

butir 1 "WFH Senin sampai Kamis", bawaan:
    moda_kerja adalah WFH

butir 2 "Jumat di kantor", pengecualian atas butir 1:
    moda_kerja adalah WFO jika hari adalah Jumat

kewajiban butir 3.a "Presensi pagi dari rumah":
    pada moda {WFH}
    jika tidak pegawai.lapangan
    presensi masuk pukul 07:30 sampai 08:00
    dalam radius 100 m dari rumah

kewajiban butir 3.b "Laporan harian diverifikasi atasan":
    pada moda {WFH}
    presensi laporan
    diverifikasi atasan

kewajiban butir 3.c "Hadir di kantor":
    pada moda {WFO}
    presensi masuk

kewajiban butir 5 "Dapat dihubungi":
    pada moda {WFH}
    pukul 07:30 sampai 16:00

pelanggaran butir 5.a "Panggilan tidak dijawab":
    jika kontak.saluran adalah PANGGILAN
    dan tidak kontak.terjawab

sanksi butir 4.a "Tiga panggilan tak terjawab dalam 30 menit":
    setiap 3 pelanggaran butir 5.a dalam 30 menit

sanksi butir 4.b "Tiga hari berturut-turut tanpa laporan yang sah":
    setiap 3 pelanggaran butir 3.b pada hari berturut-turut
    potongan tunjangan Rp50.000 per hari

sanksi butir 4.c "Tidak hadir di kantor":
    setiap 1 pelanggaran butir 3.c per hari
    potongan tunjangan Rp75.000 per hari
"""

MON, TUE, WED, THU, FRI = (dt.date(2027, 4, d) for d in (5, 6, 7, 8, 9))
NEXT_MON = dt.date(2027, 4, 12)
UNIT = Unit("DISKOMINFO", "Dinas Komunikasi dan Informatika", UnitKind.DINAS)
HOME = (Decimal("-2.9761"), Decimal("104.7754"))
NEAR = (-2.9761, 104.7760)  # about 67 m east
FAR = (-2.9761, 104.7770)  # about 178 m east


@pytest.fixture(scope="module")
def circular() -> Circular:
    return Circular.from_text(RULES, "presensi.edaran")


def person(circular: Circular, nip: str, *, home: bool = True, field: bool = False) -> Any:
    lat, lon = HOME if home else (None, None)
    return circular.schema.employee_cls(
        nip=nip, nama=f"Pegawai {nip}", unit=UNIT, rumah_lat=lat, rumah_lon=lon, lapangan=field
    )


def at(day: dt.date, clock: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(clock), tzinfo=WIB)


def event(
    nip: str, kind: AttendanceKind, day: dt.date, clock: str, where: Any = NEAR, id: str = ""
) -> Attendance:
    lat, lon = where if where is not None else (None, None)
    return Attendance(nip, kind, at(day, clock), lat, lon, id or f"{nip}-{kind.value}-{day}")


def a_good_day(nip: str, day: dt.date) -> list[Attendance]:
    return [
        event(nip, MASUK, day, "07:45"),
        event(nip, LAPORAN, day, "15:30", None),
        Attendance(nip, VERIFIKASI, at(day, "17:00"), id=f"v-{nip}-{day}"),
    ]


def run(
    circular: Circular,
    people: list[Any],
    events: list[Attendance],
    first: dt.date = MON,
    last: dt.date = THU,
    **options: Any,
) -> DisciplineResult:
    return run_discipline(
        circular, people, [], attendance=iter(events), first=first, last=last, **options
    )


def kinds(result: DisciplineResult) -> list[tuple[str, str, str, dt.date]]:
    return [(b.rule, b.kind, b.nip, b.date) for b in result.breaches]


def test_a_good_week_has_no_breach(circular: Circular) -> None:
    ani = person(circular, "1")
    events = [e for day in (MON, TUE, WED, THU) for e in a_good_day("1", day)]
    result = run(circular, [ani], events)
    assert result.breaches == ()
    assert result.attendance_events == 12


def test_each_kind_of_breach(circular: Circular) -> None:
    ani = person(circular, "1")
    events = [
        *a_good_day("1", MON)[1:],  # no check-in in the window on Monday,
        event("1", MASUK, MON, "07:20"),  # only one before it: outside the window
        event("1", MASUK, TUE, "08:01"),  # late
        event("1", LAPORAN, TUE, "15:00", None),  # verified the next morning: fine
        Attendance("1", VERIFIKASI, at(WED, "07:00")),
        event("1", MASUK, WED, "07:40", FAR),  # too far from home
        event("1", LAPORAN, WED, "15:00", None),  # verified by Thursday's verification
        event("1", MASUK, THU, "07:50", None),  # no location: cannot show the radius
        Attendance("1", VERIFIKASI, at(THU, "08:00")),
        event("1", LAPORAN, THU, "16:00", None),  # verified before it was sent: not verified
    ]
    result = run(circular, [ani], events)
    assert kinds(result) == [
        ("butir 3.a", "outside-window", "1", MON),
        ("butir 3.a", "late", "1", TUE),
        ("butir 3.a", "outside-radius", "1", WED),
        ("butir 3.a", "outside-radius", "1", THU),
        ("butir 3.b", "unverified", "1", THU),
    ]
    late = result.breaches[1]
    assert late.at == at(TUE, "08:01") and late.contact == "1-masuk-2027-04-06"
    assert result.breaches[0].contact == "1-masuk-2027-04-05"


def test_a_missing_event_is_dated_at_the_end_of_its_window(circular: Circular) -> None:
    ani = person(circular, "1")
    result = run(circular, [ani], [Attendance("1", VERIFIKASI, at(MON, "17:00"))], last=MON)
    assert [(b.rule, b.kind, b.at) for b in result.breaches] == [
        ("butir 3.a", "missing", at(MON, "08:00")),
        ("butir 3.b", "missing", at(MON, "23:59:59")),  # no window: the end of the day
    ]


def test_the_window_is_inclusive_at_both_ends(circular: Circular) -> None:
    ani = person(circular, "1")
    events = [*a_good_day("1", MON), *a_good_day("1", TUE)]
    events[0] = event("1", MASUK, MON, "07:30")
    events[3] = event("1", MASUK, TUE, "08:00")
    assert run(circular, [ani], events, last=TUE).breaches == ()


def test_the_best_event_of_the_day_counts(circular: Circular) -> None:
    ani = person(circular, "1")
    events = [*a_good_day("1", MON), event("1", MASUK, MON, "09:00", FAR)]
    assert run(circular, [ani], events, last=MON).breaches == ()


def test_duties_follow_the_mode_the_condition_leave_and_post(circular: Circular) -> None:
    ani = person(circular, "1")
    field = person(circular, "2", field=True)  # no morning check-in for field staff
    new = person(circular, "3")
    new = type(new)(**{**{a: getattr(new, a) for a in ("nip", "nama", "unit")},
                       "rumah_lat": HOME[0], "rumah_lon": HOME[1], "mulai_tugas": THU})  # fmt: skip
    on_leave = [Absence("1", MON, WED)]
    events = [*a_good_day("1", THU), *a_good_day("2", THU)[1:], *a_good_day("3", THU)]
    events += [e for d in (MON, TUE, WED) for e in a_good_day("2", d)[1:]]
    events.append(event("1", MASUK, FRI, "07:10", None))  # Friday: at the office, present
    result = run(circular, [ani, field, new], events, last=FRI, absences=on_leave)
    # Friday: the office duty holds; 2 and 3 did not check in at the office
    assert kinds(result) == [
        ("butir 3.c", "missing", "2", FRI),
        ("butir 3.c", "missing", "3", FRI),
    ]


def test_a_person_without_an_address_is_not_checked_for_the_radius(circular: Circular) -> None:
    nobody = person(circular, "1", home=False)
    events = [*a_good_day("1", MON)]
    events[0] = event("1", MASUK, MON, "07:45", FAR)
    result = run(circular, [nobody], events, last=MON)
    assert result.breaches == ()
    assert [(w.code, w.args) for w in result.warnings] == [("W615", {"count": 1})]


def calls(nip: str, day: dt.date, *clocks: str) -> list[Contact]:
    return [
        Contact(f"K{nip}-{day}-{c}", nip, "atasan", Channel.PANGGILAN, at(day, c)) for c in clocks
    ]


def test_a_sliding_window(circular: Circular) -> None:
    ani, budi = person(circular, "1"), person(circular, "2")
    log = [*calls("1", MON, "09:00", "09:10", "09:30"), *calls("1", MON, "10:00", "10:31")]
    log += [*calls("2", MON, "09:00", "09:20", "09:31", "09:45")]
    good = [*a_good_day("1", MON), *a_good_day("2", MON)]
    result = run_discipline(circular, [ani, budi], log, attendance=iter(good))
    window = [s for s in result.sanctions if s.rule == "butir 4.a"]
    # Ani: 09:00, 09:10, 09:30 are within 30 minutes (inclusive); 10:00 and 10:31 wait for
    # a third.  Budi: 09:00-09:31 is 31 minutes; 09:20, 09:31, 09:45 are within 25.
    assert [(s.nip, s.window, len(s.behind)) for s in window] == [
        ("1", "2027-04-05 09:00..09:30", 3),
        ("2", "2027-04-05 09:20..09:45", 3),
    ]
    assert window[0].behind == tuple(f"butir 5.a:K1-{MON}-{c}" for c in ("09:00", "09:10", "09:30"))


def test_consecutive_days_skip_days_the_duty_does_not_hold_and_cut_per_day(
    circular: Circular,
) -> None:
    ani = person(circular, "1")
    # No report on Wednesday, Thursday and the next Monday: Friday is an office day (the
    # report duty does not hold) and the weekend no working day, so the run goes on.
    events = [*a_good_day("1", MON), *a_good_day("1", TUE)]
    events += [event("1", MASUK, d, "07:45") for d in (WED, THU, NEXT_MON)]
    events += [event("1", MASUK, FRI, "07:10", None)]
    result = run(circular, [ani], events, last=NEXT_MON)
    runs = [s for s in result.sanctions if s.rule == "butir 4.b"]
    assert [(s.window, s.date, s.cut) for s in runs] == [
        ("2027-04-07..2027-04-12", NEXT_MON, Decimal(50000))
    ]
    assert runs[0].behind == tuple(f"butir 3.b:missing:1:2027-04-{d}" for d in ("07", "08", "12"))
    # Monday to Wednesday without a report: three consecutive days.
    events = [event("1", MASUK, d, "07:45") for d in (MON, TUE, WED)]
    result = run(circular, [ani], [*events, *a_good_day("1", THU)])
    runs = [s for s in result.sanctions if s.rule == "butir 4.b"]
    assert [(s.window, s.date) for s in runs] == [("2027-04-05..2027-04-07", WED)]


def test_a_weekend_does_not_break_the_run(circular: Circular) -> None:
    ani = person(circular, "1")
    lapsed = Circular.from_text(RULES.replace("    moda_kerja adalah WFO jika hari adalah Jumat",
                                              "    moda_kerja adalah WFO jika hari adalah Rabu"),
                                "presensi.edaran")  # fmt: skip
    events = [*a_good_day("1", MON), *a_good_day("1", TUE), event("1", MASUK, WED, "07:10")]
    events += [event("1", MASUK, d, "07:45") for d in (THU, FRI, NEXT_MON)]
    result = run(lapsed, [ani], events, last=NEXT_MON)
    runs = [s for s in result.sanctions if s.rule == "butir 4.b"]
    assert [(s.window, s.cut) for s in runs] == [("2027-04-08..2027-04-12", Decimal(50000))]


def test_a_day_the_duty_is_met_breaks_the_run(circular: Circular) -> None:
    ani = person(circular, "1")
    events = [event("1", MASUK, d, "07:45") for d in (MON, TUE)]
    events += [*a_good_day("1", WED), event("1", MASUK, THU, "07:45")]
    result = run(circular, [ani], events)
    assert [s for s in result.sanctions if s.rule == "butir 4.b"] == []


OFFICE = """\
surat_edaran "10/2027":
    berlaku 2027-04-01
    evaluasi setiap 1 bulan

butir 1 "Di kantor", bawaan:
    moda_kerja adalah WFO

kewajiban butir 3.c "Hadir di kantor":
    pada moda {WFO}
    presensi masuk

sanksi butir 4.c "Tidak hadir di kantor":
    setiap 1 pelanggaran butir 3.c per hari
    potongan tunjangan Rp75.000 per hari

sanksi butir 4.d "Dua kali tidak hadir dalam sehari tidak mungkin":
    setiap 1 pelanggaran butir 3.c per hari
"""


def test_cuts_are_totalled_per_person_and_period() -> None:
    office = Circular.from_text(OFFICE, "kantor.edaran")
    ani, budi = (office.schema.employee_cls(nip=n, nama=n, unit=UNIT) for n in ("1", "2"))
    days = [dt.date(2027, 4, 29), dt.date(2027, 4, 30), dt.date(2027, 5, 3)]
    events = [event("1", MASUK, d, "07:10", None) for d in days[1:]]
    result = run(office, [ani, budi], events, first=days[0], last=days[-1])
    absent = [s for s in result.sanctions if s.rule == "butir 4.c"]
    assert [(s.nip, s.date, s.cut) for s in absent] == [
        ("1", days[0], Decimal(75000)),
        *[("2", d, Decimal(75000)) for d in days],
    ]
    assert all(s.cut is None for s in result.sanctions if s.rule == "butir 4.d")
    assert [(n, p[:9], d, a) for n, _, p, d, a in cut_totals(result)] == [
        ("1", "periode 1", 1, Decimal(75000)),
        ("2", "periode 1", 2, Decimal(150000)),
        ("2", "periode 2", 1, Decimal(75000)),
    ]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_workbook_shows_each_cut_and_each_units_total(tmp_path: Any, lang: Any) -> None:
    import openpyxl  # the xlsx extra, installed with the tests

    from edaran.discipline.writers import write_xlsx

    office = Circular.from_text(OFFICE, "kantor.edaran")
    ani, budi = (office.schema.employee_cls(nip=n, nama=n, unit=UNIT) for n in ("1", "2"))
    days = [dt.date(2027, 4, 29), dt.date(2027, 4, 30), dt.date(2027, 5, 3)]
    events = [event("1", MASUK, d, "07:10", None) for d in days[1:]]
    result = run(office, [ani, budi], events, first=days[0], last=days[-1])
    book = openpyxl.load_workbook(write_xlsx(result, tmp_path / "d.xlsx", lang))
    head = "Potongan tunjangan (Rp)" if lang == "id" else "Allowance cut (Rp)"
    total_head = "Potongan tunjangan (Rp)" if lang == "id" else "Allowance cuts (Rp)"
    summary = [tuple(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    assert summary[1][-1] == total_head
    assert [r[-1] for r in summary[2:4]] == [300000, 300000]  # the unit, then the total
    unit = book["DISKOMINFO"]
    rows = [tuple(r) for r in unit.iter_rows(values_only=True)]
    assert rows[1][-1] == head
    cut_rows = [(r[0], r[4], r[-1]) for r in rows[2:] if r[4] in ("butir 4.c", "butir 4.d")]
    assert sorted(cut_rows, key=str) == sorted(
        [("1", "butir 4.c", 75000), *[("2", "butir 4.c", 75000)] * 3,
         *[(n, "butir 4.d", None) for n in ("1", "2", "2", "2")]],
        key=str,
    )  # fmt: skip
    assert unit.cell(3, len(rows[1])).number_format == "#,##0"


def test_contacts_are_not_counted_by_attendance_duties(circular: Circular) -> None:
    ani = person(circular, "1")
    call = Contact("K1", "1", "atasan", Channel.PANGGILAN, at(FRI, "09:00"))  # WFO: none
    result = run_discipline(circular, [ani], [call], attendance=iter(a_good_day("1", FRI)))
    assert result.counted == 0 and result.skipped == {"not-on-duty": 1}


WEEK = [e for day in (MON, TUE, WED, THU) for e in a_good_day("1", day)[: 1 + day.day % 3]]


@given(st.permutations(WEEK), st.lists(st.sampled_from(WEEK), max_size=5))
def test_the_order_of_the_log_and_repeats_change_nothing(
    shuffled: list[Attendance], repeated: list[Attendance]
) -> None:
    circular = Circular.from_text(RULES, "presensi.edaran")
    ani = person(circular, "1")
    expected = run(circular, [ani], WEEK)
    found = run(circular, [ani], [*shuffled, *repeated])
    assert found.breaches == expected.breaches
    assert found.sanctions == expected.sanctions


def test_consecutive_days_of_contact_breaches_follow_working_days(circular: Circular) -> None:
    rules = RULES + (
        '\nsanksi butir 7 "Dua hari kerja berturut-turut tidak menjawab":\n'
        "    setiap 2 pelanggaran butir 5.a pada hari berturut-turut\n"
    )
    calls_file = Circular.from_text(rules, "kontak.edaran")
    ani = person(calls_file, "1")

    def runs(*days: dt.date) -> list[str]:
        log = [c for day in days for c in calls(ani.nip, day, "09:00")]
        result = run_discipline(calls_file, [ani], log)
        return [s.window for s in result.sanctions if s.rule == "butir 7"]

    assert runs(MON, TUE) == ["2027-04-05..2027-04-06"]
    assert runs(MON, WED) == []  # Tuesday, a working day without one, breaks the run
    assert runs(THU, NEXT_MON) == []  # so does Friday, an office day
