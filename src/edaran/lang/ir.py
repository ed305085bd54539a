"""The checked program: resolved names, typed expressions, rules by output.

The checker turns a :class:`~edaran.lang.nodes.Module` into a :class:`Program`;
the backends (the reference interpreter and the compiled one) read only this.
Every name here is resolved: a :class:`Fact` knows the attribute path on the
attrs objects, a :class:`Param` the name of a declared parameter, a
:class:`Const` its run-time value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import TypeAlias

import attrs

from edaran.core import types as t
from edaran.core.diagnostics import Span
from edaran.core.modes import BUILTIN_MODES

__all__ = [
    "AMENDED",
    "PARENT",
    "BreachIR",
    "CheckedExample",
    "Const",
    "DutyIR",
    "Expr",
    "Fact",
    "Header",
    "LimitIR",
    "Op",
    "Overrides",
    "Param",
    "Program",
    "ProvisionIR",
    "RuleIR",
    "SanctionIR",
    "conjunction",
    "mode_order",
]


@attrs.frozen
class Const:
    """A constant; ``name`` is the declared name it came from, if any (a set)."""

    value: object
    type: t.Type
    name: str | None = None
    span: Span | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Fact:
    """A fact read from the subject: ``root`` is ``pegawai`` or ``kalender``."""

    root: str
    attrs_path: tuple[str, ...]
    written: str
    type: t.Type
    nullable: bool = False
    span: Span | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Param:
    """A declared parameter, whose value depends on the date."""

    name: str
    type: t.Type
    span: Span | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Op:
    """An operation.

    ``op`` is one of: ``and or not eq ne lt le gt ge in not_in unit_in
    unit_not_in unit_eq unit_ne add sub mul div neg between date_add date_sub``.
    """

    op: str
    args: tuple[Expr, ...]
    type: t.Type
    span: Span | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class OutputRef:
    """Another output of the file, as decided for the same person and day (``moda_kerja``).

    The checker orders the outputs in strata so that no output reads itself,
    directly or through others (E211).
    """

    name: str
    type: t.Type
    span: Span | None = attrs.field(default=None, eq=False, repr=False)


Expr: TypeAlias = Const | Fact | Param | Op | OutputRef


@attrs.frozen
class RuleIR:
    """A checked rule.  ``id`` is its label (``butir 12`` or ``butir 6[pendukung]``)."""

    id: str
    clause: str
    title: str | None
    output: str
    value: Expr
    condition: Expr | None
    exceptions: tuple[str, ...]
    is_default: bool
    span: Span | None = attrs.field(default=None, eq=False, repr=False)
    #: ``mengikat``: a child circular may not remove, replace or override it
    binding: bool = False
    #: the number of the circular the rule comes from (None: this file's own)
    origin: str | None = None


@attrs.frozen
class LimitIR:
    """A cap, floor or per-person limit (butir 4), which the scheduler meets.

    ``modes`` are the modes counted together (one, or a set such as WFH and
    WFA); ``kind`` is ``at_most``, ``at_least`` or ``block`` (one block per
    person among the windows ``blocks``); ``amount`` is a percent (a share
    of the headcount) or an integer (people, or days for a person);
    ``scope`` is ``unit``, ``perangkat_daerah`` or ``pegawai``; ``window`` is
    ``hari``, ``minggu``, ``bulan`` or ``periode``; ``rounding`` is ``down``,
    ``up`` or ``nearest``.  ``condition`` reads unit and day facts (and, for a
    per-person limit, the employee's).
    """

    id: str
    clause: str
    title: str | None
    modes: frozenset[str]
    kind: str
    amount: Expr
    scope: str
    window: str
    rounding: str
    condition: Expr | None = None
    span: Span | None = attrs.field(default=None, eq=False, repr=False)
    #: kind ``block`` (``satu blok per pegawai``): the alternative windows (first, last);
    #: each person keeps the limit's modes in one of them only
    blocks: tuple[tuple[dt.date, dt.date], ...] = ()
    #: ``diutamakan A, B``: who gets the limit's places first (true before false, the
    #: larger number first, in the order written), before the rotation
    priority: tuple[Expr, ...] = ()
    #: for each of ``priority``: ``larger`` first (the default, and ``terbesar``) or
    #: ``smaller`` first (``terkecil``); a yes/no is always true first
    priority_order: tuple[str, ...] = ()
    #: kind ``block`` with ``satu blok N hari kerja``: each person's block is N
    #: consecutive working days inside one window (None: the whole window)
    block_days: int | None = None

    @property
    def label(self) -> str:
        """The modes as a reader writes them: ``WFH``, or ``{WFA, WFH}`` for a set."""
        if len(self.modes) == 1:
            return next(iter(self.modes))
        return "{" + ", ".join(sorted(self.modes, key=mode_order)) + "}"


def mode_order(mode: str) -> tuple[int, str]:
    """Modes in reading order: WFO, WFH, WFA, then the others by name."""
    builtin = BUILTIN_MODES
    return (builtin.index(mode) if mode in builtin else len(builtin), mode)


@attrs.frozen
class DutyIR:
    """A duty (butir 10.b): contacts count on days in ``modes``, within ``hours``.

    With ``attendance`` (an :class:`~edaran.model.AttendanceKind` value) it is an
    attendance duty instead: on days in ``modes`` where ``condition`` holds, the
    person must record an event of that kind within ``window`` (the whole day
    when None), within ``radius_m`` metres of ``ADDRESS_lat``/``ADDRESS_lon``
    (``address``), and, with ``verified``, have it verified by the superior.
    """

    id: str
    clause: str
    title: str | None
    modes: frozenset[str]
    hours: tuple[dt.time, dt.time] | None
    span: Span | None = attrs.field(default=None, eq=False, repr=False)
    condition: Expr | None = attrs.field(default=None, kw_only=True)
    attendance: str | None = attrs.field(default=None, kw_only=True)
    window: tuple[dt.time, dt.time] | None = attrs.field(default=None, kw_only=True)
    radius_m: Decimal | None = attrs.field(default=None, kw_only=True)
    address: str | None = attrs.field(default=None, kw_only=True)
    verified: bool = attrs.field(default=False, kw_only=True)


@attrs.frozen
class QuotaIR:
    """A quota (butir 8, 9) on records of one ``kind`` per unit and window.

    ``field`` is the attribute path summed (None: the records are counted);
    ``measure_type`` its type.  With ``share``, ``amount`` is a percent of the
    baseline (``at_most``: allowed = amount x baseline; ``reduced``: allowed =
    (1 - amount) x baseline); the baseline is the same window a year earlier
    (``last_year``) or the ``baseline`` expression.  Without ``share`` the
    amount is the allowance itself.  ``order`` lists attribute paths the
    planned records take the quota in (then date, then id).
    """

    id: str
    clause: str
    title: str | None
    kind: str
    field: tuple[str, ...] | None
    measure: str
    measure_type: t.Type
    mode: str
    amount: Expr
    share: bool
    last_year: bool
    baseline: Expr | None
    scope: str
    window: str
    rounding: str
    condition: Expr | None = None
    order: tuple[tuple[str, ...], ...] = ()
    span: Span | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class TargetIR:
    """A target (butir 7): the share of ``kind`` records that meet ``share_of``."""

    id: str
    clause: str
    title: str | None
    kind: str
    share_of: Expr
    bound: str
    amount: Expr
    scope: str
    window: str
    condition: Expr | None = None
    span: Span | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class ProvisionIR:
    """A ``ketentuan``: each ``kind`` record meeting ``condition`` meets ``musts``

    ``traveller`` is the record's field naming a person of the roster (type
    ``pegawai``): ``pegawai.*`` in the rule reads that person.  ``must_texts``
    are the ``harus`` lines as written, for reports.
    """

    id: str
    clause: str
    title: str | None
    kind: str
    musts: tuple[Expr, ...]
    must_texts: tuple[str, ...]
    condition: Expr | None = None
    traveller: str | None = None
    span: Span | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class ChecklistIR:
    """A checklist duty (butir 10.a): a unit with staff in ``modes`` files ``items``."""

    id: str
    clause: str
    title: str | None
    modes: frozenset[str]
    items: frozenset[str]
    span: Span | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class EstimateIR:
    """An estimated saving for a cost ``category``, in rupiah or in the category's unit."""

    category: str
    value: Expr
    type: t.Type
    span: Span | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class ReportIR:
    """The savings report (butir 13): its clause and the estimates it may use."""

    id: str
    clause: str
    title: str | None
    estimates: tuple[EstimateIR, ...]
    span: Span | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class BreachIR:
    """A breach: a condition over one contact (and the employee, unit and day)."""

    id: str
    clause: str
    title: str | None
    condition: Expr | None
    span: Span | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class SanctionIR:
    """A step of the sanction ladder: one for ``every`` N breaches (or sanctions) of
    the kinds ``of``, counted per ``window`` (hari, minggu, bulan, periode)."""

    id: str
    clause: str
    title: str | None
    every: int
    counts: str
    of: tuple[str, ...]
    window: str
    span: Span | None = attrs.field(default=None, eq=False, repr=False)
    #: a sliding window: ``every`` events within this length (``window`` is then "")
    within: dt.timedelta | None = attrs.field(default=None, kw_only=True)
    #: ``every`` events on that many consecutive working days (``window`` is then "")
    consecutive: bool = attrs.field(default=False, kw_only=True)
    #: an allowance cut in Rupiah for each day with a sanction of this step
    cut_per_day: Decimal | None = attrs.field(default=None, kw_only=True)


