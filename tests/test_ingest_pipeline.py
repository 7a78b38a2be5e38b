"""The ingest pipeline end to end: a real local HTTP server, a real SQLite file, real parsers."""

from __future__ import annotations

import asyncio
import json
import os
import random
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot import jobs
from bot.config import IngestSettings, Settings, SourceSettings
from bot.ingest.pipeline import Ingestor
from storage.db import Database, open_database
from storage.repos import Repositories
from storage.sources import Source
from tests.support.fakes import FakeClock
from tests.support.feeds import FEEDS, FeedServer
from tests.support.shared import LENTA_FEEDS, lenta_files, needs_shared

LENTA_FILES = lenta_files()


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await open_database(tmp_path / "news.sqlite3")
    try:
        yield database
    finally:
        await database.close()


class Hook:
    def __init__(self) -> None:
        self.calls: list[list[int]] = []

    async def __call__(self, ids: list[int]) -> None:
        self.calls.append(list(ids))


# The local feed server is on 127.0.0.1: allowed here (the guard has its own tests).
# The feed server is on 127.0.0.1; the fixtures' item links are not real pages.
LOCAL = IngestSettings(allow_private_addresses=True, pages_per_poll=0)


def make_ingestor(
    db: Database, hook: Hook | None = None, clock: Any = time.time, **ingest: Any
) -> Ingestor:
    repos = Repositories.over(db)
    # The fixtures' item links are not real pages: reading them is tested in
    # test_ingest_fulltext.py. The feed server is on 127.0.0.1.
    cfg = IngestSettings(
        **({"timeout_seconds": 5, "pages_per_poll": 0, "allow_private_addresses": True} | ingest)
    )
    return Ingestor(
        cfg, repos.sources, repos.articles, after_store=hook, clock=clock, rng=random.Random(3)
    )


async def add_source(ing: Ingestor, url: str, **kw: Any) -> Source:
    source, created = await ing.sources.add(url, **kw)
    assert created
    return source


@needs_shared(LENTA_FEEDS)
async def test_lenta_feeds_then_304_costs_nothing(server: FeedServer, db: Database) -> None:
    """Real feeds store 398 articles with FTS and regions; a 304 then stores nothing."""
    hook = Hook()
    ing = make_ingestor(db, hook)
    urls = [
        server.add_file(f"/lenta{i}.xml", path, etag=f'"lenta-{i}"')
        for i, path in enumerate(LENTA_FILES)
    ]
    for url in urls:
        await add_source(ing, url, interval_seconds=600)
    reports = await ing.poll_all()
    assert [r.error for r in reports] == [None, None]
    # 400 items; the 2022 feed lists two stories twice (same guid and link).
    assert sum(r.new + r.duplicates for r in reports) == 398
    assert sum(r.seen for r in reports) == 2
    assert await db.fetchval("SELECT count(*) FROM articles") == 398
    assert await db.fetchval("SELECT count(*) FROM articles WHERE planned != 0") == 0
    fts = await db.fetchval("SELECT count(*) FROM articles_fts")
    assert fts == 398
    # The hook got exactly the new non-duplicate ids.
    hooked = sorted(i for call in hook.calls for i in call)
    originals = [
        r[0] for r in await db.fetchall("SELECT id FROM articles WHERE duplicate_of IS NULL")
    ]
    assert hooked == sorted(originals)
    # Region rows carry the article's published_at and JSON evidence.
    row = await db.fetchone(
        "SELECT r.published_at = a.published_at AS same, r.evidence FROM article_regions r"
        " JOIN articles a ON a.id = r.article_id LIMIT 1"
    )
    assert row is not None and row["same"] == 1
    assert {"text", "start", "end", "kind"} <= set(json.loads(row["evidence"])[0])
    # Source state: success recorded, title learnt from the feed, validators kept.
    states = await ing.sources.list_all()
    assert all(s.last_success_at and s.failures == 0 for s in states)
    assert {s.title for s in states} == {"Lenta.ru : Новости"}
    assert states[0].etag == '"lenta-0"' and states[0].items_total + states[1].items_total > 390
    # Second poll: the server answers 304, nothing is parsed or stored.
    again = await ing.poll_all()
    assert all(r.not_modified and r.new == 0 for r in again)
    assert server.hits("/lenta0.xml")[-1]["If-None-Match"] == '"lenta-0"'
    assert await db.fetchval("SELECT count(*) FROM articles") == 398
    assert len(hook.calls) == 2  # no call for the 304s


