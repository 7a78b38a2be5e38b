"""Storage: pragmas, migrations (fresh and upgrade), two processes on one file, chats."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from storage.db import apply_migrations, open_database
from storage.errors import MigrationError
from storage.migrations import MIGRATIONS, Migration
from storage.repos import Repositories


async def test_fresh_install_applies_every_migration(tmp_path: Path) -> None:
    db = await open_database(tmp_path / "db.sqlite3")
    try:
        assert await db.user_version() == len(MIGRATIONS) == MIGRATIONS[-1].version
        assert await db.fetchval("PRAGMA journal_mode") == "wal"
        assert await db.fetchval("PRAGMA foreign_keys") == 1
        assert await db.fetchval("PRAGMA busy_timeout") >= 5000
        tables = {r[0] for r in await db.fetchall("SELECT name FROM sqlite_master")}
        assert {"chats", "sources", "articles", "article_regions", "articles_fts"} <= tables
        assert {"subscriptions", "deliveries", "chat_settings", "chat_filters"} <= tables
    finally:
        await db.close()


async def test_upgrade_through_every_migration_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    # Version 1 only, with a chat in it: an old install.
    db = await open_database(path, migrate=False)
    await apply_migrations(db, MIGRATIONS[:1])
    assert await db.user_version() == 1
    async with db.write() as conn:  # the repository speaks the newest schema: plain SQL here
        await conn.execute(
            "INSERT INTO chats (id, type, title, language, active, created_at, updated_at)"
            " VALUES (5, 'private', 'Old', 'ru', 1, 0, 0)"
        )
    await db.close()
    # Each later step applies on top, one version at a time.
    for upto in range(2, len(MIGRATIONS) + 1):
        db = await open_database(path, migrate=False)
        applied = await apply_migrations(db, MIGRATIONS[:upto])
        assert applied == 1
        assert await db.user_version() == upto
        await db.close()
    db = await open_database(path)
    try:
        chat = await Repositories.over(db).chats.get(5)
        assert chat is not None and chat.title == "Old"
        assert await apply_migrations(db) == 0  # idempotent
    finally:
        await db.close()


async def test_failed_migration_rolls_back(tmp_path: Path) -> None:
    db = await open_database(tmp_path / "db.sqlite3")
    try:
        version = await db.user_version()
        bad = Migration(version + 1, "bad", "CREATE TABLE ok_table (x);\nTHIS IS NOT SQL;\n")
        with pytest.raises(MigrationError, match="bad"):
            await apply_migrations(db, [*MIGRATIONS, bad])
        assert await db.user_version() == version
        names = {r[0] for r in await db.fetchall("SELECT name FROM sqlite_master")}
        assert "ok_table" not in names
    finally:
        await db.close()


async def test_gap_in_migrations_is_refused(tmp_path: Path) -> None:
    db = await open_database(tmp_path / "db.sqlite3")
    try:
        gap = Migration(len(MIGRATIONS) + 2, "gap", "SELECT 1;")
        with pytest.raises(MigrationError, match="cannot follow"):
            await apply_migrations(db, [gap])
    finally:
        await db.close()


async def test_two_connections_write_the_same_file(tmp_path: Path) -> None:
    """The bot and a CLI process share one DB file: concurrent writers wait, none fails."""
    path = tmp_path / "db.sqlite3"
    first = await open_database(path)
    second = await open_database(path)
    try:
        a, b = Repositories.over(first).chats, Repositories.over(second).chats

        async def writer(repo_chats: object, base: int) -> None:
            for i in range(50):
                await repo_chats.upsert(base + i, "private", f"u{i}", "ru")  # type: ignore[attr-defined]

        await asyncio.gather(writer(a, 1000), writer(b, 2000))
        active, inactive = await a.count()
        assert (active, inactive) == (100, 0)
    finally:
        await first.close()
        await second.close()


async def test_chats_repository(tmp_path: Path) -> None:
    db = await open_database(tmp_path / "db.sqlite3")
    try:
        chats = Repositories.over(db).chats
        chat = await chats.upsert(-100, "supergroup", "Совет депутатов", "ru")
        assert chat.is_group and chat.active and chat.created_at.tzinfo is not None
        await chats.set_active(-100, False)
        again = await chats.get(-100)
        assert again is not None and not again.active
        # Writing again re-activates the chat and keeps its creation time.
        back = await chats.upsert(-100, "supergroup", "Совет", "ru")
        assert back.active and back.title == "Совет" and back.created_at == chat.created_at
        assert await chats.get(1) is None
    finally:
        await db.close()


async def test_retention_deletes_old_articles_and_their_rows(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from storage.articles import NewArticle, RegionTag

    db = await open_database(tmp_path / "db.sqlite3")
    try:
        repos = Repositories.over(db)
        now = datetime.now(UTC)

        def item(n: int, age_days: int) -> NewArticle:
            return NewArticle(
                source_id=None, guid=None, url=f"https://a.ru/{n}", title=f"Новость {n}",
                text=f"Текст новости номер {n} о Хакасии", summary="",
                published_at=int((now - timedelta(days=age_days)).timestamp()),
                fetched_at=int(now.timestamp()),
                content_hash=f"h{n}", regions=(RegionTag("RU-KK", "[]"),),
                title_stems=f"новост {n}", body_stems="текст",
            )  # fmt: skip

        await repos.articles.insert_many([item(1, 400), item(2, 10), item(3, 1)])
        deleted = await repos.articles.delete_older_than(now - timedelta(days=365))
        assert deleted == 1
        assert await repos.articles.count() == 2
        assert await db.fetchval("SELECT count(*) FROM article_regions") == 2
        assert await db.fetchval("SELECT count(*) FROM articles_fts") == 2
    finally:
        await db.close()


async def test_named_parameters_and_write_one(tmp_path: Path) -> None:
    db = await open_database(tmp_path / "db.sqlite3")
    try:
        await Repositories.over(db).chats.upsert(7, "private", "A", "ru")
        changed = await db.write_one(
            "UPDATE chats SET title = :t WHERE id = :id", {"t": "B", "id": 7}
        )
        assert changed == 1
        assert await db.fetchval("SELECT title FROM chats WHERE id = :id", {"id": 7}) == "B"
    finally:
        await db.close()
