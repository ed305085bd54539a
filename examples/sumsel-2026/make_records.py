#!/usr/bin/env python3
"""Generate synthetic records for the quota and report engines (butir 7, 8, 9, 10.a, 13).

Writes five files beside this script, or into the directory given on the
command line:

    python make_records.py [OUTPUT_DIR]

``perjalanan.csv``
    Official trips (butir 8).  The baseline is 2025-04-01..2025-09-30, all
    done (``terlaksana``); the current year is 2026-04-01..2026-09-30, done
    through 2026-07-31 and planned (``rencana``) after.  Most units cut their
    trips to at most half their 2025 count in each two-month evaluation period
    (butir 14: Apr-May, Jun-Jul, Aug-Sep) and travel in smaller parties; the
    units in ``DOMESTIC_OVER`` do not, in the period named there (the Aug-Sep
    ones are plans).  Foreign trips are rare and come from a few units only
    (``FOREIGN``).  A few trips start on Friday 2026-05-29 and end in June, so
    they straddle the Apr-May/Jun-Jul boundary; for DISPERINDAG the count in
    both periods sits exactly at half its baseline, so a reader who counted a
    trip on its last day instead of its first would see Jun-Jul over quota.
    Costs follow the destination, the number of days and the party size
    (ticket, daily allowance, hotel), rounded to Rp 1.000 for done trips and
    to Rp 50.000 for planned ones.
``kendaraan.csv``
    Official vehicles used on working days (butir 9), one row a vehicle a
    day, same split as the trips.  Ambulances of the hospitals and the rescue
    and patrol vehicles of BPBD and Satpol PP are operational (``ya``) and run
    as in 2025; the other vehicles of each unit run on at most half their 2025
    days, except in ``VEHICLE_OVER``.  Planned days have no distance or fuel.
    Electric cars have a distance but no fuel.
``rapat.csv``
    Meetings, technical guidance, seminars and conferences (butir 7),
    2026-04..2026-09; some units hold them mostly online (``ONLINE``), some
    mostly on site (``ON_SITE``).  On a unit's WFH Friday a meeting is online.
``daftar_periksa.csv``
    Energy checklists (butir 10.a): one row per unit per WFH Friday of
    2026-04..2026-09 for the units that do WFH (not the public-service units
    of butir 6/12 and their sub-units).  About one row in twenty is missing
    (more for DISPORA and DKP), and now and then an item was not switched off.
``biaya.csv``
    Monthly cost lines of the top-level units (butir 13), ``;``-separated with
    CRLF line ends and Indonesian number formats, as Excel in Indonesia saves
    a CSV: ``Rp 12.500.000,00`` and ``1.234,5``.  Baseline 2025-04..2025-09,
    actuals 2026-04..2026-07 (2026-08..09 absent: a report must estimate).
    ``NO_ACTUALS`` units have no 2026 lines at all, ``PARTIAL`` ones stop
    early, and ``NO_BASELINE`` has no 2025 lines.  Figures scale with each
    unit's head count (sub-units included) and, in 2026, with the share of
    office days left after WFH Fridays (the proportions of the rule file's
    PROPORSI_WFH table, staff below the performance target and JPT staying in
    the office), so WFH-heavy units spend less and units that stay WFO spend
    about the same.  Electricity is Rp 1.444,70/kWh, water Rp 7.000-12.000/m3
    (one tariff per unit), fuel Pertalite Rp 10.000/litre and Dexlite
    Rp 13.250/litre, and the fuel lines are the sums of ``kendaraan.csv``.  The
    monthly figures follow the calendar month, not the number of working days
    in it (Lebaran fell in April 2025), so a year-on-year comparison shows the
    effect of the policy alone.

Every figure is synthetic: the units and the roster come from
``make_workforce.py`` (``roster/``), and no trip, vehicle, meeting, checklist
or bill here is real.  The output is byte-identical on every run: one seeded
generator, drawn only through ``Random.random()``, and integer arithmetic for
every number written.  Standard library only.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple, TypeVar

SEED = 20260801
HERE = Path(__file__).resolve().parent
T = TypeVar("T")

BASELINE_YEAR, CURRENT_YEAR = 2025, 2026
MONTHS = (4, 5, 6, 7, 8, 9)
DONE_UNTIL = dt.date(2026, 7, 31)  # the records are as of 1 August 2026
LAST_ACTUAL_MONTH = 7  # cost lines of 2026 stop at July

#: Public holidays and cuti bersama between April and September (SKB 3 Menteri;
#: the same days as the ``holidays`` package, categories public and government).
HOLIDAYS = frozenset(
    dt.date.fromisoformat(word)
    for word in str.split("""
    2025-04-01 2025-04-02 2025-04-03 2025-04-04 2025-04-07 2025-04-18 2025-05-01 2025-05-12
    2025-05-13 2025-05-29 2025-05-30 2025-06-06 2025-06-09 2025-06-27 2025-08-18 2025-09-05
    2026-04-03 2026-05-01 2026-05-14 2026-05-15 2026-05-27 2026-05-28 2026-06-01 2026-06-16
    2026-08-17 2026-08-25
    """)
)

#: Holidays on a Sunday: nobody leaves on a trip on them.
SUNDAY_HOLIDAYS = frozenset(
    dt.date.fromisoformat(d)
    for d in ("2025-04-20", "2025-06-01", "2025-08-17", "2026-04-05", "2026-05-31")
)

#: Butir 4 as the rule file reads it (PROPORSI_WFH): the share of a unit that may
#: be on WFH on a Friday; the other units 100%.
WFH_PROPORTION = {
    "SETDA": 50,
    "BPKAD": 50,
    "BKD": 50,
    "INSPEKTORAT": 60,
    "BAPENDA": 40,
    "DINKES": 50,
    "DISDIK": 50,
}
TARGET = 80.0  # butir 6: below the performance target, WFO on Fridays

# -- what the records show (the test cases) -----------------------------------

#: (unit, period) whose domestic trips in 2026 exceed half the 2025 count;
#: period 0 is Apr-May, 1 Jun-Jul (both done), 2 Aug-Sep (planned).
DOMESTIC_OVER = (
    ("DISHUB", 0),
    ("DINKES", 1),
    ("DPUBMTR", 1),
    ("BIRO_ADPIM", 2),
    ("BAPPEDA", 2),
    ("DISDIK", 2),
    ("DISPAR", 2),
    ("KESBANGPOL", 2),
)
#: Units with a trip from Friday 2026-05-29 into June (counted in Apr-May).
STRADDLE = {
    "DISPERINDAG": (dt.date(2026, 5, 29), dt.date(2026, 6, 2), "Jakarta"),
    "BPSDM": (dt.date(2026, 5, 29), dt.date(2026, 6, 1), "Bandung"),
    "DLHP": (dt.date(2026, 5, 29), dt.date(2026, 6, 3), "Yogyakarta"),
}
#: Units at exactly half their baseline in Apr-May and Jun-Jul 2026.
AT_QUOTA = ("DISPERINDAG",)
#: Foreign trips: (year, unit, period, destination).
FOREIGN = (
    (2025, "BAPPEDA", 0, "Seoul"),
    (2025, "BIRO_ADPIM", 0, "Kuala Lumpur"),
    (2025, "BIRO_ADPIM", 1, "Singapura"),
    (2025, "DISPAR", 1, "Kuala Lumpur"),
    (2025, "BIRO_ADPIM", 2, "Tokyo"),
    (2025, "DISPAR", 2, "Singapura"),
    (2025, "DISPAR", 2, "Kuala Lumpur"),
    (2025, "DISPAR", 2, "Penang"),
    (2025, "DISPAR", 2, "Bangkok"),
    (2025, "DISPERINDAG", 2, "Bangkok"),
    (2026, "BIRO_ADPIM", 1, "Singapura"),  # baseline 1: 30% of it is below one trip
    (2026, "BIRO_ADPIM", 2, "Kuala Lumpur"),
    (2026, "DISPAR", 2, "Kuala Lumpur"),  # baseline 4: 30% allows one
    (2026, "DISKOMINFO", 2, "Singapura"),  # no foreign trip in 2025 at all
)
#: (unit, period) whose non-operational vehicle days in 2026 exceed half of 2025.
VEHICLE_OVER = (
    ("BIRO_UMUM", 0),
    ("DPUBMTR", 1),
    ("DISHUB", 2),
    ("DPUSDA", 2),
    ("RSUD_SF", 2),
)
ONLINE = ("BAPPEDA", "BKD", "BPSDM", "BRIDA", "DISKOMINFO", "INSPEKTORAT", "UPT_BTKP")
ON_SITE = (
    "BIRO_ADPIM",
    "BPBD",
    "DISPORA",
    "DPMPTSP",
    "DPUBMTR",
    "RSKGM",
    "RSKM",
    "RSUD_SF",
    "RS_EB",
    "SATPOL_PP",
    "SETWAN",
    "UPT_PSBR",
    "UPT_PSTW",
)
CARELESS = {"DISPORA": 0.35, "DKP": 0.2}  # checklists missing more often
NO_ACTUALS = ("DISPORA", "DKP", "DPMD")  # no 2026 cost lines
PARTIAL = {"DISPUSIP": 6}  # 2026 cost lines only up to this month
NO_BASELINE = ("DPPPA",)  # no 2025 cost lines

# -- destinations ----------------------------------------------------------------


class Place(NamedTuple):
    name: str
    ticket: int  # return ticket or road transport per person, rupiah
    allowance: int  # uang harian per person per day
    hotel: int  # per person per night
    weight: int


# name | ticket | uang harian | hotel | weight (in-province: ticket is road transport)
IN_PROVINCE = [
    Place("Indralaya", 150_000, 380_000, 550_000, 6),
    Place("Prabumulih", 250_000, 380_000, 550_000, 5),
    Place("Kayuagung", 200_000, 380_000, 550_000, 5),
    Place("Pangkalan Balai", 150_000, 380_000, 550_000, 4),
    Place("Sekayu", 300_000, 380_000, 550_000, 5),
    Place("Muara Enim", 400_000, 380_000, 550_000, 5),
    Place("Talang Ubi", 400_000, 380_000, 550_000, 3),
    Place("Lahat", 500_000, 380_000, 550_000, 5),
    Place("Baturaja", 450_000, 380_000, 550_000, 5),
    Place("Martapura", 550_000, 380_000, 550_000, 3),
    Place("Muaradua", 650_000, 380_000, 550_000, 3),
    Place("Pagar Alam", 650_000, 380_000, 550_000, 4),
    Place("Tebing Tinggi", 700_000, 380_000, 550_000, 2),
    Place("Lubuklinggau", 700_000, 380_000, 550_000, 5),
    Place("Muara Rupit", 750_000, 380_000, 550_000, 2),
]
DOMESTIC = [
    Place("Jakarta", 2_100_000, 530_000, 1_000_000, 40),
    Place("Bandung", 2_500_000, 430_000, 900_000, 6),
    Place("Yogyakarta", 2_600_000, 420_000, 850_000, 6),
    Place("Surabaya", 2_900_000, 490_000, 900_000, 4),
    Place("Denpasar", 3_600_000, 480_000, 1_100_000, 4),
    Place("Batam", 2_000_000, 370_000, 850_000, 5),
    Place("Medan", 2_800_000, 370_000, 850_000, 3),
    Place("Makassar", 4_200_000, 430_000, 850_000, 2),
    Place("Semarang", 2_800_000, 370_000, 850_000, 3),
    Place("Bandar Lampung", 1_400_000, 380_000, 800_000, 3),
    Place("Jambi", 900_000, 370_000, 750_000, 3),
    Place("Bengkulu", 1_200_000, 380_000, 750_000, 3),
    Place("Pangkalpinang", 1_300_000, 410_000, 800_000, 4),
    Place("Padang", 2_200_000, 380_000, 800_000, 2),
    Place("Pekanbaru", 2_000_000, 370_000, 800_000, 2),
    Place("Balikpapan", 3_800_000, 430_000, 900_000, 1),
]
ABROAD = {
    place.name: place
    for place in [
        Place("Kuala Lumpur", 4_800_000, 2_300_000, 1_900_000, 1),
        Place("Penang", 4_600_000, 2_100_000, 1_700_000, 1),
        Place("Singapura", 5_200_000, 2_900_000, 3_200_000, 1),
        Place("Bangkok", 6_800_000, 2_400_000, 2_000_000, 1),
        Place("Seoul", 12_500_000, 4_200_000, 3_300_000, 1),
        Place("Tokyo", 14_500_000, 4_500_000, 3_800_000, 1),
    ]
}
PLACES = {place.name: place for place in [*IN_PROVINCE, *DOMESTIC]}
#: Trips per staff member per month in 2025, by unit kind.
TRIP_RATE = {
    "Sekretariat": 0.07,
    "Biro": 0.09,
    "Inspektorat": 0.10,
    "Badan": 0.08,
    "Dinas": 0.08,
    "Satuan": 0.03,
    "UPT": 0.04,
    "UPTB": 0.02,
    "UPT Sekolah": 0.006,
    "Rumah Sakit": 0.02,
}
#: Share of a unit's trips that stay in the province.
LOCAL_SHARE = {"Inspektorat": 0.6, "UPTB": 0.7, "UPT Sekolah": 0.5, "UPT": 0.45}
LOCAL_UNITS = {"DPMD": 0.5, "DISTANHORTI": 0.45, "DISBUN": 0.45, "DPUBMTR": 0.5, "DPUSDA": 0.5}

# -- vehicles --------------------------------------------------------------------


class Vehicle(NamedTuple):
    plate: str
    unit: str
    kind: str  # bensin, solar, listrik
    operational: bool
    role: str  # car, truck, ambulance, rescue, patrol, bus
    efficiency: int  # km per litre, in tenths
    use: float  # chance of being on the road on a working day in 2025


#: Operational vehicles: unit -> [(role, count)].
OPERATIONAL = {
    "RSUD_SF": [("ambulance", 6)],
    "RS_EB": [("ambulance", 3)],
    "RSKGM": [("ambulance", 2)],
    "RSKM": [("ambulance", 2)],
    "BPBD": [("rescue", 3), ("truck", 2)],
    "SATPOL_PP": [("patrol", 6)],
}
#: Other vehicles where the head count would give the wrong fleet.
FLEET = {
    "BIRO_UMUM": 10,
    "BIRO_ADPIM": 6,
    "SETDA": 3,
    "RSUD_SF": 3,
    "RS_EB": 2,
    "RSKGM": 1,
    "RSKM": 1,
    "SMAN_SUMSEL": 1,  # the boarding school's bus
}
ELECTRIC = {"BIRO_UMUM": 3, "DISESDM": 1, "DISHUB": 1, "DLHP": 1, "DISKOMINFO": 1}
FIELD_UNITS = ("DPUBMTR", "DPUSDA", "DISHUT", "DISBUN", "DISTANHORTI", "BPBD", "DLHP")
PLATE_SUFFIXES = ("AZ", "BZ", "CZ", "DZ", "EZ", "HZ", "KZ", "LZ", "MZ", "NZ", "PZ", "RZ")

# -- meetings --------------------------------------------------------------------

TITLES = {
    "rapat": [
        "Rapat Koordinasi {}",
        "Rapat Evaluasi {}",
        "Rapat Pembahasan {}",
        "Rapat Internal {}",
        "Rapat Persiapan {}",
        "Rapat Teknis {}",
    ],
    "bimtek": ["Bimbingan Teknis {}", "Bimtek {}"],
    "seminar": ["Seminar {}", "Seminar Nasional {}", "Diskusi Panel {}"],
    "konferensi": ["Konferensi {}", "Konferensi Regional {}"],
}
GENERIC_TOPICS = [
    "Capaian Kinerja Triwulanan",
    "Pengendalian Kegiatan dan Anggaran",
    "Penyusunan Renja 2027",
    "Realisasi Anggaran",
    "Transformasi Budaya Kerja ASN",
    "Reformasi Birokrasi",
    "Perubahan APBD 2026",
    "Tindak Lanjut Hasil Pemeriksaan BPK",
    "Sistem Pemerintahan Berbasis Elektronik",
    "Penilaian SAKIP",
]
TOPICS = {
    "SETDA": ["Pimpinan OPD", "Kebijakan Umum Pemerintahan", "Staf Ahli Gubernur"],
    "BIRO_PEMOTDA": ["Kerja Sama Daerah", "Batas Wilayah Kabupaten/Kota", "LPPD 2025"],
    "BIRO_HUKUM": ["Rancangan Peraturan Daerah", "Harmonisasi Peraturan Gubernur", "JDIH"],
    "BIRO_ORG": ["Analisis Jabatan", "Penyederhanaan Birokrasi", "Zona Integritas"],
    "BIRO_EKON": ["Pengendalian Inflasi Daerah", "BUMD", "Ketahanan Pangan"],
    "BIRO_UMUM": ["Pengelolaan Barang Milik Daerah", "Tata Naskah Dinas", "Kearsipan Setda"],
    "BIRO_PBJ": ["Katalog Elektronik", "Tender Barang dan Jasa", "Pengadaan Langsung"],
    "BIRO_ADPIM": ["Agenda Pimpinan", "Protokol Acara HUT RI ke-81", "Publikasi Pimpinan"],
    "BIRO_KESRA": ["Musabaqah Tilawatil Quran", "Bantuan Hibah Keagamaan", "Beasiswa"],
    "SETWAN": ["Rapat Paripurna", "Reses Anggota DPRD", "Pembahasan KUA-PPAS 2027"],
    "INSPEKTORAT": ["Reviu Laporan Keuangan", "Probity Audit", "Pengawasan Dana Desa"],
    "BAPPEDA": ["Musrenbang", "RKPD 2027", "Evaluasi RPJMD", "Data Pembangunan"],
    "BKD": ["Manajemen Talenta ASN", "Seleksi PPPK", "Penilaian Kinerja SKP", "SIMPEG"],
    "BPKAD": ["Penatausahaan Keuangan SIPD", "Rekonsiliasi Aset", "Laporan Keuangan"],
    "BAPENDA": ["Optimalisasi Pajak Kendaraan Bermotor", "Pemutihan PKB", "Opsen Pajak"],
    "DISDIK": ["PPDB SMA/SMK 2026", "Kurikulum Merdeka", "Dana BOS", "Asesmen Nasional"],
    "DINKES": ["Percepatan Penurunan Stunting", "Imunisasi", "Pengendalian DBD"],
    "RSUD_SF": ["Akreditasi Rumah Sakit", "Mutu Pelayanan", "Klaim BPJS Kesehatan"],
    "RS_EB": ["Layanan Kesehatan Jiwa", "Rehabilitasi NAPZA", "Akreditasi Rumah Sakit"],
    "RSKGM": ["Pelayanan Gigi dan Mulut", "Mutu Pelayanan", "Klaim BPJS Kesehatan"],
    "RSKM": ["Operasi Katarak", "Mutu Pelayanan", "Klaim BPJS Kesehatan"],
    "BPBD": ["Kesiapsiagaan Karhutla", "Penanggulangan Banjir", "Desa Tangguh Bencana"],
    "SATPOL_PP": ["Penegakan Perda", "Ketertiban Umum", "Satlinmas"],
    "DPMPTSP": ["Perizinan Berusaha OSS RBA", "Promosi Investasi", "Pengaduan Perizinan"],
    "DINSOS": ["DTKS", "Penanganan Fakir Miskin", "Rehabilitasi Sosial"],
    "DPUBMTR": ["Preservasi Jalan Provinsi", "RTRW Provinsi", "Jasa Konstruksi"],
    "DPUSDA": ["Irigasi Rawa", "Pengendalian Banjir Sungai Musi", "Air Baku"],
    "DISHUB": ["Angkutan Sungai", "Keselamatan Lalu Lintas", "LRT Sumsel"],
    "DISKOMINFO": ["Satu Data Indonesia", "Keamanan Siber", "Aplikasi SPBE", "Smart Province"],
    "DPPPA": ["Perlindungan Anak", "Pengarusutamaan Gender", "Kota Layak Anak"],
    "DISTANHORTI": ["Luas Tambah Tanam", "Penyuluhan Pertanian", "Alsintan"],
    "DISBUN": ["Peremajaan Sawit Rakyat", "Harga TBS", "Karet Rakyat"],
    "DLHP": ["Pengendalian Karhutla", "Kualitas Udara", "Reforma Agraria"],
    "DISPAR": ["Festival Sriwijaya", "Promosi Wisata", "Ekonomi Kreatif"],
    "DINKOP": ["Koperasi Desa Merah Putih", "UMKM Naik Kelas", "Pembiayaan UMKM"],
    "KESBANGPOL": ["Wawasan Kebangsaan", "Forum Kerukunan Umat Beragama", "Kewaspadaan Dini"],
    "BPSDM": ["Pelatihan Kepemimpinan", "Sertifikasi Kompetensi", "Corporate University"],
    "DISPUSIP": ["Gerakan Literasi", "Pengelolaan Arsip Dinamis", "Perpustakaan Digital"],
    "DISNAKERTRANS": ["Upah Minimum Provinsi", "Pelatihan Kerja", "Transmigrasi"],
    "DISPERINDAG": ["Stabilisasi Harga Bahan Pokok", "Ekspor Komoditas", "Metrologi Legal"],
    "DKP": ["Perikanan Tangkap", "Budidaya Ikan Patin", "Ruang Laut"],
    "DISPORA": ["Porprov 2026", "Pemuda Pelopor", "Sarana Olahraga"],
    "DISESDM": ["Energi Baru Terbarukan", "Pertambangan Rakyat", "Listrik Desa"],
    "DISHUT": ["Perhutanan Sosial", "Rehabilitasi Hutan dan Lahan", "KPH"],
    "DPMD": ["Dana Desa", "BUMDes", "Profil Desa"],
    "BRIDA": ["Inovasi Daerah", "Kajian Kebijakan", "Kemitraan Riset"],
}

# -- costs -----------------------------------------------------------------------

TARIFF_SEN = 144_470  # Rp 1.444,70 per kWh, in sen
PERTALITE = 10_000  # rupiah per litre
DEXLITE = 13_250
WATER_TARIFFS = (7_000, 8_000, 8_500, 9_500, 10_500, 12_000)
CATEGORIES = ("belanja operasional pegawai", "listrik", "bbm", "air", "telepon", "lainnya")
COST_NOTES = {
    "belanja operasional pegawai": "uang makan dan transport lokal",
    "listrik": "tagihan PLN",
    "air": "tagihan PDAM Tirta Musi",
    "telepon": "telepon dan internet",
    "lainnya": "ATK, kebersihan, konsumsi rapat",
}


class Dice:
    """Deterministic choices drawn only from ``Random.random()``."""

    def __init__(self, seed: int) -> None:
        self._random = random.Random(seed)

    def below(self, n: int) -> int:
        return min(n - 1, int(self._random.random() * n))

    def between(self, low: int, high: int) -> int:
        return low + self.below(high - low + 1)

    def pick(self, items: Sequence[T]) -> T:
        return items[self.below(len(items))]

    def chance(self, p: float) -> bool:
        return self._random.random() < p

    def weighted(self, pairs: Sequence[tuple[T, float]]) -> T:
        x = self._random.random() * sum(w for _, w in pairs)
        for item, weight in pairs:
            x -= weight
            if x < 0:
                return item
        return pairs[-1][0]

    def sample(self, items: Sequence[T], k: int) -> list[T]:
        """``k`` distinct items, in their original order (a partial Fisher-Yates)."""
        index = list(range(len(items)))
        for i in range(min(k, len(index))):
            j = i + self.below(len(index) - i)
            index[i], index[j] = index[j], index[i]
        return [items[i] for i in sorted(index[:k])]

    def permille(self, spread: int) -> int:
        """A factor around 1000, within +/- ``spread`` per mille."""
        return 1000 + self.between(-spread, spread)


# -- calendar ----------------------------------------------------------------------


def days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(n) for n in range((last - first).days + 1)]


def working(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in HOLIDAYS


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(1)


def period_range(year: int, period: int) -> tuple[dt.date, dt.date]:
    """Evaluation period 0 (Apr-May), 1 (Jun-Jul) or 2 (Aug-Sep) of ``year``."""
    first = 4 + 2 * period
    return dt.date(year, first, 1), month_end(year, first + 1)


def working_days(year: int, period: int) -> list[dt.date]:
    return [d for d in days(*period_range(year, period)) if working(d)]


def wfh_fridays(year: int, month: int) -> list[dt.date]:
    if year < CURRENT_YEAR:
        return []
    return [d for d in days(dt.date(year, month, 1), month_end(year, month)) if d.weekday() == 4]


def status(day: dt.date) -> str:
    return "terlaksana" if day <= DONE_UNTIL else "rencana"


# -- roster ------------------------------------------------------------------------


class Unit(NamedTuple):
    code: str
    kind: str
    public: bool
    parent: str


class Person(NamedTuple):
    nip: str
    unit: str
    level: str
    score: float | None


class Roster:
    def __init__(self, directory: Path) -> None:
        with (directory / "unit.csv").open(encoding="utf-8", newline="") as f:
            self.units = {
                r["kode"]: Unit(r["kode"], r["jenis"], r["layanan_publik"] == "ya", r["induk"])
                for r in csv.DictReader(f)
            }
        with (directory / "pegawai.csv").open(encoding="utf-8", newline="") as f:
            self.people = [
                Person(
                    r["nip"],
                    r["unit"],
                    r["jenjang"],
                    float(r["capaian_kinerja"]) if r["capaian_kinerja"] else None,
                )
                for r in csv.DictReader(f)
            ]
        self.staff = {code: [p for p in self.people if p.unit == code] for code in self.units}

    def top(self, code: str) -> str:
        while self.units[code].parent:
            code = self.units[code].parent
        return code

    def on_site(self, code: str) -> bool:
        """Stays WFO (butir 6, 12): it or a unit above it gives direct public service."""
        while code:
            if self.units[code].public:
                return True
            code = self.units[code].parent
        return False

    def tops(self) -> list[str]:
        return [code for code, unit in self.units.items() if not unit.parent]

    def subtree(self, top: str) -> list[str]:
        return [code for code in self.units if self.top(code) == top]

    def wfh_people(self, code: str) -> int:
        """How many of a unit's staff are on WFH on a WFH Friday (butir 2, 4, 6, 11)."""
        if self.on_site(code):
            return 0
        staff = self.staff[code]
        eligible = sum(
            1
            for p in staff
            if not p.level.startswith("JPT") and (p.score is None or p.score >= TARGET)
        )
        quota = len(staff) * WFH_PROPORTION.get(code, 100) // 100
        return max(0, min(eligible, quota, len(staff) - 1))


