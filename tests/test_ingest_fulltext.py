"""Full text beside the lead: from the feed (yandex:full-text, turbo:content, content:encoded)
and from the article page, with real parts: a local HTTP server, the real Ingestor, SQLite."""

from __future__ import annotations

import asyncio
import itertools
import json
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest

from bot.config import IngestSettings
from bot.ingest.fulltext import analysis_text, clean_fragment, is_real_full_text
from bot.ingest.pipeline import Ingestor
from bot.search.engine import run_search
from bot.search.query import parse_query
from storage.db import Database, open_database
from storage.repos import Repositories
from tests.support.apps import EN_USER_ID, USER_ID, BotAppFactory
from tests.support.feeds import FeedServer

ROOT = Path(__file__).resolve().parents[1]

LEAD = "Делегация Хакасии провела рабочую встречу с соседями. Обсудили совместные проекты."
BODY = (
    "Делегация Хакасии провела рабочую встречу с соседями. Обсудили совместные проекты.\n\n"
    "Встреча прошла в Минусинске. Стороны договорились о ремонте моста через протоку и о "
    "совместном мониторинге паводка квадрокоптерами.\n\n"
    "Следующая встреча запланирована на осень."
)
SIDEBAR = "<h3>Читайте также</h3><p>В Великом Новгороде открыли новый сквер</p>"


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await open_database(tmp_path / "news.sqlite3")
    try:
        yield database
    finally:
        await database.close()


def ingestor(db: Database, hook: Any = None, **ingest: Any) -> Ingestor:
    repos = Repositories.over(db)
    settings = IngestSettings(
        **(
            {"timeout_seconds": 5, "page_delay_seconds": 0.0, "allow_private_addresses": True}
            | ingest
        )
    )
    return Ingestor(settings, repos.sources, repos.articles, after_store=hook)


def rss(items: list[str]) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:yandex="http://news.yandex.ru"'
        ' xmlns:turbo="http://turbo.yandex.ru"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<channel><title>Вести региона</title><link>https://region.example/</link>"
        + "".join(items)
        + "</channel></rss>"
    )


def item(slug: str, base: str, *, lead: str = LEAD, extra: str = "", title: str = "") -> str:
    when = format_datetime(datetime.now(UTC))
    return (
        f"<item><title>{title or 'Рабочая встреча ' + slug}</title>"
        f"<link>{base}/news/{slug}</link><guid>{slug}</guid><pubDate>{when}</pubDate>"
        f"<description><![CDATA[<p>{lead}</p>]]></description>{extra}</item>"
    )


def page(title: str, body: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f"<html><head><title>{title} | Вести региона</title></head><body>"
        "<nav><a href='/'>Главная</a> <a href='/news'>Новости</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        "<aside><h3>Последние новости</h3><ul><li>В Великом Новгороде открыли сквер</li>"
        "</ul></aside><footer>© Вести региона</footer></body></html>"
    )


async def article_row(db: Database, url_end: str) -> Any:
    concat = "group_concat(region)" if db.dialect == "sqlite" else "string_agg(region, ',')"
    row = await db.fetchone(
        "SELECT id, text, body, planned, full_text_until,"
        f" (SELECT {concat} FROM article_regions r WHERE r.article_id = a.id) AS reg"
        " FROM articles a WHERE url LIKE ?",
        (f"%{url_end}",),
    )
    assert row is not None
    return row


# --- the feed's full text ----------------------------------------------------------------


async def test_yandex_full_text_feeds_regions_and_search(
    server: FeedServer, db: Database, tmp_path: Path
) -> None:
    """A word and a town only in yandex:full-text are searchable and tag their region."""
    extra = f"<yandex:full-text>{BODY}</yandex:full-text>"
    url = server.add("/feed.xml", rss([item("visit", server.base_url, extra=extra)]))
    ing = ingestor(db)
    await ing.sources.add(url)
    [report] = await ing.poll_all()
    assert (report.new, report.error) == (1, None)
    row = await article_row(db, "/news/visit")
    assert row["text"] == LEAD  # the lead stays the lead
    assert "квадрокоптерами" in row["body"] and "Минусинске" in row["body"]
    assert set(row["reg"].split(",")) == {"RU-KK", "RU-KYA"}  # Минусинск: only in the body
    assert row["full_text_until"] is None  # nothing to wait for
    assert server.hits("/news/visit") == []  # the feed had the full text: no page read
    # Search through the repository finds the body-only word, with a snippet from the body.
    repos = Repositories.over(db)
    result = await run_search(repos.search, parse_query("квадрокоптеры"))
    assert [a.url for a in result.articles] == [f"{server.base_url}/news/visit"]
    assert "<b>квадрокоптерами</b>" in result.snippets[0]
    # ... and so does the CLI, a separate process on the same database file.
    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\npath = "{db.path}"\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "search", "--config", str(config), "квадрокоптер", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    [hit] = json.loads(done.stdout)["results"]
    assert hit["title"] == "Рабочая встреча visit" and "RU-KYA" in hit["regions"]


