"""Rendering of event lists, event cards and the /summary digest (pure functions)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

from bot.events.render import format_dates, render_event_card, render_event_list
from bot.events.summary import render_digest, select_top_articles
from bot.render import MAX_MESSAGE_LEN, visible_len
from storage.articles import Article
from storage.events import EventRecord

NOW = datetime(2024, 1, 18, 12, tzinfo=UTC)
_ALLOWED = re.compile(r"</?(?:b|i|u|s|a|code|pre|blockquote|tg-spoiler)(?:\s[^>]*)?>")


def _article(i: int, title: str, hours_ago: float, **kw: Any) -> Article:
    published = NOW - timedelta(hours=hours_ago)
    fields: dict[str, Any] = {
        "id": i,
        "source_id": 1,
        "source_title": "Портал",
        "guid": None,
        "url": f"https://example.ru/{i}",
        "title": title,
        "text": title,
        "summary": "",
        "published_at": published,
        "fetched_at": published,
        "duplicate_of": None,
        "regions": ("RU-KK",),
    }
    fields.update(kw)
    return Article(**fields)


def _event(i: int = 1, **kw: Any) -> EventRecord:
    fields: dict[str, Any] = {
        "id": i,
        "kind": "форум",
        "name": "Малая родина - сила России",
        "name_key": "мал родин сил росс",
        "label": "форум",
        "start_date": date(2024, 1, 15),
        "end_date": None,
        "date_text": "15 января",
        "city": "Москва",
        "venue": "Международной выставки-форума «Россия»",
        "regions": ("RU-KK", "RU-MOW"),
        "facts": {
            "figures": [
                {"value": 7500, "unit": "представители", "text": "", "sources": [1]},
                {"value": 89, "unit": "регионы", "text": "", "sources": [1, 2]},
            ],
            "tracks": [{"name": "Сила в людях", "sources": [1]}],
            "agreements": [{"parties": ["Хакасия", "Татарстан"], "text": "", "sources": [1]}],
            "people": [{"name": "Сергей Кириенко", "role": "первый заместитель", "sources": [1]}],
        },
        "summary": "Форум объединил более 7,5 тысяч представителей <муниципалитетов>.",
        "first_published_at": NOW - timedelta(days=2),
        "last_published_at": NOW - timedelta(hours=5),
        "articles_count": 2,
    }
    fields.update(kw)
    return EventRecord(**fields)


def _only_allowed_tags(text: str) -> bool:
    return all(_ALLOWED.fullmatch(tag) for tag in re.findall(r"<[^>]*>", text))


def test_format_dates() -> None:
    assert format_dates(date(2024, 1, 15), None, "ru") == "15 января 2024"
    assert format_dates(date(2024, 1, 15), date(2024, 1, 17), "ru") == "15–17 января 2024"
    assert format_dates(date(2024, 5, 30), date(2024, 6, 2), "ru") == "30 мая – 2 июня 2024"
    assert format_dates(date(2024, 1, 15), date(2024, 1, 17), "en") == "January 15–17, 2024"
    assert format_dates(None, None, "ru") == ""


def test_event_card_has_the_facts_and_escapes() -> None:
    card = render_event_card(_event(), [_article(1, "Форум <завершился>", 30)], "ru")
    assert "Малая родина - сила России" in card
    assert "15 января 2024" in card
    assert "Москва" in card
    assert "7\u00a0500 — представители" in card
    assert "89 — регионы" in card
    assert "«Сила в людях»" in card
    assert "Хакасия — Татарстан" in card
    assert "Сергей Кириенко — первый заместитель" in card
    assert "&lt;муниципалитетов&gt;" in card
    assert "Форум &lt;завершился&gt;" in card
    assert 'href="https://example.ru/1"' in card
    assert _only_allowed_tags(card)


def test_event_card_in_english_and_within_limit() -> None:
    huge = _event(
        summary="слово " * 2000,
        facts={
            "people": [{"name": f"Имя{i} Фамилия", "role": "глава " * 40} for i in range(50)],
            "figures": [{"value": i, "unit": "участники"} for i in range(50)],
        },
    )
    reports = [_article(i, "Очень длинный заголовок " * 10, i) for i in range(1, 30)]
    card = render_event_card(huge, reports, "en")
    assert visible_len(card) <= MAX_MESSAGE_LEN  # what Telegram counts: the parsed text
    assert "Kind:" in card
    assert _only_allowed_tags(card)


def test_event_list_and_empty_list() -> None:
    text = render_event_list([], [_event(1), _event(2, name=None, label="сессия Совета")], "ru")
    assert "<b>Прошли</b> — 2 события" in text
    assert "1. <b>Форум «Малая родина - сила России»</b> (№1)" in text
    assert "2. <b>Сессия Совета</b> (№2)" in text
    assert "2 сообщения" in text
    assert (
        render_event_list([], [], "ru", "RU-KK")
        == "Событий в регионе «Республика Хакасия» пока нет."
    )
    assert render_event_list([], [], "en") == "No events yet."


def test_top_articles_skip_copies_and_second_reports_of_an_event() -> None:
    a1 = _article(1, "Форум: отчёт", 3)
    a2 = _article(2, "Форум: другой портал", 2)
    a3 = _article(3, "Копия отчёта", 1, duplicate_of=1)
    a4 = _article(4, "Сессия в Абакане", 1)
    top = select_top_articles([a1, a2, a3, a4], {1: 10, 2: 10}, limit=5)
    # a1 first: another portal copied it; a2 reports the same event; a3 is a copy.
    assert [a.id for a in top] == [1, 4]


def test_digest_lists_events_and_articles_of_the_period_only() -> None:
    fresh = _article(1, "Свежая новость", 3, summary="Кратко о <главном>.")
    old = _article(2, "Старая новость", 24 * 3)
    old_event = _event(2, last_published_at=NOW - timedelta(days=3))
    text = render_digest(
        [fresh, old], [_event(1), old_event], period="today", lang="ru", now=NOW, region="RU-KK"
    )
    assert text.startswith("<b>Сводка за сегодня</b> · Республика Хакасия")
    assert "Свежая новость" in text
    assert "Кратко о &lt;главном&gt;." in text
    assert "Старая новость" not in text
    assert "(№1)" in text
    assert "(№2)" not in text
    week = render_digest([fresh, old], [_event(1), old_event], period="week", lang="en", now=NOW)
    assert week.startswith("<b>This week's summary</b>")
    assert "Старая новость" in week
    assert "(№2)" in week
    assert _only_allowed_tags(week)


def test_empty_digest() -> None:
    text = render_digest([], [], period="week", lang="ru", now=NOW)
    assert text == "<b>Сводка за неделю</b>\nЗа этот период новостей нет."


def test_digest_within_limit() -> None:
    articles = [_article(i, "Заголовок " * 30, 1, summary="Лид " * 200) for i in range(1, 60)]
    text = render_digest(articles, [], period="today", lang="ru", now=NOW, article_limit=50)
    assert visible_len(text) <= MAX_MESSAGE_LEN
    assert _only_allowed_tags(text)