async def test_same_items_again_are_not_stored_twice(server: FeedServer, db: Database) -> None:
    """The same items with other tracking parameters are recognised and not stored again."""
    ing = make_ingestor(db)
    url = server.add_file("/cp1251.xml", FEEDS / "rss20_cp1251.xml")
    source = await add_source(ing, url)
    first = await ing.poll_all()
    assert first[0].new == 2
    # Same items, new tracking parameters on the links: same canonical URL and guid.
    body = (FEEDS / "rss20_cp1251.xml").read_bytes().replace(b"utm_medium=feed", b"utm_medium=x")
    server.add("/cp1251.xml", body)
    second = await ing.poll_all()
    assert (second[0].new, second[0].seen) == (0, 2)
    assert await db.fetchval("SELECT count(*) FROM articles") == 2
    stored = await db.fetchone("SELECT url, guid, source_id FROM articles ORDER BY id LIMIT 1")
    assert stored is not None
    assert tuple(stored) == ("https://vesti-rh.example/news/1001", "vesti-1001", source.id)


async def test_republished_press_release_is_linked_not_new(
    server: FeedServer, db: Database
) -> None:
    """A republished press release is linked to the original, not announced as new."""
    hook = Hook()
    ing = make_ingestor(db, hook)
    a = await add_source(ing, server.add_file("/a.xml", FEEDS / "rss20_cp1251.xml"))
    b = await add_source(ing, server.add_file("/b.xml", FEEDS / "rss20_copy.xml"))
    [ra] = await ing._poll_many([a])
    [rb] = await ing._poll_many([b])
    assert (ra.new, rb.new, rb.duplicates) == (2, 0, 1)
    rows = await db.fetchall("SELECT id, url, duplicate_of, source_id FROM articles ORDER BY id")
    original = next(r for r in rows if r["url"] == "https://vesti-rh.example/news/1001")
    copy = next(r for r in rows if r["url"].startswith("https://sibnews.example"))
    assert copy["duplicate_of"] == original["id"] and original["duplicate_of"] is None
    assert copy["id"] not in [i for call in hook.calls for i in call]
    # Latest listings leave the copy out; the repository shows it on request.
    latest = await ing.articles.latest(limit=10)
    assert copy["id"] not in [x.id for x in latest]
    everything = await ing.articles.latest(limit=10, include_duplicates=True)
    assert copy["id"] in [x.id for x in everything]
    # An exact copy (same words, other markup) on a third portal links to the same original.
    c_body = (FEEDS / "rss20_cp1251.xml").read_bytes().replace(b"vesti-rh.example", b"c.example")
    c = await add_source(ing, server.add("/c.xml", c_body))
    [rc] = await ing._poll_many([c])
    assert rc.duplicates >= 1
    third = await db.fetchone(
        "SELECT duplicate_of FROM articles WHERE url = 'https://c.example/news/1001'"
    )
    assert third is not None and third[0] == original["id"]


