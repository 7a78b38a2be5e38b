"""Text that is not valid UTF-8, sent as raw bytes over real HTTP: refused where it
enters with a 400, and the update queue keeps answering."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from bot.emulator import ControlError, Emulator

TOKEN = "123456789:TEST-token_abc"
USER = 1001
# "/search ф" with the next letter cut after its first byte.
BROKEN = "/search ф".encode() + b"\xd0"
NOT_UTF8 = "Bad Request: strings must be encoded in UTF-8"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
JSON_BODY = {"Content-Type": "application/json"}


@pytest.fixture
async def emu() -> AsyncIterator[Emulator]:
    emulator = Emulator()
    await emulator.start()
    yield emulator
    await emulator.stop()


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


def api(emu: Emulator, method: str, query: str = "") -> Any:
    url = f"{emu.base_url}/bot{TOKEN}/{method}" + (f"?{query}" if query else "")
    return aiohttp.client.URL(url, encoded=True)  # keep the raw escapes as they are


async def answer(http: aiohttp.ClientSession, method: str, url: Any, **kw: Any) -> tuple[int, Any]:
    async with http.request(method, url, **kw) as resp:
        return resp.status, await resp.json(content_type=None)


async def assert_queue_works(emu: Emulator, http: aiohttp.ClientSession) -> None:
    """getUpdates answers, a good message still gets through, and is confirmed."""
    status, body = await answer(http, "GET", api(emu, "getUpdates"))
    assert status == 200 and body["ok"] is True
    sent = emu.user_message(USER, "/search ф")
    status, body = await answer(http, "GET", api(emu, "getUpdates"))
    assert status == 200
    assert body["result"][-1]["update_id"] == sent["update_id"]
    assert body["result"][-1]["message"]["text"] == "/search ф"
    offset = sent["update_id"] + 1
    status, body = await answer(http, "GET", api(emu, "getUpdates", f"offset={offset}"))
    assert status == 200 and body["result"] == []


def pct(raw: bytes) -> str:
    return "".join(f"%{b:02X}" for b in raw)


async def test_control_message_with_a_broken_sequence(
    emu: Emulator, http: aiohttp.ClientSession
) -> None:
    body = b'{"user_id": 1001, "text": "' + BROKEN + b'"}'
    url = f"{emu.base_url}/_emulator/updates/message"
    status, reply = await answer(http, "POST", url, data=body, headers=JSON_BODY)
    assert status == 400 and reply["ok"] is False
    assert "UTF-8" in reply["error"]
    await assert_queue_works(emu, http)


async def test_control_message_of_5kb_cut_mid_character(
    emu: Emulator, http: aiohttp.ClientSession
) -> None:
    line = ("Новости района: " + "ф" * 3000).encode()[:5000]
    with pytest.raises(UnicodeDecodeError):
        line.decode()
    body = b'{"user_id": 1001, "text": "' + line + b'"}'
    url = f"{emu.base_url}/_emulator/updates/message"
    status, reply = await answer(http, "POST", url, data=body, headers=JSON_BODY)
    assert status == 400 and "UTF-8" in reply["error"]
    assert len(emu.updates) == 0
    await assert_queue_works(emu, http)


@pytest.mark.parametrize(
    "route",
    ["updates/message", "updates/inline", "chats"],
)
async def test_control_json_escape_of_a_lone_surrogate(
    emu: Emulator, http: aiohttp.ClientSession, route: str
) -> None:
    # Valid bytes, but the escape decodes to a string no UTF-8 answer can carry.
    body = b'{"user_id": 1001, "chat_id": -77, "text": "a\\ud800", "query": "\\udcd0", '
    body += b'"title": "\\ud83d"}'
    url = f"{emu.base_url}/_emulator/{route}"
    status, reply = await answer(http, "POST", url, data=body, headers=JSON_BODY)
    assert status == 400 and reply["error"] == "strings must be encoded in UTF-8"
    await assert_queue_works(emu, http)


async def test_control_callback_with_a_lone_surrogate(
    emu: Emulator, http: aiohttp.ClientSession
) -> None:
    emu.user_message(USER, "/start")
    status, sent = await answer(
        http, "POST", api(emu, "sendMessage"), data=f"chat_id={USER}&text=hi", headers=FORM
    )
    assert status == 200
    message_id = sent["result"]["message_id"]
    body = f'{{"user_id": 1001, "chat_id": 1001, "message_id": {message_id}, "data": "\\ud800"}}'
    url = f"{emu.base_url}/_emulator/updates/callback"
    status, reply = await answer(http, "POST", url, data=body.encode(), headers=JSON_BODY)
    assert status == 400 and "UTF-8" in reply["error"]
    assert emu.queries.callbacks == {}
    await assert_queue_works(emu, http)


@pytest.mark.parametrize(
    ("how", "make"),
    [
        ("raw form body", lambda: {"data": b"chat_id=1001&text=" + BROKEN, "headers": FORM}),
        (
            "percent-encoded form body",
            lambda: {"data": f"chat_id=1001&text={pct(BROKEN)}".encode(), "headers": FORM},
        ),
        (
            "raw JSON body",
            lambda: {"data": b'{"chat_id": 1001, "text": "' + BROKEN + b'"}', "headers": JSON_BODY},
        ),
        (
            "JSON escape",
            lambda: {"data": b'{"chat_id": 1001, "text": "\\ud800"}', "headers": JSON_BODY},
        ),
        (
            "JSON-string field in a form",
            lambda: {
                "data": b"chat_id=1001&text=ok&reply_markup="
                + pct(
                    b'{"inline_keyboard": [[{"text": "\\ud800", "callback_data": "x"}]]}'
                ).encode(),
                "headers": FORM,
            },
        ),
    ],
)
async def test_bot_api_body_that_is_not_utf8(
    emu: Emulator, http: aiohttp.ClientSession, how: str, make: Any
) -> None:
    emu.user_message(USER, "/start")
    status, body = await answer(http, "POST", api(emu, "sendMessage"), **make())
    assert (status, body) == (400, {"ok": False, "error_code": 400, "description": NOT_UTF8}), how
    assert emu.messages(USER) == []
    [call] = emu.call_log("sendMessage")
    assert call["status"] == 400
    await assert_queue_works(emu, http)


async def test_bot_api_query_string_that_is_not_utf8(
    emu: Emulator, http: aiohttp.ClientSession
) -> None:
    emu.user_message(USER, "/start")
    status, body = await answer(
        http, "GET", api(emu, "sendMessage", f"chat_id={USER}&text={pct(BROKEN)}")
    )
    assert status == 400 and body["description"] == NOT_UTF8
    await assert_queue_works(emu, http)


async def test_bot_api_multipart_part_that_is_not_utf8(
    emu: Emulator, http: aiohttp.ClientSession
) -> None:
    emu.user_message(USER, "/start")
    for content_type in ("text/plain; charset=utf-8", "application/octet-stream"):
        with aiohttp.MultipartWriter("form-data") as form:
            form.append(str(USER)).set_content_disposition("form-data", name="chat_id")
            part = form.append(BROKEN, {"Content-Type": content_type})
            part.set_content_disposition("form-data", name="text")
        status, body = await answer(http, "POST", api(emu, "sendMessage"), data=form)
        assert status == 400 and body["description"] == NOT_UTF8, content_type
    await assert_queue_works(emu, http)


async def test_valid_non_ascii_still_passes_everywhere(
    emu: Emulator, http: aiohttp.ClientSession
) -> None:
    emu.user_message(USER, "/start")
    text = "/search ф 😀"
    requests: list[dict[str, Any]] = [
        {"data": f"chat_id={USER}&text={pct(text.encode())}".encode(), "headers": FORM},
        {"data": f"chat_id={USER}&text={text}".encode(), "headers": FORM},
        {"json": {"chat_id": USER, "text": text}},
        {"data": f'{{"chat_id": {USER}, "text": "\\ud83d\\ude00"}}'.encode(), "headers": JSON_BODY},
    ]
    for kw in requests:
        status, body = await answer(http, "POST", api(emu, "sendMessage"), **kw)
        assert status == 200, body
    texts = [m["text"] for m in emu.messages(USER)]
    assert texts == [text, text, text, "😀"]
    await assert_queue_works(emu, http)


async def test_in_process_control_refuses_unencodable_text(
    emu: Emulator, http: aiohttp.ClientSession
) -> None:
    with pytest.raises(ControlError, match="UTF-8"):
        emu.user_message(USER, "a\ud800")
    with pytest.raises(ControlError, match="UTF-8"):
        emu.inline_query(USER, "\udcd0")
    assert len(emu.updates) == 0 and emu.messages(USER, include_user=True) == []
    await assert_queue_works(emu, http)


async def test_control_query_strings_with_broken_escapes_do_not_fail(
    emu: Emulator, http: aiohttp.ClientSession
) -> None:
    url = aiohttp.client.URL(f"{emu.base_url}/_emulator/calls?method={pct(BROKEN)}", encoded=True)
    status, body = await answer(http, "GET", url)
    assert status == 200 and body == {"ok": True, "result": []}
    await assert_queue_works(emu, http)
