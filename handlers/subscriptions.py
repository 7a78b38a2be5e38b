"""Subscribing: /regions, /subscribe, /unsubscribe, /my, «Вся Россия», and /filter.

A subscription belongs to the chat and, in a forum group, to the topic it was made in
(``thread_id``; 0 outside topics). In groups and channels only the chat's administrators
may change subscriptions, filters and settings (:func:`ensure_can_manage`).
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.delivery.quiet_hours import chat_zone
from bot.errors import UserInputError
from bot.i18n import Texts
from bot.text.catalogue import FEDERAL_DISTRICTS, Region, by_code
from bot.text.filters import MAX_FILTER_WORDS, FilterSyntaxError, FilterWordSpec, parse_filter
from handlers.callbacks import MyCb, RegionCb, SuggestCb
from handlers.editing import edit_in_place
from handlers.keyboards import (
    district_page,
    districts_keyboard,
    my_keyboard,
    page_count,
    region_label,
    suggestions_keyboard,
)
from handlers.permissions import ensure_can_manage
from handlers.region_input import target_code, unknown_region
from handlers.topics import thread_of
from storage.subscriptions import ALL_REGIONS, ChatFilters, FilterWord, SubscriptionRepository

__all__ = ["T", "build_router", "my_view", "root_view"]

log = logging.getLogger(__name__)

MAX_FILTERS_PER_CHAT = 60
_QUERY_SHOWN = 60  # characters of a user's query echoed back
_FILTERS_SHOWN = 500  # characters of the filter words in /my (all of them: /filter)
_TEXT_BUDGET = 3800  # characters of a list before it is cut ("и ещё N")

T = Texts(
    ru={
        "root": (
            "<b>Регионы</b>\nВыберите федеральный округ, затем регион — нажатие подписывает "
            "или отписывает. ✅ — подписка есть. «Вся Россия» — все новости."
        ),
        "district": (
            "<b>{name}</b> — страница {page} из {pages}\n"
            "Нажмите на регион, чтобы подписаться или отписаться. ✅ — подписка есть."
        ),
        "subscribed": "✅ Подписка оформлена: <b>{name}</b>. Новости будут приходить {where}.",
        "already": "Вы уже подписаны на <b>{name}</b>. Все подписки: /my",
        "unsubscribed": "Подписка на <b>{name}</b> отменена.",
        "not_subscribed": "Подписки на <b>{name}</b> нет. Все подписки: /my",
        "here_chat": "в этот чат",
        "here_topic": "в эту тему",
        "did_you_mean": "Не нашёл регион «{query}». Вы имели в виду…",
        "unknown": (
            "Не знаю такого региона: «{query}». Напишите название, город или код, например "
            "<code>/subscribe Хакасия</code> или <code>/subscribe 19</code>, "
            "или выберите в /regions."
        ),
        "toast_on": "✅ Подписка: {name}",
        "toast_off": "Отписка: {name}",
        "stale": "Эта кнопка устарела. Откройте меню заново: /regions",
        "old_message": "Сообщение слишком старое. Откройте меню заново: /regions",
        "my_title_chat": "<b>Подписки этого чата</b>",
        "my_title_topic": "<b>Подписки этой темы</b>",
        "my_none": (
            "Подписок пока нет. Выберите регион: /regions или <code>/subscribe Хакасия</code>."
        ),
        "my_more": "… и ещё {n}",
        "my_filters": "<b>Фильтр слов:</b> {filters}",
        "my_no_filters": "нет",
        "my_mode_instant": "<b>Режим:</b> сразу, по мере выхода новостей (пояс {tz})",
        "my_mode_digest": "<b>Режим:</b> дайджест раз в день в {time} ({tz})",
        "my_quiet": "<b>Тихие часы:</b> {start}–{end}",
        "my_hint": "❌ — отписаться. Настройки: /settings, фильтр: /filter",
        "filter_show": (
            "<b>Фильтр слов</b>\nНужно хотя бы одно из: {include}\nИсключить: {exclude}\n\n"
            "Добавить: <code>/filter +слово -слово</code>, убрать слово: "
            "<code>/filter !слово</code>, очистить: <code>/filter clear</code>.\n"
            "Слова сравниваются с учётом падежей: «+форум» найдёт «форума», «форумы»."
        ),
        "filter_none_set": "—",
        "filter_cleared": "Фильтр слов очищен: приходят все новости подписанных регионов.",
        "filter_empty_now": "Фильтра нет: приходят все новости подписанных регионов.",
        "filter_bad_word": (
            "«{word}» — не слово. Пишите по одному слову со знаком: "
            "<code>/filter +форум -реклама</code>."
        ),
        "filter_too_long": "Слово «{word}…» слишком длинное.",
        "filter_too_many": "Слишком много слов за раз: не больше {n}.",
        "filter_limit": "В фильтре может быть не больше {n} слов. Уберите лишние: /filter",
    },
    en={
        "root": (
            "<b>Regions</b>\nChoose a federal district, then a region: a tap subscribes or "
            "unsubscribes. ✅ marks subscriptions. «All of Russia» is all news."
        ),
        "district": (
            "<b>{name}</b> — page {page} of {pages}\n"
            "Tap a region to subscribe or unsubscribe. ✅ marks subscriptions."
        ),
        "subscribed": "✅ Subscribed to <b>{name}</b>. News will come {where}.",
        "already": "You are already subscribed to <b>{name}</b>. All subscriptions: /my",
        "unsubscribed": "Unsubscribed from <b>{name}</b>.",
        "not_subscribed": "There is no subscription to <b>{name}</b>. All subscriptions: /my",
        "here_chat": "to this chat",
        "here_topic": "to this topic",
        "did_you_mean": "No region «{query}» found. Did you mean…",
        "unknown": (
            "I don't know the region «{query}». Type a name, a town or a code, e.g. "
            "<code>/subscribe Khakassia</code> or <code>/subscribe 19</code>, or pick one "
            "in /regions."
        ),
        "toast_on": "✅ Subscribed: {name}",
        "toast_off": "Unsubscribed: {name}",
        "stale": "This button is out of date. Open the menu again: /regions",
        "old_message": "This message is too old. Open the menu again: /regions",
        "my_title_chat": "<b>This chat's subscriptions</b>",
        "my_title_topic": "<b>This topic's subscriptions</b>",
        "my_none": "No subscriptions yet. Choose a region: /regions or "
        "<code>/subscribe Khakassia</code>.",
        "my_more": "… and {n} more",
        "my_filters": "<b>Keyword filter:</b> {filters}",
        "my_no_filters": "none",
        "my_mode_instant": "<b>Mode:</b> instantly, as news comes out (zone {tz})",
        "my_mode_digest": "<b>Mode:</b> a daily digest at {time} ({tz})",
        "my_quiet": "<b>Quiet hours:</b> {start}–{end}",
        "my_hint": "❌ unsubscribes. Settings: /settings, filter: /filter",
        "filter_show": (
            "<b>Keyword filter</b>\nAt least one of: {include}\nExclude: {exclude}\n\n"
            "Add: <code>/filter +word -word</code>, remove a word: <code>/filter !word</code>, "
            "clear: <code>/filter clear</code>.\n"
            "Words match in any grammatical form: «+форум» finds «форума», «форумы»."
        ),
        "filter_none_set": "—",
        "filter_cleared": "Keyword filter cleared: all news of your regions will come.",
        "filter_empty_now": "No keyword filter: all news of your regions comes.",
        "filter_bad_word": (
            "«{word}» is not a word. Write one word per sign: <code>/filter +forum -ad</code>."
        ),
        "filter_too_long": "The word «{word}…» is too long.",
        "filter_too_many": "Too many words at once: {n} at most.",
        "filter_limit": "A filter holds at most {n} words. Remove some: /filter",
    },
)


# --- where: chat and topic ---------------------------------------------------------------


def _short(query: str) -> str:
    query = " ".join(query.split())
    if len(query) > _QUERY_SHOWN:
        query = query[:_QUERY_SHOWN] + "…"
    return html.escape(query)


# --- views -------------------------------------------------------------------------------


async def _subscribed_codes(
    subscriptions: SubscriptionRepository, chat_id: int, thread_id: int
) -> set[str]:
    return {s.region for s in await subscriptions.list_for_chat(chat_id, thread_id)}


def root_view(lang: str, subscribed: set[str]) -> tuple[str, InlineKeyboardMarkup]:
    return T("root", lang), districts_keyboard(lang, subscribed)


def _district_view(
    index: int, page: int, lang: str, subscribed: set[str]
) -> tuple[str, InlineKeyboardMarkup]:
    fd = FEDERAL_DISTRICTS[index]
    pages = page_count(index)
    page = min(max(page, 0), pages - 1)
    _, keyboard = district_page(index, page, lang, subscribed)
    name = fd.name_en if lang == "en" else fd.name
    return T("district", lang, name=name, page=page + 1, pages=pages), keyboard


def _filters_line(filters: ChatFilters, lang: str) -> str:
    if filters.empty:
        return T("my_no_filters", lang)
    parts = [("+" if w.include else "−") + html.escape(w.word) for w in filters.words]
    shown: list[str] = []
    used = 0
    for part in parts:
        if used + len(part) > _FILTERS_SHOWN:
            shown.append("…")
            break
        shown.append(part)
        used += len(part) + 1
    return " ".join(shown)


def _cut_list(lines: Sequence[str], lang: str, budget: int) -> list[str]:
    out: list[str] = []
    used = 0
    for i, line in enumerate(lines):
        if used + len(line) + 1 > budget:
            out.append(T("my_more", lang, n=len(lines) - i))
            break
        out.append(line)
        used += len(line) + 1
    return out


async def my_view(
    subscriptions: SubscriptionRepository, chat_id: int, thread_id: int, lang: str
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The /my message: subscriptions (with remove buttons), filters, mode, quiet hours."""
    subs = await subscriptions.list_for_chat(chat_id, thread_id)
    codes = [s.region for s in subs]
    # «Вся Россия» first, then by name.
    codes.sort(key=lambda c: (c != ALL_REGIONS, region_label(c, lang)))
    filters = await subscriptions.filters_for(chat_id, thread_id)
    chat_settings = await subscriptions.get_settings(chat_id)
    zone = chat_zone(chat_settings, await subscriptions.first_region(chat_id))
    lines = [T("my_title_topic" if thread_id else "my_title_chat", lang)]
    if codes:
        items = ["• " + html.escape(region_label(c, lang)) for c in codes]
        lines += _cut_list(items, lang, _TEXT_BUDGET - 600)
    else:
        lines.append(T("my_none", lang))
    lines.append("")
    lines.append(T("my_filters", lang, filters=_filters_line(filters, lang)))
    if chat_settings.mode == "digest":
        lines.append(T("my_mode_digest", lang, time=chat_settings.digest_time, tz=zone))
    else:
        lines.append(T("my_mode_instant", lang, tz=zone))
    if chat_settings.quiet_hours is not None:
        start, end = chat_settings.quiet_hours
        lines.append(T("my_quiet", lang, start=start, end=end))
    if codes:
        lines.append("")
        lines.append(T("my_hint", lang))
    return "\n".join(lines), my_keyboard(codes, lang)


