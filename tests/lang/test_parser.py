"""The parser: text to AST, both keyword spellings, comments, syntax errors, input guards."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from edaran.core import Diagnostic, EdaranError
from edaran.lang import MAX_BYTES, MAX_DEPTH, grammar_text, keyword_pairs, parse, parse_file
from edaran.lang import nodes as n

HEADER = 'surat_edaran "1/2026":\n    berlaku 2026-04-01\n'
EXPECTED_HEADER = n.Header("1/2026", (n.HeaderItem("effective", ("2026-04-01",)),))


def name(*parts: str) -> n.Name:
    return n.Name(parts)


def rule_text(condition: str) -> str:
    return HEADER + f"\nbutir 1: moda_kerja adalah WFO jika {condition}\n"


def condition_of(text: str) -> n.Expr:
    """The condition of the single inline rule of ``rule_text``."""
    rule = parse(rule_text(text)).items[1]
    assert isinstance(rule, n.Rule)
    (condition,) = rule.conditions
    return condition


def errors_of(text: str) -> list[Diagnostic]:
    with pytest.raises(EdaranError) as caught:
        parse(text, "uji.edaran")
    return caught.value.diagnostics


def assert_inside(diagnostic: Diagnostic, text: str) -> None:
    span = diagnostic.span
    assert span is not None
    assert 0 <= span.start <= span.end <= len(text)
    assert 1 <= span.line <= span.end_line <= text.count("\n") + 1
    assert span.column >= 1


# ------------------------------------------------------------ small files
def test_header_and_block_rule() -> None:
    text = HEADER + (
        '\nbutir 2 "WFH setiap hari Jumat":\n'
        "    moda_kerja adalah WFH\n"
        "    jika hari adalah Jumat\n"
    )
    expected = n.Module(
        (
            EXPECTED_HEADER,
            n.Rule(
                n.Citation("butir", "2"),
                "WFH setiap hari Jumat",
                (),
                False,
                n.Assignment(n.Ident("moda_kerja"), name("WFH")),
                (n.Binary("eq", name("hari"), name("Jumat")),),
            ),
        )
    )
    assert parse(text) == expected


def test_full_header() -> None:
    text = (
        'surat_edaran "800.1/1230/BKD.I/2026":\n'
        '    tentang "Transformasi Budaya Kerja"\n'
        '    penerbit "Gubernur Sumatera Selatan"\n'
        '    dasar "SE Mendagri 800.1.5/3349/SJ"\n'
        '    dasar "PP 94/2021"\n'
        "    ditetapkan 2026-03-31\n"
        "    berlaku 2026-04-01 sampai 2026-12-31\n"
        "    evaluasi setiap 2 bulan\n"
        "    zona_waktu WIB\n"
    )
    expected = n.Module(
        (
            n.Header(
                "800.1/1230/BKD.I/2026",
                (
                    n.HeaderItem("subject", ("Transformasi Budaya Kerja",)),
                    n.HeaderItem("issuer", ("Gubernur Sumatera Selatan",)),
                    n.HeaderItem("basis", ("SE Mendagri 800.1.5/3349/SJ",)),
                    n.HeaderItem("basis", ("PP 94/2021",)),
                    n.HeaderItem("signed", ("2026-03-31",)),
                    n.HeaderItem("effective", ("2026-04-01", "2026-12-31")),
                    n.HeaderItem("evaluation", ("2", "bulan")),
                    n.HeaderItem("timezone", ("WIB",)),
                ),
            ),
        )
    )
    assert parse(text) == expected


def test_declarations() -> None:
    text = HEADER + (
        "himpunan JPT: jenjang = {JPT_MADYA, JPT_PRATAMA,}\n"
        "himpunan KANTOR: himpunan unit = {}\n"
        "enumerasi GOLONGAN = {III, IV}\n"
        "parameter HARI_WFH: hari = Jumat\n"
        "    mulai 2026-06-01: Kamis\n"
        "    mulai 2026-08-01: Rabu\n"
        "parameter BATAS: durasi = 5 menit\n"
        "keluaran wajib_apel: benar_salah\n"
        'moda WFK "Kerja dari kantor cabang"\n'
        "moda WFX\n"
        'hari_libur 2026-04-20 sampai 2026-04-21 "Libur daerah"\n'
        'hari_libur 2026-06-01 "HUT Provinsi"\n'
        "pekan_kerja Senin, Selasa, Rabu\n"
    )
    expected = n.Module(
        (
            EXPECTED_HEADER,
            n.SetDecl(
                n.Ident("JPT"),
                n.TypeRef("jenjang"),
                n.SetLit((name("JPT_MADYA"), name("JPT_PRATAMA"))),
            ),
            n.SetDecl(n.Ident("KANTOR"), n.TypeRef("unit", is_set=True), n.SetLit(())),
            n.EnumDecl(n.Ident("GOLONGAN"), (n.Ident("III"), n.Ident("IV"))),
            n.ParamDecl(
                n.Ident("HARI_WFH"),
                n.TypeRef("hari"),
                name("Jumat"),
                (
                    n.ParamChange(n.DateLit("2026-06-01"), name("Kamis")),
                    n.ParamChange(n.DateLit("2026-08-01"), name("Rabu")),
                ),
            ),
            n.ParamDecl(n.Ident("BATAS"), n.TypeRef("durasi"), n.Quantity("5", n.Ident("menit"))),
            n.OutputDecl(n.Ident("wajib_apel"), n.TypeRef("benar_salah")),
            n.ModeDecl(n.Ident("WFK"), "Kerja dari kantor cabang"),
            n.ModeDecl(n.Ident("WFX")),
            n.HolidayDecl(n.DateLit("2026-04-20"), n.DateLit("2026-04-21"), "Libur daerah"),
            n.HolidayDecl(n.DateLit("2026-06-01"), None, "HUT Provinsi"),
            n.WorkweekDecl((n.Ident("Senin"), n.Ident("Selasa"), n.Ident("Rabu"))),
        )
    )
    assert parse(text) == expected


def test_rule_heads_citations_and_examples() -> None:
    text = HEADER + (
        'butir 1.a "Tugas di kantor", bawaan:\n'
        "    moda_kerja adalah WFO\n"
        'butir 12.a "BPBD", pengecualian atas butir 2, butir 11:\n'
        "    moda_kerja adalah WFO\n"
        "    jika unit termasuk {BPBD}\n"
        "butir 6[pendukung], pengecualian atas butir 6[layanan]: moda_kerja adalah WFH\n"
        "angka 3 huruf b: moda_kerja adalah WFA jika a\n"
        "pasal 5 ayat (2):\n"
        "    moda_kerja adalah WFA\n"
        "    jika a\n"
        "    dan b\n"
        'contoh "Staf BPBD pada hari Jumat":\n'
        "    pegawai.jenjang adalah Pelaksana\n"
        '    unit.kode adalah "BPBD"\n'
        "    tanggal adalah 2026-04-10\n"
        "    maka moda_kerja adalah WFO\n"
    )
    wfo = n.Assignment(n.Ident("moda_kerja"), name("WFO"))
    wfa = n.Assignment(n.Ident("moda_kerja"), name("WFA"))
    expected = n.Module(
        (
            EXPECTED_HEADER,
            n.Rule(n.Citation("butir", "1.a"), "Tugas di kantor", (), True, wfo, ()),
            n.Rule(
                n.Citation("butir", "12.a"),
                "BPBD",
                (n.Citation("butir", "2"), n.Citation("butir", "11")),
                False,
                wfo,
                (n.Binary("in", name("unit"), n.SetLit((name("BPBD"),))),),
            ),
            n.Rule(
                n.Citation("butir", "6", tag="pendukung"),
                None,
                (n.Citation("butir", "6", tag="layanan"),),
                False,
                n.Assignment(n.Ident("moda_kerja"), name("WFH")),
                (),
            ),
            n.Rule(n.Citation("angka", "3", "b"), None, (), False, wfa, (name("a"),)),
            n.Rule(n.Citation("pasal", "5", "2"), None, (), False, wfa, (name("a"), name("b"))),
            n.Example(
                "Staf BPBD pada hari Jumat",
                (
                    n.Given(name("pegawai", "jenjang"), name("Pelaksana")),
                    n.Given(name("unit", "kode"), n.StrLit("BPBD")),
                    n.Given(name("tanggal"), n.DateLit("2026-04-10")),
                ),
                (n.Expect(name("moda_kerja"), name("WFO")),),
            ),
        )
    )
    assert parse(text) == expected


def test_citation_labels() -> None:
    assert n.Citation("butir", "12.d").label == "butir 12.d"
    assert n.Citation("butir", "6", tag="pendukung").label == "butir 6[pendukung]"
    assert n.Citation("butir", "6", tag="pendukung").clause == "butir 6"
    assert n.Citation("angka", "3", "b").label == "angka 3 huruf b"
    assert n.Citation("pasal", "5", "2").label == "pasal 5 ayat (2)"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (
            "a atau b dan tidak c",
            n.Binary("or", name("a"), n.Binary("and", name("b"), n.Not(name("c")))),
        ),
        (
            "(a atau b) dan c",
            n.Binary("and", n.Binary("or", name("a"), name("b")), name("c")),
        ),
        (
            "1 + 2 * 3 - -4 >= x / 2",
            n.Binary(
                ">=",
                n.Binary(
                    "-",
                    n.Binary("+", n.IntLit("1"), n.Binary("*", n.IntLit("2"), n.IntLit("3"))),
                    n.Binary("neg", None, n.IntLit("4")),
                ),
                n.Binary("/", name("x"), n.IntLit("2")),
            ),
        ),
        ("x antara 1 dan 2", n.Between(name("x"), n.IntLit("1"), n.IntLit("2"))),
        ("hari bukan Senin", n.Binary("ne", name("hari"), name("Senin"))),
        ("hari adalah tidak Senin", n.Binary("ne", name("hari"), name("Senin"))),
        ("unit tidak termasuk S", n.Binary("not_in", name("unit"), name("S"))),
        ("x != 3", n.Binary("!=", name("x"), n.IntLit("3"))),
        ("x = 0.5", n.Binary("=", name("x"), n.DecLit("0.5"))),
        ("x < 50%", n.Binary("<", name("x"), n.PercentLit("50%"))),
        ("x <= Rp 1.500.000", n.Binary("<=", name("x"), n.MoneyLit("Rp 1.500.000"))),
        ("x > 07:30", n.Binary(">", name("x"), n.TimeLit("07:30"))),
        ("x adalah 2026-04-01", n.Binary("eq", name("x"), n.DateLit("2026-04-01"))),
        (
            "x adalah 5 menit",
            n.Binary("eq", name("x"), n.Quantity("5", n.Ident("menit"))),
        ),
        (
            "x adalah 1.5 jam",
            n.Binary("eq", name("x"), n.Quantity("1.5", n.Ident("jam"))),
        ),
        ("benar", n.BoolLit(True)),
        ("tidak salah", n.Not(n.BoolLit(False))),
        ("true dan false", n.Binary("and", n.BoolLit(True), n.BoolLit(False))),
        (
            'pegawai.jabatan adalah "Kepala \\"Badan\\""',
            n.Binary("eq", name("pegawai", "jabatan"), n.StrLit('Kepala "Badan"')),
        ),
        (
            "unit termasuk {BPBD, SATPOL_PP,}",
            n.Binary("in", name("unit"), n.SetLit((name("BPBD"), name("SATPOL_PP")))),
        ),
        ("jikalau", name("jikalau")),  # a keyword inside a longer word is a name
        ("unit.induk.kode", name("unit", "induk", "kode")),
    ],
)
def test_expressions(written: str, expected: n.Expr) -> None:
    assert condition_of(written) == expected


def leaves(expr: n.Expr, op: str) -> list[n.Expr]:
    """The operands of a chain of one associative operator, in order."""
    if isinstance(expr, n.Binary) and expr.op == op:
        assert expr.left is not None
        return leaves(expr.left, op) + leaves(expr.right, op)
    return [expr]


@pytest.mark.parametrize(("word", "op"), [("dan", "and"), ("atau", "or")])
def test_chains_of_and_or_keep_their_operands_in_order(word: str, op: str) -> None:
    # How the chain nests is the parser's choice; the operands and their order are not.
    names = [f"x{i}" for i in range(7)]
    chain = condition_of(f" {word} ".join(names))
    assert leaves(chain, op) == [name(x) for x in names]
    assert condition_of(f"a {word} b") == n.Binary(op, name("a"), name("b"))


def test_string_escapes() -> None:
    # In the file: "a\nb" is a line break, "C:\\new" a backslash followed by n.
    assert condition_of('x adalah "a\\nb"') == n.Binary("eq", name("x"), n.StrLit("a\nb"))
    assert condition_of('x adalah "C:\\\\new"') == n.Binary("eq", name("x"), n.StrLit("C:\\new"))


def test_spans_are_not_identity_but_are_recorded() -> None:
    text = rule_text("hari adalah Jumat")
    condition = condition_of("hari adalah Jumat")
    assert condition.span is not None
    assert text[condition.span.start : condition.span.end] == "hari adalah Jumat"
    assert condition.span.line == 4
    moved = parse("\n\n" + text).items[1]
    assert isinstance(moved, n.Rule)
    assert moved.conditions == (condition,)
    assert moved.span is not None and moved.span.line == 6


def test_spans_stay_inside_a_text_without_a_final_newline() -> None:
    # The parser adds the missing line break before parsing; the spans of
    # the last item must still end inside the text the reader gave.
    text = HEADER + "butir 2, pengecualian atas butir 2: moda_kerja adalah WFH"
    module = parse(text)
    assert module.span is not None and module.items[-1].span is not None
    assert module.items[-1].span.end == len(text)
    assert module.span.end == len(text)


# ------------------------------------- quotas, targets, checklists, report
def only_item(body: str) -> n.Item:
    """The one block written after ``HEADER``."""
    header, item = parse(HEADER + body).items
    assert header == EXPECTED_HEADER
    return item


def test_quota_block() -> None:
    item = only_item(
        'kuota butir 8[dn] "Perjalanan dinas dalam negeri":\n'
        "    perjalanan dikurangi 70% dari tahun_lalu per unit per periode\n"
        "    jika perjalanan.jenis adalah DALAM_NEGERI\n"
        '    dan tidak perjalanan.tujuan adalah "Jakarta"\n'
        "    urutan perjalanan.mulai, perjalanan.id\n"
    )
    assert item == n.QuotaDecl(
        n.Citation("butir", "8", tag="dn"),
        "Perjalanan dinas dalam negeri",
        (
            n.QuotaLine(
                name("perjalanan"),
                "reduced",
                n.PercentLit("70%"),
                None,
                True,
                n.Ident("unit"),
                n.Ident("periode"),
            ),
        ),
        (
            n.Binary("eq", name("perjalanan", "jenis"), name("DALAM_NEGERI")),
            n.Not(n.Binary("eq", name("perjalanan", "tujuan"), n.StrLit("Jakarta"))),
        ),
        (name("perjalanan", "mulai"), name("perjalanan", "id")),
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "kendaraan paling banyak 50% dari tahun_lalu per unit per periode",
            n.QuotaLine(
                name("kendaraan"),
                "at_most",
                n.PercentLit("50%"),
                None,
                True,
                n.Ident("unit"),
                n.Ident("periode"),
            ),
        ),
        (
            "kendaraan paling banyak 50% dari DASAR[unit] per perangkat_daerah per bulan,"
            " dibulatkan terdekat",
            n.QuotaLine(
                name("kendaraan"),
                "at_most",
                n.PercentLit("50%"),
                n.Index(name("DASAR"), name("unit")),
                False,
                n.Ident("perangkat_daerah"),
                n.Ident("bulan"),
                "nearest",
            ),
        ),
        (
            "perjalanan dikurangi 30% dari 12 per unit per periode dibulatkan ke atas",
            n.QuotaLine(
                name("perjalanan"),
                "reduced",
                n.PercentLit("30%"),
                n.IntLit("12"),
                False,
                n.Ident("unit"),
                n.Ident("periode"),
                "up",
            ),
        ),
        (
            "kendaraan.bbm paling banyak 300 liter per unit per bulan",
            n.QuotaLine(
                name("kendaraan", "bbm"),
                "at_most",
                n.Quantity("300", n.Ident("liter")),
                None,
                False,
                n.Ident("unit"),
                n.Ident("bulan"),
            ),
        ),
        (
            "perjalanan.biaya paling banyak Rp 5.000.000 + Rp 500.000 per unit per bulan",
            n.QuotaLine(
                name("perjalanan", "biaya"),
                "at_most",
                n.Binary("+", n.MoneyLit("Rp 5.000.000"), n.MoneyLit("Rp 500.000")),
                None,
                False,
                n.Ident("unit"),
                n.Ident("bulan"),
            ),
        ),
    ],
)
def test_quota_lines(line: str, expected: n.QuotaLine) -> None:
    item = only_item(f"kuota butir 9:\n    {line}\n")
    assert isinstance(item, n.QuotaDecl)
    assert item.lines == (expected,)
    assert item.conditions == () and item.order == ()


def test_a_quota_block_holds_several_lines_in_any_order() -> None:
    item = only_item(
        "quota clause 9:\n"
        "    order vehicle.date\n"
        "    vehicle at most 10 per unit per month\n"
        "    if not vehicle.electric\n"
        "    vehicle.fuel reduced by 20% of last_year per agency per month, rounded down\n"
    )
    assert isinstance(item, n.QuotaDecl)
    assert [(line.measure.dotted, line.kind) for line in item.lines] == [
        ("vehicle", "at_most"),
        ("vehicle.fuel", "reduced"),
    ]
    assert item.lines[1].rounding == "down" and item.lines[1].last_year
    assert item.conditions == (n.Not(name("vehicle", "electric")),)
    assert item.order == (name("vehicle", "date"),)


def test_a_reduction_needs_its_baseline() -> None:
    (diagnostic,) = errors_of(
        HEADER + "kuota butir 8:\n    perjalanan dikurangi 50% per unit per periode\n"
    )
    assert diagnostic.code == "E001"
    assert diagnostic.message("id").endswith("yang diharapkan: 'dari'")
    assert diagnostic.message("en").endswith("expected: 'of'")


def test_target_block() -> None:
    item = only_item(
        'sasaran butir 7 "Rapat hibrida atau daring":\n'
        "    rapat.bentuk termasuk {HIBRIDA, DARING} paling sedikit 60% per unit per periode\n"
        "    rapat.bentuk adalah LURING paling banyak 40% per perangkat_daerah per bulan\n"
        "    jika rapat.jenis bukan SEMINAR\n"
    )
    assert item == n.TargetDecl(
        n.Citation("butir", "7"),
        "Rapat hibrida atau daring",
        (
            n.TargetLine(
                n.Binary(
                    "in", name("rapat", "bentuk"), n.SetLit((name("HIBRIDA"), name("DARING")))
                ),
                "at_least",
                n.PercentLit("60%"),
                n.Ident("unit"),
                n.Ident("periode"),
            ),
            n.TargetLine(
                n.Binary("eq", name("rapat", "bentuk"), name("LURING")),
                "at_most",
                n.PercentLit("40%"),
                n.Ident("perangkat_daerah"),
                n.Ident("bulan"),
            ),
        ),
        (n.Binary("ne", name("rapat", "jenis"), name("SEMINAR")),),
    )


def test_checklist_duty() -> None:
    item = only_item(
        'kewajiban butir 10.a "Matikan peralatan":\n'
        "    pada moda {WFH, WFA}\n"
        "    daftar_periksa {ELEKTRONIK, AC, LAMPU, KABEL}\n"
    )
    items = (name("ELEKTRONIK"), name("AC"), name("LAMPU"), name("KABEL"))
    assert item == n.DutyDecl(
        n.Citation("butir", "10.a"),
        "Matikan peralatan",
        n.SetLit((name("WFH"), name("WFA"))),
        None,
        checklist=n.SetLit(items),
    )
    # Without 'pada moda' the modes are left to the checker (WFH).
    alone = only_item("duty clause 10.a:\n    checklist {AC}\n")
    assert alone == n.DutyDecl(
        n.Citation("butir", "10.a"), None, None, None, checklist=n.SetLit((name("AC"),))
    )


def test_a_contact_duty_has_no_checklist() -> None:
    item = only_item("kewajiban butir 10.b:\n    pukul 07:30 sampai 16:00\n")
    assert isinstance(item, n.DutyDecl)
    assert item.checklist is None
    assert item.hours == (n.TimeLit("07:30"), n.TimeLit("16:00"))


def test_report_block() -> None:
    item = only_item(
        'laporan butir 13 "Penghematan":\n'
        "    perkiraan LISTRIK adalah periode.hari_wfh * 2.5 kWh * Rp 1.445\n"
        "    perkiraan LISTRIK adalah periode.hari_wfh * 2.5 kWh\n"
        "    perkiraan BELANJA_PEGAWAI adalah periode.hari_wfh * UANG_MAKAN[unit]\n"
    )
    kwh = n.Binary("*", name("periode", "hari_wfh"), n.Quantity("2.5", n.Ident("kWh")))
    assert item == n.ReportDecl(
        n.Citation("butir", "13"),
        "Penghematan",
        (
            n.Estimate(n.Ident("LISTRIK"), n.Binary("*", kwh, n.MoneyLit("Rp 1.445"))),
            n.Estimate(n.Ident("LISTRIK"), kwh),
            n.Estimate(
                n.Ident("BELANJA_PEGAWAI"),
                n.Binary(
                    "*", name("periode", "hari_wfh"), n.Index(name("UANG_MAKAN"), name("unit"))
                ),
            ),
        ),
    )


def test_example_lines_for_quotas_targets_and_estimates() -> None:
    item = only_item(
        'contoh "Kuota":\n'
        "    tanggal adalah 2026-04-10\n"
        "    dasar adalah 11\n"
        "    maka kuota butir 8[dn] adalah 5\n"
        "    maka dihitung butir 9 adalah salah\n"
        "    maka sasaran butir 7 adalah benar\n"
        "    maka perkiraan LISTRIK adalah Rp 520.200\n"
    )
    assert item == n.Example(
        "Kuota",
        (n.Given(name("tanggal"), n.DateLit("2026-04-10")),),
        (),
        baseline=n.IntLit("11"),
        records=(
            n.ExpectRecord("quota", n.Citation("butir", "8", tag="dn"), None, n.IntLit("5")),
            n.ExpectRecord("counted", n.Citation("butir", "9"), None, n.BoolLit(False)),
            n.ExpectRecord("target", n.Citation("butir", "7"), None, n.BoolLit(True)),
            n.ExpectRecord("estimate", None, n.Ident("LISTRIK"), n.MoneyLit("Rp 520.200")),
        ),
    )


@pytest.mark.parametrize(
    ("written", "amount", "unit"),
    [("2 kWh", "2", "kWh"), ("2.5 kWh", "2.5", "kWh"), ("10 m3", "10", "m3"), ("7 km", "7", "km")],
)
def test_quantities_are_numbers_with_a_unit(written: str, amount: str, unit: str) -> None:
    # The parser keeps the unit as written; the checker decides what it is.
    assert condition_of(f"x adalah {written}") == n.Binary(
        "eq", name("x"), n.Quantity(amount, n.Ident(unit))
    )


def test_new_keywords_need_a_word_boundary_too() -> None:
    # 'dari' and 'urutan' are keywords only as whole words.
    assert condition_of("daripada adalah urutannya") == n.Binary(
        "eq", name("daripada"), name("urutannya")
    )


def test_working_hours_with_breaks() -> None:
    hours = condition_of("x adalah pukul MASUK sampai MASUK + 8 jam istirahat 12:00 sampai 13:00")
    assert hours == n.Binary(
        "eq",
        name("x"),
        n.Hours(
            name("MASUK"),
            n.Binary("+", name("MASUK"), n.Quantity("8", n.Ident("jam"))),
            ((n.TimeLit("12:00"), n.TimeLit("13:00")),),
        ),
    )
    assert condition_of("istirahatnya adalah breaking") == n.Binary(
        "eq", name("istirahatnya"), name("breaking")
    )


# ------------------------------------------------------- both spellings
INDONESIAN = """\
surat_edaran "800.1/1230/BKD.I/2026":
    memperluas "nasional.edaran"
    mengubah "nasional.edaran"
    tentang "Transformasi Budaya Kerja"
    penerbit "Gubernur"
    dasar "SE Mendagri"
    ditetapkan 2026-03-31
    berlaku 2026-04-01 sampai 2026-12-31
    evaluasi setiap 2 bulan
    zona_waktu WIB
    mencakup pegawai.jenjang termasuk JPT
    sesudahnya WFO

