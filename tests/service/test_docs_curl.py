"""Every ``curl`` command in the docs runs against a real server, and prints what the docs show.

``console`` blocks of ``docs/service.md`` and ``docs/integration.md``: a
line ``$ curl ...`` is a command (run with bash, so pipes work), the lines
after it its output.  An expected line ``...`` stands for any number of
lines; an expected line ending in ``...`` for any line that starts with
what comes before.  The docs' ``http://localhost:8000`` is the test
server's address and ``$EDARAN_TOKEN`` its token.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator

import pytest

from paths import REPO
from service.conftest import TOKEN, Server

PAGES = ("service.md", "integration.md")


def _blocks(text: str) -> Iterator[list[str]]:
    lines = text.splitlines()
    inside = False
    body: list[str] = []
    for line in lines:
        if not inside and line.startswith("```console"):
            inside, body = True, []
        elif inside and line.startswith("```"):
            inside = False
            yield body
        elif inside:
            body.append(line)


def _commands() -> Iterator[object]:
    for page in PAGES:
        for block in _blocks((REPO / "docs" / page).read_text(encoding="utf-8")):
            command: str | None = None
            output: list[str] = []
            for line in [*block, "$ "]:
                if line.startswith("$ "):
                    if command is not None and command.startswith("curl "):
                        yield pytest.param(command, output, id=f"{page}:{command[:60]}")
                    command, output = line[2:], []
                else:
                    output.append(line)


def matches(expected: list[str], actual: list[str]) -> bool:
    if not expected:
        return not actual
    head = expected[0]
    if head == "...":
        return any(matches(expected[1:], actual[i:]) for i in range(len(actual) + 1))
    if not actual:
        return False
    same = actual[0].startswith(head[:-3]) if head.endswith("...") else actual[0] == head
    return same and matches(expected[1:], actual[1:])


COMMANDS = list(_commands())


def test_the_docs_have_curl_examples() -> None:
    assert len(COMMANDS) >= 8


@pytest.mark.parametrize(("command", "expected"), COMMANDS)
def test_curl_example(server: Server, command: str, expected: list[str]) -> None:
    env = {**os.environ, "EDARAN_TOKEN": TOKEN}
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command.replace("http://localhost:8000", server.url)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    # 23 and 141: `head` closed the pipe before curl had written everything.
    assert done.returncode in (0, 23, 141), done.stderr
    actual = [line.rstrip() for line in done.stdout.splitlines()]
    assert matches([line.rstrip() for line in expected], actual), (
        "the docs show another answer; a real one:\n" + done.stdout
    )
