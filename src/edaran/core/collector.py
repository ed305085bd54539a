"""Python's cycle collector paused while a rule file becomes a program.

Parsing and checking make hundreds of thousands of objects and free almost
none of them, so every collection their allocations set off scans a heap
that only grows: on a file of 10,000 rules that made loading grow with the
square of its length (``benchmarks/hostile.py --scale``).  What they build
holds no cycle that needs collecting before it is done; the collector runs
as usual afterwards, and the memory is bounded by the rule file's size limit.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the cycle collector for the block, unless it is off already (nested calls)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
