"""``edaran discipline`` end to end on the bundled example and on bad logs."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from edaran.cli import main
from paths import DATA, SUMSEL

EXAMPLE = SUMSEL
RULES = str(next(EXAMPLE.glob("*.edaran")))
ROSTER = str(EXAMPLE / "roster")
LOG = str(EXAMPLE / "kontak.csv")
BAD = str(DATA / "contacts" / "kontak-bad.csv")
BASE = ["discipline", RULES, "--roster", ROSTER]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out and "Traceback" not in err
    return code, out, err


def test_csv_folder_and_json_agree(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, *BASE, "--contacts", LOG, "--output", str(tmp_path / "csv"))
    assert code == 0, err
    with (tmp_path / "csv" / "sanksi.csv").open(encoding="utf-8") as handle:
        sanctions = list(csv.DictReader(handle))
    with (tmp_path / "csv" / "pelanggaran.csv").open(encoding="utf-8") as handle:
        breaches = list(csv.DictReader(handle))
    code, _, _ = run(
        capsys, *BASE, "--contacts", LOG, "--format", "json", "--output", str(tmp_path / "d.json")
    )
    assert code == 0
    data = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert len(data["sanctions"]) == len(sanctions) > 0
    assert len(data["breaches"]) == len(breaches) > len(sanctions)
    # Every sanction cites butir 10.d and lists what is behind it.
    assert {row["klausul"] for row in sanctions} == {"butir 10.d"}
    assert all(row["dasar"] for row in sanctions)


def test_a_log_in_two_parts_gives_the_whole_result(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = Path(LOG).read_text(encoding="utf-8").splitlines(keepends=True)
    half = len(lines) // 2
    (tmp_path / "a.csv").write_text("".join(lines[:half]), encoding="utf-8")
    (tmp_path / "b.csv").write_text(lines[0] + "".join(lines[half:]), encoding="utf-8")
    run(
        capsys,
        *BASE,
        "--contacts",
        LOG,
        "--format",
        "json",
        "--output",
        str(tmp_path / "whole.json"),
    )
    code, _, err = run(
        capsys,
        *BASE,
        "--contacts",
        str(tmp_path / "a.csv"),
        str(tmp_path / "b.csv"),
        "--format",
        "json",
        "--output",
        str(tmp_path / "parts.json"),
    )
    assert code == 0, err
    whole = json.loads((tmp_path / "whole.json").read_text(encoding="utf-8"))
    parts = json.loads((tmp_path / "parts.json").read_text(encoding="utf-8"))
    assert parts == whole


def test_one_persons_history(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *BASE, "--contacts", LOG, "--nip", "199009112025031001")
    assert code == 0
    assert out.splitlines()[0] == "Riwayat disiplin 199009112025031001 Slamet, A.Md., unit DISPUSIP"
    assert "butir 10.d[tertulis]" in out
    code, _, err = run(capsys, *BASE, "--contacts", LOG, "--nip", "123")
    assert (code, err) == (1, "NIP 123 tidak ada dalam daftar pegawai\n")


def test_bad_rows_refuse_the_log_unless_skipped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, *BASE, "--contacts", BAD, "--output", str(tmp_path / "x"))
    assert (code, out) == (1, "")
    assert "galat[D043]" in err and not (tmp_path / "x").exists()
    code, _, err = run(
        capsys, *BASE, "--contacts", BAD, "--skip-bad-rows", "--output", str(tmp_path / "y")
    )
    assert code == 0
    assert "peringatan[D043]" in err and "peringatan[D052]" in err
    assert (tmp_path / "y" / "sanksi.csv").exists()
