"""The service's OpenAPI 3.1 document (``GET /openapi.json``), with examples.

Responses are the shipped JSON Schemas (``edaran/schemas/``), so the
document and the files a program validates against cannot disagree;
request bodies are described here, each with an example built on the first
circular the service serves.
"""

from __future__ import annotations

from typing import Any

from edaran.io.publish import provenance
from edaran.io.schemas import SCHEMA_NAMES, load_schema
from edaran.service.circulars import Served

__all__ = ["openapi_document"]

_ROW = {
    "type": "object",
    "additionalProperties": {"type": ["string", "number", "boolean", "null"]},
    "description": "One row of a data file: its columns (docs/data-formats.md) as keys.",
}
_ROWS = {"type": "array", "items": _ROW}
_DATE = {"type": "string", "format": "date"}
_CIRCULAR = {"type": "string", "description": "the id of a served circular (GET /circulars)"}
_ROSTER = {
    "type": "object",
    "required": ["employees"],
    "properties": {
        "employees": {
            **_ROWS,
            "description": "pegawai.csv rows; without 'units', the flat layout's rows",
        },
        "units": {**_ROWS, "description": "unit.csv rows (then 'employees' name 'unit')"},
    },
}
#: The rows of leave, transfers, recalls and a plan (docs/data-formats.md, "Who is there").
_ABSENCES = {**_ROWS, "description": "cuti.csv rows: nip, mulai, sampai"}
_TRANSFERS = {**_ROWS, "description": "mutasi.csv rows: nip, tanggal, unit"}
_RECALLS = {
    **_ROWS,
    "description": "panggilan.csv rows: nip or unit, tanggal, alasan; a recalled remote day"
    " is WFO with the reason",
}
_PLAN = {
    **_ROWS,
    "description": "rencana.csv rows: nip or unit, tanggal, moda; checked against the rules"
    " and limits instead of scheduled, each violation (D083-D085, D087) in 'warnings'",
}
_ATTENDANCE = {
    **_ROWS,
    "description": "attendance log rows (presensi): nip, jenis, waktu, and lat, lon, id",
}
_RECALL_EXAMPLE = {"nip": None, "unit": "BAPPEDA", "tanggal": "2026-04-10", "alasan": "Rapat"}
_EMPLOYEE_EXAMPLE = {
    "nip": "197501012000031001",
    "nama": "Andi Saputra",
    "jenjang": "Pelaksana",
    "jabatan": "Analis Perencanaan",
    "capaian_kinerja": "88.5",
    "kode_unit": "BAPPEDA",
    "nama_unit": "Badan Perencanaan Pembangunan Daerah",
    "jenis_unit": "Badan",
    "layanan_publik": False,
    "induk_unit": None,
}


def _request(
    required: list[str], properties: dict[str, Any], example: dict[str, Any]
) -> dict[str, Any]:
    schema = {"type": "object", "required": required, "properties": properties}
    return {
        "required": True,
        "content": {"application/json": {"schema": schema, "example": example}},
    }


def _ok(name: str, media: str = "application/json") -> dict[str, Any]:
    return {
        "description": f"schema {name}.schema.json",
        "content": {media: {"schema": {"$ref": f"#/components/schemas/{name}"}}},
    }


def _errors() -> dict[str, Any]:
    error = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/error"}}}}
    return {
        str(status): {"description": words, **error}
        for status, words in (
            (400, "bad input: malformed JSON, a missing or wrong field (E600-E611)"),
            (401, "no valid bearer token (E605)"),
            (404, "unknown circular or route (E604, E612)"),
            (413, "body too large (E603)"),
            (415, "content type not accepted (E609)"),
            (422, "the data has errors: its diagnostics (E614)"),
            (500, "an error inside the service, logged without data (E613)"),
        )
    }


def _component(name: str) -> dict[str, Any]:
    schema = dict(load_schema(name))
    schema.pop("$schema", None)
    return schema


