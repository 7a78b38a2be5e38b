"""End-to-end delivery: the real app (aiogram Bot + Dispatcher, SQLite file, APScheduler)
plans and sends pushes to hundreds of chats through the emulator over HTTP.

Every test checks the emulator's message log: who got what, how many times, where.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.delivery.digest import run_digests
from bot.delivery.planner import Planner
from bot.delivery.worker import DEFAULT_RETRY_AFTER
from bot.emulator import ApiError, Emulator
from storage.db import now_ts, open_database
from storage.repos import Repositories
from storage.subscriptions import FilterWord
from tests.support.apps import BotAppFactory
from tests.support.articles import KK, MOW, TA, add_article
from tests.support.chats import add_chats, subscribe
from tests.support.delivery import FAST, drain, received, send_calls


async def test_broadcast_by_region_reaches_each_chat_exactly_once(
    emulator: Emulator, bot_app: BotAppFactory
) -> None:
    """Each chat of the article's regions (or «Вся Россия») gets it once; no one else does."""
    running = await bot_app(delivery=FAST)
    db = running.app.db
    kk = list(range(10_001, 10_101))  # 100 chats: Хакасия
    ta = list(range(20_001, 20_101))  # 100: Татарстан
    both = list(range(30_001, 30_051))  # 50: both regions -> still one message
    everything = list(range(40_001, 40_051))  # 50: «Вся Россия»
    moscow = list(range(50_001, 50_051))  # 50: Москва only -> nothing
    late = list(range(60_001, 60_011))  # 10: subscribed after the article -> nothing
    digest = list(range(70_001, 70_006))  # 5: digest mode -> no instant push
    all_chats = kk + ta + both + everything + moscow + late + digest
    await add_chats(db, emulator, [(c, "private") for c in all_chats])
    await subscribe(db, [(c, KK) for c in kk + both + late + digest])
    await subscribe(db, [(c, TA) for c in ta + both])
    await subscribe(db, [(c, "*") for c in everything])
    await subscribe(db, [(c, MOW) for c in moscow])
    subs = running.app.repos.subscriptions
    for c in digest:
        await subs.update_settings(c, mode="digest")
    # Old news: published two hours before the subscription, fetched now.
    old = await add_article(db, (KK,), published=now_ts() - 7200 - 60, title="Старое")
    async with db.write() as conn:
        await conn.executemany(
            "UPDATE subscriptions SET created_at = ? WHERE chat_id = ?",
            [(now_ts() + 3600, c) for c in late],
        )
    article = await add_article(db, (KK, TA), title="Форум в Абакане")
    copy = await add_article(db, (KK, TA), title="Форум (перепечатка)", duplicate_of=article)
    await drain(running)

    expected = kk + ta + both + everything
    for chat in all_chats:
        got = received(emulator, chat)
        if chat in expected:
            assert len(got) == 1, (chat, got)
            assert "Форум в Абакане" in got[0]["text"]
            assert got[0]["parse_mode"] == "HTML"
            assert "#Хакасия #Татарстан" in got[0]["text"]
        else:
            assert got == [], chat
    calls = send_calls(emulator)
    assert len(calls) == len(expected)
    assert all(str(c["params"].get("allow_paid_broadcast")).lower() == "true" for c in calls)
    repo = running.app.repos.deliveries
    assert await repo.counts() == {"sent": len(expected)}
    # Everything is planned once: planning again creates nothing.
    assert await running.app.planner.plan_article(article) == 0
    for a in (old, article, copy):
        assert (await repo.article_to_plan(a)) is not None
    assert await repo.unplanned() == []


