"""Chats the bot talks to: private chats, groups, supergroups and channels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from storage.base import Database, Row, now_ts


@dataclass(frozen=True, slots=True)
class Chat:
    id: int
    type: str
    title: str
    language: str
    active: bool
    created_at: datetime
    updated_at: datetime

    @property
    def is_group(self) -> bool:
        return self.type in ("group", "supergroup")


def _chat(row: Row) -> Chat:
    return Chat(
        id=row["id"],
        type=row["type"],
        title=row["title"],
        language=row["language"],
        active=bool(row["active"]),
        created_at=datetime.fromtimestamp(row["created_at"], UTC),
        updated_at=datetime.fromtimestamp(row["updated_at"], UTC),
    )


class ChatRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def upsert(
        self,
        chat_id: int,
        type_: str,
        title: str,
        language: str,
        *,
        seen_at: int | None = None,
        reactivate: bool = True,
    ) -> Chat:
        """Record a chat seen in an update; re-activates a chat that writes again.

        Re-activation happens only if the chat's membership did not change after ``seen_at``
        (the update's date; default now; see :meth:`set_membership`), and never with
        ``reactivate=False`` (a membership update decides by itself).
        """
        ts = now_ts()
        activate = (ts if seen_at is None else seen_at) if reactivate else -1
        async with self.db.write() as conn:
            await conn.execute(
                """
                INSERT INTO chats (id, type, title, language, active, created_at, updated_at)
                VALUES (:id, :type, :title, :language, 1, :ts, :ts)
                ON CONFLICT (id) DO UPDATE SET
                    type = excluded.type, title = excluded.title, language = excluded.language,
                    active = CASE WHEN :activate >= COALESCE(chats.membership_at, 0)
                                  THEN 1 ELSE chats.active END,
                    updated_at = excluded.updated_at
                WHERE chats.type != excluded.type OR chats.title != excluded.title
                   OR chats.language != excluded.language
                   OR (chats.active = 0 AND :activate >= COALESCE(chats.membership_at, 0))
                """,
                {"id": chat_id, "type": type_, "title": title, "language": language, "ts": ts,
                 "activate": activate},
            )  # fmt: skip
        chat = await self.get(chat_id)
        assert chat is not None
        return chat

    async def get(self, chat_id: int) -> Chat | None:
        row = await self.db.fetchone("SELECT * FROM chats WHERE id = ?", (chat_id,))
        return None if row is None else _chat(row)

    async def set_active(self, chat_id: int, active: bool) -> None:
        async with self.db.write() as conn:
            await conn.execute(
                "UPDATE chats SET active = ?, updated_at = ? WHERE id = ?",
                (int(active), now_ts(), chat_id),
            )

    async def note_person(self, chat_id: int, user_id: int) -> None:
        """Remember that ``user_id`` acted in the (recorded) group or channel ``chat_id``."""
        async with self.db.write() as conn:
            await conn.execute(
                "INSERT INTO chat_people (chat_id, user_id, seen_at) VALUES (?, ?, ?)"
                " ON CONFLICT (chat_id, user_id) DO UPDATE SET seen_at = excluded.seen_at",
                (chat_id, user_id, now_ts()),
            )

    async def seen_with(self, user_id: int, limit: int = 30) -> list[Chat]:
        """Active groups, supergroups and channels the user was seen in, latest first."""
        rows = await self.db.fetchall(
            "SELECT c.* FROM chat_people p JOIN chats c ON c.id = p.chat_id"
            " WHERE p.user_id = ? AND c.active = 1 AND c.type != 'private'"
            " ORDER BY p.seen_at DESC, c.id LIMIT ?",
            (user_id, limit),
        )
        return [_chat(r) for r in rows]

    async def set_membership(self, chat_id: int, *, active: bool, at: int, reason: str) -> bool:
        """The bot was added to (``active``) or removed from the chat at ``at`` (epoch s).

        Applied only if no later change is known (updates can arrive late, a 403 is dated
        when the worker saw it); removal drops the chat's waiting deliveries. Returns
        whether the change was applied.
        """
        async with self.db.write() as conn:
            cur = await conn.execute(
                "UPDATE chats SET active = ?, membership_at = ?, updated_at = ?"
                " WHERE id = ? AND COALESCE(membership_at, 0) <= ?",
                (int(active), at, now_ts(), chat_id, at),
            )
            if cur.rowcount != 1:
                return False
            if not active:
                await conn.execute(
                    "UPDATE deliveries SET status = 'dropped', last_error = ?"
                    " WHERE chat_id = ? AND status IN ('pending', 'sending')",
                    (reason[:500], chat_id),
                )
            return True

    async def count(self) -> tuple[int, int]:
        """(active, inactive) chats."""
        row = await self.db.fetchone(
            "SELECT COALESCE(SUM(active), 0), COALESCE(SUM(1 - active), 0) FROM chats"
        )
        assert row is not None
        return int(row[0]), int(row[1])
