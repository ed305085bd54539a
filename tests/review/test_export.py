"""``edaran export``: the rules as a workbook, Markdown and an HTML page."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from edaran.cli import main
from golden import check_golden
from paths import REFERENCE, REPO

SMALL = "tests/data/review/induk.edaran"
ROSTER = "tests/data/roster-small"


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("EDARAN_LANG", raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out and "Traceback" not in err
    return code, out, err


def rows(sheet: object) -> list[list[object]]:
    return [list(r) for r in sheet.iter_rows(values_only=True)]  # type: ignore[attr-defined]


def test_the_reference_workbook_reads_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "sumsel.xlsx"
    code, _, err = run(capsys, "export", str(REFERENCE), "--output", str(target))
    assert code == 0
    assert err == f"{target} ditulis\n"
    wb = openpyxl.load_workbook(target, read_only=True)
    assert wb.sheetnames == ["Butir", "Parameter", "Tabel", "Himpunan", "Contoh"]
    butir = rows(wb["Butir"])
    assert butir[0][0] == "Surat Edaran 800.1/1230/BKD.I/2026: aturan sebagai tabel"
    assert butir[3][:9] == [
        "Butir", "Nomor", "Judul", "Jenis", "Syarat", "Nilai", "Pengecualian atas", "Berkas",
        "Baris",
    ]  # fmt: skip
    body = [r for r in butir[4:] if r and r[0] and str(r[0]).startswith("butir ")]
    assert len(body) == 24
    by_label = {r[0]: r for r in body}
    assert by_label["butir 11"][1:7] == [
        "11",
        "Pejabat Pimpinan Tinggi Madya dan Pratama dikecualikan dari WFH dan melaksanakan WFA",
        "aturan",
        "hari adalah HARI_WFH (Jumat) dan pegawai.jenjang termasuk JPT {JPT_MADYA, JPT_PRATAMA}",
        "moda_kerja adalah WFA",
        "butir 2, butir 6[pendukung]",
    ]
    assert by_label["butir 11"][8] == 78
    assert by_label["butir 4"][3] == "batas"
    assert "225: Kepala Bappeda (JPT Pratama)" in by_label["butir 11"][9]
    params = rows(wb["Parameter"])
    assert params[0] == ["Nama", "Tipe", "Mulai", "Nilai", "Berkas", "Baris"]
    assert params[1] == ["HARI_WFH", "hari", None, "Jumat", "se-800.1-1230-BKD.I-2026.edaran", 21]
    assert ["BIAYA_PEGAWAI_PER_HARI", "uang", None, "Rp 45.000"] in [p[:4] for p in params]
    tables = rows(wb["Tabel"])
    assert tables[1][:4] == ["PROPORSI_WFH", "persen", "(bawaan)", "100%"]
    assert tables[2][:4] == ["PROPORSI_WFH", "persen", "SETDA", "50%"]
    assert len([t for t in tables[1:] if t and t[0] == "PROPORSI_WFH"]) == 8
    examples = rows(wb["Contoh"])
    assert len([e for e in examples[1:] if e and e[0]]) == 46
    assert examples[1][5] == "lulus"
    assert examples[1][4] == "maka moda_kerja adalah WFH"


def test_the_workbook_is_the_same_bytes_twice(tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert main(["export", SMALL, "--output", str(first)]) == 0
    assert main(["export", SMALL, "--output", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()


def test_workbook_in_english(tmp_path: Path) -> None:
    target = tmp_path / "x.xlsx"
    assert main(["export", "--lang", "en", SMALL, "--output", str(target)]) == 0
    wb = openpyxl.load_workbook(target, read_only=True)
    assert wb.sheetnames == ["Butir", "Parameters", "Tables", "Sets", "Examples"]
    assert rows(wb["Tables"])[1][:4] == ["HARI_WFH_UNIT", "hari", "(default)", "Jumat"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_markdown_golden(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    code, out, _ = run(capsys, "export", "--format", "md", "--lang", lang, SMALL)
    assert code == 0
    check_golden(f"review/induk.{lang}.md", out)


def test_html_puts_each_butir_beside_its_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", "--format", "html", SMALL, "--roster", ROSTER)
    assert code == 0
    assert out.startswith("<!DOCTYPE html>")
    assert out.count('<section class="butir"') == 5
    section = out[out.index('id="butir-2"') : out.index('id="butir-3"')]
    # the circular's words quoted above the rule, the rule's text, its examples
    assert "&quot;ASN melaksanakan WFH 1 (satu) hari kerja dalam seminggu.&quot;" in section
    # the rule's text, highlighted by the edaran Pygments lexer (the highlight extra)
    assert '<span class="kn">butir</span>' in section
    assert '<span class="k">jika</span>' in section
    assert "HARI_WFH_UNIT" in section
    assert '<a href="#contoh-36">Staf Bappeda pada hari Kamis: WFH</a>' in section
    assert '<section id="contoh-36">' in out
    # decisions on the roster over the first evaluation period (counts per unit, no names)
    assert "Andi" not in out and "197501012000031001" not in out
    butir_3 = out[out.index('id="butir-3"') : out.index('id="butir-4"')]
    assert "hari-pegawai pada 2026-04-01 s.d. 2026-05-31" in butir_3
    assert "mengalahkan butir 2" in butir_3


def test_html_decisions_over_a_chosen_week(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["export", "--format", "html", "--lang", "en", SMALL, "--roster", ROSTER]
    code, out, _ = run(capsys, *argv, "--from", "2026-04-06", "--to", "2026-04-10")
    assert code == 0
    butir_2 = out[out.index('id="butir-2"') : out.index('id="butir-3"')]
    # Andi (a Pelaksana at Bappeda) on Thursday, Dewi (RS_EB_IGD) on Friday; the two
    # JPT Pratama stay in the office by butir 3
    assert "2 employee-days from 2026-04-06 to 2026-04-10 (BAPPEDA 1, RS_EB_IGD 1)" in butir_2


def test_xlsx_needs_an_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "export", SMALL)
    assert code == 2
    assert err == "--format xlsx menulis berkas: sebutkan --output\n"


def test_export_of_a_broken_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "export", "--format", "md", "tests/data/rules/E005-empty.edaran")
    assert code == 1
    assert "galat[E005]" in err
