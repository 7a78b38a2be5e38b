"""Ingestion: sources (feeds, pages, files) -> articles in storage.

* ``fetch``: aiohttp with a timeout, a size cap, bounded redirects, gzip, conditional GET,
  a per-host connection limit; local files and folders.
* ``parse``: charset detection (XML prolog, HTTP header, ``<meta>``, UTF-8, windows-1251),
  feedparser for RSS/Atom, trafilatura for article pages.
* ``normalise``: canonical URLs, plain text, UTC dates.
* ``dedup``: content hash and MinHash-LSH fingerprints for copies across portals.
* ``pipeline``: :class:`~bot.ingest.pipeline.Ingestor`, shared by the scheduler job
  (``jobs``), the admin commands and the CLI (``cli``).

Nothing here imports aiogram: ``python -m bot ingest`` stays fast.
"""
