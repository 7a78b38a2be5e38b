"""The ingest's CPU work on every core: one process pool per process, shared by ingestors.

Parsing a feed and understanding its items (regions, summary, stems, near-copy keys) are
pure functions of plain data, so they run in worker processes and the event loop only
waits. :class:`CpuPool` hands chunks of a batch to ``ingest.workers`` processes (default:
one per core; 0: no processes, the work runs in a thread of this process, as on a small
machine or in tests). Workers are started with ``spawn`` (no fork of a process that has
threads), import the text modules once and warm the morphology in their initializer.

When the pool cannot start or breaks (a worker killed), the work runs in a thread and the
pool is not tried again until :func:`shutdown_pools` (the app's or the CLI's close).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

log = logging.getLogger(__name__)

R = TypeVar("R")

# Batches smaller than this are not worth the round trip to another process.
POOL_MIN_ITEMS = 32
# A batch is cut into about this many chunks per worker: small enough that the workers
# finish together, large enough that the pickling round trips stay a small cost.
CHUNKS_PER_WORKER = 6
MAX_CHUNK = 24

_pools: dict[int, ProcessPoolExecutor] = {}
_failed: set[int] = set()


def pool_size(workers: int | None) -> int:
    """The configured number of workers; None means one per core."""
    return (os.cpu_count() or 1) if workers is None else max(0, workers)


def _orphan_watch(parent: int) -> None:
    """In a worker: exit once the process that started it is gone (killed without closing
    the pool), instead of waiting for work forever."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)


def _start_worker(parent: int, initializer: Callable[[], None] | None) -> None:
    threading.Thread(target=_orphan_watch, args=(parent,), daemon=True).start()
    if initializer is not None:
        initializer()


def _ping() -> int:
    return os.getpid()


def chunked(items: Sequence[R], workers: int) -> list[Sequence[R]]:
    """``items`` cut into consecutive chunks for ``workers`` processes."""
    size = max(1, min(MAX_CHUNK, -(-len(items) // (max(1, workers) * CHUNKS_PER_WORKER))))
    return [items[i : i + size] for i in range(0, len(items), size)]


class CpuPool:
    """The ingestor's handle on the shared pool of ``size`` worker processes."""

    def __init__(self, workers: int | None, initializer: Callable[[], None] | None = None) -> None:
        self.size = pool_size(workers)
        # Run once in each worker as it starts (the caller's imports and warm-up).
        self.initializer = initializer

    @property
    def enabled(self) -> bool:
        return self.size > 0 and self.size not in _failed

    def _executor(self) -> ProcessPoolExecutor | None:
        if not self.enabled:
            return None
        pool = _pools.get(self.size)
        if pool is None:
            try:
                pool = ProcessPoolExecutor(
                    self.size,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start_worker,
                    initargs=(os.getpid(), self.initializer),
                )
            except (OSError, ValueError, ImportError, NotImplementedError) as exc:
                self._give_up(exc)
                return None
            _pools[self.size] = pool
        return pool

    def _give_up(self, exc: BaseException) -> None:
        log.warning(
            "ingest worker processes unavailable (%s: %s): CPU work runs in a thread",
            type(exc).__name__,
            exc,
        )
        _failed.add(self.size)
        pool = _pools.pop(self.size, None)
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    async def start(self) -> bool:
        """Start and warm every worker now (else the first batch waits for them)."""
        pool = self._executor()
        if pool is None:
            return False
        loop = asyncio.get_running_loop()
        try:
            await asyncio.gather(*(loop.run_in_executor(pool, _ping) for _ in range(self.size)))
        except (BrokenProcessPool, OSError, RuntimeError) as exc:
            self._give_up(exc)
            return False
        return True

    async def run(self, fn: Callable[..., R], *args: Any) -> tuple[bool, R | None]:
        """``fn(*args)`` in a worker: (True, result), or (False, None) when there is no pool
        (the caller then does the work itself). Exceptions of ``fn`` propagate."""
        results = await self.map(fn, [args])
        return (False, None) if results is None else (True, results[0])

    def submit(
        self, fn: Callable[..., R], calls: Sequence[tuple[Any, ...]]
    ) -> list[asyncio.Future[R]] | None:
        """``fn(*args)`` for each of ``calls`` queued in the workers: their futures, in
        order; None when there is no pool. A future fails with ``BrokenProcessPool`` when a
        worker dies (then call :meth:`broken` and do the work another way)."""
        pool = self._executor()
        if pool is None:
            return None
        loop = asyncio.get_running_loop()
        try:
            return [loop.run_in_executor(pool, fn, *args) for args in calls]
        except (BrokenProcessPool, RuntimeError, OSError) as exc:  # shut down or broken
            self._give_up(exc)
            return None

    def broken(self, exc: BaseException) -> None:
        """A worker died: CPU work runs in a thread from now on."""
        self._give_up(exc)

    async def map(self, fn: Callable[..., R], calls: Sequence[tuple[Any, ...]]) -> list[R] | None:
        """``fn(*args)`` for each of ``calls`` in the workers, results in order; None when
        there is no pool. Exceptions of ``fn`` propagate (the first one)."""
        futures = self.submit(fn, calls)
        if futures is None:
            return None
        outcomes = await asyncio.gather(*futures, return_exceptions=True)
        for outcome in outcomes:
            if isinstance(outcome, BrokenProcessPool):
                self._give_up(outcome)
                return None
        for outcome in outcomes:
            if isinstance(outcome, BaseException):
                raise outcome
        return list(outcomes)  # type: ignore[arg-type]


async def shutdown_pools() -> None:
    """Stop every worker process (the app's and the CLI's close); a later batch starts
    the pool again."""
    pools = list(_pools.values())
    _pools.clear()
    _failed.clear()
    for pool in pools:
        await asyncio.to_thread(pool.shutdown, True, cancel_futures=True)
