"""The rules as a table: every butir a row, parameters and tables on their own.

:func:`review_of` reads a loaded circular (and its syntax tree, merged with
what it extends or amends) into plain rows that every format writes the same
way: :mod:`~edaran.review.xlsx` (a workbook for review), :mod:`~edaran.review.markdown`
and :mod:`~edaran.review.html` (the circular beside its rules).  A parameter
or table value is its text as the rule file writes it (``Rp 45.000``,
``5 menit``, ``50%``), so :mod:`~edaran.review.amend` can read an edited
value back with the rule file's own grammar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import PurePath

import attrs

from edaran.core.diagnostics import Span
from edaran.engine.circular import Circular
from edaran.engine.table_files import read_table_files
from edaran.lang import nodes as n
from edaran.lang.variants import resolve
from edaran.messages import Lang, message
from edaran.review.words import expression_words
from edaran.testing.coverage import blocks_of, clause_coverage
from edaran.testing.runner import ExampleResult, block_label, run_examples

__all__ = [
    "ButirRow",
    "ExampleRow",
    "ParamRow",
    "Review",
    "SetRow",
    "TableRow",
    "editable",
    "review_of",
    "span_text",
    "table_file",
]


@attrs.frozen
class ButirRow:
    """One butir: a rule, a ``batas``, a duty, a breach, a sanction, a quota, a target, a report."""

    label: str
    number: str
    title: str | None
    kind: str
    conditions: str
    value: str
    exceptions: tuple[str, ...]
    file: str
    line: int | None
    source: str
    #: the comment lines just above the block (the circular's words, quoted there)
    notes: str
    #: (title, role, line) of the examples that exercise it
    examples: tuple[tuple[str, str, int | None], ...]
    binding: bool = False

    def example_lines(self) -> list[tuple[int | None, str]]:
        """The examples that exercise the butir, once each: (line, title), in file order."""
        return list(dict.fromkeys((line, title) for title, _, line in self.examples))


@attrs.frozen
class ParamRow:
    """One value of a parameter: its first value (``since`` None), or one from a date on."""

    name: str
    type: str
    since: dt.date | None
    value: str
    file: str
    line: int | None


@attrs.frozen
class TableRow:
    """One row of a per-unit table; ``unit`` None is the table's default.

    ``since`` is the date a dated row (``mulai``) holds from; ``data_file`` is
    set on a row read from a data file (``dari_berkas``), whose ``file`` and
    ``line`` are then that file's name and line.
    """

    table: str
    type: str
    unit: str | None
    value: str
    file: str
    line: int | None
    since: dt.date | None = attrs.field(default=None, kw_only=True)
    data_file: bool = attrs.field(default=False, kw_only=True)


@attrs.frozen
class SetRow:
    """A named set and its members, as written."""

    name: str
    type: str
    members: str
    file: str
    line: int | None


@attrs.frozen
class ExampleRow:
    """A worked example: what it states, what it expects, and whether it holds."""

    title: str
    line: int | None
    date: dt.date
    givens: tuple[str, ...]
    expected: tuple[str, ...]
    passed: bool
    butir: tuple[str, ...]


@attrs.frozen
class Review:
    """Everything an export writes about one rule file."""

    number: str
    subject: str | None
    file: str
    butir: tuple[ButirRow, ...]
    params: tuple[ParamRow, ...]
    tables: tuple[TableRow, ...]
    sets: tuple[SetRow, ...]
    examples: tuple[ExampleRow, ...]
    #: the source text of the file itself
    text: str = ""
    #: each table's declaration as written (its rows from data files not read in)
    table_decls: Mapping[str, n.TableDecl] = attrs.field(factory=dict, kw_only=True)


def span_text(span: Span | None) -> str:
    """The source text a span covers, trailing blanks removed ("" without a source)."""
    if span is None or span.source is None:
        return ""
    return span.source.text[span.start : span.end].rstrip()


def _notes(span: Span | None) -> str:
    """The comment lines right above ``span``, without their ``#``."""
    if span is None or span.source is None:
        return ""
    lines = span.source.text.splitlines()
    found: list[str] = []
    index = span.line - 2
    while index >= 0 and lines[index].lstrip().startswith("#"):
        found.append(lines[index].lstrip()[1:].strip())
        index -= 1
    return "\n".join(reversed(found)).strip()


