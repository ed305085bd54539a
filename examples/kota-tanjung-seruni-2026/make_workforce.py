#!/usr/bin/env python3
"""Generate the synthetic workforce of the City of Tanjung Seruni (Kota Tanjung Seruni).

SYNTHETIC: Tanjung Seruni is a fictional city.  Its units follow the usual
organisation of an Indonesian city government (Sekretariat Daerah with its
Bagian, dinas, badan, Kecamatan with their Kelurahan, Puskesmas, an RSUD),
but every unit size, person, NIP and score is invented.

Writes ``unit.csv`` and ``pegawai.csv`` (the two-file roster layout of
``docs/data-formats.md``, the same columns as ``examples/sumsel-2026``) into
the directory given on the command line, or into ``roster/`` beside this
script:

    python make_workforce.py [OUTPUT_DIR]

The output is byte-identical on every run: one seeded generator drawn from in
a fixed order, using only ``Random.random()`` (the other helpers of
:mod:`random` have changed between Python versions; the Mersenne Twister
stream has not).  Standard library only.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple, TypeVar

SEED = 20260501
REFERENCE = dt.date(2026, 5, 1)  # the first day of the trial
CITY = "Tanjung Seruni"
T = TypeVar("T")

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
#
# The roster's unit kinds are a closed list (docs/data-formats.md).  A city has
# three kinds of unit it does not name; this script writes the nearest one:
#   Bagian of the Sekretariat Daerah -> "Biro" (the provincial counterpart);
#   Kecamatan                        -> "Dinas" (a perangkat daerah of its own);
#   Kelurahan                        -> "UPT" (a sub-unit of its Kecamatan).
# The rule file never reads `unit.jenis`, so the choice changes no decision.


class UnitSpec(NamedTuple):
    code: str
    name: str
    kind: str
    public: bool  # butir 4: direct public service, always WFO
    parent: str
    staff: int  # head count
    profile: str  # which posts it has: setda, bagian, opd, kecamatan, kelurahan, ...
    offices: tuple[str, ...]  # the bidang (or seksi) it is divided into


# code | name | kind | public service | head count | bidang
OFFICES = table("""
SETWAN      | Sekretariat DPRD | Sekretariat | - | 22 | Persidangan dan Perundang-undangan; Fasilitasi Penganggaran dan Pengawasan; Umum dan Keuangan
INSPEKTORAT | Inspektorat Daerah | Inspektorat | - | 21 | Wilayah I; Wilayah II; Wilayah III
BAPPEDA     | Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah | Badan | - | 19 | Perencanaan dan Evaluasi Pembangunan; Pemerintahan dan Pembangunan Manusia; Perekonomian, Infrastruktur dan Kewilayahan; Riset dan Inovasi
BKPSDM      | Badan Kepegawaian dan Pengembangan Sumber Daya Manusia | Badan | - | 18 | Pengadaan, Pemberhentian dan Informasi; Mutasi dan Promosi; Pengembangan Kompetensi
BPKAD       | Badan Pengelolaan Keuangan dan Aset Daerah | Badan | - | 26 | Anggaran; Perbendaharaan; Akuntansi dan Pelaporan; Aset
BAPENDA     | Badan Pendapatan Daerah | Badan | - | 21 | Pendataan dan Penetapan; Penagihan dan Keberatan; Pajak Bumi dan Bangunan
KESBANGPOL  | Badan Kesatuan Bangsa dan Politik | Badan | - | 10 | Ideologi, Wawasan Kebangsaan dan Politik; Kewaspadaan Nasional
BPBD        | Badan Penanggulangan Bencana Daerah | Badan | ya | 16 | Pencegahan dan Kesiapsiagaan; Kedaruratan dan Logistik; Rehabilitasi dan Rekonstruksi
SATPOL_PP   | Satuan Polisi Pamong Praja | Satuan | ya | 28 | Penegakan Peraturan Daerah; Ketertiban Umum dan Ketenteraman Masyarakat; Perlindungan Masyarakat
DAMKAR      | Dinas Pemadam Kebakaran dan Penyelamatan | Dinas | ya | 22 | Operasi dan Penyelamatan; Pencegahan dan Sarana Prasarana
DISDUKCAPIL | Dinas Kependudukan dan Pencatatan Sipil | Dinas | ya | 20 | Pelayanan Pendaftaran Penduduk; Pelayanan Pencatatan Sipil; Pengelolaan Informasi Administrasi Kependudukan
DPMPTSP     | Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu | Dinas | ya | 16 | Penanaman Modal; Pelayanan Perizinan dan Nonperizinan; Pengaduan dan Mal Pelayanan Publik
DINKES      | Dinas Kesehatan | Dinas | - | 20 | Kesehatan Masyarakat; Pencegahan dan Pengendalian Penyakit; Pelayanan dan Sumber Daya Kesehatan
DISDIKBUD   | Dinas Pendidikan dan Kebudayaan | Dinas | - | 19 | Pembinaan Sekolah Dasar; Pembinaan Sekolah Menengah Pertama; Pendidik dan Tenaga Kependidikan; Kebudayaan
DINSOS      | Dinas Sosial | Dinas | - | 14 | Rehabilitasi dan Perlindungan Sosial; Pemberdayaan Sosial dan Penanganan Fakir Miskin
DPUPR       | Dinas Pekerjaan Umum dan Penataan Ruang | Dinas | - | 24 | Bina Marga; Sumber Daya Air; Cipta Karya; Penataan Ruang
DISPERKIM   | Dinas Perumahan dan Kawasan Permukiman | Dinas | - | 13 | Perumahan; Kawasan Permukiman dan Pertamanan
DISHUB      | Dinas Perhubungan | Dinas | - | 17 | Lalu Lintas; Angkutan; Sarana dan Prasarana Perhubungan
DLH         | Dinas Lingkungan Hidup | Dinas | - | 17 | Tata Lingkungan; Pengelolaan Sampah; Pengendalian Pencemaran
DISKOMINFO  | Dinas Komunikasi, Informatika, Statistik dan Persandian | Dinas | - | 16 | Informasi dan Komunikasi Publik; Aplikasi Informatika dan Persandian; Statistik
DP3AP2KB    | Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana | Dinas | - | 14 | Pemberdayaan Perempuan dan Perlindungan Anak; Pengendalian Penduduk dan Keluarga Berencana
DISNAKERIN  | Dinas Tenaga Kerja dan Perindustrian | Dinas | - | 12 | Tenaga Kerja; Perindustrian
DKUKMDAG    | Dinas Koperasi, Usaha Kecil, Menengah dan Perdagangan | Dinas | - | 14 | Koperasi dan Usaha Mikro; Perdagangan
DKPP        | Dinas Ketahanan Pangan, Pertanian dan Perikanan | Dinas | - | 16 | Ketahanan Pangan; Pertanian dan Peternakan; Perikanan
DISPORAPAR  | Dinas Kepemudaan, Olahraga dan Pariwisata | Dinas | - | 12 | Kepemudaan dan Olahraga; Pariwisata dan Ekonomi Kreatif
DISARPUS    | Dinas Perpustakaan dan Kearsipan | Dinas | - | 12 | Perpustakaan; Kearsipan
""")  # noqa: E501  (a table reads better with one unit a line)

# code | name | head count (the Bagian of the Sekretariat Daerah)
BAGIAN = table("""
BAG_PEM     | Bagian Pemerintahan | 8
BAG_HUKUM   | Bagian Hukum | 9
BAG_ORG     | Bagian Organisasi | 8
BAG_KESRA   | Bagian Kesejahteraan Rakyat | 7
BAG_PEREK   | Bagian Perekonomian dan Sumber Daya Alam | 7
BAG_ADMPEMB | Bagian Administrasi Pembangunan | 7
BAG_PBJ     | Bagian Pengadaan Barang dan Jasa | 9
BAG_UMUM    | Bagian Umum | 15
BAG_PROKOPIM | Bagian Protokol dan Komunikasi Pimpinan | 11
""")

# code | name | head count (UPT Puskesmas of the Dinas Kesehatan)
PUSKESMAS = table("""
PKM_SERUNI     | Puskesmas Seruni | 17
PKM_TANJUNG    | Puskesmas Tanjung | 15
PKM_PASAR_BARU | Puskesmas Pasar Baru | 14
PKM_BUKIT_INDAH | Puskesmas Bukit Indah | 13
PKM_SUNGAI_LEBAR | Puskesmas Sungai Lebar | 12
""")

# code | name | head count (UPT Sekolah of the Dinas Pendidikan dan Kebudayaan)
SCHOOLS = table("""
SMPN1_TJS | SMP Negeri 1 Tanjung Seruni | 18
SMPN4_TJS | SMP Negeri 4 Tanjung Seruni | 15
""")

# kecamatan code | name | head count | kelurahan (code: name: head count)
KECAMATAN = table("""
KEC_SERUNI       | Seruni       | 13 | KEL_SERUNI_ILIR: Seruni Ilir: 7; KEL_PASAR_BARU: Pasar Baru: 6; KEL_TALANG_JAWA: Talang Jawa: 6
KEC_TANJUNG      | Tanjung      | 12 | KEL_TANJUNG_RAYA: Tanjung Raya: 7; KEL_KAMPUNG_BARU: Kampung Baru: 6
KEC_BUKIT_INDAH  | Bukit Indah  | 11 | KEL_BUKIT_INDAH: Bukit Indah: 6; KEL_SUKAMAJU: Sukamaju: 6
KEC_SUNGAI_LEBAR | Sungai Lebar | 11 | KEL_SUNGAI_LEBAR: Sungai Lebar: 6; KEL_LEBAK_MULYO: Lebak Mulyo: 5
""")  # noqa: E501

RSUD = UnitSpec("RSUD_KOTA", f"RSUD Kota {CITY}", "Rumah Sakit", True, "DINKES", 46, "rsud", ())


def units() -> list[UnitSpec]:
    """Every unit, each parent followed by its sub-units."""
    rows = [UnitSpec("SETDA", "Sekretariat Daerah", "Sekretariat", False, "", 10, "setda", ())]
    rows += [UnitSpec(c, n, "Biro", False, "SETDA", int(k), "bagian", ()) for c, n, k in BAGIAN]
    for code, name, kind, public, count, bidang in OFFICES:
        rows.append(
            UnitSpec(code, name, kind, public == "ya", "", int(count), "opd", tuple(items(bidang)))
        )
        if code == "DINKES":
            rows += [
                UnitSpec(c, n, "UPT", True, code, int(k), "puskesmas", ()) for c, n, k in PUSKESMAS
            ]
            rows.append(RSUD)
        if code == "DISDIKBUD":
            rows += [
                UnitSpec(c, n, "UPT Sekolah", True, code, int(k), "school", ())
                for c, n, k in SCHOOLS
            ]
    for code, name, count, kelurahan in KECAMATAN:
        rows.append(
            UnitSpec(code, f"Kecamatan {name}", "Dinas", True, "", int(count), "kecamatan", ())
        )
        for entry in items(kelurahan):
            kel_code, kel_name, kel_count = (part.strip() for part in entry.split(":"))
            rows.append(
                UnitSpec(
                    kel_code,
                    f"Kelurahan {kel_name}",
                    "UPT",
                    True,
                    code,
                    int(kel_count),
                    "kelurahan",
                    (),
                )
            )
    return rows


# -- posts ---------------------------------------------------------------------

PELAKSANA_POSTS = weights("""
    Pengadministrasi Perkantoran: 6; Operator Layanan Operasional: 4;
    Pengolah Data dan Informasi: 3; Penata Layanan Operasional: 3;
    Pengelola Layanan Operasional: 3; Penelaah Teknis Kebijakan: 2; Pengelola Keuangan: 2;
    Pengemudi: 1
