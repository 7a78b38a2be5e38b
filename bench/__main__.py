"""``make bench``: run every benchmark, one process each, and print their figures."""

from __future__ import annotations

import subprocess
import sys
import time

BENCHES = (
    "bench.bench_regions",
    "bench.bench_analyze",
    "bench.bench_ingest",
    "bench.bench_fulltext",
    "bench.bench_delivery",
    "bench.bench_reading",
    "bench.bench_channels",
)


def main(argv: list[str]) -> int:
    wanted = [b for b in BENCHES if not argv or any(a in b for a in argv)]
    failed = 0
    for module in wanted:
        print(f"\n=== {module} ===", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", module], check=False)
        print(f"--- {module}: exit {result.returncode}, {time.perf_counter() - started:.1f} s")
        failed += result.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
