"""``edaran diff``: the clauses two circulars differ in, and the impact on a roster (issue 6)."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from edaran import Circular, Employee, Unit
from edaran.cli.diff import add_parser, cmd_diff
from edaran.variants import ClauseChange, diff_clauses, diff_impact
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


def test_clause_changes_between_parent_and_child() -> None:
    changes = diff_clauses(Circular.load(PARENT), Circular.load(CHILD))
    assert changes == [ClauseChange("changed", "rule", "butir 2", FRIDAY, THURSDAY)]


def test_clause_changes_the_other_way_and_with_itself() -> None:
    parent, child = Circular.load(PARENT), Circular.load(CHILD)
    assert diff_clauses(child, parent) == [
        ClauseChange("changed", "rule", "butir 2", THURSDAY, FRIDAY)
    ]
    assert diff_clauses(parent, Circular.load(PARENT)) == []


def test_added_removed_and_changed_declarations() -> None:
    removing = Circular.from_text(
        'surat_edaran "A/2026":\n    berlaku 2026-04-01\n\n'
        "parameter HARI_WFH: hari = Jumat\n\n"
        'butir 1 "WFO", bawaan:\n    moda_kerja adalah WFO\n\n'
        'butir 2 "WFH":\n    moda_kerja adalah WFH\n    jika hari adalah HARI_WFH\n'
    )
    adding = Circular.from_text(
        'surat_edaran "B/2026":\n    berlaku 2026-04-01\n\n'
        "parameter HARI_WFH: hari = Kamis\n\n"
        'butir 1 "WFO", bawaan:\n    moda_kerja adalah WFO\n\n'
        'butir 2 "WFH":\n    moda_kerja adalah WFH\n    jika hari adalah HARI_WFH\n\n'
        'butir 3 "WFO Senin", pengecualian atas butir 2:\n'
        "    moda_kerja adalah WFO\n    jika hari adalah Senin\n"
    )
    changes = diff_clauses(removing, adding)
    assert [(c.kind, c.what, c.key) for c in changes] == [
        ("changed", "parameter", "HARI_WFH"),
        ("added", "rule", "butir 3"),
    ]
    assert (changes[0].left_text, changes[0].right_text) == ("JUMAT", "KAMIS")
    assert changes[1].left_text is None
    assert changes[1].right_text is not None and changes[1].right_text.startswith("butir 3")
    assert [c.kind for c in diff_clauses(adding, removing)] == ["changed", "removed"]


def test_impact_on_a_small_roster() -> None:
    impact = diff_impact(Circular.load(PARENT), Circular.load(CHILD), STAFF, FIRST, LAST)
    # Thursday 7 May moves to WFH, Friday 8 May to WFO; 14 May (Ascension) and
    # 15 May (collective leave) are days off under both.
    assert impact.counts == (
        ("BAPPEDA", "WFH→WFO", 2),
        ("BAPPEDA", "WFO→WFH", 2),
        ("DINKES", "WFH→WFO", 1),
        ("DINKES", "WFO→WFH", 1),
    )
    assert (impact.changed, impact.employee_days, impact.undecided) == (6, 36, (0, 0))
    assert [(s.nip, s.date, s.left, s.right) for s in impact.samples] == [
        ("198001012005011001", dt.date(2026, 5, 7), "WFO", "WFH"),
        ("198001012005011001", dt.date(2026, 5, 8), "WFH", "WFO"),
        ("198001012005011002", dt.date(2026, 5, 7), "WFO", "WFH"),
        ("198001012005011002", dt.date(2026, 5, 8), "WFH", "WFO"),
        ("198502152010012003", dt.date(2026, 5, 7), "WFO", "WFH"),
    ]
    sample = impact.samples[0]
    assert "SE NASIONAL/2026" in sample.left_explanation
    assert "SE KAB/2026" in sample.right_explanation


def test_public_services_keep_their_mode() -> None:
    clinic = Employee(
        "198502152010012002", "Dewi", Unit("PUSKESMAS", "Puskesmas", layanan_publik=True)
    )
    impact = diff_impact(Circular.load(PARENT), Circular.load(CHILD), [clinic], FIRST, LAST)
    assert (impact.changed, impact.counts, impact.samples) == (0, (), ())


# --------------------------------------------------------------------- CLI
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
    from edaran.cli.diff import write_diff

    parent, child = Circular.load(PARENT), Circular.load(CHILD)
    texts = []
    for _ in range(2):
        out = io.StringIO()
        impact = diff_impact(parent, child, STAFF, FIRST, LAST, "en")
        write_diff(diff_clauses(parent, child), impact, ("A", "B"), "text", out, "en")
        texts.append(out.getvalue())
    assert texts[0] == texts[1]


def test_quota_target_checklist_and_report_changes() -> None:
    head = (
        'surat_edaran "{n}":\n    berlaku 2026-04-01\nbutir 1, bawaan:\n    moda_kerja adalah WFO\n'
    )
    quota = "kuota butir 8:\n    perjalanan dikurangi {p} dari tahun_lalu per unit per periode\n"
    target = (
        "sasaran butir 7:\n    rapat.bentuk adalah DARING paling sedikit 50% per unit per bulan\n"
    )
    report = "laporan butir 13:\n    perkiraan LISTRIK adalah periode.hari_wfh * 2 kWh\n"
    checklist = "kewajiban butir 10.a:\n    daftar_periksa {AC, LAMPU}\n"
    a = Circular.from_text(head.format(n="A") + quota.format(p="50%") + target + checklist)
    b = Circular.from_text(head.format(n="B") + quota.format(p="70%") + report + checklist)
    changes = [(c.kind, c.what, c.key) for c in diff_clauses(a, b)]
    assert changes == [
        ("changed", "quota", "butir 8"),
        ("added", "report", "butir 13"),
        ("removed", "target", "butir 7"),
    ]
    (quota_change,) = [c for c in diff_clauses(a, b) if c.what == "quota"]
    assert "dikurangi 50%" in (quota_change.left_text or "")
    assert "dikurangi 70%" in (quota_change.right_text or "")
