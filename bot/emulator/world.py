"""`World`: the emulator without HTTP, a facade over the parts that do the work.

Every Bot API method is a function of the decoded parameters (raising `ApiError` for
Telegram's error answers), found by `lookup_method`; every control operation is a
plain method here, so tests and the offline demo can drive the emulator in-process.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

from bot.emulator.calllog import CallLog
from bot.emulator.chats import ChatBook
from bot.emulator.errors import ControlError
from bot.emulator.faults import Fault, Faults, fault_error
from bot.emulator.files import Files
from bot.emulator.messages import Messages
from bot.emulator.profile import BotProfile
from bot.emulator.queries import Queries
from bot.emulator.ratelimit import Limits, RateLimiter
from bot.emulator.records import JSON, Chat, Stats, User
from bot.emulator.updates import UpdateQueue

Handler = Callable[[JSON], Any]


class World:
    """Everything the emulator knows, and every operation on it.

    The parts: `profile` (the bot), `updates` (queue and webhook), `chats` (users,
    chats, members), `files` (documents and photos), `messages`, `queries` (callbacks
    and inline), `faults`, `limiter` (rate limits) and `log` (calls and counters).
    """

    def __init__(
        self,
        *,
        bot_username: str = "newsbot_test_bot",
        bot_first_name: str = "NewsBot",
        token: str | None = None,
        call_log_size: int = 100_000,
    ) -> None:
        self.stats = Stats()
        self.profile = BotProfile(bot_username, bot_first_name, token)
        self.log = CallLog(call_log_size, self.stats)
        self.limiter = RateLimiter()
        self.fault_queue = Faults(self.stats)
        self.updates_queue = UpdateQueue()
        self.chat_book = ChatBook(self.profile, self.updates_queue)
        self.files = Files()
        self.message_book = Messages(
            self.chat_book,
            self.profile,
            self.updates_queue,
            self.limiter,
            self.stats,
            files=self.files,
        )
        self.queries = Queries(self.chat_book, self.profile, self.updates_queue)
        # Control operations that are the parts' own, with their full signatures.
        self.user_message = self.message_book.user_message
        self.user_document = self.message_book.user_document
        self.file_info = self.files.file_info
        self.file_bytes = self.files.file_bytes
        self.set_photo_url_refusal = self.files.set_photo_url_refusal
        self.photo_url_refusal = self.files.photo_url_refusal
        self.messages = self.message_book.messages
        self.wait_messages = self.message_book.wait_messages
        self.press_button = self.queries.press_button
        self.inline_query = self.queries.inline_query
        self.callback_answer = self.queries.callback_answer
        self.inline_answer = self.queries.inline_answer
        self.create_chat = self.chat_book.create_chat
        self.chat_info = self.chat_book.info
        self.migrate_chat = self.chat_book.migrate_chat
        self.add_bot = self.chat_book.add_bot
        self.set_blocked = self.chat_book.set_blocked
        self.add_fault = self.fault_queue.add
        self.take_fault = self.fault_queue.take
        self.clear_faults = self.fault_queue.reset
        self.record_call = self.log.record
        self.call_log = self.log.list
        self._methods: dict[str, tuple[str, Handler, bool]] = {}
        for name, handler, is_async in self._method_table():
            self._methods[name.lower()] = (name, handler, is_async)

    # The answer a fired fault gives; a subclass may override it (e.g. a bare 429).
    fault_error = staticmethod(fault_error)

    def _method_table(self) -> list[tuple[str, Handler, bool]]:
        profile, updates, chats = self.profile, self.updates_queue, self.chat_book
        messages, queries = self.message_book, self.queries
        return [
            ("getMe", profile.api_get_me, False),
            ("getUpdates", updates.api_get_updates, True),
            ("setWebhook", updates.api_set_webhook, False),
            ("deleteWebhook", updates.api_delete_webhook, False),
            ("getWebhookInfo", updates.api_get_webhook_info, False),
            ("logOut", profile.api_true, False),
            ("close", profile.api_true, False),
            ("setMyCommands", profile.api_set_my_commands, False),
            ("getMyCommands", profile.api_get_my_commands, False),
            ("deleteMyCommands", profile.api_delete_my_commands, False),
            ("setMyDescription", profile.api_set_my_description, False),
            ("getMyDescription", profile.api_get_my_description, False),
            ("setMyShortDescription", profile.api_set_my_short_description, False),
            ("getMyShortDescription", profile.api_get_my_short_description, False),
            ("setMyName", profile.api_set_my_name, False),
            ("getMyName", profile.api_get_my_name, False),
            ("sendMessage", messages.api_send_message, False),
            ("sendPhoto", messages.api_send_photo, False),
            ("sendDocument", messages.api_send_document, False),
            ("getFile", self.files.api_get_file, False),
            ("editMessageText", messages.api_edit_message_text, False),
            ("editMessageReplyMarkup", messages.api_edit_message_reply_markup, False),
            ("deleteMessage", messages.api_delete_message, False),
            ("deleteMessages", messages.api_delete_messages, False),
            ("answerCallbackQuery", queries.api_answer_callback_query, False),
            ("answerInlineQuery", queries.api_answer_inline_query, False),
            ("sendChatAction", chats.api_send_chat_action, False),
            ("getChat", chats.api_get_chat, False),
            ("getChatMember", chats.api_get_chat_member, False),
            ("getChatAdministrators", chats.api_get_chat_administrators, False),
            ("getChatMemberCount", chats.api_get_chat_member_count, False),
            ("leaveChat", chats.api_leave_chat, False),
        ]

    def lookup_method(self, name: str) -> tuple[str, Handler, bool] | None:
        """(canonical name, handler, is_async) of a Bot API method; case-insensitive."""
        return self._methods.get(name.lower())

    # Views of the parts' state -------------------------------------------------

    @property
    def bot_id(self) -> int:
        return self.profile.bot_id

    @bot_id.setter
    def bot_id(self, value: int) -> None:
        self.profile.bot_id = value

    @property
    def token(self) -> str | None:
        return self.profile.token

    @property
    def bot_username(self) -> str:
        return self.profile.username

    @property
    def chats(self) -> dict[int, Chat]:
        return self.chat_book.chats

    @property
    def users(self) -> dict[int, User]:
        return self.chat_book.users

    @property
    def updates(self) -> deque[JSON]:
        """Updates not yet confirmed by getUpdates."""
        return self.updates_queue.pending

    def enqueue_update(self, kind: str, payload: JSON) -> JSON:
        """Queue an update as given (the control API's raw updates: malformed ones too, to
        test how the bot survives them; only text that is not UTF-8 is refused)."""
        return self.updates_queue.enqueue(kind, payload)

    @property
    def faults(self) -> list[Fault]:
        """Pending faults, in order."""
        return self.fault_queue.pending

    def bot_user(self) -> JSON:
        return self.profile.user()

    # Lifecycle -----------------------------------------------------------------

    def reset(self) -> None:
        """Forget everything (chats, messages, updates, faults, limits, counters)."""
        for part in (
            self.profile,
            self.log,
            self.limiter,
            self.fault_queue,
            self.chat_book,
            self.updates_queue,
            self.message_book,
            self.queries,
            self.files,
        ):
            part.reset()

    def close_waits(self) -> None:
        """End every long poll and control-API wait now (the server is stopping)."""
        for part in (self.updates_queue, self.message_book, self.queries):
            part.changed.close()

    def open_waits(self) -> None:
        for part in (self.updates_queue, self.message_book, self.queries):
            part.changed.open()

    # Control operations (also served under /_emulator/) ------------------------

    def set_limits(
        self,
        enabled: bool = True,
        *,
        global_per_second: float | None = None,
        private_per_second: float | None = None,
        private_burst: float | None = None,
        group_per_minute: float | None = None,
        paid_per_second: float | None = None,
    ) -> JSON:
        """Turn rate limits on or off; unnamed figures keep their value; counts restart.

        `private_burst` is accepted for older callers only as 1 (or None): sends are
        counted in sliding windows and no limit allows a burst.
        """
        old = self.limiter.limits
        values = {
            "global_per_second": global_per_second,
            "private_per_second": private_per_second,
            "group_per_minute": group_per_minute,
            "paid_per_second": paid_per_second,
        }
        for name, value in values.items():
            if value is not None and value <= 0:
                raise ControlError(f"{name} must be positive")
        if private_burst is not None and private_burst != 1:
            raise ControlError(
                "private_burst is gone: limits are sliding windows with no burst allowance"
            )
        limits = Limits(
            enabled=enabled,
            global_per_second=global_per_second or old.global_per_second,
            paid_per_second=paid_per_second or old.paid_per_second,
            private_per_second=private_per_second or old.private_per_second,
            group_per_minute=group_per_minute or old.group_per_minute,
        )
        self.limiter.configure(limits)
        return limits.to_api()

    def limits(self) -> JSON:
        return self.limiter.limits.to_api()

    def stats_snapshot(self) -> JSON:
        data = self.stats.to_api()
        data["pending_updates"] = len(self.updates_queue.pending)
        data["faults_pending"] = len(self.fault_queue.pending)
        return data

    def bot_settings(self) -> JSON:
        """Commands, descriptions and webhook as the bot set them."""
        settings = self.profile.settings()
        settings["webhook"] = self.updates_queue.webhook
        return settings
