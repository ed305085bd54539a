"""Words the language layer puts into its messages: tokens, reasons, places, types.

Each entry is ``(indonesian, english)``, a ``str.format`` template.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # -- what a syntax error expected (terminals of the grammar) -----------------
    "terminal.$END": ("akhir berkas", "end of file"),
    "terminal._NL": ("akhir baris", "end of line"),
    "terminal._INDENT": ("baris menjorok", "indentation"),
    "terminal._DEDENT": ("akhir blok menjorok", "end of block"),
    "terminal.NAME": ("nama", "a name"),
    "terminal.STRING": ("teks dalam tanda kutip", "quoted text"),
    "terminal.DATE": ("tanggal (TTTT-BB-HH)", "a date (YYYY-MM-DD)"),
    "terminal.HIJRI_DATE": ("tanggal Hijriah (1 Syawal 1447 H)", "a Hijri date (1 Syawal 1447 H)"),
    "terminal.REL_DATE": (
        "tanggal relatif (hari kerja ke-2 setelah Idul Fitri 2027)",
        "a relative date (working day 2 after Idul Fitri 2027)",
    ),
    "terminal.TIME": ("jam (JJ:MM)", "a time (HH:MM)"),
    "terminal.INT": ("bilangan", "a number"),
    "terminal.DECIMAL": ("bilangan desimal", "a decimal number"),
    "terminal.PERCENT": ("persentase", "a percentage"),
    "terminal.MONEY": ("jumlah rupiah", "an amount in Rupiah"),
    "terminal.CLAUSE_NUM": ("nomor butir (mis. 12.d)", "a clause number (e.g. 12.d)"),
    "terminal.LETTER": ("huruf", "a letter"),
    "terminal.COMPARE": ("pembanding (<, <=, =, ...)", "a comparison (<, <=, =, ...)"),
    # -- why a file cannot be read as rules (E005) --------------------------------
    "file.too-large": (
        "berkas terlalu besar ({size} bita; batas {limit} bita)",
        "file too large ({size} bytes; the limit is {limit} bytes)",
    ),
    "file.not-regular": (
        "bukan berkas biasa (folder, perangkat, pipa atau soket); tidak dibaca",
        "not a regular file (a folder, a device, a pipe or a socket); not read",
    ),
    "file.binary": ("berkas biner, bukan teks", "a binary file, not text"),
    "file.not-utf8": ("bukan teks UTF-8 (bita ke-{offset})", "not UTF-8 text (byte {offset})"),
    "file.empty": ("berkas kosong", "the file is empty"),
    "file.too-deep": (
        "ungkapan bersarang terlalu dalam (lebih dari {limit} tingkat)",
        "expressions nested too deeply (more than {limit} levels)",
    ),
    # -- why a literal is invalid (E006) --------------------------------------------
    "literal.no-such-date": ("tanggal itu tidak ada", "there is no such date"),
    "literal.no-such-time": ("jam itu tidak ada", "there is no such time"),
    "literal.money-sen": ("rupiah ditulis bulat, tanpa sen", "Rupiah are whole, without sen"),
    "literal.fraction-of-month": (
        "bulan dan tahun harus bulat",
        "months and years must be whole",
    ),
    "literal.duration-too-large": (
        "lebih dari {limit} tahun",
        "more than {limit} years",
    ),
    # -- what a word is not (E117) ----------------------------------------------------
    "what.scope": ("cakupan", "scope"),
    "what.window": ("rentang waktu", "window"),
    "priority.smaller": ("terkecil", "smallest"),
    "priority.larger": ("terbesar", "largest"),
    "limit.at_most": ("paling banyak", "at most"),
    "limit.at_least": ("paling sedikit", "at least"),
    # -- where a record may be read (E150) and what a block reads (E151) ----------------
    "where.periode": ("perkiraan blok laporan", "the estimates of a report block"),
    "where.records": ("blok kuota, sasaran dan ketentuan", "quota, target and provision blocks"),
    "reads.periode": ("periode.*, unit.* dan parameter", "periode.*, unit.* and parameters"),
    "reads.provision": (
        "{root}.*, pelaksananya (pegawai.*), unit.*, hari, tanggal dan parameter",
        "{root}.*, its person (pegawai.*), unit.*, the day and parameters",
    ),
    "reads.records": (
        "{root}.*, unit.*, hari, tanggal dan parameter",
        "{root}.*, unit.*, the day and parameters",
    ),
    # -- values and types as messages show them ------------------------------------------
    "type.set": ("himpunan {inner}", "set of {inner}"),
    "separator.or": (" atau ", " or "),
    "value.true": ("benar", "true"),
    "value.false": ("salah", "false"),
    "value.empty": ("(kosong)", "(empty)"),
    "value.hours": ("{start}-{end}", "{start}-{end}"),
    "value.hours-breaks": ("{start}-{end} (istirahat {breaks})", "{start}-{end} (break {breaks})"),
    "witness.always": ("selalu", "always"),
    "witness.under": (
        "{name} berada di bawah salah satu dari {codes}",
        "{name} is under one of {codes}",
    ),
    # -- what a variant may not do to a binding rule (E141) -------------------------------
    "action.remove": ("menghapus", "remove"),
    "action.replace": ("mengganti", "replace"),
}
