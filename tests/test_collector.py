"""The cycle collector is paused while a program or a schedule is built, and only then."""

from __future__ import annotations

import datetime as dt
import gc

import pytest

from edaran.core.collector import collector_paused
from edaran.engine import Circular
from edaran.model import Employee, Unit
from edaran.scheduling import schedule

TEXT = (
    'surat_edaran "1/2026":\n    berlaku 2026-04-01\n\n'
    "butir 1, bawaan:\n    moda_kerja adalah WFO\n"
)


def test_paused_inside_on_again_after_even_after_an_error() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError
    assert gc.isenabled()


def test_a_caller_who_turned_it_off_keeps_it_off() -> None:
    gc.disable()
    try:
        with collector_paused(), collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # not turned on behind the caller's back
    finally:
        gc.enable()


def test_loading_and_scheduling_leave_the_collector_on() -> None:
    circular = Circular.from_text(TEXT, "satu.edaran")
    assert gc.isenabled()
    staff = [Employee("198001012026010001", "A", Unit("U", "U"))]
    made = schedule(circular, staff, dt.date(2026, 4, 6), dt.date(2026, 4, 7))
    assert [a.mode for a in made] == ["WFO", "WFO"]
    assert gc.isenabled()
