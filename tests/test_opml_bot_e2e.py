"""OPML through the bot: an admin sends a file with /addsource, gets a count; /sources
opml sends the list back as a document that parses to the same sources."""

from __future__ import annotations

from typing import Any

from bot.emulator import Emulator
from bot.ingest.opml import MAX_OPML_BYTES, parse_opml
from tests.support.apps import ADMIN_ID, USER_ID, BotAppFactory, RunningApp
from tests.support.opml import LIST


async def send_file(
    running: RunningApp,
    data: bytes,
    *,
    user_id: int = ADMIN_ID,
    name: str = "feeds.opml",
    caption: str = "/addsource",
    language_code: str = "ru",
) -> list[dict[str, Any]]:
    emulator = running.emulator
    before = len(emulator.messages(user_id))
    emulator.user_document(user_id, name, data, caption=caption, language_code=language_code)
    found = await emulator.wait_messages(user_id, before + 1, timeout=running.timeout)
    assert len(found) > before, "the bot did not answer the file"
    return found[before:]


async def test_opml_round_trip_through_the_bot(emulator: Emulator, bot_app: BotAppFactory) -> None:
    running = await bot_app()
    [reply] = await send_file(running, LIST.encode())
    text = reply["text"]
    assert "Импорт OPML «feeds.opml»" in text
    assert "Добавлено: 4 источника" in text
    assert "С регионом: 3" in text
    assert "Уже были: 0 источников" in text
    assert "Отклонено: 1 источник (нужен адрес http(s))" in text
    assert "file:///etc/passwd" in text
    stored = {s.url: s.region for s in await running.app.repos.sources.list_all()}
    assert stored == {
        "https://r-19.ru/rss": "RU-KK",
        "https://abakan.example/feed": "RU-KK",
        "https://kzn.example/rss": "RU-TA",
        "https://nowhere.example/rss": None,
    }
    [again] = await send_file(running, LIST.encode(), language_code="en")
    assert "Added: 0 sources" in again["text"]
    assert "Already there: 4 sources" in again["text"]

    replies = await running.say("/sources opml", user_id=ADMIN_ID)
    document = replies[-1]["document"]
    assert document["file_name"] == "sources.opml"
    assert replies[-1]["caption"] == "Источники в формате OPML: 4 источника."
    exported = parse_opml(emulator.file_bytes(document["file_id"]))
    assert {(e.url, e.region) for e in exported} == set(stored.items())
    titles = {e.url: e.title for e in exported}
    assert titles["https://r-19.ru/rss"] == "Правительство РХ"


async def test_opml_refusals(emulator: Emulator, bot_app: BotAppFactory) -> None:
    running = await bot_app()
    # Not a bot admin: the same polite refusal as for any admin command.
    [reply] = await send_file(running, LIST.encode(), user_id=USER_ID)
    assert "только администраторам бота" in reply["text"]
    # Too large: refused from the size Telegram reports, before any download.
    big = b"<opml>" + b" " * MAX_OPML_BYTES + b"</opml>"
    [reply] = await send_file(running, big)
    assert "Файл слишком большой" in reply["text"]
    assert emulator.call_log("getFile") == []
    [reply] = await send_file(running, b"not xml at all", name="x.txt", language_code="en")
    assert "Could not read «x.txt» as an OPML list" in reply["text"]
    replies = await running.say("/sources opml", user_id=ADMIN_ID, language_code="en")
    assert replies[-1]["text"].startswith("No sources yet")
    replies = await running.say("/sources bogus", user_id=ADMIN_ID, language_code="en")
    assert "Usage: <code>/sources</code>" in replies[-1]["html"]
    assert await running.app.repos.sources.count() == 0
