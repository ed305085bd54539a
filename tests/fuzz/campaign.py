"""A fuzzing campaign that stays: mutated and generated inputs through every reader.

Targets (``--target``):

``rules``
    every rule file of the corpus (``examples/``, the templates,
    ``tests/data/rules``, ``tests/data/hostile``) mutated at random (bytes
    flipped, lines cut, doubled, swapped or spliced from another file, words
    of the language and hostile numbers inserted), then through the whole
    pipeline: parse, resolve, check, both backends on a few employees and
    days, and the worked examples.
``grammar``
    files generated from the grammar and from ``strategies.rule_files``,
    through the same pipeline.
``roster``, ``records``, ``contacts``
    the data files of ``tests/data`` mutated the same way, through
    ``load_roster``, ``read_records`` (every kind) and ``read_contacts``.

An *internal error* is any exception other than :class:`EdaranError` and
:class:`DecisionError`: the command line would answer it with exit code 3.
The campaign prints, per target, the inputs tried, the internal errors (each
minimised and written under ``--crashes``) and the slowest input::

    python tests/fuzz/campaign.py --target rules --count 100000 --seed 1

The default suite runs a short campaign (``tests/fuzz/test_campaign.py``);
``pytest -m slow tests/fuzz`` a longer one.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import fnmatch
import random
import sys
import tempfile
import time
import traceback
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs

TESTS = Path(__file__).resolve().parents[1]
if str(TESTS) not in sys.path:  # run as a script: the test helpers are importable
    sys.path.insert(0, str(TESTS))

from edaran.core import EdaranError  # noqa: E402
from edaran.engine import Circular, DecisionError  # noqa: E402
from edaran.io import RosterWarning, load_roster, read_contacts, read_records  # noqa: E402
from edaran.model import Employee, PositionLevel, Unit, UnitKind  # noqa: E402
from edaran.model.calendar import zone  # noqa: E402
from edaran.testing import run_examples  # noqa: E402
from paths import DATA, EXAMPLES, TEMPLATES  # noqa: E402

__all__ = ["TARGETS", "Report", "run"]

#: words and pieces a mutation inserts: keywords, names, hostile numbers and dates
PIECES = [
    "butir 1", "butir ٢", "jika", "dan", "atau", "tidak", "adalah", "termasuk", "bawaan",
    "pengecualian atas butir 1", "memperluas \"nasional-2026\"", "mengubah \"x.edaran\"",
    "hapus butir 1", "moda_kerja", "WFH", "WFO", "hari", "Jumat", "unit", "{BPBD}",
    "tanggal", "9999-12-31", "0001-01-01", "2026-02-30", "99999999999999999999999",
    "474836 bulan", "3000000 hari", "0 bulan", "Rp 1.000,50", "150%", "-1", "1/0",
    "evaluasi setiap 99999999999 bulan", "parameter A: tanggal = 9999-12-31 + 1 hari",
    "tabel T: unit -> persen = xyz", "\t", "\r", "\x00", "#", ":", "(", ")", "[", "]",
    "\"", "\n    ", "\n        ", "=HYPERLINK(\"x\")", "𝟘", "٣", "２",
]  # fmt: skip


@attrs.define
class Report:
    """What a campaign on one target found."""

    target: str
    inputs: int = 0
    internal: list[tuple[str, str]] = attrs.Factory(list)
    #: the CPU seconds of the slowest input, and the input
    slowest: tuple[float, str] = (0.0, "")
    #: the longest wall-clock time of an input (the machine's load included)
    slowest_wall: float = 0.0
    #: inputs that took more CPU seconds than the campaign's ``over`` threshold
    over: int = 0

    def line(self) -> str:
        """``rules: 100 inputs, 0 internal errors, 0 over the limit, slowest 0.4 s CPU (0.5 s)``."""
        return (
            f"{self.target}: {self.inputs} inputs, {len(self.internal)} internal errors, "
            f"{self.over} over the time limit, slowest {self.slowest[0]:.3f} s CPU "
            f"({self.slowest_wall:.3f} s wall clock)"
        )


# ------------------------------------------------------------------ mutations
def mutate(text: str, rng: random.Random, corpus: list[str]) -> str:
    """One to four random edits of ``text``."""
    for _ in range(rng.randint(1, 4)):
        lines = text.split("\n")
        kind = rng.randrange(8)
        if kind == 0 and text:  # flip a character
            i = rng.randrange(len(text))
            text = text[:i] + chr(rng.randrange(32, 0x3000)) + text[i + 1 :]
        elif kind == 1 and len(lines) > 1:  # cut a line
            del lines[rng.randrange(len(lines))]
            text = "\n".join(lines)
        elif kind == 2 and lines:  # double a line
            i = rng.randrange(len(lines))
            lines.insert(i, lines[i])
            text = "\n".join(lines)
        elif kind == 3 and len(lines) > 1:  # swap two lines
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        elif kind == 4 and corpus:  # splice lines of another file
            other = rng.choice(corpus).split("\n")
            start = rng.randrange(len(other))
            piece = other[start : start + rng.randint(1, 8)]
            i = rng.randrange(len(lines) + 1)
            text = "\n".join(lines[:i] + piece + lines[i:])
        elif kind == 5:  # insert a piece
            i = rng.randrange(len(text) + 1)
            text = text[:i] + rng.choice(PIECES) + text[i:]
        elif kind == 6 and text:  # cut a span
            i = rng.randrange(len(text))
            text = text[:i] + text[i + rng.randint(1, 40) :]
        elif kind == 7 and lines:  # replace a number
            i = rng.randrange(len(lines))
            lines[i] = "".join(
                rng.choice(["0", "7", "31", "99999999999", "2026"]) if c.isdigit() else c
                for c in lines[i]
            )
            text = "\n".join(lines)
    return text


# ------------------------------------------------------------------ pipeline
DAYS = (dt.date(2026, 4, 10), dt.date(2026, 4, 13), dt.date(2026, 8, 17), dt.date(2027, 1, 4))


def _staff() -> list[Employee]:
    parent = Unit(kode="DISDIK", nama="Dinas", jenis=UnitKind.DINAS, layanan_publik=False)
    school = Unit(
        kode="SMAN1_PLG", nama="SMA", jenis=UnitKind.UPT_SEKOLAH, layanan_publik=True, induk=parent
    )
    bpbd = Unit(kode="BPBD", nama="BPBD", jenis=UnitKind.BADAN, layanan_publik=True)
    levels = list(PositionLevel)
    return [
        Employee(
            nip=f"19800101200601{i:04d}",
            nama=f"P{i}",
            unit=unit,
            jenjang=levels[i % len(levels)],
        )
        for i, unit in enumerate((parent, school, bpbd))
    ]


STAFF = _staff()


def rule_pipeline(text: str, folder: Path) -> None:
    """Parse, resolve, check, decide on both backends, run the examples.

    ``folder`` is where the input would sit (a parent it names is looked up
    beside it, through the guarded reader).
    """
    try:
        # The steps edaran.parse, edaran.resolve and edaran.check, once each.
        circular = Circular.from_text(text, "fuzz.edaran", path=folder / "fuzz.edaran")
    except EdaranError:
        return
    for employee in STAFF:
        for day in DAYS:
            for backend in ("interpreter", "compiled"):
                with contextlib.suppress(DecisionError):
                    circular.decide(employee, day, backend=backend)  # type: ignore[arg-type]
    run_examples(circular)


def _corpus_rules() -> list[tuple[str, str]]:
    files = [
        *EXAMPLES.glob("*/*.edaran"),
        *TEMPLATES.glob("*.edaran"),
        *(DATA / "rules").glob("*.edaran"),
        *(DATA / "hostile").glob("**/*.edaran"),
    ]
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(files)]


def _grammar_inputs(rng: random.Random) -> Iterator[str]:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    from strategies import rule_files

    produced: list[str] = []

    @settings(
        max_examples=200,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.one_of(rule_files(evaluation_errors=True).map(lambda f: f.text), _from_grammar()))
    def collect(text: str) -> None:
        produced.append(text)

    while True:
        produced.clear()
        collect()
        yield from produced


def _from_grammar() -> object:
    from lang.test_fuzz import FROM_GRAMMAR  # the grammar's own generator, laid out

    return FROM_GRAMMAR


# ------------------------------------------------------------------ data files
_ROSTERS = [DATA / "roster" / "good", DATA / "contacts" / "roster"]
_RECORDS = {
    "perjalanan": "perjalanan.csv",
    "kendaraan": "kendaraan.csv",
    "rapat": "rapat.csv",
    "daftar_periksa": "daftar_periksa.csv",
    "biaya": "biaya.csv",
}


def _roster_input(rng: random.Random, folder: Path) -> Callable[[], object]:
    source = rng.choice(_ROSTERS)
    target = folder / "roster"
    target.mkdir(exist_ok=True)
    corpus = [(source / n).read_text(encoding="utf-8") for n in ("unit.csv", "pegawai.csv")]
    for name, text in zip(("unit.csv", "pegawai.csv"), corpus, strict=True):
        keep = rng.random() < 0.5
        (target / name).write_text(text if keep else mutate(text, rng, corpus), encoding="utf-8")
    return lambda: load_roster(target)


_GOOD_ROSTER = None


def _good_roster() -> object:
    global _GOOD_ROSTER
    if _GOOD_ROSTER is None:
        _GOOD_ROSTER = load_roster(DATA / "roster" / "good")
    return _GOOD_ROSTER


def _records_input(rng: random.Random, folder: Path) -> Callable[[], object]:
    kind, name = rng.choice(sorted(_RECORDS.items()))
    text = (DATA / "records" / "good" / name).read_text(encoding="utf-8")
    target = folder / name
    target.write_text(mutate(text, rng, [text]), encoding="utf-8")
    roster = _good_roster()
    return lambda: read_records(target, kind, roster=roster)  # type: ignore[arg-type]


def _contacts_input(rng: random.Random, folder: Path) -> Callable[[], object]:
    name = rng.choice(["kontak.csv", "kontak.jsonl"])
    text = (DATA / "contacts" / name).read_text(encoding="utf-8")
    target = folder / name
    target.write_text(mutate(text, rng, [text]), encoding="utf-8")
    return lambda: read_contacts(target, tz=zone("WIB"))


def _read(call: Callable[[], object]) -> None:
    # A reader's warnings (a column it does not know) are answers, like its errors.
    with contextlib.suppress(EdaranError), warnings.catch_warnings():
        warnings.simplefilter("ignore", RosterWarning)
        call()


# ------------------------------------------------------------------ driver
TARGETS = ("rules", "grammar", "roster", "records", "contacts")


def run(
    target: str,
    count: int,
    seed: int,
    crashes: Path | None = None,
    *,
    over: float = 1.0,
    slow: Path | None = None,
    files: str = "*",
) -> Report:
    """Try ``count`` inputs on ``target``; internal errors are minimised into ``crashes``.

    Inputs that take longer than ``over`` seconds are counted, and written
    under ``slow`` (rule files as they are) to be timed again on a quiet machine.
    ``files`` (a pattern on file names) narrows the rule files mutated, such as
    ``sumsel*`` for the largest circulars; pieces are still spliced from all.
    """
    rng = random.Random(seed)
    report = Report(target)
    corpus = _corpus_rules()
    texts = [text for _, text in corpus]
    chosen = [text for name, text in corpus if fnmatch.fnmatch(name, files)] or texts
    generated = _grammar_inputs(rng) if target == "grammar" else None
    with tempfile.TemporaryDirectory(prefix="edaran-fuzz-") as tmp:
        folder = Path(tmp)
        # One-time costs (the grammar's tables, the holiday data) are not an input's.
        rule_pipeline(texts[0], folder)
        for _ in range(count):
            if target in ("rules", "grammar"):
                if generated is not None:
                    text = next(generated)
                    if rng.random() < 0.5:
                        text = mutate(text, rng, texts)
                else:
                    text = mutate(rng.choice(chosen), rng, texts)
                described = text

                def attempt(text: str = text) -> None:
                    rule_pipeline(text, folder)

            else:
                maker = {
                    "roster": _roster_input,
                    "records": _records_input,
                    "contacts": _contacts_input,
                }[target]
                call = maker(rng, folder)
                described = target  # the files are read back only for a crash or the slowest

                def attempt(call: Callable[[], object] = call) -> None:
                    _read(call)

            # CPU time: on a shared machine the wall clock measures the neighbours too.
            start, wall = time.process_time(), time.perf_counter()
            try:
                attempt()
            except Exception:
                elapsed = time.process_time() - start  # not the minimising below
                report.slowest_wall = max(report.slowest_wall, time.perf_counter() - wall)
                report.internal.append((_describe(described, folder), traceback.format_exc(8)))
                if crashes is not None and target in ("rules", "grammar"):
                    _save(crashes, minimise(described, folder), len(report.internal))
            else:
                elapsed = time.process_time() - start
                report.slowest_wall = max(report.slowest_wall, time.perf_counter() - wall)
            report.inputs += 1
            if elapsed > over:
                report.over += 1
                if slow is not None:
                    slow.mkdir(parents=True, exist_ok=True)
                    name = f"slow-{seed}-{report.inputs:06d}-{elapsed:.1f}s.edaran"
                    (slow / name).write_text(_describe(described, folder), encoding="utf-8")
            if elapsed > report.slowest[0]:
                report.slowest = (elapsed, _describe(described, folder))
    return report


def _describe(described: str, folder: Path) -> str:
    """A rule file as it is; for a data target, the files it wrote."""
    if described not in TARGETS:
        return described
    return "\n".join(
        f"== {p.name}\n{p.read_text(encoding='utf-8', errors='replace')}"
        for p in sorted(folder.rglob("*.*"))
        if p.is_file()
    )


def _fails(text: str, folder: Path) -> bool:
    try:
        rule_pipeline(text, folder)
    except Exception:
        return True
    return False


def minimise(text: str, folder: Path) -> str:
    """Drop lines, then characters, while the input still fails (a greedy delta debug)."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        trial = lines[:i] + lines[i + 1 :]
        if _fails("\n".join(trial), folder):
            lines = trial
        else:
            i += 1
    return "\n".join(lines)


