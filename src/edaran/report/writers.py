"""Publishing the savings report (butir 13): CSV, JSON, an Excel workbook with a chart, a summary.

Every writer reads a :class:`~edaran.report.ReportResult` and gives the
same bytes for the same result.  Words come in Indonesian (default) and
English; codes (unit codes, categories, clauses) are never translated in
CSV and JSON, and JSON keys are English.

Money never passes through float: amounts are :class:`~decimal.Decimal` from
the engine to the file.  CSV and JSON write plain digits (``1500000``; a
fraction, which the engine does not give, would keep its digits: ``0.3``);
totals are :meth:`ReportResult.total <edaran.quota.model.ReportResult.total>`.
People read rupiah as ``Rp 1.234.567`` (Indonesian) or ``IDR 1,234,567``
(English), see :func:`rupiah`.

The workbook needs ``openpyxl`` (the ``excel`` extra); it is built in
``xlsx.py``, imported only inside :func:`write_report_xlsx`.
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
from edaran.report.model import Basis, ReportResult, SavingLine
from edaran.report.presentation import (
    basis_text,
    categories,
    category_text,
    count_text,
    estimated,
    missing_text,
    rupiah,
    units,
    wfh_days,
    without_data,
)

__all__ = [
    "REPORT_FIELDS",
    "report_csv",
    "report_json",
    "report_rows",
    "report_summary",
    "write_report_csv",
    "write_report_xlsx",
]


#: The columns of the report CSV, by key (the headings are ``col-<key>`` in the word table).
REPORT_FIELDS = (
    "unit",
    "unit_name",
    "period",
    "first",
    "last",
    "category",
    "clause",
    "baseline",
    "actual",
    "saving",
    "estimated",
    "basis",
    "months_actual",
    "months_estimated",
    "wfh_days",
    "quantity_unit",
    "baseline_quantity",
    "actual_quantity",
    "saving_quantity",
)


# ---------------------------------------------------------------- CSV
def _line_cells(line: SavingLine, lang: Lang) -> list[str]:
    p = line.period
    return [
        line.unit,
        line.unit_name,
        str(p.number),
        p.first.isoformat(),
        p.last.isoformat(),
        line.category,
        line.clause,
        plain(line.baseline),
        plain(line.actual),
        plain(line.saving),
        plain(line.estimated),
        basis_text(line.basis, lang),
        str(line.months_actual),
        str(line.months_estimated),
        str(line.wfh_days),
        line.unit_of_quantity or "",
        plain(line.baseline_quantity),
        plain(line.actual_quantity),
        plain(line.saving_quantity),
    ]


def report_rows(result: ReportResult, lang: Lang = "id") -> list[list[str]]:
    """The report CSV as rows of strings, the heading row first (see :func:`write_report_csv`)."""
    rows = [[message(f"report.col-{field}", lang) for field in REPORT_FIELDS]]
    rows += [_line_cells(line, lang) for line in result.lines]
    return rows


def report_csv(result: ReportResult, lang: Lang = "id") -> str:
    """The report CSV as text (see :func:`write_report_csv`)."""
    return csv_text(report_rows(result, lang))


def write_report_csv(result: ReportResult, target: Path | str | TextIO, lang: Lang = "id") -> int:
    """Write one CSV row per saving line, in the engine's order; return the number of rows.

    Columns (Indonesian / English): ``unit``, ``nama_unit``/``unit_name``,
    ``periode``/``period``, ``awal``/``first``, ``akhir``/``last``,
    ``kategori``/``category`` (the code: ``listrik``, ``bbm``, ...),
    ``klausul``/``clause``, ``dasar``/``baseline``,
    ``realisasi``/``actual``, ``penghematan``/``saving``,
    ``perkiraan``/``estimated`` (the part of the saving estimated from WFH
    days), ``sumber``/``basis`` (``aktual``, ``perkiraan``, ``campuran``,
    ``tanpa data`` / ``actual``, ``estimated``, ``mixed``, ``no data``),
    ``bulan_aktual``/``months_actual``,
    ``bulan_perkiraan``/``months_estimated``,
    ``hari_orang_wfh``/``wfh_person_days``, ``satuan``/``quantity_unit``
    (``kWh``, ``liter``, ``m3``; empty when the category has none),
    ``kuantitas_dasar``/``baseline_quantity``,
    ``kuantitas_realisasi``/``actual_quantity`` and
    ``kuantitas_hemat``/``saving_quantity``.  Amounts are whole rupiah in
    plain digits; an empty cell is no figure.  Lines end with ``\\n``.
    """
    rows = report_rows(result, lang)
    with text_output(target) as out:
        csv_writer(out).writerows(rows)
    return len(rows) - 1


# ---------------------------------------------------------------- JSON
def _figure(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)


def line_object(line: SavingLine) -> dict[str, object]:
    """A saving line as a JSON-ready dict (the ``lines`` of :func:`report_json`)."""
    quantity = None
    if line.unit_of_quantity is not None:
        quantity = {
            "unit": line.unit_of_quantity,
            "baseline": _figure(line.baseline_quantity),
            "actual": _figure(line.actual_quantity),
            "saving": _figure(line.saving_quantity),
        }
    return {
        "unit": line.unit,
        "unit_name": line.unit_name,
        "period": line.period.number,
        "category": line.category,
        "clause": line.clause,
        "baseline": _figure(line.baseline),
        "actual": _figure(line.actual),
        "saving": _figure(line.saving),
        "estimated": plain(line.estimated),
        "basis": line.basis.value,
        "months_actual": line.months_actual,
        "months_estimated": line.months_estimated,
        "wfh_days": line.wfh_days,
        "quantity": quantity,
    }


def _period_totals(result: ReportResult, p: Period, cats: list[str]) -> dict[str, object]:
    return {
        **period_object(p),
        "total": plain(result.total(p.number)),
        "estimated": plain(estimated(result, p.number)),
        "wfh_days": wfh_days(result, p.number),
        "categories": {c: plain(result.total(p.number, c)) for c in cats},
        "units_without_data": [
            {"unit": u, "categories": cs} for u, cs in without_data(result, p.number).items()
        ],
    }


def report_json(result: ReportResult, lang: Lang = "id") -> str:
    """The report as one JSON object (keys in English, in a fixed order).

    ``title``, ``circular``; ``total`` and ``estimated`` (the province over
    every period); ``categories`` (category -> total over every period);
    ``periods``: ``number``, ``first``, ``last``, ``total``, ``estimated``,
    ``wfh_days``, ``categories`` (category -> total) and
    ``units_without_data`` (``unit``, ``categories``); ``warnings``
    (``code``, ``severity``, ``message``, ``text`` in ``lang``); then
    ``lines``, one object per line (``unit``, ``unit_name``, ``period``
    number, ``category``, ``clause``, ``baseline``, ``actual``, ``saving``,
    ``estimated``, ``basis`` code, ``months_actual``, ``months_estimated``,
    ``wfh_days``, ``quantity``: null or ``unit``, ``baseline``, ``actual``,
    ``saving``).  Amounts are strings of digits, null for no figure; every
    total is :meth:`ReportResult.total <edaran.quota.model.ReportResult.total>`.
    The object is :meth:`ReportResult.to_dict`, with ``provenance`` first;
    schema ``report.schema.json``.
    """
    return json_document(result.to_dict(lang), ReportResult._parts)


@json_form.register
def report_dict(result: ReportResult, lang: Lang = "id", **options: object) -> dict[str, object]:
    """The JSON form of a savings report (:meth:`ReportResult.to_dict`)."""
    cats = categories(result.lines)
    return {
        "provenance": dict(result.provenance),
        "title": result.title,
        "circular": result.circular,
        "total": plain(result.total()),
        "estimated": plain(estimated(result)),
        "categories": {c: plain(result.total(category=c)) for c in cats},
        "periods": [_period_totals(result, p, cats) for p in result.periods],
        "warnings": [warning_object(d, lang) for d in result.warnings],
        "lines": [line_object(line) for line in result.lines],
    }


# ---------------------------------------------------------------- the terminal
def report_summary(result: ReportResult, lang: Lang = "id") -> str:
    """A summary per period for the terminal.

    A heading (title and circular); per period its dates, the units
    reported and the WFH person-days, a table of the province's saving per
    category and in total with the part estimated from WFH days, and the
    units without data (with the categories they lack; a category no unit
    has data for says ``tanpa data`` instead of ``Rp 0``); the total over
    every period; the count of warnings.
    """
    head = message("report.sum-head", lang, title=result.title)
    if result.circular:
        head += message("report.sum-circular", lang, circular=result.circular)
    out = [head]
    for p in result.periods:
        mine = [line for line in result.lines if line.period.number == p.number]
        n_units = len(units(mine))
        out.append(
            message(
                "report.sum-period",
                lang,
                number=p.number,
                first=p.first.isoformat(),
                last=p.last.isoformat(),
                units=n_units,
                days=count_text(wfh_days(result, p.number), lang),
            )
        )
        if not mine:
            out.append(message("report.sum-no-lines", lang))
            continue
        table: list[list[object]] = [
            [
                message("report.category", lang),
                message("report.saving", lang),
                message("report.estimated", lang),
            ]
        ]
        for cat in categories(mine):
            if all(line.saving is None for line in mine if line.category == cat):
                none = message(f"report.{Basis.TANPA_DATA.value}", lang)
                table.append([category_text(cat, lang), none, none])
                continue
            table.append(
                [
                    category_text(cat, lang),
                    rupiah(result.total(p.number, cat), lang),
                    rupiah(estimated(result, p.number, cat), lang),
                ]
            )
        table.append(
            [
                message("report.total", lang),
                rupiah(result.total(p.number), lang),
                rupiah(estimated(result, p.number), lang),
            ]
        )
        out += ["  " + line for line in text_table(table, total=True)]
        missing = without_data(result, p.number)
        if missing:
            out.append(
                message("report.sum-without", lang, units=missing_text(missing, result, lang))
            )
        else:
            out.append(message("report.sum-without-none", lang))
    out.append(
        message(
            "report.sum-all",
            lang,
            total=rupiah(result.total(), lang),
            estimated=rupiah(estimated(result), lang),
        )
    )
    n = len(result.warnings)
    out.append(message("publish.sum-warnings", lang, count=n))
    return "\n".join(out)


# ---------------------------------------------------------------- Excel
def write_report_xlsx(result: ReportResult, path: Path | str, lang: Lang = "id") -> Path:
    """Write an Excel workbook of the report; return its path.  Needs the ``excel`` extra.

    ``Ringkasan``/``Summary``: a row per unit, per period a column per
    category and a total column (``=SUM`` of the row's categories), a
    province row of ``=SUM`` formulas over the unit rows.  A sheet per unit:
    per period a row per category (baseline, actual, saving, the part
    estimated, basis, months, WFH person-days, quantities) and a total row
    of ``=SUM`` formulas.  Estimated savings are italic with a cell comment
    (``perkiraan dari hari WFH``).  ``Grafik``/``Chart``: the province's
    saving per category and period, and a bar chart of it (a series per
    category, periods on the axis).  Amounts use the format ``#,##0``; the
    bytes are the same between runs.
    """
    require_format("xlsx")
    from edaran.report.xlsx import build_report_workbook

    target = Path(path)
    target.write_bytes(build_report_workbook(result, lang))
    return target
