"""Events (forums, sessions, festivals) grouped from the articles that report them."""

from __future__ import annotations

from storage.db import Database


class EventRepository:
    def __init__(self, db: Database) -> None:
        self.db = db
