"""Articles, their regions, and the full-text index rows that go with them."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from storage.base import Conn, Database, Dialect, Row
from storage.postgres import PgConn


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
    # Region codes, the regions the article is about first: ("RU-TOM", "RU-MOW")
    regions: tuple[str, ...]
    body: str | None = None  # the full text (feed or page); None: only the lead is known
    image_url: str | None = None  # the lead image (http/https); None: no picture
    mentioned: tuple[str, ...] = ()  # those of `regions` the article only mentions

    @property
    def main_regions(self) -> tuple[str, ...]:
        """The regions the article is about, as a reader is shown them (hashtags, lists):
        every region when the article only mentions each (then no one region stands out)."""
        main = tuple(code for code in self.regions if code not in self.mentioned)
        return main or self.regions

    @property
    def full_text(self) -> str:
        """What the article says in full: the body when known, else the lead (``text``)."""
        return self.body or self.text


def ts_to_dt(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


# Columns for building an Article; the query must join sources as ``s`` and select
# ``regions`` as a comma-separated list of ``code:role`` (group_concat / string_agg).
_ARTICLE_COLUMNS = """
    a.id, a.source_id, COALESCE(NULLIF(s.title, ''), s.url, '') AS source_title, a.guid, a.url,
    a.title, a.text, a.summary, a.published_at, a.fetched_at, a.duplicate_of, a.body,
    a.image_url,
    (SELECT {concat} FROM article_regions r WHERE r.article_id = a.id) AS regions
"""
_REGION_ROLE = "region || ':' || role"
ARTICLE_COLUMNS = _ARTICLE_COLUMNS.format(concat=f"group_concat({_REGION_ROLE})")  # SQLite's
_PG_ARTICLE_COLUMNS = _ARTICLE_COLUMNS.format(concat=f"string_agg({_REGION_ROLE}, ',')")


def article_columns(dialect: Dialect) -> str:
    """:data:`ARTICLE_COLUMNS` in the database's dialect."""
    return ARTICLE_COLUMNS if dialect == "sqlite" else _PG_ARTICLE_COLUMNS


