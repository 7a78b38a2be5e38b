"""Reading the bot's messages as the emulator records them (``reply_markup`` as sent)."""

from __future__ import annotations

from typing import Any

JSON = dict[str, Any]


def buttons(message: JSON) -> list[tuple[str, str]]:
    """The inline buttons of a message, row by row: ``(label, callback_data)``."""
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [(b["text"], b.get("callback_data", "")) for row in rows for b in row]


def labels(message: JSON) -> list[str]:
    """The labels of a message's inline buttons."""
    return [text for text, _ in buttons(message)]


def button_data(message: JSON, label_part: str) -> str:
    """The callback data of the first button whose label contains ``label_part``."""
    for text, data in buttons(message):
        if label_part in text:
            return data
    raise AssertionError(f"no button with {label_part!r} in {buttons(message)}")