def _save(crashes: Path, text: str, number: int) -> None:
    crashes.mkdir(parents=True, exist_ok=True)
    (crashes / f"crash-{number:03d}.edaran").write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """``python tests/fuzz/campaign.py --target rules --count N --seed S``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--target", choices=[*TARGETS, "all"], default="all")
    parser.add_argument("--count", type=int, default=1000, help="inputs per target")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--crashes", type=Path, help="folder for minimised crashes")
    parser.add_argument("--verbose", action="store_true", help="print the slowest input")
    parser.add_argument("--over", type=float, default=1.0, help="CPU seconds an input may take")
    parser.add_argument("--slow", type=Path, help="folder for the inputs over --over seconds")
    parser.add_argument("--files", default="*", help="rule files to mutate, by name (sumsel*)")
    args = parser.parse_args(argv)
    failed = False
    for target in TARGETS if args.target == "all" else (args.target,):
        report = run(
            target,
            args.count,
            args.seed,
            args.crashes,
            over=args.over,
            slow=args.slow,
            files=args.files,
        )
        print(report.line(), flush=True)
        if args.verbose:
            print(report.slowest[1][:3000], flush=True)
        for described, trace in report.internal[:3]:
            print(trace, "\n", described[:2000], flush=True)
        failed = failed or bool(report.internal)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
