"""Messages for data files (rosters, CSV and Excel input): codes ``D0xx``.

Kept apart from :mod:`edaran.messages` so the rule-language catalogue stays
readable; :mod:`edaran.messages` merges this table into the one catalogue.
Each entry is ``(indonesian, english)``.  ``docs/data-formats.md`` lists every
code with a one-line fix.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # -- the file as a whole ---------------------------------------------------
    "D001": ("berkas tidak ditemukan: {path}", "file not found: {path}"),
    "D002": ("berkas tidak dapat dibaca: {reason}", "file cannot be read: {reason}"),
    "D003": (
        "folder {path} tidak memuat {missing}; folder daftar pegawai memerlukan "
        "unit.csv dan pegawai.csv",
        "directory {path} has no {missing}; a roster directory needs unit.csv and pegawai.csv",
    ),
    "D004": (
        "berkas terlalu besar: {size} bita, batasnya {limit} bita",
        "file too large: {size} bytes, the limit is {limit} bytes",
    ),
    "D005": (
        "berkas biner, bukan teks CSV: ada byte NUL (simpan ulang sebagai CSV UTF-8)",
        "binary file, not CSV text: it holds NUL bytes (save it again as CSV UTF-8)",
    ),
    "D006": (
        "berkas bukan UTF-8 (byte tidak sah mulai baris {line}); dibaca sebagai Windows-1252",
        "file is not UTF-8 (invalid byte from line {line}); read as Windows-1252",
    ),
    "D007": ("berkas kosong", "file is empty"),
    "D008": ("CSV tidak dapat diurai: {reason}", "CSV cannot be parsed: {reason}"),
    "D009": (
        'tanda petik (") yang dibuka pada baris ini tidak pernah ditutup',
        'a quote (") opened on this line is never closed',
    ),
    # -- the header ----------------------------------------------------------------
    "D010": (
        "baris pertama bukan judul kolom: tidak ada kolom yang dikenal; "
        "kolom yang diharapkan: {expected}",
        "the first line is not a header: it names no known column; expected columns: {expected}",
    ),
    "D011": ("kolom wajib '{column}' tidak ada", "required column '{column}' is missing"),
    "D012": (
        "kolom ke-{index} '{column}' tidak dikenal dan diabaikan",
        "column {index} '{column}' is unknown and ignored",
    ),
    "D013": (
        "kolom ke-{index} '{column}' sudah ada sebagai kolom ke-{first}",
        "column {index} '{column}' repeats column {first}",
    ),
    # -- one cell --------------------------------------------------------------------
    "D014": (
        "nilai '{value}' tidak dikenal di kolom ke-{index} '{column}'; yang diterima: {accepted}",
        "unknown value '{value}' in column {index} '{column}'; accepted: {accepted}",
    ),
    "D015": (
        "'{value}' di kolom ke-{index} '{column}' bukan ya/tidak",
        "'{value}' in column {index} '{column}' is not yes/no (ya/tidak)",
    ),
    "D016": (
        "'{value}' di kolom ke-{index} '{column}' bukan bilangan desimal",
        "'{value}' in column {index} '{column}' is not a decimal number",
    ),
    "D017": (
        "'{value}' di kolom ke-{index} '{column}' bukan bilangan bulat",
        "'{value}' in column {index} '{column}' is not a whole number",
    ),
    "D018": (
        "'{value}' di kolom ke-{index} '{column}' bukan tanggal; tulis 2026-04-01 atau 01-04-2026",
        "'{value}' in column {index} '{column}' is not a date; write 2026-04-01 or 01-04-2026",
    ),
    "D019": (
        "baris ini berisi {found} sel, sedangkan judul kolom berisi {expected}",
        "this row has {found} cells but the header has {expected}",
    ),
    "D020": (
        "sel wajib di kolom ke-{index} '{column}' kosong",
        "required cell in column {index} '{column}' is empty",
    ),
    # -- the roster ------------------------------------------------------------------
    "D021": (
        "NIP {nip} sudah dipakai pada baris {first}",
        "NIP {nip} is already used on line {first}",
    ),
    "D022": (
        "kode unit '{code}' sudah dipakai pada baris {first}",
        "unit code '{code}' is already used on line {first}",
    ),
    "D023": ("unit '{code}' tidak dikenal", "unknown unit '{code}'"),
    "D024": (
        "unit induk '{parent}' dari unit '{code}' tidak dikenal",
        "parent unit '{parent}' of unit '{code}' is unknown",
    ),
    "D025": ("unit induk melingkar: {cycle}", "parent units form a cycle: {cycle}"),
    "D026": (
        "unit '{code}' tidak dimuat karena unit induknya '{parent}' tidak dimuat",
        "unit '{code}' is not loaded because its parent '{parent}' is not loaded",
    ),
    "D027": (
        "unit '{code}' tidak dimuat, sehingga {count} baris pegawai di {file} yang "
        "menyebutnya ikut dibuang (baris {lines})",
        "unit '{code}' is not loaded, so {count} employee rows in {file} that name it "
        "are dropped too (lines {lines})",
    ),
    "D028": (
        "unit '{code}': kolom ke-{index} '{column}' bernilai '{value}' di sini, "
        "tetapi '{other}' pada baris {first}",
        "unit '{code}': column {index} '{column}' is '{value}' here but '{other}' on line {first}",
    ),
    "D029": ("baris ditolak oleh {cls}: {reason}", "row refused by {cls}: {reason}"),
    # -- NIP -------------------------------------------------------------------------
    "D030": (
        "NIP '{value}' harus terdiri atas tepat 18 angka (ada {digits} angka dan "
        "{others} karakter lain)",
        "NIP '{value}' must be exactly 18 digits (it has {digits} digits and "
        "{others} other characters)",
    ),
    "D031": (
        "NIP {nip}: tanggal lahir {digits} (angka ke-1 s.d. 8) bukan tanggal yang ada",
        "NIP {nip}: birth date {digits} (digits 1-8) is not a real date",
    ),
    "D032": (
        "NIP {nip}: bulan pengangkatan {digits} (angka ke-9 s.d. 14) bukan bulan yang ada",
        "NIP {nip}: appointment month {digits} (digits 9-14) is not a real month",
    ),
    "D033": (
        "NIP {nip}: bulan pengangkatan {appointed} mendahului tanggal lahir {born}",
        "NIP {nip}: appointment month {appointed} comes before birth date {born}",
    ),
    "D034": (
        "NIP {nip}: angka jenis kelamin (angka ke-15) adalah {digit}, harus 1 atau 2",
        "NIP {nip}: the gender digit (digit 15) is {digit}, it must be 1 or 2",
    ),
    # -- the roster, continued ------------------------------------------------------
    "D035": (
        "unit '{code}' bertingkat terlalu dalam: lebih dari {limit} tingkat unit induk",
        "unit '{code}' is nested too deep: more than {limit} levels of parent units",
    ),
    # -- reporting -------------------------------------------------------------------
    "D036": (
        "{count} masalah lain tidak ditampilkan (batas {limit})",
        "{count} more problems are not shown (limit {limit})",
    ),
    "data-label-first-here": ("pertama di sini", "first here"),
    "data-note-excel-number": (
        "Excel mengubah NIP menjadi bilangan; format kolom NIP sebagai Teks lalu simpan ulang",
        "Excel turned the NIP into a number; format the NIP column as Text and save again",
    ),
    "D040": (
        "keluaran {format} memerlukan paket '{package}' yang belum terpasang; "
        'pasang dengan: pip install "edaran[{extra}]"',
        "the {format} output needs the package '{package}', which is not installed; "
        'install it with: pip install "edaran[{extra}]"',
    ),
    "D041": (
        "NIP {nip} di kolom '{column}' tidak ada dalam daftar pegawai",
        "NIP {nip} in column '{column}' is not in the roster",
    ),
    "D042": (
        "'{column}' ({last}) lebih awal daripada tanggal mulai ({first})",
        "'{column}' ({last}) is earlier than the first day ({first})",
    ),
    # -- contact logs (butir 10.b-d) -------------------------------------------------
    "D043": (
        "'{value}' di kolom '{column}' bukan tanggal dan jam; tulis "
        "2026-04-10T09:00:00+07:00, 2026-04-10 09:00 atau 10/04/2026 09:00",
        "'{value}' in column '{column}' is not a date and time; write "
        "2026-04-10T09:00:00+07:00, 2026-04-10 09:00 or 10/04/2026 09:00",
    ),
    "D044": (
        "dijawab {answered}, lebih awal daripada dikirim {sent}",
        "answered at {answered}, before it was sent at {sent}",
    ),
    "D045": (
        "id kontak '{id}' sudah dipakai dengan nilai lain ({fields}); yang pertama dipakai",
        "contact id '{id}' is already used with other values ({fields}); the first is kept",
    ),
    "D046": (
        "id kontak '{id}' mengulang baris sebelumnya dengan nilai yang sama; ulangan diabaikan",
        "contact id '{id}' repeats an earlier row with the same values; the repeat is ignored",
    ),
    "D047": (
        "saluran '{value}' tidak dikenal; tulis panggilan atau pesan",
        "unknown channel '{value}'; write panggilan (call) or pesan (message)",
    ),
    "D048": ("baris ini bukan objek JSON: {reason}", "this line is not a JSON object: {reason}"),
    "D049": (
        "nilai '{column}' harus teks atau bilangan bulat, bukan {value}",
        "the value of '{column}' must be text or a whole number, not {value}",
    ),
    "D050": (
        "kunci wajib '{column}' tidak ada atau kosong",
        "required key '{column}' is missing or empty",
    ),
    "D051": ("kunci '{key}' tidak dikenal dan diabaikan", "unknown key '{key}' is ignored"),
    "D052": (
        "{count} baris bermasalah dilewati; {kept} kontak dibaca dari berkas ini",
        "{count} bad rows skipped; {kept} contacts read from this file",
    ),
    "data-label-sent-here": ("dikirim di sini", "sent here"),
    # -- attendance logs (presensi) ------------------------------------------------
    "D100": (
        "kolom wajib '{column}' tidak ada; kolom log presensi: {expected}",
        "required column '{column}' is missing; the columns of an attendance log: {expected}",
    ),
    "D101": (
        "jenis presensi '{value}' tidak dikenal; tulis masuk, pulang, laporan atau verifikasi",
        "unknown attendance kind '{value}'; write masuk (check_in), pulang (check_out), "
        "laporan (report) or verifikasi (verification)",
    ),
    "D102": (
        "'{value}' di kolom '{column}' bukan koordinat; tulis derajat desimal antara "
        "-{limit} dan {limit} (-2.9761)",
        "'{value}' in column '{column}' is not a coordinate; write decimal degrees between "
        "-{limit} and {limit} (-2.9761)",
    ),
    "D103": (
        "kolom '{column}' kosong, padahal koordinat yang lain diisi; isi keduanya atau "
        "kosongkan keduanya",
        "column '{column}' is empty while the other coordinate is given; give both or neither",
    ),
    "D104": (
        "baris ini bukan objek JSON dengan nilai teks atau angka",
        "this line is not a JSON object with text or number values",
    ),
    "D105": (
        "berkas bukan UTF-8 (byte tidak sah pada baris {line}); simpan ulang sebagai UTF-8",
        "file is not UTF-8 (invalid byte on line {line}); save it again as UTF-8",
    ),
    "D106": (
        "{count} baris bermasalah dilewati dalam berkas ini",
        "{count} bad rows skipped in this file",
    ),
    # -- records for quotas and reports (edaran.io.records) ------------------------
    "D053": (
        "'{value}' di kolom ke-{index} '{column}' bukan angka yang sah: {reason}",
        "'{value}' in column {index} '{column}' is not a valid number: {reason}",
    ),
    "D054": (
        "'{value}' di kolom ke-{index} '{column}' negatif; biaya dan kuantitas tidak boleh negatif",
        "'{value}' in column {index} '{column}' is negative; costs and quantities "
        "cannot be negative",
    ),
    "D055": (
        "satuan '{value}' tidak sesuai dengan kategori '{category}'; tulis {expected}",
        "unit '{value}' does not match category '{category}'; write {expected}",
    ),
    "D056": (
        "kategori '{category}' tidak mempunyai kuantitas; kosongkan kolom ke-{index} '{column}'",
        "category '{category}' has no quantity; leave column {index} '{column}' empty",
    ),
    "D057": (
        "kuantitas {value} tanpa satuan; tulis {expected} di kolom '{unit_column}'",
        "quantity {value} without a unit; write {expected} in column '{unit_column}'",
    ),
    "D058": (
        "'{value}' di kolom ke-{index} '{column}' bukan bulan; tulis 2026-04 atau "
        "tanggal 1 bulan itu (2026-04-01)",
        "'{value}' in column {index} '{column}' is not a month; write 2026-04 or "
        "the first day of the month (2026-04-01)",
    ),
    "D059": (
        "id '{id}' sudah dipakai pada baris {first}; baris ini diabaikan",
        "id '{id}' is already used on line {first}; this row is left out",
    ),
    "D060": (
        "baris untuk {key} sudah ada pada baris {first}; baris ini diabaikan",
        "a row for {key} already exists on line {first}; this row is left out",
    ),
    "D061": (
        "membaca berkas Excel memerlukan paket 'openpyxl' yang belum terpasang; "
        'pasang dengan: pip install "edaran[excel]", atau simpan lembar itu sebagai CSV UTF-8',
        "reading an Excel file needs the package 'openpyxl', which is not installed; "
        'install it with: pip install "edaran[excel]", or save the sheet as CSV UTF-8',
    ),
    "D062": (
        "kolom wajib '{column}' untuk atribut {attribute} tidak ada (dibaca oleh {rule})",
        "required column '{column}' for attribute {attribute} is missing (read by {rule})",
    ),
    "D063": (
        "baris ini tidak mempunyai NIP maupun id_pegawai; pegawai tanpa NIP (PPPK, tenaga "
        "kontrak) dikenali dari kolom id_pegawai",
        "this row has neither a NIP nor an id_pegawai; staff without a NIP (PPPK, contract "
        "staff) are identified by the column id_pegawai",
    ),
    "D064": (
        "'{id}' berstatus PNS tetapi tidak mempunyai NIP; PNS dikenali dari NIP 18 angka",
        "'{id}' has the status PNS but no NIP; a PNS is identified by an 18-digit NIP",
    ),
    "D065": (
        "id_pegawai '{nip}' sudah dipakai pada baris {first}; baris ini diabaikan",
        "id_pegawai '{nip}' is already used on line {first}; this row is left out",
    ),
    "data-note-excel-cell": ("sel {cell} pada lembar '{sheet}'", "cell {cell} on sheet '{sheet}'"),
    "data-note-excel-sheet": ("lembar '{sheet}'", "sheet '{sheet}'"),
    "data-note-row-key": (
        "baris {row} dari baris-baris '{rows}', kunci '{key}'",
        "row {row} of the '{rows}' rows, key '{key}'",
    ),
    "data-note-key": (
        "kunci '{key}' pada baris-baris '{rows}'",
        "key '{key}' of the '{rows}' rows",
    ),
    "data-note-rows": ("baris-baris '{rows}'", "the '{rows}' rows"),
    "D070": (
        "buku kerja ini tidak memiliki lembar '{sheet}'; lembarnya: {sheets}",
        "this workbook has no sheet '{sheet}'; its sheets: {sheets}",
    ),
    "data-number-char": (
        "'{char}' bukan bagian dari angka",
        "'{char}' is not part of a number",
    ),
    "data-number-no-digits": ("tidak ada angka", "it has no digits"),
    "data-number-space": ("ada spasi di dalam angka", "a space inside the number"),
    "data-number-commas": (
        "lebih dari satu koma; koma adalah pemisah desimal dan titik pemisah ribuan (1.500.000,00)",
        "more than one comma; the comma is the decimal separator and dots group "
        "thousands (1.500.000,00)",
    ),
    "data-number-dot-after-comma": (
        "ada titik sesudah koma desimal; tulis 1.234,56 atau 1234.56",
        "a dot after the decimal comma; write 1.234,56 or 1234.56",
    ),
    "data-number-after-comma": (
        "tidak ada angka sesudah koma desimal",
        "no digits after the decimal comma",
    ),
    "data-number-before-comma": (
        "tidak ada angka sebelum koma desimal",
        "no digits before the decimal comma",
    ),
    "data-number-groups": (
        "titik pemisah ribuan harus memisahkan kelompok tepat tiga angka (1.500.000)",
        "thousands dots must separate groups of exactly three digits (1.500.000)",
    ),
    "data-number-dot-alone": (
        "titik tanpa angka di salah satu sisinya",
        "a dot without digits on one side",
    ),
    "data-number-rupiah": (
        "awalan Rp hanya untuk kolom uang",
        "the Rp prefix belongs in money columns only",
    ),
    "data-number-not-finite": ("bukan bilangan terhingga", "not a finite number"),
    # -- recalls (panggilan.csv) --------------------------------------------------
    "D080": (
        "baris panggilan harus menyebut satu pegawai ('nip') atau satu unit ('unit'), "
        "tidak keduanya dan tidak kosong",
        "a recall row names one employee ('nip') or one unit ('unit'): not both, not neither",
    ),
    "D081": (
        "panggilan tanpa alasan di kolom '{column}'; alasan ditampilkan pada jadwal hari itu",
        "a recall without a reason in column '{column}'; the reason is shown on that day",
    ),
    "D082": (
        "panggilan {source} tidak diterapkan pada {date}: {why}",
        "the recall {source} is not applied on {date}: {why}",
    ),
    # -- a unit's plan (rencana.csv) -------------------------------------------------
    "D083": (
        "rencana {source}: {mode} tidak diizinkan pada {date}; aturan memutuskan {eligible} "
        "({clause}), dan rencana hanya boleh memilih itu (atau salah satu moda pilihannya) "
        "atau WFO",
        "plan {source}: {mode} is not allowed on {date}; the rules decide {eligible} "
        "({clause}), and a plan may choose only that (or one mode of a choice) or WFO",
    ),
    "D084": (
        "rencana unit {unit} pada {date}: {count} dari {headcount} pegawai {mode}, "
        "{clause} menetapkan {kind} {bound}",
        "the plan of unit {unit} on {date}: {count} of {headcount} staff on {mode}, "
        "{clause} sets {kind} {bound}",
    ),
    "D085": (
        "rencana {source}: {mode} pada {date} melampaui {clause}, paling banyak {limit} "
        "hari per {window} per pegawai",
        "plan {source}: {mode} on {date} goes over {clause}, at most {limit} days per "
        "{window} per employee",
    ),
    "D086": (
        "baris rencana harus menyebut satu pegawai ('nip') atau satu unit ('unit'), "
        "tidak keduanya dan tidak kosong",
        "a plan row names one employee ('nip') or one unit ('unit'): not both, not neither",
    ),
    "D087": (
        "rencana {source}: moda '{mode}' tidak dikenal surat edaran ini",
        "plan {source}: the circular knows no mode '{mode}'",
    ),
    "D107": (
        "rencana {source}: pegawai {nip} {mode} pada {days}, di dua blok ({windows}); "
        "{clause} memberi satu blok per pegawai",
        "plan {source}: employee {nip} on {mode} on {days}, in two blocks ({windows}); "
        "{clause} gives one block per employee",
    ),
    "D108": (
        "rencana {source}: pegawai {nip} {mode} pada {count} hari ({days}) dalam "
        "{window}; {clause} memberi satu blok {limit} hari kerja per pegawai",
        "plan {source}: employee {nip} on {mode} on {count} days ({days}) within "
        "{window}; {clause} gives one block of {limit} working days per employee",
    ),
    "D110": (
        "rencana {source}: pegawai {nip} {mode} pada {days}, tetapi bekerja dengan moda "
        "lain pada {gaps} di antaranya; {clause} memberi satu blok {limit} hari kerja "
        "berturut-turut per pegawai",
        "plan {source}: employee {nip} on {mode} on {days}, but at work in another mode "
        "on {gaps} between them; {clause} gives one block of {limit} consecutive working "
        "days per employee",
    ),
    "D109": (
        "rencana {source}: unit {unit} pada {window} {first} s.d. {last}: {count} orang "
        "berbeda {mode} ({nips}); {clause} menetapkan paling banyak {limit} orang berbeda",
        "plan {source}: unit {unit} in the {window} {first} to {last}: {count} different "
        "people on {mode} ({nips}); {clause} sets at most {limit} different people",
    ),
    "plan.at-most": ("paling banyak", "at most"),
    "plan.at-least": ("paling sedikit", "at least"),
    "recall.off": ("hari itu bukan hari kerja", "that day is not a working day"),
    "recall.leave": ("pegawai sedang cuti", "the employee is on leave"),
    "recall.nobody": (
        "tidak ada pegawai yang bertugas di unit itu pada hari itu",
        "nobody works in that unit on that day",
    ),
    "D140": (
        "buku kerja ini terurai menjadi {size} bita, melebihi batas {limit} bita; "
        "tidak dibaca (simpan lembar datanya sebagai CSV atau pecah berkasnya)",
        "this workbook unpacks to {size} bytes, over the limit of {limit} bytes; not read "
        "(save its data sheet as CSV, or split the file)",
    ),
    "D141": (
        "lembar pertama memiliki lebih dari {limit} baris (batas Excel); tidak dibaca",
        "the first sheet has more than {limit} rows (Excel's own limit); not read",
    ),
    "D143": (
        "{field} bernilai {value}, bukan salah satu dari: {members}",
        "{field} is {value}, not one of: {members}",
    ),
    "D144": (
        "pegawai harus berupa Employee (atau objek dengan nip, nama, unit dan atribut yang "
        "dibaca aturan); {kind} tidak memiliki '{name}'",
        "an employee must be an Employee (or an object with nip, nama, unit and the "
        "attributes the rules read); {kind} has no '{name}'",
    ),
    "D142": (
        "daftar pegawai {path} tidak memuat seorang pegawai pun; tidak ada yang diputuskan",
        "the roster {path} holds no employee; there is nothing to decide",
    ),
    # -- fields a rule file declares on records (issue 13, per-record rules) ------------
    "D120": (
        "NIP '{nip}' di kolom ke-{index} '{column}' tidak ada dalam daftar pegawai",
        "NIP '{nip}' in column {index} '{column}' is not in the roster",
    ),
    "D121": (
        "'{value}' di kolom ke-{index} '{column}' bukan waktu; tulis 07:30",
        "'{value}' in column {index} '{column}' is not a time of day; write 07:30",
    ),
    "D122": (
        "'{value}' di kolom ke-{index} '{column}' bukan durasi; tulis 1 jam 45 menit, "
        "105 menit atau 1:45",
        "'{value}' in column {index} '{column}' is not a duration; write 1 jam 45 menit, "
        "105 menit or 1:45",
    ),
}
