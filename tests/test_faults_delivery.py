"""«Nothing lost, nothing doubled, never stuck»: the adversarial review's faults, replayed
against the real app (aiogram Bot + Dispatcher, SQLite file, APScheduler) and the emulator.

1. a database locked while the bot starts: the worker and the jobs log, retry and recover;
   SIGTERM stops the process whatever state they are in;
2. a long 5xx outage: every push waits it out and arrives once; replies are retried;
3. an update aiogram cannot parse: skipped past the offset, logged once, the rest answered;
4. a write lock while pushes are in flight (and a stop during it): no push is sent twice;
5. a user flooding commands: answered about once a second, one notice, no 429 storm;
6. ``my_chat_member``: removed means inactive, added back active, in order;
7. a broadcast at 30/s: no second ever holds more than 30 sends, no 429.

No timing assertions: outcomes only (rows, messages, log lines); waits are bounded loops.
"""

from __future__ import annotations

import asyncio
import bisect
import logging
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiosqlite
import pytest

from bot.emulator import Emulator, EmulatorClient
from storage.db import Database, now_ts, open_database
from tests.support.apps import RunningApp, make_settings, start_app
from tests.support.articles import KK, add_article
from tests.support.chats import add_chats, subscribe
from tests.support.delivery import received

ROOT = Path(__file__).resolve().parent.parent
FLOOD_NOTICE = "Слишком много запросов"


# Helpers -------------------------------------------------------------------------------


async def eventually(check: Callable[[], Any], what: str, timeout: float = 30.0) -> Any:
    """Poll ``check`` (sync or async) until it returns something truthy."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if asyncio.iscoroutine(value):
            value = await value
        if value:
            return value
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.05)


@asynccontextmanager
async def write_lock(path: Path) -> AsyncIterator[None]:
    """Another process's long write transaction: writers get "database is locked"."""
    conn = await aiosqlite.connect(path, isolation_level=None)
    try:
        await conn.execute("BEGIN IMMEDIATE")
        yield
        await conn.execute("ROLLBACK")
    finally:
        await conn.close()


async def launch(
    emulator: Emulator, db_path: Path, *, telegram: dict[str, Any] | None = None, **sections: Any
) -> RunningApp:
    assert emulator.base_url is not None
    settings = make_settings(emulator.base_url, db_path, telegram=telegram or {}, **sections)
    return await start_app(settings, emulator)


def log_lines(caplog: pytest.LogCaptureFixture, needle: str) -> list[str]:
    return [r.getMessage() for r in caplog.records if needle in r.getMessage()]


def pushes(emulator: Emulator) -> Counter[int]:
    """Accepted pushes (article messages) per chat."""
    return Counter(
        int(c["params"]["chat_id"])
        for c in emulator.call_log("sendMessage")
        if c["status"] == 200 and "example.ru/n/" in str(c["params"].get("text", ""))
    )  # fmt: skip


async def counts(db_path: Path) -> dict[str, int]:
    db = await open_database(db_path)
    try:
        rows = await db.fetchall("SELECT status, count(*) FROM deliveries GROUP BY status")
        return {r[0]: r[1] for r in rows}
    finally:
        await db.close()


async def prepare(db_path: Path, emulator: Emulator, chats: list[int], region: str = KK) -> None:
    db = await open_database(db_path)
    try:
        await add_chats(db, emulator, [(c, "private") for c in chats])
        await subscribe(db, [(c, region) for c in chats])
    finally:
        await db.close()


@pytest.fixture
async def apps() -> AsyncIterator[list[RunningApp]]:
    started: list[RunningApp] = []
    try:
        yield started
    finally:
        for running in started:
            await running.stop()


# 1. A locked database: nothing dies quietly, SIGTERM stops -------------------------------


