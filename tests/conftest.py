"""Shared fixtures: the Bot API emulator and the real app polling against it.

End-to-end tests use the real aiogram ``Bot`` and ``Dispatcher`` (built by
``bot.app.build_app``, the function ``python -m bot run`` uses), a real SQLite file,
a real APScheduler, and the project's emulator over HTTP on 127.0.0.1.

    async def test_x(bot_app: BotAppFactory) -> None:
        running = await bot_app()                  # or bot_app(admins=(ADMIN,), delivery={...})
        reply = await running.say("/start")        # a user writes; the bot's new messages
        assert "Здравствуйте" in reply[0]["text"]
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import pytest

from bot.config import Settings
from bot.emulator import Emulator

TOKEN = "123456:TEST-token"
USER_ID = 1001  # a Russian-speaking user
EN_USER_ID = 1002  # an English-speaking user
ADMIN_ID = 4242  # listed in telegram.admins by default

JSON = dict[str, Any]


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never pick up a developer's token or config from the environment."""
    monkeypatch.delenv("BOT_TOKEN", raising=False)
    monkeypatch.delenv("BOT_CONFIG", raising=False)


@pytest.fixture
async def server() -> AsyncIterator[Any]:
    """A local HTTP server for feeds and pages (``tests.test_ingest_server.FeedServer``)."""
    from tests.test_ingest_server import FeedServer

    srv = FeedServer()
    await srv.start()
    try:
        yield srv
    finally:
        await srv.stop()


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    emu = Emulator()
    await emu.start("127.0.0.1", 0)
    try:
        yield emu
    finally:
        await emu.stop()


def make_settings(base_url: str, db_path: Path, **sections: Any) -> Settings:
    """Settings for a test app: the emulator as api_base, a temp DB, ADMIN_ID as admin."""
    telegram: JSON = {"token": TOKEN, "api_base": base_url, "admins": [ADMIN_ID]}
    telegram |= sections.pop("telegram", {})
    telegram.setdefault("polling_timeout", 1)
    storage: JSON = {"path": str(db_path)} | sections.pop("storage", {})
    # Feeds are served from 127.0.0.1 in tests: private addresses are allowed unless a test
    # says otherwise (the SSRF guard's tests pass ingest={"allow_private_addresses": False}).
    ingest: JSON = {"allow_private_addresses": True} | sections.pop("ingest", {})
    return Settings.model_validate(
        {"telegram": telegram, "storage": storage, "ingest": ingest, **sections}
    )


@dataclass
class RunningApp:
    """The real app polling the emulator, with helpers to act as a Telegram user."""

    app: Any  # bot.app.App (imported lazily: aiogram is heavy)
    emulator: Emulator
    task: asyncio.Task[None]
    default_user: int = USER_ID
    timeout: float = 10.0
    _seen: dict[int, int] = field(default_factory=dict)

    async def say(
        self,
        text: str,
        *,
        user_id: int | None = None,
        chat_id: int | None = None,
        expect: int = 1,
        language_code: str = "ru",
        **kwargs: Any,
    ) -> list[JSON]:
        """A user writes ``text``; returns the ``expect`` new messages the bot sent to the chat."""
        user = user_id if user_id is not None else self.default_user
        chat = chat_id if chat_id is not None else user
        before = len(self.emulator.messages(chat))
        if chat_id is not None and chat_id < 0:
            kwargs.setdefault("chat_type", "supergroup")
        self.emulator.user_message(
            user, text, chat_id=chat_id, language_code=language_code, **kwargs
        )
        found = await self.emulator.wait_messages(chat, before + expect, timeout=self.timeout)
        new = found[before:]
        assert len(new) >= expect, f"bot sent {len(new)} message(s) to {text!r}, expected {expect}"
        return new

    async def press(
        self,
        message: JSON,
        data: str,
        *,
        user_id: int | None = None,
        chat_id: int | None = None,
        language_code: str = "ru",
    ) -> JSON:
        """Press a button on a bot message; returns the answerCallbackQuery record."""
        user = user_id if user_id is not None else self.default_user
        chat = chat_id if chat_id is not None else user
        sent = self.emulator.press_button(
            user, chat, message["message_id"], data, language_code=language_code
        )
        return await self.emulator.callback_answer(sent["callback_query_id"], wait=self.timeout)

    async def inline(
        self, query: str, *, user_id: int | None = None, offset: str = "", language_code: str = "ru"
    ) -> JSON:
        """``@bot query``; returns the bot's answerInlineQuery record."""
        user = user_id if user_id is not None else self.default_user
        sent = self.emulator.inline_query(user, query, offset=offset, language_code=language_code)
        return await self.emulator.inline_answer(sent["inline_query_id"], wait=self.timeout)

    def message(self, chat_id: int, message_id: int) -> JSON:
        for msg in self.emulator.messages(chat_id):
            if msg["message_id"] == message_id:
                return msg
        raise KeyError(message_id)

    async def stop(self) -> None:
        if not self.task.done():
            self.app.stop()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(self.task, 15)


class BotAppFactory(Protocol):
    def __call__(self, **sections: Any) -> Awaitable[RunningApp]: ...


async def start_app(settings: Settings, emulator: Emulator) -> RunningApp:
    """Build the app as ``python -m bot run`` does and poll until it is listening."""
    from bot.app import build_app

    app = await build_app(settings)
    since = emulator.call_log()[-1]["seq"] if emulator.call_log() else 0
    task = asyncio.create_task(app.run_polling(handle_signals=False))
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 15
    while not emulator.call_log("getUpdates", since=since):
        if task.done():
            task.result()  # surface the startup error
        assert loop.time() < deadline, "the app never started polling"
        await asyncio.sleep(0.02)
    return RunningApp(app=app, emulator=emulator, task=task)


@pytest.fixture
async def bot_app(
    emulator: Emulator, tmp_path: Path
) -> AsyncIterator[Callable[..., Awaitable[RunningApp]]]:
    started: list[RunningApp] = []

    async def factory(**sections: Any) -> RunningApp:
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
