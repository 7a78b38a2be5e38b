"""Read-only counters for the admins' /stats: articles and the outbox (deliveries)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from storage.base import Database, now_ts

__all__ = ["DeliveryCounts", "OutboxState", "SourcesState", "StatsRepository"]


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


@dataclass(frozen=True, slots=True)
class OutboxState:
    pending: int  # due now (pending or being sent)
    lag_seconds: int  # how long the oldest due delivery has waited


@dataclass(frozen=True, slots=True)
class SourcesState:
    enabled: int
    failing: int  # enabled sources whose last poll failed
    last_success_at: datetime | None


class StatsRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def ping(self) -> bool:
        """The database answers a query."""
        return bool(await self.db.fetchval("SELECT 1") == 1)

    async def outbox(self, now: datetime | None = None) -> OutboxState:
        """Deliveries due and not yet sent, and how long the oldest of them has waited."""
        now_s = now_ts() if now is None else int(now.timestamp())
        row = await self.db.fetchone(
            "SELECT COUNT(*) AS n,"
            " MIN(CASE WHEN not_before > created_at THEN not_before ELSE created_at END) AS oldest"
            " FROM deliveries"
            " WHERE status IN ('pending', 'sending') AND not_before <= ?",
            (now_s,),
        )
        pending = int(row["n"]) if row else 0
        oldest = row["oldest"] if row else None
        lag = max(0, now_s - int(oldest)) if oldest is not None else 0
        return OutboxState(pending=pending, lag_seconds=lag)

    async def sources_state(self) -> SourcesState:
        """Enabled sources, those whose last poll failed, and the newest successful poll."""
        row = await self.db.fetchone(
            "SELECT COUNT(*) AS n,"
            " SUM(CASE WHEN last_error_at IS NOT NULL"
            " AND (last_success_at IS NULL OR last_error_at > last_success_at)"
            " THEN 1 ELSE 0 END) AS failing,"
            " MAX(last_success_at) AS last_success"
            " FROM sources WHERE enabled = 1"
        )
        if row is None:
            return SourcesState(0, 0, None)
        last = row["last_success"]
        return SourcesState(
            enabled=int(row["n"] or 0),
            failing=int(row["failing"] or 0),
            last_success_at=None if last is None else datetime.fromtimestamp(int(last), UTC),
        )

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
