"""Comparing two circulars (issue 6, item 6): which clauses differ, and what it changes.

:func:`diff_clauses` lists the rules, limits, discipline blocks, parameters,
sets and per-unit tables that one circular adds, removes or changes against
another; each side is shown as its source text.  :func:`diff_impact` decides
every employee-day under both and counts the days whose work mode changes,
by unit and by kind of change (``WFH→WFO``), with a sample of the people
affected and the explanation on each side.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import attrs

from edaran.core import types as t
from edaran.core.diagnostics import Span, render_all
from edaran.core.modes import STATUS_NOT_IN_FORCE, WORK_MODE
from edaran.engine.circular import Circular
from edaran.engine.decision import DecisionError
from edaran.lang import ir
from edaran.messages import Lang

__all__ = [
    "UNDECIDED",
    "ClauseChange",
    "Impact",
    "ImpactSample",
    "diff_clauses",
    "diff_impact",
]

ChangeKind = Literal["added", "removed", "changed"]
What = Literal[
    "force",
    "rule",
    "limit",
    "duty",
    "breach",
    "sanction",
    "quota",
    "target",
    "checklist",
    "provision",
    "report",
    "parameter",
    "set",
    "table",
    "attribute",
    "scope",
]

#: the value shown for an employee-day one side cannot decide
UNDECIDED = "?"

#: how many affected employee-days :func:`diff_impact` explains
SAMPLE_SIZE = 5


@attrs.frozen
class ClauseChange:
    """One clause or declaration that differs; a text is ``None`` on the side that lacks it."""

    kind: ChangeKind
    what: What
    key: str
    left_text: str | None
    right_text: str | None


# ----------------------------------------------------------------- clauses
def _span_text(span: Span | None) -> str | None:
    if span is None or span.source is None:
        return None
    return span.source.text[span.start : span.end].rstrip()


def _show(value: object) -> str:
    if isinstance(value, enum.Enum):
        return value.name
    if isinstance(value, (frozenset, set)):
        return "{" + ", ".join(sorted(_show(v) for v in value)) + "}"
    if isinstance(value, ir.Const):
        return _show(value.value)
    return str(value)


def _rule_shape(rule: ir.RuleIR) -> object:
    # Spans are not part of equality on IR nodes, so this compares structure only.
    shape = (rule.output, rule.value, rule.condition, rule.exceptions, rule.is_default)
    return _plain((*shape, rule.binding))


def _plain(node: object) -> object:
    """``node`` with members of enumerations as (enumeration, member) names: a declared
    enumeration is a new class in each file, and a member added to it changes no rule."""
    if isinstance(node, enum.Enum):
        return (type(node).__name__, node.name)
    if isinstance(node, (frozenset, set)):
        return frozenset(_plain(v) for v in node)
    if isinstance(node, tuple):
        return tuple(_plain(v) for v in node)
    if attrs.has(type(node)):
        kind: Any = type(node)
        return (kind.__name__, *(_plain(getattr(node, f.name)) for f in attrs.fields(kind) if f.eq))
    return node


def _rule_text(rule: ir.RuleIR) -> str:
    return _span_text(rule.span) or rule.id


def _block_text(block: Any) -> str:
    return _span_text(block.span) or block.id


def _param_text(values: tuple[tuple[dt.date | None, object], ...]) -> str:
    return "; ".join(
        (f"{since.isoformat()}: " if since is not None else "") + _show(value)
        for since, value in values
    )


def _compare(
    what: What,
    left: Mapping[str, Any],
    right: Mapping[str, Any],
    shape: Any,
    text: Any,
) -> list[ClauseChange]:
    found = []
    for key in sorted(left.keys() | right.keys()):
        if key not in right:
            found.append(ClauseChange("removed", what, key, text(left[key]), None))
        elif key not in left:
            found.append(ClauseChange("added", what, key, None, text(right[key])))
        elif shape(left[key]) != shape(right[key]):
            found.append(ClauseChange("changed", what, key, text(left[key]), text(right[key])))
    return found


def diff_clauses(a: Circular, b: Circular) -> list[ClauseChange]:
    """What differs from ``a`` to ``b``, sorted by (what, key)."""
    pa, pb = a.program, b.program
    found = _compare(
        "rule",
        {r.id: r for r in pa.rules},
        {r.id: r for r in pb.rules},
        _rule_shape,
        _rule_text,
    )
    blocks: tuple[tuple[What, str], ...] = (
        ("limit", "limits"),
        ("duty", "duties"),
        ("breach", "breaches"),
        ("sanction", "sanctions"),
        ("quota", "quotas"),
        ("target", "targets"),
        ("checklist", "checklists"),
        ("provision", "provisions"),
    )
    for what, field in blocks:
        left = {x.id: x for x in getattr(pa, field)}
        right = {x.id: x for x in getattr(pb, field)}
        found += _compare(what, left, right, _plain, _block_text)
    reports = (
        ({pa.report.id: pa.report} if pa.report else {}),
        ({pb.report.id: pb.report} if pb.report else {}),
    )
    found += _compare("report", *reports, lambda x: x, _block_text)
    found += _compare("parameter", _params(pa), _params(pb), _plain, _param_text)
    found += _compare("set", pa.sets, pb.sets, lambda c: _plain(c.value), _show)
    found += _compare("table", _table_rows(pa), _table_rows(pb), _plain, _param_text)
    found += _compare("attribute", _attributes(a), _attributes(b), lambda x: x, lambda x: x)
    left_scope, right_scope = (
        {"mencakup": c.program.header.scope_text} if c.program.header.scope is not None else {}
        for c in (a, b)
    )
    found += _compare("scope", left_scope, right_scope, lambda x: x, lambda x: x)
    found += _compare("force", _force(pa.header), _force(pb.header), lambda x: x, lambda x: x)
    return sorted(found, key=lambda c: (c.what, c.key))


def _params(program: ir.Program) -> dict[str, tuple[tuple[dt.date | None, object], ...]]:
    """The declared parameters (a table that changes from dates has its versions there too)."""
    return {k: v for k, v in program.params.items() if k not in program.tables}


def _table_rows(program: ir.Program) -> dict[str, tuple[tuple[dt.date | None, object], ...]]:
    """Each row of each table, and its default (``NAME[*]``), as dated values.

    A changed row is then one change of its own (``SIAGA[BPBD]``), and a
    table read from a file shows the rows the new file changed.
    """
    found: dict[str, tuple[tuple[dt.date | None, object], ...]] = {}
    for name, (table, _) in program.tables.items():
        versions = program.params.get(name) or ((None, table),)
        codes = sorted({code for _, v in versions for code in getattr(v, "rows", {})})
        for code in [None, *codes]:
            values: list[tuple[dt.date | None, object]] = []
            for since, version in versions:
                rows: Mapping[str, object] = getattr(version, "rows", {})
                value = getattr(version, "default", None) if code is None else rows.get(code)
                if value is None and not values:
                    continue  # a row that starts at a date: nothing before it
                if not values or values[-1][1] != value:
                    values.append((since, value))
            found[f"{name}[{code or '*'}]"] = tuple(values)
    return found


def _attributes(circular: Circular) -> dict[str, str]:
    """``pegawai.agama`` -> its declaration as written in a rule file, for each declared
    attribute (two declarations that read alike are the same)."""
    schema = circular.schema
    found: dict[str, str] = {}
    for owner, cls in (("pegawai", schema.employee_cls), ("unit", schema.unit_cls)):
        fields = schema.fields(cls)
        for field in attrs.fields(cls):
            meta = field.metadata
            if not meta.get("declared"):
                continue
            members = meta.get("anggota")
            if members is not None:
                kind = "enumerasi {" + ", ".join(members) + "}"
            else:
                kind = t.TypeName(fields[field.name].type).localize("id")
            text = f'{kind}{", wajib" if meta.get("wajib") else ""}, kolom "{meta["kolom"]}"'
            found[f"{owner}.{field.name}"] = text
    return found


def _force(header: ir.Header) -> dict[str, str]:
    """The end of the force and what follows it, as a header writes them (key ``sampai``).

    A start date of its own is what every amendment and many variants have, so
    only the end and what follows it are compared: a window that closes (or
    gives the amended circular back) is what a reader must not miss.
    """
    end = header.effective_until
    if end is None:
        return {}
    return {"sampai": f"{end.isoformat()}, sesudahnya {header.afterwards or STATUS_NOT_IN_FORCE}"}


# ------------------------------------------------------------------ impact
@attrs.frozen
class ImpactSample:
    """One affected employee-day, explained under each circular."""

    nip: str
    name: str
    unit: str
    date: dt.date
    left: str
    right: str
    left_explanation: str
    right_explanation: str


@attrs.frozen
class Impact:
    """How many employee-days change mode from ``a`` to ``b``, and for whom.

    ``counts`` holds (unit code, kind such as ``WFH→WFO``, employee-days),
    sorted by unit then kind; ``undecided`` counts the employee-days each side
    could not decide (shown as ``?`` in the kinds).
    """

    first: dt.date
    last: dt.date
    employee_days: int
    changed: int
    counts: tuple[tuple[str, str, int], ...]
    samples: tuple[ImpactSample, ...]
    undecided: tuple[int, int] = (0, 0)


def _values(
    circular: Circular, staff: list[Any], first: dt.date, last: dt.date
) -> tuple[dict[tuple[str, dt.date], str], int]:
    errors: list[DecisionError] = []
    values = {
        (d.nip, d.date): _show(d.value)
        for d in circular.decide_many(staff, first, last, WORK_MODE, errors=errors)
    }
    return values, len(errors)


def _explain(circular: Circular, employee: Any, date: dt.date, lang: Lang) -> str:
    try:
        return circular.explain(employee, date).render(lang)
    except DecisionError as err:
        return render_all(err.diagnostics, lang)


def diff_impact(
    a: Circular,
    b: Circular,
    employees: Iterable[Any],
    first: dt.date,
    last: dt.date,
    lang: Lang = "id",
) -> Impact:
    """Decide every employee-day from ``first`` to ``last`` under ``a`` and ``b`` and compare."""
    staff = list(employees)
    by_nip = {e.nip: e for e in staff}
    left, left_errors = _values(a, staff, first, last)
    right, right_errors = _values(b, staff, first, last)
    keys = sorted(left.keys() | right.keys())
    counts: Counter[tuple[str, str]] = Counter()
    changed: list[tuple[str, dt.date]] = []
    for key in keys:
        was, now = left.get(key, UNDECIDED), right.get(key, UNDECIDED)
        if was != now:
            counts[(by_nip[key[0]].unit.top.kode, f"{was}→{now}")] += 1
            changed.append(key)
    samples = []
    for nip, date in changed[:SAMPLE_SIZE]:
        employee = by_nip[nip]
        samples.append(
            ImpactSample(
                nip,
                employee.nama,
                employee.unit.top.kode,
                date,
                left.get((nip, date), UNDECIDED),
                right.get((nip, date), UNDECIDED),
                _explain(a, employee, date, lang),
                _explain(b, employee, date, lang),
            )
        )
    return Impact(
        first,
        last,
        len(keys),
        len(changed),
        tuple((unit, kind, n) for (unit, kind), n in sorted(counts.items())),
        tuple(samples),
        (left_errors, right_errors),
    )
