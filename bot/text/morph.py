"""Shared lemmatiser: one lazily created pymorphy3 `MorphAnalyzer` and cached word analyses.

The dictionary load (~0.1-0.5 s) happens on the first call, never at import, so importing any
`bot.text` module stays cheap. Results are cached per word form: news text repeats words a lot,
and the cache makes the tagger fast on warm runs.

Lemmas are lower case with «ё» folded to «е», so catalogue entries and text agree whatever the
spelling.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["WordInfo", "analyzer", "fold", "info", "lemmas"]


_PERSON = frozenset({"Name", "Surn", "Patr"})


class _Folded(dict[str, str]):
    """Folded forms of the words seen, made on a miss (texts and long strings: not kept)."""

    def __missing__(self, word: str) -> str:
        folded = word.lower().replace("ё", "е")
        if len(word) <= _FOLD_KEEP:
            if len(self) >= _FOLD_MAX:
                self.clear()
            self[word] = folded
        return folded


_FOLD_KEEP = 64  # longest string remembered
_FOLD_MAX = 200_000  # strings remembered before starting over

# Lower case, «ё» -> «е»: the key form used for every comparison. A dictionary's own lookup,
# so that a word seen before (most: the tagger folds the same words again and again) costs no
# call of a Python function.
fold: Callable[[str], str] = _Folded().__getitem__


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """The process-wide `pymorphy3.MorphAnalyzer`, created on first use."""
    import pymorphy3  # here, not at import: loading the dictionary costs ~0.3 s

    return pymorphy3.MorphAnalyzer()


@dataclass(frozen=True, slots=True)
class WordInfo:
    """What the tagger needs to know about one word form."""

    lemmas: frozenset[str]  # folded normal forms of every parse, plus the folded form itself
    best: str  # folded normal form of the most likely parse
    first_name: bool  # a parse tagged Name (Владимир, Сергей) with a fair score
    surname: bool  # a parse tagged Surn (Путина, Кирова)
    patronymic: bool  # a parse tagged Patr (Владимирович)
    noun: bool  # the best parse is a noun
    adjective: bool  # the best parse is a full adjective
    plural: bool  # the best parse is plural
    nominative: bool  # the best parse is in the nominative case
    person: bool  # the best parse of a dictionary word is a first name, surname or patronymic
    verb: bool  # the best parse is a verb, an infinitive or a gerund («провожая»)
    cases: frozenset[str]  # the cases of every parse («Зиму»: accs)


_ON_RIVER = re.compile(r"^([А-ЯЁа-яё]+)(-(?:на|над|под)-[А-ЯЁа-яё]+)$")
# A name of a noun and an adjective, each capitalised: «Каменск-Уральский», «Гусь-Хрустальный».
_BOTH_DECLINE = re.compile(
    r"^([А-ЯЁ][а-яё]+)-([А-ЯЁ][а-яё]+(?:ий|ый|ой|ая|ое|ую|ого|ому|им|ым|ом|ие|ые|их|ых|ими|ыми))$"
)


@lru_cache(maxsize=200_000)
def info(word: str) -> WordInfo:
    """Analysis of one word form (case matters only for the cache key; parsing is on lower)."""
    parses = analyzer().parse(word)
    forms = {fold(word)}
    cases: set[str] = set()
    first = surname = patr = False
    for p in parses:
        forms.add(fold(p.normal_form))
        if p.tag.case:
            cases.add(str(p.tag.case))
        grams = p.tag.grammemes
        if "Name" in grams and p.score >= 0.3:
            first = True
        if "Surn" in grams:
            surname = True
        if "Patr" in grams:
            patr = True
    on_river = _ON_RIVER.match(word)
    if on_river is not None:
        # «Славянске-на-Кубани»: only the first part declines («Славянск-на-Кубани»).
        head, tail = on_river.groups()
        forms.update(f"{fold(p.normal_form)}{fold(tail)}" for p in analyzer().parse(head))
    elif "-" in word:
        both = _BOTH_DECLINE.match(word)
        if both is not None:
            # «Каменске-Уральском», «Гусе-Хрустальном»: both parts decline, the name is their
            # nominatives (the dictionary reads the whole word as one unknown adjective)
            head, tail = both.groups()
            tails = {fold(p.normal_form) for p in analyzer().parse(tail) if p.tag.POS == "ADJF"}
            heads = {fold(p.normal_form) for p in analyzer().parse(head) if p.tag.POS == "NOUN"}
            forms.update(f"{h}-{t}" for h in heads for t in tails)
    best = parses[0].tag if parses else None
    return WordInfo(
        lemmas=frozenset(forms),
        best=fold(parses[0].normal_form) if parses else fold(word),
        first_name=first,
        surname=surname,
        patronymic=patr,
        noun=best is not None and best.POS == "NOUN",
        adjective=best is not None and best.POS == "ADJF",
        plural=best is not None and best.number == "plur",
        nominative=best is not None and best.case == "nomn",
        # Guesses for unknown words (Певек, Магас) are no evidence of a person.
        person=best is not None
        and bool(best.grammemes & _PERSON)
        and analyzer().word_is_known(word.lower()),
        verb=best is not None and best.POS in {"VERB", "GRND", "INFN"},
        cases=frozenset(cases),
    )


def lemmas(word: str) -> frozenset[str]:
    """Folded lemmas of ``word`` (every parse) plus the folded word itself."""
    return info(word).lemmas
