"""What the language server knows about one open rule file, without the protocol.

:func:`analyse` parses and checks a text (with the circulars it extends or
amends, read from disk) and indexes it: every declaration (clauses,
parameters, sets, tables, enumerations, outputs, modes, declared attributes
and their members) with its place, every place a name, a clause citation or a
declared attribute (``pegawai.agama``) occurs (in the file and in its
parents), the outline, and the words completion offers.
:mod:`edaran.authoring.lsp` turns these into protocol messages.  Positions
are 0-based lines and columns counted in characters (code points); the
server converts them to and from the client's units (UTF-16 by default).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import attrs

from edaran.authoring.fmt import TOKEN
from edaran.core import types as t
from edaran.core.diagnostics import Diagnostic, EdaranError, Span
from edaran.core.modes import WORK_MODE, WORKING_HOURS
from edaran.core.values import show_value
from edaran.engine import check
from edaran.lang import nodes as n
from edaran.lang.attributes import OWNERS, declare_attributes
from edaran.lang.checks.state import OUTPUT_ALIASES
from edaran.lang.grammar import keyword_pairs
from edaran.lang.parser import parse
from edaran.lang.schema import Schema
from edaran.lang.variants import resolve
from edaran.messages import Lang, message

__all__ = ["Analysis", "Decl", "Occurrence", "Place", "analyse", "roster_units"]


@attrs.frozen
class Place:
    """A range in a file: its path and 0-based (line, column) of start and end."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def of(cls, span: Span, default: str) -> Place:
        path = span.source.name if span.source is not None else default
        if path != default and Path(path).is_file():
            path = str(Path(path).resolve())  # a parent, named relative to the working folder
        return cls(path, span.line - 1, span.column - 1, span.end_line - 1, span.end_column - 1)

    def contains(self, line: int, column: int) -> bool:
        after_start = (line, column) >= (self.line, self.column)
        return after_start and (line, column) <= (self.end_line, self.end_column)


@attrs.frozen
class Decl:
    """A declaration: its kind (a word of ``messages/authoring.py``), key, node and places."""

    kind: str
    key: str
    label: str
    node: object
    place: Place
    whole: Place
    source_text: str


@attrs.frozen
class Occurrence:
    """A name or a citation where it is written: ``name:X``, ``clause:butir 2``, ``fact:a.b``."""

    key: str
    place: Place


_CLAUSE_KINDS = {
    n.Rule: "rule",
    n.LimitDecl: "limit",
    n.DutyDecl: "duty",
    n.BreachDecl: "breach",
    n.SanctionDecl: "sanction",
    n.QuotaDecl: "quota",
    n.TargetDecl: "target",
    n.ReportDecl: "report",
}
_NAMED_KINDS = {
    n.ParamDecl: "param",
    n.SetDecl: "set",
    n.TableDecl: "table",
    n.EnumDecl: "enum",
    n.OutputDecl: "output",
    n.ModeDecl: "mode",
}


