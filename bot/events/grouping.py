"""Grouping: link a stored article to the event it reports, merging the facts of all reports.

Articles about one event come from different portals, days apart, with different wording; an
announcement comes weeks before the report, a cancellation or a postponement in between. Two
reports are the same event (:func:`same_event`; the status plays no part) when

* both give a proper name: the same normalised name (:func:`normalize_event_name`) and kind;
* otherwise: the same kind, the same city (or a shared region when a side names no city) and
  overlapping dates. A report of a held event that gives no date stands at its publication
  date; an announcement, a cancellation or a postponement without a date has no date (its
  publication is not the event's day): it matches an event of the kind and place whose dates
  fall within :data:`GROUP_WINDOW` after it, or another undated one. A postponed event matches
  on its new dates and on its former ones.

The event's facts are merged from every report (:func:`merge_reports`); each merged fact lists
the ids of the articles it came from (``sources``). Its status (:func:`merge_status`) reads the
reports by publication date: the latest decides, except that a late «announced» never overrides
held, cancelled or postponed, and «held» after cancelled/postponed means it went ahead. A
postponement with a new date moves the event's dates there; the former dates stay in
``facts["former_date"]``.

Grouping is driven by storage, like delivery planning: :class:`EventGrouper` reads every article
stored with ``grouped = 0`` (the bot's scheduler tick, at start and every few seconds; the
ingestion hook for speed), whoever stored it.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from bot.text.events import EventFacts, detect_event, event_to_json
from bot.text.summary import summarize_article, summarize_texts
from storage.articles import Article, ArticleRepository
from storage.events import EventRecord, EventRepository, NewEvent

__all__ = [
    "GROUP_WINDOW",
    "EventGrouper",
    "article_facts",
    "group_articles",
    "link_article",
    "merge_reports",
    "merge_status",
    "same_event",
]

log = logging.getLogger(__name__)

# Reports of one event arrive within weeks of each other.
GROUP_WINDOW = timedelta(days=45)
# A nameless event's dates may be off by a day between portals (publication vs event day).
DATE_SLACK = timedelta(days=1)

Span = tuple[date, date]


def article_facts(ev: EventFacts, article: Article) -> dict[str, Any]:
    """The JSON stored for one report: the detected facts plus what grouping needs."""
    facts = event_to_json(ev) or {}
    facts["name"] = ev.name
    facts["label"] = ev.label
    facts["key"] = ev.key
    facts["title"] = article.title
    facts["summary"] = article.summary or summarize_article(article.title, article.full_text)
    facts["published"] = article.published_at.date().isoformat()
    facts["article_regions"] = list(article.regions)
    return facts


def _status_of(facts: dict[str, Any]) -> str:
    return str(facts.get("status") or "held")


def _stated(facts: dict[str, Any], field: str = "date") -> Span | None:
    """The dates a report states (``date``/``end_date``, or ``new_date``/``new_end_date``)."""
    value = facts.get(field)
    if not value:
        return None
    start = date.fromisoformat(value)
    end_value = facts.get("end_date" if field == "date" else "new_end_date")
    end = date.fromisoformat(end_value) if end_value else start
    return start, max(start, end)


def _report_spans(facts: dict[str, Any]) -> list[Span]:
    """The dates a report can be matched on; empty for an undated notice."""
    spans = [s for s in (_stated(facts), _stated(facts, "new_date")) if s]
    if not spans and _status_of(facts) == "held":
        day = date.fromisoformat(facts["published"])  # «прошла сессия»: about the day
        spans.append((day, day))
    return spans


def _event_spans(event: EventRecord) -> list[Span]:
    spans: list[Span] = []
    if event.start_date is not None:
        spans.append((event.start_date, event.end_date or event.start_date))
    if event.former_dates is not None:
        spans.append(event.former_dates)
    for day in event.facts.get("reported_on") or ():  # held reports that gave no date
        d = date.fromisoformat(day)
        spans.append((d, d))
    return spans


def _overlap(a: Span, b: Span, slack: timedelta = DATE_SLACK) -> bool:
    return a[0] <= b[1] + slack and a[1] >= b[0] - slack


def _regions(facts: dict[str, Any]) -> set[str]:
    return set(facts.get("regions") or ()) | set(facts.get("article_regions") or ())


def _same_place(facts: dict[str, Any], event: EventRecord) -> bool:
    if facts.get("city") and event.city:
        return bool(facts["city"] == event.city)
    return bool(_regions(facts) & set(event.regions))


def same_event(facts: dict[str, Any], event: EventRecord) -> bool:
    """Whether a report (its facts JSON) and a stored event are one event (status aside)."""
    if facts["kind"] != event.kind:
        return False
    if facts.get("key") and event.name_key:
        return bool(facts["key"] == event.name_key)
    report = _report_spans(facts)
    spans = _event_spans(event)
    if report and spans:
        if not any(_overlap(r, s) for r in report for s in spans):
            return False
    elif report:  # the event is undated notices so far: the report falls in their window
        first = event.first_published_at.date()
        last = event.last_published_at.date()
        if not any(r[1] >= first - DATE_SLACK and r[0] <= last + GROUP_WINDOW for r in report):
            return False
    elif spans:  # an undated notice: the event's dates fall in its window
        published = date.fromisoformat(facts["published"])
        if not any(
            s[1] >= published - DATE_SLACK and s[0] <= published + GROUP_WINDOW for s in spans
        ):
            return False
    else:  # both undated: notices of one place within the window
        published = date.fromisoformat(facts["published"])
        if abs(published - event.last_published_at.date()) > GROUP_WINDOW:
            return False
    return _same_place(facts, event)


def merge_status(reports: Sequence[tuple[int, dict[str, Any]]]) -> tuple[str, int | None]:
    """The event's status from its reports (oldest first) and the report that decided it.

    The latest report decides, except that a late «announced» never overrides held,
    cancelled or postponed; «held» after cancelled/postponed means it went ahead.
    """
    status: str | None = None
    decided: int | None = None
    for article_id, facts in reports:
        said = _status_of(facts)
        if said == "announced" and status is not None:
            continue
        status, decided = said, article_id
    return status or "held", decided


def _merge_dates(
    reports: Sequence[tuple[int, dict[str, Any]]],
) -> tuple[Span | None, str, list[int], tuple[Span, list[int]] | None]:
    """The event's dates, their text and sources, and the former dates of a postponement.

    Without a postponement: the earliest stated date (a range when a report gives it). A
    postponement starts afresh: its new dates when it gives them, else the earliest date
    stated after it; a later report that only repeats the former dates changes nothing.
    """
    former: tuple[Span, list[int]] | None = None
    moved: tuple[Span, list[int]] | None = None
    segment: list[tuple[int, dict[str, Any], Span]] = []

    def current() -> tuple[Span | None, str, list[int]]:
        if moved is not None:
            return moved[0], "", moved[1]
        if not segment:
            return None, "", []
        start = min(span[0] for _, _, span in segment)
        first = next(item for item in segment if item[2][0] == start)
        ends = [span[1] for _, f, span in segment if f.get("end_date")]
        end = max([start, *ends])
        sources = [aid for aid, _, span in segment if span[0] == start]
        return (start, end), first[1].get("date_text", ""), sources

    for article_id, facts in reports:
        stated = _stated(facts)
        if _status_of(facts) == "postponed":
            span, _, sources = current()
            if stated is not None:
                former = (stated, [article_id])
            elif span is not None:
                former = (span, sources)
            new = _stated(facts, "new_date")
            moved = (new, [article_id]) if new else None
            segment = []
            continue
        if stated is None:
            continue
        if (
            former is not None
            and _overlap(stated, former[0], timedelta(0))
            and not (moved is not None and _overlap(stated, moved[0], timedelta(0)))
        ):
            continue  # the old date, repeated
        segment.append((article_id, facts, stated))
    span, text, sources = current()
    return span, text, sources, former


def _with_sources(
    items: list[tuple[int, dict[str, Any]]], key: tuple[str, ...]
) -> list[dict[str, Any]]:
    """Union of fact dicts identified by ``key`` fields, each with the articles that gave it."""
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for article_id, item in items:
        ident = tuple(tuple(item[k]) if isinstance(item.get(k), list) else item.get(k) for k in key)
        if ident in merged:
            if article_id not in merged[ident]["sources"]:
                merged[ident]["sources"].append(article_id)
        else:
            merged[ident] = {**item, "sources": [article_id]}
    return list(merged.values())


def _first(reports: Sequence[tuple[int, dict[str, Any]]], field: str) -> dict[str, Any] | None:
    for article_id, facts in reports:
        if facts.get(field):
            return {"value": facts[field], "sources": [article_id]}
    return None


def merge_reports(reports: Sequence[tuple[int, dict[str, Any]]]) -> NewEvent:
    """Merge the facts of an event's reports (oldest first) into one event row."""
    assert reports, "an event has at least one report"
    kinds = Counter(f["kind"] for _, f in reports)
    kind = kinds.most_common(1)[0][0]
    names = Counter(f["name"] for _, f in reports if f.get("name"))
    name = names.most_common(1)[0][0] if names else None
    key = next((f["key"] for _, f in reports if f.get("name") == name and f.get("key")), "")
    label = next((f["label"] for _, f in reports if f.get("label")), kind)
    span, date_text, date_sources, former = _merge_dates(reports)
    start = end = None
    date_fact: dict[str, Any] | None = None
    if span is not None:
        start, end = span[0], (span[1] if span[1] != span[0] else None)
        date_fact = {"value": start.isoformat(), "text": date_text, "sources": date_sources}
        if end is not None:
            date_fact["end"] = end.isoformat()
    former_fact: dict[str, Any] | None = None
    if former is not None:
        (old_start, old_end), old_sources = former
        former_fact = {"value": old_start.isoformat(), "sources": old_sources}
        if old_end != old_start:
            former_fact["end"] = old_end.isoformat()
    status, decided = merge_status(reports)
    # Held reports that gave no date: about their publication day (for matching only).
    reported_on = sorted(
        {f["published"] for _, f in reports if not f.get("date") and _status_of(f) == "held"}
    )
    city = _first(reports, "city")
    venue = _first(reports, "venue")
    regions: list[str] = []
    for _, f in reports:
        for code in [*(f.get("regions") or ()), *(f.get("article_regions") or ())]:
            if code not in regions:
                regions.append(code)
    figures = _with_sources(
        [(aid, fig) for aid, f in reports for fig in f.get("figures", ())], ("unit", "value")
    )
    tracks = _with_sources(
        [(aid, {"name": t}) for aid, f in reports for t in f.get("tracks", ())], ("name",)
    )
    agreements = _with_sources(
        [(aid, a) for aid, f in reports for a in f.get("agreements", ())], ("parties",)
    )
    people = _with_sources([(aid, p) for aid, f in reports for p in f.get("people", ())], ("name",))
    # A person's role: the first report that gives one.
    for person in people:
        if not person.get("role"):
            person["role"] = next(
                (
                    p["role"]
                    for _, f in reports
                    for p in f.get("people", ())
                    if p["name"] == person["name"] and p.get("role")
                ),
                "",
            )
    title = name or label
    summary = summarize_texts([f.get("summary", "") for _, f in reports], title)
    facts: dict[str, Any] = {
        "name": {"value": name, "sources": [a for a, f in reports if f.get("name") == name]}
        if name
        else None,
        "date": date_fact,
        "former_date": former_fact,
        "status": {"value": status, "sources": [decided] if decided is not None else []},
        "reported_on": reported_on,
        "city": city,
        "venue": venue,
        "figures": figures,
        "tracks": tracks,
        "agreements": agreements,
        "people": people,
    }
    return NewEvent(
        kind=kind,
        name=name,
        name_key=key,
        label=label,
        start_date=start,
        end_date=end,
        date_text=date_text,
        city=city["value"] if city else None,
        venue=venue["value"] if venue else None,
        regions=tuple(regions),
        facts=facts,
        summary=summary,
        status=status,
    )


