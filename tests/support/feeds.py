"""A real local HTTP server for the ingest tests: feeds, pages and faults.

``FeedServer`` serves files and byte strings on 127.0.0.1 with ETag/Last-Modified
handling, gzip, redirects (bounded or looping), slow and endless responses, and records
every request it sees (path, headers) so tests can assert what the fetcher sent. The
``server`` fixture in ``tests/conftest.py`` starts one per test.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import web

FEEDS = Path(__file__).resolve().parent.parent / "data" / "feeds"  # small feeds kept in the repo


@dataclass
class Resource:
    body: bytes
    content_type: str = "application/rss+xml"
    etag: str | None = None
    last_modified: str | None = None
    gzip: bool = False
    status: int = 200


@dataclass
class FeedServer:
    resources: dict[str, Resource] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0
    delay: float = 0.0
    # (path, start, end) of every served request, loop.time() seconds: pacing checks
    timings: list[tuple[str, float, float]] = field(default_factory=list)
    _runner: web.AppRunner | None = None
    _stopping: asyncio.Event = field(default_factory=asyncio.Event)
    base_url: str = ""

    def add(self, path: str, body: bytes | str, **kwargs: object) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.resources[path] = Resource(data, **kwargs)  # type: ignore[arg-type]
        return self.url(path)

    def add_file(self, path: str, file: Path, **kwargs: object) -> str:
        return self.add(path, file.read_bytes(), **kwargs)

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def hits(self, path: str) -> list[dict[str, str]]:
        return [headers for p, headers in self.requests if p == path]

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/loop/{n}", self._loop)
        app.router.add_get("/hop/{n}", self._hop)
        app.router.add_get("/slow", self._slow)
        app.router.add_get("/endless", self._endless)
        app.router.add_get("/liar", self._liar)
        app.router.add_get("/{tail:.*}", self._serve)
        self._runner = web.AppRunner(app, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{port}"

    async def stop(self) -> None:
        self._stopping.set()
        if self._runner is not None:
            await self._runner.cleanup()

    def _record(self, request: web.Request) -> None:
        self.requests.append((request.path_qs, dict(request.headers)))

    async def _serve(self, request: web.Request) -> web.StreamResponse:
        self._record(request)
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        started = asyncio.get_running_loop().time()
        try:
            if self.delay:
                await asyncio.sleep(self.delay)
            res = self.resources.get(request.path)
            if res is None:
                return web.Response(status=404, text="not found")
            headers: dict[str, str] = {}
            if res.etag:
                headers["ETag"] = res.etag
            if res.last_modified:
                headers["Last-Modified"] = res.last_modified
            if (res.etag and request.headers.get("If-None-Match") == res.etag) or (
                res.last_modified and request.headers.get("If-Modified-Since") == res.last_modified
            ):
                return web.Response(status=304, headers=headers)
            body = res.body
            if res.gzip:
                body = gzip.compress(body)
                headers["Content-Encoding"] = "gzip"
            headers["Content-Type"] = res.content_type
            return web.Response(status=res.status, body=body, headers=headers)
        finally:
            self.in_flight -= 1
            self.timings.append((request.path, started, asyncio.get_running_loop().time()))

    async def _loop(self, request: web.Request) -> web.Response:
        # /loop/1 -> /loop/2 -> /loop/1 ... forever.
        self._record(request)
        nxt = 2 if request.match_info["n"] == "1" else 1
        raise web.HTTPFound(f"/loop/{nxt}")

    async def _hop(self, request: web.Request) -> web.Response:
        # /hop/3 -> /hop/2 -> /hop/1 -> /hop/0 -> /cp1251.xml
        self._record(request)
        n = int(request.match_info["n"])
        raise web.HTTPMovedPermanently(f"/hop/{n - 1}" if n > 0 else "/cp1251.xml")

    async def _slow(self, request: web.Request) -> web.Response:
        # A server that accepts the request and never answers (until the test ends).
        self._record(request)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), 30)
        return web.Response(text="too late")

    async def _endless(self, request: web.Request) -> web.StreamResponse:
        # Hundreds of megabytes without a Content-Length; stops when the client hangs up.
        self._record(request)
        resp = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        await resp.prepare(request)
        chunk = b"<item><title>x</title></item>" * 2000
        sent = 0
        try:
            while sent < 300_000_000 and not self._stopping.is_set():
                await resp.write(chunk)
                sent += len(chunk)
        except (ConnectionResetError, ConnectionError):
            pass
        return resp

    async def _liar(self, request: web.Request) -> web.StreamResponse:
        # Declares a gigabyte up front.
        self._record(request)
        resp = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        resp.content_length = 1_000_000_000
        await resp.prepare(request)
        try:
            await resp.write(b"<rss>")
            await asyncio.wait_for(self._stopping.wait(), 5)
        except (ConnectionResetError, ConnectionError, TimeoutError):
            pass
        return resp
