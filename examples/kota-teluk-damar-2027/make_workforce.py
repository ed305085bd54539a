"""Synthetic roster of the fictional Kota Teluk Damar (stdlib only).

Kota Teluk Damar does not exist; every unit, name and NIP here is made
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

SEED = 20270308
REGENCY = "Teluk Damar"

#: (code, name, kind, public service, parent, staff)
UNITS: list[tuple[str, str, str, bool, str, int]] = [
    ("SETDA", "Sekretariat Daerah", "Sekretariat", False, "", 5),
    ("BAG_UMUM", "Bagian Umum", "Bagian", False, "SETDA", 10),
    ("BAG_PROKOPIM", "Bagian Protokol dan Komunikasi Pimpinan", "Bagian", False, "SETDA", 6),
    ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", "Badan", False, "", 12),
    ("BKPSDM", "Badan Kepegawaian dan Pengembangan SDM", "Badan", False, "", 9),
    ("DISHUB", "Dinas Perhubungan", "Dinas", False, "", 11),
    ("PELABUHAN", "UPT Pelabuhan Penyeberangan Teluk Damar", "UPT", True, "DISHUB", 8),
    ("DINKES", "Dinas Kesehatan", "Dinas", False, "", 10),
    ("PKM_DAMAR", "Puskesmas Teluk Damar", "UPT", True, "DINKES", 9),
    ("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", "Dinas", True, "", 8),
    ("KEC_PESISIR", "Kecamatan Pesisir", "Kecamatan", False, "", 7),
    ("KEL_TANJUNG", "Kelurahan Tanjung", "Kelurahan", False, "KEC_PESISIR", 4),
]

MEN = ["Agus", "Bayu", "Dedi", "Fajar", "Hendra", "Iwan", "Rahmat", "Yusuf", "Rizal", "Taufik"]
WOMEN = ["Ani", "Dewi", "Fitri", "Lina", "Maya", "Nur", "Rina", "Siti", "Wulan", "Yanti"]
FAMILY = ["Hasibuan", "Lubis", "Nasution", "Pane", "Siregar", "Tanjung", "Harahap", "Daulay"]


def posts(code: str, kind: str, staff: int, dice: random.Random) -> list[tuple[str, str]]:
    """(jenjang, jabatan) for every employee of one unit: head first, then staff."""
    if code == "SETDA":
        head = [("JPT Pratama", f"Sekretaris Daerah Kota {REGENCY}")]
        head += [("JPT Pratama", "Asisten")] * 2
    elif kind in ("Dinas", "Badan"):
        head = [("JPT Pratama", "Kepala"), ("Administrator", "Sekretaris")]
    elif kind in ("Bagian", "Kecamatan"):
        head = [("Administrator", "Camat" if kind == "Kecamatan" else "Kepala Bagian")]
    elif kind == "Kelurahan":
        head = [("Pengawas", "Lurah")]
    else:
        head = [("Pengawas", "Kepala UPT")]
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
    # The distance from home (km, for butir 6) comes from a dice of its own, so the
    # columns above stay as they were before it was added.
    far = random.Random(SEED + 1)
    for row in people:
        row.append(f"{far.choice([1, 2, 3, 5, 8, 12, 20, 35]) + far.randint(0, 9) / 10:.1f}")
    header = ["nip", "nama", "unit", "jenjang", "jabatan", "capaian_kinerja", "jarak_rumah_km"]
    write(out / "pegawai.csv", header, people)
    print(f"{len(units)} units, {len(people)} employees -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
