"""A real ``edaran serve`` on the loopback interface, started and stopped by fixtures.

The server runs as the command a regency would run, in its own process, on
a free port of 127.0.0.1; its log (standard error) goes to a file the tests
read, to prove no personal data reaches it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from paths import DATA, EXAMPLES, REFERENCE

TOKEN = "rahasia-uji-0123456789"
#: The rule file of the attendance example (served as ``uji-presensi``).
KOMINFO = EXAMPLES / "dinas-kominfo-lembah-2027" / "se-800.1-42-DISKOMINFO-2027.edaran"
#: A circular reading declared columns of the roster (``pegawai.agama``): ``uji-puasa``.
RINDANG = EXAMPLES / "kab-sungai-rindang-2027" / "se-800.1-117-BKPSDM-2027.edaran"
#: The largest body the test server takes (bytes).
MAX_BODY = 1_000_000


class Server:
    """A running service: its base URL, its log file and a client with the token."""

    def __init__(self, url: str, log: Path, folder: Path, process: subprocess.Popen[bytes]):
        self.url = url
        self.log = log
        self.folder = folder
        self.process = process

    def client(self, token: str | None = TOKEN, lang: str | None = None) -> httpx.Client:
        headers = {}
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        if lang is not None:
            headers["Accept-Language"] = lang
        return httpx.Client(base_url=self.url, headers=headers, timeout=120)

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start(folder: Path, log: Path, *options: str) -> Server:
    """Start ``edaran serve folder`` on a free loopback port and wait until it answers."""
    port = _free_port()
    env = {**os.environ, "EDARAN_TEST_TOKEN": TOKEN, "EDARAN_LANG": "id"}
    command = [sys.executable, "-m", "edaran", "serve", str(folder), "--port", str(port)]
    out = log.open("wb")
    process = subprocess.Popen(
        [*command, *options], stdout=out, stderr=subprocess.STDOUT, env=env, cwd=folder
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("edaran serve stopped:\n" + log.read_text(errors="replace"))
        try:
            if httpx.get(url + "/health", timeout=2).status_code == 200:
                return Server(url, log, folder, process)
        except httpx.TransportError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("edaran serve did not answer within 120 s")


def stop(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=20)
    except subprocess.TimeoutExpired:  # pragma: no cover - a hung server
        server.process.kill()
        server.process.wait()


@pytest.fixture(scope="session")
def served_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The served folder: the reference circular, the quota, provision, schedule and
    attendance test circulars."""
    folder = tmp_path_factory.mktemp("dilayani")
    shutil.copy(REFERENCE, folder / "sumsel-2026.edaran")
    shutil.copy(DATA / "quota" / "se.edaran", folder / "kuota.edaran")
    shutil.copy(DATA / "provisions" / "se.edaran", folder / "perjalanan.edaran")
    # Recalls, plans and attendance logs (test_presence.py).
    shutil.copy(DATA / "schedule" / "jadwal.edaran", folder / "uji-jadwal.edaran")
    shutil.copy(KOMINFO, folder / "uji-presensi.edaran")
    # Rules that read the columns the file declares (test_service.py).
    shutil.copy(RINDANG, folder / "uji-puasa.edaran")
    # A file beside the folder, which a rule file sent to /check must not reach.
    (folder.parent / "rahasia.edaran").write_text('surat_edaran "RAHASIA":\n', encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def server(served_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    log = tmp_path_factory.mktemp("log") / "server.log"
    running = start(
        served_folder, log, "--token-env", "EDARAN_TEST_TOKEN", "--max-body", str(MAX_BODY)
    )
    yield running
    stop(running)
