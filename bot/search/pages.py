"""The /latest and /search pages as Telegram HTML, and the texts of the reading feature."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime

from bot.i18n import Texts
from bot.render import cut_words, fit_message, needs_zone_label, render_list_item
from bot.search.engine import SearchResult
from bot.search.paging import QUERY_MARK
from bot.search.query import SearchQuery
from bot.text.catalogue import by_code
from storage.articles import Article

MAX_PAGE_TEXT = 3900  # visible characters of a page: room below 4,096 for the buttons' edits

T = Texts(
    ru={
        "latest_region": "🗞 <b>Последние новости: {name}</b>",
        "latest_subs": "🗞 <b>Последние новости по вашим подпискам</b>",
        "latest_all": "🗞 <b>Последние новости</b>",
        "latest_empty": "Новостей пока нет.",
        "more": "Ещё",
        "no_more": "Больше ничего нет.",
        "stale": "Эта кнопка устарела: повторите команду.",
        "not_found": (
            "По запросу «{query}» ничего не найдено.\n"
            "Попробуйте другие слова или меньше слов: <code>/search форум Хакасия</code>"
        ),
        "search_usage": (
            "Напишите, что искать: <code>/search соглашение о сотрудничестве</code>\n"
            "Можно добавить регион: <code>/search форум Хакасия</code>"
        ),
        "no_words": "В запросе нет слов для поиска.",
        "region_not_found": "Регион не найден: «{query}».",
        "suggest": "Возможно, вы имели в виду: {names}.",
        "regions_hint": "Список регионов: /regions",
        "inline_empty": "Ничего не найдено",
    },
    en={
        "latest_region": "🗞 <b>Latest news: {name}</b>",
        "latest_subs": "🗞 <b>Latest news for your subscriptions</b>",
        "latest_all": "🗞 <b>Latest news</b>",
        "latest_empty": "No news yet.",
        "more": "More",
        "no_more": "Nothing more.",
        "stale": "This button is out of date: send the command again.",
        "not_found": (
            "Nothing found for «{query}».\n"
            "Try other or fewer words: <code>/search forum Khakassia</code>"
        ),
        "search_usage": (
            "Tell me what to look for: <code>/search agreement</code>\n"
            "You can add a region: <code>/search forum Khakassia</code>"
        ),
        "no_words": "There are no words to search for in the query.",
        "region_not_found": "Region not found: «{query}».",
        "suggest": "Did you mean: {names}?",
        "regions_hint": "List of regions: /regions",
        "inline_empty": "Nothing found",
    },
)


def latest_title(scope: str, lang: str) -> str:
    if scope == "*":
        return T("latest_all", lang)
    if scope == "@":
        return T("latest_subs", lang)
    region = by_code(scope)
    name = (region.name_en if lang == "en" else region.name) if region else scope
    return T("latest_region", lang, name=html.escape(name, quote=False))


def _items(
    articles: Sequence[Article], lang: str, first: int, zone: str | None, now: datetime | None
) -> list[str]:
    """Numbered list items, times in the chat's ``zone``, the zone named on the first."""
    label = needs_zone_label(zone, articles)
    return [
        render_list_item(a, lang, first + i, zone=zone, now=now, label=label and i == 0)
        for i, a in enumerate(articles)
    ]


def render_latest_page(
    articles: Sequence[Article],
    scope: str,
    lang: str,
    *,
    shown: int = 0,
    zone: str | None = None,
    now: datetime | None = None,
) -> str:
    """A /latest page: the title and numbered items (title link, local date, source, regions);
    times in the chat's ``zone`` (None: Moscow)."""
    head = latest_title(scope, lang)
    if not articles:
        return f"{head}\n\n{T('latest_empty', lang)}"
    items = _items(articles, lang, shown + 1, zone, now)
    return fit_message(head, items, limit=MAX_PAGE_TEXT)


def render_search_page(
    result: SearchResult, lang: str, *, zone: str | None = None, now: datetime | None = None
) -> str:
    """A /search page: «🔎 query» then numbered items with their snippets."""
    head = QUERY_MARK + html.escape(result.query.text, quote=False)
    listed = _items(result.articles, lang, result.offset + 1, zone, now)
    items = [item + "\n" + s for item, s in zip(listed, result.snippets, strict=True)]
    return fit_message(head, items, limit=MAX_PAGE_TEXT)


def not_found_text(query: SearchQuery, lang: str) -> str:
    shown = html.escape(cut_words(query.text, 100), quote=False)
    return T("not_found", lang, query=shown)
