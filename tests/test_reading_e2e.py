"""End to end: /latest, /search and their «Ещё» paging by editing, hostile input, forged
buttons, a restart between pages — the real app (``bot.app.build_app``) polling the Bot API
emulator over HTTP, articles stored as ingestion stores them."""

from __future__ import annotations

from typing import Any

from tests.support.apps import EN_USER_ID, USER_ID, BotAppFactory, RunningApp
from tests.support.articles import Item, mark_duplicate, numbered, store
from tests.support.hostile import HOSTILE
from tests.support.messages import buttons

OOPS = "Что-то пошло не так"


def _button(msg: dict[str, Any]) -> str | None:
    """The «Ещё» button's data, or None when the page is the last."""
    found = buttons(msg)
    return found[0][1] if found else None


async def _page_through(running: RunningApp, msg: dict[str, Any]) -> list[dict[str, Any]]:
    """Press «Ещё» until it is gone; returns the message after each press."""
    states = []
    while (data := _button(msg)) is not None:
        assert len(data.encode()) <= 64
        answer = await running.press(msg, data)
        assert answer["answered"] and not answer.get("show_alert")
        msg = running.message(USER_ID, msg["message_id"])
        states.append(msg)
        assert len(states) < 20
    return states


async def test_latest_by_region_pages_by_editing(bot_app: BotAppFactory) -> None:
    """/latest REGION shows 5 articles; «Ещё» edits the same message until none are left."""
    running = await bot_app()
    await store(running.app.db, numbered(12, "RU-KK") + numbered(3, "RU-TA", word="казань"))
    [reply] = await running.say("/latest хакасии")
    text = reply["text"]
    assert "Последние новости: Республика Хакасия" in text
    assert "1. Новость номер 0" in text and "5. Новость номер 4" in text
    assert "Новость номер 5" not in text and "Казань" not in text
    assert reply["link_preview_options"] == {"is_disabled": True}
    assert any(e["type"] == "text_link" for e in reply["entities"])
    states = await _page_through(running, reply)
    assert len(states) == 2  # 5, then 5, then 2 with no «Ещё» left
    assert all(s["edited"] for s in states)
    assert "6. Новость номер 5" in states[0]["text"] and "10. Новость номер 9" in states[0]["text"]
    assert "12. Новость номер 11" in states[1]["text"]
    assert _button(states[0]) is not None and _button(states[1]) is None
    # only one message was ever sent: pages replaced it
    assert len(running.emulator.messages(USER_ID)) == 1


async def test_latest_count_clamped_and_local_time(bot_app: BotAppFactory) -> None:
    """/latest N is clamped to 20, a lone number is a count; times are the chat's (Moscow: no
    subscription, no zone set), named once since the region's zone differs."""
    running = await bot_app()
    await store(running.app.db, numbered(25, "RU-KK"))
    [reply] = await running.say("/latest Хакасия 30")
    assert "20. Новость номер 19" in reply["text"] and "21." not in reply["text"]
    [count] = await running.say("/latest 500")  # no region has number 500: a count
    assert (
        count["text"].startswith("🗞 Последние новости\n")
        and "20. Новость номер 19" in count["text"]
    )
    [two] = await running.say("/latest 19 2")
    assert "2. Новость номер 1" in two["text"] and "3." not in two["text"]
    article = (await running.app.repos.search.latest(["RU-KK"], limit=1)).articles[0]
    from bot.render import format_time

    shown = format_time(article.published_at, "ru", zone="Europe/Moscow")
    assert f"{shown} МСК ·" in two["text"]  # the chat's (Moscow) time, the zone named
    assert two["text"].count("МСК") == 1


async def test_latest_hides_duplicates(bot_app: BotAppFactory) -> None:
    """/latest leaves out articles marked as copies of another."""
    running = await bot_app()
    ids = await store(running.app.db, numbered(3, "RU-KK"))
    await mark_duplicate(running.app.db, ids[1], ids[0])
    [reply] = await running.say("/latest хакасия")
    assert "Новость номер 0" in reply["text"] and "Новость номер 1" not in reply["text"]


async def test_latest_uses_subscriptions_then_everything(bot_app: BotAppFactory) -> None:
    """/latest without a region shows everything, then only the chat's subscriptions."""
    running = await bot_app()
    await store(running.app.db, numbered(2, "RU-KK") + numbered(2, "RU-TA", word="казань"))
    [everything] = await running.say("/latest")
    assert "Казань номер 0" in everything["text"] and "Новость номер 0" in everything["text"]
    await running.app.repos.subscriptions.subscribe(USER_ID, 0, "RU-TA")
    [mine] = await running.say("/latest")
    assert "по вашим подпискам" in mine["text"]
    assert "Казань номер 1" in mine["text"] and "Новость номер" not in mine["text"]


async def test_unknown_region_suggests(bot_app: BotAppFactory) -> None:
    """/latest with an unknown region suggests the nearest one and shows input escaped."""
    running = await bot_app()
    [reply] = await running.say("/latest Хакассия")
    assert "Не знаю такого региона" in reply["text"] and "Республика Хакасия" in reply["text"]
    [garbage] = await running.say("/latest <b>qwerty</b> & zz")
    assert "Не знаю такого региона" in garbage["text"] and "<b>qwerty</b>" in garbage["text"]


