"""What the scheduler runs: every recurring job, registered in one place.

Jobs live in APScheduler's memory job store (a ``Bot`` cannot be pickled); every job
is idempotent and registered with ``max_instances=1, coalesce=True`` so a slow run is
never doubled and missed runs collapse into one. Jobs receive the services they use,
never the whole application:

* ``ingest.poll_due`` every :data:`POLL_TICK_SECONDS` s: copies the config's sources into
  the table on its first run, then polls the sources that are due;
* ``delivery-plan`` every :data:`PLAN_INTERVAL_SECONDS` s: plans articles stored with
  ``planned = 0`` (also those written by a ``python -m bot ingest`` process);
* ``delivery-digest`` every :data:`DIGEST_INTERVAL_SECONDS` s: queues due digests;
* ``events-group`` at start and every :data:`GROUP_INTERVAL_SECONDS` s: groups into events
  every article stored with ``grouped = 0`` (whoever stored it); a failing pass is logged
  and the next tick takes the same articles again;
* ``events-remind`` every :data:`REMIND_INTERVAL_SECONDS` s: follows the events of pending
  reminders (cancelled, moved) and queues the reminders that are due;
* ``retention`` every :data:`RETENTION_INTERVAL_HOURS` h when ``storage.retention_days``
  is set: deletes old articles.

Every job runs :func:`bot.supervise.guarded`: a failing run (a locked database) is logged
and the job backs off, it never dies. The outbox worker is not a job but a long-running
task the app supervises.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.config import Settings
from bot.delivery.digest import run_digests
from bot.delivery.planner import Planner
from bot.delivery.reminders import run_reminders
from bot.delivery.worker import DeliveryWorker
from bot.events.calendar import ReminderPolicy
from bot.events.grouping import EventGrouper
from bot.ingest.pipeline import Ingestor, SourceReport
from bot.supervise import guarded
from storage.repos import Repositories

log = logging.getLogger(__name__)

JOB_DEFAULTS: dict[str, Any] = {"max_instances": 1, "coalesce": True, "misfire_grace_time": 60}
POLL_JOB_ID = "ingest.poll_due"
POLL_TICK_SECONDS = 15
PLAN_INTERVAL_SECONDS = 3
DIGEST_INTERVAL_SECONDS = 60
RETENTION_INTERVAL_HOURS = 6
GROUP_INTERVAL_SECONDS = 5
REMIND_INTERVAL_SECONDS = 5


async def poll_due(ingestor: Ingestor, settings: Settings) -> list[SourceReport]:
    """The polling job; directly callable in tests.

    The first run copies the config's sources into the table, so the sync happens at start
    even when the scheduler starts late (Bot API unreachable).
    """
    if not ingestor.config_synced:
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


async def queue_digests(repos: Repositories, worker: DeliveryWorker) -> int:
    """The digest job: queue the digests that are due and wake the worker."""
    queued = await run_digests(repos)
    if queued:
        worker.wake()
    return queued


async def group_events(grouper: EventGrouper) -> int:
    """The grouping tick: every article not grouped yet (``grouped = 0``); after a failure
    (logged by :func:`~bot.supervise.guarded`) the next tick takes the same articles."""
    return await grouper.run()


async def send_reminders(repos: Repositories, settings: Settings, worker: DeliveryWorker) -> int:
    """The reminders job: follow changed events, queue due reminders, wake the worker."""
    policy = ReminderPolicy(settings.events.reminder_at, settings.events.reminder_days_before)
    queued = await run_reminders(repos, policy)
    if queued:
        worker.wake()
    return queued


async def apply_retention(repos: Repositories, days: int) -> int:
    """The retention job: delete articles older than ``days``."""
    cutoff = datetime.now(UTC) - timedelta(days=days)
    deleted = await repos.articles.delete_older_than(cutoff)
    if deleted:
        log.info("retention: deleted %d article(s) older than %d days", deleted, days)
    return deleted


def add_poll_job(
    scheduler: AsyncIOScheduler,
    ingestor: Ingestor,
    settings: Settings,
    *,
    tick_seconds: float = POLL_TICK_SECONDS,
) -> None:
    """The polling job; its first run (config sync, due sources) when the scheduler starts."""
    scheduler.add_job(
        guarded(POLL_JOB_ID, poll_due), "interval", seconds=tick_seconds,
        args=[ingestor, settings], id=POLL_JOB_ID, replace_existing=True,
        next_run_time=datetime.now(UTC), **JOB_DEFAULTS,
    )  # fmt: skip


def register_jobs(
    scheduler: AsyncIOScheduler,
    *,
    settings: Settings,
    repos: Repositories,
    ingestor: Ingestor,
    planner: Planner,
    worker: DeliveryWorker,
    grouper: EventGrouper | None = None,
    poll_tick_seconds: float = POLL_TICK_SECONDS,
) -> None:
    """Add every recurring job to ``scheduler`` (not started yet; a second call replaces)."""
    now = datetime.now(UTC)
    add_poll_job(scheduler, ingestor, settings, tick_seconds=poll_tick_seconds)
    scheduler.add_job(
        guarded("delivery-plan", planner.plan_pending), "interval",
        seconds=PLAN_INTERVAL_SECONDS, id="delivery-plan", replace_existing=True, **JOB_DEFAULTS,
    )  # fmt: skip
    scheduler.add_job(
        guarded("delivery-digest", queue_digests), "interval",
        seconds=DIGEST_INTERVAL_SECONDS, args=[repos, worker], id="delivery-digest",
        replace_existing=True, **JOB_DEFAULTS,
    )  # fmt: skip
    if grouper is not None:
        scheduler.add_job(
            guarded("events-group", group_events), "interval", seconds=GROUP_INTERVAL_SECONDS,
            args=[grouper], id="events-group", next_run_time=now, replace_existing=True,
            **JOB_DEFAULTS,
        )  # fmt: skip
    scheduler.add_job(
        guarded("events-remind", send_reminders), "interval", seconds=REMIND_INTERVAL_SECONDS,
        args=[repos, settings, worker], id="events-remind", replace_existing=True,
        **JOB_DEFAULTS,
    )  # fmt: skip
    days = settings.storage.retention_days
    if days:
        scheduler.add_job(
            guarded("retention", apply_retention), "interval",
            hours=RETENTION_INTERVAL_HOURS, args=[repos, days], id="retention", next_run_time=now,
            replace_existing=True, **JOB_DEFAULTS,
        )  # fmt: skip
