"""The daily digest for chats in digest mode: one 'digest' outbox row at their local time.

For each active chat with ``chat_settings.mode = 'digest'``, when its digest time has come
(:func:`bot.delivery.quiet_hours.next_digest_time`, in the chat's zone), the newest articles of its
regions fetched since the last digest, and the events they report, are rendered by
:func:`bot.events.summary.render_digest` (the same digest ``/summary today`` shows) and queued;
``last_digest_at`` moves to now in the same transaction, so a second run (or a restart)
never queues the same digest twice. A chat entering digest mode starts its first period at
the first run that sees it.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.delivery.quiet_hours import chat_zone, next_digest_time
from bot.events.summary import period_start, render_digest
from bot.render import region_tz

if TYPE_CHECKING:
    from storage.repos import Repositories

log = logging.getLogger(__name__)

DIGEST_MAX_ITEMS = 10
_EMPTY_REGIONS = ("*",)


async def run_digests(repos: Repositories, now: datetime | None = None) -> int:
    """Queue the digests that are due; returns how many were queued."""
    now = now or datetime.now(UTC)
    now_ts = int(now.timestamp())
    queued = 0
    for settings in await repos.subscriptions.digest_chats():
        chat_id = settings.chat_id
        if settings.last_digest_at is None:  # a new digest chat: its first period starts now
            await repos.deliveries.add_digest(chat_id, None, now_ts)
            continue
        first = await repos.subscriptions.first_region(chat_id)
        default_tz = region_tz(first).key if first else None
        if next_digest_time(now, settings, default_tz) > now:
            continue
        regions = tuple({s.region for s in await repos.subscriptions.list_for_chat(chat_id)})
        since = int(settings.last_digest_at.timestamp())
        ids = await repos.deliveries.digest_article_ids(
            regions or _EMPTY_REGIONS[:0], since, now_ts + 1, DIGEST_MAX_ITEMS
        )
        payload = None
        articles = [
            a
            for a in await repos.articles.get_many(ids)
            if a.published_at >= period_start("today", now)
        ]
        if articles:
            chat = await repos.chats.get(chat_id)
            lang = chat.language if chat is not None else "ru"
            event_of = await repos.events.events_of_articles([a.id for a in articles])
            events = [
                e
                for e in [await repos.events.get(i) for i in dict.fromkeys(event_of.values())]
                if e
            ]
            payload = render_digest(
                articles, events, period="today", lang=lang, now=now,
                region=regions[0] if len(regions) == 1 and regions[0] != "*" else None,
                event_of=event_of, article_limit=DIGEST_MAX_ITEMS,
                zone=chat_zone(settings, first),
            )  # fmt: skip
        if await repos.deliveries.add_digest(chat_id, payload, now_ts) and payload:
            queued += 1
    if queued:
        log.info("%d digests queued", queued)
    return queued
