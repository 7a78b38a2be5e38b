"""The ingest pipeline: fetch -> parse -> normalise -> understand -> store, per source.

:class:`Ingestor` is shared by the scheduler job, the admin commands and the CLI. A
source that fails is recorded with its reason and backs off (doubling up to
``max_backoff_seconds``); the other sources go on. CPU work (parsing, region tagging,
summaries, stems) runs in worker processes (:mod:`bot.ingest.workers`, one per core), or
in a worker thread without them, so that the bot keeps answering meanwhile; each feed's
new items are then stored in one transaction.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import sqlite3
import time
import traceback
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.config import IngestSettings, Settings
from bot.errors import FetchError, IngestError, ParseError
from bot.ingest import dedup
from bot.ingest.fetch import Fetcher, FetchResult, expand_location, is_local, local_path
from bot.ingest.fulltext import LEAD_IS_FULL, analysis_text, is_real_full_text, pick_full_text
from bot.ingest.normalise import (
    canonical_url,
    clean_title,
    item_key,
    pick_published,
    title_from_text,
)
from bot.ingest.pacing import HostPacer, host_of
from bot.ingest.parse import (
    Parsed,
    RawItem,
    decode,
    extract_page,
    parse_document,
    parse_feed,
    plain,
    sniff,
)
from bot.ingest.split import split_feed
from bot.ingest.workers import POOL_MIN_ITEMS, CpuPool, chunked, shutdown_pools
from bot.text.catalogue import by_code
from bot.text.regions import tag_regions
from bot.text.stems import stem, stems, words
from bot.text.summary import summarize_article
from storage.articles import (
    ArticleRepository,
    NewArticle,
    PageJob,
    Reanalysis,
    RegionTag,
    StoreResult,
)
from storage.sources import ConfigSource, Source, SourceRepository

log = logging.getLogger(__name__)

# Called with the ids of newly stored, non-duplicate articles (event grouping, delivery
# planning). Its failure is logged; the articles stay ``planned = 0`` for a later pass.
AfterStore = Callable[[list[int]], Awaitable[None]]

MAX_ITEMS = 5000  # per document: a runaway feed cannot flood the database
MAX_TEXT = 100_000  # characters of article text kept and analysed
SOURCE_CONCURRENCY = 4  # sources polled at once (hosts are limited by the fetcher)
PAGE_HOSTS = 4  # hosts whose article pages are read at once (each one page at a time)
JITTER = 0.1  # +-10 % on every next poll, so sources drift apart
# Documents at least this large are parsed in a worker process (when there are workers).
POOL_MIN_BYTES = 64_000
# PostgreSQL stores analysed items in parts of at least this many while analysis goes on.
STREAM_PART = 96


async def _no_hook(ids: list[int]) -> None:
    return None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A normalised item, before analysis."""

    guid: str | None
    url: str
    title: str
    text: str  # the lead
    published_at: datetime
    body: str | None = None  # the feed's full text, cleaned; None: only the lead
    page_url: str | None = None  # read this page for the full text (the source wants it)
    image_url: str | None = None  # the lead image (http/https)


@dataclass(slots=True)
class SourceReport:
    """What one poll of one source did; ``error`` is the reason it failed."""

    url: str
    source_id: int | None = None
    title: str = ""
    new: int = 0  # stored, not a copy
    duplicates: int = 0  # stored, linked to an earlier article (another portal)
    seen: int = 0  # stored before (same guid or URL): nothing done
    skipped: int = 0  # items that could not be used
    not_modified: bool = False  # HTTP 304
    error: str | None = None
    reasons: list[str] = field(default_factory=list)  # why items were skipped
    new_ids: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def name(self) -> str:
        return self.title or self.url


@dataclass(slots=True)
class PageReport:
    """What one round of article-page reading did."""

    fetched: int = 0  # pages whose full text was stored (the article analysed again)
    unchanged: int = 0  # pages that said no more than the lead
    failed: int = 0  # pages that could not be read: their articles keep the lead
    fetch_seconds: float = 0.0  # time spent in the pages' own requests
    ids: list[int] = field(default_factory=list)  # articles analysed again


def prepare_items(
    parsed: Parsed,
    *,
    base_url: str,
    fetched_at: datetime,
    full_text: str = "auto",
    pages: bool = False,
    first: int = 0,
) -> tuple[list[Candidate], list[str]]:
    """Raw items -> candidates (canonical URL, plain lead and full text, UTC date); reasons
    for the rest. ``full_text`` is the source's mode; ``pages``: article pages may be read;
    ``first``: the index of ``parsed``'s first item in the document (a part of a feed)."""
    out: list[Candidate] = []
    reasons: list[str] = list(parsed.warnings)
    for index, raw in enumerate(parsed.items[:MAX_ITEMS], start=first):
        try:
            out.append(
                _candidate(
                    raw, base_url=base_url, fetched_at=fetched_at, mode=full_text, pages=pages
                )
            )
        except ParseError as exc:
            reasons.append(f"item {index + 1}: {exc}")
    if len(parsed.items) > MAX_ITEMS:
        reasons.append(f"{len(parsed.items) - MAX_ITEMS} items over the limit of {MAX_ITEMS}")
    return out, reasons


