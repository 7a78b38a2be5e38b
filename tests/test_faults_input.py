"""The fault suite of «Nothing lost, nothing doubled, never stuck»: every case the
adversarial review found, replayed against the real app (``bot.app.build_app`` polling the
Bot API emulator over HTTP, real SQLite, real feedparser, local feed servers), the CLI as a
process, and the demo as a person uses it; then property-based fuzzing (hypothesis) of
commands, callback data, inline queries and offsets, and feed items.

Each case asserts what a user or an operator must see: a short polite answer (never «Что-то
пошло не так»), no traceback in the logs, and storage unchanged where it should be.
"""

from __future__ import annotations

import asyncio
import logging
import os
import pty
import select
import sqlite3
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar
from xml.sax.saxutils import escape

import pytest
from aiohttp import web
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.config import IngestSettings
from bot.errors import AddressRefusedError, ConfigError
from bot.ingest.dedup import is_near_copy
from bot.ingest.fetch import Fetcher
from bot.ingest.guard import address_problem
from bot.ingest.normalise import clean_title, tidy
from bot.ingest.parse import parse_document
from bot.ingest.pipeline import Ingestor, prepare_items
from bot.render import render_push
from bot.search.paging import decode_inline_offset, decode_latest, decode_search
from bot.text.catalogue import by_code
from storage.db import open_database
from storage.health import storage_problem
from storage.repos import Repositories
from tests.support.apps import ADMIN_ID, EN_USER_ID, TOKEN, USER_ID, RunningApp, make_settings
from tests.support.cli import run_cli
from tests.support.feeds import FeedServer

Factory = Callable[..., Awaitable[RunningApp]]
OOPS = ("Что-то пошло не так", "Something went wrong")
ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")

# Hypothesis: modest and deterministic (no example database, the same examples every run).
FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ZERO_WIDTH = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
# Characters that broke or could break the handlers: digits that are not ASCII, bidi and
# zero-width characters, emoji with joiners, quotes and search syntax, Cyrillic.
NASTY = "²³¹⁰٣१０" + BIDI + ZERO_WIDTH + "👨👩👧🏳️🌈" + "\"'*-:()<>&#@/\\_%" + "абвгдеёжзийк"


def errors_logged(caplog: pytest.LogCaptureFixture, since: int = 0) -> list[logging.LogRecord]:
    """ERROR records, and any record that carries a traceback (from record ``since`` on)."""
    return [r for r in caplog.records[since:] if r.levelno >= logging.ERROR or r.exc_info]


def polite(text: str) -> bool:
    return bool(text.strip()) and not any(o in text for o in OOPS)


# --- 1. crashes on input -------------------------------------------------------------

CRASHERS = [
    "/latest ²",
    "/latest Хакасия ²",
    "/subscribe ²",
    "/unsubscribe ²",
    "/event ²",
    "/settings tz America/Indiana",
    "/settings tz America/" + "Indiana" * 43,  # 300 characters
    "/settings tz " + "x" * 300,
    "/settings tz ../../etc/passwd",
    "/search ²",
]


@pytest.mark.parametrize("text", CRASHERS)
async def test_input_that_crashed_gets_a_polite_answer(
    bot_app: Factory, caplog: pytest.LogCaptureFixture, text: str
) -> None:
    caplog.set_level(logging.WARNING)
    running = await bot_app()
    [reply] = await running.say(text)
    assert polite(reply["text"]), reply["text"]
    [en] = await running.say(text, user_id=EN_USER_ID, language_code="en")
    assert polite(en["text"]), en["text"]
    assert not errors_logged(caplog)
    settings_now = await running.app.repos.subscriptions.get_settings(USER_ID)
    assert settings_now.timezone is None  # no zone was stored from these


@pytest.mark.parametrize("text", ["/delsource ²", "/delsource ٣", "/delsource 9" * 30])
async def test_admin_input_that_crashed(
    bot_app: Factory, caplog: pytest.LogCaptureFixture, text: str
) -> None:
    caplog.set_level(logging.WARNING)
    running = await bot_app()
    [reply] = await running.say(text, user_id=ADMIN_ID)
    assert polite(reply["text"]) and "/delsource" in reply["text"]
    assert not errors_logged(caplog)