""")
GENERAL_FUNCTIONAL = weights("""
    Analis Kebijakan Ahli Pertama: 3; Analis Kebijakan Ahli Muda: 2; Perencana Ahli Pertama: 2;
    Analis Sumber Daya Manusia Aparatur Ahli Pertama: 2; Arsiparis Terampil: 2;
    Pranata Komputer Ahli Pertama: 2; Pranata Keuangan APBD Terampil: 2;
    Analis Pengelolaan Keuangan APBD Ahli Pertama: 1; Pranata Hubungan Masyarakat Ahli Pertama: 1
""")
# unit code | functional posts of its trade, weighted
SPECIAL_FUNCTIONAL = {
    code: weights(posts)
    for code, posts in table("""
INSPEKTORAT | Auditor Ahli Pertama: 3; Auditor Ahli Muda: 2; Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah Ahli Pertama: 3
BAPPEDA | Perencana Ahli Pertama: 4; Perencana Ahli Muda: 3; Peneliti Ahli Pertama: 1
BKPSDM | Analis Sumber Daya Manusia Aparatur Ahli Pertama: 4; Analis Sumber Daya Manusia Aparatur Ahli Muda: 2; Asesor Sumber Daya Manusia Aparatur Ahli Pertama: 1
BPKAD | Analis Pengelolaan Keuangan APBD Ahli Pertama: 4; Analis Pengelolaan Keuangan APBD Ahli Muda: 2; Pranata Keuangan APBD Terampil: 3
BAPENDA | Analis Keuangan Pusat dan Daerah Ahli Pertama: 3; Pranata Keuangan APBD Terampil: 2
BPBD | Penata Penanggulangan Bencana Terampil: 4; Penata Penanggulangan Bencana Ahli Pertama: 2
SATPOL_PP | Polisi Pamong Praja Terampil: 6; Polisi Pamong Praja Mahir: 2; Polisi Pamong Praja Ahli Pertama: 1
DAMKAR | Pemadam Kebakaran Terampil: 6; Pemadam Kebakaran Mahir: 2; Analis Kebakaran Ahli Pertama: 1
DISDUKCAPIL | Administrator Database Kependudukan Ahli Pertama: 3; Administrator Database Kependudukan Terampil: 2
DPMPTSP | Penata Perizinan Ahli Pertama: 4; Penata Perizinan Ahli Muda: 2
DINKES | Administrator Kesehatan Ahli Pertama: 3; Epidemiolog Kesehatan Ahli Pertama: 2; Tenaga Promosi Kesehatan dan Ilmu Perilaku Ahli Pertama: 2
DISDIKBUD | Pengawas Sekolah Ahli Madya: 3; Penilik Ahli Muda: 2; Pamong Budaya Ahli Pertama: 1
DINSOS | Pekerja Sosial Ahli Pertama: 4; Penyuluh Sosial Ahli Pertama: 2
DPUPR | Teknik Jalan dan Jembatan Ahli Pertama: 3; Teknik Pengairan Ahli Pertama: 2; Penata Ruang Ahli Pertama: 2
DISPERKIM | Teknik Tata Bangunan dan Perumahan Ahli Pertama: 3
DISHUB | Penguji Kendaraan Bermotor Terampil: 3; Asisten Inspektur Angkutan Terampil: 1
DLH | Pengendali Dampak Lingkungan Ahli Pertama: 3; Pengawas Lingkungan Hidup Ahli Pertama: 2
DISKOMINFO | Pranata Komputer Ahli Pertama: 3; Pranata Komputer Ahli Muda: 2; Statistisi Ahli Pertama: 2; Sandiman Ahli Pertama: 1
DP3AP2KB | Penyuluh Keluarga Berencana Ahli Pertama: 3; Analis Kebijakan Ahli Pertama: 1
DISNAKERIN | Mediator Hubungan Industrial Ahli Pertama: 2; Instruktur Ahli Pertama: 2
DKUKMDAG | Penera Terampil: 2; Pengawas Perdagangan Ahli Pertama: 2
DKPP | Penyuluh Pertanian Ahli Pertama: 4; Medik Veteriner Ahli Pertama: 1; Analis Ketahanan Pangan Ahli Pertama: 2
DISARPUS | Pustakawan Ahli Pertama: 3; Pustakawan Terampil: 2; Arsiparis Ahli Pertama: 2
BAG_HUKUM | Perancang Peraturan Perundang-undangan Ahli Pertama: 4; Analis Hukum Ahli Pertama: 3
BAG_PBJ | Pengelola Pengadaan Barang/Jasa Ahli Pertama: 5; Pengelola Pengadaan Barang/Jasa Ahli Muda: 3
BAG_ORG | Analis Sumber Daya Manusia Aparatur Ahli Pertama: 2; Analis Kebijakan Ahli Pertama: 2
BAG_PROKOPIM | Pranata Hubungan Masyarakat Ahli Pertama: 3; Pranata Hubungan Masyarakat Terampil: 2
""")  # noqa: E501
}
PUSKESMAS_STAFF = weights("""
    Perawat Terampil: 6; Perawat Ahli Pertama: 3; Bidan Terampil: 5; Bidan Ahli Pertama: 2;
    Dokter Ahli Pertama: 2; Dokter Gigi Ahli Pertama: 1; Apoteker Ahli Pertama: 1;
    Asisten Apoteker Terampil: 1; Pranata Laboratorium Kesehatan Terampil: 1;
    Nutrisionis Terampil: 1; Sanitarian Terampil: 1; Perekam Medis Terampil: 1
