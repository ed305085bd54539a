"""The discipline engine (butir 10.b-d): contacts into breaches and sanctions.

Small hand-built cases, each rule at its boundaries, against the reference
circular (``examples/sumsel-2026/se-800.1-1230-BKD.I-2026.edaran``) and
against small rule texts written here; then properties (Hypothesis):
determinism, order independence, split and duplicated logs, a longer log
that only extends the result, and agreement with a hand-written reading of
10.b-d.  The writers are tested in ``test_writers.py``.

With the reference circular, most cases pass ``use_schedule=False`` (each
person's mode from the rules alone, as a ``contoh`` does): its caps need
whole units, and a unit of one is kept in the office by the floor of butir
4.  :class:`TestSchedule` covers the schedule.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections import Counter
from collections.abc import Sequence

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edaran.discipline import DisciplineResult, Skipped, run_discipline
from edaran.engine import Circular
from edaran.model import Absence, Channel, Contact, Employee, PositionLevel, Unit, UnitKind
from edaran.scheduling import schedule
from properties import fast_and_full

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")

# Days of April-June 2026 that matter here.
FRI = dt.date(2026, 4, 10)  # a Friday: WFH
THU = dt.date(2026, 4, 9)  # a Thursday: WFO
GOOD_FRIDAY = dt.date(2026, 4, 3)  # a public holiday on a Friday
FRI2 = dt.date(2026, 4, 17)
LAST_FRI_P1 = dt.date(2026, 5, 29)  # the last Friday of evaluation period 1 (to 05-31)
FIRST_FRI_P2 = dt.date(2026, 6, 5)  # the first Friday of period 2 (from 06-01)

BAPPEDA = Unit("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", UnitKind.BADAN)
BPBD = Unit("BPBD", "Badan Penanggulangan Bencana Daerah", UnitKind.BADAN)
BPKAD = Unit("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", UnitKind.BADAN)
ANI = Employee("198001012005012001", "Ani", BAPPEDA)
BUDI = Employee("198502152010011002", "Budi", BAPPEDA)
CITRA = Employee("199003202015032003", "Citra", BPBD)  # her unit stays at the office
STAFF = (ANI, BUDI, CITRA)
UNKNOWN = "199912312020121999"

LISAN = "butir 10.d[lisan]"
TERTULIS = "butir 10.d[tertulis]"
BERULANG = "butir 10.d[berulang]"
UNANSWERED = "butir 10.d[tak_terjawab]"
LATE = "butir 10.c"


def at(day: dt.date, clock: str) -> dt.datetime:
    """An aware moment in WIB: ``at(FRI, "09:00")``, ``at(FRI, "15:59:59")``."""
    return dt.datetime.combine(day, dt.time.fromisoformat(clock), tzinfo=WIB)


def call(
    cid: str,
    nip: str,
    sent: dt.datetime,
    answered: dt.datetime | None = None,
    reason: str | None = None,
) -> Contact:
    return Contact(cid, nip, "atasan", Channel.PANGGILAN, sent, answered, reason)


def message(
    cid: str,
    nip: str,
    sent: dt.datetime,
    answered: dt.datetime | None = None,
    reason: str | None = None,
) -> Contact:
    return Contact(cid, nip, "atasan", Channel.PESAN, sent, answered, reason)


def after(sent: dt.datetime, **delay: float) -> dt.datetime:
    return sent + dt.timedelta(**delay)


def run(
    circular: Circular,
    contacts: Sequence[Contact],
    staff: Sequence[Employee] = STAFF,
    **options: object,
) -> DisciplineResult:
    options.setdefault("use_schedule", False)
    return run_discipline(circular, staff, contacts, **options)  # type: ignore[arg-type]


def rules(result: DisciplineResult) -> Counter[str]:
    """Breaches and sanctions by rule id."""
    return Counter([b.rule for b in result.breaches] + [s.rule for s in result.sanctions])


# ------------------------------------------------------------ small rule texts
HEADER = """\
surat_edaran "1/UJI/2026":
    tentang "Uji disiplin"
    berlaku 2026-04-01
    evaluasi setiap 2 bulan
    zona_waktu {zone}

butir 1 "WFO", bawaan:
    moda_kerja adalah WFO

butir 2 "WFH setiap Jumat":
    moda_kerja adalah WFH
    jika hari adalah Jumat
"""

#: The reference reading of 10.b-d, with the duty, the window and what counts as parameters.
READING = (
    HEADER
    + """
kewajiban butir 10.b "Dapat dihubungi":
    pada moda {modes}
{hours}
pelanggaran butir 10.d[tak_terjawab] "Tidak direspon":
    jika {missed}
    dan tidak kontak.terjawab

pelanggaran butir 10.c "Terlambat tanpa alasan":
    jika kontak.terjawab
    dan kontak.waktu_respon >= 5 menit
    dan tidak kontak.beralasan

sanksi butir 10.d[lisan] "Teguran lisan":
    setiap {misses} pelanggaran butir 10.d[tak_terjawab] per {window}

sanksi butir 10.d[tertulis] "Teguran tertulis":
    setiap 1 pelanggaran butir 10.c per periode

