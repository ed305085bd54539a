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

import contextlib
import datetime as dt
import enum
import itertools
from collections.abc import Hashable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, Literal, TypeAlias

import attrs

from edaran.core import types as t
from edaran.core.diagnostics import Diagnostic, Label, Severity
from edaran.core.runtime import ARITHMETIC, UnitTable
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
FILE_NODES = 10_000


#: A variable's key: a fact path, ``("param", name)``, or an ancestor bit (see :class:`Var`).
Key: TypeAlias = tuple[object, ...]
_UNDER = "@under"


@attrs.frozen
class Var:
    """An enumerated variable: a fact path, a parameter name, or an ancestor bit.

    A unit is its own code *and* the codes above it (``unit termasuk {DISDIK}``
    holds for a school under the Education Office).  Which codes lie above a
    unit is data, not rule text, so for every set ``S`` a unit is tested
    against (and every table it is looked up in) the search has one more
    boolean: "some unit above this one is in ``S``" (``under`` names the unit
    variable and ``S``).  Assignments of these bits that no tree can give (a
    unit above in ``S`` while every code of ``S`` is excluded) are pruned.
    """

    key: Key
    written: str
    domain: tuple[object, ...]
    under: tuple[Key, frozenset[str]] | None = None


def _var_key(expr: ir.Expr) -> Key | None:
    if isinstance(expr, ir.Fact):
        return (expr.root, *expr.attrs_path)
    if isinstance(expr, ir.Param):
        return ("param", expr.name)
    return None


def _under_key(unit: Key, codes: frozenset[str]) -> Key:
    return (*unit, _UNDER, codes)


# ------------------------------------------------------ three-valued eval
def evaluate3(
    expr: ir.Expr, env: dict[Key, object], opaque: frozenset[Key] = frozenset()
) -> object:
    """Evaluate with some variables unassigned (-> :data:`UNKNOWN`).

    ``opaque`` holds the variables whose domain is a partition of a line (a
    number, a date, a text): a comparison of two of them stays unknown, since
    one point per cell cannot say how two values of one cell compare.
    """
    kind = type(expr)
    if kind is ir.Const:
        return expr.value  # type: ignore[union-attr]  # a Const by the test above
    if kind is ir.OutputRef:
        return UNKNOWN  # another output: decided at run time
    if kind is ir.Fact or kind is ir.Param:
        return env.get(_var_key(expr), UNKNOWN)  # type: ignore[arg-type]  # a Fact or Param
    assert isinstance(expr, ir.Op)
    op = expr.op
    if op == "and":  # left to right, stopping at the first false part
        unknown = False
        for arg in expr.args:
            value = evaluate3(arg, env, opaque)
            if value is False:
                return False
            unknown = unknown or value is not True
        return UNKNOWN if unknown else True
    if op == "or":
        unknown = False
        for arg in expr.args:
            value = evaluate3(arg, env, opaque)
            if value is True:
                return True
            unknown = unknown or value is not False
        return UNKNOWN if unknown else False
    if op == "not":
        value = evaluate3(expr.args[0], env, opaque)
        return UNKNOWN if value is UNKNOWN else not value
    if op in _ARITH_OPS and any(type(a) is not ir.Const for a in expr.args):
        return UNKNOWN  # arithmetic on a variable leaves the finite partition
    if opaque and op in _COMPARISONS:
        partitioned = 0
        for arg in expr.args:
            if type(arg) is ir.Fact and _var_key(arg) in opaque:
                partitioned += 1
        if partitioned > 1:
            return UNKNOWN
    unit = _var_key(expr.args[0]) if op in _UNIT_OPS else None
    if op in ("unit_in", "unit_not_in") and unit is not None:
        codes = evaluate3(expr.args[1], env, opaque)
        if codes is UNKNOWN:
            return UNKNOWN
        inside = _unit_in(unit, codes, env)  # type: ignore[arg-type]  # a set of codes by typing
        if inside is UNKNOWN or op == "unit_in":
            return inside
        return not inside
    if op == "index":
        key = _var_key(expr.args[1])
        table = evaluate3(expr.args[0], env, opaque)  # a table, or the version of a dated one
        if key is not None and isinstance(table, UnitTable):
            return _lookup(table, key, env)
    args = [evaluate3(a, env, opaque) for a in expr.args]
    if any(a is UNKNOWN for a in args):
        return UNKNOWN
    return _apply(op, args)


