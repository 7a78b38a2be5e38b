"""OPML import and export of sources (the format feed readers exchange subscriptions in).

A source's region travels in the OPML 2.0 ``category`` attribute of its outline, as the
region's code (``category="RU-KK"``); on import any category (or enclosing outline title)
that names a region in any form the resolver knows («Хакасия», «19», «RU-KK») is taken.
Parsing goes through defusedxml (no entity expansion, no external entities: an uploaded
file is untrusted); only http(s) feed URLs are kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from bot.text.regions import resolve_region

__all__ = [
    "MAX_OPML_BYTES",
    "OpmlEntry",
    "OpmlError",
    "OpmlList",
    "parse_opml",
    "read_opml",
    "render_opml",
]

MAX_OPML_BYTES = 2_000_000  # a list of several thousand feeds; a file larger is refused
MAX_OPML_ENTRIES = 2_000


class OpmlError(ValueError):
    """The file is not an OPML subscription list that can be read."""


@dataclass(frozen=True, slots=True)
class OpmlEntry:
    url: str
    title: str
    region: str | None  # a region code when the outline names one


def _web_url(url: str) -> str | None:
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def _region_of(tags: Sequence[str]) -> str | None:
    for tag in tags:
        words = tag.strip().strip("/")
        if not words or len(words) > 100:
            continue
        region = resolve_region(words).region
        if region is not None:
            return region.code
    return None


def _tags(element: ET.Element, parents: Sequence[str]) -> list[str]:
    """Region candidates of an outline: its categories, then the titles of its parents."""
    tags = [t for c in (element.get("category") or "").split(",") for t in c.split("/") if t]
    return tags + list(reversed(parents))


def _walk(element: ET.Element, parents: list[str], out: list[tuple[ET.Element, list[str]]]) -> None:
    for child in element:
        if not isinstance(child.tag, str) or child.tag.rpartition("}")[2] != "outline":
            continue
        if child.get("xmlUrl"):
            out.append((child, parents))
        label = child.get("text") or child.get("title") or ""
        _walk(child, [*parents, label] if label else parents, out)


@dataclass(frozen=True, slots=True)
class OpmlList:
    """What a file holds: the feeds kept, and the feed addresses refused (not http(s),
    or past :data:`MAX_OPML_ENTRIES`). A repeated address counts once."""

    entries: tuple[OpmlEntry, ...]
    refused: tuple[str, ...]


def parse_opml(data: bytes) -> list[OpmlEntry]:
    """The feeds of an OPML file, each with its region when the outline says so.

    Raises :class:`OpmlError` for a file that is too large, not XML, or lists no feed.
    """
    return list(read_opml(data).entries)


def read_opml(data: bytes) -> OpmlList:
    """:func:`parse_opml` with the refused addresses too (for an import report)."""
    if len(data) > MAX_OPML_BYTES:
        raise OpmlError(f"file larger than {MAX_OPML_BYTES // 1_000_000} MB")
    try:
        root = SafeET.fromstring(data)
    except (ET.ParseError, DefusedXmlException) as exc:
        raise OpmlError(f"not an OPML list: {exc}") from exc
    body = next((e for e in root.iter() if isinstance(e.tag, str) and e.tag.endswith("body")), None)
    found: list[tuple[ET.Element, list[str]]] = []
    _walk(body if body is not None else root, [], found)
    entries: list[OpmlEntry] = []
    refused: list[str] = [e.get("xmlUrl") or "" for e, _ in found[MAX_OPML_ENTRIES:]]
    seen: set[str] = set()
    for element, parents in found[:MAX_OPML_ENTRIES]:
        raw_url = element.get("xmlUrl") or ""
        url = _web_url(raw_url)
        if url is None:
            if raw_url not in refused:
                refused.append(raw_url)
            continue
        if url in seen:
            continue
        seen.add(url)
        raw_title = element.get("title") or element.get("text") or ""
        title = " ".join(raw_title.split())[:300]
        if title == url:  # an outline whose text is its address has no title
            title = ""
        entries.append(OpmlEntry(url, title, _region_of(_tags(element, parents))))
    if not entries:
        raise OpmlError("no http(s) feed in the list")
    return OpmlList(tuple(entries), tuple(refused))


def render_opml(
    entries: Sequence[OpmlEntry], *, title: str = "newsbot sources", now: datetime | None = None
) -> str:
    """An OPML 2.0 document listing the entries (region codes as categories)."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    moment = now or datetime.now(UTC)
    ET.SubElement(head, "dateCreated").text = moment.strftime("%a, %d %b %Y %H:%M:%S GMT")
    body = ET.SubElement(root, "body")
    for entry in entries:
        attrs = {"type": "rss", "text": entry.title or entry.url, "xmlUrl": entry.url}
        if entry.title:
            attrs["title"] = entry.title
        if entry.region:
            attrs["category"] = entry.region
        ET.SubElement(body, "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
