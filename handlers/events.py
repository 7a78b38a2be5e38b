"""/events, /event ID and /summary, and the buttons between them.

``/events [регион]`` is the calendar: «Скоро» (announced and postponed events from today on,
soonest first) and «Прошли» (held events, and announced ones whose dates are over, marked
unconfirmed); cancelled events are on their cards only. Items are numbered through both
parts and button N opens item N's card in the same message, with a button back to the list.
An upcoming event's card has «Напомнить»: a reminder for this chat (topic) the day before,
sent through the outbox (:mod:`bot.delivery.reminders`); in groups only admins set one.
``/summary [today|week] [регион]`` is a digest of the period with buttons to its events.

Callback data: ``ev:<id>:<back>`` (a card; ``back`` is the list's region code or ``*``),
``evl:<region|*>`` (the list) and ``evr:<id>:<back>`` (remind). Forged or stale data gets a
short alert and changes nothing.
"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)

from bot.config import Settings
from bot.delivery.quiet_hours import chat_zone
from bot.errors import UserInputError
from bot.events.calendar import ReminderPolicy, is_upcoming, local_today, remind_at
from bot.events.render import (
    T,
    button_title,
    format_when,
    render_event_card,
    render_event_list,
)
from bot.events.summary import PERIODS, Period, period_start, render_digest
from bot.render import cut_words
from bot.text.catalogue import by_code
from handlers.editing import NO_PREVIEW, edit_in_place
from handlers.permissions import ensure_can_manage
from handlers.region_input import region_code
from handlers.zones import zone_of_chat
from storage.articles import ArticleRepository
from storage.events import EventRecord, EventRepository
from storage.reminders import ACTIVE, Reminder, ReminderRepository
from storage.subscriptions import SubscriptionRepository

LIST_LIMIT = 10
SOON_LIMIT = 8
PAST_LIMIT = 8
_MAX_ID = 2**62
_CARD = re.compile(r"^ev:([0-9]{1,18}):(\*|RU-[A-Z]{2,3})$")
_LIST = re.compile(r"^evl:(\*|RU-[A-Z]{2,3})$")
_REMIND = re.compile(r"^evr:(\d{1,18}):(\*|RU-[A-Z]{2,3})$")
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
    """Button N opens the card of the list's item N (the numbers agree)."""
    if not events:
        return None
    rows = [
        [InlineKeyboardButton(text=button_title(e, i), callback_data=f"ev:{e.id}:{back}")]
        for i, e in enumerate(events, 1)
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows)


def _card_markup(
    lang: str, back: str, event: EventRecord | None = None, reminder: Reminder | None = None
) -> InlineKeyboardMarkup:
    """«Напомнить» for an upcoming event (``event`` given), and the way back to the list."""
    rows = []
    if event is not None:
        label = T("remind_set" if _is_set(reminder) else "remind", lang)
        rows.append([InlineKeyboardButton(text=label, callback_data=f"evr:{event.id}:{back}")])
    rows.append([InlineKeyboardButton(text=T("back", lang), callback_data=f"evl:{back}")])
    return InlineKeyboardMarkup(inline_keyboard=rows)


def _is_set(reminder: Reminder | None) -> bool:
    return reminder is not None and reminder.status in ACTIVE


async def _zone(subscriptions: SubscriptionRepository, chat_id: int) -> str:
    settings = await subscriptions.get_settings(chat_id)
    return chat_zone(settings, await subscriptions.first_region(chat_id))


async def _list(
    events: EventRepository, region: str | None, lang: str, zone: str
) -> tuple[str, list[EventRecord]]:
    today = local_today(datetime.now(UTC), zone)
    soon = await events.upcoming(today=today, region=region, limit=SOON_LIMIT)
    past = await events.past(today=today, region=region, limit=PAST_LIMIT)
    return render_event_list(soon, past, lang, region, today=today), [*soon, *past]


def _reminder_note(reminder: Reminder | None, lang: str, zone: str) -> str | None:
    if not _is_set(reminder) or reminder is None or reminder.remind_at is None:
        return None
    when = format_when(reminder.remind_at.astimezone(ZoneInfo(zone)), lang)
    return T("reminder_line", lang, when=when)


async def _card(
    message: Message,
    event_id: int,
    lang: str,
    back: str,
    *,
    events: EventRepository,
    articles: ArticleRepository,
    reminders: ReminderRepository,
    subscriptions: SubscriptionRepository,
) -> tuple[str, InlineKeyboardMarkup] | None:
    """The card's text and buttons as this chat sees them (its day, its reminder)."""
    event = await events.get(event_id)
    if event is None:
        return None
    zone = await _zone(subscriptions, message.chat.id)
    today = local_today(datetime.now(UTC), zone)
    reminder = await reminders.get(message.chat.id, message.message_thread_id or 0, event_id)
    reports = await events.articles(event_id)
    found = await articles.get_many([r.article_id for r in reports])
    note = _reminder_note(reminder, lang, zone)
    text = render_event_card(event, found, lang, today=today, note=note, zone=zone)
    upcoming = is_upcoming(event, today)
    return text, _card_markup(lang, back, event if upcoming else None, reminder)


