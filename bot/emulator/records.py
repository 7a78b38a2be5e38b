"""Plain records the emulator keeps: users, chats, messages, queries, calls, counters.

The bottom of the package: imports nothing from it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

JSON = dict[str, Any]


@dataclass(slots=True)
class User:
    id: int
    first_name: str
    username: str | None = None
    last_name: str | None = None
    language_code: str | None = "ru"
    is_bot: bool = False
    blocked_bot: bool = False

    def to_api(self) -> JSON:
        data: JSON = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        if self.last_name:
            data["last_name"] = self.last_name
        if self.username:
            data["username"] = self.username
        if self.language_code:
            data["language_code"] = self.language_code
        return data


@dataclass(frozen=True, slots=True)
class Upload:
    """A file part of a multipart request: what the bot uploaded."""

    filename: str
    content_type: str
    data: bytes

    def to_api(self) -> JSON:
        return {"filename": self.filename, "size": len(self.data)}


def loggable(params: JSON) -> JSON:
    """Parameters as the call log shows them: uploads as `{filename, size}`."""
    if not any(isinstance(v, Upload) for v in params.values()):
        return params
    return {k: (v.to_api() if isinstance(v, Upload) else v) for k, v in params.items()}


@dataclass(slots=True)
class StoredFile:
    """A file the emulator holds: sent by the bot or by a user; `getFile` finds it."""

    file_id: str
    file_unique_id: str
    file_path: str
    file_name: str | None
    mime_type: str | None
    data: bytes
    url: str | None = None  # a photo sent by HTTP URL: where it came from

    def to_api(self) -> JSON:
        """The File object of `getFile`."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
            "file_path": self.file_path,
        }


@dataclass(slots=True)
class StoredMessage:
    """A message in a chat; `api` is the Telegram Message object as last returned."""

    message_id: int
    api: JSON
    from_bot: bool
    html: str | None = None  # the text as the bot sent it, before parsing
    parse_mode: str | None = None
    edited: bool = False
    deleted: bool = False

    def to_log(self) -> JSON:
        api = self.api
        return {
            "message_id": self.message_id,
            "from_bot": self.from_bot,
            "text": api.get("text"),
            "caption": api.get("caption"),
            "photo": api.get("photo"),
            "document": api.get("document"),
            "html": self.html,
            "parse_mode": self.parse_mode,
            "entities": api.get("entities", api.get("caption_entities", [])),
            "reply_markup": api.get("reply_markup"),
            "message_thread_id": api.get("message_thread_id"),
            "link_preview_options": api.get("link_preview_options"),
            "reply_to_message_id": (api.get("reply_to_message") or {}).get("message_id"),
            "date": api["date"],
            "edited": self.edited,
            "deleted": self.deleted,
        }


@dataclass(slots=True)
class Chat:
    id: int
    type: str  # private | group | supergroup | channel
    title: str | None = None
    username: str | None = None
    is_forum: bool = False
    creator: int | None = None
    admins: set[int] = field(default_factory=set)
    members: set[int] = field(default_factory=set)
    bot_is_admin: bool = False
    bot_left: bool = False
    migrated_to: int | None = None
    messages: dict[int, StoredMessage] = field(default_factory=dict)
    next_message_id: int = 1
    private_user: User | None = None

    def to_api(self) -> JSON:
        data: JSON = {"id": self.id, "type": self.type}
        if self.type == "private" and self.private_user is not None:
            user = self.private_user
            data["first_name"] = user.first_name
            if user.last_name:
                data["last_name"] = user.last_name
            if user.username:
                data["username"] = user.username
            return data
        data["title"] = self.title or f"Chat {self.id}"
        if self.username:
            data["username"] = self.username
        if self.is_forum:
            data["is_forum"] = True
        return data

    def take_message_id(self) -> int:
        mid = self.next_message_id
        self.next_message_id += 1
        return mid


@dataclass(slots=True)
class CallRecord:
    seq: int
    method: str
    params: JSON
    time: float
    status: int = 0
    description: str | None = None

    def to_api(self) -> JSON:
        return {
            "seq": self.seq,
            "method": self.method,
            "params": loggable(self.params),
            "time": self.time,
            "status": self.status,
            "description": self.description,
        }


@dataclass(slots=True)
class Stats:
    requests: int = 0
    by_method: Counter[str] = field(default_factory=Counter)
    errors_by_code: Counter[int] = field(default_factory=Counter)
    too_many_requests: int = 0
    messages_sent: int = 0
    faults_fired: int = 0

    def clear(self) -> None:
        """Back to zero in place (the object is shared by several parts)."""
        self.requests = self.too_many_requests = self.messages_sent = self.faults_fired = 0
        self.by_method.clear()
        self.errors_by_code.clear()

    def to_api(self) -> JSON:
        return {
            "requests": self.requests,
            "by_method": dict(self.by_method),
            "errors_by_code": {str(k): v for k, v in self.errors_by_code.items()},
            "too_many_requests": self.too_many_requests,
            "messages_sent": self.messages_sent,
            "faults_fired": self.faults_fired,
        }


@dataclass(slots=True)
class CallbackRecord:
    id: str
    user_id: int
    chat_id: int
    message_id: int
    data: str
    answered: bool = False
    answer: JSON = field(default_factory=dict)

    def to_api(self) -> JSON:
        return {
            "id": self.id,
            "user_id": self.user_id,
            "chat_id": self.chat_id,
            "message_id": self.message_id,
            "data": self.data,
            "answered": self.answered,
            **self.answer,
        }


@dataclass(slots=True)
class InlineRecord:
    id: str
    user_id: int
    query: str
    offset: str
    answered: bool = False
    answer: JSON = field(default_factory=dict)

    def to_api(self) -> JSON:
        return {
            "id": self.id,
            "user_id": self.user_id,
            "query": self.query,
            "offset": self.offset,
            "answered": self.answered,
            **self.answer,
        }