@attrs.define
class Analysis:
    """One analysed text: its diagnostics and, when it parsed, its index."""

    path: str
    text: str
    diagnostics: list[Diagnostic]
    module: n.Module | None = None
    decls: dict[str, list[Decl]] = attrs.field(factory=dict)
    occurrences: list[Occurrence] = attrs.field(factory=list)
    schema: Schema = attrs.field(factory=Schema)
    #: unit code -> unit name, from the roster beside the file (when there is one)
    units: dict[str, str] = attrs.field(factory=dict)
    #: path -> text of this file and of the parents its places point into
    sources: dict[str, str] = attrs.field(factory=dict)

    # ---------------------------------------------------------- navigation
    def occurrence_at(self, line: int, column: int) -> Occurrence | None:
        """The name or citation under the cursor in this file (a declared attribute first)."""
        found = [
            o
            for o in self.occurrences
            if o.place.path == self.path and o.place.contains(line, column)
        ]
        found.sort(key=lambda o: not o.key.startswith("attr:"))
        return found[0] if found else None

    def definitions(self, key: str) -> list[Decl]:
        return self.decls.get(key, [])

    def references(self, key: str) -> list[Place]:
        return [o.place for o in self.occurrences if o.key == key]

    def own_items(self) -> Iterator[object]:
        """The items written in this file (not those merged in from a parent)."""
        if self.module is None:
            return
        for item in self.module.items:
            span = getattr(item, "span", None)
            if span is not None and span.source is not None and span.source.name == self.path:
                yield item

    # --------------------------------------------------------------- hover
    def hover(self, line: int, column: int, lang: Lang) -> tuple[str, Place] | None:
        """Markdown about what is under the cursor, and the range it covers."""
        found = self.occurrence_at(line, column)
        if found is None:
            return None
        kind, _, name = found.key.partition(":")
        if kind == "fact":
            text = self._fact_hover(name, lang)
            return (text, found.place) if text else None
        if kind == "name" and self._output_name(name) is not None:
            return self._output_hover(name, lang), found.place
        decls = self.definitions(found.key)
        if not decls and kind == "name" and name in self.units:
            text = "**" + message("lsp.unit", lang, code=name, name=self.units[name]) + "**"
            return text, found.place
        if not decls:
            return None
        return "\n\n---\n\n".join(self._decl_hover(d, lang) for d in decls), found.place

    def _decl_hover(self, decl: Decl, lang: Lang) -> str:
        node = decl.node
        head = f"**{message('lsp.' + decl.kind, lang)} {decl.label}**"
        lines = [head]
        title = getattr(node, "title", None)
        if isinstance(node, n.ParamDecl):
            lines[0] += f": {_source(node.type.span)}"
            lines.append(message("lsp.value", lang, value=f"`{_source(node.value.span)}`"))
            lines.extend(
                "- "
                + message(
                    "lsp.from",
                    lang,
                    date=_source(change.date.span),
                    value=f"`{_source(change.value.span)}`",
                )
                for change in node.changes
            )
        elif isinstance(node, n.TableDecl):
            lines[0] += f": {node.key_type.name} -> {_source(node.value_type.span)}"
            lines.append(message("lsp.default-row", lang, value=f"`{_source(node.default.span)}`"))
            for row in node.rows:
                if row.value is not None:
                    lines.append(f"- {row.key.name}: `{_source(row.value.span)}`")
                lines.extend(
                    f"- {row.key.name}, "
                    + message(
                        "lsp.from",
                        lang,
                        date=_source(change.date.span),
                        value=f"`{_source(change.value.span)}`",
                    )
                    for change in row.changes
                )
        elif isinstance(node, n.SetDecl):
            lines[0] += f": {_source(node.type.span)}"
            lines.append(f"`{_source(node.items.span)}`")
        elif isinstance(node, n.EnumDecl):
            lines.append("`{" + ", ".join(m.name for m in node.members) + "}`")
        elif isinstance(node, n.AttributeDecl):
            lines[0] = f"**{message('lsp.attribute', lang)} {decl.label}**: " + (
                _source(node.type.span)
                if node.type is not None
                else "enumerasi"
                if lang == "id"
                else "enumeration"
            )
            if node.members:
                lines.append("`{" + ", ".join(m.name for m in node.members) + "}`")
            column = node.column if node.column is not None else node.name.name
            lines.append(message("lsp.column", lang, column=column))
            if node.required:
                lines.append(message("lsp.required", lang))
        elif isinstance(node, n.Ident):  # a member of a declared enumeration
            lines[0] = f"**{decl.label}**: " + message(
                "lsp.member", lang, enum=getattr(decl, "kind_of", "")
            )
        else:
            if title:
                lines[0] += f" — {title}"
            lines.append(f"```edaran\n{decl.source_text.rstrip()}\n```")
        if decl.place.path != self.path:
            lines.append("_" + message("lsp.defined-in", lang, path=decl.place.path) + "_")
        return "\n\n".join(lines)

    def _output_name(self, name: str) -> str | None:
        """The output ``name`` stands for (``working_hours`` is ``jam_kerja``), if it is one."""
        canonical = OUTPUT_ALIASES.get(name, name)
        if canonical in (WORK_MODE, WORKING_HOURS):
            return canonical
        declared = any(d.kind == "output" for d in self.definitions(f"name:{name}"))
        return canonical if declared else None

    def _output_hover(self, name: str, lang: Lang) -> str:
        """An output: its type, where it is declared, and the rules that set it, with values."""
        output = self._output_name(name) or name
        declared = [d for d in self.definitions(f"name:{output}") if d.kind == "output"]
        shown = {WORK_MODE: "moda" if lang == "id" else "mode", WORKING_HOURS: t.HOURS.show(lang)}
        shown_type = shown.get(output, "")
        if declared and isinstance(declared[0].node, n.OutputDecl):
            shown_type = _source(declared[0].node.type.span)
        lines = [f"**{message('lsp.output', lang)} {output}**: {shown_type}"]
        setters = [
            item
            for item in (self.module.items if self.module is not None else ())
            if isinstance(item, n.Rule)
            and OUTPUT_ALIASES.get(item.assignment.target.name, item.assignment.target.name)
            == output
        ]
        if setters:
            lines.append(message("lsp.set-by", lang))
            lines.extend(
                f"- {rule.citation.label}: `{_source(rule.assignment.value.span)}`"
                for rule in setters
            )
        if declared and declared[0].place.path != self.path:
            lines.append("_" + message("lsp.defined-in", lang, path=declared[0].place.path) + "_")
        return "\n\n".join(lines)

    def _fact_hover(self, dotted: str, lang: Lang) -> str | None:
        found = fact_type(self.schema, dotted)
        if found is None:
            return None
        kind, nullable = found
        text = message("lsp.fact", lang, name=f"`{dotted}`", type=t.show(kind, lang))
        return text + (f" ({message('lsp.nullable', lang)})" if nullable else "")

    # ---------------------------------------------------------- completion
    def completions(self, line: int, column: int) -> list[tuple[str, str, str]]:
        """(word, kind, detail) that fit at the cursor: keyword, name, field, member or unit."""
        before = self.text.split("\n")[line][:column] if line < self.text.count("\n") + 1 else ""
        dotted = re.search(r"([^\W\d][\w.]*)\.\w*$", before)
        if dotted:
            return self._fields(dotted.group(1))
        words: dict[str, tuple[str, str]] = {}
        for pair in keyword_pairs().values():
            for word in pair:
                words.setdefault(word, ("keyword", ""))
        for key, decls in self.decls.items():
            kind, _, name = key.partition(":")
            if kind == "name" and decls[0].kind == "member":
                # a member's detail is its enumeration ('agama'), as for built-in ones
                words[name] = ("member", getattr(decls[0], "kind_of", "") or "member")
            elif kind == "name":
                words[name] = ("name", decls[0].kind)
        for root in self.schema.roots:
            words.setdefault(root, ("field", ""))
        for enum in self.schema.enums():
            for member, value in enum.members:
                # as rule files write them: 'Jumat', 'Pelaksana', 'JPT_PRATAMA'
                spellings = {member, show_value(value)}
                plain = getattr(value, "value", None)
                if isinstance(plain, str) and plain.isidentifier():
                    spellings.add(plain)
                for spelling in spellings:
                    words.setdefault(spelling, ("member", enum.name))
        for code, name in self.units.items():
            words.setdefault(code, ("unit", name))
        for mode in ("WFO", "WFH", "WFA"):
            words.setdefault(mode, ("member", "moda"))
        return [(word, kind, detail) for word, (kind, detail) in sorted(words.items())]

    def _fields(self, dotted: str) -> list[tuple[str, str, str]]:
        found = fact_type(self.schema, dotted)
        if found is None:
            return []
        kind = found[0]
        if not isinstance(kind, (t.RecordType, t.UnitType)):
            return []
        fields = self.schema.fields(kind.cls)
        return sorted((name, "field", t.show(f.type)) for name, f in fields.items())


