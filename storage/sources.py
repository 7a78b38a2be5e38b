"""News sources (feeds, pages, files) and their polling state."""

from __future__ import annotations

from storage.db import Database


class SourceRepository:
    def __init__(self, db: Database) -> None:
        self.db = db
