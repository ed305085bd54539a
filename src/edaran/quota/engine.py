"""The quota engine: travel and vehicle quotas, meeting targets, energy checklists.

For butir 8 (official travel cut by 50% at home and 70% abroad), 9 (official
vehicle use at most 50%), 7 (meetings preferably hybrid or online) and 10.a
(switch things off on WFH days).  The rule file says what is counted
(``kuota``, ``sasaran``, ``kewajiban ... daftar_periksa``); this module
counts it.

Quotas, per quota, unit and window (an evaluation period, a month ...):

* **used** is the measure over the records done (``terlaksana``) in the
  window that meet the quota's conditions: a count, or the sum of a field;
* **baseline** is the same over the same window a year earlier (a quota
  ``dari tahun_lalu``), or the rule file's expression (``dari DASAR[unit]``);
  when the records hold nothing at all in the window a year earlier, there is
  no baseline (``tanpa_dasar``) and nothing is judged;
* **allowed** is the share of the baseline (``paling banyak 50%``, or
  ``dikurangi 70%`` = 30%), or the amount itself; counts are rounded down
  unless the rule says otherwise, rupiah to whole rupiah down;
* **planned** records (``rencana``) take what is left in the rule's
  ``urutan`` (then date, then id); one that would go over is listed and does
  not use the quota, so a smaller one after it may still fit.

A record counts in the window of its first day (a trip straddling two
evaluation periods counts in the one it starts in).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any

from dateutil.relativedelta import relativedelta

from edaran.core import types as t
from edaran.core.diagnostics import Diagnostic
from edaran.engine.circular import Circular
from edaran.engine.decision import DecisionError
from edaran.io.publish import provenance
from edaran.io.roster import Roster
from edaran.lang import ir
from edaran.model.calendar import Period
from edaran.model.protocols import EmployeeFacts
from edaran.model.records import EnergyChecklist, PlanStatus
from edaran.model.workforce import Absence
from edaran.quota.model import ChecklistFinding, Over, QuotaLine, QuotaResult, TargetLine
from edaran.quota.provisions import check_provisions
from edaran.scheduling.scheduler import schedule

__all__ = [
    "allowance",
    "counts",
    "evaluation_periods",
    "meets",
    "mode_days",
    "quota_records",
    "run_quotas",
]

_ROUNDING = {"down": ROUND_FLOOR, "up": ROUND_CEILING, "nearest": ROUND_HALF_UP}


class _Holder:
    """Stands in for the employee, so ``unit.*`` reads the record's unit."""

    __slots__ = ("unit",)

    def __init__(self, unit: Any) -> None:
        self.unit = unit


# ------------------------------------------------------------- windows
def evaluation_periods(circular: Circular, first: dt.date, last: dt.date) -> list[Period]:
    """The evaluation periods that overlap ``first``..``last`` (one month without ``evaluasi``)."""
    start = max(first, circular.windows.start)
    return circular.windows.between("periode", start, last) if start <= last else []


def _year_before(period: Period) -> tuple[dt.date, dt.date]:
    return period.first - relativedelta(years=1), period.last - relativedelta(years=1)


# ------------------------------------------------------- modes per day
def mode_days(
    circular: Circular,
    employees: Sequence[EmployeeFacts],
    first: dt.date,
    last: dt.date,
    *,
    absences: Iterable[Absence] = (),
    errors: list[Diagnostic] | None = None,
) -> Counter[tuple[str, dt.date, str]]:
    """How many people of each unit (by its own code) are in each mode on each day.

    The schedule's modes when the circular has caps, the rules' otherwise.
    Decisions that fail are skipped and their first diagnostics go to
    ``errors``.
    """
    counts: Counter[tuple[str, dt.date, str]] = Counter()
    if circular.program.limits:
        made = schedule(circular, employees, first, last, absences=absences)
        for a in made.assignments:
            counts[(a.unit, a.date, a.mode)] += 1
        if errors is not None:
            errors.extend(made.warnings)
        return counts
    failed: list[DecisionError] = []
    unit_of = {e.nip: e.unit.kode for e in employees}
    for decision in circular.decide_many(employees, first, last, errors=failed):
        counts[(unit_of[decision.nip], decision.date, str(decision.value))] += 1
    if errors is not None:
        seen: set[str] = set()
        for err in failed:
            problem = err.diagnostics[0]
            key = f"{problem.code}{problem.args}"
            if key not in seen:
                seen.add(key)
                errors.append(problem)
    return counts