""")
RSUD_STAFF = weights("""
    Perawat Terampil: 10; Perawat Ahli Pertama: 6; Perawat Ahli Muda: 2; Bidan Terampil: 3;
    Dokter Ahli Pertama: 3; Dokter Ahli Muda: 3; Apoteker Ahli Pertama: 1;
    Asisten Apoteker Terampil: 2; Radiografer Terampil: 1;
    Pranata Laboratorium Kesehatan Terampil: 2; Perekam Medis Terampil: 2;
    Fisioterapis Terampil: 1; Nutrisionis Terampil: 1
""")
TEACHERS = weights("""
    Guru Ahli Pertama: 5; Guru Ahli Muda: 4; Guru Ahli Madya: 2
""")


def office_posts(unit: UnitSpec) -> list[tuple[str, str]]:
    """Head, secretary, heads of bidang and the head of subbagian of a dinas or badan."""
    code, name = unit.code, unit.name
    if code == "INSPEKTORAT":
        head = [(JPT_PRATAMA, "Inspektur"), (ADMINISTRATOR, "Sekretaris Inspektorat")]
        middle = [(ADMINISTRATOR, f"Inspektur Pembantu {b}") for b in unit.offices]
    elif code == "SETWAN":
        head = [(JPT_PRATAMA, "Sekretaris DPRD")]
        middle = [(ADMINISTRATOR, f"Kepala Bagian {b}") for b in unit.offices]
    elif code == "BPBD":
        # The head of a BPBD is the Sekretaris Daerah, ex officio; the Kalaksa runs it.
        head = [(JPT_PRATAMA, "Kepala Pelaksana BPBD"), (ADMINISTRATOR, "Sekretaris BPBD")]
        middle = [(ADMINISTRATOR, f"Kepala Bidang {b}") for b in unit.offices]
    elif code == "SATPOL_PP":
        head = [(JPT_PRATAMA, "Kepala Satuan Polisi Pamong Praja"), (ADMINISTRATOR, "Sekretaris")]
        middle = [(ADMINISTRATOR, f"Kepala Bidang {b}") for b in unit.offices]
    else:
        head = [(JPT_PRATAMA, f"Kepala {name}"), (ADMINISTRATOR, f"Sekretaris {name}")]
        middle = [(ADMINISTRATOR, f"Kepala Bidang {b}") for b in unit.offices]
    # Since the 2021 simplification most sections are functional posts; one
    # subbagian (general affairs and staffing) usually remains structural.
    return [*head, *middle, (PENGAWAS, "Kepala Subbagian Umum dan Kepegawaian")]


SETDA_POSTS = [
    (JPT_PRATAMA, f"Sekretaris Daerah Kota {CITY}"),
    (JPT_PRATAMA, "Asisten Pemerintahan dan Kesejahteraan Rakyat"),
    (JPT_PRATAMA, "Asisten Perekonomian dan Pembangunan"),
    (JPT_PRATAMA, "Asisten Administrasi Umum"),
    (JPT_PRATAMA, "Staf Ahli Wali Kota Bidang Pemerintahan, Hukum dan Politik"),
    (JPT_PRATAMA, "Staf Ahli Wali Kota Bidang Ekonomi, Keuangan dan Pembangunan"),
    (JPT_PRATAMA, "Staf Ahli Wali Kota Bidang Kemasyarakatan dan Sumber Daya Manusia"),
]


def fixed_posts(unit: UnitSpec) -> list[tuple[str, str]]:
    """The structural posts of a unit, head first."""
    if unit.profile == "setda":
        return SETDA_POSTS
    if unit.profile == "bagian":
        return [(ADMINISTRATOR, f"Kepala {unit.name}")]
    if unit.profile == "opd":
        return office_posts(unit)
    if unit.profile == "kecamatan":
        seksi = ["Pemerintahan", "Ketenteraman dan Ketertiban Umum", "Pemberdayaan Masyarakat"]
        return [
            (ADMINISTRATOR, "Camat"),
            (ADMINISTRATOR, "Sekretaris Kecamatan"),
            *((PENGAWAS, f"Kepala Seksi {s}") for s in seksi),
            (PENGAWAS, "Kepala Subbagian Umum dan Kepegawaian"),
        ]
    if unit.profile == "kelurahan":
        return [(PENGAWAS, "Lurah"), (PENGAWAS, "Sekretaris Kelurahan")]
    if unit.profile == "puskesmas":
        # The head of a Puskesmas is a health professional given an extra duty.
        return [
            (FUNGSIONAL, f"Dokter Ahli Muda (Kepala {unit.name})"),
            (PENGAWAS, "Kepala Subbagian Tata Usaha"),
        ]
    if unit.profile == "rsud":
        return [
            (ADMINISTRATOR, f"Direktur {unit.name}"),
            (ADMINISTRATOR, "Kepala Bagian Umum dan Keuangan"),
            (ADMINISTRATOR, "Kepala Bidang Pelayanan Medik dan Keperawatan"),
            (PENGAWAS, "Kepala Subbagian Kepegawaian"),
            (PENGAWAS, "Kepala Seksi Keperawatan"),
        ]
    # school: the head is a teacher given an extra duty
    return [(FUNGSIONAL, f"Guru Ahli Madya (Kepala {unit.name})")]


def staff_post(unit: UnitSpec, dice: Dice) -> tuple[str, str]:
    """One post of the rank and file."""
    if unit.profile == "school":
        if dice.chance(0.8):
            return FUNGSIONAL, dice.weighted(TEACHERS)
        return PELAKSANA, dice.weighted(PELAKSANA_POSTS[:3])
    if unit.profile in ("puskesmas", "rsud"):
        if dice.chance(0.8):
            return FUNGSIONAL, dice.weighted(
                PUSKESMAS_STAFF if unit.profile == "puskesmas" else RSUD_STAFF
            )
        return PELAKSANA, dice.weighted(PELAKSANA_POSTS)
    share = {"kecamatan": 0.15, "kelurahan": 0.05}.get(unit.profile, 0.5)
    if unit.code in ("SATPOL_PP", "DAMKAR"):
        share = 0.75
    if dice.chance(share):
        special = SPECIAL_FUNCTIONAL.get(unit.code, [])
        return FUNGSIONAL, dice.weighted(GENERAL_FUNCTIONAL + 2 * special)
    return PELAKSANA, dice.weighted(PELAKSANA_POSTS)


# -- people --------------------------------------------------------------------

MALE = items("""
    Ahmad; Muhammad; Abdul Rahman; Rusdi; Syahrial; Iskandar; Herman; Darmawan; Hendri;
    Firmansyah; Rizal; Rahmat; Yusuf; Hasan; Arief; Ridwan; Fauzi; Nurdin; Anwar; Syamsul;
    Helmi; Fadli; Rudi; Andi; Irwan; Zainal; Sulaiman; Taufik; Agus; Bambang; Budi; Joko; Eko;
    Teguh; Slamet; Dedi; Asep; Yudi; Hendra; Yohanes; Rizky; Fajar; Dimas; Aditya; Bayu; Reza;
    Ilham; Wahyu; Gilang; Hafiz; Krisna; Made
