"""``edaran init`` (``mulai``): scaffold a variant, fill it, check and test it (issue 6, item 7)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from edaran import load_roster
from edaran.cli import main
from edaran.cli.init import add_parser, cmd_init


def init(argv: list[str]) -> int:
    """``edaran init ...`` through its own parser (cli.py wires it separately)."""
    common = argparse.ArgumentParser(add_help=False)
    parser = argparse.ArgumentParser(prog="edaran")
    add_parser(parser.add_subparsers(dest="command", required=True), common)
    return cmd_init(parser.parse_args(argv), "id")


def last_line(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().out.strip().splitlines()[-1]


def test_scaffold_fill_check_test_round_trip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert init(["init", "kab-contoh", "--dir", str(tmp_path)]) == 0
    folder = tmp_path / "kab-contoh"
    rules = folder / "kab-contoh.edaran"
    assert str(rules) in capsys.readouterr().out
    text = rules.read_text(encoding="utf-8")
    assert 'memperluas "nasional-2026"' in text
    assert "berlaku 2026-04-01" in text
    # Every clause and declaration of the template is listed, commented out.
    for clause in ["butir 1 ", "butir 2 ", "butir 3 ", "butir 4 ", "kewajiban butir 5",
                   "pelanggaran butir 6[tak_terjawab]", "pelanggaran butir 6[terlambat]",
                   "sanksi butir 7[lisan]", "sanksi butir 7[tertulis]",
                   "sanksi butir 7[berulang]", "parameter HARI_WFH", "parameter BATAS_RESPON",
                   "himpunan PIMPINAN_TINGGI"]:  # fmt: skip
        assert f"# {clause}" in text, clause
    assert (folder / "README.md").read_text(encoding="utf-8").startswith("# kab-contoh")

    # It checks and tests at once.
    assert main(["check", str(rules)]) == 0
    capsys.readouterr()
    assert main(["test", str(rules)]) == 0
    assert last_line(capsys) == "1 passed, 0 failed"

    # Fill: WFH moves to Thursday; the copied example follows, and one is added.
    text = text.replace(
        'contoh "Staf pada hari Jumat: WFH":\n'
        "    pegawai.jenjang adalah Pelaksana\n"
        "    tanggal adalah 2026-04-10\n"
        "    maka moda_kerja adalah WFH\n",
        'contoh "Staf pada hari Jumat: WFO":\n'
        "    pegawai.jenjang adalah Pelaksana\n"
        "    tanggal adalah 2026-04-10\n"
        "    maka moda_kerja adalah WFO\n",
    )
    text += (
        "\nparameter HARI_WFH: hari = Kamis\n"
        '\ncontoh "Staf pada hari Kamis: WFH":\n'
        "    pegawai.jenjang adalah Pelaksana\n"
        "    tanggal adalah 2026-04-09\n"
        "    maka moda_kerja adalah WFH\n"
    )
    rules.write_text(text, encoding="utf-8")
    assert main(["check", str(rules)]) == 0
    capsys.readouterr()
    assert main(["test", str(rules)]) == 0
    assert last_line(capsys) == "2 passed, 0 failed"

    # The roster loads as documented.
    roster = load_roster(folder / "roster")
    assert (len(roster), len(roster.units)) == (2, 2)
    assert roster.units["PUSKESMAS_KOTA"].layanan_publik

    # Refusals: the folder exists, the template is unknown.
    capsys.readouterr()
    assert init(["mulai", "kab-contoh", "--dir", str(tmp_path)]) == 1
    assert "folder sudah ada" in capsys.readouterr().err
    assert init(["init", "kab-lain", "--dir", str(tmp_path), "--from", "nasional-1999"]) == 1
    err = capsys.readouterr().err
    assert "templat tidak dikenal" in err and "nasional-2026" in err
    assert not (tmp_path / "kab-lain").exists()
