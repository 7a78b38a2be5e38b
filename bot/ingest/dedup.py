"""Fingerprints for duplicate detection (pure functions).

* ``content_hash``: SHA-256 of the text's words, lower case, ё folded: the same text with
  other markup, spacing or punctuation is an exact copy.
* Near copies (a press release republished by another portal with small edits): the
  text's shingles (pairs of consecutive stems) get a 32-value MinHash signature (one
  permutation hashing), cut into 16 bands of 2 values. Each band is one indexed key in
  ``article_lsh_bands``; texts that share a band are candidates, and a candidate is a copy
  when the real shingle overlap is high (:func:`is_near_copy`). A plain 64-bit simhash
  was tried first: one edited word in a 150-word release moved it by 1-7 bits, too
  close to the noise for an indexed lookup with a small radius.
* Similar wording is not enough: two items of one town's portal, «…начали строительство
  новой школы на 1100 мест» and «…детского сада на 300 мест», share most shingles and are
  two pieces of news. So a near copy must also carry the same facts (:func:`facts`: the
  numbers and the names): every fact of the shorter text is in the longer. A short text
  (under :data:`SHORT_WORDS` words) must also use no word the other lacks. When in doubt,
  the item is a new article: a rare double push is better than a lost piece of news.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import struct
from collections.abc import Sequence
from functools import lru_cache

from bot.text.stems import stem, words

# Shorter texts (a headline, a one-line lead) share too much by chance to be matched.
MIN_WORDS = 15
BUCKETS = 32
ROWS = 2  # values per band; storage wants 2 of 16 bands shared (Jaccard 0.5: ~94 %)
BANDS = BUCKETS // ROWS
# A candidate is a copy when this share of shingles is common (Jaccard) ...
MIN_JACCARD = 0.5
# ... or when the shorter text is almost wholly inside the longer (a lead vs the article).
MIN_CONTAINMENT = 0.8
_EMPTY = (1 << 59) - 1
_MASK64 = (1 << 64) - 1
# Below this many words, one changed word is a different piece of news (a school or a
# kindergarten): the shorter text's every word must be in the longer one.
SHORT_WORDS = 60

# Numbers as written: «1100», «1 100», «7,5», «2024». Groups of three after a space are
# one number only when the first group is 1-3 digits.
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d+))?(?!\w)")
# A capitalised word (a name: Абакан, Хакасия, Иванов) or an abbreviation (МФЦ, ЖКХ).
_NAME = re.compile(r"\b(?:[A-ZА-ЯЁ][a-zа-яё]+|[A-ZА-ЯЁ]{2,})(?:-[A-ZА-ЯЁa-zа-яё]+)*\b")
# The end of a sentence: the capital after it is grammar, not a name.
_SENTENCE_END = re.compile(r"(?:^|[.!?…:;]\s*|\n\s*|[«\"„(]\s*)$")


def content_hash(text: str) -> str:
    return words_hash(words(text))


def words_hash(tokens: Sequence[str]) -> str:
    """:func:`content_hash` of a text from its :func:`~bot.text.stems.words`."""
    return hashlib.sha256(" ".join(tokens).encode("utf-8")).hexdigest()


@lru_cache(maxsize=64)  # a new text is compared with several candidates in a row
def shingles(text: str) -> frozenset[int]:
    """64-bit hashes of the pairs of consecutive stems: stable across processes."""
    return shingles_of_joined(" ".join(map(stem, words(text))))


def shingles_of(stems: Sequence[str]) -> frozenset[int]:
    """:func:`shingles` of a text from its stems (in order), when the caller has them."""
    return shingles_of_joined(" ".join(stems))


def shingles_of_joined(joined: str) -> frozenset[int]:
    """:func:`shingles` of a text from its stems joined by single spaces (a stem holds no
    space): the search index's ``body_stems``, which the ingest has already."""
    blake = hashlib.blake2b
    encoded = joined.encode().split(b" ")
    # A pair that recurs («в област») is hashed once; the digests are read in one call.
    pairs = {a + b" " + b for a, b in itertools.pairwise(encoded)}
    digests = b"".join([blake(pair, digest_size=8).digest() for pair in pairs])
    return frozenset(struct.unpack(f">{len(pairs)}Q", digests))


