"""Declared attributes (``atribut pegawai agama: ...``): the schema, the roster, both backends.

A rule file declares facts the built-in roster does not hold; they become
fields of subclasses of ``Employee`` and ``Unit``, the same route a developer
takes by hand, so both routes give the same schema.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edaran import Circular
from edaran.core import EdaranError, render_all
from edaran.core import types as t
from edaran.io import read_roster
from edaran.lang import check, parse
from edaran.lang import nodes as n
from edaran.lang.schema import Schema
from edaran.model import Employee, Unit
from golden import check_golden
from properties import fast_and_full

HEADER = """surat_edaran "800/1/2027":
    tentang "Penyesuaian jam kerja selama bulan puasa"
    berlaku 2027-02-01
"""

DECLARATIONS = """
atribut pegawai agama: enumerasi {ISLAM, KRISTEN, KATOLIK, HINDU, BUDDHA, KONGHUCU}, wajib
atribut pegawai tunjangan_khusus: persen, kolom "tunjangan"
atribut pegawai tanggal_sk: tanggal
atribut pegawai tatap_muka: benar_salah
atribut unit wilayah: teks, wajib, kolom "kecamatan"
atribut unit objek_vital: benar_salah
"""

RULES = """
butir 1 "WFO", bawaan:
    moda_kerja adalah WFO

butir 2 "Yang berpuasa WFH di wilayah hulu", pengecualian atas butir 1:
    moda_kerja adalah WFH jika pegawai.agama adalah ISLAM dan unit.wilayah adalah "Hulu"

butir 3 "Unit objek vital tetap WFO", pengecualian atas butir 2:
    moda_kerja adalah WFO jika unit.objek_vital
