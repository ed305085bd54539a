"""A real PostgreSQL server for the SQL engine's tests, started and stopped by the test session.

The server binaries come from the distribution (``.ci/run`` installs them when
they are missing); ``initdb`` writes a cluster into a temporary folder and
``pg_ctl`` starts it on a free loopback port, with its socket in that folder.
PostgreSQL refuses to run as root, so as root the server runs as the
``postgres`` system user.  Nothing here depends on a service started by hand.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def _binaries() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.fail(
            "PostgreSQL server binaries are missing: apt-get install postgresql (see .ci/run)"
        )
    return Path(found[-1]).parent


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@pytest.fixture(scope="session")
def postgres_dsn() -> Iterator[str]:
    """The connection string of a fresh PostgreSQL server on 127.0.0.1, for the whole session."""
    bin_dir = _binaries()
    root = Path(tempfile.mkdtemp(prefix="edaran-pg-"))
    data, sockets = root / "data", root / "sock"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sockets, "postgres")
    port = _free_port()
    log = root / "server.log"
    subprocess.run(
        _as_server_user(
            [str(bin_dir / "initdb"), "-D", str(data), "-U", "edaran", "-A", "trust", "--no-sync"]
        ),
        check=True,
        capture_output=True,
    )
    # jit=off: compiling the query's wide CASE expressions with LLVM costs minutes, running them
    # milliseconds (see docs/population.md)
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c jit=off"
    subprocess.run(
        _as_server_user(
            [str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start"]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield f"host=127.0.0.1 port={port} user=edaran dbname=postgres"
    finally:
        subprocess.run(
            _as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)
