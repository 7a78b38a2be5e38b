"""The emulator package's shape: modules import each other only downward."""

from __future__ import annotations

import ast
from collections.abc import AsyncIterator
from graphlib import CycleError, TopologicalSorter
from pathlib import Path
from typing import Any

import aiohttp
import pytest

import bot.emulator
from bot.emulator import ApiError, Emulator

PACKAGE = "bot.emulator"
ROOT = Path(bot.emulator.__file__).parent
TOKEN = "42:abc"


def modules() -> dict[str, ast.Module]:
    return {path.stem: ast.parse(path.read_text(encoding="utf-8")) for path in ROOT.glob("*.py")}


def imported(node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    return [node.module or ""]


def test_modules_form_no_import_circle() -> None:
    graph: dict[str, set[str]] = {}
    for name, tree in modules().items():
        deps = graph.setdefault(name, set())
        for node in ast.walk(tree):
            if not isinstance(node, (ast.Import, ast.ImportFrom)):
                continue
            for target in imported(node):
                assert not target.startswith("aiogram"), f"{name} imports aiogram"
                assert target != PACKAGE, f"{name} imports the package face, not a module"
                if target.startswith(f"{PACKAGE}."):
                    deps.add(target.removeprefix(f"{PACKAGE}."))
    assert graph["__init__"], "the package face re-exports from its modules"
    assert not any("__init__" in deps for deps in graph.values())
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as exc:
        pytest.fail(f"import circle: {exc.args[1]}")
    assert order.index("records") < order.index("world") < order.index("server")


def test_no_imports_inside_functions_or_type_checking_blocks() -> None:
    for name, tree in modules().items():
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.If)):
                for inner in ast.walk(node):
                    assert not isinstance(inner, (ast.Import, ast.ImportFrom)), (
                        f"{name}: import inside {type(node).__name__} at line {inner.lineno}"
                    )


def test_package_face_only_re_exports() -> None:
    tree = modules()["__init__"]
    kinds = {type(node) for node in tree.body}
    assert kinds <= {ast.Expr, ast.ImportFrom, ast.Assign}
    assert sorted(bot.emulator.__all__) == [
        "ApiError",
        "ControlError",
        "Emulator",
        "EmulatorClient",
        "EmulatorError",
        "MarkupError",
        "World",
        "parse_html",
        "serve_forever",
        "utf16_len",
    ]


class BareTooMany(Emulator):
    @staticmethod
    def fault_error(fault: Any, params: Any) -> ApiError:
        return ApiError(429, "Too Many Requests")


@pytest.fixture
async def bare() -> AsyncIterator[BareTooMany]:
    emulator = BareTooMany()
    await emulator.start()
    yield emulator
    await emulator.stop()


async def test_a_subclass_may_change_the_answer_of_a_fault(bare: BareTooMany) -> None:
    bare.user_message(7, "/start")
    bare.add_fault("429", method="sendMessage")
    async with aiohttp.ClientSession() as http:
        url = f"{bare.base_url}/bot{TOKEN}/sendMessage"
        async with http.post(url, json={"chat_id": 7, "text": "x"}) as resp:
            body = await resp.json()
    assert resp.status == 429
    assert body == {"ok": False, "error_code": 429, "description": "Too Many Requests"}