atribut pegawai agama: enumerasi {ISLAM, KRISTEN}, wajib, kolom "agama"
himpunan JPT: jenjang = {JPT_MADYA, JPT_PRATAMA}
himpunan KANTOR: himpunan unit = {BPBD}
enumerasi GOLONGAN = {III, IV}
parameter HARI_WFH: hari = Jumat
    mulai 2026-06-01: Kamis
keluaran wajib_apel: benar_salah
moda WFK "Kerja dari kantor cabang"
hari_libur 2026-04-20 sampai 2026-04-21 "Libur daerah"
isbat 1 Syawal 1447 H adalah 2026-03-21
pekan_kerja Senin, Selasa, Rabu, Kamis, Jumat

hapus butir 9

butir 1.a "WFO", bawaan, mengikat:
    moda_kerja adalah WFO

butir 11 "JPT WFA", pengecualian atas butir 2:
    moda_kerja adalah WFA
    jika hari adalah HARI_WFH
    dan pegawai.jenjang termasuk JPT

angka 3 huruf b: moda_kerja adalah WFH jika tidak unit.layanan_publik atau hari bukan Senin
butir 6: jam_kerja adalah pukul 07:30 sampai 16:00 istirahat 12:00 sampai 12:00 + 1 jam
butir 7: moda_kerja dipilih dari {WFH, WFO} jika hari adalah Jumat