async def test_latest_in_english(bot_app: BotAppFactory) -> None:
    """/latest in English: English header and the chat's time in English, zone named."""
    running = await bot_app()
    await store(running.app.db, numbered(2, "RU-KK"))
    [reply] = await running.say("/latest khakassia", user_id=EN_USER_ID, language_code="en")
    assert reply["text"].startswith("🗞 Latest news: Khakassia")
    article = (await running.app.repos.search.latest(["RU-KK"], limit=1)).articles[0]
    from bot.render import format_time

    shown = format_time(article.published_at, "en", zone="Europe/Moscow")
    assert f"{shown} UTC+3 ·" in reply["text"]


async def test_search_word_forms_snippets_and_paging(bot_app: BotAppFactory) -> None:
    """/search finds word forms, bolds the match in snippets and pages by editing."""
    running = await bot_app()
    items = [
        Item(
            f"Итоги недели {k}",
            f"Вступление. Регионы подписали соглашение номер {k}.",
            ("RU-KK",),
            k + 1,
        )
        for k in range(8)
    ]
    await store(running.app.db, [*items, Item("Дороги", "Ремонт дорог.", ("RU-KK",))])
    [reply] = await running.say("/search соглашения")
    assert reply["text"].startswith("🔎 соглашения")
    assert "<b>соглашение</b>" in reply["html"]
    assert reply["link_preview_options"] == {"is_disabled": True}
    assert "Дороги" not in reply["text"]
    states = await _page_through(running, reply)
    assert len(states) == 1 and "6. Итоги недели 5" in states[0]["text"]
    assert states[0]["text"].startswith("🔎 соглашения")  # the query stays for the next press
    assert len(running.emulator.messages(USER_ID)) == 1


async def test_search_region_words_filter(bot_app: BotAppFactory) -> None:
    """A region word in /search filters the results to that region."""
    running = await bot_app()
    await store(
        running.app.db,
        [
            Item("Форум в Абакане", "Форум прошёл.", ("RU-KK",)),
            Item("Форум в Казани", "Форум.", ("RU-TA",)),
        ],
    )
    [reply] = await running.say("/search форум хакасия")
    assert "Форум в Абакане" in reply["text"] and "Казани" not in reply["text"]


async def test_search_nothing_found_and_usage(bot_app: BotAppFactory) -> None:
    """/search answers «nothing found», usage without words, and «no words» for symbols."""
    running = await bot_app()
    [none] = await running.say("/search квазар")
    assert none["text"].startswith("По запросу «квазар» ничего не найдено.\n")
    [usage] = await running.say("/search")
    assert usage["text"].startswith("Напишите, что искать: /search соглашение о сотрудничестве\n")
    [no_words] = await running.say("/search 😀 ***")
    assert no_words["text"].startswith("В запросе нет слов для поиска.\nНапишите, что искать:")


async def test_hostile_search_answered_safely(bot_app: BotAppFactory) -> None:
    """Hostile /search input never errors or leaks FTS5 syntax; long input still finds."""
    running = await bot_app()
    await store(running.app.db, [Item("Форум и соглашение", "Форум, соглашение.", ("RU-KK",))])
    found: list[bool] = []
    for raw in [*HOSTILE[:-2], "соглашение " * 350, "форум " + "б" * 4000]:
        text = f"/search {raw}"[:4096]
        [reply] = await running.say(text)
        assert OOPS not in reply["text"], raw
        assert "fts5" not in reply["text"].lower() and "syntax" not in reply["text"].lower()
        assert len(reply["text"]) <= 4096
        found.append("Форум и соглашение" in reply["text"])
    # the last two still found the article (the over-long word is dropped, not fatal)
    assert found[-2:] == [True, True]


async def test_forged_and_stale_buttons_change_nothing(bot_app: BotAppFactory) -> None:
    """Forged or mismatched «Ещё» payloads get an alert and leave the message unedited."""
    running = await bot_app()
    await store(running.app.db, numbered(8, "RU-KK", word="форум"))
    [latest] = await running.say("/latest хакасия")
    [found] = await running.say("/search форум")
    for msg, data in [
        (latest, "lt:5:5:RU-XX:1:2"),
        (latest, "lt:999:5:RU-KK:1:2"),
        (latest, "lt:garbage"),
        (found, "sr:0:5:abc:AAAAAA"),  # the hash is not this query's
        (latest, "sr:0:5:abc:" + (_button(found) or "")[-6:]),  # a search payload on a /latest page
    ]:
        answer = await running.press(msg, data)
        assert answer["show_alert"] and "устарела" in answer["text"]
        assert not running.message(USER_ID, msg["message_id"])["edited"]


async def test_buttons_work_after_restart(bot_app: BotAppFactory) -> None:
    """«Ещё» buttons sent before a restart still page after it (state is in the payload)."""
    first = await bot_app()
    await store(first.app.db, numbered(12, "RU-KK", word="форум"))
    [latest] = await first.say("/latest хакасия")
    [found] = await first.say("/search форумы")
    path = str(first.app.settings.storage.path)
    await first.stop()
    second = await bot_app(storage={"path": path})
    for msg, expected in ((latest, "6. Форум номер 5"), (found, "6. ")):
        answer = await second.press(msg, _button(msg) or "")
        assert answer["answered"] and not answer.get("show_alert")
        after = second.message(USER_ID, msg["message_id"])
        assert after["edited"] and expected in after["text"]
