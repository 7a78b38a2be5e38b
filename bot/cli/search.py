"""``python -m bot search QUERY [--limit N] [--json]``: the bot's ranking, printed."""

from __future__ import annotations

import html
import json
import logging
import re
import sys
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.config import Settings
from bot.render import zone_label
from bot.search.engine import run_search
from bot.search.query import parse_query
from storage.db import open_database
from storage.search import SearchRepository


def valid_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def cli_time(moment: datetime, tz: str) -> str:
    """«2026-11-28 11:32 UTC+3»: a stored UTC time in ``tz``, the zone's offset beside it."""
    return f"{moment.astimezone(ZoneInfo(tz)):%Y-%m-%d %H:%M} {zone_label(tz, moment, 'en')}"


def _plain(html_text: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", html_text))


async def search_command(
    settings: Settings, query: str, *, limit: int, as_json: bool, tz: str = "Europe/Moscow"
) -> int:
    """``python -m bot search QUERY [--limit N] [--json] [--tz ZONE]``: the bot's ranking,
    printed (times in ``tz`` with its offset)."""
    if not valid_zone(tz):
        sys.stderr.write(f"unknown time zone {tz!r}: use an IANA name such as Asia/Krasnoyarsk\n")
        return 2
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
        meta = " · ".join(
            p for p in (cli_time(a.published_at, tz), a.source_title,
                        ", ".join(a.regions)) if p
        )  # fmt: skip
        print(f"{i}. {a.title}\n   {meta}\n   {a.url}\n   {_plain(s)}\n")
    return 0
