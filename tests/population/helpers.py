"""What the SQL engine's tests share: running the Python engine the same way, and comparing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from edaran.core import render_all
from edaran.engine import Circular, Decision, DecisionError
from edaran.model import Employee

__all__ = ["expected", "first_disagreements"]


def expected(
    circular: Circular, employees: Iterable[Employee], first: dt.date, last: dt.date
) -> tuple[list[Decision], int, list[str]]:
    """What the Python engine decides, day by day in roster order: decisions, the count of
    undecided employee-days, and the English text of the first error of each kind."""
    errors: list[DecisionError] = []
    decisions = list(circular.decide_many(list(employees), first, last, errors=errors))
    texts: dict[tuple[str, object, object], str] = {}
    for err in errors:
        d = err.diagnostics[0]
        texts.setdefault((d.code, d.args.get("first"), d.args.get("second")), render_all([d], "en"))
    return decisions, len(errors), sorted(texts.values())


def first_disagreements(mine: list[Decision], theirs: list[Decision], shown: int = 3) -> list[str]:
    """The first employee-days on which two engines disagree, described (empty: they agree)."""
    problems = [f"{len(mine)} rows against {len(theirs)}"] if len(mine) != len(theirs) else []
    for a, b in zip(mine, theirs, strict=False):
        if a != b:
            problems.append(f"sql: {a}\npython: {b}")
            if len(problems) >= shown:
                break
    return problems
