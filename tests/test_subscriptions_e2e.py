"""End to end through the emulator: /start, /subscribe, /regions, /my, groups, topics, /filter,
/stats, and forged buttons."""

from __future__ import annotations

from bot.emulator import Emulator
from handlers.callbacks import MyCb, RegionCb, SuggestCb
from tests.support.apps import ADMIN_ID, EN_USER_ID, USER_ID, BotAppFactory, RunningApp
from tests.support.messages import button_data, buttons

GROUP = -100777
GROUP_ADMIN = 5001
MEMBER = 5002


async def regions_of(running: RunningApp, chat_id: int, thread_id: int | None = None) -> set[str]:
    subs = await running.app.repos.subscriptions.list_for_chat(chat_id, thread_id)
    return {s.region for s in subs}


async def test_start_offers_federal_districts_and_all_russia(bot_app: BotAppFactory) -> None:
    """/start offers 8 districts and «Вся Россия», which toggles the subscription to all."""
    running = await bot_app()
    reply = (await running.say("/start"))[0]
    assert "Здравствуйте" in reply["text"]
    labels = [text for text, _ in buttons(reply)]
    assert {"ЦФО", "СФО", "ДФО", "🇷🇺 Вся Россия"} <= set(labels)
    assert len(labels) == 9
    # The «Вся Россия» button subscribes the chat to everything.
    await running.press(reply, button_data(reply, "Вся Россия"))
    assert await regions_of(running, USER_ID) == {"*"}
    edited = running.message(USER_ID, reply["message_id"])
    assert "✅ 🇷🇺 Вся Россия" in [text for text, _ in buttons(edited)]
    assert edited["text"] == reply["text"]  # the greeting stays; only the buttons change
    await running.press(reply, button_data(edited, "Вся Россия"))
    assert await regions_of(running, USER_ID) == set()


async def test_subscribe_by_name_number_town_and_typo(bot_app: BotAppFactory) -> None:
    """/subscribe accepts a name, number or town; a typo offers a suggestion button."""
    running = await bot_app()
    first = (await running.say("/subscribe хакасия"))[0]
    assert "Подписка оформлена" in first["text"] and "Республика Хакасия" in first["text"]
    assert await regions_of(running, USER_ID) == {"RU-KK"}
    for query in ("19", "Абакан", "ХАКАСИЮ"):
        again = (await running.say(f"/subscribe {query}"))[0]
        assert "уже подписаны" in again["text"], query
    typo = (await running.say("/subscribe хакасея"))[0]
    assert "Вы имели в виду" in typo["text"]
    assert (
        "Республика Хакасия",
        SuggestCb(a="s", c="RU-KK").pack(),
    ) in buttons(typo)
    tatar = (await running.say("/subscribe татарстн"))[0]
    answer = await running.press(tatar, button_data(tatar, "Татарстан"))
    assert answer["answered"]
    assert await regions_of(running, USER_ID) == {"RU-KK", "RU-TA"}
    assert "Подписка оформлена" in running.message(USER_ID, tatar["message_id"])["text"]


async def test_unknown_region_and_html_in_query(bot_app: BotAppFactory) -> None:
    """/subscribe with an unknown region says so, shows the input escaped, subscribes nothing."""
    running = await bot_app()
    reply = (await running.say("/subscribe <b>zzzqqq</b>"))[0]
    assert "Не знаю такого региона" in reply["text"]
    assert "<b>zzzqqq</b>" in reply["text"]  # shown as typed: escaped, not bold
    assert await regions_of(running, USER_ID) == set()


async def test_subscribe_without_argument_shows_keyboard(bot_app: BotAppFactory) -> None:
    """/subscribe without an argument shows the district keyboard."""
    running = await bot_app()
    reply = (await running.say("/subscribe"))[0]
    assert RegionCb(a="d", d=0, p=0).pack() in [d for _, d in buttons(reply)]


async def test_regions_pages_by_editing_one_message(
    bot_app: BotAppFactory, emulator: Emulator
) -> None:
    """/regions: district, pages, toggle and back all edit the one message."""
    running = await bot_app()
    menu = (await running.say("/regions"))[0]
    count = len(emulator.messages(USER_ID))
    await running.press(menu, RegionCb(a="d", d=0, p=0).pack())  # ЦФО: 18 regions
    page1 = running.message(USER_ID, menu["message_id"])
    assert "Центральный федеральный округ" in page1["text"] and "1 из 2" in page1["text"]
    await running.press(menu, button_data(page1, "▶️"))
    page2 = running.message(USER_ID, menu["message_id"])
    assert "2 из 2" in page2["text"]
    assert "◀️" in [t for t, _ in buttons(page2)]
    moscow = button_data(page2, "Москва")
    assert RegionCb.unpack(moscow).c == "RU-MOW"
    answer = await running.press(menu, moscow)
    assert answer["text"] == "✅ Подписка: Москва"
    assert await regions_of(running, USER_ID) == {"RU-MOW"}
    marked = running.message(USER_ID, menu["message_id"])
    assert "✅ Москва" in [t for t, _ in buttons(marked)] and "2 из 2" in marked["text"]
    await running.press(menu, button_data(marked, "✅ Москва"))  # a second tap unsubscribes
    assert await regions_of(running, USER_ID) == set()
    await running.press(menu, button_data(marked, "Назад"))
    back = running.message(USER_ID, menu["message_id"])
    assert "ЦФО" in [t for t, _ in buttons(back)]
    assert len(emulator.messages(USER_ID)) == count  # every step edited the same message


