"""/latest and /search, and their «Ещё» buttons that page by editing the same message.

The buttons carry everything needed to continue (``bot.reading`` payloads), so they keep
working after a restart; a forged or outdated payload gets a short alert and changes nothing.
"""

from __future__ import annotations

import html
import logging

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
)

from bot.errors import UnknownRegionError
from bot.reading import (
    SEARCH_PAGE,
    LatestPayload,
    SearchPayload,
    T,
    clamp_latest,
    decode_latest,
    decode_search,
    encode_latest,
    encode_search,
    not_found_text,
    parse_latest_args,
    parse_query,
    query_from_message,
    query_hash,
    render_latest_page,
    render_search_page,
    run_search,
)
from bot.render import cut_words
from bot.text.catalogue import REGIONS, Region
from bot.text.regions import resolve_region
from storage.search import SearchRepository
from storage.subscriptions import ALL_REGIONS, SubscriptionRepository

log = logging.getLogger(__name__)

router = Router(name="reading")

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def _more_button(lang: str, data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=T("more", lang), callback_data=data)]]
    )


def _unknown_region(query: str, suggestions: tuple[Region, ...]) -> UnknownRegionError:
    shown = html.escape(cut_words(query, 60), quote=False)
    texts: dict[str, str] = {}
    for lang in ("ru", "en"):
        lines = [T("region_not_found", lang, query=shown)]
        if suggestions:
            names = ", ".join(
                html.escape(r.name_en if lang == "en" else r.name, quote=False) for r in suggestions
            )
            lines.append(T("suggest", lang, names=names))
        lines.append(T("regions_hint", lang))
        texts[lang] = "\n".join(lines)
    return UnknownRegionError(query, [r.code for r in suggestions], texts["ru"], texts["en"])


def _resolve(words: str) -> Region:
    resolution = resolve_region(words)
    if resolution.region is not None:
        return resolution.region
    # English names («/latest Khakassia» from an English user); resolve_region knows only
    # Russian forms so far.
    folded = words.casefold()
    for region in REGIONS:
        if region.name_en.casefold() == folded:
            return region
    raise _unknown_region(words, resolution.suggestions)


async def _scope_regions(
    scope: str, message: Message, subscriptions: SubscriptionRepository
) -> list[str] | None:
    """Region codes of a scope; None means every article."""
    if scope == "*":
        return None
    if scope != "@":
        return [scope]
    thread = message.message_thread_id if message.is_topic_message else None
    subs = await subscriptions.list_for_chat(message.chat.id, thread)
    codes = {s.region for s in subs}
    if not codes or ALL_REGIONS in codes:
        return None
    return sorted(codes)


@router.message(Command("latest"))
async def cmd_latest(
    message: Message,
    command: CommandObject,
    lang: str,
    search: SearchRepository,
    subscriptions: SubscriptionRepository,
) -> None:
    words, limit = parse_latest_args(command.args)
    scope = "@"
    if words:
        if words.isdigit() and len(words) <= 6 and resolve_region(words).region is None:
            # «/latest 500»: no region has that number, so it is a count
            limit = clamp_latest(int(words))
        else:
            scope = _resolve(words).code
    if scope == "@":
        thread = message.message_thread_id if message.is_topic_message else None
        if not await subscriptions.list_for_chat(message.chat.id, thread):
            scope = "*"
    regions = await _scope_regions(scope, message, subscriptions)
    page = await search.latest(regions, limit=limit)
    text = render_latest_page(page.articles, scope, lang)
    markup = None
    if page.next_cursor is not None:
        payload = LatestPayload(limit, len(page.articles), scope, page.next_cursor)
        markup = _more_button(lang, encode_latest(payload))
    await message.answer(text, reply_markup=markup, link_preview_options=NO_PREVIEW)


async def _edit(message: Message, text: str, markup: InlineKeyboardMarkup | None) -> None:
    try:
        await message.edit_text(text, reply_markup=markup, link_preview_options=NO_PREVIEW)
    except TelegramBadRequest as exc:
        if "not modified" not in str(exc):
            raise


async def _drop_button(message: Message) -> None:
    try:
        await message.edit_reply_markup(reply_markup=None)
    except TelegramBadRequest as exc:
        if "not modified" not in str(exc):
            raise


@router.callback_query(F.data.startswith("lt:"))
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
    page = await search.latest(regions, limit=payload.limit, after=payload.cursor)
    if not page.articles:
        await _drop_button(message)
        await callback.answer(T("no_more", lang))
        return
    text = render_latest_page(page.articles, payload.scope, lang, shown=payload.shown)
    markup = None
    if page.next_cursor is not None:
        following = LatestPayload(
            payload.limit, payload.shown + len(page.articles), payload.scope, page.next_cursor
        )
        markup = _more_button(lang, encode_latest(following))
    await _edit(message, text, markup)
    await callback.answer()


@router.message(Command("search"))
async def cmd_search(
    message: Message, command: CommandObject, lang: str, search: SearchRepository
) -> None:
    if not (command.args or "").strip():
        await message.answer(T("search_usage", lang))
        return
    query = parse_query(command.args or "")
    if query.empty:
        await message.answer(T("no_words", lang) + "\n" + T("search_usage", lang))
        return
    result = await run_search(search, query, limit=SEARCH_PAGE)
    if not result.articles:
        await message.answer(not_found_text(query, lang))
        return
    markup = None
    if result.has_more:
        payload = SearchPayload(
            result.stage, result.offset + len(result.articles), result.now, query_hash(query.text)
        )
        markup = _more_button(lang, encode_search(payload))
    await message.answer(
        render_search_page(result, lang), reply_markup=markup, link_preview_options=NO_PREVIEW
    )


@router.callback_query(F.data.startswith("sr:"))
async def more_search(callback: CallbackQuery, lang: str, search: SearchRepository) -> None:
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
    await _edit(message, render_search_page(result, lang), markup)
    await callback.answer()
