"""Words of the cli package's outputs, in Indonesian and English.

Keys are ``<namespace>.<name>``; each entry is ``(indonesian, english)``,
a ``str.format`` template.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # -- cli/common.py --
    "cli.clean": ("{path}: bersih ({parts})", "{path}: clean ({parts})"),
    "cli.pass": ("lulus", "pass"),
    "cli.fail": ("GAGAL", "FAIL"),
    "cli.expected": (
        "    {output}: diharapkan {expected}, didapat {got}",
        "    {output}: expected {expected}, got {got}",
    ),
    "cli.tally": ("{passed} passed, {failed} failed", "{passed} passed, {failed} failed"),
    "cli.discipline-no-log": (
        "berikan --contacts, --attendance, atau keduanya",
        "give --contacts, --attendance, or both",
    ),
    "cli.bad-range": (
        "--to ({last}) lebih awal daripada --from ({first})",
        "--to ({last}) is earlier than --from ({first})",
    ),
    "cli.parquet-output": (
        "--format parquet menulis berkas atau folder: sebutkan --output",
        "--format parquet writes a file or a folder: give --output",
    ),
    "cli.recalls-engine": (
        "--recalls diterapkan oleh mesin python; mesin {engine} tidak membaca panggilan"
        " (hapus --engine atau pakai --engine python)",
        "--recalls are applied by the python engine; the {engine} engine does not read recalls"
        " (drop --engine or use --engine python)",
    ),
    "cli.json-engine": (
        "--format json (satu dokumen dengan provenans) ditulis oleh mesin python;"
        " mesin {engine} menulis --format jsonl atau csv",
        "--format json (one document with its provenance) is written by the python engine;"
        " the {engine} engine writes --format jsonl or csv",
    ),
    "cli.format-mismatch": (
        "--format {format} tetapi --output {path} bernama format {named}:"
        " samakan keduanya atau hapus --format",
        "--format {format} but --output {path} names the format {named}:"
        " make them agree or drop --format",
    ),
    "cli.format-unknown-extension": (
        "--output {path}: perintah ini tidak menulis format itu; pilih salah satu dari"
        " {choices} dengan --format",
        "--output {path}: this command does not write that format; choose one of {choices}"
        " with --format",
    ),
    "cli.no-nip": ("NIP {nip} tidak ada dalam daftar pegawai", "NIP {nip} is not in the roster"),
    "cli.no-rules": (
        "tidak ada berkas aturan (*.edaran) di {path}",
        "no rule file (*.edaran) in {path}",
    ),
    "cli.no-roster": (
        "tidak ada daftar pegawai (folder roster/) di {path}",
        "no roster (folder roster/) in {path}",
    ),
    "cli.undecided": (
        "{count} pegawai-hari tidak dapat diputuskan",
        "{count} employee-days could not be decided",
    ),
    "cli.written": ("{count} keputusan ditulis ke {path}", "{count} decisions written to {path}"),
    "cli.summary-head": (
        "Ringkasan per perangkat daerah, {first} s.d. {last}",
        "Summary per unit, {first} to {last}",
    ),
    "cli.step-check": ("== Memeriksa {path}", "== Checking {path}"),
    "cli.step-quota": (
        "== Kuota perjalanan dan kendaraan, sasaran rapat, daftar periksa ({files})",
        "== Travel and vehicle quotas, meeting targets, checklists ({files})",
    ),
    "cli.step-report": (
        "== Laporan penghematan anggaran, {clause} ({files})",
        "== The savings report, {clause} ({files})",
    ),
    "cli.written-file": ("Ditulis: {path}", "Written: {path}"),
    "cli.step-test": ("== Menjalankan contoh", "== Running the examples"),
    "cli.step-decide": (
        "== Memutuskan {people} pegawai, {first} s.d. {last}",
        "== Deciding {people} employees, {first} to {last}",
    ),
    "cli.step-schedule": (
        "== Menjadwalkan menurut batas ({clauses}): kuota, minimal hadir, batas per orang",
        "== Scheduling within the limits ({clauses}): caps, floors, per-person limits",
    ),
    "cli.unit": ("Perangkat daerah", "Unit"),
    "cli.people": ("Pegawai", "Staff"),
    "cli.total": ("Jumlah", "Total"),
    "cli.progress-unit": ("hari", "day"),
    # -- what edaran check counts in a clean file --------------------------------------
    "cli.n-rules": ("{count} aturan", "{count} {count:?rule|rules}"),
    "cli.n-limits": ("{count} batas", "{count} {count:?limit|limits}"),
    "cli.n-duties": ("{count} kewajiban", "{count} {count:?duty|duties}"),
    "cli.n-breaches": ("{count} pelanggaran", "{count} {count:?breach|breaches}"),
    "cli.n-sanctions": ("{count} sanksi", "{count} {count:?sanction|sanctions}"),
    "cli.n-quotas": ("{count} kuota", "{count} {count:?quota|quotas}"),
    "cli.n-targets": ("{count} sasaran", "{count} {count:?target|targets}"),
    "cli.n-checklists": ("{count} daftar periksa", "{count} {count:?checklist|checklists}"),
    "cli.n-reports": ("{count} laporan", "{count} {count:?report|reports}"),
    "cli.n-provisions": ("{count} ketentuan", "{count} {count:?provision|provisions}"),
    "cli.n-examples": ("{count} contoh", "{count} {count:?example|examples}"),
    "cli.interrupted": ("dihentikan", "interrupted"),
    "cli.internal-error": (
        "galat internal edaran (bukan kesalahan pada masukan Anda); laporan singkat tanpa "
        "data pribadi ditulis ke {report}; mohon kirimkan ke pengembang",
        "internal error in edaran (not a problem in your input); a short report without "
        "personal data was written to {report}; please send it to the developers",
    ),
    # -- cli/init.py --
    "init.created": ("Dibuat:", "Created:"),
    "init.next": (
        "Berikutnya: edaran check {rules} && edaran test {rules}",
        "Next: edaran check {rules} && edaran test {rules}",
    ),
    # -- cli/diff.py --
    "diff.head": ("Perbedaan SE {left} → SE {right}", "Differences SE {left} → SE {right}"),
    "diff.none": ("tidak ada butir yang berbeda", "no clause differs"),
    "diff.added": ("ditambah", "added"),
    "diff.removed": ("dihapus", "removed"),
    "diff.changed": ("diubah", "changed"),
    "diff.force": ("masa berlaku", "force"),
    "diff.rule": ("aturan", "rule"),
    "diff.limit": ("batas", "limit"),
    "diff.duty": ("kewajiban", "duty"),
    "diff.breach": ("pelanggaran", "breach"),
    "diff.sanction": ("sanksi", "sanction"),
    "diff.quota": ("kuota", "quota"),
    "diff.target": ("sasaran", "target"),
    "diff.checklist": ("daftar periksa", "checklist"),
    "diff.provision": ("ketentuan", "provision"),
    "diff.report": ("laporan", "report"),
    "diff.parameter": ("parameter", "parameter"),
    "diff.set": ("himpunan", "set"),
    "diff.table": ("tabel", "table"),
    "diff.attribute": ("atribut", "attribute"),
    "diff.scope": ("cakupan", "scope"),
    "diff.impact-head": (
        "Dampak, {first} s.d. {last}: {changed} dari {total} pegawai-hari berubah moda",
        "Impact, {first} to {last}: {changed} of {total} employee-days change mode",
    ),
    "diff.unit": ("Perangkat daerah", "Unit"),
    "diff.change": ("Perubahan", "Change"),
    "diff.days": ("Pegawai-hari", "Employee-days"),
    "diff.total": ("Jumlah", "Total"),
    "diff.samples": ("Contoh pegawai terdampak", "Sample of the people affected"),
    "diff.undecided": (
        "tidak dapat diputuskan: {left} pegawai-hari (kiri), {right} (kanan)",
        "could not be decided: {left} employee-days (left), {right} (right)",
    ),
    "diff.roster-needs-from": (
        "--roster memerlukan --from (dan --to)",
        "--roster needs --from (and --to)",
    ),
    "diff.bad-range": (
        "--to ({last}) lebih awal daripada --from ({first})",
        "--to ({last}) is earlier than --from ({first})",
    ),
}

#: argparse's own messages (its gettext msgids, Python 3.11 to 3.13) in Indonesian:
#: ``edaran.cli.usage`` words usage errors and help in the chosen language.
ARGPARSE_ID: dict[str, str] = {
    "usage: ": "pemakaian: ",
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "argumen berikut wajib diberikan: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan tidak sah: %(value)r (pilih dari %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "expected one argument": "diharapkan satu argumen",
    "expected at most one argument": "diharapkan paling banyak satu argumen",
    "expected at least one argument": "diharapkan paling sedikit satu argumen",
    "expected %s argument": "diharapkan %s argumen",
    "expected %s arguments": "diharapkan %s argumen",
    "ambiguous option: %(option)s could match %(matches)s": (
        "opsi ambigu: %(option)s bisa berarti %(matches)s"
    ),
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "ignored explicit argument %r": "argumen eksplisit %r diabaikan",
    "one of the arguments %s is required": "salah satu argumen %s wajib diberikan",
    "unexpected option string: %s": "opsi tidak terduga: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "subperintah tidak dikenal %(parser_name)r (pilihan: %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "tidak dapat membuka '%(filename)s': %(error)s",
}
