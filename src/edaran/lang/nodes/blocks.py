"""The blocks beyond rules: limits, duties, breaches, sanctions, quotas, targets, the report."""

from __future__ import annotations

import attrs

from edaran.core.diagnostics import Span
from edaran.lang.nodes.base import Citation, Ident, span_field
from edaran.lang.nodes.expressions import Expr, IntLit, MoneyLit, Name, SetLit, TimeLit

__all__ = [
    "AttendanceLine",
    "BreachDecl",
    "DutyDecl",
    "Estimate",
    "LimitDecl",
    "LimitLine",
    "Priority",
    "ProvisionDecl",
    "QuotaDecl",
    "QuotaLine",
    "Radius",
    "ReportDecl",
    "SanctionDecl",
    "TargetDecl",
    "TargetLine",
]


@attrs.frozen
class LimitLine:
    """``WFH paling banyak 50% per unit per hari, dibulatkan ke bawah``.

    ``modes`` are the modes counted together: one (``WFH``) or a set written
    in braces (``{WFH, WFA}``, ``grouped``).  ``kind`` is ``at_most``,
    ``at_least`` or ``block`` (``WFA satu blok per pegawai, A sampai B atau C
    sampai D``: ``windows``; ``block-stray`` for an ``atau`` line with no block
    line before it); ``rounding`` is ``down``, ``up``, ``nearest`` or None (the
    default for the kind).
    """

    modes: tuple[Ident, ...]
    kind: str
    amount: Expr
    scope: Ident
    window: Ident
    rounding: str | None = None
    span: Span | None = span_field()
    grouped: bool = attrs.field(default=False, kw_only=True)
    #: ``satu blok`` (kind ``block``): the alternative windows, each (first, last) as written
    windows: tuple[tuple[Expr, Expr], ...] = attrs.field(default=(), kw_only=True)
    #: ``satu blok 3 hari kerja``: the block's length in working days (None: a whole window)
    length: IntLit | None = attrs.field(default=None, kw_only=True)
    #: where the braces are (the whole set), for a message about the set
    modes_span: Span | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)


@attrs.frozen
class Priority:
    """One item of ``diutamakan``: ``pegawai.jarak_rumah terkecil``.

    ``order`` is ``smaller`` (``terkecil``), ``larger`` (``terbesar``) or None
    (not written: true first, the larger first).
    """

    expr: Expr
    order: str | None = None
    span: Span | None = span_field()


@attrs.frozen
class LimitDecl:
    """``batas butir 4 "judul":`` with its limits and the conditions they hold under."""

    citation: Citation
    title: str | None
    lines: tuple[LimitLine, ...]
    conditions: tuple[Expr, ...] = ()
    span: Span | None = span_field()
    #: ``diutamakan A, B terkecil``: who gets the places of the block's limits first
    priority: tuple[Priority, ...] = attrs.field(default=(), kw_only=True)


@attrs.frozen
class DutyDecl:
    """``kewajiban butir 10.b "...":`` the modes and hours on which contacts count.

    With ``daftar_periksa {...}`` (butir 10.a) it is a checklist duty instead:
    a unit with staff in those modes on a day files a checklist of the items.
    """

    citation: Citation
    title: str | None
    modes: SetLit | None
    hours: tuple[TimeLit, TimeLit] | None
    span: Span | None = span_field()
    checklist: SetLit | None = attrs.field(default=None, kw_only=True)
    #: ``jika``/``dan`` lines: the duty holds for a person on a day that meets them all
    conditions: tuple[Expr, ...] = attrs.field(default=(), kw_only=True)
    #: ``presensi masuk pukul 07:30 sampai 08:00``: an attendance duty (or None)
    attendance: AttendanceLine | None = attrs.field(default=None, kw_only=True)
    #: ``dalam radius 100 m dari rumah``
    radius: Radius | None = attrs.field(default=None, kw_only=True)
    #: ``diverifikasi atasan``: the superior must verify the day
    verified: bool = attrs.field(default=False, kw_only=True)


