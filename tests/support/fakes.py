"""The one fake: a clock the test moves by hand, for unit tests of timing code (pacing,
backoff) that must neither sleep nor do I/O. Code talking to Telegram is tested against
the emulator with the real ``Bot`` instead."""

from __future__ import annotations


class FakeClock:
    """A ``time.monotonic``-like callable; set or advance ``now`` to move time."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
