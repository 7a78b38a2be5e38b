"""Reminders of events («Напомнить»): into the outbox when due, following the event's changes.

:func:`run_reminders` is a scheduler job (every few seconds). Each pass

1. follows the events of reminders not sent yet: a cancelled event drops its reminder with a
   short notice; an event whose start date moved (a postponement, a corrected date) gets its
   reminder moved (a notice when it was postponed); postponed without a new date, the
   reminder waits for one; an event now over drops it silently;
2. queues the reminders whose time has come, rendered with the event as it is now.

Messages go into the outbox (``deliveries``) with ``not_before`` at the end of the chat's
quiet hours when they fall inside them, and the worker sends them like any other. Every
change is one conditional write (:class:`storage.reminders.ReminderRepository`), so a pass
that runs twice queues nothing twice.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.delivery.quiet_hours import chat_zone, next_allowed_time
from bot.events.calendar import ReminderPolicy, local_today, remind_at
from bot.events.render import render_reminder, render_reminder_cancelled, render_reminder_moved
from storage.reminders import Reminder
from storage.subscriptions import ChatSettings

if TYPE_CHECKING:
    from storage.repos import Repositories

log = logging.getLogger(__name__)

BATCH = 200


async def _chat(repos: Repositories, chat_id: int) -> tuple[ChatSettings, str]:
    settings = await repos.subscriptions.get_settings(chat_id)
    return settings, chat_zone(settings, await repos.subscriptions.first_region(chat_id))


def _not_before(now: datetime, settings: ChatSettings, zone: str) -> int:
    allowed = next_allowed_time(now, settings, zone)
    return int(allowed.timestamp()) if allowed > now else 0


async def _follow(repos: Repositories, r: Reminder, policy: ReminderPolicy, now: datetime) -> int:
    """One reminder whose event was cancelled or moved; returns the messages queued."""
    event = await repos.events.get(r.event_id)
    if event is None:
        return 0
    if not r.chat_active:
        await repos.reminders.drop(r)
        return 0
    settings, zone = await _chat(repos, r.chat_id)
    wait = _not_before(now, settings, zone)
    if event.status == "cancelled":
        cancelled = render_reminder_cancelled(event, r.language)
        return int(await repos.reminders.drop(r, cancelled, not_before=wait))
    postponed = event.status == "postponed"
    if event.start_date is None:  # postponed, no new date yet: wait for one
        notice = render_reminder_moved(event, r.language, None) if r.status != "waiting" else None
        moved = await repos.reminders.move(r, None, None, notice, not_before=wait)
        return int(moved and notice is not None)
    at = remind_at(event.start_date, zone=zone, settings=settings, policy=policy, now=now)
    if at is None:
        if (event.end_date or event.start_date) < local_today(now, zone):
            await repos.reminders.drop(r)  # over: nothing to remind of
            return 0
        at = now  # it moved to today: remind at once
    text: str | None = None
    if postponed:
        text = render_reminder_moved(event, r.language, at.astimezone(ZoneInfo(zone)))
    moved = await repos.reminders.move(r, event.start_date, at, text, not_before=wait)
    return int(moved and text is not None)


async def run_reminders(
    repos: Repositories, policy: ReminderPolicy, now: datetime | None = None
) -> int:
    """Follow changed events, then queue the reminders that are due; returns messages queued."""
    now = now or datetime.now(UTC)
    queued = 0
    for r in await repos.reminders.changed(BATCH):
        queued += await _follow(repos, r, policy, now)
    for r in await repos.reminders.due(now, BATCH):
        event = await repos.events.get(r.event_id)
        if event is None:
            continue
        if not r.chat_active or event.status == "cancelled":
            await repos.reminders.drop(r)
            continue
        settings, zone = await _chat(repos, r.chat_id)
        text = render_reminder(event, r.language, local_today(now, zone))
        if await repos.reminders.queue(r, text, not_before=_not_before(now, settings, zone)):
            queued += 1
    if queued:
        log.info("reminders: %d message(s) queued", queued)
    return queued
