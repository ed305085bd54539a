"""Synthetic roster and attendance log of the fictional Dinas Kominfo Kabupaten Lembah.

Kabupaten Lembah and its Dinas Komunikasi dan Informatika do not exist; every
unit, name, NIP, home address and event here is made up.  A fixed seed makes
the output byte-identical on every run (stdlib only):

    python make_data.py            # writes roster/ and presensi.csv beside this file
    python make_data.py /tmp/out   # writes to another folder
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from pathlib import Path

SEED = 20270405
#: the office, in decimal degrees: homes are scattered up to about 5 km around it
OFFICE = (0.5071, 101.4478)
FIRST, LAST = dt.date(2027, 4, 5), dt.date(2027, 4, 16)

#: (code, name, kind, public service, parent, staff)
UNITS = [
    ("DISKOMINFO", "Dinas Komunikasi dan Informatika", "Dinas", False, "", 3),
    ("BID_APTIKA", "Bidang Aplikasi Informatika", "Bagian", False, "DISKOMINFO", 8),
    ("BID_IKP", "Bidang Informasi dan Komunikasi Publik", "Bagian", False, "DISKOMINFO", 7),
    ("BID_PERSANDIAN", "Bidang Persandian dan Statistik", "Bagian", False, "DISKOMINFO", 6),
    ("UPT_PENGADUAN", "UPT Layanan Pengaduan", "UPT", True, "DISKOMINFO", 5),
]
NAMES = ["Ahmad", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gilang", "Hana", "Indra", "Joko"]
FAMILY = ["Pratama", "Saputra", "Lestari", "Wibowo", "Hidayat", "Kusuma", "Siregar", "Nasution"]


def nip(dice: random.Random, serial: int) -> str:
    born = dt.date(1970, 1, 1) + dt.timedelta(days=dice.randrange(365 * 28))
    appointed = f"{dice.randrange(1995, 2022)}{dice.randrange(1, 13):02d}"
    return f"{born:%Y%m%d}{appointed}{dice.choice('12')}{serial:03d}"


def roster(dice: random.Random) -> tuple[list[list[str]], list[list[str]]]:
    units = [["kode", "nama", "jenis", "layanan_publik", "induk"]]
    people = [["nip", "nama", "unit", "jenjang", "jabatan", "rumah_lat", "rumah_lon"]]
    serial = 0
    for code, name, kind, public, parent, staff in UNITS:
        units.append([code, name, kind, "ya" if public else "tidak", parent])
        for i in range(staff):
            serial += 1
            level = "Administrator" if i == 0 else dice.choice(["Pelaksana", "Fungsional"])
            lat = OFFICE[0] + dice.uniform(-0.045, 0.045)
            lon = OFFICE[1] + dice.uniform(-0.045, 0.045)
            home = ["", ""] if serial % 17 == 0 else [f"{lat:.6f}", f"{lon:.6f}"]
            person = f"{dice.choice(NAMES)} {dice.choice(FAMILY)}"
            post = "Kepala Bidang" if i == 0 else "Staf"
            people.append([nip(dice, serial), person, code, level, post, *home])
    return units, people


def near(lat: float, lon: float, dice: random.Random, far: bool) -> tuple[str, str]:
    """A point about 0-60 m from home, or 150-400 m when ``far``."""
    metres = dice.uniform(150, 400) if far else dice.uniform(0, 60)
    step = metres / 111_195.0
    return f"{lat + step * dice.choice((-1, 1)):.6f}", f"{lon:.6f}"


def clock(day: dt.date, start: str, minutes: float) -> str:
    base = dt.datetime.combine(day, dt.time.fromisoformat(start))
    return (base + dt.timedelta(minutes=minutes)).strftime("%Y-%m-%d %H:%M")


def log(people: list[list[str]], dice: random.Random) -> list[list[str]]:
    rows = [["id", "nip", "jenis", "waktu", "lat", "lon"]]
    public = {code for code, _, _, served, _, _ in UNITS if served}
    day = FIRST
    while day <= LAST:
        if day.weekday() < 5:
            for person in people[1:]:
                remote = day.weekday() in (1, 3) and person[2] not in public
                rows += events(person, day, remote, dice)
        day += dt.timedelta(days=1)
    for number, row in enumerate(rows[1:], start=1):
        row.insert(0, f"P{number:05d}")
    return rows


def events(person: list[str], day: dt.date, remote: bool, dice: random.Random) -> list[list[str]]:
    number = person[0]
    home = (float(person[5]), float(person[6])) if person[5] else OFFICE
    if not remote:  # at the office: one check-in, unless absent (about 1 in 40 days)
        if dice.random() < 0.025:
            return []
        return [[number, "masuk", clock(day, "07:00", dice.uniform(0, 45)), "", ""]]
    found = []
    late = dice.random() < 0.08
    start = clock(day, "07:30", dice.uniform(31, 50) if late else dice.uniform(0, 30))
    found.append([number, "masuk", start, *near(*home, dice, far=dice.random() < 0.05)])
    found.append([number, "laporan", clock(day, "14:00", dice.uniform(0, 120)), "", ""])
    if dice.random() > 0.06:
        found.append([number, "verifikasi", clock(day, "16:45", dice.uniform(0, 60)), "", ""])
    if dice.random() > 0.04:
        end = clock(day, "16:00", dice.uniform(0, 30))
        found.append([number, "pulang", end, *near(*home, dice, far=False)])
    return found


def write(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows(rows)


def main(target: Path) -> None:
    dice = random.Random(SEED)
    units, people = roster(dice)
    (target / "roster").mkdir(parents=True, exist_ok=True)
    write(target / "roster" / "unit.csv", units)
    write(target / "roster" / "pegawai.csv", people)
    write(target / "presensi.csv", log(people, dice))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent)
