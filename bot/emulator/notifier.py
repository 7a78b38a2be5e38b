"""Wake-ups for long polls and control-API waits."""

from __future__ import annotations

import asyncio


class Notifier:
    """Wakes waiters when something changes; costs nothing when nobody waits.

    `close()` wakes everyone and marks the notifier closed, so waiting loops end
    (the server is stopping); `open()` undoes that on the next start.
    """

    __slots__ = ("_event", "_waiting", "closed")

    def __init__(self) -> None:
        self._event: asyncio.Event | None = None
        self._waiting = 0
        self.closed = False

    def notify(self) -> None:
        if self._event is not None:
            self._event.set()
            self._event = None

    def close(self) -> None:
        self.closed = True
        self.notify()

    def open(self) -> None:
        self.closed = False

    async def wait(self, timeout: float) -> None:  # noqa: ASYNC109 - bounded wait on state
        if timeout <= 0:
            return
        if self._event is None:
            self._event = asyncio.Event()
        event = self._event
        self._waiting += 1
        try:
            await asyncio.wait_for(event.wait(), timeout)
        except TimeoutError:
            pass
        finally:
            self._waiting -= 1
