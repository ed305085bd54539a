"""Checking quotas, targets, checklist duties and the savings report (butir 7-10.a, 13).

What each block may read, the types of quantities, the exact diagnostics of
the mistakes an analyst makes, and how a variant replaces or removes a quota.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from edaran.core import Diagnostic
from edaran.core import types as t
from edaran.engine import Circular
from edaran.lang import check, ir, parse

HEADER = 'surat_edaran "1/2026":\n    berlaku 2026-04-01\n    evaluasi setiap 2 bulan\n\n'
BASE = HEADER + "butir 1, bawaan:\n    moda_kerja adalah WFO\n\n"

#: The blocks of the brief, all of them clean.
CLEAN = BASE + (
    "tabel DASAR: unit -> bilangan = 10\n"
    'kuota butir 8[dn] "Perjalanan dinas dalam negeri dikurangi 50%":\n'
    "    perjalanan dikurangi 50% dari tahun_lalu per unit per periode\n"
    "    jika perjalanan.jenis adalah DALAM_NEGERI\n"
    "    urutan perjalanan.mulai, perjalanan.id\n"
    "kuota butir 9:\n"
    "    kendaraan paling banyak 50% dari tahun_lalu per unit per periode, dibulatkan ke bawah\n"
    "    jika tidak kendaraan.listrik\n"
    "    dan tidak kendaraan.operasional\n"
    "kuota butir 9[x]:\n"
    "    kendaraan.bbm paling banyak 300 liter per unit per bulan\n"
    "kuota butir 9[y]:\n"
    "    kendaraan paling banyak 50% dari DASAR[unit] per perangkat_daerah per bulan\n"
    'sasaran butir 7 "Rapat":\n'
    "    rapat.bentuk termasuk {HIBRIDA, DARING} paling sedikit 60% per unit per periode\n"
    'kewajiban butir 10.a "Energi":\n'
    "    pada moda {WFH}\n"
    "    daftar_periksa {ELEKTRONIK, AC, LAMPU, KABEL}\n"
    'laporan butir 13 "Hemat":\n'
    "    perkiraan LISTRIK adalah periode.hari_wfh * 2 kWh * Rp 1.445\n"
    "    perkiraan LISTRIK adalah periode.hari_wfh * 2 kWh\n"
    "    perkiraan BELANJA_PEGAWAI adalah periode.hari_wfh * Rp 35.000\n"
)


def program_of(text: str) -> ir.Program:
    program, diagnostics = check(parse(text, "uji.edaran"))
    assert diagnostics == []
    assert program is not None
    return program


def only_problem(text: str) -> Diagnostic:
    """The one diagnostic of ``text``, which must not check."""
    program, diagnostics = check(parse(text, "uji.edaran"))
    assert program is None
    (diagnostic,) = diagnostics
    return diagnostic


def written(text: str, diagnostic: Diagnostic) -> str:
    """The text under the diagnostic's carets."""
    span = diagnostic.span
    assert span is not None
    return text[span.start : span.end]


