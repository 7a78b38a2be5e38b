"""The bot's own membership (``my_chat_member``): removed means inactive, added back active.

Telegram sends ``my_chat_member`` when a user blocks or unblocks the bot in a private chat
(``kicked`` / ``member``) and when the bot is added to or removed from a group or channel
(``left`` / ``kicked`` / ``member`` / ``administrator``). The change is applied in order:
an update dated before the chat's last membership change (another update, or a 403 the
outbox met) changes nothing (:meth:`storage.chats.ChatRepository.set_membership`).
Removal drops the chat's waiting deliveries; the bot answers nothing.
"""

from __future__ import annotations

import logging

from aiogram import Router
from aiogram.enums import ChatMemberStatus
from aiogram.types import ChatMemberRestricted, ChatMemberUpdated

from storage.chats import ChatRepository

log = logging.getLogger(__name__)

_PRESENT = {ChatMemberStatus.MEMBER, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.CREATOR}


def is_present(update: ChatMemberUpdated) -> bool:
    """Whether the bot is in the chat after this update."""
    member = update.new_chat_member
    if isinstance(member, ChatMemberRestricted):
        return member.is_member
    return member.status in _PRESENT


async def on_my_chat_member(update: ChatMemberUpdated, chats: ChatRepository) -> None:
    active = is_present(update)
    status = update.new_chat_member.status
    at = int(update.date.timestamp())
    applied = await chats.set_membership(
        update.chat.id, active=active, at=at, reason=f"bot {status} (my_chat_member)"
    )
    log.info(
        "chat %s: bot %s -> %s%s", update.chat.id, update.old_chat_member.status, status,
        "" if applied else " (older than the last change: ignored)",
    )  # fmt: skip


def build_router() -> Router:
    router = Router(name="membership")
    router.my_chat_member.register(on_my_chat_member)
    return router
