"""``python -m bot ingest SOURCE...`` and ``python -m bot latest``: no aiogram here.

Output goes to stdout (one line per source, or JSON); the progress bar and errors go to
stderr, so ``--json`` output stays machine-readable.
"""

from __future__ import annotations

import json
import logging
import sys
from typing import TextIO

from bot.config import Settings
from bot.ingest.pipeline import Ingestor, SourceReport
from storage.db import open_database
from storage.repos import Repositories

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
_BAR = 30


def _quiet_libraries() -> None:
    # pymorphy3 announces its dictionaries at INFO; CLI output should be ours alone.
    logging.getLogger("pymorphy3").setLevel(logging.WARNING)


class Progress:
    """A hand-drawn bar on stderr, redrawn in place; silent when not a terminal."""

    def __init__(self, total: int, *, enabled: bool, stream: TextIO | None = None) -> None:
        self.total = max(total, 1)
        self.done = 0
        self.enabled = enabled
        self.stream = stream or sys.stderr

    def step(self, label: str) -> None:
        self.done += 1
        if not self.enabled:
            return
        filled = _BAR * self.done // self.total
        bar = "#" * filled + "." * (_BAR - filled)
        label = label if len(label) <= 40 else "…" + label[-39:]
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} {label:<40}")
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * (_BAR + 60) + "\r")
            self.stream.flush()


def format_report(report: SourceReport) -> str:
    """One line per source: ``ok  URL: 3 new, 1 duplicate`` or ``FAIL URL: reason``."""
    if not report.ok:
        return f"FAIL {report.url}: {report.error}"
    parts = [f"{report.new} new", f"{report.duplicates + report.seen} duplicate"]
    if report.skipped:
        parts.append(f"{report.skipped} skipped")
    line = f"ok   {report.url}: " + ", ".join(parts)
    if report.reasons:
        line += "\n" + "\n".join(f"       - {r}" for r in report.reasons[:20])
        if len(report.reasons) > 20:
            line += f"\n       - ... and {len(report.reasons) - 20} more"
    return line


async def ingest_command(settings: Settings, sources: list[str], *, progress: bool) -> int:
    """Read each SOURCE (URL, file or folder) into the database; 1 if any failed."""
    _quiet_libraries()
    db = await open_database(settings.storage.database)
    try:
        repos = Repositories.over(db)
        ingestor = Ingestor(settings.ingest, repos.sources, repos.articles)
        bar = Progress(len(sources), enabled=progress)

        def done(report: SourceReport) -> None:
            bar.step(report.url)

        try:
            reports = await ingestor.read_locations(sources, on_done=done)
        finally:
            await ingestor.close()
        bar.finish()
    finally:
        await db.close()
    for report in reports:
        sys.stdout.write(format_report(report) + "\n")
    total_new = sum(r.new for r in reports)
    failed = sum(1 for r in reports if not r.ok)
    sys.stdout.write(f"{len(reports)} source(s): {total_new} new article(s), {failed} failed\n")
    return EXIT_FAILED if failed else EXIT_OK


async def latest_command(
    settings: Settings,
    *,
    limit: int,
    region: str | None,
    as_json: bool,
    tz: str = "Europe/Moscow",
) -> int:
    """Print stored articles, newest first (copies of earlier articles left out); times in
    ``tz`` with its UTC offset."""
    _quiet_libraries()
    from bot.cli.search import cli_time, valid_zone  # lazy, like the rest

    if not valid_zone(tz):
        sys.stderr.write(f"unknown time zone {tz!r}: use an IANA name such as Asia/Krasnoyarsk\n")
        return EXIT_USAGE
    from bot.text.catalogue import by_code  # lazy: only this command needs it
    from bot.text.regions import resolve_region  # lazy: loads the morphology

    code: str | None = None
    if region is not None:
        resolution = resolve_region(region)
        if resolution.region is None:
            hint = ", ".join(r.name for r in resolution.suggestions[:3])
            sys.stderr.write(
                f"unknown region {region!r}" + (f"; did you mean: {hint}?" if hint else "") + "\n"
            )
            return EXIT_USAGE
        code = resolution.region.code
    if limit < 1:
        sys.stderr.write("--limit must be at least 1\n")
        return EXIT_USAGE
    db = await open_database(settings.storage.database)
    try:
        articles = await Repositories.over(db).articles.latest(limit=min(limit, 1000), region=code)
    finally:
        await db.close()
    if as_json:
        out = []
        for a in articles:
            regions = []
            for c in a.regions:
                found = by_code(c)
                regions.append({"code": c, "name": found.name if found else c})
            out.append(
                {
                    "id": a.id,
                    "url": a.url,
                    "title": a.title,
                    "published": a.published_at.isoformat(),
                    "source": a.source_title,
                    "regions": regions,
                    "summary": a.summary,
                }
            )
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    for a in articles:
        when = cli_time(a.published_at, tz)
        tags = ",".join(a.regions) or "-"
        sys.stdout.write(f"{a.id:>6}  {when}  [{tags}]  {a.title}\n        {a.url}\n")
    if not articles:
        sys.stderr.write("no articles stored yet\n")
    return EXIT_OK
