"""The two kinds of refusal: Bot API errors (Telegram's format) and control API errors."""

from __future__ import annotations

from bot.emulator.records import JSON


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


class ControlError(Exception):
    """A control API request that cannot be done (unknown chat, bad argument...)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


# What Telegram answers for a string that is not valid UTF-8.
NOT_UTF8 = "strings must be encoded in UTF-8"


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
