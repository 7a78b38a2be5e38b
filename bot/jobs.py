"""What the scheduler runs. Each feature registers its jobs here, in one place.

Jobs live in APScheduler's memory job store (a ``Bot`` cannot be pickled); every job
is idempotent and registered with ``max_instances=1, coalesce=True`` so a slow run is
never doubled and missed runs collapse into one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.app import App

JOB_DEFAULTS: dict[str, Any] = {"max_instances": 1, "coalesce": True, "misfire_grace_time": 60}


def register_jobs(app: App) -> None:
    """Add every feature's recurring jobs to ``app.scheduler`` (not started yet)."""
