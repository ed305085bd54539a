"""The version of ``edaran``: one place, read by the build (hatch), the front door and outputs."""

from __future__ import annotations

__all__ = ["VERSION"]

#: The version of this release (``edaran.__version__``).
VERSION = "0.1.0.dev0"
