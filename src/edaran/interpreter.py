"""The reference interpreter: the oracle every other backend must agree with.

It walks the checked program directly, one dispatch per IR node, and records
the facts each rule reads so that a decision can explain itself.  The
resolution of defaults and exceptions (:func:`resolve`) is shared with the
compiled backend, so both decide the same way by construction, and a
property test checks that they also compute the same conditions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs

from edaran import ir
from edaran import types as t
from edaran.decision import Decision, DecisionError, Status
from edaran.diagnostics import Diagnostic, Label

__all__ = ["Interpreter", "Outcome", "resolve", "runtime_op"]


@attrs.frozen
class Outcome:
    """What rules decide for one output: value, deciding rule, set-aside rules."""

    value: object
    rule: ir.RuleIR
    overridden: tuple[tuple[str, str], ...]
    applied: tuple[str, ...]


# ------------------------------------------------------------ operations
def _unit_code(value: Any) -> Any:
    return value if value is None or isinstance(value, str) else value.kode


def _unit_in(unit: Any, codes: frozenset[str]) -> bool:
    if unit is None:
        return False
    if isinstance(unit, str):
        return unit in codes
    return not unit.silsilah.isdisjoint(codes)


def _ordered(fn: Callable[[Any, Any], bool]) -> Callable[..., bool]:
    def compare(a: Any, b: Any) -> bool:
        return False if a is None or b is None else fn(a, b)

    return compare


def _arith(fn: Callable[[Any, Any], Any]) -> Callable[..., Any]:
    def compute(a: Any, b: Any) -> Any:
        return None if a is None or b is None else fn(a, b)

    return compute


def _div(a: Any, b: Any) -> Any:
    if b == 0:
        raise t.EvalError("division-by-zero")
    return Decimal(a) / Decimal(b)


def _mul(a: Any, b: Any) -> Any:
    if isinstance(a, t.Duration):
        return t.scale(a, Decimal(b))
    if isinstance(b, t.Duration):
        return t.scale(b, Decimal(a))
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        return Decimal(a) * Decimal(b)
    return a * b


def _date_sub(a: dt.date, b: t.Duration) -> dt.date:
    return (-b).add_to(a)


#: op name -> function of the evaluated arguments (``and``/``or`` are lazy, apart).
RUNTIME_OPS: dict[str, Callable[..., Any]] = {
    "not": lambda a: not a,
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "lt": _ordered(lambda a, b: a < b),
    "le": _ordered(lambda a, b: a <= b),
    "gt": _ordered(lambda a, b: a > b),
    "ge": _ordered(lambda a, b: a >= b),
    "between": lambda a, lo, hi: (
        a is not None and lo is not None and hi is not None and lo <= a <= hi
    ),
    "in": lambda a, b: a in b,
    "not_in": lambda a, b: a not in b,
    "unit_in": _unit_in,
    "unit_not_in": lambda a, b: not _unit_in(a, b),
    "unit_eq": lambda a, b: a is not None and _unit_code(a) == _unit_code(b),
    "unit_ne": lambda a, b: a is None or _unit_code(a) != _unit_code(b),
    "add": _arith(lambda a, b: a + b),
    "sub": _arith(lambda a, b: a - b),
    "mul": _arith(_mul),
    "div": _arith(_div),
    "neg": lambda a: None if a is None else -a,
    "date_add": _arith(lambda a, b: b.add_to(a)),
    "date_sub": _arith(_date_sub),
    "date_diff": _arith(lambda a, b: (a - b).days),
}


def runtime_op(op: str) -> Callable[..., Any]:
    """The run-time function of an operation (shared by every backend)."""
    return RUNTIME_OPS[op]


def whole_rupiah(value: Any) -> Any:
    """Money is whole rupiah: half a rupiah and up rounds away from zero."""
    if value is None:
        return None
    return Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP)


# ------------------------------------------------------------ resolution
def resolve(
    program: ir.Program,
    rules: Sequence[ir.RuleIR],
    applies: Sequence[bool],
    value_of: Callable[[ir.RuleIR], object],
    nip: str,
    day: dt.date,
    output: str,
) -> Outcome:
    """Defaults and exceptions: which applicable rule decides, or an error.

    Among the rules that apply, those that an applicable rule overrides
    (directly or through others) drop out; if none is left, the applicable
    defaults decide.  Two survivors with different values are a conflict.
    """
    applicable = [r for r, ok in zip(rules, applies, strict=True) if ok]
    overrides = program.overrides
    beaten: dict[str, str] = {}
    for winner in applicable:
        for loser in overrides.get(winner.id, ()):
            beaten.setdefault(loser, winner.id)
    ordinary = [r for r in applicable if not r.is_default and r.id not in beaten]
    survivors = ordinary or [r for r in applicable if r.is_default and r.id not in beaten]
    overridden = tuple((r.id, beaten[r.id]) for r in applicable if r.id in beaten)
    if not survivors:
        raise DecisionError([_no_rule(nip, day, output)])
    first = survivors[0]
    value = value_of(first)
    for other in survivors[1:]:
        other_value = value_of(other)
        if other_value != value:
            raise DecisionError([_conflict(first, other, value, other_value, nip, day)])
    shown = [r for r in applicable if not r.is_default] if ordinary else applicable
    return Outcome(value, first, overridden, tuple(r.id for r in shown))


def _conflict(
    a: ir.RuleIR, b: ir.RuleIR, va: object, vb: object, nip: str, day: dt.date
) -> Diagnostic:
    from edaran.conflicts import show_value

    labels = (Label(a.span, "label-first"),) if a.span else ()
    return Diagnostic(
        "E501",
        b.span,
        {
            "first": a.id,
            "second": b.id,
            "first_value": show_value(va),
            "second_value": show_value(vb),
            "nip": nip,
            "date": day.isoformat(),
        },
        labels=labels,
        notes=(
            ("note-subject", {"nip": nip, "date": day.isoformat()}),
            ("note-settle", {"first": b.id, "second": a.id}),
        ),
    )


def _no_rule(nip: str, day: dt.date, output: str) -> Diagnostic:
    return Diagnostic(
        "E502",
        None,
        {"output": output},
        notes=(("note-subject", {"nip": nip, "date": day.isoformat()}),),
    )


# ----------------------------------------------------------- interpreter
class Interpreter:
    """Evaluates a checked program by walking it; records the facts it reads."""

    def __init__(self, program: ir.Program) -> None:
        self.program = program
        self._rules = {name: program.rules_for(name) for name in program.outputs}

    def evaluate(
        self,
        node: ir.Expr,
        subject: dict[str, Any],
        day: dt.date,
        trace: dict[str, object] | None = None,
    ) -> Any:
        """The value of ``node`` for ``subject`` (``{"pegawai": ..., "kalender": ...}``)."""
        if isinstance(node, ir.Const):
            return node.value
        if isinstance(node, ir.Fact):
            value = subject[node.root]
            for name in node.attrs_path:
                if value is None:
                    break
                value = getattr(value, name)
            if trace is not None:
                trace.setdefault(node.written, value)
            return value
        if isinstance(node, ir.Param):
            value = self.program.param_value(node.name, day)
            if trace is not None:
                trace.setdefault(node.name, value)
            return value
        if node.op == "and":
            return all(self.evaluate(a, subject, day, trace) is True for a in node.args)
        if node.op == "or":
            return any(self.evaluate(a, subject, day, trace) is True for a in node.args)
        args = [self.evaluate(a, subject, day, trace) for a in node.args]
        result = RUNTIME_OPS[node.op](*args)
        return (
            whole_rupiah(result) if node.type == t.MONEY and node.op in ("mul", "div") else result
        )

    def decide(
        self,
        employee: Any,
        calendar_day: Any,
        output: str = "moda_kerja",
        trace: dict[str, object] | None = None,
    ) -> Outcome:
        """Which rule decides ``output`` for this employee on this working day."""
        subject = {"pegawai": employee, "kalender": calendar_day}
        day = calendar_day.tanggal
        rules = self._rules[output]
        applies = [
            r.condition is None or self.evaluate(r.condition, subject, day, trace) is True
            for r in rules
        ]
        return resolve(
            self.program,
            rules,
            applies,
            lambda rule: self.evaluate(rule.value, subject, day, trace),
            employee.nip,
            day,
            output,
        )

    def decision(self, employee: Any, calendar_day: Any, output: str = "moda_kerja") -> Decision:
        """The decision record for a working day inside the circular's force."""
        outcome = self.decide(employee, calendar_day, output)
        rule = outcome.rule
        status = Status.DEFAULT if rule.is_default else Status.RULE
        return Decision(
            employee.nip,
            calendar_day.tanggal,
            output,
            outcome.value,
            status,
            rule.id,
            rule.clause,
            outcome.overridden,
        )
