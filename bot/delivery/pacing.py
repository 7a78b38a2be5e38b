"""Telegram's send limits, kept on our side so that the Bot API never has to say 429.

* :class:`Pacer` caps sends overall with a sliding window: at most ``limit`` sends (the
  rate, e.g. 30) in *any* window of ``window`` seconds (1 s), however the windows are laid.
  It keeps the sends of the last window; a send counts from when it starts until a window
  after its *answer* (Telegram saw the request at some moment in between, so network jitter
  can never squeeze ``limit + 1`` into one window), and a new send waits until the oldest
  leaves. Sends are also spread: at least ``0.9 / rate`` apart, so a broadcast runs evenly
  at the rate instead of in bursts.
* :class:`ChatLimits` keeps, per chat, the earliest time of its next message: one message
  per ``1 / per_private_chat_per_second`` in a private chat, and a sliding window of
  ``per_group_per_minute`` messages per 60 s in groups, supergroups and channels (both
  counted from the answers). A 429 for one chat pushes that chat's next time;
  :meth:`Pacer.pause` stops everything.

All times are ``time.monotonic()`` seconds; the clock is injectable for tests.
"""

from __future__ import annotations

import asyncio
import math
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
# Sends are at least SPREAD / rate apart (below 1: a late timer can be caught up).
SPREAD = 0.9
# How often to look again while the oldest send of a full window has no answer yet.
IN_FLIGHT_POLL = 0.002


class Send:
    """One send the pacer counts: its start, and its answer once there is one."""

    __slots__ = ("end", "start")

    def __init__(self, start: float) -> None:
        self.start = start
        self.end: float | None = None


class Pacer:
    """A sliding-window limit with even spacing (see the module docstring).

    ``delay()`` says how long until a send may start; ``take()`` starts one (call it right
    after ``delay()`` returned 0, with no ``await`` in between); ``done(send)`` records its
    answer. ``acquire()`` does the first two.
    """

    def __init__(self, rate: float, clock: Clock = time.monotonic, window: float = 1.0):
        self.rate = rate
        self.limit = max(1, math.floor(rate * window + 1e-9))
        self.window = self.limit / rate  # == window for whole rates; longer below 1/window
        self.gap = SPREAD / rate
        self._clock = clock
        self._sends: deque[Send] = deque()
        self._last_start = -math.inf
        self._paused_until = 0.0

    def delay(self) -> float:
        """Seconds until a send may start (0: now); does not consume."""
        now = self._clock()
        sends = self._sends
        horizon = now - self.window
        while sends:
            end = sends[0].end
            if end is None or end > horizon:
                break
            sends.popleft()
        wait = max(0.0, self._paused_until - now, self._last_start + self.gap - now)
        if len(sends) >= self.limit:
            oldest = sends[0].end
            wait = max(wait, IN_FLIGHT_POLL if oldest is None else oldest + self.window - now)
        return wait

    def take(self) -> Send:
        """A send starts now (counted in every window until a window after its answer)."""
        now = self._clock()
        send = Send(now)
        self._sends.append(send)
        self._last_start = now
        return send

    def done(self, send: Send) -> None:
        """The send was answered (or failed): it leaves the window ``window`` s from now."""
        if send.end is None:
            send.end = self._clock()

    async def acquire(self) -> Send:
        """Wait for a slot (and for any pause), then take it."""
        while (wait := self.delay()) > 0:  # noqa: ASYNC110 - the wait is computed, not polled
            await asyncio.sleep(wait)
        return self.take()

    def in_window(self) -> int:
        """Sends counted in the current window (in flight, or answered within it)."""
        horizon = self._clock() - self.window
        return sum(1 for s in self._sends if s.end is None or s.end > horizon)

    def pause(self, seconds: float) -> None:
        """No send before ``seconds`` from now (the whole bot hit a 429, or an outage)."""
        until = self._clock() + seconds
        self._paused_until = max(self._paused_until, until)

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