FORGED_CALLBACKS = [
    "lt:5:0:*:zzzzzzzzzzzzz:zzzzzzzzzzzzz",
    "lt:5:0:*:0:zzzzzzzzzzzzz",
    "lt:5:zzzzzzzzzzzzz:*:0:0",
    "lt:²:0:*:0:0",
    "sr:0:0:zzzzzzzzzzzzz:AAAAAA",
    "sr:²:0:0:AAAAAA",
    "ev:999999999999999999:*",
    "ev:٣:*",
    "rg:d:99999999999999999999:0:",
    "rg:t:0:99999999999999999999:RU-KK",
    "rg:t:-99999999999999999999:0:RU-KK",
    "rg:d:²:0:",
    "st:tz:America/Indiana",
    "st:q:²²²²²²²²",
    "my:rm:" + "Z" * 50,
]


@pytest.mark.parametrize("data", FORGED_CALLBACKS)
async def test_forged_callback_data_changes_nothing(
    bot_app: Factory, caplog: pytest.LogCaptureFixture, data: str
) -> None:
    caplog.set_level(logging.WARNING)
    running = await bot_app()
    [menu] = await running.say("/regions")
    before = await running.app.repos.subscriptions.list_for_chat(USER_ID)
    answer = await running.press(menu, data)
    assert answer["answered"] and not any(o in (answer.get("text") or "") for o in OOPS)
    assert await running.app.repos.subscriptions.list_for_chat(USER_ID) == before
    assert not errors_logged(caplog)


FORGED_OFFSETS = [
    "Lzzzzzzzzzzzzz:zzzzzzzzzzzzz",
    "L0:zzzzzzzzzzzzz",
    "0:0:zzzzzzzzzzzzz",
    "0:zzzzzzzzzzzzz:0",
    "²:0:0",
    "L²:0",
    "-1:-1:-1",
]


@pytest.mark.parametrize("offset", FORGED_OFFSETS)
@pytest.mark.parametrize("query", ["", "форум"])
async def test_forged_inline_offsets(
    bot_app: Factory, caplog: pytest.LogCaptureFixture, offset: str, query: str
) -> None:
    caplog.set_level(logging.WARNING)
    running = await bot_app()
    answer = await running.inline(query, offset=offset)
    assert answer["answered"]
    assert not errors_logged(caplog)


def test_decoders_keep_numbers_inside_sqlite() -> None:
    top = (1 << 63) - 1
    for data in FORGED_CALLBACKS:
        for decoded in (decode_latest(data), decode_search(data)):
            if decoded is not None:
                assert all(0 <= v <= top for v in vars_of(decoded))
    for offset in FORGED_OFFSETS:
        assert decode_inline_offset(offset) is None


def vars_of(obj: Any) -> list[int]:
    out: list[int] = []
    for name in getattr(obj, "__slots__", ()):
        value = getattr(obj, name)
        if isinstance(value, int):
            out.append(value)
        elif hasattr(value, "__slots__"):
            out += vars_of(value)
    return out


async def test_malformed_token_is_one_line_and_exit_2(tmp_path: Path) -> None:
    for token in ("987654", "abc:def", "555:has space", "777:"):
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run",
            cwd=tmp_path, env=_env(BOT_TOKEN=token),
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        _out, err = await asyncio.wait_for(proc.communicate(), 60)  # a hang fails here
        lines = err.decode().strip().splitlines()
        assert proc.returncode == 2, err.decode()
        assert len(lines) == 1 and lines[0].startswith("config error: telegram.token:")
        assert token not in lines[0]  # the secret is not repeated


def test_token_shape_in_config() -> None:
    with pytest.raises(ConfigError, match=r"telegram\.token"):
        make_settings_checked("123456")
    assert make_settings_checked(" 123:AbC-d_9 ").token == "123:AbC-d_9"


def make_settings_checked(token: str) -> Any:
    from bot.config import load_settings

    os.environ["BOT_TOKEN"] = token
    try:
        return load_settings(None)
    finally:
        del os.environ["BOT_TOKEN"]


def _env(**extra: str) -> dict[str, str]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(ROOT)}
    return env | extra


# --- 2. SSRF --------------------------------------------------------------------------

PRIVATE = [
    "127.0.0.1", "127.5.5.5", "0.0.0.0", "10.1.2.3", "172.16.0.1", "192.168.1.1",
    "169.254.169.254", "100.64.0.1", "224.0.0.1", "::1", "::", "fd00::1", "fc00::1",
    "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "255.255.255.255",
]  # fmt: skip
PUBLIC = ["8.8.8.8", "77.88.8.8", "2a00:1450:4010:c0e::8a", "::ffff:8.8.8.8", "example.org"]


def test_address_guard_classifies() -> None:
    for address in PRIVATE:
        assert address_problem(address) is not None, address
    for address in PUBLIC:
        assert address_problem(address) is None, address


