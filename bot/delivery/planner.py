"""Planning: one outbox row per (chat, topic, article) for every chat that should get it.

Articles are stored with ``planned = 0`` by the running bot or by a separate
``python -m bot ingest`` process on the same database file; :meth:`Planner.plan_pending`
(a scheduler job every few seconds, and a direct call after in-process ingestion) plans
them. Who gets an article (SQL in :class:`storage.deliveries.DeliveryRepository`):

* active chats subscribed to one of its regions or to '*' (all of Russia), once per chat
  and topic however many subscriptions match (``INSERT OR IGNORE`` on ``deliveries_once``);
* only subscriptions that predate the fetch and are at most
  :data:`storage.deliveries.PLAN_GRACE_SECONDS` younger than the publication: subscribing
  never floods a chat with old news;
* chats in digest mode get none (the digest job covers them); a republished copy
  (``duplicate_of`` set) goes to nobody.

The common case (no keyword filters, no quiet hours) is a single ``INSERT ... SELECT``.
Chats with filters are checked in Python against the article's lemmas
(:func:`bot.text.filters.passes`); chats with quiet hours get ``not_before`` at their end.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.delivery.quiet_hours import next_allowed_time
from bot.render import region_tz
from bot.text.filters import passes, text_lemmas
from storage.deliveries import ArticleToPlan
from storage.subscriptions import ChatSettings

if TYPE_CHECKING:
    from storage.repos import Repositories

log = logging.getLogger(__name__)


class Planner:
    def __init__(self, repos: Repositories, on_planned: Callable[[], None] | None = None) -> None:
        self.repos = repos
        self.on_planned = on_planned  # e.g. DeliveryWorker.wake

    async def plan_pending(self, limit: int = 200) -> int:
        """Plan every article stored with ``planned = 0``; returns the rows created."""
        total = 0
        while True:
            batch = await self.repos.deliveries.unplanned(limit)
            for article in batch:
                total += await self._plan(article)
            if len(batch) < limit:
                break
        if total and self.on_planned is not None:
            self.on_planned()
        return total

    async def plan_article(self, article_id: int) -> int:
        """Plan one article now (idempotent); returns the rows created."""
        article = await self.repos.deliveries.article_to_plan(article_id)
        if article is None:
            return 0
        created = await self._plan(article)
        if created and self.on_planned is not None:
            self.on_planned()
        return created

    async def _plan(self, article: ArticleToPlan) -> int:
        deliveries = self.repos.deliveries
        created = 0
        if article.duplicate_of is None:
            created = await deliveries.plan_simple(article)
            created += await self._plan_special(article)
        await deliveries.mark_planned(article.id)
        if created:
            log.info("article %s: %d deliveries planned", article.id, created)
        return created

    async def _plan_special(self, article: ArticleToPlan) -> int:
        candidates = await self.repos.deliveries.special_candidates(article)
        if not candidates:
            return 0
        lemmas: frozenset[str] | None = None
        now = datetime.now(UTC)
        rows: list[tuple[int, int, int]] = []
        for cand in candidates:
            if cand.has_filters:
                filters = await self.repos.subscriptions.filters_for(cand.chat_id, cand.thread_id)
                if not filters.empty:
                    if lemmas is None:
                        full = await self.repos.articles.get(article.id)
                        lemmas = text_lemmas(full.title, full.full_text) if full else frozenset()
                    if not passes(filters, lemmas):
                        continue
            not_before = 0
            if cand.quiet_start and cand.quiet_end:
                settings = ChatSettings(
                    chat_id=cand.chat_id,
                    timezone=cand.timezone,
                    quiet_start=cand.quiet_start,
                    quiet_end=cand.quiet_end,
                )
                first = await self.repos.subscriptions.first_region(cand.chat_id)
                default_tz = region_tz(first).key if first else None
                allowed = next_allowed_time(now, settings, default_tz)
                if allowed > now:
                    not_before = int(allowed.timestamp())
            rows.append((cand.chat_id, cand.thread_id, not_before))
        return await self.repos.deliveries.insert_rows(article.id, rows)
