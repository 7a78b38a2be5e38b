"""Reading the news: query building, snippets, pages and paging payloads; the CLI search.

Pure parts (no I/O, no aiogram) shared by ``handlers.reading``, ``handlers.inline`` and
``python -m bot search``:

* :func:`parse_query` turns anything a user types into a :class:`SearchQuery`: the first
  :data:`MAX_QUERY_CHARS` characters are kept, region words become region codes («форум
  хакасия» -> RU-KK + «форум»; several regions: any of them), the rest becomes at most
  :data:`MAX_TERMS` stems (stop words dropped unless nothing else is left, words over
  :data:`MAX_WORD` characters dropped, repeats dropped). A query of region words only lists
  the latest items of those regions.
* :func:`match_stages` builds FTS5 ``MATCH`` expressions from those stems. Every stem is
  written as a quoted string token, so nothing the user typed is ever FTS5 syntax
  (``"``, ``*``, ``NEAR``, ``-``, ``AND``/``OR``/``NOT``, ``title:``, brackets all end up as
  plain words or are dropped). Stages, tried in order until one finds something:
  1. every stem (AND);
  2. every stem, the last word as a prefix (it may be half typed, inline especially): its
     stem, or the word as typed when the stem is shorter than :data:`PREFIX_MIN` letters
     («обла» -> «обла*»); no prefix stage when both are shorter (migration 0005 gives the
     index a 4-character prefix index, so a 4-letter prefix is one doclist);
  3. any stem (OR), the last one as a prefix when stage 2 had one.
  Ranking (bm25 with the title weighted 3x, divided by a freshness factor) is documented
  in :mod:`storage.search`.
* :func:`snippet` cuts ~200 characters of the ORIGINAL text around the first word whose stem
  matches, escaped for HTML, matched words in ``<b>``.
* Paging payloads (callback_data, ``next_offset``) are compact strings under 64 bytes that
  carry everything needed to continue, so a button works after a restart:

  - /latest: ``lt:<n>:<shown>:<scope>:<published_at>:<id>`` (base 36), ``scope`` is a region
    code, ``*`` (everything) or ``@`` (the chat's subscriptions, read again on the press);
  - /search: ``sr:<stage>:<offset>:<now>:<hash>``. The query itself is NOT stored (neither in
    the payload, where it may not fit, nor server-side): the page message starts with
    «🔎 <query>», and the press re-reads the query from that first line of the message being
    edited. ``hash`` (6 characters of BLAKE2b of the query) proves it is the same query;
    ``now`` pins the clock the ranking used, so pages do not shift.
  - inline ``next_offset``: ``<stage>:<offset>:<now>`` for a search (Telegram re-sends the
    query), ``L<published_at>:<id>`` for the personal latest list.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import logging
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.i18n import Texts
from bot.render import cut_words, format_local, render_list_item
from bot.text.catalogue import by_code
from bot.text.regions import regions_in_query
from bot.text.stems import stem, words
from storage.articles import Article
from storage.db import Database
from storage.search import CANDIDATES, Cursor, SearchQueryError, SearchRepository

if TYPE_CHECKING:
    from bot.config import Settings

log = logging.getLogger(__name__)

__all__ = [
    "LATEST_DEFAULT",
    "LATEST_MAX",
    "MAX_QUERY_CHARS",
    "MAX_TERMS",
    "SEARCH_PAGE",
    "LatestPayload",
    "SearchPayload",
    "SearchQuery",
    "SearchResult",
    "T",
    "decode_inline_offset",
    "decode_latest",
    "decode_search",
    "encode_inline_offset",
    "encode_latest",
    "encode_search",
    "match_stages",
    "parse_latest_args",
    "parse_query",
    "query_from_message",
    "query_hash",
    "render_latest_page",
    "render_search_page",
    "run_search",
    "search_command",
    "snippet",
]

LATEST_DEFAULT = 5
LATEST_MAX = 20
SEARCH_PAGE = 5
MAX_TERMS = 8  # stems in one query; more only slows SQLite down
MAX_WORD = 40  # longer "words" are noise (a pasted URL, a hash)
PREFIX_MIN = 4  # shorter prefixes («рос*») expand to thousands of terms: 10x slower
MAX_QUERY_CHARS = 200  # the query kept (and shown) from whatever was typed
SNIPPET_CHARS = 200
QUERY_MARK = "🔎 "  # first line of a search page: the mark, then the query
MAX_PAGE_TEXT = 3900  # visible characters of a page, below Telegram's 4096

# Words too common to narrow a search (their stems); dropped unless nothing else is left.
STOP_WORDS = frozenset(
    """и в во на с со к ко о об обо от по за из у для до не ни что как это или а но же
    ли бы то так все при над под без про его ее их он она они мы вы я the a an of in on and or
    to for is are""".split()  # noqa: SIM905
)

T = Texts(
    ru={
        "latest_region": "🗞 <b>Последние новости: {name}</b>",
        "latest_subs": "🗞 <b>Последние новости по вашим подпискам</b>",
        "latest_all": "🗞 <b>Последние новости</b>",
        "latest_empty": "Новостей пока нет.",
        "more": "Ещё",
        "no_more": "Больше ничего нет.",
        "stale": "Эта кнопка устарела: повторите команду.",
        "not_found": (
            "По запросу «{query}» ничего не найдено.\n"
            "Попробуйте другие слова или меньше слов: <code>/search форум Хакасия</code>"
        ),
        "search_usage": (
            "Напишите, что искать: <code>/search соглашение о сотрудничестве</code>\n"
            "Можно добавить регион: <code>/search форум Хакасия</code>"
        ),
        "no_words": "В запросе нет слов для поиска.",
        "region_not_found": "Регион не найден: «{query}».",
        "suggest": "Возможно, вы имели в виду: {names}.",
        "regions_hint": "Список регионов: /regions",
        "inline_empty": "Ничего не найдено",
    },
    en={
        "latest_region": "🗞 <b>Latest news: {name}</b>",
        "latest_subs": "🗞 <b>Latest news for your subscriptions</b>",
        "latest_all": "🗞 <b>Latest news</b>",
        "latest_empty": "No news yet.",
        "more": "More",
        "no_more": "Nothing more.",
        "stale": "This button is out of date: send the command again.",
        "not_found": (
            "Nothing found for «{query}».\n"
            "Try other or fewer words: <code>/search forum Khakassia</code>"
        ),
        "search_usage": (
            "Tell me what to look for: <code>/search agreement</code>\n"
            "You can add a region: <code>/search forum Khakassia</code>"
        ),
        "no_words": "There are no words to search for in the query.",
        "region_not_found": "Region not found: «{query}».",
        "suggest": "Did you mean: {names}?",
        "regions_hint": "List of regions: /regions",
        "inline_empty": "Nothing found",
    },
)


# --- queries -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A user's search, normalised. ``text`` is what is shown and re-read when paging."""

    text: str  # the query as kept: whitespace collapsed, at most MAX_QUERY_CHARS
    regions: tuple[str, ...]  # region codes named in the query (any of them matches)
    terms: tuple[str, ...]  # stems, in query order, without repeats
    prefix: str = ""  # searched as a prefix in place of the last stem (stages 2, 3)

    @property
    def empty(self) -> bool:
        return not self.terms and not self.regions


