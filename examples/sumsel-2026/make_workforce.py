#!/usr/bin/env python3
"""Generate the synthetic workforce of the Province of South Sumatra (Sumatera Selatan).

Writes ``unit.csv`` and ``pegawai.csv`` (the two-file roster layout of
``docs/data-formats.md``) into the directory given on the command line, or into
``roster/`` beside this script:

    python make_workforce.py [OUTPUT_DIR]

Everything is synthetic: the units follow the province's real organisation
(the ones SE 800.1/1230/BKD.I/2026 names carry the codes rule files use), but
every person, NIP and score is invented.  The output is byte-identical on every
run: one seeded generator drawn from in a fixed order, using only
``Random.random()`` (the other helpers of :mod:`random` have changed between
Python versions; the Mersenne Twister stream has not).  Standard library only,
so the script runs without installing anything.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple, TypeVar

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
        # Peaks at 90: most staff meet their targets, a few do not.
        u, v = self._random.random(), self._random.random()
        return f"{70.0 + 40.0 * (u + v) / 2:.1f}"


# -- reading the tables below --------------------------------------------------


def table(text: str) -> list[list[str]]:
    """The rows of a ``|``-separated table; blank lines are skipped."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return [[cell.strip() for cell in line.split("|")] for line in lines]


def items(text: str) -> list[str]:
    """A ``;``-separated list."""
    return [item.strip() for item in text.split(";") if item.strip()]


def weights(text: str) -> list[tuple[str, int]]:
    """A ``;``-separated list of ``title: weight``."""
    return [(title.strip(), int(w)) for title, w in (i.rsplit(":", 1) for i in items(text))]


# -- units ---------------------------------------------------------------------


class UnitSpec(NamedTuple):
    code: str
    name: str
    kind: str
    public: bool
    parent: str
    staff: int  # head count
    profile: str  # which posts it has: setda, biro, opd, samsat, school, upt, hospital


