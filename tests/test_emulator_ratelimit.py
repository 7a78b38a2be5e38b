"""The emulator's rate limiter with explicit times: sliding windows, no burst."""

from __future__ import annotations

import random

import pytest

from bot.emulator.errors import ApiError
from bot.emulator.ratelimit import Limits, RateLimiter, SlidingWindow
from bot.emulator.records import Chat

T0 = 1000.0


def limiter(**figures: float) -> RateLimiter:
    return RateLimiter(Limits(enabled=True, **figures))


def private(chat_id: int) -> Chat:
    return Chat(id=chat_id, type="private")


def refusals(rl: RateLimiter, times: list[float], chats: list[Chat] | None = None) -> list[int]:
    """Send once at each time (to a fresh private chat unless given); the retry_after
    of every refused send."""
    refused: list[int] = []
    for index, now in enumerate(times):
        chat = chats[index] if chats else private(10_000 + index)
        try:
            rl.check(chat, now)
        except ApiError as exc:
            assert exc.error_code == 429
            assert exc.parameters is not None
            refused.append(exc.parameters["retry_after"])
    return refused


def test_ten_percent_over_the_overall_rate_is_refused() -> None:
    # 33 sends spread evenly over one second: never more than 30 may pass.
    times = [T0 + i / 33 for i in range(33)]
    assert refusals(limiter(global_per_second=30), times) == [1, 1, 1]


def test_no_burst_after_an_idle_moment() -> None:
    # What a token bucket with a burst of rate/10 allows: after a pause, 3 at once, then
    # the steady 30/s. Over the next second that is 32 sends: caught.
    times = [T0, T0, T0] + [T0 + i / 30 for i in range(1, 30)]
    assert len(refusals(limiter(global_per_second=30), times)) == 2
    # Idle for a long time saves nothing up: 31 at once, the 31st is refused.
    assert refusals(limiter(global_per_second=30), [T0 + 60] * 31) == [1]


def test_a_steady_rate_just_under_the_limit_is_never_refused() -> None:
    spacing = 1 / 30 * 1.001
    times = [T0 + i * spacing for i in range(300)]  # ten seconds at 29.97/s
    assert refusals(limiter(global_per_second=30), times) == []


def test_thirty_at_once_is_within_the_window() -> None:
    rl = limiter(global_per_second=30)
    assert refusals(rl, [T0] * 30) == []
    assert refusals(rl, [T0 + 0.999]) == [1]
    assert refusals(rl, [T0 + 1.0]) == []  # the window is (now - 1 s, now]


def test_private_chat_one_per_second() -> None:
    rl = limiter()
    chat = private(7)
    assert refusals(rl, [T0, T0 + 0.99, T0 + 1.0, T0 + 1.5], [chat] * 4) == [1, 1]
    assert refusals(rl, [T0 + 1.5], [private(8)]) == []  # another chat is not affected


def test_group_twenty_in_any_minute() -> None:
    rl = limiter()
    group = Chat(id=-5, type="supergroup")
    sends = [T0 + i * 0.5 for i in range(20)]
    assert refusals(rl, sends, [group] * 20) == []
    assert refusals(rl, [T0 + 10], [group]) == [50]  # the first leaves the window at T0+60
    assert refusals(rl, [T0 + 59.5], [group]) == [1]
    assert refusals(rl, [T0 + 60], [group]) == []
    assert refusals(rl, [T0 + 60.2], [group]) == [1]  # the second is still inside


def test_paid_broadcast_has_its_own_allowance() -> None:
    rl = limiter(global_per_second=2, paid_per_second=5)
    chats = [private(i) for i in range(1, 8)]
    assert refusals(rl, [T0, T0], chats[:2]) == []
    assert refusals(rl, [T0], chats[2:3]) == [1]
    for chat in chats[2:7]:
        rl.check(chat, T0, paid=True)
    with pytest.raises(ApiError):
        rl.check(private(99), T0, paid=True)


def test_waiting_retry_after_always_gets_through() -> None:
    rng = random.Random(7)
    rl = limiter(global_per_second=5, private_per_second=1)
    chats = [private(i) for i in range(1, 4)]
    now = T0
    for _ in range(500):
        now += rng.random() * 0.3
        chat = rng.choice(chats)
        try:
            rl.check(chat, now)
        except ApiError as exc:
            assert exc.parameters is not None
            wait = exc.parameters["retry_after"]
            assert wait >= 1
            now += wait
            rl.check(chat, now)  # the promised time is enough


def test_fractional_figures_round_to_the_stricter_window() -> None:
    assert (SlidingWindow.per(2.5, 1).limit, SlidingWindow.per(2.5, 1).seconds) == (2, 1)
    half = SlidingWindow.per(0.5, 1)
    assert (half.limit, half.seconds) == (1, 2)
    rl = limiter(private_per_second=0.5)
    chat = private(3)
    assert refusals(rl, [T0, T0 + 1.5, T0 + 2.0], [chat] * 3) == [1]


def test_limits_off_count_nothing() -> None:
    rl = RateLimiter()
    assert refusals(rl, [T0] * 100, [private(1)] * 100) == []
