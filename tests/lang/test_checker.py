"""The checker: names and types against the schema, exceptions, every problem at once."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from edaran.core import Diagnostic, EdaranError
from edaran.core import types as t
from edaran.engine import Circular
from edaran.lang import MAX_DIAGNOSTICS, Schema, check, check_or_raise, ir, parse, parse_file
from edaran.lang.schema import WEEKDAY
from edaran.model import CalendarDay, Employee, PositionLevel, Unit, UnitKind, Weekday
from paths import DATA, REFERENCE

HEADER = 'surat_edaran "1/2026":\n    berlaku 2026-04-01\n'
BOOL = t.BOOL


def checked(text: str, schema: Schema | None = None) -> ir.Program:
    """The program of ``text``; conflicts are left to run time so rules can overlap."""
    program, diagnostics = check(parse(text), schema, static_conflicts=False)
    assert [d for d in diagnostics if d.is_error] == []
    assert program is not None
    return program


def condition(expression: str, *, before: str = "", schema: Schema | None = None) -> ir.Expr:
    program = checked(
        HEADER + before + f"butir 1: moda_kerja adalah WFO jika {expression}\n", schema
    )
    (rule,) = program.rules
    assert rule.condition is not None
    return rule.condition


def problems(text: str, schema: Schema | None = None) -> list[Diagnostic]:
    program, diagnostics = check(parse(text), schema)
    assert program is None
    return diagnostics


def hari() -> ir.Fact:
    return ir.Fact("kalender", ("hari",), "hari", WEEKDAY)


# ------------------------------------------------------------ reference
def test_the_reference_circular_checks_clean() -> None:
    program, diagnostics = check(parse_file(REFERENCE))
    assert program is not None
    assert len(diagnostics) == 0  # no errors, and not a single warning
    assert [r.id for r in program.rules] == [
        "butir 1.a",
        "butir 2",
        "butir 6",
        "butir 6[pendukung]",
        "butir 11",
        "butir 12.a",
        "butir 12.b",
        "butir 12.c",
        "butir 12.d",
        "butir 12.e",
        "butir 12.f",
    ]
    assert [r.id for r in program.rules if r.is_default] == ["butir 1.a"]
    assert len(program.examples) == 46
    assert list(program.outputs) == ["moda_kerja"]
    assert [(lim.id, lim.label, lim.kind, lim.scope) for lim in program.limits] == [
        ("butir 4#1", "WFH", "at_most", "unit"),
        ("butir 4#2", "WFO", "at_least", "unit"),
    ]
    assert [(q.id, q.kind, q.mode, q.last_year, q.scope, q.window) for q in program.quotas] == [
        ("butir 8[dalam_negeri]", "perjalanan", "reduced", True, "unit", "periode"),
        ("butir 8[luar_negeri]", "perjalanan", "reduced", True, "unit", "periode"),
        ("butir 9", "kendaraan", "at_most", True, "unit", "periode"),
    ]
    assert [(x.id, x.kind, x.bound) for x in program.targets] == [("butir 7", "rapat", "at_least")]
    assert [(c.id, sorted(c.items)) for c in program.checklists] == [
        ("butir 10.a", ["AC", "ELEKTRONIK", "KABEL", "LAMPU"])
    ]
    assert program.report is not None
    assert [(e.category, t.show(e.type)) for e in program.report.estimates] == [
        ("BELANJA_PEGAWAI", "uang"),
        ("LISTRIK", "uang"),
        ("LISTRIK", "kWh"),
        ("BBM", "uang"),
        ("BBM", "liter"),
        ("AIR", "uang"),
        ("AIR", "m3"),
        ("LAINNYA", "uang"),
    ]


def test_the_reference_header() -> None:
    header = check_or_raise(parse_file(REFERENCE)).header
    assert header == ir.Header(
        number="800.1/1230/BKD.I/2026",
        subject=(
            "Transformasi Budaya Kerja Aparatur Sipil Negara di Lingkungan "
            "Pemerintah Provinsi Sumatera Selatan"
        ),
        issuer="Gubernur Sumatera Selatan",
        bases=("Surat Edaran Menteri Dalam Negeri Nomor 800.1.5/3349/SJ",),
        signed=dt.date(2026, 3, 31),
        effective_from=dt.date(2026, 4, 1),
        effective_until=None,
        evaluation_months=2,
        timezone="WIB",
    )


def test_the_reference_exceptions_closure() -> None:
    program = check_or_raise(parse_file(REFERENCE))
    # 6 and 12 override 11, and through it 6[pendukung] (11 overrides it).
    both = frozenset({"butir 2", "butir 11", "butir 6[pendukung]"})
    assert dict(program.overrides) == {
        "butir 1.a": frozenset(),
        "butir 2": frozenset(),
        "butir 6": both,
        "butir 6[pendukung]": frozenset({"butir 2"}),
        "butir 11": frozenset({"butir 2", "butir 6[pendukung]"}),
        "butir 12.a": both,
        "butir 12.b": both,
        "butir 12.c": both,
        "butir 12.d": both,
        "butir 12.e": both,
        "butir 12.f": both,
    }


def test_the_reference_examples_are_typed() -> None:
    program = check_or_raise(parse_file(REFERENCE))
    first = program.examples[0]
    assert first.title == "Staf pelaksana Bappeda pada hari Jumat bekerja dari rumah (butir 2)"
    assert first.givens == (
        (("pegawai", "jenjang"), PositionLevel.PELAKSANA),
        (("pegawai", "unit", "kode"), "BAPPEDA"),
    )
    assert first.date == dt.date(2026, 4, 10)
    assert [(name, value) for name, value, _ in first.expects] == [("moda_kerja", "WFH")]


def test_exceptions_closure_is_transitive() -> None:
    program = checked(
        HEADER
        + "butir 1: moda_kerja adalah WFO jika hari adalah Senin\n"
        + "butir 2, pengecualian atas butir 1: moda_kerja adalah WFH jika hari adalah Senin\n"
        + "butir 3, pengecualian atas butir 2: moda_kerja adalah WFA jika hari adalah Senin\n"
        + "butir 4, pengecualian atas butir 2: moda_kerja adalah WFA jika hari adalah Selasa\n"
    )
    assert dict(program.overrides) == {
        "butir 1": frozenset(),
        "butir 2": frozenset({"butir 1"}),
        "butir 3": frozenset({"butir 1", "butir 2"}),
        "butir 4": frozenset({"butir 1", "butir 2"}),
    }
    assert program.rule("butir 4").exceptions == ("butir 2",)


# ------------------------------------------------------------ typed IR
def test_weekday_name_resolves_to_the_enum_member() -> None:
    assert condition("hari adalah Jumat") == ir.Op(
        "eq", (hari(), ir.Const(Weekday.JUMAT, WEEKDAY)), BOOL
    )


def test_unit_membership_becomes_unit_in() -> None:
    unit_type = t.UnitType(Unit)
    assert condition("unit termasuk {BPBD, SATPOL_PP}") == ir.Op(
        "unit_in",
        (
            ir.Fact("pegawai", ("unit",), "unit", unit_type),
            ir.Const(frozenset({"BPBD", "SATPOL_PP"}), t.SetType(unit_type)),
        ),
        BOOL,
    )


def test_unit_not_in_a_declared_set() -> None:
    typed = condition("unit tidak termasuk RS", before="himpunan RS: unit = {RSUD_SF, RS_EB}\n")
    assert isinstance(typed, ir.Op)
    assert typed.op == "unit_not_in"
    assert typed.args[1] == ir.Const(
        frozenset({"RSUD_SF", "RS_EB"}), t.SetType(t.UnitType(Unit)), "RS"
    )


def test_english_aliases_resolve_to_the_same_facts() -> None:
    english = condition("employee.level in JPT and weekday is Friday", before=JPT)
    indonesian = condition("pegawai.jenjang termasuk JPT dan hari adalah Jumat", before=JPT)
    assert isinstance(english, ir.Op) and isinstance(indonesian, ir.Op)
    level_in, friday = english.args
    assert isinstance(level_in, ir.Op) and level_in.op == "in"
    level = level_in.args[0]
    assert isinstance(level, ir.Fact)
    # Only the name as written differs.
    assert (level.root, level.attrs_path, level.written) == (
        "pegawai",
        ("jenjang",),
        "employee.level",
    )
    assert level_in.args[1] == indonesian.args[0].args[1]
    assert level_in.args[1] == ir.Const(
        frozenset({PositionLevel.JPT_MADYA, PositionLevel.JPT_PRATAMA}),
        t.SetType(level.type),
        "JPT",
    )
    assert friday == ir.Op(
        "eq",
        (ir.Fact("kalender", ("hari",), "weekday", WEEKDAY), ir.Const(Weekday.JUMAT, WEEKDAY)),
        BOOL,
    )
    assert indonesian.args[1] == ir.Op("eq", (hari(), ir.Const(Weekday.JUMAT, WEEKDAY)), BOOL)


JPT = "himpunan JPT: jenjang = {JPT_MADYA, JPT_PRATAMA}\n"


def test_english_names_of_unit_fields() -> None:
    typed = condition('unit.code bukan "X" dan unit.public_service dan unit.kind adalah UPT')
    assert isinstance(typed, ir.Op)
    facts = [arg for arg in _walk(typed) if isinstance(arg, ir.Fact)]
    assert [f.attrs_path for f in facts] == [
        ("unit", "kode"),
        ("unit", "layanan_publik"),
        ("unit", "jenis"),
    ]
    assert [f.written for f in facts] == ["unit.code", "unit.public_service", "unit.kind"]
    kind = [a for a in _walk(typed) if isinstance(a, ir.Const) and a.value == UnitKind.UPT]
    assert len(kind) == 1


def test_english_output_name_is_the_work_mode() -> None:
    program = checked(HEADER + "clause 1, default: work_mode is WFO\n")
    assert program.rules[0].output == "moda_kerja"
    assert program.rules[0].value == ir.Const("WFO", program.modes)


def test_parameter_with_dated_values() -> None:
    program = checked(
        HEADER
        + "parameter HARI_WFH: hari = Jumat\n    mulai 2026-06-01: Kamis\n"
        + "butir 1: moda_kerja adalah WFH jika hari adalah HARI_WFH\n"
    )
    assert program.params["HARI_WFH"] == (
        (None, Weekday.JUMAT),
        (dt.date(2026, 6, 1), Weekday.KAMIS),
    )
    assert program.param_value("HARI_WFH", dt.date(2026, 5, 31)) is Weekday.JUMAT
    assert program.param_value("HARI_WFH", dt.date(2026, 6, 1)) is Weekday.KAMIS
    assert program.rules[0].condition == ir.Op("eq", (hari(), ir.Param("HARI_WFH", WEEKDAY)), BOOL)


def test_literals_become_typed_constants() -> None:
    program = checked(
        HEADER
        + "parameter A: durasi = 5 menit\n"
        + "parameter B: durasi = 2 bulan\n"
        + "parameter C: persen = 50%\n"
        + "parameter D: uang = Rp 1.500.000\n"
        + "parameter E: desimal = 0.25\n"
        + "parameter F: tanggal = 2026-02-28\n"
        + "parameter G: persen = 30 persen\n"
    )
    values = {name: pairs[0][1] for name, pairs in program.params.items()}
    assert values["A"] == t.Duration(exact=dt.timedelta(minutes=5))
    assert values["B"] == t.Duration(months=2)
    assert str(values["C"]) == "0.5"
    assert str(values["D"]) == "1500000"
    assert str(values["E"]) == "0.25"
    assert values["F"] == dt.date(2026, 2, 28)
    assert str(values["G"]) == "0.3"


def test_workweek_and_holidays() -> None:
    program = checked(
        HEADER
        + "pekan_kerja Senin, Selasa, Rabu, Kamis, Jumat, Sabtu\n"
        + 'hari_libur 2026-04-20 sampai 2026-04-21 "Libur daerah"\n'
    )
    assert program.workweek == frozenset(range(6))
    assert program.holidays == ((dt.date(2026, 4, 20), dt.date(2026, 4, 21), "Libur daerah"),)


def _walk(expr: ir.Expr) -> list[ir.Expr]:
    found: list[ir.Expr] = [expr]
    if isinstance(expr, ir.Op):
        for arg in expr.args:
            found.extend(_walk(arg))
    return found


# --------------------------------------------------------- every problem
def test_all_problems_in_a_file_are_reported_at_once() -> None:
    text = (
        'surat_edaran "1/2026":\n'  # 1
        "    berlaku 2026-04-01\n"  # 2
        "    zona_waktu WIBB\n"  # 3: E109
        "\n"  # 4
        "parameter BATAS: durasi = 5 menitt\n"  # 5: E103
        "\n"  # 6
        'butir 1 "WFO", bawaan:\n'  # 7
        "    moda_kerja adalah WFO\n"  # 8
        "\n"  # 9
        'butir 2 "WFH":\n'  # 10
        "    moda_kerja adalah WFH\n"  # 11
        "    jika hari adalah Jumaat\n"  # 12: E101
        "\n"  # 13
        'butir 3 "JPT", pengecualian atas butir 2:\n'  # 14
        "    moda_kerja adalah WFA\n"  # 15
        "    jika pegawai.jenjangg termasuk {JPT_MADYA}\n"  # 16: E102
    )
    found = problems(text)
    assert [(d.code, d.span.line if d.span else 0) for d in found] == [
        ("E109", 3),
        ("E103", 5),
        ("E101", 12),
        ("E102", 16),
    ]
    assert found[2].suggestions == ("Jumat",)
    assert found[3].suggestions == ("jenjang",)


def test_diagnostics_are_capped() -> None:
    text = HEADER + "".join(f"parameter P{i}: tipe_aneh = 1\n" for i in range(MAX_DIAGNOSTICS + 50))
    found = problems(text)
    assert len(found) == MAX_DIAGNOSTICS
    assert {d.code for d in found} == {"E206"}
    assert [d.span.line for d in found if d.span] == list(range(3, 3 + MAX_DIAGNOSTICS))


def test_check_or_raise_carries_every_diagnostic() -> None:
    with pytest.raises(EdaranError) as caught:
        check_or_raise(parse(HEADER + "parameter A: x = 1\nparameter B: y = 2\n"))
    assert [d.code for d in caught.value.diagnostics] == ["E206", "E206"]


def test_a_long_flat_conjunction_is_checked_and_decided() -> None:
    # 1000 conditions joined by 'dan' are flat in the text: neither the checker
    # nor a backend may recurse as deep as the chain is long.
    conjunction = " dan ".join(["hari adalah Jumat"] * 1000)
    text = HEADER + (
        "butir 1, bawaan: moda_kerja adalah WFO\n"
        f"butir 2: moda_kerja adalah WFH jika {conjunction}\n"
    )
    program, diagnostics = check(parse(text))
    assert program is not None and diagnostics == []
    circular = Circular.from_text(text)
    staff = Employee("197001011990031001", "A", Unit("BKD", "BKD"))
    for backend in ("interpreter", "compiled"):
        assert circular.decide(staff, dt.date(2026, 4, 10), backend=backend).value == "WFH"
        assert circular.decide(staff, dt.date(2026, 4, 9), backend=backend).value == "WFO"


# ------------------------------------------------------ schema subclass
@attrs.frozen
class PegawaiDaerah(Employee):
    """A regency's employee with one more fact."""

    golongan: str = attrs.field(default="", metadata={"en": "grade"})


