"""Deciding a whole population on DuckDB, the embedded default for bulk runs; needs ``duckdb``.

:class:`DuckRun` loads the fact tables (from a roster, or already in a
database file), defines the query of :class:`edaran.engine.sql.SqlPlan` as the view
``keputusan``, and from there reports the employee-days it could not
decide (E501, E502, as the interpreter words them), counts, writes CSV,
JSON lines or Parquet with DuckDB's own writers (no row passes through
Python), or hands back :class:`~edaran.engine.decision.Decision` objects for
tests.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from edaran.core import types as t
from edaran.engine.circular import Circular
from edaran.engine.decision import Decision, DecisionError
from edaran.engine.sql import SqlPlan, fact_columns, fact_tables
from edaran.io.roster import Roster
from edaran.messages import Lang
from edaran.population.engines import refuse_versions
from edaran.population.facts import ORDER_COLUMN, calendar_facts, roster_facts
from edaran.population.outcome import Outcomes

__all__ = ["DuckRun", "arrow_type"]


def arrow_type(kind: t.Type) -> pa.DataType:
    """The Arrow type a fact of ``kind`` is handed to an engine in."""
    if kind == t.BOOL:
        return pa.bool_()
    if kind == t.INT:
        return pa.int64()
    if kind == t.DATE:
        return pa.date32()
    if kind in (t.DECIMAL, t.PERCENT, t.MONEY) or isinstance(kind, t.QuantityType):
        return pa.decimal128(38, 10)
    return pa.string()


class DuckRun:
    """One circular deciding one output on DuckDB.

    ``database`` is a DuckDB file (or ``:memory:``), or ``connection`` one
    already open (its fact tables are replaced); ``threads`` and
    ``memory_limit`` bound what DuckDB uses (it spills to disk beyond it).
    """

    def __init__(
        self,
        circular: Circular,
        output: str = "moda_kerja",
        lang: Lang = "id",
        *,
        database: str = ":memory:",
        connection: duckdb.DuckDBPyConnection | None = None,
        threads: int | None = None,
        memory_limit: str | None = None,
    ) -> None:
        refuse_versions(circular)
        self.circular = circular
        self.plan = SqlPlan(circular.program, circular.schema, output, lang)
        self.outcomes = Outcomes(self.plan)
        self.con = connection if connection is not None else duckdb.connect(database)
        if threads is not None:
            self.con.execute(f"SET threads = {int(threads)}")
        if memory_limit is not None:
            self.con.execute("SET memory_limit = ?", [memory_limit])
        self.decided = False

    # ---------------------------------------------------------------- facts
    def create_tables(self) -> None:
        """The empty fact tables (``pegawai`` with the order column)."""
        for statement in fact_tables(self.circular.schema):
            statement.set("replace", True)
            self.con.execute(statement.sql(dialect="duckdb"))
        self.con.execute(f"ALTER TABLE pegawai ADD COLUMN {ORDER_COLUMN} BIGINT")

    def load_roster(self, roster: Roster) -> None:
        """Fill ``pegawai``, ``unit`` and ``silsilah_unit`` from a roster."""
        declared = fact_columns(self.circular.schema)
        types = {table: {name: kind for name, kind, _ in cols} for table, cols in declared.items()}
        types["pegawai"][ORDER_COLUMN] = t.INT
        for table, columns in roster_facts(roster, self.circular.schema).items():
            self._insert(table, columns, types[table])

    def load_calendar(self, first: dt.date, last: dt.date) -> None:
        """Fill ``kalender`` with the circular's days from ``first`` to ``last``."""
        declared = fact_columns(self.circular.schema)["kalender"]
        columns = calendar_facts(self.circular, first, last)
        self._insert("kalender", columns, {name: kind for name, kind, _ in declared})

    def _insert(self, table: str, columns: dict[str, list[Any]], types: dict[str, t.Type]) -> None:
        arrays = {
            name: pa.array(values, type=arrow_type(types[name])) for name, values in columns.items()
        }
        frame = pa.table(arrays)
        self.con.register("_edaran_rows", frame)
        names = ", ".join(columns)
        self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _edaran_rows")
        self.con.unregister("_edaran_rows")

    # ------------------------------------------------------------- deciding
    def decide(self, first: dt.date | None = None, last: dt.date | None = None) -> None:
        """Define the view ``keputusan``: every employee-day from ``first`` to ``last``.

        A view, not a table: each reading below (counts, a file, the problems)
        runs the factored query again as a stream, so a national year never
        sits in memory whole.
        """
        query = self.plan.sql("duckdb", first, last, order=(), keep=(ORDER_COLUMN,))
        self.con.execute(f"CREATE OR REPLACE VIEW keputusan AS {query}")
        self.decided = True

    def problems(self) -> tuple[list[DecisionError], int]:
        """One error per kind of undecided employee-day (its first by date and roster order),
        and their count."""
        cursor = self.con.execute(Outcomes.PROBLEMS_SQL.format(order=ORDER_COLUMN))
        return self.outcomes.problems(cursor.fetchall(), self._undecided())

    def _undecided(self) -> int:
        row = self.con.execute(Outcomes.UNDECIDED_SQL).fetchone()
        return int(row[0]) if row else 0

    def decisions(self) -> Iterator[Decision]:
        """Every decided employee-day as a :class:`Decision`, day by day, in roster order."""
        cursor = self.con.execute(Outcomes.DECISIONS_SQL.format(order=ORDER_COLUMN))
        while batch := cursor.fetchmany(10_000):
            yield from self.outcomes.decisions(batch)

    def counts(self) -> Counter[tuple[str, str]]:
        """Decided employee-days per unit code and shown mode."""
        found: Counter[tuple[str, str]] = Counter()
        for unit, mode, count in self.con.execute(Outcomes.COUNTS_SQL).fetchall():
            found[(unit, mode)] += int(count)
        return found

    # -------------------------------------------------------------- writing
    def write(self, target: Path, fmt: str, *, partition: bool = False) -> int:
        """Write the decided rows as ``csv``, ``jsonl`` or ``parquet``; return the row count.

        With ``partition`` (Parquet only), a folder partitioned by unit and month.
        """
        select = Outcomes.written_sql(fmt, partition, order=None if partition else ORDER_COLUMN)
        options = {
            "csv": "FORMAT CSV, HEADER TRUE",
            "jsonl": "FORMAT JSON",
            "parquet": "FORMAT PARQUET",
        }[fmt]
        if partition:
            options += ", PARTITION_BY (unit, bulan), OVERWRITE_OR_IGNORE TRUE"
        path = str(target).replace("'", "''")
        self.con.execute(f"COPY ({select}) TO '{path}' ({options})")
        row = self.con.execute(Outcomes.WRITTEN_COUNT_SQL).fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        """Close the connection."""
        self.con.close()
