"""``python -m bot sources import FILE.opml`` and ``python -m bot sources export [FILE]``."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bot.config import Settings
from bot.ingest.opml import OpmlEntry, OpmlError, parse_opml, render_opml
from storage.db import open_database
from storage.sources import SourceRepository

EXIT_OK = 0
EXIT_FAILED = 1


async def _add_all(settings: Settings, entries: list[OpmlEntry]) -> int:
    db = await open_database(settings.storage.database)
    try:
        sources = SourceRepository(db)
        added = 0
        for entry in entries:
            _, created = await sources.add(
                entry.url,
                region=entry.region,
                title=entry.title,
                origin="db",
                interval_seconds=settings.ingest.poll_interval_seconds,
            )
            added += created
        return added
    finally:
        await db.close()


async def _all_sources(settings: Settings) -> list[OpmlEntry]:
    db = await open_database(settings.storage.database)
    try:
        return [OpmlEntry(s.url, s.title, s.region) for s in await SourceRepository(db).list_all()]
    finally:
        await db.close()


def import_command(settings: Settings, path: str) -> int:
    """Add every feed of an OPML file as a source (with its region when the file says)."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        entries = parse_opml(data)
    except OSError as exc:
        sys.stderr.write(f"cannot read {path}: {exc.strerror or exc}\n")
        return EXIT_FAILED
    except OpmlError as exc:
        sys.stderr.write(f"{path}: {exc}\n")
        return EXIT_FAILED
    added = asyncio.run(_add_all(settings, entries))
    sys.stdout.write(
        f"{len(entries)} feed(s) in the file: {added} added, {len(entries) - added} already there\n"
    )
    return EXIT_OK


def export_command(settings: Settings, path: str | None) -> int:
    """Write every source as OPML (to a file, or to standard output)."""
    entries = asyncio.run(_all_sources(settings))
    document = render_opml(entries)
    if path in (None, "-"):
        sys.stdout.write(document)
        return EXIT_OK
    try:
        Path(path).write_text(document, encoding="utf-8")
    except OSError as exc:
        sys.stderr.write(f"cannot write {path}: {exc.strerror or exc}\n")
        return EXIT_FAILED
    sys.stderr.write(f"{len(entries)} source(s) written to {path}\n")
    return EXIT_OK
