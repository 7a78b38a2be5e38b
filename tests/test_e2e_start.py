"""End to end: the real app against the emulator answers /start and /help and sets commands."""

from __future__ import annotations

from typing import Any

from bot.emulator import Emulator
from tests.support.apps import EN_USER_ID, USER_ID, BotAppFactory
from tests.support.articles import Item, store


async def test_start_in_russian_records_chat(
    bot_app: BotAppFactory,
) -> None:
    """/start greets in Russian and records the private chat with its title and language."""
    running = await bot_app()
    reply = await running.say("/start", first_name="Анна")
    assert "Здравствуйте" in reply[0]["text"]
    chat = await running.app.repos.chats.get(USER_ID)
    assert chat is not None
    assert (chat.type, chat.language, chat.title, chat.active) == ("private", "ru", "Анна", True)


async def test_start_and_help_in_english(bot_app: BotAppFactory) -> None:
    """An English-speaking user gets /start and /help in English; the chat is stored as en."""
    running = await bot_app()
    start = await running.say("/start", user_id=EN_USER_ID, language_code="en")
    assert start[0]["text"].startswith("Hello")
    help_ = await running.say("/help", user_id=EN_USER_ID, language_code="en")
    assert "/latest" in help_[0]["text"] and "Commands" in help_[0]["text"]
    chat = await running.app.repos.chats.get(EN_USER_ID)
    assert chat is not None and chat.language == "en"


async def test_help_names_the_bot_for_inline_mode(
    bot_app: BotAppFactory,
) -> None:
    """/help names the bot's @username for inline mode, in HTML."""
    running = await bot_app()
    reply = await running.say("/help")
    assert "@newsbot_test_bot" in reply[0]["text"]
    assert reply[0]["parse_mode"] == "HTML"


async def test_commands_registered_in_both_languages(
    bot_app: BotAppFactory, emulator: Emulator
) -> None:
    """The menu is set in ru and en; admin commands only in the admins' chat scope."""
    await bot_app()
    calls = emulator.call_log("setMyCommands")
    menus: dict[tuple[Any, Any], list[str]] = {}
    for call in calls:
        params = call["params"]
        scope = params.get("scope", {}).get("type", "default")
        menus[scope, params.get("language_code")] = [c["command"] for c in params["commands"]]
    assert "start" in menus["default", None] and "help" in menus["default", "en"]
    assert "sources" not in menus["default", None]  # admin commands only in the admins' scope
    assert "sources" in menus["chat", None]


async def test_forged_button_and_unknown_command_get_polite_answers(
    bot_app: BotAppFactory,
) -> None:
    """A forged button gets «устарела»; an unknown command is pointed to /help."""
    running = await bot_app()
    reply = await running.say("/start")
    answer = await running.press(reply[0], "zz:garbage:\x00")
    assert answer["answered"] and "устарела" in answer["text"]
    unknown = await running.say("/nosuchcommand")
    assert "/help" in unknown[0]["text"]


async def test_plain_text_in_private_chat_is_a_search(
    bot_app: BotAppFactory,
) -> None:
    """Plain text in a private chat is a /search: «nothing found», then the stored article."""
    running = await bot_app()
    reply = await running.say("форум в Абакане")
    # Nothing is stored yet: the search answers «nothing found», not silence.
    assert reply[0]["text"].startswith("По запросу «форум в Абакане» ничего не найдено.")
    await store(running.app.db, [Item("В Абакане прошёл форум", "Форум собрал глав.", ["RU-KK"])])
    found = await running.say("форумы Хакасии")
    assert "В Абакане прошёл форум" in found[0]["text"]