"""

TEXT = HEADER + DECLARATIONS + RULES


def circular(text: str = TEXT, backend: str = "compiled") -> Circular:
    return Circular.from_text(text, "puasa.edaran", backend=backend)  # type: ignore[arg-type]


def test_a_declaration_parses_to_its_node() -> None:
    module = parse(HEADER + 'atribut pegawai agama: enumerasi {ISLAM, KRISTEN}, wajib, kolom "ag"')
    (decl,) = [i for i in module.items if isinstance(i, n.AttributeDecl)]
    assert decl == n.AttributeDecl(
        n.Ident("pegawai"),
        n.Ident("agama"),
        None,
        (n.Ident("ISLAM"), n.Ident("KRISTEN")),
        True,
        "ag",
    )
    english = parse(HEADER + "attribute employee allowance: percent, required")
    (decl,) = [i for i in english.items if isinstance(i, n.AttributeDecl)]
    assert (decl.owner.name, decl.type, decl.required) == ("employee", n.TypeRef("percent"), True)


def test_declared_attributes_have_their_types() -> None:
    schema = circular().schema
    people = schema.fields(schema.employee_cls)
    units = schema.fields(schema.unit_cls)
    agama = people["agama"].type
    assert isinstance(agama, t.EnumType)
    assert [name for name, _ in agama.members] == [
        "ISLAM",
        "KRISTEN",
        "KATOLIK",
        "HINDU",
        "BUDDHA",
        "KONGHUCU",
    ]
    assert people["tunjangan_khusus"].type == t.PERCENT
    assert people["tanggal_sk"].type == t.DATE
    assert people["tatap_muka"].type == t.BOOL
    assert units["wilayah"].type == t.TEXT
    assert units["objek_vital"].type == t.BOOL
    assert all(people[a].nullable for a in ("agama", "tunjangan_khusus", "tanggal_sk"))
    # the built-in fields are still there
    assert people["jenjang"].type.name == "position_level"  # type: ignore[union-attr]


def test_a_file_that_declares_nothing_keeps_the_built_in_classes() -> None:
    plain = circular(HEADER + 'butir 1 "WFO", bawaan:\n    moda_kerja adalah WFO\n')
    assert plain.schema.employee_cls is Employee
    assert plain.schema.unit_cls is Unit


def test_the_same_declarations_give_the_same_classes() -> None:
    assert circular().schema.employee_cls is circular().schema.employee_cls


Agama = enum.Enum("agama", [(m, m) for m in ("ISLAM", "KRISTEN")])  # type: ignore[misc]


@attrs.frozen
class UnitDaerah(Unit):
    wilayah: str | None = attrs.field(default=None)


@attrs.frozen
class PegawaiDaerah(Employee):
    agama: Agama | None = attrs.field(default=None)  # type: ignore[valid-type]


def test_a_hand_written_subclass_gives_the_same_schema() -> None:
    by_hand = Schema(PegawaiDaerah, unit_cls=UnitDaerah)
    declared = circular(
        HEADER + "atribut pegawai agama: enumerasi {ISLAM, KRISTEN}\natribut unit wilayah: teks\n"
    ).schema

    def shape(schema: Schema, cls: type) -> dict[str, tuple[str, bool]]:
        return {
            name: (t.TypeName(f.type).localize("en"), f.nullable)
            for name, f in schema.fields(cls).items()
        }

    assert shape(declared, declared.employee_cls) == shape(by_hand, PegawaiDaerah)
    assert shape(declared, declared.unit_cls) == shape(by_hand, UnitDaerah)


def test_an_undeclared_fact_says_how_to_declare_it() -> None:
    _, problems = check(parse(HEADER + RULES.replace("butir 3", "butir 9")))
    assert [d.code for d in problems][:1] == ["E102"]
    assert problems[0].notes[0][0] == "note-declare-attribute"
    assert "atribut pegawai agama" in render_all(problems[:1], "id")


def test_did_you_mean_includes_declared_attributes() -> None:
    _, problems = check(parse(TEXT.replace("pegawai.agama adalah", "pegawai.agamma adalah")))
    assert [d.code for d in problems] == ["E102"]
    assert problems[0].suggestions[0] == "agama"


def test_a_bare_member_of_a_declared_enumeration_is_checked() -> None:
    _, problems = check(parse(TEXT.replace("adalah ISLAM", "adalah ISLEM")))
    assert problems and problems[0].suggestions[:1] == ("ISLAM",)


# -- the roster --------------------------------------------------------------------

UNITS = "kode,nama,jenis,layanan_publik,induk,kecamatan,objek_vital\n"
PEOPLE = "nip,nama,unit,jenjang,agama,tunjangan,tanggal_sk,tatap_muka\n"


def roster_files(tmp_path: Path, units: str, people: str) -> Path:
    (tmp_path / "unit.csv").write_text(units, encoding="utf-8")
    (tmp_path / "pegawai.csv").write_text(people, encoding="utf-8")
    return tmp_path


def good_roster(tmp_path: Path) -> Path:
    return roster_files(
        tmp_path,
        UNITS + "DINKES,Dinas Kesehatan,Dinas,ya,,Hulu,tidak\n"
        "PLN,UPT Listrik,UPT,ya,,Hulu,ya\n"
        "BKD,Badan Kepegawaian,Badan,tidak,,Hilir,\n",
        PEOPLE + "198501012010011001,Ali,DINKES,Pelaksana,Islam,50%,2027-01-15,ya\n"
        "198501012010012002,Budi,DINKES,Pelaksana,Kristen,,,\n"
        "198501012010011003,Cici,PLN,Pelaksana,islam,12,,tidak\n"
        "198501012010011004,Dodi,BKD,Pengawas,ISLAM,,,\n",
    )


def test_declared_columns_are_read(tmp_path: Path) -> None:
    c = circular()
    roster, problems = read_roster(good_roster(tmp_path), **c.roster_classes())
    assert problems == []
    ali, budi, cici, dodi = roster.employees
    assert (ali.agama.name, ali.tunjangan_khusus, ali.tanggal_sk, ali.tatap_muka) == (
        "ISLAM",
        Decimal("0.5"),
        dt.date(2027, 1, 15),
        True,
    )
    assert (budi.agama.name, budi.tunjangan_khusus, budi.tanggal_sk, budi.tatap_muka) == (
        "KRISTEN",
        None,
        None,
        None,
    )
    assert cici.tunjangan_khusus == Decimal("0.12")
    assert (cici.unit.wilayah, cici.unit.objek_vital, dodi.unit.objek_vital) == ("Hulu", True, None)
    day = dt.date(2027, 2, 3)
    modes = [c.decide(e, day).value for e in roster.employees]
    assert modes == ["WFH", "WFO", "WFO", "WFO"]
    assert [c.decide(e, day).rule for e in roster.employees] == [
        "butir 2",
        "butir 1",
        "butir 3",
        "butir 1",
    ]


def test_declared_columns_are_not_dropped_as_unknown(tmp_path: Path) -> None:
    _, problems = read_roster(good_roster(tmp_path))  # without the circular: D012 warnings
    assert {d.code for d in problems} == {"D012"}
    _, problems = read_roster(good_roster(tmp_path), **circular().roster_classes())
    assert problems == []


def test_bad_cells_of_declared_columns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    roster_files(
        tmp_path,
        UNITS + "DINKES,Dinas Kesehatan,Dinas,ya,,Hulu,mungkin\n"
        "BKD,Badan Kepegawaian,Badan,tidak,,,tidak\n",
        PEOPLE + "198501012010011001,Ali,BKD,Pelaksana,Islaam,lima,2027-02-30,ya\n"
        "198501012010012002,Budi,BKD,Pelaksana,,,,\n",
    )
    roster, problems = read_roster(".", **circular().roster_classes())
    assert [d.code for d in problems] == ["D015", "D020", "D014", "D016", "D018", "D020"]
    assert problems[2].suggestions == ("ISLAM",)
    assert len(roster) == 0
    for lang in ("id", "en"):
        check_golden(f"roster/declared_bad_cells.{lang}.txt", render_all(problems, lang))


def test_a_missing_required_column_names_the_attribute_and_the_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    roster_files(
        tmp_path,
        "kode,nama,jenis,layanan_publik,induk\nDINKES,Dinas Kesehatan,Dinas,ya,\n",
        "nip,nama,unit,jenjang\n198501012010011001,Ali,DINKES,Pelaksana\n",
    )
    _, problems = read_roster(".", **circular().roster_classes())
    assert [(d.code, d.args["attribute"], d.args["rule"]) for d in problems] == [
        ("D062", "unit.wilayah", "butir 2"),
        ("D062", "pegawai.agama", "butir 2"),
    ]
    for lang in ("id", "en"):
        check_golden(f"roster/declared_missing_column.{lang}.txt", render_all(problems, lang))


def test_declared_unit_columns_in_the_flat_layout(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(
        "nip,nama,jenjang,agama,kode_unit,nama_unit,jenis_unit,layanan_publik,induk_unit,"
        "kecamatan,objek_vital\n"
        "198501012010011001,Ali,Pelaksana,Islam,DINKES,Dinas Kesehatan,Dinas,ya,,Hulu,tidak\n",
        encoding="utf-8",
    )
    roster, problems = read_roster(path, **circular().roster_classes())
    assert problems == []
    assert roster.units["DINKES"].wilayah == "Hulu"  # type: ignore[attr-defined]
    assert roster.employees[0].agama.name == "ISLAM"  # type: ignore[attr-defined]


# -- variants ----------------------------------------------------------------------


def test_a_variant_inherits_declarations_and_adds_members(tmp_path: Path) -> None:
    (tmp_path / "induk.edaran").write_text(TEXT, encoding="utf-8")
    child = (
        HEADER.replace("800/1/2027", "800/2/2027")
        + '    memperluas "induk.edaran"\n\n'
        + "atribut pegawai agama: enumerasi {KEPERCAYAAN}, wajib\n"
    )
    (tmp_path / "anak.edaran").write_text(child, encoding="utf-8")
    c = Circular.load(tmp_path / "anak.edaran")
    agama = c.schema.fields(c.schema.employee_cls)["agama"].type
    assert isinstance(agama, t.EnumType)
    assert [name for name, _ in agama.members][-2:] == ["KONGHUCU", "KEPERCAYAAN"]
    assert "wilayah" in c.schema.fields(c.schema.unit_cls)


def test_a_variant_may_not_change_an_inherited_type(tmp_path: Path) -> None:
    (tmp_path / "induk.edaran").write_text(TEXT, encoding="utf-8")
    child = HEADER + '    memperluas "induk.edaran"\n\natribut pegawai agama: teks\n'
    (tmp_path / "anak.edaran").write_text(child, encoding="utf-8")
    with pytest.raises(EdaranError) as raised:
        Circular.load(tmp_path / "anak.edaran")
    assert [d.code for d in raised.value.diagnostics] == ["E165"]


# -- both backends -----------------------------------------------------------------

AGAMA = ["ISLAM", "KRISTEN", "KATOLIK", "HINDU", "BUDDHA", "KONGHUCU"]


@fast_and_full(fast=60, full=400)
def test_both_backends_agree_on_declared_attributes(max_examples: int) -> None:
    compiled, interpreted = circular(), circular(backend="interpreter")
    schema = compiled.schema
    kind = schema.fields(schema.employee_cls)["agama"].type
    assert isinstance(kind, t.EnumType)

    @settings(max_examples=max_examples, deadline=None)
    @given(
        agama=st.sampled_from([None, *AGAMA]),
        wilayah=st.sampled_from([None, "Hulu", "Hilir"]),
        vital=st.sampled_from([None, True, False]),
        day=st.dates(dt.date(2027, 1, 25), dt.date(2027, 3, 31)),
    )
    def agree(agama: str | None, wilayah: str | None, vital: bool | None, day: dt.date) -> None:
        unit = schema.unit_cls("DINKES", "Dinas Kesehatan", wilayah=wilayah, objek_vital=vital)
        member = kind.lookup(agama) if agama else None
        person = schema.employee_cls("198501012010011001", "Ali", unit, agama=member)
        assert compiled.decide(person, day) == interpreted.decide(person, day)

    agree()


# -- identity beyond the NIP -------------------------------------------------------

STATUS_RULES = (
    HEADER
    + """