ADD_REFUSED = [
    "http://127.0.0.1:{port}/admin",
    "http://localhost:{port}/admin",
    "http://[::1]:{port}/admin",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/feed.xml",
    "http://192.168.0.10/feed.xml",
    "http://[fd12:3456::1]/feed.xml",
    "http://[fe80::1]/feed.xml",
    "http://[::ffff:127.0.0.1]:{port}/admin",
    "http://127.1:{port}/admin",
]


@pytest.mark.parametrize("template", ADD_REFUSED)
async def test_addsource_refuses_the_servers_own_network(
    bot_app: Factory, server: FeedServer, caplog: pytest.LogCaptureFixture, template: str
) -> None:
    caplog.set_level(logging.WARNING)
    server.add("/admin", b"<rss><channel><title>secret</title></channel></rss>")
    running = await bot_app(ingest={"allow_private_addresses": False})
    port = server.base_url.rsplit(":", 1)[1]
    url = template.format(port=port)
    [reply] = await running.say(f"/addsource {url}", user_id=ADMIN_ID)
    assert "Не могу добавить этот источник" in reply["text"], reply["text"]
    assert "allow_private_addresses" in reply["text"]
    [en] = await running.say(f"/addsource {url}", user_id=ADMIN_ID, language_code="en")
    assert "I cannot add this source" in en["text"]
    assert await running.app.repos.sources.list_all() == []  # nothing stored
    assert server.hits("/admin") == []  # nothing fetched
    assert not errors_logged(caplog)


