"""Publishing discipline results: CSV, JSON, Excel, the terminal summary and a person's history.

The result comes from the engine on a small hand-built log under the
reference circular (rules only, no schedule): two units with breaches of
both kinds and every step of the ladder, a breach no sanction counts yet,
an escalation, a late answer with a reason, and contacts set aside for
each common reason.  Text outputs are golden files in both languages
(``tests/golden/discipline/``, refreshed with ``pytest --update-golden``);
the workbook is read back with openpyxl; the JSON is read back into the
engine's records.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
import zoneinfo
from pathlib import Path
from typing import Any

import attrs
import pytest

from edaran.core import EdaranError
from edaran.discipline import (
    Breach,
    DisciplineResult,
    Explainer,
    Sanction,
    Skipped,
    person_history,
    run_discipline,
    summary_text,
    write_breaches_csv,
    write_json,
    write_sanctions_csv,
    write_xlsx,
)
from edaran.discipline.presentation import duration_text, window_text
from edaran.engine import Circular
from edaran.messages import Lang
from edaran.model import Absence, Channel, Contact, Employee, Unit, UnitKind
from golden import check_golden, check_golden_json
from paths import REFERENCE

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
LANGS = ["id", "en"]

BAPPEDA = Unit("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", UnitKind.BADAN)
BPKAD = Unit("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", UnitKind.BADAN)
BPBD = Unit("BPBD", "Badan Penanggulangan Bencana Daerah", UnitKind.BADAN)
ANI = Employee("198001012005012001", "Ani Lestari, S.E.", BAPPEDA)
BUDI = Employee("198502152010011002", 'Budi "Ucok" Santoso', BAPPEDA)
DEWI = Employee("197807142003122001", "Dewi Sartika", BPKAD)
CITRA = Employee("199003202015032003", "Citra", BPBD)
EKO = Employee("199211302019031002", "Eko", BAPPEDA)
STAFF = (ANI, BUDI, DEWI, CITRA, EKO)
NAMES = {e.nip: e.nama for e in STAFF}
UNITS = {u.kode: u.nama for u in (BAPPEDA, BPKAD, BPBD)}

FRI, FRI2 = dt.date(2026, 4, 10), dt.date(2026, 4, 17)
THU = dt.date(2026, 4, 9)
P1_LAST, P2_FIRST = dt.date(2026, 5, 29), dt.date(2026, 6, 5)


def at(day: dt.date, clock: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(clock), tzinfo=WIB)


def _contact(
    cid: str,
    who: Employee | str,
    channel: Channel,
    sent: dt.datetime,
    answered: dt.datetime | None = None,
    reason: str | None = None,
) -> Contact:
    nip = who if isinstance(who, str) else who.nip
    return Contact(cid, nip, "197001011995031001", channel, sent, answered, reason)


CALL, MESSAGE = Channel.PANGGILAN, Channel.PESAN
LOG = [
    # Ani: two missed calls on one Friday (teguran lisan), a late message a week
    # later (teguran tertulis), hence an escalation; a late call with a reason.
    _contact("K001", ANI, CALL, at(FRI, "08:00")),
    _contact("K002", ANI, CALL, at(FRI, "08:30:15")),
    _contact("K003", ANI, MESSAGE, at(FRI2, "09:00"), at(FRI2, "09:30")),
    _contact(
        "K004", ANI, CALL, at(FRI2, "10:00"), at(FRI2, "10:20"), "rapat daring dengan Bappenas"
    ),
    # Budi: a reply after midnight; one missed call (no sanction yet); one after hours.
    _contact("K005", BUDI, MESSAGE, at(FRI, "15:58"), at(dt.date(2026, 4, 11), "00:10")),
    _contact("K006", BUDI, CALL, at(FRI, "11:00")),
    _contact("K007", BUDI, CALL, at(FRI, "18:30")),
    # Dewi: exactly 5 minutes at the end of period 1, then late again in period 2.
    _contact("K008", DEWI, CALL, at(P1_LAST, "09:00"), at(P1_LAST, "09:05")),
    _contact("K009", DEWI, MESSAGE, at(P2_FIRST, "09:00:30"), at(P2_FIRST, "10:02:45")),
    # Set aside: a unit at the office, a person on leave, an unknown NIP, a Thursday.
    _contact("K010", CITRA, CALL, at(FRI, "09:00")),
    _contact("K011", EKO, CALL, at(FRI, "09:00")),
    _contact("K012", "199912312020121999", CALL, at(FRI, "09:00")),
    _contact("K013", ANI, CALL, at(THU, "09:00")),
]
LEAVE = [Absence(EKO.nip, FRI, FRI)]


@pytest.fixture(scope="module")
def circular(reference: Circular) -> Circular:
    """The reference circular, loaded once for the whole run (``conftest.py``)."""
    return reference


@pytest.fixture(scope="module")
def result(circular: Circular) -> DisciplineResult:
    return run_discipline(circular, STAFF, LOG, absences=LEAVE, use_schedule=False)


@pytest.fixture(scope="module")
def empty(circular: Circular) -> DisciplineResult:
    return run_discipline(circular, STAFF, LOG[-4:], absences=LEAVE, use_schedule=False)


def test_the_fixture_has_what_the_writers_must_show(result: DisciplineResult) -> None:
    rules = sorted({b.rule for b in result.breaches} | {s.rule for s in result.sanctions})
    assert rules == [
        "butir 10.c",
        "butir 10.d[berulang]",
        "butir 10.d[lisan]",
        "butir 10.d[tak_terjawab]",
        "butir 10.d[tertulis]",
    ]
    assert result.skipped == {
        Skipped.NOT_ON_DUTY: 2,
        Skipped.ON_LEAVE: 1,
        Skipped.OUTSIDE_HOURS: 1,
        Skipped.UNKNOWN_NIP: 1,
    }
    assert len(result.breaches) == 7 and len(result.sanctions) == 6


# ---------------------------------------------------------------- reasons
def test_reasons_name_the_clause_and_the_events(result: DisciplineResult) -> None:
    explain = Explainer(result, "id", LOG)
    lisan = next(s for s in result.sanctions if s.rule == "butir 10.d[lisan]")
    assert explain.sanction_reason(lisan) == (
        "butir 10.d[lisan]: Hukuman disiplin teguran lisan: tidak merespon 2 (dua) kali "
        "panggilan — 2 pelanggaran butir 10.d[tak_terjawab] pada 2026-04-10: "
        "K001 pukul 08:00, K002 pukul 08:30:15"
    )
    midnight = next(b for b in result.breaches if b.contact == "K005")
    assert explain.breach_reason(midnight).endswith(
        "pesan K005 pada 2026-04-10 pukul 15:58 dijawab 2026-04-11 pukul 00:10 "
        "(setelah 8 jam 12 menit), tanpa alasan"
    )
    missed = next(b for b in result.breaches if b.contact == "K006")
    assert explain.breach_reason(missed) == (
        "butir 10.d[tak_terjawab]: Panggilan tidak direspon — panggilan K006 pada 2026-04-10 "
        "pukul 11:00 tidak dijawab"
    )
    bare = Explainer(result, "en")  # without the log: the contact's id and time only
    assert bare.breach_reason(missed) == (
        "butir 10.d[tak_terjawab]: Panggilan tidak direspon — contact K006 on 2026-04-10 at 11:00"
    )


def test_a_reason_is_one_line(result: DisciplineResult) -> None:
    late = next(b for b in result.breaches if b.contact == "K003")
    contact = attrs.evolve(LOG[2], alasan="sedang\n  di jalan\r\n")  # a reason that did not excuse
    odd = attrs.evolve(late, title="Terlambat\nmerespon")
    text = Explainer(result, "en", {"K003": contact}).breach_reason(odd)
    assert text == (
        "butir 10.c: Terlambat merespon — message K003 on 2026-04-17 at 09:00 answered at 09:30 "
        '(after 30 min), reason: "sedang di jalan"'
    )


def test_an_escalation_lists_the_sanctions_and_their_contacts(result: DisciplineResult) -> None:
    explain = Explainer(result, "en", LOG)
    [escalation] = [s for s in result.sanctions if s.rule == "butir 10.d[berulang]"]
    assert explain.contacts_of(escalation.id) == ("K001", "K002", "K003")
    assert explain.sanction_reason(escalation).endswith(
        "— 2 sanctions butir 10.d[lisan], butir 10.d[tertulis] in period 1 "
        "(2026-04-01..2026-05-31): butir 10.d[lisan] on 2026-04-10: K001, K002; "
        "butir 10.d[tertulis] on 2026-04-17: K003"
    )


@pytest.mark.parametrize(
    ("window", "lang", "text"),
    [
        ("2026-04-10", "id", "pada 2026-04-10"),
        ("2026-W15", "en", "in week 2026-W15"),
        ("2026-04", "id", "dalam bulan 2026-04"),
        ("periode 2 (2026-06-01..2026-07-31)", "en", "in period 2 (2026-06-01..2026-07-31)"),
    ],
)
def test_window_text(window: str, lang: Lang, text: str) -> None:
    assert window_text(window, lang) == text


@pytest.mark.parametrize(
    ("seconds", "lang", "text"),
    [
        (0, "id", "0 detik"),
        (300, "id", "5 menit"),
        (299.9, "en", "4 min 59 s"),
        (3725, "en", "1 h 2 min 5 s"),
    ],
)
def test_duration_text(seconds: float, lang: Lang, text: str) -> None:
    assert duration_text(dt.timedelta(seconds=seconds), lang) == text


# ---------------------------------------------------------------- CSV
def _csv(write: Any, result: DisciplineResult, lang: Lang, **kw: Any) -> str:
    out = io.StringIO(newline="")
    count = write(result, out, lang, NAMES, **kw)
    text = out.getvalue()
    assert count == len(text.splitlines()) - 1 or '"' in text  # quoted newlines aside
    return text


@pytest.mark.parametrize("lang", LANGS)
def test_breaches_csv_golden(result: DisciplineResult, lang: Lang) -> None:
    check_golden(
        f"discipline/breaches.{lang}.csv", _csv(write_breaches_csv, result, lang, contacts=LOG)
    )


@pytest.mark.parametrize("lang", LANGS)
def test_sanctions_csv_golden(result: DisciplineResult, lang: Lang) -> None:
    check_golden(f"discipline/sanctions.{lang}.csv", _csv(write_sanctions_csv, result, lang))


def test_breaches_csv_without_the_log_golden(result: DisciplineResult) -> None:
    check_golden("discipline/breaches-bare.en.csv", _csv(write_breaches_csv, result, "en"))


def test_csv_rows_explain_themselves(result: DisciplineResult) -> None:
    rows = list(csv.DictReader(io.StringIO(_csv(write_sanctions_csv, result, "en"))))
    assert len(rows) == len(result.sanctions)
    ordered = Explainer(result, "en").sanctions_in_order()
    assert [r["id"] for r in rows] != [s.id for s in result.sanctions]  # escalation moved
    for row, s in zip(rows, ordered, strict=True):
        assert (row["id"], row["nip"], row["name"], row["unit"]) == (
            s.id,
            s.nip,
            NAMES[s.nip],
            s.unit,
        )
        assert (row["date"], row["time"]) == (s.date.isoformat(), s.at.strftime("%H:%M:%S"))
        assert row["behind"].split("; ") == list(s.behind)
        assert row["reason"].startswith(f"{s.rule}: {s.title} — ")
        for contact in row["contacts"].split("; "):
            assert contact in row["reason"]
    rows = list(csv.DictReader(io.StringIO(_csv(write_breaches_csv, result, "id", contacts=LOG))))
    assert [r["kontak"] for r in rows] == [b.contact for b in result.breaches]
    by_id = {s.id: s for s in result.sanctions}
    for r in rows:
        for sid in filter(None, r["sanksi_lanjutan"].split("; ")):
            assert r["id"] in by_id[sid].behind
    assert next(r for r in rows if r["kontak"] == "K006")["sanksi_lanjutan"] == ""


def test_csv_of_no_breaches_is_a_header(empty: DisciplineResult) -> None:
    assert _csv(write_breaches_csv, empty, "id").count("\n") == 1
    assert _csv(write_sanctions_csv, empty, "en").startswith("id,nip,name,unit,date,time,")


# ---------------------------------------------------------------- JSON
def _json(result: DisciplineResult, lang: Lang, **kw: Any) -> str:
    out = io.StringIO()
    write_json(result, out, lang, NAMES, **kw)
    return out.getvalue()


@pytest.mark.parametrize("lang", LANGS)
def test_json_golden(result: DisciplineResult, lang: Lang) -> None:
    check_golden_json(
        f"discipline/result.{lang}.json", _json(result, lang, contacts=LOG), "discipline"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_json_round_trip(result: DisciplineResult, lang: Lang) -> None:
    data = json.loads(_json(result, lang, contacts=LOG))
    assert set(data) == {"provenance", "counted", "skipped", "warnings", "breaches", "sanctions"}
    assert data["counted"] == result.counted
    assert {k: v["count"] for k, v in data["skipped"].items()} == result.skipped
    breaches = tuple(
        Breach(
            b["id"],
            b["rule"],
            b["clause"],
            b["title"],
            b["nip"],
            b["unit"],
            dt.date.fromisoformat(b["date"]),
            dt.datetime.fromisoformat(b["at"]),
            b["contact"],
        )
        for b in data["breaches"]
    )
    sanctions = tuple(
        Sanction(
            s["id"],
            s["rule"],
            s["clause"],
            s["title"],
            s["nip"],
            s["unit"],
            s["window"],
            dt.date.fromisoformat(s["date"]),
            dt.datetime.fromisoformat(s["at"]),
            tuple(s["behind"]),
        )
        for s in data["sanctions"]
    )
    skipped = {k: v["count"] for k, v in data["skipped"].items()}
    back = DisciplineResult(breaches, sanctions, data["counted"], skipped)
    assert attrs.evolve(back, sanctions=()) == attrs.evolve(result, sanctions=())
    assert sorted(back.sanctions, key=lambda s: s.id) == sorted(
        result.sanctions, key=lambda s: s.id
    )
    assert all(b["at"].endswith("+07:00") for b in data["breaches"])
    assert [b["name"] for b in data["breaches"]][:1] == [ANI.nama]


def test_json_keys_are_english_and_reasons_in_the_language(result: DisciplineResult) -> None:
    ids, ens = json.loads(_json(result, "id")), json.loads(_json(result, "en"))
    assert ids.keys() == ens.keys()
    assert ids["breaches"][0].keys() == ens["breaches"][0].keys()
    assert ids["skipped"]["on-leave"]["reason"] == "sedang cuti"
    assert ens["skipped"]["on-leave"]["reason"] == "on leave"
    assert ids["sanctions"][0]["reason"] != ens["sanctions"][0]["reason"]


def test_json_of_nothing_and_with_warnings(empty: DisciplineResult) -> None:
    data = json.loads(_json(empty, "en"))
    assert (data["breaches"], data["sanctions"], data["counted"]) == ([], [], 0)
    # A circular whose rules conflict on Fridays: the person's mode is undecided.
    text = REFERENCE.read_text(encoding="utf-8") + (
        '\nbutir 99 "Bertentangan":\n    moda_kerja adalah WFA\n    jika hari adalah Jumat\n'
    )
    circular = Circular.from_text(text, "konflik.edaran", static_conflicts=False)
    conflicted = run_discipline(circular, [ANI], LOG[:1], use_schedule=False)
    assert conflicted.skipped == {Skipped.UNDECIDED: 1}
    data = json.loads(_json(conflicted, "en"))
    [warning] = data["warnings"]
    assert warning["code"] == conflicted.warnings[0].code
    assert warning["severity"] == "error" and warning["message"] in warning["text"]
    assert data["skipped"] == {
        "undecided": {"count": 1, "reason": "work mode could not be decided (see the warnings)"}
    }


# ---------------------------------------------------------------- summary and history
@pytest.mark.parametrize("lang", LANGS)
def test_summary_golden(result: DisciplineResult, lang: Lang) -> None:
    check_golden(f"discipline/summary.{lang}.txt", summary_text(result, lang))


@pytest.mark.parametrize("lang", LANGS)
def test_summary_of_no_breaches_golden(empty: DisciplineResult, lang: Lang) -> None:
    check_golden(f"discipline/summary-empty.{lang}.txt", summary_text(empty, lang))


def test_summary_columns_follow_the_ladder(result: DisciplineResult) -> None:
    head = summary_text(result, "en").splitlines()[1].split()
    assert head == [
        "Unit",
        "In",
        "breach",
        "Breaches",
        "10.d[lisan]",
        "10.d[tertulis]",
        "10.d[berulang]",
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_history_golden(result: DisciplineResult, lang: Lang) -> None:
    text = person_history(result, ANI.nip, lang, NAMES, contacts=LOG)
    check_golden(f"discipline/history-ani.{lang}.txt", text)


def test_history_orders_breaches_before_their_sanctions(result: DisciplineResult) -> None:
    lines = person_history(result, ANI.nip, "en", NAMES).splitlines()
    kinds = [line.split()[2] for line in lines[1:-1]]
    assert kinds == ["breach", "breach", "sanction", "breach", "sanction", "sanction"]
    assert "butir 10.d[berulang]" in lines[-2]
    assert lines[-1] == (
        "Total: 3 breaches (butir 10.c 1, butir 10.d[tak_terjawab] 2); 3 sanctions "
        "(butir 10.d[berulang] 1, butir 10.d[lisan] 1, butir 10.d[tertulis] 1)"
    )


def test_history_of_someone_without_breaches(result: DisciplineResult) -> None:
    assert person_history(result, CITRA.nip, "id", NAMES) == (
        f"Riwayat disiplin {CITRA.nip} Citra\nTidak ada pelanggaran atau sanksi."
    )


def test_text_outputs_are_deterministic(circular: Circular) -> None:
    def everything(log: list[Contact]) -> str:
        made = run_discipline(circular, STAFF, log, absences=LEAVE, use_schedule=False)
        parts = [
            _csv(write_breaches_csv, made, "id", contacts=log),
            _csv(write_sanctions_csv, made, "en"),
            _json(made, "id", contacts=log),
            summary_text(made, "en"),
            person_history(made, ANI.nip, "id", NAMES, contacts=log),
        ]
        return "\n".join(parts)

    assert everything(LOG) == everything(list(reversed(LOG)))


# ---------------------------------------------------------------- Excel
@pytest.fixture(scope="module")
def openpyxl() -> Any:
    import openpyxl  # the test extra installs it (edaran[excel])

    return openpyxl


def _rows(ws: Any) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in ws.iter_rows(values_only=True)]


@pytest.mark.parametrize("lang", LANGS)
def test_xlsx_summary_sheet(
    openpyxl: Any, result: DisciplineResult, tmp_path: Path, lang: Lang
) -> None:
    path = write_xlsx(result, tmp_path / "disiplin.xlsx", lang, NAMES, contacts=LOG, units=UNITS)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Ringkasan" if lang == "id" else "Summary", "BAPPEDA", "BPKAD"]
    rows = _rows(wb.worksheets[0])
    assert rows[0][0].endswith(
        "2026-04-10 s.d. 2026-06-05" if lang == "id" else "2026-04-10 to 2026-06-05"
    )
    heads = rows[1]
    assert heads[:2] == (("Kode unit", "Nama unit") if lang == "id" else ("Unit code", "Unit name"))
    figures = {row[0]: dict(zip(heads[2:], row[2:], strict=True)) for row in rows[2:5]}
    breaches = "Pelanggaran butir 10.c" if lang == "id" else "Breaches butir 10.c"
    lisan = "Sanksi butir 10.d[lisan]" if lang == "id" else "Sanctions butir 10.d[lisan]"
    assert figures["BAPPEDA"][breaches] == 2 and figures["BPKAD"][breaches] == 2
    assert figures["BAPPEDA"][lisan] == 1 and figures["BPKAD"][lisan] == 0
    total = "Jumlah" if lang == "id" else "Total"
    assert figures[total][heads[-1]] == len(result.sanctions)
    assert rows[2][1] == UNITS["BAPPEDA"]
    flat = [cell for row in rows for cell in row if cell is not None]
    assert "on-leave" in flat and result.counted in flat


def test_xlsx_unit_sheet_lists_sanctions_with_what_is_behind(
    openpyxl: Any, result: DisciplineResult, tmp_path: Path
) -> None:
    path = write_xlsx(result, tmp_path / "d.xlsx", "id", NAMES, contacts=LOG)
    ws = openpyxl.load_workbook(path)["BAPPEDA"]
    rows = _rows(ws)
    assert rows[0][0].startswith("Sanksi disiplin BAPPEDA")
    assert rows[1][:5] == ("NIP", "Nama", "Tanggal", "Pukul", "Sanksi / dasarnya")
    what = [row[4] for row in rows[2:]]
    assert what[:9] == [
        "butir 10.d[lisan]",
        "↳ butir 10.d[tak_terjawab]",
        "↳ butir 10.d[tak_terjawab]",
        "butir 10.d[tertulis]",
        "↳ butir 10.c",
        "butir 10.d[berulang]",
        "↳ butir 10.d[lisan]",
        "↳ butir 10.d[tertulis]",
        "butir 10.d[tertulis]",  # Budi's reply after midnight
    ]
    assert rows[2][0] == ANI.nip and rows[2][1] == ANI.nama
    assert ws["A3"].data_type == "s" and ws["A3"].number_format == "@"
    assert ws["C3"].value == dt.datetime(2026, 4, 10)  # a date cell
    open_rows = [row for row in rows if row[4] == "butir 10.d[tak_terjawab]"]
    assert [row[8] for row in open_rows] == ["K006"]  # Budi's single missed call
    assert ws.freeze_panes == "C3"


def test_xlsx_is_deterministic(openpyxl: Any, result: DisciplineResult, tmp_path: Path) -> None:
    first = write_xlsx(result, tmp_path / "a.xlsx", "en", NAMES).read_bytes()
    second = write_xlsx(result, tmp_path / "b.xlsx", "en", NAMES).read_bytes()
    assert first == second
    wb = openpyxl.load_workbook(tmp_path / "a.xlsx")
    assert wb.properties.created == dt.datetime(2026, 4, 10)


def test_xlsx_of_nothing(openpyxl: Any, empty: DisciplineResult, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(write_xlsx(empty, tmp_path / "e.xlsx", "en"))
    assert wb.sheetnames == ["Summary"]


def test_xlsx_text_stays_text(openpyxl: Any, circular: Circular, tmp_path: Path) -> None:
    odd = attrs.evolve(ANI, nama="=SUM(A1:A2)")
    made = run_discipline(circular, [odd], LOG[:2], use_schedule=False)
    wb = openpyxl.load_workbook(write_xlsx(made, tmp_path / "t.xlsx", "id", {ANI.nip: odd.nama}))
    ws = wb["BAPPEDA"]
    assert ws["B3"].value == "=SUM(A1:A2)" and ws["B3"].data_type == "s"


def test_xlsx_without_openpyxl_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, result: DisciplineResult, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # makes "import openpyxl" fail
    with pytest.raises(EdaranError) as caught:
        write_xlsx(result, tmp_path / "x.xlsx")
    [diagnostic] = caught.value.diagnostics
    assert diagnostic.code == "D040" and diagnostic.args["extra"] == "excel"
    assert not (tmp_path / "x.xlsx").exists()
