"""Words of the authoring tools (``edaran fmt``, ``edaran lsp``), in Indonesian and English.

Keys are ``<namespace>.<name>``; each entry is ``(indonesian, english)``,
a ``str.format`` template.  The diagnostic E700 is in :mod:`edaran.messages.rules`.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # -- edaran fmt --
    "fmt.more": (" (dan {count} baris lain)", " (and {count} more lines)"),
    "fmt.reformatted": ("{path}: diformat", "{path}: reformatted"),
    "fmt.tally": (
        "{changed} berkas diformat, {unchanged} sudah baku",
        "{changed} files reformatted, {unchanged} already formatted",
    ),
    "fmt.tally-check": (
        "{changed} berkas perlu diformat, {unchanged} sudah baku",
        "{changed} files would be reformatted, {unchanged} already formatted",
    ),
    "fmt.no-files": (
        "tidak ada berkas .edaran di {path}",
        "no .edaran file in {path}",
    ),
}
