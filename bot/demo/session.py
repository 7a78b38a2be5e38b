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
LANGUAGES = ("ru", "en")

# The demo's own lines (the bot's answers follow the demo user's language by themselves).
NOTES = {
    "ru": {
        "intro": (
            "{head}: настоящий бот, локальный эмулятор Telegram и демонстрационные ленты.\n"
            "Пишите как в Telegram: /start, /subscribe Хакасия, /latest, /events, "
            "/search форум;\n@запрос — inline-режим; число — нажать кнопку; "
            "/publish — опубликовать свежую новость; /lang en — по-английски; /quit — выход.\n\n"
        ),
        "soon": "(демо: через {s} с в ленте появится новость из Хакасии — придёт пуш; "
        "/publish — сразу)",
        "published": "(демо: в ленте «Правительство Республики Хакасия» опубликована новость)",
        "none_left": "(демо: свежие новости закончились — все {n} уже опубликованы)",
        "lang": "(демо: язык пользователя — {lang}; /lang ru или /lang en)",
        "bye": "Демо завершено.\n",
    },
    "en": {
        "intro": (
            "{head}: the real bot, a local Telegram emulator and sample feeds.\n"
            "Type as in Telegram: /start, /subscribe Khakassia, /latest, /events, "
            "/search forum;\n@query — inline mode; a number presses a button; "
            "/publish — publish a fresh item; /lang ru — in Russian; /quit — exit.\n\n"
        ),
        "soon": "(demo: in {s} s a news item from Khakassia appears in a feed and its push "
        "arrives; /publish — now)",
        "published": "(demo: a news item was published in the feed of the Khakassia government)",
        "none_left": "(demo: no fresh items left — all {n} are published)",
        "lang": "(demo: the user's language is {lang}; /lang ru or /lang en)",
        "bye": "Demo finished.\n",
    },
}


def demo_settings(base: Settings, api_base: str, feeds: list[str], workdir: Path) -> Settings:
    """The demo's settings: the user's config, with the emulator, a temp DB and demo feeds."""
    data = base.model_dump(mode="python")
    data["telegram"] |= {"token": DEMO_TOKEN, "api_base": api_base, "admins": [DEMO_USER],
                         "polling_timeout": 2}  # fmt: skip
    data["storage"] |= {"path": workdir / "demo.sqlite3"}
    # Article pages come from the demo's own server: no need to pace them a second apart.
    data["ingest"] |= {"poll_interval_seconds": 30, "page_delay_seconds": 0.05}
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


async def run_demo(settings: Settings, *, out: TextIO | None = None, lang: str = "ru") -> int:
    """The demo; ``lang`` is the demo user's Telegram language (``ru`` or ``en``; ``/lang``
    switches it)."""
    out = out or sys.stdout
    lang = lang if lang in LANGUAGES else "ru"
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
            name = "Демо" if lang == "ru" else "Demo"
            head = f"{BOLD}{name}{RESET}" if color else name
            out.write(NOTES[lang]["intro"].format(head=head))
            out.flush()
            while True:
                if publish_at is None and await _has_subscription(app):
                    publish_at = loop.time() + PUBLISH_AFTER_SECONDS
                    chat.note(NOTES[lang]["soon"].format(s=f"{PUBLISH_AFTER_SECONDS:.0f}"))
                if publish_at is not None and not feeds.published and loop.time() >= publish_at:
                    await _publish(feeds, app, chat, lang)
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
                if line == "/publish":  # every time: the next fresh item
                    await _publish(feeds, app, chat, lang)
                    await chat.settle(limit=20)
                elif line.split()[0] == "/lang" and len(line.split()) <= 2:
                    wanted = line.split()[1].lower() if len(line.split()) == 2 else ""
                    lang = wanted if wanted in LANGUAGES else lang
                    chat.language = lang
                    chat.note(NOTES[lang]["lang"].format(lang=lang))
                elif line.isdigit():
                    await chat.press(int(line))
                    await chat.settle()
                elif line.startswith("@"):
                    await chat.inline(line[1:].strip())
                else:
                    emulator.user_message(DEMO_USER, line, first_name="Демо", language_code=lang)
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
    out.write(NOTES[lang]["bye"])
    return 0


async def _has_subscription(app: App) -> bool:
    subs = await app.repos.subscriptions.list_for_chat(DEMO_USER)
    return bool(subs)


async def _publish(feeds: DemoFeeds, app: App, chat: TerminalChat, lang: str) -> None:
    if not feeds.publish():
        chat.note(NOTES[lang]["none_left"].format(n=feeds.published))
        return
    chat.note(NOTES[lang]["published"])
    await app.poll_now()
    await chat.settle(limit=20)
