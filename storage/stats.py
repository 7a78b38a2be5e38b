"""Read-only counters for the admins' /stats: articles and the outbox (deliveries)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.db import Database, now_ts

__all__ = ["DeliveryCounts", "StatsRepository"]


@dataclass(frozen=True, slots=True)
class DeliveryCounts:
    sent: int
    pending: int  # pending or being sent
    failed: int  # failed or dropped
    sent_last_minute: int

    @property
    def rate_per_second(self) -> float:
        """The current send rate: messages sent in the last minute / 60."""
        return self.sent_last_minute / 60


class StatsRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def table_counts(self) -> dict[str, int]:
        """Rows in the main tables (``python -m bot db info``)."""
        counts: dict[str, int] = {}
        for table in ("chats", "sources", "articles", "subscriptions", "events", "deliveries"):
            counts[table] = int(await self.db.fetchval(f"SELECT count(*) FROM {table}") or 0)
        return counts

    async def articles_since(self, since: datetime) -> int:
        """Articles fetched at or after ``since`` (UTC-aware), duplicates included."""
        value = await self.db.fetchval(
            "SELECT COUNT(*) FROM articles WHERE fetched_at >= ?", (int(since.timestamp()),)
        )
        return int(value or 0)

    async def deliveries(self, now: datetime | None = None) -> DeliveryCounts:
        """Deliveries by status, and how many were sent during the minute before ``now``."""
        now_s = now_ts() if now is None else int(now.timestamp())
        rows = await self.db.fetchall(
            "SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status"
        )
        by_status = {r["status"]: int(r["n"]) for r in rows}
        recent = await self.db.fetchval(
            "SELECT COUNT(*) FROM deliveries"
            " WHERE status = 'sent' AND sent_at > ? AND sent_at <= ?",
            (now_s - 60, now_s),
        )
        return DeliveryCounts(
            sent=by_status.get("sent", 0),
            pending=by_status.get("pending", 0) + by_status.get("sending", 0),
            failed=by_status.get("failed", 0) + by_status.get("dropped", 0),
            sent_last_minute=int(recent or 0),
        )
