"""Contact logs (butir 10.b-d): calls and messages to staff, read from CSV or JSON lines.

A phone or chat system exports one contact per row: ``id, nip, pengirim,
saluran, dikirim, dijawab, alasan`` (English ``id, nip, sender, channel,
sent_at, answered_at, reason``).  A file ending in ``.jsonl``, ``.ndjson`` or
``.jsonlines`` holds one JSON object per line with the same keys; anything
else is read as CSV (:func:`edaran.io.table.read_table`: encodings, ``;``,
size and binary guards).  A time without a zone takes the rule file's zone.

Every problem is a diagnostic with its file, line and column.  A bad row is an
error, so the caller refuses the log ("never silently"); with
``skip_bad_rows`` it is a warning, the row is left out and a closing warning
counts the rows left out.  Bad input never raises.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import attrs

from edaran.core.diagnostics import Diagnostic, Label, Severity, Source, Span
from edaran.core.suggest import suggest
from edaran.io.cells import BadValue, enum_key, parse_nip
from edaran.io.roster import Roster
from edaran.io.table import (
    DEFAULT_MAX_BYTES,
    MAX_DIAGNOSTICS,
    Table,
    _load_text,
    column_key,
    file_diagnostic,
    read_table,
)
from edaran.model.workforce import Channel, Contact

__all__ = [
    "CHANNEL_WORDS",
    "COLUMNS",
    "JSONL_SUFFIXES",
    "ZONE_NAMES",
    "merge_contacts",
    "parse_timestamp",
    "read_contact_logs",
    "read_contacts",
]

#: The columns (CSV) or keys (JSON lines) of a contact log, in Indonesian.
COLUMNS = ("id", "nip", "pengirim", "saluran", "dikirim", "dijawab", "alasan")
_ALIASES = {
    "sender": "pengirim",
    "channel": "saluran",
    "sent_at": "dikirim",
    "answered_at": "dijawab",
    "reason": "alasan",
}
_KNOWN = {**{name: name for name in COLUMNS}, **_ALIASES}
#: File name endings read as JSON lines; every other file is read as CSV.
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")

_CALLS = (
    "panggilan telepon telpon telfon telp tlp call phone voice voice_call "
    "panggilan_suara panggilan_video video_call vcall vc panggilan_wa telepon_wa "
    "wa_call whatsapp_call panggilan_whatsapp"
)
_MESSAGES = "pesan message msg sms wa whatsapp pesan_wa chat teks text telegram dm"
#: Accepted spellings of ``saluran`` (by :func:`enum_key`: any case, spaces = ``_``).
CHANNEL_WORDS: Mapping[str, Channel] = {
    **{word: Channel.PANGGILAN for word in _CALLS.split()},
    **{word: Channel.PESAN for word in _MESSAGES.split()},
}

#: Indonesian zone names a timestamp may end with; none of them has daylight saving.
ZONE_NAMES: Mapping[str, dt.tzinfo] = {
    "WIB": dt.timezone(dt.timedelta(hours=7), "WIB"),
    "WITA": dt.timezone(dt.timedelta(hours=8), "WITA"),
    "WIT": dt.timezone(dt.timedelta(hours=9), "WIT"),
    "UTC": dt.UTC,
    "Z": dt.UTC,
}
_TIMESTAMP = re.compile(
    r"(?:(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"|(?P<d2>\d{1,2})[/-](?P<m2>\d{1,2})[/-](?P<y2>\d{4}))"
    r"(?:[Tt]|\s+)(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:[:.](?P<S>\d{2})(?:[.,](?P<f>\d{1,6}))?)?"
    r"\s*(?:(?P<sign>[+-])(?P<oh>\d{2})(?::?(?P<om>\d{2}))?|(?P<name>[A-Za-z]{1,4}))?"
)


_ISO_LENGTHS = frozenset({16, 19, 25})  # minutes; seconds; seconds and a +hh:mm offset


@functools.cache
def _fixed_zone(offset: dt.timedelta) -> dt.tzinfo:
    """One zone object per offset: datetimes sharing it compare without conversions."""
    return dt.timezone(offset)


def parse_timestamp(text: str, tz: dt.tzinfo) -> dt.datetime:
    """An aware datetime from ``2026-04-10T09:00:00+07:00``, ``2026-04-10 09:00``,
    ``10/04/2026 09.00 WIB`` and the like; a time without a zone takes ``tz``.

    Raises :class:`BadValue` (``D043``) for anything else, including a date
    without a time.
    """
    text = text.strip()
    if len(text) in _ISO_LENGTHS and text[10] in "T " and text[4] == text[7] == "-":
        try:  # the common case, fast: 2026-04-10T09:00:05+07:00, 2026-04-10 09:00
            moment = dt.datetime.fromisoformat(text)
            offset = moment.utcoffset()
            return moment.replace(tzinfo=tz if offset is None else _fixed_zone(offset))
        except ValueError:
            pass  # the pattern below says what is wrong, or reads what this does not
    match = _TIMESTAMP.fullmatch(text)
    if match is None:
        raise BadValue("D043", {"value": text})
    g = match.groupdict()
    zone, sign, name = tz, g["sign"], (g["name"] or "").upper()
    if sign and int(g["oh"]) <= 14 and int(g["om"] or 0) <= 59:
        offset = dt.timedelta(hours=int(g["oh"]), minutes=int(g["om"] or 0))
        zone = _fixed_zone(-offset if sign == "-" else offset)
    elif sign or (name and name not in ZONE_NAMES):
        raise BadValue("D043", {"value": text})
    elif name:
        zone = ZONE_NAMES[name]
    date = (g["y"], g["m"], g["d"]) if g["y"] else (g["y2"], g["m2"], g["d2"])
    year, month, day, hour, minute, second = (int(x) for x in (*date, g["H"], g["M"], g["S"] or 0))
    micro = int((g["f"] or "0").ljust(6, "0"))
    try:
        return dt.datetime(year, month, day, hour, minute, second, micro, tzinfo=zone)
    except ValueError:
        raise BadValue("D043", {"value": text}) from None


# -- one record, from either format ----------------------------------------------------

#: Where a field stands: its span and the message arguments naming it.
_Where = Callable[[str], tuple[Span, dict[str, Any]]]


class _Record:
    """One row of a CSV file or one line of a JSON lines file, before it is checked."""

    __slots__ = ("line", "problems", "values", "where")

    def __init__(self, line: int, values: dict[str, str], where: _Where) -> None:
        self.line = line
        self.values = values  # canonical name -> trimmed text, "" when empty or absent
        self.where = where
        self.problems: list[tuple[str, dict[str, Any]]] = []  # found while reading it


def _csv_records(table: Table) -> Iterator[_Record]:
    columns = [(name, table.columns[name]) for name in COLUMNS if table.has(name)]
    for row in table.rows:
        values = {name: row.cells[index].strip() for name, index in columns}
        yield _Record(row.line, values, functools.partial(table.where, row))


class _Pairs(list[tuple[str, Any]]):
    """The members of a JSON object in the order written (repeated keys kept)."""


class _JsonLines:
    """The records of a JSON lines text, with spans inside each line."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.unknown_keys: dict[str, Diagnostic] = {}  # D051, once per key

    def records(self) -> Iterator[_Record]:
        offset = 0
        for number, line in enumerate(self.source.text.split("\n"), start=1):
            if line.strip():
                yield self._record(number, offset, line)
            offset += len(line) + 1

    def _record(self, number: int, offset: int, line: str) -> _Record:
        spelt: dict[str, tuple[str, int]] = {}  # canonical -> (key as written, position)
        record = _Record(number, {}, lambda name: self._where(offset, line, name, spelt))
        try:
            pairs = json.loads(line, object_pairs_hook=_Pairs)
        except json.JSONDecodeError as err:
            return self._unreadable(record, offset + err.colno - 1, offset + len(line), err.msg)
        except ValueError:  # int() refuses more than 4,300 digits
            return self._unreadable(record, offset, offset + len(line), "a number too long")
        except RecursionError:
            return self._unreadable(record, offset, offset + len(line), "nested too deep")
        if not isinstance(pairs, _Pairs):
            return self._unreadable(record, offset, offset + len(line), "not an object {...}")
        for position, (key, value) in enumerate(pairs, start=1):
            name = _KNOWN.get(column_key(key))
            if name is None:
                if key not in self.unknown_keys:
                    span = self._key_span(offset, line, key)
                    hints = tuple(suggest(key, _KNOWN))
                    warning = Diagnostic(
                        "D051", span, {"key": key}, Severity.WARNING, suggestions=hints
                    )
                    self.unknown_keys[key] = warning
            elif name in spelt:
                first = spelt[name][1]
                args: dict[str, Any] = {"key": key, "column": key, "index": position}
                record.problems.append(("D013", {**args, "first": first}))
            else:
                spelt[name] = (key, position)
                if value is None or isinstance(value, str):
                    record.values[name] = (value or "").strip()
                elif isinstance(value, int) and not isinstance(value, bool):
                    record.values[name] = str(value)
                else:
                    shown = json.dumps(value, ensure_ascii=False)[:40]
                    record.problems.append(("D049", {"key": name, "value": shown}))
        return record

    def _unreadable(self, record: _Record, start: int, end: int, reason: str) -> _Record:
        span = self.source.span(start, end)
        record.where = lambda _: (span, {})
        record.problems.append(("D048", {"reason": reason}))
        return record

    def _key_span(self, offset: int, line: str, key: str) -> Span:
        quoted = json.dumps(key, ensure_ascii=False)
        start = offset + max(line.find(quoted), 0)
        return self.source.span(start, start + len(quoted))

    def _where(
        self, offset: int, line: str, name: str, spelt: Mapping[str, tuple[str, int]]
    ) -> tuple[Span, dict[str, Any]]:
        """The span of the value of ``name`` (or of a key so written), else the whole line."""
        key, position = spelt.get(name, (name, 0))
        found = re.search(re.escape(json.dumps(key, ensure_ascii=False)) + r"\s*:\s*", line)
        if found is None:
            return self.source.span(offset, offset + len(line)), {"column": key, "index": 0}
        try:
            end = json.JSONDecoder().raw_decode(line, found.end())[1]
        except json.JSONDecodeError:
            end = len(line)
        span = self.source.span(offset + found.end(), offset + end)
        return span, {"column": key, "index": position}


