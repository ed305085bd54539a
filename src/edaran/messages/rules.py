"""Messages of rule-file diagnostics (``E``/``W`` codes) and of their renderer.

Each entry is ``(indonesian, english)``, a ``str.format`` template filled
from the diagnostic's arguments.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # -- words of the renderer ---------------------------------------------------
    "ui-error": ("galat", "error"),
    "ui-warning": ("peringatan", "warning"),
    "ui-note": ("catatan", "note"),
    "ui-help": ("saran", "help"),
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
    "E007": (
        "berkas tidak dapat dibaca atau ditulis: {path}: {reason}",
        "file cannot be read or written: {path}: {reason}",
    ),
    "E008": (
        "bilangan terlalu panjang: {digits} angka (paling banyak {limit})",
        "number too long: {digits} digits (at most {limit})",
    ),
    "E009": (
        "angka di luar ASCII '{char}' dalam {text}; tulis angka 0-9",
        "non-ASCII digit '{char}' in {text}; write the digits 0-9",
    ),
    "E010": (
        "periode evaluasi {months} bulan di luar batas: paling sedikit 1, paling banyak {limit}",
        "an evaluation period of {months} months is out of range: at least 1, at most {limit}",
    ),
    "E012": (
        "berkas induk '{path}' bukan berkas aturan .edaran; berkas itu tidak dibaca",
        "the parent '{path}' is not an .edaran rule file; it is not read",
    ),
    "E013": (
        "berkas induk '{path}' berada di luar folder yang diizinkan ({root})",
        "the parent '{path}' lies outside the allowed folder ({root})",
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
    "E170": (
        "{name} diberi nilai dua kali untuk tanggal {date}",
        "{name} is given two values from the same date {date}",
    ),
    "E171": (
        "'{path}' bukan berkas tabel: baris tabel hanya dibaca dari berkas .csv, .xlsx atau .xlsm",
        "'{path}' is not a table file: rows are read only from .csv, .xlsx or .xlsm files",
    ),
    "E172": (
        "berkas tabel '{path}' berada di luar folder {root} (--root); tidak dibaca",
        "the table file '{path}' lies outside the folder {root} (--root); not read",
    ),
    "E173": (
        "berkas tabel '{path}' tidak dapat dibaca: {reason}",
        "the table file '{path}' cannot be read: {reason}",
    ),
    "E174": (
        "'{value}' di kolom ke-{index} '{column}' bukan nilai yang dapat ditulis dalam berkas "
        "aturan (misalnya 3, 12.5, 50%, Rp 150.000, 2027-05-01, WFH)",
        "'{value}' in column {index} '{column}' is not a value a rule file can write "
        "(such as 3, 12.5, 50%, Rp 150.000, 2027-05-01, WFH)",
    ),
    "E175": (
        "baris dari berkas '{path}' belum dibaca: periksa dengan edaran.check atau "
        "Circular.load, bukan edaran.lang.check",
        "the rows of '{path}' are not read: check with edaran.check or Circular.load, "
        "not edaran.lang.check",
    ),
    "W165": (
        "NIP {nip} yang disebut berkas aturan tidak ada dalam daftar pegawai",
        "NIP {nip} named in the rule file is not in the roster",
    ),
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
    "E113": (
        "nilai ini harus dapat dihitung saat pemeriksaan (literal, nama yang dideklarasikan "
        "atau hitungan atas keduanya), bukan fakta pegawai atau hari",
        "this value must be computable when checking (a literal, a declared name or "
        "arithmetic on them), not a fact about an employee or a day",
    ),
    "E114": (
        "{ref} ditulis di kepala aturan tanpa 'pengecualian atas' di depannya",
        "{ref} is written in the rule's head without 'exception to' before it",
    ),
    "E115": (
        "evaluasi dihitung dalam bulan atau tahun, bukan '{unit}'",
        "evaluation periods are counted in months or years, not '{unit}'",
    ),
    "E116": (
        "hitungan tetap ini tidak dapat dikerjakan: {reason}",
        "this constant cannot be computed: {reason}",
    ),
    "E117": ("'{word}' bukan {what} yang dikenal", "'{word}' is not a known {what}"),
    "E118": (
        "batas per unit hanya dapat membaca fakta unit dan hari, bukan '{name}'",
        "a limit on a unit can read unit and day facts only, not '{name}'",
    ),
    "E119": (
        "batas ditulis sebagai persentase atau bilangan (hari, bagi batas per pegawai), "
        "bukan {type}",
        "a limit is a percentage or a number (of days, for a limit per employee), not {type}",
    ),
    "E120": (
        "batas {value} di luar rentang 0%-100%",
        "limit {value} is outside 0%-100%",
    ),
    "E121": (
        "unit '{code}' di tabel {table} tidak ada dalam daftar pegawai",
        "unit '{code}' in table {table} is not in the roster",
    ),
    "E122": (
        "'{name}' adalah fakta kontak: hanya dapat dibaca di dalam 'pelanggaran'",
        "'{name}' is a fact of a contact: it can be read inside a 'breach' only",
    ),
    "E123": (
        "jam kewajiban berakhir ({end}) tidak setelah mulainya ({start})",
        "the duty's hours end ({end}) no later than they start ({start})",
    ),
    "E124": (
        "ada 'pelanggaran' tetapi tidak ada 'kewajiban' yang menyatakan kapan kontak dihitung",
        "there are breaches but no 'duty' says when contacts count",
    ),
    "E125": (
        "sanksi hanya dapat menghitung sanksi yang ditulis sebelumnya: {ref}",
        "a sanction can count only sanctions written before it: {ref}",
    ),
    "E126": (
        "jawaban ({answered}) lebih awal daripada kontaknya ({sent})",
        "the answer ({answered}) is earlier than its contact ({sent})",
    ),
    # -- attendance duties and sanctions over windows (issue 13) -------------------
    "E615": (
        "jenis presensi '{word}' tidak dikenal; tulis masuk, pulang, laporan atau verifikasi",
        "unknown attendance kind '{word}'; write check_in, check_out, report or verification",
    ),
    "E616": (
        "{name} harus bilangan desimal (derajat), bukan {type}",
        "{name} must be a decimal number (degrees), not {type}",
    ),
    "E617": (
        "radius {amount} {unit} tidak sah; tulis angka lebih dari 0 dengan satuan m atau km",
        "radius {amount} {unit} is not valid; write a number above 0 in m or km",
    ),
    "E618": (
        "'diverifikasi atasan' pada kewajiban presensi verifikasi: verifikasi itu sendiri "
        "tindakan atasan",
        "'verified by superior' on a verification duty: the verification is the superior's act",
    ),
    "E619": (
        "kewajiban memuat baris yang tidak sejenis: 'presensi', 'jika', 'dalam radius' dan "
        "'diverifikasi atasan' hanya untuk kewajiban presensi, 'pukul ... sampai ...' dan "
        "'daftar_periksa' hanya untuk kewajiban kontak dan daftar periksa",
        "the duty mixes lines of different kinds: 'attendance', 'if', 'within radius' and "
        "'verified by superior' belong to attendance duties, 'hours ... until ...' and "
        "'checklist' to contact and checklist duties",
    ),
    "E620": (
        "jendela '{amount} {unit}' tidak sah; tulis bilangan bulat lebih dari 0 dengan satuan "
        "menit, jam atau hari",
        "window '{amount} {unit}' is not valid; write a whole number above 0 in minutes, "
        "hours or days (menit, jam, hari)",
    ),
    "E622": (
        "lokasi {lat}, {lon} bukan koordinat: lintang antara -90 dan 90, bujur antara -180 dan 180",
        "location {lat}, {lon} is not a coordinate: latitude from -90 to 90, longitude from "
        "-180 to 180",
    ),
    "W615": (
        "{count} pegawai tanpa alamat terdaftar (koordinat kosong di daftar pegawai): radius "
        "presensi mereka tidak diperiksa",
        "{count} people have no registered address (empty coordinates in the roster): the "
        "radius of their attendance is not checked",
    ),
    "E621": (
        "potongan tunjangan dihitung per hari, bukan per '{word}'",
        "an allowance cut is per day, not per '{word}'",
    ),
    "E127": (
        "jumlah_pegawai harus bilangan bulat dari 1 sampai {limit}, bukan {value}",
        "staff_count must be a whole number from 1 to {limit}, not {value}",
    ),
    "E128": (
        "'{name}' tidak dapat diharapkan di sini: contoh dengan jumlah_pegawai mengharapkan "
        "'jumlah.MODA', dan 'jumlah.MODA' memerlukan jumlah_pegawai",
        "'{name}' cannot be expected here: an example with staff_count expects "
        "'count.MODE', and 'count.MODE' needs staff_count",
    ),
    "E129": (
        "batas per unit dihitung per hari, bukan per '{window}'; batas per minggu atau periode "
        "ditulis per pegawai",
        "a limit on a unit counts per day, not per '{window}'; weekly or period limits are "
        "written per employee",
    ),
    "E130": (
        "batas per pegawai atas {mode} tidak dapat ditulis 'paling banyak': yang ditahan oleh "
        "batas ditempatkan di WFO, yang ikut dihitungnya",
        "a per-employee cap on {mode} cannot be written 'at most': whoever a limit keeps back "
        "is placed in WFO, which it counts",
    ),
    "E131": (
        "contoh dengan kontak mengharapkan jumlah pelanggaran atau sanksi saja, bukan '{name}'; "
        "tulis harapan itu di contoh tersendiri",
        "an example with contacts expects counts of breaches or sanctions only, not '{name}'; "
        "write that expectation in an example of its own",
    ),
    "E185": (
        "{mode} adalah keadaan hari, bukan moda kerja; batas hanya menghitung moda kerja "
        "(WFO, WFH, WFA dan moda yang dideklarasikan)",
        "{mode} is a day status, not a work mode; a limit counts work modes only (WFO, WFH, "
        "WFA and declared modes)",
    ),
    "E186": (
        "'sesudahnya {word}' hanya berarti di SE yang mengubah SE lain (mengubah \"...\")",
        "'afterwards {word}' means something only in a circular that amends another "
        '(amends "...")',
    ),
    "E187": (
        "'sesudahnya' memerlukan tanggal berakhir: tulis 'berlaku TANGGAL sampai TANGGAL'",
        "'afterwards' needs an end date: write 'effective DATE until DATE'",
    ),
    "E188": (
        "sesudah SE berakhir berlaku '{word}'? yang dikenal: induk (SE yang diubah), "
        "TIDAK_BERLAKU, atau satu moda kerja",
        "what follows the circular, '{word}'? known: induk (the amended circular), "
        "TIDAK_BERLAKU, or one work mode",
    ),
    # -- mode sets and limits that cannot hold together (issue 12) ---------------
    "E180": (
        "{mode} disebut dua kali dalam himpunan moda",
        "{mode} is named twice in the set of modes",
    ),
    "E181": (
        "himpunan moda batas ini kosong; sebut paling sedikit satu moda",
        "this limit's set of modes is empty; name at least one mode",
    ),
    "E182": (
        "batas atas {modes} menghitung setiap moda: semua pegawai yang hadir terhitung apa pun "
        "jadwalnya, sehingga tidak ada penempatan yang dapat memenuhi atau mengubahnya",
        "a limit on {modes} counts every mode: everyone present is counted whatever the "
        "schedule, so no assignment can meet or change it",
    ),
    "E183": (
        "batas 'paling sedikit' per pegawai atas {modes} dipenuhi dengan menempatkan pegawai di "
        "WFO, jadi harus menghitung WFO; tulis batas 'paling banyak' atas moda lainnya",
        "a per-employee floor on {modes} is met by keeping the person at the office (WFO), so "
        "it must count WFO; write an 'at most' limit on the other modes instead",
    ),
    "E184": (
        "{first} dan {second} tidak dapat terpenuhi bersamaan: di unit dengan {headcount} "
        "pegawai hadir, {first} meminta {first_modes} {first_kind} {first_count} dan {second} "
        "meminta {second_modes} {second_kind} {second_count}",
        "{first} and {second} cannot both hold: in a unit with {headcount} staff present, "
        "{first} asks for {first_modes} {first_kind} {first_count} and {second} for "
        "{second_modes} {second_kind} {second_count}",
    ),
    "E140": (
        "surat edaran saling memperluas dalam lingkaran: {chain}",
        "circulars extend each other in a circle: {chain}",
    ),
    "E141": (
        "tidak boleh {action} {ref}: aturan itu mengikat dalam SE {parent}",
        "may not {action} {ref}: it is binding in circular {parent}",
    ),
    "E142": (
        "{first} menjadi pengecualian atas {second} dengan nilai lain, padahal {second} mengikat "
        "dalam SE {parent}",
        "{first} is an exception to {second} with another value, but {second} is binding in "
        "circular {parent}",
    ),
    "E144": (
        "'hapus' hanya berarti di berkas yang memperluas surat edaran lain",
        "'remove' means something only in a file that extends another circular",
    ),
    "E145": (
        "surat edaran yang diperluas tidak dapat dibaca: {path}",
        "the circular this file extends cannot be read: {path}",
    ),
    "E146": (
        "berkas ini memperluas dan mengubah sekaligus; pilih salah satu",
        "this file both extends and amends; choose one",
    ),
    "E147": (
        "perubahan berlaku {date}, di luar masa berlaku SE {parent} ({window}); perubahan "
        "harus mulai sesudah SE yang diubah mulai berlaku dan sebelum ia berakhir",
        "the amendment takes effect on {date}, outside the force of circular {parent} "
        "({window}); an amendment must start after the circular it amends and before it ends",
    ),
    "W148": (
        "evaluasi SE {number} jatuh tempo {due} (setiap {months} bulan sejak {start}) dan sudah "
        "lewat pada {today}, tetapi belum ada versi yang lebih baru",
        "circular {number} was due for evaluation on {due} (every {months} months from {start}) "
        "and that date has passed on {today}, but there is no newer version",
    ),
    "W149": (
        "tahun {year} berada dalam masa berlaku, tetapi data hari libur (holidays {version}) "
        "tidak memuat cuti bersama untuk tahun itu; perbarui paket holidays agar keputusan "
        "pada hari cuti bersama tidak berubah diam-diam",
        "the year {year} is in force, but the holiday data (holidays {version}) has no "
        "collective leave (cuti bersama) for it; update the holidays package so that "
        "decisions on those days do not change silently",
    ),
    # -- dates as circulars write them (Hijri, relative to a holiday, isbat) ----------
    "E190": (
        "bulan Hijriah tidak dikenal '{name}'; bulan yang dikenal: {months}",
        "unknown Hijri month '{name}'; the months known: {months}",
    ),
    "E191": (
        "tanggal Hijriah tidak ada: {text} ({month} {year} H berumur {length} hari "
        "menurut Umm al-Qura)",
        "no such Hijri date: {text} ({month} {year} H has {length} days by Umm al-Qura)",
    ),
    "E192": (
        "tahun Hijriah {year} di luar tabel Umm al-Qura ({first}-{last} H)",
        "the Hijri year {year} is outside the Umm al-Qura table ({first}-{last} H)",
    ),
    "E193": (
        "hari libur '{name}' tidak ada dalam data hari libur tahun {year}; tulis tanggalnya, "
        "atau nyatakan 'hari_libur TANGGAL \"{name}\"'",
        "the holiday '{name}' is not in the holiday data for {year}; write its date, "
        "or declare 'holiday DATE \"{name}\"'",
    ),
    "E194": (
        "{text}: hitungan hari mulai dari 1 (ke-1 adalah hari pertama)",
        "{text}: days count from 1 (1 is the first day)",
    ),
    "E195": (
        "isbat {hijri} pada {date} berjarak lebih dari {reach} hari dari Umm al-Qura ({umm}); "
        "periksa tanggalnya",
        "the sighting of {hijri} on {date} is more than {reach} days from Umm al-Qura ({umm}); "
        "check the date",
    ),
    "E196": (
        "bulan {month} sudah ditetapkan isbat dengan tanggal lain",
        "the month {month} already has a sighting with another date",
    ),
    "E197": (
        "{text}: tidak ada hari kerja dalam setahun (pekan kerja dan hari libur tidak "
        "menyisakan hari kerja)",
        "{text}: no working day within a year (the working week and the closures leave none)",
    ),
    "W190": (
        "{text} jatuh pada {date} menurut Umm al-Qura, tetapi data hari libur menaruh "
        "'{holiday}' pada {data_date}; sidang isbat pemerintah dapat berbeda sehari",
        "{text} falls on {date} by Umm al-Qura, but the holiday data puts '{holiday}' on "
        "{data_date}; the government's isbat may differ by a day",
    ),
    "E150": (
        "'{name}' hanya dapat dibaca dalam {where}",
        "'{name}' can be read only in {where}",
    ),
    "E151": (
        "'{name}' tidak dapat dibaca di blok ini; blok ini membaca {allowed}",
        "'{name}' cannot be read in this block; it reads {allowed}",
    ),
    "E152": (
        "'{name}' bukan jenis catatan yang dapat dihitung: perjalanan, kendaraan atau rapat",
        "'{name}' is not a kind of record that can be counted: perjalanan, kendaraan or rapat",
    ),
    "E153": (
        "'{name}' tidak dapat dijumlahkan: bertipe {type}, bukan bilangan, uang atau kuantitas",
        "'{name}' cannot be summed: it is {type}, not a number, money or a quantity",
    ),
    "E154": (
        "bagian harus berupa persen (mis. 30%), bukan nilai bertipe {type}",
        "a share must be a percentage (such as 30%), not a value of type {type}",
    ),
    "E155": (
        "jatah atau dasar untuk '{measure}' harus bertipe {want}, bukan {got}",
        "an allowance or baseline for '{measure}' must be of type {want}, not {got}",
    ),
    "E156": (
        "perkiraan {category} ditulis dalam {want}, bukan {got}",
        "an estimate of {category} is in {want}, not {got}",
    ),
    "E157": (
        "perkiraan {category} dalam {type} ditulis dua kali",
        "the estimate of {category} in {type} is written twice",
    ),
    "E158": (
        "kuota dan sasaran dihitung per unit atau per perangkat_daerah, bukan per {scope}",
        "quotas and targets count per unit or per perangkat_daerah, not per {scope}",
    ),
    "E159": (
        "surat edaran hanya punya satu blok laporan",
        "a circular has one report block only",
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
    "E210": (
        "jam kerja tersusun dari waktu: {part} bertipe {type}",
        "working hours are made of times of day: the {part} is of type {type}",
    ),
    "E211": (
        "keluaran saling membaca dalam lingkaran: {cycle} (aturan {rules})",
        "outputs read each other in a circle: {cycle} (rules {rules})",
    ),
    "E212": (
        "hanya moda_kerja yang dapat dipilih dari beberapa moda ('dipilih dari {{WFO, WFH}}'); "
        "keluaran ini bertipe {type}",
        "only the work mode (moda_kerja) can be chosen from several modes "
        "('chosen from {{WFO, WFH}}'); this output is of type {type}",
    ),
    "E213": (
        "'dipilih dari' memerlukan himpunan moda kerja, seperti {{WFO, WFH, WFA}}, "
        "bukan nilai bertipe {type}",
        "'chosen from' needs a set of work modes, such as {{WFO, WFH, WFA}}, "
        "not a value of type {type}",
    ),
    "E215": (
        "'satu blok' dihitung per pegawai, bukan per {scope}: tulis 'satu blok per pegawai'",
        "'one block' is counted per employee, not per {scope}: write 'one block per pegawai'",
    ),
    "E216": (
        "jendela blok ditulis dengan tanggal (seperti 2027-03-08 atau 1 Syawal 1448 H), "
        "bukan nilai bertipe {type}",
        "a block's window is written with dates (such as 2027-03-08 or 1 Syawal 1448 H), "
        "not a value of type {type}",
    ),
    "E217": (
        "jendela blok berakhir {last}, sebelum awalnya {first}",
        "the block's window ends on {last}, before its start {first}",
    ),
    "E218": (
        "baris 'atau' melanjutkan baris 'satu blok' di atasnya: tulis dulu "
        "'WFA satu blok per pegawai, TANGGAL sampai TANGGAL'",
        "an 'atau' (or) line continues the 'one block' line above it: write "
        "'WFA one block per pegawai, DATE until DATE' first",
    ),
    "E219": (
        "jendela blok {second} beririsan dengan {first}: seorang pegawai mengambil satu blok, "
        "jadi jendelanya tidak boleh berbagi hari",
        "the block window {second} overlaps {first}: a person takes one block, "
        "so the windows may not share a day",
    ),
    "E220": (
        "'diutamakan' mengurutkan pegawai menurut benar/salah atau bilangan, "
        "bukan nilai bertipe {type}",
        "'priority' orders people by a yes/no or a number, not a value of type {type}",
    ),
    "E221": (
        "'diutamakan' mengurutkan pegawai yang berebut tempat dalam batas unit; batas per "
        "pegawai {clause} tidak memerlukan urutan",
        "'priority' orders the people competing for the places of a unit's limit; the "
        "per-employee limit {clause} has no order to set",
    ),
    "E222": (
        "'orang berbeda' menghitung pegawai sebuah unit atau perangkat daerah; satu pegawai "
        "tidak dapat berbeda dari dirinya sendiri: tulis 'per unit' atau 'per perangkat_daerah'",
        "'different people' counts the staff of a unit or agency; one employee is not "
        "different people: write 'per unit' or 'per perangkat_daerah'",
    ),
    "E223": (
        "'{order}' membalik urutan bilangan; benar/salah selalu mendahulukan yang benar: "
        "untuk mendahulukan yang salah tulis 'tidak ...'",
        "'{order}' turns round the order of a number; a yes/no always puts true first: "
        "to put false first write 'not ...'",
    ),
    "E224": (
        "blok {days} hari kerja tidak muat dalam jendela {window}, yang hanya punya "
        "{working} hari kerja",
        "a block of {days} working days does not fit in the window {window}, which has "
        "only {working} working days",
    ),
    "E226": (
        "jendela blok {window} meliputi {days} hari; sebuah jendela blok paling lama {limit} hari",
        "the block window {window} spans {days} days; a block window spans at most {limit} days",
    ),
    "E225": (
        "satu blok paling sedikit 1 hari kerja, bukan {days}",
        "a block is at least 1 working day, not {days}",
    ),
    "E214": (
        "pilihan memerlukan paling sedikit dua moda; untuk satu moda tulis "
        "'moda_kerja adalah {mode}'",
        "a choice needs at least two modes; for one mode write 'work_mode is {mode}'",
    ),
    "hours-start": ("awal", "start"),
    "hours-end": ("akhir", "end"),
    "hours-break": ("istirahat", "break"),
    "eval-hours-end-before-start": (
        "jam kerja {start} sampai {end} tidak berakhir setelah mulai",
        "working hours {start} until {end} do not end after they start",
    ),
    "eval-hours-break-outside": (
        "istirahat {start} sampai {end} tidak berada di dalam jam kerja {hours} "
        "(atau tumpang tindih dengan istirahat sebelumnya)",
        "the break {start} until {end} is not inside the working hours {hours} "
        "(or overlaps the break before it)",
    ),
    "E207": (
        "'{name}' adalah status yang diputuskan kalender dan masa berlaku SE, "
        "bukan moda yang ditetapkan aturan",
        "'{name}' is a status the calendar and the circular's dates decide, not a mode a rule sets",
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
    "W307": (
        "{count} pasang aturan tidak dapat diperiksa konfliknya secara statis (ranah tak hingga "
        "atau hitungan atas fakta); konflik di antaranya tetap dilaporkan saat dijalankan",
        "the static conflict check could not decide {count} pair(s) of rules (an unbounded "
        "domain or arithmetic on facts); a conflict between them is still reported at run time",
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
    "W401": (
        "{clause}: {mode} paling sedikit {required} di {unit} pada {date}, tetapi hanya "
        "{headcount} pegawai hadir; semua yang hadir ditetapkan {mode}",
        "{clause}: at least {required} {mode} in {unit} on {date}, but only {headcount} "
        "staff are present; all of them are set to {mode}",
    ),
    "W180": (
        "{clause}: {modes} {kind} {limit} tidak terpenuhi di {unit} pada {date} ({count} dari "
        "{headcount} pegawai hadir) karena bertentangan dengan {other}: {other_modes} "
        "{other_kind} {other_limit}; keduanya tidak dapat berlaku bersamaan",
        "{clause}: {modes} {kind} {limit} does not hold in {unit} on {date} ({count} of "
        "{headcount} staff present) because it conflicts with {other}: {other_modes} "
        "{other_kind} {other_limit}; they cannot both hold",
    ),
    "W181": (
        "{clause}: {modes} {kind} {limit} tidak terpenuhi di {unit} pada {date}: {count} dari "
        "{headcount} pegawai hadir di {modes}, dan aturan tidak mengizinkan pegawai lain "
        "dipindahkan",
        "{clause}: {modes} {kind} {limit} does not hold in {unit} on {date}: {count} of "
        "{headcount} staff present are in {modes}, and the rules let nobody else be moved",
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
    # -- authoring tools (edaran fmt, edaran lsp) ---------------------------------
    "E700": (
        "berkas belum berformat baku: edaran fmt mengubah baris ini{more}",
        "the file is not in the canonical layout: edaran fmt changes this line{more}",
    ),
    # -- the SQL engine (edaran sql, --engine duckdb|spark) -----------------------
    "E800": (
        "mesin SQL belum mengenal bentuk '{construct}'",
        "the SQL engine does not know the construct '{construct}' yet",
    ),
    "E801": (
        "nilai {construct} tidak mempunyai bentuk SQL di sini",
        "the value {construct} has no SQL form here",
    ),
    "E802": (
        "fakta '{construct}' tidak ada di tabel fakta SQL",
        "the fact '{construct}' is not in the SQL fact tables",
    ),
    "E803": (
        "operasi '{construct}' belum ada di mesin SQL",
        "the operation '{construct}' is not in the SQL engine yet",
    ),
    "E804": (
        "nilai {construct} tidak diurutkan dalam SQL: bulan bukan sejumlah hari",
        "values of type {construct} are not ordered in SQL: a month is not a number of days",
    ),
    "E805": (
        "uji keanggotaan '{construct}' dalam SQL hanya terhadap himpunan tetap",
        "the membership test '{construct}' works in SQL only against a fixed set",
    ),
    "E806": (
        "unit '{construct}' tidak dapat dibaca dari tabel fakta SQL",
        "the unit '{construct}' cannot be read from the SQL fact tables",
    ),
    "E807": (
        "tabel '{construct}' dalam SQL hanya dicari per unit pegawai, dengan nilai tunggal",
        "the table '{construct}' is looked up in SQL only by the employee's unit, for plain values",
    ),
    "E808": (
        "hitungan '{construct}' dibulatkan atau dapat gagal; mesin SQL tidak menirunya",
        "the arithmetic '{construct}' rounds or may fail; the SQL engine does not reproduce it",
    ),
    "E809": (
        "langkah tanggal '{construct}' (bulan atau jam) tidak dihitung dalam SQL",
        "the date step '{construct}' (months or hours) is not computed in SQL",
    ),
    "E810": (
        "SE ini mengubah {construct}: hari sebelum perubahan diputuskan versi lama, "
        "sedangkan mesin SQL memutuskan satu versi",
        "this circular amends {construct}: days before the amendment are decided by the old "
        "version, and the SQL engine decides one version",
    ),
    "E811": (
        'mesin {engine} memerlukan paket tambahan: pip install "edaran[{extra}]"',
        'the {engine} engine needs an extra package: pip install "edaran[{extra}]"',
    ),
    "E504": (
        "nilai di luar jangkauan dalam {rule}: {reason}",
        "value out of range in {rule}: {reason}",
    ),
    "eval-month-clamp": (
        "{date} + {months} bulan jatuh pada tanggal yang tidak ada (tidak digeser diam-diam)",
        "{date} + {months} month(s) lands on no such day (it is not moved silently)",
    ),
    "eval-division-by-zero": ("pembagian dengan nol", "division by zero"),
    "eval-date-out-of-range": (
        "{date} + {duration} jatuh di luar kalender (tahun 1 sampai 9999)",
        "{date} + {duration} falls outside the calendar (years 1 to 9999)",
    ),
    "eval-duration-too-large": (
        "durasi lebih dari {limit} tahun",
        "a duration of more than {limit} years",
    ),
    "eval-number-too-large": (
        "bilangan terlalu besar (lebih dari 10^30)",
        "number too large (more than 10^30)",
    ),
    "eval-duration-mixed": (
        "{left} dan {right} tidak dapat dibandingkan: bulan bukan sejumlah hari",
        "{left} and {right} cannot be compared: a month is not a number of days",
    ),
    "eval-fraction-of-month": (
        "bulan dan tahun harus bulat ({amount})",
        "months and years must be whole ({amount})",
    ),
    "eval-date-plus-time": (
        "tanggal hanya dapat ditambah hari, minggu, bulan atau tahun, bukan {duration}",
        "a date can only be moved by days, weeks, months or years, not {duration}",
    ),
    "eval-time-past-midnight": (
        "{time} + {duration} melewati tengah malam: jam kerja tidak melintasi pergantian hari",
        "{time} + {duration} passes midnight: working hours do not cross into another day",
    ),
    "eval-time-plus-months": (
        "waktu hanya dapat digeser detik, menit atau jam, bukan {duration}",
        "a time of day can only be moved by seconds, minutes or hours, not {duration}",
    ),
    # -- declared attributes and scope ----------------------------------------
    "E160": (
        "atribut hanya dapat dideklarasikan untuk pegawai, unit, perjalanan, kendaraan "
        "atau rapat, bukan '{owner}'",
        "attributes can be declared only for pegawai (employee), unit, perjalanan (trip), "
        "kendaraan (vehicle) or rapat (meeting), not '{owner}'",
    ),
    "E161": (
        "{owner} sudah mempunyai isian '{name}'; pilih nama lain untuk atribut ini",
        "{owner} already has a field '{name}'; choose another name for this attribute",
    ),
    "E162": (
        "atribut '{name}' tidak dapat bertipe '{type}'; tipe atribut: enumerasi {{...}}, {allowed}",
        "attribute '{name}' cannot be of type '{type}'; attribute types: enumerasi {{...}}, "
        "{allowed}",
    ),
    "E163": (
        "anggota '{member}' ditulis dua kali dalam enumerasi atribut '{name}'",
        "member '{member}' is written twice in the enumeration of attribute '{name}'",
    ),
    "E164": (
        "kolom '{column}' untuk atribut {owner}.{name} sudah dipakai oleh kolom lain di roster",
        "column '{column}' for attribute {owner}.{name} is already used by another roster column",
    ),
    "E165": (
        "variasi tidak dapat mengubah tipe atribut {owner}.{name} yang diwarisi "
        "(di induk: {parent}); variasi hanya dapat menambah anggota enumerasi",
        "a variant cannot change the type of the inherited attribute {owner}.{name} "
        "(in the parent: {parent}); a variant can only add members to an enumeration",
    ),
    "E166": (
        "cakupan (mencakup) hanya dapat membaca pegawai dan unit, bukan '{name}'",
        "the scope (covers) can read only pegawai and unit, not '{name}'",
    ),
    "E167": (
        "'{name}' tidak dapat menjadi nama atribut {owner}: tulis huruf, angka dan garis "
        "bawah, diawali huruf (bukan angka, simbol, atau kata yang dicadangkan Python)",
        "'{name}' cannot name an attribute of {owner}: write letters, digits and "
        "underscores, starting with a letter (no digit, symbol or word Python reserves)",
    ),
    # -- per-record rules (ketentuan) -------------------------------------------
    "E230": (
        "'{kind}' bukan jenis catatan; ketentuan berlaku untuk perjalanan, kendaraan atau rapat",
        "'{kind}' is not a kind of record; a provision applies to perjalanan (trip), "
        "kendaraan (vehicle) or rapat (meeting)",
    ),
    "E231": (
        "'{name}' membaca pelaksana {kind}, tetapi {kind} tidak mempunyai isian bertipe "
        "pegawai; deklarasikan: atribut {kind} pelaksana: pegawai",
        "'{name}' reads the person of a {kind} record, but {kind} has no field of type "
        "pegawai (employee); declare one: atribut {kind} pelaksana: pegawai",
    ),
    "E232": (
        "atribut {owner}.{name} tidak dapat bertipe pegawai: hanya perjalanan, kendaraan atau "
        "rapat yang dapat menyebut seorang pegawai, satu isian untuk tiap jenis catatan",
        "attribute {owner}.{name} cannot be of type pegawai (employee): only perjalanan, "
        "kendaraan or rapat can name a person, with one such field per kind of record",
    ),
    "W230": (
        "syarat ini tidak membaca {kind} sama sekali: hasilnya sama untuk setiap catatan",
        "this requirement reads nothing of the {kind} record: it is the same for every record",
    ),
    # -- secondary labels and notes -------------------------------------------
    "label-first": ("aturan pertama", "first rule"),
    "label-second": ("aturan kedua", "second rule"),
    "label-declared-here": ("dideklarasikan di sini", "declared here"),
    "label-binding": ("aturan mengikat", "the binding rule"),
    "label-other-limit": ("batas yang bertentangan", "the conflicting limit"),
    "label-block-window": ("jendela ini", "this window"),
    "label-amended": ("masa berlaku SE yang diubah", "the force of the amended circular"),
    "label-in-cycle": ("bagian dari lingkaran", "part of the cycle"),
    "label-inherited": ("diwarisi dari sini", "inherited from here"),
    "note-declare-attribute": (
        "fakta yang tidak ada di roster bawaan dapat dideklarasikan, misalnya "
        "'atribut {owner} {field}: teks, kolom \"{field}\"'",
        "a fact the built-in roster lacks can be declared, for instance "
        "'atribut {owner} {field}: teks, kolom \"{field}\"'",
    ),
    "note-witness": (
        "keduanya berlaku misalnya ketika {witness}",
        "both apply for instance when {witness}",
    ),
    "note-settle": (
        "nyatakan salah satunya sebagai pengecualian atas yang lain, misalnya "
        "'{first}, pengecualian atas {second}'",
        "declare one an exception to the other, for instance '{first}, exception to {second}'",
    ),
    "note-isbat-line": (
        "bila pemerintah menetapkan tanggal itu, tulis 'isbat 1 {month} {year} H adalah {date}'",
        "if the government set that date, write 'sighting 1 {month} {year} H is {date}'",
    ),
    "note-subject": ("pada pegawai {nip}, tanggal {date}", "for employee {nip}, on {date}"),
    "note-amend": (
        "tuliskan hasil evaluasi sebagai perubahan: berkas baru di folder ini dengan "
        "'mengubah \"{file}\"' dan tanggal berlakunya; atau tetapkan 'berlaku ... sampai ...'",
        "write the evaluation's outcome as an amendment: a new file in this folder with "
        "'amends \"{file}\"' and its date in force; or give the circular an end date",
    ),
    "kw-circular": ("surat_edaran", "circular"),
    "kw-subject": ("tentang", "subject"),
    "kw-issuer": ("penerbit", "issuer"),
    "kw-basis": ("dasar", "basis"),
    "kw-signed": ("ditetapkan", "signed"),
    "kw-effective": ("berlaku", "effective"),
    "kw-evaluation": ("evaluasi", "evaluation"),
    "kw-timezone": ("zona_waktu", "time_zone"),
    "kw-afterwards": ("sesudahnya", "afterwards"),
    "kw-extends": ("memperluas", "extends"),
    "kw-amends": ("mengubah", "amends"),
    "kw-covers": ("mencakup", "covers"),
    "op-eq": ("adalah", "is"),
    "op-ne": ("bukan", "is not"),
    "op-in": ("termasuk", "in"),
    "op-not_in": ("tidak termasuk", "not in"),
    "op-between": ("antara", "between"),
    "os-ENOENT": ("tidak ada berkas atau folder seperti itu", "no such file or directory"),
    "os-EACCES": ("izin ditolak", "permission denied"),
    "os-EISDIR": ("itu sebuah folder, bukan berkas", "it is a directory, not a file"),
    "os-ENOTDIR": ("bagian jalurnya bukan folder", "a part of the path is not a directory"),
    "os-ENOSPC": ("ruang disk habis", "no space left on the disk"),
    "os-other": ("{text}", "{text}"),
    "note-truncated": (
        "{count} masalah lain tidak ditampilkan; perbaiki yang di atas dulu",
        "{count} more problems are not shown; fix the ones above first",
    ),
    "did-you-mean": ("mungkin maksud Anda {names}?", "did you mean {names}?"),
    "summary-counts": (
        "{errors} galat, {warnings} peringatan",
        "{errors} {errors:?error|errors}, {warnings} {warnings:?warning|warnings}",
    ),
}
