"""The composition root: :func:`build_app` builds the whole application from a config.

The CLI, the demo and the tests call it; nothing else constructs services. It opens the
database, builds the repositories, the ingestor, the delivery planner and worker, the
scheduler with its jobs, the bot and the dispatcher, and hands handlers the services they
use by name through ``Dispatcher(**workflow_data)``: each repository (``chats``,
``sources``, ``articles``, ``subscriptions``, ``deliveries``, ``events``, ``search``,
``stats``), ``settings`` and ``ingestor``. Handlers never receive the app itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from dataclasses import dataclass, field
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError, TelegramUnauthorizedError
from aiogram.types import BotCommand, BotCommandScopeChat, BotCommandScopeDefault
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.commands import ADMIN_COMMANDS, USER_COMMANDS
from bot.config import Settings
from bot.delivery.planner import Planner
from bot.delivery.worker import DeliveryWorker
from bot.events.grouping import group_articles
from bot.ingest.pipeline import AfterStore, Ingestor
from bot.jobs import JOB_DEFAULTS, register_jobs
from bot.web import Metrics, SendCounter, UpdateCounter, WebServer
from handlers import build_root_router
from handlers.middlewares import ChatContextMiddleware
from storage.db import Database, open_database
from storage.repos import Repositories

log = logging.getLogger(__name__)

# Backoff while the Bot API server cannot be reached at start: 1, 2, 4 ... 60 seconds.
_API_RETRY_MAX = 60.0


@dataclass
class App:
    """Everything long-lived: built by :func:`build_app`, closed by :meth:`close`."""

    settings: Settings
    db: Database
    repos: Repositories
    bot: Bot
    dispatcher: Dispatcher
    scheduler: AsyncIOScheduler
    ingestor: Ingestor
    planner: Planner
    worker: DeliveryWorker
    metrics: Metrics
    # The HTTP server (webhook, /healthz, /metrics) while one runs.
    web: WebServer | None = None
    # Long-running tasks (the outbox worker), cancelled on stop.
    tasks: list[asyncio.Task[Any]] = field(default_factory=list)
    _stop: asyncio.Event = field(default_factory=asyncio.Event)
    _background: set[asyncio.Task[None]] = field(default_factory=set)

    async def wait_for_api(self) -> bool:
        """Call getMe until the Bot API answers; False if stopped meanwhile.

        A wrong token is fatal (TelegramUnauthorizedError propagates); an unreachable
        server is logged and retried with a growing delay.
        """
        delay = 1.0
        while not self._stop.is_set():
            try:
                me = await self.bot.me()
            except (TelegramNetworkError, TelegramAPIError) as exc:
                if isinstance(exc, TelegramUnauthorizedError):
                    raise
                log.warning(
                    "Bot API at %s unreachable (%s); retrying in %.0f s",
                    self.settings.telegram.api_base,
                    exc,
                    delay,
                )
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stop.wait(), delay)
                delay = min(delay * 2, _API_RETRY_MAX)
                continue
            log.info("connected as @%s (id %s)", me.username, me.id)
            return True
        return False

    async def set_commands(self) -> None:
        """Register the command menu in Russian (default) and English; admins get theirs."""
        for lang in ("ru", "en"):
            commands = [
                BotCommand(command=c.name, description=c.en if lang == "en" else c.ru)
                for c in USER_COMMANDS
            ]
            await self.bot.set_my_commands(
                commands,
                scope=BotCommandScopeDefault(),
                language_code=None if lang == "ru" else lang,
            )
        admin_commands = [
            BotCommand(command=c.name, description=c.ru) for c in USER_COMMANDS + ADMIN_COMMANDS
        ]
        for admin in self.settings.telegram.admins:
            try:
                await self.bot.set_my_commands(
                    admin_commands, scope=BotCommandScopeChat(chat_id=admin)
                )
            except TelegramAPIError as exc:  # the admin has not started the bot yet
                log.info("admin %s menu not set: %s", admin, exc)

    async def run(self, *, handle_signals: bool = True) -> None:
        """``python -m bot run``: webhook mode when ``[webhook] url`` is set, else polling."""
        if self.settings.webhook.url is not None:
            await self.run_webhook(handle_signals=handle_signals)
        else:
            await self.run_polling(handle_signals=handle_signals)

    async def run_webhook(self, *, handle_signals: bool = True) -> None:
        """Serve updates by webhook until SIGINT/SIGTERM (or :meth:`stop`); then close.

        ``setWebhook`` is called with the secret token and without dropping the updates
        Telegram holds; the webhook stays registered on exit (another instance behind the
        same address keeps receiving), so a restart loses nothing.
        """
        hook = self.settings.webhook
        assert hook.url is not None
        loop = asyncio.get_running_loop()
        if handle_signals:
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(sig, self.stop)
        server = self.web = WebServer(self.repos, self.metrics)
        secret = hook.secret_token.get_secret_value() or None
        server.add_webhook(self.dispatcher, self.bot, hook.route, secret)
        try:
            if not await self.wait_for_api():
                return
            await self.dispatcher.emit_startup(bot=self.bot, dispatcher=self.dispatcher)
            await server.start(hook.listen)
            await self.bot.set_webhook(
                str(hook.url),
                secret_token=secret,
                allowed_updates=self.dispatcher.resolve_used_update_types(),
                drop_pending_updates=False,
            )
            log.info("webhook set: %s (listening on %s%s)", hook.url, hook.listen, hook.route)
            await self._stop.wait()
        finally:
            if handle_signals:
                for sig in (signal.SIGINT, signal.SIGTERM):
                    loop.remove_signal_handler(sig)
            await server.stop()
            await self.close()

    async def run_polling(self, *, handle_signals: bool = True) -> None:
        """Long polling until SIGINT/SIGTERM (or :meth:`stop`); then everything is closed."""
        loop = asyncio.get_running_loop()
        if handle_signals:
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(sig, self.stop)
        server: WebServer | None = None
        try:
            if self.settings.http.listen:
                server = self.web = WebServer(self.repos, self.metrics)
                await server.start(self.settings.http.listen)
            if not await self.wait_for_api():
                return
            await self.dispatcher.start_polling(
                self.bot,
                polling_timeout=self.settings.telegram.polling_timeout,
                handle_signals=False,
                close_bot_session=False,
            )
        finally:
            if handle_signals:
                for sig in (signal.SIGINT, signal.SIGTERM):
                    loop.remove_signal_handler(sig)
            if server is not None:
                await server.stop()
            await self.close()

    def stop(self) -> None:
        """Ask polling to stop (safe from a signal handler)."""
        self._stop.set()
        task = asyncio.get_running_loop().create_task(self._stop_polling())
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _stop_polling(self) -> None:
        # aiogram says "Polling is not started" with a RuntimeError: then there is nothing
        # to stop (not started yet, or already stopped), and on_startup sees ``_stop``.
        with contextlib.suppress(RuntimeError):
            await self.dispatcher.stop_polling()

    async def on_startup(self) -> None:
        try:
            await self.set_commands()
        except TelegramAPIError as exc:
            log.warning("setMyCommands failed: %s", exc)
        if not self.scheduler.running:
            self.scheduler.start()
        self.start_worker()
        if self._stop.is_set():  # stop() came while polling was starting
            await self._stop_polling()

    def start_worker(self) -> None:
        """Start the outbox worker (once; a second call while it runs changes nothing)."""
        if not any(t.get_name() == "delivery-worker" and not t.done() for t in self.tasks):
            self.tasks.append(asyncio.create_task(self.worker.run(), name="delivery-worker"))

    async def poll_now(self) -> None:
        """Poll every enabled source now (the demo; ``/fetch`` does the same via the ingestor)."""
        await self.ingestor.ensure_synced(self.settings)
        await self.ingestor.poll_all()

    async def on_shutdown(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        for task in self.tasks:
            task.cancel()
        for task in self.tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self.tasks.clear()

    async def close(self) -> None:
        """Stop the scheduler and tasks, the ingest workers, close the HTTP session and the
        database."""
        await self.on_shutdown()
        await self.ingestor.close()
        await self.bot.session.close()
        await self.db.close()


def make_bot(settings: Settings, session: AiohttpSession | None = None) -> Bot:
    if session is None:
        base = str(settings.telegram.api_base).rstrip("/")
        # aiogram's session speaks socks and http proxies (aiohttp-socks) by URL.
        session = AiohttpSession(
            api=TelegramAPIServer.from_base(base), proxy=settings.telegram.proxy
        )
    return Bot(
        settings.token,
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )


def make_after_store(repos: Repositories, planner: Planner, metrics: Metrics) -> AfterStore:
    """Ingestion's hook for new (non-copy) articles: group them into events, then plan
    their deliveries at once, so a push does not wait for the next planner tick."""

    async def after_store(article_ids: list[int]) -> None:
        metrics.ingested.inc(len(article_ids))
        await group_articles(repos.articles, repos.events, article_ids)
        await planner.plan_pending()

    return after_store


async def build_app(settings: Settings, *, session: AiohttpSession | None = None) -> App:
    """Open the database (migrating it) and wire every service, the bot and the dispatcher."""
    db = await open_database(settings.storage.database)
    repos = Repositories.over(db)
    bot = make_bot(settings, session)
    metrics = Metrics()
    bot.session.middleware(SendCounter(metrics))
    worker = DeliveryWorker(bot, repos, settings.delivery)
    planner = Planner(repos, on_planned=worker.wake)
    ingestor = Ingestor(
        settings.ingest,
        repos.sources,
        repos.articles,
        after_store=make_after_store(repos, planner, metrics),
    )
    scheduler = AsyncIOScheduler(timezone="UTC", job_defaults=JOB_DEFAULTS)
    register_jobs(
        scheduler,
        settings=settings,
        repos=repos,
        ingestor=ingestor,
        planner=planner,
        worker=worker,
    )
    dispatcher = Dispatcher(**repos.as_workflow_data(), settings=settings, ingestor=ingestor)
    dispatcher.update.outer_middleware(UpdateCounter(metrics))
    dispatcher.update.outer_middleware(ChatContextMiddleware(repos.chats))
    dispatcher.include_router(build_root_router())
    app = App(
        settings=settings,
        db=db,
        repos=repos,
        bot=bot,
        dispatcher=dispatcher,
        scheduler=scheduler,
        ingestor=ingestor,
        planner=planner,
        worker=worker,
        metrics=metrics,
    )
    dispatcher.startup.register(app.on_startup)
    return app
