"""A large feed cut into smaller feeds of consecutive items, to be parsed on several cores.

Each part is the document's head (everything before the first item: prolog, root element,
namespaces, channel), a run of whole items, and the document's tail, so it parses like the
whole feed would for those items. Pure text work, no parser: CDATA sections, comments and
processing instructions are skipped while looking for the items' boundaries. The caller
checks each part's parse (no warnings, as many items as cut) and parses the whole
document instead when any part disagrees, so a feed the cut does not fit (malformed, odd
markup) is read exactly as before.
"""

from __future__ import annotations

import re

__all__ = ["MIN_PART_ITEMS", "split_feed"]

# Parts smaller than this are not worth parsing the head and the tail again.
MIN_PART_ITEMS = 50

_PREAMBLE = re.compile(
    r"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*", re.DOTALL
)
_ROOT = re.compile(r"<(?:[A-Za-z0-9_-]+:)?(rss|feed|RDF)\b")
_TOKEN = re.compile(
    r"<!\[CDATA\[.*?\]\]>|<!--.*?-->|<\?.*?\?>|<(/?)(item|entry)(?=[\s/>])[^>]*>", re.DOTALL
)


def _item_spans(text: str, tag: str) -> list[tuple[int, int]] | None:
    """(start, end) of every top-level ``tag`` element, in order; None when unbalanced."""
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for match in _TOKEN.finditer(text):
        if match.group(2) != tag:
            continue  # CDATA, a comment, a processing instruction, or the other tag
        if match.group(1):  # a closing tag
            depth -= 1
            if depth < 0:
                return None
            if depth == 0:
                spans.append((start, match.end()))
        elif match.group(0).endswith("/>"):  # an empty element
            if depth == 0:
                spans.append((match.start(), match.end()))
        else:
            if depth == 0:
                start = match.start()
            depth += 1
    return spans if depth == 0 else None


def split_feed(text: str, parts: int) -> list[tuple[str, int, int]] | None:
    """``text`` (an RSS, RDF or Atom feed) as up to ``parts`` feeds: (document, index of its
    first item in the whole feed, its item count). None when it has too few items to be
    worth cutting, or no recognisable item structure."""
    head = _PREAMBLE.match(text)
    root = _ROOT.match(text, head.end() if head else 0)
    if root is None:
        return None
    spans = _item_spans(text, "entry" if root.group(1) == "feed" else "item")
    if not spans:
        return None
    parts = min(parts, len(spans) // MIN_PART_ITEMS)
    if parts < 2:
        return None
    prefix, suffix = text[: spans[0][0]], text[spans[-1][1] :]
    out: list[tuple[str, int, int]] = []
    for k in range(parts):
        first, last = len(spans) * k // parts, len(spans) * (k + 1) // parts
        start = spans[first][0]
        end = spans[last][0] if last < len(spans) else spans[-1][1]
        out.append((prefix + text[start:end] + suffix, first, last - first))
    return out
