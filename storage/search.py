"""Reading queries: latest articles by region, full-text search over the stemmed index."""

from __future__ import annotations

from storage.db import Database


class SearchRepository:
    def __init__(self, db: Database) -> None:
        self.db = db
