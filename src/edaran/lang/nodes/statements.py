"""The header, declarations, rules and worked examples of a rule file."""

from __future__ import annotations

import attrs

from edaran.core.diagnostics import Span
from edaran.lang.nodes.base import Citation, Ident, TypeRef, span_field
from edaran.lang.nodes.expressions import DateLit, Expr, Name, SetLit, TimeLit

__all__ = [
    "Assignment",
    "AttendanceEvent",
    "AttributeDecl",
    "ContactLine",
    "EnumDecl",
    "Example",
    "Expect",
    "ExpectCount",
    "ExpectRecord",
    "Given",
    "Header",
    "HeaderItem",
    "HolidayDecl",
    "IsbatDecl",
    "ModeDecl",
    "OutputDecl",
    "ParamChange",
    "ParamDecl",
    "RemoveDecl",
    "Rule",
    "SetDecl",
    "TableDecl",
    "TableFile",
    "TableRow",
    "WorkweekDecl",
]


# -------------------------------------------------------------- statements
@attrs.frozen
class HeaderItem:
    """One line of the header: ``kind`` names it, ``values`` hold its text."""

    kind: str
    values: tuple[str, ...]
    span: Span | None = span_field()
    #: the condition of a ``mencakup`` (scope) line; None for every other line
    expr: Expr | None = None


@attrs.frozen
class Header:
    """``surat_edaran "NOMOR":`` and the lines under it."""

    number: str
    items: tuple[HeaderItem, ...]
    span: Span | None = span_field()


@attrs.frozen
class AttributeDecl:
    """``atribut pegawai agama: enumerasi {ISLAM, ...}, wajib, kolom "agama"``.

    ``owner`` is ``pegawai`` or ``unit``; ``type`` names the type, or is None
    for an enumeration, whose ``members`` are then listed.  ``column`` is the
    roster column (None: the attribute's own name).
    """

    owner: Ident
    name: Ident
    type: TypeRef | None
    members: tuple[Ident, ...] = ()
    required: bool = False
    column: str | None = None
    column_span: Span | None = attrs.field(default=None, eq=False, repr=False)
    span: Span | None = span_field()


@attrs.frozen
class SetDecl:
    """``himpunan NAMA: tipe = {...}``."""

    name: Ident
    type: TypeRef
    items: SetLit
    span: Span | None = span_field()


@attrs.frozen
class EnumDecl:
    """``enumerasi NAMA = {A, B}``."""

    name: Ident
    members: tuple[Ident, ...]
    span: Span | None = span_field()


@attrs.frozen
class ParamChange:
    """``mulai TANGGAL: nilai``: the value from a date on."""

    date: DateLit
    value: Expr
    span: Span | None = span_field()


@attrs.frozen
class ParamDecl:
    """``parameter NAMA: tipe = nilai`` with its dated changes."""

    name: Ident
    type: TypeRef
    value: Expr
    changes: tuple[ParamChange, ...] = ()
    span: Span | None = span_field()


@attrs.frozen
class OutputDecl:
    """``keluaran NAMA: tipe``: something rules decide besides the work mode."""

    name: Ident
    type: TypeRef
    span: Span | None = span_field()


@attrs.frozen
class ModeDecl:
    """``moda NAMA "label"``: a work mode beyond WFO, WFH and WFA."""

    name: Ident
    label: str | None = None
    span: Span | None = span_field()


@attrs.frozen
class HolidayDecl:
    """``hari_libur TANGGAL [sampai TANGGAL] "nama"``: a closure the circular declares."""

    start: DateLit
    end: DateLit | None
    label: str
    span: Span | None = span_field()


@attrs.frozen
class IsbatDecl:
    """``isbat 1 Syawal 1447 H adalah 2026-03-21``: the day the government starts a Hijri month."""

    hijri: DateLit
    date: DateLit
    span: Span | None = span_field()


@attrs.frozen
class WorkweekDecl:
    """``pekan_kerja Senin, Selasa, ...``: the working weekdays."""

    days: tuple[Ident, ...]
    span: Span | None = span_field()


@attrs.frozen
class Assignment:
    """``moda_kerja adalah WFH``: the output a rule sets and its value."""

    target: Ident
    value: Expr
    span: Span | None = span_field()