async def test_a_poll_refuses_after_dns_and_on_every_redirect(
    server: FeedServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.add("/feed.xml", b"<rss><channel><title>secret</title></channel></rss>")
    guarded = IngestSettings(timeout_seconds=5, allow_private_addresses=False)
    port = server.base_url.rsplit(":", 1)[1]
    # A name that resolves to loopback is refused by the resolver, before any connection.
    async with Fetcher(guarded) as fetcher:
        with pytest.raises(AddressRefusedError, match="loopback"):
            await fetcher.fetch(f"http://localhost:{port}/feed.xml")
    # Every hop is checked: let the first (literal) hop through, the redirect is refused.
    from bot.ingest import fetch as fetch_module

    real = fetch_module.check_url
    seen: list[str] = []

    def first_hop_passes(url: str) -> None:
        seen.append(url)
        if len(seen) > 1:
            real(url)

    monkeypatch.setattr(fetch_module, "check_url", first_hop_passes)
    hops = await _redirector()
    try:
        for target in (f"http://127.0.0.1:{port}/feed.xml", f"http://localhost:{port}/feed.xml"):
            seen.clear()
            async with Fetcher(guarded) as fetcher:
                with pytest.raises(AddressRefusedError):
                    await fetcher.fetch(f"{hops[1]}/go?to={target}")
            assert len(seen) == 2  # the redirect was checked (a literal) or resolved (a name)
    finally:
        await hops[0].cleanup()
    assert server.hits("/feed.xml") == []
    monkeypatch.setattr(fetch_module, "check_url", real)
    # A stored source that points inside gets a one-line reason in last_error.
    db = await open_database(tmp_path / "db.sqlite3")
    try:
        repos = Repositories.over(db)
        ingestor = Ingestor(guarded, repos.sources, repos.articles)
        source, _ = await repos.sources.add(server.url("/feed.xml"), origin="db")
        [report] = await ingestor.poll_all()
        state = await repos.sources.get(source.id)
        assert state is not None and state.last_error is not None
        assert state.last_error.startswith("refused: 127.0.0.1 is a loopback address")
        assert "\n" not in state.last_error and report.error == state.last_error
        assert await repos.articles.latest() == []
    finally:
        await db.close()


async def _redirector() -> tuple[web.AppRunner, str]:
    """A server whose /go?to=URL answers 302 to URL."""

    async def go(request: web.Request) -> web.Response:
        raise web.HTTPFound(request.query["to"])

    app = web.Application()
    app.router.add_get("/go", go)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    return runner, f"http://127.0.0.1:{port}"


async def test_cli_ingest_follows_the_config(server: FeedServer, tmp_path: Path) -> None:
    feed = server.add("/feed.xml", _rss([_item("Новость", "https://r-19.ru/1", "Текст.")]))
    for allow, code, mark in ((False, 1, "FAIL"), (True, 0, "ok")):
        config = tmp_path / f"c{allow}.toml"
        config.write_text(
            f'[storage]\npath = "{tmp_path / "db.sqlite3"}"\n'
            f"[ingest]\nallow_private_addresses = {str(allow).lower()}\n",
            encoding="utf-8",
        )
        rc, out, err = await run_cli("ingest", "--config", str(config), feed)
        assert rc == code and out.startswith(mark), out + err
        if not allow:
            assert "refused: 127.0.0.1 is a loopback address" in out
        assert "Traceback" not in err


# --- 3. storage errors ----------------------------------------------------------------

CLI_COMMANDS = [("latest",), ("search", "форум"), ("db", "info"), ("db", "check")]


def _config(tmp_path: Path, db_path: Path) -> Path:
    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\npath = "{db_path}"\n', encoding="utf-8")
    return config


async def _cli_storage_error(config: Path, *args: str, expect: str) -> None:
    rc, out, err = await run_cli(*args, "--config", str(config))
    lines = [line for line in err.splitlines() if "AIOGRAM=" not in line]
    assert rc == 1, (args, out, err)
    assert len(lines) == 1 and lines[0].startswith("storage error:"), (args, err)
    assert expect in lines[0], lines[0]


async def test_cli_says_what_is_wrong_with_the_database(tmp_path: Path) -> None:
    not_db = tmp_path / "notes.sqlite3"
    not_db.write_bytes(b"these are someone's notes, not a database\n" * 200)
    folder = tmp_path / "folder.sqlite3"
    folder.mkdir()
    newer = tmp_path / "newer.sqlite3"
    db = await open_database(newer)
    await db.conn.execute("PRAGMA user_version = 999")
    await db.close()
    cases = [
        (not_db, "not an SQLite database"),
        (folder, "is a folder"),
        (newer, "schema version 999, newer than this release"),
    ]
    for path, expect in cases:
        config = _config(tmp_path, path)
        for args in [*CLI_COMMANDS, ("ingest", str(tmp_path / "none.xml"))]:
            await _cli_storage_error(config, *args, expect=expect)
    assert not_db.read_bytes().startswith(b"these are someone's notes")  # untouched


async def test_run_checks_the_database_at_start(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    db = await open_database(damaged)
    async with db.write() as conn:
        await conn.execute("CREATE TABLE filler (x TEXT)")
        await conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,) for _ in range(2000)])
    await db.close()
    for suffix in ("-wal", "-shm"):
        Path(str(damaged) + suffix).unlink(missing_ok=True)
    data = bytearray(damaged.read_bytes())
    page = 4096
    for start in range(len(data) // 2, len(data) // 2 + 3 * page, page):
        data[start + 8 : start + 200] = b"\xff" * 192  # scribble over b-tree page headers
    damaged.write_bytes(bytes(data))
    config = _config(tmp_path, damaged)
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", "--config", str(config),
        cwd=tmp_path, env=_env(BOT_TOKEN=TOKEN),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    _, err = await asyncio.wait_for(proc.communicate(), 60)
    lines = err.decode().strip().splitlines()
    assert proc.returncode == 1 and len(lines) == 1, err.decode()
    assert lines[0].startswith("storage error:") and "damaged" in lines[0]
    await _cli_storage_error(config, "db", "check", expect="damaged")


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)  # SQLite's own page limit
async def test_disk_full_fails_the_command_politely_and_loses_nothing(
    bot_app: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    running = await bot_app()
    await running.say("/subscribe Хакасия")
    before = await running.app.repos.subscriptions.list_for_chat(USER_ID)
    conn = running.app.db.conn
    pages = (await (await conn.execute("PRAGMA page_count")).fetchone())[0]  # type: ignore[index]
    await conn.execute(f"PRAGMA max_page_count = {pages}")
    # Another chat's rows fill the database to the cap: the next row needs a page.
    await running.app.repos.chats.upsert(777, "private", "filler", "ru")
    with pytest.raises(sqlite3.OperationalError, match="full"):
        for i in range(5000):
            await running.app.repos.subscriptions.subscribe(777, 0, f"RU-F{i}")
    try:
        [reply] = await running.say("/subscribe 14")
        assert "Всё, что уже сохранено, на месте" in reply["text"]
        [en] = await running.say("/subscribe 14", language_code="en")
        assert "The bot cannot use its database right now" in en["text"]
    finally:
        await conn.execute("PRAGMA max_page_count = 1073741823")
    after = await running.app.repos.subscriptions.list_for_chat(USER_ID)
    assert {s.region for s in before} <= {s.region for s in after}
    assert "RU-SA" not in {s.region for s in after}  # the failed write left nothing half-done
    # The logs say what is wrong in one line, with no traceback.
    storage_lines = [r for r in caplog.records if "storage:" in r.getMessage()]
    assert storage_lines and not any(r.exc_info for r in caplog.records)
    # The bot goes on once there is room again.
    [ok] = await running.say("/subscribe 14")
    assert "Подписка оформлена" in ok["text"] and "Саха" in ok["text"]


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)  # a read-only SQLite file
async def test_read_only_database_answers_politely(
    bot_app: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    running = await bot_app()
    await running.say("/start")
    await running.app.db.conn.execute("PRAGMA query_only = 1")
    try:
        [reply] = await running.say("/subscribe Хакасия")
        assert "базе данных" in reply["text"] and polite(reply["text"])
        [latest] = await running.say("/latest")  # reading still works
        assert polite(latest["text"])
    finally:
        await running.app.db.conn.execute("PRAGMA query_only = 0")
    assert not any(r.exc_info for r in caplog.records)


def test_storage_problems_are_named() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.execute("PRAGMA max_page_count = 2")
    with pytest.raises(sqlite3.Error) as full:
        conn.executemany("INSERT INTO t VALUES (?)", [("x" * 4000,)] * 50)
    assert storage_problem(full.value) == "the disk is full (database or disk is full)"
    conn.execute("PRAGMA query_only = 1")
    with pytest.raises(sqlite3.Error) as ro:
        conn.execute("INSERT INTO t VALUES ('y')")
    assert "read-only" in (storage_problem(ro.value) or "")
    with pytest.raises(sqlite3.Error) as bug:
        conn.execute("SELECT nonsense FROM nowhere")
    assert storage_problem(bug.value) is None  # a bug keeps its traceback
    assert storage_problem(ValueError("x")) is None


# --- 4. feed content ------------------------------------------------------------------


def _item(title: str, link: str | None, text: str, guid: str | None = None) -> str:
    parts = [f"<title>{escape(title)}</title>", f"<description>{escape(text)}</description>"]
    if link is not None:
        parts.append(f"<link>{escape(link)}</link>")
    if guid is not None:
        parts.append(f'<guid isPermaLink="false">{escape(guid)}</guid>')
    return "<item>" + "".join(parts) + "</item>"


def _rss(items: list[str], title: str = "Администрация города Абакана") -> bytes:
    body = "".join(items)
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://abakan.example/</link>{body}"
        "</channel></rss>"
    ).encode()


