"""Articles -> Telegram HTML: pushes, list items, local dates, region hashtags.

Pure functions (no I/O). Every string that comes from outside (titles, sources, leads,
URLs) is escaped with :func:`html.escape`; only the tags written here reach Telegram.
A push never exceeds :data:`MAX_MESSAGE_LEN` characters (a caption
:data:`MAX_CAPTION_LEN`): the lead is cut at a word boundary before it is escaped, so a
cut never lands inside a tag or an entity.

Times: every time is shown in the *chat's* zone (``zone``, an IANA name the caller works
out with ``bot.delivery.quiet_hours.chat_zone``; None: Moscow), so a list sorted by time
reads in order whatever regions its articles come from. When that zone differs from the
zone of an article shown (its first region's; Moscow without one), the message names the
zone once, after its first time: «10:00 МСК+4» (ru: relative to Moscow, as Russian
schedules write it; a zone outside Russia «UTC+1») or «10:00 UTC+7» (en). A time later
than ``now`` (a portal's clock or zone gone wrong) is shown as ``now``: nothing looks like
the future.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.text.catalogue import REGIONS, by_code
from storage.articles import Article

__all__ = [
    "DEFAULT_TZ",
    "MAX_CAPTION_LEN",
    "MAX_MESSAGE_LEN",
    "cut_words",
    "fit_message",
    "format_local",
    "format_time",
    "needs_zone_label",
    "pack_messages",
    "region_hashtags",
    "region_tz",
    "render_list_item",
    "render_push",
    "visible_len",
    "zone_label",
]

MAX_MESSAGE_LEN = 4096  # Telegram's limit, counted after entities are parsed
MAX_CAPTION_LEN = 1024  # a photo's caption, counted the same way
DEFAULT_TZ = "Europe/Moscow"
LEAD_MAX = 600  # characters of the lead in a push, before the hard 4096 cap
_ELLIPSIS = "…"

_MONTHS_RU = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SOURCE_LABEL = {"ru": "Источник", "en": "Source"}


def region_tz(region_code: str | None) -> ZoneInfo:
    """The IANA zone of a region (its capital's), Moscow when unknown or none."""
    region = by_code(region_code) if region_code else None
    return ZoneInfo(region.timezone if region is not None else DEFAULT_TZ)


_RUSSIAN_ZONES = frozenset({r.timezone for r in REGIONS} | {DEFAULT_TZ})


def _zone(zone: str | ZoneInfo | None) -> ZoneInfo:
    if isinstance(zone, ZoneInfo):
        return zone
    try:
        return ZoneInfo(zone or DEFAULT_TZ)
    except (ValueError, KeyError):  # ZoneInfoNotFoundError is a KeyError
        return ZoneInfo(DEFAULT_TZ)


def _aware(dt: datetime) -> datetime:
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)