def clip_query(raw: str) -> str:
    """The part of a raw query that is kept: whitespace collapsed, cut at a word boundary."""
    text = " ".join(raw.split())
    if len(text) <= MAX_QUERY_CHARS:
        return text
    head = text[:MAX_QUERY_CHARS]
    space = head.rfind(" ")
    return head[:space] if space > MAX_QUERY_CHARS // 2 else head


def _terms(text: str) -> tuple[tuple[str, ...], str]:
    """(stems, the last kept stem's word as typed, lower case)."""
    found: list[tuple[str, str]] = []
    stop: list[tuple[str, str]] = []
    for word in words(text):
        if len(word) > MAX_WORD:
            continue
        s = stem(word)
        if not s:
            continue
        target = stop if word in STOP_WORDS else found
        if all(s != seen for seen, _ in target):
            target.append((s, word))
    chosen = (found or stop)[:MAX_TERMS]
    return tuple(s for s, _ in chosen), (chosen[-1][1] if chosen else "")


def prefix_for(last_stem: str, last_word: str) -> str:
    """The prefix searched for the last word: its stem, or the word as typed when the stem is
    too short for a prefix («обла» -> «обл» -> «обла»); "" when neither is long enough."""
    if last_stem.isdigit():
        return ""
    if len(last_stem) >= PREFIX_MIN:
        return last_stem
    return last_word if len(last_word) >= PREFIX_MIN else ""


