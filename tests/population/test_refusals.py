"""What the SQL engine cannot express yet is refused with an E80x naming it, never decided wrongly.

``edaran sql`` prints the refusal (golden files in both languages);
``--engine auto`` falls back to the Python engine with the refusal as a note;
``--engine duckdb`` stops with it.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import attrs
import pytest

from edaran.cli import main
from edaran.core import Diagnostic, EdaranError, Severity, render_all
from edaran.engine import Circular
from edaran.engine.sql import SqlPlan, SqlRefused
from edaran.lang import ir
from edaran.population import AUTO_THRESHOLD, EngineChoice, choose_engine
from golden import check_golden
from paths import DATA, REFERENCE, REPO, SAMPLE_ROSTER

SQL = DATA / "sql"
CASES = sorted(p.stem for p in SQL.glob("E8*.edaran"))


def _run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(args)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # paths in golden files are relative to the checkout


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_edaran_sql_names_what_it_cannot_express(case: str, lang: str) -> None:
    path = (SQL / f"{case}.edaran").relative_to(REPO)
    status, out, err = _run(["--lang", lang, "sql", str(path)])
    assert status == 1 and out == ""
    assert f"[{case.split('-')[0]}]" in err
    check_golden(f"sql/{case}.{lang}.txt", err)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_amendment_is_refused_whole(lang: str) -> None:
    path = (SQL / "E810" / "se-perubahan.edaran").relative_to(REPO)
    status, _, err = _run(["--lang", lang, "sql", str(path)])
    assert status == 1
    check_golden(f"sql/E810-amendment.{lang}.txt", err)


@attrs.frozen
class _Future:
    """An IR node the SQL engine has no method for (a construct added after it)."""

    type: object = None
    span: object = None


def test_an_unknown_node_class_is_e800() -> None:
    circular = Circular.load(SQL / "E809-month-step.edaran")
    rule = circular.program.rules[1]
    program = attrs.evolve(
        circular.program, rules=(circular.program.rules[0], attrs.evolve(rule, condition=_Future()))
    )
    with pytest.raises(SqlRefused) as refused:
        SqlPlan(program, circular.schema)
    assert refused.value.code == "E800"
    for lang in ("id", "en"):
        check_golden(
            f"sql/E800-unknown-node.{lang}.txt", render_all(refused.value.diagnostics, lang)
        )


def test_sets_tables_and_durations_out_of_place_are_refused() -> None:
    """E801, E802, E805-E807: shapes the checker does not produce today, refused if it ever does."""
    circular = Circular.load(SQL / "E809-month-step.edaran")
    program, schema = circular.program, circular.schema
    level = ir.Fact("pegawai", ("jenjang",), "pegawai.jenjang", program.rules[0].value.type)
    weird = {
        "E801": ir.Op("eq", (level, ir.Const(frozenset({"A"}), level.type)), level.type),
        "E802": ir.Fact("kontak", ("terjawab",), "kontak.terjawab", level.type),
        "E805": ir.Op("in", (level, level), level.type),
        "E806": ir.Op(
            "unit_in", (ir.Const(1, level.type), ir.Const(frozenset({"A"}), level.type)), level.type
        ),
        "E807": ir.Op("index", (ir.Const(1, level.type), level), level.type),
    }
    for code, condition in weird.items():
        rules = (program.rules[0], attrs.evolve(program.rules[1], condition=condition))
        with pytest.raises(SqlRefused) as refused:
            SqlPlan(attrs.evolve(program, rules=rules), schema)
        assert refused.value.code == code, (code, refused.value.code)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_auto_falls_back_to_python_with_a_note(lang: str, tmp_path: Path) -> None:
    """From the size where auto takes DuckDB, a rule it cannot express keeps Python, with a note.

    Below that size auto takes Python without a word; ``--engine duckdb`` stops with the refusal.
    """
    circular = Circular.load(SQL / "E809-month-step.edaran")
    assert choose_engine("auto", circular, AUTO_THRESHOLD - 1) == EngineChoice("python")
    choice = choose_engine("auto", circular, AUTO_THRESHOLD)
    assert choice.engine == "python"
    assert [(d.code, d.severity) for d in choice.notes] == [("E809", Severity.NOTE)]
    assert render_all(choice.notes, lang).startswith(message_head(lang, "E809"))
    expressible = Circular.load(REFERENCE)
    assert choose_engine("auto", expressible, AUTO_THRESHOLD) == EngineChoice("duckdb")
    path = (SQL / "E809-month-step.edaran").relative_to(REPO)
    target = tmp_path / "keputusan.csv"
    args = ["--lang", lang, "decide", str(path), "--roster", str(SAMPLE_ROSTER.relative_to(REPO))]
    args += ["--from", "2026-04-01", "--to", "2026-05-10", "--output", str(target)]
    status, _, err = _run([*args, "--engine", "duckdb"])
    assert status == 1 and "[E809]" in err
    assert not target.exists()


def message_head(lang: str, code: str) -> str:
    return ("catatan" if lang == "id" else "note") + f"[{code}]"


def test_an_engine_not_installed_is_e811(monkeypatch: pytest.MonkeyPatch) -> None:
    from edaran.population import engines

    circular = Circular.load(SQL / "E809-month-step.edaran")
    monkeypatch.setitem(engines._NEEDS, "duckdb", (("edaran_no_such_module",), "scale"))
    choice = choose_engine("auto", circular, 10**7)
    assert choice.engine == "python"
    (note,) = choice.notes
    assert (note.code, note.severity) == ("E811", Severity.NOTE)
    for lang in ("id", "en"):
        check_golden(f"sql/E811-not-installed.{lang}.txt", render_all(choice.notes, lang))
    with pytest.raises(EdaranError) as missing:
        choose_engine("duckdb", circular, 1)
    assert [d.code for d in missing.value.diagnostics] == ["E811"]
    assert isinstance(missing.value.diagnostics[0], Diagnostic)
