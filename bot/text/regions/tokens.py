"""Tokens for the region tagger: razdel's tokenisation, fast, with what the rules need to know
about each word (sentence start, capitals, quotes, a line in capitals, hyphenated chains).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from razdel.segmenters.punct import DASHES as _DASHES
from razdel.segmenters.punct import ENDINGS as _ENDINGS
from razdel.segmenters.tokenize import SMILE as _SMILE

from bot.text.morph import fold
from bot.text.regions.lexicon import CLOSE_QUOTES, NO_SENT_BREAK, OPEN_QUOTES, SENT_END

__all__ = ["Quote", "Word", "razdel_tokens", "tokens"]

_TWO_CAPITALS = re.compile(r"[А-ЯЁA-Z][А-ЯЁA-Z]")  # (not «{2}»: a class first is scanned faster)


_LOWER_RUN = re.compile(r"[а-яёa-z]+")


def _many_lower(text: str, start: int, end: int) -> bool:
    """Whether so many letters of ``text[start:end]`` are small Cyrillic or Latin ones that
    the line cannot be in capitals (more than 70 % of its letters capitals): each of them is
    a letter, not a capital, and at most all the other characters are capitals (a margin of
    one keeps the float comparison of `tokens` out of the way)."""
    small = sum(map(len, _LOWER_RUN.findall(text, start, end)))
    return 3 * (end - start - small) + 3 < 7 * small


@dataclass(slots=True)
class Word:
    text: str
    start: int
    end: int
    sent_start: bool  # first word of a line or sentence
    glued_prev: bool  # no punctuation between this word and the previous one
    quote: int  # index of the enclosing quote span, or -1
    cap: bool  # starts with a capital letter
    shout: bool  # the line is in capitals («ПОЖАР В АБАКАНЕ»): capitals tell nothing
    chain: int = -1  # part of a split hyphenated chain («Новосибирск-Абакан-Кызыл»): its id


@dataclass(slots=True)
class Quote:
    first: int  # first word index inside
    last: int  # last word index inside
    before: int  # word index before the opening quote, or -1


def _join_atoms(atoms: list[tuple[int, int, str, str]], i: int, buffer: str) -> bool:
    """Whether razdel glues atom ``i`` to the token before it (``buffer``), no space between.

    The rules of ``razdel.segmenters.tokenize.RULES`` in order (dash, underscore, float,
    fraction, punct, other, yahoo); none of them ever says SPLIT, so any JOIN decides.
    """
    left_text, left_type = atoms[i - 1][3], atoms[i - 1][2]
    right_text, right_type = atoms[i][3], atoms[i][2]
    # razdel's Rule2112: a delimiter atom on the left looks one atom further left (across
    # spaces too), one on the right one atom further right.
    for in_left, in_right, need_int in (
        (left_text in _DASHES, right_text in _DASHES, False),
        (left_text == "_", right_text == "_", False),
        (left_text in ".,", right_text in ".,", True),
        (left_text in "/\\", right_text in "/\\", True),
    ):
        if in_left:
            if i < 2:
                continue
            a_type, b_type = atoms[i - 2][2], right_type
        elif in_right:
            if i + 1 >= len(atoms):
                continue
            a_type, b_type = left_type, atoms[i + 1][2]
        else:
            continue
        if need_int:
            if a_type == "INT" and b_type == "INT":
                return True
        elif a_type != "PUNCT" and b_type != "PUNCT":
            return True
    if left_type == "PUNCT" and right_type == "PUNCT":
        if _SMILE.match(buffer + right_text):
            return True
        if left_text in _ENDINGS and right_text in _ENDINGS:
            return True
        if left_text + right_text in ("--", "**"):
            return True
    if left_type == "OTHER" and right_type in ("OTHER", "RU", "LAT"):
        return True
    if left_type in ("OTHER", "RU", "LAT") and right_type == "OTHER":
        return True
    return atoms[i - 1][3].lower() == "yahoo" and right_text == "!"


# Atoms a join rule can glue to a word: dashes, «_», and «!» after «Yahoo».
_MAY_GLUE = frozenset([*_DASHES, "_", "!"])


# razdel's ATOM with the whitespace before each atom captured: ``findall`` gives every
# atom's text and type without a match object, and the offsets follow from the lengths (the
# atoms and the spaces between them cover the span up to its trailing spaces).
# razdel's classes are case-insensitive; spelled out here as every character they take (the
# case-insensitive match of a class is the slowest part of reading the atoms; a test checks
# them against razdel's own): RU ``[а-яё]``, LAT ``[a-z]``, PUNCT.
_RU = "ЁА-яё\u1c80-\u1c86"
_LAT = "A-Za-z\u0130\u0131\u017f\u212a"
_PUNCT = (
    "\u0021-\u002f\u003a-\u0040\u005b-\u0060\u007c-\u007e\u00ab\u00bb\u2011\u2013\u2014"
    "\u2018\u2019\u201c-\u201e\u2026\u2116\u2212"
)
_SPACED_ATOM = re.compile(rf"(\s*)(?:([{_RU}]+)|([{_LAT}]+)|(\d+)|([{_PUNCT}])|(\S))")
# A span none of whose atoms razdel may glue: every token is one atom (see `razdel_tokens`).
_WORD_OR_MARK = re.compile(rf"(\s*)(?:([{_RU}]+|[{_LAT}]+|\d+)|(\S))")
# Where two atoms with no space between may be glued by a join rule (the necessary condition
# of `_join_atoms`, by characters): an OTHER atom anywhere (any character of no class), two
# marks, a dash, «_» or «!» next to anything, a digit next to «.,/\».
_MAY_JOIN = re.compile(
    rf"[^\s{_RU}{_LAT}\d{_PUNCT}]|[{_PUNCT}][{_PUNCT}]|[\u2011\u2013\u2014\u2212\-_!]\S"
    rf"|\S[\u2011\u2013\u2014\u2212\-_!]|\d[.,/\\]|[.,/\\]\d"
)
# The same, found at the same place: one class first, any character but a letter or a space
# (so that ``search`` skips the letters and spaces in C, without trying each branch at each
# of them), then what that character was read back by lookbehinds («\S» before a dash too),
# and the next one by lookaheads. A lookbehind also sees the character before ``pos``: a
# match there is checked with `_MAY_JOIN` (see `_may_join`).
_MAY_JOIN_FAST = re.compile(
    rf"[^\s{_RU}{_LAT}]"
    rf"(?:(?<=[^\s{_RU}{_LAT}\d{_PUNCT}])|(?<=[{_PUNCT}])(?=[{_PUNCT}])"
    rf"|(?<=[\u2011\u2013\u2014\u2212\-_!])(?=\S)|(?<=\S[\u2011\u2013\u2014\u2212\-_!])"
    rf"|(?<=\d)(?=[.,/\\])|(?<=[.,/\\])(?=\d))"
)


def _may_join(text: str, start: int, end: int) -> bool:
    """Whether ``_MAY_JOIN`` finds a pair of atoms in ``text[start:end]`` a rule may glue."""
    m = _MAY_JOIN_FAST.search(text, start, end)
    if m is not None and m.start() == start:
        return _MAY_JOIN.search(text, start, end) is not None
    return m is not None


def razdel_tokens(
    text: str, start: int, end: int, *, spaced_dashes: bool = False
) -> list[tuple[int, int, str]]:
    """``razdel.tokenize(text[start:end])`` as (start, stop, text), offsets into ``text``.

    ``spaced_dashes``: a dash razdel glues to a word across a space is a token of its own
    («Тамбов- Волгоград», «Волгоград -Астрахань»: a dash between two words, as if spaced).

    The same atoms and join rules as razdel 0.5 (its own ``ATOM`` and ``SMILE`` patterns),
    without its per-atom objects: four times faster, the largest cost of tagging a feed item
    (the atoms read with ``findall``, not match by match: a fifth faster again). Atoms are
    only glued when nothing separates them, and only whitespace can.
    """
    if not _may_join(text, start, end):  # most lines: every atom a token
        simple: list[tuple[int, int, str]] = []
        pos = start
        for space, word, mark in _WORD_OR_MARK.findall(text, start, end):
            a_start = pos + len(space)
            t = word or mark
            pos = a_start + len(t)
            simple.append((a_start, pos, t))
        return simple
    atoms: list[tuple[int, int, str, str]] = []
    pos = start
    for space, ru, lat, num, punct, other in _SPACED_ATOM.findall(text, start, end):
        a_start = pos + len(space)
        if ru:
            pos = a_start + len(ru)
            atoms.append((a_start, pos, "RU", ru))
        elif lat:
            pos = a_start + len(lat)
            atoms.append((a_start, pos, "LAT", lat))
        elif num:
            pos = a_start + len(num)
            atoms.append((a_start, pos, "INT", num))
        elif punct:
            pos = a_start + 1
            atoms.append((a_start, pos, "PUNCT", punct))
        else:  # any other character
            pos = a_start + 1
            atoms.append((a_start, pos, "OTHER", other))
    out: list[tuple[int, int, str]] = []
    if not atoms:
        return out
    dashed: list[int] = []  # tokens with a dash glued in
    tok_start, prev_end, p_type, buffer = atoms[0]
    p_text = buffer
    for i in range(1, len(atoms)):
        a_start, a_end, a_type, a_text = atoms[i]
        if (
            prev_end == a_start
            # A word glued to a comma or a bracket («слово,»): no rule can join them, and
            # most glued pairs are such (a necessary condition of _join_atoms, checked first).
            and (
                a_type == "OTHER"
                or p_type == "OTHER"
                or (a_type == "PUNCT" and p_type == "PUNCT")
                or a_text in _MAY_GLUE
                or p_text in _MAY_GLUE
                or (
                    (a_type == "INT" or p_type == "INT")
                    and (a_text in ".,/\\" or p_text in ".,/\\")
                )
            )
            and _join_atoms(atoms, i, buffer)
        ):
            buffer += a_text
            if spaced_dashes and (a_text in _DASHES or p_text in _DASHES):
                dashed.append(len(out))  # (only glued atoms: read again after the loop)
        else:
            out.append((tok_start, tok_start + len(buffer), buffer))
            tok_start, buffer = a_start, a_text
        prev_end, p_type, p_text = a_end, a_type, a_text
    out.append((tok_start, tok_start + len(buffer), buffer))
    if dashed:
        _split_spaced_dashes(out, dashed)
    return out


def _split_spaced_dashes(out: list[tuple[int, int, str]], dashed: list[int]) -> None:
    """The tokens at ``dashed`` that open or end with a dash and a word: two tokens each."""
    for k in sorted(set(dashed), reverse=True):
        a, b, t = out[k]
        if len(t) < 2:
            continue
        if t[-1] in _DASHES and t[-2].isalnum() and t[0].isalnum():  # «Тамбов-»
            out[k : k + 1] = [(a, b - 1, t[:-1]), (b - 1, b, t[-1])]
        elif t[0] in _DASHES and t[1].isalnum() and t[-1].isalnum():  # «-Астрахань»
            out[k : k + 1] = [(a, a + 1, t[0]), (a + 1, b, t[1:])]


def _spaced_names(
    text: str, toks: list[tuple[int, int, str]], name: Callable[[str], bool]
) -> list[tuple[int, int, str]]:
    """``toks`` with a name's hyphen typed with a space on one side read as the hyphen:
    «в Урус- Мартановском районе», «дороги Урус -Мартан» (a word, a dash glued to one of its
    neighbours only, a capitalised word) make one word when ``name`` knows the hyphenated
    whole («Урус-Мартановском»). A dash spaced on both sides, or between words that make no
    name («Тамбов- Волгоград», a route), stays a dash."""
    out: list[tuple[int, int, str]] = []
    k = 0
    n = len(toks)
    while k < n:
        tok = toks[k]
        if (
            out
            and k + 1 < n
            and tok[2] in _DASHES
            and (out[-1][1] == tok[0]) != (tok[1] == toks[k + 1][0])  # glued on one side
            and out[-1][2][:1].isupper()
            and out[-1][2][-1:].isalpha()
            and toks[k + 1][2][:1].isupper()
            and text[out[-1][1] : toks[k + 1][0]].strip() == tok[2]
            and "\n" not in text[out[-1][1] : toks[k + 1][0]]
        ):
            whole = f"{out[-1][2]}-{toks[k + 1][2]}"
            if name(whole):
                out[-1] = (out[-1][0], toks[k + 1][1], whole)
                k += 2
                continue
        out.append(tok)
        k += 1
    return out


def tokens(
    text: str,
    spans: list[tuple[int, int]],
    split: Callable[[str, str], list[str] | None] | None = None,
    name: Callable[[str], bool] | None = None,
) -> tuple[list[Word], list[Quote]]:
    """Words and quotes of ``text[start:end]`` for each span.

    ``split(token, previous)`` gives the words of a hyphenated token that is a chain of names
    («Новосибирск-Абакан-Кызыл», «Кировск-Апатиты»), or None for one name («Улан-Удэ»);
    ``previous`` is the word before the token («поезда Иркутск-Наушки»), or "". A dash glued
    to a word across a space is no part of it («М-4 «Дон»- Тамбов- Волгоград»), unless
    ``name`` knows the two words with it as one name (see `_spaced_names`).

    A span whose atoms nothing may glue (most lines: see `razdel_tokens`) is read atom by
    atom here, each word made a `Word` at once; the others go through `razdel_tokens`.
    """
    words: list[Word] = []
    append = words.append
    chains = 0
    quotes: list[Quote] = []
    for s_start, s_end in spans:
        shout = False
        if _TWO_CAPITALS.search(text, s_start, s_end) and not _many_lower(text, s_start, s_end):
            # (most lines: not even two capitals in a row, or many small letters)
            letters = "".join(filter(str.isalpha, text[s_start:s_end]))
            shout = len(letters) >= 8 and sum(map(str.isupper, letters)) > 0.7 * len(letters)
        sent_start = True
        glued = False
        stack: list[tuple[int, str]] = []  # open quotes, innermost last: (index, opener)
        if not _may_join(text, s_start, s_end):
            # Every atom a token, as in `razdel_tokens`; no word has a hyphen (no chain).
            pos = s_start
            for space, word, mark in _WORD_OR_MARK.findall(text, s_start, s_end):
                t_start = pos + len(space)
                if word:
                    t = word
                elif mark.isalnum():
                    t = mark
                else:
                    pos = t_start + 1
                    glued = False
                    if mark in _MARKS_READ and _mark(
                        text, s_start, t_start, mark, stack=stack, quotes=quotes, words=words
                    ):
                        sent_start = True
                    continue
                pos = t_start + len(t)
                if stack:
                    q = stack[-1][0]
                    if quotes[q].first < 0:
                        quotes[q].first = len(words)
                    append(Word(t, t_start, pos, sent_start, glued, q, t[0].isupper(), shout))
                    for open_q, _ in stack:
                        quotes[open_q].last = len(words) - 1
                else:
                    append(Word(t, t_start, pos, sent_start, glued, -1, t[0].isupper(), shout))
                sent_start = False
                glued = True
            continue
        toks = razdel_tokens(text, s_start, s_end, spaced_dashes=True)
        if name is not None and (
            text.find("- ", s_start, s_end) >= 0 or text.find(" -", s_start, s_end) >= 0
        ):
            toks = _spaced_names(text, toks, name)  # (most lines: no dash spaced on one side)
        for t_start, t_end, t in toks:
            if t[0].isalnum():
                q = -1
                if stack:
                    q = stack[-1][0]
                    if quotes[q].first < 0:
                        quotes[q].first = len(words)
                segments = (
                    split(t, words[-1].text if words else "")
                    if split is not None and "-" in t
                    else None
                )
                if segments:
                    offset = t_start
                    for k, part in enumerate(segments):
                        if part:
                            append(
                                Word(
                                    part,
                                    offset,
                                    offset + len(part),
                                    sent_start and k == 0,
                                    glued and k == 0,
                                    q,
                                    part[0].isupper(),
                                    shout,
                                    chains,
                                )
                            )
                        offset += len(part) + 1
                    chains += 1
                else:
                    append(Word(t, t_start, t_end, sent_start, glued, q, t[0].isupper(), shout))
                if stack:
                    for open_q, _ in stack:
                        quotes[open_q].last = len(words) - 1
                sent_start = False
                glued = True
                continue
            glued = False
            if _mark(text, s_start, t_start, t, stack=stack, quotes=quotes, words=words):
                sent_start = True
    return words, quotes


# The one-character marks `_mark` reads (any other — a comma, a bracket — opens, closes and
# ends nothing): quotes, closers, sentence ends.
_MARKS_READ = frozenset([*OPEN_QUOTES, *CLOSE_QUOTES, '"', "“", "”", "»", *SENT_END])


def _mark(
    text: str,
    line_start: int,
    at: int,
    t: str,
    *,
    stack: list[tuple[int, str]],
    quotes: list[Quote],
    words: list[Word],
) -> bool:
    """Read the mark ``t`` at ``at`` (quotes opened and closed on ``stack``); whether it ends
    a sentence."""
    if stack and _closes(stack[-1][1], t):  # «…», „…“, “…”, "…"; nested too
        stack.pop()
    elif t == '"' and not stack and _glued_left(text, line_start, at):
        pass  # «…стабильности", - сказал»: closes a quote opened on an earlier line
    elif t in OPEN_QUOTES or t == '"':
        quotes.append(Quote(-1, -1, len(words) - 1))
        stack.append((len(quotes) - 1, t))
    elif stack and t in CLOSE_QUOTES:
        stack.pop()  # a closer of another style: ends the innermost quote
    elif t[0] in SENT_END:
        prev = fold(words[-1].text) if words else ""
        single_initial = bool(words) and len(words[-1].text) == 1
        return prev not in NO_SENT_BREAK and not single_initial
    return False


def _glued_left(text: str, line_start: int, at: int) -> bool:
    """Whether the mark at ``at`` follows a word or a full stop with no space: a closer."""
    return at > line_start and (text[at - 1].isalnum() or text[at - 1] in ".,!?…")


def _closes(opener: str, mark: str) -> bool:
    if opener == '"':
        return mark == '"'
    if opener == "«":
        return mark == "»"
    if opener == "„":
        return mark in "“”"
    return mark == "”" or (opener == "“" and mark == "“")
