"""Outcomes that could not be stored before the process stopped, kept in a small file.

The worker records every send's outcome before it takes the next row, retrying while the
database is locked. If it is still locked when the bot stops, the outcomes still unsaved go
to this file (JSON lines, written to a temporary file, fsynced and renamed), and the next
start stores them *before* it puts the rows left in ``sending`` back to ``pending``: a send
is never repeated because its bookkeeping failed.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Sequence
from pathlib import Path

from storage.deliveries import Outcome


def load(path: Path) -> list[Outcome]:
    """The outcomes saved in ``path`` (none when it does not exist)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    return [Outcome(**json.loads(line)) for line in text.splitlines() if line.strip()]


def save(path: Path, outcomes: Sequence[Outcome]) -> None:
    """Add ``outcomes`` to the file, durably (a crash leaves the old file or the new one)."""
    everything = [*load(path), *outcomes]
    tmp = path.with_name(path.name + ".tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    with tmp.open("w", encoding="utf-8") as fh:
        for outcome in everything:
            fh.write(json.dumps(dataclasses.asdict(outcome), ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(path)


def clear(path: Path) -> None:
    path.unlink(missing_ok=True)
