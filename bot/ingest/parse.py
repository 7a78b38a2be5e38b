"""Bytes -> items: charset detection, feeds (feedparser) and article pages (trafilatura).

Pure functions (no I/O). Anything that is not a readable feed or page raises
:class:`ParseError` with the reason; a single bad item never fails its feed.
"""

from __future__ import annotations

import calendar
import codecs
import html as html_module
import logging
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
import trafilatura

from bot.errors import ParseError
from bot.ingest.fulltext import feed_full_texts
from bot.ingest.normalise import clean_title, html_to_text, parse_iso_date, tidy
from bot.text.clean import main_text

log = logging.getLogger(__name__)

_PROLOG = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']")
_META = re.compile(
    rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE
)  # both <meta charset=..> and <meta http-equiv=.. content="..; charset=..">
_PROLOG_STR = re.compile(r"^(\s*<\?xml[^>]*?encoding\s*=\s*)[\"'][A-Za-z0-9._:-]+[\"']")
_ALIASES = {
    "win-1251": "cp1251",
    "windows1251": "cp1251",
    "x-cp1251": "cp1251",
    "cp-1251": "cp1251",
    "koi8r": "koi8_r",
    "koi-8-r": "koi8_r",
    "utf8": "utf-8",
}
# Skip leading comments, doctypes and processing instructions to find the root element.
_PREAMBLE = re.compile(r"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.DOTALL | re.IGNORECASE)
_FEED_ROOT = re.compile(r"<(?:[A-Za-z0-9_-]+:)?(rss|feed|RDF)\b")
_HTML_ROOT = re.compile(r"<(html|head|body|!doctype\s+html)\b", re.IGNORECASE)
_META_DATE = re.compile(
    r"<meta[^>]+(?:property|name|itemprop)\s*=\s*[\"']"
    r"(?:article:published_time|og:published_time|datePublished|pubdate|publishdate|date)"
    r"[\"'][^>]*>",
    re.IGNORECASE,
)
_CONTENT_ATTR = re.compile(r"content\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_TIME_TAG = re.compile(r"<time[^>]+datetime\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
_HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_OG_IMAGE = re.compile(
    r"<meta[^>]+(?:property|name)\s*=\s*[\"'](?:og:image|og:image:url|og:image:secure_url|"
    r"twitter:image)[\"'][^>]*>",
    re.IGNORECASE,
)
_FIGURE_IMG = re.compile(r"<figure\b[^>]*>.*?<img\b([^>]*)>", re.IGNORECASE | re.DOTALL)
_SRC_ATTR = re.compile(r"\b(?:data-src|src)\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_IMAGE_EXT = re.compile(r"\.(?:jpe?g|png|gif|webp)(?:$|[?#])", re.IGNORECASE)
MAX_IMAGE_URL = 2000


@dataclass(frozen=True, slots=True)
class RawItem:
    """One item as the source gives it: text may still hold markup, the date may be absent."""

    guid: str | None
    link: str | None
    title: str
    text: str  # the lead: plain text (pages) or HTML (feeds: the description)
    published: datetime | None
    page: bool = False  # extracted from an article page, not a feed entry
    # The feed's full-text candidates as given (yandex:full-text, turbo:content,
    # content:encoded, Atom content); the pipeline cleans them and keeps the best.
    full: tuple[str, ...] = ()
    image: str | None = None  # the lead image's absolute http(s) URL


@dataclass(frozen=True, slots=True)
class Parsed:
    kind: str  # 'feed' or 'page'
    title: str  # the feed's or page's title
    items: list[RawItem]
    warnings: list[str]  # skipped items and recoverable feed errors, for the log


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(body: bytes, header_charset: str | None = None) -> str:
    """Bytes -> text: BOM, XML prolog, HTTP header, ``<meta>``, UTF-8, then windows-1251.

    A declared charset that does not fit the bytes is passed over, so a server that
    claims UTF-8 for a windows-1251 file (common on Russian sites) still reads right.
    """
    if body.startswith(codecs.BOM_UTF8):
        return body[3:].decode("utf-8", errors="replace")
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return body.decode("utf-16", errors="replace")
    head = body[:4096]
    prolog = _PROLOG.match(head)
    meta = _META.search(head)
    declared = [
        prolog.group(1).decode("ascii") if prolog else None,
        header_charset,
        meta.group(1).decode("ascii") if meta else None,
    ]
    tried: list[str] = []
    for name in [*declared, "utf-8", "cp1251"]:
        codec = _codec(name)
        if codec is None or codec in tried:
            continue
        tried.append(codec)
        try:
            return body.decode(codec)
        except UnicodeDecodeError:
            # A few bad bytes (a truncated body, one stray byte) do not make the
            # declared charset wrong; a wrong charset fails on most non-ASCII bytes.
            text = body.decode(codec, errors="replace")
            if text.count("\ufffd") <= max(2, len(text) // 1000):
                return text
    return body.decode("utf-8", errors="replace")


def sniff(text: str, content_type: str = "") -> str:
    """'feed', 'html' or 'unknown', from the root element first, then the media type."""
    start = _PREAMBLE.match(text[:20000])
    rest = text[start.end() if start else 0 :][:500]
    if _FEED_ROOT.match(rest):
        return "feed"
    if _HTML_ROOT.match(rest):
        return "html"
    if any(t in content_type for t in ("rss", "atom", "rdf")):
        return "feed"
    if "html" in content_type:
        return "html"
    return "unknown"


def _struct_to_dt(value: Any) -> datetime | None:
    if not isinstance(value, time.struct_time):
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (OverflowError, ValueError, OSError):
        return None


def image_url(value: object, base_url: str = "") -> str | None:
    """An absolute http(s) URL of an image, or None (other schemes, data: URIs, junk)."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value or len(value) > MAX_IMAGE_URL or any(c.isspace() for c in value):
        return None
    url = urljoin(base_url, value) if base_url else value
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def _entry_image(entry: Any, base_url: str) -> str | None:
    """The item's picture: an image enclosure, else ``media:content`` (an image), else
    ``media:thumbnail``."""
    for enclosure in entry.get("enclosures") or []:
        kind = str(enclosure.get("type") or "")
        href = enclosure.get("href") or enclosure.get("url")
        if kind.startswith("image/") or (not kind and _IMAGE_EXT.search(str(href or ""))):
            found = image_url(href, base_url)
            if found:
                return found
    for media in entry.get("media_content") or []:
        kind = str(media.get("type") or "")
        medium = str(media.get("medium") or "")
        url = media.get("url")
        if (
            kind.startswith("image/")
            or medium == "image"
            or (not kind and not medium and _IMAGE_EXT.search(str(url or "")))
        ):
            found = image_url(url, base_url)
            if found:
                return found
    for thumb in entry.get("media_thumbnail") or []:
        found = image_url(thumb.get("url"), base_url)
        if found:
            return found
    return None


def page_image(html: str, url: str = "") -> str | None:
    """An article page's picture: its ``og:image`` (or ``twitter:image``), else the image
    of its first ``<figure>``."""
    head = html[:200_000]
    for match in _OG_IMAGE.finditer(head):
        content = _CONTENT_ATTR.search(match.group(0))
        found = image_url(content.group(1), url) if content else None
        if found:
            return found
    figure = _FIGURE_IMG.search(head)
    if figure:
        src = _SRC_ATTR.search(figure.group(1))
        if src:
            return image_url(html_module.unescape(src.group(1)), url)
    return None


def _absolute(base_url: str, link: object) -> str:
    """The item's address made absolute against the feed's (the base of its pictures)."""
    if not link:
        return base_url
    try:
        return urljoin(base_url, str(link))
    except ValueError:  # «http://[bad»: the pictures resolve against the feed instead
        return base_url


def _entry_lead(entry: Any) -> str:
    """The item's description (feedparser copies the content here when there is none)."""
    return str(entry.get("summary") or entry.get("description") or "")


def parse_feed(text: str, base_url: str = "") -> Parsed:
    """RSS 0.9x/1.0/2.0 or Atom -> raw items. Raises ParseError when nothing can be read."""
    # feedparser gets UTF-8 bytes with a matching prolog: the charset was settled already.
    utf8 = _PROLOG_STR.sub(r'\1"utf-8"', text, count=1).encode("utf-8", errors="replace")
    # No base address: feedparser would join it to every element's xml:base and link (a
    # fifth of its time); links are made absolute against the feed's address here instead.
    headers = {"content-type": "application/xml; charset=utf-8"}
    try:
        # No sanitising or URI rewriting inside content: html_to_text drops all markup anyway.
        parsed = feedparser.parse(
            utf8, response_headers=headers, sanitize_html=False, resolve_relative_uris=False
        )
    except (ValueError, TypeError, RecursionError, UnicodeError) as exc:
        raise ParseError(f"unreadable feed: {type(exc).__name__}: {exc}") from exc
    warnings: list[str] = []
    if parsed.get("bozo"):
        warnings.append(f"malformed feed: {parsed.get('bozo_exception')}")
    entries = parsed.get("entries") or []
    version = parsed.get("version") or ""
    if not version:
        # feedparser's loose mode finds "entries" in almost any text; without an RSS or
        # Atom root it is not a feed.
        raise ParseError("not a feed: no RSS or Atom structure found")
    if not entries and parsed.get("bozo"):
        raise ParseError(f"not a readable feed ({parsed.get('bozo_exception')})")
    feed_title = clean_title(parsed.get("feed", {}).get("title") or "")
    items: list[RawItem] = []
    for index, entry in enumerate(entries):
        try:
            link = entry.get("link") or None
            guid = entry.get("id") or entry.get("guid") or None
            published = None
            for key in ("published_parsed", "updated_parsed", "created_parsed"):
                # dict.get: FeedParserDict.get maps updated<->published with a warning.
                published = _struct_to_dt(dict.get(entry, key))
                if published is not None:
                    break
            items.append(
                RawItem(
                    guid=str(guid)[:1000] if guid else None,
                    link=str(link)[:2000] if link else None,
                    title=str(entry.get("title") or ""),
                    text=_entry_lead(entry),
                    published=published,
                    full=tuple(feed_full_texts(entry)),
                    image=_entry_image(entry, _absolute(base_url, link)),
                )
            )
        except (AttributeError, TypeError, ValueError) as exc:  # a malformed entry only
            warnings.append(f"item {index + 1}: skipped ({exc})")
    return Parsed("feed", feed_title, items, warnings)


def _page_date(html: str) -> datetime | None:
    head = html[:200_000]
    for match in _META_DATE.finditer(head):
        content = _CONTENT_ATTR.search(match.group(0))
        value = parse_iso_date(content.group(1)) if content else None
        if value is not None:
            return value
    time_tag = _TIME_TAG.search(head)
    return parse_iso_date(time_tag.group(1)) if time_tag else None


def extract_page(html: str, url: str = "") -> Parsed:
    """An article page -> one raw item: title, main text, date; boilerplate removed.

    trafilatura drops navigation, sidebars, share buttons and footers; ``main_text``
    then cuts any «Последние новости» / «Читайте также» tail that survived.
    """
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url or None,
            fast=True,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            with_metadata=True,
            as_dict=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, AttributeError, RecursionError) as exc:
        raise ParseError(f"cannot extract the article: {exc}") from exc
    if doc is None or isinstance(doc, dict):
        raise ParseError("no article text found on the page")
    text = tidy(str(doc.text or ""))
    text = main_text(text)
    if not text:
        raise ParseError("no article text found on the page")
    title = clean_title(str(doc.title or ""))
    # trafilatura keeps the headline as the text's first line: use it as the title (it is
    # the article's own, without the site name) and keep it out of the body.
    h1 = _H1.search(html[:200_000])
    headline = clean_title(h1.group(1)) if h1 else ""
    first, _, rest = text.partition("\n")
    if first.strip() and first.strip() in {headline, title}:
        title = first.strip()
        text = rest.strip() or text
    elif headline:
        title = headline
    if not title:
        found = _HTML_TITLE.search(html[:100_000])
        title = clean_title(found.group(1)) if found else ""
    published = _page_date(html) or parse_iso_date(str(doc.date) if doc.date else None)
    image = page_image(html, url) or image_url(str(doc.image) if doc.image else None, url)
    item = RawItem(
        guid=None,
        link=url or None,
        title=title,
        text=text,
        published=published,
        page=True,
        image=image,
    )
    return Parsed("page", str(doc.sitename or ""), [item], [])


def parse_document(text: str, *, url: str = "", content_type: str = "") -> Parsed:
    """Feed or page, whichever the text is. Raises ParseError for anything else."""
    if not text.strip():
        raise ParseError("empty document")
    if "\x00" in text[:4096]:
        raise ParseError("binary data, not a feed or a page")
    kind = sniff(text, content_type)
    if kind == "feed":
        return parse_feed(text, url)
    if kind == "html":
        return extract_page(text, url)
    # Unknown: a feed with an odd root, or a page fragment; try both, the feed first.
    try:
        parsed = parse_feed(text, url)
    except ParseError:
        parsed = None
    if parsed is not None and parsed.items:
        return parsed
    if "<" in text[:4096] and re.search(r"<(p|div|article|h1)\b", text, re.IGNORECASE):
        return extract_page(text, url)
    raise ParseError("not a feed or an HTML page")


def plain(markup: str) -> str:
    """Feed HTML -> article body text (boilerplate tails cut)."""
    return main_text(html_to_text(markup))
