"""The language server, tested through the protocol: a real ``edaran lsp`` over stdio."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

from edaran.authoring.fmt import format_text
from paths import DATA, EXAMPLES, REFERENCE, TEMPLATES

CHILD = EXAMPLES / "kab-lembah-hijau-2026" / "se-800.1-215-BKPSDM-2026.edaran"
PARENT = TEMPLATES / "nasional-2026.edaran"
#: the docs site the diagnostics link to (EDARAN_DOCS_URL)
DOCS_URL = "https://docs.example.org/edaran"


class Session:
    """One editor talking to one server process."""

    def __init__(self, *args: str, locale: str | None = None) -> None:
        self.loop = asyncio.new_event_loop()
        self.client = LanguageClient("edaran-tests", "1")
        self.published: dict[str, lsp.PublishDiagnosticsParams] = {}
        self.versions: dict[str, int] = {}

        @self.client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
            self.published[params.uri] = params

        env = {**os.environ, "EDARAN_DOCS_URL": DOCS_URL}
        env.pop("EDARAN_LANG", None)
        self.run(self.client.start_io(sys.executable, "-m", "edaran", "lsp", *args, env=env))
        self.capabilities = self.run(
            self.client.initialize_async(
                lsp.InitializeParams(capabilities=lsp.ClientCapabilities(), locale=locale)
            )
        ).capabilities
        self.client.initialized(lsp.InitializedParams())

    def run(self, job: Any) -> Any:
        return self.loop.run_until_complete(asyncio.wait_for(job, 60))

    def open(self, path: Path, text: str | None = None) -> list[lsp.Diagnostic]:
        uri = path.resolve().as_uri()
        self.versions[uri] = 1
        self.published.pop(uri, None)
        self.client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(
                text_document=lsp.TextDocumentItem(
                    uri=uri,
                    language_id="edaran",
                    version=1,
                    text=path.read_text(encoding="utf-8") if text is None else text,
                )
            )
        )
        return self.diagnostics(uri)

    def change(self, path: Path, text: str) -> list[lsp.Diagnostic]:
        uri = path.resolve().as_uri()
        self.versions[uri] += 1
        self.published.pop(uri, None)
        self.client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(
                    uri=uri, version=self.versions[uri]
                ),
                content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        return self.diagnostics(uri)

    def diagnostics(self, uri: str) -> list[lsp.Diagnostic]:
        async def wait() -> list[lsp.Diagnostic]:
            while uri not in self.published:
                await asyncio.sleep(0.01)
            return list(self.published[uri].diagnostics)

        result: list[lsp.Diagnostic] = self.run(wait())
        return result

    def close(self) -> None:
        self.run(self.client.shutdown_async(None))
        self.client.exit(None)
        self.run(self.client.stop())
        self.loop.close()


@pytest.fixture(scope="module")
def session() -> Iterator[Session]:
    opened = Session(locale="id-ID")
    yield opened
    opened.close()


def doc(path: Path) -> lsp.TextDocumentIdentifier:
    return lsp.TextDocumentIdentifier(uri=path.resolve().as_uri())


def position(path: Path, needle: str, line_containing: str | None = None) -> lsp.Position:
    """The position of ``needle`` (its first character) in the first line containing both."""
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n")):
        wanted = needle in line and (line_containing is None or line_containing in line)
        if wanted and not line.lstrip().startswith("#"):
            return lsp.Position(line=number, character=line.index(needle))
    raise AssertionError(f"{needle!r} not in {path}")


def line_of(path: Path, text: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n")):
        if line.startswith(text):
            return number
    raise AssertionError(f"no line starts with {text!r} in {path}")


# ------------------------------------------------------------- diagnostics
def test_the_server_says_what_it_can_do(session: Session) -> None:
    caps = session.capabilities
    assert caps.hover_provider and caps.definition_provider and caps.references_provider
    assert caps.document_symbol_provider and caps.document_formatting_provider
    assert caps.completion_provider is not None and caps.code_action_provider


def test_a_clean_file_has_no_diagnostics(session: Session) -> None:
    assert session.open(REFERENCE) == []


def test_diagnostics_as_you_type_in_indonesian_with_a_link_to_the_docs(
    session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "se.edaran"
    text = (DATA / "rules" / "E101-unknown-name.edaran").read_text(encoding="utf-8")
    (problem,) = session.open(path, text)
    assert problem.code == "E101"
    assert problem.message == "nama tidak dikenal 'Jumaat'"
    assert problem.severity == lsp.DiagnosticSeverity.Error
    assert problem.range == lsp.Range(
        start=lsp.Position(line=5, character=21), end=lsp.Position(line=5, character=27)
    )
    assert problem.code_description is not None
    assert problem.code_description.href == f"{DOCS_URL}/diagnostics/#e101"
    # typing the fix clears it; a syntax error shows up at once
    fixed = session.change(path, text.replace("Jumaat", "Jumat"))
    assert [d.code for d in fixed] == ["W306"]  # no default rule: a warning
    assert fixed[0].severity == lsp.DiagnosticSeverity.Warning
    (syntax,) = session.change(path, text.replace("Jumaat", "Jumat") + "butir x\n")
    assert syntax.code == "E001"


def test_diagnostics_in_english_for_an_english_editor(tmp_path: Path) -> None:
    english = Session(locale="en")
    try:
        text = (DATA / "rules" / "E101-unknown-name.edaran").read_text(encoding="utf-8")
        (problem,) = english.open(tmp_path / "se.edaran", text)
        assert problem.message == "unknown name 'Jumaat'"
    finally:
        english.close()


def test_lang_and_roster_on_the_command_line(tmp_path: Path) -> None:
    fixed = Session("--lang", "en", "--roster", str(REFERENCE.parent / "roster"), locale="id")
    try:
        text = (DATA / "rules" / "E101-unknown-name.edaran").read_text(encoding="utf-8")
        (problem,) = fixed.open(tmp_path / "se.edaran", text)
        assert problem.message == "unknown name 'Jumaat'"  # --lang wins over the editor's
        path = tmp_path / "bpbd.edaran"
        fixed.open(path, text.replace("Jumaat", "Jumat") + "    dan unit.kode adalah BPBD\n")
        shown = hover(fixed, path, lsp.Position(line=6, character=27))
        assert shown == "**unit BPBD: Badan Penanggulangan Bencana Daerah**"
    finally:
        fixed.close()


def test_a_quick_fix_from_did_you_mean(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "se.edaran"
    text = (DATA / "rules" / "E101-unknown-name.edaran").read_text(encoding="utf-8")
    (problem,) = session.open(path, text)
    actions = session.run(
        session.client.text_document_code_action_async(
            lsp.CodeActionParams(
                text_document=doc(path),
                range=problem.range,
                context=lsp.CodeActionContext(diagnostics=[problem]),
            )
        )
    )
    assert [a.title for a in actions] == ["Ganti dengan 'Jumat'"]
    (edit,) = actions[0].edit.changes[path.resolve().as_uri()]
    assert edit.new_text == "Jumat"
    assert edit.range == problem.range


# -------------------------------------------------------------------- hover
def hover(session: Session, path: Path, at: lsp.Position) -> str:
    result = session.run(
        session.client.text_document_hover_async(
            lsp.HoverParams(text_document=doc(path), position=at)
        )
    )
    assert result is not None
    value: str = result.contents.value
    return value


def test_hover_on_a_clause_shows_its_title_and_text(session: Session) -> None:
    session.open(REFERENCE)
    at = position(REFERENCE, "butir 2", line_containing="pengecualian atas butir 2")
    text = hover(session, REFERENCE, at)
    assert text.startswith(
        "**aturan butir 2** — Pola kerja WFH 1 (satu) hari kerja dalam 1 (satu) minggu"
    )
    assert "moda_kerja adalah WFH\n    jika hari adalah HARI_WFH" in text


def test_hover_on_a_parameter_shows_its_value_and_dated_values(
    session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "se.edaran"
    text = (
        'surat_edaran "1/2026":\n    berlaku 2026-04-01\n\n'
        "parameter HARI_WFH: hari = Jumat\n    mulai 2026-06-01: Kamis\n\n"
        'butir 1 "WFO", bawaan:\n    moda_kerja adalah WFO\n\n'
        'butir 2 "WFH", pengecualian atas butir 1:\n    moda_kerja adalah WFH\n'
        "    jika hari adalah HARI_WFH\n"
    )
    assert session.open(path, text) == []
    shown = hover(session, path, lsp.Position(line=11, character=23))
    assert shown == (
        "**parameter HARI_WFH**: hari\n\nnilai: `Jumat`\n\n- mulai 2026-06-01: `Kamis`"
    )


def test_hover_on_a_fact_shows_its_type(session: Session) -> None:
    session.open(REFERENCE)
    at = position(REFERENCE, "capaian_kinerja", line_containing="pegawai.capaian_kinerja <")
    assert hover(session, REFERENCE, at).startswith("fakta `pegawai.capaian_kinerja`: ")


def test_hover_on_a_unit_code_names_it_from_the_roster_beside_the_file(session: Session) -> None:
    session.open(REFERENCE)
    at = position(REFERENCE, "BAPENDA", line_containing="BAPENDA: 40%")
    assert hover(session, REFERENCE, at) == "**unit BAPENDA: Badan Pendapatan Daerah**"


def test_hover_on_a_table_and_on_a_parent_clause(session: Session) -> None:
    session.open(REFERENCE)
    at = position(REFERENCE, "PROPORSI_WFH", line_containing="PROPORSI_WFH[unit]")
    shown = hover(session, REFERENCE, at)
    assert shown.startswith("**tabel PROPORSI_WFH**: unit -> persen\n\nbawaan: `100%`")
    assert "- BAPENDA: `40%`" in shown
    session.open(CHILD)
    at = position(CHILD, "butir 2", line_containing="pengecualian atas butir 2")
    shown = hover(session, CHILD, at)
    assert shown.startswith("**aturan butir 2**")
    body, _, source = shown.rpartition("\n\n")
    assert body.endswith("    moda_kerja adalah WFH\n    jika hari adalah HARI_WFH\n```")
    assert source.startswith("_dari /") and source.endswith("/nasional-2026.edaran_")


# ------------------------------------------------------ definition, references
def locations(result: Any) -> list[tuple[str, int]]:
    return sorted(
        (Path(loc.uri.removeprefix("file://")).name, loc.range.start.line) for loc in result
    )


def test_go_to_definition_of_a_parameter_and_a_clause(session: Session) -> None:
    session.open(REFERENCE)
    at = position(REFERENCE, "HARI_WFH", line_containing="jika hari adalah HARI_WFH")
    found = session.run(
        session.client.text_document_definition_async(
            lsp.DefinitionParams(text_document=doc(REFERENCE), position=at)
        )
    )
    assert locations(found) == [(REFERENCE.name, line_of(REFERENCE, "parameter HARI_WFH"))]
    at = position(REFERENCE, "butir 11", line_containing="pengecualian atas butir 2, butir 11")
    found = session.run(
        session.client.text_document_definition_async(
            lsp.DefinitionParams(text_document=doc(REFERENCE), position=at)
        )
    )
    assert locations(found) == [(REFERENCE.name, line_of(REFERENCE, "butir 11 "))]


def test_go_to_definition_across_memperluas(session: Session) -> None:
    session.open(CHILD)
    at = position(CHILD, "butir 2", line_containing="pengecualian atas butir 2")
    found = session.run(
        session.client.text_document_definition_async(
            lsp.DefinitionParams(text_document=doc(CHILD), position=at)
        )
    )
    assert locations(found) == [(PARENT.name, line_of(PARENT, "butir 2 "))]


def test_find_references_of_a_parameter(session: Session) -> None:
    session.open(REFERENCE)
    at = position(REFERENCE, "HARI_WFH", line_containing="parameter HARI_WFH")
    found = session.run(
        session.client.text_document_references_async(
            lsp.ReferenceParams(
                text_document=doc(REFERENCE),
                position=at,
                context=lsp.ReferenceContext(include_declaration=True),
            )
        )
    )
    lines = REFERENCE.read_text(encoding="utf-8").split("\n")
    expected = [
        (REFERENCE.name, i)
        for i, line in enumerate(lines)
        for _ in range(line.split("#")[0].count("HARI_WFH"))
    ]
    assert locations(found) == expected
    assert len(expected) >= 4


# --------------------------------------------------------------- completion
def complete(session: Session, path: Path, text: str, at: lsp.Position) -> dict[str, Any]:
    session.change(path, text)
    result = session.run(
        session.client.text_document_completion_async(
            lsp.CompletionParams(text_document=doc(path), position=at)
        )
    )
    return {item.label: item for item in result.items}


def test_completion_of_keywords_names_members_units_and_fields(session: Session) -> None:
    path = REFERENCE.parent / "belum-disimpan.edaran"  # never written: the editor's text only
    base = REFERENCE.read_text(encoding="utf-8")
    session.open(path, base)
    items = complete(
        session, path, base + "\nb", lsp.Position(line=base.count("\n") + 1, character=1)
    )
    for word in ("butir", "clause", "pengecualian", "exception", "paling banyak", "at most"):
        assert items[word].kind == lsp.CompletionItemKind.Keyword, word
    assert items["HARI_WFH"].kind == lsp.CompletionItemKind.Constant
    assert items["PROPORSI_WFH"].kind == lsp.CompletionItemKind.Constant
    assert items["WFH"].kind == lsp.CompletionItemKind.EnumMember
    assert items["Jumat"].kind == lsp.CompletionItemKind.EnumMember
    assert items["JPT_PRATAMA"].kind == lsp.CompletionItemKind.EnumMember
    assert items["BPBD"].kind == lsp.CompletionItemKind.Value  # the roster beside the file
    assert items["BPBD"].detail == "Badan Penanggulangan Bencana Daerah"
    line = "    jika pegawai."
    items = complete(
        session,
        path,
        base + "\n" + line,
        lsp.Position(line=base.count("\n") + 1, character=len(line)),
    )
    assert {"jenjang", "capaian_kinerja", "unit"} <= set(items)
    assert all(item.kind == lsp.CompletionItemKind.Field for item in items.values())


# ------------------------------------------------------- symbols, formatting
def test_document_symbols_are_the_outline_of_the_file(session: Session) -> None:
    session.open(REFERENCE)
    found = session.run(
        session.client.text_document_document_symbol_async(
            lsp.DocumentSymbolParams(text_document=doc(REFERENCE))
        )
    )
    names = [s.name for s in found]
    assert names[:3] == ["surat_edaran 800.1/1230/BKD.I/2026", "HARI_WFH", "TARGET_KINERJA"]
    assert "butir 1.a" in names and "butir 6[pendukung]" in names
    rule = next(s for s in found if s.name == "butir 2")
    assert rule.kind == lsp.SymbolKind.Function
    assert rule.detail.startswith("Pola kerja WFH")
    assert rule.range.start.line == line_of(REFERENCE, "butir 2 ")


def test_formatting_returns_the_canonical_layout(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "se.edaran"
    messy = (
        'surat_edaran "1/2026":\n  berlaku 2026-04-01\n'
        'butir 1 "WFO",bawaan:\n  moda_kerja   adalah WFO\n'
    )
    session.open(path, messy)
    edits = session.run(
        session.client.text_document_formatting_async(
            lsp.DocumentFormattingParams(
                text_document=doc(path),
                options=lsp.FormattingOptions(tab_size=4, insert_spaces=True),
            )
        )
    )
    (edit,) = edits
    assert edit.new_text == format_text(messy)
    assert edit.range.start == lsp.Position(line=0, character=0)
    session.change(path, format_text(messy))
    again = session.run(
        session.client.text_document_formatting_async(
            lsp.DocumentFormattingParams(
                text_document=doc(path),
                options=lsp.FormattingOptions(tab_size=4, insert_spaces=True),
            )
        )
    )
    assert not again


# ------------------------------------- declared attributes, outputs, UTF-16
#: A file with declared attributes, an output of working hours and one of a time, and
#: lines where characters outside ASCII (an em dash, an emoji: two UTF-16 code units)
#: come before what the editor points at.
ATTRIBUTES = """\
surat_edaran "1/2026":
    tentang "Dinas Pariwisata — Bagian Umum"
    berlaku 2026-04-01

