"""``edaran serve`` refuses to start, with a clear message, when it has nothing sound to serve."""

from __future__ import annotations

from pathlib import Path

import pytest

from edaran.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["--lang", "en", "serve", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, err


def test_nothing_to_serve(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, str(tmp_path)) == (
        2,
        "no circular to serve: give a folder of *.edaran files or --template\n",
    )


def test_a_token_variable_that_is_empty(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDARAN_TOKEN_KOSONG", " ")
    code, err = run(capsys, "--template", "nasional-2026", "--token-env", "EDARAN_TOKEN_KOSONG")
    assert (code, err) == (2, "the environment variable EDARAN_TOKEN_KOSONG is empty or unset\n")


def test_a_broken_rule_file_stops_the_start(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "rusak.edaran").write_text('surat_edaran "x":\n', encoding="utf-8")
    code, err = run(capsys, str(tmp_path))
    assert code == 1
    assert err.startswith("error[E003]") and "rusak.edaran:1:18" in err