# code | name | kind | public service | head count | bidang (inspectorate: wilayah)
OFFICES = table("""
SETWAN      | Sekretariat DPRD | Sekretariat | - | 60 | Persidangan dan Perundang-undangan; Fasilitasi Penganggaran dan Pengawasan; Umum dan Keuangan
INSPEKTORAT | Inspektorat Daerah | Inspektorat | - | 55 | Wilayah I; Wilayah II; Wilayah III; Wilayah IV
BAPPEDA     | Badan Perencanaan Pembangunan Daerah | Badan | - | 55 | Pemerintahan dan Pembangunan Manusia; Perekonomian dan Sumber Daya Alam; Infrastruktur dan Kewilayahan; Pengendalian dan Evaluasi
BKD         | Badan Kepegawaian Daerah | Badan | - | 60 | Pengadaan dan Informasi Kepegawaian; Mutasi dan Promosi; Penilaian Kinerja dan Penghargaan
BPKAD       | Badan Pengelolaan Keuangan dan Aset Daerah | Badan | - | 80 | Anggaran; Perbendaharaan; Akuntansi; Aset
BAPENDA     | Badan Pendapatan Daerah | Badan | - | 60 | Pajak Daerah; Retribusi dan Pendapatan Lain-lain; Pengendalian dan Evaluasi Pendapatan
DISDIK      | Dinas Pendidikan | Dinas | - | 70 | Pembinaan SMA; Pembinaan SMK; Pembinaan Pendidikan Khusus; Ketenagaan
DINKES      | Dinas Kesehatan | Dinas | - | 60 | Kesehatan Masyarakat; Pencegahan dan Pengendalian Penyakit; Pelayanan Kesehatan; Sumber Daya Kesehatan
BPBD        | Badan Penanggulangan Bencana Daerah | Badan | ya | 45 | Pencegahan dan Kesiapsiagaan; Kedaruratan dan Logistik; Rehabilitasi dan Rekonstruksi
SATPOL_PP   | Satuan Polisi Pamong Praja | Satuan | ya | 85 | Penegakan Peraturan Daerah; Ketertiban Umum dan Ketenteraman Masyarakat; Perlindungan Masyarakat
DPMPTSP     | Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu | Dinas | ya | 45 | Perencanaan dan Promosi Penanaman Modal; Pelayanan Perizinan; Pengendalian Pelaksanaan Penanaman Modal; Pengaduan dan Informasi Pelayanan
DINSOS      | Dinas Sosial | Dinas | - | 40 | Rehabilitasi Sosial; Perlindungan dan Jaminan Sosial; Pemberdayaan Sosial dan Penanganan Fakir Miskin
DPUBMTR     | Dinas Pekerjaan Umum Bina Marga dan Tata Ruang | Dinas | - | 70 | Bina Marga; Tata Ruang; Jasa Konstruksi; Preservasi Jalan dan Jembatan
DPUSDA      | Dinas Pekerjaan Umum Sumber Daya Air | Dinas | - | 45 | Sungai, Danau dan Bendungan; Irigasi dan Rawa; Air Baku
DISHUB      | Dinas Perhubungan | Dinas | - | 45 | Lalu Lintas dan Angkutan Jalan; Pelayaran; Perkeretaapian dan Perhubungan Udara
DISKOMINFO  | Dinas Komunikasi dan Informatika | Dinas | - | 45 | Informasi dan Komunikasi Publik; Aplikasi Informatika; Statistik dan Persandian
DPPPA       | Dinas Pemberdayaan Perempuan dan Perlindungan Anak | Dinas | - | 30 | Kesetaraan Gender; Perlindungan Perempuan; Pemenuhan Hak Anak
DISTANHORTI | Dinas Tanaman Pangan dan Hortikultura | Dinas | - | 50 | Tanaman Pangan; Hortikultura; Prasarana dan Sarana Pertanian; Penyuluhan
DISBUN      | Dinas Perkebunan | Dinas | - | 35 | Tanaman Perkebunan; Pengolahan dan Pemasaran Hasil; Perlindungan Perkebunan
DLHP        | Dinas Lingkungan Hidup dan Pertanahan | Dinas | - | 40 | Tata Lingkungan; Pengendalian Pencemaran dan Kerusakan Lingkungan; Pertanahan
DISPAR      | Dinas Pariwisata | Dinas | - | 32 | Destinasi Pariwisata; Pemasaran Pariwisata; Ekonomi Kreatif
DINKOP      | Dinas Koperasi dan UKM | Dinas | - | 30 | Kelembagaan dan Pengawasan Koperasi; Pemberdayaan Usaha Kecil dan Menengah; Pembiayaan
KESBANGPOL  | Badan Kesatuan Bangsa dan Politik | Badan | - | 30 | Ideologi dan Wawasan Kebangsaan; Politik Dalam Negeri; Kewaspadaan Nasional
BPSDM       | Badan Pengembangan Sumber Daya Manusia | Badan | - | 40 | Pengembangan Kompetensi Teknis; Pengembangan Kompetensi Manajerial dan Fungsional; Sertifikasi Kompetensi
DISPUSIP    | Dinas Perpustakaan dan Kearsipan | Dinas | - | 35 | Layanan Perpustakaan; Pengembangan Perpustakaan; Kearsipan
DISNAKERTRANS | Dinas Tenaga Kerja dan Transmigrasi | Dinas | - | 45 | Pelatihan dan Penempatan Tenaga Kerja; Hubungan Industrial; Pengawasan Ketenagakerjaan; Transmigrasi
DISPERINDAG | Dinas Perindustrian dan Perdagangan | Dinas | - | 40 | Perindustrian; Perdagangan Dalam Negeri; Perdagangan Luar Negeri; Metrologi
DKP         | Dinas Kelautan dan Perikanan | Dinas | - | 32 | Perikanan Tangkap; Perikanan Budidaya; Pengelolaan Ruang Laut
DISPORA     | Dinas Pemuda dan Olahraga | Dinas | - | 30 | Kepemudaan; Keolahragaan; Sarana dan Prasarana
DISESDM     | Dinas Energi dan Sumber Daya Mineral | Dinas | - | 38 | Mineral dan Batubara; Ketenagalistrikan; Energi Baru Terbarukan; Geologi dan Air Tanah
DISHUT      | Dinas Kehutanan | Dinas | - | 50 | Perencanaan dan Pemanfaatan Hutan; Perlindungan dan Konservasi; Penyuluhan dan Pemberdayaan Masyarakat
DPMD        | Dinas Pemberdayaan Masyarakat dan Desa | Dinas | - | 28 | Pemerintahan Desa; Pemberdayaan Masyarakat; Ekonomi Desa
BRIDA       | Badan Riset dan Inovasi Daerah | Badan | - | 28 | Riset dan Inovasi; Penerapan Inovasi Daerah; Kemitraan Riset
""")  # noqa: E501  (a table reads better with one unit a line)

