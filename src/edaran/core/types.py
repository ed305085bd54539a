"""The types of the rule language and the values that carry them at run time.

==============  ==================================  ===========================
type            written                             value at run time
==============  ==================================  ===========================
boolean         ``benar``, ``salah``                ``bool``
integer         ``3``                               ``int``
decimal         ``0.5``                             ``decimal.Decimal``
percent         ``50%``, ``50 persen``              ``Decimal`` fraction (0.5)
money           ``Rp 1.500.000``                    ``Decimal``, whole rupiah
date            ``2026-04-01``                      ``datetime.date``
time            ``07:30``                           ``datetime.time``
duration        ``5 menit``, ``2 bulan``            :class:`Duration`
working hours   ``pukul 07:30 sampai 16:00``        :class:`WorkingHours`
text            ``"..."``                           ``str``
enumeration     ``Jumat``, ``JPT_PRATAMA``, ``WFH``  enum member or ``str``
set             ``{A, B}``                          ``frozenset``
record          ``pegawai``, ``unit``               an attrs instance
==============  ==================================  ===========================
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

import attrs
from dateutil.relativedelta import relativedelta

from edaran.messages import Lang, message

__all__ = [
    "BOOL",
    "DATE",
    "DECIMAL",
    "DURATION",
    "HOURS",
    "INT",
    "MONEY",
    "PERCENT",
    "PRIMITIVES",
    "TEXT",
    "TIME",
    "Duration",
    "EnumType",
    "EvalError",
    "Prim",
    "RecordType",
    "SetType",
    "Type",
    "TypeName",
    "UnitType",
    "WorkingHours",
]


class EvalError(Exception):
    """A value that cannot be computed (a date that does not exist, a division by zero)."""

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args
        #: the rule whose condition or value failed, once an engine knows it
        self.rule: str | None = None

    @property
    def out_of_range(self) -> bool:
        """A value past what dates, durations or numbers can hold (E504 at run time)."""
        return self.key in RANGE_ERRORS


#: The evaluation errors that are a value out of range rather than an undefined operation.
RANGE_ERRORS = frozenset({"date-out-of-range", "duration-too-large", "number-too-large"})


@attrs.frozen
class Prim:
    """A primitive type; ``name`` is its English name, ``id_name`` the Indonesian."""

    name: str
    id_name: str

    def show(self, lang: str = "id") -> str:
        """The type's name in ``lang``."""
        return self.id_name if lang == "id" else self.name


BOOL = Prim("boolean", "benar_salah")
INT = Prim("integer", "bilangan")
DECIMAL = Prim("decimal", "desimal")
PERCENT = Prim("percent", "persen")
MONEY = Prim("money", "uang")
DATE = Prim("date", "tanggal")
TIME = Prim("time", "waktu")
DURATION = Prim("duration", "durasi")
TEXT = Prim("text", "teks")
#: Working hours of a day: a start, an end and breaks (``pukul 07:30 sampai 16:00 ...``).
HOURS = Prim("working_hours", "jam_kerja")

NUMERIC = (INT, DECIMAL, PERCENT, MONEY)
#: Every primitive type, in the order the reference lists them.
PRIMITIVES = (BOOL, INT, DECIMAL, PERCENT, MONEY, DATE, TIME, DURATION, TEXT, HOURS)


@attrs.frozen
class EnumType:
    """A closed set of named values: a Python enum, the work modes, or one a file declares.

    ``members`` maps the canonical member name to its run-time value.
    """

    name: str
    id_name: str
    members: tuple[tuple[str, object], ...] = attrs.field(eq=False)
    py_enum: type[enum.Enum] | None = attrs.field(default=None, eq=False)

    def show(self, lang: str = "id") -> str:
        """The type's name in ``lang``."""
        return self.id_name if lang == "id" else self.name

    def lookup(self, word: str) -> object | None:
        """The member a person meant by ``word`` (case and ``_``/space insensitive)."""
        key = _fold(word)
        for name, value in self.members:
            if _fold(name) == key:
                return value
            label = value.value if isinstance(value, enum.Enum) else None
            if isinstance(label, str) and _fold(label) == key:
                return value
        if self.py_enum is not None and hasattr(self.py_enum, "english"):
            for member in self.py_enum:
                if _fold(getattr(member, "english", "")) == key:
                    return member
        return None

    def names(self) -> list[str]:
        """Member names as rule files write them (``Jumat``), for "did you mean"."""
        return [str(getattr(value, "label", None) or name) for name, value in self.members]


def _fold(word: str) -> str:
    return word.replace(" ", "").replace("_", "").replace("-", "").casefold()


@attrs.frozen
class SetType:
    """A set of values of one type."""

    element: Type

    def show(self, lang: str = "id") -> str:
        """``himpunan X`` / ``set of X``."""
        return message("type.set", "en" if lang == "en" else "id", inner=self.element.show(lang))


