"""Benchmark ``analyze``: regions + event detection + summary over ~3 KB articles.

Run: ``.venv/bin/python -m bench.bench_analyze``. Target: >= 100 articles/s (warm, one core).
Articles are built from sentences of both dev sets (events and regions) and the seed article,
shuffled with a fixed seed, so words vary as in a feed and some articles report events.
Prints each stage's cost separately, then the whole pipeline's rate.
"""

from __future__ import annotations

import json
import random
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.text.events import detect_event
from bot.text.summary import summarize_article
from tests.paths import SEED as SEED_PATH

ROOT = Path(__file__).resolve().parent.parent
DEVSETS = (
    ROOT / "tests" / "data" / "events_devset.jsonl",
    ROOT / "tests" / "data" / "regions_devset.jsonl",
)
SEED = SEED_PATH
PUBLISHED = datetime(2024, 5, 20, 7, tzinfo=UTC)

tag_regions: Callable[[str], Sequence[Any]] | None
try:
    from bot.text.regions import tag_regions as _tag_regions

    tag_regions = _tag_regions
except ImportError:  # the regions module is another engineer's; measure without it
    tag_regions = None


def make_articles(n: int, size: int = 3000) -> list[tuple[str, str]]:
    sentences: list[str] = []
    titles: list[str] = []
    for path in DEVSETS:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            sentences.append(item["text"])
            if item.get("title"):
                titles.append(item["title"])
    if SEED.exists():
        sentences += [s for s in SEED.read_text(encoding="utf-8").split("\n")[:14] if s]
    rng = random.Random(7)
    out = []
    for _ in range(n):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < size:
            parts.append(rng.choice(sentences))
        out.append((rng.choice(titles), "\n".join(parts)))
    return out


def rate(
    fn: Callable[[str, str], object], articles: list[tuple[str, str]], rounds: int = 3
) -> tuple[float, float]:
    """Best-of-``rounds`` articles per second: (wall clock, CPU time of this process).

    The CPU figure is what one free core gives; the wall figure also counts other processes
    sharing the machine.
    """
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(rounds):
        started, started_cpu = time.perf_counter(), time.process_time()
        for title, text in articles:
            fn(title, text)
        wall.append(len(articles) / (time.perf_counter() - started))
        cpu.append(len(articles) / max(time.process_time() - started_cpu, 1e-9))
    return max(wall), max(cpu)


def show(label: str, rates: tuple[float, float]) -> None:
    wall, cpu = rates
    print(f"{label:<16}{cpu:7.0f} articles/s CPU ({1000 / cpu:.2f} ms each), {wall:7.0f}/s wall")


def main() -> int:
    articles = make_articles(300)
    chars = statistics.mean(len(t) for _, t in articles)
    kb = statistics.mean(len(t.encode()) for _, t in articles) / 1024
    print(f"{len(articles)} articles, mean {chars:.0f} characters ({kb:.1f} KB UTF-8)")

    started = time.perf_counter()
    detect_event(*articles[0], PUBLISHED)
    summarize_article(*articles[0])
    if tag_regions is not None:
        tag_regions(articles[0][1])
    print(f"first call (dictionaries load): {time.perf_counter() - started:.2f} s")
    # Warm the caches once, as a running bot is warm after its first feed.
    for title, text in articles:
        detect_event(title, text, PUBLISHED)

    show("summary", rate(summarize_article, articles))
    show("event detection", rate(lambda t, x: detect_event(t, x, PUBLISHED), articles))
    if tag_regions is not None:
        tagger = tag_regions
        show("regions", rate(lambda t, x: tagger(t + "\n" + x), articles))

    def pipeline(title: str, text: str) -> None:
        # As bot.cli.analyze would: regions tagged once and handed to detect_event; the summary
        # reuses the sentences the detector split (bot.text.summary.body_sentences).
        found = tag_regions(title + "\n" + text) if tag_regions is not None else None
        detect_event(title, text, PUBLISHED, regions=found)
        summarize_article(title, text)

    wall, cpu = rate(pipeline, articles)
    events = sum(detect_event(t, x, PUBLISHED) is not None for t, x in articles)
    label = "regions + events + summary" if tag_regions is not None else "events + summary"
    print(
        f"analyze ({label}): {cpu:.0f} articles/s CPU, {wall:.0f}/s wall "
        f"(target >= 150); {events} of {len(articles)} report an event"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
