"""The shape of the code: no import circle anywhere, no private attributes of aiogram.

The layer contracts themselves are import-linter's (``[tool.importlinter]`` in
pyproject.toml, run by ``make check``); this module checks what a contract cannot say.
Imports inside functions count: grimp reads every import statement.
"""

from __future__ import annotations

import ast
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "handlers", "storage")


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    modules = sorted(graph.modules)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.find_modules_directly_imported_by(v):
            if w not in index:
                visit(w)
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
                found.append(sorted(component))

    for module in modules:
        if module not in index:
            visit(module)
    return found


def test_no_import_circle() -> None:
    """No two modules of the project import each other, directly or around a loop."""
    graph = grimp.build_graph(*PACKAGES)
    assert _cycles(graph) == []


def test_cycle_finder_sees_a_circle() -> None:
    """The check above can fail: a graph with a loop is reported."""
    graph = grimp.ImportGraph()
    for name in ("pkg", "pkg.a", "pkg.b", "pkg.c"):
        graph.add_module(name)
    graph.add_import(importer="pkg.a", imported="pkg.b")
    graph.add_import(importer="pkg.b", imported="pkg.c")
    graph.add_import(importer="pkg.c", imported="pkg.a")
    assert _cycles(graph) == [["pkg.a", "pkg.b", "pkg.c"]]


def _own_private_names(sources: list[str]) -> set[str]:
    """Private names the project defines itself: ``self._x = ...`` and ``def _x``."""
    names: set[str] = set()
    for source in sources:
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith(
                "_"
            ):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                if isinstance(node.value, ast.Name) and node.value.id == "self":
                    names.add(node.attr)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.add(node.target.id)
    return names


# namedtuple's public methods start with an underscore to avoid clashing with field names.
_NAMEDTUPLE_API = frozenset({"_replace", "_asdict", "_fields", "_make", "_field_defaults"})


def _private_uses(source: str, own: set[str]) -> list[str]:
    """Attribute uses like ``x._name`` of a private name the project does not define."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and node.attr not in own
            and node.attr not in _NAMEDTUPLE_API
        ):
            out.append(ast.unparse(node))
    return out


def test_no_private_attributes_of_libraries() -> None:
    """Application code reaches into no library object's private attributes."""
    files = [p for package in PACKAGES for p in (ROOT / package).rglob("*.py")]
    sources = {p: p.read_text(encoding="utf-8") for p in files}
    own = _own_private_names(list(sources.values()))
    offenders = {
        str(p.relative_to(ROOT)): uses
        for p, src in sources.items()
        if (uses := _private_uses(src, own))
    }
    assert offenders == {}


def test_private_use_detector() -> None:
    """The detector flags ``router._parent_router`` and lets the project's own names pass."""
    source = (
        "class A:\n    def __init__(self):\n        self._lock = 1\n"
        "router._parent_router = None\na._lock"
    )
    own = _own_private_names([source])
    assert _private_uses(source, own) == ["router._parent_router"]


def _imported_modules(source: str) -> set[str]:
    """Every module an ``import`` or ``from ... import`` names (inside functions too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_test_modules_import_only_support_code() -> None:
    """No test module (nor tests/support) imports a test module or conftest: helpers and
    fakes live in tests/support, fixtures in conftest.py."""
    tests_dir = ROOT / "tests"
    offenders = {
        str(path.relative_to(ROOT)): sorted(bad)
        for path in tests_dir.rglob("*.py")
        if (
            bad := {
                m
                for m in _imported_modules(path.read_text(encoding="utf-8"))
                if m == "tests.conftest" or m.startswith("tests.test_")
            }
        )
    }
    assert offenders == {}
    assert _imported_modules("from tests.test_x import y\nimport tests.conftest") == {
        "tests.test_x",
        "tests.conftest",
    }
