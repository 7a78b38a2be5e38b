"""The ingest pipeline: fetch -> parse -> normalise -> understand -> store, per source.

:class:`Ingestor` is shared by the scheduler job, the admin commands and the CLI. A
source that fails is recorded with its reason and backs off (doubling up to
``max_backoff_seconds``); the other sources go on. CPU work (parsing, region tagging,
summaries, stems) runs in a worker thread so that the bot keeps answering meanwhile.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import sqlite3
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.config import IngestSettings, Settings
from bot.errors import FetchError, IngestError, ParseError
from bot.ingest import dedup
from bot.ingest.fetch import Fetcher, FetchResult, expand_location, is_local, local_path
from bot.ingest.normalise import (
    canonical_url,
    clean_title,
    item_key,
    pick_published,
    title_from_text,
)
from bot.ingest.parse import Parsed, RawItem, decode, parse_document, plain
from bot.text.catalogue import by_code
from bot.text.regions import tag_regions
from bot.text.stems import stems
from bot.text.summary import summarize_article
from storage.articles import ArticleRepository, NewArticle, RegionTag
from storage.sources import ConfigSource, Source, SourceRepository

log = logging.getLogger(__name__)

# Called with the ids of newly stored, non-duplicate articles (event grouping, delivery
# planning). Its failure is logged; the articles stay ``planned = 0`` for a later pass.
AfterStore = Callable[[list[int]], Awaitable[None]]

MAX_ITEMS = 5000  # per document: a runaway feed cannot flood the database
MAX_TEXT = 100_000  # characters of article text kept and analysed
SOURCE_CONCURRENCY = 4  # sources polled at once (hosts are limited by the fetcher)
JITTER = 0.1  # +-10 % on every next poll, so sources drift apart


async def _no_hook(ids: list[int]) -> None:
    return None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A normalised item, before analysis."""

    guid: str | None
    url: str
    title: str
    text: str
    published_at: datetime


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


def prepare_items(
    parsed: Parsed, *, base_url: str, fetched_at: datetime
) -> tuple[list[Candidate], list[str]]:
    """Raw items -> candidates (canonical URL, plain text, UTC date); reasons for the rest."""
    out: list[Candidate] = []
    reasons: list[str] = list(parsed.warnings)
    for index, raw in enumerate(parsed.items[:MAX_ITEMS]):
        try:
            out.append(_candidate(raw, base_url=base_url, fetched_at=fetched_at))
        except ParseError as exc:
            reasons.append(f"item {index + 1}: {exc}")
    if len(parsed.items) > MAX_ITEMS:
        reasons.append(f"{len(parsed.items) - MAX_ITEMS} items over the limit of {MAX_ITEMS}")
    return out, reasons


def _candidate(raw: RawItem, *, base_url: str, fetched_at: datetime) -> Candidate:
    guid = (raw.guid or "").strip() or None
    url = canonical_url(raw.link, base_url) if raw.link else None
    if url is None and guid and guid.startswith(("http://", "https://")):
        url = canonical_url(guid)
    if url is None and raw.page:
        url = canonical_url(base_url)
    text = (raw.text if raw.page else plain(raw.text))[:MAX_TEXT]
    title = clean_title(raw.title) or title_from_text(text)
    if not title:
        raise ParseError("no title and no text")
    if url is None:
        # No http(s) link (none, file://, javascript:...): the item is kept without one, and
        # is pushed as text, never as a link to something that is not a web page.
        url = item_key(base_url, guid or "", (raw.link or "").strip(), title, text[:1000])
    published, _ = pick_published([raw.published], fetched_at)
    return Candidate(guid, url, title, text or title, published)


def _evidence_json(items: list[dict[str, object]]) -> str:
    return json.dumps(items, ensure_ascii=False, separators=(",", ":"))


def analyse(
    item: Candidate, *, source_id: int | None, source_region: str | None, fetched_at: datetime
) -> NewArticle:
    """The understanding step (pure): regions, summary, search stems, fingerprints.

    Region evidence offsets refer to ``title + "\\n" + text``. A source's configured
    region is added with evidence kind "source".
    """
    full = f"{item.title}\n{item.text}"
    tags: dict[str, list[dict[str, object]]] = {}
    for match in tag_regions(full):
        tags[match.code] = [
            {"text": e.text, "start": e.start, "end": e.end, "kind": e.kind} for e in match.evidence
        ]
    if source_region:
        region = by_code(source_region)
        name = region.name if region is not None else source_region
        tags.setdefault(source_region, []).append(
            {"text": name, "start": 0, "end": 0, "kind": "source"}
        )
    fingerprint = dedup.shingles(item.text) if dedup.eligible(item.text) else frozenset()
    return NewArticle(
        source_id=source_id,
        guid=item.guid,
        url=item.url,
        title=item.title,
        text=item.text,
        summary=summarize_article(item.title, item.text) or _fallback_summary(item.text),
        published_at=int(item.published_at.timestamp()),
        fetched_at=int(fetched_at.timestamp()),
        content_hash=dedup.content_hash(item.text),
        lsh_keys=tuple(dedup.band_keys(fingerprint)) if fingerprint else (),
        regions=tuple(RegionTag(code, _evidence_json(ev)) for code, ev in tags.items()),
        title_stems=stems(item.title),
        body_stems=stems(item.text),
    )