FAMILY = "👨\u200d👩\u200d👧"


async def test_feed_links_bidi_and_emoji_reach_subscribers_right(
    bot_app: Factory, server: FeedServer
) -> None:
    feed = server.url("/abakan.xml")  # empty (404) until the user has subscribed
    running = await bot_app(sources=[{"url": feed, "region": "RU-KK"}])
    await running.say("/subscribe Хакасия")
    await asyncio.sleep(1.1)  # pushes go to subscriptions older than the fetch (in seconds)
    server.add(
        "/abakan.xml",
        _rss(
            [
                _item("В Абакане открыли каток", "file:///etc/passwd", "В Абакане открыли каток."),
                _item(
                    "В Абакане \u202eвыборы\u202c прошли\u200b спокойно",
                    "https://abakan.example/2",
                    "В Абакане прошли выборы в городской совет.",
                ),
                _item(
                    f"Семейный праздник {FAMILY} в Абакане",
                    "https://abakan.example/3",
                    "В Абакане прошёл семейный праздник.",
                ),
                _item("В Абакане ремонт", "ftp://abakan.example/4", "В Абакане начался ремонт."),
            ]
        ),
    )
    await running.app.poll_now()
    pushes = await running.emulator.wait_messages(USER_ID, 1 + 4, timeout=15)
    texts = [m["text"] for m in pushes[1:]]
    links = [e.get("url", "") for m in pushes[1:] for e in m.get("entities") or []]
    assert all(u.startswith("https://") for u in links if u), links
    assert not any(u.startswith(("file:", "ftp:")) for u in links)
    assert any("каток" in t for t in texts) and any("ремонт" in t for t in texts)
    joined = "\n".join(texts)
    assert not any(ch in joined for ch in BIDI + "\u200b")
    assert "выборы прошли спокойно" in joined
    assert FAMILY in joined  # the family stays one emoji
    stored = {a.title: a for a in await running.app.repos.articles.latest()}
    assert stored["В Абакане открыли каток"].url.startswith("urn:newsbot:item:")
    assert "<a " not in render_push(stored["В Абакане открыли каток"], "ru")