async def _find(events: EventRepository, facts: dict[str, Any], article: Article) -> int | None:
    since = article.published_at - GROUP_WINDOW
    if facts.get("key"):
        candidates = await events.find_by_key(facts["kind"], facts["key"], since=since)
    else:
        spans = _report_spans(facts)
        first = min(s[0] for s in spans) - DATE_SLACK if spans else None
        last = max(s[1] for s in spans) + DATE_SLACK if spans else None
        candidates = await events.find_candidates(facts["kind"], first, last, since=since)
    for event in candidates:
        if same_event(facts, event):
            return event.id
    return None


_UNSET: Any = object()


async def link_article(
    events: EventRepository, article: Article, *, detected: EventFacts | None = _UNSET
) -> int | None:
    """Detect the event the article reports, group it with earlier reports and store it.

    Returns the event id, or None when the article reports no event. Idempotent: an article
    already linked returns its event. ``detected``: ``detect_event``'s answer when the caller
    has it already (the grouper detects a batch in a worker thread).
    """
    existing = await events.event_of_article(article.id)
    if existing is not None:
        return existing
    ev = (
        detect_event(article.title, article.full_text, article.published_at)
        if detected is _UNSET
        else detected
    )
    if ev is None:
        return None
    facts = article_facts(ev, article)
    event_id = await _find(events, facts, article)
    if event_id is None:
        merged = merge_reports([(article.id, facts)])
        event_id = await events.create(
            merged, article_id=article.id, article_facts=facts, published_at=article.published_at
        )
        log.info("article %s: new event %s (%s, %s)", article.id, event_id, ev.title, ev.status)
        return event_id
    await events.attach(
        event_id, article_id=article.id, article_facts=facts, published_at=article.published_at
    )
    reports = [(r.article_id, dict(r.facts)) for r in await events.articles(event_id)]
    merged = merge_reports(reports)
    await events.update(event_id, merged)
    log.info("article %s: joins event %s (now %s)", article.id, event_id, merged.status)
    return event_id


