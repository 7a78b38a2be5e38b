"""Bot API parameters from an HTTP request, in any encoding Telegram accepts.

Text is decoded strictly as UTF-8 wherever it comes from (query string, form body,
JSON body, multipart field), and JSON escapes are checked too: a string that is not
valid UTF-8 is refused with Telegram's 400 `strings must be encoded in UTF-8` before
anything is stored, so it can never reach an update or a stored message.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qsl

from aiohttp import web

from bot.emulator.errors import NOT_UTF8, ApiError, bad_request
from bot.emulator.params import decode_json_fields, require_utf8
from bot.emulator.records import JSON, Upload

JSON_TYPE = "application/json"
FORM_TYPE = "application/x-www-form-urlencoded"


def _not_utf8() -> ApiError:
    return bad_request(NOT_UTF8)


def _utf8(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _not_utf8() from None


def _pairs(encoded: str) -> list[tuple[str, str]]:
    """`a=1&b=%D1%84` pairs; a percent-escape that is not UTF-8 is an error, not U+FFFD."""
    try:
        return parse_qsl(encoded, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise _not_utf8() from None


async def read_params(request: web.Request) -> JSON:
    """Parameters from the query string and any of the body encodings Telegram accepts."""
    raw_query = request.rel_url.raw_query_string
    params: JSON = dict(_pairs(raw_query)) if raw_query else {}
    if request.body_exists:
        ctype = request.content_type
        if ctype == FORM_TYPE:
            params.update(_pairs(_utf8(await request.read())))
        elif ctype == JSON_TYPE:
            try:
                body = json.loads(_utf8(await request.read()) or "{}")
            except ValueError:
                raise bad_request("can't parse JSON object") from None
            if not isinstance(body, dict):
                raise bad_request("can't parse JSON object")
            params.update(body)
        elif ctype.startswith("multipart/"):
            try:
                form = await request.post()
            except UnicodeDecodeError:  # a text part that is not in its charset
                raise _not_utf8() from None
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    params[key] = Upload(
                        value.filename, value.content_type or "", value.file.read()
                    )
                elif isinstance(value, (bytes, bytearray)):  # a part with a non-text type
                    params[key] = _utf8(bytes(value))
                else:
                    params[key] = value
    decode_json_fields(params)
    require_utf8(params)
    return params
