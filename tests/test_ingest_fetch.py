"""Fetching over real HTTP: limits, redirects, gzip, conditional GET, charsets, local files."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from bot.config import IngestSettings
from bot.errors import FetchError
from bot.ingest.fetch import DEFAULT_USER_AGENT, Fetcher, expand_location, read_local_file
from bot.ingest.parse import decode
from tests.support.feeds import FEEDS, FeedServer


def settings(**kw: object) -> IngestSettings:
    # The local feed server is on 127.0.0.1: allowed here (the guard has its own tests).
    base: dict[str, object] = {
        "timeout_seconds": 5,
        "max_bytes": 1_000_000,
        "allow_private_addresses": True,
    }
    return IngestSettings(**(base | kw))  # type: ignore[arg-type]


async def test_plain_fetch_sends_an_honest_user_agent(server: FeedServer) -> None:
    url = server.add_file("/cp1251.xml", FEEDS / "rss20_cp1251.xml")
    async with Fetcher(settings()) as f:
        result = await f.fetch(url)
    assert result.status == 200 and result.body == (FEEDS / "rss20_cp1251.xml").read_bytes()
    assert result.content_type == "application/rss+xml"
    [headers] = server.hits("/cp1251.xml")
    assert headers["User-Agent"] == DEFAULT_USER_AGENT
    assert DEFAULT_USER_AGENT.startswith("newsbot/")
    assert "gzip" in headers["Accept-Encoding"]
    async with Fetcher(settings(user_agent="city-portal-bot/2.0")) as f:
        await f.fetch(url)
    assert server.hits("/cp1251.xml")[-1]["User-Agent"] == "city-portal-bot/2.0"


async def test_gzip_is_decompressed(server: FeedServer) -> None:
    body = (FEEDS / "atom.xml").read_bytes()
    url = server.add("/atom.xml", body, gzip=True, content_type="application/atom+xml")
    async with Fetcher(settings()) as f:
        result = await f.fetch(url)
    assert result.body == body


async def test_conditional_get_with_etag_and_last_modified(server: FeedServer) -> None:
    url = server.add("/e.xml", "<rss/>", etag='"abc"')
    lm = "Tue, 24 Nov 2026 10:00:00 GMT"
    url2 = server.add("/m.xml", "<rss/>", last_modified=lm)
    async with Fetcher(settings()) as f:
        first = await f.fetch(url)
        assert first.etag == '"abc"' and not first.not_modified
        again = await f.fetch(url, etag=first.etag)
        assert again.not_modified and again.body == b"" and again.etag == '"abc"'
        by_date = await f.fetch(url2)
        assert by_date.last_modified == lm
        unchanged = await f.fetch(url2, last_modified=lm)
        assert unchanged.not_modified and unchanged.last_modified == lm
    assert server.hits("/e.xml")[1]["If-None-Match"] == '"abc"'
    assert server.hits("/m.xml")[1]["If-Modified-Since"] == lm


async def test_charset_from_the_header(server: FeedServer) -> None:
    text = "<rss version='2.0'><channel><title>Новости Тувы</title></channel></rss>"
    url = server.add("/h.xml", text.encode("cp1251"), content_type="text/xml; charset=windows-1251")
    async with Fetcher(settings()) as f:
        result = await f.fetch(url)
    assert result.charset == "windows-1251"
    assert "Новости Тувы" in decode(result.body, result.charset)


async def test_redirects_are_followed_within_the_limit(server: FeedServer) -> None:
    server.add_file("/cp1251.xml", FEEDS / "rss20_cp1251.xml")
    async with Fetcher(settings(max_redirects=5)) as f:
        result = await f.fetch(server.url("/hop/3"))
    assert result.final_url == server.url("/cp1251.xml")
    async with Fetcher(settings(max_redirects=2)) as f:
        with pytest.raises(FetchError, match="too many redirects"):
            await f.fetch(server.url("/hop/3"))


async def test_a_redirect_loop_fails_fast(server: FeedServer) -> None:
    async with Fetcher(settings(max_redirects=5)) as f:
        with pytest.raises(FetchError, match="too many redirects"):
            await f.fetch(server.url("/loop/1"))
    assert len(server.hits("/loop/1")) + len(server.hits("/loop/2")) <= 6


async def test_a_server_that_never_answers_times_out(server: FeedServer) -> None:
    started = time.monotonic()
    async with Fetcher(settings(timeout_seconds=0.3)) as f:
        with pytest.raises(FetchError, match="timed out"):
            await f.fetch(server.url("/slow"))
    assert time.monotonic() - started < 3


async def test_oversized_bodies_are_cut_off(server: FeedServer) -> None:
    cap = 200_000
    big = server.add("/big.xml", b"<rss>" + b"x" * (cap + 10))
    async with Fetcher(settings(max_bytes=cap)) as f:
        with pytest.raises(FetchError, match="too large"):
            await f.fetch(big)  # Content-Length declared
        started = time.monotonic()
        with pytest.raises(FetchError, match="too large"):
            await f.fetch(server.url("/endless"))  # no length: stopped while reading
        assert time.monotonic() - started < 3
        with pytest.raises(FetchError, match="declared"):
            await f.fetch(server.url("/liar"))


async def test_a_gzip_bomb_is_capped_after_decompression(server: FeedServer) -> None:
    cap = 100_000
    url = server.add("/bomb.xml", b"<rss>" + b" " * 5_000_000, gzip=True)
    async with Fetcher(settings(max_bytes=cap)) as f:
        with pytest.raises(FetchError, match="too large"):
            await f.fetch(url)


async def test_http_errors_and_unreachable_hosts(server: FeedServer) -> None:
    server.add("/gone.xml", "gone", status=410)
    async with Fetcher(settings(timeout_seconds=2)) as f:
        with pytest.raises(FetchError, match="HTTP 404"):
            await f.fetch(server.url("/missing.xml"))
        with pytest.raises(FetchError, match="HTTP 410"):
            await f.fetch(server.url("/gone.xml"))
        with pytest.raises(FetchError, match="network error"):
            await f.fetch("http://127.0.0.1:9/closed-port")
        with pytest.raises(FetchError):
            await f.fetch("http://exa mple.ru/")


async def test_per_host_concurrency_limit(server: FeedServer) -> None:
    server.delay = 0.15
    urls = [server.add(f"/c{i}.xml", "<rss/>") for i in range(6)]
    async with Fetcher(settings(per_host_connections=2)) as f:
        await asyncio.gather(*(f.fetch(u) for u in urls))
    assert server.max_in_flight == 2


async def test_local_files_and_folders(tmp_path: Path) -> None:
    result = read_local_file(str(FEEDS / "atom.xml"), 1_000_000)
    assert result.content_type == "application/xml"
    assert result.final_url.startswith("file:///")
    uri = (FEEDS / "atom.xml").resolve().as_uri()
    async with Fetcher(settings()) as f:
        assert (await f.fetch(uri)).body == result.body
        with pytest.raises(FetchError, match="no such file"):
            await f.fetch(str(tmp_path / "nope.xml"))
        with pytest.raises(FetchError, match="too large"):
            (tmp_path / "big.xml").write_bytes(b"x" * 2_000_000)
            await f.fetch(str(tmp_path / "big.xml"))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.xml").write_text("<rss/>")
    (tmp_path / ".hidden").write_text("x")
    found = expand_location(str(tmp_path))
    assert found == [str(tmp_path / "big.xml"), str(tmp_path / "sub" / "b.xml")]
    assert expand_location("https://x.example/rss") == ["https://x.example/rss"]
