"""A circular and its amendments on the command line.

``edaran check --hari-ini`` (W148, an evaluation that fell due) and
``edaran decide --per-tanggal`` (the version in force on a date).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from edaran.cli import main
from edaran.model import Employee, Unit
from golden import check_golden
from paths import REPO

#: a regency circular and two amendments (see ``tests/variants/test_lifecycle.py``)
DATA = Path("tests/data/lifecycle")
STAFF = Employee(
    "199001012015011001", "Staf", Unit("BAPPEDA", "Badan Perencanaan Pembangunan Daerah")
)


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_check_says_w148_as_of_the_day_given(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "se.edaran").write_text(
        (REPO / DATA / "se-induk.edaran").read_text(encoding="utf-8"), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check", "se.edaran", "--hari-ini", "2026-11-28", "--lang", lang]) == 0
    check_golden(f"lifecycle/W148-check.{lang}.txt", capsys.readouterr().out)
    monkeypatch.setenv("EDARAN_HARI_INI", "2026-05-31")
    assert main(["check", "se.edaran", "--lang", lang]) == 0
    assert "W148" not in capsys.readouterr().out


def test_decide_as_of_a_date_uses_the_version_in_force_then(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "pegawai.csv"
    roster.write_text(
        "nip,nama,jenjang,kode_unit,nama_unit,jenis_unit,layanan_publik,induk_unit\n"
        f"{STAFF.nip},Staf,Pelaksana,BAPPEDA,Bappeda,Badan,tidak,\n",
        encoding="utf-8",
    )
    args = ["decide", str(DATA / "se-perubahan-2.edaran"), "--roster", str(roster)]
    dates = ["--from", "2026-06-04", "--to", "2026-06-05", "--format", "json"]
    assert main([*args, *dates]) == 0
    latest = json.loads(capsys.readouterr().out)
    by_day = {r["date"]: r["value"] for r in latest["decisions"]}
    assert by_day == {"2026-06-04": "WFH", "2026-06-05": "WFO"}
    assert main([*args, *dates, "--per-tanggal", "2026-05-01"]) == 0
    earlier = json.loads(capsys.readouterr().out)
    by_day = {r["date"]: r["value"] for r in earlier["decisions"]}
    assert by_day == {"2026-06-04": "WFO", "2026-06-05": "WFH"}
    # The provenance names the version that decided: the one in force on --per-tanggal.
    versions = (latest["provenance"]["version_in_force"], earlier["provenance"]["version_in_force"])
    assert versions[0] > versions[1]