def test_invisible_characters() -> None:
    assert clean_title("Флаг 🏳️\u200d🌈 и 🧑🏽\u200d💻") == "Флаг 🏳️\u200d🌈 и 🧑🏽\u200d💻"
    assert clean_title("Стр\u200dанный\u200c текст\u2060") == "Странный текст"
    assert clean_title("\u2067Абакан\u2069 \u202dсессия\u202c") == "Абакан сессия"
    assert clean_title("abc\u200e def\u200f") == "abc def"
    assert "\u200f" in tidy("שלום\u200f Абакан")  # RLM stays in right-to-left text
    assert tidy("می\u200cخواهم") == "می\u200cخواهم"  # Persian ZWNJ
    assert tidy("क्\u200dष") == "क्\u200dष"  # Devanagari ZWJ


# --- 5. near copies --------------------------------------------------------------------

SCHOOL = (
    "Администрация города Черногорска сообщает: в микрорайоне Южный начали строительство "
    "новой школы на 1100 мест, работы планируют завершить к осени следующего года."
)
KINDERGARTEN = SCHOOL.replace("новой школы на 1100 мест", "детского сада на 300 мест")


async def test_two_short_items_with_other_facts_are_two_articles(
    bot_app: Factory, server: FeedServer
) -> None:
    feed = server.url("/town.xml")  # empty (404) until the user has subscribed
    running = await bot_app(sources=[{"url": feed, "region": "RU-KK"}])
    await running.say("/subscribe Хакасия")
    await asyncio.sleep(1.1)  # pushes go to subscriptions older than the fetch (in seconds)
    server.add(
        "/town.xml",
        _rss(
            [
                _item("Строят школу", "https://chernogorsk.example/1", SCHOOL),
                _item("Строят детский сад", "https://chernogorsk.example/2", KINDERGARTEN),
            ]
        ),
    )
    await running.app.poll_now()
    pushes = await running.emulator.wait_messages(USER_ID, 3, timeout=15)
    joined = "\n".join(m["text"] for m in pushes)
    assert "Строят школу" in joined and "Строят детский сад" in joined
    [latest] = await running.say("/latest")
    assert "Строят школу" in latest["text"] and "Строят детский сад" in latest["text"]


def test_near_copy_rules() -> None:
    assert not is_near_copy(SCHOOL, KINDERGARTEN)
    assert is_near_copy(SCHOOL, SCHOOL)
    long_text = " ".join([SCHOOL] * 3) + " Подробности на сайте администрации города Черногорска."
    edited = long_text.replace("планируют завершить", "собираются завершить", 1)
    assert is_near_copy(long_text, edited)  # the same release, reworded a little
    other_number = long_text.replace("1100", "1200")
    assert not is_near_copy(long_text, other_number)
    other_town = long_text.replace("Черногорска", "Саяногорска")
    assert not is_near_copy(long_text, other_town)


# --- 6. the demo ------------------------------------------------------------------------


def test_demo_survives_broken_utf8(tmp_path: Path) -> None:
    script = (
        b"/start\n/search \xd1\x84\xd0\n"
        + b"/search "
        + ("ф" * 2500).encode()[:-1]  # a pasted 5 KB line cut mid-character
        + b"\n\xc2\xb2\n/help\n/quit\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "bot", "demo"],
        input=script, capture_output=True, cwd=tmp_path, timeout=180, check=False,
        env=_env(HOME=str(tmp_path)),
    )  # fmt: skip
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert "Traceback" not in result.stderr.decode()
    assert "вы: /search ф\ufffd" in out
    assert "/search" in out[out.index("вы: /help") :]  # /help answered after the broken lines
    assert out.rstrip().endswith("Демо завершено.")


def test_demo_quit_ends_at_once_while_an_answer_is_pending(tmp_path: Path) -> None:
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "demo"],
        stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path,
        env=_env(HOME=str(tmp_path)),
    )  # fmt: skip
    os.close(slave)
    try:
        assert proc.stdout is not None
        seen = b""
        deadline = time.monotonic() + 120
        while b"/quit" not in seen and time.monotonic() < deadline:
            ready, _, _ = select.select([proc.stdout], [], [], 0.5)
            if ready:
                seen += os.read(proc.stdout.fileno(), 65536)
        assert b"/quit" in seen, seen.decode(errors="replace")
        os.write(master, b"/search \xd1\x84\xd0\n/publish\n")
        time.sleep(0.5)  # /publish polls the feeds and settles for up to 20 s
        asked = time.monotonic()
        os.write(master, b"/quit\n")
        out, err = proc.communicate(timeout=30)
        assert time.monotonic() - asked < 10
        assert proc.returncode == 0, err.decode()[-2000:]
        assert (seen + out).decode().rstrip().endswith("Демо завершено.")
        assert b"Traceback" not in err and b"Fatal Python error" not in err
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
            proc.wait()