def _candidate(
    raw: RawItem, *, base_url: str, fetched_at: datetime, mode: str = "auto", pages: bool = False
) -> Candidate:
    guid = (raw.guid or "").strip() or None
    url = canonical_url(raw.link, base_url) if raw.link else None
    if url is None and guid and guid.startswith(("http://", "https://")):
        url = canonical_url(guid)
    if url is None and raw.page:
        url = canonical_url(base_url)
    text = (raw.text if raw.page else plain(raw.text))[:MAX_TEXT]
    body: str | None = None
    page_url: str | None = None
    if not raw.page and mode != "off":
        if raw.full and mode in ("auto", "feed"):
            body = pick_full_text(text, raw.full, MAX_TEXT)
        wants_page = mode == "page" or (
            mode == "auto" and body is None and len(text) < LEAD_IS_FULL
        )
        if pages and wants_page and url is not None and url.startswith(("http://", "https://")):
            page_url = url
    if body and not text:
        text = _fallback_summary(body)  # an item with a full text and no description
    title = clean_title(raw.title) or title_from_text(text or body or "")
    if not title:
        raise ParseError("no title and no text")
    if url is None:
        # No http(s) link (none, file://, javascript:...): the item is kept without one, and
        # is pushed as text, never as a link to something that is not a web page.
        url = item_key(base_url, guid or "", (raw.link or "").strip(), title, text[:1000])
    published, _ = pick_published([raw.published], fetched_at)
    return Candidate(guid, url, title, text or title, published, body, page_url, raw.image)


# One encoder for every item: ``json.dumps`` with options builds a new one per call.
_EVIDENCE_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _evidence_json(items: list[dict[str, object]]) -> str:
    return _EVIDENCE_ENCODER.encode(items)


# What the understanding step finds in a text: its regions, summary, content hash, near-copy
# keys, title and body stems.
Understanding = tuple[tuple[RegionTag, ...], str, str, tuple[tuple[int, int], ...], str, str]


def _understand(title: str, text: str, source_region: str | None) -> Understanding:
    """Regions, summary, content hash, near-copy keys, title and body stems of a text."""
    full = f"{title}\n{text}"
    tags: dict[str, list[dict[str, object]]] = {}
    roles: dict[str, str] = {}
    for match in tag_regions(full, source_region=source_region):
        tags[match.code] = [
            {"text": e.text, "start": e.start, "end": e.end, "kind": e.kind} for e in match.evidence
        ]
        roles[match.code] = match.role
    if source_region:  # every item of the source concerns its region: the story is about it
        region = by_code(source_region)
        name = region.name if region is not None else source_region
        tags.setdefault(source_region, []).append(
            {"text": name, "start": 0, "end": 0, "kind": "source"}
        )
        roles[source_region] = "main"
    # The text's words and stems once, for its fingerprints and its search terms.
    tokens = words(text)
    body_stems = " ".join(map(stem, tokens))
    eligible = len(tokens) >= dedup.MIN_WORDS  # dedup.eligible(text)
    fingerprint = dedup.shingles_of_joined(body_stems) if eligible else frozenset()
    return (
        tuple(RegionTag(code, _evidence_json(ev), roles[code]) for code, ev in tags.items()),
        summarize_article(title, text) or _fallback_summary(text),
        dedup.words_hash(tokens),
        tuple(dedup.band_keys(fingerprint)) if fingerprint else (),
        stems(title),
        body_stems,
    )


def analyse(
    item: Candidate,
    *,
    source_id: int | None,
    source_region: str | None,
    fetched_at: datetime,
    page_wait_seconds: int = 0,
) -> NewArticle:
    """The understanding step (pure): regions, summary, search stems, fingerprints.

    They read the full text when there is one (the lead otherwise); region evidence offsets
    refer to ``title + "\n" + analysis_text(lead, body)``. A source's configured region is
    added with evidence kind "source". An item whose page is to be read waits for it
    (``full_text_until``) at most ``page_wait_seconds``.
    """
    text = analysis_text(item.text, item.body)
    return _assemble(
        item,
        _understand(item.title, text, source_region),
        source_id=source_id,
        fetched_at=fetched_at,
        page_wait_seconds=page_wait_seconds,
    )


