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
from typing import Any

import attrs

from edaran.core import types as t
from edaran.core.diagnostics import Diagnostic, Label
from edaran.core.runtime import RUNTIME_OPS, whole_rupiah
from edaran.engine.decision import Decision, DecisionError, Status
from edaran.lang import ir

__all__ = ["Interpreter", "Outcome", "resolve"]


@attrs.frozen
class Outcome:
    """What rules decide for one output: value, deciding rule, set-aside rules."""

    value: object
    rule: ir.RuleIR
    overridden: tuple[tuple[str, str], ...]
    applied: tuple[str, ...]


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
    from edaran.core.values import show_value

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