pasal 5 ayat (2) "Apel", pengecualian atas butir 2, butir 11:
    wajib_apel adalah benar
    jika pegawai.capaian_kinerja antara 1 dan 2 dan unit tidak termasuk {BPBD}
    dan hari adalah tidak Senin dan tidak salah

contoh "Staf":
    pegawai.jenjang adalah Pelaksana
    tanggal adalah 2026-04-10
    maka moda_kerja adalah WFO

tabel PROPORSI: unit -> persen = 100%
    BPKAD: 50%
        mulai 2026-05-01: 40%
    dari_berkas "proporsi.csv"

batas butir 4 "Kuota":
    WFH paling banyak PROPORSI[unit] per unit per hari, dibulatkan ke bawah
    WFO paling sedikit 1 per unit per hari dibulatkan ke atas
    WFH paling banyak 1 per pegawai per minggu dibulatkan terdekat
    WFA paling banyak 3 orang berbeda per unit per minggu
    WFA satu blok per pegawai, 2026-04-06 sampai 2026-04-08
    atau 2026-04-13 sampai 2026-04-15
    WFH satu blok 2 hari kerja per pegawai, 2026-04-20 sampai 2026-04-24
    diutamakan pegawai.capaian_kinerja, pegawai.jarak terkecil, pegawai.umur terbesar
    jika tidak unit.layanan_publik
