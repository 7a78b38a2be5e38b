"""End to end: inline mode (``@bot запрос``) against the emulator — results, next_offset
paging, the personal latest list for an empty query, hostile queries."""

from __future__ import annotations

from tests.support.apps import USER_ID, BotAppFactory
from tests.support.articles import Item, numbered, store
from tests.support.hostile import HOSTILE


async def test_inline_search_pages_with_next_offset(bot_app: BotAppFactory) -> None:
    """Inline search answers 20 results a page; next_offset pages reach every article once."""
    running = await bot_app()
    ids = await store(running.app.db, numbered(45, "RU-KK", word="форум"))
    answer = await running.inline("форумы")
    results = answer["results"]
    assert len(results) == 20 and answer["cache_time"] == 30 and not answer["is_personal"]
    first = results[0]
    assert first["type"] == "article" and first["id"] == str(ids[0])
    assert first["title"] == "Форум номер 0"
    assert "Республика Хакасия" in first["description"]
    content = first["input_message_content"]
    assert content["parse_mode"] == "HTML" and "#Хакасия" in content["message_text"]
    assert first["url"].startswith("https://news.example/")
    assert answer["messages"][0]["text"].startswith("Форум номер 0")  # the push, as rendered
    seen = [r["id"] for r in results]
    offset = answer["next_offset"]
    while offset:
        assert len(offset.encode()) <= 64
        page = await running.inline("форумы", offset=offset)
        seen += [r["id"] for r in page["results"]]
        offset = page["next_offset"]
    assert seen == [str(i) for i in ids]  # every article once, best (newest) first


async def test_inline_empty_query_is_personal_latest(bot_app: BotAppFactory) -> None:
    """An empty inline query is the user's latest news (subscriptions, else everything)."""
    running = await bot_app()
    kk = await store(running.app.db, numbered(3, "RU-KK"))
    ta = await store(running.app.db, numbered(25, "RU-TA", word="казань", start_age=0.5))
    everything = await running.inline("")
    assert everything["is_personal"] and everything["cache_time"] == 10
    assert len(everything["results"]) == 20 and everything["next_offset"]
    await running.say("/latest")  # the user's private chat exists
    await running.app.repos.subscriptions.subscribe(USER_ID, 0, "RU-KK")
    mine = await running.inline("")
    assert [r["id"] for r in mine["results"]] == [str(i) for i in kk]
    assert mine["next_offset"] == ""
    # paging the everything list reaches all 28
    ids = [r["id"] for r in everything["results"]]
    page = await running.inline("", user_id=USER_ID + 50, offset=everything["next_offset"])
    ids += [r["id"] for r in page["results"]]
    assert sorted(ids) == sorted(str(i) for i in kk + ta)


async def test_inline_region_words_filter(bot_app: BotAppFactory) -> None:
    """A region word in an inline query filters the results to that region."""
    running = await bot_app()
    await store(
        running.app.db,
        [
            Item("Форум в Абакане", "Форум.", ("RU-KK",)),
            Item("Форум в Казани", "Форум.", ("RU-TA",)),
        ],
    )
    answer = await running.inline("хакасия форум")
    assert [r["title"] for r in answer["results"]] == ["Форум в Абакане"]


async def test_inline_hostile_queries_answered(bot_app: BotAppFactory) -> None:
    """Hostile inline queries and offsets are answered, never crash the handler."""
    running = await bot_app()
    await store(running.app.db, [Item("Форум и соглашение", "Форум, соглашение.", ("RU-KK",))])
    for raw in [*HOSTILE[:-2], "форум " * 50, "квазар"]:
        answer = await running.inline(raw[:256])
        assert answer["answered"], raw
        assert len(answer["results"]) <= 50
    assert answer["results"] == [] and answer["next_offset"] == ""
    for offset in ("garbage", "9:zz:1", "L-1:x", "x" * 64):
        page = await running.inline("форум", offset=offset)
        assert [r["title"] for r in page["results"]] == ["Форум и соглашение"]
