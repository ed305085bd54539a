#!/usr/bin/env python3
"""Keep ``docs/diagnostics.md`` in step with the message catalogue and the code.

The page is written by hand: what causes each diagnostic, a file that
triggers it, how to fix it.  The parts that must never drift are generated
here, between marker comments:

* ``<!-- generated: index -->`` : a table of every code and its English message;
* ``<!-- generated: messages CODE -->`` : the Indonesian and English templates of
  ``CODE``, read from :data:`edaran.messages.CATALOGUE`;
* ``<!-- generated: output -->`` : right after an ``edaran``, ``edaran-error`` or
  ``csv-error`` block, what ``edaran`` reports for that block, rendered by
  :func:`edaran.render_all` exactly as the command line prints it.  A
  ``csv-error`` block is a roster file (``pegawai.csv``, ``unit.csv``, a flat
  file) or a leave, transfer or recall file of ``edaran schedule``
  (``cuti.csv``, ``mutasi.csv``, ``panggilan.csv``).

Codes that need a roster and a schedule run (E121, W401) are shown by
``console`` blocks instead, which ``tests/test_docs.py`` runs and compares.

A catalogue code without a section gets a stub at the end of the page, so a
new code cannot be forgotten.  Every region ends with ``<!-- end generated -->``.

Usage (from the top of the checkout)::

    python tools/gen_diagnostics_doc.py          # rewrite docs/diagnostics.md
    python tools/gen_diagnostics_doc.py --check  # exit 1 if it is out of date

``tests/test_docs.py`` imports this module: its fence reader and block runner
are the ones the documentation tests use.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import attrs

import edaran
from edaran import messages
from edaran.testing.runner import run_examples

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "diagnostics.md"
#: The name a rule-file block is checked under, as the rendered output shows it.
BLOCK_NAME = "contoh.edaran"
#: The roster a ``csv-error`` block is dropped into: one valid unit and employee.
DEFAULT_DATA = {
    "unit.csv": (
        "kode,nama,jenis,layanan_publik,induk\n"
        "BAPPEDA,Badan Perencanaan Pembangunan Daerah,Badan,tidak,\n"
    ),
    "pegawai.csv": ("nip,nama,unit,jenjang\n196812031991031001,Rahmat Irawan,BAPPEDA,Pelaksana\n"),
}
_CODE = re.compile(r"^[EWD]\d{3}$")
_REGION = re.compile(r"<!-- generated: (?P<what>[^>]*?) -->\n.*?<!-- end generated -->", re.DOTALL)
_FENCE = re.compile(r"^(?P<ticks>```+)(?P<info>[^`\n]*)$")


# ------------------------------------------------------------------ fences
@attrs.frozen
class Fence:
    """A fenced block of a Markdown file: its info string, body and place."""

    lang: str
    attrs: tuple[str, ...]
    body: str
    line: int  # 1-based line of the opening fence
    start: int  # offset of the opening fence
    end: int  # offset just after the closing fence

    @property
    def codes(self) -> tuple[str, ...]:
        """Diagnostic codes named in the info string (``edaran-error E302``)."""
        return tuple(a for a in self.attrs if _CODE.match(a))

    @property
    def continues(self) -> bool:
        """True for a piece that continues the file before it (``lanjutan``)."""
        return "lanjutan" in self.attrs or "continued" in self.attrs

    @property
    def data_file(self) -> str | None:
        """The data file a ``csv`` block stands for (``pegawai.csv``)."""
        return next((a for a in self.attrs if a.endswith(".csv")), None)


def fences(text: str) -> Iterator[Fence]:
    """Every fenced block of ``text``, in order.  Fences start at the margin."""
    lines = text.splitlines(keepends=True)
    offset = 0
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i].rstrip("\n"))
        if match is None:
            offset += len(lines[i])
            i += 1
            continue
        ticks, info = match["ticks"], match["info"].split()
        start, first_line = offset, i + 1
        body: list[str] = []
        offset += len(lines[i])
        i += 1
        while i < len(lines) and lines[i].rstrip("\n").rstrip() != ticks:
            body.append(lines[i])
            offset += len(lines[i])
            i += 1
        if i < len(lines):  # the closing fence
            offset += len(lines[i])
            i += 1
        lang = info[0] if info else ""
        yield Fence(lang, tuple(info[1:]), "".join(body), first_line, start, offset)


# --------------------------------------------------------------- running
class RuleFiles:
    """The rule file a reader has at each point of a page.

    An ``edaran`` block is a whole file; ``edaran lanjutan`` adds to the last
    good file; an ``edaran-error`` block (alone, or added with ``lanjutan``)
    is what the reader has until the next block, but later pieces continue
    the last good file.
    """

    def __init__(self) -> None:
        self.good = ""
        self.current = ""

    def text_of(self, fence: Fence) -> str:
        """The whole file a rule-file block stands for."""
        if fence.continues:
            return self.good.rstrip("\n") + "\n\n" + fence.body
        return fence.body

    def advance(self, fence: Fence) -> str:
        """Record ``fence`` and return the whole file it stands for."""
        text = self.text_of(fence)
        if fence.lang == "edaran":
            self.good = text
        self.current = text
        return text


def rule_diagnostics(text: str, name: str = BLOCK_NAME) -> list[edaran.Diagnostic]:
    """What ``edaran check`` and then ``edaran test`` report for a rule file.

    The check's diagnostics (errors and warnings); when the file checks, the
    run-time errors its ``contoh`` raise (E501, E502, E503).
    """
    try:
        circular = edaran.Circular.from_text(text, name)
    except edaran.EdaranError as err:
        return list(err.diagnostics)
    found = list(circular.warnings)
    found += [result.error for result in run_examples(circular) if result.error is not None]
    return found


@contextlib.contextmanager
def _inside(directory: Path) -> Iterator[None]:
    here = Path.cwd()
    os.chdir(directory)
    try:
        yield
    finally:
        os.chdir(here)


def data_diagnostics(files: dict[str, str]) -> list[edaran.Diagnostic]:
    """What reading a roster (or a leave or transfer file) reports for ``files``.

    ``unit.csv`` and ``pegawai.csv`` make a ``roster/`` directory (the other one
    keeps its valid default).  ``cuti.csv``, ``mutasi.csv`` and ``panggilan.csv``
    are read as the leave, transfer and recall files of ``edaran schedule``
    (``--absences``, ``--transfers``, ``--recalls``) against that roster.  Any
    other name is read as a flat roster file.  Paths in the diagnostics are relative
    (``roster/pegawai.csv``), so the output is the same on every machine.
    """
    from zoneinfo import ZoneInfo

    from edaran.io.contacts import read_contacts
    from edaran.io.presence import read_absences, read_plan, read_recalls, read_transfers

    def contacts(name: str, roster: edaran.Roster) -> tuple[object, list[edaran.Diagnostic]]:
        return read_contacts(name, roster=roster, tz=ZoneInfo("Asia/Jakarta"))

    presence = {
        "cuti.csv": read_absences,
        "mutasi.csv": read_transfers,
        "panggilan.csv": read_recalls,
        "rencana.csv": read_plan,
        "kontak.csv": contacts,
        "kontak.jsonl": contacts,
    }
    with tempfile.TemporaryDirectory() as tmp, _inside(Path(tmp)):
        flat = [name for name in files if name not in DEFAULT_DATA and name not in presence]
        if flat:
            Path(flat[0]).write_text(files[flat[0]], encoding="utf-8")
            _, found = edaran.read_roster(flat[0])
            return found
        Path("roster").mkdir()
        for name, default in DEFAULT_DATA.items():
            Path("roster", name).write_text(files.get(name, default), encoding="utf-8")
        roster, found = edaran.read_roster("roster")
        for name, reader in presence.items():
            if name in files:
                Path(name).write_text(files[name], encoding="utf-8")
                found += reader(name, roster)[1]
        return found


def block_outputs(text: str) -> Iterator[tuple[Fence, list[edaran.Diagnostic]]]:
    """Each rule-file or data block of a page with the diagnostics it gives.

    A plain ``csv FILE`` block sets up a data file for the next ``csv-error``
    block, which replaces (or adds) its own file.
    """
    files = RuleFiles()
    pending: dict[str, str] = {}
    for fence in fences(text):
        if fence.lang in ("edaran", "edaran-error"):
            yield fence, rule_diagnostics(files.advance(fence))
        elif fence.lang == "csv" and fence.data_file:
            pending[fence.data_file] = fence.body
        elif fence.lang == "csv-error" and fence.data_file:
            yield fence, data_diagnostics({**pending, fence.data_file: fence.body})
            pending = {}


# -------------------------------------------------------------- rendering
def catalogue_codes() -> list[str]:
    """Every diagnostic code in the catalogue: rule-file codes (E, W) by number, then D."""
    codes = [key for key in messages.catalogue_keys() if _CODE.match(key)]
    return sorted(codes, key=lambda code: (code[0] == "D", int(code[1:])))


def templates(code: str) -> tuple[str, str]:
    """The (Indonesian, English) message templates of ``code``."""
    return messages.CATALOGUE[code]


def _cell(template: str) -> str:
    return "`" + template.replace("|", "\\|") + "`"


def _messages_table(code: str) -> str:
    indonesian, english = templates(code)
    return (
        "| language | message template |\n|---|---|\n"
        f"| Bahasa Indonesia | {_cell(indonesian)} |\n| English | {_cell(english)} |\n"
    )


def _index_table() -> str:
    rows = ["| code | English message |", "|---|---|"]
    for code in catalogue_codes():
        rows.append(f"| [{code}](#{code.lower()}) | {_cell(templates(code)[1])} |")
    return "\n".join(rows) + "\n"


def _output(diagnostics: list[edaran.Diagnostic]) -> str:
    shown = edaran.render_all(diagnostics, "id") if diagnostics else "(tidak ada)"
    return "```text\n" + shown + "\n```\n"


def _region(what: str, body: str) -> str:
    return f"<!-- generated: {what} -->\n{body}<!-- end generated -->"


def update(text: str) -> str:
    """``text`` with every generated region rewritten and stubs for missing codes."""
    outputs: dict[int, str] = {}
    for fence, diagnostics in block_outputs(text):
        outputs[fence.end] = _output(diagnostics)
    ends = sorted(outputs)

    def replace(match: re.Match[str]) -> str:
        what = match["what"].strip()
        if what == "index":
            return _region(what, _index_table())
        if what.startswith("messages "):
            return _region(what, _messages_table(what.split()[1]))
        if what == "output":
            before = [end for end in ends if end <= match.start()]
            if not before:
                raise ValueError(f"an output region at offset {match.start()} follows no block")
            return _region(what, outputs[before[-1]])
        raise ValueError(f"unknown generated region {what!r}")

    updated = _REGION.sub(replace, text)
    documented = set(re.findall(r"<!-- generated: messages ([EWD]\d{3}) -->", updated))
    missing = [code for code in catalogue_codes() if code not in documented]
    for code in missing:
        updated = updated.rstrip("\n") + "\n\n" + _stub(code)
    return updated


def _stub(code: str) -> str:
    return (
        f"## {code}\n\n{_region(f'messages {code}', _messages_table(code))}\n\n"
        "To be written: what causes it, a file that triggers it, how to fix it.\n"
    )


def main(argv: list[str] | None = None) -> int:
    """Rewrite the page, or with ``--check`` say whether it is up to date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the page is out of date")
    parser.add_argument("path", nargs="?", type=Path, default=DOC)
    args = parser.parse_args(argv)
    text = args.path.read_text(encoding="utf-8")
    updated = update(text)
    if args.check:
        if updated != text:
            print(f"{args.path} is out of date: run python tools/gen_diagnostics_doc.py")
            return 1
        return 0
    if updated != text:
        args.path.write_text(updated, encoding="utf-8")
        print(f"{args.path} updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
