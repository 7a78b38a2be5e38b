"""bot.delivery.pacing with a fake clock, and the worker's backoff schedule."""

from __future__ import annotations

from bot.delivery.pacing import ChatLimits, Pacer
from bot.delivery.worker import MAX_BACKOFF, backoff
from tests.support.fakes import FakeClock


def test_pacer_allows_a_small_burst_then_spaces_sends() -> None:
    clock = FakeClock()
    pacer = Pacer(30, clock=clock)
    assert pacer.burst == 3
    assert pacer.delay() == 0  # one token at start, the burst only after a pause
    pacer._tokens -= 1
    assert pacer.delay() > 0
    clock.now += 1  # idle: the bucket fills up to the burst, not more
    for _ in range(3):
        assert pacer.delay() == 0
        pacer._tokens -= 1
    assert abs(pacer.delay() - 1 / 30) < 1e-9
    clock.now += 1 / 30
    assert pacer.delay() < 1e-9


def test_pacer_pause_stops_everything_until_it_ends() -> None:
    clock = FakeClock()
    pacer = Pacer(1000, clock=clock)
    pacer.pause(5)
    assert 4.99 < pacer.delay() <= 5
    pacer.pause(1)  # a shorter pause never shortens a longer one
    assert pacer.delay() > 4.9
    clock.now += 5
    assert pacer.delay() <= 1 / 1000


async def test_pacer_acquire_takes_a_token() -> None:
    pacer = Pacer(1000)
    await pacer.acquire()
    assert pacer._tokens < 1


def test_pacer_reservations_queue_up() -> None:
    clock = FakeClock()
    pacer = Pacer(10, clock=clock)
    waits = [pacer.reserve() for _ in range(4)]
    assert waits[0] == 0
    assert [round(w, 6) for w in waits[1:]] == [0.1, 0.2, 0.3]


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
