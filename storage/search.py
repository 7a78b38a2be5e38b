"""Reading queries: latest articles by region, full-text search over the stemmed index.

Both kinds of list hide duplicates (``duplicate_of`` set) and return whole
:class:`~storage.articles.Article` rows.

*Latest* uses keyset pagination: a page ends with a :class:`Cursor` (the last item's
``(published_at, id)``) and the next page starts strictly after it, so a page is an
index range scan however deep the user pages, and a cursor needs no server state.
For a few regions each region is read from ``article_regions_latest`` with its own
``LIMIT`` and the (small) results are merged; for many regions one scan of
``articles_published`` with a region check is cheaper.

*Search* takes a ready FTS5 ``MATCH`` expression (built from stems by
``bot.reading``; storage knows nothing about words). Ranking, documented here once:

* candidates are the newest :data:`CANDIDATES` matches by article id (ids grow with
  ingestion, so this is "the newest matches"); a common word therefore never makes
  SQLite score hundreds of thousands of rows. With a region filter, FTS5 walks the
  matches newest first and each is probed in ``article_regions`` (primary key); the walk
  stops at :data:`REGION_CANDIDATES` matches of the region(s), which bounds the work for
  a small region and a common word (about ``REGION_CANDIDATES / share of the region``
  probes). (``rowid IN (SELECT ... article_regions)`` would be far slower: FTS5 does not
  seek by rowid, it re-reads the doclists for every id);
* relevance is ``bm25(articles_fts, 3.0, 1.0)``: a match in the title weighs three
  times a match in the body (bm25 is negative: more negative is better);
* freshness divides it: ``score = bm25 / (1 + age_days / HALF_LIFE_DAYS)``, so an
  article of the same relevance :data:`HALF_LIFE_DAYS` days old counts half as much as
  one published now. Ascending ``score`` is the result order (ties: newer id first).

``now`` is passed in by the caller so that every page of one search ranks with the
same clock (offset paging stays stable).

PostgreSQL runs the same rules over ``articles_fts.doc``, a ``tsvector`` of the same stems
(``russian`` configuration, title weight ``A``, body ``B``; GIN index). The ``MATCH``
expression is translated by :func:`tsquery_from_match`: each quoted string becomes quoted
lexemes (only letters and digits survive), ``"x" *`` a prefix lexeme ``'x':*``, ``AND`` /
``OR`` / ``NOT`` and adjacency become ``&`` / ``|`` / ``& !`` / ``&``; anything else (an
unterminated quote, brackets, column filters) is refused with :class:`SearchQueryError`
before it reaches the server, so no user syntax ever reaches ``to_tsquery``. Candidates are
the newest :data:`CANDIDATES` matches by id; relevance is ``ts_rank`` with the title weighing
:data:`TITLE_WEIGHT` times the body, divided by the same freshness factor; the best first.
The walk reads each walked document's ``tsvector``, which therefore stays in the table row
(``STORAGE MAIN``, migration 0013) rather than behind a TOAST lookup.
Snippets are cut from the original text by ``bot.reading`` on both backends.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from storage.articles import Article, article_columns, article_from_row
from storage.base import Database, now_ts
from storage.errors import StorageError

__all__ = [
    "CANDIDATES",
    "HALF_LIFE_DAYS",
    "MANY_REGIONS",
    "REGION_CANDIDATES",
    "TITLE_WEIGHT",
    "Cursor",
    "LatestPage",
    "SearchPage",
    "SearchQueryError",
    "SearchRepository",
]

log = logging.getLogger(__name__)

CANDIDATES = 1000  # newest matches that are ranked
REGION_CANDIDATES = 100  # the same with a region filter (each match costs a region probe)
TITLE_WEIGHT = 3.0  # bm25 column weight of the title (the body weighs 1.0)
HALF_LIFE_DAYS = 30.0  # relevance halves for an article this many days old
MANY_REGIONS = 12  # above this many regions, /latest scans by date instead of per region
_MAX_KEY = 1 << 62  # a cursor after everything


class SearchQueryError(StorageError):
    """The MATCH expression was refused (never shown to users: "nothing found")."""


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where a /latest page ended: the last item's publication time and id."""

    published_at: int  # UTC seconds
    article_id: int


@dataclass(frozen=True, slots=True)
class LatestPage:
    articles: tuple[Article, ...]
    next_cursor: Cursor | None  # None: this is the last page


@dataclass(frozen=True, slots=True)
class SearchPage:
    articles: tuple[Article, ...]
    has_more: bool  # another page exists after ``offset + limit``


_MATCH_TOKEN = re.compile(r'\s*(?:"((?:[^"]|"")*)"|(\*)|([^\s"*]+))')
_LEXEME = re.compile(r"\w+")
_OPERATORS = {"AND": "&", "OR": "|", "NOT": "& !"}