_ARITH_OPS = ARITHMETIC
_UNIT_OPS = frozenset({"unit_in", "unit_not_in"})


def _unit_in(unit: Key, codes: frozenset[str], env: dict[Key, object]) -> object:
    """Whether the unit (its own code, or one above it) is in ``codes``: three-valued."""
    own = env.get(unit, UNKNOWN)
    if own is None:
        return False  # no unit (a top unit's parent): in no set
    if own is not UNKNOWN and own in codes:
        return True
    above = env.get(_under_key(unit, codes), UNKNOWN)
    if above is True:
        return True
    if above is False and own is not UNKNOWN:
        return False
    return UNKNOWN


def _lookup(table: UnitTable, unit: Key, env: dict[Key, object]) -> object:
    """``table[unit]``: the unit's own row, else the nearest row above it, else the default."""
    own = env.get(unit, UNKNOWN)
    if own is UNKNOWN:
        return UNKNOWN
    if own is None:
        return None
    if not table.by_unit:  # keyed by an enumeration: its row or the default
        return table.lookup(own)
    if own in table.rows:
        return table.rows[own]
    above = env.get(_under_key(unit, frozenset(table.rows)), UNKNOWN)
    if above is False:
        return table.default
    if above is UNKNOWN:
        return UNKNOWN
    # Some row above: which one is nearest is data; decided only when all agree.
    excluded = _excluded(unit, env)
    values = {v for code, v in table.rows.items() if code not in excluded}
    return values.pop() if len(values) == 1 else UNKNOWN


def _excluded(unit: Key, env: dict[Key, object]) -> set[object]:
    """Codes that cannot lie above the unit: its own, and every set said not to be above it."""
    excluded: set[object] = {env.get(unit)}
    for key, value in env.items():
        under = len(key) == len(unit) + 2 and key[-2] == _UNDER and key[: len(unit)] == unit
        if under and value is False:
            excluded |= key[-1]  # type: ignore[arg-type]  # the set of an ancestor bit
    return excluded


def _consistent(env: dict[Key, object], bits: Sequence[Var]) -> bool:
    """False when the ancestor bits assigned so far fit no tree of units."""
    for var in bits:
        assert var.under is not None
        if env.get(var.key) is not True:
            continue
        unit, codes = var.under
        if env.get(unit, UNKNOWN) is None or codes <= _excluded(unit, env):
            return False
    return True


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
    if op == "index" and isinstance(a, UnitTable):
        return a.lookup(b)
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


@attrs.define
class _Seen:
    """What the variables of a formula are compared with, and the sets units are tested in."""

    values: dict[Key, set[object]] = attrs.Factory(dict)
    unit_sets: dict[Key, set[frozenset[str]]] = attrs.Factory(dict)


def _domains(program: ir.Program, exprs: Sequence[ir.Expr]) -> list[Var]:
    """The variables of ``exprs`` with their finite domains (an unbounded one is left out)."""
    variables: dict[Key, ir.Fact | ir.Param] = {}
    seen = _Seen()
    for expr in exprs:
        for node in _walk(expr):
            key = _var_key(node)
            if key is not None:
                variables[key] = node  # type: ignore[assignment]  # Fact or Param by _var_key
            if isinstance(node, ir.Op):
                _collect(program, node, seen)
    result = []
    for key, node in sorted(variables.items(), key=lambda item: tuple(map(str, item[0]))):
        domain = _domain(program, node, seen.values.get(key, set()))
        if domain is None:
            continue  # left unassigned: anything reading it stays UNKNOWN
        written = node.written if isinstance(node, ir.Fact) else node.name
        result.append(Var(key, written, domain))
        for codes in sorted(seen.unit_sets.get(key, ()), key=sorted):
            result.append(Var(_under_key(key, codes), written, (False, True), under=(key, codes)))
    return result


