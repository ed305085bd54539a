"""Parsing the text of one data cell into a typed value.

Data files come from SIMPEG exports and from spreadsheets typed by hand in an
Indonesian locale, so the parsers accept the spellings people actually write
(``85,5``, ``1.234,5``, ``01/04/2026``, ``ya``, ``JPT Pratama``) and refuse
everything else with a :class:`BadValue` that carries a catalogue code.  The
caller knows the file, line and column and turns it into a diagnostic.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from edaran.core.suggest import suggest
from edaran.core.types import DURATION_UNITS, Duration

__all__ = [
    "BadValue",
    "ValueType",
    "enum_key",
    "parse_bool",
    "parse_date",
    "parse_decimal",
    "parse_duration",
    "parse_enum",
    "parse_int",
    "parse_nip",
    "parse_percent",
    "parse_time",
    "value_type",
]


class BadValue(Exception):
    """A cell's text cannot be read as the type its column needs.

    ``code`` is a catalogue key (``D0xx``); ``args`` fill its message, to which
    the caller adds the column; ``suggestions`` feed "did you mean".
    """

    def __init__(
        self,
        code: str,
        args: Mapping[str, Any],
        suggestions: Iterable[str] = (),
        notes: Iterable[tuple[str, Mapping[str, Any]]] = (),
    ) -> None:
        super().__init__(code)
        self.code = code
        self.args_ = dict(args)
        self.suggestions = tuple(suggestions)
        self.notes = tuple(notes)


# -- booleans -----------------------------------------------------------------

# "t" is "tidak" here, not "true": the files are written by Indonesian staff.
_TRUE = frozenset({"ya", "y", "benar", "true", "1", "yes"})
_FALSE = frozenset({"tidak", "t", "salah", "false", "0", "no", "n"})


def parse_bool(text: str) -> bool:
    """``ya/y/benar/true/yes/1`` or ``tidak/t/salah/false/no/n/0``, any case."""
    key = text.strip().casefold()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise BadValue("D015", {"value": text})


# -- numbers ------------------------------------------------------------------

_PLAIN = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
# Thousands grouped with dots and a decimal comma (Indonesian: 1.234,5) ...
_GROUPED_ID = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?")
# ... or with commas and a decimal point (English: 1,234.5).
_GROUPED_EN = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def parse_decimal(text: str) -> Decimal:
    """An exact decimal: ``85.5``, ``85,5``, ``1.234,5`` or ``1,234.5``.

    A single separator is always the decimal separator (``1.234`` is one point
    two three four), because a lone thousands separator cannot be told apart.
    """
    value = text.strip().replace("\u00a0", "").replace(" ", "")
    if _PLAIN.fullmatch(value):
        normal = value.replace(",", ".")
    elif _GROUPED_ID.fullmatch(value):
        normal = value.replace(".", "").replace(",", ".")
    elif _GROUPED_EN.fullmatch(value):
        normal = value.replace(",", "")
    else:
        raise BadValue("D016", {"value": text})
    return Decimal(normal)  # the patterns admit only what Decimal reads


def parse_percent(text: str) -> Decimal:
    """A percentage as a fraction: ``50%``, ``50`` and ``12,5 %`` are 0.5, 0.5 and 0.125.

    A bare number is read as percent points, as a person types it in a column
    headed with a percentage.
    """
    return parse_decimal(text.strip().removesuffix("%")) / 100


_INT = re.compile(r"[+-]?\d+|[+-]?\d{1,3}(?:\.\d{3})+")


def parse_int(text: str) -> int:
    """A whole number: ``42`` or, with Indonesian thousands dots, ``1.234``."""
    value = text.strip()
    if not _INT.fullmatch(value):
        raise BadValue("D017", {"value": text})
    return int(value.replace(".", ""))


# -- dates --------------------------------------------------------------------

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})[-/](\d{1,2})[-/](\d{4})")


def parse_date(text: str) -> dt.date:
    """``2026-04-01``, or day first: ``01-04-2026`` / ``01/04/2026``."""
    value = text.strip()
    if match := _ISO.fullmatch(value):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DAY_FIRST.fullmatch(value):
        day, month, year = (int(g) for g in match.groups())
    else:
        raise BadValue("D018", {"value": text})
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise BadValue("D018", {"value": text}) from None


# -- times of day and durations ----------------------------------------------

_TIME = re.compile(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?")
_CLOCK = re.compile(r"(\d{1,3}):(\d{2})")
_AMOUNT = re.compile(r"(\d+(?:[.,]\d+)?)\s*([^\W\d]+)")


def parse_time(text: str) -> dt.time:
    """``07:30`` (or ``07.30``, ``07:30:00``): a time of day (D121 otherwise)."""
    match = _TIME.fullmatch(text.strip())
    try:
        if match is None:
            raise ValueError
        hour, minute, second = (int(g) if g else 0 for g in match.groups())
        return dt.time(hour, minute, second)
    except ValueError:
        raise BadValue("D121", {"value": text}) from None


def parse_duration(text: str) -> Duration:
    """``1 jam 45 menit``, ``105 menit``, ``1,5 jam`` or ``1:45`` (hours and minutes).

    Only exact units (seconds to weeks): a month is not a fixed length of
    time, so ``1 bulan`` in a cell is D122, like any other text.
    """
    value = text.strip()
    if match := _CLOCK.fullmatch(value):
        hours, minutes = int(match[1]), int(match[2])
        if minutes < 60:
            return Duration(exact=dt.timedelta(hours=hours, minutes=minutes))
        raise BadValue("D122", {"value": text})
    total = dt.timedelta(0)
    position = 0
    for match in _AMOUNT.finditer(value):
        unit = DURATION_UNITS.get(match[2].casefold())
        if value[position : match.start()].strip() or unit is None or unit.months:
            raise BadValue("D122", {"value": text})
        total += unit.exact * float(Decimal(match[1].replace(",", ".")))
        position = match.end()
    if position == 0 or value[position:].strip():
        raise BadValue("D122", {"value": text})
    return Duration(exact=total)


# -- enumerations -------------------------------------------------------------


def enum_key(text: str) -> str:
    """The spelling-insensitive key of an enum name or value ("jpt_pratama")."""
    return re.sub(r"[\s_\-]+", "_", text.strip()).casefold()


@functools.cache
def _enum_table(cls: type[enum.Enum]) -> dict[str, enum.Enum]:
    table: dict[str, enum.Enum] = {}
    for member in cls:
        table.setdefault(enum_key(member.name), member)
        table.setdefault(enum_key(str(member.value)), member)
    return table


def _enum_label(member: enum.Enum) -> str:
    return member.value if isinstance(member.value, str) else member.name


def parse_enum(cls: type[enum.Enum], text: str) -> enum.Enum:
    """A member of ``cls`` by name or value, ignoring case, spaces, ``_`` and ``-``."""
    member = _enum_table(cls).get(enum_key(text))
    if member is not None:
        return member
    labels = [_enum_label(m) for m in cls]
    close = suggest(enum_key(text), _enum_table(cls), n=1)
    hints = [_enum_label(_enum_table(cls)[key]) for key in close]
    raise BadValue("D014", {"value": text, "accepted": ", ".join(labels)}, hints)


# -- NIP ----------------------------------------------------------------------

_NIP_LENGTH = 18
_SCIENTIFIC = re.compile(r"\d(?:[.,]\d+)?[eE]\+?\d+")


def _real_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_nip(text: str) -> str:
    """An 18-digit NIP, spaces removed, with its embedded facts checked.

    Digits 1-8 are the birth date (YYYYMMDD), 9-14 the appointment month
    (YYYYMM), 15 the gender (1 or 2) and 16-18 a serial number.
    """
    nip = "".join(text.split())
    if len(nip) != _NIP_LENGTH or not nip.isascii() or not nip.isdigit():
        excel = _SCIENTIFIC.fullmatch(nip) is not None
        notes: list[tuple[str, Mapping[str, Any]]] = []
        if excel:
            notes.append(("data-note-excel-number", {}))
        digits = sum(ch in "0123456789" for ch in nip)
        args = {"value": text, "digits": digits, "others": len(nip) - digits}
        raise BadValue("D030", args, notes=notes)
    born = _real_date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    if born is None:
        raise BadValue("D031", {"nip": nip, "digits": nip[0:8]})
    appointed = _real_date(int(nip[8:12]), int(nip[12:14]), 1)
    if appointed is None:
        raise BadValue("D032", {"nip": nip, "digits": nip[8:14]})
    if appointed < born.replace(day=1):
        raise BadValue("D033", {"nip": nip, "appointed": nip[8:14], "born": nip[0:8]})
    if nip[14] not in "12":
        raise BadValue("D034", {"nip": nip, "digit": nip[14]})
    return nip


# -- field types ----------------------------------------------------------------


@attrs.frozen
class ValueType:
    """How to read a cell for a field of a given Python type."""

    name: str
    parse: Callable[[str], object] = attrs.field(eq=False, repr=False)
    optional: bool = False


def _strip(text: str) -> str:
    return text.strip()


_SCALARS: dict[Any, tuple[str, Callable[[str], object]]] = {
    str: ("str", _strip),
    int: ("int", parse_int),
    bool: ("bool", parse_bool),
    Decimal: ("Decimal", parse_decimal),
    dt.date: ("date", parse_date),
    dt.time: ("time", parse_time),
    Duration: ("duration", parse_duration),
}


def value_type(tp: Any) -> ValueType:
    """The reader for a resolved field type: str, int, bool, Decimal, date, an
    enum, or ``Optional`` of one of those.

    Raises ``TypeError`` for any other type: that is a mistake in the class a
    developer wrote, not in the data file.
    """
    optional = False
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        members = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        if len(members) != 1:
            raise TypeError(f"unsupported field type for a data column: {tp!r}")
        tp, optional = members[0], True
    if tp in _SCALARS:
        name, parse = _SCALARS[tp]
        return ValueType(name, parse, optional)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return ValueType(tp.__name__, functools.partial(parse_enum, tp), optional)
    raise TypeError(f"unsupported field type for a data column: {tp!r}")