async def test_groups_forum_topics_and_link_previews(
    emulator: Emulator, bot_app: BotAppFactory
) -> None:
    """Each subscribed forum topic gets its copy; a chat's no-link-preview setting is sent."""
    running = await bot_app(delivery=FAST)
    db = running.app.db
    forum, group = -1001234, -777
    await add_chats(db, emulator, [(forum, "supergroup"), (group, "group"), (501, "private")])
    await subscribe(db, [(forum, KK)], thread_id=5)
    await subscribe(db, [(forum, TA)], thread_id=7)
    await subscribe(db, [(forum, "*")], thread_id=0)
    await subscribe(db, [(group, KK), (group, TA), (501, KK)])
    await running.app.repos.subscriptions.update_settings(501, link_previews=False)
    await add_article(db, (KK,), title="Только Хакасия")
    await drain(running)

    in_forum = received(emulator, forum)
    assert sorted((m["message_thread_id"] or 0) for m in in_forum) == [0, 5]
    assert len(received(emulator, group)) == 1
    private = received(emulator, 501)
    assert len(private) == 1
    assert private[0]["link_preview_options"] == {"is_disabled": True}
    assert received(emulator, group)[0]["link_preview_options"] is None


async def test_keyword_filters_and_quiet_hours(emulator: Emulator, bot_app: BotAppFactory) -> None:
    """Filter words pick the articles; during quiet hours the rows wait for a later time."""
    running = await bot_app(delivery=FAST)
    db = running.app.db
    subs = running.app.repos.subscriptions
    wants_forum, no_ads, plain, quiet = 801, 802, 803, 804
    await add_chats(db, emulator, [(c, "private") for c in (wants_forum, no_ads, plain, quiet)])
    await subscribe(db, [(c, KK) for c in (wants_forum, no_ads, plain, quiet)])
    await subs.add_filters(wants_forum, 0, [FilterWord("форум", "форум", True)])
    await subs.add_filters(no_ads, 0, [FilterWord("реклама", "реклама", False)])
    # Quiet all day long but one minute: whatever the clock, "now" is inside.
    now_msk = datetime.now(UTC) + timedelta(hours=7)  # Хакасия: UTC+7
    start_q = (now_msk - timedelta(minutes=1)).strftime("%H:%M")
    end_q = (now_msk - timedelta(minutes=2)).strftime("%H:%M")
    await subs.update_settings(quiet, quiet_start=start_q, quiet_end=end_q)

    forum_news = await add_article(db, (KK,), title="Форумы в Абакане", text="Прошли форумы.")
    ads = await add_article(db, (KK,), title="Скидки", text="Реклама недели и скидки.")
    await drain(running)  # the quiet chat's rows wait: not_before is in the future

    def titles(chat: int) -> list[str]:
        return sorted(m["text"].split("\n")[0] for m in received(emulator, chat))

    assert titles(wants_forum) == ["Форумы в Абакане"]  # «форумы» matches +форум
    assert titles(no_ads) == ["Форумы в Абакане"]  # «реклама» excluded
    assert titles(plain) == ["Скидки", "Форумы в Абакане"]
    assert titles(quiet) == []
    rows = await db.fetchall(
        "SELECT article_id, not_before, status FROM deliveries WHERE chat_id = ?", (quiet,)
    )
    assert sorted(r[0] for r in rows) == [forum_news, ads]
    assert all(r[2] == "pending" and r[1] > now_ts() for r in rows)


async def test_429_storm_then_everything_delivered_once(
    emulator: Emulator, bot_app: BotAppFactory
) -> None:
    """A storm of 429s pauses all sending, then every chat still gets the article exactly once."""
    running = await bot_app(delivery=FAST)
    db = running.app.db
    chats = list(range(90_001, 90_301))
    await add_chats(db, emulator, [(c, "private") for c in chats])
    await subscribe(db, [(c, TA) for c in chats])
    emulator.add_fault("429", method="sendMessage", count=40, retry_after=1)
    await add_article(db, (TA,))
    # (forty one-second pauses at most: on a loaded machine more than the usual minute)
    await drain(running, timeout=150)

    for chat in chats:
        assert len(received(emulator, chat)) == 1, chat
    assert emulator.stats.too_many_requests == 40
    worker = running.app.worker
    assert worker.stats.pauses >= 1  # a storm pauses every send, not just one chat
    assert worker.stats.sent == len(chats)