_COMPARISONS = frozenset(
    {"eq", "ne", "lt", "le", "gt", "ge", "between", "in", "not_in"}
    | {"unit_eq", "unit_ne", "unit_in", "unit_not_in"}
)


def _collect(program: ir.Program, op: ir.Op, seen: _Seen) -> None:
    """Every value a variable of ``op`` is compared with, whatever its source.

    A literal, every dated value of a parameter, the members of a set or of a
    set parameter, every row and the default of a table: a value missing here
    is a cell of the partition the search never visits, and a conflict or an
    application it would hide.  In ``tanggal - 5 hari`` the duration is no
    value of ``tanggal``: only comparisons and lookups cut a domain.
    """
    if op.op == "index":
        key = _var_key(op.args[1])
        if key is None:
            return
        kind = op.args[1].type
        for version in _tables(program, op.args[0]):
            if not version.by_unit and isinstance(kind, t.EnumType):
                members = {kind.lookup(code) for code in version.rows}
                seen.values.setdefault(key, set()).update(members - {None})
                continue
            rows = frozenset(version.rows)
            seen.values.setdefault(key, set()).update(rows)
            seen.unit_sets.setdefault(key, set()).add(rows)
        return
    if op.op not in _COMPARISONS:
        return
    for arg in op.args:
        key = _var_key(arg)
        if key is None:
            continue
        for other in op.args:
            if other is arg:
                continue
            for value in _possible(program, other):
                if isinstance(value, frozenset):
                    seen.values.setdefault(key, set()).update(value)
                    if op.op in _UNIT_OPS:
                        seen.unit_sets.setdefault(key, set()).add(value)
                else:
                    seen.values.setdefault(key, set()).add(value)


def _possible(program: ir.Program, expr: ir.Expr) -> list[object]:
    """The values ``expr`` can take without reading a fact: constants, parameters, tables."""
    if isinstance(expr, ir.Const):
        return [expr.value]
    if isinstance(expr, ir.Param):
        return [value for _, value in program.params.get(expr.name, ())]
    if isinstance(expr, ir.Op) and expr.op == "index":
        return [
            v
            for table in _tables(program, expr.args[0])
            for v in (table.default, *table.rows.values())
        ]
    return []


def _tables(program: ir.Program, source: ir.Expr) -> list[UnitTable]:
    """The table an index reads, or every version of a table that changes from dates."""
    if isinstance(source, ir.Const) and isinstance(source.value, UnitTable):
        return [source.value]
    if isinstance(source, ir.Param):
        return [v for _, v in program.params.get(source.name, ()) if isinstance(v, UnitTable)]
    return []


def _domain(
    program: ir.Program, node: ir.Fact | ir.Param, seen: set[object]
) -> tuple[object, ...] | None:
    if isinstance(node, ir.Param):
        dated = [v for _, v in program.params[node.name]]
        if any(isinstance(v, UnitTable) for v in dated):
            return tuple(dated)  # versions of a table: equal names and defaults, other rows
        return tuple(dict.fromkeys(dated))
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
    seen = {v for v in seen if v is not None}
    if kind == t.BOOL:
        values = (True, False)
    elif isinstance(kind, t.EnumType):
        values = tuple(v for _, v in kind.members)
    elif isinstance(kind, t.UnitType):
        values = (*sorted(str(v) for v in seen), _OTHER_UNIT)
    elif kind == t.TEXT:
        values = (*sorted(str(v) for v in seen), _OTHER_TEXT)
    elif kind in (t.INT, t.DECIMAL, t.PERCENT, t.MONEY, t.DATE):
        ordered = sorted(v for v in seen if isinstance(v, (int, Decimal, dt.date)))
        values = _points(ordered, kind)
    else:
        values = None
    if values is not None and node.nullable:
        values = (*values, None)
    return values