GOLONGAN_RULES = HEADER + (
    'butir 1 "WFO", bawaan:\n'
    "    moda_kerja adalah WFO\n"
    'butir 2 "Golongan IV bekerja dari mana saja", pengecualian atas butir 1:\n'
    "    moda_kerja adalah WFA\n"
    '    jika pegawai.golongan adalah "IV/c"\n'
)


def test_a_subclass_field_is_readable_by_a_rule() -> None:
    schema = Schema(employee_cls=PegawaiDaerah)
    program = checked(GOLONGAN_RULES, schema)
    assert program.rules[1].condition == ir.Op(
        "eq",
        (
            ir.Fact("pegawai", ("golongan",), "pegawai.golongan", t.TEXT),
            ir.Const("IV/c", t.TEXT),
        ),
        BOOL,
    )
    english = condition('employee.grade adalah "IV/c"', schema=schema)
    assert isinstance(english, ir.Op)
    assert english.args[0] == ir.Fact("pegawai", ("golongan",), "employee.grade", t.TEXT)


def test_a_subclass_field_decides() -> None:
    circular = Circular.from_text(GOLONGAN_RULES, schema=Schema(employee_cls=PegawaiDaerah))
    unit = Unit("BKD", "Badan Kepegawaian Daerah", UnitKind.BADAN)
    senior = PegawaiDaerah("197001011990031001", "A", unit, golongan="IV/c")
    junior = PegawaiDaerah("199001012015031001", "B", unit, golongan="III/a")
    monday = dt.date(2026, 4, 6)
    for backend in ("interpreter", "compiled"):
        assert circular.decide(senior, monday, backend=backend).value == "WFA"
        assert circular.decide(junior, monday, backend=backend).value == "WFO"


