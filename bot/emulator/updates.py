"""The update queue: enqueueing, getUpdates with long polling, and the webhook."""

from __future__ import annotations

import asyncio
from collections import deque

from bot.emulator.errors import NOT_UTF8, ApiError, ControlError, bad_request
from bot.emulator.notifier import Notifier
from bot.emulator.params import as_int, flag, is_utf8, opt_int, opt_str
from bot.emulator.records import JSON

CONFLICT_WEBHOOK = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
CONFLICT_POLL = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
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
FIRST_UPDATE_ID = 100_000_001


class UpdateQueue:
    """Updates not yet confirmed by the bot, in order."""

    def __init__(self) -> None:
        self.changed = Notifier()
        self._poll_generation = 0
        self.reset()

    def reset(self) -> None:
        self.pending: deque[JSON] = deque()
        self.next_update_id = FIRST_UPDATE_ID
        self.allowed_updates: frozenset[str] = DEFAULT_UPDATE_TYPES
        self.webhook: JSON = {"url": ""}
        self.changed.notify()  # a long poll re-checks against the fresh queue

    def enqueue(self, kind: str, payload: JSON) -> JSON:
        """Add an update. One that could not be sent as UTF-8 JSON never gets in: it
        would break every getUpdates after it."""
        if not is_utf8(payload):
            raise ControlError(NOT_UTF8)
        update = {"update_id": self.next_update_id, kind: payload}
        self.next_update_id += 1
        self.pending.append(update)
        self.changed.notify()
        return update

    def _take(self, offset: int, limit: int) -> list[JSON]:
        queue = self.pending
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
        self.pending = kept
        return batch

    # Bot API -----------------------------------------------------------------

    async def api_get_updates(self, p: JSON) -> list[JSON]:
        if self.webhook.get("url"):
            raise ApiError(409, CONFLICT_WEBHOOK)
        offset = opt_int(p, "offset") or 0
        limit = min(max(opt_int(p, "limit") or 100, 1), 100)
        timeout = max(opt_int(p, "timeout") or 0, 0)
        allowed = p.get("allowed_updates")
        if isinstance(allowed, list):
            self.allowed_updates = frozenset(allowed) if allowed else DEFAULT_UPDATE_TYPES
        self._poll_generation += 1
        generation = self._poll_generation
        self.changed.notify()  # an older long poll ends with 409
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            batch = self._take(offset, limit)
            remaining = deadline - loop.time()
            if batch or remaining <= 0 or self.changed.closed:
                return batch
            await self.changed.wait(remaining)
            if generation != self._poll_generation:
                raise ApiError(409, CONFLICT_POLL)

    def api_set_webhook(self, p: JSON) -> bool:
        url = opt_str(p, "url") or ""
        if url and not url.startswith("https://"):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        self.webhook = {"url": url}
        if url:
            for key in ("max_connections", "ip_address", "secret_token"):
                if p.get(key) is not None:
                    self.webhook[key] = p[key]
            if isinstance(p.get("allowed_updates"), list):
                self.webhook["allowed_updates"] = p["allowed_updates"]
        if flag(p, "drop_pending_updates"):
            self.pending.clear()
        return True

    def api_delete_webhook(self, p: JSON) -> bool:
        self.webhook = {"url": ""}
        if flag(p, "drop_pending_updates"):
            self.pending.clear()
        return True

    def api_get_webhook_info(self, p: JSON) -> JSON:
        info: JSON = {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self.pending),
        }
        if info["url"]:
            info["max_connections"] = as_int(self.webhook.get("max_connections", 40), "x")
            if "ip_address" in self.webhook:
                info["ip_address"] = self.webhook["ip_address"]
            if "allowed_updates" in self.webhook:
                info["allowed_updates"] = self.webhook["allowed_updates"]
        return info
