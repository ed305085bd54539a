"""Words of clause coverage and of the rules as a table (export, import).

Keys are ``<namespace>.<name>`` (``coverage.*``, ``export.*``, ``import.*``) or
diagnostic codes (E710-E729: a reviewed workbook that cannot be imported;
D090-D099: a bad cell of one); each entry is ``(indonesian, english)``, a
``str.format`` template.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # -- testing/coverage.py --
    "coverage.head": (
        "cakupan butir {path}: {covered} dari {total} butir diuji contoh ({percent}%)",
        "clause coverage {path}: {covered} of {total} butir exercised by examples ({percent}%)",
    ),
    "coverage.inherited": (
        "  butir warisan (dihitung pada berkas asalnya):",
        "  inherited butir (counted by the file they come from):",
    ),
    "coverage.line": ("baris", "line"),
    "coverage.none": ("TIDAK ADA CONTOH", "NO EXAMPLE"),
    "coverage.missing": (
        "butir tanpa contoh: {labels}",
        "butir no example exercises: {labels}",
    ),
    "coverage.below": (
        "cakupan butir {path} {percent}% di bawah --min-coverage {minimum}%",
        "clause coverage of {path} is {percent}%, below --min-coverage {minimum}%",
    ),
    "coverage.kind-rule": ("aturan", "rule"),
    "coverage.kind-limit": ("batas", "limit"),
    "coverage.kind-duty": ("kewajiban", "duty"),
    "coverage.kind-breach": ("pelanggaran", "breach"),
    "coverage.kind-sanction": ("sanksi", "sanction"),
    "coverage.kind-quota": ("kuota", "quota"),
    "coverage.kind-target": ("sasaran", "target"),
    "coverage.kind-report": ("laporan", "report"),
    "coverage.kind-provision": ("ketentuan", "provision"),
    "coverage.role-decides": ("memutuskan", "decides"),
    "coverage.role-overridden": ("dikalahkan", "overridden"),
    "coverage.role-limit": ("membatasi", "limit"),
    "coverage.role-duty": ("kewajiban", "duty"),
    "coverage.role-breach": ("pelanggaran", "breach"),
    "coverage.role-sanction": ("sanksi", "sanction"),
    "coverage.role-quota": ("kuota", "quota"),
    "coverage.role-target": ("sasaran", "target"),
    "coverage.role-report": ("laporan", "report"),
    "coverage.role-provision": ("ketentuan", "provision"),
}

WORDS.update(
    {
        # -- review/words.py: operators in words --
        "words.and": ("dan", "and"),
        "words.or": ("atau", "or"),
        "words.not": ("tidak {a}", "not {a}"),
        "words.eq": ("{a} adalah {b}", "{a} is {b}"),
        "words.ne": ("{a} bukan {b}", "{a} is not {b}"),
        "words.lt": ("{a} kurang dari {b}", "{a} is less than {b}"),
        "words.le": ("{a} paling banyak {b}", "{a} is at most {b}"),
        "words.gt": ("{a} lebih dari {b}", "{a} is more than {b}"),
        "words.ge": ("{a} paling sedikit {b}", "{a} is at least {b}"),
        "words.in": ("{a} termasuk {b}", "{a} is one of {b}"),
        "words.not-in": ("{a} tidak termasuk {b}", "{a} is none of {b}"),
        "words.add": ("{a} ditambah {b}", "{a} plus {b}"),
        "words.sub": ("{a} dikurangi {b}", "{a} minus {b}"),
        "words.mul": ("{a} dikali {b}", "{a} times {b}"),
        "words.div": ("{a} dibagi {b}", "{a} divided by {b}"),
        "words.between": ("{a} antara {lo} dan {hi}", "{a} between {lo} and {hi}"),
        "words.dated": ("berubah menurut tanggal", "changes by date"),
        "words.always": ("selalu", "always"),
        "words.sets": ("{output} adalah {value}", "{output} is {value}"),
    }
)

WORDS.update(
    {
        # -- review/: the rules as a table (edaran export) --
        "export.title": (
            "Surat Edaran {number}: aturan sebagai tabel",
            "Circular {number}: the rules as a table",
        ),
        "export.sheet-butir": ("Butir", "Butir"),
        "export.sheet-params": ("Parameter", "Parameters"),
        "export.sheet-tables": ("Tabel", "Tables"),
        "export.sheet-sets": ("Himpunan", "Sets"),
        "export.sheet-examples": ("Contoh", "Examples"),
        "export.h-number": ("Nomor", "Number"),
        "export.h-label": ("Butir", "Butir"),
        "export.h-title": ("Judul", "Title"),
        "export.h-kind": ("Jenis", "Kind"),
        "export.h-conditions": ("Syarat", "Conditions"),
        "export.h-value": ("Nilai", "Value"),
        "export.h-exceptions": ("Pengecualian atas", "Exception to"),
        "export.h-file": ("Berkas", "File"),
        "export.h-line": ("Baris", "Line"),
        "export.h-examples": ("Contoh", "Examples"),
        "export.h-name": ("Nama", "Name"),
        "export.h-type": ("Tipe", "Type"),
        "export.h-since": ("Mulai", "From"),
        "export.h-table": ("Tabel", "Table"),
        "export.h-unit": ("Unit", "Unit"),
        "export.h-members": ("Anggota", "Members"),
        "export.h-date": ("Tanggal", "Date"),
        "export.h-givens": ("Keadaan", "Given"),
        "export.h-expected": ("Hasil yang diharapkan", "Expected"),
        "export.h-result": ("Hasil", "Result"),
        "export.h-butir": ("Butir yang diuji", "Butir exercised"),
        "export.h-decisions": ("Keputusan pada daftar pegawai", "Decisions on the roster"),
        "export.default-row": ("(bawaan)", "(default)"),
        "export.data-file": ("{file} (dari_berkas)", "{file} (from_file)"),
        "export.binding": ("mengikat", "binding"),
        "export.first-value": ("(nilai awal)", "(first value)"),
        "export.circular": ("Surat Edaran", "Circular"),
        "export.subject": ("Tentang", "Subject"),
        "export.rule-file": ("Berkas aturan", "Rule file"),
        "export.review-note": (
            "Ubah hanya kolom Nilai (dan Mulai, Unit untuk baris baru) pada lembar Parameter"
            " dan Tabel; edaran import menuliskannya kembali.",
            "Change only the Value column (and From, Unit for new rows) of the Parameters"
            " and Tables sheets; edaran import writes them back.",
        ),
        "export.circular-text": ("Teks surat edaran", "The circular's text"),
        "export.rule-text": ("Berkas aturan", "The rule file"),
        "export.no-example": ("belum ada contoh", "no example yet"),
        "export.decided": (
            "{count} hari-pegawai pada {first} s.d. {last}",
            "{count} employee-days from {first} to {last}",
        ),
        "export.not-decided": (
            "tidak memutuskan siapa pun pada {first} s.d. {last}",
            "decides no one from {first} to {last}",
        ),
        "export.overrode": ("mengalahkan {rules}", "overrides {rules}"),
        "export.written": ("{path} ditulis", "{path} written"),
        "export.needs-output": (
            "--format {format} menulis berkas: sebutkan --output",
            "--format {format} writes a file: give --output",
        ),
        "export.needs-excel": (
            "--format xlsx memerlukan openpyxl: pip install 'edaran[excel]'",
            "--format xlsx needs openpyxl: pip install 'edaran[excel]'",
        ),
    }
)

WORDS.update(
    {
        # -- review/amend.py: edaran import --
        "E710": (
            "buku kerja tidak dapat dibaca: {reason}",
            "the workbook cannot be read: {reason}",
        ),
        "E711": (
            "buku kerja tidak memuat lembar '{sheet}' (atau '{other}')",
            "the workbook has no sheet '{sheet}' (or '{other}')",
        ),
        "E712": (
            "lembar '{sheet}' tidak memuat kolom '{column}' pada baris judulnya",
            "sheet '{sheet}' has no column '{column}' in its heading row",
        ),
        "E713": (
            "{name} ditulis di {file}, bukan di berkas ini: tidak dapat diubah di tempat",
            "{name} is written in {file}, not in this file: it cannot be changed in place",
        ),
        "E714": (
            "hasil impor tidak lolos pemeriksaan: {reason}",
            "the imported result does not check: {reason}",
        ),
        "E716": (
            "{name} tidak dikenal oleh berkas aturan: untuk menambahkannya, isi kolom Tipe",
            "{name} is not declared in the rule file: to add it, fill in its Type column",
        ),
        "E717": (
            "{name} baru tidak memiliki {row}",
            "the new {name} has no {row}",
        ),
        "E718": (
            "{name} dibaca dari berkas data {file} (dari_berkas): ubahlah di berkas itu",
            "{name} is read from the data file {file} (from_file): change it in that file",
        ),
        "E719": (
            "{name} adalah nilai bertanggal (mulai) yang tidak dibaca kembali oleh edaran "
            "import: ubahlah di {file}",
            "{name} is a dated value (from) that edaran import does not read back: "
            "change it in {file}",
        ),
        "D090": (
            "parameter '{name}' tidak dikenal dalam surat edaran ini",
            "unknown parameter '{name}' in this circular",
        ),
        "D091": (
            "tabel '{name}' tidak dikenal dalam surat edaran ini",
            "unknown table '{name}' in this circular",
        ),
        "D092": (
            "nilai '{value}' tidak sah untuk {name} ({type}): {reason}",
            "value '{value}' is not valid for {name} ({type}): {reason}",
        ),
        "D093": (
            "'{value}' bukan tanggal (TTTT-BB-HH)",
            "'{value}' is not a date (YYYY-MM-DD)",
        ),
        "D094": (
            "'{value}' bukan kode unit (huruf, angka dan _)",
            "'{value}' is not a unit code (letters, digits and _)",
        ),
        "D095": (
            "{name} muncul dua kali (juga pada baris {first})",
            "{name} appears twice (also on row {first})",
        ),
        "D096": ("nilai kosong untuk {name}", "empty value for {name}"),
        "import.none": (
            "tidak ada nilai yang berubah: tidak ada yang ditulis",
            "no value changed: nothing written",
        ),
        "import.changed": ("{count} nilai berubah:", "{count} {count:?value|values} changed:"),
        "import.change": ("  {name}: {old} -> {new}", "  {name}: {old} -> {new}"),
        "import.added": ("  {name}: (baru) {new}", "  {name}: (new) {new}"),
        "import.removed": ("  {name}: {old} (dihapus)", "  {name}: {old} (removed)"),
        "import.first-value": (
            "nilai pertama (baris tanpa tanggal Mulai)",
            "first value (a row without a From date)",
        ),
        "import.default-row": ("baris (bawaan)", "(default) row"),
        "import.written": ("{path} ditulis", "{path} written"),
        "import.amends-header": (
            "# Perubahan atas {file}, dari tinjauan {workbook} (edaran import).",
            "# Amendment of {file}, from the review {workbook} (edaran import).",
        ),
        "import.needs-from": (
            "--amend memerlukan --from TANGGAL (tanggal berlaku perubahan)",
            "--amend needs --from DATE (the date the amendment takes effect)",
        ),
    }
)
