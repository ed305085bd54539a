"""The fuzzing campaign (``tests/fuzz/campaign.py``): a short run by default, a long one slow.

No input, mutated or generated, rule file or data file, may end in an
internal error: every one is a diagnostic or a result.
"""

from __future__ import annotations

import pytest

from fuzz.campaign import TARGETS, run


@pytest.mark.parametrize("target", TARGETS)
def test_short_campaign(target: str) -> None:
    report = run(target, count=25 if target in ("rules", "grammar") else 60, seed=17)
    assert report.inputs > 0
    assert report.internal == [], report.internal[0][1]


@pytest.mark.slow
@pytest.mark.parametrize("target", TARGETS)
def test_long_campaign(target: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``pytest -m slow -s tests/fuzz``: 2,000 rule files and 20,000 data files per target."""
    count = 2_000 if target in ("rules", "grammar") else 20_000
    report = run(target, count=count, seed=2026)
    with capsys.disabled():
        print("\n" + report.line())
    assert report.internal == [], report.internal[0][1]
