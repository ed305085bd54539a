"""Synthetic roster of the fictional Kementerian Pesisir dan Pulau-Pulau Kecil (stdlib only).

The ministry does not exist; every unit, name and NIP here is made up.  A
fixed seed makes the output byte-identical on every run:

    python make_workforce.py            # writes roster/ beside this file
    python make_workforce.py /tmp/out   # writes to another folder
"""

from __future__ import annotations

import csv
import random
import sys
from collections.abc import Sequence
from pathlib import Path

SEED = 20270310

#: (code, name, kind, public service, parent, staff)
UNITS: list[tuple[str, str, str, bool, str, int]] = [
    ("SETJEN", "Sekretariat Jenderal", "Sekretariat", False, "", 4),
    ("BIRO_UMUM", "Biro Umum", "Biro", False, "SETJEN", 9),
    ("BIRO_SDM", "Biro Sumber Daya Manusia Aparatur", "Biro", False, "SETJEN", 8),
    ("DITJEN_PESISIR", "Direktorat Jenderal Pengelolaan Pesisir", "Badan", False, "", 4),
    ("DIT_MITIGASI", "Direktorat Mitigasi Bencana Pesisir", "Bagian", False, "DITJEN_PESISIR", 10),
    ("DIT_PULAU", "Direktorat Pulau-Pulau Kecil", "Bagian", False, "DITJEN_PESISIR", 8),
    ("PPS_TELUK_BIRU", "Pelabuhan Perikanan Samudra Teluk Biru", "UPT", True, "", 12),
    ("KARANTINA", "Balai Karantina Ikan Tanjung Karang Laut", "UPT", True, "", 7),
]

MEN = ["Agus", "Bayu", "Dimas", "Fajar", "Hendra", "Iqbal", "La Ode", "Made", "Rahmat", "Yohanes"]
WOMEN = ["Ani", "Dewi", "Fitri", "Intan", "Maria", "Nurul", "Putu", "Ratna", "Siti", "Wulan"]
FAMILY = ["Daeng", "Hutapea", "Lestari", "Nainggolan", "Pattimura", "Saputra", "Wijaya"]


def posts(code: str, kind: str, staff: int, dice: random.Random) -> list[tuple[str, str]]:
    """(jenjang, jabatan) for every employee of one unit: head first, then staff."""
    if code in ("SETJEN", "DITJEN_PESISIR"):
        title = "Sekretaris Jenderal" if code == "SETJEN" else "Direktur Jenderal"
        head = [("JPT Madya", title), ("Administrator", "Kepala Bagian Tata Usaha")]
    elif kind in ("Biro", "Bagian"):
        head = [("JPT Pratama", "Kepala Biro" if kind == "Biro" else "Direktur")]
        head += [("Administrator", "Kepala Bagian")]
    else:
        head = [("Administrator", "Kepala"), ("Pengawas", "Kepala Seksi Pelayanan")]
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
