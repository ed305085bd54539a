"""Synthetic roster of the fictional Kabupaten Tanjung Mas (stdlib only).

Kabupaten Tanjung Mas does not exist; every unit, name and NIP here is made
up.  A fixed seed makes the output byte-identical on every run:

    python make_workforce.py            # writes roster/ beside this file
    python make_workforce.py /tmp/out   # writes to another folder
"""

from __future__ import annotations

import csv
import random
import sys
from collections.abc import Sequence
from pathlib import Path

SEED = 20260331
REGENCY = "Tanjung Mas"

#: (code, name, kind, public service, parent, staff)
UNITS: list[tuple[str, str, str, bool, str, int]] = [
    ("SETDA", "Sekretariat Daerah", "Sekretariat", False, "", 5),
    ("BAG_PEM", "Bagian Pemerintahan", "Bagian", False, "SETDA", 6),
    ("BAG_ORG", "Bagian Organisasi", "Bagian", False, "SETDA", 6),
    ("BAG_UMUM", "Bagian Umum", "Bagian", False, "SETDA", 8),
    ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", "Badan", False, "", 11),
    ("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", "Badan", False, "", 12),
    ("DISDIK", "Dinas Pendidikan", "Dinas", False, "", 12),
    ("DINKES", "Dinas Kesehatan", "Dinas", False, "", 10),
    ("PKM_MAS", "Puskesmas Tanjung Mas", "UPT", True, "DINKES", 12),
    ("PKM_PASIR", "Puskesmas Pasir Putih", "UPT", True, "DINKES", 10),
    ("DISPAR", "Dinas Pariwisata", "Dinas", False, "", 9),
    ("DISHUB", "Dinas Perhubungan", "Dinas", True, "", 10),
    ("KEC_MAS", "Kecamatan Tanjung Mas", "Kecamatan", True, "", 7),
    ("KEL_MAS", "Kelurahan Tanjung Mas", "Kelurahan", True, "KEC_MAS", 4),
    ("KEL_BANDAR", "Kelurahan Bandar", "Kelurahan", True, "KEC_MAS", 4),
    ("KEC_PASIR", "Kecamatan Pasir Putih", "Kecamatan", True, "", 6),
    ("KEL_PASIR", "Kelurahan Pasir Putih", "Kelurahan", True, "KEC_PASIR", 4),
]

MEN = ["Agus", "Budi", "Dedi", "Eko", "Hendra", "Iwan", "Rahmat", "Yusuf", "Asep", "Ujang"]
WOMEN = ["Ani", "Dewi", "Euis", "Fitri", "Lina", "Nining", "Rina", "Siti", "Tuti", "Yanti"]
FAMILY = ["Hidayat", "Kurniawan", "Lestari", "Nugraha", "Permana", "Rahayu", "Saputra", "Wijaya"]


def posts(code: str, kind: str, staff: int, dice: random.Random) -> list[tuple[str, str]]:
    """(jenjang, jabatan) for every employee of one unit: head first, then staff."""
    if code == "SETDA":
        head = [("JPT Pratama", f"Sekretaris Daerah Kabupaten {REGENCY}")]
        head += [("JPT Pratama", "Asisten")] * 2
    elif kind in ("Dinas", "Badan"):
        head = [("JPT Pratama", "Kepala"), ("Administrator", "Sekretaris")]
    elif kind in ("Bagian", "Kecamatan"):
        head = [("Administrator", "Camat" if kind == "Kecamatan" else "Kepala Bagian")]
    elif kind == "Kelurahan":
        head = [("Pengawas", "Lurah")]
    else:
        head = [("Pengawas", "Kepala Puskesmas")]
    rest = [
        dice.choice([("Pelaksana", "Pengadministrasi Umum"), ("Fungsional", "Analis Kebijakan")])
        for _ in range(staff - len(head))
    ]
    return head + rest


def employees(dice: random.Random) -> list[list[str]]:
    """Every employee row, by unit then NIP; NIPs follow the official 18-digit layout."""
    rows: list[list[str]] = []
    serial = 0
    for code, _name, kind, _public, _parent, staff in UNITS:
        people = []
        for level, title in posts(code, kind, staff, dice):
            serial += 1
            female = dice.random() < 0.5
            first = dice.choice(WOMEN if female else MEN)
            name = f"{first} {dice.choice(FAMILY)}"
            born = f"{dice.randint(1968, 1998)}{dice.randint(1, 12):02d}{dice.randint(1, 28):02d}"
            tmt = f"{int(born[:4]) + dice.randint(22, 27)}{dice.choice(['01', '03', '12'])}"
            nip = f"{born}{tmt}{2 if female else 1}{serial:03d}"
            score = f"{dice.uniform(70, 95):.1f}" if dice.random() < 0.9 else ""
            people.append([nip, name, code, level, title, score])
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
    dice = random.Random(SEED)
    units = [[c, n, k, "ya" if p else "tidak", i] for c, n, k, p, i, _ in UNITS]
    write(out / "unit.csv", ["kode", "nama", "jenis", "layanan_publik", "induk"], units)
    people = employees(dice)
    header = ["nip", "nama", "unit", "jenjang", "jabatan", "capaian_kinerja"]
    write(out / "pegawai.csv", header, people)
    print(f"{len(units)} units, {len(people)} employees -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
