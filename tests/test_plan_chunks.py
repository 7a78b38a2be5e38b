"""Planning in chunks, on both backends: an article's audience is written to the outbox a
bounded chunk at a time (``delivery_plans``), and whatever stops in between, every chat gets
the article once and in the order the articles were planned."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest

from bot.delivery import planner as planner_module
from bot.delivery.planner import Planner
from storage.articles import NewArticle, RegionTag
from storage.db import now_ts, open_database
from storage.repos import Repositories
from storage.subscriptions import FilterWord
from tests.pg import BACKENDS, fresh_database, open_backend

CHUNK = 4
KK, TA = "RU-KK", "RU-TA"


@pytest.fixture(params=BACKENDS)
async def repos(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Repositories]:
    async with open_backend(request.param, tmp_path) as db:
        yield Repositories.over(db)


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(planner_module, "PLAN_CHUNK", CHUNK)


async def add_article(repos: Repositories, n: int, regions: tuple[RegionTag, ...]) -> int:
    now = now_ts()  # after the subscriptions: they all count
    fresh = NewArticle(
        source_id=None, guid=None, url=f"https://news.example/{n}", title=f"Новость {n}",
        text="Заседание совета о ремонте дорог.", summary="", published_at=now,
        fetched_at=now + 10, content_hash=f"hash-{n}", regions=regions,
        title_stems=f"новост {n}", body_stems="заседан совет ремонт дорог",
    )  # fmt: skip
    result = await repos.articles.insert_many([fresh])
    assert result[0].article_id is not None
    return result[0].article_id


async def audience(repos: Repositories) -> dict[int, int]:
    """Chat ids the planner should reach for an article about KK mentioning TA, each mapped
    to 1; the others (digest, inactive, excluded by a filter, mentioned-only) are set up too."""
    chats, subs = repos.chats, repos.subscriptions
    expected: dict[int, int] = {}
    for chat in range(1, 15):  # plain subscribers of KK: several chunks
        await chats.upsert(chat, "private", f"u{chat}", "ru")
        await subs.subscribe(chat, 0, KK)
        expected[chat] = 1
    await subs.subscribe(3, 0, "*")  # two matching subscriptions: still one row
    await subs.subscribe(5, 0, TA)
    for chat in (20, 21):  # all of Russia
        await chats.upsert(chat, "private", f"u{chat}", "ru")
        await subs.subscribe(chat, 0, "*")
        expected[chat] = 1
    await chats.upsert(30, "private", "quiet", "ru")  # quiet hours: a row, maybe later
    await subs.subscribe(30, 0, KK)
    await subs.update_settings(30, quiet_start="00:00", quiet_end="23:59")
    expected[30] = 1
    await chats.upsert(31, "private", "filtered out", "ru")
    await subs.subscribe(31, 0, KK)
    await subs.add_filters(31, 0, [FilterWord("дорога", "дорог", include=False)])
    await chats.upsert(32, "private", "filtered in", "ru")
    await subs.subscribe(32, 0, KK)
    await subs.add_filters(32, 0, [FilterWord("совет", "совет", include=True)])
    expected[32] = 1
    await chats.upsert(33, "private", "digest", "ru")
    await subs.subscribe(33, 0, KK)
    await subs.update_settings(33, mode="digest")
    for chat, mentioned in ((40, True), (41, False)):  # TA is only mentioned
        await chats.upsert(chat, "private", f"ta{chat}", "ru")
        await subs.subscribe(chat, 0, TA)
        await subs.update_settings(chat, mentioned=mentioned)
    expected[40] = 1
    return expected


ROLES = (RegionTag(KK, "[]"), RegionTag(TA, "[]", role="mentioned"))


async def rows_by_chat(repos: Repositories, article_id: int) -> Counter[int]:
    rows = await repos.db.fetchall(
        "SELECT chat_id FROM deliveries WHERE article_id = ?", (article_id,)
    )
    return Counter(int(r[0]) for r in rows)


async def test_a_large_audience_is_written_in_chunks(repos: Repositories) -> None:
    """The first chunk comes with planning, the rest with later runs; in the end every chat
    that should get the article has exactly one row, the others none."""
    expected = await audience(repos)
    aid = await add_article(repos, 1, ROLES)
    planner = Planner(repos)
    first = await planner.plan_article(aid, budget=CHUNK)
    assert 0 < first < len(expected)
    assert await repos.deliveries.unplanned() == []  # planned: the plan is recorded
    assert await repos.deliveries.open_plans() == 1
    assert await planner.expand() == len(expected) - first
    assert await rows_by_chat(repos, aid) == Counter(expected)
    assert await repos.deliveries.open_plans() == 0
    assert await planner.expand() == 0


async def test_a_crash_between_a_chunk_and_its_cursor_doubles_nothing(
    repos: Repositories,
) -> None:
    """Rows of a chunk are committed, the cursor is not (the process died): the next run
    does that chunk again and adds only what is missing."""
    expected = await audience(repos)
    aid = await add_article(repos, 1, ROLES)
    deliveries = repos.deliveries
    article = await deliveries.article_to_plan(aid)
    assert article is not None
    await deliveries.open_plan(article)
    chunk = await deliveries.next_chunk(CHUNK)  # '*': chats 3, 20 and 21
    assert chunk is not None and chunk.region == "*" and chunk.upto is None
    assert await deliveries.plan_chunk(chunk) == 3
    await deliveries.advance_plan(chunk)
    chunk = await deliveries.next_chunk(CHUNK)  # KK: chats 1-4 (3 has its row already)
    assert chunk is not None and chunk.region == KK and chunk.upto == (4, 0)
    assert await deliveries.plan_chunk(chunk) == 3  # ... and the process dies here
    assert set(await rows_by_chat(repos, aid)) == {1, 2, 3, 4, 20, 21}
    await Planner(repos).expand()  # after the restart
    assert await rows_by_chat(repos, aid) == Counter(expected)
    assert await deliveries.open_plans() == 0


async def test_planning_again_starts_the_open_plan_over(repos: Repositories) -> None:
    """An article planned again while its plan is open (its page brought a region that sorts
    before the plan's cursor) is gone through from the start: the new region's chats get it,
    nobody gets it twice."""
    expected = await audience(repos)
    aid = await add_article(repos, 1, (RegionTag(KK, "[]"),))
    planner = Planner(repos)
    await planner.plan_article(aid, budget=CHUNK)  # '*' and the first chunk of KK
    assert await repos.deliveries.open_plans() == 1
    for chat in (50, 51):
        await repos.chats.upsert(chat, "private", f"ad{chat}", "ru")
        await repos.subscriptions.subscribe(chat, 0, "RU-AD")  # sorts before RU-KK
    await repos.db.write_one(
        "INSERT INTO article_regions (article_id, region, published_at) VALUES (?, 'RU-AD', ?)",
        (aid, now_ts()),
    )
    await repos.db.write_one("UPDATE articles SET fetched_at = ? WHERE id = ?", (now_ts(), aid))
    del expected[40]  # TA is not one of this article's regions
    expected |= {50: 1, 51: 1}
    await planner.plan_article(aid, budget=None)
    assert await rows_by_chat(repos, aid) == Counter(expected)
    assert await repos.deliveries.open_plans() == 0


async def test_settings_changed_mid_expansion_lose_no_chat(repos: Repositories) -> None:
    """A chat not yet reached that turns on quiet hours (or a filter) is planned by the
    chunk that reaches it with its new settings; it is neither lost nor doubled."""
    expected = await audience(repos)
    aid = await add_article(repos, 1, (RegionTag(KK, "[]"),))
    del expected[40]  # TA is not one of this article's regions
    planner = Planner(repos)
    await planner.plan_article(aid, budget=CHUNK)
    await repos.subscriptions.update_settings(14, quiet_start="00:00", quiet_end="23:59")
    await planner.expand()
    assert await rows_by_chat(repos, aid) == Counter(expected)


async def test_articles_keep_their_order_across_chunks(repos: Repositories) -> None:
    """A second article planned while the first is still being written gets its rows after
    all of the first's: every chat gets the two in the order they were planned."""
    expected = await audience(repos)
    first = await add_article(repos, 1, ROLES)
    second = await add_article(repos, 2, ROLES)
    planner = Planner(repos)
    await planner.plan_article(first, budget=CHUNK)
    await planner.plan_article(second, budget=CHUNK)
    assert await repos.deliveries.open_plans() == 2
    await planner.expand()
    rows = await repos.db.fetchall("SELECT id, chat_id, article_id FROM deliveries ORDER BY id")
    order = [int(r[2]) for r in rows]
    assert order == sorted(order, key=lambda a: a != first)  # all of the first, then the second
    assert await rows_by_chat(repos, second) == Counter(expected)


async def test_a_republished_copy_opens_no_plan(repos: Repositories) -> None:
    await audience(repos)
    original = await add_article(repos, 1, ROLES)
    copy = await add_article(repos, 2, ROLES)
    await repos.db.write_one("UPDATE articles SET duplicate_of = ? WHERE id = ?", (original, copy))
    assert await Planner(repos).plan_article(copy) == 0
    assert await repos.deliveries.open_plans() == 0
    assert [a.id for a in await repos.deliveries.unplanned()] == [original]
    assert await rows_by_chat(repos, copy) == Counter()


async def test_a_chat_moved_while_its_row_is_written_gets_the_article_at_its_new_id() -> None:
    """PostgreSQL checks a new row's chat against the newest committed rows: a group that
    becomes a supergroup while planning writes its row fails that statement. Planning runs it
    again, reads the moved chat, and the article reaches the new id once."""
    async with fresh_database() as url:
        db = await open_database(url)
        try:
            repos = Repositories.over(db)
            old, new = -4_000_007, -1_000_000_000_007
            await repos.chats.upsert(old, "group", "Совет", "ru")
            await repos.subscriptions.subscribe(old, 0, KK)
            aid = await add_article(repos, 1, ROLES)
            mover = await asyncpg.connect(url)
            try:
                move = mover.transaction()
                await move.start()
                # The move holds the chat's row: the planner's new row waits for its check.
                await mover.execute("UPDATE chats SET id = $1 WHERE id = $2", new, old)
                planning = asyncio.create_task(Planner(repos).plan_article(aid))
                await asyncio.sleep(0.5)
                assert not planning.done()  # waiting on the moved row
                await move.commit()
                planned = await asyncio.wait_for(planning, 10)
            finally:
                await mover.close()
            assert planned == 1
            assert await rows_by_chat(repos, aid) == Counter({new: 1})
        finally:
            await db.close()