kewajiban butir 10.b "Dapat dihubungi":
    pada moda {WFH}
    pukul 07:30 sampai 16:00

pelanggaran butir 10.c "Terlambat":
    jika kontak.terjawab
    dan kontak.waktu_respon >= 5 menit

sanksi butir 10.d[lisan] "Teguran lisan":
    setiap 2 pelanggaran butir 10.c per hari

sanksi butir 10.d[berulang] "Berulang":
    setiap 2 kali sanksi butir 10.d[lisan] per periode

kewajiban butir 5 "Presensi pagi":
    pada moda {WFH}
    jika hari bukan Jumat
    dan tidak pegawai.cuti
    presensi masuk pukul 07:30 sampai 08:00
    dalam radius 100 m dari rumah
    diverifikasi atasan

sanksi butir 6[a] "Tiga dalam setengah jam":
    setiap 3 pelanggaran butir 5 dalam 30 menit

sanksi butir 6[b] "Tiga hari":
    setiap 3 pelanggaran butir 5 pada hari berturut-turut
    potongan tunjangan Rp50.000 per hari

kuota butir 8[dn] "Perjalanan dinas dalam negeri":
    perjalanan dikurangi 50% dari tahun_lalu per unit per periode
    perjalanan.biaya paling banyak 50% dari DASAR[unit] per unit per bulan, dibulatkan ke atas
    kendaraan.bbm paling banyak 300 liter per unit per bulan
    jika perjalanan.jenis adalah DALAM_NEGERI
    dan tidak kendaraan.listrik
    urutan perjalanan.mulai, perjalanan.id

sasaran butir 7 "Rapat":
    rapat.bentuk termasuk {HIBRIDA, DARING} paling sedikit 60% per unit per periode
    rapat.bentuk adalah LURING paling banyak 40% per unit per bulan
    jika rapat.jenis adalah RAPAT

kewajiban butir 10.a "Energi":
    pada moda {WFH}
    daftar_periksa {ELEKTRONIK, AC, LAMPU, KABEL}

laporan butir 13 "Hemat":
    perkiraan LISTRIK adalah periode.hari_wfh * 2.5 kWh * Rp 1.445
    perkiraan BBM adalah periode.hari_wfh * 1.5 liter

ketentuan perjalanan butir 8.b "Surat tugas":
    harus perjalanan.selesai >= perjalanan.mulai
    jika perjalanan.jenis adalah DALAM_NEGERI

contoh "Kuota perjalanan":
    perjalanan.jenis adalah DALAM_NEGERI
    tanggal adalah 2026-04-10
    dasar adalah 11
    maka kuota butir 8[dn] adalah 5
    maka dihitung butir 8[dn] adalah benar
    maka sasaran butir 7 adalah salah
    maka perkiraan LISTRIK adalah Rp 520.200
    maka ketentuan butir 8.b adalah benar

