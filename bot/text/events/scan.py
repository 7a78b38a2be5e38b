"""A faster ``finditer`` for a big alternation of word patterns (pure, no I/O).

Python's ``re`` tries every alternative of ``(?P<k0>...)|(?P<k1>...)|...`` at every character
of the string. When each alternative can only match from the start of a word (``\\b`` or
``(?<![-\\w])`` before a word character) or from a literal («публичн»), the scan can try the
pattern only at those positions, and there only the alternatives whose first character fits.
The matches are the same, alternative for alternative: at a position, the alternatives left out
cannot match, and the others keep their order. Which starts each alternative allows is read
from the compiled pattern's syntax tree; an alternative whose starts cannot be proven (one that
may begin anywhere) makes :class:`AlternationScan` fall back to the whole pattern's scan.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator, Sequence
from typing import Any

__all__ = ["AlternationScan", "Caseless", "caseless"]

_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")
_WORD_CHAR = re.compile(r"\w")
_MAX_RANGE = 4096  # a character range wider than this is not enumerated (unproven)

# A start: ("word", c), a word starting with the character c; ("lit", s), the literal s anywhere.
_Start = tuple[str, str]


def _word_chars(op: Any, av: Any) -> set[str] | None:
    """The characters one consuming item matches, when all are word characters; else None."""
    chars: set[str] = set()
    if op is _c.LITERAL:
        chars.add(chr(av))
    elif op is _c.IN:
        for iop, iav in av:
            if iop is _c.LITERAL:
                chars.add(chr(iav))
            elif iop is _c.RANGE and iav[1] - iav[0] <= _MAX_RANGE:
                chars.update(chr(c) for c in range(iav[0], iav[1] + 1))
            else:
                return None  # a category, a negation: not enumerated
    else:
        return None
    return chars if all(_WORD_CHAR.match(c) for c in chars) else None


def _not_after_word(av: Any) -> bool:
    """A negative look-behind of one character class that holds a word character:
    ``(?<![-\\w])``, which (like ``\\b`` before a word character) only allows a word start."""
    direction, sub = av
    if direction != -1 or len(sub.data) != 1:
        return False
    op, items = sub.data[0]
    return bool(op is _c.IN and (_c.CATEGORY, _c.CATEGORY_WORD) in items)


def _starts(items: list[Any], bounded: bool) -> set[_Start] | None:
    """Where a match of the sequence ``items`` may start; None when not proven.

    ``bounded``: an assertion before ``items`` allows no word character before the start."""
    for i, (op, av) in enumerate(items):
        rest = items[i + 1 :]
        if op is _c.AT:
            if av is not _c.AT_BOUNDARY:
                return None
            bounded = True
        elif op is _c.ASSERT_NOT:
            bounded = bounded or _not_after_word(av)
        elif op is _c.ASSERT:
            continue  # zero-width: it only narrows the matches
        elif op is _c.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                return None
            return _alternatives([list(sub.data)], rest, bounded)
        elif op is _c.BRANCH:
            return _alternatives([list(a.data) for a in av[1]], rest, bounded)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, high, sub = av
            if high == 0:
                continue
            if low == 0:  # the item may be skipped: the rest may start the match
                return _alternatives([list(sub.data), []], rest, bounded)
            return _alternatives([list(sub.data)], [], bounded)
        elif not bounded:
            literal = ""
            for lop, lav in items[i:]:
                if lop is not _c.LITERAL:
                    break
                literal += chr(lav)
            return {("lit", literal)} if literal else None
        else:
            chars = _word_chars(op, av)
            return None if chars is None else {("word", c) for c in chars}
    return None  # may match the empty string


def _alternatives(alts: list[list[Any]], rest: list[Any], bounded: bool) -> set[_Start] | None:
    out: set[_Start] = set()
    for alt in alts:
        found = _starts(alt + rest, bounded)
        if found is None:
            return None
        out |= found
    return out


# Uses of a start before its own pattern is compiled (see `AlternationScan._at`).
_COMPILE_AFTER = 256


class AlternationScan:
    """``re.compile("|".join(f"(?P<{name}>{rx})" ...))`` with a faster ``search`` and
    ``finditer`` (same matches: spans, ``lastgroup``), when each part's starts are proven."""

    def __init__(self, parts: Sequence[tuple[str, str]]) -> None:
        self.parts = list(parts)
        self._pattern: re.Pattern[str] | None = None  # compiled on first use: see `pattern`
        starts: list[set[_Start]] = []
        for _, rx in self.parts:
            found = _starts(list(_parser.parse(rx).data), False)
            if found is None:
                self._starts = None
                return
            starts.append(found)
        self._starts = starts
        literals = sorted({s for found in starts for kind, s in found if kind == "lit"})
        # One character per candidate, so that the scan stops at every position that may start
        # a match: a word start, or a literal's first character (then only where it follows).
        alternatives = [r"(?<!\w)(?P<word>\w)"]
        alternatives += [re.escape(s[0]) + f"(?={re.escape(s[1:])})" for s in literals]
        self._candidates = re.compile("|".join(alternatives))
        self._by_start: dict[tuple[str, bool], re.Pattern[str] | None] = {}
        # The source of each start's pattern not compiled yet, and how often it was wanted.
        self._chosen: dict[tuple[str, bool], tuple[str, int]] = {}

    @property
    def pattern(self) -> re.Pattern[str]:
        """The whole alternation, compiled on first use (most processes never need it)."""
        if self._pattern is None:
            self._pattern = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in self.parts))
        return self._pattern

    def _at(self, char: str, word_start: bool) -> re.Pattern[str] | None:
        """The pattern of the parts that may match at a position with ``char``.

        A start's own pattern is compiled once it has been wanted ``_COMPILE_AFTER`` times;
        until then the whole alternation matches there (the same match: the parts left out
        cannot match at such a position), so that one short text does not compile a pattern
        for every letter it has (a tenth of a second on a cold start).
        """
        key = (char, word_start)
        pending = self._chosen.get(key)
        if pending is None:
            assert self._starts is not None
            chosen = [
                f"(?P<{name}>{rx})"
                for (name, rx), found in zip(self.parts, self._starts, strict=True)
                if any(
                    (kind == "lit" and s[0] == char)
                    or (kind == "word" and word_start and s == char)
                    for kind, s in found
                )
            ]
            if not chosen:
                self._by_start[key] = None
                return None
            pending = ("|".join(chosen), 0)
        source, wanted = pending
        if wanted + 1 < _COMPILE_AFTER:
            self._chosen[key] = (source, wanted + 1)
            return self.pattern
        self._chosen.pop(key, None)
        compiled = self._by_start[key] = re.compile(source)
        return compiled

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self._starts is None:
            yield from self.pattern.finditer(text)
            return
        end = 0
        at = self._by_start
        for cand in self._candidates.finditer(text):
            pos = cand.start()
            if pos < end:
                continue
            key = (text[pos], cand.lastgroup == "word")
            pattern = at[key] if key in at else self._at(*key)
            if pattern is None:
                continue
            m = pattern.match(text, pos)
            if m is not None:
                yield m
                end = m.end()

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)


