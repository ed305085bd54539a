"""Per-unit summaries of decisions over a period, for the terminal."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping

from edaran.core.modes import BUILTIN_MODES, STATUS_NOT_IN_FORCE, STATUS_OFF
from edaran.engine.circular import Circular
from edaran.io.roster import Roster

__all__ = ["first_period", "summarize", "summary_table"]


def first_period(circular: Circular) -> tuple[dt.date, dt.date]:
    """The first evaluation period in force: from the date in force to the end of its period.

    Periods are ``evaluasi setiap N bulan`` long, counted from the first
    version's start (an amendment's first period may be a part of one).
    Without an evaluation clause the period is one month.
    """
    header = circular.program.header
    start = header.effective_from
    assert start is not None  # the checker requires it
    end = circular.windows.period(start).last
    if header.effective_until and header.effective_until < end:
        end = header.effective_until
    return start, end


def summarize(
    roster: Roster, counts: Mapping[tuple[str, object], int]
) -> list[tuple[str, str, int, Counter[str]]]:
    """Rows (code, name, staff, employee-days by mode) per top-level unit, in roster order."""
    staff: Counter[str] = Counter()
    names: dict[str, str] = {}
    for employee in roster.employees:
        unit = employee.unit.top
        staff[unit.kode] += 1
        names[unit.kode] = unit.nama
    rows = []
    for code in names:
        modes: Counter[str] = Counter()
        for (top, value), count in counts.items():
            if top == code:
                modes[str(value)] += count
        rows.append((code, names[code], staff[code], modes))
    return rows


def summary_table(
    rows: list[tuple[str, str, int, Counter[str]]],
    lang: str,
    unit_word: str,
    people_word: str,
    total_word: str,
) -> str:
    """A plain-text table: one line per unit, a column per mode, a total line."""
    seen = {mode for *_, modes in rows for mode in modes}
    columns = [m for m in BUILTIN_MODES if m in seen]
    columns += sorted(
        m for m in seen if m not in BUILTIN_MODES and m not in (STATUS_OFF, STATUS_NOT_IN_FORCE)
    )
    columns += [m for m in (STATUS_OFF, STATUS_NOT_IN_FORCE) if m in seen]
    width = max([len(unit_word), len(total_word), *(len(code) for code, *_ in rows)])
    head = f"{unit_word:<{width}}  {people_word:>7}" + "".join(f"  {c:>9}" for c in columns)
    lines = [head, "-" * len(head)]
    totals: Counter[str] = Counter()
    staff = 0
    for code, _name, people, modes in rows:
        lines.append(
            f"{code:<{width}}  {people:>7}" + "".join(f"  {modes.get(c, 0):>9}" for c in columns)
        )
        totals.update(modes)
        staff += people
    lines.append("-" * len(head))
    lines.append(
        f"{total_word:<{width}}  {staff:>7}" + "".join(f"  {totals.get(c, 0):>9}" for c in columns)
    )
    return "\n".join(lines)
