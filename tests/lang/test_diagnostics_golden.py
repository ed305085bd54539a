"""Rendered diagnostics, pinned in golden files, one rule file per case and language.

Each case is ``tests/data/rules/<CODE>-<what>.edaran``; its rendering is in
``tests/golden/diagnostics/<CODE>-<what>.{id,en}.txt``.  Run
``pytest --update-golden`` after a deliberate change and read the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from edaran.core import Diagnostic, EdaranError, Severity, render_all
from edaran.lang import check, parse, parse_file, resolve
from edaran.messages import catalogue_keys
from edaran.model.calendar import holidays_version
from golden import check_golden
from paths import REPO

RULES = Path("tests/data/rules")
REFERENCE = Path("examples/sumsel-2026/se-800.1-1230-BKD.I-2026.edaran")
CASES = sorted(p.stem for p in (REPO / RULES).glob("*.edaran"))

#: The settlement the reference circular writes for the circular's own 11-against-12 case.
SETTLEMENT = (
    'butir 12.a "Badan Penanggulangan Bencana Daerah tetap WFO", '
    "pengecualian atas butir 2, butir 11:"
)

UNSETTLED = 'butir 12.a "Badan Penanggulangan Bencana Daerah tetap WFO", pengecualian atas butir 2:'
#: The reference circular without the settlement, under a name of its own.
UNSETTLED_NAME = "se-800.1-1230-BKD.I-2026-tanpa-butir-11-pada-12.a.edaran"

#: Codes that no rule file can make the checker report, and why.
NOT_FROM_A_RULE_FILE = {
    # Run time: decisions, not checking (tested in tests/engine/test_engine.py).
    "E501": "conflict found while deciding (static_conflicts=False)",
    "E502": "no applicable rule while deciding",
    "E503": "evaluation error while deciding (division by zero, month clamp)",
    "E504": "a value out of range while deciding (tested in tests/cli/test_hostile.py)",
    # A parent outside the folder of --root (tested in tests/cli/test_hostile.py).
    "E013": "a parent outside the --root folder",
    # The command line: a file the operating system refuses (tested in tests/cli/test_cli.py).
    "E007": "a file that cannot be read or written",
    # Variants: a child and its parent file (tested in tests/lang/test_variants.py).
    "E140": "circulars that extend each other in a circle",
    "E141": "a variant removing or replacing a binding rule",
    "E142": "a variant's exception overriding a binding rule",
    "E145": "a parent circular that cannot be read",
    # Lifecycle: an amendment and its circular (tested in tests/variants/test_lifecycle.py).
    "E147": "an amendment taking effect outside the force of the circular it amends",
    "W148": "an evaluation due with no newer version (edaran check, as of a day)",
    # Scheduling: they need a roster (tested in tests/scheduling/test_scheduler.py and tests/cli/).
    "E121": "a unit in a per-unit table that the roster does not have",
    "W401": "a floor above the headcount of a unit on a day",
    # Tables from files: read when a circular is loaded (tested, with golden files, in
    # tests/engine/test_table_files.py); edaran.lang.check alone reports E175.
    "E171": "a table file that is no .csv, .xlsx or .xlsm file",
    "E172": "a table file outside the --root folder",
    "E173": "a table file that cannot be read",
    "E174": "a cell of a table file that is no value",
    # A roster: a NIP of the rule file the roster does not hold (tests/engine/test_identifiers.py).
    "W165": "a NIP named in the rule file that the roster does not have",
    # The formatter: edaran fmt --check on a file laid out otherwise (goldens from
    # tests/data/fmt/E700-not-formatted.edaran in tests/authoring/test_fmt.py).
    "E700": "a rule file not in the canonical layout (edaran fmt --check)",
    "W180": "two limits that clash on a unit and day (tests/scheduling/test_mode_sets.py)",
    "W181": "a limit the rules let nobody be moved to meet (tests/scheduling/test_mode_sets.py)",
    # The SQL engine: a rule file checks, and edaran sql or --engine duckdb refuses it
    # (tested, with golden files, in tests/population/test_refusals.py).
    **{f"E8{n:02d}": "what the SQL engine cannot express yet" for n in range(12)},
    # edaran import: a reviewed workbook, not a rule file (goldens in both languages from
    # workbooks made in tests/review/test_import.py).
    **{
        f"E71{n}": "a reviewed workbook edaran import cannot use"
        for n in (*range(5), *range(6, 10))
    },
}
# The HTTP service's errors: requests, not rule files (goldens in both languages from a real
# server in tests/service/test_service.py::test_every_error_golden).
NOT_FROM_A_RULE_FILE.update(
    {
        code: "an error of the HTTP service"
        for code in catalogue_keys()
        if code.startswith("E6") and not "E615" <= code <= "E629"  # E615-E629: duties
    }
)
# Attendance at run time: a roster without addresses (tests/discipline/test_attendance.py).
NOT_FROM_A_RULE_FILE["W615"] = "people without a registered address, while running"


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    # Paths in golden files are relative to the checkout.
    monkeypatch.chdir(REPO)


def diagnostics_of_file(path: Path) -> list[Diagnostic]:
    try:
        module = parse_file(path)
    except EdaranError as err:
        return err.diagnostics
    module, merging = resolve(module, path)  # a variant's own problems come first
    if merging:
        return merging
    return check(module)[1]


def unsettled_reference() -> str:
    text = (REPO / REFERENCE).read_text(encoding="utf-8")
    assert text.count(SETTLEMENT) == 1
    return text.replace(SETTLEMENT, UNSETTLED)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_golden_diagnostics(case: str, lang: str) -> None:
    diagnostics = diagnostics_of_file(RULES / f"{case}.edaran")
    code = case.split("-")[0]
    assert code in {d.code for d in diagnostics}
    # W149 names the installed holidays release: the golden file does not.
    text = render_all(diagnostics, lang).replace(f"holidays {holidays_version()}", "holidays X")
    check_golden(f"diagnostics/{case}.{lang}.txt", text)


@pytest.mark.parametrize("case", CASES)
def test_each_case_shows_exactly_its_own_problem(case: str) -> None:
    code = case.split("-")[0]
    assert [d.code for d in diagnostics_of_file(RULES / f"{case}.edaran")] == [code]


def test_the_reference_circular_checks_clean() -> None:
    program, diagnostics = check(parse_file(REFERENCE))
    assert program is not None
    assert diagnostics == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_removing_the_settlement_of_butir_11_and_12a_is_a_static_conflict(lang: str) -> None:
    program, diagnostics = check(parse(unsettled_reference(), UNSETTLED_NAME))
    assert program is None
    (conflict,) = diagnostics
    assert conflict.code == "E302"
    assert conflict.args["first"] == "butir 11"
    assert conflict.args["second"] == "butir 12.a"
    text = render_all(diagnostics, lang)
    assert "butir 11" in text and "butir 12.a" in text
    check_golden(f"diagnostics/E302-static-conflict.{lang}.txt", text)


def test_every_error_and_warning_code_has_a_golden_case() -> None:
    catalogued = {key for key in catalogue_keys() if key[0] in "EW" and key[1:].isdigit()}
    covered = {case.split("-")[0] for case in CASES} | {"E302"}
    assert not covered & set(NOT_FROM_A_RULE_FILE)
    assert catalogued - covered == set(NOT_FROM_A_RULE_FILE)


def test_warnings_do_not_stop_a_program() -> None:
    program, diagnostics = check(parse_file(RULES / "W306-missing-default.edaran"))
    assert program is not None
    assert [d.severity for d in diagnostics] == [Severity.WARNING]
