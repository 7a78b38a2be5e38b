"""The Bot API emulator against the real aiogram Bot over real HTTP."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.filters import CommandStart
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultUnion,
    InputTextMessageContent,
    LinkPreviewOptions,
    Message,
)

from bot.emulator import Emulator, EmulatorClient, EmulatorError

TOKEN = "123456789:TEST-token_abc"
USER = 1001


@pytest.fixture
async def emu() -> AsyncIterator[Emulator]:
    emulator = Emulator()
    await emulator.start()
    yield emulator
    await emulator.stop()


@pytest.fixture
async def bot(emu: Emulator) -> AsyncIterator[Bot]:
    assert emu.base_url is not None
    session = AiohttpSession(api=TelegramAPIServer.from_base(emu.base_url))
    the_bot = Bot(TOKEN, session=session)
    yield the_bot
    await session.close()


@pytest.fixture
async def client(emu: Emulator) -> AsyncIterator[EmulatorClient]:
    assert emu.base_url is not None
    async with EmulatorClient(emu.base_url) as control:
        yield control


def keyboard(*data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=f"b{i}", callback_data=d)] for i, d in enumerate(data)
        ]
    )


def article(
    index: int, text: str = "текст", parse_mode: str | None = "HTML"
) -> InlineQueryResultArticle:
    return InlineQueryResultArticle(
        id=f"a{index}",
        title=f"Статья {index}",
        input_message_content=InputTextMessageContent(message_text=text, parse_mode=parse_mode),
    )


# Identity, sending, editing ---------------------------------------------------


async def test_get_me_describes_the_bot_from_the_token(bot: Bot) -> None:
    me = await bot.get_me()
    assert me.id == 123456789
    assert me.is_bot
    assert me.first_name == "NewsBot"
    assert me.username == "newsbot_test_bot"
    assert me.supports_inline_queries
    assert me.can_join_groups


async def test_send_html_with_keyboard_returns_parsed_message(bot: Bot, emu: Emulator) -> None:
    emu.user_message(USER, "/start")
    html = (
        '<b>Хакасия</b> &amp; <a href="https://example.ru/a?x=1&amp;y=2">ссылка</a> 😀 <i>конец</i>'
    )
    sent = await bot.send_message(
        USER,
        html,
        parse_mode="HTML",
        reply_markup=keyboard("sub:RU-KK"),
        link_preview_options=LinkPreviewOptions(is_disabled=True),
    )
    assert sent.text == "Хакасия & ссылка 😀 конец"
    assert sent.from_user is not None and sent.from_user.id == 123456789
    assert sent.chat.id == USER and sent.chat.type == "private"
    assert sent.entities is not None
    kinds = [(e.type, e.offset, e.length) for e in sent.entities]
    # The emoji is two UTF-16 units, so "конец" starts at 20, not 19.
    assert kinds == [("bold", 0, 7), ("text_link", 10, 6), ("italic", 20, 5)]
    assert sent.entities[1].url == "https://example.ru/a?x=1&y=2"
    assert sent.reply_markup is not None
    assert sent.reply_markup.inline_keyboard[0][0].callback_data == "sub:RU-KK"
    assert sent.link_preview_options is not None and sent.link_preview_options.is_disabled

    [logged] = emu.messages(USER)
    assert logged["html"] == html and logged["parse_mode"] == "HTML"
    assert logged["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "sub:RU-KK"
    assert logged["link_preview_options"] == {"is_disabled": True}


async def test_message_log_shows_state_after_edits_and_deletes(
    bot: Bot, emu: Emulator, client: EmulatorClient
) -> None:
    emu.user_message(USER, "привет")
    first = await bot.send_message(USER, "первое", reply_markup=keyboard("a"))
    second = await bot.send_message(USER, "второе")
    edited = await bot.edit_message_text(
        "<b>исправлено</b>", chat_id=USER, message_id=first.message_id, parse_mode="HTML"
    )
    assert isinstance(edited, Message) and edited.edit_date is not None
    # Editing without reply_markup removes the keyboard, as Telegram does.
    assert edited.reply_markup is None
    await bot.edit_message_reply_markup(
        chat_id=USER, message_id=first.message_id, reply_markup=keyboard("b")
    )
    assert await bot.delete_message(USER, second.message_id)

    log = await client.messages(USER)
    assert [m["message_id"] for m in log] == [first.message_id]
    assert log[0]["text"] == "исправлено"
    assert log[0]["html"] == "<b>исправлено</b>"
    assert log[0]["entities"] == [{"type": "bold", "offset": 0, "length": 10}]
    assert log[0]["edited"] is True
    assert log[0]["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "b"
    with_deleted = await client.messages(USER, include_deleted=True)
    assert [m["deleted"] for m in with_deleted] == [False, True]
    everything = await client.messages(USER, include_user=True)
    assert [m["from_bot"] for m in everything] == [False, True]

    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text(
            "<b>исправлено</b>",
            chat_id=USER,
            message_id=first.message_id,
            parse_mode="HTML",
            reply_markup=keyboard("b"),
        )
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(USER, second.message_id)
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("x", chat_id=USER, message_id=999)


async def test_reply_parameters_quote_the_message(bot: Bot, emu: Emulator) -> None:
    incoming = emu.user_message(USER, "вопрос")["message"]
    reply = await bot.send_message(USER, "ответ", reply_to_message_id=incoming["message_id"])
    assert reply.reply_to_message is not None
    assert reply.reply_to_message.text == "вопрос"
    with pytest.raises(TelegramBadRequest, match="message to be replied not found"):
        await bot.send_message(USER, "ответ", reply_to_message_id=777)


async def test_forum_topic_messages_carry_the_thread(bot: Bot, emu: Emulator) -> None:
    emu.create_chat(-1001, "supergroup", "Форум", is_forum=True, admins=[USER])
    update = emu.user_message(
        USER, "/latest", chat_id=-1001, chat_type="supergroup", message_thread_id=7
    )
    assert update["message"]["is_topic_message"] is True
    sent = await bot.send_message(-1001, "в тему", message_thread_id=7)
    assert sent.message_thread_id == 7 and sent.is_topic_message
    assert sent.chat.is_forum
    assert emu.messages(-1001)[0]["message_thread_id"] == 7


async def test_unknown_chat_and_blocked_user(
    bot: Bot, emu: Emulator, client: EmulatorClient
) -> None:
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(555, "кто здесь?")
    emu.user_message(USER, "/start")
    await client.block(USER)
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(USER, "новость")
    await client.unblock(USER)
    assert (await bot.send_message(USER, "новость")).text == "новость"


# Updates: long polling, callbacks, inline -------------------------------------


async def test_long_poll_returns_as_soon_as_a_message_arrives(
    bot: Bot, client: EmulatorClient
) -> None:
    started = time.monotonic()
    poll = asyncio.create_task(bot.get_updates(timeout=10))
    await asyncio.sleep(0.2)
    assert not poll.done()  # held open: nothing to deliver yet
    injected = await client.user_message(
        USER, "/start@newsbot_test_bot", first_name="Ирина", language_code="en"
    )
    updates = await asyncio.wait_for(poll, 5)
    assert time.monotonic() - started < 3
    [update] = updates
    assert update.update_id == injected["update_id"]
    assert update.message is not None and update.message.from_user is not None
    assert update.message.from_user.first_name == "Ирина"
    assert update.message.from_user.language_code == "en"
    assert update.message.entities is not None
    assert (update.message.entities[0].type, update.message.entities[0].length) == (
        "bot_command",
        23,
    )
    # The offset confirms the update: it is not delivered again.
    assert await bot.get_updates(offset=update.update_id + 1, timeout=0) == []
    assert await client.pending_updates() == []


async def test_get_updates_times_out_empty_and_honours_limit(bot: Bot, emu: Emulator) -> None:
    started = time.monotonic()
    assert await bot.get_updates(timeout=1) == []
    assert 0.9 <= time.monotonic() - started < 3
    for i in range(3):
        emu.user_message(USER + i, f"сообщение {i}")
    batch = await bot.get_updates(limit=2)
    assert [u.message.text for u in batch if u.message] == ["сообщение 0", "сообщение 1"]
    rest = await bot.get_updates(offset=batch[-1].update_id + 1)
    assert [u.message.text for u in rest if u.message] == ["сообщение 2"]


async def test_allowed_updates_filters_types(bot: Bot, emu: Emulator) -> None:
    emu.inline_query(USER, "хакасия")
    emu.user_message(USER, "текст")
    updates = await bot.get_updates(allowed_updates=["message"])
    assert [u.message is not None for u in updates] == [True]


async def test_get_updates_conflicts_with_a_webhook(bot: Bot) -> None:
    assert await bot.set_webhook("https://example.ru/hook")
    info = await bot.get_webhook_info()
    assert info.url == "https://example.ru/hook"
    with pytest.raises(TelegramConflictError, match="webhook is active"):
        await bot.get_updates()
    assert await bot.delete_webhook()
    assert (await bot.get_webhook_info()).url == ""
    assert await bot.get_updates() == []


async def test_callback_query_round_trip(bot: Bot, emu: Emulator, client: EmulatorClient) -> None:
    emu.user_message(USER, "/regions")
    sent = await bot.send_message(USER, "Выберите регион", reply_markup=keyboard("sub:RU-KK"))
    pressed = await client.press_button(USER, USER, sent.message_id, "sub:RU-KK")
    updates = await bot.get_updates(offset=-1)
    query = updates[-1].callback_query
    assert query is not None and query.id == pressed["callback_query_id"]
    assert query.data == "sub:RU-KK"
    assert query.message is not None and query.message.message_id == sent.message_id
    assert (await client.callback_answer(query.id))["answered"] is False
    assert await bot.answer_callback_query(query.id, text="Подписка оформлена", show_alert=True)
    answer = await client.callback_answer(query.id)
    assert answer["answered"] is True
    assert answer["text"] == "Подписка оформлена" and answer["show_alert"] is True
    with pytest.raises(TelegramBadRequest, match="query ID is invalid"):
        await bot.answer_callback_query(query.id)
    with pytest.raises(EmulatorError) as error:
        await client.press_button(USER, USER, 999, "x")
    assert error.value.status == 404


async def test_inline_query_answer_is_readable(bot: Bot, client: EmulatorClient) -> None:
    asked = await client.inline_query(USER, "хакасия форум", offset="", chat_type="sender")
    query_id = asked["inline_query_id"]
    waiter = asyncio.create_task(client.inline_answer(query_id, wait=5))
    [update] = await bot.get_updates()
    assert update.inline_query is not None and update.inline_query.query == "хакасия форум"
    results: list[InlineQueryResultUnion] = [article(i, f"<b>Новость {i}</b>") for i in range(3)]
    assert await bot.answer_inline_query(
        query_id, results, cache_time=5, is_personal=True, next_offset="3"
    )
    answer = await asyncio.wait_for(waiter, 5)
    assert answer["answered"] is True
    assert [r["id"] for r in answer["results"]] == ["a0", "a1", "a2"]
    assert answer["next_offset"] == "3"
    assert answer["cache_time"] == 5 and answer["is_personal"] is True
    assert answer["messages"][0] == {
        "id": "a0",
        "text": "Новость 0",
        "entities": [{"type": "bold", "offset": 0, "length": 9}],
    }


# Limits ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "parse_mode", "error"),
    [
        ("я" * 4097, None, "message is too long"),
        ("😀" * 2049, None, "message is too long"),  # 4098 UTF-16 units
        ("<b>" + "x" * 4096 + "</b>!", "HTML", "message is too long"),
        ("<b>жирный</i>", "HTML", "can't parse entities: Unmatched end tag"),
        ("<b>жирный", "HTML", "can't parse entities: Can't find end tag"),
        ("a < b and c > d", "HTML", "can't parse entities: Unsupported start tag"),
        ("AT&T", "HTML", "can't parse entities: Unsupported HTML entity"),
        ("строка<br>строка", "HTML", 'Unsupported start tag "br"'),
        ('<a title="x">без адреса</a>', "HTML", "href"),
        ("1.5 млн", "MarkdownV2", "Character '.' is reserved"),
        ("   ", None, "message text is empty"),
    ],
)
async def test_text_limits_raise_bad_request(
    bot: Bot, emu: Emulator, text: str, parse_mode: str | None, error: str
) -> None:
    emu.user_message(USER, "/start")
    with pytest.raises(TelegramBadRequest, match=error):
        await bot.send_message(USER, text, parse_mode=parse_mode)
    assert emu.messages(USER) == []


async def test_text_at_the_limits_is_accepted(bot: Bot, emu: Emulator) -> None:
    emu.user_message(USER, "/start")
    assert len((await bot.send_message(USER, "я" * 4096)).text or "") == 4096
    assert (await bot.send_message(USER, "😀" * 2048)).text == "😀" * 2048
    tagged = await bot.send_message(USER, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")
    assert tagged.entities is not None and tagged.entities[0].length == 4096
    escaped = await bot.send_message(USER, "a &lt; b &#8212; &quot;c&quot;", parse_mode="HTML")
    assert escaped.text == 'a < b — "c"'
    md = await bot.send_message(
        USER, r"*жирный* 1\.5 [ссылка](https://e.ru)", parse_mode="MarkdownV2"
    )
    assert md.text == "жирный 1.5 ссылка"
    assert md.entities is not None and [e.type for e in md.entities] == ["bold", "text_link"]


async def test_callback_data_limit(bot: Bot, emu: Emulator) -> None:
    emu.user_message(USER, "/start")
    assert await bot.send_message(USER, "ok", reply_markup=keyboard("x" * 64))
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(USER, "too long", reply_markup=keyboard("x" * 65))
    # 33 Cyrillic letters are 66 bytes: the limit is in bytes, not characters.
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(USER, "too long", reply_markup=keyboard("я" * 33))
    assert len(emu.messages(USER)) == 1


async def test_inline_answer_limits(bot: Bot, emu: Emulator) -> None:
    def ask() -> str:
        return str(emu.inline_query(USER, "q")["inline_query_id"])

    with pytest.raises(TelegramBadRequest, match="RESULTS_TOO_MUCH"):
        await bot.answer_inline_query(ask(), [article(i) for i in range(51)])
    with pytest.raises(TelegramBadRequest, match="RESULT_ID_DUPLICATE"):
        await bot.answer_inline_query(ask(), [article(1), article(1)])
    with pytest.raises(TelegramBadRequest, match="NEXT_OFFSET_INVALID"):
        await bot.answer_inline_query(ask(), [article(1)], next_offset="9" * 65)
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await bot.answer_inline_query(ask(), [article(1, "<b>открыт")])
    query_id = ask()
    assert await bot.answer_inline_query(query_id, [article(i) for i in range(50)])
    assert len((await emu.inline_answer(query_id))["results"]) == 50


# Faults ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fault", "error", "check"),
    [
        ({"kind": "429", "retry_after": 7}, TelegramRetryAfter, lambda e: e.retry_after == 7),
        ({"kind": "403"}, TelegramForbiddenError, lambda e: "blocked by the user" in e.message),
        (
            {"kind": "400_chat_not_found"},
            TelegramBadRequest,
            lambda e: "chat not found" in e.message,
        ),
        (
            {"kind": "400_user_deactivated"},
            TelegramBadRequest,
            lambda e: "deactivated" in e.message,
        ),
        (
            {"kind": "migrate", "migrate_to_chat_id": -1009},
            TelegramMigrateToChat,
            lambda e: e.migrate_to_chat_id == -1009,
        ),
        ({"kind": "5xx"}, TelegramServerError, lambda e: True),
        ({"kind": "drop"}, TelegramNetworkError, lambda e: True),
    ],
)
async def test_faults_map_to_aiogram_exceptions(
    bot: Bot,
    emu: Emulator,
    client: EmulatorClient,
    fault: dict[str, Any],
    error: type[Exception],
    check: Any,
) -> None:
    emu.user_message(USER, "/start")
    await client.add_fault(method="sendMessage", **fault)
    with pytest.raises(error) as raised:
        await bot.send_message(USER, "новость")
    assert check(raised.value)
    # Consumed: the next send goes through.
    assert (await bot.send_message(USER, "снова")).text == "снова"
    assert [m["text"] for m in emu.messages(USER)] == ["снова"]
    assert (await client.stats())["faults_fired"] == 1


async def test_faults_filter_by_chat_and_method_and_count(
    bot: Bot, emu: Emulator, client: EmulatorClient
) -> None:
    emu.user_message(USER, "/start")
    emu.user_message(USER + 1, "/start")
    await client.add_fault("403", chat_id=USER + 1, count=2)
    assert await bot.get_me()  # other methods are untouched only when chat-specific
    assert await bot.send_message(USER, "ok")
    for _ in range(2):
        with pytest.raises(TelegramForbiddenError):
            await bot.send_message(USER + 1, "x")
    assert await bot.send_message(USER + 1, "ok")
    await client.add_fault("5xx", method="editMessageText")
    assert await bot.send_message(USER, "not an edit")
    assert len(await client.faults()) == 1
    await client.clear_faults()
    assert await client.faults() == []


async def test_slow_fault_delays_the_answer(bot: Bot, emu: Emulator) -> None:
    emu.user_message(USER, "/start")
    emu.add_fault("slow", delay_seconds=0.3)
    started = time.monotonic()
    await bot.send_message(USER, "медленно")
    assert time.monotonic() - started >= 0.3
    with pytest.raises(TelegramNetworkError):
        emu.add_fault("slow", delay_seconds=2)
        await bot.send_message(USER, "таймаут", request_timeout=1)


# Rate limits -------------------------------------------------------------------


async def test_rate_limits_are_off_by_default(bot: Bot, emu: Emulator) -> None:
    emu.user_message(USER, "/start")
    for i in range(40):
        await bot.send_message(USER, f"n{i}")
    assert emu.stats_snapshot()["too_many_requests"] == 0


async def test_private_chat_limit_answers_429(
    bot: Bot, emu: Emulator, client: EmulatorClient
) -> None:
    emu.user_message(USER, "/start")
    emu.user_message(USER + 1, "/start")
    # One message per 2 s: slow enough that a loaded machine cannot slip one through.
    await client.set_limits(private_per_second=0.5)
    await bot.send_message(USER, "1")
    with pytest.raises(TelegramRetryAfter) as raised:
        await bot.send_message(USER, "2")  # no burst, not even of two
    assert raised.value.retry_after == 2
    assert await bot.send_message(USER + 1, "другой чат не ждёт")
    stats = await client.stats()
    assert stats["too_many_requests"] == 1
    assert stats["by_method"]["sendMessage"] == 3
    assert stats["messages_sent"] == 2
    await asyncio.sleep(raised.value.retry_after)
    assert await bot.send_message(USER, "после паузы")
    with pytest.raises(EmulatorError, match="no burst"):
        await client.set_limits(private_burst=3)
    assert "private_burst" not in await client.limits()


async def test_group_and_global_limits(bot: Bot, emu: Emulator) -> None:
    emu.create_chat(-500, "group", "Совет")
    emu.set_limits(group_per_minute=20)
    for i in range(20):
        await bot.send_message(-500, f"g{i}")
    with pytest.raises(TelegramRetryAfter) as raised:
        await bot.send_message(-500, "21")
    assert raised.value.retry_after == 60  # until the first of the 20 is a minute old
    emu.set_limits(global_per_second=2)
    for uid in range(2000, 2004):
        emu.user_message(uid, "/start")
    for uid in range(2000, 2002):
        await bot.send_message(uid, "x")
    with pytest.raises(TelegramRetryAfter) as raised:
        await bot.send_message(2003, "x")
    assert raised.value.retry_after == 1
    # Paid broadcast has its own, much larger allowance.
    assert await bot.send_message(2003, "x", allow_paid_broadcast=True)
    emu.set_limits(enabled=False)
    assert await bot.send_message(-500, "limits off")


async def test_a_burst_over_the_overall_limit_answers_429(
    bot: Bot, emu: Emulator, client: EmulatorClient
) -> None:
    users = list(range(3000, 3033))
    for uid in users:
        emu.user_message(uid, "/start")
    await asyncio.sleep(1.1)  # idle: a token bucket would now hold a full burst
    emu.set_limits(global_per_second=30)
    refused = 0
    for uid in users:  # 33 sends, 10 % over, well within one second
        try:
            await bot.send_message(uid, "x")
        except TelegramRetryAfter as exc:
            assert exc.retry_after == 1
            refused += 1
    assert refused == 3
    assert (await client.stats())["too_many_requests"] == 3


# Chats and members -------------------------------------------------------------


async def test_chat_members_and_admins(bot: Bot, client: EmulatorClient) -> None:
    await client.create_chat(
        -100200, "supergroup", "Администрация района", admins=[1, 2], members=[3]
    )
    assert (await bot.get_chat_member(-100200, 1)).status == "creator"
    assert (await bot.get_chat_member(-100200, 2)).status == "administrator"
    assert (await bot.get_chat_member(-100200, 3)).status == "member"
    assert (await bot.get_chat_member(-100200, 4)).status == "left"
    assert (await bot.get_chat_member(-100200, 123456789)).status == "member"  # the bot
    admins = await bot.get_chat_administrators(-100200)
    assert sorted(a.user.id for a in admins) == [1, 2]
    assert await bot.get_chat_member_count(-100200) == 4
    chat = await bot.get_chat(-100200)
    assert chat.title == "Администрация района" and chat.type == "supergroup"
    assert await bot.leave_chat(-100200)
    with pytest.raises(TelegramForbiddenError, match="not a member"):
        await bot.send_message(-100200, "x")


async def test_bot_added_to_group_sends_my_chat_member(bot: Bot, client: EmulatorClient) -> None:
    await client.create_chat(-900, "supergroup", "Район", admins=[9])
    added = await client.add_bot(-900, 9, as_admin=True)
    [update] = await bot.get_updates(allowed_updates=["message", "my_chat_member"])
    assert update.update_id == added["update_id"]
    change = update.my_chat_member
    assert change is not None and change.from_user.id == 9
    assert change.old_chat_member.status == "left"
    assert change.new_chat_member.status == "administrator"
    assert (await bot.get_chat_member(-900, 123456789)).status == "administrator"


async def test_channel_by_username_and_chat_actions(bot: Bot, emu: Emulator) -> None:
    emu.create_chat(-100300, "channel", "Новости Хакасии", username="khakasia_news")
    sent = await bot.send_message("@khakasia_news", "пост")
    assert sent.chat.id == -100300 and sent.chat.type == "channel"
    assert (await bot.get_chat_member(-100300, 123456789)).status == "administrator"
    assert await bot.send_chat_action(-100300, "typing")
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message("@nobody_here", "x")
    post = emu.user_message(5, "пост админа", chat_id=-100300, chat_type="channel")["message"]
    assert "from" not in post and post["sender_chat"]["id"] == -100300
    [update] = await bot.get_updates()
    assert update.channel_post is not None and update.channel_post.text == "пост админа"


async def test_group_migration(bot: Bot, client: EmulatorClient) -> None:
    await client.create_chat(-77, "group", "Поселение", admins=[5])
    moved = await client.migrate_chat(-77)
    assert moved["migrate_to_chat_id"] == -10077
    with pytest.raises(TelegramMigrateToChat) as raised:
        await bot.send_message(-77, "x")
    assert raised.value.migrate_to_chat_id == -10077
    assert (await bot.send_message(-10077, "x")).chat.type == "supergroup"
    assert (await bot.get_chat_member(-10077, 5)).status == "creator"


# Commands ---------------------------------------------------------------------------


async def test_commands_per_scope_and_language(bot: Bot, client: EmulatorClient) -> None:
    ru = [
        BotCommand(command="start", description="Начать"),
        BotCommand(command="help", description="Помощь"),
    ]
    en = [BotCommand(command="start", description="Start")]
    assert await bot.set_my_commands(ru)
    assert await bot.set_my_commands(en, language_code="en")
    groups = BotCommandScopeAllGroupChats()
    assert await bot.set_my_commands(ru[:1], scope=groups)
    assert [c.command for c in await bot.get_my_commands()] == ["start", "help"]
    assert [c.description for c in await bot.get_my_commands(language_code="en")] == ["Start"]
    assert len(await bot.get_my_commands(scope=groups)) == 1
    assert await bot.get_my_commands(language_code="de") == []
    assert await bot.delete_my_commands(language_code="en")
    assert await bot.get_my_commands(language_code="en") == []
    assert await bot.set_my_description("Новости муниципалитетов")
    assert await bot.set_my_short_description("Новости")
    settings = await client.bot_settings()
    assert len(settings["commands"]) == 2
    assert {t["value"] for t in settings["texts"]} == {"Новости муниципалитетов", "Новости"}
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Bad-Name", description="x")])


# Wire format, control API, lifecycle ------------------------------------------------


async def test_wire_formats_and_errors(emu: Emulator) -> None:
    emu.user_message(USER, "/start")
    base = f"{emu.base_url}/bot{TOKEN}"
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{base}/sendMessage", json={"chat_id": USER, "text": "json"}) as r:
            assert r.status == 200 and (await r.json())["result"]["text"] == "json"
        async with http.get(
            f"{base}/sendMessage", params={"chat_id": str(USER), "text": "query"}
        ) as r:
            assert (await r.json())["result"]["text"] == "query"
        form = aiohttp.FormData()
        form.add_field("chat_id", str(USER))
        form.add_field("text", "multipart")
        form.add_field("reply_markup", '{"inline_keyboard":[[{"text":"a","callback_data":"b"}]]}')
        form.add_field("disable_notification", "true")
        form.add_field("doc", b"bytes", filename="f.txt")  # forces multipart encoding
        async with http.post(f"{base}/sendMessage", data=form) as r:
            body = await r.json()
            assert body["result"]["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "b"
        async with http.post(
            f"{base}/SENDMESSAGE", data={"chat_id": str(USER), "text": "case"}
        ) as r:
            assert r.status == 200  # method names are case-insensitive
        async with http.post(f"{base}/sendMessage", data={"chat_id": "1", "text": "x"}) as r:
            assert r.status == 400
            assert await r.json() == {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: chat not found",
            }
        async with http.post(f"{base}/noSuchMethod") as r:
            assert r.status == 404
            assert (await r.json())["description"] == "Not Found: method not found"
        async with http.post(f"{emu.base_url}/botnot-a-token/getMe") as r:
            assert r.status == 404
        emu.add_fault("429", retry_after=3)
        async with http.post(f"{base}/sendMessage", data={"chat_id": str(USER), "text": "x"}) as r:
            assert r.status == 429
            assert await r.json() == {
                "ok": False,
                "error_code": 429,
                "description": "Too Many Requests: retry after 3",
                "parameters": {"retry_after": 3},
            }
    calls = emu.call_log("sendMessage")
    assert [c["status"] for c in calls] == [200, 200, 200, 200, 400, 429]
    assert calls[2]["params"]["reply_markup"] == {
        "inline_keyboard": [[{"text": "a", "callback_data": "b"}]]
    }
    assert [c["method"] for c in emu.call_log(since=calls[-2]["seq"])] == [
        "noSuchMethod",
        "getMe",
        "sendMessage",
    ]


async def test_configured_token_rejects_others() -> None:
    async with Emulator(token=TOKEN) as emulator, aiohttp.ClientSession() as http:
        async with http.post(f"{emulator.base_url}/bot999:other/getMe") as r:
            assert r.status == 401
            assert (await r.json())["description"] == "Unauthorized"
        async with http.post(f"{emulator.base_url}/bot{TOKEN}/getMe") as r:
            assert (await r.json())["result"]["id"] == 123456789


async def test_wait_for_messages_over_http(bot: Bot, emu: Emulator, client: EmulatorClient) -> None:
    emu.user_message(USER, "/start")

    async def later() -> None:
        await asyncio.sleep(0.2)
        await bot.send_message(USER, "раз")
        await bot.send_message(USER, "два")

    task = asyncio.create_task(later())
    got = await client.wait_messages(USER, 2, timeout=5)
    await task
    assert [m["text"] for m in got] == ["раз", "два"]
    started = time.monotonic()
    assert len(await client.wait_messages(USER, 3, timeout=0.3)) == 2
    assert time.monotonic() - started >= 0.3


async def test_control_api_rejects_bad_requests(client: EmulatorClient) -> None:
    with pytest.raises(EmulatorError, match="unknown fault kind"):
        await client.add_fault("teapot")
    with pytest.raises(EmulatorError) as missing:
        await client._call("POST", "updates/message", {"text": "no user"})
    assert missing.value.status == 400
    with pytest.raises(EmulatorError):
        await client.user_message(USER, "x", chat_type="group")  # no chat_id
    with pytest.raises(EmulatorError) as unknown:
        await client.chat(-42)
    assert unknown.value.status == 404


async def test_reset_forgets_everything(bot: Bot, emu: Emulator, client: EmulatorClient) -> None:
    emu.user_message(USER, "/start")
    await bot.send_message(USER, "x")
    emu.add_fault("403")
    await client.reset()
    assert emu.messages(USER) == [] and emu.faults == [] and emu.call_log() == []
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(USER, "x")


async def test_dispatcher_polling_end_to_end(bot: Bot, emu: Emulator) -> None:
    dp = Dispatcher()

    @dp.message(CommandStart())
    async def start(message: Message) -> None:
        await message.answer(
            f"<b>Здравствуйте</b>, {message.from_user.first_name if message.from_user else ''}!",
            parse_mode="HTML",
        )

    polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False, polling_timeout=1))
    try:
        emu.user_message(USER, "/start", first_name="Анна")
        [reply] = await emu.wait_messages(USER, 1, timeout=10)
        assert reply["text"] == "Здравствуйте, Анна!"
        assert reply["entities"] == [{"type": "bold", "offset": 0, "length": 12}]
    finally:
        await dp.stop_polling()
        await asyncio.wait_for(polling, 10)


async def test_serve_forever_runs_until_cancelled() -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    from bot.emulator import serve_forever

    task = asyncio.create_task(serve_forever("127.0.0.1", port))
    url = f"http://127.0.0.1:{port}/bot{TOKEN}/getMe"
    async with aiohttp.ClientSession() as http:
        for _ in range(50):
            try:
                async with http.get(url) as r:
                    assert (await r.json())["ok"] is True
                    break
            except aiohttp.ClientConnectionError:
                await asyncio.sleep(0.05)
        else:
            pytest.fail("the emulator never answered")
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        with pytest.raises(aiohttp.ClientConnectionError):
            async with http.get(url, headers={"Connection": "close"}) as r:
                await r.read()
