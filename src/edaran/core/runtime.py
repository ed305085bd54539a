"""The run-time operations of the rule language, shared by every backend and the checker.

The reference interpreter, the compiled backend and the checker's constant
folding call the same functions, so an operation means one thing everywhere.
An empty value (``None``) makes an ordered comparison false and arithmetic empty.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs

from edaran.core import types as t
from edaran.core.values import clock

__all__ = ["ARITHMETIC", "RUNTIME_OPS", "UnitTable", "member_name", "whole_rupiah"]


def _unit_code(value: Any) -> Any:
    return value if value is None or isinstance(value, str) else value.kode


def _unit_in(unit: Any, codes: frozenset[str]) -> bool:
    if unit is None:
        return False
    if isinstance(unit, str):
        return unit in codes
    return not unit.silsilah.isdisjoint(codes)


def _ordered(fn: Callable[[Any, Any], bool]) -> Callable[..., bool]:
    def compare(a: Any, b: Any) -> bool:
        return False if a is None or b is None else fn(a, b)

    return compare


#: No figure of a circular comes near this: a larger result is an error, not a number.
MAX_MAGNITUDE = 10**30


def _checked(value: Any) -> Any:
    """``value`` when it is within :data:`MAX_MAGNITUDE` (a number) or not a number."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return value
    if isinstance(value, Decimal) and not value.is_finite():
        raise t.EvalError("number-too-large")
    if abs(value) > MAX_MAGNITUDE:  # type: ignore[operator]  # an int or a finite Decimal
        raise t.EvalError("number-too-large")
    return value


def _arith(fn: Callable[[Any, Any], Any]) -> Callable[..., Any]:
    def compute(a: Any, b: Any) -> Any:
        if a is None or b is None:
            return None
        try:
            return _checked(fn(a, b))
        except ArithmeticError:  # OverflowError, and decimal's Overflow and InvalidOperation
            raise t.EvalError("number-too-large") from None

    return compute


def _div(a: Any, b: Any) -> Any:
    if b == 0:
        raise t.EvalError("division-by-zero")
    return Decimal(a) / Decimal(b)


def _mul(a: Any, b: Any) -> Any:
    if isinstance(a, t.Duration):
        return t.scale(a, Decimal(b))
    if isinstance(b, t.Duration):
        return t.scale(b, Decimal(a))
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        return Decimal(a) * Decimal(b)
    return a * b


def _date_sub(a: dt.date, b: t.Duration) -> dt.date:
    return (-b).add_to(a)


_DAY = dt.timedelta(days=1)


def _clock(value: dt.time) -> dt.timedelta:
    """How long after midnight ``value`` is."""
    return dt.timedelta(
        hours=value.hour, minutes=value.minute, seconds=value.second, microseconds=value.microsecond
    )


def _time_add(a: dt.time, b: t.Duration) -> dt.time:
    """A time of day moved by an exact duration, on the same day.

    Months have no length in hours, and working hours do not cross midnight:
    both are errors rather than a wrapped clock.
    """
    if b.months:
        raise t.EvalError("time-plus-months", duration=b.describe())
    moved = _clock(a) + b.exact
    if not dt.timedelta(0) <= moved < _DAY:
        raise t.EvalError("time-past-midnight", time=clock(a), duration=b.describe())
    return (dt.datetime.min + moved).time()


def _time_sub(a: dt.time, b: t.Duration) -> dt.time:
    if b.months:
        raise t.EvalError("time-plus-months", duration=b.describe())
    return _time_add(a, -b)


def _time_diff(a: dt.time, b: dt.time) -> t.Duration:
    """The exact duration from ``b`` to ``a`` (negative when ``a`` is earlier)."""
    return t.Duration(exact=_clock(a) - _clock(b))


def member_name(value: Any) -> str:
    """The name a table row gives an enumeration member (its ``name``, or the text itself)."""
    return value if isinstance(value, str) else str(getattr(value, "name", value))


@attrs.frozen
class UnitTable:
    """A per-unit parameter: each listed unit's own value, and the circular's default.

    A sub-unit without a row of its own takes its parent's, then the default:
    a UPT follows its office unless the table names it.
    """

    name: str
    default: object
    rows: dict[str, object] = attrs.field(eq=False)
    #: where the default (key None) and each row were written, for diagnostics
    spans: dict[str | None, object] = attrs.field(factory=dict, eq=False, repr=False)
    #: False for a table keyed by the members of an enumeration (a district, a
    #: sector): rows are named by member, and there are no parents to follow
    by_unit: bool = attrs.field(default=True, eq=False, kw_only=True)

    def lookup(self, unit: Any) -> object:
        """The value for ``unit`` (a Unit, or a unit code; a member for an enumeration key)."""
        if unit is None:
            return None
        if not self.by_unit:
            return self.rows.get(member_name(unit), self.default)
        if isinstance(unit, str):
            return self.rows.get(unit, self.default)
        seen = unit
        while seen is not None:
            if seen.kode in self.rows:
                return self.rows[seen.kode]
            seen = seen.induk
        return self.default


#: op name -> function of the evaluated arguments (``and``/``or`` are lazy, apart).
RUNTIME_OPS: dict[str, Callable[..., Any]] = {
    "not": lambda a: not a,
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "lt": _ordered(lambda a, b: a < b),
    "le": _ordered(lambda a, b: a <= b),
    "gt": _ordered(lambda a, b: a > b),
    "ge": _ordered(lambda a, b: a >= b),
    "between": lambda a, lo, hi: (
        a is not None and lo is not None and hi is not None and lo <= a <= hi
    ),
    "in": lambda a, b: a in b,
    "not_in": lambda a, b: a not in b,
    "unit_in": _unit_in,
    "unit_not_in": lambda a, b: not _unit_in(a, b),
    "unit_eq": lambda a, b: a is not None and _unit_code(a) == _unit_code(b),
    "unit_ne": lambda a, b: a is None or _unit_code(a) != _unit_code(b),
    "add": _arith(lambda a, b: a + b),
    "sub": _arith(lambda a, b: a - b),
    "mul": _arith(_mul),
    "div": _arith(_div),
    "neg": lambda a: None if a is None else -a,
    "index": lambda table, key: table.lookup(key),
    "date_add": _arith(lambda a, b: b.add_to(a)),
    "date_sub": _arith(_date_sub),
    "date_diff": _arith(lambda a, b: (a - b).days),
    "time_add": _arith(_time_add),
    "time_sub": _arith(_time_sub),
    "time_diff": _arith(_time_diff),
    "hours": lambda *a: None if any(x is None for x in a) else t.working_hours(*a),
}


def whole_rupiah(value: Any) -> Any:
    """Money is whole rupiah: half a rupiah and up rounds away from zero."""
    if value is None:
        return None
    return Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP)


#: Operations that compute a value (rather than compare): the ones that may raise.
ARITHMETIC = frozenset(
    {
        "add",
        "sub",
        "mul",
        "div",
        "neg",
        "date_add",
        "date_sub",
        "date_diff",
        "time_add",
        "time_sub",
        "time_diff",
        "hours",
    }
)
