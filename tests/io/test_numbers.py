"""Numbers as people write them in Indonesian spreadsheets (:mod:`edaran.io.numbers`)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from edaran.io.cells import BadValue
from edaran.io.numbers import format_indonesian, from_excel, parse_money, parse_number


@pytest.mark.parametrize(
    ("text", "indonesian", "expected"),
    [
        ("1500000", False, "1500000"),
        ("1.500.000", False, "1500000"),
        ("1.500.000", True, "1500000"),
        ("1.500.000,00", False, "1500000.00"),
        ("1,5", False, "1.5"),
        ("1234.5", False, "1234.5"),
        ("1234.5", True, "1234.5"),
        ("-1.234,5", False, "-1234.5"),
        ("1.500", True, "1500"),  # a ";" file: grouping
        ("1.500", False, "1.500"),  # a "," file: a decimal point
        ("12.345.678", False, "12345678"),
        ("0,05", False, "0.05"),
        ("  42 ", False, "42"),
    ],
)
def test_parse_number(text: str, indonesian: bool, expected: str) -> None:
    value = parse_number(text, indonesian=indonesian)
    assert isinstance(value, Decimal)
    assert str(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rp 1.500.000,00", "1500000.00"),
        ("Rp1.500.000", "1500000"),  # the prefix makes the file's locale Indonesian
        ("Rp. 1.500.000,-", "1500000"),
        ("rp 1.500", "1500"),
        ("RP 875.000,10", "875000.10"),
        ("-Rp 2.000,5", "-2000.5"),
        ("Rp -2.000", "-2000"),
        ("1.500.000,-", "1500000"),
        ("1234.5", "1234.5"),
    ],
)
def test_parse_money(text: str, expected: str) -> None:
    assert str(parse_money(text)) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1.50.000", "thousands dots must separate groups of exactly three digits (1.500.000)"),
        ("1.500.00,5", "thousands dots must separate groups of exactly three digits (1.500.000)"),
        ("1,234.5", "a dot after the decimal comma; write 1.234,56 or 1234.56"),
        (
            "1,500,000",
            "more than one comma; the comma is the decimal separator and dots group "
            "thousands (1.500.000,00)",
        ),
        ("12 ribu", "a space inside the number"),
        ("12ribu", "'r' is not part of a number"),
        ("1,", "no digits after the decimal comma"),
        (",5", "no digits before the decimal comma"),
        ("1.", "a dot without digits on one side"),
        ("-", "it has no digits"),
        ("Rp 1.500", "the Rp prefix belongs in money columns only"),
    ],
)
def test_unreadable_numbers_say_why(text: str, reason: str) -> None:
    with pytest.raises(BadValue) as caught:
        parse_number(text)
    assert caught.value.code == "D053"
    assert caught.value.args_["value"] == text
    assert caught.value.args_["reason"].localize("en") == reason


def test_money_reasons_in_indonesian() -> None:
    with pytest.raises(BadValue) as caught:
        parse_money("Rp 12,500,000.00")
    assert caught.value.args_["reason"].localize("id") == (
        "lebih dari satu koma; koma adalah pemisah desimal dan titik pemisah ribuan (1.500.000,00)"
    )


def test_excel_values() -> None:
    assert from_excel(3) == 3 and isinstance(from_excel(3), int)
    assert from_excel(0.1) == Decimal("0.1")  # not 0.1000000000000000055511151231257827
    assert from_excel(1500000.25) == Decimal("1500000.25")
    assert from_excel(Decimal("1.50")) == Decimal("1.50")
    for bad in (float("nan"), float("inf"), True, Decimal("NaN")):
        with pytest.raises(BadValue):
            from_excel(bad)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("1234567.89"), "Rp 1.234.567,89"),
        (Decimal("0.05"), "Rp 0,05"),
        (Decimal("-1500"), "-Rp 1.500"),
        (Decimal("1E+3"), "Rp 1.000"),
        (Decimal("100"), "Rp 100"),
    ],
)
def test_format_indonesian(value: Decimal, expected: str) -> None:
    assert format_indonesian(value, rupiah=True) == expected


@given(st.decimals(allow_nan=False, allow_infinity=False, places=2, max_value=10**15))
def test_rupiah_round_trips(amount: Decimal) -> None:
    written = format_indonesian(amount, rupiah=True)
    read = parse_money(written)
    assert read == amount
    assert read.as_tuple().exponent == amount.as_tuple().exponent  # the sen as written


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**12), max_value=10**12))
def test_numbers_round_trip_in_an_indonesian_file(value: Decimal) -> None:
    written = format_indonesian(value)
    assert parse_number(written, indonesian=True) == value


def test_a_sum_that_float_gets_wrong_comes_out_exact() -> None:
    cells = ["Rp 1.000.000,10", *["Rp 0,10"] * 9]
    as_floats = [float(c[3:].replace(".", "").replace(",", ".")) for c in cells]
    assert sum(as_floats) != 1000001.0  # 1000000.9999999998
    total = sum(parse_money(c) for c in cells)
    assert total == Decimal("1000001.00")
    assert str(total) == "1000001.00"
