"""SearchRepository and run_search over a real database (SQLite and PostgreSQL), articles
stored as ingestion does."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.search.engine import run_search
from bot.search.query import parse_query
from bot.text.stems import stems
from storage.db import Database, apply_migrations, open_database
from storage.migrations import MIGRATIONS
from storage.search import MANY_REGIONS, Cursor, SearchQueryError, SearchRepository
from tests.pg import BACKENDS, open_backend
from tests.support.articles import NOW, Item, mark_duplicate, numbered, store
from tests.support.hostile import HOSTILE


@pytest.fixture(params=BACKENDS)
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    async with open_backend(request.param, tmp_path) as database:
        yield database


async def test_latest_by_region_newest_first_without_duplicates(db: Database) -> None:
    ids = await store(db, numbered(6, "RU-KK") + numbered(2, "RU-TA"))
    await mark_duplicate(db, ids[1], ids[0])
    page = await SearchRepository(db).latest(["RU-KK"], limit=3)
    assert [a.id for a in page.articles] == [ids[0], ids[2], ids[3]]
    assert all(a.regions == ("RU-KK",) for a in page.articles)
    assert page.next_cursor == Cursor(int(page.articles[-1].published_at.timestamp()), ids[3])


async def test_a_region_lists_the_stories_about_it_and_mentions_only_on_request(
    db: Database,
) -> None:
    """Per region, over many regions, and in a search: an article that only mentions a
    region is left out of that region's lists unless ``mentioned`` asks for it."""
    about, passing = await store(
        db,
        [
            Item("Театр открыл сезон", "Премьера в театре", ("RU-MOW",)),
            Item(
                "Гастроли театра в Томске",
                "Артисты театра из Москвы",
                ("RU-TOM",),
                mentioned=("RU-MOW",),
            ),
        ],
    )
    repo = SearchRepository(db)
    many = ["RU-MOW", *(f"RU-X{k:02d}" for k in range(MANY_REGIONS))]
    for regions in (["RU-MOW"], many):
        assert [a.id for a in (await repo.latest(regions)).articles] == [about]
        page = await repo.latest(regions, mentioned=True)
        assert sorted(a.id for a in page.articles) == sorted([about, passing])
    found = await repo.search(stems("театр"), regions=["RU-MOW"])
    assert [a.id for a in found.articles] == [about]
    found = await repo.search(stems("театр"), regions=["RU-MOW"], mentioned=True)
    assert sorted(a.id for a in found.articles) == sorted([about, passing])
    tomsk = (await repo.latest(["RU-TOM"])).articles
    assert [a.id for a in tomsk] == [passing] and tomsk[0].main_regions == ("RU-TOM",)


async def test_latest_keyset_pages_cover_everything_once(db: Database) -> None:
    ids = await store(db, numbered(23, "RU-KK"))
    repo = SearchRepository(db)
    seen: list[int] = []
    cursor = None
    for _ in range(10):
        page = await repo.latest(["RU-KK"], limit=5, after=cursor)
        seen += [a.id for a in page.articles]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == ids  # newest first, no gap, no repeat
    assert cursor is None


async def test_latest_same_timestamp_pages_by_id(db: Database) -> None:
    items = [Item(f"Новость {k}", "текст", ("RU-KK",), age_hours=2) for k in range(7)]
    ids = await store(db, items)
    repo = SearchRepository(db)
    first = await repo.latest(["RU-KK"], limit=4)
    second = await repo.latest(["RU-KK"], limit=4, after=first.next_cursor)
    assert [a.id for a in first.articles + second.articles] == sorted(ids, reverse=True)
    assert second.next_cursor is None


async def test_latest_several_regions_merged_once(db: Database) -> None:
    both = await store(db, [Item("Соглашение двух регионов", "текст", ("RU-KK", "RU-TA"), 0.5)])
    ids = await store(db, numbered(3, "RU-KK") + numbered(3, "RU-TA", word="казань"))
    await store(db, numbered(3, "RU-MOW", word="москва", start_age=0.1))
    repo = SearchRepository(db)
    page = await repo.latest(["RU-KK", "RU-TA"], limit=10)
    got = [a.id for a in page.articles]
    assert got[0] == both[0] and got.count(both[0]) == 1
    assert set(got) == {both[0], *ids}
    times = [a.published_at for a in page.articles]
    assert times == sorted(times, reverse=True)
    # many regions take the other plan; the answer is the same
    many = ["RU-KK", "RU-TA", *[f"RU-X{k}" for k in range(MANY_REGIONS)]]
    assert [a.id for a in (await repo.latest(many, limit=10)).articles] == got


async def test_latest_everything_and_empty_regions(db: Database) -> None:
    ids = await store(db, [*numbered(3, "RU-KK"), Item("Без региона", "текст", (), 0.1)])
    repo = SearchRepository(db)
    page = await repo.latest(None, limit=10)
    assert page.articles[0].id == ids[-1] and len(page.articles) == 4
    assert (await repo.latest([], limit=10)).articles == ()


async def test_word_forms_find_each_other(db: Database) -> None:
    ids = await store(
        db,
        [
            Item(
                "Подписано соглашение", "Регионы подписали соглашение о сотрудничестве.", ("RU-KK",)
            ),
            Item("Дороги", "Ремонт дорог завершён.", ("RU-KK",)),
        ],
    )
    for word in ("соглашения", "СОГЛАШЕНИЮ", "соглашением"):
        result = await run_search(SearchRepository(db), parse_query(word))
        assert [a.id for a in result.articles] == [ids[0]]
        assert "<b>соглашение</b>" in result.snippets[0]