# -- checking a record -------------------------------------------------------------------


class _Checker:
    """Turns records into contacts, collecting their problems (at most MAX_DIAGNOSTICS)."""

    def __init__(self, roster: Roster | None, tz: dt.tzinfo, severity: Severity) -> None:
        self.roster = roster
        self.tz = tz
        self.severity = severity  # of a bad row's diagnostics
        self.head: list[Diagnostic] = []  # problems of whole files, never capped
        self.found: list[Diagnostic] = []  # problems of rows, at most MAX_DIAGNOSTICS
        self.hidden = 0
        self._nips: dict[str, str | BadValue] = {}  # NIP as written -> NIP or its problem
        self._senders: dict[str, str] = {}

    def add(self, diagnostic: Diagnostic) -> None:
        if len(self.found) < MAX_DIAGNOSTICS:
            self.found.append(diagnostic)
        else:
            self.hidden += 1

    def _problem(
        self, record: _Record, name: str, code: str, args: Mapping[str, Any], **extra: Any
    ) -> None:
        span, where = record.where(name)
        self.add(Diagnostic(code, span, {**where, **args}, self.severity, **extra))

    def _bad(self, record: _Record, name: str, err: BadValue) -> None:
        self._problem(
            record, name, err.code, err.args_, suggestions=err.suggestions, notes=err.notes
        )

    def contact(self, record: _Record, json_lines: bool) -> Contact | None:
        """The contact of a record, or None after reporting each of its problems."""
        before = len(self.found) + self.hidden
        problems = record.problems
        for code, args in problems:
            self._problem(record, args.get("key", ""), code, args)
        if problems and any(code == "D048" for code, _ in problems):
            return None  # not an object: nothing else to say about it
        values = record.values
        for name in COLUMNS[:5]:
            if not values.get(name) and all(a.get("key") != name for _, a in problems):
                self._problem(record, name, "D050" if json_lines else "D020", {})
        nip = self._nip(record, values.get("nip", ""))
        text = values.get("saluran", "")
        channel = CHANNEL_WORDS.get(enum_key(text))
        if channel is None and text:
            hints = tuple(suggest(enum_key(text), CHANNEL_WORDS, n=1))
            self._problem(record, "saluran", "D047", {"value": text}, suggestions=hints)
        sent, answered = self._time(record, "dikirim"), self._time(record, "dijawab")
        if sent is not None and answered is not None and answered < sent:
            labels = (Label(record.where("dikirim")[0], "data-label-sent-here"),)
            args = {"answered": answered.isoformat(), "sent": sent.isoformat()}
            self._problem(record, "dijawab", "D044", args, labels=labels)
        if len(self.found) + self.hidden > before or nip is None or channel is None:
            return None
        assert sent is not None
        reason = values.get("alasan") or None
        sender = self._senders.setdefault(values["pengirim"], values["pengirim"])  # shared
        return Contact(values["id"], nip, sender, channel, sent, answered, reason)

    def _nip(self, record: _Record, text: str) -> str | None:
        if not text:
            return None
        if text not in self._nips:
            try:
                nip = parse_nip(text)
                if self.roster is not None and self.roster.by_nip(nip) is None:
                    raise BadValue("D041", {"nip": nip}, _near_nips(nip, self.roster))
                self._nips[text] = nip
            except BadValue as err:
                self._nips[text] = err
        found = self._nips[text]
        if isinstance(found, BadValue):
            self._bad(record, "nip", found)
            return None
        return found

    def _time(self, record: _Record, name: str) -> dt.datetime | None:
        text = record.values.get(name, "")
        try:
            return parse_timestamp(text, self.tz) if text else None
        except BadValue as err:
            self._bad(record, name, err)
            return None


