"""The compiled backend: one generated Python function per output.

The generator reads only the checked program.  Constants that are not plain
literals (enum members, sets) are bound by name in the function's globals;
literals are emitted with ``repr()``; no rule text is ever pasted into code.
The source is registered in :mod:`linecache` under a readable name
(``<edaran SE 800.1/...: moda_kerja>``) so a traceback shows the rule.

The specialised resolution below follows :func:`edaran.engine.resolution.resolve`
step by step; when it meets a conflict or no applicable rule it calls that
function itself, so the error is the interpreter's to the letter.
"""

from __future__ import annotations

import datetime as dt
import linecache
from collections.abc import Callable
from typing import Any

from edaran.core import types as t
from edaran.core.runtime import ARITHMETIC, RUNTIME_OPS, whole_rupiah
from edaran.engine.resolution import resolve
from edaran.lang import ir

__all__ = ["CompiledProgram", "compile_program"]

#: (value, index of the deciding rule, overridden pairs)
Result = tuple[object, int, tuple[tuple[str, str], ...]]
#: the overridden rules of a decision: (rule id, id of the rule that overrode it)
Overridden = tuple[tuple[str, str], ...]
DecideFn = Callable[[Any, Any, dict[str, object]], Result]

_INFIX = {"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}
_SIMPLE_LITERALS = (bool, int, str, type(None))
#: the roots a generated function takes as parameters of their own
_OWN_ROOTS = frozenset({"pegawai", "perjalanan", "kendaraan", "rapat"})
#: what a per-record rule's function gives: whether its conditions hold, then each ``harus``
ProvisionFn = Callable[[Any, Any, Any, dict[str, object]], tuple[bool, tuple[bool, ...]]]


class _Emitter:
    def __init__(self, program: ir.Program, uses: dict[tuple[str, ...], int] | None = None) -> None:
        self.program = program
        self.namespace: dict[str, object] = {
            "_ops": RUNTIME_OPS,
            "_whole": whole_rupiah,
            "_resolve": resolve,
            "_program": program,
        }
        self.constants: dict[int, str] = {}
        #: locals computed once at the top of the function: fact prefixes, parameters
        self.prelude: list[str] = []
        self.locals: dict[tuple[str, ...], str] = {}
        #: how often each prefix is needed (this pass) and was needed (first pass)
        self.counts: dict[tuple[str, ...], int] = {}
        self.uses = dict(uses or {})

    def const(self, value: object) -> str:
        if type(value) in _SIMPLE_LITERALS:
            return repr(value)
        key = id(value)
        if key not in self.constants:
            name = f"_k{len(self.constants)}"
            self.constants[key] = name
            self.namespace[name] = value
        return self.constants[key]

    def fact(self, node: ir.Fact) -> str:
        # A record (a per-record rule reads ``perjalanan.*``) is a parameter of its own.
        root = node.root if node.root in _OWN_ROOTS else "kalender"
        if node.nullable and len(node.attrs_path) > 1:
            self.namespace["_get"] = _get
            return f"_get({root}, {node.attrs_path!r})"
        return self.path(root, node.attrs_path)

    def path(self, root: str, attrs_path: tuple[str, ...]) -> str:
        """``root.a.b``: a local read once at the top when more than one place needs it.

        Only chains without empty links come here; their reads cannot fail, so
        reading them early changes nothing but the time.  ``uses`` comes from a
        first generation pass; a prefix needed once stays inline.
        """
        if not attrs_path:
            return root
        key = (root, *attrs_path)
        self.counts[key] = self.counts.get(key, 0) + 1
        if key in self.locals:
            return self.locals[key]
        parent = self.path(root, attrs_path[:-1])
        if self.uses.get(key, 2) < 2:
            return f"{parent}.{attrs_path[-1]}"
        name = f"_f{len(self.locals)}"
        self.locals[key] = name
        self.prelude.append(f"    {name} = {parent}.{attrs_path[-1]}")
        return name

    def param(self, name: str) -> str:
        key = ("param", name)
        self.counts[key] = self.counts.get(key, 0) + 1
        if key in self.locals:
            return self.locals[key]
        if self.uses.get(key, 2) < 2:
            return f"_p[{name!r}]"
        local = f"_f{len(self.locals)}"
        self.locals[key] = local
        self.prelude.append(f"    {local} = _p[{name!r}]")
        return local

    def expr(self, node: ir.Expr) -> str:
        if isinstance(node, ir.Const):
            return self.const(node.value)
        if isinstance(node, ir.Fact):
            return self.fact(node)
        if isinstance(node, ir.Param):
            return self.param(node.name)
        if isinstance(node, ir.OutputRef):
            return f"_output({node.name!r}, pegawai, kalender, _p)"
        return self.op(node)

    def op(self, node: ir.Op) -> str:
        args = [self.expr(a) for a in node.args]
        op = node.op
        if op in ("and", "or"):
            if all(_surely_bool(a) for a in node.args):
                return "(" + f" {op} ".join(args) + ")"
            return "(" + f" {op} ".join(f"({a}) is True" for a in args) + ")"
        if op == "not":
            return f"(not {args[0]})"
        if op in ("eq", "ne") and all(_singleton(a) for a in node.args):
            # Python enum members are singletons: identity is equality, and cheaper.
            return f"({args[0]} {'is' if op == 'eq' else 'is not'} {args[1]})"
        if op in ("eq", "ne") or (op in _INFIX and not any(_nullable(a) for a in node.args)):
            return f"({args[0]} {_INFIX[op]} {args[1]})"
        if op == "in":
            return f"({args[0]} in {args[1]})"
        if op == "not_in":
            return f"({args[0]} not in {args[1]})"
        left = node.args[0]
        if op == "unit_in" and isinstance(left, ir.Fact) and not _nullable(left):
            root = "pegawai" if left.root == "pegawai" else "kalender"
            lineage = self.path(root, (*left.attrs_path, "silsilah"))
            codes = node.args[1]
            if (
                isinstance(codes, ir.Const)
                and isinstance(codes.value, frozenset)
                and len(codes.value) == 1
            ):
                (code,) = codes.value
                return f"({code!r} in {lineage})"
            return f"(not {lineage}.isdisjoint({args[1]}))"
        if (
            op == "unit_eq"
            and isinstance(left, ir.Fact)
            and not _nullable(left)
            and isinstance(node.args[1], ir.Const)
        ):
            return f"({args[0]}.kode == {args[1]})"
        call = f"_ops[{op!r}]({', '.join(args)})"
        if node.type == t.MONEY and op in ("mul", "div"):
            return f"_whole({call})"
        return call


def _singleton(node: ir.Expr) -> bool:
    kind = node.type
    if not (isinstance(kind, t.EnumType) and kind.py_enum is not None):
        return False
    return not (isinstance(node, ir.Fact) and node.nullable)


def _surely_bool(node: ir.Expr) -> bool:
    if isinstance(node, ir.Op):
        return True
    if isinstance(node, ir.Const):
        return isinstance(node.value, bool)
    return node.type == t.BOOL and not (isinstance(node, ir.Fact) and node.nullable)


def _nullable(node: ir.Expr) -> bool:
    """Whether ``node`` may be empty (None): a nullable fact, or what is computed from one."""
    if isinstance(node, ir.Fact):
        return node.nullable
    if isinstance(node, ir.Op):
        # Arithmetic and table lookups pass an empty value on; comparisons never do.
        return (node.op in ARITHMETIC or node.op == "index") and any(
            _nullable(a) for a in node.args
        )
    return False


def _get(root: Any, path: tuple[str, ...]) -> Any:
    value = root
    for name in path:
        if value is None:
            return None
        value = getattr(value, name)
    return value


def _overriders(rules: tuple[ir.RuleIR, ...]) -> dict[int, list[int]]:
    """Rule index -> the indexes of the rules that are *directly* exceptions to it."""
    index = {r.id: i for i, r in enumerate(rules)}
    direct: dict[int, list[int]] = {i: [] for i in range(len(rules))}
    for j, rule in enumerate(rules):
        for target in rule.exceptions:
            if target in index:
                direct[index[target]].append(j)
    return direct


def _bottom_up(direct: dict[int, list[int]]) -> list[int]:
    """Every rule after all the rules that override it (the graph has no cycle)."""
    order: list[int] = []
    done: set[int] = set()
    for start in sorted(direct):
        stack = [(start, iter(direct[start]))]
        while stack:
            node, children = stack[-1]
            if node in done:
                stack.pop()
                continue
            child = next(children, None)
            if child is None:
                done.add(node)
                order.append(node)
                stack.pop()
            elif child not in done:
                stack.append((child, iter(direct[child])))
    return order


def _overridden_fn(rules: tuple[ir.RuleIR, ...]) -> Callable[[tuple[bool, ...]], Overridden]:
    """The shared closure that names, for each applicable rule some applicable rule
    overrides, the first such rule in file order (as :func:`resolve` does).

    One function per output, reading the direct exceptions as data: the
    generated code stays linear in the number of rules however long the chains
    of exceptions are (a chain of n rules has n(n-1)/2 pairs in its closure).
    """
    direct = _overriders(rules)
    order = _bottom_up(direct)
    ids = [r.id for r in rules]
    targets = [i for i in range(len(rules)) if direct[i]]

    def overridden(applies: tuple[bool, ...]) -> Overridden:
        first: dict[int, int] = {}
        for i in order:
            best = -1
            for j in direct[i]:
                for candidate in (j if applies[j] else -1, first.get(j, -1)):
                    if candidate >= 0 and (best < 0 or candidate < best):
                        best = candidate
            if best >= 0:
                first[i] = best
        return tuple((ids[i], ids[first[i]]) for i in targets if applies[i] and i in first)

    return overridden


def _function_source(emitter: _Emitter, output: str, rules: tuple[ir.RuleIR, ...]) -> str:
    conditions = {
        i: "True" if r.condition is None else emitter.expr(r.condition) for i, r in enumerate(rules)
    }
    values = {i: emitter.expr(r.value) for i, r in enumerate(rules)}
    direct = _overriders(rules)
    lines = _fast_path(rules, direct, conditions, values)
    for i, rule in enumerate(rules):
        lines.append(f"    # {rule.id}")
        lines.append(f"    a{i} = {conditions[i]}")
    # w{i}: some rule that overrides rule i applies, directly or through the rules
    # that override those: one line per rule, each naming its direct overriders.
    for i in _bottom_up(direct):
        if direct[i]:
            parts = [f"a{j} or w{j}" if direct[j] else f"a{j}" for j in direct[i]]
            lines.append(f"    w{i} = {' or '.join(parts)}")
    for i in range(len(rules)):
        lines.append(f"    s{i} = a{i} and not w{i}" if direct[i] else f"    s{i} = a{i}")
    overridable = [i for i in range(len(rules)) if direct[i]]
    if overridable:
        test = " or ".join(f"(a{i} and w{i})" for i in overridable)
        applies = ", ".join(f"a{i}" for i in range(len(rules)))
        lines.append(f"    ov = _overridden(({applies},)) if {test} else ()")
    else:
        lines.append("    ov = ()")
    emitter.namespace["_overridden"] = _overridden_fn(rules)
    for group in (
        [i for i, r in enumerate(rules) if not r.is_default],
        [i for i, r in enumerate(rules) if r.is_default],
    ):
        if not group:
            continue
        lines.append("    ri = -1")
        for i in group:
            lines.append(f"    if s{i}:")
            lines.append("        if ri < 0:")
            lines.append(f"            rv = {values[i]}")
            lines.append(f"            ri = {i}")
            lines.append(f"        elif {values[i]} != rv:")
            lines.append("            _fail(pegawai, kalender, _p)")
        lines.append("    if ri >= 0:")
        lines.append("        return (rv, ri, ov)")
    lines.append("    _fail(pegawai, kalender, _p)")
    head = ["def decide(pegawai, kalender, _p):", *emitter.prelude]
    return "\n".join(head + lines) + "\n"


_PARTIAL_OPS = ARITHMETIC


def _total(node: ir.Expr | None) -> bool:
    """True when evaluating ``node`` cannot raise: no arithmetic, no duration order, no
    other output (which may have a conflict of its own)."""
    if isinstance(node, ir.OutputRef):
        return False
    if not isinstance(node, ir.Op):
        return True
    if node.op in _PARTIAL_OPS:
        return False
    if node.op in ("lt", "le", "gt", "ge", "between") and node.args[0].type == t.DURATION:
        return False
    return all(_total(a) for a in node.args)


def _fast_path(
    rules: tuple[ir.RuleIR, ...],
    direct: dict[int, list[int]],
    conditions: dict[int, str],
    values: dict[int, str],
) -> list[str]:
    """The common case first: no ordinary rule applies and one plain default decides.

    Then nothing is overridden and no conflict is possible, so the bookkeeping
    below is skipped.  Only for a single default that no rule is an exception
    to, and only when no condition can raise: the conditions are tested here
    with short-circuits, and computed again below when one of them holds,
    which must not change what is raised.
    """
    ordinary = [i for i, r in enumerate(rules) if not r.is_default]
    defaults = [i for i, r in enumerate(rules) if r.is_default]
    if len(defaults) != 1 or direct[defaults[0]] or not ordinary:
        return []
    if not all(_total(r.condition) for r in rules):
        return []
    (d,) = defaults
    head = f"    if not ({' or '.join(conditions[i] for i in ordinary)}):"
    if rules[d].condition is None:
        return [head, f"        return ({values[d]}, {d}, ())"]
    return [
        head,
        f"        if {conditions[d]}:",
        f"            return ({values[d]}, {d}, ())",
        "        _fail(pegawai, kalender, _p)",
    ]


class CompiledProgram:
    """The generated functions of a program, one per output, and their source."""

    def __init__(self, program: ir.Program, interpreter_decide: Callable[..., Any]) -> None:
        self.program = program
        self._interpreter_decide = interpreter_decide
        self.functions: dict[str, DecideFn] = {}
        self.sources: dict[str, str] = {}
        for output in program.outputs:
            rules = program.rules_for(output)
            if not rules:
                continue
            # Two passes: the first counts what each fact prefix is needed for.
            counting = _Emitter(program)
            _function_source(counting, output, rules)
            emitter = _Emitter(program, counting.counts)
            source = _function_source(emitter, output, rules)

            def fail(pegawai: Any, kalender: Any, _p: Any, _output: str = output) -> None:
                # Let the reference interpreter raise the exact conflict / no-rule error.
                interpreter_decide(pegawai, kalender, _output)
                raise AssertionError(
                    "the compiled backend and the interpreter disagree"
                )  # pragma: no cover

            emitter.namespace["_fail"] = fail
            emitter.namespace["_output"] = self._output
            name = f"<edaran {program.header.number}: {output}>"
            code = compile(source, name, "exec")
            linecache.cache[name] = (len(source), None, source.splitlines(True), name)
            exec(code, emitter.namespace)
            self.functions[output] = emitter.namespace["decide"]  # type: ignore[assignment]  # defined by the exec above
            self.sources[output] = source

        #: ``mencakup``: whether a person is covered, or None when the circular covers all
        self.covered: Callable[[Any, Any, Any], bool] | None = None
        scope = program.header.scope
        if scope is not None:
            emitter = _Emitter(program)
            test = emitter.expr(scope)
            head = ["def covered(pegawai, kalender, _p):", *emitter.prelude]
            source = "\n".join([*head, f"    return ({test}) is True"]) + "\n"
            name = f"<edaran {program.header.number}: mencakup>"
            linecache.cache[name] = (len(source), None, source.splitlines(True), name)
            exec(compile(source, name, "exec"), emitter.namespace)
            self.covered = emitter.namespace["covered"]  # type: ignore[assignment]  # defined by the exec above
            self.sources["mencakup"] = source

        #: per-record rules (``ketentuan``) by id
        self.provisions: dict[str, ProvisionFn] = {}
        for provision in program.provisions:
            self.provisions[provision.id] = self._provision(program, provision)

    def _provision(self, program: ir.Program, provision: ir.ProvisionIR) -> ProvisionFn:
        """``provision(pegawai, kalender, <kind>, _p)``: (conditions hold, each must holds)."""
        emitter = _Emitter(program, {})
        emitter.namespace["_output"] = self._output
        condition = "True" if provision.condition is None else emitter.expr(provision.condition)
        musts = "".join(f"({emitter.expr(m)}) is True, " for m in provision.musts)
        head = [f"def provision(pegawai, kalender, {provision.kind}, _p):", *emitter.prelude]
        source = "\n".join([*head, f"    return ({condition}) is True, ({musts})"]) + "\n"
        name = f"<edaran {program.header.number}: ketentuan {provision.id}>"
        linecache.cache[name] = (len(source), None, source.splitlines(True), name)
        exec(compile(source, name, "exec"), emitter.namespace)
        self.sources[f"ketentuan {provision.id}"] = source
        function: ProvisionFn = emitter.namespace["provision"]  # type: ignore[assignment]  # defined by the exec above
        return function

    def _output(self, output: str, pegawai: Any, kalender: Any, params: Any) -> Any:
        """The value of another output for the same person and day (a rule reads it)."""
        function = self.functions.get(output)
        if function is None:  # an output without rules: the interpreter says E502
            return self._interpreter_decide(pegawai, kalender, output).value
        return function(pegawai, kalender, params)[0]

    def params_for(self, day: dt.date) -> dict[str, object]:
        """The parameter values in force on ``day`` (computed once per day by callers)."""
        return {name: self.program.param_value(name, day) for name in self.program.params}


def compile_program(program: ir.Program, interpreter_decide: Callable[..., Any]) -> CompiledProgram:
    """Generate and compile the program's decision functions."""
    return CompiledProgram(program, interpreter_decide)
