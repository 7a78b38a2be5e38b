"""Small helpers shared by the routers (no SQL here)."""

from __future__ import annotations

from bot.config import Settings
from bot.errors import PermissionDeniedError


def require_admin(settings: Settings, user_id: int | None) -> None:
    """Admin commands: only users listed in ``telegram.admins``; others get a polite refusal."""
    if not settings.is_admin(user_id):
        raise PermissionDeniedError(
            "Эта команда доступна только администраторам бота.",
            "This command is for the bot's administrators only.",
        )
