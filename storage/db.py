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

from collections.abc import Sequence
from pathlib import Path

from storage.base import (
    BUSY_TIMEOUT_MS,
    Conn,
    Cursor,
    Database,
    Dialect,
    Params,
    Row,
    check_not_newer,
    is_postgres_url,
    now_ts,
)
from storage.migrations import Migration
from storage.postgres import PostgresDatabase, apply_pg_migrations
from storage.sqlite import SqliteDatabase, apply_sqlite_migrations

__all__ = [
    "BUSY_TIMEOUT_MS",
    "Conn",
    "Cursor",
    "Database",
    "Dialect",
    "Params",
    "PostgresDatabase",
    "Row",
    "SqliteDatabase",
    "apply_migrations",
    "check_not_newer",
    "is_postgres_url",
    "now_ts",
    "open_database",
]


async def open_database(
    target: str | Path, *, migrate: bool = True, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> Database:
    """Open the database the config names: a PostgreSQL URL, else a SQLite file path.

    With ``migrate`` the schema is brought to the newest version first (a schema newer
    than this code is refused with :class:`StorageError`). ``busy_timeout_ms``: how long a
    SQLite writer waits for another process's lock before failing.
    """
    if is_postgres_url(target):
        return await PostgresDatabase.open(str(target), migrate=migrate)
    return await SqliteDatabase.open(target, migrate=migrate, busy_timeout_ms=busy_timeout_ms)


async def apply_migrations(db: Database, migrations: Sequence[Migration] | None = None) -> int:
    """Bring the schema to the newest version (the backend's own migrations by default)."""
    if isinstance(db, PostgresDatabase):
        return await apply_pg_migrations(db, migrations)
    assert isinstance(db, SqliteDatabase)
    return await apply_sqlite_migrations(db, migrations)
