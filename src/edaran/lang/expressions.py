"""Typing expressions: names resolved against the schema and the file's declarations.

:class:`ExprChecker` turns an AST expression into a typed IR expression, or
records a diagnostic and returns ``None``.  It never raises on bad input.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

import attrs

from edaran.core import types as t
from edaran.core.diagnostics import Diagnostic, Span
from edaran.core.modes import STATUS_NOT_COVERED, STATUS_NOT_IN_FORCE, STATUS_OFF, ModeChoice
from edaran.core.runtime import ARITHMETIC, RUNTIME_OPS, UnitTable, whole_rupiah
from edaran.core.suggest import suggest
from edaran.lang import ir
from edaran.lang import nodes as n
from edaran.lang.dates import DateReader
from edaran.lang.schema import Schema
from edaran.messages import Localized

__all__ = ["Env", "ExprChecker"]

_COMPARE = {"<": "lt", "<=": "le", ">": "gt", ">=": "ge", "=": "eq", "!=": "ne"}
_ORDERED = (t.INT, t.DECIMAL, t.PERCENT, t.MONEY, t.DATE, t.TIME, t.DURATION)
#: what a decision can say that is no work mode a rule may choose
_STATUSES = frozenset({STATUS_OFF, STATUS_NOT_IN_FORCE, STATUS_NOT_COVERED})


class Env:
    """What names mean in one file: declared sets, parameters, enumerations, modes."""

    def __init__(self, schema: Schema, modes: t.EnumType) -> None:
        self.schema = schema
        self.modes = modes
        self.sets: dict[str, ir.Const] = {}
        self.params: dict[str, t.Type] = {}
        self.enums: dict[str, t.EnumType] = {}
        self.known_enums: list[t.EnumType] = [*schema.enums()]
        #: table name -> (the table, the type of its values)
        self.tables: dict[str, tuple[UnitTable, t.Type]] = {}
        #: outputs a rule may read (the rules pass sets them): name -> type
        self.outputs: dict[str, t.Type] = {}
        #: English names of outputs (``work_mode``)
        self.output_aliases: dict[str, str] = {}
        #: tables whose rows change from dates: their versions are dated values,
        #: read like a parameter's (``Program.params``)
        self.dated_tables: set[str] = set()
        #: the key type of each table: ``unit``, or an enumeration
        self.table_keys: dict[str, t.Type] = {}

    def all_enums(self) -> list[t.EnumType]:
        """Schema enumerations, the work modes and the file's own, in lookup order."""
        return [*self.enums.values(), self.modes, *self.known_enums]


