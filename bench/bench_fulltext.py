"""Full text: ``python -m bench.bench_fulltext``.

Prints

* items per second through the whole ingest (parse, full-text cleaning, understanding on the
  full text, store) for a local 1,000-item feed whose items carry ``yandex:full-text``;
* for a 200-item lead-only feed on one host: the time to read every article page against
  the pages' own fetch time and the pacing pauses, and the most requests the host saw at once.
"""

from __future__ import annotations

import asyncio
import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path

from aiohttp import web

from bench.bench_ingest import REGIONS, TOWNS, vocabulary
from bot.config import IngestSettings
from bot.ingest.parse import decode, parse_document
from bot.ingest.pipeline import Ingestor, prepare_items
from bot.ingest.workers import pool_size, shutdown_pools
from storage.db import open_database
from storage.repos import Repositories

ITEMS = 1000
REPEAT = 3
PAGES = 200
PAGE_SERVICE_SECONDS = 0.01  # what one page costs the server (a small site's page)
PAGE_DELAY_SECONDS = 0.05  # the pause between two requests to one host (default 1 s)


def sentences(rng: random.Random, vocab: list[str], n: int) -> str:
    return " ".join(
        f"В {rng.choice(TOWNS)} ({rng.choice(REGIONS)}) "
        + " ".join(rng.choice(vocab) for _ in range(rng.randint(10, 18)))
        + "."
        for _ in range(n)
    )


def make_feed(n: int, *, base: str, full_text: bool, seed: int = 11) -> tuple[bytes, list[str]]:
    """An RSS feed of ``n`` items (with yandex:full-text when ``full_text``) and its bodies."""
    rng = random.Random(seed)
    vocab = vocabulary()
    start = datetime.now(UTC) - timedelta(days=3)
    items, bodies = [], []
    for i in range(n):
        lead = sentences(rng, vocab, 2)
        body = "\n\n".join([lead] + [sentences(rng, vocab, rng.randint(2, 4)) for _ in range(5)])
        bodies.append(body)
        full = f"<yandex:full-text>{escape(body)}</yandex:full-text>" if full_text else ""
        when = format_datetime(start + timedelta(minutes=3 * i))
        items.append(
            f"<item><title>Новость {i}: {rng.choice(vocab)} {rng.choice(vocab)}</title>"
            f"<link>{base}/news/{i}</link><guid>ft-{i}</guid><pubDate>{when}</pubDate>"
            f"<description>{escape('<p>' + lead + '</p>')}</description>{full}</item>"
        )
    xml = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:yandex="http://news.yandex.ru"><channel>'
        f"<title>Bench</title><link>{base}/</link>" + "".join(items) + "</channel></rss>"
    )
    return xml.encode("utf-8"), bodies


async def ingest_once(data: bytes, tmp: Path, name: str, workers: int | None) -> float:
    """Seconds for the Ingestor to store the feed ``data`` into a fresh SQLite database."""
    feed = tmp / f"{name}.xml"
    feed.write_bytes(data)
    db = await open_database(tmp / f"{name}.sqlite3")
    try:
        repos = Repositories.over(db)
        settings = IngestSettings(max_bytes=50_000_000, workers=workers)
        ing = Ingestor(settings, repos.sources, repos.articles)
        await ing.start_workers()  # the app starts them once; a poll does not pay for it
        started = time.perf_counter()
        [report] = await ing.read_locations([str(feed)])
        elapsed = time.perf_counter() - started
        with_body = await db.fetchval("SELECT count(*) FROM articles WHERE body IS NOT NULL")
        queued = await db.fetchval("SELECT count(*) FROM page_fetches")
    finally:
        await db.close()
    assert report.new == ITEMS and with_body == ITEMS and queued == 0, (report, with_body)
    return elapsed


