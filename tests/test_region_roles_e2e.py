"""Region roles end to end: pushes go to the regions a story is about; a chat may also take
stories that only mention its regions."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

from bot.emulator import Emulator
from tests.support.apps import BotAppFactory
from tests.support.delivery import FAST, drain

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Новости</title><link>https://news.example/</link>
<item><title>{title}</title><link>https://news.example/{slug}</link>
<description>{text}</description><pubDate>{date}</pubDate></item>
</channel></rss>
"""


def feed(tmp_path: Path, slug: str, title: str, text: str) -> str:
    path = tmp_path / f"{slug}.xml"
    path.write_text(
        RSS.format(title=title, slug=slug, text=text, date=format_datetime(datetime.now(UTC))),
        encoding="utf-8",
    )
    return str(path)


def texts(emulator: Emulator, chat: int) -> list[str]:
    return [m["text"] for m in emulator.messages(chat)]


async def test_mentioned_regions_are_pushed_only_to_chats_that_ask(
    bot_app: BotAppFactory, emulator: Emulator, tmp_path: Path
) -> None:
    """A Kazan forum with guests from Abakan goes to Tatarstan's subscriber, not to
    Khakassia's, until Khakassia's chat turns mentions on."""
    running = await bot_app(delivery=FAST)
    kazan, abakan = 31_001, 31_002
    await running.say("/subscribe Татарстан", user_id=kazan)
    await running.say("/subscribe Хакасия", user_id=abakan)
    ingestor = running.app.ingestor
    first = feed(
        tmp_path,
        "forum",
        "В Казани прошёл форум молодёжи",
        "В Казани прошёл форум молодёжи. На форум приехали гости из Абакана и Красноярска.",
    )
    [report] = await ingestor.read_locations([first])
    assert report.new == 1
    await running.app.planner.plan_pending()
    await drain(running)
    [push] = [t for t in texts(emulator, kazan) if "форум молодёжи" in t]
    assert not any("форум молодёжи" in t for t in texts(emulator, abakan))
    # The hashtags name the region the story is about, not its guests' home towns.
    assert "#Татарстан" in push and "#Хакасия" not in push and "#Красноярский" not in push

    [reply] = await running.say("/settings mentioned on", user_id=abakan)
    assert "Новости, где регион только упомянут: присылать и показывать в /latest" in reply["text"]
    second = feed(
        tmp_path,
        "fair",
        "В Казани открылась ярмарка",
        "В Казани открылась ярмарка мёда. Пасечники приехали из Абакана.",
    )
    [report] = await ingestor.read_locations([second])
    assert report.new == 1
    await running.app.planner.plan_pending()
    await drain(running)
    assert any("ярмарка" in t for t in texts(emulator, abakan))
    assert any("ярмарка" in t for t in texts(emulator, kazan))


async def test_lists_show_a_region_s_own_stories_unless_mentions_are_asked_for(
    bot_app: BotAppFactory, tmp_path: Path
) -> None:
    """«/latest Москва» and «/search театр Москва» leave out a Tomsk story that only says
    where the actors came from; with mentions on, the chat sees it too."""
    running = await bot_app(delivery=FAST)
    chat = 31_010
    tour = feed(
        tmp_path,
        "tour",
        "Из Москвы в Томск прибыли артисты театра",
        "Из Москвы в Томск прибыли артисты театра. Гастроли продлятся неделю.",
    )
    [report] = await running.app.ingestor.read_locations([tour])
    assert report.new == 1
    [latest] = await running.say("/latest Томская область", user_id=chat)
    assert "прибыли артисты театра" in latest["text"]
    [latest] = await running.say("/latest Москва", user_id=chat)
    assert "прибыли артисты театра" not in latest["text"]
    [found] = await running.say("/search театр Москва", user_id=chat)
    assert "прибыли артисты театра" not in found["text"]

    await running.say("/settings mentioned on", user_id=chat)
    [latest] = await running.say("/latest Москва", user_id=chat)
    assert "прибыли артисты театра" in latest["text"]
    [found] = await running.say("/search театр Москва", user_id=chat)
    assert "прибыли артисты театра" in found["text"]
