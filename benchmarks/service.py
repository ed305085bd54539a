#!/usr/bin/env python3
"""How fast does the HTTP service answer ``POST /decide``?  A short load test on loopback.

Starts ``edaran serve`` (a real uvicorn server, its own process) on a free
port of 127.0.0.1, serving the reference circular of South Sumatra, and
sends a bounded number of requests with httpx over keep-alive connections:

0. ``GET /health``: the HTTP round trip with no work (the baseline);
1. ``POST /decide``: one employee on one day (a Friday, the busiest rule path);
2. ``POST /decide`` for one employee over a week (five decisions in one request).

Each kind runs sequentially (one client) and then from ``--clients``
threads at once.  Before timing, one answer of each kind is checked
(the right mode, the right clause), so wrong answers cannot print figures.
Requests per second and latency percentiles (p50, p90, p99) are printed,
with each row's p50 as a ratio of the baseline's p50 measured in the same
run: read the ratios, the machine is shared.

Only loopback is used; the number of requests is bounded (``--requests``,
3000 by default) and the server is stopped at the end.

    python benchmarks/service.py                 # 3000 /decide requests, about a minute
    python benchmarks/service.py --requests 500  # a quick look
"""

from __future__ import annotations

import argparse
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "examples" / "sumsel-2026" / "se-800.1-1230-BKD.I-2026.edaran"
EMPLOYEE = {
    "nip": "197501012000031001",
    "nama": "Andi Saputra",
    "jenjang": "Pelaksana",
    "jabatan": "Analis Perencanaan",
    "capaian_kinerja": 88.5,
    "kode_unit": "BAPPEDA",
    "nama_unit": "Badan Perencanaan Pembangunan Daerah",
    "jenis_unit": "Badan",
    "layanan_publik": False,
    "induk_unit": None,
}
ONE_DAY = {"circular": "sumsel", "employee": EMPLOYEE, "date": "2026-04-10"}
ONE_WEEK = {"circular": "sumsel", "employee": EMPLOYEE, "from": "2026-04-06", "to": "2026-04-10"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "edaran", "serve", str(folder), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/health", timeout=2).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("edaran serve did not start within 120 s")


Request = Callable[[httpx.Client], httpx.Response]


def run(url: str, request: Request, count: int, clients: int) -> tuple[float, list[float]]:
    """Send ``count`` requests from ``clients`` threads; (elapsed seconds, latencies in ms)."""
    latencies: list[float] = []
    lock = threading.Lock()
    per_client = [count // clients + (1 if i < count % clients else 0) for i in range(clients)]

    def worker(n: int) -> None:
        mine = []
        with httpx.Client(base_url=url, timeout=60) as client:
            for _ in range(n):
                started = time.perf_counter()
                answer = request(client)
                mine.append((time.perf_counter() - started) * 1000)
                if answer.status_code != 200:
                    raise SystemExit(f"status {answer.status_code}: {answer.text[:200]}")
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker, args=(n,)) for n in per_client]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - started, latencies


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def check(url: str) -> None:
    """One answer of each kind, checked, before anything is timed."""
    with httpx.Client(base_url=url, timeout=60) as client:
        one = client.post("/decide", json=ONE_DAY).json()
        week = client.post("/decide", json=ONE_WEEK).json()
    first = one["decisions"][0]
    assert (first["value"], first["clause"]) == ("WFH", "butir 2"), first
    assert [d["value"] for d in week["decisions"]] == ["WFO"] * 4 + ["WFH"], week


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000, help="per /decide row (bounded)")
    parser.add_argument("--clients", type=int, default=4, help="threads of the concurrent rows")
    args = parser.parse_args(argv)
    count = max(50, min(args.requests, 20000))
    rows: list[tuple[str, Request, int]] = [
        ("(0) GET /health", lambda c: c.get("/health"), count),
        ("(1) POST /decide, one day", lambda c: c.post("/decide", json=ONE_DAY), count),
        ("(2) POST /decide, one week", lambda c: c.post("/decide", json=ONE_WEEK), count // 3),
    ]
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "sumsel.edaran").write_bytes(REFERENCE.read_bytes())
        process, url = start(Path(folder))
        try:
            check(url)
            for _, request, _ in rows:  # warm up: connections, caches, the compiled functions
                run(url, request, 50, 1)
            results: list[tuple[str, int, int, float, list[float]]] = []
            for clients in (1, args.clients):
                for name, request, n in rows:
                    elapsed, latencies = run(url, request, n, clients)
                    results.append((name, clients, n, elapsed, latencies))
        finally:
            process.terminate()
            process.wait(timeout=30)
    print(f"edaran serve on 127.0.0.1, {platform.python_implementation()} "
          f"{platform.python_version()}, {os.cpu_count()} cores")  # fmt: skip
    head = f"{'request':30} {'clients':>7} {'n':>6} {'req/s':>8} {'p50 ms':>7} {'p90 ms':>7}"
    print(head + f" {'p99 ms':>7} {'p50/(0)':>8}")
    base: dict[int, float] = {}
    for name, clients, n, elapsed, latencies in results:
        p50 = statistics.median(latencies)
        if name.startswith("(0)"):
            base[clients] = p50
        print(
            f"{name:30} {clients:>7} {n:>6} {n / elapsed:>8.0f} {p50:>7.2f} "
            f"{percentile(latencies, 90):>7.2f} {percentile(latencies, 99):>7.2f} "
            f"{p50 / base[clients]:>8.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
