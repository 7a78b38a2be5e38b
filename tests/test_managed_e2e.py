"""Managing a group from the private chat: /my lists the chats the user administers,
its buttons change the group's subscriptions and settings; a non-admin is refused, and so
is an admin who lost the rights."""

from __future__ import annotations

from bot.emulator import Emulator
from bot.text.catalogue import FEDERAL_DISTRICTS, by_code
from handlers.callbacks import ManageCb, MyCb, RegionCb, SettingsCb, fits
from tests.support.apps import USER_ID, BotAppFactory

GROUP = -1002001
FORUM = -1002002
MEMBER = 3003
SIBERIA = next(i for i, fd in enumerate(FEDERAL_DISTRICTS) if fd.code == by_code("RU-KK").district)


def buttons(message: dict[str, object]) -> dict[str, str]:
    markup = message["reply_markup"]
    assert isinstance(markup, dict)
    return {b["text"]: b["callback_data"] for row in markup["inline_keyboard"] for b in row}


async def test_my_lists_an_administered_group_and_changes_it(
    emulator: Emulator, bot_app: BotAppFactory
) -> None:
    emulator.create_chat(GROUP, "supergroup", "Совет депутатов", admins=[USER_ID], members=[MEMBER])
    emulator.create_chat(FORUM, "supergroup", "Форум МО", is_forum=True, members=[USER_ID])
    running = await bot_app()
    emulator.add_bot(GROUP, USER_ID)  # the admin adds the bot: my_chat_member
    await running.say("/regions", chat_id=FORUM, user_id=USER_ID)  # seen there, not an admin
    await running.say("/regions", chat_id=GROUP, user_id=MEMBER)

    own, listing = await running.say("/my", expect=2)
    assert "Подписок пока нет" in own["text"]
    assert listing["text"].startswith("Чаты, которыми вы управляете")
    offered = buttons(listing)
    assert list(offered) == ["👥 Совет депутатов"]  # not the forum: the user is no admin there
    assert all(fits(d) for d in offered.values())

    # The group's menu, its regions, a district page, a toggle: all from the private chat.
    answer = await running.press(listing, offered["👥 Совет депутатов"])
    menu = running.message(USER_ID, listing["message_id"])
    assert menu["text"].startswith("👥 Совет депутатов")
    await running.press(menu, buttons(menu)["🗺 Регионы"])
    root = running.message(USER_ID, listing["message_id"])
    district = next(d for t, d in buttons(root).items() if t.startswith("СФО"))
    await running.press(root, district)
    page = running.message(USER_ID, listing["message_id"])
    toggle = buttons(page)["Республика Хакасия"]
    assert RegionCb.unpack(toggle).x == GROUP and fits(toggle)
    answer = await running.press(page, toggle)
    assert answer["text"] == "✅ Подписка: Республика Хакасия"
    subs = await running.app.repos.subscriptions.list_for_chat(GROUP)
    assert [(s.thread_id, s.region) for s in subs] == [(0, "RU-KK")]
    assert await running.app.repos.subscriptions.list_for_chat(USER_ID) == []

    # Settings of the group, then back to its menu and ❌.
    await running.press(page, ManageCb(a="s", x=GROUP).pack())
    settings = running.message(USER_ID, listing["message_id"])
    assert "Настройки чата" in settings["text"]
    digest = next(d for t, d in buttons(settings).items() if "Дайджест" in t)
    await running.press(settings, digest)
    assert (await running.app.repos.subscriptions.get_settings(GROUP)).mode == "digest"
    assert (await running.app.repos.subscriptions.get_settings(USER_ID)).mode == "instant"
    await running.press(settings, ManageCb(a="o", x=GROUP).pack())
    menu = running.message(USER_ID, listing["message_id"])
    assert "Республика Хакасия" in menu["text"]
    answer = await running.press(menu, MyCb(a="rm", c="RU-KK", x=GROUP).pack())
    assert answer["text"] == "Отписка: Республика Хакасия"
    assert await running.app.repos.subscriptions.list_for_chat(GROUP) == []

    # The admin loses the rights: the next press is refused at once, politely.
    emulator.chats[GROUP].admins.clear()
    emulator.chats[GROUP].creator = None
    emulator.chats[GROUP].members.add(USER_ID)
    answer = await running.press(menu, toggle)
    assert answer["show_alert"] is True
    assert "больше не администратор" in answer["text"]
    assert await running.app.repos.subscriptions.list_for_chat(GROUP) == []
    answer = await running.press(menu, toggle, language_code="en")
    assert "no longer an administrator" in answer["text"]


async def test_non_admin_gets_no_list_and_forged_buttons_are_refused(
    emulator: Emulator, bot_app: BotAppFactory
) -> None:
    emulator.create_chat(GROUP, "supergroup", "Совет депутатов", admins=[USER_ID], members=[MEMBER])
    running = await bot_app()
    await running.say("/regions", chat_id=GROUP, user_id=MEMBER)
    [own] = await running.say("/my", user_id=MEMBER)
    await running.say("/regions", user_id=MEMBER)  # nothing more was sent after /my
    assert len(emulator.messages(MEMBER)) == 2
    forged = [
        ManageCb(a="o", x=GROUP).pack(),
        RegionCb(a="t", d=SIBERIA, p=0, c="RU-KK", x=GROUP).pack(),
        SettingsCb(k="mode", v="digest", x=GROUP).pack(),
        MyCb(a="rm", c="RU-KK", x=GROUP).pack(),
    ]
    for data in forged:
        answer = await running.press(own, data, user_id=MEMBER)
        assert answer["show_alert"] is True, data
        assert "не администратор" in answer["text"], data
    # A managed-chat button pressed in the group itself is refused too.
    [in_group] = await running.say("/regions", chat_id=GROUP, user_id=USER_ID)
    answer = await running.press(in_group, forged[1], user_id=USER_ID, chat_id=GROUP)
    assert "только в личном чате" in answer["text"]
    assert await running.app.repos.subscriptions.list_for_chat(GROUP) == []
    assert (await running.app.repos.subscriptions.get_settings(GROUP)).mode == "instant"
