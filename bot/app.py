"""The composition root: :func:`build_app` builds the whole application from a config.

The CLI, the demo and the tests call it; nothing else constructs services. It opens the
database, builds the repositories, the ingestor, the delivery planner and worker, the
scheduler with its jobs, the bot and the dispatcher, and hands handlers the services they
use by name through ``Dispatcher(**workflow_data)``: each repository (``chats``,
``sources``, ``articles``, ``subscriptions``, ``deliveries``, ``events``, ``search``,
``stats``), ``settings`` and ``ingestor``. Handlers never receive the app itself.

Reliability, in one place:

* polling is the app's own loop (:meth:`App.run_polling`): ``getUpdates`` through
  ``bot(GetUpdates(...))``, each update fed to ``Dispatcher.feed_update`` as a task; an
  update the pinned aiogram cannot parse is logged once and skipped past the offset instead
  of being fetched again for ever; errors back off;
* the outbox worker runs under :func:`bot.supervise.supervise` (restarted when it fails)
  and every scheduler job under :func:`bot.supervise.guarded`;
* every Bot API call but the outbox's sends and ``getUpdates`` is retried on 429 / 5xx /
  network errors (:class:`bot.retry.RetryRequests` on the bot's session);
* a flooding user is throttled (:class:`handlers.middlewares.ThrottleMiddleware`);
* stopping is bounded: whatever state the tasks are in, :meth:`App.close` returns within
  seconds and always closes the session and the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import (
    ClientDecodeError,
    TelegramAPIError,
    TelegramNetworkError,
    TelegramUnauthorizedError,
)
from aiogram.methods import GetUpdates
from aiogram.types import BotCommand, BotCommandScopeChat, BotCommandScopeDefault, Update
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.schedulers.base import STATE_PAUSED
from pydantic import ValidationError

from bot.commands import ADMIN_COMMANDS, USER_COMMANDS
from bot.config import Settings
from bot.delivery.planner import Planner
from bot.delivery.worker import DeliveryWorker
from bot.events.grouping import EventGrouper
from bot.ingest.pipeline import AfterStore, Ingestor
from bot.jobs import JOB_DEFAULTS, register_jobs
from bot.retry import RetryRequests
from bot.supervise import supervise
from bot.web import Metrics, SendCounter, UpdateCounter, WebServer
from handlers import build_root_router
from handlers.middlewares import ChatContextMiddleware, ThrottleMiddleware
from storage.db import Database, open_database
from storage.health import check_integrity
from storage.leader import LeaderLock, SoleLeader, leader_lock_for
from storage.repos import Repositories

log = logging.getLogger(__name__)

# Backoff while the Bot API server cannot be reached (at start, or getUpdates failing).
_API_RETRY_MAX = 60.0
# At a stop: handlers still running get this long, then are cancelled.
_HANDLERS_GRACE = 3.0
# At a stop: the outbox worker gets this long to finish its sends and record them.
_WORKER_GRACE = 10.0
# How often a standby tries to take the lead, and the leader checks it still holds it: a
# standby takes over within this long after the leader dies.
LEADER_CHECK_SECONDS = 5.0


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
    grouper: EventGrouper
    # Who sends: the instance holding this lock runs the scheduler and the outbox worker.
    leader_lock: LeaderLock = field(default_factory=SoleLeader)
    leading: bool = False
    # The HTTP server (webhook, /healthz, /metrics) while one runs.
    web: WebServer | None = None
    # Long-running tasks (the supervised outbox worker), cancelled on stop.
    tasks: list[asyncio.Task[Any]] = field(default_factory=list)
    _stop: asyncio.Event = field(default_factory=asyncio.Event)
    _background: set[asyncio.Task[None]] = field(default_factory=set)
    _handling: set[asyncio.Task[Any]] = field(default_factory=set)
    _skipped: set[int] = field(default_factory=set)  # update ids that could not be parsed

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
            await self.dispatcher.emit_startup(bot=self.bot, **self.dispatcher.workflow_data)
            await self._poll()
        finally:
            if handle_signals:
                for sig in (signal.SIGINT, signal.SIGTERM):
                    loop.remove_signal_handler(sig)
            if server is not None:
                await server.stop()
            await self.close()

    async def _poll(self) -> None:
        """getUpdates until stopped; each update is handled in its own task."""
        allowed = self.dispatcher.resolve_used_update_types()
        me = await self.bot.me()
        log.info("Run polling for bot @%s id=%d - %r", me.username, me.id, me.full_name)
        timeout = self.settings.telegram.polling_timeout
        request_timeout = int(self.bot.session.timeout + timeout)
        offset: int | None = None
        delay = 1.0
        while not self._stop.is_set():
            method = GetUpdates(offset=offset, timeout=timeout, allowed_updates=allowed)
            try:
                updates = await self._until_stopped(self.bot(method, request_timeout))
            except ClientDecodeError as exc:
                updates, offset = self._parse_each(exc, offset)
            except TelegramUnauthorizedError:
                raise
            except (TelegramAPIError, TelegramNetworkError) as exc:
                log.warning("getUpdates failed (%s); retrying in %.0f s", exc, delay)
                await self._sleep(delay)
                delay = min(delay * 2, _API_RETRY_MAX)
                continue
            if updates is None:  # stopped
                break
            delay = 1.0
            for update in updates:
                offset = max(offset or 0, update.update_id + 1)
                task = asyncio.create_task(self._handle(update))
                self._handling.add(task)
                task.add_done_callback(self._handling.discard)
        log.info("Polling stopped for bot @%s id=%d", me.username, me.id)

    async def _handle(self, update: Update) -> None:
        try:
            await self.dispatcher.feed_update(self.bot, update)
        except Exception:  # the error handlers answered what they could; never lose the loop
            log.exception("update %s: unhandled error", update.update_id)

    def _parse_each(
        self, exc: ClientDecodeError, offset: int | None
    ) -> tuple[list[Update], int | None]:
        """aiogram could not parse a getUpdates answer: parse its updates one by one, keep
        the good ones and move the offset past the bad ones (each logged once)."""
        data = exc.data
        raw = data.get("result") if isinstance(data, dict) else None
        if not isinstance(raw, list):
            log.error("getUpdates answer cannot be read: %s", str(exc.original)[:300])
            return [], offset
        good: list[Update] = []
        for item in raw:
            update_id = item.get("update_id") if isinstance(item, dict) else None
            if not isinstance(update_id, int):
                log.error("getUpdates answer holds an update without an id: %.300r", item)
                continue
            offset = max(offset or 0, update_id + 1)
            try:
                good.append(Update.model_validate(item, context={"bot": self.bot}))
            except ValidationError as err:
                if update_id not in self._skipped:
                    self._skipped.add(update_id)
                    problems = "; ".join(
                        f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors()[:3]
                    )
                    log.error("update %d cannot be parsed and is skipped: %s", update_id, problems)
        return good, offset

    async def _until_stopped(self, request: Any) -> Any:
        """Await ``request`` unless stop() comes first (then None; the request is cancelled)."""
        call = asyncio.ensure_future(request)
        stop = asyncio.ensure_future(self._stop.wait())
        try:
            await asyncio.wait({call, stop}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stop.cancel()
        if not call.done():
            call.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await call
            return None
        return call.result()

    async def _sleep(self, seconds: float) -> None:
        """Sleep, but wake at once when stopped."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stop.wait(), seconds)

    def stop(self) -> None:
        """Ask polling to stop (safe from a signal handler)."""
        self._stop.set()

    async def on_startup(self) -> None:
        try:
            await self.set_commands()
        except TelegramAPIError as exc:
            log.warning("setMyCommands failed: %s", exc)
        # Every instance answers its updates; one at a time runs the jobs and sends.
        await self._take_the_lead()
        if not any(t.get_name() == "leadership" for t in self.tasks):
            self.tasks.append(asyncio.create_task(self._leadership(), name="leadership"))

    async def _take_the_lead(self) -> None:
        """Lead when the leader lock is free: start the scheduler and the outbox worker."""
        if self.leading or not await self.leader_lock.try_acquire():
            return
        self.leading = True
        self.metrics.leader.set(1)
        log.info("this instance leads: it runs the scheduler and sends the outbox")
        if not self.scheduler.running:
            self.scheduler.start()
        elif self.scheduler.state == STATE_PAUSED:
            self.scheduler.resume()
        self.start_worker()

    async def _stand_down(self) -> None:
        """The lock was lost (the database session died): stop the jobs and the sends."""
        self.leading = False
        self.metrics.leader.set(0)
        log.warning("leadership lost: standing by (another instance may send now)")
        if self.scheduler.running:
            self.scheduler.pause()
        workers = [t for t in self.tasks if t.get_name() == "delivery-worker"]
        for task in workers:
            task.cancel()
        await _finish(workers, _WORKER_GRACE, "delivery worker")
        self.tasks = [t for t in self.tasks if t not in workers]

    async def _leadership(self) -> None:
        """Every :data:`LEADER_CHECK_SECONDS`: a standby tries to take the lead (the leader
        died, its lock went with its session); the leader checks it still holds it."""
        while not self._stop.is_set():
            await self._sleep(LEADER_CHECK_SECONDS)
            if self._stop.is_set():
                break
            try:
                if not self.leading:
                    await self._take_the_lead()
                elif not await self.leader_lock.still_held():
                    await self._stand_down()
            except Exception:  # never let the check die: log it and try again next time
                log.exception("leader check failed; trying again in %s s", LEADER_CHECK_SECONDS)

    def start_worker(self) -> None:
        """Start the supervised outbox worker (once; a second call while it runs changes
        nothing). A failing worker is logged and restarted with backoff."""
        if not any(t.get_name() == "delivery-worker" and not t.done() for t in self.tasks):
            task = asyncio.create_task(
                supervise("delivery worker", self.worker.run, self._stop), name="delivery-worker"
            )
            self.tasks.append(task)

    async def poll_now(self) -> None:
        """Poll every enabled source now (the demo; ``/fetch`` does the same via the ingestor)."""
        await self.ingestor.ensure_synced(self.settings)
        await self.ingestor.poll_all()

    async def on_shutdown(self) -> None:
        """Stop the scheduler, the handlers and the worker; bounded, never raises."""
        self._stop.set()
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        await _finish(list(self._handling), _HANDLERS_GRACE, "update handler")
        for task in self.tasks:
            task.cancel()
        await _finish(self.tasks, _WORKER_GRACE, "background task")
        self.tasks.clear()
        if self.leading:  # a clean stop hands the lead over at once
            self.leading = False
            self.metrics.leader.set(0)
            with contextlib.suppress(Exception):
                await self.leader_lock.release()

    async def close(self) -> None:
        """Stop the scheduler and tasks, the ingest workers, close the HTTP session and the
        database."""
        try:
            await self.on_shutdown()
            with contextlib.suppress(Exception):
                await self.dispatcher.emit_shutdown(bot=self.bot, **self.dispatcher.workflow_data)
            with contextlib.suppress(Exception):
                await self.ingestor.close()
        finally:
            try:
                await self.bot.session.close()
            finally:
                await self.db.close()


