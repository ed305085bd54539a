"""Clause coverage: which butir the worked examples (``contoh``) exercise.

A *block* is one labelled piece of a rule file: a rule (``butir 6[pendukung]``),
a ``batas`` (its lines together: ``butir 4``), a duty, a breach, a sanction step,
a quota, a target, a per-record rule or the savings report.  An example exercises a block in a
*role*:

* ``decides``: the rule that gave an expected value (or a person's eligible
  mode in a schedule example);
* ``overridden``: a rule that applied and that an exception set aside;
* ``limit``: a ``batas`` that kept someone back, or on site, in a schedule example;
* ``duty``: a duty owed in the mode the example's person works in that day
  (a contact duty the contacts of a discipline example are weighed against,
  a checklist a decision example's unit owes);
* ``breach``, ``sanction``: a breach found or a sanction step reached in a
  discipline example;
* ``quota``, ``target``, ``report``: a quota, target or report estimate an
  expected value reads;
* ``provision``: a per-record rule (``ketentuan``) an expected value reads.

The figure counts the file's *own* blocks: a variant's or an amendment's
inherited blocks are listed (with the examples that touch them) but counted by
the file they come from, which has examples of its own.  Blocks of every
version of an amended circular are counted: an example dated before an
amendment exercises the version then in force.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_FLOOR, Decimal
from pathlib import PurePath
from typing import Any

import attrs

from edaran.core.diagnostics import Span
from edaran.engine.circular import Circular
from edaran.io.publish import location_object
from edaran.messages import Lang, message
from edaran.testing.runner import ExampleResult, block_label

__all__ = ["ROLES", "BlockCoverage", "Coverage", "blocks_of", "clause_coverage"]

#: The roles an example exercises a block in, in the order a report lists them.
ROLES = (
    "decides",
    "overridden",
    "limit",
    "duty",
    "breach",
    "sanction",
    "quota",
    "target",
    "report",
    "provision",
)

#: The kinds of block, as a program holds them (field, kind).
_KINDS = (
    ("rules", "rule"),
    ("limits", "limit"),
    ("duties", "duty"),
    ("checklists", "duty"),
    ("breaches", "breach"),
    ("sanctions", "sanction"),
    ("quotas", "quota"),
    ("targets", "target"),
    ("provisions", "provision"),
)


@attrs.frozen
class BlockCoverage:
    """One block of a rule file and the examples that exercise it.

    ``examples`` holds ``(title, role, line)`` for each example and role, in
    file order; ``own`` is False for a block inherited from another file.
    """

    label: str
    clause: str
    title: str | None
    kind: str
    own: bool
    span: Span | None = attrs.field(eq=False, repr=False)
    examples: tuple[tuple[str, str, int | None], ...] = ()

    @property
    def covered(self) -> bool:
        """Whether any example exercises the block."""
        return bool(self.examples)

    def to_dict(self) -> dict[str, object]:
        """The block as JSON data (``edaran test --coverage --format json``)."""
        return {
            "label": self.label,
            "clause": self.clause,
            "title": self.title,
            "kind": self.kind,
            "own": self.own,
            "location": location_object(self.span) if self.span is not None else None,
            "examples": [
                {"title": title, "role": role, "line": line} for title, role, line in self.examples
            ],
        }


@attrs.frozen
class Coverage:
    """The blocks of one rule file with the examples that exercise them."""

    file: str
    blocks: tuple[BlockCoverage, ...]

    @property
    def own(self) -> tuple[BlockCoverage, ...]:
        """The blocks the figure counts: those written in this file."""
        return tuple(b for b in self.blocks if b.own)

    @property
    def covered(self) -> int:
        """How many of the file's own blocks an example exercises."""
        return sum(1 for b in self.own if b.covered)

    @property
    def total(self) -> int:
        """How many blocks the file itself writes."""
        return len(self.own)

    @property
    def percent(self) -> Decimal:
        """The share of own blocks exercised, in percent, rounded down to 0.1 (100 if none)."""
        if not self.total:
            return Decimal(100)
        share = Decimal(self.covered * 100) / Decimal(self.total)
        return share.quantize(Decimal("0.1"), rounding=ROUND_FLOOR)

    def meets(self, minimum: Decimal) -> bool:
        """Whether the exact share of own blocks exercised is at least ``minimum`` percent."""
        return self.covered * 100 >= minimum * self.total

    def to_dict(self) -> dict[str, object]:
        """The figures and every block as JSON data."""
        return {
            "covered": self.covered,
            "total": self.total,
            "percent": _percent(self.percent),
            "uncovered": [b.label for b in self.own if not b.covered],
            "blocks": [b.to_dict() for b in self.blocks],
        }

    def render(self, lang: Lang = "id") -> str:
        """The report as ``edaran test --coverage`` prints it."""
        lines = [
            message(
                "coverage.head",
                lang,
                path=self.file,
                covered=self.covered,
                total=self.total,
                percent=_percent(self.percent),
            )
        ]
        for own in (True, False):
            group = [b for b in self.blocks if b.own is own]
            if not group:
                continue
            if not own:
                lines.append(message("coverage.inherited", lang))
            for block in group:
                kind = message(f"coverage.kind-{block.kind}", lang)
                lines.append(f"  {block.label} ({kind}, {_where(block, lang)})")
                if not block.covered:
                    lines.append("      " + message("coverage.none", lang))
                for title, role, at in block.examples:
                    role_word = message(f"coverage.role-{role}", lang)
                    lines.append(
                        f"      {role_word:12} {message('coverage.line', lang)} {at}: {title}"
                    )
        uncovered = [b.label for b in self.own if not b.covered]
        if uncovered:
            lines.append(message("coverage.missing", lang, labels=", ".join(uncovered)))
        return "\n".join(lines)


