"""What a user typed -> :class:`SearchQuery`; FTS MATCH stages; highlighted snippets (pure)."""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.text.regions import regions_in_query
from bot.text.stems import stem, words

log = logging.getLogger(__name__)

MAX_TERMS = 8  # stems in one query; more only slows SQLite down
MAX_WORD = 40  # longer "words" are noise (a pasted URL, a hash)
PREFIX_MIN = 4  # shorter prefixes («рос*») expand to thousands of terms: 10x slower
MAX_QUERY_CHARS = 200  # the query kept (and shown) from whatever was typed
SNIPPET_CHARS = 200

# Words too common to narrow a search (their stems); dropped unless nothing else is left.
STOP_WORDS = frozenset(
    """и в во на с со к ко о об обо от по за из у для до не ни что как это или а но же
    ли бы то так все при над под без про его ее их он она они мы вы я the a an of in on and or
    to for is are""".split()  # noqa: SIM905
)


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A user's search, normalised. ``text`` is what is shown and re-read when paging."""

    text: str  # the query as kept: whitespace collapsed, at most MAX_QUERY_CHARS
    regions: tuple[str, ...]  # region codes named in the query (any of them matches)
    terms: tuple[str, ...]  # stems, in query order, without repeats
    prefix: str = ""  # searched as a prefix in place of the last stem (stages 2, 3)

    @property
    def empty(self) -> bool:
        return not self.terms and not self.regions


def clip_query(raw: str) -> str:
    """The part of a raw query that is kept: whitespace collapsed, cut at a word boundary."""
    text = " ".join(raw.split())
    if len(text) <= MAX_QUERY_CHARS:
        return text
    head = text[:MAX_QUERY_CHARS]
    space = head.rfind(" ")
    return head[:space] if space > MAX_QUERY_CHARS // 2 else head


def _terms(text: str) -> tuple[tuple[str, ...], str]:
    """(stems, the last kept stem's word as typed, lower case)."""
    found: list[tuple[str, str]] = []
    stop: list[tuple[str, str]] = []
    for word in words(text):
        if len(word) > MAX_WORD:
            continue
        s = stem(word)
        if not s:
            continue
        target = stop if word in STOP_WORDS else found
        if all(s != seen for seen, _ in target):
            target.append((s, word))
    chosen = (found or stop)[:MAX_TERMS]
    return tuple(s for s, _ in chosen), (chosen[-1][1] if chosen else "")


def prefix_for(last_stem: str, last_word: str) -> str:
    """The prefix searched for the last word: its stem, or the word as typed when the stem is
    too short for a prefix («обла» -> «обл» -> «обла»); "" when neither is long enough."""
    if last_stem.isdigit():
        return ""
    if len(last_stem) >= PREFIX_MIN:
        return last_stem
    return last_word if len(last_word) >= PREFIX_MIN else ""


def parse_query(raw: str) -> SearchQuery:
    """Anything typed -> regions + stems. Never raises."""
    text = clip_query(raw)
    if not text:
        return SearchQuery("", (), ())
    try:
        regions, rest = regions_in_query(text)
    except (ValueError, IndexError, KeyError) as exc:  # the gazetteer should never fail; be safe
        log.warning("regions_in_query(%r) failed: %r", text, exc)
        regions, rest = (), text
    terms, last_word = _terms(rest)
    prefix = prefix_for(terms[-1], last_word) if terms else ""
    return SearchQuery(text, tuple(r.code for r in regions), terms, prefix)


def _token(term: str, prefix: bool = False) -> str:
    quoted = '"' + term.replace('"', '""') + '"'
    return quoted + " *" if prefix else quoted


def match_stages(terms: Sequence[str], prefix: str | None = None) -> tuple[str, ...]:
    """FTS5 MATCH expressions to try in order (see the module doc); ``()`` for no terms.

    ``prefix`` replaces the last stem in the prefix stages (default: :func:`prefix_for` the
    last stem); "" means no prefix stage."""
    if not terms:
        return ()
    if prefix is None:
        prefix = prefix_for(terms[-1], "")
    head = [_token(t) for t in terms[:-1]]
    last = _token(prefix, True) if prefix else _token(terms[-1])
    stages = [" AND ".join(_token(t) for t in terms)]
    if prefix:
        stages.append(" AND ".join([*head, last]))
    if len(terms) > 1:
        stages.append(" OR ".join([*head, last]))
    return tuple(stages)


def stage_matchers(query: SearchQuery, stage: int) -> tuple[frozenset[str], tuple[str, ...]]:
    """The exact stems and the prefixes that a stage matches (for highlighting)."""
    terms = query.terms
    if stage == 0 or not query.prefix:
        return frozenset(terms), ()
    return frozenset(terms[:-1]), (query.prefix,)


_WORD = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+")


def snippet(
    text: str,
    terms: Sequence[str] | frozenset[str],
    prefixes: Sequence[str] = (),
    *,
    width: int = SNIPPET_CHARS,
) -> str:
    """~``width`` characters of ``text`` around the first matching word, as escaped HTML with
    every matching word in ``<b>``; the start of the text when nothing matches."""
    wanted = frozenset(terms)

    def hit(word: str) -> bool:
        if len(word) > MAX_WORD:
            return False
        s = stem(word.lower().replace("ё", "е"))
        return s in wanted or any(s.startswith(p) for p in prefixes)

    flat = " ".join(text.split())
    first = next((m for m in _WORD.finditer(flat) if hit(m.group())), None)
    start = 0
    if first is not None and first.start() > width // 3:
        start = first.start() - width // 3
        space = flat.find(" ", start)
        start = space + 1 if 0 <= space < first.start() else start
    end = min(len(flat), start + width)
    if end < len(flat):
        space = flat.rfind(" ", start, end)
        if space > start + width // 2:
            end = space
    window = flat[start:end]
    out: list[str] = ["…" if start > 0 else ""]
    pos = 0
    for m in _WORD.finditer(window):
        if hit(m.group()):
            out.append(html.escape(window[pos : m.start()], quote=False))
            out.append("<b>" + html.escape(m.group(), quote=False) + "</b>")
            pos = m.end()
    out.append(html.escape(window[pos:], quote=False))
    if end < len(flat):
        out.append("…")
    return "".join(out)