# ----------------------------------------------------------- clean blocks
def test_the_blocks_of_every_kind_check_clean() -> None:
    program = program_of(CLEAN)
    assert [q.id for q in program.quotas] == ["butir 8[dn]", "butir 9", "butir 9[x]", "butir 9[y]"]
    trips, vehicles, fuel, table = program.quotas
    assert (trips.kind, trips.field, trips.mode, trips.share, trips.last_year) == (
        "perjalanan",
        None,
        "reduced",
        True,
        True,
    )
    assert trips.amount == ir.Const(Decimal("0.5"), t.PERCENT)
    assert trips.order == (("mulai",), ("id",))
    assert (trips.scope, trips.window, trips.rounding) == ("unit", "periode", "down")
    assert (vehicles.mode, vehicles.rounding, vehicles.measure_type) == ("at_most", "down", t.INT)
    assert vehicles.condition is not None
    # A sum of a field keeps the field's unit, and a quantity is never rounded.
    assert (fuel.field, fuel.measure_type, fuel.share, fuel.rounding) == (
        ("bbm",),
        t.QuantityType("liter"),
        False,
        "none",
    )
    assert fuel.amount == ir.Const(Decimal(300), t.QuantityType("liter"))
    assert (table.share, table.last_year, table.scope) == (True, False, "perangkat_daerah")
    assert table.baseline is not None and table.baseline.type == t.INT
    (target,) = program.targets
    assert (target.id, target.kind, target.bound, target.scope) == (
        "butir 7",
        "rapat",
        "at_least",
        "unit",
    )
    (checklist,) = program.checklists
    assert checklist.modes == frozenset({"WFH"})
    assert checklist.items == frozenset({"ELEKTRONIK", "AC", "LAMPU", "KABEL"})
    assert program.duties == ()  # a checklist duty is not a contact duty
    assert program.report is not None
    assert [(e.category, e.type) for e in program.report.estimates] == [
        ("LISTRIK", t.MONEY),
        ("LISTRIK", t.QuantityType("kWh")),
        ("BELANJA_PEGAWAI", t.MONEY),
    ]


def test_english_spellings_of_records_and_fields() -> None:
    program = program_of(
        BASE + "quota clause 8:\n"
        "    trip.party_size at most 40 per agency per month\n"
        "    if trip.kind is LUAR_NEGERI\n"
        "    order trip.start\n"
    )
    (quota,) = program.quotas
    assert (quota.kind, quota.field, quota.scope, quota.window) == (
        "perjalanan",
        ("jumlah_peserta",),
        "perangkat_daerah",
        "bulan",
    )
    assert quota.order == (("mulai",),)


def test_a_checklist_duty_on_its_own_modes() -> None:
    program = program_of(BASE + "kewajiban butir 10.a:\n    daftar_periksa {ac, Lampu}\n")
    (checklist,) = program.checklists
    assert checklist.modes == frozenset({"WFH"})  # WFH when 'pada moda' is left out
    assert checklist.items == frozenset({"AC", "LAMPU"})
    wfa = program_of(BASE + "kewajiban butir 10.a:\n    pada moda {WFA}\n    daftar_periksa {AC}\n")
    assert wfa.checklists[0].modes == frozenset({"WFA"})


def test_a_checklist_duty_does_not_make_breaches_count() -> None:
    text = BASE + (
        "kewajiban butir 10.a:\n    daftar_periksa {AC}\n"
        "pelanggaran butir 10.c:\n    jika tidak kontak.terjawab\n"
    )
    assert only_problem(text).code == "E124"


# ------------------------------------------------------------ quantities
@pytest.mark.parametrize(
    ("value", "declared", "kind"),
    [
        ("2 kWh + 3 kWh", "kWh", t.QuantityType("kWh")),
        ("2 kWh - 0.5 kWh", "kWh", t.QuantityType("kWh")),
        ("3 * 2 kWh", "kWh", t.QuantityType("kWh")),
        ("2 kWh * 50%", "kWh", t.QuantityType("kWh")),
        ("10 kWh / 4", "kWh", t.QuantityType("kWh")),
        ("10 kWh / 4 kWh", "desimal", t.DECIMAL),
        ("2 kWh * Rp 1.445", "uang", t.MONEY),
        ("Rp 1.445 * 2 KWH", "uang", t.MONEY),
        ("1.5 litre + 2 liter", "liter", t.QuantityType("liter")),
    ],
)
def test_arithmetic_on_quantities(value: str, declared: str, kind: t.Type) -> None:
    program = program_of(BASE + f"parameter X: {declared} = {value}\n")
    assert program.param_types == {"X": kind}


def test_a_parameter_may_be_a_quantity() -> None:
    text = BASE + (
        "parameter HEMAT_HARIAN: kWh = 2.5 kWh\n"
        "laporan butir 13:\n    perkiraan LISTRIK adalah periode.hari_wfh * HEMAT_HARIAN\n"
    )
    program = program_of(text)
    assert program.report is not None
    assert program.report.estimates[0].type == t.QuantityType("kWh")


