"""Ingest throughput: ``python -m bench.bench_ingest``.

Prints items per second through parse + normalise + store for a generated local feed of
1,000 items, with and without the understanding step (regions, summary, stems), the
median time to extract one article page, and peak memory.
"""

from __future__ import annotations

import asyncio
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path

from bot.config import IngestSettings
from bot.ingest import dedup
from bot.ingest.parse import decode, extract_page, parse_document
from bot.ingest.pipeline import Candidate, Ingestor, analyse, prepare_items
from storage.articles import NewArticle
from storage.db import open_database
from storage.repos import Repositories
from tests.paths import LENTA_FEEDS

ITEMS = 1000
REPEAT = 3
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


async def run_feed(body: bytes, db_path: Path, *, understand: bool) -> dict[str, float]:
    db = await open_database(db_path)
    try:
        repos = Repositories.over(db)
        fetched_at = datetime.now(UTC)
        t0 = time.perf_counter()
        parsed = parse_document(decode(body), url="https://bench.example/rss")
        items, _ = prepare_items(
            parsed, base_url="https://bench.example/rss", fetched_at=fetched_at
        )
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
    finally:
        await db.close()


async def run_pipeline(path: Path, db_path: Path) -> float:
    """The real Ingestor on a local file (threads, locks and all)."""
    db = await open_database(db_path)
    try:
        repos = Repositories.over(db)
        ing = Ingestor(IngestSettings(max_bytes=50_000_000), repos.sources, repos.articles)
        t0 = time.perf_counter()
        [report] = await ing.read_locations([str(path)])
        elapsed = time.perf_counter() - t0
        assert report.ok and report.new + report.duplicates == ITEMS, report
        return elapsed
    finally:
        await db.close()


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


def main() -> int:
    body = make_feed(ITEMS)
    # Warm the morphology and the stemmer caches outside the timed runs.
    now = datetime.now(UTC)
    warm = Candidate(None, "https://w.example/", "Абакан", "В Абакане прошёл форум.", now)
    analyse(warm, source_id=None, source_region=None, fetched_at=now)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        feed = tmp_path / "bench.xml"
        feed.write_bytes(body)
        # Best of three fresh databases each: the machine is shared, the minimum is the
        # figure least disturbed by other processes.
        light_runs = [
            asyncio.run(run_feed(body, tmp_path / f"a{i}.sqlite3", understand=False))
            for i in range(REPEAT)
        ]
        full_runs = [
            asyncio.run(run_feed(body, tmp_path / f"b{i}.sqlite3", understand=True))
            for i in range(REPEAT)
        ]
        light_t = min(light_runs, key=lambda t: t["total"])
        full_t = min(full_runs, key=lambda t: t["total"])
        pipe_t = min(
            asyncio.run(run_pipeline(feed, tmp_path / f"c{i}.sqlite3")) for i in range(REPEAT)
        )  # fmt: skip
        # Memory in a separate run: tracemalloc slows everything several times over.
        tracemalloc.start()
        asyncio.run(run_pipeline(feed, tmp_path / "d.sqlite3"))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    pages = page_median()
    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"feed: {ITEMS} items, {len(body) / 1e6:.2f} MB (best of {REPEAT} runs each)")
    for label, t in (("without understanding", light_t), ("with understanding", full_t)):
        print(
            f"  {label:<22} {ITEMS / t['total']:7.0f} items/s  "
            f"(parse+normalise {t['parse'] * 1000:.0f} ms, analyse {t['analyse'] * 1000:.0f} ms, "
            f"store {t['store'] * 1000:.0f} ms)"
        )
    print(f"  Ingestor.read_locations {ITEMS / pipe_t:7.0f} items/s  (file -> stored, full)")
    # Each phase on its own (best of the runs): the store phase varies most between runs on
    # a shared machine, and its cost with understanding (FTS rows, regions) is not analysis.
    understand = min(t["analyse"] for t in full_runs) - min(t["analyse"] for t in light_runs)
    store_full = min(t["store"] for t in full_runs)
    store_light = min(t["store"] for t in light_runs)
    print(
        f"  understanding step alone {ITEMS / max(understand, 1e-9):6.0f} items/s  "
        f"(regions, summary, stems: {understand * 1000:.0f} ms; best store phase "
        f"{store_full * 1000:.0f} ms with understanding, {store_light * 1000:.0f} ms without)"
    )
    for name, ms in pages.items():
        print(f"page extraction median: {ms:.2f} ms  ({name})")
    print(
        f"peak memory: {peak / 1e6:.1f} MB traced during Ingestor.read_locations, "
        f"max RSS of the process {maxrss_kb / 1024:.0f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