@attrs.frozen
class AttendanceLine:
    """``presensi KIND [pukul START sampai END]`` in a duty."""

    kind: Ident
    window: tuple[TimeLit, TimeLit] | None
    span: Span | None = span_field()


@attrs.frozen
class Radius:
    """``dalam radius AMOUNT UNIT dari ADDRESS``: ADDRESS_lat and ADDRESS_lon of the person."""

    amount: str
    unit: Ident
    address: Ident
    span: Span | None = span_field()


@attrs.frozen
class QuotaLine:
    """``perjalanan dikurangi 50% dari tahun_lalu per unit per periode``.

    ``measure`` is a record kind (count the records: ``perjalanan``) or one of
    its numeric fields (sum it: ``kendaraan.bbm``).  ``kind`` is ``at_most``
    or ``reduced``; ``baseline`` is None for a number the file gives, and
    ``last_year`` says the baseline is the same period a year earlier.
    """

    measure: Name
    kind: str
    amount: Expr
    baseline: Expr | None
    last_year: bool
    scope: Ident
    window: Ident
    rounding: str | None = None
    span: Span | None = span_field()


@attrs.frozen
class QuotaDecl:
    """``kuota butir 8 "...":`` quota lines, the conditions on the records, their order."""

    citation: Citation
    title: str | None
    lines: tuple[QuotaLine, ...]
    conditions: tuple[Expr, ...] = ()
    order: tuple[Name, ...] = ()
    span: Span | None = span_field()


@attrs.frozen
class TargetLine:
    """``rapat.bentuk termasuk {HIBRIDA, DARING} paling sedikit 60% per unit per periode``."""

    share_of: Expr
    kind: str
    amount: Expr
    scope: Ident
    window: Ident
    span: Span | None = span_field()


@attrs.frozen
class TargetDecl:
    """``sasaran butir 7 "...":`` a target on the share of records that meet a condition."""

    citation: Citation
    title: str | None
    lines: tuple[TargetLine, ...]
    conditions: tuple[Expr, ...] = ()
    span: Span | None = span_field()


@attrs.frozen
class Estimate:
    """``perkiraan LISTRIK adalah periode.hari_wfh * ...``: a category's estimated saving."""

    category: Ident
    value: Expr
    span: Span | None = span_field()


@attrs.frozen
class ReportDecl:
    """``laporan butir 13 "...":`` the estimates used where actual figures are missing."""

    citation: Citation
    title: str | None
    estimates: tuple[Estimate, ...]
    span: Span | None = span_field()


@attrs.frozen
class BreachDecl:
    """``pelanggaran butir 10.c "...":`` a condition over one contact."""

    citation: Citation
    title: str | None
    conditions: tuple[Expr, ...]
    span: Span | None = span_field()


@attrs.frozen
class SanctionDecl:
    """``sanksi butir 10.d[lisan] "...": setiap 2 pelanggaran butir 10.c per hari``.

    ``counts`` is ``breaches`` or ``sanctions``: what ``every`` N of, in ``window``.
    """

    citation: Citation
    title: str | None
    every: str
    counts: str
    of: tuple[Citation, ...]
    window: Ident | None
    span: Span | None = span_field()

    #: ``dalam 30 menit``: a sliding window of this length instead of ``per W``
    within: tuple[str, Ident] | None = attrs.field(default=None, kw_only=True)
    #: ``pada hari berturut-turut``: on consecutive working days
    consecutive: bool = attrs.field(default=False, kw_only=True)
    #: ``potongan tunjangan Rp50.000 per hari``: an amount and its window word
    cut: tuple[MoneyLit, Ident] | None = attrs.field(default=None, kw_only=True)


@attrs.frozen
class ProvisionDecl:
    """``ketentuan perjalanan butir 5 "...":`` what every record of a kind must satisfy.

    ``kind`` is the record kind as written (``perjalanan``, ``trip``); each of
    ``musts`` (``harus ...``) must hold for every record that meets all the
    ``conditions`` (``jika ...``, ``dan ...``).
    """

    kind: Ident
    citation: Citation
    title: str | None
    musts: tuple[Expr, ...]
    conditions: tuple[Expr, ...] = ()
    span: Span | None = span_field()
