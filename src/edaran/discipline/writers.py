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
:func:`write_xlsx` raises :class:`~edaran.core.diagnostics.EdaranError` ``D040``
(:func:`require_format` checks up front).  It is built in
``xlsx.py``, imported only inside :func:`write_xlsx`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import TextIO

from edaran.discipline.engine import Breach, DisciplineResult, Sanction
from edaran.discipline.presentation import (
    Explainer,
    date_span,
    local_time,
    sanction_steps,
    short_label,
    skipped_items,
    skipped_reason,
    unit_counts,
)
from edaran.io.publish import (
    csv_writer,
    json_document,
    json_form,
    require_format,
    text_table,
    warning_object,
)
from edaran.messages import Lang, message
from edaran.model.workforce import Contact

__all__ = [
    "cut_totals",
    "person_history",
    "summary_text",
    "write_breaches_csv",
    "write_json",
    "write_sanctions_csv",
    "write_xlsx",
]


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
    writer = csv_writer(out)
    writer.writerow([message(f"discipline.col-{f}", lang) for f in _BREACH_FIELDS])
    for b in result.breaches:
        writer.writerow(
            [
                b.id,
                b.nip,
                names.get(b.nip, ""),
                b.unit,
                b.date.isoformat(),
                local_time(b.at),
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
    When a sanction of the result carries an allowance cut, a last column
    ``potongan``/``cut`` gives it in Rupiah (empty for the others).
    """
    names = names or {}
    explain = Explainer(result, lang, contacts)
    writer = csv_writer(out)
    # An allowance cut (``potongan tunjangan``) adds a last column, in Rupiah.
    cuts = any(s.cut is not None for s in result.sanctions)
    fields = (*_SANCTION_FIELDS, "cut") if cuts else _SANCTION_FIELDS
    writer.writerow([message(f"discipline.col-{f}", lang) for f in fields])
    for s in explain.sanctions_in_order():
        cut = [str(s.cut) if s.cut is not None else ""] if cuts else []
        writer.writerow(
            [
                s.id,
                s.nip,
                names.get(s.nip, ""),
                s.unit,
                s.date.isoformat(),
                local_time(s.at),
                s.clause,
                s.rule,
                s.title or "",
                s.window,
                "; ".join(s.behind),
                "; ".join(explain.contacts_of(s.id)),
                explain.sanction_reason(s),
                *cut,
            ]
        )
    return len(result.sanctions)


# ---------------------------------------------------------------- JSON


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
        **({"kind": b.kind} if b.kind else {}),
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
        **({"cut": str(s.cut)} if s.cut is not None else {}),
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

    The object is :meth:`DisciplineResult.to_dict` (schema
    ``discipline.schema.json``).  Keys (English in both languages):
    ``provenance``; ``counted`` (contacts counted);
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
    out.write(json_document(result.to_dict(lang, names=names, contacts=contacts), _LINES))
    return len(result.breaches) + len(result.sanctions)


_LINES = ("breaches", "sanctions")


@json_form.register
def discipline_dict(
    result: DisciplineResult, lang: Lang = "id", **options: object
) -> dict[str, object]:
    """The JSON form of a discipline result (:meth:`DisciplineResult.to_dict`).

    Options: ``names`` (NIP -> name; without it every ``name`` is null) and
    ``contacts`` (the log, for reasons that say what happened).
    """
    names = options.get("names") or {}
    contacts = options.get("contacts")
    assert isinstance(names, Mapping)
    explain = Explainer(result, lang, contacts)  # type: ignore[arg-type]  # checked by write_json
    return {
        "provenance": dict(result.provenance),
        "counted": result.counted,
        "skipped": {
            reason: {"count": count, "reason": skipped_reason(reason, lang)}
            for reason, count in skipped_items(result)
        },
        "warnings": [warning_object(d, lang) for d in result.warnings],
        "breaches": [breach_object(b, explain, names) for b in result.breaches],
        "sanctions": [sanction_object(s, explain, names) for s in explain.sanctions_in_order()],
        **({"attendance_events": result.attendance_events} if result.attendance_events else {}),
        **({"cuts": _cut_objects(result, names)} if any(s.cut for s in result.sanctions) else {}),
    }


def cut_totals(result: DisciplineResult) -> list[tuple[str, str, str, int, Decimal]]:
    """Allowance cuts per person and evaluation period: (nip, unit, period, days, total).

    The total is exact (Rupiah, :class:`~decimal.Decimal`); ``days`` counts the
    days with a cut.  Sorted by NIP, then period.
    """
    totals: dict[tuple[str, str, str], tuple[int, Decimal]] = {}
    for s in result.sanctions:
        if s.cut:
            key = (s.nip, s.unit, s.cut_period)
            days, amount = totals.get(key, (0, Decimal(0)))
            totals[key] = (days + 1, amount + s.cut)
    return [(n, u, p, d, a) for (n, u, p), (d, a) in sorted(totals.items())]


def _cut_objects(result: DisciplineResult, names: Mapping[str, str]) -> list[dict[str, object]]:
    return [
        {"nip": n, "name": names.get(n), "unit": u, "period": p, "days": d, "amount": str(a)}
        for n, u, p, d, a in cut_totals(result)
    ]


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
    if result.attendance_events:
        cut = sum((t[4] for t in cut_totals(result)), Decimal(0))
        days = sum(t[3] for t in cut_totals(result))
        out.append(
            message(
                "discipline.sum-attendance",
                lang,
                events=result.attendance_events,
                cut=f"{cut:,.0f}".replace(",", "."),
                days=days,
            )
        )
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
        out += text_table(table, total=True)
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
            "publish.sum-warnings",
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
        stamp = f"{e.date.isoformat()} {local_time(e.at)}"
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