@pytest.mark.parametrize(
    "extra",
    [
        pytest.param(
            "<turbo:content><![CDATA[<header><h1>Рабочая встреча</h1>"
            "<figure><img src='/a.jpg'/><figcaption>Фото: пресс-служба, Великий Новгород"
            "</figcaption></figure></header>{paragraphs}"
            "<div data-block='share' data-network='vkontakte'></div>{sidebar}]]></turbo:content>",
            id="turbo:content",
        ),
        pytest.param(
            "<content:encoded><![CDATA[{paragraphs}"
            "<div class='related-news'><a href='/x'>В Великом Новгороде</a></div>{sidebar}"
            "]]></content:encoded>",
            id="content:encoded",
        ),
    ],
)
async def test_turbo_and_content_encoded(server: FeedServer, db: Database, extra: str) -> None:
    """HTML full text is cleaned like a page: header, share blocks, sidebars and tails go."""
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
    markup = extra.format(paragraphs=paragraphs, sidebar=SIDEBAR)
    url = server.add("/feed.xml", rss([item("visit", server.base_url, extra=markup)]))
    ing = ingestor(db)
    await ing.sources.add(url)
    await ing.poll_all()
    row = await article_row(db, "/news/visit")
    assert row["text"] == LEAD
    assert row["body"] == BODY
    assert set(row["reg"].split(",")) == {"RU-KK", "RU-KYA"}  # not RU-NGR from the sidebar
    assert server.hits("/news/visit") == []


async def test_full_text_that_repeats_the_lead_is_not_a_full_text(
    server: FeedServer, db: Database
) -> None:
    """content:encoded equal to the description is no full text; mode 'feed' reads no page."""
    extra = f"<content:encoded><![CDATA[<p>{LEAD}</p>]]></content:encoded>"
    url = server.add("/feed.xml", rss([item("same", server.base_url, extra=extra)]))
    ing = ingestor(db)
    await ing.sources.add(url, full_text="feed")
    await ing.poll_all()
    row = await article_row(db, "/news/same")
    assert (row["text"], row["body"], row["full_text_until"]) == (LEAD, None, None)
    assert server.hits("/news/same") == []


async def test_mode_off_keeps_the_lead_only(server: FeedServer, db: Database) -> None:
    extra = f"<yandex:full-text>{BODY}</yandex:full-text>"
    url = server.add("/feed.xml", rss([item("off", server.base_url, extra=extra)]))
    ing = ingestor(db)
    await ing.sources.add(url, full_text="off")
    await ing.poll_all()
    row = await article_row(db, "/news/off")
    assert (row["body"], row["reg"]) == (None, "RU-KK")
    assert server.hits("/news/off") == []


def test_cleaning_and_realness_rules() -> None:
    """The pure parts: boilerplate elements go, tails are cut, the lead repeated is not real."""
    html = (
        "<nav>Главная</nav><p>Первый абзац.</p><aside>Реклама в Томске</aside>"
        "<p>Второй абзац.</p><p>Читайте также: в Казани открыли парк</p>"
    )
    assert clean_fragment(html) == "Первый абзац.\n\nВторой абзац."
    assert not is_real_full_text(LEAD, LEAD + " ")
    assert is_real_full_text(LEAD, BODY)
    assert analysis_text(LEAD, BODY) == BODY  # the body repeats the lead: read it alone
    assert analysis_text("Тизер отдельно.", BODY).startswith("Тизер отдельно.\n\n")


# --- article pages -------------------------------------------------------------------------


