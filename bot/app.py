"""Builds the whole application from a config: the one function the CLI and the tests call."""

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
from bot.jobs import JOB_DEFAULTS, register_jobs
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
    # Background tasks owned by features (e.g. the outbox worker), cancelled on stop.
    tasks: list[asyncio.Task[Any]] = field(default_factory=list)
    _stop: asyncio.Event = field(default_factory=asyncio.Event)

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

    async def run_polling(self, *, handle_signals: bool = True) -> None:
        """Long polling until SIGINT/SIGTERM (or :meth:`stop`); then everything is closed."""
        loop = asyncio.get_running_loop()
        if handle_signals:
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(sig, self.stop)
        try:
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
            await self.close()

    def stop(self) -> None:
        """Ask polling to stop (safe from a signal handler)."""
        self._stop.set()
        if self.dispatcher._running_lock.locked():  # polling runs: stop it
            asyncio.get_running_loop().create_task(self.dispatcher.stop_polling())

    async def on_startup(self) -> None:
        try:
            await self.set_commands()
        except TelegramAPIError as exc:
            log.warning("setMyCommands failed: %s", exc)
        if not self.scheduler.running:
            self.scheduler.start()

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
        """Stop the scheduler and tasks, close the HTTP session and the database."""
        await self.on_shutdown()
        await self.bot.session.close()
        await self.db.close()


def make_bot(settings: Settings, session: AiohttpSession | None = None) -> Bot:
    if session is None:
        base = str(settings.telegram.api_base).rstrip("/")
        session = AiohttpSession(api=TelegramAPIServer.from_base(base))
    return Bot(
        settings.token,
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )


async def build_app(settings: Settings, *, session: AiohttpSession | None = None) -> App:
    """Open the DB (migrating it), and wire the bot, dispatcher, routers and scheduler."""
    db = await open_database(settings.storage.database)
    repos = Repositories.over(db)
    bot = make_bot(settings, session)
    scheduler = AsyncIOScheduler(timezone="UTC", job_defaults=JOB_DEFAULTS)
    dispatcher = Dispatcher()
    app = App(
        settings=settings, db=db, repos=repos, bot=bot, dispatcher=dispatcher, scheduler=scheduler
    )
    dispatcher.workflow_data.update(
        repos.as_workflow_data(), settings=settings, scheduler=scheduler, app=app
    )
    dispatcher.update.outer_middleware(ChatContextMiddleware(repos.chats))
    dispatcher.include_router(build_root_router())
    dispatcher.startup.register(app.on_startup)
    register_jobs(app)
    return app