class ExprChecker:
    """Types expressions of one file; diagnostics go to ``report``."""

    def __init__(
        self, env: Env, report: Callable[[Diagnostic], None], dates: DateReader | None = None
    ) -> None:
        self.env = env
        self.report = report
        #: reads ISO, Hijri and relative dates (the checker's pass lends it the file's calendar)
        self.dates = dates if dates is not None else DateReader(report)
        #: NIPs written in the file (normalised) and where, for a run with a roster
        self.identifiers: list[tuple[str, Span | None]] = []

    # ------------------------------------------------------------ entry
    def check(self, expr: n.Expr, expect: t.Type | None = None) -> ir.Expr | None:
        """The typed form of ``expr``; ``expect`` guides bare names such as ``Jumat``."""
        method = getattr(self, f"_{type(expr).__name__}")
        result: ir.Expr | None = method(expr, expect)
        return result

    def condition(self, expr: n.Expr) -> ir.Expr | None:
        """A condition: must be boolean (E202)."""
        typed = self.check(expr, t.BOOL)
        if typed is not None and typed.type != t.BOOL:
            self._error("E202", expr.span, type=t.TypeName(typed.type))
            return None
        return typed

    def _error(
        self, code: str, span: Span | None, suggestions: tuple[str, ...] = (), **args: object
    ) -> None:
        self.report(Diagnostic(code, span, args, suggestions=suggestions))

    # --------------------------------------------------------- literals
    def _IntLit(self, e: n.IntLit, expect: t.Type | None) -> ir.Expr:
        return ir.Const(int(e.text), t.INT, span=e.span)

    def _DecLit(self, e: n.DecLit, expect: t.Type | None) -> ir.Expr:
        return ir.Const(Decimal(e.text), t.DECIMAL, span=e.span)

    def _PercentLit(self, e: n.PercentLit, expect: t.Type | None) -> ir.Expr:
        return ir.Const(Decimal(e.text[:-1]) / 100, t.PERCENT, span=e.span)

    def _MoneyLit(self, e: n.MoneyLit, expect: t.Type | None) -> ir.Expr | None:
        digits = e.text[2:].strip().replace(".", "")
        whole, _, sen = digits.partition(",")
        if sen and int(sen) != 0:
            self._error("E006", e.span, text=e.text, reason=Localized("literal.money-sen"))
            return None
        return ir.Const(Decimal(whole), t.MONEY, span=e.span)

    def _DateLit(self, e: n.DateLit, expect: t.Type | None) -> ir.Expr | None:
        value = self.date(e)
        return None if value is None else ir.Const(value, t.DATE, span=e.span)

    def date(self, e: n.DateLit) -> dt.date | None:
        """The date a literal names (ISO, Hijri or relative), or None after its diagnostic."""
        return self.dates.read(e.text, e.span)

    def _TimeLit(self, e: n.TimeLit, expect: t.Type | None) -> ir.Expr | None:
        hours, minutes = (int(x) for x in e.text.split(":"))
        if hours > 23 or minutes > 59:
            self._error("E006", e.span, text=e.text, reason=Localized("literal.no-such-time"))
            return None
        return ir.Const(dt.time(hours, minutes), t.TIME, span=e.span)

    def _StrLit(self, e: n.StrLit, expect: t.Type | None) -> ir.Expr:
        if isinstance(expect, t.UnitType):
            return ir.Const(e.value, expect, span=e.span)
        return ir.Const(e.value, t.TEXT, span=e.span)

    def _BoolLit(self, e: n.BoolLit, expect: t.Type | None) -> ir.Expr:
        return ir.Const(e.value, t.BOOL, span=e.span)

    def _Quantity(self, e: n.Quantity, expect: t.Type | None) -> ir.Expr | None:
        word = e.unit.name
        try:
            amount = Decimal(e.amount)
        except InvalidOperation:  # pragma: no cover - the grammar only lets digits through
            return None
        if word in t.PERCENT_UNITS:
            return ir.Const(amount / 100, t.PERCENT, span=e.span)
        if word == "rupiah":
            return ir.Const(amount, t.MONEY, span=e.span)
        measured = t.quantity_unit(word)
        if measured is not None:
            return ir.Const(amount, t.QuantityType(measured), span=e.span)
        unit = t.DURATION_UNITS.get(word)
        if unit is None:
            words = [*t.DURATION_UNITS, *t.PERCENT_UNITS, "rupiah", *t.QUANTITY_UNITS.values()]
            self._error("E103", e.unit.span, suggest(word, words), unit=word)
            return None
        try:
            return ir.Const(t.scale(unit, amount), t.DURATION, span=e.span)
        except t.EvalError as err:
            self._error(
                "E006",
                e.span,
                text=f"{e.amount} {word}",
                reason=Localized("literal." + err.key, **err.args_),
            )
            return None

    def _SetLit(self, e: n.SetLit, expect: t.Type | None) -> ir.Expr | None:
        element = expect.element if isinstance(expect, t.SetType) else None
        items = [self.check(item, element) for item in e.items]
        if any(item is None for item in items):
            return None
        typed = [item for item in items if item is not None]
        if not typed:
            if element is None:
                self._error("E204", e.span, first="?", other="?")
                return None
            return ir.Const(frozenset(), t.SetType(element), span=e.span)
        first = typed[0].type
        for item, source in zip(typed, e.items, strict=True):
            if not _same(item.type, first):
                self._error(
                    "E204", source.span, first=t.TypeName(first), other=t.TypeName(item.type)
                )
                return None
            if not isinstance(item, ir.Const):
                self._error("E113", source.span)
                return None
        return ir.Const(
            frozenset(i.value for i in typed if isinstance(i, ir.Const)),
            t.SetType(first),
            span=e.span,
        )

    def _Choice(self, e: n.Choice, expect: t.Type | None) -> ir.Expr | None:
        """``dipilih dari {WFO, WFH}``: a constant :class:`ModeChoice`, of the work mode's type."""
        modes = self.env.modes
        if expect != modes:
            shown = t.TypeName(expect) if expect is not None else "?"
            self._error("E212", e.span, type=shown)
            return None
        typed = self.check(e.modes, t.SetType(modes))
        if typed is None:
            return None
        if not (isinstance(typed, ir.Const) and typed.type == t.SetType(modes)):
            self._error("E213", e.modes.span, type=t.TypeName(typed.type))
            return None
        values = typed.value
        assert isinstance(values, frozenset)  # a constant set, by its type
        statuses = sorted(str(v) for v in values if v in _STATUSES)
        if statuses:
            self._error("E207", e.modes.span, name=statuses[0])
            return None
        if len(values) < 2:
            self._error("E214", e.modes.span, mode=next(iter(values), "WFO"))
            return None
        # In the order written; a named set (himpunan) in the order of the modes.
        written = [str(modes.lookup(i.parts[-1])) for i in _names(e.modes)]
        canonical = [str(v) for _, v in modes.members if v in values]
        order = [m for m in written if m in values] + canonical
        return ir.Const(ModeChoice(order), modes, span=e.span)

    # ------------------------------------------------------------ names
    def _Name(self, e: n.Name, expect: t.Type | None) -> ir.Expr | None:
        head = e.parts[0]
        roots = self.env.schema.roots
        if head in roots:
            return self._fact(e)
        if len(e.parts) == 1:
            output = self.env.output_aliases.get(head, head)
            if output in self.env.outputs:
                return ir.OutputRef(output, self.env.outputs[output], span=e.span)
            resolved = self.constant(head, expect, e.span)
            if resolved is not None:
                return resolved
        candidates = [*roots, *self.env.sets, *self.env.params, *self.env.outputs]
        if isinstance(expect, t.EnumType):
            candidates += expect.names()
        else:
            for enum_type in self.env.all_enums():
                candidates += enum_type.names()
        self._error(
            "E101",
            e.span,
            suggest(e.dotted if len(e.parts) == 1 else head, candidates),
            name=e.dotted,
        )
        return None

    def constant(self, word: str, expect: t.Type | None, span: Span | None) -> ir.Expr | None:
        """A bare name: a set, a parameter, an enumeration member, or a unit code."""
        if word in self.env.sets:
            declared = self.env.sets[word]
            return ir.Const(declared.value, declared.type, name=word, span=span)
        if word in self.env.params:
            return ir.Param(word, self.env.params[word], span=span)
        element = expect.element if isinstance(expect, t.SetType) else expect
        if isinstance(element, t.EnumType):
            value = element.lookup(word)
            if value is not None:
                return ir.Const(value, element, span=span)
        if isinstance(element, t.UnitType):
            return ir.Const(word, element, span=span)
        matches = [(et, et.lookup(word)) for et in self.env.all_enums()]
        matches = [(et, v) for et, v in matches if v is not None]
        if matches:
            enum_type, value = matches[0]
            return ir.Const(value, enum_type, span=span)
        return None

    def _fact(self, e: n.Name) -> ir.Expr | None:
        schema = self.env.schema
        root, path, kind = schema.roots[e.parts[0]]
        nullable = False
        for part in e.parts[1:]:
            if not isinstance(kind, (t.RecordType, t.UnitType)):
                self._error("E102", e.span, record=t.TypeName(kind), field=part)
                return None
            fields = schema.fields(kind.cls)
            field = fields.get(part)
            if field is None:
                record = ".".join(e.parts[: e.parts.index(part)])
                args = {"record": record, "field": part}
                notes: tuple[tuple[str, dict[str, object]], ...] = ()
                # A name close to a known one is a typo; any other may be a fact to declare.
                typo = suggest(part, fields, cutoff=0.8)
                if kind.cls in (schema.employee_cls, schema.unit_cls) and not typo:
                    owner = "unit" if kind.cls is schema.unit_cls else "pegawai"
                    notes = (("note-declare-attribute", {"owner": owner, "field": part}),)
                hints = suggest(part, fields)
                self.report(Diagnostic("E102", e.span, args, suggestions=hints, notes=notes))
                return None
            path = (*path, field.attr)
            kind = field.type
            nullable = nullable or field.nullable
        return ir.Fact(root, path, e.dotted, kind, nullable, span=e.span)

    def _Index(self, e: n.Index, expect: t.Type | None) -> ir.Expr | None:
        name = e.table.dotted
        declared = self.env.tables.get(name)
        if declared is None:
            self._error("E101", e.table.span, suggest(name, self.env.tables), name=name)
            return None
        key = self.check(e.key)
        if key is None:
            return None
        wanted = self.env.table_keys.get(name)
        fits = (
            isinstance(key.type, t.UnitType)
            if wanted is None or isinstance(wanted, t.UnitType)
            else key.type == wanted
        )
        if not fits:
            self._error("E201", e.span, op="[ ]", left=name, right=t.TypeName(key.type))
            return None
        table, kind = declared
        source: ir.Expr = (
            ir.Param(name, kind, span=e.table.span)
            if name in self.env.dated_tables
            else ir.Const(table, kind, name=name)
        )
        return ir.Op("index", (source, key), kind, span=e.span)

    def _Hours(self, e: n.Hours, expect: t.Type | None) -> ir.Expr | None:
        """``pukul A sampai B istirahat C sampai D``: every part a time of day (E210)."""
        parts = [("hours-start", e.start), ("hours-end", e.end)]
        for a, b in e.breaks:
            parts += [("hours-break", a), ("hours-break", b)]
        typed: list[ir.Expr] = []
        for role, part in parts:
            checked = self.check(part, t.TIME)
            if checked is None:
                return None
            if checked.type != t.TIME:
                self._error("E210", part.span, part=Localized(role), type=t.TypeName(checked.type))
                return None
            typed.append(checked)
        return self._fold(ir.Op("hours", tuple(typed), t.HOURS, span=e.span))

    # ------------------------------------------------------- operations
    def _Not(self, e: n.Not, expect: t.Type | None) -> ir.Expr | None:
        operand = self.condition(e.operand)
        return None if operand is None else ir.Op("not", (operand,), t.BOOL, span=e.span)

    def _Between(self, e: n.Between, expect: t.Type | None) -> ir.Expr | None:
        value = self.check(e.value)
        if value is None:
            return None
        low, high = self.check(e.low, value.type), self.check(e.high, value.type)
        if low is None or high is None:
            return None
        ordered = value.type in _ORDERED or isinstance(value.type, t.QuantityType)
        for bound in (low, high):
            if not (ordered and _comparable(value.type, bound.type)):
                self._error(
                    "E201",
                    e.span,
                    op=Localized("op-between"),
                    left=t.TypeName(value.type),
                    right=t.TypeName(bound.type),
                )
                return None
        return ir.Op("between", (value, low, high), t.BOOL, span=e.span)

    def _Binary(self, e: n.Binary, expect: t.Type | None) -> ir.Expr | None:
        if e.op in ("and", "or"):
            left = self.condition(e.left) if e.left else None
            right = self.condition(e.right)
            if left is None or right is None:
                return None
            return ir.Op(e.op, (left, right), t.BOOL, span=e.span)
        if e.op == "neg":
            operand = self.check(e.right)
            if operand is None:
                return None
            if not (t.is_numeric(operand.type) or operand.type == t.DURATION):
                self._error("E201", e.span, op="-", left="", right=t.TypeName(operand.type))
                return None
            return self._fold(ir.Op("neg", (operand,), operand.type, span=e.span))
        assert e.left is not None
        left, right = self._operands(e.left, e.right, e.op)
        if left is None or right is None:
            return None
        op = _COMPARE.get(e.op, e.op)
        result = _type_binary(op, left, right)
        if result is None:
            symbol: object = e.op
            if e.op in ("eq", "ne", "in", "not_in"):
                symbol = Localized("op-" + e.op)
            self._error(
                "E201",
                e.op_span or e.span,
                op=symbol,
                left=t.TypeName(left.type),
                right=t.TypeName(right.type),
            )
            return None
        name, kind = result
        if name in ("eq", "ne", "in", "not_in"):
            left, right = self._identifiers(left, right), self._identifiers(right, left)
        return self._fold(ir.Op(name, (left, right), kind, span=e.span))

    def _identifiers(self, node: ir.Expr, fact: ir.Expr | None = None) -> ir.Expr:
        """NIPs written in the rule file, normalised as the roster's are and remembered.

        ``"19800101 200501 1 001"`` and ``"19800101.200501.1.001"`` match the
        roster's ``198001012005011001``: a NIP written with spaces would
        otherwise never match, silently.  They are kept (with where they are
        written) so a run with a roster can flag those it does not hold.
        """
        if not (
            isinstance(fact, ir.Fact) and fact.root == "pegawai" and fact.attrs_path == ("nip",)
        ):
            return node
        if not isinstance(node, ir.Const):
            return node
        value = node.value
        if isinstance(value, str):
            found = normal_id(value)
            self.identifiers.append((found, node.span))
            return attrs.evolve(node, value=found)
        if isinstance(value, frozenset) and all(isinstance(v, str) for v in value):
            found_set = frozenset(normal_id(v) for v in value)
            self.identifiers.extend((v, node.span) for v in sorted(found_set))
            return attrs.evolve(node, value=found_set)
        return node

    def _fold(self, node: ir.Op) -> ir.Expr | None:
        """Arithmetic on constants is done now, so a parameter may be ``-2`` or ``50% / 2``."""
        if node.op not in ARITHMETIC or not all(isinstance(a, ir.Const) for a in node.args):
            return node
        values = [a.value for a in node.args if isinstance(a, ir.Const)]
        try:
            value = RUNTIME_OPS[node.op](*values)
        except t.EvalError as err:
            self._error("E116", node.span, reason=Localized("eval-" + err.key, **err.args_))
            return None
        if node.type == t.MONEY and node.op in ("mul", "div"):
            value = whole_rupiah(value)
        return ir.Const(value, node.type, span=node.span)

    def _operands(
        self, left: n.Expr, right: n.Expr, op: str
    ) -> tuple[ir.Expr | None, ir.Expr | None]:
        """Type both sides; a bare name on one side takes its meaning from the other."""
        if self._needs_context(left) and not self._needs_context(right):
            typed_right = self.check(right)
            if typed_right is None:
                return None, None
            hint = typed_right.type
            if op in ("in", "not_in") and isinstance(hint, t.SetType):
                hint = hint.element
            return self.check(left, hint), typed_right
        typed_left = self.check(left)
        if typed_left is None:
            return None, None
        hint = typed_left.type
        if op in ("in", "not_in"):
            hint = t.SetType(hint)
        return typed_left, self.check(right, hint)

    def _needs_context(self, e: n.Expr) -> bool:
        if not isinstance(e, n.Name) or len(e.parts) != 1:
            return False
        word = e.parts[0]
        return (
            word not in self.env.schema.roots
            and word not in self.env.sets
            and word not in self.env.params
            and self.env.output_aliases.get(word, word) not in self.env.outputs
        )


