"""What the event rules' unit tests expect of one text: an event, or none, on a fixed day."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.text.events import EventFacts, detect_event

# A Wednesday: the publication day of every text of these tests.
PUBLISHED = datetime(2024, 7, 3, 9, 0, tzinfo=UTC)


def expect_event(title: str, text: str) -> EventFacts:
    """The event found in the text published on `PUBLISHED`; fails when there is none."""
    ev = detect_event(title, text, PUBLISHED)
    assert ev is not None, title
    return ev


def expect_none(title: str, text: str) -> None:
    """Fails when the text published on `PUBLISHED` yields an event."""
    ev = detect_event(title, text, PUBLISHED)
    assert ev is None, (title, ev and (ev.kind, ev.status))
