"""Subscriptions of chats (and forum topics) to regions, keyword filters, chat settings.

A subscription is ``(chat_id, thread_id, region)``: ``thread_id`` is the forum topic the
subscription was made in (``message_thread_id``), 0 outside forum topics; ``region`` is a
catalogue code such as ``RU-KK`` or :data:`ALL_REGIONS` (``'*'``, «Вся Россия»).

Keyword filters belong to a chat and topic as well: include lemmas (one of them required)
and exclude lemmas (none of them allowed). Chat settings hold the delivery mode (instant
pushes or a daily digest), the digest time, the time zone, quiet hours and link previews.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from storage.base import Database, Row, now_ts

__all__ = [
    "ALL_REGIONS",
    "DEFAULT_DIGEST_TIME",
    "MODES",
    "ChatFilters",
    "ChatSettings",
    "FilterWord",
    "RegionCount",
    "Subscription",
    "SubscriptionRepository",
]

ALL_REGIONS = "*"
MODES = ("instant", "digest")
DEFAULT_DIGEST_TIME = "09:00"

# Columns of chat_settings that update_settings() may change.
_SETTING_COLUMNS = frozenset(
    {
        "mode",
        "digest_time",
        "timezone",
        "quiet_start",
        "quiet_end",
        "link_previews",
        "mentioned",
        "pictures",
    }
)


@dataclass(frozen=True, slots=True)
class Subscription:
    chat_id: int
    thread_id: int  # forum topic; 0: the chat itself
    region: str  # catalogue code or '*'
    created_at: datetime  # UTC; only articles published after it are pushed


@dataclass(frozen=True, slots=True)
class FilterWord:
    lemma: str
    word: str  # as the user typed it, for display
    include: bool


@dataclass(frozen=True, slots=True)
class ChatFilters:
    """Keyword filters of one chat (topic): lemmas to require (any) and to refuse (all)."""

    include: frozenset[str] = frozenset()
    exclude: frozenset[str] = frozenset()
    # The words as typed, include first then exclude, each alphabetically: for display.
    words: tuple[FilterWord, ...] = field(default=(), compare=False)

    @property
    def empty(self) -> bool:
        return not self.include and not self.exclude


@dataclass(frozen=True, slots=True)
class ChatSettings:
    """Delivery settings of a chat; the defaults when the chat never changed them."""

    chat_id: int
    mode: str = "instant"  # 'instant' | 'digest'
    digest_time: str = DEFAULT_DIGEST_TIME  # local "HH:MM"
    timezone: str | None = None  # IANA; None: the first subscribed region's zone
    quiet_start: str | None = None  # local "HH:MM"; None: no quiet hours
    quiet_end: str | None = None
    link_previews: bool = True
    last_digest_at: datetime | None = None  # UTC
    # Also push articles that only mention the chat's regions (not only those about them).
    mentioned: bool = False
    pictures: bool = True  # an article with a picture is pushed as a photo

    @property
    def quiet_hours(self) -> tuple[str, str] | None:
        if self.quiet_start and self.quiet_end:
            return self.quiet_start, self.quiet_end
        return None


@dataclass(frozen=True, slots=True)
class RegionCount:
    region: str
    subscriptions: int


def _dt(ts: int | None) -> datetime | None:
    return None if ts is None else datetime.fromtimestamp(ts, UTC)


def _subscription(row: Row) -> Subscription:
    return Subscription(
        chat_id=row["chat_id"],
        thread_id=row["thread_id"],
        region=row["region"],
        created_at=datetime.fromtimestamp(row["created_at"], UTC),
    )


def _settings(row: Row) -> ChatSettings:
    return ChatSettings(
        chat_id=row["chat_id"],
        mode=row["mode"],
        digest_time=row["digest_time"],
        timezone=row["timezone"],
        quiet_start=row["quiet_start"],
        quiet_end=row["quiet_end"],
        link_previews=bool(row["link_previews"]),
        last_digest_at=_dt(row["last_digest_at"]),
        mentioned=bool(row["mentioned"]),
        pictures=bool(row["pictures"]),
    )


class SubscriptionRepository:
    """The SQL of the ``subscriptions``, ``chat_filters`` and ``chat_settings`` tables."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- subscriptions -------------------------------------------------------------------

    async def subscribe(self, chat_id: int, thread_id: int, region: str) -> bool:
        """Subscribe the chat (topic) to ``region`` (a code or '*'); False if it already was.

        The chat must be recorded in ``chats`` first (the chat middleware does that).
        """
        async with self.db.write() as conn:
            cur = await conn.execute(
                "INSERT INTO subscriptions (chat_id, thread_id, region, created_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (chat_id, thread_id, region, now_ts()),
            )
            return cur.rowcount > 0

    async def unsubscribe(self, chat_id: int, thread_id: int, region: str) -> bool:
        """Remove one subscription; False if there was none."""
        async with self.db.write() as conn:
            cur = await conn.execute(
                "DELETE FROM subscriptions WHERE chat_id = ? AND thread_id = ? AND region = ?",
                (chat_id, thread_id, region),
            )
            return cur.rowcount > 0

    async def unsubscribe_all(self, chat_id: int, thread_id: int | None = None) -> int:
        """Remove every subscription of the chat (or of one topic); returns how many."""
        sql = "DELETE FROM subscriptions WHERE chat_id = ?"
        params: list[Any] = [chat_id]
        if thread_id is not None:
            sql += " AND thread_id = ?"
            params.append(thread_id)
        async with self.db.write() as conn:
            cur = await conn.execute(sql, params)
            return cur.rowcount

    async def list_for_chat(self, chat_id: int, thread_id: int | None = None) -> list[Subscription]:
        """The chat's subscriptions (all topics when ``thread_id`` is None), oldest first."""
        sql = "SELECT * FROM subscriptions WHERE chat_id = ?"
        params: list[Any] = [chat_id]
        if thread_id is not None:
            sql += " AND thread_id = ?"
            params.append(thread_id)
        sql += " ORDER BY created_at, thread_id, region"
        return [_subscription(r) for r in await self.db.fetchall(sql, params)]

    async def is_subscribed(self, chat_id: int, thread_id: int, region: str) -> bool:
        row = await self.db.fetchone(
            "SELECT 1 FROM subscriptions WHERE chat_id = ? AND thread_id = ? AND region = ?",
            (chat_id, thread_id, region),
        )
        return row is not None

    async def subscribers(self, regions: Iterable[str]) -> list[Subscription]:
        """Subscriptions of *active* chats to any of ``regions`` or to '*' (planning).

        One row per (chat, topic, region); a chat subscribed to two of the regions appears
        twice: the planner deduplicates per (chat, topic).
        """
        wanted = sorted({*regions, ALL_REGIONS})
        marks = ",".join("?" * len(wanted))
        rows = await self.db.fetchall(
            f"""
            SELECT s.* FROM subscriptions s JOIN chats c ON c.id = s.chat_id
            WHERE s.region IN ({marks}) AND c.active = 1
            ORDER BY s.chat_id, s.thread_id, s.created_at
            """,
            wanted,
        )
        return [_subscription(r) for r in rows]

    async def first_region(self, chat_id: int) -> str | None:
        """The chat's earliest subscribed region code (not '*'): its default time zone."""
        value = await self.db.fetchval(
            "SELECT region FROM subscriptions WHERE chat_id = ? AND region != ?"
            " ORDER BY created_at, thread_id, region LIMIT 1",
            (chat_id, ALL_REGIONS),
        )
        return None if value is None else str(value)

    async def zone_inputs(self, chat_id: int) -> tuple[str | None, str | None]:
        """What the chat's time zone depends on, in one query: its own zone setting and its
        first subscribed region (see ``bot.delivery.quiet_hours.chat_zone``)."""
        row = await self.db.fetchone(
            "SELECT (SELECT timezone FROM chat_settings WHERE chat_id = :c) AS tz,"
            " (SELECT region FROM subscriptions WHERE chat_id = :c AND region != :all"
            "  ORDER BY created_at, thread_id, region LIMIT 1) AS region",
            {"c": chat_id, "all": ALL_REGIONS},
        )
        if row is None:
            return None, None
        return row["tz"], row["region"]

    async def count_by_region(self, limit: int | None = None) -> list[RegionCount]:
        """Subscriptions per region (of active chats), most first; ``limit`` keeps the top."""
        sql = (
            "SELECT s.region, COUNT(*) AS n FROM subscriptions s JOIN chats c ON c.id = s.chat_id"
            " WHERE c.active = 1 GROUP BY s.region ORDER BY n DESC, s.region"
        )
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [RegionCount(r["region"], int(r["n"])) for r in await self.db.fetchall(sql, params)]

    async def count(self) -> int:
        """All subscriptions of active chats."""
        value = await self.db.fetchval(
            "SELECT COUNT(*) FROM subscriptions s JOIN chats c ON c.id = s.chat_id"
            " WHERE c.active = 1"
        )
        return int(value or 0)

    # --- keyword filters -----------------------------------------------------------------

    async def filters_for(self, chat_id: int, thread_id: int) -> ChatFilters:
        """The chat's (topic's) keyword filters; empty when there are none."""
        rows = await self.db.fetchall(
            "SELECT lemma, word, include FROM chat_filters WHERE chat_id = ? AND thread_id = ?"
            " ORDER BY include DESC, lemma",
            (chat_id, thread_id),
        )
        words = tuple(FilterWord(r["lemma"], r["word"], bool(r["include"])) for r in rows)
        return ChatFilters(
            include=frozenset(w.lemma for w in words if w.include),
            exclude=frozenset(w.lemma for w in words if not w.include),
            words=words,
        )

    async def add_filters(
        self, chat_id: int, thread_id: int, words: Iterable[FilterWord]
    ) -> ChatFilters:
        """Add include/exclude words; a word given with the other sign switches sides.

        Returns the filters after the change.
        """
        async with self.db.write() as conn:
            for w in words:
                await conn.execute(
                    "DELETE FROM chat_filters WHERE chat_id = ? AND thread_id = ? AND lemma = ?",
                    (chat_id, thread_id, w.lemma),
                )
                await conn.execute(
                    "INSERT INTO chat_filters (chat_id, thread_id, lemma, word, include)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (chat_id, thread_id, w.lemma, w.word, int(w.include)),
                )
        return await self.filters_for(chat_id, thread_id)

    async def remove_filters(self, chat_id: int, thread_id: int, lemmas: Iterable[str]) -> int:
        """Remove the words with these lemmas (either sign); returns how many rows went."""
        removed = 0
        async with self.db.write() as conn:
            for lemma in set(lemmas):
                cur = await conn.execute(
                    "DELETE FROM chat_filters WHERE chat_id = ? AND thread_id = ? AND lemma = ?",
                    (chat_id, thread_id, lemma),
                )
                removed += cur.rowcount
        return removed

    async def clear_filters(self, chat_id: int, thread_id: int) -> int:
        """Remove every filter word of the chat (topic); returns how many."""
        async with self.db.write() as conn:
            cur = await conn.execute(
                "DELETE FROM chat_filters WHERE chat_id = ? AND thread_id = ?",
                (chat_id, thread_id),
            )
            return cur.rowcount

    # --- chat settings -------------------------------------------------------------------

    async def get_settings(self, chat_id: int) -> ChatSettings:
        """The chat's settings; :class:`ChatSettings` defaults when it has no row."""
        row = await self.db.fetchone("SELECT * FROM chat_settings WHERE chat_id = ?", (chat_id,))
        return ChatSettings(chat_id=chat_id) if row is None else _settings(row)

    async def update_settings(self, chat_id: int, /, **changes: Any) -> ChatSettings:
        """Change some settings (``mode``, ``digest_time``, ``timezone``, ``quiet_start``,
        ``quiet_end``, ``link_previews``, ``mentioned``, ``pictures``); creates the row with
        defaults first.

        Values are stored as given (the handlers validate them); raises ValueError for an
        unknown key or mode. Switching from instant to digest clears ``last_digest_at``.
        Returns the settings after the change.
        """
        unknown = set(changes) - _SETTING_COLUMNS
        if unknown:
            raise ValueError(f"unknown chat settings: {sorted(unknown)}")
        if "mode" in changes and changes["mode"] not in MODES:
            raise ValueError(f"mode must be one of {MODES}")
        for flag in ("link_previews", "mentioned", "pictures"):
            if flag in changes:
                changes[flag] = int(bool(changes[flag]))
        async with self.db.write() as conn:
            await conn.execute(
                "INSERT INTO chat_settings (chat_id) VALUES (?) ON CONFLICT DO NOTHING", (chat_id,)
            )
            if changes:
                keys = sorted(changes)
                assignments = ", ".join(f"{k} = ?" for k in keys)
                if changes.get("mode") == "digest":
                    # Switching to the digest starts a new period: the digest job begins
                    # afresh instead of catching up from a digest sent long ago.
                    assignments += (
                        ", last_digest_at ="
                        " CASE WHEN mode = 'digest' THEN last_digest_at ELSE NULL END"
                    )
                await conn.execute(
                    f"UPDATE chat_settings SET {assignments} WHERE chat_id = ?",
                    [*(changes[k] for k in keys), chat_id],
                )
        return await self.get_settings(chat_id)

    async def mark_digest_sent(self, chat_id: int, at: datetime) -> None:
        """Record when the chat's last digest was planned (``at`` is UTC-aware)."""
        async with self.db.write() as conn:
            await conn.execute(
                "INSERT INTO chat_settings (chat_id) VALUES (?) ON CONFLICT DO NOTHING", (chat_id,)
            )
            await conn.execute(
                "UPDATE chat_settings SET last_digest_at = ? WHERE chat_id = ?",
                (int(at.timestamp()), chat_id),
            )

    async def digest_chats(self) -> list[ChatSettings]:
        """Settings of every active chat in digest mode (the digest job walks them)."""
        rows = await self.db.fetchall(
            "SELECT s.* FROM chat_settings s JOIN chats c ON c.id = s.chat_id"
            " WHERE s.mode = 'digest' AND c.active = 1 ORDER BY s.chat_id"
        )
        return [_settings(r) for r in rows]

    # --- chat life cycle -----------------------------------------------------------------

    async def deactivate(self, chat_id: int) -> None:
        """Mark the chat inactive (blocked the bot, kicked it, deleted): no more pushes.

        Subscriptions stay, so a chat that comes back finds them again.
        """
        async with self.db.write() as conn:
            await conn.execute(
                "UPDATE chats SET active = 0, updated_at = ? WHERE id = ?", (now_ts(), chat_id)
            )

    async def move_chat(self, old_id: int, new_id: int) -> None:
        """A group became a supergroup (``migrate_to_chat_id``): move everything to ``new_id``.

        Subscriptions, filters, settings and deliveries follow the chat. When no row
        for ``new_id`` exists the chats row is renumbered and ON UPDATE CASCADE carries the
        rest. When one exists already (the new supergroup wrote first), rows are merged into
        it (existing rows of ``new_id`` win on conflicts, except settings: the old chat's
        choices are kept) and the old chat row is deleted.
        """
        if old_id == new_id:
            return
        async with self.db.write() as conn:
            async with conn.execute("SELECT 1 FROM chats WHERE id = ?", (old_id,)) as cur:
                old_exists = await cur.fetchone() is not None
            if not old_exists:
                return
            async with conn.execute("SELECT 1 FROM chats WHERE id = ?", (new_id,)) as cur:
                new_exists = await cur.fetchone() is not None
            if not new_exists:
                await conn.execute(
                    "UPDATE chats SET id = ?, type = 'supergroup', updated_at = ? WHERE id = ?",
                    (new_id, now_ts(), old_id),
                )
                return
            await conn.execute(
                "INSERT INTO subscriptions (chat_id, thread_id, region, created_at)"
                " SELECT ?, thread_id, region, created_at FROM subscriptions WHERE chat_id = ?"
                " ON CONFLICT DO NOTHING",
                (new_id, old_id),
            )
            await conn.execute(
                "INSERT INTO chat_filters (chat_id, thread_id, lemma, word, include)"
                " SELECT ?, thread_id, lemma, word, include FROM chat_filters WHERE chat_id = ?"
                " ON CONFLICT DO NOTHING",
                (new_id, old_id),
            )
            await conn.execute(
                "INSERT INTO chat_settings (chat_id, mode, digest_time, timezone,"
                " quiet_start, quiet_end, link_previews, last_digest_at, mentioned)"
                " SELECT ?, mode, digest_time, timezone, quiet_start, quiet_end, link_previews,"
                " last_digest_at, mentioned FROM chat_settings WHERE chat_id = ?"
                " ON CONFLICT (chat_id) DO UPDATE SET mode = excluded.mode,"
                " digest_time = excluded.digest_time, timezone = excluded.timezone,"
                " quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end,"
                " link_previews = excluded.link_previews, last_digest_at = excluded.last_digest_at,"
                " mentioned = excluded.mentioned",
                (new_id, old_id),
            )
            # Deliveries follow (history too); one the new id already has for an article wins
            # (the old chat's row stays behind and goes with it).
            await conn.execute(
                "UPDATE deliveries SET chat_id = ? WHERE chat_id = ? AND (article_id IS NULL"
                " OR NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.chat_id = ?"
                "  AND d.thread_id = deliveries.thread_id"
                "  AND d.article_id = deliveries.article_id))",
                (new_id, old_id, new_id),
            )
            await conn.execute(
                "UPDATE chats SET active = 1, updated_at = ? WHERE id = ?", (now_ts(), new_id)
            )
            await conn.execute("DELETE FROM chats WHERE id = ?", (old_id,))
