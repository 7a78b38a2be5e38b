"""Normalisation: canonical URLs, plain text out of HTML, sane UTC dates (pure functions)."""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

# Query parameters that only track where a click came from.
_TRACKING = frozenset(
    {
        "yclid", "ysclid", "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid",
        "igshid", "mc_cid", "mc_eid", "_openstat", "_hsenc", "_hsmi", "ref_src",
        "utm", "spm", "cmpid", "rss_referer",
    }
)  # fmt: skip
_DEFAULT_PORTS = {"http": 80, "https": 443}
NO_LINK_PREFIX = "urn:newsbot:item:"  # articles.url of an item that has no web link

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_CDATA = re.compile(r"<!\[CDATA\[(.*?)(?:\]\]>|$)", re.DOTALL)
# Elements whose content is never text; an unclosed one runs to the end.
_DROP = re.compile(
    r"<(script|style|noscript|template|iframe|svg|object|head|button|form|select)\b"
    r"[^>]*>.*?(?:</\1\s*>|$)",
    re.DOTALL | re.IGNORECASE,
)
_BLOCK = re.compile(
    r"<\s*/?\s*(?:br|p|div|li|ul|ol|h[1-6]|tr|table|blockquote|section|article|header|"
    r"footer|figure|figcaption|hr|pre|dd|dt)\b[^>]*>",
    re.IGNORECASE,
)
_TAG = re.compile(r"</?[A-Za-z!][^<>]*>|</?[A-Za-z][^<>]*$")
# Control characters, and the bidi embeddings, overrides and isolates (U+202A-U+202E,
# U+2066-U+2069): a right-to-left override in a title would show it reversed, or disguise
# a link's text; no news headline needs one.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Invisible characters judged one by one (:func:`strip_invisible`).
_INVISIBLE = re.compile(r"[\u061c\u200b-\u200f\u2060\ufeff]")
_ZWNJ, _ZWJ = "\u200c", "\u200d"
_MARKS = frozenset("\u200e\u200f\u061c")  # LRM, RLM, ALM
# Scripts whose spelling uses ZWJ/ZWNJ between letters (Hebrew, Arabic, Syriac, Thaana,
# the Indic scripts, Sinhala, Thai, Lao, Tibetan, Myanmar, Arabic presentation forms).
_JOINING_SCRIPTS = ((0x0590, 0x0FFF), (0x1000, 0x109F), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFC))
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n{3,}")
# Any character that :func:`tidy` drops or changes besides plain spaces and line breaks: the
# controls, the invisible characters and the other spaces. Most texts hold none, and one scan
# for them is cheaper than the passes that would change nothing.
_UNUSUAL = re.compile(
    "["
    + _CONTROL.pattern[1:-1]
    + _INVISIBLE.pattern[1:-1]
    + r"\t\u00a0\u2000-\u200a\u202f\u205f\u3000"
    + "]"
)

MIN_DATE = datetime(1995, 1, 1, tzinfo=UTC)
# A date further ahead than this is a mistake of the source, not a scheduled post.
MAX_AHEAD = timedelta(days=1)
TITLE_MAX = 400


def canonical_url(url: str, base: str | None = None) -> str | None:
    """The URL an article is known by: absolute, lower-case host, no tracking, no fragment.

    Returns None for anything but an http(s) URL: ``file://``, ``javascript:``, ``data:``,
    ``ftp://`` and the like are never kept or sent as a link.
    """
    url = (url or "").strip()
    if not url:
        return None
    if base:
        url = urljoin(base, url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in _TRACKING
    ]
    # Raw Cyrillic and its %-escaped form are one URL: escape what is not escaped yet.
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=~")
    return urlunsplit((scheme, host, path, urlencode(sorted(query)), ""))


def item_key(base_url: str, *parts: str) -> str:
    """The stored identity of an item without an http(s) link: not a link, never shown as
    one, stable across polls (made of the feed's address and the item's own words)."""
    digest = hashlib.blake2b("\n".join((base_url, *parts)).encode(), digest_size=16)
    return NO_LINK_PREFIX + digest.hexdigest()


def _emoji_part(ch: str) -> bool:
    """A character that may stand on either side of a ZWJ in an emoji sequence (👨‍👩‍👧,
    🏳️‍🌈, 🧑🏽‍💻): a pictograph, the emoji variation selector, a skin tone, a tag."""
    cp = ord(ch)
    return (
        unicodedata.category(ch) == "So"
        or cp in (0xFE0F, 0x20E3)
        or 0x1F3FB <= cp <= 0x1F3FF
        or 0xE0020 <= cp <= 0xE007F
    )