def _block_text(span: Span | None) -> str:
    """A block's source without the comments and blank lines that trail it."""
    lines = span_text(span).splitlines()
    while lines and (not lines[-1].strip() or lines[-1].lstrip().startswith("#")):
        lines.pop()
    return "\n".join(lines)


def _body(span: Span | None, skip: tuple[str, ...] = ()) -> str:
    """A block's lines after its header line, dedented, without comments and ``skip`` lines."""
    lines = [line.strip() for line in _block_text(span).splitlines()[1:]]
    return "\n".join(x for x in lines if x and not x.startswith(("#", *skip)))


#: condition lines of a block, which the conditions column gives in words
_CONDITION_LINES = ("jika ", "dan ", "if ", "and ")


def _name(span: Span | None) -> str:
    return PurePath(span.path).name if span is not None else ""


def _merged(circular: Circular) -> n.Module | None:
    if circular.module is None:
        return None
    merged, _ = resolve(circular.module, circular.path)
    return merged


def review_of(
    circular: Circular, lang: Lang = "id", results: Sequence[ExampleResult] | None = None
) -> Review:
    """The rows of ``circular``: butir, parameters, tables, sets and examples.

    ``results`` are the examples' outcomes (run here when not given).
    """
    program = circular.program
    if results is None:
        results = run_examples(circular)
    coverage = clause_coverage(circular, results)
    touched = {b.label: b.examples for b in coverage.blocks}
    day = program.header.effective_from
    rules = {block_label(r.id): r for r in program.rules}
    first_of: dict[str, object] = {}
    fields = ("limits", "duties", "checklists", "breaches", "sanctions", "quotas", "targets")
    for field in (*fields, "provisions"):
        for block in getattr(program, field):
            first_of.setdefault(block_label(block.id), block)
    if program.report is not None:
        first_of[block_label(program.report.id)] = program.report
    module = _merged(circular)
    written: dict[str, Span | None] = {}
    for item in module.items if module is not None else ():
        citation = getattr(item, "citation", None)
        if isinstance(citation, n.Citation):
            written[citation.label] = item.span
    butir = []
    for label, clause, title, kind, ir_span, _own in blocks_of(circular):
        span = written.get(label, ir_span)
        rule = rules.get(label)
        exceptions: tuple[str, ...] = ()
        binding = False
        if rule is not None:
            value = message(
                "words.sets",
                lang,
                output=rule.output,
                value=expression_words(rule.value, program, lang, day),
            )
            condition = rule.condition
            exceptions = rule.exceptions
            binding = rule.binding
        else:
            block = first_of.get(label)
            value = _body(span, _CONDITION_LINES)
            condition = getattr(block, "condition", None)
        conditions = (
            expression_words(condition, program, lang, day)
            if condition is not None
            else message("words.always", lang)
        )
        butir.append(
            ButirRow(
                label,
                clause.removeprefix("butir ").strip(),
                title,
                kind,
                conditions,
                value,
                exceptions,
                _name(span),
                span.line if span is not None else None,
                _block_text(span),
                _notes(span),
                touched.get(label, ()),
                binding,
            )
        )
    params: list[ParamRow] = []
    tables: list[TableRow] = []
    sets: list[SetRow] = []
    table_decls: dict[str, n.TableDecl] = {}
    with_files: dict[str, n.TableDecl] = {}
    if module is not None:
        read, _problems = read_table_files(module)  # their problems are the checker's to say
        with_files = {i.name.name: i for i in read.items if isinstance(i, n.TableDecl)}
    for item in module.items if module is not None else ():
        if isinstance(item, n.ParamDecl):
            kind_text = span_text(item.type.span)
            params.append(
                ParamRow(
                    item.name.name,
                    kind_text,
                    None,
                    span_text(item.value.span),
                    _name(item.span),
                    _line(item.value.span),
                )
            )
            for change in sorted(item.changes, key=lambda c: c.date.text):
                params.append(
                    ParamRow(
                        item.name.name,
                        kind_text,
                        dt.date.fromisoformat(change.date.text),
                        span_text(change.value.span),
                        _name(change.span),
                        _line(change.value.span),
                    )
                )
        elif isinstance(item, n.TableDecl):
            table_decls[item.name.name] = item
            tables += _table_rows(item, with_files.get(item.name.name, item))
        elif isinstance(item, n.SetDecl):
            sets.append(
                SetRow(
                    item.name.name,
                    span_text(item.type.span),
                    span_text(item.items.span),
                    _name(item.span),
                    _line(item.span),
                )
            )
    examples = []
    for example, result in zip(program.examples, results, strict=True):
        lines = _body(example.span).splitlines()
        then = ("maka ", "then ")
        givens = tuple(x for x in lines if not x.startswith(then))
        expected = tuple(x for x in lines if x.startswith(then))
        examples.append(
            ExampleRow(
                example.title,
                _line(example.span),
                example.date,
                givens,
                expected,
                result.passed,
                tuple(dict.fromkeys(label for label, _ in result.exercised)),
            )
        )
    source = program.source_name
    own_text = ""
    if circular.module is not None and circular.module.span is not None:
        src = circular.module.span.source
        own_text = src.text if src is not None else ""
    return Review(
        program.header.number,
        program.header.subject,
        source,
        tuple(butir),
        tuple(params),
        tuple(tables),
        tuple(sets),
        tuple(examples),
        own_text,
        table_decls=table_decls,
    )


