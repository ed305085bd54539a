"""``edaran import``: a reviewed workbook back as an amendment or in place, every bad cell named."""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from edaran.cli import main
from edaran.engine.circular import Circular
from edaran.io.roster import load_roster
from edaran.variants.diff import diff_clauses, diff_impact
from golden import check_golden
from paths import DATA, EXAMPLES

SMALL = DATA / "review" / "induk.edaran"
ROSTER = DATA / "roster-small"

Edit = Callable[[openpyxl.Workbook], None]


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out and "Traceback" not in err
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the small circular and its exported workbook, as the working folder."""
    shutil.copy(SMALL, tmp_path / "induk.edaran")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("EDARAN_LANG", raising=False)
    assert main(["export", "induk.edaran", "--output", "tinjauan.xlsx"]) == 0
    return tmp_path


def edited(folder: Path, edit: Edit, name: str = "ditinjau.xlsx") -> Path:
    wb = openpyxl.load_workbook(folder / "tinjauan.xlsx")
    edit(wb)
    wb.save(folder / name)
    return folder / name


def set_value(sheet: str, first: str, key: str | None, value: object) -> Edit:
    """Set the value cell of the row whose first cell is ``first`` and third is ``key``."""

    def edit(wb: openpyxl.Workbook) -> None:
        for row in wb[sheet].iter_rows(min_row=2):
            if row[0].value == first and row[2].value == key:
                row[3].value = value
                return
        raise AssertionError(f"no row {first} {key}")

    return edit


def test_one_table_value_changes_exactly_the_decisions_diff_predicts(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = edited(folder, set_value("Tabel", "HARI_WFH_UNIT", "BAPPEDA", "Rabu"))
    argv = ["import", "induk.edaran", book, "--amend", "perubahan.edaran", "--from", "2026-06-01"]
    code, out, err = run(capsys, *argv)
    assert (code, err) == (0, "")
    assert out == (
        "1 nilai berubah:\n  HARI_WFH_UNIT[BAPPEDA]: Kamis -> Rabu\nperubahan.edaran ditulis\n"
    )
    check_golden("review/perubahan.edaran", (folder / "perubahan.edaran").read_text())
    assert run(capsys, "check", "--hari-ini", "2026-06-02", "perubahan.edaran")[0] == 0

    before = Circular.load(folder / "induk.edaran")
    after = Circular.load(folder / "perubahan.edaran")
    assert [(c.kind, c.what, c.key) for c in diff_clauses(before, after)] == [
        ("changed", "table", "HARI_WFH_UNIT[BAPPEDA]")
    ]
    staff = load_roster(ROSTER).employees
    first, last = dt.date(2026, 5, 25), dt.date(2026, 6, 14)
    predicted = diff_impact(before, after, staff, first, last)
    # Decided one by one (not by decide_many, which diff uses): what really changes.
    actual: Counter[tuple[str, str]] = Counter()
    days = []
    for person in staff:
        day = first
        while day <= last:
            was = before.decide(person, day).value
            now = after.decide(person, day).value
            if was != now:
                actual[(person.unit.top.kode, f"{was}→{now}")] += 1
                days.append((person.nip, day, str(was), str(now)))
            day += dt.timedelta(days=1)
    assert predicted.counts == tuple((u, k, n) for (u, k), n in sorted(actual.items()))
    assert predicted.changed == len(days)
    # Only the Pelaksana at Bappeda, and only from the amendment's date on.
    andi = "197501012000031001"
    assert days == [
        (andi, dt.date(2026, 6, 3), "WFO", "WFH"),
        (andi, dt.date(2026, 6, 4), "WFH", "WFO"),
        (andi, dt.date(2026, 6, 10), "WFO", "WFH"),
        (andi, dt.date(2026, 6, 11), "WFH", "WFO"),
    ]


def test_in_place_changes_the_value_and_keeps_the_line(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = (folder / "induk.edaran").read_text()
    book = edited(folder, set_value("Tabel", "HARI_WFH_UNIT", "BAPPEDA", "Rabu"))
    code, out, _ = run(capsys, "import", "--lang", "en", "induk.edaran", book, "--in-place")
    assert code == 0
    assert out.splitlines()[-1] == "induk.edaran written"
    text = (folder / "induk.edaran").read_text()
    assert text == original.replace("    BAPPEDA: Kamis\n", "    BAPPEDA: Rabu\n")


def test_added_dated_value_and_removed_row(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def edit(wb: openpyxl.Workbook) -> None:
        params = wb["Parameter"]
        params.insert_rows(4)
        for column, value in enumerate(["BATAS_RESPON", "durasi", "2026-08-01", "15 menit"], 1):
            params.cell(4, column).value = value
        tables = wb["Tabel"]
        tables.delete_rows(3)  # BAPPEDA's own row

    book = edited(folder, edit)
    code, out, _ = run(capsys, "import", "induk.edaran", book, "--in-place")
    assert code == 0, out
    assert out.splitlines()[:3] == [
        "2 nilai berubah:",
        "  BATAS_RESPON (mulai 2026-08-01): (baru) 15 menit",
        "  HARI_WFH_UNIT[BAPPEDA]: Kamis (dihapus)",
    ]
    text = (folder / "induk.edaran").read_text()
    assert (
        "parameter BATAS_RESPON: durasi = 5 menit\n"
        "    mulai 2026-06-01: 10 menit\n"
        "    mulai 2026-08-01: 15 menit\n"
    ) in text
    assert "tabel HARI_WFH_UNIT: unit -> hari = Jumat\n\n" in text
    assert (
        Circular.load(folder / "induk.edaran").program.param_value(
            "BATAS_RESPON", dt.date(2026, 8, 1)
        )
        is not None
    )


def _new_declarations(wb: openpyxl.Workbook) -> None:
    """A parameter and a table the circular does not declare: their types, first value,
    default row, a dated value and a unit's row."""
    params = wb["Parameter"]
    params.insert_rows(4, 2)
    for row, cells in enumerate(
        [["JAM_LEMBUR", "durasi", None, "2 jam"], ["JAM_LEMBUR", "durasi", "2026-07-01", "3 jam"]],
        start=4,
    ):
        for column, value in enumerate(cells, 1):
            params.cell(row, column).value = value
    tables = wb["Tabel"]
    tables.insert_rows(4, 2)
    for row, cells in enumerate(
        [["KUOTA_RAPAT", "bilangan", "(bawaan)", 2], ["KUOTA_RAPAT", "bilangan", "BPBD", 5]],
        start=4,
    ):
        for column, value in enumerate(cells, 1):
            tables.cell(row, column).value = value