def _joining_letter(ch: str) -> bool:
    cp = ord(ch)
    return unicodedata.category(ch)[0] in "LM" and any(a <= cp <= b for a, b in _JOINING_SCRIPTS)


def strip_invisible(text: str) -> str:
    """Drop stray zero-width characters, keep the ones that mean something.

    ZWJ stays inside an emoji sequence (dropping it turns a family into three people) and,
    like ZWNJ, between letters of the scripts that spell with it (Persian, the Indic
    scripts); LRM/RLM/ALM stay only in text that has right-to-left letters. Zero-width
    spaces, word joiners, byte-order marks and every other such character go.
    """
    if not _INVISIBLE.search(text):
        return text
    rtl = any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text if ch not in _MARKS)
    out: list[str] = []
    for i, ch in enumerate(text):
        if not _INVISIBLE.match(ch):
            out.append(ch)
            continue
        before = out[-1] if out else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if ch in _MARKS:
            keep = rtl
        elif ch in (_ZWJ, _ZWNJ) and before and after:
            keep = (ch == _ZWJ and _emoji_part(before) and _emoji_part(after)) or (
                _joining_letter(before) and _joining_letter(after)
            )
        else:
            keep = False
        if keep:
            out.append(ch)
    return "".join(out)


def tidy(text: str) -> str:
    """Plain text with tidy whitespace: single spaces, at most one blank line, no controls,
    no bidi overrides, no stray zero-width characters (:func:`strip_invisible`)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _UNUSUAL.search(text):
        text = strip_invisible(_CONTROL.sub("", text))
        text = _SPACES.sub(" ", text)
    elif "  " in text:  # plain spaces only: a single one stays as it is
        text = _SPACES.sub(" ", text)
    # The spaces class holds no line break: the whole text in one pass, then line by line.
    text = "\n".join([line.strip() for line in text.split("\n")])
    if "\n\n\n" in text:
        text = _BLANKS.sub("\n\n", text)
    return text.strip()


def html_to_text(markup: str) -> str:
    """HTML (or text with stray tags and entities) -> plain text; scripts and styles dropped.

    Runs twice so that an escaped tag (``&lt;script&gt;``) in a feed does not survive as
    markup either.
    """
    text = markup or ""
    for _ in range(2):
        if "<" not in text and "&" not in text:
            break
        text = _CDATA.sub(r"\1", text)
        text = _COMMENT.sub(" ", text)
        text = _DROP.sub(" ", text)
        text = _BLOCK.sub("\n", text)
        text = _TAG.sub(" ", text)
        text = html.unescape(text)
    return tidy(text)


def clean_title(markup: str) -> str:
    """A title as one line of plain text, cut to a sane length at a word boundary."""
    title = " ".join(html_to_text(markup).split())
    if len(title) > TITLE_MAX:
        title = title[:TITLE_MAX].rsplit(" ", 1)[0] + "…"
    return title


def title_from_text(text: str, limit: int = 120) -> str:
    """A stand-in title for an item without one: its first sentence, cut at a word."""
    first = text.strip().split("\n", 1)[0]
    match = re.match(r"(.+?[.!?…])(?:\s|$)", first)
    sentence = match.group(1) if match else first
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0] + "…"
    return sentence.strip()


def valid_date(value: datetime | None, fetched_at: datetime) -> datetime | None:
    """``value`` in UTC if it is plausible: after 1995 and not more than a day ahead.

    A date slightly ahead (a wrong time zone on the source) becomes the fetch time, so
    such an item does not sit on top of every list until the clock catches up.
    """
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)  # feeds without a zone: UTC is the RFC default
    value = value.astimezone(UTC)
    if value < MIN_DATE or value > fetched_at + MAX_AHEAD:
        return None
    return min(value, fetched_at)


def pick_published(
    candidates: list[datetime | None], fetched_at: datetime
) -> tuple[datetime, bool]:
    """The first plausible date among ``candidates`` (feed, then page), else the fetch time.

    Returns ``(when, from_source)``; ``from_source`` is False when the fetch time was used.
    """
    for value in candidates:
        good = valid_date(value, fetched_at)
        if good is not None:
            return good, True
    return fetched_at, False


def parse_iso_date(text: str | None) -> datetime | None:
    """An ISO 8601 date or date-time (as in ``article:published_time``), or None."""
    if not text:
        return None
    text = text.strip().replace("Z", "+00:00")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        text += "T00:00:00+00:00"
    # Python 3.11 accepts "+0300" too, but not a space before the zone.
    text = re.sub(r"\s+([+-]\d{2}:?\d{2})$", r"\1", text)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None
