"""What the subscription screens say: texts, /regions pages, /my, the /filter summary.

Pure rendering over repository rows; the handlers in :mod:`handlers.subscriptions` call these.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from aiogram.types import InlineKeyboardMarkup

from bot.delivery.quiet_hours import chat_zone
from bot.errors import UserInputError
from bot.i18n import Texts
from bot.text.catalogue import FEDERAL_DISTRICTS
from bot.text.filters import MAX_FILTER_WORDS, FilterSyntaxError, FilterWordSpec
from handlers.callbacks import HERE
from handlers.keyboards import (
    district_page,
    districts_keyboard,
    my_keyboard,
    page_count,
    region_label,
)
from storage.subscriptions import ALL_REGIONS, ChatFilters, FilterWord, SubscriptionRepository

__all__ = [
    "T",
    "district_view",
    "filter_error",
    "filter_text",
    "my_view",
    "root_view",
    "short_query",
    "storage_words",
    "subscribed_codes",
]

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
        "my_hint_remote": "❌ — отписать чат. Регионы, настройки и фильтр чата — кнопками ниже.",
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
        "my_hint_remote": "❌ unsubscribes the chat. Its regions, settings and filter: below.",
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


def short_query(query: str) -> str:
    query = " ".join(query.split())
    if len(query) > _QUERY_SHOWN:
        query = query[:_QUERY_SHOWN] + "…"
    return html.escape(query)


async def subscribed_codes(
    subscriptions: SubscriptionRepository, chat_id: int, thread_id: int
) -> set[str]:
    return {s.region for s in await subscriptions.list_for_chat(chat_id, thread_id)}


def root_view(
    lang: str, subscribed: set[str], target: tuple[int, int] = HERE
) -> tuple[str, InlineKeyboardMarkup]:
    return T("root", lang), districts_keyboard(lang, subscribed, target)


def district_view(
    index: int, page: int, lang: str, subscribed: set[str], target: tuple[int, int] = HERE
) -> tuple[str, InlineKeyboardMarkup]:
    fd = FEDERAL_DISTRICTS[index]
    pages = page_count(index)
    page = min(max(page, 0), pages - 1)
    _, keyboard = district_page(index, page, lang, subscribed, target)
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
    subscriptions: SubscriptionRepository,
    chat_id: int,
    thread_id: int,
    lang: str,
    target: tuple[int, int] = HERE,
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The /my message: subscriptions (with remove buttons), filters, mode, quiet hours.

    For a chat managed from a private chat (``target`` not :data:`HERE`) the hint names
    the buttons instead of commands (which would act on the private chat)."""
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
    if target != HERE:
        lines.append("")
        lines.append(T("my_hint_remote", lang))
    elif codes:
        lines.append("")
        lines.append(T("my_hint", lang))
    return "\n".join(lines), my_keyboard(codes, lang, target)


def storage_words(words: Sequence[FilterWordSpec]) -> list[FilterWord]:
    return [FilterWord(lemma=w.lemma, word=w.word, include=w.include) for w in words]


def filter_error(exc: FilterSyntaxError) -> UserInputError:
    fields: dict[str, object]
    if exc.reason == "too_many":
        key, fields = "filter_too_many", {"n": MAX_FILTER_WORDS}
    elif exc.reason == "too_long":
        key, fields = "filter_too_long", {"word": html.escape(exc.word)}
    else:
        key, fields = "filter_bad_word", {"word": short_query(exc.word)}
    return UserInputError(T(key, "ru", **fields), T(key, "en", **fields))


def filter_text(filters: ChatFilters, lang: str) -> str:
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
