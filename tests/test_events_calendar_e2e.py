"""End to end: the calendar — /events «Скоро» and «Прошли», the card's status, «Напомнить» and
the reminder it sends, a cancellation that drops it, and articles stored while the bot was
stopped. The real app (``bot.app.build_app``) polling the Bot API emulator over HTTP; articles
are stored as ingestion stores them and grouped by the app's own grouping tick."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.emulator import Emulator
from bot.ingest.pipeline import Ingestor
from storage.articles import NewArticle, RegionTag
from storage.db import open_database
from storage.repos import Repositories
from tests.support.apps import EN_USER_ID, BotAppFactory, RunningApp, make_settings
from tests.support.dates import ru_date

Factory = Callable[..., Awaitable[RunningApp]]
MSK = ZoneInfo("Europe/Moscow")


def _buttons(msg: dict[str, Any]) -> list[tuple[str, str]]:
    rows = (msg.get("reply_markup") or {}).get("inline_keyboard") or []
    return [(b["text"], b["callback_data"]) for row in rows for b in row]


async def _store(
    repos: Repositories,
    url: str,
    title: str,
    text: str,
    published: datetime,
    regions: tuple[str, ...] = ("RU-KK",),
) -> int:
    """Store an article as ingestion does (``grouped = 0``): the app's tick groups it."""
    ts = int(published.timestamp())
    [res] = await repos.articles.insert_many(
        [
            NewArticle(
                source_id=None, guid=None, url=url, title=title, text=text, summary=text[:200],
                published_at=ts, fetched_at=ts,
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
                regions=tuple(RegionTag(c, "[]") for c in regions),
            )
        ]
    )  # fmt: skip
    assert res.article_id is not None
    return res.article_id


async def _event_of(repos: Repositories, article_id: int, timeout: float = 15.0) -> int:
    """Wait for the grouping tick to link the article; its event id."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        event_id = await repos.events.event_of_article(article_id)
        if event_id is not None:
            return event_id
        assert asyncio.get_running_loop().time() < deadline, f"article {article_id} not grouped"
        await asyncio.sleep(0.1)


def _announce(name: str, kind: str, day: date, city: str = "Абакане") -> tuple[str, str]:
    return (
        f"В {city} пройдёт {kind} «{name}»",
        f"{kind.capitalize()} «{name}» пройдёт {ru_date(day)} в {city}. Приглашаем всех.",
    )


async def _seed_calendar(running: RunningApp) -> dict[str, int]:
    """Five events stored at once, grouped by one pass of the app's grouper."""
    repos: Repositories = running.app.repos
    now = datetime.now(UTC)
    today = now.astimezone(MSK).date()
    stored: dict[str, int] = {}
    for key, url, (title, text), published in (
        ("later", "https://a.example/1",
         _announce("Цифровой муниципалитет", "форум", today + timedelta(days=20)), now),
        ("sooner", "https://a.example/2",
         _announce("Наадым", "фестиваль", today + timedelta(days=4)), now),
        ("stale", "https://a.example/3",
         _announce("Село будущего", "конференция", today - timedelta(days=2)),
         now - timedelta(days=6)),
        ("cancelled", "https://a.example/4",
         _announce("Лето на Енисее", "фестиваль", today + timedelta(days=9)),
         now - timedelta(days=1)),
        ("held", "https://a.example/5",
         ("В Абакане прошёл форум «Малые города»",
          "Форум «Малые города» прошёл в Абакане. В нём участвовали 300 человек."),
         now - timedelta(hours=3)),
    ):  # fmt: skip
        stored[key] = await _store(repos, url, title, text, published)
    cancel = await _store(
        repos, "https://b.example/4", "Фестиваль «Лето на Енисее» отменён",
        "Фестиваль «Лето на Енисее» в Абакане отменён.", now - timedelta(hours=1),
    )  # fmt: skip
    await running.app.grouper.run()  # the grouping tick, without waiting for it
    ids = {key: await _event_of(repos, article_id) for key, article_id in stored.items()}
    assert await _event_of(repos, cancel) == ids["cancelled"]
    return ids