def _points(constants: list[Any], kind: t.Type) -> tuple[object, ...]:
    """One value in each cell of the partition of a line by ``constants``."""
    if not constants:
        return (dt.date(2000, 1, 1),) if kind == t.DATE else (Decimal(0),)
    step: Any = dt.timedelta(days=1) if kind == t.DATE else 1
    points: list[object] = []
    with contextlib.suppress(OverflowError):  # nothing lies before 0001-01-01
        points.append(constants[0] - step)
    for low, high in itertools.pairwise(constants):
        points.append(low)
        if kind in (t.DATE, t.INT, t.MONEY):
            middle = low + step  # whole values: the next one, if any lies between
            if middle < high:
                points.append(middle)
        else:
            points.append((Decimal(low) + Decimal(high)) / 2)
    points.append(constants[-1])
    with contextlib.suppress(OverflowError):  # nothing lies after 9999-12-31
        points.append(constants[-1] + step)
    return tuple(points)


# -------------------------------------------------------------- search
class Budget:
    """Search nodes left for one file."""

    def __init__(self, nodes: int = FILE_NODES) -> None:
        self.left = nodes


def _search(
    formula: ir.Expr, variables: list[Var], budget: Budget | None = None
) -> tuple[dict[Key, object] | None, bool]:
    """A satisfying assignment, and whether the search was complete.

    Every node visited counts against ``MAX_NODES`` and the file's ``budget``;
    past either, the search stops as incomplete (the pair is not checkable
    statically, and the run-time check still guards it).
    """
    budget = budget if budget is not None else Budget()
    opaque = frozenset(v.key for v in variables if _is_opaque(v))
    bits = [v for v in variables if v.under is not None]
    undecided = False
    nodes = 0

    def go(index: int, env: dict[Key, object]) -> dict[Key, object] | None:
        nonlocal undecided, nodes
        nodes += 1
        budget.left -= 1
        if nodes > MAX_NODES or budget.left < 0:
            undecided = True
            return None
        value = evaluate3(formula, env, opaque)
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
            if bits and not _consistent(env, bits):
                continue
            found = go(index + 1, env)
            if found is not None:
                return found
            if nodes > MAX_NODES or budget.left < 0:
                break
        del env[var.key]
        return None

    found = go(0, {})
    if found is not None:
        found = _minimal(formula, _flattened(formula, found, bits, opaque), opaque)
    return found, found is not None or not undecided


def _flattened(
    formula: ir.Expr, env: dict[Key, object], bits: Sequence[Var], opaque: frozenset[Key]
) -> dict[Key, object]:
    """The witness a reader expects: ``unit = BPBD`` rather than "a unit under one of {BPBD}".

    Each "some unit above is in S" that the witness needs is tried as the unit
    itself being a member of S; the first that still satisfies the formula is kept.
    """
    for var in bits:
        if env.get(var.key) is not True or var.under is None:
            continue
        unit, codes = var.under
        for code in sorted(codes):
            trial = {**env, unit: code, var.key: False}
            if _consistent(trial, bits) and evaluate3(formula, trial, opaque) is True:
                env = trial
                break
    return env


def _is_opaque(var: Var) -> bool:
    """A fact whose domain is one point per cell of a line (a number, a date, a text, a unit)."""
    if var.under is not None or var.key[0] == "param":
        return False
    return not all(isinstance(x, (bool, enum.Enum)) or x is None for x in var.domain)


def _minimal(formula: ir.Expr, env: dict[Key, object], opaque: frozenset[Key]) -> dict[Key, object]:
    """Drop the assignments the formula does not need, so a witness names only what matters."""
    kept = dict(env)
    # Ancestor bits last: a bit kept False is not shown, a fact kept is.
    for key in sorted(env, key=lambda k: len(k) > 2 and k[-2] == _UNDER):
        trial = {k: v for k, v in kept.items() if k != key}
        if evaluate3(formula, trial, opaque) is True:
            kept = trial
    return kept


