""" "Did you mean": the closest spellings of a word among the names that exist."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["suggest"]


def suggest(
    word: str, candidates: Iterable[str], n: int = 3, *, cutoff: float = 0.6
) -> tuple[str, ...]:
    """Up to ``n`` of ``candidates`` closest to ``word``, best first, ignoring case.

    Each candidate keeps its own spelling; of two that differ only in case,
    the first one given is offered.  ``cutoff`` is difflib's similarity floor.
    """
    by_key: dict[str, str] = {}
    for candidate in candidates:
        by_key.setdefault(candidate.casefold(), candidate)
    close = difflib.get_close_matches(word.casefold(), sorted(by_key), n=n, cutoff=cutoff)
    return tuple(by_key[key] for key in close)
