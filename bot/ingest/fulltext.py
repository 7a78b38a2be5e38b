"""Full text beside the lead (pure functions, no I/O).

Russian regional sites often put the whole article into their feeds for aggregators:
``yandex:full-text`` (namespace http://news.yandex.ru), Turbo's ``turbo:content`` (HTML),
``content:encoded`` and Atom ``content``. :func:`feed_full_texts` collects them from a
feedparser entry; :func:`pick_full_text` keeps the longest one that is real (more than the
lead repeated), cleaned to text the way a page is: boilerplate elements (header, navigation,
asides, figures, forms, Turbo's share/menu/feed blocks) are dropped, and
:func:`bot.text.clean.main_text` cuts «Читайте также» / «Последние новости» tails and credits.
(Article pages themselves go through trafilatura; a feed's fragment needs no layout
analysis, and this keeps a 1,000-item full-text feed fast.)

The lead stays the lead (what a push shows); :func:`analysis_text` is what regions, events,
the summary, the search index and near-copy keys read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from bot.ingest.normalise import html_to_text, tidy
from bot.text.clean import main_text

__all__ = [
    "LEAD_IS_FULL",
    "analysis_text",
    "clean_fragment",
    "feed_full_texts",
    "is_real_full_text",
    "pick_full_text",
]

# feedparser's keys for the full-text extensions (it joins prefix and name with "_").
_EXTENSION_KEYS = ("yandex_full-text", "turbo_content", "fulltext", "yandex_fulltext")
# A description at least this long is taken to be the whole article: no page is read for it.
LEAD_IS_FULL = 1500
# The full text must add at least this much to the lead (characters of normalised text).
_MIN_GAIN = 80

# Elements that are never the article (a whole element, the closing tag found lazily; an
# unclosed one runs to the end). Nesting of the same tag inside them is rare in feeds.
_BOILERPLATE = re.compile(
    r"<(header|nav|aside|footer|figure|figcaption|form|menu|button)\b[^>]*>.*?(?:</\1\s*>|$)",
    re.DOTALL | re.IGNORECASE,
)
# Turbo pages' non-article blocks: share buttons, menus, feeds of other items, widgets.
_TURBO_BLOCK = re.compile(
    r"<div\b[^>]*\bdata-block\s*=\s*[\"'](?:share|menu|feed|feed-item|widget-feedback|"
    r"comments|search|button|related|cart|rating|accordion)[\"'][^>]*>"
    r"(?:[^<]|<(?!/?div\b))*?</div\s*>",
    re.DOTALL | re.IGNORECASE,
)
_CLASS_JUNK = re.compile(
    r"<(div|section|ul|p)\b[^>]*\b(?:class|id)\s*=\s*[\"'][^\"']*"
    r"(?:advert|banner|sidebar|related|share|social|subscribe|promo)[^\"']*[\"'][^>]*>"
    r"(?:[^<]|<(?!/?\1\b))*?</\1\s*>",
    re.DOTALL | re.IGNORECASE,
)
_WORDS = re.compile(r"\w+")


def feed_full_texts(entry: Any) -> list[str]:
    """Every full-text candidate of a feedparser entry (markup as given), non-empty ones."""
    out: list[str] = []
    for key in _EXTENSION_KEYS:
        value = dict.get(entry, key)
        if isinstance(value, str) and value.strip():
            out.append(value)
    for content in entry.get("content") or ():
        value = content.get("value") if hasattr(content, "get") else None
        if isinstance(value, str) and value.strip():
            out.append(value)
    return out


def clean_fragment(markup: str) -> str:
    """Feed HTML (or plain text) -> the article's text, boilerplate dropped, tails cut."""
    text = markup
    if "<" in text:
        for pattern in (_BOILERPLATE, _TURBO_BLOCK, _CLASS_JUNK):
            text = pattern.sub("\n", text)
    return main_text(html_to_text(text))


def _norm(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))


def is_real_full_text(lead: str, full: str) -> bool:
    """Whether ``full`` says more than ``lead``: not the lead repeated, nor a shorter text."""
    full_n = _norm(full)
    if not full_n:
        return False
    lead_n = _norm(lead)
    return len(full_n) >= len(lead_n) + max(_MIN_GAIN, len(lead_n) // 5)


def pick_full_text(lead: str, candidates: Iterable[str], limit: int = 100_000) -> str | None:
    """The longest cleaned candidate that is real beside ``lead`` (plain text), or None."""
    best = ""
    for markup in candidates:
        text = clean_fragment(markup)[:limit]
        if len(text) > len(best):
            best = text
    return best if best and is_real_full_text(lead, best) else None


def analysis_text(lead: str, body: str | None) -> str:
    """The text the understanding step reads: the body, with the lead in front of it when
    the body does not repeat it (a teaser written apart from the article)."""
    if not body:
        return lead
    lead_n = _norm(lead)
    if not lead_n:
        return body
    probe = lead_n[:80]
    if probe in _norm(body[: len(lead) * 3 + 400]):
        return body
    return tidy(f"{lead}\n\n{body}")
