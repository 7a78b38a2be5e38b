"""Politeness towards one host: one request at a time, and a pause between two requests.

Article pages come from the sites whose feeds the bot reads; a feed of 200 leads must not
become 200 requests at once to a small municipal server. :class:`HostPacer` gives each host
one slot: a request waits for the host's previous one to finish and then for
``delay`` seconds after it. Different hosts do not wait for each other. The pacer lives as
long as the ingestor, so the pause holds across poll runs too.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from urllib.parse import urlsplit

__all__ = ["HostPacer", "host_of"]


def host_of(url: str) -> str:
    """The host (with a non-default port) a URL's request goes to; '' for a local path."""
    try:
        return urlsplit(url).netloc.lower()
    except ValueError:
        return ""


class HostPacer:
    """Per-host concurrency of one and a minimum gap between requests to one host."""

    def __init__(self, delay: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.delay = delay
        self.clock = clock
        self._locks: dict[str, asyncio.Lock] = {}
        self._last_end: dict[str, float] = {}
        self.waited = 0.0  # seconds spent pausing, in total (for figures)

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """Hold the host's slot for one request (waiting for the pause first)."""
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:
            last = self._last_end.get(host)
            if last is not None:
                wait = last + self.delay - self.clock()
                if wait > 0:
                    self.waited += wait
                    await asyncio.sleep(wait)
            try:
                yield
            finally:
                self._last_end[host] = self.clock()
