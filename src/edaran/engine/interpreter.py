"""The reference interpreter: the oracle every other backend must agree with.

It walks the checked program directly, one dispatch per IR node, and records
the facts each rule reads so that a decision can explain itself.  The
resolution of defaults and exceptions (:mod:`edaran.engine.resolution`) is
shared with the compiled backend, so both decide the same way by
construction, and a property test checks that they also compute the same
conditions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from edaran.core import types as t
from edaran.core.runtime import RUNTIME_OPS, UnitTable, whole_rupiah
from edaran.core.values import show_value
from edaran.engine.decision import Decision, Status
from edaran.engine.resolution import Outcome, resolve
from edaran.lang import ir

__all__ = ["Interpreter"]


# ----------------------------------------------------------- interpreter
def _naming(rule: ir.RuleIR, compute: Callable[[], Any]) -> Any:
    """``compute()``; an evaluation error out of it names ``rule`` (E504 cites it)."""
    try:
        return compute()
    except t.EvalError as err:
        if err.rule is None:
            err.rule = rule.id
        raise


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
            if trace is not None and not isinstance(value, UnitTable):
                trace.setdefault(node.name, value)
            return value
        if isinstance(node, ir.OutputRef):
            # Another output, decided for the same person and day (the strata are acyclic).
            value = self.decide(subject["pegawai"], subject["kalender"], node.name).value
            if trace is not None:
                trace.setdefault(node.name, value)
            return value
        if node.op == "and":
            return all(self.evaluate(a, subject, day, trace) is True for a in node.args)
        if node.op == "or":
            return any(self.evaluate(a, subject, day, trace) is True for a in node.args)
        args = [self.evaluate(a, subject, day, trace) for a in node.args]
        result = RUNTIME_OPS[node.op](*args)
        if trace is not None and node.op == "index" and isinstance(node.args[0], ir.Param):
            # A table that changes from dates: the value in force that day is a fact used.
            key = node.args[1]
            written = key.written if isinstance(key, ir.Fact) else show_value(args[1])
            trace.setdefault(f"{node.args[0].name}[{written}]", result)
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

        def applies(rule: ir.RuleIR) -> bool:
            condition = rule.condition
            if condition is None:
                return True
            return _naming(rule, lambda: self.evaluate(condition, subject, day, trace)) is True

        return resolve(
            self.program,
            rules,
            [applies(r) for r in rules],
            lambda rule: _naming(rule, lambda: self.evaluate(rule.value, subject, day, trace)),
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
            title=rule.title,
        )
