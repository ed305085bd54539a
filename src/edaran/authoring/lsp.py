"""``edaran lsp``: the language server of rule files, over stdio (pygls, the ``lsp`` extra).

What it answers, all from :func:`edaran.authoring.analysis.analyse` on the
text as it stands in the editor (parents read from disk):

* diagnostics as you type, in the user's language (``--lang``, else the
  editor's locale: ``id`` unless it is English), each code linked to its
  entry in the diagnostics catalogue;
* hover: a clause citation shows its rule (title and text), a parameter its
  value and dated values, a set, table or enumeration its members, a fact
  (``pegawai.jenjang``) its type, a unit code its name from the roster
  (``--roster``, the editor's ``roster`` option, else a ``roster/`` folder
  beside the file), a declared attribute (``pegawai.agama``) its type, members
  and column, an output (``jam_kerja``, a ``keluaran``) its type and the value
  each rule sets;
* go to definition and find references of clauses, parameters, sets, tables,
  enumerations and their members, outputs, modes, declared attributes and
  their members, across the circulars that ``memperluas``/``mengubah`` names;
* completion: keywords in both languages, declared names, enumeration
  members, roots and the fields after ``pegawai.``;
* quick fixes from the diagnostics' "did you mean";
* document symbols (the outline of the butir) and whole-document formatting
  (:func:`edaran.authoring.fmt.format_text`).

Positions go both ways in the units the client and server agreed on at
``initialize`` (UTF-16 code units unless the client offers another, as the
protocol requires): a line with "—" or an emoji before the cursor counts
them as the editor does.  The analysis counts characters; the conversion is
here, with the lines of the file each range points into.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.workspace import PositionCodec

from edaran.authoring.analysis import Analysis, Place, analyse, roster_units
from edaran.authoring.fmt import format_text
from edaran.core.diagnostics import Diagnostic, EdaranError, Severity
from edaran.core.version import VERSION
from edaran.lang import nodes as n
from edaran.messages import Lang, message

__all__ = ["EdaranServer", "docs_link", "make_server", "run"]

#: Where the diagnostics catalogue lives: ``EDARAN_DOCS_URL`` (the docs site), else the
#: page in the checkout when there is one.
DOCS_ENV = "EDARAN_DOCS_URL"


def docs_link(code: str) -> str | None:
    """The address of a code's entry in the diagnostics catalogue, if one is known."""
    base = os.environ.get(DOCS_ENV)
    if base:
        return f"{base.rstrip('/')}/diagnostics/#{code.lower()}"
    page = Path(__file__).resolve().parents[3] / "docs" / "diagnostics.md"
    return f"{page.as_uri()}#{code.lower()}" if page.is_file() else None


class EdaranServer(LanguageServer):
    """The server: the last analysis of every open document, and the message language."""

    def __init__(self, lang: Lang | None, roster: Path | None = None) -> None:
        super().__init__("edaran", VERSION)
        self.fixed_lang = lang
        self.lang: Lang = lang or "id"
        self.analyses: dict[str, Analysis] = {}
        #: the roster named by --roster or the editor's "roster" option
        self.roster = roster
        self._units: dict[tuple[Path, float], dict[str, str]] = {}

    def units_for(self, path: str) -> dict[str, str]:
        """The unit names of the roster: the one configured, else a ``roster/`` beside the file."""
        folder = self.roster
        if folder is None:
            beside = Path(path).parent / "roster"
            folder = beside if (beside / "unit.csv").is_file() else None
        if folder is None:
            return {}
        try:
            stamp = max(p.stat().st_mtime for p in [folder, *folder.glob("*.csv")])
        except (OSError, ValueError):
            return {}
        key = (folder.resolve(), stamp)
        if key not in self._units:
            self._units = {key: roster_units(folder)}
        return self._units[key]


def uri_path(uri: str) -> str:
    """A document's path: the file of a ``file:`` address, else the address itself."""
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return str(Path(unquote(parsed.path)))
    return uri


def path_uri(path: str) -> str:
    if "://" in path or path.startswith("untitled:"):
        return path
    return Path(path).resolve().as_uri()