contoh "Kontak":
    tanggal adalah 2026-04-10
    kontak panggilan pukul 09:00 tidak dijawab
    kontak pesan pukul 10:00 dijawab 2026-04-10 pukul 10:09 dengan alasan "rapat"
    maka pelanggaran butir 10.c adalah 1
    maka sanksi butir 10.d[lisan] adalah 0
"""

ENGLISH = """\
circular "800.1/1230/BKD.I/2026":
    extends "nasional.edaran"
    amends "nasional.edaran"
    subject "Transformasi Budaya Kerja"
    issuer "Gubernur"
    basis "SE Mendagri"
    signed 2026-03-31
    effective 2026-04-01 until 2026-12-31
    evaluation every 2 bulan
    time_zone WIB
    covers pegawai.jenjang in JPT
    afterwards WFO

attribute pegawai agama: enumeration {ISLAM, KRISTEN}, required, column "agama"
set JPT: jenjang = {JPT_MADYA, JPT_PRATAMA}
set KANTOR: set unit = {BPBD}
enumeration GOLONGAN = {III, IV}
parameter HARI_WFH: hari = Jumat
    from 2026-06-01: Kamis
output wajib_apel: benar_salah
mode WFK "Kerja dari kantor cabang"
holiday 2026-04-20 until 2026-04-21 "Libur daerah"
sighting 1 Syawal 1447 H is 2026-03-21
work_week Senin, Selasa, Rabu, Kamis, Jumat

remove clause 9

clause 1.a "WFO", default, binding:
    moda_kerja is WFO

clause 11 "JPT WFA", exception to clause 2:
    moda_kerja is WFA
    if hari is HARI_WFH
    and pegawai.jenjang in JPT

angka 3 huruf b: moda_kerja is WFH if not unit.layanan_publik or hari is not Senin
clause 6: jam_kerja is hours 07:30 until 16:00 break 12:00 until 12:00 + 1 jam
clause 7: moda_kerja chosen from {WFH, WFO} if hari is Jumat

article 5 paragraph (2) "Apel", exception to clause 2, clause 11:
    wajib_apel is true
    if pegawai.capaian_kinerja between 1 and 2 and unit not in {BPBD}
    and hari is not Senin and not false

example "Staf":
    pegawai.jenjang is Pelaksana
    tanggal is 2026-04-10
    then moda_kerja is WFO

table PROPORSI: unit -> persen = 100%
    BPKAD: 50%
        from 2026-05-01: 40%
    from_file "proporsi.csv"

limit clause 4 "Kuota":
    WFH at most PROPORSI[unit] per unit per hari, rounded down
    WFO at least 1 per unit per hari rounded up
    WFH at most 1 per pegawai per minggu rounded nearest
    WFA at most 3 different people per unit per minggu
    WFA one block per pegawai, 2026-04-06 until 2026-04-08
    or 2026-04-13 until 2026-04-15
    WFH one block of 2 working days per pegawai, 2026-04-20 until 2026-04-24
    priority pegawai.capaian_kinerja, pegawai.jarak smallest, pegawai.umur largest
    if not unit.layanan_publik
duty clause 10.b "Dapat dihubungi":
    on mode {WFH}
    hours 07:30 until 16:00

breach clause 10.c "Terlambat":
    if kontak.terjawab
    and kontak.waktu_respon >= 5 menit

sanction clause 10.d[lisan] "Teguran lisan":
    every 2 breach clause 10.c per hari

sanction clause 10.d[berulang] "Berulang":
    every 2 times sanction clause 10.d[lisan] per periode

duty clause 5 "Presensi pagi":
    on mode {WFH}
    if hari bukan Jumat
    and not pegawai.cuti
    attendance masuk hours 07:30 until 08:00
    within radius 100 m of rumah
    verified by superior

sanction clause 6[a] "Tiga dalam setengah jam":
    every 3 breach clause 5 within 30 menit

sanction clause 6[b] "Tiga hari":
    every 3 breach clause 5 on consecutive days
    allowance cut Rp50.000 per hari

quota clause 8[dn] "Perjalanan dinas dalam negeri":
    perjalanan reduced by 50% of last_year per unit per periode
    perjalanan.biaya at most 50% of DASAR[unit] per unit per bulan, rounded up
    kendaraan.bbm at most 300 liter per unit per bulan
    if perjalanan.jenis is DALAM_NEGERI
    and not kendaraan.listrik
    order perjalanan.mulai, perjalanan.id

target clause 7 "Rapat":
    rapat.bentuk in {HIBRIDA, DARING} at least 60% per unit per periode
    rapat.bentuk is LURING at most 40% per unit per bulan
    if rapat.jenis is RAPAT

duty clause 10.a "Energi":
    on mode {WFH}
    checklist {ELEKTRONIK, AC, LAMPU, KABEL}

report clause 13 "Hemat":
    estimate LISTRIK is periode.hari_wfh * 2.5 kWh * Rp 1.445
    estimate BBM is periode.hari_wfh * 1.5 liter

provision perjalanan clause 8.b "Surat tugas":
    must perjalanan.selesai >= perjalanan.mulai
    if perjalanan.jenis is DALAM_NEGERI

example "Kuota perjalanan":
    perjalanan.jenis is DALAM_NEGERI
    tanggal is 2026-04-10
    basis is 11
    then quota clause 8[dn] is 5
    then counted clause 8[dn] is true
    then target clause 7 is false
    then estimate LISTRIK is Rp 520.200
    then provision clause 8.b is true

example "Kontak":
    tanggal is 2026-04-10
    contact panggilan hours 09:00 not answered
    contact pesan hours 10:00 answered 2026-04-10 hours 10:09 with reason "rapat"
    then breach clause 10.c is 1
    then sanction clause 10.d[lisan] is 0
"""

MIXED = """\
circular "800.1/1230/BKD.I/2026":
    memperluas "nasional.edaran"
    amends "nasional.edaran"
    tentang "Transformasi Budaya Kerja"
    issuer "Gubernur"
    dasar "SE Mendagri"
    signed 2026-03-31
    berlaku 2026-04-01 until 2026-12-31
    evaluation setiap 2 bulan
    zona_waktu WIB
    covers pegawai.jenjang termasuk JPT
    afterwards WFO

attribute pegawai agama: enumerasi {ISLAM, KRISTEN} required kolom "agama"
set JPT: jenjang = {JPT_MADYA, JPT_PRATAMA}
himpunan KANTOR: set unit = {BPBD}
enumerasi GOLONGAN = {III, IV}
parameter HARI_WFH: hari = Jumat
    from 2026-06-01: Kamis
keluaran wajib_apel: benar_salah
mode WFK "Kerja dari kantor cabang"
hari_libur 2026-04-20 until 2026-04-21 "Libur daerah"
isbat 1 Syawal 1447 H is 2026-03-21
work_week Senin, Selasa, Rabu, Kamis, Jumat

hapus clause 9

butir 1.a "WFO", default, mengikat:
    moda_kerja is WFO

clause 11 "JPT WFA", pengecualian to butir 2:
    moda_kerja adalah WFA
    if hari adalah HARI_WFH
    dan pegawai.jenjang in JPT

angka 3 huruf b: moda_kerja adalah WFH if not unit.layanan_publik atau hari bukan Senin
butir 6: jam_kerja is pukul 07:30 until 16:00 break 12:00 sampai 12:00 + 1 jam
clause 7: moda_kerja dipilih dari {WFH, WFO} if hari adalah Jumat