def openapi_document(served: Served) -> dict[str, Any]:
    """The OpenAPI 3.1 document of a service serving ``served``."""
    ident = next(iter(served.circulars), "sumsel-2026")
    person = {"circular": ident, "employee": _EMPLOYEE_EXAMPLE}
    roster = {"employees": [_EMPLOYEE_EXAMPLE]}
    one = {"circular": _CIRCULAR, "employee": _ROW, "units": _ROWS, "as_of": _DATE}
    many = {"circular": _CIRCULAR, "roster": _ROSTER, "as_of": _DATE}
    dates = {"from": _DATE, "to": _DATE}
    rule = {"name": {"type": "string"}, "text": {"type": "string"}}
    rule_body = _request(["text"], rule, {"name": "kab.edaran", "text": "surat_edaran ..."})
    rule_body["content"]["text/plain"] = {"schema": {"type": "string"}}
    test_body = _request(
        ["text"],
        {**rule, "coverage": {"type": "boolean"}},
        {"name": "kab.edaran", "text": "surat_edaran ...", "coverage": True},
    )
    test_body["content"]["text/plain"] = {"schema": {"type": "string"}}
    upload = {
        "type": "object",
        "required": ["circular", "from", "roster"],
        "properties": {
            "circular": _CIRCULAR,
            "from": _DATE,
            "to": _DATE,
            "roster": {"type": "string", "format": "binary", "description": ".csv or .xlsx"},
            "recalls": {
                "type": "string",
                "format": "binary",
                "description": "panggilan.csv: nip or unit, tanggal, alasan",
            },
        },
    }
    decide_many_body = _request(
        ["circular", "roster", "from"],
        {**many, **dates, "recalls": _RECALLS},
        {"circular": ident, "roster": roster, "from": "2026-04-06", "to": "2026-04-10"},
    )
    decide_many_body["content"]["multipart/form-data"] = {"schema": upload}

    def post(summary: str, body: dict[str, Any], answer: dict[str, Any]) -> dict[str, Any]:
        return {
            "post": {
                "summary": summary,
                "requestBody": body,
                "responses": {"200": answer, **_errors()},
            }
        }

    paths: dict[str, dict[str, Any]] = {
        "/circulars": {
            "get": {"summary": "the circulars served", "responses": {"200": _ok("circulars")}}
        },
        "/circulars/{id}": {
            "get": {
                "summary": "one circular: clauses, parameters, versions",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {"200": _ok("circular"), **_errors()},
            }
        },
        "/decide": post(
            "decide one employee on a day or a range (as edaran decide --format json)",
            _request(
                ["circular", "employee"],
                {**one, "date": _DATE, **dates, "output": {"type": "string"}, "recalls": _RECALLS},
                {**person, "date": "2026-04-10"},
            ),
            _ok("decide"),
        ),
        "/decide-many": post(
            "decide a roster (JSON or an uploaded CSV/Excel file); JSON lines, streamed",
            decide_many_body,
            _ok("decision-line", "application/x-ndjson"),
        ),
        "/explain": post(
            "explain one decision: facts, rules applied and overridden, clauses",
            _request(
                ["circular", "employee", "date"],
                {**one, "date": _DATE, "recalls": _RECALLS},
                {**person, "date": "2026-04-10", "recalls": [_RECALL_EXAMPLE]},
            ),
            _ok("explain"),
        ),
        "/schedule": post(
            "a schedule meeting the circular's limits, with leave, transfers and recalls;"
            " or a unit's plan checked against them",
            _request(
                ["circular", "roster", "from", "to"],
                {
                    **many,
                    **dates,
                    "absences": _ABSENCES,
                    "transfers": _TRANSFERS,
                    "recalls": _RECALLS,
                    "plan": _PLAN,
                },
                {
                    "circular": ident,
                    "roster": roster,
                    "from": "2026-04-06",
                    "to": "2026-04-10",
                    "recalls": [_RECALL_EXAMPLE],
                },
            ),
            _ok("schedule"),
        ),
        "/discipline": post(
            "breaches and sanctions from a contact log, an attendance log or both"
            " ('contacts' or 'attendance' is required)",
            _request(
                ["circular", "roster"],
                {
                    **many,
                    **dates,
                    "contacts": _ROWS,
                    "attendance": _ATTENDANCE,
                    "absences": _ABSENCES,
                    "recalls": _RECALLS,
                },
                {"circular": ident, "roster": roster, "contacts": []},
            ),
            _ok("discipline"),
        ),
        "/quota": post(
            "quotas, targets and checklists",
            _request(
                ["circular", "roster"],
                {
                    **many,
                    **dates,
                    **{k: _ROWS for k in ("trips", "vehicles", "meetings", "checklists")},
                },
                {"circular": ident, "roster": roster, "trips": []},
            ),
            _ok("quota"),
        ),
        "/report": post(
            "the savings report",
            _request(
                ["circular", "roster", "costs"],
                {**many, **dates, "costs": _ROWS, "periods": {"type": "array"}},
                {"circular": ident, "roster": roster, "costs": []},
            ),
            _ok("report"),
        ),
        "/check": post("check a rule file", rule_body, _ok("check")),
        "/test": post(
            'run a rule file\'s examples; with coverage ("coverage": true in the JSON body,'
            " or ?coverage=true), each file's clause coverage as edaran test --coverage"
            " --format json gives it",
            test_body,
            _ok("test"),
        ),
    }
    paths["/test"]["post"]["parameters"] = [
        {"name": "coverage", "in": "query", "required": False, "schema": {"type": "boolean"}}
    ]
    version = provenance()["edaran_version"] or ""
    names = [n for n in SCHEMA_NAMES if n != "diff"]  # diff is the command line's only
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "edaran",
            "version": version,
            "description": (
                "Indonesian circulars on civil-servant work arrangements, as rules. "
                "Messages follow Accept-Language (id by default, en)."
            ),
        },
        "paths": paths,
        "components": {
            "schemas": {name: _component(name) for name in names},
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
        "security": [{"bearer": []}] if served.config.token else [],
    }
