"""Telegram's send limits as sliding windows, with no burst allowance.

Telegram does not publish its algorithm, only the figures (about 30 messages a second
overall, one a second in a private chat, 20 a minute in a group). The emulator takes
the strictest reading of them: at most N sends in *any* window of the period, counted
over the last period at the moment of each send. A token bucket would let a client
that was idle send a burst on top of the rate; a sliding window does not, so a client
that runs even 10 % over the rate for a second gets 429s here.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

from bot.emulator.errors import retry_after
from bot.emulator.records import JSON, Chat


class SlidingWindow:
    """At most `limit` events in any window of `seconds`: an event at `now` counts the
    events in (now - seconds, now]."""

    __slots__ = ("_stamps", "limit", "seconds")

    def __init__(self, limit: int, seconds: float) -> None:
        if limit < 1 or seconds <= 0:
            raise ValueError("a window needs a positive limit and length")
        self.limit = limit
        self.seconds = seconds
        self._stamps: deque[float] = deque(maxlen=limit)

    @classmethod
    def per(cls, count: float, period: float) -> SlidingWindow:
        """`count` per `period` seconds, never more in any window: a fractional count
        rounds down (2.5/s allows 2 in any second); under one it stretches the window
        (0.5/s allows 1 in any 2 s)."""
        if count >= 1:
            return cls(math.floor(count), period)
        return cls(1, period / count)

    def wait(self, now: float) -> float:
        """Seconds until one more event fits (0: it fits now)."""
        stamps = self._stamps
        horizon = now - self.seconds
        while stamps and stamps[0] <= horizon:
            stamps.popleft()
        if len(stamps) < self.limit:
            return 0.0
        return stamps[0] - horizon

    def add(self, now: float) -> None:
        self._stamps.append(now)


@dataclass(slots=True)
class Limits:
    enabled: bool = False
    global_per_second: float = 30.0
    paid_per_second: float = 1000.0
    private_per_second: float = 1.0
    group_per_minute: float = 20.0

    def to_api(self) -> JSON:
        return {
            "enabled": self.enabled,
            "global_per_second": self.global_per_second,
            "paid_per_second": self.paid_per_second,
            "private_per_second": self.private_per_second,
            "group_per_minute": self.group_per_minute,
        }


class RateLimiter:
    """Overall (or, with `allow_paid_broadcast`, the paid allowance) and per chat:
    private chats per second, groups, supergroups and channels per minute."""

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self._global: SlidingWindow | None = None
        self._paid: SlidingWindow | None = None
        self._chats: dict[int, SlidingWindow] = {}

    def configure(self, limits: Limits) -> None:
        """New limits; every count starts again from zero."""
        self.limits = limits
        self._global = self._paid = None
        self._chats.clear()

    def reset(self) -> None:
        self.configure(Limits())

    def check(self, chat: Chat, now: float, paid: bool = False) -> None:
        """Count one send to `chat` at `now`, or raise a 429 ApiError whose retry_after is
        the whole seconds until it would fit (at least 1). A refused send is not counted."""
        lim = self.limits
        if not lim.enabled:
            return
        if paid:
            if self._paid is None:
                self._paid = SlidingWindow.per(lim.paid_per_second, 1.0)
            overall = self._paid
        else:
            if self._global is None:
                self._global = SlidingWindow.per(lim.global_per_second, 1.0)
            overall = self._global
        window = self._chats.get(chat.id)
        if window is None:
            if chat.type == "private":
                window = SlidingWindow.per(lim.private_per_second, 1.0)
            else:
                window = SlidingWindow.per(lim.group_per_minute, 60.0)
            self._chats[chat.id] = window
        wait = max(overall.wait(now), window.wait(now))
        if wait > 0:
            raise retry_after(math.ceil(wait))
        overall.add(now)
        window.add(now)