# code | name | head count | bagian
BIROS = table("""
BIRO_PEMOTDA | Biro Pemerintahan dan Otonomi Daerah | 26 | Pemerintahan; Otonomi Daerah; Kerja Sama
BIRO_HUKUM   | Biro Hukum | 24 | Perundang-undangan; Bantuan Hukum; Dokumentasi dan Informasi Hukum
BIRO_ORG     | Biro Organisasi | 22 | Kelembagaan dan Analisis Jabatan; Reformasi Birokrasi dan Akuntabilitas Kinerja; Tata Laksana
BIRO_EKON    | Biro Perekonomian | 22 | Perekonomian; Sumber Daya Alam; Administrasi Pembangunan
BIRO_UMUM    | Biro Umum dan Perlengkapan | 40 | Tata Usaha; Rumah Tangga; Perlengkapan
BIRO_PBJ     | Biro Pengadaan Barang dan Jasa | 22 | Pengelolaan Pengadaan; Layanan Pengadaan Secara Elektronik; Pembinaan dan Advokasi
BIRO_ADPIM   | Biro Administrasi Pimpinan | 30 | Protokol; Komunikasi Pimpinan; Materi dan Komunikasi Pimpinan
BIRO_KESRA   | Biro Kesejahteraan Rakyat | 22 | Bina Mental Spiritual; Kesejahteraan Sosial; Pendidikan dan Kesehatan
""")  # noqa: E501

# code suffix | city (one UPTB Samsat of Bapenda in each)
SAMSAT = table("""
PLG1 | Palembang I
PLG2 | Palembang II
PLG3 | Palembang III
PRABUMULIH | Prabumulih
LLG | Lubuklinggau
PAGARALAM | Pagar Alam
KAYUAGUNG | Kayuagung
BATURAJA | Baturaja
MUARAENIM | Muara Enim
LAHAT | Lahat
SEKAYU | Sekayu
BANYUASIN | Pangkalan Balai
""")

# code | school (a UPT of the Education Office) | head count
SCHOOLS = table("""
SMAN1_PLG | SMA Negeri 1 Palembang | 34
SMAN3_PLG | SMA Negeri 3 Palembang | 32
SMAN5_PLG | SMA Negeri 5 Palembang | 30
SMAN17_PLG | SMA Negeri 17 Palembang | 30
SMAN_SUMSEL | SMA Negeri Sumatera Selatan | 26
SMAN1_PBM | SMA Negeri 1 Prabumulih | 26
SMAN1_LLG | SMA Negeri 1 Lubuklinggau | 26
SMAN1_LAHAT | SMA Negeri 1 Lahat | 24
SMAN1_OKU | SMA Negeri 1 Baturaja | 24
SMAN1_KAG | SMA Negeri 1 Kayuagung | 22
SMAN2_SKY | SMA Negeri 2 Sekayu | 22
SMAN1_PGA | SMA Negeri 1 Pagar Alam | 20
SMAN1_ME | SMA Negeri 1 Muara Enim | 22
SMAN1_IDL | SMA Negeri 1 Indralaya | 20
SMKN2_PLG | SMK Negeri 2 Palembang | 34
SMKN3_PLG | SMK Negeri 3 Palembang | 30
SMKN6_PLG | SMK Negeri 6 Palembang | 28
SMKN1_PBM | SMK Negeri 1 Prabumulih | 24
SMKN1_LLG | SMK Negeri 1 Lubuklinggau | 24
SMKN1_LAHAT | SMK Negeri 1 Lahat | 22
SMKN1_MTP | SMK Negeri 1 Martapura | 20
SMKN1_SKY | SMK Negeri 1 Sekayu | 22
SLBN_PEMBINA | SLB Negeri Pembina Palembang | 20
SLBN1_PLG | SLB Negeri 1 Palembang | 16
SLBN_PBM | SLB Negeri Prabumulih | 12
""")

# code | name | head count | level of the director
HOSPITALS = table("""
RSUD_SF | RSUD Siti Fatimah | 200 | JPT Pratama
RS_EB | RS Ernaldi Bahar | 110 | Administrator
RSKGM | RS Khusus Gigi dan Mulut | 50 | Administrator
RSKM | RS Khusus Mata | 50 | Administrator
""")

# code | name | public service | parent | head count | level of the head
OTHER_UPT = table("""
UPT_BTKP | UPT Balai Teknologi Komunikasi Pendidikan | - | DISDIK | 16 | Administrator
UPT_BPKPTK | UPT Balai Pengembangan Kompetensi Pendidik dan Tenaga Kependidikan | - | DISDIK | 14 | Administrator
UPT_LABKESDA | UPT Laboratorium Kesehatan Daerah | ya | DINKES | 24 | Administrator
UPT_PSTW | UPT Panti Sosial Tresna Werdha Teratai | ya | DINSOS | 16 | Pengawas
UPT_PSBR | UPT Panti Sosial Bina Remaja Indralaya | ya | DINSOS | 14 | Pengawas
UPT_TPP | UPT Terminal dan Pelabuhan Penyeberangan | ya | DISHUB | 18 | Pengawas
""")  # noqa: E501