# --- commands ----------------------------------------------------------------------------


async def cmd_regions(message: Message, lang: str, subscriptions: SubscriptionRepository) -> None:
    subscribed = await _subscribed_codes(subscriptions, message.chat.id, thread_of(message))
    text, keyboard = root_view(lang, subscribed)
    await message.answer(text, reply_markup=keyboard)


async def _subscribe_reply(
    subscriptions: SubscriptionRepository, chat_id: int, thread_id: int, code: str, lang: str
) -> str:
    name = html.escape(region_label(code, lang))
    if await subscriptions.subscribe(chat_id, thread_id, code):
        where = T("here_topic" if thread_id else "here_chat", lang)
        return T("subscribed", lang, name=name, where=where)
    return T("already", lang, name=name)


async def _unsubscribe_reply(
    subscriptions: SubscriptionRepository, chat_id: int, thread_id: int, code: str, lang: str
) -> str:
    name = html.escape(region_label(code, lang))
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
        shown = ", ".join(_short(u) for u in unknown)
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
        subscribed = await _subscribed_codes(subscriptions, message.chat.id, thread_of(message))
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


async def cmd_my(message: Message, lang: str, subscriptions: SubscriptionRepository) -> None:
    text, keyboard = await my_view(subscriptions, message.chat.id, thread_of(message), lang)
    await message.answer(text, reply_markup=keyboard)


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
        await message.answer(
            _filter_text(await subscriptions.filters_for(chat_id, thread_id), lang)
        )
        return
    await ensure_can_manage(bot, message.chat, message.from_user, message.sender_chat)
    try:
        spec = parse_filter(args)
    except FilterSyntaxError as exc:
        raise _filter_error(exc) from None
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
        await subscriptions.add_filters(chat_id, thread_id, _storage_words(spec.add))
    await message.answer(_filter_text(await subscriptions.filters_for(chat_id, thread_id), lang))


