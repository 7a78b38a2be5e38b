"""The outbox worker: sends planned deliveries at Telegram's pace, through faults and restarts.

One long-running task per bot process (:meth:`DeliveryWorker.run`):

1. At start, outcomes the last stop could not store (:mod:`bot.delivery.journal`) are
   stored, then rows a crash left in ``sending`` go back to ``pending``
   (:meth:`storage.deliveries.DeliveryRepository.reset_in_flight`). Those were in flight at
   the crash - at most ``delivery.concurrency`` of them - and may reach a chat twice.
2. Due rows are claimed in batches (``pending`` -> ``sending``, oldest first, one write
   transaction) into a small in-memory buffer. On PostgreSQL each claim is leased and the
   worker renews the leases of the rows it holds (buffered or being sent) every third of
   :data:`storage.deliveries.LEASE_SECONDS`: when it dies, another instance's worker takes
   its rows soon after. ``delivery.concurrency`` sender coroutines
   each take a row whose chat is ready (per-chat limits, one message in flight per chat),
   wait for the overall pacer, send it, and record the outcome. A row whose chat will not
   be ready for a while goes back to ``pending`` with that time as ``not_before``.
3. A sender records its outcome (committed in batches shared by all senders) *before* it
   takes the next row, so at any moment at most ``concurrency`` rows have been sent
   without being marked: that bounds the duplicates a ``kill -9`` can cause. A write that
   fails (the database locked by another process) is retried with backoff until it is
   stored; at a stop the outcomes still unsaved go to the journal. Bookkeeping that failed
   never makes a send happen twice.

The app runs :meth:`DeliveryWorker.run` under :func:`bot.supervise.supervise`: if it fails
(e.g. the database is locked past ``busy_timeout`` at start) it is logged and started again.

Errors (aiogram raises them, it retries nothing itself):

* ``TelegramRetryAfter`` (429): when it looks like the chat's own limit (the chat was sent
  to in the last minute and fewer than three chats answered 429 within a second) only that
  chat waits ``retry_after``; otherwise the whole bot is limited and every send pauses for
  ``retry_after``. The row is resent either way; a 429 without ``retry_after`` waits 5 s.
* ``TelegramForbiddenError`` (403) and 400 «chat not found», «user is deactivated», «bot was
  kicked»: the chat becomes inactive and its waiting rows are dropped.
* ``TelegramMigrateToChat``: the chat, its subscriptions and waiting rows move to the new
  id (``SubscriptionRepository.move_chat``) and the row is resent there.
* Other 400s: the row fails with the reason (a bad message will not get better). These and
  the chat being gone are the only errors that end a row.
* 5xx and network errors: an outage, not the message's fault. The row is retried with a
  doubling backoff (1, 2, 4 ... ``delivery.max_backoff_seconds``) for
  ``delivery.retry_for_seconds`` (24 h) after its first failure, then it fails. Every send
  also pauses for the same doubling delay while failures follow each other, so an outage of
  hours costs a probe every few minutes, not the whole outbox's worth of requests.
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

from bot.delivery import journal
from bot.delivery.pacing import ChatLimits, Pacer
from bot.delivery.push import PushSender
from bot.retry import own_retry_policy
from storage.db import now_ts
from storage.deliveries import Claimed, Outcome

if TYPE_CHECKING:
    from pathlib import Path

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
RECORD_RETRY_MAX = 5.0  # a failing outcome write is retried every 0.05, 0.1 ... 5 s
STOP_GRACE = 5.0  # at a stop, sends in flight get this long to finish and be recorded
# aiogram parses every answer with ``Response[Message]``; pydantic caches parametrized
# generics weakly, so without a strong reference the class is rebuilt (about 10 ms) every
# few dozen sends once the garbage collector has run.
_RESPONSE_MESSAGE = Response[Message]


def backoff(attempt: int, cap: float = MAX_BACKOFF) -> float:
    """Seconds to wait after the ``attempt``-th failure (1-based): 1, 2, 4 ... ``cap``."""
    return float(min(cap, 2 ** min(max(0, attempt - 1), 62)))


@dataclass
class WorkerStats:
    sent: int = 0
    failed: int = 0
    dropped: int = 0
    retried: int = 0
    too_many_requests: int = 0
    pauses: int = 0


class _Recorder:
    """Commits outcomes in batches: every send waits until its outcome is in the DB.

    A failing write is retried with backoff until it succeeds; only a stop ends the wait,
    and :meth:`drain` then hands the outcomes still unsaved to the worker.
    """

    def __init__(self, repos: Repositories, concurrency: int) -> None:
        self._repos = repos
        self._target = max(1, min(_BATCH_TARGET, concurrency // 2))
        self._queue: asyncio.Queue[tuple[Outcome, asyncio.Future[None]]] = asyncio.Queue()
        self._batch: list[tuple[Outcome, asyncio.Future[None]]] = []
        self.failing = False  # the last write failed (the database is locked or read-only)

    async def record(self, outcome: Outcome) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._queue.put_nowait((outcome, future))
        await future

    async def run(self) -> None:
        while True:
            self._batch = [await self._queue.get()]
            # A millisecond lets answers arriving together join this batch: fewer, larger
            # writes (each is a hop to the SQLite thread that stalls the event loop).
            if self._queue.qsize() < self._target:
                await asyncio.sleep(_BATCH_WINDOW)
            while not self._queue.empty():
                self._batch.append(self._queue.get_nowait())
            await self._store([o for o, _ in self._batch])
            for _, future in self._batch:
                if not future.done():
                    future.set_result(None)
            self._batch = []

    async def _store(self, outcomes: list[Outcome]) -> None:
        delay = 0.05
        failures = 0
        while True:
            try:
                await self._repos.deliveries.apply(outcomes)
            except sqlite3.Error as exc:
                failures += 1
                self.failing = True
                if failures == 1 or failures % 20 == 0:
                    log.warning(
                        "recording %d delivery outcome(s) failed (%s); retrying until stored",
                        len(outcomes), exc,
                    )  # fmt: skip
                await asyncio.sleep(delay)
                delay = min(delay * 2, RECORD_RETRY_MAX)
                continue
            if failures:
                log.info("%d delivery outcome(s) stored after %d failed tries",
                         len(outcomes), failures)  # fmt: skip
            self.failing = False
            return

    def drain(self) -> list[Outcome]:
        """After the task is cancelled: every outcome not stored (current batch and queue)."""
        left = [o for o, _ in self._batch]
        self._batch = []
        while not self._queue.empty():
            left.append(self._queue.get_nowait()[0])
        return left


class DeliveryWorker:
    """Sends the outbox. ``run()`` is the long-running task; ``wake()`` says rows were added."""

    def __init__(
        self,
        bot: Bot,
        repos: Repositories,
        settings: DeliverySettings,
        *,
        batch_size: int | None = None,
        journal_path: Path | None = None,
    ) -> None:
        self.bot = bot
        self.journal_path = journal_path
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
        self._sending: set[int] = set()  # row ids taken by senders, until their outcome is stored
        self._recorder = _Recorder(repos, settings.concurrency)
        self._pushes = PushSender(bot, repos)  # what one push is: text or photo (push.py)
        self._paid = settings.paid_broadcast
        self._last_gc = time.monotonic()
        self._claim_after = 0.0  # no claim before this (monotonic) unless woken
        self._unsaved: list[Outcome] = []  # outcomes a stop could not store (and no journal)
        self._outage = 0  # 5xx / network errors in a row, across all chats
        self._retry_at: float | None = None  # when the soonest row put back is due (monotonic)

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
        the outcome before taking another. Raises if the start fails (the app restarts it)."""
        await self._recover()
        self._stopping = False
        recorder = asyncio.create_task(self._recorder.run(), name="delivery-recorder")
        leases = asyncio.create_task(self._keep_leases(), name="delivery-leases")
        with own_retry_policy():  # the senders' calls follow this module's policy only
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
            try:  # the leases are kept while the sends in flight finish
                await self._shutdown(recorder, senders)
            finally:
                leases.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await leases

    async def _keep_leases(self) -> None:
        """PostgreSQL: renew the leases of the rows this worker holds, every third of the
        lease, until cancelled. A failed renewal is logged and tried again next time (the
        rows are this worker's own: it never claims a chat it holds a row of)."""
        deliveries = self.repos.deliveries
        if not deliveries.leases:
            return
        every = deliveries.lease_seconds / 3
        while True:
            await asyncio.sleep(every)
            held = [r.id for r in self._buffer] + list(self._sending)
            try:
                await deliveries.renew(held)
            except Exception as exc:  # noqa: BLE001 - never let the renewal end the worker
                log.warning("renewing the lease of %d deliveries failed: %r", len(held), exc)

    async def _recover(self) -> None:
        """Store what the last stop could not, then put rows left in 'sending' back."""
        saved = [*self._unsaved]
        if self.journal_path is not None:
            saved += journal.load(self.journal_path)
        if saved:
            await self.repos.deliveries.apply(saved)
            self._unsaved = []
            if self.journal_path is not None:
                journal.clear(self.journal_path)
            log.info("%d delivery outcome(s) from the last stop stored", len(saved))
        reset = await self.repos.deliveries.reset_in_flight()
        if reset:
            log.warning("%d deliveries were in flight at the last stop; sending them again", reset)

    async def _sender(self) -> None:
        while not self._stopping:
            row = await self._take()
            if row is None:
                return
            await self._send(row)

    async def _shutdown(
        self, recorder: asyncio.Task[None], senders: list[asyncio.Task[None]]
    ) -> None:
        """Let sends in flight finish and be recorded (briefly), give back buffered rows,
        and keep whatever could not be stored for the next start (the journal)."""
        self._stopping = True
        self.wake()
        pending = [t for t in senders if not t.done()]
        if pending:
            await asyncio.wait(pending, timeout=STOP_GRACE)
        for task in senders:
            task.cancel()
        for task in senders:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        failing = self._recorder.failing
        recorder.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await recorder
        unsaved = self._recorder.drain()
        buffered = [Outcome(r.id, "retry", not_before=0, error=None) for r in self._buffer]
        self._buffer.clear()
        self._in_flight.clear()
        self._sending.clear()
        if unsaved and not failing:
            try:  # one more try, short: the recorder was not failing, so this usually works
                await asyncio.wait_for(self.repos.deliveries.apply(unsaved), 2.0)
                unsaved = []
            except (sqlite3.Error, TimeoutError) as exc:
                log.warning("storing %d outcome(s) at stop failed: %s", len(unsaved), exc)
        if unsaved:
            self._keep_unsaved(unsaved)
        if buffered and not failing:  # not needed for correctness: reset_in_flight does it
            with contextlib.suppress(sqlite3.Error, TimeoutError):
                await asyncio.wait_for(self.repos.deliveries.apply(buffered), 2.0)

    def _keep_unsaved(self, outcomes: list[Outcome]) -> None:
        """Outcomes the database would not take: to the journal (or memory, without one)."""
        if self.journal_path is not None:
            try:
                journal.save(self.journal_path, outcomes)
            except OSError as exc:
                log.error("cannot write the delivery journal %s: %s", self.journal_path, exc)
            else:
                log.warning(
                    "%d delivery outcome(s) could not be stored; kept in %s for the next start",
                    len(outcomes), self.journal_path,
                )  # fmt: skip
                return
        self._unsaved.extend(outcomes)

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
                self._sending.add(row.id)
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
            if self._retry_at is not None and time.monotonic() >= self._retry_at:
                self._retry_at = None  # a row put back for a short retry is due: claim it
                self._claim_after = 0.0
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
            if (
                not self._buffer
                and not self._in_flight
                and not self._refilling
                and self._retry_at is None
            ):
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
            if self._retry_at is not None:
                timeout = min(timeout, max(0.001, self._retry_at - now))
            self._waiting += 1
            try:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(changed.wait(), timeout)
            finally:
                self._waiting -= 1
        return None

    async def _pace(self, row: Claimed) -> bool:
        """Wait for the overall pacer; False (row put back) if its chat got limited meanwhile."""
        while (delay := self.pacer.delay()) > 0 and not self._stopping:  # noqa: ASYNC110
            await asyncio.sleep(delay)
        if self._stopping or self.limits.ready_at(row.chat_id, row.chat_type) > time.monotonic():
            self._in_flight.discard(row.chat_id)
            self._sending.discard(row.id)
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
        send = self.pacer.take()  # right after _pace saw a free slot: no await in between
        try:
            outcome = await self._attempt(row)
        except Exception as exc:  # a bug or the DB failing: never lose the row
            log.exception("delivery %s: unexpected error", row.id)
            outcome = self._retry_later(row, repr(exc))
        finally:
            self.pacer.done(send)
            try:
                if outcome is not None:
                    # Retried until stored; a stop leaves it to the journal.
                    await self._recorder.record(outcome)
            finally:
                # Counted from the answer, not the request: Telegram sees the request
                # arrive at most then, so network jitter can never squeeze two sends.
                self.limits.record(row.chat_id, row.chat_type)
                self._in_flight.discard(row.chat_id)
                self._sending.discard(row.id)
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
        except TelegramAPIError as exc:  # 401, 404, 409...: the server's state, not the message
            if "too many requests" in exc.message.lower():
                return self._too_many(row, DEFAULT_RETRY_AFTER, exc.message)
            return self._transient(row, exc.message)
        self._outage = 0
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
        """A 5xx or network error: the server's trouble. Retry the row with backoff until
        ``retry_for_seconds`` after its first failure; pause every send while they last."""
        cap = self.settings.max_backoff_seconds
        self._outage += 1
        pause = backoff(self._outage, cap)
        if pause > self.pacer.paused_until - time.monotonic():
            if self._outage in (3, 10) or self._outage % 50 == 0:
                log.warning("Bot API failing (%d errors in a row: %s); sends pause %.1f s",
                            self._outage, error, pause)  # fmt: skip
            self.pacer.pause(pause)
        return self._retry_later(row, error)

    def _retry_later(self, row: Claimed, error: str) -> Outcome:
        now = now_ts()
        since = row.failing_since if row.failing_since is not None else now
        if now - since >= self.settings.retry_for_seconds:
            self.stats.failed += 1
            log.warning("delivery %s failed: still failing after %d s (%d attempts): %s",
                        row.id, now - since, row.attempts + 1, error)  # fmt: skip
            return Outcome(row.id, "failed", error=error[:500], count_attempt=True)
        self.stats.retried += 1
        wait = backoff(row.attempts + 1, self.settings.max_backoff_seconds)
        self.limits.block(row.chat_id, wait)
        self._due_in(wait)
        return Outcome(row.id, "retry", not_before=now + int(wait), error=error[:500],
                       count_attempt=True, failing_since=since)  # fmt: skip

    def _due_in(self, seconds: float) -> None:
        """A row goes back to the DB due in ``seconds``: claim again then, not at the next
        idle poll (a short backoff stays short)."""
        if seconds <= IDLE_POLL_SECONDS:
            at = time.monotonic() + seconds
            if self._retry_at is None or at < self._retry_at:
                self._retry_at = at

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
