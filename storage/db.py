"""Connections: the common :class:`Database` surface, SQLite (embedded default) behind it.

Repositories see one surface whatever the backend: ``fetchall`` / ``fetchone`` /
``fetchval`` for reads, :meth:`Database.write` for a write transaction (yielding a
:class:`Conn` whose ``execute`` returns a cursor with ``rowcount`` and ``fetchall``),
:meth:`Database.write_one` for one autocommitted statement, :meth:`Database.user_version`
for the schema version. SQL uses ``?`` (positional) or ``:name`` (named) placeholders on
both backends; rows allow index and key access (``row[0]``, ``row["id"]``). Where the
dialects differ a repository branches on :attr:`Database.dialect`.

:func:`open_database` picks the backend: a ``postgresql://`` (or ``postgres://``) URL opens
PostgreSQL (:mod:`storage.postgres`), anything else is a SQLite file path.

SQLite: one :class:`SqliteDatabase` per process. WAL lets the running bot and a CLI process
(``python -m bot ingest``) use the same file at once; ``busy_timeout`` makes a writer wait
for the other instead of failing. Writes go through :meth:`SqliteDatabase.write`, which
opens ``BEGIN IMMEDIATE`` so that two processes never deadlock on a lock upgrade.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import AsyncIterator, Generator, Iterable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any, ClassVar, Literal, Protocol, cast

import aiosqlite

from storage.errors import MigrationError, StorageError
from storage.migrations import MIGRATIONS, Migration

__all__ = [
    "BUSY_TIMEOUT_MS",
    "Conn",
    "Cursor",
    "Database",
    "Dialect",
    "Params",
    "Row",
    "SqliteDatabase",
    "apply_migrations",
    "is_postgres_url",
    "now_ts",
    "open_database",
]

BUSY_TIMEOUT_MS = 10_000

# Positional parameters (any iterable) or named ones (a mapping, for :name placeholders).
Params = Iterable[Any] | Mapping[str, Any]
Dialect = Literal["sqlite", "postgresql"]


class Row(Protocol):
    """A result row: ``sqlite3.Row`` or ``asyncpg.Record``, both indexable by position and name."""

    def __getitem__(self, key: int | str, /) -> Any: ...


class Cursor(Protocol):
    """What ``Conn.execute`` gives back."""

    @property
    def rowcount(self) -> int: ...

    async def fetchall(self) -> Iterable[Row]: ...

    async def fetchone(self) -> Row | None: ...


class ExecuteResult(Protocol):
    """``Conn.execute(...)``: awaited for a cursor, or used as ``async with ... as cur``."""

    def __await__(self) -> Generator[Any, None, Cursor]: ...

    async def __aenter__(self) -> Cursor: ...

    async def __aexit__(self, *exc: object) -> bool | None: ...


class Conn(Protocol):
    """The connection inside :meth:`Database.write` (an aiosqlite connection on SQLite)."""

    def execute(self, sql: str, parameters: Params = ..., /) -> ExecuteResult: ...

    async def executemany(self, sql: str, parameters: Iterable[Iterable[Any]], /) -> Any: ...


def _bind(params: Params) -> tuple[Any, ...] | Mapping[str, Any]:
    # A mapping must stay a mapping: tuple(dict) would bind its keys, not its values.
    return params if isinstance(params, Mapping) else tuple(params)


def now_ts() -> int:
    """Current UTC time as integer seconds: the storage format of every timestamp."""
    return int(time.time())


def is_postgres_url(target: str | Path) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


async def open_database(target: str | Path, *, migrate: bool = True) -> Database:
    """Open the database the config names: a PostgreSQL URL, else a SQLite file path.

    With ``migrate`` the schema is brought to the newest version first (a schema newer
    than this code is refused with :class:`StorageError`).
    """
    if is_postgres_url(target):
        from storage.postgres import PostgresDatabase

        return await PostgresDatabase.open(str(target), migrate=migrate)
    return await SqliteDatabase.open(target, migrate=migrate)


class Database:
    """The surface repositories use; :class:`SqliteDatabase` or ``PostgresDatabase``."""

    dialect: ClassVar[Dialect]
    # Where the data lives, for messages: the file path, or the URL without its password.
    path: str

    @classmethod
    async def open(cls, path: Path | str, *, migrate: bool = True) -> Database:
        """Open ``path`` (a SQLite file, or a PostgreSQL URL when called on the base class)."""
        return await open_database(path, migrate=migrate)

    async def close(self) -> None:
        raise NotImplementedError

    def write(self) -> AbstractAsyncContextManager[Conn]:
        """A write transaction, committed on exit and rolled back on error."""
        raise NotImplementedError

    async def write_one(self, sql: str, params: Params = ()) -> int:
        """One statement as its own transaction; returns the changed row count."""
        raise NotImplementedError

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        raise NotImplementedError

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        raise NotImplementedError

    async def fetchval(self, sql: str, params: Params = ()) -> Any:
        row = await self.fetchone(sql, params)
        return None if row is None else row[0]

    async def user_version(self) -> int:
        """The schema version: the number of the last migration applied."""
        raise NotImplementedError

    async def table_names(self) -> set[str]:
        """The schema's tables (for ``db info`` and ``db copy``)."""
        raise NotImplementedError

    async def info(self) -> dict[str, Any]:
        """What ``python -m bot db info`` prints: backend, place, schema version, counts."""
        info: dict[str, Any] = {
            "backend": self.dialect,
            "path": self.path,
            "schema_version": await self.user_version(),
        }
        for table in ("chats", "sources", "articles", "subscriptions", "deliveries"):
            info[table] = int(await self.fetchval(f"SELECT count(*) FROM {table}"))
        return info