def _names(e: n.Expr) -> list[n.Name]:
    """The names written in a set literal, in order (none for a named set)."""
    if isinstance(e, n.SetLit):
        return [i for i in e.items if isinstance(i, n.Name)]
    return []


def normal_id(text: str) -> str:
    """An identifier as the roster holds it: no spaces; no dots in an 18-digit NIP."""
    bare = "".join(text.split())
    digits = bare.replace(".", "")
    return digits if len(digits) == 18 and digits.isdigit() else bare


def _same(a: t.Type, b: t.Type) -> bool:
    if isinstance(a, t.UnitType) and isinstance(b, t.UnitType):
        return True
    return a == b


def _comparable(a: t.Type, b: t.Type) -> bool:
    if _same(a, b):
        return True
    return {a, b} <= {t.INT, t.DECIMAL}


def _type_binary(op: str, left: ir.Expr, right: ir.Expr) -> tuple[str, t.Type] | None:
    a, b = left.type, right.type
    if op in ("eq", "ne"):
        if isinstance(a, t.UnitType) and isinstance(b, t.UnitType):
            return ("unit_" + op, t.BOOL)
        return (op, t.BOOL) if _comparable(a, b) else None
    if op in ("in", "not_in"):
        if not isinstance(b, t.SetType):
            return None
        if isinstance(a, t.UnitType) and isinstance(b.element, t.UnitType):
            return ("unit_" + op, t.BOOL)
        return (op, t.BOOL) if _comparable(a, b.element) else None
    if op in ("lt", "le", "gt", "ge"):
        ordered = a in _ORDERED or isinstance(a, t.QuantityType)
        return (op, t.BOOL) if ordered and _comparable(a, b) else None
    return _arith(op, a, b)


