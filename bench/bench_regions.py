"""Benchmark the region tagger: warm articles per second and the cold start of ``analyze``.

Run: ``.venv/bin/python -m bench.bench_regions``. Targets: >= 500 articles/s for ~3 KB
articles on one core (warm), <= 0.5 s from process start to output for one short text, and
<= 100 MB for the process once the catalogue (89 regions, 1,117 towns, their districts) and
the dictionary are loaded.
Articles are built from the dev set's texts (seeded shuffle), so words vary as in a feed:
"dense" articles name a region on every line (worst case), "typical" ones on a quarter of them.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bot.text.regions import tag_regions
from tests.paths import SEED as SEED_PATH

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "data" / "regions_devset.jsonl"
SEED = SEED_PATH
RUNNER = "import sys; from bot.cli.analyze import main; sys.exit(main(sys.argv[1:]))"


def make_articles(n: int, size: int = 3000, regional_share: float = 1.0) -> list[str]:
    """~``size``-char articles; ``regional_share`` of the lines name a region, the rest none."""
    items = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines()]
    regional = [it["text"] for it in items if it["regions"]]
    plain = [it["text"] for it in items if not it["regions"]]
    if SEED.exists():
        regional += SEED.read_text(encoding="utf-8").split("\n")[:15]
    rng = random.Random(42)
    out = []
    for _ in range(n):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < size:
            pool = regional if rng.random() < regional_share else plain
            parts.append(rng.choice(pool))
        out.append("\n".join(parts))
    return out


def warm_rate(articles: list[str]) -> float:
    for a in articles[:20]:  # warm-up: dictionary, gazetteer, caches
        tag_regions(a)
    start = time.perf_counter()
    for a in articles:
        tag_regions(a)
    return len(articles) / (time.perf_counter() - start)


def uncached_rate(articles: list[str]) -> float:
    """Worst case: the per-word analysis cache is emptied before every article."""
    from bot.text import morph

    start = time.perf_counter()
    for a in articles:
        morph.info.cache_clear()
        tag_regions(a)
    return len(articles) / (time.perf_counter() - start)


def cold_start(command: list[str], runs: int = 5) -> list[float] | None:
    """Seconds from process start to output, per run; None when the command fails."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, *command],
            input="Форум в Абакане\nХакасию посетили гости из Татарстана.",
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        times.append(time.perf_counter() - start)
        if proc.returncode != 0 or "RU-KK" not in proc.stdout:
            return None
    return times


def main() -> int:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    articles = make_articles(600)
    avg = statistics.mean(len(a) for a in articles)
    rate = warm_rate(articles)
    print(f"warm, dense: {rate:.0f} articles/s ({avg:.0f} chars avg, every line names a region)")
    typical = make_articles(600, regional_share=0.25)
    rate = warm_rate(typical)
    print(f"warm, typical: {rate:.0f} articles/s (a quarter of the lines name a region)")
    print("target >= 500 articles/s on one core")
    print(f"warm, word cache emptied per article: {uncached_rate(articles[:200]):.0f} articles/s")
    for label, command in (
        ("bot.cli.analyze.main", ["-c", RUNNER, "--json", "-"]),
        ("python -m bot analyze", ["-m", "bot", "analyze", "--", "--json", "-"]),
    ):
        times = cold_start(command)
        if times is None:
            print(f"cold start via {label}: command failed")
            continue
        print(
            f"cold start via {label}: median {statistics.median(times):.2f} s, "
            f"max {max(times):.2f} s (target <= 0.5 s)"
        )
    print(memory())
    return 0


MEMORY = """
import resource, sys, time, tracemalloc
from bot.text.morph import analyzer
analyzer()
from bot.text.regions import tag_regions
from bot.text.regions.gazetteer import gazetteer
t = time.process_time()
gazetteer()
cpu = time.process_time() - t
tag_regions("В Абакане прошёл форум.")
gazetteer.cache_clear()
tracemalloc.start()
gazetteer()
_, peak = tracemalloc.get_traced_memory()
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"{after / 1024:.0f} {peak / 2**20:.1f} {cpu:.3f}")
"""


def memory() -> str:
    """The process's peak memory with the catalogue loaded, the catalogue's own share (traced
    while it is built a second time), and the CPU time of its first build."""
    proc = subprocess.run(
        [sys.executable, "-c", MEMORY], capture_output=True, text=True, cwd=ROOT, check=False
    )
    if proc.returncode != 0:
        return "memory: measurement failed"
    rss, catalogue, cpu = proc.stdout.split()
    return (
        f"memory: process {rss} MB with the dictionary and the catalogue loaded; the catalogue "
        f"index itself {catalogue} MB, built in {float(cpu) * 1000:.0f} ms CPU "
        "(target <= 100 MB)"
    )


if __name__ == "__main__":
    sys.exit(main())
