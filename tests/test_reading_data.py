"""Helpers for the reading tests (no tests here): articles stored the way ingestion stores
them (``ArticleRepository.insert_many``: the row, its regions and its FTS row of stems)."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass

from bot.text.stems import stems
from storage.articles import ArticleRepository, NewArticle, RegionTag
from storage.db import Database

HOUR = 3600
NOW = int(time.time())


@dataclass(frozen=True)
class Item:
    title: str
    text: str
    regions: Sequence[str] = ()
    age_hours: float = 1.0
    url: str = ""


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
                regions=tuple(RegionTag(code, "[]") for code in item.regions),
                title_stems=stems(item.title),
                body_stems=stems(item.text),
            )
        )
    results = await ArticleRepository(db).insert_many(batch)
    ids = [r.article_id for r in results]
    assert all(i is not None for i in ids)
    return [int(i) for i in ids if i is not None]


async def mark_duplicate(db: Database, article_id: int, original: int) -> None:
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