async def test_worker_and_jobs_outlive_a_database_locked_at_start(
    emulator: Emulator, tmp_path: Path, apps: list[RunningApp], caplog: pytest.LogCaptureFixture
) -> None:
    """The worker's start (reset_in_flight) and the planner job fail while another process
    holds the write lock; both log it, back off, and deliver once the lock is gone."""
    caplog.set_level(logging.INFO)
    db_path = tmp_path / "bot.sqlite3"
    chats = list(range(31_001, 31_011))
    await prepare(db_path, emulator, chats)
    db = await open_database(db_path)
    await add_article(db, (KK,), title="Во время блокировки")  # planned = 0: the job plans it
    await db.close()
    async with write_lock(db_path):
        running = await launch(emulator, db_path, storage={"busy_timeout_ms": 100})
        apps.append(running)
        await eventually(lambda: log_lines(caplog, "delivery worker failed"), "worker failure")
        await eventually(lambda: log_lines(caplog, "job delivery-plan failed"), "job failure")
        # Commands are still answered (reads work under a write lock).
        reply = await running.say("/help")
        assert reply
    await eventually(lambda: len(pushes(emulator)) == len(chats), "the pushes", timeout=60)
    assert set(pushes(emulator).values()) == {1}
    assert log_lines(caplog, "works again")  # the job said it recovered


async def spawn(config: Path, log: Path) -> asyncio.subprocess.Process:
    with log.open("ab") as out:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", "--config", str(config),
            cwd=ROOT, env={**os.environ, "BOT_TOKEN": "123456:TEST-token"},
            stdout=asyncio.subprocess.DEVNULL, stderr=out,
        )  # fmt: skip


async def test_sigterm_stops_the_process_while_the_database_is_locked(
    emulator: Emulator, tmp_path: Path
) -> None:
    """`python -m bot run` started under a lock: the worker's failure is logged, SIGTERM
    ends the process with 0 though the lock is still held; the next start delivers."""
    db_path = tmp_path / "bot.sqlite3"
    chats = list(range(32_001, 32_006))
    await prepare(db_path, emulator, chats)
    db = await open_database(db_path)
    await add_article(db, (KK,))
    await db.close()
    config = tmp_path / "config.toml"
    config.write_text(
        f'[telegram]\napi_base = "{emulator.base_url}"\npolling_timeout = 1\n'
        f'[storage]\npath = "{db_path}"\nbusy_timeout_ms = 100\n',
        encoding="utf-8",
    )
    log = tmp_path / "bot.log"
    async with write_lock(db_path):
        proc = await spawn(config, log)
        try:
            # (a fresh process imports aiogram first: seconds of CPU on a loaded machine)
            await eventually(
                lambda: "delivery worker failed" in log.read_text(), "the logged failure", 90
            )
            proc.send_signal(signal.SIGTERM)
            assert await asyncio.wait_for(proc.wait(), 30) == 0, log.read_text()[-3000:]
        finally:
            if proc.returncode is None:
                proc.kill()
                await proc.wait()
    assert "database is locked" in log.read_text()
    assert pushes(emulator) == Counter()
    proc = await spawn(config, log)
    try:
        await eventually(lambda: len(pushes(emulator)) == len(chats), "the pushes", 90)
        proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), 30) == 0
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    assert set(pushes(emulator).values()) == {1}
    assert await counts(db_path) == {"sent": len(chats)}


# 2. Outages: pushes wait them out; replies are retried ----------------------------------


async def test_a_long_5xx_outage_loses_no_push_and_doubles_none(
    emulator: Emulator, tmp_path: Path, apps: list[RunningApp]
) -> None:
    """Every sendMessage answers 500 for a while that is sixty times the backoff cap (with
    the default five-minute cap: a five-hour outage). Afterwards every chat has the push
    exactly once and no row failed."""
    db_path = tmp_path / "bot.sqlite3"
    chats = list(range(33_001, 33_021))
    await prepare(db_path, emulator, chats)
    running = await launch(
        emulator, db_path, delivery={"max_backoff_seconds": 0.05, "rate_per_second": 30}
    )
    apps.append(running)
    emulator.add_fault("5xx", method="sendMessage", count=10**9)
    await add_article(running.app.db, (KK,))
    await running.app.planner.plan_pending()
    outage_ends = time.monotonic() + 3.0  # the outage: 60 x the backoff cap, at least
    await asyncio.sleep(3.0)

    async def every_push_tried() -> bool:
        # On a loaded machine the worker may reach the last rows late: the outage lasts
        # until each of them has met it.
        tried = await running.app.db.fetchval("SELECT min(attempts) FROM deliveries")
        return tried is not None and tried >= 1 and time.monotonic() >= outage_ends

    await eventually(every_push_tried, "every push tried during the outage")
    failed_calls = len(emulator.call_log("sendMessage"))
    emulator.clear_faults()
    await eventually(lambda: len(pushes(emulator)) == len(chats), "the pushes after the outage")
    assert set(pushes(emulator).values()) == {1}
    assert failed_calls > len(chats)  # retried through the outage

    async def all_recorded() -> bool:
        # The emulator holds the last push a moment before the bot records its outcome.
        return await running.app.repos.deliveries.counts() == {"sent": len(chats)}

    await eventually(all_recorded, "every push recorded as sent")
    assert set(pushes(emulator).values()) == {1}
    attempts = await running.app.db.fetchval("SELECT min(attempts) FROM deliveries")
    assert attempts >= 2


