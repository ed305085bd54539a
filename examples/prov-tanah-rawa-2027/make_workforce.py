"""Write the synthetic roster of the fictional Province of Tanah Rawa (``roster/``).

Standard library only, fixed seed: the same files every run.

    python examples/prov-tanah-rawa-2027/make_workforce.py
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent

# code, name, kind, public service, parent, district (kabupaten), sector
UNITS = [
    ("SETDA", "Sekretariat Daerah", "Sekretariat", "tidak", "", "KOTA_RAWA", "UMUM"),
    ("BPBD", "Badan Penanggulangan Bencana Daerah", "Badan", "ya", "", "KOTA_RAWA", "BENCANA"),
    ("SATPOL_PP", "Satuan Polisi Pamong Praja", "Satuan", "ya", "", "KOTA_RAWA", "KEAMANAN"),
    ("DINKES", "Dinas Kesehatan", "Dinas", "tidak", "", "KOTA_RAWA", "KESEHATAN"),
    ("RSUD_HILIR", "RSUD Rawa Hilir", "Rumah Sakit", "ya", "DINKES", "RAWA_HILIR", "KESEHATAN"),
    ("DISDIK", "Dinas Pendidikan", "Dinas", "tidak", "", "KOTA_RAWA", "UMUM"),
    (
        "UPT_DIK_HILIR",
        "UPT Pendidikan Wilayah Rawa Hilir",
        "UPT",
        "tidak",
        "DISDIK",
        "RAWA_HILIR",
        "UMUM",
    ),
    (
        "UPT_DIK_HULU",
        "UPT Pendidikan Wilayah Rawa Hulu",
        "UPT",
        "tidak",
        "DISDIK",
        "RAWA_HULU",
        "UMUM",
    ),
    ("UPTB_SAMSAT_TELUK", "UPTB Samsat Teluk Sagu", "UPTB", "ya", "", "TELUK_SAGU", "UMUM"),
    ("UPT_PELABUHAN_TELUK", "UPT Pelabuhan Teluk Sagu", "UPT", "tidak", "", "TELUK_SAGU", "UMUM"),
    ("BPBD_POS_HILIR", "Pos BPBD Rawa Hilir", "UPT", "ya", "BPBD", "RAWA_HILIR", "BENCANA"),
]
LEVELS = ["Pelaksana"] * 5 + ["Fungsional"] * 3 + ["Pengawas", "Administrator"]
FIRST = ["Andi", "Budi", "Citra", "Dewi", "Eka", "Fajar", "Gita", "Hendra", "Intan", "Joko"]
LAST = ["Saputra", "Lestari", "Wijaya", "Nugraha", "Siregar", "Harahap", "Pratama", "Sari"]


def nip(rng: random.Random, serial: int) -> str:
    born = f"{rng.randint(1970, 1998)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    appointed = f"{int(born[:4]) + rng.randint(22, 26)}{rng.randint(1, 12):02d}"
    return f"{born}{appointed}{rng.choice('12')}{serial:03d}"


def main() -> None:
    rng = random.Random(2027)
    folder = HERE / "roster"
    folder.mkdir(exist_ok=True)
    with (folder / "unit.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["kode", "nama", "jenis", "layanan_publik", "induk", "kabupaten", "sektor"])
        writer.writerows(UNITS)
    with (folder / "pegawai.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["nip", "nama", "unit", "jenjang", "jabatan", "capaian_kinerja"])
        serial = 0
        for code, name, *_ in UNITS:
            for i in range(rng.randint(3, 6)):
                serial += 1
                level = (
                    "JPT Pratama"
                    if i == 0 and code in ("BPBD", "DINKES", "DISDIK")
                    else rng.choice(LEVELS)
                )
                person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
                role = f"Kepala {name}" if level == "JPT Pratama" else f"Staf {name}"
                score = f"{rng.uniform(70, 95):.1f}"
                writer.writerow([nip(rng, serial), person, code, level, role, score])


if __name__ == "__main__":
    main()
