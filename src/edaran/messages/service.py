"""Words of the HTTP service (``edaran serve``): its error codes E600-E629 and its log lines.

Every error the service answers with is JSON: ``code``, ``message`` in the
language of the request's ``Accept-Language`` (Indonesian by default) and,
where a file or a row is at fault, the ``diagnostics`` behind it.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "E600": (
        "isi permintaan bukan JSON yang sah: {reason} (baris {line}, kolom {column})",
        "the request body is not valid JSON: {reason} (line {line}, column {column})",
    ),
    "E601": (
        "'{field}' harus berupa {expected}",
        "'{field}' must be {expected}",
    ),
    "E602": (
        "'{field}' wajib diisi",
        "'{field}' is required",
    ),
    "E603": (
        "isi permintaan terlalu besar: lebih dari {limit} bita",
        "the request body is too large: more than {limit} bytes",
    ),
    "E604": (
        "surat edaran '{circular}' tidak dilayani di sini",
        "circular '{circular}' is not served here",
    ),
    "E605": (
        "perlu token yang sah: kirim header 'Authorization: Bearer <token>'",
        "a valid token is needed: send the header 'Authorization: Bearer <token>'",
    ),
    "E607": (
        "'{field}' bukan tanggal TTTT-BB-HH: {value}",
        "'{field}' is not a YYYY-MM-DD date: {value}",
    ),
    "E608": (
        "rentang tanggal {first}..{last} tidak sah: 'to' sebelum 'from' "
        "atau lebih dari {limit} hari",
        "the date range {first}..{last} is not valid: 'to' before 'from' or more than {limit} days",
    ),
    "E609": (
        "jenis isi '{content_type}' tidak diterima di sini; kirim {accepted}",
        "content type '{content_type}' is not accepted here; send {accepted}",
    ),
    "E610": (
        "berkas aturan merujuk '{path}', yang bukan templat dan tidak ada di folder yang dilayani",
        "the rule file refers to '{path}', which is neither a template nor in the served folder",
    ),
    "E611": (
        "berkas '{name}' tidak dapat dibaca sebagai daftar pegawai: kirim .csv atau .xlsx",
        "file '{name}' cannot be read as a roster: send a .csv or .xlsx file",
    ),
    "E612": (
        "tidak ada {method} {path} di layanan ini",
        "there is no {method} {path} in this service",
    ),
    "E613": (
        "kesalahan di dalam layanan (nomor {request}); tidak ada data yang dicatat",
        "an error inside the service (request {request}); no data was logged",
    ),
    "E614": (
        "data permintaan bermasalah: {count} kesalahan",
        "the request's data has problems: {count} {count:?error|errors}",
    ),
    "service.an-object": ("objek JSON", "a JSON object"),
    "service.a-list": ("daftar JSON (array)", "a JSON list (array)"),
    "service.a-string": ("teks", "a string"),
    "service.a-boolean": (
        "benar_salah (true/false)",
        "a boolean (true/false)",
    ),
    "service.a-number": ("bilangan bulat", "a whole number"),
    "service.a-row": (
        "objek dengan nilai teks, bilangan, benar/salah atau null",
        "an object of strings, numbers, booleans or nulls",
    ),
    "service.started": (
        "edaran melayani {count} surat edaran di http://{host}:{port} ({ids})",
        "edaran serves {count} {count:?circular|circulars} at http://{host}:{port} ({ids})",
    ),
    "service.no-circulars": (
        "tidak ada surat edaran untuk dilayani: beri folder berisi *.edaran atau --templat",
        "no circular to serve: give a folder of *.edaran files or --template",
    ),
    "service.token-env": (
        "variabel lingkungan {name} kosong atau tidak ada",
        "the environment variable {name} is empty or unset",
    ),
}
