"""Injected faults: queued by the control API, fired by matching Bot API calls."""

from __future__ import annotations

from dataclasses import dataclass

from bot.emulator.errors import (
    ApiError,
    ControlError,
    bad_request,
    forbidden,
    migrated,
    retry_after,
)
from bot.emulator.records import JSON, Stats

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


class Faults:
    """The pending faults, in order."""

    def __init__(self, stats: Stats) -> None:
        self.pending: list[Fault] = []
        self._stats = stats

    def reset(self) -> None:
        self.pending.clear()

    def add(
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
        self.pending.append(fault)
        return fault.to_api()

    def take(self, method_lower: str, params: JSON) -> Fault | None:
        """The first pending fault matching this call, consumed by one."""
        raw = params.get("chat_id")
        chat_id: int | str | None = raw
        if isinstance(raw, str):
            try:
                chat_id = int(raw)
            except ValueError:
                chat_id = raw
        for index, fault in enumerate(self.pending):
            if fault.matches(method_lower, chat_id):
                fault.count -= 1
                if fault.count <= 0:
                    del self.pending[index]
                self._stats.faults_fired += 1
                return fault
        return None


def fault_error(fault: Fault, params: JSON) -> ApiError:
    """The answer a fault other than `slow` and `drop` gives."""
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
