"""What the scheduler runs. Each feature registers its jobs here, in one place.

Jobs live in APScheduler's memory job store (a ``Bot`` cannot be pickled); every job
is idempotent and registered with ``max_instances=1, coalesce=True`` so a slow run is
never doubled and missed runs collapse into one.

* ``ingest.poll_due`` (bot.ingest.jobs): polls the sources that are due;
* ``delivery-plan`` / ``delivery-digest`` (bot.delivery.jobs): plans the outbox, queues
  digests; the outbox worker itself is a long-running task started with the dispatcher;
* ``retention`` (here): deletes old articles when ``storage.retention_days`` is set.

After new articles are stored, :func:`after_store` groups them into events and plans
their deliveries at once, so a push does not wait for the next planner tick.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.app import App
    from bot.ingest.pipeline import SourceReport

log = logging.getLogger(__name__)

JOB_DEFAULTS: dict[str, Any] = {"max_instances": 1, "coalesce": True, "misfire_grace_time": 60}
RETENTION_INTERVAL_HOURS = 6


def make_after_store(
    app: App, plan: Callable[[], Awaitable[int]]
) -> Callable[[list[int]], Awaitable[None]]:
    """The hook ingestion calls with the ids of new (non-copy) articles."""
    from bot.eventing import link_article

    async def after_store(article_ids: list[int]) -> None:
        for article in await app.repos.articles.get_many(article_ids):
            await link_article(app.repos.events, article)
        await plan()

    return after_store


def register_jobs(app: App) -> None:
    """Add every feature's recurring jobs to ``app.scheduler`` (not started yet)."""
    from bot.delivery.jobs import register as register_delivery
    from bot.ingest.jobs import register as register_ingest

    planner, _worker = register_delivery(app)
    register_ingest(app, after_store=make_after_store(app, planner.plan_pending))
    days = app.settings.storage.retention_days
    if days:

        async def retention() -> None:
            cutoff = datetime.now(UTC) - timedelta(days=days)
            deleted = await app.repos.articles.delete_older_than(cutoff)
            if deleted:
                log.info("retention: deleted %d article(s) older than %d days", deleted, days)

        app.scheduler.add_job(
            retention, "interval", hours=RETENTION_INTERVAL_HOURS, id="retention",
            next_run_time=datetime.now(UTC), replace_existing=True, **JOB_DEFAULTS,
        )  # fmt: skip


async def poll_now(app: App) -> list[SourceReport]:
    """Poll every enabled source now (the demo, and what ``/fetch`` does)."""
    from bot.ingest.jobs import ingestor_for

    ingestor = ingestor_for(app)
    if not ingestor.config_synced:
        await ingestor.sync_config(app.settings)
    return await ingestor.poll_all()
