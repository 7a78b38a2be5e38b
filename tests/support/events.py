"""What the event rules' unit tests expect of one text: an event, or none, on a fixed day."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.text.events import EventFacts, detect_event
from bot.text.events.lexicon import _kinds_in
from bot.text.events.status import sentence_stance

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


def kinds_of(sentence: str) -> list[str]:
    """The kinds of gathering the lexicon finds in ``sentence``, in order."""
    return [kind for kind, _, _ in _kinds_in(sentence)]


def stance_of(sentence: str) -> tuple[str, bool] | None:
    """The status ``sentence`` tells of its first gathering, and whether it says so plainly."""
    found = _kinds_in(sentence)
    assert found, sentence
    stance = sentence_stance(sentence, found[0][1])
    return (stance[0], stance[1]) if stance else None
