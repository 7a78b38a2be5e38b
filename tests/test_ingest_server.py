"""The test feed server (:class:`tests.support.feeds.FeedServer`) checks itself."""

from __future__ import annotations

import aiohttp

from tests.support.feeds import FeedServer


async def test_the_server_serves_etags_and_gzip(server: FeedServer) -> None:
    """The feed server gzips on request and answers 304 to a matching If-None-Match."""
    url = server.add("/a.xml", "<rss/>", etag='"v1"', gzip=True)
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as resp:
            assert resp.status == 200
            assert await resp.text() == "<rss/>"
            assert resp.headers["Content-Encoding"] == "gzip"
        async with session.get(url, headers={"If-None-Match": '"v1"'}) as resp:
            assert resp.status == 304
    assert len(server.hits("/a.xml")) == 2