# -------------------------------------------------------------- quotas
class _Quota:
    def __init__(self, circular: Circular, quota: ir.QuotaIR, records: Sequence[Any]) -> None:
        self.circular = circular
        self.quota = quota
        self.kept = [r for r in records if self._holds(r)]
        self.dates = [r.tanggal for r in records]

    def _holds(self, record: Any) -> bool:
        return counts(self.circular, self.quota, record)

    def measure(self, record: Any) -> Decimal:
        if self.quota.field is None:
            return Decimal(1)
        value: Any = record
        for name in self.quota.field:
            value = getattr(value, name)
            if value is None:
                return Decimal(0)
        return Decimal(value)

    def key(self, record: Any) -> str:
        unit = record.unit.top if self.quota.scope == "perangkat_daerah" else record.unit
        return str(unit.kode)

    def covered(self, first: dt.date, last: dt.date) -> bool:
        """True when the data holds any record of the kind between the dates."""
        return any(first <= d <= last for d in self.dates)

    def order(self, record: Any) -> tuple[Any, ...]:
        keys: list[Any] = []
        for path in self.quota.order:
            value: Any = record
            for name in path:
                value = getattr(value, name, None)
            keys.append((value is None, _sortable(value)))
        return (*keys, record.tanggal, str(getattr(record, "id", "")))

    def evaluate(self, expr: ir.Expr, unit: Any, day: dt.date) -> Any:
        facts = {"pegawai": _Holder(unit), "kalender": self.circular.calendar.day(day)}
        return self.circular.interpreter.evaluate(expr, facts, day)


def _sortable(value: Any) -> Any:
    if value is None:
        return ""
    if hasattr(value, "value") and not isinstance(value, (int, Decimal)):
        return str(value.value)
    return value


def allowance(
    circular: Circular, quota: ir.QuotaIR, unit: Any, day: dt.date, baseline: Decimal | None
) -> Decimal | None:
    """What ``quota`` allows ``unit`` in the window starting ``day``, given its baseline.

    None for a share of a baseline there is no data for.  A quota with its
    own baseline expression (``dari DASAR[unit]``) reads it here.
    """
    facts = {"pegawai": _Holder(unit), "kalender": circular.calendar.day(day)}
    evaluate = circular.interpreter.evaluate
    if not quota.share:
        return _round(Decimal(evaluate(quota.amount, facts, day)), quota)
    if baseline is None and quota.baseline is not None:
        baseline = Decimal(evaluate(quota.baseline, facts, day))
    if baseline is None:
        return None
    share = Decimal(evaluate(quota.amount, facts, day))
    if quota.mode == "reduced":
        share = Decimal(1) - share
    return _round(baseline * share, quota)


def counts(circular: Circular, block: ir.QuotaIR | ir.TargetIR, record: Any) -> bool:
    """True when ``record`` meets the conditions of a quota or target (it is counted)."""
    if block.condition is None:
        return True
    day = circular.calendar.day(record.tanggal)
    facts = {"pegawai": _Holder(record.unit), "kalender": day, block.kind: record}
    return circular.interpreter.evaluate(block.condition, facts, record.tanggal) is True


def meets(circular: Circular, target: ir.TargetIR, record: Any) -> bool:
    """True when ``record`` is one of the share a target asks for (held hybrid, say)."""
    day = circular.calendar.day(record.tanggal)
    facts = {"pegawai": _Holder(record.unit), "kalender": day, target.kind: record}
    return circular.interpreter.evaluate(target.share_of, facts, record.tanggal) is True


def _round(value: Decimal, quota: ir.QuotaIR) -> Decimal:
    if quota.measure_type == t.INT:
        mode = _ROUNDING.get(quota.rounding, ROUND_FLOOR)
        return value.quantize(Decimal(1), rounding=mode)
    if quota.measure_type == t.MONEY:
        return value.quantize(Decimal(1), rounding=ROUND_FLOOR)
    return value


