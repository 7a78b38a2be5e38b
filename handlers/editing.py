"""Editing a bot message in place, the one way every feature does it."""

from __future__ import annotations

from aiogram.exceptions import TelegramBadRequest
from aiogram.types import InlineKeyboardMarkup, LinkPreviewOptions, Message

__all__ = ["NO_PREVIEW", "edit_in_place", "is_not_modified"]

# Lists of links read better without a preview of the first one.
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def is_not_modified(exc: TelegramBadRequest) -> bool:
    """Telegram's answer to an edit that changes nothing (a double press): not an error."""
    return "message is not modified" in exc.message


async def edit_in_place(
    message: Message,
    text: str | None,
    markup: InlineKeyboardMarkup | None,
    *,
    preview: bool = False,
) -> None:
    """Replace the message's text and buttons (only the buttons when ``text`` is None).

    An unchanged message is not an error; any other refusal propagates to the error router.
    """
    try:
        if text is None:
            await message.edit_reply_markup(reply_markup=markup)
        else:
            await message.edit_text(
                text, reply_markup=markup, link_preview_options=None if preview else NO_PREVIEW
            )
    except TelegramBadRequest as exc:
        if not is_not_modified(exc):
            raise
