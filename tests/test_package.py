"""The package's shape: a sorted, complete __all__ and imports that point one way."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import edaran

SRC = Path(edaran.__file__).parent

# Each module may import only modules of an earlier layer (or its own).
LAYERS = [
    {"messages_data", "messages"},
    {"diagnostics", "model", "types", "_values", "_csvio", "_roster_rows", "_numbers"},
    {"runtime", "schedule_model", "records", "quota_model"},
    {"nodes", "schema", "calendar", "roster", "contacts", "records_io"},
    {"parser", "ir"},
    {"variants"},
    {"expressions", "conflicts"},
    {"limits", "discipline_check", "quota_check"},
    {"checker", "decision"},
    {"interpreter"},
    {"compiler"},
    {"engine"},
    {"scheduler"},
    {"discipline"},
    {"quota", "report"},
    {"examples", "summary", "presence", "schedule_io", "_xlsx", "_ics", "lifecycle"},
    {"discipline_io", "_discipline_xlsx", "quota_io", "report_io", "_report_xlsx"},
    {"cli_common"},
    {"scaffold", "diff"},
    {"cli_schedule", "cli_discipline", "cli_init", "cli_diff", "cli_quota"},
    {"cli", "__init__", "__main__"},
]


def _layer(module: str) -> int:
    for index, layer in enumerate(LAYERS):
        if module in layer:
            return index
    raise AssertionError(f"module {module} is in no layer of tests/test_package.py")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("edaran"):
            if node.module == "edaran":
                found.update(alias.name for alias in node.names)
            else:
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("edaran."))
    return found


def test_all_is_sorted_and_complete() -> None:
    assert edaran.__all__ == sorted(edaran.__all__)
    public = {
        name
        for name, value in vars(edaran).items()
        if not name.startswith("_") and not inspect.ismodule(value)
    }
    assert public == set(edaran.__all__)


def test_every_public_name_has_a_docstring() -> None:
    for name in edaran.__all__:
        value = getattr(edaran, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert inspect.getdoc(value), name


def test_imports_point_one_way() -> None:
    for path in sorted(SRC.glob("*.py")):
        here = _layer(path.stem)
        for imported in _imports(path):
            assert _layer(imported) <= here, f"{path.name} (layer {here}) imports {imported}"


def test_the_parser_never_imports_a_backend_or_the_schema() -> None:
    assert not _imports(SRC / "parser.py") & {
        "schema",
        "interpreter",
        "compiler",
        "engine",
        "checker",
    }
    assert not _imports(SRC / "interpreter.py") & {"parser", "checker", "compiler"}
