"""Extractive summaries: the few most informative sentences of an article (pure, no I/O).

``summarize_article(title, text)`` keeps 3 to 5 sentences (fewer for short texts), at most
:data:`MAX_CHARS` characters, most informative first. Sentences come from ``razdel``; each is
scored by

* position (the lead of a news item carries the facts),
* overlap of its stems with the title's stems,
* numbers and named entities (capitalised words inside the sentence, «...» names),
* length (very short and very long sentences are poor summaries).

The article body goes through :func:`bot.text.clean.main_text` first, so sidebars, adverts and
«Источник изображения:» credits never reach the summary; a first sentence that repeats the title
is dropped. ``summarize_texts(texts, title)`` does the same over several articles (an event's
reports) without repeating a sentence, even when portals reword it slightly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.text.clean import main_text
from bot.text.sentenize import split_sentences
from bot.text.stems import stem, words

__all__ = [
    "MAX_CHARS",
    "MAX_SENTENCES",
    "body_sentences",
    "sentences",
    "summarize_article",
    "summarize_texts",
]

MAX_CHARS = 700
MAX_SENTENCES = 5
MIN_SENTENCES = 3
# Characters of each text a summary reads: its opening, where news puts the facts (the
# lead and the first paragraphs); the rest of a long article costs time and rarely wins.
MAX_TEXT = 1_500

_CREDIT = re.compile(
    r"^\s*(?:источник\s+(?:изображения|фото)|фото|фотография|иллюстрация|изображение"
    r"|автор\s+фото|видео)\s*[:—–-]",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d")
# A capitalised word that does not open the text or a sentence: «(?<![.!?]\s)(?<!^)\b[А-ЯЁA-Z]...»
# with the capital first and the look-behinds after it, so that the engine skips to the
# capitals instead of trying the look-behinds at every character (several times faster).
_CAPITAL = re.compile(r"[А-ЯЁA-Z](?<!\w.)(?<![.!?]\s.)(?<!^.)[а-яёa-z]{2,}")
_QUOTED = re.compile(r"[«\"“„][^»\"”]{2,80}[»\"”]")
# Function words that say nothing about the topic.
_STOP = frozenset(
    stem(w)
    for w in [
        "и",
        "в",
        "во",
        "на",
        "с",
        "со",
        "по",
        "к",
        "ко",
        "о",
        "об",
        "от",
        "до",
        "из",
        "за",
        "для",
        "не",
        "но",
        "а",
        "же",
        "ли",
        "что",
        "как",
        "это",
        "так",
        "то",
        "его",
        "ее",
        "их",
        "он",
        "она",
        "они",
        "мы",
        "вы",
        "был",
        "была",
        "были",
        "быть",
        "будет",
        "также",
        "уже",
        "при",
        "под",
        "над",
        "который",
        "которая",
        "которые",
        "этот",
        "эта",
        "эти",
        "год",
        "года",
        "году",
    ]
)


@lru_cache(maxsize=16)
def body_sentences(text: str) -> tuple[str, ...]:
    """The sentences of the article body (:func:`bot.text.clean.main_text`), cached: the
    summary and the event detector read the same article one after the other."""
    return tuple(sentences(main_text(text)))


def opening(text: str, limit: int = MAX_TEXT) -> str:
    """The text up to the end of the line or sentence that crosses ``limit`` characters
    (the whole text when it is short): a summary's reading, never a cut sentence."""
    if len(text) <= limit:
        return text
    ends = [text.find(mark, limit) for mark in ("\n", ". ", "! ", "? ")]
    end = min((e for e in ends if e >= 0), default=-1)
    if end < 0 or end > 2 * limit:
        return text[: 2 * limit]  # no end in sight: a bounded reading all the same
    return text[: end + 1]


def _norm(sentence: str) -> str:
    # ``re.sub(r"\s+", " ", sentence).strip()``: str.split's whitespace is re's ``\s`` (both
    # Py_UNICODE_ISSPACE), and the split is several times faster than the pattern.
    return " ".join(sentence.split())


def _content_stems(text: str) -> frozenset[str]:
    found = set(map(stem, words(text)))
    found -= _STOP
    return frozenset([s for s in found if len(s) > 1])


def _line_sentences(line: str) -> list[str]:
    """The sentences of one stripped line, credits dropped."""
    out: list[str] = []
    for sub in split_sentences(line):  # razdel's sentenize, faster
        s = _norm(sub)
        if s and not _CREDIT.match(s):
            out.append(s)
    return out