def parse_query(raw: str) -> SearchQuery:
    """Anything typed -> regions + stems. Never raises."""
    text = clip_query(raw)
    if not text:
        return SearchQuery("", (), ())
    try:
        regions, rest = regions_in_query(text)
    except (ValueError, IndexError, KeyError) as exc:  # the gazetteer should never fail; be safe
        log.warning("regions_in_query(%r) failed: %r", text, exc)
        regions, rest = (), text
    terms, last_word = _terms(rest)
    prefix = prefix_for(terms[-1], last_word) if terms else ""
    return SearchQuery(text, tuple(r.code for r in regions), terms, prefix)


def _token(term: str, prefix: bool = False) -> str:
    quoted = '"' + term.replace('"', '""') + '"'
    return quoted + " *" if prefix else quoted


def match_stages(terms: Sequence[str], prefix: str | None = None) -> tuple[str, ...]:
    """FTS5 MATCH expressions to try in order (see the module doc); ``()`` for no terms.

    ``prefix`` replaces the last stem in the prefix stages (default: :func:`prefix_for` the
    last stem); "" means no prefix stage."""
    if not terms:
        return ()
    if prefix is None:
        prefix = prefix_for(terms[-1], "")
    head = [_token(t) for t in terms[:-1]]
    last = _token(prefix, True) if prefix else _token(terms[-1])
    stages = [" AND ".join(_token(t) for t in terms)]
    if prefix:
        stages.append(" AND ".join([*head, last]))
    if len(terms) > 1:
        stages.append(" OR ".join([*head, last]))
    return tuple(stages)


def _stage_matchers(query: SearchQuery, stage: int) -> tuple[frozenset[str], tuple[str, ...]]:
    """The exact stems and the prefixes that a stage matches (for highlighting)."""
    terms = query.terms
    if stage == 0 or not query.prefix:
        return frozenset(terms), ()
    return frozenset(terms[:-1]), (query.prefix,)


_WORD = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+")


def snippet(
    text: str,
    terms: Sequence[str] | frozenset[str],
    prefixes: Sequence[str] = (),
    *,
    width: int = SNIPPET_CHARS,
) -> str:
    """~``width`` characters of ``text`` around the first matching word, as escaped HTML with
    every matching word in ``<b>``; the start of the text when nothing matches."""
    wanted = frozenset(terms)

    def hit(word: str) -> bool:
        if len(word) > MAX_WORD:
            return False
        s = stem(word.lower().replace("ё", "е"))
        return s in wanted or any(s.startswith(p) for p in prefixes)

    flat = " ".join(text.split())
    first = next((m for m in _WORD.finditer(flat) if hit(m.group())), None)
    start = 0
    if first is not None and first.start() > width // 3:
        start = first.start() - width // 3
        space = flat.find(" ", start)
        start = space + 1 if 0 <= space < first.start() else start
    end = min(len(flat), start + width)
    if end < len(flat):
        space = flat.rfind(" ", start, end)
        if space > start + width // 2:
            end = space
    window = flat[start:end]
    out: list[str] = ["…" if start > 0 else ""]
    pos = 0
    for m in _WORD.finditer(window):
        if hit(m.group()):
            out.append(html.escape(window[pos : m.start()], quote=False))
            out.append("<b>" + html.escape(m.group(), quote=False) + "</b>")
            pos = m.end()
    out.append(html.escape(window[pos:], quote=False))
    if end < len(flat):
        out.append("…")
    return "".join(out)


