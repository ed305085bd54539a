"""Whole populations: the SQL engine run on DuckDB (embedded) or Spark (a cluster).

The queries come from :mod:`edaran.engine.sql`; this package loads the fact
tables, runs them and writes what they decide.  DuckDB and PySpark are
optional extras (``edaran[scale]``, ``edaran[spark]``), and the queries need
sqlglot: the runners import them at the top of their own modules, and this
face loads those modules only when a name from them is asked for (PEP 562),
so ``import edaran.population`` costs nothing without them.
"""

from __future__ import annotations

import typing

from edaran.population.engines import (
    AUTO_THRESHOLD,
    ENGINES,
    OUTPUT_COLUMNS,
    EngineChoice,
    choose_engine,
    engine_available,
    refuse_versions,
)

if typing.TYPE_CHECKING:
    from edaran.population.duckdb_run import DuckRun
    from edaran.population.facts import ORDER_COLUMN, calendar_facts, roster_facts
    from edaran.population.outcome import DECIDED, Outcomes
    from edaran.population.spark_run import SparkRun

__all__ = [
    "AUTO_THRESHOLD",
    "DECIDED",
    "ENGINES",
    "ORDER_COLUMN",
    "OUTPUT_COLUMNS",
    "DuckRun",
    "EngineChoice",
    "Outcomes",
    "SparkRun",
    "calendar_facts",
    "choose_engine",
    "engine_available",
    "refuse_versions",
    "roster_facts",
]

_LAZY = {
    "DECIDED": "edaran.population.outcome",
    "DuckRun": "edaran.population.duckdb_run",
    "ORDER_COLUMN": "edaran.population.facts",
    "Outcomes": "edaran.population.outcome",
    "SparkRun": "edaran.population.spark_run",
    "calendar_facts": "edaran.population.facts",
    "roster_facts": "edaran.population.facts",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