async def test_region_of_the_source_and_of_the_text(server: FeedServer, db: Database) -> None:
    """An article gets its text's regions and its source's, never the sidebar's."""
    ing = make_ingestor(db)
    page = server.add_file("/forum.html", FEEDS / "page_sidebar.html", content_type="text/html")
    source = await add_source(ing, page, region="RU-TA")
    [report] = await ing._poll_many([source])
    assert report.new == 1, report
    [article] = await ing.articles.latest(limit=5)
    assert article.title == "Форум «Малая родина — сила России» открылся в Москве"
    assert "RU-MOW" in article.regions and "RU-KK" in article.regions
    assert "RU-TA" in article.regions  # from the source's config
    assert "RU-NGR" not in article.regions  # «Великий Новгород» was only in the sidebar
    assert "Последние новости" not in article.text
    by_region = await ing.articles.latest(limit=5, region="RU-KK")
    assert [x.id for x in by_region] == [article.id]
    assert await ing.articles.latest(limit=5, region="RU-NGR") == []


async def test_koi8r_page_over_http_without_a_header_charset(
    server: FeedServer, db: Database
) -> None:
    """A KOI8-R page without a header charset is decoded, dated and tagged."""
    ing = make_ingestor(db)
    url = server.add_file("/fest", FEEDS / "page_koi8.html", content_type="text/html")
    source = await add_source(ing, url)
    [report] = await ing._poll_many([source])
    assert report.ok and report.new == 1
    [article] = await ing.articles.latest()
    assert article.title.startswith('Фестиваль "Золотая осень"')
    assert article.published_at.isoformat() == "2026-11-20T07:15:00+00:00"
    assert "RU-TA" in article.regions


async def test_failing_source_backs_off_and_the_others_go_on(
    server: FeedServer, db: Database
) -> None:
    """A failing source backs off 200, 400, 800, 1000 s; others go on; recovery resets it."""
    clock = FakeClock(1_800_000_000.0)
    ing = make_ingestor(db, clock=clock, max_backoff_seconds=1000)
    good = await add_source(
        ing, server.add_file("/ok.xml", FEEDS / "atom.xml"), interval_seconds=100
    )
    bad = await add_source(ing, server.url("/missing.xml"), interval_seconds=100)
    slow = await add_source(ing, server.url("/slow"), interval_seconds=100)
    await ing.sources.set_next_poll(good.id, 0)
    ing.settings = IngestSettings(
        timeout_seconds=0.3,
        max_backoff_seconds=1000,
        allow_private_addresses=True,
        pages_per_poll=0,
    )
    reports = {r.source_id: r for r in await ing.poll_due(now=int(clock.now))}
    assert reports[good.id].ok and reports[good.id].new == 2
    assert "HTTP 404" in (reports[bad.id].error or "")
    assert "timed out" in (reports[slow.id].error or "")
    delays = []
    for _ in range(6):
        state = await ing.sources.get(bad.id)
        assert state is not None
        delays.append(state.next_poll_at.timestamp() - clock.now)
        clock.now = state.next_poll_at.timestamp()
        await ing.poll_due(now=int(clock.now))
    state = await ing.sources.get(bad.id)
    assert state is not None and state.failures == 7 and state.last_error == "HTTP 404 Not Found"
    # 200, 400, 800, then capped at 1000 (each +-10 % jitter).
    assert 180 <= delays[0] <= 220 and 360 <= delays[1] <= 440 and 720 <= delays[2] <= 880
    assert all(900 <= d <= 1100 for d in delays[3:])
    # The good source was polled on its own schedule meanwhile, and its state is clean.
    ok = await ing.sources.get(good.id)
    assert ok is not None and ok.failures == 0 and ok.last_error is None
    # The source recovers: failures reset, the normal interval again.
    server.add_file("/missing.xml", FEEDS / "rss10.rdf")
    clock.now = (await ing.sources.get(bad.id)).next_poll_at.timestamp()  # type: ignore[union-attr]
    await ing.poll_due(now=int(clock.now))
    state = await ing.sources.get(bad.id)
    assert state is not None and state.failures == 0 and state.last_error is None
    assert 90 <= state.next_poll_at.timestamp() - clock.now <= 110


