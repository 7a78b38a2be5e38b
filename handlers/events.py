"""/events, /event ID and /summary, and the buttons between them.

``/events [регион]`` lists recent events with a button per event; a button opens the event's
card in the same message, with a button back to the list. ``/summary [today|week] [регион]``
is a digest of the period with buttons to the cards of its events. Callback data:
``ev:<id>:<back>`` (a card; ``back`` is the list's region code or ``*``) and ``evl:<region|*>``
(the list). Forged or stale data gets a short alert and changes nothing.
"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)

from bot.errors import UserInputError
from bot.events.render import T, button_title, render_event_card, render_event_list
from bot.events.summary import PERIODS, Period, period_start, render_digest
from bot.render import cut_words
from bot.text.catalogue import by_code
from handlers.editing import NO_PREVIEW, edit_in_place
from handlers.region_input import region_code
from handlers.zones import zone_of_chat
from storage.articles import ArticleRepository
from storage.events import EventRecord, EventRepository
from storage.subscriptions import SubscriptionRepository

LIST_LIMIT = 10
_MAX_ID = 2**62
_CARD = re.compile(r"^ev:(\d{1,18}):(\*|RU-[A-Z]{2,3})$")
_LIST = re.compile(r"^evl:(\*|RU-[A-Z]{2,3})$")
_PERIOD_WORDS: dict[str, Period] = {
    "today": "today",
    "сегодня": "today",
    "день": "today",
    "day": "today",
    "week": "week",
    "неделя": "week",
    "неделю": "week",
    "неделя.": "week",
}


def _list_markup(events: list[EventRecord], back: str) -> InlineKeyboardMarkup | None:
    if not events:
        return None
    rows = [
        [InlineKeyboardButton(text=button_title(e), callback_data=f"ev:{e.id}:{back}")]
        for e in events
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows)


def _card_markup(lang: str, back: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=T("back", lang), callback_data=f"evl:{back}")]]
    )


async def _list(
    events: EventRepository, region: str | None, lang: str
) -> tuple[str, list[EventRecord]]:
    found = await events.recent(limit=LIST_LIMIT, region=region)
    return render_event_list(found, lang, region), found


async def _card(
    events: EventRepository,
    articles: ArticleRepository,
    event_id: int,
    lang: str,
    zone: str | None = None,
) -> str | None:
    event = await events.get(event_id)
    if event is None:
        return None
    reports = await events.articles(event_id)
    found = await articles.get_many([r.article_id for r in reports])
    return render_event_card(event, found, lang, zone=zone)


async def cmd_events(
    message: Message, command: CommandObject, lang: str, events: EventRepository
) -> None:
    words = (command.args or "").strip()
    region = region_code(words) if words else None
    text, found = await _list(events, region, lang)
    await message.answer(
        text, reply_markup=_list_markup(found, region or "*"), link_preview_options=NO_PREVIEW
    )


def parse_event_id(args: str | None) -> int:
    """``/event 12`` -> 12; anything else raises UserInputError with ru/en text."""
    arg = (args or "").strip().lstrip("№#").strip()
    if not arg:
        raise UserInputError(T("event_usage", "ru"), T("event_usage", "en"))
    if not arg.isdecimal() or not arg.isascii() or int(arg) <= 0 or int(arg) >= _MAX_ID:
        shown = html.escape(cut_words(arg, 40), quote=False)
        raise UserInputError(T("event_bad_id", "ru", arg=shown), T("event_bad_id", "en", arg=shown))
    return int(arg)


async def cmd_event(
    message: Message,
    command: CommandObject,
    lang: str,
    events: EventRepository,
    articles: ArticleRepository,
    *,
    subscriptions: SubscriptionRepository,
) -> None:
    event_id = parse_event_id(command.args)
    zone = await zone_of_chat(subscriptions, message.chat.id)
    text = await _card(events, articles, event_id, lang, zone)
    if text is None:
        raise UserInputError(
            T("event_not_found", "ru", id=event_id), T("event_not_found", "en", id=event_id)
        )
    await message.answer(
        text, reply_markup=_card_markup(lang, "*"), link_preview_options=NO_PREVIEW
    )


def parse_summary_args(args: str | None) -> tuple[Period, str | None]:
    """``/summary [today|week] [регион]`` -> (period, region code or None)."""
    words = (args or "").split()
    period: Period = "today"
    if words and words[0].lower() in _PERIOD_WORDS:
        period = _PERIOD_WORDS[words.pop(0).lower()]
    elif words and words[-1].lower() in _PERIOD_WORDS:
        period = _PERIOD_WORDS[words.pop().lower()]
    rest = " ".join(words)
    if len(rest) > 100:
        raise UserInputError(T("summary_usage", "ru"), T("summary_usage", "en"))
    return period, (region_code(rest) if rest else None)


async def cmd_summary(
    message: Message,
    command: CommandObject,
    lang: str,
    events: EventRepository,
    articles: ArticleRepository,
    *,
    subscriptions: SubscriptionRepository,
) -> None:
    period, region = parse_summary_args(command.args)
    assert period in PERIODS
    now = datetime.now(UTC)
    candidates = await articles.latest(limit=200, region=region, include_duplicates=True)
    found = await events.recent(limit=LIST_LIMIT, region=region, since=period_start(period, now))
    event_of = await events.events_of_articles([a.id for a in candidates])
    zone = await zone_of_chat(subscriptions, message.chat.id)
    text = render_digest(
        candidates, found, period=period, lang=lang, now=now, region=region, event_of=event_of,
        zone=zone,
    )  # fmt: skip
    await message.answer(
        text, reply_markup=_list_markup(found[:5], region or "*"), link_preview_options=NO_PREVIEW
    )


async def on_card(
    callback: CallbackQuery,
    lang: str,
    events: EventRepository,
    articles: ArticleRepository,
    *,
    subscriptions: SubscriptionRepository,
) -> None:
    m = _CARD.match(callback.data or "")
    message = callback.message
    if (
        m is None
        or not isinstance(message, Message)
        or (m.group(2) != "*" and by_code(m.group(2)) is None)
    ):
        await callback.answer(T("stale", lang), show_alert=True)
        return
    zone = await zone_of_chat(subscriptions, message.chat.id)
    text = await _card(events, articles, int(m.group(1)), lang, zone)
    if text is None:
        await callback.answer(T("event_not_found", lang, id=int(m.group(1))), show_alert=True)
        return
    await edit_in_place(message, text, _card_markup(lang, m.group(2)))
    await callback.answer()


async def on_list(callback: CallbackQuery, lang: str, events: EventRepository) -> None:
    m = _LIST.match(callback.data or "")
    message = callback.message
    region = m.group(1) if m else None
    if (
        m is None
        or not isinstance(message, Message)
        or (region != "*" and by_code(region or "") is None)
    ):
        await callback.answer(T("stale", lang), show_alert=True)
        return
    code = None if region == "*" else region
    text, found = await _list(events, code, lang)
    await edit_in_place(message, text, _list_markup(found, region or "*"))
    await callback.answer()


def build_router() -> Router:
    """A fresh router with this feature's handlers (an aiogram router attaches once)."""
    router = Router(name="events")
    router.message.register(cmd_events, Command("events"))
    router.message.register(cmd_event, Command("event"))
    router.message.register(cmd_summary, Command("summary"))
    router.callback_query.register(on_card, F.data.startswith("ev:"))
    router.callback_query.register(on_list, F.data.startswith("evl:"))
    return router
