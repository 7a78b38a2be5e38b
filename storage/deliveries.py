"""The outbox: one row per (chat, topic, article) to send, and its state.

Life of a row: ``pending`` -> (claimed by the worker) ``sending`` -> ``sent`` | ``failed`` |
``dropped``; a retry puts it back to ``pending`` with a later ``not_before``. At start the
worker calls :meth:`DeliveryRepository.reset_in_flight`: rows left in ``sending`` by a crash go
back to ``pending``. Those (at most the worker's concurrency) may already have reached Telegram
and can be sent twice; every other row is sent exactly once.

On PostgreSQL several instances may claim at once: :meth:`DeliveryRepository.claim` locks the
rows it takes with ``FOR UPDATE SKIP LOCKED`` (two claims never get the same row) and gives
each a lease (``claimed_until``, :data:`LEASE_SECONDS` by default), which the claimer's
worker renews (:meth:`~DeliveryRepository.renew`) while it holds the row. A row still
``sending`` when its lease has run out (its instance died, or stopped renewing) is claimable
again, and :meth:`~DeliveryRepository.reset_in_flight` only gives back rows whose lease ran
out, never those another live instance is sending. The lease is short so that a standby
sends a dead leader's rows soon after taking over. On SQLite one process sends, as before.

Planning rule (see :meth:`DeliveryRepository.plan_simple`): a subscription counts for an
article when the article was fetched after the subscription was created and published at
most :data:`PLAN_GRACE_SECONDS` before it. Subscribing therefore never floods a chat with old
news, while an item published a few minutes before the user subscribed, and fetched after,
still arrives (portals publish, feeds lag).

Planning in chunks (see :meth:`DeliveryRepository.open_plan`): planning an article records
one ``delivery_plans`` row (and marks the article planned, in the same transaction); the
rows are then written a bounded chunk of subscriptions at a time, oldest plan first, by
:meth:`~DeliveryRepository.plan_chunk` (plain chats, one ``INSERT ... SELECT``) and
:meth:`~DeliveryRepository.chunk_candidates` (chats with filters or quiet hours, checked in
Python by the planner) over the same key range, after which
:meth:`~DeliveryRepository.advance_plan` moves the plan's cursor. The rows of a chunk are
committed before the cursor moves: a crash in between does that chunk again, and
``deliveries_once`` ignores the rows it already has (nothing is lost, nothing doubled). The
chunks follow the subscriptions index ``subscriptions_region`` (region, chat, topic); a chat
subscribed to two of the article's regions is met twice and planned once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import asyncpg

from storage.base import Database, Row, now_ts

PLAN_GRACE_SECONDS = 30 * 60
# Times a planning statement runs again when a chat it read was moved meanwhile.
_MOVED_CHAT_RETRIES = 3
# How long a claimed row stays with its claimer on PostgreSQL before another may take it.
# The worker renews the lease of the rows it holds every third of it, so a row stays leased
# as long as its claimer lives (whatever a send waits for), and at most this long after.
LEASE_SECONDS = 10

# Where a subscription matches an article: one of its regions, or '*' (all of Russia);
# the subscription predates the fetch and the article is not old news for it.
_MATCH = """
    FROM subscriptions s
    JOIN chats c ON c.id = s.chat_id AND c.active = 1
    LEFT JOIN chat_settings cs ON cs.chat_id = s.chat_id
    WHERE s.region IN (SELECT region FROM article_regions WHERE article_id = :aid
                         AND (role = 'main' OR COALESCE(cs.mentioned, 0) = 1)
                       UNION ALL SELECT '*')
      AND s.created_at <= :fetched AND s.created_at <= :newest
      AND COALESCE(cs.mode, 'instant') = 'instant'
"""
_PLAIN = """
      AND (cs.quiet_start IS NULL OR cs.quiet_end IS NULL)
      AND NOT EXISTS (SELECT 1 FROM chat_filters f
                      WHERE f.chat_id = s.chat_id AND f.thread_id = s.thread_id)