async def test_lead_only_feed_pages_paced_per_host_once_each(
    server: FeedServer, db: Database
) -> None:
    """Pages of a lead-only feed: one request at a time per host, the delay between them,
    at most pages_per_poll per run, and each page read once across polls."""
    slugs = [f"n{i}" for i in range(6)]
    url = server.add("/feed.xml", rss([item(s, server.base_url) for s in slugs]))
    for s in slugs:
        server.add(f"/news/{s}", page(f"Рабочая встреча {s}", BODY), content_type="text/html")
    server.delay = 0.03  # each request takes a little time, so overlap would show
    ing = ingestor(db, pages_per_poll=4, page_delay_seconds=0.15)
    await ing.sources.add(url)
    await ing.poll_all()
    assert sorted(len(server.hits(f"/news/{s}")) for s in slugs) == [0, 0, 1, 1, 1, 1]
    await ing.poll_all()
    await ing.poll_all()  # nothing left: no page is read twice
    assert [len(server.hits(f"/news/{s}")) for s in slugs] == [1] * 6
    assert server.max_in_flight == 1
    pages = sorted((start, end) for path, start, end in server.timings if "/news/" in path)
    gaps = [b[0] - a[1] for a, b in itertools.pairwise(pages)]
    assert min(gaps) >= 0.15 - 0.01  # the delay between two requests to one host
    for s in slugs:
        row = await article_row(db, f"/news/{s}")
        assert (row["text"], row["full_text_until"]) == (LEAD, None)
        assert "квадрокоптерами" in row["body"] and "Новгород" not in row["body"]
        assert set(row["reg"].split(",")) == {"RU-KK", "RU-KYA"}
    statuses = await db.fetchall("SELECT status, count(*) FROM page_fetches GROUP BY status")
    assert [tuple(r) for r in statuses] == [("fetched", 6)]


async def test_failing_pages_leave_the_lead(server: FeedServer, db: Database) -> None:
    """A 404, a page without an article and a timeout: each article keeps its lead, stops
    waiting, reaches the hook, and its page is never asked for again."""
    calls: list[list[int]] = []

    async def hook(ids: list[int]) -> None:
        calls.append(ids)

    base = server.base_url
    items = [item("missing", base), item("empty", base), item("ok", base)]
    items.append(item("slow", base).replace(f"{base}/news/slow", f"{base}/slow"))
    url = server.add("/feed.xml", rss(items))
    server.add("/news/empty", "<html><body><nav>Меню</nav></body></html>", content_type="text/html")
    server.add("/news/ok", page("Рабочая встреча ok", BODY), content_type="text/html")
    ing = ingestor(db, hook, timeout_seconds=0.5)
    await ing.sources.add(url)
    await ing.poll_all()
    for slug in ("news/missing", "news/empty", "slow"):
        row = await article_row(db, f"/{slug}")
        assert (row["text"], row["body"], row["full_text_until"]) == (LEAD, None, None)
        assert row["reg"] == "RU-KK"
    ok = await article_row(db, "/news/ok")
    assert "квадрокоптерами" in ok["body"]
    assert sorted(i for c in calls for i in c) == sorted(
        [(await article_row(db, f"/{s}"))["id"] for s in ("news/missing", "news/empty", "slow")]
        + [ok["id"]]
    )
    failed = await db.fetchall("SELECT url, error FROM page_fetches WHERE status = 'failed'")
    assert len(failed) == 3 and all(r["error"] for r in failed)
    hits = len(server.requests)
    await ing.poll_all()
    assert len(server.requests) == hits + 1  # the feed only


# --- re-analysis before planning, through the app's real planner ------------------------


