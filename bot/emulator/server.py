"""The HTTP side: Bot API routes, serving, and `serve_forever` for the CLI."""

from __future__ import annotations

import asyncio
import json
import logging
import re
from typing import Any

from aiohttp import web

from bot.emulator.control import add_routes
from bot.emulator.errors import ApiError
from bot.emulator.records import JSON
from bot.emulator.request import JSON_TYPE, read_params
from bot.emulator.world import World

log = logging.getLogger("bot.emulator")

_TOKEN = re.compile(r"[0-9]{1,20}:[A-Za-z0-9_-]{1,200}")
_NOT_FOUND = ApiError(404, "Not Found")
_METHOD_NOT_FOUND = ApiError(404, "Not Found: method not found")
_UNAUTHORIZED = ApiError(401, "Unauthorized")
_DROPPED = 0  # call-log status of a connection closed without an answer


def _json_response(payload: JSON, status: int = 200) -> web.Response:
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    return web.Response(body=body, status=status, content_type=JSON_TYPE, charset="utf-8")


class Emulator(World):
    """A Telegram Bot API server on 127.0.0.1, plus in-process control methods."""

    def __init__(
        self,
        *,
        bot_username: str = "newsbot_test_bot",
        bot_first_name: str = "NewsBot",
        token: str | None = None,
        call_log_size: int = 100_000,
    ) -> None:
        super().__init__(
            bot_username=bot_username,
            bot_first_name=bot_first_name,
            token=token,
            call_log_size=call_log_size,
        )
        self._token_ids: dict[str, int] = {}
        self._runner: web.AppRunner | None = None
        self.base_url: str | None = None

    def make_app(self) -> web.Application:
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_route("*", "/file/bot{token}/{path:.*}", self._handle_file)
        add_routes(app, self)
        return app

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve on host:port (0 = a free port); returns the base URL."""
        if self._runner is not None:
            raise RuntimeError("emulator already started")
        self.open_waits()
        # No access log: it would cost more than the request itself.
        runner = web.AppRunner(self.make_app(), access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, host, port)
        await site.start()
        self._runner = runner
        sockets = runner.addresses
        bound_port = sockets[0][1] if sockets else port
        self.base_url = f"http://{host}:{bound_port}"
        return self.base_url

    async def stop(self) -> None:
        """End long polls and waits, then close the server."""
        self.close_waits()
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()
        self.base_url = None

    async def __aenter__(self) -> Emulator:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    def _check_token(self, token: str) -> None:
        bot_id = self._token_ids.get(token)
        if bot_id is None:
            if not _TOKEN.fullmatch(token):
                raise _NOT_FOUND
            if self.token is not None and token != self.token:
                raise _UNAUTHORIZED
            bot_id = int(token.split(":", 1)[0])
            self._token_ids[token] = bot_id
        self.profile.bot_id = bot_id

    async def _handle_api(self, request: web.Request) -> web.StreamResponse:
        stats = self.stats
        stats.requests += 1
        method_name = request.match_info["method"]
        params: JSON = {}
        try:
            self._check_token(request.match_info["token"])
            entry = self.lookup_method(method_name)
            if entry is None:
                stats.by_method[method_name] += 1
                raise _METHOD_NOT_FOUND
            method_name, handler, is_async = entry
            stats.by_method[method_name] += 1
            params = await read_params(request)
            if self.faults:
                fault = self.take_fault(method_name.lower(), params)
                if fault is not None:
                    if fault.kind == "drop":
                        self.record_call(method_name, params, _DROPPED, "connection dropped")
                        return self._drop(request)
                    if fault.kind == "slow":
                        await asyncio.sleep(fault.delay_seconds)
                    else:
                        raise self.fault_error(fault, params)
            result: Any = await handler(params) if is_async else handler(params)
        except ApiError as exc:
            self.record_call(method_name, params, exc.error_code, exc.description)
            return _json_response(exc.payload(), exc.error_code)
        self.record_call(method_name, params, 200, None)
        return _json_response({"ok": True, "result": result})

    @staticmethod
    def _drop(request: web.Request) -> web.StreamResponse:
        # Abort the socket: the client sees a disconnect, never an HTTP answer.
        transport = request.transport
        if transport is not None:
            transport.abort()
        return web.Response(status=500)

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        try:
            self._check_token(request.match_info["token"])
        except ApiError as exc:
            return _json_response(exc.payload(), exc.error_code)
        stored = self.files.download(request.match_info["path"])
        if stored is None:
            return _json_response(_NOT_FOUND.payload(), 404)
        return web.Response(
            body=stored.data, content_type=stored.mime_type or "application/octet-stream"
        )


async def serve_forever(host: str = "127.0.0.1", port: int = 8081, **options: Any) -> None:
    """Run an emulator until cancelled (the CLI's `python -m bot emulator`)."""
    emulator = Emulator(**options)
    url = await emulator.start(host, port)
    log.info("Telegram Bot API emulator listening on %s (control API: %s/_emulator/)", url, url)
    try:
        await asyncio.Event().wait()
    finally:
        await emulator.stop()
        log.info("Telegram Bot API emulator stopped")
