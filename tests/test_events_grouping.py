"""Grouping reports into events, with a real SQLite file."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.events.grouping import link_article, merge_reports, same_event
from storage.articles import Article, NewArticle, RegionTag
from storage.db import open_database
from storage.repos import Repositories
from tests.support.shared import SEED, SEED_TITLE, read_shared

# A second portal's report, two days later, with other wording and other facts.
TATAR_TITLE = (
    "Татарстан и Хакасия подписали соглашение на II Всероссийском муниципальном форуме "
    '"Малая родина — сила России"'
)
TATAR_TEXT = (
    "Всероссийский муниципальный форум «Малая родина — сила России» прошёл 15 января в Москве.\n"
    "Совет муниципальных образований Татарстана подписал соглашение с Хакасией.\n"
    "Председатель Совета Экзам Губайдуллин отметил, что форум собрал более 7,5 тысяч участников "
    "из 89 регионов. От Татарстана в форуме приняли участие 120 делегатов."
)


async def _store(
    repos: Repositories,
    url: str,
    title: str,
    text: str,
    published: datetime,
    regions: tuple[str, ...],
) -> Article:
    ts = int(published.timestamp())
    source, _ = await repos.sources.add(f"https://{url.split('/')[2]}/rss", title=url.split("/")[2])
    [result] = await repos.articles.insert_many(
        [
            NewArticle(
                source_id=source.id,
                guid=url,
                url=url,
                title=title,
                text=text,
                summary="",
                published_at=ts,
                fetched_at=ts,
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
                regions=tuple(RegionTag(code, "[]") for code in regions),
            )
        ]
    )
    assert result.article_id is not None
    article = await repos.articles.get(result.article_id)
    assert article is not None
    return article


@pytest.fixture
async def repos(tmp_path: Path) -> AsyncIterator[Repositories]:
    db = await open_database(tmp_path / "events.sqlite3")
    try:
        yield Repositories.over(db)
    finally:
        await db.close()


async def test_two_portals_days_apart_make_one_event_with_merged_facts(
    repos: Repositories,
) -> None:
    first = await _store(
        repos,
        "https://xn--80aaf.rf/news/1",
        SEED_TITLE,
        read_shared(SEED),
        datetime(2024, 1, 16, 9, tzinfo=UTC),
        ("RU-KK", "RU-MOW", "RU-TA"),
    )
    second = await _store(
        repos,
        "https://tatarstan.example/news/77",
        TATAR_TITLE,
        TATAR_TEXT,
        datetime(2024, 1, 18, 12, tzinfo=UTC),
        ("RU-TA", "RU-KK"),
    )
    event_a = await link_article(repos.events, first)
    event_b = await link_article(repos.events, second)
    assert event_a is not None
    assert event_a == event_b

    event = await repos.events.get(event_a)
    assert event is not None
    assert event.articles_count == 2
    assert event.kind == "форум"
    assert event.start_date == date(2024, 1, 15)
    assert event.city == "Москва"
    assert {"RU-KK", "RU-TA", "RU-MOW"} <= set(event.regions)
    assert event.summary

    facts = event.facts
    figures = {(f["unit"], f["value"]): f["sources"] for f in facts["figures"]}
    assert figures[("регионы", 89)] == [first.id, second.id]  # both reports say it
    assert figures[("эксперты", 250)] == [first.id]  # only the seed
    assert figures[("делегаты", 120)] == [second.id]  # only the second portal
    assert facts["date"]["sources"] == [first.id, second.id]
    people = {p["name"]: p for p in facts["people"]}
    assert people["Сергей Кириенко"]["sources"] == [first.id]
    assert set(people["Экзам Губайдуллин"]["sources"]) == {first.id, second.id}
    assert [t["name"] for t in facts["tracks"]] == [
        "Сила в традициях",
        "Сила в людях",
        "Сила в развитии",
    ]

    reports = await repos.events.articles(event_a)
    assert [r.article_id for r in reports] == [first.id, second.id]

    # linking again changes nothing
    assert await link_article(repos.events, second) == event_a
    again = await repos.events.get(event_a)
    assert again is not None
    assert again.articles_count == 2


async def test_nameless_sessions_group_by_kind_date_and_place(repos: Repositories) -> None:
    a = await _store(
        repos,
        "https://abakan.example/1",
        "В Абакане прошла сессия Совета депутатов",
        "24 октября в Абакане прошла сессия Совета депутатов. Депутаты утвердили бюджет.",
        datetime(2024, 10, 24, 15, tzinfo=UTC),
        ("RU-KK",),
    )
    b = await _store(
        repos,
        "https://khakasia.example/9",
        "Депутаты Абакана утвердили бюджет на сессии",
        "На сессии Совета депутатов Абакана 24 октября приняли бюджет на 2025 год.",
        datetime(2024, 10, 26, 8, tzinfo=UTC),
        ("RU-KK",),
    )
    other = await _store(
        repos,
        "https://omsk.example/3",
        "В Омске прошла сессия горсовета",
        "24 октября в Омске прошла сессия городского Совета. Депутаты избрали председателя.",
        datetime(2024, 10, 24, 12, tzinfo=UTC),
        ("RU-OMS",),
    )
    ea = await link_article(repos.events, a)
    eb = await link_article(repos.events, b)
    eo = await link_article(repos.events, other)
    assert ea is not None
    assert ea == eb
    assert eo is not None
    assert eo != ea
    recent = await repos.events.recent(region="RU-KK")
    assert [e.id for e in recent] == [ea]


async def test_non_event_article_links_to_nothing(repos: Repositories) -> None:
    art = await _store(
        repos,
        "https://x.example/fire",
        "Пожар в Абакане",
        "В Абакане горел склад, пострадавших нет.",
        datetime(2024, 10, 24, 15, tzinfo=UTC),
        ("RU-KK",),
    )
    assert await link_article(repos.events, art) is None
    assert await repos.events.recent() == []


def test_same_event_needs_the_same_kind_and_name() -> None:
    facts = {"kind": "форум", "key": "x", "published": "2024-01-16"}
    merged = merge_reports([(1, {**facts, "name": "X", "label": "форум", "figures": []})])
    assert merged.name == "X"
    from storage.events import EventRecord

    record = EventRecord(
        id=1,
        kind="форум",
        name="X",
        name_key="x",
        label="форум",
        start_date=None,
        end_date=None,
        date_text="",
        city=None,
        venue=None,
        regions=(),
        facts={},
        summary="",
        first_published_at=datetime(2024, 1, 16, tzinfo=UTC),
        last_published_at=datetime(2024, 1, 16, tzinfo=UTC),
        articles_count=1,
    )
    assert same_event(facts, record)
    assert not same_event({**facts, "kind": "съезд"}, record)
    assert not same_event({**facts, "key": "y"}, record)
