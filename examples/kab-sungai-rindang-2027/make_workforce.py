"""Make the synthetic roster of the fictional Kabupaten Sungai Rindang (roster/).

Standard library only, fixed seed: running it again writes the same files.
Every name, number and unit is made up.  Besides the built-in columns, the
rows carry the columns the rule file declares (``agama``,
``layanan_tatap_muka``, ``penempatan``; ``objek_vital`` for units), and staff
without a NIP (PPPK and contract staff) are named by ``id_pegawai``.
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "roster"

# kode, nama, jenis, layanan_publik, induk, objek_vital
UNITS = [
    ("SETDA", "Sekretariat Daerah", "Sekretariat", "tidak", "", "tidak"),
    ("BKPSDM", "Badan Kepegawaian dan Pengembangan SDM", "Badan", "tidak", "", "tidak"),
    ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", "Badan", "tidak", "", "tidak"),
    ("DISDIK", "Dinas Pendidikan", "Dinas", "tidak", "", "tidak"),
    ("DINKES", "Dinas Kesehatan", "Dinas", "tidak", "", "tidak"),
    ("RSUD", "RSUD Sungai Rindang", "Rumah Sakit", "ya", "DINKES", "ya"),
    ("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", "Dinas", "ya", "", "tidak"),
    ("UPT_AIR", "UPT Pengelolaan Air Minum", "UPT", "ya", "", "ya"),
]
AGAMA = ["Islam"] * 7 + ["Kristen", "Katolik", "Hindu", "Buddha", "Konghucu"]
FIRST = [
    "Ahmad",
    "Siti",
    "Budi",
    "Rina",
    "Hendra",
    "Dewi",
    "Agus",
    "Maria",
    "Yohanes",
    "Ketut",
    "Made",
    "Lina",
    "Fajar",
    "Nur",
    "Rudi",
    "Sari",
    "Andi",
    "Wati",
]
LAST = [
    "Saputra",
    "Lestari",
    "Siregar",
    "Nasution",
    "Wijaya",
    "Hutapea",
    "Gunawan",
    "Pratama",
    "Harahap",
    "Susanto",
    "Rahayu",
    "Hidayat",
]


def nip(rng: random.Random, serial: int) -> str:
    born = f"{rng.randint(1968, 1996)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    appointed = f"{int(born[:4]) + rng.randint(22, 27)}{rng.randint(1, 12):02d}"
    return f"{born}{appointed}{rng.choice('12')}{serial:03d}"


def main(out: Path = HERE) -> None:
    """Write ``unit.csv`` and ``pegawai.csv`` into ``out`` (``roster/`` by default)."""
    rng = random.Random(2027)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "unit.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["kode", "nama", "jenis", "layanan_publik", "induk", "objek_vital"])
        writer.writerows(UNITS)
    rows = []
    serial = 1
    for code, *_ in UNITS:
        for i in range(8):
            status = "PNS" if i < 5 else ("PPPK" if i < 7 else "Non ASN")
            has_nip = status == "PNS"
            ident = "" if has_nip else f"{'PPPK' if status == 'PPPK' else 'THL'}-{code}-{i:02d}"
            level = "Pengawas" if i == 0 else "Pelaksana"
            face = "ya" if code in ("DISDUKCAPIL", "RSUD") and i % 2 == 0 else "tidak"
            placed = "INSTANSI_VERTIKAL" if code == "DISDIK" and i == 4 else "PEMKAB"
            rows.append(
                [
                    nip(rng, serial) if has_nip else "",
                    ident,
                    f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                    code,
                    level,
                    status,
                    rng.choice(AGAMA),
                    face,
                    placed,
                ]
            )
            serial += 1
    with (out / "pegawai.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(
            [
                "nip",
                "id_pegawai",
                "nama",
                "unit",
                "jenjang",
                "status_kepegawaian",
                "agama",
                "layanan_tatap_muka",
                "penempatan",
            ]
        )
        writer.writerows(rows)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