def test_kwh_plus_rupiah_is_e201() -> None:
    text = BASE + "laporan butir 13:\n    perkiraan LISTRIK adalah 2 kWh + Rp 1.445\n"
    diagnostic = only_problem(text)
    assert diagnostic.code == "E201"
    assert written(text, diagnostic) == "+"
    assert diagnostic.message("id") == "tipe tidak cocok: '+' tidak berlaku untuk kWh dan uang"
    assert diagnostic.message("en") == "type mismatch: '+' does not apply to kWh and money"


@pytest.mark.parametrize("value", ["2 kWh + 1 liter", "2 kWh * 2 kWh", "2 kWh < Rp 5", "4 / 2 kWh"])
def test_quantities_of_different_units_do_not_mix(value: str) -> None:
    text = BASE + f"butir 2:\n    moda_kerja adalah WFH\n    jika {value}\n"
    assert only_problem(text).code == "E201"


# ------------------------------------------------ what each block reads
def test_a_trip_fact_in_an_ordinary_rule_is_e150() -> None:
    text = BASE + (
        "butir 2:\n    moda_kerja adalah WFH\n    jika perjalanan.jenis adalah DALAM_NEGERI\n"
    )
    diagnostic = only_problem(text)
    assert diagnostic.code == "E150"
    assert written(text, diagnostic) == "perjalanan.jenis"
    assert diagnostic.message("id") == (
        "'perjalanan.jenis' hanya dapat dibaca dalam blok kuota, sasaran dan ketentuan"
    )
    assert diagnostic.message("en") == (
        "'perjalanan.jenis' can be read only in quota, target and provision blocks"
    )


@pytest.mark.parametrize(
    "block",
    [
        "batas butir 4:\n    WFH paling banyak 50% per unit per hari\n    jika kendaraan.listrik\n",
        "kewajiban butir 10.b:\n    pada moda {WFH}\n"
        "pelanggaran butir 10.c:\n    jika rapat.peserta > 3\n",
        "butir 2:\n    moda_kerja adalah WFH\n    jika periode.hari_wfh > 3\n",
    ],
)
def test_records_outside_their_blocks_are_e150(block: str) -> None:
    assert only_problem(BASE + block).code == "E150"


def test_an_employee_fact_in_a_quota_condition_is_e151() -> None:
    text = BASE + (
        "kuota butir 8:\n"
        "    perjalanan dikurangi 50% dari tahun_lalu per unit per periode\n"
        "    jika pegawai.jenjang adalah Pelaksana\n"
    )
    diagnostic = only_problem(text)
    assert diagnostic.code == "E151"
    assert written(text, diagnostic) == "pegawai.jenjang"
    assert diagnostic.message("id") == (
        "'pegawai.jenjang' tidak dapat dibaca di blok ini; "
        "blok ini membaca perjalanan.*, unit.*, hari, tanggal dan parameter"
    )
    assert diagnostic.message("en") == (
        "'pegawai.jenjang' cannot be read in this block; "
        "it reads perjalanan.*, unit.*, the day and parameters"
    )


@pytest.mark.parametrize(
    "block",
    [
        # a quota on trips reads no vehicle, in its condition or its order
        "kuota butir 8:\n    perjalanan paling banyak 5 per unit per bulan\n"
        "    jika kendaraan.listrik\n",
        "kuota butir 8:\n    perjalanan paling banyak 5 per unit per bulan\n"
        "    urutan pegawai.nip\n",
        # a target on meetings reads no trip
        "sasaran butir 7:\n    rapat.bentuk adalah DARING paling sedikit 60% per unit per bulan\n"
        "    jika perjalanan.jenis adalah DALAM_NEGERI\n",
        # an estimate reads a unit's month, not a record
        "laporan butir 13:\n    perkiraan BBM adalah perjalanan.biaya\n",
        # a quota reads its records, not a unit's month
        "kuota butir 8:\n    perjalanan paling banyak 5 per unit per bulan\n"
        "    jika periode.hari_wfh > 2\n",
    ],
)
def test_blocks_read_their_own_records_only(block: str) -> None:
    assert only_problem(BASE + block).code == "E151"


