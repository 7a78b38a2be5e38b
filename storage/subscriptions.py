"""Subscriptions of chats (and forum topics) to regions, keyword filters, chat settings."""

from __future__ import annotations

from storage.db import Database


class SubscriptionRepository:
    def __init__(self, db: Database) -> None:
        self.db = db
