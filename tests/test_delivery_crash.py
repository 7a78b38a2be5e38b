"""kill -9 in the middle of a broadcast: ``python -m bot run`` runs as a real process
against the emulator (rate-limited to Telegram's 30/s); after the restart every chat has the
article and only the sends in flight at the kill (at most ``delivery.concurrency``) may have
gone twice. On PostgreSQL a live worker keeps renewing the lease of the rows it holds, so
only a dead one's rows are taken by another instance (tests/test_failover_e2e.py)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from bot.app import make_bot
from bot.delivery.planner import Planner
from bot.delivery.worker import DeliveryWorker
from bot.emulator import Emulator
from storage.db import open_database
from storage.deliveries import DeliveryRepository
from storage.repos import Repositories
from tests.pg import fresh_database
from tests.support.apps import TOKEN, make_settings
from tests.support.articles import KK, add_article
from tests.support.chats import add_chats, subscribe

ROOT = Path(__file__).resolve().parent.parent
CONCURRENCY = 8
CHATS = list(range(100_001, 100_401))  # 400 private chats


async def spawn(config: Path, log: Path) -> asyncio.subprocess.Process:
    with log.open("ab") as out:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", "--config", str(config),
            cwd=ROOT, env={**os.environ, "BOT_TOKEN": TOKEN},
            stdout=asyncio.subprocess.DEVNULL, stderr=out,
        )  # fmt: skip


async def wait_until(predicate: object, timeout: float, what: str, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}; log:\n{log.read_text()[-3000:]}")
        await asyncio.sleep(0.05)


def deliveries(emulator: Emulator) -> Counter[int]:
    """Messages per chat that the emulator accepted."""
    return Counter(
        int(c["params"]["chat_id"])
        for c in emulator.call_log("sendMessage")
        if c["status"] == 200
    )  # fmt: skip


async def test_kill_9_mid_broadcast_then_restart_delivers_everything_once(
    emulator: Emulator, tmp_path: Path
) -> None:
    """After kill -9 and a restart every chat has the article; only in-flight sends repeat."""
    base_url = emulator.base_url
    emulator.set_limits(True, global_per_second=30)
    db_path = tmp_path / "bot.sqlite3"
    config = tmp_path / "config.toml"
    config.write_text(
        f'[telegram]\napi_base = "{base_url}"\npolling_timeout = 1\n'
        f'[storage]\npath = "{db_path}"\n'
        f"[delivery]\nrate_per_second = 30\nconcurrency = {CONCURRENCY}\n",
        encoding="utf-8",
    )
    db = await open_database(db_path)
    try:
        await add_chats(db, emulator, [(c, "private") for c in CHATS])
        await subscribe(db, [(c, KK) for c in CHATS])
        await add_article(db, (KK,), title="Экстренное сообщение")
        assert await Planner(Repositories.over(db)).plan_pending() == len(CHATS)
    finally:
        await db.close()

    log = tmp_path / "bot.log"
    procs: list[asyncio.subprocess.Process] = []
    try:
        first = await spawn(config, log)
        procs.append(first)
        # Let it send part of the broadcast (about a third at 30/s), then kill -9.
        await wait_until(lambda: emulator.stats.messages_sent >= 130, 60, "first sends", log)
        first.send_signal(signal.SIGKILL)
        assert await first.wait() == -signal.SIGKILL
        before = deliveries(emulator)
        assert 130 <= sum(before.values()) < len(CHATS)

        db = await open_database(db_path)
        try:
            left = await db.fetchval("SELECT count(*) FROM deliveries WHERE status != 'sent'")
            in_flight = await db.fetchval(
                "SELECT count(*) FROM deliveries WHERE status = 'sending'"
            )
        finally:
            await db.close()
        assert left > 0
        assert in_flight <= CONCURRENCY * 20  # claimed rows, most never sent

        second = await spawn(config, log)
        procs.append(second)
        await wait_until(
            lambda: len(deliveries(emulator)) == len(CHATS), 90, "the rest of the broadcast", log
        )
        second.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(second.wait(), 30) == 0
    finally:
        for proc in procs:
            if proc.returncode is None:
                proc.kill()
                await proc.wait()

    got = deliveries(emulator)
    assert set(got) == set(CHATS)  # nobody missed it
    twice = [chat for chat, n in got.items() if n > 1]
    assert all(n <= 2 for n in got.values())
    assert len(twice) <= CONCURRENCY, twice  # only sends in flight at the kill
    print(
        f"sent before the kill: {sum(before.values())}, left: {left}, in 'sending': "
        f"{in_flight}, sent twice: {len(twice)} (concurrency {CONCURRENCY})"
    )
    assert emulator.stats.too_many_requests == 0
    db = await open_database(db_path)
    try:
        counts = await Repositories.over(db).deliveries.counts()
    finally:
        await db.close()
    assert counts == {"sent": len(CHATS)}


async def test_the_worker_renews_the_lease_of_the_rows_it_holds(
    emulator: Emulator, tmp_path: Path
) -> None:
    """PostgreSQL: rows a live worker holds longer than one lease (here: sent one a second)
    stay leased, so no other instance takes them; each chat gets its push once."""
    assert emulator.base_url is not None
    chats = list(range(100_501, 100_507))
    async with fresh_database() as url:
        db = await open_database(url)
        settings = make_settings(emulator.base_url, tmp_path / "x.sqlite3",
                                 delivery={"rate_per_second": 1, "concurrency": 2})  # fmt: skip
        bot = make_bot(settings)
        # A 3 s lease, renewed every second; the six sends take about six seconds.
        repos = replace(Repositories.over(db), deliveries=DeliveryRepository(db, lease_seconds=3))
        worker = DeliveryWorker(bot, repos, settings.delivery)
        task = asyncio.create_task(worker.run())
        try:
            await add_chats(db, emulator, [(c, "private") for c in chats])
            await subscribe(db, [(c, KK) for c in chats])
            await add_article(db, (KK,))
            assert await Planner(repos).plan_pending() == len(chats)
            worker.wake()
            first_lease = await _poll(
                lambda: db.fetchval(
                    "SELECT max(claimed_until) FROM deliveries WHERE status = 'sending'"
                )
            )
            # A renewal moves the lease of every row still held past the first one.
            await _poll(
                lambda: db.fetchval(
                    "SELECT 1 FROM deliveries WHERE status = 'sending' AND claimed_until > ?",
                    (first_lease,),
                )
            )
            other = DeliveryRepository(db, lease_seconds=3)
            assert await other.claim(10, now=first_lease + 1) == []  # nothing to take
            await _poll(
                lambda: db.fetchval(
                    "SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM deliveries WHERE status != 'sent')"
                )
            )
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            await bot.session.close()
            await db.close()
    assert deliveries(emulator) == Counter(dict.fromkeys(chats, 1))


async def _poll(query: Callable[[], Awaitable[Any]], timeout: float = 30) -> Any:
    """The query's first non-null answer, asked every 50 ms."""
    deadline = time.monotonic() + timeout
    while (value := await query()) is None:
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)
    return value
