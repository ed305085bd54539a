"""What every writer shares (:mod:`edaran.io.publish`): figures as plain digits."""

from __future__ import annotations

from decimal import Decimal

from edaran.io.publish import plain

D = Decimal


def test_plain_never_uses_an_exponent_or_float() -> None:
    assert plain(D("1E+3")) == "1000"
    assert plain(D("0.10") * 3) == "0.3"
    assert plain(D("-2.50")) == "-2.5"
    assert plain(None) == "" and plain(7) == "7"
