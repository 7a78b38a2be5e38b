"""/start (greets and offers the region keyboard) and /help."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandStart
from aiogram.types import Message

from bot.i18n import Texts
from handlers.keyboards import districts_keyboard
from handlers.topics import thread_of
from storage.subscriptions import SubscriptionRepository

T = Texts(
    ru={
        "start": (
            "Здравствуйте! Я присылаю новости муниципалитетов и регионов России.\n\n"
            "Выберите свой регион кнопками ниже: федеральный округ, затем регион. "
            "Или напишите <code>/subscribe Хакасия</code> "
            "(подойдёт название, город или код региона).\n"
            "Последние новости: /latest, поиск: <code>/search форум</code>, "
            "события: /events.\n\nВсе команды: /help"
        ),
        "help": (
            "<b>Команды</b>\n"
            "/latest [регион] [N] — последние новости\n"
            "/search текст — поиск по новостям\n"
            "/events [регион] — события: форумы, сессии, фестивали\n"
            "/event ID — карточка события\n"
            "/summary [today|week] [регион] — сводка за период\n"
            "/subscribe [регион] — подписаться на регион\n"
            "/unsubscribe [регион] — отписаться\n"
            "/my — мои подписки\n"
            "/regions — регионы по федеральным округам\n"
            "/filter +слово -слово — фильтр по словам\n"
            "/settings — мгновенно или дайджестом, тихие часы\n\n"
            "В любом чате: <code>@{bot} хакасия форум</code> — найти новость и поделиться."
        ),
    },
    en={
        "start": (
            "Hello! I send news from Russia's municipalities and regions.\n\n"
            "Choose your region with the buttons below: a federal district, then a region. "
            "Or type <code>/subscribe Khakassia</code> "
            "(a name, a town or a region code works).\n"
            "Latest news: /latest, search: <code>/search forum</code>, events: /events.\n\n"
            "All commands: /help"
        ),
        "help": (
            "<b>Commands</b>\n"
            "/latest [region] [N] — latest news\n"
            "/search text — search the news\n"
            "/events [region] — events: forums, sessions, festivals\n"
            "/event ID — an event's card\n"
            "/summary [today|week] [region] — a digest of the period\n"
            "/subscribe [region] — subscribe to a region\n"
            "/unsubscribe [region] — unsubscribe\n"
            "/my — my subscriptions\n"
            "/regions — regions by federal district\n"
            "/filter +word -word — keyword filter\n"
            "/settings — instant or digest, quiet hours\n\n"
            "In any chat: <code>@{bot} khakassia forum</code> finds an article to share."
        ),
    },
)


async def cmd_start(message: Message, lang: str, subscriptions: SubscriptionRepository) -> None:
    subscribed = {
        s.region for s in await subscriptions.list_for_chat(message.chat.id, thread_of(message))
    }
    await message.answer(T("start", lang), reply_markup=districts_keyboard(lang, subscribed))


async def cmd_help(message: Message, lang: str) -> None:
    me = await message.bot.me() if message.bot else None
    await message.answer(T("help", lang, bot=me.username if me and me.username else "bot"))


def build_router() -> Router:
    """A fresh router with this feature's handlers (an aiogram router attaches once)."""
    router = Router(name="start")
    router.message.register(cmd_start, CommandStart())
    router.message.register(cmd_help, Command("help"))
    return router
