"""The savings report of butir 13: what the policy saved, per unit, period and category.

Each top-level unit (perangkat daerah) reports its monthly costs (staff
operating costs, electricity, fuel, water, telephone, other) as cost lines.
For each evaluation period and category the report goes month by month:

* a month with an actual figure and a baseline (the same month a year
  earlier) saves the baseline minus the actual figure;
* a month without one of them uses the rule file's estimate for the category
  (``laporan``: ``perkiraan LISTRIK adalah periode.hari_wfh * ...``),
  computed on the unit's month: person-days by mode from the schedule,
  working days, staff;
* a month with neither has no figure.

The period's line says which it is (:class:`~edaran.report.Basis`:
actual, estimated, mixed, no data).  Amounts are exact until each reported
figure is rounded to whole rupiah (half up); totals add the rounded figures,
so every table adds up.  An estimate in the category's unit (kWh, litres,
m3) estimates the quantity saved the same way.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from edaran.core import types as t
from edaran.core.diagnostics import Diagnostic
from edaran.engine.circular import Circular
from edaran.io.publish import provenance
from edaran.io.roster import Roster
from edaran.model.calendar import Period, months_of
from edaran.model.records import COST_UNITS, CostCategory, CostLine, PeriodFacts
from edaran.model.workforce import Absence
from edaran.quota.engine import evaluation_periods, mode_days
from edaran.report.model import Basis, ReportResult, SavingLine

__all__ = ["estimate_value", "savings_report"]

_WHOLE = Decimal(1)


def _rupiah(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(_WHOLE, rounding=ROUND_HALF_UP)


class _Month:
    """One unit's figures for one category in one month."""

    __slots__ = ("actual", "actual_qty", "baseline", "baseline_qty")

    def __init__(self) -> None:
        self.actual: Decimal | None = None
        self.baseline: Decimal | None = None
        self.actual_qty: Decimal | None = None
        self.baseline_qty: Decimal | None = None


def _add(total: Decimal | None, value: Decimal | None) -> Decimal | None:
    if value is None:
        return total
    return value if total is None else total + value


class _Facts:
    """Person-days by mode per top-level unit and month, from the schedule."""

    def __init__(
        self,
        circular: Circular,
        roster: Roster,
        first: dt.date,
        last: dt.date,
        absences: Iterable[Absence],
        warnings: list[Diagnostic],
        counts: Counter[tuple[str, dt.date, str]] | None,
    ) -> None:
        self.circular = circular
        self.top = {u.kode: u.top.kode for u in roster.units.values()}
        self.days: Counter[tuple[str, dt.date, str]] = Counter()
        self.working: dict[dt.date, int] = {}
        if counts is None:
            counts = mode_days(
                circular, roster.employees, first, last, absences=absences, errors=warnings
            )
        self.people: Counter[tuple[str, dt.date]] = Counter()
        # Staff: the most people decided on one day of the month.
        per_day: Counter[tuple[str, dt.date]] = Counter()
        for (unit, day, mode), count in counts.items():
            self.days[(self.top[unit], day.replace(day=1), mode)] += count
            per_day[(self.top[unit], day)] += count
        for (unit, day), count in per_day.items():
            key = (unit, day.replace(day=1))
            self.people[key] = max(self.people[key], count)

    def month(self, unit: Any, month: dt.date) -> PeriodFacts:
        end = month + relativedelta(months=1) - dt.timedelta(days=1)
        working = self.working.get(month)
        if working is None:  # the same for every unit
            days = self.circular.calendar.days(month, end)
            working = self.working[month] = sum(1 for d in days if d.hari_kerja)
        code = unit.kode
        return PeriodFacts(
            unit,
            month,
            end,
            hari_kerja=working,
            hari_wfo=self.days[(code, month, "WFO")],
            hari_wfh=self.days[(code, month, "WFH")],
            hari_wfa=self.days[(code, month, "WFA")],
            jumlah_pegawai=self.people[(code, month)],
        )


def default_last(circular: Circular, costs: Sequence[CostLine], start: dt.date) -> dt.date:
    """Where a report with no end date ends: the end of the circular's force, or of the
    evaluation period holding the last cost line from ``start`` on (``edaran report`` and
    ``edaran run`` both end there)."""
    current = [c.bulan for c in costs if c.bulan >= start]
    return circular.program.header.effective_until or (
        evaluation_periods(circular, max(current), max(current))[0].last if current else start
    )


