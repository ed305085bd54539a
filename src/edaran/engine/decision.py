"""Decisions and their explanations, in Indonesian and English.

A :class:`Decision` is what every backend returns: the value, the rule that
decided it and its clause, and the rules it overrode.  An
:class:`Explanation` adds what only the reference interpreter records: the
facts each rule read and every rule that applied.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from html import escape

import attrs

from edaran.core.diagnostics import EdaranError
from edaran.core.modes import ModeChoice
from edaran.core.values import json_value, show_value
from edaran.io.publish import diagnostic_object, html_table, json_line, provenance
from edaran.messages import Lang, message
from edaran.model.workforce import Recall, Weekday

__all__ = [
    "Decision",
    "DecisionError",
    "Explanation",
    "Status",
    "decisions_json",
    "recall_line",
    "recall_object",
]


class Status:
    """Why a decision has its value: a rule, a default, a day off, or no circular."""

    RULE = "rule"
    DEFAULT = "default"
    OFF = "off"
    NOT_IN_FORCE = "not-in-force"
    #: a person outside the circular's scope (``mencakup``)
    NOT_COVERED = "not-covered"
    #: after the end of a circular that says what follows (``sesudahnya WFO``)
    AFTER_END = "after-end"
    #: called to the office by a recall (panggilan): WFO instead of the rules' remote mode
    RECALL = "recall"


@attrs.frozen
class Decision:
    """One output for one employee on one day.

    ``overridden`` pairs each applicable rule that was set aside with the rule
    that set it aside, in file order.  A decision a recall changed
    (:func:`edaran.scheduling.recalls.apply_recalls`) has ``status``
    ``recall``, the value WFO, ``recall`` (the :class:`~edaran.model.Recall`)
    and ``was`` (the value the rules gave); rule and clause are then None.
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
    #: the deciding rule's title (not part of equality: two backends agree on a decision)
    title: str | None = attrs.field(default=None, eq=False, repr=False)
    #: the recall that called the person to the office (``status`` ``recall``)
    recall: Recall | None = attrs.field(default=None, kw_only=True, repr=False)
    #: on a recalled day, the value the rules gave (WFH, WFA, ...)
    was: object = attrs.field(default=None, kw_only=True, repr=False)

    def reason(self, lang: Lang = "id") -> str:
        """One line: the deciding clause and why, as the CSV's ``reason`` column gives it."""
        return one_line_reason(self, self.title, lang)

    def to_dict(self, lang: Lang = "id") -> dict[str, object]:
        """The decision as JSON-ready data, the same object ``edaran decide --format json``
        and the service's ``/decide`` give (schema ``decide.schema.json``).

        ``value`` is the JSON form of the value (a mode's name, ``true``, a
        number as text, a list for a set); ``shown`` is the value as a rule
        file writes it and ``reason`` the one-line reason, both in ``lang``.
        A recalled day adds ``recall``: its ``reason``, ``source``, the mode
        the rules gave (``was``) and ``mode`` (WFO), as ``explain`` gives it.
        """
        data: dict[str, object] = {
            "nip": self.nip,
            "date": self.date.isoformat(),
            "output": self.output,
            "value": json_value(self.value),
            "shown": show_value(self.value, lang),
            "status": self.status,
            "rule": self.rule,
            "clause": self.clause,
            "title": self.title,
            "overridden": [{"rule": loser, "by": winner} for loser, winner in self.overridden],
            "note": _note(self, lang) or None,
            "reason": self.reason(lang),
        }
        if self.recall is not None:
            data["recall"] = recall_object(self.recall, str(self.was), str(self.value))
        return data

    def _repr_html_(self) -> str:
        """A notebook's view: the value, the clause and the reason."""
        return html_table(
            [(key, value) for key, value in self.to_dict().items() if key != "overridden"]
        )


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
    #: where the explanation comes from (:func:`edaran.io.publish.provenance`)
    provenance: Mapping[str, str | None] = attrs.field(factory=provenance, eq=False)
    #: a day outside the circular's force that is also a day off: the holiday (or weekday)
    day_off: str | None = attrs.field(default=None, kw_only=True)

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
            if isinstance(d.value, ModeChoice):
                lines.append(message("decision.choice", lang, modes=str(d.value)))
        else:
            lines.append(
                message(
                    f"decision.{d.status}",
                    lang,
                    note=_note(d, lang),
                    circular=self.circular,
                    value=show_value(d.value, lang),
                )
            )
            if self.day_off:
                lines.append(message("decision.also-off", lang, note=_day_word(self.day_off, lang)))
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

    def to_dict(self, lang: Lang = "id") -> dict[str, object]:
        """The explanation as JSON-ready data: ``edaran explain --format json`` and ``/explain``.

        ``decision`` is :meth:`Decision.to_dict`; ``circular`` the circular
        the deciding rule comes from (``SE <number>``); ``facts`` every fact
        the rules read (``name``, ``value`` as data, ``shown`` as a rule file
        writes it); ``rules`` every rule that applied, with its ``clause``
        text (title) and its ``role``: ``decided``, ``overridden`` (with
        ``by``) or ``agrees``; ``text`` the explanation as :meth:`render`
        words it.  Schema ``explain.schema.json``.
        """
        d = self.decision
        losers = dict(d.overridden)
        rules: list[dict[str, object]] = []
        for rule in dict.fromkeys((*self.applied, *losers)):
            role = "decided" if rule == d.rule else "overridden" if rule in losers else "agrees"
            rules.append(
                {"rule": rule, "title": self.titles.get(rule), "role": role, "by": losers.get(rule)}
            )
        return {
            "provenance": dict(self.provenance),
            "decision": d.to_dict(lang),
            "circular": self.circular,
            "facts": [
                {"name": name, "value": json_value(value), "shown": show_value(value, lang)}
                for name, value in self.facts
            ],
            "rules": rules,
            "text": self.render(lang),
        }

    def _repr_html_(self) -> str:
        """A notebook's view: the explanation's lines."""
        lines = "".join(f"<div>{escape(line)}</div>" for line in self.render().splitlines())
        return f"<div style='font-family:monospace'>{lines}</div>"


