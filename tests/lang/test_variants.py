"""Variants: a circular that extends another (issue 6, first part)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from edaran import Circular, EdaranError, Employee, Unit, render_all
from golden import check_golden
from paths import DATA as TEST_DATA
from paths import REPO

DATA = TEST_DATA / "variants"
STAFF = Employee("198001012005011001", "Ani", Unit("BAPPEDA", "Bappeda"))
CLINIC = Employee("198502152010012002", "Budi", Unit("PUSKESMAS", "Puskesmas", layanan_publik=True))


def load(name: str) -> Circular:
    return Circular.load(DATA / f"{name}.edaran")


def test_a_child_replaces_a_rule_and_keeps_the_rest() -> None:
    child = load("anak")
    assert [r.id for r in child.program.rules] == ["butir 1", "butir 2", "butir 6"]
    thursday, friday = dt.date(2026, 5, 7), dt.date(2026, 5, 8)
    assert child.decide(STAFF, thursday).value == "WFH"
    assert child.decide(STAFF, friday).value == "WFO"
    assert child.decide(CLINIC, thursday).rule == "butir 6"
    # The header is the child's (its own date in force); what it leaves out is the parent's.
    header = child.program.header
    assert (header.number, header.effective_from, header.evaluation_months) == (
        "KAB/2026",
        dt.date(2026, 5, 1),
        2,
    )


def test_citations_stay_truthful() -> None:
    child = load("anak")
    origins = {r.id: r.origin for r in child.program.rules}
    assert origins == {
        "butir 1": "NASIONAL/2026",
        "butir 2": "KAB/2026",
        "butir 6": "NASIONAL/2026",
    }
    inherited = child.explain(CLINIC, dt.date(2026, 5, 7))
    own = child.explain(STAFF, dt.date(2026, 5, 7))
    assert inherited.circular == "SE NASIONAL/2026"
    assert own.circular == "SE KAB/2026"


def test_the_parents_examples_are_not_inherited() -> None:
    assert [e.title for e in load("anak").program.examples] == [
        "Kamis WFH di kabupaten",
        "Jumat WFO di kabupaten",
        "Layanan publik tetap WFO pada Kamis",
    ]


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("menghapus", ["E141", "E104"]),
        ("melemahkan", ["E142"]),
        ("lingkar-a", ["E140"]),
        ("tanpa-induk", ["E145", "E005"]),
    ],
)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_guardrails_and_broken_chains(
    name: str, codes: list[str], lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    with pytest.raises(EdaranError) as raised:
        Circular.load(Path("tests/data/variants") / f"{name}.edaran")
    assert [d.code for d in raised.value.diagnostics] == codes
    text = render_all(raised.value.diagnostics, lang)  # type: ignore[arg-type]
    check_golden(f"variants/{name}.{lang}.txt", text.replace(str(Path.cwd()) + "/", ""))


def test_remove_without_extends_is_refused() -> None:
    text = (
        'surat_edaran "1":\n    berlaku 2026-04-01\n'
        "hapus butir 2\nbutir 1, bawaan: moda_kerja adalah WFO\n"
    )
    with pytest.raises(EdaranError) as raised:
        Circular.from_text(text)
    assert [d.code for d in raised.value.diagnostics] == ["E144"]