async def test_replies_are_retried_after_5xx_and_429(
    emulator: Emulator, tmp_path: Path, apps: list[RunningApp]
) -> None:
    running = await launch(emulator, tmp_path / "bot.sqlite3")
    apps.append(running)
    emulator.add_fault("5xx", method="sendMessage", chat_id=running.default_user, count=2)
    reply = await running.say("/help")
    assert "/latest" in reply[0]["text"]
    emulator.add_fault("429", method="sendMessage", chat_id=running.default_user, retry_after=1)
    reply = await running.say("/help")
    assert "/latest" in reply[0]["text"]
    statuses = [c["status"] for c in emulator.call_log("sendMessage")]
    assert statuses.count(500) == 2 and statuses.count(429) == 1


# 3. A poison update -----------------------------------------------------------------------


async def test_an_update_aiogram_cannot_parse_is_skipped_once_and_the_rest_answered(
    emulator: Emulator, tmp_path: Path, apps: list[RunningApp], caplog: pytest.LogCaptureFixture
) -> None:
    """A message without its required ``date`` (ClientDecodeError for the whole getUpdates
    answer) waits in the queue before the bot starts, and another arrives later: each is
    logged once and skipped; the users around them get their answers."""
    caplog.set_level(logging.INFO)
    assert emulator.base_url is not None
    poison = {"message_id": 1, "chat": {"id": 1001, "type": "private"}, "text": "/start"}
    async with EmulatorClient(emulator.base_url) as control:
        first = await control.raw_update("message", poison)
        emulator.user_message(1001, "/help")
        running = await launch(emulator, tmp_path / "bot.sqlite3")
        apps.append(running)
        await emulator.wait_messages(1001, 1, timeout=10)
        second = await control.raw_update("message", poison)
        reply = await running.say("/help", user_id=1003)
    assert "/latest" in reply[0]["text"]
    assert "/latest" in emulator.messages(1001)[0]["text"]
    skipped = log_lines(caplog, "cannot be parsed and is skipped")
    assert len(skipped) == 2
    assert str(first["update_id"]) in skipped[0] and str(second["update_id"]) in skipped[1]
    assert "date" in skipped[0] and "Field required" in skipped[0]
    assert emulator.stats_snapshot()["pending_updates"] == 0


# 4. A write lock while pushes are in flight -----------------------------------------------


async def test_outcomes_recorded_after_a_lock_and_a_stop_during_it_sends_nothing_twice(
    emulator: Emulator, tmp_path: Path, apps: list[RunningApp], caplog: pytest.LogCaptureFixture
) -> None:
    """Sends are in flight (slow answers) when another process takes the write lock; the
    outcomes cannot be written. The bot stops while the lock is held: the outcomes go to the
    journal, the next start stores them first. Nobody gets the push twice."""
    caplog.set_level(logging.INFO)
    db_path = tmp_path / "bot.sqlite3"
    chats = list(range(34_001, 34_013))
    await prepare(db_path, emulator, chats)
    delivery = {"concurrency": 4, "rate_per_second": 30}
    running = await launch(emulator, db_path, storage={"busy_timeout_ms": 100}, delivery=delivery)
    apps.append(running)
    emulator.add_fault("slow", method="sendMessage", count=4, delay_seconds=1.0)
    await add_article(running.app.db, (KK,))
    await running.app.planner.plan_pending()
    await eventually(lambda: len(emulator.call_log("sendMessage")) >= 1, "sends in flight")
    async with write_lock(db_path):
        await eventually(lambda: log_lines(caplog, "retrying until stored"), "failed writes")
        sent_before_stop = pushes(emulator)
        assert sent_before_stop
        await running.stop()  # bounded by the fixture's timeout
        journal = db_path.with_name(db_path.name + ".unsaved-outcomes")
        assert journal.exists()
        assert log_lines(caplog, "kept in")
    again = await launch(emulator, db_path, delivery=delivery)
    apps.append(again)
    await eventually(lambda: len(pushes(emulator)) == len(chats), "the rest of the pushes")
    assert set(pushes(emulator).values()) == {1}, pushes(emulator)
    await eventually(lambda: _all_sent(again, len(chats)), "every row marked sent", timeout=30)
    assert not journal.exists()
    assert log_lines(caplog, "from the last stop stored")


