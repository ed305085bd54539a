"""How discipline results read to people: reasons, windows, durations, ladders, tallies per unit.

The CSV, JSON and Excel writers all import this module, and none of them
imports another writer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from edaran.discipline.engine import Breach, DisciplineResult, Sanction, Skipped
from edaran.messages import Lang, has_message, message
from edaran.model.workforce import Channel, Contact

__all__ = [
    "SKIPPED_ORDER",
    "Explainer",
    "UnitCounts",
    "breach_kinds",
    "date_span",
    "duration_text",
    "local_time",
    "sanction_steps",
    "short_label",
    "skipped_items",
    "skipped_reason",
    "unit_counts",
    "window_kind",
    "window_text",
]


#: The reasons a contact is set aside, in the order the summaries list them.
SKIPPED_ORDER = (
    Skipped.NOT_ON_DUTY,
    Skipped.OUTSIDE_HOURS,
    Skipped.ON_LEAVE,
    Skipped.OUTSIDE_RANGE,
    Skipped.UNKNOWN_NIP,
    Skipped.UNDECIDED,
)


_CITATION_WORDS = ("butir ", "angka ", "pasal ")


_WEEK = re.compile(r"\d{4}-W\d{2}")


_MONTH = re.compile(r"\d{4}-\d{2}")


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def skipped_reason(reason: str, lang: Lang = "id") -> str:
    """Why contacts were set aside, in words: ``outside-hours`` -> ``di luar jam kewajiban``."""
    return message(f"discipline.{reason}", lang) if has_message(f"discipline.{reason}") else reason


def skipped_items(result: DisciplineResult) -> list[tuple[str, int]]:
    """The skipped counts, in :data:`SKIPPED_ORDER` (reasons it does not know last, sorted)."""
    known = [(r, result.skipped[r]) for r in SKIPPED_ORDER if result.skipped.get(r)]
    others = sorted((r, n) for r, n in result.skipped.items() if r not in SKIPPED_ORDER and n)
    return known + others


def short_label(rule: str) -> str:
    """A rule id without its citation word, for narrow columns: ``10.d[lisan]``."""
    for prefix in _CITATION_WORDS:
        if rule.startswith(prefix):
            return rule[len(prefix) :]
    return rule


def window_kind(window: str) -> str:
    """``hari``, ``minggu``, ``bulan`` or ``periode``, read from an engine window key."""
    if _DAY.fullmatch(window):
        return "hari"
    if _WEEK.fullmatch(window):
        return "minggu"
    if _MONTH.fullmatch(window):
        return "bulan"
    if window.startswith("periode "):
        return "periode"
    return "other"


def window_text(window: str, lang: Lang) -> str:
    """The window of a sanction as a phrase: ``dalam periode 1 (2026-04-01..2026-05-31)``."""
    kind = window_kind(window)
    shown = window.removeprefix("periode ") if kind == "periode" else window
    return message(f"discipline.window-{kind}", lang, window=shown)


def _one_line(text: str) -> str:
    """Text from a file or a log on one line: every run of white space one space."""
    return " ".join(text.split())


def _clock(moment: dt.datetime) -> str:
    """``09:00``, or ``09:00:44`` when the seconds are not zero."""
    if moment.second or moment.microsecond:
        return moment.strftime("%H:%M:%S")
    return moment.strftime("%H:%M")


def duration_text(delay: dt.timedelta, lang: Lang) -> str:
    """A response time, to the second below: ``11 menit 30 detik``, ``1 h 2 min``."""
    total = max(0, int(delay.total_seconds()))
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(message("discipline.hours", lang, n=hours))
    if minutes:
        parts.append(message("discipline.minutes", lang, n=minutes))
    if seconds or not parts:
        parts.append(message("discipline.seconds", lang, n=seconds))
    return " ".join(parts)


def _level(result: DisciplineResult) -> dict[str, int]:
    """Each sanction rule's level: 1 when it counts breaches, 1 + that of what it counts."""
    breach_ids = {b.id for b in result.breaches}
    by_id = {s.id: s for s in result.sanctions}
    levels: dict[str, int] = {}

    def level(s: Sanction) -> int:
        if s.rule not in levels:
            below = [by_id[i] for i in s.behind if i not in breach_ids and i in by_id]
            levels[s.rule] = 1 + max((level(x) for x in below), default=0)
        return levels[s.rule]

    for s in result.sanctions:
        level(s)
    return levels


