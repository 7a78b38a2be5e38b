"""Region channels: a channel that gets every new article of its region.

A mapping is a row of ``region_channels`` plus a subscription of the channel chat (thread
0) to the region, written together: the planner needs nothing special, and the outbox's
``deliveries_once`` key makes each article reach the channel once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from storage.base import Database, Row, now_ts

__all__ = ["ChannelRepository", "RegionChannel"]


@dataclass(frozen=True, slots=True)
class RegionChannel:
    chat_id: int
    region: str  # catalogue code
    username: str  # without '@'
    title: str  # the channel's title as last seen ('' when unknown)
    added_by: int
    created_at: datetime  # UTC
    active: bool  # False once the bot was removed or could not post (the chat went inactive)


def _channel(row: Row) -> RegionChannel:
    return RegionChannel(
        chat_id=row["chat_id"],
        region=row["region"],
        username=row["username"],
        title=row["title"] or "",
        added_by=row["added_by"],
        created_at=datetime.fromtimestamp(row["created_at"], UTC),
        active=bool(row["active"]),
    )


_SELECT = (
    "SELECT r.chat_id, r.region, r.username, r.added_by, r.created_at, c.title, c.active"
    " FROM region_channels r JOIN chats c ON c.id = r.chat_id"
)


class ChannelRepository:
    """The SQL of ``region_channels`` (and the subscriptions that go with it)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def map(
        self, chat_id: int, region: str, *, username: str, added_by: int
    ) -> tuple[RegionChannel, str | None]:
        """Map the channel (recorded in ``chats`` first) to ``region``; a channel has one
        region, so a new one replaces the old. Returns the mapping and the previous region
        (None when the channel was not mapped)."""
        ts = now_ts()
        async with self.db.write() as conn:
            async with conn.execute(
                "SELECT region FROM region_channels WHERE chat_id = ?", (chat_id,)
            ) as cur:
                row = await cur.fetchone()
            previous = None if row is None else str(row[0])
            if previous is not None and previous != region:
                await conn.execute(
                    "DELETE FROM subscriptions WHERE chat_id = ? AND thread_id = 0 AND region = ?",
                    (chat_id, previous),
                )
            await conn.execute(
                "INSERT INTO region_channels (chat_id, region, username, added_by, created_at)"
                " VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (chat_id) DO UPDATE SET region = excluded.region,"
                " username = excluded.username, added_by = excluded.added_by",
                (chat_id, region, username, added_by, ts),
            )
            await conn.execute(
                "INSERT INTO subscriptions (chat_id, thread_id, region, created_at)"
                " VALUES (?, 0, ?, ?) ON CONFLICT (chat_id, thread_id, region) DO NOTHING",
                (chat_id, region, ts),
            )
        channel = await self.get(chat_id)
        assert channel is not None
        return channel, previous

    async def unmap(self, chat_id: int) -> RegionChannel | None:
        """Remove the mapping and its subscription; the mapping removed, or None."""
        channel = await self.get(chat_id)
        if channel is None:
            return None
        async with self.db.write() as conn:
            await conn.execute(
                "DELETE FROM subscriptions WHERE chat_id = ? AND thread_id = 0 AND region = ?",
                (chat_id, channel.region),
            )
            await conn.execute("DELETE FROM region_channels WHERE chat_id = ?", (chat_id,))
        return channel

    async def get(self, chat_id: int) -> RegionChannel | None:
        row = await self.db.fetchone(_SELECT + " WHERE r.chat_id = ?", (chat_id,))
        return None if row is None else _channel(row)

    async def by_username(self, username: str) -> RegionChannel | None:
        """A mapping by the channel's username (without '@', any case)."""
        row = await self.db.fetchone(
            _SELECT + " WHERE LOWER(r.username) = LOWER(?)", (username.lstrip("@"),)
        )
        return None if row is None else _channel(row)

    async def list_all(self) -> list[RegionChannel]:
        """Every mapping, by region then username."""
        rows = await self.db.fetchall(_SELECT + " ORDER BY r.region, LOWER(r.username)")
        return [_channel(r) for r in rows]
