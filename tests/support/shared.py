"""The project's shared data (``../shared`` beside the repository, see :mod:`tests.paths`).

A fresh clone has no such folder: tests that read it are skipped with a reason naming the
missing path, and everything else runs.

    @needs_shared(SEED)
    def test_x() -> None: ...

    text = read_shared(SEED)  # in a fixture or helper: skips the test when missing
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.paths import LENTA_FEEDS, REGIONS_DEV, SEED, SHARED_DIR

__all__ = [
    "LENTA_FEEDS",
    "REGIONS_DEV",
    "SEED",
    "SEED_TITLE",
    "SHARED_DIR",
    "lenta_files",
    "missing",
    "needs_shared",
    "read_jsonl",
    "read_shared",
    "skip_reason",
]


def _present(path: Path) -> bool:
    if path.is_dir():
        return any(path.iterdir())
    return path.is_file()


def missing(*paths: Path) -> list[Path]:
    """The paths that are not there (an empty folder counts as missing)."""
    return [p for p in paths if not _present(p)]


def skip_reason(path: Path) -> str:
    return (
        f"shared data not found: {path} (the project's shared/ folder beside the repository;"
        " set NEWSBOT_SHARED to use another place)"
    )


def needs_shared(*paths: Path) -> pytest.MarkDecorator:
    """Skip the test (or module, as ``pytestmark``) unless every path exists."""
    gone = missing(*paths)
    return pytest.mark.skipif(bool(gone), reason=skip_reason(gone[0]) if gone else "")


def read_shared(path: Path) -> str:
    """The text of a shared file; skips the calling test when it is missing."""
    if missing(path):
        pytest.skip(skip_reason(path))
    return path.read_text(encoding="utf-8")


def lenta_files() -> list[Path]:
    """The two real Lenta.ru feeds (empty when the shared data is missing)."""
    return sorted(LENTA_FEEDS.glob("*.xml"))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


# The seed article's title (the text itself is shared data: ``SEED``).
SEED_TITLE = (
    "Завершилась Деловая программа Всероссийского муниципального форума "
    "«Малая родина - сила России»"
)