def test_a_quota_condition_reads_the_unit_and_the_day() -> None:
    program = program_of(
        BASE + "kuota butir 8:\n    perjalanan paling banyak 5 per unit per bulan\n"
        "    jika tidak unit.layanan_publik\n"
        "    dan hari bukan Sabtu\n"
        "    dan unit termasuk {BAPPEDA}\n"
    )
    assert program.quotas[0].condition is not None


# --------------------------------------------------- quota measures, amounts
def test_a_quota_on_the_kind_of_vehicle_is_e153() -> None:
    text = BASE + "kuota butir 9:\n    kendaraan.jenis paling banyak 20 per unit per bulan\n"
    diagnostic = only_problem(text)
    assert diagnostic.code == "E153"
    assert written(text, diagnostic) == "kendaraan.jenis"
    assert diagnostic.message("en") == (
        "'kendaraan.jenis' cannot be summed: it is vehicle_kind, not a number, money or a quantity"
    )
    assert diagnostic.message("id") == (
        "'kendaraan.jenis' tidak dapat dijumlahkan: bertipe jenis_kendaraan, "
        "bukan bilangan, uang atau kuantitas"
    )


def test_a_share_written_as_a_number_is_e154() -> None:
    text = BASE + (
        "kuota butir 8:\n    perjalanan paling banyak 3 dari tahun_lalu per unit per periode\n"
    )
    diagnostic = only_problem(text)
    assert diagnostic.code == "E154"
    assert written(text, diagnostic) == "3"
    assert (
        diagnostic.message("id")
        == "bagian harus berupa persen (mis. 30%), bukan nilai bertipe bilangan"
    )
    assert (
        diagnostic.message("en")
        == "a share must be a percentage (such as 30%), not a value of type integer"
    )


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("perjalanan dikurangi 3 dari tahun_lalu per unit per periode", "E154"),
        ("perjalanan paling banyak 50% dari 2 kWh per unit per periode", "E155"),
        ("kendaraan.bbm paling banyak 300 per unit per bulan", "E155"),
        ("perjalanan.biaya paling banyak 5 per unit per bulan", "E155"),
        ("perjalanan paling banyak 2.5 kWh per unit per bulan", "E155"),
        ("perjalanan paling banyak 150% dari tahun_lalu per unit per periode", "E120"),
        ("pegawai paling banyak 5 per unit per bulan", "E152"),
        ("perjalanan paling banyak 5 per pegawai per bulan", "E158"),
        ("perjalanan paling banyak 5 per unit per tahun", "E117"),
    ],
)
def test_quota_lines_that_do_not_check(line: str, code: str) -> None:
    assert only_problem(BASE + f"kuota butir 8:\n    {line}\n").code == code


@pytest.mark.parametrize(
    "line",
    [
        "perjalanan.biaya paling banyak Rp 50.000.000 per unit per periode",
        "perjalanan.jumlah_peserta paling banyak 40 per unit per bulan",
        "kendaraan.jarak dikurangi 20% dari tahun_lalu per unit per bulan, dibulatkan terdekat",
        "kendaraan.bbm paling banyak 50% dari 600 liter per unit per bulan",
    ],
)
def test_quota_lines_that_check(line: str) -> None:
    program_of(BASE + f"kuota butir 9:\n    {line}\n")


def test_a_target_reads_a_condition_on_its_records() -> None:
    head = BASE + "sasaran butir 7:\n    "
    not_a_record = head + "unit.layanan_publik paling sedikit 60% per unit per periode\n"
    assert only_problem(not_a_record).code == "E152"
    not_a_share = head + "rapat.bentuk adalah DARING paling sedikit 60 per unit per bulan\n"
    assert only_problem(not_a_share).code == "E154"