def fact_type(schema: Schema, dotted: str) -> tuple[t.Type, bool] | None:
    """The type of a dotted fact (``pegawai.unit.kode``) and whether it may be empty."""
    parts = dotted.split(".")
    if parts[0] not in schema.roots:
        return None
    _, _, kind = schema.roots[parts[0]]
    nullable = False
    for part in parts[1:]:
        if not isinstance(kind, (t.RecordType, t.UnitType)):
            return None
        field = schema.fields(kind.cls).get(part)
        if field is None:
            return None
        kind, nullable = field.type, nullable or field.nullable
    return kind, nullable


def _source(span: Span | None) -> str:
    if span is None or span.source is None:
        return ""
    return span.source.text[span.start : span.end]


def _block_text(span: Span | None) -> str:
    """The lines of a block as written: its head and the lines indented under it."""
    if span is None or span.source is None:
        return ""
    lines = span.source.text.split("\n")[span.line - 1 :]
    head = lines[0]
    depth = len(head) - len(head.lstrip())
    block = [head]
    for line in lines[1:]:
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and len(line) - len(line.lstrip()) <= depth:
            break
        block.append(line)
    while block and (not block[-1].strip() or block[-1].strip().startswith("#")):
        block.pop()
    return "\n".join(block)


# ----------------------------------------------------------------- index
@attrs.frozen
class _MemberDecl(Decl):
    kind_of: str = ""


