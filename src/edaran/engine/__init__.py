"""The engine: a checked circular deciding employees on days, and explaining why.

:class:`Circular` runs the pipeline (parse, resolve, check, compile) and
decides through the compiled backend or the reference interpreter; every
backend gives the same answer.  The SQL backend (:mod:`edaran.engine.sql`,
``SqlPlan``) needs sqlglot (the ``sql`` extra): its names load on first use.
"""

from __future__ import annotations

import typing

from edaran.engine.circular import Backend, Circular, check
from edaran.engine.compiler import CompiledProgram
from edaran.engine.decision import Decision, DecisionError, Explanation, Status
from edaran.engine.interpreter import Interpreter

if typing.TYPE_CHECKING:
    from edaran.engine.sql import SqlPlan, SqlRefused

__all__ = [
    "Backend",
    "Circular",
    "CompiledProgram",
    "Decision",
    "DecisionError",
    "Explanation",
    "Interpreter",
    "SqlPlan",
    "SqlRefused",
    "Status",
    "check",
]


def __getattr__(name: str) -> object:
    if name in ("SqlPlan", "SqlRefused"):
        from edaran.engine import sql

        return getattr(sql, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