def sanction_steps(result: DisciplineResult) -> list[str]:
    """The sanction rules of a result, the ladder's order: by level, then by id."""
    levels = _level(result)
    return sorted(levels, key=lambda rule: (levels[rule], rule))


def breach_kinds(result: DisciplineResult) -> list[str]:
    """The breach rules of a result, sorted."""
    return sorted({b.rule for b in result.breaches})


class Explainer:
    """One-line reasons for the breaches and sanctions of a result, in one language.

    Built once per result (it indexes breaches, sanctions and contacts by id);
    ``contacts`` are the log's, optional: with them a breach's reason says
    what the contact was and how it was answered.
    """

    def __init__(
        self,
        result: DisciplineResult,
        lang: Lang = "id",
        contacts: Iterable[Contact] | Mapping[str, Contact] | None = None,
    ) -> None:
        self.result = result
        self.lang = lang
        if contacts is None:
            self.contacts: Mapping[str, Contact] = {}
        elif isinstance(contacts, Mapping):
            self.contacts = contacts
        else:
            self.contacts = {c.id: c for c in contacts}
        self.breaches = {b.id: b for b in result.breaches}
        self.sanctions = {s.id: s for s in result.sanctions}
        #: sanction rule -> its step on the ladder (1: counts breaches)
        self.levels = _level(result)
        self._contacts_of: dict[str, tuple[str, ...]] = {}
        #: breach or sanction id -> the ids of the sanctions that count it
        self.counted_by: dict[str, list[str]] = defaultdict(list)
        for s in result.sanctions:
            for event in s.behind:
                self.counted_by[event].append(s.id)

    def order(self, e: Breach | Sanction) -> tuple[dt.datetime, int, str]:
        """A sort key: time, then breaches before the sanctions they complete, then id."""
        return (e.at, 0 if isinstance(e, Breach) else self.levels.get(e.rule, 1), e.id)

    def sanctions_in_order(self) -> list[Sanction]:
        """The sanctions by :meth:`order`: an escalation after the sanctions it counts."""
        return sorted(self.result.sanctions, key=self.order)

    # -- what is behind a sanction -------------------------------------------------
    def contacts_of(self, event: str) -> tuple[str, ...]:
        """The contact ids behind a breach or a sanction (through the sanctions it counts)."""
        found = self._contacts_of.get(event)
        if found is not None:
            return found
        breach = self.breaches.get(event)
        if breach is not None:
            found = (breach.contact,) if breach.contact else ()
        else:
            sanction = self.sanctions.get(event)
            seen: dict[str, None] = {}
            for below in sanction.behind if sanction is not None else ():
                seen.update(dict.fromkeys(self.contacts_of(below)))
            found = tuple(seen)
        self._contacts_of[event] = found
        return found

    # -- reasons ----------------------------------------------------------------------
    def reason(self, event: Breach | Sanction) -> str:
        """The one-line reason of a breach or a sanction."""
        if isinstance(event, Breach):
            return self.breach_reason(event)
        return self.sanction_reason(event)

    def _head(self, rule: str, title: str | None) -> str:
        return f"{rule}: {_one_line(title)}" if title else rule

    def breach_reason(self, b: Breach) -> str:
        """``butir 10.c: <title> — pesan K1 pada 2026-04-10 pukul 09:00 dijawab ...``."""
        lang = self.lang
        contact = self.contacts.get(b.contact)
        when = f"{message('discipline.on-date', lang, date=b.date.isoformat())} "
        when += message("discipline.at-time", lang, time=_clock(b.at))
        if b.kind:
            if b.kind == "missing":
                what = message(
                    "discipline.attendance-missing",
                    lang,
                    date=message("discipline.on-date", lang, date=b.date.isoformat()),
                )
            else:
                what = message(f"discipline.attendance-{b.kind}", lang, event=b.contact, when=when)
            return f"{self._head(b.rule, b.title)} — {' '.join(what.split())}"
        if contact is None:
            contact_word = message("discipline.contact", lang)
            return f"{self._head(b.rule, b.title)} — {contact_word} {b.contact} {when}"
        channel = message(f"discipline.{Channel(contact.saluran).value}", lang)
        text = f"{self._head(b.rule, b.title)} — {channel} {b.contact} {when} "
        if contact.dijawab is None:
            return text + message("discipline.not-answered", lang)
        answered = contact.dijawab.astimezone(b.at.tzinfo)
        at = message("discipline.at-time", lang, time=_clock(answered))
        if answered.date() != b.date:
            at = f"{answered.date().isoformat()} {at}"
        delay = duration_text(contact.dijawab - contact.dikirim, lang)
        text += message("discipline.answered", lang, when=at, delay=delay)
        if contact.alasan and contact.alasan.strip():
            return (
                text
                + ", "
                + message("discipline.with-reason", lang, reason=_one_line(contact.alasan))
            )
        return text + ", " + message("discipline.no-reason", lang)

    def sanction_reason(self, s: Sanction) -> str:
        """``butir 10.d[lisan]: <title> — 2 pelanggaran butir 10.d[...] pada 2026-04-10 (...)``."""
        lang = self.lang
        breaches: list[Breach | Sanction] = [
            self.breaches[i] for i in s.behind if i in self.breaches
        ]
        below: list[Breach | Sanction] = [
            self.sanctions[i] for i in s.behind if i in self.sanctions
        ]
        unknown = [i for i in s.behind if i not in self.breaches and i not in self.sanctions]
        count = len(s.behind)
        kinds = ", ".join(dict.fromkeys([e.rule for e in [*breaches, *below]]))
        if below and not breaches:
            counted = message(
                "discipline.n-sanctions",
                lang,
                count=count,
                kinds=kinds,
            )
        else:
            counted = message(
                "discipline.n-breaches",
                lang,
                count=count,
                kinds=kinds,
            )
        day_window = window_kind(s.window) == "hari"
        events = [self._event(e, day_window) for e in sorted([*breaches, *below], key=self.order)]
        events += unknown
        detail = ("; " if below else ", ").join(events)
        return f"{self._head(s.rule, s.title)} — {counted} {window_text(s.window, lang)}: {detail}"

    def _event(self, e: Breach | Sanction, day_window: bool) -> str:
        lang = self.lang
        if isinstance(e, Breach):
            time = message("discipline.at-time", lang, time=_clock(e.at))
            day = "" if day_window else f" {e.date.isoformat()}"
            return " ".join(part for part in (e.contact, day.strip(), time) if part)
        where = message("discipline.on-date", lang, date=e.date.isoformat())
        return f"{e.rule} {where}: {', '.join(self.contacts_of(e.id))}"