def units() -> list[UnitSpec]:
    """Every unit, each parent followed by its sub-units; hospitals after Dinkes."""
    rows = [UnitSpec("SETDA", "Sekretariat Daerah", "Sekretariat", False, "", 24, "setda")]
    rows += [UnitSpec(c, n, "Biro", False, "SETDA", int(k), "biro") for c, n, k, _ in BIROS]
    for code, name, kind, public, count, _ in OFFICES:
        rows.append(UnitSpec(code, name, kind, public == "ya", "", int(count), "opd"))
        if code == "BAPENDA":
            rows += [
                UnitSpec(
                    f"UPTB_SAMSAT_{c}", f"UPTB Samsat {city}", "UPTB", True, code, 14, "samsat"
                )
                for c, city in SAMSAT
            ]
        if code == "DISDIK":
            rows += [
                UnitSpec(c, f"UPT {n}", "UPT Sekolah", True, code, int(k), "school")
                for c, n, k in SCHOOLS
            ]
        rows += [
            UnitSpec(c, n, "UPT", p == "ya", parent, int(k), "upt")
            for c, n, p, parent, k, _ in OTHER_UPT
            if parent == code
        ]
        if code == "DINKES":
            rows += [
                UnitSpec(c, n, "Rumah Sakit", True, "", int(k), "hospital")
                for c, n, k, _ in HOSPITALS
            ]
    return rows


# -- posts ---------------------------------------------------------------------

