"""The demo's sample feeds, served by a local HTTP server; each ``publish()`` adds the next
fresh item (``fresh.xml``), so every /publish brings a new push."""

from __future__ import annotations

import base64
import re
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from aiohttp import web

_MONTHS = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip


DEMO_DATA = Path(__file__).parent / "data"
_FRESH_ITEM = re.compile(r"<item>.*?</item>", re.DOTALL)
# A 1x1 PNG: the picture of a fresh item (the emulator, like Telegram, takes it by URL).
_PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
_ITEM = re.compile(
    r"<title>(?P<title>[^<]*)</title>.*?<description><!\[CDATA\[(?P<body>.*?)\]\]>",
    re.DOTALL,
)


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
        self.published_at: list[datetime] = []  # when each fresh item was published
        self.base = ""
        self._runner: web.AppRunner | None = None
        self._now = datetime.now(UTC)

    def feed(self, name: str) -> str:
        text = fill_template(_demo_text(f"{name}.xml"), self.base, self._now)
        if name == "khakassia" and self.published_at:
            template = _FRESH_ITEM.findall(_demo_text("fresh.xml"))
            items = [
                fill_template(template[k], self.base, at) for k, at in enumerate(self.published_at)
            ]
            newest_first = "\n".join(reversed(items))
            text = text.replace("<item>", newest_first + "\n<item>", 1)
        return text

    @property
    def published(self) -> int:
        return len(self.published_at)

    @property
    def left(self) -> int:
        """Fresh items not published yet."""
        return len(_FRESH_ITEM.findall(_demo_text("fresh.xml"))) - self.published

    def publish(self) -> bool:
        """Publish the next fresh item; False when every one is out already."""
        if self.left <= 0:
            return False
        self.published_at.append(datetime.now(UTC))
        return True

    async def _serve_image(self, request: web.Request) -> web.Response:
        return web.Response(body=_PIXEL, content_type="image/png")

    async def _serve_feed(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in self.FEEDS:
            raise web.HTTPNotFound()
        return web.Response(text=self.feed(name), content_type="application/rss+xml")

    async def _serve_page(self, request: web.Request) -> web.Response:
        """An item's article page (its title and description), as a site would serve it:
        the bot reads it for items whose feed carries only a lead."""
        name, slug = request.match_info["name"], request.match_info["slug"]
        if name not in self.FEEDS:
            raise web.HTTPNotFound()
        link = f"{self.base}/{name}/news/{slug}</link>"
        text = self.feed(name)
        end = text.find(link)
        if end < 0:
            raise web.HTTPNotFound()
        start = text.rfind("<item>", 0, end)
        found = _ITEM.search(text, start)
        if found is None:
            raise web.HTTPNotFound()
        title, body = found.group("title"), found.group("body")
        page = (
            f"<html><head><title>{title}</title></head><body><nav>Главная · Новости</nav>"
            f"<article><h1>{title}</h1>{body}</article>"
            "<aside><h3>Последние новости</h3></aside></body></html>"
        )
        return web.Response(text=page, content_type="text/html")

    async def start(self) -> str:
        app = web.Application()
        app.router.add_get("/feeds/{name}.xml", self._serve_feed)
        app.router.add_get("/{name}/news/{slug}", self._serve_page)
        app.router.add_get("/images/{file}", self._serve_image)
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
