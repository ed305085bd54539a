"""Per-record rules (``ketentuan``) and the fields a rule file declares on records.

The data are under ``tests/data/provisions/``: three people in two units, four
trips (one of each kind of failure and one that meets every provision) and a
file of bad cells.  What people read is compared with golden files under
``tests/golden/provisions/`` in both languages; the two backends are held to
the same answer by a property test.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edaran import Circular
from edaran.cli import main
from edaran.core.diagnostics import render_all
from edaran.core.types import Duration
from edaran.io.records import read_records
from edaran.io.roster import load_roster
from edaran.quota.engine import run_quotas
from edaran.quota.provisions import judge
from golden import check_golden, check_golden_json

DATA = "tests/data/provisions"
RULES = f"{DATA}/se.edaran"
ROSTER = f"{DATA}/roster"
TRIPS = f"{DATA}/perjalanan.csv"


@pytest.fixture(scope="module")
def circular() -> Circular:
    return Circular.load(RULES)


@pytest.fixture(scope="module")
def roster(circular: Circular) -> object:
    return load_roster(ROSTER, **circular.roster_classes())


def _trips(circular: Circular, roster: object, path: str = TRIPS) -> tuple[list, dict, list]:
    rows: dict[str, int] = {}
    cls = circular.schema.record_classes["perjalanan"]
    trips, problems = read_records(path, "perjalanan", roster=roster, cls=cls, rows=rows)  # type: ignore[arg-type]
    return trips, rows, problems


def test_declared_fields_are_read_from_the_record_file(circular: Circular, roster: object) -> None:
    trips, rows, problems = _trips(circular, roster)
    assert problems == []
    assert rows == {"PD-01": 2, "PD-02": 3, "PD-03": 4, "PD-04": 5}
    first = trips[0]
    assert first.kelas.name == "EKONOMI"
    assert first.lama_terbang == Duration(exact=dt.timedelta(hours=1, minutes=30))
    assert first.tanggal_surat_tugas == dt.date(2027, 1, 25)
    assert first.pelaksana.nama == "Andi Saputra"
    assert first.pelaksana.golongan.name == "III"
    assert first.jam_berangkat == dt.time(7, 30)
    assert trips[1].jam_berangkat == dt.time(13, 15)
    assert trips[1].lama_terbang == Duration(exact=dt.timedelta(hours=1, minutes=45))
    assert trips[2].kelas is None and trips[2].lama_terbang is None


@pytest.mark.parametrize("lang", ["id", "en"])
def test_bad_cells_name_file_row_and_column(circular: Circular, roster: object, lang: str) -> None:
    trips, _, problems = _trips(circular, roster, f"{DATA}/bad-perjalanan.csv")
    assert [d.code for d in problems] == ["D122", "D120", "D014", "D121", "D020"]
    assert trips == []
    assert problems[1].suggestions[0] == "197501012000031001"
    check_golden(f"provisions/bad-perjalanan.{lang}.txt", render_all(problems, lang))


def test_json_lines_give_the_same_records(circular: Circular, roster: object) -> None:
    trips, _, _ = _trips(circular, roster)
    lines, rows, problems = _trips(circular, roster, f"{DATA}/perjalanan.jsonl")
    assert problems == []
    assert lines == trips
    assert rows == {"PD-01": 1, "PD-02": 2, "PD-03": 3, "PD-04": 4}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_bad_json_lines_point_at_the_value(circular: Circular, roster: object, lang: str) -> None:
    trips, _, problems = _trips(circular, roster, f"{DATA}/bad-perjalanan.jsonl")
    assert trips == []
    codes = ["D122", "D051", "D120", "D048", "D048", "D049", "D011"]
    assert [d.code for d in problems] == codes
    check_golden(f"provisions/bad-perjalanan-jsonl.{lang}.txt", render_all(problems, lang))


def test_a_required_declared_column_must_be_in_the_file(
    circular: Circular, roster: object, tmp_path: Path
) -> None:
    text = Path(TRIPS).read_text(encoding="utf-8").replace("angkutan", "moda_angkutan")
    (tmp_path / "perjalanan.csv").write_text(text, encoding="utf-8")
    trips, _, problems = _trips(circular, roster, str(tmp_path / "perjalanan.csv"))
    assert trips == []
    assert [(d.code, d.args["column"]) for d in problems if d.is_error] == [("D011", "angkutan")]


def test_each_failing_record_cites_its_clause_row_and_values(
    circular: Circular, roster: object
) -> None:
    trips, rows, _ = _trips(circular, roster)
    result = run_quotas(circular, roster, trips=trips, rows={"perjalanan": rows})  # type: ignore[arg-type]
    found = [(f.provision, f.record, f.row, f.failed) for f in result.records]
    assert found == [
        ("butir 5.a", "PD-02", 3, ("perjalanan.kelas adalah EKONOMI",)),
        ("butir 5.b", "PD-03", 4, ("perjalanan.tanggal_surat_tugas < perjalanan.mulai",)),
        ("butir 5.c", "PD-04", 5, ("pegawai.golongan adalah IV",)),
    ]
    values = [dict(f.values) for f in result.records]
    assert values[0]["perjalanan.kelas"].name == "BISNIS"
    assert values[1] == {
        "perjalanan.tanggal_surat_tugas": dt.date(2027, 2, 5),
        "perjalanan.mulai": dt.date(2027, 2, 5),
    }
    assert values[2]["pegawai.golongan"].name == "II"


def test_a_range_leaves_out_records_outside_it(circular: Circular, roster: object) -> None:
    trips, _, _ = _trips(circular, roster)
    result = run_quotas(circular, roster, trips=trips, first=dt.date(2027, 2, 4))  # type: ignore[arg-type]
    assert [f.record for f in result.records] == ["PD-03", "PD-04"]
    assert all(f.row is None for f in result.records)


def test_the_backends_agree_on_the_file(circular: Circular, roster: object) -> None:
    trips, _, _ = _trips(circular, roster)
    for provision in circular.program.provisions:
        for trip in trips:
            assert judge(circular, provision, trip, "compiled") == judge(
                circular, provision, trip, "interpreter"
            )


@settings(max_examples=60, deadline=None)
@given(
    kelas=st.sampled_from([None, "EKONOMI", "BISNIS"]),
    angkutan=st.sampled_from(["PESAWAT", "KERETA", "MOBIL"]),
    minutes=st.one_of(st.none(), st.integers(0, 600)),
    letter=st.one_of(st.none(), st.integers(-10, 10)),
    person=st.integers(0, 3),
)
def test_the_backends_agree_on_any_trip(
    kelas: str | None, angkutan: str, minutes: int | None, letter: int | None, person: int
) -> None:
    circular = Circular.load(RULES)
    roster = load_roster(ROSTER, **circular.roster_classes())
    cls = circular.schema.record_classes["perjalanan"]
    fields = {a.name: a for a in cls.__attrs_attrs__}
    enum_of = {name: fields[name].type.__args__[0] for name in ("kelas", "angkutan")}  # type: ignore[union-attr]
    start = dt.date(2027, 3, 1)
    trip = cls(
        id="X",
        unit=next(iter(roster.units.values())),
        jenis=next(iter(fields["jenis"].type)),  # type: ignore[arg-type]
        mulai=start,
        selesai=start,
        kelas=None if kelas is None else enum_of["kelas"][kelas],
        angkutan=enum_of["angkutan"][angkutan],
        lama_terbang=None if minutes is None else Duration(exact=dt.timedelta(minutes=minutes)),
        tanggal_surat_tugas=None if letter is None else start + dt.timedelta(days=letter),
        pelaksana=roster.employees[person] if person < len(roster.employees) else None,
    )
    for provision in circular.program.provisions:
        assert judge(circular, provision, trip, "compiled") == judge(
            circular, provision, trip, "interpreter"
        )


# ---------------------------------------------------------------- the command line
def _quota(capsys: pytest.CaptureFixture[str], lang: str, *extra: str) -> tuple[int, str, str]:
    command = "kuota" if lang == "id" else "quota"
    code = main(["--lang", lang, command, RULES, "--roster", ROSTER, "--trips", TRIPS, *extra])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.mark.parametrize("lang", ["id", "en"])
def test_quota_text_lists_each_failing_record(
    capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    code, out, err = _quota(capsys, lang)
    assert code == 0 and err == ""
    check_golden(f"provisions/quota.{lang}.txt", out)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_quota_csv_has_a_row_per_failing_record(
    capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    code, out, _ = _quota(capsys, lang, "--format", "csv")
    assert code == 0
    check_golden(f"provisions/quota.{lang}.csv", out)


def test_quota_json_lists_the_records(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _quota(capsys, "en", "--format", "json")
    assert code == 0
    check_golden_json("provisions/quota.json", out, "quota")
    records = json.loads(out)["records"]
    assert records[0] == {
        "provision": "butir 5.a",
        "clause": "butir 5.a",
        "title": "Penerbangan di bawah 2 jam dengan kelas ekonomi",
        "kind": "perjalanan",
        "record": "PD-02",
        "unit": "BAPPEDA",
        "date": "2027-02-03",
        "row": 3,
        "failed": ["perjalanan.kelas adalah EKONOMI"],
        "values": {"perjalanan.kelas": "BISNIS"},
    }


def test_quota_workbook_has_a_provisions_sheet(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "kuota.xlsx"
    code, _, _ = _quota(capsys, "id", "--format", "xlsx", "--output", str(target))
    assert code == 0
    sheet = openpyxl.load_workbook(target)["Ketentuan"]
    rows = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    body = [r for r in rows if r and r[0] in ("butir 5.a", "butir 5.b", "butir 5.c")]
    assert [(r[0], r[2], r[5]) for r in body] == [
        ("butir 5.a", "PD-02", 3),
        ("butir 5.b", "PD-03", 4),
        ("butir 5.c", "PD-04", 5),
    ]


def test_examples_of_provisions_pass(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["test", RULES])
    out, _ = capsys.readouterr()
    assert code == 0
    assert out.splitlines()[-1] == "2 passed, 0 failed"


def test_a_variant_replaces_removes_and_adds_provisions(tmp_path: Path) -> None:
    (tmp_path / "induk.edaran").write_text(Path(RULES).read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "anak.edaran").write_text(
        'surat_edaran "9/2027/anak":\n'
        '    memperluas "induk.edaran"\n'
        "    berlaku 2027-01-01\n"
        "atribut trip kelas: enumerasi {EKSEKUTIF}\n"
        'ketentuan perjalanan butir 5.b "Surat tugas paling lambat hari keberangkatan":\n'
        "    harus perjalanan.tanggal_surat_tugas <= perjalanan.mulai\n"
        'ketentuan trip clause 6 "Kelas eksekutif dilarang":\n'
        "    must perjalanan.kelas bukan EKSEKUTIF\n"
        "hapus butir 5.c\n",
        "utf-8",
    )
    child = Circular.load(tmp_path / "anak.edaran")
    provisions = child.program.provisions
    assert [(p.id, p.must_texts) for p in provisions] == [
        ("butir 5.a", ("perjalanan.kelas adalah EKONOMI",)),
        ("butir 5.b", ("perjalanan.tanggal_surat_tugas <= perjalanan.mulai",)),
        ("butir 6", ("perjalanan.kelas bukan EKSEKUTIF",)),
    ]
    kelas = child.schema.fields(child.schema.record_classes["perjalanan"])["kelas"].type
    assert kelas.names() == ["EKONOMI", "BISNIS", "EKSEKUTIF"]  # type: ignore[attr-defined]


def test_a_provision_with_errors_is_not_also_unknown_to_its_examples() -> None:
    from edaran.lang import check, parse

    text = Path(RULES).read_text(encoding="utf-8")
    text = text.replace("harus perjalanan.kelas adalah EKONOMI", "harus perjalanan.kelsa adalah X")
    _, diagnostics = check(parse(text))
    assert [(d.code, d.suggestions) for d in diagnostics] == [("E102", ("kelas", "selesai"))]


def test_an_amendment_judges_records_from_its_date(tmp_path: Path) -> None:
    (tmp_path / "induk.edaran").write_text(Path(RULES).read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "ubah.edaran").write_text(
        'surat_edaran "9/2027/perubahan":\n'
        '    mengubah "induk.edaran"\n'
        "    berlaku 2027-02-04\n"
        'ketentuan perjalanan butir 5.b "Surat tugas paling lambat hari keberangkatan":\n'
        "    harus perjalanan.tanggal_surat_tugas <= perjalanan.mulai\n",
        "utf-8",
    )
    amended = Circular.load(tmp_path / "ubah.edaran")
    roster = load_roster(ROSTER, **amended.roster_classes())
    cls = amended.schema.record_classes["perjalanan"]
    trips, _ = read_records(TRIPS, "perjalanan", roster=roster, cls=cls)
    same_day = [attrs.evolve(t, tanggal_surat_tugas=t.mulai) for t in trips[:3]]
    result = run_quotas(amended, roster, trips=same_day, first=dt.date(2027, 1, 1))
    # PD-01 and PD-02 (1 and 3 February) are before the amendment: the letter had to come
    # first; PD-03 (5 February) is judged by the amendment, which allows the same day.
    assert [(f.provision, f.record) for f in result.records if f.provision == "butir 5.b"] == [
        ("butir 5.b", "PD-01"),
        ("butir 5.b", "PD-02"),
    ]


def test_an_excel_record_file_reads_the_declared_fields(
    circular: Circular, roster: object, tmp_path: Path
) -> None:
    import csv

    with open(TRIPS, encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(table[0])
    for row in table[1:]:
        cells: list[object] = list(row)
        cells[3] = dt.date.fromisoformat(row[3])  # a date cell
        cells[10] = dt.time(7, 30) if row[10] else None  # a time cell
        if row[0] == "PD-02":
            cells[7] = dt.time(1, 45)  # a duration written [h]:mm
        sheet.append(cells)
    book.save(tmp_path / "perjalanan.xlsx")
    trips, _, problems = _trips(circular, roster)
    from_excel, rows, problems = _trips(circular, roster, str(tmp_path / "perjalanan.xlsx"))
    assert problems == []
    assert rows == {"PD-01": 2, "PD-02": 3, "PD-03": 4, "PD-04": 5}
    assert [t.lama_terbang for t in from_excel] == [t.lama_terbang for t in trips]
    assert [t.jam_berangkat for t in from_excel] == [
        dt.time(7, 30),
        dt.time(7, 30),
        None,
        dt.time(7, 30),
    ]
    assert [t.pelaksana for t in from_excel] == [t.pelaksana for t in trips]
