"""The time zone a chat reads times in (every time the bot shows is in it)."""

from __future__ import annotations

from bot.delivery.quiet_hours import chat_zone
from storage.subscriptions import ChatSettings, SubscriptionRepository

__all__ = ["zone_of_chat"]


async def zone_of_chat(subscriptions: SubscriptionRepository, chat_id: int) -> str:
    """The chat's IANA zone: its /settings zone, else its first subscribed region's, else
    Moscow (one query)."""
    timezone, first_region = await subscriptions.zone_inputs(chat_id)
    return chat_zone(ChatSettings(chat_id, timezone=timezone), first_region)
