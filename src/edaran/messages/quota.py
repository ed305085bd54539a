"""Words of the quota package's outputs, in Indonesian and English.

Keys are ``<namespace>.<name>``; each entry is ``(indonesian, english)``,
a ``str.format`` template.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # -- quota/writers.py --
    # -- CSV headings ------------------------------------------------------------
    "quota.col-kind": ("jenis", "kind"),
    "quota.col-clause": ("klausul", "clause"),
    "quota.col-rule": ("aturan", "rule"),
    "quota.col-title": ("judul", "title"),
    "quota.col-unit": ("unit", "unit"),
    "quota.col-period": ("periode", "period"),
    "quota.col-first": ("awal", "first"),
    "quota.col-last": ("akhir", "last"),
    "quota.col-date": ("tanggal", "date"),
    "quota.col-measure": ("ukuran", "measure"),
    "quota.col-baseline": ("dasar", "baseline"),
    "quota.col-allowed": ("batas", "allowed"),
    "quota.col-used": ("terpakai", "used"),
    "quota.col-planned": ("rencana", "planned"),
    "quota.col-left": ("sisa", "left"),
    "quota.col-record": ("catatan", "record"),
    "quota.col-amount": ("jumlah", "amount"),
    "quota.col-running": ("kumulatif", "running"),
    "quota.col-matching": ("sesuai", "matching"),
    "quota.col-total": ("seluruh", "total"),
    "quota.col-share": ("porsi", "share"),
    "quota.col-wanted": ("sasaran", "wanted"),
    "quota.col-direction": ("arah", "direction"),
    "quota.col-staff": ("pegawai", "staff"),
    "quota.col-missing": ("belum_dimatikan", "missing"),
    "quota.col-checklist": ("ada_daftar", "checklist"),
    "quota.col-status": ("status", "status"),
    "quota.col-row": ("baris", "row"),
    "quota.col-failed": ("tidak_dipenuhi", "failed"),
    "quota.col-values": ("nilai", "values"),
    # -- kinds of row and values -----------------------------------------------------
    "quota.kind-quota": ("kuota", "quota"),
    "quota.kind-over": ("melebihi", "over"),
    "quota.kind-target": ("target", "target"),
    "quota.kind-checklist": ("daftar periksa", "checklist"),
    "quota.kind-provision": ("ketentuan", "provision"),
    "quota.status-not-met": ("tidak memenuhi", "not met"),
    "quota.status-dalam_kuota": ("dalam kuota", "within quota"),
    "quota.status-terlampaui": ("terlampaui", "over quota"),
    "quota.status-rencana_lebih": ("rencana melebihi kuota", "planned over quota"),
    "quota.status-tanpa_dasar": ("tanpa data dasar", "no baseline"),
    "quota.status-over": ("melebihi kuota", "goes over quota"),
    "quota.status-met": ("tercapai", "met"),
    "quota.status-missed": ("tidak tercapai", "missed"),
    "quota.status-no-checklist": ("tanpa daftar periksa", "no checklist"),
    "quota.status-incomplete": ("belum lengkap", "incomplete"),
    "quota.at_least": ("paling sedikit", "at least"),
    "quota.at_most": ("paling banyak", "at most"),
    "quota.yes": ("ya", "yes"),
    "quota.no": ("tidak", "no"),
    "quota.item-elektronik": ("elektronik", "electronics"),
    "quota.item-ac": ("AC", "air conditioning"),
    "quota.item-lampu": ("lampu", "lights"),
    "quota.item-kabel": ("kabel", "plugs"),
    # -- the terminal summary ----------------------------------------------------------
    "quota.sum-head": (
        "Kuota, target dan daftar periksa{dates}: {quotas} baris kuota, {targets} target, "
        "{findings} temuan daftar periksa",
        "Quotas, targets and checklists{dates}: {quotas} quota {quotas:?line|lines}, {targets} "
        "{targets:?target|targets}, {findings} checklist {findings:?finding|findings}",
    ),
    "quota.sum-dates": (" {first} s.d. {last}", " {first} to {last}"),
    "quota.sum-over": ("kuota sudah terlampaui", "quota lines already over"),
    "quota.sum-planned": ("kuota dengan rencana melebihi", "quota lines with plans over"),
    "quota.sum-over-records": (
        "{n} ({records} catatan rencana)",
        "{n} ({records} planned {records:?record|records})",
    ),
    "quota.sum-no-baseline": ("kuota tanpa data dasar", "quota lines without a baseline"),
    "quota.sum-missed": ("target tidak tercapai", "targets missed"),
    "quota.sum-of": ("{n} dari {total}", "{n} of {total}"),
    "quota.sum-findings": ("temuan daftar periksa", "checklist findings"),
    "quota.sum-records": (
        "{count} catatan tidak memenuhi ketentuan:",
        "{count} {count:?record does|records do} not meet a provision:",
    ),
    "quota.sum-record": (
        "{kind} {record} ({unit}, {date}, baris {row}) melanggar {clause}: {failed}; {values}",
        "{kind} {record} ({unit}, {date}, row {row}) fails {clause}: {failed}; {values}",
    ),
    "quota.sum-worst": ("Unit dengan temuan terbanyak:", "Units with the most findings:"),
    "quota.sum-none": ("Tidak ada temuan.", "No findings."),
    "quota.unit": ("Unit", "Unit"),
    "quota.over-col": ("Terlampaui", "Over"),
    "quota.planned-col": ("Rencana lebih", "Planned over"),
    "quota.no-baseline-col": ("Tanpa dasar", "No baseline"),
    "quota.missed-col": ("Target gagal", "Missed"),
    "quota.findings-col": ("Daftar periksa", "Checklists"),
    # -- the workbook ----------------------------------------------------------------------
    "quota.summary-sheet": ("Ringkasan", "Summary"),
    "quota.summary-title": (
        "Kuota, target dan daftar periksa per unit{dates}",
        "Quotas, targets and checklists per unit{dates}",
    ),
    "quota.unit-title": (
        "Kuota, target dan daftar periksa {unit}{dates}",
        "Quotas, targets and checklists, {unit}{dates}",
    ),
    "quota.x-unit": ("Kode unit", "Unit code"),
    "quota.x-quotas": ("Baris kuota", "Quota lines"),
    "quota.x-targets": ("Target", "Targets"),
    "quota.total": ("Jumlah", "Total"),
    "quota.section-quotas": ("Kuota", "Quotas"),
    "quota.section-targets": ("Target", "Targets"),
    "quota.section-checklists": (
        "Daftar periksa hari WFH (butir 10.a)",
        "WFH-day checklists (10.a)",
    ),
    "quota.none": ("Tidak ada.", "None."),
    "quota.provisions-sheet": ("Ketentuan", "Provisions"),
    "quota.section-provisions": ("Ketentuan per catatan", "Per-record provisions"),
    "quota.provisions-title": (
        "Catatan yang tidak memenuhi ketentuan{dates}",
        "Records that do not meet a provision{dates}",
    ),
    "quota.x-kind": ("Jenis catatan", "Kind of record"),
    "quota.x-record": ("Catatan", "Record"),
    "quota.x-row": ("Baris", "Row"),
    "quota.x-failed": ("Tidak dipenuhi", "Failed"),
    "quota.x-values": ("Nilai", "Values"),
    "quota.legend": (
        "Baris berwarna: kuota terlampaui atau dengan rencana melebihi kuota, dan target yang "
        "tidak tercapai. Rencana yang melebihi kuota: tiap catatan rencana yang melebihi, "
        "dengan jumlah kumulatif sampai catatan itu dan batasnya.",
        "Shaded rows: quotas over or with planned records over, and targets missed. Planned "
        "records over quota: each planned record that goes over, with the running total up "
        "to it and the allowed figure.",
    ),
    "quota.x-dates": (", {first} s.d. {last}", ", {first} to {last}"),
}
