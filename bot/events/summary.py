"""The digest of a period (/summary today|week, and the daily digest push) as Telegram HTML.

Pure functions: the handler and the digest job fetch the rows and call
``render_digest(articles, events, *, period, lang, now, region=None, ...)``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Literal

from bot.events.render import T, escape, event_line, region_name
from bot.render import cut_words, fit_message, needs_zone_label, render_list_item
from storage.articles import Article
from storage.events import EventRecord

__all__ = [
    "DIGEST_ARTICLES",
    "DIGEST_EVENTS",
    "PERIODS",
    "Period",
    "period_start",
    "render_digest",
    "select_top_articles",
]

Period = Literal["today", "week"]
PERIODS: tuple[Period, ...] = ("today", "week")
DIGEST_ARTICLES = 8
DIGEST_EVENTS = 5


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
    zone: str | None = None,
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
        head += T("digest_region", lang, region=escape(region_name(region, lang)))
    lines = [head]
    if not in_period and not recent_events:
        lines.append(T("digest_empty", lang))
        return "\n".join(lines)
    if recent_events:
        lines.append("")
        lines.append(T("digest_events", lang))
        lines.extend(event_line(e, lang, i) for i, e in enumerate(recent_events, 1))
    top = select_top_articles(in_period, event_of or {}, article_limit)
    if top:
        lines.append("")
        lines.append(T("digest_articles", lang))
        label = needs_zone_label(zone, top)  # times in the chat's zone, named once
        for i, article in enumerate(top, 1):
            item = render_list_item(article, lang, i, zone=zone, now=now, label=label and i == 1)
            lead = article.summary.strip()
            if lead:
                item += "\n" + escape(cut_words(lead, 220))
            lines.append(item)
    return fit_message(lines[0], lines[1:], sep="\n", keep=0)
