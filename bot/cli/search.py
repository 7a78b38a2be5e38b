"""``python -m bot search QUERY [--limit N] [--json]``: the bot's ranking, printed."""

from __future__ import annotations

import html
import json
import logging
import re

from bot.config import Settings
from bot.render import format_local
from bot.search.engine import run_search
from bot.search.query import parse_query
from storage.db import open_database
from storage.search import SearchRepository


def _plain(html_text: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", html_text))


async def search_command(settings: Settings, query: str, *, limit: int, as_json: bool) -> int:
    """``python -m bot search QUERY [--limit N] [--json]``: the bot's ranking, printed."""
    logging.getLogger("pymorphy3").setLevel(logging.WARNING)  # CLI output is ours alone
    parsed = parse_query(query)
    db = await open_database(settings.storage.database)
    try:
        result = await run_search(SearchRepository(db), parsed, limit=max(1, min(limit, 500)))
    finally:
        await db.close()
    if as_json:
        rows = [
            {
                "id": a.id,
                "title": a.title,
                "url": a.url,
                "published_at": a.published_at.isoformat(),
                "source": a.source_title,
                "regions": list(a.regions),
                "snippet": _plain(s),
                "snippet_html": s,
            }
            for a, s in zip(result.articles, result.snippets, strict=True)
        ]
        out = {
            "query": parsed.text,
            "regions": list(parsed.regions),
            "terms": list(parsed.terms),
            "results": rows,
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    if not result.articles:
        print(f"nothing found for {parsed.text!r}")
        return 0
    for i, (a, s) in enumerate(zip(result.articles, result.snippets, strict=True), start=1):
        region = a.regions[0] if a.regions else None
        meta = " · ".join(
            p for p in (format_local(a.published_at, region, "ru"), a.source_title,
                        ", ".join(a.regions)) if p
        )  # fmt: skip
        print(f"{i}. {a.title}\n   {meta}\n   {a.url}\n   {_plain(s)}\n")
    return 0
