"""Words every writer shares: warnings in terminal summaries and workbooks."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "publish.warnings": ("Peringatan", "Warnings"),
    "publish.no-warnings": ("Tidak ada peringatan.", "No warnings."),
    "publish.sum-warnings": ("{count} peringatan", "{count} {count:?warning|warnings}"),
}