# --- case-insensitive patterns matched on the lower-cased text -------------------------------
#
# ``re.IGNORECASE`` compares every character through its lower case and its rare extra cases
# (``re._casefix``: «в» and the old rounded «ᲀ»), several times slower than an exact match. On a
# text of plain characters (ASCII, Latin-1, Cyrillic, punctuation: one lower-case character
# each, the same kind of character, no extra case), a pattern written in lower case matches the
# same spans case-sensitively in ``text.lower()``; the match is then taken again, at its start,
# by the pattern itself on the text, so that callers get the very match ``re`` gives. A text
# with another character, or a pattern with an upper-case letter, an extra case or a
# back-reference, is matched by the pattern itself.

_sre: Any = importlib.import_module("_sre")
_EXTRA_CASES: dict[int, tuple[int, ...]] = importlib.import_module("re._casefix")._EXTRA_CASES
_PLAIN_BLOCKS = ((0x00, 0xFF), (0x400, 0x4FF), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x214F))


def _same_kind(a: str, b: str) -> bool:
    return (
        (a.isalnum() or a == "_") == (b.isalnum() or b == "_")
        and a.isspace() == b.isspace()
        and a.isdecimal() == b.isdecimal()
    )


def _plain_chars() -> frozenset[str]:
    block = {chr(c) for lo, hi in _PLAIN_BLOCKS for c in range(lo, hi + 1)}
    return frozenset(
        c
        for c in block
        if len(c.lower()) == 1
        and ord(c.lower()) == _sre.unicode_tolower(ord(c))
        and c.lower() in block
        and _same_kind(c, c.lower())
    )


