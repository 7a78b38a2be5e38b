"""Event lists (the calendar: «Скоро» and «Прошли»), event cards and reminders as Telegram
HTML (the /summary digest is in :mod:`bot.events.summary`).

Names, places, people and parties are shown as the detector gives them (in the nominative):
nothing here inflects them again.

Pure functions (no I/O, no aiogram): the handlers fetch the rows and call these. Every
outside string is escaped; every message is made to fit by :func:`bot.render.fit_message`
(whole lines dropped from the end, never cut inside a tag).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from bot.i18n import Texts, count_words
from bot.render import cut_words, fit_message, needs_zone_label, render_list_item
from bot.text.catalogue import by_code
from storage.articles import Article
from storage.events import EVENT_STATUSES, EventRecord

__all__ = [
    "T",
    "button_title",
    "event_line",
    "format_dates",
    "format_when",
    "region_name",
    "render_event_card",
    "render_event_list",
    "render_reminder",
    "render_reminder_cancelled",
    "render_reminder_moved",
]

CARD_FIGURES = 10
CARD_PEOPLE = 6
CARD_LINKS = 10

T = Texts(
    ru={
        "events_title": "<b>События</b>",
        "events_title_region": "<b>События: {region}</b>",
        "no_events": "Событий пока нет.",
        "no_events_region": "Событий в регионе «{region}» пока нет.",
        "soon": "<b>Скоро</b> — {n}",
        "past": "<b>Прошли</b> — {n}",
        "status": "Статус",
        "st_held": "состоялось",
        "st_announced": "анонсировано",
        "st_cancelled": "отменено",
        "st_postponed": "перенесено",
        "unconfirmed": "не подтверждено",
        "unconfirmed_card": "анонсировано, дата прошла — не подтверждено",
        "moved_from": "перенесено с {dates}",
        "no_new_date": "новая дата не объявлена (было {dates})",
        "remind": "Напомнить",
        "remind_set": "Напоминание стоит",
        "reminder_line": "Напоминание: {when}",
        "remind_ok": "Напомню {when}.",
        "remind_already": "Напоминание уже стоит: {when}.",
        "remind_already_sent": "Напоминание уже отправлено.",
        "remind_too_late": "Событие уже сегодня — напоминать поздно.",
        "remind_not_ahead": "Напомнить можно только о предстоящем событии.",
        "when": "{date} в {time}",
        "today": "сегодня",
        "tomorrow": "завтра",
        "reminder": "<b>Напоминание</b>: {when} — {title}",
        "reminder_cancelled": "<b>Отменено</b>: {title}. Напоминание снято.",
        "reminder_moved": "<b>Перенесено</b>: {title} — теперь {dates}. Напомню {when}.",
        "reminder_waiting": (
            "<b>Перенесено</b>: {title}; новая дата пока не объявлена. Напомню, когда она появится."
        ),
        "more": "Подробнее: /event {id}",
        "kind": "Тип",
        "dates": "Даты",
        "place": "Место",
        "figures": "Цифры",
        "tracks": "Треки",
        "agreements": "Соглашения",
        "people": "Люди",
        "summary": "Кратко",
        "sources": "Сообщения",
        "back": "« К списку событий",
        "open_event": "{title}",
        "digest_today": "<b>Сводка за сегодня</b>",
        "digest_week": "<b>Сводка за неделю</b>",
        "digest_region": " · {region}",
        "digest_events": "<b>События</b>",
        "digest_articles": "<b>Главные новости</b>",
        "digest_empty": "За этот период новостей нет.",
        "event_usage": "Напишите номер события: /event 12. Список — /events.",
        "event_bad_id": "«{arg}» — не номер события. Пример: /event 12. Список — /events.",
        "event_not_found": "События №{id} нет. Список — /events.",
        "summary_usage": "Так: /summary, /summary week или /summary today Хакасия.",
        "stale": "Кнопка устарела.",
    },
    en={
        "events_title": "<b>Events</b>",
        "events_title_region": "<b>Events: {region}</b>",
        "no_events": "No events yet.",
        "no_events_region": "No events in {region} yet.",
        "soon": "<b>Coming up</b> — {n}",
        "past": "<b>Past</b> — {n}",
        "status": "Status",
        "st_held": "took place",
        "st_announced": "announced",
        "st_cancelled": "cancelled",
        "st_postponed": "postponed",
        "unconfirmed": "unconfirmed",
        "unconfirmed_card": "announced, the date has passed — unconfirmed",
        "moved_from": "moved from {dates}",
        "no_new_date": "no new date yet (was {dates})",
        "remind": "Remind me",
        "remind_set": "Reminder set",
        "reminder_line": "Reminder: {when}",
        "remind_ok": "I will remind you on {when}.",
        "remind_already": "The reminder is already set: {when}.",
        "remind_already_sent": "The reminder has been sent already.",
        "remind_too_late": "The event is today: too late for a reminder.",
        "remind_not_ahead": "Reminders are for upcoming events only.",
        "when": "{date} at {time}",
        "today": "today",
        "tomorrow": "tomorrow",
        "reminder": "<b>Reminder</b>: {when} — {title}",
        "reminder_cancelled": "<b>Cancelled</b>: {title}. The reminder is off.",
        "reminder_moved": "<b>Postponed</b>: {title} — now {dates}. I will remind you on {when}.",
        "reminder_waiting": (
            "<b>Postponed</b>: {title}; no new date yet. I will remind you when there is one."
        ),
        "more": "More: /event {id}",
        "kind": "Kind",
        "dates": "Dates",
        "place": "Place",
        "figures": "Figures",
        "tracks": "Tracks",
        "agreements": "Agreements",
        "people": "People",
        "summary": "Summary",
        "sources": "Reports",
        "back": "« Back to events",
        "open_event": "{title}",
        "digest_today": "<b>Today's summary</b>",
        "digest_week": "<b>This week's summary</b>",
        "digest_region": " · {region}",
        "digest_events": "<b>Events</b>",
        "digest_articles": "<b>Top news</b>",
        "digest_empty": "No news in this period.",
        "event_usage": "Send the event number: /event 12. The list: /events.",
        "event_bad_id": "«{arg}» is not an event number. Example: /event 12. The list: /events.",
        "event_not_found": "There is no event #{id}. The list: /events.",
        "summary_usage": "Like this: /summary, /summary week or /summary today Khakassia.",
        "stale": "This button is out of date.",
    },
)

_MONTHS_RU = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def escape(text: str) -> str:
    return html.escape(text, quote=False)


def region_name(code: str, lang: str) -> str:
    region = by_code(code)
    if region is None:
        return code
    return region.name_en if lang == "en" else region.name


def format_dates(start: date | None, end: date | None, lang: str) -> str:
    """«15 января 2024», «15–17 января 2024», «30 мая – 2 июня 2024» (English alike)."""
    if start is None:
        return ""
    months = _MONTHS_EN if lang == "en" else _MONTHS_RU

    def one(d: date, year: bool = True) -> str:
        if lang == "en":
            return f"{months[d.month - 1]} {d.day}" + (f", {d.year}" if year else "")
        return f"{d.day} {months[d.month - 1]}" + (f" {d.year}" if year else "")

    if end is None or end == start:
        return one(start)
    if (start.year, start.month) == (end.year, end.month):
        if lang == "en":
            return f"{months[start.month - 1]} {start.day}–{end.day}, {end.year}"
        return f"{start.day}–{end.day} {months[start.month - 1]} {end.year}"
    return f"{one(start, start.year != end.year)} – {one(end)}"


def _event_title(event: EventRecord, limit: int = 120) -> str:
    return cut_words(event.title[:1].upper() + event.title[1:], limit)


def _reports(n: int, lang: str) -> str:
    return count_words(n, lang, ("сообщение", "сообщения", "сообщений"), ("report", "reports"))


def _events_count(n: int, lang: str) -> str:
    return count_words(n, lang, ("событие", "события", "событий"), ("event", "events"))


def _unconfirmed(event: EventRecord, today: date | None) -> bool:
    """Announced (or postponed) and its dates are over: nobody reported it held."""
    if today is None or event.status not in ("announced", "postponed") or not event.start_date:
        return False
    return (event.end_date or event.start_date) < today


def event_line(event: EventRecord, lang: str, index: int, *, today: date | None = None) -> str:
    """«1. <b>Форум «…»</b> (№3)» and a line of dates, place, status and reports."""
    parts = [p for p in (format_dates(event.start_date, event.end_date, lang), event.place) if p]
    if _unconfirmed(event, today):
        parts.append(T("unconfirmed", lang))
    elif event.status in ("postponed", "cancelled"):
        parts.append(T(f"st_{event.status}", lang))
    parts.append(_reports(event.articles_count, lang))
    head = f"{index}. <b>{escape(_event_title(event))}</b> (№{event.id})"
    return head + "\n" + escape(" · ".join(parts))


def render_event_list(
    upcoming: Sequence[EventRecord],
    past: Sequence[EventRecord],
    lang: str,
    region: str | None = None,
    *,
    today: date | None = None,
) -> str:
    """/events: «Скоро» (soonest first), then «Прошли» (most recent first), numbered on
    through both so that item N is button N (:func:`button_title`)."""
    name = region_name(region, lang) if region else None
    if not upcoming and not past:
        return T("no_events_region", lang, region=escape(name)) if name else T("no_events", lang)
    head = T("events_title_region", lang, region=escape(name)) if name else T("events_title", lang)
    lines: list[str] = []
    index = 0
    for key, group in (("soon", upcoming), ("past", past)):
        if not group:
            continue
        lines.append(("\n" if lines else "") + T(key, lang, n=_events_count(len(group), lang)))
        for event in group:
            index += 1
            lines.append(event_line(event, lang, index, today=today))
    return fit_message(head + "\n", lines, sep="\n", keep=0)


def button_title(event: EventRecord, index: int) -> str:
    """A list button's label (plain text): the item's number in the message and its title."""
    return cut_words(f"{index}. {_event_title(event)}", 60)


def _fact_values(facts: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    value = facts.get(key)
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _number(value: Any, lang: str) -> str:
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:g}"
        return text.replace(".", ",") if lang == "ru" else text
    n = int(value)
    return f"{n:,}".replace(",", "\u00a0" if lang == "ru" else ",")


def _status_text(event: EventRecord, lang: str, today: date | None) -> str:
    if _unconfirmed(event, today):
        return T("unconfirmed_card", lang)
    return T(f"st_{event.status}", lang) if event.status in EVENT_STATUSES else event.status


def _dates_text(event: EventRecord, lang: str) -> str:
    """The dates; after a postponement, the former ones too."""
    dates = format_dates(event.start_date, event.end_date, lang)
    former = event.former_dates
    if former is None or event.status == "cancelled":
        return dates
    was = format_dates(former[0], former[1] if former[1] != former[0] else None, lang)
    if not dates:
        return T("no_new_date", lang, dates=was)
    return f"{dates} ({T('moved_from', lang, dates=was)})"


def render_event_card(
    event: EventRecord,
    reports: Sequence[Article],
    lang: str,
    *,
    today: date | None = None,
    note: str | None = None,
    zone: str | None = None,
) -> str:
    """/event ID: name, kind, status, dates, place, key figures, tracks, agreements, people,
    the summary and links to the reports (their times in the chat's ``zone``); at most 4096
    characters. ``note``: a line (plain
    text) under the place, e.g. the chat's reminder."""
    facts = event.facts
    lines = [f"<b>{escape(_event_title(event, 300))}</b>"]
    lines.append(f"{T('kind', lang)}: {escape(event.kind)}")
    lines.append(f"{T('status', lang)}: {escape(_status_text(event, lang, today))}")
    dates = _dates_text(event, lang)
    if dates:
        lines.append(f"{T('dates', lang)}: {escape(dates)}")
    place = event.place
    if not place and event.regions:
        place = region_name(event.regions[0], lang)
    if place:
        lines.append(f"{T('place', lang)}: {escape(cut_words(place, 200))}")
    if note:
        lines.append(escape(note))
    keep = len(lines)
    figures = _fact_values(facts, "figures")[:CARD_FIGURES]
    if figures:
        lines.append(f"\n<b>{T('figures', lang)}</b>")
        lines.extend(
            f"• {escape(_number(f.get('value', 0), lang))} — {escape(str(f.get('unit', '')))}"
            for f in figures
        )
    tracks = [str(t.get("name", "")) for t in _fact_values(facts, "tracks")]
    if tracks:
        lines.append(
            f"\n<b>{T('tracks', lang)}</b>: " + escape(", ".join(f"«{t}»" for t in tracks))
        )
    agreements = _fact_values(facts, "agreements")
    if agreements:
        lines.append(f"\n<b>{T('agreements', lang)}</b>")
        for a in agreements[:5]:
            parties = [str(p) for p in a.get("parties", [])]
            text = " — ".join(parties) if parties else str(a.get("text", ""))
            lines.append("• " + escape(cut_words(text, 300)))
    people = _fact_values(facts, "people")[:CARD_PEOPLE]
    if people:
        lines.append(f"\n<b>{T('people', lang)}</b>")
        for p in people:
            role = str(p.get("role") or "")
            line = str(p.get("name", "")) + (f" — {cut_words(role, 120)}" if role else "")
            lines.append("• " + escape(line))
    if event.summary:
        lines.append(f"\n<b>{T('summary', lang)}</b>\n" + escape(cut_words(event.summary, 900)))
    if reports:
        lines.append(f"\n<b>{T('sources', lang)}</b>")
        shown = reports[:CARD_LINKS]
        label = needs_zone_label(zone, shown)
        for i, article in enumerate(shown, 1):
            lines.append(render_list_item(article, lang, i, zone=zone, label=label and i == 1))
    return fit_message(lines[0], lines[1:], sep="\n", keep=max(0, keep - 1))


def format_when(when: datetime, lang: str) -> str:
    """A local moment: «19 декабря в 10:00» / «December 19 at 10:00»."""
    day = when.date()
    months = _MONTHS_EN if lang == "en" else _MONTHS_RU
    text = (
        f"{months[day.month - 1]} {day.day}"
        if lang == "en"
        else f"{day.day} {months[day.month - 1]}"
    )
    return T("when", lang, date=text, time=f"{when.hour:02d}:{when.minute:02d}")


def _title_html(event: EventRecord) -> str:
    return f"<b>{escape(_event_title(event))}</b>"


def render_reminder(event: EventRecord, lang: str, today: date) -> str:
    """The reminder: when (today, tomorrow, a date), the title, dates and place."""
    start = event.start_date
    if start == today:
        when = T("today", lang)
    elif start is not None and (start - today).days == 1:
        when = T("tomorrow", lang)
    else:
        when = format_dates(start, None, lang)
    lines = [T("reminder", lang, when=escape(when), title=_title_html(event))]
    parts = [p for p in (format_dates(event.start_date, event.end_date, lang), event.place) if p]
    if parts:
        lines.append(escape(cut_words(" · ".join(parts), 300)))
    lines.append(T("more", lang, id=event.id))
    return "\n".join(lines)


def render_reminder_cancelled(event: EventRecord, lang: str) -> str:
    return (
        T("reminder_cancelled", lang, title=_title_html(event))
        + "\n"
        + T("more", lang, id=event.id)
    )


def render_reminder_moved(event: EventRecord, lang: str, remind_at: datetime | None) -> str:
    """The event moved to new dates (``remind_at``: local) or waits for them (None)."""
    if remind_at is None or event.start_date is None:
        text = T("reminder_waiting", lang, title=_title_html(event))
    else:
        dates = format_dates(event.start_date, event.end_date, lang)
        text = T(
            "reminder_moved", lang, title=_title_html(event), dates=escape(dates),
            when=escape(format_when(remind_at, lang)),
        )  # fmt: skip
    return text + "\n" + T("more", lang, id=event.id)
