"""Event lists and event cards as Telegram HTML (the /summary digest is in
:mod:`bot.events.summary`).

Pure functions (no I/O, no aiogram): the handlers fetch the rows and call these. Every
outside string is escaped; every message is made to fit by :func:`bot.render.fit_message`
(whole lines dropped from the end, never cut inside a tag).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from bot.i18n import Texts
from bot.render import cut_words, fit_message, needs_zone_label, render_list_item
from bot.text.catalogue import by_code
from storage.articles import Article
from storage.events import EventRecord

__all__ = [
    "T",
    "event_line",
    "format_dates",
    "region_name",
    "render_event_card",
    "render_event_list",
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
        "reports": "сообщений: {n}",
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
        "reports": "reports: {n}",
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


def event_line(event: EventRecord, lang: str, index: int) -> str:
    parts = [p for p in (format_dates(event.start_date, event.end_date, lang), event.place) if p]
    parts.append(T("reports", lang, n=event.articles_count))
    head = f"{index}. <b>{escape(_event_title(event))}</b> (№{event.id})"
    return head + "\n" + escape(" · ".join(parts))


def render_event_list(events: Sequence[EventRecord], lang: str, region: str | None = None) -> str:
    """/events: numbered events, newest reports first."""
    name = region_name(region, lang) if region else None
    if not events:
        return T("no_events_region", lang, region=escape(name)) if name else T("no_events", lang)
    head = T("events_title_region", lang, region=escape(name)) if name else T("events_title", lang)
    lines = [head, ""]
    for i, event in enumerate(events, 1):
        lines.append(event_line(event, lang, i))
    return fit_message(head + "\n", lines[2:], sep="\n", keep=0)


def button_title(event: EventRecord) -> str:
    """A button's label (plain text)."""
    return cut_words(f"{event.id}. {_event_title(event)}", 60)


def _fact_values(facts: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    value = facts.get(key)
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _number(value: Any, lang: str) -> str:
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:g}"
        return text.replace(".", ",") if lang == "ru" else text
    n = int(value)
    return f"{n:,}".replace(",", "\u00a0" if lang == "ru" else ",")


def render_event_card(
    event: EventRecord, reports: Sequence[Article], lang: str, *, zone: str | None = None
) -> str:
    """/event ID: name, kind, dates, place, key figures, tracks, agreements, people, the
    summary and links to the reports (their times in the chat's ``zone``); at most 4096
    characters."""
    facts = event.facts
    lines = [f"<b>{escape(_event_title(event, 300))}</b>"]
    lines.append(f"{T('kind', lang)}: {escape(event.kind)}")
    dates = format_dates(event.start_date, event.end_date, lang)
    if dates:
        lines.append(f"{T('dates', lang)}: {escape(dates)}")
    place = event.place
    if not place and event.regions:
        place = region_name(event.regions[0], lang)
    if place:
        lines.append(f"{T('place', lang)}: {escape(cut_words(place, 200))}")
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