@attrs.frozen
class Header:
    """The circular's metadata, checked."""

    number: str
    subject: str | None = None
    issuer: str | None = None
    bases: tuple[str, ...] = ()
    signed: dt.date | None = None
    effective_from: dt.date | None = None
    effective_until: dt.date | None = None
    evaluation_months: int | None = None
    timezone: str = "WIB"
    #: where evaluation periods count from: the first version's start, for an amendment
    periods_from: dt.date | None = None
    #: ``mencakup``: whom the circular covers (None: everyone on the roster) ...
    scope: Expr | None = None
    #: ... and the condition as written, which decisions on people outside it cite
    scope_text: str = ""
    #: what follows the end date (``sesudahnya``): ``PARENT`` (the amended circular
    #: again), a work mode (plain work in it), or None: not in force
    afterwards: str | None = None

    @property
    def period_start(self) -> dt.date | None:
        """The first day of the first evaluation period."""
        return self.periods_from or self.effective_from


#: ``Header.afterwards`` of a circular whose amended circular applies again after its end
PARENT = "induk"
#: the mark lang.variants gives an amendment's 'sesudahnya' line (the merged header no
#: longer says that it amends), so that the checker accepts 'sesudahnya induk' there
AMENDED = "mengubah"


@attrs.frozen
class CheckedExample:
    """A ``contoh`` with its facts typed: ``givens`` maps a written path to a value."""

    title: str
    givens: tuple[tuple[tuple[str, ...], object], ...]
    date: dt.date
    expects: tuple[tuple[str, object, t.Type], ...]
    #: for a schedule example: how many alike employees the unit has
    staff: int | None = None
    #: for a discipline example: (channel, sent, answered or None, reason or None)
    contacts: tuple[tuple[object, dt.datetime, dt.datetime | None, str | None], ...] = ()
    #: for an attendance example: (kind, time, (lat, lon) or None)
    attendance: tuple[tuple[str, dt.datetime, tuple[float, float] | None], ...] = ()
    #: for a quota, target or report example: the baseline (``dasar adalah 11``) ...
    baseline: object = None
    #: ... and (kind, quota/target id or cost category, expected value, its type)
    records: tuple[tuple[str, str, object, t.Type], ...] = ()
    span: Span | None = attrs.field(default=None, eq=False, repr=False)


