"""Articles, their regions, and the full-text index rows that go with them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import aiosqlite

from storage.db import Database


@dataclass(frozen=True, slots=True)
class Article:
    id: int
    source_id: int | None
    source_title: str           # the source's title, or its host when it has none
    guid: str | None
    url: str
    title: str
    text: str
    summary: str
    published_at: datetime      # UTC
    fetched_at: datetime        # UTC
    duplicate_of: int | None    # the first article with the same text, from another portal
    regions: tuple[str, ...]    # region codes, e.g. ("RU-KK", "RU-TA")


def ts_to_dt(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


# Columns for building an Article; the query must join sources as ``s`` and select
# ``regions`` as a comma-separated group_concat of codes.
ARTICLE_COLUMNS = """
    a.id, a.source_id, COALESCE(NULLIF(s.title, ''), s.url, '') AS source_title, a.guid, a.url,
    a.title, a.text, a.summary, a.published_at, a.fetched_at, a.duplicate_of,
    (SELECT group_concat(region) FROM article_regions r WHERE r.article_id = a.id) AS regions
"""


def article_from_row(row: aiosqlite.Row) -> Article:
    regions = row["regions"]
    return Article(
        id=row["id"],
        source_id=row["source_id"],
        source_title=row["source_title"] or "",
        guid=row["guid"],
        url=row["url"],
        title=row["title"],
        text=row["text"],
        summary=row["summary"],
        published_at=ts_to_dt(row["published_at"]),
        fetched_at=ts_to_dt(row["fetched_at"]),
        duplicate_of=row["duplicate_of"],
        regions=tuple(sorted(regions.split(","))) if regions else (),
    )


class ArticleRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def get(self, article_id: int) -> Article | None:
        row = await self.db.fetchone(
            f"SELECT {ARTICLE_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id"
            " WHERE a.id = ?",
            (article_id,),
        )
        return None if row is None else article_from_row(row)

    async def get_many(self, ids: Sequence[int]) -> list[Article]:
        """Articles in the order of ``ids`` (missing ones left out)."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = await self.db.fetchall(
            f"SELECT {ARTICLE_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id"
            f" WHERE a.id IN ({marks})",
            ids,
        )
        by_id = {row["id"]: article_from_row(row) for row in rows}
        return [by_id[i] for i in ids if i in by_id]
