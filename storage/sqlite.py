"""SQLite, the embedded default: one :class:`SqliteDatabase` per process.

WAL lets the running bot and a CLI process (``python -m bot ingest``) use the same file at
once; ``busy_timeout`` makes a writer wait for the other instead of failing. Writes go
through :meth:`SqliteDatabase.write`, which opens ``BEGIN IMMEDIATE`` so that two processes
never deadlock on a lock upgrade.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import ClassVar, cast

import aiosqlite

from storage.base import (
    BUSY_TIMEOUT_MS,
    Conn,
    Database,
    Dialect,
    Params,
    Row,
    bind_params,
    check_not_newer,
)
from storage.errors import MigrationError, StorageError
from storage.health import open_problem, path_problem, refuse_newer_schema
from storage.migrations import MIGRATIONS, Migration


class SqliteDatabase(Database):
    """An open aiosqlite connection with the project's pragmas and schema."""

    dialect: ClassVar[Dialect] = "sqlite"

    def __init__(self, conn: aiosqlite.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        # Serialises this process's write transactions on the one connection.
        self._write_lock = asyncio.Lock()

    @classmethod
    async def open(
        cls, path: Path | str, *, migrate: bool = True, busy_timeout_ms: int = BUSY_TIMEOUT_MS
    ) -> SqliteDatabase:
        path_str = str(path)
        if (problem := path_problem(path_str)) is not None:
            raise StorageError(problem)  # before aiosqlite's thread fails noisily on it
        try:
            if path_str != ":memory:":
                Path(path_str).parent.mkdir(parents=True, exist_ok=True)
            conn = await aiosqlite.connect(path_str, isolation_level=None)
        except (sqlite3.Error, OSError) as exc:
            raise StorageError(open_problem(path_str, exc)) from exc
        conn.row_factory = aiosqlite.Row
        db = cls(conn, path_str)
        try:
            await db._pragmas(busy_timeout_ms)
            await refuse_newer_schema(db, MIGRATIONS[-1].version)
            if migrate:
                await apply_sqlite_migrations(db)
        except BaseException as exc:
            await conn.close()
            if isinstance(exc, sqlite3.Error):
                raise StorageError(open_problem(path_str, exc)) from exc
            raise
        return db

    async def _pragmas(self, busy_timeout_ms: int) -> None:
        await self.conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        await self.conn.execute("PRAGMA journal_mode = WAL")
        await self.conn.execute("PRAGMA synchronous = NORMAL")
        await self.conn.execute("PRAGMA foreign_keys = ON")
        await self.conn.execute("PRAGMA temp_store = MEMORY")

    async def close(self) -> None:
        await self.conn.close()

    @asynccontextmanager
    async def _write(self) -> AsyncIterator[Conn]:
        async with self._write_lock:
            await self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield cast(Conn, self.conn)
            except BaseException:
                await rollback_if_open(self.conn)
                raise
            try:
                await self.conn.execute("COMMIT")
            except BaseException:  # a full disk at commit: never leave the transaction open
                await rollback_if_open(self.conn)
                raise

    def write(self) -> AbstractAsyncContextManager[Conn]:
        """A write transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on error)."""
        return self._write()

    async def write_one(self, sql: str, params: Params = ()) -> int:
        """One statement as its own (autocommit) transaction; returns the changed row count.

        Cheaper than :meth:`write` on hot paths: no separate BEGIN/COMMIT round trips. The
        lock keeps it out of another coroutine's open transaction on this connection.
        """
        async with self._write_lock:
            cur = await self.conn.execute(sql, bind_params(params))
            return cur.rowcount

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        async with self.conn.execute(sql, bind_params(params)) as cur:
            return list(await cur.fetchall())

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        async with self.conn.execute(sql, bind_params(params)) as cur:
            return await cur.fetchone()

    async def user_version(self) -> int:
        return int(await self.fetchval("PRAGMA user_version"))

    async def table_names(self) -> set[str]:
        rows = await self.fetchall("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {str(r[0]) for r in rows}


async def rollback_if_open(conn: aiosqlite.Connection) -> None:
    """ROLLBACK unless SQLite already rolled the transaction back by itself, as it does on a
    full disk (SQLITE_FULL) or an I/O error: a second ROLLBACK would fail with «no
    transaction is active» and hide the real error."""
    if conn.in_transaction:
        await conn.execute("ROLLBACK")


async def apply_sqlite_migrations(
    db: SqliteDatabase, migrations: Sequence[Migration] | None = None
) -> int:
    """Bring the schema to the newest version; returns the number of migrations applied.

    ``migrations`` defaults to the backend's own set. Each migration runs in its own
    transaction together with the version bump, so a crash leaves the schema at a whole
    version. A schema newer than the newest migration known here is refused.
    """
    migrations = MIGRATIONS if migrations is None else migrations
    applied = 0
    async with db._write_lock:
        current = await db.user_version()
        check_not_newer(current, migrations)
        for migration in migrations:
            current = await db.user_version()
            if migration.version <= current:
                continue
            if migration.version != current + 1:
                raise MigrationError(
                    f"migration {migration.version} cannot follow schema version {current}"
                )
            await db.conn.execute("BEGIN IMMEDIATE")
            try:
                # Re-read under the lock: another process may have migrated meanwhile.
                if await db.user_version() >= migration.version:
                    await db.conn.execute("ROLLBACK")
                    continue
                for statement in migration.statements():
                    await db.conn.execute(statement)
                await db.conn.execute(f"PRAGMA user_version = {migration.version}")
            except BaseException as exc:
                await rollback_if_open(db.conn)
                if isinstance(exc, sqlite3.Error):
                    raise MigrationError(
                        f"migration {migration.version} ({migration.name}) failed: {exc}"
                    ) from exc
                raise
            await db.conn.execute("COMMIT")
            applied += 1
    return applied
