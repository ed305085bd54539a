"""Deciding a whole population on Spark; needs ``pyspark`` (the ``spark`` extra).

:class:`SparkRun` runs the same plan as :class:`~edaran.population.duckdb_run.DuckRun`,
transpiled by sqlglot into Spark SQL, over fact tables registered as
temporary views; its result is the view ``keputusan``, read through the same
statements (:class:`~edaran.population.outcome.Outcomes`).  Schedules are not
made on Spark yet (``edaran schedule`` runs the Python scheduler).

Local mode (``local[*]``) by default; ``master`` names a cluster
(``spark://host:7077``, ``yarn``), see ``docs/population.md``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
from pyspark.sql import DataFrame, SparkSession

from edaran.core import types as t
from edaran.engine.circular import Circular
from edaran.engine.decision import Decision, DecisionError
from edaran.engine.sql import SqlPlan, fact_columns, lineage_fill, transpile
from edaran.io.roster import Roster
from edaran.messages import Lang
from edaran.population.duckdb_run import arrow_type
from edaran.population.engines import refuse_versions
from edaran.population.facts import ORDER_COLUMN, calendar_facts, roster_facts
from edaran.population.outcome import Outcomes

__all__ = ["SparkRun", "spark_session"]


def spark_session(
    master: str = "local[*]", *, app: str = "edaran", partitions: int | None = None
) -> SparkSession:
    """A Spark session (the one already running in this process, if any).

    ``partitions`` is the number of shuffle partitions: Spark's default (200)
    suits a cluster; in local mode a few per core are enough.
    """
    if partitions is None:
        partitions = 8 if master.startswith("local") else 200
    session = (
        SparkSession.builder.master(master)
        .appName(app)
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", str(partitions))
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    return session


class SparkRun:
    """One circular deciding one output on Spark."""

    def __init__(
        self,
        circular: Circular,
        output: str = "moda_kerja",
        lang: Lang = "id",
        *,
        session: SparkSession | None = None,
        master: str = "local[*]",
    ) -> None:
        refuse_versions(circular)
        self.circular = circular
        self.lang = lang
        self.plan = SqlPlan(circular.program, circular.schema, output, lang)
        self.outcomes = Outcomes(self.plan)
        self.spark = session or spark_session(master)

    # ---------------------------------------------------------------- facts
    def load_roster(self, roster: Roster) -> None:
        """Register ``pegawai``, ``unit`` and ``silsilah_unit`` as views of a roster."""
        declared = fact_columns(self.circular.schema)
        types = {table: {name: kind for name, kind, _ in cols} for table, cols in declared.items()}
        types["pegawai"][ORDER_COLUMN] = t.INT
        for table, columns in roster_facts(roster, self.circular.schema).items():
            self._register(table, columns, types[table])

    def load_calendar(self, first: dt.date, last: dt.date) -> None:
        """Register ``kalender`` with the circular's days from ``first`` to ``last``."""
        declared = fact_columns(self.circular.schema)["kalender"]
        columns = calendar_facts(self.circular, first, last)
        self._register("kalender", columns, {name: kind for name, kind, _ in declared})

    def _register(
        self, table: str, columns: dict[str, list[Any]], types: dict[str, t.Type]
    ) -> None:
        arrow = pa.table({n: pa.array(v, type=arrow_type(types[n])) for n, v in columns.items()})
        self.spark.createDataFrame(arrow).createOrReplaceTempView(table)

    def fill_lineage(self) -> None:
        """``silsilah_unit`` from the view ``unit`` (when the units come from elsewhere)."""
        select = lineage_fill().expression.sql(dialect="spark")
        self.spark.sql(select).createOrReplaceTempView("silsilah_unit")

    # ------------------------------------------------------------- deciding
    def decide(self, first: dt.date | None = None, last: dt.date | None = None) -> DataFrame:
        """The view ``keputusan`` of every employee-day (cached, so the reads below share it)."""
        query = self.plan.sql("spark", first, last, order=(), keep=(ORDER_COLUMN,))
        frame = self.spark.sql(query).cache()
        frame.createOrReplaceTempView("keputusan")
        return frame

    def _sql(self, statement: str) -> list[Any]:
        return self.spark.sql(transpile(statement, "duckdb", "spark")).collect()

    def problems(self) -> tuple[list[DecisionError], int]:
        """One error per kind of undecided employee-day, and their count (as DuckRun)."""
        rows = self._sql(Outcomes.PROBLEMS_SQL.format(order=ORDER_COLUMN))
        count = self._sql(Outcomes.UNDECIDED_SQL)[0][0]
        return self.outcomes.problems([tuple(r) for r in rows], int(count))

    def decisions(self) -> Iterator[Decision]:
        """Every decided employee-day as a :class:`Decision`, day by day, in roster order."""
        rows = self.spark.sql(
            transpile(Outcomes.DECISIONS_SQL.format(order=ORDER_COLUMN), "duckdb", "spark")
        ).toLocalIterator()
        yield from self.outcomes.decisions(tuple(r) for r in rows)

    def counts(self) -> Counter[tuple[str, str]]:
        """Decided employee-days per unit code and shown mode."""
        found: Counter[tuple[str, str]] = Counter()
        for unit, mode, count in self._sql(Outcomes.COUNTS_SQL):
            found[(unit, mode)] += int(count)
        return found

    def write(self, target: Path, fmt: str, *, partition: bool = True) -> int:
        """Write the decided rows as ``parquet``, ``csv`` or ``jsonl`` folders (Spark's writers)."""
        select = transpile(Outcomes.written_sql(fmt, partition, order=None), "duckdb", "spark")
        frame = self.spark.sql(select)
        writer = frame.write.mode("overwrite")
        if partition:
            writer = writer.partitionBy("unit", "bulan")
        if fmt == "parquet":
            writer.parquet(str(target))
        elif fmt == "csv":
            writer.option("header", True).csv(str(target))
        else:
            writer.json(str(target))
        return int(self._sql(Outcomes.WRITTEN_COUNT_SQL)[0][0])