def test_new_parameters_and_tables_in_place(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = (folder / "induk.edaran").read_text()
    book = edited(folder, _new_declarations)
    code, out, err = run(capsys, "import", "induk.edaran", book, "--in-place")
    assert (code, err) == (0, "")
    assert out.splitlines()[:5] == [
        "4 nilai berubah:",
        "  JAM_LEMBUR: (baru) 2 jam",
        "  JAM_LEMBUR (mulai 2026-07-01): (baru) 3 jam",
        "  KUOTA_RAPAT: (baru) 2",
        "  KUOTA_RAPAT[BPBD]: (baru) 5",
    ]
    added = (
        "\n\nparameter JAM_LEMBUR: durasi = 2 jam\n    mulai 2026-07-01: 3 jam\n"
        "\ntabel KUOTA_RAPAT: unit -> bilangan = 2\n    BPBD: 5"
    )
    # after the last declaration (the set PIMPINAN), the rest of the file as it was
    anchor = "himpunan PIMPINAN: jenjang = {JPT_MADYA, JPT_PRATAMA}"
    assert (folder / "induk.edaran").read_text() == original.replace(anchor, anchor + added)
    program = Circular.load(folder / "induk.edaran").program
    assert str(program.param_value("JAM_LEMBUR", dt.date(2026, 7, 1))) != str(
        program.param_value("JAM_LEMBUR", dt.date(2026, 6, 30))
    )


def test_new_parameters_and_tables_as_an_amendment(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = edited(folder, _new_declarations)
    argv = ["import", "induk.edaran", book, "--amend", "p.edaran", "--from", "2026-06-01"]
    assert run(capsys, *argv)[0] == 0
    text = (folder / "p.edaran").read_text()
    assert (
        "parameter JAM_LEMBUR: durasi = 2 jam\n    mulai 2026-07-01: 3 jam\n\n"
        "tabel KUOTA_RAPAT: unit -> bilangan = 2\n    BPBD: 5\n"
    ) in text
    assert run(capsys, "check", "--hari-ini", "2026-06-02", "p.edaran")[0] == 0


def _bad_new_declarations(wb: openpyxl.Workbook) -> None:
    params = wb["Parameter"]
    params.insert_rows(4, 3)
    rows = [
        ["JAM_LEMBUR", None, None, "2 jam"],  # E716: no type
        ["JAM_PIKET", "durasi", "2026-07-01", "3 jam"],  # E717: no first value
        ["JAM_APEL", "durasiku", None, "15 menit"],  # D092: the checker's words on the type
    ]
    for row, cells in enumerate(rows, start=4):
        for column, value in enumerate(cells, 1):
            params.cell(row, column).value = value
    tables = wb["Tabel"]
    tables.insert_rows(4, 2)
    for row, cells in enumerate(
        [["KUOTA_RAPAT", "bilangan", "BPBD", 5], ["KUOTA_APEL", "bilangan", "(bawaan)", None]],
        start=4,
    ):  # E717: no default row; D096: an empty value
        for column, value in enumerate(cells, 1):
            tables.cell(row, column).value = value


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_bad_cell_of_a_new_declaration_is_named(
    folder: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    book = edited(folder, _bad_new_declarations)
    argv = ["import", "--lang", lang, "induk.edaran", book.name, "--amend", "p.edaran"]
    code, out, err = run(capsys, *argv, "--from", "2026-06-01")
    assert (code, out) == (1, "")
    assert not (folder / "p.edaran").exists()
    check_golden(f"review/import-new.{lang}.txt", err)


def test_nothing_changed(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "import", "induk.edaran", "tinjauan.xlsx", "--in-place")
    assert (code, out) == (0, "tidak ada nilai yang berubah: tidak ada yang ditulis\n")


def test_a_percent_cell_excel_made_a_number(folder: Path) -> None:
    from edaran.review.amend import _text

    assert _text(0.4, "0%") == "40%"
    assert _text(45000, "General") == "45000"
    assert _text(2.5, None) == "2.5"


# ------------------------------------------------------------ every bad cell
def _bad_cells(wb: openpyxl.Workbook) -> None:
    params = wb["Parameter"]
    params["D2"] = "7 menitt"  # D092: the checker's words, with its suggestion
    params["C3"] = "1 Juni"  # D093
    params["A4"] = "BATAS_RESPONN"  # D090 (row 4: the blank row before the note)
    params["B4"], params["D4"] = "durasi", "5 menit"
    tables = wb["Tabel"]
    tables["D2"] = 40  # D092: a number on a table of days
    tables["C3"] = "BAP PEDA"  # D094
    tables["A4"], tables["C4"], tables["D4"] = "HARI_WFH_UNIT", "(bawaan)", "Senin"  # D095


def _more_bad_cells(wb: openpyxl.Workbook) -> None:
    tables = wb["Tabel"]
    tables["A2"] = "HARI_WFH"  # D091
    tables["D3"] = None  # D096
    tables["A4"], tables["C4"], tables["D4"] = "HARI_WFH_UNIT", "BPBD", "Senin"


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("name", "edit"), [("cells", _bad_cells), ("more-cells", _more_bad_cells)])
def test_every_bad_cell_is_named(
    folder: Path, capsys: pytest.CaptureFixture[str], lang: str, name: str, edit: Edit
) -> None:
    book = edited(folder, edit)
    argv = ["import", "--lang", lang, "induk.edaran", book.name, "--amend", "p.edaran"]
    code, out, err = run(capsys, *argv, "--from", "2026-06-01")
    assert (code, out) == (1, "")
    assert not (folder / "p.edaran").exists()
    check_golden(f"review/import-{name}.{lang}.txt", err)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_workbook_problems(folder: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    def no_sheet(wb: openpyxl.Workbook) -> None:
        del wb["Tabel"]
        wb["Parameter"]["D1"] = "Isi"

    book = edited(folder, no_sheet)
    (folder / "bukan.xlsx").write_text("bukan buku kerja")
    texts = []
    for workbook in (book.name, "bukan.xlsx"):
        code, _, err = run(capsys, "import", "--lang", lang, "induk.edaran", workbook, "--in-place")
        assert code == 1
        texts.append(err)
    check_golden(f"review/import-workbook.{lang}.txt", "".join(texts))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_in_place_refuses_an_inherited_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    shutil.copy(SMALL, tmp_path / "induk.edaran")
    (tmp_path / "anak.edaran").write_text(
        'surat_edaran "800/8/TINJAU/2026":\n    memperluas "induk.edaran"\n    berlaku 2026-04-01\n'
    )
    monkeypatch.chdir(tmp_path)
    assert main(["export", "anak.edaran", "--output", "tinjauan.xlsx"]) == 0
    capsys.readouterr()
    book = edited(tmp_path, set_value("Tabel", "HARI_WFH_UNIT", "BAPPEDA", "Rabu"))
    code, _, err = run(capsys, "import", "--lang", lang, "anak.edaran", book.name, "--in-place")
    assert code == 1
    check_golden(f"review/import-inherited.{lang}.txt", err)
    # the amendment is the way
    argv = ["import", "anak.edaran", book.name, "--amend", "p.edaran", "--from", "2026-06-01"]
    assert run(capsys, *argv)[0] == 0


def test_an_amendment_before_the_circular_starts(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = edited(folder, set_value("Tabel", "HARI_WFH_UNIT", "BAPPEDA", "Rabu"))
    argv = ["import", "induk.edaran", book.name, "--amend", "p.edaran", "--from", "2026-03-01"]
    code, _, err = run(capsys, *argv)
    assert code == 1
    assert err.startswith("galat[E714]: hasil impor tidak lolos pemeriksaan: ")
    assert not (folder / "p.edaran").exists()


def test_amend_needs_a_date(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "import", "induk.edaran", "tinjauan.xlsx", "--amend", "p.edaran")
    assert code == 2
    assert err == "--amend memerlukan --from TANGGAL (tanggal berlaku perubahan)\n"


# ------------------------------------------- dated rows, rows of a data file
RAWA = EXAMPLES / "prov-tanah-rawa-2027"
RAWA_FILE = "se-800.1-77-BKD-2027.edaran"


@pytest.fixture
def rawa(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example whose table SIAGA reads its rows from siaga-mingguan.csv, exported."""
    folder = tmp_path / "rawa"
    shutil.copytree(RAWA, folder)
    monkeypatch.chdir(folder)
    monkeypatch.delenv("EDARAN_LANG", raising=False)
    assert main(["export", RAWA_FILE, "--output", "tinjauan.xlsx"]) == 0
    return folder


def test_the_export_shows_a_data_files_rows_and_dates_and_says_where_they_come_from(
    rawa: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = openpyxl.load_workbook(rawa / "tinjauan.xlsx")["Tabel"]
    found = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert found[0] == ["Tabel", "Tipe", "Unit", "Nilai", "Berkas", "Baris", "Mulai"]
    data = "siaga-mingguan.csv (dari_berkas)"
    assert found[1:5] == [
        ["SIAGA", "bilangan", "(bawaan)", "1", RAWA_FILE, 25, None],
        ["SIAGA", "bilangan", "RAWA_HILIR", "1", data, 2, None],
        ["SIAGA", "bilangan", "RAWA_HILIR", "3", data, 3, "2027-05-10"],
        ["SIAGA", "bilangan", "RAWA_HILIR", "4", data, 4, "2027-05-17"],
    ]
    # RAWA_HULU has dated lines only in the file: its rows are there all the same
    assert ["SIAGA", "bilangan", "RAWA_HULU", "2", data, 9, "2027-05-17"] in found
    # read back unchanged, nothing changes
    code, out, err = run(capsys, "import", RAWA_FILE, "tinjauan.xlsx", "--in-place")
    assert (code, out, err) == (0, "tidak ada nilai yang berubah: tidak ada yang ditulis\n", "")


def _sheet_row(wb: openpyxl.Workbook, unit: str, since: str) -> int:
    for row in wb["Tabel"].iter_rows(min_row=2):
        if row[2].value == unit and (row[6].value or "") == since:
            return int(row[0].row)
    raise AssertionError(unit)


def test_a_tables_default_changes_and_its_data_file_stays(
    rawa: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = edited(rawa, set_value("Tabel", "SIAGA", "(bawaan)", "2"))
    (rawa / "perubahan").mkdir()
    argv = ["import", RAWA_FILE, book, "--amend", "perubahan/p.edaran", "--from", "2027-06-01"]
    code, _, err = run(capsys, *argv)
    assert (code, err) == (0, "")
    text = (rawa / "perubahan" / "p.edaran").read_text()
    # the key type and the data file, its path from the amendment's folder
    assert (
        'tabel SIAGA: kabupaten -> bilangan = 2\n    dari_berkas "../siaga-mingguan.csv"\n'
    ) in text
    assert run(capsys, "check", "--hari-ini", "2027-06-02", "perubahan/p.edaran")[0] == 0


@pytest.mark.parametrize("lang", ["id", "en"])
def test_rows_an_import_does_not_write_are_named(
    rawa: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    def edit(wb: openpyxl.Workbook) -> None:
        tables = wb["Tabel"]
        tables.cell(_sheet_row(wb, "RAWA_HILIR", ""), 4).value = "2"  # E718: the data file's
        tables.cell(_sheet_row(wb, "TELUK_SAGU", "2027-05-24"), 4).value = "4"  # E718
        tables.delete_rows(_sheet_row(wb, "RAWA_HULU", "2027-05-17"))  # E718: removed
        end = tables.max_row + 1
        for column, value in enumerate(["SIAGA", "bilangan", "KOTA_RAWA", "3"], 1):
            tables.cell(end - 2, column).value = value  # the blank row before the note
        tables.cell(end - 2, 7).value = "2027-06-07"  # E719: a dated row added

    book = edited(rawa, edit)
    code, out, err = run(capsys, "import", "--lang", lang, RAWA_FILE, book.name, "--in-place")
    assert (code, out) == (1, "")
    check_golden(f"review/import-kept.{lang}.txt", err)


def test_a_written_dated_row_is_named_when_changed(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        (folder / "induk.edaran")
        .read_text()
        .replace("    BAPPEDA: Kamis\n", "    BAPPEDA: Kamis\n        mulai 2026-07-01: Rabu\n")
    )
    (folder / "induk.edaran").write_text(text)
    assert main(["export", "induk.edaran", "--output", "tinjauan.xlsx"]) == 0
    capsys.readouterr()

    def edit(wb: openpyxl.Workbook) -> None:
        wb["Tabel"].cell(_sheet_row(wb, "BAPPEDA", "2026-07-01"), 4).value = "Selasa"

    book = edited(folder, edit)
    code, _, err = run(capsys, "import", "--lang", "en", "induk.edaran", book.name, "--in-place")
    assert code == 1
    assert err.startswith(
        "error[E719]: HARI_WFH_UNIT[BAPPEDA] (mulai 2026-07-01) is a dated value (from) that"
        " edaran import does not read back: change it in induk.edaran\n"
    )
    # a change to another row keeps the dated one as it is written
    book = edited(folder, set_value("Tabel", "HARI_WFH_UNIT", "(bawaan)", "Senin"), "b.xlsx")
    assert run(capsys, "import", "induk.edaran", book.name, "--in-place")[0] == 0
    assert (
        "    BAPPEDA: Kamis\n        mulai 2026-07-01: Rabu\n"
        in (folder / "induk.edaran").read_text()
    )
