"""End to end: /events, /event ID, /summary and their buttons — the real app
(``bot.app.build_app``) polling the Bot API emulator over HTTP."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from bot.events.grouping import link_article
from storage.articles import NewArticle, RegionTag
from storage.repos import Repositories
from tests.support.apps import EN_USER_ID, BotAppFactory
from tests.support.messages import buttons
from tests.support.shared import SEED, SEED_TITLE, read_shared


async def _article(
    repos: Repositories,
    url: str,
    title: str,
    text: str,
    published: datetime,
    regions: tuple[str, ...],
) -> int:
    ts = int(published.timestamp())
    [res] = await repos.articles.insert_many(
        [
            NewArticle(
                source_id=None,
                guid=None,
                url=url,
                title=title,
                text=text,
                summary=text[:200],
                published_at=ts,
                fetched_at=ts,
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
                regions=tuple(RegionTag(c, "[]") for c in regions),
            )
        ]
    )
    assert res.article_id is not None
    article = await repos.articles.get(res.article_id)
    assert article is not None
    await link_article(repos.events, article)
    return res.article_id


async def _seed_events(repos: Repositories) -> tuple[int, int]:
    """The seed forum (two reports) and a council session in Omsk; returns their event ids."""
    now = datetime.now(UTC)
    a = await _article(
        repos,
        "https://xn--80aaf.example/forum",
        SEED_TITLE,
        read_shared(SEED),
        now - timedelta(hours=30),
        ("RU-KK", "RU-MOW", "RU-TA"),
    )
    await _article(
        repos,
        "https://tatar.example/forum",
        "Татарстан и Хакасия подписали соглашение на форуме «Малая родина — сила России»",
        "Всероссийский муниципальный форум «Малая родина — сила России» прошёл в Москве. "
        "Совет муниципальных образований Татарстана подписал соглашение с Хакасией.",
        now - timedelta(hours=3),
        ("RU-TA", "RU-KK"),
    )
    b = await _article(
        repos,
        "https://omsk.example/session",
        "В Омске прошла сессия горсовета",
        "В Омске прошла сессия городского Совета. Депутаты утвердили бюджет на 2025 год.",
        now - timedelta(hours=2),
        ("RU-OMS",),
    )
    forum = await repos.events.event_of_article(a)
    session = await repos.events.event_of_article(b)
    assert forum is not None and session is not None and forum != session
    return forum, session


async def test_events_list_card_and_back(bot_app: BotAppFactory) -> None:
    """/events lists events newest first; a button opens the card and «back» the list, in place."""
    running = await bot_app()
    forum, session = await _seed_events(running.app.repos)

    [reply] = await running.say("/events")
    lines = reply["text"].split("\n")
    # Newest first: the session (one report), then the forum (two reports).
    assert lines[:3] == ["События", "", f"1. Сессия горсовета (№{session})"]
    assert lines[3] == "Омск · сообщений: 1"  # the place the report names, then the count
    assert lines[4] == f"2. Форум «Малая родина - сила России» (№{forum})"
    assert lines[5].endswith("· сообщений: 2")
    listed = buttons(reply)
    assert {data for _, data in listed} == {f"ev:{forum}:*", f"ev:{session}:*"}
    assert all(len(data.encode()) <= 64 for _, data in listed)

    answer = await running.press(reply, f"ev:{forum}:*")
    assert answer["answered"]
    card = running.message(running.default_user, reply["message_id"])
    assert card["edited"]
    assert "15 января" in card["text"]  # the year comes from the publication date
    assert "Москва" in card["text"]
    assert "89 — регионы" in card["text"]
    assert "Сергей Кириенко" in card["text"]
    assert "Великий Новгород" not in card["text"]
    assert buttons(card) == [("« К списку событий", "evl:*")]

    await running.press(card, "evl:*")
    back = running.message(running.default_user, reply["message_id"])
    assert "Малая родина - сила России" in back["text"]
    assert {d for _, d in buttons(back)} == {f"ev:{forum}:*", f"ev:{session}:*"}
    # one message, edited in place
    assert len(running.emulator.messages(running.default_user)) == 1


async def test_events_by_region(bot_app: BotAppFactory) -> None:
    """/events REGION lists only that region's events; an unknown region is named."""
    running = await bot_app()
    forum, session = await _seed_events(running.app.repos)
    [reply] = await running.say("/events омская область")
    assert {d for _, d in buttons(reply)} == {f"ev:{session}:RU-OMS"}
    [reply] = await running.say("/events Хакасия")
    assert {d for _, d in buttons(reply)} == {f"ev:{forum}:RU-KK"}
    [reply] = await running.say("/events Тьмутаракань")
    assert "Не знаю такого региона" in reply["text"]


async def test_event_card_command_and_bad_ids(bot_app: BotAppFactory) -> None:
    """/event ID shows the card; missing, non-numeric and absent ids get clear, escaped answers."""
    running = await bot_app()
    forum, _ = await _seed_events(running.app.repos)
    [reply] = await running.say(f"/event {forum}")
    assert reply["text"].startswith("Форум «Малая родина - сила России»")
    assert "Хакасия" in reply["text"]
    assert len(reply["text"]) <= 4096
    [reply] = await running.say("/event 999999")
    assert reply["text"] == "События №999999 нет. Список — /events."
    [reply] = await running.say("/event <b>abc</b>")
    assert "не номер события" in reply["text"]
    assert "«<b>abc</b>»" in reply["text"]  # escaped: shown as typed, not as bold
    [reply] = await running.say("/event")
    assert "/event 12" in reply["text"]
    [reply] = await running.say("/event 12", user_id=EN_USER_ID, language_code="en")
    assert reply["text"] == "There is no event #12. The list: /events."


async def test_forged_callbacks_change_nothing(bot_app: BotAppFactory) -> None:
    """Forged event buttons get an alert and leave the list message as it was."""
    running = await bot_app()
    await _seed_events(running.app.repos)
    [reply] = await running.say("/events")
    before = reply["text"]
    for data in ("ev:abc:*", "ev:1:RU-XX", "evl:../", "ev:99999:*"):
        answer = await running.press(reply, data)
        assert answer["answered"]
        assert answer.get("show_alert")
    assert running.message(running.default_user, reply["message_id"])["text"] == before


async def test_summary_digest_with_eventbuttons(bot_app: BotAppFactory) -> None:
    """/summary [week] [region] lists the period's news with a button per event."""
    running = await bot_app()
    forum, session = await _seed_events(running.app.repos)
    [today] = await running.say("/summary")
    assert today["text"].startswith("Сводка за сегодня")
    assert "Главные новости" in today["text"]
    assert "В Омске прошла сессия горсовета" in today["text"]
    assert {d for _, d in buttons(today)} == {f"ev:{forum}:*", f"ev:{session}:*"}
    [week] = await running.say("/summary week Хакасия")
    assert week["text"].startswith("Сводка за неделю · Республика Хакасия")
    assert "Омске" not in week["text"]
    assert {d for _, d in buttons(week)} == {f"ev:{forum}:RU-KK"}
    await running.press(week, f"ev:{forum}:RU-KK")
    card = running.message(running.default_user, week["message_id"])
    assert "Малая родина - сила России" in card["text"]
    assert buttons(card) == [("« К списку событий", "evl:RU-KK")]
    [en] = await running.say("/summary week", user_id=EN_USER_ID, language_code="en")
    assert en["text"].startswith("This week's summary")
    [bad] = await running.say("/summary неделя Нарния")
    assert "Не знаю такого региона" in bad["text"]