async def test_title_weighs_more_and_fresh_beats_old(db: Database) -> None:
    ids = await store(
        db,
        [
            Item("Форум муниципалитетов", "Итоги встречи глав.", (), age_hours=5),
            Item("Итоги недели", "Прошёл форум муниципалитетов и встреча глав.", (), age_hours=5),
            Item("Форум муниципалитетов прошлого года", "Итоги.", (), age_hours=24 * 400),
        ],
    )
    result = await run_search(SearchRepository(db), parse_query("форум"))
    assert [a.id for a in result.articles] == [ids[0], ids[1], ids[2]]


async def test_and_then_or_fallback(db: Database) -> None:
    ids = await store(
        db,
        [Item("Форум глав городов", "Текст.", ()), Item("Пожар в школе", "Текст.", (), 2)],
    )
    repo = SearchRepository(db)
    both = await run_search(repo, parse_query("форум глава"))
    assert both.stage == 0 and [a.id for a in both.articles] == [ids[0]]
    either = await run_search(repo, parse_query("форум пожар"))
    assert either.stage == 2 and {a.id for a in either.articles} == set(ids)


async def test_prefix_stage_for_a_half_typed_word(db: Database) -> None:
    ids = await store(db, [Item("Муниципальный форум", "Участники муниципалитетов.", ())])
    result = await run_search(SearchRepository(db), parse_query("муниципал"))
    assert result.stage == 1 and [a.id for a in result.articles] == ids
    assert "<b>муниципалитетов</b>" in result.snippets[0]


async def test_region_words_filter(db: Database) -> None:
    ids = await store(
        db,
        [
            Item("Форум в Абакане", "Форум прошёл.", ("RU-KK",)),
            Item("Форум в Казани", "Форум прошёл.", ("RU-TA",)),
        ],
    )
    result = await run_search(SearchRepository(db), parse_query("форум хакасия"))
    assert [a.id for a in result.articles] == [ids[0]]
    only_region = await run_search(SearchRepository(db), parse_query("Хакасии"))
    assert [a.id for a in only_region.articles] == [ids[0]]


async def test_duplicates_hidden_from_search(db: Database) -> None:
    ids = await store(db, [Item("Форум", "Форум.", ()), Item("Форум копия", "Форум.", (), 2)])
    await mark_duplicate(db, ids[1], ids[0])
    result = await run_search(SearchRepository(db), parse_query("форум"))
    assert [a.id for a in result.articles] == [ids[0]]


async def test_offset_pages_do_not_overlap(db: Database) -> None:
    await store(db, numbered(12, "RU-KK", word="форум"))
    repo = SearchRepository(db)
    query = parse_query("форум")
    first = await run_search(repo, query, limit=5)
    second = await run_search(repo, query, limit=5, offset=5, stage=first.stage, now=first.now)
    third = await run_search(repo, query, limit=5, offset=10, stage=first.stage, now=first.now)
    pages = [a.id for r in (first, second, third) for a in r.articles]
    assert len(pages) == 12 and len(set(pages)) == 12
    assert first.has_more and second.has_more and not third.has_more


async def test_bad_match_expression_is_a_search_error(db: Database) -> None:
    with pytest.raises(SearchQueryError):
        await SearchRepository(db).search('"unterminated', now=NOW)


@pytest.mark.parametrize("raw", HOSTILE)
async def test_hostile_queries_never_fail(db: Database, raw: str) -> None:
    await store(db, [Item("Форум и соглашение", "Хакасия: форум, соглашение.", ("RU-KK",))])
    result = await run_search(SearchRepository(db), parse_query(raw))
    assert len(result.articles) <= 5


async def test_half_typed_short_word_uses_the_typed_prefix(db: Database) -> None:
    ids = await store(db, [Item("Новости области", "Глава области выступил.", ())])
    result = await run_search(SearchRepository(db), parse_query("обла"))
    assert [a.id for a in result.articles] == ids and result.stage == 1
    assert "<b>области</b>" in result.snippets[0]


async def test_migration_0005_keeps_indexed_articles_and_adds_prefix_index(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = await open_database(path, migrate=False)
    try:
        await apply_migrations(old, MIGRATIONS[:4])  # an install from before the search change
        # Written with that schema's columns (today's repository writes newer ones).
        async with old.write() as conn:
            await conn.execute(
                "INSERT INTO articles (id, url, title, text, published_at, fetched_at,"
                " content_hash) VALUES (1, 'https://news.example/1', 'Муниципальный форум',"
                " 'Главы муниципалитетов.', 1700000000, 1700000000, 'h')"
            )
            await conn.execute(
                "INSERT INTO article_regions (article_id, region, published_at)"
                " VALUES (1, 'RU-KK', 1700000000)"
            )
            await conn.execute(
                "INSERT INTO articles_fts (rowid, title, body) VALUES (1, ?, ?)",
                (stems("Муниципальный форум"), stems("Главы муниципалитетов.")),
            )
        ids = [1]
    finally:
        await old.close()
    db = await open_database(path)
    try:
        assert await db.user_version() >= 5
        sql = await db.fetchval("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'")
        assert "prefix = '4'" in sql
        # the old row is searchable, with the prefix index, and deleting the article still
        # removes its FTS row (the ingest trigger was recreated)
        result = await run_search(SearchRepository(db), parse_query("муни"))
        assert [a.id for a in result.articles] == ids
        async with db.write() as conn:
            await conn.execute("DELETE FROM articles WHERE id = ?", (ids[0],))
        assert await db.fetchval("SELECT count(*) FROM articles_fts") == 0
    finally:
        await db.close()
