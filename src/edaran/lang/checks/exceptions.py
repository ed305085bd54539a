"""The exceptions pass: the graph of ``pengecualian atas``, its cycles and its closure."""

from __future__ import annotations

from edaran.core.diagnostics import Diagnostic, Label
from edaran.lang import ir
from edaran.lang.checks.state import State

__all__ = ["exceptions"]


def exceptions(state: State) -> None:
    """E301-E304 and E142; ``state.overrides`` is the closure, or None after an error."""
    state.overrides = _exception_graph(state, state.rules)


def _exception_graph(state: State, rules: list[ir.RuleIR]) -> ir.Overrides | None:
    by_id = {r.id: r for r in rules}
    edges = {r.id: [e for e in r.exceptions if e in by_id] for r in rules}
    ok = True
    for rule in rules:
        for target in edges[rule.id]:
            if target == rule.id:
                state.error("E303", rule.span, ref=rule.id)
                ok = False
            elif _weakens(rule, by_id[target]):
                target_rule = by_id[target]
                labels = (Label(target_rule.span, "label-binding"),) if target_rule.span else ()
                args = {"first": rule.id, "second": target, "parent": target_rule.origin or ""}
                state.report(Diagnostic("E142", rule.span, args, labels=labels))
                ok = False
            elif by_id[target].output != rule.output:
                state.error(
                    "E304",
                    rule.span,
                    first=rule.id,
                    second=target,
                    first_output=rule.output,
                    second_output=by_id[target].output,
                )
                ok = False
    for cycle in _cycles(edges):
        if len(cycle) > 1:
            _cycle(state, cycle, by_id)
            ok = False
    return _closure(tuple(r.id for r in rules), edges) if ok else None


def _cycle(state: State, cycle: list[str], by_id: dict[str, ir.RuleIR]) -> None:
    path = " → ".join([*cycle, cycle[0]])
    first = by_id[cycle[0]]
    spans = [by_id[c].span for c in cycle[1:]]
    labels = tuple(Label(span, "label-in-cycle") for span in spans if span is not None)
    state.report(Diagnostic("E301", first.span, {"cycle": path}, labels=labels))


def _weakens(rule: ir.RuleIR, target: ir.RuleIR) -> bool:
    """An exception from another circular overriding a binding rule with another value."""
    if not target.binding or rule.origin == target.origin:
        return False
    same = isinstance(rule.value, ir.Const) and isinstance(target.value, ir.Const)
    return not (same and rule.value.value == target.value.value)  # type: ignore[union-attr]  # Const by the test


def _cycles(edges: dict[str, list[str]]) -> list[list[str]]:
    """Each elementary cycle found by a depth-first search, once."""
    found: list[list[str]] = []
    seen_sets: set[frozenset[str]] = set()
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in edges.get(node, []):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt) :]
                key = frozenset(cycle)
                if key not in seen_sets:
                    seen_sets.add(key)
                    found.append(cycle)
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = 2

    for node in edges:
        if node not in state:
            visit(node, [])
    return found


def _closure(ids: tuple[str, ...], edges: dict[str, list[str]]) -> ir.Overrides:
    """Every rule each rule overrides, directly or through others (the graph has no cycle).

    Each rule's mask is the union of the masks of the rules it names, computed
    once per rule in depth-first post-order: a few integer operations per
    exception, where a walk per rule would take n(n-1)/2 steps for a chain of n.
    """
    index = {rule: i for i, rule in enumerate(ids)}
    masks: dict[str, int] = {}
    for start in edges:
        stack: list[tuple[str, bool]] = [(start, False)]
        while stack:
            node, ready = stack.pop()
            if node in masks:
                continue
            targets = edges.get(node, [])
            if ready:
                mask = 0
                for target in targets:
                    mask |= 1 << index[target] | masks[target]
                masks[node] = mask
                continue
            stack.append((node, True))
            stack.extend((t, False) for t in targets if t not in masks)
    return ir.Overrides(ids, masks)
