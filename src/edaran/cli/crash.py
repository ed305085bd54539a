"""An internal error: one clear message, a short report in a file, exit code 3.

A problem in the input is a diagnostic (exit 1).  Anything else that escapes
a command is a bug in ``edaran``; it must never pass for a diagnostic, nor
print a Python traceback at a policy analyst.  The report holds what a
maintainer needs and nothing from the input: the versions, the command's
name, the exception's type and the frames of the stack (file, line,
function).  Not the exception's text, not the arguments, not local values:
those may carry names and NIPs from a roster (UU PDP).
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
import tempfile
import traceback
from pathlib import Path

from edaran.core.version import VERSION
from edaran.messages import Lang, message

__all__ = ["INTERNAL_ERROR", "internal_error", "write_report"]

#: The exit code of an internal error.
INTERNAL_ERROR = 3
#: The folder reports are written to: ``EDARAN_CRASH_DIR``, else the system's temporary folder.
CRASH_DIR_VARIABLE = "EDARAN_CRASH_DIR"


def write_report(err: BaseException, command: str) -> Path | None:
    """Write the report of ``err`` to a new file; its path, or None if none can be written."""
    lines = [
        f"edaran {VERSION}",
        f"python {platform.python_version()} on {platform.system()}",
        f"command: {command}",
        f"time (UTC): {dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()}",
        f"exception: {type(err).__module__}.{type(err).__qualname__}",
        "stack (innermost last):",
    ]
    for frame in traceback.extract_tb(err.__traceback__):
        lines.append(f"  {_short(frame.filename)}:{frame.lineno} in {frame.name}")
    folder = os.environ.get(CRASH_DIR_VARIABLE) or tempfile.gettempdir()
    try:
        fd, name = tempfile.mkstemp(prefix="edaran-galat-", suffix=".txt", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")
    except OSError:
        return None
    return Path(name)


def _short(filename: str) -> str:
    """A source path from the package on: ``edaran/engine/circular.py``, not a home folder."""
    parts = Path(filename).parts
    for anchor in ("edaran", "site-packages", "lib"):
        if anchor in parts:
            return "/".join(parts[len(parts) - parts[::-1].index(anchor) - 1 :])
    return Path(filename).name


def internal_error(err: BaseException, command: str, lang: Lang) -> int:
    """Say that ``edaran`` failed (not the input), where the report is, and return 3."""
    report = write_report(err, command)
    where = str(report) if report is not None else "-"
    sys.stderr.write(message("cli.internal-error", lang, report=where) + "\n")
    return INTERNAL_ERROR
