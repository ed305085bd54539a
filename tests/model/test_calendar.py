"""Periods and windows of the calendar (:mod:`edaran.model.calendar`).

A circular in force from 1 April 2026, evaluated every two months
(``tests/data/quota/lengkap.edaran``): its periods, the calendar month,
the ISO week and the day that hold a date, and the months of a period.
"""

from __future__ import annotations

import datetime as dt

import pytest

from edaran import Circular
from edaran.model import Period, months_of
from paths import DATA

FULL = Circular.load(DATA / "quota" / "lengkap.edaran")
P1 = Period(1, dt.date(2026, 4, 1), dt.date(2026, 5, 31))
P2 = Period(2, dt.date(2026, 6, 1), dt.date(2026, 7, 31))
APR, MAY = dt.date(2026, 4, 1), dt.date(2026, 5, 1)


@pytest.mark.parametrize(
    ("window", "day", "expected"),
    [
        ("periode", dt.date(2026, 5, 31), P1),
        ("periode", dt.date(2026, 6, 1), P2),
        ("bulan", dt.date(2026, 2, 14), Period(2, dt.date(2026, 2, 1), dt.date(2026, 2, 28))),
        ("minggu", dt.date(2026, 4, 9), Period(15, dt.date(2026, 4, 6), dt.date(2026, 4, 12))),
        ("hari", dt.date(2026, 4, 9), Period(9, dt.date(2026, 4, 9), dt.date(2026, 4, 9))),
    ],
)
def test_windows_of_the_circular(window: str, day: dt.date, expected: Period) -> None:
    assert FULL.windows.window(window, day) == expected


def test_months_of_a_period() -> None:
    assert months_of(P1) == [APR, MAY]
    # A month that starts before the period is not one of its months.
    assert months_of(Period(1, dt.date(2026, 4, 15), dt.date(2026, 6, 14))) == [
        MAY,
        dt.date(2026, 6, 1),
    ]
