"""One feed batch is stored in one transaction with set queries (both backends): it must
decide exactly what storing its items one at a time decides: which are seen, which are
copies and of what, and what rows go with them."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from bot.ingest import dedup
from storage.articles import NewArticle, RegionTag, StoreResult
from storage.base import Database
from storage.db import now_ts
from storage.repos import Repositories
from tests.pg import BACKENDS, open_backend
from tests.support.words import WORDS

NOW = now_ts()


@pytest.fixture(params=BACKENDS)
async def pair(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[tuple[Repositories, Repositories]]:
    """Two empty databases of one backend: one stores a batch, the other item by item."""
    async with (
        open_backend(request.param, tmp_path / "a") as one,
        open_backend(request.param, tmp_path / "b") as other,
    ):
        yield Repositories.over(one), Repositories.over(other)


def _item(n: int, text: str, *, source_id: int | None, guid: str | None, url: str) -> NewArticle:
    sh = dedup.shingles(text) if dedup.eligible(text) else frozenset()
    return NewArticle(
        source_id=source_id,
        guid=guid,
        url=url,
        title=f"Новость {n}",
        text=text,
        summary=text[:50],
        published_at=NOW - 60 * n,
        fetched_at=NOW,
        content_hash=dedup.content_hash(text),
        lsh_keys=tuple(dedup.band_keys(sh)) if sh else (),
        regions=(RegionTag("RU-KK", f'[{{"n":{n}}}]'), RegionTag("RU-TA", "[]"))[: n % 3],
        title_stems=f"новост {n}",
        body_stems=" ".join(text.split()[:5]),
        page_url=url if n % 4 == 0 else None,
        full_text_until=NOW + 600 if n % 4 == 0 else None,
    )


def make_batch(seed: int, source_id: int) -> list[NewArticle]:
    """Originals, exact copies, edited copies, short texts, repeated URLs and guids."""
    rng = random.Random(seed)
    texts: list[str] = []
    items: list[NewArticle] = []
    for n in range(1, 121):
        roll = rng.random()
        if texts and roll < 0.15:
            text = rng.choice(texts)  # an exact copy (another URL)
        elif texts and roll < 0.35:
            words = rng.choice(texts).split()
            words[rng.randrange(len(words))] = rng.choice(WORDS)  # a near copy
            text = " ".join(words)
        elif roll < 0.45:
            text = " ".join(rng.choice(WORDS) for _ in range(6))  # too short to match
        else:
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 60)))
        texts.append(text)
        url = f"https://news.example/{n}"
        guid: str | None = f"g{n}"
        if n > 10 and rng.random() < 0.05:
            url = f"https://news.example/{rng.randint(1, n - 1)}"  # a URL seen earlier
        elif n > 10 and rng.random() < 0.05:
            guid = f"g{rng.randint(1, n - 1)}"  # a guid seen earlier in this source
        items.append(_item(n, text, source_id=source_id, guid=guid, url=url))
    return items


async def _rows(db: Database) -> list[list[tuple[object, ...]]]:
    queries = (
        "SELECT id, url, guid, duplicate_of, full_text_until FROM articles ORDER BY id",
        "SELECT article_id, region, evidence FROM article_regions ORDER BY article_id, region",
        "SELECT article_id, band, value FROM article_lsh_bands ORDER BY article_id, band",
        "SELECT url, article_id FROM page_fetches ORDER BY url",
    )
    return [[tuple(r) for r in await db.fetchall(q)] for q in queries]


def _statuses(results: list[StoreResult]) -> list[tuple[str, int | None, int | None]]:
    return [(r.status, r.article_id, r.duplicate_of) for r in results]


async def test_a_batch_decides_what_one_at_a_time_decides(
    pair: tuple[Repositories, Repositories],
) -> None:
    batch_repos, single_repos = pair
    for repos in pair:
        await repos.sources.add("https://portal.example/rss")
    [source] = await batch_repos.sources.list_all()
    stored_before = make_batch(1, source.id)[:40]  # some copies' originals are stored already
    items = make_batch(2, source.id) + stored_before[:5]
    for repos in pair:
        await repos.articles.insert_many(stored_before, near_copy=dedup.is_near_copy)
    batch = await batch_repos.articles.insert_many(items, near_copy=dedup.is_near_copy)
    single: list[StoreResult] = []
    for item in items:
        single += await single_repos.articles.insert_many([item], near_copy=dedup.is_near_copy)
    assert _statuses(batch) == _statuses(single)
    kinds = {r.status for r in batch}
    assert kinds == {"new", "duplicate", "seen"}
    # Copies of items of the same batch are found too.
    first_new = min(r.article_id for r in batch if r.article_id is not None)
    assert any(r.duplicate_of is not None and r.duplicate_of >= first_new for r in batch)
    assert await _rows(batch_repos.db) == await _rows(single_repos.db)
    # The search rows are there for every stored article.
    ids = [r.article_id for r in batch if r.article_id is not None]
    found = await batch_repos.db.fetchval(
        "SELECT count(*) FROM articles_fts WHERE {} IN ({})".format(
            "rowid" if batch_repos.db.dialect == "sqlite" else "article_id",
            ",".join("?" * len(ids)),
        ),
        ids,
    )
    assert found == len(ids)


async def test_a_batch_without_near_copy_check_links_exact_copies_only(
    pair: tuple[Repositories, Repositories],
) -> None:
    repos, _ = pair
    text = " ".join(WORDS)
    a = _item(1, text, source_id=None, guid=None, url="https://a.example/1")
    b = _item(2, text, source_id=None, guid=None, url="https://b.example/1")
    c = _item(3, text + " ещё", source_id=None, guid=None, url="https://c.example/1")
    out = await repos.articles.insert_many([a, b, c])
    assert [r.status for r in out] == ["new", "duplicate", "new"]
    assert out[1].duplicate_of == out[0].article_id
    assert await repos.articles.insert_many([]) == []


class _AnalysisDied(Exception):
    pass


async def test_a_stream_stores_what_the_whole_batch_stores_and_sqlite_never_holds_the_writer(
    pair: tuple[Repositories, Repositories],
) -> None:
    """insert_stream of a batch in parts decides what insert_many of the whole decides. On
    SQLite each part is its own short transaction: another writer gets in between parts
    (the delivery worker must not wait for analysis); on PostgreSQL one transaction."""
    stream_repos, whole_repos = pair
    for repos in pair:
        await repos.sources.add("https://portal.example/rss")
    [source] = await stream_repos.sources.list_all()
    items = make_batch(3, source.id)
    between: list[int] = []

    async def parts() -> AsyncIterator[list[NewArticle]]:
        for start in range(0, len(items), 25):
            if start and stream_repos.db.dialect == "sqlite":
                # A write from elsewhere while "analysis" runs: it must not wait.
                write = stream_repos.db.write_one("UPDATE sources SET title = 'x'")
                between.append(await asyncio.wait_for(write, 5))
            yield items[start : start + 25]

    streamed = await stream_repos.articles.insert_stream(parts(), near_copy=dedup.is_near_copy)
    whole = await whole_repos.articles.insert_many(items, near_copy=dedup.is_near_copy)
    assert _statuses(streamed) == _statuses(whole)
    assert await _rows(stream_repos.db) == await _rows(whole_repos.db)
    assert between == ([1] * 4 if stream_repos.db.dialect == "sqlite" else [])


async def test_a_stream_cut_short_keeps_sqlite_parts_and_rolls_postgresql_back(
    pair: tuple[Repositories, Repositories],
) -> None:
    """Analysis dies after the first part: SQLite keeps that part (ordinary stored articles,
    left for the planner's and the grouping's sweeps), PostgreSQL keeps nothing. Storing the
    whole batch again then doubles nothing on either."""
    repos, reference = pair
    for r in pair:
        await r.sources.add("https://portal.example/rss")
    [source] = await repos.sources.list_all()
    items = make_batch(4, source.id)

    async def parts() -> AsyncIterator[list[NewArticle]]:
        yield items[:30]
        raise _AnalysisDied

    with pytest.raises(_AnalysisDied):
        await repos.articles.insert_stream(parts(), near_copy=dedup.is_near_copy)
    kept = await repos.articles.count()
    first = await reference.articles.insert_many(items[:30], near_copy=dedup.is_near_copy)
    if repos.db.dialect == "sqlite":
        assert kept == sum(r.article_id is not None for r in first) > 0
        assert await repos.db.fetchval("SELECT count(*) FROM articles WHERE planned = 0") == kept
    else:
        assert kept == 0
    again = await repos.articles.insert_many(items, near_copy=dedup.is_near_copy)
    rest = await reference.articles.insert_many(items[30:], near_copy=dedup.is_near_copy)
    assert await repos.articles.count() == await reference.articles.count()
    if kept:  # the part stored before analysis died is seen, not stored twice
        assert {r.status for r in again[:30]} == {"seen"}
    assert [r.status for r in again[30:]] == [r.status for r in rest]


async def test_a_repeated_key_or_region_of_one_item_is_stored_once_the_first_region_wins(
    pair: tuple[Repositories, Repositories],
) -> None:
    """The key and region rows of a new article cannot meet stored ones; an item naming a key
    or a region twice (not what the analysis gives) still stores each once, the first."""
    repos, _ = pair
    text = " ".join(WORDS)
    base = _item(1, text, source_id=None, guid=None, url="https://twice.example/1")
    keys = base.lsh_keys
    item = replace(
        base,
        lsh_keys=keys + keys[:3],
        regions=(
            RegionTag("RU-KK", '[{"first":1}]'),
            RegionTag("RU-TA", "[]", "mentioned"),
            RegionTag("RU-KK", '[{"second":1}]', "mentioned"),
        ),
    )
    [out] = await repos.articles.insert_many([item])
    aid = out.article_id
    assert aid is not None
    rows = await repos.db.fetchall(
        "SELECT region, evidence, role FROM article_regions WHERE article_id = ? ORDER BY region",
        (aid,),
    )
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("RU-KK", '[{"first":1}]', "main"),
        ("RU-TA", "[]", "mentioned"),
    ]
    stored = await repos.db.fetchval(
        "SELECT count(*) FROM article_lsh_bands WHERE article_id = ?", (aid,)
    )
    assert stored == len(set(keys)) > 0
