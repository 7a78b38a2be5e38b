"""Which chat a button acts on, and the screens of a chat managed from a private chat.

A button's callback data carries ``(x, h)``: ``x == 0`` means the chat the button sits in
(the subscription screens' old behaviour); any other ``x`` is a group, supergroup or
channel an admin manages from their private chat (``/my``). Such a target is accepted
only in a private chat, only for a chat the bot knows and still is in, and only while
``getChatMember`` says the user administers it: asked afresh on every press, so an admin
who lost the rights gets a polite refusal at once.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from aiogram import Bot
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Message, User

from bot.errors import PermissionDeniedError
from bot.i18n import Texts
from handlers.callbacks import HERE, ManageCb, RegionCb
from handlers.permissions import ensure_can_manage, is_chat_admin
from handlers.subscription_views import filter_text, my_view
from handlers.topics import thread_of
from storage.chats import Chat, ChatRepository
from storage.subscriptions import SubscriptionRepository

__all__ = [
    "MAX_MANAGED",
    "T",
    "Target",
    "filter_screen",
    "managed_chats",
    "managed_list",
    "menu_screen",
    "resolve_target",
    "with_header",
]

MAX_MANAGED = 20  # chats (and topics) offered in /my

T = Texts(
    ru={
        "header": "<b>{icon} {title}</b>{topic}",
        "topic": " · тема {h}",
        "list": (
            "<b>Чаты, которыми вы управляете</b>\n"
            "Нажмите на чат, чтобы открыть его подписки, фильтр и настройки."
        ),
        "regions": "🗺 Регионы",
        "settings": "⚙️ Настройки",
        "filter": "🔤 Фильтр слов",
        "filter_clear": "🧹 Очистить фильтр",
        "to_list": "⬅️ Все чаты",
        "back": "⬅️ Назад",
        "filter_note": "Слова добавляются командой /filter в самом чате.",
        "not_admin": (
            "Вы больше не администратор этого чата (или бота там уже нет), "
            "поэтому менять его подписки и настройки нельзя."
        ),
        "private_only": "Эта кнопка работает только в личном чате с ботом.",
    },
    en={
        "header": "<b>{icon} {title}</b>{topic}",
        "topic": " · topic {h}",
        "list": (
            "<b>Chats you administer</b>\nTap a chat to open its subscriptions, filter and "
            "settings."
        ),
        "regions": "🗺 Regions",
        "settings": "⚙️ Settings",
        "filter": "🔤 Keyword filter",
        "filter_clear": "🧹 Clear the filter",
        "to_list": "⬅️ All chats",
        "back": "⬅️ Back",
        "filter_note": "Words are added with /filter in the chat itself.",
        "not_admin": (
            "You are no longer an administrator of this chat (or the bot has left it), "
            "so its subscriptions and settings cannot be changed."
        ),
        "private_only": "This button works in the private chat with the bot only.",
    },
)


@dataclass(frozen=True, slots=True)
class Target:
    """The chat (and topic) a screen acts on."""

    chat_id: int
    thread_id: int
    remote: bool  # managed from a private chat
    title: str = ""
    type: str = ""

    @property
    def where(self) -> tuple[int, int]:
        """What the screen's buttons carry: :data:`HERE`, or the managed chat and topic."""
        return (self.chat_id, self.thread_id) if self.remote else HERE


def _refusal(key: str) -> PermissionDeniedError:
    return PermissionDeniedError(T(key, "ru"), T(key, "en"))


async def resolve_target(
    bot: Bot,
    message: Message,
    user: User,
    where: tuple[int, int],
    chats: ChatRepository,
    *,
    change: bool,
) -> Target:
    """The target of a button under ``message`` pressed by ``user``.

    Here: the message's chat and topic (``change`` checks the chat's admins as before).
    A managed chat: refused unless pressed in a private chat by a current admin of a chat
    the bot is in; the rights are asked afresh every time.
    """
    x, h = where
    if not x:
        if change:
            await ensure_can_manage(bot, message.chat, user)
        return Target(message.chat.id, thread_of(message), remote=False)
    if message.chat.type != "private" or message.chat.id != user.id:
        raise _refusal("private_only")
    record = await chats.get(x)
    if record is None or record.type == "private" or not record.active:
        raise _refusal("not_admin")
    if user.is_bot or not await is_chat_admin(bot, x, user.id, fresh=True):
        raise _refusal("not_admin")
    thread = h if record.type == "supergroup" and h > 0 else 0
    return Target(x, thread, remote=True, title=record.title, type=record.type)


