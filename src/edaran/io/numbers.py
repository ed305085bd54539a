"""Numbers and money as people in Indonesia write them, read exactly.

Accepted: ``1500000``, ``1.500.000``, ``1.500.000,00``, ``1,5``, ``1234.5``,
a leading minus, and for money an ``Rp`` prefix (``Rp 1.500.000,00``,
``Rp1.500.000``, ``Rp. 1.500.000,-``; ``,-`` means no sen).  The rule:

* A value **with a comma** follows Indonesian conventions: the comma is the
  decimal separator and dots group thousands (``1.234.567,89``).  One comma
  only, no dot after it, and dots only between groups of exactly three digits.
* A value **without a comma** whose dots split it into groups of exactly
  three digits after the first (``1.500``, ``12.345.678``) is grouped
  thousands when the file is in an Indonesian locale (a CSV file delimited
  by ``;``, or a value with an ``Rp`` prefix), and a decimal point otherwise:
  ``1.500`` is one thousand five hundred in ``biaya.csv`` (``;``) and one and
  a half in a ``,`` file.  Two dots or more can only be grouping, so
  ``12.345.678`` is twelve million in either locale.
* A value with one dot that is not such a group (``1234.5``, ``1.5``) has a
  decimal point.
* Anything else (``1.50.000``, ``1,234.5``, ``1,500,000``, ``12 ribu``) is an
  error whose reason says what is wrong.

Values are always :class:`~decimal.Decimal`, never float, and keep the
digits written: ``Rp 1.500.000,00`` is ``Decimal("1500000.00")`` (rounding
happens in reports).  Excel cells that are already numbers go through
:func:`from_excel`.  A bad value raises :class:`~edaran.io.cells.BadValue`
``D053`` with a ``reason`` worded in the reader's language.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from edaran.io.cells import BadValue
from edaran.messages import Localized

__all__ = ["NUMBER_CODE", "format_indonesian", "from_excel", "parse_money", "parse_number"]

#: The catalogue code of an unreadable number or amount.
NUMBER_CODE = "D053"

_RUPIAH = re.compile(r"(?P<sign>-?)\s*rp\.?\s*(?P<rest>.*)", re.IGNORECASE | re.DOTALL)
_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")
_DIGITS = re.compile(r"\d+")
_ALLOWED = frozenset("0123456789.,")


def _bad(text: str, reason: str, **args: object) -> BadValue:
    return BadValue(NUMBER_CODE, {"value": text, "reason": Localized(reason, **args)})


def parse_number(text: str, *, indonesian: bool = False) -> Decimal:
    """The exact value of a number such as ``1.234,5`` or ``1234.5`` (see the module).

    ``indonesian`` says the file is in an Indonesian locale, where a single dot
    before three digits (``1.500``) groups thousands.  An ``Rp`` prefix is
    refused here: it belongs in money columns (:func:`parse_money`).
    """
    value = text.strip()
    if _RUPIAH.fullmatch(value):
        raise _bad(text, "data-number-rupiah")
    return _parse(text, value, indonesian)


def parse_money(text: str, *, indonesian: bool = False) -> Decimal:
    """An amount in rupiah: a number, optionally after ``Rp``/``Rp.`` and ending in ``,-``.

    The prefix puts the value in the Indonesian locale; the sen stay as
    written (``Rp 1.500,50`` is ``Decimal("1500.50")``).
    """
    value = text.strip()
    if match := _RUPIAH.fullmatch(value):
        value = match["sign"] + match["rest"].strip()
        indonesian = True
    if value.endswith(",-"):  # "Rp 1.500.000,-": a round amount, no sen
        value = value[:-2]
    return _parse(text, value, indonesian)


def _parse(text: str, value: str, indonesian: bool) -> Decimal:
    sign = ""
    if value.startswith("-"):
        sign, value = "-", value[1:]
    for char in value:
        if char.isspace():
            raise _bad(text, "data-number-space")
        if char not in _ALLOWED:
            raise _bad(text, "data-number-char", char=char)
    if not any(ch.isdigit() for ch in value):
        raise _bad(text, "data-number-no-digits")
    whole, comma, fraction = value.partition(",")
    if comma:
        whole, fraction = _indonesian_parts(text, whole, fraction)
    elif "." in value:
        whole, fraction = _dotted_parts(text, value, indonesian)
    return Decimal(f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}")


def _indonesian_parts(text: str, whole: str, fraction: str) -> tuple[str, str]:
    """Integer and fraction digits of a value with a decimal comma."""
    if "," in fraction:
        raise _bad(text, "data-number-commas")
    if "." in fraction:
        raise _bad(text, "data-number-dot-after-comma")
    if not _DIGITS.fullmatch(fraction):
        raise _bad(text, "data-number-after-comma")
    if not whole:
        raise _bad(text, "data-number-before-comma")
    if "." in whole:
        if not _GROUPED.fullmatch(whole):
            raise _bad(text, "data-number-groups")
        whole = whole.replace(".", "")
    return whole, fraction


def _dotted_parts(text: str, value: str, indonesian: bool) -> tuple[str, str]:
    """Integer and fraction digits of a value with dots and no comma."""
    if _GROUPED.fullmatch(value) and (indonesian or value.count(".") > 1):
        return value.replace(".", ""), ""
    whole, _, fraction = value.partition(".")
    if value.count(".") > 1:
        raise _bad(text, "data-number-groups")
    if not whole or not fraction:
        raise _bad(text, "data-number-dot-alone")
    return whole, fraction


def from_excel(value: int | float | Decimal) -> int | Decimal:
    """A number from an Excel cell: an int stays an int, a float becomes the
    Decimal of its shortest repr (``0.1`` is ``Decimal("0.1")``), a Decimal stays.

    Raises :class:`~edaran.io.cells.BadValue` ``D053`` for NaN and infinities
    (and for a bool, which is not a number here).
    """
    if isinstance(value, bool):
        raise _bad(str(value), "data-number-not-finite")
    if isinstance(value, int | Decimal) and not (
        isinstance(value, Decimal) and not value.is_finite()
    ):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return Decimal(repr(value))
    raise _bad(str(value), "data-number-not-finite")


def format_indonesian(value: Decimal, *, rupiah: bool = False) -> str:
    """``Decimal("-1234567.89")`` as ``-1.234.567,89`` (``-Rp 1.234.567,89`` with ``rupiah``).

    The digits after the comma are the value's own (its exponent); a value
    with a positive exponent is written in full.  :func:`parse_money` reads
    the result back to an equal Decimal with the same exponent (or 0).
    """
    if not value.is_finite():
        raise ValueError(f"not a finite amount: {value}")
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # finite values have an int exponent
    text = "".join(map(str, digits)) + "0" * max(exponent, 0)
    places = max(-exponent, 0)
    text = text.rjust(places + 1, "0")
    whole, fraction = text[: len(text) - places], text[len(text) - places :]
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    number = ".".join([whole, *groups]) + ("," + fraction if fraction else "")
    return ("-" if sign else "") + ("Rp " if rupiah else "") + number