@needs_shared(LENTA_FEEDS)
async def test_any_bytes_never_damage_what_is_stored(server: FeedServer, db: Database) -> None:
    """Junk, bombs and oversize bodies give a reason and never change stored articles."""
    ing = make_ingestor(db, max_bytes=300_000)
    url = server.add_file("/feed.xml", LENTA_FILES[0])
    source = await add_source(ing, url)
    await ing._poll_many([source])
    before = await db.fetchall("SELECT id, url, title, text, published_at FROM articles")
    assert len(before) == 200
    truncated = LENTA_FILES[0].read_bytes()[:120_000]
    html_page = (FEEDS / "page_sidebar.html").read_bytes()
    junk: list[bytes] = [
        os.urandom(50_000),
        b"\x00" * 1000,
        b"",
        truncated,
        b"<rss version='2.0'><channel>" + b"<item><title>" * 10_000,
        "<html><body><p>Не фид</p></body></html>".encode("cp1251"),
        html_page,
        b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;"
        b"&a;&a;&a;&a;'><!ENTITY c '&b;&b;&b;&b;&b;&b;&b;'>]><rss><channel><item><title>&c;&c;"
        b"</title><link>https://bomb.example/1</link></item></channel></rss>",
    ]
    for body in junk:
        server.add("/feed.xml", body)
        [report] = await ing._poll_many([source])
        assert report.ok or report.error  # a reason, never an exception
    server.add("/feed.xml", b"<rss>" + b"x" * 400_000)
    [report] = await ing._poll_many([source])
    assert report.error is not None and "too large" in report.error
    after = await db.fetchall(
        f"SELECT id, url, title, text, published_at FROM articles WHERE id <= {before[-1]['id']}"
    )
    assert [tuple(r) for r in after] == [tuple(r) for r in before]
    state = await ing.sources.get(source.id)
    assert state is not None and state.failures >= 1


async def test_bad_items_skipped_with_reasons(server: FeedServer, db: Database) -> None:
    """Items without a usable link are skipped with reasons; markup never reaches titles."""
    ing = make_ingestor(db)
    source = await add_source(ing, server.add_file("/bad.xml", FEEDS / "bad_items.xml"))
    [report] = await ing._poll_many([source])
    # Two items have no web link (none, javascript:): stored without one; one is empty.
    assert report.ok and report.new == 5 and report.skipped == 1
    titles = {a.title for a in await ing.articles.latest()}
    assert "Глава района провёл приём граждан" in titles
    assert not any("alert" in t or "<" in t for t in titles)
    # The linkless ones are pushed as text: their title is no link.
    from bot.render import render_push

    for article in await ing.articles.latest():
        if article.title in ("Новость без ссылки", "Ссылка-javascript"):
            assert article.url.startswith("urn:") and "<a " not in render_push(article, "ru")


async def test_folder_source_reads_every_file(db: Database, tmp_path: Path) -> None:
    """A folder or file:// location reads every file and records a disabled CLI source."""
    folder = tmp_path / "feeds"
    folder.mkdir()
    for name in ("atom.xml", "rss10.rdf", "page_koi8.html"):
        (folder / name).write_bytes((FEEDS / name).read_bytes())
    (folder / "noise.xml").write_bytes(os.urandom(3000))
    ing = make_ingestor(db)
    [report] = await ing.read_locations([str(folder)])
    assert report.ok and report.new == 4 and report.skipped == 1
    assert any("noise.xml" in r for r in report.reasons)
    source = await ing.sources.get_by_url(str(folder.resolve()))
    assert source is not None and source.origin == "cli" and not source.enabled
    file_uri = (FEEDS / "rss091.xml").resolve().as_uri()
    [report] = await ing.read_locations([file_uri])
    assert report.new == 1


async def test_after_store_failure_does_not_stop_ingestion(
    server: FeedServer, db: Database
) -> None:
    """A failing after-store hook does not fail the source or lose the articles."""

    async def broken(ids: list[int]) -> None:
        raise RuntimeError("planner bug")

    ing = make_ingestor(db)
    ing.after_store = broken
    source = await add_source(ing, server.add_file("/atom.xml", FEEDS / "atom.xml"))
    [report] = await ing._poll_many([source])
    assert report.ok and report.new == 2
    state = await ing.sources.get(source.id)
    assert state is not None and state.failures == 0