def _icon(chat_type: str, thread_id: int) -> str:
    if chat_type == "channel":
        return "📢"
    return "💬" if thread_id else "👥"


def _title(chat: Chat | Target) -> str:
    return html.escape(chat.title or str(chat.chat_id if isinstance(chat, Target) else chat.id))


def header(target: Target, lang: str) -> str:
    topic = T("topic", lang, h=target.thread_id) if target.thread_id else ""
    icon = _icon(target.type, target.thread_id)
    return T("header", lang, icon=icon, title=_title(target), topic=topic)


def with_header(text: str, target: Target, lang: str) -> str:
    """A screen's text, headed by the managed chat's name when it is not this chat."""
    return header(target, lang) + "\n\n" + text if target.remote else text


def _button(text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data)


async def menu_screen(
    subscriptions: SubscriptionRepository, target: Target, lang: str
) -> tuple[str, InlineKeyboardMarkup]:
    """A managed chat's menu: its subscriptions (❌ removes), then regions, settings,
    filter and the way back to the list."""
    x, h = target.where
    text, keyboard = await my_view(subscriptions, target.chat_id, target.thread_id, lang, (x, h))
    rows = list(keyboard.inline_keyboard) if keyboard is not None else []
    rows.append(
        [
            _button(T("regions", lang), RegionCb(a="root", x=x, h=h).pack()),
            _button(T("settings", lang), ManageCb(a="s", x=x, h=h).pack()),
        ]
    )
    rows.append([_button(T("filter", lang), ManageCb(a="f", x=x, h=h).pack())])
    rows.append([_button(T("to_list", lang), ManageCb(a="l").pack())])
    return with_header(text, target, lang), InlineKeyboardMarkup(inline_keyboard=rows)


async def filter_screen(
    subscriptions: SubscriptionRepository, target: Target, lang: str
) -> tuple[str, InlineKeyboardMarkup]:
    x, h = target.where
    filters = await subscriptions.filters_for(target.chat_id, target.thread_id)
    text = filter_text(filters, lang) + "\n\n" + T("filter_note", lang)
    rows: list[list[InlineKeyboardButton]] = []
    if not filters.empty:
        rows.append([_button(T("filter_clear", lang), ManageCb(a="fc", x=x, h=h).pack())])
    rows.append([_button(T("back", lang), ManageCb(a="o", x=x, h=h).pack())])
    return with_header(text, target, lang), InlineKeyboardMarkup(inline_keyboard=rows)


async def managed_chats(
    bot: Bot, user_id: int, chats: ChatRepository, subscriptions: SubscriptionRepository
) -> list[tuple[Chat, int]]:
    """(chat, topic) pairs the user administers where the bot is: groups, supergroups and
    channels the user was seen in, checked with getChatMember (cached briefly), and in a
    forum the topics that have subscriptions."""
    found: list[tuple[Chat, int]] = []
    for chat in await chats.seen_with(user_id, limit=MAX_MANAGED):
        if not await is_chat_admin(bot, chat.id, user_id):
            continue
        found.append((chat, 0))
        if chat.type == "supergroup":
            topics = {s.thread_id for s in await subscriptions.list_for_chat(chat.id)}
            found += [(chat, t) for t in sorted(topics) if t]
        if len(found) >= MAX_MANAGED:
            break
    return found[:MAX_MANAGED]


def managed_list(
    managed: list[tuple[Chat, int]], lang: str
) -> tuple[str, InlineKeyboardMarkup] | None:
    """The /my section «Чаты, которыми вы управляете»: a button per chat or topic."""
    if not managed:
        return None
    rows = []
    for chat, thread in managed:
        topic = T("topic", lang, h=thread) if thread else ""
        label = f"{_icon(chat.type, thread)} {chat.title or chat.id}{topic}"
        rows.append([_button(label[:60], ManageCb(a="o", x=chat.id, h=thread).pack())])
    return T("list", lang), InlineKeyboardMarkup(inline_keyboard=rows)
