"""The fact tables of a roster and a calendar, as columns (no DuckDB or Spark needed here).

:func:`roster_facts` turns a :class:`~edaran.io.roster.Roster` into the columns of
``pegawai``, ``unit`` and ``silsilah_unit`` as :func:`edaran.engine.sql.fact_columns`
declares them; :func:`calendar_facts` the days of ``kalender`` for a date
range, from the circular's own calendar (holidays, collective leave, its
closures and working week).  The runners hand these columns to their engine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from edaran.engine.circular import Circular
from edaran.engine.sql import fact_columns, sql_value
from edaran.io.roster import Roster
from edaran.lang.schema import Schema
from edaran.model.workforce import Unit

__all__ = ["ORDER_COLUMN", "Columns", "calendar_facts", "roster_facts"]

#: A column added to ``pegawai``: the roster's order, which output rows follow.
ORDER_COLUMN = "urutan"

#: table -> column -> values
Columns = dict[str, dict[str, list[object]]]


def roster_facts(roster: Roster, schema: Schema) -> Columns:
    """``pegawai`` (with :data:`ORDER_COLUMN`), ``unit`` and ``silsilah_unit`` of a roster."""
    declared = fact_columns(schema)
    people: dict[str, list[object]] = {name: [] for name, _, _ in declared["pegawai"]}
    people[ORDER_COLUMN] = []
    for order, employee in enumerate(roster.employees):
        for name in people:
            if name != ORDER_COLUMN:
                people[name].append(sql_value(getattr(employee, name)))
        people[ORDER_COLUMN].append(order)
    units = _units(roster)
    table: dict[str, list[object]] = {name: [] for name, _, _ in declared["unit"]}
    lineage: dict[str, list[object]] = {"kode": [], "leluhur": [], "jarak": []}
    for unit in units:
        for name in table:
            table[name].append(sql_value(getattr(unit, name)))
        seen: Unit | None = unit
        distance = 0
        codes: set[str] = set()
        while seen is not None and seen.kode not in codes:
            codes.add(seen.kode)
            lineage["kode"].append(unit.kode)
            lineage["leluhur"].append(seen.kode)
            lineage["jarak"].append(distance)
            seen, distance = seen.induk, distance + 1
    return {"pegawai": people, "unit": table, "silsilah_unit": lineage}


def _units(roster: Roster) -> list[Unit]:
    """Every unit of the roster and every parent they name, each once."""
    found: dict[str, Unit] = {}
    pending: list[Unit] = [*roster.units.values(), *(e.unit for e in roster.employees)]
    while pending:
        unit = pending.pop()
        if unit.kode in found:
            continue
        found[unit.kode] = unit
        if unit.induk is not None:
            pending.append(unit.induk)
    return list(found.values())


def calendar_facts(circular: Circular, first: dt.date, last: dt.date) -> dict[str, list[object]]:
    """The ``kalender`` rows of every day from ``first`` to ``last``."""
    declared = fact_columns(circular.schema)["kalender"]
    columns: dict[str, list[object]] = {name: [] for name, _, _ in declared}
    for day in circular.calendar.days(first, last):
        for name in columns:
            columns[name].append(sql_value(getattr(day, name)))
    return columns


def rows(columns: dict[str, list[object]]) -> Iterable[tuple[object, ...]]:
    """The rows of a table given as columns."""
    return zip(*columns.values(), strict=True)
