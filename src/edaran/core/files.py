"""The one guarded reader: every file ``edaran`` reads goes through :func:`read_bytes`.

A path may name anything: a device (``/dev/zero`` never ends), a FIFO (an
``open`` that waits for a writer for ever), a folder, a file far larger than
any circular or roster.  Reading it whole first and checking afterwards is how
a checker hangs or runs out of memory.  Here the file is opened without
blocking, checked to be a regular file on the opened descriptor (so a file
swapped after the check is still caught), its size compared with the limit
before a byte is read, and the read itself stops one byte past the limit.

The limit for rule files is one number for the whole run, :func:`rule_limit`:
the file named on the command line, every parent named by ``memperluas`` or
``mengubah``, and every sibling looked at for newer versions.  ``edaran
--max-rule-bytes N`` raises it (:func:`set_rule_limit`).  ``edaran --root DIR``
confines the parents a rule file may name to one folder (:func:`set_parent_root`).
"""

from __future__ import annotations

import contextvars
import os
import stat
from pathlib import Path

from edaran.messages import Localized, os_reason

__all__ = [
    "DEFAULT_RULE_LIMIT",
    "FileRefused",
    "parent_root",
    "read_bytes",
    "rule_limit",
    "set_parent_root",
    "set_rule_limit",
]

#: Rule files larger than this are refused before reading (a circular is a few KB).
DEFAULT_RULE_LIMIT = 1_000_000

_RULE_LIMIT: contextvars.ContextVar[int] = contextvars.ContextVar(
    "edaran_rule_limit", default=DEFAULT_RULE_LIMIT
)


_PARENT_ROOT: contextvars.ContextVar[Path | None] = contextvars.ContextVar(
    "edaran_parent_root", default=None
)


def parent_root() -> Path | None:
    """The folder that parents (``memperluas``, ``mengubah``) must lie in, if any (``--root``)."""
    return _PARENT_ROOT.get()


def set_parent_root(root: str | Path | None) -> None:
    """Confine parents to ``root`` (a service always does); None lifts the confinement.

    Templates shipped with the package, named without a path, stay allowed.
    """
    _PARENT_ROOT.set(None if root is None else Path(root).resolve())


def rule_limit() -> int:
    """The size limit, in bytes, of every rule file read in this run."""
    return _RULE_LIMIT.get()


def set_rule_limit(limit: int) -> None:
    """Raise (or lower) :func:`rule_limit` for the rest of this run (``--max-rule-bytes``)."""
    if limit < 1:
        raise ValueError("the limit must be at least one byte")
    _RULE_LIMIT.set(limit)


class FileRefused(Exception):
    """A file that is not read: why (worded in both languages), and its size if known."""

    def __init__(self, reason: Localized, *, missing: bool = False, size: int | None = None):
        super().__init__(reason.key)
        self.reason = reason
        #: the file does not exist (readers with a code of their own for that use it)
        self.missing = missing
        #: its size in bytes, when it was refused for being too large
        self.size = size


def read_bytes(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, refused with :class:`FileRefused` otherwise.

    Refused: a path that does not exist or cannot be opened, anything that is
    not a regular file (a folder, a device, a FIFO, a socket; a symbolic link
    is followed to what it names), and a file larger than ``limit`` bytes.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError as err:
        raise FileRefused(os_reason(err), missing=True) from None
    except OSError as err:
        raise FileRefused(os_reason(err)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(Localized("file.not-regular"))
        if info.st_size > limit:
            raise FileRefused(
                Localized("file.too-large", size=info.st_size, limit=limit), size=info.st_size
            )
        chunks: list[bytes] = []
        left = limit + 1  # a file that grew after the check is still cut at the limit
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as err:
        raise FileRefused(os_reason(err)) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise FileRefused(Localized("file.too-large", size=len(data), limit=limit), size=len(data))
    return data
