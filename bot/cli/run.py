"""``python -m bot run``: build the app and poll until a signal."""

from __future__ import annotations

import logging

from aiogram.exceptions import TelegramUnauthorizedError

from bot.app import build_app
from bot.config import Settings

log = logging.getLogger(__name__)


async def run_bot(settings: Settings) -> int:
    app = await build_app(settings, verify=True)
    try:
        await app.run()
    except TelegramUnauthorizedError:
        log.error("the Bot API rejected the token (401 Unauthorized): check BOT_TOKEN")
        return 2
    log.info("stopped cleanly")
    return 0
