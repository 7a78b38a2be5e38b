"""``python -m bot db copy --to URL`` (storage.copy) and ``db info|migrate`` on PostgreSQL;
the ``[storage] url`` config key and its ``DATABASE_URL`` override."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.config import load_settings
from bot.errors import ConfigError
from bot.search.engine import run_search
from bot.search.query import parse_query
from storage.copy import copy_database
from storage.db import SqliteDatabase, open_database
from storage.errors import StorageError
from storage.events import NewEvent
from storage.repos import Repositories
from storage.search import SearchRepository
from tests.pg import fresh_database
from tests.support.articles import Item, mark_duplicate, store

ROOT = Path(__file__).resolve().parent.parent


async def _filled_sqlite(path: Path) -> None:
    db = await open_database(path)
    try:
        repos = Repositories.over(db)
        text = "Главы муниципалитетов подписали соглашение."
        ids = await store(
            db,
            [
                Item("Форум муниципалитетов", text, ("RU-KK",)),
                Item("Форум копия", text, ("RU-KK",), 2),
                Item("Сессия совета", "Депутаты приняли бюджет.", ("RU-TA",), 3),
            ],
        )
        await mark_duplicate(db, ids[0], ids[1])  # a copy pointing at a later id
        await repos.sources.add("https://portal.example/rss", title="Портал")
        await repos.chats.upsert(1, "private", "Анна", "ru")
        await repos.chats.upsert(-100, "supergroup", "Совет", "ru")
        await repos.subscriptions.subscribe(1, 0, "RU-KK")
        await repos.subscriptions.update_settings(-100, mode="digest")
        await repos.deliveries.insert_rows(ids[1], [(1, 0, 0), (-100, 0, 0)])
        await repos.events.create(
            NewEvent(
                kind="форум", name=None, name_key="", label="форум глав", start_date=None,
                end_date=None, date_text="", city=None, venue=None, regions=("RU-KK",),
                facts={}, summary="",
            ),
            article_id=ids[1], article_facts={}, published_at=datetime.now(UTC),
        )  # fmt: skip
    finally:
        await db.close()


async def test_copy_moves_every_row_and_search_works(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    await _filled_sqlite(path)
    source = await open_database(path)
    async with fresh_database(migrated=False) as url:
        target = await open_database(url)
        try:
            report = await copy_database(source, target, batch=2)
            counts = {t.table: t.target_rows for t in report}
            assert counts["articles"] == counts["articles_fts"] == 3
            assert counts["deliveries"] == 2 and counts["event_regions"] == 1
            assert all(t.source_rows == t.target_rows for t in report)
            repos = Repositories.over(target)
            found = await run_search(SearchRepository(target), parse_query("соглашения"))
            assert [a.title for a in found.articles] == ["Форум копия"]  # the other is a copy
            assert "<b>соглашение</b>" in found.snippets[0]
            # identity sequences continue after the copied ids
            more = await store(target, [Item("Новая", "Текст.", ())])
            assert more[0] == 4
            source_id, _ = await repos.sources.add("https://second.example/rss")
            assert source_id.id == 2
            with pytest.raises(StorageError, match="not empty"):
                await copy_database(source, target)
        finally:
            await target.close()
            await source.close()


async def test_copy_refuses_other_directions(tmp_path: Path) -> None:
    a = await SqliteDatabase.open(tmp_path / "a.sqlite3")
    b = await SqliteDatabase.open(tmp_path / "b.sqlite3")
    try:
        with pytest.raises(StorageError, match="SQLite database to PostgreSQL"):
            await copy_database(a, b)
    finally:
        await a.close()
        await b.close()


def _run(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, **(env or {})},
    )


async def test_cli_copy_info_and_migrate_without_aiogram(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    await _filled_sqlite(path)
    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\npath = "{path}"\n', encoding="utf-8")
    async with fresh_database(migrated=False) as url:
        code = (
            "import sys\n"
            "from bot.cli import main\n"
            f"assert main(['db', 'copy', '--config', {str(config)!r}, '--to', {url!r}]) == 0\n"
            f"assert main(['db', 'info', '--config', {str(config)!r}]) == 0\n"
            "assert 'aiogram' not in sys.modules, 'aiogram imported'\n"
        )
        done = _run(code, {"DATABASE_URL": ""})
        assert done.returncode == 0, done.stderr
        lines = done.stdout.splitlines()
        assert "articles: 3 rows" in lines and lines[-2].startswith("copied ")
        assert json.loads(lines[-1])["backend"] == "sqlite"
        # DATABASE_URL points the same commands at PostgreSQL
        code = (
            "from bot.cli import main\n"
            f"assert main(['db', 'migrate', '--config', {str(config)!r}]) == 0\n"
            f"assert main(['db', 'info', '--config', {str(config)!r}]) == 0\n"
        )
        done = _run(code, {"DATABASE_URL": url})
        assert done.returncode == 0, done.stderr
        info = json.loads(done.stdout.splitlines()[-1])
        assert info["backend"] == "postgresql" and info["articles"] == 3
        assert info["schema_version"] == int(done.stdout.split()[2])
        # copying again: refused, one line, no traceback
        code = (
            "import sys\n"
            "from bot.cli import main\n"
            f"sys.exit(main(['db', 'copy', '--config', {str(config)!r}, '--to', {url!r}]))\n"
        )
        done = _run(code, {"DATABASE_URL": ""})
        assert done.returncode == 1 and "not empty" in done.stderr
        assert "Traceback" not in done.stderr


def test_storage_url_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = tmp_path / "c.toml"
    config.write_text('[storage]\nurl = "postgresql://bot@db.internal:5432/newsbot"\n')
    settings = load_settings(config)
    assert settings.storage.database == "postgresql://bot@db.internal:5432/newsbot"
    assert load_settings(None).storage.database == Path("data/newsbot.sqlite3")
    monkeypatch.setenv("DATABASE_URL", "postgres://other@h/n")
    assert load_settings(config).storage.url == "postgres://other@h/n"
    monkeypatch.delenv("DATABASE_URL")
    config.write_text('[storage]\nurl = "mysql://x@h/db"\n')
    with pytest.raises(ConfigError, match=r"storage\.url: must be a postgresql://"):
        load_settings(config)
    config.write_text('[storage]\nurl = "postgresql://x@h/db"\nport = 5\n')
    with pytest.raises(ConfigError, match=r"storage\.port: unknown key"):
        load_settings(config)