_ARITH: dict[tuple[str, t.Type, t.Type], tuple[str, t.Type]] = {}
for _op in ("add", "sub"):
    for _kind in (t.INT, t.DECIMAL, t.PERCENT, t.MONEY, t.DURATION):
        _ARITH[(_op, _kind, _kind)] = (_op, _kind)
    _ARITH[(_op, t.INT, t.DECIMAL)] = (_op, t.DECIMAL)
    _ARITH[(_op, t.DECIMAL, t.INT)] = (_op, t.DECIMAL)
    _ARITH[(_op, t.DATE, t.DURATION)] = ("date_" + _op, t.DATE)
    _ARITH[(_op, t.TIME, t.DURATION)] = ("time_" + _op, t.TIME)
_ARITH[("sub", t.DATE, t.DATE)] = ("date_diff", t.INT)
_ARITH[("sub", t.TIME, t.TIME)] = ("time_diff", t.DURATION)
for _a, _b, _r in [
    (t.INT, t.INT, t.INT),
    (t.INT, t.DECIMAL, t.DECIMAL),
    (t.DECIMAL, t.INT, t.DECIMAL),
    (t.DECIMAL, t.DECIMAL, t.DECIMAL),
    (t.PERCENT, t.PERCENT, t.PERCENT),
    (t.MONEY, t.INT, t.MONEY),
    (t.INT, t.MONEY, t.MONEY),
    (t.MONEY, t.DECIMAL, t.MONEY),
    (t.DECIMAL, t.MONEY, t.MONEY),
    (t.MONEY, t.PERCENT, t.MONEY),
    (t.PERCENT, t.MONEY, t.MONEY),
    (t.INT, t.PERCENT, t.DECIMAL),
    (t.PERCENT, t.INT, t.DECIMAL),
    (t.DECIMAL, t.PERCENT, t.DECIMAL),
    (t.PERCENT, t.DECIMAL, t.DECIMAL),
    (t.DURATION, t.INT, t.DURATION),
    (t.INT, t.DURATION, t.DURATION),
]:
    _ARITH[("*", _a, _b)] = ("mul", _r)
