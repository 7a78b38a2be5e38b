"""How a reader decides a name several regions share when no region is named
(`homonym_hints`): a well-known landmark of one candidate named in the text («Хибинская
гонка в Кировске»: Кировск of Мурманская область), or two such names whose candidates share
one region only («из Зеленогорска в Железногорск»: both closed towns of Красноярский край).
"""

from __future__ import annotations

import collections
import re

from bot.text.morph import fold
from bot.text.regions.filters import Hit
from bot.text.regions.lexicon import DISTRICT_ADJ

__all__ = ["homonym_hints"]

# Landmarks that lie in one region and are known by a name no town takes: mountains, lakes,
# islands, battlefields, sites. They name no region themselves (a story about the Хибины is
# local); they only say which of a homonym's regions the text means.
_LANDMARKS: dict[str, str] = {
    r"Хибин\w*": "RU-MUR",
    r"Ловозерски\w* тундр\w*": "RU-MUR",
    r"Кольск\w* полуостров\w*": "RU-MUR",
    r"Невск\w* пятач\w*": "RU-LEN",
    r"Синявинск\w* высот\w*": "RU-LEN",
    r"Стар\w* Ладог\w*": "RU-LEN",
    r"Стар\w* Рязан\w*": "RU-RYA",
    r"Куликов\w* пол\w*": "RU-TUL",
    r"Бородинск\w* пол\w*": "RU-MOS",
    r"Прохоровск\w* пол\w*": "RU-BEL",
    r"Мамаев\w* курган\w*": "RU-VGG",
    r"Валаам\w*": "RU-KR",
    r"Кижи|Кижах|Кижей|Кижск\w*": "RU-KR",
    r"Соловк(?:и|ах|ам)|Соловецк\w*": "RU-ARK",
    r"Селигер\w*": "RU-TVE",
    r"Домбай\w*": "RU-KC",
    r"Куршск\w* кос\w*": "RU-KGD",
    r"Телецк\w* озер\w*": "RU-AL",
    r"Таганай\w*": "RU-CHE",
    r"Аркаим\w*": "RU-CHE",
    r"Кунгурск\w* пещер\w*": "RU-PER",
    r"Капов\w* пещер\w*|Шульган-Таш\w*": "RU-BA",
    r"Ленск\w* столб\w*": "RU-SA",
    r"Ергак\w*": "RU-KYA",
    r"плато Путорана": "RU-KYA",
    r"Ключевск\w* сопк\w*|Долин\w* гейзеров": "RU-KAM",
    r"Машук\w*|Бештау": "RU-STA",
    r"Шерегеш\w*": "RU-KEM",
    r"Роз\w* Хутор\w*": "RU-KDA",
    r"Манпупунер\w*": "RU-KO",
}


# Each landmark with the first letters of its name's spellings, so that a text is searched
# only for the landmarks it may hold (one search over all of them, case folded, cost a tenth
# of tagging a long article).
def _heads(pattern: str) -> tuple[str, ...]:
    """The longest run of letters of each top-level alternative of ``pattern``, folded to
    lower case: «стар\\w* ладог\\w*» -> «ладог» (a run every spelling holds, and a rare one)."""
    alternatives, depth, start = [], 0, 0
    for k, ch in enumerate(pattern):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "|" and depth == 0:
            alternatives.append(pattern[start:k])
            start = k + 1
    alternatives.append(pattern[start:])
    runs = (re.findall(r"(?<!\\)[^\W\d_]+", a) for a in alternatives)
    return tuple(fold(max(r, key=len)).lower() for r in runs)


_LANDMARK_RES = tuple(
    (_heads(p), re.compile(rf"\b(?:{p})\b", re.IGNORECASE), code) for p, code in _LANDMARKS.items()
)
_ROOT = 5  # letters a name and its derived district share: «Советск», «Советский округ»


def _landmarks(text: str) -> set[str]:
    low = fold(text).lower()
    return {
        code
        for heads, rx, code in _LANDMARK_RES
        if any(h in low for h in heads) and rx.search(text)
    }


def homonym_hints(text: str, pending: list[Hit]) -> dict[int, tuple[str, ...]]:
    """The region each of ``pending`` (ambiguous hits nothing else decided) stands for, by
    ``id`` of the hit, where a landmark or another ambiguous name decides it."""
    if not pending:
        return {}
    marks = _landmarks(text)
    # Each name once, a district named after a town with the town («Советск» and «Советский
    # городской округ» are one place, not two that agree): regions two names share.
    roots: dict[str, set[str]] = {}
    for h in pending:
        name = h.entry.name if h.entry is not None else fold(text[h.start : h.end])
        if name in DISTRICT_ADJ:
            continue  # («Советский район»: a city's district as likely as any region's)
        roots.setdefault(name[:_ROOT], set()).update(h.codes)
    shared = collections.Counter(c for codes in roots.values() for c in codes)
    out: dict[int, tuple[str, ...]] = {}
    for h in pending:
        by_mark = [c for c in h.codes if c in marks]
        by_pair = [c for c in h.codes if shared[c] > 1] if len(roots) > 1 else []
        if len(by_mark) == 1:
            out[id(h)] = (by_mark[0],)
        elif len(by_pair) == 1:
            out[id(h)] = (by_pair[0],)
    return out
