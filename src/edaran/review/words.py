"""Checked expressions in words, for people who do not read rule files.

``hari adalah HARI_WFH (Jumat) dan pegawai.jenjang termasuk JPT (JPT_MADYA,
JPT_PRATAMA)``: the names of the rule file stay (they are the circular's
vocabulary), the operators are words of the reader's language, and a
parameter or a named set shows its value beside its name.
"""

from __future__ import annotations

import datetime as dt

from edaran.core.values import show_value
from edaran.lang import ir
from edaran.messages import Lang, message

__all__ = ["expression_words"]

_BINARY = {
    "eq": "words.eq",
    "ne": "words.ne",
    "lt": "words.lt",
    "le": "words.le",
    "gt": "words.gt",
    "ge": "words.ge",
    "in": "words.in",
    "not_in": "words.not-in",
    "unit_in": "words.in",
    "unit_not_in": "words.not-in",
    "unit_eq": "words.eq",
    "unit_ne": "words.ne",
    "add": "words.add",
    "sub": "words.sub",
    "mul": "words.mul",
    "div": "words.div",
    "date_add": "words.add",
    "date_sub": "words.sub",
    "date_diff": "words.sub",
}


def expression_words(
    expr: ir.Expr, program: ir.Program, lang: Lang, day: dt.date | None = None
) -> str:
    """``expr`` in words; parameters show their value on ``day`` (the first value without)."""

    def words(node: ir.Expr, nested: bool = False) -> str:
        if isinstance(node, ir.Const):
            if node.name is not None:
                return _named(node, lang)
            return show_value(node.value, lang)
        if isinstance(node, ir.Fact):
            return node.written
        if isinstance(node, ir.OutputRef):
            return node.name
        if isinstance(node, ir.Param):
            values = program.params.get(node.name, ())
            if not values:
                return node.name
            value = program.param_value(node.name, day) if day else values[0][1]
            dated = "" if len(values) == 1 else ", " + message("words.dated", lang)
            return f"{node.name} ({show_value(value, lang)}{dated})"
        args = node.args
        if node.op in ("and", "or"):
            joined = f" {message('words.' + node.op, lang)} ".join(words(a, True) for a in args)
            return f"({joined})" if nested and node.op == "or" else joined
        if node.op == "not":
            return message("words.not", lang, a=words(args[0], True))
        if node.op == "neg":
            return "-" + words(args[0], True)
        if node.op == "between":
            return message(
                "words.between", lang, a=words(args[0]), lo=words(args[1]), hi=words(args[2])
            )
        if node.op == "index":
            table = args[0]
            name = table.name if isinstance(table, ir.Const) and table.name else words(table)
            return f"{name}[{words(args[1])}]"
        key = _BINARY.get(node.op)
        if key is None or len(args) != 2:  # pragma: no cover - every operation is listed
            return f"{node.op}({', '.join(words(a) for a in args)})"
        return message(key, lang, a=words(args[0], True), b=words(args[1], True))

    return words(expr)


def _named(node: ir.Const, lang: Lang) -> str:
    """A named set: its name and its members."""
    value = node.value
    if isinstance(value, frozenset):
        return f"{node.name} {show_value(value, lang)}"
    return str(node.name)
