"""Package faces that import their names on first use (PEP 562).

``edaran --help`` and a single ``edaran check`` should not pay for every
engine, reader and optional package: a face lists where each public name
lives and :func:`lazy_names` gives it the module ``__getattr__`` that imports
that module when the name is first asked for (and keeps it, so the second
access is a plain global).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping

__all__ = ["lazy_names"]


def lazy_names(face: str, where: Mapping[str, str]) -> Callable[[str], object]:
    """The ``__getattr__`` of the face ``face``: ``where`` maps a name to its module."""

    def __getattr__(name: str) -> object:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {face!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[face], name, value)
        return value

    return __getattr__
