"""Moving an existing SQLite database to PostgreSQL (``python -m bot db copy --to URL``).

Every table is copied with its ids (binary ``COPY``, in batches), in an order that satisfies
the foreign keys, inside one PostgreSQL transaction: a failure leaves the target as it was.
Both databases must be at the same schema version and the target must be empty. Row counts
are compared table by table before the commit; identity sequences are moved past the
copied ids; the full-text documents (``articles_fts.doc``) are rebuilt from the copied
stems as they are inserted (a generated column), then the planner statistics are refreshed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import asyncpg

from storage.base import Database
from storage.errors import StorageError
from storage.postgres import PostgresDatabase
from storage.sqlite import SqliteDatabase

__all__ = ["COPY_ORDER", "TableCopy", "copy_database"]

# Parents before children. Tables not named here (added by later migrations) follow, in
# name order: a later migration adding a table with foreign keys should add it here.
COPY_ORDER = (
    "chats",
    "sources",
    "articles",
    "article_regions",
    "article_lsh_bands",
    "articles_fts",
    "page_fetches",
    "subscriptions",
    "chat_filters",
    "chat_settings",
    "region_channels",
    "chat_people",
    "deliveries",
    "delivery_plans",
    "events",
    "event_articles",
    "event_regions",
    "event_reminders",
)
# Source column expressions where SQLite's names differ (FTS5 keeps the id as rowid).
_SOURCE_COLUMNS = {("articles_fts", "article_id"): "rowid"}
_SKIP = {"schema_migrations"}
BATCH = 5000


@dataclass(frozen=True, slots=True)
class TableCopy:
    table: str
    source_rows: int
    target_rows: int


async def _sqlite_columns(db: SqliteDatabase, table: str) -> list[str]:
    if table == "articles_fts":
        return ["article_id", "title", "body"]
    return [str(r["name"]) for r in await db.fetchall(f'PRAGMA table_info("{table}")')]


async def _tables(source: SqliteDatabase, target: PostgresDatabase) -> list[str]:
    src = {t for t in await source.table_names() if not t.startswith(("articles_fts_", "sqlite_"))}
    dst = await target.table_names() - _SKIP
    missing = sorted(src - dst)
    if missing:
        raise StorageError(f"the target has no table {', '.join(missing)}")
    known = [t for t in COPY_ORDER if t in src]
    return known + sorted(src - set(known))


async def copy_database(
    source: Database,
    target: Database,
    *,
    batch: int = BATCH,
    progress: Callable[[str, int], None] | None = None,
) -> list[TableCopy]:
    """Copy every row of ``source`` (SQLite) into ``target`` (PostgreSQL, migrated and
    empty); returns the row counts per table. Raises :class:`StorageError` when the
    databases do not fit or a count differs (nothing is then kept in the target)."""
    if not isinstance(source, SqliteDatabase) or not isinstance(target, PostgresDatabase):
        raise StorageError("db copy moves a SQLite database to PostgreSQL")
    src_version, dst_version = await source.user_version(), await target.user_version()
    if src_version != dst_version:
        raise StorageError(
            f"schema versions differ (SQLite {src_version}, PostgreSQL {dst_version}):"
            " run `python -m bot db migrate` on both first"
        )
    tables = await _tables(source, target)
    for table in tables:
        if await target.fetchval(f'SELECT EXISTS (SELECT 1 FROM "{table}")'):
            raise StorageError(f"the target is not empty (table {table} has rows)")
    report: list[TableCopy] = []
    async with target.connection() as conn:
        pg = conn.raw
        await pg.execute("SET CONSTRAINTS ALL DEFERRED")
        for table in tables:
            target_columns = {
                r["column_name"]
                for r in await pg.fetch(
                    "SELECT column_name FROM information_schema.columns"
                    " WHERE table_schema = current_schema() AND table_name = $1"
                    " AND is_generated = 'NEVER'",
                    table,
                )
            }
            columns = [c for c in await _sqlite_columns(source, table) if c in target_columns]
            select = ", ".join(_SOURCE_COLUMNS.get((table, c), f'"{c}"') for c in columns)
            copied = 0
            async with source.conn.execute(f'SELECT {select} FROM "{table}"') as cur:
                while rows := list(await cur.fetchmany(batch)):
                    try:
                        await pg.copy_records_to_table(
                            table, records=[tuple(r) for r in rows], columns=columns
                        )
                    except (
                        asyncpg.PostgresError,
                        asyncpg.InterfaceError,
                        ValueError,
                        TypeError,
                    ) as exc:
                        raise StorageError(f"copying {table} failed: {exc}") from exc
                    copied += len(rows)
                    if progress is not None:
                        progress(table, copied)
            source_rows = int(await source.fetchval(f'SELECT count(*) FROM "{table}"'))
            target_rows = int(await pg.fetchval(f'SELECT count(*) FROM "{table}"'))
            if not source_rows == copied == target_rows:
                raise StorageError(
                    f"{table}: {source_rows} rows in SQLite, {target_rows} in PostgreSQL"
                )
            report.append(TableCopy(table, source_rows, target_rows))
            if "id" in columns and await pg.fetchval(
                "SELECT pg_get_serial_sequence($1, 'id')", table
            ):
                await pg.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                    f' COALESCE((SELECT max(id) FROM "{table}"), 0) + 1, false)'
                )
        try:
            await pg.execute("SET CONSTRAINTS ALL IMMEDIATE")  # check deferred keys now
        except asyncpg.PostgresError as exc:
            raise StorageError(f"the copied rows break a foreign key: {exc}") from exc
    await target.write_one("ANALYZE")
    return report