def tsquery_from_match(match: str) -> str:
    """An FTS5 ``MATCH`` expression (the subset ``bot.reading`` writes) as ``to_tsquery``
    text made of quoted lexemes only; raises :class:`SearchQueryError` for anything else."""
    out: list[str] = []
    expect_operand = True
    pos = 0
    text = match.strip()
    while pos < len(text):
        m = _MATCH_TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise SearchQueryError(f"cannot parse {match!r}")
        pos = m.end()
        quoted, star, bare = m.groups()
        if star is not None:
            if expect_operand or not out or out[-1].endswith(":*") or ")" in out[-1]:
                raise SearchQueryError(f"misplaced * in {match!r}")
            out[-1] += ":*"
            continue
        if bare is not None and bare in _OPERATORS:
            if expect_operand:
                raise SearchQueryError(f"misplaced {bare} in {match!r}")
            out.append(_OPERATORS[bare])
            expect_operand = True
            continue
        word = quoted.replace('""', '"') if quoted is not None else bare
        if bare is not None and not re.fullmatch(r"\w+", bare):
            raise SearchQueryError(f"unsupported syntax {bare!r} in {match!r}")
        lexemes = [f"'{w.lower()}'" for w in _LEXEME.findall(word or "")]
        if not lexemes:
            raise SearchQueryError(f"empty phrase in {match!r}")
        if not expect_operand:
            out.append("&")  # adjacent phrases: FTS5's implicit AND
        phrase = " <-> ".join(lexemes)
        out.append(phrase if len(lexemes) == 1 else f"({phrase})")
        expect_operand = False
    if expect_operand:
        raise SearchQueryError(f"incomplete expression {match!r}")
    return " ".join(out)


def _role(alias: str, mentioned: bool) -> str:
    """The condition on ``alias``'s role: only the regions articles are about, unless
    passing mentions count too (a chat's ``/settings mentioned on``)."""
    return "" if mentioned else f" AND {alias}.role = 'main'"