class Witness:
    """An assignment shown as ``pegawai.jenjang = JPT_PRATAMA, hari = Jumat``."""

    def __init__(self, env: dict[Key, object], variables: list[Var]) -> None:
        self.items = [(v, env[v.key]) for v in variables if v.key in env]

    def localize(self, lang: Lang) -> str:
        shown = []
        for var, value in self.items:
            if var.under is not None:
                if value is True:
                    codes = show_value(var.under[1], lang)
                    shown.append(message("witness.under", lang, name=var.written, codes=codes))
                continue
            shown.append(f"{var.written} = {show_value(value, lang)}")
        if not shown:
            return message("witness.always", lang)
        return ", ".join(shown)


class _Value:
    def __init__(self, expr: ir.Expr, env: dict[Key, object]) -> None:
        self.value = evaluate3(expr, env)
        self.expr = expr

    def localize(self, lang: Lang) -> str:
        if self.value is UNKNOWN:
            return "?"
        return show_value(self.value, lang)


# -------------------------------------------------------------- driver
def _applies(rule: ir.RuleIR) -> ir.Expr:
    return rule.condition if rule.condition is not None else ir.Const(True, t.BOOL)


def _conjunction(parts: Sequence[ir.Expr]) -> ir.Expr:
    return ir.Op("and", tuple(parts), t.BOOL) if len(parts) > 1 else parts[0]


class _Output:
    """The rules of one output, with who overrides whom, indexed for the pair search."""

    def __init__(self, program: ir.Program, rules: Sequence[ir.RuleIR]) -> None:
        self.program = program
        self.rules = list(rules)
        #: rule id -> the rules of this output that override it, found when first asked
        self._overriders: dict[str, list[ir.RuleIR]] = {}

    def overriders(self, rule: ir.RuleIR) -> list[ir.RuleIR]:
        found = self._overriders.get(rule.id)
        if found is None:
            overrides = self.program.overrides
            found = [o for o in self.rules if overrides.covers(o.id, rule.id)]
            self._overriders[rule.id] = found
        return found

    def survives(self, rule: ir.RuleIR) -> list[ir.Expr]:
        """The rule applies and no rule that overrides it applies."""
        parts = [_applies(rule)]
        parts.extend(ir.Op("not", (_applies(o),), t.BOOL) for o in self.overriders(rule))
        return parts


def _requirements(rule: ir.RuleIR) -> dict[Key, object]:
    """``variable = constant`` conditions every application of the rule needs (its top ``dan``)."""
    found: dict[Key, object] = {}
    stack = [rule.condition] if rule.condition is not None else []
    while stack:
        expr = stack.pop()
        if not isinstance(expr, ir.Op):
            continue
        if expr.op == "and":
            stack.extend(expr.args)
        elif expr.op in ("eq", "unit_eq") and len(expr.args) == 2:
            key, other = _var_key(expr.args[0]), expr.args[1]
            if key is None:
                key, other = _var_key(expr.args[1]), expr.args[0]
            if key is not None and isinstance(other, ir.Const) and other.value is not None:
                found[key] = other.value
    return found


def _value_key(rule: ir.RuleIR) -> tuple[str, object]:
    return ("const", rule.value.value) if isinstance(rule.value, ir.Const) else ("rule", rule.id)


class _Index:
    """Some rules of a group, by the ``variable = constant`` requirements they have."""

    def __init__(self, needs: Sequence[dict[Key, object]], members: Sequence[int]) -> None:
        self.members = members
        self.by_value: dict[Key, dict[object, list[int]]] = {}
        self.free: dict[Key, list[int]] = {}
        keys = {k for i in members for k in needs[i]}
        for index in members:
            need = needs[index]
            for key in keys:
                if key in need:
                    self.by_value.setdefault(key, {}).setdefault(need[key], []).append(index)
                else:
                    self.free.setdefault(key, []).append(index)

    def partners(self, need: dict[Key, object]) -> Iterable[int]:
        """The members that may meet ``need``: narrowed by its most selective requirement."""
        found: Iterable[int] = self.members
        best = len(self.members)
        for key, value in need.items():
            if key not in self.by_value:
                continue  # no member needs this variable: it narrows nothing
            same = self.by_value[key].get(value, [])
            unbound = self.free.get(key, [])
            if len(same) + len(unbound) < best:
                best = len(same) + len(unbound)
                found = itertools.chain(same, unbound)
        return found


