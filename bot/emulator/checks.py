"""Checks on what the bot sends: message texts, keyboards, inline results."""

from __future__ import annotations

import re
from typing import Any

from bot.emulator.errors import bad_request
from bot.emulator.markup import MarkupError, parse, strip_text, utf16_len
from bot.emulator.params import utf8_len
from bot.emulator.records import JSON

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
MAX_INLINE_ID = 64
BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "web_app",
    "login_url",
    "pay",
    "callback_game",
    "copy_text",
)
INLINE_RESULT_TYPES = frozenset(
    {
        "article",
        "photo",
        "gif",
        "mpeg4_gif",
        "video",
        "audio",
        "voice",
        "document",
        "location",
        "venue",
        "contact",
        "game",
        "sticker",
    }
)
_BUTTON_URL = re.compile(r"(https?|tg)://\S+$")


def render_text(
    text: Any, parse_mode: str | None, entities: Any, *, inline: bool = False
) -> tuple[str, list[JSON]]:
    """Parse and check a message text as sendMessage does."""
    empty = "MESSAGE_EMPTY" if inline else "message text is empty"
    if text is None or text == "":
        raise bad_request(empty)
    text = str(text)
    try:
        plain, found = parse(text, parse_mode)
    except MarkupError as exc:
        if str(exc).startswith("Unsupported parse_mode"):
            raise bad_request("unsupported parse_mode") from None
        raise bad_request(f"can't parse entities: {exc}") from None
    if not parse_mode and entities:
        if not isinstance(entities, list) or not all(isinstance(e, dict) for e in entities):
            raise bad_request("can't parse entities JSON object")
        found = sorted(entities, key=lambda e: (int(e["offset"]), -int(e["length"])))
    plain, found = strip_text(plain, found)
    if not plain:
        raise bad_request(empty)
    if utf16_len(plain) > MAX_TEXT:
        raise bad_request("MESSAGE_TOO_LONG" if inline else "message is too long")
    return plain, found


def render_caption(
    caption: Any, parse_mode: str | None, entities: Any
) -> tuple[str | None, list[JSON]]:
    """Parse and check a media caption: as a text, but optional and at most 1024 UTF-16
    units after parsing (`message caption is too long`)."""
    if caption is None or caption == "":
        return None, []
    caption = str(caption)
    try:
        plain, found = parse(caption, parse_mode)
    except MarkupError as exc:
        if str(exc).startswith("Unsupported parse_mode"):
            raise bad_request("unsupported parse_mode") from None
        raise bad_request(f"can't parse entities: {exc}") from None
    if not parse_mode and entities:
        if not isinstance(entities, list) or not all(isinstance(e, dict) for e in entities):
            raise bad_request("can't parse caption entities JSON object")
        found = sorted(entities, key=lambda e: (int(e["offset"]), -int(e["length"])))
    plain, found = strip_text(plain, found)
    if not plain:
        return None, []
    if utf16_len(plain) > MAX_CAPTION:
        raise bad_request("message caption is too long")
    return plain, found


def check_markup(value: Any) -> JSON | None:
    """Validate reply_markup; returns it (for the Message) or raises 400."""
    if value is None or value == "":
        return None
    if not isinstance(value, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in value:
        rows = value["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise bad_request(
                'field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays'
            )
        total = 0
        for row in rows:
            for button in row:
                total += 1
                _check_button(button)
        if total > 100:
            raise bad_request("reply markup is too long")
        return value
    if "keyboard" in value:
        rows = value["keyboard"]
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise bad_request(
                'field "keyboard" of the ReplyKeyboardMarkup should be an Array of Arrays'
            )
        return value
    if value.get("remove_keyboard") or value.get("force_reply"):
        return value
    raise bad_request("can't parse reply keyboard markup JSON object")


def _check_button(button: Any) -> None:
    if not isinstance(button, dict):
        raise bad_request("can't parse inline keyboard button: InlineKeyboardButton expected")
    text = button.get("text")
    if not isinstance(text, str) or not text:
        raise bad_request("BUTTON_TEXT_INVALID")
    actions = [key for key in BUTTON_ACTIONS if key in button]
    if not actions:
        raise bad_request("text buttons are unallowed in the inline keyboard")
    if len(actions) > 1:
        raise bad_request("can't parse inline keyboard button: only one action allowed")
    if "callback_data" in button:
        data = button["callback_data"]
        if not isinstance(data, str) or not 1 <= utf8_len(data) <= MAX_CALLBACK_DATA:
            raise bad_request("BUTTON_DATA_INVALID")
    if "url" in button:
        url = button["url"]
        if not isinstance(url, str) or not _BUTTON_URL.match(url):
            raise bad_request("BUTTON_URL_INVALID")


def check_inline_result(result: Any, seen: set[str]) -> JSON:
    """Check one InlineQueryResult; returns the message it would send (text/entities)."""
    if not isinstance(result, dict):
        raise bad_request("can't parse InlineQueryResult JSON object")
    rid = result.get("id")
    if not isinstance(rid, str) or not 1 <= utf8_len(rid) <= MAX_INLINE_ID:
        raise bad_request("RESULT_ID_INVALID")
    if rid in seen:
        raise bad_request("RESULT_ID_DUPLICATE")
    seen.add(rid)
    kind = result.get("type")
    if kind not in INLINE_RESULT_TYPES:
        raise bad_request("RESULT_TYPE_INVALID")
    check_markup(result.get("reply_markup"))
    content = result.get("input_message_content")
    if kind == "article":
        if not result.get("title"):
            raise bad_request("RESULT_TITLE_EMPTY")
        if not isinstance(content, dict):
            raise bad_request("SEND_MESSAGE_MEDIA_INVALID")
    if isinstance(content, dict) and "message_text" in content:
        text, entities = render_text(
            content.get("message_text"),
            content.get("parse_mode"),
            content.get("entities"),
            inline=True,
        )
        return {"id": rid, "text": text, "entities": entities}
    return {"id": rid}
