"""NIPs written in rule files: normalised as the roster's are, and checked against a roster."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from edaran.cli import main
from edaran.core import render_all
from edaran.engine import Circular
from edaran.lang.expressions import normal_id
from edaran.model import Employee, PositionLevel, Unit, UnitKind
from golden import check_golden

RULES = """\
surat_edaran "1/2027":
    berlaku 2027-05-01

butir 1, bawaan:
    moda_kerja adalah WFO

butir 2 "Pegawai yang ditunjuk":
    moda_kerja adalah WFH
    jika pegawai.nip termasuk {"19950721 201807 1 001", "1991.1003.2015.0510.02"}

butir 3 "Satu pegawai lagi":
    moda_kerja adalah WFA
    jika "19911003 201505 1 003" adalah pegawai.nip
"""

UNIT = Unit("BPBD", "BPBD", UnitKind.BADAN, True)


def person(nip: str) -> Employee:
    return Employee(nip, "X", UNIT, PositionLevel.PELAKSANA)


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("19950721 201807 1 001", "199507212018071001"),
        ("1991.1003.2015.0510.02", "199110032015051002"),
        (" 199110032015051003 ", "199110032015051003"),
        ("PPPK.2023.17", "PPPK.2023.17"),  # not a NIP: only spaces go
        ("PPPK 2023 17", "PPPK202317"),
    ],
)
def test_normal_id(written: str, normal: str) -> None:
    assert normal_id(written) == normal


@pytest.mark.parametrize("backend", ["interpreter", "compiled"])
def test_nips_written_with_spaces_or_dots_match(backend: str) -> None:
    circular = Circular.from_text(RULES, backend=backend)  # type: ignore[arg-type]  # a Backend
    day = dt.date(2027, 5, 4)
    decided = [
        circular.decide(person(nip), day).value
        for nip in (
            "199507212018071001",
            "199110032015051002",
            "199110032015051003",
            "197512202001121005",
        )
    ]
    assert decided == ["WFH", "WFH", "WFA", "WFO"]


def test_unknown_nips_are_w165_with_did_you_mean() -> None:
    circular = Circular.from_text(RULES, "se.edaran")
    roster = {"199507212018071001", "199110032015051002", "197512202001121004"}
    found = circular.unknown_identifiers(roster)
    assert [(d.code, d.args["nip"], d.suggestions[0]) for d in found] == [
        ("W165", "199110032015051003", "199110032015051002")
    ]
    for lang in ("id", "en"):
        check_golden(f"diagnostics/W165-nip-not-in-roster.{lang}.txt", render_all(found, lang))


def test_the_command_line_warns_and_decides(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("se.edaran").write_text(RULES, encoding="utf-8")
    Path("pegawai.csv").write_text(
        "nip,nama,kode_unit,nama_unit,jenis_unit,layanan_publik,induk_unit,jenjang\n"
        "199507212018071001,Budi,BPBD,BPBD,Badan,ya,,Pelaksana\n",
        encoding="utf-8",
    )
    code = main(["decide", "se.edaran", "--roster", "pegawai.csv", "--from", "2027-05-04"])
    out, err = capsys.readouterr()
    assert code == 0
    assert "199507212018071001,BPBD,2027-05-04,WFH" in out
    assert err.count("peringatan[W165]") == 2  # one in the set, one in butir 3