def _storage_words(words: Sequence[FilterWordSpec]) -> list[FilterWord]:
    return [FilterWord(lemma=w.lemma, word=w.word, include=w.include) for w in words]


def _filter_error(exc: FilterSyntaxError) -> UserInputError:
    fields: dict[str, object]
    if exc.reason == "too_many":
        key, fields = "filter_too_many", {"n": MAX_FILTER_WORDS}
    elif exc.reason == "too_long":
        key, fields = "filter_too_long", {"word": html.escape(exc.word)}
    else:
        key, fields = "filter_bad_word", {"word": _short(exc.word)}
    return UserInputError(T(key, "ru", **fields), T(key, "en", **fields))


def _filter_text(filters: ChatFilters, lang: str) -> str:
    if filters.empty:
        return (
            T("filter_empty_now", lang)
            + "\n\n"
            + T(
                "filter_show",
                lang,
                include=T("filter_none_set", lang),
                exclude=T("filter_none_set", lang),
            ).split("\n\n", 1)[1]
        )
    include = ", ".join(html.escape(w.word) for w in filters.words if w.include)
    exclude = ", ".join(html.escape(w.word) for w in filters.words if not w.include)
    none = T("filter_none_set", lang)
    return T("filter_show", lang, include=include or none, exclude=exclude or none)


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
    lang: str,
    bot: Bot,
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
    chat_id, thread_id = message.chat.id, thread_of(message)
    toast: str | None = None
    if data.a == "t":
        await ensure_can_manage(bot, message.chat, callback.from_user)
        name = region_label(data.c, lang)
        if await subscriptions.unsubscribe(chat_id, thread_id, data.c):
            toast = T("toast_off", lang, name=name)
        else:
            await subscriptions.subscribe(chat_id, thread_id, data.c)
            toast = T("toast_on", lang, name=name)
    subscribed = await _subscribed_codes(subscriptions, chat_id, thread_id)
    text: str | None
    if data.a == "t" and data.d == -1:
        # «Вся Россия» sits under the districts: under /start's greeting too. Keep the text.
        text, keyboard = None, districts_keyboard(lang, subscribed)
    elif data.a == "root":
        text, keyboard = root_view(lang, subscribed)
    else:
        text, keyboard = _district_view(data.d, data.p, lang, subscribed)
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
    lang: str,
    bot: Bot,
    subscriptions: SubscriptionRepository,
) -> None:
    code = callback_data.c
    if callback_data.a != "rm" or (code != ALL_REGIONS and by_code(code) is None):
        await callback.answer(T("stale", lang), show_alert=True)
        return
    message = await _callback_message(callback, lang)
    if message is None:
        return
    await ensure_can_manage(bot, message.chat, callback.from_user)
    chat_id, thread_id = message.chat.id, thread_of(message)
    removed = await subscriptions.unsubscribe(chat_id, thread_id, code)
    text, keyboard = await my_view(subscriptions, chat_id, thread_id, lang)
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