class Units:
    """Positions between the analysis (characters) and the client (its agreed units)."""

    def __init__(self, codec: PositionCodec, analysis: Analysis | None, text: str) -> None:
        self.codec = codec
        self.analysis = analysis
        self.text = text

    def lines(self, path: str) -> list[str]:
        """The lines of the file ``path`` (the open document's text for its own path)."""
        text = self.analysis.sources.get(path) if self.analysis is not None else None
        if text is None and self.analysis is not None and path == self.analysis.path:
            text = self.analysis.text
        if text is None:
            try:
                text = Path(path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                text = self.text
        return text.split("\n")

    def range(self, place: Place) -> lsp.Range:
        inside = lsp.Range(
            start=lsp.Position(line=place.line, character=place.column),
            end=lsp.Position(line=place.end_line, character=place.end_column),
        )
        return self.codec.range_to_client_units(self.lines(place.path), inside)

    def location(self, place: Place) -> lsp.Location:
        return lsp.Location(uri=path_uri(place.path), range=self.range(place))

    def at(self, position: lsp.Position) -> tuple[int, int]:
        """The (line, character) of a client's position in the open document."""
        lines = self.text.split("\n")
        copy = lsp.Position(line=position.line, character=position.character)
        found = self.codec.position_from_client_units(lines, copy)
        return found.line, found.character

    def to_client(self, line: int, character: int) -> lsp.Position:
        lines = self.text.split("\n")
        position = lsp.Position(line=line, character=character)
        return self.codec.position_to_client_units(lines, position)


def _units(ls: EdaranServer, uri: str) -> Units:
    document = ls.workspace.get_text_document(uri)
    return Units(ls.workspace.position_codec, ls.analyses.get(uri), document.source)


def _diagnostic(d: Diagnostic, path: str, lang: Lang, units: Units) -> lsp.Diagnostic:
    text = d.message(lang)
    if d.span is not None and (d.span.source is None or d.span.source.name == path):
        place = Place.of(d.span, path)
    else:
        # a problem in a parent file: at the top of this one, naming where it is
        if d.span is not None:
            text = f"{d.span.path}:{d.span.line}:{d.span.column}: {text}"
        place = Place(path, 0, 0, 0, 0)
    link = docs_link(d.code)
    return lsp.Diagnostic(
        range=units.range(place),
        message=text,
        severity=lsp.DiagnosticSeverity.Error
        if d.is_error
        else lsp.DiagnosticSeverity.Warning
        if d.severity is Severity.WARNING
        else lsp.DiagnosticSeverity.Information,
        code=d.code,
        code_description=lsp.CodeDescription(href=link) if link else None,
        source="edaran",
        data={"suggestions": list(d.suggestions)} if d.suggestions else None,
    )


def make_server(lang: Lang | None = None, roster: Path | None = None) -> EdaranServer:
    """The language server with every feature registered (``lang`` None: the editor's)."""
    server = EdaranServer(lang, roster)

    def refresh(ls: EdaranServer, uri: str) -> None:
        document = ls.workspace.get_text_document(uri)
        path = uri_path(uri)
        analysis = analyse(document.source, path, ls.units_for(path))
        previous = ls.analyses.get(uri)
        if analysis.module is None and previous is not None and previous.module is not None:
            # keep navigating on the last text that parsed while this one has a syntax error
            previous.diagnostics = analysis.diagnostics
            analysis = previous
        ls.analyses[uri] = analysis
        # a diagnostic's place is in the text as typed, even while navigation keeps the last
        # text that parsed
        units = Units(ls.workspace.position_codec, None, document.source)
        ls.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(
                uri=uri,
                version=document.version,
                diagnostics=[_diagnostic(d, path, ls.lang, units) for d in analysis.diagnostics],
            )
        )

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: EdaranServer, params: lsp.InitializeParams) -> None:
        if ls.fixed_lang is None:
            locale = (params.locale or "id").lower()
            ls.lang = "en" if locale.startswith("en") else "id"
        options = params.initialization_options
        if ls.roster is None and isinstance(options, dict) and options.get("roster"):
            ls.roster = Path(str(options["roster"]))

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: EdaranServer, params: lsp.DidOpenTextDocumentParams) -> None:
        refresh(ls, params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: EdaranServer, params: lsp.DidChangeTextDocumentParams) -> None:
        refresh(ls, params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: EdaranServer, params: lsp.DidSaveTextDocumentParams) -> None:
        refresh(ls, params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: EdaranServer, params: lsp.DidCloseTextDocumentParams) -> None:
        ls.analyses.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        )

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: EdaranServer, params: lsp.HoverParams) -> lsp.Hover | None:
        analysis = ls.analyses.get(params.text_document.uri)
        if analysis is None:
            return None
        units = _units(ls, params.text_document.uri)
        found = analysis.hover(*units.at(params.position), ls.lang)
        if found is None:
            return None
        text, place = found
        return lsp.Hover(
            contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text),
            range=units.range(place),
        )

    @server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: EdaranServer, params: lsp.DefinitionParams) -> list[lsp.Location] | None:
        analysis = ls.analyses.get(params.text_document.uri)
        if analysis is None:
            return None
        units = _units(ls, params.text_document.uri)
        found = analysis.occurrence_at(*units.at(params.position))
        if found is None:
            return None
        return [units.location(d.place) for d in analysis.definitions(found.key)] or None

    @server.feature(lsp.TEXT_DOCUMENT_REFERENCES)
    def references(ls: EdaranServer, params: lsp.ReferenceParams) -> list[lsp.Location] | None:
        analysis = ls.analyses.get(params.text_document.uri)
        if analysis is None:
            return None
        units = _units(ls, params.text_document.uri)
        found = analysis.occurrence_at(*units.at(params.position))
        if found is None or not found.key.startswith(("name:", "clause:", "attr:")):
            return None
        places = analysis.references(found.key)
        if not params.context.include_declaration:
            declared = {d.place for d in analysis.definitions(found.key)}
            places = [p for p in places if p not in declared]
        return [units.location(p) for p in places]

    @server.feature(lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(trigger_characters=["."]))
    def completion(ls: EdaranServer, params: lsp.CompletionParams) -> lsp.CompletionList:
        analysis = ls.analyses.get(params.text_document.uri)
        document = ls.workspace.get_text_document(params.text_document.uri)
        if analysis is None or analysis.text != document.source:
            # completion runs on the text as typed, even before it parses again
            fresh = Analysis(analysis.path if analysis else "", document.source, [])
            if analysis is not None:
                fresh.decls, fresh.schema = analysis.decls, analysis.schema
                fresh.units = analysis.units
            analysis = fresh
        kinds = {
            "keyword": lsp.CompletionItemKind.Keyword,
            "name": lsp.CompletionItemKind.Constant,
            "member": lsp.CompletionItemKind.EnumMember,
            "field": lsp.CompletionItemKind.Field,
            "unit": lsp.CompletionItemKind.Value,
        }
        units = Units(ls.workspace.position_codec, analysis, document.source)
        items = [
            lsp.CompletionItem(label=word, kind=kinds[kind], detail=detail or None)
            for word, kind, detail in analysis.completions(*units.at(params.position))
        ]
        return lsp.CompletionList(is_incomplete=False, items=items)

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]),
    )
    def code_action(ls: EdaranServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        units = _units(ls, params.text_document.uri)
        lines = units.text.split("\n")
        actions: list[lsp.CodeAction] = []
        for diagnostic in params.context.diagnostics:
            data = diagnostic.data if isinstance(diagnostic.data, dict) else {}
            for word in data.get("suggestions", []):
                edit = _replacement(lines, diagnostic.range, str(word), units)
                if edit is None:
                    continue
                actions.append(
                    lsp.CodeAction(
                        title=message("lsp.quick-fix", ls.lang, word=word),
                        kind=lsp.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic],
                        is_preferred=len(data["suggestions"]) == 1,
                        edit=lsp.WorkspaceEdit(changes={params.text_document.uri: [edit]}),
                    )
                )
        return actions

    @server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def symbols(ls: EdaranServer, params: lsp.DocumentSymbolParams) -> list[lsp.DocumentSymbol]:
        analysis = ls.analyses.get(params.text_document.uri)
        if analysis is None:
            return []
        return list(_symbols(analysis, ls.lang, _units(ls, params.text_document.uri)))

    @server.feature(lsp.TEXT_DOCUMENT_FORMATTING)
    def formatting(ls: EdaranServer, params: lsp.DocumentFormattingParams) -> list[lsp.TextEdit]:
        document = ls.workspace.get_text_document(params.text_document.uri)
        try:
            formatted = format_text(document.source, uri_path(params.text_document.uri))
        except EdaranError:
            return []  # the diagnostics already say why
        if formatted == document.source:
            return []
        lines = document.source.split("\n")
        units = _units(ls, params.text_document.uri)
        end = units.to_client(len(lines) - 1, len(lines[-1]))
        whole = lsp.Range(start=lsp.Position(line=0, character=0), end=end)
        return [lsp.TextEdit(range=whole, new_text=formatted)]

    return server


