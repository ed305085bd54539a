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
    # -- edaran lsp: hover and symbols --
    "lsp.rule": ("aturan", "rule"),
    "lsp.limit": ("batas", "limit"),
    "lsp.duty": ("kewajiban", "duty"),
    "lsp.breach": ("pelanggaran", "breach"),
    "lsp.sanction": ("sanksi", "sanction"),
    "lsp.quota": ("kuota", "quota"),
    "lsp.target": ("sasaran", "target"),
    "lsp.report": ("laporan", "report"),
    "lsp.param": ("parameter", "parameter"),
    "lsp.set": ("himpunan", "set"),
    "lsp.table": ("tabel", "table"),
    "lsp.enum": ("enumerasi", "enumeration"),
    "lsp.output": ("keluaran", "output"),
    "lsp.mode": ("moda", "mode"),
    "lsp.example": ("contoh", "example"),
    "lsp.member": ("anggota {enum}", "member of {enum}"),
    "lsp.attribute": ("atribut", "attribute"),
    "lsp.column": ("kolom: `{column}`", "column: `{column}`"),
    "lsp.required": ("wajib diisi", "required"),
    "lsp.set-by": ("ditetapkan oleh:", "set by:"),
    "lsp.value": ("nilai: {value}", "value: {value}"),
    "lsp.from": ("mulai {date}: {value}", "from {date}: {value}"),
    "lsp.default-row": ("bawaan: {value}", "default: {value}"),
    "lsp.fact": ("fakta {name}: {type}", "fact {name}: {type}"),
    "lsp.nullable": ("boleh kosong", "may be empty"),
    "lsp.defined-in": ("dari {path}", "from {path}"),
    "lsp.unit": ("unit {code}: {name}", "unit {code}: {name}"),
    "lsp.quick-fix": ("Ganti dengan '{word}'", "Replace with '{word}'"),
}
