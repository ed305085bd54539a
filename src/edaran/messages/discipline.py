"""Words of the discipline package's outputs, in Indonesian and English.

Keys are ``<namespace>.<name>``; each entry is ``(indonesian, english)``,
a ``str.format`` template.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # -- discipline/writers.py --
    # -- columns of the CSV files (JSON keys stay English) -------------------
    "discipline.col-id": ("id", "id"),
    "discipline.col-nip": ("nip", "nip"),
    "discipline.col-name": ("nama", "name"),
    "discipline.col-unit": ("unit", "unit"),
    "discipline.col-date": ("tanggal", "date"),
    "discipline.col-time": ("pukul", "time"),
    "discipline.col-clause": ("klausul", "clause"),
    "discipline.col-breach": ("pelanggaran", "breach"),
    "discipline.col-sanction": ("sanksi", "sanction"),
    "discipline.col-title": ("judul", "title"),
    "discipline.col-contact": ("kontak", "contact"),
    "discipline.col-contacts": ("kontak", "contacts"),
    "discipline.col-sanctions": ("sanksi_lanjutan", "sanctions"),
    "discipline.col-window": ("jendela", "window"),
    "discipline.col-behind": ("dasar", "behind"),
    "discipline.col-reason": ("alasan", "reason"),
    "discipline.col-cut": ("potongan", "cut"),
    # -- reasons ----------------------------------------------------------------
    "discipline.panggilan": ("panggilan", "call"),
    "discipline.pesan": ("pesan", "message"),
    "discipline.contact": ("kontak", "contact"),
    "discipline.attendance-missing": (
        "tidak ada presensi {date}",
        "no attendance record {date}",
    ),
    "discipline.attendance-late": (
        "presensi {event} terlambat, {when}",
        "record {event} late, {when}",
    ),
    "discipline.attendance-outside-window": (
        "presensi {event} di luar jam, {when}",
        "record {event} outside the window, {when}",
    ),
    "discipline.attendance-outside-radius": (
        "presensi {event} di luar radius atau tanpa lokasi, {when}",
        "record {event} outside the radius or without a location, {when}",
    ),
    "discipline.attendance-unverified": (
        "presensi {event} {when} belum diverifikasi atasan",
        "record {event} {when} not verified by the superior",
    ),
    "discipline.at-time": ("pukul {time}", "at {time}"),
    "discipline.on-date": ("pada {date}", "on {date}"),
    "discipline.not-answered": ("tidak dijawab", "not answered"),
    "discipline.answered": ("dijawab {when} (setelah {delay})", "answered {when} (after {delay})"),
    "discipline.no-reason": ("tanpa alasan", "no reason given"),
    "discipline.with-reason": ('alasan: "{reason}"', 'reason: "{reason}"'),
    "discipline.n-breaches": (
        "{count} pelanggaran {kinds}",
        "{count} {count:?breach|breaches} of {kinds}",
    ),
    "discipline.n-sanctions": (
        "{count} sanksi {kinds}",
        "{count} {count:?sanction|sanctions} {kinds}",
    ),
    "discipline.window-hari": ("pada {window}", "on {window}"),
    "discipline.window-minggu": ("dalam minggu {window}", "in week {window}"),
    "discipline.window-bulan": ("dalam bulan {window}", "in month {window}"),
    "discipline.window-periode": ("dalam periode {window}", "in period {window}"),
    "discipline.window-other": ("dalam {window}", "in {window}"),
    "discipline.hours": ("{n} jam", "{n} h"),
    "discipline.minutes": ("{n} menit", "{n} min"),
    "discipline.seconds": ("{n} detik", "{n} s"),
    # -- skipped contacts ---------------------------------------------------------
    "discipline.not-on-duty": (
        "bukan hari kewajiban orang itu (WFO, WFA, hari libur, ...)",
        "not a duty day for the person (WFO, WFA, a day off, ...)",
    ),
    "discipline.outside-hours": ("di luar jam kewajiban", "outside duty hours"),
    "discipline.on-leave": ("sedang cuti", "on leave"),
    "discipline.outside-range": ("di luar tanggal yang diminta", "outside the dates asked for"),
    "discipline.unknown-nip": ("NIP tidak ada di daftar pegawai", "NIP not in the roster"),
    "discipline.undecided": (
        "moda kerja tidak dapat diputuskan (lihat peringatan)",
        "work mode could not be decided (see the warnings)",
    ),
    # -- the terminal summary and the history ----------------------------------
    "discipline.sum-head": (
        "Disiplin hari WFH{dates}: {counted} kontak dihitung, {skipped} tidak dihitung; "
        "{breaches} pelanggaran, {sanctions} sanksi",
        "Discipline on WFH days{dates}: {counted} {counted:?contact|contacts} counted, "
        "{skipped} set aside; {breaches} {breaches:?breach|breaches}, "
        "{sanctions} {sanctions:?sanction|sanctions}",
    ),
    "discipline.sum-dates": (" {first} s.d. {last}", " {first} to {last}"),
    "discipline.unit": ("Unit", "Unit"),
    "discipline.in-breach": ("Pelanggar", "In breach"),
    "discipline.breaches": ("Pelanggaran", "Breaches"),
    "discipline.sanctions": ("Sanksi", "Sanctions"),
    "discipline.total": ("Jumlah", "Total"),
    "discipline.sum-steps": ("Kolom sanksi:", "Sanction columns:"),
    "discipline.sum-attendance": (
        "{events} catatan presensi dibaca; potongan tunjangan Rp{cut} ({days} hari)",
        "{events} attendance records read; allowance cuts Rp{cut} ({days} days)",
    ),
    "discipline.sum-none": ("Tidak ada pelanggaran.", "No breaches."),
    "discipline.sum-skipped": ("Kontak tidak dihitung:", "Contacts set aside:"),
    "discipline.sum-no-skipped": ("Semua kontak dihitung.", "Every contact was counted."),
    "discipline.hist-head": ("Riwayat disiplin {who}", "Discipline history of {who}"),
    "discipline.hist-unit": ("unit {unit}", "unit {unit}"),
    "discipline.hist-none": (
        "Tidak ada pelanggaran atau sanksi.",
        "No breaches and no sanctions.",
    ),
    "discipline.hist-breach": ("pelanggaran", "breach"),
    "discipline.hist-sanction": ("sanksi", "sanction"),
    "discipline.hist-total": (
        "Jumlah: {breaches} pelanggaran{breach_kinds}; {sanctions} sanksi{sanction_kinds}",
        "Total: {breaches} {breaches:?breach|breaches}{breach_kinds}; "
        "{sanctions} {sanctions:?sanction|sanctions}{sanction_kinds}",
    ),
    # -- discipline/xlsx.py --
    "discipline-xlsx.summary-sheet": ("Ringkasan", "Summary"),
    "discipline-xlsx.summary-title": (
        "Disiplin hari WFH: pelanggaran dan sanksi per unit{dates}",
        "Discipline on WFH days: breaches and sanctions per unit{dates}",
    ),
    "discipline-xlsx.dates": (", {first} s.d. {last}", ", {first} to {last}"),
    "discipline-xlsx.unit-title": (
        "Sanksi disiplin {unit}{dates}",
        "Disciplinary sanctions, {unit}{dates}",
    ),
    "discipline-xlsx.code": ("Kode unit", "Unit code"),
    "discipline-xlsx.unit-name": ("Nama unit", "Unit name"),
    "discipline-xlsx.in-breach": ("Pegawai melanggar", "Staff in breach"),
    "discipline-xlsx.sanctioned": ("Pegawai disanksi", "Staff sanctioned"),
    "discipline-xlsx.breach-col": ("Pelanggaran {rule}", "Breaches {rule}"),
    "discipline-xlsx.sanction-col": ("Sanksi {rule}", "Sanctions {rule}"),
    "discipline-xlsx.breaches-total": ("Jumlah pelanggaran", "Total breaches"),
    "discipline-xlsx.sanctions-total": ("Jumlah sanksi", "Total sanctions"),
    "discipline-xlsx.total": ("Jumlah", "Total"),
    "discipline-xlsx.contacts": ("Kontak", "Contacts"),
    "discipline-xlsx.counted": ("dihitung", "counted"),
    "discipline-xlsx.legend": ("Keterangan", "Legend"),
    "discipline-xlsx.breach": ("pelanggaran", "breach"),
    "discipline-xlsx.sanction": ("sanksi", "sanction"),
    "discipline-xlsx.nip": ("NIP", "NIP"),
    "discipline-xlsx.name": ("Nama", "Name"),
    "discipline-xlsx.date": ("Tanggal", "Date"),
    "discipline-xlsx.time": ("Pukul", "Time"),
    "discipline-xlsx.what": ("Sanksi / dasarnya", "Sanction / behind it"),
    "discipline-xlsx.clause": ("Klausul", "Clause"),
    "discipline-xlsx.title": ("Judul", "Title"),
    "discipline-xlsx.window": ("Jendela", "Window"),
    "discipline-xlsx.contact-ids": ("Kontak", "Contacts"),
    "discipline-xlsx.reason": ("Alasan", "Reason"),
    "discipline-xlsx.cut": ("Potongan tunjangan (Rp)", "Allowance cut (Rp)"),
    "discipline-xlsx.cut-total": ("Potongan tunjangan (Rp)", "Allowance cuts (Rp)"),
    "discipline-xlsx.open-breaches": (
        "Pelanggaran yang belum berbuah sanksi",
        "Breaches that have not (yet) led to a sanction",
    ),
    "discipline-xlsx.no-open": ("Tidak ada.", "None."),
    "discipline-xlsx.unit-legend": (
        "Baris berwarna: sanksi; baris di bawahnya: pelanggaran atau sanksi yang menjadi dasarnya.",
        "Shaded rows: sanctions; the rows below each: the breaches or sanctions behind it.",
    ),
}