def eligible(text: str) -> bool:
    """Long enough to be matched against other articles' texts."""
    return len(words(text)) >= MIN_WORDS


def signature(sh: frozenset[int]) -> list[int]:
    """One-permutation MinHash: the low bits pick a bucket, the rest compete for its minimum.

    Empty buckets borrow the next filled one (rotation densification), so short texts
    still compare bucket by bucket.
    """
    mins = [_EMPTY] * BUCKETS
    # Largest first: the last value written to a bucket is its least (values are below
    # _EMPTY; a bucket's hashes share their low bits, so the least hash has the least value).
    for h in sorted(sh, reverse=True):
        mins[h & (BUCKETS - 1)] = h >> 5
    if not sh:
        return mins
    out = list(mins)
    for i in range(BUCKETS):
        step = 0
        while out[i] == _EMPTY:
            step += 1
            donor = mins[(i + step) % BUCKETS]
            if donor != _EMPTY:
                out[i] = donor + step * (1 << 59)
    return out


def band_keys(sh: frozenset[int]) -> list[tuple[int, int]]:
    """``(band, key)`` pairs to index: a signed 64-bit key per band of the signature."""
    # The band's rows packed as 64-bit words, hashed; a big-endian 64-bit digest read as a
    # signed number. The whole signature is packed once and cut into bands, the keys read
    # in one call.
    packed = struct.pack(f">{BUCKETS}Q", *[r & _MASK64 for r in signature(sh)])
    size = 8 * ROWS
    blake = hashlib.blake2b
    digests = b"".join(
        [blake(packed[i : i + size], digest_size=8).digest() for i in range(0, len(packed), size)]
    )
    return list(enumerate(struct.unpack(f">{BANDS}q", digests)))


def overlap(a: frozenset[int], b: frozenset[int]) -> tuple[float, float]:
    """(Jaccard, containment of the smaller set) of two shingle sets."""
    if not a or not b:
        return 0.0, 0.0
    common = len(a & b)
    return common / len(a | b), common / min(len(a), len(b))


@lru_cache(maxsize=64)
def facts(text: str) -> frozenset[str]:
    """The checkable facts of a text: its numbers («1100», «7.5») and names (stems of
    capitalised words that do not open a sentence, abbreviations)."""
    found: set[str] = set()
    for m in _NUMBER.finditer(text):
        whole = re.sub(r"\D", "", m.group(1))
        found.add("#" + whole + ("." + m.group(2) if m.group(2) else ""))
    for m in _NAME.finditer(text):
        opens_sentence = _SENTENCE_END.search(text[max(0, m.start() - 3) : m.start()])
        if opens_sentence and not m.group(0).isupper():
            continue  # «Строительство началось»: grammar, not a name
        found.add("@" + " ".join(stem(w) for w in words(m.group(0))))
    return frozenset(found)


def _same_facts(shorter: str, longer: str) -> bool:
    return facts(shorter) <= facts(longer)


def _no_new_words(shorter: str, longer: str) -> bool:
    """Every word (stem) of the shorter text is in the longer one."""
    return {stem(w) for w in words(shorter)} <= {stem(w) for w in words(longer)}


def is_near_copy(text: str, other_text: str) -> bool:
    """True when the two texts are the same release with edits: similar wording (see the
    thresholds) and the same facts; short texts must also use the same words."""
    jaccard, containment = overlap(shingles(text), shingles(other_text))
    if jaccard < MIN_JACCARD and containment < MIN_CONTAINMENT:
        return False
    shorter, longer = sorted((text, other_text), key=lambda t: len(words(t)))
    if not _same_facts(shorter, longer):
        return False
    return len(words(shorter)) >= SHORT_WORDS or _no_new_words(shorter, longer)
