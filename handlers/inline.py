"""Inline mode: ``@bot запрос`` searches like /search; an empty query lists the latest items
of the user's regions (their private chat's subscriptions), or of everything.

Each result is an article (id = article id) whose message is the push (``render_push``), with
the article's picture as its thumbnail; times are in the user's zone (their private chat's).
Pages of :data:`INLINE_PAGE` with ``next_offset`` (:mod:`bot.search.paging` inline offsets, a few
bytes: Telegram sends the query again with the offset, so nothing is kept server-side).
"""

from __future__ import annotations

from aiogram import Router
from aiogram.enums import ParseMode
from aiogram.types import (
    InlineQuery,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    LinkPreviewOptions,
)

from bot.render import cut_words, format_time, is_web_link, needs_zone_label, render_push
from bot.search.engine import run_search
from bot.search.pages import T
from bot.search.paging import decode_inline_offset, encode_inline_latest, encode_inline_offset
from bot.search.query import parse_query
from bot.text.catalogue import by_code
from handlers.zones import zone_of_chat
from storage.articles import Article
from storage.search import Cursor, SearchRepository
from storage.subscriptions import ALL_REGIONS, SubscriptionRepository

INLINE_PAGE = 20  # results per answer (Telegram allows 50; 20 fills a screen and answers fast)
CACHE_QUERY = 30  # seconds Telegram may reuse the answer to a search
CACHE_PERSONAL = 10  # seconds for the personal latest list


def _description(article: Article, lang: str, zone: str | None) -> str:
    names = []
    for code in article.main_regions[:3]:
        r = by_code(code)
        if r is not None:
            names.append(r.name_en if lang == "en" else r.name)
    when = format_time(
        article.published_at, lang, zone=zone, label=needs_zone_label(zone, [article])
    )
    parts = [when, *names]
    return cut_words(" · ".join(parts), 200)


def article_result(
    article: Article, lang: str, zone: str | None = None
) -> InlineQueryResultArticle:
    """One inline result: the title, date and regions, the picture as the thumbnail; sends
    the push (times in ``zone``, the user's)."""
    return InlineQueryResultArticle(
        id=str(article.id),
        title=cut_words(article.title, 120) or article.url,
        description=_description(article, lang, zone),
        url=article.url if is_web_link(article.url) else None,
        thumbnail_url=article.image_url,
        input_message_content=InputTextMessageContent(
            message_text=render_push(article, lang, zone=zone),
            parse_mode=ParseMode.HTML,
            link_preview_options=LinkPreviewOptions(is_disabled=False),
        ),
    )


async def _user_regions(subscriptions: SubscriptionRepository, user_id: int) -> list[str] | None:
    codes = {s.region for s in await subscriptions.list_for_chat(user_id)}
    if not codes or ALL_REGIONS in codes:
        return None
    return sorted(codes)


async def inline_search(
    inline_query: InlineQuery,
    lang: str,
    search: SearchRepository,
    subscriptions: SubscriptionRepository,
) -> None:
    offset = decode_inline_offset(inline_query.offset or "")
    text = inline_query.query.strip()
    zone = await zone_of_chat(subscriptions, inline_query.from_user.id)
    if not text:
        regions = await _user_regions(subscriptions, inline_query.from_user.id)
        after = offset if isinstance(offset, Cursor) else None
        mentioned = (await subscriptions.get_settings(inline_query.from_user.id)).mentioned
        page = await search.latest(regions, limit=INLINE_PAGE, after=after, mentioned=mentioned)
        next_offset = encode_inline_latest(page.next_cursor) if page.next_cursor else ""
        await inline_query.answer(
            [article_result(a, lang, zone) for a in page.articles],
            cache_time=CACHE_PERSONAL,
            is_personal=True,
            next_offset=next_offset,
        )
        return
    query = parse_query(text)
    stage, start, now = offset if isinstance(offset, tuple) else (None, 0, None)
    result = await run_search(search, query, limit=INLINE_PAGE, offset=start, stage=stage, now=now)
    next_offset = ""
    if result.has_more:
        next_offset = encode_inline_offset(
            result.stage, result.offset + len(result.articles), result.now
        )
    button = None
    if not result.articles and start == 0:
        button = InlineQueryResultsButton(text=T("inline_empty", lang), start_parameter="search")
    await inline_query.answer(
        [article_result(a, lang, zone) for a in result.articles],
        cache_time=CACHE_QUERY,
        next_offset=next_offset,
        button=button,
    )


def build_router() -> Router:
    """A fresh router with this feature's handlers (an aiogram router attaches once)."""
    router = Router(name="inline")
    router.inline_query.register(inline_search)
    return router
