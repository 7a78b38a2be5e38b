"""The bot's own admins (``telegram.admins``): one check for every admin router.

:class:`AdminOnly` is an inner middleware: it runs after a handler's filters matched (so a
non-admin's ``/stats`` is recognised as the admin command it is) and answers with a polite
refusal instead of calling the handler.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Router
from aiogram.types import TelegramObject, User

from bot.config import Settings
from bot.errors import PermissionDeniedError

__all__ = ["AdminOnly", "admin_router"]

NOT_BOT_ADMIN = (
    "Эта команда доступна только администраторам бота.",
    "This command is for the bot's administrators only.",
)


class AdminOnly(BaseMiddleware):
    """Lets an update reach the handler only when its user is one of the bot's admins."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        settings: Settings = data["settings"]
        user: User | None = data.get("event_from_user")
        if not settings.is_admin(user.id if user else None):
            raise PermissionDeniedError(*NOT_BOT_ADMIN)
        return await handler(event, data)


def admin_router(name: str) -> Router:
    """A router whose messages and button presses are for the bot's admins only."""
    router = Router(name=name)
    router.message.middleware(AdminOnly())
    router.callback_query.middleware(AdminOnly())
    return router