# -- trips -------------------------------------------------------------------------


class Trip(NamedTuple):
    unit: str
    kind: str
    start: dt.date
    end: dt.date
    party: int
    cost: int
    status: str
    place: str


def trip_cost(dice: Dice, place: Place, length: int, party: int, planned: bool) -> int:
    total = 0
    for _ in range(party):
        ticket = place.ticket * dice.permille(150) // 1000
        stay = length * place.allowance + (length - 1) * place.hotel
        total += ticket + stay * dice.permille(80) // 1000
    step = 50_000 if planned else 1_000
    return max(step, (total + step // 2) // step * step)


def trip_party(dice: Dice, year: int, abroad: bool) -> int:
    if abroad:
        return dice.between(2, 5) if year == BASELINE_YEAR else dice.between(1, 3)
    if year == BASELINE_YEAR:
        pairs = [(1, 15.0), (2, 30.0), (3, 25.0), (4, 15.0), (5, 9.0), (6, 6.0)]
    else:
        pairs = [(1, 35.0), (2, 35.0), (3, 17.0), (4, 8.0), (5, 4.0), (6, 1.0)]
    return dice.weighted(pairs)


def trip_length(dice: Dice, local: bool, abroad: bool) -> int:
    if abroad:
        return dice.between(4, 7)
    if local:
        return dice.weighted([(1, 30.0), (2, 40.0), (3, 30.0)])
    return dice.weighted([(2, 25.0), (3, 45.0), (4, 22.0), (5, 8.0)])


def trip(dice: Dice, unit: str, year: int, period: int, place: Place) -> Trip:
    abroad = place.name in ABROAD
    local = place.name in {p.name for p in IN_PROVINCE}
    length = trip_length(dice, local, abroad)
    first, last = period_range(year, period)
    limit = DONE_UNTIL if year == CURRENT_YEAR and period == 1 else dt.date(year, 9, 30)
    starts = [d for d in days(first, last) if working(d) and d + dt.timedelta(length - 1) <= limit]
    start = dice.pick(starts)
    if (
        not abroad
        and not local
        and start.weekday() == 0
        and start - dt.timedelta(1) not in SUNDAY_HOLIDAYS
        and dice.chance(0.15)
    ):
        start -= dt.timedelta(1)  # leave on Sunday for a Monday opening
        length += 1
    end = start + dt.timedelta(length - 1)
    party = trip_party(dice, year, abroad)
    planned = status(start) == "rencana"
    cost = trip_cost(dice, place, length, party, planned)
    kind = "luar negeri" if abroad else "dalam negeri"
    return Trip(unit, kind, start, end, party, cost, status(start), place.name)


def domestic_place(dice: Dice, local_share: float) -> Place:
    group = IN_PROVINCE if dice.chance(local_share) else DOMESTIC
    return dice.weighted([(p, float(p.weight)) for p in group])


def trips(dice: Dice, roster: Roster) -> list[Trip]:
    found: list[Trip] = []
    over = set(DOMESTIC_OVER)
    for code, unit in roster.units.items():
        staff = len(roster.staff[code])
        share = LOCAL_UNITS.get(code, LOCAL_SHARE.get(unit.kind, 0.25))
        mean = staff * TRIP_RATE[unit.kind] * 2
        for period in range(3):
            base = max(0, round(mean * dice.permille(300) / 1000))
            if code in STRADDLE or code in AT_QUOTA:
                base = max(base, 4)
            found += [
                trip(dice, code, BASELINE_YEAR, period, domestic_place(dice, share))
                for _ in range(base)
            ]
            if (code, period) in over:
                count = (base + 1) // 2 + dice.between(1, 3)
            elif code in AT_QUOTA and period < 2:
                count = base // 2
            else:
                count = base * dice.between(250, 500) // 1000
            if code in STRADDLE and period == 0:
                count = max(count, base // 2, 1)
            current = [
                trip(dice, code, CURRENT_YEAR, period, domestic_place(dice, share))
                for _ in range(count)
            ]
            if code in STRADDLE and period == 0:
                start, end, name = STRADDLE[code]
                party = trip_party(dice, CURRENT_YEAR, False)
                cost = trip_cost(dice, PLACES[name], (end - start).days + 1, party, False)
                current[0] = Trip(
                    code, "dalam negeri", start, end, party, cost, status(start), name
                )
            found += current
    for year, code, period, name in FOREIGN:
        found.append(trip(dice, code, year, period, ABROAD[name]))
    found.sort(key=lambda t: (t.start, list(roster.units).index(t.unit), t.end, t.place))
    return found


# -- vehicles ----------------------------------------------------------------------


class VehicleDay(NamedTuple):
    vehicle: Vehicle
    day: dt.date
    distance: int | None  # tenths of a kilometre
    fuel: int | None  # tenths of a litre


def fleet(dice: Dice, roster: Roster) -> list[Vehicle]:
    plates: set[str] = set()

    def plate() -> str:
        while True:
            text = f"BG {dice.between(1000, 9999)} {dice.pick(PLATE_SUFFIXES)}"
            if text not in plates:
                plates.add(text)
                return text

    vehicles = []
    for code, unit in roster.units.items():
        staff = len(roster.staff[code])
        if code in FLEET:
            count = FLEET[code]
        elif unit.kind == "UPT Sekolah":
            count = 0
        elif unit.kind in ("UPT", "UPTB"):
            count = 1
        elif unit.kind == "Biro":
            count = 2
        else:
            count = max(2, round(staff / 14))
        for role, n in OPERATIONAL.get(code, []):
            for _ in range(n):
                if role == "ambulance":
                    kind = "solar" if dice.chance(0.6) else "bensin"
                    efficiency = dice.between(75, 90)
                elif role == "truck":
                    kind, efficiency = "solar", dice.between(45, 60)
                elif role == "rescue":
                    kind, efficiency = "solar", dice.between(80, 95)
                else:
                    kind = "solar" if dice.chance(0.3) else "bensin"
                    efficiency = dice.between(85, 100)
                use = 0.8 + dice.between(0, 15) / 100
                vehicles.append(Vehicle(plate(), code, kind, True, role, efficiency, use))
        electric = ELECTRIC.get(code, 0)
        for n in range(count):
            role = "bus" if code == "SMAN_SUMSEL" else "car"
            solar_share = 0.5 if code in FIELD_UNITS else 0.2
            if n < electric:
                kind, efficiency = "listrik", 0
            elif role == "bus":
                kind, efficiency = "solar", dice.between(60, 70)
            elif dice.chance(solar_share):  # double cabins and SUVs
                kind, efficiency = "solar", dice.between(90, 110)
            else:
                kind, efficiency = "bensin", dice.between(105, 125)
            use = 0.5 + dice.between(0, 30) / 100
            vehicles.append(Vehicle(plate(), code, kind, False, role, efficiency, use))
    return vehicles


def distance(dice: Dice, vehicle: Vehicle) -> int:
    """Tenths of a kilometre driven in a day."""
    if vehicle.role == "ambulance":
        return dice.between(150, 1400)
    if vehicle.role in ("rescue", "truck"):
        return dice.between(100, 900)
    if vehicle.role == "patrol":
        return dice.between(250, 1100)
    if vehicle.role == "bus":
        return dice.between(200, 600)
    if vehicle.kind != "listrik" and dice.chance(0.18):  # out of town, to a regency
        return dice.between(900, 3800)
    return dice.between(80, 650)


def vehicle_day(dice: Dice, vehicle: Vehicle, day: dt.date) -> VehicleDay:
    if status(day) == "rencana":
        return VehicleDay(vehicle, day, None, None)
    km = distance(dice, vehicle)
    if vehicle.kind == "listrik":
        return VehicleDay(vehicle, day, km, None)
    efficiency = vehicle.efficiency * dice.permille(80) // 1000
    litres = (km * 20 + efficiency) // (2 * efficiency)  # tenths, rounded half up
    return VehicleDay(vehicle, day, km, max(1, litres))


def vehicle_days(dice: Dice, roster: Roster, vehicles: list[Vehicle]) -> list[VehicleDay]:
    found: list[VehicleDay] = []
    over = set(VEHICLE_OVER)
    for code in roster.units:
        mine = [v for v in vehicles if v.unit == code]
        if not mine:
            continue
        wfh = roster.wfh_people(code) > 0
        for period in range(3):
            base_days = working_days(BASELINE_YEAR, period)
            base = [vehicle_day(dice, v, d) for d in base_days for v in mine if dice.chance(v.use)]
            found += base
            current_days = working_days(CURRENT_YEAR, period)
            found += [
                vehicle_day(dice, v, d)
                for d in current_days
                for v in mine
                if v.operational and dice.chance(v.use)
            ]
            ordinary = [v for v in mine if not v.operational]
            used = sum(1 for u in base if not u.vehicle.operational)
            if (code, period) in over:
                count = (used + 1) // 2 + used * dice.between(100, 250) // 1000 + 1
            else:
                count = used * dice.between(300, 480) // 1000
            slots = [
                (v, d)
                for d in current_days
                for v in ordinary
                if not (wfh and d.weekday() == 4 and dice.chance(0.85))
            ]
            found += [vehicle_day(dice, v, d) for v, d in dice.sample(slots, count)]
    order = {code: n for n, code in enumerate(roster.units)}
    found.sort(key=lambda u: (u.day, order[u.vehicle.unit], u.vehicle.plate))
    return found


def tenths(value: int | None) -> str:
    return "" if value is None else f"{value // 10}.{value % 10}"


# -- meetings ----------------------------------------------------------------------


class Meeting(NamedTuple):
    unit: str
    day: dt.date
    form: str
    kind: str
    title: str
    participants: int


def meetings(dice: Dice, roster: Roster) -> list[Meeting]:
    found = []
    for code, unit in roster.units.items():
        if unit.kind == "UPT Sekolah":
            continue
        staff = len(roster.staff[code])
        topics = TOPICS.get(code, []) + GENERIC_TOPICS
        if code in ONLINE:
            forms = [("daring", 60.0), ("hibrida", 30.0), ("luring", 10.0)]
        elif code in ON_SITE:
            forms = [("daring", 8.0), ("hibrida", 17.0), ("luring", 75.0)]
        else:
            forms = [("daring", 30.0), ("hibrida", 35.0), ("luring", 35.0)]
        wfh = roster.wfh_people(code) > 0
        for month in MONTHS:
            first, last = dt.date(CURRENT_YEAR, month, 1), month_end(CURRENT_YEAR, month)
            open_days = [d for d in days(first, last) if working(d)]
            for _ in range(max(1, round(staff / 9 * dice.permille(300) / 1000))):
                day = dice.pick(open_days)
                kind = dice.weighted(
                    [("rapat", 72.0), ("bimtek", 12.0), ("seminar", 11.0), ("konferensi", 5.0)]
                )
                form = "daring" if wfh and day.weekday() == 4 else dice.weighted(forms)
                topic = dice.pick(topics) if dice.chance(0.6) else dice.pick(topics[:3])
                template = dice.pick(TITLES[kind])
                if kind == "seminar" and form == "daring" and dice.chance(0.6):
                    template = "Webinar {}"
                low, high = {
                    "rapat": (5, 45),
                    "bimtek": (20, 150),
                    "seminar": (40, 300),
                    "konferensi": (60, 400),
                }[kind]
                if form == "luring":
                    high = min(high, 200)
                found.append(
                    Meeting(code, day, form, kind, template.format(topic), dice.between(low, high))
                )
    order = {code: n for n, code in enumerate(roster.units)}
    found.sort(key=lambda m: (m.day, order[m.unit], m.title))
    return found


# -- energy checklists -------------------------------------------------------------


def checklists(dice: Dice, roster: Roster) -> list[list[str]]:
    fridays = [
        d
        for month in MONTHS
        for d in wfh_fridays(CURRENT_YEAR, month)
        if working(d)  # 2026-04-03, 05-01 and 05-15 are days off
    ]
    rows = []
    for day in fridays:
        for code in roster.units:
            if roster.on_site(code):
                continue
            if dice.chance(CARELESS.get(code, 0.05)):
                continue  # no checklist handed in
            careless = 2.0 if code in CARELESS else 1.0
            marks = [
                "tidak" if dice.chance(p * careless) else "ya" for p in (0.025, 0.02, 0.03, 0.06)
            ]
            staff = [
                p for p in roster.staff[code] if p.level in ("Pelaksana", "Pengawas", "Fungsional")
            ]
            officers = staff[:2] if staff else roster.staff[code][:1]
            officer = officers[0] if len(officers) == 1 or dice.chance(0.8) else officers[1]
            rows.append([code, day.isoformat(), *marks, officer.nip])
    return rows


# -- costs -------------------------------------------------------------------------


def rupiah(sen: int) -> str:
    """``Rp 12.500.000,00`` from an amount in sen."""
    return f"Rp {grouped(sen // 100)},{sen % 100:02d}"


def grouped(whole: int) -> str:
    return f"{whole:,}".replace(",", ".")


def quantity(value: int, places: int) -> str:
    """Indonesian number format of ``value / 10**places``: ``1.234,5``, ``245``."""
    whole, part = divmod(value, 10**places)
    text = grouped(whole)
    decimals = f"{part:0{places}d}".rstrip("0") if places else ""
    return f"{text},{decimals}" if decimals else text


def occupancy(roster: Roster, top: str, year: int, month: int) -> tuple[int, int]:
    """Office person-days in ``month`` as a fraction (numerator, denominator).

    The denominator is head count times working days; WFH Fridays take the
    people on WFH out of the office.
    """
    first, last = dt.date(year, month, 1), month_end(year, month)
    open_days = [d for d in days(first, last) if working(d)]
    fridays = [d for d in wfh_fridays(year, month) if working(d)]
    codes = roster.subtree(top)
    people = sum(len(roster.staff[c]) for c in codes)
    away = sum(roster.wfh_people(c) for c in codes) * len(fridays)
    total = people * len(open_days)
    return total - away, total


def scaled(dice: Dice, amount: int, fixed: int, share: tuple[int, int], spread: int) -> int:
    """``amount`` of which ``fixed`` per mille does not depend on office occupancy ``share``."""
    present, total = share
    variable = (1000 - fixed) * present // total
    return amount * (fixed + variable) // 1000 * dice.permille(spread) // 1000


def costs(dice: Dice, roster: Roster, used: list[VehicleDay]) -> list[list[str]]:
    fuel: dict[tuple[str, int, int, str], int] = {}
    for u in used:
        if u.fuel is not None:
            key = (roster.top(u.vehicle.unit), u.day.year, u.day.month, u.vehicle.kind)
            fuel[key] = fuel.get(key, 0) + u.fuel
    rows = []
    for top in roster.tops():
        codes = roster.subtree(top)
        people = sum(len(roster.staff[c]) for c in codes)
        hospital = roster.units[top].kind == "Rumah Sakit"
        kwh_per_person = dice.between(2600, 3200) * (3 if hospital else 1)  # tenths of kWh
        water_per_person = dice.between(18, 26) * (5 if hospital else 1)  # tenths of m3
        water_tariff = dice.pick(WATER_TARIFFS)
        phone_base = dice.between(15, 60) * 100_000
        for year in (BASELINE_YEAR, CURRENT_YEAR):
            for month in MONTHS:
                if year == BASELINE_YEAR and top in NO_BASELINE:
                    continue
                if year == CURRENT_YEAR and (
                    top in NO_ACTUALS
                    or month > PARTIAL.get(top, LAST_ACTUAL_MONTH)
                    or month > LAST_ACTUAL_MONTH
                ):
                    continue
                share = occupancy(roster, top, year, month)
                season = 1000 + (month - 4) * 8  # the dry season is hotter
                staff_cost = scaled(dice, people * 1_050_000, 150, share, 30)
                kwh = scaled(dice, people * kwh_per_person, 400, share, 40) * season // 1000
                water = scaled(dice, people * water_per_person, 300, share, 60)
                phone = (phone_base + people * 35_000) * dice.permille(30) // 1000
                other = scaled(dice, people * 180_000, 500, share, 80)
                bulan = f"{year}-{month:02d}"
                rows.append(
                    [
                        top,
                        bulan,
                        CATEGORIES[0],
                        rupiah(staff_cost * 100),
                        "",
                        "",
                        COST_NOTES[CATEGORIES[0]],
                    ]
                )
                rows.append(
                    [
                        top,
                        bulan,
                        "listrik",
                        rupiah((kwh * TARIFF_SEN + 5) // 10),
                        quantity(kwh, 1),
                        "kWh",
                        COST_NOTES["listrik"],
                    ]
                )
                petrol = fuel.get((top, year, month, "bensin"), 0)
                diesel = fuel.get((top, year, month, "solar"), 0)
                if petrol or diesel:
                    sen = (petrol * PERTALITE + diesel * DEXLITE) * 10
                    note = f"Pertalite {quantity(petrol, 1)} l, Dexlite {quantity(diesel, 1)} l"
                    rows.append(
                        [
                            top,
                            bulan,
                            "bbm",
                            rupiah(sen),
                            quantity(petrol + diesel, 1),
                            "liter",
                            note,
                        ]
                    )
                m3 = (water + 5) // 10
                rows.append(
                    [
                        top,
                        bulan,
                        "air",
                        rupiah(m3 * water_tariff * 100),
                        quantity(m3, 0),
                        "m3",
                        COST_NOTES["air"],
                    ]
                )
                rows.append(
                    [top, bulan, "telepon", rupiah(phone * 100), "", "", COST_NOTES["telepon"]]
                )
                rows.append(
                    [top, bulan, "lainnya", rupiah(other * 100), "", "", COST_NOTES["lainnya"]]
                )
    return rows


# -- output ------------------------------------------------------------------------


def write(
    path: Path, header: list[str], rows: Iterable[list[str]], delimiter: str = ",", end: str = "\n"
) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=delimiter, lineterminator=end)
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            count += 1
    print(f"{count:6d} rows -> {path}")
    return count


def main(argv: Sequence[str]) -> int:
    out = Path(argv[0]) if argv else HERE
    out.mkdir(parents=True, exist_ok=True)
    dice = Dice(SEED)
    roster = Roster(HERE / "roster")

    found = trips(dice, roster)
    write(
        out / "perjalanan.csv",
        ["id", "unit", "jenis", "mulai", "selesai", "jumlah_peserta", "biaya", "status", "tujuan"],
        (
            [
                f"PD{n:06d}",
                t.unit,
                t.kind,
                t.start.isoformat(),
                t.end.isoformat(),
                str(t.party),
                str(t.cost),
                t.status,
                t.place,
            ]
            for n, t in enumerate(found, start=1)
        ),
    )

    used = vehicle_days(dice, roster, fleet(dice, roster))
    write(
        out / "kendaraan.csv",
        ["id", "kendaraan", "unit", "tanggal", "jenis", "operasional", "jarak", "bbm", "status"],
        (
            [
                f"KD{n:06d}",
                u.vehicle.plate,
                u.vehicle.unit,
                u.day.isoformat(),
                u.vehicle.kind,
                "ya" if u.vehicle.operational else "tidak",
                tenths(u.distance),
                tenths(u.fuel),
                status(u.day),
            ]
            for n, u in enumerate(used, start=1)
        ),
    )

    held = meetings(dice, roster)
    write(
        out / "rapat.csv",
        ["id", "unit", "tanggal", "bentuk", "jenis", "judul", "peserta"],
        (
            [f"RP{n:05d}", m.unit, m.day.isoformat(), m.form, m.kind, m.title, str(m.participants)]
            for n, m in enumerate(held, start=1)
        ),
    )

    write(
        out / "daftar_periksa.csv",
        ["unit", "tanggal", "elektronik", "ac", "lampu", "kabel", "petugas"],
        checklists(dice, roster),
    )

    write(
        out / "biaya.csv",
        ["unit", "bulan", "kategori", "jumlah", "kuantitas", "satuan", "keterangan"],
        costs(dice, roster, used),
        delimiter=";",
        end="\r\n",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
