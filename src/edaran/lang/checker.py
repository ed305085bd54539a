"""The checker: AST -> typed, resolved :class:`~edaran.lang.ir.Program`, or every problem at once.

It runs the passes of :mod:`edaran.lang.checks` in order (header,
declarations, rules, exceptions, discipline, quotas, examples, limits), builds
the program from what they found, and looks for conflicts between rules
statically (:mod:`edaran.lang.conflicts`).  Problems are collected, never
raised one by one.  The checker reads no file: a module that extends or
amends another is merged with it before (:func:`edaran.lang.variants.resolve`).
"""

from __future__ import annotations

import attrs

from edaran.core.diagnostics import Diagnostic, EdaranError, Severity
from edaran.lang import ir
from edaran.lang import nodes as n
from edaran.lang.attributes import declare_attributes
from edaran.lang.checks import PASSES, State
from edaran.lang.conflicts import find_conflicts
from edaran.lang.schema import Schema

__all__ = ["MAX_DIAGNOSTICS", "check", "check_or_raise"]

#: More diagnostics than this from one file are cut, with a note.
MAX_DIAGNOSTICS = 100


def check(
    module: n.Module, schema: Schema | None = None, *, static_conflicts: bool = True
) -> tuple[ir.Program | None, list[Diagnostic]]:
    """Check a parsed module: the program (None if any error) and every diagnostic.

    The module is checked as it is: a file that extends or amends another is
    merged with it first (:func:`edaran.lang.variants.resolve`;
    ``edaran.check`` does both).  ``static_conflicts=False`` skips the search
    for conflicts, leaving them to the run-time check (for tests of that
    check, and for very large files).
    """
    schema, declared = declare_attributes(module, schema or Schema())
    state = State(module, schema)
    state.diagnostics.extend(declared)
    for run in PASSES:
        run(state)
    program = _program(state)
    if program is not None and static_conflicts:
        state.diagnostics.extend(find_conflicts(program))
    if any(d.is_error for d in state.diagnostics):
        program = None
    return program, _capped(sorted(state.diagnostics, key=_position))


def _program(state: State) -> ir.Program | None:
    """The program the passes found, or None when any of them found an error."""
    if any(d.is_error for d in state.diagnostics):
        return None
    if state.header is None or state.overrides is None:
        return None
    return ir.Program(
        header=state.header,
        outputs=state.outputs,
        rules=tuple(state.rules),
        params=state.params,
        param_types=dict(state.env.params),
        sets=dict(state.env.sets),
        modes=state.modes,
        holidays=state.holidays,
        workweek=state.workweek,
        examples=tuple(state.examples),
        overrides=state.overrides,
        limits=tuple(state.limits),
        duties=tuple(state.duties),
        breaches=tuple(state.breaches),
        sanctions=tuple(state.sanctions),
        quotas=tuple(state.quotas),
        targets=tuple(state.targets),
        checklists=tuple(state.checklists),
        report=state.report_block,
        provisions=tuple(state.provisions),
        tables={
            name: (table, state.table_spans[name]) for name, (table, _) in state.env.tables.items()
        },
        identifiers=tuple(state.exprs.identifiers),
        source_name=state.module.span.path if state.module.span else "",
        schema=state.schema,
    )


def _capped(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    if len(diagnostics) <= MAX_DIAGNOSTICS:
        return diagnostics
    hidden = len(diagnostics) - MAX_DIAGNOSTICS
    last = diagnostics[MAX_DIAGNOSTICS - 1]
    note = ("note-truncated", {"count": hidden})
    return [*diagnostics[: MAX_DIAGNOSTICS - 1], attrs.evolve(last, notes=(*last.notes, note))]


def _position(diagnostic: Diagnostic) -> tuple[int, int, str]:
    span = diagnostic.span
    return (span.line, span.column, diagnostic.code) if span else (0, 0, diagnostic.code)


def check_or_raise(
    module: n.Module, schema: Schema | None = None, *, static_conflicts: bool = True
) -> ir.Program:
    """Like :func:`check`, raising :class:`EdaranError` when there is any error."""
    program, diagnostics = check(module, schema, static_conflicts=static_conflicts)
    if program is None or any(d.severity is Severity.ERROR for d in diagnostics):
        raise EdaranError(diagnostics)
    return program