"""
_SPECIAL = """
      AND ((cs.quiet_start IS NOT NULL AND cs.quiet_end IS NOT NULL)
           OR EXISTS (SELECT 1 FROM chat_filters f
                      WHERE f.chat_id = s.chat_id AND f.thread_id = s.thread_id))
"""


@dataclass(frozen=True, slots=True)
class ArticleToPlan:
    id: int
    published_at: int
    fetched_at: int
    duplicate_of: int | None


@dataclass(frozen=True, slots=True)
class OpenPlan:
    """An article whose audience is being written to the outbox, and how far it got:
    every subscription up to ``(region, after)`` in (region, chat, topic) order is done;
    ``after`` None: all of ``region`` is ('' before the first region)."""

    id: int
    article_id: int
    fetched: int
    newest: int
    region: str
    after: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class PlanChunk:
    """Subscriptions of one region with keys in ``(after, upto]`` (None: unbounded)."""

    plan: OpenPlan
    region: str
    main: bool  # the region is one the article is about (else only mentioned)
    after: tuple[int, int] | None
    upto: tuple[int, int] | None  # None: to the end of the region


@dataclass(frozen=True, slots=True)
class Candidate:
    """A (chat, topic) whose filters or quiet hours must be checked in Python."""

    chat_id: int
    thread_id: int
    has_filters: bool
    quiet_start: str | None
    quiet_end: str | None
    timezone: str | None


@dataclass(frozen=True, slots=True)
class Claimed:
    """A row the worker took to send."""

    id: int
    chat_id: int
    thread_id: int
    article_id: int | None
    kind: str
    payload: str | None
    attempts: int
    chat_type: str
    language: str
    link_previews: bool | None  # None: the chat has no settings row (use the default)
    failing_since: int | None = None  # first 5xx/network error (epoch seconds); None: none yet
    # How the push looks in this chat: pictures on (no settings row: on), its zone setting
    # and first subscribed region (the chat's time zone, see quiet_hours.chat_zone).
    pictures: bool = True
    timezone: str | None = None
    first_region: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one claimed row; applied in batches by :meth:`apply`."""

    id: int
    status: str  # 'sent', 'failed', 'retry', 'dropped'
    message_id: int | None = None
    error: str | None = None
    not_before: int = 0
    count_attempt: bool = False
    failing_since: int | None = None  # a retry after a 5xx/network error: when they began


# The claimed row's chat settings that shape the push (pictures, time zone).
_PUSH_LOOK = (
    ", cs.pictures, cs.timezone, (SELECT s.region FROM subscriptions s"
    " WHERE s.chat_id = d.chat_id AND s.region != '*'"
    " ORDER BY s.created_at, s.thread_id, s.region LIMIT 1)"
)


def _claimed(rows: Iterable[Row]) -> list[Claimed]:
    return [
        Claimed(
            id=r[0], chat_id=r[1], thread_id=r[2], article_id=r[3], kind=r[4], payload=r[5],
            attempts=r[6], chat_type=r[7], language=r[8],
            link_previews=None if r[9] is None else bool(r[9]), failing_since=r[10],
            pictures=r[11] is None or bool(r[11]), timezone=r[12], first_region=r[13],
        )
        for r in rows
    ]  # fmt: skip


