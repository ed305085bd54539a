"""Hours of the day: times plus and minus durations, durations between times, dated hours.

Both backends decide every case; the errors (past midnight, a month added to a
time) are the same E503 text from each.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from edaran.core import EdaranError, render_all
from edaran.core import types as t
from edaran.core.runtime import RUNTIME_OPS
from edaran.core.values import json_value, show_value
from edaran.engine import Circular, DecisionError
from edaran.model import Employee, PositionLevel, Unit, UnitKind

BACKENDS = ["interpreter", "compiled"]
PERSON = Employee(
    "198001012006041001",
    "Pegawai Uji",
    Unit("DISDIK", "Dinas Pendidikan", UnitKind.DINAS),
    PositionLevel.PELAKSANA,
)
MON, FRI = dt.date(2027, 2, 1), dt.date(2027, 2, 12)
FASTING_MON, FASTING_FRI = dt.date(2027, 2, 22), dt.date(2027, 2, 26)

HOURS = """\
surat_edaran "1/2027":
    berlaku 2027-01-01

parameter MASUK: waktu = 07:30
    mulai 2027-02-18: 08:00
parameter PULANG: waktu = 16:00
    mulai 2027-02-18: 15:00
parameter ISTIRAHAT: durasi = 60 menit
    mulai 2027-02-18: 30 menit

keluaran jam_masuk: waktu
keluaran jam_pulang: waktu
keluaran jam_efektif: durasi
keluaran batas_terlambat: waktu

butir 1, bawaan: moda_kerja adalah WFO
butir 2, bawaan: jam_masuk adalah MASUK
butir 3, bawaan: jam_pulang adalah PULANG
butir 3.a "Jumat", pengecualian atas butir 3:
    jam_pulang adalah PULANG + 30 menit jika hari adalah Jumat
butir 4, bawaan: jam_efektif adalah (PULANG - MASUK) - ISTIRAHAT
butir 5, bawaan: batas_terlambat adalah MASUK + 1 jam
"""


def _hm(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


@pytest.fixture(scope="module")
def hours() -> Circular:
    return Circular.from_text(HOURS)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("date", "output", "value"),
    [
        (MON, "jam_masuk", _hm("07:30")),
        (MON, "jam_pulang", _hm("16:00")),
        (FRI, "jam_pulang", _hm("16:30")),
        (MON, "jam_efektif", t.Duration(exact=dt.timedelta(hours=7, minutes=30))),
        (MON, "batas_terlambat", _hm("08:30")),
        (FASTING_MON, "jam_masuk", _hm("08:00")),
        (FASTING_MON, "jam_pulang", _hm("15:00")),
        (FASTING_FRI, "jam_pulang", _hm("15:30")),
        (FASTING_MON, "jam_efektif", t.Duration(exact=dt.timedelta(hours=6, minutes=30))),
        (FASTING_MON, "batas_terlambat", _hm("09:00")),
    ],
)
def test_dated_hours_are_decided(
    hours: Circular, backend: str, date: dt.date, output: str, value: object
) -> None:
    decision = hours.decide(PERSON, date, output, backend=backend)  # type: ignore[arg-type]
    assert decision.value == value


def test_times_and_durations_read_as_a_rule_file_writes_them(hours: Circular) -> None:
    decision = hours.decide(PERSON, FRI, "jam_pulang")
    assert show_value(decision.value) == "16:30"
    assert json_value(decision.value) == "16:30"
    assert show_value(_hm("07:29:59")) == "07:29:59"
    assert show_value(hours.decide(PERSON, MON, "jam_efektif").value) == "450 menit"
    assert "16:30" in hours.explain(PERSON, FRI, "jam_pulang").render("id")


PAST_MIDNIGHT = """\
surat_edaran "2/2027":
    berlaku 2027-01-01

parameter MASUK: waktu = 07:30
    mulai 2027-03-01: 20:00
parameter GESER: durasi = 1 jam
    mulai 2027-03-01: 1 bulan

keluaran jam_pulang: waktu
keluaran jam_awal: waktu