def _quota_lines(
    circular: Circular,
    quota: ir.QuotaIR,
    records: Sequence[Any],
    units: dict[str, Any],
    first: dt.date,
    last: dt.date,
) -> list[QuotaLine]:
    work = _Quota(circular, quota, records)
    by_window: dict[tuple[str, dt.date], list[Any]] = defaultdict(list)
    by_unit: dict[str, list[Any]] = defaultdict(list)
    windows = functools.partial(circular.windows.window, quota.window)
    for record in work.kept:
        span = windows(record.tanggal)
        by_window[(work.key(record), span.first)].append(record)
        by_unit[work.key(record)].append(record)
    lines = []
    for span in circular.windows.between(quota.window, first, last):
        before = _year_before(span)
        covered = work.covered(*before)
        for code, unit in units.items():
            current = [
                r for r in by_window.get((code, span.first), ()) if first <= r.tanggal <= last
            ]
            done = [r for r in current if r.status is not PlanStatus.RENCANA]
            planned = sorted((r for r in current if r.status is PlanStatus.RENCANA), key=work.order)
            used = sum((work.measure(r) for r in done), Decimal(0))
            baseline: Decimal | None = None
            if quota.last_year and covered:
                # Every record of the unit a year earlier, whichever windows they fell in.
                baseline = sum(
                    (
                        work.measure(r)
                        for r in by_unit.get(code, ())
                        if r.status is not PlanStatus.RENCANA
                        and before[0] <= r.tanggal <= before[1]
                    ),
                    Decimal(0),
                )
            elif quota.baseline is not None:
                baseline = Decimal(work.evaluate(quota.baseline, unit, span.first))
            allowed = allowance(circular, quota, unit, span.first, baseline)
            over: list[Over] = []
            running = used
            planned_total = Decimal(0)
            for record in planned:
                amount = work.measure(record)
                planned_total += amount
                if allowed is not None and running + amount > allowed:
                    over.append(
                        Over(
                            quota.id,
                            quota.clause,
                            str(getattr(record, "id", "")),
                            code,
                            record.tanggal,
                            amount,
                            running + amount,
                            allowed,
                        )
                    )
                else:
                    running += amount
            if allowed is None:
                status = "tanpa_dasar"
            elif used > allowed:
                status = "terlampaui"
            elif over:
                status = "rencana_lebih"
            else:
                status = "dalam_kuota"
            lines.append(
                QuotaLine(
                    quota.id,
                    quota.clause,
                    quota.title,
                    code,
                    span,
                    quota.measure,
                    baseline,
                    allowed,
                    used,
                    planned_total,
                    None if allowed is None else allowed - used,
                    tuple(over),
                    status,
                )
            )
    return lines


def _target_lines(
    circular: Circular,
    target: ir.TargetIR,
    records: Sequence[Any],
    first: dt.date,
    last: dt.date,
) -> list[TargetLine]:
    tallies: dict[tuple[str, dt.date], list[int]] = defaultdict(lambda: [0, 0])
    spans: dict[dt.date, Period] = {}
    units: dict[str, Any] = {}
    windows = functools.partial(circular.windows.window, target.window)
    for record in records:
        if not first <= record.tanggal <= last or not counts(circular, target, record):
            continue
        unit = record.unit.top if target.scope == "perangkat_daerah" else record.unit
        code = unit.kode
        span = windows(record.tanggal)
        spans[span.first] = span
        units[code] = unit
        tally = tallies[(code, span.first)]
        tally[1] += 1
        if meets(circular, target, record):
            tally[0] += 1
    lines = []
    for (code, start), (matching, total) in sorted(tallies.items()):
        span = spans[start]
        facts = {"pegawai": _Holder(units[code]), "kalender": circular.calendar.day(start)}
        wanted = Decimal(circular.interpreter.evaluate(target.amount, facts, start))
        share = Decimal(matching) / Decimal(total)
        met = share >= wanted if target.bound == "at_least" else share <= wanted
        lines.append(
            TargetLine(
                target.id,
                target.clause,
                target.title,
                code,
                span,
                matching,
                total,
                share,
                wanted,
                target.bound,
                met,
            )
        )
    return lines


