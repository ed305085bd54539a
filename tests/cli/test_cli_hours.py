"""``edaran decide`` and ``edaran explain`` show every output of a file: ``jam_kerja`` and each
``keluaran`` next to the work mode."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from edaran.cli import main
from paths import DATA, REPO
from schemas import validate

RULES = (DATA / "hours" / "jam-kerja.edaran").relative_to(REPO)
ROSTER = (DATA / "roster-small").relative_to(REPO)
NIP = "197501012000031001"


def _run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(args)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def _decide(*extra: str) -> tuple[int, str, str]:
    args = ["decide", str(RULES), "--roster", str(ROSTER), "--nip", NIP]
    return _run([*args, "--from", "2027-02-15", "--to", "2027-02-21", *extra])


def test_decide_writes_a_column_per_output() -> None:
    status, out, err = _decide()
    assert status == 0, err
    lines = out.splitlines()
    assert lines[0] == "nip,unit,date,mode,clause,reason,jam_kerja,jam_efektif"
    # Monday before the fasting month; Friday in it (a later start, a shorter break);
    # the weekend is a day off for every output.
    head = f"{NIP},BAPPEDA"
    reason = "butir 1,butir 1: Bekerja di kantor"
    hours = "07:30-16:00 (istirahat 12:00-13:00)"
    assert lines[1] == f"{head},2027-02-15,WFO,{reason},{hours},450 menit"
    hours = "08:00-16:30 (istirahat 11:30-13:00)"
    assert lines[5] == f"{head},2027-02-19,WFO,{reason},{hours},450 menit"
    assert lines[6].split(",")[-2:] == ["LIBUR", "LIBUR"]
    assert len(lines) == 8


def test_decide_json_lists_the_decisions_of_every_output() -> None:
    status, out, _ = _decide("--format", "json", "--lang", "en")
    assert status == 0
    data = json.loads(out)
    validate(data, "decide")
    friday = [d for d in data["decisions"] if d["date"] == "2027-02-19"]
    assert [d["output"] for d in friday] == ["moda_kerja", "jam_kerja", "jam_efektif"]
    assert friday[1]["value"] == {
        "start": "08:00",
        "end": "16:30",
        "breaks": [["11:30", "13:00"]],
        "effective": "7 jam",
    }
    assert friday[1]["shown"] == "08:00-16:30 (break 11:30-13:00)"
    assert friday[1]["rule"] == "butir 2.a"


def test_decide_jsonl_has_a_field_per_output() -> None:
    status, out, _ = _decide("--format", "jsonl")
    assert status == 0
    first = json.loads(out.splitlines()[0])
    assert first["jam_kerja"] == "07:30-16:00 (istirahat 12:00-13:00)"
    assert first["jam_efektif"] == "450 menit"


def test_the_sql_engine_refuses_a_file_with_other_outputs() -> None:
    status, out, err = _decide("--engine", "duckdb", "--lang", "en")
    assert status == 1 and out == ""
    assert "error[E800]" in err and "'keluaran jam_kerja, keluaran jam_efektif'" in err


def test_explain_shows_every_output() -> None:
    args = ["--lang", "en", "explain", str(RULES), "--roster", str(ROSTER), "--nip", NIP]
    status, out, err = _run([*args, "--date", "2027-02-19"])
    assert status == 0, err
    parts = out.split("\n\n")
    assert [p.splitlines()[0] for p in parts] == [
        f"moda_kerja of employee {NIP} on 2027-02-19: WFO",
        f"jam_kerja of employee {NIP} on 2027-02-19: 08:00-16:30 (break 11:30-13:00)",
        f"jam_efektif of employee {NIP} on 2027-02-19: 450 menit",
    ]
    assert 'Decided by butir 2.a "Jumat" (SE JAM/1/2027).' in parts[1]
    assert "  - MASUK = 08:00" in parts[1]


def test_explain_json_carries_the_other_outputs() -> None:
    args = ["explain", str(RULES), "--roster", str(ROSTER), "--nip", NIP, "--format", "json"]
    status, out, _ = _run([*args, "--date", "2027-02-15"])
    assert status == 0
    data = json.loads(out)
    validate(data, "explain")
    assert data["decision"]["output"] == "moda_kerja"
    assert [o["decision"]["output"] for o in data["outputs"]] == ["jam_kerja", "jam_efektif"]
    assert data["outputs"][0]["decision"]["shown"] == "07:30-16:00 (istirahat 12:00-13:00)"