def _replacement(
    lines: list[str], where: lsp.Range, word: str, units: Units
) -> lsp.TextEdit | None:
    """Replace the word in ``where`` most like ``word`` (a dotted name: one of its parts)."""
    if where.start.line != where.end.line or where.start.line >= len(lines):
        return None
    line = lines[where.start.line]
    _, start = units.at(where.start)
    _, end = units.at(where.end)
    best: tuple[float, int, int] | None = None
    for match in re.finditer(r"[^\W\d]\w*", line[start:end]):
        score = difflib.SequenceMatcher(None, match.group(), word).ratio()
        if best is None or score > best[0]:
            best = (score, start + match.start(), start + match.end())
    if best is None:
        return None
    _, first, last = best
    return lsp.TextEdit(
        range=lsp.Range(
            start=units.to_client(where.start.line, first),
            end=units.to_client(where.start.line, last),
        ),
        new_text=word,
    )


_SYMBOL_KINDS = {
    n.Rule: lsp.SymbolKind.Function,
    n.LimitDecl: lsp.SymbolKind.Interface,
    n.DutyDecl: lsp.SymbolKind.Interface,
    n.BreachDecl: lsp.SymbolKind.Event,
    n.SanctionDecl: lsp.SymbolKind.Event,
    n.QuotaDecl: lsp.SymbolKind.Interface,
    n.TargetDecl: lsp.SymbolKind.Interface,
    n.ReportDecl: lsp.SymbolKind.Interface,
    n.ParamDecl: lsp.SymbolKind.Constant,
    n.SetDecl: lsp.SymbolKind.Array,
    n.TableDecl: lsp.SymbolKind.Struct,
    n.EnumDecl: lsp.SymbolKind.Enum,
    n.OutputDecl: lsp.SymbolKind.Variable,
    n.ModeDecl: lsp.SymbolKind.EnumMember,
    n.Example: lsp.SymbolKind.Method,
    n.Header: lsp.SymbolKind.Namespace,
}


