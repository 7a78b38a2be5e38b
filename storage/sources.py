"""News sources (feeds, pages, files) and their polling state."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from storage.base import Database, Row, now_ts

ORIGINS = ("config", "db", "cli")
FULL_TEXT_MODES = ("auto", "feed", "page", "off")


@dataclass(frozen=True, slots=True)
class Source:
    id: int
    url: str
    title: str
    region: str | None  # region code every item of the source concerns
    origin: str  # 'config', 'db' (added by an admin) or 'cli'
    interval_seconds: int
    enabled: bool
    etag: str | None
    last_modified: str | None
    last_success_at: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    failures: int  # consecutive failures: drives the backoff
    next_poll_at: datetime
    items_total: int
    last_new: int  # new articles from the last successful poll
    last_polled_at: datetime | None
    created_at: datetime
    # 'auto' (the feed's full text, else the page), 'feed', 'page' or 'off' (the lead only)
    full_text: str = "auto"

    @property
    def display_name(self) -> str:
        return self.title or self.url


@dataclass(frozen=True, slots=True)
class ConfigSource:
    """One ``[[sources]]`` entry of the config, as the repository needs it."""

    url: str
    region: str | None = None
    interval_seconds: int | None = None
    title: str | None = None
    full_text: str = "auto"


def _dt(ts: int | None) -> datetime | None:
    return None if ts is None else datetime.fromtimestamp(ts, UTC)


def _source(row: Row) -> Source:
    return Source(
        id=row["id"],
        url=row["url"],
        title=row["title"],
        region=row["region"],
        origin=row["origin"],
        interval_seconds=row["interval_seconds"],
        enabled=bool(row["enabled"]),
        etag=row["etag"],
        last_modified=row["last_modified"],
        last_success_at=_dt(row["last_success_at"]),
        last_error=row["last_error"],
        last_error_at=_dt(row["last_error_at"]),
        failures=row["failures"],
        next_poll_at=datetime.fromtimestamp(row["next_poll_at"], UTC),
        items_total=row["items_total"],
        last_new=row["last_new"],
        last_polled_at=_dt(row["last_polled_at"]),
        created_at=datetime.fromtimestamp(row["created_at"], UTC),
        full_text=row["full_text"],
    )


class SourceRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def get(self, source_id: int) -> Source | None:
        row = await self.db.fetchone("SELECT * FROM sources WHERE id = ?", (source_id,))
        return None if row is None else _source(row)

    async def get_by_url(self, url: str) -> Source | None:
        row = await self.db.fetchone("SELECT * FROM sources WHERE url = ?", (url,))
        return None if row is None else _source(row)

    async def list_all(self, *, enabled_only: bool = False) -> list[Source]:
        where = " WHERE enabled = 1" if enabled_only else ""
        rows = await self.db.fetchall(f"SELECT * FROM sources{where} ORDER BY id")
        return [_source(r) for r in rows]

    async def due(self, now: int | None = None, *, limit: int = 100) -> list[Source]:
        """Enabled sources whose ``next_poll_at`` has passed, the longest-waiting first."""
        ts = now_ts() if now is None else now
        rows = await self.db.fetchall(
            "SELECT * FROM sources WHERE enabled = 1 AND next_poll_at <= ?"
            " ORDER BY next_poll_at, id LIMIT ?",
            (ts, limit),
        )
        return [_source(r) for r in rows]

    async def add(
        self,
        url: str,
        *,
        region: str | None = None,
        title: str = "",
        origin: str = "db",
        interval_seconds: int = 900,
        enabled: bool = True,
        full_text: str = "auto",
    ) -> tuple[Source, bool]:
        """Insert a source; returns ``(source, created)``. An existing URL is left as it is."""
        if origin not in ORIGINS:
            raise ValueError(f"origin must be one of {ORIGINS}")
        if full_text not in FULL_TEXT_MODES:
            raise ValueError(f"full_text must be one of {FULL_TEXT_MODES}")
        ts = now_ts()
        async with self.db.write() as conn:
            cur = await conn.execute(
                "INSERT INTO sources (url, title, region, origin, interval_seconds, enabled,"
                " next_poll_at, created_at, full_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (url) DO NOTHING",
                (url, title, region, origin, interval_seconds, int(enabled), ts, ts, full_text),
            )
            created = cur.rowcount == 1
        source = await self.get_by_url(url)
        assert source is not None
        return source, created

    async def delete(self, source_id: int) -> bool:
        """Remove a source; its articles stay (their ``source_id`` becomes NULL)."""
        async with self.db.write() as conn:
            cur = await conn.execute("DELETE FROM sources WHERE id = ?", (source_id,))
            return cur.rowcount == 1

    async def sync_config(
        self, entries: Sequence[ConfigSource], *, default_interval: int
    ) -> list[Source]:
        """Make the table match the config's sources (origin 'config'), in one transaction.

        New URLs are added and due at once; changed region/interval/title are updated;
        config sources no longer in the config are disabled (not deleted: their articles
        keep their source). A URL an admin added earlier becomes a config source.
        """
        ts = now_ts()
        urls = [e.url for e in entries]
        async with self.db.write() as conn:
            for e in entries:
                await conn.execute(
                    """
                    INSERT INTO sources (url, title, region, origin, interval_seconds, enabled,
                                         next_poll_at, created_at, full_text)
                    VALUES (?, ?, ?, 'config', ?, 1, ?, ?, ?)
                    ON CONFLICT (url) DO UPDATE SET
                        title = CASE WHEN excluded.title != '' THEN excluded.title
                                     ELSE sources.title END,
                        region = excluded.region, origin = 'config',
                        interval_seconds = excluded.interval_seconds, enabled = 1,
                        full_text = excluded.full_text
                    """,
                    (
                        e.url,
                        e.title or "",
                        e.region,
                        e.interval_seconds or default_interval,
                        ts,
                        ts,
                        e.full_text,
                    ),
                )
            marks = ",".join("?" * len(urls))
            not_in = f" AND url NOT IN ({marks})" if urls else ""
            await conn.execute(
                f"UPDATE sources SET enabled = 0 WHERE origin = 'config'{not_in}", urls
            )
        rows = await self.db.fetchall(
            "SELECT * FROM sources WHERE origin = 'config' AND enabled = 1 ORDER BY id"
        )
        return [_source(r) for r in rows]

    async def record_success(
        self,
        source_id: int,
        *,
        new_items: int,
        next_poll_at: int,
        etag: str | None,
        last_modified: str | None,
        title: str | None = None,
        now: int | None = None,
    ) -> None:
        """A poll worked (a 304 included): reset the failures, keep the validators."""
        ts = now_ts() if now is None else now
        async with self.db.write() as conn:
            await conn.execute(
                """
                UPDATE sources SET
                    etag = ?, last_modified = ?, last_success_at = ?, last_polled_at = ?,
                    failures = 0, last_error = NULL, next_poll_at = ?,
                    items_total = items_total + ?, last_new = ?,
                    title = CASE WHEN title = '' AND CAST(? AS TEXT) IS NOT NULL THEN ?
                                 ELSE title END
                WHERE id = ?
                """,
                (
                    etag,
                    last_modified,
                    ts,
                    ts,
                    next_poll_at,
                    new_items,
                    new_items,
                    title,
                    title,
                    source_id,
                ),
            )

    async def record_failure(
        self, source_id: int, error: str, *, next_poll_at: int, now: int | None = None
    ) -> None:
        """A poll failed: count it and remember why; ``next_poll_at`` carries the backoff."""
        ts = now_ts() if now is None else now
        async with self.db.write() as conn:
            await conn.execute(
                """
                UPDATE sources SET failures = failures + 1, last_error = ?, last_error_at = ?,
                    last_polled_at = ?, next_poll_at = ?
                WHERE id = ?
                """,
                (error[:500], ts, ts, next_poll_at, source_id),
            )

    async def set_next_poll(self, source_id: int, next_poll_at: int) -> None:
        async with self.db.write() as conn:
            await conn.execute(
                "UPDATE sources SET next_poll_at = ? WHERE id = ?", (next_poll_at, source_id)
            )

    async def count(self) -> int:
        return int(await self.db.fetchval("SELECT count(*) FROM sources"))
