"""The resolution of defaults and exceptions, shared by every backend.

Among the rules that apply, those that an applicable rule overrides (directly
or through others) drop out; if none is left, the applicable defaults decide.
Two survivors with different values are a conflict (E501); no survivor and
no default is E502.  Each backend computes which rules apply its own way and
calls :func:`resolve`, so all of them decide alike by construction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import attrs

from edaran.core.diagnostics import Diagnostic, Label
from edaran.core.values import show_value
from edaran.engine.decision import DecisionError
from edaran.lang import ir

__all__ = ["Outcome", "conflict_diagnostic", "no_rule_diagnostic", "resolve"]


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
    beaten = program.overrides.beaten([r.id for r in applicable])
    ordinary = [r for r in applicable if not r.is_default and r.id not in beaten]
    survivors = ordinary or [r for r in applicable if r.is_default and r.id not in beaten]
    overridden = tuple((r.id, beaten[r.id]) for r in applicable if r.id in beaten)
    if not survivors:
        raise DecisionError([no_rule_diagnostic(nip, day, output)])
    first = survivors[0]
    value = value_of(first)
    for other in survivors[1:]:
        other_value = value_of(other)
        if other_value != value:
            raise DecisionError([conflict_diagnostic(first, other, value, other_value, nip, day)])
    shown = [r for r in applicable if not r.is_default] if ordinary else applicable
    return Outcome(value, first, overridden, tuple(r.id for r in shown))


def conflict_diagnostic(
    a: ir.RuleIR, b: ir.RuleIR, va: object, vb: object, nip: str, day: dt.date
) -> Diagnostic:
    """E501: rules ``a`` and ``b`` both survive with different values for one employee-day."""
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


def no_rule_diagnostic(nip: str, day: dt.date, output: str) -> Diagnostic:
    """E502: no rule decides ``output`` for one employee-day."""
    return Diagnostic(
        "E502",
        None,
        {"output": output},
        notes=(("note-subject", {"nip": nip, "date": day.isoformat()}),),
    )
