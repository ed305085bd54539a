"""Templates as packages: the example package built, installed and extended by name.

``examples/templat-provinsi`` is built with pip (no build isolation, no
dependencies) into a temporary folder; a fresh ``edaran`` process with that
folder on its path finds the template through its ``edaran.templates``
entry point, for ``memperluas`` and for ``edaran init --from``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from paths import EXAMPLES

PACKAGE = EXAMPLES / "templat-provinsi"
NAME = "provinsi-contoh-2026"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-build-isolation",
            "--no-deps",
            "--no-index",
            "--target",
            str(target),
            str(PACKAGE),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path_factory.mktemp("build"),
    )
    assert build.returncode == 0, build.stderr
    assert (target / "edaran_templat_contoh" / f"{NAME}.edaran").is_file()
    return target


def edaran(site: Path | None, cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "EDARAN_LANG": "en"}
    if site is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "edaran", *argv], capture_output=True, text=True, cwd=cwd, env=env
    )


def _child(folder: Path) -> Path:
    child = folder / "kab.edaran"
    child.write_text(
        'surat_edaran "800.1/7/KAB/2026":\n'
        f'    memperluas "{NAME}"\n'
        "    berlaku 2026-04-01\n\n"
        'contoh "Staf pada hari Kamis: WFH, dari templat provinsi":\n'
        "    pegawai.jenjang adalah Pelaksana\n"
        "    tanggal adalah 2026-04-09\n"
        "    maka moda_kerja adalah WFH\n",
        encoding="utf-8",
    )
    return child


def test_a_rule_file_extends_an_installed_template_by_name(installed: Path, tmp_path: Path) -> None:
    child = _child(tmp_path)
    found = edaran(installed, tmp_path, "test", child.name)
    assert found.returncode == 0, found.stdout + found.stderr
    assert "1 passed, 0 failed" in found.stdout
    explained = edaran(installed, tmp_path, "check", "--format", "json", child.name)
    assert explained.returncode == 0
    assert "Traceback" not in explained.stderr


def test_without_the_package_the_name_is_unknown(tmp_path: Path) -> None:
    child = _child(tmp_path)
    found = edaran(None, tmp_path, "check", child.name)
    assert found.returncode == 1
    assert "error[E145]" in found.stdout and "Traceback" not in found.stdout + found.stderr


def test_init_from_an_installed_template(installed: Path, tmp_path: Path) -> None:
    made = edaran(installed, tmp_path, "init", "kab-contoh", "--from", NAME)
    assert made.returncode == 0, made.stderr
    rules = tmp_path / "kab-contoh" / "kab-contoh.edaran"
    assert f'memperluas "{NAME}"' in rules.read_text(encoding="utf-8")
    checked = edaran(installed, tmp_path, "test", str(rules))
    assert checked.returncode == 0, checked.stdout + checked.stderr