async def _all_sent(running: RunningApp, n: int) -> bool:
    return bool(await running.app.repos.deliveries.counts() == {"sent": n})


async def test_a_lock_during_a_broadcast_only_delays_the_bookkeeping(
    emulator: Emulator, tmp_path: Path, apps: list[RunningApp], caplog: pytest.LogCaptureFixture
) -> None:
    """The same lock without a stop: the writes are retried until stored; no row stays in
    'sending' and nobody is sent the push twice."""
    caplog.set_level(logging.INFO)
    db_path = tmp_path / "bot.sqlite3"
    chats = list(range(35_001, 35_031))
    await prepare(db_path, emulator, chats)
    running = await launch(
        emulator, db_path, storage={"busy_timeout_ms": 100},
        delivery={"concurrency": 4, "rate_per_second": 30},
    )  # fmt: skip
    apps.append(running)
    await add_article(running.app.db, (KK,))
    await running.app.planner.plan_pending()
    await eventually(lambda: len(pushes(emulator)) >= 3, "the first pushes")
    async with write_lock(db_path):
        await eventually(lambda: log_lines(caplog, "retrying until stored"), "failed writes")
        await asyncio.sleep(1.0)
    await eventually(lambda: len(pushes(emulator)) == len(chats), "every push")
    await eventually(lambda: _all_sent(running, len(chats)), "every row marked sent")
    assert set(pushes(emulator).values()) == {1}
    assert log_lines(caplog, "stored after")
    assert not log_lines(caplog, "in flight at the last stop")


# 5. A flooding user -------------------------------------------------------------------------


async def test_a_flooding_user_is_throttled_politely_and_replies_honour_429(
    emulator: Emulator, tmp_path: Path, apps: list[RunningApp], caplog: pytest.LogCaptureFixture
) -> None:
    """200 commands in a moment, Telegram's limits on: a handful of answers, one notice,
    no traceback; the replies that met a 429 were sent again after retry_after."""
    caplog.set_level(logging.INFO)
    emulator.set_limits(True)
    running = await launch(
        emulator, tmp_path / "bot.sqlite3",
        telegram={"user_rate_per_second": 1.0, "user_burst": 5, "reply_attempts": 10},
    )  # fmt: skip
    apps.append(running)
    user = 36_001
    for _ in range(200):
        emulator.user_message(user, "/help")
    await eventually(lambda: emulator.stats_snapshot()["pending_updates"] == 0, "the updates")
    await eventually(lambda: log_lines(caplog, "is flooding"), "the throttle")

    def settled() -> bool:
        calls = emulator.call_log("sendMessage")
        return bool(calls) and time.time() - calls[-1]["time"] > 2.5

    await eventually(settled, "the replies", timeout=60)
    texts = [m["text"] for m in emulator.messages(user)]
    notices = [t for t in texts if FLOOD_NOTICE in t]
    answers = [t for t in texts if "/latest" in t]
    assert len(notices) == 1
    assert 5 <= len(answers) <= 15
    failed = [c for c in emulator.call_log("sendMessage") if c["status"] != 200]
    assert all(c["status"] == 429 for c in failed)
    assert len(failed) <= 9 * (len(answers) + len(notices))  # retried within reply_attempts
    assert len(texts) == len(emulator.call_log("sendMessage")) - len(failed)  # none dropped
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


# 6. Membership --------------------------------------------------------------------------------


def member_update(emulator: Emulator, chat: dict[str, Any], status: str, date: int) -> None:
    bot = emulator.bot_user()
    emulator.enqueue_update(
        "my_chat_member",
        {
            "chat": chat,
            "from": {"id": 37_001, "is_bot": False, "first_name": "Админ"},
            "date": date,
            "old_chat_member": {"status": "member", "user": bot},
            "new_chat_member": {"status": status, "user": bot}
            | ({"until_date": 0} if status == "kicked" else {}),
        },
    )