@needs_shared(LENTA_FEEDS)
async def test_two_processes_write_one_file(server: FeedServer, tmp_path: Path) -> None:
    """The bot and the CLI: two Database objects (two connections) on one SQLite file."""
    path = tmp_path / "shared.sqlite3"
    bot_db = await open_database(path)
    cli_db = await open_database(path)
    try:
        bot_ing = make_ingestor(bot_db)
        cli_ing = make_ingestor(cli_db)
        urls = [server.add_file(f"/l{i}.xml", p) for i, p in enumerate(LENTA_FILES)]
        await add_source(bot_ing, urls[0])
        reports = await asyncio.gather(bot_ing.poll_all(), cli_ing.read_locations([urls[1]]))
        assert reports[0][0].ok and reports[1][0].ok
        stored = sum(r[0].new + r[0].duplicates for r in reports)
        assert stored == 398
        # Each connection sees the other's rows.
        assert await bot_db.fetchval("SELECT count(*) FROM articles") == 398
        assert await cli_db.fetchval("SELECT count(*) FROM articles") == 398
        assert await bot_db.fetchval("SELECT count(DISTINCT source_id) FROM articles") == 2
    finally:
        await bot_db.close()
        await cli_db.close()


@needs_shared(LENTA_FEEDS)
async def test_the_event_loop_stays_responsive(server: FeedServer, db: Database) -> None:
    """Parsing big feeds runs off the event loop: ticks never lag 0.5 s."""
    ing = make_ingestor(db)
    for i, path in enumerate(LENTA_FILES):
        await add_source(ing, server.add_file(f"/r{i}.xml", path))
    lags: list[float] = []
    done = asyncio.Event()

    async def ticker() -> None:
        loop = asyncio.get_running_loop()
        while not done.is_set():
            start = loop.time()
            await asyncio.sleep(0.01)
            lags.append(loop.time() - start - 0.01)

    tick = asyncio.create_task(ticker())
    await ing.poll_all()
    done.set()
    await tick
    assert len(lags) > 10
    assert max(lags) < 0.5  # parsing and analysis ran in a worker thread


# --- scheduling ----------------------------------------------------------------------


async def test_poll_due_job_called_directly_syncs_config_first(
    server: FeedServer, db: Database
) -> None:
    """The poll job syncs config sources first, then polls only what is due."""
    url = server.add_file("/atom.xml", FEEDS / "atom.xml")
    settings = Settings(
        sources=(SourceSettings(url=url, region="RU-KHM", interval_seconds=60),),
        ingest=LOCAL,
    )
    repos = Repositories.over(db)
    ingestor = Ingestor(settings.ingest, repos.sources, repos.articles)
    reports = await jobs.poll_due(ingestor, settings)
    assert [(r.new, r.error) for r in reports] == [(2, None)]
    [source] = await ingestor.sources.list_all()
    assert (source.origin, source.region, source.interval_seconds) == ("config", "RU-KHM", 60)
    assert all("RU-KHM" in a.regions for a in await ingestor.articles.latest())
    # Not due again until its interval (with jitter) has passed.
    assert await jobs.poll_due(ingestor, settings) == []
    assert 50 <= source.next_poll_at.timestamp() - time.time() <= 70
    assert len(server.hits("/atom.xml")) == 1
    # A source removed from the config is disabled, not deleted; a returning one is enabled.
    await ingestor.sync_config(Settings())
    assert (await ingestor.sources.get(source.id)).enabled is False
    await ingestor.sync_config(settings)
    assert (await ingestor.sources.get(source.id)).enabled is True