async def cmd_events(
    message: Message,
    command: CommandObject,
    lang: str,
    events: EventRepository,
    subscriptions: SubscriptionRepository,
) -> None:
    words = (command.args or "").strip()
    region = region_code(words) if words else None
    zone = await _zone(subscriptions, message.chat.id)
    text, found = await _list(events, region, lang, zone)
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
    *,
    lang: str,
    events: EventRepository,
    articles: ArticleRepository,
    reminders: ReminderRepository,
    subscriptions: SubscriptionRepository,
) -> None:
    event_id = parse_event_id(command.args)
    card = await _card(
        message, event_id, lang, "*",
        events=events, articles=articles, reminders=reminders, subscriptions=subscriptions,
    )  # fmt: skip
    if card is None:
        raise UserInputError(
            T("event_not_found", "ru", id=event_id), T("event_not_found", "en", id=event_id)
        )
    text, markup = card
    await message.answer(text, reply_markup=markup, link_preview_options=NO_PREVIEW)


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
    listed = [e for e in found if e.last_published_at >= period_start(period, now)][:5]
    await message.answer(
        text, reply_markup=_list_markup(listed, region or "*"), link_preview_options=NO_PREVIEW
    )


async def on_card(
    callback: CallbackQuery,
    *,
    lang: str,
    events: EventRepository,
    articles: ArticleRepository,
    reminders: ReminderRepository,
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
    event_id = int(m.group(1))
    card = await _card(
        message, event_id, lang, m.group(2),
        events=events, articles=articles, reminders=reminders, subscriptions=subscriptions,
    )  # fmt: skip
    if card is None:
        await callback.answer(T("event_not_found", lang, id=event_id), show_alert=True)
        return
    await edit_in_place(message, *card)
    await callback.answer()


async def on_list(
    callback: CallbackQuery,
    lang: str,
    events: EventRepository,
    subscriptions: SubscriptionRepository,
) -> None:
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
    text, found = await _list(events, code, lang, await _zone(subscriptions, message.chat.id))
    await edit_in_place(message, text, _list_markup(found, region or "*"))
    await callback.answer()


async def on_remind(
    callback: CallbackQuery,
    *,
    bot: Bot,
    lang: str,
    settings: Settings,
    events: EventRepository,
    articles: ArticleRepository,
    reminders: ReminderRepository,
    subscriptions: SubscriptionRepository,
) -> None:
    """«Напомнить»: a reminder for this chat (topic) the day before; again: it is set."""
    m = _REMIND.match(callback.data or "")
    message = callback.message
    if (
        m is None
        or not isinstance(message, Message)
        or (m.group(2) != "*" and by_code(m.group(2)) is None)
    ):
        await callback.answer(T("stale", lang), show_alert=True)
        return
    event_id, back = int(m.group(1)), m.group(2)
    event = await events.get(event_id)
    if event is None:
        await callback.answer(T("event_not_found", lang, id=event_id), show_alert=True)
        return
    await ensure_can_manage(bot, message.chat, callback.from_user)
    chat_id, thread_id = message.chat.id, message.message_thread_id or 0
    chat_settings = await subscriptions.get_settings(chat_id)
    zone = chat_zone(chat_settings, await subscriptions.first_region(chat_id))
    now = datetime.now(UTC)
    existing = await reminders.get(chat_id, thread_id, event_id)
    if _is_set(existing) and existing is not None:
        if existing.status == "queued":
            await callback.answer(T("remind_already_sent", lang), show_alert=True)
        else:
            note = _reminder_note(existing, lang, zone) or T("remind_set", lang)
            await callback.answer(T("remind_already", lang, when=note), show_alert=True)
        return
    if not is_upcoming(event, local_today(now, zone)) or event.start_date is None:
        await callback.answer(T("remind_not_ahead", lang), show_alert=True)
        return
    policy = ReminderPolicy(settings.events.reminder_at, settings.events.reminder_days_before)
    at = remind_at(event.start_date, zone=zone, settings=chat_settings, policy=policy, now=now)
    if at is None:
        await callback.answer(T("remind_too_late", lang), show_alert=True)
        return
    if not await reminders.add(chat_id, thread_id, event_id, event.start_date, at):
        await callback.answer(T("remind_already", lang, when=T("remind_set", lang)))
        return
    when = format_when(at.astimezone(ZoneInfo(zone)), lang)
    card = await _card(
        message, event_id, lang, back,
        events=events, articles=articles, reminders=reminders, subscriptions=subscriptions,
    )  # fmt: skip
    if card is not None:
        await edit_in_place(message, *card)
    await callback.answer(T("remind_ok", lang, when=when))


def build_router() -> Router:
    """A fresh router with this feature's handlers (an aiogram router attaches once)."""
    router = Router(name="events")
    router.message.register(cmd_events, Command("events"))
    router.message.register(cmd_event, Command("event"))
    router.message.register(cmd_summary, Command("summary"))
    router.callback_query.register(on_card, F.data.startswith("ev:"))
    router.callback_query.register(on_list, F.data.startswith("evl:"))
    router.callback_query.register(on_remind, F.data.startswith("evr:"))
    return router
