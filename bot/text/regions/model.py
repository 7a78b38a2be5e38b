"""What the tagger and the resolver return: evidence, region matches, query resolutions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.text.catalogue import Region

__all__ = ["Evidence", "EvidenceKind", "RegionMatch", "RegionResolution", "Role"]

EvidenceKind = Literal["name", "town", "adjective", "abbreviation", "code", "district"]
Role = Literal["main", "mentioned"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """One place in the text that names the region; ``text[start:end]`` is ``text``.

    ``cue`` says why this mention alone would be a passing one («из Красноярска»: ``origin``;
    the end of a route across regions: ``route``, of a road: ``road``; a stop on the way, «с
    пересадкой в Москве»: ``stop``; Moscow as the state or a dateline: ``state``; another town
    or a region as a correspondent's dateline «(Хабаровск, 28 мая)», «Адыгея, 5 сентября — ИА
    Регнум»: ``dateline``; ``comparison``; the place of a
    commemorated past, «к 10-летию воссоединения Крыма», or of a mourned tragedy, «мемориал
    жертвам теракта в Москве», or of one that causes what the story tells, «в связи с трагедией
    в Кемерове»: ``history``; the region of a person's honorary title, «народный артист
    Республики Татарстан»: ``honour``; a sentence opening with «Ранее», earlier news:
    ``recalled``; two regions whose border a place lies on: ``border``; a speaker's region,
    «с докладом выступил губернатор …»: ``speaker``), or is empty.
    """

    text: str
    start: int
    end: int
    kind: EvidenceKind
    cue: str = ""


@dataclass(frozen=True, slots=True)
class RegionMatch:
    """A region the text concerns, with every piece of evidence in text order.

    ``role`` is ``main`` when the story is about or happens in the region, ``mentioned`` for a
    passing mention (a guest from there, a route end, Moscow as the state, a comparison).
    """

    code: str
    name: str
    evidence: tuple[Evidence, ...]
    role: Role = "main"


@dataclass(frozen=True, slots=True)
class RegionResolution:
    """What a user's region query resolves to.

    ``region`` is set when the query names exactly one region. ``suggestions`` lists up to three
    candidates, closest first (the resolved region first when there is one): for typos
    («Хакассия») and ambiguous forms («Алтай») it is what to offer the user.
    """

    region: Region | None
    suggestions: tuple[Region, ...]