class Overrides(Mapping[str, frozenset[str]]):
    """Rule id -> ids of every rule it overrides, directly or through others.

    Kept as one bit mask per rule (bit ``i``: the ``i``-th rule of the file),
    not one set per rule: a chain of n exceptions has n(n-1)/2 pairs in its
    closure, 12.5 million sets' entries (about 800 MB) for 5,000 rules, against
    3 MB of masks.  Reading a rule's set builds it; :meth:`covers` asks about one
    pair, and :meth:`beaten` resolves the rules that apply without building any.
    """

    __slots__ = ("_ids", "_index", "_masks")

    def __init__(self, ids: tuple[str, ...], masks: Mapping[str, int]) -> None:
        #: every rule id, in file order (bit i of a mask is ids[i])
        self._ids = ids
        self._index = {rule: i for i, rule in enumerate(ids)}
        #: rule id -> the mask of the rules it overrides (0: none)
        self._masks = dict(masks)

    @classmethod
    def from_sets(cls, ids: tuple[str, ...], sets: Mapping[str, frozenset[str]]) -> Overrides:
        index = {rule: i for i, rule in enumerate(ids)}
        masks = {rule: sum(1 << index[t] for t in targets) for rule, targets in sets.items()}
        return cls(ids, masks)

    def __getitem__(self, rule: str) -> frozenset[str]:
        mask = self._masks[rule]
        return frozenset(self._ids[i] for i in _bits(mask))

    def __iter__(self) -> Iterator[str]:
        return iter(self._masks)

    def __len__(self) -> int:
        return len(self._masks)

    def __reduce__(self) -> tuple[object, ...]:  # pickled for Spark's workers
        return (Overrides, (self._ids, self._masks))

    def covers(self, winner: str, loser: str) -> bool:
        """Whether ``winner`` overrides ``loser``, directly or through others."""
        index = self._index.get(loser)
        return index is not None and bool(self._masks.get(winner, 0) >> index & 1)

    def beaten(self, applicable: list[str]) -> dict[str, str]:
        """Each rule of ``applicable`` that another of them overrides -> the first such rule.

        ``applicable`` is in file order; "first" is in that order too.
        """
        present = 0
        for rule in applicable:
            present |= 1 << self._index[rule]
        beaten: dict[str, str] = {}
        taken = 0
        for winner in applicable:
            fresh = self._masks.get(winner, 0) & present & ~taken
            if fresh:
                taken |= fresh
                for i in _bits(fresh):
                    beaten[self._ids[i]] = winner
        return beaten


