"""A Telegram Bot API emulator for tests, benchmarks and the offline demo.

Only aiohttp and the standard library: CLI commands import this without aiogram.
See docs/emulator.md.
"""

from bot.emulator.client import EmulatorClient, EmulatorError
from bot.emulator.core import ControlError, World
from bot.emulator.markup import MarkupError, parse_html, utf16_len
from bot.emulator.server import Emulator, serve_forever
from bot.emulator.state import ApiError

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
