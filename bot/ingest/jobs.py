"""Scheduler jobs of the ingest feature: config sync at start, then ``poll_due`` every tick.

A single short job polls only the sources whose ``next_poll_at`` has passed; each poll
sets the next time with jitter (and a backoff after failures), so sources spread over
time instead of all being fetched at once.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from bot.config import Settings
from bot.ingest.pipeline import AfterStore, Ingestor, SourceReport

if TYPE_CHECKING:
    from bot.app import App

log = logging.getLogger(__name__)

POLL_JOB_ID = "ingest.poll_due"
TICK_SECONDS = 15
# Workflow-data key under which handlers find the app's Ingestor (``/fetch``, ``/addsource``).
WORKFLOW_KEY = "ingestor"


def ingestor_for(app: App, *, after_store: AfterStore | None = None) -> Ingestor:
    """The app's Ingestor (created once, kept in the dispatcher's workflow data)."""
    existing = app.dispatcher.workflow_data.get(WORKFLOW_KEY)
    if isinstance(existing, Ingestor):
        if after_store is not None:
            existing.after_store = after_store
        return existing
    ingestor = Ingestor(
        app.settings.ingest, app.repos.sources, app.repos.articles, after_store=after_store
    )
    app.dispatcher.workflow_data[WORKFLOW_KEY] = ingestor
    return ingestor


async def poll_due(ingestor: Ingestor, settings: Settings | None = None) -> list[SourceReport]:
    """The recurring job; directly callable in tests.

    The first run copies the config's sources into the table (``settings`` given), so the
    sync happens at start even when the scheduler starts late (Bot API unreachable).
    """
    if settings is not None and not ingestor.config_synced:
        synced = await ingestor.sync_config(settings)
        log.info("sources from the config: %d enabled", len(synced))
    reports = await ingestor.poll_due()
    failed = [r for r in reports if not r.ok]
    if reports:
        log.info(
            "polled %d source(s): %d new article(s), %d failed",
            len(reports), sum(r.new for r in reports), len(failed),
        )  # fmt: skip
    return reports


def register(
    app: App, *, after_store: AfterStore | None = None, tick_seconds: float = TICK_SECONDS
) -> None:
    """Add the ingest job to ``app.scheduler``: config sync on its first run, then polls."""
    from bot.jobs import JOB_DEFAULTS  # here: bot.jobs imports this module

    ingestor = ingestor_for(app, after_store=after_store)
    defaults: dict[str, Any] = dict(JOB_DEFAULTS)
    app.scheduler.add_job(
        poll_due,
        "interval",
        seconds=tick_seconds,
        args=[ingestor, app.settings],
        id=POLL_JOB_ID,
        replace_existing=True,
        # The first run (sync + due sources) right when the scheduler starts.
        next_run_time=datetime.now(UTC),
        **defaults,
    )