""")
FEMALE = items("""
    Siti; Nurhayati; Aisyah; Fatimah; Yulia; Rina; Dewi; Fitri; Lestari; Rahmawati; Nurul; Maya;
    Desi; Yanti; Eka; Novita; Sari; Rosmawati; Hasanah; Indah; Wulan; Ratna; Herlina; Sri;
    Endang; Tri; Rini; Dian; Putri; Anisa; Nabila; Febri; Ayu; Mega; Evi; Lina; Ika; Kadek
""")
SECOND_MALE = items("""
    Saputra; Hidayat; Syahputra; Pratama; Gunawan; Kurniawan; Setiawan; Wijaya; Rahman; Hakim;
    Hamzah; Sanjaya; Firdaus; Ramadhan; Nugraha; Effendi; Lubis; Siregar; Nasution; Sutrisno;
    Santoso; Prasetyo; Susilo; Wahyudi; Purnomo; Irawan; Maulana; Alamsyah; Simanjuntak; Tanjung
""")
SECOND_FEMALE = items("""
    Handayani; Wulandari; Lestari; Safitri; Purnamasari; Anggraini; Maharani; Puspita; Oktaviani;
    Yuliana; Febriani; Novitasari; Ramadhani; Agustina; Wahyuni; Mulyani; Astuti; Kartika; Sari;
    Rahayu; Utami; Fitriani; Damanik; Siregar
