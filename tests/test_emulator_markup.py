"""The emulator's text parsers, its import cost, and getUpdates/initiation rules."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import AsyncIterator

import aiohttp
import pytest

from bot.emulator import Emulator
from bot.emulator.markup import (
    MarkupError,
    detect_entities,
    parse_html,
    parse_markdown,
    parse_markdown_v2,
    strip_text,
    utf16_len,
)

TOKEN = "42:abc"


def test_utf16_length_counts_astral_characters_twice() -> None:
    assert utf16_len("abc") == 3
    assert utf16_len("Хакасия") == 7
    assert utf16_len("😀a") == 3


def test_html_nested_entities_and_pre_language() -> None:
    text, entities = parse_html(
        '<b>a <i>b</i></b><pre><code class="language-python">x = 1</code></pre>'
        "<blockquote expandable>q</blockquote><tg-spoiler>s</tg-spoiler>"
        '<span class="tg-spoiler">t</span><tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>'
    )
    assert text == "a bx = 1qst👍"
    assert entities == [
        {"type": "bold", "offset": 0, "length": 3},
        {"type": "italic", "offset": 2, "length": 1},
        {"type": "pre", "language": "python", "offset": 3, "length": 5},
        {"type": "expandable_blockquote", "offset": 8, "length": 1},
        {"type": "spoiler", "offset": 9, "length": 1},
        {"type": "spoiler", "offset": 10, "length": 1},
        {
            "type": "custom_emoji",
            "custom_emoji_id": "5368324170671202286",
            "offset": 11,
            "length": 2,
        },
    ]


def test_html_entities_and_uppercase_tags() -> None:
    assert parse_html("&lt;&gt;&amp;&quot;&#65;&#x42;") == ('<>&"AB', [])
    assert parse_html("<B>x</B>") == ("x", [{"type": "bold", "offset": 0, "length": 1}])
    assert parse_html("<b></b>x") == ("x", [])  # empty entities are dropped


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("</b>", "Unexpected end tag at byte offset 0"),
        ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
        ("Ёж <p>", 'Unsupported start tag "p" at byte offset 5'),  # byte offsets, not chars
        ("x <", "Unclosed start tag at byte offset 2"),
        ("a < b > c", 'Unsupported start tag "" at byte offset 2'),
        ("&nbsp;", 'Unsupported HTML entity "&nbsp;"'),
        ("&#0;", 'Unsupported HTML entity "&#0;"'),
        ('<span class="x">y</span>', 'Unsupported start tag "span"'),
        ("<blockquote><blockquote>x</blockquote></blockquote>", "can't be nested"),
        ('<tg-emoji emoji-id="abc">x</tg-emoji>', "emoji-id"),
    ],
)
def test_html_errors(source: str, message: str) -> None:
    with pytest.raises(MarkupError) as raised:
        parse_html(source)
    assert message in str(raised.value)


def test_markdown_v2() -> None:
    text, entities = parse_markdown_v2(
        "*b* _i_ __u__ ~s~ ||sp|| `c\\`` [l](https://e.ru/\\)) 1\\.5\n```py\nx\n```"
    )
    assert text == "b i u s sp c` l 1.5\nx\n"
    assert [e["type"] for e in entities] == [
        "bold",
        "italic",
        "underline",
        "strikethrough",
        "spoiler",
        "code",
        "text_link",
        "pre",
    ]
    assert entities[6]["url"] == "https://e.ru/)"
    assert entities[7]["language"] == "py"
    quote_text, quote = parse_markdown_v2(">цитата\n>вторая\nпосле")
    assert quote_text == "цитата\nвторая\nпосле"
    assert quote == [{"type": "blockquote", "offset": 0, "length": 14}]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("1.5", "Character '.' is reserved"),
        ("a-b", "Character '-' is reserved"),
        ("*open", "Can't find end of Bold entity at byte offset 0"),
        ("[text](no-end", "TextUrl"),
    ],
)
def test_markdown_v2_errors(source: str, message: str) -> None:
    with pytest.raises(MarkupError, match=message.replace("(", r"\(").replace(".", r"\.")):
        parse_markdown_v2(source)


def test_legacy_markdown() -> None:
    text, entities = parse_markdown("*b* _i_ `c` [l](https://e.ru)")
    assert text == "b i c l"
    assert [e["type"] for e in entities] == ["bold", "italic", "code", "text_link"]
    with pytest.raises(MarkupError):
        parse_markdown("*open")


def test_strip_moves_entities() -> None:
    assert strip_text("  ab  ", [{"type": "bold", "offset": 1, "length": 4}]) == (
        "ab",
        [{"type": "bold", "offset": 0, "length": 2}],
    )
    assert strip_text(" \n ", []) == ("", [])


def test_detect_entities_in_user_text() -> None:
    found = detect_entities("/latest@newsbot_test_bot 19 #Хакасия @someone https://x.ru/a?b=1.")
    assert [(e["type"], e["offset"], e["length"]) for e in found] == [
        ("bot_command", 0, 24),
        ("hashtag", 28, 8),
        ("mention", 37, 8),
        ("url", 46, 18),
    ]
    assert detect_entities("путь a/b не команда") == []


def test_emulator_does_not_import_aiogram() -> None:
    code = "import sys, bot.emulator; sys.exit(1 if 'aiogram' in sys.modules else 0)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# A few server rules easier to check without aiogram ---------------------------


@pytest.fixture
async def served() -> AsyncIterator[tuple[Emulator, aiohttp.ClientSession]]:
    emulator = Emulator()
    await emulator.start()
    async with aiohttp.ClientSession() as http:
        yield emulator, http
    await emulator.stop()


async def test_second_poller_ends_the_first_with_conflict(
    served: tuple[Emulator, aiohttp.ClientSession],
) -> None:
    emu, http = served
    url = f"{emu.base_url}/bot{TOKEN}/getUpdates"

    async def poll(timeout: int) -> tuple[int, dict[str, object]]:
        async with http.post(url, data={"timeout": str(timeout)}) as r:
            return r.status, await r.json()

    first = asyncio.create_task(poll(10))
    await asyncio.sleep(0.2)
    second = asyncio.create_task(poll(10))
    status, body = await asyncio.wait_for(first, 5)
    assert status == 409 and "terminated by other getUpdates request" in str(body["description"])
    emu.user_message(7, "hi")
    status, body = await asyncio.wait_for(second, 5)
    assert status == 200 and len(body["result"]) == 1  # type: ignore[arg-type]


async def test_bot_cannot_initiate_a_private_chat(
    served: tuple[Emulator, aiohttp.ClientSession],
) -> None:
    emu, http = served
    emu.create_chat(-5, "group", "Группа", members=[77])
    async with http.post(
        f"{emu.base_url}/bot{TOKEN}/sendMessage", json={"chat_id": 77, "text": "hi"}
    ) as r:
        assert r.status == 403
        assert (await r.json())[
            "description"
        ] == "Forbidden: bot can't initiate conversation with a user"
    emu.user_message(77, "/start")
    async with http.post(
        f"{emu.base_url}/bot{TOKEN}/sendMessage", json={"chat_id": 77, "text": "hi"}
    ) as r:
        assert r.status == 200
