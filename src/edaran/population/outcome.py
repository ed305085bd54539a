"""From the rows of the SQL engine back to what the Python engine gives: decisions and errors.

Every runner (DuckDB, Spark) stores the query's result as a table
``keputusan`` and reads it through the statements here (written for DuckDB,
transpiled by sqlglot for the others), so each reports the same employee-days
it could not decide, through the same E501 and E502 diagnostics as the
interpreter, naming the clauses and the employee-day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from edaran.core.diagnostics import Diagnostic
from edaran.engine.decision import Decision, DecisionError, Status
from edaran.engine.resolution import conflict_diagnostic, no_rule_diagnostic
from edaran.engine.sql import SqlPlan
from edaran.lang import ir
from edaran.population.engines import OUTPUT_COLUMNS

__all__ = ["DECIDED", "OUTPUT_COLUMNS", "Outcomes"]

#: The statuses of a decided employee-day (the others are ``conflict`` and ``no-rule``).
DECIDED = (Status.RULE, Status.DEFAULT, Status.OFF, Status.NOT_IN_FORCE, Status.AFTER_END)
_DECIDED_SQL = ", ".join(f"'{s}'" for s in DECIDED)


class Outcomes:
    """Reads the ``keputusan`` rows of one plan."""

    PROBLEMS_SQL = (
        "SELECT status, aturan, bentrok, nip, tanggal, nilai, nilai_bentrok FROM ("
        " SELECT *, row_number() OVER"
        " (PARTITION BY status, aturan, bentrok ORDER BY tanggal, {order}) AS urutan_masalah"
        " FROM keputusan WHERE status NOT IN (" + _DECIDED_SQL + ")"
        ") WHERE urutan_masalah = 1 ORDER BY tanggal, {order}"
    )
    UNDECIDED_SQL = "SELECT count(*) FROM keputusan WHERE status NOT IN (" + _DECIDED_SQL + ")"
    DECISIONS_SQL = (
        "SELECT nip, tanggal, status, aturan, kalah, nilai, catatan FROM keputusan"
        " WHERE status IN (" + _DECIDED_SQL + ") ORDER BY tanggal, {order}"
    )
    COUNTS_SQL = (
        "SELECT unit, moda, count(*) FROM keputusan WHERE status IN ("
        + _DECIDED_SQL
        + ") GROUP BY unit, moda"
    )
    WRITTEN_COUNT_SQL = "SELECT count(*) FROM keputusan WHERE status IN (" + _DECIDED_SQL + ")"

    def __init__(self, plan: SqlPlan) -> None:
        self.plan = plan
        self.rules: Sequence[ir.RuleIR] = plan.rules

    @staticmethod
    def written_sql(fmt: str, partition: bool, order: str | None) -> str:
        """The rows ``edaran decide`` writes: nip, unit, date, mode, clause, reason.

        Empty texts are NULL so that a CSV cell is empty, as Python's writer leaves it; in a
        CSV, a text a spreadsheet would read as a formula gets a leading ``'``, as
        :func:`edaran.io.publish.safe_cell` gives it.
        """
        text = _safe_cell if fmt == "csv" else _as
        columns = [
            text("nip", "nip"),
            text("unit", "unit"),
            "strftime(tanggal, '%Y-%m-%d') AS date" if fmt != "parquet" else "tanggal AS date",
            text("moda", "mode"),
            text("nullif(klausul, '')", "clause"),
            text("nullif(alasan, '')", "reason"),
        ]
        if partition:
            columns.append("strftime(tanggal, '%Y-%m') AS bulan")
        select = f"SELECT {', '.join(columns)} FROM keputusan WHERE status IN ({_DECIDED_SQL})"
        if order is not None:
            select += f" ORDER BY tanggal, {order}"
        return select

    def value(self, index: int | None, text: Any) -> object:
        """The run-time value of a rule's outcome: its constant, or the text the query gave."""
        if index is None:
            return text
        node = self.rules[index].value
        return node.value if isinstance(node, ir.Const) else text

    def decisions(self, rows: Iterable[Sequence[Any]]) -> Iterator[Decision]:
        """Decisions from rows of ``DECISIONS_SQL``."""
        output = self.plan.output
        for nip, date, status, index, lost, text, note in rows:
            if status in (Status.OFF, Status.NOT_IN_FORCE, Status.AFTER_END):
                yield Decision(nip, date, output, text, status, note=note)
                continue
            rule = self.rules[int(index)]
            yield Decision(
                nip,
                date,
                output,
                self.value(int(index), text),
                status,
                rule.id,
                rule.clause,
                self._overridden(lost),
                title=rule.title,
            )

    def _overridden(self, lost: str) -> tuple[tuple[str, str], ...]:
        pairs = []
        for pair in filter(None, (lost or "").split(";")):
            loser, winner = pair.split(">")
            pairs.append((self.rules[int(loser)].id, self.rules[int(winner)].id))
        return tuple(pairs)

    def problems(
        self, rows: Iterable[Sequence[Any]], count: int
    ) -> tuple[list[DecisionError], int]:
        """One error per kind of undecided employee-day, and how many are undecided."""
        errors = []
        for status, index, clash, nip, date, text, other in rows:
            day = date if isinstance(date, dt.date) else dt.date.fromisoformat(str(date))
            diagnostic: Diagnostic
            if status == "conflict":
                first, second = self.rules[int(index)], self.rules[int(clash)]
                diagnostic = conflict_diagnostic(
                    first,
                    second,
                    self.value(int(index), text),
                    self.value(int(clash), other),
                    nip,
                    day,
                )
            else:
                diagnostic = no_rule_diagnostic(nip, day, self.plan.output)
            errors.append(DecisionError([diagnostic]))
        return errors, count


def _as(expr: str, name: str) -> str:
    return expr if expr == name else f"{expr} AS {name}"


#: :func:`edaran.io.publish.safe_cell` in SQL: a text that starts like a formula, not a number.
_FORMULA = r"'^[=+\-@\t\r]'"
_NUMBER = r"'^[+-]?[0-9]+(\.[0-9]+)?$'"


def _safe_cell(expr: str, name: str) -> str:
    risky = f"regexp_matches({expr}, {_FORMULA}) AND NOT regexp_matches({expr}, {_NUMBER})"
    return f"CASE WHEN {risky} THEN '''' || {expr} ELSE {expr} END AS {name}"