def _assemble(
    item: Candidate,
    understood: Understanding,
    *,
    source_id: int | None,
    fetched_at: datetime,
    page_wait_seconds: int = 0,
) -> NewArticle:
    """An item and what the understanding step found in it -> the article to store."""
    regions, summary, content_hash, lsh_keys, title_stems, body_stems = understood
    fetched = int(fetched_at.timestamp())
    return NewArticle(
        source_id=source_id,
        guid=item.guid,
        url=item.url,
        title=item.title,
        text=item.text,
        summary=summary,
        published_at=int(item.published_at.timestamp()),
        fetched_at=fetched,
        content_hash=content_hash,
        lsh_keys=lsh_keys,
        regions=regions,
        title_stems=title_stems,
        body_stems=body_stems,
        body=item.body,
        page_url=item.page_url,
        full_text_until=fetched + page_wait_seconds if item.page_url else None,
        image_url=item.image_url,
    )


def reanalyse(title: str, lead: str, body: str, *, source_region: str | None) -> Reanalysis:
    """The understanding step again, for a full text that arrived after the article was
    stored (its page): the same function of the same inputs as :func:`analyse`."""
    text = analysis_text(lead, body)
    regions, summary, content_hash, lsh_keys, title_stems, body_stems = _understand(
        title, text, source_region
    )
    return Reanalysis(
        body=body,
        summary=summary,
        content_hash=content_hash,
        lsh_keys=lsh_keys,
        regions=regions,
        title_stems=title_stems,
        body_stems=body_stems,
    )


def _fallback_summary(text: str, limit: int = 300) -> str:
    """The text's start up to a sentence end within ``limit`` characters."""
    head = " ".join(text.split())[:limit]
    end = max(head.rfind(". "), head.rfind("! "), head.rfind("? "))
    if end > limit // 3:
        return head[: end + 1]
    return head if len(text) <= limit else head.rsplit(" ", 1)[0] + "…"


def _parse_fetched(
    result: FetchResult, fetched_at: datetime, full_text: str = "auto", pages: bool = False
) -> tuple[Parsed, list[Candidate], list[str]]:
    """Worker-thread part one: bytes -> candidates. Any library failure is a ParseError."""
    try:
        text = decode(result.body, result.charset)
        parsed = parse_document(text, url=result.final_url, content_type=result.content_type)
        items, reasons = prepare_items(
            parsed,
            base_url=result.final_url,
            fetched_at=fetched_at,
            full_text=full_text,
            pages=pages,
        )
    except ParseError:
        raise
    except Exception as exc:  # third-party parsers on arbitrary bytes
        raise ParseError(f"cannot parse: {type(exc).__name__}: {exc}") from exc
    return parsed, items, reasons


# An item whose analysis failed: (its URL, the exception's type name, the traceback).
Failure = tuple[str, str, str]
# The texts a worker process reads for one item: (title, lead, full text or None). Only
# these go to the worker and only the Understanding comes back: the caller has the rest.
ItemTexts = tuple[str, str, str | None]


def _analyse_chunk(
    texts: Sequence[ItemTexts], source_region: str | None
) -> tuple[list[Understanding | None], list[tuple[int, str, str]]]:
    """The understanding step for a chunk of a batch in a worker process, item by item:
    one result per item (None where it failed) and the failures as (index, the exception's
    type name, the traceback)."""
    out: list[Understanding | None] = []
    failures: list[tuple[int, str, str]] = []
    for index, (title, lead, body) in enumerate(texts):
        try:
            out.append(_understand(title, analysis_text(lead, body), source_region))
        except Exception as exc:  # noqa: BLE001 - one odd text must not lose the feed
            out.append(None)
            failures.append((index, type(exc).__name__, traceback.format_exc()))
    return out, failures


def _chunk_call(chunk: Sequence[Candidate], source_region: str | None) -> tuple[object, ...]:
    """The arguments of :func:`_analyse_chunk` for a chunk of candidates."""
    return ([(c.title, c.text, c.body) for c in chunk], source_region)


def _assemble_chunk(
    chunk: Sequence[Candidate],
    outcome: tuple[list[Understanding | None], list[tuple[int, str, str]]],
    *,
    source_id: int | None,
    fetched_at: datetime,
    page_wait_seconds: int,
) -> tuple[list[NewArticle], list[Failure]]:
    """A chunk's candidates with what a worker found in them -> articles and failures."""
    understood, failed = outcome
    done = [
        _assemble(
            c, u, source_id=source_id, fetched_at=fetched_at, page_wait_seconds=page_wait_seconds
        )
        for c, u in zip(chunk, understood, strict=True)
        if u is not None
    ]
    return done, [(chunk[index].url, kind, trace) for index, kind, trace in failed]


