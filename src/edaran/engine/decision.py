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
from edaran.lang.conflicts import show_value
from edaran.messages.catalogue import Lang
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
            _WORDS["head"][_i(lang)].format(
                nip=d.nip, date=d.date.isoformat(), output=d.output, value=show_value(d.value, lang)
            )
        ]
        if d.status in (Status.RULE, Status.DEFAULT):
            key = "by-default" if d.status == Status.DEFAULT else "by-rule"
            lines.append(
                _WORDS[key][_i(lang)].format(
                    rule=d.rule, title=self.title or "", circular=self.circular
                )
            )
        else:
            lines.append(
                _WORDS[d.status][_i(lang)].format(note=_note(d, lang), circular=self.circular)
            )
        for loser, winner in d.overridden:
            title = self.titles.get(loser) or ""
            lines.append(
                _WORDS["overridden"][_i(lang)].format(loser=loser, title=title, winner=winner)
            )
        others = [r for r in self.applied if r != d.rule and r not in {x for x, _ in d.overridden}]
        for other in others:
            lines.append(_WORDS["agrees"][_i(lang)].format(rule=other))
        if self.facts:
            lines.append(_WORDS["facts"][_i(lang)])
            lines.extend(f"  - {name} = {show_value(value, lang)}" for name, value in self.facts)
        return "\n".join(lines)

    def reason(self, lang: Lang = "id") -> str:
        """One line: the deciding clause and why, for tables."""
        return one_line_reason(self.decision, self.title, lang)


def one_line_reason(decision: Decision, title: str | None, lang: Lang = "id") -> str:
    """A one-line reason for a decision, with the clause it cites."""
    d = decision
    if d.status in (Status.OFF, Status.NOT_IN_FORCE):
        return _WORDS[d.status + "-short"][_i(lang)].format(note=_note(d, lang))
    reason = f"{d.clause}: {title}" if title else str(d.clause)
    if d.overridden:
        losers = ", ".join(dict.fromkeys(loser for loser, _ in d.overridden))
        reason += _WORDS["over-short"][_i(lang)].format(losers=losers)
    return reason


def _note(decision: Decision, lang: Lang) -> str:
    """The note of a day off or out-of-force decision, in the reader's language.

    A weekend is recorded by the weekday's name (``SABTU``) and worded here;
    a holiday keeps its official (Indonesian) name in both languages.
    """
    note = decision.note
    if decision.status == Status.NOT_IN_FORCE and ".." in note:
        start, end = note.split("..")
        if lang == "id":
            return f"{start} s.d. {end}" if end else f"mulai {start}"
        return f"{start} to {end}" if end else f"from {start}"
    if note in Weekday.__members__:
        day = Weekday[note]
        return day.label if lang == "id" else day.english
    return note


def _i(lang: Lang) -> int:
    return 0 if lang == "id" else 1


_WORDS: dict[str, tuple[str, str]] = {
    "head": (
        "{output} pegawai {nip} pada {date}: {value}",
        "{output} of employee {nip} on {date}: {value}",
    ),
    "by-rule": (
        'Diputuskan oleh {rule} "{title}" ({circular}).',
        'Decided by {rule} "{title}" ({circular}).',
    ),
    "by-default": (
        'Aturan bawaan {rule} "{title}" ({circular}): tidak ada aturan lain yang berlaku.',
        'Default rule {rule} "{title}" ({circular}): no other rule applies.',
    ),
    "off": ("Hari libur: {note}. Tidak ada yang bekerja.", "Day off: {note}. Nobody works."),
    "not-in-force": (
        "{circular} tidak berlaku pada tanggal ini (berlaku {note}).",
        "{circular} is not in force on this date (in force {note}).",
    ),
    "overridden": (
        '{loser} "{title}" juga berlaku, tetapi dikesampingkan oleh {winner} '
        "(pengecualian atasnya).",
        '{loser} "{title}" also applies, but {winner} overrides it (an exception to it).',
    ),
    "agrees": (
        "{rule} juga berlaku dan memberi nilai yang sama.",
        "{rule} also applies and gives the same value.",
    ),
    "facts": ("Fakta yang dipakai:", "Facts used:"),
    "off-short": ("libur: {note}", "day off: {note}"),
    "not-in-force-short": (
        "SE tidak berlaku (berlaku {note})",
        "circular not in force (in force {note})",
    ),
    "over-short": (" (mengesampingkan {losers})", " (overrides {losers})"),
}
