"""Subscribing: /regions, /subscribe, /unsubscribe, /my, «Вся Россия», and /filter.

A subscription belongs to the chat and, in a forum group, to the topic it was made in
(``thread_id``; 0 outside topics). In groups and channels only the chat's administrators
may change subscriptions, filters and settings (:func:`ensure_can_manage`).
"""

from __future__ import annotations

import html
import logging

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from bot.errors import UserInputError
from bot.text.catalogue import FEDERAL_DISTRICTS, Region, by_code
from bot.text.filters import FilterSyntaxError, parse_filter
from handlers.callbacks import MyCb, RegionCb, SuggestCb
from handlers.editing import edit_in_place
from handlers.keyboards import (
    districts_keyboard,
    region_label,
    suggestions_keyboard,
)
from handlers.permissions import ensure_can_manage
from handlers.region_input import target_code, unknown_region
from handlers.subscription_views import (
    T,
    district_view,
    filter_error,
    filter_text,
    my_view,
    root_view,
    short_query,
    storage_words,
    subscribed_codes,
)
from handlers.targets import managed_chats, managed_list, menu_screen, resolve_target, with_header
from handlers.topics import thread_of
from storage.chats import ChatRepository
from storage.subscriptions import ALL_REGIONS, SubscriptionRepository

__all__ = ["build_router"]

log = logging.getLogger(__name__)

MAX_FILTERS_PER_CHAT = 60

# --- commands ----------------------------------------------------------------------------


async def cmd_regions(message: Message, lang: str, subscriptions: SubscriptionRepository) -> None:
    subscribed = await subscribed_codes(subscriptions, message.chat.id, thread_of(message))
    text, keyboard = root_view(lang, subscribed)
    await message.answer(text, reply_markup=keyboard)


async def _subscribe_reply(
    subscriptions: SubscriptionRepository, chat_id: int, thread_id: int, code: str, lang: str
) -> str:
    if await subscriptions.subscribe(chat_id, thread_id, code):
        where = T("here_topic" if thread_id else "here_chat", lang)
        return T("subscribed", lang, name=html.escape(region_label(code, lang)), where=where)
    return T("already", lang, name=html.escape(region_label(code, lang, "accs")))


async def _unsubscribe_reply(
    subscriptions: SubscriptionRepository, chat_id: int, thread_id: int, code: str, lang: str
) -> str:
    # «Подписка на Республику Хакасия отменена»: the region after «на» is in the accusative.
    name = html.escape(region_label(code, lang, "accs"))
    if await subscriptions.unsubscribe(chat_id, thread_id, code):
        return T("unsubscribed", lang, name=name)
    return T("not_subscribed", lang, name=name)


MAX_REGIONS_PER_COMMAND = 20


def _split_query(query: str) -> list[str]:
    """``"Хакасия, Татарстан; 16"`` -> the parts (a single region when there is no comma)."""
    parts = [p.strip() for p in query.replace(";", ",").split(",")]
    return [p for p in parts if p][:MAX_REGIONS_PER_COMMAND]


async def _change(
    message: Message,
    query: str,
    lang: str,
    subscriptions: SubscriptionRepository,
    *,
    unsubscribe: bool,
) -> None:
    """/subscribe or /unsubscribe with an argument: one region or several, comma-separated.

    Every part that names a region is applied; the reply lists the results, and a part
    that names none gets «Вы имели в виду…» buttons (or, alone and hopeless, an error).
    """
    chat_id, thread_id = message.chat.id, thread_of(message)
    apply = _unsubscribe_reply if unsubscribe else _subscribe_reply
    parts = _split_query(query)
    lines: list[str] = []
    unknown: list[str] = []
    suggested: list[Region] = []
    for part in parts:
        code, suggestions = target_code(part)
        if code is not None:
            lines.append(await apply(subscriptions, chat_id, thread_id, code, lang))
            continue
        unknown.append(part)
        suggested += [r for r in suggestions if r not in suggested]
    if unknown and not suggested and not lines:
        raise unknown_region(query)
    keyboard = None
    if unknown:
        shown = ", ".join(short_query(u) for u in unknown)
        if suggested:
            lines.append(T("did_you_mean", lang, query=shown))
            keyboard = suggestions_keyboard(suggested, lang, unsubscribe=unsubscribe)
        else:
            lines.append(T("unknown", lang, query=shown))
    await message.answer("\n".join(lines), reply_markup=keyboard)


