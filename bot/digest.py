"""Event lists, event cards and the /summary digest of a period, as Telegram HTML.

Pure functions (no I/O, no aiogram): the handlers (``handlers.events``) and the delivery
engineer's daily digest job fetch the rows and call these. Every outside string is escaped;
every message stays within :data:`bot.render.MAX_MESSAGE_LEN` (whole lines are dropped from
the end, never cut inside a tag).

    render_digest(articles, events, *, period, lang, now, region=None,
                  article_limit=DIGEST_ARTICLES, event_limit=DIGEST_EVENTS) -> str
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any, Literal

from bot.i18n import Texts
from bot.render import MAX_MESSAGE_LEN, cut_words, render_list_item
from bot.text.catalogue import by_code
from storage.articles import Article
from storage.events import EventRecord

__all__ = [
    "DIGEST_ARTICLES",
    "DIGEST_EVENTS",
    "PERIODS",
    "Period",
    "T",
    "format_dates",
    "period_start",
    "render_digest",
    "render_event_card",
    "render_event_list",
    "select_top_articles",
]

Period = Literal["today", "week"]
PERIODS: tuple[Period, ...] = ("today", "week")
DIGEST_ARTICLES = 8
DIGEST_EVENTS = 5
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


def _e(text: str) -> str:
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


def _fit(lines: list[str], keep: int) -> str:
    """Join lines; drop lines from the end (after the first ``keep``) until it fits."""
    text = "\n".join(lines)
    while len(text) > MAX_MESSAGE_LEN and len(lines) > keep:
        lines = lines[:-1]
        text = "\n".join(lines)
    return text[:MAX_MESSAGE_LEN] if len(text) > MAX_MESSAGE_LEN else text


def _event_line(event: EventRecord, lang: str, index: int) -> str:
    parts = [p for p in (format_dates(event.start_date, event.end_date, lang), event.place) if p]
    parts.append(T("reports", lang, n=event.articles_count))
    head = f"{index}. <b>{_e(_event_title(event))}</b> (№{event.id})"
    return head + "\n" + _e(" · ".join(parts))


def render_event_list(events: Sequence[EventRecord], lang: str, region: str | None = None) -> str:
    """/events: numbered events, newest reports first."""
    name = region_name(region, lang) if region else None
    if not events:
        return T("no_events_region", lang, region=_e(name)) if name else T("no_events", lang)
    head = T("events_title_region", lang, region=_e(name)) if name else T("events_title", lang)
    lines = [head, ""]
    for i, event in enumerate(events, 1):
        lines.append(_event_line(event, lang, i))
    return _fit(lines, 2)


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


def render_event_card(event: EventRecord, reports: Sequence[Article], lang: str) -> str:
    """/event ID: name, kind, dates, place, key figures, tracks, agreements, people, the
    summary and links to the reports; at most 4096 characters."""
    facts = event.facts
    lines = [f"<b>{_e(_event_title(event, 300))}</b>"]
    lines.append(f"{T('kind', lang)}: {_e(event.kind)}")
    dates = format_dates(event.start_date, event.end_date, lang)
    if dates:
        lines.append(f"{T('dates', lang)}: {_e(dates)}")
    place = event.place
    if not place and event.regions:
        place = region_name(event.regions[0], lang)
    if place:
        lines.append(f"{T('place', lang)}: {_e(cut_words(place, 200))}")
    keep = len(lines)
    figures = _fact_values(facts, "figures")[:CARD_FIGURES]
    if figures:
        lines.append(f"\n<b>{T('figures', lang)}</b>")
        lines.extend(
            f"• {_e(_number(f.get('value', 0), lang))} — {_e(str(f.get('unit', '')))}"
            for f in figures
        )
    tracks = [str(t.get("name", "")) for t in _fact_values(facts, "tracks")]
    if tracks:
        lines.append(f"\n<b>{T('tracks', lang)}</b>: " + _e(", ".join(f"«{t}»" for t in tracks)))
    agreements = _fact_values(facts, "agreements")
    if agreements:
        lines.append(f"\n<b>{T('agreements', lang)}</b>")
        for a in agreements[:5]:
            parties = [str(p) for p in a.get("parties", [])]
            text = " — ".join(parties) if parties else str(a.get("text", ""))
            lines.append("• " + _e(cut_words(text, 300)))
    people = _fact_values(facts, "people")[:CARD_PEOPLE]
    if people:
        lines.append(f"\n<b>{T('people', lang)}</b>")
        for p in people:
            role = str(p.get("role") or "")
            line = str(p.get("name", "")) + (f" — {cut_words(role, 120)}" if role else "")
            lines.append("• " + _e(line))
    if event.summary:
        lines.append(f"\n<b>{T('summary', lang)}</b>\n" + _e(cut_words(event.summary, 900)))
    if reports:
        lines.append(f"\n<b>{T('sources', lang)}</b>")
        for i, article in enumerate(reports[:CARD_LINKS], 1):
            lines.append(render_list_item(article, lang, i))
    return _fit(lines, keep)


def period_start(period: Period, now: datetime) -> datetime:
    """The start of «today» (the last 24 hours) or «week» (the last 7 days) before ``now``."""
    return now - (timedelta(days=1) if period == "today" else timedelta(days=7))


def select_top_articles(
    articles: Sequence[Article], event_of: Mapping[int, int], limit: int
) -> list[Article]:
    """The period's top articles: originals only (copies dropped), one per event, the ones
    repeated by most portals first, then the newest."""
    copies: dict[int, int] = {}
    for a in articles:
        if a.duplicate_of is not None:
            copies[a.duplicate_of] = copies.get(a.duplicate_of, 0) + 1
    seen_events: set[int] = set()
    chosen: list[Article] = []
    ranked = sorted(
        (a for a in articles if a.duplicate_of is None),
        key=lambda a: (-copies.get(a.id, 0), -a.published_at.timestamp(), -a.id),
    )
    for a in ranked:
        ev = event_of.get(a.id)
        if ev is not None:
            if ev in seen_events:
                continue
            seen_events.add(ev)
        chosen.append(a)
        if len(chosen) >= limit:
            break
    return chosen


def render_digest(
    articles: Sequence[Article],
    events: Sequence[EventRecord],
    *,
    period: Period,
    lang: str,
    now: datetime,
    region: str | None = None,
    event_of: Mapping[int, int] | None = None,
    article_limit: int = DIGEST_ARTICLES,
    event_limit: int = DIGEST_EVENTS,
) -> str:
    """The digest of a period: its events (newest reports first), then its top articles.

    ``articles`` and ``events`` are the candidates (any order, may reach outside the period:
    they are filtered by ``period_start(period, now)``); ``event_of`` maps article ids to the
    event they report, so an event is not listed twice. At most 4096 characters.
    """
    since = period_start(period, now)
    in_period = [a for a in articles if since <= a.published_at <= now]
    recent_events = [e for e in events if e.last_published_at >= since][:event_limit]
    head = T("digest_today" if period == "today" else "digest_week", lang)
    if region:
        head += T("digest_region", lang, region=_e(region_name(region, lang)))
    lines = [head]
    if not in_period and not recent_events:
        lines.append(T("digest_empty", lang))
        return "\n".join(lines)
    if recent_events:
        lines.append("")
        lines.append(T("digest_events", lang))
        lines.extend(_event_line(e, lang, i) for i, e in enumerate(recent_events, 1))
    top = select_top_articles(in_period, event_of or {}, article_limit)
    if top:
        lines.append("")
        lines.append(T("digest_articles", lang))
        for i, article in enumerate(top, 1):
            item = render_list_item(article, lang, i)
            lead = article.summary.strip()
            if lead:
                item += "\n" + _e(cut_words(lead, 220))
            lines.append(item)
    return _fit(lines, 1)
