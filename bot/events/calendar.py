"""The calendar's clock: which events are ahead, and when a reminder is due. Pure, no I/O.

Days are the chat's local days (its zone: :func:`bot.delivery.quiet_hours.chat_zone`). A
reminder comes :attr:`ReminderPolicy.days_before` days before the event's first day at a
morning time (``[events] reminder_time``, local), moved out of the chat's quiet hours; when
that moment has passed, on the morning of the day itself; when that has passed too, there is
nothing to remind of.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.delivery.quiet_hours import next_allowed_time
from storage.events import EventRecord
from storage.subscriptions import ChatSettings

__all__ = ["AHEAD", "ReminderPolicy", "is_upcoming", "local_today", "remind_at"]

# Statuses of events still ahead (listed under «Скоро» while their dates are).
AHEAD = ("announced", "postponed")


@dataclass(frozen=True, slots=True)
class ReminderPolicy:
    at: time = time(10, 0)  # local time of day
    days_before: int = 1


def local_today(now: datetime, zone: str) -> date:
    return now.astimezone(ZoneInfo(zone)).date()


def is_upcoming(event: EventRecord, today: date) -> bool:
    """Announced or postponed, with dates not over by ``today``: «Скоро», and «Напомнить»."""
    if event.status not in AHEAD or event.start_date is None:
        return False
    return (event.end_date or event.start_date) >= today


def remind_at(
    start: date,
    *,
    zone: str,
    settings: ChatSettings,
    policy: ReminderPolicy,
    now: datetime,
) -> datetime | None:
    """When to remind of an event starting on ``start`` (UTC); None when it is too late."""
    tz = ZoneInfo(zone)
    for day in (start - timedelta(days=policy.days_before), start):
        when = datetime.combine(day, policy.at, tzinfo=tz).astimezone(UTC)
        when = next_allowed_time(when, settings, zone)
        if when > now and when.astimezone(tz).date() <= start:
            return when
    return None