""")
NEEDS_SECOND = set(items("Sri; Tri; Siti; Nurul; Eka; Muhammad; Dian; Putri; Ayu; Made; Kadek"))
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
Pranata Laboratorium Kesehatan | A.Md.A.K.
Radiografer | A.Md.Rad.
Perekam Medis | A.Md.RMIK
Fisioterapis | A.Md.Ftr.
Asisten Apoteker | A.Md.Farm.
Apoteker | S.Farm.
Nutrisionis | A.Md.Gz.
Sanitarian | A.Md.K.L.
Administrator Kesehatan | S.K.M.; S.K.M., M.Kes.
Epidemiolog | S.K.M.
Tenaga Promosi Kesehatan | S.K.M.
Perawat Ahli | S.Kep., Ners
Perawat | A.Md.Kep.
Bidan Ahli | S.Tr.Keb.
Bidan | A.Md.Keb.
Pekerja Sosial | S.Sos.; S.Tr.Sos.
Penyuluh Pertanian | S.P.
Medik Veteriner | drh.
Pustakawan | S.IIP.; A.Md.
Teknik | S.T.; S.T., M.T.
Penata Ruang | S.T.; S.PWK.
Auditor | S.E., Ak.; S.Ak.
Perancang Peraturan | S.H.; S.H., M.H.
Analis Hukum | S.H.
Pengawas Sekolah | S.Pd., M.Pd.
Guru | S.Pd.; S.Pd.; S.Pd., M.Pd.
""")
]

