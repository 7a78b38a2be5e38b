"""The outbox worker: sends planned deliveries at Telegram's pace, through faults and restarts.

One long-running task per bot process (:meth:`DeliveryWorker.run`):

1. At start, rows a crash left in ``sending`` go back to ``pending``
   (:meth:`storage.deliveries.DeliveryRepository.reset_in_flight`). Those were in flight at
   the crash - at most ``delivery.concurrency`` of them - and may reach a chat twice.
2. Due rows are claimed in batches (``pending`` -> ``sending``, oldest first, one write
   transaction) into a small in-memory buffer. ``delivery.concurrency`` sender coroutines
   each take a row whose chat is ready (per-chat limits, one message in flight per chat),
   wait for the overall pacer, send it, and record the outcome. A row whose chat will not
   be ready for a while goes back to ``pending`` with that time as ``not_before``.
3. A sender records its outcome (committed in batches shared by all senders) *before* it
   takes the next row, so at any moment at most ``concurrency`` rows have been sent
   without being marked: that bounds the duplicates a ``kill -9`` can cause.

Errors (aiogram raises them, it retries nothing itself):

* ``TelegramRetryAfter`` (429): when it looks like the chat's own limit (the chat was sent
  to in the last minute and fewer than three chats answered 429 within a second) only that
  chat waits ``retry_after``; otherwise the whole bot is limited and every send pauses for
  ``retry_after``. The row is resent either way; a 429 without ``retry_after`` waits 5 s.
* ``TelegramForbiddenError`` (403) and 400 «chat not found», «user is deactivated», «bot was
  kicked»: the chat becomes inactive and its waiting rows are dropped.
* ``TelegramMigrateToChat``: the chat, its subscriptions and waiting rows move to the new
  id (``SubscriptionRepository.move_chat``) and the row is resent there.
* Other 400s: the row fails with the reason (a bad message will not get better).
* 5xx and network errors: retried with exponential backoff (1, 2, 4 ... 300 s) up to
  ``delivery.max_attempts`` attempts, then the row fails.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import time
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods.base import Response
from aiogram.types import Message

from bot.delivery.pacing import ChatLimits, Pacer
from bot.delivery.push import PushSender
from storage.db import now_ts
from storage.deliveries import Claimed, Outcome

if TYPE_CHECKING:
    from bot.config import DeliverySettings
    from storage.repos import Repositories

log = logging.getLogger(__name__)

# 400 descriptions that mean the chat is gone for good.
_GONE = ("chat not found", "user is deactivated", "bot was kicked", "group chat was deactivated",
         "bot is not a member", "have no rights to send", "chat_write_forbidden")  # fmt: skip
DEFAULT_RETRY_AFTER = 5  # seconds, for a 429 without retry_after
MAX_BACKOFF = 300.0
IDLE_POLL_SECONDS = 2.0  # look for due rows at least this often when idle
CLAIM_PAUSE = 0.2  # after a claim that found every due row, wait this long (or a wake)
RELEASE_AFTER = 2.0  # a buffered row whose chat is not ready for longer goes back to the DB
_BATCH_TARGET = 16  # outcomes per write worth waiting for (at most concurrency / 2) ...
_BATCH_WINDOW = 0.001  # ... this long at most
# aiogram parses every answer with ``Response[Message]``; pydantic caches parametrized
# generics weakly, so without a strong reference the class is rebuilt (about 10 ms) every
# few dozen sends once the garbage collector has run.
_RESPONSE_MESSAGE = Response[Message]


def backoff(attempt: int) -> float:
    """Seconds to wait after the ``attempt``-th failure (1-based): 1, 2, 4 ... 300."""
    return float(min(MAX_BACKOFF, 2 ** max(0, attempt - 1)))


@dataclass
class WorkerStats:
    sent: int = 0
    failed: int = 0
    dropped: int = 0
    retried: int = 0
    too_many_requests: int = 0
    pauses: int = 0


class _Recorder:
    """Commits outcomes in batches: every send waits until its outcome is in the DB."""

    def __init__(self, repos: Repositories, concurrency: int) -> None:
        self._repos = repos
        self._target = max(1, min(_BATCH_TARGET, concurrency // 2))
        self._queue: asyncio.Queue[tuple[Outcome, asyncio.Future[None]]] = asyncio.Queue()

    async def record(self, outcome: Outcome) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._queue.put_nowait((outcome, future))
        await future

    async def run(self) -> None:
        while True:
            batch = [await self._queue.get()]
            # A millisecond lets answers arriving together join this batch: fewer, larger
            # writes (each is a hop to the SQLite thread that stalls the event loop).
            if self._queue.qsize() < self._target:
                await asyncio.sleep(_BATCH_WINDOW)
            while not self._queue.empty():
                batch.append(self._queue.get_nowait())
            try:
                await self._repos.deliveries.apply([o for o, _ in batch])
            except sqlite3.Error as exc:  # reported to every waiting send
                for _, future in batch:
                    if not future.done():
                        future.set_exception(exc)
                continue
            for _, future in batch:
                if not future.done():
                    future.set_result(None)


class DeliveryWorker:
    """Sends the outbox. ``run()`` is the long-running task; ``wake()`` says rows were added."""

    def __init__(
        self,
        bot: Bot,
        repos: Repositories,
        settings: DeliverySettings,
        *,
        batch_size: int | None = None,
    ) -> None:
        self.bot = bot
        self.repos = repos
        self.settings = settings
        self.pacer = Pacer(settings.rate_per_second)
        self.limits = ChatLimits(
            settings.per_private_chat_per_second, settings.per_group_per_minute
        )
        self.concurrency = settings.concurrency
        self.batch_size = batch_size or max(64, 4 * settings.concurrency)
        self.stats = WorkerStats()
        self._changed = asyncio.Event()  # replaced on every notification (no lost wakeups)
        self._waiting = 0  # senders waiting on _changed (no waiter: nothing to notify)
        self._idle_waiters = 0
        self._idle = asyncio.Event()
        self._stopping = False
        self._refilling = False
        self._buffer: deque[Claimed] = deque()
        self._in_flight: set[int] = set()  # chat ids with a send in flight
        self._recorder = _Recorder(repos, settings.concurrency)
        self._pushes = PushSender(bot, repos)  # what one push is: text or photo (push.py)
        self._paid = settings.paid_broadcast
        self._last_gc = time.monotonic()
        self._claim_after = 0.0  # no claim before this (monotonic) unless woken

    # Control ----------------------------------------------------------------

    def wake(self) -> None:
        """New rows may be due, or a chat became free: look now instead of at the next poll."""
        self._claim_after = 0.0
        self._notify()

    def _notify(self) -> None:
        """Wake senders waiting for a change (a chat became free, rows were claimed)."""
        if self._waiting or self._idle_waiters:
            changed, self._changed = self._changed, asyncio.Event()
            changed.set()

    async def wait_idle(self, timeout: float = 30.0) -> None:  # noqa: ASYNC109
        """Wait until the worker found nothing due (tests and benchmarks)."""
        self._idle.clear()
        self._idle_waiters += 1
        try:
            self.wake()
            await asyncio.wait_for(self._idle.wait(), timeout)
        finally:
            self._idle_waiters -= 1

    # The loop ---------------------------------------------------------------

    async def run(self) -> None:
        """``concurrency`` senders, each taking the next ready row, sending it and recording
        the outcome before taking another."""
        reset = await self.repos.deliveries.reset_in_flight()
        if reset:
            log.warning("%d deliveries were in flight at the last stop; sending them again", reset)
        self._stopping = False
        recorder = asyncio.create_task(self._recorder.run(), name="delivery-recorder")
        senders = [
            asyncio.create_task(self._sender(), name=f"delivery-sender-{i}")
            for i in range(self.concurrency)
        ]
        try:
            await asyncio.wait(senders, return_when=asyncio.FIRST_EXCEPTION)
            for task in senders:  # a sender only ends early on a bug: surface it
                exc = task.exception() if task.done() and not task.cancelled() else None
                if exc is not None:
                    raise exc
        finally:
            await self._shutdown(recorder, senders)

    async def _sender(self) -> None:
        while not self._stopping:
            row = await self._take()
            if row is None:
                return
            await self._send(row)

    async def _shutdown(
        self, recorder: asyncio.Task[None], senders: list[asyncio.Task[None]]
    ) -> None:
        """Let sends in flight finish (briefly), give back buffered rows, stop the recorder."""
        self._stopping = True
        self.wake()
        pending = [t for t in senders if not t.done()]
        if pending:
            await asyncio.wait(pending, timeout=5.0)
        for task in senders:
            task.cancel()
        for task in senders:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        buffered = [Outcome(r.id, "retry", not_before=0, error=None) for r in self._buffer]
        self._buffer.clear()
        if buffered:
            with contextlib.suppress(sqlite3.Error):
                await self.repos.deliveries.apply(buffered)
        recorder.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await recorder

    async def _refill(self) -> None:
        self._refilling = True
        try:
            exclude = {r.chat_id for r in self._buffer} | self._in_flight
            rows = await self.repos.deliveries.claim(self.batch_size, exclude_chats=sorted(exclude))
        except sqlite3.Error as exc:  # e.g. locked by another process past busy_timeout
            log.warning("claiming deliveries failed (%s); retrying in 1 s", exc)
            await asyncio.sleep(1.0)
            return
        finally:
            self._refilling = False
        self._buffer.extend(rows)
        if len(rows) < self.batch_size:  # the due rows are all here: don't ask again at once
            self._claim_after = time.monotonic() + CLAIM_PAUSE
        if rows:
            self._notify()

    def _scan(self, now: float) -> tuple[Claimed | None, float | None, list[Claimed]]:
        """Take the first row whose chat may receive now (synchronously: no other sender
        can take it); else the soonest time one may, and rows to give back to the DB."""
        soonest: float | None = None
        release: list[Claimed] = []
        for index, row in enumerate(self._buffer):
            if row.chat_id in self._in_flight:
                continue
            at = self.limits.ready_at(row.chat_id, row.chat_type)
            if at <= now:
                del self._buffer[index]
                self._in_flight.add(row.chat_id)
                return row, None, release
            if at - now > RELEASE_AFTER:
                release.append(row)
            elif soonest is None or at < soonest:
                soonest = at
        return None, soonest, release

    async def _take(self) -> Claimed | None:
        """The next row to send, its chat marked in flight and its pacer slot taken; None
        when stopping."""
        while not self._stopping:
            if (
                len(self._buffer) < self.batch_size // 2
                and not self._refilling
                and time.monotonic() >= self._claim_after
            ):
                await self._refill()
            changed = self._changed  # taken after the last await: no wakeup is lost
            now = time.monotonic()
            row, soonest, release = self._scan(now)
            if row is not None:
                if await self._pace(row):
                    return row
                continue
            if release:
                try:
                    await self._release(release, now)
                except sqlite3.Error as exc:  # they stay buffered and are looked at again
                    log.warning("releasing deliveries failed: %s", exc)
                    await asyncio.sleep(1.0)
                continue
            if not self._buffer and not self._in_flight and not self._refilling:
                self._idle.set()
            if soonest is not None:
                timeout = max(0.001, soonest - now)
            elif self._buffer or self._refilling:
                timeout = 0.05  # rows wait on a chat in flight, or a claim runs
            else:
                timeout = IDLE_POLL_SECONDS
                if now - self._last_gc > 60:
                    self.limits.gc()
                    self._last_gc = now
            self._waiting += 1
            try:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(changed.wait(), timeout)
            finally:
                self._waiting -= 1
        return None

    async def _pace(self, row: Claimed) -> bool:
        """Wait for the overall pacer; False (row put back) if its chat got limited meanwhile."""
        delay = self.pacer.reserve()
        while delay > 0:
            await asyncio.sleep(delay)
            delay = self.pacer.paused_until - time.monotonic()
        if self._stopping or self.limits.ready_at(row.chat_id, row.chat_type) > time.monotonic():
            self._in_flight.discard(row.chat_id)
            self._buffer.appendleft(row)
            return False
        return True

    async def _release(self, rows: list[Claimed], now: float) -> None:
        """Rows whose chat is limited for a while go back to the DB with a not_before."""
        ids = {r.id for r in rows}
        wall = time.time()
        outcomes = [
            Outcome(
                r.id, "retry",
                not_before=int(wall + self.limits.ready_at(r.chat_id, r.chat_type) - now) + 1,
            )
            for r in rows
        ]  # fmt: skip
        await self.repos.deliveries.apply(outcomes)
        self._buffer = deque(r for r in self._buffer if r.id not in ids)

    # One send ---------------------------------------------------------------

    async def _send(self, row: Claimed) -> None:
        outcome: Outcome | None = None
        try:
            outcome = await self._attempt(row)
        except Exception as exc:  # a bug or the DB failing: never lose the row
            log.exception("delivery %s: unexpected error", row.id)
            outcome = self._transient(row, repr(exc))
        finally:
            try:
                if outcome is not None:
                    await self._recorder.record(outcome)
            except sqlite3.Error:
                # The row stays 'sending': the next start sends it again (a duplicate
                # only if this send reached Telegram).
                log.exception("delivery %s: recording the outcome failed", row.id)
            finally:
                # Counted from the answer, not the request: Telegram sees the request
                # arrive at most then, so network jitter can never squeeze two sends.
                self.limits.record(row.chat_id, row.chat_type)
                self._in_flight.discard(row.chat_id)
                self._notify()

    async def _attempt(self, row: Claimed) -> Outcome | None:
        push = await self._pushes.build(row)
        if push is None:
            self.stats.failed += 1
            return Outcome(row.id, "failed", error="article deleted or empty payload")
        previews = self.settings.link_previews if row.link_previews is None else row.link_previews
        try:
            message = await self._pushes.send(row, push, previews=previews, paid=self._paid)
        except TelegramRetryAfter as exc:
            return self._too_many(row, exc.retry_after, str(exc))
        except TelegramMigrateToChat as exc:
            return await self._migrate(row, exc.migrate_to_chat_id)
        except TelegramForbiddenError as exc:
            return await self._gone(row, exc.message)
        except TelegramBadRequest as exc:
            if any(marker in exc.message.lower() for marker in _GONE):
                return await self._gone(row, exc.message)
            self.stats.failed += 1
            log.warning("delivery %s to %s failed: %s", row.id, row.chat_id, exc.message)
            return Outcome(row.id, "failed", error=exc.message[:500], count_attempt=True)
        except (TelegramServerError, TelegramNetworkError) as exc:
            return self._transient(row, str(exc))
        except TelegramAPIError as exc:
            if "too many requests" in exc.message.lower():
                return self._too_many(row, DEFAULT_RETRY_AFTER, exc.message)
            self.stats.failed += 1
            return Outcome(row.id, "failed", error=exc.message[:500], count_attempt=True)
        self.limits.sent_ok(row.chat_id)
        self.stats.sent += 1
        return Outcome(row.id, "sent", message_id=message.message_id)

    def _too_many(self, row: Claimed, retry_after: int | None, error: str) -> Outcome:
        wait = float(retry_after or DEFAULT_RETRY_AFTER)
        self.stats.too_many_requests += 1
        if self.limits.is_storm(row.chat_id):
            self.stats.pauses += 1
            log.warning("429 for chat %s: the bot is limited, pausing %.0f s", row.chat_id, wait)
            self.pacer.pause(wait)
        else:
            log.info("429 for chat %s: the chat waits %.0f s", row.chat_id, wait)
        self.limits.block(row.chat_id, wait)
        self.stats.retried += 1
        return Outcome(row.id, "retry", not_before=now_ts() + int(wait), error=error[:500])

    def _transient(self, row: Claimed, error: str) -> Outcome:
        attempt = row.attempts + 1
        if attempt >= self.settings.max_attempts:
            self.stats.failed += 1
            log.warning("delivery %s failed after %d attempts: %s", row.id, attempt, error)
            return Outcome(row.id, "failed", error=error[:500], count_attempt=True)
        self.stats.retried += 1
        wait = backoff(attempt)
        self.limits.block(row.chat_id, wait)
        return Outcome(row.id, "retry", not_before=now_ts() + int(wait), error=error[:500],
                       count_attempt=True)  # fmt: skip

    async def _gone(self, row: Claimed, reason: str) -> Outcome | None:
        dropped = await self.repos.deliveries.deactivate_chat(row.chat_id, reason[:500])
        self._forget_buffered(row.chat_id)
        self.limits.forget(row.chat_id)
        self.stats.dropped += dropped
        log.info("chat %s is gone (%s): inactive, %d deliveries dropped", row.chat_id, reason,
                 dropped)  # fmt: skip
        return None  # deactivate_chat already marked this row 'dropped'

    async def _migrate(self, row: Claimed, new_id: int) -> Outcome:
        log.info("chat %s moved to %s", row.chat_id, new_id)
        await self.repos.subscriptions.move_chat(row.chat_id, new_id)
        # Buffered rows of the old id were moved in the DB: give them back to be claimed anew.
        moved = self._forget_buffered(row.chat_id)
        if moved:
            await self.repos.deliveries.apply([Outcome(r.id, "retry") for r in moved])
        self.limits.forget(row.chat_id)
        self.wake()  # the moved rows are due now
        return Outcome(row.id, "retry", not_before=0, error=f"migrated to {new_id}")

    def _forget_buffered(self, chat_id: int) -> list[Claimed]:
        gone = [r for r in self._buffer if r.chat_id == chat_id]
        if gone:
            self._buffer = deque(r for r in self._buffer if r.chat_id != chat_id)
        return gone
