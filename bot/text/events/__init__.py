"""Events: does an article centre on one gathering (held, announced, cancelled, postponed), and
what are its facts? Pure functions, no I/O.

Modules, from the ground up: :mod:`~bot.text.events.lexicon` (kinds and cue words),
:mod:`~bot.text.events.names` (names, labels, the nominative), :mod:`~bot.text.events.facts`
(people, agreements, city, venue, tracks), :mod:`~bot.text.events.status` (the stance of each
sentence and the article's status) and :mod:`~bot.text.events.detect` (``detect_event``).
"""

from __future__ import annotations

from bot.text.events.detect import MAX_TEXT, EventFacts, detect_event, event_to_json
from bot.text.events.facts import Agreement, Person
from bot.text.events.lexicon import GENERIC_KINDS, KIND_PREFIXES, KINDS, _kinds_in
from bot.text.events.names import nominal_phrase, normalize_event_name
from bot.text.events.status import STATUSES, Status
from bot.text.figures import Figure

__all__ = [
    "GENERIC_KINDS",
    "KINDS",
    "KIND_PREFIXES",
    "MAX_TEXT",
    "STATUSES",
    "Agreement",
    "EventFacts",
    "Figure",
    "Person",
    "Status",
    "_kinds_in",
    "detect_event",
    "event_to_json",
    "nominal_phrase",
    "normalize_event_name",
]
