"""The daily digest for chats in digest mode: one 'digest' outbox row at their local time.

For each active chat with ``chat_settings.mode = 'digest'``, when its digest time has come
(:func:`bot.quiet_hours.next_digest_time`, in the chat's zone), the newest articles of its
regions fetched since the last digest are rendered with :func:`bot.render.render_list_item`
into one message and queued; ``last_digest_at`` moves to now in the same transaction, so a
second run (or a restart) never queues the same digest twice. A chat entering digest mode
starts its first period at the first run that sees it.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.quiet_hours import next_digest_time
from bot.render import MAX_MESSAGE_LEN, format_local, region_tz, render_list_item

if TYPE_CHECKING:
    from storage.repos import Repositories

log = logging.getLogger(__name__)

DIGEST_MAX_ITEMS = 10
_HEADER = {"ru": "<b>Дайджест новостей</b> · {date}", "en": "<b>News digest</b> · {date}"}
_EMPTY_REGIONS = ("*",)


def render_digest(items: list[str], lang: str, when: datetime, region: str | None) -> str:
    """Header and numbered items, as many as fit in one message."""
    date = format_local(when, region, lang).split(",")[0]
    parts = [_HEADER["en" if lang == "en" else "ru"].format(date=date)]
    size = len(parts[0])
    for item in items:
        # HTML length bounds the visible length, so this never exceeds Telegram's limit.
        if size + 2 + len(item) > MAX_MESSAGE_LEN:
            break
        parts.append(item)
        size += 2 + len(item)
    return "\n\n".join(parts)


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
        if ids:
            chat = await repos.chats.get(chat_id)
            lang = chat.language if chat is not None else "ru"
            articles = await repos.articles.get_many(ids)
            items = [render_list_item(a, lang, i) for i, a in enumerate(articles, 1)]
            payload = render_digest(items, lang, now, first)
        if await repos.deliveries.add_digest(chat_id, payload, now_ts) and payload:
            queued += 1
    if queued:
        log.info("%d digests queued", queued)
    return queued
