"""Machine-readable ``check`` and ``test``: JSON, SARIF 2.1.0 and JUnit XML.

:func:`check_entry` and :func:`examples_entry` describe one rule file (loaded, or
refused with its diagnostics); :func:`check_report` and :func:`examples_report`
gather them as the command line prints them and the service returns them
(schemas ``check.schema.json`` and ``test.schema.json``).  :func:`sarif_log`
turns a check report into SARIF for editors and code hosts, :func:`junit_xml`
a test report into the JUnit XML that CI servers read.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from typing import Any

from edaran.core.diagnostics import Diagnostic, EdaranError, Severity
from edaran.engine.circular import Circular
from edaran.io.publish import diagnostic_object, provenance
from edaran.lang import ir
from edaran.messages import Lang, message
from edaran.testing.coverage import clause_coverage
from edaran.testing.runner import run_examples
from edaran.variants.lifecycle import overdue

__all__ = [
    "COUNTED",
    "check_entry",
    "check_report",
    "examples_entry",
    "examples_report",
    "junit_xml",
    "load_for_report",
    "program_counts",
    "sarif_log",
]

#: The blocks ``edaran check`` counts, in the order it names them.
COUNTED = (
    "rules",
    "limits",
    "duties",
    "breaches",
    "sanctions",
    "quotas",
    "targets",
    "checklists",
    "provisions",
)

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


def program_counts(program: ir.Program) -> dict[str, int]:
    """What a checked file holds: rules and examples always, the other blocks when present."""
    found = {}
    for field in COUNTED:
        count = len(getattr(program, field))
        if count or field == "rules":
            found[field] = count
    if program.report is not None:
        found["reports"] = 1
    found["examples"] = len(program.examples)
    return found


def load_for_report(load: Callable[[], Circular]) -> tuple[Circular | None, list[Diagnostic]]:
    """The circular ``load`` gives and its warnings, or None and every error it raised."""
    try:
        circular = load()
    except EdaranError as err:
        return None, err.diagnostics
    return circular, list(circular.warnings)


def check_entry(
    file: str,
    circular: Circular | None,
    diagnostics: Sequence[Diagnostic],
    lang: Lang,
    on: dt.date | None = None,
) -> dict[str, object]:
    """One file of ``edaran check --format json``: ok, provenance, counts, diagnostics.

    With ``on``, an evaluation that fell due by then is a warning (W148).
    """
    found = list(diagnostics)
    if circular is not None and on is not None:
        due = overdue(circular, on)
        if due is not None:
            found.append(due)
    return {
        "file": file,
        "ok": circular is not None,
        "provenance": provenance(circular) if circular is not None else None,
        "counts": program_counts(circular.program) if circular is not None else {},
        "diagnostics": [diagnostic_object(d, lang) for d in found],
    }


def check_report(entries: Sequence[dict[str, Any]]) -> dict[str, object]:
    """The files' entries with the number of errors and warnings over all of them."""

    def count(severity: Severity) -> int:
        return sum(1 for e in entries for d in e["diagnostics"] if d["severity"] == severity.value)

    return {
        "files": list(entries),
        "errors": count(Severity.ERROR),
        "warnings": count(Severity.WARNING),
    }


def examples_entry(
    file: str,
    circular: Circular | None,
    diagnostics: Sequence[Diagnostic],
    lang: Lang,
    *,
    coverage: bool = False,
) -> dict[str, object]:
    """One file of ``edaran test --format json``: every example's outcome.

    A file that does not load counts as one failure, with its diagnostics.
    With ``coverage``, the entry also holds the clause coverage
    (:func:`edaran.testing.coverage.clause_coverage`) of a file that loads.
    """
    results = run_examples(circular) if circular is not None else []
    passed = sum(1 for r in results if r.passed)
    failed = len(results) - passed if circular is not None else 1
    extra: dict[str, object] = {}
    if coverage and circular is not None:
        extra["coverage"] = clause_coverage(circular, results, file).to_dict()
    return {
        "file": file,
        "provenance": provenance(circular) if circular is not None else None,
        "passed": passed,
        "failed": failed,
        "diagnostics": [diagnostic_object(d, lang) for d in diagnostics],
        "examples": [r.to_dict(lang) for r in results],
        **extra,
    }