def _where(block: BlockCoverage, lang: Lang) -> str:
    """``baris 48``, or ``nasional-2026.edaran baris 41`` for an inherited block."""
    if block.span is None:
        return "?"
    line = f"{message('coverage.line', lang)} {block.span.line}"
    return line if block.own else f"{PurePath(block.span.path).name} {line}"


def _percent(value: Decimal) -> str:
    text = f"{value:f}"
    return text[:-2] if text.endswith(".0") else text


def blocks_of(circular: Circular) -> list[tuple[str, str, str | None, str, Span | None, bool]]:
    """Every block of every version: (label, clause, title, kind, span, own), in file order.

    ``own`` says the block is written in the circular's own file.  A label met
    again in a later version keeps its first place and takes the later words.
    """
    main = circular.program.source_name
    found: dict[str, tuple[str, str, str | None, str, Span | None, bool]] = {}
    for version in circular.versions():
        program = version.program
        seen: set[str] = set()
        entries: list[Any] = []
        for field, kind in _KINDS:
            entries.extend((block, kind) for block in getattr(program, field))
        if program.report is not None:
            entries.append((program.report, "report"))
        for block, kind in entries:
            label = block_label(block.id)
            if label in seen:
                continue  # the second line of a batas: the block is its first line
            seen.add(label)
            own = block.span is not None and block.span.path == main
            if label in found:
                own = own or found[label][5]
            found[label] = (label, block.clause, block.title, kind, block.span, own)
    return sorted(found.values(), key=_order)


def _order(entry: tuple[str, str, str | None, str, Span | None, bool]) -> tuple[int, str, int]:
    span = entry[4]
    return (0 if entry[5] else 1, span.path if span else "", span.line if span else 0)


def clause_coverage(
    circular: Circular, results: Sequence[ExampleResult], file: str | None = None
) -> Coverage:
    """Which blocks of ``circular`` the example ``results`` exercise (see the module doc)."""
    touched: dict[str, list[tuple[str, str, int | None]]] = {}
    for result in results:
        line = result.span.line if result.span is not None else None
        for label, role in result.exercised:
            touched.setdefault(label, []).append((result.title, role, line))
    blocks = []
    for label, clause, title, kind, span, own in blocks_of(circular):
        examples = sorted(touched.get(label, []), key=lambda e: (e[2] or 0, ROLES.index(e[1])))
        blocks.append(BlockCoverage(label, clause, title, kind, own, span, tuple(examples)))
    name = file if file is not None else circular.program.source_name
    return Coverage(name, tuple(blocks))