def _checklist_findings(
    duty: ir.ChecklistIR,
    modes: Counter[tuple[str, dt.date, str]],
    filed: dict[tuple[str, dt.date], EnergyChecklist],
) -> list[ChecklistFinding]:
    staff: Counter[tuple[str, dt.date]] = Counter()
    for (unit, day, mode), count in modes.items():
        if mode in duty.modes:
            staff[(unit, day)] += count
    findings = []
    for (unit, day), count in sorted(staff.items()):
        checklist = filed.get((unit, day))
        done = {item.name for item in checklist.dimatikan} if checklist else set()
        missing = tuple(sorted(duty.items - done))
        if missing:
            findings.append(
                ChecklistFinding(
                    duty.id, duty.clause, unit, day, count, missing, checklist is not None
                )
            )
    return findings


#: The record kind (``edaran.io.records.KINDS``) each argument of :func:`run_quotas` takes.
_ARGUMENTS = {
    "perjalanan": "trips",
    "kendaraan": "vehicles",
    "rapat": "meetings",
    "daftar_periksa": "checklists",
}


def quota_records(records: Mapping[str, Sequence[Any]]) -> dict[str, Any]:
    """Records read by kind (``perjalanan``, ...) as :func:`run_quotas`' keyword arguments.

    A kind that is absent is left out, so ``checklists`` stays None (no
    checklist file) rather than empty (a file with no rows).
    """
    return {_ARGUMENTS[kind]: found for kind, found in records.items() if kind in _ARGUMENTS}


def run_quotas(
    circular: Circular,
    roster: Roster,
    *,
    trips: Sequence[Any] = (),
    vehicles: Sequence[Any] = (),
    meetings: Sequence[Any] = (),
    checklists: Sequence[EnergyChecklist] | None = None,
    first: dt.date | None = None,
    last: dt.date | None = None,
    absences: Iterable[Absence] = (),
    modes: Counter[tuple[str, dt.date, str]] | None = None,
    rows: Mapping[str, Mapping[str, int]] | None = None,
) -> QuotaResult:
    """Quotas, targets and checklist findings from ``first`` to ``last``.

    Without dates: from the date in force to its end, or to the last record
    of the current year.  Records outside the range count only as baselines.
    Checklist duties are judged only when ``checklists`` is given (an empty
    list: nothing was filed); None means there is no checklist data.
    ``modes`` are :func:`mode_days` counts covering the range when the caller
    already has them (the schedule is not made again; its warnings are then
    the caller's).  Per-record rules (``ketentuan``) judge every record in the
    range; ``rows`` gives, per kind, the file row of each record id (see
    :func:`edaran.io.records.read_records`).
    """
    program = circular.program
    header = program.header
    start = first or header.effective_from or dt.date.min
    records = {"perjalanan": trips, "kendaraan": vehicles, "rapat": meetings}
    if last is None:
        dates = [r.tanggal for kind in records.values() for r in kind if r.tanggal >= start]
        dates += [c.tanggal for c in checklists or () if c.tanggal >= start]
        last = header.effective_until or (max(dates) if dates else start)
    lines: list[QuotaLine] = []
    for quota in program.quotas:
        units = _scope_units(roster, quota.scope)
        lines.extend(_quota_lines(circular, quota, records[quota.kind], units, start, last))
    targets = [
        line
        for target in program.targets
        for line in _target_lines(circular, target, records[target.kind], start, last)
    ]
    findings: list[ChecklistFinding] = []
    warnings: list[Diagnostic] = []
    if program.checklists and checklists is not None:
        if modes is None:
            modes = mode_days(
                circular, roster.employees, start, last, absences=absences, errors=warnings
            )
        else:
            modes = Counter({k: n for k, n in modes.items() if start <= k[1] <= last})
        filed = {(c.unit.kode, c.tanggal): c for c in checklists}
        for duty in program.checklists:
            findings.extend(_checklist_findings(duty, modes, filed))
    failures = check_provisions(circular, records, first=start, last=last, rows=rows)
    return QuotaResult(
        tuple(lines),
        tuple(targets),
        tuple(findings),
        tuple(warnings),
        provenance=provenance(circular),
        records=tuple(failures),
    )


def _scope_units(roster: Roster, scope: str) -> dict[str, Any]:
    if scope == "perangkat_daerah":
        units = [u for u in roster.units.values() if u.induk is None]
    else:
        units = list(roster.units.values())
    return {u.kode: u for u in sorted(units, key=lambda u: u.kode)}