def _regions_of(column: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``regions`` and ``mentioned`` of an Article from ``RU-MOW:mentioned,RU-TOM:main``:
    main regions first, each group in code order (an aggregate keeps no order)."""
    if not column:
        return (), ()
    pairs = sorted(
        (role != "main", code)
        for code, _, role in (part.partition(":") for part in column.split(","))
    )
    return (
        tuple(code for _, code in pairs),
        tuple(code for mentioned, code in pairs if mentioned),
    )


def article_from_row(row: Row) -> Article:
    regions, mentioned = _regions_of(row["regions"])
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
        regions=regions,
        body=row["body"],
        image_url=row["image_url"],
        mentioned=mentioned,
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


# Rows per multi-row INSERT (15 parameters each) and values per IN list: well under
# SQLite's 32,766 variables and PostgreSQL's 32,767 parameters.
_INSERT_ROWS = 200
_IN_CHUNK = 500
# The most candidates confirmed by ``near_copy`` per new article (the closest first).
_MAX_CANDIDATES = 20

_INSERT_COLUMNS = (
    "INSERT INTO articles (source_id, guid, url, title, text, summary, published_at,"
    " fetched_at, content_hash, simhash, duplicate_of, planned, body, full_text_until,"
    " image_url) VALUES "
)
_INSERT_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)"
# PostgreSQL: the whole part as one array per column, one statement text whatever the
# number of rows (a VALUES list of another length is another statement to parse and plan).
_PG_INSERT = (
    _INSERT_COLUMNS.removesuffix(" VALUES ")
    + " SELECT s, g, u, t, x, m, p, f, h, sh, d, 0, b, ftu, img FROM unnest("
    + "?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[],"
    + " ?::bigint[], ?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::bigint[], ?::text[])"
    + " AS r(s, g, u, t, x, m, p, f, h, sh, d, b, ftu, img)"
    + " ON CONFLICT DO NOTHING RETURNING id, url"
)


def _chunks(values: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _in_lists(
    dialect: Dialect, values: Sequence[Any], pg_type: str
) -> Iterator[tuple[str, list[Any]]]:
    """``(condition, parameters)`` that test a column against ``values``, for
    ``f"... WHERE column {condition}"``: ``IN (?, ...)`` lists of at most _IN_CHUNK on SQLite;
    on PostgreSQL one ``= ANY(?::type[])`` for them all, one statement text whatever their
    number (asyncpg prepares it once; a list of another length is another statement)."""
    if not values:
        return
    if dialect == "postgresql":
        yield f"= ANY(?::{pg_type}[])", [list(values)]
        return
    for chunk in _chunks(values, _IN_CHUNK):
        yield f"IN ({_marks(len(chunk))})", list(chunk)


def _stored_text(item: NewArticle) -> str:
    """What ``COALESCE(body, text)`` reads back for this item once stored."""
    return item.body if item.body is not None else item.text


@dataclass(slots=True)
class _DbCandidate:
    article_id: int
    root: int  # its duplicate_of, or itself
    published_at: int


@dataclass(slots=True)
class _Plan:
    """What a batch will do, decided before writing: which items go in, and their originals.

    ``originals[i]`` is ("db", id) for an article stored before, ("batch", j) for the
    ``j``-th item of this batch (its id is known only after the insert), or None.
    """

    insert: list[bool]
    originals: list[tuple[str, int] | None]


async def _existing_keys(
    conn: Conn, dialect: Dialect, items: Sequence[NewArticle]
) -> tuple[set[str], set[tuple[int, str]]]:
    """URLs and (source, guid) pairs of the batch that are stored already."""
    urls: set[str] = set()
    all_urls = list(dict.fromkeys(item.url for item in items))
    by_source: dict[int, list[str]] = {}
    for item in items:
        if item.source_id is not None and item.guid is not None:
            by_source.setdefault(item.source_id, []).append(item.guid)
    guids: set[tuple[int, str]] = set()
    if dialect == "postgresql":
        # One statement for both: the same text every time (a prepared statement reused).
        sources = [s for s, names in by_source.items() for _ in dict.fromkeys(names)]
        names = [n for names in by_source.values() for n in dict.fromkeys(names)]
        async with conn.execute(
            "SELECT url, NULL::bigint, NULL FROM articles WHERE url = ANY(?::text[])"
            " UNION ALL SELECT NULL, a.source_id, a.guid FROM articles a"
            " JOIN unnest(?::bigint[], ?::text[]) AS k(source_id, guid)"
            " ON a.source_id = k.source_id AND a.guid = k.guid",
            (all_urls, sources, names),
        ) as cur:
            for r in await cur.fetchall():
                if r[0] is not None:
                    urls.add(str(r[0]))
                else:
                    guids.add((int(r[1]), str(r[2])))
        return urls, guids
    for chunk in _chunks(all_urls, _IN_CHUNK):
        async with conn.execute(
            f"SELECT url FROM articles WHERE url IN ({_marks(len(chunk))})", chunk
        ) as cur:
            urls.update(str(r[0]) for r in await cur.fetchall())
    for source_id, names in by_source.items():
        for chunk in _chunks(list(dict.fromkeys(names)), _IN_CHUNK):
            async with conn.execute(
                f"SELECT guid FROM articles WHERE source_id = ? AND guid IN ({_marks(len(chunk))})",
                (source_id, *chunk),
            ) as cur:
                guids.update((source_id, str(r[0])) for r in await cur.fetchall())
    return urls, guids


async def _stored_hashes(conn: Conn, dialect: Dialect, hashes: Sequence[str]) -> dict[str, int]:
    """Content hash -> the root (duplicate_of, or id) of the first article that has it."""
    first: dict[str, tuple[int, int]] = {}
    for cond, params in _in_lists(dialect, list(dict.fromkeys(hashes)), "text"):
        async with conn.execute(
            f"SELECT content_hash, id, duplicate_of FROM articles WHERE content_hash {cond}",
            params,
        ) as cur:
            for r in await cur.fetchall():
                key, aid = str(r[0]), int(r[1])
                if key not in first or aid < first[key][0]:
                    first[key] = (aid, int(r[2] or aid))
    return {key: root for key, (_, root) in first.items()}


async def _stored_bands(
    conn: Conn, dialect: Dialect, items: Sequence[NewArticle]
) -> dict[tuple[int, int], list[int]]:
    """(band, value) -> ids of stored articles with that LSH key, for the batch's keys."""
    by_band: dict[int, set[int]] = {}
    for item in items:
        for band, value in item.lsh_keys:
            by_band.setdefault(band, set()).add(value)
    out: dict[tuple[int, int], list[int]] = {}
    if dialect == "postgresql":  # every band in one statement (16 round trips before)
        bands = [band for band, values in sorted(by_band.items()) for _ in values]
        keys = [value for _, vs in sorted(by_band.items()) for value in sorted(vs)]
        async with conn.execute(
            "SELECT b.band, b.value, b.article_id"
            " FROM unnest(?::integer[], ?::bigint[]) AS k(band, value)"
            " JOIN article_lsh_bands b ON b.band = k.band AND b.value = k.value",
            (bands, keys),
        ) as cur:
            for r in await cur.fetchall():
                out.setdefault((int(r[0]), int(r[1])), []).append(int(r[2]))
        return out
    for band, values in sorted(by_band.items()):
        for chunk in _chunks(sorted(values), _IN_CHUNK):
            async with conn.execute(
                "SELECT value, article_id FROM article_lsh_bands"
                f" WHERE band = ? AND value IN ({_marks(len(chunk))})",
                (band, *chunk),
            ) as cur:
                for r in await cur.fetchall():
                    out.setdefault((band, int(r[0])), []).append(int(r[1]))
    return out


async def _articles_meta(
    conn: Conn, dialect: Dialect, ids: Sequence[int]
) -> dict[int, _DbCandidate]:
    out: dict[int, _DbCandidate] = {}
    for cond, params in _in_lists(dialect, sorted(set(ids)), "bigint"):
        async with conn.execute(
            f"SELECT id, duplicate_of, published_at FROM articles WHERE id {cond}", params
        ) as cur:
            for r in await cur.fetchall():
                aid = int(r[0])
                out[aid] = _DbCandidate(aid, int(r[1] or aid), int(r[2]))
    return out


async def _articles_text(conn: Conn, dialect: Dialect, ids: Sequence[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for cond, params in _in_lists(dialect, sorted(set(ids)), "bigint"):
        async with conn.execute(
            f"SELECT id, COALESCE(body, text) AS text FROM articles WHERE id {cond}", params
        ) as cur:
            out.update((int(r[0]), str(r[1])) for r in await cur.fetchall())
    return out


def _shared(
    keys: Sequence[tuple[int, int]], index: Mapping[tuple[int, int], Sequence[int]]
) -> dict[int, int]:
    """How many of ``keys`` each indexed article (or batch item) shares."""
    counts: dict[int, int] = {}
    for key in keys:
        for owner in index.get(key, ()):
            counts[owner] = counts.get(owner, 0) + 1
    return counts


async def _plan_batch(
    conn: Conn,
    dialect: Dialect,
    items: Sequence[NewArticle],
    *,
    near_copy: NearCopy | None,
    window_seconds: int,
) -> _Plan:
    """Decide, item by item in batch order, what storing them one at a time would do.

    The database is read in a few set queries (stored URLs and guids, content hashes, LSH
    keys, candidates' dates and texts); the batch's own earlier items are checked in
    memory, so two copies within one feed are linked as before. Stored articles come
    before the batch's in id order, as their ids are lower.
    """
    stored_urls, stored_guids = await _existing_keys(conn, dialect, items)
    keyed = [item for item in items if item.lsh_keys]
    db_hashes = await _stored_hashes(conn, dialect, [item.content_hash for item in keyed])
    db_bands: dict[tuple[int, int], list[int]] = {}
    meta: dict[int, _DbCandidate] = {}
    db_ranked: list[list[tuple[int, int]]] = [[] for _ in items]  # (shared, id), best first
    if near_copy is not None and keyed:
        db_bands = await _stored_bands(conn, dialect, keyed)
        counts = [_shared(item.lsh_keys, db_bands) if item.lsh_keys else {} for item in items]
        meta = await _articles_meta(
            conn, dialect, [aid for c in counts for aid, n in c.items() if n >= MIN_SHARED_BANDS]
        )
        for i, (item, c) in enumerate(zip(items, counts, strict=True)):
            since = item.published_at - window_seconds
            ranked = sorted(
                (-n, aid)
                for aid, n in c.items()
                if n >= MIN_SHARED_BANDS and aid in meta and meta[aid].published_at >= since
            )
            db_ranked[i] = [(-neg, aid) for neg, aid in ranked[:_MAX_CANDIDATES]]
    texts = await _articles_text(conn, dialect, [aid for r in db_ranked for _, aid in r])

    plan = _Plan(insert=[False] * len(items), originals=[None] * len(items))
    seen_urls: set[str] = set(stored_urls)
    seen_guids: set[tuple[int, str]] = set(stored_guids)
    batch_hash: dict[str, int] = {}  # content hash -> first inserted batch item
    batch_bands: dict[tuple[int, int], list[int]] = {}  # LSH key -> inserted batch items

    def root_of(j: int) -> tuple[str, int]:
        return plan.originals[j] or ("batch", j)

    for i, item in enumerate(items):
        guid_key = (
            (item.source_id, item.guid)
            if item.source_id is not None and item.guid is not None
            else None
        )
        if item.url in seen_urls or (guid_key is not None and guid_key in seen_guids):
            continue  # stored before: 'seen'
        original: tuple[str, int] | None = None
        if item.lsh_keys:
            if item.content_hash in db_hashes:
                original = ("db", db_hashes[item.content_hash])
            elif item.content_hash in batch_hash:
                original = root_of(batch_hash[item.content_hash])
            elif near_copy is not None:
                since = item.published_at - window_seconds
                local = [
                    (n, j)
                    for j, n in _shared(item.lsh_keys, batch_bands).items()
                    if n >= MIN_SHARED_BANDS and items[j].published_at >= since
                ]
                # Stored articles first among equals: their ids are lower.
                merged = sorted(
                    [(-n, 0, aid) for n, aid in db_ranked[i]] + [(-n, 1, j) for n, j in local]
                )[:_MAX_CANDIDATES]
                for _, in_batch, ref in merged:
                    other = _stored_text(items[ref]) if in_batch else texts.get(ref)
                    if other is not None and near_copy(item.full_text, other):
                        original = root_of(ref) if in_batch else ("db", meta[ref].root)
                        break
        plan.insert[i] = True
        plan.originals[i] = original
        seen_urls.add(item.url)
        if guid_key is not None:
            seen_guids.add(guid_key)
        batch_hash.setdefault(item.content_hash, i)
        for key in item.lsh_keys:
            batch_bands.setdefault(key, []).append(i)
    return plan


async def _insert_rows(
    conn: Conn,
    dialect: Dialect,
    table: str,
    columns: tuple[str, ...],
    rows: Sequence[tuple[Any, ...]],
    *,
    sqlite_tail: str = "",
) -> None:
    """Many new rows into ``table``: executemany on SQLite (one call into its thread), with
    ``sqlite_tail`` (an ON CONFLICT clause); a binary COPY on PostgreSQL, whose rows must not
    conflict (asyncpg encodes the rows with the columns' codecs: an array parameter per
    column cost about three times the client CPU, checking every element for a sub-array,
    and the server a little more than COPY's multi-row inserts)."""
    if not rows:
        return
    if dialect == "postgresql":
        assert isinstance(conn, PgConn)
        await conn.raw.copy_records_to_table(table, records=rows, columns=columns)
        return
    marks = ", ".join("?" * len(columns))
    await conn.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}){sqlite_tail}", rows
    )


