"""Long-running work that never dies quietly: supervised tasks and guarded jobs.

* :func:`supervise` runs a coroutine function for as long as the app runs: when it raises
  (a locked or read-only database, a bug), the failure is logged with its traceback and the
  function is started again after a doubling delay (1, 2, 4 ... ``max_delay`` s); when it
  returns while the app still runs, it is started again too. Cancelling the supervisor
  cancels the work at once.
* :func:`guarded` wraps a scheduler job: a failing run is logged (the traceback once per
  streak of failures, then one line each), and the following runs are skipped for a
  doubling delay instead of failing every few seconds; the first success says so.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

log = logging.getLogger(__name__)

# A supervised task that ran this long before failing starts again with the first delay.
_HEALTHY_SECONDS = 60.0


async def supervise(
    name: str,
    run: Callable[[], Awaitable[object]],
    stop: asyncio.Event,
    *,
    first_delay: float = 1.0,
    max_delay: float = 60.0,
) -> None:
    """Run ``run()`` until ``stop`` is set, restarting it after each failure (see module)."""
    delay = first_delay
    loop = asyncio.get_running_loop()
    while not stop.is_set():
        started = loop.time()
        try:
            await run()
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("%s failed; restarting in %.0f s", name, delay)
        else:
            if stop.is_set():
                return
            log.warning("%s stopped by itself; restarting in %.0f s", name, delay)
        if loop.time() - started > _HEALTHY_SECONDS:
            delay = first_delay
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), delay)
        delay = min(delay * 2, max_delay)


def guarded(
    name: str,
    job: Callable[..., Awaitable[Any]],
    *,
    first_delay: float = 1.0,
    max_delay: float = 300.0,
    clock: Callable[[], float] = time.monotonic,
) -> Callable[..., Awaitable[Any]]:
    """``job`` for the scheduler: failures logged and backed off (see module); never raises."""
    failures = 0
    next_try = 0.0

    async def run_guarded(*args: Any, **kwargs: Any) -> Any:
        nonlocal failures, next_try
        now = clock()
        if now < next_try:
            return None
        try:
            result = await job(*args, **kwargs)
        except Exception as exc:
            failures += 1
            delay = min(max_delay, first_delay * 2 ** (failures - 1))
            next_try = clock() + delay
            if failures == 1:
                log.exception("job %s failed; retrying in %.0f s", name, delay)
            else:
                log.warning(
                    "job %s failed again (%d in a row: %s); retrying in %.0f s",
                    name, failures, exc, delay,
                )  # fmt: skip
            return None
        if failures:
            log.info("job %s works again after %d failure(s)", name, failures)
            failures = 0
            next_try = 0.0
        return result

    run_guarded.__name__ = run_guarded.__qualname__ = f"guarded_{name.replace('.', '_')}"
    return run_guarded