async def cmd_subscribe(
    message: Message,
    command: CommandObject,
    lang: str,
    bot: Bot,
    subscriptions: SubscriptionRepository,
) -> None:
    query = (command.args or "").strip()
    if not query:
        subscribed = await subscribed_codes(subscriptions, message.chat.id, thread_of(message))
        text, keyboard = root_view(lang, subscribed)
        await message.answer(text, reply_markup=keyboard)
        return
    await ensure_can_manage(bot, message.chat, message.from_user, message.sender_chat)
    await _change(message, query, lang, subscriptions, unsubscribe=False)


async def cmd_unsubscribe(
    message: Message,
    command: CommandObject,
    lang: str,
    bot: Bot,
    subscriptions: SubscriptionRepository,
) -> None:
    query = (command.args or "").strip()
    if not query:
        text, keyboard = await my_view(subscriptions, message.chat.id, thread_of(message), lang)
        await message.answer(text, reply_markup=keyboard)
        return
    await ensure_can_manage(bot, message.chat, message.from_user, message.sender_chat)
    await _change(message, query, lang, subscriptions, unsubscribe=True)


async def cmd_my(
    message: Message,
    lang: str,
    bot: Bot,
    chats: ChatRepository,
    subscriptions: SubscriptionRepository,
) -> None:
    text, keyboard = await my_view(subscriptions, message.chat.id, thread_of(message), lang)
    await message.answer(text, reply_markup=keyboard)
    user = message.from_user
    if message.chat.type == "private" and user is not None:
        # The groups and channels this user administers: managed from here.
        listing = managed_list(await managed_chats(bot, user.id, chats, subscriptions), lang)
        if listing is not None:
            await message.answer(listing[0], reply_markup=listing[1])


async def cmd_filter(
    message: Message,
    command: CommandObject,
    lang: str,
    bot: Bot,
    subscriptions: SubscriptionRepository,
) -> None:
    chat_id, thread_id = message.chat.id, thread_of(message)
    args = (command.args or "").strip()
    if not args:
        await message.answer(filter_text(await subscriptions.filters_for(chat_id, thread_id), lang))
        return
    await ensure_can_manage(bot, message.chat, message.from_user, message.sender_chat)
    try:
        spec = parse_filter(args)
    except FilterSyntaxError as exc:
        raise filter_error(exc) from None
    if spec.clear:
        await subscriptions.clear_filters(chat_id, thread_id)
        await message.answer(T("filter_cleared", lang))
        return
    if spec.remove:
        await subscriptions.remove_filters(chat_id, thread_id, spec.remove)
    if spec.add:
        current = await subscriptions.filters_for(chat_id, thread_id)
        known = current.include | current.exclude
        new = {w.lemma for w in spec.add} - known
        if len(known) + len(new) > MAX_FILTERS_PER_CHAT:
            raise UserInputError(
                T("filter_limit", "ru", n=MAX_FILTERS_PER_CHAT),
                T("filter_limit", "en", n=MAX_FILTERS_PER_CHAT),
            )
        await subscriptions.add_filters(chat_id, thread_id, storage_words(spec.add))
    await message.answer(filter_text(await subscriptions.filters_for(chat_id, thread_id), lang))


# --- buttons -----------------------------------------------------------------------------


async def _callback_message(callback: CallbackQuery, lang: str) -> Message | None:
    """The bot message under the button, or None (answered) when it is gone or too old."""
    message = callback.message
    if isinstance(message, Message):
        return message
    await callback.answer(T("old_message", lang), show_alert=True)
    return None


async def on_region_button(
    callback: CallbackQuery,
    callback_data: RegionCb,
    *,
    lang: str,
    bot: Bot,
    chats: ChatRepository,
    subscriptions: SubscriptionRepository,
) -> None:
    data = callback_data
    district_ok = data.d == -1 or 0 <= data.d < len(FEDERAL_DISTRICTS)
    valid = (
        district_ok
        and 0 <= data.p < 100
        and (
            (data.a == "root")
            or (data.a == "d" and data.d >= 0)
            or (data.a == "t" and _toggle_target_ok(data))
        )
    )
    if not valid:
        await callback.answer(T("stale", lang), show_alert=True)
        return
    message = await _callback_message(callback, lang)
    if message is None:
        return
    target = await resolve_target(
        bot, message, callback.from_user, (data.x, data.h), chats, change=data.a == "t"
    )
    chat_id, thread_id, where = target.chat_id, target.thread_id, target.where
    toast: str | None = None
    if data.a == "t":
        name = region_label(data.c, lang)
        if await subscriptions.unsubscribe(chat_id, thread_id, data.c):
            toast = T("toast_off", lang, name=name)
        else:
            await subscriptions.subscribe(chat_id, thread_id, data.c)
            toast = T("toast_on", lang, name=name)
    subscribed = await subscribed_codes(subscriptions, chat_id, thread_id)
    text: str | None
    if data.a == "t" and data.d == -1 and not target.remote:
        # «Вся Россия» sits under the districts: under /start's greeting too. Keep the text.
        text, keyboard = None, districts_keyboard(lang, subscribed)
    elif data.a in ("root", "t") and data.d == -1:
        text, keyboard = root_view(lang, subscribed, where)
    else:
        text, keyboard = district_view(data.d, data.p, lang, subscribed, where)
    if text is not None:
        text = with_header(text, target, lang)
    await edit_in_place(message, text, keyboard)
    await callback.answer(toast)


