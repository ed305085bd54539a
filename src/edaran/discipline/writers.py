"""Publishing discipline results (butir 10.b-d): CSV, JSON, an Excel workbook, texts.

Every writer reads a :class:`~edaran.discipline.DisciplineResult` (and,
optionally, the names of the people and the contacts of the log) and gives
the same bytes for the same result: no clock, no locale, no hash order.
Words come in Indonesian (default) and English; codes (NIP, unit codes,
clauses, rule and contact ids, titles from the rule file) are never
translated.  JSON keys are English in both languages: programs read them.

Every row explains itself: the clause, the rule's title and a one-line
reason naming the events behind it, for instance ::

    butir 10.d[lisan]: Hukuman disiplin teguran lisan: tidak merespon 2 (dua) kali
    panggilan — 2 pelanggaran butir 10.d[tak_terjawab] pada 2026-04-10
    (K000123 pukul 09:00, K000456 pukul 13:30)

The result names each breach's contact by its id only.  Given the contacts
of the log (``contacts=``), a breach's reason also says what happened:
``panggilan K000123 pada 2026-04-10 pukul 09:00 tidak dijawab``, or
``pesan K000070 ... dijawab pukul 07:52 (setelah 11 menit 30 detik), tanpa
alasan``.

The workbook needs ``openpyxl`` (the ``excel`` extra); without it
:func:`write_xlsx` raises :class:`~edaran.diagnostics.EdaranError` ``D040``
(:func:`require_format` checks up front).  It is built in
``_discipline_xlsx.py``, imported only inside :func:`write_xlsx`.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TextIO

from edaran.core.diagnostics import Diagnostic, render
from edaran.discipline.engine import Breach, DisciplineResult, Sanction, Skipped
from edaran.messages import Lang, has_message, message
from edaran.model.workforce import Channel, Contact
from edaran.scheduling.writers import require_format

__all__ = [
    "SKIPPED_ORDER",
    "Explainer",
    "duration_text",
    "person_history",
    "require_format",
    "skipped_reason",
    "summary_text",
    "window_text",
    "write_breaches_csv",
    "write_json",
    "write_sanctions_csv",
    "write_xlsx",
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
            found = (breach.contact,)
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
            return f"{e.contact}{day} {time}"
        where = message("discipline.on-date", lang, date=e.date.isoformat())
        return f"{e.rule} {where}: {', '.join(self.contacts_of(e.id))}"


def _local_time(moment: dt.datetime) -> str:
    return moment.strftime("%H:%M:%S")


# ---------------------------------------------------------------- CSV
_BREACH_FIELDS = (
    "id",
    "nip",
    "name",
    "unit",
    "date",
    "time",
    "clause",
    "breach",
    "title",
    "contact",
    "sanctions",
    "reason",
)
_SANCTION_FIELDS = (
    "id",
    "nip",
    "name",
    "unit",
    "date",
    "time",
    "clause",
    "sanction",
    "title",
    "window",
    "behind",
    "contacts",
    "reason",
)


def write_breaches_csv(
    result: DisciplineResult,
    out: TextIO,
    lang: Lang = "id",
    names: Mapping[str, str] | None = None,
    *,
    contacts: Iterable[Contact] | Mapping[str, Contact] | None = None,
) -> int:
    """Write one CSV row per breach, in time order; return the number of rows.

    Columns (Indonesian / English): ``id``; ``nip``; ``nama``/``name`` (from
    ``names``, empty when unknown); ``unit``; ``tanggal``/``date`` and
    ``pukul``/``time`` of the contact, in the circular's zone;
    ``klausul``/``clause``; ``pelanggaran``/``breach`` (the rule's id, with
    its tag); ``judul``/``title``; ``kontak``/``contact`` (the contact id);
    ``sanksi_lanjutan``/``sanctions`` (the ids of the sanctions that count
    this breach, ``;``-separated); ``alasan``/``reason`` (one line in
    ``lang``, see :class:`Explainer`).  Lines end with ``\\n``; open ``out``
    with ``newline=""``.
    """
    names = names or {}
    explain = Explainer(result, lang, contacts)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([message(f"discipline.col-{f}", lang) for f in _BREACH_FIELDS])
    for b in result.breaches:
        writer.writerow(
            [
                b.id,
                b.nip,
                names.get(b.nip, ""),
                b.unit,
                b.date.isoformat(),
                _local_time(b.at),
                b.clause,
                b.rule,
                b.title or "",
                b.contact,
                "; ".join(explain.counted_by.get(b.id, ())),
                explain.breach_reason(b),
            ]
        )
    return len(result.breaches)


def write_sanctions_csv(
    result: DisciplineResult,
    out: TextIO,
    lang: Lang = "id",
    names: Mapping[str, str] | None = None,
    *,
    contacts: Iterable[Contact] | Mapping[str, Contact] | None = None,
) -> int:
    """Write one CSV row per sanction, in time order; return the number of rows.

    At the same moment, an escalation comes after the sanctions it counts.

    Columns: ``id``, ``nip``, ``nama``/``name``, ``unit``, ``tanggal``/``date``
    and ``pukul``/``time`` (of the last event behind it: the moment the
    sanction became due), ``klausul``/``clause``, ``sanksi``/``sanction``
    (the rule's id), ``judul``/``title``, ``jendela``/``window`` (the day,
    ISO week, month or evaluation period it counts in, as the engine names
    it), ``dasar``/``behind`` (the ids of the breaches or sanctions counted,
    ``;``-separated), ``kontak``/``contacts`` (the contact ids behind it, also
    through the sanctions it counts) and ``alasan``/``reason``.
    ``contacts`` is accepted for symmetry with :func:`write_breaches_csv`.
    """
    names = names or {}
    explain = Explainer(result, lang, contacts)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([message(f"discipline.col-{f}", lang) for f in _SANCTION_FIELDS])
    for s in explain.sanctions_in_order():
        writer.writerow(
            [
                s.id,
                s.nip,
                names.get(s.nip, ""),
                s.unit,
                s.date.isoformat(),
                _local_time(s.at),
                s.clause,
                s.rule,
                s.title or "",
                s.window,
                "; ".join(s.behind),
                "; ".join(explain.contacts_of(s.id)),
                explain.sanction_reason(s),
            ]
        )
    return len(result.sanctions)


# ---------------------------------------------------------------- JSON
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def breach_object(b: Breach, explain: Explainer, names: Mapping[str, str]) -> dict[str, object]:
    """A breach as a JSON-ready dict (the objects of :func:`write_json`)."""
    return {
        "id": b.id,
        "rule": b.rule,
        "clause": b.clause,
        "title": b.title,
        "nip": b.nip,
        "name": names.get(b.nip),
        "unit": b.unit,
        "date": b.date.isoformat(),
        "at": b.at.isoformat(),
        "contact": b.contact,
        "sanctions": list(explain.counted_by.get(b.id, ())),
        "reason": explain.breach_reason(b),
    }


def sanction_object(s: Sanction, explain: Explainer, names: Mapping[str, str]) -> dict[str, object]:
    """A sanction as a JSON-ready dict (the objects of :func:`write_json`)."""
    return {
        "id": s.id,
        "rule": s.rule,
        "clause": s.clause,
        "title": s.title,
        "nip": s.nip,
        "name": names.get(s.nip),
        "unit": s.unit,
        "window": s.window,
        "date": s.date.isoformat(),
        "at": s.at.isoformat(),
        "behind": list(s.behind),
        "contacts": list(explain.contacts_of(s.id)),
        "sanctions": list(explain.counted_by.get(s.id, ())),
        "reason": explain.sanction_reason(s),
    }


def _warning_object(d: Diagnostic, lang: Lang) -> dict[str, object]:
    return {
        "code": d.code,
        "severity": d.severity.value,
        "message": d.message(lang),
        "text": render(d, lang),
    }


def write_json(
    result: DisciplineResult,
    out: TextIO,
    lang: Lang = "id",
    names: Mapping[str, str] | None = None,
    *,
    contacts: Iterable[Contact] | Mapping[str, Contact] | None = None,
) -> int:
    """Write the result as one JSON object to ``out``; return the number of breaches and sanctions.

    Keys (English in both languages): ``counted`` (contacts counted);
    ``skipped``: reason code (a :class:`~edaran.discipline.Skipped` value) ->
    ``{"count": n, "reason": text in lang}``; ``warnings`` (``code``,
    ``severity``, ``message``, ``text``); ``breaches``: objects with ``id``,
    ``rule``, ``clause``, ``title``, ``nip``, ``name`` (null when unknown),
    ``unit``, ``date``, ``at`` (ISO with offset, in the circular's zone),
    ``contact``, ``sanctions`` (ids of the sanctions counting it) and
    ``reason``; ``sanctions``: ``id``, ``rule``, ``clause``, ``title``,
    ``nip``, ``name``, ``unit``, ``window``, ``date``, ``at``, ``behind``,
    ``contacts``, ``sanctions`` (escalations counting it) and ``reason``.
    Breaches in the engine's order, sanctions as in :func:`write_sanctions_csv`;
    one per line, so a large file stays readable with ``grep``.
    """
    names = names or {}
    explain = Explainer(result, lang, contacts)
    head = {
        "counted": result.counted,
        "skipped": {
            reason: {"count": count, "reason": skipped_reason(reason, lang)}
            for reason, count in skipped_items(result)
        },
        "warnings": [_warning_object(d, lang) for d in result.warnings],
    }
    text = json.dumps(head, ensure_ascii=False, indent=1)
    out.write(text[: text.rindex("}")].rstrip() + ",\n")
    rows = 0
    parts: tuple[tuple[str, list[dict[str, object]]], ...] = (
        ("breaches", [breach_object(b, explain, names) for b in result.breaches]),
        ("sanctions", [sanction_object(s, explain, names) for s in explain.sanctions_in_order()]),
    )
    for key, objects in parts:
        out.write(f' "{key}": [')
        for i, obj in enumerate(objects):
            out.write(("," if i else "") + "\n  " + _ENCODER.encode(obj))
            rows += 1
        out.write("\n ]" if objects else "]")
        out.write(",\n" if key == "breaches" else "\n}\n")
    return rows


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


def _table(rows: Sequence[Sequence[object]], rule_after: Sequence[int]) -> list[str]:
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]

    def line(cells: Sequence[object]) -> str:
        first = f"{cells[0]!s:<{widths[0]}}"
        rest = (f"{c!s:>{w}}" for c, w in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([first, *rest]).rstrip()

    out = []
    rule = "-" * len(line(rows[0]))
    for i, cells in enumerate(rows):
        out.append(line(cells))
        if i in rule_after:
            out.append(rule)
    return out


def summary_text(result: DisciplineResult, lang: Lang = "id") -> str:
    """A plain-text table per unit for the terminal.

    A heading with the dates, the contacts counted and set aside and the
    totals; one line per unit with a breach: people in breach, breaches, and
    sanctions per step of the ladder (columns headed by the rule's id without
    ``butir``, explained below the table); a total line; then the contacts set
    aside, by reason, and the count of warnings.
    """
    span = date_span(result)
    dates = message("discipline.sum-dates", lang, first=span[0], last=span[1]) if span else ""
    skipped = sum(result.skipped.values())
    out = [
        message(
            "discipline.sum-head",
            lang,
            dates=dates,
            counted=result.counted,
            skipped=skipped,
            breaches=len(result.breaches),
            sanctions=len(result.sanctions),
        )
    ]
    rows = unit_counts(result)
    steps = sanction_steps(result)
    if rows:
        heads: list[object] = [
            message("discipline.unit", lang),
            message("discipline.in-breach", lang),
            message("discipline.breaches", lang),
        ]
        heads += [short_label(step) for step in steps]
        table: list[list[object]] = [heads]
        for r in rows:
            table.append(
                [
                    r.code,
                    len(r.people),
                    sum(r.breaches.values()),
                    *(r.sanctions[s] for s in steps),
                ]
            )
        total: list[object] = [message("discipline.total", lang), sum(len(r.people) for r in rows)]
        total += [len(result.breaches), *(sum(r.sanctions[s] for r in rows) for s in steps)]
        table.append(total)
        out += _table(table, rule_after=(0, len(table) - 2))
        if steps:
            out.append(message("discipline.sum-steps", lang))
            titles = {s.rule: s.title for s in result.sanctions}
            for step in steps:
                title = titles.get(step)
                out.append(f"  {short_label(step)}: {step}" + (f" — {title}" if title else ""))
    else:
        out.append(message("discipline.sum-none", lang))
    items = skipped_items(result)
    if items:
        out.append(message("discipline.sum-skipped", lang))
        texts = [(skipped_reason(r, lang), n) for r, n in items]
        width = max(len(t) for t, _ in texts)
        count_width = max(len(str(n)) for _, n in texts)
        out += [f"  {t:<{width}}  {n:>{count_width}}" for t, n in texts]
    else:
        out.append(message("discipline.sum-no-skipped", lang))
    count = len(result.warnings)
    out.append(
        message(
            "discipline.sum-warnings",
            lang,
            count=count,
        )
    )
    return "\n".join(out)


# ---------------------------------------------------------------- history
def person_history(
    result: DisciplineResult,
    nip: str,
    lang: Lang = "id",
    names: Mapping[str, str] | None = None,
    *,
    contacts: Iterable[Contact] | Mapping[str, Contact] | None = None,
) -> str:
    """One person's breaches and sanctions in time order, each with its clause and events.

    A heading (NIP, name, unit), one line per breach or sanction
    (``2026-04-10 09:00:00  pelanggaran  <reason>``; at the same moment a
    breach comes before the sanction it completes), and a total by rule.
    """
    names = names or {}
    explain = Explainer(result, lang, contacts)
    mine: list[Breach | Sanction] = [b for b in result.breaches if b.nip == nip]
    mine += [s for s in result.sanctions if s.nip == nip]
    mine.sort(key=explain.order)
    who = nip + (f" {names[nip]}" if names.get(nip) else "")
    units = list(dict.fromkeys(e.unit for e in mine))
    if units:
        who += ", " + message("discipline.hist-unit", lang, unit=", ".join(units))
    out = [message("discipline.hist-head", lang, who=who)]
    if not mine:
        out.append(message("discipline.hist-none", lang))
        return "\n".join(out)
    kinds = [message("discipline.hist-breach", lang), message("discipline.hist-sanction", lang)]
    width = max(len(k) for k in kinds)
    for e in mine:
        kind = kinds[0] if isinstance(e, Breach) else kinds[1]
        stamp = f"{e.date.isoformat()} {_local_time(e.at)}"
        out.append(f"{stamp}  {kind:<{width}}  {explain.reason(e)}")
    breaches = Counter(e.rule for e in mine if isinstance(e, Breach))
    sanctions = Counter(e.rule for e in mine if isinstance(e, Sanction))

    def listed(counts: Counter[str]) -> str:
        if not counts:
            return ""
        return " (" + ", ".join(f"{rule} {n}" for rule, n in sorted(counts.items())) + ")"

    nb, ns = sum(breaches.values()), sum(sanctions.values())
    out.append(
        message(
            "discipline.hist-total",
            lang,
            breaches=nb,
            sanctions=ns,
            breach_kinds=listed(breaches),
            sanction_kinds=listed(sanctions),
        )
    )
    return "\n".join(out)


# ---------------------------------------------------------------- Excel
def write_xlsx(
    result: DisciplineResult,
    path: Path | str,
    lang: Lang = "id",
    names: Mapping[str, str] | None = None,
    *,
    contacts: Iterable[Contact] | Mapping[str, Contact] | None = None,
    units: Mapping[str, str] | None = None,
) -> Path:
    """Write an Excel workbook for heads of unit; return its path.

    A first sheet ``Ringkasan``/``Summary``: per unit, the people in breach,
    breaches by rule and sanctions by step, a total line, the contacts
    counted and set aside by reason, a legend of the rules and the warnings.
    Then one sheet per unit (named by its code, ``units`` gives the names for
    the titles): each sanction (per person, in time order) in a shaded row
    with its reason, the breaches or sanctions behind it on the rows below;
    then the breaches that have not (yet) led to a sanction.  NIPs are text,
    dates are dates.  The file is byte-identical between runs (its dates come
    from the data).  Needs the ``excel`` extra.
    """
    require_format("xlsx")
    from edaran.discipline.xlsx import build_workbook

    target = Path(path)
    explain = Explainer(result, lang, contacts)
    target.write_bytes(build_workbook(result, explain, names or {}, units or {}, lang))
    return target
