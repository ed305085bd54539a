"""The bundled provincial example, ``examples/sumsel-2026``, beyond its rules.

Its generated files (the 3,055-person roster and the synthetic contact log)
are reproducible and shaped as its README says; ``edaran kuota`` and
``edaran laporan`` on its records give the figures a person checks by hand
from the CSV files.  The rules themselves are tested everywhere else, as the
reference circular.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import json
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from edaran.cli import main
from edaran.io import Roster, read_contacts, read_roster
from edaran.model import PositionLevel, UnitKind
from paths import REPO, SUMSEL

WIB = ZoneInfo("Asia/Jakarta")
D = Decimal
#: the example as the commands see it, run from the checkout
EXAMPLE = "examples/sumsel-2026"
EXAMPLE_RULES = f"{EXAMPLE}/se-800.1-1230-BKD.I-2026.edaran"


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("EDARAN_LANG", raising=False)


def run(capsys: pytest.CaptureFixture[str], lang: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", lang, *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out and "Traceback" not in err
    return code, out, err


def by_key(items: list[dict[str, Any]], *keys: str) -> dict[tuple[Any, ...], dict[str, Any]]:
    return {tuple(_period(item.get(k)) for k in keys): item for item in items}


def _period(value: Any) -> Any:
    return value["number"] if isinstance(value, dict) else value


# ------------------------------------------------------ the generated files


def make_workforce(out: Path) -> None:
    script = SUMSEL / "make_workforce.py"
    subprocess.run([sys.executable, str(script), str(out)], check=True, capture_output=True)


def test_make_workforce_is_byte_identical_and_matches_the_committed_files(tmp_path: Path) -> None:
    make_workforce(tmp_path / "a")
    make_workforce(tmp_path / "b")
    for name in ("unit.csv", "pegawai.csv"):
        first = (tmp_path / "a" / name).read_bytes()
        assert first == (tmp_path / "b" / name).read_bytes()
        assert first == (SUMSEL / "roster" / name).read_bytes(), f"rerun make_workforce.py: {name}"


def test_example_workforce_is_clean_and_shaped_like_the_province() -> None:
    roster, problems = read_roster(SUMSEL / "roster")
    assert problems == []
    assert 2800 <= len(roster) <= 3200
    named = ["BPBD", "SATPOL_PP", "DPMPTSP", "RSUD_SF", "RS_EB", "RSKGM", "RSKM", "DISDIK"]
    assert {*named, "BAPENDA", "SETDA"} <= set(roster.units)

    def heads(code: str) -> list[PositionLevel]:
        posts = [e for e in roster.employees if e.unit.kode == code]
        return [e.jenjang for e in posts if e.jabatan.startswith(("Kepala Badan", "Direktur"))]

    assert heads("BPBD") == [PositionLevel.JPT_PRATAMA]
    assert heads("RSUD_SF") == [PositionLevel.JPT_PRATAMA]
    assert heads("RS_EB") == heads("RSKGM") == heads("RSKM") == [PositionLevel.ADMINISTRATOR]
    madya = [e for e in roster.employees if e.jenjang is PositionLevel.JPT_MADYA]
    assert [e.unit.kode for e in madya] == ["SETDA"]
    schools = [u for u in roster.units.values() if u.jenis is UnitKind.UPT_SEKOLAH]
    assert len(schools) >= 20
    assert all(u.induk is roster.units["DISDIK"] and u.layanan_publik for u in schools)
    samsat = [u for u in roster.units.values() if u.jenis is UnitKind.UPTB]
    assert len(samsat) >= 10 and all(u.induk is roster.units["BAPENDA"] for u in samsat)
    other = [u for u in roster.units.values() if u.induk is roster.units["DISDIK"]]
    assert any(u.jenis is UnitKind.UPT and not u.layanan_publik for u in other)
    hospitals = [u.kode for u in roster.units.values() if u.jenis is UnitKind.RUMAH_SAKIT]
    assert hospitals == ["RSUD_SF", "RS_EB", "RSKGM", "RSKM"]


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_contacts", SUMSEL / "make_contacts.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generator_is_byte_identical_to_the_committed_log(tmp_path: Path) -> None:
    generator = _generator()
    for name in ("one.csv", "two.csv"):
        assert generator.main([str(tmp_path / name)]) == 0
    written = (tmp_path / "one.csv").read_bytes()
    assert written == (tmp_path / "two.csv").read_bytes()
    committed = (SUMSEL / "kontak.csv").read_bytes()
    assert written == committed, "run python examples/sumsel-2026/make_contacts.py"


def test_synthetic_log_reads_cleanly_and_matches_its_description(sample_roster: Roster) -> None:
    roster = sample_roster
    contacts, found = read_contacts(SUMSEL / "kontak.csv", roster=roster, tz=WIB)
    assert found == []
    assert len(contacts) == 12_420 and len({c.nip for c in contacts}) == 1_504
    minute = dt.timedelta(minutes=1)
    kinds: Counter[str] = Counter()
    for c in contacts:
        employee = roster.by_nip(c.nip)
        assert employee is not None and not employee.unit.layanan_publik
        assert not employee.jenjang.name.startswith("JPT")
        assert roster.by_nip(c.pengirim) is not None
        assert c.dikirim.utcoffset() == dt.timedelta(hours=7)
        if c.dijawab is None:
            kinds["missed"] += 1
        elif c.dijawab.date() != c.dikirim.date():
            kinds["after midnight"] += 1
        else:
            delay = c.dijawab - c.dikirim
            kinds["quick" if delay < 2 * minute else "in time" if delay < 5 * minute
                  else "exactly 5:00" if delay == 5 * minute else "late"] += 1  # fmt: skip
            assert delay <= 30 * minute
        kinds["with a reason"] += c.beralasan
        kinds["outside hours"] += not dt.time(7, 30) <= c.dikirim.time() <= dt.time(16)
        kinds["on a day off"] += c.dikirim.date() in {dt.date(2026, 4, 3), dt.date(2026, 5, 1),
                                                      dt.date(2026, 5, 15)}  # fmt: skip
    # the numbers docs/data-formats.md gives
    assert kinds == {
        "quick": 9_580, "in time": 871, "exactly 5:00": 115, "late": 879, "missed": 895,
        "after midnight": 80, "with a reason": 339 + 197, "outside hours": 372, "on a day off": 19,
    }  # fmt: skip
    assert {c.dikirim.date().weekday() for c in contacts} == {4}  # Fridays only


# ------------------------------------------------- quotas and the report
def _rows(name: str, delimiter: str = ",") -> list[dict[str, str]]:
    with (SUMSEL / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def _rupiah(text: str) -> Decimal:
    """``Rp 245.548.800,00`` -> 245548800.00, as a person reads it."""
    return D(text.removeprefix("Rp").strip().replace(".", "").replace(",", "."))


def _half_up(value: Decimal) -> Decimal:
    return value.quantize(D(1), rounding="ROUND_HALF_UP")


def _between(day: str, first: str, last: str) -> bool:
    return first <= day <= last  # ISO dates compare as text


def test_the_example_quotas_in_april(capsys: pytest.CaptureFixture[str]) -> None:
    # Scheduling 3,055 people is the slow part: one month of the first period.
    code, out, err = run(
        capsys,
        "id",
        "kuota",
        EXAMPLE_RULES,
        "--roster",
        f"{EXAMPLE}/roster",
        *("--perjalanan", f"{EXAMPLE}/perjalanan.csv", "--kendaraan", f"{EXAMPLE}/kendaraan.csv"),
        *("--rapat", f"{EXAMPLE}/rapat.csv", "--daftar-periksa", f"{EXAMPLE}/daftar_periksa.csv"),
        *("--from", "2026-04-01", "--to", "2026-04-30", "--format", "json"),
    )
    assert code == 0, err
    data = json.loads(out)
    lines = by_key(data["quotas"], "quota", "unit", "period")

    # Butir 8, domestic trips: half of last year's April-May, rounded down, per unit.
    trips = _rows("perjalanan.csv")
    domestic = [t for t in trips if t["jenis"] == "dalam negeri"]
    done = [t for t in domestic if t["status"] == "terlaksana"]
    units = sorted({t["unit"] for t in domestic})
    checked = 0
    for unit in units:
        baseline = sum(
            1
            for t in done
            if t["unit"] == unit and _between(t["mulai"], "2025-04-01", "2025-05-31")
        )
        used = sum(
            1
            for t in done
            if t["unit"] == unit and _between(t["mulai"], "2026-04-01", "2026-04-30")
        )
        line = lines[("butir 8[dalam_negeri]", unit, 1)]
        assert (line["baseline"], line["allowed"], line["used"]) == (
            str(baseline),
            str(baseline // 2),
            str(used),
        ), unit
        checked += baseline > 0
    assert checked >= 10

    # Butir 9, vehicle days: neither operational nor electric.
    counted = [
        v
        for v in _rows("kendaraan.csv")
        if v["operasional"] == "tidak" and v["jenis"] != "listrik" and v["status"] == "terlaksana"
    ]
    for unit in sorted({v["unit"] for v in counted}):
        baseline = sum(
            1
            for v in counted
            if v["unit"] == unit and _between(v["tanggal"], "2025-04-01", "2025-05-31")
        )
        used = sum(
            1
            for v in counted
            if v["unit"] == unit and _between(v["tanggal"], "2026-04-01", "2026-04-30")
        )
        line = lines[("butir 9", unit, 1)]
        assert (line["baseline"], line["allowed"], line["used"]) == (
            str(baseline),
            str(baseline // 2),
            str(used),
        ), unit

    # Butir 7: at least 50% of a unit's meetings hybrid or online.
    shares: dict[str, list[int]] = {}
    for m in _rows("rapat.csv"):
        if _between(m["tanggal"], "2026-04-01", "2026-04-30"):
            tally = shares.setdefault(m["unit"], [0, 0])
            tally[0] += m["bentuk"] in ("hibrida", "daring")
            tally[1] += 1
    assert {t["unit"]: (t["matching"], t["total"], t["met"]) for t in data["targets"]} == {
        u: (k, n, 2 * k >= n) for u, (k, n) in shares.items()
    }

    # Butir 10.a: a complete checklist is never a finding; an incomplete one
    # that is a finding misses exactly the items marked "tidak".
    items = ("elektronik", "ac", "lampu", "kabel")
    findings = {(f["unit"], f["date"]): f for f in data["checklists"]}
    assert findings
    complete = incomplete = 0
    for row in _rows("daftar_periksa.csv"):
        if not _between(row["tanggal"], "2026-04-01", "2026-04-30"):
            continue
        finding = findings.get((row["unit"], row["tanggal"]))
        missing = sorted(i.upper() for i in items if row[i] != "ya")
        if not missing:
            assert finding is None, row
            complete += 1
        elif finding is not None:
            assert (finding["missing"], finding["checklist"]) == (missing, True)
            incomplete += 1
    assert (complete > 100, incomplete > 0) == (True, True), (complete, incomplete)
    # Every finding without a checklist is a day with no row in the file.
    filed = {(r["unit"], r["tanggal"]) for r in _rows("daftar_periksa.csv")}
    for (unit, day), finding in findings.items():
        assert finding["checklist"] is ((unit, day) in filed)


def test_the_example_report_of_the_first_period(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys,
        "id",
        "laporan",
        EXAMPLE_RULES,
        "--roster",
        f"{EXAMPLE}/roster",
        *("--biaya", f"{EXAMPLE}/biaya.csv", "--to", "2026-05-31", "--format", "json"),
    )
    assert code == 0, err
    data = json.loads(out)
    top = {u["kode"]: u["induk"] for u in _rows("roster/unit.csv")}

    def top_of(code: str) -> str:
        while top[code]:
            code = top[code]
        return code

    figures: dict[tuple[str, str, str], Decimal] = {}
    for cost in _rows("biaya.csv", ";"):
        key = (top_of(cost["unit"]), cost["kategori"], cost["bulan"])
        figures[key] = figures.get(key, D(0)) + _rupiah(cost["jumlah"])
    names = {"telepon": "TELEPON", "bbm": "BBM", "listrik": "LISTRIK", "air": "AIR"}
    names |= {"lainnya": "LAINNYA", "belanja operasional pegawai": "BELANJA_PEGAWAI"}
    lines = by_key(data["lines"], "unit", "category")
    aktual = 0
    telephone = D(0)
    for unit in sorted({u for u, _, _ in figures}):
        for category, name in names.items():
            pairs = [
                (
                    figures.get((unit, category, f"2025-{m}")),
                    figures.get((unit, category, f"2026-{m}")),
                )
                for m in ("04", "05")
            ]
            both = [(b, a) for b, a in pairs if b is not None and a is not None]
            line = lines[(unit, name)]
            if len(both) == 2:  # every month has figures: the saving is theirs alone
                saving = _half_up(sum((b - a for b, a in both), D(0)))
                assert (line["basis"], line["saving"]) == ("aktual", str(saving)), (unit, name)
                aktual += 1
            if name == "TELEPON":  # never estimated: only months with figures count
                saving = sum((b - a for b, a in both), D(0))
                if both:
                    assert line["saving"] == str(_half_up(saving)), unit
                    telephone += _half_up(saving)
                else:
                    assert (line["saving"], line["basis"]) == (None, "tanpa_data"), unit
    assert aktual >= 100
    assert D(data["categories"]["TELEPON"]) == telephone
    assert D(data["total"]) == sum(
        (D(line["saving"]) for line in data["lines"] if line["saving"] is not None), D(0)
    )
