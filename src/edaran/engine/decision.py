"""Decisions and their explanations, in Indonesian and English.

A :class:`Decision` is what every backend returns: the value, the rule that
decided it and its clause, and the rules it overrode.  An
:class:`Explanation` adds what only the reference interpreter records: the
facts each rule read and every rule that applied.
"""

from __future__ import annotations

import datetime as dt

import attrs

from edaran.core.diagnostics import EdaranError
from edaran.core.values import show_value
from edaran.messages import Lang, message
from edaran.model.workforce import Weekday

__all__ = ["Decision", "DecisionError", "Explanation", "Status"]


class Status:
    """Why a decision has its value: a rule, a default, a day off, or no circular."""

    RULE = "rule"
    DEFAULT = "default"
    OFF = "off"
    NOT_IN_FORCE = "not-in-force"


@attrs.frozen
class Decision:
    """One output for one employee on one day.

    ``overridden`` pairs each applicable rule that was set aside with the rule
    that set it aside, in file order.
    """

    nip: str
    date: dt.date
    output: str
    value: object
    status: str
    rule: str | None = None
    clause: str | None = None
    overridden: tuple[tuple[str, str], ...] = ()
    note: str = ""


class DecisionError(EdaranError):
    """A decision that cannot be made: a conflict (E501) or no applicable rule (E502)."""


@attrs.frozen
class Explanation:
    """A decision with the facts and rules behind it."""

    decision: Decision
    circular: str
    title: str | None
    facts: tuple[tuple[str, object], ...]
    applied: tuple[str, ...]
    titles: dict[str, str | None] = attrs.field(factory=dict, eq=False)

    def render(self, lang: Lang = "id") -> str:
        """The explanation as a short text, as an analyst would read it."""
        d = self.decision
        lines = [
            message(
                "decision.head",
                lang,
                nip=d.nip,
                date=d.date.isoformat(),
                output=d.output,
                value=show_value(d.value, lang),
            )
        ]
        if d.status in (Status.RULE, Status.DEFAULT):
            key = "by-default" if d.status == Status.DEFAULT else "by-rule"
            lines.append(
                message(
                    f"decision.{key}",
                    lang,
                    rule=d.rule,
                    title=self.title or "",
                    circular=self.circular,
                )
            )
        else:
            lines.append(
                message(f"decision.{d.status}", lang, note=_note(d, lang), circular=self.circular)
            )
        for loser, winner in d.overridden:
            title = self.titles.get(loser) or ""
            lines.append(
                message("decision.overridden", lang, loser=loser, title=title, winner=winner)
            )
        others = [r for r in self.applied if r != d.rule and r not in {x for x, _ in d.overridden}]
        for other in others:
            lines.append(message("decision.agrees", lang, rule=other))
        if self.facts:
            lines.append(message("decision.facts", lang))
            lines.extend(f"  - {name} = {show_value(value, lang)}" for name, value in self.facts)
        return "\n".join(lines)

    def reason(self, lang: Lang = "id") -> str:
        """One line: the deciding clause and why, for tables."""
        return one_line_reason(self.decision, self.title, lang)


def one_line_reason(decision: Decision, title: str | None, lang: Lang = "id") -> str:
    """A one-line reason for a decision, with the clause it cites."""
    d = decision
    if d.status in (Status.OFF, Status.NOT_IN_FORCE):
        return message(f"decision.{d.status}-short", lang, note=_note(d, lang))
    reason = f"{d.clause}: {title}" if title else str(d.clause)
    if d.overridden:
        losers = ", ".join(dict.fromkeys(loser for loser, _ in d.overridden))
        reason += message("decision.over-short", lang, losers=losers)
    return reason


def _note(decision: Decision, lang: Lang) -> str:
    """The note of a day off or out-of-force decision, in the reader's language.

    A weekend is recorded by the weekday's name (``SABTU``) and worded here;
    a holiday keeps its official (Indonesian) name in both languages.
    """
    note = decision.note
    if decision.status == Status.NOT_IN_FORCE and ".." in note:
        start, end = note.split("..")
        if end:
            return message("decision.in-force-range", lang, start=start, end=end)
        return message("decision.in-force-from", lang, start=start)
    if note in Weekday.__members__:
        day = Weekday[note]
        return day.word(lang)
    return note
