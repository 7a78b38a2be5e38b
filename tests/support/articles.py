"""Articles in the database: stored as ingestion stores them (:func:`store`: the row, its
regions and its FTS row of stems, through ``ArticleRepository.insert_many``), or as a bare
row with its regions (:func:`add_article`, what delivery reads)."""

from __future__ import annotations

import hashlib
import itertools
import time
from collections.abc import Sequence
from dataclasses import dataclass

from bot.text.stems import stems
from storage.articles import ArticleRepository, NewArticle, RegionTag
from storage.db import Database, now_ts

HOUR = 3600
NOW = int(time.time())
KK, TA, MOW = "RU-KK", "RU-TA", "RU-MOW"  # Хакасия, Татарстан, Москва

_urls = itertools.count(1)


@dataclass(frozen=True)
class Item:
    title: str
    text: str
    regions: Sequence[str] = ()
    age_hours: float = 1.0
    url: str = ""
    mentioned: Sequence[str] = ()  # regions the article only mentions (role "mentioned")


async def store(db: Database, items: Sequence[Item], *, now: int = NOW) -> list[int]:
    """Store the items; returns their article ids in order."""
    batch = []
    for i, item in enumerate(items):
        url = (
            item.url or f"https://news.example/{hashlib.sha1(item.title.encode()).hexdigest()}/{i}"
        )
        batch.append(
            NewArticle(
                source_id=None,
                guid=None,
                url=url,
                title=item.title,
                text=item.text,
                summary="",
                published_at=now - int(item.age_hours * HOUR),
                fetched_at=now,
                content_hash=hashlib.sha1(f"{url}{item.text}".encode()).hexdigest(),
                simhash=None,
                regions=tuple(RegionTag(code, "[]") for code in item.regions)
                + tuple(RegionTag(code, "[]", "mentioned") for code in item.mentioned),
                title_stems=stems(item.title),
                body_stems=stems(item.text),
            )
        )
    results = await ArticleRepository(db).insert_many(batch)
    ids = [r.article_id for r in results]
    assert all(i is not None for i in ids), f"not stored: {results}"
    return [int(i) for i in ids if i is not None]


async def mark_duplicate(db: Database, article_id: int, original: int) -> None:
    """Make ``article_id`` a copy of ``original`` (as near-duplicate detection would)."""
    async with db.write() as conn:
        await conn.execute(
            "UPDATE articles SET duplicate_of = ? WHERE id = ?", (original, article_id)
        )


def numbered(n: int, region: str, *, word: str = "новость", start_age: float = 1.0) -> list[Item]:
    """``n`` articles of one region, one hour apart, newest first."""
    return [
        Item(
            title=f"{word.capitalize()} номер {k}",
            text=f"Текст про {word} номер {k}. Администрация сообщила подробности.",
            regions=(region,),
            age_hours=start_age + k,
        )
        for k in range(n)
    ]


async def add_article(
    db: Database,
    regions: tuple[str, ...],
    *,
    title: str = "Новость",
    text: str = "Текст новости.",
    published: int | None = None,
    fetched: int | None = None,
    duplicate_of: int | None = None,
) -> int:
    """A bare article row (``planned = 0``, URL under ``example.ru/n/``) with its regions."""
    n = next(_urls)
    published = now_ts() if published is None else published
    fetched = now_ts() if fetched is None else fetched
    async with db.write() as conn:
        cur = await conn.execute(
            "INSERT INTO articles (url, title, text, summary, published_at, fetched_at,"
            " content_hash, duplicate_of) VALUES (?, ?, ?, '', ?, ?, ?, ?) RETURNING id",
            (f"https://example.ru/n/{n}", title, text, published, fetched,
             hashlib.sha1(f"{n}{text}".encode()).hexdigest(), duplicate_of),
        )  # fmt: skip
        (row,) = list(await cur.fetchall())
        article_id = int(row[0])
        await conn.executemany(
            "INSERT INTO article_regions (article_id, region, published_at) VALUES (?, ?, ?)",
            [(article_id, r, published) for r in regions],
        )
    return article_id
