"""SQLite and PostgreSQL side by side: the repositories' hot queries over the same data.

    .venv/bin/python -m bench.bench_backends [--articles N] [--runs R] [--subscribers S]
        [--pg postgresql://postgres@127.0.0.1:5432/postgres] [--keep]

The same generated articles (real Russian news sentences from ``../shared/data/lenta-feeds``
mixed into 1-2 KB texts, a rare surname in each, Zipf-like regions; the generator of
``bench.bench_reading``) are loaded into a fresh SQLite file and a fresh PostgreSQL
database (``newsbot_bench``, created on the server ``--pg`` names, dropped afterwards
unless ``--keep``). Then, through the same repository calls the bot makes:

* /latest: ``SearchRepository.latest`` of one region, the first page and a page deep in the
  keyset (after a cursor a few hundred items down), p50/p95 over ``--runs`` calls;
* /search: ``bot.search.engine.run_search`` for common words, rare surnames and half-typed words
  (prefix stage), p50/p95;
* planning: one article for ``--subscribers`` subscribed chats (``Planner.plan_article``:
  the plan and its first chunk of outbox rows), seconds, the median of 3; and the time until
  all its rows are written (``Planner.expand``, chunk by chunk, as the scheduler job does).

Default 20,000 articles; ``--articles 1000000`` for the big run (generation takes minutes).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from bench.bench_reading import SPAN_DAYS, _corpus, _surnames
from bot.delivery.planner import Planner
from bot.search.engine import run_search
from bot.search.query import parse_query
from bot.text.catalogue import REGIONS
from bot.text.stems import stems
from storage.db import Database, now_ts, open_database
from storage.postgres import PostgresDatabase
from storage.repos import Repositories
from storage.search import SearchRepository

BENCH_DB = "newsbot_bench"
BATCH = 20_000
FIRST_CHAT = 10_000_000


def generate(
    n: int, *, seed: int = 6
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]], list[str]]:
    """(articles, article_regions, articles_fts rows, surnames used) for ``n`` articles."""
    rng = random.Random(seed)
    sentences, titles = _corpus()
    sent_stems = [stems(s) for s in sentences]
    title_stems = [stems(t) for t in titles]
    names = _surnames(min(200_000, max(1000, n // 5)), rng)
    codes = [r.code for r in REGIONS]
    codes.remove("RU-MOW")
    codes.insert(0, "RU-MOW")
    weights = [1 / (k + 1) ** 0.9 for k in range(len(codes))]
    now = now_ts()
    start = now - SPAN_DAYS * 86400
    step = SPAN_DAYS * 86400 / n
    arts: list[tuple[Any, ...]] = []
    regs: list[tuple[Any, ...]] = []
    fts: list[tuple[Any, ...]] = []
    used: list[str] = []
    for k in range(1, n + 1):
        ts = int(start + k * step + rng.uniform(-3600, 3600))
        picks = [rng.randrange(len(sentences)) for _ in range(rng.randint(6, 12))]
        who = rng.randrange(len(names))
        ti = rng.randrange(len(titles))
        text = " ".join(sentences[i] for i in picks) + f" Комментарий дал {names[who]}."
        body = " ".join(sent_stems[i] for i in picks) + f" комментар дал {stems(names[who])}"
        dup = k - 1 if k > 1 and rng.random() < 0.03 else None
        arts.append(
            (k, f"https://portal.example.ru/news/{k}", titles[ti], text, "", ts, ts + 60,
             f"h{k}", dup, 1)
        )  # fmt: skip
        fts.append((k, title_stems[ti], body))
        roll = rng.random()
        count = 0 if roll < 0.08 else 2 if roll > 0.8 else 1
        for code in set(rng.choices(codes, weights, k=count)):
            regs.append((k, code, ts, "[]"))
        if k % 997 == 0:
            used.append(names[who])
    return arts, regs, fts, used


ART_COLS = ("id", "url", "title", "text", "summary", "published_at", "fetched_at",
            "content_hash", "duplicate_of", "planned")  # fmt: skip
REG_COLS = ("article_id", "region", "published_at", "evidence")


async def load_sqlite(path: Path, data: tuple[list[Any], list[Any], list[Any], list[str]]) -> None:
    db = await open_database(path)
    await db.close()
    arts, regs, fts, _ = data
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    conn.executemany(
        f"INSERT INTO articles ({', '.join(ART_COLS)}) VALUES ({', '.join('?' * len(ART_COLS))})",
        arts,
    )
    conn.executemany(
        f"INSERT INTO article_regions ({', '.join(REG_COLS)}) VALUES (?, ?, ?, ?)", regs
    )
    conn.executemany("INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)", fts)
    conn.execute("COMMIT")
    conn.execute("PRAGMA optimize")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


async def load_pg(
    db: PostgresDatabase, data: tuple[list[Any], list[Any], list[Any], list[str]]
) -> None:
    arts, regs, fts, _ = data
    async with db.pool.acquire() as conn:
        for table, cols, rows in (
            ("articles", ART_COLS, arts),
            ("article_regions", REG_COLS, regs),
            ("articles_fts", ("article_id", "title", "body"), fts),
        ):
            for start in range(0, len(rows), BATCH):
                await conn.copy_records_to_table(
                    table, records=rows[start : start + BATCH], columns=cols
                )
        await conn.execute(
            "SELECT setval(pg_get_serial_sequence('articles', 'id'), max(id)) FROM articles"
        )
        await conn.execute("VACUUM ANALYZE")


def _server(url: str, database: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{database}"))


async def _timed(runs: int, call: Callable[[int], Awaitable[object]]) -> list[float]:
    await call(0)  # warm-up: caches, prepared statements
    out = []
    for i in range(runs):
        t0 = time.perf_counter()
        await call(i + 1)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _p(values: list[float]) -> str:
    if len(values) < 2:
        return f"{values[0]:.2f}" if values else "-"
    q = statistics.quantiles(values, n=20, method="inclusive")
    return f"{statistics.median(values):7.2f} / {q[18]:7.2f}"


COMMON = ["году", "области", "президент", "россии", "заявил", "сообщил", "город", "главы"]
PREFIX = ["муниц", "губерн", "прези", "облас", "админи", "сотру"]
LATEST_REGIONS = ["RU-MOW", "RU-KK", "RU-TA", "RU-SPE", "RU-KDA", "RU-NVS", "RU-YAN"]


async def measure(db: Database, runs: int, rare: list[str]) -> dict[str, list[float]]:
    repo = SearchRepository(db)
    out: dict[str, list[float]] = {}

    async def latest_first(i: int) -> object:
        return await repo.latest([LATEST_REGIONS[i % len(LATEST_REGIONS)]], limit=5)

    cursors = []
    for region in LATEST_REGIONS:  # a cursor ~300 items down each region
        page = await repo.latest([region], limit=300)
        if page.next_cursor:
            cursors.append((region, page.next_cursor))

    async def latest_deep(i: int) -> object:
        region, cursor = cursors[i % len(cursors)]
        return await repo.latest([region], limit=5, after=cursor)

    async def search(words: list[str]) -> Callable[[int], Awaitable[object]]:
        async def call(i: int) -> object:
            return await run_search(repo, parse_query(words[i % len(words)]))

        return call

    out["latest, first page"] = await _timed(runs, latest_first)
    if cursors:
        out["latest, after a cursor"] = await _timed(runs, latest_deep)
    out["search, common words"] = await _timed(runs, await search(COMMON))
    out["search, rare surname"] = await _timed(runs, await search(rare))
    out["search, half-typed word"] = await _timed(runs, await search(PREFIX))
    return out


async def plan(db: Database, subscribers: int) -> tuple[float, float]:
    """(planning one article: its plan and first chunk, until all its rows are written)."""
    ts = now_ts() - 60
    chats = [(FIRST_CHAT + i, "private", "", "ru", 1, ts, ts) for i in range(subscribers)]
    subs = [(FIRST_CHAT + i, 0, "RU-KK", ts) for i in range(subscribers)]
    if isinstance(db, PostgresDatabase):
        async with db.pool.acquire() as conn:
            await conn.copy_records_to_table(
                "chats", records=chats,
                columns=("id", "type", "title", "language", "active", "created_at", "updated_at"),
            )  # fmt: skip
            await conn.copy_records_to_table(
                "subscriptions", records=subs,
                columns=("chat_id", "thread_id", "region", "created_at"),
            )  # fmt: skip
            await conn.execute("ANALYZE")
    else:
        async with db.write() as conn:
            await conn.executemany(
                "INSERT INTO chats (id, type, title, language, active, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                chats,
            )
            await conn.executemany(
                "INSERT INTO subscriptions (chat_id, thread_id, region, created_at)"
                " VALUES (?, ?, ?, ?)",
                subs,
            )
    repos = Repositories.over(db)
    times = []
    for k in range(3):
        now = now_ts()
        async with db.write() as conn:
            cur = await conn.execute(
                "INSERT INTO articles (url, title, text, published_at, fetched_at, content_hash)"
                " VALUES (?, 'Новость', 'Текст', ?, ?, ?) RETURNING id",
                (f"https://plan.example/{k}", now, now, f"plan{k}"),
            )
            (row,) = list(await cur.fetchall())
            await conn.execute(
                "INSERT INTO article_regions (article_id, region, published_at)"
                " VALUES (?, 'RU-KK', ?)",
                (row[0], now),
            )
        planner = Planner(repos)
        t0 = time.perf_counter()
        created = await planner.plan_article(int(row[0]))
        t1 = time.perf_counter()
        created += await planner.expand()  # the remaining chunks (the scheduler job's work)
        times.append((t1 - t0, time.perf_counter() - t0))
        assert created == subscribers, created
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database")
    parser.add_argument("--db-name", default=BENCH_DB, help="the PostgreSQL database to use")
    args = parser.parse_args()
    bench_db = args.db_name

    t0 = time.perf_counter()
    data = generate(args.articles)
    print(f"generated {args.articles:,} articles in {time.perf_counter() - t0:.0f} s")
    admin = await asyncpg.connect(args.pg)
    try:
        await admin.execute(f"DROP DATABASE IF EXISTS {bench_db} WITH (FORCE)")
        await admin.execute(f"CREATE DATABASE {bench_db}")
    finally:
        await admin.close()
    results: dict[str, dict[str, list[float]]] = {}
    planning: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        t0 = time.perf_counter()
        await load_sqlite(path, data)
        print(f"loaded SQLite in {time.perf_counter() - t0:.0f} s")
        pg = await open_database(_server(args.pg, bench_db))
        assert isinstance(pg, PostgresDatabase)
        t0 = time.perf_counter()
        await load_pg(pg, data)
        print(f"loaded PostgreSQL in {time.perf_counter() - t0:.0f} s")
        sqlite_db = await open_database(path)
        try:
            for name, db in (("SQLite", sqlite_db), ("PostgreSQL", pg)):
                results[name] = await measure(db, args.runs, data[3])
                planning[name] = await plan(db, args.subscribers)
        finally:
            await sqlite_db.close()
            await pg.close()
    if not args.keep:
        admin = await asyncpg.connect(args.pg)
        try:
            await admin.execute(f"DROP DATABASE IF EXISTS {bench_db} WITH (FORCE)")
        finally:
            await admin.close()

    print(
        f"\n{args.articles:,} articles, {args.runs} calls each; ms p50 / p95"
        " through the repositories (bot.search.engine.run_search for search)"
    )
    print(f"{'':28}{'SQLite':>20}{'PostgreSQL':>22}")
    for label in results["SQLite"]:
        print(f"{label:28}{_p(results['SQLite'][label]):>20}{_p(results['PostgreSQL'][label]):>22}")
    print(
        f"{f'plan 1 article, {args.subscribers:,} subs':28}"
        f"{planning['SQLite'][0]:>17.2f} s{planning['PostgreSQL'][0]:>19.2f} s"
    )
    print(
        f"{'  ... all its rows written':28}"
        f"{planning['SQLite'][1]:>17.2f} s{planning['PostgreSQL'][1]:>19.2f} s"
    )


if __name__ == "__main__":
    asyncio.run(main())