async def test_my_lists_and_removes(bot_app: BotAppFactory) -> None:
    """/my lists regions and filters with remove buttons; /unsubscribe removes by number."""
    running = await bot_app()
    await running.say("/subscribe Хакасия")
    await running.say("/subscribe Татарстан")
    await running.say("/filter +форум")
    my = (await running.say("/my"))[0]
    assert "Республика Хакасия" in my["text"] and "Республика Татарстан" in my["text"]
    assert "+форум" in my["text"] and "сразу" in my["text"]
    await running.press(my, MyCb(a="rm", c="RU-TA").pack())
    assert await regions_of(running, USER_ID) == {"RU-KK"}
    after = running.message(USER_ID, my["message_id"])
    assert "Татарстан" not in after["text"]
    assert [d for _, d in buttons(after)] == [MyCb(a="rm", c="RU-KK").pack()]
    unsub = (await running.say("/unsubscribe 19"))[0]
    assert "отменена" in unsub["text"]
    empty = (await running.say("/unsubscribe"))[0]
    assert "Подписок пока нет" in empty["text"] and not buttons(empty)


async def test_group_admin_may_subscribe_member_may_not(
    bot_app: BotAppFactory, emulator: Emulator
) -> None:
    """In a group an admin subscribes and removes; a member is refused by command and button."""
    running = await bot_app()
    emulator.create_chat(GROUP, "supergroup", "Совет депутатов", admins=[GROUP_ADMIN])
    refused = (await running.say("/subscribe Хакасия", user_id=MEMBER, chat_id=GROUP))[0]
    assert "только администраторы" in refused["text"]
    assert await regions_of(running, GROUP) == set()
    ok = (await running.say("/subscribe Хакасия", user_id=GROUP_ADMIN, chat_id=GROUP))[0]
    assert "Подписка оформлена" in ok["text"]
    assert await regions_of(running, GROUP) == {"RU-KK"}
    # Anyone may look at the list; only admins may press its buttons.
    my = (await running.say("/my", user_id=MEMBER, chat_id=GROUP))[0]
    answer = await running.press(my, MyCb(a="rm", c="RU-KK").pack(), user_id=MEMBER, chat_id=GROUP)
    assert answer["show_alert"] and "администраторы" in answer["text"]
    assert await regions_of(running, GROUP) == {"RU-KK"}
    await running.press(my, MyCb(a="rm", c="RU-KK").pack(), user_id=GROUP_ADMIN, chat_id=GROUP)
    assert await regions_of(running, GROUP) == set()
    chat = await running.app.repos.chats.get(GROUP)
    assert chat is not None and chat.type == "supergroup"


async def test_forum_topic_subscription_keeps_its_thread(
    bot_app: BotAppFactory, emulator: Emulator
) -> None:
    """In a forum topic the subscription belongs to the topic and answers go there."""
    running = await bot_app()
    emulator.create_chat(GROUP, "supergroup", "Форум", is_forum=True, admins=[GROUP_ADMIN])
    reply = (
        await running.say(
            "/subscribe Татарстан", user_id=GROUP_ADMIN, chat_id=GROUP, message_thread_id=42
        )
    )[0]
    assert "в эту тему" in reply["text"]
    assert reply["message_thread_id"] == 42
    subs = await running.app.repos.subscriptions.list_for_chat(GROUP)
    assert [(s.thread_id, s.region) for s in subs] == [(42, "RU-TA")]
    # The general chat of the forum has its own (empty) list.
    assert await regions_of(running, GROUP, 0) == set()
    topic_my = await running.say("/my", user_id=GROUP_ADMIN, chat_id=GROUP, message_thread_id=42)
    assert "Подписки этой темы" in topic_my[0]["text"]


