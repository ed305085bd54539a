"""Where things are: the checkout, the test data and the bundled examples.

Test modules sit one folder down (``tests/<package>/``), so they take their
paths from here rather than counting ``Path(__file__).parents``.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "DATA",
    "EXAMPLES",
    "REFERENCE",
    "REPO",
    "SAMPLE_ROSTER",
    "SUMSEL",
    "TEMPLATES",
    "TESTS",
]

TESTS = Path(__file__).resolve().parent
#: the root of the checkout (commands that print relative paths run from here)
REPO = TESTS.parent
#: small hand-written inputs, one folder per concern
DATA = TESTS / "data"
EXAMPLES = REPO / "examples"
#: the provincial example: the reference circular and its 3,055-person roster
SUMSEL = EXAMPLES / "sumsel-2026"
REFERENCE = SUMSEL / "se-800.1-1230-BKD.I-2026.edaran"
SAMPLE_ROSTER = SUMSEL / "roster"
#: the templates shipped inside the package
TEMPLATES = REPO / "src" / "edaran" / "templates"
