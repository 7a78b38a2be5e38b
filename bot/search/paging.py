"""Paging payloads: compact strings under 64 bytes that carry everything needed to continue.

See :mod:`bot.search` for their formats. Decoders return None for anything that is not ours
or not valid (forged, old format, out of range), never raise.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass

from bot.text.catalogue import by_code
from storage.search import Cursor

LATEST_DEFAULT = 5
LATEST_MAX = 20
QUERY_MARK = "🔎 "  # first line of a search page: the mark, then the query
_COUNT = re.compile(r"[0-9]{1,6}")


_B36 = "0123456789abcdefghijklmnopqrstuvwxyz"
# Decoded numbers end up in SQL: SQLite integers are signed 64-bit, and a timestamp past the
# year 9999 is no date at all. Anything larger is forged.
MAX_ID = (1 << 63) - 1
MAX_TS = 253_402_300_799  # 9999-12-31 23:59:59 UTC


def b36(n: int) -> str:
    if n < 0:
        raise ValueError("negative")
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = _B36[r] + out
        if n == 0:
            return out


def from_b36(s: str, limit: int = MAX_ID) -> int:
    """A base-36 number of at most ``limit``; ValueError for anything else."""
    if not s or len(s) > 13 or any(c not in _B36 for c in s):
        raise ValueError(f"not base 36: {s!r}")
    n = int(s, 36)
    if n > limit:
        raise ValueError(f"out of range: {s!r}")
    return n


def _small_int(s: str) -> int:
    """A short ASCII decimal («²» and «٣» are not ours); ValueError for anything else."""
    if not (1 <= len(s) <= 3 and s.isascii() and s.isdigit()):
        raise ValueError(f"not a small number: {s!r}")
    return int(s)


def _cursor(published_at: str, article_id: str) -> Cursor:
    return Cursor(from_b36(published_at, MAX_TS), from_b36(article_id))


@dataclass(frozen=True, slots=True)
class LatestPayload:
    limit: int  # items per page
    shown: int  # items shown before this page (numbering)
    scope: str  # a region code, "*" (everything) or "@" (the chat's subscriptions)
    cursor: Cursor


def encode_latest(p: LatestPayload) -> str:
    return (
        f"lt:{p.limit}:{b36(p.shown)}:{p.scope}:"
        f"{b36(p.cursor.published_at)}:{b36(p.cursor.article_id)}"
    )


def decode_latest(data: str) -> LatestPayload | None:
    """The payload, or None when it is not one of ours or not valid (forged, old format)."""
    parts = data.split(":")
    if len(parts) != 6 or parts[0] != "lt":
        return None
    try:
        limit = _small_int(parts[1])
        shown = from_b36(parts[2])
        cursor = _cursor(parts[4], parts[5])
    except ValueError:
        return None
    scope = parts[3]
    if not 1 <= limit <= LATEST_MAX or shown > 100_000:
        return None
    if scope not in ("*", "@") and by_code(scope) is None:
        return None
    return LatestPayload(limit, shown, scope, cursor)


@dataclass(frozen=True, slots=True)
class SearchPayload:
    stage: int
    offset: int
    now: int
    digest: str  # query_hash of the query


def query_hash(text: str) -> str:
    digest = hashlib.blake2b(text.encode(), digest_size=4).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def encode_search(p: SearchPayload) -> str:
    return f"sr:{p.stage}:{b36(p.offset)}:{b36(p.now)}:{p.digest}"


def decode_search(data: str) -> SearchPayload | None:
    parts = data.split(":")
    if len(parts) != 5 or parts[0] != "sr":
        return None
    try:
        stage = _small_int(parts[1])
        offset = from_b36(parts[2])
        now = from_b36(parts[3], MAX_TS)
    except ValueError:
        return None
    if not 0 <= stage <= 2 or offset > 10_000 or not re.fullmatch(r"[A-Za-z0-9_-]{6}", parts[4]):
        return None
    return SearchPayload(stage, offset, now, parts[4])


def query_from_message(text: str | None) -> str | None:
    """The query of a search page, re-read from its first line; None when absent."""
    if not text or not text.startswith(QUERY_MARK):
        return None
    first = text.split("\n", 1)[0][len(QUERY_MARK) :]
    return first.strip() or None


def encode_inline_offset(stage: int, offset: int, now: int) -> str:
    return f"{stage}:{b36(offset)}:{b36(now)}"


def decode_inline_offset(data: str) -> tuple[int, int, int] | Cursor | None:
    """``(stage, offset, now)`` for a search, a :class:`Cursor` for the latest list, or
    None for the first page (empty) and anything that is not ours."""
    if data.startswith("L"):
        parts = data[1:].split(":")
        if len(parts) != 2:
            return None
        try:
            return _cursor(parts[0], parts[1])
        except ValueError:
            return None
    parts = data.split(":")
    if len(parts) != 3:
        return None
    try:
        stage, offset, now = _small_int(parts[0]), from_b36(parts[1]), from_b36(parts[2], MAX_TS)
    except ValueError:
        return None
    if not 0 <= stage <= 2 or offset > 10_000:
        return None
    return stage, offset, now


def encode_inline_latest(cursor: Cursor) -> str:
    return f"L{b36(cursor.published_at)}:{b36(cursor.article_id)}"


def parse_latest_args(args: str | None) -> tuple[str, int]:
    """``/latest [регион] [N]`` -> (region words, N).

    N defaults to :data:`LATEST_DEFAULT` and is clamped to 1..:data:`LATEST_MAX`. A lone
    number is N («/latest 3» is three items); a trailing number after region words is N.
    Only ASCII digits count («²» is a word, not a number)."""
    text = " ".join((args or "").split())
    if not text:
        return "", LATEST_DEFAULT
    parts = text.split(" ")
    if _COUNT.fullmatch(parts[-1]):
        return " ".join(parts[:-1]), clamp_latest(int(parts[-1]))
    return text, LATEST_DEFAULT


def clamp_latest(n: int) -> int:
    return max(1, min(LATEST_MAX, n))
