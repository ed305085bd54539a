"""Per-unit summaries of decisions over a period, for the terminal."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping

from edaran.engine.circular import Circular
from edaran.io.publish import text_table
from edaran.io.roster import Roster
from edaran.messages import Lang, message
from edaran.scheduling.presentation import mode_columns

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


def summary_table(rows: list[tuple[str, str, int, Counter[str]]], lang: Lang) -> str:
    """A plain-text table: one line per unit, a column per mode, a total line."""
    columns = mode_columns((mode for *_, modes in rows for mode in modes), with_off=True)
    table: list[list[object]] = [[message("cli.unit", lang), message("cli.people", lang), *columns]]
    totals: Counter[str] = Counter()
    for code, _name, people, modes in rows:
        table.append([code, people, *(modes.get(c, 0) for c in columns)])
        totals.update(modes)
    staff = sum(people for _, _, people, _ in rows)
    table.append([message("cli.total", lang), staff, *(totals.get(c, 0) for c in columns)])
    widths = (0, 7, *[9] * len(columns))
    return "\n".join(text_table(table, total=True, min_widths=widths))
