"""Reading decoded Bot API parameters: numbers and booleans that may be strings,
JSON-string fields, and the check that every string is valid UTF-8."""

from __future__ import annotations

import json
from typing import Any

from bot.emulator.errors import NOT_UTF8, ControlError, bad_request
from bot.emulator.records import JSON

# Fields that arrive as JSON strings in form-encoded requests.
JSON_FIELDS = frozenset(
    {
        "reply_markup",
        "entities",
        "caption_entities",
        "results",
        "commands",
        "scope",
        "link_preview_options",
        "reply_parameters",
        "allowed_updates",
        "button",
        "media",
    }
)


def as_int(value: Any, name: str) -> int:
    if isinstance(value, bool):
        raise bad_request(f"invalid {name} specified")
    if isinstance(value, int):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        raise bad_request(f"invalid {name} specified") from None


def opt_int(p: JSON, name: str) -> int | None:
    value = p.get(name)
    if value is None or value == "":
        return None
    return as_int(value, name)


def req_int(p: JSON, name: str) -> int:
    value = opt_int(p, name)
    if value is None:
        raise bad_request(f"{name} is empty")
    return value


def flag(p: JSON, name: str) -> bool:
    value = p.get(name)
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    return str(value).strip().lower() in ("true", "1", "yes")


def opt_str(p: JSON, name: str) -> str | None:
    value = p.get(name)
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def utf8_len(value: str) -> int:
    return len(value.encode("utf-8"))


def decode_json_fields(p: JSON) -> None:
    """Turn the JSON-string fields of a form request into objects, in place."""
    for key in JSON_FIELDS.intersection(p):
        value = p[key]
        if isinstance(value, str):
            try:
                p[key] = json.loads(value)
            except ValueError:
                if key == "reply_markup":
                    raise bad_request("can't parse reply keyboard markup JSON object") from None
                raise bad_request(f"can't parse {key} JSON object") from None


def is_utf8(value: Any) -> bool:
    """True when every string in `value` (nested lists and dicts, keys too) can be
    encoded as UTF-8. Bytes decoded strictly always can; a JSON escape such as
    "\\ud800" (a lone surrogate) cannot, and would break every later answer that
    carries it."""
    if isinstance(value, str):
        if value.isascii():
            return True
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, dict):
        return all(is_utf8(k) and is_utf8(v) for k, v in value.items())
    if isinstance(value, list):
        return all(is_utf8(v) for v in value)
    return True


def require_utf8(p: JSON) -> None:
    """400 `strings must be encoded in UTF-8`, as Telegram answers, for a bad string."""
    if not is_utf8(p):
        raise bad_request(NOT_UTF8)


def require_utf8_args(*values: Any) -> None:
    """The same check on the arguments of a control operation (ControlError 400)."""
    if not all(is_utf8(value) for value in values):
        raise ControlError(NOT_UTF8)
