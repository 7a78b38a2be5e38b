"""The emulator's media: sendPhoto, sendDocument, users' documents, getFile, @usernames."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import BufferedInputFile

from bot.emulator import Emulator, EmulatorClient

TOKEN = "42:media-token"
USER = 501
CHANNEL = -100500


@pytest.fixture
async def emu() -> AsyncIterator[Emulator]:
    async with Emulator() as emulator:
        yield emulator


@pytest.fixture
async def bot(emu: Emulator) -> AsyncIterator[Bot]:
    assert emu.base_url is not None
    session = AiohttpSession(api=TelegramAPIServer.from_base(emu.base_url))
    client = Bot(TOKEN, session=session)
    try:
        yield client
    finally:
        await client.session.close()


async def test_photo_by_url_and_upload_with_html_caption(emu: Emulator, bot: Bot) -> None:
    emu.user_message(USER, "/start")
    sent = await bot.send_photo(
        USER, "https://example.org/a.jpg", caption="<b>Форум</b> &amp; сессия", parse_mode="HTML"
    )
    assert sent.caption == "Форум & сессия"
    assert sent.caption_entities is not None and sent.caption_entities[0].type == "bold"
    assert sent.photo is not None and sent.photo[-1].file_id
    uploaded = await bot.send_photo(USER, BufferedInputFile(b"\xff\xd8jpeg", "p.jpg"))
    assert uploaded.photo is not None
    logged = emu.messages(USER)
    assert [m["caption"] for m in logged] == ["Форум & сессия", None]
    assert logged[0]["html"] == "<b>Форум</b> &amp; сессия"
    info = emu.file_info(logged[0]["photo"][-1]["file_id"])
    assert info["url"] == "https://example.org/a.jpg"
    assert emu.file_bytes(logged[1]["photo"][-1]["file_id"]) == b"\xff\xd8jpeg"
    # A file_id is accepted again.
    again = await bot.send_photo(USER, uploaded.photo[-1].file_id)
    assert again.photo is not None
    calls = emu.call_log("sendPhoto")
    params = calls[1]["params"]
    part = params["photo"].removeprefix("attach://")  # aiogram sends the file as its own part
    assert params[part] == {"filename": "p.jpg", "size": 6}


async def test_caption_limits_and_html_checks(emu: Emulator, bot: Bot) -> None:
    emu.user_message(USER, "/start")
    with pytest.raises(TelegramBadRequest, match="message caption is too long"):
        await bot.send_photo(USER, "https://example.org/a.jpg", caption="я" * 1025)
    # 1024 UTF-16 units after parsing fit, tags do not count.
    await bot.send_photo(
        USER, "https://example.org/a.jpg", caption="<i>" + "я" * 1024 + "</i>", parse_mode="HTML"
    )
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await bot.send_photo(USER, "https://example.org/a.jpg", caption="a < b", parse_mode="HTML")
    with pytest.raises(TelegramBadRequest, match="wrong file identifier"):
        await bot.send_photo(USER, "no-such-file-id")
    photo = emu.messages(USER)[0]
    with pytest.raises(TelegramBadRequest, match="there is no text in the message to edit"):
        await bot.edit_message_text("x", chat_id=USER, message_id=photo["message_id"])
    assert len(emu.messages(USER)) == 1


async def test_photo_url_refusal_knob(emu: Emulator, bot: Bot) -> None:
    emu.user_message(USER, "/start")
    emu.set_photo_url_refusal("wrong_url")
    with pytest.raises(TelegramBadRequest, match="wrong file identifier/HTTP URL specified"):
        await bot.send_photo(USER, "https://example.org/a.jpg")
    emu.set_photo_url_refusal("fetch_failed", ["https://example.org/bad.jpg"])
    with pytest.raises(TelegramBadRequest, match="failed to get HTTP URL content"):
        await bot.send_photo(USER, "https://example.org/bad.jpg")
    await bot.send_photo(USER, "https://example.org/good.jpg")  # not in the list
    emu.set_photo_url_refusal(None)
    await bot.send_photo(USER, "https://example.org/bad.jpg")
    assert len(emu.messages(USER)) == 2  # refusals store nothing
    # Uploads are never refused by the knob.
    emu.set_photo_url_refusal("wrong_url")
    await bot.send_photo(USER, BufferedInputFile(b"img", "x.png"))


async def test_document_bytes_and_users_document_via_get_file(emu: Emulator, bot: Bot) -> None:
    emu.user_message(USER, "/start")
    sent = await bot.send_document(
        USER, BufferedInputFile(b"<opml/>", "sources.opml"), caption="Источники"
    )
    assert sent.document is not None and sent.document.file_name == "sources.opml"
    logged = emu.messages(USER)[-1]
    assert logged["document"]["file_name"] == "sources.opml"
    assert logged["caption"] == "Источники"
    assert emu.file_bytes(logged["document"]["file_id"]) == b"<opml/>"

    posted = emu.user_document(USER, "feeds.opml", b"<opml>1</opml>", caption="/addsource")
    message = posted["message"]
    assert message["caption"] == "/addsource"
    assert message["caption_entities"][0]["type"] == "bot_command"
    assert message["document"]["mime_type"] == "text/x-opml"
    file = await bot.get_file(message["document"]["file_id"])
    assert file.file_path and file.file_size == 14
    data = await bot.download_file(file.file_path)
    assert data is not None and data.read() == b"<opml>1</opml>"
    with pytest.raises(TelegramBadRequest, match="invalid file_id"):
        await bot.get_file("nope")


async def test_control_api_document_and_files_over_http(emu: Emulator) -> None:
    assert emu.base_url is not None
    async with EmulatorClient(emu.base_url) as client:
        posted = await client.user_document(USER, "a.opml", b"abc", caption="/addsource")
        file_id = posted["message"]["document"]["file_id"]
        assert await client.file_bytes(file_id) == b"abc"
        setting = await client.set_photo_url_refusal("fetch_failed")
        assert setting == {"refuse": "fetch_failed", "urls": None}
    async with aiohttp.ClientSession() as http:
        url = f"{emu.base_url}/_emulator/updates/document"
        body = {"user_id": USER, "file_name": "x", "data_base64": "%%%"}
        async with http.post(url, json=body) as r:
            assert r.status == 400
        body["data_base64"] = base64.b64encode(b"ok").decode()
        async with http.post(url, json=body) as r:
            path_id = (await r.json())["result"]["message"]["document"]["file_id"]
        async with http.get(f"{emu.base_url}/bot{TOKEN}/getFile?file_id={path_id}") as r:
            path = (await r.json())["result"]["file_path"]
        async with http.get(f"{emu.base_url}/file/bot{TOKEN}/{path}") as r:
            assert r.status == 200 and await r.read() == b"ok"
        async with http.get(f"{emu.base_url}/file/bot{TOKEN}/documents/none") as r:
            assert r.status == 404


async def test_get_chat_by_username(emu: Emulator, bot: Bot) -> None:
    emu.create_chat(CHANNEL, "channel", "Хакасия 24", username="khakasia24", admins=[USER])
    emu.create_chat(-100600, "supergroup", "Совет", username="sovet_grp", admins=[USER])
    channel = await bot.get_chat("@khakasia24")
    assert (channel.id, channel.type, channel.title) == (CHANNEL, "channel", "Хакасия 24")
    group = await bot.get_chat("@SOVET_GRP")  # usernames are case-insensitive
    assert group.id == -100600
    me = await bot.me()
    member = await bot.get_chat_member("@khakasia24", me.id)
    assert member.status == "administrator"  # the bot is an admin of a channel by default
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.get_chat("@nobody_here")