async def _write_batch(
    conn: Conn, dialect: Dialect, items: Sequence[NewArticle], plan: _Plan
) -> list[int | None]:
    """Insert the planned items and their rows; returns each item's new id (None: not in)."""
    rows: list[tuple[int, NewArticle, tuple[str, int] | None]] = [
        (i, item, plan.originals[i]) for i, item in enumerate(items) if plan.insert[i]
    ]
    ids: list[int | None] = [None] * len(items)
    by_url: dict[str, int] = {}
    pg = dialect == "postgresql"
    for chunk in [rows] if pg and rows else _chunks(rows, _INSERT_ROWS):
        values = [
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
                original[1] if original is not None and original[0] == "db" else None,
                item.body,
                item.full_text_until if item.page_url and original is None else None,
                item.image_url,
            )
            for _, item, original in chunk
        ]
        params: list[Any]
        if pg:
            sql, params = _PG_INSERT, [list(column) for column in zip(*values, strict=True)]
        else:
            sql = (
                _INSERT_COLUMNS
                + ", ".join([_INSERT_ROW] * len(chunk))
                + " ON CONFLICT DO NOTHING RETURNING id, url"
            )
            params = [value for row in values for value in row]
        async with conn.execute(sql, params) as cur:
            by_url.update((str(r[1]), int(r[0])) for r in await cur.fetchall())
    for i, item, _ in rows:
        ids[i] = by_url.get(item.url)  # missing: a conflict nobody planned for (a race)

    def resolve(original: tuple[str, int] | None) -> int | None:
        if original is None:
            return None
        return original[1] if original[0] == "db" else ids[original[1]]

    bands: list[tuple[int, int, int]] = []
    regions: list[tuple[int, str, int, str, str]] = []
    fts: list[tuple[int, str, str]] = []
    pages: list[tuple[str, int, int]] = []
    links: list[tuple[int, int]] = []
    for i, item, original in rows:
        aid = ids[i]
        if aid is None:
            continue
        # Each key and each region once (the first), as the inserts' ON CONFLICT kept them.
        bands.extend((band, value, aid) for band, value in dict.fromkeys(item.lsh_keys))
        codes: set[str] = set()
        for tag in item.regions:
            if tag.code not in codes:
                codes.add(tag.code)
                regions.append((aid, tag.code, item.published_at, tag.evidence, tag.role))
        fts.append((aid, item.title_stems, item.body_stems))
        if item.page_url and original is None:  # a copy goes to nobody: no page for it
            pages.append((item.page_url, aid, item.fetched_at))
        if original is not None and original[0] == "batch":
            root = resolve(original)
            if root is not None:
                links.append((root, aid))
    if links:
        await conn.executemany("UPDATE articles SET duplicate_of = ? WHERE id = ?", links)
    # The keys' and the regions' rows are of articles inserted just now, each once: none
    # can conflict. PostgreSQL inserts them without ON CONFLICT, which costs the server a
    # speculative insertion per row (about half its time for the 16 key rows an article).
    # SQLite keeps it (a cheap check there; a rowid may be reused after a delete).
    tail = " ON CONFLICT DO NOTHING"
    await _insert_rows(
        conn, dialect, "article_lsh_bands", ("band", "value", "article_id"), bands,
        sqlite_tail=tail,
    )  # fmt: skip
    await _insert_rows(
        conn, dialect, "article_regions",
        ("article_id", "region", "published_at", "evidence", "role"), regions, sqlite_tail=tail,
    )  # fmt: skip
    # SQLite: the FTS5 row's rowid is the article id. PostgreSQL: the tsvector is generated.
    key = "rowid" if dialect == "sqlite" else "article_id"
    await _insert_rows(conn, dialect, "articles_fts", (key, "title", "body"), fts)
    if pages:
        await conn.executemany(
            "INSERT INTO page_fetches (url, article_id, queued_at) VALUES (?, ?, ?)"
            " ON CONFLICT (url) DO NOTHING",
            pages,
        )
    return ids


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
        dialect = self.db.dialect
        urls = [url for _, url in keys]
        for cond, params in _in_lists(dialect, urls, "text"):
            rows = await self.db.fetchall(f"SELECT url FROM articles WHERE url {cond}", params)
            found.update(r["url"] for r in rows)
        guids = {guid: url for guid, url in keys if guid is not None}
        if source_id is not None and guids:
            for cond, params in _in_lists(dialect, list(guids), "text"):
                rows = await self.db.fetchall(
                    f"SELECT guid FROM articles WHERE source_id = ? AND guid {cond}",
                    (source_id, *params),
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
        if not items:
            return []
        async with self.db.write() as conn:
            if self.db.dialect == "postgresql":
                await conn.execute("SELECT pg_advisory_xact_lock(?)", (_INGEST_LOCK,))
            return await self._store_part(conn, items, near_copy, window_seconds)

    async def insert_stream(
        self,
        parts: AsyncIterator[Sequence[NewArticle]],
        *,
        near_copy: NearCopy | None = None,
        window_seconds: int = 30 * 86400,
    ) -> list[StoreResult]:
        """:meth:`insert_many` for a batch that arrives in parts, in order (analysis still
        running). Each part is planned against the database, where the parts before it
        already are, so the outcome is the one of ``insert_many`` of the whole batch.

        PostgreSQL: one transaction, opened with the first part (other writers do not wait
        for it); an error of ``parts`` rolls everything back. SQLite: one short transaction
        per part, because its one writer must not be held while analysis runs (the delivery
        worker writes too); an error of ``parts`` keeps the parts already stored, which are
        then ordinary stored articles (``planned = 0``, ``grouped = 0``: the planner's and
        the grouping's sweeps take them) and 'seen' when the batch is stored again."""
        if self.db.dialect == "sqlite":
            results: list[StoreResult] = []
            async for part in parts:
                if part:
                    async with self.db.write() as short:
                        results += await self._store_part(short, part, near_copy, window_seconds)
            return results
        results = []
        conn: Conn | None = None
        async with contextlib.AsyncExitStack() as stack:
            async for part in parts:
                if not part:
                    continue
                if conn is None:
                    conn = await stack.enter_async_context(self.db.write())
                    await conn.execute("SELECT pg_advisory_xact_lock(?)", (_INGEST_LOCK,))
                results += await self._store_part(conn, part, near_copy, window_seconds)
        return results

    async def _store_part(
        self,
        conn: Conn,
        items: Sequence[NewArticle],
        near_copy: NearCopy | None,
        window_seconds: int,
    ) -> list[StoreResult]:
        plan = await _plan_batch(
            conn, self.db.dialect, items, near_copy=near_copy, window_seconds=window_seconds
        )
        ids = await _write_batch(conn, self.db.dialect, items, plan)
        results: list[StoreResult] = []
        for i, item in enumerate(items):
            aid = ids[i]
            original = plan.originals[i]
            dup: int | None = None
            if aid is not None and original is not None:
                dup = original[1] if original[0] == "db" else ids[original[1]]
            results.append(StoreResult(item.url, aid, dup))
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

        Deliveries and event links go by cascade. PostgreSQL does not check the near-copy
        keys, regions and search rows against articles (migrations 0014, 0015): they are
        deleted here, by the ids of the articles deleted, after them (a statement of its own
        sees rows that a re-analysis committed while the delete waited for its article).
        SQLite: the keys are deleted here, regions go by cascade, a trigger removes the
        full-text row. Copies pointing at a deleted article keep their text.
        """
        cutoff_ts = int(cutoff.timestamp())
        async with self.db.write() as conn:
            if self.db.dialect == "postgresql":
                cur = await conn.execute(
                    "DELETE FROM articles WHERE published_at < ? RETURNING id", (cutoff_ts,)
                )
                ids = [int(r[0]) for r in await cur.fetchall()]
                if ids:
                    for table in ("article_lsh_bands", "article_regions", "articles_fts"):
                        await conn.execute(
                            f"DELETE FROM {table} WHERE article_id = ANY(?::bigint[])", (ids,)
                        )
                return len(ids)
            await conn.execute(
                "DELETE FROM article_lsh_bands WHERE article_id IN"
                " (SELECT id FROM articles WHERE published_at < ?)",
                (cutoff_ts,),
            )
            cur = await conn.execute("DELETE FROM articles WHERE published_at < ?", (cutoff_ts,))
            return cur.rowcount
