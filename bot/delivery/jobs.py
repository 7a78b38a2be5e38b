"""Wiring of delivery into the app: the planner job, the digest job and the outbox worker.

``register(app)`` (called from :func:`bot.jobs.register_jobs`) adds to ``app.scheduler``:

* ``delivery-plan`` every :data:`PLAN_INTERVAL_SECONDS` s: plans articles stored with
  ``planned = 0`` (also those written by a ``python -m bot ingest`` process);
* ``delivery-digest`` every minute: queues due digests;

and a dispatcher startup hook that starts the worker (appended to ``app.tasks``, so it is
cancelled on stop). The planner and worker are kept in ``app.dispatcher.workflow_data``
as ``planner`` and ``delivery_worker``; after in-process ingestion call
``await planner.plan_pending()`` to push at once.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from bot.delivery.digest import run_digests
from bot.delivery.planner import Planner
from bot.delivery.worker import DeliveryWorker
from bot.jobs import JOB_DEFAULTS

if TYPE_CHECKING:
    from bot.app import App

PLAN_INTERVAL_SECONDS = 3
DIGEST_INTERVAL_SECONDS = 60


def register(app: App) -> tuple[Planner, DeliveryWorker]:
    """Add the delivery jobs and the worker to ``app`` (a second call changes nothing)."""
    data = app.dispatcher.workflow_data
    if isinstance(data.get("planner"), Planner) and isinstance(
        data.get("delivery_worker"), DeliveryWorker
    ):
        return data["planner"], data["delivery_worker"]
    worker = DeliveryWorker(app.bot, app.repos, app.settings.delivery)
    planner = Planner(app.repos, on_planned=worker.wake)

    async def digests() -> None:
        if await run_digests(app.repos):
            worker.wake()

    app.scheduler.add_job(
        planner.plan_pending, "interval", seconds=PLAN_INTERVAL_SECONDS, id="delivery-plan",
        replace_existing=True, **JOB_DEFAULTS,
    )  # fmt: skip
    app.scheduler.add_job(
        digests, "interval", seconds=DIGEST_INTERVAL_SECONDS, id="delivery-digest",
        replace_existing=True, **JOB_DEFAULTS,
    )  # fmt: skip

    async def start_worker() -> None:
        if not any(t.get_name() == "delivery-worker" and not t.done() for t in app.tasks):
            app.tasks.append(asyncio.create_task(worker.run(), name="delivery-worker"))

    app.dispatcher.startup.register(start_worker)
    app.dispatcher.workflow_data.update(planner=planner, delivery_worker=worker)
    return planner, worker