@attrs.frozen
class RecordType:
    """An attrs class the rules can read fields of."""

    cls: type

    def show(self, lang: str = "id") -> str:
        """The class name."""
        return self.cls.__name__


@attrs.frozen
class UnitType:
    """A unit (perangkat daerah): a record that also compares with unit codes.

    ``unit termasuk S`` holds when the unit or one of its parents is in ``S``.
    """

    cls: type

    def show(self, lang: str = "id") -> str:
        """``unit``."""
        return "unit"


@attrs.frozen
class QuantityType:
    """A measured quantity that keeps its unit: ``kWh``, ``liter``, ``m3``, ``km``.

    Quantities of one unit add up and compare; multiplied by a number they
    stay quantities; multiplied by money (a price per unit) they give money.
    Adding kilowatt-hours to rupiah, or litres to kilowatt-hours, is E201.
    At run time the value is a plain :class:`~decimal.Decimal`: the checker
    has already kept the units apart.
    """

    unit: str

    def show(self, lang: str = "id") -> str:
        """The unit's name (``kWh``)."""
        return self.unit


#: Physical units a rule file may write after a number, by their folded spelling.
QUANTITY_UNITS: dict[str, str] = {
    "kwh": "kWh",
    "liter": "liter",
    "litre": "liter",
    "litres": "liter",
    "m3": "m3",
    "km": "km",
}


def quantity_unit(word: str) -> str | None:
    """The canonical unit a word names (``KWH`` -> ``kWh``), or None."""
    return QUANTITY_UNITS.get(word.lower())


Type = Prim | EnumType | SetType | RecordType | UnitType | QuantityType


def is_numeric(t: Type) -> bool:
    """True for integer, decimal, percent and money."""
    return t in NUMERIC


def show(t: Type | None, lang: str = "id") -> str:
    """A type's name for messages."""
    if t is None:
        return "?"
    return t.show(lang)


class TypeName:
    """A type as a message argument, named in the reader's language."""

    def __init__(self, kind: Type | None) -> None:
        self.kind = kind

    def localize(self, lang: Lang) -> str:
        """The type's name in ``lang``."""
        return show(self.kind, lang)


# ------------------------------------------------------------- durations
@attrs.frozen(order=False)
class Duration:
    """A length of time: whole months (bulan, tahun) and an exact part (menit .. minggu).

    The two parts do not mix: ``1 bulan`` is not a number of days, so comparing
    it with ``30 hari`` is an error rather than a guess.
    """

    months: int = 0
    exact: dt.timedelta = dt.timedelta(0)

    def _key(self, other: Duration) -> tuple[int, dt.timedelta, int, dt.timedelta]:
        mixed = (self.months and other.exact) or (self.exact and other.months)
        if mixed:
            raise EvalError("duration-mixed", left=self.describe(), right=other.describe())
        return (self.months, self.exact, other.months, other.exact)

    def __lt__(self, other: Duration) -> bool:
        a, b, c, d = self._key(other)
        return (a, b) < (c, d)

    def __le__(self, other: Duration) -> bool:
        a, b, c, d = self._key(other)
        return (a, b) <= (c, d)

    def __gt__(self, other: Duration) -> bool:
        return other < self

    def __ge__(self, other: Duration) -> bool:
        return other <= self

    def __add__(self, other: Duration) -> Duration:
        return Duration(self.months + other.months, self.exact + other.exact)

    def __sub__(self, other: Duration) -> Duration:
        return Duration(self.months - other.months, self.exact - other.exact)

    def __neg__(self) -> Duration:
        return Duration(-self.months, -self.exact)

    def describe(self) -> str:
        """``2 bulan``, ``5 menit``, ``1 bulan + 3 hari``."""
        parts = []
        if self.months:
            parts.append(f"{self.months} bulan")
        if self.exact or not parts:
            seconds = int(self.exact.total_seconds())
            if seconds % 86400 == 0:
                parts.append(f"{seconds // 86400} hari")
            elif seconds % 3600 == 0:
                parts.append(f"{seconds // 3600} jam")
            elif seconds % 60 == 0:
                parts.append(f"{seconds // 60} menit")
            else:
                parts.append(f"{seconds} detik")
        return " + ".join(parts)

    def add_to(self, day: dt.date) -> dt.date:
        """``day`` plus this duration; refuses a month step that lands on no such day.

        31 January plus one month is not 28 February: dateutil would clamp it,
        and a circular's deadline must not move silently, so it is an error.
        """
        result = day
        if self.exact % dt.timedelta(days=1):
            raise EvalError("date-plus-time", duration=self.describe())
        try:
            if self.months:
                result = day + relativedelta(months=self.months)
                if result.day != day.day:
                    raise EvalError("month-clamp", date=day.isoformat(), months=self.months)
            return result + self.exact
        except (OverflowError, ValueError):  # past 9999-12-31 or before 0001-01-01
            raise EvalError(
                "date-out-of-range", date=day.isoformat(), duration=self.describe()
            ) from None


