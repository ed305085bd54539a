#!/usr/bin/env python3
"""Generate the synthetic workforce of the Province of South Sumatra (Sumatera Selatan).

Writes ``unit.csv`` and ``pegawai.csv`` (the two-file roster layout of
``docs/data-formats.md``) into the directory given on the command line, or into
``roster/`` beside this script:

    python make_workforce.py [OUTPUT_DIR]

Everything is synthetic: the units follow the province's real organisation
(the ones SE 800.1/1230/BKD.I/2026 names carry the codes rule files use), but
every person, NIP and score is invented.  The output is byte-identical on every
run: one seeded generator, drawn from in a fixed order, and only
``Random.random()`` is used (the other helpers of :mod:`random` have changed
between Python versions; the Mersenne Twister stream has not).  Standard library
only, so the script runs without installing anything.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

SEED = 20260401
REFERENCE = dt.date(2026, 4, 1)  # the day the circular takes effect
T = TypeVar("T")

JPT_MADYA = "JPT Madya"
JPT_PRATAMA = "JPT Pratama"
ADMINISTRATOR = "Administrator"
PENGAWAS = "Pengawas"
PELAKSANA = "Pelaksana"
FUNGSIONAL = "Fungsional"


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

    def weighted(self, pairs: Sequence[tuple[T, int]]) -> T:
        x = self._random.random() * sum(w for _, w in pairs)
        for item, weight in pairs:
            x -= weight
            if x < 0:
                return item
        return pairs[-1][0]

    def score(self) -> str:
        # Triangular around 92: most staff meet their targets, a few do not.
        u, v = self._random.random(), self._random.random()
        return f"{70.0 + 40.0 * (u + v) / 2:.1f}"


# -- units ---------------------------------------------------------------------
# (code, name, kind, public service, parent, head count, profile)

Unit = tuple[str, str, str, bool, str, int, str]

SAMSAT = [
    ("PLG1", "Palembang I"),
    ("PLG2", "Palembang II"),
    ("PLG3", "Palembang III"),
    ("PRABUMULIH", "Prabumulih"),
    ("LLG", "Lubuklinggau"),
    ("PAGARALAM", "Pagar Alam"),
    ("KAYUAGUNG", "Kayuagung"),
    ("BATURAJA", "Baturaja"),
    ("MUARAENIM", "Muara Enim"),
    ("LAHAT", "Lahat"),
    ("SEKAYU", "Sekayu"),
    ("BANYUASIN", "Pangkalan Balai"),
]

SCHOOLS = [  # (code, name, head count)
    ("SMAN1_PLG", "SMA Negeri 1 Palembang", 34),
    ("SMAN3_PLG", "SMA Negeri 3 Palembang", 32),
    ("SMAN5_PLG", "SMA Negeri 5 Palembang", 30),
    ("SMAN17_PLG", "SMA Negeri 17 Palembang", 30),
    ("SMAN_SUMSEL", "SMA Negeri Sumatera Selatan", 26),
    ("SMAN1_PBM", "SMA Negeri 1 Prabumulih", 26),
    ("SMAN1_LLG", "SMA Negeri 1 Lubuklinggau", 26),
    ("SMAN1_LAHAT", "SMA Negeri 1 Lahat", 24),
    ("SMAN1_OKU", "SMA Negeri 1 Baturaja", 24),
    ("SMAN1_KAG", "SMA Negeri 1 Kayuagung", 22),
    ("SMAN2_SKY", "SMA Negeri 2 Sekayu", 22),
    ("SMAN1_PGA", "SMA Negeri 1 Pagar Alam", 20),
    ("SMAN1_ME", "SMA Negeri 1 Muara Enim", 22),
    ("SMAN1_IDL", "SMA Negeri 1 Indralaya", 20),
    ("SMKN2_PLG", "SMK Negeri 2 Palembang", 34),
    ("SMKN3_PLG", "SMK Negeri 3 Palembang", 30),
    ("SMKN6_PLG", "SMK Negeri 6 Palembang", 28),
    ("SMKN1_PBM", "SMK Negeri 1 Prabumulih", 24),
    ("SMKN1_LLG", "SMK Negeri 1 Lubuklinggau", 24),
    ("SMKN1_LAHAT", "SMK Negeri 1 Lahat", 22),
    ("SMKN1_MTP", "SMK Negeri 1 Martapura", 20),
    ("SMKN1_SKY", "SMK Negeri 1 Sekayu", 22),
    ("SLBN_PEMBINA", "SLB Negeri Pembina Palembang", 20),
    ("SLBN1_PLG", "SLB Negeri 1 Palembang", 16),
    ("SLBN_PBM", "SLB Negeri Prabumulih", 12),
]

BIROS = [  # (code, name, head count, bagian)
    (
        "BIRO_PEMOTDA",
        "Biro Pemerintahan dan Otonomi Daerah",
        26,
        ["Pemerintahan", "Otonomi Daerah", "Kerja Sama"],
    ),
    (
        "BIRO_HUKUM",
        "Biro Hukum",
        24,
        ["Perundang-undangan", "Bantuan Hukum", "Dokumentasi dan Informasi Hukum"],
    ),
    (
        "BIRO_ORG",
        "Biro Organisasi",
        22,
        [
            "Kelembagaan dan Analisis Jabatan",
            "Reformasi Birokrasi dan Akuntabilitas Kinerja",
            "Tata Laksana",
        ],
    ),
    (
        "BIRO_EKON",
        "Biro Perekonomian",
        22,
        ["Perekonomian", "Sumber Daya Alam", "Administrasi Pembangunan"],
    ),
    ("BIRO_UMUM", "Biro Umum dan Perlengkapan", 40, ["Tata Usaha", "Rumah Tangga", "Perlengkapan"]),
    (
        "BIRO_PBJ",
        "Biro Pengadaan Barang dan Jasa",
        22,
        ["Pengelolaan Pengadaan", "Layanan Pengadaan Secara Elektronik", "Pembinaan dan Advokasi"],
    ),
    (
        "BIRO_ADPIM",
        "Biro Administrasi Pimpinan",
        30,
        ["Protokol", "Komunikasi Pimpinan", "Materi dan Komunikasi Pimpinan"],
    ),
    (
        "BIRO_KESRA",
        "Biro Kesejahteraan Rakyat",
        22,
        ["Bina Mental Spiritual", "Kesejahteraan Sosial", "Pendidikan dan Kesehatan"],
    ),
]

# code -> (name, kind, public service, head count, bidang)
OFFICES: dict[str, tuple[str, str, bool, int, list[str]]] = {
    "SETWAN": (
        "Sekretariat DPRD",
        "Sekretariat",
        False,
        60,
        [
            "Persidangan dan Perundang-undangan",
            "Fasilitasi Penganggaran dan Pengawasan",
            "Umum dan Keuangan",
        ],
    ),
    "INSPEKTORAT": (
        "Inspektorat Daerah",
        "Inspektorat",
        False,
        55,
        ["Wilayah I", "Wilayah II", "Wilayah III", "Wilayah IV"],
    ),
    "BAPPEDA": (
        "Badan Perencanaan Pembangunan Daerah",
        "Badan",
        False,
        55,
        [
            "Pemerintahan dan Pembangunan Manusia",
            "Perekonomian dan Sumber Daya Alam",
            "Infrastruktur dan Kewilayahan",
            "Pengendalian dan Evaluasi",
        ],
    ),
    "BKD": (
        "Badan Kepegawaian Daerah",
        "Badan",
        False,
        60,
        [
            "Pengadaan dan Informasi Kepegawaian",
            "Mutasi dan Promosi",
            "Penilaian Kinerja dan Penghargaan",
        ],
    ),
    "BPKAD": (
        "Badan Pengelolaan Keuangan dan Aset Daerah",
        "Badan",
        False,
        80,
        ["Anggaran", "Perbendaharaan", "Akuntansi", "Aset"],
    ),
    "BAPENDA": (
        "Badan Pendapatan Daerah",
        "Badan",
        False,
        60,
        [
            "Pajak Daerah",
            "Retribusi dan Pendapatan Lain-lain",
            "Pengendalian dan Evaluasi Pendapatan",
        ],
    ),
    "DISDIK": (
        "Dinas Pendidikan",
        "Dinas",
        False,
        70,
        ["Pembinaan SMA", "Pembinaan SMK", "Pembinaan Pendidikan Khusus", "Ketenagaan"],
    ),
    "DINKES": (
        "Dinas Kesehatan",
        "Dinas",
        False,
        60,
        [
            "Kesehatan Masyarakat",
            "Pencegahan dan Pengendalian Penyakit",
            "Pelayanan Kesehatan",
            "Sumber Daya Kesehatan",
        ],
    ),
    "BPBD": (
        "Badan Penanggulangan Bencana Daerah",
        "Badan",
        True,
        45,
        [
            "Pencegahan dan Kesiapsiagaan",
            "Kedaruratan dan Logistik",
            "Rehabilitasi dan Rekonstruksi",
        ],
    ),
    "SATPOL_PP": (
        "Satuan Polisi Pamong Praja",
        "Satuan",
        True,
        85,
        [
            "Penegakan Peraturan Daerah",
            "Ketertiban Umum dan Ketenteraman Masyarakat",
            "Perlindungan Masyarakat",
        ],
    ),
    "DPMPTSP": (
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "Dinas",
        True,
        45,
        [
            "Perencanaan dan Promosi Penanaman Modal",
            "Pelayanan Perizinan",
            "Pengendalian Pelaksanaan Penanaman Modal",
            "Pengaduan dan Informasi Pelayanan",
        ],
    ),
    "DINSOS": (
        "Dinas Sosial",
        "Dinas",
        False,
        40,
        [
            "Rehabilitasi Sosial",
            "Perlindungan dan Jaminan Sosial",
            "Pemberdayaan Sosial dan Penanganan Fakir Miskin",
        ],
    ),
    "DPUBMTR": (
        "Dinas Pekerjaan Umum Bina Marga dan Tata Ruang",
        "Dinas",
        False,
        70,
        ["Bina Marga", "Tata Ruang", "Jasa Konstruksi", "Preservasi Jalan dan Jembatan"],
    ),
    "DPUSDA": (
        "Dinas Pekerjaan Umum Sumber Daya Air",
        "Dinas",
        False,
        45,
        ["Sungai, Danau dan Bendungan", "Irigasi dan Rawa", "Air Baku"],
    ),
    "DISHUB": (
        "Dinas Perhubungan",
        "Dinas",
        False,
        45,
        ["Lalu Lintas dan Angkutan Jalan", "Pelayaran", "Perkeretaapian dan Perhubungan Udara"],
    ),
    "DISKOMINFO": (
        "Dinas Komunikasi dan Informatika",
        "Dinas",
        False,
        45,
        ["Informasi dan Komunikasi Publik", "Aplikasi Informatika", "Statistik dan Persandian"],
    ),
    "DPPPA": (
        "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
        "Dinas",
        False,
        30,
        ["Kesetaraan Gender", "Perlindungan Perempuan", "Pemenuhan Hak Anak"],
    ),
    "DISTANHORTI": (
        "Dinas Tanaman Pangan dan Hortikultura",
        "Dinas",
        False,
        50,
        ["Tanaman Pangan", "Hortikultura", "Prasarana dan Sarana Pertanian", "Penyuluhan"],
    ),
    "DISBUN": (
        "Dinas Perkebunan",
        "Dinas",
        False,
        35,
        ["Tanaman Perkebunan", "Pengolahan dan Pemasaran Hasil", "Perlindungan Perkebunan"],
    ),
    "DLHP": (
        "Dinas Lingkungan Hidup dan Pertanahan",
        "Dinas",
        False,
        40,
        ["Tata Lingkungan", "Pengendalian Pencemaran dan Kerusakan Lingkungan", "Pertanahan"],
    ),
    "DISPAR": (
        "Dinas Pariwisata",
        "Dinas",
        False,
        32,
        ["Destinasi Pariwisata", "Pemasaran Pariwisata", "Ekonomi Kreatif"],
    ),
    "DINKOP": (
        "Dinas Koperasi dan UKM",
        "Dinas",
        False,
        30,
        [
            "Kelembagaan dan Pengawasan Koperasi",
            "Pemberdayaan Usaha Kecil dan Menengah",
            "Pembiayaan",
        ],
    ),
    "KESBANGPOL": (
        "Badan Kesatuan Bangsa dan Politik",
        "Badan",
        False,
        30,
        ["Ideologi dan Wawasan Kebangsaan", "Politik Dalam Negeri", "Kewaspadaan Nasional"],
    ),
    "BPSDM": (
        "Badan Pengembangan Sumber Daya Manusia",
        "Badan",
        False,
        40,
        [
            "Pengembangan Kompetensi Teknis",
            "Pengembangan Kompetensi Manajerial dan Fungsional",
            "Sertifikasi Kompetensi",
        ],
    ),
    "DISPUSIP": (
        "Dinas Perpustakaan dan Kearsipan",
        "Dinas",
        False,
        35,
        ["Layanan Perpustakaan", "Pengembangan Perpustakaan", "Kearsipan"],
    ),
    "DISNAKERTRANS": (
        "Dinas Tenaga Kerja dan Transmigrasi",
        "Dinas",
        False,
        45,
        [
            "Pelatihan dan Penempatan Tenaga Kerja",
            "Hubungan Industrial",
            "Pengawasan Ketenagakerjaan",
            "Transmigrasi",
        ],
    ),
    "DISPERINDAG": (
        "Dinas Perindustrian dan Perdagangan",
        "Dinas",
        False,
        40,
        ["Perindustrian", "Perdagangan Dalam Negeri", "Perdagangan Luar Negeri", "Metrologi"],
    ),
    "DKP": (
        "Dinas Kelautan dan Perikanan",
        "Dinas",
        False,
        32,
        ["Perikanan Tangkap", "Perikanan Budidaya", "Pengelolaan Ruang Laut"],
    ),
    "DISPORA": (
        "Dinas Pemuda dan Olahraga",
        "Dinas",
        False,
        30,
        ["Kepemudaan", "Keolahragaan", "Sarana dan Prasarana"],
    ),
    "DISESDM": (
        "Dinas Energi dan Sumber Daya Mineral",
        "Dinas",
        False,
        38,
        [
            "Mineral dan Batubara",
            "Ketenagalistrikan",
            "Energi Baru Terbarukan",
            "Geologi dan Air Tanah",
        ],
    ),
    "DISHUT": (
        "Dinas Kehutanan",
        "Dinas",
        False,
        50,
        [
            "Perencanaan dan Pemanfaatan Hutan",
            "Perlindungan dan Konservasi",
            "Penyuluhan dan Pemberdayaan Masyarakat",
        ],
    ),
    "DPMD": (
        "Dinas Pemberdayaan Masyarakat dan Desa",
        "Dinas",
        False,
        28,
        ["Pemerintahan Desa", "Pemberdayaan Masyarakat", "Ekonomi Desa"],
    ),
    "BRIDA": (
        "Badan Riset dan Inovasi Daerah",
        "Badan",
        False,
        28,
        ["Riset dan Inovasi", "Penerapan Inovasi Daerah", "Kemitraan Riset"],
    ),
}

HOSPITALS = [  # (code, name, head count, director level)
    ("RSUD_SF", "RSUD Siti Fatimah", 200, JPT_PRATAMA),
    ("RS_EB", "RS Ernaldi Bahar", 110, ADMINISTRATOR),
    ("RSKGM", "RS Khusus Gigi dan Mulut", 50, ADMINISTRATOR),
    ("RSKM", "RS Khusus Mata", 50, ADMINISTRATOR),
]

# Sub-units other than schools, Samsat offices and biros: (code, name, public, parent, count)
OTHER_UPT = [
    ("UPT_BTKP", "UPT Balai Teknologi Komunikasi Pendidikan", False, "DISDIK", 16),
    (
        "UPT_BPKPTK",
        "UPT Balai Pengembangan Kompetensi Pendidik dan Tenaga Kependidikan",
        False,
        "DISDIK",
        14,
    ),
    ("UPT_LABKESDA", "UPT Laboratorium Kesehatan Daerah", True, "DINKES", 24),
    ("UPT_PSTW", "UPT Panti Sosial Tresna Werdha Teratai", True, "DINSOS", 16),
    ("UPT_PSBR", "UPT Panti Sosial Bina Remaja Indralaya", True, "DINSOS", 14),
    ("UPT_TPP", "UPT Terminal dan Pelabuhan Penyeberangan", True, "DISHUB", 18),
]


def units() -> list[Unit]:
    """Every unit, each parent followed by its sub-units."""
    rows: list[Unit] = [("SETDA", "Sekretariat Daerah", "Sekretariat", False, "", 24, "setda")]
    rows += [(c, n, "Biro", False, "SETDA", k, "biro") for c, n, k, _ in BIROS]
    for code, (name, kind, public, count, _) in OFFICES.items():
        profile = "inspektorat" if code == "INSPEKTORAT" else "opd"
        rows.append((code, name, kind, public, "", count, profile))
        if code == "BAPENDA":
            rows += [
                (f"UPTB_SAMSAT_{c}", f"UPTB Samsat {n}", "UPTB", True, code, 14, "samsat")
                for c, n in SAMSAT
            ]
        if code == "DISDIK":
            rows += [(c, f"UPT {n}", "UPT Sekolah", True, code, k, "school") for c, n, k in SCHOOLS]
        rows += [
            (c, n, "UPT", p, parent, k, "upt") for c, n, p, parent, k in OTHER_UPT if parent == code
        ]
        if code == "DINKES":
            rows += [(c, n, "Rumah Sakit", True, "", k, "hospital") for c, n, k, _ in HOSPITALS]
    return rows


# -- positions -----------------------------------------------------------------

PELAKSANA_TITLES = [
    ("Pengadministrasi Perkantoran", 6),
    ("Operator Layanan Operasional", 4),
    ("Pengolah Data dan Informasi", 4),
    ("Penata Layanan Operasional", 3),
    ("Pengelola Layanan Operasional", 3),
    ("Penelaah Teknis Kebijakan", 3),
    ("Pengelola Keuangan", 2),
    ("Pengemudi", 1),
]
GENERAL_FUNCTIONAL = [
    ("Analis Kebijakan Ahli Muda", 3),
    ("Analis Kebijakan Ahli Pertama", 3),
    ("Perencana Ahli Pertama", 2),
    ("Perencana Ahli Muda", 1),
    ("Analis Sumber Daya Manusia Aparatur Ahli Pertama", 2),
    ("Arsiparis Terampil", 2),
    ("Pranata Komputer Ahli Pertama", 2),
    ("Pranata Keuangan APBD Terampil", 2),
    ("Analis Pengelolaan Keuangan APBD Ahli Muda", 1),
    ("Pranata Hubungan Masyarakat Ahli Muda", 1),
    ("Penata Kelola Sistem dan Teknologi Informasi Ahli Pertama", 1),
]
SPECIAL_FUNCTIONAL: dict[str, list[tuple[str, int]]] = {
    "INSPEKTORAT": [
        ("Auditor Ahli Pertama", 3),
        ("Auditor Ahli Muda", 3),
        ("Auditor Ahli Madya", 1),
        ("Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah Ahli Muda", 3),
    ],
    "BPBD": [
        ("Penata Penanggulangan Bencana Ahli Pertama", 4),
        ("Penata Penanggulangan Bencana Terampil", 3),
    ],
    "SATPOL_PP": [("Polisi Pamong Praja Terampil", 6), ("Polisi Pamong Praja Ahli Pertama", 2)],
    "DPMPTSP": [("Penata Perizinan Ahli Pertama", 4), ("Penata Perizinan Ahli Muda", 2)],
    "DINKES": [
        ("Epidemiolog Kesehatan Ahli Muda", 2),
        ("Administrator Kesehatan Ahli Pertama", 3),
        ("Tenaga Promosi Kesehatan dan Ilmu Perilaku Ahli Pertama", 2),
    ],
    "DINSOS": [("Pekerja Sosial Ahli Pertama", 4), ("Penyuluh Sosial Ahli Muda", 2)],
    "DPUBMTR": [("Teknik Jalan dan Jembatan Ahli Muda", 4), ("Penata Ruang Ahli Pertama", 2)],
    "DPUSDA": [("Teknik Pengairan Ahli Muda", 4)],
    "DISHUB": [
        ("Penguji Kendaraan Bermotor Terampil", 3),
        ("Asisten Inspektur Angkutan Terampil", 2),
    ],
    "DISKOMINFO": [
        ("Pranata Komputer Ahli Muda", 3),
        ("Statistisi Ahli Pertama", 2),
        ("Sandiman Ahli Pertama", 2),
    ],
    "DISTANHORTI": [
        ("Penyuluh Pertanian Ahli Muda", 4),
        ("Pengawas Benih Tanaman Ahli Pertama", 2),
    ],
    "DISBUN": [("Pengawas Benih Tanaman Ahli Muda", 2), ("Penyuluh Pertanian Ahli Pertama", 3)],
    "DLHP": [("Pengendali Dampak Lingkungan Ahli Muda", 4), ("Penata Kadastral Ahli Pertama", 1)],
    "BPSDM": [("Widyaiswara Ahli Madya", 4), ("Widyaiswara Ahli Muda", 3)],
    "DISPUSIP": [
        ("Pustakawan Ahli Pertama", 4),
        ("Pustakawan Terampil", 3),
        ("Arsiparis Ahli Muda", 3),
    ],
    "DISNAKERTRANS": [
        ("Pengawas Ketenagakerjaan Ahli Muda", 4),
        ("Mediator Hubungan Industrial Ahli Muda", 2),
    ],
    "DISPERINDAG": [("Penera Terampil", 2), ("Pengawas Perdagangan Ahli Pertama", 2)],
    "DKP": [("Pengelola Produksi Perikanan Tangkap Ahli Pertama", 3)],
    "DISHUT": [("Penyuluh Kehutanan Ahli Muda", 3), ("Polisi Kehutanan Terampil", 3)],
    "BIRO_HUKUM": [("Perancang Peraturan Perundang-undangan Ahli Muda", 5)],
    "BIRO_PBJ": [
        ("Pengelola Pengadaan Barang/Jasa Ahli Pertama", 5),
        ("Pengelola Pengadaan Barang/Jasa Ahli Muda", 3),
    ],
    "BKD": [
        ("Analis Sumber Daya Manusia Aparatur Ahli Muda", 5),
        ("Asesor SDM Aparatur Ahli Muda", 2),
    ],
    "BPKAD": [
        ("Analis Pengelolaan Keuangan APBD Ahli Muda", 5),
        ("Penilai Pemerintah Ahli Pertama", 2),
    ],
    "BAPPEDA": [("Perencana Ahli Muda", 5), ("Perencana Ahli Madya", 2)],
    "BRIDA": [("Peneliti Ahli Muda", 4), ("Perekayasa Ahli Pertama", 2)],
    "UPT_LABKESDA": [
        ("Pranata Laboratorium Kesehatan Terampil", 5),
        ("Pranata Laboratorium Kesehatan Ahli Pertama", 3),
    ],
    "UPT_PSTW": [("Pekerja Sosial Terampil", 4), ("Perawat Terampil", 2)],
    "UPT_PSBR": [("Pekerja Sosial Terampil", 4), ("Penyuluh Sosial Ahli Pertama", 1)],
    "UPT_BTKP": [
        ("Pranata Komputer Ahli Pertama", 3),
        ("Pengembang Teknologi Pembelajaran Ahli Muda", 3),
    ],
    "UPT_BPKPTK": [
        ("Widyaprada Ahli Muda", 3),
        ("Pengembang Teknologi Pembelajaran Ahli Pertama", 2),
    ],
}
TEACHERS = [
    ("Guru Ahli Pertama", 4),
    ("Guru Ahli Muda", 5),
    ("Guru Ahli Madya", 4),
    ("Guru Ahli Utama", 1),
]
HOSPITAL_STAFF = [
    ("Perawat Terampil", 10),
    ("Perawat Mahir", 5),
    ("Perawat Ahli Pertama", 6),
    ("Perawat Ahli Muda", 3),
    ("Bidan Terampil", 3),
    ("Dokter Ahli Pertama", 3),
    ("Dokter Ahli Muda", 3),
    ("Dokter Ahli Madya", 2),
    ("Apoteker Ahli Pertama", 1),
    ("Asisten Apoteker Terampil", 2),
    ("Pranata Laboratorium Kesehatan Terampil", 2),
    ("Radiografer Terampil", 1),
    ("Nutrisionis Ahli Pertama", 1),
    ("Perekam Medis Terampil", 2),
    ("Fisioterapis Terampil", 1),
    ("Administrator Kesehatan Ahli Pertama", 1),
]
HOSPITAL_EXTRA = {
    "RS_EB": [("Psikolog Klinis Ahli Pertama", 3), ("Okupasi Terapis Terampil", 2)],
    "RSKGM": [
        ("Dokter Gigi Ahli Pertama", 8),
        ("Dokter Gigi Ahli Muda", 6),
        ("Terapis Gigi dan Mulut Terampil", 8),
    ],
    "RSKM": [("Refraksionis Optisien Terampil", 6), ("Dokter Ahli Muda", 4)],
}
SPECIALISTS = {
    "RSUD_SF": ["Sp.PD", "Sp.A", "Sp.OG", "Sp.B", "Sp.JP", "Sp.An", "Sp.Rad", "Sp.N"],
    "RS_EB": ["Sp.KJ"],
    "RSKGM": ["Sp.Ort", "Sp.KG", "Sp.BM"],
    "RSKM": ["Sp.M"],
}


def _office_body(code: str, name: str, bidang: list[str]) -> list[tuple[str, str]]:
    """Fixed posts of an office below its head."""
    body = [
        (
            ADMINISTRATOR,
            f"Sekretaris {name}" if code != "SETWAN" else "Kepala Bagian Umum dan Keuangan",
        )
    ]
    if code == "INSPEKTORAT":
        body = [(ADMINISTRATOR, "Sekretaris Inspektorat")]
        body += [(ADMINISTRATOR, f"Inspektur Pembantu {b}") for b in bidang]
    elif code == "SETWAN":
        body += [(ADMINISTRATOR, f"Kepala Bagian {b}") for b in bidang[:2]]
    else:
        body += [(ADMINISTRATOR, f"Kepala Bidang {b}") for b in bidang]
    body += [
        (PENGAWAS, "Kepala Subbagian Umum dan Kepegawaian"),
        (PENGAWAS, "Kepala Subbagian Keuangan dan Aset"),
    ]
    return body


def fixed_posts(unit: Unit) -> list[tuple[str, str]]:
    """The structural posts of a unit, head first."""
    code, name, _, _, _, _, profile = unit
    if profile == "setda":
        return [
            (JPT_MADYA, "Sekretaris Daerah Provinsi Sumatera Selatan"),
            (JPT_PRATAMA, "Asisten Pemerintahan dan Kesejahteraan Rakyat"),
            (JPT_PRATAMA, "Asisten Perekonomian dan Pembangunan"),
            (JPT_PRATAMA, "Asisten Administrasi Umum"),
            (JPT_PRATAMA, "Staf Ahli Gubernur Bidang Hukum dan Politik"),
            (JPT_PRATAMA, "Staf Ahli Gubernur Bidang Ekonomi, Keuangan dan Pembangunan"),
            (JPT_PRATAMA, "Staf Ahli Gubernur Bidang Kemasyarakatan dan Sumber Daya Manusia"),
        ]
    if profile == "biro":
        bagian = next(b for c, _, _, b in BIROS if c == code)
        return [(JPT_PRATAMA, f"Kepala {name}")] + [
            (ADMINISTRATOR, f"Kepala Bagian {b}") for b in bagian
        ]
    if profile in ("opd", "inspektorat"):
        head = {"INSPEKTORAT": "Inspektur", "SETWAN": "Sekretaris DPRD"}.get(code, f"Kepala {name}")
        return [(JPT_PRATAMA, head), *_office_body(code, name, OFFICES[code][4])]
    if profile == "samsat":
        return [
            (ADMINISTRATOR, f"Kepala {name}"),
            (PENGAWAS, "Kepala Subbagian Tata Usaha"),
            (PENGAWAS, "Kepala Seksi Penetapan dan Penagihan"),
        ]
    if profile == "school":
        school = name.removeprefix("UPT ")
        return [
            (FUNGSIONAL, f"Guru Ahli Madya (Kepala {school})"),
            (PENGAWAS, "Kepala Subbagian Tata Usaha"),
        ]
    if profile == "upt":
        level = ADMINISTRATOR if code.startswith(("UPT_LAB", "UPT_B")) else PENGAWAS
        return [(level, f"Kepala {name}"), (PENGAWAS, "Kepala Subbagian Tata Usaha")]
    director = next(d for c, _, _, d in HOSPITALS if c == code)
    posts = [(director, f"Direktur {name}")]
    if director == JPT_PRATAMA:
        posts += [
            (ADMINISTRATOR, "Wakil Direktur Pelayanan"),
            (ADMINISTRATOR, "Wakil Direktur Umum dan Keuangan"),
            (ADMINISTRATOR, "Wakil Direktur Sumber Daya Manusia dan Pendidikan"),
            (PENGAWAS, "Kepala Subbagian Kepegawaian"),
            (PENGAWAS, "Kepala Seksi Keperawatan"),
        ]
    else:
        posts += [
            (PENGAWAS, "Kepala Subbagian Tata Usaha"),
            (PENGAWAS, "Kepala Seksi Pelayanan Medik dan Keperawatan"),
        ]
    return posts


def staff_post(unit: Unit, dice: Dice) -> tuple[str, str]:
    """One post of the rank and file."""
    code, _, _, _, _, _, profile = unit
    if profile == "school":
        if dice.chance(0.78):
            return FUNGSIONAL, dice.weighted(TEACHERS)
        return (
            (FUNGSIONAL, "Pustakawan Terampil")
            if dice.chance(0.1)
            else (PELAKSANA, dice.weighted(PELAKSANA_TITLES[:3]))
        )
    if profile == "hospital":
        if dice.chance(0.8):
            return FUNGSIONAL, dice.weighted(HOSPITAL_STAFF + HOSPITAL_EXTRA.get(code, []))
        return PELAKSANA, dice.weighted(PELAKSANA_TITLES)
    share = {"samsat": 0.15, "upt": 0.45}.get(profile, 0.5)
    if dice.chance(share):
        return FUNGSIONAL, dice.weighted(GENERAL_FUNCTIONAL + 2 * SPECIAL_FUNCTIONAL.get(code, []))
    return PELAKSANA, dice.weighted(PELAKSANA_TITLES)


# -- people --------------------------------------------------------------------

MALE = [
    "Ahmad",
    "Muhammad",
    "Abdul Rahman",
    "Rusdi",
    "Syahrial",
    "Zulkarnain",
    "Iskandar",
    "Herman",
    "Darmawan",
    "Hendri",
    "Firmansyah",
    "Rizal",
    "Rahmat",
    "Yusuf",
    "Hasan",
    "Husin",
    "Arief",
    "Ridwan",
    "Fauzi",
    "Nurdin",
    "Anwar",
    "Amir",
    "Syamsul",
    "Azhari",
    "Helmi",
    "Fadli",
    "Rudi",
    "Andi",
    "Irwan",
    "Erwin",
    "Zainal",
    "Saipul",
    "Sulaiman",
    "Taufik",
    "Hairul",
    "Agus",
    "Bambang",
    "Budi",
    "Joko",
    "Eko",
    "Teguh",
    "Slamet",
    "Dedi",
    "Asep",
    "Yudi",
    "Hendra",
    "Robert",
    "Johannes",
    "Rizky",
    "Fajar",
    "Dimas",
    "Aditya",
    "Bayu",
    "Reza",
    "Ilham",
    "Wahyu",
    "Yogi",
    "Syarifuddin",
    "Mukhlis",
    "Hafiz",
]
FEMALE = [
    "Siti",
    "Nurhayati",
    "Aisyah",
    "Fatimah",
    "Yulia",
    "Rina",
    "Dewi",
    "Fitri",
    "Lestari",
    "Rahmawati",
    "Nurul",
    "Maya",
    "Desi",
    "Yanti",
    "Eka",
    "Novita",
    "Meli",
    "Sari",
    "Rosmawati",
    "Zuraida",
    "Hasanah",
    "Mardiah",
    "Indah",
    "Wulan",
    "Ratna",
    "Yuliana",
    "Herlina",
    "Emilia",
    "Sri",
    "Endang",
    "Tri",
    "Rini",
    "Sumarni",
    "Dian",
    "Putri",
    "Anisa",
    "Nabila",
    "Febri",
    "Ayu",
    "Mega",
    "Rosa",
    "Evi",
    "Lina",
    "Ika",
]
SECOND_MALE = [
    "Saputra",
    "Hidayat",
    "Syahputra",
    "Pratama",
    "Gunawan",
    "Kurniawan",
    "Setiawan",
    "Wijaya",
    "Rahman",
    "Hakim",
    "Hamzah",
    "Sanjaya",
    "Firdaus",
    "Ramadhan",
    "Nugraha",
    "Effendi",
    "Lubis",
    "Siregar",
    "Nasution",
    "Harahap",
    "Simanjuntak",
    "Sutrisno",
    "Santoso",
    "Prasetyo",
    "Susilo",
    "Riyadi",
    "Wahyudi",
    "Purnomo",
    "Irawan",
    "Syafei",
    "Zulkifli",
    "Maulana",
    "Alamsyah",
    "Fikri",
    "Rosyid",
]
SECOND_FEMALE = [
    "Handayani",
    "Wulandari",
    "Lestari",
    "Safitri",
    "Purnamasari",
    "Anggraini",
    "Maharani",
    "Puspita",
    "Oktaviani",
    "Yuliana",
    "Febriani",
    "Novitasari",
    "Ramadhani",
    "Apriyanti",
    "Agustina",
    "Wahyuni",
    "Susilowati",
    "Mulyani",
    "Astuti",
    "Aminah",
    "Kartika",
    "Sari",
    "Rahayu",
    "Utami",
    "Fitriani",
]
# Palembang gentry titles, common in the city's old families.
GENTRY_MALE = ["Kms.", "Ki.", "Mgs.", "R."]
GENTRY_FEMALE = ["Nyimas", "Nyayu", "Masayu", "R.A."]
# Given names that are never used alone.
NEEDS_SECOND = {"Sri", "Tri", "Siti", "Nurul", "Eka", "Muhammad", "Dian", "Putri", "Ayu"}
# A bachelor's degree and the master's degrees that usually follow it.
DEGREES = [
    ("S.E.", ["M.M.", "M.Si.", "M.Ak."]),
    ("S.H.", ["M.H.", "M.Kn."]),
    ("S.Sos.", ["M.Si.", "M.AP."]),
    ("S.IP.", ["M.Si.", "M.AP."]),
    ("S.Kom.", ["M.Kom.", "M.M."]),
    ("S.T.", ["M.T.", "M.Eng."]),
    ("S.AP.", ["M.AP.", "M.Si."]),
    ("S.Ak.", ["M.Ak.", "M.Si."]),
]
# Functional posts that call for a particular degree.
POST_DEGREES = [
    ("Pranata Laboratorium Kesehatan Terampil", ["A.Md.A.K."]),
    ("Pranata Laboratorium Kesehatan", ["S.Tr.Kes.", "S.Si."]),
    ("Radiografer", ["A.Md.Rad."]),
    ("Perekam Medis", ["A.Md.RMIK"]),
    ("Fisioterapis", ["A.Md.Ftr."]),
    ("Asisten Apoteker", ["A.Md.Farm."]),
    ("Nutrisionis", ["S.Gz."]),
    ("Psikolog Klinis", ["M.Psi., Psikolog"]),
    ("Okupasi Terapis", ["A.Md.OT"]),
    ("Refraksionis", ["A.Md.RO"]),
    ("Terapis Gigi", ["A.Md.Kes."]),
    ("Administrator Kesehatan", ["S.K.M.", "S.K.M., M.Kes."]),
    ("Epidemiolog", ["S.K.M., M.Epid."]),
    ("Tenaga Promosi Kesehatan", ["S.K.M."]),
    ("Pekerja Sosial", ["S.Sos.", "S.Tr.Sos."]),
    ("Penyuluh Pertanian", ["S.P.", "S.P., M.Si."]),
    ("Pustakawan", ["S.IIP.", "A.Md."]),
    ("Teknik Jalan", ["S.T.", "S.T., M.T."]),
    ("Teknik Pengairan", ["S.T."]),
    ("Widyaiswara", ["S.Pd., M.Pd.", "S.E., M.Si."]),
    ("Auditor", ["S.E., Ak.", "S.Ak."]),
    ("Perancang Peraturan", ["S.H.", "S.H., M.H."]),
]
# Health posts held by physicians.
DOCTOR_POSTS = (
    "Direktur RS",
    "Wakil Direktur Pelayanan",
    "Kepala Dinas Kesehatan",
    "Kepala UPT Laboratorium",
)


def person_name(dice: Dice, female: bool, title: str, level: str, born: int, code: str) -> str:
    """An Indonesian name with the prefixes and degrees a person in this post would carry."""
    given = dice.pick(FEMALE if female else MALE)
    if given in NEEDS_SECOND or dice.chance(0.75):
        given += " " + dice.pick(SECOND_FEMALE if female else SECOND_MALE)
    prefixes: list[str] = []
    if born < 1982 and dice.chance(0.2):
        prefixes.append("Hj." if female else "H.")
    if dice.chance(0.05):
        prefixes.insert(0, dice.pick(GENTRY_FEMALE if female else GENTRY_MALE))
    suffixes = _degrees(dice, title, level, code)
    if title.startswith("Dokter Gigi") or (code == "RSKGM" and title.startswith("Direktur")):
        prefixes.insert(0, "drg.")
    elif title.startswith(("Dokter", *DOCTOR_POSTS)):
        prefixes.insert(0, "dr.")
    elif title.startswith("Apoteker"):
        prefixes.insert(0, "apt.")
    elif level in (JPT_MADYA, JPT_PRATAMA) and dice.chance(0.35):
        prefixes.insert(0, "Dr.")
    name = " ".join([*prefixes, given])
    return f"{name}, {suffixes}" if suffixes else name


def _degrees(dice: Dice, title: str, level: str, code: str) -> str:
    if title.startswith(DOCTOR_POSTS):
        return dice.pick(["M.Kes.", "M.A.R.S.", *SPECIALISTS.get(code, [])])
    if title.startswith("Dokter"):
        special = title.endswith(("Muda", "Madya")) and dice.chance(0.6)
        return dice.pick(SPECIALISTS.get(code, ["Sp.PD"])) if special else ""
    if title.startswith("Guru"):
        return "S.Pd., M.Pd." if dice.chance(0.3) else "S.Pd."
    if title.startswith("Perawat"):
        return "S.Kep., Ners" if "Ahli" in title else "A.Md.Kep."
    if title.startswith("Bidan"):
        return "A.Md.Keb."
    if title.startswith("Apoteker"):
        return "S.Farm."
    for post, options in POST_DEGREES:
        if title.startswith(post):
            return dice.pick(options)
    bachelor, masters = dice.pick(DEGREES)
    if level in (JPT_MADYA, JPT_PRATAMA, ADMINISTRATOR):
        return f"{bachelor}, {dice.pick(masters)}"
    if level == PELAKSANA:
        return dice.weighted([("", 5), ("A.Md.", 2), ("S.E.", 1), ("S.Sos.", 1), ("S.Kom.", 1)])
    return bachelor + (f", {dice.pick(masters)}" if dice.chance(0.25) else "")


BIRTH_YEARS = {  # level -> (earliest, latest) year of birth
    JPT_MADYA: (1968, 1972),
    JPT_PRATAMA: (1967, 1980),
    ADMINISTRATOR: (1968, 1986),
    PENGAWAS: (1970, 1992),
    PELAKSANA: (1968, 2002),
    FUNGSIONAL: (1968, 2001),
}
GRADE_YEARS = {  # grade of a functional post -> (earliest, latest) year of birth
    "Ahli Pertama": (1985, 2001),
    "Ahli Muda": (1976, 1992),
    "Ahli Madya": (1967, 1984),
    "Ahli Utama": (1966, 1974),
    "Terampil": (1975, 2001),
    "Mahir": (1970, 1993),
}


def birth_years(level: str, title: str) -> tuple[int, int]:
    """Older people hold the higher grades."""
    grades = [years for grade, years in GRADE_YEARS.items() if grade in title]
    return grades[0] if level == FUNGSIONAL and grades else BIRTH_YEARS[level]


class Nips:
    """Unique, valid-looking NIPs: birth date, appointment month, gender, serial."""

    def __init__(self) -> None:
        self.serials: dict[str, int] = {}

    def make(self, dice: Dice, years: tuple[int, int], female: bool) -> tuple[str, int]:
        first, last = years
        born = dt.date(dice.between(first, last), dice.between(1, 12), dice.between(1, 28))
        # Appointed at 20-35, and no later than last year's intake (births end in 2002).
        year = min(born.year + dice.between(20, 35), REFERENCE.year - 1)
        month = dice.weighted([(1, 3), (3, 4), (4, 2), (12, 2), (dice.between(1, 12), 2)])
        stem = f"{born:%Y%m%d}{year:04d}{month:02d}{2 if female else 1}"
        serial = self.serials.get(stem, 0) + 1
        self.serials[stem] = serial
        return f"{stem}{serial:03d}", born.year


def employees(dice: Dice, unit_rows: list[Unit]) -> list[list[str]]:
    """Every employee row, by unit (in unit.csv order) then NIP."""
    nips = Nips()
    rows: list[list[str]] = []
    for unit in unit_rows:
        code, count = unit[0], unit[5]
        posts = fixed_posts(unit)
        posts += [staff_post(unit, dice) for _ in range(count - len(posts))]
        people = []
        for level, title in posts:
            female_share = 0.6 if unit[6] in ("school", "hospital") else 0.4
            female = dice.chance(female_share if level != JPT_MADYA else 0.2)
            nip, born = nips.make(dice, birth_years(level, title), female)
            name = person_name(dice, female, title, level, born, code)
            score = dice.score() if dice.chance(0.9) else ""
            people.append([nip, name, code, level, title, score])
        rows += sorted(people)
    return rows


def write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main(argv: Sequence[str]) -> int:
    out = Path(argv[0]) if argv else Path(__file__).resolve().parent / "roster"
    out.mkdir(parents=True, exist_ok=True)
    dice = Dice(SEED)
    unit_rows = units()
    write(
        out / "unit.csv",
        ["kode", "nama", "jenis", "layanan_publik", "induk"],
        [[c, n, k, "ya" if p else "tidak", parent] for c, n, k, p, parent, _, _ in unit_rows],
    )
    people = employees(dice, unit_rows)
    write(
        out / "pegawai.csv",
        ["nip", "nama", "unit", "jenjang", "jabatan", "capaian_kinerja"],
        people,
    )
    print(f"{len(unit_rows)} units, {len(people)} employees -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
