"""The JSON Schemas of every JSON output, shipped in the wheel (``edaran/schemas/``).

``tools/gen_schemas.py`` writes them; a program without Python can read the
files from the installed package or from the documentation.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

__all__ = ["SCHEMA_NAMES", "load_schema", "schema_text"]

#: Every schema, by the name of the output it describes.
SCHEMA_NAMES = (
    "check",
    "circular",
    "circulars",
    "decide",
    "decision-line",
    "diff",
    "discipline",
    "error",
    "explain",
    "quota",
    "report",
    "schedule",
    "test",
)


def schema_text(name: str) -> str:
    """The text of ``edaran/schemas/<name>.schema.json``; ``KeyError`` for an unknown name."""
    if name not in SCHEMA_NAMES:
        raise KeyError(name)
    return resources.files("edaran").joinpath("schemas", f"{name}.schema.json").read_text("utf-8")


@functools.cache
def load_schema(name: str) -> dict[str, Any]:
    """The schema ``name`` as a dict (JSON Schema 2020-12); cached, do not change it."""
    found: dict[str, Any] = json.loads(schema_text(name))
    return found
