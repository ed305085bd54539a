"""Words of the scheduling package's outputs, in Indonesian and English.

Keys are ``<namespace>.<name>``; each entry is ``(indonesian, english)``,
a ``str.format`` template.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # -- scheduling/writers.py --
    # -- columns of the CSV (JSON keys stay English: they are for programs) --
    "schedule.col-nip": ("nip", "nip"),
    "schedule.col-name": ("nama", "name"),
    "schedule.col-unit": ("unit", "unit"),
    "schedule.col-date": ("tanggal", "date"),
    "schedule.col-eligible": ("layak", "eligible"),
    "schedule.col-mode": ("moda", "mode"),
    "schedule.col-reason": ("alasan", "reason"),
    "schedule.col-clause": ("klausul", "clause"),
    "schedule.col-hours": ("jam_kerja", "working_hours"),
    # -- reasons --------------------------------------------------------------
    "schedule.cap": ("dibatasi {clause}: ", "capped by {clause}: "),
    "schedule.cap-bare": ("dibatasi: ", "capped: "),
    "schedule.cap-quota": ("kuota {mode} unit {unit}", "{mode} quota of unit {unit}"),
    "schedule.cap-limit": (" {limit}", " is {limit}"),
    "schedule.of-headcount": (" dari {headcount}", " of {headcount}"),
    "schedule.on-date": (" pada {date}", " on {date}"),
    "schedule.count-mode": (", sudah {count} {mode}", ", {count} already on {mode}"),
    "schedule.turn": (", giliran ke-{turn}", ", turn {turn}"),
    "schedule.period-days": (
        ", sudah {days} hari {mode} dalam periode",
        ", {days} {mode} {days:?day|days} in the period so far",
    ),
    "schedule.limit": ("dibatasi {clause}: ", "limited by {clause}: "),
    "schedule.limit-bare": ("dibatasi: ", "limited: "),
    "schedule.priority": ("; diutamakan menurut {priority}", "; priority by {priority}"),
    "schedule.priority-order": (" ({order} dulu)", " ({order} first)"),
    "schedule.distinct": (
        "{mode} paling banyak {limit} orang berbeda di unit {unit} per {window}, dan {count} "
        "orang sudah mendapatkannya",
        "{mode} for at most {limit} different people in unit {unit} per {window}, and {count} "
        "have already had it",
    ),
    "schedule.block-days": (
        "satu blok {days} hari kerja {mode} per pegawai; blok pegawai ini {first} s.d. {last} "
        "(giliran ke-{turn})",
        "one {mode} block of {days} working days per employee; this employee's block is "
        "{first} to {last} (turn {turn})",
    ),
    "schedule.block": (
        "satu blok {mode} per pegawai; blok pegawai ini {first} s.d. {last} (giliran ke-{turn})",
        "one {mode} block per employee; this employee's block is {first} to {last} (turn {turn})",
    ),
    "schedule.limit-most": (
        "paling banyak {limit} hari {mode} per {window}",
        "at most {limit} {mode} {limit:?day|days} per {window}",
    ),
    "schedule.limit-most-bare": ("batas hari {mode} per orang", "personal limit on {mode} days"),
    "schedule.limit-used": (", sudah {days} hari", ", {days} already"),
    "schedule.floor": ("tetap di kantor karena {clause}: ", "kept on site by {clause}: "),
    "schedule.floor-bare": ("tetap di kantor: ", "kept on site: "),
    "schedule.floor-least": (
        "paling sedikit {limit}{of} pegawai unit {unit} hadir",
        "at least {limit}{of} staff of unit {unit} on site",
    ),
    "schedule.floor-least-bare": (
        "jumlah minimal hadir unit {unit}",
        "minimum staffing of unit {unit}",
    ),
    "schedule.floor-count": (", baru {count} di kantor", ", {count} on site so far"),
    "schedule.absent": ("tidak bertugas", "not on duty"),
    "schedule.plan": (
        "dipilih pimpinan unit dalam rencana ({source}); aturan: {rules}",
        "chosen by the head of unit in the plan ({source}); the rules: {rules}",
    ),
    "schedule.plan-person": (
        "dipilih pimpinan unit untuk pegawai ini ({source}); aturan: {rules}",
        "chosen by the head of unit for this employee ({source}); the rules: {rules}",
    ),
    "schedule.recall": (
        "dipanggil ke kantor (semula {was}): {reason}",
        "called to the office (instead of {was}): {reason}",
    ),
    "schedule.chosen": (
        " (dipilih {mode} dari {choice} dalam batas-batas SE)",
        " ({mode} chosen from {choice} within the circular's limits)",
    ),
    "schedule.after-end": (
        "SE berakhir {date}; sesudahnya {mode} seperti biasa",
        "circular ended {date}; {mode} as usual afterwards",
    ),
    "schedule.off": ("hari libur", "day off"),
    "schedule.window-hari": ("hari", "day"),
    "schedule.window-minggu": ("minggu", "week"),
    "schedule.window-bulan": ("bulan", "month"),
    "schedule.window-periode": ("periode", "period"),
    # -- the terminal summary ---------------------------------------------------
    "schedule.sum-head": (
        "Jadwal kerja {first} s.d. {last}: {units} unit, {people} pegawai",
        "Work schedule {first} to {last}: {units} units, {people} staff",
    ),
    "schedule.unit": ("Unit", "Unit"),
    "schedule.people": ("Pegawai", "Staff"),
    "schedule.cap-col": ("Kuota", "Cap"),
    "schedule.limit-col": ("Batas", "Limit"),
    "schedule.floor-col": ("Minimal", "Floor"),
    "schedule.warnings-col": ("Peringatan", "Warnings"),
    "schedule.total": ("Jumlah", "Total"),
    "schedule.sum-legend": (
        "Angka moda: hari-orang. Kuota, Batas, Minimal: hari-orang yang layak tetapi "
        "ditahan oleh kuota unit, batas per orang, atau minimal hadir.",
        "Mode figures: person-days. Cap, Limit, Floor: person-days eligible for a mode "
        "but kept back by a unit cap, a personal limit or a staffing floor.",
    ),
    # -- scheduling/xlsx.py --
    "schedule-xlsx.summary-sheet": ("Ringkasan", "Summary"),
    "schedule-xlsx.summary-title": (
        "Ringkasan jadwal kerja {first} s.d. {last}",
        "Work schedule summary, {first} to {last}",
    ),
    "schedule-xlsx.unit-title": (
        "Jadwal kerja {code} — {name}, {first} s.d. {last}",
        "Work schedule {code} — {name}, {first} to {last}",
    ),
    "schedule-xlsx.code": ("Kode unit", "Unit code"),
    "schedule-xlsx.unit-name": ("Nama unit", "Unit name"),
    "schedule-xlsx.people": ("Pegawai", "Staff"),
    "schedule-xlsx.nip": ("NIP", "NIP"),
    "schedule-xlsx.name": ("Nama", "Name"),
    "schedule-xlsx.kept": ("Ditahan", "Kept back"),
    "schedule-xlsx.kept-cap": ("Ditahan kuota", "Kept back: cap"),
    "schedule-xlsx.kept-limit": ("Ditahan batas per orang", "Kept back: personal limit"),
    "schedule-xlsx.kept-floor": ("Ditahan minimal hadir", "Kept back: floor"),
    "schedule-xlsx.total": ("Jumlah", "Total"),
    "schedule-xlsx.total-mode": ("Jumlah {mode}", "Total {mode}"),
    "schedule-xlsx.legend": ("Keterangan", "Legend"),
    "schedule-xlsx.legend-kept": (
        "layak tetapi ditahan (kuota, batas per orang atau minimal hadir); "
        "alasannya di komentar sel",
        "eligible but kept back (cap, personal limit or floor); the reason is in the cell comment",
    ),
    "schedule-xlsx.legend-WFO": ("bekerja di kantor", "work from the office"),
    "schedule-xlsx.legend-WFH": ("bekerja dari rumah", "work from home"),
    "schedule-xlsx.legend-WFA": ("bekerja dari mana saja", "work from anywhere"),
    "schedule-xlsx.legend-LIBUR": ("hari libur", "day off"),
    "schedule-xlsx.legend-TIDAK_BERLAKU": (
        "surat edaran belum/tidak berlaku",
        "the circular is not in force",
    ),
    "schedule-xlsx.legend-other": ("moda lain, atau cuti", "another mode, or leave"),
    "schedule-xlsx.legend-figures": (
        "Angka moda: hari-orang (hari libur tidak dihitung).",
        "Mode figures: person-days (days off not counted).",
    ),
    "schedule-xlsx.unit-legend": (
        "Sel jingga: layak tetapi ditahan; arahkan penunjuk ke sel untuk membaca alasannya.",
        "Orange cells: eligible but kept back; hover over the cell to read why.",
    ),
    # -- scheduling/ics.py --
    "schedule-ics.person-cal": ("Jadwal kerja {name} ({nip})", "Work schedule of {name} ({nip})"),
    "schedule-ics.unit-cal": ("Jadwal kerja {code} — {name}", "Work schedule {code} — {name}"),
    "schedule-ics.unit": ("Unit", "Unit"),
    "schedule-ics.person": ("Pegawai", "Employee"),
    "schedule-ics.hours": ("Jam kerja", "Working hours"),
    "schedule-ics.clause": ("Klausul", "Clause"),
    "schedule-ics.reason": ("Alasan", "Reason"),
}