sanksi butir 10.d[berulang] "Berulang":
    setiap 2 kali sanksi butir 10.d[lisan], butir 10.d[tertulis] per periode
"""
)


def reading(
    *,
    zone: str = "WIB",
    modes: str = "{WFH}",
    hours: str = "    pukul 07:30 sampai 16:00\n",
    missed: str = "kontak.saluran adalah PANGGILAN",
    misses: int = 2,
    window: str = "hari",
) -> Circular:
    text = READING.format(
        zone=zone, modes=modes, hours=hours, missed=missed, misses=misses, window=window
    )
    return Circular.from_text(text, "uji.edaran")


ENGLISH = """\
circular "7/TEST/2026":
    subject "Test"
    effective 2026-04-01
    evaluation every 2 months
    time_zone WIB

clause 1 "Office", default:
    moda_kerja is WFO

clause 2 "Home on Fridays":
    moda_kerja is WFH
    if hari is Jumat

duty clause 10.b "Reachable":
    on mode {WFH}
    hours 07:30 until 16:00

breach clause 10.d[missed] "Missed call":
    if contact.channel is PANGGILAN
    and not contact.answered

sanction clause 10.d[verbal] "Verbal reprimand":
    every 2 breach clause 10.d[missed] per day

sanction clause 10.d[repeat] "Repeated":
    every 2 times sanction clause 10.d[verbal] per period
