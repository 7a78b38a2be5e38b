"""Telegram's send limits, kept on our side so that the Bot API never has to say 429.

* :class:`Pacer` spaces sends overall: ``rate`` per second, so requests arrive evenly.
  After an idle moment it allows a small burst (a tenth of a second's worth, to absorb
  timer jitter), so any one-second window holds at most ``1.1 x rate`` sends and a long
  broadcast runs at ``rate``.
* :class:`ChatLimits` keeps, per chat, the earliest time of its next message: one message
  per ``1 / per_private_chat_per_second`` in a private chat, and a sliding window of
  ``per_group_per_minute`` messages per 60 s in groups, supergroups and channels. A 429 for
  one chat pushes that chat's next time; :meth:`Pacer.pause` stops everything.

All times are ``time.monotonic()`` seconds; the clock is injectable for tests.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable

Clock = Callable[[], float]

# A 429 for a chat we sent nothing to in this many seconds cannot be that chat's own limit.
RECENT_SEND_SECONDS = 60.0
# This many distinct chats answering 429 within STORM_WINDOW seconds: the bot as a whole is
# limited, so every send pauses.
STORM_CHATS = 3
STORM_WINDOW = 1.0


class Pacer:
    """A token bucket with ``burst`` tokens that :meth:`acquire` waits on."""

    def __init__(self, rate: float, burst: float | None = None, clock: Clock = time.monotonic):
        self.rate = rate
        self.burst = max(1.0, burst if burst is not None else rate / 10)
        self._clock = clock
        self._tokens = 1.0  # no burst at start: a broadcast begins at the steady rate
        self._stamp = clock()
        self._paused_until = 0.0

    def _refill(self, now: float) -> None:
        self._tokens = min(self.burst, self._tokens + (now - self._stamp) * self.rate)
        self._stamp = now

    def delay(self) -> float:
        """Seconds until a send may go (0: now); does not consume."""
        now = self._clock()
        self._refill(now)
        wait = 0.0 if self._tokens >= 1 else (1 - self._tokens) / self.rate
        return max(wait, self._paused_until - now)

    def reserve(self) -> float:
        """Take the next send slot now; returns the seconds to wait before using it (0: go).
        Reservations queue up: the n-th caller waits about n / rate."""
        now = self._clock()
        self._refill(now)
        self._tokens -= 1
        wait = 0.0 if self._tokens >= 0 else -self._tokens / self.rate
        return max(wait, self._paused_until - now)

    async def acquire(self) -> None:
        """Reserve a slot and wait for it (and for any pause)."""
        wait = self.reserve()
        while wait > 0:
            await asyncio.sleep(wait)
            wait = self._paused_until - self._clock()

    def pause(self, seconds: float) -> None:
        """No send before ``seconds`` from now (the whole bot hit a 429)."""
        until = self._clock() + seconds
        if until > self._paused_until:
            self._paused_until = until
            self._tokens = 0.0

    @property
    def paused_until(self) -> float:
        return self._paused_until


class ChatLimits:
    """Per-chat earliest next send."""

    def __init__(
        self,
        per_private_chat_per_second: float,
        per_group_per_minute: int,
        clock: Clock = time.monotonic,
    ) -> None:
        self.private_gap = 1.0 / per_private_chat_per_second
        self.group_window = per_group_per_minute
        self._clock = clock
        self._last: dict[int, float] = {}  # private chats: time of the last send
        self._ok: dict[int, float] = {}  # any chat: time of the last successful send
        self._groups: dict[int, deque[float]] = {}  # groups: sends in the last minute
        self._blocked: dict[int, float] = {}  # 429 waits: no send before this time
        self._storm: deque[tuple[float, int]] = deque()

    @staticmethod
    def is_private(chat_type: str) -> bool:
        return chat_type == "private"

    def ready_at(self, chat_id: int, chat_type: str) -> float:
        """The earliest monotonic time the next message to this chat may go."""
        at = self._blocked.get(chat_id, 0.0)
        if self.is_private(chat_type):
            last = self._last.get(chat_id)
            if last is not None:
                at = max(at, last + self.private_gap)
        else:
            window = self._groups.get(chat_id)
            if window:
                now = self._clock()
                while window and window[0] <= now - 60.0:
                    window.popleft()
                if len(window) >= self.group_window:
                    at = max(at, window[0] + 60.0)
        return at

    def record(self, chat_id: int, chat_type: str) -> None:
        """A message to the chat is leaving now."""
        now = self._clock()
        if self.is_private(chat_type):
            self._last[chat_id] = now
        else:
            self._groups.setdefault(chat_id, deque()).append(now)

    def sent_ok(self, chat_id: int) -> None:
        """Telegram accepted a message to the chat."""
        self._ok[chat_id] = self._clock()

    def recently_sent(self, chat_id: int) -> bool:
        """Telegram accepted a message to the chat within :data:`RECENT_SEND_SECONDS`."""
        last = self._ok.get(chat_id)
        return last is not None and self._clock() - last < RECENT_SEND_SECONDS

    def block(self, chat_id: int, seconds: float) -> None:
        self._blocked[chat_id] = max(self._blocked.get(chat_id, 0.0), self._clock() + seconds)

    def is_storm(self, chat_id: int) -> bool:
        """Record a 429 for ``chat_id``; True when the whole bot looks limited: a 429 for
        a chat not sent to recently, or 429s for :data:`STORM_CHATS` chats within a second."""
        now = self._clock()
        self._storm.append((now, chat_id))
        while self._storm and self._storm[0][0] < now - STORM_WINDOW:
            self._storm.popleft()
        if not self.recently_sent(chat_id):
            return True
        return len({c for _, c in self._storm}) >= STORM_CHATS

    def forget(self, chat_id: int) -> None:
        self._last.pop(chat_id, None)
        self._ok.pop(chat_id, None)
        self._groups.pop(chat_id, None)
        self._blocked.pop(chat_id, None)

    def gc(self) -> None:
        """Drop state that no longer limits anything (keeps memory flat over long runs)."""
        now = self._clock()
        horizon = now - RECENT_SEND_SECONDS
        self._last = {c: t for c, t in self._last.items() if t > horizon}
        self._ok = {c: t for c, t in self._ok.items() if t > horizon}
        self._groups = {c: w for c, w in self._groups.items() if w and w[-1] > horizon}
        self._blocked = {c: t for c, t in self._blocked.items() if t > now}