async def test_filter_set_show_and_clear(bot_app: BotAppFactory) -> None:
    """/filter sets include/exclude lemmas, shows them, rejects non-words and clears."""
    running = await bot_app()
    reply = (await running.say("/filter +форумы -реклама"))[0]
    assert "форумы" in reply["text"] and "реклама" in reply["text"]
    filters = await running.app.repos.subscriptions.filters_for(USER_ID, 0)
    assert filters.include == frozenset({"форум"}) and filters.exclude == frozenset({"реклама"})
    shown = (await running.say("/filter"))[0]
    assert "Нужно хотя бы одно из: форумы" in shown["text"]
    bad = (await running.say("/filter +(форум|сессия)"))[0]
    assert "не слово" in bad["text"]
    cleared = (await running.say("/filter очистить"))[0]
    assert "очищен" in cleared["text"]
    assert (await running.app.repos.subscriptions.filters_for(USER_ID, 0)).empty


async def test_stats_for_bot_admins_only(bot_app: BotAppFactory) -> None:
    """/stats is refused to users and shows regions and active chats to bot admins."""
    running = await bot_app()
    await running.say("/subscribe Хакасия")
    refused = (await running.say("/stats"))[0]
    assert "только администраторам" in refused["text"]
    stats = (await running.say("/stats", user_id=ADMIN_ID))[0]
    assert "Статистика" in stats["text"]
    assert "1. Республика Хакасия — 1" in stats["text"]
    assert "Чаты: активных 2" in stats["text"]


async def test_forged_buttons_change_nothing(bot_app: BotAppFactory) -> None:
    """Forged region and /my buttons get an alert and change neither data nor message."""
    running = await bot_app()
    menu = (await running.say("/regions"))[0]
    before = running.message(USER_ID, menu["message_id"])
    forged = [
        "rg:t:6:0:RU-XX",  # no such region
        "rg:t:0:0:RU-KK",  # Хакасия is not in ЦФО
        "rg:t:-1:0:RU-KK",  # a region toggle outside its district
        "rg:d:99:0:",  # no such district
        "rg:d:0:-5:",  # negative page
        "rg:zz",  # does not unpack
        "rg:t:x:y:z:w",
        "sg:s:RU-NOPE",
        "sg:q:RU-KK",  # unknown action
        "my:rm:../../etc",
        "my:drop:RU-KK",
    ]
    for data in forged:
        answer = await running.press(menu, data)
        assert answer["answered"] and answer["show_alert"], data
        assert "устарела" in answer["text"], data
    assert await regions_of(running, USER_ID) == set()
    assert running.message(USER_ID, menu["message_id"]) == before


async def test_english_user(bot_app: BotAppFactory) -> None:
    """Subscribing, /my and suggestions in English."""
    running = await bot_app()
    reply = (await running.say("/subscribe Khakassia", user_id=EN_USER_ID, language_code="en"))[0]
    assert reply["text"].startswith("✅ Subscribed to Khakassia")
    assert "<b>Khakassia</b>" in reply["html"]
    assert await regions_of(running, EN_USER_ID) == {"RU-KK"}
    my = (await running.say("/my", user_id=EN_USER_ID, language_code="en"))[0]
    assert "This chat's subscriptions" in my["text"] and "Khakassia" in my["text"]
    typo = (await running.say("/subscribe Tatarstn", user_id=EN_USER_ID, language_code="en"))[0]
    assert "Did you mean" in typo["text"]
    await running.press(
        typo, button_data(typo, "Tatarstan"), user_id=EN_USER_ID, language_code="en"
    )
    assert await regions_of(running, EN_USER_ID) == {"RU-KK", "RU-TA"}


async def test_channel_post_subscribes_the_channel(
    bot_app: BotAppFactory, emulator: Emulator
) -> None:
    """A channel post /subscribe subscribes the channel."""
    running = await bot_app()
    channel = -100444
    emulator.create_chat(channel, "channel", "Вести района", admins=[GROUP_ADMIN])
    reply = (
        await running.say(
            "/subscribe Татарстан", user_id=GROUP_ADMIN, chat_id=channel, chat_type="channel"
        )
    )[0]
    assert "Подписка оформлена" in reply["text"]
    assert await regions_of(running, channel) == {"RU-TA"}
    chat = await running.app.repos.chats.get(channel)
    assert chat is not None and chat.type == "channel"


async def test_several_regions_in_one_command(bot_app: BotAppFactory) -> None:
    """Several regions in one /subscribe or /unsubscribe, with suggestions for the rest."""
    running = await bot_app()
    reply = (await running.say("/subscribe Хакасия, 16; Москва, хакасея, zzzq"))[0]
    text = reply["text"]
    assert text.count("Подписка оформлена") == 3
    assert "Вы имели в виду" in text and "хакасея" in text and "zzzq" in text
    assert [t for t, _ in buttons(reply)] == ["Республика Хакасия"]
    assert await regions_of(running, USER_ID) == {"RU-KK", "RU-TA", "RU-MOW"}
    gone = (await running.say("/unsubscribe Москва, Казань"))[0]
    assert gone["text"].count("отменена") == 2
    assert await regions_of(running, USER_ID) == {"RU-KK"}
