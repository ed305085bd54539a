"""The SQL engine on Spark (local mode) agrees with the interpreter.

Spark starts a JVM (about half a minute on this machine), so these tests
share one session and are marked ``spark``: left out of the default run,
run on their own by ``.ci/run`` (``pytest -m spark``).  The samples are small;
``-m "spark and slow"`` runs more.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from edaran.core import EdaranError
from edaran.engine import Circular
from edaran.io import Roster, load_roster
from paths import REFERENCE, SAMPLE_ROSTER
from population.helpers import expected, first_disagreements
from strategies import scenarios

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def spark() -> Iterator[object]:
    from edaran.population.spark_run import spark_session

    session = spark_session("local[2]", partitions=2)
    yield session
    session.stop()


def _agree(
    session: object, circular: Circular, roster: Roster, first: dt.date, last: dt.date
) -> None:
    from edaran.population.spark_run import SparkRun

    run = SparkRun(circular, session=session)  # type: ignore[arg-type]
    run.load_roster(roster)
    run.load_calendar(first, last)
    run.decide(first, last)
    decisions, undecided, _ = expected(circular, roster.employees, first, last)
    problems = first_disagreements(list(run.decisions()), decisions)
    assert not problems, "\n".join(problems)
    _, count = run.problems()
    assert count == undecided


def test_reference_circular_on_spark(spark: object) -> None:
    """Two weeks of the sample roster, its first working days included."""
    roster = load_roster(SAMPLE_ROSTER)
    _agree(spark, Circular.load(REFERENCE), roster, dt.date(2026, 3, 30), dt.date(2026, 4, 12))


def test_written_parquet_is_partitioned_by_unit_and_month(spark: object, tmp_path: Path) -> None:
    from edaran.population.spark_run import SparkRun

    run = SparkRun(Circular.load(REFERENCE), session=spark)  # type: ignore[arg-type]
    run.load_roster(load_roster(SAMPLE_ROSTER))
    first, last = dt.date(2026, 4, 27), dt.date(2026, 5, 4)
    run.load_calendar(first, last)
    run.decide(first, last)
    written = run.write(tmp_path / "keputusan", "parquet", partition=True)
    assert written == 3055 * 8
    months = {p.name for p in (tmp_path / "keputusan").glob("unit=BAPPEDA/*")}
    assert months == {"bulan=2026-04", "bulan=2026-05"}


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(scenarios(hours=False))
def test_generated_circulars_on_spark(spark: object, scenario: tuple[object, ...]) -> None:
    rule_file, people, days = scenario  # type: ignore[misc]
    try:
        circular = Circular.from_text(rule_file.text, static_conflicts=False)
    except EdaranError:
        return
    _agree(spark, circular, Roster({}, people.employees), min(days), max(days))