def decisions_json(
    found: Mapping[str, str | None],
    decisions: Iterable[Decision],
    errors: Sequence[EdaranError],
    lang: Lang = "id",
) -> Iterator[str]:
    """The decisions of a run as one JSON document, in pieces (schema ``decide.schema.json``).

    ``provenance`` (``found``), ``decisions`` one per line (each
    :meth:`Decision.to_dict`), then ``errors``: the first diagnostic of every
    employee-day that could not be decided, which ``errors`` holds once
    ``decisions`` is used up (``Circular.decide_many(..., errors=...)``).
    Nothing is kept: a province over a year streams in the memory of a day.
    """
    yield '{\n "provenance": ' + json_line(dict(found)) + ',\n "decisions": ['
    first = True
    for d in decisions:
        yield ("\n  " if first else ",\n  ") + json_line(d.to_dict(lang))
        first = False
    yield ("\n ]" if not first else "]") + ',\n "errors": ['
    shown = [json_line(diagnostic_object(e.diagnostics[0], lang)) for e in errors]
    yield ("\n  " + ",\n  ".join(shown) + "\n ]" if shown else "]") + "\n}\n"


def recall_object(recall: Recall, was: str, mode: str) -> dict[str, object]:
    """A recall as JSON (``decide`` and ``explain``): its reason, where it was written,
    the mode the rules gave and the mode of the day."""
    return {"reason": recall.reason, "source": recall.source, "was": was, "mode": mode}


def recall_line(recall: Recall, was: str, lang: Lang = "id") -> str:
    """``Dipanggil ke kantor (panggilan.csv:2): Rapat; moda hari ini WFO, bukan WFH``."""
    return message("decision.recalled", lang, was=was, reason=recall.reason, source=recall.source)


def one_line_reason(decision: Decision, title: str | None, lang: Lang = "id") -> str:
    """A one-line reason for a decision, with the clause it cites."""
    d = decision
    if d.recall is not None:
        return recall_line(d.recall, show_value(d.was, lang), lang)
    if d.status in (Status.OFF, Status.NOT_IN_FORCE, Status.NOT_COVERED, Status.AFTER_END):
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
    return _day_word(note, lang)


def _day_word(note: str, lang: Lang) -> str:
    """A holiday's name as it is, a weekday recorded by name (``SABTU``) in words."""
    if note in Weekday.__members__:
        return Weekday[note].word(lang)
    return note
