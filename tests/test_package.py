"""The package's shape: one folder per layer, imports that point down, sorted faces."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import edaran

SRC = Path(edaran.__file__).parent

#: The packages, lowest layer first.  A module may import from a package of a
#: lower layer, or from its own package; packages of one layer never import
#: each other.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"messages"}),
    frozenset({"core"}),
    frozenset({"model"}),
    frozenset({"io", "lang"}),
    frozenset({"engine"}),
    frozenset({"scheduling", "variants"}),
    frozenset({"discipline", "quota", "population"}),
    frozenset({"report"}),
    frozenset({"testing"}),
    frozenset({"review"}),
    frozenset({"service", "authoring"}),
    frozenset({"cli"}),
    frozenset({"__init__", "__main__"}),
)
#: The only modules at the top of the package: the front door.
FRONT = {"__init__", "__main__"}


def _module_name(path: Path, root: Path = SRC) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules(root: Path = SRC) -> dict[str, Path]:
    return {_module_name(p, root): p for p in sorted(root.rglob("*.py"))}


def imports_of(path: Path, known: set[str], name: str | None = None) -> set[str]:
    """The edaran modules ``path`` imports (at any depth of the file, lazily or not)."""
    name = name or _module_name(path)
    is_package = path.name == "__init__.py"

    def resolve(target: str) -> str:
        while target and target not in known:
            target = target.rpartition(".")[0]
        return target

    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            # 'from edaran.lang import ir' imports the module ir; 'import Circular' the face
            targets = [resolve(f"{module}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Import):
            targets = [resolve(alias.name) for alias in node.names]
        found.update(t for t in targets if t.startswith("edaran") and t != name)
    return found


def package_of(module: str) -> str:
    """``edaran.lang.checks.limits`` -> ``lang``; ``edaran`` -> ``__init__``."""
    parts = module.split(".")
    if len(parts) == 1:
        return "__init__"
    return parts[1]


def layer_of(package: str) -> int:
    for index, layer in enumerate(LAYERS):
        if package in layer:
            return index
    raise AssertionError(f"package {package!r} is in no layer of tests/test_package.py")


def layering_problems(root: Path = SRC) -> list[str]:
    """Every import that points up or sideways, and every cycle inside a package."""
    modules = _modules(root)
    known = set(modules)
    graph = {name: imports_of(path, known, name) for name, path in modules.items()}
    problems = []
    for name, targets in sorted(graph.items()):
        here = package_of(name)
        for target in sorted(targets):
            there = package_of(target)
            if there == here:
                continue
            if layer_of(there) >= layer_of(here):
                problems.append(f"{name} (layer {layer_of(here)}) imports {target}")
    for cycle in cycles(graph):
        problems.append("cycle: " + " -> ".join(cycle))
    return problems


def cycles(graph: dict[str, set[str]]) -> Iterator[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    counter = [0]

    def visit(v: str) -> Iterator[list[str]]:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in graph:
                continue
            if w not in index:
                yield from visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                yield sorted(component)

    for v in sorted(graph):
        if v not in index:
            yield from visit(v)


def test_only_the_front_door_lies_at_the_top() -> None:
    assert {p.stem for p in SRC.glob("*.py")} == FRONT


def test_every_package_is_in_a_layer() -> None:
    packages = {p.parent.name for p in SRC.glob("*/__init__.py")}
    assert packages == {name for layer in LAYERS for name in layer} - FRONT


def test_imports_point_down_and_no_package_has_a_cycle() -> None:
    assert layering_problems() == []


def test_the_layering_test_catches_a_back_edge_and_a_cycle(tmp_path: Path) -> None:
    """The check above can fail: on a copy of the package with one bad import each."""
    copy = tmp_path / "edaran"
    for path in SRC.rglob("*.py"):
        target = copy / path.relative_to(SRC)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    core = copy / "core" / "types.py"
    core.write_text(core.read_text() + "\nfrom edaran.engine import Circular\n")
    decision = copy / "engine" / "decision.py"
    decision.write_text(decision.read_text() + "\nfrom edaran.engine.circular import Circular\n")
    problems = layering_problems(copy)
    assert "edaran.core.types (layer 1) imports edaran.engine" in problems
    assert any(p.startswith("cycle: ") and "edaran.engine.decision" in p for p in problems)


def test_no_module_reaches_into_another_packages_private_names() -> None:
    modules = _modules()
    offences = []
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not (node.module or "").startswith("edaran"):
                continue
            module = node.module or ""
            if package_of(module) == package_of(name):
                continue
            private = [a.name for a in node.names if a.name.startswith("_")]
            hidden = [p for p in module.split(".") if p.startswith("_")]
            if private or hidden:
                offences.append(f"{name}: from {module} import {', '.join(private) or '...'}")
    assert offences == []


def _isort(name: str) -> tuple[int, str]:
    """The order ruff keeps ``__all__`` in: constants, then classes, then functions."""
    return (0 if name.isupper() else 1 if name[:1].isupper() else 2, name)


def _faces() -> Iterator[tuple[str, object]]:
    yield "edaran", edaran
    for info in pkgutil.walk_packages(edaran.__path__, "edaran."):
        if info.ispkg:
            yield info.name, importlib.import_module(info.name)


@pytest.mark.parametrize(
    ("name", "face"), list(_faces()), ids=lambda x: x if isinstance(x, str) else ""
)
def test_each_face_has_a_sorted_complete_all(name: str, face: object) -> None:
    names = getattr(face, "__all__", None)
    assert names is not None, f"{name} has no __all__"
    assert list(names) == sorted(names, key=_isort), name
    public = {
        n
        for n, value in vars(face).items()
        if not n.startswith("_") and not inspect.ismodule(value) and n != "annotations"
    }
    # A face may load a name on first use (PEP 562 __getattr__): it must then resolve.
    lazy = set(names) - public
    assert all(getattr(face, n, None) is not None for n in lazy), name
    assert public <= set(names), name


def test_every_public_name_has_a_docstring() -> None:
    for name in edaran.__all__:
        value = getattr(edaran, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert inspect.getdoc(value), name


def test_the_parser_never_imports_a_backend_or_the_schema() -> None:
    modules = _modules()
    known = set(modules)
    parser = imports_of(modules["edaran.lang.parser"], known)
    assert not {m for m in parser if m.startswith(("edaran.engine", "edaran.lang.schema"))}
    interpreter = imports_of(modules["edaran.engine.interpreter"], known)
    assert not {
        m for m in interpreter if m.startswith(("edaran.lang.parser", "edaran.lang.checker"))
    }
    assert "edaran.engine.compiler" not in interpreter


def test_the_checker_reads_no_files() -> None:
    modules = _modules()
    known = set(modules)
    checker = {
        target
        for name, path in modules.items()
        if name.startswith(("edaran.lang.checker", "edaran.lang.checks"))
        for target in imports_of(path, known)
    }
    assert not checker & {"edaran.lang.variants", "edaran.lang.parser"}
