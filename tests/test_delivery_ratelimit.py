"""bot.delivery.pacing with a fake clock, and the worker's backoff schedule."""

from __future__ import annotations

import bisect
import random

from bot.delivery.pacing import ChatLimits, Pacer, Send
from bot.delivery.worker import MAX_BACKOFF, backoff
from tests.support.fakes import FakeClock


def simulate(
    rate: float,
    n: int,
    *,
    senders: int = 8,
    latency: tuple[float, float] = (0.001, 0.02),
    seed: int = 7,
) -> list[Send]:
    """``senders`` concurrent senders drive a Pacer on a fake clock; each send is answered
    after a random latency. Returns the sends (start, end) in start order."""
    rng = random.Random(seed)
    clock = FakeClock()
    pacer = Pacer(rate, clock=clock)
    in_flight: list[tuple[float, Send]] = []
    sends: list[Send] = []
    while len(sends) < n:
        next_time = float("inf")
        if len(in_flight) < senders:
            delay = pacer.delay()
            if delay <= 0:
                # The invariant, checked as the send starts: the window holds fewer than N.
                assert pacer.in_window() < pacer.limit
                send = pacer.take()
                sends.append(send)
                in_flight.append((clock.now + rng.uniform(*latency), send))
                continue
            next_time = clock.now + delay
        if in_flight:
            next_time = min(next_time, *(end for end, _ in in_flight))
        clock.now = next_time
        for item in [i for i in in_flight if i[0] <= clock.now]:
            in_flight.remove(item)
            pacer.done(item[1])
    for end, send in sorted(in_flight, key=lambda i: i[0]):  # the last answers
        clock.now = max(clock.now, end)
        pacer.done(send)
    return sends


def max_in_any_window(times: list[float], window: float = 1.0) -> int:
    times = sorted(times)
    best = 0
    for i, t in enumerate(times):
        j = bisect.bisect_left(times, t + window)
        best = max(best, j - i)
    return best


def test_pacer_never_puts_more_than_the_rate_in_any_one_second_window() -> None:
    """Wherever the server sees each request between its start and its answer, no window of
    one second holds more than N = rate sends (the old 10 % burst put 33 in one)."""
    rng = random.Random(1)
    for latency in ((0.001, 0.005), (0.001, 0.3), (0.2, 0.9)):
        sends = simulate(30, 400, latency=latency)
        assert all(s.end is not None for s in sends)
        for pick in (lambda s: s.start, lambda s: s.end, lambda s: rng.uniform(s.start, s.end)):
            arrivals = [pick(s) for s in sends]
            assert max_in_any_window(arrivals) <= 30, latency


def test_pacer_keeps_at_least_97_percent_of_the_rate() -> None:
    for rate in (30, 20, 1000):
        sends = simulate(rate, 20 * int(rate), senders=32)
        span = sends[-1].start - sends[0].start
        achieved = (len(sends) - 1) / span
        assert achieved >= 0.97 * rate, (rate, achieved)
        assert achieved <= rate * 1.001


def test_pacer_spreads_sends_instead_of_bursting() -> None:
    clock = FakeClock()
    pacer = Pacer(30, clock=clock)
    assert pacer.limit == 30 and pacer.window == 1.0
    assert pacer.delay() == 0
    pacer.done(pacer.take())
    assert abs(pacer.delay() - 0.9 / 30) < 1e-9  # the next one waits, even after answers
    clock.now += 10  # idle: still one at a time, no saved-up burst
    first = pacer.take()
    assert pacer.delay() > 0
    pacer.done(first)


def test_a_full_window_waits_for_the_oldest_answer() -> None:
    clock = FakeClock()
    pacer = Pacer(3, clock=clock)
    started = []
    for _ in range(3):
        clock.now += pacer.delay()
        started.append(pacer.take())
    clock.now += 0.5
    assert pacer.delay() > 0  # the oldest is still in flight: it counts however old it is
    pacer.done(started[0])  # answered now: it leaves the window a second from now
    assert abs(pacer.delay() - 1.0) < 1e-9
    clock.now += 1.0
    assert pacer.delay() == 0


def test_small_rates_use_a_longer_window() -> None:
    pacer = Pacer(0.5, clock=FakeClock())
    assert pacer.limit == 1 and pacer.window == 2.0


def test_pacer_pause_stops_everything_until_it_ends() -> None:
    clock = FakeClock()
    pacer = Pacer(1000, clock=clock)
    pacer.pause(5)
    assert 4.99 < pacer.delay() <= 5
    pacer.pause(1)  # a shorter pause never shortens a longer one
    assert pacer.delay() > 4.9
    clock.now += 5
    assert pacer.delay() <= 1 / 1000


async def test_pacer_acquire_takes_a_slot() -> None:
    pacer = Pacer(1000)
    send = await pacer.acquire()
    assert pacer.in_window() == 1
    pacer.done(send)
    assert send.end is not None


def test_private_chat_one_message_per_second() -> None:
    clock = FakeClock()
    limits = ChatLimits(1.0, 20, clock=clock)
    assert limits.ready_at(7, "private") == 0
    limits.record(7, "private")
    assert limits.ready_at(7, "private") == clock.now + 1
    assert limits.ready_at(8, "private") == 0  # other chats are not affected
    clock.now += 1
    assert limits.ready_at(7, "private") <= clock.now


def test_group_twenty_per_sliding_minute() -> None:
    clock = FakeClock()
    limits = ChatLimits(1.0, 20, clock=clock)
    start = clock.now
    for _ in range(20):
        assert limits.ready_at(-5, "supergroup") <= clock.now
        limits.record(-5, "supergroup")
        clock.now += 0.5
    # The 21st waits until the first of the window is a minute old.
    assert limits.ready_at(-5, "supergroup") == start + 60
    clock.now = start + 60.01
    assert limits.ready_at(-5, "supergroup") <= clock.now


def test_429_block_and_storm_detection() -> None:
    clock = FakeClock()
    limits = ChatLimits(1.0, 20, clock=clock)
    # A chat never accepted recently: a 429 there means the bot as a whole is limited.
    assert limits.is_storm(1)
    clock.now += 10
    for chat in (2, 3, 4):
        limits.sent_ok(chat)
    clock.now += 0.1
    assert not limits.is_storm(2)  # one chat sent to recently: its own limit
    assert not limits.is_storm(3)
    assert limits.is_storm(4)  # three chats within a second: a storm
    limits.block(2, 7)
    assert limits.ready_at(2, "private") == clock.now + 7
    limits.forget(2)
    assert limits.ready_at(2, "private") == 0


def test_gc_forgets_old_state() -> None:
    clock = FakeClock()
    limits = ChatLimits(1.0, 20, clock=clock)
    limits.record(1, "private")
    limits.record(-1, "group")
    limits.sent_ok(1)
    clock.now += 120
    limits.gc()
    assert limits._last == {} and limits._groups == {} and limits._ok == {}


def test_backoff_doubles_up_to_the_cap() -> None:
    assert [backoff(a) for a in range(1, 6)] == [1, 2, 4, 8, 16]
    assert backoff(40) == MAX_BACKOFF
    assert backoff(10_000, cap=0.05) == 0.05
