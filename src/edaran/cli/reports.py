"""``edaran check``, ``test`` and ``explain`` for programs: JSON, SARIF and JUnit XML.

The words of these outputs come from :mod:`edaran.testing.reports`; this
module reads the files, chooses the format and writes the result to
``--output`` or standard output.  Exit codes are those of the text formats:
1 when a file has errors or an example fails.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from edaran.engine.circular import Circular
from edaran.io.publish import json_document, provenance
from edaran.messages import Lang, message
from edaran.testing.reports import (
    check_entry,
    check_report,
    examples_entry,
    examples_report,
    junit_xml,
    load_for_report,
    sarif_log,
)
from edaran.variants.lifecycle import today

__all__ = [
    "below_message",
    "check_machine",
    "meets_minimum",
    "test_machine",
    "wants_coverage",
    "write_out",
]


def write_out(text: str, output: Path | None) -> None:
    """``text`` to ``output`` (UTF-8, ``\\n`` line ends) or to standard output."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        output.write_text(text, encoding="utf-8", newline="")


def check_machine(args: argparse.Namespace, lang: Lang) -> int:
    """``edaran check --format json|sarif``."""
    on = args.today or today()
    entries = []
    for path in args.files:
        circular, found = load_for_report(functools.partial(Circular.load, path))
        entries.append(check_entry(str(path), circular, found, lang, on))
    report = check_report(entries)
    if args.format == "sarif":
        log = sarif_log(report, provenance()["edaran_version"] or "")
        text = json.dumps(log, ensure_ascii=False, indent=1) + "\n"
    else:
        text = json.dumps(report, ensure_ascii=False, indent=1) + "\n"
    write_out(text, args.output)
    return 1 if any(not e["ok"] for e in entries) else 0


def test_machine(args: argparse.Namespace, lang: Lang) -> int:
    """``edaran test --format json|junit``."""
    entries: list[dict[str, Any]] = []
    for path in args.files:
        circular, found = load_for_report(functools.partial(Circular.load, path))
        entries.append(
            examples_entry(str(path), circular, found, lang, coverage=wants_coverage(args))
        )
    report = examples_report(entries)
    text = junit_xml(report, lang) if args.format == "junit" else json_document(report)
    write_out(text, args.output)
    below = [e for e in entries if "coverage" in e and not meets_minimum(e["coverage"], args)]
    for entry in below:
        sys.stderr.write(below_message(entry["file"], entry["coverage"], args, lang) + "\n")
    return 1 if report["failed"] or below else 0


def wants_coverage(args: argparse.Namespace) -> bool:
    """``--coverage``, or a ``--min-coverage`` (which needs the figures)."""
    return bool(args.coverage or args.min_coverage is not None)


def meets_minimum(coverage: dict[str, Any], args: argparse.Namespace) -> bool:
    """Whether a file's coverage (as data) reaches ``--min-coverage`` (always, without one)."""
    if args.min_coverage is None:
        return True
    return bool(coverage["covered"] * 100 >= args.min_coverage * coverage["total"])


def below_message(file: str, coverage: dict[str, Any], args: argparse.Namespace, lang: Lang) -> str:
    """The line that says a file's coverage is below ``--min-coverage``."""
    return message(
        "coverage.below",
        lang,
        path=file,
        percent=coverage["percent"],
        minimum=_figure(args.min_coverage),
    )


def _figure(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text