async def test_emulator_rate_limits_are_respected_without_429(
    emulator: Emulator, bot_app: BotAppFactory
) -> None:
    """Groups at 20/min and private chats at 1/s, enforced by the emulator: no 429 at all."""
    running = await bot_app(
        delivery={"rate_per_second": 30, "paid_broadcast": False, "per_group_per_minute": 20}
    )
    emulator.set_limits(True, global_per_second=30, group_per_minute=20, private_per_second=1,
                        private_burst=1)  # fmt: skip
    db = running.app.db
    group, private = -4242, 4243
    await add_chats(db, emulator, [(group, "group"), (private, "private")])
    await subscribe(db, [(group, KK), (private, KK)])
    for i in range(22):  # the group gets 20 at once, then waits for its minute to pass
        await add_article(db, (KK,), title=f"Новость {i}")
    await running.app.planner.plan_pending()
    repo = running.app.repos.deliveries
    deadline = time.monotonic() + 40
    while len(received(emulator, private)) < 22:
        assert time.monotonic() < deadline
        await asyncio.sleep(0.1)
    assert len(received(emulator, group)) == 20
    assert emulator.stats.too_many_requests == 0
    assert all("allow_paid_broadcast" not in c["params"] for c in send_calls(emulator))
    # The private chat got one a second at most: 22 messages spread over 21+ seconds.
    dates = [m["date"] for m in received(emulator, private)]
    assert max(dates) - min(dates) >= 20
    # The group's last two wait in the DB with a not_before about a minute after the first.
    waiting = await db.fetchall(
        "SELECT not_before FROM deliveries WHERE chat_id = ? AND status = 'pending'", (group,)
    )
    assert len(waiting) == 2
    assert all(r[0] >= min(dates) + 55 for r in waiting)
    # The last send's answer may still be on its way to the DB (outcomes are batched).
    while await db.fetchval("SELECT count(*) FROM deliveries WHERE status = 'sending'"):
        assert time.monotonic() < deadline, await repo.counts()
        await asyncio.sleep(0.05)
    assert await repo.counts() == {"sent": 42, "pending": 2}


async def test_blocked_and_missing_chats_become_inactive_and_pending_is_dropped(
    emulator: Emulator, bot_app: BotAppFactory, tmp_path: Path
) -> None:
    """A gone chat is tried once, made inactive, its rows dropped and never planned again."""
    chats = list(range(11_001, 11_201))
    blocked = chats[:20]
    missing = [11_500, 11_501]  # known to us, unknown to Telegram: 400 chat not found
    kicked = -31_337
    # Three articles planned before the bot starts: each gone chat has three rows waiting.
    path = tmp_path / "planned.sqlite3"
    db = await open_database(await bot_app.storage_for(path))
    try:
        await add_chats(db, emulator, [(c, "private") for c in chats])
        await add_chats(db, emulator, [(kicked, "group")])
        await add_chats(db, None, [(c, "private") for c in missing])
        await subscribe(db, [(c, KK) for c in [*chats, *missing, kicked]])
        for i in range(3):
            await add_article(db, (KK,), title=f"Новость {i}")
        assert await Planner(Repositories.over(db)).plan_pending() == 3 * (len(chats) + 3)
    finally:
        await db.close()
    for chat in blocked:
        emulator.set_blocked(chat, True)
    emulator.add_fault("403_kicked", method="sendMessage", chat_id=kicked)
    running = await bot_app(delivery=FAST, storage={"path": str(path)})
    db = running.app.db
    await drain(running)

    gone = {*blocked, *missing, kicked}
    for chat in chats:
        assert len(received(emulator, chat)) == (0 if chat in gone else 3)
    for chat in gone:
        assert len(send_calls(emulator, chat)) == 1  # one refusal, then nothing more is tried
        chat_row = await running.app.repos.chats.get(chat)
        assert chat_row is not None and not chat_row.active
        rows = await db.fetchall("SELECT status FROM deliveries WHERE chat_id = ?", (chat,))
        assert [r[0] for r in rows] == ["dropped"] * 3
    assert (await running.app.repos.deliveries.counts())["sent"] == 3 * (len(chats) - 20)
    # An inactive chat is not planned for any more.
    await add_article(db, (KK,), title="После")
    await drain(running)
    assert all(len(send_calls(emulator, c)) == 1 for c in gone)


