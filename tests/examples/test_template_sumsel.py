"""The shipped provincial template ``sumsel-2026``: SE Gubernur Sumatera Selatan
800.1/1230/BKD.I/2026 restated as an extension of ``nasional-2026``.

It must decide exactly as the standalone reference file in
``examples/sumsel-2026``: the work mode of every employee of the bundled
roster on every day from 2026-03-30 to 2026-07-31 (the whole roster, about
0.5 s per file), and, on a sample of units (the whole roster takes about 3 s
per file to schedule), the schedule counts per unit and day under the
``batas`` of butir 4 and the breaches and sanctions of the contact log.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import zoneinfo
from collections import Counter
from pathlib import Path

import pytest

import edaran
from edaran.cli import main
from edaran.discipline import run_discipline
from edaran.io import read_contacts
from edaran.lang import template_names
from edaran.scheduling import schedule
from edaran.variants import diff_clauses
from paths import SUMSEL, TEMPLATES

TEMPLATE = TEMPLATES / "sumsel-2026.edaran"
EXAMPLE = SUMSEL

FIRST, LAST = dt.date(2026, 3, 30), dt.date(2026, 7, 31)
NATIONAL_NUMBER = "800.1.5/3349/SJ"
PROVINCE_NUMBER = "800.1/1230/BKD.I/2026"

#: Units for the schedule and discipline comparisons: every proportion of
#: PROPORSI_WFH (40%, 50%, 60%, the 100% default), a JPT Madya (SETDA), units
#: of butir 12 (BPBD, a hospital, a school, a Samsat office), a public service
#: of butir 6 (a social home) and a UPT of the education office that is no school.
SAMPLE_UNITS = {
    "SETDA",
    "BAPPEDA",
    "BPKAD",
    "INSPEKTORAT",
    "BAPENDA",
    "UPTB_SAMSAT_PLG1",
    "BPBD",
    "RS_EB",
    "DISDIK",
    "SMAN1_PLG",
    "UPT_BTKP",
    "UPT_PSTW",
}


def run_cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(list(args))
    return code, out.getvalue()


@pytest.fixture(scope="module")
def template() -> edaran.Circular:
    return edaran.Circular.load(TEMPLATE)


@pytest.fixture(scope="module")
def roster(sample_roster: edaran.Roster) -> edaran.Roster:
    """The example's roster, read once for the whole run (``conftest.py``)."""
    return sample_roster


@pytest.fixture(scope="module")
def sample(roster: edaran.Roster) -> list[edaran.Employee]:
    return [e for e in roster.employees if e.unit.kode in SAMPLE_UNITS]


def test_template_is_shipped_checks_and_passes_its_examples(template: edaran.Circular) -> None:
    assert "sumsel-2026" in template_names()
    assert template.number == PROVINCE_NUMBER
    assert template.warnings == []
    results = edaran.run_examples(template)
    assert len(results) == 46
    assert all(r.passed for r in results), [r for r in results if not r.passed]
    for command in ("check", "test"):
        code, text = run_cli(command, str(TEMPLATE))
        assert code == 0, text


def test_what_it_inherits_replaces_removes_and_adds() -> None:
    national = edaran.Circular.load(TEMPLATES / "nasional-2026.edaran")
    changes = {
        (str(c.kind), c.what, c.key) for c in diff_clauses(national, edaran.Circular.load(TEMPLATE))
    }
    removed = {key for kind, _, key in changes if kind == "removed"}
    assert removed == {
        "butir 1",
        "butir 3",
        "butir 5",
        "butir 6[tak_terjawab]",
        "butir 6[terlambat]",
        "butir 7[lisan]",
        "butir 7[tertulis]",
        "butir 7[berulang]",
    }
    # The province's vehicle quota does not count electric cars either.
    changed = {(what, key) for kind, what, key in changes if kind == "changed"}
    assert changed == {("set", "PIMPINAN_TINGGI"), ("quota", "butir 9")}
    added = {(what, key) for kind, what, key in changes if kind == "added"}
    assert {("rule", "butir 1.a"), ("rule", "butir 6"), ("rule", "butir 11")} <= added
    assert {("target", "butir 7"), ("checklist", "butir 10.a"), ("report", "butir 13")} <= added
    assert ("limit", "butir 4#1") in added
    # Inherited unchanged: butir 2, the binding butir 4, HARI_WFH, BATAS_RESPON.
    untouched = {"butir 2", "butir 4", "HARI_WFH", "BATAS_RESPON"}
    assert not {key for _, what, key in changes if what != "limit"} & untouched


def test_same_work_mode_as_the_reference_for_the_whole_roster(
    template: edaran.Circular, reference: edaran.Circular, roster: edaran.Roster
) -> None:
    ours = [(d.nip, d.date, d.value) for d in template.decide_many(roster.employees, FIRST, LAST)]
    theirs = [
        (d.nip, d.date, d.value) for d in reference.decide_many(roster.employees, FIRST, LAST)
    ]
    assert len(ours) == len(roster) * ((LAST - FIRST).days + 1)
    assert ours == theirs
    # Every mode occurs, so the comparison is not vacuous.
    assert {"WFO", "WFH", "WFA", "LIBUR", "TIDAK_BERLAKU"} <= {v for *_, v in ours}


