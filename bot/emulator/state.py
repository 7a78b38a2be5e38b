"""The emulator's world: users, chats, messages, faults, rate limits, counters."""

from __future__ import annotations

import math
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any

JSON = dict[str, Any]

FAULT_KINDS = frozenset(
    {
        "429",
        "403",
        "403_kicked",
        "403_deactivated",
        "400_chat_not_found",
        "400_user_deactivated",
        "migrate",
        "5xx",
        "slow",
        "drop",
    }
)


class ApiError(Exception):
    """A Bot API error answer: HTTP status == error_code."""

    def __init__(self, error_code: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.error_code = error_code
        self.description = description
        self.parameters = parameters

    def payload(self) -> JSON:
        body: JSON = {"ok": False, "error_code": self.error_code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(detail: str) -> ApiError:
    return ApiError(400, f"Bad Request: {detail}")


def forbidden(detail: str) -> ApiError:
    return ApiError(403, f"Forbidden: {detail}")


def retry_after(seconds: int) -> ApiError:
    seconds = max(1, seconds)
    return ApiError(429, f"Too Many Requests: retry after {seconds}", {"retry_after": seconds})


def migrated(to_chat_id: int) -> ApiError:
    return ApiError(
        400,
        "Bad Request: group chat was upgraded to a supergroup chat",
        {"migrate_to_chat_id": to_chat_id},
    )


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
            "html": self.html,
            "parse_mode": self.parse_mode,
            "entities": api.get("entities", []),
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
class Fault:
    kind: str
    method: str | None = None  # lower-case method name; None = any
    chat_id: int | None = None
    count: int = 1
    retry_after: int = 5
    migrate_to_chat_id: int | None = None
    delay_seconds: float = 1.0

    def matches(self, method: str, chat_id: int | str | None) -> bool:
        if self.method is not None and self.method != method:
            return False
        return self.chat_id is None or self.chat_id == chat_id

    def to_api(self) -> JSON:
        return {
            "kind": self.kind,
            "method": self.method,
            "chat_id": self.chat_id,
            "count": self.count,
            "retry_after": self.retry_after,
            "migrate_to_chat_id": self.migrate_to_chat_id,
            "delay_seconds": self.delay_seconds,
        }


class Bucket:
    """A token bucket: `rate` tokens per second, at most `capacity` saved up."""

    __slots__ = ("capacity", "rate", "stamp", "tokens")

    def __init__(self, rate: float, capacity: float, now: float) -> None:
        self.rate = rate
        self.capacity = capacity
        self.tokens = capacity
        self.stamp = now

    def wait(self, now: float) -> float:
        """Seconds until one token is available (0 if now); refills as a side effect."""
        self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate


@dataclass(slots=True)
class Limits:
    enabled: bool = False
    global_per_second: float = 30.0
    paid_per_second: float = 1000.0
    private_per_second: float = 1.0
    private_burst: float = 3.0
    group_per_minute: float = 20.0

    def to_api(self) -> JSON:
        return {
            "enabled": self.enabled,
            "global_per_second": self.global_per_second,
            "paid_per_second": self.paid_per_second,
            "private_per_second": self.private_per_second,
            "private_burst": self.private_burst,
            "group_per_minute": self.group_per_minute,
        }


class RateLimiter:
    """Telegram-like send limits: overall, per private chat, per group."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._global: Bucket | None = None
        self._paid: Bucket | None = None
        self._chats: dict[int, Bucket] = {}

    def configure(self, limits: Limits) -> None:
        self.limits = limits
        self._global = self._paid = None
        self._chats.clear()

    def check(self, chat: Chat, now: float, paid: bool = False) -> None:
        """Consume one send or raise a 429 ApiError; buckets are only charged on success."""
        lim = self.limits
        if not lim.enabled:
            return
        if paid:
            if self._paid is None:
                self._paid = Bucket(lim.paid_per_second, lim.paid_per_second, now)
            overall = self._paid
        else:
            if self._global is None:
                self._global = Bucket(lim.global_per_second, lim.global_per_second, now)
            overall = self._global
        bucket = self._chats.get(chat.id)
        if bucket is None:
            if chat.type == "private":
                bucket = Bucket(lim.private_per_second, max(lim.private_burst, 1.0), now)
            else:
                per_second = lim.group_per_minute / 60.0
                bucket = Bucket(per_second, max(lim.group_per_minute, 1.0), now)
            self._chats[chat.id] = bucket
        wait = max(overall.wait(now), bucket.wait(now))
        if wait > 0:
            raise retry_after(math.ceil(wait))
        overall.tokens -= 1
        bucket.tokens -= 1


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
            "params": self.params,
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


def new_call_log(maxlen: int) -> deque[CallRecord]:
    return deque(maxlen=maxlen)
