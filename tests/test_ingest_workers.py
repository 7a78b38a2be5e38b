"""Ingest on several cores: feeds parsed in parts, items analysed in worker processes and
stored part by part while the workers go on. The results must not depend on it: the same
articles, regions, summaries, copies and search hits with ``workers = 0`` (a thread) and
``workers = 2``."""

from __future__ import annotations

import random
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path
from typing import Any

import pytest

from bot.config import IngestSettings
from bot.ingest import split
from bot.ingest.fetch import FetchResult
from bot.ingest.pipeline import (
    Ingestor,
    _parse_job,
    _parse_part,
    _split_document,
)
from bot.ingest.workers import CpuPool, chunked, shutdown_pools
from bot.text.stems import stems
from storage.base import Database
from storage.repos import Repositories
from tests.pg import BACKENDS, open_backend
from tests.support.feeds import FEEDS
from tests.support.shared import lenta_files
from tests.support.words import WORDS

NOW = datetime(2026, 11, 20, tzinfo=UTC)
TOWNS = ["Абакане", "Казани", "Томске", "Твери", "Перми", "Сургуте", "Черногорске"]


def big_feed(n: int, *, seed: int = 5, full_text: bool = True) -> bytes:
    """RSS with leads, full texts, CDATA, a comment, exact and near copies among its items."""
    rng = random.Random(seed)
    bodies: list[str] = []
    items = []
    for i in range(n):
        if bodies and rng.random() < 0.1:
            body = rng.choice(bodies)  # a copy of an earlier item (another URL)
        elif bodies and rng.random() < 0.1:
            words = rng.choice(bodies).split()
            words[rng.randrange(len(words))] = rng.choice(WORDS)
            body = " ".join(words)  # a near copy
        else:
            body = " ".join(
                f"В {rng.choice(TOWNS)} " + " ".join(rng.choices(WORDS, k=12)) + "."
                for _ in range(rng.randint(3, 8))
            )
        bodies.append(body)
        full = f"<yandex:full-text>{escape(body)}</yandex:full-text>" if full_text else ""
        when = format_datetime(NOW - timedelta(minutes=5 * i))
        lead = f"<![CDATA[<p>{body[:120]}</p>]]>" if i % 3 else escape(f"<p>{body[:150]}</p>")
        note = "<!-- <item> in a comment --> " if i == 7 else ""
        items.append(
            f"{note}<item><title>Новость {i}</title><link>https://ex.example/n/{i}</link>"
            f"<guid>g-{i}</guid><pubDate>{when}</pubDate><description>{lead}</description>"
            f"{full}</item>\n"
        )
    xml = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:yandex="http://news.yandex.ru"><channel>'
        "<title>Большая лента</title><link>https://ex.example/</link>"
        + "".join(items)
        + "</channel></rss>"
    )
    return xml.encode("utf-8")


def result_of(body: bytes) -> FetchResult:
    url = "https://ex.example/rss"
    return FetchResult(url, url, 200, body, "application/rss+xml", None, None, None)


def parts_parse(body: bytes, parts: int) -> tuple[str, int, list[object], list[str]] | None:
    pieces = _split_document(result_of(body), parts)
    if pieces is None:
        return None
    title, count, items, reasons = "", 0, [], []
    for piece in pieces:
        out = _parse_part(piece, "https://ex.example/rss", NOW, "auto", False)
        if out is None:
            return None
        title = title or out[0]
        count += out[1]
        items += out[2]
        reasons += out[3]
    return title, count, items, reasons


def documents() -> list[tuple[str, bytes]]:
    docs = [(p.name, p.read_bytes()) for p in sorted(FEEDS.glob("*.*")) if p.suffix != ".html"]
    docs += [(p.name, p.read_bytes()) for p in lenta_files()]
    docs.append(("big", big_feed(300)))
    atom = (FEEDS / "atom.xml").read_text(encoding="utf-8")
    entries = re.findall(r"<entry>.*?</entry>", atom, re.DOTALL)
    many = "".join(
        e.replace("</id>", f"-{i}</id>").replace('href="', f'href="/{i}') for i in range(60)
        for e in entries
    )  # fmt: skip
    head, tail = atom.split(entries[0], 1)[0], atom.rsplit(entries[-1], 1)[1]
    docs.append(("atom-many", (head + many + tail).encode("utf-8")))
    return docs