pasal 5 paragraph (2) "Apel", exception atas clause 2, butir 11:
    wajib_apel is benar
    jika pegawai.capaian_kinerja between 1 dan 2 and unit tidak in {BPBD}
    and hari adalah not Senin dan not salah

contoh "Staf":
    pegawai.jenjang is Pelaksana
    tanggal adalah 2026-04-10
    then moda_kerja adalah WFO

tabel PROPORSI: unit -> persen = 100%
    BPKAD: 50%
        from 2026-05-01: 40%
    dari_berkas "proporsi.csv"

limit butir 4 "Kuota":
    WFH paling banyak PROPORSI[unit] per unit per hari, rounded down
    WFO at least 1 per unit per hari dibulatkan ke atas
    WFH at most 1 per pegawai per minggu dibulatkan nearest
    WFA paling banyak 3 different people per unit per minggu
    WFA one block per pegawai, 2026-04-06 sampai 2026-04-08
    atau 2026-04-13 until 2026-04-15
    WFH satu blok dari 2 working days per pegawai, 2026-04-20 until 2026-04-24
    priority pegawai.capaian_kinerja, pegawai.jarak terkecil, pegawai.umur largest
    jika not unit.layanan_publik
kewajiban clause 10.b "Dapat dihubungi":
    on moda {WFH}
    pukul 07:30 until 16:00

breach butir 10.c "Terlambat":
    jika kontak.terjawab
    and kontak.waktu_respon >= 5 menit

sanksi clause 10.d[lisan] "Teguran lisan":
    setiap 2 breach butir 10.c per hari

sanction butir 10.d[berulang] "Berulang":
    every 2 kali sanksi clause 10.d[lisan] per periode

duty clause 5 "Presensi pagi":
    on mode {WFH}
    if hari bukan Jumat
    and not pegawai.cuti
    attendance masuk hours 07:30 until 08:00
    dalam radius 100 m of rumah
    diverifikasi atasan

sanction clause 6[a] "Tiga dalam setengah jam":
    every 3 breach clause 5 within 30 menit

sanction clause 6[b] "Tiga hari":
    every 3 breach clause 5 on consecutive days
    allowance cut Rp50.000 per hari

quota butir 8[dn] "Perjalanan dinas dalam negeri":
    perjalanan reduced\t by 50% dari last_year per unit per periode
    perjalanan.biaya paling banyak 50% of DASAR[unit] per unit per bulan, rounded ke atas
    kendaraan.bbm at most 300 liter per unit per bulan
    if perjalanan.jenis adalah DALAM_NEGERI
    dan not kendaraan.listrik
    order perjalanan.mulai, perjalanan.id

sasaran clause 7 "Rapat":
    rapat.bentuk in {HIBRIDA, DARING} paling sedikit 60% per unit per periode
    rapat.bentuk is LURING at most 40% per unit per bulan
    jika rapat.jenis is RAPAT

kewajiban clause 10.a "Energi":
    on moda {WFH}
    checklist {ELEKTRONIK, AC, LAMPU, KABEL}

report butir 13 "Hemat":
    perkiraan LISTRIK is periode.hari_wfh * 2.5 kWh * Rp 1.445
    estimate BBM adalah periode.hari_wfh * 1.5 liter

ketentuan perjalanan clause 8.b "Surat tugas":
    must perjalanan.selesai >= perjalanan.mulai
    jika perjalanan.jenis is DALAM_NEGERI

example "Kuota perjalanan":
    perjalanan.jenis adalah DALAM_NEGERI
    tanggal is 2026-04-10
    dasar is 11
    then kuota butir 8[dn] is 5
    maka counted clause 8[dn] adalah true
    then sasaran clause 7 adalah salah
    maka estimate LISTRIK is Rp 520.200
    then ketentuan butir 8.b is benar

contoh "Kontak":
    tanggal is 2026-04-10
    contact panggilan pukul 09:00 tidak answered
    kontak pesan hours 10:00 dijawab 2026-04-10 pukul 10:09 with reason "rapat"
    then pelanggaran clause 10.c adalah 1
    maka sanction butir 10.d[lisan] is 0
"""


def test_english_and_mixed_spellings_give_the_same_ast() -> None:
    indonesian = parse(INDONESIAN)
    assert len(indonesian.items) == 35
    assert parse(ENGLISH) == indonesian
    assert parse(MIXED) == indonesian


def test_comments_and_blank_lines_anywhere() -> None:
    commented = """\
# Komentar sebelum kepala surat.

surat_edaran "800.1/1230/BKD.I/2026":   # nomor surat
    memperluas "nasional.edaran"   # SE Mendagri
    mengubah "nasional.edaran"     # dan mengubahnya
    # komentar di dalam kepala
    tentang "Transformasi Budaya Kerja"

    penerbit "Gubernur"
# komentar di kolom pertama, di tengah blok
    dasar "SE Mendagri"
        # komentar yang menjorok lebih dalam
    ditetapkan 2026-03-31
    berlaku 2026-04-01 sampai 2026-12-31   # butir 14
    evaluasi setiap 2 bulan
    zona_waktu WIB
    mencakup pegawai.jenjang termasuk JPT   # yang dicakup
    sesudahnya WFO
\t
atribut pegawai agama: enumerasi {ISLAM,  # agama
                                  KRISTEN}, wajib, kolom "agama"
himpunan JPT: jenjang = {JPT_MADYA, JPT_PRATAMA}  # butir 11
himpunan KANTOR: himpunan unit = {BPBD}
enumerasi GOLONGAN = {III, IV}
parameter HARI_WFH: hari = Jumat
    # evaluasi dua bulanan
    mulai 2026-06-01: Kamis
keluaran wajib_apel: benar_salah
moda WFK "Kerja dari kantor cabang"
hari_libur 2026-04-20 sampai 2026-04-21 "Libur daerah"
isbat 1 Syawal 1447 H adalah 2026-03-21
pekan_kerja Senin, Selasa, Rabu, Kamis, Jumat



hapus butir 9   # tidak berlaku di provinsi ini

butir 1.a "WFO", bawaan, mengikat:   # bawaan
    moda_kerja adalah WFO
    \n\
butir 11 "JPT WFA", pengecualian atas butir 2:

    moda_kerja adalah WFA   # WFA
    # syarat pertama
    jika hari adalah HARI_WFH

    dan pegawai.jenjang termasuk JPT
angka 3 huruf b: moda_kerja adalah WFH jika tidak unit.layanan_publik atau hari bukan Senin # x
butir 6: jam_kerja adalah pukul 07:30 sampai 16:00 istirahat 12:00 sampai 12:00 + 1 jam # x
butir 7: moda_kerja dipilih dari {WFH, WFO} jika hari adalah Jumat # x

pasal 5 ayat (2) "Apel", pengecualian atas butir 2, butir 11:
    wajib_apel adalah benar
    jika pegawai.capaian_kinerja antara 1 dan 2 dan unit tidak termasuk {BPBD}
    dan hari adalah tidak Senin dan tidak salah
# "contoh" di bawah
contoh "Staf":
    pegawai.jenjang adalah Pelaksana
    tanggal adalah 2026-04-10
    maka moda_kerja adalah WFO
tabel PROPORSI: unit -> persen = 100%   # butir 4
    # baris per unit
    BPKAD: 50%
        mulai   2026-05-01:  40%
    dari_berkas  "proporsi.csv"  # baris dari berkas

