"""Words every writer shares: warnings in terminal summaries and workbooks."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "publish.warnings": ("Peringatan", "Warnings"),
    "publish.no-warnings": ("Tidak ada peringatan.", "No warnings."),
    "publish.sum-warnings": ("{count} peringatan", "{count} {count:?warning|warnings}"),
    "publish.needs-frame": (
        "to_{package}() memerlukan paket '{package}' yang belum terpasang "
        "(edaran tidak memasangnya); pasang dengan: pip install {package}",
        "to_{package}() needs the package '{package}', which is not installed "
        "(edaran does not install it); install it with: pip install {package}",
    ),
    "publish.provenance": ("Asal hasil", "Provenance"),
}
