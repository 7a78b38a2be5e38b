"""``python -m bot``."""

from bot.cli import entrypoint

entrypoint()
