"""PostgreSQL behind the same :class:`~storage.db.Database` surface (asyncpg, one pool).

Chosen by :func:`storage.db.open_database` for a ``postgresql://`` URL. The repositories'
SQL keeps its ``?`` / ``:name`` placeholders: :func:`translate` rewrites them to ``$1``...
once per statement text (cached), skipping string literals, quoted names, comments and
``::`` casts. ``asyncpg.Record`` rows allow index and key access like ``sqlite3.Row``.

Transactions: :meth:`PostgresDatabase.write` takes a pooled connection and runs a
READ COMMITTED transaction on it; unlike SQLite's single writer, several transactions
(and several processes) write at once, so the repositories make each write safe on its
own (``ON CONFLICT``, conditional updates, ``FOR UPDATE SKIP LOCKED`` for the outbox).

Migrations (``storage/migrations/postgres/NNNN_name.sql``) run at open under a session
advisory lock, so two processes starting at once migrate once; ``schema_migrations``
holds one row per applied version. A schema newer than the code is refused.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator, Generator, Iterable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from functools import lru_cache
from typing import Any, ClassVar
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from storage.base import Conn, Database, Dialect, Params, Row, check_not_newer
from storage.errors import MigrationError, StorageError
from storage.migrations import PG_MIGRATIONS, Migration

__all__ = ["MIGRATION_LOCK", "PostgresDatabase", "apply_pg_migrations", "redact", "translate"]

# pg_advisory_lock key held while migrating (any fixed 64-bit number; "newsbot" in ASCII).
MIGRATION_LOCK = 0x6E_65_77_73_62_6F_74
POOL_MIN = 1
POOL_MAX = 10

_RETURNS_ROWS = re.compile(r"^\s*(SELECT|WITH|VALUES|SHOW|TABLE)\b|\bRETURNING\b", re.IGNORECASE)
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def redact(url: str) -> str:
    """The URL without its password, for messages and ``db info``."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port is not None:
        host += f":{parts.port}"
    user = f"{parts.username}:***@" if parts.username else ""
    return urlunsplit(parts._replace(netloc=user + host))


@lru_cache(maxsize=4096)
def translate(sql: str) -> tuple[str, tuple[str, ...] | int, bool]:
    """``?`` / ``:name`` placeholders -> ``$n``.

    Returns ``(sql, spec, returns_rows)``: ``spec`` is the number of ``?`` placeholders, or
    the names in ``$n`` order for ``:name`` ones (a name used twice is one ``$n``).
    """
    out: list[str] = []
    names: list[str] = []
    positional = 0
    i, n = 0, len(sql)
    while i < n:
        ch = sql[i]
        if ch in ("'", '"'):  # a literal or a quoted name, '' / "" doubled inside
            end = i + 1
            while end < n:
                if sql[end] == ch:
                    if end + 1 < n and sql[end + 1] == ch:
                        end += 2
                        continue
                    break
                end += 1
            out.append(sql[i : end + 1])
            i = end + 1
        elif ch == "-" and sql.startswith("--", i):
            end = sql.find("\n", i)
            end = n if end < 0 else end
            out.append(sql[i:end])
            i = end
        elif ch == "/" and sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append(sql[i:end])
            i = end
        elif ch == "?":
            positional += 1
            out.append(f"${positional}")
            i += 1
        elif ch == ":" and sql.startswith("::", i):
            out.append("::")
            i += 2
        elif ch == ":" and (match := _IDENT.match(sql, i + 1)):
            name = match.group()
            if name not in names:
                names.append(name)
            out.append(f"${names.index(name) + 1}")
            i = match.end()
        else:
            out.append(ch)
            i += 1
    if positional and names:
        raise StorageError("a statement mixes ? and :name placeholders")
    text = "".join(out)
    spec: tuple[str, ...] | int = tuple(names) if names else positional
    return text, spec, bool(_RETURNS_ROWS.search(text))


def _args(spec: tuple[str, ...] | int, params: Params) -> tuple[Any, ...]:
    if isinstance(spec, tuple):
        if not isinstance(params, Mapping):
            raise StorageError("named placeholders need a mapping of parameters")
        return tuple(params[name] for name in spec)
    if isinstance(params, Mapping):
        raise StorageError("? placeholders need a sequence of parameters")
    return tuple(params)


def rowcount_of(status: str) -> int:
    """The row count of a command status such as ``INSERT 0 5`` or ``UPDATE 3``."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else -1


class PgCursor:
    """The result of one statement: its rows (if any) and the changed row count."""

    def __init__(self, rows: list[Row], rowcount: int) -> None:
        self._rows = rows
        self._rowcount = rowcount

    @property
    def rowcount(self) -> int:
        return self._rowcount

    lastrowid = None  # PostgreSQL has none: the repositories use RETURNING id

    async def fetchall(self) -> list[Row]:
        return self._rows

    async def fetchone(self) -> Row | None:
        return self._rows[0] if self._rows else None


async def _run(conn: Any, sql: str, params: Params) -> PgCursor:
    text, spec, returns_rows = translate(sql)
    args = _args(spec, params)
    if returns_rows:
        rows = list(await conn.fetch(text, *args))
        return PgCursor(rows, len(rows))
    return PgCursor([], rowcount_of(await conn.execute(text, *args)))


class _Execute:
    """``conn.execute(...)``: awaitable, or ``async with conn.execute(...) as cur``."""

    def __init__(self, conn: Any, sql: str, params: Params) -> None:
        self._conn, self._sql, self._params = conn, sql, params

    def __await__(self) -> Generator[Any, None, PgCursor]:
        return _run(self._conn, self._sql, self._params).__await__()

    async def __aenter__(self) -> PgCursor:
        return await _run(self._conn, self._sql, self._params)

    async def __aexit__(self, *exc: object) -> None:
        return None


class PgConn:
    """A pooled connection inside a transaction, with the surface of :class:`storage.db.Conn`."""

    def __init__(self, conn: Any) -> None:
        self.raw = conn  # the asyncpg connection, for PostgreSQL-only code (COPY)

    def execute(self, sql: str, parameters: Params = (), /) -> _Execute:
        return _Execute(self.raw, sql, parameters)

    async def executemany(self, sql: str, parameters: Iterable[Iterable[Any]], /) -> None:
        text, spec, _ = translate(sql)
        batch = [_args(spec, p) for p in parameters]
        if batch:
            await self.raw.executemany(text, batch)


class PostgresDatabase(Database):
    """An asyncpg pool with the project's schema."""

    dialect: ClassVar[Dialect] = "postgresql"

    def __init__(self, pool: Any, url: str) -> None:
        self.pool = pool
        self.url = url
        self.path = redact(url)

    @classmethod
    async def open(cls, path: Any, *, migrate: bool = True) -> PostgresDatabase:
        url = str(path)
        try:
            pool = await asyncpg.create_pool(
                url,
                min_size=POOL_MIN,
                max_size=POOL_MAX,
                # Short OLTP queries: JIT compilation only adds latency to them.
                server_settings={"jit": "off", "application_name": "newsbot"},
            )
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, ValueError) as exc:
            raise StorageError(f"cannot open database {redact(url)}: {exc}") from exc
        db = cls(pool, url)
        try:
            if migrate:
                await apply_pg_migrations(db)
        except BaseException:
            await pool.close()
            raise
        return db

    async def close(self) -> None:
        await self.pool.close()

    @asynccontextmanager
    async def _write(self) -> AsyncIterator[Conn]:
        async with self.pool.acquire() as conn, conn.transaction():
            yield PgConn(conn)

    def write(self) -> AbstractAsyncContextManager[Conn]:
        """A transaction on one pooled connection (READ COMMITTED), rolled back on error."""
        return self._write()

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[PgConn]:
        """A pooled connection in a transaction, with the raw asyncpg one at ``.raw``."""
        async with self.pool.acquire() as conn, conn.transaction():
            yield PgConn(conn)

    async def write_one(self, sql: str, params: Params = ()) -> int:
        cur = await _run(self.pool, sql, params)
        return cur.rowcount

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        text, spec, _ = translate(sql)
        return list(await self.pool.fetch(text, *_args(spec, params)))

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        text, spec, _ = translate(sql)
        row: Row | None = await self.pool.fetchrow(text, *_args(spec, params))
        return row

    async def user_version(self) -> int:
        async with self.pool.acquire() as conn:
            return await _version(conn)

    async def table_names(self) -> set[str]:
        rows = await self.fetchall(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        )
        return {str(r[0]) for r in rows}


async def _version(conn: Any) -> int:
    if await conn.fetchval("SELECT to_regclass('schema_migrations')") is None:
        return 0
    return int(await conn.fetchval("SELECT COALESCE(max(version), 0) FROM schema_migrations"))


async def apply_pg_migrations(
    db: PostgresDatabase, migrations: Sequence[Migration] | None = None
) -> int:
    """Apply the missing PostgreSQL migrations under an advisory lock; returns how many.

    The lock makes concurrent starts take turns: the first migrates, the others then find
    the schema current and apply nothing. Each migration and its ``schema_migrations`` row
    commit together.
    """
    migrations = PG_MIGRATIONS if migrations is None else migrations
    applied = 0
    async with db.pool.acquire() as conn:
        await conn.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK)
        try:
            await conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
            )
            current = await _version(conn)
            check_not_newer(current, migrations)
            for migration in migrations:
                if migration.version <= current:
                    continue
                if migration.version != current + 1:
                    raise MigrationError(
                        f"migration {migration.version} cannot follow schema version {current}"
                    )
                try:
                    async with conn.transaction():
                        await conn.execute(migration.sql)
                        await conn.execute(
                            "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                            migration.version,
                            migration.name,
                        )
                except asyncpg.PostgresError as exc:
                    raise MigrationError(
                        f"migration {migration.version} ({migration.name}) failed: {exc}"
                    ) from exc
                current = migration.version
                applied += 1
        finally:
            with contextlib.suppress(asyncpg.PostgresError, asyncpg.InterfaceError, OSError):
                await conn.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK)
    return applied
