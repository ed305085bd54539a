"""Shared test options: ``--update-golden`` rewrites golden files."""

from __future__ import annotations

import pytest

from golden import UPDATE


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ files")


def pytest_configure(config: pytest.Config) -> None:
    UPDATE["enabled"] = bool(config.getoption("--update-golden"))