# --- running a search ----------------------------------------------------------------------


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
) -> SearchResult:
    """One page of results. ``stage=None`` tries the stages in order (first page); later
    pages pass the stage and ``now`` of the first one. Never raises for a bad query."""
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
                    stages[i], regions=query.regions, limit=limit, offset=offset, now=now
                )
            except SearchQueryError:
                continue
            used = i
            articles, has_more = page.articles, page.has_more
            if articles:
                break
    elif query.regions and offset + limit <= CANDIDATES:
        latest = await repo.latest(query.regions, limit=offset + limit)
        articles = latest.articles[offset:]
        has_more = latest.next_cursor is not None
    exact, prefixes = _stage_matchers(query, used)
    snippets = tuple(snippet(a.text, exact, prefixes) for a in articles)
    return SearchResult(query, articles, snippets, has_more, used, offset, now)


# --- payloads ------------------------------------------------------------------------------

_B36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def b36(n: int) -> str:
    if n < 0:
        raise ValueError("negative")
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = _B36[r] + out
        if n == 0:
            return out


def from_b36(s: str) -> int:
    if not s or len(s) > 13 or any(c not in _B36 for c in s):
        raise ValueError(f"not base 36: {s!r}")
    return int(s, 36)


@dataclass(frozen=True, slots=True)
class LatestPayload:
    limit: int  # items per page
    shown: int  # items shown before this page (numbering)
    scope: str  # a region code, "*" (everything) or "@" (the chat's subscriptions)
    cursor: Cursor


def encode_latest(p: LatestPayload) -> str:
    return (
        f"lt:{p.limit}:{b36(p.shown)}:{p.scope}:"
        f"{b36(p.cursor.published_at)}:{b36(p.cursor.article_id)}"
    )


def decode_latest(data: str) -> LatestPayload | None:
    """The payload, or None when it is not one of ours or not valid (forged, old format)."""
    parts = data.split(":")
    if len(parts) != 6 or parts[0] != "lt":
        return None
    try:
        limit = int(parts[1])
        shown = from_b36(parts[2])
        cursor = Cursor(from_b36(parts[4]), from_b36(parts[5]))
    except ValueError:
        return None
    scope = parts[3]
    if not 1 <= limit <= LATEST_MAX or shown > 100_000:
        return None
    if scope not in ("*", "@") and by_code(scope) is None:
        return None
    return LatestPayload(limit, shown, scope, cursor)


@dataclass(frozen=True, slots=True)
class SearchPayload:
    stage: int
    offset: int
    now: int
    digest: str  # query_hash of the query


def query_hash(text: str) -> str:
    digest = hashlib.blake2b(text.encode(), digest_size=4).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def encode_search(p: SearchPayload) -> str:
    return f"sr:{p.stage}:{b36(p.offset)}:{b36(p.now)}:{p.digest}"


def decode_search(data: str) -> SearchPayload | None:
    parts = data.split(":")
    if len(parts) != 5 or parts[0] != "sr":
        return None
    try:
        stage = int(parts[1])
        offset = from_b36(parts[2])
        now = from_b36(parts[3])
    except ValueError:
        return None
    if not 0 <= stage <= 2 or offset > 10_000 or not re.fullmatch(r"[A-Za-z0-9_-]{6}", parts[4]):
        return None
    return SearchPayload(stage, offset, now, parts[4])


def query_from_message(text: str | None) -> str | None:
    """The query of a search page, re-read from its first line; None when absent."""
    if not text or not text.startswith(QUERY_MARK):
        return None
    first = text.split("\n", 1)[0][len(QUERY_MARK) :]
    return first.strip() or None


def encode_inline_offset(stage: int, offset: int, now: int) -> str:
    return f"{stage}:{b36(offset)}:{b36(now)}"


def decode_inline_offset(data: str) -> tuple[int, int, int] | Cursor | None:
    """``(stage, offset, now)`` for a search, a :class:`Cursor` for the latest list, or
    None for the first page (empty) and anything that is not ours."""
    if data.startswith("L"):
        parts = data[1:].split(":")
        if len(parts) != 2:
            return None
        try:
            return Cursor(from_b36(parts[0]), from_b36(parts[1]))
        except ValueError:
            return None
    parts = data.split(":")
    if len(parts) != 3:
        return None
    try:
        stage, offset, now = int(parts[0]), from_b36(parts[1]), from_b36(parts[2])
    except ValueError:
        return None
    if not 0 <= stage <= 2 or offset > 10_000:
        return None
    return stage, offset, now


