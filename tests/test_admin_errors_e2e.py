"""Every admin command's error path answers in the user's language (Russian or English)."""

from __future__ import annotations

import re

import pytest

from bot.emulator import Emulator
from tests.support.apps import ADMIN_ID, USER_ID, BotAppFactory

CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)

# command -> (a phrase of the Russian answer, a phrase of the English answer)
ERRORS = {
    "/addsource": ("Формат: /addsource URL", "Usage: /addsource URL"),
    "/addsource ftp://x": ("не похоже на адрес сайта", "does not look like a web address"),
    "/addsource https://r-19.example/rss Нарния": ("Не знаю такого региона", "I don't know"),
    "/delsource": ("Формат: /delsource ID", "Usage: /delsource ID"),
    "/delsource abc": ("Формат: /delsource ID", "Usage: /delsource ID"),
    "/delsource 77": ("Нет источника с номером 77", "No source number 77"),
    "/sources what": ("Формат: /sources", "Usage: /sources"),
    "/channel @x": ("не имя канала", "is not a channel name"),
    "/channel @khak24": ("Формат: /channel", "Usage: /channel"),
    "/channel @khak24 Нарния": ("Не знаю такого региона", "I don't know"),
    "/channel @no_such_channel Хакасия": ("не найден", "not found"),
    "/channel @khak24 Хакасия": ("не администратор канала", "not an administrator"),
    "/channel @khak24 off": ("не привязан", "is not mapped"),
    "/fetch": ("Нет включённых источников", "No enabled sources"),
}
ADMIN_COMMANDS = ("/sources", "/addsource https://x.example/rss", "/delsource 1", "/fetch",
                  "/stats", "/channel", "/channel @khak24 Хакасия")  # fmt: skip


@pytest.mark.parametrize("lang", ["ru", "en"])
async def test_admin_errors_answer_in_the_users_language(
    emulator: Emulator, bot_app: BotAppFactory, lang: str
) -> None:
    emulator.create_chat(-1003001, "channel", "Хакасия 24", username="khak24", bot_is_admin=False)
    running = await bot_app()
    for command, (ru, en) in ERRORS.items():
        [reply] = await running.say(command, user_id=ADMIN_ID, language_code=lang)
        text = reply["text"]
        if lang == "en":
            assert en in text, (command, text)
            assert not CYRILLIC.search(text.replace("Нарния", "")), (command, text)
        else:
            assert ru in text, (command, text)
    for command in ADMIN_COMMANDS:
        [reply] = await running.say(command, user_id=USER_ID, language_code=lang)
        expected = "for the bot's administrators only" if lang == "en" else "только администраторам"
        assert expected in reply["text"], (command, reply["text"])
    assert await running.app.repos.sources.count() == 0
    assert await running.app.repos.channels.list_all() == []
