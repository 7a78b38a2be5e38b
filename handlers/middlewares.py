"""Outer middleware: records the chat of every update and picks the reply language."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import Chat as TgChat
from aiogram.types import TelegramObject, User

from bot.i18n import lang_of
from storage.chats import ChatRepository


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
        data["lang"] = lang
        if chat is not None:
            existing = await self.chats.get(chat.id)
            # A group keeps the language it was first set up in; a private chat follows its user.
            chat_lang = lang if (existing is None or chat.type == "private") else existing.language
            if (
                existing is None
                or not existing.active
                or existing.language != chat_lang
                or existing.title != _title(chat)
            ):
                existing = await self.chats.upsert(chat.id, chat.type, _title(chat), chat_lang)
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