PELAKSANA_POSTS = weights("""
    Pengadministrasi Perkantoran: 6; Operator Layanan Operasional: 4;
    Pengolah Data dan Informasi: 4; Penata Layanan Operasional: 3;
    Pengelola Layanan Operasional: 3; Penelaah Teknis Kebijakan: 3; Pengelola Keuangan: 2;
    Pengemudi: 1
""")
GENERAL_FUNCTIONAL = weights("""
    Analis Kebijakan Ahli Muda: 3; Analis Kebijakan Ahli Pertama: 3; Perencana Ahli Pertama: 2;
    Perencana Ahli Muda: 1; Analis Sumber Daya Manusia Aparatur Ahli Pertama: 2;
    Arsiparis Terampil: 2; Pranata Komputer Ahli Pertama: 2; Pranata Keuangan APBD Terampil: 2;
    Analis Pengelolaan Keuangan APBD Ahli Muda: 1; Pranata Hubungan Masyarakat Ahli Muda: 1;
    Penata Kelola Sistem dan Teknologi Informasi Ahli Pertama: 1
""")
# unit code | functional posts of its trade, weighted
SPECIAL_FUNCTIONAL = {
    code: weights(posts)
    for code, posts in table("""
INSPEKTORAT | Auditor Ahli Pertama: 3; Auditor Ahli Muda: 3; Auditor Ahli Madya: 1; Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah Ahli Muda: 3
BPBD | Penata Penanggulangan Bencana Ahli Pertama: 4; Penata Penanggulangan Bencana Terampil: 3
SATPOL_PP | Polisi Pamong Praja Terampil: 6; Polisi Pamong Praja Ahli Pertama: 2
DPMPTSP | Penata Perizinan Ahli Pertama: 4; Penata Perizinan Ahli Muda: 2
DINKES | Epidemiolog Kesehatan Ahli Muda: 2; Administrator Kesehatan Ahli Pertama: 3; Tenaga Promosi Kesehatan dan Ilmu Perilaku Ahli Pertama: 2
DINSOS | Pekerja Sosial Ahli Pertama: 4; Penyuluh Sosial Ahli Muda: 2
DPUBMTR | Teknik Jalan dan Jembatan Ahli Muda: 4; Penata Ruang Ahli Pertama: 2
DPUSDA | Teknik Pengairan Ahli Muda: 4
DISHUB | Penguji Kendaraan Bermotor Terampil: 3; Asisten Inspektur Angkutan Terampil: 2
DISKOMINFO | Pranata Komputer Ahli Muda: 3; Statistisi Ahli Pertama: 2; Sandiman Ahli Pertama: 2
DISTANHORTI | Penyuluh Pertanian Ahli Muda: 4; Pengawas Benih Tanaman Ahli Pertama: 2
DISBUN | Pengawas Benih Tanaman Ahli Muda: 2; Penyuluh Pertanian Ahli Pertama: 3
DLHP | Pengendali Dampak Lingkungan Ahli Muda: 4; Penata Kadastral Ahli Pertama: 1
BPSDM | Widyaiswara Ahli Madya: 4; Widyaiswara Ahli Muda: 3
DISPUSIP | Pustakawan Ahli Pertama: 4; Pustakawan Terampil: 3; Arsiparis Ahli Muda: 3
DISNAKERTRANS | Pengawas Ketenagakerjaan Ahli Muda: 4; Mediator Hubungan Industrial Ahli Muda: 2
DISPERINDAG | Penera Terampil: 2; Pengawas Perdagangan Ahli Pertama: 2
DKP | Pengelola Produksi Perikanan Tangkap Ahli Pertama: 3
DISHUT | Penyuluh Kehutanan Ahli Muda: 3; Polisi Kehutanan Terampil: 3
BIRO_HUKUM | Perancang Peraturan Perundang-undangan Ahli Muda: 5
BIRO_PBJ | Pengelola Pengadaan Barang/Jasa Ahli Pertama: 5; Pengelola Pengadaan Barang/Jasa Ahli Muda: 3
BKD | Analis Sumber Daya Manusia Aparatur Ahli Muda: 5; Asesor SDM Aparatur Ahli Muda: 2
BPKAD | Analis Pengelolaan Keuangan APBD Ahli Muda: 5; Penilai Pemerintah Ahli Pertama: 2
BAPPEDA | Perencana Ahli Muda: 5; Perencana Ahli Madya: 2
BRIDA | Peneliti Ahli Muda: 4; Perekayasa Ahli Pertama: 2
UPT_LABKESDA | Pranata Laboratorium Kesehatan Terampil: 5; Pranata Laboratorium Kesehatan Ahli Pertama: 3
UPT_PSTW | Pekerja Sosial Terampil: 4; Perawat Terampil: 2
UPT_PSBR | Pekerja Sosial Terampil: 4; Penyuluh Sosial Ahli Pertama: 1
UPT_BTKP | Pranata Komputer Ahli Pertama: 3; Pengembang Teknologi Pembelajaran Ahli Muda: 3
UPT_BPKPTK | Widyaprada Ahli Muda: 3; Pengembang Teknologi Pembelajaran Ahli Pertama: 2
""")  # noqa: E501
}
TEACHERS = weights(
    "Guru Ahli Pertama: 4; Guru Ahli Muda: 5; Guru Ahli Madya: 4; Guru Ahli Utama: 1"
)
HOSPITAL_STAFF = weights("""
    Perawat Terampil: 10; Perawat Mahir: 5; Perawat Ahli Pertama: 6; Perawat Ahli Muda: 3;
    Bidan Terampil: 3; Dokter Ahli Pertama: 3; Dokter Ahli Muda: 3; Dokter Ahli Madya: 2;
    Apoteker Ahli Pertama: 1; Asisten Apoteker Terampil: 2;
    Pranata Laboratorium Kesehatan Terampil: 2; Radiografer Terampil: 1;
    Nutrisionis Ahli Pertama: 1; Perekam Medis Terampil: 2; Fisioterapis Terampil: 1;
    Administrator Kesehatan Ahli Pertama: 1
""")
HOSPITAL_EXTRA = {
    "RS_EB": weights("Psikolog Klinis Ahli Pertama: 3; Okupasi Terapis Terampil: 2"),
    "RSKGM": weights(
        "Dokter Gigi Ahli Pertama: 8; Dokter Gigi Ahli Muda: 6; Terapis Gigi dan Mulut Terampil: 8"
    ),
    "RSKM": weights("Refraksionis Optisien Terampil: 6; Dokter Ahli Muda: 4"),
}
SPECIALISTS = {
    "RSUD_SF": items("Sp.PD; Sp.A; Sp.OG; Sp.B; Sp.JP; Sp.An; Sp.Rad; Sp.N"),
    "RS_EB": ["Sp.KJ"],
    "RSKGM": items("Sp.Ort; Sp.KG; Sp.BM"),
    "RSKM": ["Sp.M"],
}


