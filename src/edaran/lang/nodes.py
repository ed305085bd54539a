"""The abstract syntax tree of a rule file: frozen attrs nodes with spans.

The parser builds these and nothing else; the checker reads them.  A node's
span is data, not identity: it is left out of equality and repr, so
``parse(text) == expected`` holds in tests whatever the layout of the text.
Literals keep the text a person wrote (a date such as ``2026-02-30`` is not a
date yet); turning text into values is the checker's job, so that a bad
literal becomes a diagnostic with a caret instead of an exception here.
"""

from __future__ import annotations

from typing import TypeAlias

import attrs

from edaran.core.diagnostics import Span

__all__ = [
    "Assignment",
    "Between",
    "Binary",
    "BoolLit",
    "BreachDecl",
    "Citation",
    "ContactLine",
    "DateLit",
    "DecLit",
    "DutyDecl",
    "EnumDecl",
    "Example",
    "Expect",
    "ExpectCount",
    "Expr",
    "Given",
    "Header",
    "HeaderItem",
    "HolidayDecl",
    "Ident",
    "Index",
    "IntLit",
    "Item",
    "LimitDecl",
    "LimitLine",
    "ModeDecl",
    "Module",
    "MoneyLit",
    "Name",
    "Not",
    "OutputDecl",
    "ParamChange",
    "ParamDecl",
    "PercentLit",
    "Quantity",
    "RemoveDecl",
    "Rule",
    "SanctionDecl",
    "SetDecl",
    "SetLit",
    "StrLit",
    "TableDecl",
    "TableRow",
    "TimeLit",
    "TypeRef",
    "WorkweekDecl",
]


def _span() -> Span | None:
    return attrs.field(default=None, eq=False, repr=False, kw_only=True)  # type: ignore[no-any-return]  # attrs.field is typed as returning the field's type


# ------------------------------------------------------------------ pieces
@attrs.frozen
class Ident:
    """A name as written, with where it was written."""

    name: str
    span: Span | None = _span()


@attrs.frozen
class Citation:
    """A clause citation: ``butir 12.d``, ``angka 3 huruf b``, ``pasal 5 ayat (2)``.

    ``tag`` tells apart two rules that encode the same clause (``butir 6[pendukung]``).
    """

    kind: str
    number: str
    sub: str | None = None
    tag: str | None = None
    span: Span | None = _span()

    @property
    def clause(self) -> str:
        """The clause as the circular numbers it, without the tag."""
        if self.kind == "angka":
            return f"angka {self.number}" + (f" huruf {self.sub}" if self.sub else "")
        if self.kind == "pasal":
            return f"pasal {self.number}" + (f" ayat ({self.sub})" if self.sub else "")
        return f"butir {self.number}"

    @property
    def label(self) -> str:
        """The clause with its tag, as rules are referred to."""
        return self.clause + (f"[{self.tag}]" if self.tag else "")


@attrs.frozen
class TypeRef:
    """A type as written in a declaration: ``unit``, ``himpunan unit``."""

    name: str
    is_set: bool = False
    span: Span | None = _span()


# ------------------------------------------------------------- expressions
@attrs.frozen
class Name:
    """A dotted name: ``pegawai.jenjang``, ``UNIT_TETAP_WFO``, ``Jumat``."""

    parts: tuple[str, ...]
    span: Span | None = _span()

    @property
    def dotted(self) -> str:
        """The name as written."""
        return ".".join(self.parts)


@attrs.frozen
class IntLit:
    """A whole number."""

    text: str
    span: Span | None = _span()


@attrs.frozen
class DecLit:
    """A decimal number written with a point: ``0.5``."""

    text: str
    span: Span | None = _span()


@attrs.frozen
class PercentLit:
    """A percentage: ``50%``."""

    text: str
    span: Span | None = _span()


@attrs.frozen
class MoneyLit:
    """An amount of Rupiah: ``Rp 1.500.000``."""

    text: str
    span: Span | None = _span()


@attrs.frozen
class DateLit:
    """A date in ISO form: ``2026-04-01``."""

    text: str
    span: Span | None = _span()


@attrs.frozen
class TimeLit:
    """A time of day: ``07:30``."""

    text: str
    span: Span | None = _span()


@attrs.frozen
class StrLit:
    """A quoted text, unescaped."""

    value: str
    span: Span | None = _span()


