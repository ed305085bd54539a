"""Which engine decides a run: Python, DuckDB or Spark, chosen by name or by size.

``--engine auto`` (the default of ``edaran decide`` and ``edaran run``) takes
DuckDB above :data:`AUTO_THRESHOLD` employee-days, where it wins over the
Python engine (``benchmarks/population.py`` measures where), when DuckDB is
installed and the SQL engine can express every rule; otherwise the Python
engine runs, with a note saying why (E811: how to install the fast one; or
the E80x naming the construct the SQL engine cannot express yet).  An engine
named explicitly that cannot run is an error instead.
"""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # kept out of the import of the command line's --help
    from edaran.core.diagnostics import Diagnostic, Severity
    from edaran.engine.circular import Circular

__all__ = [
    "AUTO_THRESHOLD",
    "ENGINES",
    "OUTPUT_COLUMNS",
    "EngineChoice",
    "choose_engine",
    "engine_available",
    "refuse_versions",
]

#: The engines ``--engine`` names.
ENGINES = ("auto", "python", "duckdb", "spark")
#: The columns ``edaran decide`` writes, in order, whichever engine decides.
OUTPUT_COLUMNS = ("nip", "unit", "date", "mode", "clause", "reason")
#: Employee-days from which ``auto`` takes DuckDB: its fixed cost (about 11 s to start,
#: load the facts and the calendar) is paid back from about 650,000 employee-days
#: (``benchmarks/population.py scale``: 183,000 took 4.8 s in Python and 11.7 s in
#: DuckDB, 1.83 million 28.6 s and 11.5 s).
AUTO_THRESHOLD = 1_000_000
#: engine -> (the modules it needs, the extra that installs them)
_NEEDS = {
    "duckdb": (("sqlglot", "duckdb", "pyarrow"), "scale"),
    "spark": (("sqlglot", "pyspark", "pandas", "pyarrow"), "spark"),
}


def engine_available(engine: str) -> bool:
    """True when the packages ``engine`` needs are installed (Python always is)."""
    modules, _ = _NEEDS.get(engine, ((), ""))
    return all(importlib.util.find_spec(m) is not None for m in modules)


class EngineChoice(NamedTuple):
    """The engine that runs, and notes on why another one did not."""

    engine: str
    notes: tuple[Diagnostic, ...] = ()


def _missing(engine: str, severity: Severity) -> Diagnostic:
    from edaran.core.diagnostics import Diagnostic

    _, extra = _NEEDS[engine]
    return Diagnostic("E811", None, {"engine": engine, "extra": extra}, severity)


def choose_engine(
    requested: str, circular: Circular, employee_days: int, output: str = "moda_kerja"
) -> EngineChoice:
    """The engine for a run of ``employee_days``; raises :class:`EdaranError` for an explicit
    engine that is not installed or cannot express the rules."""
    from edaran.core.diagnostics import EdaranError, Severity

    if requested == "python":
        return EngineChoice("python")
    wanted = "duckdb" if requested == "auto" else requested
    explicit = requested != "auto"
    if not explicit and employee_days < AUTO_THRESHOLD:
        return EngineChoice("python")
    if not engine_available(wanted):
        if explicit:
            raise EdaranError([_missing(wanted, Severity.ERROR)])
        return EngineChoice("python", (_missing(wanted, Severity.NOTE),))
    from edaran.engine.sql import SqlPlan, SqlRefused

    try:
        refuse_versions(circular)
        refuse_outputs(circular)
        SqlPlan(circular.program, circular.schema, output)
    except SqlRefused as refused:
        if explicit:
            raise
        import attrs

        notes = tuple(attrs.evolve(d, severity=Severity.NOTE) for d in refused.diagnostics)
        return EngineChoice("python", notes)
    return EngineChoice(wanted)


def refuse_outputs(circular: Circular) -> None:
    """E800: a file with outputs beyond ``moda_kerja`` (``jam_kerja``, a ``keluaran``) is decided
    output by output in Python; the SQL engine decides the work mode alone."""
    from edaran.engine.sql import SqlRefused

    others = [o for o in circular.decided_outputs() if o != "moda_kerja"]
    if others:
        construct = ", ".join(f"keluaran {o}" for o in others)
        raise SqlRefused("E800", construct, None)


def refuse_versions(circular: Circular) -> None:
    """E810: an amended circular decides earlier days by another version; SQL decides one."""
    from edaran.engine.sql import SqlRefused

    if circular.previous is not None:
        raise SqlRefused("E810", circular.previous.number, None)