async def _finish(tasks: list[asyncio.Task[Any]], grace: float, what: str) -> None:
    """Wait up to ``grace`` s for ``tasks``, cancel the rest; log failures, raise nothing."""
    if not tasks:
        return
    _, pending = await asyncio.wait(tasks, timeout=grace)
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.wait(pending, timeout=grace)
    for task in tasks:
        if task.done() and not task.cancelled() and task.exception() is not None:
            log.error("%s %s failed: %r", what, task.get_name(), task.exception())
        elif not task.done():
            log.error("%s %s did not stop", what, task.get_name())


def make_bot(settings: Settings, session: AiohttpSession | None = None) -> Bot:
    if session is None:
        base = str(settings.telegram.api_base).rstrip("/")
        # aiogram's session speaks socks and http proxies (aiohttp-socks) by URL.
        session = AiohttpSession(
            api=TelegramAPIServer.from_base(base), proxy=settings.telegram.proxy
        )
    session.middleware(RetryRequests(settings.telegram.reply_attempts))
    return Bot(
        settings.token,
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )


def make_after_store(grouper: EventGrouper, planner: Planner, metrics: Metrics) -> AfterStore:
    """Ingestion's hook for new (non-copy) articles: plan their deliveries at once, so a push
    does not wait for the next planner tick, then group them into events. The grouping tick
    is the guarantee (articles stay ``grouped = 0`` until read); this only saves its wait."""

    async def after_store(article_ids: list[int]) -> None:
        metrics.ingested.inc(len(article_ids))
        await planner.plan_pending()
        try:
            await grouper.run()
        except Exception:
            log.exception("grouping after ingestion failed; the grouping tick retries")

    return after_store


