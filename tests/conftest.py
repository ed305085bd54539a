"""Shared test set-up: ``edaran`` importable from a plain checkout, ``--update-golden``,
and the reference circular and its roster, loaded once per test process."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if importlib.util.find_spec("edaran") is None:  # not installed: use the src layout directly
    sys.path.insert(0, str(ROOT / "src"))

import golden  # noqa: E402  (tests/ is on sys.path; golden.py lives beside this file)
from edaran import Circular, Roster, load_roster  # noqa: E402  (after the path set-up above)
from paths import REFERENCE, SAMPLE_ROSTER  # noqa: E402

# "Today" for `edaran check` (W148, an evaluation that fell due): fixed, so
# what the suite prints does not change with the day it runs.  A day before
# the examples' first evaluation falls due; tests/cli/test_cli_lifecycle.py sets others.
os.environ["EDARAN_HARI_INI"] = "2026-05-20"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden files under tests/golden/ from the current output",
    )


def pytest_configure(config: pytest.Config) -> None:
    golden.UPDATE = bool(config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def reference() -> Circular:
    """The reference circular, ``examples/sumsel-2026/se-800.1-1230-BKD.I-2026.edaran``.

    Shared by every module that decides with it; a test must not change it.
    """
    return Circular.load(REFERENCE)


@pytest.fixture(scope="session")
def sample_roster() -> Roster:
    """The 3,055 people of ``examples/sumsel-2026/roster``; a test must not change it."""
    return load_roster(SAMPLE_ROSTER)
