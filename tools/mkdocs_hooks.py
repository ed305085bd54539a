"""mkdocs hooks of the documentation site (``mkdocs.yml``: ``hooks``).

The Markdown pages mark their fenced blocks for ``tests/test_docs.py``
(``edaran lanjutan``, ``edaran-error E101``, ``csv-error kontak.csv D043``):
words after the language that Python-Markdown's fences do not read.  Before a
page is rendered, each such info string becomes the language that highlights
it: a rule-file block ``edaran`` (the edaran Pygments lexer), a data block
``text``.  The pages themselves stay as the tests read them.
"""

from __future__ import annotations

import re
from typing import Any

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<ticks>```+)(?P<info>[^`\n]*)$", re.MULTILINE)

#: the first word of an info string -> the language the site highlights it as
_LANGUAGES = {
    "edaran": "edaran",
    "edaran-error": "edaran",
    "csv": "text",
    "csv-error": "text",
}


def site_language(info: str) -> str:
    """The language a block with this info string is highlighted as on the site."""
    words = info.split()
    if not words:
        return ""
    return _LANGUAGES.get(words[0], words[0])


def on_page_markdown(markdown: str, **_: Any) -> str:
    """The page with every fence's info string reduced to one language."""

    def fence(match: re.Match[str]) -> str:
        return match["indent"] + match["ticks"] + site_language(match["info"])

    return _FENCE.sub(fence, markdown)
