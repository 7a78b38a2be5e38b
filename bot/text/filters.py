"""Keyword filters: ``/filter +форум -реклама`` -> include/exclude lemmas, and the rule.

Pure functions, no I/O. Words are matched on lemmas (``bot.text.morph``), so «+форум»
matches «форума» and «форумы». Users get no pattern syntax: every character that is not a
letter or a digit is dropped, and a filter word is a single word.

The rule (:func:`passes`): an article passes when it contains none of the exclude lemmas
and, when there are include lemmas, at least one of them (title or text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from bot.text import morph
from bot.text.stems import words as tokens

__all__ = [
    "MAX_FILTER_WORDS",
    "MAX_WORD_LENGTH",
    "FilterSpec",
    "FilterSyntaxError",
    "FilterWordSpec",
    "HasLemmas",
    "lemma_of",
    "parse_filter",
    "passes",
    "text_lemmas",
]

MAX_FILTER_WORDS = 30  # per command
MAX_WORD_LENGTH = 40
CLEAR_WORDS = frozenset({"clear", "очистить", "сбросить", "reset"})

_WORD = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+")


class FilterSyntaxError(ValueError):
    """The filter command cannot be read; ``reason`` is a short machine key."""

    def __init__(self, reason: str, word: str = "") -> None:
        self.reason = reason  # 'empty' | 'too_many' | 'too_long' | 'not_a_word'
        self.word = word
        super().__init__(f"{reason}: {word}" if word else reason)


@dataclass(frozen=True, slots=True)
class FilterWordSpec:
    lemma: str
    word: str  # the word as typed (letters and digits only)
    include: bool


@dataclass(frozen=True, slots=True)
class FilterSpec:
    """What one ``/filter`` command asks for."""

    clear: bool = False
    add: tuple[FilterWordSpec, ...] = ()
    remove: tuple[str, ...] = ()  # lemmas to drop (``!слово``)

    @property
    def include(self) -> frozenset[str]:
        return frozenset(w.lemma for w in self.add if w.include)

    @property
    def exclude(self) -> frozenset[str]:
        return frozenset(w.lemma for w in self.add if not w.include)


def lemma_of(word: str) -> str:
    """The lemma stored for a filter word: the best parse's normal form, folded."""
    parses = morph.analyzer().parse(word)
    return morph.fold(parses[0].normal_form) if parses else morph.fold(word)


def parse_filter(args: str) -> FilterSpec:
    """Parse the argument of ``/filter``: ``+слово`` include, ``-слово`` exclude,
    ``!слово`` remove, a bare word includes; ``clear``/``очистить`` removes everything.

    Raises :class:`FilterSyntaxError` when nothing usable is given.
    """
    parts = args.split()
    if not parts:
        raise FilterSyntaxError("empty")
    if len(parts) == 1 and parts[0].lower() in CLEAR_WORDS:
        return FilterSpec(clear=True)
    if len(parts) > MAX_FILTER_WORDS:
        raise FilterSyntaxError("too_many")
    add: dict[str, FilterWordSpec] = {}
    remove: list[str] = []
    for part in parts:
        sign = part[0] if part[0] in "+-!−–—" else "+"
        found = _WORD.findall(part)
        if len(found) != 1:
            # "+" alone, "+-", or "+два-слова": a filter word is exactly one word.
            raise FilterSyntaxError("not_a_word", part)
        word = found[0]
        if len(word) > MAX_WORD_LENGTH:
            raise FilterSyntaxError("too_long", word[:MAX_WORD_LENGTH])
        lemma = lemma_of(word)
        if sign == "!":
            remove.append(lemma)
            add.pop(lemma, None)
            continue
        add[lemma] = FilterWordSpec(lemma=lemma, word=word.lower(), include=sign == "+")
    return FilterSpec(add=tuple(add.values()), remove=tuple(dict.fromkeys(remove)))


def text_lemmas(*texts: str) -> frozenset[str]:
    """Every lemma (of every parse) of every word in ``texts``: an article's match set."""
    out: set[str] = set()
    for text in texts:
        for word in tokens(text):
            out |= morph.lemmas(word)
    return frozenset(out)


class HasLemmas(Protocol):
    """``storage.subscriptions.ChatFilters`` or :class:`FilterSpec`."""

    @property
    def include(self) -> frozenset[str]: ...

    @property
    def exclude(self) -> frozenset[str]: ...


def passes(filters: HasLemmas, article_lemmas: frozenset[str]) -> bool:
    """True when the article has none of ``filters.exclude`` and, if ``filters.include`` is
    not empty, at least one of them. ``article_lemmas`` comes from :func:`text_lemmas` over
    the title and the text.
    """
    if not article_lemmas.isdisjoint(filters.exclude):
        return False
    return not filters.include or not article_lemmas.isdisjoint(filters.include)