# The sentences of each line the last call split: the summary reads the opening of the text
# the event detector has just split, line for line the same but for the last one. (Each entry
# is a function of its line alone, so a stale or a concurrent table is never wrong.)
_last_lines: list[dict[str, list[str]]] = [{}]


def sentences(text: str) -> list[str]:
    """The text's sentences (line breaks always end a sentence), credits dropped."""
    known = _last_lines[0]
    seen: dict[str, list[str]] = {}
    out: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        found = known.get(line)
        if found is None:
            found = _line_sentences(line)
        seen[line] = found
        out += found
    _last_lines[0] = seen
    return out


@dataclass(slots=True)
class _Candidate:
    text: str
    stems: frozenset[str]
    score: float
    order: tuple[int, int]  # (text index, sentence index): ties keep reading order


def _score(sentence: str, stems: frozenset[str], index: int, title_stems: frozenset[str]) -> float:
    score = 0.0
    # Position: the lead sentence is worth most, decaying over the first paragraphs.
    score += 2.0 / (1.0 + 0.5 * index)
    if title_stems:
        score += 3.0 * len(stems & title_stems) / len(title_stems)
    score += min(len(_NUMBER.findall(sentence)), 6) * 0.15
    score += min(len(_CAPITAL.findall(sentence)), 5) * 0.2
    score += min(len(_QUOTED.findall(sentence)), 2) * 0.3
    n = len(sentence)
    if n < 40:
        score -= 1.5
    elif n < 70:
        score -= 0.5
    elif n > 350:
        score -= 1.0
    if sentence.endswith("?"):
        score -= 0.5
    return score


def _similar(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return a == b
    return len(a & b) / min(len(a), len(b)) >= 0.75


def _candidates(texts: list[str], title: str) -> list[_Candidate]:
    title_stems = _content_stems(title)
    title_norm = _norm(title).rstrip(".!").lower()
    out: list[_Candidate] = []
    for t_index, text in enumerate(texts):
        sents = body_sentences(opening(text))
        for s_index, sent in enumerate(sents):
            low = sent.rstrip(".!").lower()
            if low == title_norm:
                continue  # the title repeated as the first line
            st = _content_stems(sent)
            if len(st) < 2:
                continue
            if s_index == 0 and title_stems and st == title_stems:
                continue
            out.append(
                _Candidate(sent, st, _score(sent, st, s_index, title_stems), (t_index, s_index))
            )
    return out


def _shorten(sentence: str, limit: int) -> str:
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:—–-") + "…"


def _select(cands: list[_Candidate], max_chars: int) -> str:
    if not cands:
        return ""
    n = len(cands)
    # Short texts give all they have; longer ones 3, 4 or 5 sentences.
    want = n if n <= MIN_SENTENCES else min(MAX_SENTENCES, MIN_SENTENCES + (n - 1) // 6)
    ranked = sorted(cands, key=lambda c: (-c.score, c.order))
    chosen: list[_Candidate] = []
    length = 0
    for cand in ranked:
        if len(chosen) >= want:
            break
        if any(_similar(cand.stems, c.stems) for c in chosen):
            continue
        extra = len(cand.text) + (1 if chosen else 0)
        if length + extra > max_chars:
            if not chosen:
                return _shorten(cand.text, max_chars)
            continue
        chosen.append(cand)
        length += extra
    return " ".join(c.text for c in chosen)


def summarize_article(title: str, text: str, *, max_chars: int = MAX_CHARS) -> str:
    """3 to 5 of the article's most informative sentences (most informative first).

    At most ``max_chars`` characters; an empty string when the text has no sentence.
    """
    return _select(_candidates([text], title), max_chars)


def summarize_texts(texts: list[str], title: str, *, max_chars: int = MAX_CHARS) -> str:
    """A summary over several articles about one subject, never repeating a sentence.

    Sentences that several texts share (same press release) count once, with a bonus:
    what many portals repeat is what matters.
    """
    cands = _candidates(texts, title)
    merged: list[_Candidate] = []
    for cand in sorted(cands, key=lambda c: (-c.score, c.order)):
        for kept in merged:
            if _similar(cand.stems, kept.stems):
                if cand.order[0] != kept.order[0]:
                    kept.score += 0.5
                break
        else:
            merged.append(cand)
    return _select(merged, max_chars)
