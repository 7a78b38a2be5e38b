"""Callback and inline queries: users press buttons and type `@bot ...`; the bot answers."""

from __future__ import annotations

import asyncio
import itertools
import random
from typing import Any

from bot.emulator.chats import ChatBook
from bot.emulator.checks import check_inline_result
from bot.emulator.errors import ControlError, bad_request
from bot.emulator.notifier import Notifier
from bot.emulator.params import flag, opt_int, opt_str, require_utf8_args, utf8_len
from bot.emulator.profile import BotProfile
from bot.emulator.records import JSON, CallbackRecord, InlineRecord
from bot.emulator.updates import UpdateQueue

MAX_INLINE_RESULTS = 50
MAX_NEXT_OFFSET = 64
QUERY_INVALID = "query is too old and response timeout expired or query ID is invalid"


class Queries:
    """Every callback and inline query so far, with the bot's answers."""

    def __init__(self, chats: ChatBook, profile: BotProfile, updates: UpdateQueue) -> None:
        self._chats = chats
        self._profile = profile
        self._updates = updates
        self.changed = Notifier()  # an answer arrived
        self.callbacks: dict[str, CallbackRecord] = {}
        self.inline_queries: dict[str, InlineRecord] = {}
        self._ids = itertools.count(random.randint(10**17, 9 * 10**17))

    def reset(self) -> None:
        # Emptied in place: a waiter holds the dict and must see its query gone.
        self.callbacks.clear()
        self.inline_queries.clear()
        self.changed.notify()

    # Bot API -------------------------------------------------------------------

    def api_answer_callback_query(self, p: JSON) -> bool:
        record = self.callbacks.get(opt_str(p, "callback_query_id") or "")
        if record is None or record.answered:
            raise bad_request(QUERY_INVALID)
        text = opt_str(p, "text")
        if text is not None and len(text) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        record.answered = True
        record.answer = {
            "text": text,
            "show_alert": flag(p, "show_alert"),
            "url": opt_str(p, "url"),
            "cache_time": opt_int(p, "cache_time") or 0,
        }
        self.changed.notify()
        return True

    def api_answer_inline_query(self, p: JSON) -> bool:
        record = self.inline_queries.get(opt_str(p, "inline_query_id") or "")
        if record is None or record.answered:
            raise bad_request(QUERY_INVALID)
        results = p.get("results")
        if results is None or results == "":
            raise bad_request("results is empty")
        if not isinstance(results, list):
            raise bad_request("can't parse results JSON object")
        if len(results) > MAX_INLINE_RESULTS:
            raise bad_request("RESULTS_TOO_MUCH")
        next_offset = opt_str(p, "next_offset") or ""
        if utf8_len(next_offset) > MAX_NEXT_OFFSET:
            raise bad_request("NEXT_OFFSET_INVALID")
        seen: set[str] = set()
        messages = [check_inline_result(result, seen) for result in results]
        record.answered = True
        record.answer = {
            "results": results,
            "messages": messages,
            "next_offset": next_offset,
            "cache_time": opt_int(p, "cache_time") if p.get("cache_time") else 300,
            "is_personal": flag(p, "is_personal"),
        }
        self.changed.notify()
        return True

    # Control operations --------------------------------------------------------

    def press_button(
        self,
        user_id: int,
        chat_id: int,
        message_id: int,
        data: str,
        *,
        first_name: str | None = None,
        username: str | None = None,
        language_code: str = "ru",
    ) -> JSON:
        """A user presses an inline button; returns {update_id, callback_query_id}."""
        chat = self._chats.chats.get(chat_id)
        stored = chat.messages.get(message_id) if chat else None
        if chat is None or stored is None or stored.deleted:
            raise ControlError("message not found", 404)
        require_utf8_args(data, first_name, username, language_code)
        user = self._chats.user(user_id, first_name, username, language_code)
        query_id = str(next(self._ids))
        payload: JSON = {
            "id": query_id,
            "from": user.to_api(),
            "message": stored.api,
            "chat_instance": str(abs(hash((chat_id, self._profile.bot_id)))),
            "data": data,
        }
        update = self._updates.enqueue("callback_query", payload)
        self.callbacks[query_id] = CallbackRecord(query_id, user_id, chat_id, message_id, data)
        return {"update_id": update["update_id"], "callback_query_id": query_id}

    def inline_query(
        self,
        user_id: int,
        query: str,
        *,
        offset: str = "",
        chat_type: str | None = None,
        first_name: str | None = None,
        username: str | None = None,
        language_code: str = "ru",
    ) -> JSON:
        """A user types `@bot query`; returns {update_id, inline_query_id}."""
        require_utf8_args(query, offset, chat_type, first_name, username, language_code)
        user = self._chats.user(user_id, first_name, username, language_code)
        query_id = str(next(self._ids))
        payload: JSON = {"id": query_id, "from": user.to_api(), "query": query, "offset": offset}
        if chat_type:
            payload["chat_type"] = chat_type
        update = self._updates.enqueue("inline_query", payload)
        self.inline_queries[query_id] = InlineRecord(query_id, user_id, query, offset)
        return {"update_id": update["update_id"], "inline_query_id": query_id}

    async def _wait_answer(self, records: dict[str, Any], query_id: str, wait: float) -> JSON:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait
        while True:
            record = records.get(query_id)
            if record is None:
                raise ControlError("unknown query id", 404)
            remaining = deadline - loop.time()
            if record.answered or remaining <= 0 or self.changed.closed:
                result: JSON = record.to_api()
                return result
            await self.changed.wait(remaining)

    async def callback_answer(self, query_id: str, wait: float = 0.0) -> JSON:
        return await self._wait_answer(self.callbacks, query_id, wait)

    async def inline_answer(self, query_id: str, wait: float = 0.0) -> JSON:
        return await self._wait_answer(self.inline_queries, query_id, wait)
