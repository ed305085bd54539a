"""Publishing quota results (butir 7, 8, 9 and 10.a): CSV, JSON, an Excel workbook, a summary.

Every writer reads a :class:`~edaran.quota.model.QuotaResult` and gives the
same bytes for the same result: no clock, no locale, no hash order.  Words
come in Indonesian (default) and English; codes (unit codes, clauses, quota,
target and duty names, record ids, checklist items) are never translated.
JSON keys are English: programs read them.

Figures are exact :class:`~decimal.Decimal` all the way: CSV and JSON write
them as plain digits with a decimal point (``12``, ``7.5``; no grouping, no
exponent, trailing zeros dropped, see :func:`plain`), never through float.

The single CSV has a ``jenis``/``kind`` column (``kuota``, ``melebihi``,
``target``, ``daftar periksa``) so it filters in a spreadsheet; each kind
fills its own columns (see :data:`CSV_FIELDS` and ``docs/quotas-output.md``).
The planned records that go over a quota come on ``melebihi`` rows right
after their quota's row.

The workbook needs ``openpyxl`` (the ``excel`` extra); without it
:func:`write_quota_xlsx` raises :class:`~edaran.core.diagnostics.EdaranError`
``D040``.  It is built in ``xlsx.py`` (beside the savings report's),
imported only inside :func:`write_quota_xlsx`.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TextIO

from edaran.io.publish import (
    csv_text,
    csv_writer,
    json_document,
    json_form,
    period_object,
    plain,
    require_format,
    text_output,
    text_table,
    warning_object,
)
from edaran.messages import Lang, message
from edaran.model.calendar import Period
from edaran.quota.model import (
    ChecklistFinding,
    Over,
    QuotaLine,
    QuotaResult,
    RecordFailure,
    TargetLine,
)
from edaran.quota.presentation import (
    counts,
    dates_text,
    direction_text,
    failure_line,
    status_text,
    value_text,
    values_text,
    worst_units,
    yes_no,
)

__all__ = [
    "CSV_FIELDS",
    "quota_csv",
    "quota_json",
    "quota_rows",
    "quota_summary",
    "write_quota_csv",
    "write_quota_xlsx",
]


#: The columns of the quota CSV, by key (the headings are ``col-<key>`` in the word table).
CSV_FIELDS = (
    "kind",
    "clause",
    "rule",
    "title",
    "unit",
    "period",
    "first",
    "last",
    "date",
    "measure",
    "baseline",
    "allowed",
    "used",
    "planned",
    "left",
    "record",
    "amount",
    "running",
    "matching",
    "total",
    "share",
    "wanted",
    "direction",
    "staff",
    "missing",
    "checklist",
    "status",
    "row",
    "failed",
    "values",
)


# ---------------------------------------------------------------- CSV
def _period_cells(period: Period) -> dict[str, str]:
    return {
        "period": str(period.number),
        "first": period.first.isoformat(),
        "last": period.last.isoformat(),
    }


def _quota_row(q: QuotaLine, lang: Lang) -> dict[str, str]:
    return {
        "kind": message("quota.kind-quota", lang),
        "clause": q.clause,
        "rule": q.quota,
        "title": q.title or "",
        "unit": q.unit,
        **_period_cells(q.period),
        "measure": q.measure,
        "baseline": plain(q.baseline),
        "allowed": plain(q.allowed),
        "used": plain(q.used),
        "planned": plain(q.planned),
        "left": plain(q.left),
        "status": status_text(q.status, lang),
    }


def _over_row(q: QuotaLine, o: Over, lang: Lang) -> dict[str, str]:
    return {
        "kind": message("quota.kind-over", lang),
        "clause": o.clause,
        "rule": o.quota,
        "unit": o.unit,
        **_period_cells(q.period),
        "date": o.date.isoformat(),
        "measure": q.measure,
        "allowed": plain(o.allowed),
        "record": o.record,
        "amount": plain(o.amount),
        "running": plain(o.running),
        "status": message("quota.status-over", lang),
    }


def _target_row(t: TargetLine, lang: Lang) -> dict[str, str]:
    return {
        "kind": message("quota.kind-target", lang),
        "clause": t.clause,
        "rule": t.target,
        "title": t.title or "",
        "unit": t.unit,
        **_period_cells(t.period),
        "matching": str(t.matching),
        "total": str(t.total),
        "share": plain(t.share),
        "wanted": plain(t.wanted),
        "direction": direction_text(t.kind, lang),
        "status": message("quota.status-met" if t.met else "quota.status-missed", lang),
    }


def _checklist_row(f: ChecklistFinding, lang: Lang) -> dict[str, str]:
    status = "status-incomplete" if f.checklist else "status-no-checklist"
    return {
        "kind": message("quota.kind-checklist", lang),
        "clause": f.clause,
        "rule": f.duty,
        "unit": f.unit,
        "date": f.date.isoformat(),
        "staff": str(f.staff),
        "missing": ";".join(f.missing),
        "checklist": yes_no(f.checklist, lang),
        "status": message(f"quota.{status}", lang),
    }


def _failure_row(f: RecordFailure, lang: Lang) -> dict[str, str]:
    return {
        "kind": message("quota.kind-provision", lang),
        "clause": f.clause,
        "rule": f.provision,
        "title": f.title or "",
        "unit": f.unit,
        "date": f.date.isoformat(),
        "measure": f.kind,
        "record": f.record,
        "row": "" if f.row is None else str(f.row),
        "failed": "; ".join(f.failed),
        "values": values_text(f, lang),
        "status": message("quota.status-not-met", lang),
    }


def quota_rows(result: QuotaResult, lang: Lang = "id") -> list[list[str]]:
    """The quota CSV as rows of strings, the heading row first (see :func:`write_quota_csv`)."""
    rows = [[message(f"quota.col-{field}", lang) for field in CSV_FIELDS]]
    cells: list[dict[str, str]] = []
    for q in result.quotas:
        cells.append(_quota_row(q, lang))
        cells += [_over_row(q, o, lang) for o in q.over]
    cells += [_target_row(t, lang) for t in result.targets]
    cells += [_checklist_row(f, lang) for f in result.checklists]
    cells += [_failure_row(f, lang) for f in result.records]
    rows += [[row.get(field, "") for field in CSV_FIELDS] for row in cells]
    return rows


def quota_csv(result: QuotaResult, lang: Lang = "id") -> str:
    """The quota CSV as text (see :func:`write_quota_csv`)."""
    return csv_text(quota_rows(result, lang))


def write_quota_csv(result: QuotaResult, target: Path | str | TextIO, lang: Lang = "id") -> int:
    """Write the quota CSV to a path or an open stream; return the number of rows after the heading.

    One file, one row per quota line (``jenis`` ``kuota``), followed by a
    ``melebihi`` row per planned record that goes over it; then a row per
    target and per checklist finding.  Columns (Indonesian / English):
    ``jenis``/``kind``, ``klausul``/``clause``, ``aturan``/``rule`` (the
    quota, target or duty name), ``judul``/``title``, ``unit``,
    ``periode``/``period``, ``awal``/``first``, ``akhir``/``last``,
    ``tanggal``/``date``, ``ukuran``/``measure``, ``dasar``/``baseline``,
    ``batas``/``allowed``, ``terpakai``/``used``, ``rencana``/``planned``,
    ``sisa``/``left``, ``catatan``/``record``, ``jumlah``/``amount``,
    ``kumulatif``/``running``, ``sesuai``/``matching``, ``seluruh``/``total``,
    ``porsi``/``share`` and ``sasaran``/``wanted`` (fractions, ``0.5`` is
    50%), ``arah``/``direction``, ``pegawai``/``staff``,
    ``belum_dimatikan``/``missing`` (item codes, ``;``-separated),
    ``ada_daftar``/``checklist`` (``ya``/``tidak``), ``status`` (in
    words), and for a record that fails a provision (``jenis`` ``ketentuan``,
    its kind of record under ``ukuran``) ``baris``/``row`` (its row in its
    file), ``tidak_dipenuhi``/``failed`` (the ``harus`` lines it fails,
    ``;``-separated) and ``nilai``/``values`` (the facts they read:
    ``perjalanan.kelas = BISNIS``, ``;``-separated).  Lines end with ``\\n``;
    a stream should be opened with ``newline=""``.
    """
    rows = quota_rows(result, lang)
    with text_output(target) as out:
        csv_writer(out).writerows(rows)
    return len(rows) - 1


def _json_figure(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)


def quota_object(q: QuotaLine) -> dict[str, object]:
    """A quota line as a JSON-ready dict (the objects of :func:`quota_json`)."""
    return {
        "quota": q.quota,
        "clause": q.clause,
        "title": q.title,
        "unit": q.unit,
        "period": period_object(q.period),
        "measure": q.measure,
        "baseline": _json_figure(q.baseline),
        "allowed": _json_figure(q.allowed),
        "used": plain(q.used),
        "planned": plain(q.planned),
        "left": _json_figure(q.left),
        "status": q.status,
        "over": [
            {
                "record": o.record,
                "clause": o.clause,
                "unit": o.unit,
                "date": o.date.isoformat(),
                "amount": plain(o.amount),
                "running": plain(o.running),
                "allowed": plain(o.allowed),
            }
            for o in q.over
        ],
    }


def target_object(t: TargetLine) -> dict[str, object]:
    """A target line as a JSON-ready dict."""
    return {
        "target": t.target,
        "clause": t.clause,
        "title": t.title,
        "unit": t.unit,
        "period": period_object(t.period),
        "matching": t.matching,
        "total": t.total,
        "share": plain(t.share),
        "wanted": plain(t.wanted),
        "kind": t.kind,
        "met": t.met,
    }


def checklist_object(f: ChecklistFinding) -> dict[str, object]:
    """A checklist finding as a JSON-ready dict."""
    return {
        "duty": f.duty,
        "clause": f.clause,
        "unit": f.unit,
        "date": f.date.isoformat(),
        "staff": f.staff,
        "missing": list(f.missing),
        "checklist": f.checklist,
    }


def failure_object(f: RecordFailure, lang: Lang = "id") -> dict[str, object]:
    """A record failing a provision as a JSON-ready dict (values as a rule file writes them)."""
    return {
        "provision": f.provision,
        "clause": f.clause,
        "title": f.title,
        "kind": f.kind,
        "record": f.record,
        "unit": f.unit,
        "date": f.date.isoformat(),
        "row": f.row,
        "failed": list(f.failed),
        "values": {name: value_text(value, lang) for name, value in f.values},
    }


def quota_json(result: QuotaResult, lang: Lang = "id") -> str:
    """The result as one JSON object (keys in English, in a fixed order): its ``to_dict()``.

    ``provenance``, ``counts`` (see :func:`counts`), ``warnings`` (``code``, ``severity``,
    and ``message`` and ``text`` in ``lang``), then ``quotas`` (``quota``,
    ``clause``, ``title``, ``unit``, ``period`` {``number``, ``first``,
    ``last``}, ``measure``, ``baseline``, ``allowed``, ``used``,
    ``planned``, ``left``, ``status`` code, ``over``: the planned records
    over it with ``record``, ``clause``, ``unit``, ``date``, ``amount``,
    ``running``, ``allowed``), ``targets`` (``target``, ``clause``,
    ``title``, ``unit``, ``period``, ``matching``, ``total``, ``share``,
    ``wanted``, ``kind``, ``met``) and ``checklists`` (``duty``,
    ``clause``, ``unit``, ``date``, ``staff``, ``missing``, ``checklist``)
    and ``records`` (``provision``, ``clause``, ``title``, ``kind``,
    ``record``, ``unit``, ``date``, ``row``, ``failed``: the ``harus`` lines
    as written, ``values``: fact -> value as a rule file writes it),
    one object per line in the engine's order.  Figures are strings of
    plain digits (``"7.5"``), null when there is none; dates are ISO.
    Schema ``quota.schema.json``.
    """
    return json_document(result.to_dict(lang), QuotaResult._parts)


@json_form.register
def quota_dict(result: QuotaResult, lang: Lang = "id", **options: object) -> dict[str, object]:
    """The JSON form of a quota result (:meth:`QuotaResult.to_dict`)."""
    return {
        "provenance": dict(result.provenance),
        "counts": counts(result),
        "warnings": [warning_object(d, lang) for d in result.warnings],
        "quotas": [quota_object(q) for q in result.quotas],
        "targets": [target_object(t) for t in result.targets],
        "checklists": [checklist_object(f) for f in result.checklists],
        "records": [failure_object(f, lang) for f in result.records],
    }


def quota_summary(result: QuotaResult, lang: Lang = "id") -> str:
    """A short summary for the terminal.

    A heading (dates, quota lines, targets, findings); how many quota lines
    are over, have planned records over (and how many records), have no
    baseline; targets missed; checklist findings; then the five units with
    the most problems, every record that fails a provision (when one does)
    and the count of warnings.
    """
    c = counts(result)
    out = [
        message(
            "quota.sum-head",
            lang,
            dates=dates_text(result, lang),
            quotas=c["quotas"],
            targets=c["targets"],
            findings=c["checklist_findings"],
        ),
    ]
    records = c["over_records"]
    planned = message(
        "quota.sum-over-records",
        lang,
        n=c["rencana_lebih"],
        records=records,
    )
    figures = [
        ("sum-over", str(c["terlampaui"])),
        ("sum-planned", planned),
        ("sum-no-baseline", str(c["tanpa_dasar"])),
        ("sum-missed", message("quota.sum-of", lang, n=c["targets_missed"], total=c["targets"])),
        ("sum-findings", str(c["checklist_findings"])),
    ]
    width = max(len(message(f"quota.{key}", lang)) for key, _ in figures) + 1
    out += [f"  {message(f'quota.{key}', lang) + ':':<{width}} {value}" for key, value in figures]
    worst = worst_units(result)
    if worst:
        out.append(message("quota.sum-worst", lang))
        keys = ("unit", "over-col", "planned-col", "missed-col", "findings-col")
        table: list[list[object]] = [[message(f"quota.{k}", lang) for k in keys]]
        table += [[u.code, u.over, u.planned, u.missed, u.findings] for u in worst]
        out += ["  " + line for line in text_table(table)]
    elif not result.records:
        out.append(message("quota.sum-none", lang))
    if result.records:
        out.append(message("quota.sum-records", lang, count=len(result.records)))
        out += ["  " + failure_line(f, lang) for f in result.records]
    n = len(result.warnings)
    out.append(message("publish.sum-warnings", lang, count=n))
    return "\n".join(out)


# ---------------------------------------------------------------- Excel
def write_quota_xlsx(result: QuotaResult, path: Path | str, lang: Lang = "id") -> Path:
    """Write an Excel workbook; return its path.  Needs the ``excel`` extra.

    A sheet ``Ringkasan``/``Summary``: per unit, quota lines and how many are
    over, planned over or without a baseline, targets and targets missed,
    checklist findings; a total row; the warnings.  Then one sheet per unit
    (named by its code): its quota lines (a shaded row when over or planned
    over, the planned records that go over on the rows below), its targets
    and its checklist findings.  The heading row is frozen, figures are
    numbers, dates are dates; the bytes are the same between runs.
    """
    require_format("xlsx")
    from edaran.quota.xlsx import build_quota_workbook

    target = Path(path)
    target.write_bytes(build_quota_workbook(result, lang))
    return target