# --- 7. fuzzing -------------------------------------------------------------------------

COMMANDS = [
    "/start", "/help", "/regions", "/subscribe", "/unsubscribe", "/my", "/latest", "/search",
    "/events", "/event", "/summary", "/settings", "/settings tz", "/settings quiet",
    "/settings time", "/filter",
]  # fmt: skip
_CHARS = st.sampled_from(NASTY + "0123456789 RU-KKhakas")
# Digits of every kind: «²» and «٣» pass isdigit() (and «٣» even int()).
NUMBERISH = st.text(alphabet=st.sampled_from("0123456789²³¹⁰٣१０"), min_size=1, max_size=3)
ARGS = st.one_of(
    NUMBERISH,
    st.tuples(st.sampled_from(["Хакасия ", "19 ", "tz ", ""]), NUMBERISH).map("".join),
    st.text(alphabet=st.sampled_from(NASTY + "0123456789"), min_size=1, max_size=3),
    st.tuples(st.sampled_from(["Хакасия ", "19 ", "Asia/", "America/", ""]), st.text(_CHARS)).map(
        "".join
    ),
    st.text(alphabet=_CHARS, max_size=300),
)
PREFIXES = ["lt:", "sr:", "rg:", "rg:t:", "rg:d:", "my:rm:", "sg:s:", "st:", "ev:", "evl:", ""]
B36ISH = st.text(alphabet="0123456789abcdefghijklmnopqrstuvwxyz²:-*@RUK", max_size=40)


