"""Property runs in two sizes: a short run in the default suite, the full run under ``-m slow``.

A property test takes the number of examples as a parameter and runs its
Hypothesis test inside, so that one body serves both sizes::

    @fast_and_full(fast=25, full=150)
    def test_backends_agree(max_examples: int) -> None:
        @settings(PROPERTY, max_examples=max_examples)
        @given(scenarios())
        def check(scenario: Scenario) -> None: ...

        check()

``test_backends_agree[fast]`` runs with every ``pytest``; ``[full]``, with
the number of examples the property was written for, is marked ``slow`` and
runs with ``pytest -m slow`` (Hypothesis's own layout: quick unit tests apart
from long property runs).  The inner test may read the outer test's
fixtures, which a ``@given`` test at module level may not.
"""

from __future__ import annotations

import pytest

__all__ = ["fast_and_full"]


def fast_and_full(fast: int, full: int) -> pytest.MarkDecorator:
    """Parametrise a test over ``max_examples``: ``fast`` by default, ``full`` under ``-m slow``."""
    if not 0 < fast < full:
        raise ValueError(f"a short run is shorter than the full one: {fast} and {full}")
    return pytest.mark.parametrize(
        "max_examples",
        [pytest.param(fast, id="fast"), pytest.param(full, id="full", marks=pytest.mark.slow)],
    )