def _analyse_batch(
    items: Sequence[Candidate], source: Source, fetched_at: datetime, page_wait_seconds: int = 0
) -> tuple[list[NewArticle], list[Failure]]:
    """Worker-thread part two: the understanding step for a whole batch, item by item."""
    out: list[NewArticle] = []
    failures: list[Failure] = []
    for c in items:
        try:
            out.append(
                analyse(
                    c,
                    source_id=source.id,
                    source_region=source.region,
                    fetched_at=fetched_at,
                    page_wait_seconds=page_wait_seconds,
                )
            )
        except Exception as exc:  # noqa: BLE001 - one odd text must not lose the feed
            failures.append((c.url, type(exc).__name__, traceback.format_exc()))
    return out, failures


def _parse_job(
    result: FetchResult, fetched_at: datetime, full_text: str = "auto", pages: bool = False
) -> tuple[str, int, list[Candidate], list[str]]:
    """:func:`_parse_fetched` for a worker process: only what the caller reads goes back
    (the document's title and item count, the candidates, the reasons)."""
    parsed, items, reasons = _parse_fetched(result, fetched_at, full_text, pages)
    return parsed.title, len(parsed.items), items, reasons


# A part of a feed to parse: (document, index of its first item, its item count).
FeedPart = tuple[str, int, int]


def _split_document(result: FetchResult, parts: int) -> list[FeedPart] | None:
    """A large feed cut into ``parts`` feeds (:mod:`bot.ingest.split`), or None."""
    try:
        text = decode(result.body, result.charset)
        if "\x00" in text[:4096] or sniff(text, result.content_type) != "feed":
            return None
        return split_feed(text, parts)
    except Exception:  # noqa: BLE001 - the whole document is parsed instead, errors and all
        return None


def _parse_part(
    part: FeedPart, base_url: str, fetched_at: datetime, full_text: str, pages: bool
) -> tuple[str, int, list[Candidate], list[str]] | None:
    """One part of a feed -> what :func:`_parse_job` gives for the whole, for its items; None
    when the part does not parse cleanly into exactly its items (the caller then parses the
    whole document, so a feed the cut does not fit reads as before)."""
    text, first, count = part
    try:
        parsed = parse_feed(text, base_url)
        if parsed.warnings or len(parsed.items) != count:
            return None
        items, reasons = prepare_items(
            parsed, base_url=base_url, fetched_at=fetched_at, full_text=full_text,
            pages=pages, first=first,
        )  # fmt: skip
    except Exception:  # noqa: BLE001 - the whole document is parsed instead, errors and all
        return None
    return parsed.title, count, items, reasons


def _page_job(
    result: FetchResult, title: str, lead: str, source_region: str | None
) -> tuple[Reanalysis | None, str | None]:
    """An article page -> (its article analysed again, or None when the page says no more
    than the lead; the page's picture or None). ParseError when it has no text."""
    body, image = _page_text(result)
    if not is_real_full_text(lead, body):
        return None, image
    return reanalyse(title, lead, body, source_region=source_region), image


def warm_worker() -> None:
    """A worker process's initializer: the text modules imported, the morphology loaded."""
    now = datetime.now(UTC)
    warm = Candidate(None, "https://w.example/", "Абакан", "В Абакане прошёл форум.", now)
    analyse(warm, source_id=None, source_region=None, fetched_at=now)


def _page_text(result: FetchResult) -> tuple[str, str | None]:
    """Worker-thread part for a page: bytes -> its main text (ParseError when none) and its
    picture (og:image or the first figure; None when it has none)."""
    try:
        html = decode(result.body, result.charset)
        item = extract_page(html, result.final_url).items[0]
        return item.text[:MAX_TEXT], item.image
    except ParseError:
        raise
    except Exception as exc:  # third-party extractor on arbitrary bytes
        raise ParseError(f"cannot extract the article: {type(exc).__name__}: {exc}") from exc