batas butir 4 "Kuota":  # kuota
    WFH paling  banyak PROPORSI[unit] per unit per hari, dibulatkan ke  bawah

    WFO paling sedikit 1 per unit per hari dibulatkan ke atas
    WFH paling banyak 1 per pegawai per minggu dibulatkan terdekat  # per orang
    WFA paling banyak 3 orang  berbeda per unit per minggu
    WFA satu  blok per pegawai, 2026-04-06 sampai 2026-04-08  # blok
    atau 2026-04-13 sampai 2026-04-15
    WFH satu blok  2 hari  kerja per pegawai,2026-04-20 sampai 2026-04-24
    diutamakan  pegawai.capaian_kinerja,pegawai.jarak  terkecil, pegawai.umur terbesar  # urutan
    jika tidak unit.layanan_publik
kewajiban butir 10.b "Dapat dihubungi":  # butir 10.b
    pada moda {WFH}
    pukul 07:30 sampai 16:00

pelanggaran butir 10.c "Terlambat":
    jika kontak.terjawab
    dan kontak.waktu_respon >= 5 menit

sanksi butir 10.d[lisan] "Teguran lisan":
    setiap 2 pelanggaran butir 10.c per hari

sanksi butir 10.d[berulang] "Berulang":
    setiap 2 kali sanksi butir 10.d[lisan] per periode

kewajiban butir 5 "Presensi pagi":
    pada moda {WFH}
    jika hari bukan Jumat
    dan tidak pegawai.cuti
    presensi masuk pukul 07:30 sampai 08:00
    dalam radius 100 m dari rumah
    diverifikasi atasan

sanksi butir 6[a] "Tiga dalam setengah jam":
    setiap 3 pelanggaran butir 5 dalam 30 menit

sanksi butir 6[b] "Tiga hari":
    setiap 3 pelanggaran butir 5 pada hari berturut-turut
    potongan tunjangan Rp50.000 per hari

# butir 8 dan 9: kuota
kuota butir 8[dn] "Perjalanan dinas dalam negeri":   # dikurangi separuh
    perjalanan dikurangi 50% dari tahun_lalu per unit per periode

    perjalanan.biaya paling banyak 50% dari DASAR[unit] per unit per bulan, dibulatkan ke  atas
    # BBM dalam liter
    kendaraan.bbm paling banyak 300 liter per unit per bulan
    jika perjalanan.jenis adalah DALAM_NEGERI
    dan tidak kendaraan.listrik   # kendaraan listrik tidak dihitung
    urutan perjalanan.mulai, perjalanan.id
sasaran butir 7 "Rapat":  # butir 7
    rapat.bentuk termasuk {HIBRIDA, DARING} paling sedikit 60% per unit per periode
    rapat.bentuk adalah LURING paling banyak 40% per unit per bulan
    jika rapat.jenis adalah RAPAT

kewajiban butir 10.a "Energi":
    pada moda {WFH}
    daftar_periksa {ELEKTRONIK, AC,   # dan
                    LAMPU, KABEL}
laporan butir 13 "Hemat":
        # perkiraan bila data realisasi tidak ada
    perkiraan LISTRIK adalah periode.hari_wfh * 2.5 kWh * Rp 1.445
    perkiraan BBM adalah periode.hari_wfh * 1.5 liter   # liter
ketentuan perjalanan butir 8.b "Surat tugas":  # per catatan
    harus perjalanan.selesai >= perjalanan.mulai
    jika perjalanan.jenis adalah DALAM_NEGERI   # saja
contoh "Kuota perjalanan":  # butir 8
    perjalanan.jenis adalah DALAM_NEGERI
    tanggal adalah 2026-04-10
    dasar adalah 11   # tahun lalu
    maka kuota butir 8[dn] adalah 5

    maka dihitung butir 8[dn] adalah benar
    maka sasaran butir 7 adalah salah
    maka perkiraan LISTRIK adalah Rp 520.200
    maka ketentuan butir 8.b adalah benar

contoh "Kontak":
    tanggal adalah 2026-04-10
    kontak panggilan pukul 09:00 tidak dijawab
    kontak pesan pukul 10:00 dijawab 2026-04-10 pukul 10:09 dengan alasan "rapat"
    maka pelanggaran butir 10.c adalah 1
    maka sanksi butir 10.d[lisan] adalah 0
# komentar terakhir, tanpa baris baru di akhir"""
    assert parse(commented) == parse(INDONESIAN)


def test_windows_line_endings_bom_and_no_final_newline() -> None:
    plain = parse(INDONESIAN)
    assert parse(INDONESIAN.replace("\n", "\r\n")) == plain
    assert parse("\ufeff" + INDONESIAN) == plain
    assert parse(INDONESIAN.rstrip("\n")) == plain


def test_tabs_indent_like_eight_spaces() -> None:
    spaces = 'surat_edaran "1":\n        berlaku 2026-04-01\n        tentang "x"\n'
    assert parse(spaces.replace("        ", "\t")) == parse(spaces)


def test_a_file_of_comments_only_is_an_empty_module() -> None:
    assert parse("# hanya komentar\n\n# lagi\n") == n.Module(())


def test_parse_file_names_the_source(tmp_path: Path) -> None:
    path = tmp_path / "se.edaran"
    path.write_text(HEADER, encoding="utf-8")
    module = parse_file(path)
    assert module == n.Module((EXPECTED_HEADER,))
    assert module.span is not None and module.span.path == str(path)


# -------------------------------------------------------- syntax errors
SYNTAX_ERRORS = [
    # (case, text, code, line, column)
    (
        "misspelt keyword",
        HEADER + "butir 1:\n    moda_kerja adalah WFO\n    jikaa a\n",
        "E001",
        5,
        5,
    ),
    ("missing colon", HEADER + 'butir 1 "x"\n    moda_kerja adalah WFO\n', "E001", 3, 12),
    ("stray indentation", HEADER + '        tentang "x"\n', "E001", 3, 9),
    ("missing body indentation", HEADER + "butir 1:\nmoda_kerja adalah WFO\n", "E001", 4, 1),
    ("dangling operator", HEADER + "butir 1: moda_kerja adalah WFO jika a dan\n", "E001", 3, 42),
    ("unexpected character", HEADER + "butir 1: moda_kerja adalah WFO jika a ?\n", "E002", 3, 39),
    ("unterminated string", HEADER + 'butir 1 "abc\n', "E002", 3, 9),
    ("typographic quotes", HEADER + "butir 1 \u201cx\u201d:\n", "E002", 3, 9),
    # E003 points just after the last thing written, not at a line after it.
    ("block header at end of file", HEADER + 'butir 2 "x":\n', "E003", 3, 13),
    ("block header without newline", HEADER + 'butir 2 "x":', "E003", 3, 13),
    ("unclosed parenthesis", HEADER + "butir 1: moda_kerja adalah (WFO\n", "E003", 3, 32),
    ("header alone", 'surat_edaran "1":\n', "E003", 1, 18),
    (
        "dedent to no enclosing level",
        HEADER + "butir 1:\n        moda_kerja adalah WFO\n    jika a\n",
        "E004",
        5,
        5,
    ),
    (
        "tab and spaces disagree",
        'surat_edaran "1":\n\tberlaku 2026-04-01\n   tentang "x"\n',
        "E004",
        3,
        4,
    ),
]


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [case[1:] for case in SYNTAX_ERRORS],
    ids=[case[0] for case in SYNTAX_ERRORS],
)
def test_syntax_errors(text: str, code: str, line: int, column: int) -> None:
    (diagnostic,) = errors_of(text)
    assert diagnostic.code == code
    assert_inside(diagnostic, text)
    assert diagnostic.span is not None
    assert (diagnostic.span.line, diagnostic.span.column) == (line, column)
    assert diagnostic.span.path == "uji.edaran"
    # Every message renders in both languages without a missing argument.
    assert diagnostic.message("id") != diagnostic.message("en")


