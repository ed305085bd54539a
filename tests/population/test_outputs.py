"""What ``edaran decide`` writes is the same whichever engine decides.

CSV and JSON lines byte for byte (and the CSV's provenance companion),
Parquet value for value; ``--format json`` is the one document of
``decide.schema.json`` (provenance, every decision, errors), which the Python
engine writes: ``auto`` takes it for JSON, and an explicit DuckDB or Spark
engine is a usage error that names the formats it writes.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from edaran.cli import main
from paths import EXAMPLES, REFERENCE, REPO, SAMPLE_ROSTER, TEMPLATES
from schemas import validate

WEEK = ["--from", "2026-04-13", "--to", "2026-04-19"]  # a weekend inside


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


def _decide(rules: Path, roster: Path, engine: str, fmt: str, target: Path, *extra: str) -> str:
    status, _, err = _run(
        "decide", str(rules), "--roster", str(roster), *WEEK, *extra,
        "--engine", engine, "--format", fmt, "--output", str(target),
    )  # fmt: skip
    assert status == 0, err
    return err


def _circulars() -> list[Path]:
    return [*sorted(EXAMPLES.glob("*/*.edaran")), *sorted(TEMPLATES.glob("*.edaran"))]


def _roster(rules: Path) -> Path:
    own = rules.parent / "roster"
    return own if own.is_dir() else SAMPLE_ROSTER


def _some_circulars() -> list[object]:
    """The reference and the national template by default; every other one under ``-m slow``.

    A circular with a scope (``mencakup``) or a choice (``dipilih dari``) is left out:
    the SQL engine refuses it (tests/population/test_duckdb.py checks the refusal).
    """
    kept = {REFERENCE, TEMPLATES / "nasional-2026.edaran"}
    refused = ("\n    mencakup ", " dipilih dari ")
    sql = [p for p in _circulars() if not any(w in p.read_text(encoding="utf-8") for w in refused)]
    return [p if p in kept else pytest.param(p, marks=pytest.mark.slow) for p in sql]


@pytest.mark.parametrize("rules", _some_circulars(), ids=lambda p: p.stem)
def test_csv_is_byte_identical_with_its_provenance(rules: Path, tmp_path: Path) -> None:
    written = {}
    for engine in ("python", "duckdb"):
        target = tmp_path / f"{engine}.csv"
        _decide(rules, _roster(rules), engine, "csv", target)
        companion = tmp_path / f"{engine}.csv.provenance.json"
        written[engine] = (target.read_bytes(), companion.read_bytes())
    assert written["duckdb"] == written["python"]
    assert written["python"][0].count(b"\n") > 1
    provenance = json.loads(written["python"][1])["provenance"]
    assert provenance["rule_file_sha256"] and provenance["circular"]


def test_json_lines_are_byte_identical(tmp_path: Path) -> None:
    python, duck = tmp_path / "python.jsonl", tmp_path / "duckdb.jsonl"
    _decide(REFERENCE, SAMPLE_ROSTER, "python", "jsonl", python)
    _decide(REFERENCE, SAMPLE_ROSTER, "duckdb", "jsonl", duck)
    assert duck.read_bytes() == python.read_bytes()
    first = json.loads(python.read_text(encoding="utf-8").splitlines()[0])
    assert list(first) == ["nip", "unit", "date", "mode", "clause", "reason"]


def test_parquet_holds_the_same_rows(tmp_path: Path) -> None:
    python, duck = tmp_path / "python.parquet", tmp_path / "duckdb.parquet"
    _decide(REFERENCE, SAMPLE_ROSTER, "python", "parquet", python)
    _decide(REFERENCE, SAMPLE_ROSTER, "duckdb", "parquet", duck)
    mine, theirs = pq.read_table(python).to_pylist(), pq.read_table(duck).to_pylist()
    assert len(mine) == 3055 * 7
    assert theirs == mine


def test_json_is_one_document_and_auto_takes_the_python_engine(tmp_path: Path) -> None:
    """3,055 employees x 40 days is above the size where auto takes DuckDB for other formats."""
    target = tmp_path / "keputusan.json"
    status, _, err = _run(
        "decide", str(REFERENCE), "--roster", str(SAMPLE_ROSTER),
        "--from", "2026-04-01", "--to", "2026-05-10", "--format", "json", "--output", str(target),
    )  # fmt: skip
    assert (status, err) == (0, "")
    data = json.loads(target.read_text(encoding="utf-8"))
    validate(data, "decide")
    assert len(data["decisions"]) == 3055 * 40 and data["errors"] == []
    assert data["decisions"][0]["reason"].startswith(data["decisions"][0]["clause"] or "")


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("id", "--format json (satu dokumen dengan provenans) ditulis oleh mesin python;"
               " mesin duckdb menulis --format jsonl atau csv\n"),
        ("en", "--format json (one document with its provenance) is written by the python"
               " engine; the duckdb engine writes --format jsonl or csv\n"),
    ],
)  # fmt: skip
def test_json_from_another_engine_is_a_usage_error(lang: str, words: str) -> None:
    rules = str(REFERENCE.relative_to(REPO))
    status, out, err = _run(
        "--lang", lang, "decide", rules, "--roster", str(SAMPLE_ROSTER), *WEEK,
        "--engine", "duckdb", "--format", "json",
    )  # fmt: skip
    assert (status, out, err) == (2, "", words)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("id", "--format parquet menulis berkas atau folder: sebutkan --output\n"),
        ("en", "--format parquet writes a file or a folder: give --output\n"),
    ],
)
def test_parquet_needs_an_output(lang: str, words: str) -> None:
    status, out, err = _run(
        "--lang", lang, "decide", str(REFERENCE), "--roster", str(SAMPLE_ROSTER), *WEEK,
        "--format", "parquet",
    )  # fmt: skip
    assert (status, out, err) == (2, "", words)
