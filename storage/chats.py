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

    async def upsert(self, chat_id: int, type_: str, title: str, language: str) -> Chat:
        """Record a chat seen in an update; re-activates a chat that writes again."""
        ts = now_ts()
        async with self.db.write() as conn:
            await conn.execute(
                """
                INSERT INTO chats (id, type, title, language, active, created_at, updated_at)
                VALUES (?, ?, ?, ?, 1, ?, ?)
                ON CONFLICT (id) DO UPDATE SET
                    type = excluded.type, title = excluded.title,
                    language = excluded.language, active = 1, updated_at = excluded.updated_at
                WHERE chats.type != excluded.type OR chats.title != excluded.title
                   OR chats.language != excluded.language OR chats.active = 0
                """,
                (chat_id, type_, title, language, ts, ts),
            )
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

    async def count(self) -> tuple[int, int]:
        """(active, inactive) chats."""
        row = await self.db.fetchone(
            "SELECT COALESCE(SUM(active), 0), COALESCE(SUM(1 - active), 0) FROM chats"
        )
        assert row is not None
        return int(row[0]), int(row[1])
