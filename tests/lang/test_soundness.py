"""The static search keeps its promise: what ``check`` proves, no run contradicts.

Random rule files (``strategies.rule_files``, with parameters, sets, tables
and dates), random workforces whose units sit in random trees, and random days
of 2026.  Whenever ``check`` reports no conflict (no E302) and no pair left
unchecked (no W307), neither backend raises E501 on any employee-day; and no
rule that ``check`` called never applicable (W305) applies to anyone on any
working day in force.

The default suite runs a short version; ``pytest -m slow`` runs 10,000
programs and prints how many of them were clean, had W305 rules, or were
refused with E302.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings

from edaran.core import EdaranError, EvalError
from edaran.engine import Circular, DecisionError
from strategies import RuleFile, Workforce, scenarios

Scenario = tuple[RuleFile, Workforce, tuple[dt.date, ...]]


def _soundness(scenario: Scenario, tally: Counter[str]) -> None:
    rule_file, people, days = scenario
    try:
        circular = Circular.from_text(rule_file.text)
    except EdaranError as err:
        codes = {d.code for d in err.diagnostics}
        tally["refused: E302" if "E302" in codes else "refused: other"] += 1
        return
    warned = {d.code for d in circular.warnings}
    never = {str(d.args["ref"]) for d in circular.warnings if d.code == "W305"}
    complete = "W307" not in warned
    tally["clean" if complete else "clean, some pairs unchecked (W307)"] += 1
    tally["with a W305 rule"] += bool(never)
    for employee in people.employees:
        for day in days:
            for backend in ("interpreter", "compiled"):
                try:
                    circular.decide(employee, day, backend=backend)
                except DecisionError as err:
                    code = err.diagnostics[0].code
                    assert not (complete and code == "E501"), (
                        f"check found no conflict, yet {backend} raised E501 for "
                        f"{employee!r} on {day}:\n{rule_file.text}"
                    )
            _never_means_never(circular, never, employee, day, rule_file)


def _never_means_never(
    circular: Circular, never: set[str], employee: object, date: dt.date, rule_file: RuleFile
) -> None:
    if not never:
        return
    version = circular.in_force(date)
    calendar_day = version.calendar.day(date)
    if version._outside(employee, calendar_day, "moda_kerja") is not None:  # type: ignore[arg-type]
        return  # a day off or out of force: no rule runs
    subject = {"pegawai": employee, "kalender": calendar_day}
    for rule in version.program.rules:
        if rule.id not in never or rule.condition is None:
            continue
        try:
            applies = version.interpreter.evaluate(rule.condition, subject, date) is True
        except EvalError:
            continue
        assert not applies, (
            f"check said {rule.id} never applies, yet it applies to {employee!r} on {date}:\n"
            f"{rule_file.text}"
        )


# Short in the default suite: test_soundness_long_run runs 10,000 under -m slow.
PROPERTY = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    report_multiple_bugs=False,
)


@PROPERTY
@given(scenarios())
def test_a_clean_check_means_no_conflict_at_run_time(scenario: Scenario) -> None:
    _soundness(scenario, Counter())


@PROPERTY
@given(scenarios(evaluation_errors=True))
def test_soundness_with_conditions_that_cannot_always_be_computed(scenario: Scenario) -> None:
    _soundness(scenario, Counter())


@pytest.mark.slow
def test_soundness_long_run(capsys: pytest.CaptureFixture[str]) -> None:
    """10,000 generated programs: ``pytest -m slow -s tests/lang/test_soundness.py``."""
    tally: Counter[str] = Counter()

    @settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
    @given(scenarios())
    def run(scenario: Scenario) -> None:
        tally["programs"] += 1
        _soundness(scenario, tally)

    run()
    with capsys.disabled():
        print("\nsoundness:", dict(sorted(tally.items())))
    assert tally["programs"] >= 10_000