for _a, _b, _r in [
    (t.INT, t.INT, t.DECIMAL),
    (t.DECIMAL, t.INT, t.DECIMAL),
    (t.INT, t.DECIMAL, t.DECIMAL),
    (t.DECIMAL, t.DECIMAL, t.DECIMAL),
    (t.MONEY, t.INT, t.MONEY),
    (t.MONEY, t.DECIMAL, t.MONEY),
    (t.MONEY, t.MONEY, t.DECIMAL),
    (t.PERCENT, t.INT, t.PERCENT),
]:
    _ARITH[("/", _a, _b)] = ("div", _r)
_OP_NAMES = {"+": "add", "-": "sub"}


def _arith(op: str, a: t.Type, b: t.Type) -> tuple[str, t.Type] | None:
    if isinstance(a, t.QuantityType) or isinstance(b, t.QuantityType):
        return _quantity_arith(_OP_NAMES.get(op, op), a, b)
    key = (_OP_NAMES.get(op, op), a, b)
    return _ARITH.get(key)


_SCALARS = (t.INT, t.DECIMAL, t.PERCENT)


def _quantity_arith(op: str, a: t.Type, b: t.Type) -> tuple[str, t.Type] | None:
    """Quantities keep their unit: kWh + kWh, 2 x kWh, kWh / kWh, kWh x Rp (a price)."""
    if op in ("add", "sub"):
        return (op, a) if a == b else None
    if op == "*":
        if isinstance(a, t.QuantityType) and isinstance(b, t.QuantityType):
            return None
        other = b if isinstance(a, t.QuantityType) else a
        quantity = a if isinstance(a, t.QuantityType) else b
        if other == t.MONEY:
            return ("mul", t.MONEY)
        return ("mul", quantity) if other in _SCALARS else None
    if op == "/":
        if a == b:
            return ("div", t.DECIMAL)
        if isinstance(a, t.QuantityType) and b in (t.INT, t.DECIMAL):
            return ("div", a)
    return None


NAME_PATTERN = re.compile(r"^[^\W\d]\w*$")
