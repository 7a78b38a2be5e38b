"""Who sends: one process at a time holds the leader lock for a database.

Telegram's send rate is per bot, not per instance, and the scheduler's jobs should run once:
so exactly one process at a time runs them, whichever holds this lock.

* PostgreSQL: a session advisory lock (``pg_try_advisory_lock``) held on a connection of
  its own, outside the pool. When the holder dies (even ``kill -9``) its connection closes
  and the server releases the lock; a standby's next try takes it.
* SQLite: an exclusive ``flock`` on a file beside the database (``<db>.leader``); the kernel
  releases it when the holder dies. The bot and a ``python -m bot ingest`` process never
  compete for it: only the bot asks.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
from pathlib import Path
from typing import Protocol

import asyncpg

from storage.base import Database
from storage.postgres import PostgresDatabase

__all__ = [
    "LEADER_LOCK_KEY",
    "FileLeaderLock",
    "LeaderLock",
    "PostgresLeaderLock",
    "SoleLeader",
    "leader_lock_for",
]

log = logging.getLogger(__name__)

# A fixed 64-bit key for pg_try_advisory_lock ("nbleader" in ASCII).
LEADER_LOCK_KEY = 0x6E_62_6C_65_61_64_65_72


class LeaderLock(Protocol):
    async def try_acquire(self) -> bool:
        """Take the lock if free; True when this process holds it (now or already)."""

    async def still_held(self) -> bool:
        """Whether this process still holds the lock (False after a lost connection)."""

    async def release(self) -> None:
        """Give the lock up (on a clean stop, so a standby need not wait)."""


class PostgresLeaderLock:
    def __init__(self, url: str) -> None:
        self.url = url
        self._conn: asyncpg.Connection | None = None

    async def try_acquire(self) -> bool:
        if self._conn is not None and await self.still_held():
            return True
        await self._drop()
        try:
            conn = await asyncpg.connect(
                self.url, timeout=10, server_settings={"application_name": "newsbot-leader"}
            )
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
            log.warning("leader lock: cannot connect: %r", exc)
            return False
        try:
            got = bool(await conn.fetchval("SELECT pg_try_advisory_lock($1)", LEADER_LOCK_KEY))
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
            log.warning("leader lock: %r", exc)
            got = False
        if not got:
            await conn.close()
            return False
        self._conn = conn
        return True

    async def still_held(self) -> bool:
        if self._conn is None or self._conn.is_closed():
            return False
        try:
            held = await self._conn.fetchval(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                " AND pid = pg_backend_pid() AND granted"
                " AND ((classid::bigint << 32) | objid::bigint) = $1",
                LEADER_LOCK_KEY,
                timeout=10,
            )
        except Exception as exc:  # noqa: BLE001 - a session that cannot answer holds nothing
            log.warning("leader lock: connection lost: %r", exc)
            await self._drop()
            return False
        return bool(held)

    async def release(self) -> None:
        if self._conn is not None and not self._conn.is_closed():
            with contextlib.suppress(OSError, asyncpg.PostgresError, asyncpg.InterfaceError):
                await self._conn.execute("SELECT pg_advisory_unlock($1)", LEADER_LOCK_KEY)
        await self._drop()

    async def _drop(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):  # closing a dead session may fail any way
                await self._conn.close(timeout=5)
            self._conn = None


class FileLeaderLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    async def try_acquire(self) -> bool:
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    async def still_held(self) -> bool:
        return self._fd is not None

    async def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


class SoleLeader:
    """An in-memory database is this process's alone: it always leads."""

    async def try_acquire(self) -> bool:
        return True

    async def still_held(self) -> bool:
        return True

    async def release(self) -> None:
        return None


def leader_lock_for(db: Database) -> LeaderLock:
    """The leader lock of the database ``db`` is open on."""
    if isinstance(db, PostgresDatabase):
        return PostgresLeaderLock(db.url)
    if db.path == ":memory:":
        return SoleLeader()
    return FileLeaderLock(Path(db.path + ".leader"))
