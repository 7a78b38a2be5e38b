"""The common database surface every repository uses, whatever the backend.

``fetchall`` / ``fetchone`` / ``fetchval`` for reads, :meth:`Database.write` for a write
transaction (yielding a :class:`Conn` whose ``execute`` returns a cursor with ``rowcount``
and ``fetchall``), :meth:`Database.write_one` for one autocommitted statement,
:meth:`Database.user_version` for the schema version. SQL uses ``?`` (positional) or
``:name`` (named) placeholders on both backends; rows allow index and key access
(``row[0]``, ``row["id"]``). Where the dialects differ a repository branches on
:attr:`Database.dialect`. The backends: :mod:`storage.sqlite`, :mod:`storage.postgres`;
:func:`storage.db.open_database` picks one.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Generator, Iterable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any, ClassVar, Literal, Protocol

from storage.errors import StorageError
from storage.migrations import Migration

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


def bind_params(params: Params) -> tuple[Any, ...] | Mapping[str, Any]:
    # A mapping must stay a mapping: tuple(dict) would bind its keys, not its values.
    return params if isinstance(params, Mapping) else tuple(params)


def now_ts() -> int:
    """Current UTC time as integer seconds: the storage format of every timestamp."""
    return int(time.time())


def is_postgres_url(target: str | Path) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


class Database(ABC):
    """The surface repositories use; :class:`SqliteDatabase` or ``PostgresDatabase``."""

    dialect: ClassVar[Dialect]
    # Where the data lives, for messages: the file path, or the URL without its password.
    path: str

    @abstractmethod
    async def close(self) -> None: ...

    @abstractmethod
    def write(self) -> AbstractAsyncContextManager[Conn]:
        """A write transaction, committed on exit and rolled back on error."""

    @abstractmethod
    async def write_one(self, sql: str, params: Params = ()) -> int:
        """One statement as its own transaction; returns the changed row count."""

    @abstractmethod
    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]: ...

    @abstractmethod
    async def fetchone(self, sql: str, params: Params = ()) -> Row | None: ...

    async def fetchval(self, sql: str, params: Params = ()) -> Any:
        row = await self.fetchone(sql, params)
        return None if row is None else row[0]

    @abstractmethod
    async def user_version(self) -> int:
        """The schema version: the number of the last migration applied."""

    @abstractmethod
    async def table_names(self) -> set[str]:
        """The schema's tables (for ``db info`` and ``db copy``)."""

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


def check_not_newer(current: int, migrations: Sequence[Migration]) -> None:
    """Refuse a database whose schema is newer than the newest migration of this code."""
    newest = max((m.version for m in migrations), default=0)
    if current > newest:
        raise StorageError(
            f"the database schema is version {current}, newer than this code knows ({newest}):"
            " upgrade newsbot before using this database"
        )
