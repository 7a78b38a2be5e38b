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


def ts_to_dt(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


# Columns for building an Article; the query must join sources as ``s`` and select
# ``regions`` as a comma-separated list of codes (group_concat / string_agg).
_ARTICLE_COLUMNS = """
    a.id, a.source_id, COALESCE(NULLIF(s.title, ''), s.url, '') AS source_title, a.guid, a.url,
    a.title, a.text, a.summary, a.published_at, a.fetched_at, a.duplicate_of,
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


@dataclass(frozen=True, slots=True)
class NewArticle:
    """A normalised, analysed item ready to be stored."""

    source_id: int | None
    guid: str | None
    url: str  # canonical
    title: str
    text: str
    summary: str
    published_at: int  # UTC seconds
    fetched_at: int
    content_hash: str
    # (band, key) pairs of the text's LSH signature; empty: too short to match copies
    lsh_keys: tuple[tuple[int, int], ...] = ()
    simhash: int | None = None  # optional 64-bit fingerprint, stored as is
    regions: tuple[RegionTag, ...] = ()
    title_stems: str = ""
    body_stems: str = ""


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
        "SELECT a.id, a.text, a.duplicate_of FROM articles a"
        f" JOIN (SELECT article_id, count(*) AS shared FROM ({union}) AS u GROUP BY article_id"
        "       HAVING count(*) >= ?) c ON c.article_id = a.id"
        " WHERE a.published_at >= ? ORDER BY c.shared DESC, a.id LIMIT 20",
        (*params, MIN_SHARED_BANDS, since),
    ) as cur:
        rows = await cur.fetchall()
    for r in rows:  # the closest first; its root is the original
        if near_copy(item.text, r["text"]):
            return int(r["duplicate_of"] or r["id"])
    return None


async def _insert(
    conn: Conn, dialect: Dialect, item: NewArticle, duplicate_of: int | None
) -> int | None:
    cur = await conn.execute(
        """
        INSERT INTO articles (source_id, guid, url, title, text, summary, published_at,
            fetched_at, content_hash, simhash, duplicate_of, planned)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
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
            "INSERT INTO article_regions (article_id, region, published_at, evidence)"
            " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [(article_id, tag.code, item.published_at, tag.evidence) for tag in item.regions],
        )
    # SQLite: the FTS5 row's rowid is the article id. PostgreSQL: the tsvector is generated.
    key = "rowid" if dialect == "sqlite" else "article_id"
    await conn.execute(
        f"INSERT INTO articles_fts ({key}, title, body) VALUES (?, ?, ?)",
        (article_id, item.title_stems, item.body_stems),
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