"""


# ------------------------------------------------------------ 10.c: the 5-minute window
class TestResponseWindow:
    """``kontak.waktu_respon >= BATAS_RESPON``: 5:00 is late, 4:59 is not."""

    @pytest.mark.parametrize(
        ("seconds", "late"),
        [(0, False), (239, False), (299, False), (299.999999, False), (300, True), (301, True)],
    )
    def test_boundary(self, reference: Circular, seconds: float, late: bool) -> None:
        sent = at(FRI, "09:00")
        result = run(reference, [message("m1", ANI.nip, sent, after(sent, seconds=seconds))])
        assert [b.rule for b in result.breaches] == ([LATE] if late else [])
        assert [s.rule for s in result.sanctions] == ([TERTULIS] if late else [])
        assert result.counted == 1

    def test_calls_and_messages_alike(self, reference: Circular) -> None:
        sent = at(FRI, "09:00")
        late_call = call("c1", ANI.nip, sent, after(sent, minutes=6))
        late_message = message("m1", BUDI.nip, sent, after(sent, minutes=6))
        result = run(reference, [late_call, late_message])
        assert sorted((b.nip, b.rule) for b in result.breaches) == [
            (ANI.nip, LATE),
            (BUDI.nip, LATE),
        ]

    def test_reply_after_midnight_is_late_and_dated_the_day_sent(self, reference: Circular) -> None:
        sent = at(FRI, "15:58")
        answered = at(FRI + dt.timedelta(days=1), "00:10")
        result = run(reference, [message("m1", ANI.nip, sent, answered)])
        [breach] = result.breaches
        assert (breach.rule, breach.date, breach.at) == (LATE, FRI, sent)

    def test_a_reason_excuses_a_late_answer(self, reference: Circular) -> None:
        sent = at(FRI, "10:00")
        excused = call("c1", ANI.nip, sent, after(sent, minutes=20), "rapat daring")
        result = run(reference, [excused])
        assert (result.breaches, result.sanctions, result.counted) == ((), (), 1)

    @pytest.mark.parametrize("blank", ["", "   ", None])
    def test_a_blank_reason_is_no_reason(self, reference: Circular, blank: str | None) -> None:
        sent = at(FRI, "10:00")
        result = run(reference, [call("c1", ANI.nip, sent, after(sent, minutes=20), blank)])
        assert [b.rule for b in result.breaches] == [LATE]

    def test_an_answer_in_another_zone_is_the_same_moment(self, reference: Circular) -> None:
        sent = at(FRI, "09:00")
        answered = dt.datetime(2026, 4, 10, 2, 4, 59, tzinfo=dt.UTC)  # 09:04:59 WIB
        assert run(reference, [message("m1", ANI.nip, sent, answered)]).breaches == ()
        answered = dt.datetime(2026, 4, 10, 10, 5, tzinfo=dt.timezone(dt.timedelta(hours=8)))
        assert [
            b.rule for b in run(reference, [message("m1", ANI.nip, sent, answered)]).breaches
        ] == [LATE]


# ------------------------------------------------------------ 10.d: unanswered contacts
class TestUnanswered:
    @pytest.mark.parametrize(("calls", "reprimands"), [(0, 0), (1, 0), (2, 1), (3, 1), (4, 2)])
    def test_every_two_unanswered_calls_in_a_day(
        self, reference: Circular, calls: int, reprimands: int
    ) -> None:
        log = [call(f"c{i}", ANI.nip, at(FRI, f"{9 + i:02d}:00")) for i in range(calls)]
        result = run(reference, log)
        assert rules(result)[UNANSWERED] == calls
        assert rules(result)[LISAN] == reprimands
        lisan = [s for s in result.sanctions if s.rule == LISAN]
        for k, s in enumerate(lisan):
            assert s.behind == (f"{UNANSWERED}:c{2 * k}", f"{UNANSWERED}:c{2 * k + 1}")
            assert s.window == FRI.isoformat()
            assert s.at == at(FRI, f"{9 + 2 * k + 1:02d}:00")  # due at the second miss

    def test_an_unanswered_message_is_no_breach(self, reference: Circular) -> None:
        result = run(
            reference,
            [message("m1", ANI.nip, at(FRI, "09:00")), message("m2", ANI.nip, at(FRI, "10:00"))],
        )
        assert (result.breaches, result.sanctions, result.counted) == ((), (), 2)

    def test_a_call_and_a_message_unanswered_are_one_miss(self, reference: Circular) -> None:
        log = [call("c1", ANI.nip, at(FRI, "09:00")), message("m1", ANI.nip, at(FRI, "10:00"))]
        result = run(reference, log)
        assert rules(result) == Counter({UNANSWERED: 1})

    def test_misses_do_not_add_up_across_days(self, reference: Circular) -> None:
        log = [call("c1", ANI.nip, at(FRI, "15:00")), call("c2", ANI.nip, at(FRI2, "08:00"))]
        assert rules(run(reference, log)) == Counter({UNANSWERED: 2})

    def test_misses_of_two_people_do_not_add_up(self, reference: Circular) -> None:
        log = [call("c1", ANI.nip, at(FRI, "09:00")), call("c2", BUDI.nip, at(FRI, "09:30"))]
        assert rules(run(reference, log)) == Counter({UNANSWERED: 2})

    def test_an_answer_within_the_window_is_no_miss(self, reference: Circular) -> None:
        sent = at(FRI, "09:00")
        log = [
            call("c1", ANI.nip, sent, after(sent, seconds=10)),
            call("c2", ANI.nip, at(FRI, "10:00")),
        ]
        assert rules(run(reference, log)) == Counter({UNANSWERED: 1})


# ------------------------------------------------------------ 10.d: escalation
class TestEscalation:
    def test_two_reprimands_in_a_period_escalate(self, reference: Circular) -> None:
        log = [
            call("c1", ANI.nip, at(FRI, "08:00")),
            call("c2", ANI.nip, at(FRI, "08:30")),  # teguran lisan
            message("m1", ANI.nip, at(FRI2, "09:00"), at(FRI2, "09:30")),  # teguran tertulis
        ]
        result = run(reference, log)
        assert rules(result) == Counter(
            {UNANSWERED: 2, LISAN: 1, LATE: 1, TERTULIS: 1, BERULANG: 1}
        )
        [escalation] = [s for s in result.sanctions if s.rule == BERULANG]
        lisan = next(s for s in result.sanctions if s.rule == LISAN)
        tertulis = next(s for s in result.sanctions if s.rule == TERTULIS)
        assert escalation.behind == (lisan.id, tertulis.id)
        assert escalation.window == "periode 1 (2026-04-01..2026-05-31)"
        assert (escalation.date, escalation.at) == (FRI2, tertulis.at)

    def test_one_reprimand_does_not_escalate(self, reference: Circular) -> None:
        log = [message("m1", ANI.nip, at(FRI2, "09:00"), at(FRI2, "09:30"))]
        assert rules(run(reference, log))[BERULANG] == 0

    def test_three_reprimands_escalate_once_four_twice(self, reference: Circular) -> None:
        fridays = [FRI + dt.timedelta(weeks=k) for k in range(4)]  # 04-10 .. 05-01
        fridays[3] = dt.date(2026, 5, 8)  # 05-01 is Labour Day
        log = [
            message(f"m{k}", ANI.nip, at(d, "09:00"), at(d, "09:05")) for k, d in enumerate(fridays)
        ]
        assert rules(run(reference, log[:3]))[BERULANG] == 1
        assert rules(run(reference, log))[BERULANG] == 2

    def test_reprimands_in_two_periods_do_not_escalate(self, reference: Circular) -> None:
        log = [
            message("m1", ANI.nip, at(LAST_FRI_P1, "09:00"), at(LAST_FRI_P1, "09:10")),
            message("m2", ANI.nip, at(FIRST_FRI_P2, "09:00"), at(FIRST_FRI_P2, "09:10")),
        ]
        result = run(reference, log)
        assert rules(result) == Counter({LATE: 2, TERTULIS: 2})
        windows = [s.window for s in result.sanctions]
        assert windows == [
            "periode 1 (2026-04-01..2026-05-31)",
            "periode 2 (2026-06-01..2026-07-31)",
        ]

    @pytest.mark.parametrize(
        ("days", "escalations"),
        [
            ((dt.date(2026, 5, 30), dt.date(2026, 5, 31)), 1),  # both in period 1
            ((dt.date(2026, 5, 31), dt.date(2026, 6, 1)), 0),  # the boundary between
            ((dt.date(2026, 6, 1), dt.date(2026, 6, 2)), 1),  # both in period 2
        ],
    )
    def test_the_period_boundary_exactly(self, days: tuple[dt.date, ...], escalations: int) -> None:
        # A duty on every mode (days off too), so that the boundary days count.
        circular = reading(modes="{WFO, WFH, LIBUR}")
        log = [message(f"m{d.day}", ANI.nip, at(d, "09:00"), at(d, "09:06")) for d in days]
        result = run(circular, log)
        assert rules(result) == Counter({LATE: 2, TERTULIS: 2, BERULANG: escalations})

    def test_per_period_instead_of_per_day(self) -> None:
        # A regency reading "2 misses per period" counts misses of different days together.
        log = [call("c1", ANI.nip, at(FRI, "09:00")), call("c2", ANI.nip, at(FRI2, "09:00"))]
        assert rules(run(reading(window="hari"), log))[LISAN] == 0
        assert rules(run(reading(window="periode"), log))[LISAN] == 1
        assert rules(run(reading(window="minggu"), log))[LISAN] == 0
        assert rules(run(reading(window="bulan"), log))[LISAN] == 1

    def test_three_misses_instead_of_two(self) -> None:
        log = [call(f"c{i}", ANI.nip, at(FRI, f"{9 + i:02d}:00")) for i in range(5)]
        assert rules(run(reading(misses=2), log))[LISAN] == 2
        assert rules(run(reading(misses=3), log))[LISAN] == 1

    def test_messages_too_instead_of_calls_only(self) -> None:
        log = [call("c1", ANI.nip, at(FRI, "09:00")), message("m1", ANI.nip, at(FRI, "10:00"))]
        assert rules(run(reading(), log))[LISAN] == 0
        everything = reading(missed="kontak.saluran termasuk {PANGGILAN, PESAN}")
        assert rules(run(everything, log)) == Counter({UNANSWERED: 2, LISAN: 1})

    def test_weeks_are_iso_weeks(self) -> None:
        circular = reading(modes="{WFO, WFH, LIBUR}", window="minggu")
        sunday, monday = dt.date(2026, 4, 12), dt.date(2026, 4, 13)
        log = [call("c1", ANI.nip, at(sunday, "09:00")), call("c2", ANI.nip, at(monday, "09:00"))]
        assert rules(run(circular, log))[LISAN] == 0
        log = [
            call("c1", ANI.nip, at(monday, "09:00")),
            call("c2", ANI.nip, at(monday + dt.timedelta(days=6), "09:00")),
        ]
        [lisan] = [s for s in run(circular, log).sanctions if s.rule == LISAN]
        assert lisan.window == "2026-W16"


# ------------------------------------------------------------ 10.b: when a contact counts
class TestWhenContactsCount:
    @pytest.mark.parametrize(
        ("clock", "counted"),
        [
            ("06:00", False),
            ("07:29:59", False),
            ("07:30", True),
            ("12:00", True),
            ("15:59:59", True),
            ("16:00", False),
            ("16:00:01", False),
            ("23:59", False),
        ],
    )
    def test_hours_are_start_inclusive_end_exclusive(
        self, reference: Circular, clock: str, counted: bool
    ) -> None:
        result = run(reference, [call("c1", ANI.nip, at(FRI, clock))])
        assert result.counted == int(counted)
        assert result.skipped == ({} if counted else {Skipped.OUTSIDE_HOURS: 1})
        assert rules(result) == (Counter({UNANSWERED: 1}) if counted else Counter())

    def test_hours_are_read_in_the_circulars_zone(self, reference: Circular) -> None:
        # 00:30 UTC is 07:30 WIB; 09:00 UTC is 16:00 WIB.
        inside = dt.datetime(2026, 4, 10, 0, 30, tzinfo=dt.UTC)
        outside = dt.datetime(2026, 4, 10, 9, 0, tzinfo=dt.UTC)
        result = run(reference, [call("c1", ANI.nip, inside), call("c2", ANI.nip, outside)])
        assert (result.counted, result.skipped) == (1, {Skipped.OUTSIDE_HOURS: 1})
        [breach] = result.breaches
        assert breach.at == inside and breach.at.utcoffset() == dt.timedelta(hours=7)

    def test_the_local_day_decides_the_mode(self, reference: Circular) -> None:
        # Thursday 23:30 UTC is Friday 06:30 WIB: a Friday, but before the hours.
        early = dt.datetime(2026, 4, 9, 23, 30, tzinfo=dt.UTC)
        # Friday 17:30 UTC is Saturday 00:30 WIB: a day off.
        late = dt.datetime(2026, 4, 10, 17, 30, tzinfo=dt.UTC)
        result = run(reference, [call("c1", ANI.nip, early), call("c2", ANI.nip, late)])
        assert result.skipped == {Skipped.OUTSIDE_HOURS: 1, Skipped.NOT_ON_DUTY: 1}

    def test_a_rule_file_in_wita(self) -> None:
        # 07:30 WITA is 06:30 WIB: counted under WITA.
        wita = reading(zone="WITA")
        sent = dt.datetime(2026, 4, 10, 7, 30, tzinfo=zoneinfo.ZoneInfo("Asia/Makassar"))
        assert run(wita, [call("c1", ANI.nip, sent)]).counted == 1
        assert run(reading(), [call("c1", ANI.nip, sent)]).skipped == {Skipped.OUTSIDE_HOURS: 1}

    def test_a_duty_without_hours_holds_all_day(self) -> None:
        circular = reading(hours="")
        log = [call("c1", ANI.nip, at(FRI, "00:00")), call("c2", ANI.nip, at(FRI, "23:59:59"))]
        result = run(circular, log)
        assert (result.counted, rules(result)[LISAN]) == (2, 1)

    def test_a_contact_on_a_thursday_is_not_on_duty(self, reference: Circular) -> None:
        result = run(
            reference,
            [call("c1", ANI.nip, at(THU, "09:00")), call("c2", ANI.nip, at(THU, "10:00"))],
        )
        assert (result.counted, result.skipped, result.breaches) == (
            0,
            {Skipped.NOT_ON_DUTY: 2},
            (),
        )

    def test_a_contact_on_a_holiday_is_not_on_duty(self, reference: Circular) -> None:
        log = [
            call("c1", ANI.nip, at(GOOD_FRIDAY, "09:00")),
            call("c2", ANI.nip, at(GOOD_FRIDAY, "10:00")),
        ]
        result = run(reference, log)
        assert (result.skipped, result.sanctions) == ({Skipped.NOT_ON_DUTY: 2}, ())

    def test_a_contact_on_a_weekend_is_not_on_duty(self, reference: Circular) -> None:
        saturday = FRI + dt.timedelta(days=1)
        assert run(reference, [call("c1", ANI.nip, at(saturday, "09:00"))]).skipped == {
            Skipped.NOT_ON_DUTY: 1
        }

    def test_a_unit_that_stays_in_the_office_is_not_on_duty(self, reference: Circular) -> None:
        log = [call("c1", CITRA.nip, at(FRI, "09:00")), call("c2", CITRA.nip, at(FRI, "10:00"))]
        assert run(reference, log).skipped == {Skipped.NOT_ON_DUTY: 2}

    def test_wfa_is_not_a_duty_mode_in_the_reference(self, reference: Circular) -> None:
        head = attrs.evolve(ANI, nip="197001011995031001", jenjang=PositionLevel.JPT_PRATAMA)
        log = [call("c1", head.nip, at(FRI, "09:00")), call("c2", head.nip, at(FRI, "10:00"))]
        assert run(reference, log, staff=[head]).skipped == {Skipped.NOT_ON_DUTY: 2}

    def test_before_the_circular_is_in_force(self, reference: Circular) -> None:
        friday_before = dt.date(2026, 3, 27)
        assert run(reference, [call("c1", ANI.nip, at(friday_before, "09:00"))]).skipped == {
            Skipped.NOT_ON_DUTY: 1
        }

    def test_a_person_on_leave(self, reference: Circular) -> None:
        leave = [Absence(ANI.nip, FRI, FRI)]
        log = [
            call("c1", ANI.nip, at(FRI, "09:00")),
            call("c2", ANI.nip, at(FRI, "10:00")),
            call("c3", BUDI.nip, at(FRI, "09:00")),
            call("c4", ANI.nip, at(FRI2, "09:00")),  # back from leave
        ]
        result = run(reference, log, absences=leave)
        assert result.skipped == {Skipped.ON_LEAVE: 2}
        assert sorted(b.contact for b in result.breaches) == ["c3", "c4"]
        assert result.sanctions == ()

    def test_leave_counts_with_the_schedule_too(self, reference: Circular) -> None:
        leave = [Absence(ANI.nip, FRI - dt.timedelta(days=4), FRI)]
        log = [call("c1", ANI.nip, at(FRI, "09:00")), call("c2", ANI.nip, at(FRI, "10:00"))]
        result = run(reference, log, absences=leave, use_schedule=True)
        assert (result.skipped, result.breaches) == ({Skipped.ON_LEAVE: 2}, ())

    def test_an_unknown_nip(self, reference: Circular) -> None:
        log = [call("c1", UNKNOWN, at(FRI, "09:00")), call("c2", UNKNOWN, at(FRI, "10:00"))]
        result = run(reference, log)
        assert (result.counted, result.skipped, rules(result)) == (
            0,
            {Skipped.UNKNOWN_NIP: 2},
            Counter(),
        )

    def test_outside_the_dates_asked_for(self, reference: Circular) -> None:
        log = [
            call("c1", ANI.nip, at(FRI, "09:00")),
            call("c2", ANI.nip, at(FRI2, "09:00")),
            call("c3", ANI.nip, at(FRI2, "10:00")),
            call("c4", ANI.nip, at(FRI2 + dt.timedelta(weeks=1), "09:00")),
        ]
        result = run(reference, log, first=FRI2, last=FRI2)
        assert result.skipped == {Skipped.OUTSIDE_RANGE: 2}
        assert sorted(b.contact for b in result.breaches) == ["c2", "c3"]
        assert rules(result)[LISAN] == 1

    def test_an_unknown_nip_is_reported_before_the_range(self, reference: Circular) -> None:
        result = run(reference, [call("c1", UNKNOWN, at(FRI2, "09:00"))], first=FRI, last=FRI)
        assert result.skipped == {Skipped.UNKNOWN_NIP: 1}

    def test_an_undecided_mode_is_set_aside_with_a_warning(self) -> None:
        # Two rules that both apply on Fridays, neither an exception to the other.
        text = READING.format(
            zone="WIB",
            modes="{WFH}",
            hours="",
            missed="kontak.saluran adalah PANGGILAN",
            misses=2,
            window="hari",
        ) + (
            '\nbutir 3 "WFA bagi Bappeda pada hari Jumat":\n'
            "    moda_kerja adalah WFA\n"
            "    jika hari adalah Jumat\n"
            '    dan unit.kode adalah "BAPPEDA"\n'
        )
        circular = Circular.from_text(text, "konflik.edaran", static_conflicts=False)
        result = run(
            circular,
            [call("c1", ANI.nip, at(FRI, "09:00")), call("c2", CITRA.nip, at(FRI, "09:00"))],
        )
        assert result.skipped == {Skipped.UNDECIDED: 1}
        assert [b.nip for b in result.breaches] == [CITRA.nip]
        assert result.warnings and result.warnings[0].is_error

    @pytest.mark.parametrize("use_schedule", [False, True])
    def test_a_person_not_yet_in_post_is_not_on_duty(
        self, reference: Circular, use_schedule: bool
    ) -> None:
        newcomer = attrs.evolve(BUDI, mulai_tugas=FRI2)
        log = [call("c1", BUDI.nip, at(FRI, "09:00")), call("c2", BUDI.nip, at(FRI, "10:00"))]
        result = run(reference, log, staff=[ANI, newcomer], use_schedule=use_schedule)
        # Set aside (as not on duty, or a reason of its own), but neither a breach nor an error.
        assert (result.breaches, result.counted) == ((), 0)
        assert Skipped.UNDECIDED not in result.skipped

    def test_two_different_contacts_with_one_id_do_not_depend_on_order(
        self, reference: Circular
    ) -> None:
        sent = at(FRI, "09:00")
        missed = call("c1", ANI.nip, sent)
        answered = call("c1", ANI.nip, sent, after(sent, seconds=30))
        assert run(reference, [missed, answered]) == run(reference, [answered, missed])

    def test_a_contact_set_aside_is_counted_once(self, reference: Circular) -> None:
        log = [
            call("c1", UNKNOWN, at(FRI, "09:00")),
            call("c2", ANI.nip, at(THU, "09:00")),
            call("c3", ANI.nip, at(FRI, "18:00")),
            call("c4", ANI.nip, at(FRI, "09:00")),
        ]
        result = run(reference, log)
        assert result.counted + sum(result.skipped.values()) == len(log)


# ------------------------------------------------------------ the schedule
class TestSchedule:
    """With caps (butir 4), the person's mode is the schedule's, not the rules' alone."""

    def test_a_unit_of_one_keeps_its_only_member_on_site(self, reference: Circular) -> None:
        log = [call("c1", ANI.nip, at(FRI, "09:00")), call("c2", ANI.nip, at(FRI, "10:00"))]
        assert rules(run(reference, log, staff=[ANI])) == Counter({UNANSWERED: 2, LISAN: 1})
        scheduled = run(reference, log, staff=[ANI], use_schedule=True)
        assert (scheduled.breaches, scheduled.skipped) == ((), {Skipped.NOT_ON_DUTY: 2})

    def test_the_cap_keeps_one_of_two_in_the_office(self, reference: Circular) -> None:
        staff = [
            Employee("198001012005011001", "Ahmad", BPKAD),
            Employee("198502152010012002", "Siti", BPKAD),
        ]
        made = schedule(reference, staff, FRI, FRI)
        modes = {a.nip: a.mode for a in made}
        assert sorted(modes.values()) == ["WFH", "WFO"]  # 50% of 2, and at least 1 on site
        home = next(nip for nip, mode in modes.items() if mode == "WFH")
        office = next(nip for nip, mode in modes.items() if mode == "WFO")
        log = [
            call("c1", home, at(FRI, "09:00")),
            call("c2", home, at(FRI, "10:00")),
            call("c3", office, at(FRI, "09:00")),
            call("c4", office, at(FRI, "10:00")),
        ]
        rules_only = run(reference, log, staff=staff)
        assert {b.nip for b in rules_only.breaches} == {home, office}  # both eligible
        result = run(reference, log, staff=staff, use_schedule=True)
        assert {b.nip for b in result.breaches} == {home}
        assert {s.nip for s in result.sanctions} == {home}
        assert result.skipped == {Skipped.NOT_ON_DUTY: 2}

    def test_the_mode_on_a_day_does_not_depend_on_earlier_contacts(
        self, reference: Circular
    ) -> None:
        staff = [
            Employee("198001012005011001", "Ahmad", BPKAD),
            Employee("198502152010012002", "Siti", BPKAD),
        ]
        later = [call(f"c{i}", e.nip, at(FRI2, f"{9 + i:02d}:00")) for i, e in enumerate(staff)]
        earlier = [call(f"e{i}", e.nip, at(FRI, f"{9 + i:02d}:00")) for i, e in enumerate(staff)]
        alone = run(reference, later, staff=staff, use_schedule=True)
        whole = run(reference, earlier + later, staff=staff, use_schedule=True)
        assert alone.breaches == tuple(b for b in whole.breaches if b.date == FRI2)