_PLAIN = _plain_chars()


def _char_class(chars: frozenset[str]) -> str:
    codes = sorted(map(ord, chars))
    parts: list[str] = []
    start = prev = codes[0]
    for code in [*codes[1:], -1]:
        if code == prev + 1:
            prev = code
            continue
        parts.append(re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else ""))
        start = prev = code
    return "".join(parts)


_NOT_PLAIN = re.compile(f"[^{_char_class(_PLAIN)}]")


def _lower_char(code: int) -> bool:
    """A character a pattern may hold for its lower-case twin: plain, lower-case, and none of
    its extra cases plain (those would match it only case-insensitively)."""
    c = chr(code)
    return (
        c in _PLAIN
        and c.lower() == c
        and not any(chr(k) in _PLAIN for k in _EXTRA_CASES.get(code, ()))
    )


def _lower_only(items: Any) -> bool:
    """Every character the parsed pattern names is a :func:`_lower_char`; no back-reference,
    no inline flags."""
    for op, av in items:
        if op in (_c.LITERAL, _c.NOT_LITERAL):
            ok = _lower_char(av)
        elif op is _c.RANGE:
            ok = av[1] - av[0] <= _MAX_RANGE and all(
                _lower_char(c) for c in range(av[0], av[1] + 1)
            )
        elif op is _c.IN:
            ok = _lower_only(av)
        elif op is _c.SUBPATTERN:
            ok = not av[1] and not av[2] and _lower_only(av[3])
        elif op is _c.BRANCH:
            ok = all(_lower_only(alt) for alt in av[1])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            ok = _lower_only(av[2])
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            ok = _lower_only(av[1])
        elif op is _c.ATOMIC_GROUP:
            ok = _lower_only(av)
        else:
            ok = op in (_c.AT, _c.ANY, _c.CATEGORY, _c.NEGATE)
        if not ok:
            return False
    return True


class Caseless:
    """``pattern`` (``re.IGNORECASE``) with a faster ``search`` and ``finditer``: the same
    matches, found case-sensitively in the lower-cased text when both allow it."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._twin: re.Pattern[str] | None = None
        flags = pattern.flags & ~re.UNICODE
        if flags == re.IGNORECASE and _lower_only(_parser.parse(pattern.pattern, flags).data):
            self._twin = re.compile(pattern.pattern)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self._twin is None or _NOT_PLAIN.search(text) is not None:
            yield from self.pattern.finditer(text)
            return
        for m in self._twin.finditer(text.lower()):
            same = self.pattern.match(text, m.start())
            assert same is not None and same.end() == m.end()
            yield same

    def search(self, text: str) -> re.Match[str] | None:
        if self._twin is None or _NOT_PLAIN.search(text) is not None:
            return self.pattern.search(text)
        m = self._twin.search(text.lower())
        return None if m is None else self.pattern.match(text, m.start())


_CASELESS: dict[re.Pattern[str], Caseless] = {}


def caseless(pattern: re.Pattern[str]) -> Caseless:
    """The :class:`Caseless` scan of ``pattern`` (made once)."""
    found = _CASELESS.get(pattern)
    if found is None:
        found = _CASELESS[pattern] = Caseless(pattern)
    return found
