"""``edaran sql``: the query that decides a circular, in the SQL of the database the data lives in.

It prints the DDL of the fact tables, the statement that fills
``silsilah_unit`` from ``unit``, the days of ``kalender`` (with ``--from`` and
``--to``) and the query, transpiled by sqlglot into ``--dialect``.  A rule
the SQL engine cannot express yet is an E80x naming the construct.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from edaran.cli.common import date_argument, load_circular
from edaran.messages import Lang, message

__all__ = ["add_parser", "cmd_sql"]

_DIALECTS = ("duckdb", "postgres", "mysql", "spark")


def add_parser(sub: Any, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add ``sql`` (alias ``kueri``) to the subcommands ``sub``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "sql",
        aliases=["kueri"],
        parents=[common],
        help="kueri SQL yang memutuskan SE / the SQL query that decides the circular",
    )
    p.add_argument("file", type=Path)
    p.add_argument("--dialect", choices=_DIALECTS, default="duckdb")
    p.add_argument("--output-name", "--keluaran", dest="output_name", default="moda_kerja")
    p.add_argument("--from", dest="first", type=date_argument)
    p.add_argument("--to", dest="last", type=date_argument)
    p.add_argument("--output", type=Path)
    return p


def cmd_sql(args: argparse.Namespace, lang: Lang) -> int:
    """Print (or write to ``--output``) the DDL, the fills and the query; 1 when refused."""
    from edaran.core.diagnostics import EdaranError, render_all

    if args.first is not None and args.last is not None and args.last < args.first:
        sys.stderr.write(message("cli.bad-range", lang, first=args.first, last=args.last) + "\n")
        return 2
    circular = load_circular(args.file, sys.stderr, lang)
    if circular is None:
        return 1
    try:
        text = sql_text(circular, args, lang)
    except EdaranError as err:
        sys.stderr.write(render_all(err.diagnostics, lang) + "\n")
        return 1
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def sql_text(circular: Any, args: argparse.Namespace, lang: Lang) -> str:
    """The whole script: comments in ``lang``, statements in ``args.dialect``."""
    from edaran.engine.sql import SqlPlan, calendar_insert, fact_tables, lineage_fill
    from edaran.population.engines import refuse_versions
    from edaran.population.facts import calendar_facts

    refuse_versions(circular)
    plan = SqlPlan(circular.program, circular.schema, args.output_name, lang)
    dialect = args.dialect
    out: list[str] = []
    head = message(
        "sql.head", lang, number=circular.number, output=args.output_name, dialect=dialect
    )
    out.append(_comment(head))
    out.append(_comment(message("sql.tables", lang)))
    out += [s.sql(dialect=dialect, pretty=True) + ";" for s in fact_tables(circular.schema)]
    out.append(_comment(message("sql.lineage", lang)))
    out.append(lineage_fill().sql(dialect=dialect, pretty=True) + ";")
    if args.first is not None and args.last is not None:
        out.append(_comment(message("sql.calendar", lang, first=args.first, last=args.last)))
        days = calendar_facts(circular, args.first, args.last)
        out.append(calendar_insert(days).sql(dialect=dialect, pretty=True) + ";")
    else:
        out.append(_comment(message("sql.calendar-hint", lang)))
    out.append(_comment(message("sql.query", lang)))
    out.append(plan.sql(dialect, args.first, args.last, pretty=True) + ";")
    return "\n\n".join(out) + "\n"


def _comment(text: str) -> str:
    return "\n".join(f"-- {line}" for line in text.splitlines())