# ------------------------------------------------------------ the language
class TestRuleText:
    def test_english_keywords_read_the_same(self) -> None:
        english = Circular.from_text(ENGLISH, "test.edaran")
        log = [call(f"c{i}", ANI.nip, at(d, "09:00")) for i, d in enumerate([FRI, FRI, FRI2, FRI2])]
        log = [
            attrs.evolve(c, id=f"c{i}", dikirim=c.dikirim + dt.timedelta(minutes=i))
            for i, c in enumerate(log)
        ]
        result = run(english, log)
        assert rules(result) == Counter(
            {"butir 10.d[missed]": 4, "butir 10.d[verbal]": 2, "butir 10.d[repeat]": 1}
        )
        assert {s.clause for s in result.sanctions} == {"butir 10.d"}

    def test_ids_and_titles_come_from_the_file(self, reference: Circular) -> None:
        log = [call("c1", ANI.nip, at(FRI, "09:00")), call("c2", ANI.nip, at(FRI, "10:00"))]
        result = run(reference, log)
        first = result.breaches[0]
        assert (first.id, first.rule, first.clause, first.title) == (
            f"{UNANSWERED}:c1",
            UNANSWERED,
            "butir 10.d",
            "Panggilan tidak direspon",
        )
        [lisan] = result.sanctions
        assert lisan.id == f"{LISAN}:{ANI.nip}:2026-04-10:1"
        assert (lisan.unit, lisan.title) == (
            "BAPPEDA",
            "Hukuman disiplin teguran lisan: tidak merespon 2 (dua) kali panggilan",
        )

    def test_no_contacts(self, reference: Circular) -> None:
        assert run(reference, []) == DisciplineResult((), (), 0, {})
        assert run(reference, [], use_schedule=True) == DisciplineResult((), (), 0, {})