def office_posts(unit: UnitSpec) -> list[tuple[str, str]]:
    """Head, secretary, heads of bidang and of subbagian of an office."""
    code, name = unit.code, unit.name
    bidang = items(next(row[5] for row in OFFICES if row[0] == code))
    if code == "INSPEKTORAT":
        head = [(JPT_PRATAMA, "Inspektur"), (ADMINISTRATOR, "Sekretaris Inspektorat")]
        middle = [(ADMINISTRATOR, f"Inspektur Pembantu {b}") for b in bidang]
    elif code == "SETWAN":
        head = [(JPT_PRATAMA, "Sekretaris DPRD")]
        middle = [(ADMINISTRATOR, f"Kepala Bagian {b}") for b in bidang]
    else:
        head = [(JPT_PRATAMA, f"Kepala {name}"), (ADMINISTRATOR, f"Sekretaris {name}")]
        middle = [(ADMINISTRATOR, f"Kepala Bidang {b}") for b in bidang]
    subbagian = ["Umum dan Kepegawaian", "Keuangan dan Aset"]
    return head + middle + [(PENGAWAS, f"Kepala Subbagian {s}") for s in subbagian]


def hospital_posts(unit: UnitSpec) -> list[tuple[str, str]]:
    """The director (JPT Pratama at the class-A hospital) and the management."""
    director = next(row[3] for row in HOSPITALS if row[0] == unit.code)
    posts = [(director, f"Direktur {unit.name}")]
    if director == JPT_PRATAMA:
        deputies = ["Pelayanan", "Umum dan Keuangan", "Sumber Daya Manusia dan Pendidikan"]
        posts += [(ADMINISTRATOR, f"Wakil Direktur {d}") for d in deputies]
        posts += [
            (PENGAWAS, "Kepala Subbagian Kepegawaian"),
            (PENGAWAS, "Kepala Seksi Keperawatan"),
        ]
    else:
        posts += [
            (PENGAWAS, "Kepala Subbagian Tata Usaha"),
            (PENGAWAS, "Kepala Seksi Pelayanan Medik dan Keperawatan"),
        ]
    return posts


SETDA_POSTS = [
    (JPT_MADYA, "Sekretaris Daerah Provinsi Sumatera Selatan"),
    (JPT_PRATAMA, "Asisten Pemerintahan dan Kesejahteraan Rakyat"),
    (JPT_PRATAMA, "Asisten Perekonomian dan Pembangunan"),
    (JPT_PRATAMA, "Asisten Administrasi Umum"),
    (JPT_PRATAMA, "Staf Ahli Gubernur Bidang Hukum dan Politik"),
    (JPT_PRATAMA, "Staf Ahli Gubernur Bidang Ekonomi, Keuangan dan Pembangunan"),
    (JPT_PRATAMA, "Staf Ahli Gubernur Bidang Kemasyarakatan dan Sumber Daya Manusia"),
]


def fixed_posts(unit: UnitSpec) -> list[tuple[str, str]]:
    """The structural posts of a unit, head first."""
    if unit.profile == "setda":
        return SETDA_POSTS
    if unit.profile == "biro":
        bagian = items(next(row[3] for row in BIROS if row[0] == unit.code))
        return [(JPT_PRATAMA, f"Kepala {unit.name}")] + [
            (ADMINISTRATOR, f"Kepala Bagian {b}") for b in bagian
        ]
    if unit.profile == "opd":
        return office_posts(unit)
    if unit.profile == "samsat":
        return [
            (ADMINISTRATOR, f"Kepala {unit.name}"),
            (PENGAWAS, "Kepala Subbagian Tata Usaha"),
            (PENGAWAS, "Kepala Seksi Penetapan dan Penagihan"),
        ]
    if unit.profile == "school":
        # A school head is a teacher given an extra duty, not a structural post.
        school = unit.name.removeprefix("UPT ")
        return [
            (FUNGSIONAL, f"Guru Ahli Madya (Kepala {school})"),
            (PENGAWAS, "Kepala Subbagian Tata Usaha"),
        ]
    if unit.profile == "upt":
        level = next(row[5] for row in OTHER_UPT if row[0] == unit.code)
        return [(level, f"Kepala {unit.name}"), (PENGAWAS, "Kepala Subbagian Tata Usaha")]
    return hospital_posts(unit)


def staff_post(unit: UnitSpec, dice: Dice) -> tuple[str, str]:
    """One post of the rank and file."""
    if unit.profile == "school":
        if dice.chance(0.78):
            return FUNGSIONAL, dice.weighted(TEACHERS)
        if dice.chance(0.1):
            return FUNGSIONAL, "Pustakawan Terampil"
        return PELAKSANA, dice.weighted(PELAKSANA_POSTS[:3])
    if unit.profile == "hospital":
        if dice.chance(0.8):
            return FUNGSIONAL, dice.weighted(HOSPITAL_STAFF + HOSPITAL_EXTRA.get(unit.code, []))
        return PELAKSANA, dice.weighted(PELAKSANA_POSTS)
    share = {"samsat": 0.15, "upt": 0.45}.get(unit.profile, 0.5)
    if dice.chance(share):
        special = SPECIAL_FUNCTIONAL.get(unit.code, [])
        return FUNGSIONAL, dice.weighted(GENERAL_FUNCTIONAL + 2 * special)
    return PELAKSANA, dice.weighted(PELAKSANA_POSTS)


