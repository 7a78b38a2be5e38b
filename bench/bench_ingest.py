"""Ingest throughput: ``python -m bench.bench_ingest [--backend sqlite|postgresql|both]``.

Prints items per second through parse + normalise + store for a generated local feed of
1,000 items, with and without the understanding step (regions, summary, stems), phase by
phase in one process, then through the real Ingestor with ``workers = 0`` (one thread) and
with its worker processes (one per core): the ingest figure. Each backend in turn, side by
side (default: both when a PostgreSQL server answers at ``NEWSBOT_TEST_PG``). Then the
median time to extract one article page, and peak memory.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path
from typing import Any

import asyncpg

from bot.config import IngestSettings
from bot.ingest import dedup
from bot.ingest.parse import decode, extract_page, parse_document
from bot.ingest.pipeline import Candidate, Ingestor, analyse, prepare_items
from bot.ingest.workers import pool_size, shutdown_pools
from storage.articles import NewArticle
from storage.db import Database, open_database
from storage.repos import Repositories
from tests.paths import LENTA_FEEDS

ITEMS = 1000
REPEAT = 3
# The Ingestor figures vary most on a shared machine (two processes and the database
# server compete for the cores): best of five.
PIPELINE_REPEAT = 5
FEEDS = Path(__file__).resolve().parent.parent / "tests" / "data" / "feeds"

TOWNS = ["Абакане", "Казани", "Томске", "Твери", "Перми", "Сургуте", "Кемерове", "Чите"]
REGIONS = ["Республики Хакасия", "Татарстана", "Томской области", "Пермского края", "Югры"]
LENTA = LENTA_FEEDS
_FALLBACK = (
    "глава администрация района совет депутаты бюджет школа дорога ремонт программа "
    "жители поселение проект форум заседание мэрия сквер благоустройство отопление "
    "больница поликлиника транспорт автобус маршрут спорт фестиваль выставка конкурс"
)


def vocabulary() -> list[str]:
    """Real news words (the Lenta feeds' leads) when present, so shingles look like news."""
    words: set[str] = set()
    for path in sorted(LENTA.glob("*.xml")):
        words.update(w for w in words_of(path.read_text(encoding="utf-8")) if len(w) > 3)
    return sorted(words) or _FALLBACK.split()


def words_of(text: str) -> list[str]:
    import re

    return re.findall(r"[а-яё]+", text)


def make_feed(n: int, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    vocab = vocabulary()
    start = datetime(2026, 11, 1, tzinfo=UTC)
    items = []
    for i in range(n):
        town, region = rng.choice(TOWNS), rng.choice(REGIONS)
        body = " ".join(
            f"В {town} ({region}) "
            + " ".join(rng.choice(vocab) for _ in range(rng.randint(10, 18)))
            + "."
            for _ in range(rng.randint(4, 7))
        )
        when = format_datetime(start + timedelta(minutes=7 * i))
        items.append(
            f"<item><title>Новость {i}: {town}, {rng.choice(vocab)}</title>"
            f"<link>https://bench.example/news/{i}?utm_source=rss</link>"
            f"<guid>bench-{i}</guid><pubDate>{when}</pubDate>"
            f"<description>{escape('<p>' + body + '</p>')}</description></item>"
        )
    xml = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Бенчмарк</title><link>https://bench.example/</link>"
        + "".join(items)
        + "</channel></rss>"
    )
    return xml.encode("utf-8")


def light(c: Candidate, fetched_at: datetime) -> NewArticle:
    """Storage-ready without the understanding step (dedup fingerprints only)."""
    sh = dedup.shingles(c.text) if dedup.eligible(c.text) else frozenset()
    return NewArticle(
        source_id=None, guid=c.guid, url=c.url, title=c.title, text=c.text, summary="",
        published_at=int(c.published_at.timestamp()), fetched_at=int(fetched_at.timestamp()),
        content_hash=dedup.content_hash(c.text), lsh_keys=tuple(dedup.band_keys(sh)),
    )  # fmt: skip


@asynccontextmanager
async def fresh(backend: str, tmp: Path, name: str) -> AsyncIterator[Database]:
    """A fresh database of ``backend`` for one run (PostgreSQL: a new database on the server,
    dropped afterwards)."""
    if backend == "sqlite":
        db = await open_database(tmp / f"{name}.sqlite3")
        try:
            yield db
        finally:
            await db.close()
        return
    from tests.pg import fresh_database

    async with fresh_database() as url:
        db = await open_database(url)
        try:
            yield db
        finally:
            await db.close()


async def run_feed(body: bytes, db: Database, *, understand: bool) -> dict[str, float]:
    """Phase by phase in this process (no worker processes): parse, analyse, store."""
    repos = Repositories.over(db)
    fetched_at = datetime.now(UTC)
    t0 = time.perf_counter()
    parsed = parse_document(decode(body), url="https://bench.example/rss")
    items, _ = prepare_items(parsed, base_url="https://bench.example/rss", fetched_at=fetched_at)
    t1 = time.perf_counter()
    if understand:
        prepared = [
            analyse(c, source_id=None, source_region=None, fetched_at=fetched_at) for c in items
        ]
    else:
        prepared = [light(c, fetched_at) for c in items]
    t2 = time.perf_counter()
    results = await repos.articles.insert_many(prepared, near_copy=dedup.is_near_copy)
    t3 = time.perf_counter()
    assert len(items) == ITEMS and sum(r.status != "seen" for r in results) == ITEMS
    return {"parse": t1 - t0, "analyse": t2 - t1, "store": t3 - t2, "total": t3 - t0}


async def run_pipeline(path: Path, db: Database, *, workers: int | None) -> float:
    """The real Ingestor on a local file (worker processes, threads, locks and all), with
    understanding; article pages are not read (their own figure is bench_fulltext's)."""
    repos = Repositories.over(db)
    settings = IngestSettings(max_bytes=50_000_000, pages_per_poll=0, workers=workers)
    ing = Ingestor(settings, repos.sources, repos.articles)
    await ing.start_workers()  # the app starts them once; a poll does not pay for it
    t0 = time.perf_counter()
    [report] = await ing.read_locations([str(path)])
    elapsed = time.perf_counter() - t0
    assert report.ok and report.new + report.duplicates == ITEMS, report
    return elapsed


async def measure(backend: str, body: bytes, feed: Path, tmp: Path) -> dict[str, Any]:
    """Best of REPEAT fresh databases for each figure (the machine may be shared: the
    minimum is the figure least disturbed by other processes)."""
    out: dict[str, Any] = {}
    for key, understand in (("light", False), ("full", True)):
        runs = []
        for i in range(REPEAT):
            async with fresh(backend, tmp, f"{key}{i}") as db:
                runs.append(await run_feed(body, db, understand=understand))
        out[key] = runs
    for key, workers in (("thread", 0), ("pool", None)):
        times = []
        for i in range(PIPELINE_REPEAT):
            async with fresh(backend, tmp, f"{key}{i}") as db:
                times.append(await run_pipeline(feed, db, workers=workers))
        out[key] = min(times)
    await shutdown_pools()
    return out


def report(backend: str, m: dict[str, Any]) -> None:
    light_runs, full_runs = m["light"], m["full"]
    light_t = min(light_runs, key=lambda t: t["total"])
    full_t = min(full_runs, key=lambda t: t["total"])
    print(f"[{backend}]")
    for label, t in (("without understanding", light_t), ("with understanding", full_t)):
        print(
            f"  {label:<22} {ITEMS / t['total']:7.0f} items/s  (in-process phases: parse+normalise"
            f" {t['parse'] * 1000:.0f} ms, analyse {t['analyse'] * 1000:.0f} ms,"
            f" store {t['store'] * 1000:.0f} ms)"
        )
    # Each phase on its own (best of the runs): the store phase varies most between runs on
    # a shared machine, and its cost with understanding (FTS rows, regions) is not analysis.
    understand = min(t["analyse"] for t in full_runs) - min(t["analyse"] for t in light_runs)
    print(
        f"  understanding step alone {ITEMS / max(understand, 1e-9):6.0f} items/s  (one core;"
        f" best store phase {min(t['store'] for t in full_runs) * 1000:.0f} ms with"
        f" understanding, {min(t['store'] for t in light_runs) * 1000:.0f} ms without)"
    )
    print(
        f"  Ingestor, workers=0      {ITEMS / m['thread']:6.0f} items/s  (file -> stored, with"
        " understanding, CPU work in one thread)"
    )
    print(
        f"  Ingestor, workers={pool_size(None)}      {ITEMS / m['pool']:6.0f} items/s  (file ->"
        " stored, with understanding, worker processes: the ingest figure)"
    )


def postgres_answers() -> bool:
    from tests.pg import SERVER_URL

    async def probe() -> bool:
        try:
            conn = await asyncpg.connect(SERVER_URL, timeout=3)
        except (OSError, TimeoutError, asyncpg.PostgresError):
            return False
        await conn.close()
        return True

    return asyncio.run(probe())


def page_median(runs: int = 200) -> dict[str, float]:
    out = {}
    for name in ("page_sidebar.html", "page_koi8.html"):
        html = decode((FEEDS / name).read_bytes())
        extract_page(html, "https://bench.example/a")  # warm-up
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            extract_page(html, "https://bench.example/a")
            times.append(time.perf_counter() - t0)
        out[name] = statistics.median(times) * 1000
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--backend",
        choices=("sqlite", "postgresql", "both"),
        default=None,
        help="default: both when a PostgreSQL server answers (NEWSBOT_TEST_PG), else sqlite",
    )
    args = parser.parse_args(argv)
    backend = args.backend or ("both" if postgres_answers() else "sqlite")
    backends = ["sqlite", "postgresql"] if backend == "both" else [backend]
    body = make_feed(ITEMS)
    # Warm the morphology and the stemmer caches outside the timed runs.
    now = datetime.now(UTC)
    warm = Candidate(None, "https://w.example/", "Абакан", "В Абакане прошёл форум.", now)
    analyse(warm, source_id=None, source_region=None, fetched_at=now)
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        feed = tmp_path / "bench.xml"
        feed.write_bytes(body)
        for name in backends:
            results[name] = asyncio.run(measure(name, body, feed, tmp_path))
        # Memory in a separate run: tracemalloc slows everything several times over.
        tracemalloc.start()

        async def traced() -> None:
            async with fresh("sqlite", tmp_path, "traced") as db:
                await run_pipeline(feed, db, workers=0)

        asyncio.run(traced())
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    pages = page_median()
    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        f"feed: {ITEMS} items, {len(body) / 1e6:.2f} MB (best of {REPEAT} runs each;"
        f" {pool_size(None)} worker processes on {os.cpu_count()} cores)"
    )
    for name in backends:
        report(name, results[name])
    for name, ms in pages.items():
        print(f"page extraction median: {ms:.2f} ms  ({name})")
    print(
        f"peak memory: {peak / 1e6:.1f} MB traced during Ingestor.read_locations (workers=0),"
        f" max RSS of the process {maxrss_kb / 1024:.0f} MB, of the largest worker process"
        f" {child_kb / 1024:.0f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