def test_the_base_schema_does_not_know_the_subclass_field() -> None:
    (diagnostic,) = problems(GOLONGAN_RULES)
    assert diagnostic.code == "E102"
    assert diagnostic.args["field"] == "golongan"


def test_an_unknown_field_on_the_subclass_still_errors() -> None:
    text = GOLONGAN_RULES.replace("pegawai.golongan", "pegawai.golongn")
    (diagnostic,) = problems(text, Schema(employee_cls=PegawaiDaerah))
    assert diagnostic.code == "E102"
    assert diagnostic.args["record"] == "pegawai"
    assert diagnostic.args["field"] == "golongn"
    assert diagnostic.suggestions == ("golongan",)


def test_a_subclass_of_the_calendar_day() -> None:
    @attrs.frozen
    class HariDaerah(CalendarDay):
        pekan_budaya: bool = attrs.field(default=False, metadata={"en": "culture_week"})

    typed = condition("kalender.pekan_budaya", schema=Schema(day_cls=HariDaerah))
    assert typed == ir.Fact("kalender", ("pekan_budaya",), "kalender.pekan_budaya", BOOL)


def test_the_static_search_is_bounded_and_gives_the_same_answer_every_time() -> None:
    """A generated file that once took minutes to check: every search node counts
    against a budget (not a clock), so the check ends and always says the same."""
    path = DATA / "slow-static-search.edaran"
    first = [(d.code, d.span.line if d.span else 0) for d in check(parse_file(path))[1]]
    second = [(d.code, d.span.line if d.span else 0) for d in check(parse_file(path))[1]]
    assert first == second
    assert sorted(code for code, _ in first) == ["E302", "E302", "W305", "W306", "W307"]