async def bench_feed_full_text(tmp: Path) -> float:
    data, _ = make_feed(ITEMS, base="https://bench.example", full_text=True)
    # Best of three fresh databases each (the machine may be shared).
    in_thread = min([await ingest_once(data, tmp, f"t{i}", 0) for i in range(REPEAT)])
    elapsed = min([await ingest_once(data, tmp, f"p{i}", None) for i in range(REPEAT)])
    await shutdown_pools()
    # The part the full text adds before understanding: parsing and cleaning the bodies.
    started = time.perf_counter()
    parsed = parse_document(decode(data))
    candidates, _ = prepare_items(
        parsed, base_url="https://bench.example/", fetched_at=datetime.now(UTC)
    )
    parse_rate = ITEMS / (time.perf_counter() - started)
    assert all(c.body for c in candidates)
    chars = sum(len(c.body or "") for c in candidates) // ITEMS
    print(
        f"parse + full-text cleaning only (no understanding, no store): {parse_rate:,.0f} items/s"
        f" (bodies of {chars:,} characters on average)"
    )
    rate = ITEMS / elapsed
    print(
        f"ingest, {ITEMS}-item local feed with yandex:full-text, with understanding on the"
        f" full text: {rate:,.0f} items/s ({elapsed:.2f} s; {pool_size(None)} worker processes"
        f" on {os.cpu_count()} cores; workers=0: {ITEMS / in_thread:,.0f} items/s;"
        " target >= 500/s)"
    )
    return rate


class PageServer:
    """Serves the lead-only feed and the article pages; counts requests in flight."""

    def __init__(self) -> None:
        self.feed = b""
        self.bodies: list[str] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.service = 0.0
        self.runner: web.AppRunner | None = None

    async def page(self, request: web.Request) -> web.Response:
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        started = time.perf_counter()
        try:
            await asyncio.sleep(PAGE_SERVICE_SECONDS)
            i = int(request.match_info["i"])
            paragraphs = "".join(f"<p>{escape(p)}</p>" for p in self.bodies[i].split("\n\n"))
            html = (
                f"<html><head><title>Новость {i}</title></head><body><nav>Главная</nav>"
                f"<article><h1>Новость {i}</h1>{paragraphs}</article>"
                "<aside><h3>Последние новости</h3></aside></body></html>"
            )
            return web.Response(text=html, content_type="text/html")
        finally:
            self.in_flight -= 1
            self.service += time.perf_counter() - started

    async def start(self) -> str:
        app = web.Application()
        app.router.add_get("/feed.xml", self.serve_feed)
        app.router.add_get("/news/{i}", self.page)
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        return f"http://127.0.0.1:{self.runner.addresses[0][1]}"

    async def serve_feed(self, request: web.Request) -> web.Response:
        return web.Response(body=self.feed, content_type="application/rss+xml")


async def bench_pages(tmp: Path) -> None:
    server = PageServer()
    base = await server.start()
    server.feed, server.bodies = make_feed(PAGES, base=base, full_text=False)
    db = await open_database(tmp / "pages.sqlite3")
    try:
        repos = Repositories.over(db)
        settings = IngestSettings(
            pages_per_poll=PAGES,
            page_delay_seconds=PAGE_DELAY_SECONDS,
            per_host_connections=8,
            allow_private_addresses=True,  # the pages are served on 127.0.0.1
        )
        ing = Ingestor(settings, repos.sources, repos.articles)
        await ing.start_workers()
        await repos.sources.add(f"{base}/feed.xml")
        async with ing.open_fetcher() as fetcher:
            [source] = await repos.sources.list_all()
            report = await ing.poll_source(source, fetcher)
            assert report.new == PAGES, report
            started = time.perf_counter()
            pages = await ing.fetch_pages(fetcher)
            total = time.perf_counter() - started
        stored = await db.fetchval("SELECT count(*) FROM articles WHERE body IS NOT NULL")
    finally:
        await db.close()
        assert server.runner is not None
        await server.runner.cleanup()
    assert pages.fetched == PAGES == stored, pages
    pacing = ing.pacer.waited
    floor = (PAGES - 1) * PAGE_DELAY_SECONDS
    rest = total - pages.fetch_seconds - pacing
    print(
        f"article pages, {PAGES}-item lead-only feed, one host, delay {PAGE_DELAY_SECONDS:g} s:"
        f" total {total:.2f} s = own fetch time {pages.fetch_seconds:.2f} s"
        f" (server-side {server.service:.2f} s) + pacing pauses {pacing:.2f} s"
        f" + the rest {rest:.2f} s (extraction, re-analysis, store, between the pauses)"
    )
    print(
        f"  pacing floor (pages - 1) x delay = {floor:.2f} s; overhead beyond fetch + floor"
        f" {total - pages.fetch_seconds - floor:.2f} s; max concurrent requests to the host:"
        f" {server.max_in_flight} (target 1)"
    )


async def main() -> int:
    with tempfile.TemporaryDirectory(prefix="newsbot-bench-ft-") as tmp:
        await bench_feed_full_text(Path(tmp))
        await bench_pages(Path(tmp))
    await shutdown_pools()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
