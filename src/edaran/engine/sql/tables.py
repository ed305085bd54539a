"""The fact tables of the SQL engine, and the pieces of sqlglot trees every part shares.

The query reads four fact tables: ``pegawai`` (one row per employee: the
unit's code and every field the rules may read), ``unit`` (one row per unit,
``induk`` the parent's code), ``silsilah_unit`` (each unit with itself and
every parent, ``jarak`` 0 for itself) and ``kalender`` (one row per day).
Their columns come from the schema's attrs classes, so a subclass with more
fields has more columns.  Enumerations are stored by member name
(``JPT_PRATAMA``, ``JUMAT``), units by code.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs
import sqlglot
from sqlglot import exp

from edaran.core import types as t
from edaran.core.diagnostics import Diagnostic, EdaranError, Span
from edaran.lang.schema import Schema

__all__ = [
    "DIALECTS",
    "OUTCOME_COLUMNS",
    "SqlRefused",
    "calendar_insert",
    "column_type",
    "fact_columns",
    "fact_tables",
    "lineage_fill",
    "sql_value",
    "transpile",
]

DIALECTS = ("duckdb", "postgres", "mysql", "spark")

#: The columns of the query's result, in order.
OUTCOME_COLUMNS = (
    "nip",
    "unit",
    "tanggal",
    "status",
    "aturan",
    "bentrok",
    "kalah",
    "nilai",
    "nilai_bentrok",
    "catatan",
    "moda",
    "klausul",
    "alasan",
)

#: Working day, in the day-status column (the other two are Status.OFF and NOT_IN_FORCE).
_WORK = "work"
_STATUS_CONFLICT = "conflict"
_STATUS_NO_RULE = "no-rule"

_DECIMAL = exp.DataType.build("DECIMAL(38, 10)")


class SqlRefused(EdaranError):
    """A construct the SQL engine cannot express yet (E800-E809); the Python engine can."""

    def __init__(self, code: str, construct: str, span: Span | None) -> None:
        super().__init__([Diagnostic(code, span, {"construct": construct})])
        self.code = code
        self.construct = construct


# ------------------------------------------------------------ fact tables
def column_type(kind: t.Type) -> exp.DataType | None:
    """The SQL type of a fact of ``kind``, or None when a fact table cannot hold it."""
    if kind == t.BOOL:
        return exp.DataType.build("BOOLEAN")
    if kind == t.INT:
        return exp.DataType.build("BIGINT")
    if kind in (t.DECIMAL, t.PERCENT, t.MONEY) or isinstance(kind, t.QuantityType):
        return _DECIMAL.copy()
    if kind == t.DATE:
        return exp.DataType.build("DATE")
    if kind == t.TEXT or isinstance(kind, t.EnumType | t.UnitType):
        return exp.DataType.build("VARCHAR")
    return None


def fact_columns(schema: Schema) -> dict[str, list[tuple[str, t.Type, bool]]]:
    """Table -> its columns as (name, type, nullable), from the schema's classes.

    ``pegawai`` holds every readable field of the employee class (the unit as
    its code), ``unit`` every field of the unit class (the parent as its
    code), ``kalender`` every field of the day class.  Fields no SQL type can
    hold (a set, a duration) are left out: a rule reading them is refused.
    """
    tables: dict[str, list[tuple[str, t.Type, bool]]] = {}
    for table, cls in (
        ("pegawai", schema.employee_cls),
        ("unit", schema.unit_cls),
        ("kalender", schema.day_cls),
    ):
        columns: list[tuple[str, t.Type, bool]] = []
        for field in attrs.fields(cls):
            info = schema.fields(cls).get(field.name)
            if info is None or column_type(info.type) is None:
                continue
            columns.append((field.name, info.type, info.nullable))
        tables[table] = columns
    tables["silsilah_unit"] = [
        ("kode", t.TEXT, False),
        ("leluhur", t.TEXT, False),
        ("jarak", t.INT, False),
    ]
    return tables


def fact_tables(schema: Schema) -> list[exp.Create]:
    """``CREATE TABLE`` statements for the fact tables the query reads."""
    statements = []
    for table, columns in fact_columns(schema).items():
        defs = []
        for name, kind, nullable in columns:
            sql_type = column_type(kind)
            assert sql_type is not None
            constraints = (
                [] if nullable else [exp.ColumnConstraint(kind=exp.NotNullColumnConstraint())]
            )
            defs.append(
                exp.ColumnDef(this=exp.to_identifier(name), kind=sql_type, constraints=constraints)
            )
        schema_node = exp.Schema(this=exp.to_table(table), expressions=defs)
        statements.append(exp.Create(this=schema_node, kind="TABLE"))
    return statements


def sql_value(value: object) -> object:
    """A run-time value as a fact table stores it: enum members by name, units by code."""
    if isinstance(value, enum.Enum):
        return value.name
    if hasattr(value, "kode") and hasattr(value, "silsilah"):
        return value.kode
    return value


def _literal(value: object) -> exp.Expr:
    value = sql_value(value)
    if value is None:
        return exp.null()
    if isinstance(value, bool):
        return exp.true() if value else exp.false()
    if isinstance(value, int):
        return exp.Literal.number(value)
    if isinstance(value, Decimal):
        return exp.cast(exp.Literal.number(format(value, "f")), _DECIMAL.copy())
    if isinstance(value, dt.date):
        return exp.cast(exp.Literal.string(value.isoformat()), "DATE")
    if isinstance(value, str):
        return exp.Literal.string(value)
    raise TypeError(f"no SQL literal for {value!r}")  # pragma: no cover - callers check types


def _col(name: str, table: str | None = None) -> exp.Column:
    return exp.column(name, table=table)


def _true(node: exp.Expr) -> exp.Expr:
    """``node`` is TRUE: an empty (NULL) answer counts as false (the interpreter's ``is True``)."""
    return exp.Coalesce(this=node, expressions=[exp.false()])


def _case(pairs: Iterable[tuple[exp.Expr, exp.Expr]], default: exp.Expr | None = None) -> exp.Expr:
    case = exp.Case()
    any_pair = False
    for condition, value in pairs:
        case = case.when(condition, value)
        any_pair = True
    if not any_pair:
        return default if default is not None else exp.null()
    return case.else_(default) if default is not None else case


def _any(parts: Sequence[exp.Expr]) -> exp.Expr:
    return exp.or_(*parts) if parts else exp.false()


def _concat(parts: Sequence[exp.Expr]) -> exp.Expr:
    if len(parts) == 1:
        return parts[0]
    return exp.DPipe(this=_concat(parts[:-1]), expression=parts[-1], safe=True)


def _scalar(value: object) -> bool:
    value = sql_value(value)
    return value is None or isinstance(value, bool | int | Decimal | str | dt.date)


def transpile(sql: str, read: str, write: str) -> str:
    """``sql`` from one dialect into another (sqlglot's transpiler)."""
    return ";\n".join(sqlglot.transpile(sql, read=read, write=write))


def lineage_fill(depth: int = 16) -> exp.Insert:
    """``INSERT INTO silsilah_unit`` from ``unit``: each unit with itself and every parent.

    Written as a union of fixed chains of joins (one per distance up to
    ``depth``, the roster reader's limit) rather than a recursive query, so
    that every dialect runs it, Spark's too.
    """
    branches: list[exp.Select] = []
    for distance in range(depth + 1):
        top = f"p{distance}"
        select = exp.select(
            _col("kode", "p0").as_("kode"),
            _col("kode", top).as_("leluhur"),
            exp.Literal.number(distance).as_("jarak"),
        ).from_(exp.to_table("unit").as_("p0"))
        for step in range(1, distance + 1):
            on = exp.EQ(this=_col("kode", f"p{step}"), expression=_col("induk", f"p{step - 1}"))
            table = exp.to_table("unit").as_(f"p{step}")
            select = select.join(table, on=on, join_type="INNER", copy=False)
        branches.append(select)
    union: exp.Query = branches[0]
    for branch in branches[1:]:
        union = exp.Union(this=union, expression=branch, distinct=False)
    columns = exp.Schema(
        this=exp.to_table("silsilah_unit"),
        expressions=[exp.to_identifier(c) for c in ("kode", "leluhur", "jarak")],
    )
    return exp.Insert(this=columns, expression=union)


def calendar_insert(columns: dict[str, list[object]]) -> exp.Insert:
    """``INSERT INTO kalender`` of day rows (columns as :func:`fact_columns` names them)."""
    rows = [exp.tuple_(*(_literal(v) for v in row)) for row in zip(*columns.values(), strict=True)]
    target = exp.Schema(
        this=exp.to_table("kalender"), expressions=[exp.to_identifier(c) for c in columns]
    )
    return exp.Insert(this=target, expression=exp.values(rows))