@pytest.mark.parametrize("separator", ["\x0c", "\x0b", "\x85", "\u2028"])
def test_inconsistent_indentation_after_a_page_break(separator: str) -> None:
    # A form feed (a page break pasted from a word processor) or another
    # character Python counts as a line break must not shift the line number:
    # lines are counted by '\n' everywhere else.
    text = (
        'surat_edaran "1":\n'
        f"    # halaman 1{separator}\n"
        "        berlaku 2026-04-01\n"
        '      tentang "x"\n'
    )
    (diagnostic,) = errors_of(text)
    assert diagnostic.code == "E004"
    assert diagnostic.span is not None
    assert (diagnostic.span.line, diagnostic.span.column) == (4, 7)
    assert_inside(diagnostic, text)


def test_misspelt_keyword_suggests_the_keyword() -> None:
    (diagnostic,) = errors_of(HEADER + "butir 1:\n    moda_kerja adalah WFO\n    jikaa a\n")
    assert diagnostic.suggestions == ("jika",)
    assert diagnostic.message("id") == (
        "sintaks: tidak diharapkan 'jikaa'; yang diharapkan: 'dan', 'jika', akhir baris"
    )
    assert diagnostic.message("en") == (
        "syntax: unexpected 'jikaa'; expected: 'and', 'if', end of line"
    )


def test_misspelt_english_keyword_suggests_the_english_keyword() -> None:
    (diagnostic,) = errors_of(HEADER + "clause 1:\n    moda_kerja is WFO\n    iff a\n")
    assert diagnostic.code == "E001"
    assert diagnostic.suggestions == ("if",)


def test_a_syntax_error_stops_at_the_first_problem() -> None:
    diagnostics = errors_of(HEADER + "butir 1: moda_kerja adalah ?\nbutir 2: ?\n")
    assert [d.code for d in diagnostics] == ["E002"]


# --------------------------------------------------------- input guards
def e005_reason(diagnostics: list[Diagnostic], lang: str = "en") -> str:
    (diagnostic,) = diagnostics
    assert diagnostic.code == "E005"
    prefix = "file cannot be read as rules: "
    text = diagnostic.message(lang)
    assert text.startswith(prefix)
    return text[len(prefix) :]


@pytest.mark.parametrize("text", ["", " ", "\n\n", " \t\r\n  \n"])
def test_empty_and_whitespace_only_input(text: str) -> None:
    diagnostics = errors_of(text)
    assert e005_reason(diagnostics) == "the file is empty"
    assert diagnostics[0].message("id") == "berkas tidak dapat dibaca sebagai aturan: berkas kosong"
    assert_inside(diagnostics[0], text)


def test_binary_input() -> None:
    text = HEADER + "\x00\x01\x02"
    assert e005_reason(errors_of(text)) == "a binary file, not text"


def test_non_utf8_text() -> None:
    # A lone surrogate is what a str holds after reading bytes that are not UTF-8.
    assert e005_reason(errors_of("surat_edaran \udce9")) == "not UTF-8 text (byte 13)"


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.edaran"
    path.write_bytes('surat_edaran "Peraturan Daerah \u00e9":\n'.encode("latin-1"))
    with pytest.raises(EdaranError) as caught:
        parse_file(path)
    assert e005_reason(caught.value.diagnostics) == "not UTF-8 text (byte 31)"


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "gambar.edaran"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(EdaranError) as caught:
        parse_file(path)
    assert e005_reason(caught.value.diagnostics) == "a binary file, not text"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EdaranError) as caught:
        parse_file(tmp_path / "tidak-ada.edaran")
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "E005"
    assert diagnostic.span is not None
    assert diagnostic.span.path == str(tmp_path / "tidak-ada.edaran")


def test_input_over_max_bytes() -> None:
    text = "#" * MAX_BYTES + "\n"
    reason = e005_reason(errors_of(text))
    assert reason == f"file too large ({MAX_BYTES + 1} bytes; the limit is {MAX_BYTES} bytes)"


def test_input_of_exactly_max_bytes_is_read() -> None:
    text = HEADER + "#" * (MAX_BYTES - len(HEADER) - 1) + "\n"
    assert len(text.encode()) == MAX_BYTES
    assert parse(text) == n.Module((EXPECTED_HEADER,))


def test_too_deeply_nested_input() -> None:
    reason = e005_reason(errors_of(rule_text("tidak " * MAX_DEPTH + "benar")))
    assert reason == f"expressions nested too deeply (more than {MAX_DEPTH} levels)"
    deep_sum = rule_text(" + ".join(["1"] * (MAX_DEPTH + 1)) + " > 0")
    assert e005_reason(errors_of(deep_sum)).startswith("expressions nested too deeply")


def test_moderately_nested_input_is_fine() -> None:
    condition = condition_of("tidak " * 50 + "benar")
    for _ in range(50):
        assert isinstance(condition, n.Not)
        condition = condition.operand
    assert condition == n.BoolLit(True)
    # Parentheses alone add no depth.
    assert condition_of("(" * 1000 + "a" + ")" * 1000) == name("a")


# --------------------------------------------------------- keyword table
def grammar_keyword_terminals() -> dict[str, list[str]]:
    """Keyword terminals read from the grammar text itself: name -> its words."""
    found: dict[str, list[str]] = {}
    for line in grammar_text().splitlines():
        match = re.match(r"^(_[A-Z_]+)(?:\.\d+)?:\s*(.*)$", line)
        if match and match.group(1) not in ("_NL",):
            # Two-word keywords are written 'paling[ \t]+banyak'.
            words = re.fullmatch(r"/\(\?:([\w|\[\] \\t+-]+)\)\\b/", match.group(2).strip())
            assert words, f"keyword terminal {match.group(1)} has an unexpected pattern"
            found[match.group(1)] = [w.replace("[ \\t]+", " ") for w in words.group(1).split("|")]
    return found


def test_keyword_table_covers_every_keyword_terminal() -> None:
    grammar = grammar_keyword_terminals()
    pairs = keyword_pairs()
    assert len(grammar) == 93
    assert set(pairs) == set(grammar)
    for terminal, words in grammar.items():
        assert pairs[terminal] == (words[0], words[-1])


def test_keyword_table_spellings() -> None:
    pairs = keyword_pairs()
    assert pairs["_IF"] == ("jika", "if")
    assert pairs["_EXCEPTION"] == ("pengecualian", "exception")
    assert pairs["_BUTIR"] == ("butir", "clause")
    assert pairs["_CIRCULAR"] == ("surat_edaran", "circular")
    # One spelling only: used in both languages.
    assert pairs["_ANGKA"] == ("angka", "angka")
    assert pairs["_ISNT"] == ("bukan", "bukan")
    words = [word for pair in pairs.values() for word in set(pair)]
    assert len(words) == len(set(words)), "a word is the spelling of two keywords"


def test_the_spelling_tests_use_every_keyword_in_both_languages() -> None:
    def written(word: str, text: str) -> bool:
        return re.search(r"\b" + word.replace(" ", r"\s+") + r"\b", text) is not None

    for terminal, (word_id, word_en) in keyword_pairs().items():
        assert written(word_id, INDONESIAN), terminal
        # 'bukan' has no English spelling of its own: English writes 'is not'.
        if terminal != "_ISNT":
            assert written(word_en, ENGLISH), terminal


def test_keywords_need_a_word_boundary() -> None:
    # 'jikalau' is a name, not 'jika' followed by 'lau'; 'adalahnya' likewise.
    assert condition_of("jikalau adalah adalahnya") == n.Binary(
        "eq", name("jikalau"), name("adalahnya")
    )
