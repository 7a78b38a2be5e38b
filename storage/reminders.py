"""Reminders of events («Напомнить»): one per chat (topic) and event, sent through the outbox.

A reminder waits in ``event_reminders`` until ``remind_at``; then its message goes into the
outbox (``deliveries``) and the worker sends it like any other. Every change of state is
one conditional write, so two passes never queue the same reminder twice:

``pending`` -> ``queued`` (the message is in the outbox), ``pending``/``waiting`` ->
``dropped`` (the event was cancelled or is over), ``pending`` <-> ``waiting`` (postponed
without a new date, then given one). A notice about the change (cancelled, postponed)
goes into the outbox in the same transaction.

Outbox rows written here carry a prepared message: ``kind = 'digest'`` (the outbox's kind
for a prepared payload) with no article.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from storage.base import Database, Row, now_ts

__all__ = ["ACTIVE", "Reminder", "ReminderRepository"]

# A reminder in one of these states counts as set: pressing again says so.
ACTIVE = ("pending", "waiting", "queued")

_COLUMNS = """
    r.chat_id, r.thread_id, r.event_id, r.event_date, r.remind_at, r.status,
    c.language, c.active
"""


@dataclass(frozen=True, slots=True)
class Reminder:
    chat_id: int
    thread_id: int  # forum topic; 0: the chat itself
    event_id: int
    event_date: date | None  # the event's start date it was set for
    remind_at: datetime | None  # UTC; None while waiting for a new date
    status: str  # 'pending' | 'waiting' | 'queued' | 'dropped'
    language: str = "ru"  # the chat's
    chat_active: bool = True


def _reminder(row: Row) -> Reminder:
    return Reminder(
        chat_id=row["chat_id"],
        thread_id=row["thread_id"],
        event_id=row["event_id"],
        event_date=date.fromisoformat(row["event_date"]) if row["event_date"] else None,
        remind_at=None
        if row["remind_at"] is None
        else datetime.fromtimestamp(row["remind_at"], UTC),
        status=row["status"],
        language=row["language"] or "ru",
        chat_active=bool(row["active"]),
    )


def _ts(value: datetime | None) -> int | None:
    return None if value is None else int(value.timestamp())


_KEY = "chat_id = ? AND thread_id = ? AND event_id = ?"


class ReminderRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def get(self, chat_id: int, thread_id: int, event_id: int) -> Reminder | None:
        row = await self.db.fetchone(
            f"SELECT {_COLUMNS} FROM event_reminders r JOIN chats c ON c.id = r.chat_id"
            " WHERE r.chat_id = ? AND r.thread_id = ? AND r.event_id = ?",
            (chat_id, thread_id, event_id),
        )
        return None if row is None else _reminder(row)

    async def add(
        self, chat_id: int, thread_id: int, event_id: int, event_date: date, remind_at: datetime
    ) -> bool:
        """Set a reminder; False when one is set already (a dropped one is set anew)."""
        ts = now_ts()
        rowcount = await self.db.write_one(
            "INSERT INTO event_reminders (chat_id, thread_id, event_id, event_date, remind_at,"
            " status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)"
            " ON CONFLICT (chat_id, thread_id, event_id) DO UPDATE SET"
            " event_date = excluded.event_date, remind_at = excluded.remind_at,"
            " status = 'pending', updated_at = excluded.updated_at"
            " WHERE event_reminders.status = 'dropped'",
            (chat_id, thread_id, event_id, event_date.isoformat(), _ts(remind_at), ts, ts),
        )
        return rowcount > 0

    async def due(self, now: datetime, limit: int = 200) -> list[Reminder]:
        """Pending reminders whose time has come, oldest first."""
        rows = await self.db.fetchall(
            f"SELECT {_COLUMNS} FROM event_reminders r JOIN chats c ON c.id = r.chat_id"
            " WHERE r.status = 'pending' AND r.remind_at <= ? ORDER BY r.remind_at LIMIT ?",
            (_ts(now), limit),
        )
        return [_reminder(r) for r in rows]

    async def changed(self, limit: int = 200) -> list[Reminder]:
        """Reminders not sent yet whose event was cancelled or whose start date moved."""
        rows = await self.db.fetchall(
            f"SELECT {_COLUMNS} FROM event_reminders r JOIN chats c ON c.id = r.chat_id"
            " JOIN events e ON e.id = r.event_id"
            " WHERE r.status IN ('pending', 'waiting') AND (e.status = 'cancelled'"
            "   OR COALESCE(e.start_date, '') != COALESCE(r.event_date, ''))"
            " ORDER BY r.updated_at LIMIT ?",
            (limit,),
        )
        return [_reminder(r) for r in rows]

    async def _transition(
        self,
        reminder: Reminder,
        *,
        status: str,
        event_date: date | None,
        remind_at: datetime | None,
        message: str | None,
        not_before: int,
    ) -> bool:
        """Move the reminder from the state it was read in; queue ``message`` with it."""
        ts = now_ts()
        async with self.db.write() as conn:
            cur = await conn.execute(
                "UPDATE event_reminders SET status = ?, event_date = ?, remind_at = ?,"
                f" updated_at = ? WHERE {_KEY} AND status = ?"
                " AND COALESCE(event_date, '') = ?",
                (
                    status,
                    event_date.isoformat() if event_date else None,
                    _ts(remind_at),
                    ts,
                    reminder.chat_id,
                    reminder.thread_id,
                    reminder.event_id,
                    reminder.status,
                    reminder.event_date.isoformat() if reminder.event_date else "",
                ),
            )
            if cur.rowcount != 1:
                return False  # another pass moved it first
            if message is not None:
                await conn.execute(
                    "INSERT INTO deliveries (chat_id, thread_id, article_id, kind, payload,"
                    " status, not_before, created_at)"
                    " VALUES (?, ?, NULL, 'digest', ?, 'pending', ?, ?)",
                    (reminder.chat_id, reminder.thread_id, message, not_before, ts),
                )
        return True

    async def queue(self, reminder: Reminder, message: str, *, not_before: int = 0) -> bool:
        """The reminder's time has come: its message goes into the outbox."""
        return await self._transition(
            reminder, status="queued", event_date=reminder.event_date,
            remind_at=reminder.remind_at, message=message, not_before=not_before,
        )  # fmt: skip

    async def drop(
        self, reminder: Reminder, message: str | None = None, *, not_before: int = 0
    ) -> bool:
        """No reminder any more (the event was cancelled or is over); ``message`` tells why."""
        return await self._transition(
            reminder, status="dropped", event_date=reminder.event_date,
            remind_at=reminder.remind_at, message=message, not_before=not_before,
        )  # fmt: skip

    async def move(
        self,
        reminder: Reminder,
        event_date: date | None,
        remind_at: datetime | None,
        message: str | None = None,
        *,
        not_before: int = 0,
    ) -> bool:
        """The event's date moved: remind at ``remind_at`` (None: wait for a new date)."""
        return await self._transition(
            reminder, status="pending" if remind_at is not None else "waiting",
            event_date=event_date, remind_at=remind_at, message=message, not_before=not_before,
        )  # fmt: skip