atribut pegawai agama: enumerasi {ISLAM, KRISTEN, KATOLIK}, wajib
atribut unit objek_vital: benar_salah, kolom "vital"
parameter MASUK: waktu = 07:30
keluaran jam_pulang: waktu
himpunan BERPUASA: agama = {ISLAM}

butir 1 "WFO", bawaan:
    moda_kerja adalah WFO

butir 2 "🕌 Puasa — WFH", pengecualian atas butir 1:  # 🕌 bulan puasa
    moda_kerja adalah WFH jika pegawai.agama termasuk BERPUASA dan tidak pegawai.unit.objek_vital

butir 3[jam], bawaan: jam_kerja adalah pukul MASUK sampai 16:00 istirahat 12:00 sampai 13:00
butir 4[pulang], bawaan: jam_pulang adalah 16:00

contoh "Staf muslim":
    pegawai.agama adalah ISLAM
    tanggal adalah 2026-04-06
    maka moda_kerja adalah WFH
"""


def utf16(line: str, needle: str) -> int:
    """The UTF-16 column of ``needle`` in ``line``, as an editor counts it."""
    return len(line[: line.index(needle)].encode("utf-16-le")) // 2


def at_text(text: str, needle: str, line_containing: str, utf_16: bool = True) -> lsp.Position:
    for number, line in enumerate(text.split("\n")):
        if needle in line and line_containing in line:
            column = utf16(line, needle) if utf_16 else line.index(needle)
            return lsp.Position(line=number, character=column)
    raise AssertionError(needle)


@pytest.fixture
def attributes(session: Session, tmp_path: Path) -> Path:
    path = tmp_path / "se.edaran"
    assert session.open(path, ATTRIBUTES) == []
    return path


def test_hover_on_a_declared_attribute_and_its_members(session: Session, attributes: Path) -> None:
    at = at_text(ATTRIBUTES, "agama", "termasuk BERPUASA")
    assert hover(session, attributes, at) == (
        "**atribut pegawai.agama**: enumerasi\n\n`{ISLAM, KRISTEN, KATOLIK}`"
        "\n\nkolom: `agama`\n\nwajib diisi"
    )
    at = at_text(ATTRIBUTES, "objek_vital", "tidak pegawai.unit")
    assert hover(session, attributes, at) == (
        "**atribut unit.objek_vital**: benar_salah\n\nkolom: `vital`"
    )
    at = at_text(ATTRIBUTES, "ISLAM", "adalah ISLAM")
    assert hover(session, attributes, at) == "**ISLAM**: anggota agama"
    # the enumeration named after the attribute, as the type of a set
    at = at_text(ATTRIBUTES, "agama", "himpunan BERPUASA")
    assert hover(session, attributes, at).startswith("**atribut pegawai.agama**: enumerasi")


def test_definition_and_references_of_a_declared_attribute(
    session: Session, attributes: Path
) -> None:
    at = at_text(ATTRIBUTES, "agama", "adalah ISLAM")
    found = session.run(
        session.client.text_document_definition_async(
            lsp.DefinitionParams(text_document=doc(attributes), position=at)
        )
    )
    assert [(loc.range.start.line, loc.range.start.character) for loc in found] == [(4, 16)]
    found = session.run(
        session.client.text_document_references_async(
            lsp.ReferenceParams(
                text_document=doc(attributes),
                position=at,
                context=lsp.ReferenceContext(include_declaration=True),
            )
        )
    )
    assert sorted((loc.range.start.line, loc.range.start.character) for loc in found) == [
        (4, 16),
        (14, 39),
        (20, 12),
    ]
    # a member of the attribute's enumeration: declared in the atribut line
    at = at_text(ATTRIBUTES, "ISLAM", "adalah ISLAM")
    found = session.run(
        session.client.text_document_definition_async(
            lsp.DefinitionParams(text_document=doc(attributes), position=at)
        )
    )
    assert [(loc.range.start.line, loc.range.start.character) for loc in found] == [(4, 34)]


def test_completion_offers_declared_attributes_and_their_members(
    session: Session, attributes: Path
) -> None:
    for line, field in (("    jika pegawai.", "agama"), ("    jika pegawai.unit.", "objek_vital")):
        text = ATTRIBUTES + line
        items = complete(
            session, attributes, text, lsp.Position(line=text.count("\n"), character=len(line))
        )
        assert items[field].kind == lsp.CompletionItemKind.Field
    assert items["objek_vital"].detail == "benar_salah"
    text = ATTRIBUTES + "    jika pegawai.agama adalah K"
    items = complete(session, attributes, text, lsp.Position(line=text.count("\n"), character=31))
    assert items["KRISTEN"].kind == lsp.CompletionItemKind.EnumMember
    assert items["KRISTEN"].detail == "agama"


def test_hover_on_outputs_shows_their_type_and_the_hours_each_rule_sets(
    session: Session, attributes: Path
) -> None:
    at = at_text(ATTRIBUTES, "jam_kerja", "pukul")
    assert hover(session, attributes, at) == (
        "**keluaran jam_kerja**: jam_kerja\n\nditetapkan oleh:\n\n"
        "- butir 3[jam]: `pukul MASUK sampai 16:00 istirahat 12:00 sampai 13:00`"
    )
    at = at_text(ATTRIBUTES, "jam_pulang", "keluaran")
    assert hover(session, attributes, at) == (
        "**keluaran jam_pulang**: waktu\n\nditetapkan oleh:\n\n- butir 4[pulang]: `16:00`"
    )


def test_positions_are_utf16_code_units_after_an_emoji(session: Session, attributes: Path) -> None:
    line = ATTRIBUTES.split("\n")[13]
    assert line.startswith('butir 2 "🕌')
    # "butir 1" comes after an emoji (2 UTF-16 units, 1 character) and an em dash (1 and 1)
    assert utf16(line, "butir 1") == line.index("butir 1") + 1
    at = at_text(ATTRIBUTES, "butir 1", "🕌 Puasa")
    result = session.run(
        session.client.text_document_hover_async(
            lsp.HoverParams(text_document=doc(attributes), position=at)
        )
    )
    assert result.contents.value.startswith("**aturan butir 1** — WFO")
    assert result.range == lsp.Range(
        start=lsp.Position(line=13, character=utf16(line, "butir 1")),
        end=lsp.Position(line=13, character=utf16(line, "butir 1") + 7),
    )
    # the last character of the citation, in UTF-16 units, still points at it
    last = lsp.Position(line=13, character=utf16(line, "butir 1") + 6)
    found = session.run(
        session.client.text_document_definition_async(
            lsp.DefinitionParams(text_document=doc(attributes), position=last)
        )
    )
    assert [loc.range.start.line for loc in found] == [10]
    # a diagnostic after the emoji: its range in UTF-16 units too
    broken = (
        ATTRIBUTES.replace("termasuk BERPUASA", "termasuk BERPUASAH")
        .replace("# 🕌 bulan puasa", "")
        .replace(
            '"🕌 Puasa — WFH", pengecualian atas butir 1:  \n    moda_kerja adalah WFH jika',
            '"🕌 Puasa — WFH", pengecualian atas butir 1: moda_kerja adalah WFH jika',
        )
    )
    (problem,) = session.change(attributes, broken)
    line = broken.split("\n")[13]
    assert problem.code == "E101"
    assert problem.range == lsp.Range(
        start=lsp.Position(line=13, character=utf16(line, "BERPUASAH")),
        end=lsp.Position(line=13, character=utf16(line, "BERPUASAH") + 9),
    )
    assert utf16(line, "BERPUASAH") == line.index("BERPUASAH") + 1
    # the quick fix replaces exactly that word, in the same units
    actions = session.run(
        session.client.text_document_code_action_async(
            lsp.CodeActionParams(
                text_document=doc(attributes),
                range=problem.range,
                context=lsp.CodeActionContext(diagnostics=[problem]),
            )
        )
    )
    (edit,) = actions[0].edit.changes[attributes.resolve().as_uri()]
    assert (edit.new_text, edit.range) == ("BERPUASA", problem.range)
