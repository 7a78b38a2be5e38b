"""Articles, their regions, and the full-text index rows that go with them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from storage.base import Conn, Database, Dialect, Row


@dataclass(frozen=True, slots=True)
class Article:
    id: int
    source_id: int | None
    source_title: str  # the source's title, or its host when it has none
    guid: str | None
    url: str
    title: str
    text: str
    summary: str
    published_at: datetime  # UTC
    fetched_at: datetime  # UTC
    duplicate_of: int | None  # the first article with the same text, from another portal
    regions: tuple[str, ...]  # region codes, e.g. ("RU-KK", "RU-TA")
    body: str | None = None  # the full text (feed or page); None: only the lead is known
    image_url: str | None = None  # the lead image (http/https); None: no picture

    @property
    def full_text(self) -> str:
        """What the article says in full: the body when known, else the lead (``text``)."""
        return self.body or self.text


def ts_to_dt(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


# Columns for building an Article; the query must join sources as ``s`` and select
# ``regions`` as a comma-separated list of codes (group_concat / string_agg).
_ARTICLE_COLUMNS = """
    a.id, a.source_id, COALESCE(NULLIF(s.title, ''), s.url, '') AS source_title, a.guid, a.url,
    a.title, a.text, a.summary, a.published_at, a.fetched_at, a.duplicate_of, a.body,
    a.image_url,
    (SELECT {concat} FROM article_regions r WHERE r.article_id = a.id) AS regions
"""
ARTICLE_COLUMNS = _ARTICLE_COLUMNS.format(concat="group_concat(region)")  # SQLite's
_PG_ARTICLE_COLUMNS = _ARTICLE_COLUMNS.format(concat="string_agg(region, ',')")


def article_columns(dialect: Dialect) -> str:
    """:data:`ARTICLE_COLUMNS` in the database's dialect."""
    return ARTICLE_COLUMNS if dialect == "sqlite" else _PG_ARTICLE_COLUMNS


def article_from_row(row: Row) -> Article:
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
        body=row["body"],
        image_url=row["image_url"],
    )


# --- Writing: the ingest pipeline ------------------------------------------------------

# Decides whether a stored text (second) is a near copy of a new one (first); supplied by
# the caller (bot.ingest.dedup.is_near_copy) so that storage holds no text logic.
NearCopy = Callable[[str, str], bool]
# LSH bands a stored article must share with a new one to be checked as its near copy.
MIN_SHARED_BANDS = 2


def to_signed64(value: int) -> int:
    """An unsigned 64-bit value as SQLite's signed INTEGER."""
    value &= (1 << 64) - 1
    return value - (1 << 64) if value >= 1 << 63 else value


@dataclass(frozen=True, slots=True)
class RegionTag:
    code: str  # catalogue code, e.g. RU-KK
    evidence: str  # JSON list of {text, start, end, kind}
    role: str = "main"  # 'main': the story is about it; 'mentioned': a passing mention


@dataclass(frozen=True, slots=True)
class NewArticle:
    """A normalised, analysed item ready to be stored."""

    source_id: int | None
    guid: str | None
    url: str  # canonical
    title: str
    text: str  # the lead: the item's own description (a page source: the page's text)
    summary: str
    published_at: int  # UTC seconds
    fetched_at: int
    content_hash: str  # of the full text
    # (band, key) pairs of the text's LSH signature; empty: too short to match copies
    lsh_keys: tuple[tuple[int, int], ...] = ()
    simhash: int | None = None  # optional 64-bit fingerprint, stored as is
    regions: tuple[RegionTag, ...] = ()
    title_stems: str = ""
    body_stems: str = ""
    body: str | None = None  # the full text, when the feed gave one
    # The article page to read for the full text; planning waits for it until
    # ``full_text_until`` (UTC seconds).
    page_url: str | None = None
    full_text_until: int | None = None
    image_url: str | None = None  # the lead image (http/https only)

    @property
    def full_text(self) -> str:
        return self.body or self.text


@dataclass(frozen=True, slots=True)
class Reanalysis:
    """What changes when an article's full text arrives after it was stored."""

    body: str
    summary: str
    content_hash: str
    lsh_keys: tuple[tuple[int, int], ...]
    regions: tuple[RegionTag, ...]
    title_stems: str
    body_stems: str


@dataclass(frozen=True, slots=True)
class PageJob:
    """An article page waiting to be read."""

    url: str
    article_id: int
    source_id: int | None
    source_region: str | None
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True, slots=True)
class StoreResult:
    url: str
    article_id: int | None  # None: this item (guid or URL) was stored before
    duplicate_of: int | None  # the first article with the same or nearly the same text

    @property
    def status(self) -> str:
        """'new', 'duplicate' (a copy of another article) or 'seen' (stored before)."""
        if self.article_id is None:
            return "seen"
        return "duplicate" if self.duplicate_of is not None else "new"