butir 1, bawaan: moda_kerja adalah WFO
butir 2, bawaan: jam_pulang adalah MASUK + 8 jam
butir 3, bawaan: jam_awal adalah 07:00 - GESER
"""


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("output", "lang", "text"),
    [
        (
            "jam_pulang",
            "en",
            "20:00 + 8 jam passes midnight: working hours do not cross into another day",
        ),
        (
            "jam_pulang",
            "id",
            "20:00 + 8 jam melewati tengah malam: jam kerja tidak melintasi pergantian hari",
        ),
        (
            "jam_awal",
            "en",
            "a time of day can only be moved by seconds, minutes or hours, not 1 bulan",
        ),
    ],
)
def test_hours_that_leave_the_day_are_errors(
    backend: str, output: str, lang: str, text: str
) -> None:
    circular = Circular.from_text(PAST_MIDNIGHT)
    day = dt.date(2027, 3, 1)
    assert circular.decide(PERSON, dt.date(2027, 2, 1), output, backend=backend).value in (  # type: ignore[arg-type]
        _hm("15:30"),
        _hm("06:00"),
    )
    with pytest.raises(DecisionError) as caught:
        circular.decide(PERSON, day, output, backend=backend)  # type: ignore[arg-type]
    rendered = render_all(caught.value.diagnostics, lang)  # type: ignore[arg-type]
    assert "[E503]" in rendered and text in rendered


@pytest.mark.parametrize(
    ("expression", "code"),
    [
        ("07:30 + 08:00", "E201"),
        ("07:30 * 2", "E201"),
        ("2026-04-01 - 07:30", "E201"),
        ("07:30 + 1 bulan", "E116"),
        ("23:30 + 1 jam", "E116"),
        ("00:30 - 1 jam", "E116"),
    ],
)
def test_time_arithmetic_that_means_nothing_is_refused_when_checked(
    expression: str, code: str
) -> None:
    text = (
        'surat_edaran "3/2027":\n    berlaku 2027-01-01\n\nkeluaran x: waktu\n\n'
        f"butir 1, bawaan: moda_kerja adalah WFO\nbutir 2: x adalah {expression}\n"
    )
    with pytest.raises(EdaranError) as caught:
        Circular.from_text(text)
    assert [d.code for d in caught.value.diagnostics if d.is_error] == [code]


def test_constant_time_arithmetic_is_folded() -> None:
    text = (
        'surat_edaran "4/2027":\n    berlaku 2027-01-01\n\n'
        "parameter PULANG: waktu = 07:30 + 8 jam + 30 menit\n"
        "parameter EFEKTIF: durasi = 16:00 - 07:30 - 1 jam\n"
    )
    program = Circular.from_text(text).program
    assert program.param_value("PULANG", MON) == _hm("16:00")
    assert program.param_value("EFEKTIF", MON) == t.Duration(exact=dt.timedelta(minutes=450))


# ------------------------------------------------------------------ laws
_SECOND = dt.timedelta(seconds=1)
times = st.times().map(lambda v: v.replace(microsecond=0))
lengths = st.integers(-86_400, 86_400).map(lambda s: t.Duration(exact=s * _SECOND))


@given(times, lengths)
def test_a_time_moved_by_a_duration_is_that_far_away(start: dt.time, step: t.Duration) -> None:
    """``(a + d) - a == d`` whenever ``a + d`` is on the same day; otherwise an error."""
    seconds = start.hour * 3600 + start.minute * 60 + start.second + step.exact // _SECOND
    if 0 <= seconds < 86_400:
        moved = RUNTIME_OPS["time_add"](start, step)
        assert RUNTIME_OPS["time_diff"](moved, start) == step
        assert RUNTIME_OPS["time_sub"](moved, step) == start
    else:
        with pytest.raises(t.EvalError) as caught:
            RUNTIME_OPS["time_add"](start, step)
        assert caught.value.key == "time-past-midnight"


@given(times, times)
def test_the_duration_between_two_times_orders_like_them(a: dt.time, b: dt.time) -> None:
    between = RUNTIME_OPS["time_diff"](a, b)
    zero = t.Duration()
    assert (between > zero) == (a > b) and (between == zero) == (a == b)
    assert RUNTIME_OPS["time_add"](b, between) == a


def test_an_empty_time_gives_an_empty_result() -> None:
    assert RUNTIME_OPS["time_add"](None, t.Duration()) is None
    assert RUNTIME_OPS["time_diff"](_hm("07:00"), None) is None


# ---------------------------------------------------------- jam_kerja
WORKING = """\
surat_edaran "5/2027":
    berlaku 2027-01-01

