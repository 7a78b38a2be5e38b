"""The calendar half of events: status merged from reports, postponed dates, storage-driven
grouping, the calendar queries and reminders — with a real SQLite file, no Telegram."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.delivery.reminders import run_reminders
from bot.events.calendar import ReminderPolicy, remind_at
from bot.events.grouping import EventGrouper, link_article, merge_reports, merge_status
from bot.i18n import plural_ru
from storage.articles import Article, NewArticle, RegionTag
from storage.db import open_database
from storage.repos import Repositories
from storage.subscriptions import ChatSettings
from tests.support.dates import ru_date

PUBLISHED = datetime(2026, 6, 1, 8, tzinfo=UTC)


def _facts(status: str, published: str, **kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "kind": "сессия", "name": None, "label": "сессия", "key": "", "status": status,
        "published": published, "date": None, "end_date": None, "regions": ["RU-KK"],
        "article_regions": ["RU-KK"], "city": "Абакан",
    }  # fmt: skip
    return base | kw


# --- status rules (pure) --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        (["announced"], "announced"),
        (["announced", "held"], "held"),
        (["held", "announced"], "held"),  # a late announcement never overrides
        (["announced", "cancelled"], "cancelled"),
        (["cancelled", "announced"], "cancelled"),
        (["announced", "postponed", "announced"], "postponed"),
        (["announced", "cancelled", "held"], "held"),  # it went ahead after all
        (["postponed", "held"], "held"),
        (["held", "cancelled"], "cancelled"),  # the latest decides
    ],
)
def test_status_follows_the_reports_in_publication_order(said: list[str], expected: str) -> None:
    reports = [(i, {"status": s}) for i, s in enumerate(said, 1)]
    status, decided = merge_status(reports)
    assert status == expected
    assert decided is not None and said[decided - 1] == expected


def test_postponement_moves_the_dates_and_keeps_the_former_ones() -> None:
    reports = [
        (1, _facts("announced", "2026-06-01", date="2026-07-10")),
        (2, _facts("postponed", "2026-06-05", date="2026-07-10", new_date="2026-07-17")),
        (3, _facts("announced", "2026-06-07", date="2026-07-10")),  # a stale repeat
    ]
    merged = merge_reports(reports)
    assert merged.status == "postponed"
    assert (merged.start_date, merged.end_date) == (date(2026, 7, 17), None)
    assert merged.facts["former_date"] == {"value": "2026-07-10", "sources": [2]}
    assert merged.facts["date"]["sources"] == [2]
    held = merge_reports([*reports, (4, _facts("held", "2026-07-18", date="2026-07-17"))])
    assert held.status == "held"
    assert held.start_date == date(2026, 7, 17)


def test_postponement_without_a_new_date_leaves_the_event_undated() -> None:
    merged = merge_reports(
        [
            (1, _facts("announced", "2026-06-01", date="2026-07-10")),
            (2, _facts("postponed", "2026-06-05")),
        ]
    )
    assert merged.status == "postponed"
    assert merged.start_date is None
    assert merged.facts["former_date"]["value"] == "2026-07-10"
    later = merge_reports(
        [
            (1, _facts("announced", "2026-06-01", date="2026-07-10")),
            (2, _facts("postponed", "2026-06-05")),
            (3, _facts("announced", "2026-06-20", date="2026-08-04")),
        ]
    )
    assert (later.status, later.start_date) == ("postponed", date(2026, 8, 4))


def test_plural_forms() -> None:
    forms = ("событие", "события", "событий")
    assert [plural_ru(n, *forms) for n in (1, 2, 5, 11, 12, 21, 22, 25, 101, 111)] == [
        "событие", "события", "событий", "событий", "событий",
        "событие", "события", "событий", "событие", "событий",
    ]  # fmt: skip


def test_reminder_the_day_before_in_the_chats_zone_out_of_quiet_hours() -> None:
    policy = ReminderPolicy(time(10, 0), 1)
    plain = ChatSettings(chat_id=1)
    now = datetime(2026, 7, 1, tzinfo=UTC)
    at = remind_at(date(2026, 7, 10), zone="Asia/Krasnoyarsk", settings=plain, policy=policy,
                   now=now)  # fmt: skip
    assert at == datetime(2026, 7, 9, 3, 0, tzinfo=UTC)  # 10:00 in Krasnoyarsk (UTC+7)
    quiet = ChatSettings(chat_id=1, quiet_start="08:00", quiet_end="11:30")
    at = remind_at(date(2026, 7, 10), zone="Europe/Moscow", settings=quiet, policy=policy, now=now)
    assert at == datetime(2026, 7, 9, 8, 30, tzinfo=UTC)  # the end of quiet hours, 11:30 MSK
    # The day before has passed: the morning of the day; that too: too late.
    late = datetime(2026, 7, 9, 12, tzinfo=UTC)
    at = remind_at(date(2026, 7, 10), zone="Europe/Moscow", settings=plain, policy=policy, now=late)
    assert at == datetime(2026, 7, 10, 7, 0, tzinfo=UTC)
    later = datetime(2026, 7, 10, 12, tzinfo=UTC)
    assert remind_at(date(2026, 7, 10), zone="Europe/Moscow", settings=plain, policy=policy,
                     now=later) is None  # fmt: skip


# --- grouping with storage ------------------------------------------------------------------


@pytest.fixture
async def repos(tmp_path: Path) -> AsyncIterator[Repositories]:
    db = await open_database(tmp_path / "calendar.sqlite3")
    try:
        yield Repositories.over(db)
    finally:
        await db.close()


async def store(
    repos: Repositories,
    url: str,
    title: str,
    text: str,
    published: datetime,
    regions: tuple[str, ...] = ("RU-KK",),
    *,
    duplicate: bool = False,
) -> Article:
    ts = int(published.timestamp())
    [result] = await repos.articles.insert_many(
        [
            NewArticle(
                source_id=None, guid=None, url=url, title=title, text=text, summary="",
                published_at=ts, fetched_at=ts,
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
                lsh_keys=((0, 1),) if duplicate else (),  # the same hash: a copy
                regions=tuple(RegionTag(code, "[]") for code in regions),
            )
        ]
    )  # fmt: skip
    assert result.article_id is not None
    article = await repos.articles.get(result.article_id)
    assert article is not None
    return article


ANNOUNCE = (
    "В Абакане пройдёт форум «Цифровой муниципалитет»",
    "Форум «Цифровой муниципалитет» пройдёт {d} в Абакане. Приглашаем глав поселений.",
)


async def test_announcement_then_report_is_one_held_event(repos: Repositories) -> None:
    day = date(2026, 6, 20)
    a = await store(repos, "https://a.example/1", ANNOUNCE[0],
                    ANNOUNCE[1].format(d=ru_date(day)), PUBLISHED)  # fmt: skip
    b = await store(
        repos, "https://b.example/2", "В Абакане прошёл форум «Цифровой муниципалитет»",
        "Форум «Цифровой муниципалитет» прошёл в Абакане. В нём участвовали 300 человек.",
        PUBLISHED + timedelta(days=20),
    )  # fmt: skip
    ea = await link_article(repos.events, a)
    assert ea is not None
    event = await repos.events.get(ea)
    assert event is not None and (event.status, event.start_date) == ("announced", day)
    assert await link_article(repos.events, b) == ea
    event = await repos.events.get(ea)
    assert event is not None
    assert (event.status, event.start_date, event.articles_count) == ("held", day, 2)


async def test_cancellation_and_postponement_of_a_named_event(repos: Repositories) -> None:
    day, new = date(2026, 6, 20), date(2026, 7, 4)
    a = await store(repos, "https://a.example/1", ANNOUNCE[0],
                    ANNOUNCE[1].format(d=ru_date(day)), PUBLISHED)  # fmt: skip
    p = await store(
        repos, "https://b.example/2", "Форум «Цифровой муниципалитет» перенесён",
        f"Форум «Цифровой муниципалитет», назначенный на {ru_date(day)}, перенесён на "
        f"{ru_date(new)}. Он пройдёт в Абакане.",
        PUBLISHED + timedelta(days=3),
    )  # fmt: skip
    event_id = await link_article(repos.events, a)
    assert await link_article(repos.events, p) == event_id
    assert event_id is not None
    event = await repos.events.get(event_id)
    assert event is not None
    assert (event.status, event.start_date, event.former_dates) == ("postponed", new, (day, day))
    c = await store(
        repos, "https://c.example/3", "Форум «Цифровой муниципалитет» отменён",
        "Форум «Цифровой муниципалитет» в Абакане отменён.", PUBLISHED + timedelta(days=5),
    )  # fmt: skip
    assert await link_article(repos.events, c) == event_id
    event = await repos.events.get(event_id)
    assert event is not None and event.status == "cancelled"
    today = date(2026, 6, 10)
    assert await repos.events.upcoming(today=today) == []
    assert await repos.events.past(today=today) == []  # cancelled: on its card only


async def test_nameless_undated_announcement_meets_the_later_report(repos: Repositories) -> None:
    notice = await store(
        repos, "https://omsk.example/1", "В Омске пройдёт сессия горсовета",
        "Очередная сессия городского Совета Омска состоится в ближайшее время.",
        PUBLISHED, ("RU-OMS",),
    )  # fmt: skip
    report = await store(
        repos, "https://omsk.example/2", "В Омске прошла сессия горсовета",
        "Сессия городского Совета прошла в Омске. Депутаты утвердили бюджет.",
        PUBLISHED + timedelta(days=12), ("RU-OMS",),
    )  # fmt: skip
    elsewhere = await store(
        repos, "https://abakan.example/3", "В Абакане прошла сессия Совета депутатов",
        "Сессия Совета депутатов прошла в Абакане.", PUBLISHED + timedelta(days=12),
    )  # fmt: skip
    first = await link_article(repos.events, notice)
    assert first is not None
    event = await repos.events.get(first)
    assert event is not None
    assert (event.status, event.start_date) == ("announced", None)  # not its publication day
    assert await link_article(repos.events, report) == first
    assert await link_article(repos.events, elsewhere) not in (None, first)
    event = await repos.events.get(first)
    assert event is not None and event.status == "held"


async def test_undated_held_reports_weeks_apart_stay_apart(repos: Repositories) -> None:
    text = "Сессия Совета депутатов прошла в Абакане. Депутаты утвердили отчёт."
    a = await store(repos, "https://a.example/1", "В Абакане прошла сессия", text, PUBLISHED)
    b = await store(repos, "https://a.example/2", "В Абакане прошла сессия Совета",
                    text + " Приняты решения.", PUBLISHED + timedelta(days=21))  # fmt: skip
    ea = await link_article(repos.events, a)
    eb = await link_article(repos.events, b)
    assert ea is not None and eb is not None and ea != eb


async def test_grouper_reads_every_ungrouped_article_once(repos: Repositories) -> None:
    day = date(2026, 6, 20)
    text = ANNOUNCE[1].format(d=ru_date(day))
    a = await store(repos, "https://a.example/1", ANNOUNCE[0], text, PUBLISHED)
    copy = await store(repos, "https://b.example/1", ANNOUNCE[0], text, PUBLISHED, duplicate=True)
    other = await store(repos, "https://c.example/1", "Пожар в Абакане",
                        "В Абакане горел склад.", PUBLISHED)  # fmt: skip
    assert copy.duplicate_of == a.id
    grouper = EventGrouper(repos.articles, repos.events, batch_size=2)
    assert await grouper.run() == 3
    assert await repos.events.ungrouped_articles() == []
    assert await grouper.run() == 0
    linked = await repos.events.events_of_articles([a.id, copy.id, other.id])
    assert list(linked) == [a.id]


async def test_calendar_queries(repos: Repositories) -> None:
    today = PUBLISHED.date()
    soon_late = await store(repos, "https://a.example/1", ANNOUNCE[0],
                            ANNOUNCE[1].format(d=ru_date(today + timedelta(days=30))),
                            PUBLISHED)  # fmt: skip
    soon_early = await store(
        repos, "https://a.example/2", "В Абакане пройдёт фестиваль «Наадым»",
        f"Фестиваль «Наадым» пройдёт {ru_date(today + timedelta(days=3))} в Абакане.", PUBLISHED,
    )  # fmt: skip
    stale = await store(
        repos, "https://a.example/3", "В Абакане пройдёт конференция «Село будущего»",
        f"Конференция «Село будущего» пройдёт {ru_date(today + timedelta(days=2))} в Абакане.",
        PUBLISHED - timedelta(days=5),
    )  # fmt: skip
    ids = [await link_article(repos.events, x) for x in (soon_late, soon_early, stale)]
    soon = await repos.events.upcoming(today=today + timedelta(days=3))
    assert [e.id for e in soon] == [ids[1], ids[0]]  # soonest first
    past = await repos.events.past(today=today + timedelta(days=3))
    assert [e.id for e in past] == [ids[2]]  # announced, its date over: unconfirmed
    assert await repos.events.upcoming(today=today, region="RU-OMS") == []


# --- reminders ------------------------------------------------------------------------------


async def _chat(repos: Repositories, chat_id: int = 501) -> int:
    await repos.chats.upsert(chat_id, "private", "Тест", "ru")
    return chat_id


async def _pending_messages(repos: Repositories) -> list[tuple[int, str, int]]:
    rows = await repos.db.fetchall(
        "SELECT chat_id, payload, not_before FROM deliveries WHERE status = 'pending' ORDER BY id"
    )
    return [(r[0], r[1], r[2]) for r in rows]


async def test_reminder_is_queued_when_due_and_follows_a_cancellation(
    repos: Repositories,
) -> None:
    chat = await _chat(repos)
    day = date(2026, 6, 20)
    a = await store(repos, "https://a.example/1", ANNOUNCE[0],
                    ANNOUNCE[1].format(d=ru_date(day)), PUBLISHED)  # fmt: skip
    event_id = await link_article(repos.events, a)
    assert event_id is not None
    policy = ReminderPolicy(time(10, 0), 1)
    at = datetime(2026, 6, 19, 7, tzinfo=UTC)
    assert await repos.reminders.add(chat, 0, event_id, day, at)
    assert not await repos.reminders.add(chat, 0, event_id, day, at)  # set already
    assert await run_reminders(repos, policy, now=at - timedelta(minutes=1)) == 0
    assert await run_reminders(repos, policy, now=at) == 1
    assert await run_reminders(repos, policy, now=at) == 0  # never twice
    [(to, text, _)] = await _pending_messages(repos)
    assert to == chat
    assert text.startswith("<b>Напоминание</b>: завтра — <b>Форум «Цифровой муниципалитет»</b>")
    assert f"/event {event_id}" in text

    # A second chat's reminder, then the event is cancelled: dropped with a notice.
    other = await _chat(repos, 502)
    assert await repos.reminders.add(other, 0, event_id, day, at)
    c = await store(repos, "https://c.example/3", "Форум «Цифровой муниципалитет» отменён",
                    "Форум «Цифровой муниципалитет» в Абакане отменён.",
                    PUBLISHED + timedelta(days=5))  # fmt: skip
    assert await link_article(repos.events, c) == event_id
    assert await run_reminders(repos, policy, now=at - timedelta(days=3)) == 1
    reminder = await repos.reminders.get(other, 0, event_id)
    assert reminder is not None and reminder.status == "dropped"
    assert (
        "Отменено</b>: <b>Форум «Цифровой муниципалитет»</b>"
        in (await _pending_messages(repos))[-1][1]
    )
    assert await run_reminders(repos, policy, now=at) == 0


async def test_reminder_moves_with_a_postponement_and_respects_quiet_hours(
    repos: Repositories,
) -> None:
    chat = await _chat(repos)
    await repos.subscriptions.update_settings(
        chat, timezone="Europe/Moscow", quiet_start="22:00", quiet_end="08:00"
    )
    day, new = date(2026, 6, 20), date(2026, 7, 4)
    a = await store(repos, "https://a.example/1", ANNOUNCE[0],
                    ANNOUNCE[1].format(d=ru_date(day)), PUBLISHED)  # fmt: skip
    event_id = await link_article(repos.events, a)
    assert event_id is not None
    assert await repos.reminders.add(chat, 0, event_id, day, datetime(2026, 6, 19, 7, tzinfo=UTC))
    p = await store(
        repos, "https://b.example/2", "Форум «Цифровой муниципалитет» перенесён",
        f"Форум «Цифровой муниципалитет», назначенный на {ru_date(day)}, перенесён на "
        f"{ru_date(new)}. Он пройдёт в Абакане.",
        PUBLISHED + timedelta(days=3),
    )  # fmt: skip
    assert await link_article(repos.events, p) == event_id
    night = datetime(2026, 6, 4, 21, tzinfo=UTC)  # 00:00 in Moscow: quiet
    assert await run_reminders(repos, ReminderPolicy(), now=night) == 1
    reminder = await repos.reminders.get(chat, 0, event_id)
    assert reminder is not None
    assert (reminder.status, reminder.event_date) == ("pending", new)
    assert reminder.remind_at == datetime(2026, 7, 3, 7, tzinfo=UTC)  # 10:00 MSK the day before
    [(_, text, not_before)] = await _pending_messages(repos)
    assert "Перенесено</b>: <b>Форум «Цифровой муниципалитет»</b> — теперь 4 июля 2026" in text
    assert "Напомню 3 июля в 10:00." in text
    assert not_before == int(datetime(2026, 6, 5, 5, tzinfo=UTC).timestamp())  # 08:00 MSK


async def test_card_shows_the_status_and_the_former_dates(repos: Repositories) -> None:
    from bot.events.render import render_event_card

    day, new = date(2026, 6, 20), date(2026, 7, 4)
    a = await store(repos, "https://a.example/1", ANNOUNCE[0],
                    ANNOUNCE[1].format(d=ru_date(day)), PUBLISHED)  # fmt: skip
    p = await store(
        repos, "https://b.example/2", "Форум «Цифровой муниципалитет» перенесён",
        f"Форум «Цифровой муниципалитет», назначенный на {ru_date(day)}, перенесён на "
        f"{ru_date(new)}. Он пройдёт в Абакане.",
        PUBLISHED + timedelta(days=3),
    )  # fmt: skip
    event_id = await link_article(repos.events, a)
    await link_article(repos.events, p)
    assert event_id is not None
    event = await repos.events.get(event_id)
    assert event is not None
    card = render_event_card(event, [], "ru", today=PUBLISHED.date())
    assert "Статус: перенесено" in card
    assert "Даты: 4 июля 2026 (перенесено с 20 июня 2026)" in card
    assert "Место: Абакан" in card
    card = render_event_card(event, [], "en", today=PUBLISHED.date())
    assert "Status: postponed" in card
    assert "Dates: July 4, 2026 (moved from June 20, 2026)" in card
    # Its date over and nobody reported it held: unconfirmed.
    late = render_event_card(event, [], "ru", today=date(2026, 7, 10))
    assert "Статус: анонсировано, дата прошла — не подтверждено" in late


async def test_grouping_tick_survives_a_failing_pass(
    repos: Repositories, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A failing grouping pass is logged and backed off; the next tick groups the article."""
    import sqlite3

    from bot.jobs import group_events
    from bot.supervise import guarded
    from tests.support.fakes import FakeClock

    a = await store(repos, "https://a.example/1", ANNOUNCE[0],
                    ANNOUNCE[1].format(d=ru_date(date(2026, 6, 20))), PUBLISHED)  # fmt: skip
    grouper = EventGrouper(repos.articles, repos.events)
    real = repos.events.ungrouped_articles
    calls = 0

    async def flaky(limit: int = 100) -> Any:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise sqlite3.OperationalError("database is locked")
        return await real(limit)

    monkeypatch.setattr(repos.events, "ungrouped_articles", flaky)
    clock = FakeClock()
    job = guarded("events-group", group_events, clock=clock)
    assert await job(grouper) is None  # logged, not raised
    assert "job events-group failed; retrying in 1 s" in caplog.text
    assert await repos.events.event_of_article(a.id) is None
    clock.advance(2)
    assert await job(grouper) == 1  # the next tick takes it again
    assert await repos.events.event_of_article(a.id) is not None