def _declarations(module: n.Module, path: str) -> dict[str, list[Decl]]:
    decls: dict[str, list[Decl]] = {}
    for item in module.items:
        span = getattr(item, "span", None)
        if span is None:
            continue
        whole = Place.of(span, path)
        if type(item) in _CLAUSE_KINDS:
            citation: n.Citation = getattr(item, "citation")  # noqa: B009
            if citation.span is None:
                continue
            key = f"clause:{citation.label}"
            decl = Decl(
                _CLAUSE_KINDS[type(item)],
                key,
                citation.label,
                item,
                Place.of(citation.span, path),
                whole,
                _block_text(span),
            )
            decls.setdefault(key, []).append(decl)
        elif type(item) in _NAMED_KINDS:
            ident: n.Ident = getattr(item, "name")  # noqa: B009
            if ident.span is None:
                continue
            key = f"name:{ident.name}"
            kind = _NAMED_KINDS[type(item)]
            place = Place.of(ident.span, path)
            decl = Decl(kind, key, ident.name, item, place, whole, _block_text(span))
            decls.setdefault(key, []).append(decl)
            if isinstance(item, n.EnumDecl):
                for member in item.members:
                    if member.span is None:
                        continue
                    where = Place.of(member.span, path)
                    decls.setdefault(f"name:{member.name}", []).append(
                        _MemberDecl(
                            "member",
                            f"name:{member.name}",
                            member.name,
                            member,
                            where,
                            where,
                            member.name,
                            kind_of=ident.name,
                        )
                    )
        elif isinstance(item, n.AttributeDecl):
            _attribute(item, path, whole, decls)
    return decls


def _attribute(
    item: n.AttributeDecl, path: str, whole: Place, decls: dict[str, list[Decl]]
) -> None:
    """``atribut pegawai agama: enumerasi {...}``: the fact, its enumeration and its members."""
    owner = OWNERS.get(item.owner.name)
    if owner is None or item.name.span is None:
        return  # E160: the checker says why
    label = f"{owner}.{item.name.name}"
    place = Place.of(item.name.span, path)
    text = _block_text(item.span)
    decl = Decl("attribute", f"attr:{label}", label, item, place, whole, text)
    decls.setdefault(decl.key, []).append(decl)
    if item.type is not None:
        return
    # the enumeration is named after the attribute: 'himpunan X: agama = {ISLAM}'
    enum_key = f"name:{item.name.name}"
    decls.setdefault(enum_key, []).append(attrs.evolve(decl, key=enum_key))
    for member in item.members:
        if member.span is None:
            continue
        where = Place.of(member.span, path)
        key = f"name:{member.name}"
        decls.setdefault(key, []).append(
            _MemberDecl(
                "member", key, member.name, member, where, where, member.name,
                kind_of=item.name.name,
            )
        )  # fmt: skip


def _attribute_occurrences(analysis: Analysis) -> list[Occurrence]:
    """Where each declared attribute is read (``pegawai.agama``, ``pegawai.unit.sektor``)
    and declared: ``attr:`` occurrences beside the ``fact:`` ones."""
    found: list[Occurrence] = []
    for key, decls in analysis.decls.items():
        if key.startswith("attr:"):
            found.extend(Occurrence(key, d.place) for d in decls)
    for occurrence in analysis.occurrences:
        kind, _, dotted = occurrence.key.partition(":")
        prefix, _, last = dotted.rpartition(".")
        if kind != "fact" or not prefix:
            continue
        owner_type = fact_type(analysis.schema, prefix)
        if owner_type is None:
            continue
        owner = owner_type[0]
        if isinstance(owner, t.UnitType):
            key = f"attr:unit.{last}"
        elif isinstance(owner, t.RecordType) and owner.cls is analysis.schema.employee_cls:
            key = f"attr:pegawai.{last}"
        else:
            continue
        if key in analysis.decls:
            found.append(Occurrence(key, occurrence.place))
    return found


def _word_terminals() -> dict[str, str]:
    return {word: name for name, pair in keyword_pairs().items() for word in pair}


