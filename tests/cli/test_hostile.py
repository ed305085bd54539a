"""Every reproducer of issue 17 is answered with a diagnostic, never a traceback.

The inputs are in ``tests/data/hostile/`` as they were reported (crashes from
mutation and grammar fuzzing, unbounded reads, hidden conflicts, an amendment
that removes a rule).  Each failed before its fix: an exception escaped
(exit 1 with a traceback), a read never ended, or ``check`` called a file
clean that conflicts at run time.  Now each gets its own code, the exit
code says what happened (0 clean, 1 problems in the input, 2 usage, 3 an
internal error), and no input reaches the internal-error path.
``benchmarks/hostile.py`` measures the time and memory of each.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import stat
from pathlib import Path

import pytest

from edaran.cli import main
from edaran.core.files import set_parent_root
from edaran.engine import Circular
from edaran.io import load_roster, read_records
from paths import DATA, EXAMPLES

HOSTILE = DATA / "hostile"
cli_main = importlib.import_module("edaran.cli.main")
INTERNAL = "internal error"

#: rule file -> the code ``edaran check`` answers with (None: the file is clean)
CHECKED = {
    "crash-01-date-plus-days-overflow": "E116",
    "crash-02-date-plus-months-year-out-of-range": "E006",
    "crash-03-runtime-date-overflow-check-says-clean": None,
    "crash-04-evaluation-every-huge-months": "E010",
    "crash-05-duration-too-large": "E006",
    "crash-06-integer-5000-digits": "E008",
    "crash-07-holiday-range-whole-calendar": None,
    "crash-08-table-default-unknown-name-in-limit": "E101",
    "crash-09-estimate-example-wrong-type-stopiteration": "E203",
    "crash-10-evaluation-huge-in-examples": "E010",
    "crash-11-example-staff-count-huge": "E127",
    "crash-12-record-example-unit-code": None,
    "crash-13-block-window-two-thousand-years": "E226",
    "crash-14-attendance-duty-reads-a-contact": "E122",
    "crash-18d12bfa-min": "E101",
    "crash-33e37d30-min": "E010",
    "crash-6b3b7311-min": "E203",
    "crash-da190094-min": "E006",
    "unicode-digit-clause": "E009",
    "soundness/date-parameter": "E302",
    "soundness/set-parameter": "E302",
}


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("EDARAN_HARI_INI", "2026-04-15")
    monkeypatch.setenv("EDARAN_CRASH_DIR", str(tmp_path))
    set_parent_root(None)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["--lang", "en", *argv])
    out, err = capsys.readouterr()
    assert INTERNAL not in out + err
    assert "Traceback" not in out + err
    return code, out + err


@pytest.mark.parametrize("name", sorted(CHECKED))
def test_check_answers_with_a_diagnostic(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run(capsys, "check", str(HOSTILE / f"{name}.edaran"))
    expected = CHECKED[name]
    if expected is None:
        assert code == 0, text
        assert ": clean (" in text
    else:
        assert code == 1, text
        assert f"error[{expected}]" in text
    test_code, text = run(capsys, "test", str(HOSTILE / f"{name}.edaran"))
    assert test_code in (0, 1), text


def test_a_date_that_overflows_at_run_time_names_the_rule(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rule = HOSTILE / "crash-03-runtime-date-overflow-check-says-clean.edaran"
    roster = EXAMPLES / "kab-lembah-hijau-2026" / "roster"
    code, text = run(capsys, "decide", str(rule), "--roster", str(roster), "--from", "2026-04-10")
    assert code == 1
    assert "error[E504]: value out of range in butir 2: 2026-04-10 + 3000000 hari" in text


def test_a_holiday_range_over_the_whole_calendar_is_a_range() -> None:
    circular = Circular.load(HOSTILE / "crash-07-holiday-range-whole-calendar.edaran")
    assert circular.calendar.day(dt.date(2026, 4, 10)).libur_daerah


def test_an_example_of_a_per_record_rule_builds_the_unit_from_its_code(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The two examples differ only in the unit's code, and expect opposite answers.
    code, text = run(capsys, "test", str(HOSTILE / "crash-12-record-example-unit-code.edaran"))
    assert code == 0, text
    assert "2 passed, 0 failed" in text


def test_an_amendment_removing_a_rule_runs_its_examples(capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run(capsys, "test", str(HOSTILE / "amendment" / "cabut.edaran"))
    assert code == 0
    assert "1 passed, 0 failed" in text


# ------------------------------------------------------------ unbounded
def test_a_parent_that_is_a_device_is_not_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rule = tmp_path / "z.edaran"
    rule.write_text('surat_edaran "Z":\n    memperluas "/dev/zero"\n    berlaku 2026-04-01\n')
    code, text = run(capsys, "check", str(rule))
    assert code == 1
    assert "error[E012]" in text


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_parent_or_sibling_that_is_a_fifo_or_a_device_link_is_never_opened(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    os.mkfifo(tmp_path / "fifo.edaran")
    (tmp_path / "zz.edaran").symlink_to("/dev/zero")
    rule = tmp_path / "anak.edaran"
    rule.write_text('surat_edaran "Z":\n    memperluas "fifo.edaran"\n    berlaku 2026-04-01\n')
    code, text = run(capsys, "check", str(rule))
    assert code == 1
    assert "error[E145]" in text and "not a regular file" in text
    assert stat.S_ISFIFO(os.stat(tmp_path / "fifo.edaran").st_mode)
    # A good file beside them, due for evaluation: the siblings are passed over.
    good = tmp_path / "se.edaran"
    good.write_text((EXAMPLES / "sumsel-2026" / "se-800.1-1230-BKD.I-2026.edaran").read_text())
    code, text = run(capsys, "check", str(good), "--hari-ini", "2026-07-01")
    assert code == 0
    assert "warning[W148]" in text


def test_a_parent_outside_the_root_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    province = tmp_path / "provinsi"
    regency = tmp_path / "kabupaten"
    province.mkdir()
    regency.mkdir()
    parent = EXAMPLES / "sumsel-2026" / "se-800.1-1230-BKD.I-2026.edaran"
    (province / "se.edaran").write_text(parent.read_text(encoding="utf-8"), encoding="utf-8")
    child = regency / "se.edaran"
    child.write_text(
        'surat_edaran "K/1":\n    memperluas "../provinsi/se.edaran"\n    berlaku 2026-04-02\n'
    )
    code, text = run(capsys, "check", str(child))
    assert code == 0, text  # a province's folder beside the regency's: normal use
    code, text = run(capsys, "--root", str(regency), "check", str(child))
    assert code == 1
    assert "error[E013]" in text
    # Templates by name stay allowed under --root.
    by_name = regency / "nasional.edaran"
    by_name.write_text(
        'surat_edaran "K/2":\n    memperluas "nasional-2026"\n    berlaku 2026-04-02\n'
    )
    code, text = run(capsys, "--root", str(regency), "check", str(by_name))
    assert "E013" not in text


def test_compiled_code_grows_linearly_with_a_chain_of_exceptions(tmp_path: Path) -> None:
    def chain(n: int) -> str:
        lines = ['surat_edaran "1/2026":', "    berlaku 2026-04-01", ""]
        lines += ["butir 1, bawaan:", "    moda_kerja adalah WFO", ""]
        for i in range(n):
            lines += [f"butir {i + 2}, pengecualian atas butir {i + 1}:"]
            lines += ["    moda_kerja adalah WFH", "    jika hari adalah Jumat"]
        return "\n".join(lines) + "\n"

    sizes = {}
    for n in (100, 400):
        circular = Circular.from_text(chain(n), static_conflicts=False)
        sizes[n] = len(circular.compiled.sources["moda_kerja"])
    assert sizes[400] < 4.5 * sizes[100]  # linear (quadratic would be 16 times)


@pytest.mark.parametrize("name", ["x_laughs", "x_truncated", "x_zip_not_xlsx"])
def test_malformed_workbooks_get_a_diagnostic(name: str, tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    target = tmp_path / "perjalanan.xlsx"
    target.write_bytes((HOSTILE / "unbounded" / f"{name}.xlsx").read_bytes())
    roster = load_roster(DATA / "roster" / "good")
    _, diagnostics = read_records(target, "perjalanan", roster=roster)
    assert diagnostics and diagnostics[0].code in ("D002", "D140")


def test_a_cr_only_file_reads_as_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    rule = tmp_path / "cr.edaran"
    text = (
        'surat_edaran "1":\n    berlaku 2026-04-01\n\nbutir 1, bawaan:\n    moda_kerja adalah WFO\n'
    )
    rule.write_bytes(text.replace("\n", "\r").encode())
    code, out = run(capsys, "check", str(rule))
    assert code == 0 and "clean (1 rule" in out


# ------------------------------------------------------------ exit codes
def _broken_command(args: object, lang: str) -> int:
    raise ValueError("NIP 198001012006041001 Budi")  # personal data in the text


def test_exit_codes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert (
        run(capsys, "check", str(EXAMPLES / "sumsel-2026" / "se-800.1-1230-BKD.I-2026.edaran"))[0]
        == 0
    )
    assert run(capsys, "check", str(HOSTILE / "crash-01-date-plus-days-overflow.edaran"))[0] == 1
    with pytest.raises(SystemExit) as usage:
        main(["check"])
    assert usage.value.code == 2
    capsys.readouterr()
    with pytest.raises(SystemExit) as version:
        main(["--version"])
    assert version.value.code == 0
    assert capsys.readouterr().out.startswith("edaran ")

    # Commands are looked up by module and name: point "check" at one that fails.
    monkeypatch.setitem(cli_main._COMMANDS, "check", (__name__, "_broken_command"))
    code = main(["--lang", "en", "check", "x.edaran"])
    err = capsys.readouterr().err
    assert code == 3
    assert err.startswith("internal error in edaran (not a problem in your input)")
    (report,) = tmp_path.glob("edaran-galat-*.txt")
    text = report.read_text(encoding="utf-8")
    assert "builtins.ValueError" in text and "command: check" in text
    assert "Budi" not in text and "198001012006041001" not in text


def test_root_and_size_limit_hold_for_one_command_only(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # The next command in the same process (a test, a program embedding main) is not
    # confined by the previous one's --root nor limited by its --max-rule-bytes.
    from edaran.core.files import parent_root, rule_limit

    before = (parent_root(), rule_limit())
    rule = tmp_path / "se.edaran"
    rule.write_text((EXAMPLES / "sumsel-2026" / "se-800.1-1230-BKD.I-2026.edaran").read_text())
    code, _ = run(capsys, "--root", str(tmp_path), "--max-rule-bytes", "100", "check", str(rule))
    assert code == 1
    assert (parent_root(), rule_limit()) == before
    code, text = run(capsys, "check", str(rule))
    assert code == 0, text
