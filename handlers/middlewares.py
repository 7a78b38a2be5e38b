"""Outer middlewares on every update.

* :class:`ThrottleMiddleware`: a user who floods the bot is answered at most about once a
  second (a small burst allowed); past that, one polite notice, then silence until they slow
  down.
* :class:`ChatContextMiddleware`: records the chat of every update and picks the reply
  language.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import Chat as TgChat
from aiogram.types import TelegramObject, Update, User

from bot.i18n import Texts, lang_of
from storage.chats import ChatRepository

log = logging.getLogger(__name__)

T = Texts(
    ru={"flood": "Слишком много запросов, подождите немного."},
    en={"flood": "Too many requests, please wait a little."},
)
# Forget users idle this long (their bucket is full again anyway) once the table is big.
_FORGET_AFTER = 600.0
_GC_SIZE = 10_000
# A flooding user is notified again only after pausing long enough to save this many tokens.
_CALM_TOKENS = 2.0


class _Bucket:
    __slots__ = ("notified", "stamp", "tokens")

    def __init__(self, tokens: float, stamp: float) -> None:
        self.tokens = tokens
        self.stamp = stamp
        self.notified = False


class ThrottleMiddleware(BaseMiddleware):
    """A token bucket per user: ``rate`` updates per second sustained, ``burst`` at once.

    Messages and button presses count; inline queries (one per keystroke) and membership
    updates do not. An
    update over the limit is dropped; the first one dropped gets a notice («Слишком много
    запросов, подождите немного»), the next ones nothing; during a flood the user is still
    answered about once a second, and gets a new notice only after slowing down.
    """

    def __init__(
        self, rate: float = 1.0, burst: int = 5, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = rate
        self.burst = float(max(1, burst))
        self.clock = clock
        self._users: dict[int, _Bucket] = {}

    def allow(self, user_id: int) -> bool | None:
        """True: go on; False: drop and notify; None: drop silently."""
        now = self.clock()
        bucket = self._users.get(user_id)
        if bucket is None:
            if len(self._users) >= _GC_SIZE:
                self._users = {
                    u: b for u, b in self._users.items() if now - b.stamp < _FORGET_AFTER
                }
            bucket = self._users[user_id] = _Bucket(self.burst, now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.stamp) * self.rate)
        bucket.stamp = now
        if bucket.tokens >= min(self.burst, _CALM_TOKENS):  # they slowed down: a notice again
            bucket.notified = False
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return True
        if bucket.notified:
            return None
        bucket.notified = True
        return False

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        if not isinstance(event, Update) or user is None or not _counts(event):
            return await handler(event, data)
        verdict = self.allow(user.id)
        if verdict:
            return await handler(event, data)
        if verdict is False:
            log.info("user %s is flooding: throttled", user.id)
            await _notify(event, T("flood", lang_of(user.language_code)))
        return None


def _counts(update: Update) -> bool:
    return (
        update.message is not None
        or update.edited_message is not None
        or update.callback_query is not None
    )


async def _notify(update: Update, text: str) -> None:
    if update.message is not None:
        await update.message.answer(text)
    elif update.callback_query is not None:
        await update.callback_query.answer(text)


def _title(chat: TgChat) -> str:
    if chat.title:
        return chat.title
    return " ".join(p for p in (chat.first_name, chat.last_name) if p) or (chat.username or "")


# (chat, user) pairs already noted by this process: a group's chatter costs no writes.
_NOTED_MAX = 50_000


class ChatContextMiddleware(BaseMiddleware):
    """Puts ``lang`` ('ru'/'en') into handler data and upserts the chat (``chat_record``).

    A person acting in a group or channel is noted (``ChatRepository.note_person``): /my
    offers them that chat to manage once getChatMember says they administer it.
    """

    def __init__(self, chats: ChatRepository) -> None:
        self.chats = chats
        self._noted: set[tuple[int, int]] = set()

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        chat: TgChat | None = data.get("event_chat")
        lang = lang_of(user.language_code if user else None)
        # A membership update decides about activity itself (handlers.membership); anything
        # else from the chat re-activates it, unless the membership changed after its date.
        membership = _is_membership(event)
        seen_at = _date(event)
        data["lang"] = lang
        if chat is not None:
            existing = await self.chats.get(chat.id)
            # A group keeps the language it was first set up in; a private chat follows its user.
            chat_lang = lang if (existing is None or chat.type == "private") else existing.language
            if (
                existing is None
                or (not existing.active and not membership)
                or existing.language != chat_lang
                or existing.title != _title(chat)
            ):
                existing = await self.chats.upsert(
                    chat.id, chat.type, _title(chat), chat_lang,
                    seen_at=seen_at, reactivate=not membership,
                )  # fmt: skip
            data["chat_record"] = existing
            if chat.type != "private" and user is not None and not user.is_bot:
                await self._note(chat.id, user.id)
        return await handler(event, data)

    async def _note(self, chat_id: int, user_id: int) -> None:
        if (chat_id, user_id) in self._noted:
            return
        if len(self._noted) >= _NOTED_MAX:
            self._noted.clear()
        await self.chats.note_person(chat_id, user_id)
        self._noted.add((chat_id, user_id))


def _is_membership(event: TelegramObject) -> bool:
    return isinstance(event, Update) and event.my_chat_member is not None


def _date(event: TelegramObject) -> int:
    """When the update happened: the message's date, else now (a press, a query)."""
    if isinstance(event, Update):
        for item in (event.message, event.edited_message, event.channel_post):
            if item is not None:
                return int(item.date.timestamp())
    return int(time.time())
