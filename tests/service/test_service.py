"""The HTTP service against a real server on loopback, with a real HTTP client (httpx).

Every answer is checked against its shipped schema; the commands' JSON and
the service's are compared where both exist; bad inputs get JSON errors
with codes in both languages, never a 500 with a traceback; the server's
log holds no NIP and no name.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from edaran.cli import main
from paths import DATA, REFERENCE, REPO
from schemas import validate
from service.conftest import MAX_BODY, RINDANG, Server

ROSTER = DATA / "roster-small"
ANDI = "197501012000031001"  # Pelaksana at Bappeda
CITRA = "197203152000121001"  # JPT Pratama, head of BPBD
QUOTA = DATA / "quota"


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        sample = f.read()
    delimiter = (
        ";" if sample.splitlines()[0].count(";") > sample.splitlines()[0].count(",") else ","
    )
    return list(csv.DictReader(io.StringIO(sample), delimiter=delimiter))


def roster(path: Path = ROSTER) -> dict[str, Any]:
    return {"employees": rows(path / "pegawai.csv"), "units": rows(path / "unit.csv")}


def person(nip: str) -> dict[str, Any]:
    """/decide's ``employee`` and ``units``: the roster's row of ``nip`` and every unit."""
    found = roster()
    row = next(r for r in found["employees"] if r["nip"] == nip)
    return {"employee": row, "units": found["units"]}


def cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    """The command's JSON (its exit code may say that warnings include errors)."""
    main(list(argv))
    out, _ = capsys.readouterr()
    return json.loads(out)


