"""The disk cache of the tagger's catalogue index: read back equal to a fresh build, rebuilt
when damaged or foreign, never written when turned off."""

from __future__ import annotations

import ast
import logging
from pathlib import Path

import pytest

from bot.text.regions import gazetteer as gazetteer_module
from bot.text.regions import index_cache
from bot.text.regions.index_cache import cache_dir, load_or_build, source_key


class Built:
    def __init__(self, value: int) -> None:
        self.value = value


def counting(calls: list[int]) -> Built:
    calls.append(1)
    return Built(len(calls))


def test_built_once_then_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSBOT_CACHE_DIR", str(tmp_path))
    calls: list[int] = []
    first = load_or_build(Built, lambda: counting(calls))
    second = load_or_build(Built, lambda: counting(calls))
    assert len(calls) == 1
    assert second is not first and second.value == first.value == 1
    assert [p.name for p in tmp_path.iterdir()] == [f"regions-index-{source_key()}.pickle"]


def test_damaged_or_foreign_file_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("NEWSBOT_CACHE_DIR", str(tmp_path))
    path = tmp_path / f"regions-index-{source_key()}.pickle"
    path.write_bytes(b"not a pickle")
    calls: list[int] = []
    with caplog.at_level(logging.WARNING):
        assert load_or_build(Built, lambda: counting(calls)).value == 1
    assert "unreadable" in caplog.text
    # a readable file of another kind (an older layout) is not trusted either
    load_or_build(dict, dict)
    assert load_or_build(Built, lambda: counting(calls)).value == 2


def test_old_files_are_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSBOT_CACHE_DIR", str(tmp_path))
    stale = tmp_path / "regions-index-0123456789abcdef0123.pickle"
    stale.write_bytes(b"old")
    load_or_build(Built, lambda: Built(1))
    assert not stale.exists()


def test_turned_off_and_unwritable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSBOT_CACHE_DIR", "")
    assert cache_dir() is None
    calls: list[int] = []
    load_or_build(Built, lambda: counting(calls))
    load_or_build(Built, lambda: counting(calls))
    assert len(calls) == 2
    blocker = tmp_path / "file"
    blocker.write_text("a file where the directory should be")
    monkeypatch.setenv("NEWSBOT_CACHE_DIR", str(blocker / "sub"))
    assert load_or_build(Built, lambda: counting(calls)).value == 3  # built, not cached


def test_cached_index_equals_a_fresh_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSBOT_CACHE_DIR", str(tmp_path))
    gazetteer = gazetteer_module.gazetteer
    gazetteer.cache_clear()
    try:
        built = gazetteer()  # nothing cached in tmp_path: built, then written
        assert len(list(tmp_path.glob("regions-index-*.pickle"))) == 1
        gazetteer.cache_clear()
        read = gazetteer()
    finally:
        gazetteer.cache_clear()
    assert read is not built and read == built
    assert read.single_words and read.by_first.keys() == built.by_first.keys()


def test_every_module_the_index_is_built_from_keys_it() -> None:
    # The index is what gazetteer.py builds from the modules it imports (and theirs): a
    # change to any of them must change the key, or a stale index would be read.
    text = Path(index_cache.__file__).resolve().parent.parent
    seen: set[str] = set()
    todo = ["regions/gazetteer.py"]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        tree = ast.parse((text / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("bot.text."):
                module = (node.module or "").removeprefix("bot.text.").replace(".", "/")
                if (text / module).is_dir():  # «from bot.text.regions import lexicon»
                    names = [f"{module}/{alias.name}" for alias in node.names]
                else:
                    names = [module]
                todo += [f"{n}.py" for n in names if n != "regions/index_cache"]
    assert seen <= set(index_cache._SOURCES)