def _symbols(analysis: Analysis, lang: Lang, units: Units) -> list[lsp.DocumentSymbol]:
    found: list[lsp.DocumentSymbol] = []
    for item in analysis.own_items():
        kind = _SYMBOL_KINDS.get(type(item))
        span = getattr(item, "span", None)
        if kind is None or span is None:
            continue
        whole = units.range(Place.of(span, analysis.path))
        citation = getattr(item, "citation", None)
        name_node = getattr(item, "name", None)
        detail = getattr(item, "title", None)
        if isinstance(item, n.Header):
            name = f"surat_edaran {item.number}"
            select = whole
        elif isinstance(item, n.Example):
            name, select = item.title, whole
        elif citation is not None and citation.span is not None:
            name, select = citation.label, units.range(Place.of(citation.span, analysis.path))
        elif name_node is not None and name_node.span is not None:
            name, select = name_node.name, units.range(Place.of(name_node.span, analysis.path))
        else:
            continue
        if select.start.line == whole.start.line:
            select = lsp.Range(start=select.start, end=select.end)
        found.append(
            lsp.DocumentSymbol(
                name=name, kind=kind, range=whole, selection_range=select, detail=detail
            )
        )
    return found


def run(lang: Lang | None = None, roster: Path | None = None) -> None:
    """Serve one editor over stdin and stdout until it says exit."""
    make_server(lang, roster).start_io()
