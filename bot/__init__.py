"""Municipal news bot: gathers regional news and pushes it to Telegram subscribers."""

__version__ = "0.1.0"