# -- people --------------------------------------------------------------------

MALE = items("""
    Ahmad; Muhammad; Abdul Rahman; Rusdi; Syahrial; Zulkarnain; Iskandar; Herman; Darmawan;
    Hendri; Firmansyah; Rizal; Rahmat; Yusuf; Hasan; Husin; Arief; Ridwan; Fauzi; Nurdin; Anwar;
    Amir; Syamsul; Azhari; Helmi; Fadli; Rudi; Andi; Irwan; Erwin; Zainal; Saipul; Sulaiman;
    Taufik; Hairul; Agus; Bambang; Budi; Joko; Eko; Teguh; Slamet; Dedi; Asep; Yudi; Hendra;
    Robert; Johannes; Rizky; Fajar; Dimas; Aditya; Bayu; Reza; Ilham; Wahyu; Yogi; Syarifuddin;
    Mukhlis; Hafiz
""")
FEMALE = items("""
    Siti; Nurhayati; Aisyah; Fatimah; Yulia; Rina; Dewi; Fitri; Lestari; Rahmawati; Nurul; Maya;
    Desi; Yanti; Eka; Novita; Meli; Sari; Rosmawati; Zuraida; Hasanah; Mardiah; Indah; Wulan;
    Ratna; Yuliana; Herlina; Emilia; Sri; Endang; Tri; Rini; Sumarni; Dian; Putri; Anisa; Nabila;
    Febri; Ayu; Mega; Rosa; Evi; Lina; Ika
""")
SECOND_MALE = items("""
    Saputra; Hidayat; Syahputra; Pratama; Gunawan; Kurniawan; Setiawan; Wijaya; Rahman; Hakim;
    Hamzah; Sanjaya; Firdaus; Ramadhan; Nugraha; Effendi; Lubis; Siregar; Nasution; Harahap;
    Simanjuntak; Sutrisno; Santoso; Prasetyo; Susilo; Riyadi; Wahyudi; Purnomo; Irawan; Syafei;
    Zulkifli; Maulana; Alamsyah; Fikri; Rosyid
""")
SECOND_FEMALE = items("""
    Handayani; Wulandari; Lestari; Safitri; Purnamasari; Anggraini; Maharani; Puspita; Oktaviani;
    Yuliana; Febriani; Novitasari; Ramadhani; Apriyanti; Agustina; Wahyuni; Susilowati; Mulyani;
    Astuti; Aminah; Kartika; Sari; Rahayu; Utami; Fitriani
""")
NEEDS_SECOND = set(items("Sri; Tri; Siti; Nurul; Eka; Muhammad; Dian; Putri; Ayu"))
# Palembang gentry titles, common in the city's old families.
GENTRY_MALE = items("Kms.; Ki.; Mgs.; R.")
GENTRY_FEMALE = items("Nyimas; Nyayu; Masayu; R.A.")
# A bachelor's degree and the master's degrees that usually follow it.
DEGREES = [
    (bachelor, items(masters))
    for bachelor, masters in table("""
S.E. | M.M.; M.Si.; M.Ak.
S.H. | M.H.; M.Kn.
S.Sos. | M.Si.; M.AP.
S.IP. | M.Si.; M.AP.
S.Kom. | M.Kom.; M.M.
S.T. | M.T.; M.Eng.
S.AP. | M.AP.; M.Si.
S.Ak. | M.Ak.; M.Si.
""")
]
# Functional posts that call for particular degrees (first match wins).
POST_DEGREES = [
    (post, items(degrees))
    for post, degrees in table("""
Pranata Laboratorium Kesehatan Terampil | A.Md.A.K.
Pranata Laboratorium Kesehatan | S.Tr.Kes.; S.Si.
Radiografer | A.Md.Rad.
Perekam Medis | A.Md.RMIK
Fisioterapis | A.Md.Ftr.
Asisten Apoteker | A.Md.Farm.
Apoteker | S.Farm.
Nutrisionis | S.Gz.
Psikolog Klinis | M.Psi., Psikolog
Okupasi Terapis | A.Md.OT
Refraksionis | A.Md.RO
Terapis Gigi | A.Md.Kes.
Administrator Kesehatan | S.K.M.; S.K.M., M.Kes.
Epidemiolog | S.K.M., M.Epid.
Tenaga Promosi Kesehatan | S.K.M.
Perawat Ahli | S.Kep., Ners
Perawat | A.Md.Kep.
Bidan | A.Md.Keb.
Pekerja Sosial | S.Sos.; S.Tr.Sos.
Penyuluh Pertanian | S.P.; S.P., M.Si.
Pustakawan | S.IIP.; A.Md.
Teknik Jalan | S.T.; S.T., M.T.
Teknik Pengairan | S.T.
Widyaiswara | S.Pd., M.Pd.; S.E., M.Si.
Auditor | S.E., Ak.; S.Ak.
Perancang Peraturan | S.H.; S.H., M.H.
Guru | S.Pd.; S.Pd.; S.Pd., M.Pd.
""")
]
# Health posts held by physicians (dentists at the dental hospital).
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
    degrees = _degrees(dice, title, level, code)
    if title.startswith("Dokter Gigi") or (code == "RSKGM" and title.startswith("Direktur")):
        prefixes.insert(0, "drg.")
    elif title.startswith(("Dokter", *DOCTOR_POSTS)):
        prefixes.insert(0, "dr.")
    elif title.startswith("Apoteker"):
        prefixes.insert(0, "apt.")
    elif level in (JPT_MADYA, JPT_PRATAMA) and dice.chance(0.35):
        prefixes.insert(0, "Dr.")
    name = " ".join([*prefixes, given])
    return f"{name}, {degrees}" if degrees else name