class Runner:
    """Runs the app's coroutines on its own loop from hypothesis' thread."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop

    def __call__(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout=60)


async def test_fuzz_commands(bot_app: Factory, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    running = await bot_app()
    await running.say("/subscribe Хакасия")
    run = Runner(asyncio.get_running_loop())

    @settings(FUZZ, max_examples=100)
    @given(command=st.sampled_from(COMMANDS), args=ARGS, english=st.booleans())
    def one(command: str, args: str, english: bool) -> None:
        text = f"{command} {args}".strip()
        since = len(caplog.records)
        user = EN_USER_ID if english else USER_ID
        [reply] = run(running.say(text, user_id=user, language_code="en" if english else "ru"))
        assert polite(reply.get("text") or ""), (text, reply.get("text"))
        assert not errors_logged(caplog, since), text

    await asyncio.to_thread(one)
    await _assert_settings_sane(running, (USER_ID, EN_USER_ID))


async def _assert_settings_sane(running: RunningApp, chats: tuple[int, ...]) -> None:
    from bot.delivery.quiet_hours import valid_timezone

    for chat in chats:
        for sub in await running.app.repos.subscriptions.list_for_chat(chat):
            assert sub.region == "*" or by_code(sub.region) is not None
        current = await running.app.repos.subscriptions.get_settings(chat)
        assert current.timezone is None or valid_timezone(current.timezone)


async def test_fuzz_callback_data(bot_app: Factory, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    running = await bot_app()
    [menu] = await running.say("/regions")
    run = Runner(asyncio.get_running_loop())

    @FUZZ
    @given(prefix=st.sampled_from(PREFIXES), rest=B36ISH)
    def one(prefix: str, rest: str) -> None:
        data = (prefix + rest).encode()[:64].decode(errors="ignore") or "x"
        since = len(caplog.records)
        answer = run(running.press(menu, data))
        assert answer["answered"], data
        assert not any(o in (answer.get("text") or "") for o in OOPS), data
        assert not errors_logged(caplog, since), data

    await asyncio.to_thread(one)
    await _assert_settings_sane(running, (USER_ID,))


async def test_fuzz_inline_queries_and_offsets(
    bot_app: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    running = await bot_app()
    run = Runner(asyncio.get_running_loop())

    @FUZZ
    @given(query=ARGS, offset=st.one_of(B36ISH, st.just(""), B36ISH.map(lambda s: "L" + s)))
    def one(query: str, offset: str) -> None:
        since = len(caplog.records)
        answer = run(running.inline(query, offset=offset[:64]))
        assert answer["answered"], (query, offset)
        assert not errors_logged(caplog, since), (query, offset)

    await asyncio.to_thread(one)


TITLES = st.text(alphabet=st.sampled_from(NASTY + "Абакан новость <>&"), max_size=120)
LINKS = st.one_of(
    st.sampled_from(
        [
            "file:///etc/passwd", "javascript:alert(1)", "data:text/html,x", "ftp://a.ru/x",
            "mailto:a@b.ru", "//a.ru/x", "/relative", "https://ок.рф/новость", "http://[::1]/x",
            "https://a.ru/x?utm_source=1#f", "https://a.ru:99999/x", "",
        ]
    ),
    st.text(alphabet=st.sampled_from("htps:/.a-z0123456789?#%\u202e"), max_size=40),
)  # fmt: skip
DATES = st.one_of(
    st.sampled_from(
        ["Mon, 01 Jan 2091 10:00:00 GMT", "not a date", "Sat, 01 Jan 1972 00:00:00 GMT",
         "2024-02-30T25:61:00Z", "Tue, 10 Jun 2025 08:00:00 +0300", ""]
    ),
    st.text(max_size=30),
)  # fmt: skip


def _fuzz_item(title: str, link: str, date: str, text: str) -> str:
    safe = "".join(ch for ch in date if ch.isprintable())
    return _item(title, link, text)[:-7] + f"<pubDate>{escape(safe)}</pubDate></item>"


def _xml_safe(text: str) -> str:
    return "".join(ch for ch in text if ch in "\t\n" or (ord(ch) >= 32 and ch != "\ufffe"))


@FUZZ
@given(
    items=st.lists(
        st.tuples(TITLES, LINKS, DATES, TITLES.map(lambda t: t * 3)), min_size=1, max_size=5
    )
)
def test_fuzz_feed_items_pure(items: list[tuple[str, str, str, str]]) -> None:
    from datetime import UTC, datetime

    body = _rss([_fuzz_item(*(_xml_safe(p) for p in item)) for item in items])
    parsed = parse_document(body.decode(), url="https://abakan.example/rss")
    now = datetime(2026, 3, 2, 12, tzinfo=UTC)
    candidates, _ = prepare_items(parsed, base_url="https://abakan.example/rss", fetched_at=now)
    for c in candidates:
        assert c.url.startswith(("https://", "http://", "urn:newsbot:item:")), c.url
        assert not any(ch in c.title for ch in BIDI + "\u200b\u2060\ufeff"), c.title
        assert c.published_at <= now


async def test_fuzz_feed_items_stored(tmp_path: Path) -> None:
    db = await open_database(tmp_path / "fuzz.sqlite3")
    loop = asyncio.get_running_loop()
    run = Runner(loop)
    try:
        repos = Repositories.over(db)
        ingestor = Ingestor(IngestSettings(), repos.sources, repos.articles)
        seed = tmp_path / "seed.xml"
        seed.write_bytes(_rss([_item("Первая новость", "https://abakan.example/1", SCHOOL)]))
        await ingestor.read_locations([str(seed)])
        kept = await db.fetchall("SELECT id, url, title, text FROM articles ORDER BY id")
        feed = tmp_path / "feed.xml"

        @settings(FUZZ, max_examples=40)
        @given(
            items=st.lists(
                st.tuples(TITLES, LINKS, DATES, TITLES.map(lambda t: t * 3)),
                min_size=1,
                max_size=4,
            )
        )
        def one(items: list[tuple[str, str, str, str]]) -> None:
            feed.write_bytes(_rss([_fuzz_item(*(_xml_safe(p) for p in i)) for i in items]))
            [report] = run(ingestor.read_locations([str(feed)]))
            assert report.ok or report.error, report
            rows = run(db.fetchall("SELECT id, url, title, text FROM articles ORDER BY id"))
            assert [tuple(r) for r in rows[: len(kept)]] == [tuple(r) for r in kept]
            for row in rows:
                assert str(row["url"]).startswith(("http://", "https://", "urn:newsbot:item:"))

        await asyncio.to_thread(one)
    finally:
        await db.close()


def test_settings_for_tests_allow_local_feeds(tmp_path: Path) -> None:
    base = make_settings("http://127.0.0.1:1", tmp_path / "x.sqlite3")
    assert base.ingest.allow_private_addresses
    strict = make_settings(
        "http://127.0.0.1:1", tmp_path / "x.sqlite3", ingest={"allow_private_addresses": False}
    )
    assert not strict.ingest.allow_private_addresses