# Structural posts in health held by physicians.
DOCTOR_POSTS = ("Direktur RSUD", "Kepala Dinas Kesehatan", "Kepala Bidang Pelayanan Medik")


def person_name(dice: Dice, female: bool, title: str, level: str, born: int, unit: UnitSpec) -> str:
    """An Indonesian name with the prefixes and degrees a person in this post would carry."""
    given = dice.pick(FEMALE if female else MALE)
    if given in NEEDS_SECOND or dice.chance(0.75):
        given += " " + dice.pick(SECOND_FEMALE if female else SECOND_MALE)
    prefixes: list[str] = []
    if born < 1982 and dice.chance(0.2):
        prefixes.append("Hj." if female else "H.")
    degrees = _degrees(dice, title, level, unit)
    if title.startswith("Dokter Gigi"):
        prefixes.insert(0, "drg.")
    elif title.startswith(("Dokter", *DOCTOR_POSTS)):
        prefixes.insert(0, "dr.")
    elif title.startswith("Apoteker"):
        prefixes.insert(0, "apt.")
    elif level == JPT_PRATAMA and dice.chance(0.3):
        prefixes.insert(0, "Dr.")
    name = " ".join([*prefixes, given])
    if degrees == "drh.":
        return f"drh. {name}"
    return f"{name}, {degrees}" if degrees else name


