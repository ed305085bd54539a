"""Leave, transfers, recalls, plans and attendance logs over HTTP (issue 12).

``/schedule`` takes ``absences``, ``transfers``, ``recalls`` and ``plan``;
``/decide`` and ``/explain`` take ``recalls``; ``/discipline`` takes
``attendance``, ``absences`` and ``recalls``: JSON rows read by the same
readers as the files of the commands, so an answer is the command's JSON
(run here on copies named as the service names them: ``panggilan.csv``),
and a bad row is a 422 naming the file, line and column.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from paths import DATA, EXAMPLES
from schemas import validate
from service.conftest import Server
from service.test_service import cli_json, error_of, roster, rows

SCHEDULE = DATA / "schedule"
RULES = SCHEDULE / "jadwal.edaran"
SRI = "199004042019032003"  # BAPPEDA, WFH on Friday 10 April, recalled that day
ANDI = "197501012000031001"  # BAPPEDA, on leave 9-10 April
AHMAD = "198001012005011001"  # BPKAD, on leave 17 April
MOVED = "199003202015031003"  # from BPKAD to UPTB_ASET on 13 April
FRIDAY = "2026-04-10"
KOMINFO = EXAMPLES / "dinas-kominfo-lembah-2027"


def _person(nip: str) -> dict[str, Any]:
    found = roster(SCHEDULE / "roster")
    row = next(r for r in found["employees"] if r["nip"] == nip)
    return {"employee": row, "units": found["units"]}


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The data files under the names the service gives them, in the working folder."""
    for source, name in (
        ("cuti.csv", "cuti.csv"),
        ("mutasi.csv", "mutasi.csv"),
        ("panggilan.csv", "panggilan.csv"),
    ):
        shutil.copy(SCHEDULE / source, tmp_path / name)
    (tmp_path / "rencana.csv").write_text(
        f"nip,unit,tanggal,moda\n,BAPPEDA,{FRIDAY},WFH\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _command(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    return cli_json(
        capsys, argv[0], str(RULES), "--roster", str(SCHEDULE / "roster"), *argv[1:]
    )  # fmt: skip


def _named(data: dict[str, Any], path: str, name: str) -> dict[str, Any]:
    """The command's JSON with the rule file's path as the service names it."""
    warnings = [{**w, "text": w["text"].replace(path, name)} for w in data["warnings"]]
    return {**data, "warnings": warnings}


