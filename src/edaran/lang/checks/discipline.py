"""Checking the discipline blocks: ``kewajiban``, ``pelanggaran`` and ``sanksi`` (butir 10.b-d).

The pass :func:`discipline` checks the blocks; the examples pass calls
:func:`check_example_contacts` for the contacts and counts of a ``contoh``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from edaran.core import types as t
from edaran.core.diagnostics import Diagnostic
from edaran.core.suggest import suggest
from edaran.lang import ir
from edaran.lang import nodes as n
from edaran.lang.checks.limits import WINDOWS
from edaran.lang.checks.shared import Report, misplaced_record, reads_contacts, unique_citations
from edaran.lang.checks.state import State
from edaran.lang.expressions import ExprChecker
from edaran.messages import Localized
from edaran.model.calendar import zone as time_zone
from edaran.model.workforce import Channel

__all__ = [
    "ATTENDANCE_WORDS",
    "check_discipline",
    "check_example_attendance",
    "check_example_contacts",
    "discipline",
]


#: The words of ``presensi KIND``, Indonesian and English (AttendanceKind values).
ATTENDANCE_WORDS = {
    "masuk": "masuk",
    "check_in": "masuk",
    "pulang": "pulang",
    "check_out": "pulang",
    "laporan": "laporan",
    "report": "laporan",
    "verifikasi": "verifikasi",
    "verification": "verifikasi",
}
#: Metres in a unit of ``dalam radius N UNIT``.
_LENGTHS = {"m": 1, "meter": 1, "metre": 1, "km": 1000, "kilometer": 1000, "kilometre": 1000}
#: A sliding window's units (``dalam 30 menit``).
_SPANS = {
    "menit": dt.timedelta(minutes=1),
    "minute": dt.timedelta(minutes=1),
    "minutes": dt.timedelta(minutes=1),
    "jam": dt.timedelta(hours=1),
    "hour": dt.timedelta(hours=1),
    "hours": dt.timedelta(hours=1),
    "hari": dt.timedelta(days=1),
    "day": dt.timedelta(days=1),
    "days": dt.timedelta(days=1),
}


def _times(
    pair: tuple[n.TimeLit, n.TimeLit], exprs: ExprChecker, report: Report
) -> tuple[dt.time, dt.time] | None:
    start, end = (exprs.check(x) for x in pair)
    if not (isinstance(start, ir.Const) and isinstance(end, ir.Const)):
        return None
    begin, finish = start.value, end.value
    assert isinstance(begin, dt.time) and isinstance(finish, dt.time)  # TIME by typing
    if not begin < finish:
        report(Diagnostic("E123", pair[1].span, {"start": pair[0].text, "end": pair[1].text}))
        return None
    return begin, finish


def _attendance_duty(
    decl: n.DutyDecl, exprs: ExprChecker, chosen: frozenset[str], report: Report
) -> ir.DutyIR | None:
    """A duty met by attendance records (``presensi masuk pukul 07:30 sampai 08:00``)."""
    line = decl.attendance
    assert line is not None
    ok = True
    if decl.hours is not None or decl.checklist is not None:
        report(Diagnostic("E619", decl.attendance.span if decl.attendance else decl.span, {}))
        ok = False
    kind = ATTENDANCE_WORDS.get(line.kind.name.casefold())
    if kind is None:
        hints = suggest(line.kind.name, ATTENDANCE_WORDS)
        report(Diagnostic("E615", line.kind.span, {"word": line.kind.name}, suggestions=hints))
        ok = False
    window = _times(line.window, exprs, report) if line.window is not None else None
    if line.window is not None and window is None:
        ok = False
    radius, address = None, None
    if decl.radius is not None:
        radius, address = _radius(decl.radius, exprs, report)
        ok = ok and radius is not None
    if decl.verified and kind == "verifikasi":
        report(Diagnostic("E618", decl.span, {}))
        ok = False
    parts = [exprs.condition(c) for c in decl.conditions]
    if any(p is None for p in parts) or not ok:
        return None
    condition = ir.conjunction(p for p in parts if p is not None)
    return ir.DutyIR(
        decl.citation.label,
        decl.citation.clause,
        decl.title,
        chosen,
        None,
        span=decl.span,
        condition=condition,
        attendance=kind,
        window=window,
        radius_m=radius,
        address=address,
        verified=decl.verified,
    )


def _radius(
    radius: n.Radius, exprs: ExprChecker, report: Report
) -> tuple[Decimal | None, str | None]:
    """Metres and the address prefix of ``dalam radius 100 m dari rumah``."""
    metres = _LENGTHS.get(radius.unit.name.casefold())
    amount = Decimal(radius.amount)
    if metres is None or amount <= 0:
        hints = tuple(suggest(radius.unit.name, _LENGTHS)) if metres is None else ()
        args = {"amount": radius.amount, "unit": radius.unit.name}
        report(Diagnostic("E617", radius.span, args, suggestions=hints))
        return None, None
    prefix = radius.address.name
    for axis in ("lat", "lon"):
        fact = n.Name(("pegawai", f"{prefix}_{axis}"), span=radius.address.span)
        typed = exprs.check(fact)
        if typed is None:
            return None, None
        if typed.type not in (t.DECIMAL, t.INT):
            problem: dict[str, object] = {
                "name": f"pegawai.{prefix}_{axis}",
                "type": t.TypeName(typed.type),
            }
            report(Diagnostic("E616", radius.address.span, problem))
            return None, None
    return amount * metres, prefix


def _duty(
    decl: n.DutyDecl, exprs: ExprChecker, modes: t.EnumType, report: Report
) -> ir.DutyIR | None:
    chosen: frozenset[str] = frozenset(str(v) for _, v in modes.members if v == "WFH")
    if decl.modes is not None:
        typed = exprs.check(decl.modes, t.SetType(modes))
        if not isinstance(typed, ir.Const):
            return None
        chosen = frozenset(str(v) for v in typed.value)  # type: ignore[attr-defined]  # a frozenset by typing
    if decl.attendance is not None:
        return _attendance_duty(decl, exprs, chosen, report)
    if decl.conditions or decl.radius is not None or decl.verified:
        report(Diagnostic("E619", decl.span, {}))
        return None
    hours: tuple[dt.time, dt.time] | None = None
    if decl.hours is not None:
        start, end = (exprs.check(x) for x in decl.hours)
        if not (isinstance(start, ir.Const) and isinstance(end, ir.Const)):
            return None
        begin, finish = start.value, end.value
        assert isinstance(begin, dt.time) and isinstance(finish, dt.time)  # TIME by typing
        if not begin < finish:
            report(
                Diagnostic(
                    "E123",
                    decl.hours[1].span,
                    {"start": decl.hours[0].text, "end": decl.hours[1].text},
                )
            )
            return None
        hours = (begin, finish)
    return ir.DutyIR(
        decl.citation.label, decl.citation.clause, decl.title, chosen, hours, span=decl.span
    )


def _breach(decl: n.BreachDecl, exprs: ExprChecker) -> ir.BreachIR | None:
    parts = [exprs.condition(c) for c in decl.conditions]
    if any(p is None for p in parts):
        return None
    condition = ir.conjunction(p for p in parts if p is not None)
    return ir.BreachIR(
        decl.citation.label, decl.citation.clause, decl.title, condition, span=decl.span
    )


def _window_word(ident: n.Ident, report: Report) -> str | None:
    window = WINDOWS.get(ident.name)
    if window is None:
        report(
            Diagnostic(
                "E117",
                ident.span,
                {"word": ident.name, "what": Localized("what.window")},
                suggestions=suggest(ident.name, WINDOWS),
            )
        )
    return window


def _sliding(decl: n.SanctionDecl, report: Report) -> dt.timedelta | None:
    assert decl.within is not None
    amount, unit = decl.within
    step = _SPANS.get(unit.name.casefold())
    if step is None or int(amount) < 1:
        hints = tuple(suggest(unit.name, _SPANS)) if step is None else ()
        report(
            Diagnostic("E620", unit.span, {"amount": amount, "unit": unit.name}, suggestions=hints)
        )
        return None
    return step * int(amount)


def _cut(decl: n.SanctionDecl, exprs: ExprChecker, report: Report) -> Decimal | bool | None:
    """The cut per day, None without one, False after reporting a problem."""
    if decl.cut is None:
        return None
    money, word = decl.cut
    if WINDOWS.get(word.name) != "hari":
        report(Diagnostic("E621", word.span, {"word": word.name}))
        return False
    typed = exprs.check(money)
    if not isinstance(typed, ir.Const):
        return False
    value = typed.value
    assert isinstance(value, Decimal)  # a MoneyLit is a Decimal of Rupiah
    return value


def _sanction(
    decl: n.SanctionDecl,
    breaches: set[str],
    earlier: list[str],
    report: Report,
    exprs: ExprChecker | None = None,
) -> ir.SanctionIR | None:
    within = None
    if decl.within is not None:
        within = _sliding(decl, report)
        if within is None:
            return None
        window: str | None = ""
    elif decl.consecutive:
        window = ""
    else:
        assert decl.window is not None  # the grammar gives one
        window = _window_word(decl.window, report)
    if window is None:
        return None
    cut = _cut(decl, exprs, report) if exprs is not None else None
    if cut is False:
        return None
    every = int(decl.every)
    if every < 1:
        report(Diagnostic("E120", decl.span, {"value": decl.every}))
        return None
    known = breaches if decl.counts == "breaches" else set(earlier)
    of = []
    for citation in decl.of:
        if citation.label not in known:
            code = (
                "E125" if decl.counts == "sanctions" and citation.label not in breaches else "E104"
            )
            report(
                Diagnostic(
                    code,
                    citation.span,
                    {"ref": citation.label},
                    suggestions=suggest(citation.label, known),
                )
            )
            return None
        of.append(citation.label)
    return ir.SanctionIR(
        decl.citation.label,
        decl.citation.clause,
        decl.title,
        every,
        decl.counts,
        tuple(of),
        window,
        span=decl.span,
        within=within,
        consecutive=decl.consecutive,
        cut_per_day=cut if isinstance(cut, Decimal) else None,
    )


def check_discipline(
    items: Sequence[n.Item], exprs: ExprChecker, modes: t.EnumType, report: Report
) -> tuple[list[ir.DutyIR], list[ir.BreachIR], list[ir.SanctionIR]]:
    """The checked duties, breaches and sanctions of a file."""
    # A duty with a checklist (butir 10.a) is checked with the quotas.
    duty_decls = [i for i in items if isinstance(i, n.DutyDecl) and i.checklist is None]
    breach_decls = [i for i in items if isinstance(i, n.BreachDecl)]
    sanction_decls = [i for i in items if isinstance(i, n.SanctionDecl)]
    unique_citations(duty_decls, report)
    breach_ids = unique_citations(breach_decls, report)
    unique_citations(sanction_decls, report)
    duties = [d for d in (_duty(x, exprs, modes, report) for x in duty_decls) if d is not None]
    breaches = [b for b in (_breach(x, exprs) for x in breach_decls) if b is not None]
    if breach_decls and not any(d.attendance is None for d in duty_decls):
        report(Diagnostic("E124", breach_decls[0].span, {}))
    # An attendance duty's breaches are counted under the duty's citation.
    counted = breach_ids | {d.citation.label for d in duty_decls if d.attendance is not None}
    sanctions: list[ir.SanctionIR] = []
    for decl in sanction_decls:
        checked = _sanction(decl, counted, [s.id for s in sanctions], report, exprs)
        if checked is not None:
            sanctions.append(checked)
    return duties, breaches, sanctions


def check_example_contacts(
    example: n.Example, day: dt.date, zone: str, exprs: ExprChecker, report: Report
) -> tuple[tuple[tuple[object, dt.datetime, dt.datetime | None, str | None], ...], bool]:
    """A ``contoh``'s contacts (aware, in the file's zone), and whether all are valid."""
    tz = time_zone(zone)
    contacts = []
    ok = True
    for line in example.contacts:
        channel = _channel(line.channel.name)
        if channel is None:
            words = ["panggilan", "pesan", "call", "message"]
            report(
                Diagnostic(
                    "E205",
                    line.channel.span,
                    {"name": line.channel.name, "type": "saluran"},
                    suggestions=suggest(line.channel.name, words),
                )
            )
            ok = False
            continue
        sent = _at(day, line.sent, exprs, tz)
        answered = None
        if line.answered and line.answer_time is not None:
            answer_day = exprs.date(line.answer_date) if line.answer_date else day
            answered = _at(answer_day or day, line.answer_time, exprs, tz)
            if sent is not None and answered is not None and answered < sent:
                report(
                    Diagnostic(
                        "E126",
                        line.answer_time.span,
                        {"sent": line.sent.text, "answered": line.answer_time.text},
                    )
                )
                ok = False
        if sent is None or (line.answered and answered is None):
            ok = False
            continue
        contacts.append((channel, sent, answered, line.reason))
    return tuple(contacts), ok


def check_example_attendance(
    example: n.Example, day: dt.date, zone: str, exprs: ExprChecker, report: Report
) -> tuple[tuple[tuple[str, dt.datetime, tuple[float, float] | None], ...], bool]:
    """A ``contoh``'s attendance events (kind, aware time, location), and whether all are valid."""
    tz = time_zone(zone)
    events = []
    ok = True
    for line in example.attendance:
        kind = ATTENDANCE_WORDS.get(line.kind.name.casefold())
        if kind is None:
            hints = tuple(suggest(line.kind.name, ATTENDANCE_WORDS))
            report(Diagnostic("E615", line.kind.span, {"word": line.kind.name}, suggestions=hints))
            ok = False
            continue
        on = exprs.date(line.date) if line.date is not None else day
        at = _at(on, line.time, exprs, tz) if on is not None else None
        if at is None:
            ok = False
            continue
        where = None
        if line.location is not None:
            lat, lon = (float(x) for x in line.location)
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                report(
                    Diagnostic(
                        "E622", line.span, {"lat": line.location[0], "lon": line.location[1]}
                    )
                )
                ok = False
                continue
            where = (lat, lon)
        events.append((kind, at, where))
    return tuple(events), ok