def _bits(mask: int) -> Iterator[int]:
    """The positions of the set bits of ``mask``, lowest first."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


def conjunction(parts: Iterable[Expr], *, spanned: bool = False) -> Expr | None:
    """The parts joined by ``dan`` from left to right (None when there is none): the
    condition of a block whose ``jika`` lines each add a part.  ``spanned`` gives each
    ``dan`` the span of the part it adds."""
    condition: Expr | None = None
    for part in parts:
        if condition is None:
            condition = part
        else:
            span = part.span if spanned else None
            condition = Op("and", (condition, part), t.BOOL, span=span)
    return condition


@attrs.frozen
class Program:
    """A rule file, checked and resolved, ready for a backend."""

    header: Header
    outputs: Mapping[str, t.Type]
    rules: tuple[RuleIR, ...]
    params: Mapping[str, tuple[tuple[dt.date | None, object], ...]]
    param_types: Mapping[str, t.Type]
    sets: Mapping[str, Const]
    modes: t.EnumType
    holidays: tuple[tuple[dt.date, dt.date, str], ...]
    workweek: frozenset[int]
    examples: tuple[CheckedExample, ...]
    #: rule id -> ids of every rule it overrides, directly or through others
    overrides: Overrides
    source_name: str = ""
    limits: tuple[LimitIR, ...] = ()
    duties: tuple[DutyIR, ...] = ()
    breaches: tuple[BreachIR, ...] = ()
    sanctions: tuple[SanctionIR, ...] = ()
    quotas: tuple[QuotaIR, ...] = ()
    targets: tuple[TargetIR, ...] = ()
    checklists: tuple[ChecklistIR, ...] = ()
    report: ReportIR | None = None
    provisions: tuple[ProvisionIR, ...] = ()
    #: table name -> (table, spans of its rows by unit code) for roster checks
    tables: Mapping[str, tuple[object, Mapping[str, Span | None]]] = attrs.field(factory=dict)
    #: NIPs the rules compare ``pegawai.nip`` with (normalised), and where, for roster checks
    identifiers: tuple[tuple[str, Span | None], ...] = ()
    #: the schema the program was checked against (with the attributes the file
    #: declares): an :class:`edaran.lang.schema.Schema`
    schema: object = attrs.field(default=None, eq=False, repr=False)

    def rules_for(self, output: str) -> tuple[RuleIR, ...]:
        """The rules that set ``output``, in file order."""
        return tuple(r for r in self.rules if r.output == output)

    def param_value(self, name: str, day: dt.date) -> object:
        """The value of parameter ``name`` in force on ``day``."""
        value: object = None
        for since, candidate in self.params[name]:
            if since is None or since <= day:
                value = candidate
        return value

    def rule(self, rule_id: str) -> RuleIR:
        """The rule with this id."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)