class DeliveryRepository:
    def __init__(self, db: Database, *, lease_seconds: int = LEASE_SECONDS) -> None:
        self.db = db
        self.lease_seconds = lease_seconds
        self._pg = db.dialect == "postgresql"

    @property
    def leases(self) -> bool:
        """Claims are leased (PostgreSQL) and must be renewed while held."""
        return self._pg

    # Planning -------------------------------------------------------------

    async def unplanned(self, limit: int = 100, *, now: int | None = None) -> list[ArticleToPlan]:
        """Articles to plan: stored with ``planned = 0`` and not waiting for their page's
        full text (``full_text_until`` unset or passed: the lead goes out after the cap)."""
        ts = now_ts() if now is None else now
        rows = await self.db.fetchall(
            "SELECT id, published_at, fetched_at, duplicate_of FROM articles"
            " WHERE planned = 0 AND (full_text_until IS NULL OR full_text_until <= ?)"
            " ORDER BY id LIMIT ?",
            (ts, limit),
        )
        return [ArticleToPlan(r[0], r[1], r[2], r[3]) for r in rows]

    async def article_to_plan(self, article_id: int) -> ArticleToPlan | None:
        r = await self.db.fetchone(
            "SELECT id, published_at, fetched_at, duplicate_of, planned FROM articles WHERE id = ?",
            (article_id,),
        )
        return None if r is None else ArticleToPlan(r[0], r[1], r[2], r[3])

    @staticmethod
    def _params(article: ArticleToPlan, grace: int) -> dict[str, int]:
        return {
            "aid": article.id,
            "fetched": max(article.fetched_at, article.published_at),
            "newest": article.published_at + grace,  # the latest subscription that counts
        }

    async def plan_simple(self, article: ArticleToPlan, *, grace: int = PLAN_GRACE_SECONDS) -> int:
        """Insert due rows for every matching chat without filters or quiet hours, in one
        statement; returns the number of rows inserted (a chat/topic is never doubled)."""
        return await self._insert_plain(_MATCH, self._params(article, grace))

    async def special_candidates(
        self, article: ArticleToPlan, *, grace: int = PLAN_GRACE_SECONDS
    ) -> list[Candidate]:
        """Matching chats/topics that have keyword filters or quiet hours."""
        rows = await self.db.fetchall(
            "SELECT DISTINCT s.chat_id, s.thread_id,"
            " EXISTS (SELECT 1 FROM chat_filters f"
            "         WHERE f.chat_id = s.chat_id AND f.thread_id = s.thread_id) AS has_filters,"
            " cs.quiet_start, cs.quiet_end, cs.timezone" + _MATCH + _SPECIAL,
            self._params(article, grace),
        )
        return [Candidate(r[0], r[1], bool(r[2]), r[3], r[4], r[5]) for r in rows]

    async def insert_rows(self, article_id: int, rows: Iterable[tuple[int, int, int]]) -> int:
        """Insert (chat_id, thread_id, not_before) rows for an article; duplicates ignored."""
        ts = now_ts()
        data = [(chat, thread, article_id, nb, ts) for chat, thread, nb in rows]
        if not data:
            return 0
        if self._pg:
            async with self.db.write() as conn:
                cur = await conn.execute(
                    "INSERT INTO deliveries"
                    " (chat_id, thread_id, article_id, kind, status, not_before, created_at)"
                    " SELECT c, t, ?, 'article', 'pending', nb, ?"
                    " FROM unnest(?::bigint[], ?::bigint[], ?::bigint[]) AS r(c, t, nb)"
                    " ON CONFLICT DO NOTHING",
                    (
                        article_id,
                        ts,
                        [d[0] for d in data],
                        [d[1] for d in data],
                        [d[3] for d in data],
                    ),
                )
                return max(cur.rowcount, 0)
        async with self.db.write() as conn:
            before: int = conn.total_changes  # type: ignore[attr-defined]  # aiosqlite
            await conn.executemany(
                "INSERT OR IGNORE INTO deliveries"
                " (chat_id, thread_id, article_id, kind, status, not_before, created_at)"
                " VALUES (?, ?, ?, 'article', 'pending', ?, ?)",
                data,
            )
            after: int = conn.total_changes  # type: ignore[attr-defined]
            return after - before

    async def mark_planned(self, article_id: int) -> None:
        async with self.db.write() as conn:
            await conn.execute("UPDATE articles SET planned = 1 WHERE id = ?", (article_id,))

    # Planning in chunks ---------------------------------------------------

    async def open_plan(self, article: ArticleToPlan, *, grace: int = PLAN_GRACE_SECONDS) -> None:
        """Record that ``article``'s audience is to be written (nothing for a republished
        copy) and mark it planned, atomically. A plan still open for it (the article is
        planned again: its page brought new regions) starts over from the first region, in
        its place in the queue; the rows it already wrote are not written twice."""
        params = self._params(article, grace)
        async with self.db.write() as conn:
            if article.duplicate_of is None:
                await conn.execute(
                    "INSERT INTO delivery_plans (article_id, fetched, newest, created_at)"
                    " VALUES (?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET"
                    " fetched = excluded.fetched, newest = excluded.newest, region = '',"
                    " after_chat = NULL, after_thread = NULL",
                    (article.id, params["fetched"], params["newest"], now_ts()),
                )
            await conn.execute("UPDATE articles SET planned = 1 WHERE id = ?", (article.id,))

    async def open_plans(self) -> int:
        """Plans whose rows are not all written yet."""
        return int(await self.db.fetchval("SELECT count(*) FROM delivery_plans"))

    async def next_chunk(self, limit: int) -> PlanChunk | None:
        """The next at most ``limit`` subscriptions of the oldest open plan (a plan with
        nothing left is closed on the way); None when no plan is open."""
        while True:
            r = await self.db.fetchone(
                "SELECT id, article_id, fetched, newest, region, after_chat, after_thread"
                " FROM delivery_plans ORDER BY id LIMIT 1"
            )
            if r is None:
                return None
            after = None if r[5] is None else (int(r[5]), int(r[6]))
            plan = OpenPlan(r[0], r[1], r[2], r[3], r[4], after)
            region, main = "", True
            if after is not None:
                region = plan.region
                main = dict(await self._plan_regions(plan.article_id)).get(region, True)
            else:
                later = [(c, m) for c, m in await self._plan_regions(plan.article_id)
                         if c > plan.region]  # fmt: skip
                if not later:
                    await self.db.write_one("DELETE FROM delivery_plans WHERE id = ?", (plan.id,))
                    continue
                region, main = later[0]
            upto = await self._chunk_end(region, after, limit)
            return PlanChunk(plan, region, main, after, upto)

    async def _plan_regions(self, article_id: int) -> list[tuple[str, bool]]:
        """The regions whose subscribers may get the article, in order, with whether the
        article is about them (``main``) or only mentions them; '*' always."""
        rows = await self.db.fetchall(
            "SELECT region, role FROM article_regions WHERE article_id = ?", (article_id,)
        )
        found = {str(r[0]): r[1] == "main" for r in rows}
        found["*"] = True
        return sorted(found.items())

    async def _chunk_end(
        self, region: str, after: tuple[int, int] | None, limit: int
    ) -> tuple[int, int] | None:
        """The key of the ``limit``-th subscription of ``region`` after ``after``; None
        when fewer are left."""
        sql = "SELECT chat_id, thread_id FROM subscriptions WHERE region = ?"
        params: list[object] = [region]
        if after is not None:
            sql += " AND (chat_id, thread_id) > (?, ?)"
            params += after
        r = await self.db.fetchone(
            sql + " ORDER BY chat_id, thread_id LIMIT 1 OFFSET ?", (*params, max(0, limit - 1))
        )
        return None if r is None else (int(r[0]), int(r[1]))

    @staticmethod
    def _chunk_where(chunk: PlanChunk) -> tuple[str, dict[str, object]]:
        plan = chunk.plan
        sql = """
    FROM subscriptions s
    JOIN chats c ON c.id = s.chat_id AND c.active = 1
    LEFT JOIN chat_settings cs ON cs.chat_id = s.chat_id
    WHERE s.region = :region
      AND (CAST(:main AS INTEGER) = 1 OR COALESCE(cs.mentioned, 0) = 1)
      AND s.created_at <= :fetched AND s.created_at <= :newest
      AND COALESCE(cs.mode, 'instant') = 'instant'
"""
        params: dict[str, object] = {
            "aid": plan.article_id, "region": chunk.region, "main": int(chunk.main),
            "fetched": plan.fetched, "newest": plan.newest,
        }  # fmt: skip
        if chunk.after is not None:
            sql += "      AND (s.chat_id, s.thread_id) > (:after_chat, :after_thread)\n"
            params |= {"after_chat": chunk.after[0], "after_thread": chunk.after[1]}
        if chunk.upto is not None:
            sql += "      AND (s.chat_id, s.thread_id) <= (:upto_chat, :upto_thread)\n"
            params |= {"upto_chat": chunk.upto[0], "upto_thread": chunk.upto[1]}
        return sql, params

    async def plan_chunk(self, chunk: PlanChunk) -> int:
        """Insert due rows for the chunk's chats without filters or quiet hours; returns the
        rows inserted (those a chat/topic already has are ignored)."""
        where, params = self._chunk_where(chunk)
        return await self._insert_plain(where, params)

    async def _insert_plain(self, where: str, params: Mapping[str, object]) -> int:
        """Due rows for the chats ``where`` selects that need no filters or quiet hours, in one
        statement; returns the rows inserted (a chat/topic is never doubled)."""
        sql = (
            "INSERT INTO deliveries"
            " (chat_id, thread_id, article_id, kind, status, not_before, created_at)"
            " SELECT s.chat_id, s.thread_id, CAST(:aid AS BIGINT), 'article', 'pending', 0,"
            " CAST(:now AS BIGINT)" + where + _PLAIN + " ON CONFLICT DO NOTHING"
        )
        attempt = 0
        while True:
            try:
                async with self.db.write() as conn:
                    cur = await conn.execute(sql, {**params, "now": now_ts()})
                    return max(cur.rowcount, 0)
            except asyncpg.ForeignKeyViolationError:
                # PostgreSQL checks a new row's chat against the newest committed rows, not
                # the statement's snapshot: a chat moved meanwhile (a group become a
                # supergroup) fails the statement. The next one reads the moved chat and its
                # subscriptions (nothing is doubled: the statement ignores rows it has).
                attempt += 1
                if attempt > _MOVED_CHAT_RETRIES:
                    raise

    async def chunk_candidates(self, chunk: PlanChunk) -> list[Candidate]:
        """The chunk's chats/topics that have keyword filters or quiet hours."""
        where, params = self._chunk_where(chunk)
        rows = await self.db.fetchall(
            "SELECT s.chat_id, s.thread_id,"
            " EXISTS (SELECT 1 FROM chat_filters f"
            "         WHERE f.chat_id = s.chat_id AND f.thread_id = s.thread_id) AS has_filters,"
            " cs.quiet_start, cs.quiet_end, cs.timezone" + where + _SPECIAL,
            params,
        )
        return [Candidate(r[0], r[1], bool(r[2]), r[3], r[4], r[5]) for r in rows]

    async def advance_plan(self, chunk: PlanChunk) -> None:
        """The chunk's rows are written: move the plan's cursor past it (only if nobody moved
        it meanwhile: another instance doing the same chunk just did this)."""
        plan = chunk.plan
        new_after = chunk.upto  # None: the whole region is done
        old_chat, old_thread = plan.after if plan.after is not None else (None, None)
        await self.db.write_one(
            "UPDATE delivery_plans SET region = ?, after_chat = ?, after_thread = ?"
            " WHERE id = ? AND region = ?"
            " AND after_chat IS NOT DISTINCT FROM ? AND after_thread IS NOT DISTINCT FROM ?"
            if self._pg
            else "UPDATE delivery_plans SET region = ?, after_chat = ?, after_thread = ?"
            " WHERE id = ? AND region = ? AND after_chat IS ? AND after_thread IS ?",
            (
                chunk.region,
                None if new_after is None else new_after[0],
                None if new_after is None else new_after[1],
                plan.id,
                plan.region,
                old_chat,
                old_thread,
            ),
        )

    # Sending --------------------------------------------------------------

    async def reset_in_flight(self, *, now: int | None = None) -> int:
        """Rows a crash left in 'sending' go back to 'pending'; returns how many.

        PostgreSQL: only rows whose lease has run out (another instance may be sending the
        others right now)."""
        async with self.db.write() as conn:
            if self._pg:
                cur = await conn.execute(
                    "UPDATE deliveries SET status = 'pending', claimed_until = NULL"
                    " WHERE status = 'sending' AND claimed_until < ?",
                    (now_ts() if now is None else now,),
                )
            else:
                cur = await conn.execute(
                    "UPDATE deliveries SET status = 'pending' WHERE status = 'sending'"
                )
            return max(cur.rowcount, 0)

    async def claim(
        self, limit: int, *, now: int | None = None, exclude_chats: Sequence[int] = ()
    ) -> list[Claimed]:
        """Take up to ``limit`` due rows (oldest first), skipping ``exclude_chats``, and mark
        them 'sending' in one write transaction.

        PostgreSQL: rows are locked with ``FOR UPDATE SKIP LOCKED`` (concurrent claims by
        other instances get other rows) and leased until ``now + lease_seconds``; rows whose
        lease ran out are taken first."""
        ts = now_ts() if now is None else now
        exclude = list(exclude_chats)
        marks = ",".join("?" * len(exclude))
        skip = f" AND chat_id NOT IN ({marks})" if exclude else ""
        if self._pg:
            return await self._claim_pg(limit, ts, exclude, skip)
        async with self.db.write() as conn:
            cur = await conn.execute(
                "UPDATE deliveries SET status = 'sending' WHERE id IN ("
                " SELECT id FROM deliveries WHERE status = 'pending' AND not_before <= ?"
                + skip
                + " ORDER BY id LIMIT ?) RETURNING id",
                (ts, *exclude, limit),
            )
            ids = [r[0] for r in await cur.fetchall()]
            if not ids:
                return []
            marks = ",".join("?" * len(ids))
            cur = await conn.execute(
                "SELECT d.id, d.chat_id, d.thread_id, d.article_id, d.kind, d.payload, d.attempts,"
                " c.type, c.language, cs.link_previews, d.failing_since"
                + _PUSH_LOOK
                + " FROM deliveries d JOIN chats c ON c.id = d.chat_id"
                " LEFT JOIN chat_settings cs ON cs.chat_id = d.chat_id"
                f" WHERE d.id IN ({marks}) ORDER BY d.id",
                ids,
            )
            rows = await cur.fetchall()
        return _claimed(rows)

    async def _claim_pg(self, limit: int, ts: int, exclude: list[int], skip: str) -> list[Claimed]:
        lease = ts + self.lease_seconds
        async with self.db.write() as conn:
            ids: list[int] = []
            # Expired leases first (their sender died), then pending rows, oldest first.
            for where, order in (
                ("status = 'sending' AND claimed_until < ?", "claimed_until, id"),
                ("status = 'pending' AND not_before <= ?", "id"),
            ):
                if len(ids) >= limit:
                    break
                cur = await conn.execute(
                    "UPDATE deliveries SET status = 'sending', claimed_until = ?"
                    " WHERE id IN (SELECT id FROM deliveries"
                    f" WHERE {where}{skip} ORDER BY {order} LIMIT ?"
                    " FOR UPDATE SKIP LOCKED) RETURNING id",
                    (lease, ts, *exclude, limit - len(ids)),
                )
                ids += [int(r[0]) for r in await cur.fetchall()]
            if not ids:
                return []
            cur = await conn.execute(
                "SELECT d.id, d.chat_id, d.thread_id, d.article_id, d.kind, d.payload, d.attempts,"
                " c.type, c.language, cs.link_previews, d.failing_since"
                + _PUSH_LOOK
                + " FROM deliveries d JOIN chats c ON c.id = d.chat_id"
                " LEFT JOIN chat_settings cs ON cs.chat_id = d.chat_id"
                " WHERE d.id = ANY(?::bigint[]) ORDER BY d.id",
                (ids,),
            )
            rows = await cur.fetchall()
        return _claimed(rows)

    async def renew(self, ids: Sequence[int], *, now: int | None = None) -> int:
        """Extend the lease of claimed rows still ``sending`` to ``now + lease_seconds``;
        returns how many were renewed. SQLite has no leases: nothing to do."""
        if not self._pg or not ids:
            return 0
        ts = now_ts() if now is None else now
        async with self.db.write() as conn:
            cur = await conn.execute(
                "UPDATE deliveries SET claimed_until = ?"
                " WHERE id = ANY(?::bigint[]) AND status = 'sending'",
                (ts + self.lease_seconds, list(ids)),
            )
            return max(cur.rowcount, 0)

    async def next_due(self) -> int | None:
        """The earliest ``not_before`` among pending rows (None when nothing is pending)."""
        value = await self.db.fetchval(
            "SELECT min(not_before) FROM deliveries WHERE status = 'pending'"
        )
        if self._pg:  # a lease that runs out makes its row due again
            lease = await self.db.fetchval(
                "SELECT min(claimed_until) FROM deliveries WHERE status = 'sending'"
            )
            if lease is not None:
                value = lease if value is None else min(int(value), int(lease))
        return None if value is None else int(value)

    async def apply(self, outcomes: Sequence[Outcome]) -> None:
        """Record what happened to claimed rows, all in one transaction."""
        if not outcomes:
            return
        ts = now_ts()
        if all(o.status == "sent" for o in outcomes):
            await self._mark_sent(outcomes, ts)
            return
        sent = [(o.message_id, ts, o.id) for o in outcomes if o.status == "sent"]
        final = [(o.status, o.error, int(o.count_attempt), o.id) for o in outcomes
                 if o.status in ("failed", "dropped")]  # fmt: skip
        retry = [(o.not_before, o.error, int(o.count_attempt), o.failing_since, o.id)
                 for o in outcomes if o.status == "retry"]  # fmt: skip
        async with self.db.write() as conn:
            if sent:
                await conn.executemany(
                    "UPDATE deliveries SET status = 'sent', attempts = attempts + 1,"
                    " message_id = ?, sent_at = ?, last_error = NULL WHERE id = ?",
                    sent,
                )
            if final:
                await conn.executemany(
                    "UPDATE deliveries SET status = ?, last_error = ?, attempts = attempts + ?"
                    " WHERE id = ?",
                    final,
                )
            if retry:
                await conn.executemany(
                    "UPDATE deliveries SET status = 'pending', not_before = ?, last_error = ?,"
                    " attempts = attempts + ?, failing_since = COALESCE(failing_since, ?)"
                    " WHERE id = ?",
                    retry,
                )

    async def _mark_sent(self, outcomes: Sequence[Outcome], ts: int) -> None:
        """The common case at full speed: one statement (atomic on its own) under the
        connection's write lock, instead of BEGIN + UPDATE + COMMIT. Each statement is a
        hop to aiosqlite's thread, and those hops are the send path's main cost."""
        if self._pg:
            await self.db.write_one(
                "UPDATE deliveries d SET status = 'sent', attempts = d.attempts + 1,"
                " sent_at = ?, last_error = NULL, message_id = v.mid"
                " FROM unnest(?::bigint[], ?::bigint[]) AS v(id, mid) WHERE d.id = v.id",
                (ts, [o.id for o in outcomes], [o.message_id for o in outcomes]),
            )
            return
        cases = " ".join("WHEN ? THEN ?" for _ in outcomes)
        marks = ",".join("?" * len(outcomes))
        params: list[int | None] = [ts]
        for o in outcomes:
            params += (o.id, o.message_id)
        params += (o.id for o in outcomes)
        await self.db.write_one(
            "UPDATE deliveries SET status = 'sent', attempts = attempts + 1, sent_at = ?,"
            f" last_error = NULL, message_id = CASE id {cases} END WHERE id IN ({marks})",
            params,
        )

    async def deactivate_chat(self, chat_id: int, reason: str) -> int:
        """The chat blocked or removed the bot: inactive, and its waiting rows dropped.

        The change is dated now: a ``my_chat_member`` update older than it changes nothing.
        """
        ts = now_ts()
        async with self.db.write() as conn:
            await conn.execute(
                "UPDATE chats SET active = 0, updated_at = ?,"
                # The later of the two (CASE: SQLite's MAX and PostgreSQL's GREATEST differ).
                " membership_at = CASE WHEN COALESCE(membership_at, 0) > ?"
                " THEN membership_at ELSE ? END WHERE id = ?",
                (ts, ts, ts, chat_id),
            )
            cur = await conn.execute(
                "UPDATE deliveries SET status = 'dropped', last_error = ?"
                " WHERE chat_id = ? AND status IN ('pending', 'sending')",
                (reason, chat_id),
            )
            return max(cur.rowcount, 0)

    # Digests --------------------------------------------------------------

    async def digest_article_ids(
        self, regions: Sequence[str], since: int, until: int, limit: int
    ) -> list[int]:
        """The newest non-duplicate articles of ``regions`` ('*': all) fetched in [since, until)."""
        if not regions:
            return []
        if "*" in regions:
            rows = await self.db.fetchall(
                "SELECT id FROM articles WHERE fetched_at >= ? AND fetched_at < ?"
                " AND duplicate_of IS NULL ORDER BY published_at DESC, id DESC LIMIT ?",
                (since, until, limit),
            )
        else:
            marks = ",".join("?" * len(regions))
            rows = await self.db.fetchall(
                "SELECT a.id FROM articles a WHERE a.fetched_at >= ? AND a.fetched_at < ?"
                " AND a.duplicate_of IS NULL AND EXISTS (SELECT 1 FROM article_regions r"
                f"  WHERE r.article_id = a.id AND r.region IN ({marks}))"
                " ORDER BY a.published_at DESC, a.id DESC LIMIT ?",
                (since, until, *regions, limit),
            )
        return [r[0] for r in rows]

    async def add_digest(self, chat_id: int, payload: str | None, period_end: int) -> bool:
        """Queue one digest and move ``last_digest_at`` to ``period_end``, atomically; a
        second call for the same period does nothing (returns False). ``payload`` None: no
        news in the period, only the mark moves."""
        ts = now_ts()
        async with self.db.write() as conn:
            cur = await conn.execute(
                "UPDATE chat_settings SET last_digest_at = ? WHERE chat_id = ?"
                " AND (last_digest_at IS NULL OR last_digest_at < ?)",
                (period_end, chat_id, period_end),
            )
            if cur.rowcount != 1:
                return False
            if payload is not None:
                await conn.execute(
                    "INSERT INTO deliveries (chat_id, thread_id, article_id, kind, payload,"
                    " status, not_before, created_at) VALUES (?, 0, NULL, 'digest', ?,"
                    " 'pending', 0, ?)",
                    (chat_id, payload, ts),
                )
            return True

    # Reports --------------------------------------------------------------

    async def counts(self) -> dict[str, int]:
        """Rows by status."""
        rows = await self.db.fetchall("SELECT status, count(*) FROM deliveries GROUP BY status")
        return {r[0]: r[1] for r in rows}

    async def pending_count(self) -> int:
        return int(
            await self.db.fetchval(
                "SELECT count(*) FROM deliveries WHERE status IN ('pending', 'sending')"
            )
        )
