"""The demo session: emulator, feeds, the real app and the terminal chat, run together."""

from __future__ import annotations

import asyncio
import contextlib
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from bot.app import App, build_app
from bot.config import Settings
from bot.demo.chat import DEMO_USER, TerminalChat
from bot.demo.feeds import DemoFeeds
from bot.demo.terminal import BOLD, RESET
from bot.emulator import Emulator

DEMO_TOKEN = "100500:DEMO"  # noqa: S105 - the emulator accepts any token
PUBLISH_AFTER_SECONDS = 15.0


def demo_settings(base: Settings, api_base: str, feeds: list[str], workdir: Path) -> Settings:
    """The demo's settings: the user's config, with the emulator, a temp DB and demo feeds."""
    data = base.model_dump(mode="python")
    data["telegram"] |= {"token": DEMO_TOKEN, "api_base": api_base, "admins": [DEMO_USER],
                         "polling_timeout": 2}  # fmt: skip
    data["storage"] |= {"path": workdir / "demo.sqlite3"}
    # The demo's feeds are served from 127.0.0.1.
    data["ingest"] |= {"poll_interval_seconds": 30, "allow_private_addresses": True}
    data["sources"] = [{"url": url} for url in feeds]
    return Settings(**data)


async def _read_lines(queue: asyncio.Queue[str | None]) -> None:
    loop = asyncio.get_running_loop()
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            await queue.put(None)
            return
        await queue.put(line.rstrip("\n"))


async def run_demo(settings: Settings, *, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    color = out.isatty()
    interactive = sys.stdin.isatty()
    emulator = Emulator(token=DEMO_TOKEN)
    feeds = DemoFeeds()
    with tempfile.TemporaryDirectory(prefix="newsbot-demo-") as tmp:
        api_base = await emulator.start("127.0.0.1", 0)
        await feeds.start()
        app = await build_app(demo_settings(settings, api_base, feeds.urls(), Path(tmp)))
        polling = asyncio.create_task(app.run_polling(handle_signals=False))
        chat = TerminalChat(emulator, out, color)
        publish_at: float | None = None
        loop = asyncio.get_running_loop()
        lines: asyncio.Queue[str | None] = asyncio.Queue()
        reader = asyncio.create_task(_read_lines(lines))
        try:
            await app.poll_now()
            head = f"{BOLD}Демо{RESET}" if color else "Демо"
            out.write(
                f"{head}: настоящий бот, локальный эмулятор Telegram и демонстрационные ленты.\n"
                "Пишите как в Telegram: /start, /subscribe Хакасия, /latest, /events, "
                "/search форум;\n@запрос — inline-режим; число — нажать кнопку; "
                "/publish — опубликовать свежую новость; /quit — выход.\n\n"
            )
            out.flush()
            while True:
                if publish_at is None and await _has_subscription(app):
                    publish_at = loop.time() + PUBLISH_AFTER_SECONDS
                    chat.note(f"(демо: через {PUBLISH_AFTER_SECONDS:.0f} с в ленте появится "
                              "новость из Хакасии — придёт пуш; /publish — сразу)")  # fmt: skip
                if publish_at is not None and not feeds.published and loop.time() >= publish_at:
                    await _publish(feeds, app, chat)
                try:
                    line = await asyncio.wait_for(lines.get(), 0.3)
                except TimeoutError:
                    chat.show_new()
                    continue
                if line is None or line.strip() in ("/quit", "/exit"):
                    break
                line = line.strip()
                if not line:
                    continue
                if not interactive:
                    out.write(f"вы: {line}\n")
                if line == "/publish":
                    if not feeds.published:
                        await _publish(feeds, app, chat)
                    await chat.settle(limit=20)
                elif line.isascii() and line.isdigit() and len(line) <= 3:
                    await chat.press(int(line))
                    await chat.settle()
                elif line.startswith("@"):
                    await chat.inline(line[1:].strip())
                else:
                    emulator.user_message(DEMO_USER, line, first_name="Демо", language_code="ru")
                    chat.last_keyboard = None
                    chat.inline_results = []
                    await chat.settle()
        finally:
            reader.cancel()
            app.stop()
            with contextlib.suppress(asyncio.CancelledError):
                await polling
            await feeds.stop()
            await emulator.stop()
    out.write("Демо завершено.\n")
    return 0


async def _has_subscription(app: App) -> bool:
    subs = await app.repos.subscriptions.list_for_chat(DEMO_USER)
    return bool(subs)


async def _publish(feeds: DemoFeeds, app: App, chat: TerminalChat) -> None:
    feeds.published = True
    chat.note("(демо: в ленте «Правительство Республики Хакасия» опубликована новость)")
    await app.poll_now()
    await chat.settle(limit=20)