def _tokens(text: str) -> Iterator[tuple[int, int, int, str, str]]:
    """(line, column, end column, kind, text) of every token, comments and strings included."""
    for number, line in enumerate(text.split("\n")):
        at = 0
        while at < len(line):
            match = TOKEN.match(line, at)
            if match is None or match.end() == at:
                at += 1  # a character the language does not know: the parser reports it
                continue
            kind = match.lastgroup or ""
            if kind != "space":
                yield number, match.start(), match.end(), kind, match.group()
            at = match.end()


def _occurrences(text: str, path: str) -> list[Occurrence]:
    words = _word_terminals()
    tokens = [tok for tok in _tokens(text) if tok[3] not in ("comment", "string")]
    found: list[Occurrence] = []
    index = 0
    while index < len(tokens):
        line, column, end, kind, word = tokens[index]
        terminal = words.get(" ".join(word.split())) if kind == "keyword" else None
        if terminal in ("_BUTIR", "_ANGKA", "_PASAL") and index + 1 < len(tokens):
            label, used = _citation(tokens, index, terminal)
            last = tokens[index + used - 1]
            found.append(Occurrence(f"clause:{label}", Place(path, line, column, last[0], last[2])))
            index += used
            continue
        if kind == "name":
            previous = tokens[index - 1] if index else None
            if previous is None or previous[4] != ".":
                found.append(Occurrence(f"name:{word}", Place(path, line, column, line, end)))
            # a dotted fact: every prefix that ends here
            parts = [word]
            back = index
            while back >= 2 and tokens[back - 1][4] == "." and tokens[back - 2][3] == "name":
                parts.insert(0, tokens[back - 2][4])
                back -= 2
            if len(parts) > 1 or (index + 1 < len(tokens) and tokens[index + 1][4] == "."):
                found.append(
                    Occurrence(f"fact:{'.'.join(parts)}", Place(path, line, column, line, end))
                )
        index += 1
    return found


def _citation(
    tokens: list[tuple[int, int, int, str, str]], index: int, terminal: str
) -> tuple[str, int]:
    """The label of the citation that starts at ``tokens[index]`` and how many tokens it takes."""
    words = _word_terminals()
    texts = [tok[4] for tok in tokens[index : index + 7]]
    number = texts[1] if len(texts) > 1 else ""
    used = 2
    if terminal == "_BUTIR":
        label = f"butir {number}"
    elif terminal == "_ANGKA":
        label = f"angka {number}"
        if len(texts) > 3 and words.get(texts[2]) == "_HURUF":
            label += f" huruf {texts[3]}"
            used = 4
    else:
        label = f"pasal {number}"
        if len(texts) > 5 and words.get(texts[2]) == "_AYAT" and texts[3] == "(":
            label += f" ayat ({texts[4]})"
            used = 6
    if len(texts) > used + 2 and texts[used] == "[" and texts[used + 2] == "]":
        label += f"[{texts[used + 1]}]"
        used += 3
    return label, used


def analyse(text: str, path: str, units: dict[str, str] | None = None) -> Analysis:
    """Parse, resolve and check ``text`` (the file at ``path``), and index what it declares.

    ``units`` (code -> name, from a roster) names the unit codes in hovers and completion.
    """
    try:
        own = parse(text, path)
    except EdaranError as err:
        return Analysis(path, text, list(err.diagnostics), units=dict(units or {}))
    _program, diagnostics = check(own, path=path if Path(path).is_absolute() else None)
    merged, _problems = resolve(own, path if Path(path).is_absolute() else None)
    analysis = Analysis(path, text, list(diagnostics), merged, units=dict(units or {}))
    analysis.decls = _declarations(merged, path)
    analysis.schema, _problems_too = declare_attributes(merged, Schema())
    sources: dict[str, str] = {path: text}
    for item in merged.items:
        span = getattr(item, "span", None)
        if span is not None and span.source is not None:
            sources.setdefault(Place.of(span, path).path, span.source.text)
    analysis.sources = sources
    for name, source in sources.items():
        analysis.occurrences.extend(_occurrences(source, name))
    analysis.occurrences.extend(_attribute_occurrences(analysis))
    return analysis


def roster_units(folder: Path) -> dict[str, str]:
    """Unit code -> name from the roster at ``folder`` (employees are read and dropped at once).

    A roster that cannot be read gives no names: the editor has no place for its errors,
    and ``edaran check`` with the roster reports them.
    """
    from edaran.io.roster import read_roster

    try:
        roster, _diagnostics = read_roster(folder)
    except (EdaranError, OSError):
        return {}
    return {code: unit.nama for code, unit in roster.units.items()}