@pytest.mark.parametrize(("name", "body"), documents(), ids=[n for n, _ in documents()])
def test_a_feed_parsed_in_parts_reads_as_a_whole(
    name: str, body: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(split, "MIN_PART_ITEMS", 1)
    whole = _parse_job(result_of(body), NOW)
    parted = parts_parse(body, 4)
    if parted is None:  # not cut (no items, or a part did not parse cleanly): read whole
        assert name in {"truncated.xml", "bad_items.xml", "rss091.xml"} or whole[1] < 2, name
        return
    assert parted == whole


def test_a_malformed_part_sends_the_feed_back_to_whole_parsing() -> None:
    body = big_feed(120).replace(
        b"<title>\xd0\x9d\xd0\xbe\xd0\xb2\xd0\xbe\xd1\x81\xd1\x82\xd1\x8c 90<",
        b"<title>&bogus; 90<",
    )
    assert parts_parse(body, 2) is None  # the part with item 90 is not clean
    assert split.split_feed("<html><body><item></item></body></html>", 2) is None
    assert split.split_feed("<rss><channel><item><item></item></channel></rss>", 2) is None


def test_chunks_cover_the_batch_in_order() -> None:
    items = list(range(1000))
    parts = chunked(items, 2)
    assert [x for part in parts for x in part] == items
    assert len(parts) == 42 and max(len(p) for p in parts) <= 24
    assert chunked([1, 2], 4) == [[1], [2]]


@pytest.fixture(params=BACKENDS)
async def two_dbs(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[tuple[Database, Database]]:
    async with (
        open_backend(request.param, tmp_path / "a") as one,
        open_backend(request.param, tmp_path / "b") as other,
    ):
        yield one, other


async def _ingest(db: Database, feed: Path, workers: int) -> Ingestor:
    repos = Repositories.over(db)
    settings = IngestSettings(pages_per_poll=0, workers=workers, max_bytes=50_000_000)
    ing = Ingestor(settings, repos.sources, repos.articles, clock=NOW.timestamp)
    [report] = await ing.read_locations([str(feed)])
    assert report.ok and report.new > 0 and report.duplicates > 0, report
    return ing


async def _stored(db: Database) -> list[list[tuple[object, ...]]]:
    queries = (
        "SELECT id, url, title, text, body, summary, content_hash, duplicate_of, published_at"
        " FROM articles ORDER BY id",
        "SELECT article_id, region, evidence FROM article_regions ORDER BY article_id, region",
        "SELECT article_id, band, value FROM article_lsh_bands ORDER BY article_id, band",
    )
    return [[tuple(r) for r in await db.fetchall(q)] for q in queries]


async def test_same_results_with_and_without_worker_processes(
    two_dbs: tuple[Database, Database], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """workers=0 and workers=2 store the same articles, regions, summaries, copies and
    search rows; the workers really ran (parts parsed, chunks analysed in processes and
    stored part by part while the workers analyse)."""
    monkeypatch.setattr(split, "MIN_PART_ITEMS", 20)
    feed = tmp_path / "big.xml"
    feed.write_bytes(big_feed(240))
    in_thread, in_pool = two_dbs
    calls: list[str] = []
    real_submit = CpuPool.submit

    def counting_submit(self: CpuPool, fn: Any, args: Any) -> Any:
        calls.append(getattr(fn, "__name__", ""))
        return real_submit(self, fn, args)

    monkeypatch.setattr(CpuPool, "submit", counting_submit)
    try:
        ing0 = await _ingest(in_thread, feed, 0)
        assert calls == []
        ing2 = await _ingest(in_pool, feed, 2)
        assert calls == ["_parse_part", "_analyse_chunk"]
    finally:
        await shutdown_pools()
    assert await _stored(in_thread) == await _stored(in_pool)
    repos0, repos2 = Repositories.over(in_thread), Repositories.over(in_pool)
    for query, regions in (("Абакане", ()), ("ремонт дороги", ()), ("школа", ("RU-KK",))):
        match, now = stems(query), int(NOW.timestamp())
        page0 = await repos0.search.search(match, regions=regions, limit=20, now=now)
        page2 = await repos2.search.search(match, regions=regions, limit=20, now=now)
        assert page0 == page2 and page0.articles, query
    assert ing0.pool.size == 0 and ing2.pool.size == 2
