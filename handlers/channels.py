"""/channel: a region's channel gets every new article of that region, once.

For the bot's admins (:mod:`handlers.admin` checks)::

    /channel                      the mappings
    /channel @name регион         map the channel to a region (any form: «Хакасия», «19»)
    /channel @name off            remove the mapping

The bot must be an administrator of the channel with the right to post
(``getChatMember`` for the bot itself). A mapping is a subscription of the channel chat
(:class:`storage.channels.ChannelRepository`), so the planner and the outbox do the rest.
"""

from __future__ import annotations

import html
import logging
import re

from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest, TelegramForbiddenError
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from bot.errors import UserInputError
from bot.i18n import Texts, plural_en, plural_ru
from handlers.admin import admin_router
from handlers.editing import NO_PREVIEW
from handlers.keyboards import region_label
from handlers.region_input import region_code
from storage.channels import ChannelRepository, RegionChannel
from storage.chats import ChatRepository

__all__ = ["T", "build_router", "parse_channel_name"]

log = logging.getLogger(__name__)

T = Texts(
    ru={
        "usage": (
            "Формат: <code>/channel @канал регион</code> — привязать канал к региону, "
            "<code>/channel @канал off</code> — отвязать, <code>/channel</code> — список."
        ),
        "bad_name": (
            "«{name}» — не имя канала. Нужно публичное имя вида <code>@khakasia_news</code> "
            "или ссылка <code>https://t.me/khakasia_news</code>."
        ),
        "not_found": (
            "Канал {name} не найден. Проверьте имя и добавьте бота в администраторы канала."
        ),
        "not_channel": "{name} — не канал. Новости региона публикуются только в каналы.",
        "not_admin": (
            "Бот не администратор канала {name}. Добавьте его в администраторы с правом "
            "«Публикация сообщений» и повторите команду."
        ),
        "cannot_post": (
            "Бот — администратор канала {name}, но без права «Публикация сообщений». "
            "Включите это право и повторите команду."
        ),
        "check_failed": "Не удалось проверить канал {name}: Telegram ответил «{error}».",
        "mapped": (
            "✅ Канал <b>{title}</b> ({name}) получает новости региона <b>{region}</b>: "
            "каждая новая статья — один раз."
        ),
        "remapped": "\nРаньше канал был привязан к региону «{old}».",
        "not_mapped": "Канал {name} не привязан к региону.",
        "unmapped": "Канал {name} отвязан от региона «{region}». Новые статьи туда не пойдут.",
        "list_title": "<b>Каналы регионов</b>: {n} {word}",
        "list_row": "• {region} → {name}{title}{inactive}",
        "inactive": " ⚠️ бот не может публиковать",
        "list_none": "Каналов регионов нет. Привязать: <code>/channel @канал регион</code>",
    },
    en={
        "usage": (
            "Usage: <code>/channel @channel region</code> maps a channel to a region, "
            "<code>/channel @channel off</code> removes it, <code>/channel</code> lists them."
        ),
        "bad_name": (
            "«{name}» is not a channel name. Use a public name such as "
            "<code>@khakasia_news</code> or a link <code>https://t.me/khakasia_news</code>."
        ),
        "not_found": "Channel {name} not found. Check the name and make the bot its admin.",
        "not_channel": "{name} is not a channel. Region news is posted to channels only.",
        "not_admin": (
            "The bot is not an administrator of {name}. Make it an admin with the right to "
            "post messages, then repeat the command."
        ),
        "cannot_post": (
            "The bot administers {name} but may not post messages. Grant that right, then "
            "repeat the command."
        ),
        "check_failed": "Could not check {name}: Telegram answered «{error}».",
        "mapped": (
            "✅ Channel <b>{title}</b> ({name}) gets the news of <b>{region}</b>: every new "
            "article once."
        ),
        "remapped": "\nIt was mapped to «{old}» before.",
        "not_mapped": "Channel {name} is not mapped to a region.",
        "unmapped": "Channel {name} no longer gets the news of «{region}».",
        "list_title": "<b>Region channels</b>: {n} {word}",
        "list_row": "• {region} → {name}{title}{inactive}",
        "inactive": " ⚠️ the bot cannot post",
        "list_none": "No region channels. Map one: <code>/channel @channel region</code>",
    },
)

_OFF_WORDS = frozenset({"off", "выкл", "нет", "удалить", "отвязать", "-", "none", "remove"})
_USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{3,31}")
_LINK = re.compile(r"(?:https?://)?(?:www\.)?(?:t|telegram)\.me/([A-Za-z0-9_]+)/?", re.IGNORECASE)


