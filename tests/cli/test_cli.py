"""The ``edaran`` command: exit codes, both languages, outputs, and no traceback ever."""

from __future__ import annotations

import csv
import io
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from edaran.cli import main
from golden import check_golden
from paths import REPO
from schemas import validate

REFERENCE = "examples/sumsel-2026/se-800.1-1230-BKD.I-2026.edaran"
ROSTER = "tests/data/roster-small"
CLI_RULES = "tests/data/rules/cli"
FAILING_EXAMPLES = f"{CLI_RULES}/examples-failing.edaran"
SEVERAL_PROBLEMS = f"{CLI_RULES}/several-problems.edaran"
ALL_PASS = f"{CLI_RULES}/all-pass.edaran"
ANDI = "197501012000031001"  # Pelaksana at Bappeda
CITRA = "197203152000121001"  # JPT Pratama, head of BPBD
SETTLEMENT = (
    'butir 12.a "Badan Penanggulangan Bencana Daerah tetap WFO", '
    "pengecualian atas butir 2, butir 11:"
)
UNSETTLED = 'butir 12.a "Badan Penanggulangan Bencana Daerah tetap WFO", pengecualian atas butir 2:'
#: What ``edaran check`` counts in the reference circular.
HOLDS_ID = (
    "11 aturan, 2 batas, 1 kewajiban, 2 pelanggaran, 3 sanksi, 3 kuota, 1 sasaran, "
    "1 daftar periksa, 1 laporan, 46 contoh"
)
HOLDS_EN = (
    "11 rules, 2 limits, 1 duty, 2 breaches, 3 sanctions, 3 quotas, 1 target, "
    "1 checklist, 1 report, 46 examples"
)


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    # Relative paths keep the output stable; the language comes from --lang only.
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("EDARAN_LANG", raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out and "Traceback" not in err
    return code, out, err


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as caught:
        main(list(argv))
    assert caught.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "Traceback" not in err
    return err


# ------------------------------------------------------------------ check
def test_check_reference_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", REFERENCE)
    assert code == 0
    assert out == f"{REFERENCE}: bersih ({HOLDS_ID})\n"
    assert err == ""


@pytest.mark.parametrize("command", ["check", "periksa"])
def test_check_in_english(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, _ = run(capsys, command, "--lang", "en", REFERENCE, ALL_PASS)
    assert code == 0
    assert out == (f"{REFERENCE}: clean ({HOLDS_EN})\n{ALL_PASS}: clean (2 rules, 2 examples)\n")


def test_language_from_the_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDARAN_LANG", "en")
    assert run(capsys, "check", ALL_PASS)[1] == f"{ALL_PASS}: clean (2 rules, 2 examples)\n"
    assert run(capsys, "check", "--lang", "id", ALL_PASS)[1].endswith(
        "bersih (2 aturan, 2 contoh)\n"
    )


def test_language_option_before_the_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    # 'edaran --lang en check FILE' is what the top-level usage line offers.
    code, out, _ = run(capsys, "--lang", "en", "check", ALL_PASS)
    assert code == 0
    assert out == f"{ALL_PASS}: clean (2 rules, 2 examples)\n"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_check_failing_file_golden(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    code, out, err = run(capsys, "check", "--lang", lang, SEVERAL_PROBLEMS, ALL_PASS)
    assert code == 1
    assert err == ""
    check_golden(f"cli/check-failing.{lang}.txt", out)


def test_check_reports_the_unsettled_conflict(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (REPO / REFERENCE).read_text(encoding="utf-8")
    assert text.count(SETTLEMENT) == 1
    (tmp_path / "se-tanpa-penyelesaian.edaran").write_text(
        text.replace(SETTLEMENT, UNSETTLED), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", "se-tanpa-penyelesaian.edaran")
    assert code == 1
    first_line = out.splitlines()[0]
    assert first_line.startswith("galat[E302]: konflik: butir 11 dan butir 12.a ")
    assert "'butir 12.a, pengecualian atas butir 11'" in out
    assert out.endswith("1 galat, 0 peringatan\n")


# ------------------------------------------------------------------- test
@pytest.mark.parametrize("command", ["test", "uji"])
def test_test_reference_passes(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, _ = run(capsys, command, REFERENCE)
    assert code == 0
    lines = out.splitlines()
    assert lines[-1] == "46 passed, 0 failed"
    assert len(lines) == 47
    assert all(line.startswith(f"lulus  {REFERENCE}:") for line in lines[:-1])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_test_failing_examples_golden(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    code, out, err = run(capsys, "test", "--lang", lang, FAILING_EXAMPLES)
    assert code == 1
    assert err == ""
    assert out.splitlines()[-1] == "1 passed, 2 failed"
    check_golden(f"cli/test-failing.{lang}.txt", out)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_values_of_a_failed_example_follow_the_language(
    capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    failing = "tests/data/rules/cli/examples-failing-values.edaran"
    code, out, _ = run(capsys, "test", "--lang", lang, failing)
    assert code == 1
    expected = {
        "id": "    ketentuan butir 5: diharapkan benar, didapat salah",
        "en": "    ketentuan butir 5: expected true, got false",
    }[lang]
    assert expected in out.splitlines()
    code, out, _ = run(capsys, "test", "--lang", lang, "--format", "json", failing)
    (example,) = json.loads(out)["files"][0]["examples"]
    got = {"id": ("benar", "salah"), "en": ("true", "false")}[lang]
    assert [(f["expected"], f["got"]) for f in example["failures"]] == [got]


def test_test_counts_over_several_files(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "test", "--lang", "en", ALL_PASS, FAILING_EXAMPLES)
    assert code == 1
    assert out.splitlines()[-1] == "3 passed, 2 failed"
    assert out.splitlines()[:2] == [
        f"pass   {ALL_PASS}:12 Thursday in the office",
        f"pass   {ALL_PASS}:16 Friday at home",
    ]


def test_test_on_a_file_that_does_not_check(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "test", SEVERAL_PROBLEMS)
    assert code == 1
    assert out.splitlines()[-1] == "0 passed, 1 failed"
    assert "galat[E101]" in out


# ----------------------------------------------------------------- decide
OFFICE = "butir 1.a: Tugas kedinasan di kantor (work from office/WFO)"
HOME = "butir 2: Pola kerja WFH 1 (satu) hari kerja dalam 1 (satu) minggu, setiap hari Jumat"
WEEK = [
    ["nip", "unit", "date", "mode", "clause", "reason"],
    [ANDI, "BAPPEDA", "2026-04-06", "WFO", "butir 1.a", OFFICE],
    [ANDI, "BAPPEDA", "2026-04-07", "WFO", "butir 1.a", OFFICE],
    [ANDI, "BAPPEDA", "2026-04-08", "WFO", "butir 1.a", OFFICE],
    [ANDI, "BAPPEDA", "2026-04-09", "WFO", "butir 1.a", OFFICE],
    [ANDI, "BAPPEDA", "2026-04-10", "WFH", "butir 2", HOME],
    [ANDI, "BAPPEDA", "2026-04-11", "LIBUR", "", "libur: Sabtu"],
    [ANDI, "BAPPEDA", "2026-04-12", "LIBUR", "", "libur: Minggu"],
]


@pytest.mark.parametrize("command", ["decide", "putuskan"])
def test_decide_csv_for_one_nip_over_a_week(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    code, out, err = run(
        capsys,
        command,
        REFERENCE,
        "--roster",
        ROSTER,
        "--from",
        "2026-04-06",
        "--to",
        "2026-04-12",
        "--nip",
        ANDI,
    )
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "nip,unit,date,mode,clause,reason"
    assert list(csv.reader(io.StringIO(out))) == WEEK


def test_decide_json_has_the_same_rows(capsys: pytest.CaptureFixture[str]) -> None:
    argv = [REFERENCE, "--roster", ROSTER, "--from", "2026-04-06", "--to", "2026-04-12"]
    code, out, _ = run(capsys, "decide", *argv, "--nip", ANDI, "--format", "json")
    assert code == 0
    _, *rows = WEEK
    data = json.loads(out)
    validate(data, "decide")
    assert data["provenance"]["circular"] == "800.1/1230/BKD.I/2026"
    columns = ("nip", "date", "shown", "clause", "reason")
    assert [[d[c] or "" for c in columns] for d in data["decisions"]] == [
        [row[0], *row[2:]] for row in rows
    ]
    assert data["errors"] == []


def test_decide_everyone_on_one_day(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "keputusan.json"
    code, out, _ = run(
        capsys, "decide", "--lang", "en", REFERENCE, "--roster", ROSTER, "--from", "2026-04-10",
        "--format", "json", "--output", str(target),
    )  # fmt: skip
    assert (code, out) == (0, "")
    rows = json.loads(target.read_text(encoding="utf-8"))["decisions"]
    assert [(r["value"], r["clause"]) for r in rows] == [
        ("WFH", "butir 2"),
        ("WFA", "butir 11"),
        ("WFO", "butir 12.a"),
        ("WFO", "butir 12.d"),
    ]
    assert rows[2]["overridden"] == [
        {"rule": "butir 2", "by": "butir 11"},
        {"rule": "butir 11", "by": "butir 12.a"},
    ]
    assert rows[2]["reason"] == (
        "butir 12.a: Badan Penanggulangan Bencana Daerah tetap WFO (overrides butir 2, butir 11)"
    )


def test_decide_unknown_nip(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "decide", REFERENCE, "--roster", ROSTER, "--from", "2026-04-06", "--nip", "1"
    )
    assert (code, out) == (1, "")
    assert err == "NIP 1 tidak ada dalam daftar pegawai\n"


def test_decide_reports_undecided_days(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "decide", "--lang", "en", FAILING_EXAMPLES, "--roster", ROSTER,
        "--from", "2026-04-09", "--to", "2026-04-10", "--nip", ANDI,
    )  # fmt: skip
    assert code == 0  # a warning does not fail a run
    assert list(csv.reader(io.StringIO(out)))[1:] == [
        [ANDI, "BAPPEDA", "2026-04-09", "WFO", "butir 3", "butir 3: WFO setiap hari Kamis"],
        [ANDI, "BAPPEDA", "2026-04-10", "WFH", "butir 2", "butir 2: WFH setiap hari Jumat"],
    ]
    assert "warning[W306]" in err
    code, _, err = run(
        capsys, "decide", "--lang", "en", FAILING_EXAMPLES, "--roster", ROSTER,
        "--from", "2026-04-06", "--to", "2026-04-08",
    )  # fmt: skip
    assert code == 1
    assert err.count("error[E502]") == 1  # the same problem is shown once ...
    assert err.endswith("12 employee-days could not be decided\n")  # ... and counted


# ---------------------------------------------------------------- explain
@pytest.mark.parametrize(("command", "lang"), [("explain", "id"), ("jelaskan", "en")])
def test_explain(capsys: pytest.CaptureFixture[str], command: str, lang: str) -> None:
    code, out, err = run(
        capsys, command, "--lang", lang, REFERENCE, "--roster", ROSTER,
        "--nip", CITRA, "--date", "2026-04-10",
    )  # fmt: skip
    assert (code, err) == (0, "")
    check_golden(f"cli/explain-command.{lang}.txt", out)


def test_explain_unknown_nip(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "explain", "--lang", "en", REFERENCE, "--roster", ROSTER,
        "--nip", "199001012020011001", "--date", "2026-04-10",
    )  # fmt: skip
    assert (code, out) == (1, "")
    assert err == "NIP 199001012020011001 is not in the roster\n"


def test_explain_a_conflict(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(
        capsys, "explain", FAILING_EXAMPLES, "--roster", ROSTER, "--nip", ANDI,
        "--date", "2026-04-06",
    )  # fmt: skip
    assert (code, out) == (1, "")
    assert "galat[E502]" in err


# -------------------------------------------------------------------- run
# The Indonesian alias runs the same job: its full run is a slow test (the default
# suite keeps under four minutes); that the alias is the same command is checked below.
def test_jalankan_is_run(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["jalankan", "--help"])
    help_jalankan = capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    help_run = capsys.readouterr().out
    assert done.value.code == 0
    assert help_jalankan.replace("jalankan", "run") == help_run


@pytest.mark.parametrize("command", ["run", pytest.param("jalankan", marks=pytest.mark.slow)])
def test_run_on_the_bundled_example(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    target = tmp_path / "keputusan.csv"
    code, out, err = run(capsys, command, "examples/sumsel-2026", "--output", str(target))
    assert (code, err) == (0, "")
    with (REPO / "examples/sumsel-2026/roster/pegawai.csv").open(encoding="utf-8") as handle:
        staff = sum(1 for _ in csv.DictReader(handle))
    days = 61  # 1 April to 31 May 2026: the first evaluation period of two months
    lines = out.splitlines()
    assert lines[0] == f"== Memeriksa {REFERENCE}"
    assert lines[1] == "== Menjalankan contoh"
    assert sum(line.startswith(f"lulus  {REFERENCE}:") for line in lines) == 46
    assert not any(line.startswith("GAGAL") for line in lines)
    assert f"== Memutuskan {staff} pegawai, 2026-04-01 s.d. 2026-05-31" in lines
    assert "Ringkasan per perangkat daerah, 2026-04-01 s.d. 2026-05-31" in lines
    total = next(line for line in lines if line.startswith("Jumlah"))
    numbers = [int(word) for word in total.split()[1:]]
    assert numbers[0] == staff
    assert sum(numbers[1:]) == staff * days
    assert f"{staff * days} keputusan ditulis ke {target}" in lines
    # The record files beside the rule file: quotas and the savings report follow.
    quota = "== Kuota perjalanan dan kendaraan, sasaran rapat, daftar periksa"
    files = "(perjalanan.csv, kendaraan.csv, rapat.csv, daftar_periksa.csv)"
    assert f"{quota} {files}" in lines
    assert "== Laporan penghematan anggaran, butir 13 (biaya.csv)" in lines
    assert "== Menjadwalkan menurut batas (butir 4): kuota, minimal hadir, batas per orang" in lines
    stem = "se-800.1-1230-BKD.I-2026"
    assert lines[-1] == f"Ditulis: {tmp_path / f'laporan-{stem}.csv'}"
    assert (tmp_path / f"kuota-{stem}.csv").exists()
    if command == "run":
        # `edaran report` on the same files ends where the main job's report ends
        # (the run used to reach the period of the last trip: 3 periods against 2).
        alone = tmp_path / "alone" / "laporan.csv"
        alone.parent.mkdir()
        folder = REPO / "examples/sumsel-2026"
        code, _, err = run(
            capsys, "report", REFERENCE, "--roster", str(folder / "roster"),
            "--costs", str(folder / "biaya.csv"), "--output", str(alone),
        )  # fmt: skip
        assert code == 0 and "Periode 2, 2026-06-01 s.d. 2026-07-31" in err
        assert alone.read_bytes() == (tmp_path / f"laporan-{stem}.csv").read_bytes()
    with target.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == staff * days
    # The reference circular has caps (butir 4): the main job writes the schedule.
    header = ["nip", "nama", "unit", "tanggal", "layak", "moda", "alasan", "klausul"]
    assert list(rows[0]) == header
    assert {r["moda"] for r in rows} == {"WFO", "WFH", "WFA", "LIBUR"}
    assert rows[0]["tanggal"] == "2026-04-01" and rows[-1]["tanggal"] == "2026-05-31"


def test_run_on_a_small_copy_in_english(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    shutil.copy(REPO / REFERENCE, tmp_path / "se.edaran")
    shutil.copytree(REPO / ROSTER, tmp_path / "roster")
    code, out, _ = run(capsys, "run", "--lang", "en", str(tmp_path))
    assert code == 0
    written = tmp_path / "keluaran" / "jadwal-se-2026-04-01-2026-05-31.csv"
    assert out.splitlines()[-1] == f"{4 * 61} decisions written to {written}"
    summary = out[out.index("Summary per unit") :].splitlines()
    assert summary[1].split() == ["Unit", "Staff", "WFO", "WFA", "LIBUR"]
    # 61 days: 24 off (18 weekend days, 6 holidays and cuti bersama), 6 working Fridays.
    # Bappeda's head works from anywhere on Fridays (butir 11), so its one other
    # employee is the one on site that butir 4 requires: no WFH at all.
    assert summary[3].split() == ["BAPPEDA", "2", "68", "6", "48"]
    assert summary[4].split() == ["BPBD", "1", "37", "0", "24"]
    assert summary[5].split() == ["RS_EB", "1", "37", "0", "24"]
    assert summary[7].split() == ["Total", "4", "142", "6", "96"]


def test_run_without_rules_or_roster(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "run", str(tmp_path))
    assert (code, out) == (1, "")
    assert err == f"tidak ada berkas aturan (*.edaran) di {tmp_path}\n"
    shutil.copy(REPO / REFERENCE, tmp_path / "se.edaran")
    code, out, err = run(capsys, "run", "--lang", "en", str(tmp_path))
    assert (code, out) == (1, "")
    assert err == f"no roster (folder roster/) in {tmp_path}\n"


def test_run_names_the_clauses_of_the_files_own_limits(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Kabupaten Lembah Hijau caps WFH in its butir 9, not in a fixed "butir 4".
    target = tmp_path / "jadwal.csv"
    code, out, _ = run(
        capsys, "run", "--lang", "en", "examples/kab-lembah-hijau-2026", "--output", str(target)
    )
    assert code == 0
    lines = out.splitlines()
    assert "== Scheduling within the limits (butir 9): caps, floors, per-person limits" in lines
    assert not any("butir 4" in line for line in lines if line.startswith("=="))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_roster_with_no_employee_is_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    # It used to give an empty output and exit code 0 without a word.
    monkeypatch.chdir(tmp_path)
    shutil.copytree(REPO / ROSTER, "roster")
    Path("roster/pegawai.csv").write_text("nip,nama,unit,jenjang,jabatan\n", encoding="utf-8")
    code, out, err = run(
        capsys, "decide", "--lang", lang, str(REPO / REFERENCE),
        "--roster", "roster", "--from", "2026-04-10",
    )  # fmt: skip
    assert (code, out) == (1, "")
    check_golden(f"cli/roster-without-employees.{lang}.txt", err)


def test_roster_warnings_are_diagnostics_in_the_chosen_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # They came out as Python warnings (an internal path and line), in Indonesian only.
    shutil.copytree(REPO / ROSTER, tmp_path / "roster")
    staff = tmp_path / "roster" / "pegawai.csv"
    lines = staff.read_text(encoding="utf-8").splitlines()
    rows = [lines[0] + ",golongan"] + [line + ",III/a" for line in lines[1:]]
    staff.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, out, err = run(
        capsys, "decide", "--lang", "en", REFERENCE,
        "--roster", str(tmp_path / "roster"), "--from", "2026-04-10",
    )  # fmt: skip
    assert code == 0 and out.startswith("nip,")
    first = "warning[D012]: column 6 'golongan' is unknown and ignored"
    assert err.startswith(f"{first}\n --> {staff}:1")
    assert "RosterWarning" not in err and ".py:" not in err and "diabaikan" not in err


# ------------------------------------------------------------ bad usage
def test_no_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert "pemakaian: edaran" in usage_error(capsys)
    err = usage_error(capsys, "--lang", "en")
    assert "usage: edaran" in err
    assert "edaran: error: the following arguments are required: command" in err


def test_argparse_speaks_the_chosen_language(capsys: pytest.CaptureFixture[str]) -> None:
    err = usage_error(capsys, "check")
    assert err.endswith("edaran check: galat: argumen berikut wajib diberikan: files\n")
    err = usage_error(capsys, "check", "--lang=en")
    assert err.endswith("edaran check: error: the following arguments are required: files\n")
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "argumen posisi:" in out and "opsi:" in out
    assert "tampilkan bantuan ini lalu keluar" in out


def test_the_output_extension_chooses_the_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "kuota.csv"
    code, out, _ = run(capsys, "quota", REFERENCE, "--roster", ROSTER, "--output", str(target))
    assert (code, out) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("jenis,klausul,aturan,judul,unit,")
    err = usage_error(
        capsys,
        "decide",
        REFERENCE,
        "--roster",
        ROSTER,
        "--from",
        "2026-04-10",
        "--format",
        "csv",
        "--output",
        str(tmp_path / "x.xlsx"),
    )
    assert err.endswith(
        f"edaran: galat: --format csv tetapi --output {tmp_path / 'x.xlsx'} bernama format"
        " xlsx: samakan keduanya atau hapus --format\n"
    )
    err = usage_error(
        capsys,
        "--lang",
        "en",
        "quota",
        REFERENCE,
        "--roster",
        ROSTER,
        "--output",
        str(tmp_path / "k.ics"),
    )
    assert err.endswith(
        f"edaran: error: --output {tmp_path / 'k.ics'}: this command does not write that"
        " format; choose one of text, csv, json, xlsx with --format\n"
    )
    assert not (tmp_path / "k.ics").exists()


def test_unknown_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    assert "pilihan tidak sah: 'frobnicate'" in usage_error(capsys, "frobnicate")


@pytest.mark.parametrize("date", ["2026-13-01", "2026-02-30", "besok"])
def test_bad_from_date(capsys: pytest.CaptureFixture[str], date: str) -> None:
    err = usage_error(capsys, "decide", REFERENCE, "--roster", ROSTER, "--from", date)
    assert f"argumen --from: tanggal tidak sah / invalid date: {date!r}" in err


def test_missing_required_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert "--roster" in usage_error(capsys, "decide", REFERENCE, "--from", "2026-04-06")
    assert "--date" in usage_error(capsys, "explain", REFERENCE, "--roster", ROSTER, "--nip", ANDI)
    assert "pilihan tidak sah: 'fr'" in usage_error(capsys, "check", "--lang", "fr", REFERENCE)


# --------------------------------------------------- hostile input files
def garbage(seed: int, size: int = 4096, nul: bool = True) -> bytes:
    data = random.Random(seed).randbytes(size)
    return data if nul else data.replace(b"\x00", b"")


HOSTILE_RULES = {
    "random-bytes": garbage(1),
    "random-bytes-without-nul": garbage(2, nul=False),
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    "empty": b"",
    "enormous": b"# komentar\n" * 200_000,  # 2.2 MB
    "printable-noise": bytes(random.Random(3).choices(range(32, 127), k=4096)),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_RULES))
def test_hostile_rule_files(capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str) -> None:
    path = tmp_path / f"{case}.edaran"
    path.write_bytes(HOSTILE_RULES[case])
    for argv in (
        ["check", str(path)],
        ["test", "--lang", "en", str(path)],
        ["decide", str(path), "--roster", str(REPO / ROSTER), "--from", "2026-04-06"],
        [
            "explain",
            str(path),
            "--roster",
            str(REPO / ROSTER),
            "--nip",
            ANDI,
            "--date",
            "2026-04-06",
        ],
    ):
        code, out, err = run(capsys, *argv)
        assert code == 1
        shown = out + err
        assert "[E00" in shown and str(path) in shown


def test_missing_rule_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "tidak-ada.edaran")
    assert code == 1
    assert out.startswith("galat[E005]: berkas tidak dapat dibaca sebagai aturan: ")
    assert " --> tidak-ada.edaran:1:1" in out


HOSTILE_ROSTERS = {
    "random-bytes": garbage(4),
    "random-bytes-without-nul": garbage(5, nul=False),
    "binary": b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
    "empty": b"",
    "enormous": bytes(random.Random(6).choices(range(32, 127), k=2_000_000)),
}


@pytest.mark.parametrize("layout", ["directory", "flat"])
@pytest.mark.parametrize("case", sorted(HOSTILE_ROSTERS))
def test_hostile_rosters(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str, layout: str
) -> None:
    if layout == "directory":
        roster = tmp_path / "roster"
        roster.mkdir()
        (roster / "unit.csv").write_bytes(HOSTILE_ROSTERS[case])
        (roster / "pegawai.csv").write_bytes(HOSTILE_ROSTERS[case])
    else:
        roster = tmp_path / "pegawai.csv"
        roster.write_bytes(HOSTILE_ROSTERS[case])
    for argv in (
        ["decide", REFERENCE, "--roster", str(roster), "--from", "2026-04-06"],
        ["explain", REFERENCE, "--roster", str(roster), "--nip", ANDI, "--date", "2026-04-06"],
    ):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (1, "")
        assert "galat[D0" in err and str(roster) in err


def test_missing_roster(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "decide", "--lang", "en", REFERENCE, "--roster", "tidak-ada", "--from", "2026-04-06"
    )
    assert (code, out) == (1, "")
    assert err.startswith("error[D001]: file not found: tidak-ada\n")


def test_unwritable_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "tidak-ada" / "keputusan.csv"
    code, out, err = run(
        capsys, "decide", REFERENCE, "--roster", ROSTER, "--from", "2026-04-06",
        "--output", str(target),
    )  # fmt: skip
    assert (code, out) == (1, "")
    assert str(target) in err


def test_a_long_flat_condition_gives_no_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    conjunction = " dan ".join(["hari adalah Jumat"] * 1000)
    path = tmp_path / "panjang.edaran"
    path.write_text(
        'surat_edaran "1":\n    berlaku 2026-04-01\n'
        "butir 1, bawaan: moda_kerja adalah WFO\n"
        f"butir 2: moda_kerja adalah WFH jika {conjunction}\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check", str(path))
    assert (code, out) == (0, f"{path}: bersih (2 aturan, 0 contoh)\n")


# ------------------------------------------------------- module entry
def test_python_dash_m_edaran() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "edaran", "check", "--lang", "en", REFERENCE, SEVERAL_PROBLEMS],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout.startswith(f"{REFERENCE}: clean ({HOLDS_EN})\n")
    assert "error[E101]: unknown name 'Jumaat'" in done.stdout
    assert "Traceback" not in done.stderr
    usage = subprocess.run(
        [sys.executable, "-m", "edaran"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert usage.returncode == 2
    assert "pemakaian: edaran" in usage.stderr


def test_roster_from_a_named_excel_sheet(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import openpyxl

    flat = REPO / "tests/data/roster/good_flat.csv"
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    first.title = "Petunjuk"
    first.append(["Lembar Data berisi daftar pegawai"])
    data = workbook.create_sheet("Data")
    with flat.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            data.append(row)
    workbook.save(tmp_path / "simpeg.xlsx")
    common = ["decide", REFERENCE, "--from", "2026-04-06", "--to", "2026-04-07"]
    from_csv = run(capsys, *common, "--roster", str(flat))
    from_excel = run(capsys, *common, "--roster", f"{tmp_path / 'simpeg.xlsx'}#Data")
    assert from_excel == from_csv and from_csv[0] == 0
    code, out, err = run(capsys, *common, "--roster", f"{tmp_path / 'simpeg.xlsx'}#data")
    assert (code, out) == (1, "")
    assert "galat[D070]" in err and "'Data'" in err
