"""One page of search results through the repository (stages tried in order)."""

from __future__ import annotations

import time
from dataclasses import dataclass

from bot.search.query import SearchQuery, match_stages, snippet, stage_matchers
from storage.articles import Article
from storage.search import CANDIDATES, SearchQueryError, SearchRepository

SEARCH_PAGE = 5


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: SearchQuery
    articles: tuple[Article, ...]
    snippets: tuple[str, ...]  # HTML, one per article
    has_more: bool
    stage: int  # the MATCH stage that found these (0 when the query has only regions)
    offset: int
    now: int  # the clock the ranking used


async def run_search(
    repo: SearchRepository,
    query: SearchQuery,
    *,
    limit: int = SEARCH_PAGE,
    offset: int = 0,
    stage: int | None = None,
    now: int | None = None,
    mentioned: bool = False,
) -> SearchResult:
    """One page of results. ``stage=None`` tries the stages in order (first page); later
    pages pass the stage and ``now`` of the first one. Never raises for a bad query.
    ``mentioned``: a region of the query also takes articles that only mention it."""
    now = int(time.time()) if now is None else now
    articles: tuple[Article, ...] = ()
    has_more = False
    used = 0
    if query.terms:
        stages = match_stages(query.terms, query.prefix)
        order = range(len(stages)) if stage is None else [stage] if stage < len(stages) else []
        for i in order:
            try:
                page = await repo.search(
                    stages[i],
                    regions=query.regions,
                    limit=limit,
                    offset=offset,
                    now=now,
                    mentioned=mentioned,
                )
            except SearchQueryError:
                continue
            used = i
            articles, has_more = page.articles, page.has_more
            if articles:
                break
    elif query.regions and offset + limit <= CANDIDATES:
        latest = await repo.latest(query.regions, limit=offset + limit, mentioned=mentioned)
        articles = latest.articles[offset:]
        has_more = latest.next_cursor is not None
    exact, prefixes = stage_matchers(query, used)
    snippets = tuple(snippet(a.full_text, exact, prefixes) for a in articles)
    return SearchResult(query, articles, snippets, has_more, used, offset, now)
