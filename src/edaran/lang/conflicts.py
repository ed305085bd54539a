"""Static conflict detection over finite domains.

Two rules for one output conflict on an input where both apply, neither is
overridden (no applicable rule lists it among the rules it overrides), and
their values differ.  Where every fact in the conditions ranges over a finite
domain (a weekday, an enumeration, a boolean, membership of a unit in the sets
the file names, a number compared with constants) this module searches the
product of those domains with three-valued evaluation and pruning, and
reports a witness: an input on which both rules apply.

What is not finite (arithmetic on facts, two facts compared, set-valued
facts) stays unknown; a pair that cannot be decided without it is skipped and
counted, and the run-time check still catches it.

Two approximations, both documented in ``docs/reference.md``: a unit's
attributes are independent of its code (nothing in a rule file says which
unit is a public service), and a parameter's values are independent of the
date.  Both can only add witnesses the data may not have, never hide one.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Literal

import attrs

from edaran.core import types as t
from edaran.core.diagnostics import Diagnostic, Label, Severity
from edaran.core.values import show_value
from edaran.lang import ir
from edaran.lang.schema import WEEKDAY
from edaran.messages import Lang, message

__all__ = ["UNKNOWN", "evaluate3", "find_conflicts"]

#: The third truth value: the expression depends on something not enumerated.
UNKNOWN = object()
_OTHER_UNIT = "«unit lain»"
_OTHER_TEXT = "«teks lain»"
#: Nodes one search may visit before its pair is counted as not checkable.
MAX_NODES = 3_000
#: Nodes all the searches of one file may visit together: a check never hangs,
#: and the same file always gets the same answer (a count, not a clock).
FILE_NODES = 60_000


@attrs.frozen
class Var:
    """An enumerated variable: a fact path or a parameter name."""

    key: tuple[str, ...]
    written: str
    domain: tuple[object, ...]


def _var_key(expr: ir.Expr) -> tuple[str, ...] | None:
    if isinstance(expr, ir.Fact):
        return (expr.root, *expr.attrs_path)
    if isinstance(expr, ir.Param):
        return ("param", expr.name)
    return None


# ------------------------------------------------------ three-valued eval
def evaluate3(expr: ir.Expr, env: dict[tuple[str, ...], object]) -> object:
    """Evaluate with some variables unassigned (-> :data:`UNKNOWN`)."""
    if isinstance(expr, ir.Const):
        return expr.value
    key = _var_key(expr)
    if key is not None:
        return env.get(key, UNKNOWN)
    assert isinstance(expr, ir.Op)
    op = expr.op
    if op == "and":
        values = [evaluate3(a, env) for a in expr.args]
        if any(v is False for v in values):
            return False
        return True if all(v is True for v in values) else UNKNOWN
    if op == "or":
        values = [evaluate3(a, env) for a in expr.args]
        if any(v is True for v in values):
            return True
        return False if all(v is False for v in values) else UNKNOWN
    if op == "not":
        value = evaluate3(expr.args[0], env)
        return UNKNOWN if value is UNKNOWN else not value
    if op in _ARITH_OPS and any(_var_key(a) or isinstance(a, ir.Op) for a in expr.args):
        return UNKNOWN  # arithmetic on a variable leaves the finite partition
    args = [evaluate3(a, env) for a in expr.args]
    if any(a is UNKNOWN for a in args):
        return UNKNOWN
    return _apply(op, args)


_ARITH_OPS = {"add", "sub", "mul", "div", "neg", "date_add", "date_sub", "date_diff"}


def _apply(op: str, args: list[object]) -> object:
    a = args[0]
    b = args[1] if len(args) > 1 else None
    if op in ("eq", "unit_eq"):
        return a == b
    if op in ("ne", "unit_ne"):
        return a != b
    if op in ("in", "unit_in"):
        return a in b  # type: ignore[operator]  # b is a frozenset by typing
    if op in ("not_in", "unit_not_in"):
        return a not in b  # type: ignore[operator]  # b is a frozenset by typing
    if a is None or b is None:
        return False
    try:
        if op == "lt":
            return a < b  # type: ignore[operator]  # ordered types only, by typing
        if op == "le":
            return a <= b  # type: ignore[operator]  # ordered types only, by typing
        if op == "gt":
            return a > b  # type: ignore[operator]  # ordered types only, by typing
        if op == "ge":
            return a >= b  # type: ignore[operator]  # ordered types only, by typing
        if op == "between":
            return a >= b and a <= args[2]  # type: ignore[operator]  # ordered types only
    except t.EvalError:
        return UNKNOWN
    return UNKNOWN  # constant arithmetic is not folded here


# ------------------------------------------------------------- domains
def _walk(expr: ir.Expr) -> Iterator[ir.Expr]:
    yield expr
    if isinstance(expr, ir.Op):
        for arg in expr.args:
            yield from _walk(arg)


def _domains(program: ir.Program, exprs: Sequence[ir.Expr]) -> list[Var] | None:
    """The variables of ``exprs`` and their finite domains; None if one is unbounded."""
    variables: dict[tuple[str, ...], ir.Fact | ir.Param] = {}
    constants: dict[tuple[str, ...], set[object]] = {}
    for expr in exprs:
        for node in _walk(expr):
            key = _var_key(node)
            if key is not None:
                variables[key] = node  # type: ignore[assignment]  # Fact or Param by _var_key
            if isinstance(node, ir.Op):
                _collect_constants(node, constants)
    result = []
    for key, node in sorted(variables.items()):
        domain = _domain(program, node, constants.get(key, set()))
        if domain is None:
            continue  # left unassigned: anything reading it stays UNKNOWN
        result.append(Var(key, node.written if isinstance(node, ir.Fact) else node.name, domain))
    return result


_COMPARISONS = frozenset(
    {"eq", "ne", "lt", "le", "gt", "ge", "between", "in", "not_in"}
    | {"unit_eq", "unit_ne", "unit_in", "unit_not_in"}
)


def _collect_constants(op: ir.Op, found: dict[tuple[str, ...], set[object]]) -> None:
    # Only what a variable is compared with cuts its domain: in 'tanggal - 5 hari'
    # the duration is no value of 'tanggal'.
    if op.op not in _COMPARISONS:
        return
    keys = [_var_key(a) for a in op.args]
    for key in keys:
        if key is None:
            continue
        for other in op.args:
            if isinstance(other, ir.Const):
                values = other.value if isinstance(other.value, frozenset) else {other.value}
                found.setdefault(key, set()).update(values)


def _domain(
    program: ir.Program, node: ir.Fact | ir.Param, seen: set[object]
) -> tuple[object, ...] | None:
    if isinstance(node, ir.Param):
        return tuple(dict.fromkeys(v for _, v in program.params[node.name]))
    kind = node.type
    if node.root == "kalender":
        path = node.attrs_path
        if path == ("hari",):
            return tuple(m for m in WEEKDAY.py_enum or () if m.value in program.workweek)
        if path == ("hari_kerja",):
            return (True,)
        if kind == t.BOOL:
            return (False,)  # rules run on working days only: no holiday flag is set
    values: tuple[object, ...] | None
    if kind == t.BOOL:
        values = (True, False)
    elif isinstance(kind, t.EnumType):
        values = tuple(v for _, v in kind.members)
    elif isinstance(kind, t.UnitType):
        values = (*sorted(str(v) for v in seen), _OTHER_UNIT)
    elif kind == t.TEXT:
        values = (*sorted(str(v) for v in seen), _OTHER_TEXT)
    elif kind in (t.INT, t.DECIMAL, t.PERCENT, t.MONEY, t.DATE):
        values = _points(sorted(seen), kind)  # type: ignore[type-var]  # comparable by typing
    else:
        values = None
    if values is not None and node.nullable:
        values = (*values, None)
    return values


def _points(constants: list[object], kind: t.Type) -> tuple[object, ...]:
    """One value in each cell of the partition of a line by ``constants``."""
    if not constants:
        return (dt.date(2000, 1, 1),) if kind == t.DATE else (Decimal(0),)
    step: object = (
        dt.timedelta(days=1) if kind == t.DATE else (1 if kind == t.INT else Decimal("0.001"))
    )
    points: list[object] = [constants[0] - step]  # type: ignore[operator]  # dates and numbers
    for low, high in itertools.pairwise(constants):
        points.append(low)
        middle = low + step  # type: ignore[operator]  # dates and numbers
        if middle < high:
            points.append(middle)
    points.append(constants[-1])
    points.append(constants[-1] + step)  # type: ignore[operator]  # dates and numbers
    return tuple(points)


# -------------------------------------------------------------- search
class Budget:
    """Search nodes left for one file."""

    def __init__(self, nodes: int = FILE_NODES) -> None:
        self.left = nodes


def _search(
    formula: ir.Expr, variables: list[Var], budget: Budget | None = None
) -> tuple[dict[tuple[str, ...], object] | None, bool]:
    """A satisfying assignment, and whether the search was complete.

    Every node visited counts against ``MAX_NODES`` and the file's ``budget``;
    past either, the search stops as incomplete (the pair is not checkable
    statically, and the run-time check still guards it).
    """
    budget = budget if budget is not None else Budget()
    undecided = False
    nodes = 0

    def go(index: int, env: dict[tuple[str, ...], object]) -> dict[tuple[str, ...], object] | None:
        nonlocal undecided, nodes
        nodes += 1
        budget.left -= 1
        if nodes > MAX_NODES or budget.left < 0:
            undecided = True
            return None
        value = evaluate3(formula, env)
        if value is True:
            return dict(env)
        if value is False:
            return None
        if index == len(variables):
            undecided = True
            return None
        var = variables[index]
        for candidate in var.domain:
            env[var.key] = candidate
            found = go(index + 1, env)
            if found is not None:
                return found
            if nodes > MAX_NODES or budget.left < 0:
                break
        del env[var.key]
        return None

    found = go(0, {})
    if found is not None:
        found = _minimal(formula, found)
    return found, not undecided


def _minimal(formula: ir.Expr, env: dict[tuple[str, ...], object]) -> dict[tuple[str, ...], object]:
    """Drop the assignments the formula does not need, so a witness names only what matters."""
    kept = dict(env)
    for key in list(env):
        trial = {k: v for k, v in kept.items() if k != key}
        if evaluate3(formula, trial) is True:
            kept = trial
    return kept


class Witness:
    """An assignment shown as ``pegawai.jenjang = JPT_PRATAMA, hari = Jumat``."""

    def __init__(self, env: dict[tuple[str, ...], object], variables: list[Var]) -> None:
        self.items = [(v.written, env[v.key]) for v in variables if v.key in env]

    def localize(self, lang: Lang) -> str:
        if not self.items:
            return message("witness.always", lang)
        return ", ".join(f"{name} = {show_value(value, lang)}" for name, value in self.items)


class _Value:
    def __init__(self, expr: ir.Expr, env: dict[tuple[str, ...], object]) -> None:
        self.value = evaluate3(expr, env)
        self.expr = expr

    def localize(self, lang: Lang) -> str:
        if self.value is UNKNOWN:
            return "?"
        return show_value(self.value, lang)


# -------------------------------------------------------------- driver
def _applies(rule: ir.RuleIR) -> ir.Expr:
    return rule.condition if rule.condition is not None else ir.Const(True, t.BOOL)


def _survives(rule: ir.RuleIR, rules: list[ir.RuleIR], program: ir.Program) -> list[ir.Expr]:
    parts = [_applies(rule)]
    for other in rules:
        if rule.id in program.overrides.get(other.id, frozenset()):
            parts.append(ir.Op("not", (_applies(other),), t.BOOL))
    return parts


def _conjunction(parts: Sequence[ir.Expr]) -> ir.Expr:
    return ir.Op("and", tuple(parts), t.BOOL) if len(parts) > 1 else parts[0]


def find_conflicts(program: ir.Program) -> list[Diagnostic]:
    """E302 for every pair of rules that can conflict, W306 for a missing default."""
    found: list[Diagnostic] = []
    skipped = 0
    budget = Budget()
    for output in program.outputs:
        rules = list(program.rules_for(output))
        ordinary = [r for r in rules if not r.is_default]
        defaults = [r for r in rules if r.is_default]
        nobody: list[ir.Expr] = [ir.Op("not", (_applies(r),), t.BOOL) for r in ordinary]
        for group, extra in ((ordinary, []), (defaults, nobody)):
            for first, second in itertools.combinations(group, 2):
                result = _pair(program, rules, first, second, extra, budget)
                if result is None:
                    skipped += 1
                elif result:
                    found.append(result)
        if not defaults and ordinary and output:
            found.extend(_missing_default(program, output, nobody, budget))
        found.extend(_never_applies(program, rules, budget))
    if skipped and program.rules:
        # Said every time, not only beside a conflict: a clean check must not
        # look more complete than it is.
        found.append(
            Diagnostic("W307", program.rules[0].span, {"count": skipped}, severity=Severity.WARNING)
        )
    return found


def _pair(
    program: ir.Program,
    rules: list[ir.RuleIR],
    first: ir.RuleIR,
    second: ir.RuleIR,
    extra: Sequence[ir.Expr],
    budget: Budget,
) -> Diagnostic | Literal[False] | None:
    overrides = program.overrides
    if first.id in overrides.get(second.id, ()) or second.id in overrides.get(first.id, ()):
        return False
    if (
        isinstance(first.value, ir.Const)
        and isinstance(second.value, ir.Const)
        and first.value.value == second.value.value
    ):
        return False
    differ = ir.Op("ne", (first.value, second.value), t.BOOL)
    parts = [*_survives(first, rules, program), *_survives(second, rules, program), *extra, differ]
    formula = _conjunction(parts)
    variables = _domains(program, parts) or []
    env, complete = _search(formula, variables, budget)
    if env is None:
        return False if complete else None
    labels = (Label(first.span, "label-first"),) if first.span else ()
    return Diagnostic(
        "E302",
        second.span,
        {
            "first": first.id,
            "second": second.id,
            "first_value": _Value(first.value, env),
            "second_value": _Value(second.value, env),
        },
        labels=labels,
        notes=(
            ("note-witness", {"witness": Witness(env, variables)}),
            ("note-settle", {"first": second.id, "second": first.id}),
        ),
    )


def _never_applies(
    program: ir.Program, rules: Sequence[ir.RuleIR], budget: Budget
) -> list[Diagnostic]:
    """W305 for a rule whose condition no input can meet (proved, not guessed)."""
    found = []
    for rule in rules:
        if rule.condition is None:
            continue
        env, complete = _search(rule.condition, _domains(program, [rule.condition]) or [], budget)
        if env is None and complete:
            args = {"ref": rule.id}
            found.append(Diagnostic("W305", rule.span, args, severity=Severity.WARNING))
    return found


def _missing_default(
    program: ir.Program, output: str, nobody: Sequence[ir.Expr], budget: Budget
) -> list[Diagnostic]:
    formula = _conjunction(nobody)
    variables = _domains(program, nobody) or []
    env, _ = _search(formula, variables, budget)
    if env is None:
        return []
    span = program.rules_for(output)[0].span
    return [
        Diagnostic(
            "W306",
            span,
            {"output": output, "witness": Witness(env, variables)},
            severity=Severity.WARNING,
        )
    ]
