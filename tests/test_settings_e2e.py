"""End to end: /settings buttons and arguments, admins only in groups, forged buttons."""

from __future__ import annotations

from bot.emulator import Emulator
from handlers.callbacks import SettingsCb
from tests.support.apps import EN_USER_ID, USER_ID, BotAppFactory
from tests.support.messages import labels

GROUP = -100888
GROUP_ADMIN = 6001
MEMBER = 6002


async def test_settings_buttons_change_and_edit(bot_app: BotAppFactory, emulator: Emulator) -> None:
    """/settings buttons store mode, digest time, quiet hours and previews by editing."""
    running = await bot_app()
    repo = running.app.repos.subscriptions
    first = (await running.say("/settings"))[0]
    assert "Режим: сразу" in first["text"] and "Europe/Moscow (по умолчанию)" in first["text"]
    assert "✅ ⚡ Сразу" in labels(first)
    await running.say("/subscribe Хакасия")
    shown = (await running.say("/settings"))[0]
    assert "Asia/Krasnoyarsk (по региону «Республика Хакасия»)" in shown["text"]
    count = len(emulator.messages(USER_ID))

    answer = await running.press(shown, SettingsCb(k="dt", v="0700").pack())
    assert answer["text"] == "Сохранено."
    stored = await repo.get_settings(USER_ID)
    assert (stored.mode, stored.digest_time) == ("digest", "07:00")
    edited = running.message(USER_ID, shown["message_id"])
    assert "дайджест раз в день в 07:00" in edited["text"]
    assert "✅ 07:00" in labels(edited) and "✅ 📰 Дайджест раз в день" in labels(edited)

    await running.press(shown, SettingsCb(k="q", v="22000800").pack())
    await running.press(shown, SettingsCb(k="lp", v="0").pack())
    stored = await repo.get_settings(USER_ID)
    assert stored.quiet_hours == ("22:00", "08:00") and stored.link_previews is False
    edited = running.message(USER_ID, shown["message_id"])
    assert "Тихие часы: 22:00–08:00" in edited["text"] and "Превью ссылок: выкл." in edited["text"]
    await running.press(shown, SettingsCb(k="mode", v="instant").pack())
    assert (await repo.get_settings(USER_ID)).mode == "instant"
    assert len(emulator.messages(USER_ID)) == count  # edits, no new messages


async def test_settings_arguments(bot_app: BotAppFactory) -> None:
    """/settings quiet|tz arguments set, reset and reject values with clear answers."""
    running = await bot_app()
    repo = running.app.repos.subscriptions
    quiet = (await running.say("/settings quiet 23:30-06:00"))[0]
    assert "Тихие часы: 23:30–06:00" in quiet["text"]
    assert (await repo.get_settings(USER_ID)).quiet_hours == ("23:30", "06:00")
    tz = (await running.say("/settings tz Asia/Omsk"))[0]
    assert "Часовой пояс: Asia/Omsk," in tz["text"]
    assert "🕒 Пояс моего региона" in labels(tz)
    await running.press(tz, SettingsCb(k="tz", v="auto").pack())
    assert (await repo.get_settings(USER_ID)).timezone is None
    bad = (await running.say("/settings quiet всегда"))[0]
    assert "Не понял тихие часы" in bad["text"]
    assert (await repo.get_settings(USER_ID)).quiet_hours == ("23:30", "06:00")
    off = (await running.say("/settings quiet off"))[0]
    assert "Тихие часы: нет" in off["text"]


async def test_only_group_admins_change_settings(
    bot_app: BotAppFactory, emulator: Emulator
) -> None:
    """In a group only admins change settings, by button or argument; members are refused."""
    running = await bot_app()
    repo = running.app.repos.subscriptions
    emulator.create_chat(GROUP, "supergroup", "Администрация", admins=[GROUP_ADMIN])
    shown = (await running.say("/settings", user_id=MEMBER, chat_id=GROUP))[0]
    answer = await running.press(
        shown, SettingsCb(k="mode", v="digest").pack(), user_id=MEMBER, chat_id=GROUP
    )
    assert answer["show_alert"] and "администраторы" in answer["text"]
    refused = (await running.say("/settings quiet 22:00-07:00", user_id=MEMBER, chat_id=GROUP))[0]
    assert "только администраторы" in refused["text"]
    assert (await repo.get_settings(GROUP)).mode == "instant"
    assert (await repo.get_settings(GROUP)).quiet_hours is None
    await running.press(
        shown, SettingsCb(k="mode", v="digest").pack(), user_id=GROUP_ADMIN, chat_id=GROUP
    )
    assert (await repo.get_settings(GROUP)).mode == "digest"


async def test_forged_settings_buttons(bot_app: BotAppFactory) -> None:
    """Forged settings buttons get an alert and leave the stored settings at defaults."""
    running = await bot_app()
    shown = (await running.say("/settings"))[0]
    for data in ("st:dt:0815", "st:mode:hourly", "st:tz:Europe/Kiev", "st:zz", "st:q:1:2"):
        answer = await running.press(shown, data)
        assert answer["show_alert"] and "устарела" in answer["text"], data
    stored = await running.app.repos.subscriptions.get_settings(USER_ID)
    assert stored == type(stored)(chat_id=USER_ID)


async def test_settings_in_english(bot_app: BotAppFactory) -> None:
    """/settings and its toasts in English."""
    running = await bot_app()
    shown = (await running.say("/settings", user_id=EN_USER_ID, language_code="en"))[0]
    assert "Chat settings" in shown["text"] and "Mode: instant" in shown["text"]
    answer = await running.press(
        shown, SettingsCb(k="q", v="off").pack(), user_id=EN_USER_ID, language_code="en"
    )
    assert answer["text"] == "Saved."
