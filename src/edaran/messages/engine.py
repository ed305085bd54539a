"""Words of the engine package's outputs, in Indonesian and English.

Keys are ``<namespace>.<name>``; each entry is ``(indonesian, english)``,
a ``str.format`` template.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # -- engine/decision.py --
    "decision.head": (
        "{output} pegawai {nip} pada {date}: {value}",
        "{output} of employee {nip} on {date}: {value}",
    ),
    "decision.by-rule": (
        'Diputuskan oleh {rule} "{title}" ({circular}).',
        'Decided by {rule} "{title}" ({circular}).',
    ),
    "decision.by-default": (
        'Aturan bawaan {rule} "{title}" ({circular}): tidak ada aturan lain yang berlaku.',
        'Default rule {rule} "{title}" ({circular}): no other rule applies.',
    ),
    "decision.off": (
        "Hari libur: {note}. Tidak ada yang bekerja.",
        "Day off: {note}. Nobody works.",
    ),
    "decision.not-in-force": (
        "{circular} tidak berlaku pada tanggal ini (berlaku {note}).",
        "{circular} is not in force on this date (in force {note}).",
    ),
    "decision.not-covered": (
        "{circular} tidak mencakup pegawai ini: ia tidak memenuhi 'mencakup {note}'.",
        "{circular} does not cover this person: they do not meet 'covers {note}'.",
    ),
    "decision.after-end": (
        "{circular} berakhir {note}; sesudahnya pegawai bekerja seperti biasa ({value}).",
        "{circular} ended on {note}; afterwards staff work as usual ({value}).",
    ),
    "decision.choice": (
        "Aturan ini menyerahkan pilihan kepada pimpinan unit: satu dari {modes} per hari. "
        "edaran schedule memilih dalam batas-batas SE (mulai dari moda pertama), "
        "atau mengambil rencana unit (--plan).",
        "The rule leaves the choice to the head of unit: one of {modes} each day. "
        "edaran schedule chooses within the circular's limits (starting from the first mode), "
        "or takes the unit's plan (--plan).",
    ),
    "decision.also-off": (
        "Tanggal ini juga hari libur: {note}.",
        "This date is also a day off: {note}.",
    ),
    "decision.overridden": (
        '{loser} "{title}" juga berlaku, tetapi dikesampingkan oleh {winner} '
        "(pengecualian atasnya).",
        '{loser} "{title}" also applies, but {winner} overrides it (an exception to it).',
    ),
    "decision.agrees": (
        "{rule} juga berlaku dan memberi nilai yang sama.",
        "{rule} also applies and gives the same value.",
    ),
    "decision.facts": ("Fakta yang dipakai:", "Facts used:"),
    "decision.recalled": (
        "Dipanggil ke kantor ({source}): {reason}; moda hari ini WFO, bukan {was}",
        "Called to the office ({source}): {reason}; today's mode is WFO, not {was}",
    ),
    "decision.off-short": ("libur: {note}", "day off: {note}"),
    "decision.not-in-force-short": (
        "SE tidak berlaku (berlaku {note})",
        "circular not in force (in force {note})",
    ),
    "decision.not-covered-short": (
        "tidak tercakup (mencakup {note})",
        "not covered (covers {note})",
    ),
    "decision.after-end-short": (
        "SE berakhir {note}, sesudahnya bekerja seperti biasa",
        "circular ended {note}, work as usual afterwards",
    ),
    "decision.over-short": (" (mengesampingkan {losers})", " (overrides {losers})"),
    "decision.in-force-range": ("{start} s.d. {end}", "{start} to {end}"),
    "decision.in-force-from": ("mulai {start}", "from {start}"),
}
