"""The leave pass: every year in force has the cuti bersama of its joint decree.

Collective leave (cuti bersama) decides LIBUR on days the rules would
otherwise send to WFO or WFH, and it comes from the installed ``holidays``
package, which learns each year's joint ministerial decree in a later release.
A year in force for which that package knows no collective leave at all is
almost surely a package older than the decree: the same rule file would then
decide differently on another machine.  W149 says so, naming the version.
"""

from __future__ import annotations

from edaran.core.diagnostics import Diagnostic, Severity
from edaran.lang import nodes as n
from edaran.lang.checks.state import State
from edaran.model.calendar import collective_leave, holidays_version

__all__ = ["leave"]

#: Beyond this many years a circular in force is not checked year by year.
_YEARS = 5


def leave(state: State) -> None:
    """W149 for each year in force without collective leave in the holiday data."""
    header = state.header
    if header is None or header.effective_from is None:
        return
    first = header.effective_from.year
    last = header.effective_until.year if header.effective_until else first
    span = next(
        (
            item.span
            for head in state.items
            if isinstance(head, n.Header)
            for item in head.items
            if item.kind == "effective"
        ),
        None,
    )
    for year in range(first, min(last, first + _YEARS - 1) + 1):
        if not collective_leave(year):
            args = {"year": year, "version": holidays_version()}
            state.report(Diagnostic("W149", span, args, severity=Severity.WARNING))
