"""Who may change a chat's subscriptions, filters and settings.

Private chats: the user. Groups and channels: the chat's creator and administrators
(``getChatMember``, cached for :data:`ADMIN_CACHE_SECONDS` per bot); a message sent on
behalf of the chat itself (an anonymous group admin, a channel post) counts as an admin's.
"""

from __future__ import annotations

import logging
import time
import weakref

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import Chat as TgChat
from aiogram.types import User

from bot.errors import PermissionDeniedError

__all__ = ["ADMIN_CACHE_SECONDS", "ensure_can_manage", "forget_admin_cache", "is_chat_admin"]

log = logging.getLogger(__name__)

ADMIN_CACHE_SECONDS = 60.0
NOT_ADMIN = {
    "ru": "В группе менять подписки и настройки могут только администраторы чата.",
    "en": "In a group only the chat's administrators can change subscriptions and settings.",
}

# Per Bot object (one per app): (chat_id, user_id) -> (is admin, monotonic expiry). Keyed by
# identity, not by the Bot: aiogram's Bots compare equal by token, and a second app in the
# process (a restart, the demo) must ask Telegram again. The entry goes with its Bot.
_Cache = dict[tuple[int, int], tuple[bool, float]]
_admin_cache: dict[int, _Cache] = {}


def _cache_of(bot: Bot) -> _Cache:
    key = id(bot)
    cache = _admin_cache.get(key)
    if cache is None:
        cache = _admin_cache[key] = {}
        weakref.finalize(bot, _admin_cache.pop, key, None)
    return cache


_ADMIN_STATUSES = frozenset({"creator", "administrator"})


async def is_chat_admin(bot: Bot, chat_id: int, user_id: int, *, fresh: bool = False) -> bool:
    """Is the user the chat's creator or an administrator? ``getChatMember``, its answer
    cached for :data:`ADMIN_CACHE_SECONDS`; ``fresh`` asks Telegram again (and caches)."""
    cache = _cache_of(bot)
    now = time.monotonic()
    hit = cache.get((chat_id, user_id))
    if hit is not None and hit[1] > now and not fresh:
        return hit[0]
    try:
        member = await bot.get_chat_member(chat_id, user_id)
    except TelegramAPIError as exc:
        log.info("getChatMember(%s, %s) failed: %s", chat_id, user_id, exc)
        return False
    is_admin = member.status in _ADMIN_STATUSES
    if len(cache) > 10_000:
        cache.clear()
    cache[chat_id, user_id] = (is_admin, now + ADMIN_CACHE_SECONDS)
    return is_admin


def forget_admin_cache(bot: Bot) -> None:
    """Drop cached admin answers (tests; a chat_member update could call it too)."""
    _admin_cache.pop(id(bot), None)


async def ensure_can_manage(
    bot: Bot, chat: TgChat, user: User | None, sender_chat: TgChat | None = None
) -> None:
    """Raise :class:`PermissionDeniedError` unless the user may change this chat's setup.

    Private chats: always. Groups and channels: the chat's creator and administrators
    (``getChatMember``, cached for a minute); a message sent on behalf of the chat itself
    (an anonymous group admin, a channel post) counts as an admin's.
    """
    if chat.type == "private":
        return
    if sender_chat is not None and sender_chat.id == chat.id:
        return
    if user is not None and not user.is_bot and await is_chat_admin(bot, chat.id, user.id):
        return
    raise PermissionDeniedError(NOT_ADMIN["ru"], NOT_ADMIN["en"])
