"""Synthetic roster of the fictional Kabupaten Bukit Selasih (stdlib only).

Kabupaten Bukit Selasih does not exist; every unit, name and NIP here is made
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

SEED = 20270125
REGENCY = "Bukit Selasih"

#: (code, name, kind, public service, parent, staff)
UNITS: list[tuple[str, str, str, bool, str, int]] = [
    ("SETDA", "Sekretariat Daerah", "Sekretariat", False, "", 5),
    ("BAG_UMUM", "Bagian Umum", "Bagian", False, "SETDA", 8),
    ("BAG_ORG", "Bagian Organisasi", "Bagian", False, "SETDA", 6),
    ("BAPPERIDA", "Badan Perencanaan, Penelitian dan Pengembangan Daerah", "Badan", False, "", 10),
    ("BKPSDM", "Badan Kepegawaian dan Pengembangan SDM", "Badan", False, "", 9),
    ("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", "Badan", False, "", 11),
    ("DINKES", "Dinas Kesehatan", "Dinas", False, "", 9),
    ("PKM_SELASIH", "Puskesmas Bukit Selasih", "UPT", True, "DINKES", 12),
    ("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", "Dinas", True, "", 10),
    ("DPMPTSP", "Dinas Penanaman Modal dan PTSP", "Dinas", True, "", 8),
    ("DISKOMINFO", "Dinas Komunikasi dan Informatika", "Dinas", False, "", 9),
    ("KEC_SELASIH", "Kecamatan Bukit Selasih", "Kecamatan", True, "", 7),
]

MEN = ["Andi", "Arif", "Baso", "Fadli", "Hamzah", "Ilham", "Muh. Nur", "Rusdi", "Syamsul", "Yusran"]
WOMEN = ["Andi Tenri", "Besse", "Fatimah", "Hasnah", "Irma", "Nurul", "Rosmini", "Sitti", "Wahyuni"]
FAMILY = ["Amir", "Hasanuddin", "Latif", "Mappa", "Rahman", "Saleh", "Syarif", "Tahir"]


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
