"""The app under test: built by ``bot.app.build_app`` (what ``python -m bot run`` uses) from
settings made by :func:`make_settings`, polling the Bot API emulator; :class:`RunningApp`
acts as a Telegram user. Tests get it through the ``bot_app`` fixture (``tests/conftest.py``).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from bot.config import Settings
from bot.emulator import Emulator

if TYPE_CHECKING:
    from bot.app import App  # aiogram is heavy: imported when an app starts

TOKEN = "123456:TEST-token"
USER_ID = 1001  # a Russian-speaking user
EN_USER_ID = 1002  # an English-speaking user
ADMIN_ID = 4242  # listed in telegram.admins by default

JSON = dict[str, Any]


def make_settings(base_url: str, db_path: Path, **sections: Any) -> Settings:
    """Settings for a test app: the emulator as api_base, a temp DB, ADMIN_ID as admin."""
    telegram: JSON = {"token": TOKEN, "api_base": base_url, "admins": [ADMIN_ID]}
    telegram |= sections.pop("telegram", {})
    telegram.setdefault("polling_timeout", 1)
    # Feature tests act faster than people; tests/test_faults_delivery.py sets the real limit.
    telegram.setdefault("user_rate_per_second", 100)
    telegram.setdefault("user_burst", 100)
    storage: JSON = {"path": str(db_path)} | sections.pop("storage", {})
    # The fixtures' item links are not real pages: tests that read pages turn it on. Feeds
    # are served from 127.0.0.1: private addresses are allowed unless a test says otherwise
    # (the SSRF guard's tests pass ingest={"allow_private_addresses": False}).
    ingest: JSON = {"pages_per_poll": 0, "allow_private_addresses": True} | sections.pop(
        "ingest", {}
    )
    return Settings.model_validate(
        {"telegram": telegram, "storage": storage, "ingest": ingest, **sections}
    )


@dataclass
class RunningApp:
    """The real app polling the emulator, with helpers to act as a Telegram user."""

    app: App
    emulator: Emulator
    task: asyncio.Task[None]
    default_user: int = USER_ID
    timeout: float = 10.0

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
        """The bot's message ``message_id`` in ``chat_id`` as it is now (after edits)."""
        for msg in self.emulator.messages(chat_id):
            if msg["message_id"] == message_id:
                return msg
        raise KeyError(message_id)

    async def stop(self) -> None:
        """Stop polling and wait until the app has closed (idempotent)."""
        if not self.task.done():
            self.app.stop()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(self.task, 15)


class BotAppFactory(Protocol):
    """``await bot_app(**sections)``: sections of the config (``delivery={...}``,
    ``ingest={...}``, ``sources=[...]``, ``storage={"path": ...}``, ``telegram={...}``).

    ``backend`` is the storage the app runs on ("sqlite" or "postgresql"); ``await
    bot_app.storage_for(path)`` is what to open to prepare data before starting an app with
    ``storage={"path": path}`` (the file on SQLite; on PostgreSQL the database that path
    stands for, the same one each time)."""

    backend: str

    def __call__(self, **sections: Any) -> Awaitable[RunningApp]: ...

    async def storage_for(self, path: str | Path) -> str: ...


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
