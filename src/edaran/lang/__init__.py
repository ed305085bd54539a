"""The language: grammar, parser, syntax tree, schema, checker and the checked program.

Parse (:func:`parse`, :func:`parse_file`), resolve what a file extends or
amends (:func:`resolve`, the one step that reads other files), then check
(:func:`check`).  The checker's passes live in :mod:`edaran.lang.checks`.
"""

from __future__ import annotations

from edaran.lang.checker import MAX_DIAGNOSTICS, check, check_or_raise
from edaran.lang.grammar import grammar_text, keyword_pairs
from edaran.lang.ir import Program
from edaran.lang.nodes import Module
from edaran.lang.parser import MAX_BYTES, MAX_DEPTH, parse, parse_file
from edaran.lang.schema import Schema
from edaran.lang.variants import resolve, template_names

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_DIAGNOSTICS",
    "Module",
    "Program",
    "Schema",
    "check",
    "check_or_raise",
    "grammar_text",
    "keyword_pairs",
    "parse",
    "parse_file",
    "resolve",
    "template_names",
]
