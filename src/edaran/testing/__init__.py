"""Running the worked examples (``contoh``) a rule file holds: what ``edaran test`` runs."""

from __future__ import annotations

from edaran.testing.runner import ExampleResult, run_examples

__all__ = [
    "ExampleResult",
    "run_examples",
]