def _degrees(dice: Dice, title: str, level: str, unit: UnitSpec) -> str:
    if title.startswith(DOCTOR_POSTS):
        return dice.pick(["M.Kes.", "M.A.R.S.", "M.K.M."])
    if title.startswith("Dokter Gigi"):
        return ""
    if "Kepala Puskesmas" in title:
        return dice.pick(["", "M.Kes.", "M.K.M."])
    if title.startswith("Dokter"):
        # Specialists work at the hospital; a Puskesmas has general practitioners.
        specialist = unit.profile == "rsud" and "Muda" in title and dice.chance(0.7)
        return dice.pick(["Sp.PD", "Sp.A", "Sp.OG", "Sp.B", "Sp.An"]) if specialist else ""
    for post, options in POST_DEGREES:
        if title.startswith(post):
            return dice.pick(options)
    bachelor, masters = dice.pick(DEGREES)
    if level in (JPT_PRATAMA, ADMINISTRATOR):
        return f"{bachelor}, {dice.pick(masters)}"
    if level == PELAKSANA:
        return dice.weighted([("", 5), ("A.Md.", 2), ("S.E.", 1), ("S.Sos.", 1), ("S.Kom.", 1)])
    return bachelor + (f", {dice.pick(masters)}" if dice.chance(0.25) else "")


BIRTH_YEARS = {  # level -> (earliest, latest) year of birth
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
        # Appointed at 20-35, and no later than last year's intake.
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
        female_share = 0.6 if unit.profile in ("school", "puskesmas", "rsud") else 0.45
        if unit.code in ("SATPOL_PP", "DAMKAR"):
            female_share = 0.15
        people = []
        for level, title in posts:
            # Midwifery is a women's profession in Indonesia.
            female = dice.chance(female_share) or title.startswith("Bidan")
            nip, born = nips.make(dice, birth_years(level, title), female)
            name = person_name(dice, female, title, level, born, unit)
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
