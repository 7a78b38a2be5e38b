"""Delivery figures: ``.venv/bin/python -m bench.bench_delivery [--messages N] [--concurrency C]``.

Against the project's Bot API emulator running in a *separate process* on 127.0.0.1:

1. limits off: messages per second through the whole send path (outbox rows claimed from
   SQLite, rendered, sent with aiogram, marked sent), side by side with a plain loop of
   aiogram ``Bot.send_message`` and a bare aiohttp loop posting the same requests, all at
   the same concurrency; the send path uncapped and at the paid-broadcast ceiling (1000/s);
2. the emulator enforcing Telegram's 30 messages/s: the rate the worker achieves, the
   number of 429 answers, and, from the emulator's record of when each request arrived,
   the most sends any one-second window held and how many 429s a server with a *strict*
   sliding window (at most 30 in any second, however the window is laid) would have given;
3. the time to plan one article for 100,000 subscribers of its region.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import contextlib
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode

from bot.config import DeliverySettings
from bot.delivery.planner import Planner
from bot.delivery.worker import DeliveryWorker
from bot.emulator import EmulatorClient
from bot.render import render_push
from bot.retry import RetryRequests
from storage.articles import Article, ts_to_dt
from storage.db import Database, now_ts, open_database
from storage.repos import Repositories

TOKEN = "123456:BENCH-token"
TITLE = "Форум «Малая родина - сила России»"
BODY = "Форум собрал 7,5 тысяч участников из 89 регионов."
FIRST_CHAT = 1_000_001


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def start_emulator_process() -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.emulator", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    async with aiohttp.ClientSession() as session:
        for _ in range(200):
            with contextlib.suppress(aiohttp.ClientError):
                async with session.get(f"{base}/_emulator/stats") as resp:
                    if resp.status == 200:
                        return proc, base
            await asyncio.sleep(0.05)
    proc.kill()
    raise RuntimeError("the emulator did not start")


def make_bot(base: str) -> Bot:
    session = AiohttpSession(api=TelegramAPIServer.from_base(base), limit=256)
    return Bot(TOKEN, session=session, default=DefaultBotProperties(parse_mode=ParseMode.HTML))


async def run_pool(n: int, concurrency: int, send: object) -> float:
    """Send ``n`` messages with ``concurrency`` workers; returns messages per second."""
    counter = iter(range(n))

    async def worker() -> None:
        for i in counter:
            await send(FIRST_CHAT + i)  # type: ignore[operator]

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return n / (time.perf_counter() - started)


def strict_window(times: list[float], limit: int, window: float = 1.0) -> tuple[int, int]:
    """(the most sends in any window, sends a strict sliding-window server would refuse):
    a send is refused when the ``window`` before it already holds ``limit`` accepted ones."""
    times = sorted(times)
    most = max((bisect.bisect_left(times, t + window) - i for i, t in enumerate(times)), default=0)
    accepted: list[float] = []
    refused = 0
    for t in times:
        if len(accepted) - bisect.bisect_right(accepted, t - window) >= limit:
            refused += 1
        else:
            accepted.append(t)
    return most, refused


def push_text() -> str:
    """The very message the send path sends for the bench article (same size, same HTML)."""
    ts = now_ts()
    article = Article(
        id=1, source_id=None, source_title="", guid=None, url="https://example.ru/news/1",
        title=TITLE, text=BODY, summary="", published_at=ts_to_dt(ts), fetched_at=ts_to_dt(ts),
        duplicate_of=None, regions=("RU-KK",),
    )  # fmt: skip
    return render_push(article, "ru")


async def bare_aiohttp(base: str, n: int, concurrency: int) -> float:
    text = push_text()
    url = f"{base}/bot{TOKEN}/sendMessage"
    connector = aiohttp.TCPConnector(limit=256)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def send(chat_id: int) -> None:
            form = aiohttp.FormData(quote_fields=False)
            form.add_field("chat_id", str(chat_id))
            form.add_field("text", text)
            form.add_field("parse_mode", "HTML")
            async with session.post(url, data=form) as resp:
                data = await resp.json()
                assert data["ok"], data

        return await run_pool(n, concurrency, send)


async def aiogram_loop(base: str, n: int, concurrency: int) -> float:
    text = push_text()
    bot = make_bot(base)
    try:

        async def send(chat_id: int) -> None:
            await bot.send_message(chat_id, text)

        return await run_pool(n, concurrency, send)
    finally:
        await bot.session.close()


async def prepare_db(path: Path, chats: int, region: str = "RU-KK") -> Database:
    db = await open_database(path)
    ts = now_ts() - 60
    async with db.write() as conn:
        await conn.executemany(
            "INSERT INTO chats (id, type, title, language, active, created_at, updated_at)"
            " VALUES (?, 'private', '', 'ru', 1, ?, ?)",
            [(FIRST_CHAT + i, ts, ts) for i in range(chats)],
        )
        await conn.executemany(
            "INSERT INTO subscriptions (chat_id, thread_id, region, created_at)"
            " VALUES (?, 0, ?, ?)",
            [(FIRST_CHAT + i, region, ts) for i in range(chats)],
        )
    return db


async def add_article(db: Database, region: str = "RU-KK", n: int = 1) -> int:
    ts = now_ts()
    async with db.write() as conn:
        cur = await conn.execute(
            "INSERT INTO articles (url, title, text, summary, published_at, fetched_at,"
            " content_hash) VALUES (?, ?, ?, '', ?, ?, ?)",
            (f"https://example.ru/news/{n}", TITLE, BODY, ts, ts, f"h{n}"),
        )
        article_id = int(cur.lastrowid or 0)
        await conn.execute(
            "INSERT INTO article_regions (article_id, region, published_at) VALUES (?, ?, ?)",
            (article_id, region, ts),
        )
    return article_id


async def send_path(
    base: str, tmp: Path, name: str, n: int, settings: DeliverySettings
) -> tuple[float, dict[str, int]]:
    """Plan one article for ``n`` chats, then time the worker sending all of it."""
    db = await prepare_db(tmp / f"{name}.sqlite3", n)
    repos = Repositories.over(db)
    bot = make_bot(base)
    bot.session.middleware(RetryRequests())  # as the app's bot has it (the worker bypasses it)
    worker = DeliveryWorker(bot, repos, settings, batch_size=max(256, 8 * settings.concurrency))
    try:
        await add_article(db)
        planner = Planner(repos)
        while await planner.plan_pending():  # every row (a run writes a bounded part)
            pass
        started = time.perf_counter()
        task = asyncio.create_task(worker.run())
        # Poll the worker's counters (no DB reads competing with it), then the DB.
        while worker.stats.sent + worker.stats.failed + worker.stats.dropped < n:
            await asyncio.sleep(0.005)
        while await repos.deliveries.pending_count():
            await asyncio.sleep(0.005)
        elapsed = time.perf_counter() - started
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        counts = await repos.deliveries.counts()
    finally:
        await bot.session.close()
        await db.close()
    return n / elapsed, counts


async def plan_100k(tmp: Path, subscribers: int) -> float:
    db = await prepare_db(tmp / "plan.sqlite3", subscribers)
    try:
        repos = Repositories.over(db)
        article_id = await add_article(db)
        started = time.perf_counter()
        created = await Planner(repos).plan_article(article_id, budget=None)  # every row
        elapsed = time.perf_counter() - started
        assert created == subscribers, created
    finally:
        await db.close()
    return elapsed


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=4000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--limited-messages", type=int, default=600)
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    n, conc = args.messages, args.concurrency

    proc, base = await start_emulator_process()
    try:
        async with EmulatorClient(base) as control:
            total = max(n, args.limited_messages)
            await asyncio.gather(
                *(control.create_chat(FIRST_CHAT + i, "private") for i in range(total))
            )
            await control.set_limits(False)
            with tempfile.TemporaryDirectory() as tmpdir:
                tmp = Path(tmpdir)
                print(f"Delivery benchmark: emulator in its own process at {base}")
                rounds = args.rounds
                print(
                    f"1. limits off, {n} messages, concurrency {conc}: messages/s, median of"
                    f" {rounds} interleaved rounds (min-max)"
                )
                await aiogram_loop(base, min(n, 500), conc)  # warm-up: imports, connections
                # The same requests as the loops (no allow_paid_broadcast), the pacer lifted.
                uncapped = DeliverySettings.model_construct(
                    **(DeliverySettings().model_dump()
                       | {"rate_per_second": 1e9, "concurrency": conc})
                )  # fmt: skip
                paid = DeliverySettings(paid_broadcast=True, rate_per_second=1000, concurrency=conc)
                runs: dict[str, list[float]] = {"bare": [], "aiogram": [], "path": [], "paid": []}
                for r in range(rounds):
                    runs["bare"].append(await bare_aiohttp(base, n, conc))
                    runs["aiogram"].append(await aiogram_loop(base, n, conc))
                    rate, counts = await send_path(base, tmp, f"uncapped{r}", n, uncapped)
                    assert counts == {"sent": n}, counts
                    runs["path"].append(rate)
                rate, counts = await send_path(base, tmp, "paid", n, paid)
                assert counts == {"sent": n}, counts
                runs["paid"].append(rate)

                def show(label: str, key: str, extra: str = "") -> None:
                    values = runs[key]
                    spread = f"({min(values):.0f}-{max(values):.0f})" if len(values) > 1 else ""
                    print(f"   {label:<38}{statistics.median(values):8.0f} {spread:<12}{extra}")

                ratio = statistics.median(runs["path"]) / statistics.median(runs["aiogram"])
                show("bare aiohttp loop", "bare")
                show("aiogram Bot.send_message loop", "aiogram")
                show("outbox send path (pacer off)", "path", f"= {ratio:.2f} x aiogram loop")
                show("outbox send path (paid, 1000/s cap)", "paid")

                lim = args.limited_messages
                await control.set_limits(True, global_per_second=30)
                before = (await control.stats())["too_many_requests"]
                since = (await control.calls())[-1]["seq"]
                free = DeliverySettings(rate_per_second=30, concurrency=8)
                rate, counts3 = await send_path(base, tmp, "limited", lim, free)
                after = (await control.stats())["too_many_requests"]
                calls = await control.calls("sendMessage", since=since)
                most, refused = strict_window([c["time"] for c in calls], 30)
                assert counts3 == {"sent": lim}, counts3
                print(f"2. emulator enforcing 30 msg/s, {lim} messages, concurrency 8")
                print(f"   achieved rate                         {rate:8.2f} msg/s"
                      f"   ({rate / 30:.3f} x 30)")  # fmt: skip
                print(f"   429 answers                           {after - before:8d}")
                print(f"   most sends in any 1 s window          {most:8d}")
                print(f"   429s from a strict sliding window     {refused:8d}")

                subs = args.subscribers
                elapsed = await plan_100k(tmp, subs)
                print(f"3. planning one article for {subs} subscribers of one region")
                print(f"   time                                  {elapsed:8.3f} s")
    finally:
        proc.terminate()
        proc.wait(10)


if __name__ == "__main__":
    asyncio.run(main())