def encode_inline_latest(cursor: Cursor) -> str:
    return f"L{b36(cursor.published_at)}:{b36(cursor.article_id)}"


# --- pages ---------------------------------------------------------------------------------


def _visible_len(html_text: str) -> int:
    return len(html.unescape(re.sub(r"<[^>]*>", "", html_text)))


def _fit(head: str, items: Sequence[str]) -> str:
    """Head and items joined by blank lines, items dropped from the end past the limit."""
    kept = list(items)
    while True:
        text = "\n\n".join([head, *kept])
        if _visible_len(text) <= MAX_PAGE_TEXT or len(kept) <= 1:
            return text
        kept.pop()


def latest_title(scope: str, lang: str) -> str:
    if scope == "*":
        return T("latest_all", lang)
    if scope == "@":
        return T("latest_subs", lang)
    region = by_code(scope)
    name = (region.name_en if lang == "en" else region.name) if region else scope
    return T("latest_region", lang, name=html.escape(name, quote=False))


def render_latest_page(
    articles: Sequence[Article], scope: str, lang: str, *, shown: int = 0
) -> str:
    """A /latest page: the title and numbered items (title link, local date, source, regions)."""
    head = latest_title(scope, lang)
    if not articles:
        return f"{head}\n\n{T('latest_empty', lang)}"
    items = [render_list_item(a, lang, shown + i + 1) for i, a in enumerate(articles)]
    return _fit(head, items)


def render_search_page(result: SearchResult, lang: str) -> str:
    """A /search page: «🔎 query» then numbered items with their snippets."""
    head = QUERY_MARK + html.escape(result.query.text, quote=False)
    items = [
        render_list_item(a, lang, result.offset + i + 1) + "\n" + s
        for i, (a, s) in enumerate(zip(result.articles, result.snippets, strict=True))
    ]
    return _fit(head, items)


def not_found_text(query: SearchQuery, lang: str) -> str:
    shown = html.escape(cut_words(query.text, 100), quote=False)
    return T("not_found", lang, query=shown)


# --- CLI -----------------------------------------------------------------------------------


def _plain(html_text: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", html_text))


async def search_command(settings: Settings, query: str, *, limit: int, as_json: bool) -> int:
    """``python -m bot search QUERY [--limit N] [--json]``: the bot's ranking, printed."""
    parsed = parse_query(query)
    db = await Database.open(settings.storage.database)
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
        print(json.dumps(out, ensure_ascii=False, indent=2))  # noqa: T201
        return 0
    if not result.articles:
        print(f"nothing found for {parsed.text!r}")  # noqa: T201
        return 0
    for i, (a, s) in enumerate(zip(result.articles, result.snippets, strict=True), start=1):
        region = a.regions[0] if a.regions else None
        meta = " · ".join(
            p for p in (format_local(a.published_at, region, "ru"), a.source_title,
                        ", ".join(a.regions)) if p
        )  # fmt: skip
        print(f"{i}. {a.title}\n   {meta}\n   {a.url}\n   {_plain(s)}\n")  # noqa: T201
    return 0


def parse_latest_args(args: str | None) -> tuple[str, int]:
    """``/latest [регион] [N]`` -> (region words, N). N defaults to :data:`LATEST_DEFAULT` and
    is clamped to 1..:data:`LATEST_MAX`; a trailing number is N when a region precedes it.
    A lone number comes back as the region words: it is a region number («/latest 19» is
    Хакасия) when one has it, else the handler takes it as N."""
    text = " ".join((args or "").split())
    if not text:
        return "", LATEST_DEFAULT
    parts = text.split(" ")
    if len(parts) > 1 and parts[-1].isdigit() and len(parts[-1]) <= 6:
        return " ".join(parts[:-1]), clamp_latest(int(parts[-1]))
    return text, LATEST_DEFAULT


def clamp_latest(n: int) -> int:
    return max(1, min(LATEST_MAX, n))