@attrs.frozen
class BoolLit:
    """``benar``/``true`` or ``salah``/``false``."""

    value: bool
    span: Span | None = _span()


@attrs.frozen
class Quantity:
    """A number with a unit: ``5 menit``, ``2 bulan``, ``50 persen``."""

    amount: str
    unit: Ident
    span: Span | None = _span()


@attrs.frozen
class SetLit:
    """A set written out: ``{BPBD, SATPOL_PP}``."""

    items: tuple[Expr, ...]
    span: Span | None = _span()


@attrs.frozen
class Not:
    """``tidak X`` / ``not X``."""

    operand: Expr
    span: Span | None = _span()


@attrs.frozen
class Binary:
    """A binary operation.

    ``op`` is one of ``and or eq ne in not_in < <= > >= = != + - * / neg``;
    for ``neg`` the left operand is absent.
    """

    op: str
    left: Expr | None
    right: Expr
    span: Span | None = _span()
    op_span: Span | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)


@attrs.frozen
class Between:
    """``X antara A dan B``: A <= X <= B."""

    value: Expr
    low: Expr
    high: Expr
    span: Span | None = _span()


@attrs.frozen
class Index:
    """``TABEL[unit]``: a per-unit value from a declared table."""

    table: Name
    key: Expr
    span: Span | None = _span()


Expr: TypeAlias = (
    Index
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
    | Not
    | Binary
    | Between
)


# -------------------------------------------------------------- statements
@attrs.frozen
class HeaderItem:
    """One line of the header: ``kind`` names it, ``values`` hold its text."""

    kind: str
    values: tuple[str, ...]
    span: Span | None = _span()


@attrs.frozen
class Header:
    """``surat_edaran "NOMOR":`` and the lines under it."""

    number: str
    items: tuple[HeaderItem, ...]
    span: Span | None = _span()


@attrs.frozen
class SetDecl:
    """``himpunan NAMA: tipe = {...}``."""

    name: Ident
    type: TypeRef
    items: SetLit
    span: Span | None = _span()


@attrs.frozen
class EnumDecl:
    """``enumerasi NAMA = {A, B}``."""

    name: Ident
    members: tuple[Ident, ...]
    span: Span | None = _span()


@attrs.frozen
class ParamChange:
    """``mulai TANGGAL: nilai``: the value from a date on."""

    date: DateLit
    value: Expr
    span: Span | None = _span()


@attrs.frozen
class ParamDecl:
    """``parameter NAMA: tipe = nilai`` with its dated changes."""

    name: Ident
    type: TypeRef
    value: Expr
    changes: tuple[ParamChange, ...] = ()
    span: Span | None = _span()


@attrs.frozen
class OutputDecl:
    """``keluaran NAMA: tipe``: something rules decide besides the work mode."""

    name: Ident
    type: TypeRef
    span: Span | None = _span()


@attrs.frozen
class ModeDecl:
    """``moda NAMA "label"``: a work mode beyond WFO, WFH and WFA."""

    name: Ident
    label: str | None = None
    span: Span | None = _span()


@attrs.frozen
class HolidayDecl:
    """``hari_libur TANGGAL [sampai TANGGAL] "nama"``: a closure the circular declares."""

    start: DateLit
    end: DateLit | None
    label: str
    span: Span | None = _span()


@attrs.frozen
class WorkweekDecl:
    """``pekan_kerja Senin, Selasa, ...``: the working weekdays."""

    days: tuple[Ident, ...]
    span: Span | None = _span()


@attrs.frozen
class Assignment:
    """``moda_kerja adalah WFH``: the output a rule sets and its value."""

    target: Ident
    value: Expr
    span: Span | None = _span()


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
    span: Span | None = _span()


@attrs.frozen
class Given:
    """A fact an example states: ``pegawai.jenjang adalah Pelaksana``."""

    path: Name
    value: Expr
    span: Span | None = _span()


@attrs.frozen
class Expect:
    """An outcome an example expects: ``maka moda_kerja adalah WFO``."""

    path: Name
    value: Expr
    span: Span | None = _span()


@attrs.frozen
class ContactLine:
    """``kontak panggilan pukul 09:00 dijawab pukul 09:07 dengan alasan "rapat"``."""

    channel: Ident
    sent: TimeLit
    answered: bool
    answer_date: DateLit | None = None
    answer_time: TimeLit | None = None
    reason: str | None = None
    span: Span | None = _span()