def test_same_schedule_counts_per_unit_and_day(
    template: edaran.Circular, reference: edaran.Circular, sample: list[edaran.Employee]
) -> None:
    first, last = dt.date(2026, 4, 1), dt.date(2026, 5, 31)  # one evaluation period

    def counts(circular: edaran.Circular) -> tuple[Counter[tuple[str, dt.date, str]], set[str]]:
        made = schedule(circular, sample, first, last)
        assert made.warnings == ()
        capped = {a.unit for a in made if a.why == "cap"}
        return Counter((a.unit, a.date, a.mode) for a in made), capped

    ours, capped = counts(template)
    assert (ours, capped) == counts(reference)
    # The cap of butir 4 bites, so the comparison is not vacuous.
    assert {"BPKAD", "BAPENDA", "INSPEKTORAT"} <= capped
    assert ours[("BPKAD", dt.date(2026, 4, 10), "WFH")] > 0


def test_same_discipline_results(
    template: edaran.Circular, reference: edaran.Circular, sample: list[edaran.Employee]
) -> None:
    nips = {e.nip for e in sample}
    wib = zoneinfo.ZoneInfo("Asia/Jakarta")
    contacts, problems = read_contacts(EXAMPLE / "kontak.csv", tz=wib)
    assert not any(d.is_error for d in problems)
    contacts = [c for c in contacts if c.nip in nips]
    ours = run_discipline(template, sample, contacts)
    assert ours == run_discipline(reference, sample, contacts)
    assert ours.breaches and ours.sanctions
    assert {s.clause for s in ours.sanctions} == {"butir 10.d"}


def _employee(roster: edaran.Roster, unit: str, level: str) -> edaran.Employee:
    return next(
        e
        for e in roster.employees
        if e.unit.kode == unit
        and e.jenjang.name == level
        and (e.capaian_kinerja is None or e.capaian_kinerja >= 80)
    )


def test_explanations_cite_the_circular_that_wrote_the_rule(
    template: edaran.Circular, roster: edaran.Roster
) -> None:
    friday = dt.date(2026, 4, 10)
    # Inherited from the national template (butir 2): cites SE Mendagri.
    staff = _employee(roster, "BAPPEDA", "PELAKSANA")
    lines = template.explain(staff, friday).render("en").splitlines()
    assert lines[1] == (
        'Decided by butir 2 "WFH 1 (satu) hari kerja dalam 1 (satu) minggu" '
        f"(SE {NATIONAL_NUMBER})."
    )
    # Provincial rules cite the province.
    head = _employee(roster, "BAPPEDA", "JPT_PRATAMA")
    lines = template.explain(head, friday).render("en").splitlines()
    assert lines[1] == (
        'Decided by butir 11 "Pejabat Pimpinan Tinggi Madya dan Pratama dikecualikan dari WFH '
        f'dan melaksanakan WFA" (SE {PROVINCE_NUMBER}).'
    )
    thursday = template.explain(staff, dt.date(2026, 4, 9)).render("id").splitlines()
    assert thursday[1] == (
        'Aturan bawaan butir 1.a "Tugas kedinasan di kantor (work from office/WFO)" '
        f"(SE {PROVINCE_NUMBER}): tidak ada aturan lain yang berlaku."
    )
    # A public service: the provincial butir 6 decides over the binding national butir 4.
    home = next(e for e in roster.employees if e.unit.kode == "UPT_PSTW")
    explanation = template.explain(home, friday)
    assert explanation.decision.clause == "butir 6"
    assert explanation.render("en").splitlines()[1] == (
        'Decided by butir 6 "Unit pelayanan publik langsung tetap melaksanakan WFO" '
        f"(SE {PROVINCE_NUMBER})."
    )
    assert "butir 4" in explanation.applied


def test_the_binding_rule_stays_binding_for_a_regency() -> None:
    text = (
        'surat_edaran "KAB/2026":\n'
        '    memperluas "sumsel-2026"\n'
        "    berlaku 2026-04-01\n"
        "\n"
        "hapus butir 4\n"
    )
    with pytest.raises(edaran.EdaranError) as refused:
        edaran.Circular.from_text(text, "kab.edaran")
    assert "E141" in [d.code for d in refused.value.diagnostics]


def test_init_from_the_template_checks_and_tests(tmp_path: Path) -> None:
    code, text = run_cli("init", "kab-x", "--from", "sumsel-2026", "--dir", str(tmp_path))
    assert code == 0, text
    rules = tmp_path / "kab-x" / "kab-x.edaran"
    written = rules.read_text(encoding="utf-8")
    assert 'memperluas "sumsel-2026"' in written
    assert "# butir 12.d " in written and "# sanksi butir 10.d[berulang]" in written
    code, text = run_cli("check", str(rules))
    assert code == 0, text
    code, text = run_cli("test", str(rules))
    assert code == 0, text
    assert text.strip().splitlines()[-1] == "1 passed, 0 failed"


def test_quotas_targets_and_the_report_are_the_reference_files(
    template: edaran.Circular, reference: edaran.Circular
) -> None:
    for name in ("quotas", "targets", "checklists", "report"):
        assert getattr(template.program, name) == getattr(reference.program, name), name
