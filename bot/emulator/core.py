"""The Bot API methods and the control operations, independent of HTTP.

`World` holds the state and implements every Bot API method as a function of the
decoded parameters (raising `ApiError` for Telegram's error answers) and every
control operation as a plain method, so the offline demo can drive it in-process.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import random
import re
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from bot.emulator import markup
from bot.emulator.state import (
    FAULT_KINDS,
    JSON,
    ApiError,
    CallbackRecord,
    CallRecord,
    Chat,
    Fault,
    InlineRecord,
    Limits,
    RateLimiter,
    Stats,
    StoredMessage,
    User,
    bad_request,
    forbidden,
    migrated,
    retry_after,
)

log = logging.getLogger("bot.emulator")

MAX_TEXT = 4096
MAX_CALLBACK_DATA = 64
MAX_INLINE_RESULTS = 50
MAX_INLINE_ID = 64
MAX_NEXT_OFFSET = 64
CONFLICT_WEBHOOK = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
CONFLICT_POLL = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)
QUERY_INVALID = "query is too old and response timeout expired or query ID is invalid"
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
# Fields that arrive as JSON strings in form-encoded requests.
JSON_FIELDS = frozenset(
    {
        "reply_markup",
        "entities",
        "caption_entities",
        "results",
        "commands",
        "scope",
        "link_preview_options",
        "reply_parameters",
        "allowed_updates",
        "button",
        "media",
    }
)
BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "web_app",
    "login_url",
    "pay",
    "callback_game",
    "copy_text",
)
INLINE_RESULT_TYPES = frozenset(
    {
        "article",
        "photo",
        "gif",
        "mpeg4_gif",
        "video",
        "audio",
        "voice",
        "document",
        "location",
        "venue",
        "contact",
        "game",
        "sticker",
    }
)
CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
DEFAULT_UPDATE_TYPES = frozenset(
    {
        "message",
        "edited_message",
        "channel_post",
        "callback_query",
        "inline_query",
        "my_chat_member",
    }
)
_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")

Handler = Callable[[JSON], Any]


class ControlError(Exception):
    """A control API request that cannot be done (unknown chat, bad argument...)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


class _Notifier:
    """Wakes waiters when something changes; costs nothing when nobody waits."""

    __slots__ = ("_event", "_waiting")

    def __init__(self) -> None:
        self._event: asyncio.Event | None = None
        self._waiting = 0

    def notify(self) -> None:
        if self._event is not None:
            self._event.set()
            self._event = None

    async def wait(self, timeout: float) -> None:  # noqa: ASYNC109 - bounded wait on state
        if timeout <= 0:
            return
        if self._event is None:
            self._event = asyncio.Event()
        event = self._event
        self._waiting += 1
        try:
            await asyncio.wait_for(event.wait(), timeout)
        except TimeoutError:
            pass
        finally:
            self._waiting -= 1


def _as_int(value: Any, name: str) -> int:
    if isinstance(value, bool):
        raise bad_request(f"invalid {name} specified")
    if isinstance(value, int):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        raise bad_request(f"invalid {name} specified") from None


def _opt_int(p: JSON, name: str) -> int | None:
    value = p.get(name)
    if value is None or value == "":
        return None
    return _as_int(value, name)


def _req_int(p: JSON, name: str) -> int:
    value = _opt_int(p, name)
    if value is None:
        raise bad_request(f"{name} is empty")
    return value


def _bool(p: JSON, name: str) -> bool:
    value = p.get(name)
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    return str(value).strip().lower() in ("true", "1", "yes")


def _str(p: JSON, name: str) -> str | None:
    value = p.get(name)
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def decode_json_fields(p: JSON) -> None:
    """Turn the JSON-string fields of a form request into objects, in place."""
    for key in JSON_FIELDS.intersection(p):
        value = p[key]
        if isinstance(value, str):
            try:
                p[key] = json.loads(value)
            except ValueError:
                if key == "reply_markup":
                    raise bad_request("can't parse reply keyboard markup JSON object") from None
                raise bad_request(f"can't parse {key} JSON object") from None


def utf8_len(value: str) -> int:
    return len(value.encode("utf-8"))