def savings_report(
    circular: Circular,
    roster: Roster,
    costs: Sequence[CostLine],
    *,
    first: dt.date | None = None,
    last: dt.date | None = None,
    periods: Sequence[int] | None = None,
    absences: Iterable[Absence] = (),
    modes: Counter[tuple[str, dt.date, str]] | None = None,
) -> ReportResult:
    """The savings report over the evaluation periods from ``first`` to ``last``.

    Without dates: from the date in force to its end, or to the end of the
    period holding the last cost line.  ``periods`` keeps only those period
    numbers (1 is the first evaluation period).  ``modes`` are
    :func:`~edaran.quota.engine.mode_days` counts from the first day in force to the
    end of the last period, when the caller already has them.
    """
    program = circular.program
    header = program.header
    start = first or header.effective_from or min(c.bulan for c in costs)
    if last is None:
        last = default_last(circular, costs, start)
    chosen = [
        p for p in evaluation_periods(circular, start, last) if not periods or p.number in periods
    ]
    warnings: list[Diagnostic] = []
    if not chosen:
        return ReportResult(
            _title(circular), header.number, (), (), (), provenance=provenance(circular)
        )
    # Person-days from the first day in force (or the range) to the end of the last period.
    begin = max(chosen[0].first, header.effective_from or chosen[0].first)
    facts = _Facts(circular, roster, begin, chosen[-1].last, absences, warnings, modes)
    figures: dict[tuple[str, dt.date, CostCategory], _Month] = defaultdict(_Month)
    for line in costs:
        code = line.unit.top.kode
        for key, actual in (
            ((code, line.bulan, line.kategori), True),
            ((code, line.bulan + relativedelta(years=1), line.kategori), False),
        ):
            month = figures[key]
            if actual:
                month.actual = _add(month.actual, line.jumlah)
                month.actual_qty = _add(month.actual_qty, line.kuantitas)
            else:
                month.baseline = _add(month.baseline, line.jumlah)
                month.baseline_qty = _add(month.baseline_qty, line.kuantitas)
    report = program.report
    estimates = {
        (e.category, isinstance(e.type, t.QuantityType)): e
        for e in (report.estimates if report else ())
    }
    clause = report.clause if report else ""
    lines: list[SavingLine] = []
    tops = sorted((u for u in roster.units.values() if u.induk is None), key=lambda u: u.kode)
    for period in chosen:
        months = months_of(period)
        for unit in tops:
            month_facts = {m: facts.month(unit, m) for m in months}
            wfh = sum(f.hari_wfh for f in month_facts.values())
            for category in CostCategory:
                figure = _line(
                    circular, unit, period, category, months, month_facts, figures, estimates, wfh
                )
                lines.append(attrs.evolve(figure, clause=clause))
    title = _title(circular)
    return ReportResult(
        title,
        header.number,
        tuple(chosen),
        tuple(lines),
        tuple(warnings),
        provenance=provenance(circular),
    )


def _title(circular: Circular) -> str:
    report = circular.program.report
    return (report.title if report and report.title else None) or "Penghematan anggaran"


def _line(
    circular: Circular,
    unit: Any,
    period: Period,
    category: CostCategory,
    months: list[dt.date],
    month_facts: dict[dt.date, PeriodFacts],
    figures: dict[tuple[str, dt.date, CostCategory], _Month],
    estimates: dict[tuple[str, bool], Any],
    wfh: int,
) -> SavingLine:
    money = estimates.get((category.name, False))
    amount = estimates.get((category.name, True))
    baseline = actual = saving = None
    baseline_qty = actual_qty = saving_qty = None
    estimated = Decimal(0)
    n_actual = n_estimated = 0
    for month in months:
        figure = figures.get((unit.kode, month, category)) or _Month()
        baseline = _add(baseline, figure.baseline)
        actual = _add(actual, figure.actual)
        baseline_qty = _add(baseline_qty, figure.baseline_qty)
        actual_qty = _add(actual_qty, figure.actual_qty)
        if figure.actual is not None and figure.baseline is not None:
            saving = _add(saving, figure.baseline - figure.actual)
            n_actual += 1
            if figure.actual_qty is not None and figure.baseline_qty is not None:
                saving_qty = _add(saving_qty, figure.baseline_qty - figure.actual_qty)
            elif amount is not None:
                saving_qty = _add(saving_qty, estimate_value(circular, amount, month_facts[month]))
            continue
        if money is None:
            continue
        guess = estimate_value(circular, money, month_facts[month])
        saving = _add(saving, guess)
        estimated += guess
        n_estimated += 1
        if amount is not None:
            saving_qty = _add(saving_qty, estimate_value(circular, amount, month_facts[month]))
    if n_actual and n_estimated:
        basis = Basis.CAMPURAN
    elif n_actual:
        basis = Basis.AKTUAL
    elif n_estimated:
        basis = Basis.PERKIRAAN
    else:
        basis = Basis.TANPA_DATA
    return SavingLine(
        unit=unit.kode,
        unit_name=unit.nama,
        period=period,
        category=category.name,
        baseline=_rupiah(baseline),
        actual=_rupiah(actual),
        saving=_rupiah(saving),
        estimated=_rupiah(estimated) or Decimal(0),
        basis=basis,
        months_actual=n_actual,
        months_estimated=n_estimated,
        wfh_days=wfh,
        unit_of_quantity=COST_UNITS[category],
        baseline_quantity=baseline_qty,
        actual_quantity=actual_qty,
        saving_quantity=saving_qty,
    )


def estimate_value(circular: Circular, estimate: Any, facts: PeriodFacts) -> Decimal:
    """An estimate (``perkiraan``) computed on one unit's month, exact (not rounded)."""
    subject = {"pegawai": facts, "periode": facts, "kalender": circular.calendar.day(facts.mulai)}
    return Decimal(circular.interpreter.evaluate(estimate.value, subject, facts.mulai))
