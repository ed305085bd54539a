#!/usr/bin/env python3
"""Write the JSON Schemas of every JSON output into ``src/edaran/schemas/``.

The schemas ship in the wheel (``edaran/schemas/<name>.schema.json``, read
with :func:`edaran.io.schemas.load_schema`) for the systems that read
``edaran``'s JSON without Python.  Each file stands alone (no ``$ref`` to
another file), so any validator reads it; the pieces they share (the
provenance, a warning, a diagnostic, a period) are written once, here.

Usage (from the top of the checkout)::

    python tools/gen_schemas.py          # rewrite src/edaran/schemas/
    python tools/gen_schemas.py --check  # exit 1 if a file is out of date

``tests/io/test_schemas.py`` runs the check.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "edaran" / "schemas"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE = "https://edaran.readthedocs.io/schemas/"

Schema = dict[str, Any]


# ---------------------------------------------------------------- pieces
def obj(required: dict[str, Schema], optional: dict[str, Schema] | None = None) -> Schema:
    """An object with exactly these keys (``optional`` ones may be absent)."""
    props = {**required, **(optional or {})}
    return {
        "type": "object",
        "properties": props,
        "required": list(required),
        "additionalProperties": False,
    }


def arr(items: Schema) -> Schema:
    return {"type": "array", "items": items}


def nullable(schema: Schema) -> Schema:
    return {"anyOf": [schema, {"type": "null"}]}


STR: Schema = {"type": "string"}
INT: Schema = {"type": "integer"}
BOOL: Schema = {"type": "boolean"}
DATE: Schema = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
DATETIME: Schema = {"type": "string", "format": "date-time"}
#: a figure as plain digits, never a float: "1500000", "0.3", "-7.5"
FIGURE: Schema = {"type": "string", "pattern": r"^-?\d+(\.\d+)?$"}
NIP: Schema = {"type": "string", "pattern": r"^\d{18}$"}
SEVERITY: Schema = {"enum": ["error", "warning", "note"]}
#: a rule-file value as data (see edaran.core.values.json_value)
#: working hours are an object: start, end, breaks, effective
VALUE: Schema = {"type": ["string", "integer", "boolean", "array", "object", "null"]}

PROVENANCE = obj(
    {
        "circular": nullable(STR),
        "version_in_force": nullable(DATE),
        "rule_file_sha256": nullable({"type": "string", "pattern": "^[0-9a-f]{64}$"}),
        "edaran_version": STR,
        "holidays_version": STR,
    }
)
PROVENANCE["description"] = (
    "Where the result comes from: the circular's number, the date the version in force "
    "took effect, the SHA-256 of the rule file's text, the versions of edaran and of the "
    "holidays package."
)
WARNING = obj(
    {"code": STR, "severity": SEVERITY, "message": STR, "text": STR},
    {"unit": nullable(STR)},
)
LOCATION = obj({"file": STR, "line": INT, "column": INT, "end_line": INT, "end_column": INT})
DIAGNOSTIC = obj(
    {
        "code": {"type": "string", "pattern": "^[EWD][0-9]{3}$"},
        "severity": SEVERITY,
        "message": STR,
        "location": nullable(LOCATION),
        "labels": arr(obj({"location": LOCATION, "message": STR})),
        "suggestions": arr(STR),
        "notes": arr(STR),
        "text": STR,
    }
)
PERIOD = obj({"number": INT, "first": DATE, "last": DATE})
#: a recall that calls a person to the office (edaran decide/explain --recalls, POST /decide)
RECALL = obj({"reason": STR, "source": STR, "was": STR, "mode": STR})
DECISION = obj(
    {
        "nip": STR,
        "date": DATE,
        "output": STR,
        "value": VALUE,
        "shown": STR,
        "status": {"enum": ["rule", "default", "off", "not-in-force", "after-end", "recall"]},
        "rule": nullable(STR),
        "clause": nullable(STR),
        "title": nullable(STR),
        "overridden": arr(obj({"rule": STR, "by": STR})),
        "note": nullable(STR),
        "reason": STR,
    },
    # a day a recall calls the person in: status "recall", value WFO
    {"recall": RECALL},
)
EXPLANATION = obj(
    {
        "provenance": PROVENANCE,
        "decision": DECISION,
        "circular": STR,
        "facts": arr(obj({"name": STR, "value": VALUE, "shown": STR})),
        "rules": arr(
            obj(
                {
                    "rule": STR,
                    "title": nullable(STR),
                    "role": {"enum": ["decided", "overridden", "agrees"]},
                    "by": nullable(STR),
                }
            )
        ),
        "text": STR,
    },
    # edaran explain --recalls: the recall that calls the person in on that day
    {"recall": RECALL},
)
COUNTS = {"type": "object", "additionalProperties": INT}
TIME: Schema = {"type": "string", "pattern": r"^\d{2}:\d{2}(:\d{2})?$"}
#: working hours (edaran.core.values.json_value of a WorkingHours)
HOURS = obj({"start": TIME, "end": TIME, "breaks": arr(arr(TIME)), "effective": STR})


# ---------------------------------------------------------------- outputs
def schemas() -> dict[str, tuple[str, Schema]]:
    """name -> (title, schema body)."""
    assignment = obj(
        {
            "nip": STR,
            "name": nullable(STR),
            "unit": STR,
            "date": DATE,
            "eligible": STR,
            "mode": STR,
            "why": STR,
            "clause": nullable(STR),
            "rule": nullable(STR),
            "reason": STR,
            "detail": {"type": "object"},
        },
        # the day's working hours, when the rule file gives jam_kerja
        {"hours": HOURS},
    )
    breach = obj(
        {
            "id": STR,
            "rule": STR,
            "clause": STR,
            "title": nullable(STR),
            "nip": STR,
            "name": nullable(STR),
            "unit": STR,
            "date": DATE,
            "at": DATETIME,
            "contact": STR,
            "sanctions": arr(STR),
            "reason": STR,
        },
        {"kind": {"enum": ["missing", "late", "outside-window", "outside-radius", "unverified"]}},
    )
    sanction = obj(
        {
            "id": STR,
            "rule": STR,
            "clause": STR,
            "title": nullable(STR),
            "nip": STR,
            "name": nullable(STR),
            "unit": STR,
            "window": STR,
            "date": DATE,
            "at": DATETIME,
            "behind": arr(STR),
            "contacts": arr(STR),
            "sanctions": arr(STR),
            "reason": STR,
        },
        {"cut": FIGURE},
    )
    over = obj(
        {
            "record": STR,
            "clause": STR,
            "unit": STR,
            "date": DATE,
            "amount": FIGURE,
            "running": FIGURE,
            "allowed": FIGURE,
        }
    )
    quota = obj(
        {
            "quota": STR,
            "clause": STR,
            "title": nullable(STR),
            "unit": STR,
            "period": PERIOD,
            "measure": STR,
            "baseline": nullable(FIGURE),
            "allowed": nullable(FIGURE),
            "used": FIGURE,
            "planned": FIGURE,
            "left": nullable(FIGURE),
            "status": STR,
            "over": arr(over),
        }
    )
    target = obj(
        {
            "target": STR,
            "clause": STR,
            "title": nullable(STR),
            "unit": STR,
            "period": PERIOD,
            "matching": INT,
            "total": INT,
            "share": FIGURE,
            "wanted": FIGURE,
            "kind": STR,
            "met": BOOL,
        }
    )
    failure = obj(
        {
            "provision": STR,
            "clause": STR,
            "title": nullable(STR),
            "kind": {"enum": ["perjalanan", "kendaraan", "rapat"]},
            "record": STR,
            "unit": STR,
            "date": DATE,
            "row": nullable(INT),
            "failed": arr(STR),
            "values": {"type": "object", "additionalProperties": STR},
        }
    )
    finding = obj(
        {
            "duty": STR,
            "clause": STR,
            "unit": STR,
            "date": DATE,
            "staff": INT,
            "missing": arr(STR),
            "checklist": BOOL,
        }
    )
    quantity = obj(
        {
            "unit": STR,
            "baseline": nullable(FIGURE),
            "actual": nullable(FIGURE),
            "saving": nullable(FIGURE),
        }
    )
    line = obj(
        {
            "unit": STR,
            "unit_name": STR,
            "period": INT,
            "category": STR,
            "clause": nullable(STR),
            "baseline": nullable(FIGURE),
            "actual": nullable(FIGURE),
            "saving": nullable(FIGURE),
            "estimated": FIGURE,
            "basis": STR,
            "months_actual": INT,
            "months_estimated": INT,
            "wfh_days": INT,
            "quantity": nullable(quantity),
        }
    )
    period_totals = obj(
        {
            "number": INT,
            "first": DATE,
            "last": DATE,
            "total": FIGURE,
            "estimated": FIGURE,
            "wfh_days": INT,
            "categories": {"type": "object", "additionalProperties": FIGURE},
            "units_without_data": arr(obj({"unit": STR, "categories": arr(STR)})),
        }
    )
    example = obj(
        {
            "title": STR,
            "passed": BOOL,
            "location": nullable(LOCATION),
            "failures": arr(obj({"output": STR, "expected": STR, "got": STR})),
            "error": nullable(DIAGNOSTIC),
            "clauses": arr(STR),
        }
    )
    roles = [
        "decides",
        "overridden",
        "limit",
        "duty",
        "breach",
        "sanction",
        "quota",
        "target",
        "report",
        "provision",
    ]
    kinds = ["rule", "limit", "duty", "breach", "sanction", "quota", "target", "report"]
    kinds.append("provision")
    coverage = obj(
        {
            "covered": INT,
            "total": INT,
            "percent": FIGURE,
            "uncovered": arr(STR),
            "blocks": arr(
                obj(
                    {
                        "label": STR,
                        "clause": STR,
                        "title": nullable(STR),
                        "kind": {"enum": kinds},
                        "own": BOOL,
                        "location": nullable(LOCATION),
                        "examples": arr(
                            obj({"title": STR, "role": {"enum": roles}, "line": nullable(INT)})
                        ),
                    }
                )
            ),
        }
    )
    coverage["description"] = (
        "Clause coverage (edaran test --coverage): the file's own butir exercised by its "
        "examples, and every butir with the examples that exercise it and in which role."
    )
    return {
        "decide": (
            "Decisions: edaran decide --format json, POST /decide",
            obj(
                {
                    "provenance": PROVENANCE,
                    "decisions": arr(DECISION),
                    "errors": arr(DIAGNOSTIC),
                }
            ),
        ),
        "explain": (
            "One explained decision: edaran explain --format json, POST /explain; "
            "outputs: the file's other outputs (jam_kerja, each keluaran) on the same day",
            {
                **EXPLANATION,
                "properties": {**EXPLANATION["properties"], "outputs": arr(EXPLANATION)},
            },
        ),
        "schedule": (
            "A schedule: edaran schedule --format json, POST /schedule",
            obj(
                {
                    "provenance": PROVENANCE,
                    "first": DATE,
                    "last": DATE,
                    "units": {"type": "object", "additionalProperties": STR},
                    "warnings": arr(WARNING),
                    "assignments": arr(assignment),
                }
            ),
        ),
        "discipline": (
            "Breaches and sanctions: edaran discipline --format json, POST /discipline",
            obj(
                {
                    "provenance": PROVENANCE,
                    "counted": INT,
                    "skipped": {
                        "type": "object",
                        "additionalProperties": obj({"count": INT, "reason": STR}),
                    },
                    "warnings": arr(WARNING),
                    "breaches": arr(breach),
                    "sanctions": arr(sanction),
                },
                {
                    "attendance_events": INT,
                    "cuts": arr(
                        obj(
                            {
                                "nip": STR,
                                "name": nullable(STR),
                                "unit": STR,
                                "period": STR,
                                "days": INT,
                                "amount": FIGURE,
                            }
                        )
                    ),
                },
            ),
        ),
        "quota": (
            "Quotas, targets, checklists and per-record provisions: edaran quota --format json, "
            "POST /quota",
            obj(
                {
                    "provenance": PROVENANCE,
                    "counts": COUNTS,
                    "warnings": arr(WARNING),
                    "quotas": arr(quota),
                    "targets": arr(target),
                    "checklists": arr(finding),
                    "records": arr(failure),
                }
            ),
        ),
        "report": (
            "The savings report: edaran report --format json, POST /report",
            obj(
                {
                    "provenance": PROVENANCE,
                    "title": STR,
                    "circular": STR,
                    "total": FIGURE,
                    "estimated": FIGURE,
                    "categories": {"type": "object", "additionalProperties": FIGURE},
                    "periods": arr(period_totals),
                    "warnings": arr(WARNING),
                    "lines": arr(line),
                }
            ),
        ),
        "check": (
            "Checked rule files: edaran check --format json, POST /check",
            obj(
                {
                    "files": arr(
                        obj(
                            {
                                "file": STR,
                                "ok": BOOL,
                                "provenance": nullable(PROVENANCE),
                                "counts": COUNTS,
                                "diagnostics": arr(DIAGNOSTIC),
                            }
                        )
                    ),
                    "errors": INT,
                    "warnings": INT,
                }
            ),
        ),
        "test": (
            "Worked examples run: edaran test --format json, POST /test",
            obj(
                {
                    "files": arr(
                        obj(
                            {
                                "file": STR,
                                "provenance": nullable(PROVENANCE),
                                "passed": INT,
                                "failed": INT,
                                "diagnostics": arr(DIAGNOSTIC),
                                "examples": arr(example),
                            },
                            {"coverage": coverage},
                        )
                    ),
                    "passed": INT,
                    "failed": INT,
                }
            ),
        ),
        "diff": (
            "Two rule files compared: edaran diff --format json",
            obj(
                {
                    "provenance": PROVENANCE,
                    "compared_with": PROVENANCE,
                    "left": STR,
                    "right": STR,
                    "clauses": arr(
                        obj(
                            {
                                "kind": STR,
                                "what": STR,
                                "key": STR,
                                "left": nullable(STR),
                                "right": nullable(STR),
                            }
                        )
                    ),
                },
                {
                    "impact": obj(
                        {
                            "from": DATE,
                            "to": DATE,
                            "employee_days": INT,
                            "changed": INT,
                            "undecided": obj({"left": INT, "right": INT}),
                            "counts": arr(obj({"unit": STR, "change": STR, "employee_days": INT})),
                            "samples": arr(
                                obj(
                                    {
                                        "nip": STR,
                                        "name": nullable(STR),
                                        "unit": STR,
                                        "date": DATE,
                                        "left": STR,
                                        "right": STR,
                                        "left_explanation": STR,
                                        "right_explanation": STR,
                                    }
                                )
                            ),
                        }
                    )
                },
            ),
        ),
        "error": (
            "An error of the HTTP service (every status 4xx and 5xx)",
            obj(
                {
                    "code": {"type": "string", "pattern": "^[EWD][0-9]{3}$"},
                    "message": STR,
                    "diagnostics": arr(DIAGNOSTIC),
                }
            ),
        ),
        "circulars": (
            "The circulars a service serves: GET /circulars",
            obj(
                {
                    "circulars": arr(
                        obj(
                            {
                                "id": STR,
                                "number": STR,
                                "title": nullable(STR),
                                "effective_from": nullable(DATE),
                                "effective_until": nullable(DATE),
                                "provenance": PROVENANCE,
                            }
                        )
                    )
                }
            ),
        ),
        "circular": (
            "One served circular: GET /circulars/{id}",
            obj(
                {
                    "id": STR,
                    "provenance": PROVENANCE,
                    "number": STR,
                    "title": nullable(STR),
                    "outputs": arr(STR),
                    "clauses": arr(
                        obj(
                            {
                                "rule": STR,
                                "clause": STR,
                                "title": nullable(STR),
                                "output": STR,
                                "default": BOOL,
                                "origin": nullable(STR),
                            }
                        )
                    ),
                    "parameters": arr(
                        obj(
                            {
                                "name": STR,
                                "values": arr(obj({"from": nullable(DATE), "value": VALUE})),
                            }
                        )
                    ),
                    "versions": arr(
                        obj(
                            {
                                "number": STR,
                                "effective_from": nullable(DATE),
                                "effective_until": nullable(DATE),
                                "rule_file_sha256": STR,
                            }
                        )
                    ),
                }
            ),
        ),
        "decision-line": (
            "One line of POST /decide-many (JSON lines): the provenance (the first line), "
            "a decision, or the error of an employee-day that could not be decided",
            {
                "anyOf": [
                    obj({"provenance": PROVENANCE}),
                    DECISION,
                    obj({"error": DIAGNOSTIC}),
                ]
            },
        ),
    }


def documents() -> dict[str, str]:
    """file name -> text."""
    found = {}
    for name, (title, body) in schemas().items():
        schema = {"$schema": DRAFT, "$id": f"{BASE}{name}.schema.json", "title": title, **body}
        found[f"{name}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a file is out of date")
    args = parser.parse_args(argv)
    wanted = documents()
    stale = [
        name
        for name, text in wanted.items()
        if not (TARGET / name).exists() or (TARGET / name).read_text(encoding="utf-8") != text
    ]
    extra = sorted(p.name for p in TARGET.glob("*.schema.json") if p.name not in wanted)
    if args.check:
        for name in [*stale, *extra]:
            print(f"out of date: src/edaran/schemas/{name}", file=sys.stderr)
        return 1 if stale or extra else 0
    TARGET.mkdir(parents=True, exist_ok=True)
    for name in stale:
        (TARGET / name).write_text(wanted[name], encoding="utf-8", newline="\n")
    for name in extra:
        (TARGET / name).unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
