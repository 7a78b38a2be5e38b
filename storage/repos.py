"""All repositories over one database, built together."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storage.articles import ArticleRepository
from storage.base import Database
from storage.channels import ChannelRepository
from storage.chats import ChatRepository
from storage.deliveries import DeliveryRepository
from storage.events import EventRepository
from storage.reminders import ReminderRepository
from storage.search import SearchRepository
from storage.sources import SourceRepository
from storage.stats import StatsRepository
from storage.subscriptions import SubscriptionRepository


@dataclass(frozen=True, slots=True)
class Repositories:
    db: Database
    chats: ChatRepository
    sources: SourceRepository
    articles: ArticleRepository
    subscriptions: SubscriptionRepository
    deliveries: DeliveryRepository
    events: EventRepository
    reminders: ReminderRepository
    search: SearchRepository
    stats: StatsRepository
    channels: ChannelRepository

    @classmethod
    def over(cls, db: Database) -> Repositories:
        return cls(
            db=db,
            chats=ChatRepository(db),
            sources=SourceRepository(db),
            articles=ArticleRepository(db),
            subscriptions=SubscriptionRepository(db),
            deliveries=DeliveryRepository(db),
            events=EventRepository(db),
            reminders=ReminderRepository(db),
            search=SearchRepository(db),
            stats=StatsRepository(db),
            channels=ChannelRepository(db),
        )

    def as_workflow_data(self) -> dict[str, Any]:
        """Each repository by name, for ``Dispatcher(**workflow_data)``."""
        return {
            "chats": self.chats,
            "sources": self.sources,
            "articles": self.articles,
            "subscriptions": self.subscriptions,
            "deliveries": self.deliveries,
            "events": self.events,
            "reminders": self.reminders,
            "search": self.search,
            "stats": self.stats,
            "channels": self.channels,
        }