def _offset(minutes: int) -> str:
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_label(zone: str | ZoneInfo | None, at: datetime, lang: str) -> str:
    """The zone's short name at ``at``: «МСК», «МСК+4», «UTC+1» (ru); «UTC+3» (en)."""
    tz = _zone(zone)
    offset = _aware(at).astimezone(tz).utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    if lang != "en" and tz.key in _RUSSIAN_ZONES:
        moscow = _aware(at).astimezone(ZoneInfo(DEFAULT_TZ)).utcoffset()
        delta = minutes - (int(moscow.total_seconds() // 60) if moscow is not None else 180)
        return "МСК" + (_offset(delta) if delta else "")
    return "UTC" + (_offset(minutes) if minutes else "")


def needs_zone_label(zone: str | ZoneInfo | None, articles: Iterable[Article]) -> bool:
    """Whether a message showing ``articles`` in ``zone`` must name the zone: some article's
    own zone (its first region's) has another offset at its publication time."""
    tz = _zone(zone)
    for article in articles:
        at = _aware(article.published_at)
        if (
            at.astimezone(tz).utcoffset()
            != at.astimezone(region_tz(_first_region(article))).utcoffset()
        ):
            return True
    return False


def format_time(
    dt_utc: datetime,
    lang: str,
    *,
    zone: str | ZoneInfo | None = None,
    now: datetime | None = None,
    label: bool = False,
) -> str:
    """«16 января 2024, 14:05» (ru) or «16 Jan 2024, 14:05» (en) in ``zone`` (None: Moscow),
    never later than ``now`` (default: the current time); ``label`` adds the zone's name."""
    moment = _aware(dt_utc)
    ceiling = _aware(now) if now is not None else datetime.now(UTC)
    moment = min(moment, ceiling)
    tz = _zone(zone)
    local = moment.astimezone(tz)
    months = _MONTHS_EN if lang == "en" else _MONTHS_RU
    text = f"{local.day} {months[local.month - 1]} {local.year}, {local:%H:%M}"
    return f"{text} {zone_label(tz, moment, lang)}" if label else text


def format_local(dt_utc: datetime, region_code: str | None, lang: str) -> str:
    """«16 января 2024, 14:05» (ru) or «16 Jan 2024, 14:05» (en) in the region's local time."""
    if dt_utc.tzinfo is None:  # storage hands out aware datetimes; be safe with naive ones
        dt_utc = dt_utc.replace(tzinfo=UTC)
    local = dt_utc.astimezone(region_tz(region_code))
    months = _MONTHS_EN if lang == "en" else _MONTHS_RU
    return f"{local.day} {months[local.month - 1]} {local.year}, {local:%H:%M}"


def region_hashtags(codes: Iterable[str]) -> str:
    """«#Хакасия #Татарстан» for known region codes, in the given order, without repeats."""
    tags: list[str] = []
    for code in codes:
        region = by_code(code)
        if region is not None and region.hashtag:
            tag = "#" + region.hashtag
            if tag not in tags:
                tags.append(tag)
    return " ".join(tags)


def _region_names(codes: Iterable[str], lang: str) -> str:
    names: list[str] = []
    for code in codes:
        region = by_code(code)
        if region is not None:
            names.append(region.name_en if lang == "en" else region.name)
    return ", ".join(names)


def _first_region(article: Article) -> str | None:
    return article.main_regions[0] if article.main_regions else None


def is_web_link(url: str) -> bool:
    """True for http(s) URLs: the only ones sent as links (an item without a web link is
    stored under a ``urn:`` key that is no link)."""
    return url.startswith(("http://", "https://"))


def _link(url: str, text: str) -> str:
    if not is_web_link(url):
        return html.escape(text, quote=False)
    return f'<a href="{html.escape(url, quote=True)}">{html.escape(text, quote=False)}</a>'


def cut_words(text: str, limit: int) -> str:
    """``text`` (whitespace collapsed) cut to at most ``limit`` characters at a word
    boundary, with «…» when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    if limit <= 1:
        return ""
    head = text[: limit - 1]
    space = head.rfind(" ")
    if space > limit // 2:
        head = head[:space]
    return head.rstrip(" ,;:—-") + _ELLIPSIS


def _lead_source(article: Article) -> str:
    return article.summary.strip() or article.text.strip()


def render_push(
    article: Article,
    lang: str,
    *,
    zone: str | None = None,
    now: datetime | None = None,
    limit: int = MAX_MESSAGE_LEN,
) -> str:
    """The message pushed to subscribers, in Telegram HTML, at most ``limit`` characters
    after parsing (4096 for a text; :data:`MAX_CAPTION_LEN` for a photo's caption: then the
    lead is cut shorter at a word, the title and its link stay). Times in ``zone``."""
    title = cut_words(article.title, 300) or article.url
    head = f"<b>{_link(article.url, title)}</b>"
    meta_parts = []
    if article.source_title:
        meta_parts.append(html.escape(cut_words(article.source_title, 200), quote=False))
    meta_parts.append(
        format_time(
            article.published_at,
            lang,
            zone=zone,
            now=now,
            label=needs_zone_label(zone, [article]),
        )
    )
    meta = "<i>" + " · ".join(meta_parts) + "</i>"
    tags = region_hashtags(article.main_regions)
    fixed = [head, meta]
    tail = [tags] if tags else []

    def assemble(lead: str) -> str:
        body = [*fixed]
        if lead:
            body.append(html.escape(lead, quote=False))
        body.extend(tail)
        return "\n\n".join(body)

    # The limit counts characters after parsing: tags vanish, entities count as one.
    # Budget on the visible text, so the HTML may be longer than 4096 but its text is not.
    visible_fixed = visible_len(assemble(""))
    budget = min(LEAD_MAX, limit - visible_fixed - 2)
    source = _lead_source(article)
    while True:
        lead = cut_words(source, budget) if budget > 0 else ""
        text = assemble(lead)
        over = visible_len(text) - limit
        if over <= 0 or not lead:  # (characters outside the BMP count twice: cut again)
            return text
        budget -= over


def _visible(html_text: str) -> str:
    """The text Telegram shows for our own HTML (tags stripped, entities decoded)."""
    out: list[str] = []
    in_tag = False
    for ch in html_text:
        if ch == "<":
            in_tag = True
        elif ch == ">" and in_tag:
            in_tag = False
        elif not in_tag:
            out.append(ch)
    return html.unescape("".join(out))


def visible_len(html_text: str) -> int:
    """What Telegram counts against its limits for our own HTML: UTF-16 code units of the
    text after parsing (tags gone, entities decoded; an emoji outside the BMP counts 2)."""
    return len(_visible(html_text).encode("utf-16-le")) // 2


def fit_message(
    head: str,
    items: Sequence[str],
    *,
    sep: str = "\n\n",
    keep: int = 1,
    limit: int = MAX_MESSAGE_LEN,
) -> str:
    """``head`` and ``items`` joined by ``sep``, whole items dropped from the end until the
    visible text fits ``limit`` (at least ``keep`` items stay). This is the one way a list
    message is made to fit Telegram's 4,096 characters: an item is never cut inside a tag.
    If even ``keep`` items do not fit, the message is cut as plain text (escaped again)."""
    kept = list(items)
    while True:
        text = sep.join([head, *kept]) if head else sep.join(kept)
        if visible_len(text) <= limit:
            return text
        if len(kept) <= keep:
            return html.escape(cut_words(_visible(text), limit), quote=False)
        kept.pop()


def pack_messages(
    blocks: Sequence[str], *, sep: str = "\n\n", limit: int = MAX_MESSAGE_LEN
) -> list[str]:
    """Whole blocks (each well-formed HTML) packed into as few messages as fit ``limit``;
    a block that alone is too long is cut as plain text."""
    messages: list[str] = []
    current = ""
    for block in blocks:
        piece = block
        if visible_len(piece) > limit:
            piece = html.escape(cut_words(_visible(piece), limit), quote=False)
        candidate = f"{current}{sep}{piece}" if current else piece
        if visible_len(candidate) > limit:
            messages.append(current)
            current = piece
        else:
            current = candidate
    if current:
        messages.append(current)
    return messages


def render_list_item(
    article: Article,
    lang: str,
    index: int | None = None,
    *,
    zone: str | None = None,
    now: datetime | None = None,
    label: bool = False,
) -> str:
    """One compact line for /latest and digests: «1. <a>title</a>\\n16 января 2024, 14:05 ·
    source · Хакасия, Татарстан», the time in ``zone`` (``label``: with the zone's name;
    a list names it on its first item, see :func:`needs_zone_label`)."""
    prefix = f"{index}. " if index is not None else ""
    title = cut_words(article.title, 200) or article.url
    parts = [format_time(article.published_at, lang, zone=zone, now=now, label=label)]
    if article.source_title:
        parts.append(html.escape(cut_words(article.source_title, 100), quote=False))
    names = _region_names(article.main_regions, lang)
    if names:
        parts.append(html.escape(names, quote=False))
    return f"{prefix}<b>{_link(article.url, title)}</b>\n" + " · ".join(parts)