def _near_nips(nip: str, roster: Roster) -> list[str]:
    """Roster NIPs one mistyped digit or one swap of neighbours away, at most three."""
    near: set[str] = set()
    for i, digit in enumerate(nip):
        near.update(nip[:i] + d + nip[i + 1 :] for d in "0123456789" if d != digit)
        if i + 1 < len(nip):
            near.add(nip[:i] + nip[i + 1] + digit + nip[i + 2 :])
    return sorted(n for n in near if n != nip and roster.by_nip(n) is not None)[:3]


# -- files and logs ----------------------------------------------------------------------


class _Entry(NamedTuple):
    """A contact with where it came from: the file and, lazily, the span of its id."""

    contact: Contact
    path: str | None
    where: _Where | None

    def span(self) -> Span | None:
        return self.where("id")[0] if self.where is not None else None


def _read_one(path: str | Path, checker: _Checker, max_bytes: int) -> tuple[list[_Entry], int]:
    """The valid contacts of one file, and how many of its rows are bad.

    Problems of the whole file go to ``checker.head``; row problems through
    ``checker.add``.
    """
    name = str(path)
    json_lines = name.casefold().endswith(JSONL_SUFFIXES)
    if json_lines:
        text, found = _load_text(Path(path), name, max_bytes)
        # JSON lines have no header: an empty file is an export without contacts
        found = [attrs.evolve(d, severity=Severity.WARNING) if d.code == "D007" else d
                 for d in found]  # fmt: skip
        lines = _JsonLines(Source(name, text or ""))
        records: Iterable[_Record] = lines.records() if text is not None else ()
    else:
        table, found = read_table(path, COLUMNS, aliases=_ALIASES, max_bytes=max_bytes)
        records = _csv_records(table) if table is not None else ()
    bad = 0
    for diagnostic in found:
        if diagnostic.code == "D019":  # a row of the wrong width: a bad row like the others
            bad += 1
            checker.add(attrs.evolve(diagnostic, severity=checker.severity))
        else:
            checker.head.append(diagnostic)
    entries = []
    for record in records:
        contact = checker.contact(record, json_lines)
        if contact is None:
            bad += 1
        else:
            entries.append(_Entry(contact, name, record.where))
    if json_lines:
        checker.head.extend(lines.unknown_keys.values())
    return entries, bad


