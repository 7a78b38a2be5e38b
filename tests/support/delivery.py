"""Delivery through the running app: wait for the outbox, read what the emulator got."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from bot.emulator import Emulator
from storage.db import now_ts
from tests.support.apps import RunningApp

# Tests about correctness need not wait for the free 30/s: paid broadcast, 500/s.
FAST: dict[str, Any] = {"concurrency": 16, "paid_broadcast": True, "rate_per_second": 500}


async def drain(running: RunningApp, timeout: float = 60) -> None:
    """Plan what is stored and wait until nothing is due within ten minutes (quiet hours
    may keep rows waiting longer) and no answer is still on its way to the database."""
    await running.app.planner.plan_pending()
    repo = running.app.repos.deliveries
    deadline = time.monotonic() + timeout
    while await running.app.db.fetchval(
        "SELECT count(*) FROM deliveries WHERE status = 'sending'"
        " OR (status = 'pending' AND not_before < ?)",
        (now_ts() + 600,),
    ):
        assert time.monotonic() < deadline, await repo.counts()
        await asyncio.sleep(0.05)


def received(emulator: Emulator, chat_id: int, url_part: str = "example.ru/n/") -> list[Any]:
    """The bot's messages in ``chat_id`` that carry an article link (``add_article``'s)."""
    return [m for m in emulator.messages(chat_id) if url_part in (m["html"] or "")]


def send_calls(emulator: Emulator, chat_id: int | None = None) -> list[Any]:
    """Every sendMessage call the emulator saw (accepted or refused), optionally to one chat."""
    return [
        c for c in emulator.call_log("sendMessage")
        if chat_id is None or int(c["params"]["chat_id"]) == chat_id
    ]  # fmt: skip
