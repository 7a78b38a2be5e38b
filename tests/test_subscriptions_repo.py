"""SubscriptionRepository and StatsRepository over a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.text.catalogue import REGIONS
from handlers.subscription_views import my_view
from storage.db import Database, now_ts
from storage.repos import Repositories
from storage.stats import StatsRepository
from storage.subscriptions import ALL_REGIONS, ChatFilters, ChatSettings, FilterWord
from tests.pg import BACKENDS, open_backend

GROUP = -100500
OTHER = -100600


@pytest.fixture(params=BACKENDS)
async def repos(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Repositories]:
    async with open_backend(request.param, tmp_path) as db:
        r = Repositories.over(db)
        await r.chats.upsert(1, "private", "Анна", "ru")
        await r.chats.upsert(GROUP, "supergroup", "Совет", "ru")
        yield r


async def test_subscribe_is_idempotent_and_per_topic(repos: Repositories) -> None:
    subs = repos.subscriptions
    assert await subs.subscribe(1, 0, "RU-KK") is True
    assert await subs.subscribe(1, 0, "RU-KK") is False
    assert await subs.subscribe(GROUP, 7, "RU-KK") is True
    assert await subs.subscribe(GROUP, 0, "RU-KK") is True  # another topic: another row
    rows = await subs.list_for_chat(GROUP)
    assert sorted((s.thread_id, s.region) for s in rows) == [(0, "RU-KK"), (7, "RU-KK")]
    only7 = await subs.list_for_chat(GROUP, 7)
    assert [(s.chat_id, s.thread_id, s.region) for s in only7] == [(GROUP, 7, "RU-KK")]
    assert only7[0].created_at.tzinfo is UTC
    assert abs((datetime.now(UTC) - only7[0].created_at).total_seconds()) < 5
    assert await subs.is_subscribed(GROUP, 7, "RU-KK")
    assert not await subs.is_subscribed(GROUP, 8, "RU-KK")


async def test_unsubscribe_reports_whether_it_removed(repos: Repositories) -> None:
    subs = repos.subscriptions
    await subs.subscribe(1, 0, "RU-KK")
    assert await subs.unsubscribe(1, 0, "RU-TA") is False
    assert await subs.unsubscribe(1, 0, "RU-KK") is True
    assert await subs.unsubscribe(1, 0, "RU-KK") is False
    assert await subs.list_for_chat(1) == []


async def test_subscribers_include_all_russia_and_skip_inactive(repos: Repositories) -> None:
    subs = repos.subscriptions
    await subs.subscribe(1, 0, "RU-KK")
    await subs.subscribe(GROUP, 3, ALL_REGIONS)
    await repos.chats.upsert(OTHER, "group", "Другой", "ru")
    await subs.subscribe(OTHER, 0, "RU-TA")
    found = await subs.subscribers(["RU-KK"])
    assert {(s.chat_id, s.thread_id, s.region) for s in found} == {
        (1, 0, "RU-KK"),
        (GROUP, 3, ALL_REGIONS),
    }
    await subs.deactivate(1)
    assert {s.chat_id for s in await subs.subscribers(["RU-KK", "RU-TA"])} == {GROUP, OTHER}
    chat = await repos.chats.get(1)
    assert chat is not None and chat.active is False
    # Deactivation keeps the subscriptions for a chat that comes back.
    assert [s.region for s in await subs.list_for_chat(1)] == ["RU-KK"]


async def test_filters_round_trip_and_switch_sides(repos: Repositories) -> None:
    subs = repos.subscriptions
    assert await subs.filters_for(1, 0) == ChatFilters()
    after = await subs.add_filters(
        1,
        0,
        [FilterWord("форум", "форума", True), FilterWord("реклама", "реклама", False)],
    )
    assert after.include == frozenset({"форум"})
    assert after.exclude == frozenset({"реклама"})
    assert [w.word for w in after.words] == ["форума", "реклама"]
    # The same word with the other sign moves to the other side.
    after = await subs.add_filters(1, 0, [FilterWord("реклама", "реклама", True)])
    assert after.include == frozenset({"форум", "реклама"}) and after.exclude == frozenset()
    # Topics have their own filters.
    assert (await subs.filters_for(1, 5)).empty
    assert await subs.remove_filters(1, 0, ["форум", "нет-такого"]) == 1
    assert (await subs.filters_for(1, 0)).include == frozenset({"реклама"})
    assert await subs.clear_filters(1, 0) == 1
    assert (await subs.filters_for(1, 0)).empty


async def test_settings_defaults_and_updates(repos: Repositories) -> None:
    subs = repos.subscriptions
    assert await subs.get_settings(1) == ChatSettings(chat_id=1)
    changed = await subs.update_settings(
        1, mode="digest", digest_time="07:00", quiet_start="22:00", quiet_end="08:00"
    )
    assert (changed.mode, changed.digest_time, changed.quiet_hours) == (
        "digest",
        "07:00",
        ("22:00", "08:00"),
    )
    assert changed.link_previews is True and changed.timezone is None
    changed = await subs.update_settings(1, link_previews=False, timezone="Asia/Krasnoyarsk")
    assert changed.link_previews is False and changed.mode == "digest"
    assert await subs.get_settings(1) == changed
    with pytest.raises(ValueError, match="unknown"):
        await subs.update_settings(1, chat_id=5)
    with pytest.raises(ValueError, match="mode"):
        await subs.update_settings(1, mode="hourly")
    at = datetime(2026, 1, 1, 9, tzinfo=UTC)
    await subs.mark_digest_sent(1, at)
    assert (await subs.get_settings(1)).last_digest_at == at
    assert [s.chat_id for s in await subs.digest_chats()] == [1]
    # Choosing another digest time keeps the period; leaving and coming back restarts it.
    assert (await subs.update_settings(1, mode="digest", digest_time="12:00")).last_digest_at == at
    await subs.update_settings(1, mode="instant")
    assert (await subs.get_settings(1)).last_digest_at == at
    assert await subs.digest_chats() == []
    assert (await subs.update_settings(1, mode="digest")).last_digest_at is None


async def test_first_region_ignores_all_russia(repos: Repositories) -> None:
    subs = repos.subscriptions
    assert await subs.first_region(GROUP) is None
    await subs.subscribe(GROUP, 0, ALL_REGIONS)
    assert await subs.first_region(GROUP) is None
    await subs.subscribe(GROUP, 0, "RU-KK")
    assert await subs.first_region(GROUP) == "RU-KK"


async def _chat_ids(db: Database) -> set[int]:
    return {int(r[0]) for r in await db.fetchall("SELECT id FROM chats")}


async def test_move_chat_renumbers_when_new_id_is_free(repos: Repositories) -> None:
    subs, db = repos.subscriptions, repos.db
    await repos.chats.upsert(-5, "group", "Группа", "ru")
    await subs.subscribe(-5, 0, "RU-KK")
    await subs.add_filters(-5, 0, [FilterWord("форум", "форум", True)])
    await subs.update_settings(-5, mode="digest")
    await subs.move_chat(-5, -1005)
    assert -5 not in await _chat_ids(db)
    moved = await repos.chats.get(-1005)
    assert moved is not None and moved.type == "supergroup" and moved.title == "Группа"
    assert [s.region for s in await subs.list_for_chat(-1005)] == ["RU-KK"]
    assert (await subs.filters_for(-1005, 0)).include == frozenset({"форум"})
    assert (await subs.get_settings(-1005)).mode == "digest"
    assert await subs.list_for_chat(-5) == []


async def test_move_chat_merges_into_an_existing_row(repos: Repositories) -> None:
    subs, db = repos.subscriptions, repos.db
    await repos.chats.upsert(-5, "group", "Группа", "ru")
    await repos.chats.upsert(-1005, "supergroup", "Группа", "ru")
    await subs.subscribe(-5, 0, "RU-KK")
    await subs.subscribe(-5, 0, "RU-TA")
    await subs.subscribe(-1005, 0, "RU-TA")  # on both: kept once
    await subs.add_filters(-5, 0, [FilterWord("форум", "форум", True)])
    await subs.update_settings(-5, mode="digest", digest_time="21:00")
    ts = now_ts()
    async with db.write() as conn:
        await conn.execute(
            "INSERT INTO deliveries (chat_id, kind, payload, created_at)"
            " VALUES (?, 'digest', 'x', ?)",
            (-5, ts),
        )
    await subs.move_chat(-5, -1005)
    assert -5 not in await _chat_ids(db)
    assert sorted(s.region for s in await subs.list_for_chat(-1005)) == ["RU-KK", "RU-TA"]
    assert (await subs.filters_for(-1005, 0)).include == frozenset({"форум"})
    settings = await subs.get_settings(-1005)
    assert (settings.mode, settings.digest_time) == ("digest", "21:00")
    pending = await db.fetchall("SELECT chat_id FROM deliveries")
    assert [r[0] for r in pending] == [-1005]
    # Moving again (the old id is gone) is a no-op, not an error.
    await subs.move_chat(-5, -1005)
    assert len(await subs.list_for_chat(-1005)) == 2


async def test_counts_for_stats(repos: Repositories) -> None:
    subs, db = repos.subscriptions, repos.db
    await repos.chats.upsert(OTHER, "group", "Другой", "ru")
    await subs.subscribe(1, 0, "RU-KK")
    await subs.subscribe(GROUP, 0, "RU-KK")
    await subs.subscribe(GROUP, 0, "RU-TA")
    await subs.subscribe(OTHER, 0, "RU-TA")
    await subs.subscribe(OTHER, 0, "RU-MOW")
    await subs.deactivate(OTHER)  # inactive chats do not count
    top = await subs.count_by_region()
    assert [(r.region, r.subscriptions) for r in top] == [("RU-KK", 2), ("RU-TA", 1)]
    assert [r.region for r in await subs.count_by_region(1)] == ["RU-KK"]
    assert await subs.count() == 3

    stats = StatsRepository(db)
    now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    t = int(now.timestamp())
    async with db.write() as conn:
        await conn.execute(
            "INSERT INTO articles (url, title, text, published_at, fetched_at, content_hash)"
            " VALUES ('u1', 't', 'x', ?, ?, 'h1'), ('u2', 't', 'x', ?, ?, 'h2')",
            (t, t - 3600, t, t - 86400 * 2),
        )
        rows = [
            ("sent", t - 10),
            ("sent", t - 59),
            ("sent", t - 61),
            ("pending", None),
            ("sending", None),
            ("failed", None),
            ("dropped", None),
        ]
        for status, sent_at in rows:
            await conn.execute(
                "INSERT INTO deliveries (chat_id, kind, payload, status, created_at, sent_at)"
                " VALUES (1, 'digest', 'x', ?, ?, ?)",
                (status, t, sent_at),
            )
    assert await stats.articles_since(now - timedelta(days=1)) == 1
    counts = await stats.deliveries(now)
    assert (counts.sent, counts.pending, counts.failed, counts.sent_last_minute) == (3, 2, 2, 2)
    assert counts.rate_per_second == pytest.approx(2 / 60)


async def test_my_view_of_every_region_fits_one_message(repos: Repositories) -> None:
    subs = repos.subscriptions
    for region in REGIONS:
        await subs.subscribe(1, 0, region.code)
    await subs.subscribe(1, 0, ALL_REGIONS)
    long_words = [FilterWord(f"{i}" + "ы" * 38, f"{i}" + "ы" * 38, True) for i in range(60)]
    await subs.add_filters(1, 0, long_words)
    for lang in ("ru", "en"):
        text, keyboard = await my_view(subs, 1, 0, lang)
        assert len(text) <= 4096
        assert keyboard is not None
        assert sum(len(row) for row in keyboard.inline_keyboard) == 90
    text, _ = await my_view(subs, 1, 0, "ru")
    assert text.splitlines()[1] == "• Вся Россия"  # «Вся Россия» first