_COMPARED = ("nip", "pengirim", "saluran", "dikirim", "dijawab", "alasan")


def _merge(entries: Iterable[_Entry], checker: _Checker) -> tuple[list[_Entry], dict[str, int]]:
    """The union by id, the first of two different contacts with one id kept.

    Returns the entries kept, sorted by (dikirim, id), and, per file, how many
    of its rows lost a conflict.  An exact repeat is harmless: a warning within one
    file, nothing across two logs (overlapping exports).
    """
    kept: dict[str, _Entry] = {}
    lost: dict[str, int] = {}
    for entry in entries:
        contact = entry.contact
        first = kept.setdefault(contact.id, entry)
        if first is entry:
            continue
        first_span = first.span()
        labels = (Label(first_span, "data-label-first-here"),) if first_span else ()
        if first.contact == contact:
            if entry.path is not None and entry.path == first.path:
                args = {"id": contact.id}
                checker.add(Diagnostic("D046", entry.span(), args, Severity.WARNING, labels))
            continue
        differ = [f for f in _COMPARED if getattr(first.contact, f) != getattr(contact, f)]
        args = {"id": contact.id, "fields": ", ".join(differ)}
        checker.add(Diagnostic("D045", entry.span(), args, checker.severity, labels))
        lost[entry.path or ""] = lost.get(entry.path or "", 0) + 1
    return sorted(kept.values(), key=_order), lost


