"""The work modes every circular has, and what a decision says when no mode applies.

A rule file may declare more modes (``moda DINAS_LUAR``); these are the ones
built in.  ``LIBUR`` and ``TIDAK_BERLAKU`` are not modes a rule sets: the
calendar and the circular's dates decide them before any rule runs.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "BUILTIN_MODES",
    "DAY_STATUSES",
    "STATUS_NOT_COVERED",
    "STATUS_NOT_IN_FORCE",
    "STATUS_OFF",
    "WORKING_HOURS",
    "WORK_MODE",
    "ModeChoice",
]

#: The modes of the national template: office, home, anywhere.
BUILTIN_MODES = ("WFO", "WFH", "WFA")
#: What a decision says on a day off.
STATUS_OFF = "LIBUR"
#: What a decision says on a day outside the circular's force.
STATUS_NOT_IN_FORCE = "TIDAK_BERLAKU"
#: What a decision says for a person the circular does not cover (``mencakup``).
STATUS_NOT_COVERED = "TIDAK_TERCAKUP"
#: Both day statuses, in the order tables show them.
DAY_STATUSES = (STATUS_OFF, STATUS_NOT_IN_FORCE)
#: The output every circular decides.
WORK_MODE = "moda_kerja"
#: The built-in output of the working hours of a day (``jam_kerja``), when a file has rules for it.
WORKING_HOURS = "jam_kerja"


class ModeChoice(frozenset[str]):
    """The modes a rule leaves to choose among (``moda_kerja dipilih dari {WFH, WFO}``).

    A set of modes (equal to the plain set of the same modes) that keeps the
    order the rule wrote them in: the scheduler starts from the first and
    moves within the set to meet the limits; a unit's plan picks any of them.
    Shown as the rule file writes it: ``{WFH, WFO}``.
    """

    order: tuple[str, ...]

    def __new__(cls, modes: Iterable[str]) -> ModeChoice:
        written = tuple(dict.fromkeys(modes))
        choice = super().__new__(cls, written)
        choice.order = written
        return choice

    def __str__(self) -> str:
        return "{" + ", ".join(self.order) + "}"

    def __repr__(self) -> str:
        return f"ModeChoice({self.order!r})"

    def __reduce__(self) -> tuple[type[ModeChoice], tuple[tuple[str, ...]]]:
        return (ModeChoice, (self.order,))