def _toggle_target_ok(data: RegionCb) -> bool:
    if data.c == ALL_REGIONS:
        return data.d == -1
    region = by_code(data.c)
    if region is None or data.d < 0:
        return False
    # The region must sit in the district the button claims (a forged mix changes nothing).
    return FEDERAL_DISTRICTS[data.d].code == region.district


async def on_suggestion(
    callback: CallbackQuery,
    callback_data: SuggestCb,
    lang: str,
    bot: Bot,
    subscriptions: SubscriptionRepository,
) -> None:
    code = callback_data.c
    if callback_data.a not in ("s", "u") or (code != ALL_REGIONS and by_code(code) is None):
        await callback.answer(T("stale", lang), show_alert=True)
        return
    message = await _callback_message(callback, lang)
    if message is None:
        return
    await ensure_can_manage(bot, message.chat, callback.from_user)
    chat_id, thread_id = message.chat.id, thread_of(message)
    if callback_data.a == "s":
        text = await _subscribe_reply(subscriptions, chat_id, thread_id, code, lang)
    else:
        text = await _unsubscribe_reply(subscriptions, chat_id, thread_id, code, lang)
    await edit_in_place(message, text, None)
    await callback.answer()


async def on_my_button(
    callback: CallbackQuery,
    callback_data: MyCb,
    *,
    lang: str,
    bot: Bot,
    chats: ChatRepository,
    subscriptions: SubscriptionRepository,
) -> None:
    code = callback_data.c
    if callback_data.a != "rm" or (code != ALL_REGIONS and by_code(code) is None):
        await callback.answer(T("stale", lang), show_alert=True)
        return
    message = await _callback_message(callback, lang)
    if message is None:
        return
    where = (callback_data.x, callback_data.h)
    target = await resolve_target(bot, message, callback.from_user, where, chats, change=True)
    removed = await subscriptions.unsubscribe(target.chat_id, target.thread_id, code)
    if target.remote:
        text, markup = await menu_screen(subscriptions, target, lang)
        await edit_in_place(message, text, markup)
    else:
        text, keyboard = await my_view(subscriptions, target.chat_id, target.thread_id, lang)
        await edit_in_place(message, text, keyboard)
    name = region_label(code, lang)
    await callback.answer(T("toast_off", lang, name=name) if removed else None)


async def on_garbage(callback: CallbackQuery, lang: str) -> None:
    """Our prefix, but data that does not unpack (forged or from an old version)."""
    await callback.answer(T("stale", lang), show_alert=True)


def build_router() -> Router:
    """A fresh router with this feature's handlers (an aiogram router attaches once)."""
    router = Router(name="subscriptions")
    router.message.register(cmd_regions, Command("regions"))
    router.channel_post.register(cmd_regions, Command("regions"))
    router.message.register(cmd_subscribe, Command("subscribe"))
    router.channel_post.register(cmd_subscribe, Command("subscribe"))
    router.message.register(cmd_unsubscribe, Command("unsubscribe"))
    router.channel_post.register(cmd_unsubscribe, Command("unsubscribe"))
    router.message.register(cmd_my, Command("my"))
    router.channel_post.register(cmd_my, Command("my"))
    router.message.register(cmd_filter, Command("filter"))
    router.channel_post.register(cmd_filter, Command("filter"))
    router.callback_query.register(on_region_button, RegionCb.filter())
    router.callback_query.register(on_suggestion, SuggestCb.filter())
    router.callback_query.register(on_my_button, MyCb.filter())
    router.callback_query.register(on_garbage, F.data.startswith(("rg:", "my:", "sg:")))
    return router