async def test_server_errors_are_retried_until_the_retry_window_ends(
    emulator: Emulator, bot_app: BotAppFactory
) -> None:
    """5xx and dropped connections are retried with backoff; a row fails only once it has
    been failing for ``retry_for_seconds`` (short here), never after a number of tries."""
    running = await bot_app(
        delivery=FAST
        | {"retry_for_seconds": 6, "max_backoff_seconds": 0.05, "per_private_chat_per_second": 20}
    )
    db = running.app.db
    flaky, broken, network = 12_001, 12_002, 12_003
    others = list(range(12_100, 12_150))
    await add_chats(db, emulator, [(c, "private") for c in [flaky, broken, network, *others]])
    await subscribe(db, [(c, MOW) for c in [flaky, broken, network, *others]])
    emulator.add_fault("5xx", method="sendMessage", chat_id=flaky, count=12)
    emulator.add_fault("5xx", method="sendMessage", chat_id=broken, count=100_000)
    emulator.add_fault("drop", method="sendMessage", chat_id=network, count=1)
    await add_article(db, (MOW,))
    await drain(running)

    assert len(received(emulator, flaky)) == 1
    assert len(send_calls(emulator, flaky)) == 13  # twelve 500s (more than the old 8), then sent
    assert len(received(emulator, network)) == 1  # a dropped connection is retried too
    assert received(emulator, broken) == []
    row = await db.fetchone(
        "SELECT status, attempts, last_error, failing_since FROM deliveries WHERE chat_id = ?",
        (broken,),
    )
    assert row is not None and row[0] == "failed" and row[1] > 3 and row[2] and row[3]
    assert len(send_calls(emulator, broken)) == row[1]
    assert all(len(received(emulator, c)) == 1 for c in others)


async def test_bad_message_fails_with_the_reason(
    emulator: Emulator, bot_app: BotAppFactory
) -> None:
    """A message Telegram cannot parse fails with the API's reason; the chat stays active."""
    running = await bot_app(delivery=FAST)
    db = running.app.db
    await add_chats(db, emulator, [(13_001, "private")])
    async with db.write() as conn:
        await conn.execute(
            "INSERT INTO deliveries (chat_id, kind, payload, created_at)"
            " VALUES (13001, 'digest', '<b>broken', ?)",
            (now_ts(),),
        )
    running.app.worker.wake()
    await drain(running)
    row = await db.fetchone("SELECT status, last_error FROM deliveries")
    assert row is not None and row[0] == "failed" and "parse entities" in row[1]
    chat = await running.app.repos.chats.get(13_001)
    assert chat is not None and chat.active  # a bad message does not make a chat inactive


async def test_group_migrated_to_supergroup_is_moved_and_resent(
    emulator: Emulator, bot_app: BotAppFactory
) -> None:
    """A group upgraded to a supergroup: subscriptions move, refused messages go to the new id."""
    running = await bot_app(delivery=FAST)
    db = running.app.db
    old = -4_000_001
    await add_chats(db, emulator, [(old, "group")])
    await subscribe(db, [(old, KK), (old, TA)])
    new = emulator.migrate_chat(old)["migrate_to_chat_id"]
    await add_article(db, (KK,), title="Первая")
    await add_article(db, (TA,), title="Вторая")
    await drain(running)

    assert received(emulator, old) == []
    titles = sorted(m["text"].split("\n")[0] for m in received(emulator, new))
    assert titles == ["Вторая", "Первая"]
    subs = await running.app.repos.subscriptions.list_for_chat(new)
    assert sorted(s.region for s in subs) == [KK, TA]
    assert await running.app.repos.subscriptions.list_for_chat(old) == []


