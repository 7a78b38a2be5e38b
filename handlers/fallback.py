"""Last in line: what no feature router took.

Stale or forged buttons get a polite alert; an unknown command gets a pointer to /help;
plain text in a private chat is a search, as people type into a news bot.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import CommandObject
from aiogram.types import CallbackQuery, Message

from bot.i18n import Texts
from handlers.reading import cmd_search
from storage.search import SearchRepository
from storage.subscriptions import SubscriptionRepository

T = Texts(
    ru={
        "stale": "Эта кнопка устарела. Отправьте команду ещё раз.",
        "unknown": "Не знаю такой команды. Список команд: /help",
    },
    en={
        "stale": "This button is out of date. Please send the command again.",
        "unknown": "I don't know that command. All commands: /help",
    },
)


async def stale_button(query: CallbackQuery, lang: str) -> None:
    """Any callback data no feature understood changes nothing and gets a polite answer."""
    await query.answer(T("stale", lang), show_alert=True)


async def unknown_command(message: Message, lang: str) -> None:
    await message.answer(T("unknown", lang))


async def text_is_a_search(
    message: Message, lang: str, search: SearchRepository, subscriptions: SubscriptionRepository
) -> None:
    command = CommandObject(prefix="/", command="search", args=message.text)
    await cmd_search(message, command, lang, search, subscriptions)


def build_router() -> Router:
    """A fresh router with this feature's handlers (an aiogram router attaches once)."""
    router = Router(name="fallback")
    router.callback_query.register(stale_button)
    router.message.register(unknown_command, F.chat.type == "private", F.text.startswith("/"))
    router.message.register(
        text_is_a_search, F.chat.type == "private", F.text, ~F.text.startswith("/"), ~F.via_bot
    )
    return router