# ------------------------------------------------------------ properties
PEOPLE = (ANI, BUDI, CITRA, Employee("199211302019031002", "Dewi", BAPPEDA, capaian_kinerja=None))
NIPS = (*(e.nip for e in PEOPLE), UNKNOWN)
#: Thursdays, Fridays (a holiday, period 1 and period 2) and a Saturday.
DAYS = (
    GOOD_FRIDAY,
    THU,
    FRI,
    FRI + dt.timedelta(days=1),
    FRI2,
    dt.date(2026, 5, 22),
    LAST_FRI_P1,
    FIRST_FRI_P2,
    dt.date(2026, 6, 12),
)


@st.composite
def contact_logs(draw: st.DrawFn, max_size: int = 30) -> list[Contact]:
    """Logs with unique ids, most contacts in the hours of a few Fridays."""
    size = draw(st.integers(0, max_size))
    log = []
    for i in range(size):
        day = draw(st.sampled_from(DAYS))
        seconds = draw(st.integers(6 * 3600, 17 * 3600))
        sent = dt.datetime.combine(day, dt.time(), tzinfo=WIB) + dt.timedelta(seconds=seconds)
        channel = draw(st.sampled_from(Channel))
        delay = draw(
            st.one_of(
                st.none(),
                st.integers(0, 1200),
                st.sampled_from([299, 300, 301]),
                st.integers(8 * 3600, 20 * 3600),  # after midnight, often
            )
        )
        answered = None if delay is None else sent + dt.timedelta(seconds=delay)
        reason = draw(st.sampled_from([None, None, None, "rapat", " "]))
        nip = draw(st.sampled_from(NIPS))
        log.append(Contact(f"k{i:03d}", nip, "atasan", channel, sent, answered, reason))
    return log