parameter MASUK: waktu = 07:30
    mulai 2027-02-18: 08:00
parameter ISTIRAHAT: durasi = 60 menit
    mulai 2027-02-18: 30 menit
parameter PULANG: waktu = 16:00

butir 1, bawaan: moda_kerja adalah WFO
butir 2 "Jam kerja", bawaan:
    jam_kerja adalah pukul MASUK sampai PULANG istirahat 12:00 sampai 12:00 + ISTIRAHAT
butir 2.a "Jumat", pengecualian atas butir 2:
    working_hours is hours MASUK until 11:00
    jika hari adalah Jumat
butir 2.b "Terbalik", pengecualian atas butir 2:
    jam_kerja adalah pukul 12:00 sampai MASUK
    jika tanggal adalah 2027-03-01
butir 2.c "Istirahat di luar", pengecualian atas butir 2:
    jam_kerja adalah pukul MASUK sampai 11:00 istirahat 11:30 sampai 12:00
    jika tanggal adalah 2027-03-02
"""


def _hours(text: str) -> t.WorkingHours:
    start, end, *breaks = (_hm(x) for x in text.split())
    return t.working_hours(start, end, *breaks)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("date", "hours", "effective"),
    [
        (MON, "07:30 16:00 12:00 13:00", 450),
        (FRI, "07:30 11:00", 210),
        (FASTING_MON, "08:00 16:00 12:00 12:30", 450),
        (FASTING_FRI, "08:00 11:00", 180),
    ],
)
def test_working_hours_are_an_output(
    backend: str, date: dt.date, hours: str, effective: int
) -> None:
    circular = Circular.from_text(WORKING)
    assert "jam_kerja" in circular.program.outputs
    decision = circular.decide(PERSON, date, "jam_kerja", backend=backend)  # type: ignore[arg-type]
    assert decision.value == _hours(hours)
    assert decision.value.effective == t.Duration(exact=dt.timedelta(minutes=effective))


def test_working_hours_read_as_hours_and_as_data() -> None:
    value = _hours("07:30 16:00 12:00 13:00")
    assert show_value(value, "id") == "07:30-16:00 (istirahat 12:00-13:00)"
    assert show_value(value, "en") == "07:30-16:00 (break 12:00-13:00)"
    assert show_value(_hours("07:30 11:00")) == "07:30-11:00"
    assert json_value(value) == {
        "start": "07:30",
        "end": "16:00",
        "breaks": [["12:00", "13:00"]],
        "effective": "450 menit",
    }
    assert value.periods() == ((_hm("07:30"), _hm("12:00")), (_hm("13:00"), _hm("16:00")))


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("date", "text"),
    [
        (dt.date(2027, 3, 1), "working hours 12:00 until 08:00 do not end after they start"),
        (
            dt.date(2027, 3, 2),
            "the break 11:30 until 12:00 is not inside the working hours 08:00-11:00",
        ),
    ],
)
def test_hours_out_of_order_are_errors(backend: str, date: dt.date, text: str) -> None:
    circular = Circular.from_text(WORKING)
    with pytest.raises(DecisionError) as caught:
        circular.decide(PERSON, date, "jam_kerja", backend=backend)  # type: ignore[arg-type]
    rendered = render_all(caught.value.diagnostics, "en")
    assert "[E503]" in rendered and text in rendered


@pytest.mark.parametrize(
    ("hours", "code"),
    [
        ("pukul 07:30 sampai 8 jam", "E210"),
        ("pukul 07:30 sampai 16:00 istirahat 12:00 sampai 1 jam", "E210"),
        ("pukul 16:00 sampai 07:30", "E116"),
        ("pukul 07:30 sampai 16:00 istirahat 17:00 sampai 18:00", "E116"),
        (
            "pukul 7:00 sampai 16:00 istirahat 12:00 sampai 13:00 istirahat 12:30 sampai 14:00",
            "E116",
        ),
    ],
)
def test_constant_hours_are_checked(hours: str, code: str) -> None:
    text = (
        'surat_edaran "6/2027":\n    berlaku 2027-01-01\n\n'
        f"butir 1, bawaan: moda_kerja adalah WFO\nbutir 2: jam_kerja adalah {hours}\n"
    )
    with pytest.raises(EdaranError) as caught:
        Circular.from_text(text)
    assert [d.code for d in caught.value.diagnostics if d.is_error] == [code]
