"""Grouping: link a stored article to the event it reports, merging the facts of all reports.

Articles about one event come from different portals, days apart, with different wording. Two
reports are the same event when

* both give a proper name: the same normalised name (:func:`normalize_event_name`) and kind;
* otherwise: the same kind, overlapping dates (the publication date stands in for a report
  that gives none) and the same city or a shared region.

The event's facts are merged from every report; each merged fact lists the ids of the
articles it came from (``sources``). The lead calls :func:`link_article` after ingestion
stores a new article.
"""

from __future__ import annotations

import logging
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
    "article_facts",
    "group_articles",
    "link_article",
    "merge_reports",
    "same_event",
]

log = logging.getLogger(__name__)

# Reports of one event arrive within weeks of each other.
GROUP_WINDOW = timedelta(days=45)
# A nameless event's dates may be off by a day between portals (publication vs event day).
DATE_SLACK = timedelta(days=1)


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


def _span(facts: dict[str, Any]) -> tuple[date, date]:
    start = date.fromisoformat(facts.get("date") or facts["published"])
    end = date.fromisoformat(facts["end_date"]) if facts.get("end_date") else start
    return start, end


def _regions(facts: dict[str, Any]) -> set[str]:
    return set(facts.get("regions") or ()) | set(facts.get("article_regions") or ())


def same_event(facts: dict[str, Any], event: EventRecord) -> bool:
    """Whether a report (its facts JSON) and a stored event are one event."""
    if facts["kind"] != event.kind:
        return False
    if facts.get("key") and event.name_key:
        return bool(facts["key"] == event.name_key)
    if event.start_date is None:
        return False
    start, end = _span(facts)
    ev_end = event.end_date or event.start_date
    if start > ev_end + DATE_SLACK or end < event.start_date - DATE_SLACK:
        return False
    if facts.get("city") and event.city:
        return bool(facts["city"] == event.city)
    return bool(_regions(facts) & set(event.regions))


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
    # The date: the earliest stated one; a range when a report gives it.
    dated = [(aid, f) for aid, f in reports if f.get("date")]
    start = end = None
    date_text = ""
    date_fact: dict[str, Any] | None = None
    if dated:
        _, f = min(dated, key=lambda r: r[1]["date"])
        start = date.fromisoformat(f["date"])
        ends = [date.fromisoformat(x["end_date"]) for _, x in dated if x.get("end_date")]
        end = max(ends) if ends else None
        date_text = f.get("date_text", "")
        date_fact = {
            "value": f["date"],
            "text": date_text,
            "sources": [a for a, x in dated if x["date"] == f["date"]],
        }
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
    )


async def _find(events: EventRepository, facts: dict[str, Any], article: Article) -> int | None:
    since = article.published_at - GROUP_WINDOW
    if facts.get("key"):
        candidates = await events.find_by_key(facts["kind"], facts["key"], since=since)
    else:
        start, end = _span(facts)
        candidates = await events.find_by_dates(
            facts["kind"], start - DATE_SLACK, end + DATE_SLACK, since=since
        )
    for event in candidates:
        if same_event(facts, event):
            return event.id
    return None


async def link_article(events: EventRepository, article: Article) -> int | None:
    """Detect the event the article reports, group it with earlier reports and store it.

    Returns the event id, or None when the article reports no event. Idempotent: an article
    already linked returns its event.
    """
    existing = await events.event_of_article(article.id)
    if existing is not None:
        return existing
    ev = detect_event(article.title, article.full_text, article.published_at)
    if ev is None:
        return None
    facts = article_facts(ev, article)
    event_id = await _find(events, facts, article)
    if event_id is None:
        merged = merge_reports([(article.id, facts)])
        event_id = await events.create(
            merged, article_id=article.id, article_facts=facts, published_at=article.published_at
        )
        log.info("article %s: new event %s (%s)", article.id, event_id, ev.title)
        return event_id
    await events.attach(
        event_id, article_id=article.id, article_facts=facts, published_at=article.published_at
    )
    reports = [(r.article_id, dict(r.facts)) for r in await events.articles(event_id)]
    await events.update(event_id, merge_reports(reports))
    log.info("article %s: joins event %s", article.id, event_id)
    return event_id


async def group_articles(
    articles: ArticleRepository, events: EventRepository, article_ids: Sequence[int]
) -> None:
    """Link each of the given stored articles to its event (ingestion's hook)."""
    for article in await articles.get_many(list(article_ids)):
        await link_article(events, article)