def journal_path(settings: Settings) -> Path | None:
    """Where the worker keeps outcomes a stop could not store: beside the database."""
    path = Path(settings.storage.path)
    return None if str(path) == ":memory:" else path.with_name(path.name + ".unsaved-outcomes")


async def build_app(
    settings: Settings, *, session: AiohttpSession | None = None, verify: bool = False
) -> App:
    """Open the database (migrating it) and wire every service, the bot and the dispatcher.

    ``verify`` also runs SQLite's quick check first (``python -m bot run``): a damaged file is
    refused at start with :class:`StorageError` instead of failing later, command by command.
    """
    storage = settings.storage
    db = await open_database(storage.database, busy_timeout_ms=storage.busy_timeout_ms)
    try:
        if verify and db.dialect == "sqlite":
            await check_integrity(db)
        return _wire(settings, db, session)
    except BaseException:
        await db.close()  # an open database keeps a thread alive: the process would hang
        raise


def _wire(settings: Settings, db: Database, session: AiohttpSession | None) -> App:
    repos = Repositories.over(db)
    bot = make_bot(settings, session)
    metrics = Metrics()
    bot.session.middleware(SendCounter(metrics))
    worker = DeliveryWorker(bot, repos, settings.delivery, journal_path=journal_path(settings))
    planner = Planner(repos, on_planned=worker.wake)
    grouper = EventGrouper(repos.articles, repos.events)
    ingestor = Ingestor(
        settings.ingest,
        repos.sources,
        repos.articles,
        after_store=make_after_store(grouper, planner, metrics),
    )
    scheduler = AsyncIOScheduler(timezone="UTC", job_defaults=JOB_DEFAULTS)
    register_jobs(
        scheduler,
        settings=settings,
        repos=repos,
        ingestor=ingestor,
        planner=planner,
        worker=worker,
        grouper=grouper,
    )
    dispatcher = Dispatcher(**repos.as_workflow_data(), settings=settings, ingestor=ingestor)
    telegram = settings.telegram
    # Outermost first: a flood is dropped before it costs a database write.
    dispatcher.update.outer_middleware(
        ThrottleMiddleware(telegram.user_rate_per_second, telegram.user_burst)
    )
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
        grouper=grouper,
        leader_lock=leader_lock_for(db),
    )
    dispatcher.startup.register(app.on_startup)
    return app
