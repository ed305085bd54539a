"""``edaran sql --dialect postgres`` on a real PostgreSQL server agrees with the interpreter.

The server is the session's own (``conftest.postgres_dsn``).  Each test loads
the roster's fact tables, runs the script ``edaran sql`` prints (DDL, the
lineage fill, the calendar, the query) and compares every employee-day with
the Python engine; rows are ordered by date and NIP, as the query orders
them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings

from edaran.cli import main
from edaran.core import EdaranError
from edaran.engine import Circular, Decision
from edaran.engine.sql import SqlPlan, SqlRefused, transpile
from edaran.io import Roster, load_roster
from edaran.population import ORDER_COLUMN, Outcomes, roster_facts
from paths import REFERENCE, SAMPLE_ROSTER
from population.helpers import expected, first_disagreements
from strategies import scenarios

_SCHEMAS = itertools.count()


@contextlib.contextmanager
def _schema(dsn: str) -> Iterator[psycopg.Connection]:
    """A connection whose tables live in a fresh schema, dropped afterwards."""
    name = f"uji_{next(_SCHEMAS)}"
    with psycopg.connect(dsn, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {name}")
        con.execute(f"SET search_path TO {name}")
        try:
            yield con
        finally:
            con.execute(f"DROP SCHEMA {name} CASCADE")


def _script(path: Path, first: dt.date, last: dt.date) -> list[str]:
    out = io.StringIO()
    args = ["sql", str(path), "--dialect", "postgres", "--from", str(first), "--to", str(last)]
    with contextlib.redirect_stdout(out):
        assert main(args) == 0
    statements = [s.strip() for s in out.getvalue().split(";\n")]
    return [
        s for s in statements if s and not all(line.startswith("--") for line in s.splitlines())
    ]


def _decide_on_postgres(
    con: psycopg.Connection, circular: Circular, script: list[str], roster: Roster
) -> list[Decision]:
    *setup, query = script
    for statement in setup[:4]:  # the four CREATE TABLE
        con.execute(statement)
    for table, columns in roster_facts(roster, circular.schema).items():
        columns.pop(ORDER_COLUMN, None)
        names = ", ".join(columns)
        marks = ", ".join(["%s"] * len(columns))
        with con.cursor() as cursor:
            rows = list(zip(*columns.values(), strict=True))
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
    con.execute("DELETE FROM silsilah_unit")  # the script fills it from unit
    for statement in setup[4:]:
        con.execute(statement)
    con.execute(f"CREATE TABLE keputusan AS SELECT * FROM ({query}) AS q")
    outcomes = Outcomes(SqlPlan(circular.program, circular.schema))
    read = transpile(Outcomes.DECISIONS_SQL.format(order="nip"), "duckdb", "postgres")
    return list(outcomes.decisions(con.execute(read).fetchall()))


def _by_date_and_nip(decisions: list[Decision]) -> list[Decision]:
    return sorted(decisions, key=lambda d: (d.date, d.nip))


def test_reference_circular_on_postgres(postgres_dsn: str) -> None:
    """Every employee of the sample roster, April 2026, decided inside PostgreSQL."""
    circular = Circular.load(REFERENCE)
    roster = load_roster(SAMPLE_ROSTER)
    first, last = dt.date(2026, 3, 30), dt.date(2026, 4, 17)
    with _schema(postgres_dsn) as con:
        mine = _decide_on_postgres(con, circular, _script(REFERENCE, first, last), roster)
    theirs, undecided, _ = expected(circular, roster.employees, first, last)
    assert undecided == 0
    problems = first_disagreements(mine, _by_date_and_nip(theirs))
    assert not problems, "\n".join(problems)
    assert {d.value for d in mine} >= {"WFO", "WFH", "WFA", "LIBUR", "TIDAK_BERLAKU"}


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(scenarios(hours=False))
def test_generated_circulars_on_postgres(
    postgres_dsn: str, tmp_path_factory: pytest.TempPathFactory, scenario: tuple[Any, ...]
) -> None:
    rule_file, people, days = scenario
    path = tmp_path_factory.mktemp("pg") / "aturan.edaran"
    path.write_text(rule_file.text, encoding="utf-8")
    try:  # as edaran sql loads it: with the static search for conflicts
        circular = Circular.load(path)
    except EdaranError:
        return
    first, last = min(days), max(days)
    roster = Roster({}, people.employees)
    try:
        script = _script(path, first, last)
    except SqlRefused:  # pragma: no cover - the generated files use nothing refused
        pytest.fail(rule_file.text)
    with _schema(postgres_dsn) as con:
        mine = _decide_on_postgres(con, circular, script, roster)
    theirs, _, _ = expected(circular, roster.employees, first, last)
    problems = first_disagreements(mine, _by_date_and_nip(theirs))
    assert not problems, "\n".join(problems) + "\n" + rule_file.text
