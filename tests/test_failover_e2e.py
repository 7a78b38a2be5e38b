"""Failover with real processes: two ``python -m bot run`` instances in webhook mode on one
fresh PostgreSQL database, against the emulator rate-limited to Telegram's 30/s.

The leader (the holder of the advisory lock, seen on ``/metrics`` as ``newsbot_leader``)
plans and sends a broadcast; the standby answers an update posted to its webhook meanwhile.
The leader is killed with SIGKILL mid-broadcast. Then: the standby leads and sends within
15 s of the kill, its scheduler plans an article stored after the kill, every chat gets
the broadcast, and only the sends in flight at the kill (at most ``delivery.concurrency``,
read from the config) reach a chat twice.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import aiohttp

from bot.config import load_settings
from bot.emulator import Emulator
from storage.db import open_database
from tests.pg import fresh_database
from tests.support.apps import TOKEN, USER_ID
from tests.support.articles import KK, TA, add_article
from tests.support.chats import add_chats, subscribe

ROOT = Path(__file__).resolve().parent.parent
SECRET = "failover_secret-1"
CHATS = list(range(300_001, 300_301))  # the broadcast: 300 private chats (10 s at 30/s)
LATE = list(range(300_301, 300_306))  # an article stored after the kill goes to these
KILL_AFTER = 90  # broadcast sends before the kill (about 3 s of it)
TAKEOVER_LIMIT = 15.0  # the standby sends within this long after the leader's death

T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Instance:
    """One bot process: its config, port and log."""

    def __init__(self, name: str, tmp_path: Path, url: str, api_base: str) -> None:
        self.name = name
        self.port = free_port()
        self.log = tmp_path / f"{name}.log"
        self.config = tmp_path / f"{name}.toml"
        self.config.write_text(
            f'[telegram]\napi_base = "{api_base}"\n'
            f'[storage]\nurl = "{url}"\npath = "{tmp_path / name}.sqlite3"\n'
            "[delivery]\nrate_per_second = 30\nconcurrency = 8\n"
            f'[webhook]\nurl = "https://bot.example.org/tg"\n'
            f'listen = "127.0.0.1:{self.port}"\nsecret_token = "{SECRET}"\n',
            encoding="utf-8",
        )
        self.proc: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        with self.log.open("ab") as out:
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "run", "--config", str(self.config),
                cwd=ROOT, env={**os.environ, "BOT_TOKEN": TOKEN},
                stdout=asyncio.subprocess.DEVNULL, stderr=out,
            )  # fmt: skip

    async def metrics(self, http: aiohttp.ClientSession) -> dict[str, float] | None:
        """The instance's /metrics as {series: value}; None while it does not answer."""
        try:
            url = f"http://127.0.0.1:{self.port}/metrics"
            async with http.get(url, timeout=aiohttp.ClientTimeout(total=5)) as resp:
                if resp.status != 200:
                    return None
                text = await resp.text()
        except (aiohttp.ClientError, TimeoutError):
            return None
        return {
            line.rsplit(" ", 1)[0]: float(line.rsplit(" ", 1)[1])
            for line in text.splitlines()
            if line and not line.startswith("#")
        }

    def tail(self) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return f"--- {self.name} log ---\n{text[-2500:]}"

    async def kill(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.proc.kill()
            await self.proc.wait()


async def poll(
    check: Callable[[], Awaitable[T | None]],
    what: str,
    instances: list[Instance],
    *,
    timeout: float = 60.0,
    every: float = 0.1,
) -> T:
    """Call ``check`` until it returns something not None (or fail after ``timeout``)."""
    deadline = time.monotonic() + timeout
    while True:
        result = await check()
        if result is not None:
            return result
        if time.monotonic() > deadline:
            logs = "\n".join(i.tail() for i in instances)
            raise AssertionError(f"timed out waiting for {what}\n{logs}")
        await asyncio.sleep(every)


def sends(emulator: Emulator, chats: list[int]) -> list[tuple[float, int]]:
    """(receive time, chat) of every sendMessage to ``chats`` the emulator accepted."""
    wanted = set(chats)
    return [
        (float(c["time"]), int(c["params"]["chat_id"]))
        for c in emulator.call_log("sendMessage")
        if c["status"] == 200 and int(c["params"]["chat_id"]) in wanted
    ]


async def test_kill_9_of_the_leader_mid_broadcast_the_standby_finishes_it(
    emulator: Emulator, tmp_path: Path
) -> None:
    """SIGKILL of the sending instance: the standby takes over within 15 s, every chat gets
    the article, at most the sends in flight go twice; the standby answers its webhook."""
    assert emulator.base_url is not None
    emulator.set_limits(True, global_per_second=30)
    async with fresh_database() as url:
        db = await open_database(url)
        try:
            await add_chats(db, emulator, [(c, "private") for c in CHATS + LATE])
            await subscribe(db, [(c, KK) for c in CHATS] + [(c, TA) for c in LATE])
        finally:
            await db.close()
        first = Instance("first", tmp_path, url, emulator.base_url)
        second = Instance("second", tmp_path, url, emulator.base_url)
        # The bound on duplicates: sends in flight at the kill, from the config itself.
        in_flight_bound = load_settings(first.config).delivery.concurrency
        instances = [first, second]
        try:
            await first.start()
            await second.start()
            async with aiohttp.ClientSession() as http:
                await _run(emulator, url, http, instances, in_flight_bound)
        finally:
            for instance in instances:
                await instance.kill()


async def _run(
    emulator: Emulator,
    url: str,
    http: aiohttp.ClientSession,
    instances: list[Instance],
    in_flight_bound: int,
) -> None:
    async def roles() -> tuple[Instance, Instance] | None:
        """(leader, standby) once both serve /metrics (after their start-up's lock try)."""
        seen = [await i.metrics(http) for i in instances]
        if any(m is None for m in seen):
            return None
        leading = [i for i, m in zip(instances, seen, strict=True) if m and m["newsbot_leader"]]
        assert len(leading) <= 1, "two leaders"
        if not leading:  # a lock try failed: the next one comes within 5 s
            return None
        standby = next(i for i in instances if i is not leading[0])
        return leading[0], standby

    leader, standby = await poll(roles, "both instances up", instances)

    # The leader's scheduler plans the article and its worker sends it.
    db = await open_database(url)
    try:
        await add_article(db, (KK,), title="Экстренное сообщение")
    finally:
        await db.close()

    async def broadcast_started() -> bool | None:
        return True if sends(emulator, CHATS) else None

    await poll(broadcast_started, "the broadcast to start", instances)

    # Meanwhile the standby answers an update posted to its own webhook.
    queued = emulator.user_message(USER_ID, "/start", language_code="ru")
    update = {"update_id": queued["update_id"], "message": queued["message"]}
    async with http.post(
        f"http://127.0.0.1:{standby.port}/tg",
        json=update,
        headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
    ) as resp:
        assert resp.status == 200
    [reply] = await emulator.wait_messages(USER_ID, 1, timeout=30)
    assert "Здравствуйте" in reply["text"]
    standby_metrics = await standby.metrics(http)
    assert standby_metrics is not None
    assert standby_metrics['newsbot_updates_total{type="message"}'] == 1
    assert standby_metrics["newsbot_leader"] == 0

    async def kill_point() -> bool | None:
        return True if len(sends(emulator, CHATS)) >= KILL_AFTER else None

    await poll(kill_point, f"{KILL_AFTER} broadcast sends", instances, every=0.02)
    assert leader.proc is not None
    killed_at = time.time()
    leader.proc.send_signal(signal.SIGKILL)
    assert await leader.proc.wait() == -signal.SIGKILL
    before = len(sends(emulator, CHATS))

    db = await open_database(url)
    try:
        left = await db.fetchval("SELECT count(*) FROM deliveries WHERE status != 'sent'")
        # The dead leader's claims (sent or not): only these may reach a chat twice.
        leased = {
            int(r[0])
            for r in await db.fetchall("SELECT chat_id FROM deliveries WHERE status = 'sending'")
        }
        # Stored after the kill: only the new leader's scheduler can plan it.
        await add_article(db, (TA,), title="После сбоя")
    finally:
        await db.close()
    assert left > 0, "the broadcast ended before the kill"

    async def took_over() -> float | None:
        seen = await standby.metrics(http)
        return time.time() if seen is not None and seen["newsbot_leader"] == 1 else None

    led_at = await poll(took_over, "the standby to lead", instances)

    async def everyone_served() -> bool | None:
        got = {chat for _, chat in sends(emulator, CHATS + LATE)}
        return True if got == set(CHATS + LATE) else None

    await poll(everyone_served, "every chat to get its article", instances, every=0.2)
    done_at = time.time()

    # Sends received after the standby was seen leading are the standby's (the killed
    # process's last requests reached the emulator long before): the first of them is an
    # upper bound on when sending resumed.
    resumed_at = min(t for t, _ in sends(emulator, CHATS + LATE) if t >= led_at)
    assert resumed_at - killed_at <= TAKEOVER_LIMIT, resumed_at - killed_at

    got = Counter(chat for _, chat in sends(emulator, CHATS + LATE))
    assert set(got) == set(CHATS + LATE)  # nobody missed it
    assert all(n <= 2 for n in got.values())
    twice = sorted(chat for chat, n in got.items() if n > 1)
    assert set(twice) <= leased  # only rows the dead leader held ...
    assert len(twice) <= in_flight_bound, twice  # ... and had sent: at most one per sender
    assert not set(twice) & set(LATE)  # planned and sent by the new leader alone

    db = await open_database(url)
    try:
        counts = dict(await db.fetchall("SELECT status, count(*) FROM deliveries GROUP BY status"))
    finally:
        await db.close()
    assert counts == {"sent": len(CHATS) + len(LATE)}

    assert standby.proc is not None
    standby.proc.send_signal(signal.SIGTERM)
    assert await asyncio.wait_for(standby.proc.wait(), 30) == 0
    print(
        f"sent before the kill: {before}/{len(CHATS)}, rows leased by the dead leader: "
        f"{len(leased)}, standby led after {led_at - killed_at:.1f} s, sent after "
        f"{resumed_at - killed_at:.1f} s, all delivered after {done_at - killed_at:.1f} s, "
        f"sent twice: {len(twice)} (concurrency {in_flight_bound})"
    )
