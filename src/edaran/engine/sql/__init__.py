"""The SQL backend: one query per output, built as a sqlglot tree from the checked program.

:class:`SqlPlan` turns a program's rules for one output into a query over the
fact tables (:func:`fact_tables` gives their DDL) that follows the
interpreter step by step (days out of force and days off first, then
exceptions, defaults and conflicts) and is transpiled by sqlglot into each
dialect of :data:`DIALECTS`.  The modules: ``tables`` (fact tables, literals,
fills), ``translate`` (IR expressions, one method per node class and
operation), ``resolution`` (defaults, exceptions, conflicts, reasons) and
``plan`` (the factored query).  Needs sqlglot (the ``sql`` extra).
"""

from __future__ import annotations

from edaran.engine.sql.plan import SqlPlan
from edaran.engine.sql.tables import (
    DIALECTS,
    OUTCOME_COLUMNS,
    SqlRefused,
    calendar_insert,
    column_type,
    fact_columns,
    fact_tables,
    lineage_fill,
    sql_value,
    transpile,
)

__all__ = [
    "DIALECTS",
    "OUTCOME_COLUMNS",
    "SqlPlan",
    "SqlRefused",
    "calendar_insert",
    "column_type",
    "fact_columns",
    "fact_tables",
    "lineage_fill",
    "sql_value",
    "transpile",
]
