"""/latest and /search, and their «Ещё» buttons that page by editing the same message.

The buttons carry everything needed to continue (:mod:`bot.search.paging` payloads), so they keep
working after a restart; a forged or outdated payload gets a short alert and changes nothing.
"""

from __future__ import annotations

import logging

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)

from bot.search.engine import SEARCH_PAGE, run_search
from bot.search.pages import T, not_found_text, render_latest_page, render_search_page
from bot.search.paging import (
    LatestPayload,
    SearchPayload,
    decode_latest,
    decode_search,
    encode_latest,
    encode_search,
    parse_latest_args,
    query_from_message,
    query_hash,
)
from bot.search.query import parse_query
from handlers.editing import NO_PREVIEW, edit_in_place
from handlers.region_input import region_code
from handlers.topics import thread_of
from handlers.zones import zone_of_chat
from storage.search import SearchRepository
from storage.subscriptions import ALL_REGIONS, SubscriptionRepository

log = logging.getLogger(__name__)


def _more_button(lang: str, data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=T("more", lang), callback_data=data)]]
    )


async def _scope_regions(
    scope: str, message: Message, subscriptions: SubscriptionRepository
) -> list[str] | None:
    """Region codes of a scope; None means every article."""
    if scope == "*":
        return None
    if scope != "@":
        return [scope]
    subs = await subscriptions.list_for_chat(message.chat.id, thread_of(message))
    codes = {s.region for s in subs}
    if not codes or ALL_REGIONS in codes:
        return None
    return sorted(codes)


async def cmd_latest(
    message: Message,
    command: CommandObject,
    lang: str,
    search: SearchRepository,
    subscriptions: SubscriptionRepository,
) -> None:
    words, limit = parse_latest_args(command.args)
    scope = region_code(words) if words else "@"
    if scope == "@" and not await subscriptions.list_for_chat(message.chat.id, thread_of(message)):
        scope = "*"
    regions = await _scope_regions(scope, message, subscriptions)
    mentioned = (await subscriptions.get_settings(message.chat.id)).mentioned
    page = await search.latest(regions, limit=limit, mentioned=mentioned)
    zone = await zone_of_chat(subscriptions, message.chat.id)
    text = render_latest_page(page.articles, scope, lang, zone=zone)
    markup = None
    if page.next_cursor is not None:
        payload = LatestPayload(limit, len(page.articles), scope, page.next_cursor)
        markup = _more_button(lang, encode_latest(payload))
    await message.answer(text, reply_markup=markup, link_preview_options=NO_PREVIEW)


async def _drop_button(message: Message) -> None:
    await edit_in_place(message, None, None)


async def more_latest(
    callback: CallbackQuery,
    lang: str,
    search: SearchRepository,
    subscriptions: SubscriptionRepository,
) -> None:
    payload = decode_latest(callback.data or "")
    message = callback.message
    if payload is None or not isinstance(message, Message):
        await callback.answer(T("stale", lang), show_alert=True)
        return
    regions = await _scope_regions(payload.scope, message, subscriptions)
    mentioned = (await subscriptions.get_settings(message.chat.id)).mentioned
    page = await search.latest(
        regions, limit=payload.limit, after=payload.cursor, mentioned=mentioned
    )
    if not page.articles:
        await _drop_button(message)
        await callback.answer(T("no_more", lang))
        return
    zone = await zone_of_chat(subscriptions, message.chat.id)
    text = render_latest_page(page.articles, payload.scope, lang, shown=payload.shown, zone=zone)
    markup = None
    if page.next_cursor is not None:
        following = LatestPayload(
            payload.limit, payload.shown + len(page.articles), payload.scope, page.next_cursor
        )
        markup = _more_button(lang, encode_latest(following))
    await edit_in_place(message, text, markup)
    await callback.answer()


async def cmd_search(
    message: Message,
    command: CommandObject,
    lang: str,
    search: SearchRepository,
    subscriptions: SubscriptionRepository,
) -> None:
    if not (command.args or "").strip():
        await message.answer(T("search_usage", lang))
        return
    query = parse_query(command.args or "")
    if query.empty:
        await message.answer(T("no_words", lang) + "\n" + T("search_usage", lang))
        return
    mentioned = (await subscriptions.get_settings(message.chat.id)).mentioned
    result = await run_search(search, query, limit=SEARCH_PAGE, mentioned=mentioned)
    if not result.articles:
        await message.answer(not_found_text(query, lang))
        return
    markup = None
    if result.has_more:
        payload = SearchPayload(
            result.stage, result.offset + len(result.articles), result.now, query_hash(query.text)
        )
        markup = _more_button(lang, encode_search(payload))
    zone = await zone_of_chat(subscriptions, message.chat.id)
    await message.answer(
        render_search_page(result, lang, zone=zone),
        reply_markup=markup,
        link_preview_options=NO_PREVIEW,
    )


async def more_search(
    callback: CallbackQuery,
    lang: str,
    search: SearchRepository,
    subscriptions: SubscriptionRepository,
) -> None:
    payload = decode_search(callback.data or "")
    message = callback.message
    text = query_from_message(message.text) if isinstance(message, Message) else None
    if (
        payload is None
        or not isinstance(message, Message)
        or text is None
        or query_hash(text) != payload.digest
    ):
        await callback.answer(T("stale", lang), show_alert=True)
        return
    query = parse_query(text)
    result = await run_search(
        search,
        query,
        limit=SEARCH_PAGE,
        offset=payload.offset,
        stage=payload.stage,
        now=payload.now,
        mentioned=(await subscriptions.get_settings(message.chat.id)).mentioned,
    )
    if not result.articles:
        await _drop_button(message)
        await callback.answer(T("no_more", lang))
        return
    markup = None
    if result.has_more:
        following = SearchPayload(
            payload.stage, payload.offset + len(result.articles), payload.now, payload.digest
        )
        markup = _more_button(lang, encode_search(following))
    zone = await zone_of_chat(subscriptions, message.chat.id)
    await edit_in_place(message, render_search_page(result, lang, zone=zone), markup)
    await callback.answer()


def build_router() -> Router:
    """A fresh router with this feature's handlers (an aiogram router attaches once)."""
    router = Router(name="reading")
    router.message.register(cmd_latest, Command("latest"))
    router.callback_query.register(more_latest, F.data.startswith("lt:"))
    router.message.register(cmd_search, Command("search"))
    router.callback_query.register(more_search, F.data.startswith("sr:"))
    return router