def test_a_target_above_100_percent_is_e120() -> None:
    text = (
        BASE
        + "sasaran butir 7:\n"
        + "    rapat.bentuk adalah DARING paling sedikit 160% per unit per bulan\n"
    )
    assert only_problem(text).code == "E120"


# -------------------------------------------------------------- checklists
def test_a_checklist_item_that_is_not_an_energy_item_is_e205() -> None:
    text = BASE + "kewajiban butir 10.a:\n    daftar_periksa {Jumat}\n"
    diagnostic = only_problem(text)
    assert diagnostic.code == "E205"
    assert written(text, diagnostic) == "Jumat"
    assert diagnostic.message("id") == "'Jumat' bukan anggota peralatan"
    assert diagnostic.message("en") == "'Jumat' is not a member of energy_item"


def test_a_misspelt_checklist_item_is_e205_with_a_suggestion() -> None:
    diagnostic = only_problem(BASE + "kewajiban butir 10.a:\n    daftar_periksa {LAMPUU}\n")
    assert diagnostic.code == "E205"
    assert diagnostic.suggestions == ("LAMPU",)


# ------------------------------------------------------------------ report
def test_an_estimate_of_fuel_in_kwh_is_e156() -> None:
    text = BASE + "laporan butir 13:\n    perkiraan BBM adalah periode.hari_wfh * 2 kWh\n"
    diagnostic = only_problem(text)
    assert diagnostic.code == "E156"
    assert written(text, diagnostic) == "periode.hari_wfh * 2 kWh"
    assert diagnostic.message("id") == "perkiraan BBM ditulis dalam uang atau liter, bukan kWh"


def test_an_estimate_of_fuel_in_kwh_reads_in_english() -> None:
    text = BASE + "laporan butir 13:\n    perkiraan BBM adalah periode.hari_wfh * 2 kWh\n"
    assert "uang" not in only_problem(text).message("en")


@pytest.mark.parametrize(
    ("estimate", "code"),
    [
        ("LISTRIK adalah periode.hari_wfh * 2 liter", "E156"),
        ("AIR adalah periode.hari_wfh * 2", "E156"),
        ("TELEPON adalah periode.hari_wfh * 2 kWh", "E156"),
        ("LISTRIKK adalah periode.hari_wfh * Rp 2", "E205"),
    ],
)
def test_estimates_that_do_not_check(estimate: str, code: str) -> None:
    assert only_problem(BASE + f"laporan butir 13:\n    perkiraan {estimate}\n").code == code


def test_one_estimate_per_category_and_type_and_one_report() -> None:
    twice = BASE + (
        "laporan butir 13:\n"
        "    perkiraan AIR adalah periode.hari_wfh * 1 m3\n"
        "    perkiraan AIR adalah periode.hari_wfh * Rp 900\n"
        "    perkiraan AIR adalah periode.hari_wfo * 2 m3\n"
    )
    assert only_problem(twice).code == "E157"
    two_reports = BASE + (
        "laporan butir 13:\n    perkiraan AIR adalah periode.hari_wfh * 1 m3\n"
        "laporan butir 13[b]:\n    perkiraan BBM adalah periode.hari_wfh * 1 liter\n"
    )
    assert only_problem(two_reports).code == "E159"


# ---------------------------------------------------------------- variants
PARENT = (
    'surat_edaran "INDUK/2026":\n    berlaku 2026-04-01\n    evaluasi setiap 2 bulan\n\n'
    "butir 1, bawaan:\n    moda_kerja adalah WFO\n\n"
    'kuota butir 8 "Perjalanan dinas":\n'
    "    perjalanan dikurangi 50% dari tahun_lalu per unit per periode\n\n"
    'kuota butir 9 "Kendaraan dinas":\n'
    "    kendaraan paling banyak 50% dari tahun_lalu per unit per periode\n"
    "    jika tidak kendaraan.listrik\n\n"
    'sasaran butir 7 "Rapat":\n'
    "    rapat.bentuk termasuk {HIBRIDA, DARING} paling sedikit 60% per unit per periode\n\n"
    'laporan butir 13 "Hemat":\n'
    "    perkiraan LISTRIK adalah periode.hari_wfh * 2 kWh\n"
)