def _error(key: str, **fields: object) -> UserInputError:
    return UserInputError(T(key, "ru", **fields), T(key, "en", **fields))


def _shown(words: str) -> str:
    return html.escape(" ".join(words.split())[:60])


def parse_channel_name(raw: str) -> str | None:
    """``@name``, ``name`` or ``https://t.me/name`` -> ``name``; None when it is none."""
    text = raw.strip()
    link = _LINK.fullmatch(text)
    name = link.group(1) if link else text.removeprefix("@")
    return name if _USERNAME.fullmatch(name) else None


async def _check_bot_can_post(bot: Bot, name: str) -> tuple[int, str]:
    """(chat id, title) of the channel @name when the bot may post there; else the reason."""
    shown = "@" + name
    try:
        chat = await bot.get_chat("@" + name)
    except TelegramBadRequest as exc:
        if "not found" in exc.message.lower():
            raise _error("not_found", name=shown) from None
        raise _error("check_failed", name=shown, error=html.escape(exc.message[:200])) from None
    except TelegramForbiddenError:
        raise _error("not_admin", name=shown) from None
    if chat.type != "channel":
        raise _error("not_channel", name=shown)
    me = await bot.me()
    try:
        member = await bot.get_chat_member(chat.id, me.id)
    except (TelegramBadRequest, TelegramForbiddenError):
        raise _error("not_admin", name=shown) from None
    if member.status == "creator":
        return chat.id, chat.title or shown
    if member.status != "administrator":
        raise _error("not_admin", name=shown)
    if not getattr(member, "can_post_messages", False):
        raise _error("cannot_post", name=shown)
    return chat.id, chat.title or shown


def render_channels(channels: list[RegionChannel], lang: str) -> str:
    if not channels:
        return T("list_none", lang)
    n = len(channels)
    word = plural_en(n, "channel", "channels")
    if lang != "en":
        word = plural_ru(n, "канал", "канала", "каналов")
    lines = [T("list_title", lang, n=n, word=word)]
    for channel in channels:
        title = f" ({html.escape(channel.title)})" if channel.title else ""
        lines.append(
            T(
                "list_row",
                lang,
                region=html.escape(region_label(channel.region, lang)),
                name="@" + html.escape(channel.username),
                title=title,
                inactive="" if channel.active else T("inactive", lang),
            )
        )
    return "\n".join(lines)


async def cmd_channel(
    message: Message,
    command: CommandObject,
    *,
    lang: str,
    bot: Bot,
    chats: ChatRepository,
    channels: ChannelRepository,
) -> None:
    args = (command.args or "").split(maxsplit=1)
    if not args:
        await message.answer(render_channels(await channels.list_all(), lang))
        return
    name = parse_channel_name(args[0])
    if name is None:
        raise _error("bad_name", name=_shown(args[0]))
    shown = "@" + name
    if len(args) < 2:
        raise _error("usage")
    words = args[1].strip()
    if words.casefold() in _OFF_WORDS:
        mapped = await channels.by_username(name)
        removed = await channels.unmap(mapped.chat_id) if mapped is not None else None
        if removed is None:
            raise _error("not_mapped", name=shown)
        region = html.escape(region_label(removed.region, lang))
        await message.answer(T("unmapped", lang, name=shown, region=region))
        return
    code = region_code(words)  # an unknown region is answered before Telegram is asked
    try:
        chat_id, title = await _check_bot_can_post(bot, name)
    except TelegramAPIError as exc:  # the Bot API failed otherwise (network, 5xx)
        log.warning("/channel %s: %s", shown, exc)
        raise _error("check_failed", name=shown, error=html.escape(str(exc)[:200])) from None
    await chats.upsert(chat_id, "channel", title, "ru")
    _, previous = await channels.map(
        chat_id, code, username=name, added_by=message.from_user.id if message.from_user else 0
    )
    text = T(
        "mapped",
        lang,
        title=html.escape(title),
        name=shown,
        region=html.escape(region_label(code, lang)),
    )
    if previous is not None and previous != code:
        text += T("remapped", lang, old=html.escape(region_label(previous, lang)))
    await message.answer(text, link_preview_options=NO_PREVIEW)


def build_router() -> Router:
    """A fresh router with this feature's handlers (an aiogram router attaches once)."""
    router = admin_router("channels")
    router.message.register(cmd_channel, Command("channel"))
    return router