# ---------------------------------------------------------------- /schedule
def test_schedule_with_leave_transfers_and_recalls_is_the_commands_json(
    server: Server, files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = {
        "circular": "uji-jadwal",
        "roster": roster(SCHEDULE / "roster"),
        "from": "2026-04-06",
        "to": "2026-04-17",
        "absences": rows(files / "cuti.csv"),
        "transfers": rows(files / "mutasi.csv"),
        "recalls": rows(files / "panggilan.csv"),
    }
    with server.client() as client:
        answer = client.post("/schedule", json=body)
    assert answer.status_code == 200, answer.text
    data = answer.json()
    validate(data, "schedule")
    command = _command(
        capsys, "schedule", "--from", "2026-04-06", "--to", "2026-04-17", "--format", "json",
        "--absences", "cuti.csv", "--transfers", "mutasi.csv", "--recalls", "panggilan.csv",
    )  # fmt: skip
    assert data == command
    audit = [a for a in data["assignments"] if a["date"] == "2026-04-17"]
    # BPKAD and UPTB_ASET under it are called in for the audit: whoever the cap and the
    # floor left at home comes to the office; the one on leave stays on leave.
    assert [(a["nip"], a["unit"], a["mode"], a["why"]) for a in audit[4:9]] == [
        (AHMAD, "BPKAD", "CUTI", "absent"),
        ("198502152010012002", "BPKAD", "WFO", "cap"),
        ("198709092012122001", "BPKAD", "WFO", "cap"),
        ("198107072006042001", "RSUD_SF", "WFO", "eligible"),
        ("199612252020121002", "RSUD_SF", "WFO", "eligible"),
    ]
    assert [(a["nip"], a["unit"], a["mode"], a["why"]) for a in audit[9:]] == [
        ("197807142003122001", "UPTB_ASET", "WFO", "recall"),
        (MOVED, "UPTB_ASET", "WFO", "recall"),  # moved here from BPKAD on 13 April
        ("199211302019031002", "UPTB_ASET", "WFO", "floor"),
    ]
    recalled = audit[10]
    assert (recalled["eligible"], recalled["clause"], recalled["reason"]) == (
        "WFH", None, "dipanggil ke kantor (semula WFH): Pemeriksaan BPK",
    )  # fmt: skip
    assert recalled["detail"] == {"reason": "Pemeriksaan BPK", "recall": "panggilan.csv:3",
                                  "was": "WFH"}  # fmt: skip


def test_a_bad_recall_row_is_a_422_naming_the_row(server: Server) -> None:
    body = {
        "circular": "uji-jadwal",
        "roster": roster(SCHEDULE / "roster"),
        "from": FRIDAY,
        "to": FRIDAY,
        "recalls": [
            {"nip": SRI, "unit": "", "tanggal": FRIDAY, "alasan": "Rapat"},
            {"nip": "", "unit": "BPKADD", "tanggal": FRIDAY, "alasan": "Salah ketik"},
        ],
    }
    with server.client(lang="en") as client:
        answer = client.post("/schedule", json=body)
    data = error_of(answer, 422, "E614")
    assert data == {
        "code": "E614",
        "message": "the request's data has problems: 1 error",
        "diagnostics": [
            {
                "code": "D023",
                "severity": "error",
                "message": "unknown unit 'BPKADD'",
                "location": {
                    "file": "panggilan.csv",
                    "line": 3,
                    "column": 2,
                    "end_line": 3,
                    "end_column": 8,
                },
                "labels": [],
                "suggestions": ["BPKAD"],
                "notes": [],
                "text": "error[D023]: unknown unit 'BPKADD'\n --> panggilan.csv:3:2\n  |\n"
                "3 | ,BPKADD,2026-04-10,Salah ketik\n  |  ^^^^^^\n"
                "  = help: did you mean 'BPKAD'?",
            }
        ],
    }
    with server.client() as client:
        wrong = client.post("/schedule", json={**body, "recalls": {"nip": SRI}})
    assert error_of(wrong, 400, "E601")["message"] == "'recalls' harus berupa daftar JSON (array)"


def test_schedule_checks_a_plan_and_reports_its_violations(
    server: Server, files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = {
        "circular": "uji-jadwal",
        "roster": roster(SCHEDULE / "roster"),
        "from": FRIDAY,
        "to": FRIDAY,
        "plan": rows(files / "rencana.csv"),
        "recalls": rows(files / "panggilan.csv"),
    }
    with server.client(lang="en") as client:
        answer = client.post("/schedule", json=body)
    assert answer.status_code == 200, answer.text
    data = answer.json()
    validate(data, "schedule")
    command = _command(
        capsys, "schedule", "--from", FRIDAY, "--to", FRIDAY, "--format", "json", "--lang", "en",
        "--plan", "rencana.csv", "--recalls", "panggilan.csv",
    )  # fmt: skip
    # A limit's violation points at the rule file: the service names the file only.
    assert data == _named(command, str(RULES), "uji-jadwal.edaran")
    assert "dilayani" not in answer.text
    assert [(w["code"], w["severity"]) for w in data["warnings"]] == [
        ("D083", "error"),
        ("D084", "error"),
        ("D084", "error"),
    ]
    assert data["warnings"][0]["message"] == (
        "plan rencana.csv:2: WFH is not allowed on 2026-04-10; the rules decide WFA"
        " (butir 11), and a plan may choose only that (or one mode of a choice) or WFO"
    )
    assert data["warnings"][1]["message"] == (
        "the plan of unit BAPPEDA on 2026-04-10: 3 of 4 staff on WFH, butir 4 sets at most 2"
    )
    bappeda = {a["nip"]: a for a in data["assignments"] if a["unit"] == "BAPPEDA"}
    assert (bappeda[ANDI]["mode"], bappeda[ANDI]["why"]) == ("WFH", "plan")
    assert bappeda[ANDI]["detail"]["plan"] == "rencana.csv:2"
    # The recall comes after the plan: Sri is called in all the same.
    assert (bappeda[SRI]["mode"], bappeda[SRI]["why"]) == ("WFO", "recall")
    assert bappeda[SRI]["detail"]["was_why"] == "plan"


def test_a_bad_plan_row_is_a_422(server: Server) -> None:
    body = {
        "circular": "uji-jadwal",
        "roster": roster(SCHEDULE / "roster"),
        "from": FRIDAY,
        "to": FRIDAY,
        "plan": [{"nip": SRI, "unit": "BAPPEDA", "tanggal": FRIDAY, "moda": "WFH"}],
    }
    with server.client(lang="en") as client:
        answer = client.post("/schedule", json=body)
    (found,) = error_of(answer, 422, "E614")["diagnostics"]
    assert (found["code"], found["location"]["file"], found["location"]["line"]) == (
        "D086", "rencana.csv", 2,
    )  # fmt: skip


# ---------------------------------------------------------------- /decide, /explain
def test_decide_and_explain_with_recalls_are_the_commands_json(
    server: Server, files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recalls = rows(files / "panggilan.csv")
    one = {"circular": "uji-jadwal", **_person(SRI), "recalls": recalls}
    with server.client(lang="en") as client:
        decided = client.post("/decide", json={**one, "from": "2026-04-09", "to": FRIDAY})
        explained = client.post("/explain", json={**one, "date": FRIDAY})
        plain = client.post("/explain", json={**one, "date": FRIDAY, "recalls": []})
    assert decided.status_code == explained.status_code == 200, decided.text + explained.text
    data = decided.json()
    validate(data, "decide")
    assert [(d["value"], d["status"]) for d in data["decisions"]] == [
        ("WFO", "default"),
        ("WFO", "recall"),
    ]
    assert data["decisions"][1]["recall"] == {
        "reason": "Rapat koordinasi darurat",
        "source": "panggilan.csv:2",
        "was": "WFH",
        "mode": "WFO",
    }
    assert data["decisions"][1]["reason"] == (
        "Called to the office (panggilan.csv:2): Rapat koordinasi darurat;"
        " today's mode is WFO, not WFH"
    )
    command = _command(
        capsys, "decide", "--from", "2026-04-09", "--to", FRIDAY, "--nip", SRI,
        "--format", "json", "--lang", "en", "--recalls", "panggilan.csv",
    )  # fmt: skip
    assert data == command
    explanation = explained.json()
    validate(explanation, "explain")
    command = _command(
        capsys, "explain", "--nip", SRI, "--date", FRIDAY, "--format", "json", "--lang", "en",
        "--recalls", "panggilan.csv",
    )  # fmt: skip
    assert explanation == command
    assert explanation["recall"] == data["decisions"][1]["recall"]
    assert explanation["decision"]["value"] == "WFH"  # what the rules decide, explained
    assert "recall" not in plain.json()


def test_decide_many_takes_recalls_as_rows_or_as_an_uploaded_file(
    server: Server, files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = roster(SCHEDULE / "roster")
    recalls = rows(files / "panggilan.csv")
    body = {"circular": "uji-jadwal", "roster": found, "from": "2026-04-09", "to": FRIDAY}
    with server.client(lang="en") as client:
        sent = client.post("/decide-many", json={**body, "recalls": recalls})
        fields = {"circular": "uji-jadwal", "from": "2026-04-09", "to": FRIDAY}
        upload = {
            "roster": ("pegawai.csv", _flat(SCHEDULE / "roster").encode("utf-8"), "text/csv"),
            "recalls": ("panggilan.csv", (files / "panggilan.csv").read_bytes(), "text/csv"),
        }
        uploaded = client.post("/decide-many", data=fields, files=upload)
        bad = {**body, "recalls": [{"nip": SRI, "tanggal": "2026-13-01", "alasan": "x"}]}
        refused = client.post("/decide-many", json=bad)
    assert sent.status_code == 200, sent.text[:500]
    assert uploaded.status_code == 200, uploaded.text[:1500]
    lines = [json.loads(line) for line in sent.text.splitlines()]
    for line in lines:
        validate(line, "decision-line")
    recalled = [d for d in lines[1:] if d.get("status") == "recall"]
    assert [(d["nip"], d["date"], d["recall"]["was"]) for d in recalled] == [(SRI, FRIDAY, "WFH")]
    assert [json.loads(line) for line in uploaded.text.splitlines()] == lines
    command = _command(
        capsys, "decide", "--from", "2026-04-09", "--to", FRIDAY, "--format", "json",
        "--lang", "en", "--recalls", "panggilan.csv",
    )  # fmt: skip
    assert lines[1:] == command["decisions"]
    error = error_of(refused, 422, "E614")
    assert error["diagnostics"][0]["code"] == "D018"


def _flat(folder: Path) -> str:
    """A roster folder as one flat CSV file (the unit's columns on each row)."""
    units = {u["kode"]: u for u in rows(folder / "unit.csv")}
    lines = ["nip,nama,jenjang,kode_unit,nama_unit,jenis_unit,layanan_publik,induk_unit"]
    for e in rows(folder / "pegawai.csv"):
        u = units[e["unit"]]
        lines.append(
            f"{e['nip']},{e['nama']},{e['jenjang']},{u['kode']},{u['nama']},{u['jenis']},"
            f"{u['layanan_publik']},{u['induk']}"
        )
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- /discipline
def test_discipline_reads_an_attendance_log_as_the_command_does(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    body = {
        "circular": "uji-presensi",
        "roster": roster(KOMINFO / "roster"),
        "attendance": rows(KOMINFO / "presensi.csv"),
    }
    with server.client() as client:
        answer = client.post("/discipline", json=body)
    assert answer.status_code == 200, answer.text
    data = answer.json()
    validate(data, "discipline")
    command = cli_json(
        capsys, "discipline", str(KOMINFO / "se-800.1-42-DISKOMINFO-2027.edaran"),
        "--roster", str(KOMINFO / "roster"), "--attendance", str(KOMINFO / "presensi.csv"),
        "--format", "json",
    )  # fmt: skip
    assert data == command
    assert data["attendance_events"] == 564
    assert [(c["days"], c["amount"]) for c in data["cuts"]] == [(1, "50000")] * 3


def test_discipline_with_leave_and_recalls_and_bad_attendance_rows(server: Server) -> None:
    people = roster(KOMINFO / "roster")
    log = rows(KOMINFO / "presensi.csv")
    base = {"circular": "uji-presensi", "roster": people}
    with server.client(lang="en") as client:
        plain = client.post("/discipline", json={**base, "attendance": log}).json()
        missing = [b for b in plain["breaches"] if b["kind"] == "missing"]
        nip, day = missing[0]["nip"], missing[0]["date"]
        away = [{"nip": nip, "mulai": day, "sampai": day}]
        excused = client.post(
            "/discipline", json={**base, "attendance": log, "absences": away}
        ).json()
        bad = [*log[:4], {**log[4], "jenis": "masok"}]
        refused = client.post("/discipline", json={**base, "attendance": bad})
        neither = client.post("/discipline", json=base)
        recall = [{"nip": nip, "unit": "", "tanggal": "2026-13-01", "alasan": "Rapat"}]
        bad_recall = client.post("/discipline", json={**base, "attendance": log, "recalls": recall})
    # On leave that day: the missing check-in is no breach.
    assert (nip, day) not in {(b["nip"], b["date"]) for b in excused["breaches"]}
    assert len(excused["breaches"]) < len(plain["breaches"])
    (found,) = error_of(refused, 422, "E614")["diagnostics"]
    assert (found["code"], found["location"]["file"], found["location"]["line"]) == (
        "D101", "presensi.jsonl", 5,
    )  # fmt: skip
    assert found["location"]["column"] == 47  # under the kind, in the row as JSON
    assert found["text"].splitlines()[3].startswith('5 | {"id": "P00005",')
    assert error_of(neither, 400, "E602")["message"] == "'contacts' is required"
    (found,) = error_of(bad_recall, 422, "E614")["diagnostics"]
    assert (found["code"], found["location"]["file"], found["location"]["line"]) == (
        "D018", "panggilan.csv", 2,
    )  # fmt: skip


def test_the_one_person_of_explain_takes_only_their_own_recalls(server: Server) -> None:
    """A recall naming someone else is a row about a NIP the request does not hold."""
    other = {"nip": ANDI, "unit": "", "tanggal": FRIDAY, "alasan": "Rapat"}
    body = {"circular": "uji-jadwal", **_person(SRI), "date": FRIDAY, "recalls": [other]}
    with server.client(lang="en") as client:
        answer = client.post("/explain", json=body)
    (found,) = error_of(answer, 422, "E614")["diagnostics"]
    assert (found["code"], found["location"]["line"]) == ("D041", 2)


def test_the_openapi_document_names_the_new_fields(server: Server) -> None:
    with server.client(token=None) as client:
        document = client.get("/openapi.json").json()

    def body(path: str) -> dict[str, Any]:
        content = document["paths"][path]["post"]["requestBody"]["content"]
        schema: dict[str, Any] = content["application/json"]["schema"]
        return schema

    schedule = body("/schedule")["properties"]
    assert {"absences", "transfers", "recalls", "plan"} <= set(schedule)
    assert schedule["plan"]["description"].startswith("rencana.csv rows: nip or unit, tanggal")
    assert "recalls" in body("/decide")["properties"]
    assert "recalls" in body("/explain")["properties"]
    discipline = body("/discipline")
    assert discipline["required"] == ["circular", "roster"]  # contacts, attendance or both
    assert {"contacts", "attendance", "absences", "recalls"} <= set(discipline["properties"])
    decision = document["components"]["schemas"]["decide"]["properties"]["decisions"]["items"]
    assert "recall" in decision["properties"]["status"]["enum"]
    assert set(decision["properties"]["recall"]["required"]) == {"reason", "source", "was", "mode"}
