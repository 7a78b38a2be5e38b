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

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.emulator import Emulator
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


@pytest.fixture
async def bot_app(emulator: Emulator, tmp_path: Path) -> AsyncIterator[BotAppFactory]:
    """``await bot_app(**sections)``: the app polling ``emulator``, stopped after the test.

    Each call gets its own database file unless ``storage={"path": ...}`` names one (a
    restart over the same data).
    """
    started: list[RunningApp] = []

    async def factory(**sections: object) -> RunningApp:
        assert emulator.base_url is not None
        db_path = tmp_path / f"bot{len(started)}.sqlite3"
        running = await start_app(make_settings(emulator.base_url, db_path, **sections), emulator)
        started.append(running)
        return running

    try:
        yield factory
    finally:
        for running in reversed(started):
            await running.stop()
