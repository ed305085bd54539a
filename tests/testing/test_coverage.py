"""Clause coverage: ``edaran test --coverage``, ``--min-coverage`` and the JSON figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from edaran.cli import main
from edaran.engine.circular import Circular
from edaran.testing.coverage import clause_coverage
from edaran.testing.runner import run_examples
from golden import check_golden, check_golden_json
from paths import DATA, EXAMPLES, REFERENCE, REPO, TEMPLATES

PARTIAL = "tests/data/rules/coverage/sebagian.edaran"
CHILD = "tests/data/rules/coverage/anak.edaran"

#: every rule file shipped: the examples, the templates and the template package
SHIPPED = sorted(
    [
        *EXAMPLES.glob("*/*.edaran"),
        *EXAMPLES.glob("*/*/*.edaran"),
        *TEMPLATES.glob("*.edaran"),
    ]
)


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("EDARAN_LANG", raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out and "Traceback" not in err
    return code, out, err


def coverage_of(path: Path | str):  # type: ignore[no-untyped-def]
    circular = Circular.load(path)
    return clause_coverage(circular, run_examples(circular), str(path))


def roles(coverage, label: str) -> set[str]:  # type: ignore[no-untyped-def]
    block = next(b for b in coverage.blocks if b.label == label)
    return {role for _, role, _ in block.examples}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_rule_file_is_fully_covered(path: Path) -> None:
    coverage = coverage_of(path)
    assert [b.label for b in coverage.own if not b.covered] == []
    assert coverage.percent == 100


def test_the_reference_circular_in_every_role() -> None:
    coverage = coverage_of(REFERENCE)
    assert coverage.total == 24
    assert coverage.covered == 24
    assert all(b.own for b in coverage.blocks)
    assert roles(coverage, "butir 2") == {"decides", "overridden"}
    assert roles(coverage, "butir 11") == {"decides", "overridden"}
    assert roles(coverage, "butir 4") == {"limit"}
    assert roles(coverage, "butir 10.b") == {"duty"}
    assert roles(coverage, "butir 10.a") == {"duty"}
    assert roles(coverage, "butir 10.c") == {"breach"}
    assert roles(coverage, "butir 10.d[berulang]") == {"sanction"}
    assert roles(coverage, "butir 8[dalam_negeri]") == {"quota"}
    assert roles(coverage, "butir 7") == {"target"}
    assert roles(coverage, "butir 13") == {"report"}
    # both lines of the batas are one block, listed at its first line
    assert [b.span.line for b in coverage.blocks if b.label == "butir 4"] == [74]


def test_a_rule_overridden_names_the_example() -> None:
    coverage = coverage_of(REFERENCE)
    block = next(b for b in coverage.blocks if b.label == "butir 12.a")
    assert [(title, role) for title, role, _ in block.examples] == [
        ("Staf BPBD pada hari Jumat tetap WFO (butir 12.a)", "decides"),
        (
            "Kepala BPBD (JPT Pratama) pada hari Jumat tetap WFO: butir 12 mengalahkan butir 11",
            "decides",
        ),
    ]


def test_partial_coverage_lists_what_no_example_touches() -> None:
    coverage = coverage_of(PARTIAL)
    assert (coverage.covered, coverage.total, str(coverage.percent)) == (2, 4, "50.0")
    assert coverage.to_dict()["uncovered"] == ["butir 3", "butir 4"]


def test_a_variant_counts_only_its_own_butir() -> None:
    coverage = coverage_of(CHILD)
    assert [b.label for b in coverage.own] == ["butir 5"]
    assert [b.label for b in coverage.blocks if not b.own] == [
        "butir 1",
        "butir 2",
        "butir 3",
        "butir 4",
    ]
    assert roles(coverage, "butir 1") == {"overridden"}
    assert coverage.percent == 100


def test_an_amendment_lists_the_version_it_amends() -> None:
    coverage = coverage_of(DATA / "lifecycle" / "se-perubahan-1.edaran")
    assert [(b.label, b.own) for b in coverage.blocks] == [
        ("butir 3", True),
        ("butir 1", False),
        ("butir 2", False),
    ]
    assert coverage.percent == 100


@pytest.mark.parametrize("lang", ["id", "en"])
def test_text_report_golden(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    code, out, err = run(capsys, "test", "--coverage", "--lang", lang, PARTIAL, CHILD)
    assert code == 0
    assert err == ""
    check_golden(f"coverage/text.{lang}.txt", out)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_min_coverage_fails_below(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    code, out, _ = run(capsys, "test", "--lang", lang, "--min-coverage", "60", PARTIAL)
    assert code == 1
    last = out.splitlines()[-1]
    check_golden(f"coverage/below.{lang}.txt", last)
    assert run(capsys, "test", "--min-coverage", "50", PARTIAL)[0] == 0


def test_min_coverage_is_exact() -> None:
    coverage = coverage_of(PARTIAL)
    from decimal import Decimal

    assert coverage.meets(Decimal(50))
    assert not coverage.meets(Decimal("50.01"))


@pytest.mark.parametrize("bad", ["101", "-1", "abc", "nan"])
def test_min_coverage_must_be_a_percent(capsys: pytest.CaptureFixture[str], bad: str) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["test", "--min-coverage", bad, PARTIAL])
    assert caught.value.code == 2
    assert "not a percent" in capsys.readouterr().err


def test_json_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "test", "--format", "json", "--min-coverage", "75", PARTIAL)
    assert code == 1
    assert "50% di bawah --min-coverage 75%" in err
    check_golden_json("coverage/partial.json", out, "test")
    data = json.loads(out)
    assert data["files"][0]["coverage"]["percent"] == "50"


def test_json_without_coverage_has_no_figures(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "test", "--format", "json", PARTIAL)
    assert code == 0
    assert "coverage" not in json.loads(out)["files"][0]
