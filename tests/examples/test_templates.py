"""The national templates shipped in the package, and what a regency makes of them.

``nasional-2026`` and ``nasional-2026-kabupaten-kota`` under ``src/edaran/templates``;
the provincial ``sumsel-2026`` has its own module, ``test_template_sumsel.py``.
"""

from __future__ import annotations

import datetime as dt

import pytest

from edaran import Circular, EdaranError
from edaran.lang import template_names
from edaran.model import Employee, PositionLevel, Unit
from edaran.testing import run_examples
from paths import TEMPLATES

STAFF = Employee("198001012005011001", "Ani", Unit("BAPPEDA", "Bappeda"))


def test_the_national_template_ships_checks_and_passes_its_examples() -> None:
    assert template_names() == ["nasional-2026", "nasional-2026-kabupaten-kota", "sumsel-2026"]
    text = 'surat_edaran "T":\n    memperluas "nasional-2026"\n    berlaku 2026-04-01\n'
    circular = Circular.from_text(text)
    assert [r.origin for r in circular.program.rules] == ["800.1.5/3349/SJ"] * 4
    template = TEMPLATES / "nasional-2026.edaran"
    results = run_examples(Circular.load(template))
    assert [r.passed for r in results] == [True] * 11
    # The quotas of the template (travel -50% and -70%, vehicles at most 50%).
    quotas = Circular.load(template).program.quotas
    assert [(q.id, q.mode, str(q.amount.value)) for q in quotas] == [  # type: ignore[attr-defined]
        ("butir 8[dalam_negeri]", "reduced", "0.5"),
        ("butir 8[luar_negeri]", "reduced", "0.7"),
        ("butir 9", "at_most", "0.5"),
    ]


def test_the_regency_template_keeps_echelon_ii_to_iv_at_the_office() -> None:
    regency = Circular.from_text(
        'surat_edaran "KAB":\n    memperluas "nasional-2026-kabupaten-kota"\n'
        "    berlaku 2026-04-01\n"
    )
    province = Circular.from_text(
        'surat_edaran "PROV":\n    memperluas "nasional-2026"\n    berlaku 2026-04-01\n'
    )
    friday = dt.date(2026, 4, 10)
    unit = Unit("BAPPEDA", "Bappeda")
    modes = {}
    for level in PositionLevel:
        person = Employee("1" * 18, "X", unit, jenjang=level)
        modes[level.name] = (
            str(province.decide(person, friday).value),
            str(regency.decide(person, friday).value),
        )
    assert modes == {
        "JPT_UTAMA": ("WFO", "WFH"),
        "JPT_MADYA": ("WFO", "WFH"),
        "JPT_PRATAMA": ("WFO", "WFO"),
        "ADMINISTRATOR": ("WFH", "WFO"),
        "PENGAWAS": ("WFH", "WFO"),
        "PELAKSANA": ("WFH", "WFH"),
        "FUNGSIONAL": ("WFH", "WFH"),
    }


def test_a_regency_moves_wfh_to_thursday_with_one_line() -> None:
    text = (
        'surat_edaran "KAB/2026":\n    memperluas "nasional-2026"\n    berlaku 2026-05-01\n\n'
        "parameter HARI_WFH: hari = Kamis\n"
    )
    circular = Circular.from_text(text)
    thursday = circular.decide(STAFF, dt.date(2026, 5, 7))
    assert (thursday.value, thursday.rule) == ("WFH", "butir 2")
    assert circular.decide(STAFF, dt.date(2026, 5, 8)).value == "WFO"
    assert circular.explain(STAFF, dt.date(2026, 5, 7)).circular == "SE 800.1.5/3349/SJ"


def test_the_template_guards_public_services() -> None:
    text = (
        'surat_edaran "KAB/2026":\n    memperluas "nasional-2026"\n    berlaku 2026-05-01\n\n'
        "hapus butir 4\n"
    )
    with pytest.raises(EdaranError) as raised:
        Circular.from_text(text)
    assert [d.code for d in raised.value.diagnostics] == ["E141"]