def error_of(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    data = response.json()
    validate(data, "error")
    assert data["code"] == code
    assert "Traceback" not in response.text
    return data


# ---------------------------------------------------------------- reading
def test_circulars_and_one_circular(server: Server) -> None:
    with server.client() as client:
        listing = client.get("/circulars").json()
        validate(listing, "circulars")
        assert [c["id"] for c in listing["circulars"]] == [
            "kuota", "perjalanan", "sumsel-2026", "uji-jadwal", "uji-presensi", "uji-puasa",
        ]  # fmt: skip
        detail = client.get("/circulars/sumsel-2026").json()
    validate(detail, "circular")
    assert detail["number"] == "800.1/1230/BKD.I/2026"
    assert "butir 12.a" in {c["clause"] for c in detail["clauses"]}
    assert detail["versions"][-1]["rule_file_sha256"] == detail["provenance"]["rule_file_sha256"]
    assert {p["name"] for p in detail["parameters"]} >= {"HARI_WFH"}


def test_openapi_document(server: Server) -> None:
    with server.client(token=None) as client:  # open without a token, like /health
        document = client.get("/openapi.json").json()
    assert document["openapi"] == "3.1.0"
    assert set(document["paths"]) >= {
        "/decide", "/decide-many", "/explain", "/schedule", "/discipline", "/quota",
        "/report", "/check", "/test", "/circulars", "/circulars/{id}",
    }  # fmt: skip
    example = document["paths"]["/decide"]["post"]["requestBody"]["content"]["application/json"]
    assert example["example"]["circular"] == "kuota"
    assert document["components"]["schemas"]["decide"]["title"].startswith("Decisions")


# ---------------------------------------------------------------- the commands, over HTTP
def test_decide_is_the_commands_json(server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    body = {"circular": "sumsel-2026", **person(CITRA), "from": "2026-04-06", "to": "2026-04-10"}
    with server.client(lang="en") as client:
        answer = client.post("/decide", json=body)
    assert answer.status_code == 200
    data = answer.json()
    validate(data, "decide")
    assert [d["value"] for d in data["decisions"]] == ["WFO"] * 5
    assert data["decisions"][-1]["clause"] == "butir 12.a"
    command = cli_json(
        capsys, "decide", "--lang", "en", str(REFERENCE), "--roster", str(ROSTER),
        "--from", "2026-04-06", "--to", "2026-04-10", "--nip", CITRA, "--format", "json",
    )  # fmt: skip
    assert data == command


def test_explain_is_the_commands_json(server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    body = {"circular": "sumsel-2026", **person(CITRA), "date": "2026-04-10"}
    with server.client() as client:
        data = client.post("/explain", json=body).json()
    validate(data, "explain")
    command = cli_json(
        capsys, "explain", str(REFERENCE), "--roster", str(ROSTER), "--nip", CITRA,
        "--date", "2026-04-10", "--format", "json",
    )  # fmt: skip
    assert data == command


def test_schedule_is_the_commands_json(server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    dates = {"from": "2026-04-06", "to": "2026-04-10"}
    body = {"circular": "kuota", "roster": roster(QUOTA / "roster"), **dates}
    with server.client() as client:
        data = client.post("/schedule", json=body).json()
        # As the command does, a per-unit table naming units the roster lacks is refused.
        refused = client.post(
            "/schedule", json={"circular": "sumsel-2026", "roster": roster(), **dates}
        )
    validate(data, "schedule")
    command = cli_json(
        capsys, "schedule", str(QUOTA / "se.edaran"), "--roster", str(QUOTA / "roster"),
        "--from", "2026-04-06", "--to", "2026-04-10", "--format", "json",
    )  # fmt: skip
    assert data == command
    assert all(a["name"] for a in data["assignments"])
    assert {d["code"] for d in error_of(refused, 422, "E614")["diagnostics"]} == {"E121"}


def test_quota_and_report(server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    body = {
        "circular": "kuota",
        "roster": roster(QUOTA / "roster"),
        "trips": rows(QUOTA / "perjalanan.csv"),
        "vehicles": rows(QUOTA / "kendaraan.csv"),
        "meetings": rows(QUOTA / "rapat.csv"),
        "checklists": rows(QUOTA / "daftar_periksa.csv"),
    }
    with server.client(lang="en") as client:
        quota = client.post("/quota", json=body).json()
        costs = {"circular": "kuota", "roster": body["roster"], "costs": cost_rows()}
        report = client.post("/report", json=costs).json()
    validate(quota, "quota")
    validate(report, "report")
    files = ["--perjalanan", "perjalanan.csv", "--kendaraan", "kendaraan.csv", "--rapat"]
    files += ["rapat.csv", "--daftar-periksa", "daftar_periksa.csv"]
    command = cli_json(
        capsys, "quota", "--lang", "en", str(QUOTA / "se.edaran"),
        "--roster", str(QUOTA / "roster"),
        *[str(QUOTA / f) if f.endswith(".csv") else f for f in files], "--format", "json",
    )  # fmt: skip
    for key in ("provenance", "counts", "quotas", "targets", "checklists"):
        assert quota[key] == command[key], key
    command = cli_json(
        capsys, "report", "--lang", "en", str(QUOTA / "se.edaran"), "--roster",
        str(QUOTA / "roster"), "--biaya", str(QUOTA / "biaya.csv"), "--format", "json",
    )  # fmt: skip
    assert {k: v for k, v in report.items() if k != "warnings"} == {
        k: v for k, v in command.items() if k != "warnings"
    }


def test_quota_judges_per_record_rules_with_declared_fields(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    provisions = DATA / "provisions"
    body = {
        "circular": "perjalanan",
        "roster": roster(provisions / "roster"),
        "trips": rows(provisions / "perjalanan.csv"),
    }
    with server.client(lang="en") as client:
        quota = client.post("/quota", json=body).json()
    validate(quota, "quota")
    command = cli_json(
        capsys, "quota", "--lang", "en", str(provisions / "se.edaran"),
        "--roster", str(provisions / "roster"),
        "--perjalanan", str(provisions / "perjalanan.csv"), "--format", "json",
    )  # fmt: skip
    # The rows of the records are those of the rows sent, which the service does not number.
    assert [r["record"] for r in quota["records"]] == ["PD-02", "PD-03", "PD-04"]
    assert [{**r, "row": None} for r in command["records"]] == quota["records"]


def cost_rows() -> list[dict[str, Any]]:
    """biaya.csv as a program sends it: figures as plain digits, not Indonesian text."""
    from edaran.io import load_roster, read_records

    costs, _ = read_records(QUOTA / "biaya.csv", "biaya", roster=load_roster(QUOTA / "roster"))
    return [
        {
            "unit": c.unit.kode,
            "bulan": c.bulan.strftime("%Y-%m"),
            "kategori": c.kategori.value,
            "jumlah": str(c.jumlah),
            "kuantitas": None if c.kuantitas is None else str(c.kuantitas),
            "satuan": c.satuan,
            "keterangan": c.keterangan,
        }
        for c in costs
    ]


def test_discipline_is_the_commands_json(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = DATA / "contacts"
    body = {
        "circular": "sumsel-2026",
        "roster": roster(folder / "roster"),
        "contacts": rows(folder / "kontak.csv"),
    }
    with server.client() as client:
        data = client.post("/discipline", json=body).json()
    validate(data, "discipline")
    command = cli_json(
        capsys, "discipline", str(REFERENCE), "--roster", str(folder / "roster"),
        "--contacts", str(folder / "kontak.csv"), "--format", "json",
    )  # fmt: skip
    assert data == command
    assert data["counted"] > 0 and data["breaches"]


def test_decide_many_streams_json_lines_from_json_csv_and_excel(
    server: Server, tmp_path: Path
) -> None:
    body = {"circular": "sumsel-2026", "roster": roster(), "from": "2026-04-09", "to": "2026-04-10"}
    with server.client() as client:
        with client.stream("POST", "/decide-many", json=body) as answer:
            assert answer.headers["content-type"].startswith("application/x-ndjson")
            lines = [json.loads(line) for line in answer.iter_lines() if line]
        flat = _flat_csv()
        upload = {"roster": ("pegawai.csv", flat.encode("utf-8"), "text/csv")}
        fields = {"circular": "sumsel-2026", "from": "2026-04-09", "to": "2026-04-10"}
        from_csv = client.post("/decide-many", data=fields, files=upload)
        workbook = _workbook(flat, tmp_path / "pegawai.xlsx")
        upload = {"roster": ("pegawai.xlsx", workbook, "application/vnd.ms-excel")}
        from_excel = client.post("/decide-many", data=fields, files=upload)
    for line in lines:
        validate(line, "decision-line")
    assert list(lines[0]) == ["provenance"]
    decisions = lines[1:]
    assert len(decisions) == 2 * len(roster()["employees"])
    assert {(d["nip"], d["date"]) for d in decisions} >= {(ANDI, "2026-04-10")}
    uploaded = []
    for other in (from_csv, from_excel):
        assert other.status_code == 200, other.text
        uploaded.append([json.loads(line) for line in other.text.splitlines()])
    assert uploaded[0] == uploaded[1]
    # The flat file adds a person to RS_EB (a parent unit needs a row of its own there).
    assert [d for d in uploaded[0] if d.get("nip") != "199001012015031001"] == lines


def test_every_endpoint_reads_the_columns_the_circular_declares(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    # The fasting-month circular reads pegawai.agama, .tatap_muka and .penempatan:
    # /decide and /decide-many read them from the rows as the command does from the files.
    folder = RINDANG.parent / "roster"
    found = roster(folder)
    body = {"circular": "uji-puasa", "from": "2027-02-11", "to": "2027-02-12"}
    with server.client(lang="en") as client:
        many = client.post("/decide-many", json={**body, "roster": found})
        upload = {"roster": ("pegawai.csv", _flat_rindang(folder).encode("utf-8"), "text/csv")}
        uploaded = client.post("/decide-many", data=body, files=upload)
        one = {**body, "employee": found["employees"][0], "units": found["units"]}
        single = client.post("/decide", json=one)
    assert many.status_code == uploaded.status_code == single.status_code == 200, many.text
    lines = [json.loads(line) for line in many.text.splitlines()][1:]
    command = cli_json(
        capsys, "decide", str(RINDANG), "--roster", str(folder), "--from", "2027-02-11",
        "--to", "2027-02-12", "--format", "json", "--lang", "en",
    )  # fmt: skip
    assert lines == [d for d in command["decisions"] if d["output"] == "moda_kerja"]
    assert "error" not in many.text  # no D144: the declared columns were read
    assert [json.loads(x) for x in uploaded.text.splitlines()][1:] == lines
    nip = found["employees"][0]["nip"]
    assert single.json()["decisions"] == [d for d in lines if d["nip"] == nip]


def _flat_rindang(folder: Path) -> str:
    """The roster folder as one flat CSV (the unit's columns on each row; the declared
    unit attribute ``objek_vital`` keeps its own name)."""
    units = {u["kode"]: u for u in rows(folder / "unit.csv")}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    people = rows(folder / "pegawai.csv")
    own = [c for c in people[0] if c != "unit"]
    writer.writerow([*own, "kode_unit", "nama_unit", "jenis_unit", "layanan_publik",
                     "induk_unit", "objek_vital"])  # fmt: skip
    for e in people:
        u = units[e["unit"]]
        writer.writerow([*[e[c] for c in own], u["kode"], u["nama"], u["jenis"],
                         u["layanan_publik"], u["induk"], u["objek_vital"]])  # fmt: skip
    return out.getvalue()


def _flat_csv() -> str:
    """The small roster as one flat CSV (the unit's columns on each row)."""
    units = {u["kode"]: u for u in rows(ROSTER / "unit.csv")}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["nip", "nama", "jenjang", "jabatan", "kode_unit", "nama_unit", "jenis_unit",
                     "layanan_publik", "induk_unit"])  # fmt: skip
    for e in rows(ROSTER / "pegawai.csv"):
        u = units[e["unit"]]
        writer.writerow([e["nip"], e["nama"], e["jenjang"], e["jabatan"], u["kode"], u["nama"],
                         u["jenis"], u["layanan_publik"], u["induk"]])  # fmt: skip
    # The flat layout needs a parent unit as some row's unit: RS_EB has no staff here.
    writer.writerow(["199001012015031001", "Eka Putra", "Pelaksana", "Staf", "RS_EB",
                     units["RS_EB"]["nama"], units["RS_EB"]["jenis"], "ya", ""])  # fmt: skip
    return out.getvalue()


def _workbook(text: str, path: Path) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in csv.reader(io.StringIO(text)):
        ws.append(row)
    wb.save(path)
    return path.read_bytes()


# ---------------------------------------------------------------- check and test
def test_check_and_test_a_rule_file_sent_as_text(server: Server) -> None:
    text = (REPO / "tests/data/rules/cli/several-problems.edaran").read_text(encoding="utf-8")
    with server.client(lang="en") as client:
        checked = client.post("/check", json={"name": "kab.edaran", "text": text}).json()
        good = REFERENCE.read_text(encoding="utf-8")
        tested = client.post(
            "/test", content=good.encode(), headers={"content-type": "text/plain"}
        ).json()
    validate(checked, "check")
    validate(tested, "test")
    entry = checked["files"][0]
    assert entry["ok"] is False and entry["file"] == "kab.edaran"
    assert [d["code"] for d in entry["diagnostics"]][:2] == ["E109", "E103"]
    assert entry["diagnostics"][0]["location"]["file"] == "kab.edaran"
    assert (tested["passed"], tested["failed"]) == (46, 0)


def test_test_gives_the_clause_coverage_of_the_command_when_asked(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    good = REFERENCE.read_text(encoding="utf-8")
    with server.client(lang="en") as client:
        plain = client.post("/test", json={"name": REFERENCE.name, "text": good}).json()
        asked = client.post(
            "/test", json={"name": REFERENCE.name, "text": good, "coverage": True}
        ).json()
        by_query = client.post(
            "/test?coverage=true", content=good.encode(), headers={"content-type": "text/plain"}
        ).json()
        bad_flag = client.post("/test", json={"text": good, "coverage": "ya"})
        bad_query = client.post("/test?coverage=ya", json={"text": good})
    for answer in (plain, asked, by_query):
        validate(answer, "test")
    assert "coverage" not in plain["files"][0]

    def named(entry: dict[str, Any]) -> str:
        """An entry's coverage with the name of its file made one (the command names the
        path, the service the name sent, or its own name for a text/plain body)."""
        return json.dumps(entry["coverage"]).replace(entry["file"], "F")

    # the same figures as the command line's edaran test --coverage --format json
    command = cli_json(
        capsys, "test", str(REFERENCE), "--coverage", "--format", "json", "--lang", "en"
    )
    assert named(asked["files"][0]) == named(by_query["files"][0]) == named(command["files"][0])
    coverage = asked["files"][0]["coverage"]
    assert coverage["covered"] == coverage["total"] > 0
    assert "coverage" in error_of(bad_flag, 400, "E601")["message"]
    assert "coverage" in error_of(bad_query, 400, "E601")["message"]


def test_a_rule_file_may_extend_a_template_and_the_served_folder_only(server: Server) -> None:
    def child(parent: str) -> str:
        return f'surat_edaran "1/2026":\n    memperluas "{parent}"\n    berlaku 2026-04-01\n'

    with server.client(lang="en") as client:
        template = client.post("/check", json={"text": child("nasional-2026")}).json()
        inside = client.post("/check", json={"text": child("sumsel-2026.edaran")}).json()
        outside = client.post("/check", json={"text": child("../rahasia.edaran")})
        absolute = client.post("/check", json={"text": child("/etc/passwd")})
    assert template["files"][0]["ok"] and inside["files"][0]["ok"]
    data = error_of(outside, 400, "E610")
    assert "rahasia.edaran" in data["message"] and str(server.folder.parent) not in outside.text
    error_of(absolute, 400, "E610")
    assert "root:" not in absolute.text


# ---------------------------------------------------------------- bad inputs
def test_malformed_json_in_both_languages(server: Server) -> None:
    with server.client() as client:
        indonesian = client.post("/decide", content=b'{"circular": "sumsel-2026",')
    with server.client(lang="en-GB,en;q=0.9") as client:
        english = client.post("/decide", content=b'{"circular": "sumsel-2026",')
    assert error_of(indonesian, 400, "E600")["message"].startswith("isi permintaan bukan JSON")
    assert error_of(english, 400, "E600")["message"].startswith("the request body is not valid")


def test_missing_and_wrong_fields(server: Server) -> None:
    with server.client(lang="en") as client:
        missing = client.post("/decide", json={"circular": "sumsel-2026"})
        wrong = client.post("/decide", json={"circular": 7})
        date = client.post(
            "/decide", json={"circular": "sumsel-2026", **person(ANDI), "date": "10/04/2026"}
        )
        backwards = client.post(
            "/decide",
            json={
                "circular": "sumsel-2026",
                **person(ANDI),
                "from": "2026-04-10",
                "to": "2026-04-01",
            },
        )
    assert error_of(missing, 400, "E602")["message"] == "'employee' is required"
    assert error_of(wrong, 400, "E601")["message"] == "'circular' must be a string"
    assert "10/04/2026" in error_of(date, 400, "E607")["message"]
    error_of(backwards, 400, "E608")


def test_bad_roster_rows_get_their_diagnostics(server: Server) -> None:
    bad = person(ANDI)
    bad["employee"] = {**bad["employee"], "nip": "12345", "unit": "BAPEDA"}
    with server.client(lang="en") as client:
        answer = client.post(
            "/decide", json={"circular": "sumsel-2026", **bad, "date": "2026-04-10"}
        )
    data = error_of(answer, 422, "E614")
    codes = {d["code"] for d in data["diagnostics"]}
    assert codes and all(c.startswith("D") for c in codes)
    assert all(d["location"]["file"] == "pegawai.csv" for d in data["diagnostics"])
    assert "/tmp" not in answer.text and "edaran-" not in answer.text


def test_unknown_circular_and_route(server: Server) -> None:
    with server.client(lang="en") as client:
        circular = client.get("/circulars/sumsel-2062")
        route = client.get("/nothing-here")
        method = client.get("/decide")
    data = error_of(circular, 404, "E604")
    assert "sumsel-2026" in data["message"]  # did you mean
    error_of(route, 404, "E612")
    error_of(method, 405, "E612")


def test_wrong_or_missing_token(server: Server) -> None:
    with server.client(token="salah") as client:
        wrong = client.get("/circulars")
    with server.client(token=None) as client:
        missing = client.get("/circulars")
        health = client.get("/health")
    error_of(wrong, 401, "E605")
    error_of(missing, 401, "E605")
    assert wrong.headers["www-authenticate"].startswith("Bearer")
    assert health.status_code == 200


def test_huge_bodies_are_refused_while_they_arrive(server: Server) -> None:
    huge = b'{"text": "' + b"x" * (MAX_BODY + 10) + b'"}'

    def chunks() -> Any:  # no Content-Length: the guard counts what arrives
        for start in range(0, len(huge), 65536):
            yield huge[start : start + 65536]

    with server.client() as client:
        declared = client.post("/check", content=huge)
        streamed = client.post("/check", content=chunks())
        rule = client.post("/check", json={"text": "x" * 600_000})
    error_of(declared, 413, "E603")
    error_of(streamed, 413, "E603")
    error_of(rule, 413, "E603")


def test_wrong_content_type_for_decide_many(server: Server) -> None:
    with server.client() as client:
        answer = client.post("/decide-many", content=b"x", headers={"content-type": "image/png"})
    error_of(answer, 415, "E609")


def test_the_log_holds_no_personal_data(server: Server) -> None:
    # Runs after the others in this module: every request above is in the log.
    with server.client() as client:
        client.post(
            "/decide", json={"circular": "sumsel-2026", **person(ANDI), "date": "2026-04-10"}
        )
    log = server.log_text()
    assert "POST /decide 200" in log
    assert not re.search(r"\d{18}", log), "a NIP in the server's log"
    for row in rows(ROSTER / "pegawai.csv"):
        assert row["nama"] not in log
    assert "Traceback" not in log


# ---------------------------------------------------------------- every error, in both languages
def _bad_requests(client: httpx.Client) -> list[httpx.Response]:
    day = {"circular": "sumsel-2026", **person(ANDI)}
    units = person(ANDI)["units"]
    bad_row = {**person(ANDI)["employee"], "nip": "12345"}
    return [
        client.post("/decide", content=b'{"circular": "sumsel-2026",'),
        client.post("/decide", json={"circular": 7}),
        client.post("/decide", json={"circular": "sumsel-2026"}),
        client.post("/check", json={"text": "x" * 600_000}),
        client.get("/circulars/sumsel-2062"),
        client.post("/decide", json={**day, "date": "10/04/2026"}),
        client.post("/decide", json={**day, "from": "2026-04-10", "to": "2026-04-01"}),
        client.post("/decide-many", content=b"x", headers={"content-type": "image/png"}),
        client.post("/check", json={"text": 'surat_edaran "1":\n    memperluas "/etc/passwd"\n'}),
        client.post(
            "/decide-many",
            data={"circular": "sumsel-2026", "from": "2026-04-10"},
            files={"roster": ("pegawai.txt", b"nip\n", "text/plain")},
        ),
        client.get("/nothing-here"),
        client.post(
            "/decide", json={**day, "employee": bad_row, "units": units, "date": "2026-04-10"}
        ),
    ]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_error_golden(server: Server, lang: str) -> None:
    """The message of every service error, as a caller reads it, in both languages.

    Each comes from a real request, except E605 (a request without the token)
    and E613, which no correct request can cause: it is the words of the
    guard's answer to an unexpected exception, rendered here directly.
    """
    from edaran.service import ServiceError
    from edaran.service.errors import error_body
    from golden import check_golden

    with server.client(lang=lang) as client:
        answers = _bad_requests(client)
    with server.client(token=None, lang=lang) as client:
        answers.append(client.get("/circulars"))
    lines = []
    for answer in answers:
        data = answer.json()
        validate(data, "error")
        lines.append(f"{answer.status_code} {data['code']}: {data['message']}")
        lines += [
            f"    {d['code']} {d['location']['file']}: {d['message']}" for d in data["diagnostics"]
        ]
    internal = error_body(ServiceError(500, "E613", request=17), lang)  # type: ignore[arg-type]
    lines.append(f"500 E613: {internal['message']}")
    codes = {line.split()[1].rstrip(":") for line in lines if not line.startswith(" ")}
    assert codes == {f"E6{n:02d}" for n in range(15)} - {"E606"}
    check_golden(f"service/errors.{lang}.txt", "\n".join(lines))


# ------------------------------------------------------ uploaded workbooks, bounded
@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_uploaded_workbook_has_the_limits_of_a_file_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """An upload was listed whole, with no unpacked-size or row limit (issue 17)."""
    from edaran.core.diagnostics import render_all
    from edaran.io import sheets
    from edaran.service.inputs import roster_from_upload

    workbook = _workbook(_flat_csv(), tmp_path / "pegawai.xlsx")
    roster, found = roster_from_upload("pegawai.xlsx", workbook, max_bytes=len(workbook))
    assert (len(roster), [d.code for d in found]) == (0, ["D140"])
    text = render_all(found, lang)  # type: ignore[arg-type]
    assert "pegawai.xlsx" in text and ("D140" in text)
    monkeypatch.setattr(sheets, "MAX_ROWS", 3)
    roster, found = roster_from_upload("pegawai.xlsx", workbook)
    assert (len(roster), [d.code for d in found]) == (0, ["D141"])
    assert found[0].span is not None and found[0].span.line == 4
    monkeypatch.undo()
    roster, found = roster_from_upload("pegawai.xlsx", workbook)
    assert len(roster) == len(rows(ROSTER / "pegawai.csv")) + 1 and not found