def variant(tmp_path: Path, body: str) -> Circular:
    (tmp_path / "induk.edaran").write_text(PARENT, encoding="utf-8")
    child = tmp_path / "anak.edaran"
    header = 'surat_edaran "KAB/2026":\n    memperluas "induk.edaran"\n    berlaku 2026-05-01\n\n'
    child.write_text(header + body, encoding="utf-8")
    return Circular.load(child)


def test_a_variant_replaces_a_quota_by_its_citation(tmp_path: Path) -> None:
    child = variant(
        tmp_path,
        'kuota butir 9 "Kendaraan dinas di kabupaten":\n'
        "    kendaraan dikurangi 30% dari tahun_lalu per unit per bulan\n",
    )
    quotas = child.program.quotas
    assert [(q.id, q.title) for q in quotas] == [
        ("butir 8", "Perjalanan dinas"),
        ("butir 9", "Kendaraan dinas di kabupaten"),
    ]
    replaced = quotas[1]
    assert (replaced.mode, replaced.window, replaced.condition) == ("reduced", "bulan", None)
    assert replaced.amount == ir.Const(Decimal("0.3"), t.PERCENT)
    assert [x.id for x in child.program.targets] == ["butir 7"]
    assert child.program.report is not None


def test_a_variant_removes_a_quota_and_replaces_the_report(tmp_path: Path) -> None:
    child = variant(
        tmp_path,
        "hapus butir 8, butir 7\n\n"
        'laporan butir 13 "Hemat di kabupaten":\n'
        "    perkiraan AIR adalah periode.hari_wfh * 1 m3\n",
    )
    assert [q.id for q in child.program.quotas] == ["butir 9"]
    assert child.program.targets == ()
    report = child.program.report
    assert report is not None
    assert report.title == "Hemat di kabupaten"
    assert [e.category for e in report.estimates] == ["AIR"]


def test_a_variant_adds_a_quota_of_its_own(tmp_path: Path) -> None:
    child = variant(
        tmp_path,
        "kuota butir 9[bbm]:\n    kendaraan.bbm paling banyak 200 liter per unit per bulan\n",
    )
    assert [q.id for q in child.program.quotas] == ["butir 8", "butir 9", "butir 9[bbm]"]


# ------------------------------------------- citations and ranges, once each
@pytest.mark.parametrize(
    "blocks",
    [
        "kuota butir 8:\n    perjalanan paling banyak 3 per unit per bulan\n" * 2,
        "sasaran butir 7:\n    rapat.bentuk adalah DARING paling sedikit 50% per unit per bulan\n"
        * 2,
        "kewajiban butir 10.a:\n    daftar_periksa {AC}\n" * 2,
        "kewajiban butir 10.a:\n    pukul 07:30 sampai 16:00\n"
        "kewajiban butir 10.a:\n    daftar_periksa {AC}\n",
    ],
)
def test_a_citation_written_twice_is_e106(blocks: str) -> None:
    diagnostic = only_problem(BASE + blocks)
    assert diagnostic.code == "E106"
    assert [label.span.line for label in diagnostic.labels if label.span] == [8]


def test_between_orders_quantities_of_one_unit() -> None:
    text = BASE + (
        "kuota butir 9:\n"
        "    kendaraan paling banyak 10 per unit per bulan\n"
        "    jika kendaraan.bbm antara 1 liter dan 30 liter\n"
    )
    program, diagnostics = check(parse(text, "uji.edaran"))
    assert program is not None and diagnostics == []
    mixed = text.replace("30 liter", "30 kWh")
    assert only_problem(mixed).code == "E201"


def test_a_report_without_estimates_uses_actual_figures_only() -> None:
    program, diagnostics = check(parse(BASE + 'laporan butir 13 "Penghematan":\n', "uji.edaran"))
    assert diagnostics == [] and program is not None
    assert program.report is not None
    assert (program.report.title, program.report.estimates) == ("Penghematan", ())