async def test_digest_job_queues_one_digest_and_is_idempotent(
    emulator: Emulator, bot_app: BotAppFactory
) -> None:
    """A digest chat gets no instant pushes and one digest per period, of its regions only."""
    running = await bot_app(delivery=FAST)
    db = running.app.db
    repos = running.app.repos
    chat = 14_001
    await add_chats(db, emulator, [(chat, "private")])
    await subscribe(db, [(chat, KK)], ago=3 * 86400)
    await repos.subscriptions.update_settings(chat, mode="digest", digest_time="09:00",
                                              timezone="Asia/Krasnoyarsk")  # fmt: skip
    now = datetime.now(UTC)
    assert await run_digests(repos, now - timedelta(days=2)) == 0  # starts the first period
    # Published and fetched before ``now``: a row stamped in the next second (a slow insert)
    # would be later than the digest's end and left out.
    stamp = int(now.timestamp()) - 100
    for i in range(3):
        await add_article(db, (KK,), title=f"Дайджест {i}", published=stamp + i, fetched=stamp + i)
    await add_article(db, (MOW,), title="Чужой регион", published=stamp, fetched=stamp)
    await running.app.planner.plan_pending()  # no instant rows for a digest chat
    assert await repos.deliveries.counts() == {}
    assert await run_digests(repos, now) == 1
    assert await run_digests(repos, now) == 0  # same period: nothing more
    assert await run_digests(repos, now + timedelta(minutes=5)) == 0
    running.app.worker.wake()
    await drain(running)
    messages = emulator.messages(chat)
    assert len(messages) == 1
    text = messages[0]["text"]
    assert text.startswith("Сводка за сегодня · Республика Хакасия")
    assert [f"Дайджест {i}" in text for i in range(3)] == [True] * 3
    assert "Чужой регион" not in text


async def test_registered_jobs_plan_by_themselves(
    emulator: Emulator, bot_app: BotAppFactory
) -> None:
    """Articles written by another process (planned = 0) are picked up by the planner job."""
    running = await bot_app(delivery=FAST)
    assert running.app.scheduler.get_job("delivery-plan") is not None
    assert running.app.scheduler.get_job("delivery-digest") is not None
    await add_chats(running.app.db, emulator, [(15_001, "private")])
    await subscribe(running.app.db, [(15_001, KK)])
    # As `python -m bot ingest` would: another connection to the same database.
    other = await open_database(running.app.settings.storage.database)
    try:
        await add_article(other, (KK,), title="Из другого процесса")
    finally:
        await other.close()
    messages = await emulator.wait_messages(15_001, 1, timeout=20)
    assert len(messages) == 1 and "Из другого процесса" in messages[0]["text"]
    assert Counter(t.get_name() for t in running.app.tasks)["delivery-worker"] == 1
    await running.stop()
    assert running.app.tasks == []


class BareTooManyEmulator(Emulator):
    """Answers an injected 429 without ``retry_after`` (some proxies do)."""

    @staticmethod
    def fault_error(fault: Any, params: Any) -> ApiError:
        if fault.kind == "429":
            return ApiError(429, "Too Many Requests")
        return Emulator.fault_error(fault, params)


@pytest.mark.parametrize("emulator", [BareTooManyEmulator], indirect=True)
async def test_429_without_retry_after_backs_off_and_resends(
    emulator: Emulator, bot_app: BotAppFactory
) -> None:
    """A 429 without retry_after waits DEFAULT_RETRY_AFTER, then the message goes once."""
    running = await bot_app(delivery=FAST)
    db = running.app.db
    chats = [16_001, 16_002, 16_003]
    await add_chats(db, emulator, [(c, "private") for c in chats])
    await subscribe(db, [(c, KK) for c in chats])
    emulator.add_fault("429", method="sendMessage", chat_id=16_001)
    await add_article(db, (KK,))
    await drain(running)
    assert [len(received(emulator, c)) for c in chats] == [1, 1, 1]
    assert emulator.stats.too_many_requests == 1
    assert running.app.worker.stats.too_many_requests == 1
    first, second = send_calls(emulator, 16_001)
    assert first["status"] == 429 and second["status"] == 200
    assert second["time"] - first["time"] >= DEFAULT_RETRY_AFTER - 1