async def group_articles(
    articles: ArticleRepository, events: EventRepository, article_ids: Sequence[int]
) -> None:
    """Link each of the given stored articles to its event (oldest publication first)."""
    found = await articles.get_many(list(article_ids))
    for article in sorted(found, key=lambda a: (a.published_at, a.id)):
        await link_article(events, article)


def _detect_all(batch: Sequence[Article]) -> list[EventFacts | None]:
    out: list[EventFacts | None] = []
    for article in batch:
        try:
            out.append(detect_event(article.title, article.text, article.published_at))
        except Exception:  # one odd text must not hold the others back
            log.exception("grouping: detection failed for article %s", article.id)
            out.append(None)
    return out


class EventGrouper:
    """Groups every stored article that grouping has not read yet (``grouped = 0``).

    :meth:`run` is the scheduler's grouping tick and ingestion's hook; one pass at a time
    (a lock), so the hook and the tick never link one article twice. Detection (CPU) runs
    in a worker thread, a batch at a time. An article that fails for a reason of its own is
    logged and passed over; a database that is busy or locked ends the pass, and the next
    tick takes the same articles again.
    """

    def __init__(
        self, articles: ArticleRepository, events: EventRepository, *, batch_size: int = 50
    ) -> None:
        self.articles = articles
        self.events = events
        self.batch_size = batch_size
        self._lock = asyncio.Lock()

    async def run(self) -> int:
        """Group every article stored with ``grouped = 0``; returns how many were read."""
        total = 0
        async with self._lock:
            while True:
                batch = await self.events.ungrouped_articles(self.batch_size)
                if not batch:
                    break
                await self._group([a.id for a in batch if a.duplicate_of is None])
                await self.events.mark_grouped([a.id for a in batch])
                total += len(batch)
                if len(batch) < self.batch_size:
                    break
        if total:
            log.info("grouping: %d article(s) read", total)
        return total

    async def _group(self, ids: list[int]) -> None:
        found = await self.articles.get_many(ids)
        ordered = sorted(found, key=lambda a: (a.published_at, a.id))
        detected = await asyncio.to_thread(_detect_all, ordered)
        for article, ev in zip(ordered, detected, strict=True):
            try:
                await link_article(self.events, article, detected=ev)
            except sqlite3.OperationalError:
                raise  # busy or locked: the whole batch again at the next tick
            except Exception:
                log.exception("grouping: article %s passed over", article.id)
