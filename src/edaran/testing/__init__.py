"""Running the worked examples (``contoh``) a rule file holds: what ``edaran test`` runs.

:mod:`edaran.testing.reports` gives ``check`` and ``test`` as JSON, SARIF and JUnit XML.
"""

from __future__ import annotations

from edaran.testing.reports import (
    check_entry,
    check_report,
    examples_entry,
    examples_report,
    junit_xml,
    sarif_log,
)
from edaran.testing.runner import ExampleResult, run_examples

__all__ = [
    "ExampleResult",
    "check_entry",
    "check_report",
    "examples_entry",
    "examples_report",
    "junit_xml",
    "run_examples",
    "sarif_log",
]
