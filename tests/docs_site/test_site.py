"""The documentation site: built with ``mkdocs build --strict`` and opened in headless Chromium.

Marked ``browser``: the default run leaves these out; ``.ci/run`` builds the
site (the ``docs`` extra), makes sure Chromium is installed and runs
``pytest -m browser``.  Set ``EDARAN_SITE`` to a built site to test it
instead of building one here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from edaran import messages
from paths import REPO

pytestmark = pytest.mark.browser

#: How Chromium runs as root in a container, with nothing fetched from the network.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--virtual-time-budget=5000",
)

#: Appended to a copy of a page: the colours the browser computed for a rule block.
PROBE = """
<script>
window.addEventListener("load", () => {
  const block = document.querySelector("pre code.language-edaran, div.language-edaran pre");
  const colour = (selector) => {
    const node = block && block.querySelector(selector);
    return node ? getComputedStyle(node).color : null;
  };
  const heading = document.querySelector("article h1");
  const probe = document.createElement("pre");
  probe.id = "probe";
  probe.textContent = JSON.stringify({
    keyword: colour(".kn"),
    name: colour(".n"),
    text: block ? getComputedStyle(block).color : null,
    header: document.querySelector("header.md-header") !== null,
    title: heading ? heading.textContent : null,
    height: document.body.scrollHeight,
  });
  document.body.appendChild(probe);
});
</script>
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    prebuilt = os.environ.get("EDARAN_SITE")
    if prebuilt:
        return Path(prebuilt)
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, "Chromium is not installed (Debian: apt-get install chromium); .ci/run does it"
    return found


def dump_dom(page: Path, profile: Path) -> str:
    profile.mkdir()
    done = subprocess.run(
        [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def probed(site: Path, page: str, tmp_path: Path) -> dict[str, object]:
    """Open a copy of ``page`` with the probe and return what the browser computed."""
    original = (site / page).read_text(encoding="utf-8")
    copy = site / f"probe-{page}"
    copy.write_text(original.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    try:
        dom = dump_dom(copy, tmp_path / "profile")
    finally:
        copy.unlink()
    start = dom.index('<pre id="probe">') + len('<pre id="probe">')
    text = dom[start : dom.index("</pre>", start)]
    return dict(json.loads(text.replace("&quot;", '"').replace("&amp;", "&")))


def test_the_reference_renders_with_rule_blocks_highlighted(site: Path, tmp_path: Path) -> None:
    found = probed(site, "reference.html", tmp_path)
    assert found["header"] is True, found  # Material's header: the theme's CSS and JS ran
    assert found["title"] and str(found["title"]).startswith("Language reference"), found
    assert int(str(found["height"])) > 5000, found  # a long page, laid out
    # A keyword of the rule block has a colour of its own: the edaran lexer's tokens
    # reached the page and the theme's highlighting styles them.
    assert found["keyword"] is not None and found["name"] is not None, found
    assert found["keyword"] != found["name"], found


def test_the_rule_blocks_are_tokenised_by_the_edaran_lexer(site: Path) -> None:
    page = (site / "reference.html").read_text(encoding="utf-8")
    assert page.count('class="language-edaran highlight"') >= 10
    assert '<span class="kn">butir</span>' in page
    assert '<span class="k">pengecualian</span>' in page or '<span class="k">jika</span>' in page


def test_every_diagnostic_is_searchable(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {d["title"]: d["location"] for d in index["docs"]}
    codes = [k for k in messages.CATALOGUE if len(k) == 4 and k[0] in "EWD" and k[1:].isdigit()]
    missing = [c for c in codes if titles.get(c) != f"diagnostics.html#{c.lower()}"]
    assert missing == []


def test_the_api_reference_comes_from_docstrings(site: Path) -> None:
    page = (site / "api-reference.html").read_text(encoding="utf-8")
    assert 'id="edaran.engine.circular.Circular"' in page
    assert "A checked circular, ready to decide." in page
    assert 'id="edaran.testing.coverage"' in page
