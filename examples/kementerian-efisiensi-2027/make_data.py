"""Synthetic data of the fictional Kementerian Efisiensi Anggaran (stdlib only).

The ministry does not exist; every unit, name, NIP, trip and meeting here is
made up.  A fixed seed makes the output byte-identical on every run:

    python make_data.py            # writes roster/, perjalanan.csv, rapat.csv beside this file
    python make_data.py /tmp/out   # writes to another folder

A few records break the circular on purpose, so that ``edaran quota`` has
something to report: business class on a short flight, a letter of
assignment dated on the day of departure, a hybrid meeting in a hotel, a
unit over its monthly trips.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from pathlib import Path

SEED = 20270104

#: (code, name, kind, parent, staff)
UNITS = [
    ("SETJEN", "Sekretariat Jenderal", "Sekretariat", "", 6),
    ("BIRO_KEUANGAN", "Biro Keuangan", "Biro", "SETJEN", 7),
    ("DITJEN_ANGGARAN", "Direktorat Jenderal Anggaran Daerah", "Badan", "", 8),
    ("DIT_EVALUASI", "Direktorat Evaluasi Belanja", "Bagian", "DITJEN_ANGGARAN", 7),
    ("INSPEKTORAT", "Inspektorat Jenderal", "Inspektorat", "", 5),
]
MEN = ["Agus", "Bayu", "Dimas", "Fajar", "Hendra", "Iqbal", "Made", "Rahmat", "Yohanes"]
WOMEN = ["Ani", "Dewi", "Fitri", "Intan", "Maria", "Nurul", "Ratna", "Siti", "Wulan"]
FAMILY = ["Daeng", "Hutapea", "Lestari", "Nainggolan", "Saputra", "Wijaya", "Siregar"]
CITIES = [  # destination, by air?, flight minutes from Jakarta
    ("Bandung", False, 0),
    ("Semarang", True, 70),
    ("Surabaya", True, 85),
    ("Palembang", True, 60),
    ("Makassar", True, 140),
    ("Medan", True, 135),
    ("Jayapura", True, 330),
    ("Yogyakarta", False, 0),
]


def roster(dice: random.Random) -> tuple[list[list[str]], list[list[str]]]:
    units = [["kode", "nama", "jenis", "layanan_publik", "induk"]]
    people = [["nip", "nama", "unit", "jenjang", "jabatan", "golongan"]]
    serial = 1
    for code, name, kind, parent, staff in UNITS:
        units.append([code, name, kind, "tidak", parent])
        for index in range(staff):
            year = dice.randint(1968, 1996)
            female = dice.random() < 0.5
            first = dice.choice(WOMEN if female else MEN)
            nip = f"{year}{dice.randint(1, 12):02d}{dice.randint(1, 28):02d}"
            nip += f"{year + 24}{dice.randint(1, 12):02d}{2 if female else 1}{serial:03d}"
            serial += 1
            if index == 0:
                level, post, grade = "Administrator", "Kepala", "IV"
            elif index == 1:
                level, post, grade = "Pengawas", "Kepala Subbagian", "III"
            else:
                level, post = dice.choice(
                    [("Pelaksana", "Pengadministrasi Keuangan"), ("Fungsional", "Analis Anggaran")]
                )
                grade = dice.choice(["II", "III", "III"])
            people.append([nip, f"{first} {dice.choice(FAMILY)}", code, level, post, grade])
    return units, people


def _duration(minutes: int) -> str:
    """``1 jam 25 menit``, ``2 jam``: as a travel office writes a flight's length."""
    hours, rest = divmod(minutes, 60)
    return f"{hours} jam {rest} menit" if rest else f"{hours} jam"


def trips(dice: random.Random, people: list[list[str]]) -> list[list[str]]:
    head = ["id", "unit", "jenis", "mulai", "selesai", "status", "tujuan", "angkutan"]
    head += ["kelas", "lama_terbang", "surat_tugas", "pelaksana"]
    rows = [head]
    staff = people[1:]
    start = dt.date(2027, 1, 11)
    for number in range(1, 41):
        person = dice.choice(staff)
        day = start + dt.timedelta(days=dice.randint(0, 75))
        if day.weekday() >= 5:
            day += dt.timedelta(days=7 - day.weekday())
        city, by_air, minutes = dice.choice(CITIES)
        kind = "PESAWAT" if by_air else dice.choice(["KERETA", "DARAT"])
        grade_iv = person[5] == "IV"
        klass = "BISNIS" if grade_iv and minutes >= 120 else "EKONOMI"
        letter = day - dt.timedelta(days=dice.randint(2, 10))
        rows.append(
            [
                f"PD-{number:03d}",
                person[2],
                "dalam negeri",
                day.isoformat(),
                (day + dt.timedelta(days=dice.randint(1, 3))).isoformat(),
                "terlaksana" if day < dt.date(2027, 3, 15) else "rencana",
                city,
                kind,
                klass,
                _duration(minutes) if by_air else "",
                letter.isoformat(),
                person[0],
            ]
        )
    # What edaran quota is there to find.
    rows[5][8] = "BISNIS"  # business class on a short flight, or by a grade below IV
    rows[5][7], rows[5][9] = "PESAWAT", "1 jam 25 menit"
    rows[12][10] = rows[12][3]  # the letter dated on the day of departure
    rows[20][10] = (dt.date.fromisoformat(rows[20][3]) + dt.timedelta(days=1)).isoformat()
    return rows


def meetings(dice: random.Random) -> list[list[str]]:
    rows = [["id", "unit", "tanggal", "bentuk", "jenis", "judul", "peserta", "tempat"]]
    start = dt.date(2027, 1, 12)
    subjects = ["Rapat Koordinasi Anggaran", "Bimbingan Teknis SAKTI", "Evaluasi Belanja Triwulan"]
    for number in range(1, 16):
        unit = dice.choice(UNITS)[0]
        day = start + dt.timedelta(days=dice.randint(0, 70))
        if day.weekday() >= 5:
            day += dt.timedelta(days=7 - day.weekday())
        form = dice.choice(["luring", "hibrida", "daring"])
        rows.append(
            [
                f"RP-{number:03d}",
                unit,
                day.isoformat(),
                form,
                dice.choice(["rapat", "bimtek"]),
                dice.choice(subjects),
                str(dice.randint(8, 60)),
                "KANTOR_PEMERINTAH",
            ]
        )
    rows[4][3], rows[4][7] = "hibrida", "HOTEL"  # a hybrid meeting in a hotel
    rows[9][3], rows[9][7] = "daring", "HOTEL"  # online: where it is booked does not matter
    return rows


def write(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows(rows)


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    dice = random.Random(SEED)
    units, people = roster(dice)
    (target / "roster").mkdir(parents=True, exist_ok=True)
    write(target / "roster" / "unit.csv", units)
    write(target / "roster" / "pegawai.csv", people)
    write(target / "perjalanan.csv", trips(dice, people))
    write(target / "rapat.csv", meetings(dice))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