async def test_events_lists_soon_then_past_with_agreeing_numbers(bot_app: Factory) -> None:
    running = await bot_app()
    ids = await _seed_calendar(running)
    [reply] = await running.say("/events")
    text = reply["text"]
    soon, past = text.index("Скоро — 2 события"), text.index("Прошли — 2 события")
    assert soon < past
    order = [text.index(f"(№{ids[k]})") for k in ("sooner", "later", "held", "stale")]
    assert order == sorted(order) and order[0] > soon and order[2] > past
    assert "Лето на Енисее" not in text  # cancelled: on its card only
    assert (
        "не подтверждено"
        in text.splitlines()[
            text.splitlines().index(
                next(line for line in text.splitlines() if f"(№{ids['stale']})" in line)
            )
            + 1
        ]
    )
    # Item N is button N.
    buttons = _buttons(reply)
    expected = [ids[k] for k in ("sooner", "later", "held", "stale")]
    assert [data for _, data in buttons] == [f"ev:{i}:*" for i in expected]
    for n, (label, _) in enumerate(buttons, 1):
        assert label.startswith(f"{n}. ")
        line = next(line for line in text.splitlines() if line.startswith(f"{n}. "))
        assert label.removeprefix(f"{n}. ").rstrip("…")[:20] in line

    [en] = await running.say("/events", user_id=EN_USER_ID, language_code="en")
    assert "Coming up — 2 events" in en["text"] and "Past — 2 events" in en["text"]

    [card] = await running.say(f"/event {ids['cancelled']}")
    assert "Статус: отменено" in card["text"]
    assert _buttons(card) == [("« К списку событий", "evl:*")]  # no «Напомнить»
    [card] = await running.say(f"/event {ids['held']}")
    assert "Статус: состоялось" in card["text"]


async def test_remind_button_sends_the_reminder_the_day_before(
    emulator: Emulator, bot_app: BotAppFactory
) -> None:
    """«Напомнить» on an announced event: the reminder arrives at its local time."""
    # The reminder's local time: a few seconds from now, the day before the event.
    at = (datetime.now(UTC) + timedelta(seconds=8)).astimezone(MSK)
    day = at.date() + timedelta(days=1)
    running = await bot_app(
        events={"reminder_time": at.strftime("%H:%M:%S"), "reminder_days_before": 1}
    )
    try:
        repos = running.app.repos
        title, text = _announce("Цифровой муниципалитет", "форум", day)
        article_id = await _store(repos, "https://a.example/1", title, text, datetime.now(UTC))
        await running.app.grouper.run()  # the grouping tick, without waiting for it
        event_id = await _event_of(repos, article_id)
        [card] = await running.say(f"/event {event_id}")
        assert card["text"].startswith("Форум «Цифровой муниципалитет»")
        assert "Статус: анонсировано" in card["text"]
        assert "Место: Абакан" in card["text"]
        assert _buttons(card)[0] == ("Напомнить", f"evr:{event_id}:*")
        answer = await running.press(card, f"evr:{event_id}:*")
        assert answer["text"].startswith("Напомню ")
        edited = running.message(running.default_user, card["message_id"])
        assert _buttons(edited)[0] == ("Напоминание стоит", f"evr:{event_id}:*")
        assert "Напоминание: " in edited["text"]
        again = await running.press(edited, f"evr:{event_id}:*")
        assert again["text"].startswith("Напоминание уже стоит")
        found = await emulator.wait_messages(running.default_user, 2, timeout=20)
        [reminder] = found[1:]
        assert reminder["text"].startswith("Напоминание: завтра — Форум «Цифровой муниципалитет»")
        assert f"/event {event_id}" in reminder["text"]
        stored = await repos.reminders.get(running.default_user, 0, event_id)
        assert stored is not None and stored.status == "queued"
        assert stored.remind_at is not None
        assert stored.remind_at.astimezone(MSK).strftime("%H:%M:%S") == at.strftime("%H:%M:%S")
    finally:
        await running.stop()


