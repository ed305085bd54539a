#!/usr/bin/env python3
"""The hostile inputs of issue 17: how long and how much memory each answer takes.

Every reproducer in ``tests/data/hostile/`` goes through ``edaran check`` (the
amendment through ``edaran test``) in a child process, as a user would run it;
so do the unbounded ones built here: a chain of 800 and 5,000 exceptions, a
parent and a sibling that are ``/dev/zero`` or a FIFO, 10,000 plain rules, and
a workbook of 2,000,000 rows read by the record reader.  For each the script
prints the exit code (0 clean, 1 a diagnostic; 3, an internal error, must never
appear), the wall time and the peak memory of the child (``ru_maxrss``), and
both as ratios against ``edaran check`` of a one-rule file measured in the same
run.  Times are wall-clock on a shared machine: read them as orders of magnitude.

    python benchmarks/hostile.py            # everything, about a minute
    python benchmarks/hostile.py --no-xlsx  # without the row bomb (needs openpyxl)
    python benchmarks/hostile.py --scale    # check time against the number of rules

``--scale`` checks files of 1,000 to 10,000 rules that cannot overlap (each
for its own unit) and of rules that all overlap on one day of the week, in
this process, and prints the CPU time of each step per rule, as a ratio
against the 1,000-rule file: a step that stays near 1.0 grows linearly, one
near 10 at 10,000 rules grows with the square of their number.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
HOSTILE = ROOT / "tests" / "data" / "hostile"
RECORDS = ROOT / "tests" / "data" / "records" / "good"
HEADER = 'surat_edaran "1/2026":\n    berlaku 2026-04-01\n\n'
ONE_RULE = HEADER + "butir 1, bawaan:\n    moda_kerja adalah WFO\n"
TIMEOUT = 600


def measure(argv: list[str], cwd: Path) -> tuple[int, float, float]:
    """Exit code, wall seconds and peak memory (MB) of ``python -m edaran *argv``."""
    env = dict(os.environ, EDARAN_HARI_INI="2026-04-15", EDARAN_LANG="en")
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "edaran", *argv],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return child.returncode, time.perf_counter() - start, usage.ru_maxrss / 1024


def chain(n: int) -> str:
    """``n`` rules, each an exception to the one before (``unbounded/D01``)."""
    rules = [HEADER + "butir 1, bawaan:\n    moda_kerja adalah WFO\n"]
    for i in range(n):
        rules.append(
            f"butir {i + 2}, pengecualian atas butir {i + 1}:\n"
            "    moda_kerja adalah WFH\n    jika hari adalah Jumat\n"
        )
    return "\n".join(rules)


def plain(n: int) -> str:
    """``n`` rules that cannot overlap: each for its own unit code."""
    rules = [HEADER + "butir 1, bawaan:\n    moda_kerja adalah WFO\n"]
    for i in range(n):
        rules.append(f"butir {i + 2}:\n    moda_kerja adalah WFH\n    jika unit adalah U{i}\n")
    return "\n".join(rules)


def row_bomb(target: Path) -> None:
    """A workbook of 2,000,000 trip rows, a few MB zipped (``unbounded/D05``)."""
    import csv
    import zipfile

    import openpyxl

    with open(RECORDS / "perjalanan.csv", encoding="utf-8", newline="") as trips:
        header, row = list(csv.reader(trips))[:2]
    book = openpyxl.Workbook()
    book.active.append(header)
    scratch = target.with_suffix(".seed.xlsx")
    book.save(scratch)

    def cells(values: list[str]) -> bytes:
        inner = "".join(f'<c t="inlineStr"><is><t>{v}</t></is></c>' for v in values)
        return f"<row>{inner}</row>".encode()

    with (
        zipfile.ZipFile(scratch) as seed,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for name in seed.namelist():
            if name != "xl/worksheets/sheet1.xml":
                out.writestr(name, seed.read(name))
                continue
            with out.open(name, "w") as sheet:
                sheet.write(
                    b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns='
                    b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                )
                sheet.write(cells(header))
                for _ in range(200):
                    sheet.write(cells(row) * 10_000)
                sheet.write(b"</sheetData></worksheet>")
    scratch.unlink()


def cases(work: Path, xlsx: bool) -> Iterator[tuple[str, list[str]]]:
    for path in sorted([*HOSTILE.glob("*.edaran"), *HOSTILE.glob("soundness/*.edaran")]):
        yield path.relative_to(HOSTILE).as_posix(), ["check", str(path)]
    yield "amendment/cabut.edaran (test)", ["test", str(HOSTILE / "amendment" / "cabut.edaran")]
    for n in (800, 5000):
        (work / f"chain-{n}.edaran").write_text(chain(n), encoding="utf-8")
        yield f"{n} exceptions in a chain (test)", ["test", f"chain-{n}.edaran"]
    (work / "plain.edaran").write_text(plain(10_000), encoding="utf-8")
    yield "10,000 plain rules", ["check", "plain.edaran"]
    for kind in ("zero", "fifo"):
        folder = work / f"parent-{kind}"
        folder.mkdir()
        if kind == "zero":
            (folder / "induk.edaran").symlink_to("/dev/zero")
        else:
            os.mkfifo(folder / "induk.edaran")
        child = HEADER.replace("\n\n", '\n    memperluas "induk.edaran"\n\n')
        (folder / "se.edaran").write_text(child, encoding="utf-8")
        yield f"parent is {kind}", ["check", str(folder / "se.edaran")]
        sibling = work / f"sibling-{kind}"
        sibling.mkdir()
        good = ROOT / "examples" / "sumsel-2026" / "se-800.1-1230-BKD.I-2026.edaran"
        (sibling / "se.edaran").write_bytes(good.read_bytes())
        (sibling / "zz.edaran").symlink_to(folder / "induk.edaran")
        yield f"sibling is {kind}", ["check", str(sibling / "se.edaran")]
    if xlsx:
        row_bomb(work / "perjalanan.xlsx")
        roster = ROOT / "tests" / "data" / "roster" / "good"
        yield (
            "2,000,000-row workbook (quota)",
            [
                "quota",
                str(ROOT / "examples" / "sumsel-2026" / "se-800.1-1230-BKD.I-2026.edaran"),
                "--roster",
                str(roster),
                "--trips",
                "perjalanan.xlsx",
                "--format",
                "csv",
            ],
        )


def overlapping(n: int) -> str:
    """``n`` rules for one output that may all apply together, with one value: no conflict."""
    rules = [HEADER + "butir 1, bawaan:\n    moda_kerja adalah WFO\n"]
    days = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat")
    for i in range(n):
        rules.append(
            f"butir {i + 2}:\n    moda_kerja adalah WFH\n"
            f"    jika hari adalah {days[i % 5]} dan unit adalah U{i % 50}\n"
        )
    return "\n".join(rules)


def scale(sizes: list[int]) -> None:
    """CPU time per rule of parse, check and the conflict search, against the smallest size."""
    from edaran.lang import check, parse
    from edaran.lang.conflicts import find_conflicts

    parse(plain(10), "warm.edaran")  # the grammar's tables are built once, not per file
    for label, make in (("cannot overlap", plain), ("overlap by day and unit", overlapping)):
        base: tuple[float, float, float] | None = None
        print(f"{label}:")
        print(f"{'rules':>7} {'parse':>8} {'check':>8} {'search':>8}   per rule against {sizes[0]}")
        for n in sizes:
            text = make(n)
            start = time.process_time()
            module = parse(text, "scale.edaran")
            parsed = time.process_time()
            program, _ = check(module, static_conflicts=False)
            checked = time.process_time()
            assert program is not None
            find_conflicts(program)
            searched = time.process_time()
            steps = (parsed - start, checked - parsed, searched - checked)
            per_rule = tuple(step / n for step in steps)
            base = base or per_rule
            pairs = zip(per_rule, base, strict=True)
            ratios = " ".join(f"{p / b if b else 0:5.2f}" for p, b in pairs)
            print(f"{n:>7} {steps[0]:>7.2f}s {steps[1]:>7.2f}s {steps[2]:>7.2f}s   {ratios}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-xlsx", action="store_true", help="skip the row bomb")
    parser.add_argument("--scale", action="store_true", help="check time against rule count")
    parser.add_argument("--sizes", default="1000,2000,5000,10000", help="rule counts for --scale")
    args = parser.parse_args(argv)
    if args.scale:
        scale([int(n) for n in args.sizes.split(",")])
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "one.edaran").write_text(ONE_RULE, encoding="utf-8")
        _, base_time, base_memory = measure(["check", "one.edaran"], work)
        print(f"baseline: edaran check of a one-rule file: {base_time:.2f} s, {base_memory:.0f} MB")
        print(f"{'input':<58} {'exit':>4} {'time':>7} {'x':>6} {'MB':>6} {'x':>5}")
        internal = 0
        for name, command in cases(work, xlsx=not args.no_xlsx):
            code, seconds, memory = measure(command, work)
            internal += code not in (0, 1)
            print(
                f"{name:<58} {code:>4} {seconds:>6.2f}s {seconds / base_time:>6.1f}"
                f" {memory:>6.0f} {memory / base_memory:>5.1f}"
            )
    print(f"exit codes other than 0 or 1: {internal}")
    return 1 if internal else 0


if __name__ == "__main__":
    sys.exit(main())
