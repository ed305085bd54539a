"""``edaran diff`` (``beda``): text, JSON and CSV, to the terminal or a file; its input errors."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from edaran import Circular, Employee, Unit
from edaran.cli.diff import add_parser, cmd_diff, write_diff
from edaran.variants import diff_clauses, diff_impact
from golden import check_golden
from paths import DATA as TEST_DATA
from schemas import validate

DATA = TEST_DATA / "variants"
PARENT, CHILD = DATA / "induk.edaran", DATA / "anak.edaran"
FIRST, LAST = dt.date(2026, 5, 4), dt.date(2026, 5, 15)

BAPPEDA = Unit("BAPPEDA", "Bappeda")
DINKES = Unit("DINKES", "Dinas Kesehatan")
STAFF = [
    Employee("198001012005011001", "Ani", BAPPEDA),
    Employee("198001012005011002", "Budi", BAPPEDA),
    Employee("198502152010012003", "Citra", DINKES),
]

FRIDAY = 'butir 2 "WFH setiap Jumat":\n    moda_kerja adalah WFH\n    jika hari adalah Jumat'
THURSDAY = 'butir 2 "WFH setiap Kamis":\n    moda_kerja adalah WFH\n    jika hari adalah Kamis'


def _roster(folder: Path) -> Path:
    folder.mkdir()
    (folder / "unit.csv").write_text(
        "kode,nama,jenis,layanan_publik,induk\n"
        "BAPPEDA,Bappeda,Badan,tidak,\n"
        "DINKES,Dinas Kesehatan,Dinas,tidak,\n",
        encoding="utf-8",
    )
    (folder / "pegawai.csv").write_text(
        "nip,nama,unit,jenjang,jabatan,capaian_kinerja\n"
        + "".join(f"{e.nip},{e.nama},{e.unit.kode},Pelaksana,Staf,90\n" for e in STAFF),
        encoding="utf-8",
    )
    return folder


def _parse(*argv: str) -> argparse.Namespace:
    common = argparse.ArgumentParser(add_help=False)
    parser = argparse.ArgumentParser(prog="edaran")
    add_parser(parser.add_subparsers(dest="command", required=True), common)
    return parser.parse_args(list(argv))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_cli_text_golden(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = _roster(tmp_path / "roster")
    monkeypatch.chdir(DATA)
    args = _parse("beda", "induk.edaran", "anak.edaran", "--roster", str(roster),
                  "--from", "2026-05-04", "--to", "2026-05-15")  # fmt: skip
    assert cmd_diff(args, lang) == 0  # type: ignore[arg-type]
    check_golden(f"diff/induk-anak.{lang}.txt", capsys.readouterr().out)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_cli_clauses_only_golden(
    lang: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(DATA)
    assert cmd_diff(_parse("diff", "induk.edaran", "anak.edaran"), lang) == 0  # type: ignore[arg-type]
    check_golden(f"diff/clauses.{lang}.txt", capsys.readouterr().out)


def test_cli_json_and_csv(tmp_path: Path) -> None:
    roster = _roster(tmp_path / "roster")
    period = ("--roster", str(roster), "--from", "2026-05-04", "--to", "2026-05-15")
    target = tmp_path / "beda.json"
    args = _parse(
        "diff", str(PARENT), str(CHILD), *period, "--format", "json", "--output", str(target)
    )
    assert cmd_diff(args, "en") == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    validate(data, "diff")
    assert data["provenance"]["circular"] == Circular.load(CHILD).number
    assert data["compared_with"]["circular"] == Circular.load(PARENT).number
    assert data["clauses"] == [
        {"kind": "changed", "what": "rule", "key": "butir 2", "left": FRIDAY, "right": THURSDAY}
    ]
    assert data["impact"]["changed"] == 6
    assert data["impact"]["counts"][0] == {
        "unit": "BAPPEDA",
        "change": "WFH→WFO",
        "employee_days": 2,
    }
    assert len(data["impact"]["samples"]) == 5
    target = tmp_path / "beda.csv"
    args = _parse(
        "diff", str(PARENT), str(CHILD), *period, "--format", "csv", "--output", str(target)
    )
    assert cmd_diff(args, "en") == 0
    with target.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["section", "kind", "what", "key", "left", "right", "employee_days"]
    assert rows[1] == ["clause", "changed", "rule", "butir 2", FRIDAY, THURSDAY, ""]
    assert [r[1] + " " + r[3] + " " + r[6] for r in rows[2:]] == [
        "WFH→WFO BAPPEDA 2",
        "WFO→WFH BAPPEDA 2",
        "WFH→WFO DINKES 1",
        "WFO→WFH DINKES 1",
    ]


def test_cli_input_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cmd_diff(_parse("diff", str(PARENT), str(tmp_path / "none.edaran")), "en") == 1
    args = _parse("diff", str(PARENT), str(CHILD), "--roster", str(tmp_path))
    assert cmd_diff(args, "en") == 1
    assert "--roster needs --from" in capsys.readouterr().err
    args = _parse("diff", str(PARENT), str(CHILD), "--from", "2026-05-15", "--to", "2026-05-04")
    assert cmd_diff(args, "id") == 1
    assert cmd_diff(_parse("diff", str(PARENT), str(CHILD), "--roster", str(tmp_path),
                           "--from", "2026-05-04"), "en") == 1  # fmt: skip


def test_output_goes_to_a_file_as_text(tmp_path: Path) -> None:
    target = tmp_path / "beda.txt"
    assert cmd_diff(_parse("diff", str(PARENT), str(CHILD), "--output", str(target)), "id") == 0
    assert target.read_text(encoding="utf-8").startswith("Perbedaan SE NASIONAL/2026 → SE KAB/2026")


def test_buffer_writer_is_deterministic() -> None:
    parent, child = Circular.load(PARENT), Circular.load(CHILD)
    texts = []
    for _ in range(2):
        out = io.StringIO()
        impact = diff_impact(parent, child, STAFF, FIRST, LAST, "en")
        write_diff(diff_clauses(parent, child), impact, ("A", "B"), "text", out, "en")
        texts.append(out.getvalue())
    assert texts[0] == texts[1]
