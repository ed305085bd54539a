"""The per-record rules example: a budget efficiency circular of a fictional ministry.

``examples/kementerian-efisiensi-2027`` caps trips per unit and month, asks for
economy class on flights under two hours, business class for grade IV only, an
assignment letter dated before departure and meetings at government venues.
These tests run it as the ministry's IT team would: ``edaran check``, ``edaran
test --coverage``, ``edaran fmt --check`` and ``edaran quota`` through
:func:`edaran.cli.main`, and the data generator beside it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from edaran.cli import main
from paths import EXAMPLES

EXAMPLE = EXAMPLES / "kementerian-efisiensi-2027"
RULES = EXAMPLE / "se-7-mea-2027.edaran"
FILES = [
    "--roster",
    str(EXAMPLE / "roster"),
    "--perjalanan",
    str(EXAMPLE / "perjalanan.csv"),
    "--rapat",
    str(EXAMPLE / "rapat.csv"),
    "--from",
    "2027-01-04",
    "--to",
    "2027-03-31",
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_checks_formats_and_covers_every_clause(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(RULES))
    assert code == 0
    assert out.strip().endswith("bersih (1 aturan, 1 kuota, 4 ketentuan, 11 contoh)")
    code, out, _ = run(capsys, "test", "--coverage", "--min-coverage", "100", str(RULES))
    assert code == 0
    assert out.splitlines()[-1] == "11 passed, 0 failed"
    assert run(capsys, "fmt", "--check", str(RULES))[0] == 0


def test_quota_reports_each_record_that_fails_a_provision(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "--lang", "en", "quota", str(RULES), *FILES, "--format", "json")
    assert code == 0
    data = json.loads(out)
    found = [(r["provision"], r["record"], r["row"], r["values"]) for r in data["records"]]
    assert found == [
        ("butir 3.a", "PD-005", 6, {"perjalanan.kelas": "BISNIS"}),
        ("butir 3.b", "PD-005", 6, {"pegawai.golongan": "III"}),
        (
            "butir 4",
            "PD-012",
            13,
            {"perjalanan.tanggal_surat_tugas": "2027-03-22", "perjalanan.mulai": "2027-03-22"},
        ),
        (
            "butir 4",
            "PD-020",
            21,
            {"perjalanan.tanggal_surat_tugas": "2027-03-25", "perjalanan.mulai": "2027-03-24"},
        ),
        ("butir 5", "RP-004", 5, {"rapat.tempat": "HOTEL"}),
    ]
    over = [(q["unit"], [o["record"] for o in q["over"]]) for q in data["quotas"] if q["over"]]
    assert over == [("DIT_EVALUASI", ["PD-005"])]


def test_the_backends_agree_on_every_record(capsys: pytest.CaptureFixture[str]) -> None:
    from edaran import Circular
    from edaran.io.records import read_records
    from edaran.io.roster import load_roster
    from edaran.quota.provisions import judge

    circular = Circular.load(RULES)
    roster = load_roster(EXAMPLE / "roster", **circular.roster_classes())
    for kind, name in (("perjalanan", "perjalanan.csv"), ("rapat", "rapat.csv")):
        cls = circular.schema.record_classes[kind]
        records, problems = read_records(EXAMPLE / name, kind, roster=roster, cls=cls)
        assert problems == []
        for provision in circular.program.provisions:
            if provision.kind != kind:
                continue
            for record in records:
                assert judge(circular, provision, record, "compiled") == judge(
                    circular, provision, record, "interpreter"
                )


def test_the_generator_makes_the_shipped_data(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(EXAMPLE / "make_data.py"), str(tmp_path)], check=True)
    for name in ("roster/unit.csv", "roster/pegawai.csv", "perjalanan.csv", "rapat.csv"):
        assert (tmp_path / name).read_bytes() == (EXAMPLE / name).read_bytes(), name