class SearchRepository:
    """The SQL of reading: /latest, /search, inline mode and ``python -m bot search``."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._articles_sql = (
            f"SELECT {article_columns(db.dialect)} FROM articles a"
            " LEFT JOIN sources s ON s.id = a.source_id WHERE a.id IN ({marks})"
        )

    async def _articles(self, ids: Sequence[int]) -> tuple[Article, ...]:
        """Articles in the order of ``ids``."""
        if not ids:
            return ()
        rows = await self.db.fetchall(
            self._articles_sql.format(marks=",".join("?" * len(ids))), ids
        )
        by_id = {row["id"]: article_from_row(row) for row in rows}
        return tuple(by_id[i] for i in ids if i in by_id)

    async def latest(
        self,
        regions: Sequence[str] | None = None,
        *,
        limit: int = 5,
        after: Cursor | None = None,
        mentioned: bool = False,
    ) -> LatestPage:
        """The newest non-duplicate articles, of any of ``regions`` (codes) or of all
        (``None``), strictly older than ``after`` in ``(published_at, id)`` order. An article
        counts for a region it is about; ``mentioned``: also for one it only mentions."""
        limit = max(1, limit)
        key = (after.published_at, after.article_id) if after else (_MAX_KEY, _MAX_KEY)
        wanted = sorted(set(regions)) if regions is not None else None
        if wanted is not None and not wanted:
            return LatestPage((), None)
        if wanted is None:
            sql = (
                "SELECT id, published_at FROM articles"
                " WHERE (published_at, id) < (?, ?) AND duplicate_of IS NULL"
                " ORDER BY published_at DESC, id DESC LIMIT ?"
            )
            params: list[object] = [*key, limit + 1]
        elif len(wanted) > MANY_REGIONS:
            marks = ",".join("?" * len(wanted))
            sql = (
                "SELECT a.id, a.published_at FROM articles a"
                " WHERE (a.published_at, a.id) < (?, ?) AND a.duplicate_of IS NULL"
                " AND EXISTS (SELECT 1 FROM article_regions r"
                f" WHERE r.article_id = a.id AND r.region IN ({marks}){_role('r', mentioned)})"
                " ORDER BY a.published_at DESC, a.id DESC LIMIT ?"
            )
            params = [*key, *wanted, limit + 1]
        else:
            per_region = (
                "SELECT * FROM (SELECT ar.article_id AS id, ar.published_at AS published_at"
                " FROM article_regions ar JOIN articles a ON a.id = ar.article_id"
                " WHERE ar.region = ? AND (ar.published_at, ar.article_id) < (?, ?)"
                f" AND a.duplicate_of IS NULL{_role('ar', mentioned)}"
                " ORDER BY ar.published_at DESC, ar.article_id DESC LIMIT ?) AS r{n}"
            )
            union = " UNION ALL ".join(per_region.format(n=n) for n in range(len(wanted)))
            sql = (
                f"SELECT id, max(published_at) AS published_at FROM ({union}) AS u"
                " GROUP BY id ORDER BY published_at DESC, id DESC LIMIT ?"
            )
            params = []
            for code in wanted:
                params += [code, *key, limit + 1]
            params.append(limit + 1)
        rows = await self.db.fetchall(sql, params)
        more = len(rows) > limit
        rows = rows[:limit]
        articles = await self._articles([int(r["id"]) for r in rows])
        cursor = None
        if more and rows:
            cursor = Cursor(int(rows[-1]["published_at"]), int(rows[-1]["id"]))
        return LatestPage(articles, cursor)

    async def search(
        self,
        match: str,
        *,
        regions: Sequence[str] = (),
        limit: int = 5,
        offset: int = 0,
        now: int | None = None,
        mentioned: bool = False,
    ) -> SearchPage:
        """Articles matching the FTS5 expression ``match``, best first (see the module doc);
        only those about one of ``regions`` when any are given (``mentioned``: or that only
        mention one).

        Raises :class:`SearchQueryError` when SQLite refuses the expression.
        """
        limit = max(1, limit)
        offset = max(0, offset)
        wanted = sorted(set(regions))
        candidates = REGION_CANDIDATES if wanted else CANDIDATES
        if offset >= candidates:
            return SearchPage((), False)
        now = now_ts() if now is None else now
        if self.db.dialect == "postgresql":
            return await self._search_pg(
                match,
                wanted=wanted,
                candidates=candidates,
                limit=limit,
                offset=offset,
                now=now,
                mentioned=mentioned,
            )
        region_filter = ""
        params: list[object] = [TITLE_WEIGHT, match]
        if wanted:
            marks = ",".join("?" * len(wanted))
            region_filter = (
                " AND EXISTS (SELECT 1 FROM article_regions r"
                f" WHERE r.article_id = articles_fts.rowid AND r.region IN ({marks})"
                f"{_role('r', mentioned)})"
            )
            params += wanted
        params += [candidates, now, HALF_LIFE_DAYS * 86400.0, limit + 1, offset]
        sql = (
            "WITH hits AS ("
            " SELECT rowid AS id, bm25(articles_fts, ?, 1.0) AS bm FROM articles_fts"
            f" WHERE articles_fts MATCH ?{region_filter}"
            " ORDER BY rowid DESC LIMIT ?)"
            " SELECT h.id, h.bm / (1.0 + max(0, ? - a.published_at) / ?) AS score"
            " FROM hits h JOIN articles a ON a.id = h.id"
            " WHERE a.duplicate_of IS NULL"
            " ORDER BY score, h.id DESC LIMIT ? OFFSET ?"
        )
        try:
            rows = await self.db.fetchall(sql, params)
        except sqlite3.OperationalError as exc:
            log.warning("search %r refused: %s", match, exc)
            raise SearchQueryError(str(exc)) from exc
        more = len(rows) > limit and offset + limit < candidates
        ids = [int(r["id"]) for r in rows[:limit]]
        return SearchPage(await self._articles(ids), more)

    async def _search_pg(
        self,
        match: str,
        *,
        wanted: list[str],
        candidates: int,
        limit: int,
        offset: int,
        now: int,
        mentioned: bool,
    ) -> SearchPage:
        query = tsquery_from_match(match)
        region_filter = ""
        params: list[object] = [query]
        if wanted:
            marks = ",".join("?" * len(wanted))
            region_filter = (
                " AND EXISTS (SELECT 1 FROM article_regions r"
                f" WHERE r.article_id = f.article_id AND r.region IN ({marks})"
                f"{_role('r', mentioned)})"
            )
            params += wanted
        # ts_rank's weights are {D, C, B, A}: the body (B) weighs 1/TITLE_WEIGHT of the title.
        weights = [0.0, 0.0, 1.0 / TITLE_WEIGHT, 1.0]
        params = [weights, *params, candidates, now, HALF_LIFE_DAYS * 86400.0, limit + 1, offset]
        sql = (
            "WITH q AS (SELECT ?::float4[] AS w, to_tsquery('russian', ?) AS q),"
            " hits AS ("
            " SELECT f.article_id AS id, ts_rank(q.w, f.doc, q.q) AS rank"
            f" FROM articles_fts f, q WHERE f.doc @@ q.q{region_filter}"
            " ORDER BY f.article_id DESC LIMIT ?)"
            " SELECT h.id, h.rank / (1.0 + GREATEST(0, ?::bigint - a.published_at)"
            " / ?::float8) AS score"
            " FROM hits h JOIN articles a ON a.id = h.id"
            " WHERE a.duplicate_of IS NULL"
            " ORDER BY score DESC, h.id DESC LIMIT ? OFFSET ?"
        )
        async with self.db.write() as conn:
            # Plan for this query's words: a generic plan guesses the share of matching
            # documents, and a common word then costs a scan of all its matches (5x slower)
            # instead of walking the newest articles until CANDIDATES of them match.
            await conn.execute("SET LOCAL plan_cache_mode = force_custom_plan")
            cur = await conn.execute(sql, params)
            rows = list(await cur.fetchall())
        more = len(rows) > limit and offset + limit < candidates
        ids = [int(r["id"]) for r in rows[:limit]]
        return SearchPage(await self._articles(ids), more)