def editable(row: TableRow) -> bool:
    """Whether ``edaran import`` reads a change of this table row (an undated written one)."""
    return row.since is None and not row.data_file


def table_file(row: TableRow, lang: Lang) -> str:
    """The file a table row comes from; a data file says so (``siaga.csv (dari_berkas)``)."""
    return message("export.data-file", lang, file=row.file) if row.data_file else row.file


def _table_rows(item: n.TableDecl, read: n.TableDecl) -> list[TableRow]:
    """A table's rows: the default and its dated values, each written unit's row and its
    dated values, then the rows of its data files (``read`` has them read in)."""
    name, kind_text = item.name.name, span_text(item.value_type.span)
    default = span_text(item.default.span)
    rows = [TableRow(name, kind_text, None, default, _name(item.span), _line(item.default.span))]
    rows += _dated(name, kind_text, None, item.changes, data_file=False)
    for index, row in enumerate(read.rows):
        from_file = index >= len(item.rows)
        if row.value is not None:  # None: a unit a data file gives dated lines only
            rows.append(
                TableRow(
                    name,
                    kind_text,
                    row.key.name,
                    span_text(row.value.span),
                    _name(row.span),
                    _line(row.value.span),
                    data_file=from_file,
                )
            )
        rows += _dated(name, kind_text, row.key.name, row.changes, data_file=from_file)
    return rows


def _dated(
    name: str, kind_text: str, unit: str | None, changes: Sequence[n.ParamChange], data_file: bool
) -> list[TableRow]:
    return [
        TableRow(
            name,
            kind_text,
            unit,
            span_text(change.value.span),
            _name(change.span),
            _line(change.value.span),
            since=dt.date.fromisoformat(change.date.text),
            data_file=data_file,
        )
        for change in sorted(changes, key=lambda c: c.date.text)
    ]


def _line(span: Span | None) -> int | None:
    return span.line if span is not None else None
