"""The repository contract on both backends (SQLite and PostgreSQL): migrations, articles
with their dedup keys, events, sources, chats, the outbox with claims and leases.

The search and subscription repositories have their own modules (test_search_repository,
test_subscriptions_repo), parametrised the same way.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.ingest import dedup
from storage.articles import NewArticle, RegionTag
from storage.db import SqliteDatabase, apply_migrations, now_ts, open_database
from storage.deliveries import ArticleToPlan, Outcome
from storage.errors import MigrationError, StorageError
from storage.events import NewEvent
from storage.migrations import MIGRATIONS, PG_MIGRATIONS, Migration
from storage.postgres import PostgresDatabase, redact, translate
from storage.repos import Repositories
from storage.sources import ConfigSource
from tests.pg import BACKENDS, fresh_database, open_backend

NOW = now_ts()


@pytest.fixture(params=BACKENDS)
async def repos(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Repositories]:
    async with open_backend(request.param, tmp_path) as db:
        yield Repositories.over(db)


def article(
    n: int, *, text: str | None = None, regions: tuple[str, ...] = ("RU-KK",), **kw: object
) -> NewArticle:
    body = text if text is not None else f"Текст новости номер {n} о Хакасии и её районах."
    fields: dict[str, object] = {
        "source_id": None, "guid": None, "url": f"https://news.example/{n}",
        "title": f"Новость {n}", "text": body, "summary": "",
        "published_at": NOW - 3600 * n, "fetched_at": NOW, "content_hash": f"hash-{n}",
        "regions": tuple(RegionTag(code, "[]") for code in regions),
        "title_stems": f"новост {n}", "body_stems": "текст новост",
    }  # fmt: skip
    fields |= kw
    return NewArticle(**fields)  # type: ignore[arg-type]


# --- migrations ---------------------------------------------------------------------------


def test_both_dialects_have_the_same_migrations() -> None:
    """A schema change is one migration written for each dialect: same numbers, same names."""
    assert [(m.version, m.name) for m in MIGRATIONS] == [(m.version, m.name) for m in PG_MIGRATIONS]


async def test_postgres_fresh_install_and_reopen() -> None:
    async with fresh_database(migrated=False) as url:
        db = await open_database(url)
        try:
            assert isinstance(db, PostgresDatabase) and db.dialect == "postgresql"
            assert await db.user_version() == len(PG_MIGRATIONS)
            rows = await db.fetchall("SELECT version, name FROM schema_migrations ORDER BY 1")
            assert [(r["version"], r["name"]) for r in rows] == [
                (m.version, m.name) for m in PG_MIGRATIONS
            ]
            assert {"chats", "articles", "articles_fts", "deliveries", "events"} <= (
                await db.table_names()
            )
            assert await apply_migrations(db) == 0  # idempotent
        finally:
            await db.close()


async def test_postgres_concurrent_starts_migrate_once() -> None:
    async with fresh_database(migrated=False) as url:
        dbs = await asyncio.gather(*(open_database(url) for _ in range(4)))
        try:
            assert await dbs[0].fetchval("SELECT count(*) FROM schema_migrations") == len(
                PG_MIGRATIONS
            )
        finally:
            for db in dbs:
                await db.close()


async def test_postgres_failed_migration_rolls_back() -> None:
    async with fresh_database() as url:
        db = await open_database(url)
        try:
            assert isinstance(db, PostgresDatabase)
            version = await db.user_version()
            bad = Migration(version + 1, "bad", "CREATE TABLE ok_table (x int);\nNOT SQL;\n")
            with pytest.raises(MigrationError, match="bad"):
                await apply_migrations(db, [*PG_MIGRATIONS, bad])
            assert await db.user_version() == version
            assert "ok_table" not in await db.table_names()
        finally:
            await db.close()


@pytest.mark.parametrize("backend", BACKENDS)
async def test_schema_newer_than_the_code_is_refused(backend: str, tmp_path: Path) -> None:
    async with open_backend(backend, tmp_path) as db:
        version = await db.user_version()
        future = Migration(version + 1, "future", "CREATE TABLE future_table (x INTEGER);\n")
        known = MIGRATIONS if isinstance(db, SqliteDatabase) else PG_MIGRATIONS
        assert await apply_migrations(db, [*known, future]) == 1
        target = db.url if isinstance(db, PostgresDatabase) else db.path
        with pytest.raises(StorageError, match=r"newer than this (code|release)"):
            await open_database(target)


async def test_unreachable_postgres_is_a_storage_error() -> None:
    with pytest.raises(StorageError, match="cannot open database"):
        await open_database("postgresql://nobody:secret@127.0.0.1:1/none")


def test_placeholders_are_translated_outside_literals() -> None:
    sql, spec, rows = translate("SELECT '?', \"a?\", x::text FROM t WHERE a = ? AND b = ? -- ?")
    assert sql == "SELECT '?', \"a?\", x::text FROM t WHERE a = $1 AND b = $2 -- ?"
    assert (spec, rows) == (2, True)
    sql, spec, rows = translate("UPDATE t SET a = :a, b = ':no' WHERE c = :c OR d = :a")
    assert sql == "UPDATE t SET a = $1, b = ':no' WHERE c = $2 OR d = $1"
    assert (spec, rows) == (("a", "c"), False)
    assert translate("INSERT INTO t VALUES (?) RETURNING id")[2] is True
    assert redact("postgresql://u:pw@h:5432/db") == "postgresql://u:***@h:5432/db"


# --- chats, articles, dedup keys -----------------------------------------------------------


async def test_chats(repos: Repositories) -> None:
    chats = repos.chats
    chat = await chats.upsert(-100123, "supergroup", "Совет депутатов", "ru")
    assert chat.is_group and chat.active and chat.created_at.tzinfo is not None
    await chats.set_active(-100123, False)
    assert (await chats.count()) == (0, 1)
    back = await chats.upsert(-100123, "supergroup", "Совет", "ru")
    assert back.active and back.title == "Совет" and back.created_at == chat.created_at
    assert await chats.get(1) is None
    big = 7_000_000_000  # Telegram ids exceed 32 bits
    assert (await chats.upsert(big, "private", "Б", "en")).id == big


async def test_articles_seen_exact_and_near_copies(repos: Repositories) -> None:
    source, _ = await repos.sources.add("https://portal.example/rss", title="Портал")
    long_text = " ".join(f"слово{i}" for i in range(200))
    keys = tuple(dedup.band_keys(dedup.shingles(long_text)))
    assert keys  # signed 64-bit values: they round-trip on both backends
    first = article(1, text=long_text, source_id=source.id, guid="g1", lsh_keys=keys)
    results = await repos.articles.insert_many([first])
    assert results[0].status == "new"
    original = results[0].article_id
    assert original is not None
    again = await repos.articles.insert_many([first])  # same URL: seen
    assert again[0].status == "seen" and again[0].article_id is None
    same_guid = article(9, source_id=source.id, guid="g1", url="https://other/9")
    assert (await repos.articles.insert_many([same_guid]))[0].status == "seen"
    exact = article(2, text=long_text, content_hash="hash-1", lsh_keys=keys)
    near = article(3, text=long_text + " ещё", content_hash="other", lsh_keys=keys)
    out = await repos.articles.insert_many([exact, near], near_copy=lambda a, b: True)
    assert [r.status for r in out] == ["duplicate", "duplicate"]
    assert [r.duplicate_of for r in out] == [original, original]
    refused = article(4, text=long_text, content_hash="x", lsh_keys=keys)
    assert (await repos.articles.insert_many([refused], near_copy=lambda a, b: False))[
        0
    ].duplicate_of is None
    assert await repos.articles.known(source.id, [("g1", "https://x"), (None, first.url)]) == {
        "https://x",
        first.url,
    }
    got = await repos.articles.get(original)
    assert got is not None and got.source_title == "Портал" and got.regions == ("RU-KK",)
    assert got.published_at == datetime.fromtimestamp(first.published_at, UTC)
    many = await repos.articles.get_many([original, 999_999])
    assert [a.id for a in many] == [original]
    assert next(a.id for a in await repos.articles.latest(limit=10)) == original
    assert len(await repos.articles.latest(limit=10, include_duplicates=True)) == 4
    assert next(a.id for a in await repos.articles.latest(region="RU-KK")) == original
    band_rows = await repos.db.fetchval("SELECT count(*) FROM article_lsh_bands")
    assert band_rows == len(keys) * 4  # every stored text with keys has its bands


async def test_an_article_reads_its_main_regions_first(repos: Repositories) -> None:
    """Regions come back with the ones the story is about first, whatever their codes'
    order, and the ones it only mentions marked as such; an article with no main region
    shows all it mentions."""
    tags = (
        RegionTag("RU-MOW", "[]", "mentioned"),
        RegionTag("RU-TOM", "[]", "main"),
        RegionTag("RU-AD", "[]", "mentioned"),
    )
    only_mentioned = (RegionTag("RU-MOW", "[]", "mentioned"), RegionTag("RU-AD", "[]", "mentioned"))
    results = await repos.articles.insert_many(
        [replace(article(1), regions=tags), replace(article(2), regions=only_mentioned)]
    )
    first, second = (r.article_id for r in results)
    assert first is not None and second is not None
    got = await repos.articles.get(first)
    assert got is not None
    assert got.regions == ("RU-TOM", "RU-AD", "RU-MOW")
    assert got.mentioned == ("RU-AD", "RU-MOW")
    assert got.main_regions == ("RU-TOM",)
    [listed] = [a for a in await repos.articles.latest(limit=10) if a.id == first]
    assert listed.regions == got.regions and listed.mentioned == got.mentioned
    other = await repos.articles.get(second)
    assert other is not None and other.main_regions == ("RU-AD", "RU-MOW")


async def test_retention_deletes_articles_and_their_rows(repos: Repositories) -> None:
    now = datetime.now(UTC)
    items = [
        article(
            n,
            published_at=int((now - timedelta(days=age)).timestamp()),
            lsh_keys=tuple((band, 1000 * n + band) for band in range(16)),
        )
        for n, age in ((1, 400), (2, 10), (3, 1))
    ]
    ids = [r.article_id for r in await repos.articles.insert_many(items)]
    await repos.chats.upsert(5, "private", "A", "ru")
    assert ids[0] is not None
    await repos.deliveries.insert_rows(ids[0], [(5, 0, 0)])
    assert await repos.articles.delete_older_than(now - timedelta(days=365)) == 1
    assert await repos.articles.count() == 2
    assert await repos.db.fetchval("SELECT count(*) FROM article_regions") == 2
    assert await repos.db.fetchval("SELECT count(*) FROM articles_fts") == 2
    assert await repos.db.fetchval("SELECT count(*) FROM deliveries") == 0
    # The near-copy keys go with their article (PostgreSQL does not cascade them).
    kept = await repos.db.fetchall("SELECT DISTINCT article_id FROM article_lsh_bands")
    assert sorted(r[0] for r in kept) == sorted(ids[1:])


async def test_named_parameters_and_write_one(repos: Repositories) -> None:
    await repos.chats.upsert(7, "private", "A", "ru")
    changed = await repos.db.write_one(
        "UPDATE chats SET title = :t WHERE id = :id", {"t": "B", "id": 7}
    )
    assert changed == 1
    assert await repos.db.fetchval("SELECT title FROM chats WHERE id = :id", {"id": 7}) == "B"
    row = await repos.db.fetchone("SELECT id, title FROM chats WHERE id = ?", (7,))
    assert row is not None and (row[0], row["title"]) == (7, "B")


async def test_write_rolls_back_on_error(repos: Repositories) -> None:
    with pytest.raises(RuntimeError):
        async with repos.db.write() as conn:
            await conn.execute(
                "INSERT INTO chats (id, type, title, language, active, created_at, updated_at)"
                " VALUES (?, 'private', '', 'ru', 1, 0, 0)",
                (11,),
            )
            raise RuntimeError("boom")
    assert await repos.chats.get(11) is None


# --- sources ---------------------------------------------------------------------------------


async def test_sources(repos: Repositories) -> None:
    src = repos.sources
    added, created = await src.add("https://a.example/rss", region="RU-KK", origin="db")
    assert created and added.region == "RU-KK" and added.enabled
    assert (await src.add("https://a.example/rss"))[1] is False
    synced = await src.sync_config(
        [ConfigSource("https://b.example/rss", title="Б"), ConfigSource("https://a.example/rss")],
        default_interval=600,
    )
    assert [s.url for s in synced] == ["https://a.example/rss", "https://b.example/rss"]
    assert all(s.origin == "config" and s.interval_seconds == 600 for s in synced)
    await src.sync_config([ConfigSource("https://b.example/rss")], default_interval=600)
    a = await src.get_by_url("https://a.example/rss")
    assert a is not None and not a.enabled
    b = synced[1]
    await src.record_success(
        b.id, new_items=3, next_poll_at=NOW + 600, etag='"e"', last_modified=None, title="Нов"
    )
    got = await src.get(b.id)
    assert got is not None and got.title == "Б" and got.items_total == 3 and got.etag == '"e"'
    await src.record_failure(b.id, "timeout" * 200, next_poll_at=NOW + 60)
    got = await src.get(b.id)
    assert got is not None and got.failures == 1 and got.last_error is not None
    assert len(got.last_error) == 500
    assert await src.due(NOW + 61) == [got]
    await src.set_next_poll(b.id, NOW + 10_000)
    assert await src.due(NOW + 61) == []
    assert [s.url for s in await src.list_all(enabled_only=True)] == ["https://b.example/rss"]
    assert await src.delete(a.id) and await src.count() == 1


# --- events ---------------------------------------------------------------------------------


def _event(**kw: object) -> NewEvent:
    fields: dict[str, object] = {
        "kind": "форум", "name": "Малая родина", "name_key": "малая родина",
        "label": "форум", "start_date": date(2026, 5, 20), "end_date": date(2026, 5, 21),
        "date_text": "20-21 мая", "city": "Москва", "venue": None, "regions": ("RU-MOW",),
        "facts": {"participants": {"value": 7500, "sources": [1]}}, "summary": "Форум",
    }  # fmt: skip
    return NewEvent(**(fields | kw))  # type: ignore[arg-type]


async def test_events(repos: Repositories) -> None:
    ids = [
        r.article_id for r in await repos.articles.insert_many([article(1), article(2), article(3)])
    ]
    a1, a2, a3 = (int(i) for i in ids if i is not None)
    pub = datetime.fromtimestamp(NOW - 3600, UTC)
    events = repos.events
    eid = await events.create(
        _event(), article_id=a1, article_facts={"участники": 7500}, published_at=pub
    )
    assert await events.attach(eid, article_id=a2, article_facts={}, published_at=pub)
    assert not await events.attach(eid, article_id=a2, article_facts={}, published_at=pub)
    await events.update(eid, _event(regions=("RU-MOW", "RU-KK"), venue="ВДНХ"))
    got = await events.get(eid)
    assert got is not None and got.articles_count == 2 and got.regions == ("RU-KK", "RU-MOW")
    assert got.place == "Москва, ВДНХ" and got.title == "форум «Малая родина»"
    assert got.facts == {"participants": {"value": 7500, "sources": [1]}}
    assert await events.event_of_article(a1) == eid and await events.event_of_article(a3) is None
    assert await events.events_of_articles([a1, a2, a3]) == {a1: eid, a2: eid}
    since = pub - timedelta(days=1)
    assert [e.id for e in await events.find_by_key("форум", "малая родина", since=since)] == [eid]
    found = await events.find_candidates("форум", date(2026, 5, 21), date(2026, 5, 25), since=since)
    assert [e.id for e in found] == [eid]
    assert [e.id for e in await events.recent(region="RU-KK")] == [eid]
    assert await events.recent(region="RU-TA") == []
    reports = await events.articles(eid)
    assert [r.article_id for r in reports] == [a1, a2] and reports[0].facts == {"участники": 7500}


# --- the outbox ---------------------------------------------------------------------------


async def _planned_article(repos: Repositories, n: int = 1) -> ArticleToPlan:
    fresh = article(n, published_at=now_ts(), fetched_at=now_ts() + 10)
    result = await repos.articles.insert_many([fresh])
    assert result[0].article_id is not None
    plan = await repos.deliveries.article_to_plan(result[0].article_id)
    assert plan is not None
    return plan


async def test_planning_and_sending(repos: Repositories) -> None:
    subs, deliveries = repos.subscriptions, repos.deliveries
    for chat in (1, 2, 3, 4):
        await repos.chats.upsert(chat, "private", f"u{chat}", "ru")
        await subs.subscribe(chat, 0, "RU-KK" if chat != 2 else "*")
    await subs.subscribe(1, 0, "*")  # two matching subscriptions: still one row
    await subs.update_settings(3, quiet_start="22:00", quiet_end="07:00")
    await subs.update_settings(4, mode="digest")
    plan = await _planned_article(repos)
    assert [a.id for a in await deliveries.unplanned()] == [plan.id]
    assert await deliveries.plan_simple(plan) == 2  # chats 1 and 2
    assert await deliveries.plan_simple(plan) == 0
    special = await deliveries.special_candidates(plan)
    assert [(c.chat_id, c.quiet_start, c.has_filters) for c in special] == [(3, "22:00", False)]
    assert await deliveries.insert_rows(plan.id, [(3, 0, NOW + 3600), (1, 0, 0)]) == 1
    await deliveries.mark_planned(plan.id)
    assert await deliveries.unplanned() == []
    assert await deliveries.pending_count() == 3
    assert await deliveries.next_due() == 0
    claimed = await deliveries.claim(10, now=NOW + 20, exclude_chats=[2])
    assert [c.chat_id for c in claimed] == [1]
    assert claimed[0].chat_type == "private" and claimed[0].link_previews is None
    claimed += await deliveries.claim(10, now=NOW + 20)
    assert sorted(c.chat_id for c in claimed) == [1, 2]
    assert await deliveries.claim(10, now=NOW + 20) == []
    await deliveries.apply(
        [Outcome(claimed[0].id, "sent", message_id=77), Outcome(claimed[1].id, "sent", 78)]
    )
    assert (await deliveries.counts()) == {"sent": 2, "pending": 1}
    later = await deliveries.claim(10, now=NOW + 3600)
    await deliveries.apply(
        [Outcome(later[0].id, "retry", not_before=NOW + 7200, error="429", count_attempt=True)]
    )
    assert await deliveries.next_due() == NOW + 7200
    sql = "SELECT attempts, status FROM deliveries WHERE id = ?"
    row = await repos.db.fetchone(sql, (later[0].id,))
    assert row is not None and (row["attempts"], row["status"]) == (1, "pending")
    assert await deliveries.deactivate_chat(3, "blocked") == 1
    assert (await deliveries.counts()).get("dropped") == 1


async def test_digest_rows(repos: Repositories) -> None:
    await repos.chats.upsert(1, "private", "A", "ru")
    await repos.subscriptions.update_settings(1, mode="digest")
    start = now_ts()
    plan = await _planned_article(repos)
    ids = await repos.deliveries.digest_article_ids(["RU-KK"], start, start + 100, 10)
    assert ids == [plan.id]
    assert await repos.deliveries.digest_article_ids(["*"], start, start + 100, 10) == [plan.id]
    assert await repos.deliveries.digest_article_ids(["RU-TA"], start, start + 100, 10) == []
    assert await repos.deliveries.add_digest(1, "<b>Дайджест</b>", NOW + 100)
    assert not await repos.deliveries.add_digest(1, "<b>Дайджест</b>", NOW + 100)
    claimed = await repos.deliveries.claim(5, now=NOW + 200)
    assert [(c.kind, c.payload) for c in claimed] == [("digest", "<b>Дайджест</b>")]


async def _outbox(repos: Repositories, chats: int) -> int:
    for chat in range(1, chats + 1):
        await repos.chats.upsert(chat, "private", f"u{chat}", "ru")
        await repos.subscriptions.subscribe(chat, 0, "RU-KK")
    plan = await _planned_article(repos)
    return await repos.deliveries.plan_simple(plan)


async def test_crash_leftovers_are_sent_again(repos: Repositories) -> None:
    """SQLite: at start every 'sending' row goes back. PostgreSQL: only once its lease ran out."""
    await _outbox(repos, 3)
    deliveries = repos.deliveries
    claimed = await deliveries.claim(10, now=NOW + 20)
    assert len(claimed) == 3
    if repos.db.dialect == "sqlite":
        assert await deliveries.reset_in_flight() == 3
        return
    assert await deliveries.reset_in_flight(now=NOW + 21) == 0  # leased: someone is sending
    assert await deliveries.claim(10, now=NOW + 21) == []
    expired = NOW + 20 + deliveries.lease_seconds + 1
    assert await deliveries.next_due() == NOW + 20 + deliveries.lease_seconds
    again = await deliveries.claim(2, now=expired)  # the lease ran out: claimable again
    assert sorted(c.id for c in again) == sorted(c.id for c in claimed)[:2]
    assert await deliveries.reset_in_flight(now=expired) == 1


async def test_a_renewed_lease_keeps_rows_with_their_claimer(repos: Repositories) -> None:
    """PostgreSQL: renewing pushes the lease on (rows held longer than one lease stay with
    their claimer); rows no longer 'sending' are not touched. SQLite has no leases."""
    await _outbox(repos, 3)
    deliveries = repos.deliveries
    claimed = await deliveries.claim(10, now=NOW + 20)
    ids = [c.id for c in claimed]
    if repos.db.dialect == "sqlite":
        assert not deliveries.leases
        assert await deliveries.renew(ids) == 0
        return
    assert deliveries.leases
    await deliveries.apply([Outcome(ids[0], "sent", message_id=7)])
    lease = deliveries.lease_seconds
    assert await deliveries.renew(ids, now=NOW + 20 + lease - 1) == 2  # the sent one is done
    first_lease_over = NOW + 20 + lease + 1
    assert await deliveries.claim(10, now=first_lease_over) == []  # still leased
    assert await deliveries.reset_in_flight(now=first_lease_over) == 0
    assert await deliveries.next_due() == NOW + 20 + 2 * lease - 1
    again = await deliveries.claim(10, now=NOW + 20 + 2 * lease)  # not renewed again: free
    assert sorted(c.id for c in again) == sorted(ids[1:])
    assert await deliveries.counts() == {"sent": 1, "sending": 2}


async def test_postgres_concurrent_claims_never_share_a_row() -> None:
    async with fresh_database() as url:
        db = await open_database(url)
        try:
            repos = Repositories.over(db)
            planned = await _outbox(repos, 60)
            assert planned == 60
            batches = await asyncio.gather(
                *(repos.deliveries.claim(7, now=NOW + 20) for _ in range(12))
            )
            ids = [c.id for batch in batches for c in batch]
            assert len(ids) == len(set(ids)) == 60
            # Two instances: separate pools, one shared table.
            other = await open_database(url)
            try:
                theirs = Repositories.over(other).deliveries
                await repos.deliveries.apply([Outcome(i, "retry") for i in ids])
                mine, yours = await asyncio.gather(
                    repos.deliveries.claim(40, now=NOW + 30), theirs.claim(40, now=NOW + 30)
                )
                assert len(mine) + len(yours) == 60
                assert not {c.id for c in mine} & {c.id for c in yours}
            finally:
                await other.close()
        finally:
            await db.close()


async def test_sqlite_database_open_still_works(tmp_path: Path) -> None:
    db = await open_database(tmp_path / "x.sqlite3")
    try:
        assert isinstance(db, SqliteDatabase) and db.dialect == "sqlite"
    finally:
        await db.close()
