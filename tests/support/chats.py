"""Chats and subscriptions written straight into the database (and the emulator), for tests
that need hundreds of them without going through the commands."""

from __future__ import annotations

from bot.emulator import Emulator
from storage.db import Database, now_ts


async def add_chats(
    db: Database,
    emulator: Emulator | None,
    chats: list[tuple[int, str]],
    *,
    language: str = "ru",
) -> None:
    """Known, active chats ``(id, type)``; also created in the emulator unless it is None
    (a chat the bot knows and Telegram does not: sends answer «chat not found»)."""
    ts = now_ts()
    async with db.write() as conn:
        await conn.executemany(
            "INSERT INTO chats (id, type, title, language, active, created_at,"
            " updated_at) VALUES (?, ?, '', ?, 1, ?, ?) ON CONFLICT DO NOTHING",
            [(cid, kind, language, ts, ts) for cid, kind in chats],
        )
    if emulator is not None:
        for cid, kind in chats:
            emulator.create_chat(cid, kind, is_forum=kind == "supergroup")


async def subscribe(
    db: Database, pairs: list[tuple[int, str]], *, thread_id: int = 0, ago: int = 60
) -> None:
    """Subscriptions ``(chat, region)`` made ``ago`` seconds ago."""
    async with db.write() as conn:
        await conn.executemany(
            "INSERT INTO subscriptions (chat_id, thread_id, region, created_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [(cid, thread_id, region, now_ts() - ago) for cid, region in pairs],
        )
