"""The engine: a checked circular deciding employees on days, and explaining why.

:class:`Circular` runs the pipeline (parse, resolve, check, compile) and
decides through the compiled backend or the reference interpreter; every
backend gives the same answer.
"""

from __future__ import annotations

from edaran.engine.circular import Backend, Circular, check
from edaran.engine.compiler import CompiledProgram
from edaran.engine.decision import Decision, DecisionError, Explanation, Status
from edaran.engine.interpreter import Interpreter

__all__ = [
    "Backend",
    "Circular",
    "CompiledProgram",
    "Decision",
    "DecisionError",
    "Explanation",
    "Interpreter",
    "Status",
    "check",
]
