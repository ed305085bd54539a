"""argparse in the user's language, and the output format read from ``--output``.

argparse words its usage errors and help through gettext, with no catalogue
for Indonesian.  :func:`in_language` swaps the module's two gettext functions
for the table :data:`edaran.messages.cli.ARGPARSE_ID` while the command line
is parsed, so ``edaran --lang id`` (the default) says ``pemakaian:`` and
``galat:`` and ``--lang en`` keeps argparse's own English.  The language is
read from the arguments before they are parsed (``--lang en``, ``--lang=en``)
or from ``EDARAN_LANG``.

:func:`add_format` and :func:`settle_format` give every command with
``--format`` and ``--output`` one behaviour: with no ``--format``, the
extension of ``--output`` chooses it (``--output kuota.xlsx`` writes a
workbook); a ``--format`` that contradicts the extension is a usage error
rather than a file whose name lies about its content.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from edaran.messages import Lang, default_lang, message

__all__ = ["add_format", "argv_lang", "in_language", "settle_format"]

#: output extension -> the format it names
_EXTENSIONS = {
    ".csv": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xlsx": "xlsx",
    ".ics": "ics",
    ".parquet": "parquet",
    ".sarif": "sarif",
    ".xml": "junit",
    ".txt": "text",
    ".md": "text",
}
#: extensions that only suggest a format (a summary may be kept in any text file)
_WEAK = {".txt", ".md"}


def argv_lang(argv: Sequence[str]) -> Lang:
    """The ``--lang`` among ``argv`` (the last one wins), else ``EDARAN_LANG``."""
    found: Lang = default_lang()
    items = list(argv)
    for i, item in enumerate(items):
        value = None
        if item == "--lang" and i + 1 < len(items):
            value = items[i + 1]
        elif item.startswith("--lang="):
            value = item.partition("=")[2]
        if value in ("id", "en"):
            found = "en" if value == "en" else "id"
    return found


@contextlib.contextmanager
def in_language(lang: Lang) -> Iterator[None]:
    """argparse's messages in ``lang`` for the duration of the block."""
    if lang == "en":
        yield
        return
    from edaran.messages.cli import ARGPARSE_ID

    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def gettext(text: str) -> str:
        return ARGPARSE_ID.get(text, text)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def add_format(parser: argparse.ArgumentParser, choices: Sequence[str], default: str) -> None:
    """``--format`` with ``choices``; :func:`settle_format` settles its default."""
    parser.add_argument("--format", choices=list(choices), default=None)
    parser.set_defaults(format_default=default, format_choices=tuple(choices))


def settle_format(args: argparse.Namespace, lang: Lang) -> str | None:
    """Set ``args.format`` from ``--output``'s extension when ``--format`` is absent.

    Returns a usage error in ``lang``, or None when the format is settled.
    """
    choices: tuple[str, ...] | None = getattr(args, "format_choices", None)
    if choices is None:
        return None
    output: Path | None = getattr(args, "output", None)
    suffix = output.suffix.lower() if output is not None else ""
    named = _EXTENSIONS.get(suffix)
    if args.format is None:
        if named in choices:
            args.format = named
        elif named is not None and suffix not in _WEAK:
            return message(
                "cli.format-unknown-extension",
                lang,
                path=output,
                choices=", ".join(choices),
            )
        else:
            args.format = args.format_default
        return None
    if named is not None and suffix not in _WEAK and named != args.format:
        return message("cli.format-mismatch", lang, path=output, format=args.format, named=named)
    return None
