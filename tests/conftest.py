"""Shared fixtures: the Bot API emulator, a feed server, and the real app polling against it.

End-to-end tests use the real aiogram ``Bot`` and ``Dispatcher`` (built by
``bot.app.build_app``, the function ``python -m bot run`` uses), a real SQLite file,
a real APScheduler, and the project's emulator over HTTP on 127.0.0.1. ``bot_app`` is the
one way tests start the app; helpers live in ``tests/support``.

    async def test_x(bot_app: BotAppFactory) -> None:
        running = await bot_app()                  # or bot_app(delivery={...}, ingest={...})
        reply = await running.say("/start")        # a user writes; the bot's new messages
        assert "Здравствуйте" in reply[0]["text"]

A test that needs another emulator (a subclass with different faults) asks for it with
``@pytest.mark.parametrize("emulator", [MyEmulator], indirect=True)``; ``bot_app`` then
polls that one.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.emulator import Emulator
from tests.pg import BACKENDS, fresh_database
from tests.support.apps import BotAppFactory, RunningApp, make_settings, start_app
from tests.support.feeds import FeedServer


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never pick up a developer's token or config from the environment."""
    monkeypatch.delenv("BOT_TOKEN", raising=False)
    monkeypatch.delenv("BOT_CONFIG", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("WEBHOOK_SECRET", raising=False)


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    """A local HTTP server for feeds and pages (:class:`tests.support.feeds.FeedServer`)."""
    srv = FeedServer()
    await srv.start()
    try:
        yield srv
    finally:
        await srv.stop()


@pytest.fixture
async def emulator(request: pytest.FixtureRequest) -> AsyncIterator[Emulator]:
    """The Bot API emulator on a free port (``Emulator``, or the class given indirectly)."""
    cls: type[Emulator] = getattr(request, "param", Emulator)
    emu = cls()
    await emu.start("127.0.0.1", 0)
    try:
        yield emu
    finally:
        await emu.stop()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The storage every app of the test runs on: each end-to-end test runs on both."""
    return str(request.param)


class _Factory:
    """The one way tests start the app (see :class:`tests.support.apps.BotAppFactory`)."""

    def __init__(self, emulator: Emulator, tmp_path: Path, backend: str) -> None:
        self.emulator = emulator
        self.tmp_path = tmp_path
        self.backend = backend
        self.started: list[RunningApp] = []
        self.databases: dict[str, str] = {}  # a path -> its PostgreSQL database's URL
        self.stack = contextlib.AsyncExitStack()

    async def storage_for(self, path: str | Path) -> str:
        if self.backend == "sqlite":
            return str(path)
        key = str(path)
        if key not in self.databases:
            self.databases[key] = await self.stack.enter_async_context(fresh_database())
        return self.databases[key]

    async def __call__(self, **sections: Any) -> RunningApp:
        assert self.emulator.base_url is not None
        storage: dict[str, Any] = dict(sections.pop("storage", {}))
        storage.setdefault("path", str(self.tmp_path / f"bot{len(self.started)}.sqlite3"))
        if self.backend == "postgresql":
            storage["url"] = await self.storage_for(storage["path"])
        settings = make_settings(
            self.emulator.base_url, Path(storage["path"]), storage=storage, **sections
        )
        running = await start_app(settings, self.emulator)
        self.started.append(running)
        return running

    async def close(self) -> None:
        for running in reversed(self.started):
            await running.stop()
        await self.stack.aclose()


@pytest.fixture
async def bot_app(emulator: Emulator, tmp_path: Path, backend: str) -> AsyncIterator[BotAppFactory]:
    """``await bot_app(**sections)``: the app polling ``emulator`` on ``backend``, stopped
    after the test. Each call gets its own database unless ``storage={"path": ...}`` names
    one (a restart over the same data)."""
    factory = _Factory(emulator, tmp_path, backend)
    try:
        yield factory
    finally:
        await factory.close()