def _candidate_pairs(group: Sequence[ir.RuleIR]) -> list[tuple[int, int]]:
    """The pairs of ``group`` (by index, in file order) that may both apply with two values.

    Two rules that give one constant value never conflict, so the rules are
    split by the constant they give (rules giving a computed value form one
    more part, whose members are paired with each other too) and only rules of
    different parts are paired.  Two that need one variable to equal two
    different constants never both apply: an index on those
    ``variable = constant`` requirements finds a rule's possible partners in a
    part without looking at every rule of it.  A file of many disjoint rules,
    or of a long chain of exceptions giving one mode, is not searched pair by pair.
    """
    needs = [_requirements(r) for r in group]
    parts: dict[object, list[int]] = {}
    for position, rule in enumerate(group):
        value = _value_key(rule)
        shared = value[0] == "const" and isinstance(value[1], Hashable)
        parts.setdefault(value if shared else "computed", []).append(position)
    indexes = {part: _Index(needs, members) for part, members in parts.items()}
    part_of = {i: part for part, members in parts.items() for i in members}
    pairs: list[tuple[int, int]] = []
    for i, need in enumerate(needs):
        own = part_of[i]
        for part, index in indexes.items():
            if part == own and part != "computed":
                continue
            for j in index.partners(need):
                if j <= i:
                    continue
                other = needs[j]
                if any(other.get(k, v) != v for k, v in need.items()):
                    continue
                pairs.append((i, j))
    pairs.sort()
    return pairs


def find_conflicts(program: ir.Program) -> list[Diagnostic]:
    """E302 for every pair of rules that can conflict, W306 for a missing default."""
    found: list[Diagnostic] = []
    skipped = 0
    budget = Budget()
    for output in program.outputs:
        rules = _Output(program, program.rules_for(output))
        ordinary = [r for r in rules.rules if not r.is_default]
        defaults = [r for r in rules.rules if r.is_default]
        nobody: list[ir.Expr] = [ir.Op("not", (_applies(r),), t.BOOL) for r in ordinary]
        for group, extra in ((ordinary, []), (defaults, nobody)):
            for i, j in _candidate_pairs(group):
                result = _pair(rules, group[i], group[j], extra, budget)
                if result is None:
                    skipped += 1
                elif result:
                    found.append(result)
        if not defaults and ordinary and output:
            found.extend(_missing_default(program, output, nobody, budget))
        found.extend(_never_applies(program, rules.rules, budget))
    if skipped and program.rules:
        # Said every time, not only beside a conflict: a clean check must not
        # look more complete than it is.
        found.append(
            Diagnostic("W307", program.rules[0].span, {"count": skipped}, severity=Severity.WARNING)
        )
    return found


def _pair(
    rules: _Output,
    first: ir.RuleIR,
    second: ir.RuleIR,
    extra: Sequence[ir.Expr],
    budget: Budget,
) -> Diagnostic | Literal[False] | None:
    overrides = rules.program.overrides
    if overrides.covers(second.id, first.id) or overrides.covers(first.id, second.id):
        return False
    differ = ir.Op("ne", (first.value, second.value), t.BOOL)
    parts = [*rules.survives(first), *rules.survives(second), *extra, differ]
    formula = _conjunction(parts)
    variables = _domains(rules.program, parts)
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
        env, complete = _search(rule.condition, _domains(program, [rule.condition]), budget)
        if env is None and complete:
            args = {"ref": rule.id}
            found.append(Diagnostic("W305", rule.span, args, severity=Severity.WARNING))
    return found


def _missing_default(
    program: ir.Program, output: str, nobody: Sequence[ir.Expr], budget: Budget
) -> list[Diagnostic]:
    formula = _conjunction(nobody)
    variables = _domains(program, nobody)
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