async def test_scheduler_runs_the_poll_job(server: FeedServer, db: Database) -> None:
    """The scheduler's poll job polls each config source once and hooks the new ids."""
    urls = [
        server.add_file(f"/s{i}.xml", FEEDS / n) for i, n in enumerate(["atom.xml", "rss10.rdf"])
    ]
    settings = Settings(
        sources=tuple(SourceSettings(url=u, interval_seconds=10) for u in urls), ingest=LOCAL
    )
    repos = Repositories.over(db)
    hook = Hook()
    ingestor = Ingestor(settings.ingest, repos.sources, repos.articles, after_store=hook)
    scheduler = AsyncIOScheduler(timezone="UTC")
    jobs.add_poll_job(scheduler, ingestor, settings, tick_seconds=0.2)
    [job] = scheduler.get_jobs()
    assert job.id == jobs.POLL_JOB_ID and job.max_instances == 1 and job.coalesce
    scheduler.start()
    try:
        for _ in range(100):
            if await db.fetchval("SELECT count(*) FROM articles") == 3:
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.5)  # a few more ticks: nothing is due, nothing changes
    finally:
        scheduler.shutdown(wait=False)
    assert await db.fetchval("SELECT count(*) FROM articles") == 3
    assert sorted(len(c) for c in hook.calls) == [1, 2]
    assert {len(server.hits("/s0.xml")), len(server.hits("/s1.xml"))} == {1}
    sources = await repos.sources.list_all()
    assert all(s.origin == "config" and s.last_success_at is not None for s in sources)


async def test_a_bug_in_analysis_or_code_loses_one_item_or_one_source(
    server: FeedServer, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug in analysis loses one item; a bug in storing fails one source, not all."""
    from bot.text.regions import tag_regions as real

    def flaky(text: str, **hints: Any) -> Any:
        if "биатлон" in text:
            raise ValueError("tagger bug")
        return real(text, **hints)

    monkeypatch.setattr("bot.ingest.pipeline.tag_regions", flaky)
    ing = make_ingestor(db)
    atom = await add_source(ing, server.add_file("/atom.xml", FEEDS / "atom.xml"))
    [report] = await ing._poll_many([atom])
    assert report.ok and report.new == 1 and report.skipped == 1
    assert any("analysis failed (ValueError)" in r for r in report.reasons)

    async def broken(*args: Any, **kwargs: Any) -> str:
        raise RuntimeError("unexpected")

    rdf = await add_source(ing, server.add_file("/rdf.xml", FEEDS / "rss10.rdf"))
    monkeypatch.setattr(ing, "_store_document", broken)
    reports = await ing._poll_many([rdf])
    assert reports[0].error == "internal error: RuntimeError: unexpected"
    state = await ing.sources.get(rdf.id)
    assert (
        state is not None and state.failures == 1 and state.next_poll_at.timestamp() > time.time()
    )


async def test_deleting_an_article_removes_its_index_rows(server: FeedServer, db: Database) -> None:
    """Deleting an article removes its FTS, LSH and region rows, no one else's."""
    ing = make_ingestor(db)
    source = await add_source(ing, server.add_file("/rh.xml", FEEDS / "rss20_cp1251.xml"))
    await ing._poll_many([source])
    article_id = await db.fetchval("SELECT min(id) FROM articles")
    counts = (
        "SELECT (SELECT count(*) FROM articles_fts WHERE rowid = ?),"
        " (SELECT count(*) FROM article_lsh_bands WHERE article_id = ?),"
        " (SELECT count(*) FROM article_regions WHERE article_id = ?)"
    )
    before = await db.fetchone(counts, (article_id,) * 3)
    assert before is not None and tuple(before) == (1, 16, 1)
    async with db.write() as conn:
        await conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    after = await db.fetchone(counts, (article_id,) * 3)
    assert after is not None and tuple(after) == (0, 0, 0)
    # The other article and its index rows are untouched.
    assert await db.fetchval("SELECT count(*) FROM articles_fts") == 1