class Ingestor:
    """Polls sources into storage. One per app; safe to share between jobs and handlers."""

    def __init__(
        self,
        settings: IngestSettings,
        sources: SourceRepository,
        articles: ArticleRepository,
        *,
        after_store: AfterStore | None = None,
        clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
    ) -> None:
        self.settings = settings
        self.sources = sources
        self.articles = articles
        self.after_store: AfterStore = after_store or _no_hook
        self.clock = clock
        self.rng = rng or random.Random()
        # One poll run at a time: /fetch waits for a scheduled run instead of doubling it.
        self._run_lock = asyncio.Lock()
        # CPU work: in worker processes (``settings.workers``, default one per core); without
        # them in one worker thread at a time, as the event loop needs a core too.
        self.pool = CpuPool(settings.workers, initializer=warm_worker)
        self._cpu_lock = asyncio.Lock()
        self.config_synced = False
        # Article pages: one request at a time per host, paused between requests.
        self.pacer = HostPacer(settings.page_delay_seconds)

    async def start_workers(self) -> bool:
        """Start and warm the worker processes now rather than on the first big batch;
        False when there are none (``workers = 0``, or they cannot start)."""
        return await self.pool.start()

    async def close(self) -> None:
        """Stop the worker processes (the app's and the CLI's close)."""
        await shutdown_pools()

    def open_fetcher(self) -> Fetcher:
        """The one place HTTP clients are made: feeds and article pages share its limits."""
        return Fetcher(self.settings)

    @property
    def reads_pages(self) -> bool:
        return self.settings.pages_per_poll > 0

    # --- scheduling -------------------------------------------------------------------

    def next_poll(self, source: Source, now: int, *, failures: int = 0) -> int:
        """When to poll again: the interval, or a doubling backoff after failures; +-10 %."""
        base = source.interval_seconds
        if failures:
            base = min(base * 2 ** min(failures, 30), self.settings.max_backoff_seconds)
            base = max(base, min(source.interval_seconds, self.settings.max_backoff_seconds))
        return now + max(1, round(base * self.rng.uniform(1 - JITTER, 1 + JITTER)))

    async def sync_config(self, settings: Settings) -> list[Source]:
        """Copy the config's ``[[sources]]`` into the table (origin 'config')."""
        entries = [
            ConfigSource(s.url, s.region, s.interval_seconds, s.title, s.full_text)
            for s in settings.sources
        ]
        synced = await self.sources.sync_config(
            entries, default_interval=self.settings.poll_interval_seconds
        )
        self.config_synced = True
        return synced

    async def poll_due(self, *, now: int | None = None) -> list[SourceReport]:
        """Poll the enabled sources whose time has come (the scheduler's job)."""
        ts = int(self.clock()) if now is None else now
        async with self._run_lock:
            due = await self.sources.due(ts)
            return await self._poll_many(due, pages=True)

    async def ensure_synced(self, settings: Settings) -> None:
        """Copy the config's sources into the table once (before the first poll)."""
        if not self.config_synced:
            await self.sync_config(settings)

    async def poll_all(self) -> list[SourceReport]:
        """Poll every enabled source now (``/fetch``, the demo)."""
        async with self._run_lock:
            sources = await self.sources.list_all(enabled_only=True)
            return await self._poll_many(sources, pages=True)

    async def poll_one(self, source: Source) -> SourceReport:
        """Poll one source now (``/addsource`` reads a new source at once; its article
        pages are read by the next scheduled run)."""
        async with self._run_lock, self.open_fetcher() as fetcher:
            return await self.poll_source(source, fetcher)

    async def read_pages(self, *, limit: int | None = None) -> PageReport:
        """Read queued article pages now (at most ``pages_per_poll``, or ``limit``)."""
        async with self._run_lock:
            return await self._read_pages_if_queued(None, limit=limit)

    async def _read_pages_if_queued(
        self, fetcher: Fetcher | None, *, limit: int | None = None
    ) -> PageReport:
        if not self.reads_pages or not await self.articles.pages_queued():
            return PageReport()
        if fetcher is not None:
            return await self.fetch_pages(fetcher, limit=limit)
        async with self.open_fetcher() as own:
            return await self.fetch_pages(own, limit=limit)

    async def _poll_many(
        self, sources: Sequence[Source], *, pages: bool = False
    ) -> list[SourceReport]:
        if not sources:
            if pages:  # pages queued by an earlier run (or another process) still get read
                await self._read_pages_if_queued(None)
            return []
        gate = asyncio.Semaphore(SOURCE_CONCURRENCY)
        async with self.open_fetcher() as fetcher:

            async def one(source: Source) -> SourceReport:
                async with gate:
                    try:
                        return await self.poll_source(source, fetcher)
                    except sqlite3.Error as exc:  # the DB is busy or broken: next tick retries
                        log.error("source %s: storage error: %s", source.url, exc)
                        return SourceReport(source.url, source.id, source.title, error=str(exc))
                    except Exception as exc:  # a bug must not stop the other sources
                        log.exception("source %s: unexpected error", source.url)
                        error = f"internal error: {type(exc).__name__}: {exc}"
                        await self.sources.record_failure(
                            source.id,
                            error,
                            next_poll_at=self.next_poll(
                                source, int(self.clock()), failures=source.failures + 1
                            ),
                        )
                        return SourceReport(source.url, source.id, source.title, error=error)

            reports = list(await asyncio.gather(*(one(s) for s in sources)))
            if pages:
                try:
                    await self._read_pages_if_queued(fetcher)
                except sqlite3.Error as exc:  # the next run reads them
                    log.error("article pages: storage error: %s", exc)
            return reports

    # --- article pages ------------------------------------------------------------------

    async def fetch_pages(self, fetcher: Fetcher, *, limit: int | None = None) -> PageReport:
        """Read up to ``limit`` (default ``pages_per_poll``) queued article pages.

        One request at a time per host with ``page_delay_seconds`` between requests; several
        hosts at once. Each page is tried once: the full text is analysed again (regions,
        event, summary, search row, near-copy keys) and the article is planned only then; a
        page that fails leaves the article with its lead, logged once, and stops its wait.
        """
        report = PageReport()
        count = self.settings.pages_per_poll if limit is None else limit
        if count <= 0:
            return report
        jobs = await self.articles.due_pages(count)
        by_host: dict[str, list[PageJob]] = {}
        for job in jobs:
            by_host.setdefault(host_of(job.url), []).append(job)
        gate = asyncio.Semaphore(PAGE_HOSTS)

        async def host_run(host: str, queue: list[PageJob]) -> None:
            async with gate:
                for job in queue:
                    try:
                        await self._read_page(job, host, fetcher, report)
                    except sqlite3.Error:
                        raise
                    except Exception:  # a bug in one page must not stop the others
                        log.exception("page %s: unexpected error", job.url)
                        report.failed += 1
                        await self.articles.page_failed(job, "internal error")
                        await self._after_store([job.article_id])

        await asyncio.gather(*(host_run(h, q) for h, q in by_host.items()))
        if jobs:
            log.info(
                "article pages: %d read, %d with nothing new, %d failed",
                report.fetched, report.unchanged, report.failed,
            )  # fmt: skip
        return report

    async def _read_page(
        self, job: PageJob, host: str, fetcher: Fetcher, report: PageReport
    ) -> None:
        error = ""
        async with self.pacer.slot(host):
            started = time.perf_counter()
            try:
                result = await fetcher.fetch(
                    job.url, etag=job.etag, last_modified=job.last_modified
                )
            except FetchError as exc:
                result = None
                error = str(exc) or type(exc).__name__
            finally:
                report.fetch_seconds += time.perf_counter() - started
        now = int(self.clock())
        if result is None or result.not_modified:
            reason = error if result is None else "not modified"
            log.warning("page %s: %s; the article keeps its lead", job.url, reason)
            report.failed += 1
            await self.articles.page_failed(job, reason, now=now)
            await self._after_store([job.article_id])
            return
        stored = await self.articles.title_and_text(job.article_id)
        if stored is None:  # deleted meanwhile
            await self.articles.page_failed(job, "article deleted", status="skipped", now=now)
            return
        title, lead = stored
        try:
            done, outcome = await self.pool.run(_page_job, result, title, lead, job.source_region)
            if not done or outcome is None:
                async with self._cpu_lock:
                    outcome = await asyncio.to_thread(
                        _page_job, result, title, lead, job.source_region
                    )
            update, image = outcome
        except ParseError as exc:
            log.warning("page %s: %s; the article keeps its lead", job.url, exc)
            report.failed += 1
            await self.articles.page_failed(job, str(exc), now=now)
            await self._after_store([job.article_id])
            return
        if image:  # the feed item had no picture: the page's is the article's
            await self.articles.set_image(job.article_id, image)
        if update is None:
            report.unchanged += 1
            await self.articles.page_failed(
                job, "the page says no more than the lead", status="skipped", now=now
            )
        else:
            await self.articles.store_full_text(
                job, update, etag=result.etag, last_modified=result.last_modified, now=now
            )
            report.fetched += 1
            report.ids.append(job.article_id)
        await self._after_store([job.article_id])

    # --- one source ---------------------------------------------------------------------

    async def poll_source(
        self,
        source: Source,
        fetcher: Fetcher,
        *,
        conditional: bool = True,
        record: bool = True,
    ) -> SourceReport:
        """Fetch, parse and store one source; record the outcome and the next poll time.

        Never raises for a bad source: the reason is in the report (and in ``sources``).
        """
        now = int(self.clock())
        report = SourceReport(source.url, source.id, source.title)
        etag = last_modified = None
        feed_title: str | None = None
        try:
            locations = expand_location(source.url)
            if not locations:
                raise FetchError("empty folder")
            single = len(locations) == 1
            for location in locations:
                try:
                    result = await fetcher.fetch(
                        location,
                        etag=source.etag if conditional and single else None,
                        last_modified=source.last_modified if conditional and single else None,
                    )
                    if single:
                        etag, last_modified = result.etag, result.last_modified
                    if result.not_modified:
                        report.not_modified = True
                        continue
                    title = await self._store_document(result, source, report)
                except IngestError as exc:
                    if single:
                        raise
                    # One bad file in a folder: note it, read the others.
                    report.skipped += 1
                    report.reasons.append(f"{location}: {exc}")
                    continue
                feed_title = feed_title or title
        except IngestError as exc:
            report.error = str(exc) or type(exc).__name__
            log.warning("source %s failed: %s", source.url, report.error)
            if record:
                await self.sources.record_failure(
                    source.id,
                    report.error,
                    next_poll_at=self.next_poll(source, now, failures=source.failures + 1),
                    now=now,
                )
            return report
        for reason in report.reasons:
            log.info("source %s: %s", source.url, reason)
        if record:
            await self.sources.record_success(
                source.id,
                new_items=report.new,
                next_poll_at=self.next_poll(source, now),
                etag=etag,
                last_modified=last_modified,
                title=feed_title or None,
                now=now,
            )
        if not report.title and feed_title:
            report.title = feed_title
        log.info(
            "source %s: %d new, %d copies, %d seen, %d skipped%s",
            source.url, report.new, report.duplicates, report.seen, report.skipped,
            " (not modified)" if report.not_modified else "",
        )  # fmt: skip
        return report

    async def _store_document(
        self, result: FetchResult, source: Source, report: SourceReport
    ) -> str:
        """Parse one fetched document and store its new items; returns its title."""
        fetched_at = datetime.fromtimestamp(int(self.clock()), UTC)
        title, count, items, reasons = await self._parse(result, source, fetched_at)
        report.skipped += count - len(items)
        report.reasons.extend(reasons)
        if not items and count:
            raise ParseError(f"no usable items ({reasons[-1] if reasons else 'all skipped'})")
        known = await self.articles.known(source.id, [(c.guid, c.url) for c in items])
        fresh = [c for c in items if c.url not in known]
        report.seen += len(items) - len(fresh)
        if fresh:
            streamed = await self._analyse_and_store(fresh, source, fetched_at)
            if streamed is None:
                prepared, failures = await self._analyse(fresh, source, fetched_at)
                results = await self.articles.insert_many(prepared, near_copy=dedup.is_near_copy)
            else:
                prepared, failures, results = streamed
            for url, kind, trace in failures:
                log.error("analysis of %s failed:\n%s", url, trace.rstrip())
                report.reasons.append(f"{url}: analysis failed ({kind})")
            report.skipped += len(failures)
            waiting = {a.url for a in prepared if a.page_url}
            new_ids: list[int] = []
            ready: list[int] = []
            for stored in results:
                if stored.status == "new" and stored.article_id is not None:
                    new_ids.append(stored.article_id)
                    if stored.url not in waiting:
                        ready.append(stored.article_id)
                elif stored.status == "duplicate":
                    report.duplicates += 1
                else:
                    report.seen += 1
            report.new += len(new_ids)
            report.new_ids.extend(new_ids)
            # Articles waiting for their page are grouped and planned once it is read.
            if ready:
                await self._after_store(ready)
        return title

    async def _parse(
        self, result: FetchResult, source: Source, fetched_at: datetime
    ) -> tuple[str, int, list[Candidate], list[str]]:
        """Bytes -> (title, item count, candidates, reasons): a large document in a worker
        process, a small one (or any, without workers) in a thread."""
        args = (result, fetched_at, source.full_text, self.reads_pages)
        if len(result.body) >= POOL_MIN_BYTES and self.pool.enabled:
            whole = await self._parse_parts(result, source, fetched_at)
            if whole is not None:
                return whole
            done, parsed = await self.pool.run(_parse_job, *args)
            if done and parsed is not None:
                return parsed
        async with self._cpu_lock:
            return await asyncio.to_thread(_parse_job, *args)

    async def _parse_parts(
        self, result: FetchResult, source: Source, fetched_at: datetime
    ) -> tuple[str, int, list[Candidate], list[str]] | None:
        """A large feed parsed in parts on all the workers; None when it cannot be cut or a
        part disagrees (the caller parses it whole)."""
        if self.pool.size < 2:
            return None
        parts = await asyncio.to_thread(_split_document, result, 4 * self.pool.size)
        if parts is None or sum(count for _, _, count in parts) > MAX_ITEMS:
            return None
        url = result.final_url
        calls = [(p, url, fetched_at, source.full_text, self.reads_pages) for p in parts]
        outcomes = await self.pool.map(_parse_part, calls)
        if outcomes is None:
            return None
        count, items, reasons = 0, [], []
        for outcome in outcomes:
            if outcome is None:
                log.info("%s: parsing the feed whole (a part did not parse cleanly)", url)
                return None
            count += outcome[1]
            items.extend(outcome[2])
            reasons.extend(outcome[3])
        first = outcomes[0]
        assert first is not None  # every part parsed cleanly (checked above)
        return first[0], count, items, reasons

    async def _analyse_and_store(
        self, items: list[Candidate], source: Source, fetched_at: datetime
    ) -> tuple[list[NewArticle], list[Failure], list[StoreResult]] | None:
        """With workers: analysed chunks are stored while the workers analyse the next ones
        (:meth:`ArticleRepository.insert_stream`: one transaction on PostgreSQL, one per part
        on SQLite). None when this does not apply (no workers; a small batch) or a worker
        died: the caller starts over in a thread (on SQLite the parts stored by then are
        'seen' the second time; the planner's and the grouping's sweeps take them)."""
        if len(items) < POOL_MIN_ITEMS or not self.pool.enabled:
            return None
        wait = self.settings.page_wait_seconds
        chunks = chunked(items, self.pool.size)
        futures = self.pool.submit(_analyse_chunk, [_chunk_call(c, source.region) for c in chunks])
        if futures is None:
            return None
        prepared: list[NewArticle] = []
        failures: list[Failure] = []

        async def parts() -> AsyncIterator[list[NewArticle]]:
            i = 0
            while i < len(futures):
                part: list[NewArticle] = []
                # What is ready, at least STREAM_PART items (fewer round trips per item).
                while i < len(futures) and (len(part) < STREAM_PART or futures[i].done()):
                    done, failed = _assemble_chunk(
                        chunks[i], await futures[i], source_id=source.id,
                        fetched_at=fetched_at, page_wait_seconds=wait,
                    )  # fmt: skip
                    i += 1
                    part += done
                    failures.extend(failed)
                prepared.extend(part)
                yield part

        try:
            results = await self.articles.insert_stream(parts(), near_copy=dedup.is_near_copy)
        except BrokenProcessPool as exc:
            self.pool.broken(exc)
            return None
        finally:
            for future in futures:
                future.cancel()
            await asyncio.gather(*futures, return_exceptions=True)
        return prepared, failures, results

    async def _analyse(
        self, items: list[Candidate], source: Source, fetched_at: datetime
    ) -> tuple[list[NewArticle], list[Failure]]:
        """The understanding step for a batch: in chunks over the worker processes, or in a
        thread (a small batch, or no workers). The same results either way, in order."""
        wait = self.settings.page_wait_seconds
        if len(items) >= POOL_MIN_ITEMS and self.pool.enabled:
            chunks = chunked(items, self.pool.size)
            outcomes = await self.pool.map(
                _analyse_chunk, [_chunk_call(c, source.region) for c in chunks]
            )
            if outcomes is not None:
                prepared: list[NewArticle] = []
                failures: list[Failure] = []
                for chunk, outcome in zip(chunks, outcomes, strict=True):
                    done, failed = _assemble_chunk(
                        chunk, outcome, source_id=source.id,
                        fetched_at=fetched_at, page_wait_seconds=wait,
                    )  # fmt: skip
                    prepared += done
                    failures += failed
                return prepared, failures
        async with self._cpu_lock:
            return await asyncio.to_thread(_analyse_batch, items, source, fetched_at, wait)

    async def _after_store(self, new_ids: list[int]) -> None:
        # >>> HOOK: the lead wires event grouping and delivery planning here. <<<
        try:
            await self.after_store(new_ids)
        except Exception:  # a planner bug must not stop ingestion
            log.exception("after_store hook failed for %d article(s)", len(new_ids))

    # --- ad hoc reads (CLI) ------------------------------------------------------------

    async def read_locations(
        self, locations: Sequence[str], *, on_done: Callable[[SourceReport], None] | None = None
    ) -> list[SourceReport]:
        """Read URLs, files and folders once (``python -m bot ingest``); one report each.

        Each location gets a source row (origin 'cli', disabled, so the bot does not poll
        an operator's files) unless it is a source already; conditional GET is not used.
        """
        reports: list[SourceReport] = []
        async with self._run_lock, self.open_fetcher() as fetcher:
            for location in locations:
                key = _source_key(location)
                source = await self.sources.get_by_url(key)
                if source is None:
                    source, _ = await self.sources.add(
                        key,
                        origin="cli",
                        enabled=False,
                        interval_seconds=self.settings.poll_interval_seconds,
                    )
                report = await self.poll_source(
                    source, fetcher, conditional=False, record=source.origin == "cli"
                )
                report.url = location
                reports.append(report)
                if on_done is not None:
                    on_done(report)
            await self._read_pages_if_queued(fetcher)
        return reports


def _source_key(location: str) -> str:
    """The ``sources.url`` of a CLI location: absolute paths for local files."""
    if is_local(location):
        return str(local_path(location).resolve())
    return location
