"""Loading a workforce from SIMPEG-like CSV files (``edaran.io.roster``).

Rendered diagnostics are compared with golden files under
``tests/golden/roster/`` in both languages; ``pytest --update-golden``
rewrites them after review.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edaran.core import Diagnostic, EdaranError, Severity, render_all
from edaran.io import Roster, RosterWarning, load_roster, read_roster
from edaran.io.table import MAX_DIAGNOSTICS
from edaran.messages import CATALOGUE
from edaran.model import Employee, EmploymentStatus, PositionLevel, Unit, UnitKind
from golden import check_golden
from paths import DATA as TEST_DATA
from paths import REPO
from properties import fast_and_full

DATA = TEST_DATA / "roster"


@pytest.fixture
def in_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the fixture directory, so paths in rendered diagnostics are short and stable."""
    monkeypatch.chdir(DATA)


def codes(diagnostics: Sequence[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


def check_rendered(name: str, diagnostics: Sequence[Diagnostic]) -> None:
    for lang in ("id", "en"):
        check_golden(f"roster/{name}.{lang}.txt", render_all(diagnostics, lang))


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


# -- loading good files -----------------------------------------------------------


def test_both_layouts_give_equal_rosters() -> None:
    # The flat file uses English headers and every accepted spelling of
    # enums, booleans and numbers; the result must not differ at all.
    directory, problems = read_roster(DATA / "good")
    flat, flat_problems = read_roster(DATA / "good_flat.csv")
    assert problems == [] and flat_problems == []
    assert directory == flat
    assert [e.nip for e in directory.employees] == [e.nip for e in flat.employees]


def test_good_roster_links_units_and_reads_values() -> None:
    roster = load_roster(DATA / "good")
    assert len(roster) == 9
    assert list(roster.units) == ["SETDA", "BIRO_HUKUM", "BPBD", "DISDIK", "SMAN1_PLG", "RSUD_SF"]
    school = roster.units["SMAN1_PLG"]
    assert school.induk is roster.units["DISDIK"]
    assert school.belongs_to(frozenset({"DISDIK"}))
    assert school.jenis is UnitKind.UPT_SEKOLAH and school.layanan_publik
    head = roster.by_nip("19751220 200112 1 001")
    assert head is not None and head.unit is roster.units["BPBD"]
    assert head.jenjang is PositionLevel.JPT_PRATAMA
    assert head.capaian_kinerja is None
    teacher = roster.by_nip("199511112022032001")
    assert teacher is not None and teacher.capaian_kinerja == Decimal("1000.5")
    assert roster.by_nip("199612252020121002") == Employee(
        "199612252020121002", "Budi Santoso", roster.units["RSUD_SF"], PositionLevel.PELAKSANA
    )
    assert roster.by_nip("000000000000000000") is None


def test_units_in_order_lists_each_unit_before_its_sub_units() -> None:
    disdik = Unit("DISDIK", "Dinas Pendidikan")
    school = Unit("SMAN1_PLG", "UPT SMA Negeri 1 Palembang", UnitKind.UPT_SEKOLAH, True, disdik)
    bpbd = Unit("BPBD", "Badan Penanggulangan Bencana Daerah", UnitKind.BADAN, True)
    roster = Roster({"SMAN1_PLG": school, "BPBD": bpbd, "DISDIK": disdik}, ())
    assert [u.kode for u in roster.units_in_order()] == ["BPBD", "DISDIK", "SMAN1_PLG"]


def test_children_may_come_before_their_parents_in_unit_csv(tmp_path: Path) -> None:
    units = (DATA / "good" / "unit.csv").read_text(encoding="utf-8").splitlines()
    write(tmp_path / "unit.csv", "\n".join([units[0], *reversed(units[1:])]) + "\n")
    write(tmp_path / "pegawai.csv", (DATA / "good" / "pegawai.csv").read_text(encoding="utf-8"))
    roster = load_roster(tmp_path)
    assert roster.units["BIRO_HUKUM"].induk is roster.units["SETDA"]
    assert roster == load_roster(DATA / "good")


def test_bom_crlf_semicolons_and_blank_lines_are_read(tmp_path: Path) -> None:
    text = (DATA / "good_flat.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    body = out.getvalue().replace("\r\n", "\r\n\r\n", 2)  # blank lines, as hand edits leave
    path = write(tmp_path / "roster.csv", "\ufeff" + body)
    roster, problems = read_roster(path)
    assert problems == []
    assert roster == load_roster(DATA / "good")


def test_excel_cp1252_semicolon_file_loads_with_a_warning(in_data: None) -> None:
    roster, problems = read_roster("excel_cp1252.csv")
    assert codes(problems) == ["D006"]
    assert problems[0].severity is Severity.WARNING
    assert roster.employees[0].nama == "Dr. H. Ma’ruf Hasibuan, M.Si."
    assert [e.capaian_kinerja for e in roster.employees] == [
        Decimal("95.5"),
        Decimal("1088.25"),
        None,
    ]
    assert roster.units["BIRO_HUKUM"].induk is roster.units["SETDA"]
    check_rendered("excel_cp1252", problems)
    with pytest.warns(RosterWarning, match="D006"):
        assert load_roster("excel_cp1252.csv") == roster


def test_quoted_line_breaks_keep_line_numbers_right(tmp_path: Path) -> None:
    path = write(
        tmp_path / "roster.csv",
        "nip,nama,jenjang,jabatan,kode_unit,nama_unit,jenis_unit,layanan_publik,induk_unit\n"
        '197001152000031001,Ahmad,JPT Madya,"Sekretaris Daerah\nProvinsi",SETDA,Setda,'
        "Sekretariat,tidak,\n"
        "199004042019032003,Sri,Pelaksanaa,,SETDA,Setda,Sekretariat,tidak,\n",
    )
    roster, problems = read_roster(path)
    assert roster.employees[0].jabatan == "Sekretaris Daerah\nProvinsi"
    assert codes(problems) == ["D014"]
    assert problems[0].span is not None
    assert (problems[0].span.line, problems[0].span.column) == (4, 24)


# -- every error kind, rendered ---------------------------------------------------

ERROR_CASES = [
    # name, path, codes in order, employees kept
    ("missing_file", "tidak_ada.csv", ["D001"], 0),
    ("directory_incomplete", "only_units", ["D003"], 0),
    ("empty", "empty.csv", ["D007"], 0),
    ("no_header", "no_header.csv", ["D010"], 0),
    ("bad_width", "bad_width", ["D019", "D019"], 2),
    ("missing_column", "missing_column.csv", ["D011", "D011", "D012"], 0),
    ("duplicate_column", "duplicate_column.csv", ["D013"], 0),
    ("bad_cells", "bad_cells", ["D014", "D027", "D015", "D020", "D014", "D016", "D063"], 2),
    ("bad_nip", "bad_nip", ["D030", "D030", "D030", "D031", "D031", "D032", "D033", "D034"], 2),
    ("duplicates", "duplicates", ["D022", "D021"], 2),
    ("unknown_refs", "unknown_refs", ["D024", "D027", "D025", "D027", "D026", "D027", "D023"], 1),
    ("flat_disagree", "flat_disagree.csv", ["D028", "D028"], 2),
    ("unclosed_quote", "unclosed_quote.csv", ["D009"], 1),
    ("identity", "identity", ["D063", "D064", "D065"], 2),
]


@pytest.mark.parametrize(("name", "path", "expected", "kept"), ERROR_CASES, ids=lambda c: c)
def test_error_is_reported_and_rendered(
    in_data: None, name: str, path: str, expected: list[str], kept: int
) -> None:
    roster, problems = read_roster(path)
    assert codes(problems) == expected
    assert len(roster) == kept
    assert all(d.span is not None and d.span.path.startswith(path) for d in problems)
    check_rendered(name, problems)
    with pytest.raises(EdaranError) as raised:
        load_roster(path)
    assert raised.value.diagnostics == problems


def test_staff_without_a_nip_are_first_class(in_data: None) -> None:
    roster, problems = read_roster("without_nip")
    assert problems == []
    ids = [e.nip for e in roster.employees]
    assert ids == ["197001152000031001", "PPPK-2027-0042", "THL-2027-015", "198203102008012002"]
    statuses = [e.status_kepegawaian for e in roster.employees]
    assert statuses == [
        EmploymentStatus.PNS,  # a NIP and no status: PNS
        EmploymentStatus.PPPK,
        EmploymentStatus.NON_ASN,  # no NIP and no status: non-ASN
        EmploymentStatus.PPPK,  # a NIP and the status PPPK
    ]
    assert roster.by_nip("THL-2027-015") is roster.employees[2]


def test_valid_rows_survive_next_to_bad_ones(in_data: None) -> None:
    roster, _ = read_roster("bad_cells")
    assert [e.nama for e in roster.employees] == ["Ahmad Syarifuddin", "Herman Siregar"]
    assert list(roster.units) == ["SETDA", "BPBD"]
    roster, _ = read_roster("bad_nip")
    assert [e.nip for e in roster.employees] == ["198001012005011001", "198002292005012001"]


def test_not_strict_returns_the_valid_rows_and_warns(in_data: None) -> None:
    with pytest.warns(RosterWarning, match="D014"):
        roster = load_roster("bad_cells", strict=False)
    assert len(roster) == 2


def test_file_over_the_size_limit_is_refused(in_data: None) -> None:
    roster, problems = read_roster("good_flat.csv", max_bytes=1000)
    assert codes(problems) == ["D004"] and len(roster) == 0
    check_rendered("too_large", problems)


def test_binary_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("pegawai.xlsx.csv").write_bytes(b"nip,nama\n\x00\x01PK\x03\x04\n")
    roster, problems = read_roster("pegawai.xlsx.csv")
    assert codes(problems) == ["D005"] and len(roster) == 0
    check_rendered("binary", problems)


def test_diagnostics_are_capped(tmp_path: Path) -> None:
    header = "nip,nama,jenjang,kode_unit,nama_unit,jenis_unit,layanan_publik,induk_unit\n"
    rows = "".join(f"1,Pegawai {i},Pelaksana,SETDA,Setda,Sekretariat,tidak,\n" for i in range(300))
    roster, problems = read_roster(write(tmp_path / "roster.csv", header + rows))
    assert len(problems) == MAX_DIAGNOSTICS + 1
    assert problems[-1].code == "D036" and problems[-1].severity is Severity.NOTE
    assert problems[-1].args == {"count": 100, "limit": MAX_DIAGNOSTICS}
    assert "100 more problems are not shown" in render_all(problems, "en")
    assert len(roster) == 0


def test_a_cycle_reads_in_the_direction_of_the_parent_links(tmp_path: Path) -> None:
    write(
        tmp_path / "unit.csv",
        "kode,nama,jenis,layanan_publik,induk\nA,A,UPT,ya,C\nB,B,UPT,ya,A\nC,C,UPT,ya,B\n",
    )
    write(tmp_path / "pegawai.csv", "nip,nama,unit,jenjang\n")
    _, problems = read_roster(tmp_path)
    assert codes(problems) == ["D025"]
    assert problems[0].args == {"cycle": "A → C → B → A"}
    assert [label.span.line for label in problems[0].labels] == [4, 3]


def test_a_chain_of_parents_too_deep_is_refused(tmp_path: Path) -> None:
    rows = [f"U{i},Unit {i},UPT,tidak,{f'U{i - 1}' if i else ''}" for i in range(40)]
    write(tmp_path / "unit.csv", "kode,nama,jenis,layanan_publik,induk\n" + "\n".join(rows))
    write(tmp_path / "pegawai.csv", "nip,nama,unit,jenjang\n")
    roster, problems = read_roster(tmp_path)
    assert codes(problems) == ["D035"] + ["D026"] * 22
    assert problems[0].args == {"code": "U17", "limit": 16}
    assert len(roster.units) == 17


def test_rows_dropped_with_their_unit_are_listed(tmp_path: Path) -> None:
    write(tmp_path / "unit.csv", "kode,nama,jenis,layanan_publik,induk\nX,X,Dinass,ya,\n")
    people = [f"1980010120050110{i:02d},P{i},X,Pelaksana" for i in range(1, 13)]
    write(tmp_path / "pegawai.csv", "nip,nama,unit,jenjang\n" + "\n".join(people))
    _, problems = read_roster(tmp_path)
    assert codes(problems) == ["D014", "D027"]
    assert problems[1].args["count"] == 12
    assert problems[1].args["lines"] == "2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …"


# -- subclasses with more fields --------------------------------------------------


@attrs.frozen
class PegawaiDaerah(Employee):
    golongan: str = attrs.field(default="", metadata={"en": "grade"})
    tmt_jabatan: dt.date | None = None
    masa_kerja: int = 0
    honorer: bool = False


@attrs.frozen
class UnitDaerah(Unit):
    kabupaten: str = attrs.field(default="", metadata={"en": "regency"})


def test_subclass_fields_are_read_from_extra_columns(tmp_path: Path) -> None:
    write(
        tmp_path / "unit.csv",
        "kode,nama,jenis,layanan_publik,induk,Regency\n"
        "BAPENDA,Badan Pendapatan Daerah,Badan,tidak,,Palembang\n"
        "UPTB_SAMSAT_PBM,UPTB Samsat Prabumulih,UPTB,ya,BAPENDA,Prabumulih\n",
    )
    write(
        tmp_path / "pegawai.csv",
        "nip,nama,unit,jenjang,Grade,tmt_jabatan,masa_kerja,honorer\n"
        "198001012005011001,Ahmad,UPTB_SAMSAT_PBM,Administrator,III/d,01/04/2026,20,tidak\n"
        "199004042019032003,Sri,UPTB_SAMSAT_PBM,Pelaksana,,,,\n",
    )
    roster = load_roster(tmp_path, employee_cls=PegawaiDaerah, unit_cls=UnitDaerah)
    ahmad, sri = roster.employees
    assert isinstance(ahmad, PegawaiDaerah) and isinstance(ahmad.unit, UnitDaerah)
    assert (ahmad.golongan, ahmad.tmt_jabatan, ahmad.masa_kerja, ahmad.honorer) == (
        "III/d",
        dt.date(2026, 4, 1),
        20,
        False,
    )
    assert (sri.golongan, sri.tmt_jabatan, sri.masa_kerja) == ("", None, 0)
    assert ahmad.unit.kabupaten == "Prabumulih"
    bapenda = UnitDaerah(
        "BAPENDA", "Badan Pendapatan Daerah", UnitKind.BADAN, kabupaten="Palembang"
    )
    assert ahmad.unit.induk == bapenda


def test_subclass_fields_in_the_flat_layout(tmp_path: Path) -> None:
    path = write(
        tmp_path / "roster.csv",
        "nip,nama,jenjang,golongan,kode_unit,nama_unit,jenis_unit,layanan_publik,induk_unit,"
        "kabupaten_unit\n"
        "198001012005011001,Ahmad,Pelaksana,II/c,BPBD,BPBD,Badan,ya,,Palembang\n",
    )
    roster = load_roster(path, employee_cls=PegawaiDaerah, unit_cls=UnitDaerah)
    assert roster.employees[0].golongan == "II/c"  # type: ignore[attr-defined]
    assert roster.units["BPBD"].kabupaten == "Palembang"  # type: ignore[attr-defined]


@attrs.frozen
class PegawaiBergolongan(Employee):
    golongan: str = attrs.field(kw_only=True)


def test_extra_field_without_default_is_a_required_column(in_data: None) -> None:
    _, problems = read_roster("good", employee_cls=PegawaiBergolongan)
    assert codes(problems) == ["D011"]
    assert problems[0].args == {"column": "golongan"}


def at_most_100(_: object, __: object, value: Decimal | None) -> None:
    if value is not None and value > 100:
        raise ValueError(f"capaian_kinerja {value} is above 100")


@attrs.frozen
class PegawaiBerkinerja(Employee):
    capaian_kinerja: Decimal | None = attrs.field(default=None, validator=at_most_100)


def test_a_validator_refusing_a_row_is_a_diagnostic(in_data: None) -> None:
    roster, problems = read_roster("good", employee_cls=PegawaiBerkinerja)
    assert codes(problems) == ["D029", "D029"]
    assert len(roster) == 7
    check_rendered("refused_by_class", problems)


@attrs.frozen
class PegawaiBertag(Employee):
    tag: list[str] = attrs.Factory(list)


def test_unsupported_field_type_is_a_developer_error(in_data: None) -> None:
    with pytest.raises(TypeError, match="unsupported field type"):
        read_roster("good", employee_cls=PegawaiBertag)


# -- property: written and read back, a roster is unchanged -----------------------

NAMES = (
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=24)
    .map(str.strip)
    .filter(bool)
)
CODES = st.from_regex(r"[A-Z][A-Z0-9_]{0,9}", fullmatch=True)


@st.composite
def nips(draw: st.DrawFn) -> str:
    born = draw(st.dates(dt.date(1950, 1, 1), dt.date(2005, 12, 31)))
    months = born.year * 12 + born.month - 1 + draw(st.integers(0, 45 * 12))
    gender = draw(st.sampled_from("12"))
    serial = draw(st.integers(0, 999))
    return f"{born:%Y%m%d}{months // 12:04d}{months % 12 + 1:02d}{gender}{serial:03d}"


@st.composite
def workforces(draw: st.DrawFn) -> tuple[list[Unit], list[Employee]]:
    specs = draw(
        st.lists(
            st.tuples(CODES, NAMES, st.sampled_from(UnitKind), st.booleans()),
            min_size=1,
            max_size=5,
            unique_by=lambda spec: spec[0],
        )
    )
    units: list[Unit] = []
    for i, (code, name, kind, public) in enumerate(specs):
        parent = draw(st.integers(-1, i - 1))
        units.append(Unit(code, name, kind, public, units[parent] if parent >= 0 else None))
    people = draw(
        st.lists(
            st.tuples(
                nips(),
                NAMES,
                st.integers(0, len(units) - 1),
                st.sampled_from(PositionLevel),
                st.one_of(st.just(""), NAMES),
                st.one_of(st.none(), st.decimals(0, 99_999, places=2)),
            ),
            min_size=len(units),
            max_size=len(units) + 8,
            unique_by=lambda person: person[0],
        )
    )
    # The first employees go one to each unit: a flat file only knows units with staff.
    employees = [
        Employee(nip, name, units[k if k < len(units) else unit], level, job, score)
        for k, (nip, name, unit, level, job, score) in enumerate(people)
    ]
    return units, employees


@attrs.frozen
class Style:
    """How a small writer spells a roster, as different exports do."""

    flat: bool
    english: bool
    delimiter: str
    bom: bool
    newline: str
    enum: str  # name | value | lower
    booleans: tuple[str, str]
    decimal: str  # point | comma | grouped_id | grouped_en
    reverse_units: bool


STYLES = st.builds(
    Style,
    st.booleans(),
    st.booleans(),
    st.sampled_from([",", ";"]),
    st.booleans(),
    st.sampled_from(["\n", "\r\n"]),
    st.sampled_from(["name", "value", "lower"]),
    st.sampled_from([("ya", "tidak"), ("Y", "T"), ("true", "false"), ("1", "0")]),
    st.sampled_from(["point", "comma", "grouped_id", "grouped_en"]),
    st.booleans(),
)


def spell(style: Style, value: object) -> str:
    if isinstance(value, bool):
        return style.booleans[0] if value else style.booleans[1]
    if isinstance(value, PositionLevel | UnitKind):
        text = {"name": value.name, "value": str(value.value)}.get(style.enum)
        return text if text is not None else value.name.lower().replace("_", " ")
    if isinstance(value, Decimal):
        grouped = f"{value:,}"
        return {
            "point": str(value),
            "comma": str(value).replace(".", ","),
            "grouped_en": grouped,
            "grouped_id": grouped.translate(str.maketrans(",.", ".,")),
        }[style.decimal]
    return "" if value is None else str(value)


def csv_bytes(style: Style, header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=style.delimiter, lineterminator=style.newline)
    writer.writerow(header)
    writer.writerows(rows)
    return (("\ufeff" if style.bom else "") + out.getvalue()).encode("utf-8")


def unit_cells(style: Style, u: Unit) -> list[str]:
    parent = u.induk.kode if u.induk else ""
    return [u.kode, u.nama, spell(style, u.jenis), spell(style, u.layanan_publik), parent]


HEADERS = {  # english? -> (unit.csv, pegawai.csv)
    False: (
        ["kode", "nama", "jenis", "layanan_publik", "induk"],
        ["nip", "nama", "unit", "jenjang", "jabatan", "capaian_kinerja"],
    ),
    True: (
        ["code", "name", "kind", "public_service", "parent"],
        ["nip", "name", "unit", "level", "position", "performance"],
    ),
}


def write_roster(where: Path, style: Style, units: list[Unit], people: list[Employee]) -> Path:
    """The small writer: either layout, Indonesian or English headers."""
    person = [
        [e.nip, e.nama, spell(style, e.jenjang), e.jabatan, spell(style, e.capaian_kinerja)]
        for e in people
    ]
    if style.flat:
        header = ["nip", "nama", "jenjang", "jabatan", "capaian_kinerja"]
        header += ["kode_unit", "nama_unit", "jenis_unit", "layanan_publik", "induk_unit"]
        if style.english:
            header = ["nip", "name", "level", "position", "performance"]
            header += ["unit_code", "unit_name", "unit_kind", "public_service", "parent_unit"]
        rows = [p + unit_cells(style, e.unit) for p, e in zip(person, people, strict=True)]
        (where / "roster.csv").write_bytes(csv_bytes(style, header, rows))
        return where / "roster.csv"
    ordered = list(reversed(units)) if style.reverse_units else units
    header = HEADERS[style.english][0]
    rows = [unit_cells(style, u) for u in ordered]
    (where / "unit.csv").write_bytes(csv_bytes(style, header, rows))
    header = HEADERS[style.english][1]
    rows = [[p[0], p[1], e.unit.kode, *p[2:]] for p, e in zip(person, people, strict=True)]
    (where / "pegawai.csv").write_bytes(csv_bytes(style, header, rows))
    return where


@fast_and_full(fast=12, full=60)
def test_written_roster_reads_back_unchanged(max_examples: int) -> None:
    @settings(max_examples=max_examples, deadline=None)
    @given(workforces(), STYLES)
    def holds(workforce: tuple[list[Unit], list[Employee]], style: Style) -> None:
        units, people = workforce
        with tempfile.TemporaryDirectory() as tmp:
            roster, problems = read_roster(write_roster(Path(tmp), style, units, people))
        assert problems == []
        assert roster.employees == tuple(people)
        assert roster.units == {u.kode: u for u in units}

    holds()


def test_every_data_code_is_documented_with_its_messages() -> None:
    docs = (REPO / "docs" / "data-formats.md").read_text("utf-8")
    for code, (indonesian, english) in CATALOGUE.items():
        if code[0] == "D" and code[1:].isdigit():
            assert f"| {code} | {indonesian} | {english} |" in docs, code