def _order(entry: _Entry) -> tuple[int, str]:
    """(dikirim, id), the instant as whole microseconds: sorting millions of aware
    datetimes in several zone objects converts each on every comparison."""
    return (entry.contact.dikirim - _EPOCH) // _MICROSECOND, entry.contact.id


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MICROSECOND = dt.timedelta(microseconds=1)


def _finish(checker: _Checker, order: Sequence[str]) -> list[Diagnostic]:
    """File problems and row problems by file and line, then the closing notes."""

    def key(d: Diagnostic) -> tuple[int, int]:
        path = d.span.path if d.span else ""
        return (order.index(path) if path in order else len(order), d.span.line if d.span else 0)

    found = sorted([*checker.head, *checker.found], key=key)
    if checker.hidden:
        args = {"count": checker.hidden, "limit": MAX_DIAGNOSTICS}
        found.append(Diagnostic("D036", None, args, Severity.NOTE))
    return found


def read_contact_logs(
    paths: Iterable[str | Path],
    *,
    roster: Roster | None = None,
    tz: dt.tzinfo,
    skip_bad_rows: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[list[Contact], list[Diagnostic]]:
    """Read several contact logs (parts of one export) as one, as :func:`read_contacts` does.

    A contact id found in two files with the same values is taken once; with
    different values it is ``D045``, pointing at both, and the first is kept.
    """
    checker = _Checker(roster, tz, Severity.WARNING if skip_bad_rows else Severity.ERROR)
    entries: list[_Entry] = []
    bad: dict[str, int] = {}
    names = [str(path) for path in ([paths] if isinstance(paths, str | Path) else paths)]
    collecting = gc.isenabled()
    gc.disable()  # the records hold no cycles; collections over millions of them double the time
    try:
        for name in names:
            found, bad[name] = _read_one(name, checker, max_bytes)
            entries += found
        kept, lost = _merge(entries, checker)
    finally:
        if collecting:
            gc.enable()
    diagnostics = _finish(checker, names)
    if skip_bad_rows:
        for name in names:
            if count := bad[name] + lost.get(name, 0):
                args = {"count": count, "kept": sum(e.path == name for e in kept)}
                diagnostics.append(file_diagnostic("D052", name, args, severity=Severity.WARNING))
    return [e.contact for e in kept], diagnostics


def read_contacts(
    path: str | Path,
    *,
    roster: Roster | None = None,
    tz: dt.tzinfo,
    skip_bad_rows: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[list[Contact], list[Diagnostic]]:
    """The contacts of a log, sorted by (dikirim, id), and every problem found.

    ``tz`` is the zone of times written without one (the rule file's:
    ``ZoneInfo("Asia/Jakarta")`` for WIB).  With ``roster``, every NIP must be
    in it.  Without ``skip_bad_rows`` each bad row is an error: refuse the log
    if any diagnostic is an error (the contacts returned are then only the
    valid rows).  With it, bad rows are warnings and left out, and ``D052``
    counts them.  A contact id used twice keeps its first row.  Never raises
    on bad input.
    """
    return read_contact_logs(
        [path], roster=roster, tz=tz, skip_bad_rows=skip_bad_rows, max_bytes=max_bytes
    )


def merge_contacts(*logs: Iterable[Contact]) -> tuple[list[Contact], list[Diagnostic]]:
    """The union of several logs by contact id, sorted by (dikirim, id).

    The same id with the same values in two logs is one contact, so a log fed
    in parts merges to the log read whole.  The same id with different values
    is an error ``D045`` (without a place: the contacts carry none); the first
    is kept, in the order of ``logs``.
    """
    checker = _Checker(None, dt.UTC, Severity.ERROR)
    entries = (_Entry(contact, None, None) for log in logs for contact in log)
    kept, _ = _merge(entries, checker)
    return [e.contact for e in kept], _finish(checker, ())