#: Duration and percent units a rule file may write after a number.
DURATION_UNITS: dict[str, Duration] = {
    "detik": Duration(exact=dt.timedelta(seconds=1)),
    "seconds": Duration(exact=dt.timedelta(seconds=1)),
    "menit": Duration(exact=dt.timedelta(minutes=1)),
    "minutes": Duration(exact=dt.timedelta(minutes=1)),
    "jam": Duration(exact=dt.timedelta(hours=1)),
    "hours": Duration(exact=dt.timedelta(hours=1)),
    "hari": Duration(exact=dt.timedelta(days=1)),
    "days": Duration(exact=dt.timedelta(days=1)),
    "minggu": Duration(exact=dt.timedelta(weeks=1)),
    "pekan": Duration(exact=dt.timedelta(weeks=1)),
    "weeks": Duration(exact=dt.timedelta(weeks=1)),
    "bulan": Duration(months=1),
    "months": Duration(months=1),
    "tahun": Duration(months=12),
    "years": Duration(months=12),
}
#: Singular English spellings are accepted too ("1 month").
for _plural in ["seconds", "minutes", "hours", "days", "weeks", "months", "years"]:
    DURATION_UNITS[_plural[:-1]] = DURATION_UNITS[_plural]

PERCENT_UNITS = ("persen", "percent")


def scale(duration: Duration, amount: Decimal) -> Duration:
    """``amount`` times a unit duration (``5`` x ``menit``); months must stay whole."""
    months = Decimal(duration.months) * amount
    if months != months.to_integral_value():
        raise EvalError("fraction-of-month", amount=str(amount))
    seconds = Decimal(int(duration.exact.total_seconds())) * amount
    if abs(months) > MAX_MONTHS or abs(seconds) > MAX_SECONDS:
        raise EvalError("duration-too-large", limit=MAX_YEARS)
    return Duration(int(months), dt.timedelta(seconds=int(seconds)))


#: The longest duration a rule file may write or compute: dates run from year 1 to 9999.
MAX_YEARS = 10_000
MAX_MONTHS = 12 * MAX_YEARS
MAX_SECONDS = 366 * 86_400 * MAX_YEARS


# --------------------------------------------------------- working hours
@attrs.frozen
class WorkingHours:
    """The working hours of one day, in the rule file's zone: a start, an end, the breaks.

    Built by ``pukul A sampai B istirahat C sampai D``; the engine has checked
    that the end is after the start and that the breaks lie inside, in order,
    without overlapping.  Hours never cross midnight.
    """

    start: dt.time
    end: dt.time
    breaks: tuple[tuple[dt.time, dt.time], ...] = ()

    @property
    def span(self) -> Duration:
        """From the start to the end, breaks included."""
        return Duration(exact=_since_midnight(self.end) - _since_midnight(self.start))

    @property
    def effective(self) -> Duration:
        """The hours worked: the span less the breaks."""
        rest = sum(
            (_since_midnight(b) - _since_midnight(a) for a, b in self.breaks), dt.timedelta(0)
        )
        return Duration(exact=self.span.exact - rest)

    def periods(self) -> tuple[tuple[dt.time, dt.time], ...]:
        """The stretches of work between the breaks, in order."""
        edges = [self.start]
        for a, b in self.breaks:
            edges += [a, b]
        edges.append(self.end)
        return tuple((edges[i], edges[i + 1]) for i in range(0, len(edges), 2))


def _since_midnight(value: dt.time) -> dt.timedelta:
    return dt.timedelta(
        hours=value.hour, minutes=value.minute, seconds=value.second, microseconds=value.microsecond
    )


def working_hours(start: dt.time, end: dt.time, *breaks: dt.time) -> WorkingHours:
    """Working hours from their times (``breaks`` in pairs), or :class:`EvalError`.

    The end must come after the start; each break must end after it starts,
    lie inside the hours and after the previous break.
    """
    if not end > start:
        raise EvalError("hours-end-before-start", start=_hm(start), end=_hm(end))
    pairs = tuple((breaks[i], breaks[i + 1]) for i in range(0, len(breaks), 2))
    previous = start
    for a, b in pairs:
        if not (previous <= a < b <= end):
            raise EvalError(
                "hours-break-outside", start=_hm(a), end=_hm(b), hours=f"{_hm(start)}-{_hm(end)}"
            )
        previous = b
    return WorkingHours(start, end, pairs)


def _hm(value: dt.time) -> str:
    return value.isoformat(timespec="seconds" if value.second or value.microsecond else "minutes")
