"""Events (forums, sessions, festivals) grouped from the articles that report them.

The repository stores what ``bot.events.grouping`` decides: an event row with its merged facts
(JSON, each fact carrying the ids of the articles it came from) and its status, one
``event_articles`` row per reporting article with that article's own facts, and the event's
regions. It also keeps the grouping flag of articles (``articles.grouped``): the grouping tick
reads every article stored with ``grouped = 0``, whoever stored it.

The calendar reads :meth:`EventRepository.upcoming` («Скоро») and :meth:`EventRepository.past`
(«Прошли»); cancelled events are in neither.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from storage.base import Database, Row, now_ts

__all__ = [
    "EVENT_STATUSES",
    "EventArticle",
    "EventRecord",
    "EventRepository",
    "NewEvent",
    "UngroupedArticle",
]

# What the reports say of the gathering, merged (bot.events.grouping.merge_status).
EVENT_STATUSES = ("held", "announced", "cancelled", "postponed")
# Reports whose dates are ahead and not confirmed yet: listed under «Скоро».
_AHEAD = "('announced', 'postponed')"


@dataclass(frozen=True, slots=True)
class NewEvent:
    """The fields of an event row, as ``bot.eventing`` computes them."""

    kind: str
    name: str | None
    name_key: str
    label: str
    start_date: date | None
    end_date: date | None
    date_text: str
    city: str | None
    venue: str | None
    regions: tuple[str, ...]
    facts: Mapping[str, Any]
    summary: str
    status: str = "held"  # one of EVENT_STATUSES


@dataclass(frozen=True, slots=True)
class EventRecord:
    id: int
    kind: str
    name: str | None
    name_key: str
    label: str
    start_date: date | None
    end_date: date | None
    date_text: str
    city: str | None
    venue: str | None
    regions: tuple[str, ...]
    facts: Mapping[str, Any]
    summary: str
    first_published_at: datetime
    last_published_at: datetime
    articles_count: int
    status: str = "held"  # one of EVENT_STATUSES

    @property
    def former_dates(self) -> tuple[date, date] | None:
        """The dates before a postponement (``facts["former_date"]``), if it was postponed."""
        former = self.facts.get("former_date")
        if not isinstance(former, Mapping) or not former.get("value"):
            return None
        start = date.fromisoformat(str(former["value"]))
        end = date.fromisoformat(str(former["end"])) if former.get("end") else start
        return start, end

    @property
    def title(self) -> str:
        return f"{self.kind} «{self.name}»" if self.name else self.label

    @property
    def place(self) -> str | None:
        parts = [p for p in (self.city, self.venue) if p]
        return ", ".join(parts) if parts else None


@dataclass(frozen=True, slots=True)
class UngroupedArticle:
    """An article event grouping has not read yet."""

    id: int
    duplicate_of: int | None  # a copy of another portal's article: nothing to read


@dataclass(frozen=True, slots=True)
class EventArticle:
    article_id: int
    facts: Mapping[str, Any]
    published_at: datetime


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _ts(value: datetime) -> int:
    return int(value.timestamp())


_COLUMNS_SQL = """
    e.id, e.kind, e.name, e.name_key, e.label, e.start_date, e.end_date, e.date_text, e.city,
    e.venue, e.facts, e.summary, e.first_published_at, e.last_published_at, e.articles_count,
    e.status,
    (SELECT {concat} FROM event_regions r WHERE r.event_id = e.id) AS regions
