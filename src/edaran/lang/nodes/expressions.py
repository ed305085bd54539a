"""Expressions: names, literals, sets, operators, table lookups."""

from __future__ import annotations

from typing import TypeAlias

import attrs

from edaran.core.diagnostics import Span
from edaran.lang.nodes.base import Ident, span_field

__all__ = [
    "Between",
    "Binary",
    "BoolLit",
    "Choice",
    "DateLit",
    "DecLit",
    "Expr",
    "Hours",
    "Index",
    "IntLit",
    "MoneyLit",
    "Name",
    "Not",
    "PercentLit",
    "Quantity",
    "SetLit",
    "StrLit",
    "TimeLit",
]


# ------------------------------------------------------------- expressions
@attrs.frozen
class Name:
    """A dotted name: ``pegawai.jenjang``, ``UNIT_TETAP_WFO``, ``Jumat``."""

    parts: tuple[str, ...]
    span: Span | None = span_field()

    @property
    def dotted(self) -> str:
        """The name as written."""
        return ".".join(self.parts)


@attrs.frozen
class IntLit:
    """A whole number."""

    text: str
    span: Span | None = span_field()


@attrs.frozen
class DecLit:
    """A decimal number written with a point: ``0.5``."""

    text: str
    span: Span | None = span_field()


@attrs.frozen
class PercentLit:
    """A percentage: ``50%``."""

    text: str
    span: Span | None = span_field()


@attrs.frozen
class MoneyLit:
    """An amount of Rupiah: ``Rp 1.500.000``."""

    text: str
    span: Span | None = span_field()


def _one_space(text: str) -> str:
    return " ".join(text.split())


@attrs.frozen
class DateLit:
    """A date as written: ``2026-04-01``, ``1 Syawal 1447 H``, ``hari ke-2 setelah Natal 2026``.

    The checker reads the text (:mod:`edaran.lang.dates`); runs of spaces
    inside it count as one (``1  Syawal 1447 H`` is ``1 Syawal 1447 H``).
    """

    text: str = attrs.field(converter=_one_space)
    span: Span | None = span_field()


@attrs.frozen
class TimeLit:
    """A time of day: ``07:30``."""

    text: str
    span: Span | None = span_field()


@attrs.frozen
class StrLit:
    """A quoted text, unescaped."""

    value: str
    span: Span | None = span_field()


@attrs.frozen
class BoolLit:
    """``benar``/``true`` or ``salah``/``false``."""

    value: bool
    span: Span | None = span_field()


@attrs.frozen
class Quantity:
    """A number with a unit: ``5 menit``, ``2 bulan``, ``50 persen``."""

    amount: str
    unit: Ident
    span: Span | None = span_field()


@attrs.frozen
class SetLit:
    """A set written out: ``{BPBD, SATPOL_PP}``."""

    items: tuple[Expr, ...]
    span: Span | None = span_field()


@attrs.frozen
class Choice:
    """The modes a rule leaves to choose among: ``moda_kerja dipilih dari {WFO, WFH}``.

    Written only as the value of ``moda_kerja`` (in a rule, or what an example
    expects); the scheduler, or a unit's plan, picks one of them each day.
    """

    modes: Expr
    span: Span | None = span_field()


@attrs.frozen
class Not:
    """``tidak X`` / ``not X``."""

    operand: Expr
    span: Span | None = span_field()


@attrs.frozen
class Binary:
    """A binary operation.

    ``op`` is one of ``and or eq ne in not_in < <= > >= = != + - * / neg``;
    for ``neg`` the left operand is absent.
    """

    op: str
    left: Expr | None
    right: Expr
    span: Span | None = span_field()
    op_span: Span | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)


@attrs.frozen
class Between:
    """``X antara A dan B``: A <= X <= B."""

    value: Expr
    low: Expr
    high: Expr
    span: Span | None = span_field()


@attrs.frozen
class Index:
    """``TABEL[unit]``: a per-unit value from a declared table."""

    table: Name
    key: Expr
    span: Span | None = span_field()


@attrs.frozen
class Hours:
    """``pukul A sampai B istirahat C sampai D ...``: working hours of a day, with breaks."""

    start: Expr
    end: Expr
    breaks: tuple[tuple[Expr, Expr], ...]
    span: Span | None = span_field()


Expr: TypeAlias = (
    Hours
    | Index
    | Name
    | IntLit
    | DecLit
    | PercentLit
    | MoneyLit
    | DateLit
    | TimeLit
    | StrLit
    | BoolLit
    | Quantity
    | SetLit
    | Choice
    | Not
    | Binary
    | Between
)