class SqliteDatabase(Database):
    """An open aiosqlite connection with the project's pragmas and schema."""

    dialect: ClassVar[Dialect] = "sqlite"

    def __init__(self, conn: aiosqlite.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        # Serialises this process's write transactions on the one connection.
        self._write_lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path | str, *, migrate: bool = True) -> SqliteDatabase:
        path_str = str(path)
        if path_str != ":memory:":
            Path(path_str).parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = await aiosqlite.connect(path_str, isolation_level=None)
        except sqlite3.Error as exc:
            raise StorageError(f"cannot open database {path_str!r}: {exc}") from exc
        conn.row_factory = aiosqlite.Row
        db = cls(conn, path_str)
        try:
            await db._pragmas()
            if migrate:
                await apply_migrations(db)
        except BaseException:
            await conn.close()
            raise
        return db

    async def _pragmas(self) -> None:
        await self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
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
                await self.conn.execute("ROLLBACK")
                raise
            await self.conn.execute("COMMIT")

    def write(self) -> AbstractAsyncContextManager[Conn]:
        """A write transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on error)."""
        return self._write()

    async def write_one(self, sql: str, params: Params = ()) -> int:
        """One statement as its own (autocommit) transaction; returns the changed row count.

        Cheaper than :meth:`write` on hot paths: no separate BEGIN/COMMIT round trips. The
        lock keeps it out of another coroutine's open transaction on this connection.
        """
        async with self._write_lock:
            cur = await self.conn.execute(sql, _bind(params))
            return cur.rowcount

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        async with self.conn.execute(sql, _bind(params)) as cur:
            return list(await cur.fetchall())

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        async with self.conn.execute(sql, _bind(params)) as cur:
            return await cur.fetchone()

    async def user_version(self) -> int:
        return int(await self.fetchval("PRAGMA user_version"))

    async def table_names(self) -> set[str]:
        rows = await self.fetchall("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {str(r[0]) for r in rows}


async def apply_migrations(db: Database, migrations: Sequence[Migration] | None = None) -> int:
    """Bring the schema to the newest version; returns the number of migrations applied.

    ``migrations`` defaults to the backend's own set. Each migration runs in its own
    transaction together with the version bump, so a crash leaves the schema at a whole
    version. A schema newer than the newest migration known here is refused.
    """
    if not isinstance(db, SqliteDatabase):
        from storage.postgres import PostgresDatabase, apply_pg_migrations

        assert isinstance(db, PostgresDatabase)
        return await apply_pg_migrations(db, migrations)
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
                await db.conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise MigrationError(
                        f"migration {migration.version} ({migration.name}) failed: {exc}"
                    ) from exc
                raise
            await db.conn.execute("COMMIT")
            applied += 1
    return applied


def check_not_newer(current: int, migrations: Sequence[Migration]) -> None:
    """Refuse a database whose schema is newer than the newest migration of this code."""
    newest = max((m.version for m in migrations), default=0)
    if current > newest:
        raise StorageError(
            f"the database schema is version {current}, newer than this code knows ({newest}):"
            " upgrade newsbot before using this database"
        )