async def test_cancellation_drops_the_reminder_with_a_notice(bot_app: Factory) -> None:
    running = await bot_app()
    repos = running.app.repos
    day = datetime.now(MSK).date() + timedelta(days=10)
    title, text = _announce("Цифровой муниципалитет", "форум", day)
    event_id = await _event_of(
        repos, await _store(repos, "https://a.example/1", title, text, datetime.now(UTC))
    )
    [card] = await running.say(f"/event {event_id}")
    await running.press(card, f"evr:{event_id}:*")
    [listing] = await running.say("/events")
    assert "Скоро — 1 событие" in listing["text"]

    await _store(
        repos, "https://b.example/2", "Форум «Цифровой муниципалитет» отменён",
        "Форум «Цифровой муниципалитет» в Абакане отменён.", datetime.now(UTC),
    )  # fmt: skip
    found = await running.emulator.wait_messages(running.default_user, 3, timeout=20)
    notice = found[2]
    assert notice["text"].startswith("Отменено: Форум «Цифровой муниципалитет». Напоминание снято.")
    stored = await repos.reminders.get(running.default_user, 0, event_id)
    assert stored is not None and stored.status == "dropped"
    [card] = await running.say(f"/event {event_id}")
    assert "Статус: отменено" in card["text"]
    assert "Напоминание:" not in card["text"]
    [listing] = await running.say("/events")
    assert "Цифровой муниципалитет" not in listing["text"]


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Абакан</title><link>https://abakan.example/</link>
<item><title>{title}</title><link>https://abakan.example/news/1</link>
<description>{text}</description><pubDate>{published}</pubDate></item>
</channel></rss>
"""


async def test_articles_ingested_while_the_bot_was_stopped_are_grouped_at_start(
    emulator: Emulator, bot_app: BotAppFactory, tmp_path: Path
) -> None:
    """An article another process stored while the bot was down becomes an event at start."""
    assert emulator.base_url is not None
    path = tmp_path / "shared.sqlite3"
    settings: Settings = make_settings(emulator.base_url, path)
    day = datetime.now(MSK).date() + timedelta(days=6)
    title, text = _announce("Цифровой муниципалитет", "форум", day)
    feed = tmp_path / "abakan.xml"
    published = datetime.now(UTC).strftime("%a, %d %b %Y %H:%M:%S +0000")
    feed.write_text(RSS.format(title=title, text=text, published=published), encoding="utf-8")
    # `python -m bot ingest` in another process: an Ingestor on the same file, no bot running.
    db = await open_database(await bot_app.storage_for(path))
    try:
        repos = Repositories.over(db)
        [report] = await Ingestor(settings.ingest, repos.sources, repos.articles).read_locations(
            [str(feed)]
        )
        assert report.ok and report.new == 1
        assert len(await repos.events.ungrouped_articles()) == 1
        assert await repos.events.recent() == []
    finally:
        await db.close()

    running = await bot_app(storage={"path": str(path)})
    try:
        [article_id] = [a.id for a in await running.app.repos.articles.latest()]
        event_id = await _event_of(running.app.repos, article_id)
        [reply] = await running.say("/events")
        assert "Скоро — 1 событие" in reply["text"]
        assert f"1. Форум «Цифровой муниципалитет» (№{event_id})" in reply["text"]
        assert format_day(day) in reply["text"]
        assert _buttons(reply) == [("1. Форум «Цифровой муниципалитет»", f"ev:{event_id}:*")]
    finally:
        await running.stop()


def format_day(day: date) -> str:
    return ru_date(day).removesuffix(" года")
