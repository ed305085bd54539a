"""The SQL engine on DuckDB agrees with the interpreter, row for row.

Random rule files and workforces (``strategies.scenarios``), the reference
circular, every example circular and every template over their whole period;
conflicts and days no rule decides come out as the same E501 and E502.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, assume, given, settings

from edaran.core import EdaranError, render_all
from edaran.core.modes import ModeChoice
from edaran.engine import Circular
from edaran.engine.sql import SqlRefused
from edaran.io import Roster, load_roster
from edaran.lang import ir
from edaran.population import choose_engine
from edaran.population.duckdb_run import DuckRun
from paths import EXAMPLES, SAMPLE_ROSTER, TEMPLATES
from population.helpers import expected, first_disagreements
from strategies import scenarios

Scenario = tuple


#: one in-memory database for the whole module: each run replaces its tables
_CONNECTION = duckdb.connect()


def _run(circular: Circular, roster: Roster, first: dt.date, last: dt.date) -> DuckRun:
    run = DuckRun(circular, connection=_CONNECTION)
    run.create_tables()
    run.load_roster(roster)
    run.load_calendar(first, last)
    run.decide(first, last)
    return run


def _agree(circular: Circular, roster: Roster, first: dt.date, last: dt.date) -> int:
    """Compare DuckDB with the Python engine; return the employee-days compared."""
    run = _run(circular, roster, first, last)
    decisions, undecided, texts = expected(circular, roster.employees, first, last)
    mine = list(run.decisions())
    problems = first_disagreements(mine, decisions)
    assert not problems, "\n".join(problems)
    errors, count = run.problems()
    assert count == undecided
    # The same kinds of error; the employee-day each names is the first by date and NIP order
    # in SQL and the first met in roster order in Python, so the codes and clauses are compared.
    kinds = sorted(
        (d.code, d.args.get("first"), d.args.get("second")) for e in errors for d in e.diagnostics
    )
    assert kinds == sorted({_kind(t) for t in texts}), (kinds, texts)
    return len(mine) + count


def _kind(text: str) -> tuple[str, object, object]:
    code = text.split("]", 1)[0].split("[", 1)[1]
    if code != "E501":
        return (code, None, None)
    words = text.split(": ", 1)[1]
    first = words.split(" gives ", 1)[0].removeprefix("conflict at run time: ")
    second = words.split(", ", 1)[1].split(" gives ", 1)[0]
    return (code, first, second)


def _scenario(scenario: Scenario) -> int:
    rule_file, people, days = scenario
    try:
        circular = Circular.from_text(rule_file.text, static_conflicts=False)
    except EdaranError:
        return 0
    try:
        return _agree(circular, Roster({}, people.employees), min(days), max(days))
    except SqlRefused as refused:
        # Only what the plan cannot express is refused: the generated files use none of it.
        pytest.fail(render_all(refused.diagnostics, "en") + "\n" + rule_file.text)


PROPERTY = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@PROPERTY
@given(scenarios(hours=False))
def test_duckdb_agrees_with_the_interpreter(scenario: Scenario) -> None:
    _scenario(scenario)


@settings(PROPERTY, max_examples=20)
@given(scenarios(hours=True))
def test_working_hours_are_refused_never_decided(scenario: Scenario) -> None:
    """A file with hours of the day (other outputs, time arithmetic) is refused with an E80x."""
    rule_file = scenario[0]
    assume("keluaran jam_pulang" in rule_file.text)
    try:
        circular = Circular.from_text(rule_file.text, static_conflicts=False)
    except EdaranError:
        return
    with pytest.raises(SqlRefused) as refused:
        choose_engine("duckdb", circular, 10)
    assert refused.value.code in ("E800", "E803", "E804")


@pytest.mark.slow
def test_duckdb_agrees_long_run() -> None:
    """At least 100,000 employee-days of generated scenarios (``pytest -m slow``)."""
    compared: list[int] = []

    @settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
    @given(scenarios(hours=False))
    def run(scenario: Scenario) -> None:
        compared.append(_scenario(scenario))

    run()
    assert sum(compared) >= 100_000, sum(compared)


# ------------------------------------------------------- shipped circulars
def _circulars() -> list[Path]:
    return [*sorted(EXAMPLES.glob("*/*.edaran")), *sorted(TEMPLATES.glob("*.edaran"))]


def _whole_period(circular: Circular) -> tuple[dt.date, dt.date]:
    """A week before the start to the end, or one year in force for a circular without one."""
    header = circular.program.header
    assert header.effective_from is not None
    end = header.effective_until or header.effective_from.replace(
        year=header.effective_from.year + 1
    )
    return header.effective_from - dt.timedelta(days=7), end


@pytest.mark.parametrize("path", _circulars(), ids=lambda p: p.stem)
def test_shipped_circulars_agree_row_for_row(path: Path) -> None:
    """Each example with its own roster (a template with the provincial one), its first weeks.

    ``pytest -m slow`` compares the whole period.
    """
    circular = Circular.load(path)
    roster_dir = path.parent / "roster"
    roster_path = roster_dir if roster_dir.is_dir() else SAMPLE_ROSTER
    roster = load_roster(roster_path, **circular.roster_classes())
    first, _ = _whole_period(circular)
    if _refused_for_its_scope(circular):
        return
    assert _agree(circular, roster, first, first + dt.timedelta(days=20)) > 0


def _refused_for_its_scope(circular: Circular) -> bool:
    """A circular with a scope (``mencakup``) or a choice left to the head of unit
    (``dipilih dari``) is refused with E800, never decided differently: the Python
    engine decides it (its backends are compared in tests/examples/).  True when
    refused as expected."""
    program = circular.program
    choice = any(
        isinstance(r.value, ir.Const) and isinstance(r.value.value, ModeChoice)
        for r in program.rules
    )
    if program.header.scope is None and not choice:
        return False
    with pytest.raises(SqlRefused) as refused:
        DuckRun(circular)
    assert refused.value.code == "E800"
    return True


@pytest.mark.slow
@pytest.mark.parametrize("path", _circulars(), ids=lambda p: p.stem)
def test_shipped_circulars_agree_over_their_whole_period(path: Path) -> None:
    circular = Circular.load(path)
    roster_dir = path.parent / "roster"
    roster_path = roster_dir if roster_dir.is_dir() else SAMPLE_ROSTER
    roster = load_roster(roster_path, **circular.roster_classes())
    if _refused_for_its_scope(circular):
        return
    assert _agree(circular, roster, *_whole_period(circular)) > 0
