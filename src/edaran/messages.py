"""The message catalogue: every sentence a person reads, in Indonesian and English.

Keys are diagnostic codes (``E101``) or short names (``did-you-mean``).  Each
entry is ``(indonesian, english)``, a ``str.format`` template filled from the
diagnostic's arguments.  Indonesian is the default language.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, Literal

from edaran.messages_data import DATA_MESSAGES

__all__ = ["LANGS", "Lang", "default_lang", "message", "ui"]

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")

_UI: dict[str, tuple[str, str]] = {
    "error": ("galat", "error"),
    "warning": ("peringatan", "warning"),
    "note": ("catatan", "note"),
    "help": ("saran", "help"),
}

_CATALOGUE: dict[str, tuple[str, str]] = {
    # -- reading input -------------------------------------------------------
    "E001": (
        "sintaks: tidak diharapkan {found}; yang diharapkan: {expected}",
        "syntax: unexpected {found}; expected: {expected}",
    ),
    "E002": (
        "sintaks: karakter tidak dikenal {char}",
        "syntax: unexpected character {char}",
    ),
    "E003": (
        "sintaks: berkas berakhir sebelum waktunya; yang diharapkan: {expected}",
        "syntax: unexpected end of file; expected: {expected}",
    ),
    "E004": ("sintaks: indentasi tidak konsisten", "syntax: inconsistent indentation"),
    "E005": (
        "berkas tidak dapat dibaca sebagai aturan: {reason}",
        "file cannot be read as rules: {reason}",
    ),
    "E006": ("literal tidak sah: {text} ({reason})", "invalid literal: {text} ({reason})"),
    # -- names ----------------------------------------------------------------
    "E101": ("nama tidak dikenal '{name}'", "unknown name '{name}'"),
    "E102": (
        "'{record}' tidak mempunyai isian '{field}'",
        "'{record}' has no field '{field}'",
    ),
    "E103": ("satuan tidak dikenal '{unit}'", "unknown unit '{unit}'"),
    "E104": (
        "rujukan ke aturan yang tidak ada: {ref}",
        "reference to a rule that does not exist: {ref}",
    ),
    "E105": ("nama '{name}' dideklarasikan dua kali", "name '{name}' is declared twice"),
    "E106": ("aturan {ref} ditulis dua kali", "rule {ref} is written twice"),
    "E107": (
        "rujukan {ref} ambigu: ada {count} aturan dengan butir itu",
        "reference {ref} is ambiguous: {count} rules cite that clause",
    ),
    "E108": ("keluaran tidak dikenal '{name}'", "unknown output '{name}'"),
    "E109": ("zona waktu tidak dikenal '{zone}'", "unknown time zone '{zone}'"),
    "E110": (
        "kepala surat edaran tidak lengkap: '{field}' wajib ada",
        "the circular's header is incomplete: '{field}' is required",
    ),
    "E111": (
        "isian kepala '{field}' ditulis dua kali",
        "header field '{field}' is written twice",
    ),
    "E112": (
        "'{name}' adalah {kind}, bukan nilai",
        "'{name}' is {kind}, not a value",
    ),
    "E113": (
        "nilai ini harus tetap (literal atau nama yang dideklarasikan), bukan fakta",
        "this value must be a constant (a literal or a declared name), not a fact",
    ),
    # -- types ----------------------------------------------------------------
    "E201": (
        "tipe tidak cocok: '{op}' tidak berlaku untuk {left} dan {right}",
        "type mismatch: '{op}' does not apply to {left} and {right}",
    ),
    "E202": (
        "syarat harus bernilai benar/salah, bukan {type}",
        "a condition must be true/false, not {type}",
    ),
    "E203": (
        "nilai bertipe {found} tidak dapat diberikan kepada '{name}' yang bertipe {expected}",
        "a value of type {found} cannot be given to '{name}' of type {expected}",
    ),
    "E204": (
        "anggota himpunan harus setipe: {first} dan {other}",
        "set members must have one type: {first} and {other}",
    ),
    "E205": (
        "'{name}' bukan anggota {type}",
        "'{name}' is not a member of {type}",
    ),
    "E206": (
        "tipe tidak dikenal '{name}'",
        "unknown type '{name}'",
    ),
    # -- exceptions and conflicts --------------------------------------------
    "E301": (
        "pengecualian melingkar: {cycle}",
        "exceptions form a cycle: {cycle}",
    ),
    "E302": (
        "konflik: {first} dan {second} dapat berlaku bersamaan dengan nilai berbeda "
        "({first_value} lawan {second_value}) tanpa pengecualian di antara keduanya",
        "conflict: {first} and {second} can both apply with different values "
        "({first_value} against {second_value}) and neither is an exception to the other",
    ),
    "E303": (
        "aturan tidak boleh menjadi pengecualian atas dirinya sendiri: {ref}",
        "a rule cannot be an exception to itself: {ref}",
    ),
    "E304": (
        "{first} menjadi pengecualian atas {second}, tetapi keduanya menetapkan keluaran berbeda "
        "('{first_output}' dan '{second_output}')",
        "{first} is an exception to {second}, but they set different outputs "
        "('{first_output}' and '{second_output}')",
    ),
    "W305": (
        "aturan {ref} tidak pernah berlaku: syaratnya tidak dapat dipenuhi",
        "rule {ref} never applies: its condition cannot hold",
    ),
    "W306": (
        "'{output}' tidak mempunyai aturan bawaan: ada keadaan tanpa aturan yang berlaku, "
        "misalnya ketika {witness}",
        "'{output}' has no default rule: some cases have no applicable rule, "
        "for instance when {witness}",
    ),
    # -- examples -------------------------------------------------------------
    "E401": (
        "contoh menyebut '{name}' dua kali",
        "the example states '{name}' twice",
    ),
    "E402": (
        "contoh tidak menyebut tanggal",
        "the example gives no date",
    ),
    "E403": (
        "fakta kalender '{name}' diambil dari kalender; contoh cukup menyebut tanggal",
        "calendar fact '{name}' comes from the calendar; an example gives only the date",
    ),
    # -- evaluation -----------------------------------------------------------
    "E501": (
        "konflik saat dijalankan: {first} memberi {first_value}, {second} memberi "
        "{second_value}, dan tidak ada pengecualian di antara keduanya",
        "conflict at run time: {first} gives {first_value}, {second} gives "
        "{second_value}, and neither is an exception to the other",
    ),
    "E502": (
        "tidak ada aturan yang berlaku untuk '{output}' dan tidak ada aturan bawaan",
        "no rule applies to '{output}' and there is no default",
    ),
    "E503": ("galat hitungan: {reason}", "evaluation error: {reason}"),
    # -- secondary labels and notes -------------------------------------------
    "label-first": ("aturan pertama", "first rule"),
    "label-second": ("aturan kedua", "second rule"),
    "label-declared-here": ("dideklarasikan di sini", "declared here"),
    "label-in-cycle": ("bagian dari lingkaran", "part of the cycle"),
    "note-witness": (
        "keduanya berlaku misalnya ketika {witness}",
        "both apply for instance when {witness}",
    ),
    "note-settle": (
        "nyatakan salah satunya sebagai pengecualian atas yang lain, misalnya "
        "'{first}, pengecualian atas {second}'",
        "declare one an exception to the other, for instance '{first}, exception to {second}'",
    ),
    "note-skipped-static": (
        "{count} pasang aturan tidak dapat diperiksa secara statis (ranah tak hingga); "
        "konflik di antaranya tetap dilaporkan saat dijalankan",
        "{count} pairs of rules cannot be checked statically (unbounded domain); "
        "a conflict between them is still reported at run time",
    ),
    "note-subject": ("pada pegawai {nip}, tanggal {date}", "for employee {nip}, on {date}"),
    "did-you-mean": ("mungkin maksud Anda {names}?", "did you mean {names}?"),
    "summary-counts": (
        "{errors} galat, {warnings} peringatan",
        "{errors} errors, {warnings} warnings",
    ),
    "end-of-file": ("akhir berkas", "end of file"),
    "end-of-line": ("akhir baris", "end of line"),
    "indent": ("baris menjorok", "indentation"),
    "dedent": ("akhir blok menjorok", "end of block"),
}

_CATALOGUE.update(DATA_MESSAGES)


def default_lang() -> Lang:
    """The language from ``EDARAN_LANG`` (``id`` or ``en``), Indonesian otherwise."""
    value = os.environ.get("EDARAN_LANG", "id").strip().lower()
    return "en" if value.startswith("en") else "id"


def message(key: str, lang: Lang, args: Mapping[str, Any] | None = None) -> str:
    """The catalogue entry ``key`` in ``lang``, filled with ``args``."""
    try:
        template = _CATALOGUE[key][0 if lang == "id" else 1]
    except KeyError:
        raise KeyError(f"no message {key!r} in the catalogue") from None
    filled = {
        key: value.localize(lang) if hasattr(value, "localize") else value
        for key, value in (args or {}).items()
    }
    return template.format_map(filled)


def ui(key: str, lang: Lang) -> str:
    """A short interface word (``galat``/``error``, ``saran``/``help``)."""
    return _UI[key][0 if lang == "id" else 1]


def catalogue_keys() -> list[str]:
    """Every key in the catalogue, sorted (for docs and completeness tests)."""
    return sorted(_CATALOGUE)
