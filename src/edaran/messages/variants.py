"""Words of the variants package (``edaran init``), in Indonesian and English."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # -- why edaran init refused (E007) ------------------------------------------------------
    "scaffold.bad-name": (
        "nama harus nama folder biasa (tanpa / atau \\)",
        "the name must be a plain folder name (no / or \\)",
    ),
    "scaffold.exists": (
        "folder sudah ada; pilih nama lain atau hapus folder itu",
        "the folder already exists; choose another name or remove it",
    ),
    "scaffold.not-a-file": (
        "templat bukan berkas .edaran yang ada",
        "the template is not an existing .edaran file",
    ),
    "scaffold.unknown": (
        "templat tidak dikenal; yang tersedia: {shipped}, atau jalur ke berkas .edaran",
        "unknown template; shipped: {shipped}, or a path to a .edaran file",
    ),
}
