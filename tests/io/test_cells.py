"""One cell of a spreadsheet into a value (:mod:`edaran.io.cells`).

NIPs, decimals, booleans, dates, integers and enum spellings, as SIMPEG
exports and Excel write them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from edaran.io.cells import (
    BadValue,
    parse_bool,
    parse_date,
    parse_decimal,
    parse_enum,
    parse_int,
    parse_nip,
)
from edaran.model import PositionLevel, UnitKind


@pytest.mark.parametrize(
    ("text", "nip"),
    [
        ("198001012005011001", "198001012005011001"),
        ("19800101 200501 1 001", "198001012005011001"),
        (" 19800229\t200501 2 999 ", "198002292005012999"),
    ],
)
def test_valid_nips(text: str, nip: str) -> None:
    assert parse_nip(text) == nip


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("19800101200501100", "D030"),  # 17 digits
        ("1980010120050110011", "D030"),  # 19 digits
        ("19800101200501100A", "D030"),
        ("١٩٨٠٠١٠١٢٠٠٥٠١١٠٠١", "D030"),  # Arabic-Indic digits are digits, but not NIP digits
        ("1.98001E+17", "D030"),
        ("198013012005011001", "D031"),  # month 13
        ("198102292005011001", "D031"),  # 1981 is not a leap year
        ("000001012005011001", "D031"),  # year 0
        ("198001012005001001", "D032"),  # month 00
        ("198001011979121001", "D033"),  # appointed before birth
        ("198001012005010001", "D034"),
        ("198001012005013001", "D034"),
    ],
)
def test_invalid_nips(text: str, code: str) -> None:
    with pytest.raises(BadValue) as raised:
        parse_nip(text)
    assert raised.value.code == code


def test_nip_mangled_by_excel_gets_a_note() -> None:
    with pytest.raises(BadValue) as raised:
        parse_nip("1.98001E+17")
    assert raised.value.notes == (("data-note-excel-number", {}),)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("85.5", "85.5"),
        ("85,5", "85.5"),
        ("1.234,5", "1234.5"),
        ("1,234.5", "1234.5"),
        ("1.234.567", "1234567"),
        ("1.234", "1.234"),  # a lone separator is always decimal
        ("-0,25", "-0.25"),
        (" 110 ", "110"),
    ],
)
def test_decimals(text: str, value: str) -> None:
    assert parse_decimal(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "abc", "85.5.5", "1.23,4", "1,2,3", "NaN", "Infinity", "1e5"])
def test_bad_decimals(text: str) -> None:
    with pytest.raises(BadValue):
        parse_decimal(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        *[(text, True) for text in ("ya", "Y", "benar", "TRUE", "1", "yes")],
        *[(text, False) for text in ("tidak", "t", "Salah", "false", "0", "no", "N")],
    ],
)
def test_booleans(text: str, value: bool) -> None:
    assert parse_bool(text) is value


def test_dates_and_integers() -> None:
    assert parse_date("2026-04-01") == parse_date("01-04-2026") == parse_date("1/4/2026")
    assert parse_date("01/04/2026") == dt.date(2026, 4, 1)
    for bad in ("2026-02-30", "04/01/26", "April 1, 2026"):
        with pytest.raises(BadValue):
            parse_date(bad)
    assert parse_int("1.234") == 1234 and parse_int("-7") == -7
    with pytest.raises(BadValue):
        parse_int("1,5")


@pytest.mark.parametrize(
    "text", ["JPT Pratama", "jpt_pratama", "JPT-PRATAMA", " jpt  pratama ", "JPT_PRATAMA"]
)
def test_enum_spellings(text: str) -> None:
    assert parse_enum(PositionLevel, text) is PositionLevel.JPT_PRATAMA


def test_enum_by_value_and_suggestion() -> None:
    assert parse_enum(UnitKind, "Rumah Sakit") is UnitKind.RUMAH_SAKIT
    assert parse_enum(UnitKind, "upt-sekolah") is UnitKind.UPT_SEKOLAH
    with pytest.raises(BadValue) as raised:
        parse_enum(UnitKind, "Rumah Sakti")
    assert raised.value.suggestions == ("Rumah Sakit",)