def _channel(word: str) -> Channel | None:
    words = {
        "panggilan": Channel.PANGGILAN,
        "call": Channel.PANGGILAN,
        "pesan": Channel.PESAN,
        "message": Channel.PESAN,
    }
    return words.get(word.casefold())


def _at(day: dt.date, time: n.TimeLit, exprs: ExprChecker, tz: dt.tzinfo) -> dt.datetime | None:
    typed = exprs.check(time)
    if not isinstance(typed, ir.Const):
        return None
    return dt.datetime.combine(day, typed.value, tzinfo=tz)  # type: ignore[arg-type]  # a time by typing


def discipline(state: State) -> None:
    """Check the duties, breaches and sanctions; a breach may read contacts, not records."""
    state.duties, state.breaches, state.sanctions = check_discipline(
        state.items, state.exprs, state.modes, state.report
    )
    for breach in state.breaches:
        misplaced_record(breach.condition, state.report)
    # A duty's condition is read about a person's day: no contact (E122) and no
    # record is there to read (an attendance duty read `kontak.terjawab` and the
    # attendance engine failed on it).
    for duty in state.duties:
        contact = reads_contacts(duty.condition)
        if contact is not None:
            state.error("E122", contact.span, name=contact.written)
        misplaced_record(duty.condition, state.report)
