"""Search terms: text -> space-separated stems for the FTS5 index and for queries.

Python's sqlite3 cannot register a custom FTS5 tokenizer, so the index holds
pre-stemmed text and queries are stemmed the same way; the original text stays in
``articles`` for snippets. Cyrillic words go through Snowball's Russian stemmer, Latin
ones through the English stemmer; digits are kept as they are.
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

_WORD = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")

_ru = Stemmer.Stemmer("russian")
_en = Stemmer.Stemmer("english")


def words(text: str) -> list[str]:
    """Lower-cased word tokens (ё folded to е), in order."""
    found = _WORD.findall(text)
    if not found:
        return []
    # Folded in one pass over the joined tokens: the same as word by word (tokens hold no
    # space, and their letters lower-case one to one), several times faster.
    return " ".join(found).lower().replace("ё", "е").split(" ")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of one lower-case word."""
    if _CYRILLIC.search(word):
        return str(_ru.stemWord(word))
    if word.isdigit():
        return word
    return str(_en.stemWord(word))


def stems(text: str) -> str:
    """Text -> its stems joined by spaces, ready for the FTS5 index."""
    return " ".join(map(stem, words(text)))


def stem_list(text: str) -> list[str]:
    """Text -> its stems as a list (query building)."""
    return list(map(stem, words(text)))
