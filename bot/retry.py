"""Retries for the bot's Bot API calls: a request middleware on the ``Bot``'s session.

aiogram retries nothing. :class:`RetryRequests` makes every call the handlers make (replies,
edits, callback and inline answers, setMyCommands, getMe) survive what passes by itself:

* ``TelegramRetryAfter`` (429): wait ``retry_after`` seconds (at most :data:`MAX_RETRY_AFTER`)
  and send again;
* ``TelegramServerError`` (5xx) and ``TelegramNetworkError``: wait 0.5, 1, 2 ... s and send
  again;

up to ``attempts`` tries in all, then the error propagates as before. Two kinds of calls are
left alone: ``getUpdates`` (the polling loop has its own backoff) and the outbox worker's
sends, which have their own policy (pacing, row backoff, retries capped in time): the worker
runs its senders inside :func:`own_retry_policy`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterator
from contextvars import ContextVar
from typing import TYPE_CHECKING

from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import TelegramNetworkError, TelegramRetryAfter, TelegramServerError
from aiogram.methods import GetUpdates, TelegramMethod
from aiogram.methods.base import Response, TelegramType

if TYPE_CHECKING:
    from aiogram import Bot

log = logging.getLogger(__name__)

MAX_RETRY_AFTER = 60.0  # a longer 429 wait propagates: a reply that late is useless
FIRST_DELAY = 0.5
_own_policy: ContextVar[bool] = ContextVar("newsbot_own_retry_policy", default=False)


@contextlib.contextmanager
def own_retry_policy() -> Iterator[None]:
    """Calls made in this context (and in tasks it starts) are not retried here."""
    token = _own_policy.set(True)
    try:
        yield
    finally:
        _own_policy.reset(token)


class RetryRequests(BaseRequestMiddleware):
    """Retry 429 after ``retry_after``, 5xx and network errors with backoff (see module)."""

    def __init__(self, attempts: int = 4, *, first_delay: float = FIRST_DELAY) -> None:
        self.attempts = max(1, attempts)
        self.first_delay = first_delay

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        if _own_policy.get() or isinstance(method, GetUpdates):
            return await make_request(bot, method)
        delay = self.first_delay
        attempt = 1
        while True:
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as exc:
                if attempt >= self.attempts or exc.retry_after > MAX_RETRY_AFTER:
                    raise
                wait = float(exc.retry_after)
            except (TelegramServerError, TelegramNetworkError) as exc:
                if attempt >= self.attempts:
                    raise
                wait = delay
                delay *= 2
                log.info("%s failed (%s); retrying in %.1f s", type(method).__name__, exc, wait)
            attempt += 1
            await asyncio.sleep(wait)