def _fallback_summary(text: str, limit: int = 300) -> str:
    """The text's start up to a sentence end within ``limit`` characters."""
    head = " ".join(text.split())[:limit]
    end = max(head.rfind(". "), head.rfind("! "), head.rfind("? "))
    if end > limit // 3:
        return head[: end + 1]
    return head if len(text) <= limit else head.rsplit(" ", 1)[0] + "…"


def _parse_fetched(
    result: FetchResult, fetched_at: datetime
) -> tuple[Parsed, list[Candidate], list[str]]:
    """Worker-thread part one: bytes -> candidates. Any library failure is a ParseError."""
    try:
        text = decode(result.body, result.charset)
        parsed = parse_document(text, url=result.final_url, content_type=result.content_type)
        items, reasons = prepare_items(parsed, base_url=result.final_url, fetched_at=fetched_at)
    except ParseError:
        raise
    except Exception as exc:  # third-party parsers on arbitrary bytes
        raise ParseError(f"cannot parse: {type(exc).__name__}: {exc}") from exc
    return parsed, items, reasons


def _analyse_batch(
    items: Sequence[Candidate], source: Source, fetched_at: datetime
) -> tuple[list[NewArticle], list[str]]:
    """Worker-thread part two: the understanding step for a batch, item by item."""
    out: list[NewArticle] = []
    failures: list[str] = []
    for c in items:
        try:
            out.append(
                analyse(c, source_id=source.id, source_region=source.region, fetched_at=fetched_at)
            )
        except Exception as exc:  # one odd text must not lose the rest of the feed
            log.exception("analysis of %s failed", c.url)
            failures.append(f"{c.url}: analysis failed ({type(exc).__name__})")
    return out, failures


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
        # CPU work in one worker thread at a time: two cores, and the event loop needs one.
        self._cpu_lock = asyncio.Lock()
        self.config_synced = False

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
            ConfigSource(s.url, s.region, s.interval_seconds, s.title) for s in settings.sources
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
            return await self._poll_many(due)

    async def ensure_synced(self, settings: Settings) -> None:
        """Copy the config's sources into the table once (before the first poll)."""
        if not self.config_synced:
            await self.sync_config(settings)

    async def poll_all(self) -> list[SourceReport]:
        """Poll every enabled source now (``/fetch``, the demo)."""
        async with self._run_lock:
            return await self._poll_many(await self.sources.list_all(enabled_only=True))

    async def poll_one(self, source: Source) -> SourceReport:
        """Poll one source now (``/addsource`` reads a new source at once)."""
        async with self._run_lock, Fetcher(self.settings) as fetcher:
            return await self.poll_source(source, fetcher)

    async def _poll_many(self, sources: Sequence[Source]) -> list[SourceReport]:
        if not sources:
            return []
        gate = asyncio.Semaphore(SOURCE_CONCURRENCY)
        async with Fetcher(self.settings) as fetcher:

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

            return list(await asyncio.gather(*(one(s) for s in sources)))

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
        async with self._cpu_lock:
            parsed, items, reasons = await asyncio.to_thread(_parse_fetched, result, fetched_at)
        report.skipped += len(parsed.items) - len(items)
        report.reasons.extend(reasons)
        if not items and parsed.items:
            raise ParseError(f"no usable items ({reasons[-1] if reasons else 'all skipped'})")
        known = await self.articles.known(source.id, [(c.guid, c.url) for c in items])
        fresh = [c for c in items if c.url not in known]
        report.seen += len(items) - len(fresh)
        if fresh:
            async with self._cpu_lock:
                prepared, failures = await asyncio.to_thread(
                    _analyse_batch, fresh, source, fetched_at
                )
            report.skipped += len(failures)
            report.reasons.extend(failures)
            results = await self.articles.insert_many(prepared, near_copy=dedup.is_near_copy)
            new_ids: list[int] = []
            for stored in results:
                if stored.status == "new" and stored.article_id is not None:
                    new_ids.append(stored.article_id)
                elif stored.status == "duplicate":
                    report.duplicates += 1
                else:
                    report.seen += 1
            report.new += len(new_ids)
            report.new_ids.extend(new_ids)
            if new_ids:
                await self._after_store(new_ids)
        return parsed.title

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
        async with self._run_lock, Fetcher(self.settings) as fetcher:
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
        return reports


def _source_key(location: str) -> str:
    """The ``sources.url`` of a CLI location: absolute paths for local files."""
    if is_local(location):
        return str(local_path(location).resolve())
    return location
