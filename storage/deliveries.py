"""The outbox: one row per (chat, article) to send, and its state."""

from __future__ import annotations

from storage.db import Database


class DeliveryRepository:
    def __init__(self, db: Database) -> None:
        self.db = db
