"""Telegram text formatting: HTML, MarkdownV2 and legacy Markdown to (text, entities).

Offsets and lengths are UTF-16 code units, as in the Bot API. Parse errors raise
``MarkupError`` whose message follows Telegram's wording after
"Bad Request: can't parse entities: ". The HTML parser is deliberately a little
stricter than Telegram's: a bare ``<`` or ``&`` is an error instead of literal text,
so a bot that forgets to escape is caught in tests.
"""

from __future__ import annotations

import re
from typing import Any

Entity = dict[str, Any]

HTML_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "tg-emoji": "custom_emoji",
}
NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_SPECIAL = re.compile(r"[<&]")
_TAG_NAME = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
_ATTR = re.compile(r"""\s*([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_ENTITY = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_COMMAND = re.compile(r"(?<![\w/])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/@])")
_MENTION = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{4,32}\b")
_HASHTAG = re.compile(r"(?<![\w#])#\w+")
_URL = re.compile(r"\bhttps?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")


class MarkupError(ValueError):
    """The text cannot be parsed; str(self) is Telegram's detail message."""


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units: astral characters count twice."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def parse(text: str, parse_mode: str | None) -> tuple[str, list[Entity]]:
    """Dispatch on parse_mode (case-insensitive, as Telegram); None or "" is plain."""
    if not parse_mode:
        return text, []
    mode = parse_mode.lower()
    if mode == "html":
        return parse_html(text)
    if mode == "markdownv2":
        return parse_markdown_v2(text)
    if mode == "markdown":
        return parse_markdown(text)
    raise MarkupError(f"Unsupported parse_mode {parse_mode!r}")


def parse_html(source: str) -> tuple[str, list[Entity]]:
    # Fast path: nothing to parse; this is the common benchmark case.
    if "<" not in source and "&" not in source:
        return source, []
    out: list[str] = []
    pos16 = 0  # UTF-16 length of everything in out
    stack: list[tuple[str, int, Entity]] = []  # (tag, start offset, entity draft)
    entities: list[Entity] = []
    i = 0
    n = len(source)
    while i < n:
        m = _SPECIAL.search(source, i)
        if m is None:
            chunk = source[i:]
            out.append(chunk)
            pos16 += utf16_len(chunk)
            break
        j = m.start()
        if j > i:
            chunk = source[i:j]
            out.append(chunk)
            pos16 += utf16_len(chunk)
        if source[j] == "&":
            em = _ENTITY.match(source, j)
            char = _decode_entity(em.group(1)) if em else None
            if em is None or char is None:
                shown = em.group(0) if em else "&"
                raise MarkupError(
                    f'Unsupported HTML entity "{shown}" at byte offset {_byte_offset(source, j)}'
                    "; escape a bare & as &amp;"
                )
            out.append(char)
            pos16 += utf16_len(char)
            i = em.end()
            continue
        # A tag.
        end = source.find(">", j + 1)
        if end == -1:
            raise MarkupError(f"Unclosed start tag at byte offset {_byte_offset(source, j)}")
        if source.startswith("</", j):
            name = source[j + 2 : end].strip().lower()
            if not stack:
                raise MarkupError(f"Unexpected end tag at byte offset {_byte_offset(source, j)}")
            open_tag, start16, draft = stack.pop()
            if name != open_tag:
                raise MarkupError(
                    f"Unmatched end tag at byte offset {_byte_offset(source, j)}, "
                    f'expected "</{open_tag}>", found "</{name}>"'
                )
            if pos16 > start16 and draft:
                draft["offset"] = start16
                draft["length"] = pos16 - start16
                entities.append(draft)
            i = end + 1
            continue
        nm = _TAG_NAME.match(source, j + 1)
        if nm is None or nm.group(0).lower() not in HTML_TAGS:
            shown = nm.group(0) if nm else ""
            raise MarkupError(
                f'Unsupported start tag "{shown}" at byte offset {_byte_offset(source, j)}'
            )
        tag = nm.group(0).lower()
        attrs = _parse_attrs(source[nm.end() : end], source, j)
        draft = _entity_for(tag, attrs, source, j, stack)
        stack.append((tag, pos16, draft))
        i = end + 1
    if stack:
        raise MarkupError(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def _decode_entity(body: str) -> str | None:
    if body[0] == "#":
        code = int(body[2:], 16) if body[1] in "xX" else int(body[1:])
        if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return None
        return chr(code)
    return NAMED_ENTITIES.get(body.lower())


def _parse_attrs(raw: str, source: str, tag_at: int) -> dict[str, str]:
    attrs: dict[str, str] = {}
    raw = raw.rstrip().removesuffix("/")
    pos = 0
    while pos < len(raw):
        if raw[pos:].strip() == "":
            break
        am = _ATTR.match(raw, pos)
        if am is None or am.end() == pos:
            raise MarkupError(
                f"Can't parse attribute at byte offset {_byte_offset(source, tag_at)}"
            )
        value = am.group(2) or ""
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        attrs[am.group(1).lower()] = _unescape_attr(value)
        pos = am.end()
    return attrs


def _unescape_attr(value: str) -> str:
    if "&" not in value:
        return value
    return _ENTITY.sub(lambda m: _decode_entity(m.group(1)) or m.group(0), value)


def _entity_for(
    tag: str, attrs: dict[str, str], source: str, at: int, stack: list[tuple[str, int, Entity]]
) -> Entity:
    kind = HTML_TAGS[tag]
    if tag == "span" and attrs.get("class") != "tg-spoiler":
        raise MarkupError(f'Unsupported start tag "span" at byte offset {_byte_offset(source, at)}')
    if tag == "a":
        href = attrs.get("href", "").strip()
        if not href:
            raise MarkupError(
                'Can\'t find href attribute of the "a" tag at byte offset '
                f"{_byte_offset(source, at)}"
            )
        if href.startswith("tg://user?id="):
            return {"type": "text_mention", "user": {"id": int(href[13:] or 0)}}
        return {"type": kind, "url": href}
    if tag == "tg-emoji":
        emoji_id = attrs.get("emoji-id", "")
        if not emoji_id.isdigit():
            raise MarkupError(
                f'Custom emoji tag needs a numeric "emoji-id" at byte offset '
                f"{_byte_offset(source, at)}"
            )
        return {"type": kind, "custom_emoji_id": emoji_id}
    if tag == "blockquote":
        if any(t == "blockquote" for t, _, _ in stack):
            raise MarkupError("Blockquote entities can't be nested")
        return {"type": "expandable_blockquote" if "expandable" in attrs else kind}
    if tag == "code" and stack and stack[-1][0] == "pre":
        # <pre><code class="language-x"> is one pre entity with a language.
        lang = attrs.get("class", "")
        if lang.startswith("language-") and len(lang) > 9:
            stack[-1][2]["language"] = lang[9:]
        return {}
    return {"type": kind}


# MarkdownV2 ---------------------------------------------------------------

_MDV2_RESERVED = set("_*[]()~`>#+-=|{}.!")
_MDV2_KINDS = {
    "*": "bold",
    "_": "italic",
    "__": "underline",
    "~": "strikethrough",
    "||": "spoiler",
}


def parse_markdown_v2(source: str) -> tuple[str, list[Entity]]:
    out: list[str] = []
    pos16 = 0
    entities: list[Entity] = []
    open_: dict[str, tuple[int, int]] = {}  # marker -> (start offset, byte offset)
    link_start: tuple[int, int] | None = None
    quote_start: int | None = None
    quote_expandable = False
    i = 0
    n = len(source)

    def emit(chunk: str) -> None:
        nonlocal pos16
        out.append(chunk)
        pos16 += utf16_len(chunk)

    def close_quote() -> None:
        nonlocal quote_start
        if quote_start is not None and pos16 > quote_start:
            kind = "expandable_blockquote" if quote_expandable else "blockquote"
            entities.append({"type": kind, "offset": quote_start, "length": pos16 - quote_start})
        quote_start = None

    while i < n:
        ch = source[i]
        at_line_start = i == 0 or source[i - 1] == "\n"
        if at_line_start and quote_start is not None and ch != ">":
            close_quote()
        if ch == "\\":
            if i + 1 >= n or not (0 < ord(source[i + 1]) < 127):
                raise MarkupError(
                    "Character '\\' is reserved and must be escaped with the preceding '\\'"
                )
            emit(source[i + 1])
            i += 2
            continue
        if ch == ">" and at_line_start:
            if quote_start is None:
                quote_start = pos16
                quote_expandable = False
            i += 1
            continue
        if ch == "`":
            fence = source.startswith("```", i)
            marker = "```" if fence else "`"
            body_start = i + len(marker)
            language = ""
            if fence:
                nl = source.find("\n", body_start)
                first = source[body_start:nl] if nl != -1 else ""
                if nl != -1 and first and " " not in first:
                    language = first
                    body_start = nl + 1
            k = body_start
            start16 = pos16
            while k < n and not source.startswith(marker, k):
                if source[k] == "\\" and k + 1 < n and source[k + 1] in "`\\":
                    emit(source[k + 1])
                    k += 2
                    continue
                emit(source[k])
                k += 1
            if k >= n:
                raise MarkupError(
                    f"Can't find end of {'Pre' if fence else 'Code'} entity at byte offset "
                    f"{_byte_offset(source, i)}"
                )
            if pos16 > start16:
                entity: Entity = {
                    "type": "pre" if fence else "code",
                    "offset": start16,
                    "length": pos16 - start16,
                }
                if language:
                    entity["language"] = language
                entities.append(entity)
            i = k + len(marker)
            continue
        if ch == "[":
            if link_start is not None:
                raise MarkupError(
                    "Character '[' is reserved and must be escaped with the preceding '\\'"
                )
            link_start = (pos16, i)
            i += 1
            continue
        if ch == "]" and link_start is not None:
            if not source.startswith("(", i + 1):
                raise MarkupError(
                    f"Can't find end of TextUrl entity at byte offset "
                    f"{_byte_offset(source, link_start[1])}"
                )
            close = i + 2
            while close < n and source[close] != ")":
                close += 2 if source[close] == "\\" else 1
            if close >= n:
                raise MarkupError(
                    f"Can't find end of TextUrl entity at byte offset "
                    f"{_byte_offset(source, link_start[1])}"
                )
            url = source[i + 2 : close].replace("\\)", ")").replace("\\\\", "\\")
            if pos16 > link_start[0]:
                entities.append(
                    {
                        "type": "text_link",
                        "offset": link_start[0],
                        "length": pos16 - link_start[0],
                        "url": url,
                    }
                )
            link_start = None
            i = close + 1
            continue
        if at_line_start and source.startswith("**>", i):
            # **> opens an expandable blockquote.
            close_quote()
            quote_start = pos16
            quote_expandable = True
            i += 3
            continue
        marker = ""
        if source.startswith("||", i):
            marker = "||"
        elif source.startswith("__", i):
            marker = "__"
        elif ch in "*_~":
            marker = ch
        closes_quote = i + 2 >= n or source[i + 2] == "\n"
        if marker == "||" and "||" not in open_ and quote_start is not None and closes_quote:
            # "||" closing the last line of an expandable blockquote.
            i += 2
            continue
        if marker:
            if marker in open_:
                start16, _ = open_.pop(marker)
                if pos16 > start16:
                    entities.append(
                        {"type": _MDV2_KINDS[marker], "offset": start16, "length": pos16 - start16}
                    )
                i += len(marker)
                continue
            open_[marker] = (pos16, _byte_offset(source, i))
            i += len(marker)
            continue
        if ch in _MDV2_RESERVED:
            raise MarkupError(
                f"Character '{ch}' is reserved and must be escaped with the preceding '\\'"
            )
        emit(ch)
        i += 1
    close_quote()
    if link_start is not None:
        raise MarkupError(
            f"Can't find end of TextUrl entity at byte offset {_byte_offset(source, link_start[1])}"
        )
    if open_:
        marker, (_, byte_at) = min(open_.items(), key=lambda kv: kv[1][1])
        names = {
            "*": "Bold",
            "_": "Italic",
            "__": "Underline",
            "~": "Strikethrough",
            "||": "Spoiler",
        }
        raise MarkupError(f"Can't find end of {names[marker]} entity at byte offset {byte_at}")
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


# Legacy Markdown ------------------------------------------------------------


def parse_markdown(source: str) -> tuple[str, list[Entity]]:
    out: list[str] = []
    pos16 = 0
    entities: list[Entity] = []
    i = 0
    n = len(source)
    kinds = {"*": "bold", "_": "italic", "`": "code"}
    while i < n:
        ch = source[i]
        if ch == "\\" and i + 1 < n and source[i + 1] in "*_`[":
            out.append(source[i + 1])
            pos16 += 1
            i += 2
            continue
        if source.startswith("```", i):
            close = source.find("```", i + 3)
            if close == -1:
                raise MarkupError(_unclosed(source, i))
            body = source[i + 3 : close]
            language = ""
            if "\n" in body and body.split("\n", 1)[0].strip():
                language, body = body.split("\n", 1)
            if body:
                entity: Entity = {"type": "pre", "offset": pos16, "length": utf16_len(body)}
                if language:
                    entity["language"] = language.strip()
                entities.append(entity)
                out.append(body)
                pos16 += utf16_len(body)
            i = close + 3
            continue
        if ch in kinds:
            close = source.find(ch, i + 1)
            if close == -1:
                raise MarkupError(_unclosed(source, i))
            body = source[i + 1 : close]
            if body:
                entities.append({"type": kinds[ch], "offset": pos16, "length": utf16_len(body)})
                out.append(body)
                pos16 += utf16_len(body)
            i = close + 1
            continue
        if ch == "[":
            close = source.find("](", i + 1)
            end = source.find(")", close + 2) if close != -1 else -1
            if close == -1 or end == -1:
                raise MarkupError(_unclosed(source, i))
            body = source[i + 1 : close]
            if body:
                entities.append(
                    {
                        "type": "text_link",
                        "offset": pos16,
                        "length": utf16_len(body),
                        "url": source[close + 2 : end],
                    }
                )
                out.append(body)
                pos16 += utf16_len(body)
            i = end + 1
            continue
        out.append(ch)
        pos16 += utf16_len(ch)
        i += 1
    return "".join(out), entities


def _unclosed(source: str, index: int) -> str:
    return f"Can't find end of the entity starting at byte offset {_byte_offset(source, index)}"


# Helpers shared by the server -----------------------------------------------


def strip_text(text: str, entities: list[Entity]) -> tuple[str, list[Entity]]:
    """Trim surrounding whitespace as Telegram does, moving and clipping entities."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    if not stripped:
        return "", []
    lead = utf16_len(text[: len(text) - len(text.lstrip())])
    total = utf16_len(stripped)
    moved: list[Entity] = []
    for entity in entities:
        start = max(entity["offset"] - lead, 0)
        end = min(entity["offset"] + entity["length"] - lead, total)
        if end > start:
            moved.append({**entity, "offset": start, "length": end - start})
    return stripped, moved


def detect_entities(text: str) -> list[Entity]:
    """Entities Telegram finds by itself in a user's plain text message."""
    found: list[Entity] = []
    if "/" in text:
        for m in _COMMAND.finditer(text):
            found.append(_span("bot_command", text, m.start(), m.end()))
    if "@" in text:
        for m in _MENTION.finditer(text):
            found.append(_span("mention", text, m.start(), m.end()))
    if "#" in text:
        for m in _HASHTAG.finditer(text):
            found.append(_span("hashtag", text, m.start(), m.end()))
    if "://" in text:
        for m in _URL.finditer(text):
            found.append(_span("url", text, m.start(), m.end()))
    # A mention inside a URL or a /cmd@bot is not separate.
    found.sort(key=lambda e: (e["offset"], -e["length"]))
    result: list[Entity] = []
    covered = -1
    for entity in found:
        if entity["offset"] < covered:
            continue
        result.append(entity)
        covered = entity["offset"] + entity["length"]
    return result


def _span(kind: str, text: str, start: int, end: int) -> Entity:
    offset = utf16_len(text[:start])
    return {"type": kind, "offset": offset, "length": utf16_len(text[start:end])}