def local_time(moment: dt.datetime) -> str:
    return moment.strftime("%H:%M:%S")


# ---------------------------------------------------------------- tallies
class UnitCounts:
    """What one unit's breaches and sanctions add up to (for the summaries)."""

    __slots__ = ("breaches", "code", "people", "sanctioned", "sanctions")

    def __init__(self, code: str) -> None:
        self.code = code
        self.people: set[str] = set()  # in breach
        self.sanctioned: set[str] = set()
        self.breaches: Counter[str] = Counter()
        self.sanctions: Counter[str] = Counter()


def unit_counts(result: DisciplineResult) -> list[UnitCounts]:
    """Per-unit counts of breaches and sanctions by rule, units sorted by code."""
    units: dict[str, UnitCounts] = {}
    for b in result.breaches:
        u = units.setdefault(b.unit, UnitCounts(b.unit))
        u.people.add(b.nip)
        u.breaches[b.rule] += 1
    for s in result.sanctions:
        u = units.setdefault(s.unit, UnitCounts(s.unit))
        u.sanctioned.add(s.nip)
        u.sanctions[s.rule] += 1
    return [units[code] for code in sorted(units)]


def date_span(result: DisciplineResult) -> tuple[dt.date, dt.date] | None:
    """The first and last day with a breach or a sanction, or None."""
    days = [b.date for b in result.breaches] + [s.date for s in result.sanctions]
    return (min(days), max(days)) if days else None
