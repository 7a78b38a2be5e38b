"""Admin source commands end to end: the real app, the Bot API emulator, a real feed server."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime, timedelta

from bot.render import pack_messages
from handlers.admin_sources import render_sources
from storage.sources import Source
from tests.support.apps import ADMIN_ID, USER_ID, BotAppFactory, RunningApp
from tests.support.feeds import FEEDS, FeedServer


async def admin(running: RunningApp, text: str, expect: int = 1, lang: str = "ru") -> list[str]:
    replies = await running.say(text, user_id=ADMIN_ID, expect=expect, language_code=lang)
    return [r["text"] for r in replies]


async def test_only_admins_manage_sources(bot_app: BotAppFactory) -> None:
    """Source commands from a non-admin are refused and change nothing."""
    running = await bot_app()
    for command in ("/sources", "/addsource https://x.example/rss", "/delsource 1", "/fetch"):
        [reply] = await running.say(command, user_id=USER_ID)
        assert reply["text"] == "Эта команда доступна только администраторам бота."
    assert await running.app.repos.sources.count() == 0


async def test_add_list_fetch_and_delete(bot_app: BotAppFactory, server: FeedServer) -> None:
    """/addsource validates and reads at once, /fetch reports errors, /sources lists, /delsource."""
    running = await bot_app()
    assert (await admin(running, "/sources"))[0].startswith("Источников пока нет")
    url = server.add_file("/rh.xml", FEEDS / "rss20_cp1251.xml")

    # Validation: the URL, then the region.
    [bad] = await admin(running, "/addsource ftp://files.example/rss")
    assert "не похоже на адрес" in bad
    [bad] = await admin(running, "/addsource /etc/passwd")
    assert "не похоже на адрес" in bad
    [usage] = await admin(running, "/addsource")
    assert usage.startswith("Формат:")
    [unknown] = await admin(running, f"/addsource {url} Нарния")
    assert unknown.startswith("Не знаю такого региона: «Нарния»")
    assert await running.app.repos.sources.count() == 0

    # Added with a region in any form, and read at once.
    added, report = await admin(running, f"/addsource {url} хакасии", expect=2)
    assert added == "Источник #1 добавлен (регион: Республика Хакасия (RU-KK)). Читаю его…"
    assert "✅ #1 Вести Хакасии: новых 2, дубликатов 0" in report
    articles = await running.app.repos.articles.latest(limit=5)
    assert len(articles) == 2 and all("RU-KK" in a.regions for a in articles)
    [again] = await admin(running, f"/addsource {url}")
    assert again.startswith("Этот источник уже есть: #1")

    # A broken source next to it.
    missing = server.url("/missing.xml")
    await admin(running, f"/addsource {missing}", expect=2)
    polling, summary = await admin(running, "/fetch", expect=2)
    assert polling == "Опрашиваю источники: 2…"
    assert "#1 Вести Хакасии: новых 0, дубликатов 2" in summary
    # Its id: 2 on SQLite; PostgreSQL's sequence also counted the refused duplicate above.
    found = re.search(rf"❌ #(\d+) {re.escape(missing)}: HTTP 404 Not Found", summary)
    assert found is not None, summary
    broken = found.group(1)
    assert "Всего новых статей: 0, с ошибкой: 1" in summary

    [listing] = await admin(running, "/sources")
    assert listing.startswith("Источники (2)")
    assert "#1 Вести Хакасии" in listing and url in listing
    assert "Регион: Республика Хакасия (RU-KK)" in listing
    assert "статей всего 2" in listing
    assert "⚠️ Ошибка (2 подряд" in listing and "HTTP 404 Not Found" in listing
    assert "Следующий опрос: через" in listing

    [english] = await admin(running, "/sources", lang="en")
    assert english.startswith("Sources (2)")
    assert "Error (2 in a row" in english and "Next poll: in" in english

    [deleted] = await admin(running, f"/delsource {broken}")
    assert deleted.startswith(f"Источник #{broken} удалён")
    [gone] = await admin(running, f"/delsource {broken}")
    assert gone == f"Нет источника с номером {broken}."
    [usage] = await admin(running, "/delsource два", lang="en")
    assert usage.startswith("Usage: /delsource ID")
    assert [s.id for s in await running.app.repos.sources.list_all()] == [1]
    # The articles of a deleted source stay.
    assert len(await running.app.repos.articles.latest(limit=5)) == 2


async def test_sources_are_escaped_and_split(bot_app: BotAppFactory) -> None:
    """/sources escapes titles and errors and splits a long list into messages under 4096."""
    running = await bot_app()
    repo = running.app.repos.sources
    await repo.add("https://a.example/rss?x=1&y=<2>", title="<b>Портал & Ко</b>")
    for i in range(40):
        await repo.add(f"https://portal{i}.example/" + "news/" * 30 + "rss", region="RU-KK")
    first = await repo.get(1)
    assert first is not None
    await repo.record_failure(first.id, "bad <xml> & worse", next_poll_at=0)
    expected = render_sources(await repo.list_all(), "ru")
    assert len(expected) >= 3
    replies = await admin(running, "/sources", expect=len(expected))
    assert len(replies) == len(expected)
    assert all(len(text) <= 4096 for text in replies)
    joined = "\n".join(replies)
    assert "<b>Портал & Ко</b>" in joined  # shown literally, not as markup
    assert "bad <xml> & worse" in joined
    assert "#41" in joined and joined.count("Регион: Республика Хакасия") == 40
    raw = running.emulator.call_log("sendMessage")[-len(expected)]["params"]["text"]
    assert "&lt;b&gt;Портал &amp; Ко&lt;/b&gt;" in raw


def _source(i: int, **kw: object) -> Source:
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    base: dict[str, object] = {
        "id": i, "url": f"https://s{i}.example/rss", "title": "", "region": None,
        "origin": "db", "interval_seconds": 900, "enabled": True, "etag": None,
        "last_modified": None, "last_success_at": now - timedelta(minutes=5),
        "last_error": None, "last_error_at": None, "failures": 0,
        "next_poll_at": now + timedelta(minutes=10), "items_total": 3, "last_new": 1,
        "last_polled_at": None, "created_at": now,
    }  # fmt: skip
    return Source(**(base | kw))  # type: ignore[arg-type]


def test_render_sources_times_and_languages() -> None:
    """The source list shows relative times in ru and en; pack_messages never cuts markup."""
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    [ru] = render_sources([_source(1), _source(2, enabled=False, last_success_at=None)], "ru", now)
    assert "Успех: 5 мин назад" in ru and "Следующий опрос: через 10 мин" in ru
    assert "<b>#2</b> s2.example (выключен)" in ru and "Успех: ещё не было" in ru
    [en] = render_sources([_source(1)], "en", now)
    assert "Success: 5 min ago" in en and "Next poll: in 10 min" in en
    assert pack_messages(["a" * 3000, "b" * 3000]) == ["a" * 3000, "b" * 3000]
    [cut] = pack_messages(["<b>" + "x" * 5000 + "</b>"])
    assert len(cut) <= 4096 and "<b>" not in cut


async def test_config_sources_polled_by_the_apps_scheduler(
    bot_app: BotAppFactory, server: FeedServer
) -> None:
    """Sources from the config are polled by the app's scheduler at start and planned at once."""

    url = server.add_file("/rh.xml", FEEDS / "rss20_cp1251.xml")
    running = await bot_app(sources=[{"url": url, "region": "RU-KK", "interval_seconds": 60}])
    # The app's own scheduler syncs the config's source and polls it right at start; the
    # after-store hook then plans the new articles (planned = 1).
    db = running.app.db
    planned = 0
    for _ in range(400):
        planned = await db.fetchval("SELECT count(*) FROM articles WHERE planned = 1")
        source = await running.app.repos.sources.get(1)
        # (the poll records its success after the store and its hook: wait for both)
        if planned == 2 and source is not None and source.last_success_at is not None:
            break
        await asyncio.sleep(0.05)
    assert await running.app.repos.articles.count() == 2
    assert planned == 2
    [listing] = await admin(running, "/sources")
    assert "#1 Вести Хакасии · из конфига" in listing
    assert "Регион: Республика Хакасия (RU-KK)" in listing and "статей всего 2" in listing
    # /fetch uses the same Ingestor (and hook): nothing new now.
    _, summary = await admin(running, "/fetch", expect=2)
    assert "новых 0, дубликатов 2" in summary
    assert await running.app.repos.articles.count() == 2
