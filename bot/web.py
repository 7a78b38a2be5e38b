"""The bot's HTTP face: the webhook endpoint, ``/healthz`` and ``/metrics``.

One aiohttp server per process. With ``[webhook] url`` set it listens on
``webhook.listen`` and serves aiogram's webhook handler (updates without the right
``X-Telegram-Bot-Api-Secret-Token`` are refused) next to the two operations endpoints;
when polling, ``[http] listen`` serves the operations endpoints alone.

* ``/healthz``: 200 ``{"status": "ok", ...}`` when the database answers and the outbox is
  not stuck; 503 with the same fields otherwise (database unreachable, or the oldest due
  delivery has waited more than :data:`OUTBOX_STUCK_SECONDS`);
* ``/metrics``: Prometheus text format (a registry per app, so tests can run several).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from aiogram import BaseMiddleware, Bot, Dispatcher
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import TelegramMethod
from aiogram.methods.base import Response, TelegramType
from aiogram.types import TelegramObject, Update
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    generate_latest,
)

from storage.repos import Repositories

__all__ = ["OUTBOX_STUCK_SECONDS", "Metrics", "WebServer", "health"]

log = logging.getLogger(__name__)

OUTBOX_STUCK_SECONDS = 600
_SEND_METHODS = frozenset({"SendMessage", "SendPhoto", "CopyMessage", "SendDocument"})


class Metrics:
    """The process's counters and gauges, in a registry of its own."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.updates = Counter(
            "newsbot_updates", "Telegram updates handled, by type", ["type"], registry=r
        )
        self.sent = Counter(
            "newsbot_messages_sent", "Send calls to Telegram, by outcome", ["outcome"], registry=r
        )
        self.too_many = Counter(
            "newsbot_telegram_429", "Answers 429 Too Many Requests from Telegram", registry=r
        )
        self.ingested = Counter(
            "newsbot_ingest_items", "New articles stored (copies not counted)", registry=r
        )
        self.outbox_pending = Gauge(
            "newsbot_outbox_pending", "Deliveries due and not yet sent", registry=r
        )
        self.outbox_lag = Gauge(
            "newsbot_outbox_lag_seconds", "How long the oldest due delivery has waited", registry=r
        )
        self.sources_failing = Gauge(
            "newsbot_sources_failing", "Enabled sources whose last poll failed", registry=r
        )
        self.sources_enabled = Gauge("newsbot_sources_enabled", "Enabled sources", registry=r)
        self.leader = Gauge(
            "newsbot_leader",
            "1 while this instance holds the leader lock (runs the jobs and sends), else 0",
            registry=r,
        )

    async def refresh(self, repos: Repositories) -> None:
        """Read the gauges from the database (at scrape time)."""
        outbox = await repos.stats.outbox()
        self.outbox_pending.set(outbox.pending)
        self.outbox_lag.set(outbox.lag_seconds)
        sources = await repos.stats.sources_state()
        self.sources_failing.set(sources.failing)
        self.sources_enabled.set(sources.enabled)

    def render(self) -> bytes:
        return generate_latest(self.registry)


class UpdateCounter(BaseMiddleware):
    """Outer middleware on updates: counts each by its type."""

    def __init__(self, metrics: Metrics) -> None:
        self.metrics = metrics

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if isinstance(event, Update):
            self.metrics.updates.labels(event.event_type).inc()
        return await handler(event, data)


class SendCounter(BaseRequestMiddleware):
    """Session middleware: counts every send call by outcome, and every 429."""

    def __init__(self, metrics: Metrics) -> None:
        self.metrics = metrics

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        is_send = type(method).__name__ in _SEND_METHODS
        try:
            response = await make_request(bot, method)
        except TelegramRetryAfter:
            self.metrics.too_many.inc()
            if is_send:
                self.metrics.sent.labels("retry_after").inc()
            raise
        except TelegramForbiddenError:
            if is_send:
                self.metrics.sent.labels("forbidden").inc()
            raise
        except TelegramBadRequest:
            if is_send:
                self.metrics.sent.labels("bad_request").inc()
            raise
        except (TelegramServerError, TelegramNetworkError):
            if is_send:
                self.metrics.sent.labels("unavailable").inc()
            raise
        if is_send:
            self.metrics.sent.labels("ok").inc()
        return response


async def health(repos: Repositories) -> tuple[bool, dict[str, Any]]:
    """(healthy, the fields /healthz shows)."""
    try:
        await repos.stats.ping()
        outbox = await repos.stats.outbox()
        sources = await repos.stats.sources_state()
    except Exception as exc:  # noqa: BLE001 - any database failure makes the process unhealthy
        log.warning("health check: database unreachable: %r", exc)
        return False, {"status": "fail", "database": "unreachable"}
    last = sources.last_success_at
    body = {
        "status": "ok",
        "database": "ok",
        "last_poll": last.isoformat() if last else None,
        "last_poll_age_seconds": int((datetime.now(UTC) - last).total_seconds()) if last else None,
        "sources_enabled": sources.enabled,
        "sources_failing": sources.failing,
        "outbox_pending": outbox.pending,
        "outbox_lag_seconds": outbox.lag_seconds,
    }
    if outbox.lag_seconds > OUTBOX_STUCK_SECONDS:
        body["status"] = "fail"
        return False, body
    return True, body


class WebServer:
    """The aiohttp server: operations endpoints, and the webhook route when given."""

    def __init__(self, repos: Repositories, metrics: Metrics) -> None:
        self.repos = repos
        self.metrics = metrics
        self.app = web.Application()
        self.app.router.add_get("/healthz", self._healthz)
        self.app.router.add_get("/metrics", self._metrics)
        self._runner: web.AppRunner | None = None
        self.port: int | None = None

    def add_webhook(self, dispatcher: Dispatcher, bot: Bot, path: str, secret: str | None) -> None:
        """Serve Telegram's updates on ``path`` (refused without ``secret``, when one is set)."""
        SimpleRequestHandler(dispatcher=dispatcher, bot=bot, secret_token=secret or None).register(
            self.app, path=path
        )

    async def _healthz(self, request: web.Request) -> web.Response:
        ok, body = await health(self.repos)
        return web.json_response(body, status=200 if ok else 503)

    async def _metrics(self, request: web.Request) -> web.Response:
        try:
            await self.metrics.refresh(self.repos)
        except Exception as exc:  # noqa: BLE001 - counters are still worth serving
            log.warning("metrics: gauges not refreshed: %r", exc)
        return web.Response(
            body=self.metrics.render(), headers={"Content-Type": CONTENT_TYPE_LATEST}
        )

    async def start(self, listen: str) -> int:
        """Listen on ``host:port`` (port 0: any free one); returns the port."""
        host, _, port = listen.rpartition(":")
        self._runner = web.AppRunner(self.app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, host.strip("[]"), int(port)).start()
        self.port = int(self._runner.addresses[0][1])
        log.info("HTTP server on %s:%s", host, self.port)
        return self.port

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
