"""``python -m bot db migrate|info|check``: schema version, row counts, integrity."""

from __future__ import annotations

import json

from bot.config import Settings
from storage.db import Database
from storage.health import check_integrity
from storage.stats import StatsRepository


async def db_command(settings: Settings, action: str) -> int:
    db = await Database.open(settings.storage.path)
    try:
        if action == "info":
            counts = await StatsRepository(db).table_counts()
            info = {"path": db.path, "schema_version": await db.user_version(), **counts}
            print(json.dumps(info, ensure_ascii=False))
        elif action == "check":
            await check_integrity(db)  # StorageError names the problem (exit 1)
            print(f"ok: {db.path} (schema version {await db.user_version()})")
        else:
            print(f"schema version {await db.user_version()}")
    finally:
        await db.close()
    return 0
