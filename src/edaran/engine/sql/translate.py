"""From IR expressions to SQL: one method per node class and per operation.

:class:`Translator` walks a rule's condition and value, as sqlglot's own
generator walks its tree: ``_node_<Class>`` for each IR node class,
``_op_<name>`` for each operation, so a new construct is a new method.  What
has no faithful SQL meaning yet (a division, a month step, a duration) is
refused with :class:`~edaran.engine.sql.tables.SqlRefused` (E800-E809) naming
the construct, never translated into a different answer.

An operation that reads only the employee's facts becomes one column of the
per-employee table ``fakta``, one that reads only the day's facts a column of
``hari``; the profiles the plan factors by are the distinct answers the rules
need, not the distinct raw facts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
from sqlglot import exp

from edaran.core import types as t
from edaran.core.modes import ModeChoice
from edaran.core.runtime import ARITHMETIC, UnitTable
from edaran.core.values import show_value
from edaran.engine.sql.tables import (
    SqlRefused,
    _case,
    _col,
    _literal,
    _scalar,
    _true,
    column_type,
    sql_value,
)
from edaran.lang import ir
from edaran.lang.schema import Schema
from edaran.messages import Lang

__all__ = ["Translator"]


@attrs.define
class _EmployeeColumn:
    alias: str
    expr: exp.Expr


class Translator:
    """The query that decides one output of a program over the fact tables.

    ``lang`` is the language of the shown value and the reason.  Building the
    plan raises :class:`SqlRefused` when a rule uses what SQL cannot express.
    """

    def __init__(
        self,
        program: ir.Program,
        schema: Schema,
        output: str = "moda_kerja",
        lang: Lang = "id",
    ) -> None:
        self.program = program
        self.schema = schema
        self.output = output
        self.lang = lang
        scope = program.header.scope
        if scope is not None:
            # Whom the circular covers is a status per person, which the query does not
            # have yet: the Python engines decide such a circular.
            raise SqlRefused("E800", "mencakup", getattr(scope, "span", None))
        self.rules = program.rules_for(output)
        for rule in self.rules:
            if isinstance(rule.value, ir.Const) and isinstance(rule.value.value, ModeChoice):
                # A choice left to the head of unit is a set of modes, not one value
                # a column can hold: the Python engines decide such a circular.
                raise SqlRefused("E800", "dipilih dari", rule.value.span)
        self._employee: dict[object, _EmployeeColumn] = {}
        self._joins: list[tuple[str, str, exp.Expr]] = []  # (table, alias, on)
        self._unit_alias: dict[tuple[str, ...], str] = {}
        self._day: dict[object, tuple[str, exp.Expr]] = {}
        self._unit_sets: dict[frozenset[str], str] = {}
        self._tables: dict[int, tuple[str, UnitTable]] = {}
        self._join_alias: dict[tuple[object, ...], str] = {}
        #: inside a column of fakta (``pegawai``) or of hari (``kalender``): facts are read directly
        self._context: str | None = None
        self.conditions = [
            exp.true() if r.condition is None else self._condition(r.condition) for r in self.rules
        ]
        self.values = [self._value(r) for r in self.rules]

    # ------------------------------------------------------- expressions
    def _condition(self, node: ir.Expr) -> exp.Expr:
        return _true(self.expr(node)) if _maybe_null(node) else self.expr(node)

    def expr(self, node: ir.Expr) -> exp.Expr:
        """The SQL of one expression, over the profile columns (``p.*``) and day columns (``h.*``).

        An operation that reads only the employee's facts becomes one column of
        ``fakta`` (``capaian_kinerja < 80`` is a yes or no per employee), one
        that reads only the day's facts a column of ``hari``: so profiles are
        the distinct answers the rules need, not the distinct raw facts.
        """
        side = self._side(node)
        if self._context is None and isinstance(node, ir.Op) and side in ("pegawai", "kalender"):
            self._context = side
            try:
                source = self._dispatch(node)
            finally:
                self._context = None
            if side == "pegawai":
                return self._employee_column(("expr", node), source)
            return self._day_column(("expr", node), source)
        return self._dispatch(node)

    def _dispatch(self, node: ir.Expr) -> exp.Expr:
        method = getattr(self, f"_node_{type(node).__name__}", None)
        if method is None:
            raise SqlRefused("E800", type(node).__name__, getattr(node, "span", None))
        result: exp.Expr = method(node)
        return result

    def _side(self, node: ir.Expr) -> str:
        """What ``node`` reads: ``pegawai``, ``kalender``, both (``mixed``), neither (``const``)."""
        if isinstance(node, ir.Fact):
            return node.root if node.root in ("pegawai", "kalender") else "mixed"
        if isinstance(node, ir.Param):
            return "const" if len(self.program.params[node.name]) == 1 else "kalender"
        if isinstance(node, ir.Op):
            sides = {self._side(a) for a in node.args} - {"const"}
            return sides.pop() if len(sides) == 1 else ("const" if not sides else "mixed")
        return "const"

    def _node_Const(self, node: ir.Const) -> exp.Expr:
        if isinstance(node.value, frozenset | UnitTable | t.Duration):
            # Only operations that know what to do with a set or a table take one.
            raise SqlRefused("E801", show_value(node.value), node.span)
        return _literal(node.value)

    def _node_Fact(self, node: ir.Fact) -> exp.Expr:
        if node.root == "kalender":
            return self._day_fact(node)
        if node.root != "pegawai":
            raise SqlRefused("E802", node.written, node.span)
        return self._employee_fact(node.attrs_path, node)

    def _node_Param(self, node: ir.Param) -> exp.Expr:
        versions = self.program.params[node.name]
        if any(not _scalar(value) for _, value in versions):
            raise SqlRefused("E801", node.name, node.span)
        if len(versions) == 1:
            return _literal(versions[0][1])
        selector = self._version(node.name)
        return _case(
            (exp.EQ(this=selector, expression=exp.Literal.number(i)), _literal(v))
            for i, (_, v) in enumerate(versions)
        )

    def _node_Op(self, node: ir.Op) -> exp.Expr:
        method = getattr(self, f"_op_{node.op}", None)
        if method is None:
            raise SqlRefused("E803", node.op, node.span)
        result: exp.Expr = method(node)
        return result

    # -- logic
    def _op_and(self, node: ir.Op) -> exp.Expr:
        return exp.and_(*(self._condition(a) for a in node.args))

    def _op_or(self, node: ir.Op) -> exp.Expr:
        return exp.or_(*(self._condition(a) for a in node.args))

    def _op_not(self, node: ir.Op) -> exp.Expr:
        return exp.not_(self._condition(node.args[0]))

    # -- comparisons
    def _op_eq(self, node: ir.Op) -> exp.Expr:
        left, right = (self.expr(a) for a in node.args)
        if any(_maybe_null(a) for a in node.args):
            return exp.NullSafeEQ(this=left, expression=right)
        return exp.EQ(this=left, expression=right)

    def _op_ne(self, node: ir.Op) -> exp.Expr:
        left, right = (self.expr(a) for a in node.args)
        if any(_maybe_null(a) for a in node.args):
            return exp.NullSafeNEQ(this=left, expression=right)
        return exp.NEQ(this=left, expression=right)

    def _ordered(self, node: ir.Op, cls: type[exp.Binary]) -> exp.Expr:
        if any(a.type in (t.DURATION, t.TIME) for a in node.args):
            raise SqlRefused("E804", node.args[0].type.show(self.lang), node.span)
        left, right = (self.expr(a) for a in node.args)
        compared = cls(this=left, expression=right)
        return _true(compared) if any(_maybe_null(a) for a in node.args) else compared

    def _op_lt(self, node: ir.Op) -> exp.Expr:
        return self._ordered(node, exp.LT)

    def _op_le(self, node: ir.Op) -> exp.Expr:
        return self._ordered(node, exp.LTE)

    def _op_gt(self, node: ir.Op) -> exp.Expr:
        return self._ordered(node, exp.GT)

    def _op_ge(self, node: ir.Op) -> exp.Expr:
        return self._ordered(node, exp.GTE)

    def _op_between(self, node: ir.Op) -> exp.Expr:
        if node.args[0].type in (t.DURATION, t.TIME):
            raise SqlRefused("E804", node.args[0].type.show(self.lang), node.span)
        value, low, high = (self.expr(a) for a in node.args)
        return _true(exp.Between(this=value, low=low, high=high))

    # -- sets
    def _members(self, node: ir.Op, test: Callable[[frozenset[Any]], exp.Expr]) -> exp.Expr:
        """A test against a set: a constant set, or a set parameter (one test per version)."""
        target = node.args[1]
        if isinstance(target, ir.Const) and isinstance(target.value, frozenset):
            return test(target.value)
        if isinstance(target, ir.Param):
            versions = self.program.params[target.name]
            if all(isinstance(v, frozenset) for _, v in versions):
                if len(versions) == 1:
                    return test(versions[0][1])  # type: ignore[arg-type]  # a frozenset, checked above
                selector = self._version(target.name)
                return _case(
                    (exp.EQ(this=selector, expression=exp.Literal.number(i)), test(v))  # type: ignore[arg-type]
                    for i, (_, v) in enumerate(versions)
                )
        raise SqlRefused("E805", node.op, node.span)

    def _op_in(self, node: ir.Op) -> exp.Expr:
        value = self.expr(node.args[0])

        def test(members: frozenset[Any]) -> exp.Expr:
            if not members:
                return exp.false()
            return _true(value.copy().isin(*(_literal(m) for m in _sorted(members))))

        return self._members(node, test)

    def _op_not_in(self, node: ir.Op) -> exp.Expr:
        value = self.expr(node.args[0])

        def test(members: frozenset[Any]) -> exp.Expr:
            if not members:
                return exp.true()
            inside = value.copy().isin(*(_literal(m) for m in _sorted(members)))
            return exp.Coalesce(this=exp.not_(inside), expressions=[exp.true()])

        return self._members(node, test)

    # -- units
    def _unit_code(self, node: ir.Expr) -> exp.Expr:
        """The code of a unit-valued expression (a unit fact, or a code written in the file)."""
        if isinstance(node, ir.Const) and isinstance(node.value, str):
            return exp.Literal.string(node.value)
        if (
            isinstance(node, ir.Fact)
            and node.root == "pegawai"
            and isinstance(node.type, t.UnitType)
        ):
            return self._employee_fact(node.attrs_path, node)
        raise SqlRefused("E806", getattr(node, "written", type(node).__name__), node.span)

    def _op_unit_in(self, node: ir.Op) -> exp.Expr:
        key = node.args[0]
        if not (isinstance(key, ir.Fact) and key.root == "pegawai"):
            raise SqlRefused("E806", getattr(key, "written", type(key).__name__), node.span)
        return self._members(node, lambda codes: self._in_units(key, codes))

    def _op_unit_not_in(self, node: ir.Op) -> exp.Expr:
        return exp.not_(self._op_unit_in(node))

    def _op_unit_eq(self, node: ir.Op) -> exp.Expr:
        left = self._unit_code(node.args[0])
        right = self._unit_code(node.args[1])
        return exp.and_(
            exp.not_(left.is_(exp.null())), exp.NullSafeEQ(this=left.copy(), expression=right)
        )

    def _op_unit_ne(self, node: ir.Op) -> exp.Expr:
        left = self._unit_code(node.args[0])
        right = self._unit_code(node.args[1])
        return exp.or_(left.is_(exp.null()), exp.NullSafeNEQ(this=left.copy(), expression=right))

    def _op_index(self, node: ir.Op) -> exp.Expr:
        table, key = node.args
        if isinstance(table, ir.Const) and isinstance(table.value, UnitTable):
            return self._lookup(key, table.value, node)
        if isinstance(table, ir.Param):
            versions = self.program.params[table.name]
            tables = [v for _, v in versions if isinstance(v, UnitTable)]
            if len(tables) == len(versions):
                selector = self._version(table.name)
                return _case(
                    (
                        exp.EQ(this=selector, expression=exp.Literal.number(i)),
                        self._lookup(key, v, node),
                    )
                    for i, v in enumerate(tables)
                )
        raise SqlRefused("E807", node.op, node.span)

    # -- arithmetic: exact in SQL decimals; what may raise or round is refused
    def _arith(self, node: ir.Op, cls: type[exp.Binary]) -> exp.Expr:
        if node.type not in (t.INT, t.DECIMAL, t.PERCENT) and not isinstance(
            node.type, t.QuantityType
        ):
            raise SqlRefused("E808", f"{node.op}: {node.type.show(self.lang)}", node.span)
        left, right = (self.expr(a) for a in node.args)
        return exp.Paren(this=cls(this=left, expression=right))

    def _op_add(self, node: ir.Op) -> exp.Expr:
        return self._arith(node, exp.Add)

    def _op_sub(self, node: ir.Op) -> exp.Expr:
        return self._arith(node, exp.Sub)

    def _op_mul(self, node: ir.Op) -> exp.Expr:
        return self._arith(node, exp.Mul)

    def _op_neg(self, node: ir.Op) -> exp.Expr:
        if node.type not in (t.INT, t.DECIMAL, t.PERCENT):
            raise SqlRefused("E808", f"neg: {node.type.show(self.lang)}", node.span)
        return exp.Neg(this=exp.Paren(this=self.expr(node.args[0])))

    def _op_date_diff(self, node: ir.Op) -> exp.Expr:
        left, right = (self.expr(a) for a in node.args)
        return exp.DateDiff(this=left, expression=right, unit=exp.var("DAY"))

    def _days(self, node: ir.Op) -> int:
        """The whole days of a constant duration; months and hours are refused."""
        step = node.args[1]
        if isinstance(step, ir.Const) and isinstance(step.value, t.Duration):
            duration = step.value
            if not duration.months and not duration.exact % dt.timedelta(days=1):
                return duration.exact.days
            raise SqlRefused("E809", duration.describe(), node.span)
        raise SqlRefused("E809", node.op, node.span)

    def _op_date_add(self, node: ir.Op) -> exp.Expr:
        days = self._days(node)
        return exp.DateAdd(
            this=self.expr(node.args[0]), expression=exp.Literal.number(days), unit=exp.var("DAY")
        )

    def _op_date_sub(self, node: ir.Op) -> exp.Expr:
        days = self._days(node)
        return exp.DateAdd(
            this=self.expr(node.args[0]), expression=exp.Literal.number(-days), unit=exp.var("DAY")
        )

    # ------------------------------------------------------------- facts
    def _day_fact(self, node: ir.Fact) -> exp.Expr:
        if len(node.attrs_path) != 1 or column_type(node.type) is None:
            raise SqlRefused("E802", node.written, node.span)
        name = node.attrs_path[0]
        return self._day_column(("fact", name), _col(name, "k"))

    def _day_column(self, key: object, source: exp.Expr) -> exp.Expr:
        if self._context == "kalender":
            return source
        if key not in self._day:
            self._day[key] = (f"d{len(self._day)}", source)
        return _col(self._day[key][0], "h")

    def _version(self, param: str) -> exp.Expr:
        """A day column: which version of ``param`` is in force (its index)."""
        versions = self.program.params[param]
        pairs: list[tuple[exp.Expr, exp.Expr]] = []
        for index in reversed(range(len(versions))):
            since = versions[index][0]
            if since is None:
                pairs.append((exp.true(), exp.Literal.number(index)))
            else:
                after = exp.GTE(this=_col("tanggal", "k"), expression=_literal(since))
                pairs.append((after, exp.Literal.number(index)))
        return self._day_column(("version", param), _case(pairs))

    def _employee_column(self, key: object, source: exp.Expr) -> exp.Expr:
        if self._context == "pegawai":
            return source
        if key not in self._employee:
            self._employee[key] = _EmployeeColumn(f"f{len(self._employee)}", source)
        return _col(self._employee[key].alias, "p")

    def _source(self, path: tuple[str, ...], where: ir.Fact | ir.Op) -> exp.Expr:
        """The SQL of an employee fact path inside ``fakta`` (joining units as needed)."""
        cls: type = self.schema.employee_cls
        table = "e"
        walked: tuple[str, ...] = ()
        for i, name in enumerate(path):
            info = self.schema.fields(cls).get(name)
            if info is None or column_type(info.type) is None:
                raise SqlRefused("E802", ".".join(path), where.span)
            column = _col(name, table)
            walked = (*walked, name)
            if i == len(path) - 1:
                return column
            if not isinstance(info.type, t.UnitType):
                raise SqlRefused("E802", ".".join(path), where.span)
            cls = info.type.cls
            table = self._unit_join(walked, column)
        return _col("nip", "e")  # pragma: no cover - an empty path is the employee itself

    def _unit_join(self, walked: tuple[str, ...], code: exp.Expr) -> str:
        if walked not in self._unit_alias:
            alias = f"u{len(self._unit_alias)}"
            self._unit_alias[walked] = alias
            on = exp.EQ(this=_col("kode", alias), expression=code)
            self._joins.append(("unit", alias, on))
        return self._unit_alias[walked]

    def _employee_fact(self, path: tuple[str, ...], node: ir.Fact) -> exp.Expr:
        return self._employee_column(("fact", path), self._source(path, node))

    def _in_units(self, key: ir.Fact, codes: frozenset[str]) -> exp.Expr:
        """An employee column: the unit at ``key`` or one of its parents has a code in ``codes``."""
        column = self._unit_sets.setdefault(codes, f"h{len(self._unit_sets)}")
        alias = self._join("himpunan_unit", key)
        return self._employee_column(("unit_in", key.attrs_path, codes), _true(_col(column, alias)))

    def _join(self, table: str, key: ir.Fact) -> str:
        """The alias of ``table`` joined on the code of the unit at ``key`` (one join per pair)."""
        found = self._join_alias.get((table, key.attrs_path))
        if found is None:
            code = self._source(key.attrs_path, key)
            found = self._join_alias[(table, key.attrs_path)] = f"j{len(self._join_alias)}"
            self._joins.append((table, found, exp.EQ(this=_col("kode", found), expression=code)))
        return found

    def _lookup(self, key: ir.Expr, table: UnitTable, node: ir.Op) -> exp.Expr:
        """An employee column: a per-unit table's value for the unit at ``key``."""
        if not table.by_unit:
            return self._member_lookup(key, table, node)
        if not (
            isinstance(key, ir.Fact) and key.root == "pegawai" and isinstance(key.type, t.UnitType)
        ):
            raise SqlRefused("E807", getattr(key, "written", type(key).__name__), node.span)
        if not all(_scalar(v) for v in (table.default, *table.rows.values())):
            raise SqlRefused("E807", table.name, node.span)
        entry = self._tables.setdefault(id(table), (f"tabel_{len(self._tables)}", table))
        alias = self._join(entry[0], key)
        code = self._source(key.attrs_path, key)
        hit = _col("baris", alias)
        rows = [
            (exp.EQ(this=hit.copy(), expression=exp.Literal.string(c)), _literal(v))
            for c, v in sorted(table.rows.items())
        ]
        value = _case([(code.copy().is_(exp.null()), exp.null()), *rows], _literal(table.default))
        return self._employee_column(("index", key.attrs_path, id(table)), value)

    def _member_lookup(self, key: ir.Expr, table: UnitTable, node: ir.Op) -> exp.Expr:
        """A table keyed by an enumeration (a district): the member's row, else the default."""
        kind = key.type
        if not isinstance(kind, t.EnumType) or not all(
            _scalar(v) for v in (table.default, *table.rows.values())
        ):
            raise SqlRefused("E807", table.name, node.span)
        value = self.expr(key)
        rows = [
            (exp.EQ(this=value.copy(), expression=_literal(kind.lookup(code))), _literal(v))
            for code, v in sorted(table.rows.items())
        ]
        return _case([(value.copy().is_(exp.null()), exp.null()), *rows], _literal(table.default))

    # ------------------------------------------------------------ values
    def _value(self, rule: ir.RuleIR) -> exp.Expr:
        node = rule.value
        if isinstance(node, ir.Const):
            if not _scalar(node.value):
                raise SqlRefused("E801", show_value(node.value), node.span)
            return _literal(node.value)
        if not _shown_as_text(node.type):
            raise SqlRefused("E808", f"{rule.id}: {node.type.show(self.lang)}", node.span)
        return self.expr(node)

    def _shown(self, index: int, value: exp.Expr) -> exp.Expr:
        """The value of rule ``index`` as a person reads it (``show_value``)."""
        node = self.rules[index].value
        if isinstance(node, ir.Const):
            return exp.Literal.string(show_value(node.value, self.lang))
        return value

    # ------------------------------------------------------------- query


def _maybe_null(node: ir.Expr) -> bool:
    """Whether the SQL of ``node`` may be NULL: an empty fact, or what is computed from one."""
    if isinstance(node, ir.Fact):
        return node.nullable
    if isinstance(node, ir.Op):
        if node.op in ARITHMETIC or node.op == "index":
            return any(_maybe_null(a) for a in node.args)
        return False
    if isinstance(node, ir.Const):
        return node.value is None
    return False


def _shown_as_text(kind: t.Type) -> bool:
    """Values of these types read the same in a table and in a rule file: text as it is."""
    return kind == t.TEXT or (isinstance(kind, t.EnumType) and kind.py_enum is None)


def _sorted(members: frozenset[Any]) -> list[Any]:
    return sorted(members, key=lambda m: str(sql_value(m)))