def _degrees(dice: Dice, title: str, level: str, code: str) -> str:
    if title.startswith(DOCTOR_POSTS):
        return dice.pick(["M.Kes.", "M.A.R.S.", *SPECIALISTS.get(code, [])])
    if title.startswith("Dokter"):
        specialist = title.endswith(("Muda", "Madya")) and dice.chance(0.6)
        return dice.pick(SPECIALISTS.get(code, ["Sp.PD"])) if specialist else ""
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
    """Unique, valid NIPs: birth date, appointment month, gender digit, serial."""

    def __init__(self) -> None:
        self.serials: dict[str, int] = {}

    def make(self, dice: Dice, years: tuple[int, int], female: bool) -> tuple[str, int]:
        born = dt.date(dice.between(*years), dice.between(1, 12), dice.between(1, 28))
        # Appointed at 20-35, and no later than last year's intake (births end in 2002).
        year = min(born.year + dice.between(20, 35), REFERENCE.year - 1)
        # Most intakes take effect in January, March or April.
        month = dice.weighted([(1, 3), (3, 4), (4, 2), (12, 2), (dice.between(1, 12), 2)])
        stem = f"{born:%Y%m%d}{year:04d}{month:02d}{2 if female else 1}"
        serial = self.serials.get(stem, 0) + 1
        self.serials[stem] = serial
        return f"{stem}{serial:03d}", born.year


def employees(dice: Dice, unit_rows: list[UnitSpec]) -> list[list[str]]:
    """Every employee row, by unit (in unit.csv order) then NIP."""
    nips = Nips()
    rows: list[list[str]] = []
    for unit in unit_rows:
        posts = list(fixed_posts(unit))
        posts += [staff_post(unit, dice) for _ in range(unit.staff - len(posts))]
        female_share = 0.6 if unit.profile in ("school", "hospital") else 0.4
        people = []
        for level, title in posts:
            female = dice.chance(female_share)
            nip, born = nips.make(dice, birth_years(level, title), female)
            name = person_name(dice, female, title, level, born, unit.code)
            score = dice.score() if dice.chance(0.9) else ""
            people.append([nip, name, unit.code, level, title, score])
        rows += sorted(people)
    return rows


def write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """A UTF-8 CSV with ``,`` and ``\\n``, quoting only where needed."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main(argv: Sequence[str]) -> int:
    out = Path(argv[0]) if argv else Path(__file__).resolve().parent / "roster"
    out.mkdir(parents=True, exist_ok=True)
    dice = Dice(SEED)
    unit_rows = units()
    unit_table = [
        [u.code, u.name, u.kind, "ya" if u.public else "tidak", u.parent] for u in unit_rows
    ]
    write(out / "unit.csv", ["kode", "nama", "jenis", "layanan_publik", "induk"], unit_table)
    people = employees(dice, unit_rows)
    header = ["nip", "nama", "unit", "jenjang", "jabatan", "capaian_kinerja"]
    write(out / "pegawai.csv", header, people)
    print(f"{len(unit_rows)} units, {len(people)} employees -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
