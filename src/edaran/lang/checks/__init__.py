"""The check passes, one module each, run in the order of :data:`PASSES`.

Each pass is a function of the :class:`State` that reads what the passes
before it found and adds its part of the program.  To add a check, write a
module here with a function of the same name and put it in :data:`PASSES`
(as sqlglot's optimizer lists its rules).
"""

from __future__ import annotations

import typing

from edaran.lang.checks.dates import dates
from edaran.lang.checks.declarations import declarations
from edaran.lang.checks.discipline import discipline
from edaran.lang.checks.examples import examples
from edaran.lang.checks.exceptions import exceptions
from edaran.lang.checks.header import header
from edaran.lang.checks.leave import leave
from edaran.lang.checks.limits import limits
from edaran.lang.checks.provisions import provisions
from edaran.lang.checks.quotas import quotas
from edaran.lang.checks.rules import rules
from edaran.lang.checks.scope import scope
from edaran.lang.checks.state import State

__all__ = [
    "PASSES",
    "Pass",
    "State",
    "dates",
    "declarations",
    "discipline",
    "examples",
    "exceptions",
    "header",
    "leave",
    "limits",
    "provisions",
    "quotas",
    "rules",
    "scope",
]


class Pass(typing.Protocol):
    """One check pass: reads and extends the state, reports problems through it."""

    def __call__(self, state: State, /) -> None:
        """Run the pass."""


#: The passes in order: the isbat of Hijri months first (every date reads them),
#: then the header and declarations, because every later
#: pass reads the names they declare; examples after the blocks they expect.
PASSES: tuple[Pass, ...] = (
    dates,
    header,
    leave,
    declarations,
    scope,
    rules,
    exceptions,
    discipline,
    quotas,
    provisions,
    examples,
    limits,
)