"""
_COLUMNS = {
    "sqlite": _COLUMNS_SQL.format(concat="group_concat(region)"),
    "postgresql": _COLUMNS_SQL.format(concat="string_agg(region, ',')"),
}


def _record(row: Row) -> EventRecord:
    regions = row["regions"]
    return EventRecord(
        id=row["id"],
        kind=row["kind"],
        name=row["name"],
        name_key=row["name_key"],
        label=row["label"],
        start_date=_date(row["start_date"]),
        end_date=_date(row["end_date"]),
        date_text=row["date_text"],
        city=row["city"],
        venue=row["venue"],
        regions=tuple(sorted(regions.split(","))) if regions else (),
        facts=json.loads(row["facts"]),
        summary=row["summary"],
        first_published_at=datetime.fromtimestamp(row["first_published_at"], UTC),
        last_published_at=datetime.fromtimestamp(row["last_published_at"], UTC),
        articles_count=row["articles_count"],
        status=row["status"],
    )


class EventRepository:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._columns = _COLUMNS[db.dialect]

    # --- reading --------------------------------------------------------------------------

    async def get(self, event_id: int) -> EventRecord | None:
        row = await self.db.fetchone(
            f"SELECT {self._columns} FROM events e WHERE e.id = ?", (event_id,)
        )
        return None if row is None else _record(row)

    async def event_of_article(self, article_id: int) -> int | None:
        value = await self.db.fetchval(
            "SELECT event_id FROM event_articles WHERE article_id = ?", (article_id,)
        )
        return None if value is None else int(value)

    async def events_of_articles(self, article_ids: Sequence[int]) -> dict[int, int]:
        """article id -> event id, for the articles that report an event."""
        if not article_ids:
            return {}
        marks = ",".join("?" * len(article_ids))
        rows = await self.db.fetchall(
            f"SELECT article_id, event_id FROM event_articles WHERE article_id IN ({marks})",
            article_ids,
        )
        return {int(r["article_id"]): int(r["event_id"]) for r in rows}

    async def find_by_key(self, kind: str, name_key: str, *, since: datetime) -> list[EventRecord]:
        """Events of ``kind`` with this normalised name, reported after ``since``."""
        rows = await self.db.fetchall(
            f"SELECT {self._columns} FROM events e WHERE e.kind = ? AND e.name_key = ?"
            " AND e.last_published_at >= ? ORDER BY e.last_published_at DESC",
            (kind, name_key, _ts(since)),
        )
        return [_record(r) for r in rows]

    async def find_candidates(
        self, kind: str, first: date | None, last: date | None, *, since: datetime, limit: int = 200
    ) -> list[EventRecord]:
        """Events of ``kind`` reported after ``since`` that a nameless report may belong to.

        With dates: events whose dates overlap ``first``..``last``, events without dates (an
        announcement waiting for its date) and postponed events (matched on their former
        dates too). Without dates (an announcement or a cancellation that gives none): every
        event of the kind in the window. :func:`bot.events.grouping.same_event` decides.
        """
        where = "e.kind = ? AND e.last_published_at >= ?"
        params: list[Any] = [kind, _ts(since)]
        if first is not None and last is not None:
            where += (
                " AND (e.start_date IS NULL OR e.status = 'postponed'"
                " OR (e.start_date <= ? AND COALESCE(e.end_date, e.start_date) >= ?))"
            )
            params += [last.isoformat(), first.isoformat()]
        rows = await self.db.fetchall(
            f"SELECT {self._columns} FROM events e WHERE {where}"
            " ORDER BY e.last_published_at DESC, e.id DESC LIMIT ?",
            [*params, limit],
        )
        return [_record(r) for r in rows]

    async def upcoming(
        self, *, today: date, region: str | None = None, limit: int = 10
    ) -> list[EventRecord]:
        """«Скоро»: announced or postponed events not over by ``today``, soonest first."""
        where = (
            f"e.status IN {_AHEAD} AND e.start_date IS NOT NULL"
            " AND COALESCE(e.end_date, e.start_date) >= ?"
        )
        params: list[Any] = [today.isoformat()]
        if region is not None:
            where += " AND e.id IN (SELECT event_id FROM event_regions WHERE region = ?)"
            params.append(region)
        rows = await self.db.fetchall(
            f"SELECT {self._columns} FROM events e WHERE {where}"
            " ORDER BY e.start_date, e.id LIMIT ?",
            [*params, limit],
        )
        return [_record(r) for r in rows]

    async def past(
        self, *, today: date, region: str | None = None, limit: int = 10
    ) -> list[EventRecord]:
        """«Прошли»: held events, and announced ones whose dates are over (unconfirmed), most
        recent first: by their last date, or by the first report for an undated one."""
        where = (
            f"(e.status = 'held' OR (e.status IN {_AHEAD} AND e.start_date IS NOT NULL"
            " AND COALESCE(e.end_date, e.start_date) < ?))"
        )
        params: list[Any] = [today.isoformat()]
        if region is not None:
            where += " AND e.id IN (SELECT event_id FROM event_regions WHERE region = ?)"
            params.append(region)
        rows = await self.db.fetchall(
            f"SELECT {self._columns} FROM events e WHERE {where}"
            " ORDER BY e.last_published_at DESC, e.id DESC LIMIT ?",
            [*params, limit * 3],
        )
        found = [_record(r) for r in rows]

        def when(e: EventRecord) -> tuple[date, int]:
            return (e.end_date or e.start_date or e.first_published_at.date(), e.id)

        return sorted(found, key=when, reverse=True)[:limit]

    # --- the grouping flag of articles ----------------------------------------------------

    async def ungrouped_articles(self, limit: int = 100) -> list[UngroupedArticle]:
        """Stored articles grouping has not read yet (``articles.grouped = 0``), oldest first."""
        rows = await self.db.fetchall(
            "SELECT id, duplicate_of FROM articles WHERE grouped = 0 ORDER BY id LIMIT ?",
            (limit,),
        )
        return [UngroupedArticle(int(r["id"]), r["duplicate_of"]) for r in rows]

    async def mark_grouped(self, article_ids: Sequence[int]) -> None:
        if not article_ids:
            return
        marks = ",".join("?" * len(article_ids))
        await self.db.write_one(
            f"UPDATE articles SET grouped = 1 WHERE id IN ({marks})", list(article_ids)
        )

    async def recent(
        self,
        *,
        limit: int = 10,
        region: str | None = None,
        since: datetime | None = None,
        before_id: int | None = None,
    ) -> list[EventRecord]:
        """Most recently reported events first, optionally of one region or after ``since``."""
        where: list[str] = []
        params: list[Any] = []
        if region is not None:
            where.append("e.id IN (SELECT event_id FROM event_regions WHERE region = ?)")
            params.append(region)
        if since is not None:
            where.append("e.last_published_at >= ?")
            params.append(_ts(since))
        if before_id is not None:
            where.append("e.id < ?")
            params.append(before_id)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = await self.db.fetchall(
            f"SELECT {self._columns} FROM events e {clause}"
            " ORDER BY e.last_published_at DESC, e.id DESC LIMIT ?",
            [*params, limit],
        )
        return [_record(r) for r in rows]

    async def articles(self, event_id: int) -> list[EventArticle]:
        """The event's reports, oldest first, with the facts each one gave."""
        rows = await self.db.fetchall(
            "SELECT article_id, facts, published_at FROM event_articles WHERE event_id = ?"
            " ORDER BY published_at, article_id",
            (event_id,),
        )
        return [
            EventArticle(
                int(r["article_id"]),
                json.loads(r["facts"]),
                datetime.fromtimestamp(r["published_at"], UTC),
            )
            for r in rows
        ]

    # --- writing --------------------------------------------------------------------------

    async def create(
        self,
        event: NewEvent,
        *,
        article_id: int,
        article_facts: Mapping[str, Any],
        published_at: datetime,
    ) -> int:
        """A new event reported by one article; returns its id.

        When the article reports an event already (another grouping pass linked it
        meanwhile), nothing is created and that event's id is returned.
        """
        now = now_ts()
        pub = _ts(published_at)
        async with self.db.write() as conn:
            found = await conn.execute(
                "SELECT event_id FROM event_articles WHERE article_id = ?", (article_id,)
            )
            linked = list(await found.fetchall())
            if linked:
                return int(linked[0][0])
            cur = await conn.execute(
                "INSERT INTO events (kind, name, name_key, label, start_date, end_date, date_text,"
                " city, venue, facts, summary, first_published_at, last_published_at,"
                " articles_count, created_at, updated_at, status)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id",
                (
                    event.kind,
                    event.name,
                    event.name_key,
                    event.label,
                    _iso(event.start_date),
                    _iso(event.end_date),
                    event.date_text,
                    event.city,
                    event.venue,
                    json.dumps(event.facts, ensure_ascii=False),
                    event.summary,
                    pub,
                    pub,
                    now,
                    now,
                    event.status,
                ),
            )
            (row,) = list(await cur.fetchall())  # fetchall: the statement runs to its end
            event_id = int(row[0])
            await conn.execute(
                "INSERT INTO event_articles (event_id, article_id, facts, published_at)"
                " VALUES (?, ?, ?, ?)",
                (event_id, article_id, json.dumps(article_facts, ensure_ascii=False), pub),
            )
            await conn.executemany(
                "INSERT INTO event_regions (event_id, region) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [(event_id, r) for r in event.regions],
            )
        return event_id

    async def attach(
        self,
        event_id: int,
        *,
        article_id: int,
        article_facts: Mapping[str, Any],
        published_at: datetime,
    ) -> bool:
        """Add a report to an event; False when the article already reports an event."""
        async with self.db.write() as conn:
            cur = await conn.execute(
                "INSERT INTO event_articles (event_id, article_id, facts, published_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (
                    event_id,
                    article_id,
                    json.dumps(article_facts, ensure_ascii=False),
                    _ts(published_at),
                ),
            )
            return cur.rowcount > 0

    async def update(self, event_id: int, event: NewEvent) -> None:
        """Replace the merged facts; counts and publication bounds are recomputed from reports."""
        async with self.db.write() as conn:
            await conn.execute(
                "UPDATE events SET kind = ?, name = ?, name_key = ?, label = ?, start_date = ?,"
                " end_date = ?, date_text = ?, city = ?, venue = ?, facts = ?, summary = ?,"
                " status = ?, updated_at = ?,"
                " articles_count = (SELECT count(*) FROM event_articles"
                "   WHERE event_id = events.id),"
                " first_published_at = (SELECT min(published_at) FROM event_articles"
                "   WHERE event_id = events.id),"
                " last_published_at = (SELECT max(published_at) FROM event_articles"
                "   WHERE event_id = events.id)"
                " WHERE id = ?",
                (
                    event.kind,
                    event.name,
                    event.name_key,
                    event.label,
                    _iso(event.start_date),
                    _iso(event.end_date),
                    event.date_text,
                    event.city,
                    event.venue,
                    json.dumps(event.facts, ensure_ascii=False),
                    event.summary,
                    event.status,
                    now_ts(),
                    event_id,
                ),
            )
            await conn.executemany(
                "INSERT INTO event_regions (event_id, region) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [(event_id, r) for r in event.regions],
            )