@attrs.frozen
class Rule:
    """A clause-cited rule, possibly a default or an exception to others."""

    citation: Citation
    title: str | None
    exceptions: tuple[Citation, ...]
    is_default: bool
    assignment: Assignment
    conditions: tuple[Expr, ...]
    #: citations written in the head without 'pengecualian atas' before them
    stray: tuple[Citation, ...] = attrs.field(default=(), kw_only=True)
    #: ``mengikat``: a circular that extends this one may not remove or weaken it
    binding: bool = attrs.field(default=False, kw_only=True)
    #: the number of the circular the rule comes from, when a file extends another
    origin: str | None = attrs.field(default=None, kw_only=True, eq=False)
    span: Span | None = span_field()


@attrs.frozen
class Given:
    """A fact an example states: ``pegawai.jenjang adalah Pelaksana``."""

    path: Name
    value: Expr
    span: Span | None = span_field()


@attrs.frozen
class Expect:
    """An outcome an example expects: ``maka moda_kerja adalah WFO``."""

    path: Name
    value: Expr
    span: Span | None = span_field()


@attrs.frozen
class ContactLine:
    """``kontak panggilan pukul 09:00 dijawab pukul 09:07 dengan alasan "rapat"``."""

    channel: Ident
    sent: TimeLit
    answered: bool
    answer_date: DateLit | None = None
    answer_time: TimeLit | None = None
    reason: str | None = None
    span: Span | None = span_field()


@attrs.frozen
class AttendanceEvent:
    """``presensi masuk [DATE] pukul 07:45 [dari -2.9761, 104.7760]`` in an example."""

    kind: Ident
    time: TimeLit
    location: tuple[str, str] | None = None
    span: Span | None = span_field()
    #: ``presensi laporan 2027-04-08 pukul 15:00``: another day than the example's
    date: DateLit | None = attrs.field(default=None, kw_only=True)


@attrs.frozen
class ExpectCount:
    """``maka pelanggaran butir 10.c adalah 2`` / ``maka sanksi butir 10.d[lisan] adalah 1``."""

    counts: str
    of: Citation
    number: str
    span: Span | None = span_field()


@attrs.frozen
class ExpectRecord:
    """What an example expects of a quota, target or estimate.

    ``maka kuota butir 8 adalah 5`` (``kind`` ``quota``: the allowance),
    ``maka dihitung butir 9 adalah salah`` (``counted``: the record counts),
    ``maka sasaran butir 7 adalah benar`` (``target``: it meets the target),
    ``maka perkiraan LISTRIK adalah Rp 520.200`` (``estimate``).
    """

    kind: str
    of: Citation | None
    category: Ident | None
    value: Expr
    span: Span | None = span_field()


@attrs.frozen
class Example:
    """``contoh "judul":`` with its facts and expected outcomes.

    ``baseline`` is ``dasar adalah 11``: the same window a year earlier, for
    a quota example.
    """

    title: str
    givens: tuple[Given, ...]
    expects: tuple[Expect, ...]
    contacts: tuple[ContactLine, ...] = attrs.field(default=(), kw_only=True)
    attendance: tuple[AttendanceEvent, ...] = attrs.field(default=(), kw_only=True)
    counts: tuple[ExpectCount, ...] = attrs.field(default=(), kw_only=True)
    baseline: Expr | None = attrs.field(default=None, kw_only=True)
    records: tuple[ExpectRecord, ...] = attrs.field(default=(), kw_only=True)
    span: Span | None = span_field()


@attrs.frozen
class TableRow:
    """``KODE: nilai``: one unit's own value in a table, with its dated changes.

    ``value`` is None only for a row read from a file whose every line for
    the unit is dated: before its first date the unit has no row of its own.
    """

    key: Ident
    value: Expr | None
    changes: tuple[ParamChange, ...] = attrs.field(default=(), kw_only=True)
    span: Span | None = span_field()


@attrs.frozen
class TableFile:
    """``dari_berkas "tabel.csv"``: rows of a table read from a CSV or Excel file."""

    path: str
    span: Span | None = span_field()


@attrs.frozen
class TableDecl:
    """``tabel NAMA: unit -> tipe = bawaan`` and its rows, one per unit that differs.

    ``changes`` are the default's dated changes; ``files`` name files whose
    rows are read in when the rule file is resolved.
    """

    name: Ident
    key_type: Ident
    value_type: TypeRef
    default: Expr
    rows: tuple[TableRow, ...] = ()
    changes: tuple[ParamChange, ...] = attrs.field(default=(), kw_only=True)
    files: tuple[TableFile, ...] = attrs.field(default=(), kw_only=True)
    span: Span | None = span_field()


@attrs.frozen
class RemoveDecl:
    """``hapus butir 12.e``: a child circular drops rules of the one it extends."""

    citations: tuple[Citation, ...]
    span: Span | None = span_field()