@attrs.frozen
class ExpectCount:
    """``maka pelanggaran butir 10.c adalah 2`` / ``maka sanksi butir 10.d[lisan] adalah 1``."""

    counts: str
    of: Citation
    number: str
    span: Span | None = _span()


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
    span: Span | None = _span()


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
    counts: tuple[ExpectCount, ...] = attrs.field(default=(), kw_only=True)
    baseline: Expr | None = attrs.field(default=None, kw_only=True)
    records: tuple[ExpectRecord, ...] = attrs.field(default=(), kw_only=True)
    span: Span | None = _span()


@attrs.frozen
class TableRow:
    """``KODE: nilai``: one unit's own value in a table."""

    key: Ident
    value: Expr
    span: Span | None = _span()


@attrs.frozen
class TableDecl:
    """``tabel NAMA: unit -> tipe = bawaan`` and its rows, one per unit that differs."""

    name: Ident
    key_type: Ident
    value_type: TypeRef
    default: Expr
    rows: tuple[TableRow, ...] = ()
    span: Span | None = _span()


@attrs.frozen
class LimitLine:
    """``WFH paling banyak 50% per unit per hari, dibulatkan ke bawah``.

    ``kind`` is ``at_most`` or ``at_least``; ``rounding`` is ``down``, ``up``,
    ``nearest`` or None (the default for the kind).
    """

    mode: Ident
    kind: str
    amount: Expr
    scope: Ident
    window: Ident
    rounding: str | None = None
    span: Span | None = _span()


@attrs.frozen
class LimitDecl:
    """``batas butir 4 "judul":`` with its limits and the conditions they hold under."""

    citation: Citation
    title: str | None
    lines: tuple[LimitLine, ...]
    conditions: tuple[Expr, ...] = ()
    span: Span | None = _span()


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
    span: Span | None = _span()
    checklist: SetLit | None = attrs.field(default=None, kw_only=True)


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
    span: Span | None = _span()


@attrs.frozen
class QuotaDecl:
    """``kuota butir 8 "...":`` quota lines, the conditions on the records, their order."""

    citation: Citation
    title: str | None
    lines: tuple[QuotaLine, ...]
    conditions: tuple[Expr, ...] = ()
    order: tuple[Name, ...] = ()
    span: Span | None = _span()


@attrs.frozen
class TargetLine:
    """``rapat.bentuk termasuk {HIBRIDA, DARING} paling sedikit 60% per unit per periode``."""

    share_of: Expr
    kind: str
    amount: Expr
    scope: Ident
    window: Ident
    span: Span | None = _span()


@attrs.frozen
class TargetDecl:
    """``sasaran butir 7 "...":`` a target on the share of records that meet a condition."""

    citation: Citation
    title: str | None
    lines: tuple[TargetLine, ...]
    conditions: tuple[Expr, ...] = ()
    span: Span | None = _span()


@attrs.frozen
class Estimate:
    """``perkiraan LISTRIK adalah periode.hari_wfh * ...``: a category's estimated saving."""

    category: Ident
    value: Expr
    span: Span | None = _span()


@attrs.frozen
class ReportDecl:
    """``laporan butir 13 "...":`` the estimates used where actual figures are missing."""

    citation: Citation
    title: str | None
    estimates: tuple[Estimate, ...]
    span: Span | None = _span()


@attrs.frozen
class BreachDecl:
    """``pelanggaran butir 10.c "...":`` a condition over one contact."""

    citation: Citation
    title: str | None
    conditions: tuple[Expr, ...]
    span: Span | None = _span()


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
    window: Ident
    span: Span | None = _span()


@attrs.frozen
class RemoveDecl:
    """``hapus butir 12.e``: a child circular drops rules of the one it extends."""

    citations: tuple[Citation, ...]
    span: Span | None = _span()


Item: TypeAlias = (
    RemoveDecl
    | QuotaDecl
    | TargetDecl
    | ReportDecl
    | DutyDecl
    | BreachDecl
    | SanctionDecl
    | TableDecl
    | LimitDecl
    | Header
    | SetDecl
    | EnumDecl
    | ParamDecl
    | OutputDecl
    | ModeDecl
    | HolidayDecl
    | WorkweekDecl
    | Rule
    | Example
)


@attrs.frozen
class Module:
    """A whole rule file."""

    items: tuple[Item, ...]
    span: Span | None = _span()
