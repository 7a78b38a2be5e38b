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

Planning records the article's plan and marks it planned in one transaction
(:meth:`~storage.deliveries.DeliveryRepository.open_plan`); the outbox rows are then written
in chunks of at most :data:`PLAN_CHUNK` subscriptions, oldest plan first, so no transaction
writes a whole broadcast and pushes keep the order the articles were planned in.
:meth:`Planner.plan_article` writes the first chunk itself (an audience of up to
:data:`PLAN_CHUNK` is complete when it returns); :meth:`Planner.plan_pending` (the scheduler
job) writes up to :data:`EXPAND_PER_RUN` subscriptions' worth a run and wakes the sender
after every chunk that added rows. In a chunk the common case (no keyword filters, no quiet
hours) is one ``INSERT ... SELECT``; chats with filters are checked in Python against the
article's lemmas (:func:`bot.text.filters.passes`); chats with quiet hours get
``not_before`` at their end. A crash between a chunk's rows and its cursor redoes the chunk;
the rows it already wrote are ignored (see :mod:`storage.deliveries`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.delivery.quiet_hours import next_allowed_time
from bot.render import region_tz
from bot.text.filters import passes, text_lemmas
from storage.deliveries import Candidate
from storage.subscriptions import ChatSettings

if TYPE_CHECKING:
    from storage.repos import Repositories

log = logging.getLogger(__name__)

PLAN_CHUNK = 5000  # subscriptions per chunk (a write transaction of ~0.1 s on PostgreSQL)
EXPAND_PER_RUN = (
    50_000  # subscriptions a plan_pending run (every 3 s) writes at most; the next goes on
)


class Planner:
    def __init__(self, repos: Repositories, on_planned: Callable[[], None] | None = None) -> None:
        self.repos = repos
        self.on_planned = on_planned  # e.g. DeliveryWorker.wake

    async def plan_pending(self, limit: int = 200) -> int:
        """Plan every article stored with ``planned = 0``, then write up to
        :data:`EXPAND_PER_RUN` subscriptions' worth of open plans; returns the rows created."""
        while True:
            batch = await self.repos.deliveries.unplanned(limit)
            for article in batch:
                await self.repos.deliveries.open_plan(article)
            if len(batch) < limit:
                break
        return await self.expand(EXPAND_PER_RUN)

    async def plan_article(self, article_id: int, *, budget: int | None = PLAN_CHUNK) -> int:
        """Plan one article now (idempotent) and write its first chunk (after any older
        plan still open); ``budget=None`` writes every open plan. Returns the rows created."""
        article = await self.repos.deliveries.article_to_plan(article_id)
        if article is None:
            return 0
        await self.repos.deliveries.open_plan(article)
        return await self.expand(budget)

    async def expand(self, budget: int | None = None) -> int:
        """Write open plans' rows, oldest first, chunk by chunk until about ``budget``
        subscriptions are done (None: all); returns the rows created."""
        deliveries = self.repos.deliveries
        total = 0
        done = 0
        while budget is None or done < budget:
            chunk = await deliveries.next_chunk(PLAN_CHUNK)
            if chunk is None:
                break
            created = await deliveries.plan_chunk(chunk)
            created += await self._plan_special(
                chunk.plan.article_id, await deliveries.chunk_candidates(chunk)
            )
            await deliveries.advance_plan(chunk)
            done += PLAN_CHUNK if chunk.upto is not None else 1
            if created:
                total += created
                log.info("article %s: %d deliveries planned", chunk.plan.article_id, created)
                if self.on_planned is not None:
                    self.on_planned()
        return total

    async def _plan_special(self, article_id: int, candidates: list[Candidate]) -> int:
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
                        full = await self.repos.articles.get(article_id)
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
        return await self.repos.deliveries.insert_rows(article_id, rows)
