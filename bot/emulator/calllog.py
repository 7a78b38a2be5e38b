"""The record of Bot API calls and the counters the control API reports."""

from __future__ import annotations

import time
from collections import deque

from bot.emulator.records import JSON, CallRecord, Stats


class CallLog:
    """The last `size` calls, and `stats` (shared with the parts that count things)."""

    def __init__(self, size: int, stats: Stats) -> None:
        self.stats = stats
        self.calls: deque[CallRecord] = deque(maxlen=size)
        self.seq = 0

    def reset(self) -> None:
        self.calls.clear()
        self.seq = 0
        self.stats.clear()

    def record(self, method: str, params: JSON, status: int, description: str | None) -> None:
        self.seq += 1
        self.calls.append(CallRecord(self.seq, method, params, time.time(), status, description))
        if status != 200:
            self.stats.errors_by_code[status] += 1
            if status == 429:
                self.stats.too_many_requests += 1

    def list(self, method: str | None = None, since: int = 0) -> list[JSON]:
        """Recorded calls with seq > since, optionally of one method."""
        wanted = method.lower() if method else None
        return [
            c.to_api()
            for c in self.calls
            if c.seq > since and (wanted is None or c.method.lower() == wanted)
        ]
