"""What several check passes share: where facts may be read, citations written once.

A rule, a limit or a duty reads the workforce and the day; only a breach
reads a contact (E122), and only quota, target and report blocks read records
(E150).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from edaran.core.diagnostics import Diagnostic, Label
from edaran.lang import ir
from edaran.lang import nodes as n
from edaran.messages import Localized

Report = Callable[[Diagnostic], None]

__all__ = [
    "RECORD_FACTS",
    "Report",
    "facts_of",
    "misplaced_record",
    "reads_contacts",
    "reads_records",
    "unique_citations",
]


#: The roots of record facts: what quota, target and report blocks read.
RECORD_FACTS = ("perjalanan", "kendaraan", "rapat", "periode")


def facts_of(expr: ir.Expr | None) -> list[ir.Fact]:
    """Every fact ``expr`` reads, in order."""
    if isinstance(expr, ir.Fact):
        return [expr]
    if isinstance(expr, ir.Op):
        return [f for a in expr.args for f in facts_of(a)]
    return []


def reads_records(expr: ir.Expr | None) -> ir.Fact | None:
    """The first record fact (``perjalanan.*``, ``periode.*`` ...) in ``expr``."""
    return next((f for f in facts_of(expr) if f.root in RECORD_FACTS), None)


def misplaced_record(expr: ir.Expr | None, report: Report) -> bool:
    """E150 for a record fact outside the blocks that read records; True if there was one."""
    fact = reads_records(expr)
    if fact is None:
        return False
    report(
        Diagnostic(
            "E150",
            fact.span,
            {
                "name": fact.written,
                "where": Localized("where.periode" if fact.root == "periode" else "where.records"),
            },
        )
    )
    return True


def reads_contacts(expr: ir.Expr | None) -> ir.Fact | None:
    """The first ``kontak.*`` fact in ``expr`` (only breaches may read contacts)."""
    if isinstance(expr, ir.Fact):
        return expr if expr.root == "kontak" else None
    if isinstance(expr, ir.Op):
        for arg in expr.args:
            found = reads_contacts(arg)
            if found is not None:
                return found
    return None


def unique_citations(
    items: Sequence[Any], report: Report, seen: Mapping[str, n.Citation] | None = None
) -> set[str]:
    """E106 for a citation written twice among ``items`` (or already in ``seen``)."""
    known: dict[str, n.Citation] = dict(seen or {})
    for item in items:
        label = item.citation.label
        if label in known:
            first = known[label].span
            labels = (Label(first, "label-declared-here"),) if first is not None else ()
            report(Diagnostic("E106", item.citation.span, {"ref": label}, labels=labels))
        known.setdefault(label, item.citation)
    return set(known)
