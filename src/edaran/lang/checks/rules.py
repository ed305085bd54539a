"""The rules pass: each ``butir`` typed, its citation unique, its exceptions resolved."""

from __future__ import annotations

from edaran.core import types as t
from edaran.core.diagnostics import Diagnostic, Label
from edaran.core.modes import STATUS_NOT_COVERED, STATUS_NOT_IN_FORCE, STATUS_OFF
from edaran.core.suggest import suggest
from edaran.lang import ir
from edaran.lang import nodes as n
from edaran.lang.checks.shared import misplaced_record, reads_contacts
from edaran.lang.checks.state import OUTPUT_ALIASES, State, assignable

__all__ = ["resolve_ref", "rules"]


def rules(state: State) -> None:
    """Check every rule and set ``state.rules``; rules may read the file's outputs (E211 on a
    cycle)."""
    state.env.outputs, state.env.output_aliases = dict(state.outputs), dict(OUTPUT_ALIASES)
    try:
        state.rules = _rules(state, [i for i in state.items if isinstance(i, n.Rule)])
    finally:
        state.env.outputs, state.env.output_aliases = {}, {}
    _strata(state)


def _reads(node: ir.Expr | None) -> list[ir.OutputRef]:
    """The outputs an expression reads, in order."""
    if isinstance(node, ir.OutputRef):
        return [node]
    if isinstance(node, ir.Op):
        return [ref for arg in node.args for ref in _reads(arg)]
    return []


def _strata(state: State) -> None:
    """E211: outputs that read each other in a circle (or one that reads itself)."""
    # output -> [(output read, the rule that reads it)]
    edges: dict[str, list[tuple[str, ir.RuleIR]]] = {}
    for rule in state.rules:
        for ref in (*_reads(rule.condition), *_reads(rule.value)):
            edges.setdefault(rule.output, []).append((ref.name, rule))
    done: set[str] = set()
    reported: set[frozenset[str]] = set()

    def visit(output: str, path: list[tuple[str, ir.RuleIR]]) -> None:
        if output in done:
            return
        names = [p[0] for p in path]
        if output in names:
            cycle = path[names.index(output) :]
            key = frozenset(name for name, _ in cycle)
            if key not in reported:
                reported.add(key)
                steps = [name for name, _ in cycle] + [output]
                rules = [rule for _, rule in cycle]
                state.report(
                    Diagnostic(
                        "E211",
                        rules[0].span,
                        {
                            "cycle": " -> ".join(steps),
                            "rules": ", ".join(dict.fromkeys(r.id for r in rules)),
                        },
                        labels=tuple(Label(r.span, "label-in-cycle") for r in rules[1:] if r.span),
                    )
                )
            return
        for target, rule in edges.get(output, []):
            visit(target, [*path, (output, rule)])
        done.add(output)

    for output in edges:
        visit(output, [])


def _rules(state: State, rules: list[n.Rule]) -> list[ir.RuleIR]:
    # Labels first: an exception may name a rule written further down.
    state.labels = {}
    unique: list[n.Rule] = []
    for rule in rules:
        label = rule.citation.label
        first = state.labels.get(label)
        if first is not None:
            here = (
                (Label(first.citation.span, "label-declared-here"),) if first.citation.span else ()
            )
            state.report(Diagnostic("E106", rule.citation.span, {"ref": label}, labels=here))
            continue
        state.labels[label] = rule
        unique.append(rule)
    checked = [_rule(state, rule) for rule in unique]
    return [rule for rule in checked if rule is not None]


def _rule(state: State, rule: n.Rule) -> ir.RuleIR | None:
    for stray in rule.stray:
        hint = f"pengecualian atas {stray.label}"
        state.report(Diagnostic("E114", stray.span, {"ref": stray.label}, suggestions=(hint,)))
    target = OUTPUT_ALIASES.get(rule.assignment.target.name, rule.assignment.target.name)
    kind = state.outputs.get(target)
    if kind is None:
        state.report(
            Diagnostic(
                "E108",
                rule.assignment.target.span,
                {"name": target},
                suggestions=suggest(target, [*state.outputs, *OUTPUT_ALIASES]),
            )
        )
        return None
    value = state.exprs.check(rule.assignment.value, kind)
    if isinstance(value, ir.Const) and value.value in (
        STATUS_OFF,
        STATUS_NOT_IN_FORCE,
        STATUS_NOT_COVERED,
    ):
        state.error("E207", rule.assignment.value.span, name=value.value)
        value = None
    if value is not None and not assignable(value.type, kind):
        state.error(
            "E203",
            rule.assignment.value.span,
            found=t.TypeName(value.type),
            name=target,
            expected=t.TypeName(kind),
        )
        value = None
    conditions = [state.exprs.condition(c) for c in rule.conditions]
    for typed in (value, *conditions):
        contact = reads_contacts(typed)
        if contact is not None:
            state.error("E122", contact.span, name=contact.written)
            return None
        if misplaced_record(typed, state.report):
            return None
    if value is None or any(c is None for c in conditions):
        return None
    condition = ir.conjunction((c for c in conditions if c is not None), spanned=True)
    return ir.RuleIR(
        id=rule.citation.label,
        clause=rule.citation.clause,
        title=rule.title,
        output=target,
        value=value,
        condition=condition,
        exceptions=tuple(resolve_ref(state, c) or "" for c in rule.exceptions),
        is_default=rule.is_default,
        span=rule.span,
        binding=rule.binding,
        origin=rule.origin,
    )


def resolve_ref(state: State, citation: n.Citation) -> str | None:
    if citation.label in state.labels:
        return citation.label
    same_clause = [
        label for label, r in state.labels.items() if r.citation.clause == citation.clause
    ]
    if citation.tag is None and len(same_clause) == 1:
        return same_clause[0]
    if citation.tag is None and len(same_clause) > 1:
        state.error("E107", citation.span, ref=citation.label, count=len(same_clause))
    else:
        state.report(
            Diagnostic(
                "E104",
                citation.span,
                {"ref": citation.label},
                suggestions=suggest(citation.label, state.labels),
            )
        )
    return None
