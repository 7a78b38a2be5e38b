"""Where the project's shared data lives: ``../shared`` beside the repository.

Tests and benchmarks may read it (the seed article, labelled items, two real feeds);
the app itself never needs it. ``NEWSBOT_SHARED`` names another folder (a missing one
shows what a fresh clone runs: tests that need the data skip, see ``tests/support/shared``).
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = Path(os.environ.get("NEWSBOT_SHARED", ROOT.parent / "shared"))
SEED = SHARED_DIR / "seed" / "forum-article.txt"
REGIONS_DEV = SHARED_DIR / "data" / "regions-dev.jsonl"
LENTA_FEEDS = SHARED_DIR / "data" / "lenta-feeds"


def ships(relative: str) -> bool:
    """Whether ``pyproject.toml``'s package data for ``bot`` takes ``relative`` (a path inside
    the ``bot`` package, such as ``text/data/towns.tsv``)."""
    import tomllib
    from fnmatch import fnmatch

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = project["tool"]["setuptools"]["package-data"]["bot"]
    return any(fnmatch(relative, pattern) for pattern in patterns)