butir 1 "WFO", bawaan:
    moda_kerja adalah WFO

butir 2 "Tenaga kontrak WFH", pengecualian atas butir 1:
    moda_kerja adalah WFH jika pegawai.status_kepegawaian termasuk {PPPK, NON_ASN}
"""
)


def test_rules_read_the_employment_status_of_staff_without_a_nip(tmp_path: Path) -> None:
    roster_files(
        tmp_path,
        "kode,nama,jenis,layanan_publik,induk\nBKD,Badan Kepegawaian,Badan,tidak,\n",
        "nip,id_pegawai,nama,unit,jenjang,status_kepegawaian\n"
        "198501012010011001,,Ali,BKD,Pelaksana,\n"
        ",PPPK-0042,Budi,BKD,Pelaksana,PPPK\n"
        ",THL-015,Cici,BKD,Pelaksana,\n",
    )
    roster, problems = read_roster(tmp_path)
    assert problems == []
    day = dt.date(2027, 2, 3)
    for backend in ("compiled", "interpreter"):
        c = circular(STATUS_RULES, backend)
        decisions = list(c.decide_many(roster.employees, day))
        assert [(d.nip, d.value) for d in decisions] == [
            ("198501012010011001", "WFO"),
            ("PPPK-0042", "WFH"),
            ("THL-015", "WFH"),
        ]


def test_one_name_declared_with_two_types_in_two_files_keeps_each_type() -> None:
    # The classes made for declared attributes are shared between files with the same
    # declarations; the type is part of what makes them the same.
    head = 'surat_edaran "1/2027":\n    berlaku 2027-03-01\n\n'
    rule = "butir 1, bawaan:\n    moda_kerja adalah WFH jika pegawai.tingkat > 1\n"
    as_text = check(parse(head + "atribut pegawai tingkat: teks\n\n" + rule, "a.edaran"))[1]
    as_number = check(parse(head + "atribut pegawai tingkat: bilangan\n\n" + rule, "a.edaran"))[1]
    assert [d.code for d in as_text] == ["E201"]
    assert as_number == []


@pytest.mark.parametrize("name", ["⅗gama", "agam➎", "class", "_rahasia", "2agama"])
def test_a_name_that_cannot_be_a_field_is_e167_not_a_syntax_error(name: str) -> None:
    # The fuzzing campaign found 'agam➎' and '⅗gama' (characters Python's \w accepts but
    # an identifier does not): the roster class's generated code failed to compile.
    text = (
        f'surat_edaran "1/2027":\n    berlaku 2027-02-01\n\natribut pegawai {name}: teks\n\n'
        'butir 1 "Kantor", bawaan:\n    moda_kerja adalah WFO\n'
    )
    with pytest.raises(EdaranError) as caught:
        Circular.from_text(text, "nama.edaran")
    codes = [d.code for d in caught.value.diagnostics]
    assert codes == (["E001"] if name[0].isdigit() else ["E167"]), codes
