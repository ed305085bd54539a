"""The scope pass: ``mencakup KONDISI`` in the header, whom the circular covers.

The condition is read after the declarations, so it may name declared sets
and attributes.  It reads only the person and their unit (E166): whom a
circular covers does not change from day to day.
"""

from __future__ import annotations

import attrs

from edaran.lang import ir
from edaran.lang import nodes as n
from edaran.lang.checks.state import State

__all__ = ["scope"]


def scope(state: State) -> None:
    """Type the header's ``mencakup`` line (E202, E166) and put it in ``state.header``."""
    line = next(
        (i for h in state.items if isinstance(h, n.Header) for i in h.items if i.kind == "covers"),
        None,
    )
    if line is None or line.expr is None:
        return
    typed = state.exprs.condition(line.expr)
    if typed is None:
        return
    outside = [f for f in _facts(typed) if f.root != "pegawai"]
    for fact in outside:
        state.error("E166", fact.span, name=fact.written)
    if outside or state.header is None:
        return
    span = line.expr.span
    text = span.source.text[span.start : span.end] if span and span.source else ""
    state.header = attrs.evolve(state.header, scope=typed, scope_text=" ".join(text.split()))


def _facts(node: ir.Expr) -> list[ir.Fact]:
    if isinstance(node, ir.Fact):
        return [node]
    if isinstance(node, ir.Op):
        return [f for a in node.args for f in _facts(a)]
    return []
