"""The demo session: emulator, feeds, the real app and the terminal chat, run together."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import tempfile
import threading
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TextIO

from aiogram.exceptions import TelegramAPIError

from bot.app import App, build_app
from bot.config import Settings
from bot.demo.chat import DEMO_USER, TerminalChat
from bot.demo.feeds import DemoFeeds
from bot.demo.terminal import BOLD, RESET
from bot.emulator import Emulator
from bot.errors import StorageError

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
        "soon": "(демо: через {s} с в ленте появится новость из Хакасии — её пуш придёт "
        "подписчикам Хакасии; /publish — сразу)",
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
        "soon": "(demo: in {s} s a news item from Khakassia appears in a feed, and its push "
        "goes to Khakassia's subscribers; /publish — now)",
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
    # The demo's feeds and article pages are served from 127.0.0.1, with no need to pace
    # the pages a second apart.
    data["ingest"] |= {
        "poll_interval_seconds": 30,
        "page_delay_seconds": 0.05,
        "allow_private_addresses": True,
    }
    data["sources"] = [{"url": url} for url in feeds]
    return Settings(**data)


QUIT = frozenset({"/quit", "/exit"})
STOP_SECONDS = 5.0  # at most this long for the app to stop polling at the end


def decode_line(raw: bytes) -> str:
    """One line of input as text: broken UTF-8 (a pasted line cut mid-character) becomes
    U+FFFD instead of ending the demo, and never reaches the emulator as a surrogate."""
    return raw.decode("utf-8", errors="replace").rstrip("\r\n")


def start_reader(fd: int, queue: asyncio.Queue[str | None]) -> threading.Thread:
    """Read lines from the file descriptor ``fd`` in a daemon thread; None at the end.

    A daemon thread, not the loop's executor: a blocked read must not keep the process
    alive after /quit (the executor is joined when the loop closes). It reads the
    descriptor itself, not ``sys.stdin``: a thread blocked inside the buffered stdin holds
    its lock, and the interpreter could not close stdin at exit.
    """
    loop = asyncio.get_running_loop()

    def put(item: str | None) -> None:
        with contextlib.suppress(RuntimeError):  # the loop is closed: the demo has ended
            loop.call_soon_threadsafe(queue.put_nowait, item)

    def read() -> None:
        pending = b""
        try:
            while chunk := os.read(fd, 65536):
                pending += chunk
                *complete, pending = pending.split(b"\n")
                for raw in complete:
                    put(decode_line(raw))
        except OSError:  # the descriptor was closed under us
            pass
        if pending:
            put(decode_line(pending))
        put(None)

    thread = threading.Thread(target=read, name="demo-stdin", daemon=True)
    thread.start()
    return thread


async def run_demo(
    settings: Settings,
    *,
    out: TextIO | None = None,
    stdin_fd: int | None = None,
    interactive: bool | None = None,
    lang: str = "ru",
) -> int:
    """The demo; ``lang`` is the demo user's Telegram language (``ru`` or ``en``; ``/lang``
    switches it)."""
    out = out or sys.stdout
    lang = lang if lang in LANGUAGES else "ru"
    color = out.isatty()
    if interactive is None:
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
        start_reader(sys.stdin.fileno() if stdin_fd is None else stdin_fd, lines)
        waiting: list[str | None] = []  # lines typed while an answer was pending
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
                due = publish_at is not None and not feeds.published and loop.time() >= publish_at
                if due:
                    publishing = _publish(feeds, app, chat, lang)
                    if await _step(publishing, interactive, lines, waiting):
                        break
                if waiting:
                    line = waiting.pop(0)
                else:
                    try:
                        line = await asyncio.wait_for(lines.get(), 0.3)
                    except TimeoutError:
                        chat.show_new()
                        continue
                if line is None or line.strip() in QUIT:
                    break
                line = line.strip()
                if not line:
                    continue
                if not interactive:
                    out.write(f"вы: {line}\n")
                words = line.split()
                if words and words[0] == "/lang" and len(words) <= 2:
                    wanted = words[1].lower() if len(words) == 2 else ""
                    lang = wanted if wanted in LANGUAGES else lang
                    chat.language = lang
                    chat.note(NOTES[lang]["lang"].format(lang=lang))
                    continue
                step = _handle(line, app, emulator, feeds, chat, lang=lang)
                if await _step(step, interactive, lines, waiting):
                    break  # /quit (or Ctrl-D) while an answer was pending: stop at once
        finally:
            await _shutdown(app, polling)
            await feeds.stop()
            await emulator.stop()
    out.write(NOTES[lang]["bye"])
    return 0


async def _handle(
    line: str, app: App, emulator: Emulator, feeds: DemoFeeds, chat: TerminalChat, *, lang: str
) -> None:
    """One line typed by the person: a command to the demo, a button, inline, a message."""
    if line == "/publish":  # every time: the next fresh item
        await _publish(feeds, app, chat, lang)
        await chat.settle(limit=20)
    elif line.isascii() and line.isdigit() and len(line) <= 3:
        await chat.press(int(line))
        await chat.settle()
    elif line.startswith("@"):
        await chat.inline(line[1:].strip())
    else:
        emulator.user_message(DEMO_USER, line, first_name="Демо", language_code=lang)
        chat.last_keyboard = None
        chat.inline_results = []
        await chat.settle()


async def _step(
    step: Coroutine[Any, Any, None],
    interactive: bool,
    lines: asyncio.Queue[str | None],
    waiting: list[str | None],
) -> bool:
    """Run one step of the demo; True when the person quit meanwhile.

    A script (input not a terminal) runs line by line, its /quit last. A person at the
    terminal may type /quit (or press Ctrl-D) while an answer is pending: the step is
    cancelled and the demo ends at once; other lines typed meanwhile wait in ``waiting``.
    """
    work = asyncio.create_task(step)
    if not interactive:
        await work
        return False
    while not work.done():
        getter = asyncio.create_task(lines.get())
        await asyncio.wait({work, getter}, return_when=asyncio.FIRST_COMPLETED)
        if not getter.done():
            getter.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await getter
            break
        line = getter.result()
        if line is None or line.strip() in QUIT:
            work.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await work
            return True
        waiting.append(line)
    work.result()  # its own error, if it failed
    return False


async def _shutdown(app: App, polling: asyncio.Task[None]) -> None:
    """Stop the app; if it does not stop in time (a Bot API that keeps failing), cancel it."""
    app.stop()
    try:
        await asyncio.wait_for(asyncio.shield(polling), STOP_SECONDS)
    except TimeoutError:
        polling.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await polling
        with contextlib.suppress(ValueError, OSError):  # parts already closed
            await app.close()
    except (TelegramAPIError, OSError, StorageError) as exc:  # the demo is ending anyway
        chat_note = f"(демо: бот остановился с ошибкой: {exc})"
        sys.stderr.write(chat_note + "\n")


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