async def test_planning_waits_for_the_page_then_uses_its_regions(
    bot_app: BotAppFactory, server: FeedServer
) -> None:
    """An article due a page is not planned on its lead; once the page is read, its new
    region's subscriber gets it too, and nobody gets it twice."""
    running = await bot_app(ingest={"pages_per_poll": 5, "page_delay_seconds": 0})
    app, emulator = running.app, running.emulator
    await running.say("/subscribe Хакасия")
    await running.say("/subscribe Красноярский край", user_id=EN_USER_ID)
    url = server.add("/feed.xml", rss([item("visit", server.base_url)]))
    server.add("/news/visit", page("Рабочая встреча visit", BODY), content_type="text/html")
    source, _ = await app.repos.sources.add(url)
    async with app.ingestor.open_fetcher() as fetcher:  # the feed only, pages not yet
        report = await app.ingestor.poll_source(source, fetcher)
    assert report.new == 1
    row = await article_row(app.db, "/news/visit")
    assert row["planned"] == 0 and row["full_text_until"] > time.time()
    assert await app.planner.plan_pending() == 0  # waits for the page
    assert await app.db.fetchval("SELECT count(*) FROM deliveries") == 0
    pages = await app.ingestor.read_pages()
    assert pages.fetched == 1
    row = await article_row(app.db, "/news/visit")
    assert row["planned"] == 1 and set(row["reg"].split(",")) == {"RU-KK", "RU-KYA"}
    chats = await app.db.fetchall("SELECT chat_id FROM deliveries ORDER BY chat_id")
    assert [r[0] for r in chats] == sorted([USER_ID, EN_USER_ID])
    for chat in (USER_ID, EN_USER_ID):
        pushed = await emulator.wait_messages(chat, 2, timeout=10)
        assert "Рабочая встреча visit" in pushed[-1]["text"]


async def test_after_the_cap_the_lead_goes_out_then_the_page_adds_new_regions(
    bot_app: BotAppFactory, server: FeedServer
) -> None:
    """Past page_wait_seconds the lead is planned; a page read later adds deliveries only
    for the subscribers of its new regions, and nothing is sent twice."""
    # (a cap of a few seconds: a loaded machine may take over a second to store the feed)
    running = await bot_app(
        ingest={"pages_per_poll": 5, "page_delay_seconds": 0, "page_wait_seconds": 3}
    )
    app, emulator = running.app, running.emulator
    await running.say("/subscribe Хакасия")
    await running.say("/subscribe Красноярский край", user_id=EN_USER_ID)
    url = server.add("/feed.xml", rss([item("late", server.base_url)]))
    server.add("/news/late", page("Рабочая встреча late", BODY), content_type="text/html")
    source, _ = await app.repos.sources.add(url)
    async with app.ingestor.open_fetcher() as fetcher:
        await app.ingestor.poll_source(source, fetcher)
    until = (await article_row(app.db, "/news/late"))["full_text_until"]
    assert await app.planner.plan_pending() == 0
    await asyncio.sleep(max(0.0, until - time.time()) + 1.1)  # the cap passes: the lead goes
    assert await app.planner.plan_pending() == 1
    await emulator.wait_messages(USER_ID, 2, timeout=10)
    assert await app.db.fetchval("SELECT count(*) FROM deliveries") == 1
    await app.ingestor.read_pages()  # the page arrives late: Минусинск -> RU-KYA
    pushed = await emulator.wait_messages(EN_USER_ID, 2, timeout=10)
    assert "Рабочая встреча late" in pushed[-1]["text"]
    rows = await app.db.fetchall("SELECT chat_id, count(*) FROM deliveries GROUP BY chat_id")
    assert sorted(tuple(r) for r in rows) == sorted([(USER_ID, 1), (EN_USER_ID, 1)])
    await asyncio.sleep(0.3)
    assert len(emulator.messages(USER_ID)) == 2  # the /subscribe reply and one push


async def test_migration_0006_keeps_articles_and_sources(tmp_path: Path) -> None:
    """An install from before full text: its rows get no body, 'auto' and nothing queued."""
    from storage.db import apply_migrations
    from storage.migrations import MIGRATIONS

    path = tmp_path / "old.sqlite3"
    old = await open_database(path, migrate=False)
    try:
        await apply_migrations(old, MIGRATIONS[:5])
        async with old.write() as conn:
            await conn.execute(
                "INSERT INTO sources (id, url, created_at) VALUES (1, 'https://a.example/rss', 1)"
            )
            await conn.execute(
                "INSERT INTO articles (id, source_id, url, title, text, published_at, fetched_at,"
                " content_hash) VALUES (1, 1, 'https://a.example/1', 'T', 'Лид.', 1, 1, 'h')"
            )
    finally:
        await old.close()
    db = await open_database(path)
    try:
        assert await db.user_version() == MIGRATIONS[-1].version >= 6
        [source] = await Repositories.over(db).sources.list_all()
        assert source.full_text == "auto"
        article = await Repositories.over(db).articles.get(1)
        assert article is not None and (article.body, article.full_text) == (None, "Лид.")
        assert await Repositories.over(db).deliveries.unplanned() != []
        assert await db.fetchval("SELECT count(*) FROM page_fetches") == 0
    finally:
        await db.close()
