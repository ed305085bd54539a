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
from pathlib import Path

from edaran.engine.circular import Circular
from edaran.io.publish import json_document, provenance
from edaran.messages import Lang
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

__all__ = ["check_machine", "test_machine", "write_out"]


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
    entries = []
    for path in args.files:
        circular, found = load_for_report(functools.partial(Circular.load, path))
        entries.append(examples_entry(str(path), circular, found, lang))
    report = examples_report(entries)
    text = junit_xml(report, lang) if args.format == "junit" else json_document(report)
    write_out(text, args.output)
    return 1 if report["failed"] else 0