PROPERTY = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _run(
    circular: Circular, log: Sequence[Contact], use_schedule: bool = False
) -> DisciplineResult:
    return run_discipline(circular, PEOPLE, log, use_schedule=use_schedule)


class TestProperties:
    @fast_and_full(fast=20, full=100)
    def test_determinism(self, reference: Circular, max_examples: int) -> None:
        @settings(PROPERTY, max_examples=max_examples)
        @given(log=contact_logs(), use_schedule=st.booleans())
        def holds(log: list[Contact], use_schedule: bool) -> None:
            assert _run(reference, log, use_schedule) == _run(reference, list(log), use_schedule)

        holds()

    @fast_and_full(fast=20, full=100)
    def test_order_does_not_matter(self, reference: Circular, max_examples: int) -> None:
        @settings(PROPERTY, max_examples=max_examples)
        @given(log=contact_logs(), use_schedule=st.booleans(), data=st.data())
        def holds(log: list[Contact], use_schedule: bool, data: st.DataObject) -> None:
            shuffled = data.draw(st.permutations(log))
            assert _run(reference, shuffled, use_schedule) == _run(reference, log, use_schedule)

        holds()

    @fast_and_full(fast=20, full=100)
    def test_a_log_in_two_parts_and_with_repeats(
        self, reference: Circular, max_examples: int
    ) -> None:
        @settings(PROPERTY, max_examples=max_examples)
        @given(log=contact_logs(), use_schedule=st.booleans(), data=st.data())
        def holds(log: list[Contact], use_schedule: bool, data: st.DataObject) -> None:
            cut = data.draw(st.integers(0, len(log)))
            repeats = data.draw(st.lists(st.sampled_from(log), max_size=5)) if log else []
            parts = log[cut:] + repeats + log[:cut]
            assert _run(reference, parts, use_schedule) == _run(reference, log, use_schedule)

        holds()

    @fast_and_full(fast=20, full=100)
    def test_a_longer_log_only_extends_the_result(
        self, reference: Circular, max_examples: int
    ) -> None:
        @settings(PROPERTY, max_examples=max_examples)
        @given(log=contact_logs(), use_schedule=st.booleans(), data=st.data())
        def holds(log: list[Contact], use_schedule: bool, data: st.DataObject) -> None:
            whole = _run(reference, log, use_schedule)
            day = data.draw(st.sampled_from(DAYS))
            shorter = [c for c in log if c.dikirim.astimezone(WIB).date() <= day]
            part = _run(reference, shorter, use_schedule)
            assert part.breaches == tuple(b for b in whole.breaches if b.date <= day)
            assert part.sanctions == tuple(s for s in whole.sanctions if s.date <= day)

        holds()

    @fast_and_full(fast=20, full=100)
    def test_every_contact_is_counted_or_set_aside_once(
        self, reference: Circular, max_examples: int
    ) -> None:
        @settings(PROPERTY, max_examples=max_examples)
        @given(log=contact_logs())
        def holds(log: list[Contact]) -> None:
            result = _run(reference, log)
            assert result.counted + sum(result.skipped.values()) == len(log)
            contacts = {c.id for c in log}
            assert all(b.contact in contacts for b in result.breaches)
            events = {b.id: b for b in result.breaches} | {s.id: s for s in result.sanctions}
            for s in result.sanctions:
                assert all(events[e].nip == s.nip for e in s.behind)
                assert max(events[e].at for e in s.behind) == s.at

        holds()

    @fast_and_full(fast=20, full=100)
    def test_agrees_with_a_hand_written_reading(
        self, reference: Circular, max_examples: int
    ) -> None:
        @settings(PROPERTY, max_examples=max_examples)
        @given(log=contact_logs(max_size=40))
        def holds(log: list[Contact]) -> None:
            assert _counts(_run(reference, log)) == hand_written(reference, log)

        holds()