def examples_report(entries: Sequence[dict[str, Any]]) -> dict[str, object]:
    """The files' entries with the examples passed and failed over all of them."""
    return {
        "files": list(entries),
        "passed": sum(int(e["passed"]) for e in entries),
        "failed": sum(int(e["failed"]) for e in entries),
    }


# ---------------------------------------------------------------- SARIF
_LEVELS = {"error": "error", "warning": "warning", "note": "note"}


def _sarif_location(location: dict[str, Any]) -> dict[str, object]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": location["file"]},
            "region": {
                "startLine": location["line"],
                "startColumn": location["column"],
                "endLine": location["end_line"],
                "endColumn": max(location["end_column"], location["column"]),
            },
        }
    }


def sarif_log(report: dict[str, Any], version: str) -> dict[str, object]:
    """A check report as a SARIF 2.1.0 log: one run, a rule per code met, a result per diagnostic.

    ``version`` is edaran's.  A diagnostic's secondary labels become related
    locations; suggestions and notes follow the message.
    """
    results = []
    codes: set[str] = set()
    for entry in report["files"]:
        for d in entry["diagnostics"]:
            codes.add(d["code"])
            text = d["message"]
            extra = [*(f"= {s}" for s in d["suggestions"]), *(f"= {n}" for n in d["notes"])]
            if extra:
                text += "\n" + "\n".join(extra)
            result: dict[str, object] = {
                "ruleId": d["code"],
                "level": _LEVELS[d["severity"]],
                "message": {"text": text},
                "locations": [
                    _sarif_location(d["location"])
                    if d["location"] is not None
                    else {"physicalLocation": {"artifactLocation": {"uri": entry["file"]}}}
                ],
            }
            if d["labels"]:
                result["relatedLocations"] = [
                    {**_sarif_location(label["location"]), "message": {"text": label["message"]}}
                    for label in d["labels"]
                ]
            results.append(result)
    # A rule's words are in docs/diagnostics.md, one section per code.
    rules = [{"id": code, "name": code} for code in sorted(codes)]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "edaran",
                        "version": version,
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }


# ---------------------------------------------------------------- JUnit
def junit_xml(report: dict[str, Any], lang: Lang = "id") -> str:
    """A test report as JUnit XML: a ``testsuite`` per rule file, a ``testcase`` per example.

    A failed example carries a ``failure`` (what was expected and what came,
    or the error); a file that does not load is one ``testcase`` with an
    ``error`` holding its diagnostics.  The layout is the one Jenkins,
    GitLab and GitHub test reporters read.
    """
    suites = ET.Element(
        "testsuites",
        name="edaran",
        tests=str(report["passed"] + report["failed"]),
        failures=str(report["failed"]),
    )
    for entry in report["files"]:
        examples = entry["examples"]
        loaded = entry["provenance"] is not None
        name = entry["provenance"]["circular"] if loaded else entry["file"]
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=entry["file"],
            tests=str(len(examples) if loaded else 1),
            failures=str(sum(1 for e in examples if not e["passed"] and e["error"] is None)),
            errors=str(sum(1 for e in examples if e["error"] is not None) + (0 if loaded else 1)),
            skipped="0",
        )
        if not loaded:
            case = ET.SubElement(suite, "testcase", classname=name, name=entry["file"])
            error = ET.SubElement(case, "error", message=entry["diagnostics"][0]["message"])
            error.text = "\n\n".join(d["text"] for d in entry["diagnostics"])
            continue
        for example in examples:
            attributes = {"classname": name, "name": example["title"], "file": entry["file"]}
            if example["location"] is not None:
                attributes["line"] = str(example["location"]["line"])
            case = ET.SubElement(suite, "testcase", attributes)
            if example["error"] is not None:
                error = ET.SubElement(case, "error", message=example["error"]["message"])
                error.text = example["error"]["text"]
            elif not example["passed"]:
                lines = [message("cli.expected", lang, **f).strip() for f in example["failures"]]
                failure = ET.SubElement(case, "failure", message=lines[0] if lines else "")
                failure.text = "\n".join(lines)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, "unicode") + "\n"
