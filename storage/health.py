"""What is wrong with the database, in one line: for the CLI, the handlers and the logs.

SQLite reports a full disk, a read-only file, a damaged file or a file that is no database
at all as ``sqlite3`` exceptions; callers show :func:`storage_problem`'s line instead of a
traceback. :func:`check_integrity` (``PRAGMA quick_check``) refuses a damaged database at
start; :func:`refuse_newer_schema` refuses a database written by a newer release, whose
tables this code would misread.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from storage.errors import StorageError


class Database(Protocol):
    """What these checks need of :class:`storage.db.Database` (which imports this module)."""

    path: str

    async def fetchall(self, sql: str, params: Any = ()) -> Sequence[Any]: ...

    async def user_version(self) -> int: ...


__all__ = [
    "check_integrity",
    "open_problem",
    "path_problem",
    "refuse_newer_schema",
    "storage_problem",
]

# SQLite's primary result codes (the low byte of an extended code) that describe the file or
# the disk, not a bug in a query: these get a one-line explanation, never a traceback.
_PROBLEMS: dict[int, str] = {
    sqlite3.SQLITE_FULL: "the disk is full (database or disk is full)",
    sqlite3.SQLITE_READONLY: "the database is read-only (check the file's permissions and mount)",
    sqlite3.SQLITE_CORRUPT: "the database file is damaged; restore it from a backup",
    sqlite3.SQLITE_NOTADB: "the file is not an SQLite database",
    sqlite3.SQLITE_CANTOPEN: "the database file cannot be opened (check the path and permissions)",
    sqlite3.SQLITE_IOERR: "disk I/O error while using the database",
    sqlite3.SQLITE_PERM: "access to the database is denied",
    sqlite3.SQLITE_BUSY: "the database is locked by another process",
    sqlite3.SQLITE_LOCKED: "the database is locked",
    sqlite3.SQLITE_NOLFS: "the database is too large for this system",
}


def storage_problem(exc: BaseException) -> str | None:
    """One line on what is wrong with the database or its disk; None when ``exc`` is not
    such a problem (a bug, a constraint, something that is no storage error at all)."""
    if isinstance(exc, StorageError):
        return str(exc)
    if not isinstance(exc, sqlite3.Error):
        return None
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _PROBLEMS:
        return _PROBLEMS[code & 0xFF]
    # Errors raised before SQLite runs (no code): recognise them by their fixed messages.
    text = str(exc)
    for marker, primary in (
        ("disk is full", sqlite3.SQLITE_FULL),
        ("readonly database", sqlite3.SQLITE_READONLY),
        ("malformed", sqlite3.SQLITE_CORRUPT),
        ("not a database", sqlite3.SQLITE_NOTADB),
        ("unable to open database", sqlite3.SQLITE_CANTOPEN),
        ("disk I/O error", sqlite3.SQLITE_IOERR),
    ):
        if marker in text:
            return _PROBLEMS[primary]
    return None


def path_problem(path: str) -> str | None:
    """What keeps SQLite from opening ``path`` before it tries (a folder in its place)."""
    if path != ":memory:" and Path(path).is_dir():
        return f"database {path!r} is a folder, not a database file"
    return None


def open_problem(path: str, exc: BaseException) -> str:
    """Why the database at ``path`` cannot be opened, as one line naming the file."""
    if (folder := path_problem(path)) is not None:
        return folder
    if isinstance(exc, OSError) and not isinstance(exc, sqlite3.Error):
        return f"database {path!r}: cannot create its folder: {exc.strerror or exc}"
    problem = storage_problem(exc)
    if problem is None:
        problem = f"{type(exc).__name__}: {exc}"
    return f"database {path!r}: {problem}"


async def refuse_newer_schema(db: Database, known: int) -> None:
    """StorageError when the file's schema is newer than the newest migration this code has."""
    version = await db.user_version()
    if version > known:
        raise StorageError(
            f"database {db.path!r} has schema version {version}, newer than this release "
            f"knows ({known}): it was written by a newer newsbot; run that release or "
            "restore a backup"
        )


async def check_integrity(db: Database) -> None:
    """``PRAGMA quick_check``; StorageError naming the first problem of a damaged file."""
    try:
        rows = await db.fetchall("PRAGMA quick_check")
    except sqlite3.Error as exc:
        raise StorageError(open_problem(db.path, exc)) from exc
    found = [line for row in rows for line in str(row[0]).splitlines() if line.strip()]
    if found != ["ok"]:
        named = [line for line in found if not line.startswith("***")]
        first = named[0] if named else (found[0] if found else "no answer")
        raise StorageError(
            f"database {db.path!r} is damaged ({first}; {len(found)} problem(s) found by "
            "PRAGMA quick_check): restore it from a backup"
        )
