"""Region channels end to end: /channel maps a channel to a region; each new article of
the region is posted there once, and not to another region's channel."""

from __future__ import annotations

from typing import Any

from bot.emulator import Emulator
from tests.support.apps import ADMIN_ID, USER_ID, BotAppFactory
from tests.support.articles import KK, TA, add_article
from tests.support.delivery import FAST, drain, received

KHAK = -1001001
TATAR = -1001002
GROUP = -1001003
CHANNEL_ADMIN = 7001


def channels(emulator: Emulator, *, bot_is_admin: bool = True) -> None:
    emulator.create_chat(
        KHAK, "channel", "Хакасия 24", username="khak24", admins=[CHANNEL_ADMIN],
        bot_is_admin=bot_is_admin,
    )  # fmt: skip
    emulator.create_chat(
        TATAR, "channel", "Татарстан сегодня", username="tatar_today", admins=[CHANNEL_ADMIN]
    )
    emulator.create_chat(GROUP, "supergroup", "Совет", username="sovet_grp", admins=[ADMIN_ID])


async def test_mapping_is_refused_with_a_clear_answer(
    emulator: Emulator, bot_app: BotAppFactory
) -> None:
    channels(emulator, bot_is_admin=False)
    running = await bot_app()
    admin: dict[str, Any] = {"user_id": ADMIN_ID}
    reply = await running.say("/channel @khak24 Хакасия", **admin)
    assert "не администратор канала @khak24" in reply[0]["text"]
    reply = await running.say("/channel @khak24 Khakassia", language_code="en", **admin)
    assert "not an administrator of @khak24" in reply[0]["text"]
    reply = await running.say("/channel @nobody_here Хакасия", **admin)
    assert "не найден" in reply[0]["text"]
    reply = await running.say("/channel @sovet_grp Хакасия", **admin)
    assert "не канал" in reply[0]["text"]
    reply = await running.say("/channel @tatar_today Нарния", **admin)
    assert "Не знаю такого региона" in reply[0]["text"]
    reply = await running.say("/channel bad!name Хакасия", language_code="en", **admin)
    assert "is not a channel name" in reply[0]["text"]
    reply = await running.say("/channel @khak24 Хакасия")  # not a bot admin
    assert "только администраторам бота" in reply[0]["text"]
    reply = await running.say("/channel", **admin)
    assert "Каналов регионов нет" in reply[0]["text"]
    assert await running.app.repos.channels.list_all() == []
    # Once the bot is made an admin, the same command works.
    emulator.chats[KHAK].bot_is_admin = True
    reply = await running.say("/channel @khak24 Хакасия", **admin)
    assert "получает новости региона" in reply[0]["text"]


async def test_article_of_the_region_posted_once_to_its_channel_only(
    emulator: Emulator, bot_app: BotAppFactory
) -> None:
    channels(emulator)
    running = await bot_app(delivery=FAST)
    admin: dict[str, Any] = {"user_id": ADMIN_ID}
    reply = await running.say("/channel @khak24 республика хакасия", **admin)
    assert (
        "Канал <b>Хакасия 24</b> (@khak24) получает новости региона <b>Республика Хакасия</b>"
        in (reply[0]["html"])
    )
    reply = await running.say("/channel https://t.me/tatar_today 16", **admin)
    assert "Татарстан" in reply[0]["text"]
    reply = await running.say("/channel", **admin)
    assert "Каналы регионов: 2 канала" in reply[0]["text"]
    assert "Республика Хакасия → @khak24 (Хакасия 24)" in reply[0]["text"]

    db = running.app.db
    first = await add_article(db, (KK,), title="Сессия Совета депутатов Абакана")
    await drain(running)
    assert len(received(emulator, KHAK)) == 1
    assert received(emulator, TATAR) == []
    # Planning the same article again changes nothing: the outbox key gives «once».
    assert await running.app.planner.plan_article(first) == 0
    await add_article(db, (KK, TA), title="Форум «Малая родина - сила России»")
    await drain(running)
    assert len(received(emulator, KHAK)) == 2
    assert len(received(emulator, TATAR)) == 1
    rows = await db.fetchval("SELECT COUNT(*) FROM deliveries WHERE chat_id = ?", (KHAK,))
    assert rows == 2

    # Remapping replaces the region; «off» removes the mapping.
    reply = await running.say("/channel @tatar_today Хакасия", **admin)
    assert "Раньше канал был привязан к региону «Республика Татарстан»" in reply[0]["text"]
    reply = await running.say("/channel @tatar_today off", **admin)
    assert "отвязан" in reply[0]["text"]
    reply = await running.say("/channel @tatar_today off", language_code="en", **admin)
    assert "is not mapped" in reply[0]["text"]
    await add_article(db, (TA,), title="Новость Татарстана")
    await drain(running)
    assert len(received(emulator, TATAR)) == 1
    reply = await running.say("/channel", **admin)
    assert "1 канал\n" in reply[0]["text"]
    assert USER_ID not in emulator.chats or not received(emulator, USER_ID)
