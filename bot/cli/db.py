"""``python -m bot db migrate | info | check | copy --to URL``; the work is in ``storage``."""

from __future__ import annotations

import json
import sys

from bot.config import Settings
from storage.copy import copy_database
from storage.db import is_postgres_url, open_database
from storage.errors import StorageError
from storage.health import check_integrity

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


async def db_command(settings: Settings, action: str, to: str | None = None) -> int:
    if action == "copy" and not (to and is_postgres_url(to)):
        print("db copy needs --to postgresql://user@host:5432/dbname", file=sys.stderr)
        return EXIT_USAGE
    try:
        db = await open_database(settings.storage.database)
        try:
            if action == "info":
                print(json.dumps(await db.info(), ensure_ascii=False))
            elif action == "migrate":
                print(f"schema version {await db.user_version()}")
            elif action == "check":
                if db.dialect == "sqlite":
                    await check_integrity(db)  # StorageError names the problem (exit 1)
                print(f"ok: {db.path} (schema version {await db.user_version()})")
            else:
                assert to is not None
                target = await open_database(to)
                try:
                    for t in await copy_database(db, target):
                        print(f"{t.table}: {t.target_rows} rows", flush=True)
                finally:
                    await target.close()
                print(f"copied {db.path} to {target.path}")
        finally:
            await db.close()
    except StorageError as exc:
        print(f"storage error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK
