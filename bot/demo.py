"""``python -m bot demo``: the real bot, offline, with a chat in the terminal.

The real app (the same ``build_app`` as ``run``) polls the in-process Bot API
emulator; a local HTTP server serves sample feeds written for the demo; the person
types as a Telegram user and reads the bot's answers rendered for the terminal.
A little after the first subscription (or at ``/publish``) the demo publishes a new
item in a feed, and the push arrives like on a phone.

Lines: any text is sent as a message; a number presses that button of the last
keyboard; ``@words`` is an inline query (``@`` alone: personal results);
``/publish`` publishes the new item now; ``/quit`` or end of input stops.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any, TextIO

from aiohttp import web

from bot.app import App, build_app
from bot.config import Settings
from bot.emulator import Emulator
from bot.terminal import BOLD, DIM, RESET, buttons_of, render_message

DEMO_USER = 700100
DEMO_TOKEN = "100500:DEMO"  # noqa: S105 - the emulator accepts any token
PUBLISH_AFTER_SECONDS = 15.0
_MONTHS = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip


DEMO_DATA = Path(__file__).parent / "data" / "demo"


def _demo_text(name: str) -> str:
    return (DEMO_DATA / name).read_text(encoding="utf-8")


def fill_template(text: str, base: str, now: datetime) -> str:
    """Replace ``{base}``, ``{date:-2d09:30}``, ``{date:now}`` and ``{day:-2d}`` markers."""

    def when(spec: str) -> datetime:
        if spec == "now":
            return now
        days, _, clock = spec.lstrip("-").partition("d")
        moment = now - timedelta(days=int(days))
        if clock:
            hour, minute = (int(p) for p in clock.split(":"))
            moment = moment.replace(hour=hour, minute=minute, second=0, microsecond=0)
        return min(moment, now - timedelta(minutes=5))

    out = text.replace("{base}", base)
    while "{date:" in out or "{day:" in out:
        start = out.find("{date:") if "{date:" in out else out.find("{day:")
        end = out.index("}", start)
        kind, spec = out[start + 1 : end].split(":", 1)
        moment = when(spec)
        value = (
            format_datetime(moment)
            if kind == "date"
            else f"{moment.day} {_MONTHS[moment.month - 1]}"
        )
        out = out[:start] + value + out[end + 1 :]
    return out


class DemoFeeds:
    """A local HTTP server with the sample feeds; ``publish()`` adds the fresh item."""

    FEEDS = ("khakassia", "municipal")

    def __init__(self) -> None:
        self.published = False
        self.base = ""
        self._runner: web.AppRunner | None = None
        self._now = datetime.now(UTC)

    def feed(self, name: str) -> str:
        text = fill_template(_demo_text(f"{name}.xml"), self.base, self._now)
        if name == "khakassia" and self.published:
            fresh = fill_template(_demo_text("fresh.xml"), self.base, datetime.now(UTC))
            item = fresh[fresh.index("<item>") : fresh.index("</item>") + len("</item>")]
            text = text.replace("<item>", item + "\n<item>", 1)
        return text

    async def _serve_feed(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in self.FEEDS:
            raise web.HTTPNotFound()
        return web.Response(text=self.feed(name), content_type="application/rss+xml")

    async def start(self) -> str:
        app = web.Application()
        app.router.add_get("/feeds/{name}.xml", self._serve_feed)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.base = f"http://127.0.0.1:{port}"
        return self.base

    def urls(self) -> list[str]:
        return [f"{self.base}/feeds/{name}.xml" for name in self.FEEDS]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


class TerminalChat:
    """Prints what the bot sends to the demo user's chat, including edits."""

    def __init__(self, emulator: Emulator, out: TextIO, color: bool) -> None:
        self.emulator = emulator
        self.out = out
        self.color = color
        self._shown: dict[int, str] = {}
        self.last_keyboard: tuple[int, list[dict[str, Any]]] | None = None
        self.inline_results: list[dict[str, Any]] = []

    def note(self, text: str) -> None:
        self.out.write((f"{DIM}{text}{RESET}" if self.color else text) + "\n")
        self.out.flush()

    def show_new(self) -> int:
        """Print messages that are new or changed since the last call; returns how many."""
        shown = 0
        for message in self.emulator.messages(DEMO_USER):
            key = f"{message.get('html') or message.get('text')}|{message.get('reply_markup')}"
            previous = self._shown.get(message["message_id"])
            if previous == key:
                continue
            self._shown[message["message_id"]] = key
            self.out.write(render_message(message, color=self.color, edited=previous is not None))
            self.out.write("\n\n")
            buttons = buttons_of(message.get("reply_markup"))
            if buttons:
                self.last_keyboard = (message["message_id"], buttons)
            shown += 1
        self.out.flush()
        return shown

    async def settle(self, quiet: float = 0.6, limit: float = 8.0) -> None:
        """Wait for the bot's answer: until nothing new arrives for ``quiet`` seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + limit
        last_change = loop.time()
        while loop.time() < deadline:
            if self.show_new():
                last_change = loop.time()
            elif loop.time() - last_change >= quiet and self._shown:
                return
            await asyncio.sleep(0.05)

    async def press(self, number: int) -> None:
        if self.inline_results and self.last_keyboard is None:
            self._share_inline(number)
            return
        if self.last_keyboard is None or not 1 <= number <= len(self.last_keyboard[1]):
            self.note("(нет такой кнопки)")
            return
        message_id, buttons = self.last_keyboard
        button = buttons[number - 1]
        if "callback_data" not in button:
            self.note(f"(кнопка-ссылка: {button.get('url') or button.get('switch_inline_query')})")
            return
        sent = self.emulator.press_button(DEMO_USER, DEMO_USER, message_id, button["callback_data"])
        answer = await self.emulator.callback_answer(sent["callback_query_id"], wait=5)
        if answer.get("text"):
            self.note(f"({answer['text']})")

    async def inline(self, query: str) -> None:
        sent = self.emulator.inline_query(DEMO_USER, query)
        answer = await self.emulator.inline_answer(sent["inline_query_id"], wait=8)
        self.inline_results = list(answer.get("results") or [])
        self.last_keyboard = None
        if not self.inline_results:
            self.note("(inline: ничего не найдено)")
            return
        self.out.write(f"inline @{self.emulator.bot_username} {query}:\n")
        for number, result in enumerate(self.inline_results, start=1):
            title = result.get("title", "")
            desc = result.get("description", "")
            self.out.write(f"[{number}] {title}\n    {desc}\n")
        self.note("(номер — отправить результат в чат)")
        self.out.flush()

    def _share_inline(self, number: int) -> None:
        if not 1 <= number <= len(self.inline_results):
            self.note("(нет такого результата)")
            return
        content = self.inline_results[number - 1].get("input_message_content") or {}
        fake = {"html": content.get("message_text", ""), "parse_mode": content.get("parse_mode")}
        self.out.write(render_message(fake, color=self.color).replace("бот", "вы через @бот", 1))
        self.out.write("\n\n")
        self.inline_results = []


def demo_settings(base: Settings, api_base: str, feeds: list[str], workdir: Path) -> Settings:
    """The demo's settings: the user's config, with the emulator, a temp DB and demo feeds."""
    data = base.model_dump(mode="python")
    data["telegram"] |= {"token": DEMO_TOKEN, "api_base": api_base, "admins": [DEMO_USER],
                         "polling_timeout": 2}  # fmt: skip
    data["storage"] |= {"path": workdir / "demo.sqlite3"}
    data["ingest"] |= {"poll_interval_seconds": 30}
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


async def _poll_sources(app: App) -> None:
    """Poll the sources now and plan deliveries (what the scheduler does on its own)."""
    from bot.jobs import poll_now

    await poll_now(app)


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
            await _poll_sources(app)
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
                elif line.isdigit():
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
    await _poll_sources(app)
    await chat.settle(limit=20)