async def test_membership_updates_change_activity_in_order(
    emulator: Emulator, tmp_path: Path, apps: list[RunningApp]
) -> None:
    db_path = tmp_path / "bot.sqlite3"
    running = await launch(emulator, db_path)
    apps.append(running)
    db = running.app.db
    group = {"id": -37_100, "type": "supergroup", "title": "Совет депутатов"}
    await add_chats(db, emulator, [(-37_100, "supergroup")])
    await subscribe(db, [(-37_100, KK)])
    # A push waiting for later (quiet hours): removal must drop it.
    await db.write_one(
        "INSERT INTO deliveries (chat_id, article_id, kind, payload, status, not_before,"
        " created_at) VALUES (?, NULL, 'digest', 'Дайджест', 'pending', ?, ?)",
        (-37_100, now_ts() + 3600, now_ts()),
    )

    async def active() -> bool:
        return bool(await db.fetchval("SELECT active FROM chats WHERE id = -37100"))

    now = now_ts()
    member_update(emulator, group, "kicked", now)
    await eventually(lambda: _not(active()), "kicked: inactive")
    assert await db.fetchval("SELECT status FROM deliveries WHERE chat_id = -37100") == "dropped"
    member_update(emulator, group, "member", now - 30)  # late and older: ignored
    member_update(emulator, group, "left", now + 1)
    member_update(emulator, group, "member", now + 2)  # added back
    await eventually(active, "added back: active")
    await add_article(db, (KK,))
    await running.app.planner.plan_pending()
    await eventually(lambda: received(emulator, -37_100), "the push to the group")

    # A 403 deactivates; a my_chat_member dated before it does not bring the chat back.
    user = 37_200
    await add_chats(db, emulator, [(user, "private")])
    await subscribe(db, [(user, KK)])
    emulator.set_blocked(user)
    await add_article(db, (KK,), title="Вторая")
    await running.app.planner.plan_pending()
    await eventually(lambda: _not(_active(db, user)), "403: inactive")
    private = {"id": user, "type": "private", "first_name": "Иван"}
    member_update(emulator, private, "member", now_ts() - 60)
    await eventually(
        lambda: db.fetchval("SELECT count(*) FROM chats WHERE id = ? AND membership_at > ?",
                            (user, now_ts() - 60)),
        "the 403's date",
    )  # fmt: skip
    before = len(emulator.call_log("getUpdates"))
    await eventually(lambda: len(emulator.call_log("getUpdates")) > before + 1, "a poll")
    assert not await _active(db, user)
    emulator.set_blocked(user, False)
    member_update(emulator, private, "member", now_ts() + 1)  # unblocked: active again
    await eventually(lambda: _active(db, user), "unblocked: active")


async def _active(db: Database, chat_id: int) -> bool:
    return bool(await db.fetchval("SELECT active FROM chats WHERE id = ?", (chat_id,)))


async def _not(value: Any) -> bool:
    return not await value


# 7. Pacing against Telegram's 30/s ------------------------------------------------------------


def max_in_any_second(times: list[float]) -> int:
    times = sorted(times)
    return max((bisect.bisect_left(times, t + 1.0) - i for i, t in enumerate(times)), default=0)


async def test_a_broadcast_at_30_per_second_never_puts_31_in_one_second(
    emulator: Emulator, tmp_path: Path, apps: list[RunningApp]
) -> None:
    emulator.set_limits(True, global_per_second=30)
    db_path = tmp_path / "bot.sqlite3"
    chats = list(range(38_001, 38_151))
    await prepare(db_path, emulator, chats)
    running = await launch(emulator, db_path, delivery={"rate_per_second": 30})
    apps.append(running)
    await add_article(running.app.db, (KK,))
    await running.app.planner.plan_pending()
    await eventually(lambda: len(pushes(emulator)) == len(chats), "the broadcast", 60)
    calls = emulator.call_log("sendMessage")
    assert emulator.stats_snapshot()["too_many_requests"] == 0
    assert max_in_any_second([c["time"] for c in calls]) <= 30
    assert set(pushes(emulator).values()) == {1}