def _list_sql(dialect: Dialect) -> str:
    return (
        f"SELECT {article_columns(dialect)} FROM articles a"
        " LEFT JOIN sources s ON s.id = a.source_id"
    )


async def _find_original(
    conn: Conn, item: NewArticle, *, near_copy: NearCopy | None, since: int
) -> int | None:
    """The first article this one copies: same content hash, else an LSH candidate that
    ``near_copy`` confirms. Only items with ``lsh_keys`` (long enough texts) are matched.
    """
    if not item.lsh_keys:
        return None
    async with conn.execute(
        "SELECT id, duplicate_of FROM articles WHERE content_hash = ? ORDER BY id LIMIT 1",
        (item.content_hash,),
    ) as cur:
        row = await cur.fetchone()
    if row is not None:
        return int(row["duplicate_of"] or row["id"])
    if near_copy is None:
        return None
    union = " UNION ALL ".join(
        ["SELECT article_id FROM article_lsh_bands WHERE band = ? AND value = ?"]
        * len(item.lsh_keys)
    )
    params = [v for pair in item.lsh_keys for v in pair]
    # Two shared bands, not one: texts that merely share common phrases rarely match
    # twice, which keeps the candidates (and the texts read to confirm them) few.
    async with conn.execute(
        "SELECT a.id, COALESCE(a.body, a.text) AS text, a.duplicate_of FROM articles a"
        f" JOIN (SELECT article_id, count(*) AS shared FROM ({union}) AS u GROUP BY article_id"
        "       HAVING count(*) >= ?) c ON c.article_id = a.id"
        " WHERE a.published_at >= ? ORDER BY c.shared DESC, a.id LIMIT 20",
        (*params, MIN_SHARED_BANDS, since),
    ) as cur:
        rows = await cur.fetchall()
    for r in rows:  # the closest first; its root is the original
        if near_copy(item.full_text, r["text"]):
            return int(r["duplicate_of"] or r["id"])
    return None


async def _insert(
    conn: Conn, dialect: Dialect, item: NewArticle, duplicate_of: int | None
) -> int | None:
    cur = await conn.execute(
        """
        INSERT INTO articles (source_id, guid, url, title, text, summary, published_at,
            fetched_at, content_hash, simhash, duplicate_of, planned, body, full_text_until,
            image_url)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
        ON CONFLICT DO NOTHING RETURNING id
        """,
        (
            item.source_id,
            item.guid,
            item.url,
            item.title,
            item.text,
            item.summary,
            item.published_at,
            item.fetched_at,
            item.content_hash,
            None if item.simhash is None else to_signed64(item.simhash),
            duplicate_of,
            item.body,
            item.full_text_until if item.page_url and duplicate_of is None else None,
            item.image_url,
        ),
    )
    rows = list(await cur.fetchall())  # fetchall: the statement runs to its end
    if not rows:  # its URL (or guid within its source) is stored already
        return None
    article_id = int(rows[0][0])
    if item.lsh_keys:
        await conn.executemany(
            "INSERT INTO article_lsh_bands (band, value, article_id) VALUES (?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            [(band, value, article_id) for band, value in item.lsh_keys],
        )
    if item.regions:
        await conn.executemany(
            "INSERT INTO article_regions (article_id, region, published_at, evidence, role)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [
                (article_id, tag.code, item.published_at, tag.evidence, tag.role)
                for tag in item.regions
            ],
        )
    # SQLite: the FTS5 row's rowid is the article id. PostgreSQL: the tsvector is generated.
    key = "rowid" if dialect == "sqlite" else "article_id"
    await conn.execute(
        f"INSERT INTO articles_fts ({key}, title, body) VALUES (?, ?, ?)",
        (article_id, item.title_stems, item.body_stems),
    )
    if item.page_url and duplicate_of is None:  # a copy goes to nobody: no page for it
        await conn.execute(
            "INSERT INTO page_fetches (url, article_id, queued_at) VALUES (?, ?, ?)"
            " ON CONFLICT (url) DO NOTHING",
            (item.page_url, article_id, item.fetched_at),
        )
    return article_id


# PostgreSQL: batches of several processes (the bot and `python -m bot ingest`, or several
# instances) take turns, so that each sees the others' articles when it looks for copies.
_INGEST_LOCK = 0x6E_62_69_6E_67_73_74


class ArticleRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def get(self, article_id: int) -> Article | None:
        row = await self.db.fetchone(f"{_list_sql(self.db.dialect)} WHERE a.id = ?", (article_id,))
        return None if row is None else article_from_row(row)

    async def get_many(self, ids: Sequence[int]) -> list[Article]:
        """Articles in the order of ``ids`` (missing ones left out)."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = await self.db.fetchall(f"{_list_sql(self.db.dialect)} WHERE a.id IN ({marks})", ids)
        by_id = {row["id"]: article_from_row(row) for row in rows}
        return [by_id[i] for i in ids if i in by_id]

    # --- Ingest ---------------------------------------------------------------------

    async def known(
        self, source_id: int | None, keys: Sequence[tuple[str | None, str]]
    ) -> set[str]:
        """URLs of ``(guid, url)`` pairs already stored (by URL, or by guid for this source).

        Lets the pipeline skip the costly analysis of items it has seen on an earlier poll.
        """
        found: set[str] = set()
        urls = [url for _, url in keys]
        for start in range(0, len(urls), 500):
            chunk = urls[start : start + 500]
            rows = await self.db.fetchall(
                f"SELECT url FROM articles WHERE url IN ({','.join('?' * len(chunk))})", chunk
            )
            found.update(r["url"] for r in rows)
        guids = {guid: url for guid, url in keys if guid is not None}
        if source_id is not None and guids:
            names = list(guids)
            for start in range(0, len(names), 500):
                chunk = names[start : start + 500]
                rows = await self.db.fetchall(
                    "SELECT guid FROM articles WHERE source_id = ?"
                    f" AND guid IN ({','.join('?' * len(chunk))})",
                    (source_id, *chunk),
                )
                found.update(guids[r["guid"]] for r in rows)
        return found

    async def insert_many(
        self,
        items: Sequence[NewArticle],
        *,
        near_copy: NearCopy | None = None,
        window_seconds: int = 30 * 86400,
    ) -> list[StoreResult]:
        """Store a batch in one transaction, with its regions, LSH bands and FTS row.

        An item whose URL (or guid within its source) is stored already is skipped
        ('seen'). An item whose text copies an earlier article is stored with
        ``duplicate_of`` pointing at the first one: the same content hash, or an article
        of the last ``window_seconds`` sharing an LSH band that ``near_copy`` confirms.
        Items of the same batch see each other, so two copies in one feed are linked too.
        """
        results: list[StoreResult] = []
        dialect = self.db.dialect
        async with self.db.write() as conn:
            if dialect == "postgresql":
                await conn.execute("SELECT pg_advisory_xact_lock(?)", (_INGEST_LOCK,))
            for item in items:
                # No separate "seen" query: ON CONFLICT DO NOTHING on the unique URL and
                # (source, guid) indexes says so, and callers pre-filter with known().
                original = await _find_original(
                    conn,
                    item,
                    near_copy=near_copy,
                    since=item.published_at - window_seconds,
                )
                article_id = await _insert(conn, dialect, item, original)
                results.append(StoreResult(item.url, article_id, original if article_id else None))
        return results

    async def latest(
        self,
        *,
        limit: int = 20,
        region: str | None = None,
        include_duplicates: bool = False,
    ) -> list[Article]:
        """Stored articles, newest first; of one region when ``region`` (a code) is given."""
        dup = "" if include_duplicates else " AND a.duplicate_of IS NULL"
        if region is None:
            rows = await self.db.fetchall(
                f"{_list_sql(self.db.dialect)} WHERE 1 = 1{dup}"
                " ORDER BY a.published_at DESC, a.id DESC LIMIT ?",
                (limit,),
            )
        else:
            rows = await self.db.fetchall(
                f"SELECT {article_columns(self.db.dialect)} FROM article_regions ar"
                " JOIN articles a ON a.id = ar.article_id"
                " LEFT JOIN sources s ON s.id = a.source_id"
                f" WHERE ar.region = ?{dup}"
                " ORDER BY ar.published_at DESC, ar.article_id DESC LIMIT ?",
                (region, limit),
            )
        return [article_from_row(r) for r in rows]

    async def count(self) -> int:
        return int(await self.db.fetchval("SELECT count(*) FROM articles"))

    # --- Full text from article pages -------------------------------------------------

    async def pages_queued(self) -> bool:
        """Whether any article page waits to be read (a cheap check before opening HTTP)."""
        row = await self.db.fetchone("SELECT 1 FROM page_fetches WHERE status = 'queued' LIMIT 1")
        return row is not None

    async def due_pages(self, limit: int) -> list[PageJob]:
        """Queued pages, the longest-waiting first."""
        rows = await self.db.fetchall(
            "SELECT p.url, p.article_id, a.source_id, s.region, p.etag, p.last_modified"
            " FROM page_fetches p JOIN articles a ON a.id = p.article_id"
            " LEFT JOIN sources s ON s.id = a.source_id"
            " WHERE p.status = 'queued' ORDER BY p.queued_at, p.article_id LIMIT ?",
            (limit,),
        )
        return [PageJob(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]

    async def page_failed(
        self, job: PageJob, error: str, *, status: str = "failed", now: int | None = None
    ) -> None:
        """The page could not be used: the article keeps its lead and stops waiting.

        The URL is never tried again (its row stays, with the reason).
        """
        ts = int(datetime.now(UTC).timestamp()) if now is None else now
        async with self.db.write() as conn:
            await conn.execute(
                "UPDATE page_fetches SET status = ?, attempted_at = ?, error = ? WHERE url = ?",
                (status, ts, error[:500], job.url),
            )
            await conn.execute(
                "UPDATE articles SET full_text_until = NULL WHERE id = ?", (job.article_id,)
            )

    async def store_full_text(
        self,
        job: PageJob,
        update: Reanalysis,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        now: int | None = None,
    ) -> None:
        """The page's full text, analysed again: body, summary, regions, near-copy keys and
        the search row are replaced in one transaction, and the article is planned (again).

        Planning again only adds: a chat that has the article already is skipped by the
        outbox's unique (chat, topic, article) key, so only new regions' subscribers get it.
        """
        ts = int(datetime.now(UTC).timestamp()) if now is None else now
        aid = job.article_id
        async with self.db.write() as conn:
            await conn.execute(
                "UPDATE page_fetches SET status = 'fetched', attempted_at = ?, error = NULL,"
                " etag = ?, last_modified = ? WHERE url = ?",
                (ts, etag, last_modified, job.url),
            )
            cur = await conn.execute(
                "UPDATE articles SET body = ?, summary = ?, content_hash = ?,"
                " full_text_until = NULL, planned = 0 WHERE id = ? RETURNING published_at",
                (update.body, update.summary, update.content_hash, aid),
            )
            rows = list(await cur.fetchall())  # fetchall: the statement runs to its end
            if not rows:  # deleted meanwhile (retention)
                return
            published_at = int(rows[0][0])
            await conn.execute("DELETE FROM article_lsh_bands WHERE article_id = ?", (aid,))
            if update.lsh_keys:
                await conn.executemany(
                    "INSERT INTO article_lsh_bands (band, value, article_id)"
                    " VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    [(band, value, aid) for band, value in update.lsh_keys],
                )
            await conn.execute("DELETE FROM article_regions WHERE article_id = ?", (aid,))
            if update.regions:
                await conn.executemany(
                    "INSERT INTO article_regions"
                    " (article_id, region, published_at, evidence, role) VALUES (?, ?, ?, ?, ?)"
                    " ON CONFLICT DO NOTHING",
                    [
                        (aid, tag.code, published_at, tag.evidence, tag.role)
                        for tag in update.regions
                    ],
                )
            # SQLite: the FTS5 row's rowid is the article id. PostgreSQL: the tsvector is
            # generated from the stems.
            key = "rowid" if self.db.dialect == "sqlite" else "article_id"
            await conn.execute(f"DELETE FROM articles_fts WHERE {key} = ?", (aid,))
            await conn.execute(
                f"INSERT INTO articles_fts ({key}, title, body) VALUES (?, ?, ?)",
                (aid, update.title_stems, update.body_stems),
            )

    async def set_image(self, article_id: int, url: str) -> bool:
        """Give the article a lead image (from its page) unless it has one; True if set."""
        async with self.db.write() as conn:
            cur = await conn.execute(
                "UPDATE articles SET image_url = ? WHERE id = ? AND image_url IS NULL",
                (url, article_id),
            )
            return cur.rowcount > 0

    async def title_and_text(self, article_id: int) -> tuple[str, str] | None:
        """An article's title and lead (re-analysis starts from them)."""
        row = await self.db.fetchone("SELECT title, text FROM articles WHERE id = ?", (article_id,))
        return None if row is None else (str(row[0]), str(row[1]))

    async def delete_older_than(self, cutoff: datetime) -> int:
        """Retention: delete articles published before ``cutoff``; returns how many.

        Regions, near-copy keys, deliveries and event links go by cascade; a trigger
        removes the full-text row. Copies pointing at a deleted article keep their text.
        """
        async with self.db.write() as conn:
            cur = await conn.execute(
                "DELETE FROM articles WHERE published_at < ?", (int(cutoff.timestamp()),)
            )
            return cur.rowcount
