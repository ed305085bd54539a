"""The rules as Markdown and as an HTML page beside the circular's words.

:func:`review_markdown` writes the same tables as the workbook.
:func:`review_html` writes one page: each butir's words (its title and the
comment lines that quote the circular above it) beside its rule-file text,
linked to the examples that exercise it and, with a roster, to the decisions
it makes on it (counts per unit, never a name).  The rule-file text is
highlighted by the ``edaran`` Pygments lexer when one is installed, else
shown plain.
"""

from __future__ import annotations

import datetime as dt
import html
import importlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from edaran.engine.circular import Circular
from edaran.engine.decision import DecisionError
from edaran.messages import Lang, message
from edaran.review.model import Review, table_file
from edaran.testing.runner import block_label

__all__ = ["RuleDecisions", "decisions_by_rule", "review_html", "review_markdown"]


# ------------------------------------------------------------------ Markdown
def _cell(text: object) -> str:
    value = "" if text is None else str(text)
    return value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def _table(heads: list[str], rows: Iterable[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return lines


def review_markdown(review: Review, lang: Lang) -> str:
    """The butir, parameters, tables, sets and examples as Markdown tables."""

    def h(key: str) -> str:
        return message("export." + key, lang)

    out = [f"# {message('export.title', lang, number=review.number)}", ""]
    if review.subject:
        out += [review.subject, ""]
    out += [f"## {h('sheet-butir')}", ""]
    out += _table(
        [h(k) for k in ("h-label", "h-title", "h-kind", "h-conditions", "h-value")]
        + [h(k) for k in ("h-exceptions", "h-file", "h-line", "h-examples")],
        (
            [
                b.label,
                b.title,
                message(f"coverage.kind-{b.kind}", lang)
                + (f" ({h('binding')})" if b.binding else ""),
                b.conditions,
                b.value,
                ", ".join(b.exceptions),
                b.file,
                b.line,
                "\n".join(f"{line}: {title}" for line, title in b.example_lines())
                or h("no-example"),
            ]
            for b in review.butir
        ),
    )
    out += ["", f"## {h('sheet-params')}", ""]
    out += _table(
        [h(k) for k in ("h-name", "h-type", "h-since", "h-value", "h-file", "h-line")],
        (
            [p.name, p.type, p.since.isoformat() if p.since else "", p.value, p.file, p.line]
            for p in review.params
        ),
    )
    out += ["", f"## {h('sheet-tables')}", ""]
    out += _table(
        [h(k) for k in ("h-table", "h-type", "h-unit", "h-value", "h-file", "h-line", "h-since")],
        (
            [
                t.table,
                t.type,
                t.unit or h("default-row"),
                t.value,
                table_file(t, lang),
                t.line,
                t.since.isoformat() if t.since else "",
            ]
            for t in review.tables
        ),
    )
    out += ["", f"## {h('sheet-sets')}", ""]
    out += _table(
        [h(k) for k in ("h-name", "h-type", "h-members", "h-file", "h-line")],
        ([s.name, s.type, s.members, s.file, s.line] for s in review.sets),
    )
    out += ["", f"## {h('sheet-examples')}", ""]
    out += _table(
        [h(k) for k in ("h-title", "h-line", "h-date", "h-givens", "h-expected", "h-result")],
        (
            [
                e.title,
                e.line,
                e.date.isoformat(),
                "\n".join(e.givens),
                "\n".join(e.expected),
                message("cli.pass" if e.passed else "cli.fail", lang),
            ]
            for e in review.examples
        ),
    )
    return "\n".join(out) + "\n"


# ---------------------------------------------------------- decisions (HTML)
@attrs.frozen
class RuleDecisions:
    """What one butir decided over a roster and a date range."""

    first: dt.date
    last: dt.date
    decided: int
    #: unit code -> employee-days it decided there
    units: Mapping[str, int]
    #: labels of the butir it overrode, with how many times
    overrode: Mapping[str, int]


def decisions_by_rule(
    circular: Circular, employees: list[object], first: dt.date, last: dt.date
) -> dict[str, RuleDecisions]:
    """Every employee-day decided; per butir label, what it decided (undecidable days skipped)."""
    unit_of = {e.nip: e.unit.kode for e in employees}  # type: ignore[attr-defined]
    decided: Counter[str] = Counter()
    units: dict[str, Counter[str]] = {}
    overrode: dict[str, Counter[str]] = {}
    errors: list[DecisionError] = []
    for d in circular.decide_many(employees, first, last, errors=errors):  # type: ignore[arg-type]
        if d.rule is None:
            continue
        label = block_label(d.rule)
        decided[label] += 1
        units.setdefault(label, Counter())[unit_of.get(d.nip, "?")] += 1
        for loser, winner in d.overridden:
            overrode.setdefault(block_label(winner), Counter())[block_label(loser)] += 1
    return {
        label: RuleDecisions(
            first,
            last,
            decided[label],
            dict(units.get(label, Counter()).most_common()),
            dict(overrode.get(label, Counter()).most_common()),
        )
        for label in set(decided) | set(overrode)
    }


# ---------------------------------------------------------------------- HTML
_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1200px; color: #222; }
h1 { font-size: 1.5em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
.butir { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.5em;
         border-top: 1px solid #ddd; padding: 1em 0; }
.words blockquote { margin: .5em 0; padding-left: 1em; border-left: 3px solid #8aa; color: #444; }
.rule pre, pre.rule { background: #f6f8fa; padding: .8em; overflow-x: auto; font-size: .9em; }
.label { font-weight: bold; font-size: 1.1em; } .meta { color: #666; font-size: .9em; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .3em .6em; }
.fail { color: #c00000; font-weight: bold; } .none { color: #c00000; }
"""


def _slug(label: str) -> str:
    return "butir-" + re.sub(r"[^0-9A-Za-z]+", "-", label.removeprefix("butir ")).strip("-")


def _highlighter() -> tuple[Any, Any] | None:
    """The ``edaran`` Pygments lexer and an HTML formatter, when Pygments and the lexer exist.

    Pygments is imported by name: it is optional here (the ``docs`` extra
    brings it, with the lexer).
    """
    try:
        lexers = importlib.import_module("pygments.lexers")
        formatters = importlib.import_module("pygments.formatters")
        util = importlib.import_module("pygments.util")
    except ImportError:
        return None
    try:
        lexer = lexers.get_lexer_by_name("edaran")
    except util.ClassNotFound:
        return None
    return lexer, formatters.HtmlFormatter(cssclass="highlight")


def _code(text: str, highlighter: tuple[Any, Any] | None) -> str:
    if highlighter is not None:
        pygments = importlib.import_module("pygments")
        return str(pygments.highlight(text, *highlighter))
    return f'<pre class="rule">{html.escape(text)}</pre>'


def review_html(
    review: Review,
    lang: Lang,
    decisions: Mapping[str, RuleDecisions] | None = None,
    period: tuple[dt.date, dt.date] | None = None,
) -> str:
    """One page: each butir's words beside its rules, linked to examples and decisions."""
    e = html.escape

    def h(key: str) -> str:
        return message("export." + key, lang)

    highlighter = _highlighter()
    title = message("export.title", lang, number=review.number)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{e(title)}</title>",
        f"<style>{_STYLE}</style>",
    ]
    if highlighter is not None:
        # without Pygments' comments, which name its token kinds (Generic.Traceback...)
        rules = re.sub(r"\s*/\*.*?\*/", "", highlighter[1].get_style_defs(".highlight"))
        out.append(f"<style>{rules}</style>")
    out += ["</head><body>", f"<h1>{e(title)}</h1>"]
    if review.subject:
        out.append(f"<p>{e(review.subject)}</p>")
    out.append(f'<p class="meta">{e(h("rule-file"))}: {e(review.file)}</p>')
    out.append(f"<h2>{e(h('sheet-butir'))}</h2>")
    labels = {b.label for b in review.butir}
    for b in review.butir:
        out.append(f'<section class="butir" id="{_slug(b.label)}">')
        out.append('<div class="words">')
        kind = message(f"coverage.kind-{b.kind}", lang)
        out.append(f'<div class="label">{e(b.label)}</div>')
        out.append(f"<div>{e(b.title or '')}</div>")
        if b.notes:
            out.append(f"<blockquote>{e(b.notes).replace(chr(10), '<br>')}</blockquote>")
        out.append(f'<p class="meta">{e(kind)} · {e(b.file)} {e(h("h-line").lower())} {b.line}</p>')
        out.append(f"<p><b>{e(h('h-conditions'))}:</b> {e(b.conditions)}</p>")
        if b.exceptions:
            links = ", ".join(
                f'<a href="#{_slug(x)}">{e(x)}</a>' if x in labels else e(x) for x in b.exceptions
            )
            out.append(f"<p><b>{e(h('h-exceptions'))}:</b> {links}</p>")
        out.append(f"<p><b>{e(h('h-examples'))}:</b></p><ul>")
        for line, example in b.example_lines():
            out.append(f'<li><a href="#contoh-{line}">{e(example)}</a></li>')
        if not b.examples:
            out.append(f'<li class="none">{e(h("no-example"))}</li>')
        out.append("</ul>")
        if decisions is not None and period is not None:
            out.append(
                f"<p><b>{e(h('h-decisions'))}:</b> {_decided(b.label, decisions, period, lang)}</p>"
            )
        out.append('</div><div class="rule">')
        out.append(_code(b.source, highlighter))
        out.append("</div></section>")
    out.append(f"<h2>{e(h('sheet-params'))}</h2><table>")
    out.append(
        _row_html([h(k) for k in ("h-name", "h-type", "h-since", "h-value", "h-line")], "th")
    )
    for p in review.params:
        since = p.since.isoformat() if p.since else h("first-value")
        out.append(_row_html([p.name, p.type, since, p.value, f"{p.file}:{p.line}"]))
    out.append(f"</table><h2>{e(h('sheet-tables'))}</h2><table>")
    out.append(
        _row_html(
            [h(k) for k in ("h-table", "h-type", "h-unit", "h-since", "h-value", "h-line")], "th"
        )
    )
    for t in review.tables:
        unit = t.unit or h("default-row")
        since = t.since.isoformat() if t.since else ""
        where = f"{table_file(t, lang)}:{t.line}"
        out.append(_row_html([t.table, t.type, unit, since, t.value, where]))
    out.append(f"</table><h2>{e(h('sheet-examples'))}</h2>")
    for x in review.examples:
        out.append(f'<section id="contoh-{x.line}"><h3>{e(x.title)}</h3>')
        result = message("cli.pass" if x.passed else "cli.fail", lang)
        cls = "" if x.passed else ' class="fail"'
        out.append(
            f'<p class="meta">{e(h("h-line").lower())} {x.line} · <span{cls}>{e(result)}</span></p>'
        )
        out.append(f'<pre class="rule">{e(chr(10).join((*x.givens, *x.expected)))}</pre>')
        links = ", ".join(f'<a href="#{_slug(label)}">{e(label)}</a>' for label in x.butir)
        out.append(f"<p><b>{e(h('h-butir'))}:</b> {links}</p></section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _row_html(cells: list[object], tag: str = "td") -> str:
    inner = "".join(f"<{tag}>{html.escape(str(c))}</{tag}>" for c in cells)
    return f"<tr>{inner}</tr>"


def _decided(
    label: str,
    decisions: Mapping[str, RuleDecisions],
    period: tuple[dt.date, dt.date],
    lang: Lang,
) -> str:
    found = decisions.get(label)
    first, last = period
    if found is None or not found.decided:
        text = message("export.not-decided", lang, first=first, last=last)
    else:
        text = message("export.decided", lang, count=found.decided, first=first, last=last)
        top = ", ".join(f"{unit} {count}" for unit, count in list(found.units.items())[:5])
        text += f" ({top})"
    if found is not None and found.overrode:
        rules = ", ".join(f"{x} {count}×" for x, count in found.overrode.items())
        text += "; " + message("export.overrode", lang, rules=rules)
    return html.escape(text)
