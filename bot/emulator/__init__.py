"""A Telegram Bot API emulator for tests, benchmarks and the offline demo.

Only aiohttp and the standard library: CLI commands import this without aiogram.
This module only re-exports; see docs/emulator.md for the layout.
"""

from bot.emulator.client import EmulatorClient, EmulatorError
from bot.emulator.errors import ApiError, ControlError
from bot.emulator.markup import MarkupError, parse_html, utf16_len
from bot.emulator.server import Emulator, serve_forever
from bot.emulator.world import World

__all__ = [
    "ApiError",
    "ControlError",
    "Emulator",
    "EmulatorClient",
    "EmulatorError",
    "MarkupError",
    "World",
    "parse_html",
    "serve_forever",
    "utf16_len",
]