def _counts(result: DisciplineResult) -> tuple[Counter[tuple[str, str]], int, dict[str, int]]:
    events = [(b.rule, b.nip) for b in result.breaches] + [
        (s.rule, s.nip) for s in result.sanctions
    ]
    return Counter(events), result.counted, result.skipped


def hand_written(
    circular: Circular, log: Sequence[Contact]
) -> tuple[Counter[tuple[str, str]], int, dict[str, int]]:
    """Butir 10.b-d of the reference circular, read directly (the rules decide the mode)."""
    people = {e.nip: e for e in PEOPLE}
    counts: Counter[tuple[str, str]] = Counter()
    skipped: Counter[str] = Counter()
    counted = 0
    misses: Counter[tuple[str, dt.date]] = Counter()
    reprimands: Counter[tuple[str, int]] = Counter()
    for c in log:
        local = c.dikirim.astimezone(WIB)
        day = local.date()
        person = people.get(c.nip)
        if person is None:
            skipped[Skipped.UNKNOWN_NIP] += 1
            continue
        if circular.decide(person, day).value != "WFH":
            skipped[Skipped.NOT_ON_DUTY] += 1
            continue
        if not dt.time(7, 30) <= local.time() < dt.time(16):
            skipped[Skipped.OUTSIDE_HOURS] += 1
            continue
        counted += 1
        if c.dijawab is None and c.saluran is Channel.PANGGILAN:
            counts[(UNANSWERED, c.nip)] += 1
            misses[(c.nip, day)] += 1
        late = c.dijawab is not None and c.dijawab - c.dikirim >= dt.timedelta(minutes=5)
        if late and not (c.alasan or "").strip():
            counts[(LATE, c.nip)] += 1
            counts[(TERTULIS, c.nip)] += 1
            reprimands[(c.nip, _period(day))] += 1
    for (nip, day), n in misses.items():
        counts[(LISAN, nip)] += n // 2
        reprimands[(nip, _period(day))] += n // 2
    for (nip, _), n in reprimands.items():
        counts[(BERULANG, nip)] += n // 2
    return +counts, counted, dict(sorted(skipped.items()))


def _period(day: dt.date) -> int:
    """Evaluation periods of two months from 2026-04-01."""
    return (day.year * 12 + day.month - (2026 * 12 + 4)) // 2
