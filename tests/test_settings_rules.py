"""Quiet hours, digest times and /settings argument parsing (pure parts)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from bot.delivery.quiet_hours import (
    chat_zone,
    in_quiet_hours,
    next_allowed_time,
    next_digest_time,
    parse_hhmm,
    parse_quiet_range,
    valid_timezone,
)
from bot.errors import UserInputError
from handlers.callbacks import SettingsCb
from handlers.settings import button_changes, command_changes
from storage.subscriptions import ChatSettings

KRSK = "Asia/Krasnoyarsk"  # UTC+7, no DST


def utc(year: int, month: int, day: int, hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


QUIET = ChatSettings(chat_id=1, timezone=KRSK, quiet_start="22:00", quiet_end="08:00")


def test_no_quiet_hours_means_now() -> None:
    now = utc(2026, 5, 1, 17, 30)  # 00:30 in Krasnoyarsk
    assert next_allowed_time(now, ChatSettings(chat_id=1, timezone=KRSK)) == now


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (utc(2026, 5, 1, 14, 59), utc(2026, 5, 1, 14, 59)),  # 21:59 local: allowed
        (utc(2026, 5, 1, 15, 0), utc(2026, 5, 2, 1, 0)),  # 22:00 local -> 08:00 next day
        (utc(2026, 5, 1, 17, 30), utc(2026, 5, 2, 1, 0)),  # 00:30 local (next day) -> 08:00
        (utc(2026, 5, 2, 0, 59), utc(2026, 5, 2, 1, 0)),  # 07:59 local -> 08:00
        (utc(2026, 5, 2, 1, 0), utc(2026, 5, 2, 1, 0)),  # 08:00 local: the end is allowed
    ],
)
def test_wrapping_quiet_hours(now: datetime, expected: datetime) -> None:
    assert next_allowed_time(now, QUIET) == expected
    assert in_quiet_hours(now, QUIET) is (now != expected)


def test_same_day_quiet_hours() -> None:
    s = ChatSettings(chat_id=1, timezone="Europe/Moscow", quiet_start="13:00", quiet_end="15:00")
    assert next_allowed_time(utc(2026, 5, 1, 10, 30), s) == utc(2026, 5, 1, 12, 0)
    assert next_allowed_time(utc(2026, 5, 1, 9, 59), s) == utc(2026, 5, 1, 9, 59)
    assert next_allowed_time(utc(2026, 5, 1, 12, 0), s) == utc(2026, 5, 1, 12, 0)


def test_default_zone_is_used_when_the_chat_has_none() -> None:
    s = ChatSettings(chat_id=1, quiet_start="22:00", quiet_end="08:00")
    now = utc(2026, 5, 1, 16, 0)  # 23:00 in Krasnoyarsk, 19:00 in Moscow
    assert next_allowed_time(now, s, KRSK) == utc(2026, 5, 2, 1, 0)
    assert next_allowed_time(now, s) == now  # Moscow by default: not quiet yet


def test_result_is_utc_even_for_other_aware_input() -> None:
    now = datetime(2026, 5, 2, 0, 30, tzinfo=timezone(timedelta(hours=7)))  # 00:30 local
    result = next_allowed_time(now, QUIET)
    assert result.tzinfo is UTC and result == utc(2026, 5, 2, 1, 0)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        next_allowed_time(datetime(2026, 5, 1, 12, 0), QUIET)


def test_next_digest_today_or_tomorrow() -> None:
    s = ChatSettings(chat_id=1, mode="digest", digest_time="09:00", timezone=KRSK)
    assert next_digest_time(utc(2026, 5, 1, 1, 0), s) == utc(2026, 5, 1, 2, 0)  # 08:00 local
    assert next_digest_time(utc(2026, 5, 1, 2, 0), s) == utc(2026, 5, 2, 2, 0)  # exactly 09:00
    assert next_digest_time(utc(2026, 5, 1, 3, 0), s) == utc(2026, 5, 2, 2, 0)


def test_missed_digest_is_due_at_once() -> None:
    s = ChatSettings(
        chat_id=1,
        mode="digest",
        digest_time="09:00",
        timezone=KRSK,
        last_digest_at=utc(2026, 4, 30, 2, 0),  # yesterday's was sent, today's was missed
    )
    assert next_digest_time(utc(2026, 5, 1, 5, 0), s) == utc(2026, 5, 1, 2, 0)
    served = ChatSettings(
        chat_id=1,
        mode="digest",
        digest_time="09:00",
        timezone=KRSK,
        last_digest_at=utc(2026, 5, 1, 2, 0, 5),
    )
    assert next_digest_time(utc(2026, 5, 1, 5, 0), served) == utc(2026, 5, 2, 2, 0)


def test_chat_zone_prefers_own_then_region_then_moscow() -> None:
    assert chat_zone(ChatSettings(chat_id=1, timezone="Asia/Omsk"), "RU-KK") == "Asia/Omsk"
    assert chat_zone(ChatSettings(chat_id=1), "RU-KK") == KRSK
    assert chat_zone(ChatSettings(chat_id=1), None) == "Europe/Moscow"
    assert chat_zone(ChatSettings(chat_id=1), "RU-XX") == "Europe/Moscow"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("22:00-07:00", ("22:00", "07:00")), ("7:5-8:00", None), ("23.00 – 7.00", ("23:00", "07:00"))],
)
def test_parse_quiet_range(text: str, expected: tuple[str, str] | None) -> None:
    assert parse_quiet_range(text) == expected


def test_parse_helpers_refuse_nonsense() -> None:
    assert parse_hhmm("24:00") is None and parse_hhmm("9:60") is None
    assert parse_quiet_range("22:00-22:00") is None
    assert parse_quiet_range("ночью") is None
    assert valid_timezone("Asia/Krasnoyarsk")
    assert not valid_timezone("Mars/Olympus")
    assert not valid_timezone("../../etc/passwd")


def test_command_changes() -> None:
    assert command_changes("quiet 22:00-07:00") == {"quiet_start": "22:00", "quiet_end": "07:00"}
    assert command_changes("quiet off") == {"quiet_start": None, "quiet_end": None}
    assert command_changes("tz Asia/Yekaterinburg") == {"timezone": "Asia/Yekaterinburg"}
    assert command_changes("tz Хакасия") == {"timezone": KRSK}
    assert command_changes("tz auto") == {"timezone": None}
    assert command_changes("time 8:30") == {"mode": "digest", "digest_time": "08:30"}
    assert command_changes("instant") == {"mode": "instant"}
    assert command_changes("previews off") == {"link_previews": False}


@pytest.mark.parametrize(
    "args", ["quiet всегда", "tz Mars/Base", "tz", "time 25:00", "previews maybe", "colour red"]
)
def test_bad_commands_raise_user_errors(args: str) -> None:
    with pytest.raises(UserInputError) as info:
        command_changes(args)
    assert info.value.text("ru") and info.value.text("en")
    assert "<script" not in info.value.text("ru")


def test_error_text_escapes_user_input() -> None:
    with pytest.raises(UserInputError) as info:
        command_changes("tz <b>x</b>")
    assert "&lt;b&gt;" in info.value.text("ru")


@pytest.mark.parametrize(
    ("k", "v", "expected"),
    [
        ("mode", "digest", {"mode": "digest"}),
        ("dt", "1800", {"mode": "digest", "digest_time": "18:00"}),
        ("q", "off", {"quiet_start": None, "quiet_end": None}),
        ("q", "23000700", {"quiet_start": "23:00", "quiet_end": "07:00"}),
        ("lp", "0", {"link_previews": False}),
        ("tz", "auto", {"timezone": None}),
        ("mode", "hourly", None),
        ("dt", "0815", None),  # not one of the offered times
        ("dt", "9999", None),
        ("q", "2500xx00", None),
        ("q", "22002200", None),
        ("lp", "2", None),
        ("tz", "Asia/Omsk", None),
        ("zz", "1", None),
    ],
)
def test_button_changes_accept_only_offered_values(
    k: str, v: str, expected: dict[str, object] | None
) -> None:
    assert button_changes(SettingsCb(k=k, v=v)) == expected