class World:
    """Everything the emulator knows, and every operation on it."""

    def __init__(
        self,
        *,
        bot_username: str = "newsbot_test_bot",
        bot_first_name: str = "NewsBot",
        token: str | None = None,
        call_log_size: int = 100_000,
    ) -> None:
        self.bot_username = bot_username
        self.bot_first_name = bot_first_name
        self.token = token  # when set, only this token is accepted
        self.bot_id = int(token.split(":", 1)[0]) if token else 0
        self._call_log_size = call_log_size
        self._methods: dict[str, tuple[str, Handler, bool]] = {}
        for name, handler, is_async in self._method_table():
            self._methods[name.lower()] = (name, handler, is_async)
        self._poll_generation = 0
        self._closing = False
        self._init_state()

    def _init_state(self) -> None:
        self.users: dict[int, User] = {}
        self.chats: dict[int, Chat] = {}
        self.updates: deque[JSON] = deque()
        self.next_update_id = 100_000_001
        self.allowed_updates: frozenset[str] = DEFAULT_UPDATE_TYPES
        self.webhook: JSON = {"url": ""}
        self.commands: dict[tuple[str, str], list[JSON]] = {}
        self.descriptions: dict[tuple[str, str], str] = {}
        self.faults: list[Fault] = []
        self.limiter = RateLimiter(Limits())
        self.stats = Stats()
        self.calls: deque[CallRecord] = deque(maxlen=self._call_log_size)
        self.call_seq = 0
        self.callbacks: dict[str, CallbackRecord] = {}
        self.inline_queries: dict[str, InlineRecord] = {}
        self._ids = itertools.count(random.randint(10**17, 9 * 10**17))
        self.updates_changed = _Notifier()
        self.messages_changed = _Notifier()
        self.answers_changed = _Notifier()

    def reset(self) -> None:
        """Forget everything (chats, messages, updates, faults, limits, counters)."""
        old = (self.updates_changed, self.messages_changed, self.answers_changed)
        self._init_state()
        for notifier in old:
            notifier.notify()  # waiters re-check against the fresh state

    # Bot identity --------------------------------------------------------

    def bot_user(self) -> JSON:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }

    def _method_table(self) -> list[tuple[str, Handler, bool]]:
        return [
            ("getMe", self.api_get_me, False),
            ("getUpdates", self.api_get_updates, True),
            ("setWebhook", self.api_set_webhook, False),
            ("deleteWebhook", self.api_delete_webhook, False),
            ("getWebhookInfo", self.api_get_webhook_info, False),
            ("logOut", self._true, False),
            ("close", self._true, False),
            ("setMyCommands", self.api_set_my_commands, False),
            ("getMyCommands", self.api_get_my_commands, False),
            ("deleteMyCommands", self.api_delete_my_commands, False),
            ("setMyDescription", self.api_set_my_description, False),
            ("getMyDescription", self.api_get_my_description, False),
            ("setMyShortDescription", self.api_set_my_short_description, False),
            ("getMyShortDescription", self.api_get_my_short_description, False),
            ("setMyName", self.api_set_my_name, False),
            ("getMyName", self.api_get_my_name, False),
            ("sendMessage", self.api_send_message, False),
            ("editMessageText", self.api_edit_message_text, False),
            ("editMessageReplyMarkup", self.api_edit_message_reply_markup, False),
            ("deleteMessage", self.api_delete_message, False),
            ("deleteMessages", self.api_delete_messages, False),
            ("answerCallbackQuery", self.api_answer_callback_query, False),
            ("answerInlineQuery", self.api_answer_inline_query, False),
            ("sendChatAction", self.api_send_chat_action, False),
            ("getChat", self.api_get_chat, False),
            ("getChatMember", self.api_get_chat_member, False),
            ("getChatAdministrators", self.api_get_chat_administrators, False),
            ("getChatMemberCount", self.api_get_chat_member_count, False),
            ("leaveChat", self.api_leave_chat, False),
        ]

    def lookup_method(self, name: str) -> tuple[str, Handler, bool] | None:
        return self._methods.get(name.lower())

    def record_call(self, method: str, params: JSON, status: int, description: str | None) -> None:
        self.call_seq += 1
        self.calls.append(
            CallRecord(self.call_seq, method, params, time.time(), status, description)
        )
        if status != 200:
            self.stats.errors_by_code[status] += 1
            if status == 429:
                self.stats.too_many_requests += 1

    def take_fault(self, method_lower: str, params: JSON) -> Fault | None:
        """The first pending fault matching this call, consumed by one."""
        raw = params.get("chat_id")
        chat_id: int | str | None = raw
        if isinstance(raw, str):
            try:
                chat_id = int(raw)
            except ValueError:
                chat_id = raw
        for index, fault in enumerate(self.faults):
            if fault.matches(method_lower, chat_id):
                fault.count -= 1
                if fault.count <= 0:
                    del self.faults[index]
                self.stats.faults_fired += 1
                return fault
        return None

    @staticmethod
    def fault_error(fault: Fault, params: JSON) -> ApiError:
        kind = fault.kind
        if kind == "429":
            return retry_after(fault.retry_after)
        if kind == "403":
            return forbidden("bot was blocked by the user")
        if kind == "403_kicked":
            return forbidden("bot was kicked from the group chat")
        if kind == "403_deactivated":
            return forbidden("user is deactivated")
        if kind == "400_chat_not_found":
            return bad_request("chat not found")
        if kind == "400_user_deactivated":
            return bad_request("user is deactivated")
        if kind == "migrate":
            target = fault.migrate_to_chat_id
            if target is None:
                try:
                    target = int(f"-100{abs(int(params.get('chat_id', 0)))}")
                except ValueError:
                    target = -1001000000001
            return migrated(target)
        return ApiError(500, "Internal Server Error")

    # Chats and users -----------------------------------------------------

    def _resolve_chat(self, raw: Any) -> Chat | None:
        if isinstance(raw, str) and raw.startswith("@"):
            name = raw[1:].lower()
            for chat in self.chats.values():
                if chat.username and chat.username.lower() == name and chat.type != "private":
                    return chat
            return None
        try:
            return self.chats.get(_as_int(raw, "chat_id"))
        except ApiError:
            return None

    def _chat_param(self, p: JSON) -> Chat:
        raw = p.get("chat_id")
        if raw is None or raw == "":
            raise bad_request("chat_id is empty")
        chat = self._resolve_chat(raw)
        if chat is None:
            raise bad_request("chat not found")
        return chat

    def _writable_chat(self, p: JSON) -> Chat:
        raw = str(p.get("chat_id", ""))
        if raw.isdigit() and int(raw) in self.users and int(raw) not in self.chats:
            # Known (e.g. from a group) but never wrote to the bot.
            raise forbidden("bot can't initiate conversation with a user")
        chat = self._chat_param(p)
        if chat.migrated_to is not None:
            raise migrated(chat.migrated_to)
        if chat.type == "private":
            user = chat.private_user
            if user is not None and user.blocked_bot:
                raise forbidden("bot was blocked by the user")
        elif chat.bot_left:
            kind = "channel chat" if chat.type == "channel" else f"{chat.type} chat"
            raise forbidden(f"bot is not a member of the {kind}")
        return chat

    def _user(
        self,
        user_id: int,
        first_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> User:
        user = self.users.get(user_id)
        if user is None:
            user = User(id=user_id, first_name=first_name or f"User{user_id}")
            self.users[user_id] = user
        if first_name:
            user.first_name = first_name
        if username:
            user.username = username
        if language_code:
            user.language_code = language_code
        return user

    def _private_chat(self, user: User) -> Chat:
        chat = self.chats.get(user.id)
        if chat is None:
            chat = Chat(id=user.id, type="private", private_user=user)
            self.chats[user.id] = chat
        return chat

    # Text and keyboards --------------------------------------------------

    @staticmethod
    def render_text(
        text: Any, parse_mode: str | None, entities: Any, *, inline: bool = False
    ) -> tuple[str, list[JSON]]:
        """Parse and check a message text as sendMessage does."""
        empty = "MESSAGE_EMPTY" if inline else "message text is empty"
        if text is None or text == "":
            raise bad_request(empty)
        text = str(text)
        try:
            plain, found = markup.parse(text, parse_mode)
        except markup.MarkupError as exc:
            if str(exc).startswith("Unsupported parse_mode"):
                raise bad_request("unsupported parse_mode") from None
            raise bad_request(f"can't parse entities: {exc}") from None
        if not parse_mode and entities:
            if not isinstance(entities, list) or not all(isinstance(e, dict) for e in entities):
                raise bad_request("can't parse entities JSON object")
            found = sorted(entities, key=lambda e: (int(e["offset"]), -int(e["length"])))
        plain, found = markup.strip_text(plain, found)
        if not plain:
            raise bad_request(empty)
        if markup.utf16_len(plain) > MAX_TEXT:
            raise bad_request("MESSAGE_TOO_LONG" if inline else "message is too long")
        return plain, found

    @staticmethod
    def check_markup(value: Any) -> JSON | None:
        """Validate reply_markup; returns it (for the Message) or raises 400."""
        if value is None or value == "":
            return None
        if not isinstance(value, dict):
            raise bad_request("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" in value:
            rows = value["inline_keyboard"]
            if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
                raise bad_request(
                    'field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of '
                    "Arrays"
                )
            total = 0
            for row in rows:
                for button in row:
                    total += 1
                    World._check_button(button)
            if total > 100:
                raise bad_request("reply markup is too long")
            return value
        if "keyboard" in value:
            rows = value["keyboard"]
            if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
                raise bad_request(
                    'field "keyboard" of the ReplyKeyboardMarkup should be an Array of Arrays'
                )
            return value
        if value.get("remove_keyboard") or value.get("force_reply"):
            return value
        raise bad_request("can't parse reply keyboard markup JSON object")

    @staticmethod
    def _check_button(button: Any) -> None:
        if not isinstance(button, dict):
            raise bad_request("can't parse inline keyboard button: InlineKeyboardButton expected")
        text = button.get("text")
        if not isinstance(text, str) or not text:
            raise bad_request("BUTTON_TEXT_INVALID")
        actions = [key for key in BUTTON_ACTIONS if key in button]
        if not actions:
            raise bad_request("text buttons are unallowed in the inline keyboard")
        if len(actions) > 1:
            raise bad_request("can't parse inline keyboard button: only one action allowed")
        if "callback_data" in button:
            data = button["callback_data"]
            if not isinstance(data, str) or not 1 <= utf8_len(data) <= MAX_CALLBACK_DATA:
                raise bad_request("BUTTON_DATA_INVALID")
        if "url" in button:
            url = button["url"]
            if not isinstance(url, str) or not re.match(r"(https?|tg)://\S+$", url):
                raise bad_request("BUTTON_URL_INVALID")

    # Messages ------------------------------------------------------------

    def _store(self, chat: Chat, api: JSON, *, from_bot: bool, raw: str | None = None,
               parse_mode: str | None = None) -> StoredMessage:  # fmt: skip
        stored = StoredMessage(api["message_id"], api, from_bot, raw, parse_mode)
        chat.messages[stored.message_id] = stored
        self.messages_changed.notify()
        return stored

    def _reply_to(self, chat: Chat, p: JSON) -> JSON | None:
        params = p.get("reply_parameters")
        allow_missing = _bool(p, "allow_sending_without_reply")
        if isinstance(params, dict):
            message_id = params.get("message_id")
            allow_missing = bool(params.get("allow_sending_without_reply", allow_missing))
            target_chat = chat
            if params.get("chat_id") not in (None, chat.id):
                target_chat = self._resolve_chat(params["chat_id"]) or chat
        else:
            message_id = p.get("reply_to_message_id")
            target_chat = chat
        if message_id in (None, ""):
            return None
        stored = target_chat.messages.get(_as_int(message_id, "message_id"))
        if stored is None or stored.deleted:
            if allow_missing:
                return None
            raise bad_request("message to be replied not found")
        quoted = dict(stored.api)
        quoted.pop("reply_to_message", None)
        return quoted

    def _message_api(self, chat: Chat, message_id: int, text: str, entities: list[JSON]) -> JSON:
        msg: JSON = {
            "message_id": message_id,
            "from": self.bot_user(),
            "chat": chat.to_api(),
            "date": int(time.time()),
            "text": text,
        }
        if entities:
            msg["entities"] = entities
        return msg

    def api_send_message(self, p: JSON) -> JSON:
        chat = self._writable_chat(p)
        raw_text = _str(p, "text")
        parse_mode = _str(p, "parse_mode")
        text, entities = self.render_text(raw_text, parse_mode, p.get("entities"))
        reply_markup = self.check_markup(p.get("reply_markup"))
        thread_id = _opt_int(p, "message_thread_id")
        reply_to = self._reply_to(chat, p)
        self.limiter.check(chat, time.monotonic(), paid=_bool(p, "allow_paid_broadcast"))
        msg = self._message_api(chat, chat.take_message_id(), text, entities)
        if thread_id and chat.is_forum:
            msg["message_thread_id"] = thread_id
            msg["is_topic_message"] = True
        if reply_to is not None:
            msg["reply_to_message"] = reply_to
        if reply_markup is not None and "inline_keyboard" in reply_markup:
            msg["reply_markup"] = reply_markup
        preview = p.get("link_preview_options")
        if isinstance(preview, dict):
            msg["link_preview_options"] = preview
        elif _bool(p, "disable_web_page_preview"):
            msg["link_preview_options"] = {"is_disabled": True}
        if _bool(p, "protect_content"):
            msg["has_protected_content"] = True
        self._store(chat, msg, from_bot=True, raw=raw_text, parse_mode=parse_mode)
        self.stats.messages_sent += 1
        return msg

    def _editable(self, p: JSON) -> tuple[Chat, StoredMessage]:
        if p.get("inline_message_id"):
            raise bad_request("MESSAGE_ID_INVALID")
        chat = self._chat_param(p)
        if chat.migrated_to is not None:
            raise migrated(chat.migrated_to)
        message_id = _req_int(p, "message_id")
        stored = chat.messages.get(message_id)
        if stored is None or stored.deleted:
            raise bad_request("message to edit not found")
        if not stored.from_bot:
            raise bad_request("message can't be edited")
        return chat, stored

    def api_edit_message_text(self, p: JSON) -> JSON:
        _, stored = self._editable(p)
        raw_text = _str(p, "text")
        parse_mode = _str(p, "parse_mode")
        text, entities = self.render_text(raw_text, parse_mode, p.get("entities"))
        reply_markup = self.check_markup(p.get("reply_markup"))
        new_markup = reply_markup if reply_markup and "inline_keyboard" in reply_markup else None
        old = stored.api
        preview = p.get("link_preview_options")
        if (
            old.get("text") == text
            and old.get("entities", []) == entities
            and old.get("reply_markup") == new_markup
        ):
            raise bad_request(NOT_MODIFIED)
        msg = dict(old)
        msg["text"] = text
        msg.pop("entities", None)
        if entities:
            msg["entities"] = entities
        msg.pop("reply_markup", None)
        if new_markup is not None:
            msg["reply_markup"] = new_markup
        if isinstance(preview, dict):
            msg["link_preview_options"] = preview
        msg["edit_date"] = int(time.time())
        stored.api = msg
        stored.html = raw_text
        stored.parse_mode = parse_mode
        stored.edited = True
        self.messages_changed.notify()
        return msg

    def api_edit_message_reply_markup(self, p: JSON) -> JSON:
        _, stored = self._editable(p)
        reply_markup = self.check_markup(p.get("reply_markup"))
        new_markup = reply_markup if reply_markup and "inline_keyboard" in reply_markup else None
        if stored.api.get("reply_markup") == new_markup:
            raise bad_request(NOT_MODIFIED)
        msg = dict(stored.api)
        msg.pop("reply_markup", None)
        if new_markup is not None:
            msg["reply_markup"] = new_markup
        msg["edit_date"] = int(time.time())
        stored.api = msg
        stored.edited = True
        self.messages_changed.notify()
        return msg

    def api_delete_message(self, p: JSON) -> bool:
        chat = self._chat_param(p)
        stored = chat.messages.get(_req_int(p, "message_id"))
        if stored is None or stored.deleted:
            raise bad_request("message to delete not found")
        stored.deleted = True
        self.messages_changed.notify()
        return True

    def api_delete_messages(self, p: JSON) -> bool:
        chat = self._chat_param(p)
        ids = p.get("message_ids")
        if isinstance(ids, str):
            try:
                ids = json.loads(ids)
            except ValueError:
                raise bad_request("can't parse message_ids JSON object") from None
        if not isinstance(ids, list) or not 1 <= len(ids) <= 100:
            raise bad_request("message_ids is empty")
        for message_id in ids:
            stored = chat.messages.get(_as_int(message_id, "message_ids"))
            if stored is not None:
                stored.deleted = True
        self.messages_changed.notify()
        return True

    # Queries ---------------------------------------------------------------

    def api_answer_callback_query(self, p: JSON) -> bool:
        record = self.callbacks.get(_str(p, "callback_query_id") or "")
        if record is None or record.answered:
            raise bad_request(QUERY_INVALID)
        text = _str(p, "text")
        if text is not None and len(text) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        record.answered = True
        record.answer = {
            "text": text,
            "show_alert": _bool(p, "show_alert"),
            "url": _str(p, "url"),
            "cache_time": _opt_int(p, "cache_time") or 0,
        }
        self.answers_changed.notify()
        return True

    def api_answer_inline_query(self, p: JSON) -> bool:
        record = self.inline_queries.get(_str(p, "inline_query_id") or "")
        if record is None or record.answered:
            raise bad_request(QUERY_INVALID)
        results = p.get("results")
        if results is None or results == "":
            raise bad_request("results is empty")
        if not isinstance(results, list):
            raise bad_request("can't parse results JSON object")
        if len(results) > MAX_INLINE_RESULTS:
            raise bad_request("RESULTS_TOO_MUCH")
        next_offset = _str(p, "next_offset") or ""
        if utf8_len(next_offset) > MAX_NEXT_OFFSET:
            raise bad_request("NEXT_OFFSET_INVALID")
        seen: set[str] = set()
        messages: list[JSON] = []
        for result in results:
            messages.append(self._check_inline_result(result, seen))
        record.answered = True
        record.answer = {
            "results": results,
            "messages": messages,
            "next_offset": next_offset,
            "cache_time": _opt_int(p, "cache_time") if p.get("cache_time") else 300,
            "is_personal": _bool(p, "is_personal"),
        }
        self.answers_changed.notify()
        return True

    def _check_inline_result(self, result: Any, seen: set[str]) -> JSON:
        """Check one InlineQueryResult; returns the message it would send (text/entities)."""
        if not isinstance(result, dict):
            raise bad_request("can't parse InlineQueryResult JSON object")
        rid = result.get("id")
        if not isinstance(rid, str) or not 1 <= utf8_len(rid) <= MAX_INLINE_ID:
            raise bad_request("RESULT_ID_INVALID")
        if rid in seen:
            raise bad_request("RESULT_ID_DUPLICATE")
        seen.add(rid)
        kind = result.get("type")
        if kind not in INLINE_RESULT_TYPES:
            raise bad_request("RESULT_TYPE_INVALID")
        self.check_markup(result.get("reply_markup"))
        content = result.get("input_message_content")
        if kind == "article":
            if not result.get("title"):
                raise bad_request("RESULT_TITLE_EMPTY")
            if not isinstance(content, dict):
                raise bad_request("SEND_MESSAGE_MEDIA_INVALID")
        if isinstance(content, dict) and "message_text" in content:
            text, entities = self.render_text(
                content.get("message_text"),
                content.get("parse_mode"),
                content.get("entities"),
                inline=True,
            )
            return {"id": rid, "text": text, "entities": entities}
        return {"id": rid}

    # Chats ---------------------------------------------------------------

    def api_send_chat_action(self, p: JSON) -> bool:
        self._writable_chat(p)
        if _str(p, "action") not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        return True

    def api_get_chat(self, p: JSON) -> JSON:
        chat = self._chat_param(p)
        info = chat.to_api()
        info.update(
            accent_color_id=chat.id % 7,
            max_reaction_count=11,
            accepted_gift_types={
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        )
        if chat.type == "private" and chat.private_user is not None:
            info["type"] = "private"
        return info

    def _member(self, chat: Chat, user_id: int) -> JSON:
        if user_id == self.bot_id:
            user: JSON = self.bot_user()
            if chat.type == "private":
                return {"status": "member", "user": user}
            if chat.bot_left:
                return {"status": "left", "user": user}
            if chat.bot_is_admin:
                return self._admin(user)
            return {"status": "member", "user": user}
        known = self.users.get(user_id)
        user = known.to_api() if known else {"id": user_id, "is_bot": False, "first_name": "?"}
        if chat.type == "private":
            return {"status": "member" if user_id == chat.id else "left", "user": user}
        if user_id == chat.creator:
            return {"status": "creator", "user": user, "is_anonymous": False}
        if user_id in chat.admins:
            return self._admin(user)
        if user_id in chat.members:
            return {"status": "member", "user": user}
        return {"status": "left", "user": user}

    @staticmethod
    def _admin(user: JSON) -> JSON:
        rights = (
            "can_manage_chat",
            "can_delete_messages",
            "can_manage_video_chats",
            "can_restrict_members",
            "can_change_info",
            "can_invite_users",
            "can_post_stories",
            "can_edit_stories",
            "can_delete_stories",
            "can_post_messages",
            "can_edit_messages",
            "can_pin_messages",
            "can_manage_topics",
        )
        member: JSON = {"status": "administrator", "user": user, "is_anonymous": False}
        member.update(dict.fromkeys(rights, True))
        member.update(can_be_edited=False, can_promote_members=False)
        member["can_send_welcome_messages"] = False
        return member

    def api_get_chat_member(self, p: JSON) -> JSON:
        chat = self._chat_param(p)
        return self._member(chat, _req_int(p, "user_id"))

    def api_get_chat_administrators(self, p: JSON) -> list[JSON]:
        chat = self._chat_param(p)
        if chat.type == "private":
            raise bad_request("there are no administrators in the private chat")
        ids: list[int] = []
        if chat.creator is not None:
            ids.append(chat.creator)
        ids.extend(sorted(chat.admins - {chat.creator}))
        if chat.bot_is_admin and not chat.bot_left:
            ids.append(self.bot_id)
        return [self._member(chat, uid) for uid in ids]

    def api_get_chat_member_count(self, p: JSON) -> int:
        chat = self._chat_param(p)
        if chat.type == "private":
            return 2
        people = chat.members | chat.admins
        if chat.creator is not None:
            people.add(chat.creator)
        return len(people) + (0 if chat.bot_left else 1)

    def api_leave_chat(self, p: JSON) -> bool:
        chat = self._chat_param(p)
        if chat.type == "private":
            raise bad_request("chat member status can't be changed in private chats")
        chat.bot_left = True
        return True

    # Updates and webhook -------------------------------------------------

    def enqueue_update(self, kind: str, payload: JSON) -> JSON:
        update = {"update_id": self.next_update_id, kind: payload}
        self.next_update_id += 1
        self.updates.append(update)
        self.updates_changed.notify()
        return update

    def _take_updates(self, offset: int, limit: int) -> list[JSON]:
        queue = self.updates
        if offset < 0:
            while len(queue) > -offset:
                queue.popleft()
        elif offset:
            while queue and queue[0]["update_id"] < offset:
                queue.popleft()
        batch: list[JSON] = []
        kept: deque[JSON] = deque()
        for update in queue:
            kind = next(key for key in update if key != "update_id")
            if kind not in self.allowed_updates:
                continue  # Telegram drops updates the bot did not ask for
            kept.append(update)
            if len(batch) < limit:
                batch.append(update)
        self.updates = kept
        return batch

    async def api_get_updates(self, p: JSON) -> list[JSON]:
        if self.webhook.get("url"):
            raise ApiError(409, CONFLICT_WEBHOOK)
        offset = _opt_int(p, "offset") or 0
        limit = min(max(_opt_int(p, "limit") or 100, 1), 100)
        timeout = max(_opt_int(p, "timeout") or 0, 0)
        allowed = p.get("allowed_updates")
        if isinstance(allowed, list):
            self.allowed_updates = frozenset(allowed) if allowed else DEFAULT_UPDATE_TYPES
        self._poll_generation += 1
        generation = self._poll_generation
        self.updates_changed.notify()  # an older long poll ends with 409
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            batch = self._take_updates(offset, limit)
            remaining = deadline - loop.time()
            if batch or remaining <= 0 or self._closing:
                return batch
            await self.updates_changed.wait(remaining)
            if generation != self._poll_generation:
                raise ApiError(409, CONFLICT_POLL)

    def api_set_webhook(self, p: JSON) -> bool:
        url = _str(p, "url") or ""
        if url and not url.startswith("https://"):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        self.webhook = {"url": url}
        if url:
            for key in ("max_connections", "ip_address", "secret_token"):
                if p.get(key) is not None:
                    self.webhook[key] = p[key]
            if isinstance(p.get("allowed_updates"), list):
                self.webhook["allowed_updates"] = p["allowed_updates"]
        if _bool(p, "drop_pending_updates"):
            self.updates.clear()
        return True

    def api_delete_webhook(self, p: JSON) -> bool:
        self.webhook = {"url": ""}
        if _bool(p, "drop_pending_updates"):
            self.updates.clear()
        return True

    def api_get_webhook_info(self, p: JSON) -> JSON:
        info: JSON = {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self.updates),
        }
        if info["url"]:
            info["max_connections"] = _as_int(self.webhook.get("max_connections", 40), "x")
            if "ip_address" in self.webhook:
                info["ip_address"] = self.webhook["ip_address"]
            if "allowed_updates" in self.webhook:
                info["allowed_updates"] = self.webhook["allowed_updates"]
        return info

    @staticmethod
    def _true(p: JSON) -> bool:
        return True

    # Commands and descriptions -------------------------------------------

    @staticmethod
    def _scope_key(p: JSON) -> tuple[str, str]:
        scope = p.get("scope") or {"type": "default"}
        if not isinstance(scope, dict) or "type" not in scope:
            raise bad_request("can't parse BotCommandScope JSON object")
        return json.dumps(scope, sort_keys=True), _str(p, "language_code") or ""

    def api_set_my_commands(self, p: JSON) -> bool:
        commands = p.get("commands")
        if not isinstance(commands, list):
            raise bad_request("can't parse commands JSON object")
        if len(commands) > 100:
            raise bad_request("BOT_COMMANDS_TOO_MUCH")
        clean: list[JSON] = []
        for item in commands:
            if not isinstance(item, dict):
                raise bad_request("can't parse BotCommand JSON object")
            command = str(item.get("command", "")).removeprefix("/").lower()
            description = str(item.get("description", ""))
            if not _COMMAND_NAME.fullmatch(command):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(description) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
            clean.append({"command": command, "description": description})
        key = self._scope_key(p)
        if clean:
            self.commands[key] = clean
        else:
            self.commands.pop(key, None)
        return True

    def api_get_my_commands(self, p: JSON) -> list[JSON]:
        return list(self.commands.get(self._scope_key(p), []))

    def api_delete_my_commands(self, p: JSON) -> bool:
        self.commands.pop(self._scope_key(p), None)
        return True

    def _set_text(self, p: JSON, field: str, limit: int) -> bool:
        value = _str(p, field) or ""
        if len(value) > limit:
            raise bad_request(f"{field.upper()}_INVALID")
        self.descriptions[(field, _str(p, "language_code") or "")] = value
        return True

    def _get_text(self, p: JSON, field: str) -> JSON:
        value = self.descriptions.get((field, _str(p, "language_code") or ""), "")
        if field == "name" and not value:
            value = self.bot_first_name
        return {field: value}

    def api_set_my_description(self, p: JSON) -> bool:
        return self._set_text(p, "description", 512)

    def api_get_my_description(self, p: JSON) -> JSON:
        return self._get_text(p, "description")

    def api_set_my_short_description(self, p: JSON) -> bool:
        return self._set_text(p, "short_description", 120)

    def api_get_my_short_description(self, p: JSON) -> JSON:
        return self._get_text(p, "short_description")

    def api_set_my_name(self, p: JSON) -> bool:
        return self._set_text(p, "name", 64)

    def api_get_my_name(self, p: JSON) -> JSON:
        return self._get_text(p, "name")

    def api_get_me(self, p: JSON) -> JSON:
        me = self.bot_user()
        me.update(
            can_join_groups=True,
            can_read_all_group_messages=False,
            supports_inline_queries=True,
            can_connect_to_business=False,
            has_main_web_app=False,
        )
        return me

    # Control operations (also served under /_emulator/) -------------------

    def create_chat(
        self,
        chat_id: int,
        type: str = "group",
        title: str | None = None,
        *,
        username: str | None = None,
        is_forum: bool = False,
        admins: list[int] | None = None,
        members: list[int] | None = None,
        creator: int | None = None,
        bot_is_admin: bool | None = None,
        first_name: str | None = None,
    ) -> JSON:
        """Create (or update) a chat; the first admin is its creator unless given."""
        if type not in ("private", "group", "supergroup", "channel"):
            raise ControlError(f"unknown chat type {type!r}")
        if type == "private":
            if chat_id <= 0:
                raise ControlError("a private chat id is the user's id and must be positive")
            chat = self._private_chat(self._user(chat_id, first_name, username))
            return chat.to_api()
        if chat_id >= 0:
            raise ControlError("group, supergroup and channel ids are negative")
        if is_forum and type != "supergroup":
            raise ControlError("only a supergroup can be a forum")
        chat = self.chats.get(chat_id) or Chat(id=chat_id, type=type)
        chat.type = type
        chat.title = title or chat.title or f"Chat {chat_id}"
        chat.username = username or chat.username
        chat.is_forum = is_forum
        admin_ids = list(admins or [])
        chat.admins = set(admin_ids)
        chat.members = set(members or [])
        chat.creator = creator if creator is not None else (admin_ids[0] if admin_ids else None)
        chat.bot_is_admin = type == "channel" if bot_is_admin is None else bot_is_admin
        chat.bot_left = False
        for uid in chat.admins | chat.members:
            self._user(uid)
        self.chats[chat_id] = chat
        return chat.to_api()

    def migrate_chat(self, chat_id: int, to_chat_id: int | None = None) -> JSON:
        """Upgrade a group to a supergroup: sends to the old id answer 'migrate'."""
        chat = self.chats.get(chat_id)
        if chat is None or chat.type != "group":
            raise ControlError("only an existing group can be migrated", 404)
        target = to_chat_id if to_chat_id is not None else int(f"-100{abs(chat_id)}")
        chat.migrated_to = target
        self.create_chat(
            target,
            "supergroup",
            chat.title,
            admins=sorted(chat.admins),
            members=sorted(chat.members),
            creator=chat.creator,
            bot_is_admin=chat.bot_is_admin,
        )
        return {"chat_id": chat_id, "migrate_to_chat_id": target}

    def add_bot(self, chat_id: int, user_id: int, *, as_admin: bool = False) -> JSON:
        """A user adds the bot to a chat: a my_chat_member update, as Telegram sends."""
        chat = self.chats.get(chat_id)
        if chat is None or chat.type == "private":
            raise ControlError("create the group or channel first", 404)
        user = self._user(user_id)
        chat.bot_left = False
        chat.bot_is_admin = as_admin or chat.type == "channel"
        payload: JSON = {
            "chat": chat.to_api(),
            "from": user.to_api(),
            "date": int(time.time()),
            # A chat made through the control API holds the bot silently; this is its arrival.
            "old_chat_member": {"status": "left", "user": self.bot_user()},
            "new_chat_member": self._member(chat, self.bot_id),
        }
        update = self.enqueue_update("my_chat_member", payload)
        return {"update_id": update["update_id"], "my_chat_member": payload}

    def set_blocked(self, user_id: int, blocked: bool = True) -> None:
        self._user(user_id).blocked_bot = blocked

    def user_message(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: int | None = None,
        chat_type: str = "private",
        chat_title: str | None = None,
        is_forum: bool = False,
        message_thread_id: int | None = None,
        first_name: str | None = None,
        username: str | None = None,
        language_code: str = "ru",
        reply_to_message_id: int | None = None,
    ) -> JSON:
        """A user writes `text`; enqueues the update; returns {update_id, message}."""
        if not text:
            raise ControlError("text is empty")
        user = self._user(user_id, first_name, username, language_code)
        if chat_type == "private":
            if chat_id not in (None, user_id):
                raise ControlError("a private chat's id is the user's id")
            chat = self._private_chat(user)
            user.blocked_bot = False  # writing to a bot unblocks it
        else:
            if chat_id is None:
                raise ControlError("chat_id is required for a group, supergroup or channel")
            chat_or_none = self.chats.get(chat_id)
            if chat_or_none is None:
                self.create_chat(chat_id, chat_type, chat_title, is_forum=is_forum)
                chat = self.chats[chat_id]
            else:
                chat = chat_or_none
            if chat.migrated_to is not None:
                raise ControlError(f"chat was migrated to {chat.migrated_to}", 409)
            if user_id not in chat.admins and user_id != chat.creator:
                chat.members.add(user_id)
        msg: JSON = {
            "message_id": chat.take_message_id(),
            "from": user.to_api(),
            "chat": chat.to_api(),
            "date": int(time.time()),
            "text": text,
        }
        if chat.type == "channel":
            # A channel post is signed by the channel, not by a user.
            del msg["from"]
            msg["sender_chat"] = msg["chat"]
        entities = markup.detect_entities(text)
        if entities:
            msg["entities"] = entities
        if message_thread_id is not None and chat.is_forum:
            msg["message_thread_id"] = message_thread_id
            msg["is_topic_message"] = True
        if reply_to_message_id is not None:
            replied = chat.messages.get(reply_to_message_id)
            if replied is None:
                raise ControlError("message to reply to not found", 404)
            quoted = dict(replied.api)
            quoted.pop("reply_to_message", None)
            msg["reply_to_message"] = quoted
        self._store(chat, msg, from_bot=False)
        kind = "channel_post" if chat.type == "channel" else "message"
        update = self.enqueue_update(kind, msg)
        return {"update_id": update["update_id"], "message": msg}

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
        chat = self.chats.get(chat_id)
        stored = chat.messages.get(message_id) if chat else None
        if chat is None or stored is None or stored.deleted:
            raise ControlError("message not found", 404)
        user = self._user(user_id, first_name, username, language_code)
        query_id = str(next(self._ids))
        self.callbacks[query_id] = CallbackRecord(query_id, user_id, chat_id, message_id, data)
        payload: JSON = {
            "id": query_id,
            "from": user.to_api(),
            "message": stored.api,
            "chat_instance": str(abs(hash((chat_id, self.bot_id)))),
            "data": data,
        }
        update = self.enqueue_update("callback_query", payload)
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
        user = self._user(user_id, first_name, username, language_code)
        query_id = str(next(self._ids))
        self.inline_queries[query_id] = InlineRecord(query_id, user_id, query, offset)
        payload: JSON = {"id": query_id, "from": user.to_api(), "query": query, "offset": offset}
        if chat_type:
            payload["chat_type"] = chat_type
        update = self.enqueue_update("inline_query", payload)
        return {"update_id": update["update_id"], "inline_query_id": query_id}

    def messages(
        self, chat_id: int, *, include_deleted: bool = False, include_user: bool = False
    ) -> list[JSON]:
        """What the bot sent to the chat, in order, in its current state."""
        chat = self.chats.get(chat_id)
        if chat is None:
            return []
        return [
            m.to_log()
            for m in chat.messages.values()
            if (m.from_bot or include_user) and (include_deleted or not m.deleted)
        ]

    async def wait_messages(
        self,
        chat_id: int,
        count: int,
        timeout: float = 5.0,  # noqa: ASYNC109 - a deadline on emulator state, not on I/O
        **filters: bool,
    ) -> list[JSON]:
        """Wait until the chat holds at least `count` bot messages (or timeout)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            found = self.messages(chat_id, **filters)
            remaining = deadline - loop.time()
            if len(found) >= count or remaining <= 0 or self._closing:
                return found
            await self.messages_changed.wait(remaining)

    async def _wait_answer(self, records: dict[str, Any], query_id: str, wait: float) -> JSON:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait
        while True:
            record = records.get(query_id)
            if record is None:
                raise ControlError("unknown query id", 404)
            remaining = deadline - loop.time()
            if record.answered or remaining <= 0 or self._closing:
                result: JSON = record.to_api()
                return result
            await self.answers_changed.wait(remaining)

    async def callback_answer(self, query_id: str, wait: float = 0.0) -> JSON:
        return await self._wait_answer(self.callbacks, query_id, wait)

    async def inline_answer(self, query_id: str, wait: float = 0.0) -> JSON:
        return await self._wait_answer(self.inline_queries, query_id, wait)

    def call_log(self, method: str | None = None, since: int = 0) -> list[JSON]:
        """Recorded Bot API calls with seq > since, optionally of one method."""
        wanted = method.lower() if method else None
        return [
            c.to_api()
            for c in self.calls
            if c.seq > since and (wanted is None or c.method.lower() == wanted)
        ]

    def add_fault(
        self,
        kind: str,
        *,
        method: str | None = None,
        chat_id: int | None = None,
        count: int = 1,
        retry_after: int = 5,
        migrate_to_chat_id: int | None = None,
        delay_seconds: float = 1.0,
    ) -> JSON:
        if kind not in FAULT_KINDS:
            raise ControlError(f"unknown fault kind {kind!r}; one of {sorted(FAULT_KINDS)}")
        if count < 1:
            raise ControlError("count must be at least 1")
        fault = Fault(
            kind=kind,
            method=method.lower() if method else None,
            chat_id=chat_id,
            count=count,
            retry_after=max(1, retry_after),
            migrate_to_chat_id=migrate_to_chat_id,
            delay_seconds=delay_seconds,
        )
        self.faults.append(fault)
        return fault.to_api()

    def clear_faults(self) -> None:
        self.faults.clear()

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
        old = self.limiter.limits
        values = {
            "global_per_second": global_per_second,
            "private_per_second": private_per_second,
            "private_burst": private_burst,
            "group_per_minute": group_per_minute,
            "paid_per_second": paid_per_second,
        }
        for name, value in values.items():
            if value is not None and value <= 0:
                raise ControlError(f"{name} must be positive")
        limits = Limits(
            enabled=enabled,
            global_per_second=global_per_second or old.global_per_second,
            paid_per_second=paid_per_second or old.paid_per_second,
            private_per_second=private_per_second or old.private_per_second,
            private_burst=private_burst or old.private_burst,
            group_per_minute=group_per_minute or old.group_per_minute,
        )
        self.limiter.configure(limits)
        return limits.to_api()

    def stats_snapshot(self) -> JSON:
        data = self.stats.to_api()
        data["pending_updates"] = len(self.updates)
        data["faults_pending"] = len(self.faults)
        return data

    def bot_settings(self) -> JSON:
        """Commands, descriptions and webhook as the bot set them."""
        return {
            "commands": [
                {"scope": json.loads(scope), "language_code": lang, "commands": cmds}
                for (scope, lang), cmds in self.commands.items()
            ],
            "texts": [
                {"field": name, "language_code": lang, "value": value}
                for (name, lang), value in self.descriptions.items()
            ],
            "webhook": self.webhook,
        }
